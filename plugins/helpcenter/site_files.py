"""Site-wide files, written once all pages are: per-locale sitemaps,
the language chooser at ``/`` (and ``/404.html``), and the translators' dashboard.

Each is the same in every shard of a locale-sharded build, except the parts that
belong to the shard's own locales.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from . import alternates as alt
from .locales import LocaleInfo
from .pages import ArticlePage, CategoryPage, DashboardPage, HomePage, RootPage, SitePlan
from .rendering import Renderer


def _write(site_dir: Path, path: str, text: str) -> None:
    target = site_dir / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def write_sitemaps(
    site_dir: Path,
    plan: SitePlan,
    locales: Mapping[str, LocaleInfo],
    built: Iterable[str],
    site_url: str | None,
) -> None:
    """``/<locale>/sitemap.xml``: the locale's real pages with their translations (hreflang);
    ``/sitemap.xml``: an index of those (small, and the same in every shard)."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    per_locale: dict[str, list[alt.SitemapEntry]] = {loc: [] for loc in locales}
    # Real pages only: not the fallbacks (their text is another locale's) nor other Markdown pages.
    real = [p for p in plan.pages.values() if isinstance(p, HomePage | CategoryPage | ArticlePage)]
    for record in sorted(real, key=lambda p: p.url):
        updated = record.article.meta.updated if isinstance(record, ArticlePage) else None
        versions = plan.alternates.translations(record.src_uri)
        links = tuple((locales[v.locale].html_lang, base + v.url) for v in versions)
        if links:
            links += (("x-default", base),)
        lastmod = updated.isoformat() if updated else None
        per_locale[record.locale].append(alt.SitemapEntry(base + record.url, lastmod, links))
    _write(site_dir, "sitemap.xml", alt.sitemap_index_xml([f"{base}{loc}/sitemap.xml" for loc in locales]))
    (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)
    for locale in built:
        _write(site_dir, f"{locale}/sitemap.xml", alt.sitemap_xml(per_locale[locale]))


def write_root_page(
    site_dir: Path,
    record: RootPage,
    renderer: Renderer,
    locales: Mapping[str, LocaleInfo],
    site_name: str,
    site_url: str | None,
    assets: str,
    banner: str = "",
) -> None:
    """``/``: links to every locale, and a script that picks the reader's language;
    ``/404.html``: the same links from the site root (it is served at any depth)."""
    prefix = urlsplit(site_url or "/").path.rstrip("/") + "/" if record.not_found else ""
    entries = [
        {"code": code, "name": info.name, "html_lang": info.html_lang, "href": f"{prefix}{code}/"}
        for code, info in locales.items()
    ]
    html = renderer.render(
        record.locale,
        "root.html",
        site_name=site_name,
        locales=entries,
        default=locales[record.locale],
        css=f"{prefix}{assets}/helpcenter.css",
        page_css=f"{prefix}{assets}/standalone.css",
        chooser_js=None if record.not_found else f"{assets}/chooser.js",
        js=f"{prefix}{assets}/helpcenter.js",
        not_found=record.not_found,
        banner=Markup(banner),
        script=not record.not_found or bool(banner),  # the chooser's script; the banner's
    )
    _write(site_dir, record.url or "index.html", html)


def write_dashboard(
    site_dir: Path,
    record: DashboardPage,
    renderer: Renderer,
    rows: list[dict[str, Any]],
    locales: Mapping[str, LocaleInfo],
    site_name: str,
    assets: str,
    banner: str = "",
) -> None:
    """``/translations/``: the translators' dashboard (not in any navigation), with the status banner's host."""
    for row in rows:
        row["name"] = locales[row["locale"]].name
        for work in row["worklist"]:
            work["href"] = get_relative_url(work["url"], record.url) if work["url"] else None
    html = renderer.render(
        record.locale,
        "dashboard.html",
        site_name=site_name,
        rows=rows,
        css=get_relative_url(f"{assets}/helpcenter.css", record.url),
        page_css=get_relative_url(f"{assets}/standalone.css", record.url),
        js=get_relative_url(f"{assets}/helpcenter.js", record.url),
        banner=Markup(banner),
        script=bool(banner),
    )
    _write(site_dir, record.url + "index.html", html)
