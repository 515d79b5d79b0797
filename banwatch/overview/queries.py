"""The overview's questions to the database, answered by GROUP BY and window functions.

The overview must not load every event of a large store into Python. Here the
database counts events per month and action, picks a few events to list per
month, and reduces each actor (topic + normalised name) to one row: its latest
word (the name, kind and place of its most recent event), the latest date in its
history, and, when its enacted history holds no repeal or extension, the
decision that sets its current state (the strongest in force, else the latest
lapsed moratorium; see ``banwatch.standing``). Only actors with repeals
or extensions have their enacted decisions read back for a replay in Python,
and only the actors the page lists have their histories read. Every query is
plain SQLAlchemy Core and runs on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any, NamedTuple

from sqlalchemy import (
    CTE,
    ColumnElement,
    Select,
    and_,
    case,
    func,
    literal,
    or_,
    select,
    text,
    tuple_,
)
from sqlalchemy.orm import Session

from banwatch.standing import AMENDING, IN_FORCE, STRENGTH
from banwatch.store.events import EventFilters, filtered_events_query
from banwatch.store.models import Event
from banwatch.store.summaries import actor_chunks

# What the page shows of one event (EventSummary's fields, in its order).
SUMMARY_COLUMNS = (
    Event.id,
    Event.topic,
    Event.actor,
    Event.actor_key,
    Event.actor_type,
    Event.level,
    Event.country,
    Event.region,
    Event.action,
    Event.status,
    Event.date,
    Event.until,
    Event.scope,
    Event.review_state,
    Event.amends_event_id,
)
IN_CHUNK = 400  # actors per "IN (...)" list
UNION_CHUNK = 100  # months per UNION ALL of per-month samples


def matching_events(filters: EventFilters) -> Select[tuple[Event]]:
    """The events the filters select, unordered (``filtered_events_query`` without ORDER BY)."""
    return filtered_events_query(filters).order_by(None)


def history_filters(filters: EventFilters) -> EventFilters:
    """The filters that choose an actor's history: no action, status, start or search.

    Current status depends on an actor's whole enacted history up to the end of
    the date range, so these filters choose which actors to show, not which
    events count.
    """
    return replace(filters, action=None, status=None, date_from=None, text=None)


def history_events(filters: EventFilters) -> Select[tuple[Event]]:
    """Every event of the actors the filters concern (a search picks actors, not events)."""
    query = matching_events(history_filters(filters))
    if filters.text:
        matching = matching_events(replace(history_filters(filters), text=filters.text))
        actors = matching.with_only_columns(Event.topic, Event.actor_key).distinct()
        query = query.where(tuple_(Event.topic, Event.actor_key).in_(actors))
    return query


def without_jit(session: Session) -> None:
    """Switch PostgreSQL's JIT compiler off for this transaction.

    The planner expects these whole-store scans to be costly and compiles them,
    which took 7 s of CPU per query at 300,000 events: far longer than running them.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL jit = off"))


# -- the timeline ---------------------------------------------------------------------


def month_or_year(date: Any) -> ColumnElement[str]:
    """ "2019-05" for a date with a month, "2019" for a year only, "" when undated."""
    return case(
        (func.length(date) >= 7, func.substr(date, 1, 7)),
        (func.length(date) >= 1, func.substr(date, 1, 4)),
        else_=literal(""),
    )


def timeline_counts(session: Session, filters: EventFilters) -> list[tuple[str, str, int]]:
    """(month, year or "", action, events) for the matching events, in one GROUP BY."""
    dated = matching_events(filters).with_only_columns(
        month_or_year(Event.date).label("bucket"), Event.action
    )
    inner = dated.subquery()
    query = select(inner.c.bucket, inner.c.action, func.count()).group_by(
        inner.c.bucket, inner.c.action
    )
    return [(bucket or "", action, count) for bucket, action, count in session.execute(query)]


def _next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + 1:04d}-01" if number == 12 else f"{year:04d}-{number + 1:02d}"


