"""Training examples for the decider, from annotated passages.

Every candidate the rules and the parse propose for a passage (``Extractor.proposals_many``)
becomes one example: its model text (``extract.decider.model_text``) and its labels, taken
from the passage's gold event of the same actor and region:

- no gold event of that actor: not an event (``EVENT`` 0, the other labels missing);
- one whose action is the candidate's (or the actor's only event): an event, with that
  event's action and status;
- several, none of which the candidate's action singles out: left out, as unknown.

Labels not given are *missing*, not negative: ``textcat_multilabel`` learns nothing about
an action from a candidate that is no event.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..candidates import Proposal
from ..dates import PartialDate
from ..decider import ACTION_LABELS, EVENT_LABEL, STATUS_LABELS, model_text


@dataclass
class Example:
    passage: str
    text: str
    cats: dict[str, float]
    source: str


def labels_for(p: Proposal, gold: Sequence[dict[str, Any]]) -> dict[str, float] | None:
    """The candidate's labels from the passage's gold events (None: cannot tell)."""
    same = [g for g in gold if (g.get("actor") or "").casefold() == p.actor.name.casefold()
            and g.get("region") == p.actor.region]
    if not same:
        return {EVENT_LABEL: 0.0}
    exact = [g for g in same if g.get("action") == p.action]
    pick = None
    if exact:
        pick = next((g for g in exact if g.get("status") == p.status), None) \
            if len({g.get("status") for g in exact}) > 1 else exact[0]
    elif len(same) == 1:
        pick = same[0]
    if pick is None:
        return None
    cats = {EVENT_LABEL: 1.0}
    cats.update({label: float(a == pick["action"]) for a, label in ACTION_LABELS.items()})
    cats.update({label: float(s == pick["status"]) for s, label in STATUS_LABELS.items()})
    return cats


def passage_items(passages: Iterable[dict[str, Any]]
                  ) -> list[tuple[str, PartialDate | None, str | None]]:
    """(text, published, title) of each passage; a real page may give only its month."""
    return [(p["text"], PartialDate.parse(p.get("published")), p.get("title")) for p in passages]


def examples(extractor: Any, passages: Sequence[dict[str, Any]]) -> list[Example]:
    """One example per candidate of every passage (unknowns left out, and the candidates of
    the passage's ``unlabelled`` actors)."""
    out = []
    for passage, props in zip(passages, extractor.proposals_many(passage_items(passages)),
                              strict=True):
        # actors whose events nobody judged (a review's pending events): neither event nor not
        unknown = {((u.get("actor") or "").casefold(), u.get("region"))
                   for u in passage.get("unlabelled", ())}
        for p in props:
            if (p.actor.name.casefold(), p.actor.region) in unknown:
                continue
            cats = labels_for(p, passage["events"])
            if cats is not None:
                out.append(Example(passage["id"], model_text(p), cats, p.source))
    return out


def split(items: Sequence[Example], held_out: float, seed: int = 0
          ) -> tuple[list[Example], list[Example]]:
    """Hold out whole passages (never half of one) for choosing the best model."""
    ids = sorted({e.passage for e in items})
    random.Random(seed).shuffle(ids)
    dev_ids = set(ids[: int(len(ids) * held_out)])
    return ([e for e in items if e.passage not in dev_ids],
            [e for e in items if e.passage in dev_ids])
