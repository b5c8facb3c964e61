"""Guides a reader works through: ticks that persist, progress, "did this solve it?", events.

Every test drives the system Chromium against the example help center, built with
``site_url`` set to the test server so that Material's instant navigation (which
matches links against the sitemap by host and port) is live, as in production.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe
from babel.lists import format_list
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect
from tests.browser.conftest import stay_offline

from conftest import build_project, copy_example

GUIDE = {"sv": "sv/e-post/jag-kan-inte-logga-in-pa-webbmail/", "en": "en/email/cannot-log-in-to-webmail/"}
KEY = "helpcenter:guide:webmail-login"
SV_SOURCE = Path("content/sv/e-post/jag-kan-inte-logga-in-pa-webbmail.md")


class Site:
    """A built site and the 127.0.0.1 server that serves it."""

    def __init__(self, root: Path, url: str) -> None:
        self.root = root
        self.url = url

    def guide(self, locale: str = "sv") -> str:
        return self.url + GUIDE[locale]


def build_served(project: Path, serve, headers: dict[str, str] | None = None) -> Site:
    """Build ``project`` for the server that will serve it (instant navigation needs that)."""
    site_dir = project / "site"
    site_dir.mkdir(parents=True, exist_ok=True)
    server = serve(site_dir, headers)
    build_project(project / "mkdocs.yml", site_dir, site_url=server.url)
    return Site(site_dir, server.url)


@pytest.fixture(scope="module")
def site(tmp_path_factory, serve) -> Site:
    return build_served(copy_example(tmp_path_factory.mktemp("checklist")), serve)


def step(page: Page, number: int):
    return page.locator(".hc-step").nth(number - 1)


def top_progress(page: Page) -> str:
    return page.locator(".hc-progress__text").inner_text()


def stored(page: Page) -> dict | None:
    text = page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")
    return json.loads(text) if text else None


def tick_step(page: Page, number: int) -> None:
    for box in step(page, number).locator(".hc-check__input").all():
        box.check()


# -- persistence ------------------------------------------------------------------------------------


def test_a_tick_survives_a_reload_and_a_new_tab(new_page, site):
    page = new_page()
    page.goto(site.guide())
    box = page.get_by_label("Kontrollera att Caps Lock inte är aktiverat.")
    expect(box).not_to_be_checked()
    box.check()
    page.reload()
    expect(page.get_by_label("Kontrollera att Caps Lock inte är aktiverat.")).to_be_checked()
    other = new_page(context=page.context)
    other.goto(site.guide())
    expect(other.get_by_label("Kontrollera att Caps Lock inte är aktiverat.")).to_be_checked()
    expect(other.get_by_label("Kontrollera att du skriver in rätt e-postadress och lösenord.")).not_to_be_checked()
    assert page.errors == [] and other.errors == []


def test_the_whole_label_toggles_its_check(new_page, site):
    page = new_page()
    page.goto(site.guide())
    label = page.locator(".hc-check__text", has_text="Klicka på Spara.")
    label.click()
    expect(page.get_by_label("Klicka på Spara.")).to_be_checked()
    size = page.locator(".hc-check__label", has_text="Klicka på Spara.").bounding_box()
    assert size is not None and size["height"] >= 44


def test_two_open_tabs_stay_in_sync(new_page, site):
    first = new_page()
    first.goto(site.guide())
    second = new_page(context=first.context)
    second.goto(site.guide("en"))
    first.locator("#step-1").scroll_into_view_if_needed()
    step(first, 1).get_by_label("Klart").check()
    expect(step(second, 1).get_by_label("Done")).to_be_checked()
    expect(second.locator(".hc-progress__text")).to_have_text("1 step of 4 done")
    step(second, 1).get_by_label("Done").uncheck()
    expect(step(first, 1).get_by_label("Klart")).not_to_be_checked()
    expect(first.locator(".hc-progress__text")).to_have_text("0 av 4 steg klara")
    assert first.errors == [] and second.errors == []


# -- progress ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "texts", "done"),
    [
        ("sv", ["0 av 4 steg klara", "1 av 4 steg klart", "2 av 4 steg klara", "4 av 4 steg klara"], "Klart"),
        ("en", ["0 steps of 4 done", "1 step of 4 done", "2 steps of 4 done", "4 steps of 4 done"], "Done"),
    ],
)
def test_progress_counts_finished_steps_in_the_readers_language(new_page, site, locale, texts, done):
    page = new_page()
    page.goto(site.guide(locale))
    live = page.locator("[role=status]")
    assert live.count() == 1
    expect(page.locator(".hc-progress__text")).to_have_text(texts[0])
    # One progress indicator: at the top, none under the steps.
    expect(page.locator(".hc-progress")).to_have_count(1)
    expect(page.locator(".hc-overview + .hc-progress")).to_have_count(1)
    expect(page.locator(".hc-note")).to_be_visible()  # storage keeps the ticks here, and says so

    step(page, 2).locator(".hc-check__input").first.check()
    expect(page.locator(".hc-progress__text")).to_have_text(texts[0])
    assert live.inner_text() == "", "a tick that finishes no step is not announced"

    tick_step(page, 2)
    expect(page.locator(".hc-progress__text")).to_have_text(texts[1])
    expect(live).to_contain_text(texts[1])
    expect(live).to_contain_text("2")
    overview = page.locator(".hc-overview__item")
    expect(overview.nth(1)).to_contain_text(done)
    expect(overview.nth(0)).not_to_contain_text(done)
    expect(step(page, 2).locator(".hc-step__title")).to_contain_text(done)

    tick_step(page, 1)
    expect(page.locator(".hc-progress__text")).to_have_text(texts[2])
    tick_step(page, 3)
    tick_step(page, 4)
    expect(page.locator(".hc-progress__text")).to_have_text(texts[3])
    assert page.locator(".hc-progress progress").evaluate("e => e.value / e.max") == 1
    assert page.errors == []


def test_switching_language_keeps_progress(new_page, site):
    page = new_page()
    page.goto(site.guide("sv"))
    tick_step(page, 2)
    page.get_by_label("Logga in på Kontrollpanelen.").check()
    page.locator(".md-header [hreflang=en]").first.dispatch_event("click")
    page.wait_for_url(re.compile(re.escape(GUIDE["en"]) + "(#step-[0-9])?$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_label("Check that Caps Lock is not turned on.")).to_be_checked()
    expect(page.get_by_label("Log in to the Control Panel.")).to_be_checked()
    expect(page.get_by_label("Click the Email panel in the Control Panel.")).not_to_be_checked()
    expect(page.locator(".hc-progress__text")).to_have_text("1 step of 4 done")
    assert page.errors == []


def test_switching_language_inside_a_step_lands_on_that_step(new_page, site):
    page = new_page()
    page.goto(site.guide("sv"))
    page.wait_for_load_state("networkidle")  # the theme's instant navigation is live
    page.locator("#step-3").evaluate("e => e.scrollIntoView()")
    page.mouse.wheel(0, 150)  # reading inside step 3, the URL names no step
    assert "#" not in page.url
    page.locator(".md-header [hreflang=en]").first.dispatch_event("click")
    page.wait_for_url("**/" + GUIDE["en"] + "#step-3")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#step-3")).to_be_in_viewport()
    expect(step(page, 3).locator(".hc-step__title")).to_contain_text("Step 3")
    # Above the first step, the switch goes to the top of the page.
    page.evaluate("window.scrollTo(0, 0)")
    page.locator(".md-header [hreflang=sv]").first.dispatch_event("click")
    page.wait_for_url(re.compile(re.escape(GUIDE["sv"]) + "$"))
    assert page.errors == []


# -- "Did this solve your problem?" -------------------------------------------------------------------


def test_yes_shows_success_marks_the_rest_not_needed_and_is_remembered(new_page, site):
    page = new_page()
    page.goto(site.guide())
    tick_step(page, 1)
    step(page, 2).get_by_role("button", name="Ja").click()
    panel = page.locator(".hc-panel--solved")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Vad bra att problemet är löst!")
    expect(panel).to_be_focused()
    expect(step(page, 2).get_by_role("button", name="Ja")).to_have_attribute("aria-pressed", "true")
    for number in (3, 4):
        expect(step(page, number).locator(".hc-step__title")).to_contain_text("Behövs inte")
        expect(page.locator(".hc-overview__item").nth(number - 1)).to_contain_text("Behövs inte")
    expect(page.locator(".hc-overview__item").nth(0)).to_contain_text("Klart")
    page.reload()
    expect(page.locator(".hc-panel--solved")).to_be_visible()
    expect(step(page, 4).locator(".hc-step__title")).to_contain_text("Behövs inte")
    assert page.errors == []


BORDERS = "el => { const s = getComputedStyle(el); return {left: s.borderLeftWidth, right: s.borderRightWidth}; }"


@pytest.mark.parametrize(
    ("server", "path", "start"), [("site", GUIDE["sv"], "left"), ("rtl_site", "ar/email/login/", "right")]
)
def test_the_answer_panel_is_marked_where_lines_start(new_page, request, server, path, start):
    """The answer panel's accent bar is on the side where the reader's lines start: the left in
    Swedish, the right in Arabic."""
    page = new_page()
    page.goto(request.getfixturevalue(server).url + path)
    step(page, 1).locator(".hc-yes").click()
    panel = page.locator(".hc-panel--solved")
    expect(panel).to_be_visible()
    widths = {side: float(width.removesuffix("px")) for side, width in panel.evaluate(BORDERS).items()}
    end = "right" if start == "left" else "left"
    assert widths[start] > widths[end], widths


def test_no_on_the_last_step_offers_support_with_the_steps_tried(new_page, site):
    page = new_page()
    page.goto(site.guide())
    step(page, 1).get_by_role("button", name="Nej").click()
    expect(page.locator("#step-2")).to_be_focused()
    page.get_by_label("Kontrollera att Caps Lock inte är aktiverat.").check()
    step(page, 4).get_by_role("button", name="Nej").click()
    cta = page.locator(".hc-panel--stuck")
    expect(cta).to_be_visible()
    expect(cta).to_be_focused()
    expect(cta.locator("li")).to_have_text(
        [
            "Steg 1 - Besök vår statussida",
            "Steg 2 - Kontrollera dina inloggningsuppgifter och vilken sida du är på",
            "Steg 4 - Återställ lösenordet",
        ]
    )
    link = cta.get_by_role("link", name="Kontakta supporten")
    expect(link).to_have_attribute("href", "https://www.example.com/support/chat")
    page.mouse.move(0, 0)
    page.wait_for_function("document.getAnimations().length === 0")
    assert contrast(link) >= 4.5
    expect(page.locator(".hc-panel--solved")).to_be_hidden()
    assert page.errors == []


def encode(text: str) -> str:
    """As JavaScript's encodeURIComponent (ECMA-262 names the characters it leaves)."""
    return quote(text, safe="-_.!~*'()")


