"""What editors see under ``mkdocs serve`` (never in a built site): each page's problems in a box
at its top, in the words the terminal uses, and each locale's own 404 page.

The build's output is unchanged: the plugin calls this module only when MkDocs was started with
the ``serve`` command.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import Any

from .pages import HomePage, ShownArticle, SourcePage
from .problems import ERROR, Problem
from .rendering import Renderer

WsgiApp = Callable[[dict[str, Any], Any], Iterable[bytes]]


class ProblemBox:
    """The problems of every source file, by file, for the box on the pages showing it."""

    def __init__(self, found: Iterable[Problem], renderer: Renderer) -> None:
        self.renderer = renderer
        self.by_file: dict[str, list[Problem]] = defaultdict(list)
        for problem in found:
            self.by_file[problem.path].append(problem)

    def sources(self, record: SourcePage) -> Iterator[str]:
        """The files an editor edits to change what this page shows of its own."""
        yield record.src_uri
        if isinstance(record, ShownArticle):
            yield record.article.src_uri
        elif isinstance(record, HomePage):
            yield record.home.src_uri
        if not isinstance(record, ShownArticle):
            yield f"{record.locale}/categories.yml"

    def html(self, record: SourcePage) -> str:
        """The box for one page (empty when its sources have no problem)."""
        found = [p for uri in dict.fromkeys(self.sources(record)) for p in self.by_file.get(uri, ())]
        if not found:
            return ""
        errors = [str(p) for p in found if p.level == ERROR]
        suggestions = [str(p) for p in found if p.level != ERROR]
        return self.renderer.render(record.locale, "problems.html", errors=errors, suggestions=suggestions)


def serve_locale_404s(server: Any, locales: Collection[str]) -> None:
    """Make MkDocs's dev server answer a missing page with its locale's 404 page (``/sv/…`` gets
    ``/sv/404.html``); outside every locale, with the site's ``/404.html`` as before."""
    asked = threading.local()
    app: WsgiApp = server.get_app()
    fallback: Callable[[int], bytes | None] = server.error_handler

    def remember(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        asked.path = environ.get("PATH_INFO", "")
        return app(environ, start_response)

    def error_page(code: int) -> bytes | None:
        path: str = getattr(asked, "path", "")
        mount: str = getattr(server, "mount_path", "/")
        locale = path[len(mount) :].partition("/")[0] if path.startswith(mount) else ""
        page = Path(server.root) / locale / "404.html"
        if code == 404 and locale in locales and page.is_file():
            return page.read_bytes()
        return fallback(code)

    server.set_app(remember)
    server.error_handler = error_page
