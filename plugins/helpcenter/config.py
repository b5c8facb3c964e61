"""Configuration schemas: the plugin's options and the front matter of an article.

Both are MkDocs ``Config`` classes, as mkdocs-material validates its blog posts:
validation problems come back as (key, message) pairs the caller reports.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config, ValidationError

from .problems import quote

# "\Z", not "$": "$" also matches before a trailing newline ("id: |\n  a\n" would pass).
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
LOCALE_PATTERN = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*\Z")
SLUG_PATTERN = re.compile(r"^[^\W_A-Z]+(?:-[^\W_A-Z]+)*\Z")
"""A category's URL segment: lowercase letters (any script), digits, single hyphens; no dots or slashes."""


class _SupportConfig(Config):
    url = c.Optional(c.Type(str))
    """Where a reader who is still stuck gets help (chat, contact form)."""
    label = c.Optional(c.Type(str))
    """Link text; the catalog's "Contact support" when unset."""


class _FeedbackConfig(Config):
    endpoint = c.Optional(c.Type(str))
    """URL that receives checklist events as JSON through ``navigator.sendBeacon``."""


class RelatedOptions(Config):
    limit = c.Type(int, default=5)
    """How many related articles at most (editor picks included)."""
    min_score = c.Type(int, default=20)
    """Computed suggestions scoring below this are left out."""
    weight_tags = c.Type(int, default=40)
    """Score per shared tag."""
    weight_category = c.Type(int, default=20)
    """Score for the same category."""
    weight_terms = c.Type(int, default=5)
    """Score per shared significant title/summary word."""


class _StatusConfig(Config):
    url = c.Optional(c.Type(str))
    """Status feed: absolute URL or a path relative to the site root (what the relay reads, with ``relay``)."""
    relay = c.Optional(c.Type(str))
    """Path on the site of the record ``helpcenter status relay`` writes; the widget reads it, not ``url``."""
    max_age = c.Type(int, default=600)
    """Seconds after the upstream's last answer that the widget says "unavailable" instead."""
    page = c.Optional(c.Type(str))
    """The human-readable status page readers are sent to."""
    provider = c.Choice(("statuspage", "cachet", "uptime-kuma"), default="statuspage")
    """Shape of the feed: Atlassian Statuspage v2 ``summary.json``, Cachet 2 or 3, or Uptime Kuma's status page."""
    refresh = c.Type(int, default=60)
    """Seconds between polls while the tab is visible."""
    timeout = c.Type(int, default=5)
    """Seconds before a fetch is given up and the widget says it cannot tell."""
    banner = c.Choice(("all", "components", "major"), default="all")
    """Which incidents raise the site-wide banner."""


class HelpcenterConfig(Config):
    """Options of the ``helpcenter`` plugin."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off (the site then builds as plain MkDocs)."""

    # Locales
    default_locale = c.Type(str, default="en")
    """Locale of the source articles and of ``/`` when no browser language matches."""
    locales = c.DictOfItems(c.Type(str), default={})
    """Locale code -> display name, in switcher order. Each has a ``content/<code>/`` tree."""
    fallback = c.DictOfItems(c.ListOfItems(c.Type(str)), default={})
    """Locale code -> the locales whose articles its readers get, in order, where it has no translation
    (``de: [en, sv]``); the source locale (``default_locale``) comes last in every chain."""

    # Guides
    support = c.SubConfig(_SupportConfig)
    """Contact-support call to action shown when a guide did not help."""
    feedback = c.SubConfig(_FeedbackConfig)
    """Optional endpoint for checklist events."""

    # Search
    search = c.Type(bool, default=True)
    """Build each locale's search index (Pagefind) and show the search box in the header and on the home
    pages; ``false`` for a site that brings a search of its own (nothing is indexed, no box is shown)."""

    # Related articles
    related = c.SubConfig(RelatedOptions)
    """Related-article suggestions."""

    # Live status
    status = c.SubConfig(_StatusConfig)
    """Live status widget and incident banner."""


class _ArticleId(c.Type[str]):
    def __init__(self) -> None:
        super().__init__(str)
        self.required = True

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        if not ID_PATTERN.fullmatch(text):
            raise ValidationError(f"{quote(text)} is not a valid id: use lowercase letters, digits and hyphens")
        return text


