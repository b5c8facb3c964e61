"""Related articles: editor picks first, then suggestions scored from shared terms.

Suggestions come from an inverted index per locale (term -> articles), so the
cost grows with the number of shared terms, not with the square of the number
of articles. Terms shared by too many articles carry no signal and are not
used to find candidates (like Hugo's cardinality threshold); the category only
adds to the score of candidates found through tags or words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .sources import Article, HelpCenter, Problem

_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)


@dataclass(frozen=True)
class Weights:
    """Scoring settings (plugin config ``related``)."""

    limit: int = 5
    min_score: int = 20
    tags: int = 40
    category: int = 20
    terms: int = 5
    max_postings: int = 64
    """A term shared by more articles than this is not used to find candidates."""


@dataclass(frozen=True)
class Related:
    """One entry of an article's related list."""

    article: Article
    picked: bool
    score: int


def words(article: Article) -> frozenset[str]:
    """Significant words of the title and summary."""
    text = f"{article.meta.title} {article.meta.summary or ''}".lower()
    return frozenset(_WORD.findall(text))


def _terms(article: Article) -> set[str]:
    return {f"t:{tag.lower()}" for tag in article.meta.tags} | {f"w:{w}" for w in words(article)}


class RelatedIndex:
    """Per-locale inverted index over tags and title/summary words."""

    def __init__(self, center: HelpCenter, weights: Weights) -> None:
        self.center = center
        self.weights = weights
        self._terms: dict[str, set[str]] = {}
        self._postings: dict[str, dict[str, list[str]]] = {}
        for locale, articles in center.by_id.items():
            postings: dict[str, list[str]] = defaultdict(list)
            for article_id in sorted(articles):
                terms = _terms(articles[article_id])
                self._terms[articles[article_id].src_uri] = terms
                for term in terms:
                    postings[term].append(article_id)
            self._postings[locale] = dict(postings)

    def score(self, a: Article, b: Article) -> int:
        """How related two articles of one locale are."""
        ta, tb = self._terms[a.src_uri], self._terms[b.src_uri]
        shared = ta & tb
        total = sum(self.weights.tags if t.startswith("t:") else self.weights.terms for t in shared)
        if a.meta.category and a.meta.category == b.meta.category:
            total += self.weights.category
        return total

    def suggestions(self, article: Article, exclude: Iterable[str] = ()) -> list[Related]:
        """Computed suggestions in the article's own locale, best first, ties by id."""
        postings = self._postings.get(article.locale, {})
        articles = self.center.by_id[article.locale]
        skip = set(exclude) | {article.id}
        candidates: set[str] = set()
        for term in self._terms.get(article.src_uri, ()):
            ids = postings.get(term, ())
            if len(ids) <= self.weights.max_postings:
                candidates.update(ids)
        scored = []
        for other_id in candidates - skip:
            score = self.score(article, articles[other_id])
            if score >= self.weights.min_score:
                scored.append((-score, other_id))
        scored.sort()
        return [Related(articles[i], False, -s) for s, i in scored]

    def related(self, article: Article) -> list[Related]:
        """Editor picks in their order, then suggestions, up to the limit, no duplicates."""
        entries: list[Related] = []
        seen = {article.id}
        for pick in article.meta.related:
            if pick in seen:
                continue
            target = self.center.article(article.locale, pick) or self._fallback(pick)
            if target is None:
                continue
            seen.add(pick)
            entries.append(Related(target, True, 0))
        if len(entries) < self.weights.limit:
            for entry in self.suggestions(article, exclude=seen):
                entries.append(entry)
                if len(entries) >= self.weights.limit:
                    break
        return entries[: max(self.weights.limit, len([e for e in entries if e.picked]))]

    def _fallback(self, article_id: str) -> Article | None:
        """An untranslated pick: the source-language article."""
        translations = self.center.translations(article_id)
        default = translations.get(self.center.default_locale)
        return default or next(iter(translations.values()), None)


def check_references(center: HelpCenter) -> list[Problem]:
    """Dangling and self references in ``related``."""
    known = set(center.ids())
    problems = []
    for article in center.articles.values():
        for pick in article.meta.related:
            if pick == article.id:
                problems.append(
                    Problem(
                        article.src_uri,
                        f"front matter 'related': lists the article itself ('{pick}')",
                        article.line("related"),
                    )
                )
            elif pick not in known:
                problems.append(
                    Problem(
                        article.src_uri,
                        f"front matter 'related': no article has the id '{pick}'",
                        article.line("related"),
                    )
                )
    return problems
