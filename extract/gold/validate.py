"""Check the gold set: run ``.venv/bin/python extract/gold/validate.py``.

Checks that every line parses, ids are unique and match their file, fields and
enum values are valid (the values of ``banwatch.vocabulary``), dates are valid ISO
prefixes no later than the publication date, no passage holds two events with the
same matching key, and the counts meet the minimums described in README.md.  Exits
non-zero on any error.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

from banwatch.vocabulary import ACTIONS, ACTOR_TYPES, LEVELS, STATUSES

HERE = Path(__file__).resolve().parent
PARTS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11",
         "dev12", "train1",
         "test")

PASSAGE_KEYS = {"id", "published", "title", "text", "notes", "events"}
EVENT_KEYS = {
    "actor",
    "actor_type",
    "level",
    "country",
    "region",
    "action",
    "status",
    "scope",
    "technology",
    "date",
    "until",
}

MIN_TOTAL, MIN_PER_PART, MIN_NO_EVENT = 80, 35, 20


def iso_prefix(value: str) -> bool:
    """True for a real date written as YYYY, YYYY-MM or YYYY-MM-DD."""
    if re.fullmatch(r"\d{4}", value):
        return True
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return 1 <= int(value[5:]) <= 12
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return False
        return True
    return False


def check_event(ev: dict, where: str, published: str, errors: list[str]) -> None:
    # train1, written after the story-date convention, also says where each date came from
    if set(ev) - {"date_source"} != EVENT_KEYS:
        errors.append(f"{where}: keys {sorted((set(ev) - {'date_source'}) ^ EVENT_KEYS)} "
                      "missing or extra")
    elif ev.get("date_source") not in (None, "text", "published"):
        errors.append(f"{where}: date_source {ev['date_source']!r}")
        return
    if not isinstance(ev["actor"], str) or not ev["actor"].strip():
        errors.append(f"{where}: empty actor")
    if ev["actor_type"] not in ACTOR_TYPES:
        errors.append(f"{where}: bad actor_type {ev['actor_type']!r}")
    if ev["action"] not in ACTIONS:
        errors.append(f"{where}: bad action {ev['action']!r}")
    if ev["status"] not in STATUSES:
        errors.append(f"{where}: bad status {ev['status']!r}")
    if ev["technology"] != "facial recognition":
        errors.append(f"{where}: technology must be 'facial recognition'")
    if ev["scope"] is not None and (not isinstance(ev["scope"], str) or not ev["scope"].strip()):
        errors.append(f"{where}: empty scope (write null when the text gives none)")

    level, country, region = ev["level"], ev["country"], ev["region"]
    if ev["actor_type"] == "company":
        if level is not None or country is not None or region is not None:
            errors.append(f"{where}: company must have level, country and region null")
    else:
        if level not in LEVELS:
            errors.append(f"{where}: bad level {level!r}")
        if level == "supranational":
            if country is not None or region is not None:
                errors.append(f"{where}: supranational actor must have country and region null")
        else:
            if not (isinstance(country, str) and re.fullmatch(r"[A-Z]{2}", country)):
                errors.append(f"{where}: bad country {country!r}")
            if level == "country" and region is not None:
                errors.append(f"{where}: country-level actor must have region null")
            if level in {"city", "county", "state"} and not (
                isinstance(region, str) and re.fullmatch(r"[A-Z0-9]{1,3}", region)
            ):
                errors.append(f"{where}: bad region {region!r}")
    if ev["actor_type"] == "agency" and level not in {"city", "county", "state", "country"}:
        errors.append(f"{where}: agency needs the level of the government it belongs to")

    date = ev["date"]
    if date is not None:
        if not (isinstance(date, str) and iso_prefix(date)):
            errors.append(f"{where}: bad date {date!r}")
        elif date > published[: len(date)]:
            errors.append(f"{where}: date {date} is after published {published}")
    until = ev["until"]
    if until is not None and until != "indefinite":
        if not (isinstance(until, str) and iso_prefix(until)):
            errors.append(f"{where}: bad until {until!r}")
        elif date is not None and until < date:
            errors.append(f"{where}: until {until} is before date {date}")


def check_part(part: str, errors: list[str], warnings: list[str], seen: set[str]) -> dict:
    path = HERE / f"{part}.jsonl"
    passages = events = empty = 0
    if not path.exists():
        errors.append(f"{path.name}: missing")
        return {"passages": 0, "events": 0, "no_event": 0}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{lineno}"
        if not line.strip():
            errors.append(f"{where}: blank line")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: does not parse ({exc})")
            continue
        if set(rec) != PASSAGE_KEYS:
            errors.append(f"{where}: keys {sorted(set(rec) ^ PASSAGE_KEYS)} missing or extra")
            continue
        pid = rec["id"]
        where = f"{path.name}:{lineno} ({pid})"
        if not re.fullmatch(rf"{part}-\d{{3}}", str(pid)):
            errors.append(f"{where}: id does not match part")
        if pid in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(pid)
        pub = rec["published"]
        if not (
            isinstance(pub, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub) and iso_prefix(pub)
        ):
            errors.append(f"{where}: bad published {pub!r}")
            continue
        for field in ("title", "text", "notes"):
            if not isinstance(rec[field], str) or not rec[field].strip():
                errors.append(f"{where}: empty {field}")
        n_sent = len(re.findall(r"[.!?][\"”]?(?:\s|$)", rec["text"]))
        if not 1 <= n_sent <= 8:
            warnings.append(f"{where}: text has about {n_sent} sentences")
        if not isinstance(rec["events"], list):
            errors.append(f"{where}: events must be a list")
            continue
        keys = set()
        body = (rec["title"] + " " + rec["text"]).casefold()
        for i, ev in enumerate(rec["events"]):
            check_event(ev, f"{where} event {i}", pub, errors)
            if set(ev) - {"date_source"} == EVENT_KEYS:
                key = (ev["actor"].casefold(), ev["region"], ev["action"], ev["status"])
                if key in keys:
                    errors.append(f"{where}: two events share the matching key {key}")
                keys.add(key)
                first_word = ev["actor"].split()[0].casefold()
                if first_word not in body and ev["actor"] not in {"United States"}:
                    warnings.append(f"{where}: actor {ev['actor']!r} not named in the passage")
        passages += 1
        events += len(rec["events"])
        empty += not rec["events"]
    return {"passages": passages, "events": events, "no_event": empty}


def main() -> int:
    errors: list[str] = []
    warnings: list[str] = []
    seen: set[str] = set()
    counts = {part: check_part(part, errors, warnings, seen) for part in PARTS}
    total = sum(c["passages"] for c in counts.values())
    no_event = sum(c["no_event"] for c in counts.values())
    if total < MIN_TOTAL:
        errors.append(f"only {total} passages (need {MIN_TOTAL})")
    for part, c in counts.items():
        if c["passages"] < MIN_PER_PART:
            errors.append(f"{part}: only {c['passages']} passages (need {MIN_PER_PART})")
    if no_event < MIN_NO_EVENT:
        errors.append(f"only {no_event} no-event passages (need {MIN_NO_EVENT})")
    for part, c in counts.items():
        print(
            f"{part}: {c['passages']} passages, {c['events']} events,"
            f" {c['no_event']} without events"
        )
    print(f"total: {total} passages, {no_event} without events")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
