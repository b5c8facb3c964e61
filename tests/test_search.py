"""Search (helpcenter/search.py): what is marked for the indexer, what Pagefind indexed per locale
(read from its own output), reproducible bundles, stemming, and Material's search plugin."""

from __future__ import annotations

import errno
import gzip
import logging
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup
from tests import pagefind_bundle

from conftest import build_site, write_project
from helpcenter import search
from helpcenter.locales import Catalogs, package_catalog_dir
from helpcenter.rendering import Renderer

GUIDE = """---
id: webmail
title: Webbmail går inte
summary: Sammanfattningen nämner zebrafinken.
type: guide
category: email
tags: [okapi, inloggning]
related: [intro]
---

Inledning.

## Återställ lösenordet {#reset}

Byt lösenorden här.

- [ ] Kontrollera kontot
"""
INTRO = """---
id: intro
title: Introduktion
category: email
---

Brödtexten nämner zebrafinken och okapi en gång var.
"""


# -- marking ---------------------------------------------------------------------------------------


def mark(html: str, page: search.Indexed) -> str:
    """A page's content as the build marks it for the indexer (templates/search-body.html)."""
    renderer = Renderer(Catalogs([package_catalog_dir()]))
    return renderer.render("sv", "search-body.html", html=Markup(html), **search.facts(page))


def test_mark_wraps_the_content_with_filters_meta_and_weighted_words():
    html = mark("<h1>T</h1>", search.Indexed("guide", "E-post", "Kort om saken.", ("a", "b")))
    soup = BeautifulSoup(html, "html.parser")
    body = soup.select_one("[data-pagefind-body]")
    assert body is not None and body.select_one("h1").get_text() == "T"
    filters = {e["data-pagefind-filter"]: e.get_text() for e in body.select("[data-pagefind-filter]")}
    assert filters == {"type": "guide", "category": "E-post"}
    assert body.select_one("[data-pagefind-meta=category]").get_text() == "E-post"
    assert body.select_one(".hc-search-facts")["data-pagefind-ignore"] == "index"
    weighted = [(e.get_text(), int(e["data-pagefind-weight"])) for e in body.select("[data-pagefind-weight]")]
    assert weighted == [("Kort om saken.", search.SUMMARY_WEIGHT), ("a, b", search.TAGS_WEIGHT)]
    assert all(weight > 1 for _, weight in weighted)  # Pagefind's body text weighs 1
    assert all(e.has_attr("hidden") for e in body.select("[data-pagefind-weight], .hc-search-facts"))


@pytest.mark.parametrize("field", ["category", "summary", "tags"])
def test_mark_escapes_front_matter(field):
    payload = '<img src=x onerror="alert(1)">'
    values = {"category": None, "summary": None, "tags": ()}
    values[field] = (payload,) if field == "tags" else payload
    soup = BeautifulSoup(mark("", search.Indexed("article", **values)), "html.parser")
    assert soup.select("img") == []
    assert payload in soup.get_text()


def test_mark_refuses_an_unknown_kind():
    with pytest.raises(ValueError, match="unknown kind 'faq'"):
        search.facts(search.Indexed("faq"))


@pytest.mark.parametrize(
    ("plugins", "listed"),
    [(["search", "helpcenter"], True), (["material/search", "helpcenter"], True), (["helpcenter"], False)],
)
def test_material_search_is_recognised(plugins, listed):
    assert search.lists_material_search(plugins) is listed


@pytest.mark.parametrize(
    "value",
    [0, 23, 24, 255, 256, 65535, 65536, 2**32, -1, -25, -300, "", "Domäner", b"\x00\xff", [], [1, [2, "x"]], {"a": 1}],
)
def test_cbor_round_trip(value):
    encoded = search._cbor_encode(value)
    assert search._cbor_decode(encoded, 0) == (value, len(encoded))


# -- what a build indexes ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = write_project(
        tmp_path_factory.mktemp("search"),
        {"sv/e-post/webbmail.md": GUIDE, "sv/e-post/intro.md": INTRO},
    )
    return build_site(project, strict=True)


