"""Every page of the help center as a typed record, and what the plugin adds to each.

``plan_site`` decides, from the source model alone, which pages exist in which locale
and what each is: an article in its own locale, a fallback (an article shown in another
locale), a category page, a home page, another Markdown page, the root chooser, a 404,
the dashboard. Each record carries its locale, URL, the article it shows with its
translation state, its listings and related articles, and the sources it depends on.
The plugin's hooks look a page's record up once and dispatch on its type. ``Composer``
renders what the plugin adds to a page's HTML (breadcrumbs, notices, related articles,
listings) and the data the theme templates get (switcher, hreflang, JSON-LD). Data in,
data out: no MkDocs object is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from babel.dates import format_date
from babel.lists import format_list
from mkdocs.utils import get_relative_url

from . import alternates as alt
from . import navigation, translations
from .guide import Reach, attribute_json, contact_href, reach_config
from .intake import UrlOf, claim_files
from .locales import Catalogs, LocaleInfo
from .navigation import CategoryListing
from .rendering import ListEntry, Renderer
from .sources import Article, Category, HelpCenter, Home, Problem

RelatedOf = Callable[[Article], Sequence[Article]]
"""An article's related articles (editor picks first), each in the article's own locale or a fallback."""


# -- the records -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedPage:
    """One page of the built site."""

    url: str
    """Site-relative URL (``sv/e-post/``, ``sv/404.html``, ``""`` for the root)."""
    locale: str
    """The reader's locale: the page's chrome, catalog and language."""
    depends_on: frozenset[str]
    """The source paths whose change changes this page (listings, related lists and notices included)."""


@dataclass(frozen=True)
class SourcePage(PlannedPage):
    """A page MkDocs renders from a source file, one the editors wrote or one the plan adds;
    ``src_uri`` is the path MkDocs knows it by (``sv/e-post/webbmail.md``)."""

    src_uri: str


@dataclass(frozen=True)
class ShownArticle(SourcePage):
    """A page that shows an article."""

    article: Article
    """The article shown: the locale's own, or (for a fallback) the original in another locale."""
    state: translations.TranslationState | None
    """Where the article stands in this locale (source, translated, outdated, missing, …)."""
    category: CategoryListing | None
    """Its category in this locale (breadcrumbs, the navigation)."""
    related: tuple[Article, ...]
    """Related articles, each in this locale where translated, else in its own language."""

    @property
    def source(self) -> Article:
        """The article a translation is made from (the article itself in the source locale)."""
        return self.state.source if self.state is not None else self.article


@dataclass(frozen=True)
class ArticlePage(ShownArticle):
    """An article in its own locale."""


@dataclass(frozen=True)
class FallbackPage(ShownArticle):
    """An untranslated article shown in another locale: its original, marked, at the locale's own path."""


@dataclass(frozen=True)
class CategoryPage(SourcePage):
    """A category's page: its description (and an editor's own ``index.md``), then its articles."""

    listing: CategoryListing
    """The category and the locale's own articles in it."""
    entries: tuple[ShownArticle, ...] = ()
    """Every article the page lists, guides first: the locale's own and its fallbacks (marked)."""


@dataclass(frozen=True)
class HomePage(SourcePage):
    """A locale's home page: search first, then each category with its first articles."""

    home: Home
    """The home page's own source record (its title names the locale's site)."""
    categories: tuple[CategoryPage, ...]
    """The locale's category pages, in the order of its ``categories.yml``."""


@dataclass(frozen=True)
class OtherPage(SourcePage):
    """Any other Markdown page of a locale folder: built as MkDocs builds it, in the locale's chrome."""


@dataclass(frozen=True)
class RootPage(PlannedPage):
    """``/`` (the language chooser) or, with ``not_found``, ``/404.html`` for paths outside every locale."""

    not_found: bool = False


@dataclass(frozen=True)
class NotFoundPage(PlannedPage):
    """A locale's 404 page (``/<locale>/404.html``), served at any depth."""


