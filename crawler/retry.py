"""Polite retries: honour ``Retry-After`` on 429/503 and back off exponentially otherwise.

Scrapy's own RetryMiddleware re-queues a failed request at once, so a server
that says "slow down" (429) or "come back in a minute" (503) is hit again
within milliseconds, and a struggling server gets no breathing room. This
middleware replaces it: the retry waits for the ``Retry-After`` the server
asked for (seconds or an HTTP date) when that is within a cap, and gives up
at once -- with a reason saying so -- when the server asks for longer than the
crawl is prepared to wait. Without the header, 5xx responses and timeouts are
retried after ``base * 2**attempt`` seconds (capped). A ``Retry-After`` also
raises the host's download delay, so the other requests queued for that
host slow down too; AutoThrottle eases it back as healthy responses arrive.
"""

from __future__ import annotations

import email.utils
import logging
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

logger = logging.getLogger(__name__)

RETRY_AFTER_STATUSES = frozenset({429, 503})
# Longest Retry-After the crawl waits for; a server asking for more is given up on.
DEFAULT_RETRY_AFTER_MAX = 60.0
DEFAULT_BACKOFF_BASE = 1.0
DEFAULT_BACKOFF_MAX = 30.0
# Request meta: why the last attempt was given up (read by the spider's errback).
GIVE_UP_META = "banwatch_retry_gave_up"


def parse_retry_after(value: str | bytes | None, now: datetime | None = None) -> float | None:
    """Seconds to wait according to a ``Retry-After`` header, or None if it is unusable.

    The header is either delta-seconds or an HTTP date (RFC 9110 10.2.3). A
    date in the past means "now" (0 seconds); garbage means no advice.
    """
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return float(int(text))
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


def backoff_delay(attempt: int, base: float, cap: float) -> float:
    """Exponential backoff for retry number ``attempt`` (1-based): base, 2*base, 4*base, ..."""
    if base <= 0:
        return 0.0
    return min(cap, base * 2 ** max(0, attempt - 1))


class PoliteRetryMiddleware(RetryMiddleware):
    """RetryMiddleware that waits before retrying, as long as the server asked (within a cap)."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler.settings)
        self.crawler = crawler
        settings = crawler.settings
        self.retry_after_max = settings.getfloat(
            "BANWATCH_RETRY_AFTER_MAX", DEFAULT_RETRY_AFTER_MAX
        )
        self.backoff_base = settings.getfloat("BANWATCH_RETRY_BACKOFF_BASE", DEFAULT_BACKOFF_BASE)
        self.backoff_max = settings.getfloat("BANWATCH_RETRY_BACKOFF_MAX", DEFAULT_BACKOFF_MAX)
        # Hosts that asked for a longer pause than the crawl waits: not contacted again.
        self.closed_hosts: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PoliteRetryMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        message = self.closed_hosts.get(self._host_key(request))
        if message is not None:
            raise IgnoreRequest(f"not sent: {message}")
        return None

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        reason = response_status_message(response.status)
        advised = None
        if response.status in RETRY_AFTER_STATUSES:
            advised = parse_retry_after(response.headers.get("Retry-After"))
        if advised is not None and advised > self.retry_after_max:
            # Coming back sooner than asked would not honour the header, and waiting
            # longer would stall the crawl: leave this host alone for the rest of it.
            message = (
                f"{response.status} with Retry-After {advised:.0f}s, beyond the"
                f" {self.retry_after_max:.0f}s this crawl waits"
            )
            request.meta[GIVE_UP_META] = message
            self.closed_hosts[self._host_key(request)] = f"{self._host_key(request)} sent {message}"
            self.crawler.stats.inc_value("banwatch/retry/retry_after_too_long")
            logger.info("not retrying %s: %s", request.url, message)
            return response
        retry = self._retry(request, reason)
        if retry is None:
            request.meta[GIVE_UP_META] = f"gave up after {_attempts(request)} attempts"
            return response
        if advised is not None:
            delay = advised
            self._slow_host(request, advised)
            self.crawler.stats.inc_value("banwatch/retry/retry_after_honoured")
        else:
            delay = backoff_delay(_attempts(request), self.backoff_base, self.backoff_max)
        await self._wait(delay, request, reason)
        return retry

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get(
            "dont_retry", False
        ):
            return None
        retry = self._retry(request, exception)
        if retry is None:
            request.meta[GIVE_UP_META] = f"gave up after {_attempts(request)} attempts"
            return None
        delay = backoff_delay(_attempts(request), self.backoff_base, self.backoff_max)
        await self._wait(delay, request, type(exception).__name__)
        return retry

    async def _wait(self, delay: float, request: Request, reason: str) -> None:
        if delay <= 0:
            return
        logger.debug("retrying %s in %.1fs (%s)", request.url, delay, reason)
        self.crawler.stats.inc_value("banwatch/retry/waited_seconds", delay)
        await sleep(delay)

    def _host_key(self, request: Request) -> str:
        downloader = self._downloader()
        if downloader is not None:
            return downloader.get_slot_key(request)
        return urlsplit(request.url).hostname or ""

    def _downloader(self) -> Any:
        engine = self.crawler.engine
        return getattr(engine, "downloader", None) if engine is not None else None

    def _slow_host(self, request: Request, delay: float) -> None:
        """Space out the host's other queued requests by at least ``delay`` seconds."""
        downloader = self._downloader()
        if downloader is None:
            return
        slot = downloader.slots.get(downloader.get_slot_key(request))
        if slot is not None:
            slot.delay = max(slot.delay, delay)


def _attempts(request: Request) -> int:
    """How many times ``request`` (the attempt that just failed) has been tried in all."""
    return int(request.meta.get("retry_times", 0)) + 1
