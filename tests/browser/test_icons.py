"""The plugin's icons are SVG files from the site drawn as CSS masks: no character that depends on the
reader's fonts, nothing inline (img-src 'self'), still drawn in forced colours (Windows high contrast),
and the breadcrumbs' separator points the reading direction's way."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

GUIDE = "sv/e-post/jag-kan-inte-logga-in-pa-webbmail/"
# Every icon the plugin draws, by the element whose ::before draws it.
ICONS = {
    ".hc-breadcrumbs__item + .hc-breadcrumbs__item": "separator.svg",
    ".hc-banner button": "close.svg",
    ".hc-status__state": "status-",
    ".hc-state[data-state=done]": "check.svg",
    ".hc-state[data-state=skipped]": "skipped.svg",
    "[aria-pressed=true]": "check.svg",
    ".hc-panel--solved h3": "check.svg",
}
FEED_SCENARIO = "major_outage"  # a banner, and the widget's warning and critical states
BEFORE = """el => {
  const style = getComputedStyle(el, '::before');
  return {content: style.content, mask: style.maskImage, colour: style.backgroundColor, transform: style.transform};
}"""


def every_state(page: Page, url: str) -> None:
    """The guide with each of its icons showing: a done step, Yes on step 2 (pressed, solved, the
    later steps skipped), the status widget and the banner."""
    page.goto(url)
    expect(page.locator(".hc-banner button").first).to_be_visible()
    page.locator(".hc-step").first.locator(".hc-check__input").first.check()
    page.locator(".hc-step").nth(1).locator(".hc-yes").click()
    expect(page.locator(".hc-state[data-state=skipped]").first).to_be_visible()


def befores(page: Page, selector: str) -> list[dict[str, str]]:
    elements = page.locator(selector)
    assert elements.count() > 0, selector
    return [elements.nth(index).evaluate(BEFORE) for index in range(elements.count())]


def test_icons_are_svg_files_from_the_site(reader, example):
    every_state(reader, example.url + GUIDE)
    for selector, name in ICONS.items():
        for before in befores(reader, selector):
            assert before["content"] == '""', (selector, before)  # no glyph
            url = re.fullmatch(r'url\("(.+)"\)', before["mask"])
            assert url and url[1].rsplit("/", 1)[-1].startswith(name), (selector, before)
            served = reader.request.get(url[1])
            assert served.ok and served.headers["content-type"] == "image/svg+xml", url[1]
    # Nothing the plugin adds writes a character of its own before or after an element.
    contents = reader.evaluate(
        """() => [...document.querySelectorAll('[class*="hc-"], [class*="hc-"] *')].flatMap(el =>
             ['::before', '::after'].map(part => getComputedStyle(el, part).content))"""
    )
    assert {content for content in contents if content not in ("none", "normal", '""')} == set()


def test_icons_are_drawn_in_forced_colours(reader, example):
    reader.emulate_media(forced_colors="active")
    every_state(reader, example.url + GUIDE)
    canvas = reader.evaluate("getComputedStyle(document.body).backgroundColor")
    for selector in ICONS:
        for before in befores(reader, selector):
            assert before["colour"] not in (canvas, "rgba(0, 0, 0, 0)"), (selector, before)


def test_breadcrumbs_separator_points_the_reading_way(reader, example, rtl_site):
    separator = ".hc-breadcrumbs__item + .hc-breadcrumbs__item"
    reader.goto(example.url + GUIDE)
    assert {before["transform"] for before in befores(reader, separator)} == {"none"}
    reader.goto(rtl_site.url + "ar/email/login/")
    assert reader.locator("body").get_attribute("dir") == "rtl"
    assert {before["transform"] for before in befores(reader, separator)} == {"matrix(-1, 0, 0, 1, 0, 0)"}
