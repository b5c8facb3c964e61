"""``helpcenter build``: strict, one at a time, and ``site/`` is always a complete build."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import copy_example

HELPCENTER = Path(sys.executable).with_name("helpcenter")
PAGE = Path("sv/e-post/jag-kan-inte-logga-in-pa-webbmail/index.html")


def start(project: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [str(HELPCENTER), "build", "-f", "mkdocs.yml", "--site-dir", "site", *args],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    out, err = process.communicate(timeout=300)
    return process.returncode, out + err


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith((".site-new-", ".site-old-")))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "project")


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The files of one build of the example, alone."""
    project = copy_example(tmp_path_factory.mktemp("reference"))
    code, output = finish(start(project))
    assert code == 0, output
    return files_of(project / "site")


def test_two_concurrent_builds_leave_one_complete_site(project, reference):
    first, second = start(project), start(project)
    results = [finish(first), finish(second)]
    assert [code for code, _ in results] == [0, 0], results
    assert files_of(project / "site") == reference
    assert "Steg 1 - Besök vår statussida" in (project / "site" / PAGE).read_text(encoding="utf-8")
    assert leftovers(project) == []


def held(project: Path):
    """The build lock of ``project/site``, taken by this test."""
    handle = (project / ".site.lock").open("a")
    fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def test_a_second_build_without_wait_fails_clearly_and_touches_nothing(project):
    (project / "site").mkdir()
    (project / "site" / "marker").write_text("last good site", encoding="utf-8")
    handle = held(project)
    try:
        code, output = finish(start(project, "--no-wait"))
    finally:
        handle.close()
    assert code == 1
    assert "another build is running" in output
    assert ".site.lock" in output
    assert "Traceback" not in output
    assert files_of(project / "site") == {"marker"}


def test_a_second_build_waits_and_says_so(project, reference):
    handle = held(project)
    try:
        process = start(project)
        assert process.stderr is not None
        line = process.stderr.readline()
        assert "waiting" in line, line
        time.sleep(0.5)
        assert process.poll() is None, "it must wait for the lock"
        assert not (project / "site").exists()
    finally:
        handle.close()
    code, output = finish(process)
    assert code == 0, output
    assert files_of(project / "site") == reference


def test_a_failed_build_keeps_the_last_good_site(project):
    code, output = finish(start(project))
    assert code == 0, output
    before = (project / "site" / PAGE).read_text(encoding="utf-8")
    source = project / "content" / "sv" / "e-post" / "jag-kan-inte-logga-in-pa-webbmail.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("id: webmail-login", "id: Not An Id"), encoding="utf-8"
    )
    code, output = finish(start(project))
    assert code != 0
    assert "jag-kan-inte-logga-in-pa-webbmail.md" in output
    assert (project / "site" / PAGE).read_text(encoding="utf-8") == before
    assert leftovers(project) == []
