from __future__ import annotations

from datetime import date

import pytest

from banwatch.extract.dates import (
    PATTERNS,
    RESOLVERS,
    PartialDate,
    find_dateline,
    find_dates,
    resolve,
)

BASE = date(2020, 6, 25)  # a Thursday


def one(
    text: str,
    base: date | None = BASE,
    anchor: PartialDate | None = None,
    hint: PartialDate | None = None,
) -> str | None:
    found = find_dates(text)
    assert found, text
    value = resolve(found[0], base, anchor=anchor, year_hint=hint)
    return value.iso() if value else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on May 14, 2019", "2019-05-14"),
        ("on 14 May 2019", "2019-05-14"),
        ("in May 2019", "2019-05"),
        ("in 2019", "2019"),
        ("since 1978", "1978"),  # Massachusetts' cash law, the oldest a story recalls
        ("late 2020", "2020"),
        ("2019-05-14", "2019-05-14"),
        ("5/14/2019", "2019-05-14"),
        ("on Tuesday", "2020-06-23"),
        ("on Thursday", "2020-06-25"),
        ("yesterday", "2020-06-24"),
        ("last month", "2020-05"),
        ("earlier this year", "2020"),
        ("last year", "2019"),
        ("in December", "2019-12"),
        ("on June 24", "2020-06-24"),
        ("Sept. 9", "2019-09-09"),
        ("in June of last year", "2019-06"),
        ("in March this year", "2020-03"),
    ],
)
def test_resolution_against_the_publication_date(text: str, expected: str) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the day after", "2019-05-15"),
        ("the next day", "2019-05-15"),
        ("two months later", "2019-07"),
        ("a year later", "2020"),
        ("soon after", "2019-05"),
        ("three days later", "2019-05-17"),
        ("the same night", "2019-05-14"),
        ("later that year", "2019"),
        ("later that month", "2019-05"),
        ("the following spring", "2020"),
        ("the following winter", "2019"),
        ("followed that fall", "2019"),
    ],
)
def test_resolution_against_the_previous_event(text: str, expected: str) -> None:
    assert one(text, anchor=PartialDate(2019, 5, 14)) == expected


def test_following_season_after_a_year_only_anchor() -> None:
    # "debated through the autumn of 2021 and adopted the following spring"
    assert one("adopted the following spring", anchor=PartialDate(2021)) == "2022"


def test_that_month_takes_the_year_in_view() -> None:
    assert one("the law he signed that December", hint=PartialDate(2020)) == "2020-12"


def test_bare_month_follows_a_recent_explicit_year() -> None:
    assert one("in July", hint=PartialDate(2019, 5)) == "2019-07"
    assert one("in January", hint=PartialDate(2019, 5)) == "2020-01"


def test_unresolvable_without_a_base() -> None:
    assert one("on Tuesday", base=None) is None
    assert one("on May 14, 2019", base=None) == "2019-05-14"


#: a page that gives only "November 2021": months, years and "last month" still count from
#: it; a weekday, "yesterday" or a week cannot
@pytest.mark.parametrize(("text", "expected"), [
    ("in June", "2021-06"),
    ("in December", "2020-12"),
    ("on June 8", "2021-06-08"),
    ("last year", "2020"),
    ("earlier this month", "2021-11"),
    ("last month", "2021-10"),
    ("two years ago", "2019"),
    ("three months ago", "2021-08"),
    ("today", "2021-11"),
    ("in June of last year", "2020-06"),
    ("on Tuesday", None),
    ("yesterday", None),
    ("last week", None),
    ("two days ago", None),
    ("on May 14, 2019", "2019-05-14"),
])
def test_resolution_against_a_publication_month(text: str, expected: str | None) -> None:
    found = find_dates(text)
    assert found, text
    value = resolve(found[0], PartialDate(2021, 11))
    assert (value.iso() if value else None) == expected


