"""Benchmark of the help-center plugin: build time, scaling, memory, related suggestions, asset bytes.

Run with ``make bench`` (or ``.venv/bin/python bench/run.py``). Generated trees and
sites live under ``bench/out/`` (git-ignored); the table is printed and written to
``bench/out/latest.md``. See BENCHMARKS.md for what each row means.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
ASSETS = ROOT / "plugins" / "helpcenter" / "assets"
sys.path.insert(0, str(HERE))

import gen  # noqa: E402 - bench/ is not a package
import search_bench  # noqa: E402

GZIP_LEVEL = 9
BUILD_TIMEOUT = 3 * 3600
RATIO_TARGET = 1.10
SCALING_TARGET = 5.5
RELATED_TARGET = 2.0
LARGE_TARGET = 240.0
CHECKLIST_TARGET = 4096
STATUS_TARGET = 4096
ALL_ASSETS_TARGET = 8448  # see tests/test_checklist_markup.py BUDGET


# -- measuring one build ------------------------------------------------------------------


@dataclass
class Build:
    """One ``mkdocs build`` process."""

    wall: float
    cpu: float
    rss_mib: float
    code: int
    others: float
    """Cores that other processes kept busy on average during the build (contention)."""
    log: str

    @property
    def ok(self) -> bool:
        return self.code == 0


def _mkdocs() -> list[str]:
    script = Path(sys.executable).parent / "mkdocs"
    return [str(script)] if script.exists() else [sys.executable, "-m", "mkdocs"]


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _busy_seconds() -> float:
    """CPU seconds all processes have used since boot (all cores), from /proc/stat."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return 0.0
    values = [int(v) for v in fields[:8]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = values
    return (user + nice + system + irq + softirq + steal) / _TICK


@dataclass
class Quiet:
    """Wait before each build until other processes use less than ``cores`` CPU (at most ``patience`` s)."""

    cores: float = 0.5
    patience: float = 0.0
    waited: float = 0.0
    gave_up: int = 0

    def wait(self) -> None:
        if self.patience <= 0:
            return
        started = time.perf_counter()
        while True:
            before = _busy_seconds()
            time.sleep(2.0)
            if (_busy_seconds() - before) / 2.0 < self.cores:
                break
            if time.perf_counter() - started > self.patience:
                self.gave_up += 1
                break
        self.waited += time.perf_counter() - started


QUIET = Quiet()
BUILDS: list[Build] = []


def build(tree: Path, variant: str, *, quiet: bool = True) -> Build:
    """Time one whole ``mkdocs build`` process; peak RSS and CPU come from wait4()."""
    site = tree / f"site-{variant}"
    shutil.rmtree(site, ignore_errors=True)
    QUIET.wait()
    command = [*_mkdocs(), "build", "-f", str(tree / f"mkdocs-{variant}.yml")]
    if quiet:
        command.append("-q")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log_path = tree / f"build-{variant}.log"
    busy = _busy_seconds()
    with log_path.open("wb") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=tree, stdout=log, stderr=subprocess.STDOUT, env=env)
        timer = threading.Timer(BUILD_TIMEOUT, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
    process.returncode = code = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    others = max(0.0, (_busy_seconds() - busy - cpu) / wall)
    result = Build(
        wall=wall,
        cpu=cpu,
        rss_mib=usage.ru_maxrss / 1024,
        code=code,
        others=others,
        log=log_path.read_text(encoding="utf-8", errors="replace"),
    )
    if quiet:
        BUILDS.append(result)
    return result


@dataclass
class Series:
    """Repeated builds of one tree and variant."""

    label: str
    pages: int
    builds: list[Build] = field(default_factory=list)

    @property
    def good(self) -> list[Build]:
        return [b for b in self.builds if b.ok]

    @property
    def ok(self) -> bool:
        return bool(self.builds) and all(b.ok for b in self.builds)

    @property
    def wall(self) -> float:
        return statistics.median(b.wall for b in self.good)

    @property
    def cpu(self) -> float:
        return statistics.median(b.cpu for b in self.good)

    @property
    def rss(self) -> float:
        return max(b.rss_mib for b in self.good)

    def result(self) -> str:
        if not self.ok:
            return _failure(self.builds)
        walls = [b.wall for b in self.builds]
        spread = f" ({min(walls):.1f}–{max(walls):.1f})" if len(walls) > 1 else ""
        per_page = 1000 * self.wall / self.pages
        others = max(b.others for b in self.builds)
        return (
            f"{self.wall:.1f} s{spread}, CPU {self.cpu:.1f} s, {len(walls)} run{'s' * (len(walls) > 1)}, "
            f"{per_page:.1f} ms/page; others used ≤ {others:.2f} cores"
        )

    def memory(self) -> str:
        return f"{self.rss:.0f} MiB" if self.good else "–"


def _failure(builds: Sequence[Build]) -> str:
    failed = next(b for b in builds if not b.ok)
    lines = [line for line in failed.log.splitlines() if line.strip()]
    last = lines[-1] if lines else "no output"
    return f"FAILED (exit {failed.code}): {last[:160]}"


def _log(message: str) -> None:
    stamp = datetime.datetime.now().strftime("%H:%M:%S")
    print(f"[{stamp}] {message}", file=sys.stderr, flush=True)


# -- the trees ----------------------------------------------------------------------------


def tree(spec: gen.Spec) -> Path:
    path = OUT / "trees" / spec.name
    started = time.perf_counter()
    gen.write_tree(path, spec)
    _log(f"tree {spec.name} ready ({time.perf_counter() - started:.1f} s)")
    return path


def source_pages(spec: gen.Spec) -> int:
    """Markdown pages of the sources (articles and homes); the plugin adds 10 category pages a locale."""
    return (spec.articles + 1) * len(spec.locales)


def compare(
    spec: gen.Spec,
    variants: Sequence[str],
    runs: dict[str, int],
    after: Callable[[str, Path], None] | None = None,
) -> dict[str, Series]:
    """Build the variants in turn (interleaved, to spread noise over all of them)."""
    path = tree(spec)
    series = {v: Series(f"{spec.name} {v}", source_pages(spec)) for v in variants}
    for run in range(max(runs[v] for v in variants)):
        for variant in variants:
            if run >= runs[variant]:
                continue
            if series[variant].builds and not series[variant].ok:
                continue
            result = build(path, variant)
            series[variant].builds.append(result)
            state = f"{result.wall:.1f} s, {result.rss_mib:.0f} MiB" if result.ok else _failure([result])
            _log(
                f"{spec.name} {variant} run {run + 1}/{runs[variant]}: {state} (others used {result.others:.2f} cores)"
            )
            last = run + 1 == runs[variant] or not result.ok
            if last and after is not None and result.ok:
                after(variant, path)
            if variant != "with":
                shutil.rmtree(path / f"site-{variant}", ignore_errors=True)
    return series


def check_build(spec: gen.Spec) -> list[str]:
    """One untimed, verbose build with the plugin (also warms caches); its warnings."""
    path = tree(spec)
    result = build(path, "with", quiet=False)
    if not result.ok:
        return [_failure([result])]
    return [line for line in result.log.splitlines() if line.startswith(("WARNING", "ERROR"))]


# -- related suggestions, in process -------------------------------------------------------


@dataclass
class RelatedResult:
    model: float
    index: list[float]
    articles: int
    with_suggestions: int
    mean_related: float
    broad_tags: int
    tags_used: int


def related_bench(articles: int, locale: str, runs: int, seed: int) -> RelatedResult:
    from helpcenter.related import RelatedIndex, Weights
    from helpcenter.sources import SourceFile, build_help_center

    spec = gen.Spec(articles, (locale,), seed)
    sources = [SourceFile(s.src_uri, s.url, s.text) for s in gen.sources(spec)]
    started = time.perf_counter()
    center = build_help_center(locale, [locale], sources)
    model = time.perf_counter() - started
    weights = Weights()
    times = []
    counts: list[int] = []
    for _ in range(runs):
        started = time.perf_counter()
        index = RelatedIndex(center, weights)
        counts = [len(index.related(article)) for article in center.articles.values()]
        times.append(time.perf_counter() - started)
    postings: dict[str, int] = {}
    for article in center.articles.values():
        for tag in article.meta.tags:
            postings[tag] = postings.get(tag, 0) + 1
    picks = {a.src_uri: len(a.meta.related) for a in center.articles.values()}
    suggested = [n - picks[uri] for uri, n in zip(center.articles, counts, strict=True)]
    return RelatedResult(
        model=model,
        index=times,
        articles=len(center.articles),
        with_suggestions=sum(1 for n in suggested if n > 0),
        mean_related=statistics.mean(counts) if counts else 0.0,
        broad_tags=sum(1 for n in postings.values() if n > weights.max_postings),
        tags_used=len(postings),
    )


# -- asset bytes ---------------------------------------------------------------------------


@dataclass
class Asset:
    name: str
    raw: int
    minified: int
    gzipped: int


def served_files() -> dict[str, list[str]]:
    """What a site serves, part by part: the plugin's bundles (``BUNDLES``) with each status reader
    (``reader_parts``: the ones a site's feed needs), and the files of the pages without the theme."""
    from helpcenter.plugin import BUNDLES
    from helpcenter.status.widget import reader_parts, served_parts

    js, css = BUNDLES["helpcenter.js"], BUNDLES["helpcenter.css"]
    example = served_parts(js, reader_parts("statuspage"))
    return {
        f"helpcenter.js (served: {' + '.join(part.removesuffix('.js') for part in example)})": example,
        "helpcenter.js (served, provider: cachet)": served_parts(js, reader_parts("cachet")),
        "helpcenter.js (served, provider: uptime-kuma)": served_parts(js, reader_parts("uptime-kuma")),
        "helpcenter.js (served, status.relay)": served_parts(js, reader_parts("statuspage", relay=True)),
        f"helpcenter.css (served: {' + '.join(part.removesuffix('.css') for part in css)})": list(css),
        "theme-shim.js (served)": ["theme-shim.js"],
        "standalone.css (served to /, /404.html and /translations/ only)": ["standalone.css"],
        "chooser.js (served to / only)": ["chooser.js"],
    }


def every_page(files: dict[str, list[str]]) -> list[str]:
    """What every page of the example (Statuspage) loads: what the budget counts."""
    return [
        next(iter(files)),
        next(name for name in files if name.startswith("helpcenter.css")),
        "theme-shim.js (served)",
    ]


def asset_sizes() -> tuple[list[Asset], str]:
    """Every asset part and the served files, minified as the build serves them, and gzip -9."""
    from helpcenter.served import bundle

    parts = sorted(p.name for p in ASSETS.iterdir() if p.suffix in {".js", ".css"})
    assets = []
    for name, names in [*((p, [p]) for p in parts), *served_files().items()]:
        raw = sum(len((ASSETS / n).read_bytes()) for n in names)
        served = bundle(names).encode("utf-8")
        assets.append(Asset(name, raw, len(served), len(_gzip(served))))
    return assets, "tdewolff-minify at build time (helpcenter.served), as the site serves them"


def status_costs() -> list[Row]:
    """Wall-clock figures the unit tests used to assert: printed here, not asserted."""
    import socket

    sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]  # the tests' helpers, as pytest finds them
    import markdown

    from helpcenter.status.mock import FeedServer
    from helpcenter.status.placement import StatusExtension
    from test_status import GUIDE, SLOT, pages

    # The widget's placement is a tree processor in the page's one Markdown conversion: its cost is
    # the difference between converting a 5 KB guide body with and without it.
    source = GUIDE.format(slot=SLOT) + "\n" + "x" * 5000 + "\n"
    status_pages = pages()

    def convert_all(with_status: bool) -> float:
        extension = StatusExtension()
        md = markdown.Markdown(extensions=[extension, "md_in_html"] if with_status else ["md_in_html"])
        start = time.perf_counter()
        for _ in range(1000):
            extension.current = status_pages.context("sv", "sv/g/", ("Webmail",)) if with_status else None
            md.reset().convert(source)
        return (time.perf_counter() - start) / 1000

    convert_all(True)  # warm the per-locale templates
    per_page = convert_all(True) - convert_all(False)

    server = FeedServer("slow").start()
    connection = socket.create_connection(("127.0.0.1", server.server_address[1]))
    connection.sendall(b"GET /summary.json HTTP/1.0\r\n\r\n")
    time.sleep(0.2)
    start = time.perf_counter()
    server.close()
    closing = time.perf_counter() - start
    connection.close()
    return [
        Row("9", "status: widget placement per page (tree processor, 5 KB guide body)", f"{per_page * 1e3:.3f} ms"),
        Row("9", "mock feed: `close()` with a slow answer pending", f"{closing:.2f} s"),
    ]


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


