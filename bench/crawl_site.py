"""A generated news site for the crawl benchmarks: thousands of articles behind 20 feeds.

Pages are made from the bundled sample site's articles (same templates, nav,
related links and footer, so extraction does real work) with varied text: each
page takes one sample article's paragraphs in a shuffled order, adds two
paragraphs from another article and a sentence of its own, and gets its own
headline, slug and canonical URL. Feeds are RSS 2.0, 100 entries each. The site
is served by ``banwatch.sample_site`` (loopback, ETags and 304s like a CDN).

Used by ``bench/crawl_throughput.py`` and ``bench/crawl_incremental.py``.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

from banwatch.config import SourceConfig
from banwatch.sample_site import SAMPLE_SITE_DIR, serve_sample_site

_BODY = re.compile(r'(<div class="story-body">)(.*?)(</div>)', re.S)
_PARAGRAPH = re.compile(r"<p>.*?</p>", re.S)
_HEADLINE = re.compile(r'(<h1 class="headline">)(.*?)(</h1>)', re.S)
_TITLE = re.compile(r"(<title>)(.*?)( \| )", re.S)


@dataclass(frozen=True)
class GeneratedSite:
    """Where the site is on disk and how many of each thing it has."""

    root: Path
    articles: int
    feeds: int

    def pages(self, base_url: str) -> list[bytes]:
        """Every article page as the server sends it (``{{BASE_URL}}`` filled in)."""
        return [
            path.read_bytes().replace(b"{{BASE_URL}}", base_url.encode())
            for path in sorted((self.root / "articles").glob("*.html"))
        ]

    def sources(self, base_url: str) -> list[SourceConfig]:
        """One feed source per generated feed, allowed to reach loopback."""
        return [
            SourceConfig(
                f"bench-feed-{n:02d}",
                "feed",
                f"{base_url}/feeds/feed-{n:02d}.xml",
                allow_private=True,
            )
            for n in range(self.feeds)
        ]


def _replace_inner(pattern: re.Pattern[str], html: str, inner: str) -> str:
    """Replace group 2 of ``pattern``'s first match (a regex replacement string would
    interpret backslashes in the text)."""
    match = pattern.search(html)
    assert match is not None, pattern.pattern
    return html[: match.start(2)] + inner + html[match.end(2) :]


@contextmanager
def served_site(
    scratch: Path, articles: int, feeds: int
) -> Iterator[tuple[GeneratedSite, str, list[bytes]]]:
    """Generate the site under ``scratch``, serve it, say so; yield it, its URL and its pages."""
    site = generate_site(scratch / "site", articles, feeds)
    with serve_sample_site(site.root) as base_url:
        print(f"site: {site.articles} articles behind {site.feeds} feeds at {base_url}")
        yield site, base_url, site.pages(base_url)


def generate_site(
    root: Path, articles: int = 2000, feeds: int = 20, seed: int = 7
) -> GeneratedSite:
    """Write the site under ``root`` (replacing what is there) and describe it."""
    if root.exists():
        shutil.rmtree(root)
    (root / "articles").mkdir(parents=True)
    (root / "feeds").mkdir()
    shutil.copy(SAMPLE_SITE_DIR / "robots.txt", root / "robots.txt")
    shutil.copy(SAMPLE_SITE_DIR / "index.html", root / "index.html")
    samples = sorted((SAMPLE_SITE_DIR / "articles").glob("*.html"))
    texts = [path.read_text(encoding="utf-8") for path in samples]
    paragraphs = [_PARAGRAPH.findall(_BODY.search(text).group(2)) for text in texts]
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
    entries: list[list[str]] = [[] for _ in range(feeds)]
    for number in range(articles):
        pick = number % len(samples)
        other = rng.randrange(len(samples))
        body = paragraphs[pick][:]
        rng.shuffle(body)
        body[1:1] = rng.sample(paragraphs[other], k=min(2, len(paragraphs[other])))
        body.append(
            f"<p>This is report number {number} in the series, filed from desk "
            f"{rng.randrange(1000)} after {rng.randrange(2, 40)} interviews.</p>"
        )
        slug = f"{number:05d}-{samples[pick].stem}"
        old_slug = samples[pick].stem
        html = texts[pick].replace(f"/articles/{old_slug}.html", f"/articles/{slug}.html")
        html = _replace_inner(_BODY, html, "\n      ".join(body))
        headline = f"{_HEADLINE.search(html).group(2)} (report {number})"
        html = _replace_inner(_HEADLINE, html, headline)
        html = _replace_inner(_TITLE, html, headline)
        (root / "articles" / f"{slug}.html").write_text(html, encoding="utf-8")
        published = format_datetime(start + timedelta(hours=number), usegmt=True)
        entries[number % feeds].append(
            f"<item><title>{headline}</title>"
            f"<link>{{{{BASE_URL}}}}/articles/{slug}.html</link>"
            f"<guid isPermaLink=\"true\">{{{{BASE_URL}}}}/articles/{slug}.html</guid>"
            f"<pubDate>{published}</pubDate></item>"
        )
    for n, items in enumerate(entries):
        feed = (
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>{escape(f'Bench feed {n}')}</title><link>{{{{BASE_URL}}}}/</link>"
            f"<description>generated</description>{''.join(items)}</channel></rss>\n"
        )
        (root / "feeds" / f"feed-{n:02d}.xml").write_text(feed, encoding="utf-8")
    return GeneratedSite(root, articles, feeds)
