"""The crawl child's side of a distributed run: scrapy-redis, plus what it lacks.

scrapy-redis holds the run's request queue and fingerprints in Redis; every
worker's crawl child takes requests from it. What it does not do is survive a
worker that dies: its pop removes a request for good. Here a request is
*moved* (``LMOVE``, atomic) from the queue to the worker's in-flight list and
removed from there once its callback or errback is done; a worker whose lease
expires has its in-flight list put back on the queue by the coordinator
(``crawler.coordinator``), in the same run. The same list tells the
coordinator when the run is finished: queue empty and nobody holding a request.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

import redis
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.scheduler import Scheduler
from twisted.internet.task import LoopingCall

from banwatch.crawler.queue_keys import LEASE_MS, RunKeys, connect

TAKEN_META = "banwatch_taken"
FORGOTTEN_AFTER = 7 * 24 * 3600

logger = logging.getLogger(__name__)


def queue_scrapy_settings(url: str, prefix: str, run_id: int, worker: str) -> dict[str, Any]:
    """The Scrapy settings that put one crawl child on the run's shared queue."""
    keys = RunKeys(prefix, run_id)
    return {
        "SCHEDULER": "banwatch.crawler.queue_scheduler.InFlightScheduler",
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.FifoQueue",
        "SCHEDULER_QUEUE_KEY": keys.queue,
        "SCHEDULER_DUPEFILTER_KEY": keys.dupefilter,
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        # The queue outlives each worker's child: only the coordinator deletes it.
        "SCHEDULER_PERSIST": True,
        "REDIS_URL": url,
        "BANWATCH_QUEUE_URL": url,
        "BANWATCH_QUEUE_PREFIX": prefix,
        "BANWATCH_QUEUE_RUN": run_id,
        "BANWATCH_QUEUE_WORKER": worker,
        # Counts go to Redis (summed by the coordinator), not to the run row, which
        # several workers would overwrite with their own share.
        "BANWATCH_RUN_ID": None,
        # An article's in-flight entry is removed once it is committed: one at a time.
        "BANWATCH_STORE_BATCH": 1,
    }


def distributed_settings(queue: dict[str, Any], run_id: int) -> dict[str, Any]:
    """The child's overrides for ``queue`` (``url``, ``prefix``, ``worker``): queue, lease, acks."""
    return queue_scrapy_settings(queue["url"], queue["prefix"], run_id, queue["worker"])


QUEUE_COMPONENTS = {
    "EXTENSIONS": {"banwatch.crawler.queue_scheduler.RunMembership": 400},
    "SPIDER_MIDDLEWARES": {"banwatch.crawler.queue_scheduler.FinishedRequests": 1000},
    # Just before the downloader: after robots.txt and retries (see crawler.site_gate).
    "DOWNLOADER_MIDDLEWARES": {"banwatch.crawler.site_gate.SiteGate": 950},
}


def with_queue_components(settings: dict[str, Any]) -> dict[str, Any]:
    """``settings`` with the distributed run's extension and middlewares added to its own."""
    merged = dict(settings)
    for name, components in QUEUE_COMPONENTS.items():
        merged[name] = {**(settings.get(name) or {}), **components}
    return merged


def run_keys(settings: Any) -> RunKeys:
    """The keys of the run a crawl child serves, from its Scrapy settings."""
    return RunKeys(settings["BANWATCH_QUEUE_PREFIX"], settings.getint("BANWATCH_QUEUE_RUN"))


class InFlightScheduler(Scheduler):
    """scrapy-redis' scheduler whose pop leaves the request in the worker's in-flight list."""

    def open(self, spider: Spider) -> None:
        super().open(spider)
        settings = spider.crawler.settings
        self.keys = run_keys(settings)
        self.inflight_key = self.keys.inflight(settings["BANWATCH_QUEUE_WORKER"])
        spider.request_done = self.done  # type: ignore[attr-defined]
        spider.give_back = self.give_back  # type: ignore[attr-defined]

    def enqueue_request(self, request: Request) -> bool:
        # A retry or redirect copies the meta: the copy is a new entry of its own.
        request.meta.pop(TAKEN_META, None)
        return bool(super().enqueue_request(request))

    def next_request(self) -> Request | None:
        data = self.server.lmove(self.queue.key, self.inflight_key, "RIGHT", "LEFT")
        if data is None:
            return None
        request = self.queue._decode_request(data)
        request.meta[TAKEN_META] = data
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def done(self, request: Request) -> None:
        """The request's callback or errback has finished: forget it."""
        data = request.meta.pop(TAKEN_META, None)
        if data is not None:
            self.server.lrem(self.inflight_key, 1, data)

    def give_back(self) -> int:
        """Put every request this worker still holds back on the queue (it is stopping)."""
        moved = 0
        while self.server.lmove(self.inflight_key, self.queue.key, "LEFT", "RIGHT") is not None:
            moved += 1
        return moved


