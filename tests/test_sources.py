"""The source model: front matter, guide steps and checks, fingerprints, the whole help center."""

from __future__ import annotations

import datetime
import textwrap
import time

import pytest

from helpcenter.config import ArticleMeta
from helpcenter.sources import (
    SourceFile,
    build_help_center,
    fingerprint,
    key_lines,
    load_front_matter,
    load_front_matter_lines,
    quote,
    read_article,
    read_categories,
    scan_references,
    scan_steps,
    split_front_matter,
    status_blocks,
    text_parts,
    validate_meta,
)

PATH = "sv/x.md"


def md(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def guide(body: str, extra: str = "") -> str:
    """A guide source: front matter (4 lines + closing) then ``body``."""
    return f"---\nid: x\ntitle: X\ntype: guide\n{extra}---\n" + md(body)


def steps_of(body: str):
    steps, problems = scan_steps(PATH, md(body))
    assert problems == []
    return steps


# -- split_front_matter ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "front", "body", "body_line"),
    [
        ("---\nid: a\n---\nBody\n", "id: a\n", "Body\n", 4),
        ("---\nid: a\ntitle: T\n...\nBody\n", "id: a\ntitle: T\n", "Body\n", 5),
        ("---\r\nid: a\r\n---\r\nBody\r\n", "id: a\r\n", "Body\r\n", 4),
        ("---  \nid: a\n---\t\nBody\n", "id: a\n", "Body\n", 4),
        ("---\n---\nBody\n", "", "Body\n", 3),
        ("---\nid: a\n---\n\n\nBody\n", "id: a\n", "\n\nBody\n", 4),
    ],
    ids=["dashes", "dots", "crlf", "trailing-space", "empty", "blank-lines"],
)
def test_split_front_matter(text, front, body, body_line):
    assert split_front_matter(text) == (front, body, body_line)


@pytest.mark.parametrize(
    "text",
    [
        "# Title\n\nBody\n",
        "\n---\nid: a\n---\nBody\n",
        "Intro\n---\nid: a\n---\n",
        "---\nid: a\nBody without a closing line\n",
        "",
    ],
    ids=["none", "not-first-line", "setext", "unclosed", "empty-file"],
)
def test_split_front_matter_without_front_matter(text):
    assert split_front_matter(text) == (None, text, 1)


# -- load_front_matter -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("id: a\ntitle: T\n", {"id": "a", "title": "T"}),
        ("id: a\ntags: [x, y]\n", {"id": "a", "tags": ["x", "y"]}),
        ("", {}),
        (None, {}),
        ("# only a comment\n", {}),
    ],
)
def test_load_front_matter_values(front, expected):
    assert load_front_matter(PATH, front) == (expected, [])


@pytest.mark.parametrize(
    ("front", "line"),
    [
        ("id: a\ntitle: a: b\n", 3),
        ("id: a\ntitle: T\ntags: [x, y\nsummary: S\n", 5),
        ("id: a\n\tsummary: tab\n", 3),
        ("id: a\ntitle: 'unclosed\n", None),
        ("- a\n- b\n", 2),
    ],
    ids=["mapping-in-value", "unclosed-list", "tab", "unclosed-quote", "not-a-mapping"],
)
def test_load_front_matter_problems_name_file_and_line(front, line):
    data, problems = load_front_matter(PATH, front)
    assert data == {}
    assert len(problems) == 1
    problem = problems[0]
    assert problem.path == PATH
    message = str(problem)
    assert message.startswith(PATH)
    if line is None:
        # The error is at the end of the front matter: any line inside it will do.
        last = front.count("\n") + 2
        assert problem.line is not None
        assert 2 <= problem.line <= last
    else:
        assert problem.line == line
        assert message.startswith(f"{PATH}:{line}: ")


WORDS = [
    # front matter, the values as the editor wrote them
    ("tags: [webbplats, 500, 503]\n", {"tags": ["webbplats", "500", "503"]}),
    ("tags: [no, on, yes, off, true]\n", {"tags": ["no", "on", "yes", "off", "true"]}),
    ("title: 2026\n", {"title": "2026"}),
    ("title: no\nsummary: 1.50\ncategory: 0x1F\n", {"title": "no", "summary": "1.50", "category": "0x1F"}),
    ("related: [2026-10-14, 12:30]\nstatus: [On]\n", {"related": ["2026-10-14", "12:30"], "status": ["On"]}),
    ("summary:\ntags: [~]\n", {"summary": None, "tags": [None]}),  # no value is still no value
    ("tags: ['no', \"500\"]\n", {"tags": ["no", "500"]}),
    ("updated: 2026-10-14\n", {"updated": datetime.date(2026, 10, 14)}),  # a date field stays a date
    ("type: guide\nid: 42\n", {"type": "guide", "id": 42}),  # not a text field: YAML's value, refused later
]