def test_a_locale_indexes_its_articles_guides_and_categories_only(built):
    swedish = pagefind_bundle.fragments(built.site, "sv")
    assert set(swedish) == {"/sv/e-post/webbmail/", "/sv/e-post/intro/", "/sv/email/"}
    english = pagefind_bundle.fragments(built.site, "en")
    assert set(english) == {"/en/email/"}  # its category; the untranslated fallbacks are not indexed
    assert (built.site / "en" / "e-post" / "webbmail" / "index.html").is_file()  # though they are served


def test_filters_meta_and_steps(built):
    guide = pagefind_bundle.fragments(built.site, "sv")["/sv/e-post/webbmail/"]
    assert guide["meta"] == {"title": "Webbmail går inte", "category": "E-post"}
    assert guide["filters"] == {"type": ["guide"], "category": ["E-post"]}
    anchors = {a["id"]: a["text"] for a in guide["anchors"]}
    assert anchors["reset"].endswith("Återställ lösenordet")
    assert "¶" not in anchors["reset"] and "¶" not in guide["content"]
    category = pagefind_bundle.fragments(built.site, "sv")["/sv/email/"]
    assert category["filters"]["type"] == ["category"]


def test_the_plugins_chrome_is_not_indexed(built):
    guide = pagefind_bundle.fragments(built.site, "sv")["/sv/e-post/webbmail/"]
    content = guide["content"]
    page = built.html("sv/e-post/webbmail/")
    home_crumb = page.select_one(".hc-breadcrumbs a").get_text()
    assert f"{home_crumb} " not in content and f" {home_crumb}" not in content  # the breadcrumbs
    assert page.select_one(".hc-related h2").get_text() not in content
    assert page.select_one(".hc-related a").get_text() not in content  # "Introduktion"
    assert page.select_one(".hc-recent h2").get_text() not in content  # "Senast visade"
    step = page.select_one(".hc-overview a").get_text()
    assert content.count(step) == 1  # the step's heading, not the overview's link to it
    assert "Kontrollera kontot" in content  # a check's text is indexed
    # The controls the build writes hidden for the script: the question, the answers' panels, Start over.
    controls = page.select(".hc-ask__q, .hc-foot button, .hc-panel h3, .hc-panel p, .hc-end button, .hc-note")
    assert len(controls) > 6
    assert [c.get_text() for c in controls if c.get_text() in content] == []
    intro = built.html("sv/e-post/intro/")
    question = intro.select_one(".hc-helpful .hc-ask__q")
    assert question is not None
    assert question.get_text() not in pagefind_bundle.fragments(built.site, "sv")["/sv/e-post/intro/"]["content"]
    category = pagefind_bundle.fragments(built.site, "sv")["/sv/email/"]
    assert "Introduktion" not in category["content"]  # its listing is not


def test_the_bundle_has_what_the_browser_loads_and_not_pagefinds_own_ui(built):
    bundle = built.site / "sv" / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-worker.js").is_file()
    for name in search.UNUSED_FILES:
        assert not (bundle / name).exists(), name
    assert not (built.site / "search").exists()


def test_a_locale_with_no_page_of_its_own_has_no_bundle(tmp_path):
    """Pagefind would index every page's whole body (fallbacks in another language) when none is
    marked: it is not run, and the search box there says search is not available."""
    uncategorized = INTRO.replace("category: email\n", "")
    project = write_project(tmp_path, {"sv/e-post/intro.md": uncategorized})
    (project / "content" / "en" / "categories.yml").write_text("{}\n", encoding="utf-8")
    built = build_site(project, strict=True)
    assert not (built.site / "en" / "pagefind").exists()
    assert (built.site / "en" / "e-post" / "intro" / "index.html").is_file()
    assert "/sv/e-post/intro/" in pagefind_bundle.fragments(built.site, "sv")


