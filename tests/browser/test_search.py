"""Search in Chromium: the header's field over each locale's Pagefind bundle, on the example help
center plus one article that exists only in Swedish. Stemming, steps as sub-links, the reader's
locale only, nothing fetched before the reader types, the keyboard walk, the one live region,
axe-core with the panel open, and the form without JavaScript."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from tests.browser.conftest import axe_violations
from tests.conftest import build_project, build_site, copy_example, write_project

from helpcenter.locales import Catalogs, package_catalog_dir

GUIDE_SV = "/sv/e-post/jag-kan-inte-logga-in-pa-webbmail/"
ONLY_SWEDISH = "sv/e-post/bara-pa-svenska.md"
ONLY_SWEDISH_TEXT = """---
id: only-swedish-exchange
title: Växeln för telefoni
summary: Password och lösenord för växeln, bara på svenska.
category: email
---

Den här artikeln om telefonväxeln finns bara på svenska. Password, lösenord och lösenorden.
"""


SUPPORT = "https://www.example.com/support/new?article={article}&lang={locale}&from={url}&tried={tried}"


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve):
    project = copy_example(tmp_path_factory.mktemp("search"))
    (project / "content" / ONLY_SWEDISH).write_text(ONLY_SWEDISH_TEXT, encoding="utf-8")
    settings = project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    assert "https://www.example.com/support/chat" in text
    settings.write_text(text.replace("https://www.example.com/support/chat", f'"{SUPPORT}"', 1), encoding="utf-8")
    built = build_project(project / "mkdocs.yml", project / "site", strict=True)
    assert built.warnings() == []
    return serve(project / "site")


def field(page: Page):
    return page.locator("form[data-hc-search] input[name=q]")


def results(page: Page):
    return page.locator("[data-hc-search-results] > li")


def search(page: Page, text: str) -> None:
    field(page).click()
    field(page).press_sequentially(text, delay=20)
    expect(page.locator("[data-hc-search-meta]")).not_to_have_text(re.compile(r"…|^\s*$|Skriv|Type"))


def result_hrefs(page: Page) -> list[str]:
    return [a.get_attribute("href") or "" for a in page.locator("[data-hc-search-results] a").all()]


def gettext(locale: str):
    return Catalogs([package_catalog_dir()]).get(locale)


def test_an_inflected_swedish_query_finds_the_guide_and_its_step(page, site):
    page.goto(site.url + "sv/")
    search(page, "lösenorden")
    guide = results(page).filter(has=page.locator(f"a.hc-result__link[href='{GUIDE_SV}']"))
    expect(guide).to_have_count(1)
    expect(guide.locator(".hc-result__title")).to_have_text("Jag kan inte logga in på Webbmail")
    catalog = gettext("sv")
    expect(guide.locator(".hc-result__facts")).to_have_text(f"{catalog.gettext('Guide')} · E-post")
    step = guide.locator(f"a.hc-result__step[href='{GUIDE_SV}#step-4']")
    expect(step.locator(".hc-result__step-title")).to_have_text("Steg 4 - Återställ lösenordet")
    expect(guide.locator("mark").first).to_be_visible()
    panel = page.locator(".md-search__output").inner_text()
    assert "¶" not in panel
    assert page.errors == []


def test_english_results_are_english_pages_only(page, site):
    page.goto(site.url + "en/")
    search(page, "password")
    expect(results(page).first).to_be_visible()
    hrefs = result_hrefs(page)
    assert hrefs and all(href.startswith("/en/") for href in hrefs), hrefs
    assert not [href for href in hrefs if "bara-pa-svenska" in href]
    # The untranslated page is served in English too, just not found by English search.
    assert page.request.get(site.url + "en/e-post/bara-pa-svenska/").ok


def test_the_swedish_only_article_is_found_in_swedish(page, site):
    page.goto(site.url + "sv/")
    search(page, "telefonväxeln")
    assert "/sv/e-post/bara-pa-svenska/" in result_hrefs(page)


def test_nothing_is_fetched_for_search_before_the_reader_types(page, site):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site.url + GUIDE_SV.lstrip("/"))
    page.wait_for_load_state("networkidle")
    field(page).click()  # focus opens the panel, and fetches nothing
    expect(page.locator("#__search")).to_be_checked()
    page.wait_for_timeout(300)
    searching = [url for url in requests if "pagefind" in url or "search" in url.rsplit("/", 1)[-1]]
    assert searching == []
    field(page).press_sequentially("lösenord", delay=20)
    expect(results(page).first).to_be_visible()
    fetched = [url.removeprefix(site.url) for url in requests]
    assert [url for url in fetched if "/pagefind/" in url and not url.startswith("sv/pagefind/")] == []
    assert "assets/helpcenter/search.js" in fetched
    assert "sv/pagefind/pagefind.js" in fetched


def test_the_keyboard_walk(page, site):
    page.goto(site.url + "sv/")
    page.locator("body").press("/")
    expect(field(page)).to_be_focused()
    expect(page.locator("#__search")).to_be_checked()
    field(page).press_sequentially("lösenorden", delay=20)
    expect(results(page).first).to_be_visible()
    links = page.locator("[data-hc-search-results] a")
    field(page).press("ArrowDown")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(field(page)).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    expect(field(page)).to_be_focused()
    # Enter on a step follows it.
    field(page).press("ArrowDown")  # the panel opens again with the same results
    expect(page.locator("#__search")).to_be_checked()
    step = page.locator(f"a.hc-result__step[href='{GUIDE_SV}#step-4']")
    while page.evaluate("document.activeElement.getAttribute('href')") != step.get_attribute("href"):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{GUIDE_SV}#step-4")
    expect(page.locator("#__search")).not_to_be_checked()
    # s and f also go to the field; typed in a field they are just letters.
    page.locator("body").press("s")
    expect(field(page)).to_be_focused()
    field(page).press("f")
    expect(field(page)).to_have_value("f")


def test_the_count_is_announced_in_the_pages_one_live_region(page, site):
    catalog = gettext("sv")
    for path in ("sv/", GUIDE_SV.lstrip("/")):
        page.goto(site.url + path)
        search(page, "lösenord")
        meta = page.locator("[data-hc-search-meta]").inner_text()
        count = int(meta.split()[0])
        assert meta == catalog.ngettext("%(num)d result", "%(num)d results", count) % {"num": count}
        expect(page.locator("[role=status]")).to_have_count(1)
        expect(page.locator("[role=status]")).to_have_text(meta)


def test_axe_finds_nothing_with_the_panel_open(page, site):
    page.goto(site.url + "sv/")
    search(page, "lösenorden")
    expect(results(page).first).to_be_visible()
    page.wait_for_function("document.getAnimations().length === 0")
    found = Axe().run(page).response["violations"]
    assert [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:5]}" for v in found] == []


def test_the_home_page_box_uses_the_same_search(page, site):
    page.goto(site.url + "sv/")
    box = page.get_by_label(gettext("sv").gettext("Search the help center"))
    box.fill("lösenorden")
    box.press("Enter")
    expect(page.locator(f"a.hc-result__link[href='{GUIDE_SV}']")).to_be_visible()
    expect(field(page)).to_have_value("lösenorden")


def test_search_works_on_the_locales_404_page(page, site):
    """A reader who followed a dead link searches from the 404 page, in its locale, at any depth."""
    failed: list[str] = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(site.url + "sv/e-post/finns-inte/alls/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    search(page, "lösenorden")
    assert GUIDE_SV in result_hrefs(page)
    assert [url for url in failed if not url.rstrip("/").endswith("alls")] == []


def test_without_javascript_the_search_leads_to_the_home_page(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + GUIDE_SV.lstrip("/"))
    field(page).fill("lösenord")
    field(page).press("Enter")
    page.wait_for_url(re.compile(r"/sv/\?q=l"))
    expect(page.locator(".hc-home__category").first).to_be_visible()
    # The home page's own box does the same.
    box = page.locator("form.hc-search input[name=q]")
    expect(box).to_be_visible()
    box.fill("faktura")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/sv/\?q=faktura"))
    # On a phone the theme's search button opens the field, with CSS alone.
    page.set_viewport_size({"width": 400, "height": 800})
    page.locator("label.md-header__button[for=__search]").click()
    expect(field(page)).to_be_visible()
    context.close()


def test_the_panel_shows_results_as_text(page, site, tmp_path: Path):
    """Titles and excerpts are text: the page's own DOM has no element from the index but <mark>."""
    page.goto(site.url + "sv/")
    search(page, "lösenord")
    tags = page.evaluate(
        "[...new Set([...document.querySelectorAll('[data-hc-search-results] *')].map((e) => e.tagName))].sort()"
    )
    assert set(tags) <= {"A", "LI", "MARK", "SPAN", "UL"}, tags


