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

from sqlalchemy.orm import Session

from banwatch.overview.data import (
    MONTH_EVENTS_SHOWN,
    EventSummary,
    OverviewData,
    all_topics,
    as_of_day,
    assemble_overview,
    assemble_timeline,
    effective_filters,
    facts_of,
)
from banwatch.overview.queries import history_filters
from banwatch.standing import sort_key
from banwatch.store.events import EventFilters, filtered_events_query


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
    actors = [
        facts_of(topic, key, sorted(events, key=sort_key), as_of)
        for (topic, key), events in grouped.items()
    ]

    def read_histories(
        keys: Sequence[tuple[str, str]],
    ) -> dict[tuple[str, str], list[EventSummary]]:
        return {key: sorted(grouped[key], key=sort_key) for key in keys}

    data = assemble_overview(filters, as_of, timeline, actors, read_histories, all_topics(session))
    if timeline.total == 0:
        states = Counter(
            e.review_state for e in _events(session, replace(filters, review_state="any"))
        )
        data = replace(data, review_counts=dict(states))
    return data
