"""A real, badly behaved news site on loopback, and a helper that crawls it.

Like Scrapy's own ``tests/mockserver``: a stdlib ``ThreadingHTTPServer`` on a
free port whose routes serve every kind of bad input a crawler meets in the
wild (broken XML, wrong encodings, HTML where a feed should be, empty bodies,
404/410/500, 429 with Retry-After, redirect loops, a server that never
answers, a 50 MB body, a PDF, pages with no text, future dates, entries
without links, duplicates, relative links) beside well-behaved feeds, so a
single crawl shows that the bad sources are recorded with a reason while the
rest are crawled. The same handler listens on 127.0.0.1 and 127.0.0.2: two
hosts, so that one that asks the crawler to go away does not take the other
with it. Every request is logged (path, headers, time) for the assertions.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from banwatch.config import Settings, SourceConfig
from banwatch.jobs import JobResult, run_crawl_job

SLOW_SECONDS = 8.0
HUGE_BYTES = 50 * 1024 * 1024
CHUNK = 64 * 1024

# Fast enough for tests, same code paths as production.  The timeout cuts the slow source
# (SLOW_SECONDS); robots.txt has its own, longer one (crawler.robotstxt: when its download
# fails, every path is allowed).
FAST_CRAWL: dict[str, Any] = {
    "DOWNLOAD_TIMEOUT": 3.0,
    "BANWATCH_ROBOTSTXT_TIMEOUT": 20.0,
    "RETRY_TIMES": 1,
    "BANWATCH_RETRY_BACKOFF_BASE": 0.2,
    "BANWATCH_RETRY_AFTER_MAX": 5.0,
    "AUTOTHROTTLE_START_DELAY": 0.0,
    "AUTOTHROTTLE_MAX_DELAY": 2.0,
    "BANWATCH_PARSE_WORKERS": 2,
}

TEXT = (
    "The city council voted on Tuesday to bar municipal departments from acquiring or using"
    " facial recognition technology, joining a growing list of local governments that have"
    " restricted the surveillance tool. Supporters said the measure protects residents from"
    " misidentification and unchecked tracking, while the police department argued that the"
    " software had helped solve serious crimes. The ordinance takes effect in thirty days and"
    " requires an annual report on any surveillance technology the city already owns."
)
WORDS = TEXT.split()


def article_html(
    slug: str,
    title: str,
    *,
    published: str | None = "2024-05-02T10:00:00+00:00",
    canonical: str | None = None,
    paragraphs: int = 4,
) -> bytes:
    """A plausible news article page whose text differs by ``slug``."""
    seed = int(hashlib.sha256(slug.encode()).hexdigest(), 16)
    body = []
    for index in range(paragraphs):
        shift = (seed >> (index * 4)) % len(WORDS)
        words = WORDS[shift:] + WORDS[:shift]
        body.append(f"<p>{slug.replace('-', ' ').title()}: {' '.join(words)}</p>")
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Test Gazette</title>
{meta}{link}<meta name="author" content="Robin Reporter"></head>
<body><header><nav><a href="/">Home</a> <a href="/about.html">About</a></nav></header>
<main><article><h1>{title}</h1>{"".join(body)}</article></main>
<footer><a href="/privacy.html">Privacy</a></footer></body></html>""".encode()


def rss(items: list[tuple[str | None, str]], title: str = "Test Gazette", pub: str = "") -> str:
    """An RSS 2.0 document; each item is ``(link or None, title)``."""
    entries = []
    for link, item_title in items:
        link_tag = f"<link>{link}</link>" if link is not None else ""
        entries.append(f"<item><title>{item_title}</title>{link_tag}{pub}</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>/</link>{''.join(entries)}</channel></rss>"
    )


@dataclass
class Hit:
    """One request the site received."""

    host: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    at: float


@dataclass
class BadSite:
    """The running site: its two base URLs and the request log."""

    base: str
    other_base: str
    hits: list[Hit] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def requests_to(self, path: str, host: str | None = None) -> list[Hit]:
        """Requests received for ``path`` (on ``host``, if given), oldest first."""
        with self.lock:
            return [h for h in self.hits if h.path == path and (host is None or h.host == host)]

    def clear(self) -> None:
        with self.lock:
            self.hits.clear()
            self.counters.clear()


