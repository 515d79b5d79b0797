"""Incremental crawl: the second crawl of an unchanged site, in requests and seconds.

Generates the same site as ``bench/crawl_throughput.py`` (2,000 articles behind
20 RSS feeds), crawls it once into a fresh database, then again. The second
crawl should cost one conditional request per source (each answered 304) plus
robots.txt once for the host, and fetch no article.

    .venv/bin/python bench/crawl_incremental.py
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from crawl_site import generate_site  # noqa: E402

from banwatch.config import Settings  # noqa: E402
from banwatch.jobs import run_crawl_job  # noqa: E402
from banwatch.sample_site import serve_sample_site  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--feeds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="banwatch-bench-") as scratch:
        site = generate_site(Path(scratch) / "site", args.articles, args.feeds)
        settings = Settings(db_url=f"sqlite:///{Path(scratch) / 'bench.db'}")
        with serve_sample_site(site.root) as base_url:
            runs = []
            for label in ("first crawl", "second crawl"):
                started = time.perf_counter()
                result = run_crawl_job(settings, site.sources(base_url), extract=False)
                runs.append((label, result, time.perf_counter() - started))
    print(f"site: {site.articles} articles behind {site.feeds} feeds (one host)")
    header = f"{'requests':>8} {'304s':>5} {'new':>5} {'known':>6} {'seconds':>8} {'spider s':>8}"
    print(f"{'':14} {header}")
    for label, result, seconds in runs:
        stats = result.stats
        print(
            f"{label:14} {stats['requests']:>8} {stats['not_modified']:>5}"
            f" {stats['articles_new']:>5} {stats['articles_skipped']:>6} {seconds:8.1f}"
            f" {stats['spider_seconds']:8.1f}"
        )
    second = runs[1][1].stats
    expected = site.feeds + 1
    articles_fetched = second["requests"] - second["not_modified"] - 1
    print(
        f"\nsecond crawl: {second['requests']} requests (target {expected}: one per feed"
        f" + robots.txt), {max(0, articles_fetched)} article fetches (target 0)"
    )
    met = second["requests"] == expected and second["articles_new"] == 0
    print("target met" if met else "target NOT met")


if __name__ == "__main__":
    main()
