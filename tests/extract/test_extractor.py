"""End-to-end behaviour of the Extractor on small passages (real model, loaded once)."""

from __future__ import annotations

from datetime import date

import pytest

from banwatch.extract.dates import PartialDate
from banwatch.extract.extractor import EXTRACTOR_VERSION, MAX_TEXT_CHARS, Extractor
from banwatch.extract.topics import Topic

from .conftest import PUB, keys


def test_api_shape(extractor) -> None:
    assert extractor.version == EXTRACTOR_VERSION
    events = extractor.extract("Somerville banned facial recognition on June 27, 2019.", PUB)
    assert len(events) == 1
    ev = events[0].to_dict()
    assert ev["actor"] == "Somerville" and ev["region"] == "MA" and ev["country"] == "US"
    assert ev["level"] == "city" and ev["actor_type"] == "jurisdiction"
    assert (ev["action"], ev["status"], ev["date"]) == ("ban", "enacted", "2019-06-27")
    assert ev["technology"] == "facial recognition" and ev["topic"] == "facial-recognition"
    assert 0 < ev["confidence"] <= 1


def test_evidence_offsets_index_the_body(extractor) -> None:
    text = "Weather news first.\n\nOakland banned face surveillance in July 2019. More text."
    (ev,) = extractor.extract(text, PUB)
    assert (
        text[ev.start : ev.end] == ev.evidence == "Oakland banned face surveillance in July 2019."
    )


def test_two_actors_in_one_sentence(extractor) -> None:
    text = (
        "Two Massachusetts cities banned face surveillance last year: "
        "Somerville acted in June, and Cambridge followed."
    )
    events = extractor.extract(text, date(2020, 3, 1))
    assert keys(events) == {
        ("Somerville", "MA", "ban", "enacted"),
        ("Cambridge", "MA", "ban", "enacted"),
    }
    assert {e.actor: e.date for e in events}["Somerville"] == "2019-06"


def test_one_phrase_two_places(extractor) -> None:
    text = "The Ohio and Illinois towns of Springfield both banned facial recognition in 2021."
    assert keys(extractor.extract(text, PUB)) == {
        ("Springfield", "OH", "ban", "enacted"),
        ("Springfield", "IL", "ban", "enacted"),
    }


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Portland, Maine's largest city, banned facial recognition.", "ME"),
        ("Portland, Ore., banned facial recognition.", "OR"),
        ("In Maine, the debate is old. Portland banned facial recognition in 2020.", "ME"),
    ],
)
def test_ambiguous_place_names(extractor, text: str, region: str) -> None:
    assert keys(extractor.extract(text, PUB)) == {("Portland", region, "ban", "enacted")}


def test_failure_and_negation(extractor) -> None:
    failed = extractor.extract(
        "Massachusetts lawmakers could not pass the proposed ban on facial recognition.", PUB
    )
    assert keys(failed) == {("Massachusetts", "MA", "ban", "failed")}
    assert extractor.extract("Oregon has not banned facial recognition.", PUB) == []


def test_proposals(extractor) -> None:
    events = extractor.extract(
        "The Boston City Council is considering a ban on facial recognition, according to Reuters.",
        PUB,
    )
    assert keys(events) == {("Boston", "MA", "ban", "proposed")}


def test_advocates_demands_are_not_events(extractor) -> None:
    text = '"Boston must ban face surveillance now," said Kade Crockford of the ACLU.'
    assert extractor.extract(text, PUB) == []
    urged = "Activists urged the state legislature to ban facial recognition."
    assert extractor.extract(urged, PUB) == []


def test_company_statement_of_its_own_policy(extractor) -> None:
    text = (
        "Amazon announced a one-year moratorium on police use of its Rekognition software "
        "on June 10, 2020. In May 2021, the company extended the moratorium indefinitely."
    )
    events = {(e.actor, e.action): e for e in extractor.extract(text, date(2021, 5, 20))}
    mor = events[("Amazon", "moratorium")]
    assert (mor.actor_type, mor.date, mor.scope) == ("company", "2020-06-10", "police use")
    ext = events[("Amazon", "extension")]
    assert (ext.date, ext.until) == ("2021-05", "indefinite")


def test_the_ban_refers_back_and_dateline_dates(extractor) -> None:
    text = (
        "BOSTON, June 24 — The Boston City Council voted unanimously on Wednesday to ban the "
        "use of facial recognition technology by city government. The ban now goes to the mayor."
    )
    (ev,) = extractor.extract(text, date(2020, 6, 25))
    assert (ev.actor, ev.date, ev.scope) == ("Boston", "2020-06-24", "government use")


