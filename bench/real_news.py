"""Score banwatch on the real-news set: real excerpts, gold events, by part and topic.

The gold (``bench/real_news/gold.jsonl``) is committed; the excerpt texts are not: they
live in ``.cache/real_news/<id>.txt`` and are re-pulled with each line's search query
(see ``bench/real_news/README.md``). Lines whose text is missing are counted and skipped.

    .venv/bin/python bench/real_news.py                 # the dev part, every topic
    .venv/bin/python bench/real_news.py --part dev --show
    .venv/bin/python bench/real_news.py --part test --json
    .venv/bin/python bench/real_news.py --missing       # what a re-pull must fetch (all parts)
    .venv/bin/python bench/real_news.py --incoming      # annotators' files, before the split
    .venv/bin/python bench/real_news.py --assemble      # incoming files → gold.jsonl, with parts
    .venv/bin/python bench/real_news.py --export dev > passages.jsonl   # for training
    .venv/bin/python bench/real_news.py --incoming --against second.jsonl  # two readers

Matching is the gold set's (actor case-insensitive, region, action, status; one to one),
over the events of the line's own topic: banwatch watches the three topics at once, as a
user who configured them would, and an event of another topic in a line is not scored.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from banwatch.extract.dates import PartialDate, to_date  # noqa: E402
from banwatch.extract.evaluation import Scores, date_matches, match_key, score  # noqa: E402

DATA_DIR = ROOT / "bench" / "real_news"
GOLD_FILE = DATA_DIR / "gold.jsonl"
INCOMING_DIR = DATA_DIR / "incoming"
TOPICS_FILE = DATA_DIR / "topics.toml"
CACHE_DIR = ROOT / ".cache" / "real_news"
#: a story's own news is reported within days of it
NEWS_WINDOW = timedelta(days=7)
#: share of the collectors' lines held out as the test part (by a hash of the id, so a
#: line's part never changes as more lines arrive)
TEST_SHARE = 45
#: id prefixes of lines whose part is fixed: a blind part, or lines collected to enlarge the
#: development part (all dev: more real text to learn from)
BLIND_PREFIXES = {"rnb-": "blind1", "rnc-": "blind2", "rnd-": "blind3", "rne-": "dev",
                  "rnh-": "dev", "rni-": "blind4",
                  "rnj-": "blind5", "rnk-": "blind6",
                  "rnl-": "devb", "rnm-": "blind7",
                  "rnn-": "blind8", "rnp-": "blind9", "rnq-": "blind10",
                  "rnr-": "blind11", "rns-": "devc", "rnt-": "blind12",
                  "rnu-": "blind13", "rnv-": "blind14",
                  "rnw-": "blind15", "rnx-": "blind16"}


METADATA_DATE = re.compile(r"\A\s*date \d{4}-\d{2}-\d{2}\s+")


def text_digest(text: str) -> str:
    """A fingerprint of an excerpt, committed in its gold line so that a re-pull can be
    checked excerpt by excerpt (the text itself never is). Helpers retype what the search
    tool shows them and cannot see a non-breaking space or count a run of blanks, so the
    text is compared after NFKC and with every run of white space made one space."""
    flat = " ".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha256(flat.encode("utf-8")).hexdigest()[:16]


@dataclass
class Line:
    """One excerpt of the set: its gold record and, when cached, its text."""

    record: dict[str, Any]
    text: str | None

    @property
    def id(self) -> str:
        return self.record["id"]

    @property
    def part(self) -> str:
        return self.record.get("part", "incoming")

    @property
    def topic(self) -> str:
        return self.record["topic"]

    @property
    def article(self) -> str:
        """The excerpt as the crawler would give it: without the search tool's leading
        " date YYYY-MM-DD" label, which is the page's publication date (passed to the
        extractor as ``published``), not a sentence of the story."""
        return METADATA_DATE.sub("", self.text or "", count=1)

    @property
    def published(self) -> PartialDate | None:
        """The publication date at the precision the annotators could know it: a page
        that gives only "May 2019" is published in that month, not on its first day."""
        return PartialDate.parse(self.record.get("published"))


#: one body, several names: (casefolded name, region) → the name both sides are scored
#: under. Only true synonyms (an acronym, a translation, the official and the usual name).
ALIASES = {("washington", "DC"): "washington, d.c.",
           ("district of columbia", "DC"): "washington, d.c.",
           ("d.c.", "DC"): "washington, d.c."}
NAME_ALIASES = {
    "cnil": "cnil",
    "commission nationale de l'informatique et des libertés": "cnil",
    "national commission on informatics and liberty": "cnil",
    "oaic": "office of the australian information commissioner",
    "australian information commissioner": "office of the australian information commissioner",
    "ico": "information commissioner's office",
    "uk information commissioner's office": "information commissioner's office",
    "ftc": "federal trade commission",
    "garante": "italian data protection authority",
    "italian data protection authority": "italian data protection authority",
    "garante per la protezione dei dati personali": "italian data protection authority",
    "opc": "office of the privacy commissioner of canada",
    "eu": "european union",
    "facebook": "meta",
    "nypd": "new york city police department",
    "rcmp": "royal canadian mounted police",
    "new york police department": "new york city police department",
    # (an attorney general and the office of the attorney general are one body; the gold
    # names it both ways)
    "new jersey office of the attorney general": "new jersey attorney general",
    "east japan railway": "jr east",
    # (São Paulo's state court, the TJSP, in the names the gold gives it)
    "são paulo court of justice": "court of justice of são paulo",
    "são paulo state court": "court of justice of são paulo",
    "tribunal de justiça do estado de são paulo": "court of justice of são paulo",
}


def normalise(ev: dict[str, Any]) -> dict[str, Any]:
    """The event as it is scored: outside the US the region is not compared (the
    annotators gave ISO 3166-2 codes; banwatch resolves non-US places to the country), and
    a body's other names count as its name (``ALIASES``), whichever apostrophe it is
    written with."""
    out = dict(ev)
    if out.get("country") not in (None, "US") or (out.get("region") or "").isdigit():
        out["region"] = None
    name = (out.get("actor") or "").casefold().replace("’", "'")  # (one apostrophe)
    out["actor"] = ALIASES.get((name, out.get("region")), NAME_ALIASES.get(name, name))
    return out


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.strip():
            try:
                rows.append(json.loads(raw))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON ({exc.msg})") from None
    return rows


def load_lines(incoming: bool = False, cache_dir: Path = CACHE_DIR) -> list[Line]:
    """The gold lines (or the annotators' incoming files), each with its cached text."""
    if incoming:
        records = [r for p in sorted(INCOMING_DIR.glob("*.jsonl")) for r in read_jsonl(p)]
    else:
        records = read_jsonl(GOLD_FILE) if GOLD_FILE.is_file() else []
    lines = []
    for r in records:
        path = cache_dir / f"{r['id']}.txt"
        lines.append(Line(r, path.read_text(encoding="utf-8") if path.is_file() else None))
    return lines


def part_of(line_id: str) -> str:
    """dev or test for a collector's line, by a stable hash; a blind part by prefix."""
    for prefix, part in BLIND_PREFIXES.items():
        if line_id.startswith(prefix):
            return part
    bucket = int(hashlib.sha1(line_id.encode()).hexdigest(), 16) % 100
    return "test" if bucket < TEST_SHARE else "dev"


#: event fields an annotator may write in an incoming file that quote the excerpt
UNCOMMITTED_EVENT_FIELDS = frozenset({"evidence", "quote"})


def assemble() -> list[dict[str, Any]]:
    """Add the annotators' incoming lines to gold.jsonl, with parts assigned (a line's part
    never changes); a line already in the gold is replaced by its annotator's later
    version; a URL already there under another id is dropped. gold.jsonl is the committed
    record; the incoming files are working files, not committed."""
    rows = {r["id"]: r for r in (read_jsonl(GOLD_FILE) if GOLD_FILE.is_file() else [])}
    urls = {r["url"]: r["id"] for r in rows.values()}
    for path in sorted(INCOMING_DIR.glob("*.jsonl")):
        for r in read_jsonl(path):
            if urls.get(r["url"], r["id"]) != r["id"]:
                continue  # the same page under another id
            part = rows[r["id"]]["part"] if r["id"] in rows else part_of(r["id"])
            # an annotator's later correction of a line already in the gold replaces it;
            # the words an annotator quoted as evidence are the excerpt's, which are never
            # committed
            events = [{k: v for k, v in e.items() if k not in UNCOMMITTED_EVENT_FIELDS}
                      for e in r.get("events", [])]
            rows[r["id"]] = {"id": r["id"], "part": part,
                             **{k: v for k, v in r.items() if k not in {"id", "part"}},
                             "events": events}
            urls[r["url"]] = r["id"]
    rows = list(rows.values())
    for r in rows:
        cached = CACHE_DIR / f"{r['id']}.txt"
        if "text_digest" not in r and cached.is_file():
            r["text_digest"] = text_digest(cached.read_text(encoding="utf-8"))
    rows.sort(key=lambda r: r["id"])
    GOLD_FILE.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                         encoding="utf-8")
    return rows


