"""Guide markup: one Markdown conversion turns a guide into numbered steps, an overview and checks."""

from __future__ import annotations

import textwrap

import markdown
import pytest
from bs4 import BeautifulSoup

from helpcenter.guide import GuideContext, GuideExtension
from helpcenter.sources import fingerprint, read_article, split_front_matter

EXTENSIONS = ["attr_list", "toc", "admonition"]

GUIDE = """
---
id: webmail-login
title: I can't log in to Webmail
type: guide
---

There can be several reasons why you can't log in.

!!! tip "No address yet?"
    Read more about email.

## Visit our status page

Rule out technical problems first.

## Check your login details {#details}

- [ ] Check that you are on the Webmail login page.
- [ ] Check that Caps Lock is not turned on.

!!! note "Note"
    Your Webmail password is not your Control Panel password.

## Reset the password

- [ ] Click Save.
- [x] Wait five minutes
  and try again.

### Still stuck?

Some more text.

***

Contact our support.
"""


def identity(text: str) -> str:
    return text


def source(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def render(
    text: str,
    *,
    locale: str = "en",
    src: str | None = None,
    gettext=identity,
    extensions: list[str] | None = None,
) -> tuple[BeautifulSoup, GuideContext]:
    """Convert one guide (and optionally the source-language text it translates)."""
    path = f"{locale}/guide.md"
    article, problems = read_article(path, locale, f"{locale}/guide/", source(text))
    assert problems == []
    assert article is not None
    original = article
    if src is not None:
        original, problems = read_article("sv/guide.md", "sv", "sv/guide/", source(src))
        assert problems == []
        assert original is not None
    extension = GuideExtension()
    converter = markdown.Markdown(extensions=[extension, *(extensions or EXTENSIONS)])
    context = GuideContext(article, original, gettext)
    extension.current = context
    _front, body, _line = split_front_matter(source(text))
    html = converter.convert(body)
    return BeautifulSoup(html, "html.parser"), context


@pytest.fixture(scope="module")
def page() -> BeautifulSoup:
    soup, context = render(GUIDE)
    assert context.problems == []
    return soup


def headings(soup: BeautifulSoup) -> list:
    return soup.find_all("h2")


def text_of(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


# -- numbered steps and their ids ------------------------------------------------------------------


def test_steps_are_numbered(page):
    assert [text_of(h) for h in headings(page)] == [
        "Step 1 - Visit our status page",
        "Step 2 - Check your login details",
        "Step 3 - Reset the password",
    ]


def test_step_ids_are_stable_or_the_editors(page):
    assert [h["id"] for h in headings(page)] == ["step-1", "details", "step-3"]


def test_sub_headings_are_not_steps(page):
    (h3,) = [h for h in page.find_all("h3") if h.find_parent(class_="hc-panel") is None]  # not the answers' panels
    assert text_of(h3) == "Still stuck?"
    assert "Step" not in text_of(h3)


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("Steg %(number)s - %(title)s", "Steg 1 - Visit our status page"),
        ("%(title)s (step %(number)s)", "Visit our status page (step 1)"),
        ("%(number)s. %(title)s", "1. Visit our status page"),
    ],
)
def test_step_label_comes_from_the_catalog(template, expected):
    catalog = {"Step %(number)s - %(title)s": template}
    soup, _ = render(GUIDE, gettext=lambda s: catalog.get(s, s))
    assert text_of(headings(soup)[0]) == expected
    assert text_of(soup.select("nav.hc-overview a")[0]) == expected


def test_inline_markup_in_a_step_title_is_kept():
    soup, _ = render(
        """
        ---
        id: g
        title: G
        type: guide
        ---
        ## Open *Settings* now
        """
    )
    heading = headings(soup)[0]
    assert text_of(heading) == "Step 1 - Open Settings now"
    assert heading.find("em").get_text() == "Settings"


# -- overview --------------------------------------------------------------------------------------


def test_overview_lists_every_step_in_order(page):
    overview = page.select_one("nav.hc-overview")
    assert overview is not None
    links = overview.select("a[href]")
    assert [a["href"] for a in links] == [f"#{h['id']}" for h in headings(page)]
    for link in links:
        target = page.find(id=link["href"][1:])
        assert target is not None
        assert target.name == "h2"


