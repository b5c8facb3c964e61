"""Admonitions without a title get their type's name in the page's language.

An editor who writes ``!!! note`` (python-markdown's ``admonition``) or ``??? warning`` /
``???+ tip`` (``pymdownx.details``) and no title gets, from the library, the type capitalized in
English ("Note"). Where a site enables those extensions, the plugin's extension registers
subclasses of their block processors in their place (same name, same priority), and the title
of an admonition whose editor wrote none is ``default_title``: the page's catalog's name of the
type (msgctxt "admonition title"). A title written stays as written, ``!!! note ""`` keeps no
title, and a type outside Material's list keeps the library's title ("Custom").
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Extension, Markdown
from markdown.blockparser import BlockParser
from markdown.extensions.admonition import AdmonitionProcessor
from pymdownx.details import DetailsExtension, DetailsProcessor

Pgettext = Callable[[str, str], object]
"""``pgettext(context, message)`` of the page's catalog (Babel's says it returns ``str | object``)."""

# Where python-markdown's admonition and pymdownx.details register their block processors.
STOCK_PRIORITY = 105


def _names(pgettext: Pgettext) -> dict[str, object]:
    """Material's admonition types, each with its name from the catalog (English when untranslated)."""
    return {
        "note": pgettext("admonition title", "Note"),
        "abstract": pgettext("admonition title", "Abstract"),
        "info": pgettext("admonition title", "Info"),
        "tip": pgettext("admonition title", "Tip"),
        "success": pgettext("admonition title", "Success"),
        "question": pgettext("admonition title", "Question"),
        "warning": pgettext("admonition title", "Warning"),
        "failure": pgettext("admonition title", "Failure"),
        "danger": pgettext("admonition title", "Danger"),
        "bug": pgettext("admonition title", "Bug"),
        "example": pgettext("admonition title", "Example"),
        "quote": pgettext("admonition title", "Quote"),
    }


TYPES = tuple(_names(lambda _context, message: message))
"""The admonition types whose untitled title comes from the catalog."""


def default_title(kind: str, pgettext: Pgettext | None) -> str:
    """The title of an admonition of type ``kind`` (its first class, lowercase) whose editor wrote
    none: the catalog's name of a type of Material's, else (or on a page without a catalog) the
    library's own, the type capitalized."""
    name = _names(pgettext).get(kind) if pgettext is not None else None
    return str(name) if name is not None else kind.capitalize()


class TitledAdmonitionProcessor(AdmonitionProcessor):
    """``!!! type``: python-markdown's admonition, with ``default_title`` where no title is written."""

    def __init__(self, parser: BlockParser, title: Callable[[str], str]) -> None:
        super().__init__(parser)
        self.title = title

    def get_class_and_title(self, match: re.Match[str]) -> tuple[str, str | None]:
        klass, title = super().get_class_and_title(match)
        if match.group(2) is None:  # no title written (``!!! note ""`` is one: the empty title)
            title = self.title(klass.split(" ", 1)[0])
        return klass, title


class TitledDetailsProcessor(DetailsProcessor):  # type: ignore[misc]  # pymdownx is untyped
    """``??? type`` / ``???+ type``: pymdownx.details, with ``default_title`` where no title is
    written. The library picks its title inside ``run``, so this one renames the summary it made."""

    def __init__(self, parser: BlockParser, title: Callable[[str], str]) -> None:
        super().__init__(parser)
        self.title = title

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        match = self.START.search(blocks[0]) if blocks else None
        super().run(parent, blocks)
        if match is None or not match.group(4):  # a continued block, or a title written
            return
        details = parent[-1]  # the library's new element: what it parses goes inside it
        summary = details.find("summary")
        if details.tag == "details" and summary is not None:
            kind = self.COMPRESS_SPACES.sub(" ", match.group(4).lower()).split(" ")[0]
            summary.text = self.title(kind)


class AdmonitionTitles(Extension):
    """Registers the two processors in place of the stock ones (only where the site enabled them);
    the plugin sets ``current`` to the page's catalog before each page."""

    def __init__(self) -> None:
        super().__init__()
        self.current: Pgettext | None = None

    def title(self, kind: str) -> str:
        return default_title(kind, self.current)

    def extendMarkdown(self, md: Markdown) -> None:
        blocks = md.parser.blockprocessors
        if "admonition" in blocks:
            blocks.register(TitledAdmonitionProcessor(md.parser, self.title), "admonition", STOCK_PRIORITY)
        if "details" in blocks:
            processor = TitledDetailsProcessor(md.parser, self.title)
            blocks.register(processor, "details", STOCK_PRIORITY)
            for extension in md.registeredExtensions:
                if isinstance(extension, DetailsExtension):
                    extension.processor = processor  # its reset() sets the processor's header style