@dataclass(frozen=True)
class DashboardPage(PlannedPage):
    """``/translations/``: the translators' dashboard."""


Planned = TypeVar("Planned", bound=PlannedPage)
Shown = TypeVar("Shown", bound=ShownArticle)


# -- the plan --------------------------------------------------------------------------------------------------


@dataclass
class SitePlan:
    """Every page of the site, typed, and how pages correspond across locales."""

    center: HelpCenter
    pages: dict[str, SourcePage] = field(default_factory=dict)
    """The pages MkDocs renders, by source path."""
    site_pages: list[PlannedPage] = field(default_factory=list)
    """The pages written after the build: the root pages, each locale's 404, the dashboard."""
    listings: dict[tuple[str, str], CategoryListing] = field(default_factory=dict)
    """Category listings by (locale, category id)."""
    alternates: alt.Alternates = field(default_factory=lambda: alt.Alternates(()))
    problems: list[Problem] = field(default_factory=list)
    """Two pages on one URL: every URL is claimed once, and each later claimant is named."""
    _fallback_by_id: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)

    def page(self, src_uri: str) -> SourcePage | None:
        return self.pages.get(src_uri)

    def of_type(self, kind: type[Planned]) -> Iterator[Planned]:
        """The pages of one type, in plan order."""
        for record in (*self.pages.values(), *self.site_pages):
            if isinstance(record, kind):
                yield record

    def article_url(self, locale: str, article_id: str) -> str | None:
        """Where a locale's readers read an article (its translation, or its fallback page)."""
        return self.alternates.url(("article", article_id), locale)

    def home_url(self, locale: str) -> str:
        home = self.center.homes.get(locale)
        return home.url if home else f"{locale}/"

    def link_resolver(self, locale: str) -> Callable[[str], str | None]:
        """For a fallback page: where a link to another source file should go in ``locale``."""
        if locale not in self._fallback_by_id:  # once per locale and build, not per page
            self._fallback_by_id[locale] = {
                p.article.id: p.src_uri for p in self.of_type(FallbackPage) if p.locale == locale
            }
        fallback_by_id = self._fallback_by_id[locale]

        def resolve(src_uri: str) -> str | None:
            article = self.center.articles.get(src_uri)
            if article is None:
                return None
            translation = self.center.article(locale, article.id)
            return translation.src_uri if translation is not None else fallback_by_id.get(article.id)

        return resolve


