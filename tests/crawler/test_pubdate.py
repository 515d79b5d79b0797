"""The publication date kept for a story: the publisher's own day beside the instant in UTC.

Pages written here, about real public events; the times and offsets are the
cases where the UTC day is not the day the story appeared.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from banwatch.crawler.articles import parse_article
from banwatch.crawler.feeds import FeedEntry, parse_feed

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)

STORY = (
    "<p>San Francisco's Board of Supervisors voted eight to one to forbid city departments,"
    " the police among them, from buying or using face recognition software, making it the"
    " first large American city to do so.</p><p>The ordinance also makes every department"
    " ask the board before it acquires any other surveillance technology, and report each"
    " year on the tools it already has.</p>"
)


def page(published: str | None = None, canonical: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{meta}{link}'
        "<title>Supervisors ban face recognition</title></head><body><main><article>"
        f"<h1>Supervisors ban face recognition</h1>{STORY}</article></main></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("published", "instant", "day"),
    [
        # Late at night in Tokyo: still the previous day in UTC.
        ("2019-05-15T01:10:00+09:00", datetime(2019, 5, 14, 16, 10, tzinfo=UTC), date(2019, 5, 15)),
        # An evening in San Francisco: already the next day in UTC.
        ("2019-05-14T21:30:00-07:00", datetime(2019, 5, 15, 4, 30, tzinfo=UTC), date(2019, 5, 14)),
        # No offset written: the day as written.
        ("2019-05-14T23:45:00", datetime(2019, 5, 14, 23, 45, tzinfo=UTC), date(2019, 5, 14)),
    ],
)
def test_the_day_is_the_publishers_and_the_instant_is_utc(
    published: str, instant: datetime, day: date
) -> None:
    article = parse_article(page(published), "https://news.example.com/sf-vote", now=NOW)
    assert article.published == instant
    assert article.published_date == day


def test_a_utc_timestamp_beside_the_urls_day_takes_the_urls_day() -> None:
    url = "https://news.example.com/2020/06/24/boston-council-bans-face-surveillance/"
    article = parse_article(page("2020-06-25T02:25:00+00:00"), url, now=NOW)
    assert article.published == datetime(2020, 6, 25, 2, 25, tzinfo=UTC)
    assert article.published_date == date(2020, 6, 24)
    # The canonical link is the page's own URL, wherever it was fetched from.
    moved = page("2020-06-25T02:25:00Z", canonical=url)
    assert parse_article(moved, "http://127.0.0.1/a", now=NOW).published_date == date(2020, 6, 24)


@pytest.mark.parametrize(
    ("published", "url", "day"),
    [
        # A UTC timestamp with no day in the URL: nothing better than the UTC day.
        ("2020-06-25T02:25:00Z", "https://news.example.com/boston-vote", date(2020, 6, 25)),
        # A URL day far from the timestamp is another matter (an old slug): the timestamp's.
        ("2020-06-25T02:25:00Z", "https://news.example.com/2020/06/20/vote/", date(2020, 6, 25)),
        # An offset written out says the day itself: the URL does not override it.
        (
            "2020-06-25T09:00:00+09:00",
            "https://news.example.com/2020/06/24/vote/",
            date(2020, 6, 25),
        ),
    ],
)
def test_the_url_day_does_not_override_what_it_cannot_correct(
    published: str, url: str, day: date
) -> None:
    assert parse_article(page(published), url, now=NOW).published_date == day


def test_a_feed_keeps_the_day_it_wrote_and_a_page_without_a_date_takes_it() -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        b"<item><title>Supervisors ban face recognition</title>"
        b"<link>https://news.example.com/sf-vote</link>"
        b"<pubDate>Wed, 15 May 2019 01:10:00 +0900</pubDate></item></channel></rss>"
    )
    (entry,) = parse_feed(feed, "https://news.example.com/rss").entries
    assert entry.published == datetime(2019, 5, 14, 16, 10, tzinfo=UTC)
    assert entry.published.tzinfo is UTC
    assert entry.published_date == date(2019, 5, 15)
    article = parse_article(page(), entry.url, fallback=entry, now=NOW)
    assert article.published == entry.published
    assert article.published_date == date(2019, 5, 15)


def test_a_date_only_page_keeps_its_day_and_takes_the_feeds_time_that_day() -> None:
    url = "https://news.example.com/sf-vote"
    entry = FeedEntry(
        url, None, datetime(2019, 5, 14, 16, 10, tzinfo=UTC), None, None, date(2019, 5, 15)
    )
    article = parse_article(page("2019-05-15"), url, fallback=entry, now=NOW)
    assert (article.published, article.published_date) == (entry.published, date(2019, 5, 15))
