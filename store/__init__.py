"""banwatch's database layer: typed SQLAlchemy models, engine set-up and migrations.

Everything that reads or writes the database goes through this package, so that
SQLite (the default) and PostgreSQL (for teams) behave the same.
"""

from __future__ import annotations

from banwatch.store import summaries  # noqa: F401  (keeps the overview's summaries on flush)
from banwatch.store.db import create_db_engine, session_factory, upgrade_database
from banwatch.store.models import (
    Article,
    ArticleVersion,
    Base,
    CrawlRun,
    Event,
    Mention,
    ReviewDecision,
    Source,
)

__all__ = [
    "Article",
    "ArticleVersion",
    "Base",
    "CrawlRun",
    "Event",
    "Mention",
    "ReviewDecision",
    "Source",
    "create_db_engine",
    "session_factory",
    "upgrade_database",
]
