"""The run's counts, from Scrapy's stats to the run row, written as the crawl goes.

A crawl that is killed (SIGKILL, the OOM killer, a machine that loses power)
never reaches its end, so counts written only there would read 0 for a run
that stored articles. The store pipeline therefore writes them in the same
transaction as each batch of articles, and on its timer when only errors
changed: what the run row says is what the database holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from banwatch.store.runs import add_run_stats

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


def summarise_stats(raw: Mapping[str, Any]) -> dict[str, Any]:
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


def write_run_counts(session: Session, run_id: int, raw: Mapping[str, Any]) -> dict[str, Any]:
    """Merge the counts into the run row's ``stats`` in ``session``'s transaction; return them."""
    counts = summarise_stats(raw)
    add_run_stats(session, run_id, counts)
    return counts


class RunCounts:
    """The run row one crawl writes its counts to, and the counts it last wrote there."""

    def __init__(self, run_id: int) -> None:
        self.run_id = run_id
        self.written: dict[str, Any] | None = None

    def changed(self, raw: Mapping[str, Any]) -> bool:
        """Whether the counts differ from those last written."""
        return summarise_stats(raw) != self.written

    def write(self, session: Session, raw: Mapping[str, Any]) -> None:
        """Write the counts in ``session``'s transaction (the caller commits)."""
        self.written = write_run_counts(session, self.run_id, raw)

    def forget(self) -> None:
        """The transaction that held the last write was rolled back: write again next time."""
        self.written = None
