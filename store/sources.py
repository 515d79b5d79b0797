"""Sources and their health: conditional-GET validators, last success, last error."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from banwatch.store.models import Source
from banwatch.store.types import utcnow


def ensure_source(session: Session, name: str, kind: str, url: str) -> Source:
    """The stored row for a configured source, created or updated to match the configuration."""
    source = session.scalar(select(Source).where(Source.name == name))
    if source is None:
        source = Source(name=name, kind=kind, url=url, consecutive_failures=0)
        session.add(source)
        session.flush()
    elif source.url != url or source.kind != kind:
        # A changed URL is a different resource: old validators would be wrong.
        source.url, source.kind = url, kind
        source.etag = source.last_modified = None
    return source


def record_source_success(
    session: Session, source: Source, etag: str | None, last_modified: str | None
) -> None:
    """Clear the failure streak and keep the validators for the next conditional GET.

    The validators are replaced, not merged: a server that stopped sending an
    ETag, or a crawl that wants the next one to read the feed in full (some
    of its articles failed and must be retried), passes None and clears them.
    After a 304 the crawl passes the validators it sent.
    """
    source.last_success_at = utcnow()
    source.consecutive_failures = 0
    source.etag, source.last_modified = etag, last_modified


def record_source_failure(session: Session, source: Source, message: str) -> None:
    """Keep the reason a source failed so that `banwatch crawl` and `runs` can show it.

    Validators are left alone: the failure may be passing, and the content
    they describe has still been read.
    """
    source.last_error_at = utcnow()
    source.last_error = message[:2000]
    source.consecutive_failures = (source.consecutive_failures or 0) + 1


def source_health(source: Source) -> dict[str, Any]:
    """The health line of a source, JSON-safe, for the run's per-source report."""
    return {
        "last_success_at": source.last_success_at.isoformat() if source.last_success_at else None,
        "last_error_at": source.last_error_at.isoformat() if source.last_error_at else None,
        "last_error": source.last_error,
        "consecutive_failures": source.consecutive_failures or 0,
    }
