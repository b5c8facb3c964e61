"""Translation completeness: the figures behind ``helpcenter i18n status`` and the build's dashboard page."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import translations
from .locales import CatalogError, po_path, read_catalog
from .sources import Article, HelpCenter


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


STATES = (
    translations.SOURCE,
    translations.TRANSLATED,
    translations.OUTDATED,
    translations.DRAFT,
    translations.MISSING,
    translations.UNTRACKED,
)
DONE = (translations.SOURCE, translations.TRANSLATED)


def progress_rows(
    base: Path, center: HelpCenter, locales: Iterable[str], docs_dir: Path, page_url: Callable[[str, str], str | None]
) -> list[dict[str, Any]]:
    """Per locale: how much is done (in words of articles, UI strings on their own) and the worklist.

    The worklist has a row for every article that is not done: its state, what changed in its
    source (part labels and a word-level diff, from the snapshot ``mark`` kept), the words to
    translate, the source and translation files (relative to the project) and the page.
    ``page_url(locale, article_id)`` is the article's page in a locale (None: none).
    """
    states = translations.all_states(center)
    content = docs_dir.name
    rows = []
    for locale in locales:
        path = po_path(base, locale)
        strings = string_stats(path, locale) if path.is_file() else StringStats(0, 0, 0)
        mine = [s for s in states if s.locale == locale]
        total = sum(_words(s.source) for s in mine)
        done = sum(_words(s.source) for s in mine if s.state in DONE)
        worklist = [_work(s, docs_dir, content, page_url) for s in mine if s.state not in DONE]
        rows.append(
            {
                "locale": locale,
                "strings": {
                    "translated": strings.translated,
                    "fuzzy": strings.fuzzy,
                    "untranslated": strings.untranslated,
                    "percent": _percent(strings.translated, strings.total),
                },
                "articles": {key: sum(1 for s in mine if s.state == key) for key in STATES},
                "words": {"done": done, "total": total, "to_translate": sum(w["words"] for w in worklist)},
                "percent": _percent(done, total),
                "outdated": {s.article_id: list(s.changed_steps) for s in mine if s.state == translations.OUTDATED},
                "missing": [s.article_id for s in mine if s.state in (translations.MISSING, translations.DRAFT)],
                "worklist": worklist,
            }
        )
    return rows


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 100.0


def _words(article: Article) -> int:
    return sum(article.words.values())


def _work(
    state: translations.TranslationState, docs_dir: Path, content: str, page_url: Callable[[str, str], str | None]
) -> dict[str, Any]:
    """One row of a locale's worklist."""
    source = state.source
    mine = state.translation or state.draft
    changed = translations.changed_keys(state) if state.state == translations.OUTDATED else []
    diffs = translations.snapshot_diffs(docs_dir, state) or {}
    keys = list(diffs) or changed
    words = sum(source.words.get(key, 0) for key in keys) if keys else _words(source)
    return {
        "id": state.article_id,
        "title": source.meta.title,
        "state": state.state,
        "words": words,
        "source": f"{content}/{source.src_uri}",
        "translation": f"{content}/{mine.src_uri}" if mine is not None and mine is not source else None,
        "url": page_url(state.locale, state.article_id),
        "changed": [
            {
                "part": key,
                "label": translations.part_label(key, source, lambda text: text),
                "diff": [list(op) for op in diffs.get(key, ())],
            }
            for key in keys
        ],
    }
