"""Item pipelines, one concern each: validate, drop duplicates, store.

Configuration comes from ``from_crawler``; the database is opened in
``open_spider`` and closed in ``close_spider``; a dropped item says why.
"""

from __future__ import annotations

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector
from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler.items import ArticleItem
from store.articles import ArticleRecord, save_article
from store.db import create_db_engine, session_factory
from store.models import Source

MIN_TEXT_CHARS = 200
# Stats key prefix for per-source article counts: ``banwatch/per_source/<outcome>/<source>``.
PER_SOURCE_PREFIX = "banwatch/per_source/"


class ValidateArticlePipeline:
    """Drop items that cannot be an article: no URL, no text, too little text."""

    def __init__(self, min_chars: int) -> None:
        self.min_chars = min_chars

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidateArticlePipeline:
        return cls(crawler.settings.getint("BANWATCH_MIN_TEXT_CHARS", MIN_TEXT_CHARS))

    def process_item(self, item: ArticleItem, spider: Spider | None = None) -> ArticleItem:
        if not item.canonical_url:
            raise DropItem("article without a URL")
        if len(item.text.strip()) < self.min_chars:
            raise DropItem(
                f"article text too short ({len(item.text.strip())} < {self.min_chars} chars):"
                f" {item.url}"
            )
        return item


class DedupeArticlePipeline:
    """Drop an article already stored in this run (two feeds, two URLs, one canonical page)."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def process_item(self, item: ArticleItem, spider: Spider | None = None) -> ArticleItem:
        if item.canonical_url in self.seen:
            raise DropItem(f"duplicate of {item.canonical_url} in this crawl")
        self.seen.add(item.canonical_url)
        return item


class StoreArticlePipeline:
    """Write articles to the database, once per canonical URL."""

    def __init__(self, db_url: str, stats: StatsCollector) -> None:
        self.db_url = db_url
        self.stats = stats
        self.session: Session | None = None
        self.sources: dict[str, Source] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoreArticlePipeline:
        return cls(crawler.settings["BANWATCH_DB"], crawler.stats)

    def open_spider(self, spider: Spider | None = None) -> None:
        self.engine = create_db_engine(self.db_url)
        self.session = session_factory(self.engine)()

    def close_spider(self, spider: Spider | None = None) -> None:
        if self.session is not None:
            self.session.close()
        self.engine.dispose()

    def process_item(self, item: ArticleItem, spider: Spider | None = None) -> ArticleItem:
        assert self.session is not None, "open_spider was not called"
        source = self._source(item.source)
        record = ArticleRecord(
            url=item.url,
            canonical_url=item.canonical_url,
            title=item.title,
            author=item.author,
            published=item.published,
            language=item.language,
            text=item.text,
            content_hash=item.content_hash,
        )
        try:
            outcome = save_article(self.session, record, source)
            self.session.commit()
        except Exception:
            self.session.rollback()
            raise
        self.stats.inc_value(f"banwatch/articles/{outcome}")
        self.stats.inc_value(f"{PER_SOURCE_PREFIX}{outcome}/{item.source}")
        return item

    def _source(self, name: str) -> Source | None:
        """The stored row of the item's source (the child created every row before crawling).

        Looked up by name rather than through the spider: Scrapy 2.19 no longer
        passes the spider to ``process_item``.
        """
        if name not in self.sources:
            assert self.session is not None
            self.sources[name] = self.session.scalar(select(Source).where(Source.name == name))
        return self.sources[name]
