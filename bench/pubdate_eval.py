"""Publication dates: banwatch's stored day against htmldate's and trafilatura's on the same HTML.

The 995 pages of htmldate's evaluation sets (``shared/data/htmldate-eval``:
``pages/<n>.html.gz`` and ``gold.json``, ``{"<n>": {"set": ..., "date":
"YYYY-MM-DD"}}``) are served on loopback behind one RSS feed whose entries
carry no date, and crawled by banwatch -- the real spider, child process,
decoding, ``parse_article`` in the worker pool, validation and storage. The
score is the benchmark's own: the exact day over all pages, a page without a
date (or one banwatch refused to store) counting as wrong. banwatch's day is
the one it stores for relative dates to resolve from (``articles.published_date``,
the publisher's local day). Beside it, on the same bytes:
``htmldate.find_date(original_date=True, extensive_search=True)`` and
trafilatura's metadata date (``trafilatura.extract_metadata``).

    .venv/bin/python bench/pubdate_eval.py
    .venv/bin/python bench/pubdate_eval.py --no-crawl   # parse_article on the bytes, no HTTP
    .venv/bin/python bench/pubdate_eval.py --show       # list the pages banwatch gets wrong
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import htmldate
import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawl_text_quality import crawl_with_banwatch  # noqa: E402 -- the loopback crawl

from banwatch.crawler.articles import NoArticleText, parse_article  # noqa: E402
from banwatch.store.models import Article  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_DATA = SHARED / "data" / "htmldate-eval"

Days = dict[str, date | None]


def stored_day(article: Article) -> date | None:
    return article.published_date


def banwatch_parse(key: str, body: bytes) -> date | None:
    """The day ``parse_article`` gives, as the crawl would store it."""
    try:
        return parse_article(body, f"http://127.0.0.1/pages/{key}.html").published_date
    except NoArticleText:
        return None


def htmldate_extensive(key: str, body: bytes) -> date | None:
    found = htmldate.find_date(body, original_date=True, extensive_search=True)
    return date.fromisoformat(found) if found else None


def trafilatura_metadata(key: str, body: bytes) -> date | None:
    found = trafilatura.extract_metadata(body).date
    return date.fromisoformat(found[:10]) if found else None


def run_function(
    pages: dict[str, bytes], find: Callable[[str, bytes], date | None]
) -> tuple[Days, float]:
    started = time.perf_counter()
    days = {key: find(key, body) for key, body in pages.items()}
    return days, time.perf_counter() - started


def accuracy(gold: dict[str, date], days: Days) -> float:
    """Exact day over all gold pages; a missing day is wrong."""
    return sum(days.get(key) == day for key, day in gold.items()) / len(gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-crawl", action="store_true", help="parse_article only, no crawl")
    parser.add_argument("--show", action="store_true", help="list banwatch's wrong pages")
    args = parser.parse_args()
    if not (args.data / "gold.json").is_file():
        sys.exit(f"no evaluation set at {args.data} (expected gold.json and pages/)")
    gold_data = json.loads((args.data / "gold.json").read_text(encoding="utf-8"))
    gold = {key: date.fromisoformat(value["date"]) for key, value in gold_data.items()}
    pages = {
        key: gzip.decompress((args.data / "pages" / f"{key}.html.gz").read_bytes()) for key in gold
    }
    print(f"{len(pages)} pages from {args.data}")
    print(f"{'':44} {'exact day':>9} {'seconds':>8}")

    def show(label: str, days: Days, seconds: float) -> float:
        score = accuracy(gold, days)
        print(f"{label:44} {score:9.4f} {seconds:8.1f}")
        return score

    baseline = show(
        "htmldate.find_date(extensive, original)", *run_function(pages, htmldate_extensive)
    )
    show("trafilatura.extract_metadata", *run_function(pages, trafilatura_metadata))
    if args.no_crawl:
        days, seconds = run_function(pages, banwatch_parse)
        label = "banwatch parse_article (direct)"
    else:
        started = time.perf_counter()
        days, stats = crawl_with_banwatch(pages, stored_day)
        seconds = time.perf_counter() - started
        label = "banwatch crawl (spider, pool, store)"
    ours = show(label, days, seconds)
    if not args.no_crawl:
        not_stored = sum(key not in days for key in gold)
        print(
            f"crawl stored {len(gold) - not_stored} of {len(gold)} pages"
            f" ({not_stored} not stored; errors: {stats.get('errors') or 'none'})"
        )
    undated = sum(days.get(key) is None for key in gold)
    print(f"banwatch: {undated} pages without a stored day (refused or undated)")
    print(
        f"\nexact day: banwatch {ours:.4f} vs htmldate {baseline:.4f}: ratio {ours / baseline:.3f}"
    )
    if args.show:
        for key, day in sorted(gold.items(), key=lambda item: int(item[0])):
            if days.get(key) != day:
                print(f"  {key}: gold {day}, banwatch {days.get(key)}")


if __name__ == "__main__":
    main()