def test_relative_chain_and_unrelated_bans(extractor) -> None:
    text = (
        "San Francisco banned facial recognition on May 14, 2019. Oakland followed two months "
        "later. Portland banned tear gas."
    )
    events = {e.actor: e.date for e in extractor.extract(text, PUB)}
    assert events == {"San Francisco": "2019-05-14", "Oakland": "2019-07"}


def test_same_event_three_times_is_one_event(extractor) -> None:
    text = (
        "Oakland banned facial recognition in 2019. The Oakland ban was approved on July 16, "
        "2019. Oakland's ban on facial recognition remains in force."
    )
    events = extractor.extract(text, PUB)
    assert len(events) == 1 and events[0].date == "2019-07-16"


def test_publisher_is_not_an_actor(extractor) -> None:
    events = extractor.extract("Detroit banned facial recognition, Reuters reported.", PUB)
    assert {e.actor for e in events} == {"Detroit"}


def test_extract_many_matches_extract(extractor) -> None:
    items = [
        ("Somerville banned facial recognition on June 27, 2019.", PUB, None),
        ("The weather was fine and nothing was banned.", PUB, None),
        ("", None, None),
        ("Boston banned face surveillance.", date(2020, 6, 25), "Boston bans it on June 24"),
    ]
    many = list(extractor.extract_many(items, batch_size=2))
    assert many == [extractor.extract(*item) for item in items]
    assert many[1] == [] and many[2] == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        "\x00\x01\x02\xff" * 1000,
        "La ciudad prohibió el reconocimiento facial el martes.",
        "<html><body><nav>Home</nav></body></html>",
    ],
)
def test_bad_input_gives_no_events(extractor, text: str) -> None:
    assert extractor.extract(text, PUB) == []


def test_huge_input_is_capped(extractor) -> None:
    text = "Boston banned facial recognition in 2020. " + "filler words " * 450_000  # ~5.8 MB
    events = extractor.extract(text, PUB)
    assert keys(events) == {("Boston", "MA", "ban", "enacted")}
    assert len(text) > MAX_TEXT_CHARS


def test_bad_argument_types_raise_value_error(extractor) -> None:
    with pytest.raises(ValueError):
        extractor.extract(12345, PUB)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        extractor.extract("Boston banned facial recognition.", "2020-01-01")  # type: ignore[arg-type]


def test_a_page_dated_only_to_the_month(extractor) -> None:
    """A page that gives only "July 2019": its own news is of that month; a weekday cannot
    be counted back from it, so "on Thursday" dates the news no closer than the page."""
    text = ("Congresswoman Ayanna Pressley introduced a bill to ban facial recognition in public "
            "housing.")
    (ev,) = extractor.extract(text, PartialDate(2019, 7))
    assert (ev.date, ev.date_source) == ("2019-07", "published")
    text = "Somerville banned facial recognition on Thursday. The vote was unanimous."
    (ev,) = extractor.extract(text, PartialDate(2019, 6))
    assert (ev.actor, ev.date) == ("Somerville", "2019-06")
    (ev,) = extractor.extract(text, PartialDate(2019, 6, 28))
    assert ev.date == "2019-06-27"


def test_second_topic_needs_no_code_change() -> None:
    tiktok = Topic("tiktok", "TikTok", ("TikTok", "ByteDance app"), ("TikTok ban",))
    ex = Extractor(model="blank:en", topics=[tiktok])
    text = "Montana banned TikTok on government devices in December 2022."
    (ev,) = ex.extract(text, date(2023, 1, 5))
    assert (ev.actor, ev.region, ev.action, ev.status) == ("Montana", "MT", "ban", "enacted")
    assert (ev.technology, ev.topic, ev.scope, ev.date) == (
        "TikTok",
        "tiktok",
        "government devices",
        "2022-12",
    )
    # facial recognition is not this extractor's business
    assert ex.extract("Boston banned facial recognition.", PUB) == []


def test_off_topic_articles_never_load_the_model() -> None:
    ex = Extractor()
    texts = [("The city council approved a budget and banned plastic bags.", PUB, None),
             ("Weather: sunny, with a chance of rain.", None, "Forecast")]
    assert list(ex.extract_many(texts)) == [[], []]
    assert ex._nlp is None  # the prefilter answered without spaCy
