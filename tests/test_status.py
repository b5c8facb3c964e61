"""Live status, build side: the Python model, the fragments and their placement, the mock feed.

The normalization that runs for readers is the JS one (tests/browser/test_status.py drives
it with the same tables and compares it with the Python model, tests/status_model.py).
"""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request
from importlib.resources import files as package_files

import markdown
import pytest
from babel import Locale
from bs4 import BeautifulSoup
from tests import pagefind_bundle

from conftest import build_site, write_project
from helpcenter import status
from helpcenter.blocks import StatusExtension
from helpcenter.cli import build_parser
from helpcenter.locales import Catalogs, locale_info, package_catalog_dir
from helpcenter.rendering import Renderer
from helpcenter.status import Component, Incident, to_cachet, to_statuspage
from helpcenter.status_server import SCENARIOS, XSS, FeedServer, payload
from status_model import FeedError, normalize

# -- normalization tables (shared with the browser tests) -----------------------------------

COMPONENT_CASES = [
    ("operational", "operational"),
    ("degraded_performance", "degraded_performance"),
    ("partial_outage", "partial_outage"),
    ("major_outage", "major_outage"),
    ("under_maintenance", "under_maintenance"),
    ("Operational", "unknown"),
    ("green", "unknown"),
    ("", "unknown"),
    (None, "unknown"),
    (1, "unknown"),
    (True, "unknown"),
    (["operational"], "unknown"),
    ({"status": "operational"}, "unknown"),
]
INDICATOR_CASES = [
    ("none", "none"),
    ("minor", "minor"),
    ("major", "major"),
    ("critical", "critical"),
    ("maintenance", "maintenance"),
    ("ok", "unknown"),
    ("", "unknown"),
    (None, "unknown"),
    (0, "unknown"),
]
IMPACT_CASES = [
    ("none", "none"),
    ("minor", "minor"),
    ("major", "major"),
    ("critical", "critical"),
    ("maintenance", "unknown"),
    ("Major", "unknown"),
    (None, "unknown"),
]
INCIDENT_CASES = [  # status, normalized, still open
    ("investigating", "investigating", True),
    ("identified", "identified", True),
    ("monitoring", "monitoring", True),
    ("resolved", "resolved", False),
    ("postmortem", "postmortem", False),
    ("in_progress", "unknown", True),
    ("fixed", "unknown", True),
    (None, "unknown", True),
]
MAINTENANCE_CASES = [
    ("scheduled", "scheduled", False),
    ("in_progress", "in_progress", True),
    ("verifying", "verifying", True),
    ("completed", "completed", False),
    ("resolved", "unknown", True),
    (3, "unknown", True),
]
CACHET_COMPONENT_CASES = [
    (0, "unknown"),
    (1, "operational"),
    (2, "degraded_performance"),
    (3, "partial_outage"),
    (4, "major_outage"),
    ("2", "degraded_performance"),
    (5, "unknown"),
    (-1, "unknown"),
    (1.5, "unknown"),
    ("12", "unknown"),
    ("", "unknown"),
    (True, "unknown"),
    (None, "unknown"),
]
CACHET_INCIDENT_CASES = [  # status, kind, normalized, open
    (0, "maintenance", "scheduled", False),
    (1, "incident", "investigating", True),
    (2, "incident", "identified", True),
    (3, "incident", "monitoring", True),
    (4, "incident", "resolved", False),
    ("3", "incident", "monitoring", True),
    (7, "incident", "unknown", True),
    (None, "incident", "unknown", True),
]
CACHET_INDICATOR_CASES = [  # component statuses -> overall
    ([1, 1], "none"),
    ([1, 2], "minor"),
    ([1, 3], "major"),
    ([4, 2], "critical"),
    ([1, 0], "unknown"),
    ([2, 0], "minor"),
    ([], "unknown"),
]
INVALID_PAYLOADS = [  # payload, provider
    (None, "statuspage"),
    ([], "statuspage"),
    ("summary", "statuspage"),
    (42, "cachet"),
    ({}, "statuspage"),
    ({}, "cachet"),
    ({"components": {"data": []}}, "statuspage"),
    ({"components": [{"name": "Webmail"}]}, "cachet"),
    ({"components": "Webmail"}, "statuspage"),
]