def export(lines: Sequence[Line]) -> None:
    """Lines as annotated passages (id, text, published, events) on stdout: the extra
    training data of ``python -m banwatch.extract.training --extra``."""
    for ln in lines:
        if ln.text is not None:
            print(json.dumps({"id": ln.id, "text": ln.article, "published": ln.record["published"],
                              "title": None, "events": ln.record["events"]},
                             ensure_ascii=False))


def _repull_row(ln: Line) -> dict[str, Any]:
    """What a re-pull helper needs of a line: which search to run and which result to keep."""
    return {"id": ln.id, "part": ln.part, "query": ln.record["query"],
            "url": ln.record["url"], "rank": ln.record.get("rank")}


def repull_slices(lines: Sequence[Line], n: int) -> list[list[Line]]:
    """The lines in ``n`` slices of about as many searches each, a query's lines never
    split (one search serves them all): one slice per re-pull helper."""
    by_query: dict[str, list[Line]] = defaultdict(list)
    for ln in lines:
        by_query[ln.record["query"]].append(ln)
    slices: list[list[Line]] = [[] for _ in range(n)]
    searches = [0] * n
    for group in sorted(by_query.values(), key=len, reverse=True):
        i = min(range(n), key=lambda k: (searches[k], len(slices[k])))
        slices[i].extend(group)
        searches[i] += 1
    return [s for s in slices if s]


