"""``banwatch crawl`` takes the crawl lock like ``run-now`` and ``schedule``.

Two manual crawls on one database used to run at once and fetch each other's
articles. Now the second is refused (one line, status 75) or, with ``--wait``,
runs once the first is done. Real processes on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from scheduler_support import BAN_ARTICLES, NewsSite, runs_of, start_cli, wait_for, write_config

pytestmark = pytest.mark.slow


def _crawling(db_url: str) -> bool:
    """The first crawl holds the lock (taken before its run row) and its child has started."""
    runs = runs_of(db_url)
    return bool(runs) and runs[-1].status == "running" and "crawl_pid" in runs[-1].stats


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.kill()
        process.wait(timeout=30)


def _hanging_crawl(tmp_path: Path, db_url: str, site: NewsSite) -> tuple[Path, subprocess.Popen]:
    site.publish(BAN_ARTICLES[0])
    site.delay = 120  # the feed hangs until released
    config = write_config(tmp_path / "banwatch.toml", db_url, site)
    first = start_cli(["--config", str(config), "crawl", "--no-extract"], cwd=tmp_path)
    wait_for(lambda: _crawling(db_url), timeout=60, what="the first crawl to start")
    return config, first


def test_a_second_crawl_on_one_database_is_refused_with_status_75(
    db_url: str, news_site: NewsSite, tmp_path: Path
) -> None:
    config, first = _hanging_crawl(tmp_path, db_url, news_site)
    try:
        second = subprocess.run(
            [sys.executable, "-c", "from banwatch.cli import app; app()"]
            + ["--config", str(config), "crawl", "--no-extract"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert second.returncode == 75, second.stderr
        message = second.stderr.strip()
        assert "\n" not in message and "Traceback" not in message, message
        assert message.startswith("not crawling: another banwatch process"), message
        assert message.endswith("--wait waits for it"), message
        assert len(runs_of(db_url)) == 1, "the refused crawl wrote no run"
        assert news_site.feed_requests == 1, "and fetched nothing"
        assert runs_of(db_url)[0].status == "running", "the live run was not taken for dead"

        news_site.release.set()
        assert first.wait(timeout=120) == 0
    finally:
        _stop(first)
    (run,) = runs_of(db_url)
    assert run.status == "succeeded" and run.stats["articles_new"] == 1


def test_crawl_wait_runs_once_the_other_crawl_is_done(
    sqlite_url: str, news_site: NewsSite, tmp_path: Path
) -> None:
    config, first = _hanging_crawl(tmp_path, sqlite_url, news_site)
    second = start_cli(["--config", str(config), "crawl", "--no-extract", "--wait"], cwd=tmp_path)
    said: list[str] = []
    assert second.stderr is not None
    reader = threading.Thread(target=lambda: said.extend(second.stderr), daemon=True)
    reader.start()
    try:
        wait_for(lambda: any("waiting" in line for line in said), timeout=60, what="--wait")
        line = next(line for line in said if "waiting" in line)
        assert line.startswith("waiting until it is done: another banwatch process"), line
        assert second.poll() is None and len(runs_of(sqlite_url)) == 1
        news_site.release.set()
        assert first.wait(timeout=120) == 0
        assert second.wait(timeout=120) == 0, said
    finally:
        _stop(first)
        _stop(second)
    earlier, later = runs_of(sqlite_url)
    assert earlier.status == later.status == "succeeded"
    assert earlier.finished_at <= later.started_at, "one after the other"
    assert earlier.stats["articles_new"] == 1 and later.stats["articles_new"] == 0
