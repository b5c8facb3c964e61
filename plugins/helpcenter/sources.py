"""The source model: every content file becomes one validated record.

This module is the bottom layer: it reads Markdown sources and category files
and knows nothing of MkDocs pages, themes or HTML. Everything else (guides,
related articles, locales, rendering) reads the records built here.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml
from markdown.extensions.attr_list import AttrListTreeprocessor
from markdown.extensions.toc import slugify as toc_slugify

from .config import EXAMPLES, SLUG_PATTERN, ArticleMeta, CategoryMeta, HomeMeta
from .problems import ADVICE, ERROR, MAX_DEPTH, QUOTE_LIMIT, Problem, did_you_mean, quote

__all__ = ["ADVICE", "ERROR", "Problem", "quote"]  # re-exported: the model's modules report with them

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it (10x faster than the pure-Python one)."""
HOME = "index.md"
REQUIRED_KEYS = frozenset({"id", "title"})
"""Without these an article cannot be built; any other bad value falls back to its default."""
CATEGORIES = "categories.yml"

_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\r?\n(.*?\r?\n)?(?:-{3}|\.{3})[ \t]*(?:\r?\n|\Z)", re.S)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_H2 = re.compile(r"^##(?!#)[ \t]+(.*?)[ \t]*$")
HEADING_ATTRS: re.Pattern[str] = AttrListTreeprocessor.HEADER_RE
"""attr_list's own pattern for ``{#id .class}`` at the end of a heading (what Markdown will apply)."""
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_HR = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_CHECK = re.compile(r"^[-*+][ \t]+\[([ xX])\][ \t]+(.*)$")
_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+(.*?)[ \t]*$")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
_INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
"""``[text](target "title")`` and ``![alt](src)``: group 1 is the target."""
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?([^\s>]+)>?")
_ATTR_ID = re.compile(r"\{:?[^}\n]*?#([\w-]+)[^}\n]*\}")
_HTML_ID = re.compile(r"""\b(?:id|name)=["']([^"']+)["']""")
_KEY_VALUE = re.compile(r"^[ \t]*([A-Za-z_][\w-]*):[ \t]+(\S.*?)[ \t]*$")
_NULL = re.compile(r"~|null|Null|NULL|")
_STR = "tag:yaml.org,2002:str"
ARTICLE_TEXTS = frozenset({"title", "summary", "category", "tags", "related", "status"})
"""Front-matter fields that are text: their plain values are read as written (``tags: [no, 500]``)."""
CATEGORY_TEXTS = frozenset({"title", "description", "slug"})


@dataclass(frozen=True)
class Check:
    """One ``- [ ]`` item of a guide step."""

    key: str
    text: str
    fingerprint: str
    line: int


@dataclass(frozen=True)
class Step:
    """One ``##`` section of a guide."""

    number: int
    title: str
    anchor: str
    explicit_anchor: bool
    checks: tuple[Check, ...]
    fingerprint: str
    line: int


class Link(NamedTuple):
    """A link an editor wrote in a page's Markdown: its line in the file, and its target as written."""

    line: int
    target: str


@dataclass(frozen=True)
class Heading:
    """A heading of a page's Markdown (``#`` to ``######``), with its ``{#anchor}`` when it has one."""

    line: int
    text: str
    anchor: str | None


@dataclass(frozen=True)
class References:
    """What the reference checks need of a page's Markdown: its links, headings and explicit ids."""

    links: tuple[Link, ...] = ()
    headings: tuple[Heading, ...] = ()
    ids: frozenset[str] = frozenset()
    """Ids written out: ``{#id}`` of attr_list, ``id="…"`` in HTML."""


@dataclass(frozen=True)
class Meta:
    """Validated front matter of an article."""

    id: str
    title: str
    summary: str | None = None
    type: str = "article"
    category: str | None = None
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    updated: datetime.date | None = None
    translated_from: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Article:
    """One help article in one locale."""

    src_uri: str
    locale: str
    url: str
    meta: Meta
    steps: tuple[Step, ...]
    fingerprint: str
    body_line: int
    key_lines: Mapping[str, int] = field(default_factory=dict)
    """Line of each front-matter key in the file, for messages."""
    parts: Mapping[str, str] = field(default_factory=dict)
    """Fingerprints of the parts outside steps (``title``, ``summary``, ``intro``, ``closing``), so a
    translation can say which of them changed."""
    status_blocks: tuple[int, ...] = ()
    """Lines of the ``/// status`` blocks in the body (fenced code left out)."""
    words: Mapping[str, int] = field(default_factory=dict)
    """Words of each part (``title``, ``summary``, ``intro``, ``step:<anchor>``, ``closing``): what a
    translator has to translate."""
    references: References = References()

    @property
    def id(self) -> str:
        return self.meta.id

    def line(self, key: str) -> int | None:
        """The line of a front-matter key (None when the key is not written)."""
        return self.key_lines.get(key)

    @property
    def is_guide(self) -> bool:
        return self.meta.type == "guide"

    def step(self, anchor: str) -> Step | None:
        return next((s for s in self.steps if s.anchor == anchor), None)


