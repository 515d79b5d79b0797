"""Reviewer decisions on canonical events, each one kept in the audit log.

The CLI (`banwatch event accept|reject|edit`, `banwatch review`) and the review
web app call these same functions, so a scripted decision and a clicked one are
recorded alike. Edited fields are remembered on the event so that re-extraction
never overwrites a reviewer's value. Merging and splitting events, and the
reviewers who may sign in to the web app (scrypt password hashes), live here
too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from banwatch.store.events import actor_key, link_amendments, reading_of, refresh_event
from banwatch.store.models import Event, ReviewDecision, User
from banwatch.store.types import utcnow
from banwatch.vocabulary import FIELD_VALUES

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
        allowed = FIELD_VALUES.get(field)
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


# -- merging and splitting -------------------------------------------------------


def _live_event(session: Session, event_id: int) -> Event:
    event = _event(session, event_id)
    if event.merged_into_id is not None:
        raise ReviewError(f"event {event_id} was merged into event {event.merged_into_id}")
    return event


def merge_events(
    session: Session,
    keep_id: int,
    merge_id: int,
    reviewer: str,
    note: str | None = None,
) -> ReviewDecision:
    """Fold event ``merge_id`` into ``keep_id``: two extracted events that are one decision.

    Every mention moves to the kept event, whose derived fields are recomputed
    (its reviewer edits and review state hold). The merged event stays behind as
    an empty tombstone pointing at the kept one, so its id still resolves in
    links, in earlier exports and in the audit log; events merged into it
    earlier are re-pointed. Both events get an audit-log entry. A mention that
    both events hold (same article, same sentence) is kept once.
    """
    if keep_id == merge_id:
        raise ReviewError("an event cannot be merged into itself")
    keep = _live_event(session, keep_id)
    gone = _live_event(session, merge_id)
    if keep.topic != gone.topic:
        raise ReviewError(
            f"events {keep_id} and {merge_id} are about different topics"
            f" ({keep.topic}, {gone.topic})"
        )
    keep_before, gone_before = snapshot(keep), snapshot(gone)
    held = {(m.article_id, m.start) for m in keep.mentions}
    moved = dropped = 0
    for mention in list(gone.mentions):
        if (mention.article_id, mention.start) in held:
            gone.mentions.remove(mention)
            dropped += 1
        else:
            mention.event = keep
            held.add((mention.article_id, mention.start))
            moved += 1
    session.flush()
    for earlier in session.scalars(select(Event).where(Event.merged_into_id == gone.id)):
        earlier.merged_into_id = keep.id
    gone.merged_into_id = keep.id
    now = utcnow()
    gone.reviewer, gone.reviewed_at = reviewer, now
    keep.reviewer, keep.reviewed_at = reviewer, now
    session.expire(keep, ["mentions"])
    session.expire(gone, ["mentions"])
    refresh_event(session, keep)
    refresh_event(session, gone)
    for key in {keep.actor_key, gone.actor_key}:
        link_amendments(session, keep.topic, key)
    reason = note or f"merged event {gone.id} into event {keep.id}"
    detail = {"merged_from": gone.id, "merged_into": keep.id, "moved": moved, "dropped": dropped}
    gone_entry = _record(session, gone, "merge", reviewer, gone_before, reason)
    gone_entry.after = {**gone_entry.after, **detail}
    entry = _record(session, keep, "merge", reviewer, keep_before, reason)
    entry.after = {**entry.after, **detail}
    session.flush()
    return entry


def split_event(
    session: Session,
    event_id: int,
    mention_ids: Iterable[int],
    reviewer: str,
    note: str | None = None,
) -> ReviewDecision:
    """Move the chosen mentions of a wrongly merged event to a new, pending event.

    The new event takes its reading (actor, action, status) from the first moved
    mention, its place and kind from the old event, and its date, scope and
    confidence from the moved mentions. At least one mention must stay. The
    returned audit entry is the new event's; the old event gets one too.
    """
    chosen = set(mention_ids)
    if not chosen:
        raise ReviewError("choose at least one mention to split off")
    event = _live_event(session, event_id)
    mentions = {m.id: m for m in event.mentions}
    foreign = chosen - set(mentions)
    if foreign:
        raise ReviewError(
            f"mention(s) {', '.join(map(str, sorted(foreign)))} are not part of event {event_id}"
        )
    if chosen >= set(mentions):
        raise ReviewError("at least one mention must stay with the event; edit it instead")
    before = snapshot(event)
    moving = sorted((mentions[i] for i in chosen), key=lambda m: (-m.confidence, m.id))
    lead = moving[0]
    new = Event(
        topic=event.topic,
        actor=lead.actor,
        actor_key=lead.actor_key,
        reading=reading_of(event.topic, lead.actor_key, lead.action, lead.status),
        actor_type=event.actor_type,
        level=event.level,
        country=event.country,
        region=event.region,
        action=lead.action,
        status=lead.status,
        scope=lead.scope,
        technology=event.technology,
        date=lead.date,
        date_text=lead.date_text,
        until=lead.until,
        confidence=0.0,
        source_count=0,
        review_state="pending",
        edited_fields={},
        orphaned=False,
    )
    session.add(new)
    session.flush()
    for mention in moving:
        mention.event = new
    session.flush()
    session.expire(event, ["mentions"])
    refresh_event(session, event)
    refresh_event(session, new)
    event.reviewer, event.reviewed_at = reviewer, utcnow()
    for key in {event.actor_key, new.actor_key}:
        link_amendments(session, event.topic, key)
    moved_ids = sorted(chosen)
    reason = note or f"split {len(moved_ids)} mention(s) of event {event.id} into event {new.id}"
    old_entry = _record(session, event, "split", reviewer, before, reason)
    old_entry.after = {**old_entry.after, "split_to": new.id, "mentions": moved_ids}
    entry = _record(session, new, "split", reviewer, {}, reason)
    entry.after = {**entry.after, "split_from": event.id, "mentions": moved_ids}
    session.flush()
    return entry


def resolve_merged(session: Session, event_id: int) -> Event | None:
    """The live event an id now stands for, following merges (None if unknown).

    For the review page (an old link to a merged event lands on the kept one)
    and for whoever teaches clustering to send new mentions past tombstones.
    """
    event = session.get(Event, event_id)
    seen: set[int] = set()
    while event is not None and event.merged_into_id is not None and event.id not in seen:
        seen.add(event.id)
        event = session.get(Event, event.merged_into_id)
    return event


# -- reviewers who sign in -------------------------------------------------------

# scrypt with N=2**14, r=8, p=1 (the interactive-login parameters of the scrypt
# paper, also OWASP's floor): about 16 MB and tens of milliseconds per check.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SCRYPT_MAXMEM = 64 * 1024 * 1024
MIN_PASSWORD_LENGTH = 10
USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,199}$")


def hash_password(password: str) -> str:
    """A salted scrypt hash, self-describing (``scrypt$N$r$p$salt$hash``, base64 parts).

    The parameters travel with the hash so that they can be raised later
    without invalidating stored passwords.
    """
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=SCRYPT_MAXMEM,
        dklen=32,
    )
    encode = base64.b64encode
    return (
        f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${encode(salt).decode()}${encode(digest).decode()}"
    )


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches a hash made by ``hash_password`` (constant-time compare)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=SCRYPT_MAXMEM,
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        # A malformed stored hash (binascii.Error is a ValueError) never matches.
        return False
    return hmac.compare_digest(actual, expected)


# Checked when a name is unknown, so that a wrong name costs as long as a wrong password.
_DUMMY_HASH = hash_password(secrets.token_urlsafe(16))


def check_new_password(password: str) -> None:
    """Refuse passwords too short to resist guessing over the network."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ReviewError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")


def add_user(session: Session, username: str, password: str, *, replace: bool = False) -> User:
    """Create a reviewer who can sign in, or with ``replace`` set a new password."""
    if not USERNAME.match(username):
        raise ReviewError(
            "a user name is letters, digits and . _ @ - (starting with a letter or digit)"
        )
    check_new_password(password)
    user = session.scalar(select(User).where(User.username == username))
    if user is not None and not replace:
        raise ReviewError(f"user {username!r} exists; pass --update to set a new password")
    if user is None:
        user = User(username=username, password_hash=hash_password(password))
        session.add(user)
    else:
        user.password_hash = hash_password(password)
        user.password_changed_at = utcnow()
    session.flush()
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The user these credentials belong to, or None; unknown names take as long."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        verify_password(password, _DUMMY_HASH)
        return None
    if not verify_password(password, user.password_hash):
        return None
    user.last_login_at = utcnow()
    return user


def count_users(session: Session) -> int:
    """How many reviewers can sign in (``banwatch serve`` warns when none can)."""
    return session.scalar(select(func.count(User.id))) or 0
