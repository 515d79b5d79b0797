"""Phrasings the first rules did not know, each as a small invented passage.

The rules were first tuned on the gold dev part and scored far lower on the held-out
part; these cases pin the general rules added then (passive voice, coordinated verbs,
fronted subordinate clauses, headline shorthand, more verbs and date forms), so that
a later change fitted to one phrasing does not silently lose them.  None of the
passages is a gold-set passage.
"""

from __future__ import annotations

from datetime import date

from .conftest import facts, keys


def test_passive_subject_is_the_target_not_the_actor(extractor) -> None:
    text = ("The Ridley Police Department, which had run hundreds of searches, will be barred "
            "from using facial recognition under an ordinance the Ridley City Council in Ohio "
            "passed on Friday.")
    assert facts(extractor.extract(text, date(2022, 6, 13))) == {
        ("Ridley", "OH", "ban", "enacted", "2022-06-10")}


def test_modal_across_a_comma_does_not_make_a_proposal(extractor) -> None:
    text = ("Lawmakers in King County, Washington, home to Seattle, voted on Tuesday to prohibit "
            "county agencies from using facial recognition technology.")
    assert keys(extractor.extract(text, date(2021, 6, 3))) == {
        ("King County", "WA", "ban", "enacted")}


def test_coordinated_verb_keeps_the_subject(extractor) -> None:
    text = ("Microsoft is retiring face analysis features that infer emotion, the company said "
            "on Tuesday, and will limit access to its facial recognition service to approved "
            "customers.")
    assert keys(extractor.extract(text, date(2022, 6, 22))) == {
        ("Microsoft", None, "exit", "enacted"), ("Microsoft", None, "restriction", "enacted")}


def test_fronted_subordinate_clause_has_its_own_actor(extractor) -> None:
    text = ("While Vermont halted police use of facial recognition, New Hampshire lawmakers "
            "rejected a similar ban.")
    assert keys(extractor.extract(text, date(2021, 5, 3))) == {
        ("Vermont", "VT", "moratorium", "enacted"), ("New Hampshire", "NH", "ban", "failed")}


def test_freeze_extension_and_background_dated_in_relative_clause(extractor) -> None:
    text = ("Amazon has extended indefinitely the freeze it placed last June on police use of "
            "its Rekognition software, the company confirmed on Tuesday.")
    assert facts(extractor.extract(text, date(2021, 5, 20))) == {
        ("Amazon", None, "extension", "enacted", "2021-05-18"),
        ("Amazon", None, "moratorium", "enacted", "2020-06")}


def test_repeal_of_an_ordinance_that_had_banned_it(extractor) -> None:
    text = ("NEW ORLEANS — The City Council voted 4-2 on Thursday to allow police to use facial "
            "recognition again, reversing part of a 2020 ordinance that had banned it.")
    assert facts(extractor.extract(text, date(2022, 7, 25))) == {
        ("New Orleans", "LA", "repeal", "enacted", "2022-07-21"),
        ("New Orleans", "LA", "ban", "enacted", "2020")}


def test_carve_out_makes_a_company_stop_a_restriction(extractor) -> None:
    text = ("Clearview AI agreed on Monday to stop selling access to its face database to most "
            "private businesses, settling a lawsuit in Illinois.")
    assert keys(extractor.extract(text, date(2022, 5, 10))) == {
        ("Clearview AI", None, "restriction", "enacted")}


def test_plans_scrapped_and_vote_against_are_failures(extractor) -> None:
    text = ("Plans for a citywide ban on facial recognition in Lake Anselm, Minnesota, were "
            "scrapped on Monday when the council voted 5-2 against the ordinance.")
    assert keys(extractor.extract(text, date(2022, 2, 17))) == {
        ("Lake Anselm", "MN", "ban", "failed")}


def test_blocked_from_using_is_a_ban_and_freeze_a_moratorium(extractor) -> None:
    text = ("City councilors in Easthampton, Massachusetts, blocked municipal agencies from "
            "using facial recognition on Wednesday. Separately, the Brantmoor County "
            "Legislature in New York voted to freeze the sheriff's use of facial recognition "
            "for one year.")
    assert keys(extractor.extract(text, date(2020, 7, 3))) == {
        ("Easthampton", "MA", "ban", "enacted"),
        ("Brantmoor County", "NY", "moratorium", "enacted")}


def test_hopes_and_declined_restrictions_are_not_events(extractor) -> None:
    texts = [
        "A Columbus councilwoman said she hopes to bring forward legislation limiting police "
        "use of facial recognition sometime next year.",
        "The Harbor Point police department in Maine began using facial recognition last "
        "month, after the city council declined to restrict it.",
    ]
    for text in texts:
        assert extractor.extract(text, date(2022, 1, 26)) == [], text


def test_declined_to_adopt_is_a_failure_and_scheduled_vote_no_date(extractor) -> None:
    failed = extractor.extract("The Greyford, Indiana, town council declined on Monday to "
                               "adopt a ban on facial recognition.", date(2022, 6, 10))
    assert facts(failed) == {("Greyford", "IN", "ban", "failed", "2022-06-06")}
    pending = extractor.extract("The Ferris Lake Village Board in Vermont will vote next week "
                                "on a proposal to prohibit facial recognition.", date(2022, 6, 10))
    assert facts(pending) == {("Ferris Lake", "VT", "ban", "proposed", None)}


def test_one_chamber_passing_a_bill_is_still_a_proposal(extractor) -> None:
    text = ("The Maryland House passed a bill on Tuesday that would curb police use of facial "
            "recognition.")
    assert keys(extractor.extract(text, date(2022, 6, 10))) == {
        ("Maryland", "MD", "restriction", "proposed")}


def test_headline_shorthand_yields_to_the_body(extractor) -> None:
    text = ("A bill that would have placed a moratorium on government use of facial recognition "
            "in Washington died without a floor vote when the legislative session ended on "
            "Sunday.")
    events = extractor.extract(text, date(2019, 4, 30),
                               title="Face recognition moratorium dies in Olympia")
    assert facts(events) == {("Washington", "WA", "moratorium", "failed", "2019-04-28")}


