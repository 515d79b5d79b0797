"""The overview read from the summaries kept on write, so a page costs what it shows.

``banwatch.store.summaries`` keeps each actor's latest word, place and current
status, and the timeline's counts, in step with every write. The page then
reads a few grouped rows, the actors on the maps, the first ``LIST_SHOWN`` of
each list by name (an index walk) with their totals, and the histories of the
actors it lists: not every event, however large the store.

The summaries answer the filters of the page's form that pick a review state,
topic, action or status. A date range, a search or the review queue's filters
(actor type, country, region, orphaned events) change which events make up an
actor's history or the timeline's months, so those pages are counted from the
events as before (``data.sql_overview_data``: 15-25 s at 300,000 events).

An actor's stored status holds between two days (``valid_from``, ``valid_to``):
a later decision comes into force, or a moratorium lapses. Actors outside
their window on the page's day are replayed from their events here (few: those
whose status changed since their last write) and merged into the lists.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, true
from sqlalchemy.orm import Session

from banwatch.overview.data import (
    LIST_SHOWN,
    LISTED,
    ActorFacts,
    OverviewData,
    Placed,
    all_topics,
    as_of_day,
    assemble_placed,
    assemble_timeline,
    effective_filters,
    facts_of,
    facts_with,
    history_reader,
    order_key,
    place_actors,
    sql_overview_data,
    timeline_samples,
)
from banwatch.places import MAP_PLACES, PLACES, Point
from banwatch.standing import CurrentStatus, sort_key
from banwatch.store.events import EventFilters
from banwatch.store.models import ActorSummary, TimelineCount
from banwatch.vocabulary import ANY_REVIEW_STATE

#: The filters the summaries answer; any other set means counting the events.
SUMMARISED_FILTERS = ("review_state", "topic", "action", "status")


def summaries_answer(filters: EventFilters) -> bool:
    """Whether the summaries answer these filters (see the module docstring)."""
    return not any(
        getattr(filters, field.name)
        for field in fields(filters)
        if field.name not in SUMMARISED_FILTERS
    )


def overview_data(
    session: Session, filters: EventFilters, *, today: date | None = None
) -> OverviewData:
    """The overview's data: from the summaries when they answer the filters."""
    if not summaries_answer(filters):
        return sql_overview_data(session, filters, today=today)
    filters = effective_filters(filters)
    as_of = as_of_day(filters, today or datetime.now(UTC).date())
    counts = timeline_counts(session, filters)
    timeline = assemble_timeline(counts, timeline_samples(session, filters, counts))
    places, totals = placed_actors(session, filters, as_of)
    data = assemble_placed(
        filters,
        as_of,
        timeline,
        places,
        totals,
        history_reader(session, filters),
        all_topics(session),
    )
    if timeline.total == 0:
        data = replace(data, review_counts=review_state_counts(session, filters))
    return data


# -- the timeline -----------------------------------------------------------------------


def _counted(query: Select[Any], filters: EventFilters) -> Select[Any]:
    """``query`` on ``timeline_counts`` narrowed to the filters."""
    t = TimelineCount
    for column, value in ((t.topic, filters.topic), (t.status, filters.status)):
        if value:
            query = query.where(column == value)
    if filters.action:
        query = query.where(t.action == filters.action)
    if filters.review_state and filters.review_state != ANY_REVIEW_STATE:
        query = query.where(t.review_state == filters.review_state)
    return query


def timeline_counts(session: Session, filters: EventFilters) -> list[tuple[str, str, int]]:
    """(bucket, action, events) summed from the kept counts."""
    t = TimelineCount
    query = select(t.bucket, t.action, func.sum(t.events)).group_by(t.bucket, t.action)
    return [(b, a, int(n)) for b, a, n in session.execute(_counted(query, filters))]


def review_state_counts(session: Session, filters: EventFilters) -> dict[str, int]:
    """Matching events per review state (said when the chosen state has none)."""
    t = TimelineCount
    query = select(t.review_state, func.sum(t.events)).group_by(t.review_state)
    counted = _counted(query, replace(filters, review_state=ANY_REVIEW_STATE))
    return {state: int(n) for state, n in session.execute(counted)}


