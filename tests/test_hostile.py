"""The hostile-content gate: every case of ``tests/hostile/`` through a real strict build.

Each case is copied into a fresh two-locale project (sv default, en) and built once with
``strict=True``. Whatever an editor or translator puts in a file, the build either passes or
stops with MkDocs's ``Abort`` and exactly one clear message naming the file (and the line where
there is one); it never raises anything else and never prints a traceback. Texts from front
matter, category files, step titles and checks are text: nothing in them may run.
"""

from __future__ import annotations

import io
import json
import logging
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort
from tests import pagefind_bundle

import helpcenter.cli.check
import helpcenter.plugin
from conftest import build_site
from helpcenter.cli import main
from helpcenter.cli.check import project_findings
from helpcenter.cli.project import load_project
from helpcenter.problems import ERROR, MESSAGE_LIMIT
from hostile_corpus import (
    HOSTILE,
    HUGE_ARTICLE,
    HUGE_BYTES,
    LONG_LIST,
    PAYLOAD,
    SENTINEL,
    SYMLINK,
    cases,
    event_handlers,
    make_catalogs,
    make_project,
    script_urls,
    stray_scripts,
)

HUGE_SECONDS = 20


@dataclass(frozen=True)
class Case:
    """What the strict build of one corpus case must do."""

    fails: bool
    file: str | None = None
    """The file the one message names, relative to the case folder (content/… or locales/…)."""
    line_at: tuple[str, ...] = ()
    """The message names the line of ``file`` that starts with one of these (empty: no line to name)."""
    needles: tuple[str, ...] = ()
    """Words the message must contain besides the file."""

    def lines(self, name: str) -> set[int]:
        assert self.file is not None
        text = (HOSTILE / name / self.file).read_text(encoding="utf-8").splitlines()
        found = {number for number, line in enumerate(text, start=1) if line.startswith(self.line_at)}
        assert found, f"{self.file} has no line starting with {self.line_at}"
        return found


PO = "locales/sv/LC_MESSAGES/helpcenter.po"

