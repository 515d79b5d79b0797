"""overview_data on hand-made events: current status, maps, timeline, companies, filters."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Engine

from banwatch.overview import OverviewData, current_status, overview_data
from banwatch.overview.data import ActorStatus, EventSummary
from banwatch.overview.render import filter_query
from banwatch.store.db import session_scope
from banwatch.store.events import EventFilters
from banwatch.web.filters import filters_to_params, parse_filters

TODAY = date(2025, 1, 15)

VIRGINIA = (
    {"actor": "Virginia", "level": "state", "region": "VA", "action": "ban", "date": "2021-07-01"},
    {"actor": "Virginia", "level": "state", "region": "VA", "action": "repeal", "date": "2022-07"},
)
NEW_ORLEANS = (
    {"actor": "New Orleans", "region": "LA", "action": "ban", "date": "2020-12-17"},
    {"actor": "New Orleans", "region": "LA", "action": "repeal", "date": "2022-07-21"},
)


def _data(engine: Engine, filters: EventFilters | None = None) -> OverviewData:
    with session_scope(engine) as session:
        return overview_data(session, filters or EventFilters(), today=TODAY)


def _by_actor(actors: Iterable[ActorStatus]) -> dict[str, ActorStatus]:
    return {a.actor: a for a in actors}


def test_a_repealed_state_ban_shows_as_repealed_not_banned(engine, add_events) -> None:
    add_events(*VIRGINIA)
    virginia = _by_actor(_data(engine).us_states)["Virginia"]
    assert virginia.state == "repealed"
    assert virginia.current.since == "2022-07"
    assert virginia.current.label == "repealed 2022-07 (was: ban 2021-07-01)"


def test_a_repealed_city_ban_shows_as_repealed_dot(engine, add_events) -> None:
    add_events(*NEW_ORLEANS)
    data = _data(engine)
    new_orleans = _by_actor(data.us_points)["New Orleans"]
    assert new_orleans.state == "repealed"
    assert new_orleans.point is not None
    assert abs(new_orleans.point.lat - 29.95) < 0.1 and abs(new_orleans.point.lon + 90.07) < 0.1


def test_repeal_order_is_by_date_not_by_insertion(engine, add_events) -> None:
    # The repeal arrives first (an article about it was crawled before the ban's).
    add_events(NEW_ORLEANS[1], NEW_ORLEANS[0])
    assert _by_actor(_data(engine).us_points)["New Orleans"].state == "repealed"


def test_before_the_repeal_the_map_shows_the_ban(engine, add_events) -> None:
    add_events(*VIRGINIA)
    data = _data(engine, EventFilters(date_to="2022-06"))
    assert data.as_of == "2022-06-30"
    assert _by_actor(data.us_states)["Virginia"].state == "ban"


def test_a_new_ban_after_a_repeal_is_current_again(engine, add_events) -> None:
    again = {**VIRGINIA[0], "date": "2024-03"}
    add_events(*VIRGINIA, again)
    assert _by_actor(_data(engine).us_states)["Virginia"].state == "ban"


def test_a_repeal_of_one_decision_leaves_the_other_in_force(engine, add_events) -> None:
    add_events(
        {"actor": "Oakland", "region": "CA", "action": "ban", "date": "2019-07"},
        {"actor": "Oakland", "region": "CA", "action": "restriction", "date": "2019-09"},
        {"actor": "Oakland", "region": "CA", "action": "repeal", "date": "2021-01"},
    )
    oakland = _by_actor(_data(engine).us_points)["Oakland"]
    # link_amendments points the repeal at the latest earlier decision: the restriction.
    repeal = oakland.history[-1]
    assert repeal.amends_event_id == oakland.history[1].id
    assert oakland.state == "ban"


def test_an_extension_keeps_the_moratorium_alive_and_moves_its_end(engine, add_events) -> None:
    add_events(
        {
            "actor": "New York",
            "level": "state",
            "region": "NY",
            "action": "moratorium",
            "date": "2020-12-22",
            "until": "2022-07",
        },
        {
            "actor": "New York",
            "level": "state",
            "region": "NY",
            "action": "extension",
            "date": "2022-06",
            "until": "2026-07",
        },
    )
    new_york = _by_actor(_data(engine).us_states)["New York"]
    assert new_york.state == "moratorium"
    assert new_york.current.until == "2026-07" and new_york.current.extended
    assert "(extended)" in new_york.current.label


def test_a_moratorium_past_its_end_has_lapsed(engine, add_events) -> None:
    add_events(
        {
            "actor": "California",
            "level": "state",
            "region": "CA",
            "action": "moratorium",
            "date": "2019-10-08",
            "until": "2022-12-31",
        },
        {"actor": "Vermont", "level": "state", "region": "VT", "action": "moratorium",
         "date": "2020-10-07", "until": "indefinite"},
    )  # fmt: skip
    states = _by_actor(_data(engine).us_states)
    assert states["California"].state == "lapsed"
    assert states["California"].current.label == "lapsed 2022-12-31 (was: moratorium 2019-10-08)"
    assert states["Vermont"].state == "moratorium", "an indefinite moratorium never lapses"


def test_the_strongest_decision_in_force_colours_the_place(engine, add_events) -> None:
    add_events(
        {"actor": "Massachusetts", "level": "state", "region": "MA", "action": "restriction",
         "date": "2020-12-31"},
        {"actor": "Massachusetts", "level": "state", "region": "MA", "action": "moratorium",
         "date": "2019", "status": "proposed"},
        {"actor": "Boston", "region": "MA", "action": "ban", "date": "2020-06-24"},
    )  # fmt: skip
    data = _data(engine)
    assert _by_actor(data.us_states)["Massachusetts"].state == "restriction", (
        "a proposed moratorium is no policy"
    )
    assert _by_actor(data.us_points)["Boston"].state == "ban"


def test_only_accepted_events_by_default_and_any_on_request(engine, add_events) -> None:
    add_events(
        {"actor": "Somerville", "region": "MA", "action": "ban", "date": "2019-06-27"},
        {"actor": "Cambridge", "region": "MA", "action": "ban", "date": "2020-01-13",
         "review_state": "pending"},
        {"actor": "Boston", "region": "MA", "action": "ban", "date": "2020-06",
         "review_state": "rejected"},
    )  # fmt: skip
    accepted = _data(engine)
    assert accepted.filters.review_state == "accepted"
    assert set(_by_actor(accepted.us_points)) == {"Somerville"}
    assert accepted.timeline.total == 1
    everything = _data(engine, EventFilters(review_state="any"))
    assert set(_by_actor(everything.us_points)) == {"Somerville", "Cambridge", "Boston"}


def test_a_pending_repeal_does_not_yet_change_the_accepted_map(engine, add_events) -> None:
    add_events(VIRGINIA[0], {**VIRGINIA[1], "review_state": "pending"})
    assert _by_actor(_data(engine).us_states)["Virginia"].state == "ban"


def test_timeline_counts_months_by_action_with_gaps_and_apart_what_has_no_month(
    engine, add_events
) -> None:
    add_events(
        {"actor": "San Francisco", "region": "CA", "action": "ban", "date": "2019-05-14"},
        {"actor": "Somerville", "region": "MA", "action": "ban", "date": "2019-05-30"},
        {"actor": "Amazon", "actor_type": "company", "level": None, "action": "moratorium",
         "date": "2019-08-01"},
        {"actor": "Amazon", "actor_type": "company", "level": None, "action": "extension",
         "date": "2019-08"},
        {"actor": "Oakland", "region": "CA", "action": "ban", "date": "2019"},
        {"actor": "Berkeley", "region": "CA", "action": "ban", "date": None},
        {"actor": "Wrenfield", "region": "OH", "action": "ban", "date": "2019-07",
         "status": "failed"},
    )  # fmt: skip
    timeline = _data(engine).timeline
    assert timeline.months == ("2019-05", "2019-06", "2019-07", "2019-08")
    assert timeline.counts["ban"] == (2, 0, 1, 0)
    assert timeline.counts["moratorium"] == (0, 0, 0, 1)
    assert timeline.counts["extension"] == (0, 0, 0, 1)
    assert timeline.counts["repeal"] == (0, 0, 0, 0)
    assert timeline.year_only == {"2019": 1} and timeline.undated == 1
    assert timeline.total == 7
    assert [e.actor for e in timeline.events_by_month["2019-05"]] == ["San Francisco", "Somerville"]
    failed = _data(engine, EventFilters(status="failed")).timeline
    assert failed.total == 1 and failed.counts["ban"] == (1,)


def test_counties_sit_at_their_seat_and_unknown_places_are_listed(engine, add_events) -> None:
    add_events(
        {"actor": "King County", "level": "county", "region": "WA", "action": "ban",
         "date": "2021-06-01"},
        {"actor": "Wrenfield", "region": "OH", "action": "ban", "date": "2022-03-07"},
        {"actor": "Some Agency", "actor_type": "agency", "level": None, "region": None,
         "action": "moratorium", "date": "2021"},
    )  # fmt: skip
    data = _data(engine)
    king = _by_actor(data.us_points)["King County"]
    assert king.point.placed_by == "county seat (Seattle)"
    assert abs(king.point.lat - 47.6) < 0.1
    assert set(_by_actor(data.unplaced)) == {"Wrenfield", "Some Agency"}


def test_countries_blocs_and_cities_abroad(engine, add_events) -> None:
    add_events(
        {"actor": "European Union", "level": "supranational", "country": "EU",
         "action": "ban", "date": "2024-05-21"},
        {"actor": "European Union", "level": "supranational", "country": "EU",
         "action": "restriction", "date": "2024-05-21"},
        {"actor": "Italy", "level": "country", "country": "IT", "action": "moratorium",
         "date": "2021-12", "until": "2025-12-31"},
        {"actor": "London", "level": "city", "country": "GB", "action": "restriction",
         "date": "2020-01"},
        {"actor": "United States", "level": "country", "action": "moratorium",
         "date": "2020-06-25", "status": "proposed"},
    )  # fmt: skip
    data = _data(engine)
    assert [(b.actor, b.state) for b in data.blocs] == [("European Union", "ban")]
    assert "DE" in data.eu_members and "GB" not in data.eu_members
    assert [(c.actor, c.state) for c in data.countries] == [("Italy", "moratorium")]
    assert [(p.actor, p.state) for p in data.world_points] == [("London", "restriction")]
    assert not data.us_states and not data.us_points, "a proposed national bill is not a policy"


def test_the_eu_stored_without_a_country_is_still_the_bloc(engine, add_events) -> None:
    add_events(
        {"actor": "EU", "level": "supranational", "country": None, "action": "ban",
         "date": "2024"},
    )  # fmt: skip
    assert [b.actor for b in _data(engine).blocs] == ["EU"]


def test_companies_table_has_current_policy_and_history(engine, add_events) -> None:
    company = {"actor_type": "company", "level": None, "region": None, "scope": "police use"}
    add_events(
        {**company, "actor": "Amazon", "action": "ban", "date": "2019-05-22", "status": "failed"},
        {**company, "actor": "Amazon", "action": "moratorium", "date": "2020-06-10",
         "until": "2021-06"},
        {**company, "actor": "Amazon", "action": "extension", "date": "2021-05-18",
         "until": "indefinite"},
        {**company, "actor": "IBM", "action": "exit", "date": "2020-06-08"},
        {**company, "actor": "Clearview", "action": "ban", "date": "2022", "status": "proposed"},
    )  # fmt: skip
    companies = _by_actor(_data(engine).companies)
    amazon = companies["Amazon"]
    assert amazon.state == "moratorium" and amazon.current.extended
    assert amazon.current.until == "indefinite"
    assert [(e.date, e.action, e.status) for e in amazon.history] == [
        ("2019-05-22", "ban", "failed"),
        ("2020-06-10", "moratorium", "enacted"),
        ("2021-05-18", "extension", "enacted"),
    ]
    assert companies["IBM"].state == "exit"
    assert companies["Clearview"].current is None, "listed for its history, nothing enacted"
    only_exits = _data(engine, EventFilters(action="exit")).companies
    assert [c.actor for c in only_exits] == ["IBM"]


def test_the_action_filter_shows_places_whose_current_policy_it_is(engine, add_events) -> None:
    add_events(*VIRGINIA, *NEW_ORLEANS, {"actor": "Boston", "region": "MA", "action": "ban",
                                         "date": "2020-06-24"})  # fmt: skip
    bans = _data(engine, EventFilters(action="ban"))
    assert [a.actor for a in bans.us_points] == ["Boston"] and not bans.us_states
    assert bans.timeline.total == 3, "the timeline counts the ban events themselves"
    repeals = _data(engine, EventFilters(action="repeal"))
    assert {a.actor for a in (*repeals.us_points, *repeals.us_states)} == {
        "New Orleans",
        "Virginia",
    }


def test_current_status_on_summaries_undated_events_come_first() -> None:
    def summary(event_id: int, action: str, day: str | None) -> EventSummary:
        return EventSummary(
            id=event_id, topic="t", actor="X", actor_key="US||x", actor_type="jurisdiction",
            level="city", country="US", region=None, action=action, status="enacted",
            date=day, until=None, scope=None, review_state="accepted",
        )  # fmt: skip

    status = current_status([summary(1, "repeal", "2022"), summary(2, "ban", None)], "2025-01-01")
    assert status is not None and status.state == "repealed"
    assert current_status([summary(1, "ban", "2026-01")], "2025-01-01") is None, "not yet"


def test_filters_round_trip_through_the_query_string(engine) -> None:
    filters = EventFilters(
        review_state="any", action="ban", status="enacted", topic="facial_recognition",
        actor_type="jurisdiction", country="US", region="CA", date_from="2019",
        date_to="2020-06", text="police",
    )  # fmt: skip
    data = _data(engine, filters)
    query = filter_query(data)
    assert "since=2019" in query and "until=2020-06" in query and "q=police" in query
    params = dict(p.split("=") for p in query.split("&"))
    assert parse_filters(params, "accepted").filters == filters
    assert filters_to_params(filters)["since"] == "2019"
    month = filter_query(data, since="2019-05", until="2019-05")
    assert "since=2019-05&until=2019-05" in month
    assert parse_filters({"review_state": "", "action": " "}, "accepted").filters == EventFilters(
        review_state="accepted"
    )


def test_a_search_picks_actors_and_their_whole_history_counts(engine, add_events) -> None:
    add_events(
        {**VIRGINIA[0], "scope": "local police use"},
        {**VIRGINIA[1], "scope": "replaced by rules"},
        {"actor": "Boston", "region": "MA", "action": "ban", "date": "2020-06-24"},
    )
    data = _data(engine, EventFilters(text="police"))
    assert [(a.actor, a.state) for a in data.us_states] == [("Virginia", "repealed")]
    assert not data.us_points
    assert data.timeline.total == 1, "the timeline counts only the matching event"