def load_topics() -> tuple:
    """Facial recognition (built in) plus the two other topics, from data only."""
    from banwatch.extract.topics import DEFAULT_TOPICS, topic_from_mapping

    extra = tomllib.loads(TOPICS_FILE.read_text(encoding="utf-8")).get("topics", [])
    return tuple(DEFAULT_TOPICS) + tuple(topic_from_mapping(t) for t in extra)


def predict(extractor: Any, lines: Sequence[Line]) -> list[list[dict[str, Any]]]:
    """Events of each line's own topic, as dicts."""
    items = [(ln.article, ln.published, None) for ln in lines]
    out = []
    for ln, events in zip(lines, extractor.extract_many(items), strict=True):
        out.append([e.to_dict() for e in events if e.topic == ln.topic])
    return out


def second_labels(path: Path) -> dict[str, list[dict[str, Any]]]:
    """A second annotator's events by line id, read in banwatch's place: labelled afresh from
    the conventions and the excerpt alone, they say how far the gold is from what another
    careful reader finds (the ceiling a target should sit under)."""
    return {r["id"]: list(r.get("events") or []) for r in read_jsonl(path)}


def main_event(line: Line) -> dict[str, Any] | None:
    """The story's own news event: the first dated from publication, or dated within a week
    before it."""
    pub = to_date(line.published)  # (a month-only date has no news window)
    for ev in line.record["events"]:
        if ev.get("date_source") == "published":
            return ev
        if pub and ev.get("date") and len(ev["date"]) == 10 and \
                pub - NEWS_WINDOW <= date.fromisoformat(ev["date"]) <= pub:
            return ev
    return None


@dataclass
class Report:
    name: str
    lines: int
    scores: Scores
    main_found: int
    main_total: int
    published_dates_right: int
    published_dates: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return {"lines": self.lines, **self.scores.as_dict(),
                "main_found": self.main_found, "main_total": self.main_total,
                "published_dates_right": self.published_dates_right,
                "published_dates": self.published_dates, "seconds": round(self.seconds, 2)}

    def line(self) -> str:
        s = self.scores
        return (f"{self.name:32s} n={self.lines:3d}  P={s.precision:.3f} R={s.recall:.3f} "
                f"F1={s.f1:.3f} date={s.date_accuracy:.3f}  (tp={s.tp} fp={s.fp} fn={s.fn})  "
                f"main {self.main_found}/{self.main_total}  "
                f"pub-dates {self.published_dates_right}/{self.published_dates}")


