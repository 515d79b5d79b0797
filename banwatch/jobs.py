"""The main job: crawl the sources, extract events from new articles, record the run.

The CLI (`banwatch crawl`, `banwatch demo`) and the scheduler both call
``run_crawl_job``, so an unattended night does exactly what a person would.
``run_scheduled_job`` wraps it for unattended runs (`banwatch schedule`,
`banwatch run-now`): one at a time per database, then source health and the
digest.

Stopping is part of the job, not an afterthought: a SIGTERM from systemd or a
Ctrl-C stops the crawl's child process group and records the run as
``interrupted``. Nothing is half-written because every write is already its
own transaction: the crawl commits articles in small batches (at most a
second's worth, and the rest when it stops; a killed crawl loses only the batch
in hand, fetched again next time), extraction commits batch by batch, the
run's counts are committed with the articles and events they count, and the
run row is closed in one transaction at the end. Articles that were stored but
not yet read are read by the next run.

Every run holds the crawl lock (``banwatch.locks``) from before its row is
written until after it is closed, so a row still "running" while nobody holds
the lock belongs to a process that died without closing it (SIGKILL, a lost
machine). The lock, not a heartbeat, tells: the operating system or the
database server drops it the moment its holder dies, where a heartbeat would
need a timeout long enough for a stalled-but-alive crawl and would report a
death only after it. The next command that looks (``runs``, ``crawl``,
``run-now``, ``schedule``) marks such rows ``died``.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from banwatch.config import Settings, SourceConfig
from banwatch.crawler.runner import crawl_in_child
from banwatch.digest import deliver_digest
from banwatch.extract.extractor import Extractor
from banwatch.extraction import ExtractionCounts, extract_stored_articles
from banwatch.health import flagged, source_health
from banwatch.learning.team_model import make_extractor
from banwatch.locks import LockBusy, LockUnsupported, crawl_lock, crawl_lock_free
from banwatch.store.db import create_db_engine, session_scope, upgrade_database
from banwatch.store.models import CrawlRun
from banwatch.store.runs import add_run_stats, finish_run, start_run

log = logging.getLogger(__name__)

#: Seconds to wait for another process's schema upgrade before giving up.
SCHEMA_LOCK_WAIT = 300
#: The status of a run whose process ended without closing it, and why.
DIED = "died"
ABANDONED_ERROR = (
    "the process running it ended without recording an outcome (killed, or the machine"
    " stopped); its counts are those it had committed"
)


@dataclass
class JobResult:
    """What one run did, as recorded in its run row."""

    run_id: int
    status: str
    error: str | None
    stats: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, Any] = field(default_factory=dict)


class StopFlag(threading.Event):
    """A request to stop the running job, set from a signal handler or another thread.

    A plain event would do, but the run row should say *why* it stopped.
    """

    def __init__(self) -> None:
        super().__init__()
        self.reason: str | None = None

    def request(self, reason: str) -> None:
        """Ask the job to stop; the first reason given is the one recorded."""
        if not self.is_set():
            self.reason = reason
        self.set()


class _Stopped(Exception):
    """Raised between extraction batches to leave the pass early."""


@contextmanager
def stop_on_signals(stop: StopFlag) -> Iterator[StopFlag]:
    """Turn SIGTERM and SIGINT into a stop request while the block runs.

    Only the main thread can set signal handlers; elsewhere this does nothing
    and whoever owns the main thread sets ``stop``. A second signal raises
    ``KeyboardInterrupt``: a person pressing Ctrl-C twice does not want to wait.
    """
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum: int, _frame: FrameType | None) -> None:
        name = signal.Signals(signum).name
        if stop.is_set():
            raise KeyboardInterrupt(f"second {name}")
        stop.request(f"stopped by {name}")

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield stop
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def open_database(settings: Settings) -> Engine:
    """An engine on the configured database, with the schema brought up to date.

    The upgrade runs under a lock (waiting for it) because two processes
    starting at once on a new database, such as two schedulers, would otherwise
    both create the tables, and SQLite's DDL is not transactional.
    """
    engine = create_db_engine(settings.db_url)
    try:
        with crawl_lock(settings.db_url, name="schema", wait=SCHEMA_LOCK_WAIT):
            upgrade_database(engine)
    except LockUnsupported:
        upgrade_database(engine)
    return engine


def run_crawl_job(
    settings: Settings,
    sources: Sequence[SourceConfig],
    *,
    trigger: str = "cli",
    refresh: bool = False,
    extract: bool = True,
    extractor: Extractor | None = None,
    on_crawl_tick: Callable[[float], None] | None = None,
    on_extract_progress: Callable[[int, int], None] | None = None,
    scrapy_overrides: dict[str, Any] | None = None,
    stop: StopFlag | None = None,
    lock_wait: float = 0,
    holding_lock: bool = False,
) -> JobResult:
    """Crawl ``sources`` in a child process, then extract events from what is new.

    Articles the crawl stored before a failure are still extracted: a bad night
    loses nothing it already fetched. Without a ``stop`` flag of the caller's,
    SIGTERM and Ctrl-C stop the run (main thread only) and it is recorded as
    interrupted; with one, the caller decides when to stop.

    The run holds the crawl lock throughout (``holding_lock``: the caller
    already does). If another process holds it for more than ``lock_wait``
    seconds (``math.inf``: however long), ``LockBusy`` is raised before
    anything is written. Runs left "running" by dead processes are marked first.
    """
    with ExitStack() as stack:
        locked = holding_lock or _hold_crawl_lock(stack, settings.db_url, lock_wait)
        if stop is None:
            stop = stack.enter_context(stop_on_signals(StopFlag()))
        engine = open_database(settings)
        stack.callback(engine.dispose)
        if locked:
            close_abandoned_runs(engine)
        with session_scope(engine) as session:
            run_id = start_run(session, trigger).id
        try:
            return _crawl_and_extract(
                engine,
                settings,
                run_id,
                [s for s in sources if s.enabled],
                stop,
                refresh=refresh,
                extract=extract,
                extractor=extractor,
                on_crawl_tick=on_crawl_tick,
                on_extract_progress=on_extract_progress,
                scrapy_overrides=scrapy_overrides,
            )
        except KeyboardInterrupt:
            # crawl_in_child has already stopped the child; say so before giving up.
            _close_run(engine, run_id, "interrupted", stop.reason or "interrupted (Ctrl-C)")
            raise
        except BaseException as exc:
            _close_run(engine, run_id, "failed", f"{type(exc).__name__}: {exc}")
            raise


def _hold_crawl_lock(stack: ExitStack, db_url: str, wait: float) -> bool:
    """Take the crawl lock for the rest of ``stack``; a database without one crawls unlocked."""
    try:
        stack.enter_context(crawl_lock(db_url, wait=wait))
    except LockUnsupported as exc:
        log.warning("%s; crawling without it", exc)
        return False
    return True


def _crawl_and_extract(
    engine: Engine,
    settings: Settings,
    run_id: int,
    enabled: list[SourceConfig],
    stop: StopFlag,
    *,
    refresh: bool,
    extract: bool,
    extractor: Extractor | None,
    on_crawl_tick: Callable[[float], None] | None,
    on_extract_progress: Callable[[int, int], None] | None,
    scrapy_overrides: dict[str, Any] | None,
) -> JobResult:
    crawl_args: dict[str, Any] = {
        "refresh": refresh,
        "timeout": settings.crawl_timeout,
        "scrapy_overrides": scrapy_overrides,
        "keywords": list(dict.fromkeys(k for topic in settings.topics for k in topic.keywords)),
        "on_tick": on_crawl_tick,
        "should_stop": stop.is_set,
    }
    sources = [s.to_dict() for s in enabled]
    if settings.queue_url:
        # Spread over the `banwatch worker` processes serving this queue (imported
        # here: a local crawl's parent never loads Scrapy or Redis).
        from banwatch.crawler.coordinator import crawl_on_queue

        outcome = crawl_on_queue(
            settings.queue_url,
            settings.queue_prefix,
            settings.db_url,
            run_id,
            sources,
            settings.effective_user_agent,
            **crawl_args,
        )
    else:
        outcome = crawl_in_child(
            settings.db_url, run_id, sources, settings.effective_user_agent, **crawl_args
        )
    if outcome.log_tail:
        # What the crawl logged (warnings and errors), however it ended.
        merge_run_stats(engine, run_id, {"crawl_log_tail": outcome.log_tail})

    counts = ExtractionCounts()
    extraction_error: str | None = None
    if extract and not stop.is_set():
        extractor = extractor or make_extractor(settings)

        def progress(done: int, total: int) -> None:
            if on_extract_progress is not None:
                on_extract_progress(done, total)
            if stop.is_set():
                raise _Stopped

        def record(session: Session, so_far: ExtractionCounts) -> None:
            add_run_stats(session, run_id, _extraction_stats(so_far))

        try:
            counts = extract_stored_articles(
                engine, extractor, on_progress=progress, on_batch=record
            )
        except _Stopped:
            log.info("extraction stopped between batches; the next run reads the rest")
        except Exception as exc:  # recorded on the run; the articles stay for the next pass
            extraction_error = f"extraction failed: {type(exc).__name__}: {exc}"

    if stop.is_set():
        status = "interrupted"
        error = "; ".join(e for e in (stop.reason or "stopped", outcome.error) if e)
    else:
        error = "\n".join(e for e in (outcome.error, extraction_error) if e) or None
        status = "succeeded" if error is None else "failed"
    stats = {"crawl_seconds": round(outcome.seconds, 2)}
    if not stop.is_set():
        stats.update(_extraction_stats(counts))
    with session_scope(engine) as session:
        run = session.get(CrawlRun, run_id)
        assert run is not None
        finish_run(session, run, status, stats=stats, error=error)
        return _result_of(run)


def _extraction_stats(counts: ExtractionCounts) -> dict[str, int]:
    return {
        "articles_extracted": counts.articles,
        "mentions": counts.mentions,
        "events_new": counts.events_new,
        "events_touched": counts.events_touched,
    }


def _result_of(run: CrawlRun) -> JobResult:
    return JobResult(
        run.id, run.status, run.error, dict(run.stats or {}), dict(run.sources_report or {})
    )


def _close_run(engine: Engine, run_id: int, status: str, error: str) -> None:
    """Close a run that an exception cut short, unless it was already closed."""
    with session_scope(engine) as session:
        run = session.get(CrawlRun, run_id)
        if run is not None and run.status == "running":
            finish_run(session, run, status, error=error)


def merge_run_stats(engine: Engine, run_id: int, values: dict[str, Any]) -> None:
    """Add keys to a run's ``stats`` JSON, in a transaction of their own."""
    with session_scope(engine) as session:
        add_run_stats(session, run_id, values)


