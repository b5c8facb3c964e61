"""Live status, build side: the Python model, the fragments and their placement, the mock feed.

The normalization that runs for readers is the JS one (tests/browser/test_status.py drives
it with the same tables and compares it with the Python model, helpcenter/status/model.py, which
the relay runs).
"""

from __future__ import annotations

import json
import socket
import threading
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
from helpcenter.cli import build_parser, main
from helpcenter.locales import Catalogs, locale_info, package_catalog_dir
from helpcenter.rendering import Renderer, site_link
from helpcenter.status import relay as status_relay
from helpcenter.status import widget as status
from helpcenter.status.mock import (
    SCENARIOS,
    XSS,
    FeedServer,
    payload,
    to_cachet,
    to_cachet3,
    to_statuspage,
    to_uptime_kuma,
)
from helpcenter.status.model import Component, FeedError, Incident, from_record, normalize
from helpcenter.status.placement import StatusExtension

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
    (6, "unknown"),  # Cachet 3's "under maintenance" is not Cachet 2's word
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
CACHET3_COMPONENT_CASES = [  # status as Cachet 3 sends it, normalized
    ({"human": "Operational", "value": 1}, "operational"),
    (2, "degraded_performance"),
    ("3", "partial_outage"),
    ({"human": "Major Outage", "value": 4}, "major_outage"),
    (5, "unknown"),
    ({"human": "Under Maintenance", "value": 6}, "under_maintenance"),
    (6, "under_maintenance"),
    ({"value": "1"}, "operational"),
    (0, "unknown"),
    (7, "unknown"),
    ({"human": "Operational"}, "unknown"),
    ("Operational", "unknown"),
    (None, "unknown"),
    (True, "unknown"),
]
CACHET3_INCIDENT_CASES = [  # status, normalized, open
    (1, "investigating", True),
    ({"human": "Identified", "value": 2}, "identified", True),
    (3, "monitoring", True),
    ({"human": "Fixed", "value": 4}, "resolved", False),
    (0, "unknown", True),  # not Cachet 2's "scheduled"
    ("fixed", "unknown", True),
    (None, "unknown", True),
]
KUMA_HEARTBEAT_CASES = [  # Webmail's heartbeat list, normalized
    ([{"status": 1}], "operational"),
    ([{"status": 0}], "major_outage"),
    ([{"status": 2}], "degraded_performance"),
    ([{"status": 3}], "under_maintenance"),
    ([{"status": 1}, {"status": 0}], "major_outage"),  # the latest counts
    ([{"status": 0}, {"status": 1}], "operational"),
    ([0, {"status": 1}], "operational"),  # an old empty day bucket
    ([{"status": 1}, 0], "unknown"),  # the latest bucket is empty: not down, not up
    ([], "unknown"),
    (None, "unknown"),
    ([{"status": 4}], "unknown"),
    ([{"status": "up"}], "unknown"),
    ([{"status": True}], "unknown"),
    ([{}], "unknown"),
    ({"status": 1}, "unknown"),
]
KUMA_INDICATOR_CASES = [  # (Webmail's, DNS's latest heartbeat) -> overall
    ((1, 1), "none"),
    ((2, 1), "minor"),
    ((0, 1), "critical"),
    ((3, 1), "maintenance"),
    ((3, 0), "critical"),
    ((1, None), "unknown"),
    ((2, None), "minor"),
]
KUMA_MAINTENANCE_CASES = [  # status, normalized, open
    ("under-maintenance", "in_progress", True),
    ("scheduled", "scheduled", False),
    ("ended", "completed", False),
    ("inactive", "unknown", True),
    (None, "unknown", True),
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
    ({}, "uptime-kuma"),
    ({"page": {"publicGroupList": []}}, "uptime-kuma"),
    ({"page": {"publicGroupList": {}}, "heartbeat": {"heartbeatList": {}}}, "uptime-kuma"),
    ({"page": {"publicGroupList": []}, "heartbeat": {"heartbeatList": []}}, "uptime-kuma"),
]
GOOD_RECORD = {
    "v": 1,
    "checked": 1764550000000,
    "indicator": "minor",
    "components": [{"name": "Webmail", "status": "degraded_performance"}],
    "incidents": [
        {
            "id": "inc-1",
            "kind": "incident",
            "name": "Slow Webmail login",
            "impact": "minor",
            "status": "investigating",
            "started": "2026-11-20T08:12:00Z",
            "url": "https://status.example.com/incidents/inc-1",
            "components": ["Webmail"],
            "active": True,
        }
    ],
}
RECORD_CASES = [  # a change to GOOD_RECORD, what the model makes of it (None: refused)
    ({}, {}),
    ({"indicator": "green"}, {"indicator": "unknown"}),
    ({"components": [{"name": "Webmail", "status": "ok"}]}, {"components": [{"name": "Webmail", "status": "unknown"}]}),
    ({"components": [{"name": "", "status": "operational"}, 3]}, {"components": []}),
    ({"incident": {"kind": "outage"}}, {"incident": {"kind": "incident"}}),
    ({"incident": {"kind": "maintenance"}}, {"incident": {"kind": "maintenance", "status": "unknown"}}),
    ({"incident": {"status": "fixed", "active": False}}, {"incident": {"status": "unknown", "active": True}}),
    ({"incident": {"url": "javascript:alert(1)"}}, {"incident": {"url": ""}}),
    ({"incident": {"impact": "huge"}}, {"incident": {"impact": "unknown"}}),
    ({"incident": {"components": ["Webmail", 7, None, ""]}}, {"incident": {"components": ["Webmail"]}}),
    ({"checked": None}, None),
    ({"checked": "1764550000000"}, None),
    ({"checked": 1.5}, None),
    ({"components": None}, None),
]


