"""Review decisions as training data: every reviewed article becomes an annotated passage.

A reviewer's verdict on an event is a label for the evidence its mentions hold. Each
article with a mention of a judged event becomes one passage in the training module's
format (``extract/training/data.py``: id, text, published, title, events), whose
``events`` are the article's events as the reviewers left them:

- an accepted event is an event, with its fields as edited;
- an event a reviewer edited (action, status, actor, region, date, ...) is an event with
  the corrected fields, accepted or not: the edit is the corrected label;
- a rejected event is left out, so the candidates that proposed it become negatives; the
  rejection's reason is kept in the record of what went in;
- an event nobody judged is *unlabelled*: its actor's candidates are neither event nor not.

Splits and merges move mentions between events, so a mention's label is that of the
event it belongs to now: a merge or split corrects the attachment. Two judged events that
hold the same evidence (the same sentence read the same way, in two articles or after a
re-reading) disagree only if someone changed their mind: the later decision wins.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from banwatch.store.models import Article, Event, Mention, ReviewDecision

#: the gold-event fields of an event (extract/gold/README.md)
GOLD_FIELDS = ("actor", "actor_type", "level", "country", "region", "action", "status",
               "scope", "technology", "date", "until")
#: edits that change what the event is, and so make a pending event a label
LABEL_EDITS = ("actor", "region", "country", "action", "status", "date")
POSITIVE, NEGATIVE = "event", "not an event"
#: what names the actor: corrected through ``corrections``, not taught to the decider
PLACE_FIELDS = ("actor", "country", "region")


@dataclass(frozen=True)
class Label:
    """A judged event's verdict: is it an event, and with which fields."""

    event_id: int
    verdict: str  # POSITIVE | NEGATIVE
    decided_at: datetime
    gold: dict[str, Any] | None  # the event as the reviewers left it (positives only)


