"""Item pipelines, one concern each: validate, drop duplicates, store.

Configuration comes from ``from_crawler``; the database is opened in
``open_spider`` and closed in ``close_spider`` (after the last batch is
committed); a dropped item says why.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector
from sqlalchemy import select
from sqlalchemy.orm import Session
from twisted.internet.interfaces import IReactorTime
from twisted.internet.task import LoopingCall

from banwatch.crawler.items import ArticleItem
from banwatch.crawler.plaintext import word_count
from banwatch.crawler.runcounts import RunCounts
from banwatch.store.articles import ArticleRecord, save_article, save_articles
from banwatch.store.db import create_db_engine, session_factory
from banwatch.store.models import Source

# Fewer words than this (in any script, see ``plaintext.word_count``) is no story to keep;
# on 1,176 benchmark pages in spaced scripts it drops exactly what 200 characters did.
MIN_TEXT_WORDS = 30
# Stats key prefix for per-source article counts: ``banwatch/per_source/<outcome>/<source>``.
PER_SOURCE_PREFIX = "banwatch/per_source/"
# Articles committed together, and the longest an article waits for its batch.
STORE_BATCH_SIZE = 50
STORE_BATCH_SECONDS = 1.0

logger = logging.getLogger(__name__)


def _count_keys(source: str, outcome: str) -> tuple[str, str]:
    """The stats an article's outcome counts in: the run's total and its source's."""
    return f"banwatch/articles/{outcome}", f"{PER_SOURCE_PREFIX}{outcome}/{source}"