@pytest.mark.parametrize(("front", "expected"), WORDS, ids=[f[:24] for f, _ in WORDS])
def test_text_fields_keep_the_words_as_written(front, expected):
    assert load_front_matter(PATH, front) == (expected, [])


def test_a_category_title_yaml_refuses_gets_the_quoted_way_to_write_it():
    _categories, problems = read_categories("sv/categories.yml", "sv", "email:\n  title: E-post: allt\n")
    assert [str(p) for p in problems] == [
        "sv/categories.yml:2: the file is not valid YAML: mapping values are not allowed in this context; "
        'if it is text, put it in quotes: title: "E-post: allt"'
    ]


def test_category_files_keep_their_words():
    categories, problems = read_categories(
        "sv/categories.yml", "sv", "no:\n  title: on\n  slug: '500'\n2026:\n  title: 2026\n"
    )
    assert problems == []
    assert [(c.id, c.title, c.slug) for c in categories] == [("no", "on", "500"), ("2026", "2026", "2026")]


QUOTING = [
    # front matter, the line, the message after "front matter is not valid YAML: "
    (
        "id: a\ntitle: Fel: 500\n",
        3,
        'mapping values are not allowed in this context; if it is text, put it in quotes: title: "Fel: 500"',
    ),
    (
        'id: a\ntitle: [Beta] Webb "mail"\n',
        3,
        'did not find expected key; if it is text, put it in quotes: title: "[Beta] Webb \\"mail\\""',
    ),
    (
        "id: a\nsummary: @home är bäst\n",
        3,
        'found character that cannot start any token; if it is text, put it in quotes: summary: "@home är bäst"',
    ),
    ("id: a\ntitle: T\ntags: [x, y\nsummary: S\n", 5, "did not find expected ',' or ']'"),  # the mistake is above
    ("id: a\n\tsummary: tab\n", 3, "found a tab character that violates indentation"),
]


@pytest.mark.parametrize(("front", "line", "message"), QUOTING, ids=[m[:30] for _, _, m in QUOTING])
def test_a_value_yaml_refuses_gets_the_quoted_way_to_write_it(front, line, message):
    data, problems = load_front_matter(PATH, front)
    assert data == {}
    assert [str(p) for p in problems] == [f"{PATH}:{line}: front matter is not valid YAML: {message}"]


# -- validate_meta -------------------------------------------------------------------------------

BAD_VALUES = [
    # front matter (after the opening ---), the key, its line in the file
    ("id: Bad Id\ntitle: T\n", "id", 2),
    ("id: 42\ntitle: T\n", "id", 2),
    ("id: x\ntitle: '  '\n", "title", 3),
    ("id: x\ntitle: T\ncolour: red\n", "colour", 4),
    ("id: x\ntitle: T\ntags: webmail\n", "tags", 4),
    ("id: x\ntitle: T\ntags: [a, '']\n", "tags", 4),
    ("id: x\ntitle: T\ntype: howto\n", "type", 4),
    ("id: x\ntitle: T\nupdated: yesterday\n", "updated", 4),
    ("id: x\ntitle: T\nsummary: ''\n", "summary", 4),
    ("id: x\ntitle: T\nrelated: other\n", "related", 4),
    ("id: x\ntitle: T\ncategory: [a]\n", "category", 4),
    ("id: x\ntitle: T\ntranslated_from: abc\n", "translated_from", 4),
]


@pytest.mark.parametrize(
    ("front", "key", "line"), BAD_VALUES, ids=[f"{key}-{i}" for i, (_, key, _) in enumerate(BAD_VALUES)]
)
def test_validate_meta_problem_names_file_key_and_line(front, key, line):
    data, problems = load_front_matter(PATH, front)
    assert problems == []
    _values, problems = validate_meta(PATH, data, front, ArticleMeta)
    assert len(problems) == 1, problems
    message = str(problems[0])
    assert message.startswith(f"{PATH}:{line}: ")
    assert f"'{key}'" in message


