"""``mkdocs serve`` for editors: a page's problems in a box at its top that leaves once the source
is fixed (the dev server rebuilds and the page reloads), and each locale's own 404 page."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import write_project

BROKEN = "Se [steg 3](b.md#step-3).\n"
FIXED = "Se [steg 2](b.md#step-2).\n"
LINK = "sv/a.md:7: link 'b.md#step-3': sv/b.md has no anchor 'step-3'; did you mean 'b.md#step-1' or 'b.md#step-2'?"
FILES = {
    "sv/a.md": f"---\nid: a\ntitle: A\ncategory: email\ntags: [x]\n---\n{BROKEN}",
    "sv/b.md": "---\nid: b\ntitle: B\ncategory: email\ntags: [x]\ntype: guide\n---\n"
    "## Ett\n\n- [ ] a\n\n## Två\n\n- [ ] b\n",
}
STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def dev_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """``mkdocs serve`` of a small project on 127.0.0.1 and a free port: (its URL, the project)."""
    project = write_project(tmp_path, FILES)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                urllib.request.urlopen(url + "sv/", timeout=2).close()
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, (tmp_path / "serve.log").read_text(encoding="utf-8")
                assert time.monotonic() < deadline, "mkdocs serve did not answer"
                time.sleep(0.3)
        yield url, project
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_the_problem_box_shows_and_leaves_once_the_source_is_fixed(new_page, dev_server):
    url, project = dev_server
    page = new_page()
    page.goto(url + "sv/a/")
    box = page.locator(".hc-problems.failure")
    assert box.locator("li").all_inner_texts() == [LINK]
    assert page.locator("article .hc-problems").first.is_visible()
    source = project / "content" / "sv" / "a.md"
    source.write_text(source.read_text(encoding="utf-8").replace(BROKEN, FIXED), encoding="utf-8")
    # The dev server rebuilds and the page reloads itself (MkDocs's livereload script).
    page.locator(".hc-problems").first.wait_for(state="detached", timeout=60_000)
    assert page.locator("article a[href$='#step-2']").count() == 1


@pytest.mark.parametrize(("path", "lang"), [("sv/finns-inte/", "sv"), ("en/e-post/saknas/", "en")])
def test_a_missing_page_gets_its_locales_404(new_page, dev_server, path, lang):
    url, _project = dev_server
    page = new_page()
    response = page.goto(url + path)
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").first.inner_text() == "404 - Not found"
    assert page.locator(".md-header").count() == 1  # the theme's page, with the locale's chrome
