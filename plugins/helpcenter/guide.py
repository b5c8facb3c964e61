"""Guides: numbered steps, the overview of steps and labelled checks.

A Markdown extension whose tree processor runs inside MkDocs's one Markdown
conversion of the page (no second parse): it turns the top-level ``##``
headings of a ``type: guide`` article into numbered steps with stable anchors,
adds the overview list and turns ``- [ ]`` items into labelled checkboxes.
Everything it writes into the tree is text, so the serializer escapes it.

It also writes the controls only the checklist script can run (the progress
indicator, each step's "Did this solve your problem?", the state marks, the
answer panels, "Start over" and "Undo"), hidden, with their words from the
locale's catalog: the script finds them, wires them and shows them, so
without JavaScript nothing is dead and the script makes no markup of its own.

The guide element carries, in ``data-hc-config``, the texts the script shows
as the reader goes (progress for each possible count, computed here with the
locale's plural rules), so the script never hard-codes a word. It is an
attribute and not a ``<script type="application/json">`` block: Material's
instant navigation re-creates every script of the new page as JavaScript.
"""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from jinja2.utils import htmlsafe_json_dumps
from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from .rendering import site_link
from .sources import HEADING_ATTRS, Article, Problem, Step
from .tree import PageTreeprocessor

_TASK = re.compile(r"^\[([ xX])\][ \t]+")
_STASH = re.compile("\x02[^\x03]*\x03")
# attr_list's "{#id .class}" at the end of a heading is still in the text when this processor runs.
_ATTR_TAIL = HEADING_ATTRS

# Runs after pymdownx.tasklist is skipped (25 would claim our "[ ]" items first),
# after attr_list (8) so an editor's {#anchor} is set, and before toc (5) so the
# table of contents and permalinks see the numbered titles and final ids.
PRIORITY = 26
# Right after inline processing (20), before attr_list (8), toc (5) and unescape (0).
TEXT_PRIORITY = 19
# After toc (5), which adds the permalinks and would list (and give ids to) the panels' headings.
FINISH_PRIORITY = 4
_TEXT_ONLY = {"hc-step__title", "hc-check__text", "hc-check__words", "hc-overview__link"}


@dataclass
class GuideContext:
    """What the tree processor needs to render one guide page."""

    article: Article
    source: Article
    gettext: Callable[[str], str]
    ngettext: Callable[[str, str, int], str] | None = None
    support_url: str | None = None
    """Plugin option ``support.url``: where a reader still stuck gets help."""
    support_label: str | None = None
    """Plugin option ``support.label``; the catalog's "Contact support" when unset."""
    feedback: str | None = None
    """Plugin option ``feedback.endpoint``: receives checklist events through sendBeacon."""
    page_url: str | None = None
    """URL of the page being rendered (a fallback page shows another locale's article)."""
    site_url: str | None = None
    """The site's ``site_url``: the page's address a contact form is told (``{url}``)."""
    problems: list[Problem] = field(default_factory=list)

    def label_parts(self, number: int) -> tuple[str, str]:
        """The localized text before and after the editor's title."""
        marker = "\x00"
        text = self.gettext("Step %(number)s - %(title)s") % {"number": number, "title": marker}
        before, _, after = text.partition(marker)
        return before, after

    def reach(self) -> Reach:
        return Reach(self.support_url, self.support_label, self.feedback, self.site_url)

    @property
    def page(self) -> str:
        """The URL of the page being rendered."""
        return self.page_url if self.page_url is not None else self.article.url