WHAT_TO_WRITE = [
    # front matter, the one message (after "sv/x.md:")
    ("title: T\n", "1: front matter 'id' is required: add a line such as id: webmail-login"),
    ("id: x\ntitle: T\ncatgory: email\n", "4: unknown front matter key 'catgory'; did you mean 'category'?"),
    (
        "id: x\ntitle: T\ncolour: red\n",
        "4: unknown front matter key 'colour'; the keys are id, title, summary, type, category, tags, related, "
        "status, updated",
    ),
    ("id: x\ntitle: T\ntags: webbmail\n", "4: front matter 'tags': write a list: tags: [webbmail]"),
    ("id: x\ntitle: T\nstatus: Webmail\n", "4: front matter 'status': write a list: status: [Webmail]"),
    ("id: x\ntitle: T\ntags: [a, '']\n", "4: front matter 'tags': an item of the list is empty: remove it"),
    (
        "id: x\ntitle: T\ncategory: [email]\n",
        "4: front matter 'category': write one value, not a list: category: email",
    ),
    ("id: 42\ntitle: T\n", "2: front matter 'id': write it in quotes: id: '42'"),
    ("id: x\ntitle: ''\n", "3: front matter 'title': empty; write e.g. title: Jag kan inte logga in på Webbmail"),
    (
        "id: x\ntitle: T\nsummary: {a: b}\n",
        "4: front matter 'summary': write one value, not keys under it, e.g. summary: Så felsöker du steg för steg.",
    ),
]


@pytest.mark.parametrize(("front", "message"), WHAT_TO_WRITE, ids=[m[:40] for _, m in WHAT_TO_WRITE])
def test_a_front_matter_mistake_says_what_to_write(front, message):
    _article, problems = read_article(PATH, "sv", "sv/x/", f"---\n{front}---\nText.\n")
    assert [str(p) for p in problems] == [f"{PATH}:{message}"]


@pytest.mark.parametrize("front", ["id: Bad Id\ntitle: T\n", "id: x\ntitle: ''\n", "id: x\n"])
def test_bad_required_value_makes_the_article_unusable(front):
    data, _ = load_front_matter(PATH, front)
    values, problems = validate_meta(PATH, data, front, ArticleMeta)
    assert values is None
    assert problems


@pytest.mark.parametrize(
    ("line", "key", "default"),
    [("type: howto", "type", "article"), ("updated: yesterday", "updated", None), ("tags: oops", "tags", [])],
)
def test_bad_optional_value_keeps_the_article(line, key, default):
    """One mistyped optional key is reported, but the article is still built (with the default)."""
    front = f"id: x\ntitle: T\n{line}\n"
    data, _ = load_front_matter(PATH, front)
    values, problems = validate_meta(PATH, data, front, ArticleMeta)
    assert len(problems) == 1
    assert values is not None
    assert values[key] == default
    assert values["id"] == "x"
    assert values["title"] == "T"


@pytest.mark.parametrize(
    ("front", "key"),
    [("title: T\nsummary: S\n", "id"), ("id: x\nsummary: S\n", "title")],
)
def test_validate_meta_missing_required_key(front, key):
    data, _ = load_front_matter(PATH, front)
    values, problems = validate_meta(PATH, data, front, ArticleMeta)
    assert values is None
    assert len(problems) == 1
    problem = problems[0]
    assert problem.path == PATH
    assert f"'{key}'" in problem.message
    assert "required" in problem.message
    # A missing key has no line of its own: the message points into the front matter block.
    closing = front.count("\n") + 2
    assert problem.line is not None, str(problem)
    assert 1 <= problem.line <= closing


def test_impossible_date_is_a_problem_not_a_crash():
    text = "---\nid: x\ntitle: T\nupdated: 2026-02-30\n---\nBody.\n"
    _article, problems = read_article(PATH, "sv", "sv/x/", text)
    assert len(problems) == 1
    message = str(problems[0])
    assert message.startswith(PATH)
    assert "updated" in message or problems[0].line == 4


def test_validate_meta_fills_defaults_of_a_valid_article():
    front = "id: x\ntitle: T\nupdated: 2026-10-14\n"
    data, _ = load_front_matter(PATH, front)
    values, problems = validate_meta(PATH, data, front, ArticleMeta)
    assert problems == []
    assert values is not None
    assert values["type"] == "article"
    assert values["tags"] == []
    assert str(values["updated"]) == "2026-10-14"


# -- read_article ---------------------------------------------------------------------------------


def test_read_article_without_front_matter_is_reported():
    article, problems = read_article(PATH, "sv", "sv/x/", "# Just a heading\n\nText.\n")
    assert article is None
    assert len(problems) == 1
    assert str(problems[0]).startswith(PATH)
    assert "front matter" in problems[0].message