@dataclass(frozen=True)
class Category:
    """A category as one locale names it."""

    id: str
    locale: str
    title: str
    description: str | None
    slug: str
    order: int
    language: str | None = None
    """Set when this locale's ``categories.yml`` lacks the category: the locale whose title and
    description are shown instead (the source locale's), marked with that language."""


@dataclass(frozen=True)
class Home:
    """A locale's home page."""

    src_uri: str
    locale: str
    url: str
    title: str | None
    summary: str | None
    references: References = References()


Slugify = Callable[[str, str], str]
"""How the site turns a heading's text into its id (the ``toc`` extension's ``slugify``)."""


@dataclass
class HelpCenter:
    """All records of one build, indexed for O(1) look-ups."""

    default_locale: str
    locales: tuple[str, ...]
    articles: dict[str, Article] = field(default_factory=dict)
    by_id: dict[str, dict[str, Article]] = field(default_factory=dict)
    categories: dict[str, dict[str, Category]] = field(default_factory=dict)
    homes: dict[str, Home] = field(default_factory=dict)
    drafts: dict[tuple[str, str], Article] = field(default_factory=dict)
    """Scaffolded translations not yet marked done, by (locale, id): no reader sees them."""
    problems: list[Problem] = field(default_factory=list)
    files: frozenset[str] = frozenset()
    """Every file of the content folder the site publishes (links may point at any of them)."""
    slugify: Slugify = toc_slugify
    separator: str = "-"
    """The ``toc`` extension's ``slugify`` and ``separator``: how headings get their ids."""

    def article(self, locale: str, article_id: str) -> Article | None:
        return self.by_id.get(locale, {}).get(article_id)

    def draft(self, locale: str, article_id: str) -> Article | None:
        """A locale's draft translation of an article (not yet marked), if there is one."""
        return self.drafts.get((locale, article_id))

    def source_of(self, article: Article) -> Article:
        """The article a translation was made from (the default locale's, when it exists)."""
        source = self.article(self.default_locale, article.id)
        return source if source is not None else article

    def translations(self, article_id: str) -> dict[str, Article]:
        """Every locale's version of one article, in locale order."""
        return {loc: a for loc in self.locales if (a := self.article(loc, article_id)) is not None}

    def ids(self) -> list[str]:
        """Every article id of the help center, sorted."""
        return sorted({i for per_locale in self.by_id.values() for i in per_locale})


def fingerprint(text: str) -> str:
    """A short, whitespace-insensitive fingerprint of a piece of source text."""
    return _fingerprint_words(text.split())


def _fingerprint_words(words: list[str]) -> str:
    """``fingerprint`` of a text already split into its words."""
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:10]


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter, body, line number where the body starts)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    body_line = text.count("\n", 0, match.end()) + 1
    return match.group(1) or "", text[match.end() :], body_line


