"""Two ``banwatch worker`` processes crawl one run with real Redis and PostgreSQL.

Each article is fetched once and stored once, the site never has more
requests in flight than one worker may open on it, and a worker killed with
SIGKILL mid-run loses nothing: its requests are taken up by another worker in
the same run, which ends "succeeded", not "running".

The site (320 articles behind four overlapping feeds, served on loopback)
counts how often each path was fetched and the most requests it had in
flight at once: what the workers, all together, did to it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from banwatch.crawler.settings import scrapy_settings
from banwatch.store.db import upgrade_database
from banwatch.store.models import Article, CrawlRun

ARTICLES = 320
FEEDS = 4
FEED_SIZE = 120  # feed k lists articles 80k .. 80k+119 (mod 320): neighbours overlap
ARTICLE_SECONDS = 0.02  # each article takes this long, so that requests overlap
REDIS_URL = "redis://127.0.0.1:6379/0"
BANWATCH = str(Path(sys.executable).parent / "banwatch")

CITIES = ["Lisbon", "Tallinn", "Quito", "Accra", "Osaka", "Perth", "Bergen", "Tucson"]
THINGS = ["facial recognition", "delivery drones", "e-scooters", "gene drives"]


def _redis_reason() -> str | None:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except Exception as exc:  # noqa: BLE001 -- any failure means: skip, and say why
        return f"Redis not reachable at {REDIS_URL}: {type(exc).__name__}"
    return None


REDIS_SKIP_REASON = _redis_reason()


def article_html(i: int) -> bytes:
    """An article page of my own words: a headline, four paragraphs, navigation around."""
    city, thing = CITIES[i % len(CITIES)], THINGS[i % len(THINGS)]
    paragraphs = [
        f"The council of {city} voted on Tuesday, in session number {i}, to pause the use of"
        f" {thing} by municipal departments until a public review is finished next year.",
        f"Supporters said the pause number {i} gives residents time to weigh the costs, while"
        f" opponents argued that {thing} had already saved money in {city} and elsewhere.",
        f"The motion, filed as item {i * 7} on the agenda, passed by a narrow margin after a"
        " long debate in which several members changed their minds at the last minute.",
        f"Officials will now draft rules describing when, if ever, {thing} may return to"
        f" service, and a report on the matter is expected before the summer of {2000 + i}.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{city} pauses {thing} ({i})</title>"
        f'<link rel="canonical" href="/news/{i}"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{city} pauses {thing}, story {i}</h1>{body}</article>"
        "<footer>Copyright the Loopback Gazette</footer></body></html>"
    ).encode()


def feed_xml(k: int, base: str) -> bytes:
    items = "".join(
        f"<item><title>Story {i}</title><link>{base}/news/{i}</link>"
        f"<guid>{base}/news/{i}</guid></item>"
        for i in ((80 * k + n) % ARTICLES for n in range(FEED_SIZE))
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>'
        f"<link>{base}/</link><description>feed {k}</description>{items}</channel></rss>"
    ).encode()


@dataclass
class Site:
    """The served site and what was done to it."""

    base: str
    fetched: Counter[str] = field(default_factory=Counter)
    in_flight: int = 0
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        with self.lock:
            self.fetched.clear()
            self.most_in_flight = 0

    def feeds(self) -> list[str]:
        return [f"{self.base}/feeds/{k}.xml" for k in range(FEEDS)]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 -- the stdlib's name
            with site.lock:
                site.fetched[self.path] += 1
                site.in_flight += 1
                site.most_in_flight = max(site.most_in_flight, site.in_flight)
            try:
                self._answer()
            finally:
                with site.lock:
                    site.in_flight -= 1

        def _answer(self) -> None:
            path = self.path
            if path == "/robots.txt":
                self._send(200, "text/plain", b"User-agent: *\nAllow: /\n")
            elif path.startswith("/feeds/"):
                self._send(200, "application/rss+xml", feed_xml(int(path[7:-4]), site.base))
            elif path.startswith("/news/"):
                time.sleep(ARTICLE_SECONDS)
                self._send(200, "text/html; charset=utf-8", article_html(int(path[6:])))
            else:
                self._send(404, "text/plain", b"no such page")

        def _send(self, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(Site("")))
    server.daemon_threads = True
    # A killed worker's connections are reset: expected, not worth a traceback.
    server.handle_error = lambda request, address: None  # type: ignore[method-assign]
    site = Site(f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = _handler(site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture
def queue_prefix() -> Iterator[str]:
    """A Redis key prefix of the test's own; its keys are deleted afterwards."""
    if REDIS_SKIP_REASON:
        pytest.skip(REDIS_SKIP_REASON)
    import redis

    prefix = f"bwtest-{uuid.uuid4().hex[:10]}"
    yield prefix
    server = redis.Redis.from_url(REDIS_URL)
    names = list(server.scan_iter(match=f"{prefix}:*", count=1000))
    if names:
        server.delete(*names)