def test_overview_text_equals_the_step_headings(page):
    links = page.select("nav.hc-overview a")
    assert [text_of(a) for a in links] == [text_of(h) for h in headings(page)]


def test_overview_has_an_accessible_name(page):
    assert page.select_one("nav.hc-overview")["aria-label"] == "Steps in this guide"


def test_overview_comes_after_the_intro_and_before_the_steps(page):
    order = page.find_all(True)
    overview = page.select_one("nav.hc-overview")
    intro = page.find("p", string=lambda s: s and s.startswith("There can be"))
    assert order.index(intro) < order.index(overview) < order.index(headings(page)[0])


# -- checks ----------------------------------------------------------------------------------------


def test_checks_are_labelled_checkboxes(page):
    boxes = page.select("input")
    assert len(boxes) == 5  # 2 + 2 checks, and one "Done" for the step without checks
    for box in boxes:
        assert box.get("type") == "checkbox"
        label = box.find_parent("label")
        assert label is not None
        assert text_of(label)


def test_check_text_is_inside_its_label(page):
    labels = [text_of(box.find_parent("label")) for box in page.select("input[type=checkbox]")]
    assert labels == [
        "Done",
        "Check that you are on the Webmail login page.",
        "Check that Caps Lock is not turned on.",
        "Click Save.",
        "Wait five minutes and try again.",
    ]


def test_no_task_list_markers_are_left(page):
    assert "[ ]" not in page.get_text()
    assert "[x]" not in page.get_text()


def test_checks_belong_to_their_step(page):
    per_step = []
    for heading in headings(page):
        section = heading.find_parent("section")
        assert section is not None
        per_step.append([box.get("data-hc-key") for box in section.select("input[type=checkbox]")])
    assert per_step == [["done"], ["c1", "c2"], ["c1", "c2"]]


def test_step_without_checks_gets_one_done_check():
    soup, _ = render(
        """
        ---
        id: g
        title: G
        type: guide
        ---
        ## Read this

        Nothing to tick.

        ## Tick this

        - [ ] Ticked
        """,
        gettext=lambda s: {"Done": "Klart"}.get(s, s),
    )
    first, second = (h.find_parent("section") for h in headings(soup))
    boxes = first.select("input[type=checkbox]")
    assert len(boxes) == 1
    assert text_of(boxes[0].find_parent("label")) == "Klart"
    assert [text_of(b.find_parent("label")) for b in second.select("input[type=checkbox]")] == ["Ticked"]


def test_check_fingerprints_follow_the_source_text(page):
    boxes = page.select("input[type=checkbox]")[1:]
    texts = [text_of(box.find_parent("label")) for box in boxes]
    assert [box["data-hc-fp"] for box in boxes] == [fingerprint(t) for t in texts]


def test_plain_lists_stay_plain():
    soup, _ = render(
        """
        ---
        id: g
        title: G
        type: guide
        ---
        ## Do it

        - first a plain item
        - then another
        """
    )
    assert [li.get_text(strip=True) for li in soup.select("section li") if not li.find("input")] == [
        "first a plain item",
        "then another",
    ]
    assert len(soup.select("input[type=checkbox]")) == 1  # only the "Done" check


# -- fenced code, admonitions, the end of the steps --------------------------------------------------


@pytest.mark.parametrize("fence", ["```", "~~~"])
@pytest.mark.parametrize("extension", ["fenced_code", "pymdownx.superfences"])
def test_heading_in_fenced_code_stays_code(fence, extension):
    soup, context = render(
        f"""
        ---
        id: g
        title: G
        type: guide
        ---
        ## Edit the file

        {fence}
        ## not a step
        {fence}

        ## Save it
        """,
        extensions=[*EXTENSIONS, extension],
    )
    assert context.problems == []
    assert [text_of(h) for h in headings(soup)] == ["Step 1 - Edit the file", "Step 2 - Save it"]
    code = soup.find("code")
    assert code is not None
    assert "## not a step" in code.get_text()
    assert len(soup.select("nav.hc-overview a")) == 2


def test_admonitions_stay_where_they_are(page):
    tip = page.select_one("div.admonition.tip")
    note = page.select_one("div.admonition.note")
    assert tip.find_parent("section") is None
    assert text_of(note.find_parent("section").find("h2")) == "Step 2 - Check your login details"
    assert text_of(note.select_one(".admonition-title")) == "Note"


