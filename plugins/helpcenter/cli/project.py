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

from ..config import HelpcenterConfig
from ..intake import heading_ids, page_urls, read_help_center
from ..pages import SitePlan, plan_site
from ..sources import HelpCenter


class ProjectError(Exception):
    """The project cannot be read; the message says why."""


@dataclass
class Project:
    config: MkDocsConfig
    plugin: HelpcenterConfig
    docs_dir: Path
    center: HelpCenter
    plan: SitePlan

    @property
    def locales(self) -> list[str]:
        return list(self.plugin.locales) or [self.plugin.default_locale]


def load_settings(config_file: str | Path = "mkdocs.yml") -> tuple[MkDocsConfig, HelpcenterConfig]:
    """mkdocs.yml and the helpcenter plugin's options in it; ProjectError says what is wrong."""
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
    return config, settings


def load_project(config_file: str | Path = "mkdocs.yml") -> Project:
    """Read mkdocs.yml and every content file into the model."""
    config, settings = load_settings(config_file)
    locales = list(settings.locales) or [settings.default_locale]
    url_of = page_urls(config)
    files = get_files(config)
    ids = heading_ids(config)
    center, dropped = read_help_center(files, locales, settings.default_locale, config.docs_dir, url_of, ids)
    # The plan's own problems (a category or an untranslated page on a URL that is taken), as the build finds them.
    taken = {file.src_uri for file in files} - {file.src_uri for file in dropped}
    plan = plan_site(center, locales, url_of, taken, fallbacks=settings.fallback)
    return Project(config, settings, Path(config.docs_dir), center, plan)
