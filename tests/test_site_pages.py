"""The pages around the articles: breadcrumbs and JSON-LD, category and home pages, the translators'
dashboard, sitemaps, and links to guide steps."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
import yaml
from babel import Locale
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from conftest import ROOT, Built, build_project, captured, write_project
from helpcenter.sources import read_article

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"].rstrip("/")
LOCALES = ("sv", "en")
HOME = {"sv": "Start", "en": "Home"}
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


# -- what the sources say (plain YAML, not the plugin) -------------------------------------------------------


def front(path: Path) -> dict:
    _, data, _ = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(data)


def categories(locale: str) -> dict[str, dict]:
    return yaml.safe_load((ROOT / "content" / locale / "categories.yml").read_text(encoding="utf-8"))


def category_url(locale: str, category_id: str) -> str:
    return f"/{locale}/{categories(locale)[category_id].get('slug', category_id)}/"


def articles(locale: str) -> dict[str, dict]:
    """URL -> front matter of every article of a locale."""
    found = {}
    for path in sorted((ROOT / "content" / locale).rglob("*.md")):
        if path.name == "index.md":
            continue
        rel = path.relative_to(ROOT / "content").as_posix()
        found["/" + rel[: -len(".md")] + "/"] = front(path)
    return found


# -- reading built pages --------------------------------------------------------------------------------------


def resolve(page_url: str, href: str) -> str:
    return urlsplit(urljoin(SITE_URL + page_url, href)).path


def exists(site: Path, path: str) -> bool:
    target = site / path.lstrip("/")
    return (target / "index.html").is_file() if path.endswith("/") else target.is_file()


def page_at(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url.lstrip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")


def text_of(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


def json_ld(page: BeautifulSoup) -> list[dict]:
    return [json.loads(script.get_text()) for script in page.select('script[type="application/ld+json"]')]


@pytest.fixture(scope="module")
def site(example_site) -> Path:
    return example_site.site


ARTICLES = [(locale, url) for locale in LOCALES for url in articles(locale)]


# -- breadcrumbs ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("locale", "url"), ARTICLES, ids=[u for _, u in ARTICLES])
def test_breadcrumbs_home_category_article(site, locale, url):
    meta = articles(locale)[url]
    page = page_at(site, url)
    crumbs = page.select("nav.hc-breadcrumbs li")
    assert len(crumbs) == 3, url
    home, category, here = crumbs
    expected_category = categories(locale)[meta["category"]]["title"]
    links = [(text_of(c.find("a")), resolve(url, c.find("a")["href"])) for c in (home, category)]
    assert links == [(HOME[locale], f"/{locale}/"), (expected_category, category_url(locale, meta["category"]))]
    for _name, target in links:
        assert exists(site, target), target
    assert here.find("a") is None
    assert here.find(attrs={"aria-current": "page"}) is not None
    assert text_of(here) == meta["title"]

    trails = [g for data in json_ld(page) for g in data["@graph"] if g["@type"] == "BreadcrumbList"]
    assert len(trails) == 1
    items = trails[0]["itemListElement"]
    assert [i["position"] for i in items] == [1, 2, 3]
    assert [i["name"] for i in items] == [HOME[locale], expected_category, meta["title"]]
    assert [i["item"] for i in items] == [SITE_URL + links[0][1], SITE_URL + links[1][1], SITE_URL + url]
    canonical = page.select_one("link[rel=canonical]")["href"]
    assert items[-1]["item"] == canonical


CATEGORIES = [(locale, cid) for locale in LOCALES for cid in categories(locale)]


@pytest.mark.parametrize(("locale", "category_id"), CATEGORIES, ids=[f"{loc}/{c}" for loc, c in CATEGORIES])
def test_category_breadcrumbs_are_home_then_the_category_itself(site, locale, category_id):
    url = category_url(locale, category_id)
    title = categories(locale)[category_id]["title"]
    page = page_at(site, url)
    home, here = page.select("nav.hc-breadcrumbs li")
    assert (text_of(home), resolve(url, home.find("a")["href"])) == (HOME[locale], f"/{locale}/")
    assert here.find("a") is None
    assert text_of(here.find(attrs={"aria-current": "page"})) == title
    (trail,) = [g for data in json_ld(page) for g in data["@graph"] if g["@type"] == "BreadcrumbList"]
    items = trail["itemListElement"]
    assert [(i["position"], i["name"], i["item"]) for i in items] == [
        (1, HOME[locale], f"{SITE_URL}/{locale}/"),
        (2, title, SITE_URL + url),
    ]


@pytest.mark.parametrize(("locale", "url"), ARTICLES, ids=[u for _, u in ARTICLES])
def test_article_json_ld_describes_the_article(site, locale, url):
    meta = articles(locale)[url]
    (article,) = [g for data in json_ld(page_at(site, url)) for g in data["@graph"] if g["@type"] == "Article"]
    assert article["headline"] == meta["title"]
    assert article["inLanguage"] == locale
    if meta.get("updated"):
        assert article["dateModified"] == meta["updated"].isoformat()


SCRIPT_TITLE = "</script><script>alert(1)</script>"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Built:
    files = {
        "sv/categories.yml": "email:\n  slug: e-post\n  title: 'E-post & </script><b>'\n",
        "sv/e-post/a.md": f"---\nid: a\ntitle: '{SCRIPT_TITLE}'\nsummary: '<img src=x onerror=alert(2)>'\n"
        "category: email\ntags: ['</script>']\nupdated: 2026-10-14\n---\nText.\n",
    }
    project = write_project(tmp_path_factory.mktemp("hostile"), files)
    return build_project(project / "mkdocs.yml", project / "site")


def test_hostile_front_matter_builds_without_warnings(hostile):
    assert hostile.warnings() == []


@pytest.mark.parametrize("url", ["/sv/e-post/a/", "/en/e-post/a/", "/sv/e-post/"])
def test_json_ld_stays_inert_with_a_script_in_the_title(hostile, url):
    raw = (hostile.site / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(raw, "html.parser")
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    assert "<" not in scripts[0].get_text()
    data = json.loads(scripts[0].get_text())
    names = [i["name"] for g in data["@graph"] if g["@type"] == "BreadcrumbList" for i in g["itemListElement"]]
    assert names[1] == ("Email" if url.startswith("/en/") else "E-post & </script><b>")
    if url != "/sv/e-post/":
        assert names[-1] == SCRIPT_TITLE
        (article,) = [g for g in data["@graph"] if g["@type"] == "Article"]
        assert article["headline"] == SCRIPT_TITLE
    # Nothing of the title became markup.
    assert not [
        s for s in page.find_all("script") if "alert(" in s.get_text() and s.get("type") != "application/ld+json"
    ]
    assert page.find("img", src="x") is None
    assert page.find("b") is None or "E-post" not in text_of(page.find("b"))


def test_hostile_title_shows_as_typed(hostile):
    page = page_at(hostile.site, "/sv/e-post/a/")
    assert text_of(page.select_one("article h1")) == SCRIPT_TITLE
    assert SCRIPT_TITLE in page.title.get_text()


# -- category and home pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_category_pages_list_guides_first_then_by_title(site, locale):
    mine = articles(locale)
    for category_id, category in categories(locale).items():
        url = category_url(locale, category_id)
        page = page_at(site, url)
        items = page.select("ul.hc-listing > li.hc-listing__item")
        shown = [(resolve(url, li.find("a")["href"]), text_of(li.find("a"))) for li in items]
        members = {u: m for u, m in mine.items() if m.get("category") == category_id}
        assert sorted(u for u, _ in shown) == sorted(members), url
        expected = sorted(members, key=lambda u: (members[u].get("type") != "guide", members[u]["title"].casefold(), u))
        assert [u for u, _ in shown] == expected, url
        assert [t for _, t in shown] == [members[u]["title"] for u in expected]
        for target, _ in shown:
            assert exists(site, target), target
        assert text_of(page.select_one("article h1")) == category["title"]


@pytest.mark.parametrize("locale", LOCALES)
def test_home_lists_every_category_with_working_links(site, locale):
    url = f"/{locale}/"
    page = page_at(site, url)
    sections = page.select(".hc-home section")
    headings = [(text_of(s.find("h2")), resolve(url, s.find("h2").find("a")["href"])) for s in sections]
    assert headings == [(c["title"], category_url(locale, cid)) for cid, c in categories(locale).items()]
    for section in sections:
        for link in section.select("a[href]"):
            target = resolve(url, link["href"])
            assert target.startswith(f"/{locale}/"), link["href"]
            assert exists(site, target), link["href"]


# -- the translators' dashboard ----------------------------------------------------------------------------------


def test_dashboard_has_a_row_per_locale(site):
    page = BeautifulSoup((site / "translations" / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = page.select("table tbody tr")
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    plugin = next(p["helpcenter"] for p in settings["plugins"] if isinstance(p, dict) and "helpcenter" in p)
    assert [text_of(r.find("th")) for r in rows] == [f"{name} ({code})" for code, name in plugin["locales"].items()]
    for row in rows:
        cells = [text_of(td) for td in row.find_all("td")]
        assert cells[0].endswith("%")
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    css = page.select_one("link[rel=stylesheet]")["href"]
    assert exists(site, resolve("/translations/", css))


# -- sitemaps -------------------------------------------------------------------------------------------------


def test_root_sitemap_is_an_index_of_the_locales(site):
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    locs = [loc.text for loc in root.findall("s:sitemap/s:loc", NS)]
    assert locs == [f"{SITE_URL}/{loc}/sitemap.xml" for loc in LOCALES]
    for loc in locs:
        assert (site / urlsplit(loc).path.lstrip("/")).is_file()


@pytest.mark.parametrize("name", ["sv/sitemap.xml", "en/sitemap.xml"])
def test_sitemap_is_valid_xml_with_alternates(site, name):
    root = ElementTree.parse(site / name).getroot()
    assert root.tag == f"{{{NS['s']}}}urlset"
    urls = root.findall("s:url", NS)
    assert urls
    locs = [u.find("s:loc", NS).text for u in urls]
    assert len(locs) == len(set(locs))
    for url in urls:
        loc = url.find("s:loc", NS).text
        assert loc.startswith(SITE_URL + "/"), loc
        assert exists(site, urlsplit(loc).path), loc
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        assert all(link.get("rel") == "alternate" for link in url.findall("x:link", NS))
        assert set(alternates) == {"sv", "en", "x-default"}, loc
        assert loc in alternates.values()
        assert alternates["x-default"] == SITE_URL + "/"
        for lang in LOCALES:
            assert urlsplit(alternates[lang]).path.startswith(f"/{lang}/")
            assert exists(site, urlsplit(alternates[lang]).path)
    locale = name.split("/")[0]
    assert all(urlsplit(loc).path.startswith(f"/{locale}/") for loc in locs)
    assert {f"/{locale}/"} | set(articles(locale)) <= {urlsplit(loc).path for loc in locs}


# -- links to guide steps -------------------------------------------------------------------------------------------

GUIDE = """\
---
id: guide
title: Guide
type: guide
category: email
---

