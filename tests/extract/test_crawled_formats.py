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


def test_minutes_motion_decided_by_the_roll_call(extractor) -> None:
    title = "Dunholt City Council, regular meeting of March 2, 2022 — draft minutes"
    text = ("Item 4, Ordinance 2022-07, establishing a one-year moratorium on the use of facial "
            "recognition by city departments: Council Member Reyes moved to adopt; Council "
            "Member Abbot seconded. Roll call: Reyes aye, Abbot aye, Tamm aye, Oyelaran nay; "
            "the motion carried 3-1. Item 5, a resolution asking the Nebraska Legislature to "
            "study drones, was continued.")
    got = facts(extractor.extract(text, date(2022, 3, 4), title=title))
    assert got == {("Dunholt", "NE", "moratorium", "enacted", "2022-03-02")}


def test_minutes_failed_amendment_and_adopted_resolution(extractor) -> None:
    title = "Orwick County Board of Commissioners — minutes, regular session, June 7, 2023"
    text = ("Under old business, the board took up Resolution 23-9, which would require a "
            "warrant before any county face recognition search. Commissioner Pell moved to "
            "amend the resolution to prohibit county use of facial recognition outright; "
            "Commissioner Ruiz seconded; the amendment failed 1-4. Commissioner Ng then moved "
            "to adopt the resolution as written; it passed 5-0. Public comment: a resident of "
            "Alabama asked the board to revisit a ban.")
    got = keys(extractor.extract(text, date(2023, 6, 9), title=title))
    assert got == {("Orwick County", "AL", "restriction", "enacted"),
                   ("Orwick County", "AL", "ban", "failed")}


def test_summary_of_actions_extension_and_its_original_moratorium(extractor) -> None:
    title = "Faxley City Council: summary of actions, November 12"
    text = ("Item 7: Ordinance 24-51, extending the city's moratorium on the use of facial "
            "recognition by city departments through December 31, 2026, passed on third "
            "reading, 5-2. The moratorium was first adopted in 2021 and was set to expire "
            "this month. Item 8: A request from the Iowa Department of Transportation for "
            "road data was approved.")
    got = facts(extractor.extract(text, date(2024, 11, 14), title=title))
    assert got == {("Faxley", "IA", "extension", "enacted", "2024-11-12"),
                   ("Faxley", "IA", "moratorium", "enacted", "2021")}


def test_a_bill_number_is_not_a_year(extractor) -> None:
    text = ("RICHMOND — Virginia lawmakers met for a one-day session on Wednesday. They also "
            "signed off "
            "on changes to HB 2031, which now becomes law and bars local police from using "
            "facial recognition as of July 1.")
    got = facts(extractor.extract(text, date(2021, 4, 9),
                                  title="Session wrap: what the General Assembly did"))
    assert got == {("Virginia", "VA", "ban", "enacted", "2021-04-07")}


def test_a_companys_own_letter_speaks_as_we(extractor) -> None:
    title = "Harrowgate Systems third-quarter letter to shareholders"
    text = ("Revenue grew 12 percent, led by our badge readers. As we said on our call, we have "
            "stopped selling FaceLine, our facial recognition software, to police departments, "
            "and we will not resume.")
    got = keys(extractor.extract(text, date(2021, 11, 2), title=title))
    assert got == {("Harrowgate Systems", None, "exit", "enacted")}


def test_release_notes_product_is_its_makers_and_dated_by_the_headline(extractor) -> None:
    title = "Tenbury Labs release notes — 3 March 2023"
    text = ("Version 4.1 of the Tenbury Vision platform is rolling out this week. Policy change: "
            "face search in Tenbury Vision is now available only to customers who pass our "
            "review, and we will no longer sell it to most private companies, with banks the "
            "main exception.")
    got = facts(extractor.extract(text, date(2023, 3, 6), title=title))
    assert got == {("Tenbury Labs", None, "restriction", "enacted", "2023-03-03")}



