"""Asset sizes as readers download them (terser/csso + gzip -9, via tests/tools/asset_size.js)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "plugins" / "helpcenter" / "assets"
SCRIPT = ROOT / "tests" / "tools" / "asset_size.js"


def min_gzip(*names: str) -> dict[str, dict[str, int]]:
    """``min_gzip("checklist.js", "base.css+checklist.css")`` -> {name: {raw, min, gzip}}."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "terser").is_dir():
        pytest.fail("node and the npm packages terser/csso are needed: run 'npm ci' (make test does)")
    args = ["+".join(str(ASSETS / part) for part in name.split("+")) for name in names]
    result = subprocess.run([node, str(SCRIPT), *args], capture_output=True, text=True, check=True, timeout=120)
    sizes = json.loads(result.stdout)
    return {name: sizes[arg] for name, arg in zip(names, args, strict=True)}
