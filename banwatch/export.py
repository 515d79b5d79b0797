"""Rows for people and programs: CSV that is safe to open in Excel, and JSON lines.

Scraped text is hostile. A title such as ``=HYPERLINK(...)`` would run as a
formula in a spreadsheet, so every CSV cell that a spreadsheet could read as a
formula is neutralised with a leading apostrophe (OWASP's advice).

Exports stream: rows come from the database in batches of plain columns (no
ORM objects, no identity map), so a million events export in constant memory,
from the command line and from the review app's download button alike.
Events a reviewer merged into another are not exported; the kept event is.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

from banwatch.store.events import EventFilters, best_evidence, filtered_events_query, first_source
from banwatch.store.models import Article, Event

EXPORT_COLUMNS = (
    "event_id",
    "actor",
    "actor_type",
    "level",
    "country",
    "region",
    "action",
    "status",
    "scope",
    "technology",
    "date",
    "until",
    "review_state",
    "reviewer",
    "reviewed_at",
    "sources",
    "first_source_url",
    "first_source_title",
    "evidence",
)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(FORMULA_PREFIXES)


def neutralise_cell(value: Any) -> str:
    """A cell's text that no spreadsheet will evaluate as a formula.

    Called once per cell of every export (19 million times for a million
    events), hence the plain type check and set lookup.
    """
    if value is None:
        return ""
    if type(value) is str:
        text = value
    else:
        text = value.isoformat() if isinstance(value, datetime) else str(value)
    return "'" + text if text[:1] in _FORMULA_FIRST else text


def event_row(event: Event) -> dict[str, Any]:
    """One canonical event as a flat row with the export's columns."""
    article = first_source(event)
    return {
        "event_id": event.id,
        "actor": event.actor,
        "actor_type": event.actor_type,
        "level": event.level,
        "country": event.country,
        "region": event.region,
        "action": event.action,
        "status": event.status,
        "scope": event.scope,
        "technology": event.technology,
        "date": event.date,
        "until": event.until,
        "review_state": event.review_state,
        "reviewer": event.reviewer,
        "reviewed_at": event.reviewed_at.isoformat() if event.reviewed_at else None,
        "sources": event.source_count,
        "first_source_url": article.canonical_url if article else None,
        "first_source_title": article.title if article else None,
        "evidence": best_evidence(event),
    }


def export_query(filters: EventFilters) -> Select[Any]:
    """The export's columns for every matching canonical event, first source joined.

    Same filters and order as ``banwatch events``; merged-away events left out.
    """
    return (
        filtered_events_query(filters)
        .where(Event.merged_into_id.is_(None))
        .with_only_columns(
            Event.id,
            Event.actor,
            Event.actor_type,
            Event.level,
            Event.country,
            Event.region,
            Event.action,
            Event.status,
            Event.scope,
            Event.technology,
            Event.date,
            Event.until,
            Event.review_state,
            Event.reviewer,
            Event.reviewed_at,
            Event.source_count,
            Article.canonical_url,
            Article.title,
            Event.evidence,
        )
        .join_from(Event, Article, Article.id == Event.first_article_id, isouter=True)
    )


def iter_event_rows(
    session: Session, filters: EventFilters, batch: int = 1000
) -> Iterator[dict[str, Any]]:
    """Rows for every matching event, streamed from the database in batches.

    Plain column tuples, not ORM objects: memory stays flat however many
    events match, and a million rows take seconds rather than minutes.
    """
    # Core rows on the session's connection: a quarter cheaper than ORM rows, and
    # yield_per streams them (a server-side cursor on PostgreSQL). The option is set on
    # this statement only: set on the connection, it would make every later statement of
    # the session a server-side cursor too (and "SET LOCAL ..." cannot be one).
    query = export_query(filters).execution_options(yield_per=batch)
    for values in session.connection().execute(query):
        row = dict(zip(EXPORT_COLUMNS, values, strict=True))
        reviewed_at = row["reviewed_at"]
        if reviewed_at is not None:
            row["reviewed_at"] = reviewed_at.isoformat()
        yield row


def csv_cells(row: dict[str, Any]) -> list[str]:
    """One row's cells in column order, each neutralised against formula injection."""
    get = row.get
    return [neutralise_cell(get(column)) for column in EXPORT_COLUMNS]


@contextmanager
def open_output(path: Path) -> Iterator[IO[str]]:
    """``path`` opened to write an export to; a file system error names the file.

    A full disk is reported when the last buffer is written, by an ``OSError``
    that names no file; re-raised with ``path``, it can be told to the user as
    one line (see ``banwatch.cli_common``).
    """
    try:
        with path.open("w", encoding="utf-8", newline="") as handle:
            yield handle
    except OSError as exc:
        if exc.filename is None and exc.errno is not None:
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str], *, bom: bool = False) -> int:
    """Write RFC 4180 CSV (CRLF line ends, minimal quoting) and return the row count."""
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow(csv_cells(row))
        count += 1
    return count


def iter_csv(
    rows: Iterable[dict[str, Any]], *, bom: bool = False, chunk_bytes: int = 64 * 1024
) -> Iterator[str]:
    """The same CSV as ``write_csv``, as text chunks of about ``chunk_bytes`` to stream.

    For HTTP downloads: each chunk is sent as it is made, so a large export
    never sits whole in memory on either side.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    if bom:
        buffer.write("\ufeff")
    writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        writer.writerow(csv_cells(row))
        if buffer.tell() >= chunk_bytes:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_line(row: dict[str, Any]) -> str:
    """One row as a JSON line (values as stored: JSON is not a spreadsheet)."""
    return json.dumps(row, ensure_ascii=False, default=str) + "\n"


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write one JSON object per line and return the row count."""
    count = 0
    for row in rows:
        out.write(jsonl_line(row))
        count += 1
    return count


def iter_jsonl(rows: Iterable[dict[str, Any]], *, chunk_bytes: int = 64 * 1024) -> Iterator[str]:
    """JSON lines in chunks of about ``chunk_bytes``, for streaming downloads."""
    parts: list[str] = []
    size = 0
    for row in rows:
        line = jsonl_line(row)
        parts.append(line)
        size += len(line)
        if size >= chunk_bytes:
            yield "".join(parts)
            parts, size = [], 0
    if parts:
        yield "".join(parts)
