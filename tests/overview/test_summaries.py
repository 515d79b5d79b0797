"""The overview read from summaries kept on write equals the replay, after every kind of write.

``banwatch.store.summaries`` recomputes the touched actors and months after
each flush; ``banwatch.overview.summarised`` reads them. After inserting,
editing, accepting, rejecting, merging, splitting and re-extracting, the page
must equal ``reference_overview_data`` (every event replayed in Python), and the
kept tables must equal a rebuild from scratch. On SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import Engine, insert, select

from banwatch.overview.replay import reference_overview_data
from banwatch.overview.summarised import overview_data, summaries_answer
from banwatch.store.articles import ArticleRecord, save_article
from banwatch.store.db import create_db_engine, session_scope, upgrade_database
from banwatch.store.events import EventFilters, replace_article_mentions
from banwatch.store.models import ActorSummary, Article, Event, Mention, TimelineCount
from banwatch.store.review import (
    accept_event,
    edit_event,
    merge_events,
    reject_event,
    split_event,
)
from banwatch.store.summaries import rebuild_summaries, today, validity

from .conftest import make_event
from .test_sql_matches_replay import HISTORIES, add_histories

FILTERS = [
    EventFilters(),
    EventFilters(review_state="any"),
    EventFilters(review_state="pending"),
    EventFilters(review_state="rejected"),
    EventFilters(review_state="any", action="repeal"),
    EventFilters(review_state="any", action="extension"),
    EventFilters(action="moratorium", status="enacted"),
    EventFilters(topic="biometrics", review_state="any"),
]


def _found(**fields: Any) -> SimpleNamespace:
    """An extracted event as the store's ``ExtractedEvent`` protocol reads it."""
    said = "Boston banned city use of facial recognition in June 2020."
    values: dict[str, Any] = {
        **{"actor": "Boston", "actor_type": "jurisdiction", "level": "city", "country": "US"},
        **{"region": "MA", "action": "ban", "status": "enacted", "scope": None, "until": None},
        **{"technology": "facial recognition", "date": "2020-06", "date_text": None},
        **{"evidence": said, "start": 0, "end": len(said), "confidence": 0.7},
        "topic": "facial_recognition",
    }
    return SimpleNamespace(**{**values, **fields})


def _article(session: Any, n: int) -> Article:
    record = ArticleRecord(
        url=f"https://news{n}.example/story",
        canonical_url=f"https://news{n}.example/story",
        title=f"Story {n}",
        author=None,
        published=datetime(2020, 6, 25, tzinfo=UTC),
        language="en",
        text="Boston banned city use of facial recognition in June 2020.",
        content_hash=f"hash{n}",
    )
    save_article(session, record, None)
    return session.scalar(select(Article).where(Article.canonical_url == record.canonical_url))


def _tables(engine: Engine) -> tuple[list[Any], list[Any]]:
    with engine.connect() as connection:
        actors = connection.execute(
            select(ActorSummary).order_by(
                ActorSummary.topic, ActorSummary.actor_key, ActorSummary.scope
            )
        ).all()
        counts = connection.execute(
            select(TimelineCount).order_by(*TimelineCount.__table__.primary_key.columns)
        ).all()
    return actors, counts


def assert_matches_replay(engine: Engine) -> None:
    """The summary-backed page equals the replay, and the kept tables equal a rebuild."""
    for filters in FILTERS:
        assert summaries_answer(filters)
        with session_scope(engine) as session:
            expected = reference_overview_data(session, filters)
            found = overview_data(session, filters)
        assert found == expected, filters
    kept = _tables(engine)
    day = today()
    stale = [row for row in kept[0] if not row.valid_from <= day < row.valid_to]
    assert not stale, "the page replayed these instead of reading them"
    with engine.begin() as connection:
        rebuild_summaries(connection)
    assert _tables(engine) == kept


@pytest.fixture
def store(db_url: str) -> Iterator[Engine]:
    """A migrated store on SQLite and PostgreSQL."""
    engine = create_db_engine(db_url)
    upgrade_database(engine)
    yield engine
    engine.dispose()


def _event_id(engine: Engine, **where: Any) -> int:
    with session_scope(engine) as session:
        query = select(Event.id).where(*(getattr(Event, k) == v for k, v in where.items()))
        return session.scalars(query.order_by(Event.id)).first()


