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
