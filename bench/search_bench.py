"""What search costs: the bytes a reader's browser fetches (Chromium, on a built site served on
127.0.0.1), and what indexing adds to a build (time and peak memory of Pagefind per locale).

Bytes "over the wire" are what a server that compresses would send: Pagefind's index files
(``*.pf_*``) are gzip already and count as they are; everything else (JS, CSS, JSON and the
WebAssembly) counts at gzip -9. The raw bytes are reported beside them.
"""

from __future__ import annotations

import functools
import gzip
import os
import re
import shutil
import statistics
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

FIRST_QUERY_TARGET = 150 * 1024
FURTHER_QUERY_TARGET = 50 * 1024
INDEX_SHARE_TARGET = 0.15
SEARCH_PARTS = ("/pagefind/", "/assets/helpcenter/search.")


def wire_bytes(site: Path, url: str) -> tuple[int, int]:
    """(over the wire, raw) for one URL of ``site``."""
    path = site / urlsplit(url).path.lstrip("/")
    data = path.read_bytes()
    if path.suffix.startswith(".pf_"):
        return len(data), len(data)
    return len(gzip.compress(data, compresslevel=9, mtime=0)), len(data)


@dataclass
class Traffic:
    locale: str
    on_load: int
    first: tuple[int, int]
    first_files: int
    further: list[tuple[int, int]] = field(default_factory=list)
    queries: list[str] = field(default_factory=list)
    results: list[int] = field(default_factory=list)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def queries_of(site: Path, locale: str, count: int) -> list[str]:
    """Words from the titles on the locale's home page: one query each, all different."""
    html = (site / locale / "index.html").read_text(encoding="utf-8")
    words: list[str] = []
    for title in re.findall(r'class="hc-listing__link"[^>]*>([^<]+)</a>', html):
        for word in re.findall(r"\w{6,}", title.lower()):
            if word not in words:
                words.append(word)
                break
    return words[:count]


def traffic(site: Path, locale: str, queries: Sequence[str]) -> Traffic:
    """Load the locale's home page, then search each query in the header, as a reader would."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    requested: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.on("requestfinished", lambda request: requested.append(request.url))
            page.goto(base + f"{locale}/")
            page.wait_for_load_state("networkidle")
            loaded = [u for u in requested if any(p in u for p in SEARCH_PARTS)]
            result = Traffic(locale, sum(wire_bytes(site, u)[0] for u in loaded), (0, 0), 0)
            field_ = page.locator("form[data-hc-search] input[name=q]")
            for number, query in enumerate(queries):
                requested.clear()
                field_.fill("")
                field_.click()
                field_.press_sequentially(query, delay=10)
                page.wait_for_function(
                    "() => { const m = document.querySelector('[data-hc-search-meta]');"
                    " return m && /\\d/.test(m.textContent) || document.querySelectorAll('.hc-result').length; }",
                    timeout=60_000,
                )
                page.wait_for_load_state("networkidle")
                time.sleep(0.3)
                fetched = [u for u in requested if any(p in u for p in SEARCH_PARTS)]
                sizes = [wire_bytes(site, u) for u in fetched]
                total = (sum(s[0] for s in sizes), sum(s[1] for s in sizes))
                result.queries.append(query)
                result.results.append(page.locator(".hc-result").count())
                if number == 0:
                    result.first, result.first_files = total, len(fetched)
                else:
                    result.further.append(total)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return result


@dataclass
class Indexing:
    seconds: float
    peak_mib: float
    pages: int


def indexing(site: Path, locales: Sequence[str]) -> Indexing:
    """Index the built site's locales again, exactly as the plugin does, timing each Pagefind process
    (peak RSS from wait4) and the plugin's own work after it."""
    from helpcenter import search

    seconds, peak, pages = 0.0, 0.0, 0
    for locale in locales:
        root = site / locale
        start = time.perf_counter()
        process = subprocess.Popen(search.pagefind_command(root), stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"Pagefind failed on {root}")
        search.finish_bundle(root / search.BUNDLE_DIR)
        seconds += time.perf_counter() - start
        peak = max(peak, usage.ru_maxrss / 1024)
        entry = (root / search.BUNDLE_DIR / "pagefind-entry.json").read_text(encoding="utf-8")
        pages += sum(int(n) for n in re.findall(r'"page_count":(\d+)', entry))
    return Indexing(seconds, peak, pages)


def summary(values: Sequence[tuple[int, int]]) -> str:
    wire = [v[0] for v in values]
    return f"median {statistics.median(wire):,.0f} B, max {max(wire):,} B" if wire else "–"
