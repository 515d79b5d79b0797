"""The queue setting and the coordinator's sums, without Redis or workers."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from banwatch.cli import app
from banwatch.config import ConfigError, load_settings
from banwatch.crawler.coordinator import merge_outcomes, sum_stats


def test_the_queue_comes_from_the_file_then_the_environment(tmp_path: Path) -> None:
    config = tmp_path / "banwatch.toml"
    config.write_text('[queue]\nurl = "redis://file:6379/0"\nprefix = "team"\n')
    assert load_settings(config, env={}).queue_url == "redis://file:6379/0"
    assert load_settings(config, env={}).queue_prefix == "team"
    env = {"BANWATCH_QUEUE": "redis://env:6379/1", "BANWATCH_QUEUE_PREFIX": "other"}
    settings = load_settings(config, env=env)
    assert (settings.queue_url, settings.queue_prefix) == ("redis://env:6379/1", "other")
    assert load_settings(tmp_path / "banwatch.toml", env={}).db_url  # no queue: as before


@pytest.mark.parametrize("url", ["http://host:6379", "redis://", "redis://host:port/0",
                                 "redis://host:6379/zero"])
def test_a_bad_queue_url_is_one_line(tmp_path: Path, url: str) -> None:
    config = tmp_path / "banwatch.toml"
    config.write_text(f'[queue]\nurl = "{url}"\n')
    with pytest.raises(ConfigError, match="queue URL"):
        load_settings(config, env={})
    result = CliRunner().invoke(app, ["--db", "sqlite:///x.db", "worker", "--queue", url])
    assert result.exit_code == 2
    assert "queue URL" in result.output and "Traceback" not in result.output


def test_a_worker_needs_a_queue_and_postgresql(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BANWATCH_QUEUE", raising=False)
    db = f"sqlite:///{tmp_path / 'x.db'}"
    result = CliRunner().invoke(app, ["--db", db, "worker"])
    assert result.exit_code == 2 and "no queue" in result.output
    result = CliRunner().invoke(app, ["--db", db, "worker", "--queue", "redis://h:6379/0"])
    assert result.exit_code == 2 and "PostgreSQL" in result.output
    assert "Traceback" not in result.output


def test_outcomes_add_up_over_workers() -> None:
    seeder = {
        "outcomes": {"a": {"error": "feed: broken", "documents": 1, "links": 0},
                     "b": {"documents": 1, "links": 120, "etag": '"v2"',
                           "article_errors": {"timeout": 1}}},
        "root_successes": {"b": 1},
        "stats": {"banwatch/articles/new": 70, "elapsed_time_seconds": 9.0,
                  "banwatch/errors/source": 1},
    }
    other = {
        "outcomes": {"b": {"documents": 0, "links": 0, "article_errors": {"timeout": 2}}},
        "root_successes": {},
        "stats": {"banwatch/articles/new": 50, "elapsed_time_seconds": 7.5,
                  "banwatch/errors/source": 1},
    }
    merged = merge_outcomes([seeder, other])
    assert not merged["a"].ok and merged["a"].error == "feed: broken"
    assert merged["b"].ok and merged["b"].etag == '"v2"' and merged["b"].error is None
    assert merged["b"].article_errors == {"timeout": 3} and merged["b"].links == 120
    stats = sum_stats([seeder, other], failed_sources=1)
    assert stats["banwatch/articles/new"] == 120
    assert stats["elapsed_time_seconds"] == 9.0  # the longest, not the sum
    assert stats["banwatch/errors/source"] == 1  # once, not once per worker
