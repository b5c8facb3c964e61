"""Live status as a reader sees it: system Chromium against the mock feed, every scenario.

One small help center per setting (banner mode, provider) is built once per module, with
``site_url`` set to the 127.0.0.1 server that serves it (Material's instant navigation
needs that), and its feed pointing at one mock feed server whose scenario each test picks.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from babel import Locale
from playwright.sync_api import Browser, Page, expect

from conftest import build_site, write_project
from helpcenter.locales import Catalogs, package_catalog_dir
from helpcenter.status import relay as status_relay
from helpcenter.status import widget as status
from helpcenter.status.mock import STARTED as MOCK_STARTED
from helpcenter.status.mock import FeedServer
from helpcenter.status.model import from_record, normalize
from test_status import (
    CACHET3_COMPONENT_CASES,
    CACHET3_INCIDENT_CASES,
    CACHET_COMPONENT_CASES,
    CACHET_INCIDENT_CASES,
    CACHET_INDICATOR_CASES,
    COMPONENT_CASES,
    IMPACT_CASES,
    INCIDENT_CASES,
    INDICATOR_CASES,
    INVALID_PAYLOADS,
    KUMA_HEARTBEAT_CASES,
    KUMA_INDICATOR_CASES,
    KUMA_MAINTENANCE_CASES,
    MAINTENANCE_CASES,
    RECORD_CASES,
    cachet3_payload,
    cachet_payload,
    kuma_payload,
    record_with,
    statuspage_payload,
)

STATUS_PAGE = "https://status.example.test/"
GUIDE_SV = "sv/e-post/webbmail/"
GUIDE_EN = "en/email/webmail/"
ALL = "sv/e-post/alla/"
PANEL = "sv/e-post/panel/"
HOME = "sv/"
UNAVAILABLE = "Statusen är inte tillgänglig – se statussidan"
KUMA = "api/status-page/example"  # Uptime Kuma as it is in production: no CORS headers
KUMA_CORS = "cors/" + KUMA  # behind a reverse proxy that adds them
RELAY = "status/relay.json"

GUIDE_MD = """\
---
id: {id}
title: {title}
type: guide
category: email
status: [Webmail]
---

{intro}

## {step1}

{step1_text}

/// status
///

## {step2}

