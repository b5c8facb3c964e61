"""One page in every locale: the language switcher, hreflang, sitemaps and per-locale search.

Pages are identified across locales by a key (an article id, a category id or
the home page), never by their (localized) paths.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

HOME_KEY = ("home", "")

# lunr-languages stemmers that Material for MkDocs ships (assets/javascripts/lunr/min).
LUNR_LANGUAGES = frozenset(
    "ar da de du el es fi fr he hi hu hy it ja jp kn ko nl no pt ro ru sa sv ta te th tr vi zh".split()  # noqa: SIM905
)
_LUNR_ALIASES = {"nb": "no", "nn": "no", "ja": "ja"}


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


def lunr_language(locale: str) -> str:
    """The search stemmer for a locale; English when Material ships none."""
    base = locale.replace("-", "_").split("_")[0].lower()
    base = _LUNR_ALIASES.get(base, base)
    return base if base in LUNR_LANGUAGES else "en"


def split_search_index(index: dict[str, Any], locales: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Material's one search index, split into one per locale.

    Locations become relative to the locale's root, the stemmer becomes the
    locale's own, and nothing of other locales is kept.
    """
    docs: dict[str, list[dict[str, Any]]] = {loc: [] for loc in locales}
    for doc in index.get("docs", []):
        location = str(doc.get("location", ""))
        locale, _, rest = location.partition("/")
        if locale in docs:
            docs[locale].append({**doc, "location": rest})
    config = dict(index.get("config", {}))
    result = {}
    for locale, entries in docs.items():
        result[locale] = {"config": {**config, "lang": [lunr_language(locale)]}, "docs": entries}
    return result


def dump_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


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
