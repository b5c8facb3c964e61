"""Related articles: editor picks first, then computed suggestions, only in the reader's language."""

from __future__ import annotations

import random
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from babel import Locale
from bs4 import BeautifulSoup

from conftest import Built, build_project, write_project
from helpcenter.related import RelatedIndex, Weights
from helpcenter.sources import HelpCenter, SourceFile, build_help_center

HOST = "https://help.example.test"


def source(
    locale: str,
    article_id: str,
    title: str,
    tags: tuple[str, ...] = (),
    category: str | None = None,
    related: tuple[str, ...] = (),
    summary: str | None = None,
) -> SourceFile:
    lines = [f"id: {article_id}", f"title: {title}"]
    if tags:
        lines.append(f"tags: [{', '.join(tags)}]")
    if category:
        lines.append(f"category: {category}")
    if related:
        lines.append(f"related: [{', '.join(related)}]")
    if summary:
        lines.append(f"summary: {summary}")
    uri = f"{locale}/{article_id}.md"
    return SourceFile(uri, f"{locale}/{article_id}/", "---\n" + "\n".join(lines) + "\n---\nText.\n")


# Scores against "alfa" with the default weights (tags 40, category 20, words 5):
#   bravo 100 (two tags, category), charlie 60 (tag, category), delta 40 and echo 40 (one tag),
#   hotel 25 (the word "alfa", category), golf 5 (the word "alfa"), foxtrot 0 (only the category).
SV = [
    source("sv", "alfa", "Alfa", ("x", "y"), "c1"),
    source("sv", "bravo", "Bravo", ("x", "y"), "c1"),
    source("sv", "charlie", "Charlie", ("x",), "c1"),
    source("sv", "delta", "Delta", ("x",), "c2"),
    source("sv", "echo", "Echo", ("x",), "c2"),
    source("sv", "foxtrot", "Foxtrot", ("z",), "c1"),
    source("sv", "golf", "Golf Alfa", (), "c2"),
    source("sv", "hotel", "Hotel", (), "c1", summary="Mer om alfa."),
]
EN = [
    source("en", "alfa", "Alpha", ("x", "y"), "c1", related=("charlie", "no-such-article")),
    source("en", "bravo", "Bravo", ("x", "y"), "c1"),
    source("en", "yankee", "Yankee", ("x", "y"), "c1"),
]


def center_of(sources: list[SourceFile]) -> HelpCenter:
    center = build_help_center("sv", ("sv", "en"), sources)
    assert center.problems == []
    return center


def with_picks(picks: tuple[str, ...]) -> list[SourceFile]:
    first = source("sv", "alfa", "Alfa", ("x", "y"), "c1", related=picks)
    return [first, *SV[1:], *EN]


def related_ids(center: HelpCenter, locale: str, article_id: str, **weights: int) -> list[tuple[str, bool]]:
    index = RelatedIndex(center, Weights(**weights))
    article = center.article(locale, article_id)
    assert article is not None
    return [(entry.article.id, entry.picked) for entry in index.related(article)]


CASES = [
    # id, editor picks, weights, expected (id, picked)
    ("by-score-ties-by-id", (), {}, [("bravo", 0), ("charlie", 0), ("delta", 0), ("echo", 0), ("hotel", 0)]),
    ("limit", (), {"limit": 3}, [("bravo", 0), ("charlie", 0), ("delta", 0)]),
    ("threshold-inclusive", (), {"min_score": 40}, [("bravo", 0), ("charlie", 0), ("delta", 0), ("echo", 0)]),
    ("threshold-above", (), {"min_score": 41}, [("bravo", 0), ("charlie", 0)]),
    (
        "low-threshold",
        (),
        {"min_score": 1, "limit": 10},
        [*[(i, 0) for i in ("bravo", "charlie", "delta", "echo")], ("hotel", 0), ("golf", 0)],
    ),
    ("weights", (), {"category": 100}, [("bravo", 0), ("charlie", 0), ("hotel", 0), ("delta", 0), ("echo", 0)]),
    (
        "picks-first-in-editor-order",
        ("echo", "golf"),
        {},
        [("echo", 1), ("golf", 1), ("bravo", 0), ("charlie", 0), ("delta", 0)],
    ),
    ("picked-is-not-repeated", ("charlie",), {"limit": 3}, [("charlie", 1), ("bravo", 0), ("delta", 0)]),
    ("duplicate-pick-once", ("delta", "delta"), {"limit": 2}, [("delta", 1), ("bravo", 0)]),
    ("never-itself", ("alfa", "delta"), {"limit": 2}, [("delta", 1), ("bravo", 0)]),
    ("unknown-pick-skipped", ("no-such-article", "delta"), {"limit": 2}, [("delta", 1), ("bravo", 0)]),
    ("picks-fill-the-limit", ("hotel", "golf"), {"limit": 2}, [("hotel", 1), ("golf", 1)]),
]