SUPPORT_TEMPLATE = "https://www.example.com/support/new?article={article}&subject={title}&lang={locale}&tried={tried}"


@pytest.mark.parametrize(
    ("locale", "no", "tried"),
    [
        ("sv", "Nej", ["Steg 1 - Besök vår statussida", "Steg 4 - Återställ lösenordet"]),
        ("en", "No", ["Step 1 - Visit our status page", "Step 4 - Reset the password"]),
    ],
)
def test_support_opens_prefilled_with_what_the_reader_tried(new_page, tmp_path, serve, locale, no, tried):
    project = copy_example(tmp_path)
    settings = project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    assert "        url: https://www.example.com/support/chat\n" in text
    settings.write_text(
        text.replace("https://www.example.com/support/chat", f'"{SUPPORT_TEMPLATE}"', 1), encoding="utf-8"
    )
    built = build_served(project, serve)
    page = new_page(locale="sv-SE" if locale == "sv" else "en-US")
    page.context.add_init_script(
        "window.__contact = [];"
        "document.addEventListener('helpcenter:contact', e => __contact.push({bubbles: e.bubbles, ...e.detail}));"
        "document.addEventListener('click', e => { if (e.target.closest('.hc-panel--stuck a')) e.preventDefault(); });"
    )
    page.goto(built.guide(locale))
    tick_step(page, 1)
    step(page, 4).get_by_role("button", name=no).click()
    link = page.locator(".hc-panel--stuck a")
    title = page.locator("h1").inner_text()
    tried_text = format_list(tried, locale=locale)  # the reader's language's list, as CLDR says it
    expected = SUPPORT_TEMPLATE.format(
        article="webmail-login", title=encode(title), locale=locale, tried=encode(tried_text)
    )
    expect(link).to_have_attribute("href", expected)
    link.click()
    assert page.evaluate("window.__contact") == [
        {
            "bubbles": True,
            "article": "webmail-login",
            "title": title,
            "locale": locale,
            "url": built.url + GUIDE[locale],
            "tried": tried_text,
        }
    ]
    assert page.errors == []


