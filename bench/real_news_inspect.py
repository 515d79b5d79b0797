"""Read the extractor's work on real-news lines, one line or one kind at a time.

    .venv/bin/python bench/real_news_inspect.py line rns-n03 [rns-p06 ...]
    .venv/bin/python bench/real_news_inspect.py falses [--part devc]
    .venv/bin/python bench/real_news_inspect.py mains [--part devb]
    .venv/bin/python bench/real_news_inspect.py confusions

``line`` prints an excerpt, its gold events, the events banwatch gives, the rule
candidates behind them and every clause a named check dropped. ``falses`` lists the false
alarms with their evidence, marked ``LABEL`` when a gold event has the same actor; ``mains``
the lines whose own news event (``real_news.main_event``) is missed, with what came out;
``confusions`` counts, over missed events whose actor came out under another label, each
(gold label, given label) pair.

It reads the tuning parts only (``real_news_recall.TUNING_PARTS``): it shows texts, gold
events and misses one by one, which is what a held-out part must never be read for.
``--part`` names a tuning part; any other part is refused, and so is a ``line`` of one.
(Counts over held-out parts are ``real_news_reach.py``'s.) Each session's working scripts
for this were rewritten from scratch until stop 35.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import real_news as rn  # noqa: E402
from real_news_recall import TUNING_PARTS, cached_lines  # noqa: E402

from banwatch.extract.evaluation import match_key  # noqa: E402
from banwatch.extract.explain import candidate_record  # noqa: E402


class HeldOut(SystemExit):
    """A held-out part (test or blind) was asked for."""


def tuning_only(parts: Sequence[str] | None) -> list[str]:
    """The parts asked for, all of them tuning parts; the tuning parts when none."""
    chosen = list(parts or TUNING_PARTS)
    held = [p for p in chosen if p not in TUNING_PARTS]
    if held:
        raise HeldOut(f"{', '.join(held)}: held out, not for reading line by line "
                      f"(tuning parts: {', '.join(TUNING_PARTS)})")
    return chosen


def _extractor() -> Any:
    from banwatch.extract.extractor import Extractor

    return Extractor(topics=rn.load_topics())


def _keys(events: list[dict[str, Any]]) -> set[tuple]:
    return {match_key(rn.normalise(e)) for e in events}


def show_line(extractor: Any, ln: rn.Line) -> None:
    """The excerpt, its gold, what came out and why."""
    print(f"=== {ln.id} ({ln.part}, {ln.topic}, published {ln.record.get('published')})")
    print(ln.article)
    print("--- gold")
    for e in ln.record["events"]:
        print(f"  {rn._fmt(e)} {e.get('date_source') or ''}")
    explained = extractor.explain(ln.article, ln.published, None)
    print("--- candidates")
    for c in explained.candidates:
        r = candidate_record(c)
        print(f"  {c.actor.name} [{c.actor.region}] {r['action']}/{r['status']} "
              f"cue={r['cue']!r} sentence={r['sentence']} date={r['date_text']!r}"
              f"{' reference' if r['reference'] else ''}"
              f"{' background' if r['background'] else ''} | {r['evidence'][:120]}")
    for v in explained.vetoes:
        d = v.as_dict()
        print(f"  dropped by {d['check']}: cue={d['cue']!r} | {d['clause'][:120]}")
    for echo in explained.echoes:
        print(f"  dropped as an echo: {echo.as_dict()}")
    print("--- banwatch")
    for e in rn.predict(extractor, [ln])[0]:
        print(f"  {rn._fmt(e)} | {(e.get('evidence') or '')[:120]}")


def false_alarms(lines: Sequence[rn.Line], predictions: Sequence[list[dict]]) -> list[str]:
    out = []
    for ln, got in zip(lines, predictions, strict=True):
        gold_keys = _keys(ln.record["events"])
        gold_actors = {rn.normalise(e)["actor"] for e in ln.record["events"]}
        for e in got:
            n = rn.normalise(e)
            if match_key(n) not in gold_keys:
                kind = "LABEL" if n["actor"] in gold_actors else "OTHER"
                out.append(f"{ln.id} {kind} {rn._fmt(e)} | {(e.get('evidence') or '')[:150]}")
    return out


def missed_mains(lines: Sequence[rn.Line], predictions: Sequence[list[dict]]) -> list[str]:
    out = []
    for ln, got in zip(lines, predictions, strict=True):
        scored = rn.Line({**ln.record, "events": [rn.normalise(e) for e in ln.record["events"]]},
                         ln.text)
        main = rn.main_event(scored)
        if main is None or match_key(main) in _keys(got):
            continue
        out.append(f"{ln.id} {ln.part} {ln.topic}: {rn._fmt(main)}")
        out.extend(f"    gave {rn._fmt(e)}" for e in got)
    return out


def confusions(lines: Sequence[rn.Line], predictions: Sequence[list[dict]]
               ) -> dict[tuple[str, str], list[str]]:
    """(gold action/status, given action/status) for each missed event whose actor and
    region came out with another label, with the lines it happened on."""
    pairs: dict[tuple[str, str], list[str]] = {}
    for ln, got in zip(lines, predictions, strict=True):
        given = {match_key(rn.normalise(e)) for e in got}
        for e in ln.record["events"]:
            gk = match_key(rn.normalise(e))
            if gk in given:
                continue
            for k in given:
                if k[:2] == gk[:2] and k not in _keys(ln.record["events"]):
                    pairs.setdefault((f"{gk[2]}/{gk[3]}", f"{k[2]}/{k[3]}"), []).append(
                        f"{ln.id} ({gk[0]})")
    return pairs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("what", choices=["line", "falses", "mains", "confusions"])
    ap.add_argument("ids", nargs="*", help="with line: the lines to show")
    ap.add_argument("--part", action="append", help="a tuning part (repeatable; default: all "
                    + ", ".join(TUNING_PARTS) + ")")
    args = ap.parse_args(argv)
    try:
        parts = tuning_only(args.part)
    except HeldOut as exc:
        print(exc, file=sys.stderr)
        return 2
    lines = cached_lines(parts)
    if args.what == "line":
        chosen = [ln for ln in rn.load_lines() if ln.id in set(args.ids)]
        refused = [ln.id for ln in chosen if ln.part not in TUNING_PARTS]
        if refused or not chosen:
            print(f"{', '.join(refused) or 'no such line'}: only tuning-part lines are shown",
                  file=sys.stderr)
            return 2
        extractor = _extractor()
        for ln in chosen:
            if ln.text is None:
                print(f"{ln.id}: not cached (re-pull it: bench/real_news/REPULL.md)")
            else:
                show_line(extractor, ln)
        return 0
    if not lines:
        print("no cached line in these parts (re-pull them: bench/real_news/REPULL.md)")
        return 1
    predictions = rn.predict(_extractor(), lines)
    if args.what == "falses":
        print("\n".join(false_alarms(lines, predictions)))
    elif args.what == "mains":
        print("\n".join(missed_mains(lines, predictions)))
    else:
        found = confusions(lines, predictions)
        for (gold, given), where in sorted(found.items(), key=lambda kv: -len(kv[1])):
            print(f"{len(where):4d}  {gold:22s} given as {given:22s} {', '.join(where)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
