"""The issue's hard cases, each as a small invented passage with asserted events.

Passages here are written for these tests (they are not gold-set passages), so the
gold test part stays unseen.
"""

from __future__ import annotations

from datetime import date

from .conftest import keys


def _one(events):
    assert len(events) == 1, events
    return events[0]


def test_invented_town_gets_its_state_from_context(extractor) -> None:
    text = ("The Brindle Falls City Council voted 6-1 on Monday to prohibit city agencies from "
            "using facial recognition. The Vermont town's police chief said he had no plans to "
            "buy the software anyway.")
    ev = _one(extractor.extract(text, date(2022, 3, 3)))
    assert (ev.actor, ev.region, ev.level, ev.date) == ("Brindle Falls", "VT", "city", "2022-02-28")


def test_invented_county_and_failure(extractor) -> None:
    text = ("Oxbow County commissioners on Tuesday rejected a proposal to ban the sheriff's office "
            "from using facial recognition. The vote in the rural Kansas county was 3-2.")
    ev = _one(extractor.extract(text, date(2021, 4, 8)))
    assert (ev.actor, ev.region, ev.level, ev.status) == ("Oxbow County", "KS", "county", "failed")


def test_police_department_acting_on_its_own_authority(extractor) -> None:
    text = ("Chief Dana Pike of the Millbrook Heights Police Department ordered officers on "
            "Friday to stop using facial recognition apps. The Oregon suburb's council has not "
            "discussed the matter.")
    ev = _one(extractor.extract(text, date(2023, 2, 14)))
    assert (ev.actor, ev.actor_type, ev.region) == (
        "Millbrook Heights Police Department", "agency", "OR")


def test_repeal_with_the_original_ban_as_background(extractor) -> None:
    text = ("The Larkin City Council voted on Tuesday to lift the ban on police use of facial "
            "recognition that it adopted in 2021. The Georgia city's mayor supported the change.")
    events = {e.action: e for e in extractor.extract(text, date(2024, 5, 9))}
    assert set(events) == {"repeal", "ban"}
    assert events["repeal"].date == "2024-05-07"
    assert events["ban"].date == "2021"
    assert events["repeal"].region == events["ban"].region == "GA"


def test_extension_then_the_original_pause_referred_back(extractor) -> None:
    text = ("Amazon has extended its moratorium on police use of Rekognition indefinitely, the "
            "company said this week. The pause was first announced last June.")
    events = {e.action: e for e in extractor.extract(text, date(2021, 5, 20))}
    assert (events["extension"].date, events["extension"].until) == ("2021-05", "indefinite")
    assert events["moratorium"].date == "2020-06"


def test_enactment_reported_before_what_the_law_does(extractor) -> None:
    text = ("The European Union gave final approval on Tuesday to its new data law. The law "
            "bans scraping the web to build facial recognition databases. It also limits police "
            "use of live face matching in public spaces.")
    events = {e.action: e for e in extractor.extract(text, date(2024, 5, 23))}
    assert set(events) == {"ban", "restriction"}
    assert {e.date for e in events.values()} == {"2024-05-21"}
    assert events["ban"].level == "supranational" and events["ban"].country is None


def test_company_modal_is_its_policy_and_term_makes_a_moratorium(extractor) -> None:
    text = ("Vistacam said on Monday that it would not add facial recognition to its doorbell "
            "cameras for now. Axon said on Thursday it would stop selling face matching to police.")
    events = extractor.extract(text, date(2019, 6, 28))
    by_actor = {e.actor: e for e in events}
    assert (by_actor["Axon"].action, by_actor["Axon"].status) == ("exit", "enacted")
    assert by_actor["Axon"].date == "2019-06-27"


def test_condition_makes_a_moratorium_until_indefinite(extractor) -> None:
    text = ("Microsoft will not sell facial recognition to police until there is a federal law, "
            "its president said Thursday.")
    ev = _one(extractor.extract(text, date(2020, 6, 12)))
    assert (ev.action, ev.status, ev.until, ev.scope) == (
        "moratorium", "enacted", "indefinite", "sales to police")


