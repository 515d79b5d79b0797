"""Serve the bundled sample news site on loopback, for the demo and the tests.

The site's files spell absolute URLs as ``{{BASE_URL}}``; the server fills in
its own address as it serves them, so the site works on whatever free port it
gets.
"""

from __future__ import annotations

import hashlib
import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

PLACEHOLDER = b"{{BASE_URL}}"
SAMPLE_SITE_DIR = Path(__file__).resolve().parent / "data" / "sample-site"
TEXT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


class SampleSiteHandler(BaseHTTPRequestHandler):
    """Serves files below the site root, substituting the base URL; nothing outside it.

    It answers ``If-None-Match`` with 304 like a real news site's CDN would, so
    that incremental crawling can be exercised against it. Like one, it keeps
    connections open (HTTP/1.1) and serves from memory: the crawl benchmarks
    share the machine with it, and a server that opened, read, rewrote and
    hashed every file and a new connection per request took CPU from the
    crawler it measures.
    """

    server: SampleSiteServer
    protocol_version = "HTTP/1.1"
    # Headers and body are two writes: with Nagle's algorithm the second would wait
    # for the client's (delayed) acknowledgement of the first.
    disable_nagle_algorithm = True

    def do_GET(self) -> None:  # noqa: N802 - the name http.server dispatches to
        path = self._resolve(urlsplit(self.path).path)
        if path is None:
            self.send_error(404, "not found")
            return
        body, content_type, etag = self.server.document(path)
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("ETag", etag)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _resolve(self, url_path: str) -> Path | None:
        root = self.server.root
        relative = unquote(url_path).lstrip("/") or "index.html"
        candidate = (root / relative).resolve()
        if candidate.is_dir():
            candidate = candidate / "index.html"
        if not candidate.is_file() or not candidate.is_relative_to(root):
            return None
        return candidate

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet: the demo's own progress display says what matters."""


class SampleSiteServer(ThreadingHTTPServer):
    """A threaded HTTP server bound to 127.0.0.1 that knows its own base URL."""

    daemon_threads = True
    # A crawler opens several connections at once; socketserver's default backlog
    # of 5 drops the rest, and a dropped SYN is retried a whole second later.
    request_queue_size = 128

    def __init__(self, root: Path, port: int = 0) -> None:
        self.root = root.resolve()
        self._documents: dict[Path, tuple[tuple[int, int], bytes, str, str]] = {}
        self._lock = threading.Lock()
        super().__init__(("127.0.0.1", port), SampleSiteHandler)

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def document(self, path: Path) -> tuple[bytes, str, str]:
        """``(body, content type, ETag)`` of a file, prepared once per version of it.

        Keyed by modification time and size, so that a test or a benchmark that
        rewrites a file between crawls is served the new one.
        """
        stat = path.stat()
        version = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            cached = self._documents.get(path)
        if cached is not None and cached[0] == version:
            return cached[1], cached[2], cached[3]
        body = path.read_bytes()
        content_type = TEXT_TYPES.get(path.suffix)
        if content_type is not None:
            body = body.replace(PLACEHOLDER, self.base_url.encode("ascii"))
        else:
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        with self._lock:
            self._documents[path] = (version, body, content_type, etag)
        return body, content_type, etag


@contextmanager
def serve_sample_site(root: Path = SAMPLE_SITE_DIR, port: int = 0) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 (a free port by default) and yield its base URL."""
    if not (root / "index.html").is_file():
        raise FileNotFoundError(f"no sample site at {root} (expected index.html there)")
    server = SampleSiteServer(root, port)
    thread = threading.Thread(target=server.serve_forever, name="sample-site", daemon=True)
    thread.start()
    try:
        yield server.base_url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