CASES = {
    "malformed-yaml": Case(True, "content/sv/trasig.md", ("summary:",), ("YAML",)),
    "tags-string": Case(True, "content/sv/taggar.md", ("tags:",), ("'tags'",)),
    "duplicate-id": Case(True, "content/sv/b-kopia.md", ("id:",), ("'id'", "webmail-login", "sv/a-original.md")),
    "unknown-related": Case(True, "content/sv/relaterad.md", ("related:",), ("'related'", "finns-inte")),
    "guide-without-steps": Case(True, "content/sv/utan-steg.md", ("type:",), ("step", "or write type: article")),
    "fenced-heading": Case(False),
    "huge-article": Case(False),
    "latin-1": Case(True, "content/sv/latin.md", needles=("UTF-8",)),
    "binary-md": Case(True, "content/sv/packad.md", needles=("UTF-8",)),
    "png": Case(False),
    # A string without its closing quote: msgfmt says "end-of-line within string".
    "po-syntax": Case(True, PO, ('msgstr "Hem',)),
    # The msgid's line or the msgstr's: both point the translator at the entry.
    "po-placeholder": Case(True, PO, ('msgid "Step', 'msgstr "Steg'), ("nummer",)),
    "payload": Case(False),
    # Catalogs are data: each broken translation is named (file:line) and left out.
    "po-markup": Case(True, PO, ('msgid "Guide"', 'msgstr "Guide<img'), ("markup",)),
    "po-attribute": Case(False),  # no markup, so nothing to say: escaping keeps it the attribute's text
    "po-percent": Case(True, PO, ('msgid "Step', 'msgstr "Steg'), ("%%",)),
    "po-dropped-placeholder": Case(True, PO, ('msgid "Step', 'msgstr "Steg'), ("placeholders", "%(title)s")),
    "po-placeholder-twice": Case(True, PO, ('msgid "Step', 'msgstr "Steg'), ("placeholders", "%(title)s ×2")),
    "po-plural-syntax": Case(True, PO, ('"Plural-Forms',), ("Plural-Forms",)),
    "po-plural-zero": Case(True, PO, ('"Plural-Forms',), ("Plural-Forms", "n=")),
    "po-latin-1": Case(True, PO, needles=("UTF-8",)),
    # Bounded YAML: no alias expansion, no deep nesting, no unbounded value in a message.
    "yaml-alias-bomb": Case(True, "content/sv/bomb.md", ("a: &a",), ("anchor",)),
    "yaml-deep-categories": Case(True, "content/sv/categories.yml", ("  description:",), ("nested",)),
    "long-front-matter": Case(False),
    "id-trailing-newline": Case(True, "content/sv/b-kopia.md", ("id:",), ("'id'", "webmail-login\\n")),
    "repeated-key": Case(True, "content/sv/upprepad.md", ("title: Andra",), ("'title'", "twice")),
    # Paths stay inside the content folder and the locale.
    "symlink-out": Case(True, "content/sv/nyckel.pem", needles=("outside",)),
    "slug-traversal": Case(True, "content/sv/categories.yml", ("email:",), ("slug", "../../utanfor")),
    "slug-absolute": Case(True, "content/sv/categories.yml", ("email:",), ("slug", "/tmp/helpcenter-absolute-slug")),
    "missing-home": Case(True, "content/en/index.md", needles=("home page",)),
    # One URL, one page: the later claimant is named with the first, and not built.
    "url-clash-files": Case(True, "content/sv/e-post/a/index.md", needles=("URL", "sv/e-post/a.md")),
    "url-clash-category": Case(True, "content/sv/categories.yml", needles=("URL", "sv/email.md", "slug")),
    "url-clash-fallback": Case(True, "content/en/email.md", needles=("untranslated", "en/email/index.md")),
    # A marked translation whose steps differ from its source's (readers' ticks are matched by structure).
    # The live status asked for in a site without a status feed: one warning, from check as from the build.
    "status-without-feed": Case(True, "content/sv/status.md", ("status:",), ("status.url", "Webmail")),
    "translation-structure": Case(True, "content/en/guide.md", ("## One",), ("3 steps", "sv/guide.md has 4", "ticks")),
    # References say what to write, once, at the line the editor wrote (never again for the fallback copy).
    "broken-link": Case(
        True,
        "content/sv/lankar.md",
        ("Börja med",),
        ("link 'introduktion.md': sv/introduktion.md does not exist; did you mean 'introduktion-till-e-post.md'?",),
    ),
    "moved-step": Case(
        True,
        "content/sv/lankar.md",
        ("Står det",),
        (
            "link 'webbmail.md#step-3': sv/webbmail.md has no anchor 'step-3': step 3 ('Läs felloggen') has the "
            "anchor 'error-log' now; write 'webbmail.md#error-log'",
        ),
    ),
    # Words stay words: YAML 1.1's booleans and numbers are the text written; what YAML refuses gets quotes.
    "yaml-words": Case(False),
    "unquoted-colon": Case(
        True,
        "content/sv/fel.md",
        ("title:",),
        (
            "front matter is not valid YAML: mapping values are not allowed in this context; if it is text, put it in "
            'quotes: title: "Fel: 500"',
        ),
    ),
    "category-slug": Case(
        True,
        "content/sv/publicera.md",
        ("category:",),
        ("front matter 'category': 'webbplatser' is the slug of category 'websites'; write category: websites",),
    ),
}
NAMES = sorted(CASES)
FAILING = [n for n in NAMES if CASES[n].fails]
PASSING = [n for n in NAMES if not CASES[n].fails]
WITH_LINE = [n for n in FAILING if CASES[n].line_at]


# -- one strict build per case, shared by every test of the module ---------------------------------