class BadSiteHandler(BaseHTTPRequestHandler):
    """Dispatches each path to a route that misbehaves in one particular way."""

    server: BadSiteServer
    protocol_version = "HTTP/1.0"  # bodies end when the connection closes

    def do_GET(self) -> None:  # noqa: N802 - the name http.server dispatches to
        parts = urlsplit(self.path)
        site = self.server.site
        host = self.server.server_address[0]
        with site.lock:
            site.hits.append(
                Hit(host, parts.path, parse_qs(parts.query), dict(self.headers), time.monotonic())
            )
            site.counters[parts.path] = site.counters.get(parts.path, 0) + 1
            count = site.counters[parts.path]
        route = ROUTES.get(parts.path)
        if route is None and "/articles/" in parts.path:
            route = _article_route
        if route is None:
            self._send(404, b"<html><body>not found</body></html>", "text/html")
            return
        try:
            route(self, site, parts.query, count)
        except (BrokenPipeError, ConnectionResetError):
            return  # the crawler hung up (size cap, timeout): that is the point

    # -- helpers used by routes ----------------------------------------------

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str | None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send_cached(self, body: bytes, content_type: str) -> None:
        """200 with an ETag and Last-Modified, or 304 when the client already has it."""
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        modified = "Wed, 01 May 2024 10:00:00 GMT"
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self._send(200, body, content_type, {"ETag": etag, "Last-Modified": modified})

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet: the request log is in ``BadSite.hits``."""


class BadSiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str, site: BadSite) -> None:
        self.site = site
        super().__init__((host, 0), BadSiteHandler)


Route = Callable[[BadSiteHandler, BadSite, str, int], None]


def _base(handler: BadSiteHandler) -> str:
    host, port = handler.server.server_address[:2]
    return f"http://{host}:{port}"


# -- routes: sources ----------------------------------------------------------


def _robots(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    handler._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")


def _good_feed(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    base = _base(handler)
    items = [
        (f"{base}/articles/council-bans-face-scans.html?utm_source=rss", "Council bans face scans"),
        ("/articles/relative-root-link.html", "A root-relative link"),
        ("articles/relative-path-link.html", "A path-relative link"),
        (f"{base}/articles/council-bans-face-scans.html#comments", "The same story again"),
        (f"{base}/articles/future-dated.html", "A story dated in 2099"),
    ]
    future = "<pubDate>Fri, 01 Jan 2099 10:00:00 GMT</pubDate>"
    handler._send_cached(rss(items, pub=future).encode(), "application/rss+xml; charset=utf-8")


def _second_feed(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    """Another feed linking the same story (and one of its own): stored once."""
    base = _base(handler)
    items = [
        (f"{base}/articles/council-bans-face-scans.html?fbclid=abc", "Council bans face scans"),
        (f"{base}/articles/second-feed-story.html", "A story only this feed has"),
    ]
    handler._send_cached(rss(items).encode(), "application/rss+xml")


def _mixed_feed(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    """Good and bad articles behind one good feed."""
    base = _base(handler)
    items = [
        (f"{base}/articles/mixed-good-story.html", "A good story"),
        (f"{base}/articles/no-text.html", "A sign-in page"),
        (f"{base}/docs/report.pdf", "A PDF"),
        (f"{base}/articles/missing-story.html", "Gone"),
        (f"{base}/articles/slow-story.html", "Never answers"),
        (f"{base}/articles/huge-story.html", "Fifty megabytes"),
        (f"{base}/articles/loop-story.html", "Redirects forever"),
    ]
    handler._send_cached(rss(items).encode(), "application/rss+xml")


def _unclosed_feed(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    base = _base(handler)
    body = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Sloppy</title>'
        f"<item><title>Unclosed tags</title><link>{base}/articles/unclosed-feed-story.html</link>"
        "<description><p>The ordinance requires a hearing<br>before any purchase.</description>"
        "</item></channel>"
    )
    handler._send(200, body.encode(), "application/rss+xml")


def _entities_feed(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    base = _base(handler)
    body = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Entities</title>'
        "<item><title>Ban&nbsp;passes&hellip; finally</title>"
        f"<link>{base}/articles/entities-feed-story.html</link></item></channel></rss>"
    )
    handler._send(200, body.encode(), "application/rss+xml")


def _hopeless_feed(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    body = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title>\n<item'
    handler._send(200, body, "application/rss+xml")


def _utf16_feed(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    base = _base(handler)
    text = rss([(f"{base}/articles/utf16-feed-story.html", "Zürich bans face recognition")])
    text = text.replace('encoding="utf-8"', 'encoding="utf-16"')
    handler._send(200, b"\xff\xfe" + text.encode("utf-16-le"), "text/xml")


def _wrong_encoding_feed(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    base = _base(handler)
    text = rss([(f"{base}/articles/wrong-encoding-story.html", "Café owners oppose face scans")])
    handler._send(200, text.encode("cp1252"), "application/rss+xml; charset=utf-8")


def _html_feed(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    page = b"<!DOCTYPE html><html><body><h1>Our feeds have moved</h1></body></html>"
    handler._send(200, page, "application/rss+xml")


def _empty(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    handler._send(200, b"", "application/rss+xml")


def _gone(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    handler._send(410, b"gone", "text/plain")


def _server_error(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    handler._send(500, b"internal error", "text/plain")


def _busy_then_ok(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    """429 with Retry-After: 1 the first time, then the feed."""
    if count == 1:
        handler._send(429, b"slow down", "text/plain", {"Retry-After": "1"})
        return
    base = _base(handler)
    body = rss([(f"{base}/articles/busy-feed-story.html", "Busy")])
    handler._send(200, body.encode(), "text/xml")


def _throttled(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    """429 asking for an hour, beyond any test's patience."""
    handler._send(429, b"go away", "text/plain", {"Retry-After": "3600"})


