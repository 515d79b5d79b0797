"""Crawl runs: one row per crawl-and-extract run, with its outcome and counts."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from banwatch.store.models import CrawlRun
from banwatch.store.types import utcnow


def start_run(session: Session, trigger: str) -> CrawlRun:
    """Record that a run started, before any work, so that a crash still leaves a trace."""
    run = CrawlRun(
        trigger=trigger, started_at=utcnow(), status="running", stats={}, sources_report={}
    )
    session.add(run)
    session.flush()
    return run


def finish_run(
    session: Session,
    run: CrawlRun,
    status: str,
    stats: dict[str, Any] | None = None,
    error: str | None = None,
) -> None:
    """Close a run with its final status; counts are merged into what the crawl recorded."""
    run.status = status
    run.finished_at = utcnow()
    run.error = error
    if stats:
        run.stats = {**(run.stats or {}), **stats}


def add_run_stats(session: Session, run_id: int, values: dict[str, Any]) -> None:
    """Merge ``values`` into a run's ``stats`` in ``session``'s transaction.

    A new dict each time: the JSON column does not notice changes made in place.
    """
    run = session.get(CrawlRun, run_id)
    if run is not None:
        run.stats = {**(run.stats or {}), **values}
