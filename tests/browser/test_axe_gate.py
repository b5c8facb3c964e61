"""Accessibility gate: axe-core (from the axe-playwright-python package) finds nothing, of any impact,
on whole pages — home, category, guide, plain article and 404, in every example locale and in a
right-to-left locale — also after ticking checks and with the status widget in each state."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from tests.browser.conftest import axe_violations

PAGES = {
    "sv": {
        "home": "sv/",
        "category": "sv/e-post/",
        "guide": "sv/e-post/jag-kan-inte-logga-in-pa-webbmail/",
        "article": "sv/fakturering/forsta-din-faktura/",
        "404": "sv/finns-inte/",
    },
    "en": {
        "home": "en/",
        "category": "en/email/",
        "guide": "en/email/cannot-log-in-to-webmail/",
        "article": "en/billing/understand-your-invoice/",
        "404": "en/does-not-exist/",
    },
}
STATES = ["operational", "degraded", "partial_outage", "major_outage", "maintenance", "incident", "http500"]


@pytest.mark.parametrize("locale", sorted(PAGES))
@pytest.mark.parametrize("kind", ["home", "category", "guide", "article", "404"])
def test_page_has_no_violations(reader, example, feed, locale, kind):
    feed.scenario = "operational"
    reader.goto(example.url + PAGES[locale][kind])
    assert axe_violations(reader) == []


@pytest.mark.parametrize("locale", sorted(PAGES))
def test_guide_with_ticked_checks_has_no_violations(reader, example, feed, locale):
    feed.scenario = "operational"
    reader.goto(example.url + PAGES[locale]["guide"])
    checks = reader.locator(".hc-check__input")
    for index in range(3):
        checks.nth(index).check()
    expect(reader.locator(".hc-progress__text").first).not_to_have_text("")
    assert axe_violations(reader) == []


@pytest.mark.parametrize("scenario", STATES)
def test_guide_with_status_widget_in_every_state_has_no_violations(reader, example, feed, scenario):
    feed.scenario = scenario
    reader.goto(example.url + PAGES["sv"]["guide"])
    # Settled: a "checked … ago" line, or the "status unavailable" link — never the pending text.
    reader.wait_for_function("document.querySelector('.hc-status__checked, .hc-status__head a') !== null")
    assert axe_violations(reader) == []


@pytest.mark.parametrize("path", ["ar/", "ar/email/", "ar/email/login/", "ar/nothing-here/"])
def test_right_to_left_pages_have_no_violations(reader, rtl_site, path):
    reader.goto(rtl_site.url + path)
    assert reader.locator("body").get_attribute("dir") == "rtl"
    if path == "ar/email/login/":
        reader.locator(".hc-check__input").first.check()
    assert axe_violations(reader) == []
