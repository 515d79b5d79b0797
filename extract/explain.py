"""``banwatch extract --explain``: the events with the candidates behind them.

Each event's record gets ``candidates``: what proposed it.  With the rules alone these
are the rule candidates merged into it (the sentence, the cue, the evidence); with a
learned decider they are its verdicts (which source proposed them, the parse path, the
model's scores, any relabelling).  Then one record per dropped candidate: each clause
whose action cue a named rule check (``extract.rules.vetoes``) kept from being an event,
each group of candidates merging dropped as an echo of another event
(``extract.merge.GROUP_DROPS``), and each proposal the decider dropped, with the check
that dropped it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .decider import Verdict
from .events import Event
from .merge import Echo
from .rules.state import Candidate, Vetoed


@dataclass
class Explanation:
    """One article's events and how they were found."""

    events: list[Event]
    candidates: list[Candidate]  # what the rules made, before any decider
    verdicts: list[Verdict]  # the decider's, when one is loaded
    vetoes: list[Vetoed]  # clauses the rules' named checks dropped
    echoes: list[Echo]  # groups merging dropped as echoes of another event


def _key(actor: str, region: str | None, action: str, status: str) -> tuple:
    return (actor.casefold(), region, action, status)


def candidate_record(c: Candidate) -> dict[str, Any]:
    """A rule candidate as ``--explain`` shows it."""
    cue = c.sent.doc[c.cue_tok].text if c.sent is not None and c.cue_tok is not None else None
    return {"source": "rules", "action": c.action, "status": c.status, "cue": cue,
            "sentence": c.sentence, "date_text": c.date_text, "reference": c.reference,
            "background": c.background, "confidence": c.confidence,
            "evidence": c.evidence[:300]}


def explained_records(ex: Explanation, detailed: bool = True) -> Iterator[dict[str, Any]]:
    """Event dicts (with ``candidates`` when ``detailed``), then the dropped ones."""
    if not detailed:
        yield from (e.to_dict() for e in ex.events)
        return
    behind: dict[tuple, list[dict[str, Any]]] = {}
    if ex.verdicts:
        for v in ex.verdicts:
            if v.kept:
                p = v.proposal
                behind.setdefault(_key(p.actor.name, p.actor.region, p.action, p.status),
                                  []).append(v.as_dict())
    else:
        for c in ex.candidates:
            behind.setdefault(_key(c.actor.name, c.actor.region, c.action, c.status),
                              []).append(candidate_record(c))
    for e in ex.events:
        record = e.to_dict()
        record["candidates"] = behind.get(_key(e.actor, e.region, e.action, e.status), [])
        yield record
    for vetoed in ex.vetoes:
        yield {"dropped": vetoed.as_dict()}
    for echo in ex.echoes:
        yield {"dropped": echo.as_dict()}
    for v in ex.verdicts:
        if not v.kept:
            yield {"dropped": v.as_dict()}
