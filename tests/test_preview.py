"""Under ``mkdocs serve``, a page shows the problems of its sources in a box at its top, in the
terminal's words; a built site never has that box."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import captured, write_project


def article(front: str, body: str = "Text.\n") -> str:
    return f"---\n{front}---\n{body}"


FILES = {
    "sv/a.md": article("id: a\ntitle: A\ncategory: email\n", "Se [steg 3](b.md#step-3).\n"),
    "sv/b.md": article("id: b\ntitle: B\ncategory: email\ntags: [x]\ntype: guide\n", "## Ett\n\n## Två {#tva}\n"),
    "sv/utan-titel.md": article("id: utan-titel\ncategory: email\n", "Brödtext.\n"),
    "sv/utan-kategori.md": article("id: utan-kategori\ntitle: Utan kategori\ntags: [x]\n"),
    "sv/felfri.md": article("id: felfri\ntitle: Felfri\ncategory: email\ntags: [x]\n"),
}
LINK = "sv/a.md:6: link 'b.md#step-3': sv/b.md has no anchor 'step-3'; did you mean 'b.md#step-1'?"
NO_TAGS = "sv/a.md: has no tags: related suggestions need them"


def run(project: Path, command: str) -> tuple[Path, list[str]]:
    """One build the way ``mkdocs <command>`` runs it (``serve`` builds the same way, then serves)."""
    site = project / f"site-{command}"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    with captured() as messages:
        config.plugins.on_startup(command=command, dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return site, [m for m in messages if m.startswith("WARNING")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[str]]]:
    project = write_project(tmp_path_factory.mktemp("preview"), FILES)
    return {command: run(project, command) for command in ("serve", "build")}


def boxes(site: Path, url: str) -> list[tuple[list[str], list[str]]]:
    """(classes, items) of each problem box of a page."""
    page = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [
        ([c for c in box["class"] if c != "hc-problems"], [li.get_text() for li in box.select("li")])
        for box in page.select(".hc-problems")
    ]


SHOWN = [
    # page, the boxes it has under serve: (admonition classes, problems)
    ("sv/a/", [(["admonition", "failure"], [LINK]), (["admonition", "info"], [NO_TAGS])]),
    ("en/a/", [(["admonition", "failure"], [LINK]), (["admonition", "info"], [NO_TAGS])]),  # its source's
    (
        "sv/utan-titel/",
        [
            (
                ["admonition", "failure"],
                [
                    "sv/utan-titel.md:1: front matter 'title' is required: add a line such as "
                    "title: Jag kan inte logga in på Webbmail"
                ],
            )
        ],
    ),
    (
        "sv/utan-kategori/",
        [
            (
                ["admonition", "info"],
                [
                    "sv/utan-kategori.md: has no 'category': no category page or home page lists it, and no article "
                    "lists it as related; add 'category:' (email)"
                ],
            )
        ],
    ),
    ("sv/felfri/", []),
    ("sv/b/", [(["admonition", "info"], ["sv/b.md: is a guide, but no step has '- [ ]' checks"])]),
]


@pytest.mark.parametrize(("url", "expected"), SHOWN, ids=[u for u, _ in SHOWN])
def test_under_serve_a_page_shows_its_sources_problems(built, url, expected):
    site, _warnings = built["serve"]
    assert boxes(site, url) == expected


def test_the_box_has_the_terminals_words(built):
    _site, warnings = built["serve"]
    assert f"WARNING: helpcenter: {LINK}" in warnings


def test_the_box_is_first_on_the_page(built):
    site, _ = built["serve"]
    page = BeautifulSoup((site / "sv/a/index.html").read_text(encoding="utf-8"), "html.parser")
    content = page.select_one("article.md-content__inner")
    first = next(child for child in content.children if getattr(child, "name", None) not in (None, "a"))
    assert "hc-problems" in first["class"]


def test_a_built_site_never_has_the_box(built):
    site, warnings = built["build"]
    assert f"WARNING: helpcenter: {LINK}" in warnings
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    assert [p for p in pages if "hc-problems" in p.read_text(encoding="utf-8")] == []