def scan_yaml(path: str, text: str, first_line: int, what: str) -> tuple[dict[str, int], list[Problem], bool]:
    """Check YAML before anything is built from it: (top-level key lines, problems, usable).

    One linear pass over the parser's events (no tree is built): anchors and aliases are
    refused (an alias bomb expands a few hundred bytes into gigabytes), nesting is limited
    to ``MAX_DEPTH``, and a top-level key written twice is reported (YAML would silently
    keep the last value). Key lines are file lines (``first_line`` is the text's first).
    """
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    depth = 0
    top_mapping = False
    at_key = True
    for event in yaml.parse(text, Loader=_LOADER):
        line = (event.start_mark.line if event.start_mark else 0) + first_line
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            message = f"{what} uses a YAML anchor or alias ('&name', '*name'): write every value out in full"
            return lines, [Problem(path, message, line)], False
        if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)) and depth == 1 and top_mapping:
            if at_key and isinstance(event, yaml.ScalarEvent):
                key = event.value
                if key in lines:
                    problems.append(
                        Problem(
                            path,
                            f"{what} key {quote(key)} is written twice (also on line {lines[key]}): "
                            "YAML keeps only the last value; write it once",
                            line,
                        )
                    )
                else:
                    lines[key] = line
            at_key = not at_key
        if isinstance(event, yaml.CollectionStartEvent):
            if depth == 0:
                top_mapping = isinstance(event, yaml.MappingStartEvent)
            depth += 1
            if depth > MAX_DEPTH:
                message = f"{what} is nested more than {MAX_DEPTH} levels deep: write plain keys, lists and values"
                return lines, [Problem(path, message, line)], False
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return lines, problems, True


def key_lines(front: str) -> dict[str, int]:
    """The line (in the file: front matter starts on line 2) of each top-level key."""
    try:
        return scan_yaml("", front, 2, "front matter")[0]
    except yaml.YAMLError:
        return {}


def _unreadable_value(front: str) -> tuple[str | None, int | None]:
    """The key (and line) whose value YAML parses but cannot turn into data."""
    try:
        root = yaml.compose(front, Loader=_LOADER)
    except yaml.YAMLError:
        return None, None
    if not isinstance(root, yaml.MappingNode):
        return None, None
    for key_node, value_node in root.value:
        try:
            yaml.load(yaml.serialize(value_node), Loader=_LOADER)
        except (ValueError, TypeError, OverflowError, yaml.YAMLError):
            return str(key_node.value), key_node.start_mark.line + 2
    return None, None


def quoting_hint(text: str, error: yaml.YAMLError) -> str:
    """How to write a ``key: value`` line YAML refused as text (empty when the mistake is elsewhere).

    ``title: Fel: 500`` -> ``; if it is text, put it in quotes: title: "Fel: 500"``.
    """
    mark = getattr(error, "problem_mark", None)
    if mark is None:
        return ""
    lines = text.splitlines()
    match = _KEY_VALUE.match(lines[mark.line]) if mark.line < len(lines) else None
    if match is None or mark.column < match.start(2):
        return ""  # e.g. an unclosed list: YAML stops at the next key, but the mistake is above it
    value = match.group(2)
    value = value if len(value) <= QUOTE_LIMIT else value[:QUOTE_LIMIT] + "…"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'; if it is text, put it in quotes: {match.group(1)}: "{escaped}"'


def _yaml_error(path: str, what: str, error: yaml.YAMLError, first_line: int, text: str = "") -> Problem:
    mark = getattr(error, "problem_mark", None)
    line = mark.line + first_line if mark is not None else None
    problem = getattr(error, "problem", None) or "invalid YAML"
    return Problem(path, f"{what} is not valid YAML: {problem}{quoting_hint(text, error)}", line)


def _keep_text(node: yaml.Node) -> None:
    """A plain scalar (or each of a list's) keeps the text as written: ``no``, ``on``, ``500`` and
    ``2026`` are words, not YAML 1.1's booleans and numbers; an empty value or ``~`` stays null."""
    if isinstance(node, yaml.ScalarNode):
        if not node.style and not _NULL.fullmatch(node.value):  # plain: libyaml says '', PyYAML None
            node.tag = _STR
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _keep_text(item)


def _texts_of(root: yaml.Node, keys: frozenset[str], depth: int) -> None:
    """Mark the text fields ``keys`` of a mapping (``depth`` 1: of each mapping it holds) as text."""
    if not isinstance(root, yaml.MappingNode):
        return
    for key, value in root.value:
        if depth:
            _keep_text(key)  # a category id such as 2026 or no is a name
            _texts_of(value, keys, depth - 1)
        elif isinstance(key, yaml.ScalarNode) and key.value in keys:
            _keep_text(value)


