"""General rules added after a third dev part, written blind by another author, showed
the extractor at F1 0.56: capitalised datelines naming unknown towns, members of a body
filing measures, voters at the ballot, threatened vetoes, authorship, rankings such as
"the fifth city to", stance verbs, exemptions, company-name suffixes, "the original
moratorium" behind an extension.  Each case is a small invented passage (none is a gold
passage), so that a later change fitted to one phrasing does not silently lose them.
"""

from __future__ import annotations

from datetime import date

from .conftest import facts, keys


def test_dateline_names_an_unknown_town(extractor) -> None:
    text = ("HOLLOWAY BEND, Kan. — Three years after it barred police from using facial "
            "recognition, Holloway Bend has partly reversed course. The City Council voted "
            "5-2 last month to let detectives request searches in homicide cases.")
    assert keys(extractor.extract(text, date(2023, 11, 9))) >= {
        ("Holloway Bend", "KS", "repeal", "enacted")}


def test_dateline_place_is_never_the_actor(extractor) -> None:
    text = ("ROME — Italy has halted the use of facial recognition systems in public places "
            "after parliament approved the measure in December.")
    assert keys(extractor.extract(text, date(2022, 1, 11))) == {
        ("Italy", None, "moratorium", "enacted")}


def test_a_member_files_a_proposal_but_cannot_enact(extractor) -> None:
    text = ("MILLBROOK COUNTY, Ga. — Commissioner Dana Orrell on Tuesday introduced an "
            "ordinance to ban county departments from using facial recognition.")
    assert facts(extractor.extract(text, date(2024, 1, 25))) == {
        ("Millbrook County", "GA", "ban", "proposed", "2024-01-23")}
    voted = "Councilor Dana Orrell voted for the facial recognition ban on Monday."
    assert extractor.extract(voted, date(2024, 1, 25)) == []


def test_voters_act_at_the_ballot_and_landmarks_do_not(extractor) -> None:
    text = ("ASHBY FALLS, Mass. — Voters in this town west of Worcester on Tuesday turned down "
            "a ballot question that would have repealed the town's facial recognition ban.")
    assert keys(extractor.extract(text, date(2022, 11, 10))) == {
        ("Ashby Falls", "MA", "repeal", "failed")}


def test_a_threatened_veto_is_no_event(extractor) -> None:
    text = ("The mayor, who had said he would veto an outright facial recognition ban, "
            "announced a compromise with the police on Tuesday.")
    assert extractor.extract(text, date(2020, 2, 26), title="Springfield mayor compromises") == []


def test_authors_of_an_enacted_ban_make_no_proposal(extractor) -> None:
    text = ("BOSTON — The City Council voted on Wednesday to prohibit city agencies from using "
            "facial recognition. Councilors Ana Ruiz and Ben Cole co-sponsored the ordinance, "
            "which makes Boston the second city, after San Francisco, to enact such a "
            "prohibition.")
    assert keys(extractor.extract(text, date(2020, 6, 25))) == {
        ("Boston", "MA", "ban", "enacted"), ("San Francisco", "CA", "ban", "enacted")}


def test_a_ranking_refers_to_the_event_already_found(extractor) -> None:
    text = ("The Springfield City Council in the western Massachusetts city voted on Monday to "
            "impose a moratorium on facial recognition. Springfield is the fifth Massachusetts "
            "community to curb it.")
    assert keys(extractor.extract(text, date(2020, 2, 26))) == {
        ("Springfield", "MA", "moratorium", "enacted")}


def test_exemptions_and_denied_plans_are_no_events(extractor) -> None:
    text = ("The Minneapolis City Council voted on Friday to bar police from using facial "
            "recognition. The Hennepin County Sheriff's Office is not covered by the city's "
            "prohibition.")
    assert keys(extractor.extract(text, date(2021, 2, 16))) == {
        ("Minneapolis", "MN", "ban", "enacted")}
    assert extractor.extract("The town is not planning a facial recognition ban, its "
                             "council president said.", date(2020, 7, 9)) == []


def test_company_suffix_beats_a_person_label(extractor) -> None:
    text = ("Tarrow Labs, a small start-up whose face-search tool was used by sheriff's "
            "offices, will no longer sell the software to any law enforcement agency, its "
            "founder wrote on Tuesday.")
    assert keys(extractor.extract(text, date(2020, 6, 17))) == {
        ("Tarrow Labs", None, "exit", "enacted")}


def test_original_moratorium_behind_an_extension(extractor) -> None:
    text = ("DUNMORE, Ore. — City councilors on Tuesday voted to prolong the city's pause on "
            "police use of facial recognition. The original two-year moratorium was adopted "
            "in the summer of 2021, after the police department disclosed a trial.")
    assert facts(extractor.extract(text, date(2023, 6, 15))) == {
        ("Dunmore", "OR", "extension", "enacted", "2023-06-13"),
        ("Dunmore", "OR", "moratorium", "enacted", "2021")}


def test_last_month_name_in_that_month_is_a_year_back(extractor) -> None:
    text = ("The Wichita City Council approved a pause on facial recognition last December "
            "by a 4-1 vote.")
    assert facts(extractor.extract(text, date(2020, 12, 2))) == {
        ("Wichita", "KS", "moratorium", "enacted", "2019-12")}


def test_a_town_named_by_its_shape_and_a_title_ending_in_it(extractor) -> None:
    # a headline that ends with the town's name once crashed the unknown-place reader
    assert extractor.extract("Nothing new.", date(2024, 3, 5),
                             title="Facial recognition ban passes in Marrow Springs") is not None
    text = ("Councilor Bo Hart filed an ordinance on Monday that would lift Tamber Springs' "
            "2020 ban on police use of facial recognition. He said the Utah city's "
            "detectives were at a disadvantage.")
    assert keys(extractor.extract(text, date(2024, 3, 5))) == {
        ("Tamber Springs", "UT", "repeal", "proposed"), ("Tamber Springs", "UT", "ban", "enacted")}


def test_lawmakers_in_the_capital_are_the_state(extractor) -> None:
    text = ("Lawmakers in Olympia could not pass the proposed ban on facial recognition before "
            "the session ended on Sunday.")
    assert keys(extractor.extract(text, date(2020, 4, 30))) == {
        ("Washington", "WA", "ban", "failed")}


def test_the_paused_measure_behind_an_extension_keeps_its_own_date(extractor) -> None:
    text = ("SEATTLE — Amazon has extended indefinitely its moratorium on police use of "
            "Rekognition, the company confirmed on Tuesday, weeks before the one-year pause "
            "it announced last June was set to expire.")
    assert facts(extractor.extract(text, date(2021, 5, 19))) == {
        ("Amazon", None, "extension", "enacted", "2021-05-18"),
        ("Amazon", None, "moratorium", "enacted", "2020-06")}
