"""Quality gate: the extractor on the gold set must stay at or above pinned floors.

The floors live in ``quality_floors.json`` next to this file; ``bench/extract_quality.py``
prints the same figures (and the misses) with the same scoring (``extract.evaluation``).
The test part is only scored here, never used to tune the rules.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from banwatch.extract.evaluation import GOLD_DIR, load_gold, predict, score

FLOORS = json.loads((Path(__file__).with_name("quality_floors.json")).read_text(encoding="utf-8"))


GATED = ["dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11",
         "test"]  # dev12 is kept blind


@pytest.mark.parametrize("part", GATED)
def test_gold_scores_stay_above_floors(extractor, part: str) -> None:
    if not (GOLD_DIR / f"{part}.jsonl").exists():
        pytest.skip(f"gold part {part} is missing")
    passages = load_gold(part)
    scores = score(passages, predict(extractor, passages))
    measured = scores.as_dict()
    low = {k: (measured[k], floor) for k, floor in FLOORS[part].items() if measured[k] < floor}
    assert not low, f"{part}: below floor (measured, floor): {low}; all: {measured}"


def test_scoring_rule() -> None:
    passages = [{"id": "x", "events": [
        {"actor": "Portland", "region": "OR", "action": "ban", "status": "enacted",
         "date": "2020-09"},
        {"actor": "Portland", "region": "ME", "action": "ban", "status": "enacted",
         "date": None}]}]
    predicted = [[
        {"actor": "portland", "region": "OR", "action": "ban", "status": "enacted",
         "date": "2020-09-09"},
        {"actor": "Portland", "region": "ME", "action": "ban", "status": "enacted",
         "date": "2020"},
        {"actor": "Portland", "region": "ME", "action": "ban", "status": "enacted",
         "date": None},
    ]]
    s = score(passages, predicted)
    assert (s.tp, s.fp, s.fn) == (2, 1, 0)  # one-to-one: the third is a false positive
    assert s.dates_right == 1  # "2020" is wrong against a null gold date


@pytest.mark.parametrize(("gold_source", "right"), [(None, 0), ("published", 1)])
def test_a_publication_date_counts_only_where_the_gold_dates_that_way(
        gold_source: str | None, right: int) -> None:
    """The own-words parts predate the story-date convention: a publication date counts as
    no date, unless the gold event was itself dated from publication (dev11-009)."""
    passages = [{"id": "x", "events": [
        {"actor": "ICO", "region": None, "action": "ban", "status": "enacted",
         "date": "2022-05-24", "date_source": gold_source}]}]
    predicted = [[{"actor": "ICO", "region": None, "action": "ban", "status": "enacted",
                   "date": "2022-05-24", "date_source": "published"}]]
    assert score(passages, predicted).dates_right == right
