"""The main job: crawl the sources, extract events from new articles, record the run.

The CLI (`banwatch crawl`, `banwatch demo`) and the scheduler both call
``run_crawl_job``, so an unattended night does exactly what a person would.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine

from banwatch.config import Settings, SourceConfig
from banwatch.extraction import ExtractionCounts, extract_stored_articles
from crawler.runner import crawl_in_child
from extract.extractor import Extractor
from store.db import create_db_engine, session_scope, upgrade_database
from store.models import CrawlRun
from store.runs import finish_run, start_run


@dataclass
class JobResult:
    """What one run did, as recorded in its run row."""

    run_id: int
    status: str
    error: str | None
    stats: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, Any] = field(default_factory=dict)


def open_database(settings: Settings) -> Engine:
    """An engine on the configured database, with the schema brought up to date."""
    engine = create_db_engine(settings.db_url)
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
) -> JobResult:
    """Crawl ``sources`` in a child process, then extract events from what is new.

    Articles the crawl stored before a failure are still extracted: a bad night
    loses nothing it already fetched.
    """
    engine = open_database(settings)
    enabled = [s for s in sources if s.enabled]
    with session_scope(engine) as session:
        run_id = start_run(session, trigger).id

    outcome = crawl_in_child(
        settings.db_url,
        run_id,
        [s.to_dict() for s in enabled],
        settings.effective_user_agent,
        refresh=refresh,
        timeout=settings.crawl_timeout,
        scrapy_overrides=scrapy_overrides,
        on_tick=on_crawl_tick,
    )

    counts = ExtractionCounts()
    extraction_error: str | None = None
    if extract:
        extractor = extractor or Extractor(model=settings.model, topics=settings.topics)
        try:
            counts = extract_stored_articles(engine, extractor, on_progress=on_extract_progress)
        except Exception as exc:  # recorded on the run; the articles stay for the next pass
            extraction_error = f"extraction failed: {type(exc).__name__}: {exc}"

    error = "\n".join(e for e in (outcome.error, extraction_error) if e) or None
    with session_scope(engine) as session:
        run = session.get(CrawlRun, run_id)
        assert run is not None
        finish_run(
            session,
            run,
            "succeeded" if error is None else "failed",
            stats={
                "crawl_seconds": round(outcome.seconds, 2),
                "articles_extracted": counts.articles,
                "mentions": counts.mentions,
                "events_new": counts.events_new,
                "events_touched": counts.events_touched,
            },
            error=error,
        )
        result = JobResult(run.id, run.status, run.error, dict(run.stats), dict(run.sources_report))
    engine.dispose()
    return result
