"""Every locale in one build, as readers see it: fallbacks, outdated notices, dates, hreflang,
the language switcher, per-locale search, sharding, right-to-left and broken catalogs."""

from __future__ import annotations

import base64
import json
import shutil
import textwrap
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import material
import pytest
import yaml
from babel import Locale
from babel.dates import format_date
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort
from tests import pagefind_bundle

import helpcenter.plugin
from conftest import ROOT, Built, build_project, captured, stamped, write_project

HOST = "https://help.example.test"
MATERIAL = Path(material.__file__).parent
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)

GUIDE_SV = """\
---
id: webmail-login
title: Jag kan inte logga in på Webbmail
summary: Felsök steg för steg.
type: guide
category: email
tags: [webbmail, lösenord]
updated: 2026-10-14
---

Det finns flera orsaker. Den här guiden hjälper dig.

## Besök vår statussida

Titta på statussidan först.

## Kontrollera inloggningsuppgifterna

{step2}

## Kontrollera att kontot är aktivt

- [ ] Logga in på Kontrollpanelen.

## Återställ lösenordet

- [ ] Klicka på Ändra lösenord.
"""
STEP_2_BEFORE = "- [ ] Skriv rätt e-postadress.\n- [ ] Caps Lock är av."
STEP_2_AFTER = "- [ ] Skriv rätt e-postadress och lösenord.\n- [ ] Caps Lock är av."

GUIDE_EN = """\
---
id: webmail-login
title: I can't log in to Webmail
summary: Troubleshoot step by step.
type: guide
category: email
tags: [webmail, password]
updated: 2026-10-14
---

There are several reasons. This guide helps you.

## Visit our status page

Look at the status page first.

## Check your login details

- [ ] Type the right email address.
- [ ] Caps Lock is off.

## Check that the account is active

- [ ] Log in to the control panel.

## Reset the password

- [ ] Click Change password.
"""

INTRO_SV = """\
---
id: email-intro
title: Introduktion till e-post
summary: Kom igång med e-post.
category: email
tags: [e-post, webbmail]
updated: 2026-09-01
---

E-post på din egen domän. Se [steg 2](logga-in.md#step-2).
"""

INTRO_EN = """\
---
id: email-intro
title: Introduction to email
summary: Get started with email.
category: email
tags: [email, webmail]
updated: 2026-09-01
---

Email on your own domain. See [step 2](log-in.md#step-2).
"""

PLAIN_SV = INTRO_SV.replace(" Se [steg 2](logga-in.md#step-2).", "")

ONLY_SV = """\
---
id: only-swedish
title: Bara på svenska
summary: En artikel som ingen har översatt.
category: email
tags: [webbmail]
related: [webmail-login]
---

Den här texten finns bara på svenska.

Läs [steg 2 i guiden](logga-in.md#step-2) och [introduktionen](introduktion.md).

![Skärmbild av inloggningen](bild.png)
"""

CATEGORIES = {
    "sv/categories.yml": "email:\n  slug: e-post\n  title: E-post\n",
    "en/categories.yml": "email:\n  slug: email\n  title: Email\n",
}

PAGES = {
    "webmail-login": {"sv": "/sv/e-post/logga-in/", "en": "/en/email/log-in/"},
    "email-intro": {"sv": "/sv/e-post/introduktion/", "en": "/en/email/introduction/"},
    "only-swedish": {"sv": "/sv/e-post/bara-svenska/", "en": "/en/e-post/bara-svenska/"},
    "home": {"sv": "/sv/", "en": "/en/"},
    "category": {"sv": "/sv/e-post/", "en": "/en/email/"},
}
FALLBACK = PAGES["only-swedish"]["en"]
OUTDATED = PAGES["webmail-login"]["en"]
TRANSLATED = PAGES["email-intro"]["en"]


