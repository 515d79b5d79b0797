"""Source health: which sources keep failing, and which have gone quiet.

A feed that moved or a site that now blocks robots fails loudly; a listing
page whose layout changed fails silently, returning pages with no articles.
The first shows up as failures in a row, the second only as a long time
without a new article, so both are flagged. ``banwatch runs`` shows the flags,
and the digest reports sources as they become flagged.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from banwatch.config import Settings
from banwatch.store.models import Article, CrawlRun, Source
from banwatch.store.types import utcnow

#: How many recent runs to read for per-source article counts.
RUNS_SCANNED = 500


@dataclass(frozen=True)
class SourceHealth:
    """One source's record, and why it is flagged (``None`` when it is fine)."""

    name: str
    kind: str
    url: str
    last_success_at: datetime | None
    last_error_at: datetime | None
    last_error: str | None
    consecutive_failures: int
    last_article_at: datetime | None
    crawled: bool
    flag: str | None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe form, for ``banwatch runs --format jsonl`` and webhooks."""
        row = asdict(self)
        for key, value in row.items():
            if isinstance(value, datetime):
                row[key] = value.isoformat()
        return row


def source_health(
    session: Session, settings: Settings, now: datetime | None = None
) -> list[SourceHealth]:
    """Health of the configured, enabled sources (or of every stored source if none is configured).

    Only configured sources are judged: an ad-hoc ``banwatch crawl --feed URL``
    leaves a source row behind that would otherwise look quiet forever.
    """
    now = now or utcnow()
    rows = {s.name: s for s in session.scalars(select(Source))}
    last_article = dict(
        session.execute(
            select(Article.source_id, func.max(Article.fetched_at)).group_by(Article.source_id)
        ).all()
    )
    configured = [s for s in settings.sources if s.enabled]
    names = [s.name for s in configured] if configured else sorted(rows)
    reported = _last_new_in_run_reports(session, set(names))
    kinds = {s.name: (s.kind, s.url) for s in configured}
    health = []
    for name in names:
        row = rows.get(name)
        if row is None:
            kind, url = kinds[name]
            health.append(SourceHealth(name, kind, url, None, None, None, 0, None, False, None))
            continue
        candidates = [t for t in (last_article.get(row.id), reported.get(name)) if t is not None]
        last_at = max(candidates) if candidates else None
        failures = row.consecutive_failures or 0
        health.append(
            SourceHealth(
                name=name,
                kind=row.kind,
                url=row.url,
                last_success_at=row.last_success_at,
                last_error_at=row.last_error_at,
                last_error=row.last_error,
                consecutive_failures=failures,
                last_article_at=last_at,
                crawled=True,
                flag=_flag(row, failures, last_at, settings, now),
            )
        )
    return health


def _flag(
    row: Source, failures: int, last_at: datetime | None, settings: Settings, now: datetime
) -> str | None:
    reasons = []
    threshold = settings.schedule.failing_runs
    if failures >= threshold:
        error = (row.last_error or "").strip().splitlines()
        reasons.append(
            f"failing: {failures} runs in a row" + (f" ({error[0][:200]})" if error else "")
        )
    quiet_days = settings.schedule.quiet_days
    # A source that never gave an article is quiet since it was first crawled.
    since = last_at or row.created_at
    if since is not None and now - since >= timedelta(days=quiet_days):
        what = "no new article" if last_at else "no article ever"
        reasons.append(f"quiet: {what} for {(now - since).days} days")
    return "; ".join(reasons) or None


def _last_new_in_run_reports(
    session: Session, names: set[str], runs: int = RUNS_SCANNED
) -> dict[str, datetime]:
    """When each source last brought a new article, by the runs' per-source reports.

    Articles remember their source too, but an article first found through
    another source (or stored without one) would make a working source look quiet.
    """
    found: dict[str, datetime] = {}
    query = (
        select(CrawlRun.started_at, CrawlRun.sources_report)
        .order_by(CrawlRun.id.desc())
        .limit(runs)
    )
    for started_at, report in session.execute(query):
        for name, outcome in (report or {}).items():
            if name in found or name not in names or not isinstance(outcome, dict):
                continue
            articles = outcome.get("articles")
            if isinstance(articles, dict) and articles.get("new"):
                found[name] = started_at
        if len(found) == len(names):
            break
    return found


def flagged(health: list[SourceHealth]) -> dict[str, str]:
    """Flagged sources by name, with the reason."""
    return {h.name: h.flag for h in health if h.flag}