# -- search index --------------------------------------------------------------------------


@dataclass
class IndexFile:
    path: str
    raw: int
    gzipped: int
    per_locale: dict[str, tuple[int, int]]
    """locale -> (entries, bytes of those entries as JSON)"""


def search_indexes(site: Path, locales: Sequence[str]) -> list[IndexFile]:
    """Every search index file of a site; a merged one is split by the locale of its entries."""
    found = []
    candidates = set(site.rglob("search_index*.json")) | {
        p for p in site.rglob("*.json") if "search" in p.relative_to(site).parts[:-1]
    }
    for path in sorted(candidates):
        data = path.read_bytes()
        name = path.relative_to(site).as_posix()
        try:
            docs = json.loads(data).get("docs", [])
        except (ValueError, AttributeError):
            docs = []
        per_locale: dict[str, tuple[int, int]] = {}
        for doc in docs:
            head = str(doc.get("location", "")).split("/", 1)[0]
            locale = name.split("/", 1)[0] if name.split("/", 1)[0] in locales else head
            locale = locale if locale in locales else "other"
            entries, size = per_locale.get(locale, (0, 0))
            per_locale[locale] = (entries + 1, size + len(json.dumps(doc, ensure_ascii=False).encode()))
        found.append(IndexFile(name, len(data), len(_gzip(data)), per_locale))
    return found