Intro.

## Ett

Text.

## Två

Text.

## Tre

Text.

## Fyra

Text.
"""


def step_link_project(tmp_path: Path, anchor: str) -> Path:
    files = {
        "sv/e-post/guide.md": GUIDE,
        "sv/e-post/other.md": f"---\nid: other\ntitle: Annan\ncategory: email\n---\nSe [steget](guide.md#{anchor}).\n",
    }
    return write_project(tmp_path, files)


def test_link_to_an_existing_step_builds_strict(tmp_path):
    project = step_link_project(tmp_path, "step-4")
    built = build_project(project / "mkdocs.yml", tmp_path / "site", strict=True)
    assert built.warnings() == []
    link = page_at(built.site, "/sv/e-post/other/").select_one("article a[href*=step-4]")
    assert resolve("/sv/e-post/other/", link["href"]) == "/sv/e-post/guide/"
    assert urlsplit(link["href"]).fragment == "step-4"
    # The English fallback copy links to the English fallback copy of the guide, same step.
    link = page_at(built.site, "/en/e-post/other/").select_one("article a[href*=step-4]")
    assert resolve("/en/e-post/other/", link["href"]) == "/en/e-post/guide/"


def test_link_to_a_missing_step_fails_the_strict_build_naming_file_and_anchor(tmp_path):
    project = step_link_project(tmp_path, "step-9")
    with captured() as messages, pytest.raises(Abort):
        build_project(project / "mkdocs.yml", tmp_path / "site", strict=True)
    warnings = [m for m in messages if m.startswith("WARNING")]
    named = [w for w in warnings if "sv/e-post/other.md" in w and "step-9" in w]
    assert named, warnings


# -- a category a locale lacks ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lacking(tmp_path_factory) -> Built:
    source = "---\nid: publish\ntitle: Publicera\ncategory: websites\ntags: [x]\n---\nText.\n"
    record, _ = read_article("sv/webbplatser/publicera.md", "sv", "sv/webbplatser/publicera/", source)
    assert record is not None
    stamp = yaml.safe_dump({"translated_from": {"locale": "sv", "article": record.fingerprint, "steps": {}}})
    files = {
        "sv/categories.yml": "email:\n  title: E-post\nwebsites:\n  slug: webbplatser\n  title: Webbplatser\n"
        "  description: Bygg och publicera.\n",
        "sv/webbplatser/publicera.md": source,
        "sv/webbplatser/ssl.md": "---\nid: ssl\ntitle: SSL\ncategory: websites\ntags: [x]\n---\nText.\n",
        "en/websites/publish.md": f"---\nid: publish\ntitle: Publish\ncategory: websites\n{stamp}---\nText.\n",
    }
    project = write_project(tmp_path_factory.mktemp("lacking"), files)
    return build_project(project / "mkdocs.yml", project / "site")


def test_a_category_a_locale_lacks_is_one_warning(lacking):
    assert lacking.warnings() == [
        "WARNING: helpcenter: en/categories.yml: lacks the category 'websites' that sv articles use: its pages "
        "show the sv title 'Webbplatser' meanwhile; add websites: with a 'title' in this locale's words"
    ]


def swedish_in_english() -> str:
    return f"({Locale.parse('sv').get_display_name(Locale.parse('en'))})".replace("(", "(in ", 1)


@pytest.mark.parametrize(
    ("url", "where"),
    [
        ("/en/webbplatser/", "article h1"),
        ("/en/webbplatser/", "nav.hc-breadcrumbs [aria-current]"),
        ("/en/", ".hc-home section:last-of-type h2"),  # after the locale's own categories
        ("/en/websites/publish/", "nav.hc-breadcrumbs li:nth-of-type(2)"),  # a translation in that category
        ("/en/webbplatser/ssl/", "nav.hc-breadcrumbs li:nth-of-type(2)"),  # an untranslated one
    ],
)
def test_its_pages_show_the_source_title_marked_with_its_language(lacking, url, where):
    element = page_at(lacking.site, url).select_one(where)
    assert element is not None, url
    assert text_of(element) == f"Webbplatser {swedish_in_english()}"
    assert element.select_one("[lang=sv]").get_text() == "Webbplatser"


def test_its_listing_lists_the_locales_articles(lacking):
    page = page_at(lacking.site, "/en/webbplatser/")
    links = page.select(".hc-listing__link")
    assert [(text_of(a), a.get("lang")) for a in links] == [("Publish", None), ("SSL", "sv")]  # SSL: untranslated
    assert page.select_one(".hc-category__description[lang=sv]").get_text() == "Bygg och publicera."
    assert page_at(lacking.site, "/sv/webbplatser/").select_one("article h1 [lang]") is None  # the source's own
