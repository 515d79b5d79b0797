"""Text as a crawler collects it: quotes split across sentences, digests, bill trackers,
council minutes, press releases and companies writing in the first person.

Each case is a small invented passage in the style of the gold set's ``dev9`` part (none
is a gold passage); they pin the general rules added when that part was tuned on.
"""

from __future__ import annotations

from datetime import date

from .conftest import facts, keys


def test_a_quote_opened_after_a_full_stop_is_still_a_quote(extractor) -> None:
    text = ("Marlowe County commissioners voted on Monday to bar county offices from using "
            "facial recognition. \"A pause is the least we owe people,\" said Ines Varga, who "
            "teaches law at a college in Ohio.")
    got = keys(extractor.extract(text, date(2022, 3, 9)))
    assert got == {("Marlowe County", "OH", "ban", "enacted")}


def test_a_name_after_councilors_is_a_person_not_a_company(extractor) -> None:
    text = ("BOSTON — The City Council voted on Wednesday to ban city agencies from using "
            "facial recognition. The ordinance, filed by councilors Tamsin Roque and Adair "
            "Vell, also stops officials from buying face data from outside vendors.")
    got = keys(extractor.extract(text, date(2020, 6, 25)))
    assert got == {("Boston", "MA", "ban", "enacted")}


def test_where_clause_after_an_appositive_is_that_places_act(extractor) -> None:
    text = ("The Boston City Council voted on Wednesday to ban city use of facial recognition. "
            "Supporters said the ordinance puts Boston in step with Cambridge, just across the "
            "river, where councilors passed a similar ban in January.")
    got = facts(extractor.extract(text, date(2020, 6, 25)))
    assert ("Cambridge", "MA", "ban", "enacted", "2020-01") in got


def test_no_support_and_no_proposal_taken_up_are_no_events(extractor) -> None:
    text = ("GRENVILLE, Michigan — The police chief said the department has no plans to stop "
            "using face searches, and the City Council has not taken up any proposal to limit "
            "facial recognition. Council President Ada Moss said she had heard no support on "
            "the council for a ban.")
    assert extractor.extract(text, date(2022, 4, 21)) == []


def test_a_trackers_field_label_is_not_a_town(extractor) -> None:
    title = "Bill status: AB 812 (Orrin) — facial recognition on officer cameras"
    text = ("Status: Chaptered. Last action: Signed by the governor on October 3, 2021. "
            "Summary: Prohibits police from using facial recognition with body-worn cameras. "
            "Sunset: The prohibition is repealed on January 1, 2025.")
    got = extractor.extract(text, date(2021, 10, 6), title=title)
    assert all(e.actor != "Sunset" for e in got)


def test_a_bare_dateline_takes_the_state_the_headline_names(extractor) -> None:
    title = "Maine's largest city bars its staff from face scanning"
    text = ("PORTLAND — At its meeting on Monday night, the City Council voted unanimously to "
            "forbid city employees from using facial recognition.")
    got = facts(extractor.extract(text, date(2020, 8, 4), title=title))
    assert ("Portland", "ME", "ban", "enacted", "2020-08-03") in got
    assert all(e.region != "OR" for e in extractor.extract(text, date(2020, 8, 4), title=title))
