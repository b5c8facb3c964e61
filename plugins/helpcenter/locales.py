"""Locales: UI-string catalogs (gettext, compiled from .po at build time) and locale facts.

Catalogs ship as package data (``helpcenter.catalogs``, the repository's
``locales/`` folder); a site can add a folder of its own whose catalogs win.
"""

from __future__ import annotations

import importlib.resources
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import NullTranslations, Translations

DOMAIN = "helpcenter"


class CatalogError(Exception):
    """A catalog that cannot be used, with the file and line."""


def package_catalog_dir() -> Path:
    """The catalogs shipped with the plugin."""
    return Path(str(importlib.resources.files("helpcenter.catalogs")))


def po_path(base: Path, locale: str) -> Path:
    return base / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def compile_po(path: Path, locale: str, problems: list[str] | None = None) -> Translations:
    """Compile one .po file in memory (no .mo is written or needed).

    Messages whose placeholders do not match their msgid are reported in
    ``problems`` and left out, so readers see the source text instead.
    """
    try:
        raw = path.read_bytes()
        for number, text in po_syntax_errors(raw.decode("utf-8"))[:1]:
            raise CatalogError(f"{path}:{number}: {text}")
        catalog = read_po(io.BytesIO(raw), locale=locale, abort_invalid=True)
    except PoFileError as error:
        lineno = getattr(error, "lineno", None)  # Babel counts from 0
        where = f"{path}:{lineno + 1}" if isinstance(lineno, int) else str(path)
        raise CatalogError(f"{where}: {_BABEL_LINE.sub('', str(error))}") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise CatalogError(f"{path}: cannot read catalog: {error}") from None
    for message in list(catalog):
        if not message.id:
            continue
        errors = message.check(catalog)
        if errors:
            msgid = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
            if problems is not None:
                problems.extend(f"{path}:{message.lineno}: {msgid!r}: {error}" for error in errors)
            catalog.delete(message.id, context=message.context)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


_PO_LINE = re.compile(r'^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+)?"(?:[^"\\]|\\.)*"[ \t]*$')
_BABEL_LINE = re.compile(r" on -?\d+$")


def po_syntax_errors(text: str) -> list[tuple[int, str]]:
    """(line, message) for every line that is not blank, a comment, or a keyword with one
    well-quoted string. Babel's reader is lenient there: it silently cuts such strings."""
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and not _PO_LINE.match(stripped):
            errors.append((number, f"not valid PO syntax (a keyword and one quoted string): {stripped[:60]}"))
    return errors


class Catalogs:
    """The UI strings of every locale, loaded once per build."""

    def __init__(self, dirs: Sequence[Path]) -> None:
        self.dirs = list(dirs)
        self._cache: dict[str, NullTranslations] = {}
        self.problems: list[str] = []
        """Broken messages found while loading (file:line: message)."""

    def get(self, locale: str) -> NullTranslations:
        if locale not in self._cache:
            self._cache[locale] = self._load(locale)
        return self._cache[locale]

    def _load(self, locale: str) -> NullTranslations:
        result: NullTranslations = NullTranslations()
        # Generic before specific ("pt" under "pt_BR"), the package's before the site's:
        # each layer falls back to the one below it.
        for candidate in reversed(_fallback_chain(locale)):
            for base in self.dirs:
                path = po_path(base, candidate)
                if path.is_file():
                    translations = compile_po(path, candidate, self.problems)
                    translations.add_fallback(result)
                    result = translations
        return result

    def available(self) -> list[str]:
        found: set[str] = set()
        for base in self.dirs:
            if base.is_dir():
                found.update(p.parent.parent.name for p in base.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
        return sorted(found)


def _fallback_chain(locale: str) -> list[str]:
    chain = [locale]
    for sep in ("_", "-"):
        if sep in locale:
            chain.append(locale.split(sep)[0])
    return chain


@dataclass(frozen=True)
class LocaleInfo:
    """What the build needs to know of a locale."""

    code: str
    name: str
    direction: str
    babel: Locale

    @property
    def html_lang(self) -> str:
        return self.code.replace("_", "-")


@lru_cache(maxsize=64)
def locale_info(code: str, name: str | None = None) -> LocaleInfo:
    """Babel's facts on a locale; raises ValueError for a code Babel does not know."""
    try:
        babel_locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as error:
        raise ValueError(f"'{code}' is not a locale Babel knows ({error})") from None
    direction = "rtl" if babel_locale.character_order == "right-to-left" else "ltr"
    display = name or babel_locale.get_display_name(babel_locale) or code
    return LocaleInfo(code=code, name=display, direction=direction, babel=babel_locale)


def theme_language(code: str, available: Iterable[str]) -> str:
    """The theme's own UI language for a locale (its base language, else English)."""
    names = set(available)
    for candidate in (code, code.replace("_", "-"), code.split("_")[0].split("-")[0]):
        if candidate in names:
            return candidate
    return "en"