def test_read_article_guide_without_steps_is_reported():
    article, problems = read_article(PATH, "sv", "sv/x/", guide("Only an intro.\n\n### Not a step\n"))
    assert article is not None
    assert len(problems) == 1
    assert problems[0].path == PATH
    assert "step" in problems[0].message


def test_read_article_plain_article_has_no_steps():
    text = "---\nid: x\ntitle: X\n---\n## A section\n\n- [ ] not a check\n"
    article, problems = read_article(PATH, "sv", "sv/x/", text)
    assert problems == []
    assert article is not None
    assert not article.is_guide
    assert article.steps == ()


def test_read_article_step_lines_are_file_lines():
    text = guide(
        """
        Intro.

        ## First

        - [ ] One
        - [ ] Two

        ## Second
        """
    )
    article, problems = read_article(PATH, "sv", "sv/x/", text)
    assert problems == []
    assert article is not None
    lines = text.splitlines()
    for step in article.steps:
        assert lines[step.line - 1] == f"## {step.title}"
        for check in step.checks:
            assert lines[check.line - 1] == f"- [ ] {check.text}"


def test_read_article_meta():
    text = (
        "---\nid: webmail-login\ntitle: Logga in\nsummary: S\ntype: guide\ncategory: email\n"
        "tags: [a, b]\nrelated: [other]\nupdated: 2026-10-14\n---\n## Steg\n"
    )
    article, problems = read_article("sv/e-post/x.md", "sv", "sv/e-post/x/", text)
    assert problems == []
    assert article is not None
    assert article.id == "webmail-login"
    assert article.is_guide
    assert article.meta.tags == ("a", "b")
    assert article.meta.related == ("other",)
    assert article.meta.category == "email"
    assert article.url == "sv/e-post/x/"
    assert article.locale == "sv"


def test_read_article_parts_and_words_follow_its_text_by_part():
    text = guide(
        """
        Intro with four words.

        ## First {#first}

        One two three.

        ## Second

        Four.

        ***

        Closing words here.
        """,
        extra="summary: A short summary\n",
    )
    article, problems = read_article(PATH, "sv", "sv/x/", text)
    assert problems == []
    assert article is not None
    by_part = text_parts(article.meta, article.steps, split_front_matter(text)[1])
    assert list(by_part) == ["title", "summary", "intro", "step:first", "step:step-2", "closing"]
    assert article.parts == {key: fingerprint(by_part[key]) for key in ("title", "summary", "intro", "closing")}
    assert article.words == {
        "title": 1,
        "summary": 3,
        "intro": 4,
        "step:first": 6,  # the heading line is part of the step: "##", "First", "{#first}"
        "step:step-2": 3,
        "closing": 3,
    }


@pytest.mark.parametrize(
    ("body", "links", "headings", "ids"),
    [
        ("Plain words only.\nMore words.\n", [], [], set()),
        ("See [the guide](../a.md) and ![a picture](b.png).\n", [(1, "../a.md"), (1, "b.png")], [], set()),
        ("[label]: ../c.md\n", [(1, "../c.md")], [], set()),
        ("# Title\n\n## Step {#own-id}\n", [], [(1, "Title", None), (3, "Step", "own-id")], {"own-id"}),
        ("A paragraph.\n{: #para }\n<a id=\"html-id\"></a> <a name='old'></a>\n", [], [], {"para", "html-id", "old"}),
        ('Code: `[not](a.md)` and `id="no"`, but [yes](b.md).\n', [(1, "b.md")], [], set()),
        ("```\n## Not a heading [no](a.md) {#no}\n```\n# After\n", [], [(4, "After", None)], set()),
    ],
    ids=["prose", "inline-links", "definition", "headings", "explicit-ids", "code-spans", "fenced-code"],
)
def test_scan_references(body, links, headings, ids):
    found = scan_references(body)
    assert [(link.line, link.target) for link in found.links] == links
    assert [(h.line, h.text, h.anchor) for h in found.headings] == headings
    assert found.ids == ids


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        ("No block here.\n", ()),
        ("Intro.\n\n/// status\n///\n", (12,)),
        ("```\n/// status\n```\n\n//// status\n", (14,)),
    ],
    ids=["none", "one", "in-code-and-after"],
)
def test_status_blocks(body, lines):
    assert status_blocks(body, 10) == lines


# -- scan_steps: which headings are steps -------------------------------------------------------

