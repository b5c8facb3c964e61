"""Author mistakes stop a strict build with one clear message; front matter is always text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from conftest import build_site, captured, write_project
from helpcenter.sources import read_article


def failed_build(root: Path, files: dict[str, str | bytes]) -> list[str]:
    """Build strictly, expect MkDocs's Abort (never another exception); return the warnings."""
    project = write_project(root, files)
    with captured() as messages, pytest.raises(Abort):
        build_site(project, strict=True)
    assert not [m for m in messages if "Traceback" in m], messages
    return [m for m in messages if m.startswith(("WARNING", "ERROR"))]


def article(front: str, body: str = "Body.\n") -> str:
    return f"---\n{front}---\n{body}"


BAD = "sv/bad.md"

CASES = [
    # id, files, needles the one message must contain (besides the path), line or None
    ("missing-id", {BAD: article("title: T\n")}, ["'id'"], None),
    ("malformed-id", {BAD: article("id: Bad Id\ntitle: T\n")}, ["'id'", "Bad Id"], 2),
    ("missing-title", {BAD: article("id: bad\n")}, ["'title'"], None),
    ("unknown-key", {BAD: article("id: bad\ntitle: T\ncolour: red\n")}, ["'colour'"], 4),
    ("tags-not-a-list", {BAD: article("id: bad\ntitle: T\ntags: webmail\n")}, ["'tags'"], 4),
    ("type-howto", {BAD: article("id: bad\ntitle: T\ntype: howto\n")}, ["'type'", "howto"], 4),
    ("updated-yesterday", {BAD: article("id: bad\ntitle: T\nupdated: yesterday\n")}, ["'updated'"], 4),
    (
        "duplicate-id",
        {"sv/a.md": article("id: same\ntitle: A\n"), BAD: article("id: same\ntitle: B\n")},
        ["'id'", "same", "sv/a.md"],
        None,
    ),
    ("related-unknown", {BAD: article("id: bad\ntitle: T\nrelated: [nowhere]\n")}, ["'related'", "nowhere"], None),
    ("related-itself", {BAD: article("id: bad\ntitle: T\nrelated: [bad]\n")}, ["'related'"], None),
    ("unknown-category", {BAD: article("id: bad\ntitle: T\ncategory: cooking\n")}, ["'category'", "cooking"], None),
    ("malformed-yaml", {BAD: article("id: bad\ntitle: a: b\nsummary: S\n")}, ['put it in quotes: title: "a: b"'], 3),
    ("no-front-matter", {BAD: "# Just a heading\n\nText.\n"}, ["front matter"], None),
    ("guide-without-steps", {BAD: article("id: bad\ntitle: T\ntype: guide\n", "Only an intro.\n")}, ["step"], None),
]


