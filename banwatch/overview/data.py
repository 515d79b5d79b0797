"""The overview's numbers: events per month by action, and each actor's *current* policy.

A hand-kept tracker shows where things stand today, not every headline, so the
maps and the companies table replay each actor's enacted decisions in date
order:

- a ban, moratorium or restriction comes into force and stays until changed;
- a repeal ends the decision it amends (``amends_event_id``), or every earlier
  one when it names none: Virginia's 2021 ban repealed in 2022 shows as
  *repealed*, New Orleans likewise;
- an extension keeps its moratorium alive (with the extension's ``until``);
  an extension whose moratorium we never saw counts as a moratorium itself;
- a moratorium whose ISO ``until`` date has passed (and was not extended) shows
  as *lapsed*: the pause is over even though nothing was repealed;
- a company's exit from the market is its strongest policy.

When several decisions are in force, the strongest wins (ban > moratorium >
restriction). Events dated only to a year sort before the months of that year
(ISO strings compare that way); undated events sort first, so that an undated
ban never overrides a dated repeal.

The timeline counts every event that matches the filters (any status), by
the month of its date; events dated only to a year, or not at all, cannot sit
in a month and are counted beside the chart instead of being guessed.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from urllib.parse import urlencode

from sqlalchemy import select
from sqlalchemy.orm import Session

from banwatch.overview.places import EU_MEMBERS, Point, alpha3, is_bloc, locate
from banwatch.store.events import EventFilters, filtered_events_query
from banwatch.store.models import Event
from banwatch.vocabulary import ACTIONS, STANDING_ACTIONS

# How strongly each current state limits the technology: the map colours by the highest.
STRENGTH: dict[str, int] = {
    "exit": 5,
    "ban": 4,
    "moratorium": 3,
    "restriction": 2,
    "repealed": 1,
    "lapsed": 0,
}
CURRENT_STATES: tuple[str, ...] = tuple(sorted(STRENGTH, key=STRENGTH.__getitem__, reverse=True))
DEFAULT_REVIEW_STATE = "accepted"

# EventFilters field -> the query parameter the review app's pages accept.
QUERY_NAMES: dict[str, str] = {
    "review_state": "review_state",
    "action": "action",
    "status": "status",
    "topic": "topic",
    "actor_type": "actor_type",
    "country": "country",
    "region": "region",
    "date_from": "since",
    "date_to": "until",
    "text": "q",
}


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
        return cls(
            id=event.id,
            topic=event.topic,
            actor=event.actor,
            actor_key=event.actor_key,
            actor_type=event.actor_type,
            level=event.level,
            country=event.country,
            region=event.region,
            action=event.action,
            status=event.status,
            date=event.date,
            until=event.until,
            scope=event.scope,
            review_state=event.review_state,
            amends_event_id=event.amends_event_id,
        )


@dataclass(frozen=True)
class CurrentStatus:
    """Where one actor stands now, and the decision that put it there."""

    state: str  # one of CURRENT_STATES
    since: str | None  # the date of the deciding event
    until: str | None  # a moratorium's end, when known
    extended: bool
    deciding_event_id: int
    # For repealed or lapsed actors: the decision that ended (e.g. "ban 2021").
    ended: str | None = None

    @property
    def label(self) -> str:
        """A short human reading: "ban since 2019-05-14", "repealed 2022 (ban 2021)"."""
        when = f" {self.since}" if self.since else ""
        if self.state == "repealed":
            return f"repealed{when}" + (f" (was: {self.ended})" if self.ended else "")
        if self.state == "lapsed":
            return f"lapsed {self.until}" + (f" (was: {self.ended})" if self.ended else "")
        text = f"{self.state} since{when}" if self.since else self.state
        if self.until:
            text += f", until {self.until}"
        return text + (" (extended)" if self.extended else "")


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
    events_by_month: dict[str, tuple[EventSummary, ...]]
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
    unplaced: tuple[ActorStatus, ...]
    companies: tuple[ActorStatus, ...]
    topics: tuple[str, ...] = field(default=())

    @property
    def eu_members(self) -> tuple[str, ...]:
        """Member states coloured by the EU's own status (see the page's note)."""
        return EU_MEMBERS

    def filter_query(self, **overrides: str | None) -> str:
        """The current filters as the review app's query string, with overrides applied."""
        return filters_to_query(self.filters, **overrides)


def effective_filters(filters: EventFilters) -> EventFilters:
    """The filters the overview applies: accepted events unless a review state is chosen."""
    if filters.review_state:
        return filters
    return replace(filters, review_state=DEFAULT_REVIEW_STATE)


