"""Stop the crawl when the banwatch process that started it is gone.

The crawl's child runs in a session of its own (so that stopping it stops its
text-extraction workers too), so nothing ends it when its parent is killed
with SIGKILL. Left alone it would crawl on for up to an hour, unseen: the
parent held the crawl lock, which died with it, and the next crawl would
start beside it. Instead, the child checks about once a second whether it has
been handed to another parent, and if so stops the way SIGTERM stops it: what
it fetched is committed and its counts and source health are recorded. A
graceful stop waits for the downloads in flight, so after ``stop_grace_seconds()``
the reactor is stopped outright (as the parent's SIGKILL would after its
SIGTERM); the child then still records what it had done. The run row is
marked by the next banwatch command that looks (``banwatch.jobs``).
"""

from __future__ import annotations

import contextlib
import logging
import os

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro
from twisted.internet.error import ReactorNotRunning
from twisted.internet.task import LoopingCall

from banwatch.crawler.runner import stop_grace_seconds

INTERVAL_SECONDS = 1.0

log = logging.getLogger(__name__)


class ParentWatch:
    """Stop the crawler once ``os.getppid()`` is no longer ``BANWATCH_PARENT_PID``."""

    def __init__(self, crawler: Crawler, parent_pid: int) -> None:
        self.crawler = crawler
        self.parent_pid = parent_pid
        self.loop = LoopingCall(self.check)
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ParentWatch:
        parent_pid = int(crawler.settings.get("BANWATCH_PARENT_PID") or 0)
        if not parent_pid:
            raise NotConfigured("no BANWATCH_PARENT_PID")
        return cls(crawler, parent_pid)

    def spider_opened(self, spider: Spider) -> None:
        self.loop.start(INTERVAL_SECONDS, now=True)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.loop.running:
            self.loop.stop()

    def check(self) -> None:
        """Stop the crawl (gracefully, once) if the parent has died."""
        if os.getppid() == self.parent_pid:
            return
        self.loop.stop()
        log.warning(
            "the banwatch process %d that started this crawl is gone; stopping", self.parent_pid
        )
        if self.crawler.stats is not None:
            self.crawler.stats.set_value("banwatch/parent_gone", True)
        deferred_from_coro(self.crawler.stop_async())
        from twisted.internet import reactor  # the one Scrapy installed, imported once it has

        reactor.callLater(stop_grace_seconds(), _stop_reactor)


def _stop_reactor() -> None:
    """Stop the reactor if the graceful stop has not yet (it waits for slow downloads)."""
    from twisted.internet import reactor

    log.warning("the crawl did not stop within %.0fs; stopping it now", stop_grace_seconds())
    with contextlib.suppress(ReactorNotRunning):
        reactor.stop()
