"""Where the real-news set's missed events are lost: never proposed, or proposed and lost.

Each gold event of the chosen parts (tuning parts by default: reading the held-out parts'
losses one by one would make them tuning parts) falls in one of four kinds:

- ``found``: an event banwatch returns matches it (actor, region, action, status);
- ``proposed, then dropped``: a rule or parse candidate had its very key, and a check,
  the merge or the decider dropped it;
- ``actor proposed, other label``: a candidate named its actor (and region) with another
  action or status;
- ``never proposed``: no candidate names its actor at all.

The first two bound what a better decider over today's candidates could reach; the last
is recall that only new candidates (actors, cues, anaphora) can bring.

    .venv/bin/python bench/real_news_recall.py             # the tuning parts (TUNING_PARTS)
    .venv/bin/python bench/real_news_recall.py --part dev --list
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import real_news as rn  # noqa: E402

from banwatch.extract.evaluation import match_key  # noqa: E402

TUNING_PARTS = ("dev", "devb", "devc", "blind4", "blind7", "blind8")
KINDS = ("found", "proposed, then dropped", "actor proposed, other label", "never proposed")


def proposal_key(p: Any) -> tuple:
    """A candidate's matching key, normalised as the scorer normalises events."""
    return match_key(rn.normalise({"actor": p.actor.name, "region": p.actor.region,
                                   "country": p.actor.country, "action": p.action,
                                   "status": p.status}))


def kind_of(gold: tuple, found: set[tuple], proposed: set[tuple]) -> str:
    """Which of ``KINDS`` a gold event's key falls in."""
    if gold in found:
        return KINDS[0]
    if gold in proposed:
        return KINDS[1]
    if gold[:2] in {k[:2] for k in proposed}:
        return KINDS[2]
    return KINDS[3]


def add_part_option(ap: argparse.ArgumentParser) -> None:
    """``--part``, repeatable, the tuning parts when not given (``cached_lines``)."""
    ap.add_argument("--part", action="append", help="a part to read (repeatable; default: "
                    + ", ".join(TUNING_PARTS) + ")")


def cached_lines(parts: Iterable[str] | None = None) -> list[rn.Line]:
    """The lines of these parts (the tuning parts when None) whose text is cached."""
    chosen = set(parts or TUNING_PARTS)
    return [ln for ln in rn.load_lines() if ln.part in chosen and ln.text is not None]


def lines_to_read(parts: Iterable[str]) -> list[rn.Line]:
    """``cached_lines``, saying how to get them when none is cached (the caller then stops)."""
    lines = cached_lines(parts)
    if not lines:
        print("no cached line in these parts (re-pull them: bench/real_news/README.md)")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    add_part_option(ap)
    ap.add_argument("--list", action="store_true", help="list every event not found")
    args = ap.parse_args(argv)
    parts = set(args.part or TUNING_PARTS)
    lines = lines_to_read(parts)
    if not lines:
        return 1

    from banwatch.extract.extractor import Extractor

    extractor = Extractor(topics=rn.load_topics())
    items = [(ln.article, ln.published, None) for ln in lines]
    counts: Counter[str] = Counter()
    for ln, got, proposals in zip(lines, rn.predict(extractor, lines),
                                  extractor.proposals_many(items), strict=True):
        found = {match_key(rn.normalise(e)) for e in got}
        proposed = {proposal_key(p) for p in proposals}
        for ev in ln.record["events"]:
            key = match_key(rn.normalise(ev))
            kind = kind_of(key, found, proposed)
            counts[kind] += 1
            if args.list and kind != KINDS[0]:
                print(f"  {kind:28s} {ln.id}: {key}")
    total = sum(counts.values())
    print(f"{', '.join(sorted(parts))}: {total} gold events, {len(lines)} excerpts")
    for kind in KINDS:
        print(f"  {kind:28s} {counts[kind]:4d}  ({counts[kind] / total:.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