PLAIN = {"sv": "sv/e-post/introduktion-till-e-post/", "en": "en/email/introduction-to-email/"}
RECORD_HELPFUL = """
window.__events = [];
for (const name of ["helpful", "not-helpful", "contact"]) {
  document.addEventListener("helpcenter:" + name, (e) =>
    __events.push({type: e.type, bubbles: e.bubbles, ...e.detail}));
}
document.addEventListener("click", (e) => { if (e.target.closest(".hc-helpful a")) e.preventDefault(); });
"""


def test_a_plain_article_asks_whether_it_helped(new_page, browser, tmp_path, serve):
    project = copy_example(tmp_path)
    settings = project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        text.replace("      support:\n", "      feedback:\n        endpoint: feedback/collect\n      support:\n"),
        encoding="utf-8",
    )
    built = build_served(project, serve)
    beacons: list[dict] = []

    def collect(route):
        beacons.append(json.loads(route.request.post_data or "null"))
        route.fulfill(status=204, body="")

    page = new_page()
    page.context.route(built.url + "feedback/collect", collect)
    page.context.add_init_script(RECORD_HELPFUL)
    page.goto(built.url + PLAIN["sv"])
    question = page.get_by_role("group", name="Var artikeln till hjälp?")
    expect(question).to_be_visible()
    expect(page.locator(".hc-helpful")).to_have_count(1)
    expect(page.locator(".hc-progress, .hc-step")).to_have_count(0)
    contact = page.locator(".hc-helpful").get_by_role("link", name="Kontakta supporten")
    expect(contact).to_be_hidden()

    question.get_by_role("button", name="Ja").click()
    expect(question.get_by_role("button", name="Ja")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[role=status]")).to_have_text("Tack för ditt svar!")
    expect(page.locator("[role=status]")).to_have_count(1)
    expect(contact).to_be_hidden()
    question.get_by_role("button", name="Nej").click()
    expect(question.get_by_role("button", name="Nej")).to_have_attribute("aria-pressed", "true")
    expect(question.get_by_role("button", name="Ja")).to_have_attribute("aria-pressed", "false")
    expect(contact).to_be_visible()  # No offers the contact option
    contact.click()

    article = {
        "article": "email-intro",
        "locale": "sv",
        "title": "Introduktion till e-post",
        "url": built.url + PLAIN["sv"],
        "bubbles": True,
    }
    events = page.evaluate("window.__events")
    assert events == [
        {"type": "helpcenter:helpful", **article},
        {"type": "helpcenter:not-helpful", **article},
        {"type": "helpcenter:contact", **article, "tried": ""},
    ]
    page.wait_for_timeout(200)
    sent = [{k: v for k, v in e.items() if k != "bubbles"} for e in events]
    assert beacons == [{"event": e.pop("type"), **e} for e in sent]
    assert page.evaluate("localStorage.getItem('helpcenter:helpful:email-intro')") == "no"

    # Remembered per article, in every locale of it; another article has its own answer.
    page.goto(built.url + PLAIN["en"])
    expect(page.get_by_role("button", name="No")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".hc-helpful").get_by_role("link", name="Contact support")).to_be_visible()
    page.goto(built.url + "sv/e-post/lagringsutrymme-for-e-post/")
    expect(page.get_by_role("button", name="Nej")).to_have_attribute("aria-pressed", "false")
    expect(page.get_by_role("button", name="Ja")).to_have_attribute("aria-pressed", "false")
    assert page.errors == []


