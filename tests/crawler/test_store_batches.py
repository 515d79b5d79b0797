"""The store pipeline commits articles in batches: same outcomes, same counts, nothing lost."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from scrapy.statscollectors import MemoryStatsCollector
from sqlalchemy import func, select
from twisted.internet.task import Clock

from banwatch.crawler.items import ArticleItem
from banwatch.crawler.pipelines import PER_SOURCE_PREFIX, StoreArticlePipeline
from banwatch.store.articles import ArticleRecord, save_article, save_articles
from banwatch.store.db import create_db_engine, session_scope, upgrade_database
from banwatch.store.models import Article, ArticleVersion, Source
from banwatch.store.sources import ensure_source


class _Crawler:
    """Just enough of a crawler for ``MemoryStatsCollector``."""

    class settings:  # noqa: N801 - mimics the attribute
        @staticmethod
        def getbool(name: str, default: bool = False) -> bool:
            return default


def _db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = create_db_engine(url)
    upgrade_database(engine)
    with session_scope(engine) as session:
        ensure_source(session, "gazette", "feed", "http://example.com/feed.xml")
    engine.dispose()
    return url


def _item(n: int, text: str | None = None) -> ArticleItem:
    body = text or f"story {n} " * 40
    return ArticleItem(
        source="gazette",
        url=f"http://example.com/{n}",
        canonical_url=f"http://example.com/{n}",
        title=f"Story {n}",
        author=None,
        published=None,
        language="en",
        text=body,
        content_hash=f"hash-{body}",
    )


def _pipeline(url: str, batch: int = 3, clock: Clock | None = None) -> StoreArticlePipeline:
    stats = MemoryStatsCollector(_Crawler())  # type: ignore[arg-type]
    pipeline = StoreArticlePipeline(
        url, stats, batch_size=batch, batch_seconds=1.0, clock=clock or Clock()
    )
    pipeline.open_spider()
    return pipeline


def _count(url: str) -> int:
    engine = create_db_engine(url)
    with session_scope(engine) as session:
        count = session.scalar(select(func.count()).select_from(Article)) or 0
    engine.dispose()
    return count


def test_batches_commit_when_full_and_the_rest_on_close(tmp_path: Path) -> None:
    url = _db(tmp_path)
    pipeline = _pipeline(url, batch=3)
    for n in range(4):
        pipeline.process_item(_item(n))
    assert _count(url) == 3  # one full batch committed, one article waiting
    assert pipeline.stats.get_value("banwatch/articles/new") == 3
    pipeline.close_spider()
    assert _count(url) == 4
    assert pipeline.stats.get_value("banwatch/articles/new") == 4
    assert pipeline.stats.get_value(f"{PER_SOURCE_PREFIX}new/gazette") == 4


def test_a_batch_that_stops_growing_is_committed_within_the_time_limit(tmp_path: Path) -> None:
    url = _db(tmp_path)
    clock = Clock()
    pipeline = _pipeline(url, batch=50, clock=clock)
    pipeline.process_item(_item(1))
    clock.advance(0.5)
    pipeline.process_item(_item(2))
    assert _count(url) == 0
    clock.advance(0.6)  # the first article has waited its second: the timer commits both
    assert _count(url) == 2
    assert pipeline.stats.get_value("banwatch/articles/new") == 2
    pipeline.close_spider()


def test_a_second_crawl_counts_unchanged_and_updated(tmp_path: Path) -> None:
    url = _db(tmp_path)
    first = _pipeline(url)
    for n in range(3):
        first.process_item(_item(n))
    first.close_spider()
    second = _pipeline(url)
    second.process_item(_item(0))
    second.process_item(_item(1, text="a rewritten story " * 20))
    second.close_spider()
    assert second.stats.get_value("banwatch/articles/unchanged") == 1
    assert second.stats.get_value("banwatch/articles/updated") == 1
    engine = create_db_engine(url)
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(ArticleVersion)) == 1
        source_ids = set(session.scalars(select(Article.source_id)))
        assert source_ids == {session.scalar(select(Source.id))}
    engine.dispose()


def test_a_failing_batch_is_stored_article_by_article(tmp_path: Path) -> None:
    url = _db(tmp_path)
    pipeline = _pipeline(url, batch=3)
    # Two items with one canonical URL make the batch's INSERT fail; one by one,
    # the second is an update of the first and nothing is lost.
    pipeline.process_item(_item(1))
    pipeline.process_item(_item(2))
    pipeline.process_item(replace(_item(1), text="changed " * 40, content_hash="other"))
    pipeline.close_spider()
    assert _count(url) == 2
    assert pipeline.stats.get_value("banwatch/articles/new") == 2
    assert pipeline.stats.get_value("banwatch/articles/updated") == 1


def test_save_articles_agrees_with_save_article(tmp_path: Path) -> None:
    url = _db(tmp_path)
    engine = create_db_engine(url)
    records = [
        ArticleRecord(f"u{n}", f"c{n}", None, None, None, None, f"text {n}", f"h{n}")
        for n in range(3)
    ]
    with session_scope(engine) as session:
        assert save_article(session, records[0], None) == "new"
    with session_scope(engine) as session:
        changed = replace(records[1], text="new", content_hash="h-new")
        assert save_articles(session, [(records[0], None), (records[2], None)]) == [
            "unchanged",
            "new",
        ]
        assert save_articles(session, [(records[1], None)]) == ["new"]
        assert save_articles(session, [(changed, None)]) == ["updated"]
    engine.dispose()
