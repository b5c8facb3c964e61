"""MkDocs event glue: thin, everything else lives in plain modules."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from babel.dates import format_date
from jinja2 import Environment
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

from . import alternates as alt
from . import site, translations
from .blocks import StatusBlockExtension
from .config import LOCALE_PATTERN, HelpcenterConfig
from .dashboard import status_rows
from .guide import GuideContext, GuideExtension
from .locales import CatalogError, Catalogs, LocaleInfo, locale_info, package_catalog_dir, theme_language
from .related import RelatedIndex, Weights, check_references
from .rendering import ListEntry, Renderer, bundle, text
from .sources import Article, HelpCenter, SourceFile, build_help_center
from .status import StatusPages

log = get_plugin_logger("helpcenter")

ASSET_DIR = "assets/helpcenter"
# What the site serves: one stylesheet and one script, each the plugin's parts in order
# (fewer requests, and one gzip stream compresses better than several).
BUNDLES = {
    "helpcenter.css": ("base.css", "checklist.css", "status.css"),
    "helpcenter.js": ("language.js", "checklist.js", "status.js"),
}
STATUS_PARTS = frozenset({"status.css", "status.js"})
THEME_DIR = Path(__file__).parent / "theme"
SHARD_VARIABLE = "HELPCENTER_LOCALES"


class HelpcenterPlugin(BasePlugin[HelpcenterConfig]):
    """Localized help articles with guides, related articles and live status."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.guide_extension = GuideExtension()
        self.center: HelpCenter | None = None
        self.locales: dict[str, LocaleInfo] = {}
        self.navs: dict[str, Navigation] = {}
        self.category_pages: dict[str, site.CategoryPage] = {}
        self.env: Environment | None = None
        self.fallbacks: dict[str, translations.TranslationState] = {}
        self.states: dict[tuple[str, str], translations.TranslationState] = {}
        self.alternates = alt.Alternates(())
        self.built: tuple[str, ...] = ()
        self.page_related: dict[str, list[dict[str, Any]]] = {}
        self.page_json_ld: dict[str, str] = {}

    # -- configuration -------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        codes = dict(self.config.locales) or {self.config.default_locale: ""}
        if self.config.default_locale not in codes:
            raise PluginError(
                f"helpcenter: default_locale '{self.config.default_locale}' is not one of locales ({', '.join(codes)})"
            )
        self.locales = {}
        for code, name in codes.items():
            if not LOCALE_PATTERN.match(code):
                raise PluginError(f"helpcenter: locales: '{code}' is not a locale code (e.g. sv, en, pt_BR)")
            try:
                self.locales[code] = locale_info(code, name or None)
            except ValueError as error:
                raise PluginError(f"helpcenter: locales: {error}") from None
        self.catalogs = Catalogs([package_catalog_dir()])
        try:
            for code in self.locales:
                self.catalogs.get(code)
        except CatalogError as error:
            raise PluginError(f"helpcenter: {error}") from None
        for problem in self.catalogs.problems:
            log.warning(problem)
        self.renderer = Renderer(self.catalogs)
        self.site_name = config.site_name
        self.theme_languages = self._theme_languages(config)
        config.theme["language"] = self.theme_languages[self.config.default_locale]
        config.markdown_extensions.append(self.guide_extension)  # type: ignore[arg-type]
        config.extra_css.append(f"{ASSET_DIR}/helpcenter.css")
        config.extra_javascript.append(ExtraScriptValue(f"{ASSET_DIR}/helpcenter.js"))
        self.status = StatusPages(self.config.status, self.catalogs, self.locales)
        config.markdown_extensions.append(StatusBlockExtension())
        self._theme_hooks(config)
        # A broken internal link or anchor (e.g. a guide's #step-9) is an author mistake: warn, so --strict fails.
        links = config.validation.links
        links.not_found = max(links.not_found, logging.WARNING)
        links.anchors = max(links.anchors, logging.WARNING)
        self.built = self._shard()
        if not config.site_url:
            log.warning(
                "helpcenter: site_url is not set in mkdocs.yml: pages get no canonical URL, "
                "hreflang alternates or sitemap alternates"
            )
        return config

    def _theme_hooks(self, config: MkDocsConfig) -> None:
        """Our template partials win over the theme's, the site's own custom_dir over ours."""
        dirs = config.theme.dirs
        position = 1 if config.theme.custom_dir and dirs and dirs[0] == config.theme.custom_dir else 0
        if str(THEME_DIR) not in dirs:
            dirs.insert(position, str(THEME_DIR))
        # Material keeps reader settings (palette, consent) per "scope": one for the whole site,
        # not one per locale (each locale is its own search/instant-navigation root).
        config.extra.setdefault("scope", urlsplit(config.site_url or "/").path or "/")

    def _shard(self) -> tuple[str, ...]:
        """The locales this build writes (all, or those named in HELPCENTER_LOCALES)."""
        wanted = os.environ.get(SHARD_VARIABLE, "").strip()
        if not wanted:
            return tuple(self.locales)
        codes = tuple(code.strip() for code in wanted.split(",") if code.strip())
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

    # -- the model -----------------------------------------------------------------------

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        sources = []
        for file in list(files):
            locale, _, rest = file.src_uri.partition("/")
            if file.src_uri.endswith(".md") or rest == "categories.yml":
                if locale not in self.locales and file.is_documentation_page():
                    if "/" in file.src_uri:
                        log.warning(
                            f"{file.src_uri}: '{locale}' is not a configured locale (locales: "
                            f"{', '.join(self.locales)}); the file is not built"
                        )
                    else:
                        log.warning(
                            f"{file.src_uri}: content belongs in a locale folder, e.g. "
                            f"{self.config.default_locale}/{file.src_uri}; the file is not built"
                        )
                    files.remove(file)
                    continue
                sources.append(SourceFile(file.src_uri, file.url, _read_text(file)))
                if rest == "categories.yml" or sources[-1].text is None:
                    files.remove(file)
        center = build_help_center(self.config.default_locale, self.locales, sources)
        for problem in center.problems:
            log.warning(str(problem))
        for problem in check_references(center) + site.check_categories(center) + translations.check(center):
            log.warning(str(problem))
        for locale in self.locales:
            if locale not in center.homes:
                log.warning(f"{locale}/index.md: missing; every locale needs a home page")
        self.center = center
        weights = self.config.related
        self.related = RelatedIndex(
            center,
            Weights(
                limit=weights.limit,
                min_score=weights.min_score,
                tags=weights.weight_tags,
                category=weights.weight_category,
                terms=weights.weight_terms,
            ),
        )
        self.category_pages = {}
        self.categories_by_id: dict[tuple[str, str], site.CategoryPage] = {}
        for pages in site.category_pages(center).values():
            for page in pages:
                self.category_pages[page.src_uri] = page
                self.categories_by_id[(page.category.locale, page.category.id)] = page
                if files.get_file_from_path(page.src_uri) is None:
                    files.append(File.generated(config, page.src_uri, content=""))
        self._plan_translations(config, files, center)
        for file in files:
            locale = file.src_uri.partition("/")[0]
            if locale in self.locales and locale not in self.built:
                # Not written by this shard, but still known, so links to it get its URL.
                file.inclusion = InclusionLevel.EXCLUDED
        skip = set() if self.status.enabled else STATUS_PARTS
        for name, parts in BUNDLES.items():
            content = bundle(part for part in parts if part not in skip)
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=content))
        return files

    def _plan_translations(self, config: MkDocsConfig, files: Files, center: HelpCenter) -> None:
        """Know every page in every locale; serve missing translations as marked fallbacks."""
        states = translations.all_states(center)
        self.states = {(s.article_id, s.locale): s for s in states}
        self.alternates = alt.Alternates(tuple(self.locales))
        for locale, home in center.homes.items():
            self.alternates.add(alt.HOME_KEY, home.src_uri, alt.Alternate(locale, home.url))
        for uri, category in self.category_pages.items():
            key = ("category", category.category.id)
            self.alternates.add(key, uri, alt.Alternate(category.category.locale, _url_of(config, uri)))
        self.fallbacks = {}
        for state in states:
            key = ("article", state.article_id)
            if state.translation is not None:
                url = state.translation.url
                self.alternates.add(key, state.translation.src_uri, alt.Alternate(state.locale, url))
                continue
            uri = f"{state.locale}/{state.source.src_uri.partition('/')[2]}"
            original = files.get_file_from_path(state.source.src_uri)
            if files.get_file_from_path(uri) is not None or original is None or not original.abs_src_path:
                log.warning(f"{uri}: cannot serve the untranslated '{state.article_id}' here: the path is taken")
                continue
            self.fallbacks[uri] = state
            fallback = File.generated(config, uri, abs_src_path=original.abs_src_path)
            self.alternates.add(key, uri, alt.Alternate(state.locale, fallback.url, fallback=True))
            if state.locale in self.built:
                files.append(fallback)

    def _fallback_link(self, locale: str) -> Any:
        """Where a link from a fallback page to another source file should go in ``locale``."""
        center = self.center

        def resolve(src_uri: str) -> str | None:
            article = center.articles.get(src_uri) if center else None
            if article is None:
                return None
            for version in self.alternates.of(src_uri):
                if version.locale == locale:
                    state = self.states.get((article.id, locale))
                    if state and state.translation is not None:
                        return state.translation.src_uri
                    return next((u for u, s in self.fallbacks.items() if s is state), None)
            return None

        return resolve

    # -- navigation: one small nav per locale ---------------------------------------------

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or self.center is None:
            return nav
        self.navs = {}
        for locale in self.built:
            items: list[Page] = []
            home = files.get_file_from_path(f"{locale}/index.md")
            if home is not None and home.page is not None:
                items.append(home.page)
            for uri, category in self.category_pages.items():
                if category.category.locale == locale:
                    file = files.get_file_from_path(uri)
                    if file is not None and file.page is not None:
                        items.append(file.page)
            locale_nav = Navigation(items, items)
            locale_nav.homepage = items[0] if items and home is not None else None
            for page, (before, after) in zip(items, _neighbours(items), strict=False):
                page.previous_page, page.next_page = before, after
            self.navs[locale] = locale_nav
        for page in nav.pages:
            page.parent = None
            if page not in self.navs.get(self._locale_of(page) or "", Navigation([], [])).pages:
                page.previous_page = page.next_page = None
        return self.navs[self.built[0]]

    def _nav_for(self, page: Page, locale: str, default: Navigation) -> Navigation:
        """The locale's nav, with the current article placed after its category (O(categories))."""
        base = self.navs.get(locale)
        if base is None:
            return default
        if page in base.pages:
            return base
        items = list(base.items)
        position = len(items)
        article = self.center.articles.get(page.file.src_uri) if self.center else None
        fallback = self.fallbacks.get(page.file.src_uri)
        category_id = (fallback.source if fallback else article).meta.category if (article or fallback) else None
        category = self.categories_by_id.get((locale, category_id)) if category_id else None
        for index, item in enumerate(items):
            if category is not None and getattr(item, "file", None) and item.file.src_uri == category.src_uri:
                position = index + 1
        items.insert(position, page)
        nav = Navigation(items, items)
        nav.homepage = base.homepage
        return nav

    def _locale_of(self, page: Page) -> str | None:
        locale = page.file.src_uri.partition("/")[0]
        return locale if locale in self.locales else None

    # -- pages -----------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.center is None:
            return markdown
        locale = self._locale_of(page)
        if locale is None:
            return markdown
        article = self.center.articles.get(page.file.src_uri)
        category = self.category_pages.get(page.file.src_uri)
        home = self.center.homes.get(locale)
        raw = page.meta
        fallback = self.fallbacks.get(page.file.src_uri)
        if fallback is not None:
            # The untranslated original, marked: canonical to it, kept out of this locale's search.
            article = fallback.source
            page.meta = _safe_meta(article.meta.title, article.meta.summary)
            page.meta["search"] = {"exclude": True}
            if config.site_url:
                page.canonical_url = config.site_url.rstrip("/") + "/" + article.url
            markdown = translations.relink(markdown, article.src_uri, page.file.src_uri, self._fallback_link(locale))
            if article.is_guide:
                self.guide_extension.current = self._guide(article, article, article.locale, page)
        elif article is not None:
            page.meta = _safe_meta(article.meta.title, article.meta.summary)
            if article.is_guide:
                self.guide_extension.current = self._guide(article, self.center.source_of(article), locale, page)
        elif category is not None:
            page.meta = _safe_meta(category.category.title, category.category.description)
        elif home is not None and home.src_uri == page.file.src_uri:
            # The home's own title names the locale's site (the header); the page is "Home".
            page.meta = _safe_meta(self.catalogs.get(locale).gettext("Home"), home.summary)
        else:
            title = raw.get("title")
            page.meta = _safe_meta(title if isinstance(title, str) else None, None)
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
        )

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.center is None:
            return html
        context = self.guide_extension.current
        self.guide_extension.current = None
        if context is not None:
            for problem in context.problems:
                log.warning(str(problem))
        locale = self._locale_of(page)
        if locale is None:
            return html
        fallback = self.fallbacks.get(page.file.src_uri)
        shown = fallback.source if fallback is not None else self.center.articles.get(page.file.src_uri)
        html = self.status.page_html(html, locale, page.url, page.file.src_uri, shown)
        if fallback is not None:
            original = fallback.source
            lang = self.locales[original.locale].html_lang
            body = f'<div class="hc-original" lang="{lang}">{html}</div>{self._related_html(original, page, locale)}'
            top = self._breadcrumbs(config, locale, page, html, article=original)
            return top + self._notices(locale, page, fallback, original) + body
        article = self.center.articles.get(page.file.src_uri)
        if article is not None:
            state = self.states.get((article.id, locale))
            top = self._breadcrumbs(config, locale, page, html, article=article)
            return top + self._notices(locale, page, state, article) + html + self._related_html(article, page)
        category = self.category_pages.get(page.file.src_uri)
        if category is not None:
            entries = [self._entry(a, page) for a in category.articles]
            top = self._breadcrumbs(config, locale, page, html, category=category)
            listing = self.renderer.render(locale, "category.html", category=category.category, entries=entries)
            return top + html + listing
        home = self.center.homes.get(locale)
        if home is not None and home.src_uri == page.file.src_uri:
            return html + self._home_html(locale, page)
        return html

    def _breadcrumbs(
        self,
        config: MkDocsConfig,
        locale: str,
        page: Page,
        html: str,
        *,
        article: Article | None = None,
        category: site.CategoryPage | None = None,
    ) -> str:
        """Home › Category › Article, as links and as JSON-LD; the page heading after them."""
        crumbs = [site.Crumb(self.catalogs.get(locale).gettext("Home"), self.center_home_url(locale))]
        if category is None and article is not None and article.meta.category:
            category = self.categories_by_id.get((locale, article.meta.category))
        if category is not None:
            crumbs.append(site.Crumb(category.category.title, _url_of(config, category.src_uri)))
        title = article.meta.title if article is not None else category.category.title if category else ""
        crumbs.append(site.Crumb(title, page.url))
        base = config.site_url.rstrip("/") + "/" if config.site_url else ""
        language = self.locales[article.locale].html_lang if article is not None else None
        self.page_json_ld[page.file.src_uri] = site.json_ld(crumbs, base, article, language)
        return self.renderer.render(
            locale,
            "breadcrumbs.html",
            crumbs=[{"name": c.name, "href": get_relative_url(c.url, page.url)} for c in crumbs],
            heading=None if "<h1" in html else title,
        )

    def _notices(self, locale: str, page: Page, state: translations.TranslationState | None, article: Article) -> str:
        """The update date, and what the reader should know about the translation."""
        info = self.locales[locale]
        source = state.source if state is not None else article
        changed = []
        if state is not None and state.state == translations.OUTDATED:
            changed = [s.number for s in source.steps if s.anchor in state.changed_steps]
        return self.renderer.render(
            locale,
            "notices.html",
            state=state.state if state is not None else translations.SOURCE,
            updated=article.meta.updated.isoformat() if article.meta.updated else None,
            updated_text=format_date(article.meta.updated, "long", locale=info.babel) if article.meta.updated else None,
            language=info.babel.get_display_name(info.babel) or locale,
            source_language=self.locales[source.locale].babel.get_display_name(info.babel) or source.locale,
            source_lang=self.locales[source.locale].html_lang,
            source_href=get_relative_url(source.url, page.url),
            changed_steps=changed,
        )

    def _entry(self, article: Article, page: Page) -> ListEntry:
        return ListEntry(
            title=article.meta.title,
            href=get_relative_url(article.url, page.url),
            summary=article.meta.summary,
            kind=article.meta.type,
        )

    def _home_html(self, locale: str, page: Page) -> str:
        sections = []
        for category in self.category_pages.values():
            if category.category.locale != locale:
                continue
            shown = category.articles[: site.HOME_ARTICLES]
            sections.append(
                {
                    "category": category.category,
                    "href": get_relative_url(_uri_to_url(category.src_uri), page.url),
                    "entries": [self._entry(a, page) for a in shown],
                    "more": len(category.articles) > len(shown),
                    "total": len(category.articles),
                }
            )
        return self.renderer.render(locale, "home.html", sections=sections)

    def _related_html(self, article: Article, page: Page, locale: str | None = None) -> str:
        """Related articles in the reader's locale (an untranslated one in its own language, marked)."""
        links = []
        locale = locale or article.locale
        reader = self.locales[locale]
        for entry in self.related.related(article):
            target = entry.article
            if target.locale != locale and self.center is not None:
                target = self.center.article(locale, target.id) or target
            fallback = target.locale != locale
            language_note = None
            if fallback:
                language = self.locales[target.locale].babel.get_display_name(reader.babel) or target.locale
                language_note = self.catalogs.get(locale).gettext("in %(language)s") % {"language": language}
            links.append(
                {
                    "title": target.meta.title,
                    "href": get_relative_url(target.url, page.url),
                    "summary": target.meta.summary,
                    "lang": self.locales[target.locale].html_lang if fallback else None,
                    "language_note": language_note,
                }
            )
        self.page_related[page.file.src_uri] = links
        return self.renderer.render(locale, "related.html", links=links)

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if not self.config.enabled:
            return context
        locale = self._locale_of(page) or self.config.default_locale
        self._use_locale(config, locale)
        context["nav"] = self._nav_for(page, locale, nav)
        # Each locale is its own root for the theme's search index and instant navigation.
        context["base_url"] = get_relative_url(f"{locale}/", page.url)
        context["helpcenter"] = {  # type: ignore[typeddict-unknown-key]  # our templates' data
            "locale": locale,
            "switcher": self._switcher(config, page.file.src_uri, locale, page.url),
            # For sites that place related articles elsewhere too (hrefs relative to this page).
            "related": self.page_related.pop(page.file.src_uri, []),
            # Rendered into <head> by our partials/integrations/analytics.html.
            "json_ld": self.page_json_ld.pop(page.file.src_uri, None),
        }
        return context

    def _switcher(self, config: MkDocsConfig, src_uri: str, locale: str, here: str) -> list[dict[str, Any]]:
        """Language switcher entries and, through the theme, hreflang links for one page."""
        versions = {a.locale: a for a in self.alternates.of(src_uri)}
        reader = self.locales[locale]
        gettext = self.catalogs.get(locale).gettext
        entries = []
        for code, info in self.locales.items():
            version = versions.get(code)
            target = version.url if version is not None else self.center_home_url(code)
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
        base = config.site_url.rstrip("/") + "/" if config.site_url else ""
        hreflang = [
            {
                "name": self.locales[a.locale].name,
                "link": base + a.url,
                "lang": self.locales[a.locale].html_lang,
            }
            for a in self.alternates.translations(src_uri)
        ]
        if hreflang:
            hreflang.append({"name": "x-default", "link": base or "/", "lang": "x-default"})
        config.extra["alternate"] = hreflang or [{"name": "", "link": base or "/", "lang": "x-default"}]
        return entries

    def center_home_url(self, locale: str) -> str:
        home = self.center.homes.get(locale) if self.center else None
        return home.url if home else f"{locale}/"

    def _use_locale(self, config: MkDocsConfig, locale: str) -> None:
        """Render the theme's own strings, direction and language in this locale."""
        config.theme["language"] = self.theme_languages[locale]
        config.theme["direction"] = self.locales[locale].direction
        home = self.center.homes.get(locale) if self.center else None
        config.site_name = text(home.title) if home and home.title else self.site_name

    # -- whole-site outputs ----------------------------------------------------------------

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
        self.env = env
        return env

    @event_priority(-50)  # after other plugins wrote their files, so ours (404s, root) are the last word
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.env is None:
            return
        for locale in self.built:
            self._write_404(config, locale)
        self._use_locale(config, self.config.default_locale)
        self._write_root(config)
        self._write_search(config)
        self._write_sitemaps(config)
        self._write_dashboard(config)

    def _write_404(self, config: MkDocsConfig, locale: str) -> None:
        self._use_locale(config, locale)
        assert self.env is not None
        template = self.env.get_template("404.html")
        nav = self.navs[locale]
        context = get_context(nav, [], config)
        context["base_url"] = urlsplit(config.site_url or "/").path
        home = self.center.homes.get(locale) if self.center else None
        switcher = self._switcher(config, home.src_uri if home else "", locale, f"{locale}/")
        for entry in switcher:  # a 404 page is served at any depth: links from the site root
            entry["href"] = context["base_url"].rstrip("/") + "/" + self.center_home_url(entry["code"])
        context["helpcenter"] = {"locale": locale, "switcher": switcher}  # type: ignore[typeddict-unknown-key]
        output = template.render(context)
        write_file(output.encode("utf-8"), os.path.join(config.site_dir, locale, "404.html"))

    def _write_search(self, config: MkDocsConfig) -> None:
        """One search index per locale, with its own stemmer; readers fetch only theirs."""
        merged = Path(config.site_dir) / "search" / "search_index.json"
        if not merged.is_file():
            return
        index = json.loads(merged.read_text(encoding="utf-8"))
        for locale, data in alt.split_search_index(index, self.built).items():
            write_file(
                alt.dump_json(data).encode("utf-8"),
                os.path.join(config.site_dir, locale, "search", merged.name),
            )
        merged.unlink()

    def _write_sitemaps(self, config: MkDocsConfig) -> None:
        """``sitemap.xml`` of every real page with its translations; one per locale beside it."""
        if self.center is None:
            return
        base = config.site_url.rstrip("/") + "/" if config.site_url else "/"
        per_locale: dict[str, list[alt.SitemapEntry]] = {loc: [] for loc in self.locales}
        pages: list[tuple[str, str, str, str | None]]
        pages = [(h.src_uri, h.locale, h.url, None) for h in self.center.homes.values()]
        pages += [(u, c.category.locale, _url_of(config, u), None) for u, c in self.category_pages.items()]
        pages += [
            (a.src_uri, a.locale, a.url, a.meta.updated.isoformat() if a.meta.updated else None)
            for a in self.center.articles.values()
        ]
        for src_uri, locale, url, lastmod in sorted(pages, key=lambda p: p[2]):
            versions = self.alternates.translations(src_uri)
            links = tuple((self.locales[v.locale].html_lang, base + v.url) for v in versions)
            if links:
                links += (("x-default", base),)
            per_locale[locale].append(alt.SitemapEntry(base + url, lastmod, links))
        # The root sitemap is an index of the locales' sitemaps: small, and the same in every shard.
        index = alt.sitemap_index_xml([f"{base}{loc}/sitemap.xml" for loc in self.locales])
        write_file(index.encode("utf-8"), os.path.join(config.site_dir, "sitemap.xml"))
        gzipped = Path(config.site_dir) / "sitemap.xml.gz"
        if gzipped.exists():
            gzipped.unlink()
        for locale in self.built:
            xml = alt.sitemap_xml(per_locale[locale]).encode("utf-8")
            write_file(xml, os.path.join(config.site_dir, locale, "sitemap.xml"))

    def _write_dashboard(self, config: MkDocsConfig) -> None:
        """``translations/``: the translators' dashboard (not in the navigation)."""
        if self.center is None:
            return
        rows = status_rows(self.catalogs.dirs[-1], self.center, self.locales)
        for row in rows:
            row["name"] = self.locales[row["locale"]].name
        html = self.renderer.render(
            self.config.default_locale,
            "dashboard.html",
            site_name=self.site_name,
            rows=rows,
            css=f"../{ASSET_DIR}/helpcenter.css",
        )
        write_file(html.encode("utf-8"), os.path.join(config.site_dir, "translations", "index.html"))

    def _write_root(self, config: MkDocsConfig) -> None:
        """``/``: links to every locale; a small script picks the reader's language.

        ``/404.html`` lists the same links (from the site root, as it is served at any
        depth); both are the same in every shard of a locale-sharded build.
        """
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        for name, prefix, not_found in (("index.html", "", False), ("404.html", root, True)):
            locales = [
                {"code": info.code, "name": info.name, "html_lang": info.html_lang, "href": f"{prefix}{code}/"}
                for code, info in self.locales.items()
            ]
            html = self.renderer.render(
                self.config.default_locale,
                "root.html",
                site_name=self.site_name,
                locales=locales,
                default=self.locales[self.config.default_locale],
                css=f"{prefix}{ASSET_DIR}/helpcenter.css",
                js=f"{prefix}{ASSET_DIR}/helpcenter.js",
                not_found=not_found,
            )
            write_file(html.encode("utf-8"), os.path.join(config.site_dir, name))


def _read_text(file: File) -> str | None:
    try:
        data = file.content_bytes
    except OSError:
        return None
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _safe_meta(title: str | None, description: str | None) -> dict[str, Any]:
    """Page meta for the theme: front matter is text, so it is escaped before templates see it."""
    meta: dict[str, Any] = {}
    if title:
        meta["title"] = text(title)
    if description:
        meta["description"] = text(description)
    return meta


def _url_of(config: MkDocsConfig, src_uri: str) -> str:
    """The URL MkDocs gives a page at ``src_uri``."""
    return File(src_uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls).url


def _uri_to_url(src_uri: str) -> str:
    return src_uri[: -len("index.md")] if src_uri.endswith("index.md") else src_uri


def _neighbours(items: list[Page]) -> list[tuple[Page | None, Page | None]]:
    return [(items[i - 1] if i > 0 else None, items[i + 1] if i + 1 < len(items) else None) for i in range(len(items))]