def test_stemmed_locales_say_nothing(built):
    entry = pagefind_bundle.entry(built.site, "sv")
    assert entry["languages"]["sv"]["wasm"] == "sv"
    assert [m for m in built.messages if "not stemmed" in m] == []


def test_bundles_are_the_same_in_every_build(built, tmp_path):
    """Pagefind writes filter values in hash-map order; the plugin puts them in order."""
    project = built.site.parent
    shutil.copytree(project / "content", tmp_path / "content")
    shutil.copy(project / "mkdocs.yml", tmp_path / "mkdocs.yml")
    again = build_site(tmp_path, strict=True)
    first = {p.relative_to(built.site): p.read_bytes() for p in (built.site / "sv" / "pagefind").rglob("*.*")}
    second = {p.relative_to(again.site): p.read_bytes() for p in (again.site / "sv" / "pagefind").rglob("*.*")}
    assert first == second
    for path in (built.site / "sv" / "pagefind" / "filter").glob("*.pf_filter"):
        name, values = search._read(path)
        assert [value for value, _ in values] == sorted(value for value, _ in values), name
        assert gzip.decompress(path.read_bytes()).startswith(search.SIGNATURE)


def test_a_locale_pagefind_cannot_stem_gets_one_info_line_and_an_index(tmp_path, caplog):
    # Ukrainian: a locale Babel and Material know; whether Pagefind stems it, its own output says.
    project = write_project(
        tmp_path,
        {
            "uk/index.md": "---\ntitle: Довідка\n---\nВітаємо.\n",
            "uk/categories.yml": "email:\n  title: Пошта\n",
            "uk/email/intro.md": "---\nid: intro\ntitle: Пошта\ncategory: email\n---\nПаролі та пошта.\n",
            "sv/e-post/intro.md": INTRO,
        },
        {"plugins": [{"helpcenter": {"default_locale": "sv", "locales": {"sv": "Svenska", "uk": "Українська"}}}]},
    )
    shutil.rmtree(project / "content" / "en")
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        built = build_site(project)
    stemmed = pagefind_bundle.entry(built.site, "uk")["languages"]["uk"]["wasm"] is not None
    lines = [m for m in built.messages if "not stemmed" in m]
    assert lines == ([] if stemmed else [lines[0]])
    if not stemmed:
        assert lines[0].startswith("INFO: helpcenter: search in Українська (uk) is not stemmed")
    assert "/uk/email/intro/" in pagefind_bundle.fragments(built.site, "uk")


def test_a_site_that_keeps_materials_search_is_told_once(tmp_path):
    project = write_project(
        tmp_path,
        {"sv/e-post/intro.md": INTRO},
        {"plugins": ["search", {"helpcenter": {"default_locale": "sv", "locales": {"sv": "Svenska", "en": "En"}}}]},
    )
    built = build_site(project)
    told = [m for m in built.warnings() if "search" in m]
    assert told == [f"WARNING: helpcenter: {search.MATERIAL_SEARCH_MESSAGE}"]
    assert "mkdocs.yml" in told[0] and "remove '- search'" in told[0]


# -- indexing while the build goes on ----------------------------------------------------------------


def copy_locales(built, target, *locales: str):
    """The built locales' pages, without their bundles: what Pagefind finds once a locale is written."""
    for locale in locales:
        shutil.copytree(built.site / locale, target / locale, ignore=shutil.ignore_patterns(search.BUNDLE_DIR))
    return target