def test_every_kind_of_write_keeps_the_summaries(store: Engine) -> None:
    add_histories(store)
    assert_matches_replay(store)

    with session_scope(store) as session:  # a crawl's extraction: new events
        for n, found in enumerate(
            [
                _found(actor="Salem"),
                _found(actor="Salem", action="moratorium", date="2021-03", until="2099-01"),
                _found(actor="Oakland", region="CA", action="repeal", date="2024-02"),
            ]
        ):
            replace_article_mentions(session, _article(session, n), [found], "test-1")
    assert_matches_replay(store)

    salem = _event_id(store, actor="Salem", action="ban", review_state="pending")
    with session_scope(store) as session:
        accept_event(session, salem, "ann")
    assert_matches_replay(store)

    oakland = _event_id(store, actor="Oakland", action="repeal", review_state="pending")
    with session_scope(store) as session:
        reject_event(session, oakland, "ann", "not a repeal")
    assert_matches_replay(store)

    portland = _event_id(store, actor="Portland", action="repeal")
    with session_scope(store) as session:  # a correction moves the event to another actor
        edit_event(session, portland, "ann", {"region": "ME", "date": "2026-03"})
    assert_matches_replay(store)

    with session_scope(store) as session:  # two articles, one decision, read two ways
        second = _article(session, 10)
        replace_article_mentions(session, second, [_found(actor="Salem", date="2021")], "test-1")
    keep = _event_id(store, actor="Salem", action="ban", date="2020-06")
    gone = _event_id(store, actor="Salem", action="ban", date="2021")
    with session_scope(store) as session:
        merge_events(session, keep, gone, "ann")
    assert_matches_replay(store)

    with session_scope(store) as session:
        moved = session.scalars(select(Mention.id).where(Mention.event_id == keep)).first()
        split_event(session, keep, [moved], "ann")
    assert_matches_replay(store)

    with session_scope(store) as session:  # re-extraction reads the first article anew
        first = session.scalar(select(Article).order_by(Article.id))
        replace_article_mentions(
            session, first, [_found(actor="Salem", action="restriction")], "test-2"
        )
    assert_matches_replay(store)


def test_the_page_uses_the_summaries_and_counts_only_when_it_must() -> None:
    assert summaries_answer(EventFilters(review_state="any", action="ban", topic="t"))
    for narrowed in ("date_from", "date_to", "text", "country", "region", "actor_type"):
        assert not summaries_answer(replace(EventFilters(), **{narrowed: "2020"}))


def test_a_stored_status_holds_until_a_decision_comes_or_a_moratorium_lapses() -> None:
    events = [
        make_event(actor="A", action="moratorium", date="2020-01", until="2024-06-30", id=1),
        make_event(actor="A", action="ban", date="2030", id=2),
        make_event(actor="A", action="moratorium", date="2019", until="2021-02", id=3),
        make_event(actor="A", action="ban", date="2018", status="proposed", id=4),
    ]
    assert validity(events, "2022-05-01") == ("2021-03-01", "2024-07-01")
    assert validity(events, "2025-01-01") == ("2024-07-01", "2030")


def test_a_status_out_of_its_window_is_replayed_on_the_day_asked(store: Engine) -> None:
    add_histories(store)
    for day in (date(2021, 1, 1), date(2023, 6, 1), date(2099, 1, 1)):
        with session_scope(store) as session:
            expected = reference_overview_data(session, EventFilters(), today=day)
            assert overview_data(session, EventFilters(), today=day) == expected


def test_the_migration_fills_the_summaries_of_an_existing_store(db_url: str) -> None:
    engine = create_db_engine(db_url)
    try:
        upgrade_database(engine, "0003")
        now = datetime.now(UTC)
        columns = [c.key for c in Event.__table__.columns if c.key not in ("id", "amends_event_id")]
        fields = [
            {**{c: getattr(e, c) for c in columns}, "created_at": now, "updated_at": now}
            for events, _ in HISTORIES
            for e in (make_event(**f) for f in events)
        ]
        with engine.begin() as connection:
            connection.execute(insert(Event), fields)
        upgrade_database(engine)
        with session_scope(engine) as session:
            for filters in FILTERS:
                expected = reference_overview_data(session, filters)
                assert overview_data(session, filters) == expected
        assert _tables(engine)[0]
    finally:
        engine.dispose()
