"""``helpcenter i18n``: the translators' workflow.

UI strings: ``extract`` (sources -> locales/helpcenter.pot), ``init``, ``update``,
``compile``, ``check``. Articles: ``scaffold`` a translation stub, ``mark`` it
as up to date. Both: ``status`` (a table, JSON, ``--fail-under``).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import write_po

from .. import translations
from ..config import LOCALE_PATTERN
from ..locales import (
    DOMAIN,
    CatalogError,
    Catalogs,
    catalog_problems,
    drop_unusable,
    locale_info,
    po_path,
    read_catalog,
)
from ..problems import Problem
from ..progress import progress_rows
from ..sources import CATEGORIES, HOME, Article
from .project import Project, ProjectError, load_project

PACKAGE_DIR = Path(__file__).parent.parent  # the helpcenter package (this module is in helpcenter/cli)
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
METHODS = [
    ("**/templates/**.html", "jinja2.ext:babel_extract"),
    ("**/theme/**.html", "ignore"),
    ("**.py", "python"),
]
OPTIONS = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true"}}


def default_catalog_dir() -> Path:
    """The repository's ``locales/`` (where translators work)."""
    from ..locales import package_catalog_dir

    return package_catalog_dir()


def extract(source_dir: Path = PACKAGE_DIR) -> Catalog:
    """Every user-visible string of the plugin's Python code and templates."""
    catalog = Catalog(project="helpcenter", version="0.1", charset="utf-8", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(source_dir), METHODS, options_map=OPTIONS, keywords=KEYWORDS, comment_tags=("Translators:",)
    ):
        if not message or (isinstance(message, tuple) and not message[0]):
            continue
        catalog.add(
            message,
            None,
            [(f"plugins/helpcenter/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def _write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, omit_header=False, include_lineno=True)
    path.write_bytes(buffer.getvalue())


def _read(path: Path, locale: str | None = None) -> Catalog:
    """A catalog or template; a missing, non-UTF-8 or broken file is a ``CatalogError`` naming file and line."""
    if path.suffix == ".pot" and not path.is_file():
        raise CatalogError(Problem(str(path), "missing: run 'helpcenter i18n extract'", kind="catalog"))
    return read_catalog(path, locale)[0]


def _ids(catalog: Catalog) -> set[tuple[Any, str | None]]:
    """Each message as gettext tells them apart: its msgid and its msgctxt ("Note" of an admonition
    title is another message than a plain "Note")."""
    return {(m.id, m.context) for m in catalog if m.id}


def _named(msgid: Any, context: str | None) -> str:
    """A message as the reports name it: its (first) msgid, and its msgctxt if it has one."""
    return repr(_first(msgid)) + (f" (msgctxt {context!r})" if context else "")


def check_catalogs(base: Path, extracted: Catalog) -> list[Problem]:
    """Everything that would make a catalog wrong or stale, one problem each.

    Each translation is judged by the same rules the build applies when it loads the
    catalog (``locales.catalog_problems``): what this reports, the build leaves out.
    """
    findings: list[Problem] = []
    pot = base / f"{DOMAIN}.pot"
    wanted = _ids(extracted)
    try:
        template: Catalog | None = _read(pot)
    except CatalogError as error:
        findings.append(error.problem)
        template = None
    if template is not None:
        have = _ids(template)
        for message in extracted:
            if message.id and (message.id, message.context) not in have:
                where = message.locations[0] if message.locations else ("?", None)
                findings.append(
                    _problem(
                        pot,
                        None,
                        f"out of date: {_named(message.id, message.context)} ({where[0]}:{where[1]}) is not in "
                        "it: run 'helpcenter i18n extract'",
                    )
                )
        for message in template:
            if message.id and (message.id, message.context) not in wanted:
                named = _named(message.id, message.context)
                findings.append(_problem(pot, message.lineno, f"out of date: {named} is no longer used"))
    for path in sorted(base.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        locale = path.parent.parent.name
        try:
            catalog, raw = read_catalog(path, locale)
        except CatalogError as error:
            findings.append(error.problem)
            continue
        expected = get_plural(Locale.parse(locale)).num_plurals
        if catalog.num_plurals != expected:
            findings.append(
                _problem(path, None, f"Plural-Forms has nplurals={catalog.num_plurals}, {locale} needs {expected}")
            )
        findings += [problem for problem, _message in catalog_problems(catalog, raw.decode("utf-8"), str(path))]
        for message in catalog:
            if not message.id:
                continue
            if (message.id, message.context) not in wanted:
                named = _named(message.id, message.context)
                findings.append(_problem(path, message.lineno, f"obsolete: {named}: run 'helpcenter i18n update'"))
            plural_forms = message.string if isinstance(message.string, (list, tuple)) else None
            if message.pluralizable and plural_forms is not None:
                # Babel pads missing msgstr[n] with empty strings: a form left out is an empty one.
                written = sum(1 for form in plural_forms if form)
                if len(plural_forms) != catalog.num_plurals or 0 < written < catalog.num_plurals:
                    needs = f"{locale} needs {catalog.num_plurals}"
                    text = f"{_first(message.id)!r} has {written} plural forms, {needs}"
                    findings.append(_problem(path, message.lineno, text))
        missing = wanted - _ids(catalog)
        for msgid, context in sorted(missing, key=str):
            findings.append(_problem(path, None, f"missing {_named(msgid, context)}: run 'helpcenter i18n update'"))
    return findings


def _problem(path: Path, line: int | None, message: str) -> Problem:
    return Problem(str(path), message, line, kind="catalog")


def _first(msgid: Any) -> str:
    return str(msgid[0] if isinstance(msgid, (list, tuple)) else msgid)


def format_table(rows: Iterable[dict[str, Any]]) -> str:
    """Per locale: articles done in words (what the percentage counts), the states, and UI strings apart."""
    header = (
        "locale",
        "articles %",
        "words to do",
        "current",
        "outdated",
        "draft",
        "missing",
        "untracked",
        "UI strings",
    )
    lines = [header]
    for row in rows:
        a, s, w = row["articles"], row["strings"], row["words"]
        strings = f"{s['translated']}/{s['translated'] + s['fuzzy'] + s['untranslated']} ({s['percent']:.1f} %)"
        lines.append(
            (
                row["locale"],
                f"{row['percent']:.1f}",
                str(w["to_translate"]),
                str(a["source"] + a["translated"]),
                str(a["outdated"]),
                str(a["draft"]),
                str(a["missing"]),
                str(a["untracked"]),
                strings,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=False)).rstrip() for line in lines)


# -- commands ------------------------------------------------------------------------------


def _cmd_extract(args: argparse.Namespace) -> int:
    base = Path(args.catalogs)
    catalog = extract()
    _write(catalog, base / f"{DOMAIN}.pot")
    print(f"{base / (DOMAIN + '.pot')}: {len(catalog)} messages")
    return 0


def _cmd_init(args: argparse.Namespace) -> int:
    base = Path(args.catalogs)
    try:
        locale = Locale.parse(args.locale)
    except (ValueError, TypeError) as error:
        print(f"helpcenter i18n init: '{args.locale}' is not a locale Babel knows ({error})", file=sys.stderr)
        return 2
    path = po_path(base, args.locale)
    if path.exists():
        print(f"{path}: exists already; use 'helpcenter i18n update'", file=sys.stderr)
        return 1
    template = _read(base / f"{DOMAIN}.pot")
    catalog = Catalog(locale=locale, project="helpcenter", charset="utf-8", fuzzy=False)
    catalog.update(template)
    _write(catalog, path)
    print(f"{path}: created with {len(catalog)} messages to translate")
    return 0


def _with_locale(config_text: str, code: str, name: str) -> str | None:
    """``mkdocs.yml`` with ``code: name`` added to the helpcenter plugin's ``locales`` (None: no such block)."""
    lines = config_text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.strip() == "locales:"), None)
    if start is None:
        return None
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    entry_indent = len(lines[start + 1]) - len(lines[start + 1].lstrip()) if end > start + 1 else indent + 2
    newline = "\r\n" if lines[start].endswith("\r\n") else "\n"
    return "".join([*lines[:end], f"{' ' * entry_indent}{code}: {name}{newline}", *lines[end:]])


def _cmd_add_locale(args: argparse.Namespace) -> int:
    """Everything a new locale needs, printed, or with ``--write`` applied."""
    project = load_project(args.config_file)
    code = args.locale
    if not LOCALE_PATTERN.match(code):
        raise ProjectError(f"'{code}' is not a locale code (e.g. de, pt_BR)")
    if code in project.locales:
        print(f"helpcenter i18n add-locale: '{code}' is one of the locales already", file=sys.stderr)
        return 1
    try:
        name = args.name or locale_info(code).name
    except ValueError as error:
        raise ProjectError(str(error)) from None
    source = project.plugin.default_locale
    config_file = Path(args.config_file)
    config_text = _with_locale(_read_exactly(config_file), code, name)
    docs = project.docs_dir
    copies = [(docs / source / name_, docs / code / name_) for name_ in (HOME, CATEGORIES)]
    catalog = po_path(Path(args.catalogs), code)
    steps = [
        f"{config_file}: add '{code}: {name}' under plugins.helpcenter.locales"
        + ("" if config_text is not None else " (no 'locales:' block found: add it by hand)"),
        *(f"{target}: a copy of {origin} to translate" for origin, target in copies if not target.exists()),
    ]
    if not catalog.exists():
        steps.append(f"{catalog}: a catalog of the UI strings to translate ('helpcenter i18n init {code}')")
    if not args.write:
        print(f"To add {name} ({code}); run again with --write to do it:")
        print("\n".join(f"  {step}" for step in steps))
        return 0
    if config_text is not None:
        _write_exactly(config_file, config_text)
    for origin, target in copies:
        if origin.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            _write_exactly(target, _read_exactly(origin))
    if not catalog.exists():
        template = _read(Path(args.catalogs) / f"{DOMAIN}.pot")
        new = Catalog(locale=Locale.parse(code), project="helpcenter", charset="utf-8", fuzzy=False)
        new.update(template)
        _write(new, catalog)
    print("\n".join(f"done: {step}" for step in steps))
    print(
        f"next: translate {docs / code / HOME} (its title names the site), {docs / code / CATEGORIES} and the "
        f"catalog; then 'helpcenter i18n scaffold {code} <id>' per article. Until then, {name} readers get "
        f"every article in the locales of its fallback chain."
    )
    return 0 if config_text is not None else 1


def _cmd_update(args: argparse.Namespace) -> int:
    """Merge the template into every catalog the way msgmerge does: nothing a translator wrote is lost.

    A reworded message keeps its old translation marked fuzzy (shown to readers only once a
    translator confirms it); a message no longer used stays at the end as ``#~`` obsolete.
    Every catalog is read before any is written, so a broken one stops the command untouched.
    """
    base = Path(args.catalogs)
    template = _read(base / f"{DOMAIN}.pot")
    catalogs = [
        (path, _read(path, path.parent.parent.name)) for path in sorted(base.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    ]
    for path, catalog in catalogs:
        catalog.update(template, no_fuzzy_matching=False)
        _write(catalog, path)
        fuzzy = sum(1 for m in catalog if m.id and m.fuzzy)
        print(f"{path}: updated ({fuzzy} fuzzy, {len(catalog.obsolete)} obsolete)")
    return 0


def _cmd_compile(args: argparse.Namespace) -> int:
    base = Path(args.catalogs)
    failed = 0
    for path in sorted(base.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        try:
            catalog, raw = read_catalog(path, path.parent.parent.name)
        except CatalogError as error:
            print(error.problem, file=sys.stderr)
            failed += 1
            continue
        problems = drop_unusable(catalog, raw.decode("utf-8"), str(path))  # the .mo holds what the build uses
        for problem in problems:
            print(problem, file=sys.stderr)
        failed += bool(problems)
        with path.with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog)
    return 1 if failed else 0


def _cmd_check(args: argparse.Namespace) -> int:
    findings = check_catalogs(Path(args.catalogs), extract())
    for finding in findings:
        print(finding)
    if not findings:
        print("catalogs: in sync, no errors")
    return 1 if findings else 0


def _cmd_status(args: argparse.Namespace) -> int:
    project = load_project(args.config_file)
    rows = progress_rows(
        Path(args.catalogs), project.center, project.locales, project.docs_dir, project.plan.article_url
    )
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        print(format_table(rows))
        for row in rows:
            for work in row["worklist"]:
                changed = ", ".join(part["label"] for part in work["changed"])
                what = f"{work['state']} ({changed} changed)" if changed else work["state"]
                where = work["translation"] or work["source"]
                print(f"{row['locale']}: {work['id']} {what}, {work['words']} words: {where}")
    if args.fail_under is not None:
        low = [r for r in rows if r["percent"] < args.fail_under]
        for row in low:
            print(f"{row['locale']}: {row['percent']:.1f}% is under {args.fail_under}%", file=sys.stderr)
        return 1 if low else 0
    return 0


def _read_exactly(path: Path) -> str:
    """A content file's text with its own line endings (no newline translation)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def _write_exactly(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def _state(project: Project, locale: str, article_id: str) -> translations.TranslationState:
    center = project.center
    if locale not in center.locales:
        raise ProjectError(f"'{locale}' is not one of the locales ({', '.join(center.locales)})")
    state = translations.state_of(center, article_id, locale)
    if state is None:
        raise ProjectError(f"no article has the id '{article_id}'")
    return state


def _scaffold_uri(project: Project, locale: str, source: Article) -> str:
    """Where a new translation goes: the source's path, with its category folder in the locale's slug."""
    rest = source.src_uri.partition("/")[2]
    categories = project.center.categories
    own = categories.get(source.locale, {}).get(source.meta.category or "")
    theirs = categories.get(locale, {}).get(source.meta.category or "")
    if own is not None and theirs is not None and rest.startswith(f"{own.slug}/"):
        rest = f"{theirs.slug}/{rest.removeprefix(own.slug + '/')}"
    return f"{locale}/{rest}"


def _cmd_scaffold(args: argparse.Namespace) -> int:
    project = load_project(args.config_file)
    state = _state(project, args.locale, args.id)
    existing = state.translation or state.draft
    if existing is not None and existing is not state.source:
        target = project.docs_dir / existing.src_uri
        print(f"{target}: exists already; after updating it run 'helpcenter i18n mark'", file=sys.stderr)
        return 1
    source = state.source
    uri = _scaffold_uri(project, args.locale, source)
    target = project.docs_dir / uri
    if target.exists():
        print(f"{target}: exists already; choose another file name for the translation", file=sys.stderr)
        return 1
    text = translations.relink(
        _read_exactly(project.docs_dir / source.src_uri), source.src_uri, uri, project.plan.link_resolver(args.locale)
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_exactly(target, translations.write_stamp(text, translations.draft_stamp(source)))
    print(
        f"{target}: a draft from {source.src_uri}, its links pointing at {args.locale}'s pages; readers keep "
        f"getting the fallback until you translate it (keeping id, step anchors and checks) and run "
        f"'helpcenter i18n mark {args.locale} {args.id}'"
    )
    return 0


def _cmd_mark(args: argparse.Namespace) -> int:
    project = load_project(args.config_file)
    state = _state(project, args.locale, args.id)
    translation = state.translation or state.draft
    if translation is None or translation is state.source:
        print(f"helpcenter i18n mark: '{args.id}' has no translation in '{args.locale}'", file=sys.stderr)
        return 1
    target = project.docs_dir / translation.src_uri
    source_text = _read_exactly(project.docs_dir / state.source.src_uri)
    _write_exactly(target, translations.write_stamp(_read_exactly(target), translations.stamp(state.source)))
    snapshot = project.docs_dir / translations.snapshot_uri(args.locale, state.source)
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    _write_exactly(snapshot, source_text)
    print(f"{target}: marked as translated from {state.source.src_uri} as it is now (kept in {snapshot})")
    return 0


def _cmd_diff(args: argparse.Namespace) -> int:
    project = load_project(args.config_file)
    catalog = Catalogs([Path(args.catalogs)]).get(args.locale)
    ids = args.ids or [
        i for i in project.center.ids() if _state(project, args.locale, i).state == translations.OUTDATED
    ]
    for article_id in ids:
        for line in diff_lines(project, _state(project, args.locale, article_id), catalog.gettext):
            print(line)
    if not ids:
        print(f"{args.locale}: no translation is outdated")
    return 0


def diff_lines(project: Project, state: translations.TranslationState, gettext: Any) -> list[str]:
    """What changed in a translation's source since it was marked, part by part, word by word."""
    translation, source = state.translation, state.source
    if translation is None or translation is source:
        return [f"{state.locale}: '{state.article_id}' is {state.state}: nothing to compare"]
    head = f"{translation.src_uri}: {state.state} (source {source.src_uri})"
    if state.state != translations.OUTDATED:
        return [head]
    diffs = translations.snapshot_diffs(project.docs_dir, state)
    if diffs is None:
        labels = ", ".join(translations.change_labels(state, gettext)) or "the text"
        snapshot = project.docs_dir / translations.snapshot_uri(state.locale, source)
        return [head, f"  changed: {labels} (no snapshot of the source as marked in {snapshot})"]
    return [head] + [
        f"  {translations.part_label(key, source, gettext)}: {translations.plain_diff(words)}"
        for key, words in diffs.items()
    ]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    i18n = commands.add_parser("i18n", help="translators' workflow: UI-string catalogs and article translations")
    sub = i18n.add_subparsers(dest="i18n_command", metavar="ACTION", required=True)

    def add(name: str, help_text: str, handler: Any, project: bool = False) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help_text)
        parser.add_argument("--catalogs", default=str(default_catalog_dir()), help="catalog folder (default: locales/)")
        if project:
            parser.add_argument("-f", "--config-file", default="mkdocs.yml")
        parser.set_defaults(handler=handler, prog=parser.prog)
        return parser

    add("extract", "write every UI string of the code and templates to locales/helpcenter.pot", _cmd_extract)
    init = add("init", "start the catalog of a new locale", _cmd_init)
    init.add_argument("locale")
    add("update", "merge the .pot into every locale's catalog", _cmd_update)
    add("compile", "compile catalogs to .mo and report errors (builds compile on their own)", _cmd_compile)
    add("check", "fail on stale, broken or inconsistent catalogs (for CI)", _cmd_check)
    status = add("status", "translation completeness per locale", _cmd_status, project=True)
    status.add_argument("--format", choices=("table", "json"), default="table")
    status.add_argument("--fail-under", type=float, metavar="PCT", help="exit non-zero when a locale is below PCT")
    for name, help_text, handler in (
        ("scaffold", "start a translation of an article: a draft copy readers do not see yet", _cmd_scaffold),
        ("mark", "record that a translation now matches its source (and keep the source as it is)", _cmd_mark),
    ):
        parser = add(name, help_text, handler, project=True)
        parser.add_argument("locale")
        parser.add_argument("id")
    add_locale = add(
        "add-locale", "add a locale: its mkdocs.yml entry, home page, categories and catalog", _cmd_add_locale, True
    )
    add_locale.add_argument("locale")
    add_locale.add_argument("--name", help="its name in the language switcher (default: the language's own name)")
    add_locale.add_argument("--write", action="store_true", help="make the changes (default: print them)")
    diff = add("diff", "what changed in the sources of a locale's outdated translations, word by word", _cmd_diff, True)
    diff.add_argument("locale")
    diff.add_argument("ids", nargs="*", metavar="id", help="only these articles (default: every outdated one)")
