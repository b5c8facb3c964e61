"""``/`` sends a reader to their language, and still works as plain links."""

from __future__ import annotations

import pytest

from conftest import build_site, write_project


@pytest.mark.parametrize(
    ("browser_locale", "expected"),
    [("sv-SE", "/sv/"), ("en-US", "/en/"), ("de-DE", "/sv/"), ("nb-NO", "/sv/")],
)
def test_root_picks_the_readers_language(browser, example_server, browser_locale, expected):
    context = browser.new_context(locale=browser_locale)
    page = context.new_page()
    page.goto(example_server.url)
    page.wait_for_url(f"**{expected}")
    assert page.url == example_server.url + expected.lstrip("/")
    context.close()


def test_root_without_javascript_lists_every_locale(browser, example_server):
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    page = context.new_page()
    page.goto(example_server.url)
    links = page.locator("a[hreflang]")
    assert links.all_inner_texts() == ["Svenska", "English"]
    links.nth(1).click()
    assert page.url.endswith("/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    context.close()


@pytest.fixture(scope="module")
def hyphenated_site(tmp_path_factory, serve):
    """A site whose default locale has a region: ``sv-SE`` (and ``en``)."""
    root = tmp_path_factory.mktemp("hyphenated")
    files = {
        "sv-SE/index.md": "---\ntitle: Hjälp\n---\nVälkommen.\n",
        "sv-SE/categories.yml": "email:\n  title: E-post\n",
    }
    plugin = {"default_locale": "sv-SE", "locales": {"sv-SE": "Svenska", "en": "English"}}
    write_project(root, files, config={"plugins": [{"helpcenter": plugin}]})
    for path in ("sv/index.md", "sv/categories.yml"):
        (root / "content" / path).unlink()
    (root / "content" / "sv").rmdir()
    build_site(root, strict=True)
    return serve(root / "site")


@pytest.mark.parametrize(
    ("browser_locale", "expected"),
    [("de-DE", "/sv-SE/"), ("sv-SE", "/sv-SE/"), ("sv", "/sv-SE/"), ("en-GB", "/en/")],
)
def test_root_reaches_a_default_locale_with_a_region(browser, hyphenated_site, browser_locale, expected):
    context = browser.new_context(locale=browser_locale)
    page = context.new_page()
    page.goto(hyphenated_site.url)
    page.wait_for_url(f"**{expected}")
    assert page.url == hyphenated_site.url + expected.lstrip("/")
    context.close()
