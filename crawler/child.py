"""The crawl's child process: ``python -m crawler.child`` reads a JSON job on stdin.

Twisted's reactor cannot be restarted within one process, so every crawl runs
in a fresh child. The child writes what it learned (counts, source health,
conditional-GET validators) to the run row before it exits; the parent only
has to wait, and to record a failure if the child dies or overruns.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import CrawlerProcess
from sqlalchemy import select

from crawler.settings import scrapy_settings
from crawler.spiders.news import NewsSpider, SourceOutcome
from store.db import create_db_engine, session_scope
from store.models import CrawlRun, Source
from store.sources import ensure_source, record_source_failure, record_source_success

STAT_KEYS = {
    "downloader/request_count": "requests",
    "downloader/response_count": "responses",
    "downloader/response_status_count/304": "not_modified",
    "item_scraped_count": "items",
    "item_dropped_count": "items_dropped",
    "banwatch/articles/new": "articles_new",
    "banwatch/articles/updated": "articles_updated",
    "banwatch/articles/unchanged": "articles_unchanged",
    "banwatch/articles/skipped_known": "articles_skipped",
    "banwatch/articles/duplicate_link": "duplicate_links",
}


def summarise_stats(raw: dict[str, Any]) -> dict[str, Any]:
    """Scrapy's stats reduced to the counts a run row keeps, errors grouped by kind."""
    stats: dict[str, Any] = {name: int(raw.get(key, 0)) for key, name in STAT_KEYS.items()}
    errors = {
        key.removeprefix("banwatch/errors/"): int(value)
        for key, value in raw.items()
        if key.startswith("banwatch/errors/")
    }
    for key, value in raw.items():
        if key.startswith("downloader/exception_type_count/"):
            kind = key.rsplit(".", 1)[-1].lower()
            errors[f"download_{kind}"] = errors.get(f"download_{kind}", 0) + int(value)
    stats["errors"] = errors
    return stats


def prepare_sources(db_url: str, sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Make sure every source has a row and attach its stored validators (ETag, Last-Modified)."""
    engine = create_db_engine(db_url)
    prepared = []
    with session_scope(engine) as session:
        for config in sources:
            row = ensure_source(session, config["name"], config["kind"], config["url"])
            prepared.append({**config, "etag": row.etag, "last_modified": row.last_modified})
    engine.dispose()
    return prepared


def record_outcomes(
    db_url: str, run_id: int, outcomes: dict[str, SourceOutcome], raw_stats: dict[str, Any]
) -> None:
    """Write source health and the run's counts; the parent sets the final status."""
    engine = create_db_engine(db_url)
    with session_scope(engine) as session:
        for name, outcome in outcomes.items():
            source = session.scalar(select(Source).where(Source.name == name))
            if source is None:
                continue
            if outcome.ok:
                record_source_success(session, source, outcome.etag, outcome.last_modified)
            else:
                record_source_failure(session, source, outcome.error or "no response")
        run = session.get(CrawlRun, run_id)
        if run is not None:
            run.stats = {**(run.stats or {}), **summarise_stats(raw_stats)}
            run.sources_report = {name: asdict(o) for name, o in outcomes.items()}
    engine.dispose()


def run(job: dict[str, Any]) -> int:
    """Crawl the job's sources; return a process exit code."""
    db_url = job["db_url"]
    sources = prepare_sources(db_url, job["sources"])
    private_hosts = sorted(
        {urlsplit(s["url"]).hostname or "" for s in sources if s.get("allow_private")} - {""}
    )
    process = CrawlerProcess(
        scrapy_settings(db_url, job["user_agent"], private_hosts, job.get("scrapy_settings")),
        install_root_handler=True,
    )
    crawler = process.create_crawler(NewsSpider)
    process.crawl(crawler, sources=sources, refresh=bool(job.get("refresh")))
    process.start()
    spider = crawler.spider
    assert isinstance(spider, NewsSpider)
    record_outcomes(db_url, job["run_id"], spider.outcomes, crawler.stats.get_stats())
    if spider.seen is not None:
        spider.seen.close()
    return 0


def main() -> None:
    job = json.load(sys.stdin)
    sys.exit(run(job))


if __name__ == "__main__":
    main()
