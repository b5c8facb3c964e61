"""Live status: the feed model, the page fragments and where the widget goes.

The status of a service is only known in the reader's browser (``assets/status.js``
fetches the feed, normalizes it and renders it). This module holds:

* the normalized model (``Summary``) and ``normalize(payload, provider)``, the
  Python twin of the JS normalization, used by the mock feed server and the tests;
* ``to_statuspage`` / ``to_cachet``: the model written back in each provider's shape;
* ``StatusPages``: the widget and the banner host (with the settings and localized
  words status.js reads), rendered from templates; ``blocks.py`` places the widget
  in the page's Markdown tree.

Never green when it doesn't know: any value outside a provider's vocabulary becomes
``"unknown"``, never ``"operational"``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit

from babel import Locale
from mkdocs.plugins import get_plugin_logger

from .blocks import StatusContext
from .locales import LocaleInfo
from .rendering import Renderer

log = get_plugin_logger("helpcenter")

UNKNOWN = "unknown"
COMPONENT_STATES = ("operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance")
INDICATORS = ("none", "minor", "major", "critical", "maintenance")
IMPACTS = ("none", "minor", "major", "critical")
INCIDENT_STATES = ("investigating", "identified", "monitoring", "resolved", "postmortem")
MAINTENANCE_STATES = ("scheduled", "in_progress", "verifying", "completed")
PROVIDERS = ("statuspage", "cachet")
BANNER_MODES = ("all", "components", "major")

# Cachet 2.x API v1: component status 0..4, incident status 0 (scheduled) ..4 (fixed).
_CACHET_COMPONENTS = (UNKNOWN, "operational", "degraded_performance", "partial_outage", "major_outage")
_CACHET_INCIDENTS = ("scheduled", "investigating", "identified", "monitoring", "resolved")
_CACHET_RANK = {"operational": 0, "degraded_performance": 1, "partial_outage": 2, "major_outage": 3}


class FeedError(ValueError):
    """A payload that is not a feed of the given provider."""


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


# -- normalization (mirrors assets/status.js) -------------------------------------------


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


# -- the model in each provider's shape (for the mock feed) -----------------------------


def to_statuspage(
    summary: Summary, *, name: str = "Example", url: str = "https://status.example.com/"
) -> dict[str, Any]:
    """A Statuspage v2 ``summary.json`` carrying ``summary``."""

    def event(incident: Incident) -> dict[str, Any]:
        affected = [{"name": n} for n in incident.components]
        data: dict[str, Any] = {
            "id": incident.id,
            "name": incident.name,
            "status": incident.status,
            "impact": incident.impact,
            "shortlink": incident.url,
            "created_at": incident.started,
            "started_at": incident.started,
            "components": affected,
            "incident_updates": [{"status": incident.status, "body": incident.name, "affected_components": affected}],
        }
        if incident.kind == "maintenance":
            data["scheduled_for"] = incident.started
        return data

    return {
        "page": {"id": "example", "name": name, "url": url},
        "status": {"indicator": summary.indicator, "description": summary.indicator},
        "components": [
            {"id": f"c{n}", "name": c.name, "status": c.status, "position": n}
            for n, c in enumerate(summary.components, 1)
        ],
        "incidents": [event(i) for i in summary.incidents if i.kind == "incident"],
        "scheduled_maintenances": [event(i) for i in summary.incidents if i.kind == "maintenance"],
    }


def to_cachet(summary: Summary) -> dict[str, Any]:
    """Cachet v1 ``{"components": ..., "incidents": ...}`` carrying ``summary`` (impact is lost)."""
    ids = {c.name: n for n, c in enumerate(summary.components, 1)}

    def status(incident: Incident) -> int:
        if incident.kind == "maintenance":
            return 0
        named = {"investigating": 1, "identified": 2, "monitoring": 3, "resolved": 4, "postmortem": 4}
        return named.get(incident.status, 9)

    return {
        "components": {
            "data": [
                {
                    "id": ids[c.name],
                    "name": c.name,
                    "status": _CACHET_COMPONENTS.index(c.status) if c.status in _CACHET_COMPONENTS else 0,
                    "enabled": True,
                }
                for c in summary.components
            ]
        },
        "incidents": {
            "data": [
                {
                    "id": n,
                    "name": i.name,
                    "status": status(i),
                    "visible": 1,
                    "component_id": ids.get(i.components[0], 0) if i.components else 0,
                    "occurred_at": i.started,
                    "permalink": i.url,
                    "message": i.name,
                }
                for n, i in enumerate(summary.incidents, 1)
            ]
        },
    }


# -- words -------------------------------------------------------------------------------


def _plural_samples(code: str) -> dict[str, int]:
    """A number for each CLDR plural category of a locale (``Intl.PluralRules`` names)."""
    rule = Locale.parse(code.replace("-", "_")).plural_form
    samples: dict[str, int] = {}
    # Small numbers, then powers of ten: some categories start there (French "many": 1,000,000).
    for n in itertools.chain(range(1000), (10**power for power in range(3, 13))):
        samples.setdefault(rule(n), n)
    samples.setdefault("other", 10)
    return samples


def texts(gettext: Callable[[str], str], ngettext: Callable[[str, str, int], str], code: str) -> dict[str, Any]:
    """Every word status.js shows, in one locale. Plural forms per CLDR category."""
    samples = _plural_samples(code)
    return {
        "title": gettext("Service status"),
        "pending": gettext("Checking status…"),
        "unavailable": gettext("Status unavailable — see the status page"),
        "unavailable_nopage": gettext("Status unavailable"),
        "page": gettext("See the status page"),
        "now": gettext("Checked just now"),
        "min": {
            tag: ngettext("Checked %(num)d minute ago", "Checked %(num)d minutes ago", n) for tag, n in samples.items()
        },
        "hour": {
            tag: ngettext("Checked %(num)d hour ago", "Checked %(num)d hours ago", n) for tag, n in samples.items()
        },
        "i_none": gettext("All systems operational"),
        "i_minor": gettext("Minor service disruption"),
        "i_major": gettext("Major service outage"),
        "i_critical": gettext("Critical service outage"),
        "i_maintenance": gettext("Maintenance in progress"),
        "i_unknown": gettext("Overall status unknown"),
        "c_operational": gettext("Operational"),
        "c_degraded_performance": gettext("Degraded performance"),
        "c_partial_outage": gettext("Partial outage"),
        "c_major_outage": gettext("Major outage"),
        "c_under_maintenance": gettext("Under maintenance"),
        "c_unknown": gettext("Status unknown"),
        "p_none": gettext("No impact"),
        "p_minor": gettext("Minor impact"),
        "p_major": gettext("Major impact"),
        "p_critical": gettext("Critical impact"),
        "s_investigating": gettext("Investigating"),
        "s_identified": gettext("Identified"),
        "s_monitoring": gettext("Monitoring"),
        "s_resolved": gettext("Resolved"),
        "s_postmortem": gettext("Postmortem"),
        "s_scheduled": gettext("Scheduled"),
        "s_in_progress": gettext("In progress"),
        "s_verifying": gettext("Verifying"),
        "s_completed": gettext("Completed"),
        "s_unknown": gettext("Progress unknown"),
        "incident": gettext("Incident"),
        "maintenance": gettext("Maintenance"),
        "started": gettext("Started %(time)s"),
        "dismiss": gettext("Dismiss: %(name)s"),
    }


def page_relative(target: str, page_url: str) -> str:
    """A site-relative ``target`` as seen from the page at ``page_url``; absolute ones as they are."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("/"):
        return target
    return "../" * page_url.count("/") + target


