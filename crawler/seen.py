"""Which articles are already stored, so that a re-crawl fetches only what is new.

An article is known by its canonical URL *and* by the link the crawl
followed to reach it (stored, tracking parameters stripped, as the
article's ``url``): a feed that links ``/story?from=rss`` to a page whose
``rel=canonical`` is ``/story`` must not cost a fetch on every crawl, and
neither must a link that redirects. Both columns are read once when the
crawl opens -- one query instead of one per link -- which for the article
counts banwatch keeps (tens of thousands) is a few megabytes.
"""

from __future__ import annotations

from sqlalchemy import select

from banwatch.store.db import create_db_engine
from banwatch.store.models import Article


class SeenIndex:
    """Answers "is this link stored?" from the articles table, loaded once."""

    def __init__(self, db_url: str) -> None:
        engine = create_db_engine(db_url)
        try:
            with engine.connect() as connection:
                rows = connection.execute(select(Article.canonical_url, Article.url))
                self.urls: set[str] = set()
                for canonical, url in rows:
                    self.urls.add(canonical)
                    if url:
                        self.urls.add(url)
        finally:
            engine.dispose()

    def known(self, canonical_url: str) -> bool:
        """True when ``canonical_url`` (a canonicalised link) is a stored article's."""
        return canonical_url in self.urls

    def close(self) -> None:
        """Kept for callers that close it; the index holds no connection."""
        self.urls = set()
