"""Where an actor stands now: its enacted decisions replayed in date order.

A hand-kept tracker shows where things stand today, not every headline:

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

Repeals and extensions make this a replay: what a repeal ends depends on what
was still in force when it came. Histories without them reduce to "the
strongest decision not lapsed", which the overview computes in the database
(``banwatch.overview.queries``); the rest are replayed here, one actor at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from banwatch.vocabulary import AMENDS, STANDING_ACTIONS

IN_FORCE: tuple[str, ...] = STANDING_ACTIONS
AMENDING: tuple[str, ...] = tuple(AMENDS)
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


class Decision(Protocol):
    """What the replay reads of an event."""

    @property
    def id(self) -> int: ...
    @property
    def action(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def date(self) -> str | None: ...
    @property
    def until(self) -> str | None: ...
    @property
    def amends_event_id(self) -> int | None: ...


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


def sort_key(event: Decision) -> tuple[int, str, int]:
    """Replay order: undated first, then by ISO date (a year before its months), then id."""
    return (1 if event.date else 0, event.date or "", event.id)


def upper_bound(iso: str | None) -> str:
    """The last day within an ISO date of any precision ("2021-06" -> "2021-06-31")."""
    iso = iso or ""
    return iso + "-12-31"[len(iso) - 4 :] if len(iso) < 10 else iso


def is_iso(value: str | None) -> bool:
    """Whether an ``until`` is a date (a moratorium can lapse), not "indefinite"."""
    return bool(value) and len(value or "") >= 4 and (value or "")[:4].isdigit()


def ended_text(action: str, date: str | None) -> str:
    """How a label names a decision that ended: "ban 2021-07-01"."""
    return f"{action} {date or ''}".strip()


@dataclass
class _InForce:
    """A decision in force while replaying an actor's history."""

    action: str
    event: Decision
    until: str | None
    extended: bool = False


def current_status(events: Sequence[Decision], as_of: str) -> CurrentStatus | None:
    """Replay an actor's enacted decisions in date order; see the module docstring.

    ``as_of`` is an ISO day: decisions dated later are ignored, and moratoriums
    whose ``until`` ended before it have lapsed.
    """
    enacted = sorted(
        (e for e in events if e.status == "enacted" and (not e.date or e.date <= as_of)),
        key=sort_key,
    )
    active: dict[int, _InForce] = {}
    last_repeal: tuple[_InForce, Decision] | None = None
    for event in enacted:
        if event.action in IN_FORCE:
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
        if item.action == "moratorium" and is_iso(item.until) and upper_bound(item.until) < as_of
    ]
    for item in lapsed:
        del active[item.event.id]
    if active:
        best = max(active.values(), key=lambda item: (STRENGTH[item.action], sort_key(item.event)))
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
            ended=ended_text(gone.action, gone.event.date),
        )
    if last_repeal is not None:
        gone, repeal = last_repeal
        return CurrentStatus(
            state="repealed",
            since=repeal.date,
            until=None,
            extended=False,
            deciding_event_id=repeal.id,
            ended=ended_text(gone.action, gone.event.date),
        )
    return None


def _extension_target(active: dict[int, _InForce], extension: Decision) -> _InForce | None:
    """The moratorium an extension extends: the one it amends, else the latest in force."""
    if extension.amends_event_id in active:
        return active[extension.amends_event_id]
    moratoriums = [item for item in active.values() if item.action == "moratorium"]
    return max(moratoriums, key=lambda item: sort_key(item.event)) if moratoriums else None