def statuspage_payload(
    *,
    component: object = "operational",
    indicator: object = "none",
    impact: object = "minor",
    incident: object = "investigating",
    maintenance: object = "in_progress",
) -> dict:
    """A Statuspage v2 summary shaped like the real one (see the research notes)."""
    return {
        "page": {"id": "kctbh9vrtdwd", "name": "Example", "url": "https://status.example.com"},
        "status": {"indicator": indicator, "description": "Whatever"},
        "components": [
            {"id": "b13yz5g2cw10", "name": "Webmail", "status": component, "position": 1, "group": False},
            {"id": "9397cnvk62zn", "name": "DNS", "status": "operational", "position": 2},
        ],
        "incidents": [
            {
                "id": "cp306tmzcl0y",
                "name": "Unplanned Database Outage",
                "status": incident,
                "impact": impact,
                "shortlink": "http://stspg.co:5000/Q0E",
                "created_at": "2014-05-14T14:22:39.441-06:00",
                "components": [{"id": "b13yz5g2cw10", "name": "Webmail", "status": "major_outage"}],
                "incident_updates": [
                    {
                        "body": "Our master database has ham sandwiches flying out of the rack.",
                        "status": "identified",
                        "affected_components": [{"code": "b13yz5g2cw10", "name": "Webmail"}],
                    }
                ],
            }
        ],
        "scheduled_maintenances": [
            {
                "id": "k7mf5z1gz05c",
                "name": "Web Tier Recycle",
                "status": maintenance,
                "impact": "minor",
                "scheduled_for": "2014-05-14T14:30:00.000-06:00",
                "scheduled_until": "2014-05-14T16:30:00.000-06:00",
                "shortlink": "http://stspg.co:5000/Q0G",
                "components": [{"name": "DNS"}],
            }
        ],
    }


def cachet_payload(*, components: list[object] | None = None, incident: object = 1) -> dict:
    statuses = [1, 1] if components is None else components
    return {
        "components": {
            "data": [
                {"id": n, "name": name, "status": s, "enabled": True}
                for n, (name, s) in enumerate(zip(["Webmail", "DNS", "Panel", "Hosting"], statuses, strict=False), 1)
            ]
        },
        "incidents": {
            "data": [
                {
                    "id": 7,
                    "name": "Webmail is slow",
                    "status": incident,
                    "visible": 1,
                    "component_id": 1,
                    "occurred_at": "2026-11-20 08:12:00",
                    "message": "Body **markdown**",
                }
            ]
        },
    }


@pytest.mark.parametrize(("value", "expected"), COMPONENT_CASES)
def test_component_status(value, expected):
    summary = normalize(statuspage_payload(component=value))
    assert summary.components[0] == Component("Webmail", expected)


@pytest.mark.parametrize(("value", "expected"), INDICATOR_CASES)
def test_indicator(value, expected):
    assert normalize(statuspage_payload(indicator=value)).indicator == expected


@pytest.mark.parametrize(("value", "expected"), IMPACT_CASES)
def test_impact(value, expected):
    assert normalize(statuspage_payload(impact=value)).incidents[0].impact == expected


@pytest.mark.parametrize(("value", "expected", "open_"), INCIDENT_CASES)
def test_incident_status(value, expected, open_):
    incident = normalize(statuspage_payload(incident=value)).incidents[0]
    assert (incident.kind, incident.status, incident.active) == ("incident", expected, open_)


@pytest.mark.parametrize(("value", "expected", "open_"), MAINTENANCE_CASES)
def test_maintenance_status(value, expected, open_):
    maintenance = normalize(statuspage_payload(maintenance=value)).incidents[1]
    assert (maintenance.kind, maintenance.status, maintenance.active) == ("maintenance", expected, open_)


