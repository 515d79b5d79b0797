"""Unattended crawls: an APScheduler 3.x cron job that runs the whole banwatch job.

The job lives in an APScheduler SQLAlchemy job store in banwatch's own
database, under a fixed id with ``replace_existing``, so a restart neither
loses nor duplicates it. ``max_instances=1`` and ``coalesce=True`` with a
misfire grace time mean a machine that was off at the scheduled hour runs one
catch-up crawl when it comes back, never a burst, and never two at once.

Two details that APScheduler leaves to its user:

- ``add_job(..., replace_existing=True)`` computes a fresh next run time from
  the trigger, which would silently drop a run missed while the machine was
  off. ``register_job`` keeps the stored, missed time, so the catch-up happens.
- Schedulers in several processes may share one job store and will all fire
  the job. The crawl lock (``banwatch.locks``) lets exactly one of them crawl;
  the others log that they skipped.

The job itself takes no arguments: the process that runs it supplies the
settings (see ``serve``), so no database URL or password is pickled into the
job store, and two schedulers with different settings do not overwrite each
other's.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.job import Job
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_STOPPED, BaseScheduler
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from banwatch.config import ConfigError, Settings, load_settings
from banwatch.extract.extractor import Extractor
from banwatch.jobs import StopFlag, run_scheduled_job, stop_on_signals
from banwatch.store.db import create_db_engine

JOB_ID = "banwatch-nightly-crawl"
JOB_NAME = "crawl, extract, record the run, send the digest"
MISFIRE_GRACE_SECONDS = 12 * 3600  # the default of [schedule] misfire_grace_time
WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")

log = logging.getLogger("banwatch.scheduler")


@dataclass
class _Context:
    settings: Settings
    stop: StopFlag
    extractor: Extractor | None


_context: _Context | None = None
_context_lock = threading.Lock()


# -- the trigger ----------------------------------------------------------------


def cron_trigger(expression: str, timezone: str) -> CronTrigger:
    """A trigger for a crontab expression, read the way crontab reads it.

    Five fields are ``minute hour day month weekday``; six put seconds first
    (handy for tests). Weekday numbers follow crontab (0 and 7 are Sunday):
    APScheduler 3 counts from Monday, so they are translated to names, and
    ``1-5`` means Monday to Friday as every cron user expects.
    """
    fields = expression.split()
    if len(fields) == 5:
        fields = ["0", *fields]
    if len(fields) != 6:
        raise ValueError(f"cron {expression!r}: expected 5 fields, or 6 with seconds first")
    second, minute, hour, day, month, weekday = fields
    return CronTrigger(
        second=second,
        minute=minute,
        hour=hour,
        day=day,
        month=month,
        day_of_week=crontab_weekdays(weekday),
        timezone=timezone,
    )


def crontab_weekdays(field: str) -> str:
    """A crontab weekday field (0/7 = Sunday, names, ranges, steps) as APScheduler day names."""
    if field == "*":
        return "*"
    days: list[int] = []
    for part in field.lower().split(","):
        span, _, step_text = part.partition("/")
        step = int(step_text) if step_text else 1
        if span == "*":
            first, last = 0, 6
        elif "-" in span:
            low, high = span.split("-", 1)
            first, last = _weekday(low), _weekday(high)
            if last == 0 and high.strip() in ("7", "sun"):
                last = 7
        else:
            first = _weekday(span)
            last = 6 if step_text else first
        if first > last or step < 1:
            raise ValueError(f"weekday field {field!r}: cannot read {part!r}")
        days += [d % 7 for d in range(first, last + 1, step)]
    ordered = sorted(set(days), key=lambda d: (d - 1) % 7)  # Monday first, for readability
    return ",".join(WEEKDAYS[d] for d in ordered)


def _weekday(token: str) -> int:
    token = token.strip()
    if token in WEEKDAYS:
        return WEEKDAYS.index(token)
    if token.isdigit() and 0 <= int(token) <= 7:
        return int(token) % 7
    raise ValueError(f"{token!r} is not a weekday (0-7 or sun-sat)")


# -- the scheduler and its job --------------------------------------------------


class CrawlScheduler(BackgroundScheduler):
    """A background scheduler that processes no job once it has been shut down.

    APScheduler 3's loop makes one more pass after ``shutdown()`` has marked it
    stopped. A job due at that moment (a missed run, or one falling due while
    shutdown waited for a crawl) is handed to the stopped executor, fails to
    start, and its next run time is moved on all the same: the run is lost.
    """

    def _process_jobs(self) -> float | None:
        if self.state == STATE_STOPPED:
            return None
        return super()._process_jobs()


def scheduled_crawl() -> int | None:
    """The job APScheduler runs: the whole banwatch job with this process's settings.

    The configuration file is read again at each run so that edits to
    ``banwatch.toml`` (sources, digest, time limit) apply without a restart; if
    it no longer parses, the settings the scheduler started with are used and
    the problem is logged. The database and the model stay as started.
    Returns the run id (``None`` when another process held the lock).
    """
    context = _context
    if context is None:
        log.error("no scheduler context in this process; was the job started by serve()?")
        return None
    settings = _reloaded(context.settings)
    result = run_scheduled_job(
        settings, trigger="schedule", extractor=context.extractor, stop=context.stop
    )
    if result is None:
        return None
    if result.error:
        log.warning("run %d %s: %s", result.run_id, result.status, result.error)
    else:
        log.info("run %d %s", result.run_id, result.status)
    return result.run_id


def _reloaded(settings: Settings) -> Settings:
    if settings.config_path is None:
        return settings
    try:
        fresh = load_settings(settings.config_path)
    except (ConfigError, OSError) as exc:
        log.warning("%s; using the configuration the scheduler started with", exc)
        return settings
    return fresh.with_overrides(
        db_url=settings.db_url, model=settings.model, queue_url=settings.queue_url
    )


def job_store_engine(settings: Settings) -> Engine:
    """An engine for the job store, with banwatch's SQLite tuning (WAL, busy timeout)."""
    return create_db_engine(settings.db_url)


