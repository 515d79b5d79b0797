"""The overview's SQL (GROUP BY, window functions) against the straightforward replay.

``overview_data`` counts and groups in the database and replays only histories
with repeals or extensions; ``reference_overview_data`` loads every event and
replays every actor in Python, as the overview first did. On a small store full
of awkward histories they must give the same page, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine

from banwatch.overview import overview_data
from banwatch.overview.replay import reference_overview_data
from banwatch.store.db import create_db_engine, session_scope, upgrade_database
from banwatch.store.events import EventFilters, link_amendments

from .conftest import make_event

TODAY = date(2025, 1, 15)
COMPANY = {"actor_type": "company", "level": None, "country": None}


def _city(name: str, region: str, **fields: Any) -> dict[str, Any]:
    return {"actor": name, "region": region, **fields}


# (events, amendments to set by hand: index of the amending event -> index it amends or None)
HISTORIES: list[tuple[list[dict[str, Any]], dict[int, int | None]]] = [
    # A ban repealed by name, then banned again: the later ban stands.
    ([_city("Oakland", "CA", action="ban", date="2019-07"),
      _city("Oakland", "CA", action="restriction", date="2019-09"),
      _city("Oakland", "CA", action="repeal", date="2021-01"),
      _city("Oakland", "CA", action="ban", date="2023")], {}),
    # A repeal naming nothing ends everything; the label names the last decision it ended.
    ([_city("Portland", "OR", action="ban", date="2020-09-09"),
      _city("Portland", "OR", action="moratorium", date="2020-10", until="2030"),
      _city("Portland", "OR", action="repeal", date="2022-02-01")], {2: None}),
    # Two repeals of the same ban: the second finds it gone and ends everything else.
    ([_city("Boston", "MA", action="ban", date="2020-06-24"),
      _city("Boston", "MA", action="restriction", date="2020-08"),
      _city("Boston", "MA", action="repeal", date="2021-03"),
      _city("Boston", "MA", action="repeal", date="2021-09")], {2: 0, 3: 0}),
    # An extension of a moratorium, then a repeal of the extension (not in force itself).
    ([{"actor": "New York", "level": "state", "region": "NY", "action": "moratorium",
       "date": "2020-12-22", "until": "2022-07"},
      {"actor": "New York", "level": "state", "region": "NY", "action": "extension",
       "date": "2022-06", "until": "2026-07"},
      {"actor": "New York", "level": "state", "region": "NY", "action": "ban",
       "date": "2024-01-10"},
      {"actor": "New York", "level": "state", "region": "NY", "action": "repeal",
       "date": "2024-06"}], {3: 1}),
    # An extension of a moratorium we never saw is a moratorium; it lapses in turn.
    ([{"actor": "Vermont", "level": "state", "region": "VT", "action": "extension",
       "date": "2021-03", "until": "2023-12"}], {}),
    # Lapsed moratoriums ending the same month: the earlier decision is named.
    ([{"actor": "California", "level": "state", "region": "CA", "action": "moratorium",
       "date": "2019-10-08", "until": "2022-12"},
      {"actor": "California", "level": "state", "region": "CA", "action": "moratorium",
       "date": "2020-01-01", "until": "2022-12"},
      {"actor": "California", "level": "state", "region": "CA", "action": "moratorium",
       "date": "2019", "until": "indefinite", "status": "failed"}], {}),
    # Undated decisions sort first: an undated ban does not beat a dated repeal.
    ([_city("Berkeley", "CA", action="repeal", date="2022"),
      _city("Berkeley", "CA", action="ban", date=None)], {0: None}),
    # Undated only, and a decision dated after today (not yet in force).
    ([_city("Somerville", "MA", action="ban", date=None),
      _city("Somerville", "MA", action="restriction", date="2026-02")], {}),
    # Pending and rejected events: only in the "any" overview.
    ([_city("Cambridge", "MA", action="ban", date="2020-01-13", review_state="pending"),
      _city("Cambridge", "MA", action="repeal", date="2021-05", review_state="rejected")], {}),
    # A repeal amending a pending ban: in the accepted view it ends everything.
    ([_city("Jackson", "MS", action="ban", date="2020-08", review_state="pending"),
      _city("Jackson", "MS", action="restriction", date="2020-09"),
      _city("Jackson", "MS", action="repeal", date="2021-02")], {2: 0}),
    # Countries, the EU as a bloc, a city abroad, a place nobody can find.
    ([{"actor": "European Union", "level": "supranational", "country": "EU",
       "action": "ban", "date": "2024-05-21"},
      {"actor": "European Union", "level": "supranational", "country": "EU",
       "action": "restriction", "date": "2024-05-21"},
      {"actor": "Italy", "level": "country", "country": "IT", "action": "moratorium",
       "date": "2021-12", "until": "2025-12-31"},
      {"actor": "London", "level": "city", "country": "GB", "action": "restriction",
       "date": "2020-01"},
      _city("Wrenfield", "OH", action="ban", date="2022-03-07", scope="police use"),
      _city("Wrenfield", "PA", action="restriction", date="2021")], {}),
    # Companies: an extended moratorium, an exit, only a proposal.
    ([{**COMPANY, "actor": "Amazon", "action": "ban", "date": "2019-05-22", "status": "failed"},
      {**COMPANY, "actor": "Amazon", "action": "moratorium", "date": "2020-06-10",
       "until": "2021-06"},
      {**COMPANY, "actor": "Amazon", "action": "extension", "date": "2021-05-18",
       "until": "indefinite"},
      {**COMPANY, "actor": "IBM", "action": "exit", "date": "2020-06-08"},
      {**COMPANY, "actor": "Clearview", "action": "ban", "date": "2022", "status": "proposed"},
      {**COMPANY, "actor": "Clearview", "action": "exit", "date": "2023-02",
       "topic": "biometrics"}], {}),
]  # fmt: skip

FILTERS = [
    EventFilters(),
    EventFilters(review_state="any"),
    EventFilters(review_state="pending"),
    *(EventFilters(review_state="any", action=action) for action in
      ("ban", "moratorium", "extension", "restriction", "repeal", "exit")),
    EventFilters(review_state="any", date_from="2021", date_to="2022-06"),
    EventFilters(date_to="2020-12"),
    EventFilters(status="enacted", region="CA"),
    EventFilters(review_state="any", text="police"),
    EventFilters(actor_type="company"),
    EventFilters(topic="biometrics"),
]  # fmt: skip


def add_histories(engine: Engine) -> None:
    """Store every history above, amendments linked as the store links them."""
    with session_scope(engine) as session:
        for events, amendments in HISTORIES:
            made = [make_event(**fields) for fields in events]
            session.add_all(made)
            session.flush()
            for key in {(e.topic, e.actor_key) for e in made}:
                link_amendments(session, *key)
            for index, target in amendments.items():
                made[index].amends_event_id = None if target is None else made[target].id


@pytest.fixture
def store(db_url: str) -> Iterator[Engine]:
    """Every history above in one store, amendments linked as the store links them."""
    engine = create_db_engine(db_url)
    upgrade_database(engine)
    add_histories(engine)
    yield engine
    engine.dispose()


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: repr(f)[13:60])
def test_sql_overview_equals_the_replay(store: Engine, filters: EventFilters) -> None:
    with session_scope(store) as session:
        expected = reference_overview_data(session, filters, today=TODAY)
        found = overview_data(session, filters, today=TODAY)
    assert found.timeline == expected.timeline
    for name in ("us_states", "us_points", "countries", "blocs", "world_points", "unplaced",
                 "companies"):  # fmt: skip
        assert getattr(found, name) == getattr(expected, name), name
    assert found == expected


def test_the_store_covers_every_current_state(store: Engine) -> None:
    """The comparison above means something only if the tricky cases are there."""
    with session_scope(store) as session:
        data = overview_data(session, EventFilters(review_state="any"), today=TODAY)
    actors = [*data.us_states, *data.us_points, *data.countries, *data.blocs,
              *data.world_points, *data.unplaced, *data.companies]  # fmt: skip
    labels = {a.actor: a.current.label for a in actors if a.current}
    assert labels["Portland"] == "repealed 2022-02-01 (was: moratorium 2020-10)"
    assert labels["Boston"] == "repealed 2021-09 (was: restriction 2020-08)"
    assert labels["New York"] == "repealed 2024-06 (was: ban 2024-01-10)"
    assert labels["Vermont"] == "lapsed 2023-12 (was: moratorium 2021-03)"
    assert labels["California"] == "lapsed 2022-12 (was: moratorium 2019-10-08)"
    assert labels["Oakland"] == "ban since 2023"
    assert labels["Berkeley"] == "repealed 2022 (was: ban)"
    assert labels["Somerville"] == "ban"
    assert labels["Amazon"] == "moratorium since 2020-06-10, until indefinite (extended)"
    assert data.timeline.undated == 2 and data.timeline.year_only
    accepted = overview_data_for(store, EventFilters())
    assert {a.actor: a.state for a in accepted.us_points}["Jackson"] == "repealed"


def overview_data_for(engine: Engine, filters: EventFilters) -> Any:
    with session_scope(engine) as session:
        return overview_data(session, filters, today=TODAY)
