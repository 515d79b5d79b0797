"""Store at scale: clustering cost per 1,000 new articles must not grow with the store.

Fills a database with synthetic articles, events and mentions (bulk inserts),
then times how long banwatch takes to file the events of 1,000 new articles
(``store.events.replace_article_mentions``, the code the crawl uses) at a small
store and again at the full size, and how long `banwatch events` takes with
filters. The baseline is the same clustering at the small store size: the
ratio full/small should stay near 1 (index lookups, not scans).

    .venv/bin/python bench/store_scale.py                       # SQLite, 200k/1M
    .venv/bin/python bench/store_scale.py --db postgresql+psycopg://postgres@127.0.0.1/test
    .venv/bin/python bench/store_scale.py --articles 20000      # a quick run
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, func, insert, select, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from banwatch.export import iter_event_rows  # noqa: E402
from banwatch.store.db import create_db_engine, session_scope, upgrade_database  # noqa: E402
from banwatch.store.events import EventFilters, actor_key, replace_article_mentions  # noqa: E402
from banwatch.store.models import Article, Event, Mention  # noqa: E402
from banwatch.vocabulary import ACTIONS  # noqa: E402

STATES = ["CA", "OR", "WA", "MA", "NY", "TX", "IL", "ME", "VT", "VA", "MN", "LA", "CO", "MI"]
#: Mostly enacted decisions, as in the news.
STATUS_WEIGHTS = {"enacted": 3, "proposed": 1, "failed": 1}
TOPIC = "facial-recognition"


@dataclass
class Found:
    """An extracted event, as the extractor hands it to the store."""

    actor: str
    region: str
    action: str
    status: str
    date: str
    start: int
    actor_type: str = "jurisdiction"
    level: str | None = "city"
    country: str | None = "US"
    scope: str | None = "government use"
    technology: str = "facial recognition"
    date_text: str | None = None
    until: str | None = None
    evidence: str = "The council voted to ban facial recognition."
    end: int = 0
    confidence: float = 0.6
    topic: str = TOPIC


def decision(rng: random.Random, n_decisions: int) -> tuple[str, str, str, str, str]:
    """One of ``n_decisions`` synthetic real-world decisions, drawn with a long tail."""
    index = min(int(rng.paretovariate(1.2)) - 1, n_decisions - 1)
    index = (index * 7919) % n_decisions
    local = random.Random(index)
    year = local.randint(2019, 2025)
    return (
        f"Town {index // 6}",
        STATES[index % len(STATES)],
        ACTIONS[index % len(ACTIONS)],
        local.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0],
        f"{year}-{local.randint(1, 12):02d}",
    )


def fill(
    engine: Engine, start: int, count: int, n_decisions: int, per_article: int, rng: random.Random
) -> None:
    """Bulk-insert ``count`` articles with ``per_article`` mentions each (and their events)."""
    with engine.begin() as connection:
        known = dict(
            connection.execute(
                select(
                    Event.actor_key
                    + "|"
                    + Event.action
                    + "|"
                    + Event.status
                    + "|"
                    + func.coalesce(Event.date, ""),
                    Event.id,
                )
            ).all()
        )
        base = datetime(2019, 1, 1, tzinfo=UTC)
        for chunk_start in range(start, start + count, 5000):
            chunk = range(chunk_start, min(chunk_start + 5000, start + count))
            connection.execute(
                insert(Article),
                [
                    {
                        "id": n + 1,
                        "url": f"https://news{n % 500}.example/a/{n}",
                        "canonical_url": f"https://news{n % 500}.example/a/{n}",
                        "title": f"Article {n}",
                        "published_at": base + timedelta(hours=n),
                        "fetched_at": base + timedelta(hours=n),
                        "language": "en",
                        "text": "synthetic",
                        "content_hash": f"{n:064x}",
                        "extracted_version": "bench",
                    }
                    for n in chunk
                ],
            )
            mentions = []
            for n in chunk:
                for slot in range(per_article):
                    actor, region, action, status, date = decision(rng, n_decisions)
                    key = actor_key(actor, "US", region)
                    ident = f"{key}|{action}|{status}|{date}"
                    if ident not in known:
                        known[ident] = connection.execute(
                            insert(Event).returning(Event.id),
                            [_event_row(actor, key, region, action, status, date)],
                        ).scalar_one()
                    mentions.append(
                        {
                            "event_id": known[ident],
                            "article_id": n + 1,
                            "actor": actor,
                            "actor_key": key,
                            "action": action,
                            "status": status,
                            "evidence": "synthetic evidence",
                            "start": slot * 100,
                            "end": slot * 100 + 50,
                            "date": date,
                            "confidence": 0.6,
                            "extractor_version": "bench",
                            "created_at": base,
                        }
                    )
            connection.execute(insert(Mention), mentions)


def _event_row(actor: str, key: str, region: str, action: str, status: str, date: str) -> dict:
    now = datetime.now(UTC)
    return {
        "topic": TOPIC,
        "actor": actor,
        "actor_key": key,
        "reading": f"{TOPIC}|{key}|{action}|{status}",
        "evidence": "synthetic evidence",
        "actor_type": "jurisdiction",
        "level": "city",
        "country": "US",
        "region": region,
        "action": action,
        "status": status,
        "scope": "government use",
        "technology": "facial recognition",
        "date": date,
        "confidence": 0.6,
        "source_count": 1,
        "orphaned": False,
        "review_state": "pending",
        "edited_fields": {},
        "created_at": now,
        "updated_at": now,
    }


def cluster_new_articles(
    engine: Engine, first_id: int, count: int, n_decisions: int, rng: random.Random
) -> float:
    """Seconds to file the events of ``count`` new articles, as the crawl does."""
    started = time.perf_counter()
    for n in range(first_id, first_id + count):
        with session_scope(engine) as session:
            article = Article(
                id=n + 1,
                url=f"https://new.example/{n}",
                canonical_url=f"https://new.example/{n}",
                title="new",
                text="synthetic",
                content_hash=f"{n:064x}",
                published_at=datetime(2024, 1, 1, tzinfo=UTC),
            )
            session.add(article)
            session.flush()
            found = []
            for slot in range(3):
                if rng.random() < 0.5:
                    actor, region, action, status, date = decision(rng, n_decisions)
                else:  # a decision never seen before
                    actor, region, action, status, date = (
                        f"Newtown {n}-{slot}",
                        "CA",
                        "ban",
                        "enacted",
                        "2025-03",
                    )
                found.append(Found(actor, region, action, status, date, start=slot * 100))
            replace_article_mentions(session, article, found, "bench")
    return time.perf_counter() - started


def time_listing(engine: Engine) -> dict[str, tuple[float, int]]:
    """Seconds and rows for `banwatch events` queries with typical filters."""
    cases = {
        "region=CA action=ban": EventFilters(region="CA", action="ban"),
        "status=enacted 2020..2021": EventFilters(
            status="enacted", date_from="2020", date_to="2021"
        ),
        "review_state=accepted": EventFilters(review_state="accepted"),
        "search 'Town 12'": EventFilters(text="town 12"),
    }
    results = {}
    for name, filters in cases.items():
        started = time.perf_counter()
        with session_scope(engine) as session:
            rows = sum(1 for _ in iter_event_rows(session, filters))
        results[name] = (time.perf_counter() - started, rows)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--mentions-per-article", type=int, default=5)
    parser.add_argument("--decisions", type=int, default=60_000)
    parser.add_argument("--new", type=int, default=1000, help="new articles per timing")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory()
    url = args.db or f"sqlite:///{Path(tmp.name) / 'scale.db'}"
    engine = create_db_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    upgrade_database(engine)
    rng = random.Random(7)

    small = max(args.articles // 20, 1000)
    print(f"backend: {engine.dialect.name}; filling {small:,} articles ...", flush=True)
    fill(engine, 0, small, args.decisions, args.mentions_per_article, rng)
    t_small = cluster_new_articles(engine, 10_000_000, args.new, args.decisions, rng)
    print(f"filling up to {args.articles:,} articles ...", flush=True)
    started = time.perf_counter()
    fill(engine, small, args.articles - small, args.decisions, args.mentions_per_article, rng)
    print(f"  (bulk fill took {time.perf_counter() - started:.0f}s)")
    t_full = cluster_new_articles(engine, 20_000_000, args.new, args.decisions, rng)

    with session_scope(engine) as session:
        n_articles = session.scalar(select(func.count(Article.id)))
        n_mentions = session.scalar(select(func.count(Mention.id)))
        n_events = session.scalar(select(func.count(Event.id)))
    print(f"store: {n_articles:,} articles, {n_mentions:,} mentions, {n_events:,} events")
    print(
        f"cluster {args.new} new articles at {small + args.new:,} articles (baseline):"
        f" {t_small:.2f}s"
    )
    print(
        f"cluster {args.new} new articles at {n_articles:,} articles (banwatch):"
        f" {t_full:.2f}s  ratio full/small = {t_full / t_small:.2f}"
    )
    for name, (seconds, rows) in time_listing(engine).items():
        print(f"banwatch events [{name}]: {seconds:.2f}s for {rows:,} rows")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")
    engine.dispose()


if __name__ == "__main__":
    main()