@dataclass
class Outcome:
    """How the strict build of one case ended, and everything it said."""

    project: Path
    catalogs: Path | None
    raised: BaseException | None = None
    messages: list[str] = field(default_factory=list)
    """Every record of WARNING and above, from any logger."""
    tracebacks: list[str] = field(default_factory=list)
    output: str = ""
    """What went to stdout and stderr during the build."""
    seconds: float = 0.0

    @property
    def site(self) -> Path:
        return self.project / "site"

    def html(self, path: str) -> BeautifulSoup:
        target = self.site / path
        if path.endswith("/"):
            target = target / "index.html"
        return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")

    def named(self, file: str) -> str:
        """How a message names a corpus file once it is in the project (or the catalog copy)."""
        if file.startswith("locales/"):
            assert self.catalogs is not None
            return str(self.catalogs / file.removeprefix("locales/"))
        return file.removeprefix("content/")

    def explain(self) -> str:
        raised = "".join(traceback.format_exception(self.raised)) if self.raised else "nothing"
        return f"raised: {raised}\nmessages: {self.messages}\noutput: {self.output[-2000:]}"


class _Record(logging.Handler):
    def __init__(self, outcome: Outcome) -> None:
        super().__init__(logging.DEBUG)
        self.outcome = outcome

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno >= logging.WARNING:
            self.outcome.messages.append(f"{record.levelname}: {message}")
        if record.exc_info:
            self.outcome.tracebacks.append("".join(traceback.format_exception(*record.exc_info)))
        elif "Traceback (most recent call last)" in message:
            self.outcome.tracebacks.append(message)


def build_case(name: str, root: Path) -> Outcome:
    project = make_project(name, root)
    with pytest.MonkeyPatch.context() as patch:
        catalogs = make_catalogs(name, root / "catalogs")
        if catalogs is not None:
            patch.setattr(helpcenter.plugin, "package_catalog_dir", lambda: catalogs)
        outcome = Outcome(project, catalogs)
        handler = _Record(outcome)
        logger = logging.getLogger()  # every logger: MkDocs's, the plugin's, Markdown's, Babel's
        logger.addHandler(handler)
        output = io.StringIO()
        start = time.monotonic()
        try:
            with redirect_stdout(output), redirect_stderr(output):
                build_site(project, strict=True)
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # judged by the tests: only Abort is acceptable
            outcome.raised = error
        finally:
            outcome.seconds = time.monotonic() - start
            logger.removeHandler(handler)
    outcome.output = output.getvalue()
    return outcome


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], Outcome]]:
    built: dict[str, Outcome] = {}

    def get(name: str) -> Outcome:
        if name not in built:
            built[name] = build_case(name, tmp_path_factory.mktemp(name))
        return built[name]

    yield get


# -- every case ------------------------------------------------------------------------------------


def test_every_case_of_the_corpus_has_expectations():
    assert cases() == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_the_build_raises_nothing_but_abort(outcome, name):
    result = outcome(name)
    assert result.raised is None or isinstance(result.raised, Abort), result.explain()


@pytest.mark.parametrize("name", NAMES)
def test_no_traceback_is_logged_or_printed(outcome, name):
    result = outcome(name)
    assert result.tracebacks == []
    assert "Traceback" not in result.output, result.output


@pytest.mark.parametrize("name", NAMES)
def test_the_strict_build_fails_exactly_where_it_should(outcome, name):
    result = outcome(name)
    assert isinstance(result.raised, Abort) is CASES[name].fails, result.explain()


@pytest.mark.parametrize("name", PASSING)
def test_a_passing_case_says_nothing(outcome, name):
    assert outcome(name).messages == []


@pytest.mark.parametrize("name", FAILING)
def test_a_failing_case_says_one_clear_thing_naming_the_file(outcome, name):
    result, case = outcome(name), CASES[name]
    assert len(result.messages) == 1, result.explain()
    message = result.messages[0]
    assert message.startswith(("WARNING: ", "ERROR: "))
    assert "\n" not in message
    assert "Traceback" not in message
    assert case.file is not None
    assert result.named(case.file) in message, message
    for needle in case.needles:
        assert needle in message, message


