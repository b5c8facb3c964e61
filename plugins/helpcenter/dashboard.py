"""Translation completeness: the figures behind ``helpcenter i18n status`` and the build's dashboard page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import translations
from .locales import CatalogError, po_path, read_catalog
from .sources import HelpCenter


@dataclass(frozen=True)
class StringStats:
    translated: int
    fuzzy: int
    untranslated: int

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated


def string_stats(path: Path, locale: str) -> StringStats:
    """Counts of one catalog; a catalog that cannot be read counts as nothing translated
    (its problem is reported where catalogs are loaded: the build, ``helpcenter i18n check``)."""
    try:
        catalog, _raw = read_catalog(path, locale)
    except CatalogError:
        return StringStats(0, 0, 0)
    translated = fuzzy = untranslated = 0
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if message.fuzzy:
            fuzzy += 1
        elif all(strings):
            translated += 1
        else:
            untranslated += 1
    return StringStats(translated, fuzzy, untranslated)


def status_rows(base: Path, center: HelpCenter, locales: Iterable[str]) -> list[dict[str, Any]]:
    """Per locale: UI strings and articles, with a completeness percentage."""
    states = translations.all_states(center)
    rows = []
    for locale in locales:
        path = po_path(base, locale)
        strings = string_stats(path, locale) if path.is_file() else StringStats(0, 0, 0)
        mine = [s for s in states if s.locale == locale]
        counts = {
            key: sum(1 for s in mine if s.state == key)
            for key in (
                translations.SOURCE,
                translations.TRANSLATED,
                translations.OUTDATED,
                translations.MISSING,
                translations.UNTRACKED,
            )
        }
        done = strings.translated + counts[translations.SOURCE] + counts[translations.TRANSLATED]
        total = strings.total + len(mine)
        rows.append(
            {
                "locale": locale,
                "strings": {
                    "translated": strings.translated,
                    "fuzzy": strings.fuzzy,
                    "untranslated": strings.untranslated,
                },
                "articles": counts,
                "outdated": {s.article_id: list(s.changed_steps) for s in mine if s.state == translations.OUTDATED},
                "missing": [s.article_id for s in mine if s.state == translations.MISSING],
                "percent": round(100 * done / total, 1) if total else 100.0,
            }
        )
    return rows