def test_a_plain_article_without_javascript_has_nothing_to_press(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + PLAIN["sv"])
    expect(page.locator(".hc-helpful")).to_have_count(1)
    # The build writes the question hidden; only the script shows it.
    expect(page.locator(".hc-helpful")).to_be_hidden()
    expect(page.locator(".hc-helpful *:visible")).to_have_count(0)
    expect(page.locator("article button:visible")).to_have_count(0)
    expect(page.locator("article").get_by_role("button")).to_have_count(0)
    expect(page.locator("article").get_by_role("group")).to_have_count(0)
    expect(page.locator("article")).not_to_contain_text("Var artikeln till hjälp?", use_inner_text=True)
    context.close()


def test_start_over_clears_the_articles_state(new_page, site):
    page = new_page()
    page.goto(site.guide())
    page.evaluate("localStorage.setItem('helpcenter:guide:another-article', '{\"v\":1,\"c\":{}}')")
    tick_step(page, 1)
    tick_step(page, 2)
    step(page, 2).get_by_role("button", name="Ja").click()
    page.get_by_role("button", name="Börja om").click()
    expect(page.locator(".hc-check__input:checked")).to_have_count(0)
    expect(page.locator(".hc-panel--solved")).to_be_hidden()
    expect(page.locator(".hc-progress__text")).to_have_text("0 av 4 steg klara")
    expect(page.locator("[role=status]")).to_have_text(
        "Dina markeringar har tagits bort. Välj Ångra för att få tillbaka dem."
    )
    assert stored(page) is None
    assert page.evaluate("localStorage.getItem('helpcenter:guide:another-article')") is not None
    page.reload()
    expect(page.locator(".hc-check__input:checked")).to_have_count(0)
    expect(page.locator(".hc-step__title .hc-state:not(:empty)")).to_have_count(0)
    assert page.errors == []


def test_start_over_comes_after_the_steps_and_can_be_undone(new_page, site):
    page = new_page()
    page.clock.install()
    page.goto(site.guide())
    controls = page.locator(".hc-guide button, .hc-guide input")
    expect(controls.first).not_to_have_text("Börja om")
    reset = page.get_by_role("button", name="Börja om")
    assert reset.evaluate("b => !!(document.querySelector('.hc-steps').compareDocumentPosition(b) & 4)")
    tick_step(page, 1)
    page.get_by_label("Logga in på Kontrollpanelen.").check()
    step(page, 2).get_by_role("button", name="Nej").click()
    before = stored(page)
    reset.click()
    reset.click()  # twice: Undo still has what the first click cleared
    expect(page.locator(".hc-check__input:checked")).to_have_count(0)
    expect(page.locator("[role=status]")).to_contain_text("Ångra")
    undo = page.get_by_role("button", name="Ångra")
    page.clock.run_for(10_000)
    expect(undo).to_be_visible()  # offered for at least 10 seconds
    undo.click()
    expect(step(page, 1).locator(".hc-check__input")).to_be_checked()
    expect(page.get_by_label("Logga in på Kontrollpanelen.")).to_be_checked()
    expect(page.locator(".hc-progress__text")).to_have_text("1 av 4 steg klart")
    expect(page.locator("[role=status]")).to_have_text("Dina markeringar är tillbaka.")
    assert stored(page) == before
    expect(undo).to_be_hidden()
    expect(reset).to_be_focused()
    page.reload()
    expect(page.get_by_label("Logga in på Kontrollpanelen.")).to_be_checked()
    # Not undone: the offer ends, and focus is not lost with it.
    page.get_by_role("button", name="Börja om").click()
    page.get_by_role("button", name="Ångra").focus()
    page.clock.run_for(30_000)
    expect(page.get_by_role("button", name="Ångra")).to_be_hidden()
    expect(page.get_by_role("button", name="Börja om")).to_be_focused()
    assert stored(page) is None
    assert page.errors == []


def test_the_count_stays_in_view_on_a_phone(new_page, site):
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(site.guide())
    step(page, 3).locator(".hc-check__input").first.scroll_into_view_if_needed()
    page.evaluate("document.querySelector('#step-3').scrollIntoView()")
    count = page.locator(".hc-progress")
    expect(count).to_be_in_viewport()
    header = page.locator(".md-header").bounding_box()
    box = count.bounding_box()
    assert box is not None and header is not None
    assert box["y"] >= header["y"] + header["height"] - 1, "below the theme's header, not under it"
    title = page.locator("#step-3").bounding_box()
    assert title is not None and title["y"] >= box["y"] + box["height"] - 1, "the step's heading is not covered"
    # Past the guide, it goes with it: it never leaves the guide's box.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    guide, box = page.locator(".hc-guide").bounding_box(), count.bounding_box()
    assert guide is not None and box is not None
    assert box["y"] + box["height"] <= guide["y"] + guide["height"] + 1
    # Each step heading says its state with an icon (an SVG mask, not a character).
    tick_step(page, 1)
    state = step(page, 1).locator(".hc-step__title .hc-state")
    expect(state).to_have_text("Klart")
    icon = state.evaluate("e => getComputedStyle(e, '::before').maskImage")
    assert icon.endswith('check.svg")'), icon
    served = page.request.get(icon[5:-2])
    assert served.ok and served.headers["content-type"] == "image/svg+xml"


def contrast(element) -> float:
    """WCAG contrast of an element's text against its own background colour."""
    colours = element.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")

    def luminance(css: str) -> float:
        channels = [int(v) / 255 for v in re.findall(r"\d+", css)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(c) for c in colours), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def focus_by_tab(page: Page, target, limit: int = 60) -> None:
    """Press Tab until ``target`` has focus (keyboard only, as a reader would)."""
    for _ in range(limit):
        if target.evaluate("e => e === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target}")


