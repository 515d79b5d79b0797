"""Runs whose process was killed: found by the crawl lock, marked "died", with their counts.

A ``banwatch crawl`` killed with SIGKILL used to leave its run "running"
forever, with counts of 0 however many articles it had stored (they were
written only at the end), and ``runs --check`` said all was well.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path
from typing import Any

import pytest
from scheduler_support import (
    BAN_ARTICLES,
    NewsSite,
    group_members,
    hold_lock_in_child,
    make_settings,
    pid_alive,
    runs_of,
    start_cli,
    wait_for,
    write_config,
)
from sqlalchemy import func, select
from typer.testing import CliRunner

from banwatch.cli import app
from banwatch.jobs import ABANDONED_ERROR, close_abandoned_runs, close_dead_runs, run_crawl_job
from banwatch.locks import crawl_lock
from banwatch.store.db import create_db_engine, session_scope, upgrade_database
from banwatch.store.models import Article, CrawlRun
from banwatch.store.runs import start_run


def _stored(db_url: str) -> int:
    engine = create_db_engine(db_url)
    try:
        with session_scope(engine) as session:
            return session.scalar(select(func.count(Article.id))) or 0
    finally:
        engine.dispose()


def _runs_jsonl(config: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["--config", str(config), "runs", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    return [r for r in records if r["record"] == "run"]


def _start_slow_crawl(tmp_path: Path, db_url: str, site: NewsSite) -> subprocess.Popen[str]:
    """``banwatch crawl`` of one fast and one never-answering article, and a feed that 404s."""
    site.publish(BAN_ARTICLES[0], BAN_ARTICLES[1])
    site.slow_articles = {BAN_ARTICLES[1]}
    site.article_delay = 120
    missing = (
        f'[[sources]]\nname = "missing"\nkind = "feed"\nurl = "{site.base_url}/gone.xml"\n'
        "allow_private = true\n"
    )
    config = write_config(tmp_path / "banwatch.toml", db_url, site, extra=missing)
    return start_cli(["--config", str(config), "crawl", "--no-extract"], cwd=tmp_path)


def _counts_committed(db_url: str) -> dict[str, Any] | None:
    """The live run's stats once they show the stored article and the failed feed."""
    runs = runs_of(db_url)
    stats = runs[-1].stats if runs else {}
    done = stats.get("articles_new") == 1 and stats.get("errors", {}).get("http_404") == 1
    return stats if done and "crawl_pid" in stats else None


def _kill(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


@pytest.mark.slow
def test_a_crawl_killed_with_sigkill_is_marked_died_with_the_counts_it_had_reached(
    db_url: str, news_site: NewsSite, tmp_path: Path
) -> None:
    crawl = _start_slow_crawl(tmp_path, db_url, news_site)
    child_pid = None
    try:
        stats = wait_for(
            lambda: _counts_committed(db_url), timeout=45, what="the counts, committed mid-crawl"
        )
        child_pid = stats["crawl_pid"]
        assert _stored(db_url) == 1 and pid_alive(child_pid), "mid-crawl: one article waits"
        # Nothing gets to clean up: the banwatch process and its crawl both die at once.
        os.kill(child_pid, signal.SIGKILL)
        _kill(crawl)
    finally:
        _kill(crawl)
        if child_pid is not None and pid_alive(child_pid):
            os.kill(child_pid, signal.SIGKILL)
    (row,) = runs_of(db_url)
    assert row.status == "running", "nobody closed it"
    # Its text-extraction workers notice and leave, rather than sleep on as orphans.
    wait_for(lambda: not group_members(child_pid), timeout=15, what="the parse workers to exit")

    config = tmp_path / "banwatch.toml"
    (run,) = _runs_jsonl(config)
    assert run["status"] == "died"
    assert run["error"] == ABANDONED_ERROR
    assert run["articles_new"] == 1
    assert run["errors"] >= 2, "the 404 and the failed source"
    check = CliRunner().invoke(app, ["--config", str(config), "runs", "--check"])
    assert check.exit_code == 1, check.output


@pytest.mark.slow
def test_the_crawl_stops_by_itself_when_its_banwatch_process_is_killed(
    sqlite_url: str, news_site: NewsSite, tmp_path: Path
) -> None:
    """The crawl's child is in a session of its own: nothing else would stop it."""
    crawl = _start_slow_crawl(tmp_path, sqlite_url, news_site)
    try:
        stats = wait_for(lambda: _counts_committed(sqlite_url), timeout=45, what="the crawl")
        os.kill(crawl.pid, signal.SIGKILL)  # the parent only, which holds the lock
        crawl.wait(timeout=30)
        wait_for(lambda: not pid_alive(stats["crawl_pid"]), timeout=30, what="the child to stop")
    finally:
        _kill(crawl)
    (run,) = _runs_jsonl(tmp_path / "banwatch.toml")
    assert run["status"] == "died"
    assert run["articles_new"] == 1
    (row,) = runs_of(sqlite_url)
    assert row.sources_report["test-feed"]["links"] == 2, "the child recorded what it had done"


def test_a_run_whose_process_holds_the_lock_is_left_running(db_url: str) -> None:
    engine = create_db_engine(db_url)
    upgrade_database(engine)
    with session_scope(engine) as session:
        live = start_run(session, "cli").id
    holder = hold_lock_in_child(db_url)
    try:
        assert close_dead_runs(engine, db_url) == []
        with session_scope(engine) as session:
            assert session.get(CrawlRun, live).status == "running"
        holder.kill()
        holder.wait(timeout=10)
        assert close_dead_runs(engine, db_url) == [live]
        with session_scope(engine) as session:
            run = session.get(CrawlRun, live)
            assert run.status == "died" and run.error == ABANDONED_ERROR
            assert run.finished_at is None, "nobody knows when it stopped"
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        engine.dispose()


def test_the_lock_holder_marks_every_run_left_running(db_url: str) -> None:
    engine = create_db_engine(db_url)
    upgrade_database(engine)
    with session_scope(engine) as session:
        dead = [start_run(session, trigger).id for trigger in ("schedule", "cli", "run-now")]
    with crawl_lock(db_url):
        assert close_abandoned_runs(engine) == dead
    with session_scope(engine) as session:
        assert {session.get(CrawlRun, i).status for i in dead} == {"died"}
    engine.dispose()


@pytest.mark.slow
def test_extraction_commits_the_event_counts_with_each_batch(
    sqlite_url: str, news_site: NewsSite, extractor
) -> None:
    news_site.publish(*BAN_ARTICLES)
    settings = make_settings(sqlite_url, news_site)
    seen: list[dict[str, Any]] = []

    def look(_done: int, _total: int) -> None:  # called after each batch is committed
        seen.append(dict(runs_of(sqlite_url)[-1].stats))

    result = run_crawl_job(
        settings, settings.sources, extractor=extractor, on_extract_progress=look
    )
    assert result.status == "succeeded", result.error
    assert seen, "extraction ran"
    assert seen[-1]["events_new"] == result.stats["events_new"] >= 1
    assert seen[-1]["articles_extracted"] == len(BAN_ARTICLES)
