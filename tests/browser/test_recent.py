"""Recently viewed: the articles a reader opened in this locale, newest first, on home and article
pages, kept in their browser only."""

from __future__ import annotations

from playwright.sync_api import Page, expect
from tests.browser.conftest import axe_violations

RECENT = "[data-hc-recent]"


def listed(page: Page) -> list[tuple[str, str]]:
    """The home page's article links: (title, absolute URL), in page order."""
    links = page.locator(".hc-home .hc-listing__link")
    return [(link.inner_text().strip(), link.evaluate("a => a.href")) for link in links.all()]


def recent(page: Page) -> list[tuple[str, str]]:
    box = page.locator(RECENT)
    expect(box).to_be_visible()
    return [(link.inner_text().strip(), link.evaluate("a => a.href")) for link in box.locator("a").all()]


def test_recently_viewed_lists_the_last_articles_read_in_this_locale(new_page, example_server):
    page = new_page()
    page.goto(example_server.url + "sv/")
    expect(page.locator(RECENT)).to_be_hidden()  # nothing read yet: nothing shown
    articles = listed(page)
    assert len(articles) >= 7, articles
    first, second, third = articles[:3]

    for title, url in (first, second, third):
        page.goto(url)
        assert page.locator("article h1").inner_text().strip() == title
    assert recent(page) == [second, first], "the one on screen is not listed"
    assert axe_violations(page) == []

    page.goto(example_server.url + "sv/")
    assert recent(page) == [third, second, first]
    page.locator(RECENT).get_by_role("link", name=first[0]).click()
    page.wait_for_url(first[1])
    assert recent(page) == [third, second]

    # Another locale has its own list; the Swedish one is not shown to an English page.
    page.goto(example_server.url + "en/")
    expect(page.locator(RECENT)).to_be_hidden()
    assert page.errors == []


def test_recently_viewed_keeps_the_last_five(new_page, example_server):
    page = new_page()
    page.goto(example_server.url + "sv/")
    articles = listed(page)[:7]
    for _title, url in articles:
        page.goto(url)
    page.goto(example_server.url + "sv/")
    assert recent(page) == list(reversed(articles))[:5]
    assert axe_violations(page) == []


def test_stored_data_is_text_and_only_this_sites_paths(new_page, example_server):
    """The list comes from storage the page's other scripts could write to: a title is shown as
    text, and a link that would leave the site (or run script) is dropped."""
    page = new_page()
    page.goto(example_server.url + "sv/")
    page.evaluate(
        """() => localStorage.setItem("helpcenter:recent:sv", JSON.stringify([
            {article: "a", title: "<img src=x onerror=alert(1)>", url: "/sv/"},
            {article: "b", title: "Away", url: "//evil.example/"},
            {article: "d", title: "Away too", url: "/\\\\evil.example/"},
            {article: "c", title: "Script", url: "javascript:alert(1)"},
            "not a visit",
        ]))"""
    )
    page.reload()
    assert recent(page) == [("<img src=x onerror=alert(1)>", example_server.url + "sv/")]
    assert page.locator(f"{RECENT} img").count() == 0
    page.evaluate("""() => localStorage.setItem("helpcenter:recent:sv", "{not json")""")
    page.reload()
    expect(page.locator(RECENT)).to_be_hidden()
    assert page.errors == []