def test_chained_dates_before_and_after(extractor) -> None:
    text = ("Amazon said on Wednesday that it would pause police use of Rekognition for a year. "
            "The move came two days after IBM said it was leaving the facial recognition business.")
    events = {e.actor: e for e in extractor.extract(text, date(2020, 6, 11))}
    assert events["Amazon"].date == "2020-06-10"
    assert (events["IBM"].action, events["IBM"].date) == ("exit", "2020-06-08")
    assert events["Amazon"].until == "2021-06-10"


def test_earlier_actors_after_follows(extractor) -> None:
    text = ("The Alameda ban on facial recognition, approved on Tuesday, follows similar votes in "
            "Berkeley in October and in Santa Cruz in June.")
    events = {e.actor: e.date for e in extractor.extract(text, date(2020, 12, 18))}
    assert events == {"Alameda": "2020-12-15", "Berkeley": "2020-10", "Santa Cruz": "2020-06"}


def test_hypotheticals_demands_and_generic_bans_are_not_events(extractor) -> None:
    passages = [
        "Unless the council extends it, the moratorium on facial recognition will lapse.",
        "Ohio should ban facial recognition, the editorial board wrote.",
        "A ban on facial recognition could cost detectives a useful tool, the chief said.",
        "The settlement does not stop the company from using facial recognition.",
        "Britain has no law that bars police from using live facial recognition.",
        "Shareholders said the board would have stopped facial recognition sales if it could.",
    ]
    for text in passages:
        assert extractor.extract(text, date(2021, 1, 1)) == [], text


def test_people_and_longer_names_are_not_places(extractor) -> None:
    text = ("Councilor Tom Jackson said the Portland Timbers support the facial recognition ban "
            "that Austin approved.")
    assert keys(extractor.extract(text, date(2021, 1, 1))) == {("Austin", "TX", "ban", "enacted")}


def test_headline_only_date(extractor) -> None:
    text = "The city council voted to ban facial recognition by city agencies."
    events = extractor.extract(text, date(2020, 6, 27), title="Boston bans face surveillance")
    assert keys(events) == {("Boston", "MA", "ban", "enacted")}


def test_dateline_after_a_standfirst(extractor) -> None:
    text = ("Councilors acted after months of debate.\n"
            "WORCESTER, Dec. 8 — The City Council voted to ban facial recognition by city "
            "departments.")
    ev = _one(extractor.extract(text, date(2021, 12, 10)))
    assert (ev.actor, ev.date) == ("Worcester", "2021-12-08")


def test_invented_county_agency_extends_its_pause(extractor) -> None:
    text = ("The Thornwood County Sheriff's Office on Thursday extended its pause on facial "
            "recognition searches until June 2024. The sheriff of the Iowa county said the "
            "software needs more study.")
    events = extractor.extract(text, date(2023, 6, 2))
    ev = _one([e for e in events if e.action == "extension"])
    assert (ev.actor, ev.actor_type, ev.level, ev.region) == (
        "Thornwood County Sheriff's Office", "agency", "county", "IA")
    assert (ev.date, ev.until) == ("2023-06-01", "2024-06")
    # "its pause" is a decision of its own, told in the background (gold README,
    # convention 1); the text does not date it
    assert [(e.actor, e.action, e.date) for e in events if e is not ev] == [
        ("Thornwood County Sheriff's Office", "moratorium", None)]


def test_invented_towns_with_state_qualifiers(extractor) -> None:
    text = ("Councils in Brackenridge Mills, Vt., and Brackenridge Mills, N.H., both voted on "
            "Monday to ban facial recognition by town departments.")
    assert keys(extractor.extract(text, date(2022, 4, 7))) == {
        ("Brackenridge Mills", "VT", "ban", "enacted"),
        ("Brackenridge Mills", "NH", "ban", "enacted")}
