"""Articles keep the publisher's day beside the UTC instant, and extraction counts from it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

from alembic import command
from sqlalchemy import text

from banwatch.extraction import extract_stored_articles
from banwatch.store.articles import ArticleRecord, save_article, save_articles
from banwatch.store.db import alembic_config, create_db_engine, session_scope, upgrade_database
from banwatch.store.models import Article

# Published late at night in Tokyo: the 13th there, the 12th in UTC.
INSTANT = datetime(2020, 7, 12, 16, 10, tzinfo=UTC)
TOKYO_DAY = date(2020, 7, 13)


def record(n: int, published_date: date | None = TOKYO_DAY) -> ArticleRecord:
    return ArticleRecord(
        url=f"https://news.example.jp/{n}",
        canonical_url=f"https://news.example.jp/{n}",
        title="Tokyo story",
        author=None,
        published=INSTANT,
        language="en",
        text=f"story {n}",
        content_hash=f"hash {n}",
        published_date=published_date,
    )


def test_both_ways_of_saving_keep_the_day(db_url: str) -> None:
    engine = create_db_engine(db_url)
    upgrade_database(engine)
    with session_scope(engine) as session:
        save_article(session, record(1), None)
        save_articles(session, [(record(2), None)])
    with session_scope(engine) as session:
        stored = {a.url[-1]: (a.published_at, a.published_date) for a in session.query(Article)}
    assert stored == {"1": (INSTANT, TOKYO_DAY), "2": (INSTANT, TOKYO_DAY)}
    engine.dispose()


class RecordingExtractor:
    """Just what extraction asks of an extractor: a version, and events (none) per article."""

    version = "recording"

    def __init__(self) -> None:
        self.published: list[object] = []

    def extract_many(self, items: list[tuple[str, object, str | None]]) -> Iterator[list[object]]:
        for _text, published, _title in items:
            self.published.append(published)
            yield []


def test_extraction_counts_relative_dates_from_the_publishers_day(db_url: str) -> None:
    engine = create_db_engine(db_url)
    upgrade_database(engine)
    with session_scope(engine) as session:
        save_articles(session, [(record(1), None), (record(2, published_date=None), None)])
    extractor = RecordingExtractor()
    extract_stored_articles(engine, extractor)  # type: ignore[arg-type]
    # An article stored without a day falls back on the instant.
    assert extractor.published == [TOKYO_DAY, INSTANT]
    engine.dispose()


def test_the_migration_gives_stored_articles_their_utc_day_and_goes_back(db_url: str) -> None:
    engine = create_db_engine(db_url)
    command.upgrade(alembic_config(engine), "0002")
    with engine.begin() as connection:
        connection.execute(
            text(
                "insert into articles (url, canonical_url, published_at, fetched_at, text,"
                " content_hash) values ('u', 'c', :at, :at, 'text', 'h')"
            ),
            {"at": INSTANT if engine.dialect.name != "sqlite" else INSTANT.replace(tzinfo=None)},
        )
    command.upgrade(alembic_config(engine), "head")
    with session_scope(engine) as session:
        (article,) = session.query(Article).all()
        assert article.published_date == date(2020, 7, 12)
    command.downgrade(alembic_config(engine), "0002")
    with engine.connect() as connection:
        assert connection.execute(text("select count(*) from articles")).scalar() == 1
    engine.dispose()
