"""The publication date of an article page: the instant, and the day the publisher lived it.

A story dated ``2020-07-13T01:10+09:00`` was published on the 13th in Tokyo,
though it was still the 12th in UTC. Every relative date in it ("on Tuesday",
"last month") counts from the publisher's day, so that day is kept as it is
written (:attr:`Published.day`) beside the instant in UTC
(:attr:`Published.at`), which orders stories and bounds future dates.

Where the date comes from, first found first: the page's metadata (htmldate
on the parsed tree, no text search), the feed entry, then htmldate's
extensive search of the page. A timestamp written in UTC says nothing about
the publisher's day; when the page's URL names a day one either side of it
(``/2020/02/24/`` beside ``2020-02-25T02:25Z``), the URL's day is the one the
publisher lived. Dates later than ``now + FUTURE_TOLERANCE`` are dropped with
a warning, wherever they came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import htmldate
import lxml.html
from htmldate.extractors import extract_url_date
from htmldate.utils import Extractor
from htmldate.validators import get_max_date, get_min_date

from banwatch.crawler.dates import as_utc
from banwatch.crawler.feeds import FeedEntry

# A published date later than now + this is a CMS/feed error.
FUTURE_TOLERANCE = timedelta(days=1)
# htmldate's output format: with the time and the offset as the page wrote them.
ISO_WITH_TIME = "%Y-%m-%dT%H:%M:%S%z"
# How far a UTC timestamp's day may be from the URL's day for the URL's to be the local day.
URL_DAY_TOLERANCE = timedelta(days=1)


@dataclass(frozen=True)
class Published:
    """When a story was published: the instant (UTC) and the publisher's own calendar day."""

    at: datetime | None
    day: date | None


UNKNOWN = Published(None, None)


@dataclass(frozen=True)
class WrittenDate:
    """A date as a page wrote it: aware with the page's own offset, or naive (zone unknown)."""

    written: datetime
    date_only: bool

    @property
    def instant(self) -> datetime:
        """The moment in UTC (a naive date is taken to be UTC, as before there was a day)."""
        return as_utc(self.written)

    @property
    def in_utc(self) -> bool:
        """Written with a zero offset: the publisher's day is not what it says."""
        offset = self.written.utcoffset()
        return offset is not None and offset == timedelta(0)


def read_written_date(value: str | None) -> WrittenDate | None:
    """An htmldate result in :data:`ISO_WITH_TIME`, or None.

    htmldate reports date-only sources as a naive midnight.
    """
    if not value:
        return None
    try:
        written = datetime.fromisoformat(value)
    except ValueError:
        return None
    date_only = written.tzinfo is None and written.time() == datetime.min.time()
    return WrittenDate(written, date_only)


def url_day(url: str | None, now: datetime) -> date | None:
    """The day a URL names (``/2020/07/13/``, ``-20200713-``), by htmldate's own URL reader."""
    latest = get_max_date((now + FUTURE_TOLERANCE).strftime("%Y-%m-%d"))
    options = Extractor(False, latest, get_min_date(None), True, "%Y-%m-%d")
    found = extract_url_date(url, options)
    return date.fromisoformat(found) if found else None


def publisher_day(found: WrittenDate, day_in_url: date | None) -> date:
    """The publisher's day: as written, unless a UTC timestamp sits beside the URL's own day."""
    written_day = found.written.date()
    if (
        day_in_url is not None
        and found.in_utc
        and abs(day_in_url - written_day) <= URL_DAY_TOLERANCE
    ):
        return day_in_url
    return written_day


def metadata_date(tree: lxml.html.HtmlElement, page_url: str, now: datetime) -> WrittenDate | None:
    """The date in the page's metadata (no text search), with its time when there is one.

    A far ``max_date``, so that a future date is seen and reported rather than
    silently replaced; header metadata before the date in the URL, because only
    the former has a time.
    """
    return read_written_date(
        htmldate.find_date(
            tree,
            url=page_url,
            original_date=True,
            extensive_search=False,
            deferred_url_extractor=True,
            outputformat=ISO_WITH_TIME,
            max_date=(now + timedelta(days=36500)).strftime("%Y-%m-%d"),
        )
    )


def _searched_date(html_text: str, page_url: str, limit: datetime) -> WrittenDate | None:
    """htmldate's extensive search of the whole page, for pages whose metadata has no date."""
    return read_written_date(
        htmldate.find_date(
            html_text,
            url=page_url,
            extensive_search=True,
            original_date=True,
            deferred_url_extractor=True,
            outputformat=ISO_WITH_TIME,
            max_date=limit.strftime("%Y-%m-%d"),
        )
    )


def _feed_published(fallback: FeedEntry | None, limit: datetime, warnings: list[str]) -> Published:
    if fallback is None or fallback.published is None:
        return UNKNOWN
    instant = as_utc(fallback.published)
    if instant > limit:
        warnings.append(f"dropped future date {instant.isoformat()} from the feed entry")
        return UNKNOWN
    return Published(instant, fallback.published_date or instant.date())


def choose_date(
    tree: lxml.html.HtmlElement,
    html_text: str,
    page_url: str,
    fallback: FeedEntry | None,
    now: datetime,
    warnings: list[str],
) -> Published:
    """Page metadata date, else the feed's, else htmldate's extensive text search.

    ``page_url`` is the page's own URL (its canonical link, else where it was
    fetched): its date, if any, is read too. A date-only page date is refined by
    the feed's timestamp when they fall on the same day.
    """
    limit = now + FUTURE_TOLERANCE
    day_in_url = url_day(page_url, now)
    found = metadata_date(tree, page_url, now)
    if found is not None and found.instant > limit:
        warnings.append(f"dropped future date {found.instant.isoformat()} from page metadata")
        found = None
    feed = _feed_published(fallback, limit, warnings)
    if found is not None:
        day = publisher_day(found, day_in_url)
        if found.date_only and feed.day == day:
            return feed
        return Published(found.instant, day)
    if feed.at is not None:
        return feed
    found = _searched_date(html_text, page_url, limit)
    if found is None or found.instant > limit:
        return UNKNOWN
    return Published(found.instant, publisher_day(found, day_in_url))
