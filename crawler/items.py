"""The item a spider yields for one fetched article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass
class ArticleItem:
    """An article as fetched, with the source it came through."""

    source: str
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
