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

    robots.txt is obeyed, AutoThrottle adapts to each server, responses are
    capped in size and time, and private addresses are refused except for the
    hosts of sources that allow them.
    """
    settings: dict[str, Any] = {
        "BOT_NAME": "banwatch",
        "USER_AGENT": user_agent,
        "ROBOTSTXT_OBEY": True,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "CONCURRENT_REQUESTS": 32,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": 0.25,
        "AUTOTHROTTLE_MAX_DELAY": 30,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 4.0,
        "DOWNLOAD_TIMEOUT": 30,
        "DOWNLOAD_MAXSIZE": MAX_RESPONSE_BYTES,
        "DOWNLOAD_WARNSIZE": MAX_RESPONSE_BYTES // 2,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": 2,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "REDIRECT_MAX_TIMES": 5,
        "COOKIES_ENABLED": False,
        "DOWNLOADER_MIDDLEWARES": {"crawler.middlewares.PrivateAddressGuard": 50},
        "ITEM_PIPELINES": {
            "crawler.pipelines.ValidateArticlePipeline": 100,
            "crawler.pipelines.DedupeArticlePipeline": 200,
            "crawler.pipelines.StoreArticlePipeline": 300,
        },
        "BANWATCH_DB": db_url,
        "BANWATCH_PRIVATE_HOSTS": private_hosts or [],
    }
    settings.update(overrides or {})
    return settings
