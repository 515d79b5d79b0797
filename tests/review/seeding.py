"""A small review database built through the store's own functions, hostile text included.

The events are made the way the crawl makes them (articles saved, extracted
events filed as mentions), so the review app sees real rows; only the
extractor is replaced by hand-written readings, to know exactly what to expect.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import Engine, select

from banwatch.store.articles import ArticleRecord, save_article
from banwatch.store.db import session_scope
from banwatch.store.events import replace_article_mentions
from banwatch.store.models import Article, Event

HOSTILE_TITLE = '=HYPERLINK("http://evil","x")'
HOSTILE_MARKUP = "<img src=x onerror=alert(1)>"
HOSTILE_SCRIPT = "<script>alert(2)</script>"


@dataclass
class Reading:
    """An extracted event as the extractor hands it to the store."""

    actor: str
    evidence: str
    start: int = 0
    end: int = 0
    actor_type: str = "jurisdiction"
    level: str | None = "city"
    country: str | None = "US"
    region: str | None = "MA"
    action: str = "ban"
    status: str = "enacted"
    scope: str | None = "government use"
    technology: str = "facial recognition"
    date: str | None = None
    date_text: str | None = None
    until: str | None = None
    confidence: float = 0.7
    topic: str = "facial-recognition"


def file_article(
    engine: Engine,
    n: int,
    title: str,
    text_around: tuple[str, str],
    readings: list[Reading],
    url: str | None = None,
    published: datetime | None = None,
) -> None:
    """Save one article whose text holds each reading's evidence, and file its readings."""
    before, after = text_around
    text = before
    placed = []
    for reading in readings:
        start = len(text)
        text += reading.evidence
        placed.append(replace(reading, start=start, end=len(text)))
        text += " "
    text += after
    link = url or f"https://news{n}.example/story-{n}"
    with session_scope(engine) as session:
        save_article(
            session,
            ArticleRecord(
                url=link,
                canonical_url=link,
                title=title,
                author=None,
                published=published or datetime(2021, 1, n % 28 + 1, 12, tzinfo=UTC),
                language="en",
                text=text,
                content_hash=f"hash-{n}",
            ),
            None,
        )
        session.flush()
        article = session.scalar(select(Article).where(Article.canonical_url == link))
        replace_article_mentions(session, article, placed, "test-v1")


def seed_review_data(engine: Engine) -> dict[str, int]:
    """Fill the database; return event ids by a short name for each case."""
    boston = Reading(
        actor="Boston",
        date="2020-06",
        date_text="in June 2020",
        evidence="Boston banned city use of facial recognition in June 2020.",
        confidence=0.8,
    )
    for n in (1, 2, 3):
        file_article(engine, n, f"Boston story {n}", ("City news. ", "More later."), [boston])

    hostile = Reading(
        actor="Testville",
        region="OH",
        date="2021-03",
        scope="police use",
        evidence=(
            f"Testville banned police use of facial recognition {HOSTILE_MARKUP} in March 2021."
        ),
        confidence=0.6,
    )
    file_article(
        engine,
        4,
        HOSTILE_TITLE,
        (f"Intro {HOSTILE_SCRIPT} and more. ", f"Tail {HOSTILE_MARKUP} end."),
        [hostile],
    )

    amazon = Reading(
        actor="Amazon",
        actor_type="company",
        level=None,
        country=None,
        region=None,
        action="moratorium",
        scope="police use",
        date="2020-06-10",
        evidence="Amazon paused police use of Rekognition for a year.",
        confidence=0.75,
    )
    amazon_com = replace(
        amazon,
        actor="Amazon.com",
        date="2020-06",
        evidence="Amazon.com announced a one-year moratorium on police use.",
        confidence=0.65,
    )
    file_article(engine, 5, "Amazon pauses", ("Seattle. ", "Shares rose."), [amazon])
    file_article(engine, 6, "Amazon.com moratorium", ("Business. ", "End."), [amazon_com])

    portland = Reading(
        actor="Portland",
        region="OR",
        date="2020-09",
        evidence="Portland barred city agencies and shops from using it.",
        confidence=0.7,
    )
    wrong = replace(
        portland,
        date=None,
        evidence="Portland voters approved a ban on police use in November.",
        confidence=0.55,
    )
    file_article(engine, 7, "Portland bans it", ("Oregon. ", "End."), [portland])
    file_article(engine, 8, "Maine vote", ("Maine. ", "End."), [wrong])

    oakland = Reading(
        actor="Oakland",
        region="CA",
        date="2019-07",
        evidence="Oakland became the third city to ban the technology.",
        confidence=0.5,
    )
    file_article(
        engine, 9, "Oakland", ("California. ", "End."), [oakland], url="javascript:alert(3)"
    )

    with session_scope(engine) as session:
        ids = {
            name: session.scalar(select(Event.id).where(Event.actor == actor))
            for name, actor in (
                ("boston", "Boston"),
                ("hostile", "Testville"),
                ("amazon", "Amazon"),
                ("amazon_com", "Amazon.com"),
                ("portland", "Portland"),
                ("oakland", "Oakland"),
            )
        }
    assert all(ids.values()), ids
    return ids


def seed_browser_cases(engine: Engine) -> dict[str, int]:
    """Cases with names no real article uses, to add on top of a crawled demo database.

    A hostile article (formula title, markup in the text), two readings of one
    decision to merge, and an event holding an article about another decision.
    """
    hostile = Reading(
        actor="Testville",
        region="OH",
        date="2021-03",
        scope="police use",
        evidence=(
            f"Testville banned police use of facial recognition {HOSTILE_MARKUP} in March 2021."
        ),
        confidence=0.6,
    )
    file_article(
        engine,
        101,
        HOSTILE_TITLE,
        (f"Intro {HOSTILE_SCRIPT} and more. ", f"Tail {HOSTILE_MARKUP} end."),
        [hostile],
    )
    county = Reading(
        actor="Quillshire County",
        level="county",
        region="VT",
        date="2022-04-12",
        evidence="Quillshire County banned its sheriff from using facial recognition.",
        confidence=0.7,
    )
    board = replace(
        county,
        actor="Quillshire County Board",
        evidence="The Quillshire County Board voted 4-1 to ban the technology on April 12.",
        confidence=0.6,
    )
    file_article(engine, 102, "Quillshire bans face scans", ("Vermont. ", "End."), [county])
    file_article(engine, 103, "County board vote", ("Local. ", "End."), [board])
    lakeport = Reading(
        actor="Lakeport",
        region="NY",
        date="2021-08",
        evidence="Lakeport barred its police from using facial recognition in August 2021.",
        confidence=0.65,
    )
    elsewhere = replace(
        lakeport,
        date=None,
        evidence="Lakeport's school board is weighing a ban on cameras that recognise faces.",
        confidence=0.5,
    )
    file_article(engine, 104, "Lakeport police ban", ("News. ", "End."), [lakeport])
    file_article(engine, 105, "Lakeport schools", ("Schools. ", "End."), [elsewhere])
    with session_scope(engine) as session:
        return {
            name: session.scalar(select(Event.id).where(Event.actor == actor))
            for name, actor in (
                ("hostile", "Testville"),
                ("county", "Quillshire County"),
                ("board", "Quillshire County Board"),
                ("lakeport", "Lakeport"),
            )
        }
