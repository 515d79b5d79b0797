"""The publication date of an article page: page metadata, the feed entry, then the text.

htmldate reads the page's metadata; a feed entry's date stands in when the
page has none, and an extensive search of the page text comes last. Dates
later than ``now + FUTURE_TOLERANCE`` are dropped with a warning, wherever
they came from.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import htmldate

from banwatch.crawler.dates import as_utc
from banwatch.crawler.feeds import FeedEntry

# A published date later than now + this is a CMS/feed error.
FUTURE_TOLERANCE = timedelta(days=1)
ISO_WITH_TIME = "%Y-%m-%dT%H:%M:%S%z"


def parse_extracted_date(value: str | None) -> tuple[datetime | None, bool]:
    """Parse an htmldate result; returns ``(datetime, date_only)``.

    htmldate reports date-only sources as a naive midnight.
    """
    if not value:
        return None, False
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None, False
    date_only = parsed.tzinfo is None and parsed.time() == datetime.min.time()
    return as_utc(parsed), date_only


def choose_date(
    page: tuple[datetime | None, bool],
    html_text: str,
    url: str,
    fallback: FeedEntry | None,
    now: datetime,
    warnings: list[str],
) -> datetime | None:
    """Page metadata date, else the feed's, else htmldate's extensive text search.

    A date-only page date is refined by the feed's timestamp when they fall
    on the same day. Anything later than ``now + FUTURE_TOLERANCE`` is
    dropped with a warning, wherever it came from.
    """
    limit = now + FUTURE_TOLERANCE
    page_date, date_only = page
    if page_date is not None and page_date > limit:
        warnings.append(f"dropped future date {page_date.isoformat()} from page metadata")
        page_date = None
    feed_date = fallback.published if fallback else None
    if feed_date is not None:
        feed_date = as_utc(feed_date)
        if feed_date > limit:
            warnings.append(f"dropped future date {feed_date.isoformat()} from the feed entry")
            feed_date = None
    if page_date is not None:
        if date_only and feed_date is not None and feed_date.date() == page_date.date():
            return feed_date
        return page_date
    if feed_date is not None:
        return feed_date
    guessed, _ = parse_extracted_date(
        htmldate.find_date(
            html_text,
            url=url,
            extensive_search=True,
            original_date=True,
            deferred_url_extractor=True,
            outputformat=ISO_WITH_TIME,
            max_date=limit.strftime("%Y-%m-%d"),
        )
    )
    if guessed is not None and guessed > limit:
        return None
    return guessed
