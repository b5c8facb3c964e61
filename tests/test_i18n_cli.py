"""The ``helpcenter`` command as translators and editors use it, on a copy of the example project."""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

import pytest
import yaml
from babel import Locale
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from conftest import ROOT, build_project, copy_example
from helpcenter.cli import main
from helpcenter.sources import split_front_matter

SEED_SV = "content/sv/e-post/jag-kan-inte-logga-in-pa-webbmail.md"
SEED_DE = "content/de/e-post/jag-kan-inte-logga-in-pa-webbmail.md"


class Cli:
    """Runs ``helpcenter …`` in-process inside one project folder."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root = root
        self.catalogs = root / "locales"
        self.capsys = capsys

    def __call__(self, *args: str, project: bool = False) -> tuple[int, str, str]:
        argv = [*args, "--catalogs", str(self.catalogs)]
        if project:
            argv += ["--config-file", str(self.root / "mkdocs.yml")]
        self.capsys.readouterr()
        logger = logging.getLogger("mkdocs")
        level = logger.level
        try:
            code = main(argv)
        finally:
            logger.setLevel(level)  # see test_the_command_leaves_mkdocs_logging_alone
        out, err = self.capsys.readouterr()
        return code, out, err

    def check(self) -> tuple[int, list[str]]:
        code, out, _err = self("i18n", "check")
        return code, out.splitlines()

    def status(self) -> list[dict]:
        code, out, err = self("i18n", "status", "--format", "json", project=True)
        assert code == 0, err
        return json.loads(out)

    def report(self, *args: str) -> tuple[int, str, str]:
        """``helpcenter check`` (the editors' report; it has no --catalogs)."""
        self.capsys.readouterr()
        logger = logging.getLogger("mkdocs")
        level = logger.level
        try:
            code = main(["check", "--config-file", str(self.root / "mkdocs.yml"), *args])
        finally:
            logger.setLevel(level)
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def cli(tmp_path, capsys) -> Cli:
    root = copy_example(tmp_path)
    shutil.copytree(ROOT / "locales", root / "locales", dirs_exist_ok=True)
    return Cli(root, capsys)


@pytest.fixture
def synced(cli) -> Cli:
    """Catalogs brought in sync with the code (extract + update): the baseline of a clean check."""
    assert cli("i18n", "extract")[0] == 0
    assert cli("i18n", "update")[0] == 0
    code, lines = cli.check()
    assert (code, lines) == (0, ["catalogs: in sync, no errors"])
    return cli


def load(path: Path, locale: str | None = None):
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def row(rows: list[dict], locale: str) -> dict:
    return next(r for r in rows if r["locale"] == locale)


# -- UI strings ----------------------------------------------------------------------------------------------


def test_extract_writes_every_string_of_code_and_templates(cli):
    (cli.catalogs / "helpcenter.pot").unlink()
    code, out, _ = cli("i18n", "extract")
    assert code == 0
    pot = cli.catalogs / "helpcenter.pot"
    assert str(pot) in out
    text = pot.read_text(encoding="utf-8")
    catalog = load(pot)
    ids = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
    # Python code
    assert "Step %(number)s - %(title)s" in ids
    assert 'msgid "Step %(number)s - %(title)s"' in text
    # templates
    for msgid, template in [
        ("Related articles", "templates/related.html"),
        ("This article is not available in %(language)s yet.", "templates/notices.html"),
        ("Read the original in %(language)s", "templates/notices.html"),
        ("Breadcrumbs", "templates/breadcrumbs.html"),
        ("See all %(num)d article", "templates/home.html"),
    ]:
        assert msgid in ids, msgid
        assert any(template in location for location, _line in ids[msgid].locations), ids[msgid].locations
    assert ids["See all %(num)d article"].id[1] == "See all %(num)d articles"
    assert f"{len(catalog)} messages" in out


def test_check_passes_on_the_repositorys_catalogs(cli):
    code, lines = cli.check()
    assert (code, lines) == (0, ["catalogs: in sync, no errors"])


def _po(cli: Cli, locale: str = "sv") -> Path:
    return cli.catalogs / locale / "LC_MESSAGES" / "helpcenter.po"


def _edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` (once); return the line ``old`` started on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return line


def _msgid_line(path: Path, msgid: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines.index(f'msgid "{msgid}"') + 1


def _rewrite_block(po: Path, msgid: str, rewrite) -> int:
    """Let ``rewrite`` change the lines of one message (from its msgid to the blank line); its msgid line."""
    lines = po.read_text(encoding="utf-8").splitlines()
    start = lines.index(f'msgid "{msgid}"')
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    lines[start:end] = rewrite(lines[start:end])
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return start + 1


def _syntax(cli: Cli) -> tuple[Path, int, str]:
    po = _po(cli)
    line = _rewrite_block(po, "Done", lambda block: [*block, "this is not po"])
    return po, line + len(["msgid", "msgstr"]), "syntax"


def _placeholder(cli: Cli) -> tuple[Path, int, str]:
    po = _po(cli)
    msgid = "Step %(number)s - %(title)s"
    line = _rewrite_block(po, msgid, lambda block: [f'msgid "{msgid}"', 'msgstr "Steg %(nummer)s - %(title)s"'])
    return po, line, "nummer"


PLURAL = "See all %(num)d article"


def _too_few_plural_forms(cli: Cli) -> tuple[Path, int, str]:
    po = _po(cli)
    line = _rewrite_block(po, PLURAL, lambda block: [b for b in block if not b.startswith("msgstr[1]")])
    return po, line, "plural"


def _too_many_plural_forms(cli: Cli) -> tuple[Path, int, str]:
    po = _po(cli)
    line = _rewrite_block(po, PLURAL, lambda block: [*block, 'msgstr[2] "Visa alla %(num)d artiklarna"'])
    return po, line, "plural"


def _not_in_the_template(cli: Cli) -> tuple[Path, int, str]:
    po = _po(cli)
    with po.open("a", encoding="utf-8") as handle:
        handle.write('\nmsgid "A string the plugin does not have"\nmsgstr "En sträng"\n')
    return po, _msgid_line(po, "A string the plugin does not have"), "A string the plugin does not have"


@pytest.mark.parametrize(
    "mistake",
    [_syntax, _placeholder, _too_few_plural_forms, _too_many_plural_forms, _not_in_the_template],
    ids=["syntax-error", "wrong-placeholder", "too-few-plural-forms", "too-many-plural-forms", "msgid-not-in-pot"],
)
def test_check_reports_each_mistake_on_one_line_with_file_and_line(synced, mistake):
    path, line, word = mistake(synced)
    code, lines = synced.check()
    assert code == 1
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}:{line}: "), lines
    assert word.casefold() in lines[0].casefold()


def test_check_reports_a_string_of_the_code_missing_from_the_template(synced):
    pot = synced.catalogs / "helpcenter.pot"
    _edit(pot, 'msgid "Related articles"\nmsgstr ""\n', "")
    code, lines = synced.check()
    assert code == 1
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{pot}: ")
    assert "'Related articles'" in lines[0]
    assert re.search(r"plugins/helpcenter/templates/related\.html:\d+", lines[0]), lines[0]
    assert "helpcenter i18n extract" in lines[0]


def test_check_tells_a_message_by_its_context_too(synced):
    """The admonition title "Note" (msgctxt "admonition title") is another message than a plain "Note":
    a catalog that lost the context has the one gettext does not look up, and lacks the one it does."""
    po = _po(synced, "sv")
    _edit(po, 'msgctxt "admonition title"\nmsgid "Note"\n', 'msgid "Note"\n')
    code, lines = synced.check()
    assert code == 1
    assert len(lines) == 2, lines
    assert any(line.startswith(f"{po}:") and "obsolete: 'Note'" in line for line in lines), lines
    assert any("missing 'Note' (msgctxt 'admonition title')" in line for line in lines), lines


@pytest.mark.parametrize("locale", ["fr", "pl", "cy", "ja"])
def test_init_writes_the_languages_plural_forms(synced, locale):
    # What the language's plural forms are is Babel's (CLDR's) data, and changes between releases.
    plural_forms = get_plural(Locale.parse(locale)).plural_forms
    code, out, _ = synced("i18n", "init", locale)
    assert code == 0
    po = _po(synced, locale)
    assert str(po) in out
    catalog = load(po, locale)
    assert catalog.plural_forms == plural_forms
    template = load(synced.catalogs / "helpcenter.pot")
    assert {m.id for m in catalog if m.id} == {m.id for m in template if m.id}
    assert synced.check() == (0, ["catalogs: in sync, no errors"])
    assert synced("i18n", "init", locale)[0] == 1  # never overwrites a translator's work


# -- completeness ------------------------------------------------------------------------------------------------


def _ids(folder: Path) -> set[str]:
    return {
        yaml.safe_load(split_front_matter(p.read_text(encoding="utf-8"))[0])["id"]
        for p in folder.rglob("*.md")
        if p.name != "index.md"
    }


def test_status_json_figures(cli):
    rows = cli.status()
    assert [r["locale"] for r in rows] == ["sv", "en"]
    sv, en = _ids(cli.root / "content" / "sv"), _ids(cli.root / "content" / "en")
    assert sv  # the example's translations are all current (marked)
    assert row(rows, "sv")["articles"] == {
        "source": len(sv),
        "translated": 0,
        "outdated": 0,
        "draft": 0,
        "missing": len(en - sv),
        "untracked": 0,
    }
    assert row(rows, "en")["articles"] == {
        "source": len(en - sv),
        "translated": len(en & sv),
        "outdated": 0,
        "draft": 0,
        "missing": len(sv - en),
        "untracked": 0,
    }
    for r in rows:
        catalog = load(_po(cli, r["locale"]), r["locale"])
        messages = len([m for m in catalog if m.id])
        strings = r["strings"]
        assert strings["translated"] + strings["fuzzy"] + strings["untranslated"] == messages
        assert strings["percent"] == round(100 * strings["translated"] / messages, 1)
        # "Done" counts words of articles; UI strings are their own figure.
        words = r["words"]
        assert r["percent"] == round(100 * words["done"] / words["total"], 1)
        assert words["done"] + words["to_translate"] == words["total"]
        assert r["outdated"] == {}
        assert sorted(r["missing"]) == sorted(sv - en if r["locale"] == "en" else en - sv)
        assert sorted(w["id"] for w in r["worklist"]) == sorted(r["missing"])


def test_a_locale_without_articles_is_not_done_however_many_ui_strings_it_has(cli):
    """German with a complete catalog and no article of its own: 0 % done, every word to translate."""
    _edit(cli.root / "mkdocs.yml", "        en: English\n", "        en: English\n        de: Deutsch\n")
    (cli.root / "content" / "de").mkdir()
    (cli.root / "content" / "de" / "index.md").write_text("---\ntitle: Hilfe\n---\n", encoding="utf-8")
    de = row(cli.status(), "de")
    assert de["strings"]["percent"] == 100.0
    assert de["percent"] == 0.0
    assert de["words"]["to_translate"] == de["words"]["total"] > 0
    work = {w["id"]: w for w in de["worklist"]}
    seed = work["webmail-login"]
    assert seed["state"] == "missing"
    assert seed["source"] == SEED_SV
    assert seed["translation"] is None
    assert seed["url"] == "de/e-post/jag-kan-inte-logga-in-pa-webbmail/"


def test_status_fail_under(cli):
    code, _out, err = cli("i18n", "status", "--fail-under", "101", project=True)
    assert code == 1
    assert "sv:" in err and "en:" in err
    assert "101" in err
    assert cli("i18n", "status", "--fail-under", "0", project=True)[0] == 0


def test_scaffold_translate_change_and_mark(cli):
    config = cli.root / "mkdocs.yml"
    _edit(config, "        en: English\n", "        en: English\n        de: Deutsch\n")
    content = cli.root / "content"
    (content / "de").mkdir()
    (content / "de" / "index.md").write_text("---\ntitle: Hilfe\n---\nWillkommen.\n", encoding="utf-8")
    (content / "de" / "categories.yml").write_text(
        "email:\n  slug: e-mail\n  title: E-Mail\ndomains:\n  title: Domains\nbilling:\n  title: Rechnungen\n"
        "websites:\n  title: Websites\n",  # every category the sv articles use: a lacking one is a warning
        encoding="utf-8",
    )

    # Scaffolding starts a draft, in German's own folder of the category, with links to German pages.
    code, out, err = cli("i18n", "scaffold", "de", "webmail-login", project=True)
    assert code == 0, err
    target = cli.root / "content" / "de" / "e-mail" / "jag-kan-inte-logga-in-pa-webbmail.md"
    assert target.is_file()
    assert str(target) in out
    text = target.read_text(encoding="utf-8")
    front, body, _ = split_front_matter(text)
    assert yaml.safe_load(front)["translated_from"] == {"locale": "sv", "draft": True}
    assert "(introduktion-till-e-post.md)" not in body  # a link to a Swedish file now points at German's page
    assert cli("i18n", "scaffold", "de", "webmail-login", project=True)[0] == 1  # exists already

    # A draft is not a translation: readers still get the fallback, and it counts as not done.
    de = row(cli.status(), "de")
    assert de["articles"]["draft"] == 1
    assert "webmail-login" in de["missing"]
    built = build_project(config, cli.root / "site", strict=True)
    assert built.warnings() == []
    fallback = built.html("de/e-post/jag-kan-inte-logga-in-pa-webbmail/")
    assert fallback.select_one(".hc-notice--missing") is not None
    assert not (built.site / "de" / "e-mail" / "jag-kan-inte-logga-in-pa-webbmail").exists()

    # The translator marks it done: it is current, and the source as it was is kept.
    code, out, err = cli("i18n", "mark", "de", "webmail-login", project=True)
    assert code == 0, err
    snapshot = cli.root / "content" / "de" / ".sources" / SEED_SV.removeprefix("content/")
    assert snapshot.read_text(encoding="utf-8") == (cli.root / SEED_SV).read_text(encoding="utf-8")
    de = row(cli.status(), "de")
    assert de["articles"]["translated"] == 1
    assert "webmail-login" not in {w["id"] for w in de["worklist"]}
    built = build_project(config, cli.root / "site", strict=True)
    assert built.warnings() == []
    page = built.html("de/e-mail/jag-kan-inte-logga-in-pa-webbmail/")
    assert page.html.get("lang") == "de"
    assert page.select(".hc-notice") == []

    # The editor changes step 3 and the title of the Swedish source.
    _edit(
        cli.root / SEED_SV,
        "- [ ] Logga in på Kontrollpanelen.\n",
        "- [ ] Logga in på Kontrollpanelen med ditt kundnummer.\n",
    )
    _edit(cli.root / SEED_SV, "title: Jag kan inte logga in på Webbmail\n", "title: Jag kommer inte in i Webbmail\n")
    de = row(cli.status(), "de")
    assert de["outdated"] == {"webmail-login": ["step-3"]}
    (work,) = [w for w in de["worklist"] if w["id"] == "webmail-login"]
    assert work["state"] == "outdated"
    assert [part["part"] for part in work["changed"]] == ["title", "step:step-3"]
    title, step = work["changed"]
    assert "".join(text for op, text in title["diff"] if op != "+") == "Jag kan inte logga in på Webbmail"
    assert "".join(text for op, text in title["diff"] if op != "-") == "Jag kommer inte in i Webbmail"
    assert [text for op, text in title["diff"] if op == "+"] == ["kommer", "i"]
    assert [op for op in step["diff"] if op[0] != "="] == [["+", " med ditt kundnummer"]]
    code, out, _ = cli("i18n", "status", project=True)
    assert code == 0

    # i18n diff says the same, word by word, with the labels the reader's notice uses.
    code, out, _ = cli("i18n", "diff", "de", project=True)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("de/e-mail/jag-kan-inte-logga-in-pa-webbmail.md: outdated")
    assert lines[1] == "  der Titel: Jag [-kan-]{+kommer+} inte [-logga -]in [-på-]{+i+} Webbmail"
    assert lines[2].startswith("  Schritt 3: ") and "Kontrollpanelen{+ med ditt kundnummer+}." in lines[2]
    assert len(lines) == 3

    built = build_project(config, cli.root / "site", strict=True)
    notice = built.html("de/e-mail/jag-kan-inte-logga-in-pa-webbmail/").select_one(".hc-notice--outdated")
    assert notice is not None
    assert "der Titel und Schritt 3" in " ".join(notice.get_text().split())

    code, out, err = cli("i18n", "mark", "de", "webmail-login", project=True)
    assert code == 0, err
    de = row(cli.status(), "de")
    assert de["outdated"] == {}
    assert de["articles"]["translated"] == 1


def test_mark_changes_only_the_stamp(cli):
    """A translator's file (here with Windows line endings and a comment) keeps every other byte."""
    english = cli.root / "content" / "en" / "email" / "cannot-log-in-to-webmail.md"
    text = english.read_text(encoding="utf-8").replace("title:", "# Translated by Anna\ntitle:", 1)
    english.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    before = english.read_bytes()
    _edit(cli.root / SEED_SV, "- [ ] Klicka på Spara.\n", "- [ ] Klicka på Spara och vänta.\n")
    assert row(cli.status(), "en")["outdated"] == {"webmail-login": ["step-4"]}

    code, _out, err = cli("i18n", "mark", "en", "webmail-login", project=True)
    assert code == 0, err
    after = english.read_bytes()
    assert row(cli.status(), "en")["outdated"] == {}

    def without_stamp(data: bytes) -> list[bytes]:
        lines = data.split(b"\r\n")
        start = lines.index(b"translated_from:")
        end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(b" "))
        return lines[:start] + lines[end:]

    assert without_stamp(after) == without_stamp(before)
    assert b"\n" not in after.replace(b"\r\n", b"")


def test_mark_without_a_translation_fails(cli):
    _edit(cli.root / "mkdocs.yml", "        en: English\n", "        en: English\n        de: Deutsch\n")
    code, _out, err = cli("i18n", "mark", "de", "webmail-login", project=True)
    assert code == 1
    assert "webmail-login" in err


@pytest.mark.parametrize(
    ("args", "named"), [(("en", "no-such-id"), "no-such-id"), (("xx", "webmail-login"), "xx")], ids=["id", "locale"]
)
def test_scaffold_unknown_id_or_locale(cli, args, named):
    code, _out, err = cli("i18n", "scaffold", *args, project=True)
    assert code == 2
    assert named in err
    assert len(err.strip().splitlines()) == 1


# -- the editors' report ----------------------------------------------------------------------------------------------

FINDING = re.compile(r"^(error|suggestion): (\S+?)(?::\d+)?: .+ \[[a-z-]+\]$")


def test_check_on_the_example_reports_no_problem(cli):
    code, out, _ = cli.report()
    assert code == 0
    (summary,) = out.splitlines()
    assert re.fullmatch(
        r"0 errors in \d+ articles; \d+ suggestions \(helpcenter check --suggestions lists them\)", summary
    ), summary


def test_check_lists_suggestions_only_when_asked(cli):
    code, out, _ = cli.report("--suggestions")
    assert code == 0
    *findings, summary = out.splitlines()
    assert findings
    for line in findings:
        match = FINDING.match(line)
        assert match, line
        assert match.group(1) == "suggestion"
        assert (cli.root / "content" / match.group(2)).is_file(), line
    assert re.fullmatch(rf"0 errors, {len(findings)} suggestions in \d+ articles", summary), summary
    plain = cli.report()[1].splitlines()[-1]
    assert plain.endswith(f"; {len(findings)} suggestions (helpcenter check --suggestions lists them)"), plain


def test_check_fails_on_a_dangling_related_id(cli):
    _edit(cli.root / SEED_SV, "related: [email-intro,", "related: [no-such-article, email-intro,")
    code, out, _ = cli.report()
    assert code == 1
    errors = [line for line in out.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, out
    assert "sv/e-post/jag-kan-inte-logga-in-pa-webbmail.md" in errors[0]
    assert "'no-such-article'" in errors[0]
    assert errors[0].endswith("[dangling-related]")
    assert out.splitlines()[-1].startswith("1 error")


def test_check_json(cli):
    _edit(cli.root / SEED_SV, "related: [email-intro,", "related: [no-such-article, email-intro,")
    code, out, _ = cli.report("--format", "json", "--suggestions")
    assert code == 1
    report = json.loads(out)
    assert set(report) == {"errors", "suggestions", "findings"}
    findings = report["findings"]
    assert report["errors"] == sum(1 for f in findings if f["level"] == "error") == 1
    assert report["suggestions"] == sum(1 for f in findings if f["level"] == "suggestion") > 0
    plain = json.loads(cli.report("--format", "json")[1])
    assert plain["findings"] == [f for f in findings if f["level"] == "error"]
    for finding in findings:
        assert set(finding) == {"level", "kind", "file", "message", "line"}
        assert (cli.root / "content" / finding["file"]).is_file()
    assert findings[0]["kind"] == "dangling-related"
    assert findings[0]["file"] == "sv/e-post/jag-kan-inte-logga-in-pa-webbmail.md"


def test_the_command_leaves_mkdocs_logging_alone(cli, capsys):
    """Running a command in-process must not silence a later build's warnings."""
    logger = logging.getLogger("mkdocs")
    before = logger.level
    try:
        main(["check", "--config-file", str(cli.root / "mkdocs.yml")])
        capsys.readouterr()
        assert logging.getLogger("mkdocs.plugins.helpcenter").isEnabledFor(logging.WARNING)
    finally:
        logger.setLevel(before)


# -- translators' work is never dropped; a broken file is one message ---------------------------------------


def test_update_keeps_a_reworded_messages_translation_as_fuzzy_and_a_removed_one_as_obsolete(synced):
    pot = synced.catalogs / "helpcenter.pot"
    po = _po(synced)
    before = {m.id: m.string for m in load(po, "sv") if m.id}
    assert before["Related articles"] and before["Start over"]
    _edit(pot, 'msgid "Related articles"\n', 'msgid "Related help articles"\n')
    _rewrite_block(pot, "Start over", lambda block: [])
    code, out, err = synced("i18n", "update")
    assert code == 0, err
    assert "1 fuzzy, 1 obsolete" in out
    catalog = load(po, "sv")
    reworded = catalog.get("Related help articles")
    assert reworded is not None and reworded.fuzzy
    assert reworded.string == before["Related articles"]
    assert catalog.obsolete["Start over"].string == before["Start over"]
    assert f'#~ msgstr "{before["Start over"]}"' in po.read_text(encoding="utf-8")


def _latin_1(cli: Cli) -> tuple[Path, int | None]:
    po = _po(cli)
    text = po.read_text(encoding="utf-8")
    po.write_bytes(text.encode("latin-1", errors="replace"))
    first = next(n for n, line in enumerate(text.splitlines(), 1) if any(ord(c) > 127 for c in line))
    return po, first


def _broken(cli: Cli) -> tuple[Path, int | None]:
    po, line, _word = _syntax(cli)
    return po, line


def _no_template(cli: Cli) -> tuple[Path, int | None]:
    pot = cli.catalogs / "helpcenter.pot"
    pot.unlink()
    return pot, None


@pytest.mark.parametrize("command", ["update", "compile", "check", "init"])
@pytest.mark.parametrize("mistake", [_latin_1, _broken, _no_template], ids=["latin-1", "syntax", "no-pot"])
def test_catalog_commands_say_one_thing_naming_file_and_line(synced, command, mistake):
    path, line = mistake(synced)
    before = {p: p.read_bytes() for p in synced.catalogs.rglob("*.po")}
    args = ("i18n", command, "is") if command == "init" else ("i18n", command)
    code, out, err = synced(*args)
    said = [line for line in (out + err).splitlines() if str(path) in line]
    # init needs only the template, compile only the catalogs: those run.
    if (command == "init" and mistake is not _no_template) or (command == "compile" and mistake is _no_template):
        assert (code, said) == (0, [])
        return
    assert code == 1
    assert "Traceback" not in out + err
    assert len(said) == 1, out + err
    if line is not None:
        assert said[0].startswith(f"{path}:{line}: "), said
    assert {p: p.read_bytes() for p in before} == before, "a failing command writes no catalog"


@pytest.mark.parametrize("command", ["mark", "scaffold"])
def test_mark_and_scaffold_keep_the_byte_order_mark_and_one_front_matter(cli, command):
    english = cli.root / "content" / "en" / "email" / "cannot-log-in-to-webmail.md"
    source = cli.root / SEED_SV
    # A scaffold goes into the locale's own folder of the article's category (en: email/).
    target = english if command == "mark" else cli.root / "content" / "en" / "email" / source.name
    if command == "scaffold":
        english.unlink()
        source.write_bytes(b"\xef\xbb\xbf" + source.read_bytes())
    else:
        english.write_bytes(b"\xef\xbb\xbf" + english.read_bytes())
    code, _out, err = cli("i18n", command, "en", "webmail-login", project=True)
    assert code == 0, err
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf---\n")
    text = data.decode("utf-8-sig")
    front, _body, _line = split_front_matter(text)
    assert front is not None
    assert yaml.safe_load(front)["id"] == "webmail-login"
    assert text.count("translated_from:") == 1
    assert row(cli.status(), "en")["outdated"] == {}


# -- adding a locale -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["fi", "pl"])
def test_add_locale_says_what_it_takes_then_does_it(cli, locale):
    config = cli.root / "mkdocs.yml"
    shutil.rmtree(cli.catalogs / locale, ignore_errors=True)
    before = config.read_text(encoding="utf-8")
    code, out, _ = cli("i18n", "add-locale", locale, project=True)
    assert code == 0
    name = Locale.parse(locale).get_display_name(locale)
    assert f"add '{locale}: {name}' under plugins.helpcenter.locales" in out
    assert config.read_text(encoding="utf-8") == before  # without --write nothing changes
    assert not (cli.root / "content" / locale).exists()

    code, out, err = cli("i18n", "add-locale", locale, "--write", project=True)
    assert code == 0, err
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    plugin = next(p["helpcenter"] for p in settings["plugins"] if isinstance(p, dict) and "helpcenter" in p)
    assert list(plugin["locales"]) == ["sv", "en", locale]
    assert plugin["locales"][locale] == name
    for name_ in ("index.md", "categories.yml"):
        copy = cli.root / "content" / locale / name_
        assert copy.read_text(encoding="utf-8") == (cli.root / "content" / "sv" / name_).read_text(encoding="utf-8")
    assert (cli.catalogs / locale / "LC_MESSAGES" / "helpcenter.po").is_file()
    # The new locale builds strict at once: every article reachable through the fallback.
    built = build_project(config, cli.root / "site", strict=True)
    assert built.warnings() == []
    assert built.html(f"{locale}/e-post/jag-kan-inte-logga-in-pa-webbmail/").select_one(".hc-notice--missing")
    assert cli("i18n", "add-locale", locale, project=True)[0] == 1  # a locale already


@pytest.mark.parametrize(
    ("front", "problem"),
    [
        ("id: home\ntitle: Hilfe\nupdated: 2026-11-30\ntags: [hilfe]\n", None),  # an article's front matter, trimmed
        ("id: Home Page\ntitle: Hilfe\n", "'id'"),
        ("title: Hilfe\ncategory: email\n", "unknown front matter key 'category'"),
    ],
)
def test_a_home_page_takes_what_makes_sense_of_an_articles_front_matter(cli, front, problem):
    home = cli.root / "content" / "en" / "index.md"
    home.write_text(f"---\n{front}---\nWelcome.\n", encoding="utf-8")
    code, out, _ = cli.report()
    assert code == (0 if problem is None else 1)
    errors = [line for line in out.splitlines() if line.startswith("error:") and "en/index.md" in line]
    if problem is None:
        assert errors == []
    else:
        assert len(errors) == 1 and problem in errors[0], errors
