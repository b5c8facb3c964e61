"""Deterministic generator of synthetic help centers for the benchmark.

Writes ``<out>/content/<locale>/<category-slug>/<slug>.md`` in the plugin's source
format (front matter, guides with ``##`` steps and ``- [ ]`` checks, an admonition,
a fenced block holding a ``## not a step`` line), each locale's ``index.md`` and
``categories.yml``, and one MkDocs config per variant:

- ``mkdocs-with.yml``: Material + helpcenter (whose search is Pagefind);
- ``mkdocs-with-nosearch.yml``: the same with the plugin's ``search: false`` (what indexing adds);
- ``mkdocs-without.yml``: Material + its lunr search, without the helpcenter plugin (full nav);
- ``mkdocs-without-prune.yml``: the same plus Material's ``navigation.prune``.

Every article has the same id, category, type, tags, related ids and structure
in every locale; the words come from a per-locale vocabulary, so the text and the
search index differ per locale like real translations do. The output depends only
on (articles, locales, seed).

Usage: ``python bench/gen.py OUT --articles 1000 --locales sv,en [--seed 1]``
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import itertools
import json
import random
import shutil
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

LOCALES = ("sv", "en", "de", "fi")
LOCALE_NAMES = {"sv": "Svenska", "en": "English", "de": "Deutsch", "fi": "Suomi"}
VARIANTS = ("with", "with-nosearch", "without", "without-prune")
GUIDE_SHARE = 2 / 3
OUTDATED_SHARE = 0.05
VOCABULARY = 3000
TAGS = 300

# Category id -> (slug, title) per locale; ten categories, articles spread evenly.
CATEGORIES: dict[str, dict[str, tuple[str, str]]] = {
    "email": {
        "sv": ("e-post", "E-post"),
        "en": ("email", "Email"),
        "de": ("e-mail", "E-Mail"),
        "fi": ("sahkoposti", "Sähköposti"),
    },
    "domains": {
        "sv": ("domaner", "Domäner"),
        "en": ("domains", "Domains"),
        "de": ("domains", "Domains"),
        "fi": ("verkkotunnukset", "Verkkotunnukset"),
    },
    "billing": {
        "sv": ("fakturering", "Fakturering"),
        "en": ("billing", "Billing"),
        "de": ("abrechnung", "Abrechnung"),
        "fi": ("laskutus", "Laskutus"),
    },
    "websites": {
        "sv": ("webbplatser", "Webbplatser"),
        "en": ("websites", "Websites"),
        "de": ("websites", "Websites"),
        "fi": ("verkkosivut", "Verkkosivut"),
    },
    "hosting": {
        "sv": ("webbhotell", "Webbhotell"),
        "en": ("hosting", "Hosting"),
        "de": ("hosting", "Hosting"),
        "fi": ("webhotelli", "Webhotelli"),
    },
    "security": {
        "sv": ("sakerhet", "Säkerhet"),
        "en": ("security", "Security"),
        "de": ("sicherheit", "Sicherheit"),
        "fi": ("tietoturva", "Tietoturva"),
    },
    "account": {
        "sv": ("konto", "Konto"),
        "en": ("account", "Account"),
        "de": ("konto", "Konto"),
        "fi": ("tili", "Tili"),
    },
    "databases": {
        "sv": ("databaser", "Databaser"),
        "en": ("databases", "Databases"),
        "de": ("datenbanken", "Datenbanken"),
        "fi": ("tietokannat", "Tietokannat"),
    },
    "backups": {
        "sv": ("sakerhetskopior", "Säkerhetskopior"),
        "en": ("backups", "Backups"),
        "de": ("sicherungen", "Sicherungen"),
        "fi": ("varmuuskopiot", "Varmuuskopiot"),
    },
    "migration": {
        "sv": ("flytt", "Flytt"),
        "en": ("migration", "Migration"),
        "de": ("umzug", "Umzug"),
        "fi": ("siirto", "Siirto"),
    },
}

HOME_TITLES = {"sv": "Hjälpcenter", "en": "Help center", "de": "Hilfe-Center", "fi": "Ohjekeskus"}
SEE_ALSO = {"sv": "Läs också", "en": "See also", "de": "Siehe auch", "fi": "Katso myös"}
NOTE_TITLES = {"sv": "Obs!", "en": "Note", "de": "Hinweis", "fi": "Huomio"}

# Syllable inventories give each locale words of its own shape (and its own letters).
_SYLLABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "sv": (
        (
            "k",
            "st",
            "tr",
            "sk",
            "l",
            "m",
            "n",
            "r",
            "v",
            "f",
            "b",
            "d",
            "g",
            "h",
            "j",
            "p",
            "s",
            "t",
            "sv",
            "fr",
        ),
        ("a", "e", "i", "o", "u", "y", "å", "ä", "ö"),
        ("", "n", "r", "l", "k", "t", "ng", "st", "rd", "ll", "nn", "tt"),
        ("", "", "en", "ar", "et", "ing", "ning", "are", "lig", "or"),
    ),
    "en": (
        ("b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "w", "br", "cl", "pr", "st", "sh"),
        ("a", "e", "i", "o", "u", "ea", "ai", "oo", "ou"),
        ("", "n", "r", "l", "t", "ck", "nd", "st", "ng", "ll", "ss"),
        ("", "", "ing", "er", "ed", "tion", "ment", "able", "ly", "s"),
    ),
    "de": (
        ("b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "w", "z", "sch", "st", "sp", "kl"),
        ("a", "e", "i", "o", "u", "ä", "ö", "ü", "ei", "au", "ie"),
        ("", "n", "r", "l", "t", "ch", "ng", "ss", "tz", "ck", "rt", "ß"),
        ("", "", "en", "ung", "er", "lich", "keit", "heit", "ig", "e"),
    ),
    "fi": (
        ("k", "t", "p", "s", "h", "l", "m", "n", "r", "v", "j"),
        ("a", "e", "i", "o", "u", "y", "ä", "ö", "aa", "ee", "ii", "uu", "ää"),
        ("", "", "n", "t", "s", "l", "k", "kk", "tt", "ss", "nn"),
        ("", "inen", "nen", "ssa", "lla", "sta", "an", "en", "lle", "ksi"),
    ),
}
# Words YAML 1.1 would read as booleans or null in a front-matter list.
_RESERVED = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null", "ja", "nej", "nein"})


@dataclass(frozen=True)
class Spec:
    """One generated help center."""

    articles: int
    locales: tuple[str, ...]
    seed: int = 1

    @property
    def name(self) -> str:
        return f"n{self.articles}-{'-'.join(self.locales)}-s{self.seed}"


class _Vocabulary:
    """A locale's words with Zipf-like frequencies, and its tag words."""

    def __init__(self, locale: str, seed: int) -> None:
        rng = random.Random(f"{seed}/vocabulary/{locale}")
        onsets, vowels, codas, suffixes = _SYLLABLES[locale]
        seen: set[str] = set()
        words: list[str] = []
        while len(words) < VOCABULARY + TAGS:
            parts = [rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas)]
            for _ in range(rng.choice((0, 1, 1, 2))):
                parts.append(rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas))
            word = "".join(parts) + rng.choice(suffixes)
            if len(word) < 2 or word in seen or word in _RESERVED:
                continue
            seen.add(word)
            words.append(word)
        # Short words are the frequent ones, as in real text.
        common = words[:VOCABULARY]
        common.sort(key=len)
        self.words = common
        self.cum_weights = list(itertools.accumulate(1 / (rank + 1) ** 0.9 for rank in range(len(common))))
        self.tags = words[VOCABULARY:]

    def pick(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum_weights, k=count)