class ValidateArticlePipeline:
    """Drop items that cannot be an article: no URL, no text, too little text."""

    def __init__(self, min_words: int) -> None:
        self.min_words = min_words

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidateArticlePipeline:
        return cls(crawler.settings.getint("BANWATCH_MIN_TEXT_WORDS", MIN_TEXT_WORDS))

    def process_item(self, item: ArticleItem, spider: Spider | None = None) -> ArticleItem:
        if not item.canonical_url:
            raise DropItem("article without a URL")
        words = word_count(item.text)
        if words < self.min_words:
            raise DropItem(f"article text too short ({words} < {self.min_words} words): {item.url}")
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
    """Write articles to the database, once per canonical URL, in small batches.

    One transaction per article was a large share of the crawl process's time
    (a query, an ORM flush and a commit each), and that process also drives
    every download. Articles are therefore committed together: when
    ``BANWATCH_STORE_BATCH`` of them are waiting, once the first of them has
    waited ``BANWATCH_STORE_SECONDS`` (a timer checks as often, so that a batch
    that stops growing is not held), and whatever is left when the spider
    closes (a SIGTERM closes it too). A crash loses at most the batch not yet
    committed -- articles the next crawl fetches again, since only stored
    links count as seen. The run's counts are taken when a batch commits, so
    they count what is really stored, and (given ``BANWATCH_RUN_ID``) written
    to the run row in the batch's own transaction, and by the timer when only
    errors changed: a run killed mid-crawl still says what it had done. A
    batch that fails is retried article by article, so that one bad row costs
    only itself.
    """

    def __init__(
        self,
        db_url: str,
        stats: StatsCollector,
        batch_size: int = STORE_BATCH_SIZE,
        batch_seconds: float = STORE_BATCH_SECONDS,
        clock: IReactorTime | None = None,
        run_counts: RunCounts | None = None,
    ) -> None:
        self.db_url = db_url
        self.stats = stats
        self.run_counts = run_counts
        self.batch_size = max(1, batch_size)
        self.batch_seconds = batch_seconds
        self.session: Session | None = None
        self.source_ids: dict[str, int | None] = {}
        self.pending: list[tuple[ArticleRecord, str]] = []
        self.pending_since = 0.0
        # The reactor, unless a test gives a clock of its own.
        self.clock = clock
        self.timer: LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StoreArticlePipeline:
        settings = crawler.settings
        run_id = int(settings.get("BANWATCH_RUN_ID") or 0)
        return cls(
            settings["BANWATCH_DB"],
            crawler.stats,
            settings.getint("BANWATCH_STORE_BATCH", STORE_BATCH_SIZE),
            settings.getfloat("BANWATCH_STORE_SECONDS", STORE_BATCH_SECONDS),
            run_counts=RunCounts(run_id) if run_id else None,
        )

    def open_spider(self, spider: Spider | None = None) -> None:
        self.engine = create_db_engine(self.db_url)
        self.session = session_factory(self.engine)()
        if self.clock is None:
            from twisted.internet import reactor

            self.clock = reactor  # type: ignore[assignment]
        batching = self.batch_size > 1 and self.batch_seconds > 0
        if batching or self.run_counts is not None:
            # Commits a batch that stopped growing (the crawl waits on slow sources),
            # and the run's counts when they changed without one.
            self.timer = LoopingCall(self._on_timer)
            self.timer.clock = self.clock
            self.timer.start(self.batch_seconds if batching else STORE_BATCH_SECONDS, now=False)

    def close_spider(self, spider: Spider | None = None) -> None:
        if self.timer is not None and self.timer.running:
            self.timer.stop()
        try:
            self.flush()
        finally:
            if self.session is not None:
                self.session.close()
            self.engine.dispose()

    def process_item(self, item: ArticleItem, spider: Spider | None = None) -> ArticleItem:
        assert self.session is not None, "open_spider was not called"
        record = ArticleRecord(
            url=item.url,
            canonical_url=item.canonical_url,
            title=item.title,
            author=item.author,
            published=item.published,
            published_date=item.published_date,
            language=item.language,
            text=item.text,
            content_hash=item.content_hash,
        )
        if not self.pending:
            self.pending_since = self._now()
        self.pending.append((record, item.source))
        if len(self.pending) >= self.batch_size or self._due():
            self.flush()
        return item

    def flush(self) -> None:
        """Commit the waiting articles (one transaction; article by article if that fails)."""
        if not self.pending or self.session is None:
            return
        batch, self.pending = self.pending, []
        session = self.session
        try:
            outcomes = save_articles(
                session, [(record, self._source_id(name)) for record, name in batch]
            )
            counted = Counter(
                key
                for (_, name), outcome in zip(batch, outcomes, strict=True)
                for key in _count_keys(name, outcome)
            )
            if self.run_counts is not None:
                stats = self.stats.get_stats()
                self.run_counts.write(
                    session, {**stats, **{k: stats.get(k, 0) + n for k, n in counted.items()}}
                )
            session.commit()
        except Exception:
            session.rollback()
            if self.run_counts is not None:
                self.run_counts.forget()
            logger.warning(
                "storing a batch of %d articles failed; storing them one by one",
                len(batch),
                exc_info=True,
            )
            self._store_one_by_one(batch)
            return
        finally:
            session.expunge_all()  # nothing loaded is needed again; keep memory flat
        for key, count in counted.items():
            self.stats.inc_value(key, count)

    def _store_one_by_one(self, batch: list[tuple[ArticleRecord, str]]) -> None:
        assert self.session is not None
        session = self.session
        for record, name in batch:
            try:
                source_id = self._source_id(name)
                source = session.get(Source, source_id) if source_id is not None else None
                outcome = save_article(session, record, source)
                session.commit()
            except Exception:
                session.rollback()
                logger.exception("could not store %s", record.canonical_url)
                self.stats.inc_value("banwatch/errors/store_failed")
                continue
            finally:
                session.expunge_all()
            self._count(name, outcome)

    def _count(self, source: str, outcome: str) -> None:
        for key in _count_keys(source, outcome):
            self.stats.inc_value(key)

    def _now(self) -> float:
        assert self.clock is not None, "open_spider was not called"
        return self.clock.seconds()

    def _due(self) -> bool:
        return bool(self.pending) and self._now() - self.pending_since >= self.batch_seconds

    def _on_timer(self) -> None:
        if self._due():
            self.flush()
        elif self.run_counts is not None and self.session is not None:
            stats = self.stats.get_stats()
            if self.run_counts.changed(stats):
                self._write_run_counts(stats)

    def _write_run_counts(self, stats: dict[str, Any]) -> None:
        """Counts alone (errors, skipped links) in a transaction of their own."""
        assert self.session is not None and self.run_counts is not None
        try:
            self.run_counts.write(self.session, stats)
            self.session.commit()
        except Exception:  # a busy database: the next tick or batch writes them
            self.session.rollback()
            self.run_counts.forget()
            logger.warning("could not record the run's counts", exc_info=True)
        finally:
            self.session.expunge_all()

    def _source_id(self, name: str) -> int | None:
        """The id of the item's source's row (the child created every row before crawling).

        Looked up by name rather than through the spider: Scrapy 2.19 no longer
        passes the spider to ``process_item``.
        """
        if name not in self.source_ids:
            assert self.session is not None
            query = select(Source.id).where(Source.name == name)
            self.source_ids[name] = self.session.scalar(query)
        return self.source_ids[name]
