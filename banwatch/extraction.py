"""Run the extractor over stored articles and file what it finds as mentions of events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from banwatch.extract.events import Event
from banwatch.extract.extractor import Extractor
from banwatch.store.articles import articles_to_extract
from banwatch.store.db import session_factory
from banwatch.store.events import replace_article_mentions
from banwatch.store.models import Article
from banwatch.store.types import utcnow

BATCH_SIZE = 32


@dataclass
class ExtractionCounts:
    """What one extraction pass did."""

    articles: int = 0
    mentions: int = 0
    events_new: int = 0
    events_touched: int = 0


def extract_stored_articles(
    engine: Engine,
    extractor: Extractor,
    *,
    stale: bool = False,
    everything: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    on_batch: Callable[[Session, ExtractionCounts], None] | None = None,
) -> ExtractionCounts:
    """Extract events from articles not yet read (``stale``: or read by another version).

    Work is committed one batch at a time, so an interruption loses at most a
    batch, and the next pass picks up where this one stopped. ``on_batch`` is
    called in each batch's transaction with the counts so far, so that what it
    writes (the run's counts) is committed with what they count.
    """
    counts = ExtractionCounts()
    make_session = session_factory(engine)
    with make_session() as session:
        ids = list(
            articles_to_extract(session, extractor.version, stale=stale, everything=everything)
        )
    for offset in range(0, len(ids), BATCH_SIZE):
        batch_ids = ids[offset : offset + BATCH_SIZE]
        with make_session() as session:
            _extract_batch(session, extractor, batch_ids, counts)
            if on_batch is not None:
                on_batch(session, counts)
            session.commit()
        if on_progress is not None:
            on_progress(min(offset + BATCH_SIZE, len(ids)), len(ids))
    return counts


def as_stored(event: Event) -> Event:
    """A date taken from publication (the story's own news, told with no date) bounds the
    event rather than dating it: the store keeps its month, so that it joins the same
    decision reported days apart, and a day another article gives wins."""
    if event.date_source != "published" or not event.date:
        return event
    return replace(event, date=event.date[:7], date_text=None)


def _extract_batch(
    session: Session, extractor: Extractor, ids: list[int], counts: ExtractionCounts
) -> None:
    articles = [session.get(Article, article_id) for article_id in ids]
    present = [a for a in articles if a is not None]
    # Relative dates count from the publisher's own day, not the UTC one.
    inputs = [(a.text, a.published_date or a.published_at, a.title) for a in present]
    for article, events in zip(present, extractor.extract_many(inputs), strict=True):
        events = [as_stored(e) for e in events]
        changes = replace_article_mentions(session, article, events, extractor.version)
        counts.events_new += changes.created
        counts.mentions += len(article.mentions)
        counts.events_touched += len(changes.touched)
        article.extracted_version = extractor.version
        article.extracted_at = utcnow()
        counts.articles += 1