def test_statuspage_incident_fields():
    incident, maintenance = normalize(statuspage_payload()).incidents
    assert incident == Incident(
        id="cp306tmzcl0y",
        kind="incident",
        name="Unplanned Database Outage",
        impact="minor",
        status="investigating",
        started="2014-05-14T14:22:39.441-06:00",
        url="http://stspg.co:5000/Q0E",
        components=("Webmail",),
    )
    assert maintenance.started == "2014-05-14T14:30:00.000-06:00"
    assert maintenance.components == ("DNS",)


@pytest.mark.parametrize(
    ("link", "kept"),
    [
        ("https://stspg.io/x", True),
        ("HTTP://stspg.io/x", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("//evil.example/x", False),
        ("/relative", False),
        (None, False),
    ],
)
def test_only_http_links_from_a_feed(link, kept):
    payload = statuspage_payload()
    payload["incidents"][0]["shortlink"] = link
    assert normalize(payload).incidents[0].url == (link if kept else "")


@pytest.mark.parametrize(("value", "expected"), CACHET_COMPONENT_CASES)
def test_cachet_component_status(value, expected):
    summary = normalize(cachet_payload(components=[value, 1]), "cachet")
    assert summary.components[0] == Component("Webmail", expected)


@pytest.mark.parametrize(("value", "kind", "expected", "open_"), CACHET_INCIDENT_CASES)
def test_cachet_incident_status(value, kind, expected, open_):
    incident = normalize(cachet_payload(incident=value), "cachet").incidents[0]
    assert (incident.kind, incident.status, incident.active) == (kind, expected, open_)
    assert incident.components == ("Webmail",)
    assert incident.impact == "unknown"  # Cachet reports none


@pytest.mark.parametrize(("statuses", "expected"), CACHET_INDICATOR_CASES)
def test_cachet_overall_state(statuses, expected):
    assert normalize(cachet_payload(components=statuses), "cachet").indicator == expected


@pytest.mark.parametrize(("bad", "provider"), INVALID_PAYLOADS)
def test_a_payload_of_another_shape_is_refused(bad, provider):
    with pytest.raises(FeedError):
        normalize(bad, provider)


@pytest.mark.parametrize("name", [n for n, s in SCENARIOS.items() if s.summary is not None and n != "xss"])
def test_scenarios_survive_both_provider_shapes(name):
    summary = SCENARIOS[name].summary
    assert summary is not None
    assert normalize(to_statuspage(summary)) == summary
    cachet = normalize(to_cachet(summary), "cachet")
    # Cachet knows no maintenance state for components, one component per incident, no impact,
    # and its maintenance is only ever "scheduled" (incident status 0).
    statuses = [(c.name, "unknown" if c.status == "under_maintenance" else c.status) for c in summary.components]
    assert [(c.name, c.status) for c in cachet.components] == statuses
    incidents = [(i.name, i.active, i.components[:1]) for i in summary.incidents if i.kind == "incident"]
    assert [(i.name, i.active, i.components) for i in cachet.incidents if i.kind == "incident"] == incidents


def test_xss_scenario_normalizes_to_unknown_and_text():
    summary = SCENARIOS["xss"].summary
    assert summary is not None
    normalized = normalize(to_statuspage(summary))
    assert normalized.indicator == "unknown"
    assert [c.status for c in normalized.components] == ["unknown", "major_outage", "unknown"]
    assert [(i.impact, i.status, i.url) for i in normalized.incidents] == [
        ("unknown", "unknown", ""),
        ("unknown", "in_progress", ""),
    ]
    assert normalized.incidents[0].name == "Webmail " + XSS


def test_unknown_provider_is_an_error():
    with pytest.raises(FeedError, match="unknown provider"):
        normalize({}, "instatus")


# -- words ------------------------------------------------------------------------------------


def test_every_word_is_translated_to_swedish():
    catalogs = Catalogs([package_catalog_dir()])
    english = status.texts(lambda s: s, lambda s, p, n: s if n == 1 else p, "en")
    swedish = status.texts(catalogs.get("sv").gettext, catalogs.get("sv").ngettext, "sv")
    assert english.keys() == swedish.keys()
    same = [k for k in english if english[k] == swedish[k]]
    assert same == []
    assert swedish["min"] == {
        "one": "Kontrollerad för %(num)d minut sedan",
        "other": "Kontrollerad för %(num)d minuter sedan",
    }


@pytest.mark.parametrize("code", ["pl", "ar", "fr", "ja", "sv"])
def test_plural_categories_follow_cldr(code):
    catalogs = Catalogs([package_catalog_dir()])
    words = status.texts(catalogs.get("en").gettext, catalogs.get("en").ngettext, code)
    # Which categories a language has is CLDR's data (Babel's), as Intl.PluralRules names them.
    categories = set(Locale.parse(code).plural_form.tags) | {"other"}
    assert set(words["hour"]) == categories
    # The English catalog has two forms, picked by the sample number of each category.
    assert set(words["hour"].values()) <= {"Checked %(num)d hour ago", "Checked %(num)d hours ago"}


def test_settings_cannot_leave_their_attribute():
    evil = """https://status.example.com/'"><script>alert(1)</script>"""
    html = pages(page=evil).banner("en", [])
    assert "<script" not in html
    soup = BeautifulSoup(html, "html.parser")
    assert [tag.name for tag in soup.find_all(True)] == ["section", "div"]
    assert config_of(html)["page"] == evil


@pytest.mark.parametrize(
    ("target", "page", "expected"),
    [
        ("status/summary.json", "sv/e-post/guide/", "../../../status/summary.json"),
        ("status/summary.json", "", "status/summary.json"),
        ("status/summary.json", "sv/e-post/guide.html", "../../status/summary.json"),
        ("https://status.example.com/", "sv/", "https://status.example.com/"),
        ("/status/", "sv/", "/status/"),
    ],
)
def test_page_relative(target, page, expected):
    assert status.page_relative(target, page) == expected


# -- fragments and placement ---------------------------------------------------------------------


class Options:
    def __init__(self, **values: object) -> None:
        self.url = "https://status.example.com/api/v2/summary.json"
        self.page = "https://status.example.com/"
        self.provider = "statuspage"
        self.refresh = 60
        self.timeout = 5
        self.banner = "all"
        self.__dict__.update(values)


def pages(**options: object) -> status.StatusPages:
    locales = {"sv": locale_info("sv"), "en": locale_info("en")}
    return status.StatusPages(Options(**options), Renderer(Catalogs([package_catalog_dir()])), locales)


def convert(markdown_text: str, components: tuple[str, ...] = (), at: str = "sv/e-post/guide/", **options):
    """One page's Markdown as MkDocs converts it, with the widget placed in the tree."""
    extension = StatusExtension()
    extension.current = context = pages(**options).context("sv", at, components)
    html = markdown.Markdown(extensions=[extension, "md_in_html"]).convert(markdown_text)
    return html, context


# A guide's tree as the guide processor leaves it: steps inside the guide's element.
GUIDE = '<div class="hc-guide" markdown>\nIntro\n\n<div class="hc-steps" markdown>\n## Steg 1\n\n{slot}</div>\n</div>\n'
SLOT = "/// status\n///\n"


def config_of(html: str) -> dict:
    """The settings and words status.js reads, as a browser parses them."""
    return json.loads(BeautifulSoup(html, "html.parser").select_one("[data-hc-status-config]")["data-hc-status-config"])


def widgets(html: str) -> list[list[str]]:
    return [json.loads(w["data-hc-status"]) for w in BeautifulSoup(html, "html.parser").select("section.hc-status")]


def test_block_is_replaced_where_the_editor_put_it():
    html, _ = convert("Intro\n\n## Steg 1\n\n" + SLOT + "\nText.\n", ("Webmail",))
    assert widgets(html) == [["Webmail"]]
    assert html.index('class="hc-status"') > html.index("Steg 1</h2>")
    assert "hc-status-slot" not in html
    assert html.index('class="hc-status"') < html.index("<p>Text.</p>")


def test_without_a_block_the_widget_goes_before_the_first_step():
    html, _ = convert(GUIDE.format(slot=""), ("Webmail",))
    assert widgets(html) == [["Webmail"]]
    assert html.index("<p>Intro</p>") < html.index('class="hc-status"') < html.index('class="hc-steps"')


def test_an_article_gets_the_widget_at_the_top():
    html, _ = convert("Text\n", ("DNS", "Web hosting"), at="sv/a/")
    assert widgets(html) == [["DNS", "Web hosting"]]
    assert html.index('class="hc-status"') < html.index("<p>Text</p>")


def test_a_block_names_its_own_components_or_shows_all():
    html, _ = convert("A\n\n" + SLOT + "\nB\n\n/// status | DNS, Web hosting\n///\n", at="sv/a/")
    assert widgets(html) == [[], ["DNS", "Web hosting"]]


@pytest.mark.parametrize(
    "raw",
    [
        '<div class="hc-status-slot" data-components="x"></div>',
        '<div class="hc-status-slot" data-hc-names="DNS"></div>',
    ],
)
def test_a_slot_typed_as_html_is_not_a_widget_and_breaks_nothing(raw):
    html, context = convert(f"Text\n\n{raw}\n\nMore.\n", at="sv/a/")
    assert widgets(html) == []
    assert context.placed == 0
    assert "<p>More.</p>" in html


def test_no_widget_without_components_or_block_but_always_the_banner_host():
    html, context = convert("Text\n", at="en/")
    assert widgets(html) == []
    banner = pages().banner("en", context.components)
    assert banner.startswith('<section class="hc-banner md-banner md-banner--warning" lang="en" aria-label="Service')
    assert 'role="status"' in banner
    config = config_of(banner)
    assert config["url"] == "https://status.example.com/api/v2/summary.json"
    assert (config["refresh"], config["timeout"], config["banner"], config["lang"]) == (60, 5, "all", "en")
    assert config["texts"]["i_none"] == "All systems operational"


def test_fragments_are_localized_and_escaped():
    html, _ = convert("Text\n", ('Web"mail <b>',), at="sv/", page="https://status.example.com/?a=1&b=<2>")
    widget = BeautifulSoup(html, "html.parser").select_one("section.hc-status")
    assert widget["aria-label"] == "Driftstatus"
    link = widget.select_one("noscript")
    assert '<a href="https://status.example.com/?a=1&amp;b=&lt;2&gt;">Se statussidan</a>' in str(link)
    assert "<b>" not in html
    assert widgets(html) == [['Web"mail <b>']]


def test_site_relative_status_page_from_a_nested_page():
    html, _ = convert("Text\n", ("Webmail",), at="sv/e-post/guide/", page="status/")
    assert '<a href="../../../status/">Se statussidan</a>' in html


def test_without_a_feed_nothing_is_added_and_the_editor_is_told(caplog):
    plain = pages(url=None)
    assert not plain.enabled
    html, context = convert(GUIDE.format(slot=SLOT), ("Webmail",), url=None)
    assert "hc-status" not in html and plain.banner("sv", ["Webmail"]) == ""
    with caplog.at_level("WARNING"):
        plain.report("sv/e-post/g.md", context)
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 2
    assert all(m.startswith("helpcenter: sv/e-post/g.md: ") for m in messages)
    assert "status.url" in messages[0] and "Webmail" in messages[0]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"page": None}, "status.page is not set"),
        ({"refresh": 2}, "status.refresh: 2 s is too often"),
        ({"timeout": 90}, "status.timeout: 90 s must be between"),
        ({"url": "ftp://x/feed"}, "neither an http(s) URL nor a path"),
    ],
)
def test_bad_settings_get_one_clear_warning(caplog, options, message):
    with caplog.at_level("WARNING"):
        pages(**options)
    assert [r.getMessage() for r in caplog.records if message in r.getMessage()] != []
    assert len(caplog.records) == 1
    assert caplog.records[0].getMessage().startswith("helpcenter: mkdocs.yml: plugins.helpcenter.status")


