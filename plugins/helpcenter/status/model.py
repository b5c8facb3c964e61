"""Every provider's feed as the one normalized model (``status.Summary``), in Python.

The same normalization runs in two places: in the reader's browser (``assets/status-<provider>.js``,
the configured provider's part only) and here, for ``helpcenter status relay``, which reads a
provider server-side and writes the model as a record the widget reads from the site itself
(``assets/status-relay.js``). ``tests/browser/test_status.py`` drives the JS parts with the unit
tests' tables and compares their answers with this module's.

Never green when it doesn't know: a value outside a provider's vocabulary becomes ``unknown``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

UNKNOWN = "unknown"
COMPONENT_STATES = ("operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance")
INDICATORS = ("none", "minor", "major", "critical", "maintenance")
IMPACTS = ("none", "minor", "major", "critical")
INCIDENT_STATES = ("investigating", "identified", "monitoring", "resolved", "postmortem")
MAINTENANCE_STATES = ("scheduled", "in_progress", "verifying", "completed")
PROVIDERS = ("statuspage", "cachet", "uptime-kuma")
DEFAULT_MAX_AGE = 600
KUMA_URL = re.compile(r"/api/status-page/[^/]+/*$")


@dataclass(frozen=True)
class Component:
    name: str
    status: str


@dataclass(frozen=True)
class Incident:
    """An incident or a maintenance (``kind``), active or not."""

    id: str
    kind: str
    name: str
    impact: str = UNKNOWN
    status: str = UNKNOWN
    started: str = ""
    url: str = ""
    components: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        """Unresolved incident, or maintenance that is not merely scheduled or completed."""
        if self.kind == "maintenance":
            return self.status not in ("scheduled", "completed")
        return self.status not in ("resolved", "postmortem")


@dataclass(frozen=True)
class Summary:
    """One feed, normalized: what the widget and the banner show."""

    indicator: str
    components: tuple[Component, ...] = ()
    incidents: tuple[Incident, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The same shape as the JS ``normalize`` returns."""
        return {
            "indicator": self.indicator,
            "components": [{"name": c.name, "status": c.status} for c in self.components],
            "incidents": [
                {
                    "id": i.id,
                    "kind": i.kind,
                    "name": i.name,
                    "impact": i.impact,
                    "status": i.status,
                    "started": i.started,
                    "url": i.url,
                    "components": list(i.components),
                    "active": i.active,
                }
                for i in self.incidents
            ],
        }


# -- the model in each provider's shape (for the mock feed) -----------------------------


RECORD_VERSION = 1

# Cachet 2 (API v1): component status 0..4, incident status 0 (scheduled) .. 4 (fixed).
CACHET2_COMPONENTS = (UNKNOWN, "operational", "degraded_performance", "partial_outage", "major_outage")
CACHET2_INCIDENTS = ("scheduled", "investigating", "identified", "monitoring", "resolved")
# Cachet 3 (JSON:API): component status 1..6 (5 unknown, 6 under maintenance), incident status 1..4.
CACHET3_COMPONENTS = (*CACHET2_COMPONENTS, UNKNOWN, "under_maintenance")
CACHET3_INCIDENTS = (UNKNOWN, *CACHET2_INCIDENTS[1:])
# Uptime Kuma: heartbeat status 0 down, 1 up, 2 pending, 3 maintenance.
_KUMA_HEARTBEATS = ("major_outage", "operational", "degraded_performance", "under_maintenance")
_KUMA_MAINTENANCE = {"under-maintenance": "in_progress", "scheduled": "scheduled", "ended": "completed"}
# The overall state from component states, for providers that report none: the worst outage,
# else unknown if any is unknown, else maintenance if any is under maintenance.
_OUTAGE_RANK = {"operational": 0, "degraded_performance": 1, "partial_outage": 2, "major_outage": 3}


class FeedError(ValueError):
    """A payload that is not a feed of the given provider."""


def _one(value: object, allowed: Sequence[str]) -> str:
    return value if isinstance(value, str) and value in allowed else UNKNOWN


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _objects(value: object) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _link(value: object) -> str:
    """Only http(s) links from a feed; anything else (``javascript:`` ...) is dropped."""
    text = _str(value)
    return text if re.match(r"https?://[^\s/?#]", text, re.I) else ""


def _number(value: object) -> int:
    """A status number: an integer, or a one-digit string; -1 for anything else."""
    if isinstance(value, bool):
        return -1
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else -1
    if isinstance(value, str) and re.fullmatch("[0-9]", value):
        return int(value)
    return -1


def _nth(states: Sequence[str], value: object) -> str:
    number = _number(value)
    return states[number] if 0 <= number < len(states) else UNKNOWN


def _is_key(value: object) -> bool:
    return isinstance(value, (int, str)) and not isinstance(value, bool)


def _key(value: object) -> str | None:
    """An id as a lookup key: integers and strings ("1" and 1 are one id), nothing else."""
    return str(value) if _is_key(value) else None


def _id(item: Mapping[str, Any]) -> str:
    value = item.get("id")
    return _str(value) or (str(value) if _is_key(value) else "") or _str(item.get("name"))


