"""Sitemaps: urlset, sitemap index, news sitemap, plain text, or a feed listed as one; gzip too.

Parsed by lxml's incremental parser with entity resolution and network access
off, after the same DTD screen feeds get (:mod:`banwatch.crawler.xmlguard`).
Bodies that are not a sitemap raise :class:`SitemapError`.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from datetime import datetime

import lxml.etree
from w3lib.encoding import read_bom

from banwatch.crawler.dates import as_utc, parse_w3c_datetime
from banwatch.crawler.decoding import decode_markup, sniff_text, sniff_wide_encoding
from banwatch.crawler.feeds import FEED_ROOTS, FeedError, parse_feed
from banwatch.crawler.urls import is_http_url, resolve_url
from banwatch.crawler.xmlguard import (
    ENTITY_START_BYTES,
    local_name,
    root_element,
    screen_entities,
)

# The sitemap protocol caps an uncompressed sitemap at 50 MiB.
MAX_SITEMAP_BYTES = 50 * 1024 * 1024


class SitemapError(FeedError):
    """The bytes are not a usable sitemap (a :class:`FeedError`, so one ``except`` covers both)."""


@dataclass(frozen=True)
class SitemapResult:
    urls: list[tuple[str, datetime | None]]
    sitemaps: list[str]


_GZIP_MAGIC = b"\x1f\x8b"


def _gunzip(body: bytes) -> bytes:
    """Decompress a gzip body with a size cap; a truncated stream yields what it has."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = decompressor.decompress(body, MAX_SITEMAP_BYTES + 1)
    except zlib.error as exc:
        raise SitemapError(f"corrupt gzip data: {exc}") from exc
    if len(data) > MAX_SITEMAP_BYTES:
        raise SitemapError(f"sitemap larger than {MAX_SITEMAP_BYTES} bytes uncompressed")
    if not data:
        raise SitemapError("corrupt gzip data: nothing could be decompressed")
    return data


def _xml_local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _child_text(elem: lxml.etree._Element, name: str) -> str | None:
    for child in elem.iter():
        if _xml_local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _text_sitemap(text: str, url: str) -> list[tuple[str, datetime | None]]:
    """Plain-text sitemaps (one URL per line) are part of the protocol."""
    urls: list[tuple[str, datetime | None]] = []
    for line in text.splitlines():
        candidate = line.strip()
        if is_http_url(candidate):
            urls.append((candidate, None))
    return urls


def parse_sitemap(body: bytes, url: str, since: datetime | None = None) -> SitemapResult:
    """Parse a sitemap: urlset, sitemapindex, news sitemap, plain text or RSS/Atom; gzip accepted.

    For each ``<url>`` the date is ``<lastmod>``, else the news sitemap's
    ``<news:publication_date>``. With ``since``, entries dated before it are
    dropped -- in a sitemap index too, where an old ``<lastmod>`` means the
    child sitemap has nothing newer. Undated entries are kept. Raises
    :class:`SitemapError` for bodies that are not a sitemap.
    """
    if body[:2] == _GZIP_MAGIC:
        body = _gunzip(body)
    if not body or not body.strip():
        raise SitemapError("empty response")
    text = sniff_text(body)
    root = root_element(text)
    if root is None:
        if text.lstrip().startswith("<"):
            raise SitemapError("not a sitemap: no root element found")
        decoded, _ = decode_markup(body, None)
        return _filter_since(_dedupe(_text_sitemap(decoded, url)), [], since)
    kind = local_name(root)
    if kind == "html":
        raise SitemapError("not a sitemap: got an HTML document")
    if kind in FEED_ROOTS:
        # Search engines accept RSS/Atom feeds as sitemaps, so sites list them.
        try:
            feed = parse_feed(body, url)
        except FeedError as exc:
            raise SitemapError(str(exc)) from exc
        return _filter_since([(e.url, e.published) for e in feed.entries], [], since)
    if kind not in ("urlset", "sitemapindex"):
        raise SitemapError(f"not a sitemap: root element <{root}>")
    wide = read_bom(body)[0] not in (None, "utf-8") or sniff_wide_encoding(body)
    if wide or ENTITY_START_BYTES.search(body):  # decode only when there is something to see
        screen_entities(decode_markup(body, None)[0], SitemapError)

    urls: list[tuple[str, datetime | None]] = []
    sitemaps: list[tuple[str, datetime | None]] = []
    parser_events = lxml.etree.iterparse(
        io.BytesIO(body),
        events=("end",),
        recover=True,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        for _event, elem in parser_events:
            name = _xml_local(elem.tag)
            if name not in ("url", "sitemap"):
                continue
            loc = _child_text(elem, "loc")
            resolved = resolve_url(loc, url) if loc else None
            if resolved:
                date = parse_w3c_datetime(_child_text(elem, "lastmod"))
                if date is None and name == "url":
                    date = parse_w3c_datetime(_child_text(elem, "publication_date"))
                (urls if name == "url" else sitemaps).append((resolved, date))
            elem.clear(keep_tail=False)
    except lxml.etree.XMLSyntaxError as exc:
        if not urls and not sitemaps:
            raise SitemapError(f"malformed XML: {exc}") from exc
    return _filter_since(_dedupe(urls), _dedupe(sitemaps), since)


def _dedupe(items: list[tuple[str, datetime | None]]) -> list[tuple[str, datetime | None]]:
    seen: set[str] = set()
    out = []
    for loc, date in items:
        if loc not in seen:
            seen.add(loc)
            out.append((loc, date))
    return out


def _filter_since(
    urls: list[tuple[str, datetime | None]],
    sitemaps: list[tuple[str, datetime | None]],
    since: datetime | None,
) -> SitemapResult:
    """Drop entries dated before ``since``; undated entries are kept."""
    if since is not None:
        cutoff = as_utc(since)
        urls = [(loc, date) for loc, date in urls if date is None or date >= cutoff]
        sitemaps = [(loc, date) for loc, date in sitemaps if date is None or date >= cutoff]
    return SitemapResult(urls=urls, sitemaps=[loc for loc, _ in sitemaps])
