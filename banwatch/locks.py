"""One crawl at a time per database, with locks the operating system or server releases.

Two schedulers (or a scheduler and ``banwatch run-now`` from cron) pointed at
one database must not crawl at once. A lock *row* would outlive a process
killed with SIGKILL or a machine that lost power, and would need a schema
change; these locks cannot go stale:

- PostgreSQL: a session-level ``pg_try_advisory_lock`` on a connection of its
  own. The server drops it when that connection ends, however the process died.
  The key covers the database and the schema, so tests (and teams) that keep
  several banwatch data sets in one PostgreSQL database do not block each other.
- SQLite: ``flock`` on a file beside the database file (``banwatch.db-crawl.lock``;
  ``-schema.lock`` for schema upgrades).
  The kernel drops it when the process exits. An in-memory database lives in
  one process only, so a lock inside the process is enough there.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import math
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

log = logging.getLogger(__name__)
_memory_locks: dict[str, threading.Lock] = {}
_memory_locks_guard = threading.Lock()


class LockBusy(RuntimeError):
    """Another process holds the crawl lock for this database."""


class LockUnsupported(RuntimeError):
    """The database is neither SQLite nor PostgreSQL, for which banwatch has no lock."""


@contextmanager
def crawl_lock(db_url: str, name: str = "crawl", wait: float = 0) -> Iterator[None]:
    """Hold the ``name`` lock for ``db_url`` for the ``with`` block; raise ``LockBusy`` if taken.

    By default it never waits: a scheduler that finds the crawl lock taken
    skips its run, since the holder is already doing the same work. ``wait``
    (seconds) is for short critical sections such as a schema upgrade, or
    ``math.inf`` for ``banwatch crawl --wait``.
    """
    url = make_url(db_url)
    backend = url.get_backend_name()
    if backend == "sqlite":
        database = url.database or ""
        if database in ("", ":memory:") or url.query.get("mode") == "memory":
            with _memory_lock(f"{db_url}|{name}", wait):
                yield
        else:
            with _file_lock(sqlite_lock_path(database, name), wait):
                yield
    elif backend == "postgresql":
        with _advisory_lock(db_url, name, wait):
            yield
    else:
        raise LockUnsupported(f"no crawl lock for {backend} databases: use SQLite or PostgreSQL")


def crawl_lock_free(db_url: str, name: str = "crawl") -> bool:
    """Whether nobody holds the ``name`` lock at this moment.

    It is taken and let go at once: a crawl starting a moment later finds it free.
    """
    try:
        with crawl_lock(db_url, name):
            return True
    except LockBusy:
        return False


def sqlite_lock_path(database: str, name: str = "crawl") -> Path:
    """The lock file beside an SQLite database file (named like SQLite's own -wal and -shm)."""
    path = Path(database.removeprefix("file:").split("?", 1)[0])
    return path.with_name(f"{path.name}-{name}.lock").resolve()


def _retry(attempt: Callable[[], bool], wait: float) -> bool:
    """Try ``attempt`` until it succeeds or ``wait`` seconds have passed."""
    deadline = time.monotonic() + wait
    while not attempt():
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    return True


def _try_flock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextmanager
def _file_lock(path: Path, wait: float = 0) -> Iterator[None]:
    # O_CLOEXEC (Python's default) keeps the descriptor out of the crawl's child process:
    # a child that outlived its parent must not keep the lock.
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _retry(lambda: _try_flock(fd), wait):
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
            raise LockBusy(
                f"another banwatch process{f' (pid {holder})' if holder else ''} holds {path}"
            )
        # The pid is only a hint for people; the lock itself is the flock.
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextmanager
def _memory_lock(key: str, wait: float = 0) -> Iterator[None]:
    with _memory_locks_guard:
        lock = _memory_locks.setdefault(key, threading.Lock())
    if wait <= 0:
        acquired = lock.acquire(blocking=False)
    else:  # threading refuses an infinite timeout; -1 means the same
        acquired = lock.acquire(timeout=-1 if math.isinf(wait) else wait)
    if not acquired:
        raise LockBusy("another job in this process holds the crawl lock")
    try:
        yield
    finally:
        lock.release()


def advisory_key(database: str, schema: str, name: str) -> int:
    """A stable signed 64-bit key for ``pg_try_advisory_lock``, one per data set and purpose."""
    digest = hashlib.blake2b(f"banwatch|{name}|{database}|{schema}".encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big", signed=True)


@contextmanager
def _advisory_lock(db_url: str, name: str, wait: float = 0) -> Iterator[None]:
    url = make_url(db_url)
    connect_args: dict[str, object] = {}
    if url.get_driver_name() in ("psycopg", "psycopg2"):
        # A crawl can take an hour; keepalives stop a silent network drop from
        # leaving the server thinking this session (and its lock) is still alive.
        connect_args = {"keepalives": 1, "keepalives_idle": 60, "keepalives_interval": 15}
    # A connection of its own (no pool), in autocommit so that it sits idle rather
    # than "idle in transaction", which idle_in_transaction_session_timeout would kill.
    engine = create_engine(
        url, poolclass=NullPool, isolation_level="AUTOCOMMIT", connect_args=connect_args
    )
    try:
        with engine.connect() as connection:
            key = _key_for(connection, name)
            statement = text("SELECT pg_try_advisory_lock(:k)")
            if not _retry(lambda: bool(connection.execute(statement, {"k": key}).scalar()), wait):
                holder = connection.execute(
                    text(
                        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
                        " AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = :k"
                        " AND database = (SELECT oid FROM pg_database"
                        " WHERE datname = current_database()) LIMIT 1"
                    ),
                    {"k": key},
                ).scalar()
                where = f" (server backend pid {holder})" if holder else ""
                raise LockBusy(f"another banwatch process holds the {name} lock{where}")
            try:
                yield
            finally:
                _unlock(connection, key)
    finally:
        engine.dispose()


def _key_for(connection: Connection, name: str) -> int:
    row = connection.execute(text("SELECT current_database(), current_schema()")).one()
    return advisory_key(str(row[0]), str(row[1]), name)


def _unlock(connection: Connection, key: int) -> None:
    # Closing the connection releases the lock too; unlocking first makes it
    # immediate even if a pooler keeps the server session open.
    try:
        connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
    except SQLAlchemyError as exc:
        log.warning("could not unlock explicitly (%s); closing the connection releases it", exc)
