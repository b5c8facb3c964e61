"""Search with Pagefind: one static, chunked index per locale, built inside ``mkdocs build``.

A reader's browser fetches nothing for search until they type; then only Pagefind's
small library, its WebAssembly, the index chunks holding the query's words and the
fragments of the results it shows (``assets/search.js``). Each locale is indexed on
its own (``site/<locale>/pagefind/``), so a reader searches their locale only, with
its stemmer, and a locale-sharded build writes exactly its own locales' bundles.

What is indexed is marked at build time: ``templates/search-body.html`` (with ``facts``) wraps an article's, guide's or
category page's content in ``data-pagefind-body`` (so no other page of the locale is
indexed: not the untranslated fallbacks, the home and 404 pages or the dashboard),
with its category and type as Pagefind filters and its summary and tags weighted
above body text. The plugin's chrome inside that content (breadcrumbs, notices,
related articles, the status widget, the guide's overview and "Done" checks, the
controls written for the scripts, the permalink marks) is left out by ``EXCLUDE_SELECTORS``.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .locales import plural_samples

BUNDLE_DIR = "pagefind"
"""Each locale's search bundle: ``<locale>/pagefind/``."""

KINDS = ("guide", "article", "category")

LAZY_ASSETS = ("search.js", "search.css")
"""Served beside the bundle, loaded by ``search-start.js`` (in the bundle) when the reader first searches."""

EXCLUDE_SELECTORS = (
    ".headerlink",  # the ¶ permalink after each heading
    ".hc-breadcrumbs",
    ".hc-notice",
    ".hc-updated",
    ".hc-related",
    ".hc-recent",  # recently viewed: the reader's own list, filled in their browser
    ".hc-status",
    ".hc-banner",
    ".hc-status__live",
    ".hc-overview",  # the guide's list of its steps: the steps themselves are indexed
    ".hc-checks--self",  # the one "Done" check of a step without items
    # The controls the build writes hidden for the script: a step's question, Yes's and No's panels,
    # Start over and its note, a plain article's "Was this article helpful?".
    ".hc-foot",
    ".hc-panel",
    ".hc-end",
    ".hc-helpful",
    ".hc-listing",  # a category page is found by its own title and description, not its articles'
)

YIELDING_PRIORITY = 10
"""Pagefind's niceness while the build goes on (see ``Indexing``)."""

SUMMARY_WEIGHT = 4
TAGS_WEIGHT = 4

# Pagefind's own UI bundles: this site has its own search UI (assets/search.js), so they are not kept.
UNUSED_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)

MATERIAL_SEARCH = frozenset({"search", "material/search"})
MATERIAL_SEARCH_MESSAGE = (  # logged by the plugin's logger, which says "helpcenter: " first
    "mkdocs.yml lists the 'search' plugin; the help center has its own search (Pagefind, "
    "one index per locale, built with the site), so Material's search is not needed: remove '- search' "
    "from 'plugins:' in mkdocs.yml and keep '- helpcenter'"
)


class SearchError(RuntimeError):
    """Pagefind could not index a locale (the message says which, and why)."""


@dataclass(frozen=True)
class Indexed:
    """What search knows of one page besides its content."""

    kind: str
    """``guide``, ``article`` or ``category`` (a Pagefind filter, and the label a result shows)."""
    category: str | None = None
    """The category's title (a filter, and shown with each result)."""
    summary: str | None = None
    tags: tuple[str, ...] = ()


def facts(page: Indexed) -> dict[str, Any]:
    """What ``templates/search-body.html`` marks for the indexer around a page's content: its body,
    its filters and meta (kind, category) and its summary and tags, weighted above body text."""
    if page.kind not in KINDS:
        raise ValueError(f"search: unknown kind {page.kind!r} (one of {', '.join(KINDS)})")
    return {
        "kind": page.kind,
        "category": page.category,
        "summary": page.summary,
        "tags": ", ".join(page.tags),
        "summary_weight": SUMMARY_WEIGHT,
        "tags_weight": TAGS_WEIGHT,
    }


@dataclass(frozen=True)
class LocaleIndex:
    """What Pagefind wrote for one locale."""

    locale: str
    pages: int
    languages: dict[str, bool]
    """Each language of the bundle (``<html lang>``) and whether Pagefind stems it."""


def pagefind_command(root: Path, output: Path | None = None) -> list[str]:
    """Pagefind (the binary of its wheel) over one locale's folder, into ``<root>/pagefind/`` or ``output``."""
    where = ["--output-path", str(output)] if output is not None else ["--output-subdir", BUNDLE_DIR]
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(root),
        *where,
        "--exclude-selectors",
        ", ".join(EXCLUDE_SELECTORS),
    ]


