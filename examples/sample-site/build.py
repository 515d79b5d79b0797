"""Render the banwatch sample news site from ``articles.toml``.

banwatch's demo and its tests need a news site to crawl that behaves like a
real one: article pages with the usual metadata, listing pages, RSS and Atom
feeds that overlap, a sitemap and robots.txt. Keeping the articles in one
TOML file and generating everything else from it means a fix to a headline
or a date lands in every page, feed and label at once.

The output in ``site/`` is committed, so rendering must be deterministic:
nothing here reads the clock, the environment or the file system order, and
running the script twice produces identical bytes.

Absolute URLs are written with the literal placeholder ``{{BASE_URL}}``
(no trailing slash). The demo server substitutes its own origin when it
serves a file, so the same output works on any host and port.

The script also writes ``expected.jsonl``, the hand-labelled events that
banwatch's extraction is checked against, from the ``events`` tables in
``articles.toml``.

Usage::

    python build.py            # writes site/ and expected.jsonl
    python build.py --out DIR  # writes the site somewhere else
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from banwatch.vocabulary import ACTIONS, ACTOR_TYPES, LEVELS, STATUSES

HERE = Path(__file__).resolve().parent
ARTICLES_FILE = HERE / "articles.toml"
TEMPLATES_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"
DEFAULT_OUT = HERE.parents[1] / "banwatch" / "data" / "sample-site"
DEFAULT_EXPECTED = HERE / "expected.jsonl"

# Written literally into every absolute URL; the demo server replaces it.
BASE_URL = "{{BASE_URL}}"

SITE_NAME = "The Civic Ledger"
TAGLINE = "Technology, policy and the places we live"
# Atom ids must never change once published, so they use a tag: URI rather
# than the (port-dependent) page URL. This also means RSS guids and Atom ids
# differ for the same story, as they do on many real sites.
TAG_AUTHORITY = "civicledger.example"

SECTIONS = ("Cities", "States", "Tech", "World", "Opinion", "Analysis")
ARTICLES_PER_PAGE = 20
# The pull quote is placed after this paragraph, as a print designer would.
PULL_QUOTE_AFTER = 3
MIN_WORDS, MAX_WORDS = 150, 450
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

ARTICLE_KEYS = {
    "slug", "title", "author", "section", "published", "summary", "body",
    "in_rss", "in_atom", "related", "events",
}  # fmt: skip
OPTIONAL_ARTICLE_KEYS = {
    "dateline", "pull_quote", "pull_quote_source", "photo_caption", "updated", "note",
}  # fmt: skip
# Also the key order of every event in expected.jsonl.
EVENT_KEYS = (
    "actor", "actor_type", "level", "country", "region",
    "action", "status", "scope", "date",
)  # fmt: skip
# TOML has no null, so these may be left out of an event table.
NULLABLE_EVENT_KEYS = {"level", "region"}

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EVENT_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

# Footer pages. They exist so that no link on the site is a dead end.
STATIC_PAGES = (
    {
        "filename": "about.html",
        "title": "About us",
        "description": "About The Civic Ledger, a fictional outlet.",
        "paragraphs": (
            "The Civic Ledger is a fictional news outlet. It exists only as "
            "sample data for banwatch, an open-source tool that follows bans "
            "and moratoriums on facial recognition.",
            "The outlet, its reporters and the people quoted in its stories "
            "are invented, as are a few companies and places in stories that "
            "have nothing to do with bans. The bans, moratoriums and votes "
            "described in its news stories are real public events, and every "
            "sentence was written for this project.",
        ),
    },
    {
        "filename": "contact.html",
        "title": "Contact",
        "description": "How to reach The Civic Ledger newsroom.",
        "paragraphs": (
            "Story tips, corrections and letters to the editor are welcome. "
            "Because this publication is fictional, there is no one to receive "
            "them; please open an issue in the banwatch repository instead.",
        ),
    },
    {
        "filename": "privacy.html",
        "title": "Privacy policy",
        "description": "The Civic Ledger's privacy policy.",
        "paragraphs": (
            "This sample site sets no cookies, runs no analytics and collects "
            "no personal information.",
        ),
    },
    {
        "filename": "newsletter.html",
        "title": "The Ledger Weekly",
        "description": "Sign up for The Ledger Weekly newsletter.",
        "paragraphs": (
            "The Ledger Weekly would arrive every Friday with our reporting on "
            "surveillance, privacy and local government, if it existed. This "
            "page is part of a sample site, so there is nothing to sign up for.",
        ),
    },
)


@dataclass(frozen=True)
class Block:
    """One chunk of article body: a paragraph (``p``) or a subheading (``h2``)."""

    kind: str
    text: str


@dataclass(frozen=True)
class Article:
    """An article as the templates see it, with the derived values precomputed.

    Precomputing URLs and date strings here keeps the templates free of
    formatting logic, so every page and feed formats a date the same way.
    """

    slug: str
    title: str
    author: str
    section: str
    published: datetime
    updated: datetime | None
    summary: str
    blocks: tuple[Block, ...]
    in_rss: bool
    in_atom: bool
    related: tuple[str, ...]
    events: tuple[dict[str, Any], ...]
    dateline: str | None
    pull_quote: str | None
    pull_quote_source: str | None
    photo_caption: str | None
    note: str | None

    @property
    def section_slug(self) -> str:
        return self.section.lower()

    @property
    def url(self) -> str:
        return f"{BASE_URL}/articles/{self.slug}.html"

    @property
    def tag_uri(self) -> str:
        return f"tag:{TAG_AUTHORITY},{self.published.date().isoformat()}:articles/{self.slug}"

    @property
    def modified(self) -> datetime:
        return self.updated or self.published

    @property
    def published_iso(self) -> str:
        return self.published.isoformat()

    @property
    def updated_iso(self) -> str:
        return self.updated.isoformat() if self.updated else ""

    @property
    def modified_iso(self) -> str:
        return self.modified.isoformat()

    @property
    def published_words(self) -> str:
        return date_in_words(self.published)

    @property
    def updated_words(self) -> str:
        return date_in_words(self.updated) if self.updated else ""

    @property
    def published_rfc822(self) -> str:
        return format_datetime(self.published)


def date_in_words(moment: datetime) -> str:
    """Format a date the way a byline does ("May 15, 2019").

    Month names come from a fixed table rather than ``strftime("%B")`` so the
    output does not depend on the machine's locale.
    """
    return f"{MONTHS[moment.month - 1]} {moment.day}, {moment.year}"


def parse_body(body: str) -> tuple[Block, ...]:
    """Split a TOML body into paragraphs on blank lines.

    Lines inside a paragraph are joined with spaces, so long paragraphs may be
    wrapped in the TOML file. A paragraph starting with ``## `` becomes a
    subheading, which explainers use.
    """
    blocks = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        text = " ".join(line.strip() for line in chunk.splitlines())
        if text.startswith("## "):
            blocks.append(Block("h2", text[3:].strip()))
        else:
            blocks.append(Block("p", text))
    return tuple(blocks)


def parse_timestamp(value: Any, field: str, slug: str, errors: list[str]) -> datetime | None:
    """Parse an ISO 8601 string and insist on an explicit UTC offset.

    A naive timestamp would make the feeds' dates depend on where the build
    runs, which breaks reproducibility and misleads date extraction tests.
    """
    if not isinstance(value, str):
        errors.append(f"{slug}: {field} must be an ISO 8601 string")
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        errors.append(f"{slug}: {field} {value!r} is not ISO 8601")
        return None
    if moment.tzinfo is None:
        errors.append(f"{slug}: {field} {value!r} has no UTC offset")
        return None
    return moment


def check_event(event: Any, slug: str, errors: list[str]) -> dict[str, Any] | None:
    """Validate one event label and return it with every key present, in order.

    The fixed key order makes ``expected.jsonl`` diff cleanly.
    """
    if not isinstance(event, dict):
        errors.append(f"{slug}: every event must be a table")
        return None
    unknown = set(event) - set(EVENT_KEYS)
    missing = set(EVENT_KEYS) - set(event) - NULLABLE_EVENT_KEYS
    if unknown or missing:
        errors.append(f"{slug}: event unknown keys {sorted(unknown)}, missing {sorted(missing)}")
        return None
    full = {key: event.get(key) for key in EVENT_KEYS}
    country, region = full["country"], full["region"]
    checks = (
        (full["actor_type"] in ACTOR_TYPES, "actor_type"),
        (full["level"] is None or full["level"] in LEVELS, "level"),
        (full["action"] in ACTIONS, "action"),
        (full["status"] in STATUSES, "status"),
        (isinstance(country, str) and re.fullmatch(r"[A-Z]{2}", country), "country"),
        (region is None or re.fullmatch(r"[A-Z0-9]{1,3}", str(region)), "region"),
        (isinstance(full["actor"], str) and full["actor"].strip(), "actor"),
        (isinstance(full["scope"], str) and full["scope"].strip(), "scope"),
        (full["actor_type"] != "company" or full["level"] is None, "level (companies have none)"),
    )
    for ok, name in checks:
        if not ok:
            errors.append(f"{slug}: event for {full['actor']!r} has a bad {name}")
    event_date = full["date"]
    if not (isinstance(event_date, str) and EVENT_DATE_RE.fullmatch(event_date)):
        errors.append(f"{slug}: event date {event_date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    else:
        padded = event_date + "-01" * (2 - event_date.count("-"))
        try:
            date.fromisoformat(padded)
        except ValueError:
            errors.append(f"{slug}: event date {event_date!r} does not exist")
    return full


def load_articles(path: Path = ARTICLES_FILE) -> list[Article]:
    """Read and validate ``articles.toml``; fail with every problem at once.

    Reporting all errors together saves an edit-run loop per mistake when
    someone adds a batch of articles.
    """
    with path.open("rb") as handle:
        raw = tomllib.load(handle)["articles"]
    errors: list[str] = []
    articles: list[Article] = []
    for entry in raw:
        slug = entry.get("slug", "<missing slug>")
        keys = set(entry)
        if ARTICLE_KEYS - keys:
            errors.append(f"{slug}: missing {sorted(ARTICLE_KEYS - keys)}")
            continue
        unknown = keys - ARTICLE_KEYS - OPTIONAL_ARTICLE_KEYS
        if unknown:
            errors.append(f"{slug}: unknown keys {sorted(unknown)}")
        if not SLUG_RE.fullmatch(slug):
            errors.append(f"{slug}: slug must be lowercase words joined by hyphens")
        if entry["section"] not in SECTIONS:
            errors.append(f"{slug}: unknown section {entry['section']!r}")
        if "\n" in entry["summary"] or "\n" in entry["title"]:
            errors.append(f"{slug}: title and summary must be one line")
        if not (entry["in_rss"] or entry["in_atom"]):
            errors.append(f"{slug}: must appear in at least one feed")
        if bool(entry.get("pull_quote")) != bool(entry.get("pull_quote_source")):
            errors.append(f"{slug}: pull_quote and pull_quote_source go together")
        blocks = parse_body(entry["body"])
        words = sum(len(block.text.split()) for block in blocks)
        if not MIN_WORDS <= words <= MAX_WORDS:
            errors.append(f"{slug}: body has {words} words, want {MIN_WORDS}-{MAX_WORDS}")
        published = parse_timestamp(entry["published"], "published", slug, errors)
        updated = None
        if "updated" in entry:
            updated = parse_timestamp(entry["updated"], "updated", slug, errors)
            if updated and published and updated <= published:
                errors.append(f"{slug}: updated must be later than published")
        events = [check_event(event, slug, errors) for event in entry["events"]]
        if published is None:
            continue
        articles.append(
            Article(
                slug=slug,
                title=entry["title"],
                author=entry["author"],
                section=entry["section"],
                published=published,
                updated=updated,
                summary=entry["summary"],
                blocks=blocks,
                in_rss=entry["in_rss"],
                in_atom=entry["in_atom"],
                related=tuple(entry["related"]),
                events=tuple(event for event in events if event is not None),
                dateline=entry.get("dateline"),
                pull_quote=entry.get("pull_quote"),
                pull_quote_source=entry.get("pull_quote_source"),
                photo_caption=entry.get("photo_caption"),
                note=entry.get("note"),
            )
        )
    slugs = [article.slug for article in articles]
    duplicates = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if duplicates:
        errors.append(f"duplicate slugs: {duplicates}")
    for article in articles:
        related = article.related
        if not 2 <= len(related) <= 3 or len(set(related)) != len(related):
            errors.append(f"{article.slug}: needs 2-3 distinct related slugs")
        for other in related:
            if other == article.slug or other not in slugs:
                errors.append(f"{article.slug}: related slug {other!r} is not another article")
    if errors:
        raise ValueError("articles.toml has problems:\n  " + "\n  ".join(errors))
    return articles


def newest_first(articles: list[Article]) -> list[Article]:
    """Order for listings and feeds; the slug breaks ties so order is stable."""
    return sorted(articles, key=lambda a: (a.published, a.slug), reverse=True)


def make_environment() -> Environment:
    """Jinja with autoescaping on for every template, HTML and XML alike.

    StrictUndefined turns a typo in a template into an error instead of an
    empty string in committed output.
    """
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def write(path: Path, text: str) -> None:
    """Write UTF-8 with Unix newlines whatever the platform, for stable bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def prepare_output(out_dir: Path) -> None:
    """Start from an empty directory so removed articles leave no stale pages.

    A directory is only wiped if it is empty or looks like an earlier build,
    so a mistyped ``--out`` cannot delete unrelated files.
    """
    if out_dir.exists():
        looks_built = (out_dir / "index.html").exists() and (out_dir / "feed.xml").exists()
        if any(out_dir.iterdir()) and not looks_built:
            raise SystemExit(f"refusing to overwrite {out_dir}: it does not look like a site build")
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)


