"""The hostile payload in Chromium: texts from front matter, category files, step titles and checks
carry ``<script>window.__pwned=1</script>`` and ``<img src=x onerror="window.__pwned=1">``; no page
may run them, on load, after Material's instant navigation, or in search results.

The site is the ``payload`` case of ``tests/hostile/`` (see ``tests/test_hostile.py`` for the
static checks), built for the server that serves it so that instant navigation is live.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from conftest import build_site
from hostile_corpus import PAYLOAD, SENTINEL, make_project

PAGES = {
    "article": "sv/e-post/nyttolast/",
    "category": "sv/e-post/",
    "home": "sv/",
    "related": "sv/e-post/granne/",  # lists the payload article under "Relaterade artiklar"
    "fallback": "en/e-post/nyttolast/",  # the untranslated article in the English site
}
TITLE = f"Titel {PAYLOAD}"
PAYLOAD_WORDS = (SENTINEL, "onerror", "<script", "<img")


@dataclass(frozen=True)
class PayloadSite:
    url: str


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory, serve) -> PayloadSite:
    project = make_project("payload", tmp_path_factory.mktemp("payload-browser"))
    (project / "site").mkdir()
    server = serve(project / "site")
    built = build_site(project, strict=True, extra={"site_url": server.url})
    assert built.warnings() == []
    return PayloadSite(server.url)


@pytest.fixture
def watched(page: Page) -> Iterator[Page]:
    """The test page, offline but for 127.0.0.1, with every request it makes in ``page.requests``."""
    page.context.route(
        re.compile(r"^https?://(?!127\.0\.0\.1[:/]).*"),
        lambda route: route.fulfill(status=200, body="", content_type="text/css"),
    )
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.requests = requests  # type: ignore[attr-defined]
    yield page


def assert_not_pwned(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    assert page.evaluate(f"typeof window.{SENTINEL}") == "undefined", page.url
    loaded = [u for u in page.requests if urlsplit(u).path.endswith("/x")]  # type: ignore[attr-defined]
    assert loaded == [], "an <img src=x> of the payload became an element"
    named = [e for e in page.errors if any(word in e for word in PAYLOAD_WORDS)]  # type: ignore[attr-defined]
    assert named == [], page.errors  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_payload_runs_on_load(watched, payload_site, kind):
    watched.goto(payload_site.url + PAGES[kind])
    expect(watched.locator("article")).to_contain_text("<script>window.__pwned=1</script>")
    assert_not_pwned(watched)


def test_no_payload_runs_after_instant_navigation(watched, payload_site):
    """Material's instant navigation re-creates the scripts of each new page's content."""
    page = watched
    page.goto(payload_site.url + PAGES["home"])
    page.wait_for_load_state("networkidle")  # Material reads the sitemap before it takes over links
    page.evaluate("window.__sameDocument = true")
    page.locator(".hc-home h2 a").first.click()
    page.wait_for_url("**/" + PAGES["category"])
    assert_not_pwned(page)
    page.locator(".hc-listing__link", has_text="Titel").click()
    page.wait_for_url("**/" + PAGES["article"])
    expect(page.locator("article h1")).to_have_text(TITLE)
    assert_not_pwned(page)
    page.locator(".hc-related a", has_text="Grannartikeln").click()
    page.wait_for_url("**/" + PAGES["related"])
    assert_not_pwned(page)
    page.locator(".hc-related a", has_text="Titel").click()
    page.wait_for_url("**/" + PAGES["article"])
    assert_not_pwned(page)
    assert page.evaluate("window.__sameDocument") is True, "instant navigation, no reload"


def test_no_payload_runs_in_search_results(watched, payload_site):
    page = watched
    page.goto(payload_site.url + PAGES["home"])
    page.wait_for_load_state("networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Titel", delay=20)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    expect(page.locator(".md-search-result")).to_contain_text("<script>window.__pwned=1</script>")
    assert_not_pwned(page)
