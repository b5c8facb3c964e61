"""MkDocs event glue: thin; the help center itself lives in plain modules.

intake (content into the model, and its problems) -> pages (the typed site plan, and what
the plugin adds to each page) -> site_files (site-wide files); guide and status.placement
extend MkDocs's one Markdown conversion. Here: read files into the model, hand MkDocs the
pages it should build, look each page's record up once per hook, and call the modules.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, pass_context
from markupsafe import Markup
from mkdocs.commands.build import get_context
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, write_file
from mkdocs.utils.templates import TemplateContext

from . import intake, search, site_files, translations
from .admonitions import AdmonitionTitles
from .config import LOCALE_PATTERN, HelpcenterConfig
from .guide import GuideContext, GuideExtension, Reach, attribute_json, contact_details, support_href
from .locales import CatalogError, Catalogs, LocaleInfo, locale_info, package_catalog_dir, theme_language
from .pages import (
    ArticlePage,
    CategoryPage,
    Composer,
    DashboardPage,
    FallbackPage,
    HomePage,
    NotFoundPage,
    RootPage,
    ShownArticle,
    SitePlan,
    SourcePage,
    plan_site,
)
from .preview import ProblemBox, serve_locale_404s
from .progress import progress_rows
from .related import RelatedIndex, Weights
from .rendering import Renderer, text
from .served import bundle, source
from .sources import Article, HelpCenter, split_front_matter
from .status.placement import StatusExtension
from .status.widget import StatusPages

log = get_plugin_logger("helpcenter")

ASSET_DIR = "assets/helpcenter"
# What the site serves: one stylesheet and one script, each the plugin's parts in order
# (fewer requests, and one gzip stream compresses better than several).
BUNDLES = {
    "helpcenter.css": ("base.css", "checklist.css", "status.css"),
    "helpcenter.js": ("common.js", "language.js", "checklist.js", "recent.js", "status.js", "search-start.js"),
}
# The state icons of the checklist, the status widget and the banner, and the breadcrumbs' separator
# (CSS masks): files, so img-src 'self' is enough.
ICONS = (
    "check.svg",
    "skipped.svg",
    "status-ok.svg",
    "status-warning.svg",
    "status-critical.svg",
    "status-maint.svg",
    "status-unknown.svg",
    "close.svg",
    "separator.svg",
)
THEME_DIR = Path(__file__).parent / "theme"
SHARD_VARIABLE = "HELPCENTER_LOCALES"
# MkDocs's template filters that turn an asset path into a URL (from the page, or from base_url).
ASSET_FILTERS = ("url", "script_tag")


class HelpcenterPlugin(BasePlugin[HelpcenterConfig]):
    """Localized help articles with guides, related articles and live status."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.guide_extension = GuideExtension()
        self.admonition_titles = AdmonitionTitles()
        self.status_extension = StatusExtension()
        self.locales: dict[str, LocaleInfo] = {}
        self.built: tuple[str, ...] = ()
        self.center: HelpCenter | None = None
        self.plan: SitePlan | None = None
        self.navs: dict[str, Navigation] = {}
        self.env: Environment | None = None
        self.extras: dict[str, dict[str, Any]] = {}
        """Per page, what on_page_content computed for the templates (related, JSON-LD)."""
        self.indexed: dict[str, int] = {}
        """Per built locale, how many of its pages search indexes."""
        self.unconverted: Counter[str] = Counter()
        """Per built locale, how many of its pages the build has still to convert: once none, its search
        indexing starts, while the build converts and writes the rest."""
        self.indexing: search.Indexing | None = None
        self.search_settings: dict[str, str] = {}
        """Per locale, the search panel's settings and words (JSON)."""
        self.serving = False
        self.problem_box: ProblemBox | None = None
        """Under ``mkdocs serve``: each page's problems, shown at its top."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"  # the instance lives on across the dev server's rebuilds

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        serve_locale_404s(server, self.locales)
        return server

    # -- configuration -------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.locales = self._locales()
        self.built = self._shard()
        self.catalogs = Catalogs([package_catalog_dir()])
        try:
            for code in self.locales:
                self.catalogs.get(code)
        except CatalogError as error:
            raise PluginError(f"helpcenter: {error}") from None
        for problem in self.catalogs.problems:
            log.warning(problem)
        self.renderer = Renderer(self.catalogs)
        self.status = StatusPages(self.config.status, self.renderer, self.locales)
        self.site_name = config.site_name
        support, feedback = self.config.support, self.config.feedback
        self.reach = Reach(support.url, support.label, feedback.endpoint, config.site_url)
        self.theme_languages = self._theme_languages(config)
        config.theme["language"] = self.theme_languages[self.config.default_locale]
        config.markdown_extensions.append(self.guide_extension)  # type: ignore[arg-type]
        config.markdown_extensions.append(self.status_extension)
        # Last: it replaces the block processors of admonition and pymdownx.details, where the site enabled them.
        config.markdown_extensions.append(self.admonition_titles)  # type: ignore[arg-type]
        config.extra_css.append(f"{ASSET_DIR}/helpcenter.css")
        config.extra_javascript.append(ExtraScriptValue(f"{ASSET_DIR}/helpcenter.js"))
        self._theme_hooks(config)
        # Links and anchors are checked on the sources (references.check_links: file:line, a hint, once per
        # file, as helpcenter check does); MkDocs's own check would repeat them per fallback copy, without a line.
        if search.lists_material_search(config.plugins):
            log.warning(search.MATERIAL_SEARCH_MESSAGE)
        self.indexed, self.search_settings = dict.fromkeys(self.built, 0), {}
        links = config.validation.links
        links.not_found = links.anchors = logging.DEBUG
        if not config.site_url:
            log.warning(
                "helpcenter: site_url is not set in mkdocs.yml: pages get no canonical URL, "
                "hreflang alternates or sitemap alternates"
            )
        return config

    def _locales(self) -> dict[str, LocaleInfo]:
        codes = dict(self.config.locales) or {self.config.default_locale: ""}
        if self.config.default_locale not in codes:
            raise PluginError(
                f"helpcenter: default_locale '{self.config.default_locale}' is not one of locales ({', '.join(codes)})"
            )
        locales = {}
        for code, name in codes.items():
            if not LOCALE_PATTERN.match(code):
                raise PluginError(f"helpcenter: locales: '{code}' is not a locale code (e.g. sv, en, pt_BR)")
            try:
                locales[code] = locale_info(code, name or None)
            except ValueError as error:
                raise PluginError(f"helpcenter: locales: {error}") from None
        for code, chain in self.config.fallback.items():
            unknown = [c for c in (code, *chain) if c not in locales]
            if unknown:
                raise PluginError(
                    f"mkdocs.yml: plugins.helpcenter.fallback: {code}: {', '.join(unknown)} is not one of locales "
                    f"({', '.join(locales)}); write e.g. fallback: {{{code}: [{self.config.default_locale}]}}"
                )
        return locales

    def _shard(self) -> tuple[str, ...]:
        """The locales this build writes (all, or those named in HELPCENTER_LOCALES)."""
        wanted = os.environ.get(SHARD_VARIABLE, "").strip()
        if not wanted:
            return tuple(self.locales)
        codes = tuple(code.strip() for code in wanted.split(",") if code.strip())
        if not codes:
            raise PluginError(
                f"helpcenter: {SHARD_VARIABLE}={wanted!r} names no locale: name some of "
                f"{', '.join(self.locales)} (e.g. {SHARD_VARIABLE}={next(iter(self.locales))}), or unset it"
            )
        unknown = [code for code in codes if code not in self.locales]
        if unknown:
            raise PluginError(
                f"helpcenter: {SHARD_VARIABLE} names {', '.join(unknown)}, not among locales "
                f"({', '.join(self.locales)})"
            )
        return codes

    def _theme_languages(self, config: MkDocsConfig) -> dict[str, str]:
        available: set[str] = set()
        for directory in config.theme.dirs:
            languages = Path(directory) / "partials" / "languages"
            if languages.is_dir():
                available.update(p.stem for p in languages.glob("*.html"))
        return {code: theme_language(code, available) if available else code for code in self.locales}

    def _theme_hooks(self, config: MkDocsConfig) -> None:
        """Our template partials win over the theme's, the site's own custom_dir over ours."""
        dirs = config.theme.dirs
        position = 1 if config.theme.custom_dir and dirs and dirs[0] == config.theme.custom_dir else 0
        if str(THEME_DIR) not in dirs:
            dirs.insert(position, str(THEME_DIR))
        # Material keeps reader settings (palette, consent) per "scope": one for the whole site,
        # not one per locale (each locale is its own search/instant-navigation root).
        config.extra.setdefault("scope", urlsplit(config.site_url or "/").path or "/")

    # -- the model -----------------------------------------------------------------------

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        url_of = intake.page_urls(config)
        default, docs = self.config.default_locale, config.docs_dir
        center, dropped = intake.read_help_center(
            files, self.locales, default, docs, url_of, intake.heading_ids(config)
        )
        for file in dropped:
            files.remove(file)
        found = intake.problems(center, status_feed=self.status.enabled)
        for problem in found:
            log.warning(str(problem))

        related = RelatedIndex(center, Weights.of(self.config.related))
        taken = {file.src_uri for file in files}
        related_of = lambda a: [r.article for r in related.related(a)]  # noqa: E731
        plan = plan_site(center, self.locales, url_of, taken, related_of, self.config.fallback)
        for problem in plan.problems:
            log.warning(str(problem))
        for record in plan.pages.values():  # the pages the plan adds: category pages, fallbacks
            if record.src_uri in taken:
                continue
            if isinstance(record, CategoryPage):
                files.append(File.generated(config, record.src_uri, content=""))
            elif isinstance(record, FallbackPage):
                original = files.get_file_from_path(record.article.src_uri)
                if original is not None and original.abs_src_path:
                    files.append(File.generated(config, record.src_uri, abs_src_path=original.abs_src_path))
        for file in files:
            if file.src_uri.partition("/")[0] in set(self.locales) - set(self.built):
                # Not written by this shard, but still known, so links to it get its URL.
                file.inclusion = InclusionLevel.EXCLUDED
        for name, parts in BUNDLES.items():
            content = bundle(self.status.served_parts(parts))
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=content))
        for name in search.LAZY_ASSETS if self.config.search else ():  # loaded when the reader first searches
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=bundle([name])))
        # Loaded in <head> before the theme's bundle (see theme/partials/integrations/analytics.html).
        files.append(File.generated(config, f"{ASSET_DIR}/theme-shim.js", content=bundle(["theme-shim.js"])))
        # Loaded only by the pages written without the theme (/, /404.html, /translations/); chooser.js by / only.
        files.append(File.generated(config, f"{ASSET_DIR}/standalone.css", content=bundle(["standalone.css"])))
        files.append(File.generated(config, f"{ASSET_DIR}/chooser.js", content=bundle(["chooser.js"])))
        for icon in ICONS:
            files.append(File.generated(config, f"{ASSET_DIR}/{icon}", content=source(icon)))
        self.center, self.plan = center, plan
        # Under serve, each page shows what the terminal says of its sources (computed once, above), and the advice.
        self.problem_box = None
        if self.serving:
            every = intake.ordered([*plan.problems, *found, *intake.suggestions(center)])
            self.problem_box = ProblemBox(every, self.renderer)
        self.composer = Composer(
            plan, self.locales, self.catalogs, self.renderer, config.site_url, url_of, self.reach, self.config.search
        )
        files = _by_locale(files, self.locales)
        written = InclusionLevel.is_in_serve if self.serving else InclusionLevel.is_included
        pages = (file.src_uri.partition("/")[0] for file in files.documentation_pages(inclusion=written))
        self.unconverted = Counter(locale for locale in pages if locale in self.built)
        self.indexing = search.Indexing(Path(config.site_dir)) if self.config.search else None
        return files

    # -- navigation: one small nav per locale ---------------------------------------------

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or self.plan is None:
            return nav
        self.navs = {}
        for locale in self.built:
            categories = (p.src_uri for p in self.plan.of_type(CategoryPage) if p.locale == locale)
            uris = [f"{locale}/index.md", *categories]
            items = [f.page for u in uris if (f := files.get_file_from_path(u)) is not None and f.page is not None]
            locale_nav = Navigation(items, items)
            locale_nav.homepage = items[0] if items and items[0].file.src_uri == uris[0] else None
            for index, page in enumerate(items):
                page.previous_page = items[index - 1] if index > 0 else None
                page.next_page = items[index + 1] if index + 1 < len(items) else None
            self.navs[locale] = locale_nav
        listed = {id(page) for locale_nav in self.navs.values() for page in locale_nav.pages}  # Page is unhashable
        for page in nav.pages:
            page.parent = None
            if id(page) not in listed:
                page.previous_page = page.next_page = None
        return self.navs[self.built[0]]

    def _nav_for(self, page: Page, record: SourcePage | None, default: Navigation) -> Navigation:
        """The locale's nav with the current article after its category (O(categories) per page)."""
        base = self.navs.get(record.locale) if record is not None else None
        if base is None or page in base.pages:
            return base or default
        items = list(base.items)
        category = record.category if isinstance(record, ShownArticle) else None
        position = next(
            (i + 1 for i, item in enumerate(items) if category and item.file.src_uri == category.src_uri), len(items)
        )
        items.insert(position, page)
        nav = Navigation(items, items)
        nav.homepage = base.homepage
        return nav

    # -- pages -----------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.plan is None:
            return markdown
        record = self.plan.page(page.file.src_uri)
        if record is None:
            return markdown
        components: tuple[str, ...] = ()
        # Untitled admonitions are named in the language of the page's text (a fallback's is its article's).
        text_locale = record.article.locale if isinstance(record, ShownArticle) else record.locale
        self.admonition_titles.current = self.catalogs.get(text_locale).pgettext
        match record:
            case ShownArticle(article=article):
                page.meta = _safe_meta(article.meta.title, article.meta.summary)
                components = article.meta.status
                if isinstance(record, FallbackPage):
                    # Another language's text, marked: canonical to it (and not indexed: see _indexed).
                    if config.site_url:
                        page.canonical_url = config.site_url.rstrip("/") + "/" + article.url
                    resolve = self.plan.link_resolver(record.locale)
                    markdown = translations.relink(markdown, article.src_uri, record.src_uri, resolve)
                if article.is_guide:
                    # The guide's overview is its table of contents, and its breadcrumbs lead out: the
                    # theme's sidebars would put sixteen tab stops before the first check.
                    page.meta["hide"] = ["navigation", "toc"]
                    source = record.source  # fingerprints of the source locale: ticks match across languages
                    self.guide_extension.current = self._guide(article, source, article.locale, page)
            case CategoryPage(listing=listing):
                page.meta = _safe_meta(listing.category.title, listing.category.description)
            case HomePage(home=home):
                # The home's own title names the locale's site (the header); the page is "Home".
                page.meta = _safe_meta(self.catalogs.get(record.locale).gettext("Home"), home.summary)
            case _:
                if not page.meta:  # front matter MkDocs could not read is reported, never shown as text
                    markdown = split_front_matter(markdown)[1]
                title = page.meta.get("title")
                page.meta = _safe_meta(title if isinstance(title, str) else None, None)
        self.status_extension.current = self.status.context(record.locale, page.url, components)
        return markdown

    def _guide(self, article: Article, source: Article, locale: str, page: Page) -> GuideContext:
        """What the guide tree processor needs: catalog, support link, feedback endpoint."""
        catalog = self.catalogs.get(locale)
        return GuideContext(
            article,
            source,
            catalog.gettext,
            catalog.ngettext,
            support_url=self.config.support.url,
            support_label=self.config.support.label,
            feedback=self.config.feedback.endpoint,
            page_url=page.url,
            site_url=self.reach.site_url,
        )

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.plan is None:
            return html
        context = self.guide_extension.current
        self.guide_extension.current = None
        self.admonition_titles.current = None
        for problem in context.problems if context is not None else ():
            log.warning(str(problem))
        status, self.status_extension.current = self.status_extension.current, None
        record = self.plan.page(page.file.src_uri)
        if record is None:
            self._converted(page.file.src_uri.partition("/")[0])
            return html
        if status is not None:
            html = self.status.banner(record.locale, status.components) + html
        composed = self.composer.compose(record, page.url, html)
        self.extras[record.src_uri] = {"related": composed.related, "json_ld": composed.json_ld}
        html = composed.html
        indexed = _indexed(record) if self.indexing is not None else None
        if indexed is not None and self.indexing is not None:
            self.indexed[record.locale] = self.indexed.get(record.locale, 0) + 1
            html = self.renderer.render(record.locale, "search-body.html", html=Markup(html), **search.facts(indexed))
            lang = self.locales[record.locale].html_lang
            document = self.renderer.render(record.locale, "search-page.html", lang=lang, html=Markup(html))
            self.indexing.stage(page.file.dest_uri, document)
        self._converted(record.locale)
        return (self.problem_box.html(record) if self.problem_box else "") + html

    def _converted(self, locale: str) -> None:
        """One more of the locale's pages is converted: with its last one, its search indexing starts
        (and a locale waiting for its turn starts as soon as the one before is done)."""
        if self.indexing is None:
            return
        if self.unconverted[locale] > 0:
            self.unconverted[locale] -= 1
            if self.unconverted[locale] == 0:
                self.indexing.start(locale, self.indexed.get(locale, 0), staged=True)
        self.indexing.poll()

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if not self.config.enabled:
            return context
        record = self.plan.page(page.file.src_uri) if self.plan is not None else None
        locale = record.locale if record is not None else self.config.default_locale
        self._use_locale(config, locale)
        context["nav"] = self._nav_for(page, record, nav)
        # Each locale is its own root for the theme's search index and instant navigation.
        context["base_url"] = get_relative_url(f"{locale}/", page.url)
        switcher, _hreflang = self.composer.switcher(page.file.src_uri, locale, page.url)
        self._alternates(config)
        extras = self.extras.pop(page.file.src_uri, {})
        context["helpcenter"] = {  # type: ignore[typeddict-unknown-key]  # our templates' data
            "locale": locale,
            "switcher": switcher,
            # For sites that place related articles elsewhere too (hrefs relative to this page).
            "related": extras.get("related", []),
            # Rendered into <head> by our partials/integrations/analytics.html.
            "json_ld": extras.get("json_ld"),
            "search": self._search_context(locale, context["base_url"], page.url),
        }
        return context

    def _search_context(
        self, locale: str, base_url: str, page_url: str, root: str | None = None
    ) -> dict[str, str] | None:
        """The header search's settings and words, where its form leads without JavaScript, and the
        contact option it offers when nothing matches (none without ``support.url``); ``root``: the
        site's path, for a page served at any depth. None: the site has no search."""
        if not self.config.search:
            return None
        settings = self.search_settings.get(locale)
        catalog = self.catalogs.get(locale)
        if settings is None:  # once per locale: the plural forms are worked out from CLDR
            settings = search.settings(catalog.gettext, catalog.ngettext, self.locales[locale].html_lang)
            self.search_settings[locale] = settings
        contact = ""
        if self.reach.support_url:
            details = contact_details(self.reach, page_url, locale)
            label = self.reach.label(catalog.gettext)
            href = support_href(self.reach, page_url, details, root)
            contact = attribute_json({"label": label, "url": href, "contact": details})
        return {"settings": settings, "home": base_url.rstrip("/") + "/", "contact": contact}

    def _alternates(self, config: MkDocsConfig) -> None:
        """The theme shows the language switcher (our partials/alternate.html) when config.extra.alternate
        is set, and renders each entry of a list as a <link rel=alternate hreflang> in <head>; its script
        then fetches sitemap.xml beside every such link, on every page view. The switcher links each
        page's translations already, and the locale sitemaps name them for search engines (xhtml:link
        alternates and x-default), so it is set, but not to a list: no such link, and no such request."""
        config.extra["alternate"] = True

    def _use_locale(self, config: MkDocsConfig, locale: str) -> None:
        """Render the theme's own strings, direction and site name in this locale."""
        config.theme["language"] = self.theme_languages[locale]
        config.theme["direction"] = self.locales[locale].direction
        home = self.center.homes.get(locale) if self.center else None
        config.site_name = text(home.title) if home and home.title else self.site_name

    # -- whole-site outputs ----------------------------------------------------------------

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.indexing is not None:
            self.indexing.poll()  # a locale waiting to be indexed starts once the one before is done
        return output

    def on_build_error(self, *, error: Exception) -> None:
        if self.indexing is not None:
            self.indexing.stop()

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
        self.env = env
        return env

    @event_priority(-50)  # after the search plugin wrote its index (we split it), and others their files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.env is None or self.plan is None or self.center is None:
            return
        site_dir = Path(config.site_dir)
        for record in self.plan.site_pages:
            match record:
                case NotFoundPage() if record.locale in self.built:
                    self._write_404(config, record)
                case RootPage():
                    self._use_locale(config, record.locale)
                    banner = self.status.banner(record.locale, ())
                    site_files.write_root_page(
                        site_dir,
                        record,
                        self.renderer,
                        self.locales,
                        self.site_name,
                        config.site_url,
                        ASSET_DIR,
                        banner,
                    )
                case DashboardPage():
                    docs = Path(config.docs_dir)
                    rows = progress_rows(self.catalogs.dirs[-1], self.center, self.locales, docs, self.plan.article_url)
                    banner = self.status.banner(record.locale, ())
                    site_files.write_dashboard(
                        site_dir, record, self.renderer, rows, self.locales, self.site_name, ASSET_DIR, banner
                    )
        self._use_locale(config, self.config.default_locale)
        if self.indexing is not None:
            for locale, pages in self.indexed.items():  # not started yet: a dirty build converted only some pages
                self.indexing.start(locale, pages)
            try:
                results = self.indexing.finish()
            except search.SearchError as error:
                raise PluginError(str(error)) from None
            for note in self.indexing.notes:
                log.info(note)
            search.report(results, {c: i.name for c, i in self.locales.items()}, log.info)
        site_files.write_sitemaps(site_dir, self.plan, self.locales, self.built, config.site_url)

    def _write_404(self, config: MkDocsConfig, record: NotFoundPage) -> None:
        """The theme's 404 page in a locale's language, with its navigation, links from the site root."""
        assert self.env is not None and self.plan is not None
        locale = record.locale
        self._use_locale(config, locale)
        context = get_context(self.navs[locale], [], config)
        root = urlsplit(config.site_url or "/").path
        # Served at any depth, so every link is from the site root. The theme's "base" (its search
        # index, instant navigation) is the locale's root, like on every other page of the locale;
        # its assets (the url filter) stay at the site root.
        context["base_url"] = root.rstrip("/") + f"/{locale}/"
        home = self.plan.center.homes.get(locale)
        switcher, _hreflang = self.composer.switcher(home.src_uri if home else "", locale, f"{locale}/")
        for entry in switcher:  # a 404 page is served at any depth
            entry["href"] = root.rstrip("/") + "/" + self.plan.home_url(entry["code"])
        self._alternates(config)
        context["helpcenter"] = {  # type: ignore[typeddict-unknown-key]
            "locale": locale,
            "switcher": switcher,
            "banner": Markup(self.status.banner(locale, ())),
            "search": self._search_context(locale, context["base_url"], f"{locale}/404.html", root),
        }
        filters = self.env.filters
        theirs = {name: filters[name] for name in ASSET_FILTERS}
        assets = {"page": None, "base_url": root}  # all that MkDocs's url and script_tag filters read
        for name, original in theirs.items():
            filters[name] = pass_context(lambda _context, value, original=original: original(assets, value))
        try:
            output = self.env.get_template("helpcenter-404.html").render(context)
        finally:
            filters.update(theirs)
        write_file(output.encode("utf-8"), os.path.join(config.site_dir, record.url))


def _safe_meta(title: str | None, description: str | None) -> dict[str, Any]:
    """Page meta for the theme: front matter is text, so it is escaped before templates see it."""
    meta: dict[str, Any] = {}
    if title:
        meta["title"] = text(title)
    if description:
        meta["description"] = text(description)
    return meta


def _by_locale(files: Files, locales: Iterable[str]) -> Files:
    """The same files, each locale's together in the order of ``locales`` (the pages the plugin adds
    after their locale's sources), so that the build converts one locale's pages after the other and
    each locale's search index is built while the build goes on with the next."""
    rank = {locale: number for number, locale in enumerate(locales, start=1)}
    return Files(sorted(files, key=lambda file: rank.get(file.src_uri.partition("/")[0], 0)))


def _indexed(record: SourcePage) -> search.Indexed | None:
    """What search knows of a page it indexes: articles and guides in their own locale, category pages."""
    match record:
        case ArticlePage(article=article, category=category):
            title = category.category.title if category else None
            return search.Indexed(article.meta.type, title, article.meta.summary, article.meta.tags)
        case CategoryPage(listing=listing):
            return search.Indexed("category", listing.category.title, listing.category.description)
    return None
