"""``helpcenter check``: the editors' report on the whole help center.

Errors (non-zero exit): anything a strict build would fail on in the sources
(invalid front matter, dangling or self ``related`` ids, unknown categories).
Warnings: orphans (no category lists them and nothing links to them),
one-way related pairs, articles without tags, guides without checks.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass
from typing import Any

from . import site, translations
from .project import ProjectError, load_project
from .related import check_references
from .sources import HelpCenter


@dataclass(frozen=True)
class Finding:
    level: str
    kind: str
    file: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{self.level}: {where}: {self.message} [{self.kind}]"


def findings(center: HelpCenter) -> list[Finding]:
    """Every problem of the help center, errors first, then by file."""
    found = [Finding("error", "source", p.path, p.message, p.line) for p in center.problems]
    for problem in check_references(center):
        found.append(Finding("error", "dangling-related", problem.path, problem.message, problem.line))
    for problem in site.check_categories(center):
        found.append(Finding("error", "unknown-category", problem.path, problem.message, problem.line))
    for problem in translations.check(center):
        found.append(Finding("error", "translation", problem.path, problem.message, problem.line))
    linked: set[tuple[str, str]] = set()
    for article in center.articles.values():
        for pick in article.meta.related:
            linked.add((article.locale, pick))
    for article in sorted(center.articles.values(), key=lambda a: a.src_uri):
        listed = bool(article.meta.category) and article.meta.category in center.categories.get(article.locale, {})
        if not listed and (article.locale, article.id) not in linked:
            found.append(
                Finding("warning", "orphan", article.src_uri, "no category lists it and no article links to it")
            )
        for pick in article.meta.related:
            other = center.article(article.locale, pick)
            if other is not None and article.id not in other.meta.related:
                found.append(
                    Finding(
                        "warning",
                        "one-way-related",
                        article.src_uri,
                        f"lists '{pick}' as related, but '{pick}' does not list '{article.id}'",
                    )
                )
        if not article.meta.tags:
            found.append(Finding("warning", "no-tags", article.src_uri, "has no tags: related suggestions need them"))
        if article.is_guide and article.steps and not any(step.checks for step in article.steps):
            found.append(Finding("warning", "no-checks", article.src_uri, "is a guide, but no step has '- [ ]' checks"))
    order = {"error": 0, "warning": 1}
    return sorted(found, key=lambda f: (order[f.level], f.file, f.line or 0, f.kind))


def _cmd_check(args: argparse.Namespace) -> int:
    try:
        project = load_project(args.config_file)
    except ProjectError as error:
        print(f"helpcenter check: {error}", file=sys.stderr)
        return 2
    result = findings(project.center)
    errors = sum(1 for f in result if f.level == "error")
    if args.format == "json":
        payload: dict[str, Any] = {
            "errors": errors,
            "warnings": len(result) - errors,
            "findings": [asdict(f) for f in result],
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        for finding in result:
            print(finding)
        print(f"{errors} errors, {len(result) - errors} warnings in {len(project.center.articles)} articles")
    return 1 if errors else 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("check", help="editors' report: broken references, orphans, missing tags and checks")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=_cmd_check)
