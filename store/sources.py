"""Sources and their health: conditional-GET validators, last success, last error."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Source
from store.types import utcnow


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
    """Remember validators for the next conditional GET and clear the failure streak."""
    source.last_success_at = utcnow()
    source.consecutive_failures = 0
    if etag is not None or last_modified is not None:
        source.etag, source.last_modified = etag, last_modified


def record_source_failure(session: Session, source: Source, message: str) -> None:
    """Keep the reason a source failed so that `banwatch runs` can show it."""
    source.last_error_at = utcnow()
    source.last_error = message[:2000]
    source.consecutive_failures = (source.consecutive_failures or 0) + 1
