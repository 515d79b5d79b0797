"""The whole job against the real sample site: crawl, extract, store, and again.

A real HTTP server on loopback, a real crawl in a child process, a real
database; the assertions are on what the pipeline stored.
"""

from __future__ import annotations

import csv
import socket
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from banwatch.cli import app, demo_sources
from banwatch.config import Settings
from banwatch.jobs import run_crawl_job
from banwatch.sample_site import SAMPLE_SITE_DIR
from banwatch.store.db import create_db_engine, session_scope
from banwatch.store.models import Article, CrawlRun, Event, Mention, Source

pytestmark = pytest.mark.slow

ARTICLE_PAGES = sorted((SAMPLE_SITE_DIR / "articles").glob("*.html"))


def _counts(db_url: str) -> dict[str, int]:
    engine = create_db_engine(db_url)
    with session_scope(engine) as session:
        counts = {
            "articles": session.scalar(select(func.count(Article.id))),
            "events": session.scalar(select(func.count(Event.id))),
            "mentions": session.scalar(select(func.count(Mention.id))),
            "companies": session.scalar(
                select(func.count(Event.id)).where(Event.actor_type == "company")
            ),
            "jurisdictions": session.scalar(
                select(func.count(Event.id)).where(Event.actor_type == "jurisdiction")
            ),
        }
    engine.dispose()
    return counts


def test_crawl_extract_store_then_recrawl_costs_only_what_is_new(
    sample_site: str, db_url: str, extractor
) -> None:
    assert len(ARTICLE_PAGES) >= 30
    settings = Settings(db_url=db_url)
    first = run_crawl_job(settings, demo_sources(sample_site), extractor=extractor)
    assert first.status == "succeeded", first.error
    assert all(outcome["ok"] for outcome in first.sources.values()), first.sources
    after_first = _counts(db_url)
    assert after_first["articles"] == len(ARTICLE_PAGES), "every article once, though in 3 sources"
    assert first.stats["articles_new"] == len(ARTICLE_PAGES)
    assert after_first["events"] >= 15
    assert after_first["companies"] >= 3 and after_first["jurisdictions"] >= 8

    second = run_crawl_job(settings, demo_sources(sample_site), extractor=extractor)
    assert second.status == "succeeded", second.error
    assert second.stats["articles_new"] == 0
    assert second.stats["not_modified"] == 2, "both feeds answer 304 to the stored ETag"
    assert second.stats["requests"] <= 4, "robots.txt, two 304s and the listing page"
    assert _counts(db_url) == after_first, "a re-run duplicates nothing"

    engine = create_db_engine(db_url)
    with session_scope(engine) as session:
        runs = session.scalars(select(CrawlRun).order_by(CrawlRun.id)).all()
        assert [r.status for r in runs] == ["succeeded", "succeeded"]
        assert all(r.finished_at and r.finished_at >= r.started_at for r in runs)
        sources = session.scalars(select(Source)).all()
        assert {s.name for s in sources} == {"sample-rss", "sample-atom", "sample-listing"}
        assert all(s.last_success_at and s.consecutive_failures == 0 for s in sources)
        assert all(s.etag for s in sources if s.kind == "feed")
        by_source = dict(
            session.execute(
                select(Source.name, func.count(Article.id))
                .join(Article, Article.source_id == Source.id)
                .group_by(Source.name)
            ).all()
        )
        assert sum(by_source.values()) == len(ARTICLE_PAGES), "every article knows its source"
        article = session.scalar(select(Article).where(Article.published_at.is_not(None)))
        assert article is not None and article.published_at.tzinfo is not None
    engine.dispose()


def test_a_dead_source_is_recorded_and_the_rest_are_crawled(
    sample_site: str, sqlite_url: str, extractor
) -> None:
    sources = demo_sources(sample_site)[:1]
    dead = type(sources[0])("dead", "feed", f"{sample_site}/no-such-feed.xml", allow_private=True)
    result = run_crawl_job(Settings(db_url=sqlite_url), [dead, *sources], extractor=extractor)
    assert result.sources["dead"]["ok"] is False
    assert "404" in result.sources["dead"]["error"]
    assert result.sources["sample-rss"]["ok"] is True
    assert result.stats["articles_new"] > 0
    engine = create_db_engine(sqlite_url)
    with session_scope(engine) as session:
        dead_row = session.scalar(select(Source).where(Source.name == "dead"))
        assert dead_row.consecutive_failures == 1 and "404" in dead_row.last_error
    engine.dispose()


def test_loopback_is_refused_unless_the_source_allows_it(
    sample_site: str, sqlite_url: str, extractor
) -> None:
    source = type(demo_sources(sample_site)[0])("rss", "feed", f"{sample_site}/feed.xml")
    result = run_crawl_job(Settings(db_url=sqlite_url), [source], extractor=extractor)
    assert result.sources["rss"]["ok"] is False
    assert "non-public address" in result.sources["rss"]["error"]
    assert result.stats["articles_new"] == 0


def test_make_demo_twice_gives_the_same_table(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = f"sqlite:///{tmp_path / 'banwatch.db'}"
    runner = CliRunner()
    port = _free_port()
    first = runner.invoke(app, ["--db", db, "demo", "--port", str(port)])
    assert first.exit_code == 0, first.output
    rows = list(csv.DictReader((tmp_path / "events.csv").open(encoding="utf-8", newline="")))
    assert len(rows) >= 15
    assert {"company", "jurisdiction"} <= {row["actor_type"] for row in rows}
    assert all(row["evidence"] and row["first_source_url"].startswith("http") for row in rows)

    second = runner.invoke(app, ["--db", db, "demo", "--port", str(port)])
    assert second.exit_code == 0, second.output
    again = list(csv.DictReader((tmp_path / "events.csv").open(encoding="utf-8", newline="")))
    assert [r["event_id"] for r in again] == [r["event_id"] for r in rows]
    assert _counts(db)["articles"] == len(ARTICLE_PAGES), "the second demo fetched nothing new"

    listed = runner.invoke(app, ["--db", db, "events", "--format", "jsonl"])
    assert listed.exit_code == 0
    assert len(listed.output.strip().splitlines()) == len(rows)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
