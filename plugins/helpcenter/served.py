"""The plugin's JavaScript and CSS as a site serves them: the readable parts in
``assets/`` joined and minified at build time.

The sources stay written for readers (named functions, named fields, comments); the
build strips comments and white space and renames local variables, with tdewolff's
minifier (``tdewolff-minify`` on PyPI: Go code behind a small binding, no Node.js).
Property names, strings and ``data-`` attribute names are kept as they are, so the
page's settings and texts reach the scripts unchanged. A JavaScript bundle is one function: its
parts share ``common.js``'s helpers (one copy each) and add nothing to the page's globals.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib.resources import files as package_files

import minify

MEDIA_TYPES = {".js": "application/javascript", ".css": "text/css"}
MODULES = frozenset({"search.js"})
"""The parts that are ES modules (loaded with ``import()``): each is served alone, as its own scope."""


class MinifyFailed(ValueError):
    """A part the minifier cannot read (a syntax error in the plugin's own assets)."""


@cache
def source(name: str) -> str:
    """One readable part, as it is in the package."""
    return (package_files("helpcenter") / "assets" / name).read_text(encoding="utf-8")


@cache
def _minified(names: tuple[str, ...]) -> str:
    suffix = names[0][names[0].rfind(".") :]
    if suffix not in MEDIA_TYPES or any(not name.endswith(suffix) for name in names):
        raise MinifyFailed(f"one kind of file per bundle (.js or .css): {', '.join(names)}")
    joined = "\n".join(source(name).strip() + ("\n;" if suffix == ".js" else "\n") for name in names)
    if suffix == ".js" and len(names) > 1 and not MODULES.intersection(names):
        # One scope for the bundle: what common.js (or a status reader) declares is in scope for the
        # parts after it, and the minifier renames it everywhere; each part keeps its own names in
        # its own function. Nothing is added to the page's globals.
        joined = '(() => {\n"use strict";\n' + joined + "\n})();"
    try:
        return str(minify.string(MEDIA_TYPES[suffix], joined)).strip() + "\n"
    except minify.MinifyError as error:
        raise MinifyFailed(f"helpcenter assets {', '.join(names)}: {error}") from None


def bundle(names: Iterable[str]) -> str:
    """The parts ``names`` (all ``.js`` or all ``.css``), joined in order and minified."""
    parts = tuple(names)
    return _minified(parts) if parts else ""
