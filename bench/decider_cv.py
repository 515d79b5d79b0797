"""Cross-validate the learned decider on the real-news dev part and tune its thresholds.

The decider learns from the own-words training parts plus the real facial-recognition dev
lines; scoring it on lines it learned from would flatter it. So the dev lines are split
into folds by a hash of their id; for each fold a model is trained without that fold and
scores it. The thresholds (``extract/training/thresholds.json``) are chosen on these
out-of-fold predictions, and the out-of-fold figures are the honest dev figures.

The other topics' dev lines are never trained on (they are configured only as data); they
are scored with the first fold's model.

    .venv/bin/python bench/decider_cv.py              # train the folds, grid, print
    .venv/bin/python bench/decider_cv.py --write      # also write the best thresholds
    .venv/bin/python bench/decider_cv.py --reuse      # reuse the fold models already trained
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import real_news as rn  # noqa: E402

from banwatch.extract.decider import Thresholds  # noqa: E402

FOLD_DIR = ROOT / ".cache" / "decider_cv"
GRID = {"keep_rule": [0.0, 0.05, 0.2], "accept_parse": [0.7, 0.85, 0.95, 1.01],
        "relabel": [0.8, 1.01], "keep_label": [0.3]}


def fold_of(line_id: str, folds: int) -> int:
    return int(hashlib.sha1(("fold" + line_id).encode()).hexdigest(), 16) % folds


def export(lines: list[rn.Line], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for ln in lines:
            out.write(json.dumps({"id": ln.id, "text": ln.article,
                                  "published": ln.record["published"],
                                  "title": None, "events": ln.record["events"]}) + "\n")


def train_folds(fr_dev: list[rn.Line], folds: int) -> None:
    from banwatch.extract.training.__main__ import train

    for k in range(folds):
        with tempfile.TemporaryDirectory() as tmp:
            extra = Path(tmp) / "real_dev.jsonl"
            export([ln for ln in fr_dev if fold_of(ln.id, folds) != k], extra)
            record = train(FOLD_DIR / f"fold{k}", [extra])
            print(f"fold {k}: {record['examples']} examples, "
                  f"{record['train_seconds']}s training", flush=True)


_EXTRACTORS: dict[Path, object] = {}


def predictions(model: Path, lines: list[rn.Line], t: Thresholds) -> list[list[dict]]:
    from banwatch.extract.extractor import Extractor

    if model not in _EXTRACTORS:
        _EXTRACTORS[model] = Extractor(topics=rn.load_topics(), decider=model)
    ex = _EXTRACTORS[model]
    ex.decider.thresholds = t
    return rn.predict(ex, lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--folds", type=int, default=2)
    ap.add_argument("--reuse", action="store_true", help="do not retrain the fold models")
    ap.add_argument("--write", action="store_true", help="write the best thresholds")
    args = ap.parse_args(argv)
    dev = [ln for ln in rn.load_lines() if ln.part == "dev" and ln.text is not None]
    fr_dev = [ln for ln in dev if ln.topic == "facial-recognition"]
    other_dev = [ln for ln in dev if ln.topic != "facial-recognition"]
    if not args.reuse:
        train_folds(fr_dev, args.folds)
    results = []
    keys = list(GRID)
    for values in itertools.product(*(GRID[k] for k in keys)):
        t = Thresholds(**dict(zip(keys, values, strict=True)))
        fr_lines, fr_preds = [], []
        for k in range(args.folds):
            held = [ln for ln in fr_dev if fold_of(ln.id, args.folds) == k]
            fr_lines += held
            fr_preds += predictions(FOLD_DIR / f"fold{k}", held, t)
        fr = rn.evaluate("dev / facial-recognition (out of fold)", fr_lines, fr_preds, 0)
        other = rn.evaluate("dev / other topics", other_dev,
                            predictions(FOLD_DIR / "fold0", other_dev, t), 0)
        results.append((fr.scores.f1, other.scores.f1, t, fr, other))
        print(f"{asdict(t)}  FR F1={fr.scores.f1:.3f}  other F1={other.scores.f1:.3f}",
              flush=True)
    results.sort(key=lambda r: (r[0] + 0.5 * r[1]), reverse=True)
    best = results[0]
    print("best:", asdict(best[2]))
    print(best[3].line())
    print(best[4].line())
    if args.write:
        path = ROOT / "extract" / "training" / "thresholds.json"
        path.write_text(json.dumps(asdict(best[2])) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
