"""One page in every locale: the language switcher, hreflang and sitemaps.

Pages are identified across locales by a key (an article id, a category id or
the home page), never by their (localized) paths.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

HOME_KEY = ("home", "")


@dataclass(frozen=True)
class Alternate:
    """A page's version in one locale."""

    locale: str
    url: str
    """Site-relative URL of the page (e.g. ``sv/e-post/``)."""
    fallback: bool = False
    """The locale shows the source-language text (no translation yet)."""


class Alternates:
    """Every page's versions across locales, for O(1) look-ups per page."""

    def __init__(self, locales: Sequence[str]) -> None:
        self.locales = tuple(locales)
        self._by_key: dict[tuple[str, str], dict[str, Alternate]] = defaultdict(dict)
        self._key_of: dict[str, tuple[str, str]] = {}

    def add(self, key: tuple[str, str], src_uri: str, alternate: Alternate) -> None:
        self._by_key[key][alternate.locale] = alternate
        self._key_of[src_uri] = key

    def of(self, src_uri: str) -> list[Alternate]:
        """The page in every locale that has it, in locale order."""
        key = self._key_of.get(src_uri)
        if key is None:
            return []
        versions = self._by_key[key]
        return [versions[loc] for loc in self.locales if loc in versions]

    def url(self, key: tuple[str, str], locale: str) -> str | None:
        """The URL of a page (by key) in one locale, if the locale has the page."""
        version = self._by_key.get(key, {}).get(locale)
        return version.url if version is not None else None

    def translations(self, src_uri: str) -> list[Alternate]:
        """Only real translations (what hreflang and sitemaps may name)."""
        return [a for a in self.of(src_uri) if not a.fallback]


@dataclass(frozen=True)
class SitemapEntry:
    """One URL of a sitemap with its language alternates (absolute URLs)."""

    url: str
    lastmod: str | None
    alternates: tuple[tuple[str, str], ...] = ()


def sitemap_xml(entries: Iterable[SitemapEntry]) -> str:
    """A sitemap with ``xhtml:link`` alternates, every value escaped."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for entry in entries:
        lines.append("  <url>")
        lines.append(f"    <loc>{xml_escape(entry.url)}</loc>")
        if entry.lastmod:
            lines.append(f"    <lastmod>{xml_escape(entry.lastmod)}</lastmod>")
        for hreflang, href in entry.alternates:
            lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(hreflang)} href={quoteattr(href)}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def sitemap_index_xml(sitemaps: Iterable[str]) -> str:
    """A sitemap index naming each locale's sitemap (absolute URLs)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    lines += [f"  <sitemap><loc>{xml_escape(url)}</loc></sitemap>" for url in sitemaps]
    lines.append("</sitemapindex>")
    return "\n".join(lines) + "\n"
