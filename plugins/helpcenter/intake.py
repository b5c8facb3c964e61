"""One way in, one way out: content files become source records here, and every problem
the build warns about is listed here.

The plugin (``on_files``) and ``helpcenter check`` both call :func:`read_help_center` and
:func:`problems`, so the command reports exactly what a strict build fails on.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from markdown.extensions.toc import slugify as toc_slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from . import references, translations
from .locales import Catalogs
from .problems import ADVICE, ERROR, Problem, quote
from .sources import CATEGORIES, HOME, HelpCenter, Slugify, SourceFile, build_help_center

UrlOf = Callable[[str], str]
"""The URL the site gives a source path (``sv/e-post/index.md`` -> ``sv/e-post/``)."""


def page_urls(config: MkDocsConfig) -> UrlOf:
    """The URL MkDocs gives a page at a source path, under this configuration (cached: asked per page)."""

    @functools.cache
    def url_of(src_uri: str) -> str:
        return File(src_uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls).url

    return url_of


def claim_files(uris: Iterable[str], url_of: UrlOf) -> tuple[dict[str, str], list[Problem]]:
    """Which page file has each URL: the first in path order; every later one is a problem.

    The plugin leaves the later ones out of the build (and out of the source model)."""
    claims: dict[str, str] = {}
    problems = []
    for uri in sorted(u for u in uris if u.endswith(".md")):
        url = url_of(uri)
        first = claims.setdefault(url, uri)
        if first != uri:
            problems.append(
                Problem(uri, f"has the URL /{url} of {first}; rename or move one of them (this one is not built)")
            )
    return claims, problems


def decode(data: bytes) -> str | None:
    """A content file's text (a UTF-8 byte-order mark dropped), or None when it is not UTF-8 text."""
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