# -- search (Pagefind) ----------------------------------------------------------------------


def search_rows(
    label: str, site: Path, locales: Sequence[str], built: Series, unsearched: Series | None, queries: int = 6
) -> list[Row]:
    """Row 10: what a reader fetches to search, and what indexing adds to the build (``built``, with
    search, against ``unsearched``, the same site built in the same run with ``search: false``)."""
    rows: list[Row] = []
    locale = locales[0]
    words = search_bench.queries_of(site, locale, queries)
    if len(words) < 2:
        return [Row("10", f"search, {label}", f"not measured: too few words on /{locale}/ to search for")]
    _log(f"search traffic on {label} ({locale}: {', '.join(words)})")
    seen = search_bench.traffic(site, locale, words)
    rows.append(
        Row(
            "10",
            f"search, {label}: bytes of search data on page load (/{locale}/)",
            _bytes(seen.on_load),
            target="0 B",
            met=_met(seen.on_load == 0),
        )
    )
    rows.append(
        Row(
            "10",
            f"search, {label}: first query ('{seen.queries[0]}', {seen.results[0]} results shown): "
            "search.js/css, Pagefind JS + wasm + meta, index chunks, shown results' fragments",
            f"{_bytes(seen.first[0])} over the wire ({_bytes(seen.first[1])} raw) in {seen.first_files} files",
            target=f"≤ {_bytes(search_bench.FIRST_QUERY_TARGET)}",
            met=_met(seen.first[0] <= search_bench.FIRST_QUERY_TARGET),
        )
    )
    worst = max(v[0] for v in seen.further)
    rows.append(
        Row(
            "10",
            f"search, {label}: each further query ({', '.join(repr(q) for q in seen.queries[1:])})",
            search_bench.summary(seen.further),
            target=f"≤ {_bytes(search_bench.FURTHER_QUERY_TARGET)} each",
            met=_met(worst <= search_bench.FURTHER_QUERY_TARGET),
        )
    )
    if built.ok and unsearched is not None and unsearched.ok:
        added = (built.wall - unsearched.wall) / unsearched.wall
        added_cpu = (built.cpu - unsearched.cpu) / unsearched.cpu
        rows.append(
            Row(
                "10",
                f"search, {label}: what indexing adds to the build (wall, median: with search / `search: false`, "
                "built in turn in this run; each locale's Pagefind runs from its staged pages while the build goes on)",
                f"{built.wall:.1f} s / {unsearched.wall:.1f} s = {added:+.1%} (CPU {added_cpu:+.1%})",
                target=f"≤ {search_bench.INDEX_SHARE_TARGET:+.0%}",
                met=_met(added <= search_bench.INDEX_SHARE_TARGET),
            )
        )
    _log(f"indexing {label} again, timed")
    cost = search_bench.indexing(site, locales)
    rows.append(
        Row(
            "10",
            f"search, {label}: Pagefind alone, {cost.pages:,} pages, one locale after the other, for context",
            f"{cost.seconds:.2f} s",
            f"{cost.peak_mib:.0f} MiB peak (Pagefind)",
        )
    )
    return rows


