"""Extractor throughput against a naive ``nlp(text)`` on a mostly off-topic stream.

    .venv/bin/python bench/extract_speed.py [--articles 2000] [--ratio 20] [--dense 200]

The stream mixes one on-topic article (the sample site's ban stories) with ``ratio - 1``
off-topic ones: real news pages from shared/data/article-extraction-benchmark when that
folder exists (ground-truth bodies, so no HTML parsing is timed), else the sample site's
noise articles.  "naive" is ``Extractor(whole_articles=True)``: the full statistical
model (tagger, parser, lemmatizer...) over every whole article, one ``nlp(text)`` at a
time, then the same rules; "banwatch" is ``Extractor.extract_many`` (prefilter, block
selection, ``nlp.pipe`` over a pipeline whose statistical NER reads only the sentences
that have an event cue and a name the gazetteer does not know).  Both find their
events, and the script counts the articles where the two disagree, which should be
none.  A second, topic-dense stream (every article on topic) shows what block and
sentence selection and batching alone gain.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared" / "data" / "article-extraction-benchmark" / "ground-truth.json"


def load_stream(n: int, ratio: int) -> list[tuple[str, date | None, str | None]]:
    sys.path.insert(0, str(ROOT / "bench"))
    from extract_quality import load_sample_site

    from banwatch.extract.prefilter import Prefilter
    from banwatch.extract.topics import DEFAULT_TOPICS

    pf = Prefilter(DEFAULT_TOPICS)
    sample = load_sample_site()
    on = [p for p in sample if p["events"]]
    off = [p["text"] for p in sample if not p["events"] and not pf.mentions_any(p["text"])]
    if SHARED.exists():
        truth = json.loads(SHARED.read_text(encoding="utf-8"))
        off = [v["articleBody"] for v in truth.values()
               if v.get("articleBody") and not pf.mentions_any(v["articleBody"])] or off
    stream: list[tuple[str, date | None, str | None]] = []
    i = j = 0
    while len(stream) < n:
        if len(stream) % ratio == 0:
            p = on[i % len(on)]
            stream.append((p["text"], date.fromisoformat(p["published"]), p["title"]))
            i += 1
        else:
            stream.append((off[j % len(off)], None, None))
            j += 1
    return stream


def _keys(events: list) -> list[tuple]:
    return sorted((e.actor, e.region, e.action, e.status, e.date) for e in events)


def race(label: str, stream: list[tuple[str, date | None, str | None]], naive, ours) -> float:
    """Time both extractors over ``stream``; check they find the same events."""
    chars = sum(len(t) for t, _, _ in stream)
    t0 = time.perf_counter()
    naive_events = list(naive.extract_many(stream))
    naive_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    our_events = list(ours.extract_many(stream, batch_size=32))
    ours_s = time.perf_counter() - t0
    differ = sum(_keys(a) != _keys(b) for a, b in zip(naive_events, our_events, strict=True))
    on_topic = sum(1 for t, _, title in stream
                   if ours.prefilter.mentions_any(t + " " + (title or "")))
    print(f"\n{label}: {len(stream)} articles ({chars / 1e6:.1f} M chars), {on_topic} on topic")
    print(f"  naive (full model, whole article): {naive_s:7.2f} s  "
          f"{len(stream) / naive_s:7.1f} articles/s  {sum(map(len, naive_events))} events")
    print(f"  banwatch:                          {ours_s:7.2f} s  "
          f"{len(stream) / ours_s:7.1f} articles/s  {sum(map(len, our_events))} events")
    print(f"  speed-up: {naive_s / ours_s:.1f}x   articles whose events differ: {differ}")
    return naive_s / ours_s


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000, help="mixed stream length")
    ap.add_argument("--ratio", type=int, default=20, help="1 article in RATIO is on topic")
    ap.add_argument("--dense", type=int, default=200, help="topic-dense stream length (0: skip)")
    ap.add_argument("--decider", type=Path, default=None,
                    help="a learned decider's model directory, for both sides (default: the "
                         "shipped one if any, else the rules alone)")
    args = ap.parse_args(argv)

    from banwatch.extract.decider import MODEL_DIR
    from banwatch.extract.extractor import Extractor

    decider = args.decider or MODEL_DIR
    naive = Extractor(whole_articles=True, decider=decider)
    ours = Extractor(decider=decider)
    print(f"extractor {ours.version}")
    for ex in (naive, ours):
        list(ex.extract_many([("warm-up: Boston banned facial recognition.", None, None)]))

    mixed = race(f"mixed stream, 1 in {args.ratio} on topic",
                 load_stream(args.articles, args.ratio), naive, ours)
    print(f"  target >= 30x: {'met' if mixed >= 30 else 'NOT met'}")
    if args.dense:
        dense = race("topic-dense stream, every article on topic",
                     load_stream(args.dense, 1), naive, ours)
        print(f"  target >= 3x: {'met' if dense >= 3 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
