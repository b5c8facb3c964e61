"""``helpcenter status relay``: reads the configured status provider server-side and writes the
normalized model where the site serves it (``status.relay``), for feeds a browser cannot read.

* Upstream: ``status.url`` and ``status.provider`` from mkdocs.yml, fetched with
  ``status.timeout``, at most 1 MB per answer, like the widget.
* Tokens come from environment variables only (``TOKEN_VARIABLES``), are sent as request
  headers and never written to the record or the log.
* The record is ``model.to_record``: the one model, plus ``checked``, when the upstream
  last answered (ms since the epoch). It is written atomically: a temporary file in the same
  folder, then a rename, so a reader sees the old record or the new one, never half of one.
* When the upstream fails, the last good record stays as it is, with its old time (the widget
  shows "unavailable" once it is older than ``status.max_age``), and one line says why.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..cli.project import ProjectError, load_settings
from .model import FeedError, Summary, feed_urls, from_record, normalize, to_record

MAX_ANSWER_BYTES = 1 << 20
MIN_EVERY = 10
# Provider -> (environment variable, the request headers it becomes).
TOKEN_VARIABLES: dict[str, tuple[str, Callable[[str], dict[str, str]]]] = {
    # A Statuspage API key (e.g. for a private page), sent as Atlassian's API expects it.
    "statuspage": ("STATUSPAGE_API_KEY", lambda key: {"Authorization": f"OAuth {key}"}),
    # Cachet 2 reads X-Cachet-Token, Cachet 3 a bearer token: both are sent.
    "cachet": ("CACHET_API_TOKEN", lambda key: {"X-Cachet-Token": key, "Authorization": f"Bearer {key}"}),
}
# Any provider, e.g. behind a reverse proxy with basic auth: the whole Authorization header's value.
AUTHORIZATION_VARIABLE = "HELPCENTER_STATUS_AUTHORIZATION"


class UpstreamError(Exception):
    """The upstream did not give a usable answer; the message says why (never a token)."""


@dataclass(frozen=True)
class Upstream:
    provider: str
    url: str
    timeout: int
    config_file: str

    @property
    def shown(self) -> str:
        """The URL as logged: no query string or user info (they may carry a secret)."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.hostname or ''}{f':{parts.port}' if parts.port else ''}{parts.path}"


def auth_headers(provider: str, environ: Mapping[str, str]) -> dict[str, str]:
    """The request headers the environment's tokens become."""
    headers = {}
    variable, make = TOKEN_VARIABLES.get(provider, ("", None))
    if make is not None and environ.get(variable, "").strip():
        headers.update(make(environ[variable].strip()))
    if environ.get(AUTHORIZATION_VARIABLE, "").strip():
        headers["Authorization"] = environ[AUTHORIZATION_VARIABLE].strip()
    return headers


def load_upstream(config_file: str | Path) -> Upstream:
    """``status.url``, ``provider`` and ``timeout`` from mkdocs.yml; ProjectError names what to write."""
    path = Path(config_file)
    _config, settings = load_settings(path)
    status = settings.status
    url = (status.url or "").strip()
    if urlsplit(url).scheme not in ("http", "https"):
        raise ProjectError(
            f"{path}: plugins.helpcenter.status.url is {url or 'not set'!r}: the relay reads the provider, "
            "so write its absolute http(s) URL, e.g. url: https://status.example.com/api/v2/summary.json"
        )
    return Upstream(status.provider, url, max(1, status.timeout), str(path))


def fetch_json(url: str, headers: Mapping[str, str], timeout: float) -> Any:
    request = urllib.request.Request(url, headers={"Accept": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_ANSWER_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise UpstreamError(f"HTTP {error.code}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise UpstreamError(f"no answer ({reason})") from None
    if len(body) > MAX_ANSWER_BYTES:
        raise UpstreamError("answer over 1 MB")
    try:
        return json.loads(body)
    except ValueError:
        raise UpstreamError("the answer is not JSON") from None


def read_upstream(upstream: Upstream, environ: Mapping[str, str]) -> Summary:
    """The provider's feed, normalized (raises UpstreamError)."""
    headers = auth_headers(upstream.provider, environ)
    parts = {
        name: fetch_json(url, headers, upstream.timeout)
        for name, url in feed_urls(upstream.provider, upstream.url).items()
    }
    payload = parts.pop("") if "" in parts else parts
    try:
        return normalize(payload, upstream.provider)
    except FeedError as error:
        raise UpstreamError(f"not a {upstream.provider} feed: {error}") from None


def write_atomically(path: Path, text: str) -> None:
    """A temporary file in the same folder, then a rename: readers see the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)  # the web server reads it (mkstemp makes it private)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def last_checked(path: Path) -> int | None:
    """When the upstream answered for the record at ``path``, if it is a record."""
    try:
        checked, _summary = from_record(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None
    return checked


def relay_once(upstream: Upstream, out: Path, environ: Mapping[str, str], now: Callable[[], float] = time.time) -> bool:
    """One round: a new record, or the old one kept and one line on stderr. True when the upstream answered."""
    try:
        summary = read_upstream(upstream, environ)
    except UpstreamError as error:
        checked = last_checked(out)
        kept = (
            f"keeping {out} from {datetime.fromtimestamp(checked / 1000, UTC):%Y-%m-%d %H:%M:%S} UTC"
            if checked is not None
            else f"no earlier record in {out}"
        )
        print(f"helpcenter status relay: {upstream.provider} {upstream.shown}: {error}; {kept}", file=sys.stderr)
        return False
    record = to_record(summary, int(now() * 1000))
    write_atomically(out, json.dumps(record, ensure_ascii=False, separators=(",", ":")))
    return True


def _relay(args: argparse.Namespace) -> int:
    upstream = load_upstream(args.config_file)
    out = Path(args.out)
    if args.every is None:
        return 0 if relay_once(upstream, out, os.environ) else 1
    if args.every < MIN_EVERY:
        print(f"helpcenter status relay: --every {args.every}: write --every {MIN_EVERY} or more", file=sys.stderr)
        return 2
    while True:
        started = time.monotonic()
        relay_once(upstream, out, os.environ)
        time.sleep(max(0.0, args.every - (time.monotonic() - started)))


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``helpcenter status relay``."""
    from .mock import status_actions

    relay = status_actions(commands).add_parser(
        "relay", help="read the status provider server-side and write its normalized record for the site"
    )
    relay.add_argument("-f", "--config-file", default="mkdocs.yml")
    relay.add_argument("--out", required=True, metavar="PATH", help="the record's file (served at status.relay)")
    when = relay.add_mutually_exclusive_group()
    when.add_argument("--every", type=int, metavar="SECONDS", help="keep running, one round every SECONDS")
    when.add_argument("--once", action="store_true", help="one round, then exit (the default)")
    relay.set_defaults(handler=_relay)
