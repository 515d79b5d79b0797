"""Engines, sessions and schema upgrades for any SQLAlchemy URL.

SQLite is tuned here (WAL, busy timeout, foreign keys) so that a crawl and a
reviewer can write at the same time without "database is locked" errors.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_BUSY_TIMEOUT_MS = 30_000
URL_EXAMPLES = "sqlite:///banwatch.db or postgresql+psycopg://user@host/dbname"
WHERE_THE_URL_IS = "--db or BANWATCH_DB"


class DatabaseUrlError(ValueError):
    """A database URL that cannot be used as given; the message says why and what to give."""


def check_database_url(url: str) -> URL:
    """``url`` parsed, with a driver that exists and, for SQLite, a folder that exists.

    Raises :class:`DatabaseUrlError` with one line a person can act on, before
    anything tries to connect (or to create a lock file beside the database).
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUrlError(
            f"{url!r} is not a database URL: give one like {URL_EXAMPLES} ({WHERE_THE_URL_IS})"
        ) from exc
    shown = parsed.render_as_string(hide_password=True)
    try:
        parsed.get_dialect()
    except NoSuchModuleError as exc:
        raise DatabaseUrlError(
            f"no database driver {parsed.drivername!r} (in {shown}):"
            f" use sqlite or postgresql+psycopg, e.g. {URL_EXAMPLES}"
        ) from exc
    database = parsed.database or ""
    on_disk = database not in ("", ":memory:") and not parsed.query.get("uri")
    if parsed.get_backend_name() == "sqlite" and on_disk:
        folder = Path(database).absolute().parent
        if not folder.is_dir():
            raise DatabaseUrlError(
                f"the folder {folder} for the SQLite database {shown} does not exist:"
                " create it, or give a path in a folder that exists"
            )
    return parsed


# What a database error's first line says, and what to do about it.
DATABASE_ERROR_HINTS = (
    ("file is not a database", "point the URL at a banwatch SQLite database or at a new file"),
    ("connection refused", "start the database server, or fix the host and port in the URL"),
    ("could not translate host name", "fix the host name in the URL"),
    ("password authentication failed", "fix the user name or password in the URL"),
    ("does not exist", "create it, or fix the name in the URL"),
    ("unable to open database file", "check that the SQLite file's folder exists and is writable"),
    ("readonly database", "make the SQLite file and its folder writable"),
    ("database is locked", "another program holds the database: try again when it is done"),
    ("timeout", "check that the database server is reachable from here"),
)


def database_error_message(exc: DBAPIError, url: str | None = None) -> str:
    """One line for a database that could not be used: what the driver said, and what to do."""
    said = str(exc.orig if exc.orig is not None else exc).strip().splitlines() or [""]
    reason = said[0].strip().rstrip(".")
    hint = next(
        (hint for phrase, hint in DATABASE_ERROR_HINTS if phrase in reason.lower()),
        f"check the database URL ({WHERE_THE_URL_IS}) and that the database is reachable",
    )
    where = ""
    if url is not None:
        try:
            where = f" {make_url(url).render_as_string(hide_password=True)}"
        except ArgumentError:
            where = ""
    return f"cannot use the database{where}: {reason}; {hint}"


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    # WAL is a property of the file and sticks: switch only when it is not set yet.
    # Asking to switch needs a lock that another process's open write transaction
    # holds, and SQLite answers "database is locked" at once instead of waiting, so a
    # crawl that opened its connection while a reviewer was writing used to fail here.
    mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    if str(mode).lower() not in {"wal", "memory"}:
        _switch_to_wal(cursor)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _switch_to_wal(cursor: Any, attempts: int = 50) -> None:
    """``PRAGMA journal_mode=WAL``, retried while another connection holds the lock."""
    for attempt in range(attempts):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.1)


def create_db_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine for ``url``; SQLite gets WAL mode, a busy timeout and foreign keys.

    A URL that cannot work raises :class:`DatabaseUrlError` (see :func:`check_database_url`).
    """
    check_database_url(url)
    if url.startswith("sqlite"):
        connect_args = kwargs.pop("connect_args", {})
        connect_args.setdefault("timeout", SQLITE_BUSY_TIMEOUT_MS / 1000)
        engine = create_engine(url, connect_args=connect_args, **kwargs)
        event.listen(engine, "connect", _tune_sqlite)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """A session factory that keeps loaded objects usable after commit."""
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A transactional session: committed on success, rolled back on error."""
    session = session_factory(engine)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def alembic_config(engine: Engine) -> Config:
    """An Alembic configuration bound to ``engine``, independent of the working directory.

    Alembic is imported here, not at module level: the crawl's child process
    uses this module on every run and never migrates, and importing Alembic
    cost it about a third of a second of start-up.
    """
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # configparser interpolates "%": URLs with escaped characters must double it.
    url = engine.url.render_as_string(hide_password=False).replace("%", "%%")
    config.set_main_option("sqlalchemy.url", url)
    config.attributes["engine"] = engine
    return config


def upgrade_database(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to ``revision``; safe to call on every start."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)
