"""News passages of the hard cases in wordings the earlier rules missed.

Each case is a small invented passage or a real public event told in new words (none is a
gold passage); they pin the general rules added when the gold set's ``dev11`` part was
tuned on, after its blind scores.
"""

from __future__ import annotations

from datetime import date

from .conftest import facts, keys


def test_a_bare_dateline_takes_the_headlines_state_first(extractor) -> None:
    title = "Maine's largest city bars city staff from using face recognition"
    text = ("PORTLAND — City councilors on Monday night unanimously agreed to bar municipal "
            "employees from using facial recognition technology. Meanwhile, in the Oregon "
            "city that shares its name, commissioners are weighing a pair of ordinances that "
            "would keep private businesses from deploying the technology.")
    assert facts(extractor.extract(text, date(2020, 8, 5), title=title)) == {
        ("Portland", "ME", "ban", "enacted", "2020-08-03"),
        ("Portland", "OR", "ban", "proposed", None)}


def test_an_interval_after_a_comma_opens_the_other_actors_act(extractor) -> None:
    text = ("SEATTLE — Amazon on Wednesday put a one-year pause on police use of Rekognition, "
            "its facial recognition service, two days after IBM said it was walking away "
            "from general-purpose face recognition products altogether.")
    got = {(e.actor, e.action, e.date) for e in extractor.extract(text, date(2020, 6, 11))}
    assert got == {("Amazon", "moratorium", "2020-06-10"), ("IBM", "exit", "2020-06-08")}


def test_a_month_after_the_first_counts_back_across_the_cut(extractor) -> None:
    text = ("Meanwhile Somerville banned municipal use of facial recognition in June 2019, a "
            "month after San Francisco became the first big city to do so.")
    assert facts(extractor.extract(text, date(2020, 1, 8))) == {
        ("Somerville", "MA", "ban", "enacted", "2019-06"),
        ("San Francisco", "CA", "ban", "enacted", "2019-05")}


def test_a_companys_would_about_itself_is_policy_on_every_path(extractor) -> None:
    text = ("REDMOND, Wash. — Microsoft said on Tuesday that it will retire the parts of its "
            "Azure Face service that infer a person's emotional state. The company also said "
            "that new customers must now apply and be approved before they can use its face "
            "identification features. They go further than the company's step two years "
            "earlier, when it said it would not sell facial recognition to police departments "
            "until a federal law governing the technology is in place.")
    got = {(e.actor, e.action, e.status, e.date)
           for e in extractor.extract(text, date(2022, 6, 22))}
    assert got == {("Microsoft", "exit", "enacted", "2022-06-21"),
                   ("Microsoft", "restriction", "enacted", "2022-06-21"),
                   ("Microsoft", "moratorium", "enacted", "2020")}


def test_the_day_after_it_was_filed_counts_forward_to_the_sheriffs_pause(extractor) -> None:
    text = ("ALDER COUNTY, Mich. — County Commissioner Amos Pell on Monday filed an ordinance "
            "that would halt all county use of facial recognition for three years. The day "
            "after it was filed, Sheriff Ray Vos said his office would stop running face "
            "searches for as long as the commission debates the measure.")
    got = {(e.actor, e.action, e.status, e.date, e.until)
           for e in extractor.extract(text, date(2023, 2, 8))}
    assert ("Alder County Sheriff's Office", "moratorium", "enacted", "2023-02-07",
            "indefinite") in got


def test_blocking_agencies_with_an_aside_before_from_using(extractor) -> None:
    text = ("SEATTLE — The Metropolitan King County Council on Tuesday voted unanimously to "
            "block county agencies, the sheriff's office among them, from using facial "
            "recognition software.")
    assert facts(extractor.extract(text, date(2021, 6, 3))) == {
        ("King County", "WA", "ban", "enacted", "2021-06-01")}