STEP_TITLES = [
    ("## One\n\n## Two\n", ["One", "Two"]),
    ("Intro\n\n## One\n\n### Sub\n\n## Two\n", ["One", "Two"]),
    ("### Only sub\n\n#### Deeper\n", []),
    ("# Title\n\n## One\n", ["One"]),
    ("## One\n\n```\n## in code\n```\n\n## Two\n", ["One", "Two"]),
    ("## One\n\n~~~\n## in code\n~~~\n\n## Two\n", ["One", "Two"]),
    ("## One\n\n````md\n```\n## in code\n```\n````\n\n## Two\n", ["One", "Two"]),
    ("## One\n\n~~~\n```\n## in code\n~~~\n\n## Two\n", ["One", "Two"]),
    ("```\n## before, in code\n```\n\n## One\n", ["One"]),
    ("## One ##\n", ["One"]),
    ("##No space\n\n## One\n", ["One"]),
    ("## One\n\nText\n\n***\n\n## After the break\n", ["One"]),
    ("## One\n\nText\n\n---\n\n## After the break\n", ["One"]),
    ("## One\n\nText\n\n- - -\n\n## After the break\n", ["One"]),
    ("## One\n\nText\n\n___\n\n## After the break\n", ["One"]),
    ("## One\n\nText\n***\n## After the break\n", ["One"]),
    ("***\n\n## One\n\n## Two\n", ["One", "Two"]),
    ("## One\n\n```\n***\n```\n\n## Two\n", ["One", "Two"]),
]


@pytest.mark.parametrize(("body", "titles"), STEP_TITLES)
def test_scan_steps_titles(body, titles):
    steps = steps_of(body)
    assert [s.title for s in steps] == titles
    assert [s.number for s in steps] == list(range(1, len(titles) + 1))


@pytest.mark.parametrize(
    ("body", "anchors", "explicit"),
    [
        ("## One\n\n## Two\n\n## Three\n", ["step-1", "step-2", "step-3"], [False, False, False]),
        ("## One {#login}\n\n## Two\n", ["login", "step-2"], [True, False]),
        ("## One\n\n## Two {: #reset .big }\n", ["step-1", "reset"], [False, True]),
        ("## One {#a}\n\n## Two {#b}\n", ["a", "b"], [True, True]),
        ("## One {.only-a-class}\n", ["step-1"], [False]),
    ],
)
def test_scan_steps_anchors(body, anchors, explicit):
    steps = steps_of(body)
    assert [s.anchor for s in steps] == anchors
    assert [s.explicit_anchor for s in steps] == explicit


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("## Log in {#login}\n", "Log in"),
        ("## Log in ##\n", "Log in"),
        ("## Log in {#login} \n", "Log in"),
        ("## C# basics\n", "C# basics"),
    ],
)
def test_scan_steps_title_without_markup(body, title):
    assert steps_of(body)[0].title == title


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("## A {#x}\n\n## B {#x}\n", "'x'"),
        ("## {#x}\n\nText\n", "step 1"),
    ],
)
def test_scan_steps_problems(body, fragment):
    _steps, problems = scan_steps(PATH, body, 10)
    assert len(problems) == 1
    assert problems[0].path == PATH
    assert fragment in problems[0].message
    assert problems[0].line is not None
    assert problems[0].line >= 10


# -- scan_steps: checks ---------------------------------------------------------------------------

CHECKS = [
    ("## One\n\n- [ ] a\n- [ ] b\n", [["a", "b"]]),
    ("## One\n\n* [x] a\n+ [X] b\n- [ ] c\n", [["a", "b", "c"]]),
    ("## One\n\n- [ ] a\n\n## Two\n\n- [ ] b\n- [ ] c\n", [["a"], ["b", "c"]]),
    ("## One\n\nText only\n\n## Two\n\n- [ ] b\n", [[], ["b"]]),
    ("## One\n\n- plain item\n- [] not a check\n- [ ]no space\n", [[]]),
    ("## One\n\n```\n- [ ] in code\n```\n\n- [ ] real\n", [["real"]]),
    ("- [ ] before the steps\n\n## One\n\n- [ ] a\n", [["a"]]),
    ("## One\n\n- [ ] a\n\n***\n\n- [ ] after the steps\n", [["a"]]),
    ("## One\n\n- [ ] a\n  continued\n- [ ] b\n", [["a continued", "b"]]),
    ("## One\n\n- [ ] a\n\n  new paragraph\n", [["a"]]),
    ('## One\n\n- [ ] a\n\n!!! note "Note"\n    Not part of the check.\n', [["a"]]),
    ("## One\n\n- [ ] a\n\nParagraph.\n    still the paragraph\n", [["a"]]),
]


