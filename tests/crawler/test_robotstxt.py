"""robots.txt is obeyed by every request that waits for it, and has its own time to arrive."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from scrapy import Request

from banwatch.crawler.robotstxt import RobotsTxtTimeout
from banwatch.jobs import JobResult

from .conftest import source

ROBOTS_DELAY = 2.0  # longer than the crawl's DOWNLOAD_TIMEOUT below, shorter than robots'


@pytest.mark.parametrize(("url", "meta", "expected"), [
    pytest.param("http://news.example/robots.txt", {}, 20.0, id="robots-gets-its-own"),
    pytest.param("http://news.example/robots.txt", {"download_timeout": 45.0}, 45.0,
                 id="a-longer-one-stays"),
    pytest.param("http://news.example/feed.xml", {}, None, id="pages-keep-the-default"),
    pytest.param("http://news.example/robots.txt.html", {}, None, id="only-the-exact-path"),
])
def test_robots_txt_waits_at_least_its_timeout(url: str, meta: dict, expected: float | None
                                               ) -> None:
    request = Request(url, meta=meta)
    assert RobotsTxtTimeout(20.0).process_request(request) is None
    assert request.meta.get("download_timeout") == expected


class SlowRobots(BaseHTTPRequestHandler):
    """A site whose robots.txt takes ROBOTS_DELAY seconds and forbids /private/."""

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        if self.path == "/robots.txt":
            time.sleep(ROBOTS_DELAY)
            body, kind = b"User-agent: *\nDisallow: /private/\n", "text/plain"
        else:
            body, kind = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
                          b"</channel></rss>"), "application/rss+xml"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def slow_robots_site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowRobots)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_slow_robots_txt_forbids_every_waiting_feed(slow_robots_site: str, tmp_path: Path,
                                                       crawl: Callable[..., JobResult]) -> None:
    """Four feeds of one site start at once and wait for its robots.txt, which takes
    longer than a page may: each is refused (before, only the first request and the first
    waiter were checked, and a robots.txt that timed out allowed them all)."""
    names = [f"private-{i}" for i in range(4)]
    result = crawl(f"sqlite:///{tmp_path / 'banwatch.db'}",
                   [source(n, "feed", f"{slow_robots_site}/private/{n}.xml") for n in names],
                   DOWNLOAD_TIMEOUT=1.0, BANWATCH_ROBOTSTXT_TIMEOUT=10.0)
    for name in names:
        report = result.sources[name]
        assert report["ok"] is False and "robots.txt" in report["error"], (name, report)
