"""A researcher's mixed feed: minutes with long roll calls, student papers, digests with
capitalised labels, bill trackers with field labels, earnings calls and explainers.

Each case is a small invented passage (none is a gold passage); they pin the general rules
added when the gold set's ``dev10`` part was tuned on, after its blind scores.
"""

from __future__ import annotations

from datetime import date

from .conftest import facts, keys


def test_a_motion_carried_after_a_long_roll_call_enacts_the_item(extractor) -> None:
    title = ("Town of Wendlebury, New Hampshire — Selectboard minutes, regular meeting of "
             "May 3, 2022")
    text = ("Present: Chair Ada Moll; Members Orr, Pike and Lund. Item 4: Ordinance 22-7, an "
            "ordinance barring town departments from using face recognition technology, "
            "second reading. Motion to adopt by Member Orr, seconded by Member Pike; the "
            "police chief said the department takes no position. Roll call: Moll yes, Orr "
            "yes. Pike yes, Lund no. Motion carried 3-1. Item 5: Motion to table the "
            "paving bid carried.")
    got = facts(extractor.extract(text, date(2022, 5, 5), title=title))
    assert got == {("Wendlebury", "NH", "ban", "enacted", "2022-05-03")}


def test_the_next_agenda_item_closes_the_motion_before_it(extractor) -> None:
    title = "Town of Wendlebury, New Hampshire — Selectboard minutes, meeting of May 3, 2022"
    text = ("Item 4: Ordinance 22-7, an ordinance barring town departments from using face "
            "recognition technology, first reading. Motion to refer it to committee. Item 5: "
            "Motion to approve the paving bid carried 4-0.")
    got = keys(extractor.extract(text, date(2022, 5, 5), title=title))
    assert got == {("Wendlebury", "NH", "ban", "proposed")}


def test_a_where_clause_closed_by_its_comma_does_not_hide_the_proposal(extractor) -> None:
    text = ("Oakland's City Council on Tuesday approved an ordinance that bars city "
            "departments from using facial recognition. Across the bay in Berkeley, where "
            "many of our readers live, the council is weighing a similar ordinance.")
    got = facts(extractor.extract(text, date(2019, 7, 22)))
    assert ("Berkeley", "CA", "ban", "proposed", None) in got


def test_a_ranking_with_such_a_rule_names_its_precedents(extractor) -> None:
    text = ("The Oakland City Council on Tuesday voted to bar city departments from using "
            "facial recognition. Oakland is now the third city in the country with such a "
            "rule, after San Francisco in May and Somerville, Massachusetts, last month.")
    got = facts(extractor.extract(text, date(2019, 7, 22)))
    assert got == {("Oakland", "CA", "ban", "enacted", "2019-07-16"),
                   ("San Francisco", "CA", "ban", "enacted", "2019-05"),
                   ("Somerville", "MA", "ban", "enacted", "2019-06")}


def test_capitalised_digest_labels_name_the_company(extractor) -> None:
    title = "The Week in Privacy: June 4, 2021"
    text = ("AMAZON: The company told reporters last month that the one-year pause on police "
            "use of Rekognition it announced in June 2020 will now continue until further "
            "notice. RESEARCH: A lab published new accuracy figures.")
    got = {(e.actor, e.action, e.date, e.until)
           for e in extractor.extract(text, date(2021, 6, 4), title=title)}
    assert got == {("Amazon", "extension", "2021-05", "indefinite"),
                   ("Amazon", "moratorium", "2020-06", None)}


def test_a_term_that_runs_until_a_date_is_no_extension(extractor) -> None:
    text = ("The Harlan school board adopted a pause on face recognition cameras on Monday, "
            "to last until June 30.")
    got = {(e.action, e.until) for e in extractor.extract(text, date(2021, 12, 16))}
    assert ("extension", "2022-06-30") not in got


def test_a_status_field_under_a_bill_headline_is_the_bills_enactment(extractor) -> None:
    title = "Bill tracker: Oregon HB 4120 (Police Camera Privacy Act)"
    text = ("HB 4120 — Police: biometric surveillance. Status: Signed by the Governor "
            "03/14/2022. Summary: Prohibits a police officer from using facial recognition on "
            "body camera footage. Sunset: The prohibition is in effect only until "
            "January 1, 2026.")
    got = facts(extractor.extract(text, date(2022, 3, 20), title=title))
    assert got == {("Oregon", "OR", "moratorium", "enacted", "2022-03-14")}


