"""What the build gives the checklist script: texts in the page's language, stable keys, safe JSON,
and a script and stylesheet small enough to ship on every guide."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import markdown
import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from tests.sizes import SERVED, served_sizes

from conftest import ROOT, build_site, write_project
from helpcenter.guide import GuideContext, GuideExtension, config_json
from helpcenter.sources import read_article, split_front_matter

SEED = {"sv": "sv/e-post/jag-kan-inte-logga-in-pa-webbmail/", "en": "en/email/cannot-log-in-to-webmail/"}
ASSETS = ROOT / "plugins" / "helpcenter" / "assets"
# Bytes at gzip -9: helpcenter.js + helpcenter.css + theme-shim.js as the site serves them. 8,192 was
# the first version's goal; every page has since gained the start of search (search-start.js, about
# 450 B; the rest of search, and Pagefind, load when the reader searches), recently viewed (recent.js,
# about 300 B) and SVG icons for the status states and the banner (about 80 B): 9,091 B on 2026-12-01.
BUDGET = 9216


def config_of(soup: BeautifulSoup) -> dict:
    guide = soup.select_one("div.hc-guide")
    assert guide is not None
    return json.loads(guide["data-hc-config"])


GUIDE = """\
---
id: g
title: G
type: guide
---
Intro.

## Read this

Nothing to tick.

## Tick this {#tick}