def test_more_date_forms(extractor) -> None:
    cases = [
        ("The Somerville City Council outlawed government use of facial recognition on the "
         "27th of June 2019.", "2019-06-27"),
        ("The Dunmore County Sheriff's Office in Georgia paused its facial recognition program "
         "in mid-March after a wrongful arrest.", "2022-03"),
        ("BOSTON, June 24 — Boston became the largest city in New England to bar its government "
         "from using facial recognition when the council voted for an ordinance two councilors "
         "had sponsored.", "2022-06-24"),
    ]
    for text, want in cases:
        (ev,) = extractor.extract(text, date(2022, 6, 25))
        assert ev.date == want, (text, ev.date)


def test_the_next_month_counts_from_the_previous_event(extractor) -> None:
    text = ("The Teaneck council passed a ban on facial recognition in January; Englewood, "
            "New Jersey, followed the next month.")
    assert facts(extractor.extract(text, date(2022, 6, 10))) == {
        ("Teaneck", "NJ", "ban", "enacted", "2022-01"),
        ("Englewood", "NJ", "ban", "enacted", "2022-02")}


def test_stopping_short_and_calls_brushed_aside_are_not_events(extractor) -> None:
    for text in ("The Denver City Council stopped short of banning facial recognition on "
                 "Monday, opting instead to require annual reports.",
                 "Ohio's governor brushed aside calls to ban facial recognition on Tuesday."):
        assert extractor.extract(text, date(2022, 6, 10)) == [], text


def test_reversed_prohibition_keeps_its_own_adoption(extractor) -> None:
    text = ("The prohibition on facial recognition that the Larkspur Falls, Vermont, Select "
            "Board adopted last spring was reversed on Monday.")
    assert facts(extractor.extract(text, date(2022, 6, 10))) == {
        ("Larkspur Falls", "VT", "repeal", "enacted", "2022-06-06"),
        ("Larkspur Falls", "VT", "ban", "enacted", "2021")}


def test_named_anchor_and_interval_before_a_later_act(extractor) -> None:
    """"the day after Zorva's announcement" counts from Zorva's act, not the last one
    read; "a month after X did" dates X's act a month before the sentence's own."""
    text = ("On March 3, 2021, Zorva Labs said it would stop selling face recognition to police. "
            "A week earlier Quintell had quit the business, and the day after Zorva's "
            "announcement Ardent Vision said it would also stop selling the technology to "
            "police departments. Meanwhile Pell Harbor banned city use of facial recognition "
            "in June 2021, a month after Dunmore Falls became the first Maine town to do so.")
    got = facts(extractor.extract(text, date(2021, 7, 1)))
    dates = {(a, act): d for a, _, act, _, d in got}
    assert dates.get(("Ardent Vision", "exit")) == "2021-03-04"
    assert dates.get(("Dunmore Falls", "ban")) == "2021-05"


def test_relative_clause_act_and_veto(extractor) -> None:
    text = ("The Harwick council voted on Monday night to forbid city departments from using "
            "facial recognition, joining its neighbor Ashby Springs, which did the same last "
            "summer. In Cobb Mill, the board approved a similar ban on Tuesday night, but Mayor "
            "Ida Rusk vetoed it the next day.")
    got = keys(extractor.extract(text, date(2022, 1, 14), title="Two Ohio towns act on face "
                                 "recognition"))
    assert ("Ashby Springs", "OH", "ban", "enacted") in got
    assert ("Cobb Mill", "OH", "ban", "failed") in got
    assert ("Cobb Mill", "OH", "ban", "enacted") not in got


def test_company_named_by_appositive_and_restated_dates(extractor) -> None:
    text = ("Velquist, the Denver-based maker of doorbell cameras, said Wednesday it has "
            "stopped selling its face-matching feature and will not bring it back.")
    got = facts(extractor.extract(text, date(2024, 11, 8)))
    assert ("Velquist", None, "exit", "enacted", "2024-11-06") in got
    text = ("Within one week in June 2020, IBM left the facial recognition business and "
            "Microsoft said it would not sell the software to police until a federal law is in "
            "place. IBM's letter came on June 8.")
    got = facts(extractor.extract(text, date(2020, 12, 1)))
    assert ("IBM", None, "exit", "enacted", "2020-06-08") in got


def test_unpassed_and_untaken_measures_are_not_events(extractor) -> None:
    text = ("Congress held hearings on facial recognition but passed no such law. The county "
            "commission has not taken up any limits on facial recognition of its own.")
    assert extractor.extract(text, date(2021, 5, 1)) == []


def test_a_later_pause_of_the_same_actor_continues_the_first(extractor) -> None:
    text = ("Norbrook Systems will keep police from using its face-matching service until "
            "further notice, a company spokesperson said on Tuesday. The one-year moratorium "
            "the company announced last June had been due to run out within weeks.")
    got = facts(extractor.extract(text, date(2021, 5, 20)))
    assert ("Norbrook Systems", None, "extension", "enacted", "2021-05-18") in got
    assert ("Norbrook Systems", None, "moratorium", "enacted", "2020-06") in got


def test_place_of_a_company_chair_of_a_board_and_demands(extractor) -> None:
    text = ("Harrowgate Vision, a Pittsburgh maker of security cameras, said on Monday that it "
            "will no longer sell face-matching software to police. Board president Ida Rusk "
            "said the policy also forbids the district from accepting outside face searches. "
            "\"The council has to outlaw this before it's used on us,\" said Noel Penn. The "
            "city itself has not adopted any limits on facial recognition.")
    got = keys(extractor.extract(text, date(2023, 3, 8)))
    assert {k[0] for k in got} == {"Harrowgate Vision"}


def test_the_proposal_that_failed_is_not_a_second_event(extractor) -> None:
    text = ("Brackwater County commissioners on Monday voted 3-2 against a proposed ordinance "
            "that would have barred county departments from using facial recognition. "
            "Commissioner Ada Whit, who proposed the ban, said she would bring it back.")
    got = keys(extractor.extract(text, date(2021, 9, 24), title="Brackwater, Ga., rejects "
                                 "face-recognition ban"))
    assert got == {("Brackwater County", "GA", "ban", "failed")}


def test_measure_made_by_a_relative_clause_subject(extractor) -> None:
    text = ("ALBANY, N.Y. — New York's State Education Department on Wednesday ordered schools "
            "not to buy or use facial recognition. The order ends a pause that the Legislature "
            "and Governor Andrew Cuomo imposed in December 2020.")
    got = facts(extractor.extract(text, date(2023, 9, 28)))
    assert ("New York State Education Department", "NY", "ban", "enacted", "2023-09-27") in got
    assert ("New York", "NY", "moratorium", "enacted", "2020-12") in got


