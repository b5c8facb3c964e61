"""Navigation beyond articles: category listings, home-page sections, breadcrumbs and their JSON-LD.

Pure functions over the source model; they return plain data that the plugin
glue turns into MkDocs objects and the renderer into HTML.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from jinja2.utils import htmlsafe_json_dumps

from .sources import Article, Category, HelpCenter

HOME_ARTICLES = 5
"""Articles shown per category on a home page."""


@dataclass(frozen=True)
class CategoryListing:
    """A category of one locale with its articles, in listing order, and its page's source path."""

    category: Category
    src_uri: str
    articles: tuple[Article, ...]


def listing_order(article: Article) -> tuple[int, str, str]:
    """Guides first, then by title, then id (deterministic)."""
    return (0 if article.is_guide else 1, article.meta.title.casefold(), article.id)


def missing_categories(center: HelpCenter, locale: str) -> list[Category]:
    """The source locale's categories its articles use that ``locale``'s categories file lacks,
    in the source's order: each shown in ``locale`` with the source's words, marked."""
    source = center.default_locale
    own = center.categories.get(locale, {})
    used = {a.meta.category for a in center.articles.values() if a.locale == source}
    return [
        replace(category, locale=locale, order=len(own) + category.order, language=source)
        for category in sorted(center.categories.get(source, {}).values(), key=lambda c: c.order)
        if locale != source and category.id in used and category.id not in own
    ]


def category_listings(center: HelpCenter) -> dict[str, list[CategoryListing]]:
    """Every locale's category pages, in the order of its categories file (then the categories it
    lacks, with the source locale's words: ``missing_categories``)."""
    members: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for article in center.articles.values():
        if article.meta.category:
            members[(article.locale, article.meta.category)].append(article)
    pages: dict[str, list[CategoryListing]] = {}
    for locale in center.locales:
        own = sorted(center.categories.get(locale, {}).values(), key=lambda c: c.order)
        categories = [*own, *missing_categories(center, locale)]
        pages[locale] = [
            CategoryListing(
                category=c,
                src_uri=f"{locale}/{c.slug}/index.md",
                articles=tuple(sorted(members[(locale, c.id)], key=listing_order)),
            )
            for c in categories
        ]
    return pages


@dataclass(frozen=True)
class Crumb:
    """One level of a breadcrumb trail."""

    name: str
    url: str
    """Site-relative URL."""


def json_ld(crumbs: list[Crumb], base_url: str, article: Article | None = None, language: str | None = None) -> str:
    """BreadcrumbList (and the Article) as JSON-LD, safe to place inside a script element."""
    items = []
    for position, crumb in enumerate(crumbs, start=1):
        item: dict[str, object] = {"@type": "ListItem", "position": position, "name": crumb.name}
        if base_url:
            item["item"] = base_url + crumb.url
        items.append(item)
    graph: list[dict[str, object]] = [{"@type": "BreadcrumbList", "itemListElement": items}]
    if article is not None:
        data: dict[str, object] = {"@type": "Article", "headline": article.meta.title}
        if article.meta.summary:
            data["description"] = article.meta.summary
        if article.meta.updated:
            data["dateModified"] = article.meta.updated.isoformat()
        if language:
            data["inLanguage"] = language
        if article.meta.tags:
            data["keywords"] = ", ".join(article.meta.tags)
        graph.append(data)
    # Safe inside <script>: <, >, & and ' are JSON escapes.
    return str(htmlsafe_json_dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False))