# -- the table -----------------------------------------------------------------------------


@dataclass
class Row:
    number: str
    what: str
    result: str
    memory: str = "–"
    target: str = "–"
    met: str = "–"


def _met(ok: bool | None) -> str:
    return "–" if ok is None else ("yes" if ok else "**NO**")


def _bytes(n: int) -> str:
    return f"{n:,} B"


def _ratio_rows(number: str, name: str, series: dict[str, Series]) -> list[Row]:
    rows = [
        Row(number, f"{name}: with plugin", series["with"].result(), series["with"].memory()),
        Row(
            number,
            f"{name}: without plugin (plain Material, full nav)",
            series["without"].result(),
            series["without"].memory(),
        ),
        Row(
            number,
            f"{name}: without plugin + `navigation.prune`",
            series["without-prune"].result(),
            series["without-prune"].memory(),
        ),
    ]
    for other, label in (("without", "full nav"), ("without-prune", "prune")):
        if series["with"].ok and series[other].ok:
            ratio = series["with"].wall / series[other].wall
            cpu = series["with"].cpu / series[other].cpu
            rows.append(
                Row(
                    number,
                    f"{name}: ratio with / without ({label})",
                    f"{ratio:.2f} (CPU {cpu:.2f})",
                    target=f"≤ {RATIO_TARGET:.2f}",
                    met=_met(ratio <= RATIO_TARGET),
                )
            )
    return rows


