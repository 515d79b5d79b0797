"""Training reads its extra passages with the topics it is given.

A team that watches a topic of its own reviews events of that topic; if training read the
reviewed passages with the built-in topics only, those passages would yield no candidate
and teach the decider nothing. The passage is our own words about a real event (Santa
Cruz's council outlawed predictive policing in June 2020).
"""

from __future__ import annotations

import json
from pathlib import Path

from banwatch.extract.topics import DEFAULT_TOPICS, topic_from_mapping
from banwatch.extract.training.__main__ import build_examples

TOPIC = topic_from_mapping({
    "name": "predictive-policing",
    "technology": "predictive policing",
    "terms": ["predictive policing", "crime forecasting"],
})
PASSAGE = {
    "id": "santa-cruz", "published": "2020-06-25", "title": None,
    "text": "Santa Cruz became the first city in the country to outlaw predictive policing on "
            "Tuesday, when the city council voted unanimously for the ordinance.",
    "events": [{"actor": "Santa Cruz", "region": "CA", "action": "ban", "status": "enacted",
                "date": "2020-06-23"}],
}


def test_extra_passages_are_read_with_the_given_topics(tmp_path: Path) -> None:
    extra = tmp_path / "reviews.jsonl"
    extra.write_text(json.dumps(PASSAGE) + "\n", encoding="utf-8")

    unknown_topic, _ = build_examples([extra], 1, parts=())
    known_topic, record = build_examples([extra], 1, parts=(), topics=(*DEFAULT_TOPICS, TOPIC))

    assert unknown_topic == []
    assert record["extra"]["reviews.jsonl"]["examples"] == len(known_topic) > 0
    positives = [e for e in known_topic if e.cats["EVENT"] == 1.0]
    assert positives and all(e.cats["ACTION_ban"] == 1.0 for e in positives)
    assert all("predictive policing" not in e.text for e in known_topic)  # read as TECH