- [ ] First
- [ ] Second
"""


def render(text: str = GUIDE, **options) -> tuple[BeautifulSoup, GuideContext]:
    text = textwrap.dedent(text)
    article, problems = read_article("sv/g.md", "sv", "sv/g/", text)
    assert article is not None and problems == []
    context = GuideContext(article, article, options.pop("gettext", lambda s: s), **options)
    extension = GuideExtension()
    extension.current = context
    html = markdown.Markdown(extensions=[extension, "attr_list", "toc"]).convert(split_front_matter(text)[1])
    return BeautifulSoup(html, "html.parser"), context


# -- the seed guide as built -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "progress", "texts"),
    [
        (
            "sv",
            ["0 av 4 steg klara", "1 av 4 steg klart", "2 av 4 steg klara", "3 av 4 steg klara", "4 av 4 steg klara"],
            {"ask": "Löste detta problemet?", "yes": "Ja", "no": "Nej", "reset": "Börja om", "done": "Klart"},
        ),
        (
            "en",
            ["0 steps of 4 done", "1 step of 4 done", "2 steps of 4 done", "3 steps of 4 done", "4 steps of 4 done"],
            {"ask": "Did this solve your problem?", "yes": "Yes", "no": "No", "reset": "Start over", "done": "Done"},
        ),
    ],
)
def test_the_seed_guide_carries_its_texts_in_its_language(example_site, locale, progress, texts):
    config = config_of(example_site.html(SEED[locale]))
    assert config["progress"] == progress
    assert {key: config[key] for key in texts} == texts
    assert config["stepDone"][1] == ("Steg 2 är klart." if locale == "sv" else "Step 2 is done.")
    assert config["supportUrl"] == "https://www.example.com/support/chat"
    assert config["feedback"] is None


def test_the_seed_guide_has_no_script_element_and_no_js_only_controls(example_site):
    guide = example_site.html(SEED["sv"]).select_one("div.hc-guide")
    assert guide is not None
    assert guide.find("script") is None
    assert guide.find("button") is None
    assert guide.select("[role=status], .hc-progress") == []


def test_keys_and_fingerprints_are_the_same_in_every_locale(example_site):
    def keys(locale: str) -> list[tuple[str, str, str]]:
        soup = example_site.html(SEED[locale])
        return [
            (box.find_parent("section")["data-hc-step"], box["data-hc-key"], box["data-hc-fp"])
            for box in soup.select("input.hc-check__input")
        ]

    assert keys("sv") == keys("en")
    assert len(set(keys("sv"))) == 12


def test_the_page_loads_the_checklist_assets(example_site):
    soup = example_site.html(SEED["sv"])
    assert any(
        link["href"].endswith("assets/helpcenter/helpcenter.css") for link in soup.select("link[rel=stylesheet]")
    )
    assert any(script["src"].endswith("assets/helpcenter/helpcenter.js") for script in soup.select("script[src]"))
    # Served minified: the checklist's storage key and its classes are there, its comments are not.
    served = (example_site.site / "assets/helpcenter/helpcenter.js").read_text(encoding="utf-8")
    assert '"helpcenter:guide:"' in served and '"helpcenter:"' in served
    assert "Guides that remember" in (ASSETS / "checklist.js").read_text(encoding="utf-8")
    assert "Guides that remember" not in served
    styles = (example_site.site / "assets/helpcenter/helpcenter.css").read_text(encoding="utf-8")
    assert ".hc-check__label" in styles and ".hc-panel--solved" in styles


def test_only_the_standalone_pages_load_their_own_parts(example_site):
    """The chooser's redirect and the standalone pages' look are not in what every article loads."""
    own = ("standalone.css", "chooser.js")
    article = example_site.html(SEED["sv"])
    loaded = [e.get("href") or e.get("src") for e in article.select("link[rel=stylesheet], script[src]")]
    assert not [url for url in loaded if url.endswith(own)]
    root = (example_site.site / "index.html").read_text(encoding="utf-8")
    assert 'href="assets/helpcenter/standalone.css"' in root and 'src="assets/helpcenter/chooser.js"' in root
    served = (example_site.site / "assets/helpcenter/helpcenter.js").read_text(encoding="utf-8")
    assert "location.replace" not in served and ".hc-root" not in styles_of(example_site)


def styles_of(example_site) -> str:
    return (example_site.site / "assets/helpcenter/helpcenter.css").read_text(encoding="utf-8")


# -- texts and plural forms ---------------------------------------------------------------------------


def test_progress_asks_the_catalog_for_every_count():
    asked: list[int] = []

    def ngettext(singular: str, plural: str, n: int) -> str:
        asked.append(n)
        return ("one:" if n == 1 else "few:" if n in (2, 3, 4) else "many:") + "%(done)d/%(total)d"

    soup, _ = render(ngettext=ngettext)
    assert asked == [0, 1, 2]
    assert config_of(soup)["progress"] == ["many:0/2", "one:1/2", "few:2/2"]


def test_every_text_is_a_catalog_string_translated_in_each_locale():
    found = {
        message if isinstance(message, str) else message[0]
        for _line, message, _comments, _context in extract_from_file("python", ROOT / "plugins/helpcenter/guide.py")
    }
    assert "Did this solve your problem?" in found
    assert "%(done)d step of %(total)d done" in found
    for locale in ("sv", "en"):
        with (ROOT / "locales" / locale / "LC_MESSAGES" / "helpcenter.po").open("rb") as handle:
            catalog = read_po(handle, locale=locale)
        for msgid in found:
            message = catalog.get(msgid)
            assert message is not None and message.string, f"{locale}: {msgid!r} is not translated"


def test_the_script_has_no_words_of_its_own():
    script = (ASSETS / "checklist.js").read_text(encoding="utf-8")
    code = re.sub(r"//.*|/\*.*?\*/", "", script, flags=re.S)
    for forbidden in ("eval(", "new Function", "innerHTML", "insertAdjacentHTML", "document.write", 'setTimeout("'):
        assert forbidden not in code
    strings = re.findall(r'"([^"\\]*)"', code)
    words = [s for s in strings if re.search(r"[A-Za-zÅÄÖåäö]{3,} [A-Za-zÅÄÖåäö]{3,}", s)]
    assert [w for w in words if not re.fullmatch(r"[a-z-]+( [a-z-]+)*", w)] == []
    assert [w for w in words if not all(part.startswith(("hc", "md-")) for part in w.split())] == []


# -- safety -------------------------------------------------------------------------------------------


def test_texts_from_config_and_catalogs_stay_text():
    evil = '</div><script>alert("x")</script> & <b>'
    soup, _ = render(
        gettext=lambda s: evil if s == "Yes" else s,
        support_label=evil,
        support_url='https://example.com/?a=1&b="2"',
    )
    guide = soup.select_one("div.hc-guide")
    assert guide is not None and guide.find("script") is None and guide.find("b") is None
    raw = guide["data-hc-config"]
    assert "<" not in raw and ">" not in raw and "&" not in raw
    config = json.loads(raw)
    assert config["yes"] == evil and config["support"] == evil
    assert config["supportUrl"] == 'https://example.com/?a=1&b="2"'


def test_catalog_step_label_is_text_and_keeps_an_editors_anchor():
    label = {"Step %(number)s - %(title)s": "%(title)s <i>(steg %(number)s)</i>"}
    soup, _ = render(gettext=lambda s: label.get(s, s))
    heading = soup.select("h2.hc-step__title")[1]
    assert heading["id"] == "tick"
    assert heading.get_text() == "Tick this <i>(steg 2)</i>"
    assert heading.find("i") is None
    link = soup.select("nav.hc-overview a")[1]
    assert link["href"] == "#tick"
    assert link.get_text() == "Tick this <i>(steg 2)</i>"


@pytest.mark.parametrize(
    ("configured", "page", "expected"),
    [
        ("https://help.example.com/chat", "sv/g/", "https://help.example.com/chat"),
        ("/kontakt/", "sv/g/", "/kontakt/"),
        ("kontakt/", "sv/e-post/g/", "../../../kontakt/"),
        ("kontakt/", "en/email/g/", "../../../kontakt/"),
        (None, "sv/g/", None),
    ],
)
def test_support_and_feedback_urls_are_site_root_relative(configured, page, expected):
    soup, _context = render(support_url=configured, feedback=configured, page_url=page)
    config = config_of(soup)
    assert config["supportUrl"] == expected
    assert config["feedback"] == expected


def test_a_support_url_template_is_filled_with_the_article_url_encoded():
    template = "https://help.example.com/contact?s={title}&a={article}&l={locale}&u={url}&t={tried}&x={other}"
    guide = GUIDE.replace("title: G", "title: Nej & ja? 100%")
    soup, _ = render(guide, support_url=template, page_url="sv/g/", site_url="https://help.example.com/docs/")
    config = config_of(soup)
    assert config["supportUrl"] == (
        "https://help.example.com/contact?s=Nej%20%26%20ja%3F%20100%25&a=g&l=sv"
        "&u=https%3A%2F%2Fhelp.example.com%2Fdocs%2Fsv%2Fg%2F&t={tried}&x={other}"
    ), "{tried} is the script's; an unknown name stays as written"
    assert config["contact"] == {
        "article": "g",
        "title": "Nej & ja? 100%",
        "locale": "sv",
        "url": "https://help.example.com/docs/sv/g/",
    }
    without_site_url, _ = render(guide, support_url="/kontakt?u={url}", page_url="sv/g/")
    assert config_of(without_site_url)["supportUrl"] == "/kontakt?u=%2Fsv%2Fg%2F"


def test_a_step_without_checks_is_its_own_check_keyed_by_the_source_step():
    soup, context = render()
    done = soup.select_one("section[data-hc-step=step-1] input.hc-check__input")
    assert done is not None
    assert done["data-hc-key"] == "done"
    assert done["data-hc-fp"] == context.source.steps[0].fingerprint


def test_the_plugin_reads_support_and_feedback(tmp_path: Path):
    guide = GUIDE.replace("id: g", "id: g\ncategory: email")
    options = {
        "default_locale": "sv",
        "locales": {"sv": "Svenska", "en": "English"},
        "support": {"url": "hjalp/", "label": "Chatta med oss"},
        "feedback": {"endpoint": "/events"},
    }
    project = write_project(
        tmp_path,
        {"sv/e-post/g.md": guide, "en/email/g.md": guide},
        {"plugins": [{"helpcenter": options}]},
    )
    built = build_site(project)
    config = config_of(built.html("sv/e-post/g/"))
    assert config["support"] == "Chatta med oss"
    assert config["supportUrl"] == "../../../hjalp/"
    assert config["feedback"] == "/events"
    assert config["progress"][1] == "1 av 2 steg klart"
    assert config_of(built.html("en/email/g/"))["progress"][1] == "1 step of 2 done"


def test_config_json_without_a_catalog_plural_falls_back_to_english_rules():
    _soup, context = render()
    context.ngettext = None
    assert json.loads(config_json(context, 2))["progress"] == [
        "0 steps of 2 done",
        "1 step of 2 done",
        "2 steps of 2 done",
    ]


# -- budget ---------------------------------------------------------------------------------------------


def test_what_the_site_serves_fits_the_budget(example_site):
    """Every page loads these three files; the budget counts the bytes the built site holds."""
    sizes = served_sizes(example_site.site)
    assert sum(size["gzip"] for size in sizes.values()) <= BUDGET, sizes
    for name in SERVED:
        served = (example_site.site / "assets" / "helpcenter" / name).read_text(encoding="utf-8")
        assert "/*" not in served and "\n  " not in served, f"{name} is served minified"


def test_check_text_keeps_markdown_but_shows_raw_tags_as_typed():
    soup, _ = render(GUIDE.replace("- [ ] First", "- [ ] Tryck **Spara** &amp; <kbd>Enter</kbd>"))
    label = soup.select_one("section[data-hc-step=tick] .hc-check__text")
    assert label is not None
    assert label.find("strong") is not None and label.find("kbd") is None
    assert label.get_text() == "Tryck Spara & <kbd>Enter</kbd>"