_VOCABULARIES: dict[tuple[str, int], _Vocabulary] = {}


def vocabulary(locale: str, seed: int) -> _Vocabulary:
    key = (locale, seed)
    if key not in _VOCABULARIES:
        _VOCABULARIES[key] = _Vocabulary(locale, seed)
    return _VOCABULARIES[key]


def slugify(text: str) -> str:
    """ASCII slug: å->a, ö->o, ß->ss, other marks dropped."""
    text = text.lower().replace("ß", "ss")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = []
    for char in ascii_text:
        out.append(char if char.isalnum() else "-")
    return "-".join(part for part in "".join(out).split("-") if part)


class _Writer:
    """Sentences in one locale, from one article's random stream."""

    def __init__(self, vocab: _Vocabulary, rng: random.Random) -> None:
        self.vocab = vocab
        self.rng = rng

    def phrase(self, low: int, high: int) -> str:
        words = self.vocab.pick(self.rng, self.rng.randint(low, high))
        return " ".join(words)

    def sentence(self, low: int = 8, high: int = 16, *, markup: bool = True) -> str:
        """A sentence; with ``markup``, some have a **bold** or `code` word."""
        rng = self.rng
        words = self.vocab.pick(rng, rng.randint(low, high))
        if len(words) > 6 and rng.random() < 0.3:
            words[rng.randrange(2, len(words) - 2)] += ","
        if not markup:
            pass
        elif rng.random() < 0.12:
            at = rng.randrange(1, len(words))
            words[at] = f"**{words[at]}**"
        elif rng.random() < 0.06:
            at = rng.randrange(1, len(words))
            words[at] = f"`{words[at]}`"
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def title(self, low: int = 4, high: int = 7) -> str:
        text = self.phrase(low, high)
        return text[0].upper() + text[1:]


