"""HTML fragments the plugin adds to pages, from templates shipped in the package.

One autoescaping Jinja environment per locale, with that locale's catalog
installed: everything from front matter, category files or catalogs is text
(translations included: see ``escaped_gettext``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from babel.support import NullTranslations
from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup, escape
from mkdocs.utils import get_relative_url

from .locales import Catalogs


@dataclass(frozen=True)
class ListEntry:
    """One article in a listing."""

    title: str
    href: str
    summary: str | None
    kind: str
    lang: str | None = None
    """The article's language, when it is not the reader's (an untranslated article)."""
    language_note: str | None = None
    """ "in English", in the reader's language."""


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
            gettext, ngettext = escaped_gettext(self.catalogs.get(locale))
            env.globals.update(_=gettext, gettext=gettext, ngettext=ngettext)
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


def escaped_gettext(
    translations: NullTranslations,
) -> tuple[Callable[..., Markup], Callable[..., Markup]]:
    """``_``/``gettext`` and ``ngettext`` for templates: a translation is text, never markup.

    Jinja's own new-style gettext marks a translation safe (``Markup(msgstr)``), so a
    translator's ``<img onerror=…>`` or ``" onfocus=…`` would reach the page as HTML. Here the
    translation is escaped first; then the variables are put in (escaped too, unless they are
    markup the template made), and only when the msgid is a format string (has a ``%``).
    """

    def gettext(message: str, /, **variables: Any) -> Markup:
        rv = Markup.escape(translations.gettext(message))
        return rv % variables if "%" in message else rv

    def ngettext(singular: str, plural: str, count: int, /, **variables: Any) -> Markup:
        variables.setdefault("num", count)
        rv = Markup.escape(translations.ngettext(singular, plural, count))
        return rv % variables if "%" in singular + plural else rv

    return gettext, ngettext


def text(value: str | None) -> Markup:
    """Front-matter text made safe for places that take HTML (titles, meta tags).

    Escaped once, and marked as such: theme templates that print it as it is get safe HTML,
    and those that escape it themselves (``| e``, e.g. an ``aria-label``) leave it alone.
    """
    return escape(value or "")


def site_link(url: str, page_url: str) -> str:
    """A configured link as the page at ``page_url`` writes it: URLs, ``/paths``, ``#fragments`` and
    ``?queries`` as they are; a path on the site, relative to the page."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("/", "#", "?")):
        return url
    return get_relative_url(url, page_url)
