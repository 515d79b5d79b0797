"""Distributed crawl: articles per second with 1 and 2 ``banwatch worker`` processes.

Crawls the 2,000-article site of ``bench/crawl_site.py`` (20 feeds, one host,
served on loopback) through Redis (127.0.0.1:6379) into a fresh PostgreSQL
schema (127.0.0.1:5432), once with one worker and once with two, each run a
``banwatch crawl --queue`` in this process. Prints articles per second (run
start to run end, worker start-up excluded: the workers are already up, as in
production), the ratio, the workers' CPU per article (their crawl children and
text-extraction processes included) beside ``trafilatura.extract`` alone, the
Redis memory a queued request costs, and, on paper from these figures, what
100,000 feeds a day would need.

The run is unthrottled by default (AutoThrottle off, 32 requests at once on
the one host, enforced over all workers by the Redis site slot): the question
is what the workers can do, not how hard banwatch allows itself to hit one
site; ``--polite`` keeps the default limits.

Measured here, 2026-12-05, 2 cores shared with two other engineers' work
(load average 2.0-3.0 throughout; noisy, as the spread shows):

    trafilatura.extract alone       448-461 pages/s, 2.2 ms of CPU per page
    1 worker                        74-118 articles/s
    2 workers (same 2 cores)        92-117 articles/s   ratio 0.99-1.25
    workers' CPU per article        8.6-10.7 ms (fetch, parse, extract, store;
                                    the 2 extraction processes per worker included)
    Redis                           1.26-1.43 KB per queued request at the peak,
                                    0.2-0.3 ms of Redis CPU per article
    paper, 100,000 feeds x 10 new articles a day within a 4-hour window:
        69 articles/s -> 0.7 core of worker CPU: two 2-core worker machines
        (one worker each; headroom and a spare), Redis <= 1.6 GiB if every link
        of the night is queued at once (give it 2 GiB), PostgreSQL ~70 article
        rows/s, one commit each, during the window.

On two cores the second worker has no core of its own (one worker's two
extraction processes already fill them), so the ratio says that sharing one
queue costs little, not how a second machine scales; a second machine adds
its cores' worth (CPU per article is the figure to size with).

    .venv/bin/python bench/crawl_distributed.py
    .venv/bin/python bench/crawl_distributed.py --articles 500 --feeds 5   # quick
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import redis
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from crawl_site import served_site  # noqa: E402
from crawl_throughput import rate_of, trafilatura_alone  # noqa: E402

from banwatch.config import Settings  # noqa: E402
from banwatch.jobs import run_crawl_job  # noqa: E402

PG_URL = os.environ.get("BANWATCH_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("BANWATCH_BENCH_REDIS", "redis://127.0.0.1:6379/0")
BANWATCH = str(Path(sys.executable).parent / "banwatch")
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """A process's CPU, its waited-for children's included (``/proc/<pid>/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / TICKS


def settled_cpu_seconds(pid: int, timeout: float = 30) -> float:
    """``cpu_seconds`` once the worker has reaped its crawl child (so that it counts)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    deadline = time.monotonic() + timeout
    while children.read_text().strip() and time.monotonic() < deadline:
        time.sleep(0.1)
    return cpu_seconds(pid)


class RedisWatch:
    """Samples Redis' memory and the run's queue length while a run goes."""

    def __init__(self, server: redis.Redis, prefix: str) -> None:
        self.server, self.prefix = server, prefix
        self.base = int(server.info("memory")["used_memory"])
        self.peak_bytes = 0
        self.peak_queued = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()

    def sample(self) -> None:
        while not self.stop.wait(0.1):
            queued = sum(
                int(self.server.llen(key))
                for key in self.server.scan_iter(match=f"{self.prefix}:run:*:queue")
            )
            used = int(self.server.info("memory")["used_memory"]) - self.base
            if queued > self.peak_queued:
                self.peak_queued, self.peak_bytes = queued, used

    def close(self) -> None:
        self.stop.set()
        self.thread.join()


def crawl_with_workers(count: int, site, base_url: str, polite: bool) -> dict:
    """One run with ``count`` workers into a fresh schema; its figures."""
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    db_url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "BANWATCH_QUEUE_PREFIX": prefix}
    env.pop("BANWATCH_CONFIG", None)
    server = redis.Redis.from_url(REDIS_URL)
    workers = [
        subprocess.Popen(
            [BANWATCH, "--db", db_url, "worker", "--queue", REDIS_URL],
            stdout=subprocess.DEVNULL,
            env=env,
            cwd=tempfile.gettempdir(),
        )
        for _ in range(count)
    ]
    try:
        time.sleep(4)  # the workers are up and waiting, as in production
        cpu_before = sum(cpu_seconds(w.pid) for w in workers)
        redis_cpu = server.info("cpu")
        watch = RedisWatch(server, prefix)
        overrides = (
            {} if polite else {"AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS_PER_DOMAIN": 32}
        )
        settings = Settings(db_url=db_url, queue_url=REDIS_URL, queue_prefix=prefix)
        started = time.perf_counter()
        result = run_crawl_job(
            settings, site.sources(base_url), extract=False, scrapy_overrides=overrides
        )
        wall = time.perf_counter() - started
        watch.close()
        workers_cpu = sum(settled_cpu_seconds(w.pid) for w in workers) - cpu_before
        redis_after = server.info("cpu")
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        for worker in workers:
            worker.wait(timeout=60)
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    stored = int(result.stats.get("articles_new", 0))
    return {
        "status": result.status,
        "stored": stored,
        "wall": wall,
        "rate": stored / wall,
        "cpu_ms": 1000 * workers_cpu / max(stored, 1),
        "redis_cpu_ms": 1000
        * sum(redis_after[k] - redis_cpu[k] for k in ("used_cpu_sys", "used_cpu_user"))
        / max(stored, 1),
        "peak_queued": watch.peak_queued,
        "bytes_per_request": watch.peak_bytes / max(watch.peak_queued, 1),
        "errors": {k: v for k, v in result.stats.get("errors", {}).items() if v},
    }


def paper(rate_one: float, cpu_ms: float, bytes_per_request: float, args) -> None:
    """What ``args.feeds_per_day`` feeds would need, from the measured figures."""
    articles = args.feeds_per_day * args.articles_per_feed
    window = args.window_hours * 3600
    needed = articles / window
    per_core = 1000 / cpu_ms
    cores = needed / per_core
    queued = articles + args.feeds_per_day  # at worst every link is queued at once
    redis_gib = queued * (bytes_per_request + 100) / 2**30  # + the run's link set
    print(
        f"paper: {args.feeds_per_day:,} feeds x {args.articles_per_feed} new articles a day,"
        f" crawled within {args.window_hours:g} h -> {needed:.0f} articles/s"
    )
    print(f"       CPU {cpu_ms:.1f} ms/article -> {per_core:.0f} articles/s per core,"
          f" {cores:.1f} cores: {max(1, round(cores / 2 + 0.49))} machine(s) of 2 cores"
          f" (one measured worker gives {rate_one:.0f} articles/s)")
    print(f"       Redis at worst {queued:,} queued requests -> {redis_gib:.1f} GiB")
    print(f"       PostgreSQL ~{needed:.0f} article rows/s (one commit each) in the window")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--polite", action="store_true", help="keep the default site limits")
    parser.add_argument("--feeds-per-day", type=int, default=100_000)
    parser.add_argument("--articles-per-feed", type=float, default=10)
    parser.add_argument("--window-hours", type=float, default=4)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="banwatch-bench-") as scratch,
        served_site(Path(scratch), args.articles, args.feeds) as (site, base_url, pages),
    ):
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        alone = rate_of("trafilatura.extract, one process", pages, trafilatura_alone)
        runs = {}
        for count in (1, 2):
            runs[count] = figures = crawl_with_workers(count, site, base_url, args.polite)
            print(f"{count} worker(s): {figures['status']}, {figures['stored']} articles in"
                  f" {figures['wall']:.1f} s = {figures['rate']:.1f} articles/s;"
                  f" workers' CPU {figures['cpu_ms']:.1f} ms/article, Redis CPU"
                  f" {figures['redis_cpu_ms']:.2f} ms/article; peak queue"
                  f" {figures['peak_queued']} requests, {figures['bytes_per_request']:.0f}"
                  f" bytes each; errors {figures['errors'] or 'none'};"
                  f" load {os.getloadavg()[0]:.2f}")
    one, two = runs[1], runs[2]
    print()
    print(f"2 workers / 1 worker: {two['rate'] / one['rate']:.2f}")
    cpu_ms = (one["cpu_ms"] + two["cpu_ms"]) / 2
    print(f"CPU per article: {cpu_ms:.1f} ms (workers) vs trafilatura alone"
          f" {1000 / alone:.1f} ms")
    per_request = max(one["bytes_per_request"], two["bytes_per_request"])
    paper(one["rate"], cpu_ms, per_request, args)


if __name__ == "__main__":
    main()
