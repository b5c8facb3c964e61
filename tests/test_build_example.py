"""The example help center as a reader sees it: built once (strict) and read as HTML."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT

LOCALES = ("sv", "en")
SEED = {
    "sv": "sv/e-post/jag-kan-inte-logga-in-pa-webbmail/",
    "en": "en/email/cannot-log-in-to-webmail/",
}
SEED_STEPS = {
    "sv": [
        "Steg 1 - Besök vår statussida",
        "Steg 2 - Kontrollera dina inloggningsuppgifter och vilken sida du är på",
        "Steg 3 - Kontrollera att ditt konto är skapat och aktivt",
        "Steg 4 - Återställ lösenordet",
    ],
    "en": [
        "Step 1 - Visit our status page",
        "Step 2 - Check your login details and which page you are on",
        "Step 3 - Check that your account is created and active",
        "Step 4 - Reset the password",
    ],
}
DONE = {"sv": "Klart", "en": "Done"}
NOTE = {"sv": "Obs!", "en": "Note"}
SEARCH = {"sv": "Sök", "en": "Search"}
TOC_TITLE = {"sv": "Innehållsförteckning", "en": "Table of contents"}
SUPPORT_URL = "https://www.example.com/support/chat"
HOST = "https://help.example.test"


# -- what the sources say (read here with plain YAML, not through the plugin) -------------------------


@dataclass(frozen=True)
class Source:
    locale: str
    url: str
    meta: dict
    text: str


def _front_matter(text: str) -> dict:
    _, front, _ = text.split("---\n", 2)
    return yaml.safe_load(front)


@cache
def sources() -> tuple[Source, ...]:
    found = []
    for path in sorted((ROOT / "content").rglob("*.md")):
        rel = path.relative_to(ROOT / "content").as_posix()
        locale = rel.split("/")[0]
        url = "/" + (rel[: -len("index.md")] if rel.endswith("index.md") else rel[: -len(".md")] + "/")
        text = path.read_text(encoding="utf-8")
        found.append(Source(locale, url, _front_matter(text), text))
    return tuple(found)


def articles(locale: str) -> list[Source]:
    return [s for s in sources() if s.locale == locale and "id" in s.meta]


def home(locale: str) -> Source:
    return next(s for s in sources() if s.url == f"/{locale}/")


def categories(locale: str) -> dict:
    text = (ROOT / "content" / locale / "categories.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def guide_pairs() -> list[tuple[Source, Source]]:
    english = {s.meta["id"]: s for s in articles("en")}
    return [
        (s, english[s.meta["id"]]) for s in articles("sv") if s.meta.get("type") == "guide" and s.meta["id"] in english
    ]


# -- reading the built site ---------------------------------------------------------------------------


def url_of(site: Path, file: Path) -> str:
    rel = file.relative_to(site).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def resolve(page_url: str, href: str) -> str:
    """The site path a link on page_url points to (no fragment)."""
    return urlsplit(urljoin(HOST + page_url, href)).path


def target_file(site: Path, path: str) -> Path:
    return site / path.lstrip("/") / "index.html" if path.endswith("/") else site / path.lstrip("/")


@cache
def _soup(file: Path) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def soup_at(site: Path, url: str) -> BeautifulSoup:
    return _soup(target_file(site, url))


def html_pages(site: Path, locale: str) -> list[Path]:
    return sorted((site / locale).rglob("*.html"))


def text_of(element) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


def heading_text(heading) -> str:
    """A heading's text without the permalink."""
    copy = BeautifulSoup(str(heading), "html.parser")
    for link in copy.select("a.headerlink"):
        link.decompose()
    return text_of(copy)


