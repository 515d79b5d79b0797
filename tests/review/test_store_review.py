"""Merging, splitting and reviewers in the store, on SQLite and PostgreSQL; migration 0002."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, func, inspect, select, text

from banwatch.store.db import alembic_config, session_scope
from banwatch.store.events import EventFilters, list_events, replace_article_mentions
from banwatch.store.models import (
    POSTGRESQL_ONLY_INDEXES,
    Article,
    Base,
    Event,
    Mention,
    ReviewDecision,
    User,
)
from banwatch.store.review import (
    ReviewError,
    accept_event,
    add_user,
    authenticate,
    edit_event,
    hash_password,
    merge_events,
    resolve_merged,
    split_event,
    verify_password,
)

from .seeding import Reading


def test_merge_moves_every_mention_and_keeps_a_tombstone(engine: Engine, seeded) -> None:
    keep, gone = seeded["amazon"], seeded["amazon_com"]
    with session_scope(engine) as session:
        accept_event(session, keep, "ana")
        edit_event(session, keep, "ana", {"scope": "police use of Rekognition"})
    with session_scope(engine) as session:
        entry = merge_events(session, keep, gone, "ben", "same announcement")
        assert entry.after["merged_from"] == gone and entry.reason == "same announcement"
    with session_scope(engine) as session:
        kept = session.get(Event, keep)
        tomb = session.get(Event, gone)
        assert kept.source_count == 2 and len(kept.mentions) == 2
        assert kept.review_state == "accepted", "the kept event's verdict holds"
        assert kept.scope == "police use of Rekognition", "and so do its edits"
        assert kept.date == "2020-06-10"
        assert tomb.merged_into_id == keep and tomb.mentions == [] and tomb.orphaned
        assert resolve_merged(session, gone).id == keep
        listed = [e.id for e in list_events(session, EventFilters(review_state="any"))]
        assert gone not in listed and keep in listed
        log = session.scalars(
            select(ReviewDecision).where(ReviewDecision.decision == "merge")
        ).all()
        assert {(d.event_id, d.reviewer) for d in log} == {(keep, "ben"), (gone, "ben")}
        with pytest.raises(ReviewError, match="was merged into"):
            merge_events(session, keep, gone, "ben")
        with pytest.raises(ReviewError, match="itself"):
            merge_events(session, keep, keep, "ben")


def test_merging_into_a_merged_chain_repoints_earlier_tombstones(engine: Engine, seeded) -> None:
    with session_scope(engine) as session:
        merge_events(session, seeded["amazon"], seeded["amazon_com"], "ana")
        merge_events(session, seeded["boston"], seeded["amazon"], "ana")
    with session_scope(engine) as session:
        assert session.get(Event, seeded["amazon_com"]).merged_into_id == seeded["boston"]
        assert resolve_merged(session, seeded["amazon_com"]).id == seeded["boston"]


def test_a_mention_both_events_hold_is_kept_once(engine: Engine, seeded) -> None:
    with session_scope(engine) as session:
        portland = session.get(Event, seeded["portland"])
        duplicate = portland.mentions[0]
        copy = Event(
            topic=portland.topic,
            actor="Portland (copy)",
            actor_key="copy",
            reading="copy",
            actor_type=portland.actor_type,
            action=portland.action,
            status=portland.status,
            technology=portland.technology,
            review_state="pending",
            edited_fields={},
        )
        session.add(copy)
        session.flush()
        session.add(
            Mention(
                event=copy,
                article_id=duplicate.article_id,
                actor="Portland",
                actor_key="copy",
                action="ban",
                status="enacted",
                evidence=duplicate.evidence,
                start=duplicate.start,
                end=duplicate.end,
                confidence=0.5,
                extractor_version="t",
            )
        )
        copy_id = copy.id
    with session_scope(engine) as session:
        merge_events(session, seeded["portland"], copy_id, "ana")
    with session_scope(engine) as session:
        assert len(session.get(Event, seeded["portland"]).mentions) == 2


def test_split_moves_chosen_mentions_to_a_new_pending_event(engine: Engine, seeded) -> None:
    with session_scope(engine) as session:
        accept_event(session, seeded["portland"], "ana")
        event = session.get(Event, seeded["portland"])
        wrong = next(m for m in event.mentions if "November" in m.evidence)
        wrong_id = wrong.id
        assert event.source_count == 2
    with session_scope(engine) as session:
        entry = split_event(session, seeded["portland"], [wrong_id], "ben", "Maine, not Oregon")
        new_id = entry.event_id
    with session_scope(engine) as session:
        old, new = session.get(Event, seeded["portland"]), session.get(Event, new_id)
        assert [m.id for m in new.mentions] == [wrong_id]
        assert old.source_count == 1 and new.source_count == 1
        assert new.review_state == "pending" and old.review_state == "accepted"
        assert new.evidence.startswith("Portland voters") and new.date is None
        assert old.date == "2020-09"
        decisions = session.scalars(
            select(ReviewDecision).where(ReviewDecision.decision == "split")
        ).all()
        assert {(d.event_id, d.reason) for d in decisions} == {
            (old.id, "Maine, not Oregon"),
            (new.id, "Maine, not Oregon"),
        }
        with pytest.raises(ReviewError, match="must stay"):
            split_event(session, old.id, [m.id for m in old.mentions], "ben")
        with pytest.raises(ReviewError, match="not part of"):
            split_event(session, old.id, [wrong_id], "ben")
        with pytest.raises(ReviewError, match="at least one"):
            split_event(session, old.id, [], "ben")


def test_split_event_keeps_its_mentions_through_reextraction(engine: Engine, seeded) -> None:
    with session_scope(engine) as session:
        event = session.get(Event, seeded["portland"])
        wrong = next(m for m in event.mentions if "November" in m.evidence)
        article_id = wrong.article_id
        new_id = split_event(session, event.id, [wrong.id], "ben").event_id
        edit_event(session, new_id, "ben", {"region": "ME", "date": "2020-11"})
    # The same article, read again by a newer extractor, says the same thing.
    with session_scope(engine) as session:
        article = session.get(Article, article_id)
        old = article.mentions[0]
        again = Reading(
            actor=old.actor, evidence=old.evidence, start=old.start, end=old.end, region="OR"
        )
        replace_article_mentions(session, article, [again], "test-v2")
    with session_scope(engine) as session:
        assert [m.event_id for m in session.get(Article, article_id).mentions] == [new_id]
        assert session.get(Event, new_id).region == "ME"


def test_passwords_are_salted_scrypt_and_checked_in_constant_time() -> None:
    first, second = hash_password("correct horse battery"), hash_password("correct horse battery")
    assert first != second and first.startswith("scrypt$16384$8$1$")
    assert verify_password("correct horse battery", first)
    assert not verify_password("correct horse batterY", first)
    assert not verify_password("x", "not-a-hash")
    assert not verify_password("x", "scrypt$1$2$3$!!$!!")


def test_users(engine: Engine) -> None:
    with session_scope(engine) as session:
        add_user(session, "ana", "long enough password")
        with pytest.raises(ReviewError, match="exists"):
            add_user(session, "ana", "another long password")
        with pytest.raises(ReviewError, match="at least"):
            add_user(session, "ben", "short")
        with pytest.raises(ReviewError, match="user name"):
            add_user(session, "<script>", "long enough password")
    with session_scope(engine) as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "ana"))
        assert "long enough password" not in stored
        assert authenticate(session, "ana", "long enough password").username == "ana"
        assert authenticate(session, "ana", "wrong password!!") is None
        assert authenticate(session, "nobody", "long enough password") is None
        add_user(session, "ana", "a brand new password", replace=True)
    with session_scope(engine) as session:
        assert authenticate(session, "ana", "long enough password") is None
        assert authenticate(session, "ana", "a brand new password") is not None
        assert session.scalar(select(func.count(User.id))) == 1


def test_migration_0002_matches_the_models_and_keeps_data_both_ways(engine: Engine, seeded) -> None:
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    if engine.dialect.name == "sqlite":
        # SQLite's reflection cannot read ON DELETE from a column-level REFERENCES
        # clause (the only way to add a foreign key without rebuilding the table);
        # the clause itself is checked below.
        diff = [d for d in diff if d[0] not in ("add_fk", "remove_fk")]
        with engine.connect() as connection:
            sql = connection.execute(
                text("select sql from sqlite_master where name = 'events'")
            ).scalar()
        assert "merged_into_id INTEGER REFERENCES events (id) ON DELETE SET NULL" in sql
    if engine.dialect.name == "postgresql":
        diff = [d for d in diff if not (
            d[0] == "remove_index" and d[1].name in POSTGRESQL_ONLY_INDEXES)]
    assert diff == []
    with engine.connect() as connection:
        mentions = connection.execute(text("select count(*) from mentions")).scalar()
    assert mentions >= 9

    command.downgrade(alembic_config(engine), "0001")
    columns = {c["name"] for c in inspect(engine).get_columns("events")}
    assert "merged_into_id" not in columns and not inspect(engine).has_table("users")
    with engine.connect() as connection:
        assert connection.execute(text("select count(*) from mentions")).scalar() == mentions
    command.upgrade(alembic_config(engine), "head")
    with engine.connect() as connection:
        assert connection.execute(text("select count(*) from mentions")).scalar() == mentions


def test_deleting_the_kept_event_clears_the_tombstones_link(engine: Engine, seeded) -> None:
    with session_scope(engine) as session:
        merge_events(session, seeded["amazon"], seeded["amazon_com"], "ana")
    with engine.begin() as connection:
        connection.execute(text("delete from events where id = :id"), {"id": seeded["amazon"]})
    with session_scope(engine) as session:
        assert session.get(Event, seeded["amazon_com"]).merged_into_id is None


def test_a_new_article_reading_like_a_merged_event_supports_the_kept_one(
    engine: Engine, seeded
) -> None:
    from .seeding import file_article

    with session_scope(engine) as session:
        merge_events(session, seeded["amazon"], seeded["amazon_com"], "ana")
    again = Reading(
        actor="Amazon.com",
        actor_type="company",
        level=None,
        country=None,
        region=None,
        action="moratorium",
        scope="police use",
        date="2020-06",
        evidence="Amazon.com confirmed the one-year pause.",
    )
    file_article(engine, 50, "Amazon.com again", ("Later. ", "End."), [again])
    with session_scope(engine) as session:
        assert session.get(Event, seeded["amazon_com"]).mentions == []
        assert session.get(Event, seeded["amazon"]).source_count == 3