def month_samples(
    session: Session, filters: EventFilters, months: Sequence[str], limit: int
) -> Iterator[Any]:
    """The first ``limit`` matching events of each month, by date then id.

    One small query per month (a date range on the date index, stopped by the
    limit), sent as UNION ALL in chunks, so listing never sorts the whole store.
    """
    for start in range(0, len(months), UNION_CHUNK):
        parts = [
            select(
                matching_events(filters)
                .with_only_columns(*SUMMARY_COLUMNS)
                .where(Event.date >= month, Event.date < _next_month(month))
                .order_by(Event.date, Event.id)
                .limit(limit)
                .subquery()
            )
            for month in months[start : start + UNION_CHUNK]
        ]
        query = parts[0] if len(parts) == 1 else parts[0].union_all(*parts[1:])
        yield from session.execute(query)


def review_state_counts(session: Session, filters: EventFilters) -> dict[str, int]:
    """How many events match the filters in each review state."""
    query = (
        matching_events(replace(filters, review_state="any"))
        .with_only_columns(Event.review_state, func.count())
        .group_by(Event.review_state)
    )
    return {state: count for state, count in session.execute(query)}


# -- actors ---------------------------------------------------------------------------


class ActorRow(NamedTuple):
    """One actor reduced by the database (see the module docstring); a tuple, as there
    is one per actor."""

    topic: str
    actor_key: str
    actor: str
    actor_type: str
    level: str | None
    country: str | None
    region: str | None
    last_date: str | None  # the latest date in its history
    amended: bool  # its enacted history holds a repeal or an extension: replay it
    # The deciding decision when not amended (None: nothing enacted in force or lapsed).
    deciding_id: int | None
    deciding_action: str | None
    deciding_date: str | None
    deciding_until: str | None
    deciding_lapsed: bool


class DecisionRow(NamedTuple):
    """An enacted decision read back for a replay (``status.Decision``)."""

    id: int
    action: str
    date: str | None
    until: str | None
    amends_event_id: int | None
    status: str = "enacted"


def _is_iso(value: Any) -> ColumnElement[bool]:
    """SQL for ``status.is_iso``: at least four characters, the first four digits."""
    digits = [func.substr(value, n, 1).between("0", "9") for n in (1, 2, 3, 4)]
    return and_(func.length(value) >= 4, *digits)


def _upper_bound(value: Any) -> ColumnElement[str]:
    """SQL for ``status.upper_bound``: "2021-06" -> "2021-06-31"."""
    return case(
        (func.length(value) < 10, value + func.substr("-12-31", func.length(value) - 3)),
        else_=value,
    )


def _history_cte(filters: EventFilters, as_of: str) -> CTE:
    """The history events with what the reductions need: replay order, enactment, lapse."""
    has_date = and_(Event.date.is_not(None), Event.date != "")
    # In force by ``as_of`` (undated decisions always).
    enacted = and_(Event.status == "enacted", or_(~has_date, Event.date <= as_of))
    lapsed = and_(
        Event.action == "moratorium", _is_iso(Event.until), _upper_bound(Event.until) < as_of
    )
    strength = case(*((Event.action == name, STRENGTH[name]) for name in IN_FORCE), else_=0)
    columns = (
        Event.id,
        Event.topic,
        Event.actor_key,
        Event.actor,
        Event.actor_type,
        Event.level,
        Event.country,
        Event.region,
        Event.action,
        Event.date,
        Event.until,
        Event.amends_event_id,
        case((has_date, 1), else_=0).label("dated"),
        func.coalesce(Event.date, "").label("date_key"),
        case((enacted, 1), else_=0).label("enacted"),
        case((and_(enacted, Event.action.in_(IN_FORCE)), 1), else_=0).label("item"),
        case((and_(enacted, Event.action.in_(AMENDING)), 1), else_=0).label("amending"),
        case((lapsed, 1), else_=0).label("lapsed"),
        strength.label("strength"),
    )
    return history_events(filters).with_only_columns(*columns).cte("history")


