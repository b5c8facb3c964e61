"""``make build`` replaces site/ only when the build succeeded: a failed build leaves the last good site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The environment running these tests (.venv, or make test-latest's): never reinstalled from the copy.
VENV = Path(sys.prefix)


def make_build(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        ["make", "-o", f"{VENV}/.installed", "build", f"VENV={VENV}"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_failed_build_keeps_the_last_good_site(tmp_path):
    for name in ("Makefile", "mkdocs.yml", "pyproject.toml", "uv.lock", "requirements-uv.txt"):
        shutil.copy2(ROOT / name, tmp_path / name)
    for name in ("content", "overrides", "locales", "plugins"):
        shutil.copytree(ROOT / name, tmp_path / name)

    good = make_build(tmp_path)
    assert good.returncode == 0, good.stderr
    page = tmp_path / "site" / "sv" / "e-post" / "jag-kan-inte-logga-in-pa-webbmail" / "index.html"
    before = page.read_text(encoding="utf-8")
    assert "Steg 1 - Besök vår statussida" in before

    source = tmp_path / "content" / "sv" / "e-post" / "jag-kan-inte-logga-in-pa-webbmail.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("id: webmail-login", "id: Not An Id"), encoding="utf-8"
    )
    bad = make_build(tmp_path)
    assert bad.returncode != 0
    assert "jag-kan-inte-logga-in-pa-webbmail.md" in bad.stdout + bad.stderr
    assert page.read_text(encoding="utf-8") == before, "the failed build must not touch the published site"
    assert not (tmp_path / ".site-old").exists()