def project_files() -> dict[str, str | bytes]:
    original = GUIDE_SV.format(step2=STEP_2_BEFORE)
    return {
        **CATEGORIES,
        # The guide's English translation was stamped before step 2 of the source changed.
        "sv/e-post/logga-in.md": GUIDE_SV.format(step2=STEP_2_AFTER),
        "en/email/log-in.md": stamped(GUIDE_EN, original, "sv/e-post/logga-in.md"),
        "sv/e-post/introduktion.md": INTRO_SV,
        "en/email/introduction.md": stamped(INTRO_EN, INTRO_SV, "sv/e-post/introduktion.md"),
        "sv/e-post/bara-svenska.md": ONLY_SV,
        "sv/e-post/bild.png": PNG,
    }


# -- reading built sites -------------------------------------------------------------------------------------


def soup(site: Path, url: str) -> BeautifulSoup:
    path = site / url.lstrip("/")
    if url.endswith("/"):
        path = path / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def resolve(page_url: str, href: str) -> str:
    return urlsplit(urljoin(HOST + page_url, href)).path


def exists(site: Path, path: str) -> bool:
    target = site / path.lstrip("/")
    return (target / "index.html").is_file() if path.endswith("/") else target.is_file()


def text_of(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


def html_pages(site: Path) -> list[tuple[str, Path]]:
    """(URL, file) of every HTML page the build wrote."""
    pages = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        pages.append(("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel), file))
    return pages


def hreflang_links(page: BeautifulSoup) -> list[tuple[str, str]]:
    return [(link["hreflang"], link["href"]) for link in page.select("head link[rel=alternate][hreflang]")]


def switcher(page: BeautifulSoup) -> list:
    return page.select(".md-header a.md-select__link[data-hc-locale]")


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def configured_locales(project: Path) -> dict[str, str]:
    settings = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    plugin = next(p["helpcenter"] for p in settings["plugins"] if isinstance(p, dict) and "helpcenter" in p)
    return dict(plugin["locales"])


# -- the shared build ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_project(tmp_path_factory.mktemp("i18n"), project_files())


@pytest.fixture(scope="module")
def built(project: Path) -> Built:
    # Not strict here, so one warning fails one test (below), not every test of the module.
    return build_project(project / "mkdocs.yml", project / "site-full")


@pytest.fixture(scope="module")
def site(built: Built) -> Path:
    return built.site


def test_builds_strict_without_warnings(built):
    assert built.warnings() == []


# -- a missing translation -----------------------------------------------------------------------------------


def test_missing_translation_is_served_in_the_source_language_at_the_same_path(site):
    page = soup(site, FALLBACK)
    article = page.select_one("article.md-content__inner")
    assert "Den här texten finns bara på svenska." in text_of(article)
    wrapper = page.select_one(".hc-original")
    assert wrapper is not None
    assert wrapper.get("lang") == "sv"
    assert "Den här texten finns bara på svenska." in text_of(wrapper)
    assert page.html.get("lang") == "en"  # the page chrome is the reader's language


def test_missing_translation_says_so_in_the_readers_language(site):
    notice = soup(site, FALLBACK).select_one(".hc-notice--missing")
    assert notice is not None
    assert f"This article is not available in {language('en', 'en')} yet." in text_of(notice)
    assert f"It is shown in {language('sv', 'en')}." in text_of(notice)
    assert notice.find_parent(attrs={"lang": "sv"}) is None


def test_notice_icons_are_inline_svg_hidden_from_assistive_technology(site):
    """No character whose look depends on the reader's fonts: the words say it, the SVG shows it."""
    for url in (FALLBACK, OUTDATED):
        notice = soup(site, url).select_one(".hc-notice")
        assert notice is not None
        icons = notice.select("svg.hc-notice__icon")
        assert len(icons) == 1 and icons[0].get("aria-hidden") == "true"
        assert icons[0].get_text() == ""
        assert not {"ⓘ", "⚠"} & set(text_of(notice))


def test_missing_translation_is_canonical_to_the_original(site):
    canonical = soup(site, FALLBACK).select("head link[rel=canonical]")
    assert [link["href"] for link in canonical] == [HOST + PAGES["only-swedish"]["sv"]]


def test_missing_translation_links_go_to_the_readers_locale(site):
    wrapper = soup(site, FALLBACK).select_one(".hc-original")
    hrefs = {text_of(a): resolve(FALLBACK, a["href"]) for a in wrapper.select("a[href]") if a.get_text(strip=True)}
    assert hrefs["steg 2 i guiden"] == PAGES["webmail-login"]["en"]
    assert hrefs["introduktionen"] == PAGES["email-intro"]["en"]
    assert urlsplit(wrapper.select_one("a[href*=step-2]")["href"]).fragment == "step-2"


def test_missing_translation_images_still_show(site):
    image = soup(site, FALLBACK).select_one(".hc-original img")
    assert image is not None
    assert exists(site, resolve(FALLBACK, image["src"])), image["src"]


def test_missing_translation_is_not_in_the_locales_search(site):
    english = pagefind_bundle.fragments(site, "en")
    assert FALLBACK not in english
    assert not [url for url, page in english.items() if "finns bara på svenska" in page["content"]]
    swedish = pagefind_bundle.fragments(site, "sv")
    assert "finns bara på svenska" in swedish[PAGES["only-swedish"]["sv"]]["content"]


@pytest.mark.parametrize("sitemap", ["en/sitemap.xml", "sv/sitemap.xml"])
def test_missing_translation_is_not_in_sitemaps(site, sitemap):
    xml = (site / sitemap).read_text(encoding="utf-8")
    assert FALLBACK not in xml
    if sitemap != "en/sitemap.xml":
        assert HOST + PAGES["only-swedish"]["sv"] in xml


def test_no_page_has_hreflang_links_material_would_fetch_sitemaps_beside(site):
    """hreflang is in the locale sitemaps (test_site_pages); a <link rel=alternate hreflang> in a page
    would make Material's script fetch <its URL>/sitemap.xml on every page view."""
    pages = html_pages(site)
    assert len(pages) > 10
    themed = 0
    for url, file in pages:
        page = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        if page.select_one("script[src*='assets/javascripts/bundle.']") is None:
            continue  # "/" and "/404.html": the plugin's own pages, plain links, no theme script
        themed += 1
        assert hreflang_links(page) == [], url
    assert themed > 10


@pytest.mark.parametrize(
    ("url", "note"),
    [(PAGES["only-swedish"]["sv"], "inte översatt ännu"), (FALLBACK, "not translated yet")],
    ids=["from-the-original", "on-the-fallback"],
)
def test_switcher_marks_the_untranslated_locale(site, url, note):
    entries = {link["data-hc-locale"]: link for link in switcher(soup(site, url))}
    english = entries["en"]
    assert resolve(url, english["href"]) == FALLBACK
    assert f"({note})" in text_of(english)
    assert entries["sv"].select_one(".hc-switcher__note") is None


def test_missing_translation_related_articles_stay_in_the_readers_locale(site):
    """Like the body's links, related links on a fallback page lead to the reader's locale when it has them."""
    related = soup(site, FALLBACK).select("nav.hc-related a[href]")
    assert related
    targets = [resolve(FALLBACK, link["href"]) for link in related]
    assert PAGES["webmail-login"]["en"] in targets, targets
    assert all(target.startswith("/en/") for target in targets), targets


def test_dashboard_names_outdated_steps_and_missing_articles(site):
    page = soup(site, "/translations/")
    summary = page.select("table")[0]
    rows = {text_of(row.find("th")): [text_of(td) for td in row.find_all("td")] for row in summary.select("tbody tr")}
    assert set(rows) == {"Svenska (sv)", "English (en)"}
    _done, _words, current, outdated, draft, missing, _strings = rows["English (en)"]
    assert (current, outdated, draft, missing) == ("1", "1", "0", "1")
    assert rows["Svenska (sv)"][2:6] == ["3", "0", "0", "0"]
    # The worklist: one row per article still to do, with its files, its page and what changed.
    work = {row.find("code").get_text(): row for row in page.select("#locale-en .hc-dashboard__worklist tbody tr")}
    assert set(work) == {"webmail-login", "only-swedish"}
    outdated_row = work["webmail-login"]
    assert text_of(outdated_row.find("td")) == "outdated"
    assert "content/sv/e-post/logga-in.md" in text_of(outdated_row)
    assert "content/en/email/log-in.md" in text_of(outdated_row)
    assert [text_of(s) for s in outdated_row.select(".hc-dashboard__change strong")] == ["Step 2"]
    assert resolve("/translations/", outdated_row.find("a")["href"]) == OUTDATED
    missing_row = work["only-swedish"]
    assert resolve("/translations/", missing_row.find("a")["href"]) == FALLBACK


# -- an outdated translation ---------------------------------------------------------------------------------


def test_outdated_translation_names_the_changed_step_only(site):
    page = soup(site, OUTDATED)
    notices = page.select(".hc-notice")
    assert len(notices) == 1
    notice = notices[0]
    assert "hc-notice--outdated" in notice["class"]
    assert "This translation may be out of date: Step 2 has changed in the original." in text_of(notice)
    assert "steps" not in text_of(notice)
    link = notice.select_one("a[href]")
    assert text_of(link) == f"Read the original in {language('sv', 'en')}"
    assert resolve(OUTDATED, link["href"]) == PAGES["webmail-login"]["sv"]
    assert link.get("hreflang") == "sv"
    # The translation itself is shown, in English.
    assert "There are several reasons." in text_of(page.select_one("article"))
    assert page.select_one(".hc-original") is None


@pytest.mark.parametrize("url", [PAGES["webmail-login"]["sv"], TRANSLATED, PAGES["email-intro"]["sv"]])
def test_current_pages_have_no_translation_notice(site, url):
    assert soup(site, url).select(".hc-notice") == []


# -- dates ---------------------------------------------------------------------------------------------------


def long_date(year: int, month: int, day: int, locale: str) -> str:
    """The date as CLDR writes it in full in that language (Babel's data, not ours)."""
    return format_date(date(year, month, day), "long", locale=locale)


def language(code: str, in_locale: str) -> str:
    """A language's name in another language, as CLDR spells it."""
    return Locale.parse(code).get_display_name(in_locale)


@pytest.mark.parametrize(
    ("url", "text"),
    [
        (PAGES["webmail-login"]["sv"], f"Uppdaterad {long_date(2026, 10, 14, 'sv')}"),
        (OUTDATED, f"Updated {long_date(2026, 10, 14, 'en')}"),
        (PAGES["email-intro"]["sv"], f"Uppdaterad {long_date(2026, 9, 1, 'sv')}"),
        (TRANSLATED, f"Updated {long_date(2026, 9, 1, 'en')}"),
    ],
)
def test_update_date_in_the_readers_language(site, url, text):
    updated = soup(site, url).select_one(".hc-updated")
    assert updated is not None
    assert text_of(updated) == text
    assert updated.find("time")["datetime"] in ("2026-10-14", "2026-09-01")


# -- hreflang and the switcher -------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["sv", "en"])
@pytest.mark.parametrize("key", ["email-intro", "webmail-login", "home", "category"])
def test_hreflang_names_both_translations_and_x_default(site, key, locale):
    """In the locale's sitemap: the page's entry names both translations and x-default."""
    tree = ElementTree.parse(site / locale / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entry = next(
        u
        for u in tree.getroot().findall("s:url", ns)
        if u.findtext("s:loc", namespaces=ns) == HOST + PAGES[key][locale]
    )
    links = [(link.get("hreflang"), link.get("href")) for link in entry.findall("x:link", ns)]
    assert sorted(links[:-1]) == [("en", HOST + PAGES[key]["en"]), ("sv", HOST + PAGES[key]["sv"])]
    assert links[-1] == ("x-default", HOST + "/")


@pytest.mark.parametrize("key", list(PAGES))
@pytest.mark.parametrize("locale", ["sv", "en"])
def test_switcher_lists_every_locale_and_links_to_the_same_page(project, site, key, locale):
    configured = configured_locales(project)  # in mkdocs.yml order
    url = PAGES[key][locale]
    entries = switcher(soup(site, url))
    assert [e["data-hc-locale"] for e in entries] == list(configured)
    assert [text_of(e).split(" (")[0] for e in entries] == list(configured.values())
    assert [e.get("hreflang") for e in entries] == list(configured)
    for entry in entries:
        target = resolve(url, entry["href"])
        assert target == PAGES[key][entry["data-hc-locale"]]
        assert exists(site, target)
    current = [e["data-hc-locale"] for e in entries if e.get("aria-current") == "page"]
    assert current == [locale]


def test_translations_have_localized_paths(site):
    for key in ("webmail-login", "email-intro", "category"):
        assert PAGES[key]["sv"].removeprefix("/sv/") != PAGES[key]["en"].removeprefix("/en/")


# -- search per locale ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_search_index_per_locale(site, locale):
    """Each locale's own Pagefind bundle: its articles, guides and categories, nothing else."""
    pages = set(pagefind_bundle.fragments(site, locale))
    for page in pages:
        assert page.startswith(f"/{locale}/"), page
        assert exists(site, page), page
    expected = {PAGES[key][locale] for key in ("webmail-login", "email-intro", "category")}
    if locale == "sv":
        expected.add(PAGES["only-swedish"]["sv"])
    assert pages == expected
    assert list(pagefind_bundle.entry(site, locale)["languages"]) == [locale]


def test_no_search_index_for_the_whole_site(site):
    assert not (site / "search").exists()
    assert not (site / "pagefind").exists()


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_material_base_is_the_locale_root(site, locale):
    pages = [(url, file) for url, file in html_pages(site) if url.startswith(f"/{locale}/") and "404" not in url]
    assert len(pages) >= 5
    for url, file in pages:
        page = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        config = json.loads(page.select_one("script#__config").get_text())
        assert resolve(url, config["base"]) == f"/{locale}/", url


# -- sharding ------------------------------------------------------------------------------------------------


def shard_problems(config_file: Path, full: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """Build one shard per locale; everything in which their union is not the full build."""
    union: dict[str, bytes] = {}
    problems: dict[str, list] = {"conflicting": [], "warnings": []}
    for locale in ("sv", "en"):
        monkeypatch.setenv("HELPCENTER_LOCALES", locale)
        shard = build_project(config_file, out / f"shard-{locale}")
        problems["warnings"] += [f"{locale}: {w}" for w in shard.warnings()]
        for name, data in files_of(shard.site).items():
            if name in union and union[name] != data:
                problems["conflicting"].append(name)  # the shards wrote different bytes to one file
            union.setdefault(name, data)
    monkeypatch.delenv("HELPCENTER_LOCALES")
    expected = files_of(full)
    problems["missing"] = sorted(set(expected) - set(union))
    problems["extra"] = sorted(set(union) - set(expected))
    problems["different"] = sorted(n for n in expected if n in union and union[n] != expected[n])
    return problems


NO_PROBLEMS = {"conflicting": [], "warnings": [], "missing": [], "extra": [], "different": []}


def test_shards_by_locale_add_up_to_the_full_build(project, site, tmp_path, monkeypatch):
    assert shard_problems(project / "mkdocs.yml", site, tmp_path, monkeypatch) == NO_PROBLEMS


def test_shards_of_the_example_add_up_to_the_full_build(tmp_path, monkeypatch):
    full = build_project(ROOT / "mkdocs.yml", tmp_path / "full", strict=True)
    assert full.warnings() == []
    assert shard_problems(ROOT / "mkdocs.yml", full.site, tmp_path, monkeypatch) == NO_PROBLEMS


def test_unknown_locale_in_the_shard_variable_fails_with_one_line(project, tmp_path, monkeypatch):
    monkeypatch.setenv("HELPCENTER_LOCALES", "sv,xx")
    with captured() as messages, pytest.raises(Abort):
        build_project(project / "mkdocs.yml", tmp_path / "site")
    errors = [m for m in messages if m.startswith("ERROR")]
    assert len(errors) == 1, messages
    assert "HELPCENTER_LOCALES" in errors[0]
    assert "xx" in errors[0]
    assert "\n" not in errors[0]
    assert not (tmp_path / "site" / "sv").exists()


# -- configuration mistakes ----------------------------------------------------------------------------------


def test_missing_site_url_is_a_warning_naming_it(tmp_path):
    project = write_project(tmp_path, {**CATEGORIES, "sv/e-post/a.md": PLAIN_SV}, {"site_url": None})
    built = build_project(project / "mkdocs.yml", tmp_path / "site")
    warnings = [w for w in built.warnings() if "site_url" in w]
    assert len(warnings) == 1, built.warnings()


def test_unknown_locale_folder_warns_naming_the_file(tmp_path):
    files = {**CATEGORIES, "sv/e-post/a.md": PLAIN_SV, "xx/e-post/a.md": PLAIN_SV}
    project = write_project(tmp_path, files)
    with captured() as messages, pytest.raises(Abort):
        build_project(project / "mkdocs.yml", tmp_path / "site", strict=True)
    warnings = [m for m in messages if m.startswith("WARNING")]
    assert len(warnings) == 1, warnings
    assert "xx/e-post/a.md" in warnings[0]
    assert "'xx'" in warnings[0]


# -- right to left -------------------------------------------------------------------------------------------


def test_rtl_locale_renders_rtl_pages(tmp_path):
    files = {
        "sv/categories.yml": "email:\n  slug: e-post\n  title: E-post\n",
        "ar/index.md": "---\ntitle: مركز المساعدة\n---\nمرحبا.\n",
        "ar/categories.yml": "email:\n  slug: email\n  title: البريد\n",
        "sv/e-post/introduktion.md": PLAIN_SV,
        "ar/email/intro.md": stamped(
            "---\nid: email-intro\ntitle: مقدمة\ncategory: email\nupdated: 2026-09-01\n---\nالبريد الإلكتروني.\n",
            PLAIN_SV,
            "sv/e-post/introduktion.md",
        ),
    }
    config = {
        "plugins": [
            {"helpcenter": {"default_locale": "sv", "locales": {"sv": "Svenska", "ar": "العربية"}}},
        ]
    }
    project = write_project(tmp_path, files, config)
    shutil.rmtree(project / "content" / "en")  # write_project's defaults: not a locale of this site
    built = build_project(project / "mkdocs.yml", tmp_path / "site", strict=True)
    assert built.warnings() == []

    def direction(page: BeautifulSoup) -> str | None:
        return page.html.get("dir") or page.body.get("dir")

    ar_pages = [u for u, _ in html_pages(built.site) if u.startswith("/ar/")]
    sv_pages = [u for u, _ in html_pages(built.site) if u.startswith("/sv/")]
    assert "/ar/email/intro/" in ar_pages and "/sv/e-post/introduktion/" in sv_pages
    for url in ar_pages:
        page = soup(built.site, url)
        assert (page.html.get("lang"), direction(page)) == ("ar", "rtl"), url
    for url in sv_pages:
        page = soup(built.site, url)
        assert (page.html.get("lang"), direction(page)) == ("sv", "ltr"), url
    assert "البريد الإلكتروني." in text_of(soup(built.site, "/ar/email/intro/").select_one("article"))


# -- broken catalogs -----------------------------------------------------------------------------------------

PO_HEADER = """\
msgid ""
msgstr ""
"Language: sv\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""


@pytest.fixture
def catalogs(tmp_path, monkeypatch) -> Path:
    """A copy of the package's catalogs that the build uses instead of the real ones."""
    folder = tmp_path / "catalogs"
    shutil.copytree(helpcenter.plugin.package_catalog_dir(), folder)
    monkeypatch.setattr(helpcenter.plugin, "package_catalog_dir", lambda: folder)
    return folder


def break_message(po: Path, msgid: str, broken: str) -> int:
    """Replace the translation of ``msgid``; return the line of its msgid."""
    lines = po.read_text(encoding="utf-8").splitlines()
    start = lines.index(f'msgid "{msgid}"')
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].strip())
    lines[start:end] = [f'msgid "{msgid}"', f'msgstr "{broken}"']
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return start + 1


def guide_project(tmp_path: Path) -> Path:
    files = {**CATEGORIES, "sv/e-post/logga-in.md": GUIDE_SV.format(step2=STEP_2_BEFORE)}
    (tmp_path / "project").mkdir()
    return write_project(tmp_path / "project", files)


def test_po_placeholder_mistake_fails_the_strict_build_naming_file_and_line(tmp_path, catalogs):
    po = catalogs / "sv" / "LC_MESSAGES" / "helpcenter.po"
    line = break_message(po, "Step %(number)s - %(title)s", "Steg %(nummer)s - %(title)s")
    project = guide_project(tmp_path)
    with captured() as messages, pytest.raises(Abort):
        build_project(project / "mkdocs.yml", tmp_path / "strict", strict=True)
    named = [m for m in messages if m.startswith("WARNING") and f"{po}:{line}" in m]
    assert len(named) == 1, messages
    assert "nummer" in named[0]


def test_po_placeholder_mistake_falls_back_to_english(tmp_path, catalogs):
    po = catalogs / "sv" / "LC_MESSAGES" / "helpcenter.po"
    break_message(po, "Step %(number)s - %(title)s", "Steg %(nummer)s - %(title)s")
    built = build_project(guide_project(tmp_path) / "mkdocs.yml", tmp_path / "site")
    page = soup(built.site, PAGES["webmail-login"]["sv"])
    headings = [text_of(h).removesuffix(" ¶") for h in page.select("h2.hc-step__title")]
    assert headings[0] == "Step 1 - Besök vår statussida"
    # Only that string: the rest of the catalog is still used.
    assert [text_of(label) for label in page.select("section.hc-step")[0].select("label")] == ["Klart"]
    assert text_of(page.select_one(".hc-updated")) == f"Uppdaterad {long_date(2026, 10, 14, 'sv')}"


def test_po_with_a_missing_plural_form_never_shows_an_empty_text(tmp_path, catalogs):
    po = catalogs / "sv" / "LC_MESSAGES" / "helpcenter.po"
    po.write_text(
        PO_HEADER
        + textwrap.dedent(
            """
            msgid "%(done)d step of %(total)d done"
            msgid_plural "%(done)d steps of %(total)d done"
            msgstr[0] "%(done)d av %(total)d steg klart"
            """
        ),
        encoding="utf-8",
    )
    built = build_project(guide_project(tmp_path) / "mkdocs.yml", tmp_path / "site")
    guide = soup(built.site, PAGES["webmail-login"]["sv"]).select_one("[data-hc-config]")
    progress = json.loads(guide["data-hc-config"])["progress"]
    assert len(progress) == 5
    assert all(progress), progress
    assert progress[1] == "1 av 4 steg klart"


# -- the root sitemap ----------------------------------------------------------------------------------------


def test_root_sitemap_indexes_every_locales_sitemap(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    assert root.tag == f"{{{ns['s']}}}sitemapindex"
    locs = {loc.text for loc in root.findall("s:sitemap/s:loc", ns)}
    assert locs == {f"{HOST}/sv/sitemap.xml", f"{HOST}/en/sitemap.xml"}


@pytest.mark.parametrize("sitemap", ["sv/sitemap.xml", "en/sitemap.xml"])
def test_sitemap_alternates_are_absolute_and_name_real_pages(site, sitemap):
    tree = ElementTree.parse(site / sitemap)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = [loc.text for loc in tree.getroot().findall("s:url/s:loc", ns)]
    locale = sitemap.split("/")[0]
    assert HOST + PAGES["email-intro"][locale] in locs
    for url in tree.getroot().findall("s:url", ns):
        for link in url.findall("x:link", ns):
            href = link.get("href")
            assert href.startswith(HOST + "/"), href
            if link.get("hreflang") != "x-default":
                assert exists(site, urlsplit(href).path), href