def finish_bundle(bundle: Path) -> None:
    """What the plugin does after Pagefind: drop its UI bundles, put filter values in order."""
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
    _stable_filters(bundle)


def _bundle(root: Path, locale: str, failed: bool, output: str) -> LocaleIndex:
    """What Pagefind wrote into ``root/pagefind/``, made reproducible (``finish_bundle``)."""
    bundle = root / BUNDLE_DIR
    entry = bundle / "pagefind-entry.json"
    if failed or not entry.is_file():
        last = output.strip().splitlines()[-5:]
        raise SearchError(f"helpcenter: search: Pagefind could not index {locale}/: {' / '.join(last)}")
    try:
        finish_bundle(bundle)
    except (ValueError, KeyError, IndexError, TypeError, OSError, json.JSONDecodeError) as error:
        message = f"helpcenter: search: {locale}/{BUNDLE_DIR}/ is not what Pagefind 1 writes: {error}"
        raise SearchError(message) from None
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    return LocaleIndex(
        locale,
        sum(int(info.get("page_count", 0)) for info in languages.values()),
        {lang: info.get("wasm") is not None for lang, info in languages.items()},
    )


@dataclass
class _Run:
    process: subprocess.Popen[bytes]
    output: IO[str]
    staged: Path | None  # the locale's staged documents, removed once Pagefind is done with them


def _yield_to_the_build(pid: int) -> None:
    """Pagefind gives way to the build where both want a core (the build is what the editor waits
    for): a lower priority (nice 10) for its process, which what it starts inherits. Nothing where the
    system has no such thing, or the process is gone already."""
    if hasattr(os, "setpriority"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, pid, YIELDING_PRIORITY)


def staging_root() -> str | None:
    """Where staged documents go: memory (``/dev/shm``) where the system has it and ``TMPDIR`` does
    not say otherwise (a folder and a small file per page: on a disk that costs about as much as
    writing the page), else the system's temporary folder."""
    shm = "/dev/shm"
    if "TMPDIR" not in os.environ and os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK):
        return shm
    return None