CHECK_IDS = [
    "two",
    "markers",
    "per-step",
    "step-without-checks",
    "not-checks",
    "in-code",
    "before-steps",
    "after-break",
    "continuation",
    "after-blank",
    "admonition-after-list",
    "paragraph-after-list",
]


@pytest.mark.parametrize(("body", "texts"), CHECKS, ids=CHECK_IDS)
def test_scan_steps_checks(body, texts):
    steps = steps_of(body)
    assert [[c.text for c in s.checks] for s in steps] == texts
    for step in steps:
        assert [c.key for c in step.checks] == [f"c{i}" for i in range(1, len(step.checks) + 1)]


def _check(body: str, step: int = 0, index: int = 0):
    return steps_of(body)[step].checks[index]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("## S\n\n- [ ] Log in to the panel\n", "## S\n\n- [ ] Log  in to the panel \n"),
        ("## S\n\n- [ ] Log in to the panel\n", "## S\n\n* [x] Log in to the panel\n"),
        ("## S\n\n- [ ] Log in to the panel\n", "## Another step\n\n- [ ] Log in to the panel\n"),
        ("## S\n\n- [ ] Log in to the panel\n", "## S\n\nNew intro.\n\n- [ ] Log in to the panel\n"),
    ],
    ids=["spaces", "marker-and-state", "step-title", "step-text"],
)
def test_check_fingerprint_is_stable(a, b):
    assert _check(a).fingerprint == _check(b).fingerprint


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("## S\n\n- [ ] Log in to the panel\n", "## S\n\n- [ ] Log in to the webmail\n"),
        ("## S\n\n- [ ] Log in\n  to the panel\n", "## S\n\n- [ ] Log in\n  to the webmail\n"),
        ("## S\n\n- [ ] Log in\n", "## S\n\n- [ ] Log in\n  with your new password\n"),
    ],
    ids=["word", "continuation-word", "continuation-added"],
)
def test_check_fingerprint_changes_with_the_text(a, b):
    assert _check(a).fingerprint != _check(b).fingerprint


def test_continuation_line_is_part_of_the_check():
    check = _check("## S\n\n- [ ] Log in\n  with your new password\n")
    assert check.text == "Log in with your new password"
    assert check.fingerprint == fingerprint("Log in with your new password")


def test_step_fingerprint_follows_its_own_text_only():
    base = "## One\n\nClick Save.\n\n## Two\n\nWait.\n"
    edited_two = "## One\n\nClick Save.\n\n## Two\n\nWait five minutes.\n"
    respaced_two = "## One\n\nClick Save.\n\n## Two\n\nWait.   \n"
    one, two = steps_of(base)
    one_b, two_b = steps_of(edited_two)
    assert one.fingerprint == one_b.fingerprint
    assert two.fingerprint != two_b.fingerprint
    assert steps_of(respaced_two)[1].fingerprint == two.fingerprint


# -- fingerprint -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Click Save.", "Click  Save."),
        ("Click Save.", " Click Save.\n"),
        ("Click Save.", "Click\tSave."),
        ("Click\nSave.", "Click Save."),
        ("Click Save.", "Click \r\n  Save."),
    ],
)
def test_fingerprint_ignores_whitespace(a, b):
    assert fingerprint(a) == fingerprint(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Click Save.", "Click Cancel."),
        ("Click Save.", "Click Save"),
        ("Click Save.", "click Save."),
        ("Click Save.", "ClickSave."),
        ("Klicka på Spara.", "Klicka pa Spara."),
    ],
)
def test_fingerprint_changes_with_the_words(a, b):
    assert fingerprint(a) != fingerprint(b)


def test_fingerprint_is_short_and_deterministic():
    value = fingerprint("Klicka på Spara.")
    assert value == fingerprint("Klicka på Spara.")
    assert 6 <= len(value) <= 64
    assert value.isalnum()


# -- read_categories --------------------------------------------------------------------------------


def test_read_categories_in_file_order():
    text = "email:\n  slug: e-post\n  title: E-post\n  description: Mejl\nbilling:\n  title: Fakturering\n"
    categories, problems = read_categories("sv/categories.yml", "sv", text)
    assert problems == []
    assert [(c.id, c.title, c.slug) for c in categories] == [
        ("email", "E-post", "e-post"),
        ("billing", "Fakturering", "billing"),
    ]
    assert categories[0].description == "Mejl"
    assert categories[0].order < categories[1].order
    assert {c.locale for c in categories} == {"sv"}


