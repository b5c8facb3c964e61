"""A partly translated locale: every article is reachable, in the best language the site has for it.

German has no articles of its own. Its readers get the English translation where there is one
(``fallback: {de: [en, sv]}``), else the Swedish original, and every category and home page lists
those articles, marked with their language.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from babel import Locale
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from conftest import Built, build_site, stamped, write_project

HOST = "https://help.example.test"
TRANSLATED_SV = "---\nid: both\ntitle: På två språk\ncategory: email\n---\nSvensk text.\n"
TRANSLATED_EN_BODY = "---\nid: both\ntitle: In two languages\ncategory: email\n---\nEnglish text.\n"
ONLY_SV = "---\nid: only-sv\ntitle: Bara på svenska\ncategory: email\n---\nBara svensk text.\n"
LOCALES = {"sv": "Svenska", "en": "English", "de": "Deutsch"}


def project(root: Path, fallback: dict | None) -> Path:
    plugin: dict = {"default_locale": "sv", "locales": LOCALES}
    if fallback is not None:
        plugin["fallback"] = fallback
    files = {
        "de/index.md": "---\ntitle: Hilfe\n---\nWillkommen.\n",
        "de/categories.yml": "email:\n  title: E-Mail\n",
        "sv/e-post/tva.md": TRANSLATED_SV,
        "en/email/two.md": stamped(TRANSLATED_EN_BODY, TRANSLATED_SV, "sv/e-post/tva.md"),
        "sv/e-post/svensk.md": ONLY_SV,
    }
    return write_project(root, files, {"plugins": [{"helpcenter": plugin}]})


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_site(project(tmp_path_factory.mktemp("chain"), {"de": ["en", "sv"]}), strict=True)


def page(built: Built, url: str) -> BeautifulSoup:
    return built.html(url.lstrip("/"))


def resolve(page_url: str, href: str) -> str:
    return urlsplit(urljoin(HOST + page_url, href)).path


def language(code: str, reader: str) -> str:
    return Locale.parse(code).get_display_name(reader)


def test_builds_strict_without_warnings(built):
    assert built.warnings() == []


@pytest.mark.parametrize(
    ("url", "lang", "words"),
    [
        ("/de/email/two/", "en", "English text."),  # the English translation, not the Swedish original
        ("/de/e-post/svensk/", "sv", "Bara svensk text."),  # nothing in English: the source
    ],
)
def test_a_missing_article_comes_in_the_first_language_of_the_chain_that_has_it(built, url, lang, words):
    shown = page(built, url)
    original = shown.select_one(".hc-original")
    assert original is not None and original["lang"] == lang
    assert words in original.get_text()
    assert shown.html["lang"] == "de"  # the chrome is the reader's
    notice = shown.select_one(".hc-notice--missing")
    assert notice is not None and language(lang, "de") in notice.get_text()


@pytest.mark.parametrize("url", ["/de/email/", "/de/"])
def test_category_and_home_pages_list_every_article_marked_with_its_language(built, url):
    listing = page(built, url)
    items = {" ".join(li.select_one("a").get_text().split()): li for li in listing.select(".hc-listing__item") if li.a}
    assert set(items) == {"In two languages", "Bara på svenska"}
    for title, lang, target in [
        ("In two languages", "en", "/de/email/two/"),
        ("Bara på svenska", "sv", "/de/e-post/svensk/"),
    ]:
        link = items[title].select_one("a")
        assert (link["lang"], link["hreflang"]) == (lang, lang)
        assert resolve(url, link["href"]) == target
        assert f"({page_note(built, lang)})" in items[title].get_text()


def page_note(built: Built, lang: str) -> str:
    """The related-articles note for an untranslated article, as the German catalog words it ("auf Englisch")."""
    from helpcenter.locales import Catalogs, package_catalog_dir

    return Catalogs([package_catalog_dir()]).get("de").gettext("in %(language)s") % {"language": language(lang, "de")}


def test_without_a_chain_the_source_locale_is_the_fallback(tmp_path):
    built = build_site(project(tmp_path, None), strict=True)
    original = page(built, "/de/e-post/tva/").select_one(".hc-original")
    assert original is not None and original["lang"] == "sv"
    assert "Svensk text." in original.get_text()


def test_a_chain_naming_an_unknown_locale_is_one_clear_error(tmp_path, caplog):
    with pytest.raises(Abort):
        build_site(project(tmp_path, {"de": ["fr"]}))
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1
    assert "plugins.helpcenter.fallback: de: fr is not one of locales" in errors[0]
    assert "Traceback" not in caplog.text


def test_a_locale_without_a_categories_file_is_one_warning_and_still_lists_everything(tmp_path):
    root = project(tmp_path, {"de": ["en", "sv"]})
    (root / "content" / "de" / "categories.yml").unlink()
    built = build_site(root)
    warnings = [w for w in built.warnings() if "de/categories.yml" in w]
    assert len(warnings) == 1, built.warnings()
    assert "missing" in warnings[0] and "helpcenter i18n add-locale de --write" in warnings[0]
    # Its categories show the source's titles, marked with their language, and list every article.
    listing = page(built, "/de/email/")
    assert {" ".join(a.get_text().split()) for a in listing.select(".hc-listing__link")} == {
        "In two languages",
        "Bara på svenska",
    }


@pytest.mark.parametrize(
    ("url", "article", "title", "lang"),
    [
        ("/de/email/two/", "both", "In two languages", "en"),
        ("/de/e-post/svensk/", "only-sv", "Bara på svenska", "sv"),
        ("/de/", None, None, None),  # a home page lists, and names no article
    ],
)
def test_recently_viewed_is_the_readers_locale_and_names_the_language_shown(built, url, article, title, lang):
    box = page(built, url).select_one("nav[data-hc-recent]")
    assert box is not None and box.has_attr("hidden"), "shown by the reader's browser, once it has something"
    assert box["data-hc-recent"] == "de"
    assert (box.get("data-hc-article"), box.get("data-hc-title"), box.get("data-hc-lang")) == (article, title, lang)
    heading = box.select_one("h2")
    assert heading is not None and box["aria-labelledby"] == heading["id"]


def test_a_category_page_has_no_recently_viewed(built):
    assert page(built, "/de/email/").select_one("[data-hc-recent]") is None
