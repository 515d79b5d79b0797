"""Live crawl counts in a small JSON file, for the parent's progress display.

The crawl runs in a child process; the parent (``banwatch crawl``) wants
live counts without polling the database. When the ``BANWATCH_PROGRESS_FILE``
setting names a file, this extension rewrites it about twice a second
(write to a temporary file, then rename, so a reader never sees half a
document) and once more when the crawl ends.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet.task import LoopingCall

INTERVAL_SECONDS = 0.5

_COUNTS = {
    "requests": "downloader/request_count",
    "responses": "downloader/response_count",
    "not_modified": "downloader/response_status_count/304",
    "articles_new": "banwatch/articles/new",
    "articles_updated": "banwatch/articles/updated",
    "articles_unchanged": "banwatch/articles/unchanged",
    "articles_skipped": "banwatch/articles/skipped_known",
}


def snapshot(
    stats: dict[str, Any], spider: Spider | None, finished: bool = False
) -> dict[str, Any]:
    """The counts a progress display shows, from Scrapy's stats and the spider's outcomes."""
    counts: dict[str, Any] = {name: int(stats.get(key, 0)) for name, key in _COUNTS.items()}
    counts["errors"] = sum(
        int(value) for key, value in stats.items() if key.startswith("banwatch/errors/")
    )
    outcomes = getattr(spider, "outcomes", {}) or {}
    counts["sources_total"] = len(outcomes)
    counts["sources_done"] = sum(1 for o in outcomes.values() if getattr(o, "done", False))
    counts["sources_failed"] = sum(
        1 for o in outcomes.values() if getattr(o, "done", False) and not getattr(o, "ok", False)
    )
    counts["finished"] = finished
    return counts


def read_progress(path: str | os.PathLike[str]) -> dict[str, Any] | None:
    """The latest snapshot, or None before the first one (or if it cannot be read)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class ProgressFile:
    """Rewrite ``BANWATCH_PROGRESS_FILE`` with the crawl's counts while it runs."""

    def __init__(self, crawler: Crawler, path: Path) -> None:
        self.crawler = crawler
        self.path = path
        self.loop = LoopingCall(self.write)
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressFile:
        path = crawler.settings.get("BANWATCH_PROGRESS_FILE")
        if not path:
            raise NotConfigured("no BANWATCH_PROGRESS_FILE")
        return cls(crawler, Path(path))

    def spider_opened(self, spider: Spider) -> None:
        self.loop.start(INTERVAL_SECONDS, now=True)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.loop.running:
            self.loop.stop()
        self.write(finished=True)

    def write(self, finished: bool = False) -> None:
        stats = self.crawler.stats.get_stats() if self.crawler.stats is not None else {}
        data = snapshot(stats, self.crawler.spider, finished)
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            temporary.write_text(json.dumps(data), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError as exc:  # a display aid: never worth failing the crawl over
            if self.loop.running:
                self.loop.stop()
            self.crawler.stats.set_value("banwatch/progress_file_error", str(exc))