def test_bracketed_state_and_a_first_approval_after_an_extension(extractor) -> None:
    text = ("The Gorsham (N.J.) Town Council on Monday extended the town's moratorium on police "
            "use of facial recognition for another year. Councilors first approved the pause "
            "last fall after residents objected to a grant that would have paid for the "
            "software.")
    got = keys(extractor.extract(text, date(2025, 3, 12)))
    assert got == {("Gorsham", "NJ", "extension", "enacted"),
                   ("Gorsham", "NJ", "moratorium", "enacted")}


def test_three_companies_in_one_sentence_each_with_its_own_day(extractor) -> None:
    text = ("IBM said Monday that it no longer offers general-purpose facial recognition "
            "software, Amazon on Wednesday put a one-year pause on police use of Rekognition, "
            "and Microsoft said Thursday that it will not sell the technology to police until a "
            "federal law regulates it.")
    got = facts(extractor.extract(text, date(2020, 6, 12)))
    assert got == {("IBM", None, "exit", "enacted", "2020-06-08"),
                   ("Amazon", None, "moratorium", "enacted", "2020-06-10"),
                   ("Microsoft", None, "moratorium", "enacted", "2020-06-11")}


def test_from_one_place_to_another_each_with_a_relative_clause(extractor) -> None:
    text = ("The county follows cities of several sizes, from Jackson, the Mississippi capital, "
            "which barred its police from facial recognition in October, to Madison, Wisconsin, "
            "which adopted a ban in December.")
    got = facts(extractor.extract(text, date(2021, 6, 4)))
    assert ("Jackson", "MS", "ban", "enacted", "2020-10") in got
    assert ("Madison", "WI", "ban", "enacted", "2020-12") in got


def test_instead_as_a_sentence_adverb_is_no_hypothetical(extractor) -> None:
    text = ("Dayton has not banned facial recognition. Instead, in March 2020 its Board of "
            "Police Commissioners approved a policy that limits the police department to face "
            "searches in investigations of violent crimes.")
    got = keys(extractor.extract(text, date(2020, 6, 26), title="What Dayton's rules say"))
    assert {k[2:] for k in got} == {("restriction", "enacted")}
    assert all(k[0].endswith("Board of Police Commissioners") for k in got)


def test_a_states_existing_rules_are_no_act(extractor) -> None:
    text = ("Ohio's rules on how police may use facial recognition are thin, and that thinness is "
            "a choice. The General Assembly should pass a moratorium on police use.")
    assert extractor.extract(text, date(2023, 11, 2), title="Opinion: hit pause") == []


def test_an_objection_in_the_clause_before_does_not_oppose_the_act(extractor) -> None:
    text = ("ALBANY, N.Y. — Parents objected, and in December Governor Andrew Cuomo signed "
            "a law pausing the use of facial recognition in schools until state officials had "
            "studied its risks.")
    got = keys(extractor.extract(text, date(2020, 12, 30)))
    assert got == {("New York", "NY", "moratorium", "enacted")}


def test_the_final_law_is_the_bill_a_relative_clause_said_was_signed(extractor) -> None:
    text = ("BOSTON — The Massachusetts policing bill that Governor Charlie Baker signed on "
            "Thursday runs to dozens of pages. It creates a commission to certify officers. "
            "The final law routes police facial recognition searches through written requests "
            "to the State Police, and in most cases requires a court order.")
    got = facts(extractor.extract(text, date(2021, 1, 4)))
    assert got == {("Massachusetts", "MA", "restriction", "enacted", "2020-12-31")}


def test_an_official_issuing_the_order_speaks_for_her_department(extractor) -> None:
    text = ("ALBANY, N.Y. — Schools across New York may no longer buy or use facial recognition "
            "under a determination issued on Wednesday by Education Commissioner Lena Ostrow.")
    got = facts(extractor.extract(text, date(2023, 9, 28)))
    assert got == {("New York State Education Department", "NY", "ban", "enacted",
                    "2023-09-27")}


def test_a_relative_clause_saying_how_long_a_pause_lasts_is_no_extension(extractor) -> None:
    text = ("Lawmakers had already frozen facial recognition in New York schools under a law "
            "signed in December 2020 that kept the pause in place until a study was done.")
    got = facts(extractor.extract(text, date(2023, 9, 28)))
    assert got == {("New York", "NY", "moratorium", "enacted", "2020-12")}


def test_limits_without_outlawing_on_the_last_day_of_the_year(extractor) -> None:
    text = ("BOSTON — The police law Governor Charlie Baker signed on the last day of 2020 puts "
            "new limits on facial recognition without outlawing it.")
    got = facts(extractor.extract(text, date(2021, 1, 4),
                                  title="Massachusetts police law reins in face scans"))
    assert got == {("Massachusetts", "MA", "restriction", "enacted", "2020-12-31")}


def test_whose_supervisors_led_the_way(extractor) -> None:
    text = ("OAKLAND — Councilmembers voted on Tuesday night to bar every city department from "
            "using facial recognition. With the vote, Oakland follows Somerville and San "
            "Francisco, whose supervisors led the way in May.")
    got = facts(extractor.extract(text, date(2019, 7, 17)))
    assert ("San Francisco", "CA", "ban", "enacted", "2019-05") in got


def test_a_company_name_ending_in_ai(extractor) -> None:
    text = ("Quorvel AI, a Denver maker of video analytics software, will no longer sell its "
            "facial recognition module to police departments, a spokeswoman said on Wednesday.")
    got = facts(extractor.extract(text, date(2022, 3, 3)))
    assert got == {("Quorvel AI", None, "exit", "enacted", "2022-03-02")}


def test_an_application_requirement_and_an_older_pledge(extractor) -> None:
    text = ("On Tuesday Microsoft said it would retire facial recognition tools that infer "
            "emotion. "
            "The company will also require customers to apply before they can use its facial "
            "recognition service. The changes build on the company's 2020 pledge not to sell "
            "facial recognition to police until a federal law is in place.")
    got = facts(extractor.extract(text, date(2022, 6, 22)))
    assert ("Microsoft", None, "restriction", "enacted", "2022-06-21") in got
    assert ("Microsoft", None, "moratorium", "enacted", "2020") in got