# -- builds ------------------------------------------------------------------------------------

GUIDE_MD = """\
---
id: webmail-login
title: Jag kan inte logga in
type: guide
category: email
status: [Webmail]
---

Intro.

## Besök vår statussida

Kolla statussidan.

/// status
///

## Logga in igen

Text.
"""


def test_build_puts_the_widget_in_step_one(tmp_path):
    project = write_project(
        tmp_path,
        {
            "sv/e-post/guide.md": GUIDE_MD,
            "sv/e-post/alla.md": "---\nid: all\ntitle: Alla tjänster\ncategory: email\n---\n\n/// status\n///\n",
            "sv/e-post/auto.md": "---\nid: auto\ntitle: Auto\ncategory: email\nstatus: [DNS]\n---\n\nText.\n",
        },
        config={
            "plugins": [
                {
                    "helpcenter": {
                        "default_locale": "sv",
                        "locales": {"sv": "Svenska", "en": "English"},
                        "status": {"url": "status/summary.json", "page": "https://status.example.com/"},
                    }
                },
            ]
        },
    )
    built = build_site(project, strict=True)
    guide = built.html("sv/e-post/guide/")
    step1 = guide.select("section.hc-step")[0]
    widget = step1.select_one("section.hc-status")
    assert widget is not None and json.loads(widget["data-hc-status"]) == ["Webmail"]
    assert widget["lang"] == "sv" and widget["aria-label"] == "Driftstatus"
    assert len(guide.select("section.hc-status")) == 1
    assert (
        widget.select_one("noscript").decode_contents()
        == '<p><a href="https://status.example.com/">Se statussidan</a></p>'
    )
    assert len(guide.select("[data-hc-status-banner]")) == 1
    assert len(guide.select("[role=status]")) == 1
    assert guide.select_one('script[src$="assets/helpcenter/helpcenter.js"]') is not None
    assert guide.select_one('link[href$="assets/helpcenter/helpcenter.css"]') is not None
    assert "HelpcenterStatus" in (built.site / "assets/helpcenter/helpcenter.js").read_text(encoding="utf-8")
    config = json.loads(guide.select_one("[data-hc-status-config]")["data-hc-status-config"])
    assert config["texts"]["c_operational"] == "I drift"
    assert json.loads(built.html("sv/e-post/alla/").select_one("section.hc-status")["data-hc-status"]) == []
    auto = built.html("sv/e-post/auto/")
    assert json.loads(auto.select_one("section.hc-status")["data-hc-status"]) == ["DNS"]
    # The live parts stay out of the search index.
    index = " ".join(page["content"] for page in pagefind_bundle.fragments(built.site, "sv").values())
    assert "Jag kan inte logga in" in index
    assert "Driftstatus" not in index and "Se statussidan" not in index


