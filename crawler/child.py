"""The crawl's child process: ``python -m crawler.child`` reads a JSON job on stdin.

Twisted's reactor cannot be restarted within one process, so every crawl runs
in a fresh child. The child writes what it learned (counts, source health,
conditional-GET validators) to the run row before it exits; the parent only
has to wait, and to record a failure if the child dies or overruns.
"""

from __future__ import annotations

import json
import logging
import resource
import sys
import time
from dataclasses import asdict
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import CrawlerProcess
from sqlalchemy import select

from banwatch.crawler.pipelines import PER_SOURCE_PREFIX
from banwatch.crawler.settings import scrapy_settings
from banwatch.crawler.spiders.news import NewsSpider, SourceOutcome
from banwatch.store.db import create_db_engine, session_scope
from banwatch.store.models import CrawlRun, Source
from banwatch.store.sources import (
    ensure_source,
    record_source_failure,
    record_source_success,
    source_health,
)

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
    "banwatch/articles/with_warnings": "articles_with_warnings",
    "banwatch/content_type_refused": "content_type_refused",
    "banwatch/retry/retry_after_honoured": "retry_after_honoured",
    "retry/count": "retries",
}


def summarise_stats(raw: dict[str, Any]) -> dict[str, Any]:
    """Scrapy's stats reduced to the counts a run row keeps, errors grouped by kind.

    ``errors`` counts what failed for good, once each (an article that timed
    out three times is one ``timeout``); ``errors["source"]`` is the number of
    sources that failed.
    """
    stats: dict[str, Any] = {name: int(raw.get(key, 0)) for key, name in STAT_KEYS.items()}
    errors = {
        key.removeprefix("banwatch/errors/"): int(value)
        for key, value in raw.items()
        if key.startswith("banwatch/errors/")
    }
    stats["errors"] = errors
    # The crawl itself, from spider open to close (crawl_seconds adds process start-up).
    stats["spider_seconds"] = round(float(raw.get("elapsed_time_seconds", 0.0)), 2)
    stats["crawl_cpu_seconds"] = raw.get("banwatch/cpu_seconds", 0.0)
    stats["parse_cpu_seconds"] = raw.get("banwatch/parse_cpu_seconds", 0.0)
    # Per attempt, retries included: how the network behaved, beside what it cost.
    stats["download_exceptions"] = {
        key.rsplit(".", 1)[-1]: int(value)
        for key, value in raw.items()
        if key.startswith("downloader/exception_type_count/")
    }
    return stats


def prepare_sources(db_url: str, sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Make sure every source has a row; attach its validators and its last success."""
    engine = create_db_engine(db_url)
    prepared = []
    with session_scope(engine) as session:
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
        run = session.get(CrawlRun, run_id)
        if run is not None:
            run.stats = {**(run.stats or {}), **summarise_stats(raw_stats)}
            run.sources_report = report
    engine.dispose()


def _host(url: str) -> str:
    """The URL's host, or "" for a URL that does not parse (the spider records why)."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def run(job: dict[str, Any]) -> int:
    """Crawl the job's sources; return a process exit code."""
    db_url = job["db_url"]
    sources = prepare_sources(db_url, job["sources"])
    private_hosts = sorted({_host(s["url"]) for s in sources if s.get("allow_private")} - {""})
    settings = scrapy_settings(db_url, job["user_agent"], private_hosts, job.get("scrapy_settings"))
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
    record_outcomes(db_url, job["run_id"], spider.outcomes, crawler.stats.get_stats())
    if spider.seen is not None:
        spider.seen.close()
    return 0


def main() -> None:
    job = json.load(sys.stdin)
    sys.exit(run(job))


if __name__ == "__main__":
    main()
