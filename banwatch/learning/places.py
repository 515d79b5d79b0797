"""The reviewers' corrections of who acted, learned from their edits, merges and splits.

The decider judges whether a candidate is an event; it cannot rename its actor or move it
to another state. When reviewers keep correcting one reading ("Springfield" read in
Missouri, which this team's news always means in Massachusetts), the correction is
learned here: each reading the extractor made of a judged event is paired with the event
as the reviewers left it, and a reading corrected more often than it was confirmed is
rewritten the way the reviewers wrote it. A correction of the state never overrides an
article that names the state read (then the text said so, and the reader was right).
The table is kept beside the team's model (``corrections.json``).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from banwatch.extract.events import Event
from banwatch.extract.gazetteer import load_gazetteer

CORRECTIONS_FILE = "corrections.json"
Reading = tuple[str, str | None, str | None]  # actor, country, region


def _key(actor: str, region: str | None) -> tuple[str, str | None]:
    return (actor.casefold(), region)


@dataclass
class ReadingCorrections:
    """Readings to rewrite: (actor casefolded, region read) → (actor, country, region)."""

    table: dict[tuple[str, str | None], Reading]

    @classmethod
    def learn(cls, pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]
              ) -> ReadingCorrections:
        """From (as read, as corrected) pairs (``banwatch.learning.reviews.corrections``)."""
        votes: dict[tuple[str, str | None], Counter[Reading]] = {}
        read_as: dict[tuple[str, str | None], Reading] = {}
        for read, true in pairs:
            key = _key(read["actor"], read["region"])
            read_as[key] = (read["actor"], read["country"], read["region"])
            votes.setdefault(key, Counter())[(true["actor"], true["country"],
                                              true["region"])] += 1
        table = {}
        for key, counter in votes.items():
            (best, count), confirmed = counter.most_common(1)[0], counter[read_as[key]]
            if best != read_as[key] and count > confirmed:
                table[key] = best
        return cls(table)

    @property
    def version(self) -> str:
        """A hash of the table ("" when empty: an extractor with none is the same)."""
        if not self.table:
            return ""
        return hashlib.sha256(json.dumps(self.as_json(), sort_keys=True).encode()).hexdigest()[:8]

    def as_json(self) -> list[dict[str, Any]]:
        return [{"read": {"actor": k[0], "region": k[1]},
                 "write": {"actor": v[0], "country": v[1], "region": v[2]}}
                for k, v in sorted(self.table.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))]

    def save(self, folder: Path) -> None:
        (folder / CORRECTIONS_FILE).write_text(json.dumps(self.as_json(), indent=2),
                                               encoding="utf-8")

    @classmethod
    def load(cls, folder: Path | None) -> ReadingCorrections | None:
        """The table kept in a model's folder; None when it has none."""
        path = folder / CORRECTIONS_FILE if folder is not None else None
        if path is None or not path.is_file():
            return None
        rows = json.loads(path.read_text(encoding="utf-8"))
        return cls({(r["read"]["actor"], r["read"]["region"]):
                    (r["write"]["actor"], r["write"]["country"], r["write"]["region"])
                    for r in rows})

    @staticmethod
    def _states_named(text: str, title: str) -> set[str]:
        gazetteer = load_gazetteer()
        return {code for part in (text, title) for _, code in gazetteer.find_states(part)}

    def apply(self, events: list[Event], text: str, title: str) -> list[Event]:
        """The article's events with the learned corrections made."""
        out = []
        named: set[str] | None = None
        for event in events:
            fix = self.table.get(_key(event.actor, event.region))
            if fix is not None and fix[2] != event.region and event.region:
                named = self._states_named(text, title) if named is None else named
                if event.region in named:
                    fix = None  # the article names the state it was read in
            if fix is not None:
                event = replace(event, actor=fix[0], country=fix[1], region=fix[2])
            out.append(event)
        return out