def content(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner")


def step_headings(soup: BeautifulSoup) -> list:
    return [h for h in content(soup).find_all("h2") if h.find_parent("nav") is None]


def position(soup: BeautifulSoup):
    order = {id(el): i for i, el in enumerate(soup.find_all(True))}
    return lambda element: order[id(element)]


@pytest.fixture(scope="module")
def site(example_site) -> Path:
    return example_site.site


# -- the seed guide -------------------------------------------------------------------------------------


def test_example_builds_strict_without_warnings(example_site):
    assert example_site.warnings() == []


@pytest.mark.parametrize("locale", LOCALES)
def test_seed_step_headings(site, locale):
    soup = soup_at(site, "/" + SEED[locale])
    assert [heading_text(h) for h in step_headings(soup)] == SEED_STEPS[locale]


@pytest.mark.parametrize("locale", LOCALES)
def test_seed_title(site, locale):
    soup = soup_at(site, "/" + SEED[locale])
    seed = next(s for s in articles(locale) if s.url == "/" + SEED[locale])
    assert soup.title.get_text() == f"{seed.meta['title']} - {home(locale).meta['title']}"
    assert text_of(content(soup).find("h1")) == seed.meta["title"]


@pytest.mark.parametrize(("sv", "en"), guide_pairs(), ids=lambda s: s.meta["id"])
def test_step_anchors_are_equal_across_locales(site, sv, en):
    sv_ids = [h.get("id") for h in step_headings(soup_at(site, sv.url))]
    en_ids = [h.get("id") for h in step_headings(soup_at(site, en.url))]
    assert sv_ids == en_ids
    assert all(sv_ids)
    assert len(set(sv_ids)) == len(sv_ids)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_overview_link_resolves_on_its_page(site, locale):
    guides = [s for s in articles(locale) if s.meta.get("type") == "guide"]
    assert guides
    for guide in guides:
        soup = soup_at(site, guide.url)
        overview = soup.select_one("nav.hc-overview")
        assert overview is not None, guide.url
        links = overview.select("a[href]")
        assert len(links) == len(step_headings(soup)), guide.url
        for link in links:
            assert link["href"].startswith("#"), guide.url
            target = soup.find(id=link["href"][1:])
            assert target is not None, (guide.url, link["href"])
            assert text_of(link) == heading_text(target), guide.url


@pytest.mark.parametrize("locale", LOCALES)
def test_seed_checks_are_labelled_checkboxes(site, locale):
    soup = soup_at(site, "/" + SEED[locale])
    seed = next(s for s in articles(locale) if s.url == "/" + SEED[locale])
    written = [line[len("- [ ] ") :] for line in seed.text.splitlines() if line.startswith("- [ ] ")]
    assert len(written) == 11
    boxes = content(soup).select("input")
    assert all(box.get("type") == "checkbox" for box in boxes)
    labels = []
    for box in boxes:
        label = box.find_parent("label")
        assert label is not None
        labels.append(text_of(label))
    assert len(labels) == 12
    assert labels.count(DONE[locale]) == 1
    assert [text for text in labels if text != DONE[locale]] == written
    # The one "Done" check belongs to the step that has no checks of its own (step 1).
    at = position(soup)
    first, second = step_headings(soup)[:2]
    done = next(b for b in boxes if text_of(b.find_parent("label")) == DONE[locale])
    assert at(first) < at(done) < at(second)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_check_on_every_guide_is_a_labelled_checkbox(site, locale):
    for guide in [s for s in articles(locale) if s.meta.get("type") == "guide"]:
        boxes = content(soup_at(site, guide.url)).select("input")
        assert boxes, guide.url
        written = sum(1 for line in guide.text.splitlines() if line.startswith(("- [ ] ", "* [ ] ")))
        assert len(boxes) >= written, guide.url
        for box in boxes:
            assert box.get("type") == "checkbox", guide.url
            label = box.find_parent("label")
            assert label is not None, guide.url
            assert text_of(label), guide.url


@pytest.mark.parametrize(("sv", "en"), guide_pairs(), ids=lambda s: s.meta["id"])
def test_check_state_is_shared_across_locales(site, sv, en):
    def keys(url: str) -> list[tuple[str, str]]:
        soup = soup_at(site, url)
        return [(box.get("data-hc-key"), box.get("data-hc-fp")) for box in content(soup).select("input[type=checkbox]")]

    assert keys(sv.url) == keys(en.url)


@pytest.mark.parametrize("locale", LOCALES)
def test_note_is_an_admonition_inside_step_2(site, locale):
    soup = soup_at(site, "/" + SEED[locale])
    at = position(soup)
    heads = step_headings(soup)
    notes = content(soup).select("div.admonition.note")
    assert len(notes) == 1
    note = notes[0]
    assert text_of(note.select_one(".admonition-title")) == NOTE[locale]
    assert at(heads[1]) < at(note) < at(heads[2])


@pytest.mark.parametrize("locale", LOCALES)
def test_tip_comes_before_step_1(site, locale):
    soup = soup_at(site, "/" + SEED[locale])
    at = position(soup)
    tip = content(soup).select_one("div.admonition.tip")
    assert tip is not None
    assert at(content(soup).find("h1")) < at(tip) < at(step_headings(soup)[0])


@pytest.mark.parametrize("locale", LOCALES)
def test_support_paragraph_comes_after_the_steps(site, locale):
    soup = soup_at(site, "/" + SEED[locale])
    at = position(soup)
    link = content(soup).find("a", href=SUPPORT_URL)
    assert link is not None
    paragraph = link.find_parent("p")
    last_check = content(soup).select("input[type=checkbox]")[-1]
    assert at(paragraph) > at(step_headings(soup)[-1])
    assert at(paragraph) > at(last_check)
    assert paragraph.find_parent("section") is None


# -- language of every page -------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_html_lang_of_every_page(site, locale):
    pages = html_pages(site, locale)
    assert len(pages) > len(articles(locale))
    for page in pages:
        assert _soup(page).html.get("lang") == locale, page


@pytest.mark.parametrize("locale", LOCALES)
def test_material_search_placeholder_is_localized(site, locale):
    for page in html_pages(site, locale):
        search = _soup(page).select_one("input.md-search__input")
        assert search is not None, page
        assert search.get("placeholder") == SEARCH[locale], page


@pytest.mark.parametrize("locale", LOCALES)
def test_material_toc_title_is_localized(site, locale):
    soup = soup_at(site, "/" + SEED[locale])
    toc = soup.select_one("nav.md-nav--secondary")
    assert toc is not None
    assert toc.get("aria-label") == TOC_TITLE[locale]
    assert text_of(toc.select_one(".md-nav__title")) == TOC_TITLE[locale]


@pytest.mark.parametrize("locale", LOCALES)
def test_primary_nav_holds_only_the_locales_pages(site, locale):
    for page in html_pages(site, locale):
        soup = _soup(page)
        nav = soup.select_one("nav.md-nav--primary")
        assert nav is not None, page
        hrefs = [a["href"] for a in nav.select("a[href]")]
        assert hrefs, page
        for href in hrefs:
            path = resolve(url_of(site, page), href)
            assert path.startswith(f"/{locale}/"), (page, href)
            assert target_file(site, path).is_file(), (page, href)


@pytest.mark.parametrize("locale", LOCALES)
def test_404_page_per_locale(site, locale):
    page = site / locale / "404.html"
    assert page.is_file()
    soup = _soup(page)
    assert soup.html.get("lang") == locale
    nav = soup.select_one("nav.md-nav--primary")
    assert nav is not None
    # Served for any missing URL, so its links must work from any depth.
    for link in nav.select("a[href]"):
        assert link["href"].startswith("/"), link["href"]


def test_root_lists_every_locale(site):
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    plugin = next(p["helpcenter"] for p in settings["plugins"] if isinstance(p, dict) and "helpcenter" in p)
    soup = _soup(site / "index.html")
    links = {(resolve("/", a["href"]), text_of(a)) for a in soup.select("a[href]")}
    for code, name in plugin["locales"].items():
        assert (f"/{code}/", name) in links
        assert _soup(target_file(site, f"/{code}/")).html.get("lang") == code


# -- listings ---------------------------------------------------------------------------------------------


def listed(site: Path, url: str, locale: str) -> list[str]:
    """The article pages a page's content links to, resolved, in page order (once each)."""
    known = {s.url for s in articles(locale)}
    shown: list[str] = []
    for link in content(soup_at(site, url)).select("a[href]"):
        path = resolve(url, link["href"])
        if path in known and path not in shown:
            shown.append(path)
    return shown


@pytest.mark.parametrize("locale", LOCALES)
def test_category_pages_list_their_articles_guides_first(site, locale):
    for category_id, category in categories(locale).items():
        url = f"/{locale}/{category.get('slug', category_id)}/"
        soup = soup_at(site, url)
        assert text_of(content(soup).find("h1")) == category["title"]
        members = {s.url: s for s in articles(locale) if s.meta.get("category") == category_id}
        shown = listed(site, url, locale)
        assert sorted(shown) == sorted(members), url
        kinds = [members[u].meta.get("type", "article") for u in shown]
        assert kinds == sorted(kinds, key=lambda kind: kind != "guide"), url
        for link_url in shown:
            assert target_file(site, link_url).is_file()


@pytest.mark.parametrize("locale", LOCALES)
def test_home_lists_every_category(site, locale):
    url = f"/{locale}/"
    soup = soup_at(site, url)
    links = {(resolve(url, a["href"]), text_of(a)) for a in content(soup).select("a[href]")}
    for category_id, category in categories(locale).items():
        target = f"/{locale}/{category.get('slug', category_id)}/"
        assert (target, category["title"]) in links, target


@pytest.mark.parametrize("locale", LOCALES)
def test_related_links_resolve_to_pages_of_the_same_locale(site, locale):
    known = {s.url for s in articles(locale)}
    with_related = 0
    for article in articles(locale):
        soup = soup_at(site, article.url)
        related = soup.select_one("nav.hc-related")
        if related is None:
            continue
        with_related += 1
        links = related.select("a[href]")
        assert links, article.url
        for link in links:
            path = resolve(article.url, link["href"])
            assert path in known, (article.url, link["href"])
            assert path != article.url
            assert target_file(site, path).is_file()
    assert with_related == len(articles(locale))
