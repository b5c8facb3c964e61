"""The hostile-content corpus in ``tests/hostile/``, shared by the build gate and the browser test.

Each case is one folder: ``content/`` is laid over a fresh two-locale project (sv default, en),
``locales/`` over a temporary copy of the package's UI-string catalogs. The expectations live in
``tests/test_hostile.py``; this module only knows how to turn a case into a project and how to
tell the scripts a page may carry from everything else.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from conftest import ROOT, write_project

HOSTILE = Path(__file__).resolve().parent / "hostile"
LOCALES = ROOT / "locales"

# Like the example site: fenced code, task lists and instant navigation are on, as in production.
SITE_CONFIG = {
    "theme": {"name": "material", "language": "sv", "features": ["navigation.instant"]},
    "markdown_extensions": [
        "admonition",
        "attr_list",
        "md_in_html",
        "pymdownx.details",
        "pymdownx.superfences",
        {"pymdownx.tasklist": {"custom_checkbox": True}},
        {"toc": {"permalink": True}},
    ],
}

SENTINEL = "__pwned"
PAYLOAD = '"\'><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'
"""What every hostile text of the payload case ends with, after a word naming the field."""

HUGE_BYTES = 1 << 20
HUGE_ARTICLE = "sv/stor.md"
LONG_LIST = 16_000
LONG_ARTICLE = "sv/lang.md"
SYMLINK = "sv/nyckel.pem"
SECRET = "-----BEGIN PRIVATE KEY----- __secret__ -----END PRIVATE KEY-----\n"


def cases() -> list[str]:
    return sorted(p.name for p in HOSTILE.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def inflate(path: Path, size: int = HUGE_BYTES) -> int:
    """Repeat the body of ``path`` (after its front matter) until the file has ``size`` bytes; return the copies."""
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---\n", 3) + len("\n---\n")
    head, body = text[:end], text[end:]
    copies = -(-(size - len(head.encode("utf-8"))) // len(body.encode("utf-8")))
    path.write_text(head + body * copies, encoding="utf-8")
    return copies


def make_project(name: str, root: Path) -> Path:
    """A fresh two-locale project with the case's ``content/`` laid over it."""
    project = write_project(root, {}, SITE_CONFIG)
    content = HOSTILE / name / "content"
    if content.is_dir():
        shutil.copytree(content, project / "content", dirs_exist_ok=True)
    if name == "huge-article":
        inflate(project / "content" / HUGE_ARTICLE)
    elif name == "long-front-matter":
        article = project / "content" / LONG_ARTICLE
        tags = "".join(f"  - tagg nummer {n}\n" for n in range(LONG_LIST))
        article.write_text(article.read_text(encoding="utf-8").replace("  - tagg\n", tags), encoding="utf-8")
    elif name == "symlink-out":
        secret = root / "outside" / "id_ed25519"
        secret.parent.mkdir()
        secret.write_text(SECRET, encoding="utf-8")
        (project / "content" / SYMLINK).symlink_to(secret)
    elif name == "missing-home":
        (project / "content" / "en" / "index.md").unlink()
    return project


def make_catalogs(name: str, target: Path) -> Path | None:
    """A copy of the package's catalogs with the case's ``locales/`` laid over it (None: the case has none)."""
    locales = HOSTILE / name / "locales"
    if not locales.is_dir():
        return None
    shutil.copytree(LOCALES, target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    shutil.copytree(locales, target, dirs_exist_ok=True)
    return target


# -- the scripts a built page may carry -------------------------------------------------------------

MATERIAL_INLINE = (
    # Material's own inline scripts (material/templates/partials/javascripts/*.html), by content prefix.
    '__md_scope=new URL("',  # base.html: storage scope and helpers
    'var palette=__md_get("__palette")',  # palette.html
    "var target=document.getElementById(location.hash.slice(1))",  # content.html
    'var tabs=__md_get("__tabs")',  # content.html with content.tabs.link
    'var el=document.querySelector("[data-md-component=announce]")',  # announce.html
    'var el=document.querySelector("[data-md-component=outdated]")',  # outdated.html
    'var consent=__md_get("__consent")',  # consent.html
)
SCRIPT_SRC = re.compile(
    r"(?:^|/)assets/(?:javascripts/bundle\.[0-9a-f]{8}\.min\.js|helpcenter/(?:helpcenter|theme-shim|chooser)\.js)$"
)
"""The theme's bundle and the plugin's own files."""


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def stray_scripts(page: BeautifulSoup) -> list[str]:
    """Every ``<script>`` of a page that is not one of the known ones."""
    stray = []
    for script in page.find_all("script"):
        text = script.get_text()
        kind = script.get("type")
        src = script.get("src")
        if src is not None:
            attrs = set(script.attrs) - {"data-scope"} if src.endswith("theme-shim.js") else set(script.attrs)
            known = bool(SCRIPT_SRC.search(src)) and not text.strip() and attrs <= {"src", "defer"}
        elif kind == "application/json":
            known = script.get("id") == "__config" and _is_json(text)
        elif kind == "application/ld+json":
            known = script.find_parent("head") is not None and _is_json(text)
        elif kind is None and set(script.attrs) == set():
            known = text.startswith(MATERIAL_INLINE) and SENTINEL not in text
        else:
            known = False
        if not known:
            stray.append(str(script)[:160])
    return stray


def event_handlers(page: BeautifulSoup, selector: str = "article, nav, header") -> list[str]:
    """``on…`` attributes on, or inside, the elements ``selector`` matches."""
    found = []
    for container in page.select(selector):
        for element in [container, *container.find_all(True)]:
            assert isinstance(element, Tag)
            found += [f"<{element.name} {name}=…>" for name in element.attrs if name.lower().startswith("on")]
    return found


def script_urls(page: BeautifulSoup) -> list[str]:
    """``javascript:`` URLs anywhere in a page."""
    found = []
    for element in page.find_all(True):
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            value = element.get(name)
            if isinstance(value, str) and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith("javascript:"):
                found.append(f"<{element.name} {name}={value[:60]!r}>")
    return found
