"""Does each named check still earn its place? Each one switched off in turn.

The rules drop clauses through ordered tables of named checks (``extract.rules.vetoes``)
and merging drops echoes through ``extract.merge.GROUP_DROPS``. Each was added for a case
someone saw; this script switches each off alone and scores the extractor on the real
news tuning parts (by topic) and on every own-words gold part, so that a check which
costs more than it saves on real text shows itself. Held-out parts are never read here.

    .venv/bin/python bench/check_ablation.py                       # every check
    .venv/bin/python bench/check_ablation.py demand_only negated   # only these

Each line: the check, then true positives, false alarms and F1 with it off, beside the
figures with every check on (the first line). About 40 s per check on 2 cores.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import real_news as rn  # noqa: E402
import real_news_recall as rr  # noqa: E402

from banwatch.extract import evaluation as ev  # noqa: E402
from banwatch.extract import merge  # noqa: E402
from banwatch.extract.extractor import Extractor  # noqa: E402
from banwatch.extract.rules import sentence  # noqa: E402

TABLES = ("ACT_VETOES", "MEASURE_VETOES", "STATUS_VETOES", "ACTOR_VETOES")
OWN_PARTS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10",
             "dev11", "dev12", "test")


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def real_scores(x: Extractor, lines: list) -> dict[str, tuple[int, int, int]]:
    """(tp, fp, fn) on the real lines, facial recognition apart from the other topics."""
    preds = rn.predict(x, lines)
    out = {}
    for name, keep in (("fr", True), ("other", False)):
        idx = [i for i, ln in enumerate(lines) if (ln.topic == "facial-recognition") == keep]
        passages = [{"id": lines[i].id, **lines[i].record,
                     "events": [rn.normalise(e) for e in lines[i].record["events"]]}
                    for i in idx]
        s = ev.score(passages, [[rn.normalise(e) for e in preds[i]] for i in idx],
                     story_dates=True)
        out[name] = (s.tp, s.fp, s.fn)
    return out


def own_scores(x: Extractor, own: dict[str, list]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for passages in own.values():
        s = ev.score(passages, ev.predict(x, passages))
        tp, fp, fn = tp + s.tp, fp + s.fp, fn + s.fn
    return tp, fp, fn


def line(label: str, real: dict, own: tuple) -> str:
    cells = [f"{k} tp {v[0]:3d} fp {v[1]:3d} F1 {_f1(*v):.4f}" for k, v in real.items()]
    return f"{label:28s} " + "   ".join(cells) + \
        f"   own-words tp {own[0]} fp {own[1]} F1 {_f1(*own):.4f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("checks", nargs="*", help="only these checks (default: all)")
    args = ap.parse_args(argv)
    lines = [ln for ln in rn.load_lines() if ln.part in rr.TUNING_PARTS and ln.text is not None]
    if not lines:
        print("no cached tuning line (re-pull them: bench/real_news/README.md)")
        return 1
    own = {p: ev.load_gold(p) for p in OWN_PARTS}
    topics = rn.load_topics()

    def run(label: str) -> None:
        x = Extractor(topics=topics)
        print(line(label, real_scores(x, lines), own_scores(x, own)), flush=True)

    run("(every check on)")
    tables = {t: getattr(sentence, t) for t in TABLES}
    for table, checks in tables.items():
        for check in checks:
            if args.checks and check.name not in args.checks:
                continue
            setattr(sentence, table, tuple(c for c in checks if c.name != check.name))
            try:
                run(check.name)
            finally:
                setattr(sentence, table, checks)
    drops = merge.GROUP_DROPS
    for name, _ in drops:
        if args.checks and name not in args.checks:
            continue
        merge.GROUP_DROPS = tuple(d for d in drops if d[0] != name)
        try:
            run(f"merge:{name}")
        finally:
            merge.GROUP_DROPS = drops
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
