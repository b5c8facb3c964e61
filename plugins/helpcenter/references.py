"""Every reference an editor writes, checked against what exists, with the fix in the message.

Links and their anchors (``[steg 2](guide.md#step-2)``), ``related`` ids and ``category`` ids:
each problem names the file and line the editor wrote and says what to write instead ("did you
mean …", the anchor a moved step has now, the id behind a category's slug). Checked on the
sources, once per file: an untranslated fallback copy never repeats its original's problems.
Pure functions over the source model, for the build and ``helpcenter check`` alike.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

from markdown.extensions.toc import unique

from . import navigation
from .problems import Problem, did_you_mean, quote
from .sources import Article, HelpCenter, References, Step

_STEP = re.compile(r"step-([0-9]+)\Z")
_INLINE_MARKUP = re.compile(r"<[^>]*>|[*`~]|(?<!\w)_+|_+(?!\w)")
_LINK_TEXT = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
SHOWN_ANCHORS = 5
"""At most this many of a page's anchors are listed when none is close to the one written."""


def anchors(references: References, article: Article | None, center: HelpCenter) -> list[str]:
    """The ids a page's headings get, in page order, as the ``toc`` extension gives them.

    A guide's steps keep their own anchors (``step-1`` or the editor's ``{#id}``); explicit ids are
    taken first, so a heading whose text gives a taken id gets ``_1`` as in the rendered page.
    """
    steps = {step.line: step.anchor for step in article.steps} if article is not None else {}
    used = {*references.ids, *steps.values()}
    found = []
    for heading in references.headings:
        anchor = steps.get(heading.line) or heading.anchor
        if anchor is None:
            text = _INLINE_MARKUP.sub("", _LINK_TEXT.sub(r"\1", heading.text))
            anchor = unique(center.slugify(text, center.separator), used)
        found.append(anchor)
    return [*found, *sorted(references.ids - set(found))]


def check_links(center: HelpCenter) -> list[Problem]:
    """Links of every source to a missing file, or to an anchor the target page does not have."""
    linked = _Pages(center)
    problems = []
    for uri in sorted(linked.sources):
        for link in linked.pages[uri][0].links:
            message = linked.problem(uri, link.target)
            if message:
                problems.append(Problem(uri, f"link {quote(link.target)}: {message}", link.line, "broken-link"))
    return problems


class _Pages:
    """The pages a link may point at, with their anchors (worked out once per page, when asked)."""

    def __init__(self, center: HelpCenter) -> None:
        self.center = center
        self.pages: dict[str, tuple[References, Article | None]] = {
            **{home.src_uri: (home.references, None) for home in center.homes.values()},
            **{uri: (article.references, article) for uri, article in center.articles.items()},
        }
        self.sources = set(self.pages)
        """The files editors wrote; the rest are untranslated articles' copies (never checked twice)."""
        for locale in center.locales:  # an untranslated article is shown at its own path in every locale
            for article in center.by_id.get(center.default_locale, {}).values():
                copy = f"{locale}/{article.src_uri.partition('/')[2]}"
                if center.article(locale, article.id) is None and copy not in self.pages:
                    self.pages[copy] = (article.references, article)
        generated = {listing.src_uri for per in navigation.category_listings(center).values() for listing in per}
        self.existing = center.files | generated | set(self.pages)
        self._anchors: dict[str, list[str]] = {}

    def anchors(self, uri: str) -> list[str]:
        if uri not in self._anchors:
            references, article = self.pages[uri]
            self._anchors[uri] = anchors(references, article, self.center)
        return self._anchors[uri]

    def problem(self, uri: str, target: str) -> str:
        """What is wrong with a link of ``uri`` to ``target``, and what to write (empty: nothing)."""
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or target.startswith("/") or parts.path.endswith("/"):
            return ""  # another site, an absolute path or a folder: not a file of the content folder
        folder = posixpath.dirname(uri)
        path = unquote(parts.path)
        resolved = posixpath.normpath(posixpath.join(folder, path)) if path else uri
        if resolved not in self.existing:
            locale = uri.partition("/")[0]
            anchor = f"#{parts.fragment}" if parts.fragment else ""
            named = self.center.article(locale, posixpath.basename(path).removesuffix(".md"))
            if named is not None:  # an article's id where its file belongs
                file = posixpath.relpath(named.src_uri, folder or ".")
                return f"{quote(named.id)} is the id of {named.src_uri}; link to its file: {quote(file + anchor)}"
            kind = [
                e for e in self.existing if e.startswith(locale + "/") and e.endswith(".md") == path.endswith(".md")
            ]
            hint = did_you_mean(path, [posixpath.relpath(e, folder or ".") for e in kind], "{}" + anchor)
            return f"{resolved} does not exist; " + (hint or "link to an article's .md file, or remove the link")
        fragment = unquote(parts.fragment)
        if not fragment or resolved not in self.pages or fragment in self.anchors(resolved):
            return ""
        known = self.anchors(resolved)
        page = resolved if path else "this page"
        missing = f"{page} has no anchor {quote(fragment)}"
        step = _moved_step(fragment, self.pages[resolved][1])
        if step is not None:
            return (
                f"{missing}: step {step.number} ({quote(step.title)}) has the anchor {quote(step.anchor)} now; "
                f"write {quote(f'{path}#{step.anchor}')}"
            )
        hint = did_you_mean(fragment, known, f"{path}#{{}}")
        if hint:
            return f"{missing}; {hint}"
        if not known:
            return f"{missing}, nor any heading: link to {quote(path or '#')} alone"
        listed = ", ".join(quote(f"{path}#{a}") for a in known[:SHOWN_ANCHORS])
        return f"{missing}; link to one of {listed}" + (", …" if len(known) > SHOWN_ANCHORS else "")


