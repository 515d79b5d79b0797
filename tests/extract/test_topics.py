from __future__ import annotations

import pytest

from banwatch.extract.topics import DEFAULT_TOPICS, FACIAL_RECOGNITION, Topic, topic_from_mapping


def test_default_topic_is_facial_recognition() -> None:
    assert DEFAULT_TOPICS == (FACIAL_RECOGNITION,)
    assert FACIAL_RECOGNITION.technology == "facial recognition"
    for term in (
        "facial recognition",
        "face recognition",
        "face surveillance",
        "biometric surveillance",
        "Rekognition",
    ):
        assert term in FACIAL_RECOGNITION.terms


def test_topic_from_mapping_reads_a_toml_table() -> None:
    topic = topic_from_mapping(
        {
            "name": "tiktok",
            "technology": "TikTok",
            "terms": ["TikTok", "ByteDance app"],
            "keywords": ["TikTok ban"],
        }
    )
    assert topic == Topic("tiktok", "TikTok", ("TikTok", "ByteDance app"), ("TikTok ban",))


def test_topic_from_mapping_defaults() -> None:
    topic = topic_from_mapping({"name": "gait-recognition"})
    assert topic.technology == "gait recognition"
    assert topic.terms == ("gait recognition",)
    assert topic.keywords == ()


@pytest.mark.parametrize(
    "bad", [{}, {"name": ""}, {"name": "x", "terms": 3}, {"name": "x", "terms": [1]}, "not a table"]
)
def test_topic_from_mapping_rejects_malformed_tables(bad) -> None:
    with pytest.raises(ValueError):
        topic_from_mapping(bad)


def test_named_measures_are_read_with_or_without_owner_and_count_as_terms() -> None:
    topic = topic_from_mapping({"name": "drones", "measures": [
        ["Drone Safety Act", "restriction"], ["Skies Law", "ban", "Ruritania"]]})
    assert topic.measures == (("Drone Safety Act", "restriction", ""),
                              ("Skies Law", "ban", "Ruritania"))
    assert topic.matched_terms == ("drones", "Drone Safety Act", "Skies Law")


@pytest.mark.parametrize("measures", [[["Skies Law"]], [["Skies Law", "outlaw"]], "Skies Law",
                                      [["Skies Law", "ban", "Ruritania", "x"]]])
def test_malformed_measures_are_refused(measures) -> None:
    with pytest.raises(ValueError):
        topic_from_mapping({"name": "drones", "measures": measures})


def test_topic_needs_terms() -> None:
    with pytest.raises(ValueError):
        Topic("x", "x", ("  ",))


def test_shipped_config_watches_the_default_terms() -> None:
    """The demo and crawls read banwatch.toml, the quality bench the built-in topic:
    both must look for the same words or the bench measures a different extractor."""
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).parents[2] / "banwatch.toml").read_text("utf-8"))
    shipped = {topic.name: topic for topic in map(topic_from_mapping, config["topics"])}
    assert shipped[FACIAL_RECOGNITION.name] == FACIAL_RECOGNITION