class GuideTextTreeprocessor(Treeprocessor):
    """Raw HTML tags in step titles and checks are shown as typed, not run.

    Step titles are repeated in the overview and checks become labels, so they stay
    text: after inline processing, the tags Markdown stashed for them are put back as text.
    Entities (``&amp;``) and Markdown formatting are kept.
    """

    def __init__(self, md: Markdown, extension: GuideExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if self.extension.current is None:
            return
        stash = self.md.htmlStash.rawHtmlBlocks

        def as_text(match: re.Match[str]) -> str:
            raw = stash[int(match.group(1))] if int(match.group(1)) < len(stash) else None
            return raw if isinstance(raw, str) and raw.startswith("<") else match.group(0)

        for holder in root.iter():
            if _TEXT_ONLY.isdisjoint(holder.get("class", "").split()):
                continue
            for element in holder.iter():
                if element.text and HTML_PLACEHOLDER_RE.search(element.text):
                    element.text = AtomicString(HTML_PLACEHOLDER_RE.sub(as_text, element.text))
                if element is not holder and element.tail and HTML_PLACEHOLDER_RE.search(element.tail):
                    element.tail = AtomicString(HTML_PLACEHOLDER_RE.sub(as_text, element.tail))


class GuideExtension(Extension):
    """Holds the current page's guide context; the plugin sets it before each page."""

    def __init__(self) -> None:
        super().__init__()
        self.current: GuideContext | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(PageTreeprocessor(md, self, render_guide), "helpcenter-guide", PRIORITY)
        md.treeprocessors.register(GuideTextTreeprocessor(md, self), "helpcenter-guide-text", TEXT_PRIORITY)
        md.treeprocessors.register(
            PageTreeprocessor(md, self, finish_steps), "helpcenter-guide-finish", FINISH_PRIORITY
        )


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
        {
            "class": "hc-guide",
            "data-hc-article": article.id,
            "data-hc-locale": article.locale,
            "data-hc-config": config_json(context, len(heads)),
        },
    )
    intro = children[:first]
    steps_box = etree.Element("div", {"class": "hc-steps"})
    overview = etree.Element("nav", {"class": "hc-overview", "aria-label": context.gettext("Steps in this guide")})
    overview_list = etree.SubElement(overview, "ol", {"class": "hc-overview__list"})

    for position, start in enumerate(heads):
        stop = heads[position + 1] if position + 1 < len(heads) else end
        heading = children[start]
        record = article.steps[position] if position < len(article.steps) else None
        anchor = record.anchor if record else heading.get("id") or f"step-{position + 1}"
        source_step = context.source.step(anchor)
        title_text = _ATTR_TAIL.sub("", _text(heading))
        number = position + 1

        before, after = context.label_parts(number)
        _wrap_label(heading, before, after)
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
            # The step itself is the item: its source-language fingerprint resets the tick
            # when an editor rewrites the step, in every locale alike.
            own = source_step or record
            _check_item(done, "done", own.fingerprint if own else f"done-{anchor}", context.gettext("Done"))
        section.append(_foot(context.gettext))

        item = etree.SubElement(overview_list, "li", {"class": "hc-overview__item", "data-hc-step": anchor})
        link = etree.SubElement(item, "a", {"href": f"#{anchor}", "class": "hc-overview__link"})
        link.text = title_text
        _wrap_label(link, before, after)
        etree.SubElement(item, "span", {"class": "hc-state"})  # "Done" or "Not needed", by the script

    at = 1 if intro and intro[0].tag == "p" else 0
    intro.insert(at, overview)
    if heads:
        intro.insert(at + 1, _progress(len(heads)))
    for element in intro:
        guide.append(element)
    guide.append(steps_box)
    if heads:
        guide.append(_end(context.gettext))
    for element in children[end:]:
        guide.append(element)


# -- what only the script can run: written hidden, found, wired and shown by it -------------------


def _add(parent: etree.Element, tag: str, attrs: dict[str, str], text: str | None = None) -> etree.Element:
    """A child element whose text is text (never Markdown, never markup: the serializer escapes it)."""
    element = etree.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = AtomicString(text)
    return element


def _hidden(tag: str, class_name: str) -> etree.Element:
    return etree.Element(tag, {"class": class_name, "hidden": "hidden"})


def _button(parent: etree.Element, class_name: str, text: str) -> etree.Element:
    return _add(parent, "button", {"type": "button", "class": f"md-button {class_name}"}, text)


def _progress(steps: int) -> etree.Element:
    """The one progress indicator: its words (the script's) and a bar, hidden from assistive
    technology, since the words say it."""
    progress = _hidden("div", "hc-progress")
    _add(progress, "p", {"class": "hc-progress__text"})
    _add(progress, "progress", {"max": str(steps), "aria-hidden": "true"})
    return progress


def _foot(gettext: Callable[[str], str]) -> etree.Element:
    """A step's foot: "Did this solve your problem?", a fieldset named by its legend, Yes and No."""
    foot = _hidden("div", "hc-foot")
    ask = _add(foot, "fieldset", {"class": "hc-ask"})
    _add(ask, "legend", {"class": "hc-ask__q"}, gettext("Did this solve your problem?"))
    _button(ask, "hc-yes", gettext("Yes"))
    _button(ask, "hc-no", gettext("No"))
    return foot


