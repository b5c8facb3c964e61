"""Admonitions without a title: their type's name in the language of the page's text.

Expected titles are asked of the plugin's own catalogs (``pgettext("admonition title", …)``),
never written here: the tests hold for any wording a translator picks. Material's types and
aliases are written here, as Material's docs list them: the plugin's table must name them all.
"""

from __future__ import annotations

import markdown
import pytest
from babel.messages.pofile import read_po
from babel.support import NullTranslations
from bs4 import BeautifulSoup

from conftest import Built, build_project, stamped, write_project
from helpcenter.admonitions import KINDS, AdmonitionTitles, default_title
from helpcenter.locales import Catalogs, package_catalog_dir, po_path

CONTEXT = "admonition title"
CATALOGS = Catalogs([package_catalog_dir()])
LOCALES = sorted(path.parent.parent.name for path in package_catalog_dir().glob("*/LC_MESSAGES/helpcenter.po"))

MATERIAL_TYPES = (
    "note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger", "bug", "example", "quote",
)  # fmt: skip
# Material's aliases, each with the type it stands for (its docs; its stylesheet drew them so up to 8.x).
ALIASES = {
    "summary": "abstract",
    "tldr": "abstract",
    "todo": "info",
    "hint": "tip",
    "important": "tip",
    "check": "success",
    "done": "success",
    "help": "question",
    "faq": "question",
    "caution": "warning",
    "attention": "warning",
    "fail": "failure",
    "missing": "failure",
    "error": "danger",
    "cite": "quote",
}


def title_in(locale: str, msgid: str) -> str:
    """What the locale's compiled catalog calls an admonition type."""
    return str(CATALOGS.get(locale).pgettext(CONTEXT, msgid))


# -- the one decision ------------------------------------------------------------------------------------


def test_the_table_names_materials_types_and_aliases():
    assert sorted(KINDS) == sorted([*MATERIAL_TYPES, *ALIASES])
    assert set(ALIASES.values()) <= set(MATERIAL_TYPES)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("kind", [*MATERIAL_TYPES, *ALIASES])
def test_a_type_or_alias_of_materials_is_named_by_the_catalog(kind, locale):
    translations = CATALOGS.get(locale)
    assert default_title(kind, translations.pgettext) == title_in(locale, kind.capitalize())


@pytest.mark.parametrize("kind", [*MATERIAL_TYPES, *ALIASES])
def test_an_untranslated_title_is_what_python_markdown_shows(kind):
    assert default_title(kind, NullTranslations().pgettext) == kind.capitalize()


@pytest.mark.parametrize(
    ("kind", "pgettext"),
    [
        ("custom", CATALOGS.get("sv").pgettext),  # not a type of Material's
        ("seealso", CATALOGS.get("sv").pgettext),  # a type Material dropped (in 9.0): its own name
        ("note", None),  # a page without a catalog
    ],
)
def test_other_types_and_pages_keep_python_markdowns_title(kind, pgettext):
    assert default_title(kind, pgettext) == kind.capitalize()


# -- the catalogs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", [None, *LOCALES])
def test_every_catalog_has_every_title_with_its_context(locale):
    """Every type's and every alias's title, translated (en: the msgid), none fuzzy."""
    path = package_catalog_dir() / "helpcenter.pot" if locale is None else po_path(package_catalog_dir(), locale)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    for kind in [*MATERIAL_TYPES, *ALIASES]:
        message = catalog.get(kind.capitalize(), context=CONTEXT)
        assert message is not None, (path, kind)
        if locale is not None:
            assert message.string and not message.fuzzy, (path, kind)


# -- in one Markdown conversion ------------------------------------------------------------------------

TITLED = "catalog"  # the expected title is the catalog's name of the type


def convert(text: str, locale: str | None, extensions: list[str]) -> BeautifulSoup:
    titles = AdmonitionTitles()
    titles.current = CATALOGS.get(locale).pgettext if locale else None
    return BeautifulSoup(markdown.markdown(text, extensions=[*extensions, titles]), "html.parser")


def title_of(page: BeautifulSoup) -> str | None:
    """The title of the one admonition (or details) of ``page``; None when it has none."""
    title = page.select_one(".admonition > p.admonition-title, details > summary")
    return None if title is None else title.get_text()


