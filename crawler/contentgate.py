"""Stop downloads of content banwatch cannot read, as soon as the headers arrive.

A feed that links a 40 MB PDF or a video should cost one round trip, not the
body. Scrapy's ``headers_received`` signal fires before the body is read; a
handler that raises ``StopDownload(fail=True)`` drops the connection and
hands the request's errback a failure, which the spider records as
``content_type`` with the reason kept in the request's meta.

Scrapy cuts a body off at ``DOWNLOAD_MAXSIZE`` itself, but a body that
arrives without a Content-Length is cancelled with an empty message; the
gate also counts received bytes so that the failure can say "too large".

Articles must be web pages (HTML, XHTML, or plain text); feeds, sitemaps and
listing pages may be any markup or text, since servers label them loosely,
but never images, audio, video, fonts, PDFs or office documents. A missing
Content-Type passes: the parsers sniff the bytes.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import StopDownload

ROLE_META = "banwatch_role"
REFUSED_META = "banwatch_refused"
BYTES_META = "banwatch_bytes"
TOO_LARGE_META = "banwatch_too_large"
ARTICLE_ROLE = "article"

# XHTML is sometimes served as plain XML; feeds (rss+xml, atom+xml) are not pages.
_ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
_NEVER_MARKUP_PREFIXES = ("image/", "audio/", "video/", "font/", "model/")
_NEVER_MARKUP_TYPES = frozenset(
    {
        "application/pdf",
        "application/zip",
        "application/x-7z-compressed",
        "application/x-rar-compressed",
        "application/msword",
        "application/postscript",
        "application/x-shockwave-flash",
        "application/wasm",
        "application/java-archive",
        "application/x-msdownload",
    }
)


def media_type(content_type: str | None) -> str:
    """``text/html; charset=utf-8`` -> ``text/html``; empty string when absent."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def refusal(content_type: str | None, role: str) -> str | None:
    """Why a response with this Content-Type is not worth downloading, or None to go on."""
    kind = media_type(content_type)
    if not kind:
        return None
    if role == ARTICLE_ROLE:
        if kind in _ARTICLE_TYPES:
            return None
        return f"content type {kind} is not a web page"
    if (
        kind.startswith(_NEVER_MARKUP_PREFIXES)
        or kind in _NEVER_MARKUP_TYPES
        or kind.startswith("application/vnd.")
    ):
        return f"content type {kind} is not a feed, sitemap or web page"
    return None


class ContentTypeGate:
    """Refuse unreadable content types before their bodies are downloaded."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.maxsize = crawler.settings.getint("DOWNLOAD_MAXSIZE")
        crawler.signals.connect(self.headers_received, signal=signals.headers_received)
        if self.maxsize:
            crawler.signals.connect(self.bytes_received, signal=signals.bytes_received)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ContentTypeGate:
        return cls(crawler)

    def headers_received(
        self, headers: Any, body_length: int, request: Request, spider: Any = None
    ) -> None:
        role = request.meta.get(ROLE_META)
        if role is None:
            return  # robots.txt and anything else that is not ours
        raw = headers.get(b"Content-Type") if headers is not None else None
        content_type = raw.decode("latin-1") if isinstance(raw, bytes) else raw
        reason = refusal(content_type, role)
        if reason is None:
            return
        request.meta[REFUSED_META] = reason
        if self.stats is not None:
            self.stats.inc_value("banwatch/content_type_refused")
        raise StopDownload(fail=True)

    def bytes_received(self, data: bytes, request: Request, spider: Any = None) -> None:
        """Note when a body passes the size cap (Scrapy then cancels it, without a message)."""
        received = request.meta.get(BYTES_META, 0) + len(data)
        request.meta[BYTES_META] = received
        if received > self.maxsize and TOO_LARGE_META not in request.meta:
            limit = request.meta.get("download_maxsize", self.maxsize)
            request.meta[TOO_LARGE_META] = f"more than {limit} bytes, the download was cut off"
