"""Fixtures for the overview tests: a migrated database and hand-made events.

Hand-made events pin the overview's rules (a repeal replaces a ban, an extension
keeps a moratorium alive) independently of what the extractor reads today.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from banwatch.store.db import create_db_engine, session_scope, upgrade_database
from banwatch.store.events import actor_key, link_amendments, reading_of
from banwatch.store.models import Event


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """A migrated SQLite database of its own for each test."""
    engine = create_db_engine(f"sqlite:///{tmp_path / 'overview.db'}")
    upgrade_database(engine)
    yield engine
    engine.dispose()


def make_event(**fields: Any) -> Event:
    """An accepted, enacted facial-recognition event; any field can be overridden."""
    values: dict[str, Any] = {
        "topic": "facial_recognition",
        "actor_type": "jurisdiction",
        "level": "city",
        "country": "US",
        "region": None,
        "status": "enacted",
        "scope": "government use",
        "technology": "facial recognition",
        "date": None,
        "until": None,
        "review_state": "accepted",
        "confidence": 0.9,
        "source_count": 1,
        "edited_fields": {},
        "orphaned": False,
    }
    values.update(fields)
    key = actor_key(values["actor"], values["country"], values["region"])
    values.setdefault("actor_key", key)
    values.setdefault(
        "reading", reading_of(values["topic"], key, values["action"], values["status"])
    )
    return Event(**values)


@pytest.fixture
def add_events(engine: Engine) -> Callable[..., list[int]]:
    """Store events (dicts of fields), link amendments as the store does; return their ids."""

    def add(*events: dict[str, Any]) -> list[int]:
        with session_scope(engine) as session:
            made = [make_event(**fields) for fields in events]
            session.add_all(made)
            session.flush()
            for key in {(e.topic, e.actor_key) for e in made}:
                link_amendments(session, *key)
            return [e.id for e in made]

    return add


@pytest.fixture(scope="session")
def event_factory() -> Callable[..., Event]:
    """``make_event`` for tests in other modules (test modules here are not importable)."""
    return make_event
