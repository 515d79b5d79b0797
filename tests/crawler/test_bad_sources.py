"""Bad input from real servers: nothing crashes the run, each bad source says why, the rest work.

One crawl of every misbehaving source at once (the point is that they do not
disturb each other), then one test per case on what that crawl recorded: the
run row, the source rows and the stored articles. The site is
``tests/crawler/conftest.py``'s ``bad_site``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from banwatch.config import SourceConfig
from banwatch.crawler.progress import read_progress
from banwatch.jobs import JobResult
from banwatch.store.db import create_db_engine, session_scope
from banwatch.store.models import Article, Source

pytestmark = pytest.mark.slow


def _source(name: str, kind: str, url: str, **extra: Any) -> SourceConfig:
    return SourceConfig(name=name, kind=kind, url=url, allow_private=True, **extra)


def bad_sources(base: str, other: str) -> list[SourceConfig]:
    return [
        _source("good", "feed", f"{base}/feeds/good.xml"),
        _source("second", "feed", f"{base}/feeds/second.xml"),
        _source("mixed", "feed", f"{base}/feeds/mixed.xml"),
        _source("unclosed", "feed", f"{base}/feeds/unclosed.xml"),
        _source("entities", "feed", f"{base}/feeds/entities.xml"),
        _source("hopeless", "feed", f"{base}/feeds/hopeless.xml"),
        _source("utf16", "feed", f"{base}/feeds/utf16.xml"),
        _source("wrong-encoding", "feed", f"{base}/feeds/wrong-encoding.xml"),
        _source("html-as-feed", "feed", f"{base}/feeds/html.xml"),
        _source("empty", "feed", f"{base}/feeds/empty.xml"),
        _source("not-found", "feed", f"{base}/feeds/missing.xml"),
        _source("gone", "feed", f"{base}/feeds/gone.xml"),
        _source("server-error", "feed", f"{base}/feeds/error.xml"),
        _source("busy", "feed", f"{base}/feeds/busy.xml"),
        _source("throttled", "feed", f"{other}/feeds/throttled.xml"),
        _source("redirect-loop", "feed", f"{base}/feeds/loop-a.xml"),
        _source("slow", "feed", f"{base}/feeds/slow.xml"),
        _source("huge", "feed", f"{base}/feeds/huge.xml"),
        _source("huge-declared", "feed", f"{base}/feeds/huge-declared.xml"),
        _source("pdf", "feed", f"{base}/feeds/report.pdf"),
        _source("no-links", "feed", f"{base}/feeds/no-links.xml"),
        _source("robots", "feed", f"{base}/private/feed.xml"),
        _source("search", "search", f"{base}/search?q={{query}}&hl=en"),
        _source("search-no-placeholder", "search", f"{base}/search?q=fixed"),
        SourceConfig("to-localhost", "feed", f"{base}/feeds/to-localhost.xml"),
        _source("deep", "page", f"{base}/deep/index.html", allow=(r"/articles/",), depth=2),
        _source("shallow", "page", f"{base}/shallow/index.html", allow=(r"/articles/",)),
        _source("sitemap", "sitemap", f"{base}/sitemaps/index.xml"),
        _source("broken-sitemap", "sitemap", f"{base}/sitemaps/broken.xml"),
    ]


KEYWORDS = ["facial recognition ban", "face surveillance"]


@dataclass
class Crawled:
    result: JobResult
    db_url: str
    base: str
    progress: Path
    site: Any

    def articles(self) -> dict[str, Article]:
        engine = create_db_engine(self.db_url)
        with session_scope(engine) as session:
            rows = {a.canonical_url: a for a in session.scalars(select(Article))}
            for row in rows.values():
                session.expunge(row)
        engine.dispose()
        return rows

    def source_row(self, name: str) -> Source:
        engine = create_db_engine(self.db_url)
        with session_scope(engine) as session:
            row = session.scalar(select(Source).where(Source.name == name))
            assert row is not None
            session.expunge(row)
        engine.dispose()
        return row

    def report(self, name: str) -> dict[str, Any]:
        return self.result.sources[name]


@pytest.fixture(scope="module")
def crawled(
    bad_site: Any, crawl: Callable[..., JobResult], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Crawled]:
    bad_site.clear()
    directory = tmp_path_factory.mktemp("bad-crawl")
    db_url = f"sqlite:///{directory / 'banwatch.db'}"
    progress = directory / "progress.json"
    result = crawl(
        db_url,
        bad_sources(bad_site.base, bad_site.other_base),
        BANWATCH_SEARCH_KEYWORDS=KEYWORDS,
        BANWATCH_PROGRESS_FILE=str(progress),
        BANWATCH_PRIVATE_HOSTS=["127.0.0.1", "127.0.0.2"],
    )
    yield Crawled(result, db_url, bad_site.base, progress, bad_site)


FAILED = {
    "hopeless": "feed: ",
    "html-as-feed": "not a feed: got an HTML document",
    "empty": "feed: empty response",
    "not-found": "HTTP 404",
    "gone": "HTTP 410",
    "server-error": "HTTP 500 (gave up after 2 attempts)",
    "throttled": "429 with Retry-After 3600s, beyond the 5s this crawl waits",
    "redirect-loop": "too many redirects",
    "slow": "timed out",
    "huge": "response too large",
    "huge-declared": "response too large",
    "pdf": "content type application/pdf",
    "no-links": "no usable entries (3 entries had no link)",
    "robots": "forbidden by robots.txt",
    "search-no-placeholder": "search URL has no {query} placeholder",
    "to-localhost": "non-public address",
    "broken-sitemap": "sitemap: not a sitemap: got an HTML document",
}
WORKED = [
    "good",
    "second",
    "mixed",
    "unclosed",
    "entities",
    "utf16",
    "wrong-encoding",
    "busy",
    "search",
    "deep",
    "shallow",
    "sitemap",
]


def test_the_run_survives_every_bad_source(crawled: Crawled) -> None:
    result = crawled.result
    assert result.status == "succeeded", result.error
    assert set(result.sources) == set(FAILED) | set(WORKED)
    assert result.stats["errors"]["source"] == len(FAILED)
    assert result.stats["articles_new"] >= 15


@pytest.mark.parametrize("name", sorted(FAILED))
def test_a_bad_source_is_recorded_with_its_reason(crawled: Crawled, name: str) -> None:
    report = crawled.report(name)
    assert report["ok"] is False and report["done"] is True
    assert FAILED[name] in report["error"], report["error"]
    row = crawled.source_row(name)
    assert row.consecutive_failures == 1
    assert FAILED[name] in row.last_error
    assert row.last_success_at is None


@pytest.mark.parametrize("name", WORKED)
def test_the_other_sources_are_crawled(crawled: Crawled, name: str) -> None:
    report = crawled.report(name)
    assert report["ok"] is True, report["error"]
    assert report["error"] is None
    row = crawled.source_row(name)
    assert row.last_success_at is not None and row.consecutive_failures == 0


def test_malformed_feeds_are_tolerated_with_a_warning(crawled: Crawled) -> None:
    stored = crawled.articles()
    for name, slug in (("unclosed", "unclosed-feed-story"), ("entities", "entities-feed-story")):
        assert any("tolerated" in w for w in crawled.report(name)["warnings"]), name
        assert f"{crawled.base}/articles/{slug}.html" in stored


def test_feeds_in_utf16_or_a_wrong_declared_encoding_are_read(crawled: Crawled) -> None:
    assert crawled.report("utf16")["articles"] == {"new": 1}
    assert crawled.report("wrong-encoding")["articles"] == {"new": 1}
    assert any("decoded as" in w for w in crawled.report("wrong-encoding")["warnings"])


def test_a_429_with_a_short_retry_after_is_retried_after_that_wait(crawled: Crawled) -> None:
    hits = crawled.site.requests_to("/feeds/busy.xml")
    assert len(hits) == 2
    assert hits[1].at - hits[0].at >= 1.0, "Retry-After: 1 was not honoured"
    assert crawled.report("busy")["articles"] == {"new": 1}
    assert crawled.result.stats["retry_after_honoured"] == 1


def test_a_429_asking_for_an_hour_is_not_retried(crawled: Crawled) -> None:
    assert len(crawled.site.requests_to("/feeds/throttled.xml")) == 1


def test_5xx_is_retried_with_backoff_then_given_up(crawled: Crawled) -> None:
    hits = crawled.site.requests_to("/feeds/error.xml")
    assert len(hits) == 2, "RETRY_TIMES=1: one retry"
    assert hits[1].at - hits[0].at >= 0.2, "the retry did not back off"


def test_a_timeout_costs_seconds_not_minutes(crawled: Crawled) -> None:
    assert len(crawled.site.requests_to("/feeds/slow.xml")) == 2
    assert crawled.result.stats["crawl_seconds"] < 60


def test_a_50mb_response_is_cut_off_at_the_cap(crawled: Crawled) -> None:
    assert crawled.site.counters.get("huge_sent_all", 0) == 0, "the whole 50 MB was read"


def test_article_level_failures_are_counted_on_their_source(crawled: Crawled) -> None:
    report = crawled.report("mixed")
    assert report["ok"] is True
    assert report["articles"] == {"new": 1}
    assert report["article_errors"] == {
        "no_article_text": 1,
        "content_type": 1,
        "http_404": 1,
        "timeout": 1,
        "too_large": 1,
        "redirect_loop": 1,
    }
    errors = crawled.result.stats["errors"]
    for kind in report["article_errors"]:
        assert errors[kind] >= 1
    # A timed-out article must be retried by the next crawl: the feed's validators are
    # not kept, so the next crawl reads the feed rather than being told 304.
    assert report["retry_later"] == 1
    assert crawled.source_row("mixed").etag is None
    assert crawled.source_row("good").etag is not None


def test_the_pdf_article_is_refused_from_its_headers(crawled: Crawled) -> None:
    assert crawled.result.stats["content_type_refused"] >= 2  # the PDF feed and article


def test_duplicates_and_relative_links(crawled: Crawled) -> None:
    stored = crawled.articles()
    base = crawled.base
    story = f"{base}/articles/council-bans-face-scans.html"
    assert story in stored, "tracking parameters and fragments stripped"
    assert len(crawled.site.requests_to("/articles/council-bans-face-scans.html")) == 1
    assert f"{base}/articles/relative-root-link.html" in stored
    assert f"{base}/feeds/articles/relative-path-link.html" in stored
    assert any("1 duplicate entries dropped" in w for w in crawled.report("good")["warnings"])
    assert crawled.result.stats["duplicate_links"] >= 1, "the second feed's copy"
    # Both feeds link the shared story; whichever is parsed first (the parse pool sets
    # the order) is credited with it, and the other counts it as a duplicate link.
    good = crawled.report("good")["articles"].get("new", 0)
    second = crawled.report("second")["articles"].get("new", 0)
    assert second in (1, 2), "its own story, plus the shared one if it got there first"
    assert good + second == 5, "the shared story is stored once"


def test_a_future_date_is_not_stored(crawled: Crawled) -> None:
    article = crawled.articles()[f"{crawled.base}/articles/future-dated.html"]
    limit = datetime.now(UTC) + timedelta(days=2)
    assert article.published_at is None or article.published_at < limit
    assert any("future date" in w for w in crawled.report("good")["warnings"])


def test_search_sources_ask_once_per_keyword(crawled: Crawled) -> None:
    queries = sorted(hit.query["q"][0] for hit in crawled.site.requests_to("/search"))
    assert queries == sorted(KEYWORDS)
    hits = crawled.site.requests_to("/search")
    assert all(hit.query["hl"] == ["en"] for hit in hits)
    assert crawled.report("search")["articles"] == {"new": 2}


def test_page_sources_follow_listing_pages_to_their_depth(crawled: Crawled) -> None:
    stored = crawled.articles()
    base = crawled.base
    assert f"{base}/deep/articles/deep-p2-story-1.html" in stored, "depth 2 reads page 2"
    assert crawled.site.requests_to("/shallow/page-2.html") == [], "depth 1 stays on the listing"
    assert f"{base}/shallow/articles/shallow-p1-story-3.html" in stored
    assert crawled.report("deep")["articles"] == {"new": 6}


def test_sitemap_indexes_are_followed(crawled: Crawled) -> None:
    stored = crawled.articles()
    assert f"{crawled.base}/articles/sitemap-recent-story.html" in stored
    old = f"{crawled.base}/articles/sitemap-old-story.html"
    assert old in stored, "no `since` on a first crawl"


def test_a_redirect_is_checked_against_the_ssrf_guard_again(crawled: Crawled) -> None:
    assert crawled.site.requests_to("/feeds/good.xml", host="127.0.0.1")
    # The redirect target (localhost) was never contacted for this source.
    assert "non-public address localhost" not in crawled.report("to-localhost")["error"]
    assert "localhost" in crawled.report("to-localhost")["error"]


def test_requests_name_banwatch_and_its_contact(crawled: Crawled) -> None:
    agents = {hit.headers.get("User-Agent") for hit in crawled.site.hits}
    assert agents == {"banwatch/0.1 (+https://example.org/banwatch-test-contact)"}
    robots = [h for h in crawled.site.hits if h.path == "/robots.txt"]
    assert len(robots) == 2, "robots.txt once per host"


def test_the_progress_file_ends_with_the_final_counts(crawled: Crawled) -> None:
    progress = read_progress(crawled.progress)
    assert progress is not None and progress["finished"] is True
    assert progress["sources_total"] == len(FAILED) + len(WORKED)
    assert progress["sources_done"] == progress["sources_total"]
    assert progress["sources_failed"] == len(FAILED)
    assert progress["articles_new"] == crawled.result.stats["articles_new"]