def test_a_vote_in_a_city_where_a_county_council_acted(extractor) -> None:
    text = ("The host opened with Tuesday's vote in Seattle, where the King County Council made "
            "King County the first county in the country to ban its agencies from using "
            "facial recognition.")
    got = keys(extractor.extract(text, date(2021, 6, 3)))
    assert got == {("King County", "WA", "ban", "enacted")}


def test_a_regulators_orders_are_no_company_policy(extractor) -> None:
    """The order to stop is the regulator's ban (the real-news convention); the company
    ordered leaves nothing itself, and the deletion is the penalty."""
    text = ("France's data protection authority has fined Clearview AI and ordered the company "
            "to stop collecting facial images of people in France and to delete the data it "
            "already holds.")
    assert keys(extractor.extract(text, date(2022, 10, 21))) == {
        ("CNIL", None, "ban", "enacted")}


def test_senators_in_washington_propose_a_federal_pause(extractor) -> None:
    text = ("A day later in Washington, Senators Ed Markey and Jeff Merkley introduced a bill "
            "that would bar federal agencies from using facial recognition until Congress "
            "passes a law lifting the prohibition.")
    got = keys(extractor.extract(text, date(2020, 6, 26)))
    assert got == {("United States", None, "moratorium", "proposed")}


def test_two_companies_acts_joined_by_and(extractor) -> None:
    text = ("The retreat recalls IBM's exit from general-purpose facial recognition in June 2020 "
            "and Meta's decision in November 2021 to shut down the system that recognized "
            "people in Facebook photos.")
    got = facts(extractor.extract(text, date(2023, 4, 20)))
    assert ("IBM", None, "exit", "enacted", "2020-06") in got
    assert ("Meta", None, "exit", "enacted", "2021-11") in got


def test_a_dated_law_of_the_place_the_story_is_about(extractor) -> None:
    text = ("RICHMOND — A law that takes effect today lets Virginia's local police use facial "
            "recognition again. The 2021 law barred local and campus police from buying or "
            "using it; this spring the General Assembly replaced that prohibition with rules.")
    got = facts(extractor.extract(text, date(2022, 7, 1)))
    assert ("Virginia", "VA", "ban", "enacted", "2021") in got
    assert ("Virginia", "VA", "repeal", "enacted", "2022") in got


def test_limits_beside_a_ban_in_the_same_act(extractor) -> None:
    text = ("BRUSSELS — European Union governments gave the Artificial Intelligence Act its final "
            "approval on Tuesday. Among the practices the law forbids outright is building "
            "facial recognition databases by scraping the internet. Police use of real-time "
            "facial recognition is not banned, but it is confined to a short list of situations.")
    got = facts(extractor.extract(text, date(2024, 5, 23)))
    assert got == {("European Union", None, "ban", "enacted", "2024-05-21"),
                   ("European Union", None, "restriction", "enacted", "2024-05-21")}


def test_what_police_need_under_the_act_just_reported_is_its_rule(extractor) -> None:
    text = ("BRUSSELS — European Union governments signed off on the Artificial Intelligence Act "
            "on Tuesday. The law outlaws building face databases by scraping images from the "
            "internet. Police may use real-time face identification in public spaces only in "
            "narrow cases, and generally need prior approval from a judge.")
    got = facts(extractor.extract(text, date(2024, 5, 22)))
    assert ("European Union", None, "restriction", "enacted", "2024-05-21") in got


def test_a_demand_that_police_need_a_warrant_is_still_no_event(extractor) -> None:
    text = ("Advocates in Ohio say the state has done nothing. Police need a warrant before any "
            "facial recognition search, said Ada Moor of a civil liberties group.")
    assert extractor.extract(text, date(2023, 5, 2)) == []


def test_an_act_approved_in_the_headline_dated_in_the_body_and_read_later(extractor) -> None:
    title = "EU member states give final approval to AI rulebook"
    text = ("BRUSSELS — After years of talks, the Artificial Intelligence Act cleared its last "
            "hurdle on Tuesday when ministers approved it in the Council. The European "
            "Parliament had backed the same text in March. The law outlaws the untargeted "
            "scraping of facial images from the internet to build recognition databases. Police "
            "may still use real-time remote biometric identification, but only for a short "
            "list of serious crimes.")
    got = facts(extractor.extract(text, date(2024, 5, 22), title=title))
    assert ("European Union", None, "ban", "enacted", "2024-05-21") in got


def test_and_that_continues_the_same_speaker(extractor) -> None:
    text = ("Microsoft said on Tuesday that it will retire facial recognition features that "
            "infer emotion, and that new customers will have to apply for access to its face "
            "identification service.")
    got = keys(extractor.extract(text, date(2022, 6, 23)))
    assert got == {("Microsoft", None, "exit", "enacted"),
                   ("Microsoft", None, "restriction", "enacted")}


def test_a_settlement_binds_the_company_it_keeps_from_selling(extractor) -> None:
    text = ("Clearview AI agreed on Monday to stop selling access to its face database to most "
            "private companies. The agreement also keeps the company from selling to any "
            "Illinois state or local agency for five years.")
    got = keys(extractor.extract(text, date(2022, 5, 10)))
    assert got == {("Clearview AI", None, "restriction", "enacted"),
                   ("Clearview AI", None, "moratorium", "enacted")}


def test_put_a_long_object_on_hold(extractor) -> None:
    text = ("Weeks later Springfield, Massachusetts, put its police department's use of facial "
            "recognition on hold.")
    got = keys(extractor.extract(text, date(2020, 3, 2)))
    assert got == {("Springfield", "MA", "moratorium", "enacted")}


def test_national_lawmakers_under_a_capital_dateline(extractor) -> None:
    text = ("ROME (Wire) — Italian lawmakers in December approved a halt on installing facial "
            "recognition cameras in public places, running until the end of 2023.")
    got = facts(extractor.extract(text, date(2022, 1, 12)))
    assert got == {("Italy", None, "moratorium", "enacted", "2021-12")}


def test_wanting_to_restrict_and_a_think_tank_are_no_events(extractor) -> None:
    text = ("Lawmakers who want to restrict facial recognition are likely to cite the findings, "
            "said Ilse Varga, a policy fellow at a Washington think tank.")
    assert extractor.extract(text, date(2019, 12, 21)) == []