@dataclass(frozen=True)
class _Shape:
    """What every translation of one article shares."""

    index: int
    id: str
    guide: bool
    category: str
    tags: tuple[int, ...]
    related: tuple[str, ...]
    updated: datetime.date
    checks: tuple[int, ...]
    code_step: int
    outdated: bool


def _shape(spec: Spec, index: int, categories: Sequence[str]) -> _Shape:
    rng = random.Random(f"{spec.seed}/shape/{index}")
    guide = rng.random() < GUIDE_SHARE
    tag_weights = _TAG_WEIGHTS
    tags: list[int] = []
    wanted = rng.randint(2, 4)
    while len(tags) < wanted:
        tag = rng.choices(range(TAGS), cum_weights=tag_weights)[0]
        if tag not in tags:
            tags.append(tag)
    related: list[str] = []
    if spec.articles > 3:
        wanted = rng.randint(2, 3)
        while len(related) < wanted:
            other = rng.randrange(spec.articles)
            if other != index and _article_id(other) not in related:
                related.append(_article_id(other))
    no_checks = rng.randrange(4)
    checks = tuple(0 if step == no_checks else rng.randint(3, 5) for step in range(4))
    return _Shape(
        index=index,
        id=_article_id(index),
        guide=guide,
        category=categories[index % len(categories)],
        tags=tuple(tags),
        related=tuple(related),
        updated=datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(700)),
        checks=checks,
        code_step=rng.randrange(4) if guide else rng.randrange(3),
        outdated=rng.random() < OUTDATED_SHARE,
    )


# Tags follow a mild Zipf law: a few common ones, a long tail.
_TAG_WEIGHTS = list(itertools.accumulate(1 / (rank + 5) for rank in range(TAGS)))


def _yaml_block(key: str, value: Any) -> list[str]:
    if value is None:
        return []
    return yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False).splitlines()


def _article_id(index: int) -> str:
    return f"art-{index:05d}"


def _code_block(writer: _Writer) -> list[str]:
    host = slugify(writer.phrase(1, 1)) or "mail"
    return [
        "```text",
        "## not a step",
        f"server: {host}.example.com",
        "port: 993",
        f"user: {slugify(writer.phrase(1, 1)) or 'user'}@example.com",
        "```",
    ]


