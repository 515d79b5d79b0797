"""A source URL that is not one: refused when the configuration is read, skipped when crawled.

``banwatch crawl --feed GOOD --feed not-a-url --feed GOOD`` used to crawl the
first feed only: Scrapy raised inside the spider's ``start()`` and every
source after the bad one was recorded as "no response", with exit status 0,
``runs --check`` 0, and the traceback thrown away with the child's stderr.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from banwatch.cli import app
from banwatch.config import ConfigError, load_settings
from banwatch.store.db import create_db_engine, session_scope
from banwatch.store.models import CrawlRun

BAD_URLS = {
    "missing-scheme": ("not-a-url", "is not an http(s) URL"),
    "bad-ipv6": ("http://[::1", "cannot be read as a URL (Invalid IPv6 URL)"),
    "empty": ("", "is empty"),
}


@pytest.mark.parametrize(
    ("kind", "url", "reason"),
    [
        ("feed", "www.example.org/rss", "is not an http(s) URL"),
        ("feed", "http://[::1/rss", "cannot be read as a URL"),
        ("sitemap", "https://example.org:99999/sitemap.xml", "cannot be read as a URL"),
        ("page", "ftp://example.org/news", "is not an http(s) URL"),
        ("search", "https://news.example.org/rss?q=ban", "has no {query} placeholder"),
    ],
)
def test_a_bad_url_in_banwatch_toml_is_a_configuration_error_naming_the_source(
    tmp_path: Path, kind: str, url: str, reason: str
) -> None:
    config = tmp_path / "banwatch.toml"
    config.write_text(
        '[[sources]]\nname = "fine"\nurl = "https://example.org/rss"\n\n'
        f'[[sources]]\nname = "typo"\nkind = "{kind}"\nurl = "{url}"\n'
    )
    with pytest.raises(ConfigError) as raised:
        load_settings(config, env={})
    message = str(raised.value)
    assert message.startswith(f"source 'typo' (#2): url {url!r} "), message
    assert reason in message

    result = CliRunner().invoke(app, ["--config", str(config), "runs", "--check"])
    assert result.exit_code == 2
    assert "configuration error" in result.output and "'typo'" in result.output


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(BAD_URLS))
def test_a_bad_adhoc_url_is_recorded_and_skipped_and_the_others_are_crawled(
    bad_site: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    monkeypatch.chdir(tmp_path)  # no banwatch.toml: only the ad-hoc sources
    bad, reason = BAD_URLS[case]
    first, last = f"{bad_site.base}/feeds/second.xml", f"{bad_site.base}/feeds/entities.xml"
    db = f"sqlite:///{tmp_path / 'banwatch.db'}"
    runner = CliRunner()
    crawled = runner.invoke(
        app,
        ["--db", db, "crawl", "--no-extract", "--allow-private"]
        + ["--feed", first, "--feed", bad, "--feed", last],
        env={"COLUMNS": "250"},
    )
    assert crawled.exit_code == 0, crawled.output
    assert reason in crawled.output

    listed = runner.invoke(app, ["--db", db, "runs", "--format", "jsonl"])
    records = [json.loads(line) for line in listed.output.splitlines()]
    (run,) = [r for r in records if r["record"] == "run"]
    assert run["status"] == "succeeded"
    assert run["unusable_sources"] == [f"feed:{bad}"]
    assert run["articles_new"] == 3, "both good feeds were crawled (2 + 1 articles)"
    sources = {r["name"]: r for r in records if r["record"] == "source"}
    assert sources[f"feed:{first}"]["last_success_at"] is not None
    assert sources[f"feed:{last}"]["last_success_at"] is not None, "the source after the bad one"
    assert reason in sources[f"feed:{bad}"]["last_error"]

    check = runner.invoke(app, ["--db", db, "runs", "--check"], env={"COLUMNS": "250"})
    assert check.exit_code == 1, check.output
    assert "bad source URL" in check.output


@pytest.mark.slow
def test_what_the_crawl_logged_is_kept_on_the_run(
    bad_site: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child's stderr used to be thrown away whenever it exited 0."""
    monkeypatch.chdir(tmp_path)
    db = f"sqlite:///{tmp_path / 'banwatch.db'}"
    good = f"{bad_site.base}/feeds/second.xml"
    result = CliRunner().invoke(
        app,
        ["--db", db, "crawl", "--no-extract", "--allow-private", "--feed", "not-a-url"]
        + ["--feed", good],
    )
    assert result.exit_code == 0, result.output
    engine = create_db_engine(db)
    with session_scope(engine) as session:
        (run,) = session.scalars(select(CrawlRun)).all()
        tail = run.stats["crawl_log_tail"]
    engine.dispose()
    assert "source feed:not-a-url failed: URL 'not-a-url' is not an http(s) URL" in tail
