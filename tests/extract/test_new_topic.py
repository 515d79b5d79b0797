"""A technology banwatch has never heard of, added as configuration alone.

Predictive policing appears nowhere in the extractor's code or data: the topic below is
what a user would write in ``banwatch.toml``. The passages are our own words about real
public events (Santa Cruz's ban of June 2020, Pittsburgh's suspension the same month, New
Orleans' ordinance of December 2020, the EU AI Act, whose bans include predicting crimes
from profiles, approved by Parliament in March 2024 and in force from February 2025).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from banwatch.extract.extractor import Extractor
from banwatch.extract.topics import topic_from_mapping

EXTRACT_DIR = Path(__file__).resolve().parents[2] / "extract"
TOPIC = topic_from_mapping({
    "name": "predictive-policing",
    "technology": "predictive policing",
    "terms": ["predictive policing", "crime forecasting", "crime-prediction software", "PredPol"],
    "cues": [["pulled the plug on", "exit"]],
    "measures": [["AI Act", "ban", "European Union"]],
})

CASES = [
    ("santa-cruz", date(2020, 6, 25),
     "Santa Cruz became the first city in the country to outlaw predictive policing on "
     "Tuesday, when the city council voted unanimously for the ordinance.",
     {("santa cruz", "CA", "ban", "enacted", "2020-06-23")}),
    ("pittsburgh", date(2020, 6, 26),
     "Pittsburgh's mayor said on Wednesday that the city had suspended its crime forecasting "
     "program while a review is carried out.",
     {("pittsburgh", "PA", "moratorium", "enacted", "2020-06-24")}),
    ("new-orleans", date(2020, 12, 19),
     "NEW ORLEANS — The City Council voted on Thursday to ban predictive policing and several "
     "other surveillance tools used by the city's police.",
     {("new orleans", "LA", "ban", "enacted", "2020-12-17")}),
    ("technology-is-no-actor", date(2020, 6, 30),
     "The PredPol ban passed by Santa Cruz last week was the first of its kind.",
     {("santa cruz", "CA", "ban", "enacted", "2020-06")}),
    ("study-is-no-event", date(2021, 3, 2),
     "A new study argues that crime-prediction software repeats old patterns of arrests in "
     "poorer neighbourhoods.",
     set()),
    ("named-measure-at-a-stage", date(2024, 3, 15),
     "On Wednesday the European Parliament approved the AI Act by a wide margin.",
     {("european union", None, "ban", "proposed", "2024-03-13")}),
    ("named-measure-of-its-owner", date(2025, 2, 3),
     "The first prohibitions of the AI Act have entered into force.",
     {("european union", None, "ban", "enacted", "2025-02-03")}),
    ("named-measure-only-mentioned", date(2025, 3, 1),
     "Vendors of crime forecasting tools are reading the AI Act closely.",
     set()),
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(topics=[TOPIC])


def test_the_topic_is_nowhere_in_the_code() -> None:
    words = ("predictive", "predpol", "crime forecasting", "crime-prediction")
    for path in EXTRACT_DIR.rglob("*"):
        if path.suffix in {".py", ".jsonl", ".toml", ".cfg", ".json"} and "gold" not in path.parts:
            text = path.read_text(encoding="utf-8", errors="replace").lower()
            assert not any(w in text for w in words), f"{path} names the new topic"


@pytest.mark.parametrize(("name", "published", "text", "expected"), CASES,
                         ids=[c[0] for c in CASES])
def test_events_of_a_topic_added_as_data(extractor: Extractor, name: str, published: date,
                                         text: str, expected: set[tuple]) -> None:
    events = extractor.extract(text, published)
    got = {(e.actor.casefold(), e.region, e.action, e.status, e.date) for e in events}
    assert got == expected
    assert all(e.technology == "predictive policing" and e.topic == TOPIC.name for e in events)

