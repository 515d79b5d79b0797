"""The crawl lock: one holder per database, released when the holder dies however it dies."""

from __future__ import annotations

import os
import signal

import pytest
from scheduler_support import hold_lock_in_child

from banwatch.locks import LockBusy, advisory_key, crawl_lock, sqlite_lock_path


def test_a_lock_held_by_another_process_is_busy_and_freed_when_it_is_killed(db_url: str) -> None:
    holder = hold_lock_in_child(db_url)
    try:
        with pytest.raises(LockBusy, match="another banwatch process"), crawl_lock(db_url):
            pytest.fail("two processes held the crawl lock at once")
        os.kill(holder.pid, signal.SIGKILL)  # no chance to clean up: the OS/server must
        holder.wait(timeout=10)
        with crawl_lock(db_url):
            pass
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def test_the_lock_is_free_again_after_the_block(db_url: str) -> None:
    with crawl_lock(db_url), pytest.raises(LockBusy), crawl_lock(db_url):
        pytest.fail("the lock was taken twice")
    with crawl_lock(db_url):
        pass


def test_sqlite_lock_file_sits_beside_the_database(sqlite_url: str) -> None:
    database = sqlite_url.removeprefix("sqlite:///")
    with crawl_lock(sqlite_url):
        path = sqlite_lock_path(database)
        assert str(path.parent) == os.path.dirname(os.path.abspath(database))
        assert path.name == "banwatch.db-crawl.lock"
        assert path.read_text().strip() == str(os.getpid())


def test_in_memory_sqlite_locks_within_the_process() -> None:
    with crawl_lock("sqlite://"), pytest.raises(LockBusy), crawl_lock("sqlite://"):
        pytest.fail("the lock was taken twice")


def test_advisory_keys_differ_per_schema_and_purpose() -> None:
    keys = {
        advisory_key("test", "public", "crawl"),
        advisory_key("test", "bw_1", "crawl"),
        advisory_key("other", "public", "crawl"),
        advisory_key("test", "public", "digest"),
    }
    assert len(keys) == 4
    assert all(-(2**63) <= key < 2**63 for key in keys)