def test_a_states_largest_city_and_the_last_day_of_the_year(extractor) -> None:
    text = ("In November voters in Maine's largest city approved a ballot question that "
            "forbids the city from using facial recognition. On the last day of the year, "
            "Massachusetts Gov. Charlie Baker signed a police overhaul that curbs rather than "
            "forbids police face searches, requiring a court order before most searches.")
    assert facts(extractor.extract(text, date(2021, 1, 5))) == {
        ("Portland", "ME", "ban", "enacted", "2020-11"),
        ("Massachusetts", "MA", "restriction", "enacted", "2020-12-31")}


def test_a_sheriffs_approval_rule_and_a_stricter_ordinance_weighed(extractor) -> None:
    text = ("BRYONY HILLS COUNTY, Ariz. — Deputies in Bryony Hills County will need a "
            "supervisor's written approval before running any photograph through facial "
            "recognition software, under a policy Sheriff Nadine Cole issued last month. "
            "County supervisors, meanwhile, are weighing a stricter ordinance that would "
            "require a judge's warrant for every search by any county agency.")
    assert facts(extractor.extract(text, date(2022, 11, 3))) == {
        ("Bryony Hills County Sheriff's Office", "AZ", "restriction", "enacted", "2022-10"),
        ("Bryony Hills County", "AZ", "restriction", "proposed", None)}


def test_a_narrower_ordinance_nobody_drafted_is_no_event(extractor) -> None:
    text = ("The Wrenfield City Council in Ohio rejected a ban on facial recognition on "
            "Monday. Two members said they might support a narrower ordinance setting rules "
            "for when police may request a search, though neither has drafted one.")
    assert keys(extractor.extract(text, date(2021, 3, 10))) == {
        ("Wrenfield", "OH", "ban", "failed")}


def test_the_board_in_neighboring_town_two_weeks_later(extractor) -> None:
    text = ("The Marlow select board in New Hampshire voted on April 4 to impose a one-year "
            "moratorium on facial recognition by town departments, and two weeks later the "
            "board in neighboring Heston went further, forbidding the technology outright.")
    assert facts(extractor.extract(text, date(2022, 5, 20))) == {
        ("Marlow", "NH", "moratorium", "enacted", "2022-04-04"),
        ("Heston", "NH", "ban", "enacted", "2022-04-18")}


def test_voters_belong_to_the_town_nearest_them(extractor) -> None:
    text = ("PELLOW BEND, Texas — Voters on Tuesday turned down a ballot proposition that "
            "would have outlawed police use of facial recognition in Pellow Bend, 54 percent "
            "to 46 percent, while in neighboring Garrow Mills a two-year moratorium on the "
            "same technology passed easily.")
    assert keys(extractor.extract(text, date(2021, 11, 4))) == {
        ("Pellow Bend", "TX", "ban", "failed"),
        ("Garrow Mills", "TX", "moratorium", "enacted")}


def test_handing_the_tool_back_repeals_the_ban_it_had_outlawed(extractor) -> None:
    text = ("NEW ORLEANS — The City Council voted 4-2 on Thursday to hand facial recognition "
            "back to the police department, effectively reinstating a tool that the council "
            "had outlawed in December 2020.")
    assert facts(extractor.extract(text, date(2022, 7, 22))) == {
        ("New Orleans", "LA", "repeal", "enacted", "2022-07-21"),
        ("New Orleans", "LA", "ban", "enacted", "2020-12")}


def test_a_tie_over_whether_to_extend_is_a_failed_extension(extractor) -> None:
    text = ("COTTON COUNTY, Nev. — A two-year freeze on facial recognition by Cotton County "
            "agencies will run out at the end of the month after commissioners split 2-2 on "
            "Tuesday over whether to extend it. The board adopted the moratorium in May 2021.")
    assert facts(extractor.extract(text, date(2023, 5, 11))) == {
        ("Cotton County", "NV", "extension", "failed", "2023-05-09"),
        ("Cotton County", "NV", "moratorium", "enacted", "2021-05")}


def test_a_split_vote_that_is_no_tie_defeats_nothing(extractor) -> None:
    text = ("The Cottersby County commissioners in Nevada split 4-1 on Tuesday to impose a "
            "moratorium on facial recognition by county agencies.")
    assert keys(extractor.extract(text, date(2023, 5, 11))) == {
        ("Cottersby County", "NV", "moratorium", "enacted")}


