"""The one problem type: what the build warns about and the ``helpcenter`` commands print."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

QUOTE_LIMIT = 80
"""At most this many characters of a value an author wrote are quoted in a message."""
MESSAGE_LIMIT = 400
"""A message never grows past this, whatever it quotes."""
MAX_DEPTH = 20
"""Deepest nesting of collections accepted in front matter and category files."""

ERROR = "error"
"""A problem the build warns about (so ``mkdocs build --strict`` fails) and ``helpcenter check`` reports."""
ADVICE = "suggestion"
"""An editorial hint only ``helpcenter check --suggestions`` gives (orphans, one-way related pairs,
missing tags): nothing breaks for a reader, so the build stays quiet and plain ``check`` does not count it."""


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A value an author wrote, quoted for a message: one line, at most ``limit`` characters."""
    text = value if isinstance(value, str) else str(value)
    cut = len(text) > limit
    shown = repr(text[:limit])
    return shown[:-1] + "…" + shown[-1] if cut else shown


def did_you_mean(word: str, known: Iterable[str], template: str = "{}") -> str:
    """``did you mean 'x'?`` from the known name closest to ``word`` (``'x' or 'y'`` when two are as
    close), each written out with ``template``; empty when none is close."""
    close = difflib.get_close_matches(word, set(known), n=2, cutoff=0.6)
    if not close:
        return ""
    score = {c: difflib.SequenceMatcher(None, word, c).ratio() for c in close}
    best = sorted(c for c in close if score[c] == score[close[0]])
    return "did you mean " + " or ".join(quote(template.format(c)) for c in best) + "?"


@dataclass(frozen=True)
class Problem:
    """One problem of the sources, catalogs or settings, reported once as ``path:line: message``.

    The one problem type of the plugin: the build logs the ``error`` ones as warnings,
    ``helpcenter check`` and ``helpcenter i18n check`` print them.
    """

    path: str
    message: str
    line: int | None = None
    kind: str = "source"
    """What sort of problem, for ``helpcenter check``'s ``[kind]`` and its JSON."""
    level: str = ERROR

    def __post_init__(self) -> None:
        if len(self.message) > MESSAGE_LIMIT or "\n" in self.message:
            short = " ".join(self.message.split())
            object.__setattr__(
                self, "message", short[: MESSAGE_LIMIT - 1] + "…" if len(short) > MESSAGE_LIMIT else short
            )

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
