"""A help-center project read from its mkdocs.yml, for command-line tools.

Builds the same source model the plugin builds, without rendering anything.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.structure.files import get_files

from .config import HelpcenterConfig
from .sources import HelpCenter, SourceFile, build_help_center


class ProjectError(Exception):
    """The project cannot be read; the message says why."""


@dataclass
class Project:
    config: MkDocsConfig
    plugin: HelpcenterConfig
    docs_dir: Path
    center: HelpCenter

    @property
    def locales(self) -> list[str]:
        return list(self.plugin.locales) or [self.plugin.default_locale]


def load_project(config_file: str | Path = "mkdocs.yml") -> Project:
    """Read mkdocs.yml and every content file into the model."""
    path = Path(config_file)
    if not path.is_file():
        raise ProjectError(f"{path}: no such file (run from the project folder or pass --config-file)")
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)  # config loading chatter is not the tool's output
    try:
        config = load_config(str(path))
    except ConfigurationError as error:
        raise ProjectError(f"{path}: {error}") from None
    finally:
        logger.setLevel(level)
    plugin = config.plugins.get("helpcenter")
    if plugin is None:
        raise ProjectError(f"{path}: the helpcenter plugin is not listed under plugins")
    settings: HelpcenterConfig = plugin.config
    files = get_files(config)
    sources = []
    for file in files:
        if not (file.src_uri.endswith(".md") or file.src_uri.endswith("/categories.yml")):
            continue
        data = file.content_bytes
        try:
            text: str | None = None if b"\x00" in data else data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
        sources.append(SourceFile(file.src_uri, file.url, text))
    locales = list(settings.locales) or [settings.default_locale]
    center = build_help_center(settings.default_locale, locales, sources)
    return Project(config, settings, Path(config.docs_dir), center)