def test_letting_police_search_only_for_serious_crimes_is_no_repeal(extractor) -> None:
    text = ("Maine's law, passed this year, lets police request facial recognition searches "
            "only when investigating serious crimes.")
    got = keys(extractor.extract(text, date(2021, 7, 15)))
    assert ("Maine", "ME", "repeal", "enacted") not in got


def test_a_failed_override_leaves_the_veto_standing(extractor) -> None:
    text = ("FAIRHOULT, Mass., Aug. 12 — Mayor Ansel Dray today vetoed the council's two-year "
            "moratorium on city use of facial recognition, and an attempt to override him fell "
            "one vote short hours later.")
    got = keys(extractor.extract(text, date(2022, 8, 13)))
    assert got == {("Fairhoult", "MA", "moratorium", "failed")}


def test_the_state_naming_which_city_is_not_new_york_city(extractor) -> None:
    text = ("Students in Bellcastle, New York, marched on Wednesday. Only the upstate New York "
            "city has a measure before it: a draft ordinance, filed by Councilor Amos Reiter on "
            "Jan. 9, that would require a court order for every police facial recognition search.")
    got = keys(extractor.extract(text, date(2023, 1, 20)))
    assert got == {("Bellcastle", "NY", "restriction", "proposed")}


def test_a_product_line_is_no_town_and_the_company_said_names_the_company(extractor) -> None:
    text = ("SEATTLE, March 4 — Clearwake will strip face search from its Aurora line of shop "
            "cameras and will not offer it in future models, the company said today.")
    got = keys(extractor.extract(text, date(2024, 3, 6)))
    assert got == {("Clearwake", None, "exit", "enacted")}


def test_a_proposal_that_died_on_a_vote_of_the_council(extractor) -> None:
    text = ("A proposal to halt the Marsolet Parish Sheriff's Office's use of facial recognition "
            "for two years died on a 3-4 vote of the parish council on Wednesday night. The "
            "Louisiana parish has about 60,000 residents.")
    got = facts(extractor.extract(text, date(2021, 10, 14)))
    assert got == {("Marsolet Parish", "LA", "moratorium", "failed", "2021-10-13")}


def test_a_council_that_voted_against_a_similar_ordinance(extractor) -> None:
    text = ("KILBRIDE FLATS, Nev. — Voters here approved Measure K in Tuesday's election, "
            "amending the city charter to forbid city agencies from using facial recognition. "
            "Measure K went on the ballot by petition after the council voted 3-2 against a "
            "similar ordinance in 2021.")
    got = facts(extractor.extract(text, date(2022, 11, 10)))
    assert got == {("Kilbride Flats", "NV", "ban", "enacted", "2022-11-08"),
                   ("Kilbride Flats", "NV", "ban", "failed", "2021")}


def test_making_the_pause_permanent_is_a_ban(extractor) -> None:
    text = ("In 2019, Stanwick County commissioners in Oregon froze the sheriff's use of facial "
            "recognition for one year. By 2022 the mood had hardened, and in October the board "
            "voted 4-1 to make the prohibition permanent.")
    got = facts(extractor.extract(text, date(2023, 1, 12)))
    assert got == {("Stanwick County", "OR", "moratorium", "enacted", "2019"),
                   ("Stanwick County", "OR", "ban", "enacted", "2022-10")}


def test_tabled_indefinitely_is_no_pause(extractor) -> None:
    text = ("OTTERMERE, Wis. — A proposed ban on police use of facial recognition was tabled "
            "indefinitely by the Common Council on Tuesday night, 5-4.")
    got = keys(extractor.extract(text, date(2022, 5, 11)))
    assert got == {("Ottermere", "WI", "ban", "failed")}


def test_whose_council_is_the_council_of_the_place_before(extractor) -> None:
    text = ("Ottermere, Wisconsin, still has no ban on facial recognition, unlike Madison, about "
            "ninety miles to the south, whose council outlawed city use of the technology in "
            "late 2020.")
    got = facts(extractor.extract(text, date(2022, 5, 11)))
    assert got == {("Madison", "WI", "ban", "enacted", "2020")}


def test_its_namesake_in_maine_whose_council_acted(extractor) -> None:
    text = ("The two Portlands have both turned against facial recognition. Portland, Oregon, "
            "went further; its namesake in Maine, whose council acted in August, confined its "
            "ban to city government.")
    got = keys(extractor.extract(text, date(2021, 2, 1)))
    assert ("Portland", "ME", "ban", "enacted") in got
    assert ("Maine", "ME", "ban", "enacted") not in got


def test_a_company_named_imaging(extractor) -> None:
    text = ("Brevanta Imaging said in a blog post on Tuesday that it had stopped selling its "
            "facial recognition platform to police agencies and would not resume until Congress "
            "passes a federal law governing the technology.")
    got = facts(extractor.extract(text, date(2023, 10, 12)))
    assert got == {("Brevanta Imaging", None, "moratorium", "enacted", "2023-10-10")}


def test_over_the_commissioners_objections_and_what_cameras_will_not_include(extractor) -> None:
    text = ("SPRINGFIELD — Over the police commissioner's objections, councilors in the western "
            "Massachusetts city voted 11-2 on Monday to impose a moratorium on facial "
            "recognition by city agencies. The department has no face-matching system today, "
            "and it has said the body cameras its officers will start wearing this year will "
            "not include one.")
    got = keys(extractor.extract(text, date(2020, 2, 26)))
    assert got == {("Springfield", "MA", "moratorium", "enacted")}


def test_not_taken_up_any_limits_and_a_demand_that_a_city_outlaw(extractor) -> None:
    text = ("The Welborne County commission has not taken up any limits on facial recognition "
            "of its own. Dozens of residents filled the Vermont city's council chambers on "
            "Tuesday to demand that Brisbeck finally outlaw facial recognition.")
    assert extractor.extract(text, date(2022, 8, 25)) == []


def test_aldermen_of_two_towns_each_considering_and_a_river(extractor) -> None:
    title = "Tullivant aldermen on both sides of the Pearl weigh face-recognition bans"
    text = ("Aldermen in the Louisiana and Mississippi towns of Tullivant are each considering an "
            "ordinance that would forbid their police departments to use facial recognition.")
    got = keys(extractor.extract(text, date(2024, 2, 20), title=title))
    assert got == {("Tullivant", "LA", "ban", "proposed"), ("Tullivant", "MS", "ban", "proposed")}


