"""``helpcenter check``: the editors' report on the whole help center.

Errors (non-zero exit): exactly what a strict build warns about, from the same functions
(invalid front matter, broken links and anchors, dangling or self ``related`` ids, unknown
categories), each once, at the file and line the editor wrote.
Suggestions, listed only with ``--suggestions`` and never counted as errors: orphans (no
category lists them and nothing links to them), one-way related pairs, articles without tags,
guides without checks.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from typing import Any

from . import intake
from .locales import Catalogs, package_catalog_dir
from .problems import ADVICE, ERROR, Problem, quote
from .project import Project, load_project
from .sources import HelpCenter


def findings(center: HelpCenter, build_problems: Iterable[Problem] = (), status_feed: bool = True) -> list[Problem]:
    """Every problem of the help center, errors first, then by file.

    The errors are exactly what the build warns about (the same functions find them);
    the warnings are editorial advice the build does not give.
    """
    found = [*build_problems, *intake.problems(center, status_feed)]
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
    order = {ERROR: 0, ADVICE: 1}
    return sorted(found, key=lambda f: (order[f.level], f.path, f.line or 0, f.kind))


def project_findings(project: Project) -> list[Problem]:
    """``findings`` of a project, with the problems of the catalogs its build would use."""
    catalogs = Catalogs([package_catalog_dir()])
    build = [*intake.catalog_problems(catalogs, project.locales), *project.plan.problems]
    return findings(project.center, build, status_feed=bool((project.plugin.status.url or "").strip()))


def _advice(path: str, message: str, kind: str) -> Problem:
    return Problem(path, message, kind=kind, level=ADVICE)


def _line(problem: Problem) -> str:
    return f"{problem.level}: {problem} [{problem.kind}]"


def _json(problem: Problem) -> dict[str, Any]:
    return {
        "level": problem.level,
        "kind": problem.kind,
        "file": problem.path,
        "message": problem.message,
        "line": problem.line,
    }


def _cmd_check(args: argparse.Namespace) -> int:
    project = load_project(args.config_file)
    result = project_findings(project)
    errors = sum(1 for f in result if f.level == ERROR)
    suggestions = len(result) - errors
    shown = result if args.suggestions else [f for f in result if f.level == ERROR]
    if args.format == "json":
        payload: dict[str, Any] = {
            "errors": errors,
            "suggestions": suggestions,
            "findings": [_json(f) for f in shown],
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        for finding in shown:
            print(_line(finding))
        articles = len(project.center.articles)
        if args.suggestions:
            print(f"{errors} errors, {suggestions} suggestions in {articles} articles")
        else:
            more = f"; {suggestions} suggestions (helpcenter check --suggestions lists them)" if suggestions else ""
            print(f"{errors} errors in {articles} articles{more}")
    return 1 if errors else 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "check", help="editors' report: what the build warns about; --suggestions: orphans, missing tags, …"
    )
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--suggestions",
        action="store_true",
        help="also list editorial suggestions (orphans, one-way related pairs, missing tags); never errors",
    )
    parser.set_defaults(handler=_cmd_check, prog=parser.prog)
