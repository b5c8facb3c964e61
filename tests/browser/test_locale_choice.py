"""A reader's language: the switcher takes them to the same article, "/" remembers their choice,
and search looks only in their language's index (Pagefind's bundle of the locale), with its stemmer."""

from __future__ import annotations

SV_GUIDE = "sv/e-post/jag-kan-inte-logga-in-pa-webbmail/"
EN_GUIDE = "en/email/cannot-log-in-to-webmail/"


def uncaught(page) -> list[str]:
    return [e for e in page.errors if e.startswith("uncaught")]


def test_switcher_goes_to_the_same_article_and_root_remembers_the_choice(page, example_server):
    page.goto(example_server.url + SV_GUIDE)
    assert page.locator("html").get_attribute("lang") == "sv"
    page.locator(".md-header .md-select button").click()
    english = page.locator(".md-header a.md-select__link[data-hc-locale=en]")
    assert english.is_visible()
    english.click()
    page.wait_for_url(f"**/{EN_GUIDE}")
    assert page.url == example_server.url + EN_GUIDE
    assert page.locator("article h1").inner_text() == "I can't log in to Webmail"
    assert page.locator("html").get_attribute("lang") == "en"

    # The browser says Swedish (sv-SE), but the reader chose English.
    assert page.evaluate("navigator.language") == "sv-SE"
    page.goto(example_server.url)
    page.wait_for_url("**/en/")
    assert page.url == example_server.url + "en/"
    assert uncaught(page) == []


def test_choosing_swedish_again_is_remembered_too(page, example_server):
    page.goto(example_server.url + EN_GUIDE)
    page.locator(".md-header .md-select button").click()
    page.locator(".md-header a.md-select__link[data-hc-locale=sv]").click()
    page.wait_for_url(f"**/{SV_GUIDE}")
    page.goto(example_server.url)
    page.wait_for_url("**/sv/")
    assert page.url == example_server.url + "sv/"


def search(page, query: str) -> list[str]:
    """Type into the header's search box; the result links (without query or fragment)."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    hrefs = page.locator(".md-search-result__item a[href]").evaluate_all("links => links.map(a => a.href)")
    return [href.split("?")[0].split("#")[0] for href in hrefs]


def test_swedish_search_finds_inflected_words_in_the_swedish_index_only(page, example_server):
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    page.goto(example_server.url + "sv/e-post/introduktion-till-e-post/")
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "Sök"

    found = search(page, "lösenordet")
    assert example_server.url + SV_GUIDE in found
    assert all(url.startswith(example_server.url + "sv/") for url in found), found

    bundles = {url.removeprefix(example_server.url).split("/pagefind/")[0] for url in requested if "/pagefind/" in url}
    assert bundles == {"sv"}
    assert not [url for url in requested if "/en/" in url]
    assert example_server.url + "sv/pagefind/wasm.sv.pagefind" in requested  # Pagefind's Swedish stemmer
    assert uncaught(page) == []
