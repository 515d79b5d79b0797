"""Dates as feeds, sitemaps and pages write them, read into datetimes (UTC, or as written)."""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, datetime


def as_utc(value: datetime) -> datetime:
    """Timezone-aware UTC; naive datetimes are taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


_W3C_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def parse_written_datetime(value: str | None) -> datetime | None:
    """A W3C datetime (ISO 8601 subset) or RFC 822 date with its offset as written.

    Naive when the text gives no offset; a bare year or year-month is the
    first of the month in UTC.
    """
    if not value:
        return None
    value = value.strip()
    partial = _W3C_PARTIAL.match(value)
    try:
        if partial:
            return datetime(int(partial[1]), int(partial[2] or 1), 1, tzinfo=UTC)
        return datetime.fromisoformat(value)
    except ValueError:
        pass  # not W3C/ISO: RFC 822 below is the other form feeds and pages use
    try:
        return email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def parse_w3c_datetime(value: str | None) -> datetime | None:
    """Parse sitemap/HTML-meta dates: W3C datetime (ISO 8601 subset), RFC 822 as fallback."""
    written = parse_written_datetime(value)
    return as_utc(written) if written is not None else None


def struct_time_to_utc(value: object) -> datetime | None:
    """feedparser's ``*_parsed`` fields are UTC ``time.struct_time``s."""
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)  # type: ignore[index]
    except (TypeError, ValueError):
        return None