class _Text(c.Type[str]):
    """A required, non-empty string."""

    def __init__(self, required: bool = False) -> None:
        super().__init__(str)
        self.required = required

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        if not text.strip():
            raise ValidationError("must not be empty")
        return text


class _Date(BaseConfigOption[datetime.date]):
    def run_validation(self, value: object) -> datetime.date:
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        raise ValidationError(f"expected a date like 2026-11-20, got {quote(value)}")


class _Fingerprints(BaseConfigOption[dict[str, Any]]):
    """``translated_from``: fingerprints of the source a translation was made from."""

    def run_validation(self, value: object) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise ValidationError("expected a mapping with 'article' and 'steps'")
        if value.get("draft") is True:  # written by 'helpcenter i18n scaffold'; 'mark' replaces it
            unknown = set(value) - {"locale", "draft"}
            if unknown:
                raise ValidationError(f"a draft records only 'locale': unknown key(s) {', '.join(map(str, unknown))}")
            return {"locale": value.get("locale"), "draft": True}
        article = value.get("article")
        steps = value.get("steps", {})
        if not isinstance(article, str) or not isinstance(steps, dict):
            raise ValidationError("expected 'article: <fingerprint>' and 'steps: {anchor: fingerprint}'")
        if any(not isinstance(k, str) or not isinstance(v, str) for k, v in steps.items()):
            raise ValidationError("'steps' maps step anchors to fingerprints (strings)")
        parts = value.get("parts", {})
        if not isinstance(parts, dict) or any(not isinstance(v, str) for v in parts.values()):
            raise ValidationError("'parts' maps parts of the article (title, summary, …) to fingerprints (strings)")
        unknown = set(value) - {"article", "steps", "locale", "parts"}
        if unknown:
            raise ValidationError(f"unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        return {"article": article, "steps": dict(steps), "parts": dict(parts), "locale": value.get("locale")}


class _Choice(c.Choice):  # type: ignore[type-arg]
    """A choice whose message quotes at most a short part of what was written."""

    def run_validation(self, value: object) -> Any:
        if value not in self.choices:
            raise ValidationError(f"expected one of {', '.join(self.choices)}, got {quote(value)}")
        return value


class ArticleMeta(Config):
    """Front matter of one article."""

    id = _ArticleId()
    """Stable id, the same in every translation."""
    title = _Text(required=True)
    summary = c.Optional(_Text())
    type = _Choice(("guide", "article"), default="article")
    category = c.Optional(c.Type(str))
    tags = c.ListOfItems(_Text(), default=[])
    related = c.ListOfItems(c.Type(str), default=[])
    status = c.ListOfItems(_Text(), default=[])
    updated = c.Optional(_Date())
    translated_from = c.Optional(_Fingerprints())
    """Set by ``helpcenter i18n scaffold/mark`` on translations."""


class HomeMeta(Config):
    """Front matter of a locale's home page (``content/<locale>/index.md``): what of an article's makes
    sense for it (no type, category, related or status: the home page is the locale's own)."""

    id = c.Optional(_ArticleId())
    """Accepted as on articles (a copied article's front matter need not be trimmed); homes are
    tied across locales by their folder."""
    title = c.Optional(_Text())
    """Names the locale's site (the header); the page itself is "Home"."""
    summary = c.Optional(_Text())
    tags = c.ListOfItems(_Text(), default=[])
    updated = c.Optional(_Date())


class CategoryMeta(Config):
    """One entry of ``content/<locale>/categories.yml``."""

    title = _Text(required=True)
    description = c.Optional(_Text())
    slug = c.Optional(c.Type(str))


EXAMPLES: dict[type[Config], dict[str, str]] = {
    ArticleMeta: {
        "id": "webmail-login",
        "title": "Jag kan inte logga in på Webbmail",
        "summary": "Så felsöker du steg för steg.",
        "type": "guide",
        "category": "email",
        "tags": "[webbmail, inloggning]",
        "related": "[email-intro]",
        "status": "[Webmail]",
        "updated": "2026-10-14",
    },
    HomeMeta: {
        "title": "Hjälpcenter",
        "summary": "Svar på dina frågor om e-post, domäner och webbplatser.",
        "tags": "[hjälp, support]",
        "updated": "2026-10-14",
    },
    CategoryMeta: {"title": "E-post", "description": "Skapa e-postkonton och läs din e-post.", "slug": "e-post"},
}
"""A value of each key of each schema, for messages that say what to write."""
