"""Every page of the help center, and what the plugin adds to each.

``plan_site`` decides, from the source model alone, which pages exist in which
locale (articles, their untranslated fallbacks, category and home pages) and
how they correspond across locales. ``Composer`` renders what the plugin adds
to a page's HTML (breadcrumbs, notices, related articles, listings) and the
data the theme templates get (switcher, hreflang, JSON-LD). URLs in, HTML and
data out: no MkDocs object is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from babel.dates import format_date
from mkdocs.utils import get_relative_url

from . import alternates as alt
from . import site, translations
from .locales import Catalogs, LocaleInfo
from .related import RelatedIndex
from .rendering import ListEntry, Renderer
from .sources import Article, HelpCenter, Problem

UrlOf = Callable[[str], str]
"""The URL the site gives a source path (``sv/e-post/index.md`` -> ``sv/e-post/``)."""


@dataclass
class SitePlan:
    """Which pages exist in which locale, and how they correspond."""

    center: HelpCenter
    categories: dict[str, site.CategoryPage] = field(default_factory=dict)
    """Category pages by source path."""
    categories_by_id: dict[tuple[str, str], site.CategoryPage] = field(default_factory=dict)
    fallbacks: dict[str, translations.TranslationState] = field(default_factory=dict)
    """Untranslated articles served in a locale, by the source path they get there."""
    states: dict[tuple[str, str], translations.TranslationState] = field(default_factory=dict)
    alternates: alt.Alternates = field(default_factory=lambda: alt.Alternates(()))
    problems: list[Problem] = field(default_factory=list)
    """Two pages on one URL: every URL is claimed once, and each later claimant is named."""
    _fallback_by_id: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)

    def home_url(self, locale: str) -> str:
        home = self.center.homes.get(locale)
        return home.url if home else f"{locale}/"

    def shown_article(self, src_uri: str) -> Article | None:
        """The article a page shows: its own, or the original an untranslated page falls back to."""
        fallback = self.fallbacks.get(src_uri)
        return fallback.source if fallback is not None else self.center.articles.get(src_uri)

    def link_resolver(self, locale: str) -> Callable[[str], str | None]:
        """For a fallback page: where a link to another source file should go in ``locale``."""
        if locale not in self._fallback_by_id:  # once per locale and build, not per page
            self._fallback_by_id[locale] = {s.article_id: u for u, s in self.fallbacks.items() if s.locale == locale}
        fallback_by_id = self._fallback_by_id[locale]

        def resolve(src_uri: str) -> str | None:
            article = self.center.articles.get(src_uri)
            if article is None:
                return None
            translation = self.center.article(locale, article.id)
            return translation.src_uri if translation is not None else fallback_by_id.get(article.id)

        return resolve


def claim_files(uris: Iterable[str], url_of: UrlOf) -> tuple[dict[str, str], list[Problem]]:
    """Which page file has each URL: the first in path order; every later one is a problem.

    The plugin leaves the later ones out of the build (and out of the source model)."""
    claims: dict[str, str] = {}
    problems = []
    for uri in sorted(u for u in uris if u.endswith(".md")):
        url = url_of(uri)
        first = claims.setdefault(url, uri)
        if first != uri:
            problems.append(
                Problem(uri, f"has the URL /{url} of {first}; rename or move one of them (this one is not built)")
            )
    return claims, problems


def plan_site(center: HelpCenter, locales: Mapping[str, LocaleInfo], url_of: UrlOf, taken: set[str]) -> SitePlan:
    """Plan every page; ``taken`` holds the source paths that exist as files.

    Every URL is claimed once: the files the editors wrote first (``claim_files``: the plugin has
    already left out the files that lost), then category pages, then untranslated fallbacks. A
    later claimant is not built, and is named with the first.
    """
    plan = SitePlan(center, alternates=alt.Alternates(tuple(locales)))
    claims, plan.problems = claim_files(taken, url_of)

    def holder(uri: str) -> str | None:
        """Who has the URL of ``uri`` already (None: nobody, and now ``uri`` has it)."""
        first = claims.setdefault(url_of(uri), uri)
        return None if first == uri else first

    for pages in site.category_pages(center).values():
        for page in pages:
            # Two categories with one slug are the source model's problem (categories.yml:line).
            other = holder(page.src_uri)
            if other is not None:
                plan.problems.append(
                    Problem(
                        f"{page.category.locale}/categories.yml",
                        f"category '{page.category.id}' (slug '{page.category.slug}') would have the URL "
                        f"/{url_of(page.src_uri)} of {other}; give it a slug of its own (it gets no page)",
                    )
                )
                continue
            plan.categories[page.src_uri] = page
            plan.categories_by_id[(page.category.locale, page.category.id)] = page
            key = ("category", page.category.id)
            plan.alternates.add(key, page.src_uri, alt.Alternate(page.category.locale, url_of(page.src_uri)))
    for locale, home in center.homes.items():
        plan.alternates.add(alt.HOME_KEY, home.src_uri, alt.Alternate(locale, home.url))
    for state in translations.all_states(center):
        plan.states[(state.article_id, state.locale)] = state
        key = ("article", state.article_id)
        if state.translation is not None:
            url = state.translation.url
            plan.alternates.add(key, state.translation.src_uri, alt.Alternate(state.locale, url))
            continue
        uri = f"{state.locale}/{state.source.src_uri.partition('/')[2]}"
        other = uri if uri in taken else holder(uri)
        if other is not None:
            plan.problems.append(
                Problem(
                    uri,
                    f"cannot show the untranslated {state.source.src_uri} here: {other} has its URL "
                    f"/{url_of(uri)}; translate the article or move one of them",
                )
            )
            continue
        plan.fallbacks[uri] = state
        plan.alternates.add(key, uri, alt.Alternate(state.locale, url_of(uri), fallback=True))
    return plan


@dataclass(frozen=True)
class Composed:
    """What the plugin adds to one page."""

    html: str
    related: list[dict[str, Any]] = field(default_factory=list)
    json_ld: str | None = None


class Composer:
    """Renders the plugin's parts of each page in the reader's locale."""

    def __init__(
        self,
        plan: SitePlan,
        locales: Mapping[str, LocaleInfo],
        catalogs: Catalogs,
        renderer: Renderer,
        related: RelatedIndex,
        site_url: str | None,
        url_of: UrlOf,
    ) -> None:
        self.plan = plan
        self.locales = locales
        self.catalogs = catalogs
        self.renderer = renderer
        self.related_index = related
        self.base = site_url.rstrip("/") + "/" if site_url else ""
        self.url_of = url_of

    def compose(self, src_uri: str, locale: str, here: str, html: str) -> Composed:
        """The page's HTML with the plugin's parts, for any page of a locale."""
        plan = self.plan
        fallback = plan.fallbacks.get(src_uri)
        if fallback is not None:
            original = fallback.source
            lang = self.locales[original.locale].html_lang
            top, json_ld = self.breadcrumbs(locale, here, html, article=original)
            related, links = self.related(original, here, locale)
            body = f'<div class="hc-original" lang="{lang}">{html}</div>'
            return Composed(top + self.notices(locale, here, fallback, original) + body + related, links, json_ld)
        article = plan.center.articles.get(src_uri)
        if article is not None:
            state = plan.states.get((article.id, locale))
            top, json_ld = self.breadcrumbs(locale, here, html, article=article)
            related, links = self.related(article, here, locale)
            return Composed(top + self.notices(locale, here, state, article) + html + related, links, json_ld)
        category = plan.categories.get(src_uri)
        if category is not None:
            top, json_ld = self.breadcrumbs(locale, here, html, category=category)
            entries = [self.entry(a, here) for a in category.articles]
            listing = self.renderer.render(locale, "category.html", category=category.category, entries=entries)
            return Composed(top + html + listing, json_ld=json_ld)
        home = plan.center.homes.get(locale)
        if home is not None and home.src_uri == src_uri:
            return Composed(html + self.home(locale, here))
        return Composed(html)

    def breadcrumbs(
        self,
        locale: str,
        here: str,
        html: str,
        *,
        article: Article | None = None,
        category: site.CategoryPage | None = None,
    ) -> tuple[str, str]:
        """Home › Category › Article as links (and the page heading), and as JSON-LD."""
        crumbs = [site.Crumb(self.catalogs.get(locale).gettext("Home"), self.plan.home_url(locale))]
        if category is None and article is not None and article.meta.category:
            category = self.plan.categories_by_id.get((locale, article.meta.category))
        if category is not None:
            crumbs.append(site.Crumb(category.category.title, self.url_of(category.src_uri)))
        title = article.meta.title if article is not None else category.category.title if category else ""
        crumbs.append(site.Crumb(title, here))
        language = self.locales[article.locale].html_lang if article is not None else None
        links = self.renderer.render(
            locale,
            "breadcrumbs.html",
            crumbs=[{"name": c.name, "href": get_relative_url(c.url, here)} for c in crumbs],
            heading=None if "<h1" in html else title,
        )
        return links, site.json_ld(crumbs, self.base, article, language)

    def notices(self, locale: str, here: str, state: translations.TranslationState | None, article: Article) -> str:
        """The update date, and what the reader should know about the translation."""
        info = self.locales[locale]
        source = state.source if state is not None else article
        changed = []
        if state is not None and state.state == translations.OUTDATED:
            changed = [s.number for s in source.steps if s.anchor in state.changed_steps]
        updated = article.meta.updated
        return self.renderer.render(
            locale,
            "notices.html",
            state=state.state if state is not None else translations.SOURCE,
            updated=updated.isoformat() if updated else None,
            updated_text=format_date(updated, "long", locale=info.babel) if updated else None,
            language=info.babel.get_display_name(info.babel) or locale,
            source_language=self.locales[source.locale].babel.get_display_name(info.babel) or source.locale,
            source_lang=self.locales[source.locale].html_lang,
            source_href=get_relative_url(source.url, here),
            changed_steps=changed,
        )

    def entry(self, article: Article, here: str) -> ListEntry:
        return ListEntry(
            title=article.meta.title,
            href=get_relative_url(article.url, here),
            summary=article.meta.summary,
            kind=article.meta.type,
        )

    def home(self, locale: str, here: str) -> str:
        """Categories with their most important articles."""
        sections = []
        for category in self.plan.categories.values():
            if category.category.locale != locale:
                continue
            shown = category.articles[: site.HOME_ARTICLES]
            sections.append(
                {
                    "category": category.category,
                    "href": get_relative_url(self.url_of(category.src_uri), here),
                    "entries": [self.entry(a, here) for a in shown],
                    "more": len(category.articles) > len(shown),
                    "total": len(category.articles),
                }
            )
        return self.renderer.render(locale, "home.html", sections=sections)

    def related(self, article: Article, here: str, locale: str) -> tuple[str, list[dict[str, Any]]]:
        """Related articles in the reader's locale; an untranslated one in its own language, marked."""
        links = []
        reader = self.locales[locale]
        for entry in self.related_index.related(article):
            target = self.plan.center.article(locale, entry.article.id) or entry.article
            fallback = target.locale != locale
            language_note = None
            if fallback:
                language = self.locales[target.locale].babel.get_display_name(reader.babel) or target.locale
                language_note = self.catalogs.get(locale).gettext("in %(language)s") % {"language": language}
            links.append(
                {
                    "title": target.meta.title,
                    "href": get_relative_url(target.url, here),
                    "summary": target.meta.summary,
                    "lang": self.locales[target.locale].html_lang if fallback else None,
                    "language_note": language_note,
                }
            )
        return self.renderer.render(locale, "related.html", links=links), links

    def switcher(self, src_uri: str, locale: str, here: str) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
        """Language switcher entries (every locale) and hreflang alternates (real translations)."""
        versions = {a.locale: a for a in self.plan.alternates.of(src_uri)}
        reader = self.locales[locale]
        gettext = self.catalogs.get(locale).gettext
        entries = []
        for code, info in self.locales.items():
            version = versions.get(code)
            target = version.url if version is not None else self.plan.home_url(code)
            note = None
            if version is None:
                note = gettext("home page")
            elif version.fallback:
                note = gettext("not translated yet")
            entries.append(
                {
                    "code": code,
                    "name": info.name,
                    "lang": info.html_lang,
                    "page_lang": reader.html_lang,
                    "href": get_relative_url(target, here),
                    "current": code == locale,
                    "note": note,
                }
            )
        hreflang = [
            {"name": self.locales[a.locale].name, "link": self.base + a.url, "lang": self.locales[a.locale].html_lang}
            for a in self.plan.alternates.translations(src_uri)
        ]
        if hreflang:
            hreflang.append({"name": "x-default", "link": self.base or "/", "lang": "x-default"})
        return entries, hreflang
