"""One crawl of saved pages, checked against what ``banwatch extract`` reads from the same files.

The pages are the parsing fixtures, served from a folder on loopback behind one
feed; the crawl is the real one (child process, spider, worker pool, store).
The same crawl shows that stories in Chinese and Japanese are stored, with the
day their publisher dated them.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from banwatch.extract.text import read_input
from banwatch.jobs import JobResult
from banwatch.sample_site import serve_sample_site
from banwatch.store.db import create_db_engine, session_scope
from banwatch.store.models import Article

from .conftest import rss, source

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parent.parent / "data" / "crawler"
SAVED_PAGES = (
    "article_basic.html",
    "article_broken.html",
    "article_cp1252_no_charset.html",
    "article_meta_charset_latin1.html",
    "article_chinese.html",
    "article_japanese.html",
)


def crawl_folder(
    crawl: Callable[..., JobResult], folder: Path, pages: list[str], db_url: str
) -> dict[str, Article]:
    """Serve ``pages`` from ``folder`` behind one feed, crawl them, and return what was stored."""
    items = [(f"{{{{BASE_URL}}}}/{name}", name) for name in pages]
    (folder / "feed.xml").write_text(rss(items), encoding="utf-8")
    (folder / "index.html").write_text("<html><body>saved pages</body></html>", encoding="utf-8")
    with serve_sample_site(folder) as base:
        result = crawl(db_url, [source("saved", "feed", f"{base}/feed.xml")])
    assert result.status == "succeeded", result.error
    engine = create_db_engine(db_url)
    with session_scope(engine) as session:
        stored = {a.url.rsplit("/", 1)[-1]: a for a in session.scalars(select(Article))}
    engine.dispose()
    return stored


def test_extract_reads_a_saved_page_as_the_crawl_stored_it(
    crawl: Callable[..., JobResult], tmp_path: Path
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for name in SAVED_PAGES:
        shutil.copy(DATA / name, site / name)
    stored = crawl_folder(crawl, site, list(SAVED_PAGES), f"sqlite:///{tmp_path / 'b.db'}")
    assert sorted(stored) == sorted(SAVED_PAGES)
    for name in SAVED_PAGES:
        assert read_input(DATA / name) == stored[name].text, name
    # Published past midnight in Beijing and Tokyo: the day before in UTC.
    assert stored["article_chinese.html"].published_date == date(2021, 8, 21)
    assert stored["article_chinese.html"].published_at == datetime(2021, 8, 20, 16, 40, tzinfo=UTC)
    assert stored["article_japanese.html"].published_date == date(2021, 9, 22)
