"""The overview's numbers: events per month by action, and each actor's *current* policy.

The maps and the companies table show where each actor stands now (the rules
are in ``banwatch.standing``); the timeline counts every event that
matches the filters (any status), by the month of its date. Events dated only to
a year, or not at all, cannot sit in a month and are counted beside the chart
instead of being guessed.

The page reads summaries kept on write where they answer its filters
(``banwatch.overview.summarised``); otherwise ``sql_overview_data`` here has the
database count and group every matching event (``banwatch.overview.queries``),
one pass over the events rather than a Python object per event.
``banwatch.overview.replay`` computes the same ``OverviewData`` the
straightforward way; the tests hold all three equal.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from banwatch.overview import queries
from banwatch.places import EU_MEMBERS, PLACES, Point, place_of
from banwatch.standing import CurrentStatus, current_status, ended_text, upper_bound
from banwatch.store.events import EventFilters
from banwatch.store.models import Event
from banwatch.vocabulary import ACTIONS

DEFAULT_REVIEW_STATE = "accepted"
# How much the page lists: a store of any size gives a page a reader can take in.
MONTH_EVENTS_SHOWN = 20  # events named in a month's row of the month table
LIST_SHOWN = 200  # places not on the maps, and companies


@dataclass(frozen=True)
class EventSummary:
    """The fields of one event the overview shows; detached from the session."""

    id: int
    topic: str
    actor: str
    actor_key: str
    actor_type: str
    level: str | None
    country: str | None
    region: str | None
    action: str
    status: str
    date: str | None
    until: str | None
    scope: str | None
    review_state: str
    amends_event_id: int | None = None

    @classmethod
    def of(cls, event: Event) -> EventSummary:
        """A summary of a stored event."""
        return cls(*(getattr(event, column.key) for column in queries.SUMMARY_COLUMNS))


class ActorFacts(NamedTuple):
    """One actor (for one topic) as its latest word and its current status."""

    topic: str
    actor_key: str
    actor: str
    actor_type: str
    level: str | None
    country: str | None
    region: str | None
    last_date: str | None  # the latest date in its history (for the "from" filter)
    current: CurrentStatus | None


@dataclass(frozen=True)
class ActorStatus:
    """One actor (for one topic) with its current status and its history."""

    topic: str
    actor: str
    actor_key: str
    actor_type: str
    level: str | None
    country: str | None
    region: str | None
    current: CurrentStatus | None
    history: tuple[EventSummary, ...]
    point: Point | None = None

    @property
    def state(self) -> str | None:
        """The current state, or None when nothing enacted is known."""
        return self.current.state if self.current else None


@dataclass(frozen=True)
class Timeline:
    """Events per month, stacked by action; plus what cannot be placed in a month."""

    months: tuple[str, ...]  # every month from the first to the last, gaps included
    counts: dict[str, tuple[int, ...]]  # action -> count per month, aligned with months
    # The first MONTH_EVENTS_SHOWN events of each month, and how many each month has.
    events_by_month: dict[str, tuple[EventSummary, ...]]
    month_totals: dict[str, int]
    year_only: dict[str, int]  # "2019" -> events dated only to that year
    undated: int

    @property
    def total(self) -> int:
        """How many events the timeline counts (in months, years or undated)."""
        in_months = sum(sum(values) for values in self.counts.values())
        return in_months + sum(self.year_only.values()) + self.undated


@dataclass(frozen=True)
class OverviewData:
    """Everything the overview page draws, as plain values (no database objects)."""

    filters: EventFilters
    as_of: str
    timeline: Timeline
    us_states: tuple[ActorStatus, ...]
    us_points: tuple[ActorStatus, ...]
    countries: tuple[ActorStatus, ...]
    blocs: tuple[ActorStatus, ...]
    world_points: tuple[ActorStatus, ...]
    unplaced: tuple[ActorStatus, ...]  # the first LIST_SHOWN by name
    companies: tuple[ActorStatus, ...]  # the first LIST_SHOWN by name
    unplaced_total: int = 0
    companies_total: int = 0
    topics: tuple[str, ...] = field(default=())
    # Matching events per review state, counted when the chosen state has none:
    # the page and the command say what an empty overview is waiting for.
    review_counts: dict[str, int] = field(default_factory=dict)

    @property
    def eu_members(self) -> tuple[str, ...]:
        """Member states coloured by the EU's own status (see the page's note)."""
        return EU_MEMBERS


def effective_filters(filters: EventFilters) -> EventFilters:
    """The filters the overview applies: accepted events unless a review state is chosen."""
    if filters.review_state:
        return filters
    return replace(filters, review_state=DEFAULT_REVIEW_STATE)


def as_of_day(filters: EventFilters, today: date) -> str:
    """The day the maps show: today, or the end of the chosen date range if earlier."""
    day = today.isoformat()
    if not filters.date_to:
        return day
    end = filters.date_to
    if len(end) == 7 and end[5:7].isdigit():  # a month: its real last day, for display
        year, month = int(end[:4]), int(end[5:7])
        end = f"{end}-{calendar.monthrange(year, month)[1]:02d}"
    return min(day, upper_bound(end))


# -- the timeline ----------------------------------------------------------------------


def _months_between(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from ``first`` to ``last`` inclusive."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def assemble_timeline(
    counts: Iterable[tuple[str, str, int]], samples: Iterable[EventSummary]
) -> Timeline:
    """The timeline from (month, year or "", action, events) counts and each month's
    first events; ``samples`` must come in date order."""
    per_month: dict[str, dict[str, int]] = defaultdict(dict)
    year_only: dict[str, int] = defaultdict(int)
    undated = 0
    for bucket, action, count in counts:
        if len(bucket) >= 7:
            per_month[bucket][action] = count
        elif bucket:
            year_only[bucket] += count
        else:
            undated += count
    months = _months_between(min(per_month), max(per_month)) if per_month else []
    by_month: dict[str, list[EventSummary]] = defaultdict(list)
    for event in samples:
        by_month[(event.date or "")[:7]].append(event)
    return Timeline(
        months=tuple(months),
        counts={
            action: tuple(per_month.get(m, {}).get(action, 0) for m in months) for action in ACTIONS
        },
        events_by_month={m: tuple(by_month[m]) for m in months if by_month.get(m)},
        month_totals={m: sum(per_month[m].values()) for m in months if m in per_month},
        year_only=dict(sorted(year_only.items())),
        undated=undated,
    )


# -- places ----------------------------------------------------------------------------


def _shown(actor: ActorFacts, filters: EventFilters) -> bool:
    """Whether an actor belongs on the maps under the chosen action and date range."""
    if actor.current is None:
        return False
    if filters.action:
        wanted = {"repeal": "repealed"}.get(filters.action, filters.action)
        if filters.action == "extension":
            if not actor.current.extended:
                return False
        elif actor.current.state != wanted:
            return False
    return _active_since(actor, filters)


def _active_since(actor: ActorFacts, filters: EventFilters) -> bool:
    return not filters.date_from or bool(actor.last_date and actor.last_date >= filters.date_from)


def _company_shown(actor: ActorFacts, filters: EventFilters) -> bool:
    """Companies are listed even with only proposed or failed decisions (a history
    worth reading), unless an action is chosen: then only those whose policy it is."""
    return _shown(actor, filters) if filters.action else _active_since(actor, filters)


Placed = list[tuple[ActorFacts, Point | None]]


def order_key(actor: ActorFacts) -> tuple[str, str, str]:
    """The order actors are listed in: by name, then topic and key."""
    return (actor.actor.casefold(), actor.topic, actor.actor_key)


def shown_in(place: str, actor: ActorFacts, filters: EventFilters) -> bool:
    """Whether an actor placed at ``place`` (``banwatch.places.PLACES``) is shown."""
    return _company_shown(actor, filters) if place == "company" else _shown(actor, filters)


def place_actors(actors: Iterable[ActorFacts], filters: EventFilters) -> dict[str, Placed]:
    """The shown actors by place (``banwatch.places.PLACES``), each list in ``order_key`` order."""
    places: dict[str, Placed] = {place: [] for place in PLACES}
    for actor in sorted(actors, key=order_key):
        place, point = place_of(
            actor.actor, actor.actor_type, actor.level, actor.country, actor.region
        )
        if shown_in(place, actor, filters):
            places[place].append((actor, point))
    return places


HistoryReader = Callable[[Sequence[tuple[str, str]]], dict[tuple[str, str], list[EventSummary]]]


def assemble_overview(
    filters: EventFilters,
    as_of: str,
    timeline: Timeline,
    actors: Iterable[ActorFacts],
    read_histories: HistoryReader,
    topics: tuple[str, ...],
) -> OverviewData:
    """Sort the actors onto the maps and lists, and read the histories of those listed."""
    places = place_actors(actors, filters)
    totals = {place: len(places[place]) for place in LISTED}
    return assemble_placed(filters, as_of, timeline, places, totals, read_histories, topics)


LISTED = ("unplaced", "company")  # the lists under the maps: the first LIST_SHOWN shown


def assemble_placed(
    filters: EventFilters,
    as_of: str,
    timeline: Timeline,
    places: dict[str, Placed],
    totals: dict[str, int],
    read_histories: HistoryReader,
    topics: tuple[str, ...],
) -> OverviewData:
    """The page's data from actors already placed (lists in order) and the lists' totals."""
    shown = {
        place: group[:LIST_SHOWN] if place in LISTED else group for place, group in places.items()
    }
    keys = [(a.topic, a.actor_key) for group in shown.values() for a, _ in group]
    history = read_histories(keys)

    def statuses(place: str) -> tuple[ActorStatus, ...]:
        return tuple(
            ActorStatus(
                topic=a.topic,
                actor=a.actor,
                actor_key=a.actor_key,
                actor_type=a.actor_type,
                level=a.level,
                country=a.country,
                region=a.region,
                current=a.current,
                history=tuple(history.get((a.topic, a.actor_key), ())),
                point=point,
            )
            for a, point in shown[place]
        )

    return OverviewData(
        filters=filters,
        as_of=as_of,
        timeline=timeline,
        us_states=statuses("us_state"),
        us_points=statuses("us_point"),
        countries=statuses("country"),
        blocs=statuses("bloc"),
        world_points=statuses("world_point"),
        unplaced=statuses("unplaced"),
        companies=statuses("company"),
        unplaced_total=totals["unplaced"],
        companies_total=totals["company"],
        topics=topics,
    )


# -- from the database -----------------------------------------------------------------


def facts_with(row: Any, current: CurrentStatus | None) -> ActorFacts:
    """An actor's facts from a reduced row (``queries.ActorRow``, a kept summary)."""
    return ActorFacts(
        topic=row.topic,
        actor_key=row.actor_key,
        actor=row.actor,
        actor_type=row.actor_type,
        level=row.level,
        country=row.country,
        region=row.region,
        last_date=row.last_date,
        current=current,
    )