@pytest.mark.parametrize("slots", [1, 2])
def test_a_locale_indexed_from_its_written_pages_holds_what_the_build_indexed(built, tmp_path, slots):
    """What a dirty build does (the pages were not staged): Pagefind reads the written pages, each
    locale in a process of its own, and indexes the same pages as the build did from its staged ones,
    with the same text, anchors, filters and meta. (Pagefind numbers the pages in the order the folder
    lists them, which differs from one file system to another, so its other files are compared by
    what they hold, not byte for byte.)"""
    site = copy_locales(built, tmp_path, "sv", "en")
    indexing = search.Indexing(site, slots=slots)
    indexing.start("en", 5)
    indexing.start("sv", 5)
    indexing.start("en", 5)  # once only
    results = indexing.finish()
    assert [result.locale for result in results] == ["en", "sv"], "in the order started"
    for locale in ("sv", "en"):
        assert pagefind_bundle.fragments(site, locale) == pagefind_bundle.fragments(built.site, locale)
        assert pagefind_bundle.entry(site, locale)["languages"].keys() == {locale}
        written, staged = (pagefind_bundle.entry(root, locale)["languages"][locale] for root in (site, built.site))
        assert written["page_count"] == staged["page_count"] > 0


def stage_pages(indexing: search.Indexing, built, locale: str) -> int:
    """Stages what the build staged of ``locale``'s pages (read back from the built site): each
    page's language and its marked content (templates/search-page.html). How many pages."""
    renderer = Renderer(Catalogs([package_catalog_dir()]))
    pages = [p for p in (built.site / locale).rglob("index.html") if "data-pagefind-body" in p.read_text("utf-8")]
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        body = soup.select_one("[data-pagefind-body]")
        document = renderer.render(locale, "search-page.html", lang=soup.html["lang"], html=Markup(str(body)))
        indexing.stage(str(page.relative_to(built.site)), document)
    return len(pages)


def bundle_of(site, locale: str) -> dict:
    return {p.relative_to(site): p.read_bytes() for p in (site / locale / search.BUNDLE_DIR).rglob("*.*")}


def test_while_the_build_goes_on_one_locale_is_indexed_at_a_time_and_the_build_never_waits(built, tmp_path):
    """The build uses a core: Pagefind runs beside it at a lower priority, a second locale waits its
    turn (the build goes on) and starts once the first is done; at the end what is left runs on every
    core."""
    indexing = search.Indexing(tmp_path, slots=2)
    indexing.start("sv", stage_pages(indexing, built, "sv"), staged=True)
    indexing.start("en", stage_pages(indexing, built, "en"), staged=True)  # returns at once: the build goes on
    assert list(indexing._running) == ["sv"] and list(indexing._waiting) == ["en"]
    pid = indexing._running["sv"].process.pid
    assert os.getpriority(os.PRIO_PROCESS, pid) == search.YIELDING_PRIORITY, "it gives way to the build"
    indexing._running["sv"].process.wait()
    indexing.poll()  # what the build does as its pages go by
    assert list(indexing._running) == ["sv", "en"] and not indexing._waiting
    assert [result.locale for result in indexing.finish()] == ["sv", "en"]


def test_staged_pages_are_indexed_like_the_written_ones_and_then_removed(built, tmp_path):
    """What the build stages of each page (its language and its marked content) gives the bundle the
    written pages give; the staged documents are gone once the indexes are built."""
    indexing = search.Indexing(tmp_path)
    pages = stage_pages(indexing, built, "sv")
    assert pages >= 3, "two articles and their category"
    staging = indexing.staging
    assert staging is not None and staging.is_dir()
    indexing.start("sv", pages, staged=True)
    assert [result.pages for result in indexing.finish()] == [pages]
    assert bundle_of(tmp_path, "sv") == bundle_of(built.site, "sv")
    assert not staging.exists() and indexing.staging is None


def test_a_locale_that_cannot_be_staged_is_indexed_from_its_written_pages_once_they_are(built, tmp_path, monkeypatch):
    """Memory full (a container's small /dev/shm): the locale whose pages could not be staged waits for
    the end of the build and is indexed from its written pages; the others are not held up, and the
    build says so once."""
    site = copy_locales(built, tmp_path, "sv", "en")
    indexing = search.Indexing(site)
    sv_pages = stage_pages(indexing, built, "sv")
    write_text = Path.write_text

    def full(path, *args, **kwargs):
        if "/en/" in str(path):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return write_text(path, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full)
    en_pages = stage_pages(indexing, built, "en")
    monkeypatch.undo()
    indexing.start("sv", sv_pages, staged=True)
    indexing.start("en", en_pages, staged=True)
    assert list(indexing._running) == ["sv"] and not indexing._waiting, "en waits for its written pages"
    assert [result.pages for result in indexing.finish()] == [sv_pages, en_pages]
    assert pagefind_bundle.fragments(site, "en") == pagefind_bundle.fragments(built.site, "en")
    assert indexing.unstaged == {"en"}
    assert len(indexing.notes) == 1 and "en/" in indexing.notes[0] and "TMPDIR" in indexing.notes[0], indexing.notes


