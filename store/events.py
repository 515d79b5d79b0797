"""Mentions join canonical events: one event per real-world decision.

An extracted event from one article is stored as a *mention*. Mentions with the
same actor (after normalisation), topic, action and status whose dates agree at
their common precision describe the same decision and share one canonical
event. The event's fields are derived from its mentions, except where a
reviewer edited them: those keep the reviewer's value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from banwatch.store.models import Article, Event, Mention
from banwatch.vocabulary import AMENDING_ACTIONS, AMENDS


class ExtractedEvent(Protocol):
    """What the store needs from an extractor's event (see ``extract.events.Event``)."""

    actor: str
    actor_type: str
    level: str | None
    country: str | None
    region: str | None
    action: str
    status: str
    scope: str | None
    technology: str
    date: str | None
    date_text: str | None
    until: str | None
    evidence: str
    start: int
    end: int
    confidence: float
    topic: str


def actor_key(actor: str, country: str | None, region: str | None) -> str:
    """A normalised identity for an actor: case, accents and punctuation folded, place kept.

    The country and region are part of the key so that Portland, Oregon and
    Portland, Maine never merge.
    """
    folded = unicodedata.normalize("NFKD", actor).encode("ascii", "ignore").decode().casefold()
    folded = re.sub(r"^the\s+", "", folded)
    folded = re.sub(r"[^a-z0-9]+", " ", folded).strip()
    return f"{(country or '').upper()}|{(region or '').upper()}|{folded}"


def dates_agree(left: str | None, right: str | None) -> bool:
    """Two ISO dates of any precision agree when they match at their common precision."""
    if not left or not right:
        return True
    common = min(len(left), len(right))
    return left[:common] == right[:common]


Reading = str


def reading_of(topic: str, key: str, action: str, status: str) -> Reading:
    """The extractor's reading of a decision: who (normalised), what, at which stage."""
    return f"{topic}|{key}|{action}|{status}"


def _candidates(session: Session, topic: str, key: str, action: str, status: str) -> list[Event]:
    """Events with this reading, either in their current fields or as first extracted.

    Two indexed lookups: an event whose actor or action a reviewer corrected
    still collects new articles that read it the way the extractor did.
    """
    return list(
        session.scalars(
            select(Event).where(
                or_(
                    (Event.topic == topic)
                    & (Event.actor_key == key)
                    & (Event.action == action)
                    & (Event.status == status),
                    Event.reading == reading_of(topic, key, action, status),
                )
            )
        )
    )


def find_matching_event(session: Session, extracted: ExtractedEvent) -> Event | None:
    """The canonical event this extracted event belongs to, if there is one.

    With a date, the candidate whose date agrees most precisely wins; without a
    date, the best-supported candidate does.
    """
    key = actor_key(extracted.actor, extracted.country, extracted.region)
    candidates = _candidates(session, extracted.topic, key, extracted.action, extracted.status)
    agreeing = [event for event in candidates if dates_agree(event.date, extracted.date)]
    if not agreeing:
        return None
    best = max(agreeing, key=lambda event: (event.source_count, -event.id))
    if extracted.date:
        dated = [event for event in agreeing if event.date]
        if dated:
            best = max(dated, key=lambda event: (len(event.date or ""), event.source_count))
    # A reviewer merged this decision into another: new evidence goes to the one kept.
    seen = {best.id}
    while best.merged_into_id is not None and best.merged_into_id not in seen:
        kept = session.get(Event, best.merged_into_id)
        if kept is None:
            break
        seen.add(kept.id)
        best = kept
    return best


def _new_event(extracted: ExtractedEvent) -> Event:
    key = actor_key(extracted.actor, extracted.country, extracted.region)
    return Event(
        topic=extracted.topic,
        actor=extracted.actor,
        actor_key=key,
        reading=reading_of(extracted.topic, key, extracted.action, extracted.status),
        actor_type=extracted.actor_type,
        level=extracted.level,
        country=extracted.country,
        region=extracted.region,
        action=extracted.action,
        status=extracted.status,
        scope=extracted.scope,
        technology=extracted.technology,
        date=extracted.date,
        date_text=extracted.date_text,
        until=extracted.until,
        confidence=0.0,
        source_count=0,
        review_state="pending",
        edited_fields={},
        orphaned=False,
    )