def test_thematic_break_ends_the_steps(page):
    closing = page.find("p", string="Contact our support.")
    assert closing is not None
    assert closing.find_parent("section") is None
    order = page.find_all(True)
    last_step = headings(page)[-1].find_parent("section")
    assert order.index(closing) > order.index(last_step)


def test_a_non_guide_context_leaves_the_page_alone():
    extension = GuideExtension()
    converter = markdown.Markdown(extensions=[extension, *EXTENSIONS])
    html = converter.convert("## A section\n\n- [ ] not a check\n")
    soup = BeautifulSoup(html, "html.parser")
    assert text_of(soup.find("h2")) == "A section"
    assert soup.find("input") is None
    assert soup.select_one("nav.hc-overview") is None


# -- escaping -------------------------------------------------------------------------------------

SCRIPT = '<script>alert("hc")</script>'


@pytest.mark.parametrize(
    "body",
    [
        f"## Remove {SCRIPT} from the page\n\nText.\n",
        f"## Clean up\n\n- [ ] Remove {SCRIPT} from the page\n",
        f"## Clean up {{#clean}}\n\n- [ ] Remove {SCRIPT}\n  from the page\n",
    ],
    ids=["heading", "check", "check-continuation"],
)
def test_script_in_step_text_is_escaped(body):
    soup, _ = render(f"---\nid: g\ntitle: G\ntype: guide\n---\n{body}")
    assert soup.find("script") is None
    assert SCRIPT in soup.get_text()


def test_script_in_the_step_label_from_a_catalog_is_escaped():
    catalog = {"Step %(number)s - %(title)s": "<script>x()</script>%(number)s %(title)s"}
    soup, _ = render(GUIDE, gettext=lambda s: catalog.get(s, s))
    assert soup.find("script") is None
    assert text_of(headings(soup)[0]).startswith("<script>x()</script>1 Visit")


# -- translations share the source's fingerprints ------------------------------------------------------

SOURCE_SV = """
---
id: g
title: G
type: guide
---
## Logga in {#login}

- [ ] Öppna Kontrollpanelen.
- [ ] Skriv ditt lösenord.

## Spara {#save}

- [ ] Klicka på Spara.
"""

TRANSLATION_EN = """
---
id: g
title: G
type: guide
---
## Save {#save}

- [ ] Click Save.

## Log in {#login}

- [ ] Open the Control Panel.
- [ ] Enter your password.
"""


def fingerprints(soup: BeautifulSoup) -> dict[tuple[str, str], str]:
    found = {}
    for heading in headings(soup):
        for box in heading.find_parent("section").select("input[type=checkbox]"):
            found[(heading["id"], box["data-hc-key"])] = box["data-hc-fp"]
    return found


def test_translation_gets_the_source_fingerprints_by_anchor_and_key():
    source_page, _ = render(SOURCE_SV, locale="sv")
    translated, _ = render(TRANSLATION_EN, src=SOURCE_SV)
    assert fingerprints(translated) == fingerprints(source_page)
    assert fingerprints(source_page)[("save", "c1")] == fingerprint("Klicka på Spara.")
    assert fingerprints(translated)[("save", "c1")] != fingerprint("Click Save.")


def test_translation_with_an_extra_check_keeps_its_own_fingerprint():
    extra = TRANSLATION_EN.replace("- [ ] Click Save.\n", "- [ ] Click Save.\n- [ ] Close the window.\n")
    translated, _ = render(extra, src=SOURCE_SV)
    prints = fingerprints(translated)
    assert prints[("save", "c1")] == fingerprint("Klicka på Spara.")
    assert prints[("save", "c2")] == fingerprint("Close the window.")
    assert prints[("login", "c2")] == fingerprint("Skriv ditt lösenord.")


def test_done_check_is_shared_across_locales():
    sv_text = SOURCE_SV + "\n## Vänta {#wait}\n\nVänta fem minuter.\n"
    en_text = TRANSLATION_EN + "\n## Wait {#wait}\n\nWait five minutes.\n"
    source_page, _ = render(sv_text, locale="sv")
    translated, _ = render(en_text, src=sv_text)
    assert fingerprints(translated)[("wait", "done")] == fingerprints(source_page)[("wait", "done")]