def _end(gettext: Callable[[str], str]) -> etree.Element:
    """After the steps: Start over, its Undo (shown while it is offered) and the note that ticks are
    saved (shown only where storage keeps them)."""
    end = _hidden("div", "hc-end")
    _button(end, "hc-reset", gettext("Start over"))
    _button(end, "hc-undo", gettext("Undo")).set("hidden", "hidden")
    _add(end, "p", {"class": "hc-note", "hidden": "hidden"}, gettext("Your ticks are saved in this browser."))
    return end


def _panel(kind: str, title: str, text: str) -> etree.Element:
    """An answer's panel (the focus moves to it)."""
    panel = etree.Element("div", {"class": f"hc-panel hc-panel--{kind}", "tabindex": "-1", "hidden": "hidden"})
    _add(panel, "h3", {}, title)
    _add(panel, "p", {}, text)
    return panel


def _stuck_panel(context: GuideContext) -> etree.Element:
    """No on the last step: what the reader tried (the script lists it) and the way to support."""
    gettext = context.gettext
    panel = _panel(
        "stuck",
        gettext("Still not working?"),
        gettext("Our support team will help you. Tell them what you have already tried:"),
    )
    _add(panel, "ul", {})
    reach = context.reach()
    href = contact_href(context.article, context.page, reach)
    if href is not None:
        label = reach.label(gettext)
        # The script sets the href ({tried} filled in); MkDocs wants one on every link: this page, until then.
        _add(panel, "a", {"href": "", "class": "md-button md-button--primary", "data-hc-href": href}, label)
    return panel


def _classes(element: etree.Element) -> list[str]:
    return element.get("class", "").split()


def finish_steps(root: etree.Element, context: GuideContext) -> None:
    """After toc: each step heading's state mark, before its permalink (toc's "¶", shown on hover),
    which is no tab stop (the overview links to every step with the same anchor, and the keyboard
    path to the first check stays short); and the answer panels, whose headings are not the page's
    (toc would list them): Yes's panel (the script moves it under the step answered) and, on the
    last step, No's."""
    sections = [element for element in root.iter("section") if "hc-step" in _classes(element)]
    for section in sections:
        title = section[0]
        permalinks = [link for link in title if link.tag == "a" and "headerlink" in _classes(link)]
        for link in permalinks:
            link.set("tabindex", "-1")
        state = etree.Element("span", {"class": "hc-state"})
        title.insert(list(title).index(permalinks[0]) if permalinks else len(title), state)
    if not sections:
        return
    gettext = context.gettext
    solved = _panel(
        "solved",
        gettext("Great, the problem is solved!"),
        gettext("You can skip the remaining steps. If the problem comes back, start over."),
    )
    feet = [child for child in sections[0] if "hc-foot" in _classes(child)]
    (feet[-1] if feet else sections[0]).append(solved)
    sections[-1].append(_stuck_panel(context))


def _wrap_label(element: etree.Element, before: str, after: str) -> None:
    """Put the catalog's text around the editor's title ("Steg 1 - " + title).

    The catalog's parts are spans of plain text; the title stays Markdown. An
    attr_list ``{#id}`` at the end stays last, where attr_list looks for it.
    """
    if before:
        span = etree.Element("span", {"class": "hc-step__number"})
        span.text = AtomicString(before)
        span.tail = element.text
        element.text = None
        element.insert(0, span)
    if after:
        last = element[-1] if len(element) else None
        text = (last.tail if last is not None else element.text) or ""
        match = _ATTR_TAIL.search(text)
        attrs = match.group(0) if match else None
        if match:
            text = text[: match.start()]
            if last is not None:
                last.tail = text
            else:
                element.text = text
        span = etree.SubElement(element, "span", {"class": "hc-step__number"})
        span.text = AtomicString(after)
        span.tail = attrs


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
    span.text = AtomicString(text)
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
        # Search's indexer (Pagefind) reads no <label>: the item's words once more, hidden, for it alone.
        words = copy.deepcopy(span)
        words.attrib.clear()
        words.set("class", "hc-check__words")
        words.set("hidden", "hidden")
        li.insert(1, words)
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


def _plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