def test_keyboard_only_walk_through_to_solved(new_page, site):
    page = new_page()
    page.goto(site.guide())
    first = step(page, 1).get_by_label("Klart")
    focus_by_tab(page, first)
    outline = first.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none", "focus is visible"
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    no = step(page, 1).get_by_role("button", name="Nej")
    focus_by_tab(page, no)
    page.keyboard.press("Enter")
    expect(page.locator("#step-2")).to_be_focused()
    boxes = step(page, 2).locator(".hc-check__input")
    for index in range(3):
        focus_by_tab(page, boxes.nth(index))
        page.keyboard.press("Space")
    expect(page.locator("[role=status]")).to_have_text("Steg 2 är klart. 2 av 4 steg klara")
    yes = step(page, 2).get_by_role("button", name="Ja")
    focus_by_tab(page, yes)
    page.keyboard.press("Enter")
    expect(page.locator(".hc-panel--solved")).to_be_focused()
    expect(page.locator(".hc-panel--solved")).to_contain_text("Vad bra att problemet är löst!")
    assert page.errors == []


FOCUSED = """() => {
  const e = document.activeElement;
  const box = e.getBoundingClientRect();
  const style = getComputedStyle(e);
  return {
    name: e.getAttribute("aria-label") || e.textContent.trim().slice(0, 40) || e.className,
    skip: e.matches(".md-skip"),
    content: !!e.closest(".md-content"),
    shown: e.checkVisibility({opacityProperty: true, visibilityProperty: true}) && box.width > 0 && box.height > 0,
    inView: box.bottom > 0 && box.top < innerHeight,
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
  };
}"""


@pytest.mark.parametrize(
    "viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 720}], ids=["phone", "desktop"]
)
def test_the_first_check_is_a_short_keyboard_path_from_the_top(new_page, site, viewport):
    """On a phone the theme's navigation is a closed menu: none of its links is a tab stop until it opens."""
    page = new_page(viewport=viewport)
    page.goto(site.guide())
    page.wait_for_load_state("networkidle")
    first = step(page, 1).locator(".hc-check__input").first
    stops = []
    while not first.evaluate("e => e === document.activeElement"):
        assert len(stops) < 30, stops
        page.keyboard.press("Tab")
        page.wait_for_function("document.getAnimations().length === 0")  # e.g. the skip link sliding in
        stops.append(page.evaluate(FOCUSED))
    counted = [stop for stop in stops if not stop["skip"]]
    assert len(counted) <= 15, [stop["name"] for stop in counted]
    hidden = [stop["name"] for stop in stops if not (stop["shown"] and stop["inView"])]
    assert hidden == [], "nothing hidden is a tab stop"
    unmarked = [stop["name"] for stop in stops if stop["content"] and not stop["outline"]]
    assert unmarked == [], "focus stays visible"
    assert page.errors == []


def test_a_guide_keeps_the_navigation_in_the_phone_menu(new_page, site):
    """The guide hides the theme's sidebars (its overview is its table of contents); the menu keeps them."""
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(site.guide())
    page.locator("label.md-header__button[for=__drawer]").click()
    expect(page.locator(".md-nav--primary").get_by_role("link", name="Domäner").first).to_be_visible()


# -- events --------------------------------------------------------------------------------------------

RECORD_EVENTS = """
window.__events = [];
for (const name of ["check", "step-complete", "solved", "not-solved"]) {
  document.addEventListener("helpcenter:" + name, (e) => window.__events.push({type: e.type, ...e.detail}));
}
"""


def test_events_and_feedback_beacons(new_page, browser, tmp_path, serve):
    project = copy_example(tmp_path)
    settings = project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    assert "      support:\n" in text
    settings.write_text(
        text.replace("      support:\n", "      feedback:\n        endpoint: feedback/collect\n      support:\n"),
        encoding="utf-8",
    )
    built = build_served(project, serve)
    context = browser.new_context(locale="sv-SE")
    stay_offline(context)
    beacons: list[dict] = []

    def collect(route):
        beacons.append(json.loads(route.request.post_data or "null"))
        route.fulfill(status=204, body="")

    context.route(built.url + "feedback/collect", collect)
    context.add_init_script(RECORD_EVENTS)
    page = new_page(context=context)
    page.goto(built.guide())
    tick_step(page, 1)
    step(page, 1).get_by_role("button", name="Nej").click()
    step(page, 2).get_by_role("button", name="Ja").click()
    events = page.evaluate("window.__events")
    common = {"article": "webmail-login", "locale": "sv"}
    assert events == [
        {"type": "helpcenter:check", **common, "step": "step-1", "item": "done", "checked": True},
        {"type": "helpcenter:step-complete", **common, "step": "step-1"},
        {"type": "helpcenter:not-solved", **common, "step": "step-1"},
        {"type": "helpcenter:solved", **common, "step": "step-2"},
    ]
    expect_beacons = [{"event": e.pop("type"), **e} for e in events]
    page.wait_for_timeout(200)
    assert beacons == expect_beacons
    assert page.errors == []
    context.close()


# -- robustness ---------------------------------------------------------------------------------------

