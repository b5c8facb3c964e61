"""Article translations: state per locale, the ``translated_from`` stamp, links of fallback copies, checks."""

from __future__ import annotations

import re
import textwrap

import pytest
import yaml

from helpcenter import translations
from helpcenter.sources import HelpCenter, SourceFile, build_help_center, read_article, split_front_matter

LOCALES = ("sv", "en")


def md(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def url_of(src_uri: str) -> str:
    return src_uri[: -len(".md")] + "/"


def center_of(files: dict[str, str], default: str = "sv", locales: tuple[str, ...] = LOCALES) -> HelpCenter:
    center = build_help_center(default, locales, [SourceFile(p, url_of(p), t) for p, t in files.items()])
    assert center.problems == [], center.problems
    return center


STEPS = {
    1: ("Besök vår statussida", "Titta på status.example.com."),
    2: ("Kontrollera lösenordet", "- [ ] Skriv rätt lösenord.\n- [ ] Caps Lock är av."),
    3: ("Återställ lösenordet", "- [ ] Klicka på Glömt lösenord."),
}


def sv_guide(
    steps: dict[int, tuple[str, str]] | None = None,
    intro: str = "Så loggar du in.",
    anchors: dict[int, str] | None = None,
) -> str:
    steps = STEPS if steps is None else steps
    anchors = anchors or {}
    parts = [f"---\nid: login\ntitle: Logga in\ntype: guide\n---\n\n{intro}\n"]
    for number, (title, text) in sorted(steps.items()):
        anchor = f" {{#{anchors[number]}}}" if number in anchors else ""
        parts.append(f"## {title}{anchor}\n\n{text}\n")
    return "\n".join(parts)


EN_STEPS = {
    1: ("Visit our status page", "Look at status.example.com."),
    2: ("Check the password", "- [ ] Type the right password.\n- [ ] Caps Lock is off."),
    3: ("Reset the password", "- [ ] Click Forgot password."),
}


def en_guide(
    stamp: dict | None, anchors: dict[int, str] | None = None, steps: dict[int, tuple[str, str]] | None = None
) -> str:
    """An English translation (by default the 3 steps and checks of the source), stamped with ``stamp`` (or not)."""
    anchors = anchors or {}
    front = "---\nid: login\ntitle: Log in\ntype: guide\n"
    if stamp is not None:
        front += yaml.safe_dump({"translated_from": stamp}, sort_keys=False)
    body = "How to log in.\n"
    for number, (title, text) in sorted((EN_STEPS if steps is None else steps).items()):
        anchor = f" {{#{anchors[number]}}}" if number in anchors else ""
        body += f"\n## {title}{anchor}\n\n{text}\n"
    return front + "---\n\n" + body


def stamp_of(sv_text: str) -> dict:
    """The stamp a translator gets with ``helpcenter i18n mark`` for this Swedish text."""
    center = center_of({"sv/login.md": sv_text})
    return translations.stamp(center.article("sv", "login"))


def changed(step: int, text: str = "Helt ny text.") -> dict[int, tuple[str, str]]:
    return {**STEPS, step: (STEPS[step][0], text)}


# -- state_of --------------------------------------------------------------------------------------------

ORIGINAL = sv_guide()
STAMP = stamp_of(ORIGINAL)

STATE_CASES = [
    # id, files, locale, expected state, expected changed step anchors
    ("source", {"sv/login.md": ORIGINAL, "en/login.md": en_guide(STAMP)}, "sv", "source", ()),
    ("translated", {"sv/login.md": ORIGINAL, "en/login.md": en_guide(STAMP)}, "en", "translated", ()),
    (
        "whitespace-only-change-is-no-change",
        {"sv/login.md": ORIGINAL.replace("Titta på status", "Titta  på\nstatus"), "en/login.md": en_guide(STAMP)},
        "en",
        "translated",
        (),
    ),
    (
        "step-2-changed",
        {"sv/login.md": sv_guide(changed(2)), "en/login.md": en_guide(STAMP)},
        "en",
        "outdated",
        ("step-2",),
    ),
    (
        "step-2-title-changed",
        {
            "sv/login.md": sv_guide({**STEPS, 2: ("Kontrollera lösenord och e-post", STEPS[2][1])}),
            "en/login.md": en_guide(STAMP),
        },
        "en",
        "outdated",
        ("step-2",),
    ),
    (
        "a-check-of-step-3-reworded",
        {
            "sv/login.md": sv_guide(changed(3, "- [ ] Klicka på Glömt lösenordet?")),
            "en/login.md": en_guide(STAMP),
        },
        "en",
        "outdated",
        ("step-3",),
    ),
    (
        "steps-1-and-3-changed",
        {"sv/login.md": sv_guide({**changed(1), 3: changed(3)[3]}), "en/login.md": en_guide(STAMP)},
        "en",
        "outdated",
        ("step-1", "step-3"),
    ),
    (
        "only-the-intro-changed",
        {"sv/login.md": sv_guide(intro="Så loggar du in i Webbmail."), "en/login.md": en_guide(STAMP)},
        "en",
        "outdated",
        (),
    ),
    (
        "a-step-was-added",
        {
            "sv/login.md": sv_guide({**STEPS, 4: ("Kontakta supporten", "Ring oss.")}),
            "en/login.md": en_guide(STAMP),
        },
        "en",
        "outdated",
        ("step-4",),
    ),
    ("missing", {"sv/login.md": ORIGINAL}, "en", "missing", ()),
    ("untracked", {"sv/login.md": ORIGINAL, "en/login.md": en_guide(None)}, "en", "untracked", ()),
]


@pytest.mark.parametrize(
    ("files", "locale", "state", "steps"), [c[1:] for c in STATE_CASES], ids=[c[0] for c in STATE_CASES]
)
def test_state_of(files, locale, state, steps):
    center = center_of(files)
    result = translations.state_of(center, "login", locale)
    assert result is not None
    assert (result.state, result.changed_steps) == (state, steps)
    assert result.source is center.article("sv", "login")
    assert result.translation is center.article(locale, "login")
    assert result.readable == (state != "missing")


def test_outdated_names_the_explicit_anchor_of_a_changed_step():
    anchors = {3: "reset-password"}
    stamp = stamp_of(sv_guide(anchors=anchors))
    center = center_of({"sv/login.md": sv_guide(changed(3), anchors=anchors), "en/login.md": en_guide(stamp, anchors)})
    result = translations.state_of(center, "login", "en")
    assert result is not None
    assert (result.state, result.changed_steps) == ("outdated", ("reset-password",))


def test_state_of_an_unknown_id_is_none():
    assert translations.state_of(center_of({"sv/login.md": ORIGINAL}), "nothing", "en") is None


def test_an_article_written_in_another_locale_is_the_source_there_and_missing_in_the_default():
    english_only = "---\nid: english-only\ntitle: English only\n---\nText.\n"
    center = center_of({"sv/login.md": ORIGINAL, "en/only.md": english_only})
    en = translations.state_of(center, "english-only", "en")
    sv = translations.state_of(center, "english-only", "sv")
    assert en is not None and sv is not None
    assert en.state == "source"
    assert (sv.state, sv.source.locale) == ("missing", "en")


def test_all_states_covers_every_article_in_every_locale():
    center = center_of(
        {
            "sv/login.md": ORIGINAL,
            "en/login.md": en_guide(STAMP),
            "sv/other.md": ORIGINAL.replace("id: login", "id: other"),
        }
    )
    states = [(s.article_id, s.locale, s.state) for s in translations.all_states(center)]
    assert states == [
        ("login", "sv", "source"),
        ("login", "en", "translated"),
        ("other", "sv", "source"),
        ("other", "en", "missing"),
    ]


# -- stamp and write_stamp ----------------------------------------------------------------------------------


def test_stamp_records_the_article_and_every_step():
    center = center_of({"sv/login.md": ORIGINAL})
    article = center.article("sv", "login")
    record = translations.stamp(article)
    assert record["locale"] == "sv"
    assert record["article"] == article.fingerprint
    assert record["steps"] == {s.anchor: s.fingerprint for s in article.steps}
    assert list(record["steps"]) == ["step-1", "step-2", "step-3"]


OLD = {"locale": "sv", "article": "0000000000", "steps": {"step-1": "1111111111"}}

FRONT_CASES = [
    # id, the text before, the front matter the stamp must leave as it was (None: the original front)
    ("plain", "---\nid: login\ntitle: Log in\n---\nBody *text*  \n\n## Step\n", None),
    (
        "comments-quotes-and-order",
        "---\n# Translated by Anna\ntitle: 'Log in: quickly'\nid: login   # keep\ntags: [a, b]\n"
        "summary: >\n  Folded\n  text\n---\nBody\n",
        None,
    ),
    ("empty-front-matter", "---\n---\nBody\n", None),
    ("body-with-dashes", "---\nid: login\n---\nBody\n\n---\n\nMore: translated_from: x\n", None),
    (
        "old-stamp-last",
        "---\nid: login\ntitle: Log in\ntranslated_from:\n  locale: sv\n  article: '0000000000'\n---\nBody\n",
        "id: login\ntitle: Log in\n",
    ),
    (
        "old-stamp-in-the-middle",
        "---\nid: login\ntranslated_from:\n  locale: sv\n  article: '0000000000'\n  steps:\n    step-1: '1111111111'\n"
        "title: Log in\nupdated: 2026-10-14\n---\nBody\n",
        "id: login\ntitle: Log in\nupdated: 2026-10-14\n",
    ),
    (
        "old-stamp-flow-style",
        "---\nid: login\ntranslated_from: {locale: sv, article: '0000000000'}\ntitle: Log in\n---\nBody\n",
        "id: login\ntitle: Log in\n",
    ),
]


@pytest.mark.parametrize(("text", "kept"), [c[1:] for c in FRONT_CASES], ids=[c[0] for c in FRONT_CASES])
def test_write_stamp_keeps_the_rest_byte_for_byte(text, kept):
    record = stamp_of(ORIGINAL)
    result = translations.write_stamp(text, record)
    front, body, _ = split_front_matter(text)
    new_front, new_body, _ = split_front_matter(result)
    assert new_body == body
    assert new_front is not None and front is not None
    expected_kept = front if kept is None else kept
    assert new_front.startswith(expected_kept)
    added = yaml.safe_load(new_front[len(expected_kept) :])
    assert added == {"translated_from": record}
    data = yaml.safe_load(new_front) or {}
    assert data["translated_from"] == record
    assert new_front.count("translated_from") == 1


def test_write_stamp_without_front_matter_adds_one():
    record = stamp_of(ORIGINAL)
    result = translations.write_stamp("Body\n", record)
    front, body, _ = split_front_matter(result)
    assert body == "Body\n"
    assert yaml.safe_load(front) == {"translated_from": record}


def test_write_stamp_keeps_windows_line_endings():
    text = "---\r\nid: login\r\ntitle: Log in\r\n---\r\nBody\r\n"
    result = translations.write_stamp(text, stamp_of(ORIGINAL))
    assert result.startswith("---\r\nid: login\r\ntitle: Log in\r\n")
    assert result.endswith("---\r\nBody\r\n")
    assert "\n" not in result.replace("\r\n", "")


def test_write_stamp_is_idempotent():
    record = stamp_of(ORIGINAL)
    once = translations.write_stamp(en_guide(OLD), record)
    assert translations.write_stamp(once, record) == once


def test_stamp_round_trip_makes_the_translation_current_again():
    text = en_guide(OLD)
    center = center_of({"sv/login.md": ORIGINAL, "en/login.md": text})
    assert translations.state_of(center, "login", "en").state == "outdated"
    stamped = translations.write_stamp(text, translations.stamp(center.article("sv", "login")))
    article, problems = read_article("en/login.md", "en", "en/login/", stamped)
    assert problems == []
    assert article is not None and dict(article.meta.translated_from) == STAMP
    center = center_of({"sv/login.md": ORIGINAL, "en/login.md": stamped})
    assert translations.state_of(center, "login", "en").state == "translated"


# -- relink ----------------------------------------------------------------------------------------------------

RESOLVE = {
    "sv/e-post/b.md": "en/email/b.md",
    "sv/domaner/c.md": "en/domains/c.md",
    "sv/e-post/fallback.md": "en/e-post/fallback.md",
}

RELINK_CASES = [
    ("sibling", "[B](b.md)", "[B](../email/b.md)"),
    ("dot-slash", "[B](./b.md)", "[B](../email/b.md)"),
    ("anchor-kept", "[steg 2](b.md#step-2)", "[steg 2](../email/b.md#step-2)"),
    ("other-folder", "[C](../domaner/c.md)", "[C](../domains/c.md)"),
    ("to-a-fallback-copy", "[F](fallback.md)", "[F](fallback.md)"),
    ("title-kept", '[B](b.md "Läs mer")', '[B](../email/b.md "Läs mer")'),
    ("angle-brackets", "[B](<b.md>)", "[B](<../email/b.md>)"),
    ("two-links-on-a-line", "[B](b.md) och [C](../domaner/c.md#x)", "[B](../email/b.md) och [C](../domains/c.md#x)"),
    ("https-untouched", "[S](https://example.com/b.md)", "[S](https://example.com/b.md)"),
    ("http-untouched", "[S](http://status.example.com/)", "[S](http://status.example.com/)"),
    ("absolute-untouched", "[S](/sv/e-post/b.md)", "[S](/sv/e-post/b.md)"),
    ("own-anchor-untouched", "[steg 2](#step-2)", "[steg 2](#step-2)"),
    ("mailto-untouched", "[Mejla](mailto:hjalp@example.com)", "[Mejla](mailto:hjalp@example.com)"),
    ("unresolvable-to-the-original", "[X](okand.md)", "[X](../../sv/e-post/okand.md)"),
    ("unresolvable-anchor-kept", "[X](okand.md#step-1)", "[X](../../sv/e-post/okand.md#step-1)"),
    ("image-to-the-original", "![Skärmbild](bilder/login.png)", "![Skärmbild](../../sv/e-post/bilder/login.png)"),
    ("reference-definition", "[b]: b.md#step-2", "[b]: ../email/b.md#step-2"),
    ("plain-text-untouched", "Filen heter b.md (inte c.md).", "Filen heter b.md (inte c.md)."),
    ("footnote-untouched", "[^1]: Se b.md", "[^1]: Se b.md"),
    (
        "code-span-untouched",
        "Skriv `[B](b.md)` så blir det [B](b.md).",
        "Skriv `[B](b.md)` så blir det [B](../email/b.md).",
    ),
    (
        "fenced-code-untouched",
        "```js\nhandlers[name](event);\n[B](b.md)\n```\n[B](b.md)\n",
        "```js\nhandlers[name](event);\n[B](b.md)\n```\n[B](../email/b.md)\n",
    ),
    (
        "in-an-admonition",
        '!!! tip "Tips"\n    [Läs mer](b.md)\n\n    ![Bild](bild.png)\n',
        '!!! tip "Tips"\n    [Läs mer](../email/b.md)\n\n    ![Bild](../../sv/e-post/bild.png)\n',
    ),
]


@pytest.mark.parametrize(("markdown", "expected"), [c[1:] for c in RELINK_CASES], ids=[c[0] for c in RELINK_CASES])
def test_relink(markdown, expected):
    assert translations.relink(markdown, "sv/e-post/a.md", "en/e-post/a.md", RESOLVE.get) == expected


def test_relink_asks_with_docs_relative_paths():
    asked: list[str] = []

    def resolve(uri: str) -> str | None:
        asked.append(uri)
        return None

    translations.relink("[B](b.md) [C](../domaner/c.md#x)", "sv/e-post/a.md", "en/e-post/a.md", resolve)
    assert asked == ["sv/e-post/b.md", "sv/domaner/c.md"]


# -- check ---------------------------------------------------------------------------------------------------

EN_ONLY = "---\nid: login\ntitle: Log in\n---\nText.\n"

CHECK_CASES = [
    # id, files, expected (file, words in the message) or None
    ("stamped-translation", {"sv/login.md": ORIGINAL, "en/login.md": en_guide(STAMP)}, None),
    ("source-only", {"sv/login.md": ORIGINAL}, None),
    ("original-in-another-locale", {"en/login.md": EN_ONLY}, None),
    (
        "unstamped-translation",
        {"sv/login.md": ORIGINAL, "en/login.md": en_guide(None)},
        ("en/login.md", ["helpcenter i18n mark en login"]),
    ),
    (
        "named-locale-lacks-the-id",
        {"en/login.md": en_guide(STAMP)},
        ("en/login.md", ["'login'", "'sv'"]),
    ),
    (
        "named-locale-is-not-configured",
        {"sv/login.md": ORIGINAL, "en/login.md": en_guide({**STAMP, "locale": "de"})},
        ("en/login.md", ["'login'", "'de'"]),
    ),
    (
        "names-its-own-locale",
        {"sv/login.md": ORIGINAL, "en/login.md": en_guide({**STAMP, "locale": "en"})},
        ("en/login.md", ["'login'", "'en'"]),
    ),
]


FOUR_STEPS = {**STEPS, 4: ("Kontakta supporten", "Ring oss.")}
CHECK_CASES += [
    # A marked translation whose structure differs from its source: readers' ticks would not match.
    (
        "a-step-missing",
        {"sv/login.md": ORIGINAL, "en/login.md": en_guide(STAMP, steps={1: EN_STEPS[1], 2: EN_STEPS[2]})},
        ("en/login.md", ["has 2 steps", "sv/login.md has 3", "one '## ' step per source step", "ticks"]),
    ),
    (
        "an-anchor-of-its-own",
        {"sv/login.md": ORIGINAL, "en/login.md": en_guide(STAMP, anchors={3: "reset"})},
        ("en/login.md", ["step 3", "'#reset'", "'#step-3'", "{#step-3}"]),
    ),
    (
        "a-check-missing",
        {
            "sv/login.md": ORIGINAL,
            "en/login.md": en_guide(STAMP, steps={**EN_STEPS, 2: ("Check the password", "- [ ] Type it right.")}),
        },
        ("en/login.md", ["step 2 has 1 '- [ ]' checks", "source's has 2"]),
    ),
    (
        "not-a-guide-like-its-source",
        {"sv/login.md": ORIGINAL, "en/login.md": en_guide(STAMP).replace("type: guide\n", "")},
        ("en/login.md", ["not a guide", "type: guide"]),
    ),
    # The source grew a step after the translation was marked: outdated (with a notice), not broken.
    ("source-grew-a-step", {"sv/login.md": sv_guide(FOUR_STEPS), "en/login.md": en_guide(STAMP)}, None),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CHECK_CASES], ids=[c[0] for c in CHECK_CASES])
def test_check(files, expected):
    problems = translations.check(center_of(files))
    if expected is None:
        assert problems == []
        return
    path, words = expected
    assert len(problems) == 1, problems
    assert problems[0].path == path
    for word in words:
        assert word in problems[0].message
    assert problems[0].line is not None, problems[0]
    assert re.match(rf"{re.escape(path)}(:\d+)?: ", str(problems[0]))
