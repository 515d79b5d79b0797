"""The news spider: feeds, listing pages and sitemaps in, article items out.

It only schedules requests. What a feed, listing, sitemap or article *says* is
decided by the pure functions in ``crawler.parsing``; what happened to each
source is written into ``self.outcomes`` for the run record.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import DNSLookupError, TCPTimedOutError, TimeoutError
from twisted.python.failure import Failure

from crawler import parsing
from crawler.items import ArticleItem
from crawler.middlewares import ALLOW_PRIVATE_META
from crawler.seen import SeenIndex

FEED_TYPES = ("feed", "search")


@dataclass
class SourceOutcome:
    """What happened to one source in this crawl."""

    ok: bool = False
    not_modified: bool = False
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    links: int = 0
    warnings: list[str] = field(default_factory=list)


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


class NewsSpider(scrapy.Spider):
    """Crawl the sources it is given; skip articles whose canonical URL is already stored."""

    name = "news"

    def __init__(
        self, sources: list[dict[str, Any]], refresh: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.sources = {source["name"]: source for source in sources}
        self.refresh = refresh
        self.outcomes: dict[str, SourceOutcome] = {name: SourceOutcome() for name in self.sources}
        self.seen: SeenIndex | None = None
        self.scheduled: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.seen = SeenIndex(crawler.settings["BANWATCH_DB"])
        return spider

    async def start(self) -> Any:
        for source in self.sources.values():
            yield self._source_request(source)

    def _meta(self, source: dict[str, Any], **extra: Any) -> dict[str, Any]:
        return {ALLOW_PRIVATE_META: bool(source.get("allow_private")), **extra}

    def _source_request(self, source: dict[str, Any]) -> scrapy.Request:
        headers: dict[str, str] = {}
        if source["kind"] in (*FEED_TYPES, "sitemap") and not self.refresh:
            if source.get("etag"):
                headers["If-None-Match"] = source["etag"]
            if source.get("last_modified"):
                headers["If-Modified-Since"] = source["last_modified"]
        callback = {
            "feed": self.parse_feed,
            "search": self.parse_feed,
            "page": self.parse_listing,
            "sitemap": self.parse_sitemap,
        }[source["kind"]]
        return scrapy.Request(
            source["url"],
            callback=callback,
            errback=self.source_failed,
            headers=headers,
            cb_kwargs={"source": source["name"]},
            meta=self._meta(source, handle_httpstatus_list=[304]),
            dont_filter=True,
        )

    # -- sources ---------------------------------------------------------------

    def parse_feed(self, response: Response, source: str) -> Iterator[scrapy.Request]:
        if self._not_modified(response, source):
            return
        try:
            result = parsing.parse_feed(
                response.body, response.url, _header(response, "Content-Type")
            )
        except parsing.FeedError as exc:
            self._fail(source, f"feed: {exc}")
            return
        self._succeed(source, response, result.warnings)
        for entry in result.entries:
            yield from self._article_request(source, entry.url, entry)

    def parse_listing(self, response: Response, source: str) -> Iterator[scrapy.Request]:
        config = self.sources[source]
        links = parsing.parse_listing(
            response.body, response.url, config.get("allow", ()), config.get("deny", ())
        )
        self._succeed(source, response, [])
        for link in links:
            yield from self._article_request(source, link, None)

    def parse_sitemap(self, response: Response, source: str) -> Iterator[scrapy.Request]:
        if self._not_modified(response, source):
            return
        try:
            result = parsing.parse_sitemap(response.body, response.url)
        except ValueError as exc:
            self._fail(source, f"sitemap: {exc}")
            return
        self._succeed(source, response, [])
        config = self.sources[source]
        for child in result.sitemaps:
            yield scrapy.Request(
                child,
                callback=self.parse_child_sitemap,
                errback=self.article_failed,
                cb_kwargs={"source": source},
                meta=self._meta(config),
            )
        for url, _lastmod in result.urls:
            yield from self._article_request(source, url, None)

    def parse_child_sitemap(self, response: Response, source: str) -> Iterator[scrapy.Request]:
        try:
            result = parsing.parse_sitemap(response.body, response.url)
        except ValueError as exc:
            self._count("errors/sitemap")
            self.logger.warning("sitemap %s: %s", response.url, exc)
            return
        for url, _lastmod in result.urls:
            yield from self._article_request(source, url, None)

    # -- articles --------------------------------------------------------------

    def _article_request(
        self, source: str, url: str, entry: parsing.FeedEntry | None
    ) -> Iterator[scrapy.Request]:
        canonical = parsing.canonicalize_url(url)
        self.outcomes[source].links += 1
        if canonical in self.scheduled:
            self._count("articles/duplicate_link")
            return
        self.scheduled.add(canonical)
        if not self.refresh and self.seen is not None and self.seen.known(canonical):
            self._count("articles/skipped_known")
            return
        yield scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.article_failed,
            cb_kwargs={"source": source, "entry": entry},
            meta=self._meta(self.sources[source]),
        )

    def parse_article(
        self, response: Response, source: str, entry: parsing.FeedEntry | None
    ) -> Iterator[ArticleItem]:
        content_type = (_header(response, "Content-Type") or "").lower()
        if content_type and not any(t in content_type for t in ("html", "xml", "text/plain")):
            self._count("errors/not_html")
            self.logger.info("skipped %s: content type %s", response.url, content_type)
            return
        try:
            article = parsing.parse_article(response.body, response.url, fallback=entry)
        except parsing.NoArticleText as exc:
            self._count("errors/no_article_text")
            self.logger.info("no article text at %s: %s", response.url, exc)
            return
        yield ArticleItem(
            source=source,
            url=article.url,
            canonical_url=article.canonical_url,
            title=article.title,
            author=article.author,
            published=article.published,
            language=article.language,
            text=article.text,
            content_hash=article.content_hash,
        )

    def article_failed(self, failure: Failure) -> None:
        self._count(f"errors/{_failure_kind(failure)}")
        self.logger.info("article failed: %s", failure.getErrorMessage())

    # -- bookkeeping -----------------------------------------------------------

    def source_failed(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        source = request.cb_kwargs.get("source") if request is not None else None
        message = f"{_failure_kind(failure)}: {failure.getErrorMessage()}"
        if source in self.outcomes:
            self._fail(source, message)

    def _not_modified(self, response: Response, source: str) -> bool:
        if response.status != 304:
            return False
        outcome = self.outcomes[source]
        outcome.ok, outcome.not_modified = True, True
        config = self.sources[source]
        outcome.etag = config.get("etag")
        outcome.last_modified = config.get("last_modified")
        self._count("sources/not_modified")
        return True

    def _succeed(self, source: str, response: Response, warnings: list[str]) -> None:
        outcome = self.outcomes[source]
        outcome.ok = True
        outcome.etag = _header(response, "ETag")
        outcome.last_modified = _header(response, "Last-Modified")
        outcome.warnings.extend(warnings)

    def _fail(self, source: str, message: str) -> None:
        outcome = self.outcomes[source]
        outcome.ok, outcome.error = False, message
        self._count("errors/source")
        self.logger.warning("source %s failed: %s", source, message)

    def _count(self, key: str) -> None:
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"banwatch/{key}")


def _failure_kind(failure: Failure) -> str:
    """A short name for what went wrong: http_404, timeout, dns, refused, ..."""
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"
    if failure.check(TimeoutError, TCPTimedOutError):
        return "timeout"
    if failure.check(DNSLookupError):
        return "dns"
    if failure.check(IgnoreRequest):
        return "refused"
    return failure.type.__name__.lower() if failure.type else "error"
