"""The scheduler: short cron intervals, a killed crawl, a missed run, two schedulers, SIGTERM.

Cron expressions with a seconds field make a job fire every two seconds, and
the stored next run time stands in for a clock that moved on while the machine
was off; crawls are made slow by the loopback site. Nothing waits for real
minutes.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from scheduler_support import (
    BAN_ARTICLES,
    NewsSite,
    make_settings,
    pid_alive,
    runs_of,
    start_cli,
    wait_for,
    write_config,
)
from sqlalchemy import func, select, text

from banwatch.config import ScheduleConfig, Settings
from banwatch.jobs import StopFlag
from banwatch.scheduler import (
    JOB_ID,
    build_scheduler,
    cron_trigger,
    crontab_weekdays,
    register_job,
    serve,
)
from banwatch.store.db import create_db_engine, session_scope
from banwatch.store.models import Article, CrawlRun

pytestmark = pytest.mark.slow

EVERY_TWO_SECONDS = "*/2 * * * * *"


@contextmanager
def serving(settings: Settings, extractor) -> Iterator[threading.Thread]:
    """A scheduler serving in a thread of this process, stopped (and joined) afterwards."""
    stop = StopFlag()
    failures: list[BaseException] = []

    def target() -> None:
        try:
            serve(settings, stop=stop, extractor=extractor)
        except BaseException as exc:  # surfaced by the test below, not lost in the thread
            failures.append(exc)

    thread = threading.Thread(target=target, name="test-scheduler")
    thread.start()
    try:
        yield thread
    finally:
        stop.request("test over")
        thread.join(timeout=90)
    assert not thread.is_alive(), "the scheduler did not stop"
    assert not failures, failures


def _finished(db_url: str) -> list[CrawlRun]:
    return [r for r in runs_of(db_url) if r.status != "running"]


def _assert_no_overlap(runs: list[CrawlRun]) -> None:
    spans = sorted((r.started_at, r.finished_at) for r in runs)
    for (_, end), (next_start, _) in zip(spans, spans[1:], strict=False):
        assert end is not None and end <= next_start, f"runs overlap: {spans}"


def test_a_job_every_two_seconds_runs_and_never_overlaps_a_longer_crawl(
    sqlite_url: str, news_site: NewsSite, extractor, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    news_site.publish(BAN_ARTICLES[0])
    news_site.delay = 3  # with the child's start-up, each crawl takes several intervals
    settings = make_settings(sqlite_url, news_site, schedule=ScheduleConfig(cron=EVERY_TWO_SECONDS))
    with serving(settings, extractor):
        wait_for(lambda: len(_finished(sqlite_url)) >= 2, timeout=150, what="two runs")
    runs = runs_of(sqlite_url)
    assert len(runs) >= 2
    assert all(r.status == "succeeded" for r in runs[:2]), [(r.status, r.error) for r in runs]
    assert runs[0].stats["articles_new"] == 1 and runs[1].stats["articles_new"] == 0
    assert all(r.trigger == "schedule" for r in runs)
    _assert_no_overlap(runs)
    assert any("maximum number of running instances" in m for m in caplog.messages), (
        "ticks during a crawl are skipped, not queued"
    )


def test_a_killed_crawl_is_recorded_failed_and_the_next_run_succeeds(
    sqlite_url: str, news_site: NewsSite, extractor
) -> None:
    news_site.publish(BAN_ARTICLES[0])
    news_site.delay = 120  # the first crawl hangs until it is killed
    settings = make_settings(sqlite_url, news_site, schedule=ScheduleConfig(cron=EVERY_TWO_SECONDS))
    with serving(settings, extractor) as thread:

        def crawl_pid() -> int | None:
            runs = runs_of(sqlite_url)
            return runs[0].stats.get("crawl_pid") if runs else None

        pid = wait_for(crawl_pid, timeout=60, what="the first crawl to start")
        os.kill(pid, signal.SIGKILL)
        news_site.delay = 0
        news_site.release.set()
        wait_for(
            lambda: any(r.status == "succeeded" for r in runs_of(sqlite_url)),
            timeout=120,
            what="a later run to succeed",
        )
        assert thread.is_alive(), "the scheduler kept running"
    first, *later = runs_of(sqlite_url)
    assert first.status == "failed"
    assert "killed by SIGKILL" in first.error
    assert first.finished_at is not None
    assert any(r.status == "succeeded" and r.stats["articles_new"] == 1 for r in later)
    _assert_no_overlap(runs_of(sqlite_url))


def _move_next_run(settings: Settings, when: datetime) -> None:
    """The machine was off: the stored job's next run time lies in the past."""
    scheduler = build_scheduler(settings)
    scheduler.start(paused=True)
    try:
        scheduler.modify_job(JOB_ID, next_run_time=when)
    finally:
        scheduler.shutdown(wait=False)


