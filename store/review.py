"""Reviewer decisions on canonical events, each one kept in the audit log.

The CLI (`banwatch event accept|reject|edit`) and the review page call these
same functions, so a scripted decision and a clicked one are recorded alike.
Edited fields are remembered on the event so that re-extraction never
overwrites a reviewer's value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from store.events import actor_key, link_amendments
from store.models import Event, ReviewDecision
from store.types import utcnow

ACTIONS = ("ban", "moratorium", "extension", "restriction", "repeal", "exit")
STATUSES = ("enacted", "proposed", "failed")
ACTOR_TYPES = ("company", "jurisdiction", "agency")
LEVELS = ("city", "county", "state", "country", "supranational")
EDITABLE_FIELDS = (
    "actor",
    "actor_type",
    "level",
    "country",
    "region",
    "action",
    "status",
    "scope",
    "technology",
    "date",
    "until",
)
ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


class ReviewError(ValueError):
    """A decision that cannot be applied: unknown event, bad field or value."""


def snapshot(event: Event) -> dict[str, Any]:
    """The reviewable fields of an event, for the audit log's before and after."""
    return {
        field: getattr(event, field) for field in (*EDITABLE_FIELDS, "review_state", "review_note")
    }


def _event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise ReviewError(f"no event with id {event_id}")
    return event


def _record(
    session: Session,
    event: Event,
    decision: str,
    reviewer: str,
    before: dict[str, Any],
    reason: str | None = None,
) -> ReviewDecision:
    entry = ReviewDecision(
        event=event,
        decision=decision,
        reviewer=reviewer,
        reason=reason,
        before=before,
        after=snapshot(event),
        created_at=utcnow(),
    )
    session.add(entry)
    session.flush()
    return entry


def accept_event(
    session: Session, event_id: int, reviewer: str, note: str | None = None
) -> ReviewDecision:
    """Mark an event accepted: it will be exported."""
    event = _event(session, event_id)
    before = snapshot(event)
    event.review_state = "accepted"
    event.reviewer, event.reviewed_at = reviewer, utcnow()
    if note is not None:
        event.review_note = note
    return _record(session, event, "accept", reviewer, before, note)


def reject_event(session: Session, event_id: int, reviewer: str, reason: str) -> ReviewDecision:
    """Mark an event rejected, with the reason; re-extraction will not bring it back."""
    if not reason or not reason.strip():
        raise ReviewError("a rejection needs a reason")
    event = _event(session, event_id)
    before = snapshot(event)
    event.review_state = "rejected"
    event.reviewer, event.reviewed_at = reviewer, utcnow()
    event.review_note = reason
    return _record(session, event, "reject", reviewer, before, reason)


def validate_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Check field names and values; empty strings clear optional fields."""
    clean: dict[str, Any] = {}
    for field, raw in changes.items():
        if field not in EDITABLE_FIELDS:
            raise ReviewError(f"{field!r} is not an editable field ({', '.join(EDITABLE_FIELDS)})")
        value = raw.strip() if isinstance(raw, str) else raw
        value = value or None
        allowed = {
            "action": ACTIONS,
            "status": STATUSES,
            "actor_type": ACTOR_TYPES,
            "level": LEVELS,
        }.get(field)
        if allowed is not None and value is not None and value not in allowed:
            raise ReviewError(f"{field} must be one of {', '.join(allowed)}, not {value!r}")
        if field in ("actor", "action", "status", "actor_type", "technology") and value is None:
            raise ReviewError(f"{field} cannot be empty")
        if field == "date" and value is not None and not ISO_DATE.match(value):
            raise ReviewError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
        if field == "until" and value not in (None, "indefinite") and not ISO_DATE.match(value):
            raise ReviewError(f"until must be 'indefinite' or an ISO date, not {value!r}")
        if field in ("country", "region") and value is not None:
            value = value.upper()
        clean[field] = value
    if not clean:
        raise ReviewError("nothing to edit")
    return clean


def edit_event(
    session: Session,
    event_id: int,
    reviewer: str,
    changes: Mapping[str, Any],
    note: str | None = None,
) -> ReviewDecision:
    """Correct fields of an event; the new values survive every later re-extraction."""
    clean = validate_changes(changes)
    event = _event(session, event_id)
    before = snapshot(event)
    edited = dict(event.edited_fields or {})
    for field, value in clean.items():
        setattr(event, field, value)
        edited[field] = value
    if "date" in clean:
        event.date_text = None
        edited["date_text"] = None
    old_key = event.actor_key
    event.actor_key = actor_key(event.actor, event.country, event.region)
    event.edited_fields = edited
    event.reviewer, event.reviewed_at = reviewer, utcnow()
    entry = _record(session, event, "edit", reviewer, before, note)
    for key in {old_key, event.actor_key}:
        link_amendments(session, event.topic, key)
    return entry