def record_with(change: dict) -> dict:
    """GOOD_RECORD with ``change`` (its "incident" key changes the one incident)."""
    record = json.loads(json.dumps(GOOD_RECORD))
    record["incidents"][0].update(change.get("incident", {}))
    record.update({key: value for key, value in change.items() if key != "incident"})
    return record


def cachet3_payload(*, components: list[object] | None = None, incident: object = 1) -> dict:
    """Cachet 3's JSON:API answers of /api/components and /api/incidents."""
    statuses = [1, 1] if components is None else components
    names = ["Webmail", "DNS", "Panel", "Hosting"]
    return {
        "components": {
            "data": [
                {
                    "id": str(n),
                    "type": "components",
                    "attributes": {"id": n, "name": name, "status": s, "enabled": True},
                }
                for n, (name, s) in enumerate(zip(names, statuses, strict=False), 1)
            ],
            "links": {"next": None},
            "meta": {"per_page": 500},
        },
        "incidents": {
            "data": [
                {
                    "id": "7",
                    "type": "incidents",
                    "attributes": {
                        "id": 7,
                        "guid": "9b1e",
                        "name": "Webmail is slow",
                        "message": "Body **markdown**",
                        "component_id": 1,
                        "visible": True,
                        "status": incident,
                        "occurred": {"human": "1 hour ago", "string": "2026-11-20 08:12:00"},
                    },
                }
            ]
        },
    }


def kuma_payload(
    *, webmail: object = ([{"status": 1}]), dns: object = ([{"status": 1}]), maintenance: object = "under-maintenance"
) -> dict:
    """Uptime Kuma's /api/status-page/SLUG and /api/status-page/heartbeat/SLUG answers."""
    beats = {"1": webmail, "2": dns} if dns is not None else {"1": webmail}
    return {
        "page": {
            "config": {"slug": "example", "title": "Example"},
            "incident": {
                "id": 3,
                "style": "danger",
                "title": "Mail is slow",
                "content": "We are **on it**",
                "pin": True,
                "createdDate": "2026-11-20 08:12:00",
            },
            "publicGroupList": [
                {"id": 1, "name": "Email", "weight": 1, "monitorList": [{"id": 1, "name": "Webmail", "type": "http"}]},
                {"id": 2, "name": "Other", "weight": 2, "monitorList": [{"id": 2, "name": "DNS", "type": "dns"}]},
            ],
            "maintenanceList": [{"id": 5, "title": "Mail server upgrade", "strategy": "single", "status": maintenance}],
        },
        "heartbeat": {"heartbeatList": beats, "uptimeList": {"1_24": 0.99}},
    }


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