@pytest.mark.parametrize("name", WITH_LINE)
def test_the_message_names_the_line(outcome, name):
    result, case = outcome(name), CASES[name]
    file = result.named(case.file or "")
    expected = sorted(f"{file}:{line}:" for line in case.lines(name))
    assert any(where in m for m in result.messages for where in expected), (expected, result.messages)


# -- cases that must build -------------------------------------------------------------------------


def _title(element) -> str:
    return element.get_text().removesuffix("¶").strip()


def test_hashes_in_fenced_code_are_not_steps(outcome):
    result = outcome("fenced-heading")
    for url in ("sv/kodblock/", "en/kodblock/"):  # the source, and its untranslated fallback
        page = result.html(url)
        titles = [_title(h) for h in page.select("h2.hc-step__title")]
        assert titles == ["Steg 1 - Kopiera mallen", "Steg 2 - Läs exemplet med tilder", "Steg 3 - Klar"], url
        assert len(page.select(".hc-overview__item")) == 3
        assert len(json.loads(page.select_one("[data-hc-config]")["data-hc-config"])["progress"]) == 4
        first = page.select("section.hc-step")[0]
        assert [t.get_text(strip=True) for t in first.select(".hc-check__text")] == ["Mallen är inklistrad."]
        code = "\n".join(pre.get_text() for pre in page.select("pre"))
        for line in ("## Det här är inte ett steg", "## Inte heller det här", "## Ett kodblock i ett kodblock"):
            assert line in code
        assert "## Fortfarande kod" in code


def test_a_one_megabyte_article_builds_fast(outcome):
    result = outcome("huge-article")
    source = result.project / "content" / HUGE_ARTICLE
    assert source.stat().st_size >= HUGE_BYTES
    assert result.raised is None, result.explain()
    assert result.seconds < HUGE_SECONDS
    sections = source.read_text(encoding="utf-8").count("\n## Avsnitt om e-post\n")
    page = result.html("sv/stor/")
    assert sections > 1000
    assert len([h for h in page.select("article h2") if _title(h) == "Avsnitt om e-post"]) == sections


def test_a_picture_in_content_is_copied_as_it_is(outcome):
    result = outcome("png")
    picture = "sv/skarmbild.png"
    assert (result.site / picture).read_bytes() == (HOSTILE / "png" / "content" / picture).read_bytes()


# -- the payload: HTML and script in every text an editor or translator controls ---------------------


@pytest.fixture(scope="module")
def payload(outcome) -> Outcome:
    result = outcome("payload")
    assert result.raised is None, result.explain()
    return result