@dataclass
class MentionChanges:
    """What filing one article's events changed: events touched, and how many were new."""

    touched: list[Event]
    created: int


def replace_article_mentions(
    session: Session, article: Article, extracted: Iterable[ExtractedEvent], version: str
) -> MentionChanges:
    """Store ``article``'s extracted events as its mentions, replacing any earlier ones.

    Review decisions are never undone by this: the same article saying the same
    thing again supports the event it supported before (even one whose date or
    actor a reviewer corrected); evidence that a reviewer rejected stays rejected
    even if a new extractor reads it differently; events that lose their last
    mention are flagged ``orphaned``, never deleted.

    A new article (the crawl's case) updates its events incrementally, so the
    cost does not grow with the store; re-reading an article recomputes the
    events it touched from their mentions.
    """
    touched: dict[int, Event] = {}
    created = 0
    previous: dict[Reading, Event] = {}
    rejected_spans: dict[int, Event] = {}
    old_mentions = list(article.mentions)
    for mention in old_mentions:
        event = mention.event
        touched[event.id] = event
        previous[reading_of(event.topic, mention.actor_key, mention.action, mention.status)] = event
        if event.review_state == "rejected":
            rejected_spans[mention.start] = event
        article.mentions.remove(mention)
    session.flush()

    added: dict[int, list[Mention]] = {}
    created_ids: set[int] = set()
    for item in _no_autoflush(session, extracted):
        key = actor_key(item.actor, item.country, item.region)
        event = previous.get(reading_of(item.topic, key, item.action, item.status))
        event = event or find_matching_event(session, item)
        if event is None:
            event = _new_event(item)
            rejected = rejected_spans.get(item.start)
            if rejected is not None:
                event.review_state = "rejected"
                event.reviewer = rejected.reviewer
                event.reviewed_at = rejected.reviewed_at
                event.review_note = f"carried over from rejected event {rejected.id}"
            session.add(event)
            session.flush()
            created += 1
            created_ids.add(event.id)
        if any(m.start == item.start for m in added.get(event.id, [])):
            continue
        mention = Mention(
            event=event,
            actor=item.actor,
            actor_key=key,
            action=item.action,
            status=item.status,
            evidence=item.evidence,
            start=item.start,
            end=item.end,
            date=item.date,
            date_text=item.date_text,
            scope=item.scope,
            until=item.until,
            confidence=item.confidence,
            extractor_version=version,
        )
        article.mentions.append(mention)
        added.setdefault(event.id, []).append(mention)
        touched[event.id] = event
    session.flush()

    for event_id, event in touched.items():
        if old_mentions:
            refresh_event(session, event)
        else:
            absorb_mentions(event, article, added.get(event_id, []))
    session.flush()
    # Links change only where an amending event was touched or a new decision appeared.
    relink = {
        (event.topic, event.actor_key)
        for event in touched.values()
        if event.action in AMENDING_ACTIONS or event.id in created_ids or old_mentions
    }
    for actor in relink:
        link_amendments(session, *actor)
    return MentionChanges(touched=list(touched.values()), created=created)


def _no_autoflush(session: Session, items: Iterable[ExtractedEvent]) -> Iterator[ExtractedEvent]:
    """Iterate with autoflush off: new mentions need no flush before the next lookup."""
    with session.no_autoflush:
        yield from items