def _article_text(
    shape: _Shape,
    locale: str,
    seed: int,
    title: str,
    link: tuple[str, str] | None = None,
    stamp: dict[str, Any] | None = None,
) -> str:
    """One article in one locale; ``link`` is (title, relative .md path) of another article."""
    vocab = vocabulary(locale, seed)
    writer = _Writer(vocab, random.Random(f"{seed}/text/{shape.index}/{locale}"))
    summary = writer.sentence(9, 15, markup=False)
    tags = ", ".join(vocab.tags[t] for t in shape.tags)
    lines = [
        "---",
        f"id: {shape.id}",
        f"title: {title}",
        f"summary: {summary}",
        f"type: {'guide' if shape.guide else 'article'}",
        f"category: {shape.category}",
        f"tags: [{tags}]",
        f"related: [{', '.join(shape.related)}]",
        f"updated: {shape.updated.isoformat()}",
        *_yaml_block("translated_from", stamp),
        "---",
        "",
        writer.paragraph(7) + (f" {SEE_ALSO[locale]} [{link[0]}]({link[1]})." if link else ""),
        "",
        f'!!! note "{NOTE_TITLES[locale]}"',
        f"    {writer.paragraph(2)}",
        "",
    ]
    if shape.guide:
        for step, checks in enumerate(shape.checks):
            lines += [f"## {writer.title(3, 6)}", "", writer.paragraph(6), ""]
            if step == shape.code_step:
                lines += [*_code_block(writer), ""]
            if checks:
                lines += [f"- [ ] {writer.sentence(5, 10)}" for _ in range(checks)]
                lines.append("")
        lines += ["***", "", writer.paragraph(4), ""]
    else:
        for section in range(3):
            lines += [f"## {writer.title(3, 6)}", "", writer.paragraph(6), ""]
            if section == shape.code_step:
                lines += [*_code_block(writer), ""]
            lines += [f"- {writer.sentence(5, 10)}" for _ in range(4)]
            lines += ["", writer.paragraph(3), ""]
        lines += [writer.paragraph(4), ""]
    return "\n".join(lines)


@dataclass(frozen=True)
class Source:
    """One generated file: its path under the docs dir, its URL and its text."""

    src_uri: str
    url: str
    text: str


Stamper = Callable[[Source], "dict[str, Any] | None"]


def _stamper() -> Stamper | None:
    """The plugin's own ``translated_from`` record of a source file (None: plugin without it)."""
    try:
        from helpcenter.sources import read_article
        from helpcenter.translations import stamp
    except ImportError:
        return None

    def record(source: Source) -> dict[str, Any] | None:
        locale = source.src_uri.partition("/")[0]
        article, _problems = read_article(source.src_uri, locale, source.url, source.text)
        return stamp(article) if article is not None else None

    return record


def _outdate(record: dict[str, Any], shape: _Shape) -> dict[str, Any]:
    """A stamp of an older source: the whole article and (guides) its second step changed since."""
    steps = dict(record.get("steps") or {})
    if steps:
        steps[sorted(steps)[min(1, len(steps) - 1)]] = "0000000000"
    return {**record, "article": "0000000000", "steps": steps}


def sources(spec: Spec, *, stamps: bool = True) -> Iterator[Source]:
    """Every file of the help center, in a deterministic order.

    Translations (every locale but the first) carry the ``translated_from`` stamp the
    plugin's ``helpcenter i18n mark`` would write; about 5% are stamped from an older
    source, so they render as outdated translations.
    """
    categories = list(CATEGORIES)
    for locale in spec.locales:
        vocab = vocabulary(locale, spec.seed)
        rng = random.Random(f"{spec.seed}/site/{locale}")
        catalog: dict[str, dict[str, str]] = {}
        for cid, names in CATEGORIES.items():
            slug, title = names[locale]
            writer = _Writer(vocab, rng)
            catalog[cid] = {"slug": slug, "title": title, "description": writer.sentence(8, 14, markup=False)}
        yield Source(
            f"{locale}/categories.yml",
            f"{locale}/categories.yml",
            yaml.safe_dump(catalog, allow_unicode=True, sort_keys=False),
        )
        home = _Writer(vocab, rng)
        yield Source(
            f"{locale}/index.md",
            f"{locale}/",
            f"---\ntitle: {HOME_TITLES[locale]}\n---\n\n{home.paragraph(3)}\n",
        )
    stamper = _stamper() if stamps and len(spec.locales) > 1 else None
    shapes = [_shape(spec, index, categories) for index in range(spec.articles)]
    pages = _pages(spec, shapes)
    for shape in shapes:
        record: dict[str, Any] | None = None
        for position, locale in enumerate(spec.locales):
            folder, slug, title = pages[(shape.index, locale)]
            link = None
            if shape.related:
                other = pages[(int(shape.related[0].rpartition("-")[2]), locale)]
                href = f"{other[1]}.md" if other[0] == folder else f"../{other[0]}/{other[1]}.md"
                link = (other[2], href)
            stamp = None
            if position and record is not None:
                stamp = _outdate(record, shape) if shape.outdated else record
            source = Source(
                f"{locale}/{folder}/{slug}.md",
                f"{locale}/{folder}/{slug}/",
                _article_text(shape, locale, spec.seed, title, link, stamp),
            )
            if position == 0 and stamper is not None:
                record = stamper(source)
            yield source