class FinishedRequests:
    """Spider middleware: a response's request is done once its callback's output is.

    The output's requests are on the queue and its article committed (one per
    batch in a worker) by the time the output is exhausted, so nothing is lost
    if the worker dies right after.
    """

    async def process_spider_output(
        self, response: Any, result: Any, spider: Spider | None = None
    ) -> Any:
        async for item in result:
            yield item
        if spider is not None and hasattr(spider, "request_done"):
            spider.request_done(response.request)


class RunMembership:
    """Extension: lease, snapshots and staying open while the run is not finished.

    Every second the child renews its lease, publishes its counts and source
    outcomes (the coordinator sums them over workers) and nudges the engine so
    that requests other workers queued are taken at once, not at Scrapy's 5 s
    heartbeat. When idle it stays open until the coordinator says the run is
    finished, or is gone.
    """

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.server = connect(settings["BANWATCH_QUEUE_URL"])
        self.keys = run_keys(settings)
        self.worker = str(settings["BANWATCH_QUEUE_WORKER"])
        self.timer = LoopingCall(self.tick)
        self.started = time.process_time()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunMembership:
        extension = cls(crawler)
        crawler.signals.connect(extension.opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.idle, signal=signals.spider_idle)
        crawler.signals.connect(extension.closed, signal=signals.spider_closed)
        return extension

    def opened(self, spider: Spider) -> None:
        self.server.sadd(self.keys.workers, self.worker)
        # Deleted with the run; bounded anyway, for a child that joins a run as it ends.
        self.server.expire(self.keys.workers, FORGOTTEN_AFTER)
        self.timer.start(1.0, now=True)

    def tick(self) -> None:
        try:
            self.server.set(self.keys.lease(self.worker), "1", px=LEASE_MS)
            self.publish()
            queued = self.server.llen(self.keys.queue)
        except redis.RedisError as exc:  # a LoopingCall that raises stops for good
            logger.warning("cannot reach Redis (%s); trying again in a second", exc)
            return
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None and queued:
            slot.nextcall.schedule()

    def publish(self) -> None:
        """This worker's share of the run: numeric stats and source outcomes."""
        spider = self.crawler.spider
        stats = {
            key: value
            for key, value in (self.crawler.stats.get_stats() if self.crawler.stats else {}).items()
            if isinstance(value, int | float)
        }
        snapshot = {
            "stats": stats,
            "outcomes": {
                name: vars(outcome) for name, outcome in getattr(spider, "outcomes", {}).items()
            },
            "root_successes": dict(getattr(spider, "root_successes", {})),
        }
        self.server.hset(self.keys.snapshots, self.worker, json.dumps(snapshot, default=str))
        self.server.expire(self.keys.snapshots, FORGOTTEN_AFTER)

    def finished(self) -> bool:
        """The coordinator has declared the run finished, or has gone."""
        return bool(self.server.exists(self.keys.done)) or not self.server.exists(
            self.keys.coordinator
        )

    def idle(self, spider: Spider) -> None:
        # Nothing is being downloaded or parsed here: whatever the list holds is done.
        self.server.delete(self.keys.inflight(self.worker))
        if not self.finished():
            raise DontCloseSpider

    def closed(self, spider: Spider, reason: str) -> None:
        if self.timer.running:
            self.timer.stop()
        if hasattr(spider, "give_back"):
            spider.give_back()
        if self.crawler.stats is not None:
            self.crawler.stats.set_value(
                "banwatch/cpu_seconds", round(time.process_time() - self.started, 2)
            )
        self.publish()
        self.server.delete(self.keys.lease(self.worker))