def render(rows: Sequence[Row], header: Sequence[str], notes: Sequence[str]) -> str:
    lines = [
        *header,
        "",
        "| # | measurement | result | peak RSS | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        cells = [row.number, row.what, row.result, row.memory, row.target, row.met]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"


def _contention() -> str:
    """How much other processes ran during the timed builds."""
    if not BUILDS:
        return "no timed builds"
    mean = statistics.mean(b.others for b in BUILDS)
    worst = max(b.others for b in BUILDS)
    text = (
        f"other processes used {mean:.2f} cores on average during the {len(BUILDS)} timed builds "
        f"(worst build: {worst:.2f}; a build itself uses 1 of the {os.cpu_count()} cores)"
    )
    if QUIET.patience > 0:
        text += f"; waited {QUIET.waited / 60:.1f} min in all for a quiet machine before builds"
        if QUIET.gave_up:
            text += f" and gave up waiting {QUIET.gave_up} times"
    return text


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kib = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f"{mem_kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        ram = "unknown"

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    return [
        f"- date: {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"- machine: {os.cpu_count()} CPUs (`nproc`), {cpu}, {ram} RAM, {platform.system()} "
        f"{platform.release()} {platform.machine()}",
        f"- Python {platform.python_version()}, mkdocs {version('mkdocs')}, mkdocs-material "
        f"{version('mkdocs-material')}, pymdown-extensions {version('pymdown-extensions')}, "
        f"Markdown {version('markdown')}, Jinja2 {version('jinja2')}",
    ]


# -- main ----------------------------------------------------------------------------------


@dataclass
class Sizes:
    main: int
    scaled: int
    related: int
    large: int


FULL = Sizes(main=1000, scaled=5000, related=10_000, large=10_000)
QUICK = Sizes(main=60, scaled=300, related=1000, large=600)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small smoke run (sizes ÷10 or more, 1 run)")
    parser.add_argument("--runs", type=int, help="builds per measurement, median reported (default 3; quick 1)")
    parser.add_argument(
        "--baseline-runs", type=int, help="runs of the slow plain-Material full-nav builds (default: --runs)"
    )
    parser.add_argument("--large-runs", type=int, default=1, help="runs of the 10,000 x 2 build (default 1)")
    parser.add_argument("--skip-large", action="store_true", help="skip the 10,000 x 2 build (row 5)")
    parser.add_argument(
        "--only", default="", help="comma-separated row numbers to run (1-9); default all; 6 is in 1,2,3,5"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--quiet-wait",
        type=float,
        help="before each build, wait up to this many seconds for other processes to go quiet (default 120; quick 0)",
    )
    parser.add_argument(
        "--quiet-cores", type=float, default=0.5, help="'quiet' means other processes use less than this many cores"
    )
    args = parser.parse_args(argv)

    sizes = QUICK if args.quick else FULL
    runs = args.runs or (1 if args.quick else 3)
    baseline_runs = args.baseline_runs or runs
    only = {s.strip() for s in args.only.split(",") if s.strip()} or set("123456789")
    locales2, locales4 = gen.LOCALES[:2], gen.LOCALES
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    QUIET.cores = args.quiet_cores
    if args.quiet_wait is not None:
        QUIET.patience = args.quiet_wait
    else:
        QUIET.patience = 0.0 if args.quick else 120.0

    rows: list[Row] = []
    notes: list[str] = []
    main2 = gen.Spec(sizes.main, locales2, args.seed)
    indexes: dict[str, list[IndexFile]] = {}
    search_rows_main: list[Row] = []
    search_rows_large: list[Row] = []

    def keep_index(variant: str, path: Path) -> None:
        indexes[variant] = search_indexes(path / f"site-{variant}", main2.locales)

    variants = ("with", "with-nosearch", "without", "without-prune")
    per_variant = {"with": runs, "with-nosearch": runs, "without": baseline_runs, "without-prune": runs}
    main_series: dict[str, Series] = {}
    if only & {"1", "3", "6", "8"}:
        warnings = check_build(main2)
        rows.append(
            Row(
                "0",
                f"plugin warnings building {sizes.main} × 2 generated (verbose, untimed warm-up build)",
                f"{len(warnings)}" + (f": {warnings[0][:200]}" if warnings else ""),
                target="0",
                met=_met(not warnings),
            )
        )
        wanted = tuple(
            v for v in variants if v == "with" or (v == "with-nosearch" and only & {"8"}) or only & {"1", "6"}
        )
        main_series = compare(main2, wanted, per_variant, keep_index)
        if "with" in main_series and main_series["with"].ok and only & {"8"}:
            site = OUT / "trees" / main2.name / "site-with"
            search_rows_main = search_rows(
                f"{sizes.main} × 2", site, main2.locales, main_series["with"], main_series.get("with-nosearch")
            )
        if "without" in main_series:
            rows += _ratio_rows("1", f"{sizes.main} × 2 locales", main_series)
        else:
            rows.append(
                Row("1", f"{sizes.main} × 2: with plugin", main_series["with"].result(), main_series["with"].memory())
            )

    if only & {"2"}:
        series = compare(gen.Spec(sizes.main, locales4, args.seed), ("with", "without", "without-prune"), per_variant)
        rows += _ratio_rows("2", f"{sizes.main} × 4 locales", series)

    if only & {"3"}:
        scaled = compare(gen.Spec(sizes.scaled, locales2, args.seed), ("with",), {"with": runs})["with"]
        rows.append(Row("3", f"{sizes.scaled} × 2 locales: with plugin", scaled.result(), scaled.memory()))
        if scaled.ok and main_series.get("with") and main_series["with"].ok:
            ratio = scaled.wall / main_series["with"].wall
            rows.append(
                Row(
                    "3",
                    f"scaling {sizes.main} → {sizes.scaled} articles (× {sizes.scaled // sizes.main}), "
                    "with plugin: time ratio",
                    f"{ratio:.2f} (CPU {scaled.cpu / main_series['with'].cpu:.2f})",
                    target=f"≤ {SCALING_TARGET}",
                    met=_met(ratio <= SCALING_TARGET),
                )
            )
        rows.append(
            Row(
                "3",
                f"{sizes.scaled} × 2 locales without plugin",
                "not run: plain Material renders the full nav (one link per page) on every page, "
                "so it is quadratic; ~27 µs per page × link means hours at this size",
            )
        )

    if only & {"4"}:
        _log(f"related suggestions over {sizes.related} articles")
        result = related_bench(sizes.related, locales2[0], max(runs, 3), args.seed)
        best = statistics.median(result.index)
        rows.append(
            Row(
                "4",
                f"related suggestions, {result.articles:,} articles in one locale: "
                "`RelatedIndex` + `related()` for every article (in process)",
                f"{best:.2f} s median of {len(result.index)} "
                f"({min(result.index):.2f}–{max(result.index):.2f}); "
                f"{result.with_suggestions:,} articles got computed suggestions, "
                f"{result.mean_related:.1f} related on average",
                target=f"≤ {RELATED_TARGET:.0f} s",
                met=_met(best <= RELATED_TARGET),
            )
        )
        rows.append(
            Row(
                "4",
                "… for context: `build_help_center` over the same sources (read + validate front matter)",
                f"{result.model:.2f} s; {result.broad_tags} of {result.tags_used} tags are on more than "
                f"`max_postings` articles and so find no candidates",
            )
        )

    if only & {"5"}:
        if args.skip_large:
            rows.append(Row("5", f"{sizes.large:,} × 2 locales with plugin", "skipped (--skip-large)"))
        else:
            large_spec = gen.Spec(sizes.large, locales2, args.seed)
            large_variants = ("with", "with-nosearch") if only & {"8"} else ("with",)
            large_series = compare(large_spec, large_variants, dict.fromkeys(large_variants, args.large_runs))
            large = large_series["with"]
            rows.append(
                Row(
                    "5",
                    f"{sizes.large:,} × 2 locales ({source_pages(large_spec):,} pages) with plugin",
                    large.result(),
                    large.memory(),
                    target=f"≤ {LARGE_TARGET:.0f} s",
                    met=_met(large.ok and large.wall <= LARGE_TARGET),
                )
            )
            if large.ok and only & {"8"}:
                site = OUT / "trees" / large_spec.name / "site-with"
                search_rows_large = search_rows(
                    f"{sizes.large:,} × 2", site, large_spec.locales, large, large_series.get("with-nosearch")
                )
            shutil.rmtree(OUT / "trees" / large_spec.name / "site-with", ignore_errors=True)

    if only & {"7"}:
        assets, how = asset_sizes()
        by_name = {a.name: a for a in assets}
        for asset in assets:
            rows.append(
                Row(
                    "7",
                    f"asset `{asset.name}`",
                    f"{_bytes(asset.gzipped)} served gzip ({_bytes(asset.raw)} raw, {_bytes(asset.minified)} min)",
                )
            )
        groups = (
            ("checklist", ["checklist.js", "checklist.css"], CHECKLIST_TARGET),
            ("status", ["status.js", "status.css"], STATUS_TARGET),
            ("the plugin's JS+CSS every page of the example loads", every_page(served_files()), ALL_ASSETS_TARGET),
        )
        for label, names, target in groups:
            total = sum(by_name[n].gzipped for n in names)
            shown = " + ".join(n.split(" ")[0] for n in names)
            rows.append(
                Row(
                    "7",
                    f"assets, {label}: {shown}",
                    _bytes(total) + " min+gzip",
                    target=f"≤ {_bytes(target)}",
                    met=_met(total <= target),
                )
            )
        notes.append(f"Assets: {how}; gzip level 9, each served file compressed on its own.")

    if only & {"9"}:
        rows += status_costs()

    if only & {"8"}:
        rows += search_rows_main + search_rows_large
        for variant, label in (("with", "with plugin"), ("without", "lunr: plain Material's index, for context")):
            for index in indexes.get(variant, []):
                shares = ", ".join(
                    f"{loc}: {entries:,} entries" + (f" / {_bytes(size)}" if len(index.per_locale) > 1 else "")
                    for loc, (entries, size) in index.per_locale.items()
                )
                rows.append(
                    Row(
                        "8",
                        f"search index `{index.path}`, {sizes.main} × 2, {label}",
                        f"{_bytes(index.raw)} raw, {_bytes(index.gzipped)} gzip" + (f"; {shares}" if shares else ""),
                    )
                )
        if indexes.get("with"):
            rows.append(Row("8", "lunr search index, with plugin", "found, but the plugin uses Pagefind", met="**NO**"))

    elapsed = time.perf_counter() - started
    header = [
        f"# helpcenter benchmark{' (QUICK smoke run: sizes are not the real ones)' if args.quick else ''}",
        "",
        *machine(),
        f"- runs: {runs} per measurement (plain-Material full-nav builds: {baseline_runs}; "
        f"{sizes.large:,} × 2: {args.large_runs}), medians; wall (min–max); CPU = user+sys of the build "
        "process; peak RSS from wait4()",
        f"- benchmark took {elapsed / 60:.1f} min; {_contention()}",
    ]
    notes.insert(
        0,
        "Pages: every article and home page; the plugin adds 10 category pages per locale, a 404 per "
        "locale and the root page on top. ms/page divides the wall time by the source pages.",
    )
    table = render(rows, header, notes)
    (OUT / "latest.md").write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