def _moved_step(fragment: str, article: Article | None) -> Step | None:
    """The step ``#step-N`` named, when that step has an anchor of its own now."""
    match = _STEP.match(fragment)
    if match is None or article is None or not 1 <= int(match.group(1)) <= len(article.steps):
        return None
    return article.steps[int(match.group(1)) - 1]


def check_related(center: HelpCenter) -> list[Problem]:
    """``related`` ids that name no article, or the article itself."""
    known = center.ids()
    problems = []
    for article in center.articles.values():
        for pick in article.meta.related:
            if pick == article.id:
                message = f"lists the article itself ({quote(pick)}); remove it from the list"
            elif pick not in center.by_id.get(article.locale, {}) and pick not in known:
                message = f"no article has the id {quote(pick)}; " + (
                    did_you_mean(pick, known) or "write the 'id' of an article, as its front matter says"
                )
            else:
                continue
            problems.append(
                Problem(
                    article.src_uri, f"front matter 'related': {message}", article.line("related"), "dangling-related"
                )
            )
    return problems


def check_categories(center: HelpCenter) -> list[Problem]:
    """Articles naming a category their locale's categories file does not define; a category of
    the source locale another locale's file lacks is one problem of that file (its pages show the
    source's words meanwhile)."""
    problems = []
    shown: dict[str, set[str]] = {}
    for locale in center.locales:
        missing = navigation.missing_categories(center, locale)
        shown[locale] = {c.id for c in missing}
        if missing and not center.categories.get(locale):  # no categories file at all: one problem, not one a category
            source = missing[0].language
            message = (
                f"missing: {len(missing)} categories show their {source} titles meanwhile; create it with each "
                f"category's id, 'title' and 'slug' in this locale's words ('helpcenter i18n add-locale {locale} "
                "--write' starts it from the source's)"
            )
            problems.append(Problem(f"{locale}/categories.yml", message, None, "missing-category"))
            continue
        for lacking in missing:
            message = (
                f"lacks the category {quote(lacking.id)} that {lacking.language} articles use: its pages show "
                f"the {lacking.language} title {quote(lacking.title)} meanwhile; add {lacking.id}: with a "
                f"'title' in this locale's words"
            )
            problems.append(Problem(f"{locale}/categories.yml", message, None, "missing-category"))
    for article in center.articles.values():
        category = article.meta.category
        defined = center.categories.get(article.locale, {})
        if not category or category in defined or category in shown[article.locale]:
            continue
        where = f"{article.locale}/categories.yml"
        by_slug = next((c for c in defined.values() if c.slug == category), None)
        if by_slug is not None:
            hint = f"{quote(category)} is the slug of category {quote(by_slug.id)}; write category: {by_slug.id}"
        else:
            hint = f"{quote(category)} is not in {where}; " + (
                did_you_mean(category, defined) or f"write one of its ids ({', '.join(defined) or 'none yet'})"
            )
        problems.append(
            Problem(article.src_uri, f"front matter 'category': {hint}", article.line("category"), "unknown-category")
        )
    return problems
