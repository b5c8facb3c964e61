"""Shared fixtures: build real sites through MkDocs's own API into tmp_path."""

from __future__ import annotations

import logging
import platform
import shutil
import subprocess
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from helpcenter import translations
from helpcenter.sources import SourceFile, build_help_center

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


# -- what ran ------------------------------------------------------------------------------------

PACKAGES = ("mkdocs", "mkdocs-material", "babel", "markdown", "pymdown-extensions", "playwright")


def _package(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def _tool(*command: str) -> str:
    """The first line a tool prints about its version (Java prints it on stderr), or why there is none."""
    if shutil.which(command[0]) is None:
        return "not found"
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"failed: {error}"
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if lines else f"exit {done.returncode}"


def pytest_report_header(config: pytest.Config) -> list[str]:
    """The versions this run used: libraries from the lock, and the machine's browser, Java and vnu."""
    packages = ", ".join(f"{name} {_package(name)}" for name in PACKAGES)
    chromium = _tool("chromium", "--version")
    java = _tool("java", "-version")
    vnu = _tool("java", "-jar", str(VNU_JAR), "--version") if VNU_JAR.is_file() else "not installed (npm ci)"
    return [
        f"python {platform.python_version()}, {packages}",
        f"chromium: {chromium}; java: {java}; vnu {vnu}",
    ]


@dataclass
class Built:
    """A built site and what the build logged."""

    site: Path
    messages: list[str] = field(default_factory=list)

    def html(self, path: str) -> BeautifulSoup:
        target = self.site / path
        if target.is_dir() or path.endswith("/"):
            target = target / "index.html"
        return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")

    def warnings(self) -> list[str]:
        return [m for m in self.messages if m.startswith("WARNING")]


class _Collect(logging.Handler):
    """Keeps ``LEVEL: message`` of every record; an exception logged with it adds a ``Traceback: …`` line."""

    def __init__(self, level: int = logging.INFO) -> None:
        super().__init__(level)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")
        if record.exc_info:
            self.messages.append("Traceback: " + repr(record.exc_info[1]))


@contextmanager
def captured(logger_name: str = "mkdocs") -> Iterator[list[str]]:
    """Everything MkDocs (and the plugin, its child logger) logs, kept also when the build raises."""
    handler = _Collect(logging.DEBUG)
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


def build_site(
    project: Path,
    *,
    strict: bool = False,
    plugin: dict | None = None,
    extra: dict | None = None,
) -> Built:
    """Build ``project`` (holding mkdocs.yml and content/) into project/site."""
    overrides: dict = {"site_dir": str(project / "site"), "strict": strict}
    if extra:
        overrides.update(extra)
    config = load_config(str(project / "mkdocs.yml"), **overrides)
    if plugin is not None:
        config.plugins["helpcenter"].config.load_dict(plugin)
        errors, _ = config.plugins["helpcenter"].config.validate()
        assert not errors, errors
    return _run(config, project / "site")


def _run(config, site_dir: Path) -> Built:
    """One build the way ``mkdocs build`` runs it, collecting what it logs."""
    with captured() as messages:
        try:
            config.plugins.on_startup(command="build", dirty=False)
            build(config)
        finally:
            config.plugins.on_shutdown()
    return Built(site_dir, [m for m in messages if not m.startswith("DEBUG")])


def write_project(root: Path, files: dict[str, str], config: dict | None = None) -> Path:
    """A minimal two-locale project; ``files`` maps content paths to text."""
    settings = {
        "site_name": "Test Help",
        "site_url": "https://help.example.test/",
        "docs_dir": "content",
        "theme": {"name": "material", "language": "sv"},
        "markdown_extensions": ["admonition", "attr_list", {"toc": {"permalink": True}}],
        "plugins": [
            {"helpcenter": {"default_locale": "sv", "locales": {"sv": "Svenska", "en": "English"}}},
        ],
    }
    if config:
        settings.update(config)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    defaults = {
        "sv/index.md": "---\ntitle: Hjälp\n---\nVälkommen.\n",
        "en/index.md": "---\ntitle: Help\n---\nWelcome.\n",
        "sv/categories.yml": "email:\n  title: E-post\n",
        "en/categories.yml": "email:\n  title: Email\n",
    }
    for path, text in {**defaults, **files}.items():
        target = root / "content" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def stamped(text: str, source_text: str, source_uri: str) -> str:
    """``text`` (a translation) with the stamp ``helpcenter i18n mark`` writes for ``source_text``."""
    center = build_help_center("sv", ("sv", "en"), [SourceFile(source_uri, "x/", source_text)])
    source = next(iter(center.articles.values()))
    return translations.write_stamp(text, translations.stamp(source))


def build_project(config_file: Path, site_dir: Path, *, strict: bool = False, **extra: object) -> Built:
    """Build a project in place (its own content/) into ``site_dir``."""
    config = load_config(str(config_file), site_dir=str(site_dir), strict=strict, **extra)
    return _run(config, site_dir)


def copy_example(target: Path) -> Path:
    """A copy of the example project (mkdocs.yml, content/, overrides/) to edit in a test."""
    for name in ("content", "overrides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name)
    settings = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(settings, encoding="utf-8")
    for watched in ("locales", "plugins/helpcenter"):
        (target / watched).mkdir(parents=True, exist_ok=True)
    return target


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The example help center of this repository, built once (strict) per test session."""
    return build_project(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("example") / "site", strict=True)


def example_with_feed(project_root: Path, serve, feed_url: str, headers: dict[str, str] | None = None):
    """The example help center, its status feed pointed at ``feed_url``, built strict and served
    (``serve`` is the browser fixture); returns the server."""
    project = copy_example(project_root)
    site = project / "site"
    site.mkdir()
    server = serve(site, headers)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "helpcenter" in plugin:
            plugin["helpcenter"]["status"]["url"] = feed_url
    config["site_url"] = server.url
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    built = build_project(project / "mkdocs.yml", site, strict=True)
    assert built.warnings() == []
    return server
