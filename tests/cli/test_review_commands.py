"""Scripted review decisions through the CLI hold through `banwatch reextract --all`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from banwatch.cli import app, demo_sources
from banwatch.config import Settings
from banwatch.jobs import run_crawl_job
from banwatch.store.db import create_db_engine, session_scope
from banwatch.store.models import Event, ReviewDecision

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def crawled_db(sample_site: str, extractor, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('review') / 'banwatch.db'}"
    result = run_crawl_job(Settings(db_url=url), demo_sources(sample_site), extractor=extractor)
    assert result.status == "succeeded", result.error
    return url


def _events(runner: CliRunner, db: str, *args: str) -> list[dict]:
    result = runner.invoke(app, ["--db", db, "events", "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def test_decisions_hold_through_reextract(crawled_db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    events = _events(runner, crawled_db)
    assert len(events) >= 3
    first, second, third = (e["event_id"] for e in events[:3])

    ok = runner.invoke(
        app, ["--db", crawled_db, "event", "accept", str(first), "--reviewer", "ana"]
    )
    assert ok.exit_code == 0, ok.output
    ok = runner.invoke(
        app,
        [
            "--db",
            crawled_db,
            "event",
            "reject",
            str(second),
            "--reason",
            "opinion piece",
            "--reviewer",
            "ben",
        ],
    )
    assert ok.exit_code == 0, ok.output
    ok = runner.invoke(
        app,
        [
            "--db",
            crawled_db,
            "event",
            "edit",
            str(third),
            "--date",
            "2001-02-03",
            "--reviewer",
            "cy",
        ],
    )
    assert ok.exit_code == 0, ok.output
    refused = runner.invoke(
        app, ["--db", crawled_db, "event", "edit", str(third), "--date", "yesterday"]
    )
    assert refused.exit_code == 2 and "date must be" in refused.output

    again = runner.invoke(app, ["--db", crawled_db, "reextract", "--all"])
    assert again.exit_code == 0, again.output

    by_id = {e["event_id"]: e for e in _events(runner, crawled_db, "--review-state", "any")}
    assert by_id[first]["review_state"] == "accepted" and by_id[first]["reviewer"] == "ana"
    assert by_id[second]["review_state"] == "rejected"
    assert by_id[third]["date"] == "2001-02-03"
    pending = _events(runner, crawled_db, "--review-state", "pending")
    assert second not in {e["event_id"] for e in pending}

    engine = create_db_engine(crawled_db)
    with session_scope(engine) as session:
        log = session.scalars(select(ReviewDecision).order_by(ReviewDecision.id)).all()
        assert [(d.decision, d.reviewer) for d in log] == [
            ("accept", "ana"),
            ("reject", "ben"),
            ("edit", "cy"),
        ]
        assert session.get(Event, second).review_note == "opinion piece"
    engine.dispose()

    exported = tmp_path / "accepted.csv"
    done = runner.invoke(app, ["--db", crawled_db, "export", str(exported)])
    assert done.exit_code == 0, done.output
    lines = exported.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2, "default export is accepted events only"


def test_timeline_lists_an_actor_in_date_order(crawled_db: str) -> None:
    result = CliRunner().invoke(
        app, ["--db", crawled_db, "timeline", "Amazon", "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated)
    assert all(r["actor"] == "Amazon" for r in rows)
    missing = CliRunner().invoke(app, ["--db", crawled_db, "timeline", "Atlantis"])
    assert missing.exit_code == 1
