"""Live status on the site's pages: the widget and the banner, and the script parts a site serves.

The status of a service is only known in the reader's browser (``assets/status.js``
fetches the feed, normalizes it and renders it). This module holds:

* which parts of the script a site serves: only the configured provider's (``served_parts``, ``reader_parts``);
* ``StatusPages``: the widget and the banner host (with the settings and localized
  words status.js reads), rendered from templates; ``placement`` puts the widget
  in the page's Markdown tree.

Never green when it doesn't know: any value outside a provider's vocabulary becomes
``"unknown"``, never ``"operational"``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit

from mkdocs.plugins import get_plugin_logger

from ..locales import LocaleInfo, plural_samples
from ..rendering import Renderer, site_link
from .model import KUMA_URL
from .placement import StatusContext

log = get_plugin_logger("helpcenter")

# The status parts of the served bundles: status.js, after the one part that reads the feed.
STATUS_PARTS = frozenset({"status.css", "status.js"})


def texts(
    gettext: Callable[[str], str], ngettext: Callable[[str, str, int], str], code: str, page: bool = True
) -> dict[str, Any]:
    """Every word status.js shows, in one locale. Plural forms per CLDR category. "Unavailable"
    sends the reader to the status page (the link) only when the site has one (``page``)."""
    samples = plural_samples(code)
    return {
        "pending": gettext("Checking status…"),
        "unavailable": gettext("Status unavailable — see the status page") if page else gettext("Status unavailable"),
        "page": gettext("See the status page"),
        "now": gettext("Checked just now"),
        "min": {
            tag: ngettext("Checked %(num)d minute ago", "Checked %(num)d minutes ago", n) for tag, n in samples.items()
        },
        "hour": {
            tag: ngettext("Checked %(num)d hour ago", "Checked %(num)d hours ago", n) for tag, n in samples.items()
        },
        "i_none": gettext("All systems operational"),
        "i_minor": gettext("Minor service disruption"),
        "i_major": gettext("Major service outage"),
        "i_critical": gettext("Critical service outage"),
        "i_maintenance": gettext("Maintenance in progress"),
        "i_unknown": gettext("Overall status unknown"),
        "c_operational": gettext("Operational"),
        "c_degraded_performance": gettext("Degraded performance"),
        "c_partial_outage": gettext("Partial outage"),
        "c_major_outage": gettext("Major outage"),
        "c_under_maintenance": gettext("Under maintenance"),
        "c_unknown": gettext("Status unknown"),
        "p_none": gettext("No impact"),
        "p_minor": gettext("Minor impact"),
        "p_major": gettext("Major impact"),
        "p_critical": gettext("Critical impact"),
        "s_investigating": gettext("Investigating"),
        "s_identified": gettext("Identified"),
        "s_monitoring": gettext("Monitoring"),
        "s_resolved": gettext("Resolved"),
        "s_postmortem": gettext("Postmortem"),
        "s_scheduled": gettext("Scheduled"),
        "s_in_progress": gettext("In progress"),
        "s_verifying": gettext("Verifying"),
        "s_completed": gettext("Completed"),
        "s_unknown": gettext("Progress unknown"),
        "incident": gettext("Incident"),
        "maintenance": gettext("Maintenance"),
        "started": gettext("Started %(time)s"),
        "dismiss": gettext("Dismiss: %(name)s"),
    }


# -- pages -------------------------------------------------------------------------------


# The providers that number their states and report no overall state: their part uses status-derived.js.
DERIVED = frozenset({"cachet", "uptime-kuma"})


def reader_parts(provider: str, relay: bool = False) -> tuple[str, ...]:
    """The parts that read a site's feed: the relay's record's, or the provider's (after status-derived.js
    for the providers that need it)."""
    if relay:
        return ("status-relay.js",)
    return ("status-derived.js", f"status-{provider}.js") if provider in DERIVED else (f"status-{provider}.js",)


def served_parts(parts: Iterable[str], reader: Sequence[str] | None) -> list[str]:
    """A bundle's parts as a site serves them: with no feed (``reader`` None), no status parts; with
    one, the parts that read it (``reader``, see ``reader_parts``) before status.js."""
    if reader is None:
        return [part for part in parts if part not in STATUS_PARTS]
    return [name for part in parts for name in ((*reader, part) if part == "status.js" else (part,))]


class StatusOptions(Protocol):
    """The ``status`` options of the plugin (``config._StatusConfig``)."""

    @property
    def url(self) -> str | None: ...
    @property
    def page(self) -> str | None: ...
    @property
    def provider(self) -> str: ...
    @property
    def refresh(self) -> int: ...
    @property
    def timeout(self) -> int: ...
    @property
    def banner(self) -> str: ...
    @property
    def relay(self) -> str | None: ...
    @property
    def max_age(self) -> int: ...


@dataclass
class StatusPages:
    """The status widget and the banner host of each page, rendered from templates."""

    options: StatusOptions
    renderer: Renderer
    locales: Mapping[str, LocaleInfo]
    config_file: str = "mkdocs.yml"
    _settings: dict[str, dict[str, Any]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.url = (self.options.url or "").strip()
        self.relay = (self.options.relay or "").strip()
        self.page = (self.options.page or "").strip()
        self.refresh = self.options.refresh
        self.timeout = self.options.timeout
        self.max_age = self.options.max_age
        where = f"{self.config_file}: plugins.helpcenter.status"
        if self.relay and (urlsplit(self.relay).scheme or self.relay.startswith("//")):
            log.warning(
                f"{where}.relay: '{self.relay}' is not a path on the site: write where the site serves the "
                "record `helpcenter status relay --out` writes, e.g. relay: status/relay.json"
            )
        if not self.enabled:
            return
        scheme = urlsplit(self.url).scheme
        if scheme not in ("", "http", "https"):
            log.warning(f"{where}.url: '{self.url}' is neither an http(s) URL nor a path on the site")
        if self.options.provider == "uptime-kuma" and self.url and not KUMA_URL.search(self.url):
            log.warning(
                f"{where}.url: '{self.url}' is not an Uptime Kuma status page's API: write "
                "url: https://status.example.com/api/status-page/SLUG (SLUG as in the page's address /status/SLUG)"
            )
        if not self.page:
            log.warning(
                f"{where}.page is not set: readers cannot be sent to a status page when the status is unavailable"
            )
        if self.refresh < 10:
            log.warning(f"{where}.refresh: {self.refresh} s is too often; using 10 s")
            self.refresh = 10
        if self.timeout < 1 or self.timeout >= self.refresh:
            fixed = max(1, min(self.timeout, self.refresh - 1))
            log.warning(f"{where}.timeout: {self.timeout} s must be between 1 s and refresh; using {fixed} s")
            self.timeout = fixed
        if self.max_age < self.refresh:
            log.warning(f"{where}.max_age: {self.max_age} s is shorter than refresh; using {self.refresh} s")
            self.max_age = self.refresh

    @property
    def enabled(self) -> bool:
        return bool(self.url or self.relay)

    def served_parts(self, parts: Iterable[str]) -> list[str]:
        """A bundle's parts as this site serves them (see ``served_parts``)."""
        if not self.enabled:
            return served_parts(parts, None)
        return served_parts(parts, reader_parts(self.options.provider, relay=bool(self.relay)))

    def settings(self, locale: str) -> dict[str, Any]:
        """What status.js reads from the banner host: the feed, its timing and every word, once per locale."""
        cached = self._settings.get(locale)
        if cached is None:
            catalog = self.renderer.catalogs.get(locale)
            info = self.locales[locale]
            cached = {
                "url": self.relay or self.url,
                "page": self.page,
                "provider": self.options.provider,
                "refresh": self.refresh,
                "timeout": self.timeout,
                "max_age": self.max_age,
                "banner": self.options.banner,
                "lang": info.html_lang,
                "texts": texts(catalog.gettext, catalog.ngettext, info.code, page=bool(self.page)),
            }
            self._settings[locale] = cached
        return cached

    def context(self, locale: str, page_url: str, components: Sequence[str]) -> StatusContext:
        """For the tree processor: the page's components and how its widgets are rendered."""
        if not self.enabled:
            return StatusContext(components, None)
        lang = self.locales[locale].html_lang
        page = site_link(self.page, page_url) if self.page else None

        def widget(names: Sequence[str]) -> str:
            return self.renderer.render(locale, "status-widget.html", lang=lang, components=list(names), page=page)

        return StatusContext(components, widget)

    def banner(self, locale: str, components: Sequence[str]) -> str:
        """The banner host (filled by status.js) and the page's one polite status region."""
        if not self.enabled:
            return ""
        return self.renderer.render(
            locale,
            "status-banner.html",
            lang=self.locales[locale].html_lang,
            settings=self.settings(locale),
            components=list(components),
        )