THROWING_STORAGE = """
for (const name of ["getItem", "setItem", "removeItem", "clear", "key"]) {
  Storage.prototype[name] = function () {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  };
}
"""
NO_STORAGE = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("Access is denied for this document.", "SecurityError"); },
});
"""


@pytest.mark.parametrize("script", [THROWING_STORAGE, NO_STORAGE], ids=["throwing", "disabled"])
def test_storage_that_throws_leaves_a_working_checklist(new_page, site, script):
    page = new_page()
    page.context.add_init_script(script)
    page.goto(site.guide())
    tick_step(page, 1)
    expect(page.locator(".hc-progress__text")).to_have_text("1 av 4 steg klart")
    expect(page.locator(".hc-note")).to_be_hidden()  # nothing claims ticks are saved
    expect(page.locator(".hc-end")).not_to_contain_text("sparas i den här webbläsaren", use_inner_text=True)
    step(page, 2).get_by_role("button", name="Ja").click()
    expect(page.locator(".hc-panel--solved")).to_be_visible()
    page.get_by_role("button", name="Börja om").click()
    expect(page.locator(".hc-check__input:checked")).to_have_count(0)
    assert page.errors == []


def test_the_guide_page_raises_no_error_when_storage_throws(new_page, site):
    """Every script of a guide page (the checklist, the status widget) copes with throwing storage."""
    page = new_page()
    page.context.add_init_script(
        THROWING_STORAGE.replace(
            "function () {", "function () {\n    (window.__callers ||= []).push(new Error().stack);"
        )
    )
    page.goto(site.guide())
    tick_step(page, 1)
    expect(page.locator(".hc-progress__text")).to_have_text("1 av 4 steg klart")
    stacks = page.evaluate("window.__callers || []")
    callers = {m.group(1) for stack in stacks if (m := re.search(r"/([\w.-]+\.js):\d+", stack))}
    assert page.errors == [], f"storage used by: {sorted(callers)}"


STORED_JUNK = {
    "broken": "{not json",
    "null": "null",
    "number": "42",
    "string": '"text"',
    "array": "[1, 2, 3]",
    "foreign": '{"step-1/done": true}',
    "old-format": '{"v": 0, "checked": ["step-1/done"]}',
    "bad-fields": '{"v": 1, "c": null, "s": 5, "t": "step-1"}',
    "bad-values": '{"v": 1, "c": {"step-1/done": 7, "__proto__": {"x": 1}}, "s": {}, "t": [null, 3]}',
}


def test_corrupted_foreign_or_old_state_is_ignored(new_page, site):
    page = new_page()
    page.goto(site.guide())
    for name, value in STORED_JUNK.items():
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, value])
        page.reload()
        expect(page.locator(".hc-progress__text"), name).to_have_text("0 av 4 steg klara")
        expect(page.locator(".hc-check__input:checked"), name).to_have_count(0)
        step(page, 1).get_by_label("Klart").check()
        expect(page.locator(".hc-progress__text"), name).to_have_text("1 av 4 steg klart")
        state = stored(page)
        assert state is not None and state["v"] == 1 and list(state["c"]) == ["step-1/done"], name
        assert page.errors == [], name


def rebuild(project: Path, built: Site, edit: Callable[[str], str]) -> None:
    """An editor changes the Swedish source of the seed guide; the site is built again."""
    source = project / SV_SOURCE
    source.write_text(edit(source.read_text(encoding="utf-8")), encoding="utf-8")
    build_project(project / "mkdocs.yml", built.root, site_url=built.url)


def reorder(text: str) -> str:
    """Swap steps 2 and 3 (their anchors are step-2 and step-3, by position)."""
    head, rest = text.split("## Kontrollera dina inloggningsuppgifter", 1)
    login, rest = rest.split("## Kontrollera att ditt konto", 1)
    account, tail = rest.split("## Återställ lösenordet", 1)
    return (
        f"{head}## Kontrollera att ditt konto{account}"
        f"## Kontrollera dina inloggningsuppgifter{login}## Återställ lösenordet{tail}"
    )


def test_source_edits_reset_only_what_changed(new_page, tmp_path, serve):
    project = copy_example(tmp_path)
    built = build_served(project, serve)
    page = new_page()
    page.goto(built.guide())
    for number in (1, 3, 4):
        tick_step(page, number)
    page.get_by_label("Kontrollera att Caps Lock inte är aktiverat.").check()
    before = stored(page)
    assert before is not None and len(before["c"]) == 10

    # One item rewritten, one removed: only they lose their ticks.
    def edit(text: str) -> str:
        edited = text.replace("- [ ] Klicka på E-post-panelen i kontrollpanelen.", "- [ ] Öppna E-post i menyn.")
        return edited.replace("- [ ] Vänta fem minuter och prova sedan att logga in igen.\n", "")

    rebuild(project, built, edit)
    page.reload()
    expect(page.get_by_label("Öppna E-post i menyn.")).not_to_be_checked()
    for label in ("Klart", "Logga in på Kontrollpanelen.", "Kontrollera att kontot är Aktivt", "Klicka på Spara."):
        expect(page.get_by_label(label)).to_be_checked()
    expect(page.locator(".hc-check__input")).to_have_count(11)
    expect(page.locator(".hc-progress__text")).to_have_text("2 av 4 steg klara")
    # Reading the page changed nothing stored: the old ticks count for nothing, and a reader's
    # next tick writes only this page's checks.
    assert stored(page) == before
    page.get_by_label("Öppna E-post i menyn.").check()
    page.get_by_label("Öppna E-post i menyn.").uncheck()
    after = stored(page)
    assert after is not None
    assert set(after["c"]) == set(before["c"]) - {"step-3/c2"}, "a rewritten item's own tick goes"
    assert after["c"]["step-4/c4"] == before["c"]["step-4/c4"], "a check this page lacks is kept"

    # Steps reordered: every tick stays with its item, none lands on another.
    rebuild(project, built, reorder)
    page.reload()
    expect(step(page, 2).locator(".hc-step__title")).to_contain_text("Kontrollera att ditt konto")
    expect(page.locator(".hc-check__input:checked")).to_have_count(8)
    for label in ("Logga in på Kontrollpanelen.", "Kontrollera att Caps Lock inte är aktiverat."):
        expect(page.get_by_label(label)).to_be_checked()
    for label in ("Öppna E-post i menyn.", "Kontrollera att du skriver in rätt e-postadress och lösenord."):
        expect(page.get_by_label(label)).not_to_be_checked()
    assert page.errors == []


def test_a_translation_with_fewer_checks_keeps_the_others_ticks(new_page, tmp_path, serve):
    """The Swedish step 2 gets a fourth check; its English translation (now outdated) has three.
    Ticks made in Swedish survive a visit to the English page, and ticks made there."""
    project = copy_example(tmp_path)
    extra = "- [ ] Kontrollera att du använder en uppdaterad webbläsare.\n"
    caps = "- [ ] Kontrollera att Caps Lock inte är aktiverat.\n"
    source = project / SV_SOURCE
    source.write_text(source.read_text(encoding="utf-8").replace(caps, caps + extra), encoding="utf-8")
    built = build_served(project, serve)
    page = new_page()
    page.goto(built.guide("sv"))
    tick_step(page, 2)
    expect(step(page, 2).locator(".hc-check__input:checked")).to_have_count(4)

    page.goto(built.guide("en"))
    expect(step(page, 2).locator(".hc-check__input")).to_have_count(3)
    expect(step(page, 2).locator(".hc-check__input:checked")).to_have_count(3)
    step(page, 1).get_by_label("Done").check()
    page.get_by_label("Check that Caps Lock is not turned on.").uncheck()
    page.get_by_label("Check that Caps Lock is not turned on.").check()

    page.goto(built.guide("sv"))
    expect(step(page, 2).locator(".hc-check__input:checked")).to_have_count(4)
    expect(page.get_by_label("Kontrollera att du använder en uppdaterad webbläsare.")).to_be_checked()
    expect(step(page, 1).get_by_label("Klart")).to_be_checked()
    expect(page.locator(".hc-progress__text")).to_have_text("2 av 4 steg klara")
    assert page.errors == []


def test_a_tick_never_lands_on_an_item_with_other_text(new_page, site):
    """Stored ticks whose fingerprints match no item (a translation whose steps were reordered,
    an edited item) tick nothing; a tick whose text is elsewhere on the page goes there."""
    page = new_page()
    page.goto(site.guide())
    boxes = step(page, 2).locator(".hc-check__input")
    first, second = (boxes.nth(n).get_attribute("data-hc-fp") for n in (0, 1))
    record = {"v": 1, "c": {"step-2/c1": second, "step-2/c3": "0123456789", "step-3/c1": first}, "s": "", "t": []}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(record)])
    page.reload()
    # step-2/c1 holds the second item's fingerprint: the tick goes to the second item, and the
    # first item takes back its own tick from step-3/c1, where its text is not.
    expect(boxes.nth(0)).to_be_checked()
    expect(boxes.nth(1)).to_be_checked()
    expect(boxes.nth(2)).not_to_be_checked()
    expect(step(page, 3).locator(".hc-check__input").first).not_to_be_checked()
    assert stored(page) == record, "reading the page writes nothing"
    assert page.errors == []


def instant_navigation(page: Page, site: Site) -> None:
    """Open the Swedish home, then follow links to the seed guide without reloading."""
    page.goto(site.url + "sv/")
    page.wait_for_load_state("networkidle")  # Material reads the sitemap before it takes over links
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="Jag kan inte logga in på Webbmail").first.click()
    page.wait_for_url("**/" + GUIDE["sv"])
    expect(page.locator(".hc-progress")).to_have_count(1)


# Material's instant navigation re-creates every <script> of the new page's content as an
# executable script; a JSON data block there then fails with this (not the checklist's).
JSON_RUN_AS_SCRIPT = "Failed to execute 'replaceWith' on 'Element': Unexpected token"


def test_instant_navigation_sets_each_guide_up_exactly_once(new_page, site):
    page = new_page()
    page.context.add_init_script(RECORD_EVENTS)
    page.evaluate(RECORD_EVENTS)
    instant_navigation(page, site)

    def set_up_once() -> None:
        assert page.evaluate("window.__sameDocument") is True, "instant navigation, no reload"
        expect(page.locator(".hc-progress")).to_have_count(1)
        expect(page.locator(".hc-ask")).to_have_count(page.locator(".hc-step").count())
        expect(page.locator("[role=status]")).to_have_count(1)
        for title in page.locator(".hc-step__title").all():
            expect(title.locator(".hc-state")).to_have_count(1)

    set_up_once()
    page.evaluate("window.__events = []")
    step(page, 1).get_by_label("Klart").check()
    assert [e["type"] for e in page.evaluate("window.__events")] == [
        "helpcenter:check",
        "helpcenter:step-complete",
    ]
    page.locator(".hc-related").get_by_role("link", name="Konfigurera e-post på iPhone").click()
    page.wait_for_url("**/konfigurera-e-post-pa-iphone/")
    expect(page.locator(".hc-guide")).to_have_attribute("data-hc-article", "email-iphone")
    set_up_once()
    page.go_back()
    page.wait_for_url("**/" + GUIDE["sv"])
    expect(page.locator(".hc-guide")).to_have_attribute("data-hc-article", "webmail-login")
    set_up_once()
    expect(step(page, 1).get_by_label("Klart")).to_be_checked()
    page.evaluate("window.__events = []")
    step(page, 2).locator(".hc-check__input").first.check()
    assert len(page.evaluate("window.__events")) == 1, "one listener per guide"
    assert [e for e in page.errors if JSON_RUN_AS_SCRIPT not in e] == []


def test_instant_navigation_runs_no_data_block_as_script(new_page, site):
    """Data for scripts must not sit in <script type=...json> inside the page content:
    Material's instant navigation runs each of them as JavaScript (the checklist keeps its
    texts in an attribute for this reason)."""
    page = new_page()
    instant_navigation(page, site)
    html = BeautifulSoup((site.root / GUIDE["sv"] / "index.html").read_text(encoding="utf-8"), "html.parser")
    blocks = [str(s)[:70] for s in html.select("[data-md-component=container] script[type]")]
    assert [e for e in page.errors if JSON_RUN_AS_SCRIPT in e] == [], f"run as scripts: {blocks}"


def test_without_javascript_the_guide_is_a_plain_list(browser, site):
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    stay_offline(context)
    page = context.new_page()
    page.goto(site.guide())
    guide = page.locator(".hc-guide")
    expect(guide.locator(".hc-check__input")).to_have_count(12)
    # The build writes the script's controls hidden: none is seen, none is in the accessibility tree.
    expect(guide.locator("button:visible")).to_have_count(0)
    expect(guide.get_by_role("button")).to_have_count(0)
    expect(guide.get_by_role("group")).to_have_count(0)
    expect(
        guide.locator(".hc-progress:visible, .hc-bar, .hc-panel:visible, .hc-end:visible, [role=status]")
    ).to_have_count(0)
    expect(guide).not_to_contain_text("Löste detta problemet?", use_inner_text=True)
    expect(guide).not_to_contain_text("Börja om", use_inner_text=True)
    expect(guide.locator("script")).to_have_count(0)
    context.close()


def test_works_under_a_strict_content_security_policy(new_page, site, serve):
    """``script-src 'self'``: the checklist runs; the only blocked scripts are the theme's inline ones."""
    built = Site(site.root, serve(site.root, {"Content-Security-Policy": "script-src 'self'"}).url)
    page = new_page()
    page.context.add_init_script(
        "window.__blocked = []; document.addEventListener('securitypolicyviolation', "
        "e => window.__blocked.push(e.blockedURI))"
    )
    page.goto(built.guide())
    tick_step(page, 1)
    expect(page.locator(".hc-progress__text")).to_have_text("1 av 4 steg klart")
    step(page, 2).get_by_role("button", name="Ja").click()
    expect(page.locator(".hc-panel--solved")).to_be_visible()
    blocked = page.evaluate("window.__blocked")
    assert set(blocked) <= {"inline"}
    inline = page.locator("script:not([src]):not([type])")
    assert len(blocked) == inline.count(), "only inline scripts are blocked, and none of them are ours"
    assert page.locator(".hc-guide script").count() == 0