def link_amendments(session: Session, topic: str, key: str) -> None:
    """Point each extension or repeal at the latest earlier decision it may amend.

    Which actions amend which is ``banwatch.vocabulary.AMENDS``.

    Recomputed for the whole actor (a handful of rows, by index), so that
    articles arriving out of order still end up linked correctly.
    """
    events = session.scalars(
        select(Event)
        .where(Event.topic == topic, Event.actor_key == key, Event.status == "enacted")
        .order_by(Event.date.is_(None), Event.date, Event.id)
    ).all()
    for index, event in enumerate(events):
        amendable = AMENDS.get(event.action)
        if amendable is None or not event.date:
            continue
        earlier = [
            other
            for other in events[:index]
            if other.action in amendable and other.date and other.date < event.date
        ]
        target = earlier[-1].id if earlier else None
        if event.amends_event_id != target:
            event.amends_event_id = target


MAX_SINGLE_CONFIDENCE = 0.95
MAX_CONFIDENCE = 0.99


def add_source_confidence(confidence: float, source_confidence: float) -> float:
    """Confidence after one more independent source: a noisy-OR of the sources.

    Each supporting article counts once, with its most confident mention, and
    no single article counts as proof (capped at 0.95).
    """
    doubt = (1.0 - confidence) * (1.0 - min(source_confidence, MAX_SINGLE_CONFIDENCE))
    return round(min(MAX_CONFIDENCE, 1.0 - doubt), 4)


def _set_derived(event: Event, field: str, value: object) -> None:
    if field not in (event.edited_fields or {}):
        setattr(event, field, value)


def absorb_mentions(event: Event, article: Article, mentions: list[Mention]) -> None:
    """Fold one new article's mentions into its event without reading the others."""
    if not mentions:
        return
    event.orphaned = False
    event.source_count = (event.source_count or 0) + 1
    best = max(mentions, key=lambda m: m.confidence)
    if event.evidence is None or best.confidence > (event.evidence_confidence or 0.0):
        event.evidence, event.evidence_confidence = best.evidence, best.confidence
    event.confidence = add_source_confidence(event.confidence or 0.0, best.confidence)
    published = article.published_at
    if published is not None and (
        event.first_published_at is None or published < event.first_published_at
    ):
        event.first_published_at = published
        event.first_article_id = article.id
    elif event.first_article_id is None:
        event.first_article_id = article.id
    for mention in mentions:
        if mention.date and len(mention.date) > len(event.date or ""):
            _set_derived(event, "date", mention.date)
            _set_derived(event, "date_text", mention.date_text)
        if mention.scope and not event.scope:
            _set_derived(event, "scope", mention.scope)
        if mention.until and len(mention.until) > len(event.until or ""):
            _set_derived(event, "until", mention.until)


def refresh_event(session: Session, event: Event) -> None:
    """Recompute an event's derived fields from all its mentions, keeping reviewer edits.

    Aggregated in the database over the event's mentions, by index; used when
    an article is re-read, not on the crawl's hot path.
    """
    session.flush()
    mine = Mention.event_id == event.id
    per_article = session.execute(
        select(Mention.article_id, func.max(Mention.confidence))
        .where(mine)
        .group_by(Mention.article_id)
    ).all()
    event.orphaned = not per_article
    if not per_article:
        return
    confidence = 0.0
    for _article_id, source_confidence in per_article:
        confidence = add_source_confidence(confidence, source_confidence)
    event.confidence = confidence
    event.source_count = len(per_article)
    first = session.execute(
        select(Article.id, Article.published_at)
        .join(Mention, Mention.article_id == Article.id)
        .where(mine)
        .order_by(Article.published_at.is_(None), Article.published_at, Article.id)
        .limit(1)
    ).first()
    event.first_article_id, event.first_published_at = first if first else (None, None)
    event.evidence = session.scalar(
        select(Mention.evidence)
        .where(mine)
        .order_by(Mention.confidence.desc(), Mention.id)
        .limit(1)
    )
    best_date = session.execute(
        select(Mention.date, Mention.date_text)
        .where(mine, Mention.date.is_not(None))
        .group_by(Mention.date, Mention.date_text)
        .order_by(func.length(Mention.date).desc(), func.count().desc(), Mention.date)
        .limit(1)
    ).first()
    scope = session.scalar(
        select(Mention.scope)
        .where(mine, Mention.scope.is_not(None))
        .group_by(Mention.scope)
        .order_by(func.count().desc(), Mention.scope)
        .limit(1)
    )
    until = session.scalar(
        select(Mention.until)
        .where(mine, Mention.until.is_not(None))
        .order_by(func.length(Mention.until).desc(), Mention.until)
        .limit(1)
    )
    _set_derived(event, "date", best_date[0] if best_date else None)
    _set_derived(event, "date_text", best_date[1] if best_date else None)
    _set_derived(event, "scope", scope)
    _set_derived(event, "until", until)


