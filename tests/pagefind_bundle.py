"""What Pagefind wrote for a locale, read from its output (``<locale>/pagefind/``): each indexed
page's fragment (gzip: ``pagefind_dcd`` + JSON with url, content, meta, filters, anchors) and the
bundle's entry file. Reading the index the way the browser gets it, not how the plugin meant it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def entry(site: Path, locale: str) -> dict:
    return json.loads((site / locale / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))


def fragments(site: Path, locale: str) -> dict[str, dict]:
    """Every indexed page of ``locale``, by its site URL (``/sv/e-post/…/``)."""
    pages = {}
    for path in sorted((site / locale / "pagefind" / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(SIGNATURE), path
        data = json.loads(raw[len(SIGNATURE) :])
        pages[f"/{locale}{data['url']}"] = data
    return pages