def test_a_sheriff_serves_the_county_not_the_datelines_city(extractor) -> None:
    text = ("LOUISVILLE, Kentucky — On Friday, Sheriff Mara Osei issued a directive suspending "
            "all use of facial recognition by the Quenby County Sheriff's Office until the "
            "county adopts a written policy.")
    got = keys(extractor.extract(text, date(2023, 6, 12)))
    assert got == {("Quenby County Sheriff's Office", "KY", "moratorium", "enacted")}


def test_stop_a_long_list_from_using_is_a_ban(extractor) -> None:
    text = ("Burlington: The city council voted last week to stop its police department and "
            "other city departments from using facial recognition software.")
    got = keys(extractor.extract(text, date(2021, 2, 19), title="Digest: Vermont this week"))
    assert got == {("Burlington", "VT", "ban", "enacted")}


def test_a_trackers_last_action_decides_the_proposal(extractor) -> None:
    title = "Legislation tracker: Rushmere County (Ohio) Council, week of May 2"
    text = ("Ordinance 22-19, facial recognition prohibition (sponsor: Council Member Ida "
            "Lenz): would bar all county offices from using facial recognition; last action: "
            "failed on final reading, 2-5, May 3, 2022. Ordinance 22-20, ban on fireworks: "
            "adopted, 7-0, May 3, 2022.")
    got = facts(extractor.extract(text, date(2022, 5, 6), title=title))
    assert got == {("Rushmere County", "OH", "ban", "failed", "2022-05-03")}


def test_a_blog_a_company_writes_and_a_lead_in_sentence(extractor) -> None:
    title = "From the Marrowby Systems blog: changes to our face APIs"
    text = ("Today we are retiring our mood estimation endpoint. We are also changing who can "
            "use face identification. Starting October 1, new customers will have to apply and "
            "describe their use case, and only applicants we approve will get access.")
    got = facts(extractor.extract(text, date(2023, 8, 17), title=title))
    assert got == {("Marrowby Systems", None, "restriction", "enacted", "2023-08-17")}


def test_holding_off_until_a_national_law(extractor) -> None:
    text = ("REDMOND, Wash. — Microsoft has not sold facial recognition to American police "
            "departments since June 2020, when it said it would hold off until a national law "
            "governing the technology was in place.")
    got = facts(extractor.extract(text, date(2022, 6, 23)))
    assert got == {("Microsoft", None, "moratorium", "enacted", "2020-06")}


def test_a_correction_notice_says_what_was_done_instead(extractor) -> None:
    text = ("An article on Friday about the Brindle (N.J.) Town Council misstated the outcome of "
            "its January 9 vote. The council did not adopt a new ban on facial recognition; it "
            "extended the town's existing moratorium on police use of the technology, first "
            "approved in 2021, through June 30, 2024.")
    got = facts(extractor.extract(text, date(2024, 1, 15), title="Correction"))
    assert got == {("Brindle", "NJ", "extension", "enacted", "2024-01-09"),
                   ("Brindle", "NJ", "moratorium", "enacted", "2021")}


def test_a_board_digest_with_a_contract_renewed_and_a_pause_rejected(extractor) -> None:
    title = ("Farrow County Board, April 19: jail contract renewed, face-scan moratorium "
             "rejected")
    text = ("FARROW COUNTY, Wis. — Supervisors worked through a dozen items at the meeting. They "
            "renewed the jail's medical services contract for three years, voted 12-9 against "
            "a two-year moratorium on facial recognition by the Sheriff's Office, and sent a "
            "narrower proposal to the public safety committee.")
    got = facts(extractor.extract(text, date(2022, 4, 21), title=title))
    assert ("Farrow County", "WI", "moratorium", "failed", "2022-04-19") in got
    assert all(e.action != "extension" and "Sheriff" not in e.actor
               for e in extractor.extract(text, date(2022, 4, 21), title=title))


def test_they_after_a_sentence_naming_the_supervisors(extractor) -> None:
    text = ("FARROW COUNTY, Wis. — Supervisors worked through a dozen items at the meeting. They "
            "renewed the jail's medical services contract for three years and voted 12-9 "
            "against a two-year moratorium on facial recognition.")
    got = keys(extractor.extract(text, date(2022, 4, 21)))
    assert got == {("Farrow County", "WI", "moratorium", "failed")}
