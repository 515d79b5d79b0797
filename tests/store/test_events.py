"""Mentions cluster into canonical events; review edits survive re-extraction."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import func, select

from banwatch.store.articles import ArticleRecord, save_article
from banwatch.store.db import session_scope
from banwatch.store.events import (
    EventFilters,
    actor_key,
    dates_agree,
    list_events,
    replace_article_mentions,
)
from banwatch.store.models import Article, Event, Mention


@dataclass
class Found:
    """An extracted event as the extractor hands it over (the store's protocol)."""

    actor: str = "Boston"
    actor_type: str = "jurisdiction"
    level: str | None = "city"
    country: str | None = "US"
    region: str | None = "MA"
    action: str = "ban"
    status: str = "enacted"
    scope: str | None = "government use"
    technology: str = "facial recognition"
    date: str | None = "2020-06"
    date_text: str | None = "in June 2020"
    until: str | None = None
    evidence: str = "Boston banned city use of facial recognition in June 2020."
    start: int = 0
    end: int = 58
    confidence: float = 0.7
    topic: str = "facial-recognition"


def _article(session, n: int, published: datetime | None = None) -> Article:
    record = ArticleRecord(
        url=f"https://news{n}.example/boston",
        canonical_url=f"https://news{n}.example/boston",
        title=f"Story {n}",
        author=None,
        published=published or datetime(2020, 6, 25, tzinfo=UTC),
        language="en",
        text="Boston banned city use of facial recognition in June 2020.",
        content_hash=f"hash{n}",
    )
    save_article(session, record, None)
    return session.scalar(select(Article).where(Article.canonical_url == record.canonical_url))


def test_actor_key_keeps_places_apart() -> None:
    assert actor_key("Portland", "US", "OR") != actor_key("Portland", "US", "ME")
    assert actor_key("The City of Boston", "US", "MA") != actor_key("Boston", "US", "MA")
    assert actor_key("São Paulo", "BR", None) == actor_key("sao paulo", "br", None)


def test_dates_agree_at_common_precision() -> None:
    assert dates_agree("2020-06", "2020-06-24")
    assert dates_agree("2020", "2020-06")
    assert not dates_agree("2020-06", "2021-05")
    assert not dates_agree("2020-06-24", "2020-06-25")
    assert dates_agree(None, "2020-06")


def test_ten_articles_about_one_decision_make_one_event(engine) -> None:
    with session_scope(engine) as session:
        for n in range(10):
            article = _article(session, n, datetime(2020, 6, 24 + n % 5, tzinfo=UTC))
            date = "2020-06-24" if n == 3 else "2020-06"
            replace_article_mentions(session, article, [Found(date=date)], "test-1")
    with session_scope(engine) as session:
        events = list_events(session, EventFilters())
        assert len(events) == 1
        event = events[0]
        assert len(event.mentions) == 10
        assert event.source_count == 10
        assert event.date == "2020-06-24", "the most precise date a mention supports"
        assert event.first_published_at == datetime(2020, 6, 24, tzinfo=UTC)
        single = 1 - (1 - 0.7)
        assert event.confidence > single, "independent sources raise confidence"


def test_two_decisions_by_one_actor_stay_two_events(engine) -> None:
    amazon = Found(
        actor="Amazon",
        actor_type="company",
        level=None,
        country=None,
        region=None,
        action="moratorium",
        scope="police use",
        date="2020-06",
    )
    with session_scope(engine) as session:
        first = _article(session, 1)
        second = _article(session, 2)
        replace_article_mentions(session, first, [amazon], "test-1")
        replace_article_mentions(session, second, [replace(amazon, date="2021-05")], "test-1")
    with session_scope(engine) as session:
        dates = sorted(e.date for e in list_events(session, EventFilters(actor_type="company")))
        assert dates == ["2020-06", "2021-05"]


def test_reextraction_keeps_edits_and_flags_orphans(engine) -> None:
    with session_scope(engine) as session:
        article = _article(session, 1)
        replace_article_mentions(session, article, [Found()], "test-1")
        event = session.scalar(select(Event))
        event.date = "2020-06-24"
        event.edited_fields = {"date": "2020-06-24"}
        event.review_state = "accepted"
    with session_scope(engine) as session:
        article = session.scalar(select(Article))
        replace_article_mentions(session, article, [Found(date="2020-06-01")], "test-2")
        event = session.scalar(select(Event))
        assert event.date == "2020-06-24", "a reviewer's edit beats the extractor"
        assert event.review_state == "accepted"
    with session_scope(engine) as session:
        article = session.scalar(select(Article))
        replace_article_mentions(session, article, [], "test-3")
    with session_scope(engine) as session:
        event = session.scalar(select(Event))
        assert event.orphaned and event.review_state == "accepted", "flagged, never deleted"
        assert session.scalar(select(func.count(Mention.id))) == 0
        assert list_events(session, EventFilters()) == []
        assert len(list_events(session, EventFilters(include_orphaned=True))) == 1


def test_filters(engine) -> None:
    with session_scope(engine) as session:
        article = _article(session, 1)
        replace_article_mentions(
            session,
            article,
            [
                Found(),
                Found(
                    actor="Portland",
                    region="OR",
                    date="2020-09",
                    start=100,
                    end=150,
                    evidence="Portland, Oregon barred private businesses too.",
                ),
                Found(
                    actor="Vermont",
                    level="state",
                    region="VT",
                    action="moratorium",
                    date="2020-10",
                    start=200,
                    end=250,
                    evidence="Vermont paused police use.",
                ),
            ],
            "test-1",
        )
    with session_scope(engine) as session:

        def actors(**kwargs) -> list[str]:
            return [e.actor for e in list_events(session, EventFilters(**kwargs))]

        assert actors() == ["Boston", "Portland", "Vermont"]
        assert actors(region="or") == ["Portland"]
        assert actors(action="moratorium") == ["Vermont"]
        assert actors(date_from="2020-07", date_to="2020-09") == ["Portland"]
        assert actors(date_to="2020") == ["Boston", "Portland", "Vermont"]
        assert actors(text="private businesses") == ["Portland"]
        assert actors(review_state="accepted") == []
        assert actors(review_state="any") == ["Boston", "Portland", "Vermont"]


def test_timestamps_are_timezone_aware(engine) -> None:
    with session_scope(engine) as session:
        _article(session, 1)
    with session_scope(engine) as session:
        article = session.scalar(select(Article))
        assert article.published_at.tzinfo is not None
        assert article.fetched_at.tzinfo is not None


def test_same_canonical_url_is_stored_once_and_updates_keep_one_row(engine) -> None:
    with session_scope(engine) as session:
        record = ArticleRecord(
            "https://a.example/x?utm_source=1",
            "https://a.example/x",
            "T",
            None,
            None,
            "en",
            "text one",
            "h1",
        )
        assert save_article(session, record, None) == "new"
        assert save_article(session, record, None) == "unchanged"
        assert (
            save_article(session, replace(record, text="two", content_hash="h2"), None) == "updated"
        )
    with session_scope(engine) as session:
        assert session.scalar(select(func.count(Article.id))) == 1
        article = session.scalar(select(Article))
        assert article.text == "two"
        assert [(v.text, v.content_hash) for v in article.versions] == [("text one", "h1")]
