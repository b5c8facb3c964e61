"""The home page puts search first: a form that opens the theme's search with the query."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_home_search_opens_the_search_with_results(page, example_server):
    page.goto(example_server.url + "sv/")
    form = page.get_by_role("search").filter(has=page.locator("#hc-search-q"))
    expect(form).to_be_visible()
    box = page.get_by_label("Sök i hjälpcentret")
    box.fill("lösenordet")
    box.press("Enter")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    expect(page.locator(".md-search-result")).to_contain_text("Jag kan inte logga in på Webbmail")
    assert page.locator("input[data-md-component=search-query]").input_value() == "lösenordet"


def test_without_javascript_the_home_page_has_no_dead_search_form(browser, example_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(example_server.url + "sv/")
    expect(page.locator("form.hc-search")).to_be_hidden()
    expect(page.locator(".hc-home__category").first).to_be_visible()
    context.close()


def test_search_works_on_the_locales_404_page(page, example_server):
    """A reader who followed a dead link searches from the 404 page, in its locale, at any depth."""
    failed: list[str] = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(example_server.url + "sv/e-post/finns-inte/alls/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    query = page.locator("input[data-md-component=search-query]")
    query.click()
    expect(page.locator(".md-search-result__meta")).not_to_have_text(re.compile(r"^\s*$"))  # the index is loaded
    query.press_sequentially("lösenordet")
    expect(page.locator(".md-search-result")).to_contain_text("Jag kan inte logga in på Webbmail")
    link = page.locator(".md-search-result__item a").first
    assert "/sv/" in (link.get_attribute("href") or "")
    assert [url for url in failed if not url.rstrip("/").endswith("alls")] == []
