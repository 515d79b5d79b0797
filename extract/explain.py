"""``banwatch extract --explain``: the events with the candidates behind them.

Each event's record gets ``candidates``: the verdicts of the candidates merged into it
(which source proposed them, the path, the decider's scores, any relabelling).  Then
one record per dropped candidate, with the check that dropped it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from .decider import Verdict
from .events import Event


def _key(actor: str, region: str | None, action: str, status: str) -> tuple:
    return (actor.casefold(), region, action, status)


def explained_records(events: Sequence[Event], verdicts: Sequence[Verdict] | None
                      ) -> Iterator[dict[str, Any]]:
    """Event dicts (with ``candidates`` when ``verdicts`` is given), then dropped ones."""
    if verdicts is None:
        yield from (e.to_dict() for e in events)
        return
    kept: dict[tuple, list[dict[str, Any]]] = {}
    for v in verdicts:
        if v.kept:
            p = v.proposal
            kept.setdefault(_key(p.actor.name, p.actor.region, p.action, p.status),
                            []).append(v.as_dict())
    for e in events:
        record = e.to_dict()
        record["candidates"] = kept.get(_key(e.actor, e.region, e.action, e.status), [])
        yield record
    for v in verdicts:
        if not v.kept:
            yield {"dropped": v.as_dict()}