@dataclass
class ReviewSet:
    """The passages review decisions make, and the record of which decisions went in."""

    passages: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    last_decision_id: int = 0

    @property
    def decision_count(self) -> int:
        return sum(len(d["decision_ids"]) for d in self.decisions)

    def held_back(self, share: float) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(to train on, held back): whole articles, chosen by a hash of their id so that
        an article held back once stays held back at every retraining."""
        keep, held = [], []
        for passage in self.passages:
            (held if is_held_back(passage["id"], share) else keep).append(passage)
        return keep, held


def is_held_back(passage_id: str, share: float) -> bool:
    digest = hashlib.sha256(passage_id.encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 < share


def count_decisions(session: Session, after_id: int = 0) -> int:
    """Review decisions recorded after decision ``after_id`` (the scheduled job's trigger)."""
    return session.scalar(select(func.count(ReviewDecision.id))
                          .where(ReviewDecision.id > after_id)) or 0


def _verdict(event: Event) -> str | None:
    if event.review_state == "rejected":
        return NEGATIVE
    if event.review_state == "accepted" or set(event.edited_fields or {}) & set(LABEL_EDITS):
        return POSITIVE
    return None


def _evidence_key(mention: Mention) -> tuple[str, str, str, str]:
    return (" ".join(mention.evidence.split()).casefold(), mention.actor_key, mention.action,
            mention.status)


def _reading(mention: Mention) -> dict[str, Any]:
    """The actor and region the extractor read in a mention (the key keeps the region)."""
    _country, region, _name = mention.actor_key.split("|", 2)
    return {"actor": mention.actor, "region": region or None}


def judged_events(session: Session) -> list[Event]:
    """Live events someone decided about, with their mentions and decisions loaded."""
    decided = select(ReviewDecision.event_id).distinct()
    return list(session.scalars(
        select(Event)
        .where(Event.id.in_(decided), Event.merged_into_id.is_(None))
        .options(selectinload(Event.mentions), selectinload(Event.decisions))
        .order_by(Event.id)
    ))


def labels_of(events: Iterable[Event]) -> dict[int, Label]:
    """Each judged event's label (events nobody judged have none)."""
    out = {}
    for event in events:
        verdict = _verdict(event)
        if verdict is None or not event.decisions:
            continue
        gold = {f: getattr(event, f) for f in GOLD_FIELDS} if verdict == POSITIVE else None
        out[event.id] = Label(event.id, verdict, event.decisions[-1].created_at, gold)
    return out


def latest_wins(mentions: Sequence[Mention], labels: dict[int, Label]) -> dict[int, Label]:
    """Each judged mention's label: its event's, unless the same evidence read the same way
    belongs to an event decided later, whose label then holds for both."""
    newest: dict[tuple[str, str, str, str], Label] = {}
    for m in mentions:
        label = labels[m.event_id]
        key = _evidence_key(m)
        if key not in newest or label.decided_at > newest[key].decided_at:
            newest[key] = label
    return {m.id: newest[_evidence_key(m)] for m in mentions}


def collect_reviews(session: Session) -> ReviewSet:
    """Every reviewed article as an annotated passage, and which decisions went in."""
    events = judged_events(session)
    labels = labels_of(events)
    judged_mentions = [m for e in events if e.id in labels for m in e.mentions]
    mention_labels = latest_wins(judged_mentions, labels)
    article_ids = sorted({m.article_id for m in judged_mentions})
    out = ReviewSet(last_decision_id=session.scalar(select(func.max(ReviewDecision.id))) or 0)
    articles_of: dict[int, set[int]] = {}
    for article in _articles(session, article_ids):
        passage = _passage(article, mention_labels)
        out.passages.append(passage)
        for m in article.mentions:
            if m.id in mention_labels:
                articles_of.setdefault(m.event_id, set()).add(article.id)
    by_id = {e.id: e for e in events}
    for event_id, label in sorted(labels.items()):
        if event_id in articles_of:
            out.decisions.append(_record(by_id[event_id], label, sorted(articles_of[event_id])))
    return out


def _articles(session: Session, ids: Sequence[int]) -> Iterable[Article]:
    for start in range(0, len(ids), 500):
        yield from session.scalars(
            select(Article).where(Article.id.in_(ids[start:start + 500]))
            .options(selectinload(Article.mentions)).order_by(Article.id))


def _passage(article: Article, mention_labels: dict[int, Label]) -> dict[str, Any]:
    """The article as the reviewers left it. ``events`` are the true events (to score
    against); ``readings`` are the same events named as the extractor read them, with the
    reviewers' action, status and date, which is what the decider learns from: whether a
    candidate is an event, never what its actor is called (``corrections`` has that)."""
    events: dict[int, dict[str, Any]] = {}
    readings: dict[tuple[int, str, str | None], dict[str, Any]] = {}
    unlabelled = []
    for m in article.mentions:
        label = mention_labels.get(m.id)
        if label is None:
            unlabelled.append(_reading(m))
        elif label.gold is not None:
            events[label.event_id] = {**label.gold, "event_id": label.event_id}
            read = _reading(m)
            readings[(label.event_id, read["actor"].casefold(), read["region"])] = {
                **events[label.event_id], **read,
                "country": m.actor_key.split("|", 1)[0] or None}
    judged = {((e["actor"] or "").casefold(), e["region"])
              for e in (*events.values(), *readings.values())}
    published = article.published_at.date().isoformat() if article.published_at else None
    return {
        "id": f"article-{article.id}",
        "text": article.text,
        "published": published,
        "title": article.title,
        "events": list(events.values()),
        "readings": list(readings.values()),
        # an unjudged reading of an actor a reviewer judged in this article is judged
        "unlabelled": [u for u in unlabelled
                       if ((u["actor"] or "").casefold(), u["region"]) not in judged],
    }


def as_read(passages: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The passages with the events as the extractor read them: what the decider learns."""
    return [{**p, "events": p["readings"]} for p in passages]


def corrections(passages: Iterable[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(as read, as the reviewers left it) for each judged reading of an event in the
    passages: a correction of its actor or place, or (both the same) a confirmation."""
    out = []
    for p in passages:
        true = {e["event_id"]: e for e in p["events"]}
        for read in p["readings"]:
            out.append(({f: read[f] for f in PLACE_FIELDS},
                        {f: true[read["event_id"]][f] for f in PLACE_FIELDS}))
    return out


def _record(event: Event, label: Label, article_ids: list[int]) -> dict[str, Any]:
    """What went in for one event: its decisions, verdict, reason and articles."""
    last = event.decisions[-1]
    reason = next((d.reason for d in reversed(event.decisions) if d.decision == "reject"),
                  None) if label.verdict == NEGATIVE else last.reason
    return {
        "event_id": event.id,
        "verdict": label.verdict,
        "decision_ids": [d.id for d in event.decisions],
        "decisions": [d.decision for d in event.decisions],
        "reviewer": last.reviewer,
        "decided_at": label.decided_at.isoformat(),
        "reason": reason,
        "edited": sorted(event.edited_fields or {}),
        "fields": label.gold,
        "articles": article_ids,
    }