@dataclass(frozen=True)
class EventFilters:
    """The filters every event listing shares (CLI, export, review page)."""

    status: str | None = None
    review_state: str | None = None
    actor_type: str | None = None
    action: str | None = None
    country: str | None = None
    region: str | None = None
    topic: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    text: str | None = None
    include_orphaned: bool = False


def _date_upper_bound(value: str) -> str:
    """The largest ISO string within a date of this precision ("2020" -> "2020-12-31")."""
    return value + "-99-99"[len(value) - 4 :] if len(value) < 10 else value


def filtered_events_query(filters: EventFilters) -> Select[tuple[Event]]:
    """A query for canonical events matching ``filters``, most corroborated first."""
    query = select(Event)
    for column, value in (
        (Event.status, filters.status),
        (Event.actor_type, filters.actor_type),
        (Event.action, filters.action),
        (Event.topic, filters.topic),
    ):
        if value:
            query = query.where(column == value)
    if filters.review_state and filters.review_state != "any":
        query = query.where(Event.review_state == filters.review_state)
    if filters.country:
        query = query.where(Event.country == filters.country.upper())
    if filters.region:
        query = query.where(Event.region == filters.region.upper())
    if filters.date_from:
        query = query.where(Event.date >= filters.date_from)
    if filters.date_to:
        query = query.where(Event.date <= _date_upper_bound(filters.date_to))
    if filters.text:
        pattern = f"%{filters.text.lower()}%"
        evidence_match = (
            select(Mention.id)
            .where(Mention.event_id == Event.id, func.lower(Mention.evidence).like(pattern))
            .exists()
        )
        query = query.where(
            or_(
                func.lower(Event.actor).like(pattern),
                func.lower(func.coalesce(Event.scope, "")).like(pattern),
                evidence_match,
            )
        )
    if not filters.include_orphaned:
        query = query.where(Event.orphaned.is_(False))
    return query.order_by(Event.date.is_(None), Event.date, Event.actor, Event.id)


def list_events(session: Session, filters: EventFilters) -> Sequence[Event]:
    """Canonical events matching ``filters``, ordered by date then actor."""
    return session.scalars(filtered_events_query(filters)).all()


def actor_timeline(session: Session, actor: str) -> Sequence[Event]:
    """One actor's events in date order (name matched after normalisation, any place)."""
    name = actor_key(actor, None, None).split("|")[-1]
    # actor_key leaves only [a-z0-9 ], so the name holds no LIKE wildcards.
    return session.scalars(
        select(Event)
        .where(Event.actor_key.like(f"%|{name}"), Event.orphaned.is_(False))
        .order_by(Event.date.is_(None), Event.date, Event.id)
    ).all()


def first_source(event: Event) -> Article | None:
    """The earliest-published article that reported ``event``."""
    return event.first_article


def best_evidence(event: Event) -> str | None:
    """The evidence sentence of the most confident mention."""
    return event.evidence


__all__: Sequence[str] = (
    "EventFilters",
    "actor_timeline",
    "link_amendments",
    "actor_key",
    "best_evidence",
    "dates_agree",
    "filtered_events_query",
    "find_matching_event",
    "first_source",
    "list_events",
    "refresh_event",
    "replace_article_mentions",
)