@dataclass
class Worker:
    process: subprocess.Popen[str]
    log: Path

    def crawl_pids(self) -> list[int]:
        """The crawl children this worker said it started."""
        return [
            int(line.rsplit("crawl pid ", 1)[1].rstrip(")"))
            for line in self.log.read_text().splitlines()
            if "crawl pid " in line
        ]

    def kill(self) -> None:
        """SIGKILL the worker and its crawl (and that crawl's parse workers): a machine dying."""
        for pid in self.crawl_pids():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
        self.process.kill()
        self.process.wait()


def banwatch_env(prefix: str) -> dict[str, str]:
    env = {**os.environ, "BANWATCH_QUEUE_PREFIX": prefix, "PYTHONUNBUFFERED": "1"}
    for name in ("BANWATCH_CONFIG", "BANWATCH_DB", "BANWATCH_QUEUE"):
        env.pop(name, None)
    return env


@pytest.fixture
def start_workers(
    tmp_path: Path, postgres_url: str, queue_prefix: str
) -> Iterator[Callable[[int], list[Worker]]]:
    workers: list[Worker] = []

    def start(count: int) -> list[Worker]:
        for n in range(count):
            log = tmp_path / f"worker-{len(workers)}-{n}.log"
            process = subprocess.Popen(
                [BANWATCH, "--db", postgres_url, "worker", "--queue", REDIS_URL],
                stdout=log.open("w"),
                stderr=subprocess.STDOUT,
                text=True,
                cwd=tmp_path,
                env=banwatch_env(queue_prefix),
            )
            workers.append(Worker(process, log))
        return workers[-count:]

    yield start
    for worker in workers:
        if worker.process.poll() is None:
            worker.process.send_signal(signal.SIGTERM)
    for worker in workers:
        try:
            worker.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()


pytestmark = [pytest.mark.slow, pytest.mark.postgres]

PER_SITE_LIMIT = scrapy_settings("", "")["CONCURRENT_REQUESTS_PER_DOMAIN"]


def start_crawl(site: Site, postgres_url: str, prefix: str, cwd: Path) -> subprocess.Popen[str]:
    feeds = [arg for url in site.feeds() for arg in ("--feed", url)]
    return subprocess.Popen(
        [BANWATCH, "--db", postgres_url, "crawl", "--queue", REDIS_URL, "--allow-private",
         "--no-extract", *feeds],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=cwd,
        env=banwatch_env(prefix),
    )


def stored(postgres_url: str) -> tuple[int, int, list[str]]:
    """Stored articles, distinct canonical URLs, and the runs' statuses."""
    engine = create_engine(postgres_url)
    with engine.connect() as connection:
        count = connection.scalar(select(func.count()).select_from(Article))
        distinct = connection.scalar(select(func.count(func.distinct(Article.canonical_url))))
        statuses = list(connection.scalars(select(CrawlRun.status)))
    engine.dispose()
    return int(count or 0), int(distinct or 0), statuses


def the_run(postgres_url: str) -> CrawlRun:
    engine = create_engine(postgres_url)
    with Session(engine) as session:
        run = session.scalars(select(CrawlRun)).one()
        session.expunge(run)
    engine.dispose()
    return run


def assert_each_article_once(site: Site, postgres_url: str) -> None:
    articles = {path: n for path, n in site.fetched.items() if path.startswith("/news/")}
    assert len(articles) == ARTICLES
    count, distinct, statuses = stored(postgres_url)
    assert (count, distinct) == (ARTICLES, ARTICLES)
    assert statuses == ["succeeded"]


def test_workers_share_one_run(site, postgres_url, queue_prefix, start_workers, tmp_path):
    site.reset()
    start_workers(2)
    crawl = start_crawl(site, postgres_url, queue_prefix, tmp_path)
    output, _ = crawl.communicate(timeout=120)
    assert crawl.returncode == 0, output
    assert_each_article_once(site, postgres_url)
    refetched = {path: n for path, n in site.fetched.items() if path.startswith("/news/") and n > 1}
    assert refetched == {}
    assert 1 < site.most_in_flight <= PER_SITE_LIMIT
    # The run's counts and source health are summed over both workers.
    run = the_run(postgres_url)
    assert run.stats["articles_new"] == ARTICLES
    assert run.stats["requests"] >= ARTICLES + len(site.feeds())
    assert sorted(run.sources_report) == sorted(f"feed:{url}" for url in site.feeds())
    assert all(outcome["ok"] for outcome in run.sources_report.values())


def test_a_killed_workers_requests_are_taken_up(
    site, postgres_url, queue_prefix, start_workers, tmp_path
):
    site.reset()
    engine = create_engine(postgres_url)
    upgrade_database(engine)  # so that the store can be watched from the start
    engine.dispose()
    doomed, _survivor = start_workers(2)
    crawl = start_crawl(site, postgres_url, queue_prefix, tmp_path)
    deadline = time.monotonic() + 60
    while stored(postgres_url)[0] < ARTICLES // 4 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert doomed.crawl_pids(), "the worker to kill had not started crawling"
    doomed.kill()
    output, _ = crawl.communicate(timeout=120)
    assert crawl.returncode == 0, output
    assert_each_article_once(site, postgres_url)
    assert the_run(postgres_url).stats.get("crawl_seconds", 0) > 0
    # What the killed worker held was put back on the queue and fetched again.
    assert the_run(postgres_url).stats["recovered_requests"] > 0