# -- pages -------------------------------------------------------------------------------


class StatusOptions(Protocol):
    """The ``status`` options of the plugin (``config._StatusConfig``)."""

    @property
    def url(self) -> str | None: ...
    @property
    def page(self) -> str | None: ...
    @property
    def provider(self) -> str: ...
    @property
    def refresh(self) -> int: ...
    @property
    def timeout(self) -> int: ...
    @property
    def banner(self) -> str: ...


@dataclass
class StatusPages:
    """The status widget and the banner host of each page, rendered from templates."""

    options: StatusOptions
    renderer: Renderer
    locales: Mapping[str, LocaleInfo]
    config_file: str = "mkdocs.yml"
    _settings: dict[str, dict[str, Any]] = field(default_factory=dict, init=False)
    _warned: set[str] = field(default_factory=set, init=False)

    def __post_init__(self) -> None:
        self.url = (self.options.url or "").strip()
        self.page = (self.options.page or "").strip()
        self.refresh = self.options.refresh
        self.timeout = self.options.timeout
        where = f"{self.config_file}: plugins.helpcenter.status"
        if not self.url:
            return
        scheme = urlsplit(self.url).scheme
        if scheme not in ("", "http", "https"):
            log.warning(f"{where}.url: '{self.url}' is neither an http(s) URL nor a path on the site")
        if not self.page:
            log.warning(
                f"{where}.page is not set: readers cannot be sent to a status page when the status is unavailable"
            )
        if self.refresh < 10:
            log.warning(f"{where}.refresh: {self.refresh} s is too often; using 10 s")
            self.refresh = 10
        if self.timeout < 1 or self.timeout >= self.refresh:
            fixed = max(1, min(self.timeout, self.refresh - 1))
            log.warning(f"{where}.timeout: {self.timeout} s must be between 1 s and refresh; using {fixed} s")
            self.timeout = fixed

    @property
    def enabled(self) -> bool:
        return bool(self.url)

    def settings(self, locale: str) -> dict[str, Any]:
        """What status.js reads from the banner host: the feed, its timing and every word, once per locale."""
        cached = self._settings.get(locale)
        if cached is None:
            catalog = self.renderer.catalogs.get(locale)
            info = self.locales[locale]
            cached = {
                "url": self.url,
                "page": self.page,
                "provider": self.options.provider,
                "refresh": self.refresh,
                "timeout": self.timeout,
                "banner": self.options.banner,
                "lang": info.html_lang,
                "texts": texts(catalog.gettext, catalog.ngettext, info.code),
            }
            self._settings[locale] = cached
        return cached

    def context(self, locale: str, page_url: str, components: Sequence[str]) -> StatusContext:
        """For the tree processor: the page's components and how its widgets are rendered."""
        if not self.enabled:
            return StatusContext(components, None)
        lang = self.locales[locale].html_lang
        page = page_relative(self.page, page_url) if self.page else None

        def widget(names: Sequence[str]) -> str:
            return self.renderer.render(locale, "status-widget.html", lang=lang, components=list(names), page=page)

        return StatusContext(components, widget)

    def banner(self, locale: str, components: Sequence[str]) -> str:
        """The banner host (filled by status.js) and the page's one polite status region."""
        if not self.enabled:
            return ""
        return self.renderer.render(
            locale,
            "status-banner.html",
            lang=self.locales[locale].html_lang,
            settings=self.settings(locale),
            components=list(components),
        )

    def report(self, source: str, context: StatusContext) -> None:
        """After the page's conversion: what the editor asked for that cannot be shown."""
        if self.enabled:
            return
        if context.components:
            self._warn(
                f"{source}: front matter lists status components ({', '.join(context.components)}) but "
                f"{self.config_file} sets no plugins.helpcenter.status.url; no live status is shown"
            )
        if context.unplaced_blocks:
            self._warn(
                f"{source}: '/// status' block but {self.config_file} sets no "
                "plugins.helpcenter.status.url; the block is left out"
            )

    def _warn(self, message: str) -> None:
        """Each problem once per build, though untranslated pages repeat their original."""
        if message not in self._warned:
            self._warned.add(message)
            log.warning(message)
