"""Locales: UI-string catalogs, locale facts, theme languages and the plugin's locale settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import build_site, captured, write_project
from helpcenter.locales import CatalogError, compile_po, locale_info, theme_language

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
    assert locale_info("sv").name.casefold() == "svenska"


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
    return {"plugins": ["search", {"helpcenter": plugin}]}


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