@pytest.mark.parametrize(
    ("source", "msgid", "expected"),
    [
        ('!!! note "Viktigt"\n    Text.\n', None, "Viktigt"),
        ('!!! note ""\n    Text.\n', None, None),
        ("!!! custom\n    Text.\n", None, "Custom"),
        ("!!! note\n    Text.\n", "Note", TITLED),
        ("!!! warning inline end\n    Text.\n", "Warning", TITLED),
        ("??? warning\n    Text.\n", "Warning", TITLED),
        ("???+ tip\n    Text.\n", "Tip", TITLED),
        ('??? tip "Viktigt"\n    Text.\n', None, "Viktigt"),
        ("??? custom\n    Text.\n", None, "Custom"),
        ("- Item\n\n    !!! quote\n        Text.\n", "Quote", TITLED),
        ("!!! important\n    Text.\n", "Important", TITLED),
        ("!!! TLDR\n    Text.\n", "Tldr", TITLED),  # python-markdown lowercases the type
        ("??? caution\n    Text.\n", "Caution", TITLED),
        ("???+ faq\n    Text.\n", "Faq", TITLED),
        ('!!! important "Läs först"\n    Text.\n', None, "Läs först"),
        ('??? caution ""\n    Text.\n', None, ""),  # a written empty title: an empty summary, as before
    ],
)
@pytest.mark.parametrize("locale", ["sv", "ar", "en"])
def test_title_in_one_conversion(source, msgid, expected, locale):
    page = convert(source, locale, ["admonition", "pymdownx.details"])
    assert title_of(page) == (title_in(locale, msgid) if expected == TITLED else expected)


@pytest.mark.parametrize("marker", ["!!!", "???", "???+"])
@pytest.mark.parametrize("alias", ALIASES)
@pytest.mark.parametrize("locale", ["sv", "ar"])
def test_an_untitled_alias_is_named_by_the_pages_catalog(alias, locale, marker):
    page = convert(f"{marker} {alias}\n    Text.\n", locale, ["admonition", "pymdownx.details"])
    box = page.select_one(".admonition, details")
    assert alias in box["class"]  # the class python-markdown gave it, untouched
    assert title_of(page) == title_in(locale, alias.capitalize())
    assert title_of(page) != alias.capitalize()  # not python-markdown's English


@pytest.mark.parametrize("marker", ["!!!", "???", "???+"])
@pytest.mark.parametrize("alias", ALIASES)
def test_an_untitled_alias_on_an_english_page_is_exactly_python_markdowns(alias, marker):
    source = f"{marker} {alias}\n    Text.\n"
    extensions = ["admonition", "pymdownx.details"]
    page = convert(source, "en", extensions)
    assert title_of(page) == alias.capitalize()
    assert str(page) == str(BeautifulSoup(markdown.markdown(source, extensions=extensions), "html.parser"))


def test_without_the_pages_catalog_the_title_is_python_markdowns():
    assert title_of(convert("!!! note\n    Text.\n", None, ["admonition"])) == "Note"


def test_an_extension_the_site_did_not_enable_stays_off():
    page = convert("!!! note\n    Text.\n\n??? tip\n    Text.\n", "sv", [])
    assert page.select(".admonition, details") == []


def test_details_keeps_the_header_style_of_sane_headers():
    """pymdownx.details tells its processor, on every page, whether a summary's "#x" is a heading."""
    page = convert('??? note "#x"\n    Text.\n', "sv", ["pymdownx.saneheaders", "pymdownx.details"])
    assert page.select("summary h1") == []
    assert title_of(page) == "#x"


# -- a built site ------------------------------------------------------------------------------------------

BODY = {
    "sv": ("Lösenord", "Lösenordet måste vara minst 8 tecken.", "Behöver du hjälp?"),
    "en": ("Passwords", "The password must be at least 8 characters.", "Need help?"),
    "ar": ("كلمات المرور", "يجب أن تتكون كلمة المرور من 8 أحرف على الأقل.", "هل تحتاج إلى مساعدة؟"),
}
URLS = {"sv": "sv/e-post/losenord/", "en": "en/email/passwords/", "ar": "ar/email/passwords/"}
ONLY_SV = "---\nid: only-sv\ntitle: Bara på svenska\ncategory: email\n---\nText.\n\n!!! note\n    Bara svenska.\n"