@pytest.mark.parametrize(
    ("text", "fragment", "line"),
    [
        ("email: [\n", "YAML", None),
        ("- email\n- billing\n", "", 1),
        ("email:\n  title: E-post\nbilling: Fakturering\n", "'billing'", 3),
        ("email:\n  title: E-post\nbilling:\n  description: D\n", "title", 3),
        ("email:\n  title: E-post\nbilling:\n  title: F\n  colour: red\n", "colour", 3),
        ("email:\n  title: E-post\nbilling:\n  title: F\n  slug: ../../x\n", "slug", 3),
        ("email:\n  title: E-post\nbilling:\n  title: F\n  slug: /etc/x\n", "slug", 3),
        ("email:\n  title: E-post\nbilling:\n  title: F\n  slug: a/b\n", "slug", 3),
        ("email:\n  title: E-post\nbilling:\n  title: F\n  slug: Stora\n", "slug", 3),
        ("email:\n  title: E-post\nbilling:\n  title: F\n  slug: email\n", "used by 'email'", 3),
        ("email:\n  title: E-post\nemail:\n  title: E-post igen\n", "twice", 3),
        ("email:\n  title: E-post\nbilling: &b\n  title: F\n", "anchor", 3),
        ("email:\n  title: E-post\nbilling:\n  title: " + "[" * 30 + "]" * 30 + "\n", "nested", 4),
        ("email:\n  title: E-post\nbilling:\n  title: " + "[" * 5000 + "]" * 5000 + "\n", "YAML", 4),
    ],
    ids=[
        "yaml",
        "not-a-mapping",
        "entry-not-a-mapping",
        "missing-title",
        "unknown-key",
        "slug-traversal",
        "slug-absolute",
        "slug-slash",
        "slug-uppercase",
        "slug-taken",
        "repeated-id",
        "anchor",
        "deep",
        "deeper-than-libyaml",
    ],
)
def test_read_categories_problems(text, fragment, line):
    path = "sv/categories.yml"
    categories, problems = read_categories(path, "sv", text)
    assert len(problems) == 1, problems
    assert problems[0].path == path
    assert fragment in problems[0].message
    if line is not None:
        assert problems[0].line == line
    else:
        assert problems[0].line is not None
    # Good entries survive a bad neighbour.
    if "email:\n  title: E-post\nbilling:\n  title: F\n" in text:
        assert "email" in [c.id for c in categories]


# -- build_help_center ------------------------------------------------------------------------------


def article_text(article_id: str, title: str = "T", extra: str = "") -> str:
    return f"---\nid: {article_id}\ntitle: {title}\n{extra}---\nBody.\n"


def center_of(files: dict[str, str | None]):
    sources = [SourceFile(path, path.removesuffix(".md") + "/", text) for path, text in files.items()]
    return build_help_center("sv", ["sv", "en"], sources)


def test_build_help_center_indexes_every_file():
    center = center_of(
        {
            "sv/index.md": "---\ntitle: Hjälp\n---\n",
            "en/index.md": "---\ntitle: Help\n---\n",
            "sv/categories.yml": "email:\n  title: E-post\n",
            "sv/a.md": article_text("a", extra="category: email\n"),
            "sv/b.md": article_text("b"),
            "en/a.md": article_text("a"),
        }
    )
    assert center.problems == []
    assert sorted(center.articles) == ["en/a.md", "sv/a.md", "sv/b.md"]
    assert center.ids() == ["a", "b"]
    assert center.homes["sv"].title == "Hjälp"
    assert center.homes["en"].title == "Help"
    assert center.categories["sv"]["email"].title == "E-post"
    assert list(center.translations("a")) == ["sv", "en"]
    english = center.article("en", "a")
    assert english is not None
    assert center.source_of(english) is center.article("sv", "a")
    assert center.article("en", "b") is None


@pytest.mark.parametrize(
    ("files", "kept", "reported"),
    [
        ({"sv/a.md": article_text("same"), "sv/b.md": article_text("same")}, "sv/a.md", "sv/b.md"),
        ({"sv/z/a.md": article_text("same"), "sv/b.md": article_text("same")}, "sv/b.md", "sv/z/a.md"),
    ],
)
def test_duplicate_id_in_one_locale(files, kept, reported):
    center = center_of(files)
    assert len(center.problems) == 1
    problem = center.problems[0]
    assert problem.path == reported
    assert "'id'" in problem.message
    assert "same" in problem.message
    assert kept in problem.message
    assert center.article("sv", "same").src_uri == kept
    assert reported not in center.articles


