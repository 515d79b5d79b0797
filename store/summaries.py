"""The overview's summaries, kept in step with the events they summarise.

Counting 300,000 events and replaying every actor's history for each overview
page took 15-25 s. ``actor_summaries`` holds each actor's latest word, place
and current status (one row per review-state scope), and ``timeline_counts``
the events per month (or year, or none), review state, topic, status and
action; the overview reads those instead (``banwatch.overview.summarised``).

They are kept on write by one rule rather than by each write path: after every
flush of a session that inserted, changed or deleted events (extraction,
re-extraction, edits, accept, reject, merge, split), the actors and months those
events belonged to before and after are recomputed from the events, in the same
transaction. Writes that bypass the ORM (bulk ``insert(Event)``, as the
benchmarks fill stores) must call :func:`rebuild_summaries`, which the 0004
migration also runs to fill the tables for an existing database.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from itertools import groupby
from typing import Any, NamedTuple

from sqlalchemy import Connection, and_, case, delete, event, func, insert, literal, or_, select
from sqlalchemy.orm import Session, attributes

from banwatch.places import place_of
from banwatch.standing import current_status, is_iso, sort_key, upper_bound
from banwatch.store.models import ActorSummary, Event, TimelineCount
from banwatch.vocabulary import ANY_REVIEW_STATE, REVIEW_STATES

#: The review-state filters an actor is summarised for.
SCOPES: tuple[str, ...] = (*REVIEW_STATES, ANY_REVIEW_STATE)
CHUNK = 400  # actors or months per "IN (...)" list
OPEN_FROM, OPEN_TO = "", "9999-12-31"  # a window with no start, with no end
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

ActorKey = tuple[str, str]  # (topic, actor key)


class HistoryEvent(NamedTuple):
    """What a summary reads of one event (``banwatch.standing.Decision`` and more)."""

    id: int
    topic: str
    actor_key: str
    actor: str
    actor_type: str
    level: str | None
    country: str | None
    region: str | None
    action: str
    status: str
    date: str | None
    until: str | None
    amends_event_id: int | None
    review_state: str


HISTORY_COLUMNS = tuple(getattr(Event, name) for name in HistoryEvent._fields)


def today() -> str:
    """The day statuses are replayed as of when written: today in UTC, as the page's default."""
    return datetime.now(UTC).date().isoformat()


# -- one actor --------------------------------------------------------------------------