@pytest.mark.parametrize(("files", "needles", "line"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_front_matter_stops_a_strict_build_with_one_message(tmp_path, files, needles, line):
    warnings = failed_build(tmp_path, files)
    assert len(warnings) == 1, warnings
    message = warnings[0]
    assert BAD in message
    for needle in needles:
        assert needle in message
    if line is not None:
        assert f"{BAD}:{line}:" in message
    assert "\n" not in message


def _translation(source_text: str, front: str) -> str:
    """A translation stamped with its source's fingerprints, as ``helpcenter i18n mark`` does."""
    source, problems = read_article("sv/a.md", "sv", "sv/a/", source_text)
    assert source is not None
    assert problems == []
    stamp = {
        "locale": "sv",
        "article": source.fingerprint,
        "steps": {step.anchor: step.fingerprint for step in source.steps},
    }
    return article(front + yaml.safe_dump({"translated_from": stamp}))


def test_same_id_in_sv_and_en_is_fine(tmp_path):
    sv = article("id: same\ntitle: Samma\ncategory: email\n")
    en = _translation(sv, "id: same\ntitle: Same\ncategory: email\n")
    project = write_project(tmp_path, {"sv/a.md": sv, "en/a.md": en})
    built = build_site(project, strict=True)
    assert built.warnings() == []
    assert built.html("sv/a/").title.get_text().startswith("Samma")
    assert built.html("en/a/").title.get_text().startswith("Same")


ODD = [
    ("front-matter-is-a-list", {BAD: article("- a\n- b\n")}),
    ("id-is-a-number", {BAD: article("id: 123\ntitle: T\n")}),
    ("title-is-empty", {BAD: article("id: bad\ntitle:\n")}),
    ("tags-nested", {BAD: article("id: bad\ntitle: T\ntags: [1, [2]]\n")}),
    ("impossible-date", {BAD: article("id: bad\ntitle: T\nupdated: 2026-02-30\n")}),
    ("month-13", {BAD: article("id: bad\ntitle: T\nupdated: 2026-13-01\n")}),
    ("python-tag", {BAD: article("id: bad\ntitle: !!python/name:os.system\n")}),
    ("translated-from-garbage", {BAD: article("id: bad\ntitle: T\ntranslated_from: 5\n")}),
    ("latin-1", {BAD: article("id: bad\ntitle: Tr\xe5kigt\n").encode("latin-1")}),
    ("binary", {BAD: b"\x00\x01\x02\xff\xfe"}),
    ("categories-a-list", {"sv/categories.yml": "- email\n- billing\n"}),
    ("categories-bad-yaml", {"sv/categories.yml": "email: [\n"}),
    ("category-not-a-mapping", {"sv/categories.yml": "email: E-post\n"}),
    ("home-bad-yaml", {"sv/index.md": "---\ntitle: [\n---\nHej.\n"}),
    ("duplicate-step-anchor", {BAD: article("id: bad\ntitle: T\ntype: guide\n", "## A {#x}\n\n## B {#x}\n")}),
    ("step-without-title", {BAD: article("id: bad\ntitle: T\ntype: guide\n", "## {#x}\n\nText.\n")}),
]


@pytest.mark.parametrize("files", [c[1] for c in ODD], ids=[c[0] for c in ODD])
def test_odd_sources_never_crash_the_build(tmp_path, files):
    warnings = failed_build(tmp_path, files)
    assert warnings
    path = next(iter(files))
    assert any(path in w for w in warnings), warnings


# -- front matter is text, everywhere it is shown -------------------------------------------------------

PAYLOAD = '</title></script><script>alert("hc-{}")</script> & co'


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory):
    files = {
        "sv/index.md": f"---\ntitle: '{PAYLOAD.format('home')}'\n---\nHej.\n",
        "sv/categories.yml": (
            f"email:\n  title: '{PAYLOAD.format('category')}'\n  description: '{PAYLOAD.format('description')}'\n"
        ),
        "sv/a.md": article(
            f"id: a\ntitle: '{PAYLOAD.format('title')}'\nsummary: '{PAYLOAD.format('summary')}'\n"
            f"tags: ['{PAYLOAD.format('tag')}', shared]\ncategory: email\ntype: guide\n",
            "Intro.\n\n## First\n\nText.\n",
        ),
        "sv/b.md": article(
            f"id: b\ntitle: B\nsummary: S\ntags: ['{PAYLOAD.format('tag')}', shared]\ncategory: email\nrelated: [a]\n"
        ),
    }
    project = write_project(tmp_path_factory.mktemp("hostile"), files)
    return build_site(project, strict=True)


def test_hostile_front_matter_builds(hostile):
    assert hostile.warnings() == []


def test_no_script_element_comes_from_front_matter(hostile):
    pages = sorted(hostile.site.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        injected = [s for s in soup.find_all("script") if s.get_text().strip().startswith("alert(")]
        assert injected == [], page


def test_page_title_shows_front_matter_as_text(hostile):
    page = hostile.html("sv/a/")
    title, home = PAYLOAD.format("title"), PAYLOAD.format("home")
    assert page.title.get_text() == f"{title} - {home}"
    assert page.find("h1").get_text(strip=True) == title


@pytest.mark.parametrize(
    ("path", "payload"),
    [
        ("sv/email/", "category"),
        ("sv/email/", "description"),
        ("sv/email/", "title"),
        ("sv/email/", "summary"),
        ("sv/", "category"),
        ("sv/b/", "title"),
    ],
)
def test_listings_show_front_matter_as_text(hostile, path, payload):
    page = hostile.html(path)
    text = page.select_one("article").get_text()
    assert PAYLOAD.format(payload) in text


# -- words stay words ---------------------------------------------------------------------------------------


def test_tags_yaml_1_1_would_turn_into_booleans_and_numbers_are_the_words_written(tmp_path):
    files = {"sv/a.md": article("id: a\ntitle: 2026\ncategory: email\ntags: [no, on, 500]\n")}
    built = build_site(write_project(tmp_path, files), strict=True)
    assert built.warnings() == []
    page = built.html("sv/a/")
    graph = json.loads(page.select_one("script[type='application/ld+json']").get_text())["@graph"]
    (data,) = [g for g in graph if g["@type"] == "Article"]
    assert data["keywords"] == "no, on, 500"
    assert data["headline"] == "2026"
    assert page.select_one("article h1").get_text(strip=True) == "2026"


def test_front_matter_that_fails_to_parse_is_not_shown_as_text(tmp_path):
    files = {"sv/a.md": article("id: a\ntitle: Fel: 500\nsummary: Hemlig sammanfattning\n", "Brödtext.\n")}
    project = write_project(tmp_path, files)
    built = build_site(project)
    assert [w for w in built.warnings() if "sv/a.md" in w] == [
        "WARNING: helpcenter: sv/a.md:3: front matter is not valid YAML: mapping values are not allowed in this "
        'context; if it is text, put it in quotes: title: "Fel: 500"'
    ]
    text = built.html("sv/a/").select_one("article").get_text()
    assert "Brödtext." in text
    assert "Hemlig" not in text and "id: a" not in text
