"""RSS 0.9x/1.0/2.0, RDF and Atom feeds: entries with absolute links, titles, dates, authors.

feedparser does the format work. Around it, the bytes are decoded here (so a
wrong or missing charset is handled the same way for every format), their DTD
is screened (:mod:`banwatch.crawler.xmlguard`), HTML pages and empty bodies are
refused with :class:`FeedError`, and problems worked around are reported as
warnings.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from xml.sax import SAXParseException

import feedparser

from banwatch.crawler.dates import as_utc, parse_written_datetime, struct_time_to_utc
from banwatch.crawler.decoding import charset_from_content_type, decode_markup, sniff_text
from banwatch.crawler.plaintext import plain_text
from banwatch.crawler.urls import canonicalize_url, resolve_url
from banwatch.crawler.xmlguard import XML_DECLARATION, local_name, root_element, screen_entities


class FeedError(ValueError):
    """The bytes are not a usable feed; the message says why."""


@dataclass(frozen=True)
class FeedEntry:
    """One entry: ``published`` is the instant in UTC, ``published_date`` the day the feed
    wrote (the publisher's own day: ``Mon, 13 Jul 2020 01:10 +0900`` is the 13th)."""

    url: str
    title: str | None
    published: datetime | None
    author: str | None
    summary: str | None
    published_date: date | None = None


@dataclass(frozen=True)
class FeedResult:
    title: str | None
    entries: list[FeedEntry]
    warnings: list[str] = field(default_factory=list)


FEED_ROOTS = {"rss", "feed", "rdf", "channel"}
_FEED_CONTENT_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+xml",
    "application/x-rss+xml",
    "application/x-atom+xml",
)
_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html\b)", re.I)


def looks_like_feed(body: bytes, content_type: str | None) -> bool:
    """Is this response an RSS/RDF/Atom feed?

    The body decides when it can: servers label feeds ``text/html`` and HTML
    error pages ``application/rss+xml``. The content type only decides for
    markup whose root element is not found near the start.
    """
    if not body or not body.strip():
        return False
    text = sniff_text(body)
    root = root_element(text)
    if root is not None:
        return local_name(root) in FEED_ROOTS
    if not text.lstrip("\ufeff \t\r\n").startswith("<"):
        return False
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    return media_type in _FEED_CONTENT_TYPES


def _feed_error_reason(parsed: feedparser.FeedParserDict) -> str | None:
    exc = parsed.get("bozo_exception")
    if exc is None:
        return None
    if isinstance(exc, SAXParseException):
        return f"malformed XML: {exc.getMessage()} at line {exc.getLineNumber()}"
    return f"{type(exc).__name__}: {exc}"


def _entry_link(entry: feedparser.FeedParserDict) -> str | None:
    """The entry's article link: feedparser's pick, an HTML alternate, or a permalink guid."""
    candidates: list[str] = []
    if entry.get("link"):
        candidates.append(entry["link"])
    for link in entry.get("links", []):
        if link.get("href") and link.get("rel", "alternate") == "alternate":
            candidates.append(link["href"])
    if entry.get("guidislink") and entry.get("id"):
        candidates.append(entry["id"])
    for candidate in candidates:
        if isinstance(candidate, str):
            return candidate
    return None


def _entry_author(entry: feedparser.FeedParserDict) -> str | None:
    """All author names, comma-joined.

    feedparser's ``author`` is only the last author, and for RSS it is the
    raw ``email (Name)`` string; its parsed ``authors`` list has the names.
    """
    names = [plain_text(a.get("name")) for a in entry.get("authors", []) if isinstance(a, dict)]
    joined = ", ".join(dict.fromkeys(n for n in names if n))
    return joined or plain_text(entry.get("author"))


def _entry_published(entry: feedparser.FeedParserDict) -> tuple[datetime | None, date | None]:
    """The entry's instant (feedparser's UTC reading) and the day as the feed wrote it.

    The first of published, updated and created that feedparser could read. The
    day is read from the same text when that reading agrees with feedparser's;
    otherwise it is the UTC day.
    """
    for key in ("published", "updated", "created"):
        instant = struct_time_to_utc(entry.get(f"{key}_parsed"))
        if instant is not None:
            written = parse_written_datetime(entry.get(key))
            agrees = written is not None and as_utc(written) == instant
            return instant, written.date() if agrees else instant.date()
    return None, None


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> FeedResult:
    """Parse an RSS 0.9x/1.0/2.0 or Atom feed into entries with absolute URLs.

    feedparser does the format work; around it this function decodes the
    bytes itself (so a wrong or missing charset is handled once, the same way
    for every format), refuses dangerous DTDs, rejects HTML pages and empty
    bodies, resolves links against ``url``, drops entries without a usable
    link and deduplicates by canonical URL (first occurrence wins; the entry
    keeps its original resolved URL, which is what the spider should fetch).
    Malformed XML is tolerated with a warning when feedparser's loose parser
    still recovers entries.
    """
    if not body or not body.strip():
        raise FeedError("empty response")
    text, warnings = decode_markup(body, charset_from_content_type(content_type))
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise FeedError("empty response")
    root = root_element(text)
    if (root is not None and local_name(root) == "html") or _HTML_START.match(text):
        raise FeedError("not a feed: got an HTML document")
    if root is None and not text.lstrip().startswith("<"):
        raise FeedError("not a feed: the body is not XML")
    warnings.extend(screen_entities(text, FeedError))

    # Keep line numbers in parser messages true to the original: feedparser
    # would otherwise prepend its XML declaration on a line of its own.
    if not XML_DECLARATION.match(text):
        text = '<?xml version="1.0" encoding="utf-8"?>' + text
    # Bytes wrapped in a stream: given raw bytes feedparser first tries them
    # as a *filename* (and given a str, as a URL), which is I/O we never want.
    parsed = feedparser.parse(
        io.BytesIO(text.encode("utf-8")),
        response_headers={
            "content-type": "application/xml; charset=utf-8",
            "content-location": url,
        },
    )
    reason = _feed_error_reason(parsed) if parsed.get("bozo") else None
    raw_entries = parsed.get("entries", [])
    if not raw_entries:
        if not parsed.get("version"):
            detail = f" ({reason})" if reason else f" (root element <{root}>)" if root else ""
            raise FeedError(f"not a feed: no RSS/Atom structure found{detail}")
        if reason:
            raise FeedError(reason)
    elif reason:
        warnings.append(f"tolerated: {reason}")

    entries: list[FeedEntry] = []
    seen: set[str] = set()
    no_link = duplicates = 0
    for raw in raw_entries:
        href = _entry_link(raw)
        link = resolve_url(href, url) if href else None
        if link is None:
            no_link += 1
            continue
        key = canonicalize_url(link)
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        published, published_date = _entry_published(raw)
        entries.append(
            FeedEntry(
                url=link,
                title=plain_text(raw.get("title")),
                published=published,
                author=_entry_author(raw),
                summary=plain_text(raw.get("summary")),
                published_date=published_date,
            )
        )
    if no_link:
        warnings.append(f"{no_link} entries had no link")
    if reason and not entries:
        # Broken XML that yielded nothing usable is an error, not an empty feed.
        raise FeedError(f"{reason}; no usable entries recovered")
    if duplicates:
        warnings.append(f"{duplicates} duplicate entries dropped")
    feed = parsed.get("feed", {})
    return FeedResult(title=plain_text(feed.get("title")), entries=entries, warnings=warnings)