def _deciding_status(row: queries.ActorRow) -> CurrentStatus | None:
    """The current status of an actor whose enacted history has no repeal or extension."""
    if row.deciding_id is None or row.deciding_action is None:
        return None
    if row.deciding_lapsed:
        return CurrentStatus(
            state="lapsed",
            since=row.deciding_date,
            until=row.deciding_until,
            extended=False,
            deciding_event_id=row.deciding_id,
            ended=ended_text(row.deciding_action, row.deciding_date),
        )
    return CurrentStatus(
        state=row.deciding_action,
        since=row.deciding_date,
        until=row.deciding_until if row.deciding_action == "moratorium" else None,
        extended=False,
        deciding_event_id=row.deciding_id,
    )


def actor_facts(session: Session, filters: EventFilters, as_of: str) -> list[ActorFacts]:
    """Every actor with its current status: from the database, replaying only amended ones."""
    rows = list(queries.actor_rows(session, filters, as_of))
    amended = (
        queries.amended_decisions(session, filters, as_of)
        if any(row.amended for row in rows)
        else {}
    )
    return [
        facts_with(
            row,
            current_status(amended.get((row.topic, row.actor_key), []), as_of)
            if row.amended
            else _deciding_status(row),
        )
        for row in rows
    ]


def summary(row: Any) -> EventSummary:
    """An EventSummary from a row of ``queries.SUMMARY_COLUMNS``."""
    return EventSummary(*row)