def test_joining_a_neighbor_does_not_give_it_the_main_acts_date(extractor) -> None:
    text = ("CAMBRIDGE, Mass. — City councillors voted Monday night to forbid municipal "
            "departments from using facial recognition technology, joining its neighbor "
            "Somerville and the town of Brookline, whose town meeting approved a prohibition "
            "in December.")
    assert facts(extractor.extract(text, date(2020, 1, 15))) == {
        ("Cambridge", "MA", "ban", "enacted", "2020-01-13"),
        ("Somerville", "MA", "ban", "enacted", None),
        ("Brookline", "MA", "ban", "enacted", "2019-12")}


def test_its_announcement_came_counts_each_interval_from_its_own_day(extractor) -> None:
    text = ("Microsoft said Thursday that it will not sell facial recognition technology to "
            "police departments until a national law governs its use. Its announcement came a "
            "day after Amazon froze police use of its Rekognition software for one year, and "
            "three days after IBM told Congress it would no longer offer general-purpose face "
            "recognition products.")
    got = {(e.actor, e.date) for e in extractor.extract(text, date(2020, 6, 12))}
    assert got == {("Microsoft", "2020-06-11"), ("Amazon", "2020-06-10"), ("IBM", "2020-06-08")}


def test_a_recent_bare_day_is_not_pulled_back_to_an_older_year(extractor) -> None:
    text = ("OSTRAND FALLS, Wis. — An effort to scrap the city's facial recognition ban fell "
            "short on Tuesday when the Common Council rejected a motion to rescind it, 6 to 3. "
            "The ban, adopted in the fall of 2020, prevents city agencies from using the "
            "technology. A narrower proposal filed on January 9 by Alder Quinn Fair, which "
            "would let police use face matching again in missing-child cases, remains in "
            "committee.")
    got = facts(extractor.extract(text, date(2023, 1, 26)))
    assert ("Ostrand Falls", "WI", "repeal", "proposed", "2023-01-09") in got
    assert ("Ostrand Falls", "WI", "ban", "enacted", "2020") in got


def test_board_members_are_the_school_board_the_story_is_about(extractor) -> None:
    text = ("ELDERBY, Minn. — The Elderby School Board voted 6-1 on Monday to prolong its "
            "suspension of facial recognition in district buildings by two more years. Board "
            "members first paused the cameras in the spring of 2021, and that pause was due "
            "to expire this June.")
    assert facts(extractor.extract(text, date(2022, 8, 30))) == {
        ("Elderby School Board", "MN", "extension", "enacted", "2022-08-29"),
        ("Elderby School Board", "MN", "moratorium", "enacted", "2021")}


def test_a_member_who_will_keep_pushing_for_limits_proposes_nothing(extractor) -> None:
    text = ("WENNVILLE, Minn. — The Wennville City Council has not banned facial "
            "recognition. Council member Jerome Pak said he would 'keep pushing' for limits.")
    assert extractor.extract(text, date(2024, 2, 28)) == []


def test_a_first_attempt_that_collapsed_and_a_day_in_a_relative_clause(extractor) -> None:
    text = ("HALVER COUNTY, Colo. — Halver County commissioners voted 3-0 on Monday to lift "
            "the ban on facial recognition they adopted in March 2019. A first attempt to undo "
            "the ban collapsed on a 1-2 vote in 2022. Soon after the county acted five years "
            "ago, its largest town, Pritch Mesa, adopted a prohibition of its own, which is "
            "unaffected by Monday's vote.")
    assert facts(extractor.extract(text, date(2024, 4, 11))) == {
        ("Halver County", "CO", "repeal", "enacted", "2024-04-08"),
        ("Halver County", "CO", "ban", "enacted", "2019-03"),
        ("Halver County", "CO", "repeal", "failed", "2022"),
        ("Pritch Mesa", "CO", "ban", "enacted", "2019")}
