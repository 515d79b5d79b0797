"""Review decisions become annotated passages: what is an event, what is not, what is unknown."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Engine, select

from banwatch.learning.places import ReadingCorrections
from banwatch.learning.reviews import NEGATIVE, POSITIVE, as_read, collect_reviews, corrections
from banwatch.store.db import session_scope
from banwatch.store.events import replace_article_mentions
from banwatch.store.models import Article, Event
from banwatch.store.review import accept_event, edit_event, merge_events, reject_event

from .conftest import add_articles


@dataclass
class Found:
    """An extracted event as the store receives it."""

    actor: str = "Springfield"
    actor_type: str = "jurisdiction"
    level: str | None = "city"
    country: str | None = "US"
    region: str | None = "MO"
    action: str = "ban"
    status: str = "enacted"
    scope: str | None = None
    technology: str = "facial recognition"
    date: str | None = "2024-03"
    date_text: str | None = None
    until: str | None = None
    evidence: str = "The Springfield City Council voted to ban facial recognition."
    start: int = 0
    end: int = 60
    confidence: float = 0.7
    topic: str = "facial-recognition"


def _file(engine: Engine, article_id: int, *found: Found) -> list[int]:
    with session_scope(engine) as session:
        article = session.get(Article, article_id)
        changes = replace_article_mentions(session, article, found, "test")
        return [e.id for e in changes.touched]


def _event_id(engine: Engine, actor: str, **where: str) -> int:
    with session_scope(engine) as session:
        query = select(Event.id).where(Event.actor == actor)
        for field, value in where.items():
            query = query.where(getattr(Event, field) == value)
        return session.scalars(query).one()


def test_accepted_rejected_edited_and_unjudged_events(engine: Engine) -> None:
    a, b = add_articles(engine, [("One", "text one"), ("Two", "text two")], "reviews")
    oped = Found(actor="Akron", region="OH", status="proposed", start=100, end=160,
                 evidence="It is time the Akron City Council proposed a ban.")
    _file(engine, a, Found(), oped, Found(actor="Tulsa", region="OK", start=200, end=260))
    _file(engine, b, Found(actor="Boise", region="ID", evidence="Boise voted to ban it."))
    with session_scope(engine) as session:
        edit_event(session, _event_id(engine, "Springfield"), "ben", {"region": "MA"})
        reject_event(session, _event_id(engine, "Akron"), "ana", "an op-ed, not a proposal")
        accept_event(session, _event_id(engine, "Boise"), "ana")
        reviews = collect_reviews(session)

    passages = {p["id"]: p for p in reviews.passages}
    one, two = passages[f"article-{a}"], passages[f"article-{b}"]
    # the edit is the corrected label; the rejection leaves Akron out; Tulsa nobody judged
    assert [(e["actor"], e["region"]) for e in one["events"]] == [("Springfield", "MA")]
    assert [(e["actor"], e["region"]) for e in one["readings"]] == [("Springfield", "MO")]
    assert one["unlabelled"] == [{"actor": "Tulsa", "region": "OK"}]
    assert [(e["actor"], e["region"]) for e in two["events"]] == [("Boise", "ID")]
    # the decider learns from the readings; the corrections learn the place
    assert as_read([one])[0]["events"] == one["readings"]
    learned = ReadingCorrections.learn(corrections(reviews.passages))
    assert learned.table == {("springfield", "MO"): ("Springfield", "US", "MA")}

    went_in = {d["event_id"]: d for d in reviews.decisions}
    akron = went_in[_event_id(engine, "Akron")]
    assert akron["verdict"] == NEGATIVE and akron["reason"] == "an op-ed, not a proposal"
    assert akron["articles"] == [a] and akron["fields"] is None
    spring = went_in[_event_id(engine, "Springfield")]
    assert spring["verdict"] == POSITIVE and spring["edited"] == ["region"]
    assert reviews.decision_count == 3 and len(went_in) == 3


def test_the_latest_decision_on_the_same_evidence_wins(engine: Engine) -> None:
    first, second = add_articles(engine, [("A", "a"), ("B", "b")], "latest")
    same = Found(actor="Omaha", region="NE", date="2023")
    _file(engine, first, same)
    _file(engine, second, replace(same, date="2024"))  # another event, the same sentence
    old, new = (_event_id(engine, "Omaha", date=d) for d in ("2023", "2024"))
    with session_scope(engine) as session:
        accept_event(session, old, "ana")
        reject_event(session, new, "ben", "a column, not the council")
        passages = collect_reviews(session).passages
    assert all(p["events"] == [] for p in passages), "the later rejection holds for both"
    with session_scope(engine) as session:
        accept_event(session, old, "ana", "on second reading it is the council")
        passages = collect_reviews(session).passages
    assert all([e["actor"] for e in p["events"]] == ["Omaha"] for p in passages)


def test_a_merge_corrects_the_attachment(engine: Engine) -> None:
    (article,) = add_articles(engine, [("M", "m")], "merge")
    _file(engine, article, Found(), Found(region="MA", start=100, end=160, evidence="x"))
    wrong, right = (_event_id(engine, "Springfield", region=r) for r in ("MO", "MA"))
    with session_scope(engine) as session:
        merge_events(session, right, wrong, "ben")
        accept_event(session, right, "ben")
        reviews = collect_reviews(session)
    (passage,) = reviews.passages
    assert [(e["actor"], e["region"]) for e in passage["events"]] == [("Springfield", "MA")]
    assert {(e["actor"], e["region"]) for e in passage["readings"]} == \
        {("Springfield", "MO"), ("Springfield", "MA")}
    assert passage["unlabelled"] == []
