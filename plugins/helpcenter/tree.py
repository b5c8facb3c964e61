"""The plugin's Markdown extensions act on one page at a time: the plugin sets the page's context
on the extension before MkDocs converts the page, and a tree processor hands it the page's tree.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

Context = TypeVar("Context")


class HoldsContext(Protocol[Context]):
    current: Context | None


class PageTreeprocessor(Treeprocessor, Generic[Context]):
    """Runs ``render(root, context)`` on a page whose context the plugin has set (and on no other)."""

    def __init__(
        self, md: Markdown, extension: HoldsContext[Context], render: Callable[[etree.Element, Context], None]
    ) -> None:
        super().__init__(md)
        self.extension = extension
        self.render = render

    def run(self, root: etree.Element) -> None:
        context = self.extension.current
        if context is not None:
            self.render(root, context)