def _loop(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    path = urlsplit(handler.path).path
    target = path.replace("-a.", "-b.") if "-a." in path else path.replace("-b.", "-a.")
    handler._send(302, b"", None, {"Location": target})


def _slow(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    time.sleep(SLOW_SECONDS)
    handler._send(200, rss([]).encode(), "text/xml")


def _huge(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    """50 MB without a Content-Length, written until the crawler hangs up."""
    handler.send_response(200)
    path = urlsplit(handler.path).path
    handler.send_header("Content-Type", "text/html" if "/articles/" in path else "application/xml")
    handler.end_headers()
    chunk = b"<!-- " + b"x" * (CHUNK - 10) + b" -->\n"
    sent = 0
    while sent < HUGE_BYTES:
        handler.wfile.write(chunk)
        sent += len(chunk)
    site.counters["huge_sent_all"] = site.counters.get("huge_sent_all", 0) + 1


def _huge_declared(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    """50 MB announced in Content-Length: refused before the body."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Content-Length", str(HUGE_BYTES))
    handler.end_headers()
    chunk = b" " * CHUNK
    for _ in range(HUGE_BYTES // CHUNK):
        handler.wfile.write(chunk)


def _pdf(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    handler._send(200, b"%PDF-1.7\n" + b"\x00\x01binary" * 20000, "application/pdf")


def _no_links_feed(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    body = rss([(None, "No link at all"), ("", "Empty link"), (None, "Another")])
    handler._send(200, body.encode(), "application/rss+xml")


def _search(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    """A news-search RSS endpoint: one story per query."""
    words = parse_qs(query).get("q", [""])[0]
    slug = "search-" + "-".join(words.lower().split())
    base = _base(handler)
    body = rss([(f"{base}/articles/{slug}.html", f"Results for {words}")])
    handler._send(200, body.encode(), "application/rss+xml")


def _redirect_to_localhost(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    port = handler.server.server_address[1]
    handler._send(302, b"", None, {"Location": f"http://localhost:{port}/feeds/good.xml"})


def _listing(prefix: str, page: int) -> Route:
    def route(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
        links = "".join(
            f'<li><a href="articles/{prefix}-p{page}-story-{n}.html">Story {n}</a></li>'
            for n in range(1, 4)
        )
        more = '<a rel="next" href="page-2.html">Older stories</a>' if page == 1 else ""
        body = (
            f"<html><body><nav><a href='/'>Home</a></nav><main><ul>{links}</ul>{more}</main>"
            "</body></html>"
        )
        handler._send_cached(body.encode(), "text/html; charset=utf-8")

    return route


def _sitemap_index(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    base = _base(handler)
    recent = (datetime.now(UTC) - timedelta(hours=1)).isoformat(timespec="seconds")
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base}/sitemaps/recent.xml</loc><lastmod>{recent}</lastmod></sitemap>"
        f"<sitemap><loc>{base}/sitemaps/old.xml</loc><lastmod>2001-01-01</lastmod></sitemap>"
        "</sitemapindex>"
    )
    handler._send(200, body.encode(), "application/xml")  # no validators: always read


def _urlset(slug: str, lastmod: str) -> Route:
    def route(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
        base = _base(handler)
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"<url><loc>{base}/articles/{slug}.html</loc><news:news><news:publication_date>"
            f"{lastmod}</news:publication_date></news:news></url></urlset>"
        )
        handler._send(200, body.encode(), "application/xml")

    return route


def _broken_sitemap(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    handler._send(200, b"<html><body>Sitemap</body></html>", "text/html")


# -- routes: articles -----------------------------------------------------------


def _article_route(handler: BadSiteHandler, site: BadSite, query: str, count: int) -> None:
    path = urlsplit(handler.path).path
    slug = path.rsplit("/", 1)[-1].removesuffix(".html")
    if slug == "no-text":
        page = (
            b"<html><body><nav><a href='/'>Home</a></nav><form><input name=email>"
            b"<button>Sign in</button></form></body></html>"
        )
        handler._send(200, page, "text/html")
    elif slug == "missing-story":
        handler._send(404, b"not found", "text/html")
    elif slug == "slow-story":
        _slow(handler, site, query, count)
    elif slug == "huge-story":
        _huge(handler, site, query, count)
    elif slug in ("loop-story", "loop-story-b"):
        target = "loop-story-b" if slug == "loop-story" else "loop-story"
        handler._send(302, b"", None, {"Location": f"/articles/{target}.html"})
    elif slug == "future-dated":
        page = article_html(slug, "A story from the future", published="2099-01-01T10:00:00+00:00")
        handler._send(200, page, "text/html; charset=utf-8")
    else:
        canonical = f"{_base(handler)}{path}"
        page = article_html(slug, slug.replace("-", " ").capitalize(), canonical=canonical)
        handler._send(200, page, "text/html; charset=utf-8")


ROUTES: dict[str, Route] = {
    "/robots.txt": _robots,
    "/feeds/good.xml": _good_feed,
    "/feeds/second.xml": _second_feed,
    "/feeds/mixed.xml": _mixed_feed,
    "/feeds/unclosed.xml": _unclosed_feed,
    "/feeds/entities.xml": _entities_feed,
    "/feeds/hopeless.xml": _hopeless_feed,
    "/feeds/utf16.xml": _utf16_feed,
    "/feeds/wrong-encoding.xml": _wrong_encoding_feed,
    "/feeds/html.xml": _html_feed,
    "/feeds/empty.xml": _empty,
    "/feeds/gone.xml": _gone,
    "/feeds/error.xml": _server_error,
    "/feeds/busy.xml": _busy_then_ok,
    "/feeds/throttled.xml": _throttled,
    "/feeds/loop-a.xml": _loop,
    "/feeds/loop-b.xml": _loop,
    "/feeds/slow.xml": _slow,
    "/feeds/huge.xml": _huge,
    "/feeds/huge-declared.xml": _huge_declared,
    "/feeds/report.pdf": _pdf,
    "/docs/report.pdf": _pdf,
    "/feeds/no-links.xml": _no_links_feed,
    "/private/feed.xml": _good_feed,
    "/search": _search,
    "/feeds/to-localhost.xml": _redirect_to_localhost,
    "/deep/index.html": _listing("deep", 1),
    "/deep/page-2.html": _listing("deep", 2),
    "/shallow/index.html": _listing("shallow", 1),
    "/shallow/page-2.html": _listing("shallow", 2),
    "/sitemaps/index.xml": _sitemap_index,
    "/sitemaps/recent.xml": _urlset("sitemap-recent-story", "2024-05-01"),
    "/sitemaps/old.xml": _urlset("sitemap-old-story", "2001-01-01"),
    "/sitemaps/broken.xml": _broken_sitemap,
}


@pytest.fixture(scope="session")
def bad_site() -> Iterator[BadSite]:
    """The misbehaving site on 127.0.0.1 and 127.0.0.2 (free ports), for the whole session."""
    servers = []
    try:
        first = BadSiteServer("127.0.0.1", BadSite("", ""))
        site = first.site
        second = BadSiteServer("127.0.0.2", site)
        servers = [first, second]
    except OSError as exc:  # pragma: no cover - 127.0.0.2 is loopback on Linux
        pytest.skip(f"cannot bind loopback test servers: {exc}")
    site.base = f"http://127.0.0.1:{first.server_address[1]}"
    site.other_base = f"http://127.0.0.2:{second.server_address[1]}"
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in servers]
    for thread in threads:
        thread.start()
    try:
        yield site
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def source(name: str, kind: str, url: str, **extra: Any) -> SourceConfig:
    """A source that may reach loopback (everything here is on loopback)."""
    return SourceConfig(name=name, kind=kind, url=url, allow_private=True, **extra)


@pytest.fixture(scope="session")
def crawl() -> Callable[..., JobResult]:
    """``crawl(db_url, sources, **overrides)``: one real crawl in a child process, no extraction."""

    def run(
        db_url: str, sources: list[SourceConfig], refresh: bool = False, **overrides: Any
    ) -> JobResult:
        return run_crawl_job(
            Settings(db_url=db_url, contact_url="https://example.org/banwatch-test-contact"),
            sources,
            refresh=refresh,
            extract=False,
            scrapy_overrides={**FAST_CRAWL, **overrides},
        )

    return run
