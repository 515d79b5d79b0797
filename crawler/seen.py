"""Which canonical URLs are already stored, so that a re-crawl fetches only what is new."""

from __future__ import annotations

from sqlalchemy import select

from store.db import create_db_engine
from store.models import Article


class SeenIndex:
    """Answers "is this canonical URL stored?" with one indexed lookup."""

    def __init__(self, db_url: str) -> None:
        self.engine = create_db_engine(db_url)

    def known(self, canonical_url: str) -> bool:
        with self.engine.connect() as connection:
            found = connection.execute(
                select(Article.id).where(Article.canonical_url == canonical_url).limit(1)
            ).first()
        return found is not None

    def close(self) -> None:
        self.engine.dispose()