def build_scheduler(settings: Settings, engine: Engine | None = None) -> CrawlScheduler:
    """A scheduler whose job store is a table (``apscheduler_jobs``) in banwatch's database.

    One worker thread is enough: there is one job and it never overlaps itself.
    """
    engine = engine or job_store_engine(settings)
    store = SQLAlchemyJobStore(engine=engine)
    _create_job_table(store, engine)
    return CrawlScheduler(
        jobstores={"default": store},
        executors={"default": ThreadPoolExecutor(max_workers=1)},
        timezone=settings.schedule.timezone,
        job_defaults={
            "coalesce": True,
            "max_instances": 1,
            "misfire_grace_time": settings.schedule.misfire_grace_time,
        },
    )


def _create_job_table(store: SQLAlchemyJobStore, engine: Engine) -> None:
    """Create the job table before ``start``: two schedulers starting at once race to create it."""
    try:
        store.jobs_t.create(engine, checkfirst=True)
    except SQLAlchemyError as exc:
        log.info("job table appeared meanwhile (%s); using it", type(exc).__name__)
        store.jobs_t.create(engine, checkfirst=True)


def register_job(scheduler: BaseScheduler, settings: Settings) -> Job:
    """Add the crawl job (or update it), keeping a run time missed while no scheduler ran.

    Call it on a started, paused scheduler, so that it can read the stored job
    before anything runs. The stored next run time is kept when it is in the
    past (that is the catch-up) or when the trigger is unchanged; a changed
    schedule otherwise starts from its own next time.
    """
    trigger = cron_trigger(settings.schedule.cron, settings.schedule.timezone)
    try:
        stored = scheduler.get_job(JOB_ID)
    except Exception as exc:  # an unreadable pickle from another version: replace it
        log.warning("stored job %s cannot be read (%s); replacing it", JOB_ID, exc)
        stored = None
    options: dict[str, object] = {}
    if stored is not None and stored.next_run_time is not None:
        missed = stored.next_run_time <= datetime.now(UTC)
        if missed or repr(stored.trigger) == repr(trigger):
            options["next_run_time"] = stored.next_run_time
        if missed:
            log.info("a run was due at %s while no scheduler ran", stored.next_run_time)
    return scheduler.add_job(
        scheduled_crawl,
        trigger,
        id=JOB_ID,
        name=JOB_NAME,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=settings.schedule.misfire_grace_time,
        **options,
    )


def serve(
    settings: Settings,
    *,
    stop: StopFlag | None = None,
    extractor: Extractor | None = None,
    on_ready: Callable[[Job], None] | None = None,
) -> None:
    """Run the scheduler until ``stop`` is set, or SIGTERM / Ctrl-C when in the main thread.

    On stop no new run starts, and a running one stops its crawl and is recorded
    as interrupted before this returns (the job sees the same ``stop`` flag).
    ``extractor`` lets tests share one loaded model; by default each run loads
    its own, so that changed topics apply.
    """
    global _context
    stop = stop or StopFlag()
    with _context_lock:
        if _context is not None:
            raise RuntimeError("a scheduler is already serving in this process")
        _context = _Context(settings, stop, extractor)
    try:
        with stop_on_signals(stop):
            scheduler = build_scheduler(settings)
            scheduler.start(paused=True)
            try:
                job = register_job(scheduler, settings)
                scheduler.resume()
                log.info(
                    "scheduled '%s' (%s); next run at %s",
                    settings.schedule.cron,
                    settings.schedule.timezone,
                    job.next_run_time,
                )
                if on_ready is not None:
                    on_ready(job)
                while not stop.wait(0.5):
                    pass
                log.info("stopping (%s); waiting for a running job to stop", stop.reason)
            finally:
                stop.request("scheduler shut down")
                scheduler.shutdown(wait=True)
    finally:
        with _context_lock:
            _context = None
