"""The news spider: feeds, search feeds, listing pages and sitemaps in, article items out.

It only schedules requests. What a feed, listing, sitemap or article *says* is
decided by the pure functions in ``crawler.parsing`` (articles in worker
processes, see ``crawler.parse_pool``); what happened to each source is
written into ``self.outcomes`` for the run record.

A source's own documents (the feed, each keyword's search feed, the listing
page, the sitemap) decide whether the source worked. What goes wrong below
them -- an article that times out, a child sitemap that 404s, a PDF -- is
counted on the source by kind and never fails it. An article failure worth
retrying (timeout, 5xx) makes the crawl forget the source's ETag and
Last-Modified, so that the next crawl reads the feed again instead of being
told 304 and never seeing that article's link again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.python.failure import Failure
from w3lib.encoding import http_content_type_encoding

from banwatch.crawler import parsing
from banwatch.crawler.contentgate import ARTICLE_ROLE, ROLE_META
from banwatch.crawler.failures import FailureInfo, describe_failure
from banwatch.crawler.items import ArticleItem
from banwatch.crawler.middlewares import ALLOW_PRIVATE_META
from banwatch.crawler.parse_pool import ArticleParserPool, ParseFailed, default_workers
from banwatch.crawler.seen import SeenIndex
from banwatch.crawler.shared_links import SharedLinks
from banwatch.crawler.urls import expand_search_url, source_url_problem

FEED_KINDS = ("feed", "search")
CONDITIONAL_KINDS = ("feed", "sitemap")
# Request meta: True on a source's own documents, whose failure fails the source.
ROOT_META = "banwatch_root"
MAX_SITEMAP_NESTING = 3
MAX_KEPT_WARNINGS = 20
# Request meta of article requests: ``(link as followed, its canonical form)``, so
# that the article's callback need not canonicalise the same link again.
LINK_META = "banwatch_link"


@dataclass
class SourceOutcome:
    """What happened to one source in this crawl."""

    ok: bool = False
    done: bool = False
    not_modified: bool = False
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    documents: int = 0
    links: int = 0
    articles: dict[str, int] = field(default_factory=dict)
    article_errors: dict[str, int] = field(default_factory=dict)
    retry_later: int = 0
    warnings: list[str] = field(default_factory=list)
    # Could not even be asked (its URL is not one): trying again will not help.
    unusable: bool = False

    def warn(self, message: str) -> None:
        """Keep a warning, up to a bound (a feed of 500 broken entries is one story)."""
        if len(self.warnings) < MAX_KEPT_WARNINGS:
            self.warnings.append(message)


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


class NewsSpider(scrapy.Spider):
    """Crawl the sources it is given; skip articles whose URL is already stored."""

    name = "news"

    def __init__(
        self,
        sources: list[dict[str, Any]],
        refresh: bool = False,
        keywords: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.sources = {source["name"]: source for source in sources}
        self.refresh = refresh
        self.keywords = list(keywords or [])
        self.outcomes: dict[str, SourceOutcome] = {name: SourceOutcome() for name in self.sources}
        self.seen: SeenIndex | None = None
        self.parser = ArticleParserPool(0)
        self.scheduled: set[str] = set()
        # In a distributed run: the run's links in Redis, shared by every worker.
        self.shared_links: SharedLinks | None = None
        self.pending_roots: Counter[str] = Counter()
        self.root_successes: Counter[str] = Counter()
        self.listing_pages: Counter[str] = Counter()
        self.max_listing_pages = 50
        self.sitemap_overlap = timedelta(days=3)
        self.sitemap_max_age: timedelta | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.seen = SeenIndex(settings["BANWATCH_DB"])
        if settings.get("BANWATCH_QUEUE_URL"):
            spider.shared_links = SharedLinks.from_settings(settings)
        workers = settings.getint("BANWATCH_PARSE_WORKERS", -1)
        spider.parser = ArticleParserPool(
            default_workers() if workers < 0 else workers,
            timeout=settings.getfloat("BANWATCH_PARSE_TIMEOUT", 60.0),
        )
        spider.max_listing_pages = settings.getint("BANWATCH_MAX_LISTING_PAGES", 50)
        spider.sitemap_overlap = timedelta(
            days=settings.getfloat("BANWATCH_SITEMAP_OVERLAP_DAYS", 3.0)
        )
        max_age = settings.getfloat("BANWATCH_SITEMAP_MAX_AGE_DAYS", 0.0)
        spider.sitemap_max_age = timedelta(days=max_age) if max_age > 0 else None
        crawler.signals.connect(spider.parser.start, signal=signals.spider_opened)
        crawler.signals.connect(spider.parser.close, signal=signals.spider_closed)
        return spider

    def request_done(self, request: scrapy.Request) -> None:
        """A request's callback or errback is done (the shared queue forgets it)."""

    def first_time(self, key: str) -> bool:
        """True the first time this crawl (all its workers) meets ``key``; remembers it."""
        if self.shared_links is not None:
            return self.shared_links.first_time(key)
        if key in self.scheduled:
            return False
        self.scheduled.add(key)
        return True

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.shared_links is not None and not self.shared_links.claim_seeding():
            return  # another worker of the run puts the sources on the queue
        for source in self.sources.values():
            try:
                requests = self._source_requests(source)
            except Exception as exc:  # one source's surprise must not stop the ones after it
                self.logger.exception("source %s could not be requested", source["name"])
                self._fail(source["name"], f"could not be requested: {type(exc).__name__}: {exc}")
                continue
            for request in requests:
                yield request

    # -- source documents ------------------------------------------------------

    def _meta(self, source: dict[str, Any], role: str, **extra: Any) -> dict[str, Any]:
        return {ALLOW_PRIVATE_META: bool(source.get("allow_private")), ROLE_META: role, **extra}

    def _source_requests(self, source: dict[str, Any]) -> list[scrapy.Request]:
        name, kind = source["name"], source["kind"]
        if kind == "search":
            try:
                urls = expand_search_url(source["url"], source.get("keywords") or self.keywords)
            except ValueError as exc:
                self._fail(name, f"search: {exc}")
                return []
        else:
            problem = source_url_problem(kind, source["url"])
            if problem is not None:
                self._fail(name, f"URL {source['url']!r} {problem}")
                return []
            urls = [source["url"]]
        headers: dict[str, str] = {}
        if kind in CONDITIONAL_KINDS and not self.refresh:
            if source.get("etag"):
                headers["If-None-Match"] = source["etag"]
            if source.get("last_modified"):
                headers["If-Modified-Since"] = source["last_modified"]
        callback = {
            "feed": self.parse_feed,
            "search": self.parse_feed,
            "page": self.parse_listing,
            "sitemap": self.parse_sitemap,
        }[kind]
        role = {"page": "listing", "sitemap": "sitemap"}.get(kind, "feed")
        requests = [
            scrapy.Request(
                url,
                callback=callback,
                errback=self.document_failed,
                headers=headers,
                cb_kwargs={"source": name},
                meta=self._meta(source, role, **{ROOT_META: True, "handle_httpstatus_list": [304]}),
                dont_filter=True,
            )
            for url in urls
        ]
        self.pending_roots[name] = len(requests)
        return requests

    async def parse_feed(self, response: Response, source: str) -> AsyncIterator[scrapy.Request]:
        if self._not_modified(response, source):
            return
        self.outcomes[source].documents += 1
        try:
            result = await self.parser.run(
                parsing.parse_feed, response.body, response.url, _header(response, "Content-Type")
            )
        except parsing.FeedError as exc:
            self._document_error(response, source, f"feed: {exc}", "feed")
            return
        except ParseFailed as exc:
            self._document_error(response, source, f"feed: {exc}", exc.kind)
            return
        if not result.entries and result.warnings:
            # Entries exist but none can be followed: useless, and the reason says why.
            self._document_error(
                response,
                source,
                "feed: no usable entries (" + "; ".join(result.warnings) + ")",
                "feed",
            )
            return
        self._document_ok(response, source, result.warnings)
        if not result.entries:
            self.outcomes[source].warn(f"{response.url}: the feed has no entries")
        for entry in result.entries:
            for request in self._article_request(source, entry.url, entry):
                yield request

    async def parse_listing(
        self, response: Response, source: str, hop: int = 0
    ) -> AsyncIterator[scrapy.Request]:
        if self._not_modified(response, source):
            return
        outcome = self.outcomes[source]
        outcome.documents += 1
        config = self.sources[source]
        if not response.body.strip():
            self._document_error(response, source, "listing page: empty response", "listing")
            return
        allow, deny = tuple(config.get("allow", ())), tuple(config.get("deny", ()))
        more: list[str] = []
        depth = max(1, int(config.get("depth") or 1))
        try:
            links = await self.parser.run(
                parsing.parse_listing, response.body, response.url, allow, deny
            )
            room = self.max_listing_pages - self.listing_pages[source]
            if hop + 1 < depth and room > 0:
                more = await self.parser.run(
                    parsing.parse_listing_pages, response.body, response.url, deny, room
                )
                more = [url for url in more if self.first_time(url)]
        except ParseFailed as exc:
            self._document_error(response, source, f"listing page: {exc}", exc.kind)
            return
        if hop == 0 and not links and not more:
            patterns = ", ".join(config.get("allow", ())) or "the article-URL heuristics"
            self._document_error(
                response, source, f"listing page: no links matched {patterns}", "listing"
            )
            return
        if hop == 0:
            self._document_ok(response, source, [])
        for link in links:
            for request in self._article_request(source, link, None):
                yield request
        for url in more:
            self.listing_pages[source] += 1
            yield scrapy.Request(
                url,
                callback=self.parse_listing,
                errback=self.document_failed,
                cb_kwargs={"source": source, "hop": hop + 1},
                meta=self._meta(config, "listing"),
                dont_filter=True,
            )

    async def parse_sitemap(
        self, response: Response, source: str, nesting: int = 0
    ) -> AsyncIterator[scrapy.Request]:
        root = nesting == 0
        if root and self._not_modified(response, source):
            return
        self.outcomes[source].documents += 1
        try:
            result = await self.parser.run(
                parsing.parse_sitemap, response.body, response.url, self._since(source)
            )
        except parsing.FeedError as exc:
            self._document_error(response, source, f"sitemap: {exc}", "sitemap")
            return
        except ParseFailed as exc:
            self._document_error(response, source, f"sitemap: {exc}", exc.kind)
            return
        if root:
            self._document_ok(response, source, [])
        config = self.sources[source]
        for child in result.sitemaps:
            if nesting + 1 > MAX_SITEMAP_NESTING:
                self.outcomes[source].warn(f"{child}: sitemap indexes nested too deep")
                continue
            yield scrapy.Request(
                child,
                callback=self.parse_sitemap,
                errback=self.document_failed,
                cb_kwargs={"source": source, "nesting": nesting + 1},
                meta=self._meta(config, "sitemap"),
            )
        for url, _lastmod in result.urls:
            for request in self._article_request(source, url, None):
                yield request

    def _since(self, source: str) -> datetime | None:
        """Sitemap entries older than this are not considered (``None``: all of them).

        After a successful crawl: its time less an overlap, for late lastmods and
        clock skew. Before any: ``BANWATCH_SITEMAP_MAX_AGE_DAYS`` back, if set.
        ``--refresh`` reads everything.
        """
        if self.refresh:
            return None
        last = _parse_time(self.sources[source].get("last_success_at"))
        if last is not None:
            return last - self.sitemap_overlap
        if self.sitemap_max_age is not None:
            return datetime.now(UTC) - self.sitemap_max_age
        return None

    # -- articles --------------------------------------------------------------

    def _article_request(
        self, source: str, url: str, entry: parsing.FeedEntry | None
    ) -> Iterator[scrapy.Request]:
        try:
            canonical = parsing.canonicalize_url(url)
        except ValueError:
            self._article_error(source, FailureInfo("bad_url", f"unparseable link {url!r}"))
            return
        self.outcomes[source].links += 1
        if not self.first_time(canonical):
            self._count("articles/duplicate_link")
            return
        if not self.refresh and self.seen is not None and self.seen.known(canonical):
            self._count("articles/skipped_known")
            return
        yield scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.article_failed,
            cb_kwargs={"source": source, "entry": entry},
            meta=self._meta(self.sources[source], ARTICLE_ROLE, **{LINK_META: (url, canonical)}),
            # Deduplicated above by canonical URL; the scheduler's own filter would
            # silently drop a redirect loop's second lap instead of reporting it.
            dont_filter=True,
        )

    async def parse_article(
        self, response: Response, source: str, entry: parsing.FeedEntry | None
    ) -> AsyncIterator[ArticleItem]:
        encoding = http_content_type_encoding(_header(response, "Content-Type") or "")
        try:
            article = await self.parser.parse(
                response.body, response.url, fallback=entry, encoding=encoding
            )
        except parsing.NoArticleText as exc:
            self._article_error(source, FailureInfo("no_article_text", str(exc)), response.url)
            return
        except ParseFailed as exc:
            self._article_error(source, FailureInfo(exc.kind, str(exc)), response.url)
            return
        if article.warnings:
            self._count("articles/with_warnings")
            self.outcomes[source].warn(f"{response.url}: {'; '.join(article.warnings)}")
        meta = response.request.meta
        followed = meta.get("redirect_urls", [response.url])[0]
        link, canonical = meta.get(LINK_META, (None, None))
        if followed == link:
            followed = canonical  # canonicalised when it was scheduled
        else:
            try:
                followed = parsing.canonicalize_url(followed)
            except ValueError:
                followed = response.url
        yield ArticleItem(
            source=source,
            url=followed,
            canonical_url=article.canonical_url,
            title=article.title,
            author=article.author,
            published=article.published,
            published_date=article.published_date,
            language=article.language,
            text=article.text,
            content_hash=article.content_hash,
        )

    def article_failed(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        if request is not None:
            self.request_done(request)
        source = request.cb_kwargs.get("source") if request is not None else None
        info = describe_failure(failure)
        if source in self.outcomes:
            self._article_error(source, info, request.url if request is not None else None)
        else:
            self._count(f"errors/{info.kind}")

    # -- bookkeeping -----------------------------------------------------------

    def document_failed(self, failure: Failure) -> None:
        """Errback of feeds, search feeds, listing pages and sitemaps."""
        request = getattr(failure, "request", None)
        if request is not None:
            self.request_done(request)
        source = request.cb_kwargs.get("source") if request is not None else None
        info = describe_failure(failure)
        if source not in self.outcomes or request is None:
            self._count(f"errors/{info.kind}")
            return
        self._record_document_error(source, request.url, info, bool(request.meta.get(ROOT_META)))

    def _document_error(self, response: Response, source: str, message: str, kind: str) -> None:
        info = FailureInfo(f"bad_{kind}", message)
        root = bool(response.request is not None and response.request.meta.get(ROOT_META))
        self._record_document_error(source, response.url, info, root)

    def _record_document_error(self, source: str, url: str, info: FailureInfo, root: bool) -> None:
        outcome = self.outcomes[source]
        self._count(f"errors/{info.kind}")
        if info.transient:
            outcome.retry_later += 1
        if not root:
            # A child sitemap or a deeper listing page: the source itself still works.
            outcome.warn(f"{url}: {info.message}")
            return
        if self.sources[source]["kind"] == "search":
            outcome.warn(f"{url}: {info.message}")  # one keyword of several
        self._root_done(source, ok=False, message=info.message)

    def _root_done(self, source: str, ok: bool, message: str | None = None) -> None:
        """One of the source's own documents is done; the source is, once all of them are."""
        outcome = self.outcomes[source]
        if ok:
            self.root_successes[source] += 1
        elif message and outcome.error is None:
            outcome.error = message
        self.pending_roots[source] -= 1
        if self.pending_roots[source] > 0:
            return
        outcome.done = True
        outcome.ok = self.root_successes[source] > 0
        if outcome.ok:
            outcome.error = None
        elif outcome.error is None:
            outcome.error = "no response"
        if not outcome.ok:
            self._count("errors/source")
            self.logger.warning("source %s failed: %s", source, outcome.error)

    def _not_modified(self, response: Response, source: str) -> bool:
        if response.status != 304:
            return False
        outcome = self.outcomes[source]
        outcome.not_modified = True
        config = self.sources[source]
        outcome.etag = config.get("etag")
        outcome.last_modified = config.get("last_modified")
        self._count("sources/not_modified")
        self._root_done(source, ok=True)
        return True

    def _document_ok(self, response: Response, source: str, warnings: list[str]) -> None:
        outcome = self.outcomes[source]
        if self.sources[source]["kind"] in CONDITIONAL_KINDS:
            outcome.etag = _header(response, "ETag")
            outcome.last_modified = _header(response, "Last-Modified")
        for warning in warnings:
            outcome.warn(f"{response.url}: {warning}")
        self._root_done(source, ok=True)

    def _fail(self, source: str, message: str) -> None:
        """The source cannot even be asked (a bad URL or search template, no keywords)."""
        outcome = self.outcomes[source]
        outcome.done, outcome.ok, outcome.error = True, False, message
        outcome.unusable = True
        self._count("errors/source")
        self.logger.warning("source %s failed: %s", source, message)

    def _article_error(self, source: str, info: FailureInfo, url: str | None = None) -> None:
        outcome = self.outcomes[source]
        outcome.article_errors[info.kind] = outcome.article_errors.get(info.kind, 0) + 1
        if info.transient:
            outcome.retry_later += 1
        self._count(f"errors/{info.kind}")
        self.logger.info("article %s: %s", url or "?", info.message)

    def _count(self, key: str) -> None:
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"banwatch/{key}")