def close_abandoned_runs(engine: Engine, ids: Collection[int] | None = None) -> list[int]:
    """Mark as died the runs left "running" by a process that ended without closing them.

    Only call this holding the crawl lock (then no live process owns a running
    row), or with ``ids`` read before the lock was found free (``close_dead_runs``).
    Their end time stays empty because nobody knows when they stopped; their
    counts are those the run had committed.
    """
    query = select(CrawlRun).where(CrawlRun.status == "running")
    if ids is not None:
        query = query.where(CrawlRun.id.in_(ids))
    with session_scope(engine) as session:
        runs = session.scalars(query).all()
        for run in runs:
            run.status = DIED
            run.error = ABANDONED_ERROR
        closed = [run.id for run in runs]
    if closed:
        log.warning("runs %s had been abandoned by their process; marked %s", closed, DIED)
    return closed


def close_dead_runs(engine: Engine, db_url: str) -> list[int]:
    """Mark the runs whose process is gone, for a command that looks without crawling.

    A row still "running" that was there before the crawl lock was found free
    belongs to a dead process: its owner would hold the lock, or would have
    closed the row before letting go. The lock is only taken and let go at
    once (not held while writing), and a crawl that takes it afterwards writes
    a newer row than those read here, so no live run is marked.
    """
    with session_scope(engine) as session:
        running = list(session.scalars(select(CrawlRun.id).where(CrawlRun.status == "running")))
    if not running:
        return []
    try:
        if not crawl_lock_free(db_url):
            return []  # the holder marks them when it starts, or a later look does
    except LockUnsupported:
        return []
    return close_abandoned_runs(engine, running)


