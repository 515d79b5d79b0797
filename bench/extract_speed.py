"""Extractor throughput against a naive ``nlp(text)`` on a mostly off-topic stream.

    .venv/bin/python bench/extract_speed.py [--articles 400] [--ratio 20]

The stream mixes one on-topic article (the sample site's ban stories) with ``ratio - 1``
off-topic ones: real news pages from shared/data/article-extraction-benchmark when that
folder exists (ground-truth bodies, so no HTML parsing is timed), else the sample site's
noise articles.  "naive" runs the full statistical pipeline on every text, one by one;
"banwatch" is ``Extractor.extract_many`` (prefilter, block selection, trimmed pipeline,
``nlp.pipe``) and includes the events it finds.
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

    from extract.prefilter import Prefilter
    from extract.topics import DEFAULT_TOPICS

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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--ratio", type=int, default=20)
    args = ap.parse_args(argv)

    import spacy

    from extract.extractor import Extractor
    from extract.pipeline import resolve_model

    stream = load_stream(args.articles, args.ratio)
    chars = sum(len(t) for t, _, _ in stream)
    naive = spacy.load(resolve_model())
    ex = Extractor()
    ex.extract("warm-up: Boston banned facial recognition.", None)
    naive("warm-up")

    t0 = time.perf_counter()
    for text, _, _ in stream:
        naive(text)
    naive_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    found = sum(len(evs) for evs in ex.extract_many(stream, batch_size=32))
    ours_s = time.perf_counter() - t0

    print(f"{len(stream)} articles ({chars / 1e6:.1f} M chars), 1 in {args.ratio} on topic")
    print(f"naive nlp(text): {naive_s:.2f} s  ({len(stream) / naive_s:.0f} articles/s)")
    print(f"banwatch:        {ours_s:.2f} s  ({len(stream) / ours_s:.0f} articles/s), "
          f"{found} events")
    print(f"speed-up:        {naive_s / ours_s:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
