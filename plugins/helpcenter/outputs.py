"""Site-wide files written once all pages are: per-locale sitemaps,
the language chooser at ``/`` (and ``/404.html``), and the translators' dashboard.

Each is the same in every shard of a locale-sharded build, except the parts that
belong to the shard's own locales.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import alternates as alt
from .locales import LocaleInfo
from .pages import SitePlan, UrlOf
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
    url_of: UrlOf,
) -> None:
    """``/<locale>/sitemap.xml``: the locale's real pages with their translations (hreflang);
    ``/sitemap.xml``: an index of those (small, and the same in every shard)."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    center = plan.center
    per_locale: dict[str, list[alt.SitemapEntry]] = {loc: [] for loc in locales}
    pages: list[tuple[str, str, str, str | None]]
    pages = [(h.src_uri, h.locale, h.url, None) for h in center.homes.values()]
    pages += [(u, c.category.locale, url_of(u), None) for u, c in plan.categories.items()]
    pages += [
        (a.src_uri, a.locale, a.url, a.meta.updated.isoformat() if a.meta.updated else None)
        for a in center.articles.values()
    ]
    for src_uri, locale, url, lastmod in sorted(pages, key=lambda p: p[2]):
        versions = plan.alternates.translations(src_uri)
        links = tuple((locales[v.locale].html_lang, base + v.url) for v in versions)
        if links:
            links += (("x-default", base),)
        per_locale[locale].append(alt.SitemapEntry(base + url, lastmod, links))
    _write(site_dir, "sitemap.xml", alt.sitemap_index_xml([f"{base}{loc}/sitemap.xml" for loc in locales]))
    (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)
    for locale in built:
        _write(site_dir, f"{locale}/sitemap.xml", alt.sitemap_xml(per_locale[locale]))


def write_root_pages(
    site_dir: Path,
    renderer: Renderer,
    locales: Mapping[str, LocaleInfo],
    default: str,
    site_name: str,
    site_url: str | None,
    assets: str,
) -> None:
    """``/``: links to every locale, and a script that picks the reader's language;
    ``/404.html``: the same links from the site root (it is served at any depth)."""
    root = urlsplit(site_url or "/").path.rstrip("/") + "/"
    for name, prefix, not_found in (("index.html", "", False), ("404.html", root, True)):
        entries = [
            {"code": code, "name": info.name, "html_lang": info.html_lang, "href": f"{prefix}{code}/"}
            for code, info in locales.items()
        ]
        html = renderer.render(
            default,
            "root.html",
            site_name=site_name,
            locales=entries,
            default=locales[default],
            css=f"{prefix}{assets}/helpcenter.css",
            js=f"{prefix}{assets}/helpcenter.js",
            not_found=not_found,
        )
        _write(site_dir, name, html)


def write_dashboard(
    site_dir: Path,
    renderer: Renderer,
    rows: list[dict[str, Any]],
    locales: Mapping[str, LocaleInfo],
    default: str,
    site_name: str,
    assets: str,
) -> None:
    """``/translations/``: the translators' dashboard (not in any navigation)."""
    for row in rows:
        row["name"] = locales[row["locale"]].name
    html = renderer.render(default, "dashboard.html", site_name=site_name, rows=rows, css=f"../{assets}/helpcenter.css")
    _write(site_dir, "translations/index.html", html)