def evaluate(name: str, lines: Sequence[Line], predictions: Sequence[list[dict]],
             seconds: float) -> Report:
    passages = [{"id": ln.id, **ln.record, "events": [normalise(e) for e in ln.record["events"]]}
                for ln in lines]
    predictions = [[normalise(e) for e in got] for got in predictions]
    s = score(passages, predictions, story_dates=True)
    main_found = main_total = pub_right = pub_total = 0
    for ln, passage, got in zip(lines, passages, predictions, strict=True):
        ln = Line({**ln.record, "events": passage["events"]}, ln.text)
        ev = main_event(ln)
        got_by_key = {match_key(g): g for g in got}
        if ev is not None:
            main_total += 1
            main_found += match_key(ev) in got_by_key
        for gold in ln.record["events"]:
            if gold.get("date_source") == "published" and match_key(gold) in got_by_key:
                pub_total += 1
                pub_right += date_matches(gold.get("date"), got_by_key[match_key(gold)].get("date"))
    return Report(name, len(lines), s, main_found, main_total, pub_right, pub_total, seconds)


#: common English words; an excerpt with few of them is in another language
ENGLISH_FUNCTION_WORDS = frozenset({
    "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "has", "by",
    "a", "an", "it", "its", "are", "be", "have"})
#: the share of an English excerpt's words that are ``ENGLISH_FUNCTION_WORDS`` at least
#: (English news runs at about 0.2; Italian, Spanish, German, Dutch, French and Portuguese
#: pages, whose "a", "in" and "is" count too, well under 0.1)
ENGLISH_SHARE = 0.1


def in_english(text: str) -> bool:
    """Whether an excerpt is in English, which banwatch reads; an excerpt in another
    language is a miss it cannot help (stop 37: 18 of blind15's 94)."""
    words = re.findall(r"[a-z]+", text.lower())
    return bool(words) and \
        sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words) >= ENGLISH_SHARE


def groups(lines: Iterable[Line]) -> dict[str, list[Line]]:
    """Lines by part and topic ("dev / facial-recognition"), and by part over topics;
    where a group holds excerpts in other languages, its English ones on their own too
    ("blind15 / facial-recognition, English")."""
    out: dict[str, list[Line]] = defaultdict(list)
    for ln in lines:
        names = [f"{ln.part} / {ln.topic}"]
        if ln.topic != "facial-recognition":
            names.append(f"{ln.part} / other topics")
        for name in names:
            out[name].append(ln)
    for name, group in list(out.items()):
        english = [ln for ln in group if in_english(ln.article)]
        if len(english) < len(group):
            out[f"{name}, English"] = english
    return dict(sorted(out.items()))


def _fmt(ev: dict) -> str:
    return (f"{ev.get('actor')} [{ev.get('region')}] {ev.get('action')}/{ev.get('status')} "
            f"date={ev.get('date')}")


