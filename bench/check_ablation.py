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


def real_scores(x: Extractor, lines: list) -> dict[str, ev.Scores]:
    """Scores on the real lines as ``bench/real_news.py`` scores them, facial recognition
    apart from the other topics."""
    preds = dict(zip([ln.id for ln in lines], rn.predict(x, lines), strict=True))
    out = {}
    for name, keep in (("fr", True), ("other", False)):
        group = [ln for ln in lines if (ln.topic == "facial-recognition") == keep]
        out[name] = rn.evaluate(name, group, [preds[ln.id] for ln in group], 0.0).scores
    return out


def own_scores(x: Extractor, own: dict[str, list]) -> ev.Scores:
    total = ev.Scores()
    for passages in own.values():
        s = ev.score(passages, ev.predict(x, passages))
        total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
    return total


def line(label: str, real: dict[str, ev.Scores], own: ev.Scores) -> str:
    cells = [f"{k} tp {s.tp:3d} fp {s.fp:3d} F1 {s.f1:.4f}" for k, s in real.items()]
    return f"{label:28s} " + "   ".join(cells) + \
        f"   own-words tp {own.tp} fp {own.fp} F1 {own.f1:.4f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("checks", nargs="*", help="only these checks (default: all)")
    args = ap.parse_args(argv)
    lines = rr.cached_lines()
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
