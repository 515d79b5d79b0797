"""Shared fixtures: a real sample site on loopback, real databases, one loaded extractor.

Nothing here mocks HTTP or the database. Store tests run against SQLite and,
when a PostgreSQL server is reachable (``BANWATCH_TEST_PG_URL``), against
PostgreSQL too, each test in a schema of its own.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError

# The CLI's rich consoles take their width when banwatch.cli_common is first imported, and
# a pytest-xdist worker has no terminal to measure: a fixed width keeps the tables the CLI
# tests read the same in every runner (set before any banwatch module is imported).
os.environ["COLUMNS"] = "200"

from banwatch.sample_site import SAMPLE_SITE_DIR, serve_sample_site  # noqa: E402
from banwatch.store.db import create_db_engine, upgrade_database  # noqa: E402

# The tests' stalled sites never answer, so a stopping crawl would wait out the whole
# 10 s grace for its downloads; 3 s shows the same behaviour (inherited by the crawls and
# CLI processes the tests start).
os.environ.setdefault("BANWATCH_STOP_GRACE", "3")

PG_URL = os.environ.get("BANWATCH_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def sample_site() -> Iterator[str]:
    """The bundled sample news site, served on a free loopback port."""
    with serve_sample_site(SAMPLE_SITE_DIR) as base_url:
        yield base_url


def _postgres_reason() -> str | None:
    """None when PostgreSQL answers, else why the PostgreSQL tests are skipped."""
    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
    except (OperationalError, ImportError) as exc:
        return f"PostgreSQL not reachable at {PG_URL}: {type(exc).__name__}"
    return None


POSTGRES_SKIP_REASON = _postgres_reason()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'banwatch.db'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    if POSTGRES_SKIP_REASON:
        pytest.skip(POSTGRES_SKIP_REASON)
    schema = f"bw_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """Every store test runs on SQLite and on PostgreSQL (skipped with a reason if absent)."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated database of the test's own, on SQLite and on PostgreSQL."""
    engine = create_db_engine(db_url)
    upgrade_database(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def extractor():  # noqa: ANN201 - imported lazily: loading spaCy is the slow part
    """One loaded extractor for the whole session (the model takes a second to load)."""
    from banwatch.extract.extractor import Extractor

    return Extractor()
