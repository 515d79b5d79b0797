"""Scrapy settings for banwatch crawls: polite, bounded and safe by default."""

from __future__ import annotations

from typing import Any

MAX_RESPONSE_BYTES = 10 * 1024 * 1024


def scrapy_settings(
    db_url: str,
    user_agent: str,
    private_hosts: list[str] | None = None,
    overrides: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The settings for one crawl.

    robots.txt is obeyed, AutoThrottle adapts to each server (at most
    ``CONCURRENT_REQUESTS_PER_DOMAIN`` at once), retries back off and honour
    ``Retry-After``, responses are capped in size and time, unreadable content
    types are refused from their headers, and private addresses are refused
    except for the hosts of sources that allow them.
    """
    settings: dict[str, Any] = {
        "BOT_NAME": "banwatch",
        "USER_AGENT": user_agent,
        "ROBOTSTXT_OBEY": True,
        "TELNETCONSOLE_ENABLED": False,
        # Scrapy 2.19's remote control runs Python sent over HTTP: never in a crawler.
        "REMOTE_CONTROL_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "CONCURRENT_REQUESTS": 32,
        # Outputs of one callback handled at once. An article callback yields one
        # item and the pipelines are synchronous; Scrapy's default (100) starts 100
        # asyncio tasks per response for nothing.
        "CONCURRENT_ITEMS": 8,
        # Not needed here, and each wraps every callback's output: a Referer header
        # would only tell sites which feed linked them; depth is tracked per source.
        "SPIDER_MIDDLEWARES": {
            "scrapy.spidermiddlewares.referer.RefererMiddleware": None,
            "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
            "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
        },
        "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": 0.25,
        "AUTOTHROTTLE_MAX_DELAY": 30,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 4.0,
        "DOWNLOAD_TIMEOUT": 30,
        # robots.txt waits at least this long whatever DOWNLOAD_TIMEOUT is: when its
        # download fails, every path is allowed (crawler.robotstxt)
        "BANWATCH_ROBOTSTXT_TIMEOUT": 30.0,
        "DOWNLOAD_MAXSIZE": MAX_RESPONSE_BYTES,
        "DOWNLOAD_WARNSIZE": MAX_RESPONSE_BYTES // 2,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": 2,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        # Retry-After is honoured up to this many seconds (longer: the host is left
        # alone for the rest of the crawl); other retries back off 1 s, 2 s, 4 s...
        "BANWATCH_RETRY_AFTER_MAX": 60.0,
        "BANWATCH_RETRY_BACKOFF_BASE": 1.0,
        "BANWATCH_RETRY_BACKOFF_MAX": 30.0,
        "REDIRECT_MAX_TIMES": 5,
        "COOKIES_ENABLED": False,
        "DOWNLOADER_MIDDLEWARES": {
            "banwatch.crawler.middlewares.PrivateAddressGuard": 50,
            "banwatch.crawler.robotstxt.RobotsTxtTimeout": 60,
            "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
            "banwatch.crawler.robotstxt.RobotsTxtObeyed": 100,
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "banwatch.crawler.retry.PoliteRetryMiddleware": 550,
        },
        "EXTENSIONS": {
            "banwatch.crawler.contentgate.ContentTypeGate": 100,
            "banwatch.crawler.progress.ProgressFile": 200,
            "banwatch.crawler.parentwatch.ParentWatch": 300,
        },
        # Text extraction runs in this many worker processes (-1: one per core, at
        # most 4; 0: in the crawl process), each page within this many seconds.
        "BANWATCH_PARSE_WORKERS": -1,
        "BANWATCH_PARSE_TIMEOUT": 60.0,
        # Stored articles are committed this many at a time, or once the first of a
        # batch has waited this many seconds: a killed crawl loses at most that.
        "BANWATCH_STORE_BATCH": 50,
        "BANWATCH_STORE_SECONDS": 1.0,
        # `page` sources deeper than one hop read at most this many listing pages.
        "BANWATCH_MAX_LISTING_PAGES": 50,
        # Sitemap entries older than the last successful crawl less this overlap are
        # skipped; before the first success, those older than MAX_AGE (0: no limit).
        "BANWATCH_SITEMAP_OVERLAP_DAYS": 3.0,
        "BANWATCH_SITEMAP_MAX_AGE_DAYS": 0.0,
        # Keywords that fill `search` sources' {query}; a JSON file path the child
        # rewrites with live counts (the CLI's progress display).
        "BANWATCH_SEARCH_KEYWORDS": [],
        "BANWATCH_PROGRESS_FILE": None,
        # Set by the crawl's child process: the run row its counts go to as the crawl
        # goes, and the banwatch process whose death stops the crawl.
        "BANWATCH_RUN_ID": None,
        "BANWATCH_PARENT_PID": None,
        "ITEM_PIPELINES": {
            "banwatch.crawler.pipelines.ValidateArticlePipeline": 100,
            "banwatch.crawler.pipelines.DedupeArticlePipeline": 200,
            "banwatch.crawler.pipelines.StoreArticlePipeline": 300,
        },
        "BANWATCH_DB": db_url,
        "BANWATCH_PRIVATE_HOSTS": private_hosts or [],
    }
    settings.update(overrides or {})
    return settings
