"""The demo's table against the sample site's labels: what a user of ``banwatch demo`` sees.

``examples/sample-site/expected.jsonl`` labels every event of every sample article. After
a crawl like the demo's, the stored canonical events are scored against those labels with
the gold set's rule (``extract/gold/README.md``, "Scoring rule"): actor (case-insensitive),
region, action and status equal, one-to-one, dates judged at the label's precision. The
floors are pinned in ``sample_site_floors.json`` next to this file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from banwatch.cli import demo_sources
from banwatch.config import Settings
from banwatch.extract.evaluation import Scores, match_key, score
from banwatch.jobs import run_crawl_job
from banwatch.store.db import create_db_engine, session_scope
from banwatch.store.events import EventFilters, dates_agree, list_events

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
EXPECTED = HERE.parent / "examples" / "sample-site" / "expected.jsonl"
FLOORS = {
    name: floor
    for name, floor in json.loads((HERE / "sample_site_floors.json").read_text("utf-8")).items()
    if not name.startswith("_")
}


def labelled_decisions(expected: Path = EXPECTED) -> list[dict[str, Any]]:
    """Each labelled decision once, however many articles report it.

    Labels with the same matching key are one decision when their dates agree at
    their common precision (San Francisco's ban as 2019-05-14, 2019-05 and 2019);
    they stay two when the dates differ (Portland, Maine's council ban of 2020-08
    and its referendum of 2020-11-03). The most precise date is kept.
    """
    labels = [
        event
        for line in expected.read_text(encoding="utf-8").splitlines()
        for event in json.loads(line)["events"]
    ]
    decisions: list[dict[str, Any]] = []
    for label in sorted(labels, key=lambda event: -len(event["date"] or "")):
        if not any(
            match_key(known) == match_key(label) and dates_agree(known["date"], label["date"])
            for known in decisions
        ):
            decisions.append(label)
    return decisions


def _report(scores: Scores) -> str:
    figures = scores.as_dict()
    lines = [
        f"sample site: P={figures['precision']:.3f} R={figures['recall']:.3f} "
        f"date accuracy={figures['date_accuracy']:.3f} "
        f"(tp={scores.tp} fp={scores.fp} fn={scores.fn}); floors {FLOORS}"
    ]
    lines += [f"  MISS {match_key(event)} {event['date']}" for _, event in scores.misses]
    lines += [f"  FALSE {match_key(event)} {event['date']}" for _, event in scores.false_alarms]
    lines += [
        f"  DATE {match_key(label)} label={label['date']} stored={got['date']}"
        for _, label, got in scores.wrong_dates
    ]
    return "\n".join(lines)


def test_labels_fold_into_one_decision_per_date() -> None:
    decisions = labelled_decisions()
    keys = [(match_key(event), event["date"]) for event in decisions]
    assert (("san francisco", "CA", "ban", "enacted"), "2019-05-14") in keys
    portland_maine = [d for k, d in keys if k == ("portland", "ME", "ban", "enacted")]
    assert sorted(portland_maine) == ["2020-08", "2020-11-03"]
    assert len(decisions) == len(set(keys))


def test_the_demo_crawl_stores_the_labelled_decisions(
    sample_site: str, sqlite_url: str, extractor
) -> None:
    result = run_crawl_job(
        Settings(db_url=sqlite_url), demo_sources(sample_site), extractor=extractor
    )
    assert result.status == "succeeded", result.error
    engine = create_db_engine(sqlite_url)
    with session_scope(engine) as session:
        stored = [
            {"actor": e.actor, "region": e.region, "action": e.action, "status": e.status,
             "date": e.date}
            for e in list_events(session, EventFilters())
        ]  # fmt: skip
    engine.dispose()
    scores = score([{"id": "sample-site", "events": labelled_decisions()}], [stored])
    measured = scores.as_dict()
    low = {name: measured[name] for name, floor in FLOORS.items() if measured[name] < floor}
    assert not low, _report(scores)
    print(_report(scores))