def test_same_id_in_two_locales_is_fine():
    center = center_of({"sv/a.md": article_text("same"), "en/a.md": article_text("same")})
    assert center.problems == []
    assert center.article("sv", "same") is not None
    assert center.article("en", "same") is not None


@pytest.mark.parametrize("path", ["sv/latin1.md", "en/latin1.md", "sv/categories.yml"])
def test_non_utf8_source_is_reported(path):
    center = center_of({path: None, "sv/ok.md": article_text("ok")})
    assert len(center.problems) == 1
    assert center.problems[0].path == path
    assert "UTF-8" in center.problems[0].message
    assert path not in center.articles
    assert center.article("sv", "ok") is not None


def test_unconfigured_locale_is_not_read():
    center = center_of({"de/a.md": article_text("a"), "sv/a.md": article_text("a")})
    assert list(center.articles) == ["sv/a.md"]
    assert "de" not in center.by_id


def test_problems_of_every_file_are_collected():
    center = center_of(
        {
            "sv/a.md": article_text("Bad Id"),
            "sv/b.md": "no front matter\n",
            "en/c.md": article_text("c", extra="type: howto\n"),
        }
    )
    assert sorted(p.path for p in center.problems) == ["en/c.md", "sv/a.md", "sv/b.md"]
    assert "sv/a.md" not in center.articles
    assert "sv/b.md" not in center.articles


@pytest.mark.parametrize(
    "text",
    ["email:\n  title: E-post\n  slug: e-post\n", "email:\n  title: Domäner\n  slug: domäner\n", "e2:\n  title: X\n"],
)
def test_good_slugs(text):
    categories, problems = read_categories("sv/categories.yml", "sv", text)
    assert problems == []
    assert len(categories) == 1


# -- bounded YAML in front matter ----------------------------------------------------------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\ntype: *b\n"


@pytest.mark.parametrize(
    ("front", "fragment", "line", "usable"),
    [
        ("id: a\ntitle: T\n" + BOMB, "anchor", 4, False),
        ("id: a\ntitle: T\ntype: *nothing\n", "", 4, False),  # an undefined alias: YAML's own message
        ("id: a\ntitle: T\ntags: " + "[" * 25 + "]" * 25 + "\n", "nested", 4, False),
        ("id: a\ntitle: First\nsummary: S\ntitle: Second\n", "'title' is written twice (also on line 3)", 5, True),
    ],
    ids=["alias-bomb", "undefined-alias", "deep", "repeated-key"],
)
def test_front_matter_yaml_is_bounded(front, fragment, line, usable):
    _data, _lines, problems, ok = load_front_matter_lines(PATH, front)
    assert ok is usable
    assert len(problems) == 1, problems
    assert fragment in problems[0].message
    assert problems[0].line == line


def test_a_repeated_key_is_reported_and_the_article_still_builds():
    article, problems = read_article(PATH, "sv", "x/", "---\nid: x\ntitle: A\ntitle: B\n---\nText.\n")
    assert article is not None
    assert [(p.line, "twice" in p.message) for p in problems] == [(4, True)]


@pytest.mark.parametrize(
    ("key", "value"),
    [("id", '"a-b\\n"'), ("id", "|\n  a-b\n"), ("type", "x" * 10_000), ("updated", "x" * 10_000)],
    ids=["id-newline", "id-block-newline", "long-type", "long-date"],
)
def test_bad_values_are_quoted_short_and_on_one_line(key, value):
    front = f"title: T\n{key}: {value}\n" + ("" if key == "id" else "id: x\n")
    _article, problems = read_article(PATH, "sv", "x/", f"---\n{front}---\nText.\n")
    assert problems, "the value must be refused"
    assert all(len(p.message) < 200 and "\n" not in p.message for p in problems), problems


@pytest.mark.parametrize(
    ("value", "shown"), [("abc", "'abc'"), ("a" * 100, "'" + "a" * 80 + "…'"), ("a\nb", "'a\\nb'")]
)
def test_quote(value, shown):
    assert quote(value) == shown


def test_key_lines_of_a_long_front_matter_are_found_in_linear_time():
    front = "id: x\ntitle: T\ntags:\n" + "".join(f"  - tagg {n}\n" for n in range(16_000)) + "summary: S\n"
    start = time.perf_counter()
    lines = key_lines(front)
    assert time.perf_counter() - start < 2
    assert lines == {"id": 2, "title": 3, "tags": 4, "summary": 16_005}