def filters_to_query(filters: EventFilters, **overrides: str | None) -> str:
    """Filters as ``review_state=...&since=...`` for links to the app's lists."""
    params: dict[str, str] = {}
    for name, param in QUERY_NAMES.items():
        value = getattr(filters, name)
        if value:
            params[param] = str(value)
    for param, value in overrides.items():  # last, so a link reads "...&since=&until="
        params.pop(param, None)
        if value:
            params[param] = value
    return urlencode(params)


def filters_from_query(params: dict[str, str] | Iterable[tuple[str, str]]) -> EventFilters:
    """EventFilters from a request's query parameters (blank values mean "no filter").

    The review app can build the overview's filters with this, so the page, its
    filter form and the links it makes all agree on the parameter names.
    """
    items = params.items() if isinstance(params, dict) else params
    given = {key: value.strip() for key, value in items if value and value.strip()}
    values = {name: given.get(param) for name, param in QUERY_NAMES.items()}
    return EventFilters(**values)


# -- current status ------------------------------------------------------------------


def _sort_key(event: EventSummary) -> tuple[int, str, int]:
    return (1 if event.date else 0, event.date or "", event.id)


def _upper(iso: str | None) -> str:
    """The last day within an ISO date of any precision ("2021-06" -> "2021-06-31")."""
    iso = iso or ""
    return iso + "-12-31"[len(iso) - 4 :] if len(iso) < 10 else iso


def _is_iso(value: str | None) -> bool:
    return bool(value) and len(value or "") >= 4 and (value or "")[:4].isdigit()


@dataclass
class _InForce:
    """A decision in force while replaying an actor's history."""

    action: str
    event: EventSummary
    until: str | None
    extended: bool = False


def current_status(events: Sequence[EventSummary], as_of: str) -> CurrentStatus | None:
    """Replay an actor's enacted decisions in date order; see the module docstring.

    ``as_of`` is an ISO day: decisions dated later are ignored, and moratoriums
    whose ``until`` ended before it have lapsed.
    """
    enacted = sorted(
        (e for e in events if e.status == "enacted" and (not e.date or e.date <= as_of)),
        key=_sort_key,
    )
    active: dict[int, _InForce] = {}
    last_repeal: tuple[_InForce, EventSummary] | None = None
    for event in enacted:
        if event.action in STANDING_ACTIONS:
            active[event.id] = _InForce(event.action, event, event.until)
        elif event.action == "extension":
            target = _extension_target(active, event)
            if target is None:
                active[event.id] = _InForce("moratorium", event, event.until, extended=True)
            else:
                target.until, target.extended = event.until, True
        elif event.action == "repeal":
            amended = event.amends_event_id
            for target_id in [amended] if amended in active else list(active):
                last_repeal = (active.pop(target_id), event)
    lapsed = [
        item
        for item in active.values()
        if item.action == "moratorium" and _is_iso(item.until) and _upper(item.until) < as_of
    ]
    for item in lapsed:
        del active[item.event.id]
    if active:
        best = max(active.values(), key=lambda item: (STRENGTH[item.action], _sort_key(item.event)))
        return CurrentStatus(
            state=best.action,
            since=best.event.date,
            until=best.until if best.action == "moratorium" else None,
            extended=best.extended,
            deciding_event_id=best.event.id,
        )
    if lapsed:
        gone = max(lapsed, key=lambda item: item.until or "")
        return CurrentStatus(
            state="lapsed",
            since=gone.event.date,
            until=gone.until,
            extended=gone.extended,
            deciding_event_id=gone.event.id,
            ended=_describe(gone),
        )
    if last_repeal is not None:
        gone, repeal = last_repeal
        return CurrentStatus(
            state="repealed",
            since=repeal.date,
            until=None,
            extended=False,
            deciding_event_id=repeal.id,
            ended=_describe(gone),
        )
    return None


def _describe(item: _InForce) -> str:
    return f"{item.action} {item.event.date or ''}".strip()


def _extension_target(active: dict[int, _InForce], extension: EventSummary) -> _InForce | None:
    """The moratorium an extension extends: the one it amends, else the latest in force."""
    if extension.amends_event_id in active:
        return active[extension.amends_event_id]
    moratoriums = [item for item in active.values() if item.action == "moratorium"]
    return max(moratoriums, key=lambda item: _sort_key(item.event)) if moratoriums else None


# -- building the overview -------------------------------------------------------------