def test_a_page_view_fetches_no_sitemap_but_its_locales_own(page, site):
    """Material fetches sitemap.xml beside every <link rel=alternate> on every page view; the pages
    have none (hreflang is in the sitemaps), so only instant navigation's own sitemap is fetched."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ("sv/", "en/email/", GUIDE_SV.lstrip("/"), "sv/e-post/bara-pa-svenska/", "en/e-post/bara-pa-svenska/"):
        requests.clear()
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
        sitemaps = [url for url in requests if url.endswith("sitemap.xml")]
        assert sitemaps == [site.url + path.split("/")[0] + "/sitemap.xml"], (path, sitemaps)
    # The switcher still leads to the same page in the other locale.
    page.goto(site.url + GUIDE_SV.lstrip("/"))
    href = page.locator(".md-select__link[hreflang=en]").first.get_attribute("href") or ""
    assert urljoin(page.url, href) == site.url + "en/email/cannot-log-in-to-webmail/"
    assert page.errors == []


@pytest.fixture(scope="module")
def weighted_site(tmp_path_factory, serve):
    """Two Swedish articles: each query word is in one's summary or tags and in the other's body."""
    from tests.test_search import GUIDE, INTRO

    project = write_project(
        tmp_path_factory.mktemp("weights"), {"sv/e-post/webbmail.md": GUIDE, "sv/e-post/intro.md": INTRO}
    )
    built = build_site(project, strict=True)
    return serve(built.site)


@pytest.mark.parametrize(("word", "where"), [("zebrafinken", "summary"), ("okapi", "tags")])
def test_summary_and_tags_weigh_more_than_body_text(page, weighted_site, word, where):
    page.goto(weighted_site.url + "sv/")
    search(page, word)
    assert result_hrefs(page)[:1] == ["/sv/e-post/webbmail/"], where
    assert "/sv/e-post/intro/" in result_hrefs(page)  # found too, below it


RECORD_CONTACT = """() => {
  window.__contact = [];
  document.addEventListener("helpcenter:contact", (e) => __contact.push({bubbles: e.bubbles, ...e.detail}));
  document.addEventListener("click", (e) => { if (e.target.closest(".hc-search__contact")) e.preventDefault(); });
}"""


@pytest.mark.parametrize(
    ("locale", "query", "found"), [("sv", "qwxzy flärp", "lösenorden"), ("en", "qwxzy <b>&", "password")]
)
def test_a_search_with_no_results_offers_support_told_what_was_searched(page, site, locale, query, found):
    words = gettext(locale)
    page.goto(site.url + f"{locale}/")
    page.evaluate(RECORD_CONTACT)
    search(page, query)
    expect(page.locator("[data-hc-search-meta]")).to_have_text(words.gettext("No articles match your search."))
    contact = page.get_by_role("link", name=words.gettext("Contact support"))
    encode = lambda text: quote(text, safe="-_.!~*'()")  # noqa: E731  # as encodeURIComponent
    here = f"https://help.example.com/{locale}/"  # the example's site_url, and the page searched from
    expected = SUPPORT.format(article="", locale=locale, url=encode(here), tried=encode(query))
    expect(contact).to_have_attribute("href", expected)
    assert axe_violations(page) == []

    field(page).press("ArrowDown")  # the keyboard reaches it as it reaches results
    expect(contact).to_be_focused()
    page.keyboard.press("Enter")
    detail = {"bubbles": True, "article": "", "title": "", "locale": locale, "url": here, "tried": query}
    assert page.evaluate("window.__contact") == [detail]

    field(page).fill("")
    search(page, found)  # results: no contact option
    expect(contact).to_be_hidden()
    assert page.errors == []


def test_without_support_url_a_search_with_no_results_just_says_so(page, tmp_path, serve):
    project = copy_example(tmp_path)
    settings = project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    support = "      support:\n        url: https://www.example.com/support/chat\n"
    assert support in text
    settings.write_text(text.replace(support, "", 1), encoding="utf-8")
    built = build_project(settings, project / "site", strict=True)
    assert built.warnings() == []
    server = serve(project / "site")
    page.goto(server.url + "sv/")
    search(page, "qwxzy")
    expect(page.locator("[data-hc-search-meta]")).to_have_text(gettext("sv").gettext("No articles match your search."))
    expect(page.locator(".hc-search__contact")).to_be_hidden()