def test_a_claim_being_fact_checked_is_no_event(extractor) -> None:
    text = ("Posts shared widely this week claim that Orvale, Tennessee, has banned its police "
            "from using facial recognition. That is false.")
    assert extractor.extract(text, date(2023, 1, 26), title="Fact check") == []


def test_an_unknown_town_keeps_the_state_it_was_first_given(extractor) -> None:
    text = ("Voters in Corlett Bay, Washington, approved Proposition 2 on Tuesday, banning city "
            "agencies from using facial recognition. In Arizona, turnout topped 55 percent. The "
            "Corlett Bay ban takes effect once results are certified later this month.")
    got = keys(extractor.extract(text, date(2022, 11, 9)))
    assert got == {("Corlett Bay", "WA", "ban", "enacted")}


def test_the_lone_vote_against_is_a_dissent(extractor) -> None:
    text = ("FRAYNE COUNTY, Ind. — County commissioners on Monday scrapped the facial recognition "
            "ban they passed in 2020. Commissioner Paula Renwick, who cast the lone vote against, "
            "said the county was undoing a promise.")
    got = keys(extractor.extract(text, date(2023, 2, 8)))
    assert ("Frayne County", "IN", "repeal", "failed") not in got
    assert ("Frayne County", "IN", "repeal", "enacted") in got


def test_keeping_its_freeze_in_place_indefinitely_records_the_freeze_too(extractor) -> None:
    text = ("The Marlowe Basin Transit Authority in Utah agreed on 22 February to keep its "
            "freeze on facial recognition in buses and stations in place indefinitely, rather "
            "than letting it end in March.")
    got = facts(extractor.extract(text, date(2024, 2, 28)))
    assert got == {("Marlowe Basin Transit Authority", "UT", "extension", "enacted", "2024-02-22"),
                   ("Marlowe Basin Transit Authority", "UT", "moratorium", "enacted", None)}


def test_after_the_chief_said_is_no_co_actor(extractor) -> None:
    text = ("The Vantry Cove City Council in Rhode Island extended its facial recognition "
            "moratorium earlier this year after the police chief said he had no immediate plans "
            "for the software.")
    got = keys(extractor.extract(text, date(2024, 8, 8)))
    assert all(k[0] == "Vantry Cove" for k in got)


def test_the_day_after_with_a_comma_counts_forward(extractor) -> None:
    text = ("SEDGECOMBE COUNTY, N.C. — County commissioners on Monday voted 3-2 against a "
            "proposed ordinance that would have barred county departments from using facial "
            "recognition. The day after, Sheriff Lonnie Barfield said his office would stop "
            "running face searches for 90 days.")
    got = facts(extractor.extract(text, date(2021, 9, 24)))
    assert ("Sedgecombe County Sheriff's Office", "NC", "moratorium", "enacted",
            "2021-09-21") in got


def test_a_second_ballot_measure_on_the_same_election_day(extractor) -> None:
    text = ("Voters in Corlett Bay, Washington, approved Proposition 2 on Tuesday, banning city "
            "agencies from using facial recognition. In Arizona, Tressider County's Question 5, "
            "which would have suspended the sheriff's use of the technology for three years, "
            "was defeated by about 2,400 votes.")
    got = facts(extractor.extract(text, date(2022, 11, 9)))
    assert ("Tressider County", "AZ", "moratorium", "failed", "2022-11-08") in got


def test_a_drone_ordinance_needing_a_warrant_under_a_topical_headline(extractor) -> None:
    title = "Drone rules pass; face recognition left for another day"
    text = ("Carraway Pointe's council on Monday adopted an ordinance governing police drones, "
            "requiring a log of every flight and barring drones over private backyards without "
            "a warrant. The South Carolina town bought its two drones last spring.")
    assert extractor.extract(text, date(2022, 8, 3), title=title) == []


def test_the_bans_author_trying_again_is_no_new_proposal(extractor) -> None:
    text = ("GRINDLE FALLS, Minn. — The mayor's veto of a city ban on facial recognition will "
            "stand after the City Council on Monday fell short of overriding it. Council member "
            "Ingrid Halvorsen, the ban's author, said she would try again after January.")
    got = keys(extractor.extract(text, date(2020, 11, 19)))
    assert got == {("Grindle Falls", "MN", "ban", "failed")}


def test_the_final_law_after_a_failed_version(extractor) -> None:
    text = ("BOSTON — The Massachusetts policing bill that Governor Charlie Baker signed on "
            "Thursday runs to dozens of pages. The version lawmakers first sent him last month "
            "would have barred state agencies from using facial recognition, but Baker "
            "returned it. The final law instead routes police face searches through written "
            "requests to the State Police, and in most cases requires a court order.")
    got = facts(extractor.extract(text, date(2021, 1, 4)))
    assert ("Massachusetts", "MA", "restriction", "enacted", "2020-12-31") in got


def test_an_order_ending_a_pause_a_state_law_imposed(extractor) -> None:
    text = ("ALBANY, N.Y. — New York's State Education Department on Wednesday ordered schools "
            "not to buy or use facial recognition. The order ends an interim period that began "
            "in late 2020, when a state law paused biometric surveillance in schools until a "
            "study was done.")
    got = facts(extractor.extract(text, date(2023, 9, 28)))
    assert ("New York", "NY", "moratorium", "enacted", "2020") in got


def test_the_model_a_demand_names_is_an_event(extractor) -> None:
    text = ("QUILLEY POINT, Maine — Riders' advocates had pushed for a full facial recognition "
            "ban like the one Portland, the state's largest city, adopted for its own "
            "departments in 2020.")
    got = facts(extractor.extract(text, date(2022, 6, 2)))
    assert got == {("Portland", "ME", "ban", "enacted", "2020")}


def test_two_federal_bills_in_one_week_are_two_proposals(extractor) -> None:
    text = ("WASHINGTON (Wire) — The House of Representatives on Thursday passed a broad policing "
            "bill that would prohibit facial recognition on body cameras used by federal "
            "officers. Separately, a group of senators introduced legislation this week that "
            "would halt federal use of facial recognition until Congress explicitly allows it.")
    got = keys(extractor.extract(text, date(2020, 6, 26)))
    assert got == {("United States", None, "ban", "proposed"),
                   ("United States", None, "moratorium", "proposed")}