class Indexing:
    """Pagefind over each locale, into ``site_dir/<locale>/pagefind/``, each locale in a process of its
    own that runs while the build goes on.

    The build hands each page search indexes to ``stage`` as soon as its Markdown is converted: a small
    document of the page's language and its marked content (``templates/search-page.html``), which
    is all Pagefind reads of a page. ``start`` a locale once all its pages are staged (``staged``), or,
    when they were not (a dirty build converts only the pages that changed), once they are written:
    then Pagefind reads the written pages in ``site_dir/<locale>/``. It indexes the same either way.

    While the build goes on, one Pagefind runs at a time, on the cores the build leaves free (the
    build uses one), at a lower priority than the build: a further locale waits its turn (``poll``,
    called as pages go by, starts it), and the build never waits for it. ``finish`` starts what is
    left, at most ``slots`` at once (each holds its locale's whole index in memory, about 0.3 GiB per
    1,000 pages), with every core, waits for them all and returns what each wrote, in the order they
    were started. ``stop`` ends them (a build that failed). A locale's staged documents go once its
    Pagefind is done with them; ``finish`` and ``stop`` remove the rest.

    ``pages`` is how many of the locale's pages were marked for search. With none (a locale with
    no article of its own yet), Pagefind would index every page's whole body, fallbacks in another
    language included, so it is not run: the locale has no bundle, and its search box says search
    is not available and links to the home page's categories.
    """

    def __init__(self, site_dir: Path, slots: int | None = None) -> None:
        self.site_dir = site_dir
        self.cores = os.cpu_count() or 1
        self.slots = max(1, slots or self.cores)
        self.staging: Path | None = None  # made by the first stage()
        self._running: dict[str, _Run] = {}
        self._waiting: dict[str, Path] = {}  # locale -> the folder Pagefind will read
        self._after_build: dict[str, Path] = {}  # locales to index from their written pages
        self.unstaged: set[str] = set()
        """The locales whose pages could not all be staged."""
        self.notes: list[str] = []
        """What the build should tell (one line each)."""
        self._results: dict[str, LocaleIndex | None] = {}  # in the order started; None until done
        self._building = True

    def stage(self, page_path: str, document: str) -> None:
        """The document Pagefind reads for the page written at ``page_path`` (``<locale>/…/index.html``).
        Where that fails (memory full: a container's ``/dev/shm`` may hold 64 MB), the locale is
        indexed from its written pages once the build is done, and ``notes`` says so."""
        locale = page_path.partition("/")[0]
        if locale in self.unstaged:
            return
        try:
            if self.staging is None:
                self.staging = Path(tempfile.mkdtemp(prefix="helpcenter-search-", dir=staging_root()))
            path = self.staging / page_path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(document, encoding="utf-8")
        except OSError as error:
            self.unstaged.add(locale)
            where = self.staging or staging_root() or tempfile.gettempdir()
            self.notes.append(
                f"search: the pages of {locale}/ could not be staged for indexing in {where} ({error.strerror}), "
                f"so {locale}/ is indexed from its written pages once the build is done (set TMPDIR to a "
                "folder with room to index while the build goes on)"
            )

    def start(self, locale: str, pages: int, staged: bool = False) -> None:
        if locale in self._results:  # started already
            return
        if pages == 0:
            self._results[locale] = LocaleIndex(locale, 0, {})
            return
        self._results[locale] = None
        if staged and self.staging is not None and locale not in self.unstaged:
            self._waiting[locale] = self.staging / locale
            self.poll()
        else:  # its written pages, once the build has written them all
            self._after_build[locale] = self.site_dir / locale

    def poll(self) -> None:
        """Starts the locale whose turn it is, if a process has room for it."""
        room = self.slots if not self._building else 1
        running = 0
        for run in self._running.values():
            if run.process.poll() is None:
                running += 1
            elif run.staged is not None:  # done with them
                shutil.rmtree(run.staged, ignore_errors=True)
                run.staged = None
        while self._waiting and running < room:
            locale, root = next(iter(self._waiting.items()))
            del self._waiting[locale]
            self._launch(locale, root)
            running += 1

    def _launch(self, locale: str, root: Path) -> None:
        # While the build goes on, Pagefind's thread pools (rayon's, tokio's) leave it a core.
        threads = str(max(1, self.cores - 1))
        environment = {**os.environ, "RAYON_NUM_THREADS": threads, "TOKIO_WORKER_THREADS": threads}
        # A file, never a pipe that could fill up; closed by _wait or stop.
        output = tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace")  # noqa: SIM115
        command = pagefind_command(root, self.site_dir / locale / BUNDLE_DIR)
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, env=environment if self._building else None
        )
        if self._building:
            _yield_to_the_build(process.pid)
        staged = root if self.staging is not None and root.is_relative_to(self.staging) else None
        self._running[locale] = _Run(process, output, staged)

    def _wait(self, locale: str) -> None:
        run = self._running.pop(locale)
        with run.output:
            failed = run.process.wait() != 0
            run.output.seek(0)
            text = run.output.read()
        self._results[locale] = _bundle(self.site_dir / locale, locale, failed, text)

    def finish(self) -> list[LocaleIndex]:
        self._building = False
        self._waiting.update(self._after_build)
        self._after_build.clear()
        try:
            while self._running or self._waiting:
                self.poll()
                self._wait(next(iter(self._running)))
        finally:
            self.stop()
        return [result for result in self._results.values() if result is not None]

    def stop(self) -> None:
        for run in self._running.values():
            run.process.kill()
            run.process.wait()
            run.output.close()
        self._running.clear()
        self._waiting.clear()
        self._after_build.clear()
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None


def report(results: Iterable[LocaleIndex], names: Mapping[str, str], info: Callable[[str], None]) -> None:
    """One line to ``info`` (the plugin's logger) per locale that Pagefind cannot stem (``names``:
    locale -> display name)."""
    for result in results:
        for language, stemmed in result.languages.items():
            if not stemmed:
                locale = result.locale
                info(
                    f"search in {names.get(locale) or locale} ({locale}) is not stemmed: Pagefind has "
                    f"no stemmer for '{language}', so a query finds its words as typed, not their other forms"
                )


def lists_material_search(plugins: Iterable[str]) -> bool:
    """Does mkdocs.yml still list Material's search plugin?"""
    return any(name in MATERIAL_SEARCH for name in plugins)


def texts(gettext: Callable[[str], str], ngettext: Callable[[str, str, int], str], code: str) -> dict[str, Any]:
    """Every word search.js shows, in one locale; plural forms per CLDR category."""
    samples = plural_samples(code)
    return {
        "results": {tag: ngettext("%(num)d result", "%(num)d results", n) for tag, n in samples.items()},
        "none": gettext("No articles match your search."),
        "searching": gettext("Searching…"),
        "failed": gettext("Search is not available right now. Browse the categories on the home page."),
        "more": gettext("Show more results"),
        "guide": gettext("Guide"),
        "article": gettext("Article"),
        "category": gettext("Category"),
        "steps": gettext("Matching steps"),
    }