@pytest.mark.parametrize(("value", "expected"), CACHET3_COMPONENT_CASES)
def test_cachet3_component_status(value, expected):
    summary = normalize(cachet3_payload(components=[value, 1]), "cachet")
    assert summary.components[0] == Component("Webmail", expected)


@pytest.mark.parametrize(("value", "expected", "open_"), CACHET3_INCIDENT_CASES)
def test_cachet3_incident_status(value, expected, open_):
    incident = normalize(cachet3_payload(incident=value), "cachet").incidents[0]
    assert (incident.kind, incident.status, incident.active) == ("incident", expected, open_)
    assert (incident.name, incident.components, incident.started) == (
        "Webmail is slow",
        ("Webmail",),
        "2026-11-20 08:12:00",
    )
    assert (incident.id, incident.impact, incident.url) == ("7", "unknown", "")


@pytest.mark.parametrize(("beats", "expected"), KUMA_HEARTBEAT_CASES)
def test_kuma_monitor_state_is_its_latest_heartbeat(beats, expected):
    summary = normalize(kuma_payload(webmail=beats), "uptime-kuma")
    assert summary.components == (Component("Webmail", expected), Component("DNS", "operational"))


def test_kuma_monitor_without_heartbeats_is_unknown():
    assert normalize(kuma_payload(dns=None), "uptime-kuma").components[1] == Component("DNS", "unknown")


@pytest.mark.parametrize(("latest", "expected"), KUMA_INDICATOR_CASES)
def test_kuma_overall_state(latest, expected):
    webmail, dns = ([{"status": n}] if n is not None else [0] for n in latest)
    assert normalize(kuma_payload(webmail=webmail, dns=dns), "uptime-kuma").indicator == expected


@pytest.mark.parametrize(("value", "expected", "open_"), KUMA_MAINTENANCE_CASES)
def test_kuma_maintenance(value, expected, open_):
    incident, maintenance = normalize(kuma_payload(maintenance=value), "uptime-kuma").incidents
    assert incident == Incident("3", "incident", "Mail is slow", started="2026-11-20 08:12:00")
    assert incident.active
    assert (maintenance.kind, maintenance.name, maintenance.status, maintenance.active) == (
        "maintenance",
        "Mail server upgrade",
        expected,
        open_,
    )


def test_kuma_incident_list_and_inactive_incidents():
    payload = kuma_payload()
    page = payload["page"]
    page["incidents"] = [dict(page.pop("incident"), id=1), {"id": 2, "title": "Old", "active": False}, "x"]
    assert [i.id for i in normalize(payload, "uptime-kuma").incidents if i.kind == "incident"] == ["1"]
    page.pop("incidents")
    page["incident"] = None
    assert [i.kind for i in normalize(payload, "uptime-kuma").incidents] == ["maintenance"]


@pytest.mark.parametrize(("change", "expected"), RECORD_CASES)
def test_relay_record_is_checked_like_a_feed(change, expected):
    if expected is None:
        with pytest.raises(FeedError):
            from_record(record_with(change))
        return
    checked, summary = from_record(record_with(change))
    assert checked == GOOD_RECORD["checked"]
    assert {"v": 1, "checked": checked, **summary.to_json()} == record_with(expected)