def _retrain(engine: Engine, settings: Settings, run_id: int, stop: StopFlag) -> None:
    """Retrain after enough new review decisions ([learning] retrain_after) and record it
    on the run for the digest; a training failure is logged, never the run's."""
    from banwatch.learning.retrain import retrain_if_due

    if stop.is_set():
        return
    try:
        record = retrain_if_due(engine, settings)
    except Exception:  # the run is recorded; a training bug must not hide that
        log.exception("could not retrain after run %d", run_id)
        return
    if record is not None:
        merge_run_stats(engine, run_id, {"retrain": record})


def run_scheduled_job(
    settings: Settings,
    *,
    trigger: str = "schedule",
    extractor: Extractor | None = None,
    stop: StopFlag | None = None,
) -> JobResult | None:
    """The whole unattended job: lock, crawl every enabled source, extract, judge, tell.

    Returns ``None`` having done nothing when another process holds the crawl
    lock for this database (it is doing this same work) or a stop was already
    requested. After a run that was not interrupted, source health is recorded
    on the run and the digest goes out.
    """
    with ExitStack() as stack:
        if stop is None:
            stop = stack.enter_context(stop_on_signals(StopFlag()))
        try:
            stack.enter_context(crawl_lock(settings.db_url))
        except LockBusy as exc:
            log.warning("not crawling: %s", exc)
            return None
        if stop.is_set():
            return None
        engine = open_database(settings)
        stack.callback(engine.dispose)
        result = run_crawl_job(
            settings,
            settings.sources,
            trigger=trigger,
            extractor=extractor,
            stop=stop,
            holding_lock=True,
        )
        if result.status == "interrupted":
            return result
        with session_scope(engine) as session:
            flags = flagged(source_health(session, settings))
        merge_run_stats(engine, result.run_id, {"source_flags": flags})
        _retrain(engine, settings, result.run_id, stop)
        try:
            deliver_digest(engine, settings, result.run_id)
        except Exception:  # the run is recorded; a digest bug must not hide that
            log.exception("could not prepare the digest for run %d", result.run_id)
        with session_scope(engine) as session:
            run = session.get(CrawlRun, result.run_id)
            assert run is not None
            return _result_of(run)
