"""``banwatch runs``, ``run-now`` and ``schedule`` at the command line, and their settings."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from banwatch.cli import app
from banwatch.config import ConfigError, load_settings
from banwatch.locks import crawl_lock
from banwatch.store.db import create_db_engine, session_scope
from banwatch.store.models import Article, Source
from banwatch.store.runs import finish_run, start_run
from banwatch.store.types import utcnow

SOURCES = """
[[sources]]
name = "ok-feed"
kind = "feed"
url = "https://ok.example/feed.xml"

[[sources]]
name = "dead-feed"
kind = "feed"
url = "https://dead.example/feed.xml"

[[sources]]
name = "quiet-page"
kind = "page"
url = "https://quiet.example/news"

[[sources]]
name = "new-feed"
kind = "feed"
url = "https://new.example/feed.xml"
"""


def _config(tmp_path: Path, db_url: str, extra: str = "") -> Path:
    path = tmp_path / "banwatch.toml"
    path.write_text(f'[database]\nurl = "{db_url}"\n{extra}\n{SOURCES}', encoding="utf-8")
    return path


def _history(engine: Engine) -> tuple[int, int]:
    now = utcnow()
    with session_scope(engine) as session:
        ok = Source(name="ok-feed", kind="feed", url="https://ok.example/feed.xml")
        ok.last_success_at, ok.consecutive_failures = now, 0
        dead = Source(name="dead-feed", kind="feed", url="https://dead.example/feed.xml")
        dead.consecutive_failures, dead.last_error = 4, "HTTP 404 [b]Not Found[/b]\nat the URL"
        dead.last_error_at = now
        quiet = Source(name="quiet-page", kind="page", url="https://quiet.example/news")
        quiet.consecutive_failures, quiet.created_at = 0, now - timedelta(days=40)
        session.add_all([ok, dead, quiet])
        session.flush()
        for source, age in ((ok, 1), (quiet, 30)):
            session.add(
                Article(
                    url=f"https://x.example/{source.name}",
                    canonical_url=f"https://x.example/{source.name}",
                    source_id=source.id,
                    fetched_at=now - timedelta(days=age),
                    text="t",
                    content_hash=source.name,
                )
            )
        first = start_run(session, "schedule")
        finish_run(
            session,
            first,
            "succeeded",
            stats={"articles_new": 3, "events_new": 2, "errors": {"download_timeout": 2}},
        )
        second = start_run(session, "run-now")
        finish_run(
            session, second, "failed", error="crawl process was killed by SIGKILL\n[red]tail"
        )
        return first.id, second.id


def test_runs_lists_recent_runs_and_flags_failing_and_quiet_sources(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:
    first, second = _history(engine)
    config = _config(tmp_path, db_url)
    runner = CliRunner()
    result = runner.invoke(app, ["--config", str(config), "runs", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    runs = [r for r in records if r["record"] == "run"]
    assert [r["id"] for r in runs] == [second, first], "newest first"
    assert runs[0]["status"] == "failed"
    assert runs[0]["error"] == "crawl process was killed by SIGKILL"
    assert runs[1]["articles_new"] == 3 and runs[1]["events_new"] == 2 and runs[1]["errors"] == 2
    assert runs[1]["seconds"] is not None and runs[1]["seconds"] >= 0
    sources = {r["name"]: r for r in records if r["record"] == "source"}
    assert set(sources) == {"ok-feed", "dead-feed", "quiet-page", "new-feed"}
    assert sources["ok-feed"]["flag"] is None
    assert sources["dead-feed"]["flag"].startswith("failing: 4 runs in a row (HTTP 404")
    assert sources["quiet-page"]["flag"] == "quiet: no new article for 30 days"
    assert sources["new-feed"]["flag"] is None and sources["new-feed"]["crawled"] is False

    table = runner.invoke(app, ["--config", str(config), "runs"], env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    assert "failing: 4 runs in a row" in table.output and "quiet-page" in table.output
    assert "[b]Not Found[/b]" in table.output, "scraped or error text is shown, not styled"

    check = runner.invoke(app, ["--config", str(config), "runs", "--check"])
    assert check.exit_code == 1, "a failed last run and flagged sources fail the check"
    relaxed = runner.invoke(
        app, ["--config", str(config), "runs", "--format", "jsonl", "--quiet-days", "60"]
    )
    quiet = [json.loads(x) for x in relaxed.output.splitlines() if '"quiet-page"' in x]
    assert quiet[0]["flag"] is None


def test_runs_on_an_empty_database(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no banwatch.toml here
    result = CliRunner().invoke(app, ["--db", sqlite_url, "runs"])
    assert result.exit_code == 0, result.output
    assert "no runs yet" in result.output


def test_run_now_waits_for_nobody_when_the_lock_is_held(sqlite_url: str, tmp_path: Path) -> None:
    config = _config(tmp_path, sqlite_url)
    create_db_engine(sqlite_url).dispose()
    with crawl_lock(sqlite_url):
        result = CliRunner().invoke(app, ["--config", str(config), "run-now"])
    assert result.exit_code == 75, result.output
    assert "another banwatch process is crawling" in result.output


def test_run_now_needs_sources(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no banwatch.toml here
    result = CliRunner().invoke(app, ["--db", sqlite_url, "run-now"])
    assert result.exit_code == 2 and "no sources" in result.output


def test_schedule_refuses_a_cron_it_cannot_read(sqlite_url: str, tmp_path: Path) -> None:
    config = _config(tmp_path, sqlite_url, '[schedule]\ncron = "61 * * * *"\n')
    result = CliRunner().invoke(app, ["--config", str(config), "schedule"])
    assert result.exit_code == 2 and "configuration error" in result.output


def test_schedule_and_digest_settings(tmp_path: Path) -> None:
    config = tmp_path / "banwatch.toml"
    config.write_text(
        '[schedule]\ncron = "30 3 * * 1-5"\ntimezone = "Europe/Berlin"\nquiet_days = 7\n'
        "failing_runs = 2\nmisfire_grace_time = 3600\n"
        '[digest]\nemail_to = "me@example.org"\nsmtp_host = "mail.example.org"\n'
        'smtp_security = "starttls"\nsmtp_user = "me"\n'
        'webhook_url = "https://hooks.example.org/x"\n'
    )
    settings = load_settings(config, env={})
    assert settings.schedule.cron == "30 3 * * 1-5" and settings.schedule.quiet_days == 7
    assert settings.schedule.failing_runs == 2 and settings.schedule.misfire_grace_time == 3600
    digest = settings.digest
    assert digest.email_to == ("me@example.org",) and digest.smtp_port == 587
    assert digest.email_enabled and digest.webhook_enabled


def test_shipped_configuration_sends_nothing_and_runs_nightly() -> None:
    settings = load_settings(Path(__file__).resolve().parents[2] / "banwatch.toml", env={})
    assert settings.schedule.cron == "0 2 * * *"
    assert not settings.digest.email_enabled and not settings.digest.webhook_enabled


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[schedule]\ncron = "0 2 * *"\n', "expected 5 fields"),
        ('[schedule]\ntimezone = "Mars/Olympus"\n', "not a known time zone"),
        ("[schedule]\nquiet_days = 0\n", "quiet_days"),
        ('[digest]\nsmtp_security = "tls"\n', "smtp_security"),
        ('[digest]\nwebhook_url = "file:///etc/passwd"\n', "http or https"),
        ('[digest]\nemail_to = ["not-an-address"]\n', "email_to"),
    ],
)
def test_bad_schedule_or_digest_settings_are_refused(
    tmp_path: Path, text: str, message: str
) -> None:
    config = tmp_path / "banwatch.toml"
    config.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_settings(config, env={})