- [ ] {check}
"""
PAGES = {
    "sv/e-post/webbmail.md": GUIDE_MD.format(
        id="webmail-login",
        title="Jag kan inte logga in på Webbmail",
        intro="Det kan finnas flera orsaker.",
        step1="Besök vår statussida",
        step1_text="Besök vår statussida för att utesluta tekniska problem. [Alla tjänster](alla.md)",
        step2="Kontrollera dina inloggningsuppgifter",
        check="Kontrollera att Caps Lock inte är aktiverat.",
    ),
    "en/email/webmail.md": GUIDE_MD.format(
        id="webmail-login-en",  # its own article: these tests are not about translations
        title="I can't log in to Webmail",
        intro="There can be several reasons.",
        step1="Visit our status page",
        step1_text="Visit our status page to rule out technical problems.",
        step2="Check your login details",
        check="Check that Caps Lock is not turned on.",
    ),
    "sv/e-post/alla.md": (
        "---\nid: all\ntitle: Alla tjänster\ncategory: email\n---\n\nAlla tjänster:\n\n/// status\n///\n"
    ),
    "sv/e-post/panel.md": (
        "---\nid: panel\ntitle: Kontrollpanelen\ncategory: email\nstatus: [Control Panel]\n---\n\nOm panelen.\n"
    ),
}


class Site:
    def __init__(self, root: Path, url: str) -> None:
        self.root = root
        self.url = url


@pytest.fixture(scope="module")
def feed() -> Iterator[FeedServer]:
    server = FeedServer("operational").start()
    yield server
    server.close()


@pytest.fixture(scope="module")
def sites(tmp_path_factory, serve, feed) -> Callable[..., Site]:
    """``sites(banner=..., provider=..., path=..., relay=...)``: built once per setting and module.

    ``path`` is the feed's path on the mock feed server (by default the provider's usual one);
    ``relay`` the path on the site of the relay's record, which the widget then reads instead.
    """
    built: dict[tuple[str, str, str, str], Site] = {}
    paths = {"statuspage": "api/v2/summary.json", "cachet": "api/v1", "uptime-kuma": KUMA_CORS}

    def get(banner: str = "all", provider: str = "statuspage", path: str = "", relay: str = "") -> Site:
        key = (banner, provider, path, relay)
        if key not in built:
            root = tmp_path_factory.mktemp(f"status-{banner}-{provider}")
            (root / "site").mkdir()
            server = serve(root / "site")
            url = feed.url + (path or paths[provider])
            status = {"url": url, "page": STATUS_PAGE, "timeout": 1, "banner": banner, "provider": provider}
            if relay:
                status["relay"] = relay
            locales = {"sv": "Svenska", "en": "English"}
            theme = {"name": "material", "language": "sv", "font": False, "features": ["navigation.instant"]}
            plugin = {"default_locale": "sv", "locales": locales, "status": status}
            write_project(root, PAGES, config={"theme": theme, "plugins": [{"helpcenter": plugin}]})
            result = build_site(root, strict=True, extra={"site_url": server.url})
            assert result.warnings() == []
            built[key] = Site(root / "site", server.url)
        return built[key]

    return get


def widget(page: Page):
    return page.locator(".hc-status").first


def set_visibility(page: Page, state: str) -> None:
    """What the browser does when the reader switches tabs (headless tabs are always visible)."""
    page.evaluate(
        """state => {
            Object.defineProperty(document, "visibilityState", {configurable: true, get: () => state});
            Object.defineProperty(document, "hidden", {configurable: true, get: () => state === "hidden"});
            document.dispatchEvent(new Event("visibilitychange"));
        }""",
        state,
    )


def answered(page: Page, feed: FeedServer, after: float) -> float:
    """Wait (in real time: the page's clock may be paused) until the page stored a newer answer."""
    key = "hc-status:" + feed.url + "api/v2/summary.json"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        stored = page.evaluate("key => JSON.parse(sessionStorage.getItem(key) || 'null')", key)
        if stored and stored["checked"] > after:
            return float(stored["checked"])
        time.sleep(0.02)
    raise AssertionError("the page stored no new answer")


def now(page: Page) -> float:
    return float(page.evaluate("Date.now()"))


def hold_clock(page: Page, stamp: float) -> float:
    """Stop the page's clock (installed before loading) now: from here on, time moves when a test says.

    A test then advances to just past when a poll is due (``stamp + refresh``, plus the few ms
    the page took to schedule it); running a whole second further would also fire that poll's
    timeout before its answer could arrive.
    """
    page.clock.pause_at((now(page) + 1000) / 1000)
    return stamp


def feed_hits(feed: FeedServer) -> int:
    return feed.hits["/api/v2/summary.json"]


def wait_for_hits(feed: FeedServer, count: int) -> None:
    deadline = time.monotonic() + 5
    while feed_hits(feed) < count and time.monotonic() < deadline:
        time.sleep(0.02)
    assert feed_hits(feed) == count


def icon(page: Page, locator) -> str:
    """The SVG file a state's icon is drawn with (a CSS mask served by the site), never a character."""
    content, mask = page.evaluate(
        "el => [getComputedStyle(el, '::before').content, getComputedStyle(el, '::before').maskImage]",
        locator.element_handle(),
    )
    assert content == '""', content  # no glyph that depends on the reader's fonts
    url = re.fullmatch(r'url\("(.+)"\)', mask)
    assert url, mask
    served = page.request.get(url[1])
    assert served.ok and served.headers["content-type"] == "image/svg+xml", url[1]
    return url[1].rsplit("/", 1)[-1]


# -- the widget, in every scenario ---------------------------------------------------------------

STARTED = "{started}"
"""Where an event's start shows: the catalog's words around the time as the browser formats it
(Intl's CLDR data, which changes with Chromium's releases): filled in by ``started``."""


def started(page: Page, texts: list[str], lang: str = "sv") -> list[str]:
    """``texts`` with the start of the mock feed's incidents written as this browser writes it in ``lang``."""
    time = page.evaluate(
        "([iso, lang]) => new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' })",
        [MOCK_STARTED, lang],
    )
    words = Catalogs([package_catalog_dir()]).get(lang).gettext("Started %(time)s") % {"time": time}
    return [text.replace(STARTED, words) for text in texts]


STATES = {  # scenario: (level, overall, Webmail, events shown on the Webmail guide)
    "operational": ("ok", "Alla system fungerar", "I drift", []),
    "degraded": (
        "minor",
        "Mindre driftstörning",
        "Försämrad prestanda",
        [f"Störning Slow Webmail login — Mindre påverkan · Undersöks · {STARTED}"],
    ),
    "partial_outage": (
        "major",
        "Större driftavbrott",
        "Delvis avbrott",
        [f"Störning Some users cannot log in to Webmail — Större påverkan · Orsaken identifierad · {STARTED}"],
    ),
    "major_outage": (
        "critical",
        "Allvarligt driftavbrott",
        "Större avbrott",
        [f"Störning Webmail and email delivery are down — Kritisk påverkan · Orsaken identifierad · {STARTED}"],
    ),
    "maintenance": (
        "maint",
        "Underhåll pågår",
        "Under underhåll",
        [f"Underhåll Webmail server upgrade — Mindre påverkan · Pågår · {STARTED}"],
    ),
    "incident": ("minor", "Mindre driftstörning", "I drift", []),  # the incident is the Control Panel's
}
ICONS = {
    "ok": "status-ok.svg",
    "minor": "status-warning.svg",
    "major": "status-warning.svg",
    "critical": "status-critical.svg",
    "maint": "status-maint.svg",
    "unknown": "status-unknown.svg",
}


@pytest.mark.parametrize("scenario", list(STATES))
def test_widget_shows_webmail_in_step_one(new_page, sites, feed, scenario):
    level, overall, webmail, events = STATES[scenario]
    feed.scenario = scenario
    page = new_page()
    page.goto(sites().url + GUIDE_SV)
    box = page.locator(".hc-step").first.locator(".hc-status")
    head = box.locator(".hc-status__head .hc-status__state")
    expect(head).to_have_text(overall)
    assert head.get_attribute("data-level") == level
    assert icon(page, head) == ICONS[level]  # an icon and words, never color alone
    expect(box.locator(".hc-status__list li")).to_have_text([f"Webmail {webmail}"])
    state = box.locator(".hc-status__list .hc-status__state")
    assert icon(page, state) == ICONS[state.get_attribute("data-level")]
    expect(box.locator(".hc-status__event")).to_have_text(started(page, events))
    for link in box.locator(".hc-status__event a").all():
        assert re.fullmatch(r"https://status\.example\.com/incidents/[\w-]+", link.get_attribute("href") or "")
    expect(box).not_to_contain_text("Slow DNS updates")  # resolved
    expect(box).not_to_contain_text("DNS maintenance next week")  # only scheduled
    expect(box.locator(".hc-status__foot")).to_have_text("Kontrollerad nyss · Se statussidan")
    assert box.get_by_role("link", name="Se statussidan").get_attribute("href") == STATUS_PAGE
    assert page.locator(".hc-status").count() == 1
    assert page.errors == []


@pytest.mark.parametrize(
    ("locale", "path", "words"),
    [
        ("sv-SE", "sv/e-post/jag-kan-inte-logga-in-pa-webbmail/", ["Alla system fungerar", "Webmail I drift"]),
        ("en-US", "en/email/cannot-log-in-to-webmail/", ["All systems operational", "Webmail Operational"]),
    ],
)
def test_example_seed_guide_shows_webmail_in_step_one(new_page, example_server, locale, path, words):
    """``make serve`` without internet: the demo feed ships with the site (status/summary.json)."""
    page = new_page(locale, offline=True)
    page.goto(example_server.url + path)
    step1 = page.locator(".hc-step").first
    expect(step1.locator(".hc-step__title")).to_contain_text("1")
    box = step1.locator(".hc-status")
    expect(box.locator(".hc-status__head")).to_have_text(words[0])
    expect(box.locator(".hc-status__list li")).to_have_text([words[1]])
    assert page.locator(".hc-status").count() == 1
    expect(page.locator(".hc-banner")).to_be_hidden()


def test_english_reader_gets_english_words(new_page, sites, feed):
    feed.scenario = "degraded"
    page = new_page("en-US")
    page.goto(sites().url + GUIDE_EN)
    box = widget(page)
    expect(box.locator(".hc-status__head")).to_have_text("Minor service disruption")
    expect(box.locator(".hc-status__list li")).to_have_text(["Webmail Degraded performance"])
    expect(box.locator(".hc-status__event")).to_have_text(
        started(page, [f"Incident Slow Webmail login — Minor impact · Investigating · {STARTED}"], "en")
    )
    expect(box.locator(".hc-status__foot")).to_have_text("Checked just now · See the status page")
    assert box.get_attribute("aria-label") == "Service status"


def test_a_block_without_front_matter_shows_every_component(new_page, sites, feed):
    feed.scenario = "incident"
    page = new_page()
    page.goto(sites().url + ALL)
    box = widget(page)
    expect(box.locator(".hc-status__list li")).to_have_text(
        ["Webmail I drift", "Email delivery I drift", "Control Panel I drift", "DNS I drift", "Web hosting I drift"]
    )
    expect(box.locator(".hc-status__event")).to_have_text(
        started(page, [f"Störning Control Panel logins are slow — Mindre påverkan · Övervakas · {STARTED}"])
    )


def test_front_matter_alone_puts_the_widget_at_the_top(new_page, sites, feed):
    feed.scenario = "incident"
    page = new_page()
    page.goto(sites().url + PANEL)
    box = widget(page)
    expect(box.locator(".hc-status__list li")).to_have_text(["Control Panel I drift"])
    expect(box.locator(".hc-status__event a")).to_have_text(["Control Panel logins are slow"])
    text = page.locator(".md-content p", has_text="Om panelen.")
    following = "(box, text) => !!(box.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING)"
    assert box.evaluate(following, text.element_handle())


def test_cachet_feed(new_page, sites, feed):
    feed.scenario = "degraded"
    page = new_page()
    page.goto(sites(provider="cachet").url + GUIDE_SV)
    box = widget(page)
    expect(box.locator(".hc-status__head")).to_have_text("Mindre driftstörning")
    expect(box.locator(".hc-status__list li")).to_have_text(["Webmail Försämrad prestanda"])
    expect(box.locator(".hc-status__event")).to_have_text(
        started(page, [f"Störning Slow Webmail login — Undersöks · {STARTED}"])
    )
    assert feed.hits["/api/v1/components"] >= 1 and feed.hits["/api/v1/incidents"] >= 1


# -- never green when it cannot tell ---------------------------------------------------------------

FAILURES = {  # scenario: console errors the browser itself prints (none of them ours)
    "http500": [r"status of 500"],
    "slow": [],
    "invalid_json": [],
    "oversized": [],
    "no_cors": [r"blocked by CORS policy", r"net::ERR_FAILED"],
}


@pytest.mark.parametrize("scenario", list(FAILURES))
def test_never_green_when_the_feed_fails(new_page, sites, feed, scenario):
    feed.scenario = scenario
    page = new_page()
    page.goto(sites().url + GUIDE_SV)
    box = widget(page)
    if scenario == "slow":  # before the timeout: checking, not green either
        expect(box.locator(".hc-status__head")).to_have_text("Kontrollerar driftstatus…")
    head = box.locator(".hc-status__head")
    expect(head).to_have_text(UNAVAILABLE)
    assert head.get_by_role("link").get_attribute("href") == STATUS_PAGE
    assert head.locator(".hc-status__state").get_attribute("data-level") == "unknown"
    assert icon(page, head.locator(".hc-status__state")) == ICONS["unknown"]
    assert box.locator("[data-level=ok], .hc-status__list").count() == 0
    for green in ("I drift", "Alla system fungerar"):
        expect(page.locator("body")).not_to_contain_text(green)
    expect(page.locator(".hc-banner")).to_be_hidden()
    expected = FAILURES[scenario]
    assert all(any(re.search(p, error) for p in expected) for error in page.errors), page.errors
    assert all(any(re.search(p, error) for error in page.errors) for p in expected), page.errors


def test_without_javascript_a_link_to_the_status_page(new_page, sites, feed):
    page = new_page(java_script_enabled=False)
    page.goto(sites().url + GUIDE_SV)
    link = widget(page).get_by_role("link", name="Se statussidan")
    expect(link).to_be_visible()
    assert link.get_attribute("href") == STATUS_PAGE
    expect(page.locator(".hc-banner")).to_be_hidden()


# -- feed strings are text ------------------------------------------------------------------------


def test_xss_in_every_field_stays_text(new_page, sites, feed):
    feed.scenario = "xss"
    page = new_page()
    page.goto(sites().url + ALL)
    box = widget(page)
    expect(box.locator(".hc-status__head")).to_have_text("Övergripande status okänd")
    expect(box.locator(".hc-status__list li").first).to_have_text("Webmail Status okänd")
    expect(box).to_contain_text('<img src=x onerror="window.__hcXss=1"><script>window.__hcXss=2</script>')
    expect(page.locator(".hc-banner .md-banner__inner")).to_have_count(2)
    page.wait_for_timeout(300)  # an onerror handler would have run by now
    assert page.evaluate("window.__hcXss") is None
    assert page.locator(".hc-status img, .hc-status script, .hc-banner img, .hc-banner script").count() == 0
    assert page.evaluate("document.querySelectorAll('img[src=x]').length") == 0
    hrefs = page.locator(".hc-status a, .hc-banner a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs and all(h.startswith(("https://", "http://")) for h in hrefs)
    assert "javascript" not in " ".join(hrefs)
    assert page.errors == []


# -- the banner ------------------------------------------------------------------------------------


def test_banner_on_every_page_and_dismissed_per_incident(new_page, sites, feed):
    feed.scenario = "major_outage"
    page = new_page()
    page.goto(sites().url + HOME)
    banner = page.locator(".hc-banner")
    expect(banner).to_be_visible()
    assert page.evaluate("document.querySelector('.md-main').firstElementChild.classList.contains('hc-banner')")
    rows = banner.locator(".md-banner__inner")
    expect(rows).to_have_text([re.compile(r"Störning Webmail and email delivery are down — Kritisk påverkan")])
    link = rows.get_by_role("link", name="Webmail and email delivery are down")
    assert link.get_attribute("href") == "https://status.example.com/incidents/inc-major"
    close = banner.get_by_role("button", name="Dölj: Webmail and email delivery are down")
    assert close.text_content() == "" and icon(page, close) == "close.svg"  # named by its label, an SVG icon
    close.focus()
    expect(close).to_be_focused()
    page.keyboard.press("Enter")
    expect(banner).to_be_hidden()
    expect(page.locator(".md-content h1")).to_be_focused()
    page.goto(sites().url + GUIDE_SV)  # another page, the same incident: still dismissed
    expect(widget(page).locator(".hc-status__head")).to_have_text("Allvarligt driftavbrott")
    expect(page.locator(".hc-banner")).to_be_hidden()
    feed.scenario = "degraded"  # another incident id: shown
    page.evaluate("sessionStorage.clear()")
    page.reload()
    expect(page.locator(".hc-banner")).to_contain_text("Slow Webmail login")
    assert page.errors == []


# -- hostile feeds and storage ----------------------------------------------------------------------


def feed_key(feed: FeedServer) -> str:
    return "hc-status:" + feed.url + "api/v2/summary.json"


def serve_feed(page: Page, feed: FeedServer, body: dict) -> None:
    """The feed answers ``body`` (with CORS, as a public feed does) for this page's context."""
    text = json.dumps(body, separators=(",", ":"))
    headers = {"Access-Control-Allow-Origin": "*"}
    page.context.route(
        feed.url + "api/v2/summary.json",
        lambda route: route.fulfill(status=200, body=text, content_type="application/json", headers=headers),
    )


def statuspage_feed(components: list[dict]) -> dict:
    return {"status": {"indicator": "none"}, "components": components, "incidents": [], "scheduled_maintenances": []}


def test_a_cache_stamped_in_the_future_is_not_trusted(new_page, sites, feed):
    """A cached "all fine" from the future would show green with no fetch: it counts as no cache."""
    feed.scenario = "major_outage"
    hits = feed_hits(feed)
    cached = {"indicator": "none", "components": [{"name": "Webmail", "status": "operational"}], "incidents": []}
    page = new_page()
    stamp = f"{{...{json.dumps(cached)}, checked: Date.now() + 3600e3}}"
    page.add_init_script(f"sessionStorage.setItem({json.dumps(feed_key(feed))}, JSON.stringify({stamp}))")
    page.goto(sites().url + GUIDE_SV)
    expect(widget(page).locator(".hc-status__head")).to_have_text("Allvarligt driftavbrott")
    expect(widget(page).locator(".hc-status__list li")).to_have_text(["Webmail Större avbrott"])
    assert feed_hits(feed) > hits
    assert page.errors == []


@pytest.mark.parametrize(
    "dismissed",
    ['{"incident:inc-major": true}', '"incident:inc-major"', "42", '[null, {"id": 1}]'],
    ids=["object", "string", "number", "not-strings"],
)
def test_a_broken_dismissed_list_hides_no_incident(new_page, sites, feed, dismissed):
    feed.scenario = "major_outage"
    page = new_page()
    page.add_init_script(f"localStorage.setItem('hc-status:dismissed', {json.dumps(dismissed)})")
    page.goto(sites().url + GUIDE_SV)
    banner = page.locator(".hc-banner")
    expect(banner).to_contain_text("Webmail and email delivery are down")
    expect(widget(page).locator(".hc-status__head")).to_have_text("Allvarligt driftavbrott")
    banner.get_by_role("button").click()  # dismissing still works, and is kept from now on
    expect(banner).to_be_hidden()
    assert page.evaluate("JSON.parse(localStorage.getItem('hc-status:dismissed'))")[-1] == "incident:inc-major"
    assert page.errors == []


@pytest.mark.parametrize(
    ("states", "shown", "level"),
    [
        (["operational", "major_outage"], "Större avbrott", "critical"),
        (["major_outage", "operational"], "Större avbrott", "critical"),
        (["operational", "bogus"], "Status okänd", "unknown"),
        (["degraded_performance", "under_maintenance", "partial_outage"], "Delvis avbrott", "major"),
    ],
)
def test_same_named_components_show_the_worst_state(new_page, sites, feed, states, shown, level):
    page = new_page()
    serve_feed(page, feed, statuspage_feed([{"name": "Webmail", "status": state} for state in states]))
    page.goto(sites().url + GUIDE_SV)
    rows = widget(page).locator(".hc-status__list li")
    expect(rows).to_have_text([f"Webmail {shown}"])
    assert rows.locator(".hc-status__state").get_attribute("data-level") == level
    page.goto(sites().url + ALL)  # every component of the feed: the name once, the worst state
    expect(widget(page).locator(".hc-status__list li")).to_have_text([f"Webmail {shown}"])
    assert page.errors == []


LONGEST_TASK = """
window.__longest = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
}).observe({ type: "longtask", buffered: true });
"""


def longest_task(new_page, sites, feed, count: int) -> float:
    """The longest main-thread task while a feed of ``count`` components is shown in full."""
    components = [{"name": f"S{n}", "status": "operational"} for n in range(count)]
    body = statuspage_feed(components)
    assert len(json.dumps(body, separators=(",", ":"))) < 1 << 20
    page = new_page()
    page.add_init_script(LONGEST_TASK)
    serve_feed(page, feed, body)
    page.goto(sites().url + ALL)
    expect(widget(page).locator(".hc-status__list li")).to_have_count(count, timeout=60_000)
    assert page.errors == []
    return float(page.evaluate("window.__longest"))


def test_a_feed_of_twenty_thousand_components_does_not_freeze_the_page(new_page, sites, feed):
    """Under the 1 MB cap, matching names is one pass, not a search per name: ten times the
    components cost about ten times the work (a search per name costs a hundred times). The
    figure compared is a ratio measured in one browser, not a wall-clock budget, so a busy
    machine slows both sides alike; make bench measures the time itself."""
    small = longest_task(new_page, sites, feed, 2_000)
    large = longest_task(new_page, sites, feed, 20_000)
    assert large < 30 * max(small, 50), f"2,000 components: {small:.0f} ms; 20,000: {large:.0f} ms"


@pytest.mark.parametrize(
    "storage",
    [
        'for (const m of ["getItem", "setItem", "removeItem"]) Storage.prototype[m] = () => {'
        ' throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };',
        'for (const name of ["localStorage", "sessionStorage"]) Object.defineProperty(window, name,'
        ' { get() { throw new DOMException("Access is denied for this document.", "SecurityError"); } });',
    ],
    ids=["throwing", "denied"],
)
def test_works_without_storage(new_page, sites, feed, storage):
    """No cache and no remembered dismissal, but the status and the banner all the same."""
    feed.scenario = "major_outage"
    page = new_page()
    page.add_init_script("window.__errors = []; addEventListener('error', e => __errors.push([e.message, e.filename]))")
    page.add_init_script(storage)
    page.goto(sites().url + GUIDE_SV)
    expect(widget(page).locator(".hc-status__head")).to_have_text("Allvarligt driftavbrott")
    page.locator(".hc-banner").get_by_role("button").click()
    expect(page.locator(".hc-banner")).to_be_hidden()
    # Material's own inline head script reads localStorage unguarded and fails here: not ours.
    errors = page.evaluate("__errors")
    assert [(message, source) for message, source in errors if source] == []


def test_banner_only_for_the_pages_components(new_page, sites, feed):
    feed.scenario = "incident"
    site = sites(banner="components")
    page = new_page()
    page.goto(site.url + PANEL)
    expect(page.locator(".hc-banner")).to_contain_text("Control Panel logins are slow")
    for path in (GUIDE_SV, HOME):
        page.goto(site.url + path)
        page.wait_for_function("document.querySelector('.hc-banner').parentElement.classList.contains('md-main')")
        expect(page.locator(".hc-banner")).to_be_hidden()  # rendered, and nothing touches Webmail or the home


def test_banner_only_for_major_and_above(new_page, sites, feed):
    site = sites(banner="major")
    page = new_page()
    feed.scenario = "degraded"
    page.goto(site.url + GUIDE_SV)
    expect(widget(page).locator(".hc-status__head")).to_have_text("Mindre driftstörning")
    expect(page.locator(".hc-banner")).to_be_hidden()
    feed.scenario = "partial_outage"
    page.evaluate("sessionStorage.clear()")
    page.reload()
    expect(page.locator(".hc-banner")).to_contain_text("Some users cannot log in to Webmail")


# -- live, honest, cheap ------------------------------------------------------------------------------


def test_polls_only_while_visible_and_announces_only_changes(new_page, sites, feed):
    feed.scenario = "operational"
    page = new_page()
    page.clock.install()
    page.goto(sites().url + GUIDE_SV)
    expect(widget(page).locator(".hc-status__head")).to_have_text("Alla system fungerar")
    region = page.locator("[role=status]")
    assert region.count() == 1
    stamp = hold_clock(page, answered(page, feed, 0))
    start = feed_hits(feed)
    page.clock.run_for(stamp + 60_200 - now(page))  # one refresh: one request, same state, nothing said
    wait_for_hits(feed, start + 1)
    stamp = answered(page, feed, stamp)
    expect(region).to_have_text("")
    feed.scenario = "major_outage"
    page.clock.run_for(stamp + 60_200 - now(page))
    wait_for_hits(feed, start + 2)
    answered(page, feed, stamp)
    expect(widget(page).locator(".hc-status__head")).to_have_text("Allvarligt driftavbrott")
    expect(region).to_contain_text("Allvarligt driftavbrott")
    expect(region).to_contain_text("Webmail Större avbrott")
    set_visibility(page, "hidden")
    page.clock.run_for(10 * 60_000)  # ten minutes in another tab: no request at all
    time.sleep(0.3)
    assert feed_hits(feed) == start + 2
    feed.scenario = "degraded"
    set_visibility(page, "visible")  # back: stale, so it checks at once
    wait_for_hits(feed, start + 3)
    expect(widget(page).locator(".hc-status__head")).to_have_text("Mindre driftstörning")
    assert page.errors == []


def minutes_ago(code: str, minutes: int) -> str:
    """Our catalog's words for the CLDR plural category Babel gives that number in that language."""
    catalog = Catalogs([package_catalog_dir()]).get(code)
    words = status.texts(catalog.gettext, catalog.ngettext, code)["min"]
    return words[Locale.parse(code).plural_form(minutes)] % {"num": minutes}


@pytest.mark.parametrize(
    ("locale", "path", "minutes"),
    [("sv-SE", GUIDE_SV, 1), ("sv-SE", GUIDE_SV, 2), ("en-US", GUIDE_EN, 1), ("en-US", GUIDE_EN, 5)],
)
def test_checked_minutes_ago_in_the_readers_language(new_page, sites, feed, locale, path, minutes):
    expected = minutes_ago(locale.partition("-")[0], minutes)
    assert str(minutes) in expected
    feed.scenario = "operational"
    page = new_page(locale)
    page.clock.install()
    page.goto(sites().url + path)
    checked = widget(page).locator(".hc-status__checked")
    expect(checked).to_have_text("Kontrollerad nyss" if locale == "sv-SE" else "Checked just now")
    hold_clock(page, answered(page, feed, 0))
    set_visibility(page, "hidden")
    feed.scenario = "slow"  # the check on return hangs: what shows meanwhile is the last answer, with its age
    page.clock.run_for(minutes * 60_000)
    set_visibility(page, "visible")
    expect(checked).to_have_text(expected)
    expect(widget(page).locator(".hc-status__list li")).to_have_text([re.compile("Webmail (I drift|Operational)")])
    page.clock.run_for(1_500)  # past the timeout: no longer claimed
    expect(widget(page).locator(".hc-status__list")).to_have_count(0)
    expect(widget(page).locator(".hc-status__head")).to_contain_text("–" if locale == "sv-SE" else "—")


def test_instant_navigation_reuses_the_answer_and_one_timer(new_page, sites, feed):
    feed.scenario = "operational"
    page = new_page()
    page.clock.install()
    page.goto(sites().url + GUIDE_SV)
    expect(widget(page).locator(".hc-status__head")).to_have_text("Alla system fungerar")
    stamp = answered(page, feed, 0)
    page.evaluate("window.__sameDocument = true")
    start = feed_hits(feed)
    page.locator(".hc-step").first.get_by_role("link", name="Alla tjänster").click()
    page.wait_for_url("**/" + ALL)
    expect(widget(page).locator(".hc-status__list li")).to_have_count(5)
    assert page.evaluate("window.__sameDocument") is True  # Material swapped the content: no reload
    assert feed_hits(feed) == start  # the answer came from this tab's session cache
    hold_clock(page, stamp)
    page.clock.run_for(stamp + 60_200 - now(page))
    wait_for_hits(feed, start + 1)
    time.sleep(0.3)
    assert feed_hits(feed) == start + 1  # the guide's timer went with the guide
    # Material re-runs every <script> of the new page as JavaScript, so the breadcrumbs'
    # JSON-LD block fails on instant navigation (not ours; reported). Nothing else may.
    assert [e for e in page.errors if "Failed to execute 'replaceWith'" not in e] == []


def test_works_under_a_strict_content_security_policy(new_page, sites, feed, serve):
    site = sites()
    policy = f"script-src 'self'; connect-src 'self' {feed.origin}"
    strict = serve(site.root, {"Content-Security-Policy": policy})
    feed.scenario = "degraded"
    page = new_page()
    assert_degraded_under_policy(page, strict)
    assert not [e for e in page.errors if "status.js" in e or f"Connecting to '{feed.origin}" in e]


def assert_degraded_under_policy(page: Page, strict) -> None:
    """The guide under a strict policy: the degraded feed shows, and nothing of ours is refused."""
    page.add_init_script(
        """window.__violations = [];
        document.addEventListener("securitypolicyviolation", e =>
            window.__violations.push([e.blockedURI, e.violatedDirective, e.sourceFile]));"""
    )
    page.goto(strict.url + GUIDE_SV)
    expect(widget(page).locator(".hc-status__head")).to_have_text("Mindre driftstörning")
    expect(page.locator(".hc-banner")).to_contain_text("Slow Webmail login")
    violations = page.evaluate("window.__violations")
    # Refused: Material's own inline <script>s, and (this server is not the site_url) its sitemap
    # probe. Nothing of ours: not status.js, not the feed.
    assert violations, "the policy is in force"
    for blocked, _, source in violations:
        assert blocked == "inline" or (blocked.endswith("/sitemap.xml") and "/bundle." in source), blocked


@pytest.mark.parametrize("scenario", ["operational", "degraded", "major_outage", "maintenance", "http500"])
def test_no_accessibility_violations(new_page, sites, feed, scenario):
    feed.scenario = scenario
    page = new_page()
    page.goto(sites().url + GUIDE_SV)
    expect(widget(page).locator(".hc-status__head")).not_to_have_text("Kontrollerar driftstatus…")
    results = Axe().run(page, context={"include": [[".hc-status"], [".hc-banner"], ["[role=status]"]]})
    assert results.response["violations"] == [], results.generate_report()


# -- the normalization that runs: status.js, driven with the unit tests' tables -------------------------


class Readers:
    """One page per reader (a site serves only its provider's part, or the relay's)."""

    def __init__(self, browser: Browser, sites) -> None:
        self.context = browser.new_context()
        self.sites = sites
        self.pages: dict[str, Page] = {}

    def page(self, provider: str) -> Page:
        if provider not in self.pages:
            site = self.sites(relay=RELAY) if provider == "relay" else self.sites(provider=provider)
            page = self.pages[provider] = self.context.new_page()
            page.goto(site.url + HOME)
            page.wait_for_function("window.HelpcenterStatus")
        return self.pages[provider]


@pytest.fixture(scope="module")
def js(browser: Browser, sites, feed) -> Iterator[Readers]:
    """Pages with status.js and one reader loaded, for ``HelpcenterStatus.normalize``."""
    readers = Readers(browser, sites)
    yield readers
    readers.context.close()


def run(js: Readers, payload, provider: str = "statuspage"):
    return js.page(provider).evaluate(
        """payload => {
            try { return HelpcenterStatus.normalize(payload); } catch (e) { return "refused"; }
        }""",
        payload,
    )


def same_as_python(js: Readers, payload, provider: str = "statuspage"):
    result = run(js, payload, provider)
    if provider == "relay":
        checked, summary = from_record(payload)
        assert result == {"checked": checked, **summary.to_json()}
    else:
        assert result == normalize(payload, provider).to_json()
    return result


@pytest.mark.parametrize(("value", "expected"), COMPONENT_CASES)
def test_js_component_status(js, value, expected):
    assert same_as_python(js, statuspage_payload(component=value))["components"][0]["status"] == expected


@pytest.mark.parametrize(("value", "expected"), INDICATOR_CASES)
def test_js_indicator(js, value, expected):
    assert same_as_python(js, statuspage_payload(indicator=value))["indicator"] == expected


@pytest.mark.parametrize(("value", "expected"), IMPACT_CASES)
def test_js_impact(js, value, expected):
    assert same_as_python(js, statuspage_payload(impact=value))["incidents"][0]["impact"] == expected


@pytest.mark.parametrize(("value", "expected", "open_"), INCIDENT_CASES)
def test_js_incident_status(js, value, expected, open_):
    incident = same_as_python(js, statuspage_payload(incident=value))["incidents"][0]
    assert (incident["status"], incident["active"]) == (expected, open_)


@pytest.mark.parametrize(("value", "expected", "open_"), MAINTENANCE_CASES)
def test_js_maintenance_status(js, value, expected, open_):
    maintenance = same_as_python(js, statuspage_payload(maintenance=value))["incidents"][1]
    assert (maintenance["kind"], maintenance["status"], maintenance["active"]) == ("maintenance", expected, open_)


@pytest.mark.parametrize(("value", "expected"), CACHET_COMPONENT_CASES)
def test_js_cachet_component_status(js, value, expected):
    result = same_as_python(js, cachet_payload(components=[value, 1]), "cachet")
    assert result["components"][0]["status"] == expected


@pytest.mark.parametrize(("value", "kind", "expected", "open_"), CACHET_INCIDENT_CASES)
def test_js_cachet_incident_status(js, value, kind, expected, open_):
    incident = same_as_python(js, cachet_payload(incident=value), "cachet")["incidents"][0]
    assert (incident["kind"], incident["status"], incident["active"]) == (kind, expected, open_)


@pytest.mark.parametrize(("statuses", "expected"), CACHET_INDICATOR_CASES)
def test_js_cachet_overall_state(js, statuses, expected):
    assert same_as_python(js, cachet_payload(components=statuses), "cachet")["indicator"] == expected


@pytest.mark.parametrize(("bad", "provider"), INVALID_PAYLOADS)
def test_js_refuses_a_payload_of_another_shape(js, bad, provider):
    assert run(js, bad, provider) == "refused"


@pytest.mark.parametrize(
    "link",
    [
        "https://stspg.io/x",
        "HTTP://stspg.io/x",
        "javascript:alert(1)",
        " javascript:alert(1)",
        "//evil.example/x",
        None,
    ],
)
def test_js_keeps_only_http_links(js, link):
    payload = statuspage_payload()
    payload["incidents"][0]["shortlink"] = link
    same_as_python(js, payload)


def test_js_real_payload_shape(js):
    """The trimmed real summary from the research notes."""
    payload = json.loads(
        """{"page": {"id": "kctbh9vrtdwd", "name": "GitHub"},
        "status": {"description": "Partial System Outage", "indicator": "major"},
        "components": [{"id": "b13yz5g2cw10", "name": "API", "status": "partial_outage"},
                       {"id": "9397cnvk62zn", "name": "Management Portal", "status": "major_outage"}],
        "incidents": [{"id": "cp306tmzcl0y", "impact": "critical", "name": "Unplanned Database Outage",
                       "shortlink": "http://stspg.co:5000/Q0E", "status": "identified",
                       "created_at": "2014-05-14T14:22:39.441-06:00", "incident_updates": []}],
        "scheduled_maintenances": [{"id": "k7mf5z1gz05c", "impact": "minor", "name": "Web Tier Recycle",
                       "scheduled_for": "2014-05-14T14:30:00.000-06:00", "status": "in_progress",
                       "shortlink": "http://stspg.co:5000/Q0G"}]}"""
    )
    result = same_as_python(js, payload)
    assert result["indicator"] == "major"
    assert [(i["name"], i["active"]) for i in result["incidents"]] == [
        ("Unplanned Database Outage", True),
        ("Web Tier Recycle", True),
    ]


@pytest.mark.parametrize(("value", "expected"), CACHET3_COMPONENT_CASES)
def test_js_cachet3_component_status(js, value, expected):
    result = same_as_python(js, cachet3_payload(components=[value, 1]), "cachet")
    assert result["components"][0]["status"] == expected


@pytest.mark.parametrize(("value", "expected", "open_"), CACHET3_INCIDENT_CASES)
def test_js_cachet3_incident_status(js, value, expected, open_):
    incident = same_as_python(js, cachet3_payload(incident=value), "cachet")["incidents"][0]
    assert (incident["status"], incident["active"], incident["components"]) == (expected, open_, ["Webmail"])


@pytest.mark.parametrize(("beats", "expected"), KUMA_HEARTBEAT_CASES)
def test_js_kuma_monitor_state(js, beats, expected):
    assert same_as_python(js, kuma_payload(webmail=beats), "uptime-kuma")["components"][0]["status"] == expected


def test_js_kuma_monitor_without_heartbeats(js):
    assert same_as_python(js, kuma_payload(dns=None), "uptime-kuma")["components"][1]["status"] == "unknown"


@pytest.mark.parametrize(("latest", "expected"), KUMA_INDICATOR_CASES)
def test_js_kuma_overall_state(js, latest, expected):
    webmail, dns = ([{"status": n}] if n is not None else [0] for n in latest)
    assert same_as_python(js, kuma_payload(webmail=webmail, dns=dns), "uptime-kuma")["indicator"] == expected


@pytest.mark.parametrize(("value", "expected", "open_"), KUMA_MAINTENANCE_CASES)
def test_js_kuma_maintenance(js, value, expected, open_):
    maintenance = same_as_python(js, kuma_payload(maintenance=value), "uptime-kuma")["incidents"][1]
    assert (maintenance["status"], maintenance["active"]) == (expected, open_)


@pytest.mark.parametrize(("change", "expected"), RECORD_CASES)
def test_js_relay_record_is_checked_like_a_feed(js, change, expected):
    if expected is None:
        assert run(js, record_with(change), "relay") == "refused"
    else:
        same_as_python(js, record_with(change), "relay")


# -- Uptime Kuma (directly, with CORS; through the relay, without) and Cachet 3 -------------------------

KUMA_STARTED = STARTED
KUMA_STATES = {  # scenario: (level, overall, Webmail, events shown on the Webmail guide)
    # Kuma knows no partial outage (down is down), no impact, no link; its pinned incident names no
    # monitor, so it shows on every page; its maintenance has no start in the model.
    "operational": ("ok", "Alla system fungerar", "I drift", []),
    "degraded": (
        "minor",
        "Mindre driftstörning",
        "Försämrad prestanda",
        [f"Störning Slow Webmail login — Förlopp okänt · {STARTED}"],
    ),
    "partial_outage": (
        "critical",
        "Allvarligt driftavbrott",
        "Större avbrott",
        [f"Störning Some users cannot log in to Webmail — Förlopp okänt · {STARTED}"],
    ),
    "major_outage": (
        "critical",
        "Allvarligt driftavbrott",
        "Större avbrott",
        [f"Störning Webmail and email delivery are down — Förlopp okänt · {STARTED}"],
    ),
    "maintenance": ("maint", "Underhåll pågår", "Under underhåll", ["Underhåll Webmail server upgrade — Pågår"]),
    "incident": (
        "ok",
        "Alla system fungerar",
        "I drift",
        [f"Störning Control Panel logins are slow — Förlopp okänt · {STARTED}"],
    ),
}
CACHET3_STATES = {  # Cachet 3: no impact, no link, maintenance is not an incident
    "operational": ("ok", "Alla system fungerar", "I drift", []),
    "degraded": (
        "minor",
        "Mindre driftstörning",
        "Försämrad prestanda",
        [f"Störning Slow Webmail login — Undersöks · {STARTED}"],
    ),
    "partial_outage": (
        "major",
        "Större driftavbrott",
        "Delvis avbrott",
        [f"Störning Some users cannot log in to Webmail — Orsaken identifierad · {STARTED}"],
    ),
    "major_outage": (
        "critical",
        "Allvarligt driftavbrott",
        "Större avbrott",
        [f"Störning Webmail and email delivery are down — Orsaken identifierad · {STARTED}"],
    ),
    "maintenance": ("maint", "Underhåll pågår", "Under underhåll", []),
    "incident": ("ok", "Alla system fungerar", "I drift", []),  # the incident is the Control Panel's
}


def relay_site(sites, feed: FeedServer) -> Site:
    """A site whose widget reads the relay's record; the relay reads Kuma without CORS."""
    return sites(provider="uptime-kuma", path=KUMA, relay=RELAY)


def run_relay(site: Site, feed: FeedServer, age: float = 0) -> None:
    upstream = status_relay.Upstream("uptime-kuma", feed.url + KUMA, 2, "mkdocs.yml")
    assert status_relay.relay_once(upstream, site.root / RELAY, {}, now=lambda: time.time() - age)


def expect_widget(page: Page, state: tuple[str, str, str, list[str]]) -> None:
    level, overall, webmail, events = state
    box = page.locator(".hc-step").first.locator(".hc-status")
    head = box.locator(".hc-status__head .hc-status__state")
    expect(head).to_have_text(overall)
    assert head.get_attribute("data-level") == level
    assert icon(page, head) == ICONS[level]
    expect(box.locator(".hc-status__list li")).to_have_text([f"Webmail {webmail}"])
    expect(box.locator(".hc-status__event")).to_have_text(started(page, events))
    for link in box.locator(".hc-status__event a").all():
        assert link.get_attribute("href") == STATUS_PAGE  # the feed has no link: the status page
    expect(box).not_to_contain_text("Slow DNS updates")  # resolved
    expect(box).not_to_contain_text("DNS maintenance next week")  # only scheduled
    expect(box.locator(".hc-status__foot")).to_have_text("Kontrollerad nyss · Se statussidan")
    assert page.errors == []


@pytest.mark.parametrize("scenario", list(KUMA_STATES))
@pytest.mark.parametrize("mode", ["direct", "relay"])
def test_uptime_kuma(new_page, sites, feed, mode, scenario):
    feed.scenario = scenario
    if mode == "relay":
        site = relay_site(sites, feed)
        run_relay(site, feed)
        feed.hits.clear()
    else:
        site = sites(provider="uptime-kuma")
    page = new_page()
    page.goto(site.url + GUIDE_SV)
    expect_widget(page, KUMA_STATES[scenario])
    if mode == "relay":
        assert sum(feed.hits.values()) == 0  # the reader's browser asked the site only
    else:
        assert feed.hits["/api/status-page/example"] >= 1 and feed.hits["/api/status-page/heartbeat/example"] >= 1


@pytest.mark.parametrize("scenario", list(CACHET3_STATES))
def test_cachet3(new_page, sites, feed, scenario):
    feed.scenario = scenario
    page = new_page()
    page.goto(sites(provider="cachet", path="api").url + GUIDE_SV)
    expect_widget(page, CACHET3_STATES[scenario])
    assert feed.hits["/api/components"] >= 1 and feed.hits["/api/incidents"] >= 1


def expect_unavailable(page: Page) -> None:
    head = widget(page).locator(".hc-status__head")
    expect(head).to_have_text(UNAVAILABLE)
    assert head.locator(".hc-status__state").get_attribute("data-level") == "unknown"
    assert widget(page).locator("[data-level=ok], .hc-status__list").count() == 0
    for green in ("I drift", "Alla system fungerar"):
        expect(page.locator("body")).not_to_contain_text(green)


@pytest.mark.parametrize(
    ("provider", "scenario"),
    [("uptime-kuma", "kuma_in_production")] + [(p, s) for p in ("uptime-kuma", "cachet3") for s in FAILURES],
)
def test_never_green_when_kuma_or_cachet3_fails(new_page, sites, feed, provider, scenario):
    feed.scenario = "operational" if scenario == "kuma_in_production" else scenario
    if provider == "cachet3":
        site = sites(provider="cachet", path="api")
    elif scenario == "kuma_in_production":  # no CORS headers, as Kuma sends none in production
        site = sites(provider="uptime-kuma", path=KUMA)
    else:
        site = sites(provider="uptime-kuma")
    page = new_page()
    page.goto(site.url + GUIDE_SV)
    expect_unavailable(page)
    expect(page.locator(".hc-banner")).to_be_hidden()


def test_relay_older_than_max_age_is_unavailable(new_page, sites, feed):
    feed.scenario = "operational"
    site = relay_site(sites, feed)
    run_relay(site, feed, age=9 * 60)  # within max_age (600 s): shown, with its age
    page = new_page()
    page.goto(site.url + GUIDE_SV)
    expect(widget(page).locator(".hc-status__head")).to_have_text("Alla system fungerar")
    expect(widget(page).locator(".hc-status__checked")).to_have_text("Kontrollerad för 9 minuter sedan")
    run_relay(site, feed, age=11 * 60)  # the upstream stopped answering 11 minutes ago
    page.evaluate("sessionStorage.clear()")
    page.reload()
    expect_unavailable(page)
    (site.root / RELAY).unlink()  # no record at all
    page.evaluate("sessionStorage.clear()")
    page.reload()
    expect_unavailable(page)


def test_an_open_page_stops_showing_a_relay_record_that_grows_old(new_page, sites, feed):
    feed.scenario = "operational"
    site = relay_site(sites, feed)
    run_relay(site, feed, age=9 * 60)
    page = new_page()
    page.clock.install()
    page.goto(site.url + GUIDE_SV)
    expect(widget(page).locator(".hc-status__head")).to_have_text("Alla system fungerar")
    page.clock.run_for(70_000)  # the record is now past max_age, though it was green a moment ago
    expect_unavailable(page)


def test_relay_works_under_connect_src_self(new_page, sites, feed, serve):
    feed.scenario = "degraded"
    site = relay_site(sites, feed)
    run_relay(site, feed)
    strict = serve(site.root, {"Content-Security-Policy": "script-src 'self'; connect-src 'self'"})
    assert_degraded_under_policy(new_page(), strict)


@pytest.mark.parametrize("provider", ["relay", "uptime-kuma", "cachet3"])
def test_xss_stays_text_for_every_reader(new_page, sites, feed, provider):
    feed.scenario = "xss"
    if provider == "relay":
        site = relay_site(sites, feed)
        run_relay(site, feed)
    else:
        site = sites(provider="cachet", path="api") if provider == "cachet3" else sites(provider="uptime-kuma")
    page = new_page()
    page.goto(site.url + ALL)
    expect(widget(page)).to_contain_text("<script>window.__hcXss=2</script>")
    page.wait_for_timeout(300)  # an onerror handler would have run by now
    assert page.evaluate("window.__hcXss") is None
    assert page.locator(".hc-status img, .hc-status script, .hc-banner img, .hc-banner script").count() == 0
    hrefs = page.locator(".hc-status a, .hc-banner a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs and not [h for h in hrefs if not h.startswith(("https://", "http://"))]


# -- the banner on every page the site has; hidden in print ----------------------------------------------


SWEDISH_BANNER = ("Störning Webmail and email delivery are down — Kritisk påverkan", "Dölj")
ENGLISH_BANNER = ("Incident Webmail and email delivery are down — Critical impact", "Dismiss")


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("", SWEDISH_BANNER),  # the language chooser, in the default locale
        ("404.html", SWEDISH_BANNER),
        ("sv/404.html", SWEDISH_BANNER),
        ("en/404.html", ENGLISH_BANNER),
        ("translations/", SWEDISH_BANNER),
        ("sv/nowhere/", SWEDISH_BANNER),  # served with the locale's 404 page
    ],
)
def test_banner_on_every_page_the_site_has(new_page, sites, feed, path, words):
    feed.scenario = "major_outage"
    page = new_page()
    # "/" sends the reader on to their language; a 204 answer keeps the browser on "/" itself.
    page.route(re.compile(r".*/(sv|en)/$"), lambda route: route.fulfill(status=204))
    page.goto(sites().url + path, wait_until="commit")
    banner = page.locator(".hc-banner")
    expect(banner).to_be_visible()
    expect(banner.locator(".md-banner__inner")).to_have_text([re.compile(re.escape(words[0]))])
    assert page.url == sites().url + path
    assert page.locator("[role=status]").count() == 1  # one polite status region
    banner.get_by_role("button", name=f"{words[1]}: Webmail and email delivery are down").click()
    expect(banner).to_be_hidden()
    # The server answers 404 for the missing page itself; nothing else may fail.
    assert [e for e in page.errors if "404" not in e] == [], page.errors


def test_widget_and_banner_are_hidden_in_print(new_page, sites, feed):
    feed.scenario = "major_outage"
    page = new_page()
    page.goto(sites().url + GUIDE_SV)
    expect(page.locator(".hc-banner")).to_be_visible()
    expect(widget(page)).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".hc-banner")).to_be_hidden()
    expect(widget(page)).to_be_hidden()
    expect(page.locator(".hc-step").first).to_be_visible()