def settings(gettext: Callable[[str], str], ngettext: Callable[[str, str, int], str], code: str) -> str:
    """search.js's settings for a page (``data-hc-search``): JSON, safe inside an attribute once escaped."""
    data = {"lang": code, "texts": texts(gettext, ngettext, code)}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# -- reproducible bundles ---------------------------------------------------------------------------
# Pagefind writes the values of each filter in hash-map order, which changes from run to run: its
# filter files (and so the names of them, of the language's meta file, and the entry file) differ
# between two builds of the same site, and a locale-sharded build would not add up to the full one.
# Each filter's values are put in order here, and the three kinds of files renamed after their
# content. The files are Pagefind's format: gzip of b"pagefind_dcd" + CBOR.

SIGNATURE = b"pagefind_dcd"


def _stable_filters(bundle: Path) -> None:
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry.get("languages", {}).items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = meta[3]
        renamed = []
        for name, file_hash in filters:
            path = bundle / "filter" / f"{file_hash}.pf_filter"
            data = _read(path)
            data[1] = sorted(data[1], key=lambda value: str(value[0]))
            new_hash = _write(bundle / "filter", language, data, ".pf_filter", 7)
            if new_hash != file_hash:
                path.unlink()
            renamed.append([name, new_hash])
        meta[3] = sorted(renamed, key=lambda filter_: str(filter_[0]))
        new_hash = _write(bundle, language, meta, ".pf_meta", 10, prefix="pagefind.")
        if new_hash != info["hash"]:
            meta_path.unlink()
        info["hash"] = new_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _read(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise ValueError(f"{path.name} does not start with {SIGNATURE!r}")
    value, end = _cbor_decode(raw, len(SIGNATURE))
    if end != len(raw):
        raise ValueError(f"{path.name} has data after its CBOR value")
    return value


def _write(folder: Path, language: str, value: Any, suffix: str, length: int, prefix: str = "") -> str:
    """Write ``value`` as Pagefind does, named after its content; returns the name's hash part."""
    raw = SIGNATURE + _cbor_encode(value)
    file_hash = f"{language}_{hashlib.sha256(raw).hexdigest()[:length]}"
    (folder / f"{prefix}{file_hash}{suffix}").write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return file_hash


def _cbor_decode(data: bytes, at: int) -> tuple[Any, int]:
    """The subset of CBOR Pagefind's index files use: integers, byte and text strings,
    arrays and maps, all of definite length."""
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info < 24:
        length = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        length = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise ValueError(f"CBOR item {head:#x} at {at - 1} is not one Pagefind writes")
    if major == 0:
        return length, at
    if major == 1:
        return -1 - length, at
    if major == 2:
        return data[at : at + length], at + length
    if major == 3:
        return data[at : at + length].decode("utf-8"), at + length
    if major == 4:
        items = []
        for _ in range(length):
            item, at = _cbor_decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        mapping = {}
        for _ in range(length):
            key, at = _cbor_decode(data, at)
            mapping[key], at = _cbor_decode(data, at)
        return mapping, at
    raise ValueError(f"CBOR major type {major} at {at - 1} is not one Pagefind writes")


def _cbor_head(major: int, length: int) -> bytes:
    if length < 24:
        return bytes([major << 5 | length])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if length < 1 << (8 * size):
            return bytes([major << 5 | info]) + length.to_bytes(size, "big")
    raise ValueError(f"{length} is too large for CBOR")


def _cbor_encode(value: Any) -> bytes:
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{value!r}: not in Pagefind's index files")
    if isinstance(value, int):
        return _cbor_head(0, value) if value >= 0 else _cbor_head(1, -1 - value)
    if isinstance(value, bytes):
        return _cbor_head(2, len(value)) + value
    if isinstance(value, str):
        encoded = value.encode("utf-8")
        return _cbor_head(3, len(encoded)) + encoded
    if isinstance(value, list):
        return _cbor_head(4, len(value)) + b"".join(_cbor_encode(item) for item in value)
    if isinstance(value, dict):
        return _cbor_head(5, len(value)) + b"".join(_cbor_encode(k) + _cbor_encode(v) for k, v in value.items())
    raise ValueError(f"{type(value).__name__}: not in Pagefind's index files")