def _deciding_order(h: Any) -> tuple[Any, ...]:
    """Window order putting first the decision that sets a plain history's state.

    That is the strongest decision in force, not lapsed (the latest on a tie);
    failing that, the lapsed moratorium that ended last (the earliest on a tie):
    what ``status.current_status`` picks when nothing is repealed or extended.
    Rows that are no decision in force come last.
    """
    in_force = lambda column: case((h.c.lapsed == 0, column))  # noqa: E731
    was_lapsed = lambda column: case((h.c.lapsed == 1, column))  # noqa: E731
    return (
        h.c.item.desc(),
        h.c.lapsed.asc(),
        in_force(h.c.strength).desc(),
        in_force(h.c.dated).desc(),
        in_force(h.c.date_key).desc(),
        in_force(h.c.id).desc(),
        was_lapsed(h.c.until).desc(),
        was_lapsed(h.c.dated).asc(),
        was_lapsed(h.c.date_key).asc(),
        was_lapsed(h.c.id).asc(),
    )


def actor_rows(session: Session, filters: EventFilters, as_of: str) -> Iterator[ActorRow]:
    """Every actor of the history, reduced to one row: two window ranks, one GROUP BY.

    One rank finds the actor's latest word, the other its deciding decision
    (``_deciding_order``); the GROUP BY keeps the fields of those two rows.
    """
    h = _history_cte(filters, as_of)
    actor = (h.c.topic, h.c.actor_key)
    latest_first = (h.c.dated.desc(), h.c.date_key.desc(), h.c.id.desc())
    ranked = select(
        h,
        func.row_number().over(partition_by=actor, order_by=latest_first).label("recency"),
        func.row_number().over(partition_by=actor, order_by=_deciding_order(h)).label("rank"),
    ).subquery("ranked")
    latest = lambda column: func.max(case((ranked.c.recency == 1, column)))  # noqa: E731
    decides = and_(ranked.c.rank == 1, ranked.c.item == 1)
    deciding = lambda column: func.max(case((decides, column)))  # noqa: E731
    query = select(
        ranked.c.topic,
        ranked.c.actor_key,
        latest(ranked.c.actor),
        latest(ranked.c.actor_type),
        latest(ranked.c.level),
        latest(ranked.c.country),
        latest(ranked.c.region),
        func.max(ranked.c.date),
        func.max(ranked.c.amending),
        deciding(ranked.c.id),
        deciding(ranked.c.action),
        deciding(ranked.c.date),
        deciding(ranked.c.until),
        deciding(ranked.c.lapsed),
    ).group_by(ranked.c.topic, ranked.c.actor_key)
    for row in session.execute(query):
        yield ActorRow(*row[:8], bool(row[8]), *row[9:13], bool(row[13]))


def amended_decisions(
    session: Session, filters: EventFilters, as_of: str
) -> dict[tuple[str, str], list[DecisionRow]]:
    """The enacted decisions of the actors whose history holds a repeal or an extension."""
    h = _history_cte(filters, as_of)
    amended = select(h.c.topic, h.c.actor_key).where(h.c.enacted == 1, h.c.action.in_(AMENDING))
    query = (
        select(h.c.topic, h.c.actor_key, h.c.id, h.c.action, h.c.date, h.c.until)
        .add_columns(h.c.amends_event_id)
        .where(h.c.enacted == 1, tuple_(h.c.topic, h.c.actor_key).in_(amended.distinct()))
    )
    decisions: dict[tuple[str, str], list[DecisionRow]] = {}
    for topic, key, *fields in session.execute(query):
        decisions.setdefault((topic, key), []).append(DecisionRow(*fields))
    return decisions


def histories(
    session: Session, filters: EventFilters, actors: Sequence[tuple[str, str]]
) -> Iterator[Any]:
    """Every history event of the given (topic, actor key) pairs, in replay order."""
    has_date = and_(Event.date.is_not(None), Event.date != "")
    order = (case((has_date, 1), else_=0), func.coalesce(Event.date, ""), Event.id)
    for topic, keys in actor_chunks(actors):
        query = (
            history_events(filters)
            .with_only_columns(*SUMMARY_COLUMNS)
            .where(Event.topic == topic, Event.actor_key.in_(keys))
            .order_by(*order)
        )
        yield from session.execute(query)