def _pages(result: Outcome) -> dict[str, BeautifulSoup]:
    pages = {
        p.relative_to(result.site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
        for p in sorted(result.site.rglob("*.html"))
    }
    assert len(pages) >= 12, sorted(pages)
    return pages


def test_no_page_carries_a_script_besides_the_known_ones(payload):
    stray = {path: stray_scripts(page) for path, page in _pages(payload).items()}
    assert {path: found for path, found in stray.items() if found} == {}


def test_no_event_handler_attribute_in_article_nav_or_header(payload):
    found = {path: event_handlers(page) for path, page in _pages(payload).items()}
    assert {path: handlers for path, handlers in found.items() if handlers} == {}


def test_no_javascript_url_anywhere(payload):
    found = {path: script_urls(page) for path, page in _pages(payload).items()}
    assert {path: urls for path, urls in found.items() if urls} == {}


ARTICLE, FALLBACK, CATEGORY, HOME, NEIGHBOUR = (
    "sv/e-post/nyttolast/",
    "en/e-post/nyttolast/",
    "sv/e-post/",
    "sv/",
    "sv/e-post/granne/",
)
SHOWN = [
    # page, where, the text a reader sees there
    (ARTICLE, "head > title", f"Titel {PAYLOAD} - Hjälp"),
    (ARTICLE, "article h1", f"Titel {PAYLOAD}"),
    (ARTICLE, "header .md-header__topic", f"Titel {PAYLOAD}"),
    (ARTICLE, ".hc-breadcrumbs a", f"Kategori {PAYLOAD}"),
    (ARTICLE, ".hc-breadcrumbs [aria-current]", f"Titel {PAYLOAD}"),
    (ARTICLE, "nav.md-nav--primary a", f"Kategori {PAYLOAD}"),
    (ARTICLE, "h2.hc-step__title", f"Steg 1 - Steg {PAYLOAD}"),
    (ARTICLE, "h2.hc-step__title", 'Steg 2 - Andra steget <img src=x onerror="window.__pwned=1">'),
    (ARTICLE, ".hc-overview__link", f"Steg 1 - Steg {PAYLOAD}"),
    (ARTICLE, "nav.md-nav--secondary a", f"Steg 1 - Steg {PAYLOAD}"),
    (ARTICLE, ".hc-check__text", f"Kontroll {PAYLOAD}"),
    (FALLBACK, "article h1", f"Titel {PAYLOAD}"),
    (CATEGORY, "article h1", f"Kategori {PAYLOAD}"),
    (CATEGORY, ".hc-category__description", f"Beskrivning {PAYLOAD}"),
    (CATEGORY, ".hc-listing__link", f"Titel {PAYLOAD}"),
    (CATEGORY, ".hc-listing__summary", f"Sammanfattning {PAYLOAD}"),
    (HOME, ".hc-home h2", f"Kategori {PAYLOAD}"),
    (HOME, ".hc-home__description", f"Beskrivning {PAYLOAD}"),
    (HOME, ".hc-listing__link", f"Titel {PAYLOAD}"),
    (NEIGHBOUR, ".hc-related a", f"Titel {PAYLOAD}"),
    (NEIGHBOUR, ".hc-related__summary", f"Sammanfattning {PAYLOAD}"),
]


@pytest.mark.parametrize(("url", "where", "text"), SHOWN, ids=[f"{u}|{w}" for u, w, _ in SHOWN])
def test_the_payload_shows_as_typed(payload, url, where, text):
    shown = [" ".join(_title(e).split()) for e in payload.html(url).select(where)]
    assert text in shown


@pytest.mark.parametrize(("url", "lang"), [(ARTICLE, None), (FALLBACK, "sv")])
def test_recently_viewed_remembers_the_title_as_typed(payload, url, lang):
    """The script keeps the title the page names and shows it as text (tests/browser/test_recent.py)."""
    box = payload.html(url).select_one("[data-hc-recent]")
    assert box is not None
    assert (box["data-hc-title"], box.get("data-hc-lang")) == (f"Titel {PAYLOAD}", lang)


def test_the_summary_is_the_meta_description_as_typed(payload):
    meta = payload.html(ARTICLE).select_one("head meta[name=description]")
    assert meta is not None
    assert meta["content"] == f"Sammanfattning {PAYLOAD}"


def test_structured_data_holds_the_payload_as_data(payload):
    page = payload.html(ARTICLE)
    blocks = page.select("script[type='application/ld+json']")
    assert len(blocks) == 1
    assert blocks[0].find_parent("head") is not None
    raw = blocks[0].get_text()
    assert "<" not in raw and ">" not in raw
    graph = {item["@type"]: item for item in json.loads(raw)["@graph"]}
    assert graph["Article"]["headline"] == f"Titel {PAYLOAD}"
    assert graph["Article"]["description"] == f"Sammanfattning {PAYLOAD}"
    assert f"Tagg {PAYLOAD}" in graph["Article"]["keywords"]
    names = [item["name"] for item in graph["BreadcrumbList"]["itemListElement"]]
    assert names == ["Start", f"Kategori {PAYLOAD}", f"Titel {PAYLOAD}"]


def test_the_search_index_holds_the_payload_as_text(payload):
    """The index holds front matter as the text it is (search.js puts it in with textContent):
    the payload's article, its title, category and type, and its category page."""
    pages = pagefind_bundle.fragments(payload.site, "sv")
    titles = {page["meta"]["title"]: page for page in pages.values() if SENTINEL in page["meta"]["title"]}
    assert set(titles) == {f"Titel {PAYLOAD}", f"Kategori {PAYLOAD}"}
    article = titles[f"Titel {PAYLOAD}"]
    assert article["meta"]["category"] == f"Kategori {PAYLOAD}"
    assert article["filters"]["category"] == [f"Kategori {PAYLOAD}"]
    assert titles[f"Kategori {PAYLOAD}"]["filters"]["type"] == ["category"]
    print(article["content"][:300])


DETECTED = """<!doctype html><html><head>
<script>window.__pwned=1</script>
<script>__md_scope=new URL("/",location);window.__pwned=1</script>
<script src="https://evil.example/assets/helpcenter/x.js"></script>
<script type="module">window.__pwned=1</script>
</head><body><header><a href=" javascript:window.__pwned=1">x</a></header>
<article><h1>T<img src=x onerror="window.__pwned=1"></h1><script type="application/ld+json">{}</script></article>
<nav><a onmouseover="window.__pwned=1">n</a></nav></body></html>"""


def test_the_checks_catch_what_would_run():
    """The checks above are not vacuous: each catches its kind of injection."""
    page = BeautifulSoup(DETECTED, "html.parser")
    assert len(stray_scripts(page)) == 5
    assert event_handlers(page) == ["<img onerror=…>", "<a onmouseover=…>"]
    assert len(script_urls(page)) == 1


# -- `helpcenter check` says what the build says ----------------------------------------------------


def _check_problems(result: Outcome) -> set[str]:
    """What ``helpcenter check`` finds in a case's project (errors only: the build's problems)."""
    with pytest.MonkeyPatch.context() as patch:
        if result.catalogs is not None:
            catalogs = result.catalogs
            patch.setattr(helpcenter.cli.check, "package_catalog_dir", lambda: catalogs)
        project = load_project(result.project / "mkdocs.yml")
        return {str(p) for p in project_findings(project) if p.level == ERROR}


@pytest.mark.parametrize("name", NAMES)
def test_check_names_exactly_the_problems_the_build_warns_about(outcome, name):
    result = outcome(name)
    built = {m.removeprefix("WARNING: ").removeprefix("helpcenter: ") for m in result.messages}
    assert _check_problems(result) == built


@pytest.mark.parametrize("name", NAMES)
def test_no_message_quotes_an_unbounded_value(outcome, name):
    for message in outcome(name).messages:
        assert len(message) <= MESSAGE_LIMIT + 200, message[:300]


# -- catalogs are data --------------------------------------------------------------------------------


def _all_html(result: Outcome) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(result.site.rglob("*.html")))


