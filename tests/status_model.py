"""The Python twin of ``assets/status.js``'s ``normalize``: a test oracle.

``tests/browser/test_status.py`` drives ``HelpcenterStatus.normalize`` in Chromium with the
unit tests' tables and compares its answers with this model's. Nothing in the plugin
needs it at run time, so it lives with its use.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from helpcenter.status import (
    COMPONENT_STATES,
    IMPACTS,
    INCIDENT_STATES,
    INDICATORS,
    MAINTENANCE_STATES,
    PROVIDERS,
    UNKNOWN,
    Component,
    Incident,
    Summary,
)

# Cachet 2.x API v1: component status 0..4, incident status 0 (scheduled) ..4 (fixed).
_CACHET_COMPONENTS = (UNKNOWN, "operational", "degraded_performance", "partial_outage", "major_outage")
_CACHET_INCIDENTS = ("scheduled", "investigating", "identified", "monitoring", "resolved")
_CACHET_RANK = {"operational": 0, "degraded_performance": 1, "partial_outage": 2, "major_outage": 3}


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
    """Cachet's status numbers: an integer, or a one-digit string; -1 for anything else."""
    if isinstance(value, bool):
        return -1
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else -1
    if isinstance(value, str) and re.fullmatch("[0-9]", value):
        return int(value)
    return -1


def _is_key(value: object) -> bool:
    return isinstance(value, (int, str)) and not isinstance(value, bool)


def _is_id(value: object) -> bool:
    """What a JS ``Map`` finds by value: numbers, strings, null (not objects, not booleans)."""
    return value is None or (isinstance(value, (int, float, str)) and not isinstance(value, bool))


def _id(item: Mapping[str, Any]) -> str:
    value = item.get("id")
    return _str(value) or (str(value) if _is_key(value) else "") or _str(item.get("name"))


def _affected(incident: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(n for n in (_str(c.get("name")) for c in _objects(incident.get("components"))) if n)


def _statuspage_event(item: Mapping[str, Any], kind: str) -> Incident:
    maintenance = kind == "maintenance"
    started = item.get("scheduled_for") if maintenance else item.get("started_at") or item.get("created_at")
    return Incident(
        id=_id(item),
        kind=kind,
        name=_str(item.get("name")),
        impact=_one(item.get("impact"), IMPACTS),
        status=_one(item.get("status"), MAINTENANCE_STATES if maintenance else INCIDENT_STATES),
        started=_str(started),
        url=_link(item.get("shortlink")),
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


def _cachet(payload: Mapping[str, Any]) -> Summary:
    listed = payload.get("components")
    if not isinstance(listed, dict) or not isinstance(listed.get("data"), list):
        raise FeedError("a Cachet feed has {'components': {'data': [...]}}")
    names: dict[int | float | str | None, str] = {}
    components = []
    for item in _objects(listed["data"]):
        name = _str(item.get("name"))
        if not name or item.get("enabled") is False:
            continue
        number = _number(item.get("status"))
        status = _CACHET_COMPONENTS[number] if 0 <= number < len(_CACHET_COMPONENTS) else UNKNOWN
        components.append(Component(name, status))
        if _is_id(item.get("id")):
            names[item.get("id")] = name
    worst, unsure = -1, not components
    for component in components:
        if component.status == UNKNOWN:
            unsure = True
        else:
            worst = max(worst, _CACHET_RANK[component.status])
    indicator = INDICATORS[worst] if worst > 0 else UNKNOWN if unsure else "none"
    incidents = []
    reported = payload.get("incidents")
    for item in _objects(reported.get("data") if isinstance(reported, dict) else None):
        if item.get("visible") in (0, False, "0", ""):  # JS: visible != 0
            continue
        number = _number(item.get("status"))
        status = _CACHET_INCIDENTS[number] if 0 <= number < len(_CACHET_INCIDENTS) else UNKNOWN
        affected = item.get("component_id")
        incidents.append(
            Incident(
                id=_id(item),
                kind="maintenance" if status == "scheduled" else "incident",
                name=_str(item.get("name")),
                status=status,
                started=_str(item.get("occurred_at") or item.get("created_at")),
                url=_link(item.get("permalink")),
                components=(names[affected],) if _is_id(affected) and affected in names else (),
            )
        )
    return Summary(indicator, tuple(components), tuple(incidents))


def normalize(payload: object, provider: str = "statuspage") -> Summary:
    """One provider's payload as the model. Raises ``FeedError`` for a payload of another shape.

    ``cachet`` takes ``{"components": <GET /api/v1/components>, "incidents": <GET /api/v1/incidents>}``.
    """
    if not isinstance(payload, dict):
        raise FeedError("a feed is a JSON object")
    if provider == "cachet":
        return _cachet(payload)
    if provider == "statuspage":
        return _statuspage(payload)
    raise FeedError(f"unknown provider '{provider}' (one of {', '.join(PROVIDERS)})")
