"""Locales: UI-string catalogs, locale facts, theme languages and the plugin's locale settings."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.pofile import read_po
from babel.support import NullTranslations
from mkdocs.exceptions import Abort

from conftest import build_site, captured, write_project
from helpcenter.locales import (
    CatalogError,
    Catalogs,
    compile_po,
    locale_info,
    message_problems,
    plural_forms_problem,
    theme_language,
)
from helpcenter.rendering import escaped_gettext

HEADER = """\
msgid ""
msgstr ""
"Language: sv\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

"""

VALID = (
    HEADER
    + """\
msgid "Done"
msgstr "Klart"

msgid "Step %(number)s - %(title)s"
msgstr "Steg %(number)s - %(title)s"

msgid "See all %(num)d article"
msgid_plural "See all %(num)d articles"
msgstr[0] "Visa %(num)d artikel"
msgstr[1] "Visa alla %(num)d artiklar"

#, fuzzy
msgid "Home"
msgstr "Hem"

msgid "Guide"
msgstr ""
"""
)


def write_po(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sv" / "LC_MESSAGES" / "helpcenter.po"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- compile_po ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Done", "Klart"),
        ("Step %(number)s - %(title)s", "Steg %(number)s - %(title)s"),
        ("Home", "Home"),  # fuzzy: not trusted
        ("Guide", "Guide"),  # untranslated: the source text
        ("Not in the catalog", "Not in the catalog"),
    ],
)
def test_compile_po_translates(tmp_path, message, expected):
    translations = compile_po(write_po(tmp_path, VALID), "sv")
    assert translations.gettext(message) == expected


@pytest.mark.parametrize(("count", "expected"), [(1, "Visa 1 artikel"), (5, "Visa alla 5 artiklar")])
def test_compile_po_plurals(tmp_path, count, expected):
    translations = compile_po(write_po(tmp_path, VALID), "sv")
    text = translations.ngettext("See all %(num)d article", "See all %(num)d articles", count)
    assert text % {"num": count} == expected


def test_compile_po_writes_nothing_next_to_the_catalog(tmp_path):
    path = write_po(tmp_path, VALID)
    compile_po(path, "sv")
    assert sorted(p.name for p in path.parent.iterdir()) == ["helpcenter.po"]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (HEADER + 'msgid "Done"\nmsgstr "Klart"\n\nmsgid "Home"\nthis is not po\nmsgstr "Start"\n', 11),
        ('garbage first line\nmsgid "Done"\nmsgstr "Klart"\n', 1),
        (HEADER + 'msgid "Done"\nmsgstr "Klart"\nmsgctx "x"\n', 9),
    ],
    ids=["middle", "first-line", "misspelt-keyword"],
)
def test_compile_po_syntax_error_names_file_and_line(tmp_path, text, line):
    path = write_po(tmp_path, text)
    assert text.splitlines()[line - 1].split()[0] not in ("msgid", "msgstr", "#", '""')
    with pytest.raises(CatalogError) as caught:
        compile_po(path, "sv")
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert "\n" not in message


def test_compile_po_missing_file_is_a_catalog_error(tmp_path):
    path = tmp_path / "nowhere.po"
    with pytest.raises(CatalogError) as caught:
        compile_po(path, "sv")
    assert str(path) in str(caught.value)


# -- locale_info and theme_language -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "direction"),
    [("ar", "rtl"), ("he", "rtl"), ("fa", "rtl"), ("sv", "ltr"), ("en", "ltr"), ("pt_BR", "ltr")],
)
def test_locale_direction(code, direction):
    assert locale_info(code).direction == direction


@pytest.mark.parametrize(("code", "html_lang"), [("sv", "sv"), ("pt_BR", "pt-BR"), ("en-GB", "en-GB")])
def test_locale_html_lang(code, html_lang):
    assert locale_info(code).html_lang == html_lang


def test_locale_name_is_the_configured_one_or_its_own():
    assert locale_info("sv", "Svenska").name == "Svenska"
    assert locale_info("sv").name.casefold() == Locale.parse("sv").get_display_name("sv").casefold()


@pytest.mark.parametrize("code", ["xx", "zz", "qq_ZZ", "not a locale"])
def test_unknown_locale_is_a_value_error(code):
    with pytest.raises(ValueError, match=r"xx|zz|qq|not a locale"):
        locale_info(code)


THEME = {"en", "sv", "pt", "pt-BR", "zh", "zh-TW", "de"}


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("sv", "sv"),
        ("en", "en"),
        ("pt_BR", "pt-BR"),
        ("pt-BR", "pt-BR"),
        ("pt_PT", "pt"),
        ("zh_TW", "zh-TW"),
        ("de_CH", "de"),
        ("de-AT", "de"),
        ("fy", "en"),
        ("ar", "en"),
    ],
)
def test_theme_language(code, expected):
    assert theme_language(code, THEME) == expected


def test_theme_language_without_english_still_answers():
    assert theme_language("sv", {"sv"}) == "sv"
    assert theme_language("fi", ["sv", "de"]) == "en"


# -- the plugin's locale settings -------------------------------------------------------------------


def _settings(plugin: dict) -> dict:
    # Through mkdocs.yml, as a site owner writes them.
    return {"plugins": [{"helpcenter": plugin}]}


@pytest.mark.parametrize(
    ("plugin", "named"),
    [
        ({"default_locale": "sv", "locales": {"sv": "Svenska", "en": "English", "xx": "X"}}, "xx"),
        ({"default_locale": "sv", "locales": {"sv": "Svenska", "Swedish!": "S"}}, "Swedish!"),
        ({"default_locale": "de", "locales": {"sv": "Svenska", "en": "English"}}, "de"),
    ],
    ids=["unknown-code", "malformed-code", "default-not-in-locales"],
)
def test_bad_locale_settings_fail_with_one_line(tmp_path, plugin, named):
    files = {"sv/a.md": "---\nid: a\ntitle: A\n---\nText.\n"}
    project = write_project(tmp_path, files, _settings(plugin))
    with captured() as messages, pytest.raises(Abort):
        build_site(project)
    errors = [m for m in messages if m.startswith("ERROR")]
    assert len(errors) == 1, messages
    assert f"'{named}'" in errors[0]
    assert "\n" not in errors[0]
    assert "Traceback" not in messages
    assert not (project / "site" / "sv").exists()


def test_rtl_locale_builds_rtl_pages(tmp_path):
    files = {
        "ar/index.md": "---\ntitle: مساعدة\n---\nمرحبا.\n",
        "ar/categories.yml": "email:\n  title: البريد\n",
        "ar/a.md": "---\nid: a\ntitle: مقال\ncategory: email\n---\nنص.\n",
        "sv/a.md": "---\nid: b\ntitle: B\ncategory: email\n---\nText.\n",
    }
    config = _settings({"default_locale": "sv", "locales": {"sv": "Svenska", "ar": "العربية"}})
    project = write_project(tmp_path, files, config)
    built = build_site(project)
    ar, sv = built.html("ar/a/"), built.html("sv/a/")
    assert ar.html.get("lang") == "ar"
    assert sv.html.get("lang") == "sv"
    # Material writes the direction on <body>; either element will do.
    assert (ar.html.get("dir") or ar.body.get("dir")) == "rtl"
    assert (sv.html.get("dir") or sv.body.get("dir")) == "ltr"


# -- what a translation may contain --------------------------------------------------------------


@pytest.mark.parametrize(
    ("msgid", "msgstr", "plural", "needle"),
    [
        ("Done", "Klart", None, None),
        ("Done", "100% klart", None, None),  # not a format string: a '%' is a percent sign
        ("Step %(number)s - %(title)s", "Steg %(number)s - %(title)s", None, None),
        ("Step %(number)s - %(title)s", "%(title)s, steg %(number)s", None, None),  # any order
        ("Step %(number)s - %(title)s", "Steg %(number)s - 100%% %(title)s", None, None),
        ("Step %(number)s - %(title)s", "Steg %(number)s - 100% %(title)s", None, "'%%'"),
        ("Step %(number)s - %(title)s", "Steg %(number)s", None, "placeholders"),
        ("Step %(number)s - %(title)s", "Steg %(nummer)s - %(title)s", None, "placeholders"),
        ("Step %(number)s - %(title)s", "Steg %(number)s - %(title)s %(title)s", None, "×2"),
        ("Step %(number)s - %(title)s", "Steg %(number)d - %(title)s", None, "placeholders"),
        ("Guide", "Guide<img src=x onerror=alert(1)>", None, "markup"),
        ("Guide", "Guide&lt;", None, "markup"),
        ("Guide", "Guide <3", None, None),
        ("Breadcrumbs", 'Brödsmulor" onfocus="alert(1)" autofocus x="', None, None),  # text: escaped where used
        ("See all %(num)d article", "Visa en artikel", "See all %(num)d articles", None),  # a form may drop %(num)d
        ("See all %(num)d article", "Visa %(num)d artikel", "See all %(num)d articles", None),
        ("%(done)d step of %(total)d", "%(done)d steg", "%(done)d steps of %(total)d", None),
        ("Step %(steps)s has changed", "Steg har ändrats", "Steps %(steps)s have changed", "placeholders"),
        ("See all %(num)d article", "Visa %(antal)d", "See all %(num)d articles", "placeholders"),
    ],
)
def test_message_problems(msgid, msgstr, plural, needle):
    problems = message_problems(msgid, msgstr, plural)
    if needle is None:
        assert problems == []
    else:
        assert len(problems) == 1, problems
        assert needle in problems[0]
        assert "\n" not in problems[0]


def _catalog(plural_forms: str):
    text = HEADER.replace("nplurals=2; plural=(n != 1);", plural_forms)
    return read_po(io.BytesIO(text.encode("utf-8")), locale="sv")


@pytest.mark.parametrize(
    ("plural_forms", "needle"),
    [
        ("nplurals=2; plural=(n != 1);", None),
        ("nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2;", None),
        ("nplurals=2; plural=(n != 1;", "not a valid expression"),
        ("nplurals=2; plural=n/0;", "fails for n=0"),
        ("nplurals=2; plural=n%(n-1);", "fails for n=1"),
        ("nplurals=2; plural=__import__('os').system('x');", "not a valid expression"),
        ("nplurals=2; plural=n;", "gives form 2 for n=2"),
    ],
)
def test_plural_forms_problem(plural_forms, needle):
    problem = plural_forms_problem(_catalog(plural_forms))
    if needle is None:
        assert problem is None
    else:
        assert problem is not None and needle in problem, problem


@pytest.mark.parametrize(
    ("body", "message", "expected"),
    [
        ('msgid "Done"\nmsgstr "Klart<b>"\n', "Done", "Done"),
        ('msgid "Step %(number)s - %(title)s"\nmsgstr "Steg %(number)s"\n', "Step %(number)s - %(title)s", None),
        ('msgid "Done"\nmsgstr "Klart"\n', "Done", "Klart"),
    ],
    ids=["markup", "placeholder", "good"],
)
def test_a_broken_translation_is_left_out_and_reported_with_its_line(tmp_path, body, message, expected):
    path = write_po(tmp_path, HEADER + body)
    problems: list = []
    translations = compile_po(path, "sv", problems)
    assert translations.gettext(message) == (expected or message)
    if expected == "Klart":
        assert problems == []
    else:
        assert [p.line for p in problems] == [HEADER.count("\n") + 1]
        assert str(problems[0]).startswith(f"{path}:{HEADER.count(chr(10)) + 1}: ")


def test_a_broken_plural_rule_keeps_the_catalog_with_the_languages_rule(tmp_path):
    text = VALID.replace("plural=(n != 1);", "plural=n/0;")
    problems: list = []
    translations = compile_po(write_po(tmp_path, text), "sv", problems)
    assert [p.line for p in problems] == [5]
    assert translations.gettext("Done") == "Klart"
    # The plural message is left out: the source text, with Babel's own rule for Swedish.
    assert translations.ngettext("See all %(num)d article", "See all %(num)d articles", 5) == "See all %(num)d articles"


@pytest.mark.parametrize(
    ("raw", "line", "needle"),
    [
        (HEADER.encode("utf-8") + 'msgid "Done"\nmsgstr "Klart på svenska"\n'.encode("latin-1"), 8, "UTF-8"),
        (HEADER.replace("nplurals=2", "nplurals=x").encode("utf-8"), 5, "header"),
    ],
    ids=["latin-1", "nplurals"],
)
def test_an_unreadable_catalog_is_one_catalog_error_with_its_line(tmp_path, raw, line, needle):
    path = write_po(tmp_path, "")
    path.write_bytes(raw)
    with pytest.raises(CatalogError) as caught:
        compile_po(path, "sv")
    assert caught.value.problem.line == line
    assert needle in caught.value.problem.message


def test_catalogs_fall_back_to_the_source_text_when_a_catalog_is_broken(tmp_path):
    path = write_po(tmp_path, 'garbage\nmsgid "Done"\nmsgstr "Klart"\n')
    catalogs = Catalogs([tmp_path])
    assert catalogs.get("sv").gettext("Done") == "Done"
    assert [str(p) for p in catalogs.problems] == [f"{path}:1: {catalogs.problems[0].message}"]


# -- templates: a translation is text -------------------------------------------------------------


@pytest.mark.parametrize(
    ("translated", "variables", "shown"),
    [
        ("Guide<img src=x>", {}, "Guide&lt;img src=x&gt;"),
        ('Brödsmulor" onfocus="x', {}, "Brödsmulor&#34; onfocus=&#34;x"),
        ("Uppdaterad %(date)s", {"date": "<b>1 maj</b>"}, "Uppdaterad &lt;b&gt;1 maj&lt;/b&gt;"),
    ],
)
def test_escaped_gettext(translated, variables, shown):
    class One(NullTranslations):
        def gettext(self, message):
            return translated

    gettext, _ngettext = escaped_gettext(One())
    msgid = "Updated %(date)s" if variables else "Guide"
    assert str(gettext(msgid, **variables)) == shown
