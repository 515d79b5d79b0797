"""Where the real-news events banwatch misses are told: what a reader joining an actor to
an act inside one sentence could reach, and what only reading across sentences could.

Each missed gold event (its key, as the scorer matches it, among none of the excerpt's
extracted events) falls in one of three kinds:

- ``actor beside an act cue``: a sentence names the gold actor (its name as the gold
  writes it, before any comma, case-folded) and holds an action cue the pipeline marks;
  ``with a topic term`` when that sentence also holds one of the topic's terms;
- ``actor named apart from any act cue``: the actor is named, but in no sentence with an
  action cue (the act is told in another sentence, or with no cue the pipeline knows);
- ``actor never named so``: the text never writes the gold's name (a nation behind a bill,
  a body named only by its role, an alias).

It prints counts only, so held-out parts may be measured without anyone reading their
misses (stop 32, 0.9.14: of the 328 events missed on blind1-3, 5, 6, 9 and 10, 162 had the
actor beside an act cue, 132 of them with a topic term; 92 named it apart from any act cue;
74 never named it so).

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
from real_news_recall import TUNING_PARTS, add_part_option, cached_lines  # noqa: E402

from banwatch.extract.components import CUE_KEY, TOPIC_KEY  # noqa: E402
from banwatch.extract.evaluation import match_key  # noqa: E402

KINDS = ("actor beside an act cue, with a topic term", "actor beside an act cue",
         "actor named apart from any act cue", "actor never named so")


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    add_part_option(ap)
    args = ap.parse_args(argv)
    parts = set(args.part or TUNING_PARTS)
    lines = cached_lines(parts)
    if not lines:
        print("no cached line in these parts (re-pull them: bench/real_news/README.md)")
        return 1

    from banwatch.extract.extractor import Extractor

    extractor = Extractor(topics=rn.load_topics())
    counts: Counter[str] = Counter()
    for ln, got in zip(lines, rn.predict(extractor, lines), strict=True):
        found = {match_key(rn.normalise(e)) for e in got}
        missed = [ev for ev in ln.record["events"]
                  if match_key(rn.normalise(ev)) not in found]
        if not missed:
            continue
        doc = extractor.nlp(ln.article)
        for ev in missed:
            counts[reach_of(doc, ev["actor"])] += 1
    total = sum(counts.values())
    print(f"{', '.join(sorted(parts))}: {total} gold events missed, {len(lines)} excerpts")
    for kind in KINDS:
        share = counts[kind] / total if total else 0.0
        print(f"  {kind:44s} {counts[kind]:4d}  ({share:.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
