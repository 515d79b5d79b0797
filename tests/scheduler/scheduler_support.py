"""Helpers for the scheduler tests: a news site, a mailbox, a webhook, waiting, settings.

The news site publishes a feed of whichever sample-site articles a test
chooses, and can make the feed slow (or hang until released), so that a crawl
takes as long as a test needs without sleeping in the test itself. Everything
is a real server on loopback. (A module of its own because with
``--import-mode=importlib`` test modules cannot import ``conftest``.)
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from sqlalchemy import inspect, select

from banwatch.config import DigestConfig, Settings, SourceConfig
from banwatch.sample_site import PLACEHOLDER, SAMPLE_SITE_DIR
from banwatch.store.db import create_db_engine, session_scope
from banwatch.store.models import CrawlRun

#: Sample-site articles that report bans (the extractor finds events in them).
BAN_ARTICLES = (
    "oakland-bans-city-use-of-facial-recognition",
    "cambridge-bans-city-use-of-facial-recognition",
    "boston-city-council-votes-unanimously-to-ban-facial-recognition",
)
REPO = Path(__file__).resolve().parents[2]


class NewsSite:
    """A feed of chosen sample articles.

    ``delay`` slows every feed request, ``slow_articles`` the named articles
    (by ``article_delay``); ``release`` lets every waiting request go at once.
    """

    def __init__(self) -> None:
        self.articles: list[str] = []
        self.delay = 0.0
        self.slow_articles: set[str] = set()
        self.article_delay = 0.0
        self.release = threading.Event()
        self.feed_requests = 0
        self.dropped = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _SiteHandler)
        self._server.daemon_threads = True
        self._server.site = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def publish(self, *names: str) -> None:
        self.articles.extend(names)

    def source(self, name: str = "test-feed") -> SourceConfig:
        return SourceConfig(name, "feed", f"{self.base_url}/feed.xml", allow_private=True)

    def feed(self) -> bytes:
        items = "".join(
            f"<item><title>{name}</title><link>{self.base_url}/articles/{name}.html</link>"
            f"<guid>{self.base_url}/articles/{name}.html</guid>"
            "<pubDate>Tue, 16 Jul 2019 12:00:00 +0000</pubDate></item>"
            for name in self.articles
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>test news</title><link>{self.base_url}/</link>"
            f"<description>test</description>{items}</channel></rss>"
        ).encode()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()


class _SiteHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the name http.server dispatches to
        site: NewsSite = self.server.site  # type: ignore[attr-defined]
        path = self.path.split("?", 1)[0]
        if path == "/robots.txt":
            self._send(b"User-agent: *\nAllow: /\n", "text/plain")
        elif path == "/feed.xml":
            site.feed_requests += 1
            if site.delay:
                site.release.wait(site.delay)
            self._send(site.feed(), "application/rss+xml")
        elif path.startswith("/articles/") and path.endswith(".html"):
            file = SAMPLE_SITE_DIR / "articles" / path.rsplit("/", 1)[1]
            if not file.is_file():
                self.send_error(404)
                return
            if file.stem in site.slow_articles:
                site.release.wait(site.article_delay)
            body = file.read_bytes().replace(PLACEHOLDER, site.base_url.encode())
            self._send(body, "text/html; charset=utf-8")
        else:
            self.send_error(404)

    def _send(self, body: bytes, content_type: str) -> None:
        try:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            # The crawl was killed while waiting: nobody is listening any more.
            self.server.site.dropped += 1  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet."""


@dataclass
class Mailbox:
    """What the local SMTP server received."""

    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[Any] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.envelopes.append(envelope)
        self.messages.append(
            message_from_bytes(envelope.original_content, policy=policy.default)  # type: ignore[arg-type]
        )
        return "250 OK"


class Webhook:
    """A local HTTP endpoint that keeps every JSON body POSTed to it."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.bodies: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                if hook.status < 300:
                    hook.bodies.append(json.loads(body))
                    hook.headers.append(dict(self.headers))
                self.send_response(hook.status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                """Quiet."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/hook"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def free_port() -> int:
    """A loopback port that was free a moment ago."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def digest_config(smtp: Controller | None = None, hook: Webhook | None = None) -> DigestConfig:
    return DigestConfig(
        email_to=("reviewer@example.org",) if smtp else (),
        email_from="banwatch@example.org",
        smtp_host="127.0.0.1",
        smtp_port=smtp.port if smtp else 25,
        webhook_url=hook.url if hook else None,
        webhook_format="full",
        timeout=10,
    )


def make_settings(db_url: str, site: NewsSite | None = None, **changes: Any) -> Settings:
    """Settings for one test: its database, the site's feed, a short time limit."""
    sources = (site.source(),) if site else ()
    return Settings(db_url=db_url, sources=sources, crawl_timeout=60).with_overrides(**changes)


def runs_of(db_url: str) -> list[CrawlRun]:
    """The run rows, oldest first; none while a starting process has not created the table."""
    engine = create_db_engine(db_url)
    try:
        if not inspect(engine).has_table(CrawlRun.__tablename__):
            return []
        with session_scope(engine) as session:
            return list(session.scalars(select(CrawlRun).order_by(CrawlRun.id)))
    finally:
        engine.dispose()


def wait_for(
    condition: Callable[[], Any], timeout: float = 60, interval: float = 0.2, what: str = ""
) -> Any:
    """Poll ``condition`` until it is truthy; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what or condition}")


def pid_alive(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state != "Z"


def group_members(group: int) -> list[int]:
    """Live processes in process group ``group`` (the crawl child starts its own)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if fields[0] != "Z" and int(fields[2]) == group:
            members.append(int(stat.parent.name))
    return members


def write_config(path: Path, db_url: str, site: NewsSite, extra: str = "") -> Path:
    """A banwatch.toml for a scheduler started as a real process."""
    path.write_text(
        f'[database]\nurl = "{db_url}"\n\n[crawl]\ntimeout = 60\n\n{extra}\n'
        f'[[sources]]\nname = "test-feed"\nkind = "feed"\nurl = "{site.base_url}/feed.xml"\n'
        "allow_private = true\n",
        encoding="utf-8",
    )
    return path


def start_cli(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    """``banwatch ARGS`` as a real process (its own session, like a service)."""
    return subprocess.Popen(
        [sys.executable, "-c", "from banwatch.cli import app; app()", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


_LOCK_HOLDER = textwrap.dedent(
    """
    import sys, time
    from banwatch.locks import crawl_lock
    with crawl_lock(sys.argv[1]):
        print("locked", flush=True)
        time.sleep(120)
    """
)


def hold_lock_in_child(db_url: str) -> subprocess.Popen[str]:
    """Another process holding the crawl lock for ``db_url`` (for two minutes, or until killed)."""
    child = subprocess.Popen(
        [sys.executable, "-c", _LOCK_HOLDER, db_url], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"
    return child
