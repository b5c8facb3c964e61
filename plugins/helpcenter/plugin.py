"""MkDocs event glue: thin, everything else lives in plain modules."""

from __future__ import annotations

import os
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.commands.build import get_context
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, write_file

from . import site
from .config import LOCALE_PATTERN, HelpcenterConfig
from .guide import GuideContext, GuideExtension
from .locales import Catalogs, CatalogError, LocaleInfo, locale_info, package_catalog_dir, theme_language
from .related import RelatedIndex, Weights, check_references
from .rendering import ListEntry, Renderer, text
from .sources import Article, HelpCenter, SourceFile, build_help_center

log = get_plugin_logger("helpcenter")

ASSET_DIR = "assets/helpcenter"
ASSETS = ("helpcenter.css", "checklist.js", "root.js")


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

    # -- configuration -------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        codes = dict(self.config.locales) or {self.config.default_locale: ""}
        if self.config.default_locale not in codes:
            raise PluginError(
                f"helpcenter: default_locale '{self.config.default_locale}' is not one of locales "
                f"({', '.join(codes)})"
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
        self.renderer = Renderer(self.catalogs)
        self.site_name = config.site_name
        self.theme_languages = self._theme_languages(config)
        config.theme["language"] = self.theme_languages[self.config.default_locale]
        config.markdown_extensions.append(self.guide_extension)  # type: ignore[arg-type]
        config.extra_css.append(f"{ASSET_DIR}/helpcenter.css")
        config.extra_javascript.append(ExtraScriptValue(f"{ASSET_DIR}/checklist.js"))
        return config

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
        for problem in check_references(center) + site.check_categories(center):
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
        for pages in site.category_pages(center).values():
            for page in pages:
                self.category_pages[page.src_uri] = page
                if files.get_file_from_path(page.src_uri) is None:
                    files.append(File.generated(config, page.src_uri, content=""))
        asset_root = package_files("helpcenter") / "assets"
        for name in ASSETS:
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", abs_src_path=str(asset_root / name)))
        return files

    # -- navigation: one small nav per locale ---------------------------------------------

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or self.center is None:
            return nav
        self.navs = {}
        for locale in self.locales:
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
            for page, (before, after) in zip(items, _neighbours(items)):
                page.previous_page, page.next_page = before, after
            self.navs[locale] = locale_nav
        for page in nav.pages:
            page.parent = None
            if page not in self.navs.get(self._locale_of(page) or "", Navigation([], [])).pages:
                page.previous_page = page.next_page = None
        return self.navs[self.config.default_locale]

    def _locale_of(self, page: Page) -> str | None:
        locale = page.file.src_uri.partition("/")[0]
        return locale if locale in self.locales else None

    # -- pages -----------------------------------------------------------------------------

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.center is None:
            return markdown
        locale = self._locale_of(page)
        if locale is None:
            return markdown
        article = self.center.articles.get(page.file.src_uri)
        category = self.category_pages.get(page.file.src_uri)
        home = self.center.homes.get(locale)
        raw = page.meta
        if article is not None:
            page.meta = _safe_meta(article.meta.title, article.meta.summary)
            if article.is_guide:
                gettext = self.catalogs.get(locale).gettext
                self.guide_extension.current = GuideContext(article, self.center.source_of(article), gettext)
        elif category is not None:
            page.meta = _safe_meta(category.category.title, category.category.description)
        elif home is not None and home.src_uri == page.file.src_uri:
            # The home's own title names the locale's site (the header); the page is "Home".
            page.meta = _safe_meta(self.catalogs.get(locale).gettext("Home"), home.summary)
        else:
            title = raw.get("title")
            page.meta = _safe_meta(title if isinstance(title, str) else None, None)
        return markdown

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
        article = self.center.articles.get(page.file.src_uri)
        if article is not None:
            return html + self._related_html(article, page)
        category = self.category_pages.get(page.file.src_uri)
        if category is not None:
            entries = [self._entry(a, page) for a in category.articles]
            return html + self.renderer.render(
                locale, "category.html", category=category.category, entries=entries
            )
        home = self.center.homes.get(locale)
        if home is not None and home.src_uri == page.file.src_uri:
            return html + self._home_html(locale, page)
        return html

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

    def _related_html(self, article: Article, page: Page) -> str:
        links = []
        reader = self.locales[article.locale]
        for entry in self.related.related(article):
            target = entry.article
            fallback = target.locale != article.locale
            language_note = None
            if fallback:
                language = self.locales[target.locale].babel.get_display_name(reader.babel) or target.locale
                language_note = self.catalogs.get(article.locale).gettext("in %(language)s") % {
                    "language": language
                }
            links.append(
                {
                    "title": target.meta.title,
                    "href": get_relative_url(target.url, page.url),
                    "summary": target.meta.summary,
                    "lang": self.locales[target.locale].html_lang if fallback else None,
                    "language_note": language_note,
                }
            )
        return self.renderer.render(article.locale, "related.html", links=links)

    def on_page_context(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any] | None:
        if not self.config.enabled:
            return context
        locale = self._locale_of(page) or self.config.default_locale
        self._use_locale(config, locale)
        context["nav"] = self.navs.get(locale, nav)
        context["helpcenter"] = {"locale": locale}
        return context

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
        for locale in self.locales:
            self._write_404(config, locale)
        self._use_locale(config, self.config.default_locale)
        self._write_root(config)

    def _write_404(self, config: MkDocsConfig, locale: str) -> None:
        self._use_locale(config, locale)
        assert self.env is not None
        template = self.env.get_template("404.html")
        nav = self.navs[locale]
        context = get_context(nav, [], config)
        context["base_url"] = urlsplit(config.site_url or "/").path
        context["helpcenter"] = {"locale": locale}
        output = template.render(context)
        write_file(output.encode("utf-8"), os.path.join(config.site_dir, locale, "404.html"))

    def _write_root(self, config: MkDocsConfig) -> None:
        """``/``: links to every locale; a small script picks the reader's language."""
        locales = [
            {"code": info.code, "name": info.name, "html_lang": info.html_lang, "href": f"{code}/"}
            for code, info in self.locales.items()
        ]
        html = self.renderer.render(
            self.config.default_locale,
            "root.html",
            site_name=self.site_name,
            locales=locales,
            default=self.locales[self.config.default_locale],
            css=f"{ASSET_DIR}/helpcenter.css",
            js=f"{ASSET_DIR}/root.js",
        )
        write_file(html.encode("utf-8"), os.path.join(config.site_dir, "index.html"))


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


def _uri_to_url(src_uri: str) -> str:
    return src_uri[: -len("index.md")] if src_uri.endswith("index.md") else src_uri


def _neighbours(items: list[Page]) -> list[tuple[Page | None, Page | None]]:
    return [
        (items[i - 1] if i > 0 else None, items[i + 1] if i + 1 < len(items) else None)
        for i in range(len(items))
    ]
