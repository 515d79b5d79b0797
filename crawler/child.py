"""The crawl's child process: ``python -m crawler.child`` reads a JSON job on stdin.

Twisted's reactor cannot be restarted within one process, so every crawl runs
in a fresh child. The child writes what it learned (counts, source health,
conditional-GET validators) to the run row before it exits; the parent only
has to wait, and to record a failure if the child dies or overruns.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time
from dataclasses import asdict
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import CrawlerProcess
from sqlalchemy import select

from banwatch.crawler.pipelines import PER_SOURCE_PREFIX
from banwatch.crawler.queue_scheduler import distributed_settings, with_queue_components
from banwatch.crawler.runcounts import write_run_counts
from banwatch.crawler.settings import scrapy_settings
from banwatch.crawler.spiders.news import NewsSpider, SourceOutcome
from banwatch.store.db import create_db_engine, session_scope
from banwatch.store.models import CrawlRun, Source
from banwatch.store.runs import add_run_stats
from banwatch.store.sources import (
    ensure_source,
    record_source_failure,
    record_source_success,
    source_health,
)


def prepare_sources(
    db_url: str, run_id: int, sources: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Make sure every source has a row; attach its validators and its last success.

    The run row gets this process's pid, so that an operator (or a test) can see
    which process crawls. This process writes it, not the parent: during the
    crawl the run row has a single writer, whose counts cannot overwrite it.
    """
    engine = create_db_engine(db_url)
    prepared = []
    with session_scope(engine) as session:
        add_run_stats(session, run_id, {"crawl_pid": os.getpid()})
        for config in sources:
            row = ensure_source(session, config["name"], config["kind"], config["url"])
            prepared.append(
                {
                    **config,
                    "etag": row.etag,
                    "last_modified": row.last_modified,
                    "last_success_at": (
                        row.last_success_at.isoformat() if row.last_success_at else None
                    ),
                }
            )
    engine.dispose()
    return prepared


def per_source_articles(raw: dict[str, Any]) -> dict[str, dict[str, int]]:
    """``{source: {"new": n, "updated": n, "unchanged": n}}`` from the store pipeline's stats."""
    counts: dict[str, dict[str, int]] = {}
    for key, value in raw.items():
        if key.startswith(PER_SOURCE_PREFIX):
            outcome, _, source = key.removeprefix(PER_SOURCE_PREFIX).partition("/")
            counts.setdefault(source, {})[outcome] = int(value)
    return counts


def record_outcomes(
    db_url: str, run_id: int, outcomes: dict[str, SourceOutcome], raw_stats: dict[str, Any]
) -> None:
    """Write source health and the run's counts; the parent sets the final status.

    A source whose articles failed in a way worth retrying (timeouts, 5xx) keeps
    no validators: the next crawl must read its feed again to find those links.
    """
    articles = per_source_articles(raw_stats)
    report: dict[str, Any] = {}
    engine = create_db_engine(db_url)
    with session_scope(engine) as session:
        for name, outcome in outcomes.items():
            outcome.articles = articles.get(name, {})
            source = session.scalar(select(Source).where(Source.name == name))
            if source is None:
                continue
            if outcome.ok:
                keep = outcome.retry_later == 0
                record_source_success(
                    session,
                    source,
                    outcome.etag if keep else None,
                    outcome.last_modified if keep else None,
                )
            else:
                record_source_failure(session, source, outcome.error or "no response")
            report[name] = {**asdict(outcome), **source_health(source)}
        write_run_counts(session, run_id, raw_stats)
        run = session.get(CrawlRun, run_id)
        if run is not None:
            run.sources_report = report
    engine.dispose()


def _host(url: str) -> str:
    """The URL's host, or "" for a URL that does not parse (the spider records why)."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def run(job: dict[str, Any]) -> int:
    """Crawl the job's sources; return a process exit code.

    With ``job["queue"]`` this is one worker's share of a distributed run: the
    coordinator prepared the sources and records the outcomes, summed over
    workers, from what this child publishes in Redis (``crawler.queue_scheduler``).
    """
    db_url = job["db_url"]
    queue = job.get("queue")
    sources = job["sources"] if queue else prepare_sources(db_url, job["run_id"], job["sources"])
    private_hosts = sorted({_host(s["url"]) for s in sources if s.get("allow_private")} - {""})
    overrides = {
        **(job.get("scrapy_settings") or {}),
        "BANWATCH_RUN_ID": job["run_id"],
        "BANWATCH_PARENT_PID": job.get("parent_pid"),
    }
    if queue:
        overrides.update(distributed_settings(queue, job["run_id"]))
    settings = scrapy_settings(db_url, job["user_agent"], private_hosts, overrides)
    if queue:
        settings = with_queue_components(settings)
    # The topics' keywords, unless the caller overrides them in the Scrapy settings.
    keywords = list(settings.get("BANWATCH_SEARCH_KEYWORDS") or job.get("keywords") or [])
    process = CrawlerProcess(settings, install_root_handler=True)
    # Scrapy leaves the root logger at NOTSET and filters in its handler, so every
    # debug record (a few per response here, dozens per page in trafilatura in the
    # forked workers) was built and then thrown away. At the handler's own level
    # they are not built at all; what is logged does not change.
    logging.root.setLevel(settings.get("LOG_LEVEL") or logging.WARNING)
    crawler = process.create_crawler(NewsSpider)
    process.crawl(crawler, sources=sources, refresh=bool(job.get("refresh")), keywords=keywords)
    process.start()
    # This process only (the text-extraction workers are separate): what crawling
    # itself costs, beside the pages' extraction.
    crawler.stats.set_value("banwatch/cpu_seconds", round(time.process_time(), 2))
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    crawler.stats.set_value(
        "banwatch/parse_cpu_seconds", round(workers.ru_utime + workers.ru_stime, 2)
    )
    spider = crawler.spider
    assert isinstance(spider, NewsSpider)
    if queue:
        return 0
    record_outcomes(db_url, job["run_id"], spider.outcomes, crawler.stats.get_stats())
    if spider.seen is not None:
        spider.seen.close()
    return 0


def main() -> None:
    job = json.load(sys.stdin)
    sys.exit(run(job))


if __name__ == "__main__":
    main()
