"""Article translations, tracked rather than guessed.

A translation records the fingerprints of the source it was translated from
(front matter ``translated_from``: the whole article and each step). Comparing
them with the source's current fingerprints tells, for every article and
locale, whether the translation is current, outdated (and which steps
changed) or missing. No version-control history is needed.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from .sources import Article, HelpCenter, Problem, in_fenced_code, read_article, split_front_matter, text_parts

SOURCE = "source"
TRANSLATED = "translated"
OUTDATED = "outdated"
MISSING = "missing"
DRAFT = "draft"
"""Scaffolded, not yet marked: counts as missing (readers get the fallback)."""
UNTRACKED = "untracked"


@dataclass(frozen=True)
class TranslationState:
    """Where one article stands in one locale."""

    article_id: str
    locale: str
    state: str
    source: Article
    translation: Article | None
    changed_steps: tuple[str, ...] = ()
    changed_parts: tuple[str, ...] = ()
    """Parts outside steps that changed in the source (``title``, ``summary``, ``intro``, ``closing``)."""
    draft: Article | None = None
    """The translator's draft (state ``draft``): a file in the locale, not shown to readers."""

    @property
    def readable(self) -> bool:
        """The locale has its own text of the article (current or not)."""
        return self.translation is not None


def draft_stamp(source: Article) -> dict[str, Any]:
    """The ``translated_from`` record of a scaffolded copy: a draft until ``helpcenter i18n mark``."""
    return {"locale": source.locale, "draft": True}


def stamp(source: Article) -> dict[str, Any]:
    """The ``translated_from`` record for a translation of ``source`` as it is now."""
    return {
        "locale": source.locale,
        "article": source.fingerprint,
        "steps": {step.anchor: step.fingerprint for step in source.steps},
        "parts": dict(source.parts),
    }


def changed_steps(source: Article, recorded: dict[str, Any]) -> tuple[str, ...]:
    """Anchors of the source's steps that changed (or are new) since ``recorded``."""
    steps = recorded.get("steps") or {}
    return tuple(step.anchor for step in source.steps if steps.get(step.anchor) != step.fingerprint)


PARTS = ("title", "summary", "intro", "closing")


def part_label(key: str, source: Article, gettext: Callable[[str], str]) -> str:
    """A part of an article in one language's words: "the title", "Step 3" (``step:<anchor>``)."""
    if key.startswith("step:"):
        step = source.step(key.removeprefix("step:"))
        return gettext("Step %(number)s") % {"number": step.number if step else "?"}
    names = {
        "title": gettext("the title"),
        "summary": gettext("the summary"),
        "intro": gettext("the introduction"),
        "closing": gettext("the closing text"),
    }
    return names[key]


def changed_keys(state: TranslationState) -> list[str]:
    """The parts of the source that changed since it was translated, in reading order."""
    keys: list[str] = [part for part in ("title", "summary", "intro") if part in state.changed_parts]
    keys += [f"step:{step.anchor}" for step in state.source.steps if step.anchor in state.changed_steps]
    return keys + (["closing"] if "closing" in state.changed_parts else [])


def change_labels(state: TranslationState, gettext: Callable[[str], str]) -> list[str]:
    """What changed in the source since it was translated, in one language's words and in reading
    order ("the title", "Step 3"): the reader's notice, the dashboard and ``i18n diff`` say the same."""
    return [part_label(key, state.source, gettext) for key in changed_keys(state)]


# -- what a translation was made from: snapshots and word-level diffs --------------------------------------

SNAPSHOTS = ".sources"
"""The folder in each locale where ``mark`` keeps the source text a translation was made from
(a dot folder: MkDocs does not publish it)."""


def snapshot_uri(locale: str, source: Article) -> str:
    """Where the snapshot of ``source`` for ``locale``'s translation lives (docs-relative)."""
    return f"{locale}/{SNAPSHOTS}/{source.src_uri}"


def article_parts(article: Article, text: str) -> dict[str, str]:
    """An article's text (``text`` is its file) by part, in reading order."""
    return text_parts(article.meta, article.steps, split_front_matter(text)[1])


def snapshot_diffs(docs_dir: Path, state: TranslationState) -> dict[str, Words] | None:
    """What changed in an outdated translation's source since it was marked, part by part, word by
    word, from the snapshot ``mark`` kept (None: no usable snapshot)."""
    if state.state != OUTDATED:
        return None
    source = state.source
    try:
        before_text = (docs_dir / snapshot_uri(state.locale, source)).read_text(encoding="utf-8-sig")
        now_text = (docs_dir / source.src_uri).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    before, _problems = read_article(source.src_uri, source.locale, source.url, before_text)
    if before is None:
        return None
    return part_diffs(article_parts(before, before_text), article_parts(source, now_text))


Words = tuple[tuple[str, str], ...]
"""A word-level diff: ("=", kept words), ("-", removed words), ("+", added words)."""


_TOKEN = re.compile(r"\w+|[^\w\s]| ")