@dataclass
class Reading:
    """What the content folder holds, as the model reads it."""

    sources: list[SourceFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dropped: list[File] = field(default_factory=list)
    """Files the site must not build or copy (category files, unreadable or refused files)."""


def _outside(file: File, docs_dir: str) -> str | None:
    """Where a content file that is a link out of the content folder really is (None: it is inside).

    Only the content folder's own files are judged (the theme's come from elsewhere by design).
    """
    if not file.abs_src_path or not file.src_dir or os.path.abspath(file.src_dir) != os.path.abspath(docs_dir):
        return None
    real = os.path.realpath(file.abs_src_path)
    root = os.path.realpath(docs_dir)
    return None if real == root or real.startswith(root.rstrip(os.sep) + os.sep) else real


def read_files(files: Iterable[File], locales: Collection[str], default_locale: str, docs_dir: str) -> Reading:
    """Every content file the model reads, decoded once; files outside locale folders are left out."""
    reading = Reading()
    for file in list(files):
        if file.inclusion.is_excluded():  # exclude_docs, dot folders (a locale's .sources/ snapshots)
            continue
        target = _outside(file, docs_dir)
        if target is not None:
            reading.problems.append(
                Problem(
                    file.src_uri,
                    f"is a link to {quote(target)}, outside {Path(docs_dir).name}/: links that leave the "
                    "content folder are not published; copy the file into it instead",
                    kind="outside-content",
                )
            )
            reading.dropped.append(file)
            continue
        locale, _, rest = file.src_uri.partition("/")
        if not (file.src_uri.endswith(".md") or rest == CATEGORIES):
            continue
        if locale not in locales and file.is_documentation_page():
            where = (
                f"{quote(locale)} is not a configured locale (locales: {', '.join(locales)})"
                if rest
                else f"content belongs in a locale folder, e.g. {default_locale}/{file.src_uri}"
            )
            reading.problems.append(Problem(file.src_uri, f"{where}; the file is not built", kind="no-locale"))
            reading.dropped.append(file)
            continue
        try:
            text = decode(file.content_bytes)
        except OSError as error:
            reading.problems.append(
                Problem(file.src_uri, f"cannot be read ({error.strerror or error})", kind="unreadable")
            )
            reading.dropped.append(file)
            continue
        reading.sources.append(SourceFile(file.src_uri, file.url, text))
        if rest == CATEGORIES or text is None:
            reading.dropped.append(file)
    return reading


def heading_ids(config: MkDocsConfig) -> tuple[Slugify, str]:
    """How this site's ``toc`` extension turns a heading into its id: (slugify, separator)."""
    toc = config.mdx_configs.get("toc", {})
    return toc.get("slugify", toc_slugify), toc.get("separator", "-")


def read_help_center(
    files: Iterable[File],
    locales: Collection[str],
    default_locale: str,
    docs_dir: str,
    url_of: UrlOf,
    ids: tuple[Slugify, str] = (toc_slugify, "-"),
) -> tuple[HelpCenter, list[File]]:
    """The model of the help center, and the files the site must leave out.

    One URL, one page: a file whose URL another file has is named and left out before anything
    reads it. ``ids`` is how headings get their ids (``heading_ids``), for the link checks."""
    files = list(files)
    _, clashes = claim_files((file.src_uri for file in files), url_of)
    losers = {problem.path for problem in clashes}
    reading = read_files([f for f in files if f.src_uri not in losers], locales, default_locale, docs_dir)
    center = build_help_center(default_locale, locales, reading.sources)
    center.problems[:0] = [*clashes, *reading.problems]
    # A draft translation is the translator's, not the readers': they get the fallback until it is marked.
    unbuilt = losers | {draft.src_uri for draft in center.drafts.values()}
    left_out = [*(f for f in files if f.src_uri in unbuilt), *reading.dropped]
    center.files = frozenset(f.src_uri for f in files) - {f.src_uri for f in left_out}
    center.slugify, center.separator = ids
    return center, left_out


def problems(center: HelpCenter, status_feed: bool = True) -> list[Problem]:
    """Every problem of the sources the build warns about (so ``--strict`` fails), in one list.

    ``status_feed``: whether mkdocs.yml configures a status feed (``status.url``); without one,
    what asks for the live status widget is a problem of its own."""
    found = list(center.problems)
    if not status_feed:
        found += _feedless(center)
    found += references.check_related(center)
    found += references.check_categories(center)
    found += references.check_links(center)
    found += [_kind(p, "translation") for p in translations.check(center)]
    for locale in center.locales:
        if locale not in center.homes:
            found.append(
                Problem(
                    f"{locale}/{HOME}",
                    "missing; every locale needs a home page (its front matter 'title' names the site)",
                    kind="missing-home",
                )
            )
    return found


def _feedless(center: HelpCenter) -> list[Problem]:
    """Status components and ``/// status`` blocks in a site without a status feed."""
    setting = "mkdocs.yml sets no plugins.helpcenter.status.url"
    found = []
    for article in sorted(center.articles.values(), key=lambda a: a.src_uri):
        if article.meta.status:
            found.append(
                Problem(
                    article.src_uri,
                    f"front matter lists status components ({', '.join(article.meta.status)}) but {setting}; no "
                    "live status is shown: set status.url (and status.page) there, or remove 'status'",
                    article.line("status"),
                    kind="status",
                )
            )
        found += [
            Problem(
                article.src_uri,
                f"'/// status' block but {setting}; the block is left out: set status.url there, or remove the block",
                line,
                kind="status",
            )
            for line in article.status_blocks
        ]
    return found


def findings(center: HelpCenter, build_problems: Iterable[Problem] = (), status_feed: bool = True) -> list[Problem]:
    """Every problem of the help center, errors first, then by file.

    The errors are exactly what the build warns about (the same functions find them);
    the suggestions are editorial advice the build does not give.
    """
    return ordered([*build_problems, *problems(center, status_feed), *suggestions(center)])


def ordered(found: Iterable[Problem]) -> list[Problem]:
    """Errors first, then suggestions, each by file and line."""
    order = {ERROR: 0, ADVICE: 1}
    return sorted(found, key=lambda f: (order[f.level], f.path, f.line or 0, f.kind))


def suggestions(center: HelpCenter) -> list[Problem]:
    """Advice an editor may reasonably ignore: orphans, one-way related pairs, missing tags and checks."""
    found: list[Problem] = []
    linked: set[tuple[str, str]] = set()
    for article in center.articles.values():
        for pick in article.meta.related:
            linked.add((article.locale, pick))
    for article in sorted(center.articles.values(), key=lambda a: a.src_uri):
        if not article.meta.category:  # an unknown category is an error (the build's)
            ids = ", ".join(center.categories.get(article.locale, {})) or f"none yet in {article.locale}/categories.yml"
            unlinked = "" if (article.locale, article.id) in linked else ", and no article lists it as related"
            message = f"has no 'category': no category page or home page lists it{unlinked}; add 'category:' ({ids})"
            found.append(_advice(article.src_uri, message, "orphan"))
        for pick in article.meta.related:
            other = center.article(article.locale, pick)
            if other is not None and article.id not in other.meta.related:
                message = f"lists {quote(pick)} as related, but {quote(pick)} does not list '{article.id}'"
                found.append(_advice(article.src_uri, message, "one-way-related"))
        if not article.meta.tags:
            found.append(_advice(article.src_uri, "has no tags: related suggestions need them", "no-tags"))
        if article.is_guide and article.steps and not any(step.checks for step in article.steps):
            found.append(_advice(article.src_uri, "is a guide, but no step has '- [ ]' checks", "no-checks"))
    return found


def _advice(path: str, message: str, kind: str) -> Problem:
    return Problem(path, message, kind=kind, level=ADVICE)


def catalog_problems(catalogs: Catalogs, locales: Iterable[str]) -> list[Problem]:
    """Problems of the UI-string catalogs of ``locales`` (the build reports them while loading)."""
    for locale in locales:
        catalogs.get(locale)
    return list(catalogs.problems)


def _kind(problem: Problem, kind: str) -> Problem:
    return problem if problem.kind != "source" else Problem(problem.path, problem.message, problem.line, kind)
