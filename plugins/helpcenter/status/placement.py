"""The live status widget in the page's Markdown tree, like the guide's steps.

```
/// status
///
```

marks where an editor wants the widget: it shows the article's ``status`` components (front
matter), or every component when the article lists none; ``/// status | Webmail, Email delivery``
names its own. The block leaves a slot element in the tree; the tree processor, in MkDocs's one
Markdown conversion of the page, swaps each slot for the widget that ``StatusContext.render``
makes from a template. An article that lists components and has no block gets the widget before
the first step of a guide, or at the top. Nothing searches rendered HTML: a ``<div>`` an editor
types into the body stays raw HTML and never becomes a slot.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from markdown import Markdown
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from ..tree import PageTreeprocessor

SLOT_CLASS = "hc-status-slot"
SLOT_NAMES = "data-hc-names"
"""The block's own component names, comma-separated (absent: the article's, or all)."""

# After the guide (26) has built its steps, so a widget without a block goes before the first one.
PRIORITY = 24


@dataclass
class StatusContext:
    """What the tree processor needs for one page; the plugin sets it from the page's record."""

    components: Sequence[str]
    """The article's ``status`` front matter (empty: none listed)."""
    render: Callable[[Sequence[str]], str] | None
    """The widget's HTML for some components; None when no feed is configured."""
    placed: int = 0
    """Widgets placed on the page."""
    unplaced_blocks: int = 0
    """``/// status`` blocks left out because no feed is configured."""


class StatusBlock(Block):  # type: ignore[misc]  # pymdownx is untyped here
    NAME = "status"
    ARGUMENT = None  # optional: comma-separated component names

    def on_markdown(self) -> str:
        return "raw"  # anything written inside is not the widget's business

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": SLOT_CLASS})

    def on_end(self, block: etree.Element) -> None:
        names = [name.strip() for name in str(self.argument or "").split(",") if name.strip()]
        tail = block.tail
        block.clear()
        block.tail = tail
        block.set("class", SLOT_CLASS)
        if names:
            block.set(SLOT_NAMES, ",".join(names))


def place_widgets(root: etree.Element, context: StatusContext, store: Callable[[str], str]) -> None:
    """Swap every slot for a widget (or drop it when no feed is configured); place one if none was."""
    for parent in list(root.iter()):
        for index, child in enumerate(list(parent)):
            if child.tag != "div" or child.get("class") != SLOT_CLASS:
                continue
            names = [n for n in (child.get(SLOT_NAMES) or "").split(",") if n]
            tail = child.tail
            parent.remove(child)
            if context.render is None:
                context.unplaced_blocks += 1
                if tail:
                    _keep_tail(parent, index, tail)
                continue
            holder = _stashed(store(context.render(names or context.components)))
            holder.tail = tail
            parent.insert(index, holder)
            context.placed += 1
    if context.render is None or context.placed or not context.components:
        return
    parent, index = _before_first_step(root)
    parent.insert(index, _stashed(store(context.render(context.components))))
    context.placed += 1


def _stashed(placeholder: str) -> etree.Element:
    """A paragraph holding only a stash placeholder: Markdown puts the HTML block in its place."""
    paragraph = etree.Element("p")
    paragraph.text = placeholder
    return paragraph


def _keep_tail(parent: etree.Element, index: int, tail: str) -> None:
    if index > 0:
        before = parent[index - 1]
        before.tail = (before.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail


def _before_first_step(root: etree.Element) -> tuple[etree.Element, int]:
    """Where a guide's steps start (the guide's own element, at its step list), else the top."""
    for guide in root.iter("div"):
        if "hc-guide" not in (guide.get("class") or "").split():
            continue
        for index, child in enumerate(guide):
            if child.get("class") == "hc-steps":
                return guide, index
    return root, 0


class StatusExtension(BlocksExtension):  # type: ignore[misc]
    """``/// status`` and the tree processor that places the widget; the plugin sets ``current``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.current: StatusContext | None = None

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        block_mgr.register(StatusBlock, self.getConfigs())
        processor = PageTreeprocessor(md, self, lambda root, context: place_widgets(root, context, md.htmlStash.store))
        md.treeprocessors.register(processor, "helpcenter-status", PRIORITY)
