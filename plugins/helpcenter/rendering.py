"""HTML fragments the plugin adds to pages, from templates shipped in the package.

One autoescaping Jinja environment per locale, with that locale's catalog
installed: everything from front matter, category files or catalogs is text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup, escape

from .locales import Catalogs


@dataclass(frozen=True)
class ListEntry:
    """One article in a listing."""

    title: str
    href: str
    summary: str | None
    kind: str


class Renderer:
    """Renders the package's templates in a given locale."""

    def __init__(self, catalogs: Catalogs) -> None:
        self.catalogs = catalogs
        self._envs: dict[str, Environment] = {}
        self._templates: dict[tuple[str, str], Template] = {}

    def env(self, locale: str) -> Environment:
        env = self._envs.get(locale)
        if env is None:
            env = Environment(
                loader=PackageLoader("helpcenter", "templates"),
                autoescape=True,
                undefined=StrictUndefined,
                extensions=["jinja2.ext.i18n"],
                keep_trailing_newline=False,
            )
            env.install_gettext_translations(self.catalogs.get(locale), newstyle=True)  # type: ignore[attr-defined]
            # |tojson (HTML-safe: <, >, & and ' escaped) as compact as the bytes a page carries allow.
            env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}
            self._envs[locale] = env
        return env

    def render(self, locale: str, name: str, **context: Any) -> str:
        template = self._templates.get((locale, name))
        if template is None:
            template = self.env(locale).get_template(name)
            self._templates[(locale, name)] = template
        return template.render(**context)


def text(value: str | None) -> Markup:
    """Front-matter text made safe for places that take HTML (titles, meta tags).

    Escaped once, and marked as such: theme templates that print it as it is get safe HTML,
    and those that escape it themselves (``| e``, e.g. an ``aria-label``) leave it alone.
    """
    return escape(value or "")
