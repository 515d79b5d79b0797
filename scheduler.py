"""Unattended crawls: an APScheduler 3.x cron job that runs the whole banwatch job.

The job lives in an APScheduler SQLAlchemy job store in banwatch's own
database, under a fixed id with ``replace_existing``, so a restart neither
loses nor duplicates it. ``max_instances=1`` and ``coalesce=True`` with a
misfire grace time mean a machine that was off at the scheduled hour runs one
catch-up crawl when it comes back, never a burst, and never two at once.
"""

from __future__ import annotations

from pathlib import Path

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from banwatch.config import Settings, load_settings
from banwatch.jobs import JobResult, run_crawl_job

JOB_ID = "banwatch-nightly-crawl"
MISFIRE_GRACE_SECONDS = 12 * 3600


def scheduled_crawl(config_path: str | None, db_url: str) -> JobResult:
    """The scheduled job: reload the configuration, then crawl every enabled source.

    Settings are re-read at each run so that edits to ``banwatch.toml`` take
    effect without restarting the scheduler.
    """
    settings = load_settings(Path(config_path) if config_path else None).with_overrides(
        db_url=db_url
    )
    return run_crawl_job(settings, settings.sources, trigger="schedule")


def build_scheduler(settings: Settings, *, blocking: bool = True) -> BaseScheduler:
    """A scheduler with the nightly job registered in the database's job store."""
    scheduler_class = BlockingScheduler if blocking else BackgroundScheduler
    scheduler = scheduler_class(
        jobstores={"default": SQLAlchemyJobStore(url=settings.db_url)},
        timezone=settings.schedule.timezone,
        job_defaults={
            "coalesce": True,
            "max_instances": 1,
            "misfire_grace_time": MISFIRE_GRACE_SECONDS,
        },
    )
    scheduler.add_job(
        scheduled_crawl,
        CronTrigger.from_crontab(settings.schedule.cron, timezone=settings.schedule.timezone),
        id=JOB_ID,
        name="crawl, extract and record a run",
        replace_existing=True,
        kwargs={
            "config_path": str(settings.config_path) if settings.config_path else None,
            "db_url": settings.db_url,
        },
    )
    return scheduler