def article(locale: str) -> str:
    title, text, tip = BODY[locale]
    return f"""\
---
id: passwords
title: {title}
category: email
---

!!! note
    {text}

!!! tip "{tip}"
    {text}

!!! warning ""
    {text}

??? warning
    {text}

!!! custom
    {text}

!!! important
    {text}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Built:
    root = tmp_path_factory.mktemp("admonitions")
    files = {
        "sv/categories.yml": "email:\n  slug: e-post\n  title: E-post\n",
        "en/categories.yml": "email:\n  title: Email\n",
        "ar/index.md": "---\ntitle: مركز المساعدة\n---\nمرحبا.\n",
        "ar/categories.yml": "email:\n  title: البريد\n",
        "sv/e-post/losenord.md": article("sv"),
        "sv/e-post/bara-svenska.md": ONLY_SV,
        "en/email/passwords.md": stamped(article("en"), article("sv"), "sv/e-post/losenord.md"),
        "ar/email/passwords.md": stamped(article("ar"), article("sv"), "sv/e-post/losenord.md"),
    }
    config = {
        "markdown_extensions": ["admonition", "pymdownx.details", "attr_list"],
        "plugins": [
            {
                "helpcenter": {
                    "default_locale": "sv",
                    "locales": {"sv": "Svenska", "en": "English", "ar": "العربية"},
                    "search": False,
                }
            }
        ],
    }
    project = write_project(root, files, config)
    return build_project(project / "mkdocs.yml", root / "site", strict=True)


def admonitions(site: Built, url: str) -> list:
    return site.html(url).select("article .admonition, article details")


def test_the_site_builds_strict_without_warnings(site):
    assert site.warnings() == []


@pytest.mark.parametrize("locale", ["sv", "ar"])
def test_an_untitled_note_is_named_in_the_pages_language(site, locale):
    note = admonitions(site, URLS[locale])[0]
    title = note.select_one("p.admonition-title").get_text()
    assert title == title_in(locale, "Note")
    assert title != "Note"  # not python-markdown's English


def test_an_untitled_note_on_an_english_page_says_note(site):
    note = admonitions(site, URLS["en"])[0]
    assert note.select_one("p.admonition-title").get_text() == "Note"


@pytest.mark.parametrize("locale", ["sv", "en", "ar"])
def test_a_written_title_is_kept_as_written(site, locale):
    tip = admonitions(site, URLS[locale])[1]
    assert tip.select_one("p.admonition-title").get_text() == BODY[locale][2]


@pytest.mark.parametrize("locale", ["sv", "en", "ar"])
def test_an_empty_title_keeps_the_admonition_untitled(site, locale):
    warning = admonitions(site, URLS[locale])[2]
    assert "warning" in warning["class"]
    assert warning.select("p.admonition-title") == []
    assert warning.get_text(strip=True) == BODY[locale][1]


@pytest.mark.parametrize("locale", ["sv", "ar"])
def test_an_untitled_details_summary_is_named_in_the_pages_language(site, locale):
    details = admonitions(site, URLS[locale])[3]
    summary = details.select_one("summary").get_text()
    assert (details.name, summary) == ("details", title_in(locale, "Warning"))
    assert summary != "Warning"


@pytest.mark.parametrize("locale", ["sv", "en", "ar"])
def test_a_type_outside_materials_keeps_its_capitalized_name(site, locale):
    custom = admonitions(site, URLS[locale])[4]
    assert custom.select_one("p.admonition-title").get_text() == "Custom"


@pytest.mark.parametrize("locale", ["sv", "en", "ar"])
def test_an_untitled_alias_is_named_by_the_pages_catalog_in_a_built_site(site, locale):
    important = admonitions(site, URLS[locale])[5]
    assert "important" in important["class"]
    assert important.select_one("p.admonition-title").get_text() == title_in(locale, "Important")


def test_an_untitled_alias_on_an_english_page_says_what_python_markdown_says(site):
    important = admonitions(site, URLS["en"])[5]
    assert important.select_one("p.admonition-title").get_text() == "Important"


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_an_untranslated_article_names_its_notes_in_its_own_language(site, locale):
    """A fallback page shows the Swedish text, marked lang="sv": its note's title is Swedish too."""
    page = site.html(f"{locale}/e-post/bara-svenska/")
    original = page.select_one('article [lang="sv"]')
    assert original is not None
    assert original.select_one(".admonition p.admonition-title").get_text() == title_in("sv", "Note")
