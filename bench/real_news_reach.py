"""Where the real-news events banwatch misses are told (what a reader joining an actor to
an act inside one sentence could reach, and what only reading across sentences could),
and what its false alarms are.

Each missed gold event (its key, as the scorer matches it, among none of the excerpt's
extracted events) falls in one of three kinds:

- ``actor beside an act cue``: a sentence names the gold actor (its name as the gold
  writes it, before any comma, case-folded) and holds an action cue the pipeline marks;
  ``with a topic term`` when that sentence also holds one of the topic's terms;
- ``actor named apart from any act cue``: the actor is named, but in no sentence with an
  action cue (the act is told in another sentence, or with no cue the pipeline knows);
- ``actor never named so``: the text never writes the gold's name (a nation behind a bill,
  a body named only by its role, an alias).

Each false alarm (an extracted event no gold event of its excerpt matches) falls in one of
four kinds, against the excerpt's missed gold events:

- ``actor right, label wrong``: a missed event has its actor and region (the act is found,
  its action or status is not);
- ``actor right, region wrong``: a missed event has its actor under another region;
- ``act right, another actor``: a missed event has its action and status but another
  actor (the act given to the wrong mention, or the actor named otherwise than the gold);
- ``no such event``: none of these (a mention that is no actor, an act that is no event,
  an echo of another).

It prints counts only, so held-out parts may be measured without anyone reading their
misses (stop 32, 0.9.14: of the 328 events missed on blind1-3, 5, 6, 9 and 10, 162 had the
actor beside an act cue, 132 of them with a topic term; 92 named it apart from any act cue;
74 never named it so; stop 33, of the 245 false alarms there and on blind11, 77 had the
actor right and the label wrong, 5 the region wrong, 43 the act right and another actor,
and 120 were no such event).

    .venv/bin/python bench/real_news_reach.py --part blind9 --part blind10
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import real_news as rn  # noqa: E402
from real_news_recall import TUNING_PARTS, add_part_option, lines_to_read  # noqa: E402

from banwatch.extract.components import CUE_KEY, TOPIC_KEY  # noqa: E402
from banwatch.extract.evaluation import match_key  # noqa: E402

KINDS = ("actor beside an act cue, with a topic term", "actor beside an act cue",
         "actor named apart from any act cue", "actor never named so")
ALARM_KINDS = ("actor right, label wrong", "actor right, region wrong",
               "act right, another actor", "no such event")


def reach_of(doc, actor: str) -> str:
    """Which of ``KINDS`` a missed event whose actor the gold calls ``actor`` is."""
    name = actor.split(",")[0].casefold()
    acts = [k for k in doc.spans.get(CUE_KEY, []) if k.label_.startswith("action:")]
    topics = list(doc.spans.get(TOPIC_KEY, []))
    named = False
    beside = None
    for sent in doc.sents:
        if name not in sent.text.casefold():
            continue
        named = True
        if any(sent.start <= k.start < sent.end for k in acts):
            with_topic = any(sent.start <= t.start < sent.end for t in topics)
            beside = KINDS[0] if with_topic else beside or KINDS[1]
    if beside is not None:
        return beside
    return KINDS[2] if named else KINDS[3]


def alarm_of(key: tuple, missed: list[tuple]) -> str:
    """Which of ``ALARM_KINDS`` a false alarm of key ``key`` is, given the match keys of
    its excerpt's missed gold events."""
    actor, region, action, status = key
    if any(m[:2] == (actor, region) for m in missed):
        return ALARM_KINDS[0]
    if any(m[0] == actor for m in missed):
        return ALARM_KINDS[1]
    if any(m[2:] == (action, status) for m in missed):
        return ALARM_KINDS[2]
    return ALARM_KINDS[3]


def print_counts(title: str, kinds: tuple[str, ...], counts: Counter[str]) -> None:
    total = sum(counts.values())
    print(title.format(total=total))
    for kind in kinds:
        share = counts[kind] / total if total else 0.0
        print(f"  {kind:44s} {counts[kind]:4d}  ({share:.0%})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    add_part_option(ap)
    args = ap.parse_args(argv)
    parts = set(args.part or TUNING_PARTS)
    lines = lines_to_read(parts)
    if not lines:
        return 1

    from banwatch.extract.extractor import Extractor

    extractor = Extractor(topics=rn.load_topics())
    counts: Counter[str] = Counter()
    alarms: Counter[str] = Counter()
    for ln, got in zip(lines, rn.predict(extractor, lines), strict=True):
        found = {match_key(rn.normalise(e)) for e in got}
        gold = {match_key(rn.normalise(ev)) for ev in ln.record["events"]}
        missed = [ev for ev in ln.record["events"]
                  if match_key(rn.normalise(ev)) not in found]
        missed_keys = [match_key(rn.normalise(ev)) for ev in missed]
        alarms.update(alarm_of(key, missed_keys) for key in found - gold)
        if not missed:
            continue
        doc = extractor.nlp(ln.article)
        for ev in missed:
            counts[reach_of(doc, ev["actor"])] += 1
    names = ", ".join(sorted(parts))
    print_counts(f"{names}: {{total}} gold events missed, {len(lines)} excerpts", KINDS, counts)
    print_counts(f"{names}: {{total}} false alarms", ALARM_KINDS, alarms)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