def _day_after(bound: str) -> str | None:
    """The first real ISO day later than ``bound`` ("2021-06-31" -> "2021-07-01"), or None
    when ``bound`` does not start with a day."""
    if not ISO_DAY.fullmatch(bound[:10]):
        return None
    year, month, day = (int(part) for part in bound[:10].split("-"))
    if not 1 <= month <= 12 or day < 1:
        return None
    if day >= calendar.monthrange(year, month)[1]:  # the month's last day, or past it
        return date(year + month // 12, month % 12 + 1, 1).isoformat()
    return (date(year, month, day) + timedelta(days=1)).isoformat()


def validity(events: Iterable[HistoryEvent], as_of: str) -> tuple[str, str]:
    """The days [from, to) on which the status replayed as of ``as_of`` still holds.

    It changes only on the day a dated decision comes into force (``date <= as_of``)
    and on the day after a ``until`` passes (a moratorium lapses). Where a bound
    is no real day the window is cut short, so the page replays sooner, never wrongly.
    Open ends are ``OPEN_FROM`` and ``OPEN_TO``, not NULL, so the page's test of a
    window is two plain comparisons any index serves.
    """
    starts: list[str] = []
    ends: list[str] = []
    for item in events:
        if item.status != "enacted":
            continue
        if item.date:
            (starts if item.date <= as_of else ends).append(item.date)
        if is_iso(item.until):
            bound = upper_bound(item.until)
            after = _day_after(bound)
            if bound < as_of:
                starts.append(after or as_of)
            else:
                ends.append(after or bound)
    return max(starts, default=OPEN_FROM), min(ends, default=OPEN_TO)


def summary_row(scope: str, events: Sequence[HistoryEvent], as_of: str) -> dict[str, Any]:
    """The ``actor_summaries`` row of one actor's events (all of one scope, not empty)."""
    latest = max(events, key=sort_key)
    place, point = place_of(
        latest.actor, latest.actor_type, latest.level, latest.country, latest.region
    )
    current = current_status(events, as_of)
    valid_from, valid_to = validity(events, as_of)
    return {
        "scope": scope,
        "topic": latest.topic,
        "actor_key": latest.actor_key,
        "actor": latest.actor,
        "name_key": latest.actor.casefold(),
        "actor_type": latest.actor_type,
        "level": latest.level,
        "country": latest.country,
        "region": latest.region,
        "last_date": max((e.date for e in events if e.date is not None), default=None),
        "place": place,
        "lat": point.lat if point else None,
        "lon": point.lon if point else None,
        "placed_by": point.placed_by if point else None,
        "state": current.state if current else None,
        "since": current.since if current else None,
        "until": current.until if current else None,
        "extended": current.extended if current else False,
        "deciding_event_id": current.deciding_event_id if current else None,
        "ended": current.ended if current else None,
        "valid_from": valid_from,
        "valid_to": valid_to,
    }


def actor_summary_rows(events: Sequence[HistoryEvent], as_of: str) -> Iterator[dict[str, Any]]:
    """One actor's rows: one per scope that holds any of its events."""
    for scope in SCOPES:
        chosen = [e for e in events if scope == ANY_REVIEW_STATE or e.review_state == scope]
        if chosen:
            yield summary_row(scope, chosen, as_of)


def _history_query() -> Any:
    """The events summaries are made of: those the overview counts (not orphaned)."""
    return select(*HISTORY_COLUMNS).where(Event.orphaned.is_(False))


def actor_chunks(keys: Iterable[ActorKey]) -> Iterator[tuple[str, list[str]]]:
    """(topic, up to CHUNK actor keys): one column's IN list, which every database
    looks up in the (topic, actor_key) indexes (a row-value IN may scan the table)."""
    by_topic: dict[str, list[str]] = {}
    for topic, key in sorted(set(keys)):
        by_topic.setdefault(topic, []).append(key)
    for topic, actor_keys in by_topic.items():
        for start in range(0, len(actor_keys), CHUNK):
            yield topic, actor_keys[start : start + CHUNK]


def refresh_actors(connection: Connection, keys: Iterable[ActorKey], as_of: str) -> None:
    """Recompute the summaries of these actors from their events (gone ones are removed)."""
    for topic, actor_keys in actor_chunks(keys):
        s = ActorSummary
        connection.execute(delete(s).where(s.topic == topic, s.actor_key.in_(actor_keys)))
        query = _history_query().where(Event.topic == topic, Event.actor_key.in_(actor_keys))
        events = sorted((HistoryEvent(*row) for row in connection.execute(query)), key=_actor)
        rows = [
            row
            for _, group in groupby(events, key=_actor)
            for row in actor_summary_rows(list(group), as_of)
        ]
        if rows:
            connection.execute(insert(ActorSummary), rows)


def _actor(item: HistoryEvent) -> ActorKey:
    return (item.topic, item.actor_key)


# -- the timeline -----------------------------------------------------------------------


def bucket_of(day: Any) -> Any:
    """The timeline's bucket of a date, in SQL: "2019-05", "2019" for a year only, "" undated."""
    return case(
        (func.length(day) >= 7, func.substr(day, 1, 7)),
        (func.length(day) >= 1, func.substr(day, 1, 4)),
        else_=literal(""),
    )


def bucket(day: str | None) -> str:
    """``bucket_of`` in Python, for the buckets a write touched."""
    if day and len(day) >= 7:
        return day[:7]
    return day[:4] if day else ""


def _in_bucket(topic: str, name: str) -> Any:
    """SQL for the events of one topic in one bucket; a date range lets the index help."""
    if not name:
        return and_(Event.topic == topic, or_(Event.date.is_(None), Event.date == ""))
    return and_(
        Event.topic == topic,
        Event.date >= name,
        Event.date <= name + "~",
        bucket_of(Event.date) == name,
    )


def _count_into_timeline(connection: Connection, where: Any) -> None:
    """INSERT ... SELECT the counts of the events matching ``where``."""
    label = bucket_of(Event.date).label("bucket")
    counted = (
        select(Event.review_state, Event.topic, Event.status, Event.action, label, func.count())
        .where(Event.orphaned.is_(False), where)
        .group_by(Event.review_state, Event.topic, Event.status, Event.action, label)
    )
    columns = ["review_state", "topic", "status", "action", "bucket", "events"]
    connection.execute(insert(TimelineCount).from_select(columns, counted))


def refresh_buckets(connection: Connection, buckets: Iterable[tuple[str, str]]) -> None:
    """Recount these (topic, bucket) cells of the timeline from the events."""
    for topic, name in sorted(set(buckets)):
        cell = and_(TimelineCount.topic == topic, TimelineCount.bucket == name)
        connection.execute(delete(TimelineCount).where(cell))
        _count_into_timeline(connection, _in_bucket(topic, name))


# -- everything -------------------------------------------------------------------------


def rebuild_summaries(connection: Connection, as_of: str | None = None) -> None:
    """Recompute every summary from the events: after bulk writes, and in migration 0004.

    Actor by actor in chunks (``refresh_actors``), so memory holds one chunk.
    """
    connection.execute(delete(ActorSummary))
    connection.execute(delete(TimelineCount))
    _count_into_timeline(connection, literal(True))
    actors = select(Event.topic, Event.actor_key).where(Event.orphaned.is_(False)).distinct()
    refresh_actors(connection, [(t, k) for t, k in connection.execute(actors)], as_of or today())


# -- kept on write ----------------------------------------------------------------------


def _values(item: Event, name: str) -> list[Any]:
    """The value of an attribute now and, if this flush changed it, before."""
    history = attributes.get_history(item, name)
    return [*history.unchanged, *history.added, *history.deleted] or [getattr(item, name)]


def touched(items: Iterable[Event]) -> tuple[set[ActorKey], set[tuple[str, str]]]:
    """The actors and (topic, bucket) cells the flushed events belonged to, before and after."""
    actors: set[ActorKey] = set()
    cells: set[tuple[str, str]] = set()
    for item in items:
        topics = _values(item, "topic")
        actors.update((t, k) for t in topics for k in _values(item, "actor_key"))
        cells.update((t, bucket(d)) for t in topics for d in _values(item, "date"))
    return actors, cells


def _after_flush(session: Session, _context: Any) -> None:
    """Recompute what the flushed events touched, in the flush's own transaction."""
    changed = [
        item for item in (*session.new, *session.dirty, *session.deleted) if isinstance(item, Event)
    ]
    if not changed:
        return
    actors, cells = touched(changed)
    connection = session.connection()
    refresh_actors(connection, actors, today())
    refresh_buckets(connection, cells)


event.listen(Session, "after_flush", _after_flush)
