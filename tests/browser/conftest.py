"""Browser fixtures: the system Chromium (never a downloaded one) driven by Playwright,
against sites served on 127.0.0.1."""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Playwright, sync_playwright

from helpcenter.status.mock import FeedServer

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM"), *CHROMIUM_CANDIDATES, shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.fail("No system Chromium found: install the Debian package 'chromium' (make test does)")


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files, the locale's own 404 page, and optional extra headers (e.g. CSP)."""

    extra_headers: ClassVar[dict[str, str]] = {}

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code == 404:
            root = Path(self.directory)
            locale = self.path.lstrip("/").split("/", 1)[0]
            page = root / locale / "404.html"
            if not page.is_file():
                page = root / "404.html"
            if page.is_file():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:
        pass


class Server:
    """A static site on 127.0.0.1 with a free port."""

    def __init__(self, root: Path, headers: dict[str, str] | None = None) -> None:
        handler = type("Handler", (SiteHandler,), {"extra_headers": dict(headers or {})})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[..., Server]]:
    servers: list[Server] = []

    def start(root: Path, headers: dict[str, str] | None = None) -> Server:
        server = Server(root, headers)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


@pytest.fixture(scope="session")
def example_server(example_site, serve) -> Server:
    return serve(example_site.site)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class ConsoleErrors(list[str]):
    """Console errors and uncaught page errors of one page."""


@pytest.fixture
def context(browser: Browser) -> Iterator:
    context = browser.new_context(locale="sv-SE")
    yield context
    context.close()


@pytest.fixture
def page(context) -> Iterator[Page]:
    page = context.new_page()
    errors = ConsoleErrors()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    page.errors = errors  # type: ignore[attr-defined]
    yield page
    page.close()


def stay_offline(context: BrowserContext) -> None:
    """Third-party requests (e.g. a theme's web fonts) get an empty answer: tests stay offline."""
    context.route(
        re.compile(r"^https?://(?!127\.0\.0\.1[:/]).*"),
        lambda route: route.fulfill(status=200, body="", content_type="text/css"),
    )


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """``new_page(locale="sv-SE", context=None, offline=False, **context_options)``: a reader in
    Stockholm; console errors and uncaught errors of the page land in ``page.errors``.

    ``context`` opens another tab of that reader; ``offline`` answers third-party requests
    empty (not by default: a route would also stall requests while a test holds the page's clock).
    """
    contexts: list[BrowserContext] = []

    def make(
        locale: str = "sv-SE", context: BrowserContext | None = None, offline: bool = False, **options: object
    ) -> Page:
        if context is None:
            context = browser.new_context(locale=locale, timezone_id="Europe/Stockholm", **options)  # type: ignore[arg-type]
            if offline:
                stay_offline(context)
            contexts.append(context)
        page = context.new_page()
        errors = ConsoleErrors()

        def on_console(message: ConsoleMessage) -> None:
            # Material probes <alternate>/sitemap.xml for its language selector; a 404 there
            # is the theme's and the alternates' business, not the plugin's scripts'.
            if message.type == "error" and not message.location.get("url", "").endswith("/sitemap.xml"):
                errors.append(message.text)

        page.on("console", on_console)
        page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
        page.errors = errors  # type: ignore[attr-defined]
        return page

    yield make
    for context in contexts:
        context.close()


def axe_violations(page: Page) -> list[str]:
    """What axe-core finds on the page as shown (no hover, animations settled), one line each."""
    page.mouse.move(0, 0)  # no hover state
    page.wait_for_function("document.getAnimations().length === 0")
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
    ]


@pytest.fixture(scope="module")
def feed(request: pytest.FixtureRequest) -> Iterator[FeedServer]:
    """The mock status feed (``helpcenter status serve``'s), answering the module's ``FEED_SCENARIO``
    (``operational`` when it names none); a test may set ``feed.scenario``."""
    server = FeedServer(getattr(request.module, "FEED_SCENARIO", "operational")).start()
    yield server
    server.close()


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory, serve: Callable[..., Server], feed: FeedServer) -> Server:
    """The example help center with its status feed pointed at the module's mock feed."""
    from tests.conftest import example_with_feed

    return example_with_feed(tmp_path_factory.mktemp("example-feed"), serve, feed.url + "api/v2/summary.json")


@pytest.fixture
def reader(browser: Browser) -> Iterator[Page]:
    """One page of a reader in Stockholm (sv-SE), in a context of its own."""
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    yield page
    context.close()


RTL_GUIDE = """\
---
id: webmail-login
title: لا أستطيع تسجيل الدخول إلى البريد
summary: خطوات لحل مشكلة تسجيل الدخول.
type: guide
category: email
tags: [بريد]
---

قد تكون هناك عدة أسباب.

## زر صفحة الحالة

- [ ] تحقق من الصفحة.

## تحقق من كلمة المرور

- [ ] اكتب كلمة المرور مرة أخرى.
- [ ] تحقق من زر Caps Lock.
"""


@pytest.fixture(scope="module")
def rtl_site(tmp_path_factory: pytest.TempPathFactory, serve: Callable[..., Server]) -> Server:
    """A right-to-left help center (Arabic, with Swedish), a guide among its pages, served."""
    from tests.conftest import build_site, write_project

    root: Path = tmp_path_factory.mktemp("rtl")
    files = {
        "ar/index.md": "---\ntitle: مركز المساعدة\n---\nمرحبا.\n",
        "ar/categories.yml": "email:\n  title: البريد\n",
        "ar/email/login.md": RTL_GUIDE,
    }
    plugin = {"default_locale": "ar", "locales": {"ar": "العربية", "sv": "Svenska"}}
    write_project(root, files, config={"plugins": [{"helpcenter": plugin}]})
    (root / "site").mkdir()
    server = serve(root / "site")
    built = build_site(root, strict=False, extra={"site_url": server.url})
    assert not [w for w in built.warnings() if "ar/" in w], built.warnings()
    return server