@pytest.mark.parametrize(
    ("options", "parts"),
    [
        ({}, ["language.js", "checklist.js", "status-statuspage.js", "status.js"]),
        ({"provider": "cachet"}, ["language.js", "checklist.js", "status-derived.js", "status-cachet.js", "status.js"]),
        (
            {"provider": "uptime-kuma"},
            ["language.js", "checklist.js", "status-derived.js", "status-uptime-kuma.js", "status.js"],
        ),
        (
            {"provider": "cachet", "relay": "status/relay.json"},
            ["language.js", "checklist.js", "status-relay.js", "status.js"],
        ),
        ({"url": None}, ["language.js", "checklist.js"]),
    ],
)
def test_only_the_reader_a_site_needs_is_served(options, parts):
    assert pages(**options).served_parts(["language.js", "checklist.js", "status.js"]) == parts
    css = pages(**options).served_parts(["base.css", "status.css"])
    assert css == (["base.css"] if options.get("url", "x") is None else ["base.css", "status.css"])


@pytest.mark.parametrize("provider", ["statuspage", "cachet", "uptime-kuma"])
def test_scenarios_in_every_shape_of_the_mock_feed(provider):
    for name, scenario in SCENARIOS.items():
        if scenario.summary is None:
            continue
        shapes = {
            "statuspage": [to_statuspage(scenario.summary)],
            "cachet": [to_cachet(scenario.summary), to_cachet3(scenario.summary)],
            "uptime-kuma": [to_uptime_kuma(scenario.summary)],
        }[provider]
        for shape in shapes:
            summary = normalize(json.loads(json.dumps(shape)), provider)
            assert [c.name for c in summary.components] == [c.name for c in scenario.summary.components], name
            if name != "xss":  # never green where the scenario is not
                for ours, theirs in zip(summary.components, scenario.summary.components, strict=True):
                    assert (ours.status == "operational") == (theirs.status == "operational"), (name, ours)


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


def test_unavailable_sends_readers_to_the_status_page_only_when_there_is_one():
    assert config_of(pages().banner("en", []))["texts"]["unavailable"] == "Status unavailable — see the status page"
    assert config_of(pages(page="").banner("en", []))["texts"]["unavailable"] == "Status unavailable"


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
    assert site_link(target, page) == expected


# -- fragments and placement ---------------------------------------------------------------------


class Options:
    def __init__(self, **values: object) -> None:
        self.url = "https://status.example.com/api/v2/summary.json"
        self.page = "https://status.example.com/"
        self.provider = "statuspage"
        self.refresh = 60
        self.timeout = 5
        self.banner = "all"
        self.relay = None
        self.max_age = 600
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