def history_reader(session: Session, filters: EventFilters) -> HistoryReader:
    """Reads the histories of the actors the page lists, under the overview's filters."""

    def read_histories(
        keys: Sequence[tuple[str, str]],
    ) -> dict[tuple[str, str], list[EventSummary]]:
        found: dict[tuple[str, str], list[EventSummary]] = defaultdict(list)
        for row in queries.histories(session, filters, keys):
            event = summary(row)
            found[(event.topic, event.actor_key)].append(event)
        return found

    return read_histories


def all_topics(session: Session) -> tuple[str, ...]:
    """Every topic in the store, for the page's topic filter."""
    return tuple(session.scalars(select(Event.topic).distinct().order_by(Event.topic)))


def facts_of(topic: str, key: str, events: Sequence[EventSummary], as_of: str) -> ActorFacts:
    """An actor's facts replayed from its history events, in replay order."""
    latest = events[-1]
    return ActorFacts(
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


def sql_overview_data(
    session: Session, filters: EventFilters, *, today: date | None = None
) -> OverviewData:
    """Query the store for the overview: the timeline, the maps and the companies.

    Counts and reduces every matching event in the database; used for the filters
    the summaries cannot answer (``banwatch.overview.summarised``): 15-25 s at
    300,000 events.

    The timeline uses every filter as given. The maps and the companies table
    show current status, which depends on an actor's whole enacted history,
    so they read all enacted events up to the end of the date range; the action
    and text filters then choose which actors to show, not which events count,
    and the status filter applies to the timeline only (maps are of enacted law).
    A missing review state means accepted events only.
    """
    filters = effective_filters(filters)
    as_of = as_of_day(filters, today or datetime.now(UTC).date())
    queries.without_jit(session)
    counts = queries.timeline_counts(session, filters)
    timeline = assemble_timeline(counts, timeline_samples(session, filters, counts))
    data = assemble_overview(
        filters,
        as_of,
        timeline,
        actor_facts(session, filters, as_of),
        history_reader(session, filters),
        all_topics(session),
    )
    if timeline.total == 0:
        data = replace(data, review_counts=queries.review_state_counts(session, filters))
    return data


def timeline_samples(
    session: Session, filters: EventFilters, counts: Sequence[tuple[str, str, int]]
) -> list[EventSummary]:
    """The first events of each month that has any, in date order."""
    months = sorted({bucket for bucket, _, _ in counts if len(bucket) >= 7})
    samples = [
        summary(row) for row in queries.month_samples(session, filters, months, MONTH_EVENTS_SHOWN)
    ]
    return sorted(samples, key=lambda e: (e.date or "", e.id))
