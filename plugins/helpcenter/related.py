"""Related articles: editor picks first, then suggestions scored from shared terms.

Suggestions come from an inverted index per locale (term -> articles), so the
cost grows with the number of shared terms, not with the square of the number
of articles. Terms shared by too many articles carry no signal and are not
used to find candidates (like Hugo's cardinality threshold); the category only
adds to the score of candidates found through tags or words.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .config import RelatedOptions
from .sources import Article, HelpCenter

_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)


@dataclass(frozen=True)
class Weights:
    """Scoring settings: the plugin's ``related`` options (their defaults are the options' own)."""

    limit: int = RelatedOptions.limit.default
    min_score: int = RelatedOptions.min_score.default
    tags: int = RelatedOptions.weight_tags.default
    category: int = RelatedOptions.weight_category.default
    terms: int = RelatedOptions.weight_terms.default
    max_postings: int = 64
    """A term shared by more articles than this is not used to find candidates."""

    @classmethod
    def of(cls, options: RelatedOptions) -> Weights:
        """The weights a site configured."""
        return cls(
            limit=options.limit,
            min_score=options.min_score,
            tags=options.weight_tags,
            category=options.weight_category,
            terms=options.weight_terms,
        )


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
    """Per-locale inverted index over tags and title/summary words.

    An article's score for another is the sum of the weights of the terms they share, plus the
    category weight when they share the category. As in Hugo's cardinality threshold, a term on
    more than ``max_postings`` articles of a locale says little and is not counted. Scores are
    accumulated while walking the article's terms' posting lists, so the work per article grows
    with the shared terms (at most terms x max_postings), never with the number of articles.
    """

    def __init__(self, center: HelpCenter, weights: Weights) -> None:
        self.center = center
        self.weights = weights
        self._terms: dict[str, set[str]] = {}
        self._postings: dict[str, dict[str, list[str]]] = {}
        self._walk: dict[str, list[tuple[list[str], int]]] = {}
        self._members: dict[tuple[str, str], frozenset[str]] = {}
        for locale, articles in center.by_id.items():
            postings: dict[str, list[str]] = defaultdict(list)
            members: dict[str, set[str]] = defaultdict(set)
            for article_id in sorted(articles):
                article = articles[article_id]
                terms = _terms(article)
                self._terms[article.src_uri] = terms
                for term in terms:
                    postings[term].append(article_id)
                if article.meta.category:
                    members[article.meta.category].add(article_id)
            self._postings[locale] = dict(postings)
            for category, ids in members.items():
                self._members[(locale, category)] = frozenset(ids)

    def _weight(self, term: str) -> int:
        return self.weights.tags if term.startswith("t:") else self.weights.terms

    def _informative(self, article: Article) -> list[tuple[list[str], int]]:
        """The article's terms that are rare enough to count: (posting list, weight)."""
        walk = self._walk.get(article.src_uri)
        if walk is None:
            postings = self._postings.get(article.locale, {})
            walk = [
                (ids, self._weight(term))
                for term in sorted(self._terms.get(article.src_uri, ()))
                if len(ids := postings.get(term, [])) <= self.weights.max_postings
            ]
            self._walk[article.src_uri] = walk
        return walk

    def score(self, a: Article, b: Article) -> int:
        """How related two articles of one locale are."""
        postings = self._postings.get(a.locale, {})
        shared = self._terms[a.src_uri] & self._terms[b.src_uri]
        total = sum(self._weight(t) for t in shared if len(postings.get(t, ())) <= self.weights.max_postings)
        if a.meta.category and a.meta.category == b.meta.category:
            total += self.weights.category
        return total

    def suggestions(self, article: Article, exclude: Iterable[str] = (), limit: int | None = None) -> list[Related]:
        """Computed suggestions in the article's own locale, best first, ties by id."""
        scores: dict[str, int] = defaultdict(int)
        for ids, weight in self._informative(article):
            for other in ids:
                scores[other] += weight
        for skipped in (*exclude, article.id):
            scores.pop(skipped, None)
        if article.meta.category:
            same = self._members.get((article.locale, article.meta.category), frozenset())
            for other in scores.keys() & same:
                scores[other] += self.weights.category
        floor = self.weights.min_score
        ranked = [(-score, other) for other, score in scores.items() if score >= floor]
        best = heapq.nsmallest(limit, ranked) if limit is not None else sorted(ranked)
        articles = self.center.by_id[article.locale]
        return [Related(articles[other], False, -score) for score, other in best]

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
            for entry in self.suggestions(article, exclude=seen, limit=self.weights.limit - len(entries)):
                entries.append(entry)
                if len(entries) >= self.weights.limit:
                    break
        return entries[: max(self.weights.limit, len([e for e in entries if e.picked]))]

    def _fallback(self, article_id: str) -> Article | None:
        """An untranslated pick: the source-language article."""
        translations = self.center.translations(article_id)
        default = translations.get(self.center.default_locale)
        return default or next(iter(translations.values()), None)