def test_without_a_feed_nothing_is_added():
    plain = pages(url=None)
    assert not plain.enabled
    html, context = convert(GUIDE.format(slot=SLOT), ("Webmail",), url=None)
    assert "hc-status" not in html and plain.banner("sv", ["Webmail"]) == ""
    assert (context.placed, context.unplaced_blocks) == (0, 1)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"page": None}, "status.page is not set"),
        ({"refresh": 2}, "status.refresh: 2 s is too often"),
        ({"timeout": 90}, "status.timeout: 90 s must be between"),
        ({"url": "ftp://x/feed"}, "neither an http(s) URL nor a path"),
        (
            {"relay": "https://help.example.com/status/relay.json"},
            "relay: 'https://help.example.com/status/relay.json' is not a path on the site",
        ),
        ({"provider": "uptime-kuma", "url": "https://status.example.com/status/mail"}, "/api/status-page/SLUG"),
        ({"max_age": 30}, "status.max_age: 30 s is shorter than refresh"),
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
    source = GUIDE_MD.splitlines()
    status_line = source.index("status: [Webmail]") + 1
    block_line = source.index("/// status") + 1
    assert warnings == [
        f"WARNING: helpcenter: sv/e-post/guide.md:{status_line}: front matter lists status components (Webmail) but "
        "mkdocs.yml sets no plugins.helpcenter.status.url; no live status is shown: set status.url (and status.page) "
        "there, or remove 'status'",
        f"WARNING: helpcenter: sv/e-post/guide.md:{block_line}: '/// status' block but mkdocs.yml sets no "
        "plugins.helpcenter.status.url; the block is left out: set status.url there, or remove the block",
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
    assets = package_files("helpcenter") / "assets"
    parts = [part for part in assets.iterdir() if part.name.startswith("status") and part.suffix in (".js", ".css")]
    sources = [part.read_text(encoding="utf-8") for part in parts]
    served = (example_site.site / "assets" / "helpcenter" / "helpcenter.js").read_text(encoding="utf-8")
    assert len(sources) == 7  # status.js, status.css, the four readers and what two of them share
    for js in (*sources, served):
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


def test_mock_feed_serves_cachet3_and_uptime_kuma_without_cors(feed):
    feed.scenario = "major_outage"
    components = json.loads(fetch(feed.url + "api/components")[2])
    incidents = json.loads(fetch(feed.url + "api/incidents")[2])
    assert components["data"][0]["attributes"]["name"] == "Webmail"
    cachet3 = normalize({"components": components, "incidents": incidents}, "cachet")
    assert [c.status for c in cachet3.components[:2]] == ["major_outage", "partial_outage"]
    code, headers, page = fetch(feed.url + "api/status-page/example")
    assert code == 200 and "Access-Control-Allow-Origin" not in headers  # as Kuma in production
    _, _, heartbeat = fetch(feed.url + "api/status-page/heartbeat/example")
    kuma = normalize({"page": json.loads(page), "heartbeat": json.loads(heartbeat)}, "uptime-kuma")
    assert [c.status for c in kuma.components[:2]] == ["major_outage", "major_outage"]  # Kuma: down is down
    assert [i.name for i in kuma.incidents] == ["Webmail and email delivery are down"]
    _, proxied, _ = fetch(feed.url + "scenario/degraded/cors/api/status-page/heartbeat/example")
    assert proxied["Access-Control-Allow-Origin"] == "*"
    feed.scenario = "no_cors"
    assert "Access-Control-Allow-Origin" not in fetch(feed.url + "cors/api/status-page/example")[1]


def test_cli_lists_scenarios(capsys):
    args = build_parser().parse_args(["status", "serve", "--list"])
    assert args.handler(args) == 0
    out = capsys.readouterr().out
    assert "no_cors" in out and "xss" in out


# -- the relay ---------------------------------------------------------------------------------------


def upstream(feed: FeedServer, path: str = "api/status-page/example", provider: str = "uptime-kuma"):
    return status_relay.Upstream(provider, feed.url + path, 2, "mkdocs.yml")


def test_relay_writes_the_normalized_record(feed, tmp_path):
    feed.scenario = "degraded"
    out = tmp_path / "status" / "relay.json"
    before = int(time.time() * 1000)
    assert status_relay.relay_once(upstream(feed), out, {})
    record = json.loads(out.read_text(encoding="utf-8"))
    page = json.loads(fetch(feed.url + "api/status-page/example")[2])
    heartbeat = json.loads(fetch(feed.url + "api/status-page/heartbeat/example")[2])
    expected = normalize({"page": page, "heartbeat": heartbeat}, "uptime-kuma")
    assert from_record(record) == (record["checked"], expected)
    assert before <= record["checked"] <= time.time() * 1000
    assert out.stat().st_mode & 0o777 == 0o644  # the web server reads it
    assert [p.name for p in out.parent.iterdir()] == ["relay.json"]  # no temporary file left


def test_relay_keeps_the_last_good_record_when_the_upstream_fails(feed, tmp_path, capsys):
    out = tmp_path / "relay.json"
    assert status_relay.relay_once(upstream(feed), out, {})
    good = out.read_bytes()
    for scenario in ("http500", "invalid_json", "oversized"):
        feed.scenario = scenario
        assert not status_relay.relay_once(upstream(feed), out, {})
        assert out.read_bytes() == good  # with its old time
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 3  # one line each
    assert "HTTP 500" in lines[0] and "keeping" in lines[0] and str(out) in lines[0]
    assert "not JSON" in lines[1] and "over 1 MB" in lines[2]
    feed.scenario = "operational"
    fresh = tmp_path / "never.json"
    feed.scenario = "http500"
    assert not status_relay.relay_once(upstream(feed), fresh, {})
    assert not fresh.exists()
    assert "no earlier record" in capsys.readouterr().err


def test_relay_refuses_a_feed_of_another_shape(feed, tmp_path, capsys):
    feed.scenario = "operational"
    assert not status_relay.relay_once(upstream(feed, "api/v2/summary.json"), tmp_path / "r.json", {})
    assert "not a uptime-kuma feed" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("provider", "path", "environ", "sent"),
    [
        ("statuspage", "api/v2/summary.json", {"STATUSPAGE_API_KEY": "tok-123"}, {"Authorization": "OAuth tok-123"}),
        (
            "cachet",
            "api",
            {"CACHET_API_TOKEN": "tok-123"},
            {"X-Cachet-Token": "tok-123", "Authorization": "Bearer tok-123"},
        ),
        (
            "uptime-kuma",
            "api/status-page/example",
            {"HELPCENTER_STATUS_AUTHORIZATION": "Basic tok-123"},
            {"Authorization": "Basic tok-123"},
        ),
    ],
)
def test_relay_sends_tokens_from_the_environment_and_never_writes_them(
    feed, tmp_path, capsys, provider, path, environ, sent
):
    feed.scenario = "operational"
    out = tmp_path / "relay.json"
    assert status_relay.relay_once(upstream(feed, path, provider), out, environ)
    for headers in feed.headers_seen:
        assert {name: headers.get(name) for name in sent} == sent
    assert "tok-123" not in out.read_text(encoding="utf-8")
    feed.scenario = "http500"
    secret_url = status_relay.Upstream(provider, feed.url + path + "?api_key=tok-123", 2, "mkdocs.yml")
    assert not status_relay.relay_once(secret_url, out, environ)
    err = capsys.readouterr().err
    assert "HTTP" in err and "tok-123" not in err


