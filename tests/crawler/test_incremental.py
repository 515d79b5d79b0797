"""Incremental crawling against a real server: 304s, no refetching, and what must be retried."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from banwatch.config import SourceConfig
from banwatch.jobs import JobResult

pytestmark = pytest.mark.slow


def _source(name: str, kind: str, url: str, **extra: Any) -> SourceConfig:
    return SourceConfig(name=name, kind=kind, url=url, allow_private=True, **extra)


def test_a_repeat_crawl_with_nothing_new_fetches_no_article(
    bad_site: Any, crawl: Callable[..., JobResult], tmp_path: Path
) -> None:
    base = bad_site.base
    sources = [
        _source("good", "feed", f"{base}/feeds/good.xml"),
        _source("second", "feed", f"{base}/feeds/second.xml"),
        _source("deep", "page", f"{base}/deep/index.html", allow=(r"/articles/",), depth=2),
        _source("sitemap", "sitemap", f"{base}/sitemaps/index.xml"),
    ]
    db_url = f"sqlite:///{tmp_path / 'banwatch.db'}"
    bad_site.clear()
    first = crawl(db_url, sources)
    assert first.status == "succeeded", first.error
    assert first.stats["articles_new"] == 13
    assert bad_site.requests_to("/sitemaps/old.xml"), "a first crawl reads the whole index"

    bad_site.clear()
    second = crawl(db_url, sources)
    assert second.status == "succeeded", second.error
    paths = [hit.path for hit in bad_site.hits]
    assert not [p for p in paths if "/articles/" in p], paths
    # robots.txt, two feeds' 304s, the listing pages (no conditional GET for those:
    # their links are known, so no article is fetched), and the sitemap index (its
    # server sends no validators) with the one child sitemap changed since the last
    # success -- not the one whose lastmod is older.
    assert sorted(paths) == sorted(
        [
            "/robots.txt",
            "/feeds/good.xml",
            "/feeds/second.xml",
            "/deep/index.html",
            "/deep/page-2.html",
            "/",  # the listing's "Home" link: depth 2 reads the site's front page too
            "/sitemaps/index.xml",
            "/sitemaps/recent.xml",
        ]
    )
    assert second.stats["not_modified"] == 2
    assert second.stats["articles_new"] == 0
    assert second.stats["requests"] == len(paths)
    sent = bad_site.requests_to("/feeds/good.xml")[0].headers
    assert sent.get("If-None-Match"), "the stored ETag was sent"
    assert all(outcome["ok"] for outcome in second.sources.values())

    bad_site.clear()
    third = crawl(db_url, sources[:1], refresh=True)
    assert "If-None-Match" not in bad_site.requests_to("/feeds/good.xml")[0].headers
    assert third.stats["articles_unchanged"] == 4, "--refresh refetches stored articles"
    assert third.stats["articles_new"] == 0


def test_an_article_that_timed_out_is_retried_by_the_next_crawl(
    bad_site: Any, crawl: Callable[..., JobResult], tmp_path: Path
) -> None:
    mixed = [_source("mixed", "feed", f"{bad_site.base}/feeds/mixed.xml")]
    db_url = f"sqlite:///{tmp_path / 'banwatch.db'}"
    bad_site.clear()
    first = crawl(db_url, mixed)
    assert first.sources["mixed"]["retry_later"] == 1
    assert first.sources["mixed"]["etag"] is not None, "seen, but not kept"

    bad_site.clear()
    second = crawl(db_url, mixed)
    feed = bad_site.requests_to("/feeds/mixed.xml")
    assert len(feed) == 1 and "If-None-Match" not in feed[0].headers
    assert bad_site.requests_to("/articles/slow-story.html"), "the timed-out article is retried"
    assert not bad_site.requests_to("/articles/mixed-good-story.html"), "the stored one is not"
    assert second.stats["articles_skipped"] == 1
