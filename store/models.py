"""The tables banwatch keeps: sources, articles, canonical events and their mentions, runs.

An *event* is one real-world decision ("Boston bans city use of facial
recognition, June 2020"); a *mention* is one article's evidence for it. Review
decisions live on the event so that re-crawling or re-extracting never loses them.

The action, status, actor type, level and review state columns hold the words of
``banwatch.vocabulary``. They are plain strings with no CHECK constraint or enum in
the schema, so a new word needs no migration as long as it fits the column's
``String(20)``; the code that writes them (the extractor, ``store.review``) keeps
them within the vocabulary.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from banwatch.store.types import UTCDateTime, utcnow

# "died": the process running it ended without closing it (found by the crawl lock).
RUN_STATES = ("running", "succeeded", "failed", "interrupted", "died")


class Base(DeclarativeBase):
    """Declarative base; every model shares one metadata for Alembic."""


class Source(Base):
    """A place articles come from (a feed, a listing page, a sitemap) and its health."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    url: Mapped[str] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    articles: Mapped[list[Article]] = relationship(back_populates="source")


class Article(Base):
    """One news article, stored once per canonical URL."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    canonical_url: Mapped[str] = mapped_column(String(2000), unique=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The publisher's own day (published_at is UTC): relative dates count from it.
    published_date: Mapped[date | None] = mapped_column(Date)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    language: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    extracted_version: Mapped[str | None] = mapped_column(String(50))
    extracted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    source: Mapped[Source | None] = relationship(back_populates="articles")
    mentions: Mapped[list[Mention]] = relationship(
        back_populates="article", cascade="all, delete-orphan"
    )
    versions: Mapped[list[ArticleVersion]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="ArticleVersion.id"
    )

    __table_args__ = (Index("ix_articles_extracted_version", "extracted_version"),)


class ArticleVersion(Base):
    """An earlier text of an article that changed: its history is kept, not overwritten."""

    __tablename__ = "article_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime)
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    article: Mapped[Article] = relationship(back_populates="versions")

    __table_args__ = (Index("ix_article_versions_article", "article_id"),)


class Event(Base):
    """One canonical real-world decision, with the reviewer's verdict on it."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[str] = mapped_column(String(100))
    actor: Mapped[str] = mapped_column(String(300))
    actor_key: Mapped[str] = mapped_column(String(300))
    # The extractor's reading that created the event (topic|actor key|action|status).
    # Reviewers may edit the fields; new articles that read the same way still join.
    reading: Mapped[str] = mapped_column(String(400))
    actor_type: Mapped[str] = mapped_column(String(20))
    level: Mapped[str | None] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(2))
    region: Mapped[str | None] = mapped_column(String(10))
    action: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    scope: Mapped[str | None] = mapped_column(Text)
    technology: Mapped[str] = mapped_column(String(200))
    date: Mapped[str | None] = mapped_column(String(10))
    date_text: Mapped[str | None] = mapped_column(Text)
    until: Mapped[str | None] = mapped_column(String(20))
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    source_count: Mapped[int] = mapped_column(Integer, default=0)
    first_published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    first_article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL")
    )
    evidence: Mapped[str | None] = mapped_column(Text)
    evidence_confidence: Mapped[float | None] = mapped_column(Float)
    orphaned: Mapped[bool] = mapped_column(default=False)
    review_state: Mapped[str] = mapped_column(String(20), default="pending")
    reviewer: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    review_note: Mapped[str | None] = mapped_column(Text)
    edited_fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    amends_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # Set when a reviewer merged this event into another: it keeps no mentions and
    # stays as a tombstone so that links and the audit log still resolve (0002).
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))

    mentions: Mapped[list[Mention]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )
    # Two foreign keys point from events to events (amends, merged into): name the one.
    amends: Mapped[Event | None] = relationship(remote_side=[id], foreign_keys=[amends_event_id])
    first_article: Mapped[Article | None] = relationship()
    decisions: Mapped[list[ReviewDecision]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="ReviewDecision.id"
    )

    __table_args__ = (
        Index("ix_events_cluster", "topic", "actor_key", "action", "status"),
        Index("ix_events_reading", "reading"),
        Index("ix_events_review_state", "review_state"),
        Index("ix_events_date", "date"),
        Index("ix_events_merged_into", "merged_into_id"),
        Index("ix_events_queue", "review_state", "confidence", "source_count", "id"),
    )