def _pages(spec: Spec, shapes: Sequence[_Shape]) -> dict[tuple[int, str], tuple[str, str, str]]:
    """(article index, locale) -> (category folder, slug, title); slugs are unique per locale."""
    pages = {}
    for locale in spec.locales:
        used: set[str] = set()
        for shape in shapes:
            titler = _Writer(vocabulary(locale, spec.seed), random.Random(f"{spec.seed}/title/{shape.index}/{locale}"))
            title = titler.title()
            base = "-".join(slugify(title).split("-")[:6]) or shape.id
            slug, number = base, 2
            while slug in used:
                slug, number = f"{base}-{number}", number + 1
            used.add(slug)
            pages[(shape.index, locale)] = (CATEGORIES[shape.category][locale][0], slug, title)
    return pages


def config(spec: Spec, variant: str) -> dict[str, Any]:
    """The MkDocs config of one variant; all three share theme, pages and extensions."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}")
    features = ["navigation.instant", "navigation.footer", "search.highlight"]
    if variant == "without-prune":
        features.append("navigation.prune")
    # Material's lunr search for plain Material; the help center brings its own (Pagefind).
    # "with-nosearch": the plugin without its search, the other side of what indexing adds to a build.
    plugins: list[Any] = [] if variant in ("with", "with-nosearch") else ["search"]
    if variant in ("with", "with-nosearch"):
        options: dict[str, Any] = {
            "default_locale": spec.locales[0],
            "locales": {code: LOCALE_NAMES[code] for code in spec.locales},
        }
        if variant == "with-nosearch":
            options["search"] = False
        plugins.append({"helpcenter": options})
    return {
        "site_name": "Bench help center",
        "site_url": "https://help.example.com/",
        "docs_dir": "content",
        "site_dir": f"site-{variant}",
        "use_directory_urls": True,
        "theme": {"name": "material", "language": spec.locales[0], "features": features},
        "markdown_extensions": [
            "admonition",
            "attr_list",
            {"toc": {"permalink": True}},
            "pymdownx.details",
            "pymdownx.superfences",
            {"pymdownx.tasklist": {"custom_checkbox": True}},
        ],
        "plugins": plugins,
        "validation": {"nav": {"omitted_files": "ignore"}},
    }


def _fingerprint(spec: Spec) -> str:
    """Of the spec, this generator and the plugin modules whose fingerprints the stamps hold."""
    code = Path(__file__).read_bytes()
    try:
        import helpcenter

        package = Path(helpcenter.__file__).parent
        for name in ("sources.py", "translations.py"):
            if (package / name).is_file():
                code += (package / name).read_bytes()
    except ImportError:
        pass
    return hashlib.sha256(code + json.dumps(asdict(spec)).encode()).hexdigest()[:16]


def write_tree(out: Path, spec: Spec) -> Path:
    """Write the help center and its configs under ``out``; reuse an identical earlier tree."""
    for locale in spec.locales:
        if locale not in LOCALES:
            raise ValueError(f"unknown locale {locale!r} (known: {', '.join(LOCALES)})")
    stamp = out / ".spec"
    if stamp.is_file() and stamp.read_text() == _fingerprint(spec):
        return out
    if out.exists():
        shutil.rmtree(out)
    docs = out / "content"
    for source in sources(spec):
        path = docs / source.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source.text, encoding="utf-8")
    for variant in VARIANTS:
        text = yaml.safe_dump(config(spec, variant), allow_unicode=True, sort_keys=False)
        (out / f"mkdocs-{variant}.yml").write_text(text, encoding="utf-8")
    stamp.write_text(_fingerprint(spec))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--locales", default="sv,en", help=f"comma-separated, from {','.join(LOCALES)}")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    spec = Spec(args.articles, tuple(args.locales.split(",")), args.seed)
    write_tree(args.out, spec)
    print(f"{args.out}: {spec.articles} articles x {len(spec.locales)} locales ({spec.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
