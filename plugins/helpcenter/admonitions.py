"""Admonitions without a title get their type's name in the page's language.

An editor who writes ``!!! note`` (python-markdown's ``admonition``) or ``??? warning`` /
``???+ tip`` (``pymdownx.details``) and no title gets, from the library, the type capitalized in
English ("Note"). Where a site enables those extensions, the plugin's extension registers
subclasses of their block processors in their place (same name, same priority), and the title
of an admonition whose editor wrote none is ``default_title``: the page's catalog's name of the
type (msgctxt "admonition title"). That holds for Material's twelve types and for the aliases
Material accepted for some of them (``tldr``, ``important``, ``caution`` …: its docs call them
deprecated, and its stylesheet, since 9.0, no longer gives them their type's look, so they are
drawn as a note). An alias's msgid is the alias capitalized, as python-markdown shows it ("Tldr",
"Faq"), so an English page is unchanged. A title written stays as written, ``!!! note ""`` keeps
no title, and any other type keeps the library's title ("Custom").
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
    """Material's admonition types and their aliases (each after its type), each with its name from
    the catalog (English when untranslated). An alias's msgid is the alias capitalized, as
    python-markdown titles it, and its translator comment says what the word means."""
    return {
        "note": pgettext("admonition title", "Note"),
        "abstract": pgettext("admonition title", "Abstract"),
        # Translators: admonition title, alias "summary" (of "Abstract"): a summary.
        "summary": pgettext("admonition title", "Summary"),
        # Translators: admonition title, alias "tldr" (of "Abstract"): "too long; didn't read", a very short summary.
        "tldr": pgettext("admonition title", "Tldr"),
        "info": pgettext("admonition title", "Info"),
        # Translators: admonition title, alias "todo" (of "Info"): "to do", something still to be done.
        "todo": pgettext("admonition title", "Todo"),
        "tip": pgettext("admonition title", "Tip"),
        # Translators: admonition title, alias "hint" (of "Tip"): a hint.
        "hint": pgettext("admonition title", "Hint"),
        # Translators: admonition title, alias "important" (of "Tip"): something important.
        "important": pgettext("admonition title", "Important"),
        "success": pgettext("admonition title", "Success"),
        # Translators: admonition title, alias "check" (of "Success"): a check mark, done or working.
        "check": pgettext("admonition title", "Check"),
        # Translators: admonition title, alias "done" (of "Success"): done, completed.
        "done": pgettext("admonition title", "Done"),
        "question": pgettext("admonition title", "Question"),
        # Translators: admonition title, alias "help" (of "Question"): help.
        "help": pgettext("admonition title", "Help"),
        # Translators: admonition title, alias "faq" (of "Question"): frequently asked questions.
        "faq": pgettext("admonition title", "Faq"),
        "warning": pgettext("admonition title", "Warning"),
        # Translators: admonition title, alias "caution" (of "Warning"): be careful.
        "caution": pgettext("admonition title", "Caution"),
        # Translators: admonition title, alias "attention" (of "Warning"): pay attention.
        "attention": pgettext("admonition title", "Attention"),
        "failure": pgettext("admonition title", "Failure"),
        # Translators: admonition title, alias "fail" (of "Failure"): failed.
        "fail": pgettext("admonition title", "Fail"),
        # Translators: admonition title, alias "missing" (of "Failure"): something is missing.
        "missing": pgettext("admonition title", "Missing"),
        "danger": pgettext("admonition title", "Danger"),
        # Translators: admonition title, alias "error" (of "Danger"): an error.
        "error": pgettext("admonition title", "Error"),
        "bug": pgettext("admonition title", "Bug"),
        "example": pgettext("admonition title", "Example"),
        "quote": pgettext("admonition title", "Quote"),
        # Translators: admonition title, alias "cite" (of "Quote"): a quotation.
        "cite": pgettext("admonition title", "Cite"),
    }


KINDS = tuple(_names(lambda _context, message: message))
"""The admonition types and aliases whose untitled title comes from the catalog."""


def default_title(kind: str, pgettext: Pgettext | None) -> str:
    """The title of an admonition of type ``kind`` (its first class, lowercase) whose editor wrote
    none: the catalog's name of a type of Material's or an alias of one, else (or on a page without
    a catalog) the library's own, the type capitalized."""
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
