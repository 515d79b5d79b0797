"""A second technology, configured as data, on the kinds the real-news set showed.

Cashless stores: shops and restaurants that refuse cash. The passages are our own words
about real public events (Philadelphia's law of March 2019, New Jersey's of the same
month, New York City's of January 2020, Massachusetts' law of 1978).
"""

from __future__ import annotations

from datetime import date

import pytest

from banwatch.extract.extractor import Extractor
from banwatch.extract.topics import topic_from_mapping

CASHLESS = topic_from_mapping({
    "name": "cashless-stores",
    "technology": "cashless stores",
    "terms": ["cashless", "cash-free", "accept cash", "take cash"],
    "cues": [["accept cash", "ban"], ["take cash", "ban"]],
})

CASES = [
    pytest.param(
        "New York City and Philadelphia have banned cashless stores.",
        date(2020, 2, 1),
        {("New York City", "NY", "ban", "enacted"), ("Philadelphia", "PA", "ban", "enacted")},
        id="new-york-city-is-no-state-before-the-next-name",
    ),
    pytest.param(
        "Philadelphia now requires shops to accept cash, as do the states of New Jersey and "
        "Massachusetts.",
        date(2019, 3, 8),
        {("Philadelphia", "PA", "ban", "enacted"), ("New Jersey", "NJ", "ban", "enacted"),
         ("Massachusetts", "MA", "ban", "enacted")},
        id="as-do-repeats-the-act",
    ),
    pytest.param(
        "Massachusetts has outlawed cashless shops since 1978, as has the city of "
        "Philadelphia more recently.",
        date(2019, 5, 8),
        {("Massachusetts", "MA", "ban", "enacted"), ("Philadelphia", "PA", "ban", "enacted")},
        id="as-has-the-city-of",
    ),
    pytest.param(
        "Colorado's new law came after a shopper in Pueblo said her usual store refused to "
        "accept cash.",
        date(2021, 5, 20),
        set(),
        id="a-store-refusing-cash-is-the-practice-not-a-measure",
    ),
    pytest.param(
        "The Chicago City Council is weighing an ordinance that would bar shops from refusing "
        "to accept cash.",
        date(2017, 12, 6),
        {("Chicago", "IL", "ban", "proposed")},
        id="barred-from-refusing-is-no-failure",
    ),
    pytest.param(
        "Council vote postponed on an ordinance requiring Chicago businesses to accept cash",
        date(2017, 12, 6),
        {("Chicago", "IL", "ban", "proposed")},
        id="the-town-whose-businesses-a-measure-binds",
    ),
    pytest.param(
        "Chicago Alderman Edward Burke introduced a bill in 2017 that would have made shops "
        "accept cash.",
        date(2019, 3, 1),
        {("Chicago", "IL", "ban", "proposed")},
        id="what-a-bill-would-have-done-is-its-proposal",
    ),
    pytest.param(
        "New legislation passed by the New York City Council on Thursday prohibits restaurants "
        "and shops from rejecting payments in cash. Supporters of this bill say cashless "
        "businesses shut out people without bank cards.",
        date(2020, 1, 27),
        {("New York City", "NY", "ban", "enacted")},
        id="the-next-sentence-names-the-measures-topic",
    ),
    pytest.param(
        "Advocates are urging US retailers to accept cash from every shopper.",
        date(2019, 4, 2),
        set(),
        id="a-countrys-retailers-are-urged-not-bound",
    ),
    pytest.param(
        "State legislators in New Jersey passed a bill in February 2019 that will make it "
        "illegal to run cashless stores in the state.",
        date(2019, 2, 6),
        {("New Jersey", "NJ", "ban", "enacted")},
        id="making-it-illegal-bans",
    ),
    pytest.param(
        "On Thursday the New York City Council passed a bill that sets fines for shops and "
        "restaurants that refuse to accept cash.",
        date(2020, 1, 24),
        {("New York City", "NY", "ban", "enacted")},
        id="fines-on-refusing-cash-mandate-it",
    ),
    pytest.param(
        "A bill on its way to Gov. Jared Polis's desk would make Colorado shops take cash.",
        date(2021, 6, 10),
        {("Colorado", "CO", "ban", "enacted")},
        id="a-bill-on-its-way-to-the-governor-has-passed",
    ),
    pytest.param(
        "Colorado's cash bill, which would make shops take cash, is headed to the governor.",
        date(2021, 6, 10),
        {("Colorado", "CO", "ban", "enacted")},
        id="a-bill-headed-to-the-governor-has-passed",
    ),
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(topics=[CASHLESS])


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_cashless_kinds(extractor: Extractor, text: str, published: date,
                        expected: set[tuple]) -> None:
    got = {(e.actor, e.region, e.action, e.status) for e in extractor.extract(text, published)}
    assert got == expected


SCOOTERS = {
    "name": "shared-scooters",
    "technology": "shared scooters",
    "terms": ["scooters", "e-scooters", "electric scooters"],
}


@pytest.fixture(scope="module")
def scooters() -> Extractor:
    return Extractor(topics=[topic_from_mapping(SCOOTERS)])


@pytest.mark.parametrize(("text", "published", "expected"), [
    pytest.param(
        "Electric scooters will stay in Nashville after the Metro Council's rejection of an "
        "outright ban on Tuesday.",
        date(2019, 8, 21),
        {("Nashville", "TN", "ban", "failed")},
        id="a-councils-rejection-of-a-ban",
    ),
    pytest.param(
        "The scooters top out at 15 mph, since most cities have a 15 mph limit.",
        date(2018, 5, 1),
        set(),
        id="a-speed-limit-is-no-restriction",
    ),
    pytest.param(
        "Madrid's city council said on Thursday it will revoke the operating licences of the "
        "three companies renting out e-scooters in the city.",
        date(2024, 9, 6),
        {("Madrid", None, "ban", "enacted")},
        id="revoking-the-operators-licences-bans",
    ),
    pytest.param(
        "Electric scooters crowd the sidewalks of Los Angeles. A spokesman for an operator "
        "said the company supports regulations that keep riders safe.\n\nBeverly Hills "
        "recently imposed a six-month ban and Santa Monica police have cracked down on riders.",
        date(2018, 8, 1),
        {("Beverly Hills", "CA", "moratorium", "enacted")},
        id="a-ban-named-before-and",
    ),
    pytest.param(
        "The Georgia manager for the scooter operator said in a statement that it will comply "
        "with the nighttime ban on scooters.",
        date(2019, 8, 8),
        set(),
        id="complying-with-a-ban-is-no-act",
    ),
    pytest.param(
        "Auckland Council suspended the operator's licence to rent scooters on Friday and "
        "warned it to fix a braking fault or risk permanently losing access to the city.",
        date(2019, 2, 24),
        {("Auckland", None, "moratorium", "enacted")},
        id="an-act-only-risked-is-no-exit",
    ),
    pytest.param(
        "A Nevada bill that would give local governments the power to ban electric scooters "
        "in some areas cleared its first committee on Tuesday.",
        date(2019, 4, 10),
        set(),
        id="the-power-to-ban-is-no-ban",
    ),
])
def test_scooter_kinds(scooters: Extractor, text: str, published: date,
                      expected: set[tuple]) -> None:
    got = {(e.actor, e.region, e.action, e.status) for e in scooters.extract(text, published)}
    assert got == expected


@pytest.fixture(scope="module")
def operators() -> Extractor:
    """The scooter topic with the operators whose names are everyday words."""
    return Extractor(topics=[topic_from_mapping({**SCOOTERS, "companies": ["Bird", "Lime"]})])


def test_a_company_told_of_a_plan_is_no_actor(operators: Extractor) -> None:
    """"impressed upon Bird and Lime that the city was considering a ban": the operators
    are told, the city considers (Cincinnati, April 2022)."""
    text = ("After an April 22 meeting, Cincinnati's transportation department impressed upon "
            "Bird and Lime that the city was considering a ban on rental e-scooters.")
    got = {(e.actor, e.region, e.action, e.status)
           for e in operators.extract(text, date(2022, 5, 16))}
    assert got == {("Cincinnati", "OH", "ban", "proposed")}


def test_a_topics_own_companies_act_where_the_ner_sees_a_word(scooters: Extractor,
                                                             operators: Extractor) -> None:
    # "Bird" is an everyday word: only the topic's ``companies`` make it a business
    # (Bird left Corpus Christi in January 2019; the words are ours)
    text = "Bird said on Monday that its scooters are leaving Corpus Christi."
    published = date(2019, 1, 29)
    assert scooters.extract(text, published) == []
    assert [(e.actor, e.actor_type, e.action, e.status, e.date)
            for e in operators.extract(text, published)] == [
        ("Bird", "company", "exit", "enacted", "2019-01-28")]


def test_a_topics_own_business_leaving_markets_leaves_the_technology(
        operators: Extractor) -> None:
    """"Rental operator Bird is pulling out of ten markets": one of the topic's own
    businesses exits in a story on the topic, though its sentence never names the
    technology (Bird left several markets in 2019; the words are ours)."""
    text = ("Rental operator Bird is exiting ten U.S. markets, its chief executive wrote on "
            "Friday. The company had run electric scooters in each of them since 2018.")
    got = {(e.actor, e.action, e.status, e.date)
           for e in operators.extract(text, date(2019, 11, 25))}
    assert got == {("Bird", "exit", "enacted", "2019-11-22")}
    # (a business of no topic leaving a market is not the topic's)
    other = text.replace("Bird", "Greyhound")
    assert operators.extract(other, date(2019, 11, 25)) == []


#: one-event readings of the scooter topic: (extractor fixture, text, published, the event
#: fields compared, what they must be); the events are real, the words ours
SCOOTER_READINGS = [
    pytest.param(
        # Tallahassee added a third operator to its pilot in November 2019
        "scooters",
        "Riders may not use e-scooters on Tallahassee sidewalks under a ban the city passed "
        "in 2019. On Tuesday, the Tallahassee City Commission authorized another e-scooter "
        "company, Wheels, to join the pilot.",
        date(2019, 11, 14), ("actor", "action", "status", "date"),
        [("Tallahassee", "ban", "enacted", "2019")],
        id="joining-a-pilot-copies-no-act",  # the ban told before keeps its own year
    ),
    pytest.param(
        # Dallas's transportation department ordered scooter rentals off its streets at
        # the end of August 2020
        "scooters",
        "The City of Dallas Transportation Department on Monday ordered companies to remove "
        "their scooters from the city.",
        date(2020, 9, 1), ("actor", "actor_type", "region", "action", "status", "date"),
        [("Dallas Transportation Department", "agency", "TX", "ban", "enacted", "2020-08-31")],
        id="a-towns-department-acts-in-its-own-name",
    ),
    pytest.param(
        # Lime took its scooters out of San Antonio in January 2020
        "operators",
        "Lime said on Thursday that it is pulling its scooters out of San Antonio.",
        date(2020, 1, 10), ("actor", "action", "status", "date"),
        [("Lime", "exit", "enacted", "2020-01-09")],
        id="an-operator-pulling-its-fleet-out-leaves",
    ),
    pytest.param(
        # San Diego State University banned most motorized scooters on campus in 2019
        "scooters",
        "San Diego State University said on Monday that it has banned e-scooters on campus. "
        "Researchers at the University of Essex found no such rules in Britain.",
        date(2019, 8, 20), ("actor", "actor_type", "region", "action", "status"),
        [("San Diego State University", "agency", "CA", "ban", "enacted")],
        id="a-university-acts-on-its-own-campus",
    ),
]


@pytest.mark.parametrize(("fixture", "text", "published", "fields", "expected"),
                         SCOOTER_READINGS)
def test_scooter_readings(request: pytest.FixtureRequest, fixture: str, text: str,
                          published: date, fields: tuple[str, ...],
                          expected: list[tuple]) -> None:
    extractor: Extractor = request.getfixturevalue(fixture)
    assert [tuple(getattr(e, f) for f in fields)
            for e in extractor.extract(text, published)] == expected


def test_a_topics_own_cue_puts_a_sentence_on_the_topic() -> None:
    """"would require retailers to take cash" is about cashless stores though it never says
    "cashless": a topic's own action phrase tells of that topic alone."""
    topic = topic_from_mapping({"name": "cash-acceptance", "technology": "cashless stores",
                                "terms": ["cashless"], "cues": [["take cash", "ban"]]})
    assert "take cash" in topic.matched_terms
    events = Extractor(topics=[topic]).extract(
        "An alderman's proposal in Chicago would require retailers to take cash.", date(2019, 3, 1))
    assert {(e.actor, e.region, e.action, e.status) for e in events} == {
        ("Chicago", "IL", "ban", "proposed")}


def test_a_citys_name_and_state_alone_name_its_university(scooters: Extractor) -> None:
    # San Jose State banned motorized scooters from its campus in February 2019; "New York
    # State" before a verb is the state itself
    text = ("San Jose State officials on Monday banned electric scooters from the campus. "
            "New York State lawmakers are weighing a ban on scooters too.")
    got = {(e.actor, e.region, e.action, e.status)
           for e in scooters.extract(text, date(2019, 2, 26))}
    assert ("San Jose State University", "CA", "ban", "enacted") in got
    assert not any(actor == "San Jose" for actor, *_ in got)


@pytest.mark.parametrize(("text", "published", "expected"), [
    pytest.param(
        "Lyft said it will be pulling its scooters from Dallas before the month is out.",
        date(2019, 11, 16),
        {("Lyft", "exit", "enacted", "2019-11-16")},
        id="pulling-its-scooters-from",
    ),
    pytest.param(
        "Tallahassee's electric scooters lose a vendor\n\nLime told the city it would cease "
        "its operations in Tallahassee.",
        date(2019, 11, 15),
        {("Lime", "exit", "enacted", "2019-11-15")},
        id="cease-its-operations",
    ),
    pytest.param(
        "Tallahassee is looking for a new vendor to rent out electric scooters, a search "
        "it began in August when Gotcha pulled out.",
        date(2019, 11, 15),
        {("Gotcha", "exit", "enacted", "2019-08")},
        id="pulled-out-at-the-end",
    ),
    pytest.param(
        "On Saturday Lyft said it would end its operations in Dallas on Nov. 22 and take its "
        "scooters off the streets.",
        date(2019, 11, 16),
        {("Lyft", "exit", "enacted", "2019-11-16")},
        id="a-later-day-is-when-it-takes-effect",
    ),
    pytest.param(
        "Pittsburgh said on Friday it is ending its e-scooters pilot after two years.",
        date(2023, 7, 8),
        {("Pittsburgh", "ban", "enacted", "2023-07-07")},
        id="a-city-ending-its-program-bans",
    ),
    pytest.param(
        "The Dallas transportation department on Monday ordered scooter rental companies to "
        "cease operation in the city.",
        date(2020, 8, 31),
        {("Dallas", "ban", "enacted", "2020-08-31")},
        id="ordering-a-whole-trade-out-bans",
    ),
])
def test_operators_leaving_a_market(text: str, published: date, expected: set[tuple]) -> None:
    """Stop 35's exit idioms (Lyft left Dallas in November 2019; Lime and Gotcha left
    Tallahassee's pilot in 2019; Pittsburgh ended its scooter program in July 2023; Dallas
    ordered the operators off its streets in August 2020; the words are ours): a business
    that pulls its fleet out or ends its operations exits, and a government that ends its
    program or orders the trade out bans; a day after the story's is when an exit takes
    effect."""
    extractor = Extractor(topics=[topic_from_mapping(
        {**SCOOTERS, "terms": [*SCOOTERS["terms"], "scooter"],
         "companies": ["Lyft", "Lime", "Gotcha"]})])
    got = {(e.actor, e.action, e.status, e.date) for e in extractor.extract(text, published)}
    assert got == expected
