"""Asset sizes as readers download them: the files a built site serves, at gzip -9."""

from __future__ import annotations

import gzip
from pathlib import Path

SERVED = ("helpcenter.js", "helpcenter.css", "theme-shim.js")
"""What every page of a site loads from the plugin (``assets/helpcenter/``)."""


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def served_sizes(site: Path) -> dict[str, dict[str, int]]:
    """``{"helpcenter.js": {"raw": n, "gzip": n}, ...}`` for the plugin's files in a built ``site``."""
    sizes = {}
    for name in SERVED:
        data = (site / "assets" / "helpcenter" / name).read_bytes()
        sizes[name] = {"raw": len(data), "gzip": gzipped(data)}
    return sizes
