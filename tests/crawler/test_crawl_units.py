"""The crawler's small pure pieces: Retry-After, backoff, search URLs, content types, listings,
and the text-extraction pool's handling of a stuck or dying worker."""

from __future__ import annotations

import asyncio
import os
import time
from datetime import UTC, datetime

import pytest

from banwatch.crawler.contentgate import refusal
from banwatch.crawler.listings import parse_listing_pages
from banwatch.crawler.parse_pool import ArticleParserPool, ParseFailed
from banwatch.crawler.retry import backoff_delay, parse_retry_after
from banwatch.crawler.urls import expand_search_url, registrable_domain

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (b"5", 5.0),
        ("Sat, 01 Jun 2024 12:01:30 GMT", 90.0),
        ("Sat, 01 Jun 2024 11:00:00 GMT", 0.0),  # in the past: now
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_retry_after(header: str | bytes | None, seconds: float | None) -> None:
    assert parse_retry_after(header, now=NOW) == seconds


def test_backoff_doubles_up_to_a_cap() -> None:
    assert [backoff_delay(n, 1.0, 5.0) for n in (1, 2, 3, 4)] == [1.0, 2.0, 4.0, 5.0]
    assert backoff_delay(3, 0.0, 5.0) == 0.0


def test_search_urls_one_per_keyword_url_encoded() -> None:
    urls = expand_search_url(
        "https://news.example/rss?q={query}&hl=en",
        ["facial recognition ban", "  ", "Gesichtserkennung & Verbot", "facial recognition ban"],
    )
    assert urls == [
        "https://news.example/rss?q=facial+recognition+ban&hl=en",
        "https://news.example/rss?q=Gesichtserkennung+%26+Verbot&hl=en",
    ]


@pytest.mark.parametrize(
    ("template", "keywords", "message"),
    [
        ("https://news.example/rss?q=ban", ["x"], "no {query} placeholder"),
        ("ftp://news.example/{query}", ["x"], "not an http(s) URL"),
        ("https://news.example/rss?q={query}", [], "no search keywords"),
    ],
)
def test_search_urls_refuse_what_cannot_be_asked(
    template: str, keywords: list[str], message: str
) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        expand_search_url(template, keywords)


@pytest.mark.parametrize(
    ("content_type", "role", "refused"),
    [
        ("text/html; charset=utf-8", "article", False),
        ("application/xhtml+xml", "article", False),
        (None, "article", False),
        ("application/pdf", "article", True),
        ("image/jpeg", "article", True),
        ("application/rss+xml", "article", True),
        ("application/rss+xml", "feed", False),
        ("text/html", "feed", False),  # mislabelled feeds exist; the parser decides
        ("application/octet-stream", "sitemap", False),  # gzip sitemaps
        ("application/pdf", "feed", True),
        ("video/mp4", "listing", True),
        ("application/vnd.ms-excel", "sitemap", True),
    ],
)
def test_content_type_refusal(content_type: str | None, role: str, refused: bool) -> None:
    assert (refusal(content_type, role) is not None) is refused


def test_listing_pages_for_deeper_crawls() -> None:
    html = b"""<html><body><nav><a href="/section/cities">Cities</a>
    <a href="/about">About us</a><a href="/login">Sign in</a></nav>
    <main><a href="/2024/05/01/council-bans-face-scans">story</a>
    <a href="/news?page=2">Older</a><a href="/static/logo.png">logo</a>
    <a href="https://elsewhere.example.org/section/x">offsite</a></main></body></html>"""
    pages = parse_listing_pages(html, "https://news.example.com/news", deny=[r"/section/secret"])
    assert pages == ["https://news.example.com/news?page=2", "https://news.example.com/section/cities"]
    assert parse_listing_pages(html, "https://news.example.com/news", limit=1) == [
        "https://news.example.com/news?page=2"
    ]


def test_registrable_domain_is_cached_and_public_suffix_aware() -> None:
    assert registrable_domain("https://news.bbc.co.uk/a") == "bbc.co.uk"
    assert registrable_domain("http://127.0.0.1:8000/a") == "127.0.0.1"
    started = time.perf_counter()
    for _ in range(1000):
        registrable_domain("https://news.bbc.co.uk/b")
    assert time.perf_counter() - started < 0.5


def test_the_pool_survives_a_stuck_worker_and_a_dead_one() -> None:
    async def scenario() -> None:
        pool = ArticleParserPool(1, timeout=0.5)
        pool.start()
        try:
            first = await pool.run(os.getpid)
            with pytest.raises(ParseFailed) as stuck:
                await pool.run(time.sleep, 30)
            assert stuck.value.kind == "parse_timeout"
            second = await pool.run(os.getpid)
            assert second != first, "the stuck worker was replaced"
            with pytest.raises(ParseFailed) as dead:
                await pool.run(os._exit, 3)
            assert dead.value.kind == "parser_crashed"
            assert await pool.run(abs, -7) == 7, "and the pool works again"
            with pytest.raises(ZeroDivisionError):
                await pool.run(divmod, 1, 0)  # the function's own errors come back as they are
        finally:
            pool.close()

    asyncio.run(asyncio.wait_for(scenario(), 60))