def _stored_next_run(settings: Settings) -> datetime:
    scheduler = build_scheduler(settings)
    scheduler.start(paused=True)
    try:
        job = scheduler.get_job(JOB_ID)
        assert job is not None
        return job.next_run_time
    finally:
        scheduler.shutdown(wait=False)


def _register_then_power_off(settings: Settings, extractor) -> None:
    stop = StopFlag()
    serve(settings, stop=stop, extractor=extractor, on_ready=lambda _job: stop.request("off"))


@pytest.mark.parametrize("grace_days", [7, 0])
def test_a_scheduler_restarted_after_missed_runs_catches_up_exactly_once(
    sqlite_url: str, news_site: NewsSite, extractor, grace_days: int
) -> None:
    now = datetime.now(UTC)
    # A nightly schedule whose hour was six hours ago: its next regular run is far off.
    hour = (now - timedelta(hours=6)).hour
    schedule = ScheduleConfig(
        cron=f"0 {hour} * * *", misfire_grace_time=max(grace_days * 86400, 3600)
    )
    settings = make_settings(sqlite_url, news_site, schedule=schedule)
    news_site.publish(BAN_ARTICLES[0])
    _register_then_power_off(settings, extractor)
    assert _stored_next_run(settings) > now, "registered for the next regular time"
    missed = (now - timedelta(days=3)).replace(hour=hour, minute=0, second=0, microsecond=0)
    _move_next_run(settings, missed)  # four nightly runs were missed, the last 6 h ago

    with serving(settings, extractor):
        if grace_days:
            wait_for(lambda: _finished(sqlite_url), timeout=90, what="the catch-up run")
        # A burst would start its next run right after the first one; give it time to show.
        threading.Event().wait(3)
    runs = runs_of(sqlite_url)
    if grace_days:
        assert len(runs) == 1, [(r.id, r.status) for r in runs]
        assert runs[0].status == "succeeded" and runs[0].trigger == "schedule"
    else:
        assert runs == [], "a run missed by more than the grace time waits for its next time"
    next_run = _stored_next_run(settings)
    assert next_run > datetime.now(UTC) and next_run.hour == hour


def test_two_schedulers_on_one_database_never_crawl_at_once(
    db_url: str, news_site: NewsSite, tmp_path: Path
) -> None:
    news_site.publish(BAN_ARTICLES[0])
    news_site.delay = 2
    config = write_config(
        tmp_path / "banwatch.toml", db_url, news_site, f'[schedule]\ncron = "{EVERY_TWO_SECONDS}"\n'
    )
    schedulers = [start_cli(["--config", str(config), "schedule"], tmp_path) for _ in range(2)]
    try:
        wait_for(lambda: len(_finished(db_url)) >= 2, timeout=180, what="two runs")
    finally:
        for process in schedulers:
            process.send_signal(signal.SIGTERM)
        outputs = [process.communicate(timeout=90) for process in schedulers]
    logs = "".join(err for _out, err in outputs)
    assert [p.returncode for p in schedulers] == [0, 0], logs[-3000:]
    runs = runs_of(db_url)
    _assert_no_overlap([r for r in runs if r.finished_at is not None])
    assert sum(r.status == "running" for r in runs) == 0
    assert "not crawling: another banwatch process" in logs, "the other scheduler did fire"
    assert all(r.status in ("succeeded", "interrupted") for r in runs), [r.error for r in runs]


def _wait_for_stored_article(db_url: str) -> int:
    engine = create_db_engine(db_url)
    try:

        def ready() -> int | None:
            runs = runs_of(db_url)
            if not runs or "crawl_pid" not in runs[-1].stats:
                return None
            with session_scope(engine) as session:
                stored = session.scalar(select(func.count(Article.id)))
            return runs[-1].stats["crawl_pid"] if stored == 1 else None

        return wait_for(ready, timeout=120, what="a crawl that stored one article and hangs")
    finally:
        engine.dispose()


def _assert_consistent_after_interruption(db_url: str, crawl_pid: int) -> None:
    (run,) = runs_of(db_url)
    assert run.status == "interrupted", (run.status, run.error)
    assert "SIGTERM" in run.error
    assert run.finished_at is not None
    assert not pid_alive(crawl_pid), "the crawl's child did not outlive the stop"
    engine = create_db_engine(db_url)
    with session_scope(engine) as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        article = session.scalars(select(Article)).one()
        assert len(article.text) > 200 and article.extracted_version is None
    engine.dispose()


