"""Locales: UI-string catalogs (gettext, compiled from .po at build time) and locale facts.

Catalogs ship as package data (``helpcenter.catalogs``, the repository's
``locales/`` folder); a site can add a folder of its own whose catalogs win.
"""

from __future__ import annotations

import importlib.resources
import io
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from gettext import c2py
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import NullTranslations, Translations

from .problems import Problem, quote

DOMAIN = "helpcenter"


class CatalogError(Exception):
    """A catalog that cannot be used, with the file and line."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def package_catalog_dir() -> Path:
    """The catalogs shipped with the plugin."""
    return Path(str(importlib.resources.files("helpcenter.catalogs")))


def po_path(base: Path, locale: str) -> Path:
    return base / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path: Path, locale: str | None = None) -> tuple[Catalog, bytes]:
    """Read one .po (or .pot) file; anything unreadable is a ``CatalogError`` naming file and line."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CatalogError(Problem(str(path), f"cannot be read ({error.strerror or error})", kind="catalog")) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        bad_line: int | None = raw.count(b"\n", 0, error.start) + 1
        message = "is not UTF-8: save the catalog as UTF-8 (and say 'charset=utf-8' in its Content-Type header)"
        raise CatalogError(Problem(str(path), message, bad_line, kind="catalog")) from None
    for number, message in po_syntax_errors(text)[:1]:
        raise CatalogError(Problem(str(path), message, number, kind="catalog"))
    try:
        catalog = read_po(io.BytesIO(raw), locale=locale, abort_invalid=True)
    except PoFileError as error:
        lineno = getattr(error, "lineno", None)  # Babel counts from 0
        line = lineno + 1 if isinstance(lineno, int) else None
        raise CatalogError(Problem(str(path), _BABEL_LINE.sub("", str(error)), line, kind="catalog")) from None
    except (ValueError, TypeError, LookupError) as error:  # e.g. "nplurals=x", an unknown charset
        plural_line = _header_line(text, "Plural-Forms")
        plural_ok = plural_line is None or _PLURAL_HEADER.search(text.splitlines()[plural_line - 1])
        line = _header_line(text, "Content-Type") if plural_ok else plural_line
        message = f"the header cannot be read: {quote(str(error))}"
        raise CatalogError(Problem(str(path), message, line, kind="catalog")) from None
    return catalog, raw


def compile_po(path: Path, locale: str, problems: list[Problem] | None = None) -> Translations:
    """Compile one .po file in memory (no .mo is written or needed).

    Messages that fail :func:`message_problems` (placeholders, markup, a stray ``%``)
    are reported in ``problems`` and left out, so readers see the source text instead;
    so are all plural messages when the Plural-Forms expression is broken.
    """
    catalog, raw = read_catalog(path, locale)
    found = drop_unusable(catalog, raw.decode("utf-8"), str(path))
    if problems is not None:
        problems.extend(found)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


# -- what a translation may contain --------------------------------------------------------------