def test_modal_may_is_not_a_month() -> None:
    assert find_dates("The council may ban it.") == []
    assert [m.text for m in find_dates("The ban passed in May.")] == ["May"]
    assert find_dates("The company stopped, and this may include its records.") == []


def test_numbers_that_are_not_years() -> None:
    assert find_dates("It has $2019 and 2019 cameras.") == []


def test_dateline() -> None:
    m = find_dateline("BOSTON, June 24 — The council voted")
    assert m is not None and m.text == "June 24"
    assert find_dateline("PORTLAND, Ore. (AP) — The council") is None
    assert find_dateline("The council voted on June 24 — again.") is None


def test_partial_date_round_trip() -> None:
    assert PartialDate.parse("2019-05").iso() == "2019-05"
    assert PartialDate.parse("nonsense") is None
    assert PartialDate(2019).precision == 1


def test_the_following_spring_counts_from_the_date_just_written(extractor) -> None:
    title = "Mardle Springs extends facial recognition freeze in June 26 vote"
    text = ("The City Council has voted 4-1 to keep Mardle Springs' moratorium on city use of "
            "facial recognition in place for two more years. The pause, which the council "
            "debated through the autumn of 2021 and adopted the following spring, would "
            "otherwise have lapsed at the end of this month. The Nevada city has about 30,000 "
            "residents.")
    got = {(e.action, e.date) for e in extractor.extract(text, date(2024, 6, 27), title=title)}
    assert got == {("extension", "2024-06-26"), ("moratorium", "2022")}


def test_a_possessive_day_belongs_to_its_noun(extractor) -> None:
    text = ("Microsoft backed a Washington state law, signed in March, that requires agencies to "
            "obtain a warrant before using facial recognition for ongoing surveillance. Critics "
            "of that law said it was written to permit use rather than to limit it, and some "
            "advocates said Thursday's pledge left questions open.")
    got = {(e.actor, e.action, e.date) for e in extractor.extract(text, date(2020, 6, 12))}
    assert ("Washington", "restriction", "2020-03") in got


@pytest.mark.parametrize("text", [
    "the Traveler Privacy Protection Act of 2023",  # a bill's name
    "used in its stores from 2012 to 2020",  # how long, not when an act happened
    "tested between 2018 and 2019",
])
def test_no_date_of_an_act(text: str) -> None:
    assert [resolve(m, BASE) for m in find_dates(text)] in ([], [None])


def test_every_kind_of_date_has_a_resolver() -> None:
    assert {kind for kind, _ in PATTERNS} == set(RESOLVERS)


@pytest.mark.parametrize(("text", "expected"), [
    ("must stop renting scooters by Wednesday, Sept. 2, and", ["Sept. 2"]),
    ("On Tuesday, Jan. 21, the council voted", ["Jan. 21"]),
    ("Friday, March 6, 2020", ["March 6, 2020"]),
    ("voted on Friday. March 6 was the deadline", ["Friday", "March 6"]),
])
def test_a_weekday_before_the_date_it_names_gives_way(text: str, expected: list[str]) -> None:
    """"by Wednesday, Sept. 2": the spelled-out date says which Wednesday (counted back
    from the page alone, the weekday would be last week's)."""
    assert [m.text for m in find_dates(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the interval opens the sentence and no act was told before: counted back from the news
    ("TRENTHAM, Vt. — Two years after Trentham barred its police from using facial "
     "recognition, the city council is reversing course and will allow it for missing "
     "persons cases.", {("ban", "2021"), ("repeal", "2023-05-10")}),
    # the main clause's act is not two years before anything
    ("TRENTHAM, Vt. — Two years after Trentham barred its police from using facial "
     "recognition, the city council repealed the ban on Tuesday.",
     {("ban", "2021"), ("repeal", "2023-05-09")}),
])
def test_an_interval_opening_the_story_counts_back_from_the_news(
        extractor, text: str, expected: set[tuple[str, str]]) -> None:
    got = {(e.action, e.date) for e in extractor.extract(text, date(2023, 5, 10))}
    assert got == expected
