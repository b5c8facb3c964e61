"""Strict CSP: the example help center served with

    Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' <feed origin>

('wasm-unsafe-eval': search runs Pagefind's WebAssembly) works in Chromium — checklist, search,
language switcher and status widget — and none of the
violations the browser reports comes from the plugin's code. The theme's own are reported."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import example_with_feed

GUIDE = "sv/e-post/jag-kan-inte-logga-in-pa-webbmail/"
RECORD = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push({directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, sample: e.sample});
});
"""


FEED_SCENARIO = "degraded"


@pytest.fixture(scope="module")
def strict_site(tmp_path_factory, serve, feed):
    # 'report-sample' only adds the first characters of refused code to the reports (to tell whose it is).
    policy = (
        f"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'report-sample'; connect-src 'self' {feed.origin}"
    )
    root = tmp_path_factory.mktemp("csp")
    return example_with_feed(root, serve, feed.url + "api/v2/summary.json", {"Content-Security-Policy": policy})


@pytest.fixture
def reader(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="sv-SE")
    context.add_init_script(RECORD)
    page = context.new_page()
    yield page
    context.close()


# Material's own inline scripts (base.html), by how they start.
THEME_INLINE = ("__md_scope=", "__md_analytics", "var el=document", "var palette", "var media", "var target=document")


def ours(violations: list[dict]) -> list[dict]:
    """Violations the plugin causes: its files or its feed blocked, or code of its own refused."""
    mine = []
    for v in violations:
        blocked, source, sample = v["blocked"] or "", v["source"] or "", v["sample"] or ""
        refused_file = any(part in blocked + source for part in ("/assets/helpcenter/", "/pagefind/", "summary.json"))
        refused_inline = blocked == "inline" and not sample.startswith(THEME_INLINE)
        refused_wasm = blocked in ("wasm-eval", "eval")
        if refused_file or refused_inline or refused_wasm:
            mine.append(v)
    return mine


def test_everything_works_under_a_strict_policy(reader, strict_site, feed):
    reader.goto(strict_site.url + GUIDE)
    assert reader.evaluate("window.__csp !== undefined")

    # The checklist: tick, progress, "solved".
    first_step = reader.locator("section.hc-step").nth(0)
    first_step.locator(".hc-check__input").first.check()
    expect(reader.locator(".hc-progress__text")).to_have_text("1 av 4 steg klart")
    first_step.get_by_role("button", name="Ja").click()
    expect(reader.locator(".hc-panel--solved")).to_be_visible()

    # The status widget, fetched from the feed's origin (allowed by connect-src).
    expect(reader.locator(".hc-status").first).to_contain_text("Försämrad prestanda")

    # Search: the plugin's script, Pagefind's library, its worker and WebAssembly, this locale's index.
    query = reader.locator("form[data-hc-search] input[name=q]")
    query.click()
    query.press_sequentially("lösenordet", delay=20)
    expect(reader.locator(".hc-result").first).to_be_visible()
    expect(reader.locator("[data-hc-search-results]")).to_contain_text("Jag kan inte logga in på Webbmail")

    # The language switcher, to the same article in English; the ticks follow.
    reader.keyboard.press("Escape")  # close the search
    reader.locator(".md-header .md-select").first.hover()
    reader.locator(".md-select__link[hreflang=en]").first.click()
    reader.wait_for_url(re.compile(r"/en/email/cannot-log-in-to-webmail/(#step-[0-9])?$"))
    expect(reader.locator(".hc-panel--solved")).to_be_visible()

    violations = reader.evaluate("window.__csp")
    assert ours(violations) == []
    theme = sorted({(v["directive"], v["sample"][:30]) for v in violations})
    print("the theme's own CSP violations (Material's inline scripts):", theme)
