"""Extraction quality on the gold set, for banwatch and for a plain baseline.

    .venv/bin/python bench/extract_quality.py              # dev part
    .venv/bin/python bench/extract_quality.py --part dev2  # second development part
    .venv/bin/python bench/extract_quality.py --part dev3  # third, written blind
    .venv/bin/python bench/extract_quality.py --part dev+dev2+dev3  # parts joined by "+"
    .venv/bin/python bench/extract_quality.py --part test  # held-out part: score only
    .venv/bin/python bench/extract_quality.py --part sample  # the sample news site
    .venv/bin/python bench/extract_quality.py --show       # list misses and false alarms

Matching follows extract/gold/README.md (see ``extract.evaluation``): an extracted
event matches a gold event of the same passage when actor (case-insensitive), region,
action and status are equal, one-to-one; date accuracy is over matched pairs, compared
at the gold date's precision.

The baseline is what a plain spaCy user would write: every ORG/GPE entity of
en_core_web_sm in a sentence containing a ban keyword is a ban (a moratorium when that
word is used), enacted, without date; its region is the most populous gazetteer place
of that name so that it is not scored at zero for lack of one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from banwatch.extract.evaluation import load_gold, match_key, predict, score  # noqa: E402
from banwatch.sample_site import SAMPLE_SITE_DIR  # noqa: E402

SAMPLE_DIR = ROOT / "examples" / "sample-site"
BAN_WORDS = re.compile(
    r"\b(ban|bans|banned|banning|moratorium|prohibit\w*|outlaw\w*|bar|bars|barred)\b", re.I
)


def load_sample_site() -> list[dict[str, Any]]:
    """The sample site's articles as passages: text as the crawler sees it (trafilatura
    on the rendered page), labels from expected.jsonl.  Its labelling conventions (see
    examples/sample-site/README.md) differ a little from the gold set's."""
    import tomllib

    from banwatch.extract.text import text_from_html

    toml = tomllib.loads((SAMPLE_DIR / "articles.toml").read_text(encoding="utf-8"))
    meta = {a["slug"]: a for a in toml["articles"]}
    out = []
    for line in (SAMPLE_DIR / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        art = meta[row["slug"]]
        html = (SAMPLE_SITE_DIR / "articles" / f"{row['slug']}.html").read_bytes()
        out.append({"id": row["slug"], "published": str(art["published"])[:10],
                    "title": art["title"], "text": text_from_html(html),
                    "events": row["events"]})
    return out


def load_part(part: str) -> list[dict[str, Any]]:
    """Passages of one part, or of several joined by "+" ("dev+dev2"): tuning is judged
    on both development parts together so that a rule fitted to one is seen to fail on
    the other."""
    if part == "sample":
        return load_sample_site()
    return [p for name in part.split("+") for p in load_gold(name)]


def _part(value: str) -> str:
    """``--part``: "sample" or gold parts joined by "+", each one a file in the gold set."""
    from banwatch.extract.evaluation import GOLD_DIR

    if value != "sample":
        for name in value.split("+"):
            if not (GOLD_DIR / f"{name}.jsonl").is_file():
                raise argparse.ArgumentTypeError(f"no gold part {name!r} in {GOLD_DIR}")
    return value


def banwatch_predict(passages: list[dict]) -> list[list[dict]]:
    from banwatch.extract.extractor import Extractor

    return predict(Extractor(), passages)


def baseline_predict(passages: list[dict]) -> list[list[dict]]:
    import spacy

    from banwatch.extract.gazetteer import load_gazetteer
    from banwatch.extract.pipeline import resolve_model

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
                    ev = {"actor": ent.text, "region": best.region if best else None,
                          "action": action, "status": "enacted", "date": None}
                    events.setdefault(match_key(ev), ev)
        out.append(list(events.values()))
    return out


def run(part: str, predictors: Iterable[tuple[str, Callable]], show: bool) -> dict[str, dict]:
    passages = load_part(part)
    results = {}
    for name, predict_fn in predictors:
        t0 = time.perf_counter()
        predictions = predict_fn(passages)
        elapsed = time.perf_counter() - t0
        s = score(passages, predictions)
        results[name] = s.as_dict()
        print(f"{name:9s} {part}: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
              f"date-acc={s.date_accuracy:.3f} (tp={s.tp} fp={s.fp} fn={s.fn}, {elapsed:.1f}s)")
        if show and name == "banwatch":
            for pid, ev in s.misses:
                print(f"  MISS  {pid}: {_fmt(ev)}")
            for pid, ev in s.false_alarms:
                print(f"  FALSE {pid}: {_fmt(ev)}")
            for pid, g, ev in s.wrong_dates:
                print(f"  DATE  {pid}: {_fmt(g)} gold={g.get('date')} got={ev.get('date')} "
                      f"({ev.get('date_text')!r})")
    return results


def _fmt(ev: dict) -> str:
    return (f"{ev.get('actor')} [{ev.get('region')}] {ev.get('action')}/{ev.get('status')} "
            f"date={ev.get('date')}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--part", default="dev", type=_part,
                    help="a gold part (dev, dev2 ... dev8, test), several joined by '+', "
                         "or 'sample'")
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