def test_a_towns_ban_named_by_its_possessive_and_dated_by_its_passage(extractor) -> None:
    text = ("A state district judge on Thursday refused to block Vossburg's ban on police facial "
            "recognition, the ordinance the Iowa city's council passed on June 14 over the "
            "objections of the local police union.")
    got = facts(extractor.extract(text, date(2022, 7, 8)))
    assert got == {("Vossburg", "IA", "ban", "enacted", "2022-06-14")}


def test_a_town_hall_names_a_town(extractor) -> None:
    text = ("More than a hundred people filled Brackenbury City Hall on Tuesday. Council "
            "President Lena Marchetti said a draft ordinance prohibiting police from using "
            "facial recognition is already before the council's public safety committee. "
            "Police Chief Arnie Kobel said the Montana city's department owns no such software.")
    got = keys(extractor.extract(text, date(2023, 6, 22)))
    assert got == {("Brackenbury", "MT", "ban", "proposed")}


def test_replacing_the_near_total_ban_repeals_it(extractor) -> None:
    text = ("RICHMOND — Starting today, local police in Virginia may again run facial "
            "recognition searches under a law that takes effect on the first of July. Governor "
            "Glenn Youngkin signed the measure this spring, replacing the near-total ban that "
            "lawmakers approved last year.")
    got = facts(extractor.extract(text, date(2022, 7, 1)))
    assert got == {("Virginia", "VA", "repeal", "enacted", "2022"),
                   ("Virginia", "VA", "ban", "enacted", "2021")}


def test_a_commissioner_who_put_the_pause_forward(extractor) -> None:
    text = ("By a 3-2 vote on Tuesday, Halberd County commissioners in Colorado rejected a "
            "one-year moratorium on the sheriff's use of facial recognition. Commissioner Ines "
            "Calloway had put the pause forward in September after a man was jailed on a "
            "mistaken match.")
    got = facts(extractor.extract(text, date(2023, 11, 16)))
    assert got == {("Halberd County", "CO", "moratorium", "failed", "2023-11-14"),
                   ("Halberd County", "CO", "moratorium", "proposed", "2023-09")}


def test_years_after_forbidding_it_the_town_reversed_course(extractor) -> None:
    text = ("CORRIGAN SPRINGS, Nev. — Three years after forbidding its police from using facial "
            "recognition, Corrigan Springs has partly reversed course. The City Council voted "
            "5-2 last month to let detectives request face searches in homicide cases.")
    got = facts(extractor.extract(text, date(2023, 11, 9)))
    assert got == {("Corrigan Springs", "NV", "ban", "enacted", "2020"),
                   ("Corrigan Springs", "NV", "repeal", "enacted", "2023-10")}


def test_the_mayors_name_in_the_headline_and_a_comparison(extractor) -> None:
    title = "Wheeler's council approves the nation's broadest face-recognition bans"
    text = ("PORTLAND — The Oregon city's council on Wednesday adopted two ordinances that "
            "together go further than any other city's rules on facial recognition. The first "
            "forbids city bureaus to acquire or use the technology; the second bars private "
            "businesses from using it. The private-sector ban does not take effect until "
            "January 1. Mayor Ted Wheeler voted for both measures.")
    got = facts(extractor.extract(text, date(2020, 9, 10), title=title))
    assert got == {("Portland", "OR", "ban", "enacted", "2020-09-09")}


def test_exceptions_to_a_prohibition_named_after_a_colon(extractor) -> None:
    text = ("BRUSSELS — European Union governments on Tuesday gave their final approval to the "
            "Artificial Intelligence Act. The law forbids police from using real-time remote "
            "biometric identification in public spaces. That prohibition comes with "
            "exceptions: with prior authorization from a judge, police may use live face "
            "matching to search for victims of abduction.")
    got = facts(extractor.extract(text, date(2024, 5, 22)))
    assert ("European Union", None, "restriction", "enacted", "2024-05-21") in got


def test_a_matching_pause_two_days_later(extractor) -> None:
    text = ("Linwick's selectboard voted on Dec. 14 to impose an 18-month moratorium on facial "
            "recognition by town departments. Two days later the Linwick school board adopted a "
            "matching pause for cameras in the New Hampshire town's three schools.")
    got = facts(extractor.extract(text, date(2022, 1, 12)))
    assert got == {("Linwick", "NH", "moratorium", "enacted", "2021-12-14"),
                   ("Linwick School Board", "NH", "moratorium", "enacted", "2021-12-16")}


def test_a_rejected_repeal_records_the_prohibition_it_defended(extractor) -> None:
    text = ("QUENBY, Kan. — In neighboring Tolliver County, the county commission on Monday "
            "rejected 2-1 a proposal to repeal the county's own prohibition on facial "
            "recognition.")
    got = facts(extractor.extract(text, date(2024, 9, 19)))
    assert got == {("Tolliver County", "KS", "repeal", "failed", "2024-09-16"),
                   ("Tolliver County", "KS", "ban", "enacted", None)}


def test_only_to_those_that_pass_a_review_in_the_same_statement(extractor) -> None:
    text = ("Cinderpoint, the Austin-based maker of store cameras, said Wednesday it has stopped "
            "selling its face-matching software to retailers. The company will keep selling the "
            "software to government agencies, but only to those that pass a review of their "
            "written policies.")
    got = facts(extractor.extract(text, date(2024, 11, 7)))
    assert got == {("Cinderpoint", None, "exit", "enacted", "2024-11-06"),
                   ("Cinderpoint", None, "restriction", "enacted", "2024-11-06")}


def test_a_term_belongs_to_its_own_clauses_act(extractor) -> None:
    text = ("IBM said on Monday that it would no longer offer general-purpose facial "
            "recognition software, and two days later Amazon announced a one-year pause on "
            "police use of Rekognition.")
    got = {(e.actor, e.action, e.date, e.until)
           for e in extractor.extract(text, date(2020, 6, 12))}
    assert got == {("IBM", "exit", "2020-06-08", None),
                   ("Amazon", "moratorium", "2020-06-10", "2021-06-10")}


def test_a_ban_of_fireworks_beside_the_topic_is_no_event(extractor) -> None:
    text = ("The town of Harlan, Kentucky, banned fireworks and plastic bags last year; it has "
            "taken no position on facial recognition.")
    assert extractor.extract(text, date(2023, 6, 15)) == []