def config_json(context: GuideContext, steps: int) -> str:
    """The texts the checklist script shows as the reader goes, and its options, as JSON.

    Progress is computed for each possible number of finished steps (0..steps)
    with the locale's own plural rules, so the script needs no plural logic.
    """
    gettext = context.gettext
    ngettext = context.ngettext or _plural
    progress = [
        # Translators: progress of a guide; the plural form follows the number of finished
        # steps (done), e.g. sv "1 av 4 steg klart" / "2 av 4 steg klara".
        ngettext("%(done)d step of %(total)d done", "%(done)d steps of %(total)d done", done)
        % {"done": done, "total": steps}
        for done in range(steps + 1)
    ]
    step_done = [gettext("Step %(number)s is done.") % {"number": n} for n in range(1, steps + 1)]
    config: dict[str, Any] = {
        **reach_config(context.article, context.page, context.reach()),
        "progress": progress,
        "stepDone": step_done,
        "done": gettext("Done"),
        "skipped": gettext("Not needed"),
        "cleared": gettext("Your ticks have been cleared.") + " " + gettext("Choose Undo to bring them back."),
        "restored": gettext("Your ticks are back."),
    }
    return attribute_json(config)


def attribute_json(config: dict[str, Any]) -> str:
    """JSON for a ``data-`` attribute: ``<``, ``>``, ``&`` and ``'`` escaped as ``\\u003c`` …"""
    return str(htmlsafe_json_dumps(config, ensure_ascii=False, separators=(",", ":")))


@dataclass(frozen=True)
class Reach:
    """The plugin's options for a reader who answers: where support is, and who hears the answers."""

    support_url: str | None = None
    """``support.url``; may name ``{article}``, ``{title}``, ``{locale}``, ``{url}`` and ``{tried}``."""
    support_label: str | None = None
    feedback: str | None = None
    """``feedback.endpoint``: receives the events through sendBeacon."""
    site_url: str | None = None

    def label(self, gettext: Callable[[str], str]) -> str:
        """The contact link's words: ``support.label``, else the catalog's "Contact support"."""
        return self.support_label or gettext("Contact support")


_PLACEHOLDER = re.compile(r"\{(article|title|locale|url)\}")


def reach_config(article: Article, page_url: str, reach: Reach) -> dict[str, Any]:
    """What the script of a question (a guide's steps, a plain article's end) sends: what a contact
    form is told (``contact``, see ``contact_details``; the same values go with ``helpcenter:contact``)
    and the feedback endpoint. The question itself, its buttons and the contact link are in the page
    (``contact_href``)."""
    return {
        "contact": contact_details(reach, page_url, article.locale, article),
        "feedback": _href(reach.feedback, page_url),
    }


def contact_href(article: Article, page_url: str, reach: Reach) -> str | None:
    """The contact link's ``data-hc-href``: ``support.url`` with all but ``{tried}`` filled in.
    ``{tried}`` (what the reader tried, in their language) is left to the script, which knows it."""
    return support_href(reach, page_url, contact_details(reach, page_url, article.locale, article))


def contact_details(reach: Reach, page_url: str, locale: str, article: Article | None = None) -> dict[str, str]:
    """What a contact form is told of where the reader was: the article's id and title (empty
    where there is none, e.g. a search), the locale and the page's address."""
    base = reach.site_url.rstrip("/") + "/" if reach.site_url else "/"
    return {
        "article": article.id if article else "",
        "title": article.meta.title if article else "",
        "locale": locale,
        "url": base + page_url,
    }


def support_href(reach: Reach, page_url: str, contact: dict[str, str], root: str | None = None) -> str | None:
    """``support.url`` as the page at ``page_url`` links to it, with ``contact``'s values filled
    in, URL-encoded as ``encodeURIComponent`` does; ``{tried}`` is the script's to fill.
    ``root``: the site's path, for a page served at any depth (a 404), which links from there."""
    if reach.support_url is None:
        return None
    href = site_link(reach.support_url, page_url)
    if root is not None and href != reach.support_url:  # a path on the site, made relative: from the root
        href = root.rstrip("/") + "/" + reach.support_url
    return _PLACEHOLDER.sub(lambda match: quote(contact[match.group(1)], safe="-_.!~*'()"), href)


def _href(url: str | None, page_url: str) -> str | None:
    return site_link(url, page_url) if url else None
