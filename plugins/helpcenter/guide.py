"""Guides: numbered steps, the overview of steps and labelled checks.

A Markdown extension whose tree processor runs inside MkDocs's one Markdown
conversion of the page (no second parse): it turns the top-level ``##``
headings of a ``type: guide`` article into numbered steps with stable anchors,
adds the overview list and turns ``- [ ]`` items into labelled checkboxes.
Everything it writes into the tree is text, so the serializer escapes it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .sources import Article, Problem, Step

_TASK = re.compile(r"^\[([ xX])\][ \t]+")
_STASH = re.compile("\x02[^\x03]*\x03")

# Runs after pymdownx.tasklist is skipped (25 would claim our "[ ]" items first),
# after attr_list (8) so an editor's {#anchor} is set, and before toc (5) so the
# table of contents and permalinks see the numbered titles and final ids.
PRIORITY = 26


@dataclass
class GuideContext:
    """What the tree processor needs to render one guide page."""

    article: Article
    source: Article
    gettext: Callable[[str], str]
    problems: list[Problem] = field(default_factory=list)

    def step_label(self, number: int, title: str) -> str:
        """The localized heading text, e.g. "Steg 1 - Besök vår statussida"."""
        return self.gettext("Step %(number)s - %(title)s") % {"number": number, "title": title}

    def label_parts(self, number: int) -> tuple[str, str]:
        """The localized text before and after the editor's title."""
        marker = "\x00"
        text = self.gettext("Step %(number)s - %(title)s") % {"number": number, "title": marker}
        before, _, after = text.partition(marker)
        return before, after


class GuideTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: GuideExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        context = self.extension.current
        if context is None:
            return
        render_guide(root, context)


class GuideExtension(Extension):
    """Holds the current page's guide context; the plugin sets it before each page."""

    def __init__(self) -> None:
        super().__init__()
        self.current: GuideContext | None = None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        md.treeprocessors.register(GuideTreeprocessor(md, self), "helpcenter-guide", PRIORITY)


def _text(element: etree.Element) -> str:
    return _STASH.sub("", "".join(element.itertext())).strip()


def _steps_region(children: list[etree.Element]) -> tuple[int, int, list[int]]:
    """Indices of the first step, the end of the steps, and every step heading."""
    starts = [i for i, el in enumerate(children) if el.tag == "h2"]
    if not starts:
        return len(children), len(children), []
    end = next((i for i in range(starts[0], len(children)) if children[i].tag == "hr"), len(children))
    return starts[0], end, [i for i in starts if i < end]


def render_guide(root: etree.Element, context: GuideContext) -> None:
    """Rewrite the page tree of one guide in place."""
    article = context.article
    children = list(root)
    first, end, heads = _steps_region(children)
    if len(heads) != len(article.steps):
        context.problems.append(
            Problem(
                article.src_uri,
                f"rendered {len(heads)} steps but the source has {len(article.steps)}: "
                "write every step as a top-level '## ' heading",
            )
        )
    for child in children:
        root.remove(child)

    guide = etree.SubElement(
        root,
        "div",
        {"class": "hc-guide", "data-hc-article": article.id, "data-hc-locale": article.locale},
    )
    intro = children[:first]
    steps_box = etree.Element("div", {"class": "hc-steps"})
    overview = etree.Element(
        "nav", {"class": "hc-overview", "aria-label": context.gettext("Steps in this guide")}
    )
    overview_list = etree.SubElement(overview, "ol", {"class": "hc-overview__list"})

    for position, start in enumerate(heads):
        stop = heads[position + 1] if position + 1 < len(heads) else end
        heading = children[start]
        record = article.steps[position] if position < len(article.steps) else None
        anchor = record.anchor if record else heading.get("id") or f"step-{position + 1}"
        source_step = context.source.step(anchor)
        title_text = _text(heading)
        number = position + 1

        before, after = context.label_parts(number)
        heading.text = before + (heading.text or "")
        if after:
            if len(heading):
                last = heading[-1]
                last.tail = (last.tail or "") + after
            else:
                heading.text += after
        heading.set("id", anchor)
        heading.set("class", (heading.get("class", "") + " hc-step__title").strip())

        section = etree.SubElement(steps_box, "section", {"class": "hc-step", "data-hc-step": anchor})
        section.append(heading)
        body = children[start + 1 : stop]
        count = 0
        for element in body:
            section.append(element)
            if element.tag == "ul":
                count = _checks(element, anchor, count, record, source_step)
        if count == 0:
            done = etree.SubElement(section, "ul", {"class": "hc-checks hc-checks--self"})
            _check_item(done, "done", f"done-{anchor}", context.gettext("Done"))

        item = etree.SubElement(overview_list, "li", {"class": "hc-overview__item", "data-hc-step": anchor})
        link = etree.SubElement(item, "a", {"href": f"#{anchor}"})
        link.text = context.step_label(number, title_text)

    at = 1 if intro and intro[0].tag == "p" else 0
    intro.insert(at, overview)
    for element in intro:
        guide.append(element)
    guide.append(steps_box)
    for element in children[end:]:
        guide.append(element)


def _label(key: str, fingerprint: str) -> tuple[etree.Element, etree.Element]:
    """A check's label: the native checkbox and the text span, all clickable."""
    label = etree.Element("label", {"class": "hc-check__label"})
    etree.SubElement(
        label,
        "input",
        {"type": "checkbox", "class": "hc-check__input", "data-hc-key": key, "data-hc-fp": fingerprint},
    )
    span = etree.SubElement(label, "span", {"class": "hc-check__text"})
    return label, span


def _check_item(parent: etree.Element, key: str, fingerprint: str, text: str) -> etree.Element:
    item = etree.SubElement(parent, "li", {"class": "hc-check"})
    label, span = _label(key, fingerprint)
    span.text = text
    item.append(label)
    return item


def _checks(ul: etree.Element, anchor: str, count: int, record: Step | None, source: Step | None) -> int:
    """Turn ``[ ]`` items of one list into labelled checkboxes; return the running count."""
    converted = False
    for li in list(ul):
        holder = li
        if (li.text is None or not li.text.strip()) and len(li) and li[0].tag == "p":
            holder = li[0]
        match = _TASK.match(holder.text or "")
        if li.tag != "li" or not match:
            continue
        count += 1
        key = f"c{count}"
        fingerprint = _fingerprint(key, record, source)
        holder.text = (holder.text or "")[match.end() :]
        inline = [holder.text]
        moved = [child for child in holder if holder is not li or child.tag not in ("ul", "ol", "p", "div")]
        for child in moved:
            holder.remove(child)
        li.attrib.clear()
        li.set("class", "hc-check")
        label, span = _label(key, fingerprint)
        span.text = inline[0]
        for child in moved:
            span.append(child)
        if holder is not li:
            li.remove(holder)
        li.text = None
        li.insert(0, label)
        converted = True
    if converted:
        ul.set("class", (ul.get("class", "") + " hc-checks").strip())
    return count


def _fingerprint(key: str, record: Step | None, source: Step | None) -> str:
    """Fingerprint of the source-language text of a check, so translations share state."""
    for step in (source, record):
        if step is not None:
            check = next((c for c in step.checks if c.key == key), None)
            if check is not None:
                return check.fingerprint
    return key
