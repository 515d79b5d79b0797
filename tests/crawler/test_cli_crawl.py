"""`banwatch crawl` with ad-hoc sources: the summary and one health line per source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from banwatch.cli import _adhoc_sources, app

pytestmark = pytest.mark.slow


def test_adhoc_sources_are_named_by_kind_and_url() -> None:
    sources = _adhoc_sources(["http://a.example/f"], ["http://a.example/p"], [], True)
    assert [(s.name, s.kind, s.allow_private) for s in sources] == [
        ("feed:http://a.example/f", "feed", True),
        ("page:http://a.example/p", "page", True),
    ]


def test_crawl_adhoc_feeds_prints_the_run_and_each_source(bad_site: Any, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'banwatch.db'}"
    good, gone = f"{bad_site.base}/feeds/second.xml", f"{bad_site.base}/feeds/gone.xml"
    result = CliRunner().invoke(
        app,
        ["--db", db, "crawl", "--feed", good, "--feed", gone, "--allow-private", "--no-extract"],
        env={"COLUMNS": "250"},
    )
    assert result.exit_code == 0, result.output
    output = result.output
    assert "articles_new" in output and "errors: http_410" in output
    assert f"feed:{gone}" in output and "HTTP 410" in output
    assert f"feed:{good}" in output

    listed = CliRunner().invoke(app, ["--db", db, "articles", "--format", "jsonl"])
    assert listed.exit_code == 0
    assert listed.output.count('"canonical_url"') == 2


def test_crawl_refuses_loopback_without_allow_private(bad_site: Any, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'banwatch.db'}"
    feed = f"{bad_site.base}/feeds/second.xml"
    result = CliRunner().invoke(
        app, ["--db", db, "crawl", "--feed", feed, "--no-extract"], env={"COLUMNS": "250"}
    )
    assert result.exit_code == 0, result.output
    assert "non-public address" in result.output


def test_the_job_hands_topic_keywords_to_search_sources(bad_site, tmp_path, extractor) -> None:
    """What the scheduler runs (run_crawl_job) fills {query} from the configured topics."""
    from banwatch.config import Settings, SourceConfig
    from banwatch.extract.topics import Topic
    from banwatch.jobs import run_crawl_job

    topic = Topic("fr", "facial recognition", ("facial recognition",), ("face ban", "pause"))
    search = SourceConfig(
        "search", "search", f"{bad_site.base}/search?q={{query}}", allow_private=True
    )
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'k.db'}", topics=(topic,))
    bad_site.clear()
    result = run_crawl_job(settings, [search], extractor=extractor)
    assert result.sources["search"]["ok"], result.sources["search"]
    queries = sorted(hit.query["q"][0] for hit in bad_site.requests_to("/search"))
    assert queries == ["face ban", "pause"]