def test_print_shows_ticked_and_open_boxes(new_page, site):
    page = new_page()
    page.goto(site.guide())
    tick_step(page, 1)
    page.emulate_media(media="print")
    # The native boxes print as they are: no character that needs a font.
    boxes = page.locator(".hc-check__input")
    expect(boxes.first).to_be_visible()
    expect(boxes.first).to_be_checked()
    expect(boxes.nth(1)).not_to_be_checked()
    marks = page.locator(".hc-check__text").evaluate_all(
        "spans => spans.map(s => getComputedStyle(s, '::before').content)"
    )
    assert set(marks) == {"none"}
    expect(page.locator(".hc-ask").first).to_be_hidden()
    expect(page.get_by_role("button", name="Börja om")).to_be_hidden()


def violations(results, impacts: tuple[str, ...] = ()) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if not impacts or v["impact"] in impacts
    ]


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_the_guide_has_no_accessibility_violations_in_any_state(new_page, site, locale):
    page = new_page(locale="sv-SE" if locale == "sv" else "en-US")
    page.goto(site.guide(locale))
    axe = Axe()
    guide = {"include": [[".hc-guide"]]}

    def check() -> list[str]:
        page.mouse.move(0, 0)  # no hover state; colours settle before they are measured
        page.wait_for_function("document.getAnimations().length === 0")
        return violations(axe.run(page, context=guide))

    assert check() == []
    tick_step(page, 1)
    step(page, 2).locator(".hc-check__input").first.check()
    step(page, 4).get_by_role("button", name="No" if locale == "en" else "Nej").click()
    expect(page.locator(".hc-panel--stuck")).to_be_visible()
    assert check() == []
    step(page, 2).get_by_role("button", name="Yes" if locale == "en" else "Ja").click()
    expect(page.locator(".hc-panel--solved")).to_be_visible()
    assert check() == []
    page.evaluate("document.body.dataset.mdColorScheme = 'slate'")  # Material's dark palette
    assert check() == []
    assert page.errors == []


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_the_guide_page_has_no_serious_accessibility_violations(new_page, site, locale):
    page = new_page(locale="sv-SE" if locale == "sv" else "en-US")
    page.goto(site.guide(locale))
    assert violations(Axe().run(page), ("serious", "critical")) == []