def test_a_relative_clause_after_a_pair_dates_both(extractor) -> None:
    text = ("Cambridge's City Council voted 9-0 last week to prohibit city departments from "
            "using facial recognition, joining Somerville and Brookline, which passed similar "
            "measures in 2019.")
    assert facts(extractor.extract(text, date(2020, 1, 20))) == {
        ("Cambridge", "MA", "ban", "enacted", "2020-01"),
        ("Somerville", "MA", "ban", "enacted", "2019"),
        ("Brookline", "MA", "ban", "enacted", "2019")}


def test_the_bill_that_died_dates_the_failure_just_told(extractor) -> None:
    text = ("State senators in Minnesota could not muster enough votes to advance a proposed "
            "moratorium on police use of facial recognition, and the bill died in committee "
            "on Friday.")
    assert facts(extractor.extract(text, date(2021, 3, 2))) == {
        ("Minnesota", "MN", "moratorium", "failed", "2021-02-26")}


def test_a_county_home_to_a_big_city_is_in_that_citys_state(extractor) -> None:
    text = ("Officials in King County, home to Seattle, on Tuesday became the first county in "
            "the nation to ban government use of face recognition software.")
    assert keys(extractor.extract(text, date(2021, 6, 2))) == {
        ("King County", "WA", "ban", "enacted")}


def test_a_vote_against_with_the_tally_between_fails_the_measure(extractor) -> None:
    text = ("In Aurora, Colorado, the city council voted 6-5 Monday against a measure that "
            "would have limited police use of facial recognition.")
    assert facts(extractor.extract(text, date(2022, 11, 10))) == {
        ("Aurora", "CO", "restriction", "failed", "2022-11-07")}


def test_rejecting_calls_for_a_ban_rejects_no_measure(extractor) -> None:
    text = ("The Virginia Beach City Council approved the police department's use of facial "
            "recognition on Tuesday, rejecting calls for a ban.")
    assert extractor.extract(text, date(2021, 6, 18)) == []


def test_an_amendment_removing_the_ban_is_its_failure(extractor) -> None:
    text = ("The Massachusetts legislature sent the governor a police reform bill on Tuesday "
            "that would have banned most government use of facial recognition. Gov. Charlie "
            "Baker returned it with an amendment removing the ban.")
    assert keys(extractor.extract(text, date(2020, 12, 11))) == {
        ("Massachusetts", "MA", "ban", "failed")}


def test_a_governor_whose_surname_looks_like_a_town_is_a_person(extractor) -> None:
    text = ("Maine Governor Janet Mills allowed a bill restricting government use of facial "
            "recognition to become law on Wednesday.")
    assert keys(extractor.extract(text, date(2021, 7, 1))) == {
        ("Maine", "ME", "restriction", "enacted")}


def test_a_chamber_the_bill_cleared_and_an_approval_it_still_needs(extractor) -> None:
    text = ("A bill to ban facial recognition in New York schools cleared the state Senate on "
            "Monday but still needs Assembly approval.")
    assert keys(extractor.extract(text, date(2023, 2, 15))) == {
        ("New York", "NY", "ban", "proposed")}


def test_forbidding_use_on_video_streams_is_part_of_a_restriction(extractor) -> None:
    text = ("The city has not banned facial recognition. Instead, in September 2019 its Board "
            "of Police Commissioners in Detroit approved a policy that limits the police "
            "department to face searches on still images, and forbids using it on live or "
            "recorded video streams.")
    assert keys(extractor.extract(text, date(2020, 6, 26))) == {
        ("Detroit Board of Police Commissioners", "MI", "restriction", "enacted")}


def test_a_vote_postponed_until_april_is_no_end_of_the_measure(extractor) -> None:
    text = ("The Austin City Council postponed a vote on a proposed moratorium on facial "
            "recognition until April.")
    events = extractor.extract(text, date(2021, 3, 10))
    assert [(e.actor, e.action, e.status, e.until) for e in events] == [
        ("Austin", "moratorium", "proposed", None)]


def test_a_vote_on_the_ordinance_gives_the_day_of_the_week_just_told(extractor) -> None:
    text = ("San Francisco last week became the first major U.S. city to ban government use of "
            "facial recognition. The Board of Supervisors voted 8-1 on Tuesday for the "
            "ordinance, which also requires approval for other surveillance tools.")
    assert facts(extractor.extract(text, date(2019, 5, 20))) == {
        ("San Francisco", "CA", "ban", "enacted", "2019-05-14")}


def test_an_aside_between_dashes_keeps_the_subject(extractor) -> None:
    text = ("Springfield — the one in Illinois — became the latest city to consider a facial "
            "recognition ban when an alderman filed an ordinance Monday.")
    assert facts(extractor.extract(text, date(2020, 12, 2))) == {
        ("Springfield", "IL", "ban", "proposed", "2020-11-30")}


def test_a_scheduled_vote_gives_way_to_the_day_it_was_introduced(extractor) -> None:
    text = ("The Portland City Council, in the Oregon city, will vote Wednesday on the nation's "
            "strictest facial recognition ban, which Commissioner Jo Ann Hardesty introduced "
            "in June.")
    assert facts(extractor.extract(text, date(2020, 9, 15))) == {
        ("Portland", "OR", "ban", "proposed", "2020-06")}


def test_a_company_making_its_pause_permanent_exits(extractor) -> None:
    text = ("Amazon has quietly made its moratorium on police use of facial recognition "
            "permanent, according to a spokesperson.")
    assert keys(extractor.extract(text, date(2021, 5, 19))) == {
        ("Amazon", None, "exit", "enacted")}


def test_a_countrys_privacy_watchdog_blocking_a_system_is_its_ban_not_the_nations(
        extractor) -> None:
    # the real-news convention: a regulator's order to stop is the agency's own ban
    text = ("ROME — Italy's privacy watchdog on Wednesday blocked the Interior Ministry from "
            "deploying a real-time facial recognition system, saying it lacked a legal basis.")
    got = [(e.actor, e.actor_type, e.country, e.action, e.status, e.date)
           for e in extractor.extract(text, date(2021, 4, 15))]
    assert got == [("Italian Data Protection Authority", "agency", "IT", "ban", "enacted",
                    "2021-04-14")]
