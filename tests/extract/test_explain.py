"""``--explain``: which rule made each event, and which named check dropped a clause.

Every check of the veto tables (``extract.rules.vetoes``), every other reason the clause
reader gives up, and every check by which merging drops a group as an echo of another
event (``extract.merge.GROUP_DROPS``) has a case here, in words written for this test; a
check added without one fails ``test_every_named_check_has_a_case``.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from banwatch.extract import merge
from banwatch.extract.explain import explained_records
from banwatch.extract.rules import vetoes

# (passage, the check that drops its clause)
DROPPED = [
    ("Madison Square Garden Entertainment uses facial recognition to ban lawyers from its "
     "arenas.", "the_technology_enforces"),
    ("The French regulator found that Clearview AI had violated privacy law by restricting "
     "people's access to the facial recognition data it holds on them.",
     "how_a_rule_was_broken"),
    ("Mayor Ellen Park of Somerville said she would veto any ban on facial recognition.",
     "threatened"),
    ("A state judge declined to force the Brackwater County Sheriff's Office to suspend "
     "facial recognition.", "refused_to_order"),
    ("Council members in Alder Vale, Utah, said no one had proposed either buying facial "
     "recognition technology or banning it.", "nobody_acted"),
    ("Senator Ana Ruiz of Ohio hopes to bring forward legislation limiting facial "
     "recognition.", "vague_intent"),
    ("The effort includes a petition drive to ban the use of facial recognition on campus at "
     "universities such as DePaul University in Chicago.", "movement_to_act"),
    ("Facebook, Google and other tech firms have demanded Clearview stop hoovering up user "
     "images for its facial recognition algorithm.", "a_company_demands"),
    ("Massachusetts should press pause on facial recognition.", "demand_only"),
    ("\"It is time for a federal ban on facial recognition,\" said an organizer in Seattle.",
     "demand_only"),
    ("The governor of Ohio had objected to broader limits on facial recognition.", "opposed"),
    ("Somerville's police chief said he agreed with the ban on facial recognition.",
     "opinion"),
    ("It is unclear whether Dane County will ban facial recognition.", "hypothetical"),
    ("A ban could cut off that option for police using facial recognition in Somerville.",
     "ban_in_general"),
    ("The regulator ordered Clearview AI to delete the faceprints it holds of people in "
     "France.", "penalty_only"),
    ("Somerville has not banned facial recognition.", "negated"),
    ("Ohio's rules on how police may use facial recognition are thin.", "existing_rules"),
    ("Amazon did not agree to drop its facial recognition feature.", "company_declined"),
    ("Facial recognition vendors see the EU's AI Act as a benchmark law.",
     "measure_named_only"),
    ("The Student Council voted to ban campus police from using facial recognition.",
     "campus_body"),
    ("Somerville voted to ban facial recognition. Residents of Somerville were leaving the "
     "city, but Lime exited the Somerville market.", "not_a_business"),
    ("Clearview AI fined $20 million, banned from processing facial recognition data in "
     "Greece\nThe Hellenic Data Protection Authority found the company broke the law.",
     "banned_party"),
    ("Somerville thus remains without a ban on facial recognition.", "without_measure"),
    ("Facial recognition: Somerville. It was approved on Tuesday, and followed suit.",
     "no_measure"),
    ("Facial recognition bans are spreading. Several followed suit.", "no_action"),
    ("Somerville banned facial recognition. Others followed suit on facial recognition.",
     "no_actor"),
    ("The ACLU called for a moratorium on facial recognition.", "advocate_demand"),
    ("Advocates urged the Somerville council to ban facial recognition.", "call_for_measure"),
]

#: reasons the clause reader gives outside the tables (no action, no actor, a demand)
OTHER_REASONS = {"without_measure", "no_measure", "no_action", "no_actor", "advocate_demand",
                 "call_for_measure"}


@pytest.mark.parametrize(("text", "check"), DROPPED, ids=[c for _, c in DROPPED])
def test_a_dropped_clause_names_its_check(extractor, text: str, check: str) -> None:
    explained = extractor.explain(text, date(2021, 3, 4))
    assert check in [v.check for v in explained.vetoes]
    dropped = [r["dropped"] for r in explained_records(explained) if "dropped" in r]
    assert any(d["check"] == check and d["source"] == "rules" for d in dropped)


def test_every_named_check_has_a_case() -> None:
    tables = (vetoes.ACT_VETOES, vetoes.MEASURE_VETOES, vetoes.STATUS_VETOES,
              vetoes.ACTOR_VETOES)
    named = {v.name for table in tables for v in table}
    assert named | OTHER_REASONS == {check for _, check in DROPPED}
    assert {name for name, _ in merge.GROUP_DROPS} == {check for _, _, check, _ in ECHOES}


# (headline, body, the check that drops the headline's or the loose group, the event kept)
ECHOES = [
    ("Somerville bans facial recognition",
     "The Somerville City Council on Tuesday imposed a moratorium on police use of facial "
     "recognition.", "headline_wording", ("Somerville", "moratorium", "enacted")),
    ("Somerville to ban facial recognition",
     "The Somerville City Council on Tuesday banned police use of facial recognition.",
     "headline_status", ("Somerville", "ban", "enacted")),
    ("Boston scraps facial recognition ban",
     "A proposed ban on facial recognition failed in the Boston City Council on Tuesday.",
     "headline_repeal", ("Boston", "ban", "failed")),
    ("Dane commissioners weigh facial recognition ban",
     "Dane County commissioners proposed a ban on facial recognition on Tuesday.",
     "headline_short_name", ("Dane County", "ban", "proposed")),
    ("Facial recognition ban dies in Olympia",
     "A bill to ban facial recognition failed in the Washington Legislature on Tuesday.",
     "headline_shorthand", ("Washington", "ban", "failed")),
    ("Facial recognition",
     "Boston City Councilor Ana Whitcombe proposed a ban on facial recognition. The Boston "
     "City Council voted down the ban on facial recognition on Tuesday.",
     "failed_later", ("Boston", "ban", "failed")),
]


@pytest.mark.parametrize(("title", "text", "check", "kept"), ECHOES,
                         ids=[c for _, _, c, _ in ECHOES])
def test_an_echo_of_another_event_names_its_check(extractor, title: str, text: str,
                                                   check: str, kept: tuple) -> None:
    explained = extractor.explain(text, date(2021, 3, 4), title)
    assert [(e.actor, e.action, e.status) for e in explained.events] == [kept]
    dropped = [r["dropped"] for r in explained_records(explained) if "dropped" in r]
    assert [d["check"] for d in dropped if d["source"] == "merge"] == [check]


def test_an_event_shows_the_rule_candidate_behind_it(extractor) -> None:
    text = ("The Somerville City Council voted 6-1 on Tuesday to ban police use of facial "
            "recognition technology. Mayor Ellen Park said she would veto any broader ban.")
    records = list(explained_records(extractor.explain(text, date(2021, 3, 4))))
    event, dropped = records[0], records[1]["dropped"]
    assert (event["actor"], event["action"], event["date"]) == ("Somerville", "ban",
                                                                "2021-03-02")
    [candidate] = event["candidates"]
    assert candidate["source"] == "rules"
    assert (candidate["cue"], candidate["date_text"], candidate["sentence"]) == \
        ("ban", "Tuesday", 0)
    assert (dropped["check"], dropped["cue"]) == ("threatened", "ban")
    assert dropped["clause"].startswith("Mayor Ellen Park")
    json.dumps(records)  # what the command prints


def test_without_explain_only_the_events_are_given(extractor) -> None:
    text = ("The Somerville City Council voted on Tuesday to ban facial recognition. "
            "Advocates urged the county to ban it as well.")
    records = list(explained_records(extractor.explain(text, date(2021, 3, 4)),
                                     detailed=False))
    assert [r["actor"] for r in records] == ["Somerville"]
    assert "candidates" not in records[0]