def test_a_translation_with_markup_is_left_out_and_never_html(outcome):
    result = outcome("po-markup")
    page = BeautifulSoup(_all_html(result), "html.parser")
    assert SENTINEL not in _all_html(result)
    assert "onerror" not in _all_html(result)
    assert event_handlers(page, "*") == []
    badge = result.html("sv/email/").select_one(".hc-listing .hc-badge")
    assert badge is not None
    assert badge.get_text() == "Guide"  # the source text


def test_a_translation_that_closes_its_attribute_stays_its_text(outcome):
    result = outcome("po-attribute")
    assert result.raised is None, result.explain()
    nav = result.html("sv/guide/").select_one("nav.hc-breadcrumbs")
    assert nav is not None
    assert nav["aria-label"] == 'Brödsmulor" onfocus="window.__pwned=1" autofocus x="'
    assert set(nav.attrs) == {"class", "aria-label", "data-search-exclude"}


@pytest.mark.parametrize("name", ["po-percent", "po-dropped-placeholder", "po-placeholder-twice"])
def test_a_broken_format_string_falls_back_to_the_source_text(outcome, name):
    result = outcome(name)
    page = result.html("sv/guide/")
    assert [_title(h) for h in page.select("h2.hc-step__title")] == ["Step 1 - Första steget"]
    assert "\x00" not in _all_html(result)