def test_a_defeated_moratorium_has_no_end(extractor) -> None:
    text = ("Corbin County, Kentucky, commissioners on Thursday rejected a proposed "
            "18-month moratorium on facial recognition by county departments, 2-3.")
    events = extractor.extract(text, date(2021, 6, 4))
    assert [(e.action, e.status, e.until) for e in events] == [("moratorium", "failed", None)]


def test_it_after_an_extension_and_its_pause_is_the_extension(extractor) -> None:
    text = ("Tolland Cove's moratorium on police facial recognition, adopted last year, will "
            "now run through 2026. The town council extended it earlier this year after the "
            "police chief said he had no plans for the software.")
    got = facts(extractor.extract(text, date(2024, 8, 8), title="Tolland Cove, Rhode Island"))
    assert ("Tolland Cove", "RI", "extension", "enacted", "2024") in got


def test_a_motion_that_failed_leaves_no_end_date(extractor) -> None:
    title = ("Garnet Hill, Tennessee, City Council — Regular Session, Tuesday, April 9, 2024 "
             "(draft minutes)")
    text = ("New business, item 4: Ordinance 24-11, establishing a one-year moratorium on the "
            "use of facial recognition technology by the police department, on second "
            "reading. Moved by Councilmember Ames, seconded by Councilmember Roe. Roll call: "
            "Ames aye, Roe aye, Quist nay, Fenn nay, Lowe nay. The motion failed 2-3.")
    events = extractor.extract(text, date(2024, 4, 12), title=title)
    assert [(e.actor, e.action, e.status, e.date, e.until) for e in events] == [
        ("Garnet Hill", "moratorium", "failed", "2024-04-09", None)]


def test_extending_a_prohibition_to_more_parties_widens_the_ban(extractor) -> None:
    text = ("The Portland City Council in the Oregon city on Wednesday passed two ordinances, "
            "one barring city bureaus from using facial recognition and one extending the "
            "prohibition to private businesses such as shops and hotels.")
    assert keys(extractor.extract(text, date(2020, 9, 10))) == {
        ("Portland", "OR", "ban", "enacted")}


def test_extending_a_pause_to_a_date_still_extends_it(extractor) -> None:
    text = ("The Harlow County board on Monday voted to extend the moratorium on facial "
            "recognition to the end of 2023.")
    got = keys(extractor.extract(text, date(2022, 5, 4), title="Harlow County, Iowa"))
    assert ("Harlow County", "IA", "extension", "enacted") in got


def test_what_a_company_says_its_customers_must_do_is_its_policy(extractor) -> None:
    text = ("June 2022 — Kestrawn Systems retires its emotion-reading face features, and "
            "says new customers must now apply and be approved before they can use face "
            "identification.")
    got = {(e.actor, e.action, e.date) for e in extractor.extract(text, date(2022, 6, 30))}
    assert got == {("Kestrawn Systems", "exit", "2022-06"),
                   ("Kestrawn Systems", "restriction", "2022-06")}


def test_advice_to_note_a_law_reports_the_law(extractor) -> None:
    text = ("Vermont: Clients should note that a 2020 law bars law enforcement officers from "
            "using facial recognition until the General Assembly expressly authorizes it. "
            "Washington: SB 6280, signed in March 2020, takes effect in July and conditions "
            "state and local agencies' use of the technology on accountability reports and, "
            "for ongoing surveillance, a warrant.")
    got = {(e.actor, e.action, e.date, e.until)
           for e in extractor.extract(text, date(2021, 1, 8), title="Privacy practice update")}
    assert got == {("Vermont", "moratorium", "2020", "indefinite"),
                   ("Washington", "restriction", "2020-03", None)}


def test_a_demand_for_a_law_that_bans_is_still_a_demand(extractor) -> None:
    text = ("Advocates said the city must pass a law that bans facial recognition outright.")
    assert extractor.extract(text, date(2021, 1, 8)) == []


def test_a_subjects_relative_clause_is_its_older_act(extractor) -> None:
    text = ("Two years after a wave of bans, the pendulum is swinging back. Virginia, which "
            "barred local police from using facial recognition in 2021, reversed course this "
            "spring when the governor signed a bill that allows its use under statewide "
            "rules. Last month, the New Orleans City Council voted 4-2 to let the police use "
            "facial recognition again, carving an exception into the surveillance ordinance "
            "it passed in December 2020.")
    got = facts(extractor.extract(text, date(2022, 8, 1)))
    assert got == {("Virginia", "VA", "ban", "enacted", "2021"),
                   ("Virginia", "VA", "repeal", "enacted", "2022"),
                   ("New Orleans", "LA", "repeal", "enacted", "2022-07"),
                   ("New Orleans", "LA", "ban", "enacted", "2020-12")}
