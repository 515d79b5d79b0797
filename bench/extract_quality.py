"""Extraction quality on the gold set, for banwatch and for a plain baseline.

    .venv/bin/python bench/extract_quality.py            # dev part
    .venv/bin/python bench/extract_quality.py --part test
    .venv/bin/python bench/extract_quality.py --show     # list every miss and false alarm

Matching follows tests/data/gold/README.md: an extracted event matches a gold event of
the same passage when actor (case-insensitive), region, action and status are equal,
one-to-one.  Date accuracy is over matched pairs, compared at the gold date's precision.

The baseline is what a plain spaCy user would write: every ORG/GPE entity of
en_core_web_sm in a sentence containing a ban keyword is a ban (or a moratorium, when
that word is used), enacted; its region is the most populous gazetteer place of that
name so that it is not scored at zero for lack of one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GOLD_DIR = ROOT / "tests" / "data" / "gold"
BAN_WORDS = re.compile(
    r"\b(ban|bans|banned|banning|moratorium|prohibit\w*|outlaw\w*|bar|bars|barred)\b", re.I
)


@dataclass
class Scores:
    tp: int
    fp: int
    fn: int
    dates_right: int
    precision: float
    recall: float
    f1: float
    date_accuracy: float
    misses: list[tuple[str, dict]]
    false_alarms: list[tuple[str, dict]]
    wrong_dates: list[tuple[str, dict, dict]]

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "date_accuracy": round(self.date_accuracy, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def load_part(part: str) -> list[dict[str, Any]]:
    path = GOLD_DIR / f"{part}.jsonl"
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _key(ev: dict) -> tuple:
    return (
        (ev.get("actor") or "").casefold(),
        ev.get("region"),
        ev.get("action"),
        ev.get("status"),
    )


def date_matches(gold: str | None, got: str | None) -> bool:
    """Compare at the gold date's precision; a null gold date needs a null answer."""
    if gold is None:
        return got is None
    if got is None:
        return False
    return got[: len(gold)] == gold and len(got) >= len(gold)


def score(passages: list[dict], predictions: list[list[dict]]) -> Scores:
    tp = fp = fn = right = 0
    misses, alarms, wrong = [], [], []
    for passage, predicted in zip(passages, predictions, strict=True):
        gold = list(passage["events"])
        unmatched = list(range(len(gold)))
        for ev in predicted:
            hit = next((i for i in unmatched if _key(gold[i]) == _key(ev)), None)
            if hit is None:
                fp += 1
                alarms.append((passage["id"], ev))
                continue
            unmatched.remove(hit)
            tp += 1
            if date_matches(gold[hit].get("date"), ev.get("date")):
                right += 1
            else:
                wrong.append((passage["id"], gold[hit], ev))
        fn += len(unmatched)
        misses.extend((passage["id"], gold[i]) for i in unmatched)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Scores(tp, fp, fn, right, p, r, f1, right / tp if tp else 0.0, misses, alarms, wrong)


def banwatch_predict(passages: list[dict]) -> list[list[dict]]:
    from extract.extractor import Extractor

    ex = Extractor()
    items = [
        (
            p["text"],
            date.fromisoformat(p["published"]) if p.get("published") else None,
            p.get("title"),
        )
        for p in passages
    ]
    return [[e.to_dict() for e in evs] for evs in ex.extract_many(items)]


def baseline_predict(passages: list[dict]) -> list[list[dict]]:
    import spacy

    from extract.gazetteer import load_gazetteer
    from extract.pipeline import resolve_model

    nlp = spacy.load(resolve_model(None))
    gaz = load_gazetteer()
    out = []
    for p in passages:
        events: dict[tuple, dict] = {}
        for text in (p.get("title") or "", p["text"]):
            for sent in nlp(text).sents:
                kw = BAN_WORDS.search(sent.text)
                if not kw:
                    continue
                action = "moratorium" if kw.group(1).lower() == "moratorium" else "ban"
                for ent in sent.ents:
                    if ent.label_ not in {"ORG", "GPE"}:
                        continue
                    cands = gaz.candidates(ent.text)
                    best = max(cands, key=lambda c: c.population) if cands else None
                    ev = {
                        "actor": ent.text,
                        "region": best.region if best else None,
                        "action": action,
                        "status": "enacted",
                        "date": None,
                    }
                    events.setdefault(_key(ev), ev)
        out.append(list(events.values()))
    return out


def run(part: str, predictors: Iterable[tuple[str, Callable]], show: bool) -> dict[str, dict]:
    passages = load_part(part)
    results = {}
    for name, predict in predictors:
        t0 = time.perf_counter()
        predictions = predict(passages)
        elapsed = time.perf_counter() - t0
        s = score(passages, predictions)
        results[name] = s.as_dict()
        print(
            f"{name:9s} {part}: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
            f"date-acc={s.date_accuracy:.3f} (tp={s.tp} fp={s.fp} fn={s.fn}, {elapsed:.1f}s)"
        )
        if show and name == "banwatch":
            for pid, ev in s.misses:
                print(f"  MISS  {pid}: {_fmt(ev)}")
            for pid, ev in s.false_alarms:
                print(f"  FALSE {pid}: {_fmt(ev)}")
            for pid, g, ev in s.wrong_dates:
                print(
                    f"  DATE  {pid}: {_fmt(g)} gold={g.get('date')} got={ev.get('date')} "
                    f"({ev.get('date_text')!r})"
                )
    return results


def _fmt(ev: dict) -> str:
    return (
        f"{ev.get('actor')} [{ev.get('region')}] {ev.get('action')}/{ev.get('status')} "
        f"date={ev.get('date')}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", default="dev", choices=["dev", "test"])
    ap.add_argument("--show", action="store_true", help="list misses, false alarms, wrong dates")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON at the end")
    args = ap.parse_args(argv)
    predictors: list[tuple[str, Callable]] = [("banwatch", banwatch_predict)]
    if not args.no_baseline:
        predictors.append(("baseline", baseline_predict))
    results = run(args.part, predictors, args.show)
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