class Mention(Base):
    """One article's evidence for an event: the sentence, where it is, what it said."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    actor: Mapped[str] = mapped_column(String(300))
    actor_key: Mapped[str] = mapped_column(String(300))
    action: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    evidence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    date: Mapped[str | None] = mapped_column(String(10))
    date_text: Mapped[str | None] = mapped_column(Text)
    scope: Mapped[str | None] = mapped_column(Text)
    until: Mapped[str | None] = mapped_column(String(20))
    confidence: Mapped[float] = mapped_column(Float)
    extractor_version: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    event: Mapped[Event] = relationship(back_populates="mentions")
    article: Mapped[Article] = relationship(back_populates="mentions")

    __table_args__ = (
        UniqueConstraint("event_id", "article_id", "start", name="uq_mentions_event_article_start"),
        Index("ix_mentions_article", "article_id"),
        Index("ix_mentions_event", "event_id"),
        Index("ix_mentions_reading", "actor_key", "action", "status"),
    )


class ReviewDecision(Base):
    """The audit log: every reviewer decision on an event, with before and after."""

    __tablename__ = "review_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    decision: Mapped[str] = mapped_column(String(20))
    reviewer: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
    before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    after: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    event: Mapped[Event] = relationship(back_populates="decisions")

    __table_args__ = (Index("ix_review_decisions_event", "event_id"),)


class User(Base):
    """A reviewer who may sign in to the review web app (``banwatch user add``).

    Only a salted scrypt hash of the password is kept (see ``store.review``).
    """

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(200), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CrawlRun(Base):
    """One crawl-and-extract run: when, how it ended, and what it counted."""

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    trigger: Mapped[str] = mapped_column(String(20), default="cli")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20), default="running")
    error: Mapped[str | None] = mapped_column(Text)
    stats: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    sources_report: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


#: Indexes that migrations create on PostgreSQL only, which the models do not declare: an
#: index whose columns carry a collation is an expression SQLAlchemy cannot describe for
#: both databases (the overview lists actors in code-point order).
POSTGRESQL_ONLY_INDEXES = frozenset({"ix_actor_summaries_list_c"})


class ActorSummary(Base):
    """One actor (topic + actor key) as the overview shows it, kept on write (0004).

    One row per review-state *scope* (``accepted``, ``pending``, ``rejected`` or
    ``any``): the actor's latest word, the latest date in its history, where the
    page places it, and its current status replayed as of the day it was written.
    That status holds for every day from ``valid_from`` (inclusive) to
    ``valid_to`` (exclusive): outside that window a later decision comes into force
    or a moratorium lapses, and the overview replays the actor again. Rows are
    derived data: ``banwatch.store.summaries`` rebuilds them from the events.
    """

    __tablename__ = "actor_summaries"

    topic: Mapped[str] = mapped_column(String(100), primary_key=True)
    actor_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    scope: Mapped[str] = mapped_column(String(20), primary_key=True)
    actor: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300))  # actor.casefold(): the page's order
    actor_type: Mapped[str] = mapped_column(String(20))
    level: Mapped[str | None] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(2))
    region: Mapped[str | None] = mapped_column(String(10))
    last_date: Mapped[str | None] = mapped_column(String(10))
    place: Mapped[str] = mapped_column(String(20))  # banwatch.places.PLACES
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    placed_by: Mapped[str | None] = mapped_column(String(100))
    state: Mapped[str | None] = mapped_column(String(20))
    since: Mapped[str | None] = mapped_column(String(10))
    until: Mapped[str | None] = mapped_column(String(20))
    extended: Mapped[bool] = mapped_column(default=False)
    deciding_event_id: Mapped[int | None] = mapped_column(Integer)
    ended: Mapped[str | None] = mapped_column(Text)
    valid_from: Mapped[str] = mapped_column(String(20))
    valid_to: Mapped[str] = mapped_column(String(20))

    __table_args__ = (
        # The lists' order; on PostgreSQL migration 0004 adds the same in COLLATE "C"
        # (``POSTGRESQL_ONLY_INDEXES``).
        Index("ix_actor_summaries_list", "scope", "place", "name_key", "topic", "actor_key"),
        # Counting the shown actors of a place reads this index alone.
        Index(
            "ix_actor_summaries_shown",
            *("scope", "place", "state", "extended", "topic", "valid_from", "valid_to"),
        ),
        # The few rows whose window has closed, for the page to replay.
        Index("ix_actor_summaries_valid_from", "scope", "valid_from"),
        Index("ix_actor_summaries_valid_to", "scope", "valid_to"),
    )


class TimelineCount(Base):
    """How many events (not orphaned) fall in one month, year or none, kept on write (0004).

    ``bucket`` is "2019-05" for a date with a month, "2019" for a year only and ""
    for an undated event, as the overview's timeline counts them.
    """

    __tablename__ = "timeline_counts"

    review_state: Mapped[str] = mapped_column(String(20), primary_key=True)
    topic: Mapped[str] = mapped_column(String(100), primary_key=True)
    status: Mapped[str] = mapped_column(String(20), primary_key=True)
    action: Mapped[str] = mapped_column(String(20), primary_key=True)
    bucket: Mapped[str] = mapped_column(String(10), primary_key=True)
    events: Mapped[int] = mapped_column(Integer)