def _event(item: Mapping[str, Any], **fields: Any) -> Incident:
    """An incident or maintenance; ``fields`` are what the provider calls them."""
    return Incident(
        id=_id(item),
        kind=fields["kind"],
        name=_str(fields.get("name", item.get("name"))),
        impact=fields.get("impact", UNKNOWN),
        status=fields["status"],
        started=_str(fields.get("started")),
        url=_link(fields.get("url")),
        components=tuple(fields.get("components", ())),
    )


def overall(components: Sequence[Component]) -> str:
    """The indicator of a provider that reports none: never "none" unless every state is known."""
    statuses = [c.status for c in components]
    worst = max((_OUTAGE_RANK.get(s, -1) for s in statuses), default=-1)
    if worst > 0:
        return INDICATORS[worst]
    if not statuses or UNKNOWN in statuses:
        return UNKNOWN
    return "maintenance" if "under_maintenance" in statuses else "none"


# -- Statuspage v2 ---------------------------------------------------------------------------


def _affected(incident: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(n for n in (_str(c.get("name")) for c in _objects(incident.get("components"))) if n)


def _statuspage_event(item: Mapping[str, Any], kind: str) -> Incident:
    maintenance = kind == "maintenance"
    return _event(
        item,
        kind=kind,
        impact=_one(item.get("impact"), IMPACTS),
        status=_one(item.get("status"), MAINTENANCE_STATES if maintenance else INCIDENT_STATES),
        started=item.get("scheduled_for") if maintenance else item.get("started_at") or item.get("created_at"),
        url=item.get("shortlink"),
        components=_affected(item),
    )


def _statuspage(payload: Mapping[str, Any]) -> Summary:
    if not isinstance(payload.get("components"), list):
        raise FeedError("a Statuspage summary has a 'components' list")
    status = payload.get("status")
    return Summary(
        indicator=_one(status.get("indicator") if isinstance(status, dict) else None, INDICATORS),
        components=tuple(
            Component(c["name"], _one(c.get("status"), COMPONENT_STATES))
            for c in _objects(payload["components"])
            if _str(c.get("name"))
        ),
        incidents=tuple(_statuspage_event(i, "incident") for i in _objects(payload.get("incidents")))
        + tuple(_statuspage_event(i, "maintenance") for i in _objects(payload.get("scheduled_maintenances"))),
    )


# -- Cachet 2 (API v1) and Cachet 3 (JSON:API) ----------------------------------------------------


def _attributes(item: dict[str, Any]) -> dict[str, Any]:
    """Cachet 3 puts a record's fields in ``attributes``; Cachet 2 does not."""
    attributes = item.get("attributes")
    return {"id": item.get("id"), **attributes} if isinstance(attributes, dict) else item


def _status_value(value: object) -> object:
    """Cachet 3's ``{"human": "Major Outage", "value": 4}``, or the bare number (or numeric string)."""
    return value.get("value") if isinstance(value, dict) else value


def _when(value: object) -> str:
    """A time: a string, or Cachet 3's ``{"human": ..., "string": ...}``."""
    return _str(value.get("string") if isinstance(value, dict) else value)


def _cachet(payload: Mapping[str, Any]) -> Summary:
    listed = payload.get("components")
    if not isinstance(listed, dict) or not isinstance(listed.get("data"), list):
        raise FeedError("a Cachet feed has {'components': {'data': [...]}}")
    version3 = any(isinstance(item.get("attributes"), dict) for item in _objects(listed["data"]))
    component_states = CACHET3_COMPONENTS if version3 else CACHET2_COMPONENTS
    incident_states = CACHET3_INCIDENTS if version3 else CACHET2_INCIDENTS
    names: dict[str, str] = {}
    components = []
    for item in map(_attributes, _objects(listed["data"])):
        name = _str(item.get("name"))
        if not name or item.get("enabled") is False:
            continue
        components.append(Component(name, _nth(component_states, _status_value(item.get("status")))))
        key = _key(item.get("id"))
        if key is not None:
            names.setdefault(key, name)
    incidents = []
    reported = payload.get("incidents")
    for item in map(_attributes, _objects(reported.get("data") if isinstance(reported, dict) else None)):
        if item.get("visible") in (0, False, "0", ""):  # JS: visible != 0
            continue
        status = _nth(incident_states, _status_value(item.get("status")))
        key = _key(item.get("component_id"))
        started = _when(item.get("occurred_at")) or _when(item.get("occurred")) or _when(item.get("created_at"))
        incidents.append(
            _event(
                item,
                kind="maintenance" if status == "scheduled" else "incident",
                status=status,
                started=started,
                url=item.get("permalink"),
                components=(names[key],) if key in names else (),
            )
        )
    return Summary(overall(components), tuple(components), tuple(incidents))


# -- Uptime Kuma ------------------------------------------------------------------------------------


def _latest_heartbeat(beats: object) -> str:
    """The last entry of a monitor's list; an empty day bucket (a bare 0) or none at all is unknown."""
    last = beats[-1] if isinstance(beats, list) and beats else None
    return _nth(_KUMA_HEARTBEATS, last.get("status")) if isinstance(last, dict) else UNKNOWN


def _uptime_kuma(payload: Mapping[str, Any]) -> Summary:
    page, heartbeat = payload.get("page"), payload.get("heartbeat")
    if not isinstance(page, dict) or not isinstance(page.get("publicGroupList"), list):
        raise FeedError("an Uptime Kuma status page has a 'publicGroupList' list")
    beats = heartbeat.get("heartbeatList") if isinstance(heartbeat, dict) else None
    if not isinstance(beats, dict):
        raise FeedError("an Uptime Kuma heartbeat answer has a 'heartbeatList' object")
    components = []
    for group in _objects(page["publicGroupList"]):
        for monitor in _objects(group.get("monitorList")):
            name, key = _str(monitor.get("name")), _key(monitor.get("id"))
            if name:
                components.append(Component(name, _latest_heartbeat(beats.get(key) if key is not None else None)))
    listed = page.get("incidents")
    pinned = _objects(listed if isinstance(listed, list) else [page.get("incident")])
    incidents = [
        _event(item, kind="incident", name=item.get("title"), status=UNKNOWN, started=item.get("createdDate"))
        for item in pinned
        if item.get("active") is not False
    ]
    incidents += [
        _event(
            item,
            kind="maintenance",
            name=item.get("title"),
            status=_KUMA_MAINTENANCE.get(_str(item.get("status")), UNKNOWN),
        )
        for item in _objects(page.get("maintenanceList"))
    ]
    return Summary(overall(components), tuple(components), tuple(incidents))


# -- the relay's record -------------------------------------------------------------------------------


def to_record(summary: Summary, checked: int) -> dict[str, Any]:
    """What ``helpcenter status relay`` writes: the model and when the upstream last answered (ms)."""
    return {"v": RECORD_VERSION, "checked": checked, **summary.to_json()}


def from_record(record: object) -> tuple[int, Summary]:
    """A relay record, checked like any feed: (when the upstream answered, in ms; the model)."""
    if not isinstance(record, dict) or not isinstance(record.get("components"), list):
        raise FeedError("a relay record has a 'components' list")
    checked = record.get("checked")
    if not isinstance(checked, int) or isinstance(checked, bool):
        raise FeedError("a relay record has 'checked': when the upstream last answered, in ms")
    incidents = []
    for item in _objects(record.get("incidents")):
        kind = "maintenance" if item.get("kind") == "maintenance" else "incident"
        states = MAINTENANCE_STATES if kind == "maintenance" else INCIDENT_STATES
        incidents.append(
            _event(
                item,
                kind=kind,
                impact=_one(item.get("impact"), IMPACTS),
                status=_one(item.get("status"), states),
                started=item.get("started"),
                url=item.get("url"),
                components=[name for name in item.get("components") or () if _str(name)]
                if isinstance(item.get("components"), list)
                else (),
            )
        )
    components = tuple(
        Component(c["name"], _one(c.get("status"), COMPONENT_STATES))
        for c in _objects(record["components"])
        if _str(c.get("name"))
    )
    return checked, Summary(_one(record.get("indicator"), INDICATORS), components, tuple(incidents))


# -- every provider ---------------------------------------------------------------------------------


def normalize(payload: object, provider: str = "statuspage") -> Summary:
    """One provider's payload as the model. Raises ``FeedError`` for a payload of another shape.

    ``cachet`` takes ``{"components": <GET …/components>, "incidents": <GET …/incidents>}``;
    ``uptime-kuma`` takes ``{"page": <GET /api/status-page/SLUG>, "heartbeat": <GET …/heartbeat/SLUG>}``.
    """
    if not isinstance(payload, dict):
        raise FeedError("a feed is a JSON object")
    if provider == "cachet":
        return _cachet(payload)
    if provider == "uptime-kuma":
        return _uptime_kuma(payload)
    if provider == "statuspage":
        return _statuspage(payload)
    raise FeedError(f"unknown provider '{provider}' (one of {', '.join(PROVIDERS)})")


def kuma_heartbeat_url(url: str) -> str:
    """``…/api/status-page/SLUG`` → ``…/api/status-page/heartbeat/SLUG``."""
    return re.sub(r"/api/status-page/(?=[^/]+/*$)", "/api/status-page/heartbeat/", url)


def feed_urls(provider: str, url: str) -> dict[str, str]:
    """What to fetch for a provider, by the part of ``normalize``'s payload it fills ("" is all of it)."""
    base = url.rstrip("/")
    if provider == "cachet":
        # Cachet 2's API sorts with sort=id&order=desc; Cachet 3's (JSON:API) would refuse those.
        query = "?per_page=50&sort=id&order=desc" if base.endswith("/v1") else "?per_page=50"
        return {"components": base + "/components?per_page=500", "incidents": base + "/incidents" + query}
    if provider == "uptime-kuma":
        return {"page": url, "heartbeat": kuma_heartbeat_url(url)}
    return {"": url}
