"""A mock status feed on 127.0.0.1, for editors trying the widget and for the tests.

``helpcenter status serve --scenario major_outage`` serves one scenario in both
provider shapes:

* Statuspage v2: ``/api/v2/summary.json`` (also ``/summary.json``)
* Cachet 2: ``/api/v1/components`` and ``/api/v1/incidents`` (``status.url`` is ``.../api/v1``)
* Cachet 3: ``/api/components`` and ``/api/incidents`` (JSON:API; ``status.url`` is ``.../api``)
* Uptime Kuma: ``/api/status-page/SLUG`` and ``/api/status-page/heartbeat/SLUG``, without CORS
  headers, as Kuma in production; under ``/cors/...`` with them, as behind a proxy that adds them.

``/scenario/NAME/...`` serves another scenario from the same server, e.g.
``/scenario/xss/api/v2/summary.json``. Request handling is bounded: only GET,
a socket timeout, and a ``slow`` response that ends when the server stops.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import threading
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from .model import CACHET2_COMPONENTS, CACHET3_COMPONENTS, Component, Incident, Summary

# -- the model written back in each provider's shape (what the mock feed serves) --------------------


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
                    "status": CACHET2_COMPONENTS.index(c.status) if c.status in CACHET2_COMPONENTS else 0,
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


def to_cachet3(summary: Summary) -> dict[str, Any]:
    """Cachet 3 (JSON:API) ``{"components": ..., "incidents": ...}`` carrying ``summary``.

    Component status alternates between ``{"human", "value"}`` and the bare number, as Cachet 3's
    versions do; incidents carry no impact and no link, and maintenance is not an incident.
    """
    numbers = {state: n for n, state in enumerate(CACHET3_COMPONENTS) if n != 5}
    ids = {c.name: n for n, c in enumerate(summary.components, 1)}
    progress = {"investigating": 1, "identified": 2, "monitoring": 3, "resolved": 4, "postmortem": 4}

    def component(n: int, c: Component) -> dict[str, Any]:
        value = numbers.get(c.status, 5)
        status: object = {"human": c.status.replace("_", " ").title(), "value": value} if n % 2 else value
        attributes = {"id": n, "name": c.name, "status": status, "enabled": True, "order": n}
        return {"id": str(n), "type": "components", "attributes": attributes}

    def incident(n: int, i: Incident) -> dict[str, Any]:
        value = progress.get(i.status, 0)
        attributes = {
            "id": n,
            "guid": i.id,
            "name": i.name,
            "message": i.name,
            "component_id": ids.get(i.components[0]) if i.components else None,
            "visible": True,
            "status": {"human": i.status.title(), "value": value},
            "occurred": {"human": "1 hour ago", "string": i.started},
        }
        return {"id": str(n), "type": "incidents", "attributes": attributes}

    def listing(data: list[dict[str, Any]]) -> dict[str, Any]:
        return {"data": data, "links": {"next": None}, "meta": {"per_page": 50, "total": len(data)}}

    return {
        "components": listing([component(n, c) for n, c in enumerate(summary.components, 1)]),
        "incidents": listing([incident(n, i) for n, i in enumerate(summary.incidents, 1) if i.kind == "incident"]),
    }


def to_uptime_kuma(summary: Summary) -> dict[str, Any]:
    """Uptime Kuma ``{"page": <status page>, "heartbeat": <heartbeats>}`` carrying ``summary``.

    Kuma knows no partial outage (a monitor is down), no impact, no link, and pins one incident,
    with no monitors named. A component of unknown state has only an empty day bucket (a bare 0).
    """
    beats = {"operational": 1, "degraded_performance": 2, "partial_outage": 0, "major_outage": 0}
    beats["under_maintenance"] = 3
    maintenance = {"in_progress": "under-maintenance", "verifying": "under-maintenance", "scheduled": "scheduled"}
    monitors = [{"id": n, "name": c.name, "type": "http"} for n, c in enumerate(summary.components, 1)]
    incidents = [i for i in summary.incidents if i.kind == "incident" and i.active]

    def heartbeats(c: Component) -> list[object]:
        if c.status not in beats:
            return [0]
        earlier = {"status": 1, "time": "2026-11-20 07:00:00", "msg": "", "ping": 31}
        return [0, earlier, {"status": beats[c.status], "time": "2026-11-20 08:12:00", "msg": "", "ping": 40}]

    page = {
        "config": {"slug": "example", "title": "Example"},
        "incident": {
            "id": 1,
            "style": "danger",
            "title": incidents[0].name,
            "content": incidents[0].name,
            "pin": True,
            "createdDate": incidents[0].started,
            "lastUpdatedDate": None,
        }
        if incidents
        else None,
        "publicGroupList": [
            {"id": 1, "name": "Email", "weight": 1, "monitorList": monitors[:2]},
            {"id": 2, "name": "Other services", "weight": 2, "monitorList": monitors[2:]},
        ],
        "maintenanceList": [
            {"id": n, "title": i.name, "description": "", "strategy": "single", "status": maintenance[i.status]}
            for n, i in enumerate(summary.incidents, 1)
            if i.kind == "maintenance" and i.status in maintenance
        ],
    }
    heartbeat = {
        "heartbeatList": {str(n): heartbeats(c) for n, c in enumerate(summary.components, 1)},
        "uptimeList": {f"{n}_24": 1 for n in range(1, len(summary.components) + 1)},
    }
    return {"page": page, "heartbeat": heartbeat}


# -- words -------------------------------------------------------------------------------


HOST = "127.0.0.1"
DEFAULT_PORT = 8001
STARTED = "2026-11-20T08:12:00Z"
XSS = '<img src=x onerror="window.__hcXss=1"><script>window.__hcXss=2</script>'


@dataclass(frozen=True)
class Scenario:
    """What one scenario serves: a feed, or a way of failing."""

    description: str
    summary: Summary | None = None
    http_status: int = 200
    body: bytes | None = None
    cors: bool = True
    delay: float = 0.0


def _components(**overrides: str) -> tuple[Component, ...]:
    names = ("Webmail", "Email delivery", "Control Panel", "DNS", "Web hosting")
    return tuple(Component(name, overrides.get(name.replace(" ", "_"), "operational")) for name in names)


def _event(
    id: str, kind: str, name: str, impact: str, status: str, *components: str, started: str = STARTED
) -> Incident:
    return Incident(id, kind, name, impact, status, started, f"https://status.example.com/incidents/{id}", components)


_OK = Summary("none", _components())
_RESOLVED = _event(
    "inc-old", "incident", "Slow DNS updates", "minor", "resolved", "DNS", started="2026-11-19T06:00:00Z"
)


def _xss() -> Summary:
    return Summary(
        XSS,
        (Component("Webmail", XSS), Component(XSS, "major_outage"), Component("Email delivery " + XSS, XSS)),
        (
            Incident(XSS, "incident", "Webmail " + XSS, XSS, XSS, XSS, "javascript:window.__hcXss=3", ("Webmail",)),
            Incident(XSS + "2", "maintenance", XSS, XSS, "in_progress", XSS, "javascript:alert(1)", (XSS,)),
        ),
    )


SCENARIOS: dict[str, Scenario] = {
    "operational": Scenario("every component operational, nothing open", _OK),
    "degraded": Scenario(
        "Webmail slow: degraded performance, a minor incident being investigated",
        Summary(
            "minor",
            _components(Webmail="degraded_performance"),
            (_event("inc-slow", "incident", "Slow Webmail login", "minor", "investigating", "Webmail"), _RESOLVED),
        ),
    ),
    "partial_outage": Scenario(
        "Webmail partly down: a major incident, cause identified",
        Summary(
            "major",
            _components(Webmail="partial_outage"),
            (
                _event(
                    "inc-partial", "incident", "Some users cannot log in to Webmail", "major", "identified", "Webmail"
                ),
            ),
        ),
    ),
    "major_outage": Scenario(
        "Webmail and email delivery down: a critical incident (and an old, resolved one)",
        Summary(
            "critical",
            _components(Webmail="major_outage", Email_delivery="partial_outage"),
            (
                _event(
                    "inc-major",
                    "incident",
                    "Webmail and email delivery are down",
                    "critical",
                    "identified",
                    "Webmail",
                    "Email delivery",
                ),
                _RESOLVED,
            ),
        ),
    ),
    "maintenance": Scenario(
        "Webmail under maintenance in progress; another maintenance only scheduled",
        Summary(
            "maintenance",
            _components(Webmail="under_maintenance"),
            (
                _event("mnt-now", "maintenance", "Webmail server upgrade", "minor", "in_progress", "Webmail"),
                _event(
                    "mnt-later",
                    "maintenance",
                    "DNS maintenance next week",
                    "minor",
                    "scheduled",
                    "DNS",
                    started="2026-11-27T22:00:00Z",
                ),
            ),
        ),
    ),
    "incident": Scenario(
        "components operational, an unresolved incident on the Control Panel (not Webmail)",
        Summary(
            "minor",
            _components(),
            (_event("inc-panel", "incident", "Control Panel logins are slow", "minor", "monitoring", "Control Panel"),),
        ),
    ),
    "http500": Scenario("the feed answers HTTP 500", http_status=500, body=b'{"error": "internal"}'),
    "slow": Scenario("the feed answers after 10 s, past any sensible timeout", _OK, delay=10.0),
    "invalid_json": Scenario("the feed answers a truncated JSON document", body=b'{"page": {"name": "Broken", '),
    "oversized": Scenario(
        "the feed answers 1.5 MB of valid JSON", body=b'{"components": [], "padding": "' + b"x" * 1_500_000 + b'"}'
    ),
    "no_cors": Scenario("a valid feed without CORS headers (the browser refuses it)", _OK, cors=False),
    "xss": Scenario("HTML and script in every string field, javascript: links", _xss()),
}


FEED_PATHS = (
    "/summary.json",
    "/api/v2/summary.json",
    "/api/v1/components",
    "/api/v1/incidents",
    "/api/components",
    "/api/incidents",
)
KUMA_PATH = re.compile(r"/api/status-page/(heartbeat/)?[\w-]+")


def is_kuma(path: str) -> bool:
    return KUMA_PATH.fullmatch(path) is not None


def payload(scenario: Scenario, path: str) -> bytes | None:
    """The body of ``path`` in ``scenario``, or None for a path that is not a feed."""
    kuma = KUMA_PATH.fullmatch(path)
    if path not in FEED_PATHS and kuma is None:
        return None
    if scenario.body is not None:
        return scenario.body
    if scenario.summary is None:
        return None
    data: Any
    if kuma is not None:
        data = to_uptime_kuma(scenario.summary)["heartbeat" if kuma.group(1) else "page"]
    elif path.startswith("/api/v1/"):
        data = to_cachet(scenario.summary)[path.rsplit("/", 1)[1]]
    elif path.startswith("/api/") and path != "/api/v2/summary.json":
        data = to_cachet3(scenario.summary)[path.rsplit("/", 1)[1]]
    else:
        data = to_statuspage(scenario.summary)
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


class FeedServer(ThreadingHTTPServer):
    """The mock feed. ``scenario`` may be changed while it runs; ``hits`` counts feed requests."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, scenario: str = "operational", port: int = 0, host: str = HOST) -> None:
        if host != HOST:
            raise ValueError(f"the mock feed only listens on {HOST}")
        self.scenario = scenario
        self.hits: Counter[str] = Counter()
        self.headers_seen: list[dict[str, str]] = []
        """Each feed request's headers (the relay's tests: tokens are sent)."""
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        super().__init__((host, port), _Handler)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    @property
    def origin(self) -> str:
        return self.url.rstrip("/")

    def count(self, path: str, headers: dict[str, str]) -> None:
        with self._lock:
            self.hits[path] += 1
            self.headers_seen.append(headers)

    def start(self) -> FeedServer:
        """Serve in a background thread (tests); ``close()`` stops it."""
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        self.stopping.set()
        if self._thread is not None:
            self.shutdown()
            self._thread.join(timeout=5)
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: FeedServer
    timeout = 10  # seconds a client may take to send its request

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        name = self.server.scenario
        if path.startswith("/scenario/"):
            _, _, name, rest = path.split("/", 3) if path.count("/") >= 3 else ("", "", "", "")
            path = "/" + rest
        proxied = path.startswith("/cors/")  # Kuma behind a proxy that adds CORS headers
        if proxied:
            path = path[len("/cors") :]
        scenario = SCENARIOS.get(name)
        body = payload(scenario, path) if scenario is not None else None
        if scenario is None or body is None:
            self._send(404, b'{"error": "not found"}', cors=True)
            return
        self.server.count(path, dict(self.headers.items()))
        if scenario.delay and self.server.stopping.wait(scenario.delay):
            return  # the server is stopping: drop the slow answer
        cors = scenario.cors and (proxied or not is_kuma(path))  # Kuma sends none in production
        self._send(scenario.http_status, body, cors=cors)

    def do_POST(self) -> None:
        self._send(405, b'{"error": "read only"}', cors=False)

    do_PUT = do_DELETE = do_PATCH = do_POST

    def _send(self, status: int, body: bytes, *, cors: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        if cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the browser gave up: fine
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


# -- the CLI --------------------------------------------------------------------------------


def _serve(args: argparse.Namespace) -> int:
    if args.list:
        for name, scenario in SCENARIOS.items():
            print(f"{name:15} {scenario.description}")
        return 0
    try:
        server = FeedServer(args.scenario, args.port)
    except OSError as error:
        print(f"helpcenter status serve: cannot listen on {HOST}:{args.port}: {error.strerror}")
        return 2
    url = server.url
    print(f"Mock status feed, scenario '{args.scenario}': {SCENARIOS[args.scenario].description}")
    print(f"  Statuspage: {url}api/v2/summary.json")
    print(f"  Cachet 2:   {url}api/v1  (provider: cachet)")
    print(f"  Cachet 3:   {url}api  (provider: cachet)")
    print(f"  Uptime Kuma: {url}api/status-page/example  (provider: uptime-kuma; no CORS, as Kuma)")
    print(f"               {url}cors/api/status-page/example  (with CORS, as behind a proxy adding it)")
    print(f"  Another scenario without restarting: {url}scenario/NAME/api/v2/summary.json")
    print("In mkdocs.yml (then `make serve`):")
    print(f"  status:\n    url: {url}api/v2/summary.json")
    print("Ctrl-C stops it.", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.stopping.set()
        server.server_close()
    return 0


def status_actions(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """The ``status`` command's sub-commands (``serve`` here, ``relay`` in status_relay), made once."""
    status = commands.choices.get("status")
    if status is None:
        status = commands.add_parser("status", help="live status widget: a mock feed, and the relay")
        status.set_defaults(actions=status.add_subparsers(dest="action", metavar="ACTION", required=True))
    actions: argparse._SubParsersAction[argparse.ArgumentParser] = status.get_default("actions")
    return actions


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``helpcenter status serve``."""
    serve = status_actions(commands).add_parser("serve", help=f"serve a mock status feed on {HOST}")
    serve.add_argument(
        "--scenario",
        choices=sorted(SCENARIOS),
        default="operational",
        metavar="NAME",
        help=f"one of: {', '.join(SCENARIOS)} (default: operational)",
    )
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port on {HOST} (default: {DEFAULT_PORT})")
    serve.add_argument("--list", action="store_true", help="list the scenarios and exit")
    serve.set_defaults(handler=_serve)
