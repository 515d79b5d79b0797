"""Crawl throughput: articles per second end to end, beside trafilatura alone (the ceiling).

Generates a local news site of 2,000 articles behind 20 RSS feeds
(``bench/crawl_site.py``), serves it on loopback, and crawls it with banwatch's
real crawler (child process, robots.txt, AutoThrottle, the SSRF guard, text
extraction in worker processes, SQLite storage) into a fresh database. The
ceiling is ``trafilatura.extract`` on the same pages in one process, one core;
the target is a crawl rate of at least 80% of twice that (two cores).
``parse_article`` alone in one process is printed too: it is the work each
page really costs (trafilatura plus metadata, canonical URL, dates).

    .venv/bin/python bench/crawl_throughput.py
    .venv/bin/python bench/crawl_throughput.py --articles 500 --feeds 5   # quick
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from crawl_site import served_site  # noqa: E402

from banwatch.config import Settings  # noqa: E402
from banwatch.crawler.articles import parse_article  # noqa: E402
from banwatch.jobs import run_crawl_job  # noqa: E402


def rate_of(label: str, pages: list[bytes], work: object) -> float:
    started = time.perf_counter()
    for index, page in enumerate(pages):
        work(page, index)  # type: ignore[operator]
    seconds = time.perf_counter() - started
    rate = len(pages) / seconds
    print(f"{label:<44} {len(pages):>5} pages {seconds:7.1f} s {rate:7.1f} pages/s")
    return rate


def trafilatura_alone(page: bytes, index: int) -> None:
    trafilatura.extract(page.decode("utf-8"))


def banwatch_parse(page: bytes, index: int) -> None:
    parse_article(page, f"http://127.0.0.1/articles/{index}.html", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=-1, help="BANWATCH_PARSE_WORKERS")
    parser.add_argument(
        "--unthrottled",
        action="store_true",
        help="AutoThrottle off and 32 requests at once on the one host: what the machine can"
        " do, rather than what banwatch allows itself on one site",
    )
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    with (
        tempfile.TemporaryDirectory(prefix="banwatch-bench-") as scratch,
        served_site(Path(scratch), args.articles, args.feeds) as (site, base_url, pages),
    ):
        print(f"machine: {cores} cores, load average {os.getloadavg()[0]:.2f}")
        before = rate_of("trafilatura.extract, one process", pages, trafilatura_alone)
        single = rate_of("banwatch parse_article, one process", pages, banwatch_parse)

        settings = Settings(db_url=f"sqlite:///{Path(scratch) / 'bench.db'}")
        started = time.perf_counter()
        result = run_crawl_job(
            settings,
            site.sources(base_url),
            extract=False,
            scrapy_overrides={
                "BANWATCH_PARSE_WORKERS": args.workers,
                **(
                    {"AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 32}
                    if args.unthrottled
                    else {}
                ),
            },
        )
        wall = time.perf_counter() - started
        after = rate_of("trafilatura.extract, one process (again)", pages, trafilatura_alone)

    stats = result.stats
    stored = stats.get("articles_new", 0)
    failed = {k: v for k, v in stats.get("errors", {}).items() if v}
    ceiling = (before + after) / 2
    end_to_end = stored / wall
    crawling = stored / max(stats.get("spider_seconds", wall), 1e-9)
    print()
    print(f"crawl: {result.status}, {stats.get('requests')} requests, {stored} articles stored,")
    print(f"       CPU: crawl process {stats.get('crawl_cpu_seconds')} s (start-up included),"
          f" extraction workers {stats.get('parse_cpu_seconds')} s")
    print(f"       errors {failed or 'none'}")
    print(f"crawl end to end (process start to run row)  {wall:7.1f} s {end_to_end:7.1f} art/s")
    print(f"crawl, spider open to close                  {stats.get('spider_seconds'):7.1f} s"
          f" {crawling:7.1f} art/s")
    print()
    target = 0.8 * cores * ceiling
    print(f"ceiling: trafilatura alone, mean of the two runs: {ceiling:.1f} pages/s on one core")
    print(f"target:  0.8 x {cores} cores x {ceiling:.1f} = {target:.1f} articles/s")
    print(f"ratio end to end / ({cores} x ceiling):       {end_to_end / (cores * ceiling):.2f}")
    print(f"ratio spider time / ({cores} x ceiling):      {crawling / (cores * ceiling):.2f}")
    print(f"ratio end to end / (2 x parse_article alone): {end_to_end / (cores * single):.2f}")
    print("target met" if end_to_end >= target else "target NOT met (end to end)")


if __name__ == "__main__":
    main()
