"""Saving crawled articles once per canonical URL, and finding those still to extract."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from banwatch.store.models import Article, ArticleVersion, Source
from banwatch.store.types import utcnow

SaveOutcome = Literal["new", "updated", "unchanged"]


@dataclass(frozen=True)
class ArticleRecord:
    """What the crawler hands the store for one fetched article."""

    url: str
    canonical_url: str
    title: str | None
    author: str | None
    published: datetime | None
    language: str | None
    text: str
    content_hash: str
    # The publisher's own day; ``published`` is the instant in UTC.
    published_date: date | None = None


def save_article(session: Session, record: ArticleRecord, source: Source | None) -> SaveOutcome:
    """Insert a new article or update a changed one; an unchanged one is left alone.

    An updated article keeps its earlier text as an ``ArticleVersion`` and loses
    its extraction mark, so that the next extraction pass reads the new text.
    """
    article = session.scalar(select(Article).where(Article.canonical_url == record.canonical_url))
    if article is None:
        session.add(
            Article(
                url=record.url,
                canonical_url=record.canonical_url,
                source=source,
                title=record.title,
                author=record.author,
                published_at=record.published,
                published_date=record.published_date,
                fetched_at=utcnow(),
                language=record.language,
                text=record.text,
                content_hash=record.content_hash,
            )
        )
        session.flush()
        return "new"
    if article.content_hash == record.content_hash:
        return "unchanged"
    _update(article, record)
    session.flush()
    return "updated"


def save_articles(
    session: Session, batch: Sequence[tuple[ArticleRecord, int | None]]
) -> list[SaveOutcome]:
    """:func:`save_article` for many articles at once, given as ``(record, source id)``.

    The crawl stores articles in batches because one query per article, one
    ORM object per new row and one commit per article cost more of the crawl
    process than fetching it: here one query finds which canonical URLs are
    stored (and their hashes), new articles go in as one multi-row INSERT, and
    only changed articles are loaded as objects. The outcomes are those
    ``save_article`` would give, in order. The caller commits; two records with
    one canonical URL in a batch make the INSERT fail (the crawl dedupes them
    before; a caller can fall back to ``save_article`` one by one).
    """
    urls = [record.canonical_url for record, _ in batch]
    stored: dict[str, str] = {}
    for offset in range(0, len(urls), 500):
        chunk = urls[offset : offset + 500]
        query = select(Article.canonical_url, Article.content_hash).where(
            Article.canonical_url.in_(chunk)
        )
        stored.update((url, content_hash) for url, content_hash in session.execute(query))
    outcomes: list[SaveOutcome] = []
    rows: list[dict[str, object]] = []
    fetched_at = utcnow()
    for record, source_id in batch:
        known_hash = stored.get(record.canonical_url)
        if known_hash is None:
            rows.append(
                {
                    "url": record.url,
                    "canonical_url": record.canonical_url,
                    "source_id": source_id,
                    "title": record.title,
                    "author": record.author,
                    "published_at": record.published,
                    "published_date": record.published_date,
                    "fetched_at": fetched_at,
                    "language": record.language,
                    "text": record.text,
                    "content_hash": record.content_hash,
                }
            )
            outcomes.append("new")
        elif known_hash == record.content_hash:
            outcomes.append("unchanged")
        else:
            article = session.scalar(
                select(Article).where(Article.canonical_url == record.canonical_url)
            )
            assert article is not None
            _update(article, record)
            outcomes.append("updated")
    if rows:
        session.execute(insert(Article), rows)
    session.flush()
    return outcomes


def _update(article: Article, record: ArticleRecord) -> None:
    """Give a stored article its new text, keeping the old one as a version."""
    article.versions.append(
        ArticleVersion(
            title=article.title,
            text=article.text,
            content_hash=article.content_hash,
            fetched_at=article.fetched_at,
            replaced_at=utcnow(),
        )
    )
    article.url = record.url
    article.title = record.title or article.title
    article.author = record.author or article.author
    article.published_at = record.published or article.published_at
    article.published_date = record.published_date or article.published_date
    article.language = record.language or article.language
    article.text = record.text
    article.content_hash = record.content_hash
    article.fetched_at = utcnow()
    article.extracted_version = None


def known_canonical_urls(session: Session, urls: Iterable[str]) -> set[str]:
    """Which of ``urls`` are already stored (one indexed query per 500 URLs)."""
    wanted = list(dict.fromkeys(urls))
    found: set[str] = set()
    for offset in range(0, len(wanted), 500):
        chunk = wanted[offset : offset + 500]
        found.update(
            session.scalars(select(Article.canonical_url).where(Article.canonical_url.in_(chunk)))
        )
    return found


def articles_to_extract(
    session: Session, version: str, *, stale: bool = False, everything: bool = False
) -> Sequence[int]:
    """Ids of articles to (re-)read.

    By default only articles never extracted (new or updated by the crawl);
    ``stale`` adds those read by another extractor version; ``everything`` is all.
    """
    query = select(Article.id).order_by(Article.id)
    if everything:
        return session.scalars(query).all()
    condition = Article.extracted_version.is_(None)
    if stale:
        condition = condition | (Article.extracted_version != version)
    return session.scalars(query.where(condition)).all()