@pytest.mark.parametrize(("picks", "weights", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_related(picks, weights, expected):
    center = center_of(with_picks(picks))
    assert related_ids(center, "sv", "alfa", **weights) == [(i, bool(p)) for i, p in expected]


def test_suggestions_only_from_the_readers_locale():
    center = center_of(with_picks(()))
    index = RelatedIndex(center, Weights(limit=20, min_score=1))
    for locale in ("sv", "en"):
        for article in center.by_id[locale].values():
            for entry in index.related(article):
                if not entry.picked:
                    assert entry.article.locale == locale, (article.src_uri, entry.article.src_uri)


def test_an_untranslated_pick_falls_back_to_the_source_language_article():
    center = center_of(with_picks(()))
    index = RelatedIndex(center, Weights())
    entries = index.related(center.article("en", "alfa"))
    assert [(e.article.id, e.article.locale, e.picked) for e in entries] == [
        ("charlie", "sv", True),  # only in Swedish
        ("bravo", "en", False),
        ("yankee", "en", False),
    ]


def test_a_translated_pick_is_the_readers_own_version():
    center = center_of([*with_picks(()), source("en", "charlie", "Charlie", ("q",), "c1")])
    entries = RelatedIndex(center, Weights()).related(center.article("en", "alfa"))
    assert (entries[0].article.id, entries[0].article.locale) == ("charlie", "en")


def test_scores_are_reported():
    center = center_of(with_picks(()))
    index = RelatedIndex(center, Weights())
    alfa = center.article("sv", "alfa")
    assert {e.article.id: e.score for e in index.related(alfa)} == {
        "bravo": 100,
        "charlie": 60,
        "delta": 40,
        "echo": 40,
        "hotel": 25,
    }


def test_deterministic_across_runs_and_input_order():
    sources = with_picks(("echo",))
    expected = {
        (a.locale, a.id): [(e.article.src_uri, e.picked, e.score) for e in RelatedIndex(center, Weights()).related(a)]
        for center in [center_of(sources)]
        for a in center.articles.values()
    }
    generator = random.Random(7)
    for _ in range(5):
        shuffled = list(sources)
        generator.shuffle(shuffled)
        center = center_of(shuffled)
        index = RelatedIndex(center, Weights())
        got = {
            (a.locale, a.id): [(e.article.src_uri, e.picked, e.score) for e in index.related(a)]
            for a in center.articles.values()
        }
        assert got == expected


# -- in built pages ---------------------------------------------------------------------------------------------


def resolve(page_url: str, href: str) -> str:
    return urlsplit(urljoin(HOST + page_url, href)).path


def exists(site: Path, path: str) -> bool:
    target = site / path.lstrip("/")
    return (target / "index.html").is_file() if path.endswith("/") else target.is_file()


def article_pages(site: Path, locale: str) -> list[str]:
    """URLs of the article pages (not home, category or 404 pages) of one locale."""
    urls = []
    for file in sorted((site / locale).rglob("index.html")):
        page = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        if (
            page.select_one('script[type="application/ld+json"]')
            and '"Article"' in page.select_one('script[type="application/ld+json"]').get_text()
        ):
            urls.append("/" + file.parent.relative_to(site).as_posix() + "/")
    return urls


@pytest.mark.parametrize(("locale", "title"), [("sv", "Relaterade artiklar"), ("en", "Related articles")])
def test_every_article_of_the_example_has_related_articles(example_site, locale, title):
    site = example_site.site
    sources = [p for p in (Path(__file__).parent.parent / "content" / locale).rglob("*.md") if p.name != "index.md"]
    urls = article_pages(site, locale)
    assert len(urls) == len(sources)
    for url in urls:
        page = example_site.html(url.lstrip("/"))
        section = page.select_one("nav.hc-related")
        assert section is not None, url
        assert " ".join(section.find("h2").get_text().split()) == title
        links = section.select("a[href]")
        assert links, url
        for link in links:
            target = resolve(url, link["href"])
            assert target.startswith(f"/{locale}/"), (url, link["href"])
            assert target != url, url
            assert exists(site, target), (url, link["href"])
            assert target in urls, (url, target)  # an article, not a category or home page
        targets = [resolve(url, link["href"]) for link in links]
        assert len(targets) == len(set(targets)), url


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Built:
    files = {
        "sv/e-post/svensk.md": (
            "---\nid: svensk\ntitle: Svensk artikel\ncategory: email\nrelated: [english-only]\n---\nText.\n"
        ),
        "en/email/english-only.md": (
            "---\nid: english-only\ntitle: English only\ncategory: email\nrelated: [svensk]\n---\nText.\n"
        ),
    }
    project = write_project(tmp_path_factory.mktemp("related"), files)
    return build_project(project / "mkdocs.yml", project / "site")


def test_untranslated_picks_build_without_warnings(mixed):
    assert mixed.warnings() == []


@pytest.mark.parametrize(
    ("url", "target", "lang", "note"),
    [
        ("/sv/e-post/svensk/", "/en/email/english-only/", "en", f"(på {Locale.parse('en').get_display_name('sv')})"),
        ("/en/email/english-only/", "/sv/e-post/svensk/", "sv", f"(in {Locale.parse('sv').get_display_name('en')})"),
    ],
)
def test_an_untranslated_pick_is_marked_with_its_language(mixed, url, target, lang, note):
    page = mixed.html(url.lstrip("/"))
    items = page.select("nav.hc-related li")
    assert len(items) == 1
    link = items[0].find("a")
    assert resolve(url, link["href"]) == target
    assert (link.get("hreflang"), link.get("lang")) == (lang, lang)
    assert " ".join(items[0].get_text(" ", strip=True).split()).endswith(note)
