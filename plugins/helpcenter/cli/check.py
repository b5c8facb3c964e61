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
from typing import Any

from .. import intake
from ..locales import Catalogs, package_catalog_dir
from ..problems import ERROR, Problem
from .project import Project, load_project


def project_findings(project: Project) -> list[Problem]:
    """``findings`` of a project, with the problems of the catalogs its build would use."""
    catalogs = Catalogs([package_catalog_dir()])
    build = [*intake.catalog_problems(catalogs, project.locales), *project.plan.problems]
    return intake.findings(project.center, build, status_feed=bool((project.plugin.status.url or "").strip()))


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
            print(f"{errors} error{'' if errors == 1 else 's'} in {articles} articles{more}")
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