def render_site(articles: list[Article], out_dir: Path) -> None:
    """Render every page, feed and helper file into ``out_dir``."""
    env = make_environment()
    by_slug = {article.slug: article for article in articles}
    ordered = newest_first(articles)
    years = [article.published.year for article in articles]
    common = {
        "site_name": SITE_NAME,
        "tagline": TAGLINE,
        "base_url": BASE_URL,
        "sections": [{"name": name, "slug": name.lower()} for name in SECTIONS],
        "first_year": min(years),
        "last_year": max(years),
        "current_section": None,
    }

    prepare_output(out_dir)
    for name in sorted(path.name for path in STATIC_DIR.iterdir() if path.is_file()):
        (out_dir / "static").mkdir(exist_ok=True)
        shutil.copyfile(STATIC_DIR / name, out_dir / "static" / name)

    article_template = env.get_template("article.html")
    for article in articles:
        html = article_template.render(
            common,
            root="../",
            current_section=article.section_slug,
            article=article,
            related=[by_slug[slug] for slug in article.related],
            pull_quote_after=PULL_QUOTE_AFTER,
        )
        write(out_dir / "articles" / f"{article.slug}.html", html)

    listing = env.get_template("listing.html")
    pages = [ordered[i : i + ARTICLES_PER_PAGE] for i in range(0, len(ordered), ARTICLES_PER_PAGE)]
    page_files = ["index.html"] + [f"page-{n}.html" for n in range(2, len(pages) + 1)]
    for number, (chunk, filename) in enumerate(zip(pages, page_files, strict=True), start=1):
        suffix = "" if number == 1 else f" (page {number})"
        html = listing.render(
            common,
            root="",
            page_title=f"{SITE_NAME}: Latest stories{suffix}",
            heading="Latest stories" if number == 1 else f"Latest stories, page {number}",
            description=TAGLINE,
            canonical=f"{BASE_URL}/" if number == 1 else f"{BASE_URL}/{filename}",
            articles=chunk,
            newer_href=page_files[number - 2] if number > 1 else None,
            older_href=page_files[number] if number < len(pages) else None,
        )
        write(out_dir / filename, html)

    for name in SECTIONS:
        section_slug = name.lower()
        html = listing.render(
            common,
            root="../",
            current_section=section_slug,
            page_title=f"{name} | {SITE_NAME}",
            heading=name,
            description=f"{name} coverage from {SITE_NAME}.",
            canonical=f"{BASE_URL}/section/{section_slug}.html",
            articles=[article for article in ordered if article.section == name],
            newer_href=None,
            older_href=None,
        )
        write(out_dir / "section" / f"{section_slug}.html", html)

    page_template = env.get_template("page.html")
    for page in STATIC_PAGES:
        write(out_dir / page["filename"], page_template.render(common, root="", page=page))

    rss_items = [article for article in ordered if article.in_rss]
    write(
        out_dir / "feed.xml",
        env.get_template("feed.xml").render(
            common, articles=rss_items, last_build=rss_items[0].published_rfc822
        ),
    )
    atom_items = [article for article in ordered if article.in_atom]
    write(
        out_dir / "atom.xml",
        env.get_template("atom.xml").render(
            common,
            articles=atom_items,
            feed_id=f"tag:{TAG_AUTHORITY},2019:feed",
            feed_updated=max(atom_items, key=lambda a: a.modified).modified_iso,
        ),
    )
    write(out_dir / "sitemap.xml", env.get_template("sitemap.xml").render(common, articles=ordered))
    write(out_dir / "robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {BASE_URL}/sitemap.xml\n")


def write_expected(articles: list[Article], path: Path) -> None:
    """Write one JSON line per article, in ``articles.toml`` order.

    Noise articles get an empty event list rather than being left out, so a
    test can tell "no events expected" from "article missing".
    """
    lines = [
        json.dumps({"slug": article.slug, "events": list(article.events)}, ensure_ascii=False)
        for article in articles
    ]
    write(path, "\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="site output directory")
    parser.add_argument(
        "--expected", type=Path, default=DEFAULT_EXPECTED, help="where to write expected.jsonl"
    )
    args = parser.parse_args(argv)
    try:
        articles = load_articles()
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    render_site(articles, args.out)
    write_expected(articles, args.expected)
    print(f"rendered {len(articles)} articles into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
