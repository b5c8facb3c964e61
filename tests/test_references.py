"""Links, anchors, related ids and categories: each problem once, at its line, with what to write."""

from __future__ import annotations

import pytest

from helpcenter import intake
from helpcenter.cli import main
from helpcenter.problems import did_you_mean
from helpcenter.references import anchors, check_categories, check_links, check_related
from helpcenter.sources import HelpCenter, SourceFile, build_help_center
from hostile_corpus import make_project


def article(front: str, body: str = "Text.\n") -> str:
    return f"---\n{front}---\n{body}"


GUIDE = article(
    "id: webmail-login\ntitle: Webbmail\ntype: guide\ncategory: email\n",
    "Intro.\n\n## Statussidan\n\n## Lösenordet\n\n### Caps Lock\n\n## Läs felloggen {#error-log}\n\n"
    "***\n\n## Kontakta oss\n",
)
BASE = {
    "sv/index.md": "---\ntitle: Hjälp\n---\nVälkommen.\n",
    "sv/categories.yml": "email:\n  title: E-post\nwebsites:\n  slug: webbplatser\n  title: Webbplatser\n",
    "sv/e-post/webbmail.md": GUIDE,
    "sv/e-post/introduktion-till-e-post.md": article("id: email-intro\ntitle: Intro\ncategory: email\n"),
    "sv/e-post/bild.png": None,
}


def center_of(files: dict[str, str | None]) -> HelpCenter:
    merged = {**BASE, **files}
    sources = [SourceFile(uri, uri.removesuffix(".md") + "/", text) for uri, text in merged.items() if text]
    center = build_help_center("sv", ("sv", "en"), sources)
    center.files = frozenset(merged)
    return center


LINKS = [
    # a link in sv/e-post/a.md (its first body line is line 6 of the file), the one message or None
    ("[x](webbmail.md)", None),
    ("[x](webbmail.md#step-2)", None),
    ("[x](webbmail.md#caps-lock)", None),
    ("[x](webbmail.md#kontakta-oss)", None),  # a heading after *** is not a step: its id is its text's
    ("[x](../index.md) ![bild](bild.png) [x](../webbplatser/index.md)", None),  # home, file, category page
    ("[x](https://example.com/nowhere.md) [x](/sv/) [x](../webbplatser/) `[x](code.md)`", None),
    ("```\n[x](code.md)\n```", None),
    ("[x](#here)\n\n## Here", None),
    (
        "[x](introduktion.md)",
        "link 'introduktion.md': sv/e-post/introduktion.md does not exist; did you mean 'introduktion-till-e-post.md'?",
    ),
    (
        "[x](nowhere.md)",
        "link 'nowhere.md': sv/e-post/nowhere.md does not exist; link to an article's .md file, or remove the link",
    ),
    (
        "[x](email-intro#step-2)",
        "link 'email-intro#step-2': 'email-intro' is the id of sv/e-post/introduktion-till-e-post.md; link to its "
        "file: 'introduktion-till-e-post.md#step-2'",
    ),
    ("[x](bilden.png)", "link 'bilden.png': sv/e-post/bilden.png does not exist; did you mean 'bild.png'?"),
    (
        "[x](webbmail.md#step-3)",
        "link 'webbmail.md#step-3': sv/e-post/webbmail.md has no anchor 'step-3': step 3 ('Läs felloggen') has the "
        "anchor 'error-log' now; write 'webbmail.md#error-log'",
    ),
    (
        "[x](webbmail.md#errorlog)",
        "link 'webbmail.md#errorlog': sv/e-post/webbmail.md has no anchor 'errorlog'; did you mean "
        "'webbmail.md#error-log'?",
    ),
    (
        "[x](webbmail.md#step-9)",
        "link 'webbmail.md#step-9': sv/e-post/webbmail.md has no anchor 'step-9'; did you mean "
        "'webbmail.md#step-1' or 'webbmail.md#step-2'?",
    ),
    (
        "[x](webbmail.md#zzz)",
        "link 'webbmail.md#zzz': sv/e-post/webbmail.md has no anchor 'zzz'; link to one of 'webbmail.md#step-1', "
        "'webbmail.md#step-2', 'webbmail.md#caps-lock', 'webbmail.md#error-log', 'webbmail.md#kontakta-oss'",
    ),
    (
        "[x](introduktion-till-e-post.md#a)",
        "link 'introduktion-till-e-post.md#a': sv/e-post/introduktion-till-e-post.md has no anchor 'a', "
        "nor any heading: link to 'introduktion-till-e-post.md' alone",
    ),
    ("[x](#ovr)\n\n## Övrigt", "link '#ovr': this page has no anchor 'ovr'; did you mean '#ovrigt'?"),
    (
        "[ref]: ../e-post/saknas.md",
        "link '../e-post/saknas.md': sv/e-post/saknas.md does not exist; link to an article's .md file, "
        "or remove the link",
    ),
]


@pytest.mark.parametrize(("body", "message"), LINKS, ids=[b[:40] for b, _ in LINKS])
def test_a_link_is_checked_at_its_line(body, message):
    center = center_of({"sv/e-post/a.md": article("id: a\ntitle: A\ncategory: email\n", body + "\n")})
    found = [str(p) for p in check_links(center)]
    assert found == ([] if message is None else [f"sv/e-post/a.md:6: {message}"])