# -- actors -----------------------------------------------------------------------------


def _valid(as_of: str) -> ColumnElement[bool]:
    """Rows whose stored status holds on ``as_of``.

    Tested through ``coalesce`` (the columns are never NULL) so that the planner
    narrows by the place index, not by a window index whose range holds nearly
    every row (SQLite chose that and read 300,000 rows for a map of fifty states).
    """
    s = ActorSummary
    return and_(func.coalesce(s.valid_from, "") <= as_of, func.coalesce(s.valid_to, "") > as_of)


def _stale(as_of: str) -> ColumnElement[bool]:
    """Rows whose stored status no longer holds on ``as_of``: two short index ranges."""
    return or_(ActorSummary.valid_from > as_of, ActorSummary.valid_to <= as_of)


def _shown(place: str, filters: EventFilters) -> ColumnElement[bool]:
    """SQL for ``data.shown_in`` with no date range (the summaries' filters)."""
    s = ActorSummary
    if place == "company" and not filters.action:
        return true()
    if filters.action == "extension":
        return s.extended.is_(True) & s.state.is_not(None)
    if filters.action:
        return s.state == {"repeal": "repealed"}.get(filters.action, filters.action)
    return s.state.is_not(None)


def _actors(filters: EventFilters) -> Select[Any]:
    """The summary rows of the filters' scope and topic."""
    s = ActorSummary
    query = select(s).where(s.scope == filters.review_state)
    return query.where(s.topic == filters.topic) if filters.topic else query


def _by_name(session: Session) -> tuple[Any, ...]:
    """The page's order in SQL: by code point (Python's), whatever the database's collation."""
    columns = (ActorSummary.name_key, ActorSummary.topic, ActorSummary.actor_key)
    if session.get_bind().dialect.name == "postgresql":
        return tuple(column.collate("C") for column in columns)
    return columns


def _facts(row: ActorSummary) -> tuple[ActorFacts, Point | None]:
    current = (
        CurrentStatus(
            state=row.state,
            since=row.since,
            until=row.until,
            extended=row.extended,
            deciding_event_id=row.deciding_event_id or 0,
            ended=row.ended,
        )
        if row.state is not None
        else None
    )
    point = Point(row.lat, row.lon, row.placed_by or "") if row.lat is not None else None
    return facts_with(row, current), point


def replayed_actors(session: Session, filters: EventFilters, as_of: str) -> dict[str, Placed]:
    """The actors whose stored status does not hold on ``as_of``, replayed and placed."""
    s = ActorSummary
    stale = _actors(filters).with_only_columns(s.topic, s.actor_key)
    keys = [(topic, key) for topic, key in session.execute(stale.where(_stale(as_of)))]
    histories = history_reader(session, filters)(keys) if keys else {}
    actors = [
        facts_of(topic, key, sorted(events, key=sort_key), as_of)
        for (topic, key), events in histories.items()
    ]
    return place_actors(actors, filters)


def placed_actors(
    session: Session, filters: EventFilters, as_of: str
) -> tuple[dict[str, Placed], dict[str, int]]:
    """The shown actors by place (lists cut to ``LIST_SHOWN``) and the lists' totals."""
    s = ActorSummary
    current = _actors(filters).where(_valid(as_of))
    places = replayed_actors(session, filters, as_of)
    totals = {place: len(places[place]) for place in LISTED}
    for place in PLACES:
        query = current.where(s.place == place, _shown(place, filters))
        if place in MAP_PLACES:
            rows = session.scalars(query)
        else:
            rows = session.scalars(query.order_by(*_by_name(session)).limit(LIST_SHOWN))
            counted = query.with_only_columns(func.count()).order_by(None)
            totals[place] += session.execute(counted).scalar_one()
        places[place] = sorted([*places[place], *map(_facts, rows)], key=lambda p: order_key(p[0]))
    return places, totals