def plan_site(
    center: HelpCenter,
    locales: Collection[str],
    url_of: UrlOf,
    taken: set[str],
    related_of: RelatedOf = lambda _article: (),
    fallbacks: Mapping[str, Sequence[str]] | None = None,
) -> SitePlan:
    """Plan every page; ``taken`` holds the source paths that exist as files.

    An article a locale lacks is shown in the first locale of its ``fallbacks`` chain that has it,
    else in its source locale, at the locale's own path, and is listed on its category pages.

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

    for locale_listings in navigation.category_listings(center).values():
        for listing in locale_listings:
            # Two categories with one slug are the source model's problem (categories.yml:line).
            other = holder(listing.src_uri)
            if other is not None:
                plan.problems.append(
                    Problem(
                        f"{listing.category.locale}/categories.yml",
                        f"category '{listing.category.id}' (slug '{listing.category.slug}') would have the URL "
                        f"/{url_of(listing.src_uri)} of {other}; give it a slug of its own (it gets no page)",
                    )
                )
                continue
            locale = listing.category.locale
            plan.listings[(locale, listing.category.id)] = listing
            key = ("category", listing.category.id)
            plan.alternates.add(key, listing.src_uri, alt.Alternate(locale, url_of(listing.src_uri)))
    for locale, home in center.homes.items():
        plan.alternates.add(alt.HOME_KEY, home.src_uri, alt.Alternate(locale, home.url))
    chains = fallback_chains(locales, center.default_locale, fallbacks or {})
    for state in translations.all_states(center):
        key = ("article", state.article_id)
        record: ShownArticle
        if state.translation is not None:
            article = state.translation
            record = _shown(ArticlePage, plan, state, article, article.src_uri, article.url, related_of)
            plan.alternates.add(key, article.src_uri, alt.Alternate(state.locale, article.url))
        else:
            shown = next(
                (a for code in chains[state.locale] if (a := center.article(code, state.article_id)) is not None),
                state.source,
            )
            uri = f"{state.locale}/{shown.src_uri.partition('/')[2]}"
            other = uri if uri in taken else holder(uri)
            if other is not None:
                plan.problems.append(
                    Problem(
                        uri,
                        f"cannot show the untranslated {shown.src_uri} here: {other} has its URL "
                        f"/{url_of(uri)}; translate the article or move one of them",
                    )
                )
                continue
            record = _shown(FallbackPage, plan, state, shown, uri, url_of(uri), related_of)
            plan.alternates.add(key, uri, alt.Alternate(state.locale, record.url, fallback=True))
        plan.pages[record.src_uri] = record
    _plan_listings(plan, url_of)
    for uri in sorted(taken):
        locale = uri.partition("/")[0]
        if uri.endswith(".md") and uri not in plan.pages and locale in locales:
            plan.pages[uri] = OtherPage(url_of(uri), locale, frozenset({uri}), uri)
    default = center.default_locale
    every_source = frozenset(uri for uri in taken if uri.endswith((".md", "categories.yml")))
    plan.site_pages += [
        RootPage("", default, frozenset(h.src_uri for h in center.homes.values())),
        RootPage("404.html", default, frozenset(), not_found=True),
        *(NotFoundPage(f"{code}/404.html", code, _chrome_of(plan, code)) for code in locales),
        DashboardPage("translations/", default, every_source),
    ]
    return plan


def _shown(
    kind: type[Shown],
    plan: SitePlan,
    state: translations.TranslationState,
    article: Article,
    src_uri: str,
    url: str,
    related_of: RelatedOf,
) -> Shown:
    """The record of a page showing ``article`` in ``state.locale``."""
    locale = state.locale
    center = plan.center
    category = plan.listings.get((locale, article.meta.category or ""))
    related = tuple(center.article(locale, r.id) or r for r in related_of(article))
    depends = {article.src_uri, state.source.src_uri, *(r.src_uri for r in related)}
    if category is not None:
        depends.add(f"{locale}/categories.yml")
    return kind(url, locale, frozenset(depends), src_uri, article, state, category, related)


def fallback_chains(
    locales: Collection[str], default: str, configured: Mapping[str, Sequence[str]]
) -> dict[str, tuple[str, ...]]:
    """For each locale, the locales whose article its readers get when it has none (the source's last)."""
    return {
        code: tuple(dict.fromkeys(c for c in (*configured.get(code, ()), default) if c != code)) for code in locales
    }


def _plan_listings(plan: SitePlan, url_of: UrlOf) -> None:
    """Category pages (their own articles and the locale's fallbacks in them) and home pages."""
    listed: dict[tuple[str, str], list[ShownArticle]] = {key: [] for key in plan.listings}
    for record in plan.pages.values():
        if isinstance(record, ShownArticle):
            key = (record.locale, record.article.meta.category or "")
            if key in listed:
                listed[key].append(record)
    categories: dict[str, list[CategoryPage]] = {}
    for (locale, _), listing in plan.listings.items():
        entries = tuple(
            sorted(listed[(locale, listing.category.id)], key=lambda r: navigation.listing_order(r.article))
        )
        depends = frozenset({f"{locale}/categories.yml", *(a for r in entries for a in r.depends_on)})
        record = CategoryPage(url_of(listing.src_uri), locale, depends, listing.src_uri, listing, entries)
        plan.pages[listing.src_uri] = record
        categories.setdefault(locale, []).append(record)
    for locale, home in plan.center.homes.items():
        own = tuple(categories.get(locale, ()))
        depends = frozenset({home.src_uri, *(a for c in own for a in c.depends_on)})
        plan.pages[home.src_uri] = HomePage(home.url, locale, depends, home.src_uri, home, own)


def _chrome_of(plan: SitePlan, locale: str) -> frozenset[str]:
    """What a page without content of its own shows of its locale: the home and the categories (navigation)."""
    home = plan.center.homes.get(locale)
    return frozenset({f"{locale}/categories.yml", *([home.src_uri] if home else [])})


# -- what the plugin adds to a page ---------------------------------------------------------------------------


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
        site_url: str | None,
        url_of: UrlOf,
        reach: Reach | None = None,
        search: bool = True,
    ) -> None:
        self.plan = plan
        self.search = search
        """Whether the home pages offer the site's search."""
        self.reach = reach or Reach()
        self.locales = locales
        self.catalogs = catalogs
        self.renderer = renderer
        self.base = site_url.rstrip("/") + "/" if site_url else ""
        self.url_of = url_of

    def compose(self, record: SourcePage, here: str, html: str) -> Composed:
        """The page's HTML with the plugin's parts."""
        locale = record.locale
        match record:
            case ShownArticle():
                top, json_ld = self.breadcrumbs(record, here, html)
                related, links = self.related(record, here)
                if isinstance(record, FallbackPage):
                    lang = self.locales[record.article.locale].html_lang
                    html = self.renderer.render(locale, "original.html", lang=lang, html=html)
                helpful = "" if record.article.is_guide else self.helpful(record, here)
                recent = self.recent(record)
                return Composed(top + self.notices(record, here) + html + helpful + related + recent, links, json_ld)
            case CategoryPage():
                top, json_ld = self.breadcrumbs(record, here, html)
                entries = [self.entry(r, here) for r in record.entries]
                category = record.listing.category
                mark = self.language_mark(category)
                listing = self.renderer.render(locale, "category.html", category=category, entries=entries, mark=mark)
                return Composed(top + html + listing, json_ld=json_ld)
            case HomePage():
                return Composed(html + self.home(record, here) + self.recent(record))
            case _:
                return Composed(html)

    def breadcrumbs(self, record: ShownArticle | CategoryPage, here: str, html: str) -> tuple[str, str]:
        """Home › Category › Article (a category page: Home › Category) as links, the current page
        last and not a link (and the page heading), and as JSON-LD."""
        locale = record.locale
        crumbs = [navigation.Crumb(self.catalogs.get(locale).gettext("Home"), self.plan.home_url(locale))]
        marks: list[dict[str, str] | None] = [None]
        article: Article | None = None
        if isinstance(record, ShownArticle):
            article, title = record.article, record.article.meta.title
            if record.category is not None:
                crumbs.append(navigation.Crumb(record.category.category.title, self.url_of(record.category.src_uri)))
                marks.append(self.language_mark(record.category.category))
            mark = None
        else:
            title = record.listing.category.title
            mark = self.language_mark(record.listing.category)
        crumbs.append(navigation.Crumb(title, here))
        language = self.locales[article.locale].html_lang if article is not None else None
        links = self.renderer.render(
            locale,
            "breadcrumbs.html",
            crumbs=[
                {"name": c.name, "href": get_relative_url(c.url, here), "mark": m}
                for c, m in zip(crumbs, [*marks, mark], strict=True)
            ],
            heading=None if "<h1" in html else title,
            mark=mark,
        )
        return links, navigation.json_ld(crumbs, self.base, article, language)

    def language_mark(self, category: Category) -> dict[str, str] | None:
        """For a category shown with another locale's words: their ``lang`` and "in Swedish"."""
        if category.language is None:
            return None
        reader, words = self.locales[category.locale], self.locales[category.language]
        language = words.babel.get_display_name(reader.babel) or category.language
        note = self.catalogs.get(category.locale).gettext("in %(language)s") % {"language": language}
        return {"lang": words.html_lang, "note": note}

    def notices(self, record: ShownArticle, here: str) -> str:
        """The update date, and what the reader should know about the translation."""
        info = self.locales[record.locale]
        state, source = record.state, record.source
        changed = []
        if state is not None and state.state == translations.OUTDATED:
            changed = translations.change_labels(state, self.catalogs.get(record.locale).gettext)
        updated = record.article.meta.updated
        return self.renderer.render(
            record.locale,
            "notices.html",
            # A fallback page shows another language's text, whatever the locale's draft says.
            state=translations.MISSING
            if isinstance(record, FallbackPage)
            else state.state
            if state
            else translations.SOURCE,
            updated=updated.isoformat() if updated else None,
            updated_text=format_date(updated, "long", locale=info.babel) if updated else None,
            language=info.babel.get_display_name(info.babel) or record.locale,
            source_language=self.locales[source.locale].babel.get_display_name(info.babel) or source.locale,
            shown_language=self.locales[record.article.locale].babel.get_display_name(info.babel),
            source_lang=self.locales[source.locale].html_lang,
            source_href=get_relative_url(source.url, here),
            changes=format_list(changed, locale=info.babel) if changed else "",
            changed_count=len(changed),
        )

    def helpful(self, record: ShownArticle, here: str) -> str:
        """The end of a plain article: "Was this article helpful?", hidden until the script shows it."""
        gettext = self.catalogs.get(record.locale).gettext
        config = reach_config(record.article, here, self.reach)
        config["thanks"] = gettext("Thank you for your answer!")
        return self.renderer.render(
            record.locale,
            "helpful.html",
            article=record.article,
            config=attribute_json(config),
            support_href=contact_href(record.article, here, self.reach),
            support_label=self.reach.label(gettext),
        )

    def entry(self, record: ShownArticle, here: str) -> ListEntry:
        """One article of a listing; one shown in another language says so, in the reader's."""
        article = record.article
        lang = note = None
        if article.locale != record.locale:
            lang = self.locales[article.locale].html_lang
            note = self.language_note(article.locale, record.locale)
        return ListEntry(
            title=article.meta.title,
            href=get_relative_url(record.url, here),
            summary=article.meta.summary,
            kind=article.meta.type,
            lang=lang,
            language_note=note,
        )

    def language_note(self, language: str, reader: str) -> str:
        """ "in English", in the reader's language."""
        info = self.locales[reader]
        name = self.locales[language].babel.get_display_name(info.babel) or language
        return self.catalogs.get(reader).gettext("in %(language)s") % {"language": name}

    def home(self, record: HomePage, here: str) -> str:
        """Categories with their most important articles."""
        sections = []
        for category in record.categories:
            shown = category.entries[: navigation.HOME_ARTICLES]
            sections.append(
                {
                    "category": category.listing.category,
                    "mark": self.language_mark(category.listing.category),
                    "href": get_relative_url(category.url, here),
                    "entries": [self.entry(r, here) for r in shown],
                    "more": len(category.entries) > len(shown),
                    "total": len(category.entries),
                }
            )
        return self.renderer.render(record.locale, "home.html", sections=sections, search=self.search)

    def recent(self, record: ShownArticle | HomePage) -> str:
        """The reader's recently viewed articles in this locale (filled in their browser); an article
        page names itself, so the script remembers it."""
        article = record.article if isinstance(record, ShownArticle) else None
        lang = None
        if article is not None and article.locale != record.locale:
            lang = self.locales[article.locale].html_lang
        return self.renderer.render(
            record.locale, "recent.html", reader_locale=record.locale, article=article, lang=lang
        )

    def related(self, record: ShownArticle, here: str) -> tuple[str, list[dict[str, Any]]]:
        """Related articles in the reader's locale; an untranslated one in its own language, marked."""
        locale = record.locale
        links = []
        for target in record.related:
            fallback = target.locale != locale
            language_note = self.language_note(target.locale, locale) if fallback else None
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