def test_a_links_line_is_its_line_in_the_file():
    body = "One.\n\nTwo.\n\n```\n[x](a.md)\n```\n\nThen [x](saknas.md).\n"
    center = center_of({"sv/e-post/a.md": article("id: a\ntitle: A\n", body)})
    assert [p.line for p in check_links(center)] == [13]


def test_the_anchors_are_those_the_page_gets():
    center = center_of({})
    guide = center.articles["sv/e-post/webbmail.md"]
    assert anchors(guide.references, guide, center) == ["step-1", "step-2", "caps-lock", "error-log", "kontakta-oss"]


RELATED = [
    ("related: [email-intro]\n", None),
    ("related: [a]\n", "front matter 'related': lists the article itself ('a'); remove it from the list"),
    (
        "related: [email-intr]\n",
        "front matter 'related': no article has the id 'email-intr'; did you mean 'email-intro'?",
    ),
    (
        "related: [zzz]\n",
        "front matter 'related': no article has the id 'zzz'; write the 'id' of an article, as its front matter says",
    ),
]


@pytest.mark.parametrize(("front", "message"), RELATED, ids=[f for f, _ in RELATED])
def test_related_ids(front, message):
    center = center_of({"sv/e-post/a.md": article(f"id: a\ntitle: A\n{front}")})
    assert [str(p) for p in check_related(center)] == ([] if message is None else [f"sv/e-post/a.md:4: {message}"])


CATEGORIES = [
    ("websites", None),
    ("webbplatser", "'webbplatser' is the slug of category 'websites'; write category: websites"),
    ("emial", "'emial' is not in sv/categories.yml; did you mean 'email'?"),
    ("cooking", "'cooking' is not in sv/categories.yml; write one of its ids (email, websites)"),
]


@pytest.mark.parametrize(("category", "message"), CATEGORIES, ids=[c for c, _ in CATEGORIES])
def test_categories(category, message):
    center = center_of({"sv/e-post/a.md": article(f"id: a\ntitle: A\ncategory: {category}\n")})
    expected = [] if message is None else [f"sv/e-post/a.md:4: front matter 'category': {message}"]
    assert [str(p) for p in check_categories(center) if p.path == "sv/e-post/a.md"] == expected


@pytest.mark.parametrize(
    ("word", "known", "hint"),
    [
        ("emial", ["email", "billing"], "did you mean 'email'?"),
        ("step-9", ["step-1", "step-2", "overview"], "did you mean 'step-1' or 'step-2'?"),
        ("xyz", ["email"], ""),
        ("x", [], ""),
    ],
)
def test_did_you_mean(word, known, hint):
    assert did_you_mean(word, known) == hint


def test_the_build_and_check_list_each_reference_problem_once():
    center = center_of({"sv/e-post/a.md": article("id: a\ntitle: A\nrelated: [a]\n", "[x](saknas.md)\n")})
    kinds = [(p.path, p.kind) for p in intake.problems(center) if p.path == "sv/e-post/a.md"]
    assert kinds == [("sv/e-post/a.md", "dangling-related"), ("sv/e-post/a.md", "broken-link")]


@pytest.mark.parametrize(
    ("en_categories", "expected"),
    [
        ("email:\n  title: Email\nwebsites:\n  title: Websites\n", []),
        (
            "email:\n  title: Email\n",
            [
                "en/categories.yml: lacks the category 'websites' that sv articles use: its pages show the sv title "
                "'Webbplatser' meanwhile; add websites: with a 'title' in this locale's words"
            ],
        ),
    ],
    ids=["defined", "lacking"],
)
def test_a_category_a_locale_lacks_is_one_problem_of_its_file(en_categories, expected):
    center = center_of(
        {
            "sv/w/a.md": article("id: a\ntitle: A\ncategory: websites\n"),
            "sv/w/b.md": article("id: b\ntitle: B\ncategory: websites\n"),
            "en/categories.yml": en_categories,
            "en/w/a.md": article("id: a\ntitle: A\ncategory: websites\n"),  # not a second problem
        }
    )
    assert [str(p) for p in check_categories(center)] == expected


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("[x](webbmail.md#error-log)", None),
        (
            "[x](webbmail.md#step-3)",
            "link 'webbmail.md#step-3': en/e-post/webbmail.md has no anchor 'step-3': step 3 ('Läs felloggen') has "
            "the anchor 'error-log' now; write 'webbmail.md#error-log'",
        ),
    ],
    ids=["fine", "moved-step"],
)
def test_a_translation_links_to_an_untranslated_article_at_its_own_path(link, message):
    """``en/e-post/webbmail.md`` is the untranslated Swedish guide, shown in English at that path."""
    center = center_of({"en/e-post/a.md": article("id: a\ntitle: A\n", link + "\n")})
    expected = [] if message is None else [f"en/e-post/a.md:5: {message}"]
    assert [str(p) for p in check_links(center)] == expected


def test_check_exits_1_naming_the_moved_step_as_the_build_does(tmp_path, capsys):
    project = make_project("moved-step", tmp_path)
    code = main(["check", "--config-file", str(project / "mkdocs.yml")])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[:-1] == [
        "error: sv/lankar.md:8: link 'webbmail.md#step-3': sv/webbmail.md has no anchor 'step-3': step 3 "
        "('Läs felloggen') has the anchor 'error-log' now; write 'webbmail.md#error-log' [broken-link]"
    ]
    assert out[-1].startswith("1 error in 2 articles")
