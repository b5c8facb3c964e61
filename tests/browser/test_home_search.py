"""The home page puts search first: a form that opens the theme's search with the query."""

from __future__ import annotations

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
