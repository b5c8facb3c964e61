"""``/`` sends a reader to their language, and still works as plain links."""

from __future__ import annotations

import pytest


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
