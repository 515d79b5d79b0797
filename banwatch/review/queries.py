"""What the review pages ask of the store: the queue, the next event, evidence in context.

Filters travel in the URL (``/queue?action=ban&country=US``) so that a view can
be bookmarked and shared; they are parsed here into the same ``EventFilters``
that ``banwatch events`` and ``banwatch export`` use, so the page, the command
line and the download agree on what a filter means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from sqlalchemy import Select, and_, false, func, or_, select
from sqlalchemy.orm import Session

from banwatch.store.events import EventFilters, filtered_events_query
from banwatch.store.models import Event
from banwatch.web.filters import FilterView, parse_filters


def parse_back(back: str | None, default_state: str = "pending") -> FilterView:
    """The queue view a form came from, from its hidden ``back`` query string.

    Only known parameters survive, so the value can never redirect elsewhere.
    """
    return parse_filters(dict(parse_qsl((back or "").lstrip("?"))), default_state)


QUEUE_ORDER = (Event.confidence.desc(), Event.source_count.desc(), Event.id.desc())


def queue_query(filters: EventFilters) -> Select[tuple[Event]]:
    """Matching live events, most confident and most corroborated first."""
    return (
        filtered_events_query(filters)
        .where(Event.merged_into_id.is_(None))
        .order_by(None)
        .order_by(*QUEUE_ORDER)
    )


def queue_page(
    session: Session, filters: EventFilters, page: int, size: int
) -> tuple[list[Event], int]:
    """One page of the queue and the number of matching events."""
    query = queue_query(filters)
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    events = list(session.scalars(query.limit(size).offset((page - 1) * size)))
    return events, total


def next_event_id(session: Session, filters: EventFilters, current: Event) -> int | None:
    """The event after ``current`` in the queue's order, wrapping round to the start.

    Works whether or not ``current`` still matches the filters (after it was
    accepted, a pending queue no longer holds it), so "decide, then next" walks
    the queue without skipping or repeating.
    """
    confidence, sources = current.confidence, current.source_count
    after = or_(
        Event.confidence < confidence,
        and_(Event.confidence == confidence, Event.source_count < sources),
        and_(
            Event.confidence == confidence,
            Event.source_count == sources,
            Event.id < current.id,
        ),
    )
    query = queue_query(filters).where(Event.id != current.id)
    following = session.scalar(query.where(after).with_only_columns(Event.id).limit(1))
    if following is not None:
        return following
    return session.scalar(query.with_only_columns(Event.id).limit(1))


def possible_duplicates(
    session: Session, event: Event, exclude: set[int], limit: int = 8
) -> list[Event]:
    """Live events that may be this same decision under another reading, to offer merging.

    Same topic, and either an actor whose name starts with this one's first word
    ("Amazon" and "Amazon.com") or the same place and the same full date. The
    actor's own timeline is listed separately, hence ``exclude``.
    """
    words = re.findall(r"\w+", event.actor.lower())
    same_name = (
        func.lower(Event.actor).like(words[0].replace("_", "\\_") + "%", escape="\\")
        if words
        else false()
    )
    same_day = (
        and_(
            Event.date == event.date,
            func.coalesce(Event.country, "") == (event.country or ""),
            func.coalesce(Event.region, "") == (event.region or ""),
        )
        if event.date and len(event.date) == 10
        else false()
    )
    query = (
        select(Event)
        .where(
            Event.topic == event.topic,
            Event.id.not_in({event.id, *exclude}),
            Event.merged_into_id.is_(None),
            Event.orphaned.is_(False),
            or_(same_name, same_day),
        )
        .order_by(*QUEUE_ORDER)
        .limit(limit)
    )
    return list(session.scalars(query))


@dataclass(frozen=True)
class EvidenceContext:
    """A mention's sentence with the text around it, for showing it highlighted."""

    before: str
    hit: str
    after: str
    located: bool


def evidence_context(
    text: str, start: int, end: int, evidence: str, width: int = 320
) -> EvidenceContext:
    """Slice the article around the mention's offsets, at word boundaries.

    The offsets are trusted only when they still point at the evidence (an
    article whose text changed since extraction may not); then the sentence is
    searched for; failing both, it is shown alone and marked as not located.
    """
    if not (0 <= start < end <= len(text)) or text[start:end] != evidence:
        found = text.find(evidence) if evidence else -1
        if found < 0:
            return EvidenceContext("", evidence, "", located=False)
        start, end = found, found + len(evidence)
    left = max(0, start - width)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    right = min(len(text), end + width)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    before = ("… " if left > 0 else "") + text[left:start]
    after = text[end:right] + (" …" if right < len(text) else "")
    return EvidenceContext(before, text[start:end], after, located=True)


def safe_link(url: str | None) -> str | None:
    """A scraped URL fit for an ``href``: http(s) only, so ``javascript:`` never links."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None