def show(report_scores: Scores) -> None:
    for pid, ev in report_scores.misses:
        print(f"  MISS  {pid}: {_fmt(ev)}")
    for pid, ev in report_scores.false_alarms:
        print(f"  FALSE {pid}: {_fmt(ev)}")
    for pid, g, ev in report_scores.wrong_dates:
        print(f"  DATE  {pid}: {_fmt(g)} gold={g.get('date')} got={ev.get('date')} "
              f"({ev.get('date_text')!r})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--part", action="append",
                    help="score this part (repeatable): dev (the default), test, blind1, ...; "
                         "test and blind parts are scored once per round of work")
    ap.add_argument("--topic", action="append", help="score only this topic (repeatable)")
    ap.add_argument("--incoming", action="store_true",
                    help="score the annotators' incoming files instead of gold.jsonl")
    ap.add_argument("--show", action="store_true", help="list misses, false alarms, wrong dates")
    ap.add_argument("--missing", action="store_true",
                    help="list the lines whose text is not cached (id, part, query, url, rank), "
                         "of every part unless --part is given, and exit")
    ap.add_argument("--slices", type=int, metavar="N",
                    help="with --missing: write the missing lines as N slice files of about "
                         "as many searches each (slice1.jsonl, ...), one per re-pull helper")
    ap.add_argument("--slices-dir", type=Path, default=Path("/tmp/repull"),
                    help="where --slices writes (default /tmp/repull)")
    ap.add_argument("--check-cache", action="store_true",
                    help="list the cached excerpts whose text differs from the one their gold "
                         "line's digest was taken from (a copying slip in a re-pull), and exit")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON at the end")
    ap.add_argument("--cache", type=Path, default=CACHE_DIR, help="the excerpt cache")
    ap.add_argument("--assemble", action="store_true",
                    help="write gold.jsonl from the incoming files (parts assigned) and exit")
    ap.add_argument("--export", metavar="PART",
                    help="print a part's cached lines as training passages and exit")
    ap.add_argument("--against", type=Path, metavar="FILE",
                    help="score a second annotator's labels (JSON lines of id and events) "
                         "in banwatch's place, on the lines the file holds: how far two "
                         "careful readers agree")
    args = ap.parse_args(argv)
    if args.assemble:
        rows = assemble()
        counts: dict[str, int] = defaultdict(int)
        for r in rows:
            counts[f"{r['part']} / {r['topic']}"] += 1
        print(json.dumps(counts, indent=2, sort_keys=True))
        return 0

    lines = load_lines(args.incoming, args.cache)
    if not args.incoming and (args.part or not (args.missing or args.check_cache)):
        # (a re-pull fetches every part's missing lines unless told which parts)
        lines = [ln for ln in lines if ln.part in set(args.part or [args.export or "dev"])]
    if args.topic:
        lines = [ln for ln in lines if ln.topic in set(args.topic)]
    if args.export:
        chosen = [ln for ln in lines if ln.part == args.export]
        absent = sum(ln.text is None for ln in chosen)
        if absent:
            print(f"{absent} of {len(chosen)} excerpts are not cached: re-pull them "
                  "(bench/real_news/README.md)", file=sys.stderr)
        export(chosen)
        return 0
    if args.check_cache:
        differing = [ln for ln in lines if ln.text is not None and
                     ln.record.get("text_digest") not in (None, text_digest(ln.text))]
        for ln in differing:
            print(json.dumps(_repull_row(ln)))
        checked = sum(ln.text is not None and "text_digest" in ln.record for ln in lines)
        print(f"{checked} cached excerpts checked, {len(differing)} differ from their digest",
              file=sys.stderr)
        return 1 if differing else 0
    missing = [ln for ln in lines if ln.text is None]
    if args.missing and args.slices:
        args.slices_dir.mkdir(parents=True, exist_ok=True)
        for old in args.slices_dir.glob("slice*.jsonl"):
            old.unlink()  # (a slice left from an earlier run would be pulled twice)
        for n, chunk in enumerate(repull_slices(missing, args.slices), 1):
            path = args.slices_dir / f"slice{n}.jsonl"
            path.write_text("".join(json.dumps(_repull_row(ln)) + "\n" for ln in chunk),
                            encoding="utf-8")
            print(f"{path}: {len(chunk)} excerpts, "
                  f"{len({ln.record['query'] for ln in chunk})} searches")
        return 0
    if args.missing:
        for ln in missing:
            print(json.dumps(_repull_row(ln)))
        return 0
    present = [ln for ln in lines if ln.text is not None]
    print(f"{len(present)} excerpts cached, {len(missing)} missing "
          f"(re-pull them: bench/real_news/README.md)")
    if not present:
        return 1

    if args.against:
        labels = second_labels(args.against)
        present = [ln for ln in present if ln.id in labels]
        by_id = {ln.id: labels[ln.id] for ln in present}
        version, elapsed = f"second annotator ({args.against.name})", 0.0
    else:
        from banwatch.extract.extractor import EXTRACTOR_VERSION, Extractor

        extractor = Extractor(topics=load_topics())
        t0 = time.perf_counter()
        predictions = predict(extractor, present)
        elapsed = time.perf_counter() - t0
        by_id = dict(zip([ln.id for ln in present], predictions, strict=True))
        version = EXTRACTOR_VERSION
    print(f"{'extractor ' if not args.against else ''}{version}, {elapsed:.1f}s")
    results = {}
    for name, group in groups(present).items():
        report = evaluate(name, group, [by_id[ln.id] for ln in group], elapsed)
        results[name] = report.as_dict()
        print(report.line())
        if args.show and not name.endswith(("other topics", ", English")):
            show(report.scores)
    if args.json:
        print(json.dumps({"extractor": version, "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