def test_a_reader_never_sees_a_half_written_record(tmp_path):
    out = tmp_path / "relay.json"
    records = [json.dumps({"n": n, "padding": "x" * 200_000}) for n in range(2)]
    status_relay.write_atomically(out, records[0])
    seen: list[object] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                seen.append(json.loads(out.read_text(encoding="utf-8"))["n"])
            except ValueError as error:  # half a file, or an empty one
                seen.append(error)

    reader = threading.Thread(target=read)
    reader.start()
    for n in range(200):
        status_relay.write_atomically(out, records[n % 2])
    stop.set()
    reader.join()
    assert len(seen) > 10 and all(value in (0, 1) for value in seen), [v for v in seen if v not in (0, 1)][:3]


def relay_project(tmp_path, status: dict) -> str:
    write_project(tmp_path, {"sv/index.md": "# Hem\n"}, config={"plugins": [{"helpcenter": {"status": status}}]})
    return str(tmp_path / "mkdocs.yml")


def test_cli_relay_once(feed, tmp_path):
    feed.scenario = "maintenance"
    config = relay_project(tmp_path, {"url": feed.url + "api", "provider": "cachet", "relay": "status/relay.json"})
    out = tmp_path / "out" / "relay.json"
    assert main(["status", "relay", "-f", config, "--out", str(out), "--once"]) == 0
    checked, summary = from_record(json.loads(out.read_text(encoding="utf-8")))
    assert summary.components[0] == Component("Webmail", "under_maintenance")
    feed.scenario = "http500"
    assert main(["status", "relay", "-f", config, "--out", str(out)]) == 1
    assert from_record(json.loads(out.read_text(encoding="utf-8")))[0] == checked


@pytest.mark.parametrize(
    ("status", "args", "message"),
    [
        ({"relay": "status/relay.json"}, [], "status.url is 'not set': the relay reads the provider, so write"),
        ({"url": "status/summary.json"}, [], "write its absolute http(s) URL"),
        ({"url": "https://status.example.com/api/v2/summary.json"}, ["--every", "2"], "write --every 10 or more"),
    ],
)
def test_cli_relay_bad_input_gets_one_clear_message(tmp_path, capsys, status, args, message):
    config = relay_project(tmp_path, status)
    code = main(["status", "relay", "-f", config, "--out", str(tmp_path / "r.json"), *args])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert "mkdocs.yml" in err or "--every" in err