def test_build_without_feed_warns_once_per_file(tmp_path):
    project = write_project(tmp_path, {"sv/e-post/guide.md": GUIDE_MD})
    built = build_site(project)
    warnings = [w for w in built.warnings() if "status" in w]
    assert warnings == [
        "WARNING: helpcenter: sv/e-post/guide.md: front matter lists status components (Webmail) but mkdocs.yml "
        "sets no plugins.helpcenter.status.url; no live status is shown",
        "WARNING: helpcenter: sv/e-post/guide.md: '/// status' block but mkdocs.yml sets no "
        "plugins.helpcenter.status.url; the block is left out",
    ]
    page = built.html("sv/e-post/guide/")
    assert page.select(".hc-status, .hc-banner, .hc-status-slot") == []
    assert "HelpcenterStatus" not in (built.site / "assets/helpcenter/helpcenter.js").read_text(encoding="utf-8")


def test_example_site_shows_webmail_in_step_one(example_site):
    for path in ("sv/e-post/jag-kan-inte-logga-in-pa-webbmail/", "en/email/cannot-log-in-to-webmail/"):
        page = example_site.html(path)
        step1 = page.select("section.hc-step")[0]
        assert json.loads(step1.select_one("section.hc-status")["data-hc-status"]) == ["Webmail"]
    feed = json.loads((example_site.site / "status/summary.json").read_text(encoding="utf-8"))
    assert "Webmail" in [c.name for c in normalize(feed).components]


