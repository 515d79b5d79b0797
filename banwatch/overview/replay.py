"""The overview computed the straightforward way: every event loaded, grouped and replayed.

This is how the overview was first built, and what ``overview_data`` must still
agree with: the tests compare the two on small stores full of awkward cases,
and ``bench/overview_scale.py`` runs this beside ``overview_data`` as its
baseline. It loads one ORM object per event, so it is no way to draw the page
for a large store.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from banwatch.overview.data import (
    MONTH_EVENTS_SHOWN,
    ActorFacts,
    EventSummary,
    OverviewData,
    as_of_day,
    assemble_overview,
    assemble_timeline,
    effective_filters,
)
from banwatch.overview.queries import history_filters
from banwatch.overview.status import current_status, sort_key
from banwatch.store.events import EventFilters, filtered_events_query
from banwatch.store.models import Event


def _events(session: Session, filters: EventFilters) -> list[EventSummary]:
    return [EventSummary.of(event) for event in session.scalars(filtered_events_query(filters))]


def _bucket(day: str | None) -> str:
    if day and len(day) >= 7:
        return day[:7]
    return day[:4] if day else ""


def reference_overview_data(
    session: Session, filters: EventFilters, *, today: date | None = None
) -> OverviewData:
    """What ``overview_data`` returns, computed from every event in Python."""
    filters = effective_filters(filters)
    as_of = as_of_day(filters, today or datetime.now(UTC).date())
    timeline_events = _events(session, filters)
    counts = Counter((_bucket(e.date), e.action) for e in timeline_events)
    shown: dict[str, list[EventSummary]] = defaultdict(list)
    for event in sorted(timeline_events, key=lambda e: (e.date or "", e.id)):
        month = _bucket(event.date)
        if len(month) == 7 and len(shown[month]) < MONTH_EVENTS_SHOWN:
            shown[month].append(event)
    timeline = assemble_timeline(
        [(bucket, action, n) for (bucket, action), n in counts.items()],
        [event for month in sorted(shown) for event in shown[month]],
    )

    history = _events(session, history_filters(filters))
    if filters.text:
        matching = {
            (e.topic, e.actor_key)
            for e in _events(session, replace(history_filters(filters), text=filters.text))
        }
        history = [e for e in history if (e.topic, e.actor_key) in matching]
    grouped: dict[tuple[str, str], list[EventSummary]] = defaultdict(list)
    for event in history:
        grouped[(event.topic, event.actor_key)].append(event)
    actors = []
    for (topic, key), events in grouped.items():
        events.sort(key=sort_key)
        latest = events[-1]
        actors.append(
            ActorFacts(
                topic=topic,
                actor_key=key,
                actor=latest.actor,
                actor_type=latest.actor_type,
                level=latest.level,
                country=latest.country,
                region=latest.region,
                last_date=max((e.date for e in events if e.date is not None), default=None),
                current=current_status(events, as_of),
            )
        )

    def read_histories(
        keys: Sequence[tuple[str, str]],
    ) -> dict[tuple[str, str], list[EventSummary]]:
        return {key: grouped[key] for key in keys}

    topics = tuple(session.scalars(select(Event.topic).distinct().order_by(Event.topic)))
    data = assemble_overview(filters, as_of, timeline, actors, read_histories, topics)
    if timeline.total == 0:
        states = Counter(
            e.review_state for e in _events(session, replace(filters, review_state="any"))
        )
        data = replace(data, review_counts=dict(states))
    return data
