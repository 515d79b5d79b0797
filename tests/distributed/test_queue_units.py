"""The queue setting and the coordinator's sums, without Redis or workers."""

from __future__ import annotations

import time
import uuid
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


def test_a_sites_slot_is_shared_and_holds_off_after_retry_after() -> None:
    """The site slot's scripts on the real Redis: the limit, the delay, Retry-After."""
    redis = pytest.importorskip("redis")
    from banwatch.crawler.site_gate import HOLD_OFF, TAKE_PLACE

    server = redis.Redis.from_url("redis://127.0.0.1:6379/0", socket_connect_timeout=2)
    try:
        server.ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis not reachable at 127.0.0.1:6379: {type(exc).__name__}")
    base = f"bwtest-{uuid.uuid4().hex[:10]}:site:example.org"
    keys = [f"{base}:places", f"{base}:next"]
    take, hold_off = server.register_script(TAKE_PLACE), server.register_script(HOLD_OFF)
    try:
        # Two workers, limit 2, no delay: two places, then the third asker waits.
        assert take(keys=keys, args=[2, 0, 5000, "w1:0"]) == 0
        assert take(keys=keys, args=[2, 0, 5000, "w2:0"]) == 0
        assert take(keys=keys, args=[2, 0, 5000, "w1:1"]) > 0
        server.zrem(keys[0], "w2:0")  # a download ends
        assert take(keys=keys, args=[2, 0, 5000, "w1:1"]) == 0
        server.delete(keys[0])
        # A delay of 10 s: the next start waits about that long, whoever asks.
        assert take(keys=keys, args=[8, 10_000, 5000, "w1:2"]) == 0
        assert 9_000 < take(keys=keys, args=[8, 10_000, 5000, "w2:1"]) <= 10_000
        server.delete(*keys)
        # A Retry-After of 30 s seen by one worker holds every worker off.
        hold_off(keys=[keys[1]], args=[30_000])
        assert 29_000 < take(keys=keys, args=[8, 0, 5000, "w2:2"]) <= 30_000
        # An expired place (a killed worker's) is freed by the next asker.
        server.delete(*keys)
        assert take(keys=keys, args=[1, 0, 50, "dead:0"]) == 0
        time.sleep(0.1)
        assert take(keys=keys, args=[1, 0, 5000, "w1:3"]) == 0
    finally:
        server.delete(*keys)
