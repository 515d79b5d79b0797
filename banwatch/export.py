"""Rows for people and programs: CSV that is safe to open in Excel, and JSON lines.

Scraped text is hostile. A title such as ``=HYPERLINK(...)`` would run as a
formula in a spreadsheet, so every CSV cell that a spreadsheet could read as a
formula is neutralised with a leading apostrophe (OWASP's advice).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import IO, Any

from sqlalchemy.orm import Session, selectinload

from store.events import EventFilters, best_evidence, filtered_events_query, first_source
from store.models import Event

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


def neutralise_cell(value: Any) -> str:
    """A cell's text that no spreadsheet will evaluate as a formula."""
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, datetime) else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


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


def iter_event_rows(
    session: Session, filters: EventFilters, batch: int = 500
) -> Iterator[dict[str, Any]]:
    """Rows for every matching event, loaded in batches so memory stays flat."""
    query = filtered_events_query(filters).options(selectinload(Event.first_article))
    for event in session.scalars(query.execution_options(yield_per=batch)):
        yield event_row(event)


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str], *, bom: bool = False) -> int:
    """Write RFC 4180 CSV (CRLF line ends, minimal quoting) and return the row count."""
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for row in rows:
        writer.writerow([neutralise_cell(row.get(column)) for column in EXPORT_COLUMNS])
        count += 1
    return count


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write one JSON object per line and return the row count."""
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        count += 1
    return count