def word_diff(old: str, new: str) -> Words:
    """Words and punctuation that were kept, removed and added (white space is not a change)."""
    before = _TOKEN.findall(" ".join(old.split()))
    after = _TOKEN.findall(" ".join(new.split()))
    ops: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(("=", "".join(before[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("-", "".join(before[i1:i2])))
        if j2 > j1:
            ops.append(("+", "".join(after[j1:j2])))
    return tuple(ops)


def part_diffs(before: dict[str, str], now: dict[str, str]) -> dict[str, Words]:
    """Each part whose words changed between two versions of a source, with its diff (reading order)."""
    keys = list(now) + [key for key in before if key not in now]
    return {
        key: word_diff(before.get(key, ""), now.get(key, ""))
        for key in keys
        if before.get(key, "").split() != now.get(key, "").split()
    }


def plain_diff(words: Words, context: int = 6) -> str:
    """A diff as text, git's ``--word-diff=plain`` way: ``[-removed-]{+added+}``, long kept runs shortened."""
    out = []
    for index, (op, text) in enumerate(words):
        if op == "-":
            out.append(f"[-{text}-]")
        elif op == "+":
            out.append(f"{{+{text}+}}")
        else:
            kept = text.split(" ")
            if len(kept) > 2 * context:
                head = kept[:context] if index > 0 else []
                tail = kept[-context:] if index < len(words) - 1 else []
                text = " ".join([*head, "…", *tail])
            out.append(text)
    return "".join(out)


def changed_parts(source: Article, recorded: dict[str, Any]) -> tuple[str, ...]:
    """The source's parts outside steps that changed since ``recorded`` (none known for a stamp
    made before parts were recorded)."""
    parts = recorded.get("parts")
    if not parts:
        return ()
    return tuple(key for key in PARTS if parts.get(key) != source.parts.get(key))


def state_of(center: HelpCenter, article_id: str, locale: str) -> TranslationState | None:
    """The translation state of one article in one locale (None if the id is unknown)."""
    translations = center.translations(article_id)
    if not translations:
        return None
    translation = translations.get(locale)
    source = _source(center, article_id, translation)
    if source is None:
        return None
    if translation is None:
        draft = center.draft(locale, article_id)
        if draft is not None:
            return TranslationState(article_id, locale, DRAFT, source, None, draft=draft)
        return TranslationState(article_id, locale, MISSING, source, None)
    if translation is source:
        return TranslationState(article_id, locale, SOURCE, source, translation)
    recorded = translation.meta.translated_from
    if recorded is None:
        return TranslationState(article_id, locale, UNTRACKED, source, translation)
    parts = changed_parts(source, dict(recorded))
    if recorded.get("article") == source.fingerprint and not parts:
        return TranslationState(article_id, locale, TRANSLATED, source, translation)
    changed = changed_steps(source, dict(recorded))
    return TranslationState(article_id, locale, OUTDATED, source, translation, changed, parts)


def _source(center: HelpCenter, article_id: str, translation: Article | None) -> Article | None:
    """The source of an article: the locale its translations name, else the default locale's."""
    translations = center.translations(article_id)
    if translation is not None and translation.meta.translated_from:
        named = translation.meta.translated_from.get("locale")
        if isinstance(named, str) and named in translations:
            return translations[named]
    default = translations.get(center.default_locale)
    if default is not None:
        return default
    originals = [a for a in translations.values() if not a.meta.translated_from]
    return originals[0] if originals else next(iter(translations.values()), None)


def all_states(center: HelpCenter) -> list[TranslationState]:
    """Every article in every locale, sorted by id then locale order."""
    states = []
    for article_id in center.ids():
        for locale in center.locales:
            state = state_of(center, article_id, locale)
            if state is not None:
                states.append(state)
    return states


def check(center: HelpCenter) -> list[Problem]:
    """Author mistakes in translations: no source, or not stamped."""
    problems = []
    for article in center.articles.values():
        recorded = article.meta.translated_from
        translations = center.translations(article.id)
        if recorded is not None:
            named = recorded.get("locale") or center.default_locale
            if named == article.locale or named not in translations:
                problems.append(
                    Problem(
                        article.src_uri,
                        f"front matter 'translated_from': there is no source article '{article.id}' "
                        f"in locale '{named}'",
                        article.line("translated_from"),
                    )
                )
        elif article.locale != center.default_locale and center.default_locale in translations:
            problems.append(
                Problem(
                    article.src_uri,
                    f"translation of '{article.id}' does not record its source: run "
                    f"'helpcenter i18n mark {article.locale} {article.id}'",
                    article.line("id"),
                )
            )
        state = state_of(center, article.id, article.locale) if recorded is not None else None
        if state is not None and state.state in (TRANSLATED, OUTDATED):
            problems += structure_problems(article, state)
    return problems


_TICKS = "readers' ticks are matched by step anchor and check position, across languages"


def structure_problems(translation: Article, state: TranslationState) -> list[Problem]:
    """Where a marked translation's guide structure differs from its source's.

    A current translation must have the source's steps, anchors and checks per step. An outdated
    one is held to the source as it was when marked (the recorded step anchors), so a new step
    in the source makes the translation outdated, not broken.
    """
    source, path = state.source, translation.src_uri
    if not source.is_guide and not translation.is_guide:
        return []
    if source.is_guide != translation.is_guide:
        kind, named = ("guide", "a guide") if source.is_guide else ("article", "an article")
        return [
            Problem(
                path,
                f"is not {named} like its source {source.src_uri}: write 'type: {kind}'",
                translation.line("type") or translation.line("id"),
            )
        ]
    expected: list[tuple[str, int | None]]  # (anchor, checks) of each step; checks unknown when outdated
    if state.state == OUTDATED:
        recorded = list(dict((translation.meta.translated_from or {}).get("steps") or {}))
        expected = [(anchor, None) for anchor in recorded]
    else:
        expected = [(step.anchor, len(step.checks)) for step in source.steps]
    steps = translation.steps
    if len(steps) != len(expected):
        return [
            Problem(
                path,
                f"has {len(steps)} steps, its source {source.src_uri} has {len(expected)}: write one '## ' step "
                f"per source step, in the same order ({_TICKS})",
                steps[0].line if steps else translation.line("id"),
            )
        ]
    problems = []
    for step, (anchor, checks) in zip(steps, expected, strict=True):
        if step.anchor != anchor:
            problems.append(
                Problem(
                    path,
                    f"step {step.number} has the anchor '#{step.anchor}', its source's has '#{anchor}': "
                    f"end the heading with {{#{anchor}}} ({_TICKS})",
                    step.line,
                )
            )
        elif checks is not None and len(step.checks) != checks:
            problems.append(
                Problem(
                    path,
                    f"step {step.number} has {len(step.checks)} '- [ ]' checks, its source's has {checks}: "
                    f"translate each check as one ({_TICKS})",
                    step.line,
                )
            )
    return problems


BOM = "\ufeff"
_TRANSLATED_FROM = re.compile(r"^translated_from:[^\n]*\n(?:[ \t]+[^\n]*\n|[ \t]*\r?\n)*", re.M)


def write_stamp(text: str, record: dict[str, Any]) -> str:
    """Set ``translated_from`` in a source file's front matter, keeping everything else.

    Every other byte stays as it was: keys, comments, quoting, the delimiter lines,
    the file's line endings and a UTF-8 byte-order mark (which the build accepts).
    """
    if text.startswith(BOM):
        return BOM + write_stamp(text[len(BOM) :], record)
    front, body, _line = split_front_matter(text)
    block = yaml.safe_dump({"translated_from": record}, sort_keys=False, allow_unicode=True)
    if front is None:
        return f"---\n{block}---\n{text}"
    opening = text[: text.index("\n") + 1]
    closing = text[len(opening) + len(front) : len(text) - len(body)]
    newline = "\r\n" if opening.endswith("\r\n") else "\n"
    kept = _TRANSLATED_FROM.sub("", front)
    if kept and not kept.endswith("\n"):
        kept += newline
    block = block.replace("\n", newline)
    return f"{opening}{kept}{block}{closing}{body}"


# Inline links and images ``[text](target#anchor "title")`` and reference definitions
# ``[id]: target#anchor`` (not footnotes ``[^1]: ...``); code is left alone.
_INLINE_LINK = re.compile(r"(\]\(\s*<?)([^)\s>#]+)(#[^)\s>]*)?(>?)")
_REFERENCE = re.compile(r"^( {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*<?)([^\s>#]+)(#[^\s>]*)?(>?)")
_CODE_SPAN = re.compile(r"(`+).+?\1")


def relink(markdown: str, source_uri: str, page_uri: str, resolve: Callable[[str], str | None]) -> str:
    """Re-point the relative links of a source copied to another locale.

    ``resolve`` maps a linked source file (docs-relative ``.md``) to the file the
    reader of the new locale should get (its translation or its fallback copy);
    links it cannot map, and links to anything else (images, downloads), keep
    pointing at the original file. Absolute URLs, site-absolute paths, in-page
    anchors and code (fenced blocks, code spans) stay as they are.
    """
    base = posixpath.dirname(source_uri)
    here = posixpath.dirname(page_uri)

    def replace(match: re.Match[str]) -> str:
        target = match.group(2)
        if target.startswith("/") or urlsplit(target).scheme:
            return match.group(0)
        linked = posixpath.normpath(posixpath.join(base, target))
        chosen = (resolve(linked) if linked.endswith(".md") else None) or linked
        relative = posixpath.relpath(chosen, here or ".")
        return f"{match.group(1)}{relative}{match.group(3) or ''}{match.group(4)}"

    def prose(line: str) -> str:
        parts, last = [], 0
        for code in _CODE_SPAN.finditer(line):
            parts += [_INLINE_LINK.sub(replace, line[last : code.start()]), code.group(0)]
            last = code.end()
        parts.append(_INLINE_LINK.sub(replace, line[last:]))
        return _REFERENCE.sub(replace, "".join(parts))

    lines = markdown.splitlines(keepends=True)
    return "".join(line if code else prose(line) for line, code in zip(lines, in_fenced_code(lines), strict=True))