# -- what the site serves ------------------------------------------------------------------------
# (the byte budget of the served files is tests/test_checklist_markup.py's)


def test_status_script_builds_no_html_from_strings(example_site):
    """Feed strings go in as text: no HTML parsing and no eval, in the source or in what is served."""
    source = (package_files("helpcenter") / "assets" / "status.js").read_text(encoding="utf-8")
    served = (example_site.site / "assets" / "helpcenter" / "helpcenter.js").read_text(encoding="utf-8")
    for js in (source, served):
        assert "eval(" not in js and "innerHTML" not in js and "insertAdjacentHTML" not in js
        assert "new Function" not in js


# -- the mock feed ---------------------------------------------------------------------------------


@pytest.fixture
def feed():
    server = FeedServer("operational").start()
    yield server
    server.close()


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


def test_mock_feed_serves_both_providers(feed):
    code, headers, body = fetch(feed.url + "api/v2/summary.json")
    assert code == 200 and headers["Access-Control-Allow-Origin"] == "*"
    assert normalize(json.loads(body)) == SCENARIOS["operational"].summary
    feed.scenario = "major_outage"
    components = json.loads(fetch(feed.url + "api/v1/components")[2])
    incidents = json.loads(fetch(feed.url + "api/v1/incidents")[2])
    cachet = normalize({"components": components, "incidents": incidents}, "cachet")
    assert cachet.indicator == "critical"
    assert [i.name for i in cachet.incidents if i.active] == ["Webmail and email delivery are down"]
    assert feed.hits["/api/v2/summary.json"] == 1 and feed.hits["/api/v1/components"] == 1


