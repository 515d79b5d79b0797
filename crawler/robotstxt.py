"""robots.txt, obeyed for every request that waits for it, and given time to arrive.

Two gaps in Scrapy's own robots middleware (2.19, asyncio reactor) let a crawl fetch what
a site forbids:

- While a site's robots.txt is on its way, every request to the site waits on one
  ``Deferred``; turned into an asyncio future, a ``Deferred`` hands its result to the
  first waiter and ``None`` to the rest, and ``None`` means "no robots.txt: allow all".
  At the start of a crawl, when each source's first request goes to its site at once,
  all but one of a site's feeds were fetched unchecked. ``RobotsTxtObeyed`` relays the
  parser to every waiter.
- When the download of robots.txt fails, every path is allowed, so one slower than
  ``DOWNLOAD_TIMEOUT`` opened the site. ``RobotsTxtTimeout`` gives robots.txt requests
  at least ``BANWATCH_ROBOTSTXT_TIMEOUT`` seconds, whatever the timeout for pages.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

ROBOTSTXT_PATH = "/robots.txt"


class RobotsTxtObeyed(RobotsTxtMiddleware):
    """Scrapy's robots middleware, with the parser relayed to every request that waits
    for a robots.txt still on its way (not only to the first)."""

    async def robot_parser(self, request: Request) -> Any:
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(pending, Deferred):
            return await super().robot_parser(request)
        waiter: Deferred[Any] = Deferred()

        def relay(result: Any) -> Any:
            waiter.callback(result)
            return result  # (so the next waiter gets it too)

        pending.addBoth(relay)
        return await maybe_deferred_to_future(waiter)


class RobotsTxtTimeout:
    """Give robots.txt requests at least ``timeout`` seconds (before Scrapy's
    ``DownloadTimeoutMiddleware`` sets the default)."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RobotsTxtTimeout:
        return cls(crawler.settings.getfloat("BANWATCH_ROBOTSTXT_TIMEOUT"))

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if urlsplit(request.url).path == ROBOTSTXT_PATH:
            current = request.meta.get("download_timeout") or 0.0
            request.meta["download_timeout"] = max(float(current), self.timeout)
        return None
