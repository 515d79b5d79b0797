"""Review decisions hold through re-extraction; extensions and repeals link to what they amend."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from banwatch.store.db import session_scope
from banwatch.store.events import (
    EventFilters,
    actor_timeline,
    list_events,
    replace_article_mentions,
)
from banwatch.store.models import Article, Event, ReviewDecision
from banwatch.store.review import ReviewError, accept_event, edit_event, reject_event

from .test_events import Found, _article

AMAZON = Found(
    actor="Amazon",
    actor_type="company",
    level=None,
    country=None,
    region=None,
    action="moratorium",
    scope="police use",
    date="2020-06-10",
    evidence="Amazon paused police use of Rekognition for a year.",
)
BOSTON = Found()
PORTLAND = Found(
    actor="Portland",
    region="OR",
    date="2020-09",
    start=300,
    end=350,
    evidence="Portland barred city agencies and shops from using it.",
)


def _event_id(session, actor: str) -> int:
    return session.scalar(select(Event.id).where(Event.actor == actor, Event.orphaned.is_(False)))


def test_decisions_survive_reextraction_with_a_changed_extractor(engine) -> None:
    with session_scope(engine) as session:
        article = _article(session, 1)
        replace_article_mentions(session, article, [AMAZON, BOSTON, PORTLAND], "v1")
    with session_scope(engine) as session:
        accept_event(session, _event_id(session, "Amazon"), "ana")
        reject_event(session, _event_id(session, "Portland"), "ben", "not about this Portland")
        edit_event(session, _event_id(session, "Boston"), "cy", {"date": "2020-06-24"})

    # The new extractor reads every sentence differently: another date for Boston,
    # a different action for the rejected Portland sentence, a lower confidence for Amazon.
    changed = [
        replace(AMAZON, confidence=0.5),
        replace(BOSTON, date="2020-06-01", date_text="on June 1"),
        replace(PORTLAND, action="restriction"),
    ]
    with session_scope(engine) as session:
        article = session.scalar(select(Article))
        replace_article_mentions(session, article, changed, "v2")

    with session_scope(engine) as session:
        states = {e.actor: (e.review_state, e.date) for e in list_events(session, EventFilters())}
        assert states["Amazon"] == ("accepted", "2020-06-10")
        assert states["Boston"] == ("pending", "2020-06-24"), "the reviewer's date holds"
        assert states["Portland"][0] == "rejected", "a rejected reading does not return as pending"
        pending = list_events(session, EventFilters(review_state="pending"))
        assert [e.actor for e in pending] == ["Boston"]
        log = session.scalars(select(ReviewDecision).order_by(ReviewDecision.id)).all()
        assert [(d.decision, d.reviewer) for d in log] == [
            ("accept", "ana"),
            ("reject", "ben"),
            ("edit", "cy"),
        ]
        assert log[2].before["date"] == "2020-06" and log[2].after["date"] == "2020-06-24"
        assert log[1].reason == "not about this Portland"


def test_extension_links_to_the_moratorium_it_extends_whatever_the_order(engine) -> None:
    extension = replace(
        AMAZON,
        action="extension",
        date="2021-05",
        until="indefinite",
        evidence="Amazon extended its pause indefinitely.",
    )
    with session_scope(engine) as session:
        later = _article(session, 2)
        replace_article_mentions(session, later, [extension], "v1")  # arrives first
        earlier = _article(session, 1)
        replace_article_mentions(session, earlier, [AMAZON], "v1")
    with session_scope(engine) as session:
        timeline = actor_timeline(session, "amazon")
        assert [(e.action, e.date) for e in timeline] == [
            ("moratorium", "2020-06-10"),
            ("extension", "2021-05"),
        ]
        assert timeline[1].amends_event_id == timeline[0].id
        assert timeline[1].until == "indefinite"


def test_repeal_after_ban(engine) -> None:
    virginia_ban = Found(
        actor="Virginia",
        level="state",
        region="VA",
        date="2021-03",
        scope="local police use",
        evidence="Virginia banned local police use.",
    )
    virginia_repeal = replace(
        virginia_ban,
        action="repeal",
        date="2022-04",
        start=100,
        evidence="Virginia replaced its ban with rules for police use.",
    )
    with session_scope(engine) as session:
        replace_article_mentions(
            session, _article(session, 1), [virginia_ban, virginia_repeal], "v1"
        )
    with session_scope(engine) as session:
        ban, repeal = actor_timeline(session, "Virginia")
        assert repeal.amends_event_id == ban.id


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date": "June 2020"}, "date must be"),
        ({"action": "banned"}, "action must be one of"),
        ({"colour": "red"}, "not an editable field"),
        ({"actor": ""}, "cannot be empty"),
        ({}, "nothing to edit"),
    ],
)
def test_bad_edits_are_refused(engine, changes: dict, message: str) -> None:
    with session_scope(engine) as session:
        replace_article_mentions(session, _article(session, 1), [BOSTON], "v1")
    with session_scope(engine) as session, pytest.raises(ReviewError, match=message):
        edit_event(session, _event_id(session, "Boston"), "cy", changes)


def test_reject_needs_a_reason_and_unknown_ids_are_errors(engine) -> None:
    with session_scope(engine) as session:
        replace_article_mentions(session, _article(session, 1), [BOSTON], "v1")
    with session_scope(engine) as session:
        with pytest.raises(ReviewError, match="reason"):
            reject_event(session, _event_id(session, "Boston"), "ben", " ")
        with pytest.raises(ReviewError, match="no event"):
            accept_event(session, 999_999, "ana")
