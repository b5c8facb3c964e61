"""The site plan: one URL, one page; a second claimant is named with the first, never silently lost."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import Abort

from conftest import build_site, write_project

ARTICLE = "---\nid: {id}\ntitle: {title}\ncategory: email\n---\n{body}\n"


def article(id_: str, title: str, body: str = "Text.") -> str:
    return ARTICLE.format(id=id_, title=title, body=body)


@pytest.mark.parametrize(
    ("files", "problem", "kept"),
    [
        pytest.param(
            {
                "sv/a.md": article("first", "Först", "Den första."),
                "sv/a/index.md": article("second", "Andra", "Den andra."),
            },
            "sv/a/index.md: has the URL /sv/a/ of sv/a.md; rename or move one of them (this one is not built)",
            ("sv/a/", "Den första."),
            id="a.md next to a/index.md",
        ),
        pytest.param(
            {
                "sv/email.md": article("mail-page", "E-postsidan", "En artikel."),
            },
            "sv/categories.yml: category 'email' (slug 'email') would have the URL /sv/email/ of sv/email.md; "
            "give it a slug of its own (it gets no page)",
            ("sv/email/", "En artikel."),
            id="category slug equal to an article's path",
        ),
        pytest.param(
            {
                "sv/categories.yml": "email:\n  title: E-post\n  slug: hjalp\nweb:\n  title: Webb\n  slug: hjalp\n",
            },
            "sv/categories.yml:4: category 'web': slug 'hjalp' is used by 'email'",
            ("sv/hjalp/", "E-post"),
            id="two categories with one slug",
        ),
    ],
)
def test_two_pages_on_one_url_are_named_and_strict_fails(tmp_path, files, problem, kept):
    defaults = {"sv/e-post/intro.md": article("intro", "Intro")}
    project = write_project(tmp_path, {**defaults, **files})
    built = build_site(project)
    assert f"WARNING: helpcenter: {problem}" in built.warnings(), built.warnings()
    # The first claimant is the page at that URL, whole.
    url, words = kept
    assert words in built.html(url).get_text()
    with pytest.raises(Abort):
        build_site(project, strict=True)


def test_one_page_per_url_in_the_example_layout(tmp_path):
    """No false alarms: a category's own index.md is its page's text, not a second page."""
    files = {
        "sv/e-post/index.md": "---\ntitle: E-post\n---\nOm e-post.\n",
        "sv/e-post/intro.md": article("intro", "Intro"),
        "en/email/intro.md": "---\nid: intro\ntitle: Intro\ncategory: email\n---\nText.\n",
    }
    built = build_site(write_project(tmp_path, files))
    assert [w for w in built.warnings() if "URL" in w] == []


@pytest.mark.parametrize("value", [",", " , ", ",,"])
def test_a_shard_variable_naming_no_locale_is_one_clear_error(tmp_path, monkeypatch, caplog, value):
    monkeypatch.setenv("HELPCENTER_LOCALES", value)
    project = write_project(tmp_path, {"sv/e-post/intro.md": article("intro", "Intro")})
    with pytest.raises(Abort):
        build_site(project)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1, errors
    assert f"HELPCENTER_LOCALES={value.strip()!r} names no locale: name some of " in errors[0]
    assert "Traceback" not in caplog.text


def test_titles_are_escaped_once_in_the_theme(tmp_path):
    """The theme's footer link escapes the title itself: it reads "Frågor & svar", never "&amp;"."""
    files = {"sv/categories.yml": "email:\n  title: Frågor & svar <b>\n", "sv/e-post/intro.md": article("i", "I")}
    theme = {"name": "material", "language": "sv", "features": ["navigation.footer"]}
    built = build_site(write_project(tmp_path, files, {"theme": theme}))
    home = built.html("sv/")
    link = home.select_one("a.md-footer__link--next")
    assert link is not None
    assert link["aria-label"].endswith(": Frågor & svar <b>")
    assert home.find("b") is None or "svar" not in home.find("b").get_text()
