"""The plugin's JavaScript and CSS as a site serves them: the readable parts in
``assets/`` joined and minified at build time.

The sources stay written for readers (named functions, named fields, comments); the
build strips comments and white space and renames local variables, with tdewolff's
minifier (``tdewolff-minify`` on PyPI: Go code behind a small binding, no Node.js).
Property names, strings and ``data-`` attribute names are kept as they are, so the
page's settings and texts reach the scripts unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib.resources import files as package_files

import minify

MEDIA_TYPES = {".js": "application/javascript", ".css": "text/css"}


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
    # Each part is self-contained (a script is one function expression, called at once).
    joined = "\n".join(source(name).strip() + ("\n;" if suffix == ".js" else "\n") for name in names)
    try:
        return str(minify.string(MEDIA_TYPES[suffix], joined)).strip() + "\n"
    except minify.MinifyError as error:
        raise MinifyFailed(f"helpcenter assets {', '.join(names)}: {error}") from None


def bundle(names: Iterable[str]) -> str:
    """The parts ``names`` (all ``.js`` or all ``.css``), joined in order and minified."""
    parts = tuple(names)
    return _minified(parts) if parts else ""