@pytest.mark.parametrize("name", ["po-plural-syntax", "po-plural-zero"])
def test_a_broken_plural_rule_falls_back_to_the_languages_own(outcome, name):
    result = outcome(name)
    config = json.loads(result.html("sv/guide/").select_one("[data-hc-config]")["data-hc-config"])
    assert config["progress"] == ["0 steps of 1 done", "1 step of 1 done"]  # the source strings


# -- bounded YAML ---------------------------------------------------------------------------------------


def test_yaml_words_are_the_words_written(outcome):
    result = outcome("yaml-words")
    page = result.html("sv/ord/")
    graph = json.loads(page.select_one("script[type='application/ld+json']").get_text())["@graph"]
    (article,) = [item for item in graph if item["@type"] == "Article"]
    assert (article["headline"], article["description"]) == ("2026", "no")
    assert article["keywords"] == "no, on, 500, yes, off, 1.5"


def test_a_long_front_matter_list_builds_fast(outcome):
    result = outcome("long-front-matter")
    assert result.raised is None, result.explain()
    assert result.seconds < HUGE_SECONDS / 2
    keywords = json.loads(result.html("sv/lang/").select_one("script[type='application/ld+json']").get_text())
    article = next(item for item in keywords["@graph"] if item["@type"] == "Article")
    assert article["keywords"].count("tagg nummer") == LONG_LIST


def test_an_id_with_a_trailing_newline_is_not_a_second_article(outcome):
    result = outcome("id-trailing-newline")
    listed = [a.get_text(strip=True) for a in result.html("sv/email/").select(".hc-listing__link")]
    assert listed == ["Originalet"]


# -- paths stay inside ------------------------------------------------------------------------------------


def test_a_link_out_of_the_content_folder_is_not_published(outcome):
    result = outcome("symlink-out")
    assert (result.project / "content" / SYMLINK).is_symlink()
    published = [p for p in result.site.rglob("*") if p.is_file() and b"__secret__" in p.read_bytes()]
    assert published == []


@pytest.mark.parametrize(("name", "slug"), [("slug-traversal", "utanfor"), ("slug-absolute", "helpcenter-absolute")])
def test_a_category_slug_cannot_leave_its_locale(outcome, name, slug):
    result = outcome(name)
    written = [p for p in result.project.rglob("*") if slug in p.as_posix().removeprefix(str(result.project))]
    assert written == []
    assert not Path("/tmp/helpcenter-absolute-slug").exists()


# -- no traceback from any command either ---------------------------------------------------------------

COMMANDS = [
    ("check",),
    ("check", "--format", "json"),
    ("i18n", "status"),
    ("i18n", "check"),
    ("i18n", "compile"),
    ("i18n", "status", "--format", "json"),
]
"""Commands that read the case as it is (none writes content: the outcome is shared by the module)."""


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
@pytest.mark.parametrize("name", NAMES)
def test_no_command_prints_a_traceback(outcome, capsys, name, command):
    result = outcome(name)
    argv = list(command)
    if command[0] == "i18n":
        catalogs = result.catalogs or result.project / "no-catalogs"
        argv += ["--catalogs", str(catalogs)]
    if command[0] == "check" or command[1] == "status":
        argv += ["--config-file", str(result.project / "mkdocs.yml")]
    code = main(argv)
    out, err = capsys.readouterr()
    assert code in (0, 1, 2)
    assert "Traceback" not in out + err
    assert all(len(line) <= MESSAGE_LIMIT + 300 for line in err.splitlines()), err[:500]