_PLACEHOLDER = re.compile(r"%(?:%|\((?P<name>[A-Za-z_][A-Za-z0-9_]*)\)(?P<spec>[-#0 +]*\d*(?:\.\d+)?[sdifr]))")
_PERCENT = re.compile(r"%")
_MARKUP = re.compile(r"<[A-Za-z/!?]|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
_NUMERIC = frozenset("dif")
PLURAL_SAMPLES = range(0, 1001)
"""The counts a Plural-Forms expression is tried with."""


def placeholders(text: str) -> Counter[str]:
    """The named placeholders of a format string, e.g. ``{"%(num)d": 1}``."""
    return Counter(f"%({m.group('name')}){m.group('spec')[-1]}" for m in _PLACEHOLDER.finditer(text) if m.group("name"))


def _stray_percent(text: str) -> str | None:
    """The first '%' of ``text`` that is neither '%%' nor a named placeholder."""
    position = 0
    while (found := _PERCENT.search(text, position)) is not None:
        match = _PLACEHOLDER.match(text, found.start())
        if match is None:
            return text[found.start() : found.start() + 12]
        position = match.end()
    return None


def _names(counter: Counter[str]) -> str:
    return ", ".join(f"{name} ×{n}" if n > 1 else name for name, n in sorted(counter.items())) or "none"


def message_problems(msgid: str, msgstr: str, msgid_plural: str | None = None) -> list[str]:
    """What is wrong with one translation ``msgstr`` of ``msgid``: empty when it may be used.

    A msgid with a ``%`` is a format string: its translation keeps exactly its named
    placeholders (a plural form may leave out a numeric one, e.g. "one article"), and
    writes a literal percent sign as ``%%``. A translation has markup only if the msgid has.
    """
    problems = []
    source = msgid_plural if msgid_plural is not None else msgid
    if "%" in msgid or (msgid_plural is not None and "%" in msgid_plural):
        stray = _stray_percent(msgstr)
        if stray is not None:
            problems.append(
                f"{quote(stray)}: a '%' that is not a placeholder: write '%%' for a percent sign "
                "(e.g. '100%% gratis') and placeholders as in the msgid"
            )
        wanted, have = placeholders(source), placeholders(msgstr)
        if msgid_plural is not None:
            wanted = wanted | placeholders(msgid)
            extra = have - wanted
            missing = Counter({k: n for k, n in (wanted - have).items() if k[-1] not in _NUMERIC})
            wrong = bool(extra or missing)
        else:
            wrong = have != wanted
        if wrong:
            problems.append(
                f"placeholders must be those of the msgid, each as often ({_names(wanted)}); "
                f"the translation has {_names(have)}"
            )
    markup = _MARKUP.search(msgstr)
    if markup and not _MARKUP.search(msgid + (msgid_plural or "")):
        problems.append(f"has markup ({quote(markup.group(0))}) the msgid does not have: write plain text")
    return problems


def plural_forms_problem(catalog: Catalog) -> str | None:
    """Why a catalog's Plural-Forms expression cannot be used (None when it can)."""
    expression, count = catalog.plural_expr, catalog.num_plurals
    try:
        rule = c2py(expression)
    except (ValueError, SyntaxError, RecursionError, MemoryError) as error:
        return f"Plural-Forms: plural={quote(expression)} is not a valid expression ({quote(str(error))})"
    for n in PLURAL_SAMPLES:
        try:
            form = rule(n)
        except (ArithmeticError, RecursionError, ValueError, TypeError):
            return f"Plural-Forms: plural={quote(expression)} fails for n={n} (e.g. a division by zero)"
        if not 0 <= form < count:
            return f"Plural-Forms: plural={quote(expression)} gives form {form} for n={n}, but nplurals={count}"
    return None


def catalog_problems(catalog: Catalog, text: str, path: str) -> list[tuple[Problem, Message | None]]:
    """Every unusable translation of a catalog, with its message (None: the Plural-Forms header)."""
    found: list[tuple[Problem, Message | None]] = []
    plural = plural_forms_problem(catalog)
    if plural is not None:
        found.append((Problem(path, plural, _header_line(text, "Plural-Forms"), kind="catalog"), None))
    for message in catalog:
        if not message.id or not message.string or message.fuzzy:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        msgid, msgid_plural = str(ids[0]), (str(ids[1]) if len(ids) > 1 else None)
        forms = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        errors: list[str] = []
        for form in filter(None, forms):  # an empty form is untranslated, not wrong
            errors += [e for e in message_problems(msgid, form, msgid_plural) if e not in errors]
        for error in errors:
            found.append((Problem(path, f"{quote(msgid)}: {error}", message.lineno, kind="catalog"), message))
    return found


def drop_unusable(catalog: Catalog, text: str, path: str) -> list[Problem]:
    """Leave out every translation ``catalog_problems`` finds (readers see the source text); return them."""
    found = catalog_problems(catalog, text, path)
    dropped = {id(message) for _problem, message in found if message is not None}
    if any(message is None for _problem, message in found):
        # A broken Plural-Forms: the language's own rule (Babel takes it from the locale when
        # these are unset), and no plural translation: its msgstr[n] followed the broken rule.
        catalog._num_plurals = None
        catalog._plural_expr = None
        dropped |= {id(message) for message in catalog if message.pluralizable}
    for message in list(catalog):
        if message.id and id(message) in dropped:
            catalog.delete(message.id, context=message.context)
    return [problem for problem, _message in found]


def _header_line(text: str, field: str) -> int | None:
    return next((n for n, line in enumerate(text.splitlines(), 1) if line.lstrip('"').startswith(field)), None)


_PLURAL_HEADER = re.compile(r"nplurals\s*=\s*\d+\s*;\s*plural\s*=")
_PO_LINE = re.compile(r'^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+)?"(?:[^"\\]|\\.)*"[ \t]*$')
_BABEL_LINE = re.compile(r" on -?\d+$")


def po_syntax_errors(text: str) -> list[tuple[int, str]]:
    """(line, message) for every line that is not blank, a comment, or a keyword with one
    well-quoted string. Babel's reader is lenient there: it silently cuts such strings."""
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and not _PO_LINE.match(stripped):
            errors.append((number, f"not valid PO syntax (a keyword and one quoted string): {quote(stripped, 60)}"))
    return errors


class Catalogs:
    """The UI strings of every locale, loaded once per build."""

    def __init__(self, dirs: Sequence[Path]) -> None:
        self.dirs = list(dirs)
        self._cache: dict[str, NullTranslations] = {}
        self.problems: list[Problem] = []
        """Broken catalogs and messages found while loading (each left out: readers see the source text)."""

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
                    try:
                        translations = compile_po(path, candidate, self.problems)
                    except CatalogError as error:
                        self.problems.append(error.problem)
                        continue
                    translations.add_fallback(result)
                    result = translations
        return result


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


def plural_samples(code: str) -> dict[str, int]:
    """A number for each CLDR plural category of a locale (``Intl.PluralRules`` names)."""
    rule = Locale.parse(code.replace("-", "_")).plural_form
    samples: dict[str, int] = {}
    # Small numbers, then powers of ten: some categories start there (French "many": 1,000,000).
    for n in itertools.chain(range(1000), (10**power for power in range(3, 13))):
        samples.setdefault(rule(n), n)
    samples.setdefault("other", 10)
    return samples
