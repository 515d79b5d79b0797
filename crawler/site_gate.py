"""Politeness across workers: one slot per site in Redis, shared by every worker.

Scrapy's download slots (per-site concurrency, delay, AutoThrottle) live in
one process; N workers would each have their own and hit a site N times as
hard. This downloader middleware makes every request first take a place in
the site's slot in Redis: at most ``CONCURRENT_REQUESTS_PER_DOMAIN`` places
held at once over all workers, one start per ``DOWNLOAD_DELAY``, and none
before a ``Retry-After`` a site sent to any worker has passed. One Lua script
decides atomically on Redis' own clock (the workers' clocks may differ). A
place is a lease of a few seconds that its worker renews every second while
the download lasts, so a worker killed while holding places frees the site
within ``LEASE_MS``, not at the end of a download timeout. It sits
just before the downloader (after robots.txt and retries), so a request that
waits for robots.txt holds no place.
"""

from __future__ import annotations

import itertools
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy.utils.asyncio import sleep
from twisted.internet.task import LoopingCall

from banwatch.crawler.queue_keys import LEASE_MS, RunKeys, connect
from banwatch.crawler.retry import RETRY_AFTER_STATUSES, parse_retry_after

PLACE_META = "banwatch_site_place"
# Returns 0 with the place taken, else how many milliseconds to wait before asking again.
TAKE_PLACE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local next_at = tonumber(redis.call('GET', KEYS[2]) or '0')
if next_at > now then return next_at - now end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 20 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[4])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
local delay = tonumber(ARGV[2])
if delay > 0 then redis.call('SET', KEYS[2], now + delay, 'PX', delay + 1000) end
return 0
"""
# Pushes the site's next start to now + ARGV[1] ms, unless it is already later.
HOLD_OFF = """
local t = redis.call('TIME')
local until_at = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
if until_at > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], until_at, 'PX', tonumber(ARGV[1]) + 1000)
end
return 0
"""


class SiteGate:
    """Downloader middleware: take the site's shared place before the download, free it after."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.server = connect(settings["BANWATCH_QUEUE_URL"])
        self.keys = RunKeys(settings["BANWATCH_QUEUE_PREFIX"], 0)
        self.limit = max(1, settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN", 8))
        self.delay_ms = int(settings.getfloat("DOWNLOAD_DELAY", 0.0) * 1000)
        self.lease_ms = LEASE_MS
        self.held: dict[str, str] = {}  # holder -> the site's places key
        self.renewal = LoopingCall(self.renew)
        self.retry_after_max = settings.getfloat("BANWATCH_RETRY_AFTER_MAX", 60.0)
        self.holder = f"{settings['BANWATCH_QUEUE_WORKER']}:"
        self.counter = itertools.count()
        self.take = self.server.register_script(TAKE_PLACE)
        self.hold_off = self.server.register_script(HOLD_OFF)
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SiteGate:
        return cls(crawler)

    def _slot_keys(self, request: Request) -> tuple[str, str]:
        site = self.keys.site(urlsplit(request.url).netloc.lower())
        return f"{site}:places", f"{site}:next"

    def renew(self) -> None:
        """Extend the leases of the places this worker holds (downloads still running)."""
        if not self.held:
            return
        expiry = int(self.server.time()[0] * 1000) + self.lease_ms
        with self.server.pipeline(transaction=False) as pipe:
            for holder, places in self.held.items():
                pipe.zadd(places, {holder: expiry}, xx=True)
                pipe.pexpire(places, self.lease_ms)
            pipe.execute()

    async def process_request(self, request: Request) -> None:
        if not self.renewal.running:
            self.renewal.start(1.0, now=False)
        places, next_at = self._slot_keys(request)
        holder = f"{self.holder}{next(self.counter)}"
        args = [self.limit, self.delay_ms, self.lease_ms, holder]
        while (wait_ms := int(self.take(keys=[places, next_at], args=args))) > 0:
            if self.stats is not None:
                self.stats.inc_value("banwatch/site_gate/waits")
            await sleep(wait_ms / 1000)
        request.meta[PLACE_META] = holder
        self.held[holder] = places

    def _free(self, request: Request) -> None:
        holder = request.meta.pop(PLACE_META, None)
        if holder is not None:
            self.server.zrem(self.held.pop(holder, self._slot_keys(request)[0]), holder)

    def process_response(self, request: Request, response: Response) -> Response:
        self._free(request)
        if response.status in RETRY_AFTER_STATUSES:
            advised = parse_retry_after(response.headers.get("Retry-After"))
            if advised is not None and advised > 0:
                wait = min(advised, self.retry_after_max)
                self.hold_off(keys=[self._slot_keys(request)[1]], args=[int(wait * 1000)])
        return response

    def process_exception(self, request: Request, exception: Exception) -> Any:
        self._free(request)
        return None

