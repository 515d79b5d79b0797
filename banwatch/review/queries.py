"""What the review pages ask of the store: the queue, the next event, evidence in context.

Filters travel in the URL (``/queue?action=ban&country=US``) so that a view can
be bookmarked and shared; they are parsed here into the same ``EventFilters``
that ``banwatch events`` and ``banwatch export`` use, so the page, the command
line and the download agree on what a filter means.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

from sqlalchemy import Select, and_, false, func, or_, select
from sqlalchemy.orm import Session

from banwatch.store.events import EventFilters, filtered_events_query
from banwatch.store.models import Event
from banwatch.store.review import ISO_DATE
from banwatch.vocabulary import ACTIONS, ACTOR_TYPES, REVIEW_STATE_FILTERS, STATUSES

FILTER_PARAMS = (
    "review_state",
    "action",
    "status",
    "actor_type",
    "country",
    "region",
    "topic",
    "since",
    "until",
    "q",
)
CHOICES: dict[str, Sequence[str]] = {
    "review_state": REVIEW_STATE_FILTERS,
    "action": ACTIONS,
    "status": STATUSES,
    "actor_type": ACTOR_TYPES,
}
MAX_PARAM_LENGTH = 200


@dataclass(frozen=True)
class QueueView:
    """One parsed queue URL: the filters, the canonical parameters, what was wrong."""

    filters: EventFilters
    params: dict[str, str]
    page: int = 1
    problems: list[str] = field(default_factory=list)

    def query(self, **overrides: str | int | None) -> str:
        """The query string for these filters, with some parameters changed or dropped."""
        return filter_query_string({**self.params, "page": self.page, **overrides})


def filter_query_string(params: Mapping[str, str | int | None]) -> str:
    """A canonical query string: known parameters only, in a fixed order, no empties."""
    pairs = [
        (name, str(params[name]))
        for name in (*FILTER_PARAMS, "page")
        if params.get(name) not in (None, "")
    ]
    if ("page", "1") in pairs:
        pairs.remove(("page", "1"))
    return urlencode(pairs)


def parse_filters(query: Mapping[str, str], default_state: str) -> QueueView:
    """Filters from URL parameters; bad values are dropped and reported, not fatal.

    ``default_state`` applies when no review state is given: the queue shows
    pending events, a download exports accepted ones (like ``banwatch export``).
    """
    params: dict[str, str] = {}
    problems: list[str] = []
    for name in FILTER_PARAMS:
        value = (query.get(name) or "").strip()[:MAX_PARAM_LENGTH]
        if not value:
            continue
        allowed = CHOICES.get(name)
        if allowed is not None and value not in allowed:
            problems.append(f"{name} must be one of {', '.join(allowed)}; ignored {value!r}")
            continue
        if name in ("since", "until") and not ISO_DATE.match(value):
            problems.append(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD; ignored {value!r}")
            continue
        if name in ("country", "region"):
            value = value.upper()
        params[name] = value
    page = 1
    raw_page = (query.get("page") or "1").strip()
    if raw_page.isdigit() and 0 < int(raw_page) < 1_000_000:
        page = int(raw_page)
    elif raw_page:
        problems.append(f"page must be a positive number; ignored {raw_page!r}")
    filters = EventFilters(
        review_state=params.get("review_state", default_state),
        action=params.get("action"),
        status=params.get("status"),
        actor_type=params.get("actor_type"),
        country=params.get("country"),
        region=params.get("region"),
        topic=params.get("topic"),
        date_from=params.get("since"),
        date_to=params.get("until"),
        text=params.get("q"),
    )
    return QueueView(filters=filters, params=params, page=page, problems=problems)


def parse_back(back: str | None, default_state: str = "pending") -> QueueView:
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