@pytest.mark.parametrize(("tmpdir", "root"), [(None, "/dev/shm"), ("/somewhere", None)])
def test_pages_are_staged_in_memory_unless_tmpdir_says_where(monkeypatch, tmpdir, root):
    if tmpdir is None:
        monkeypatch.delenv("TMPDIR", raising=False)
    else:
        monkeypatch.setenv("TMPDIR", tmpdir)
    assert search.staging_root() == root


def test_a_build_leaves_no_staged_pages_behind(tmp_path, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    made = []
    mkdtemp = tempfile.mkdtemp
    monkeypatch.setattr(tempfile, "mkdtemp", lambda **options: made.append(mkdtemp(**options)) or made[-1])
    (tmp_path / "project").mkdir()
    project = write_project(tmp_path / "project", {"sv/e-post/webbmail.md": GUIDE, "sv/e-post/intro.md": INTRO})
    built = build_site(project, strict=True)
    assert (built.site / "sv" / search.BUNDLE_DIR / "pagefind-entry.json").is_file()
    assert [Path(path).parent for path in made] == [temp], "staged once, in TMPDIR"
    assert list(temp.iterdir()) == []


def test_a_locale_pagefind_cannot_index_is_one_error_naming_it_and_the_others_stop(built, tmp_path):
    site = copy_locales(built, tmp_path, "sv")
    (site / "de").mkdir()  # nothing to index: Pagefind says so and fails
    indexing = search.Indexing(site, slots=2)
    indexing.start("de", 3)
    indexing.start("sv", 5)
    with pytest.raises(search.SearchError, match=r"Pagefind could not index de/: .*not able to build an index"):
        indexing.finish()
    indexing.stop()  # what the plugin's on_build_error does: nothing is left running
    assert indexing._running == {}


def test_the_build_converts_one_locale_after_the_other(tmp_path):
    """Each locale's pages (the category pages the plugin adds included) come together, so its search
    index is built while the build goes on with the next locale's."""
    from mkdocs.structure.files import File, Files

    from helpcenter.plugin import _by_locale

    names = ["en/a.md", "sv/b.md", "assets/x.css", "en/c/index.md", "sv/d/index.md", "status/s.md"]
    files = Files([File(name, str(tmp_path), str(tmp_path / "site"), True) for name in names])
    ordered = [file.src_uri for file in _by_locale(files, ["sv", "en"])]
    assert ordered == ["assets/x.css", "status/s.md", "sv/b.md", "sv/d/index.md", "en/a.md", "en/c/index.md"]


def test_a_site_with_a_search_of_its_own_turns_it_off(tmp_path):
    plugin = {"default_locale": "sv", "locales": {"sv": "Svenska", "en": "English"}, "search": False}
    files = {"sv/e-post/webbmail.md": GUIDE, "sv/e-post/intro.md": INTRO}
    project = write_project(tmp_path, files, {"plugins": [{"helpcenter": plugin}]})
    built = build_site(project, strict=True)
    assert built.warnings() == []
    assert not list(built.site.rglob(search.BUNDLE_DIR)), "nothing indexed"
    assert not (built.site / "assets" / "helpcenter" / "search.js").exists()
    for url in ("sv/", "sv/e-post/webbmail/"):
        page = built.html(url)
        assert page.select("form[role=search], [data-hc-search], [data-pagefind-body]") == [], url
        assert page.select_one("article h1") is not None, "the page itself is there"