def _slow_second_article(news_site: NewsSite) -> None:
    news_site.publish(BAN_ARTICLES[0], BAN_ARTICLES[1])
    news_site.slow_articles = {BAN_ARTICLES[1]}
    news_site.article_delay = 120


def test_sigterm_stops_the_scheduler_cleanly_and_marks_the_running_crawl_interrupted(
    sqlite_url: str, news_site: NewsSite, tmp_path: Path
) -> None:
    _slow_second_article(news_site)
    config = write_config(
        tmp_path / "banwatch.toml",
        sqlite_url,
        news_site,
        f'[schedule]\ncron = "{EVERY_TWO_SECONDS}"\n',
    )
    process = start_cli(["--config", str(config), "schedule"], tmp_path)
    try:
        pid = _wait_for_stored_article(sqlite_url)
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=90)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err[-3000:]
    _assert_consistent_after_interruption(sqlite_url, pid)
    engine = create_db_engine(sqlite_url)
    with engine.connect() as connection:
        jobs = connection.execute(text("SELECT id FROM apscheduler_jobs")).scalars().all()
    engine.dispose()
    assert jobs == [JOB_ID], "the job stays stored for the next start"


def test_sigterm_to_run_now_marks_the_run_interrupted(
    sqlite_url: str, news_site: NewsSite, tmp_path: Path
) -> None:
    _slow_second_article(news_site)
    config = write_config(tmp_path / "banwatch.toml", sqlite_url, news_site)
    process = start_cli(["--config", str(config), "run-now"], tmp_path)
    try:
        pid = _wait_for_stored_article(sqlite_url)
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=90)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, err[-3000:]
    _assert_consistent_after_interruption(sqlite_url, pid)


def test_crontab_weekdays_mean_what_they_mean_in_crontab() -> None:
    assert crontab_weekdays("1-5") == "mon,tue,wed,thu,fri"
    assert crontab_weekdays("0") == crontab_weekdays("7") == "sun"
    assert crontab_weekdays("5-7") == "fri,sat,sun"
    assert crontab_weekdays("*/2") == "tue,thu,sat,sun"
    assert crontab_weekdays("mon,wed") == "mon,wed"
    assert crontab_weekdays("*") == "*"
    with pytest.raises(ValueError):
        crontab_weekdays("8")
    monday_two_am = datetime(2024, 1, 1, 2, 0, tzinfo=UTC)  # 2024-01-01 was a Monday
    trigger = cron_trigger("0 2 * * 1", "UTC")
    assert trigger.get_next_fire_time(None, monday_two_am - timedelta(hours=1)) == monday_two_am
    seconds = cron_trigger(EVERY_TWO_SECONDS, "UTC")
    start = datetime(2024, 1, 1, 0, 0, 1, tzinfo=UTC)
    assert seconds.get_next_fire_time(None, start) == start + timedelta(seconds=1)


def _register(settings: Settings) -> datetime:
    scheduler = build_scheduler(settings)
    scheduler.start(paused=True)
    try:
        return register_job(scheduler, settings).next_run_time
    finally:
        scheduler.shutdown(wait=False)


def test_registering_keeps_a_missed_run_and_follows_a_changed_schedule(sqlite_url: str) -> None:
    at_three = make_settings(sqlite_url, schedule=ScheduleConfig(cron="0 3 * * *"))
    first = _register(at_three)
    assert first > datetime.now(UTC) and first.hour == 3
    assert _register(at_three) == first, "a restart keeps the stored time"
    at_four = make_settings(sqlite_url, schedule=ScheduleConfig(cron="0 4 * * *"))
    assert _register(at_four).hour == 4, "a changed schedule starts from its own next time"
    missed = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=5)
    _move_next_run(at_four, missed)
    kept = _register(make_settings(sqlite_url, schedule=ScheduleConfig(cron="0 5 * * *")))
    assert abs((kept - missed).total_seconds()) < 1, "a missed run is still owed"


def test_shutting_the_scheduler_down_never_consumes_a_due_run(sqlite_url: str) -> None:
    settings = make_settings(sqlite_url, schedule=ScheduleConfig(cron="0 3 * * *"))
    _register(settings)
    due = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    _move_next_run(settings, due)  # starts and shuts down a scheduler while the run is due
    _move_next_run(settings, due)
    assert abs((_stored_next_run(settings) - due).total_seconds()) < 1