def _months_between(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from ``first`` to ``last`` inclusive."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def build_timeline(events: Sequence[EventSummary]) -> Timeline:
    """Count events per month and action; year-only and undated events are counted apart."""
    by_month: dict[str, list[EventSummary]] = defaultdict(list)
    year_only: dict[str, int] = defaultdict(int)
    undated = 0
    for event in events:
        if event.date and len(event.date) >= 7:
            by_month[event.date[:7]].append(event)
        elif event.date:
            year_only[event.date[:4]] += 1
        else:
            undated += 1
    months = _months_between(min(by_month), max(by_month)) if by_month else []
    counts = {
        action: tuple(sum(1 for e in by_month.get(m, ()) if e.action == action) for m in months)
        for action in ACTIONS
    }
    return Timeline(
        months=tuple(months),
        counts=counts,
        events_by_month={m: tuple(by_month[m]) for m in months if by_month.get(m)},
        year_only=dict(sorted(year_only.items())),
        undated=undated,
    )


def _as_of(filters: EventFilters, today: date) -> str:
    """The day the maps show: today, or the end of the chosen date range if earlier."""
    day = today.isoformat()
    if not filters.date_to:
        return day
    end = filters.date_to
    if len(end) == 7 and end[5:7].isdigit():  # a month: its real last day, for display
        year, month = int(end[:4]), int(end[5:7])
        end = f"{end}-{calendar.monthrange(year, month)[1]:02d}"
    return min(day, _upper(end))


def _actors(events: Iterable[EventSummary], as_of: str) -> list[ActorStatus]:
    """Group events by (topic, actor) and work out each actor's current status."""
    grouped: dict[tuple[str, str], list[EventSummary]] = defaultdict(list)
    for event in events:
        grouped[(event.topic, event.actor_key)].append(event)
    actors = []
    for (topic, key), history in grouped.items():
        history.sort(key=_sort_key)
        latest = history[-1]
        actors.append(
            ActorStatus(
                topic=topic,
                actor=latest.actor,
                actor_key=key,
                actor_type=latest.actor_type,
                level=latest.level,
                country=latest.country,
                region=latest.region,
                current=current_status(history, as_of),
                history=tuple(history),
            )
        )
    return sorted(actors, key=lambda a: (a.actor.casefold(), a.topic))


def _shown(actor: ActorStatus, filters: EventFilters) -> bool:
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
    if filters.date_from:
        return any(e.date and e.date >= filters.date_from for e in actor.history)
    return True


def _company_shown(actor: ActorStatus, filters: EventFilters) -> bool:
    """Companies are listed even with only proposed or failed decisions (a history
    worth reading), unless an action is chosen: then only those whose policy it is."""
    if filters.action:
        return _shown(actor, filters)
    return not filters.date_from or any(
        e.date and e.date >= filters.date_from for e in actor.history
    )


def overview_data(
    session: Session, filters: EventFilters, *, today: date | None = None
) -> OverviewData:
    """Query the store for the overview: the timeline, the maps and the companies.

    The timeline uses every filter as given. The maps and the companies table
    show current status, which depends on an actor's whole enacted history,
    so they read all enacted events up to the end of the date range; the action
    and text filters then choose which actors to show, not which events count,
    and the status filter applies to the timeline only (maps are of enacted law).
    A missing review state means accepted events only.
    """
    filters = effective_filters(filters)
    as_of = _as_of(filters, today or datetime.now(UTC).date())
    timeline_events = [EventSummary.of(e) for e in session.scalars(filtered_events_query(filters))]
    history_filters = replace(filters, action=None, status=None, date_from=None, text=None)
    history = [EventSummary.of(e) for e in session.scalars(filtered_events_query(history_filters))]
    if filters.text:
        # A search picks actors, not events: a matching ban still meets its later repeal.
        matching = {
            (e.topic, e.actor_key)
            for e in session.scalars(
                filtered_events_query(replace(history_filters, text=filters.text))
            )
        }
        history = [e for e in history if (e.topic, e.actor_key) in matching]
    us_states, us_points, countries, blocs, world_points, unplaced = [], [], [], [], [], []
    companies = []
    for actor in _actors(history, as_of):
        if actor.actor_type == "company":
            if _company_shown(actor, filters):
                companies.append(actor)
            continue
        if not _shown(actor, filters):
            continue
        country = (actor.country or "").upper()
        if is_bloc(actor.level, actor.country):
            blocs.append(actor)
        elif actor.level == "country" and alpha3(country):
            countries.append(actor)
        elif country == "US" and actor.level == "state" and actor.region:
            us_states.append(actor)
        elif actor.level in ("city", "county") and (
            point := locate(actor.actor, actor.level, actor.country, actor.region)
        ):
            placed = replace(actor, point=point)
            (us_points if country == "US" else world_points).append(placed)
        else:
            unplaced.append(actor)
    topics = tuple(session.scalars(select(Event.topic).distinct().order_by(Event.topic)))
    return OverviewData(
        filters=filters,
        as_of=as_of,
        timeline=build_timeline(timeline_events),
        us_states=tuple(us_states),
        us_points=tuple(us_points),
        countries=tuple(countries),
        blocs=tuple(blocs),
        world_points=tuple(world_points),
        unplaced=tuple(unplaced),
        companies=tuple(companies),
        topics=topics,
    )