def test_mock_feed_failures(feed):
    feed.scenario = "http500"
    assert fetch(feed.url + "api/v2/summary.json")[0] == 500
    feed.scenario = "no_cors"
    code, headers, _ = fetch(feed.url + "api/v2/summary.json")
    assert code == 200 and "Access-Control-Allow-Origin" not in headers
    feed.scenario = "invalid_json"
    with pytest.raises(json.JSONDecodeError):
        json.loads(fetch(feed.url + "summary.json")[2])
    assert fetch(feed.url + "scenario/xss/api/v2/summary.json")[2].count(b"<script>") > 5
    assert fetch(feed.url + "elsewhere")[0] == 404
    request = urllib.request.Request(feed.url + "summary.json", data=b"{}", method="POST")
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=5)
    assert error.value.code == 405
    error.value.close()


def test_mock_feed_binds_loopback_only_and_slow_answers_end_with_it():
    with pytest.raises(ValueError, match=r"127\.0\.0\.1"):
        FeedServer(host="0.0.0.0")
    server = FeedServer("slow").start()
    assert server.server_address[0] == "127.0.0.1"
    connection = socket.create_connection(("127.0.0.1", server.server_address[1]))
    connection.sendall(b"GET /summary.json HTTP/1.0\r\n\r\n")
    time.sleep(0.2)
    server.close()  # how long that takes is measured by `make bench` (row 9)
    connection.settimeout(2)
    assert connection.recv(100) == b""  # dropped, not answered late
    connection.close()


def test_every_scenario_has_a_payload():
    for name, scenario in SCENARIOS.items():
        assert payload(scenario, "/api/v2/summary.json"), name


def test_cli_status_serve():
    args = build_parser().parse_args(["status", "serve", "--scenario", "xss", "--port", "8123"])
    assert (args.scenario, args.port) == ("xss", 8123)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["status", "serve", "--scenario", "nonsense"])
    for name in [
        "operational",
        "degraded",
        "partial_outage",
        "major_outage",
        "maintenance",
        "incident",
        "http500",
        "slow",
        "invalid_json",
        "no_cors",
        "xss",
    ]:
        assert name in SCENARIOS


def test_cli_lists_scenarios(capsys):
    args = build_parser().parse_args(["status", "serve", "--list"])
    assert args.handler(args) == 0
    out = capsys.readouterr().out
    assert "no_cors" in out and "xss" in out