def _load_keeping_text(text: str, keys: frozenset[str], depth: int) -> Any:
    """``yaml.load``, with the text fields ``keys`` read as their source text."""
    loader = _LOADER(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        _texts_of(root, keys, depth)
        return loader.construct_document(root)
    finally:
        loader.dispose()


def load_yaml(
    path: str, text: str, first_line: int, what: str, texts: frozenset[str] = frozenset(), depth: int = 0
) -> tuple[Any, dict[str, int], list[Problem], bool]:
    """Parse bounded YAML: (data, top-level key lines, problems, usable).

    The keys ``texts`` of the top-level mapping (``depth`` 1: of each mapping in it) keep the text
    as written (see ``_keep_text``)."""
    try:
        lines, problems, usable = scan_yaml(path, text, first_line, what)
        if not usable:
            return None, lines, problems, False
        return _load_keeping_text(text, texts, depth), lines, problems, True
    except yaml.YAMLError as error:
        return None, {}, [_yaml_error(path, what, error, first_line, text)], False


def load_front_matter_lines(path: str, front: str | None) -> tuple[dict[str, Any], dict[str, int], list[Problem], bool]:
    """Parse YAML front matter: (data, key lines, problems, usable); problems name the file and line."""
    if front is None:
        return {}, {}, [], True
    try:
        data, lines, problems, usable = load_yaml(path, front, 2, "front matter", ARTICLE_TEXTS)
    except (ValueError, TypeError, OverflowError) as error:  # e.g. "updated: 2026-02-30"
        key, line = _unreadable_value(front)
        where = f"'{key}'" if key else "a value"
        return {}, {}, [Problem(path, f"front matter {where} cannot be read: {quote(str(error))}", line)], False
    if not usable:
        return {}, lines, problems, False
    if data is None:
        return {}, lines, problems, True
    if not isinstance(data, dict):
        return {}, lines, [Problem(path, "front matter must be a mapping of keys to values", 2)], False
    return {str(k): v for k, v in data.items()}, lines, problems, True


def load_front_matter(path: str, front: str | None) -> tuple[dict[str, Any], list[Problem]]:
    """Parse YAML front matter; problems name the file and line."""
    data, _lines, problems, _usable = load_front_matter_lines(path, front)
    return data, problems


def validate_meta(
    path: str,
    data: dict[str, Any],
    front: str | Mapping[str, int],
    schema: type[ArticleMeta | HomeMeta | CategoryMeta],
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Validate data against a schema; return the values (None when unusable) and problems.

    ``front`` is the front matter's text, or the line of each key when already known.
    """
    lines = key_lines(front) if isinstance(front, str) else front
    config = schema()
    config.load_dict(data)
    failed, warnings = config.validate()
    problems = []
    options = dict(schema._schema)
    written = [k for k in options if k != "translated_from"]  # translated_from is the tools' to write
    for key, warning in warnings:
        message = str(warning)
        if message.startswith("Unrecognised configuration name"):
            hint = did_you_mean(key, written) or f"the keys are {', '.join(written)}"
            message = f"unknown front matter key {quote(key)}; {hint}"
        else:
            message = f"front matter '{key}': {message}"
        problems.append(Problem(path, message, lines.get(key)))
    values = {k: config[k] for k in config}
    unusable = False
    examples = EXAMPLES[schema]
    for key, error in failed:
        line = lines.get(key) or 1
        example = f"{key}: {examples.get(key, '…')}"
        if key not in data:
            message = f"front matter '{key}' is required: add a line such as {example}"
        else:
            message = f"front matter '{key}': {what_to_write(key, data[key], str(error), example)}"
        problems.append(Problem(path, message, line))
        option = options.get(key)
        unusable = unusable or key in REQUIRED_KEYS
        values[key] = option.default if option is not None else None
    return (None if unusable else values), problems


def what_to_write(key: str, value: object, error: str, example: str) -> str:
    """A schema's complaint about ``key: value``, with the way to write it (``example``: ``key: value``)."""
    if error.startswith("Expected a list of items"):
        return f"write a list: {key}: [{_shown(value)}]"
    if error.startswith("Expected type: <class 'str'>"):
        if isinstance(value, list):
            return f"write one value, not a list: {key}: {_shown(value[0])}" if value else f"write e.g. {example}"
        if isinstance(value, dict):
            return f"write one value, not keys under it, e.g. {example}"
        return f"write it in quotes: {key}: '{_shown(value)}'"
    if error == "must not be empty":
        return "an item of the list is empty: remove it" if isinstance(value, list) else f"empty; write e.g. {example}"
    return error


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= QUOTE_LIMIT and "\n" not in text else quote(text)


def _strip_heading(raw: str) -> tuple[str, str | None]:
    """Split a heading's text from its attr_list id."""
    anchor = None
    raw = " " + raw  # a heading of attributes alone ("## {#x}") is a step without a title
    attrs = HEADING_ATTRS.search(raw)
    if attrs:
        for token in attrs.group(1).split():
            if token.startswith("#") and len(token) > 1:
                anchor = token[1:]
        raw = raw[: attrs.start()]
    raw = _CLOSING_HASHES.sub("", raw).strip()
    return raw, anchor


def in_fenced_code(lines: Iterable[str]) -> Iterator[bool]:
    """For each Markdown line, whether it belongs to a fenced code block (its fences included)."""
    fence: str | None = None
    for line in lines:
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            yield True
        elif opened:
            fence = opened.group(1)
            yield True
        else:
            yield False


@functools.lru_cache(maxsize=1)
def _lines_in_code(body: str) -> tuple[tuple[str, bool], ...]:
    """Each line of a page's Markdown, with whether it belongs to fenced code (``in_fenced_code``).

    Reading one guide asks for this up to four times (its steps, parts, references and status
    blocks): the answer for the last body asked about is kept."""
    lines = body.splitlines()
    return tuple(zip(lines, in_fenced_code(lines), strict=True))


def split_steps(body: str) -> tuple[str, list[str], str]:
    """A guide's body as written: the text before the first step, each step's text (its ``##``
    heading line first), and the closing text after a thematic break that ends the steps."""
    intro: list[str] = []
    steps: list[list[str]] = []
    closing: list[str] = []
    previous_blank = True
    for line, code in _lines_in_code(body):
        if closing or (
            steps and not code and _HR.match(line) and (previous_blank or not line.lstrip().startswith("-"))
        ):
            closing.append(line)
        elif not code and _H2.match(line):
            steps.append([line])
        else:
            (steps[-1] if steps else intro).append(line)
        previous_blank = not line.strip()
    return "\n".join(intro).strip(), ["\n".join(step).strip() for step in steps], "\n".join(closing[1:]).strip()


def _outside_code_spans(line: str) -> str:
    """A Markdown line with its inline code spans blanked (a link inside backticks is code)."""
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def scan_references(body: str, body_line: int = 1) -> References:
    """The links, headings and explicit ids of a page's Markdown, outside code, with their lines."""
    links: list[Link] = []
    headings: list[Heading] = []
    ids: set[str] = set()
    for index, (raw, code) in enumerate(_lines_in_code(body)):
        if code:
            continue
        number = body_line + index
        # Most lines are prose: a pattern runs only on a line holding the character it needs.
        if "#" in raw and (heading := _HEADING.match(raw)):
            text, anchor = _strip_heading(heading.group(2))
            headings.append(Heading(number, text, anchor))
        line = _outside_code_spans(raw) if "`" in raw else raw
        if "[" in line:
            definition = _LINK_DEFINITION.match(line)
            targets = [definition.group(1)] if definition else [m.group(1) for m in _INLINE_LINK.finditer(line)]
            links += [Link(number, target) for target in targets]
        if "{" in line:
            ids.update(m.group(1) for m in _ATTR_ID.finditer(line))
        if "=" in line:
            ids.update(m.group(1) for m in _HTML_ID.finditer(line))
    return References(tuple(links), tuple(headings), frozenset(ids))


def scan_steps(path: str, body: str, body_line: int = 1) -> tuple[tuple[Step, ...], list[Problem]]:
    """Find a guide's steps (top-level ``##`` headings) and their ``- [ ]`` checks.

    Headings inside fenced code are not steps; a thematic break (``***``) after
    the first step ends the steps.
    """
    raw_steps: list[dict[str, Any]] = []
    check_lines: list[list[Any]] = []
    previous_blank = True
    in_check = False
    for index, (line, code) in enumerate(_lines_in_code(body)):
        number = body_line + index
        if code:
            if raw_steps:
                raw_steps[-1]["text"].append(line)
            previous_blank = in_check = False
            continue
        heading = _H2.match(line)
        if heading:
            title, anchor = _strip_heading(heading.group(1))
            raw_steps.append({"title": title, "anchor": anchor, "line": number, "text": [], "checks": []})
            check_lines = raw_steps[-1]["checks"]
            in_check = False
        elif raw_steps and _HR.match(line) and (previous_blank or not line.lstrip().startswith("-")):
            break
        elif raw_steps:
            raw_steps[-1]["text"].append(line)
            check = _CHECK.match(line)
            if check:
                check_lines.append([check.group(2), number])
                in_check = True
            elif in_check and line.startswith(("  ", "\t")) and line.strip():
                check_lines[-1][0] += " " + line.strip()  # a lazy continuation of the check's text
            else:
                in_check = False
        previous_blank = not line.strip()

    steps: list[Step] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_steps, start=1):
        anchor = raw["anchor"] or f"step-{number}"
        if anchor in seen:
            problems.append(Problem(path, f"step anchor '{anchor}' is used twice", raw["line"]))
        seen.add(anchor)
        if not raw["title"]:
            problems.append(Problem(path, f"step {number} has no title", raw["line"]))
        checks = tuple(
            Check(key=f"c{i}", text=text.strip(), fingerprint=fingerprint(text), line=line)
            for i, (text, line) in enumerate(raw["checks"], start=1)
        )
        steps.append(
            Step(
                number=number,
                title=raw["title"],
                anchor=anchor,
                explicit_anchor=raw["anchor"] is not None,
                checks=checks,
                fingerprint=fingerprint(raw["title"] + "\n" + "\n".join(raw["text"])),
                line=raw["line"],
            )
        )
    return tuple(steps), problems


def read_article(src_uri: str, locale: str, url: str, text: str) -> tuple[Article | None, list[Problem]]:
    """Turn one Markdown source into an article record (None when unusable)."""
    path = src_uri
    front, body, body_line = split_front_matter(text)
    if front is None:
        return None, [Problem(path, "has no front matter: an article needs at least 'id' and 'title'", 1)]
    data, lines, problems, usable = load_front_matter_lines(path, front)
    if not usable:  # unreadable YAML: one message, not a second one per missing key
        return None, problems
    values, more = validate_meta(path, data, lines, ArticleMeta)
    problems += more
    if values is None:
        return None, problems
    meta = Meta(
        id=values["id"],
        title=values["title"],
        summary=values.get("summary"),
        type=values.get("type") or "article",
        category=values.get("category"),
        tags=tuple(values.get("tags") or ()),
        related=tuple(values.get("related") or ()),
        status=tuple(values.get("status") or ()),
        updated=values.get("updated"),
        translated_from=values.get("translated_from"),
    )
    steps: tuple[Step, ...] = ()
    if meta.type == "guide":
        steps, step_problems = scan_steps(path, body, body_line)
        problems += step_problems
        if not steps:
            message = "is a guide but has no steps: write each step as a '## ' heading, or write type: article"
            problems.append(Problem(path, message, lines.get("type")))
    parts, words = _parts_and_words(meta, steps, body)
    article = Article(
        src_uri=src_uri,
        locale=locale,
        url=url,
        meta=meta,
        steps=steps,
        fingerprint=fingerprint(meta.title + "\n" + body),
        body_line=body_line,
        key_lines=lines,
        parts=parts,
        words=words,
        references=scan_references(body, body_line),
        status_blocks=status_blocks(body, body_line),
    )
    return article, problems


_STATUS_BLOCK = re.compile(r"^/{3,}[ \t]*status\b")


def status_blocks(body: str, body_line: int) -> tuple[int, ...]:
    """The file lines where a ``/// status`` block opens (not inside fenced code)."""
    if "///" not in body:
        return ()  # most pages have no block at all: no need to go through their lines
    return tuple(
        body_line + index
        for index, (line, code) in enumerate(_lines_in_code(body))
        if not code and _STATUS_BLOCK.match(line)
    )


def text_parts(meta: Meta, steps: Iterable[Step], body: str) -> dict[str, str]:
    """An article's text by part, in reading order: ``title``, ``summary``, ``intro`` (a plain
    article's whole body), ``step:<anchor>`` for each of ``steps``, and ``closing`` (after the
    thematic break that ends a guide's steps). Empty parts are left out."""
    intro, texts, closing = split_steps(body) if meta.type == "guide" else (body.strip(), [], "")
    parts = {"title": meta.title, "summary": meta.summary or "", "intro": intro}
    parts |= {f"step:{step.anchor}": text for step, text in zip(steps, texts, strict=False)}
    parts["closing"] = closing
    return {key: text for key, text in parts.items() if text}


def _parts_and_words(meta: Meta, steps: Iterable[Step], body: str) -> tuple[dict[str, str], dict[str, int]]:
    """From one split of the body into parts: the fingerprints of the parts outside steps, and the
    words of every part (see ``Article.parts`` and ``Article.words``)."""
    parts: dict[str, str] = {}
    words: dict[str, int] = {}
    for key, text in text_parts(meta, steps, body).items():
        split = text.split()
        words[key] = len(split)
        if not key.startswith("step:"):
            parts[key] = _fingerprint_words(split)
    return parts, words


def read_home(src_uri: str, locale: str, url: str, text: str) -> tuple[Home, list[Problem]]:
    front, body, body_line = split_front_matter(text)
    data, lines, problems, _usable = load_front_matter_lines(src_uri, front)
    values, more = validate_meta(src_uri, data, lines, HomeMeta)
    values = values or {}
    references = scan_references(body, body_line)
    home = Home(src_uri, locale, url, values.get("title"), values.get("summary"), references)
    return home, problems + more


def read_categories(path: str, locale: str, text: str) -> tuple[list[Category], list[Problem]]:
    """Parse a locale's ``categories.yml`` (category id -> title, description, slug)."""
    data, lines, problems, usable = load_yaml(path, text, 1, "the file", CATEGORY_TEXTS, depth=1)
    if not usable or data is None:
        return [], problems
    if not isinstance(data, dict):
        return [], [Problem(path, "must map category ids to {title, description}", 1)]
    categories: list[Category] = []
    slugs: dict[str, str] = {}
    for order, (key, value) in enumerate(data.items()):
        cid = str(key)
        line = lines.get(cid)
        if not isinstance(value, dict):
            problems.append(Problem(path, f"category {quote(cid)} must be a mapping with 'title'", line))
            continue
        values, more = validate_meta(path, {str(k): v for k, v in value.items()}, {}, CategoryMeta)
        problems += [Problem(p.path, f"category {quote(cid)}: {p.message}", line) for p in more]
        if values is None or not values.get("title"):
            continue
        slug = values.get("slug") or cid
        if not SLUG_PATTERN.fullmatch(slug):
            problems.append(
                Problem(
                    path,
                    f"category {quote(cid)}: slug {quote(slug)} is not a slug: use lowercase letters, digits and "
                    "single hyphens (e.g. e-post), or write 'slug:' with such a name",
                    line,
                )
            )
            continue
        if slug in slugs:
            problems.append(
                Problem(path, f"category {quote(cid)}: slug {quote(slug)} is used by {quote(slugs[slug])}", line)
            )
            continue
        slugs[slug] = cid
        categories.append(Category(cid, locale, values["title"], values.get("description"), slug, order))
    return categories, problems


@dataclass(frozen=True)
class SourceFile:
    """What the model needs to know of one content file."""

    src_uri: str
    url: str
    text: str | None
    """Decoded text, or None when the file is not valid UTF-8 text."""


def build_help_center(default_locale: str, locales: Iterable[str], sources: Iterable[SourceFile]) -> HelpCenter:
    """Read every source once into one model of the help center."""
    center = HelpCenter(default_locale=default_locale, locales=tuple(locales))
    for loc in center.locales:
        center.by_id[loc] = {}
        center.categories[loc] = {}
    ordered = sorted(sources, key=lambda s: s.src_uri)
    for source in ordered:
        locale, _, rest = source.src_uri.partition("/")
        if source.text is None:
            center.problems.append(Problem(source.src_uri, "is not UTF-8 text; save it as UTF-8 Markdown"))
            continue
        if locale not in center.by_id:
            continue
        if rest == CATEGORIES:
            categories, problems = read_categories(source.src_uri, locale, source.text)
            center.problems += problems
            for category in categories:
                center.categories[locale][category.id] = category
        elif rest == HOME:
            home, problems = read_home(source.src_uri, locale, source.url, source.text)
            center.homes[locale] = home
            center.problems += problems
        elif source.src_uri.endswith(".md"):
            article, problems = read_article(source.src_uri, locale, source.url, source.text)
            center.problems += problems
            if article is None:
                continue
            if (article.meta.translated_from or {}).get("draft"):
                center.drafts[(locale, article.id)] = article
                continue
            other = center.by_id[locale].get(article.id)
            if other is not None:
                center.problems.append(
                    Problem(
                        source.src_uri,
                        f"front matter 'id': '{article.id}' is already used by {other.src_uri}",
                        article.line("id"),
                    )
                )
                continue
            center.articles[source.src_uri] = article
            center.by_id[locale][article.id] = article
    return center
