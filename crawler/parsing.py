"""Pure parsing layer of the crawler: feeds, listing pages, sitemaps, articles.

Every public function takes the raw response bytes plus the URL they came
from and returns plain data; nothing here does I/O, so spiders stay thin and
tests run on saved files in ``tests/data/crawler/``.

Failure policy: bytes that cannot be used raise :class:`FeedError` (feeds and
sitemaps) or :class:`NoArticleText` (articles) with a message that says why;
problems that were worked around are reported in ``warnings`` lists so the
spider can log them without dropping the data.

Security: feeds and sitemaps are XML from untrusted servers. feedparser 6
strips entity declarations that reference other entities or external
resources before its SAX parse, and expat (>= 2.4) caps entity amplification,
but feedparser keeps "simple" internal entities and, when the strict parse
fails, its loose fallback parser expands them without any limit (a 110 KB
quadratic-blowup feed took 30 s and 3 GB). So the bytes are screened first:
external (``SYSTEM``/``PUBLIC``) and parameter entities, entities whose value
refers to other entities, and total expansion beyond a small budget are
refused with :class:`FeedError` (see :func:`_screen_entities`). Sitemaps are
parsed by lxml with entity resolution and network access off, after the
same screen.
"""

from __future__ import annotations

import contextlib
import copy
import email.utils
import hashlib
import io
import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit
from xml.sax import SAXParseException

import feedparser
import htmldate
import lxml.etree
import lxml.html
import trafilatura
from charset_normalizer import from_bytes
from courlan.filters import is_not_crawlable
from trafilatura.metadata import (
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document, Extractor
from trafilatura.utils import load_html
from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)
from w3lib.html import remove_tags, replace_entities

from banwatch.crawler.urls import (
    canonicalize_url,
    is_asset_url,
    is_http_url,
    looks_like_article_url,
    resolve_url,
    same_site,
)

__all__ = [
    "ArticleData",
    "FeedEntry",
    "FeedError",
    "FeedResult",
    "NoArticleText",
    "SitemapError",
    "SitemapResult",
    "canonicalize_url",
    "content_hash",
    "looks_like_feed",
    "normalize_text",
    "parse_article",
    "parse_feed",
    "parse_listing",
    "parse_listing_pages",
    "parse_sitemap",
]


# --------------------------------------------------------------------------- errors


class FeedError(ValueError):
    """The bytes are not a usable feed; the message says why."""


class SitemapError(FeedError):
    """The bytes are not a usable sitemap (a :class:`FeedError`, so one ``except`` covers both)."""


class NoArticleText(ValueError):
    """A page with no extractable article text (also: not HTML at all)."""


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None
    published: datetime | None
    author: str | None
    summary: str | None


@dataclass(frozen=True)
class FeedResult:
    title: str | None
    entries: list[FeedEntry]
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SitemapResult:
    urls: list[tuple[str, datetime | None]]
    sitemaps: list[str]


@dataclass(frozen=True)
class ArticleData:
    url: str
    canonical_url: str
    title: str | None
    author: str | None
    published: datetime | None
    language: str | None
    text: str
    content_hash: str
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- limits

# Total characters that declared internal entities may expand to. Real feeds
# that declare entities at all use a handful of short ones (``&nbsp;``).
MAX_ENTITY_EXPANSION = 100_000
MAX_ENTITY_DECLARATIONS = 64
# The sitemap protocol caps an uncompressed sitemap at 50 MiB.
MAX_SITEMAP_BYTES = 50 * 1024 * 1024
# Fewer words than this after extraction is a stub, a paywall or a nav page.
MIN_ARTICLE_WORDS = 20
# Extractions shorter than this are retried with trafilatura's recall mode.
_RECALL_RETRY_CHARS = 500
# A published date later than now + this is a CMS/feed error.
FUTURE_TOLERANCE = timedelta(days=1)


# --------------------------------------------------------------------------- text helpers

_WHITESPACE = re.compile(r"\s+")
# Tags that separate words when rendered; removing them must leave a space.
_BLOCK_TAG = re.compile(
    r"</?(?:br|p|div|li|ul|ol|h[1-6]|tr|td|th|blockquote|section|article|hr)\b[^>]*>", re.I
)


def normalize_text(text: str) -> str:
    """Normalise text for hashing/comparison: NFKC, whitespace runs collapsed, stripped.

    Two extractions of the same article that differ only in line breaks,
    non-breaking spaces or compatibility characters hash the same.
    """
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def content_hash(text: str) -> str:
    """sha256 hex digest of :func:`normalize_text` of ``text``."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def _plain(value: str | None) -> str | None:
    """Markup-free, whitespace-collapsed text, or None when nothing is left.

    Feed titles and summaries may hold (escaped) HTML; the event pipeline
    wants plain text.
    """
    if not value:
        return None
    spaced = _BLOCK_TAG.sub(" ", value)
    text = _WHITESPACE.sub(" ", replace_entities(remove_tags(spaced))).strip()
    return text or None


# --------------------------------------------------------------------------- dates


def _as_utc(value: datetime) -> datetime:
    """Timezone-aware UTC; naive datetimes are taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


_W3C_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def _parse_w3c_datetime(value: str | None) -> datetime | None:
    """Parse sitemap/HTML-meta dates: W3C datetime (ISO 8601 subset), RFC 822 as fallback."""
    if not value:
        return None
    value = value.strip()
    partial = _W3C_PARTIAL.match(value)
    try:
        if partial:
            return datetime(int(partial[1]), int(partial[2] or 1), 1, tzinfo=UTC)
        return _as_utc(datetime.fromisoformat(value))
    except ValueError:
        pass  # not W3C/ISO: RFC 822 below is the other form feeds and pages use
    try:
        return _as_utc(email.utils.parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError):
        return None


def _struct_time_to_utc(value: object) -> datetime | None:
    """feedparser's ``*_parsed`` fields are UTC ``time.struct_time``s."""
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)  # type: ignore[index]
    except (TypeError, ValueError):
        return None


# --------------------------------------------------------------------------- decoding

_UTF8_NAMES = {"utf-8", "utf8", "utf_8"}
_WIDE_PREFIXES = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x00<\x00", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)


def _sniff_wide_encoding(body: bytes) -> str | None:
    """UTF-16/32 without a BOM, recognised by the NUL pattern around the first ``<``."""
    head = body[:4]
    if head[:1] in (b" ", b"\t", b"\r", b"\n"):  # UTF-16LE whitespace before the first tag
        head = body[:256].lstrip(b"\x00 \t\r\n")[:4]
    for prefix, encoding in _WIDE_PREFIXES:
        if head.startswith(prefix):
            return encoding
    return None


def _guess_encoding(body: bytes) -> str:
    """Best guess for undeclared (or wrongly declared), non-UTF-8 bytes.

    charset_normalizer's own ranking weighs language coherence and, on short
    Western text, ranks e.g. cp775 above cp1252. So the candidate with the
    least "chaos" wins, and windows-1252 -- what undeclared legacy Western
    pages almost always are -- wins near-ties. Cyrillic, Greek, Central
    European and CJK legacy encodings still come out right because decoding
    them as cp1252 produces clearly more chaos.
    """
    sample = body if len(body) <= 65536 else body[:32768] + body[-32768:]
    matches = list(from_bytes(sample))
    if not matches:
        return "cp1252"
    lowest = min(match.chaos for match in matches)
    for match in matches:
        if "cp1252" in match.could_be_from_charset and match.chaos <= lowest + 0.01:
            return "cp1252"
    return min(matches, key=lambda match: match.chaos).encoding


def _decode(body: bytes, http_charset: str | None) -> tuple[str, list[str]]:
    """Decode markup bytes to text, returning ``(text, warnings)``.

    Order: BOM, UTF-16/32 NUL pattern, then the declared encodings (HTTP
    charset, then ``<meta charset>`` / XML declaration, via w3lib). One
    deliberate deviation from the usual precedence: bytes that are valid
    UTF-8 and contain non-ASCII are decoded as UTF-8 even when something else
    was declared, because a mis-declared latin-1/cp1252 label on a UTF-8 body
    is a common server misconfiguration and the reverse is practically
    impossible (legacy 8-bit text is almost never valid UTF-8). Declared
    encodings that fail to decode are skipped with a warning.
    """
    warnings: list[str] = []
    bom_encoding, bom = read_bom(body)
    if bom_encoding:
        return body[len(bom) :].decode(bom_encoding, errors="replace"), warnings
    wide = _sniff_wide_encoding(body)
    if wide:
        return body.decode(wide, errors="replace"), warnings

    declared: list[str] = []
    for candidate in (
        resolve_encoding(http_charset) if http_charset else None,
        html_body_declared_encoding(body[:4096]),
    ):
        # A UTF-16/32 label read from ASCII-compatible bytes is necessarily wrong.
        wide_label = candidate is not None and candidate.startswith(("utf-16", "utf-32"))
        if candidate and not wide_label and candidate not in declared:
            declared.append(candidate)

    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        pass  # not UTF-8: the declared and sniffed charsets below are tried next
    else:
        if declared and declared[0] not in _UTF8_NAMES and not body.isascii():
            warnings.append(
                f"declared encoding {declared[0]} but the body is valid UTF-8; decoded as UTF-8"
            )
        return text, warnings

    for encoding in declared:
        try:
            text = body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            warnings.append(f"declared encoding {encoding} does not decode the body")
            continue
        return text, warnings

    guessed = _guess_encoding(body)
    try:
        text = body.decode(guessed)
    except (UnicodeDecodeError, LookupError):
        guessed = "cp1252"
        text = body.decode(guessed, errors="replace")
    if declared:
        warnings.append(f"decoded as {guessed} (guessed)")
    return text, warnings


def _charset_from_content_type(content_type: str | None) -> str | None:
    return http_content_type_encoding(content_type) if content_type else None


# --------------------------------------------------------------------------- XML screening

_PROLOG_ITEM = re.compile(
    r"""\s+|<\?.*?\?>|<!--.*?-->|
    <!DOCTYPE\s+(?P<doctype>[^\s\[>]+)
        (?:[^\[>"']|"[^"]*"|'[^']*'|\[(?:[^\]"']|"[^"]*"|'[^']*')*\])*>""",
    re.S | re.I | re.X,
)
_ROOT_TAG = re.compile(r"<([A-Za-z_][\w.:-]*)")
_PROLOG_SCAN_LIMIT = 65536


def _prolog(text: str) -> tuple[str | None, int | None]:
    """``(root element name, offset of its start tag)`` of an XML/HTML document.

    Skips the XML declaration, comments, processing instructions and a
    DOCTYPE (including an internal subset, quote-aware: entity values may
    contain ``<``). Only the first ``_PROLOG_SCAN_LIMIT`` characters are
    examined, so this is cheap on large bodies. When no start tag is found
    the name is the DOCTYPE's, if any, and the offset is None.
    """
    head = text[:_PROLOG_SCAN_LIMIT]
    pos = 1 if head.startswith("\ufeff") else 0
    doctype = None
    while True:
        match = _PROLOG_ITEM.match(head, pos)
        if match is None or match.end() == pos:
            break
        doctype = match.group("doctype") or doctype
        pos = match.end()
    root = _ROOT_TAG.match(head, pos)
    if root:
        return root.group(1), pos
    return doctype, None


def _root_element(text: str) -> str | None:
    """Name of the document's root element (see :func:`_prolog`)."""
    return _prolog(text)[0]


def _local_name(name: str) -> str:
    return name.rsplit(":", 1)[-1].lower()


_ENTITY_START = re.compile(r"<!ENTITY\b", re.I)
_ENTITY_START_BYTES = re.compile(rb"<!ENTITY\b", re.I)
_ENTITY_DECLARATION = re.compile(
    r"""<!ENTITY\s+(?P<parameter>%\s*)?(?P<name>[^\s"'%>]+)\s+
        (?:(?P<external>SYSTEM|PUBLIC)\b|"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""",
    re.I | re.X,
)
# A reference inside an entity value to anything but a character reference
# or a predefined entity: the building block of exponential expansion.
_NESTED_REFERENCE = re.compile(r"&(?!#\w+;|(?:amp|lt|gt|quot|apos);)|%[\w.:-]+;")


def _screen_entities(text: str, error: type[FeedError] = FeedError) -> list[str]:
    """Refuse XML whose DTD could expand entities dangerously or read external resources.

    Raises ``error`` for: external entities (``SYSTEM``/``PUBLIC``: XXE),
    parameter entities, entity values that reference other entities (the
    "billion laughs" shape), more than ``MAX_ENTITY_DECLARATIONS``
    declarations, or simple entities whose references would expand to more
    than ``MAX_ENTITY_EXPANSION`` characters (quadratic blowup). Documents
    that declare only a few small plain-text entities pass with a warning.

    Only the prolog is screened -- everything before the root element's
    start tag -- because declarations take effect nowhere else; after it,
    ``<!ENTITY`` is text (an article about XXE in a CDATA section). When no
    root element is found near the start the whole document is screened.
    An external DTD reference without entity declarations (Netscape RSS
    0.91) is fine: neither expat as configured by feedparser nor lxml as
    configured here fetches it.
    """
    if not _ENTITY_START.search(text):
        return []
    _root, root_start = _prolog(text)
    prolog = text if root_start is None else text[:root_start]
    starts = [m.start() for m in _ENTITY_START.finditer(prolog)]
    if not starts:
        return []
    if len(starts) > MAX_ENTITY_DECLARATIONS:
        raise error(f"refused: {len(starts)} entity declarations (entity-expansion guard)")
    values: dict[str, str] = {}
    for start in starts:
        decl = _ENTITY_DECLARATION.match(prolog, start)
        if decl is None:
            raise error("refused: unparseable <!ENTITY> declaration (entity-expansion guard)")
        name = decl.group("name")
        if decl.group("parameter"):
            raise error(f"refused: parameter entity %{name}; declared (external entity guard)")
        if decl.group("external"):
            raise error(f"refused: external entity &{name}; declared (external entity guard)")
        value = decl.group("dq") if decl.group("dq") is not None else decl.group("sq")
        if _NESTED_REFERENCE.search(value):
            raise error(
                f"refused: entity &{name}; refers to other entities (entity-expansion guard)"
            )
        values[name] = value
    expansion = sum(len(value) * text.count(f"&{name};") for name, value in values.items())
    if expansion > MAX_ENTITY_EXPANSION:
        raise error(
            f"refused: declared entities would expand to {expansion} characters "
            "(entity-expansion guard)"
        )
    return [f"document declares {len(values)} internal entities; simple ones are expanded"]


# --------------------------------------------------------------------------- feeds

_FEED_ROOTS = {"rss", "feed", "rdf", "channel"}
_FEED_CONTENT_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+xml",
    "application/x-rss+xml",
    "application/x-atom+xml",
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html\b)", re.I)


def _sniff_text(body: bytes) -> str:
    """Decode just the start of ``body`` well enough to look at its first tags."""
    head = body[:8192]
    bom_encoding, bom = read_bom(head)
    encoding = bom_encoding or _sniff_wide_encoding(head) or "utf-8"
    return head[len(bom or b"") :].decode(encoding, errors="replace")


def looks_like_feed(body: bytes, content_type: str | None) -> bool:
    """Is this response an RSS/RDF/Atom feed?

    The body decides when it can: servers label feeds ``text/html`` and HTML
    error pages ``application/rss+xml``. The content type only decides for
    markup whose root element is not found near the start.
    """
    if not body or not body.strip():
        return False
    text = _sniff_text(body)
    root = _root_element(text)
    if root is not None:
        return _local_name(root) in _FEED_ROOTS
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
    names = [_plain(a.get("name")) for a in entry.get("authors", []) if isinstance(a, dict)]
    joined = ", ".join(dict.fromkeys(n for n in names if n))
    return joined or _plain(entry.get("author"))


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
    text, warnings = _decode(body, _charset_from_content_type(content_type))
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise FeedError("empty response")
    root = _root_element(text)
    if (root is not None and _local_name(root) == "html") or _HTML_START.match(text):
        raise FeedError("not a feed: got an HTML document")
    if root is None and not text.lstrip().startswith("<"):
        raise FeedError("not a feed: the body is not XML")
    warnings.extend(_screen_entities(text))

    # Keep line numbers in parser messages true to the original: feedparser
    # would otherwise prepend its XML declaration on a line of its own.
    if not _XML_DECLARATION.match(text):
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
        entries.append(
            FeedEntry(
                url=link,
                title=_plain(raw.get("title")),
                published=_struct_time_to_utc(
                    raw.get("published_parsed")
                    or raw.get("updated_parsed")
                    or raw.get("created_parsed")
                ),
                author=_entry_author(raw),
                summary=_plain(raw.get("summary")),
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
    return FeedResult(title=_plain(feed.get("title")), entries=entries, warnings=warnings)


# --------------------------------------------------------------------------- HTML helpers

_BINARY_SIGNATURES = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"wOFF", "font"),
    (b"wOF2", "font"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _binary_kind(body: bytes) -> str | None:
    """Name the kind of non-text content, or None for text.

    Magic numbers first; otherwise a body whose first KiB is more than 10%
    control bytes (after ruling out UTF-16/32, which is full of NULs) is
    binary. Guards trafilatura/lxml against being fed a PDF or an image.
    """
    head = body[:1024].lstrip()[:16]
    for signature, kind in _BINARY_SIGNATURES:
        if head.startswith(signature):
            return kind
    if read_bom(body)[0] or _sniff_wide_encoding(body):
        return None
    sample = body[:1024]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if sample and controls / len(sample) > 0.10:
        return "binary data"
    return None


def _html_tree(text: str) -> lxml.html.HtmlElement | None:
    """Parse HTML text leniently (unclosed tags, junk) for link/metadata lookups."""
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return None


def _base_url(tree: lxml.html.HtmlElement, url: str) -> str:
    """The document's ``<base href>`` resolved against ``url``, or ``url``."""
    for href in tree.xpath("//head/base/@href"):
        resolved = resolve_url(str(href), url)
        if resolved:
            return resolved
    return url


_SKIP_CONTAINERS = {"nav", "footer"}
_SKIP_ROLES = {"navigation", "contentinfo", "menu", "menubar", "banner"}
_CONTENT_CONTAINERS = {"article", "main"}


def _in_chrome(link: lxml.html.HtmlElement) -> bool:
    """Is the link in page chrome (nav, footer, site header, menus)?

    A ``<header>`` counts as chrome only outside ``<article>``/``<main>``:
    article cards on listing pages put their headline link in a header.
    """
    in_header = False
    for ancestor in link.iterancestors():
        tag = ancestor.tag if isinstance(ancestor.tag, str) else ""
        if tag in _SKIP_CONTAINERS:
            return True
        if (ancestor.get("role") or "").strip().lower() in _SKIP_ROLES:
            return True
        if tag in _CONTENT_CONTAINERS:
            return False
        if tag == "header":
            in_header = True
    return in_header


def parse_listing(
    body: bytes,
    url: str,
    allow: Sequence[str] = (),
    deny: Sequence[str] = (),
) -> list[str]:
    """Article links from a section/listing page, canonicalised, in page order.

    Links are resolved (honouring ``<base href>``), restricted to the same
    site, and stripped of page chrome (nav/footer/menus), non-http schemes,
    same-page fragments and assets. ``deny`` regexes (``re.search`` on the
    absolute URL) always win. With ``allow`` regexes the source config
    decides what an article is; without them :func:`looks_like_article_url`
    does. Bodies that are not HTML yield an empty list.
    """
    if not body or _binary_kind(body):
        return []
    text, _ = _decode(body, None)
    tree = _html_tree(text)
    if tree is None:
        return []
    base = _base_url(tree, url)
    allow_res = [re.compile(p) for p in allow]
    deny_res = [re.compile(p) for p in deny]
    try:
        page_key = canonicalize_url(url)
    except ValueError:
        page_key = url

    links: list[str] = []
    seen: set[str] = {page_key}
    for anchor in tree.iter("a"):
        href = anchor.get("href")
        if not href or href.lstrip().startswith("#") or _in_chrome(anchor):
            continue
        absolute = resolve_url(href, base)
        if absolute is None or not same_site(absolute, url) or is_asset_url(absolute):
            continue
        if any(r.search(absolute) for r in deny_res):
            continue
        if allow_res:
            if not any(r.search(absolute) for r in allow_res):
                continue
        elif not looks_like_article_url(absolute):
            continue
        try:
            key = canonicalize_url(absolute)
        except ValueError:
            continue
        if key not in seen:
            seen.add(key)
            links.append(key)
    return links


_PAGINATION_URL = re.compile(
    r"(?:[?&](?:page|p|pg|start|offset)=\d+|[/_-](?:page|seite|pagina)[/_-]?\d+|/\d+/?$)", re.I
)
_PAGINATION_TEXT = re.compile(
    r"^(?:next|older|more|earlier|previous|prev|load more|more stories|page \d+|\d{1,3}|[»›>]+)\b",
    re.I,
)
# Same-site pages that are never worth reading as listings.
_NOT_A_LISTING = re.compile(
    r"/(?:about|contact|privacy|terms|legal|cookies?|login|log-in|sign-?in|sign-?up|register|"
    r"account|subscribe|subscription|newsletters?|donate|careers|jobs|advertise|help|faq|"
    r"feedback|imprint|impressum|search)(?:[./?#-]|$)",
    re.I,
)


def parse_listing_pages(
    body: bytes, url: str, deny: Sequence[str] = (), limit: int = 50
) -> list[str]:
    """Links from a listing page to more listing pages (pagination, sections), canonicalised.

    Used to crawl a ``page`` source deeper than one hop: articles are leaves,
    these are the pages whose article links are read next. A candidate is a
    same-site, non-asset, non-denied link that does not look like an article
    and is not an about/contact/login/subscribe-style page; pagination links
    (``rel=next``, ``?page=2``, ``/page/2``, "Older", "Next") come first.
    Unlike :func:`parse_listing`, links in nav and header chrome count here:
    that is where section fronts and pagination live. At most ``limit``.
    """
    if not body or _binary_kind(body):
        return []
    text, _ = _decode(body, None)
    tree = _html_tree(text)
    if tree is None:
        return []
    base = _base_url(tree, url)
    deny_res = [re.compile(p) for p in deny]
    try:
        page_key = canonicalize_url(url)
    except ValueError:
        page_key = url
    paginated: list[str] = []
    others: list[str] = []
    seen: set[str] = {page_key}
    for anchor in tree.iter("a"):
        href = anchor.get("href")
        if not href or href.lstrip().startswith("#"):
            continue
        absolute = resolve_url(href, base)
        if absolute is None or not same_site(absolute, url) or is_asset_url(absolute):
            continue
        if any(r.search(absolute) for r in deny_res) or _NOT_A_LISTING.search(absolute):
            continue
        if looks_like_article_url(absolute) or is_not_crawlable(absolute):
            continue
        try:
            key = canonicalize_url(absolute)
        except ValueError:
            continue
        if key in seen:
            continue
        seen.add(key)
        rels = (anchor.get("rel") or "").lower().split()
        label = _WHITESPACE.sub(" ", anchor.text_content() or "").strip()
        if "next" in rels or _PAGINATION_URL.search(key) or _PAGINATION_TEXT.match(label):
            paginated.append(key)
        else:
            others.append(key)
    return (paginated + others)[:limit]


# --------------------------------------------------------------------------- sitemaps

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
    text = _sniff_text(body)
    root = _root_element(text)
    if root is None:
        if text.lstrip().startswith("<"):
            raise SitemapError("not a sitemap: no root element found")
        decoded, _ = _decode(body, None)
        return _filter_since(_dedupe(_text_sitemap(decoded, url)), [], since)
    kind = _local_name(root)
    if kind == "html":
        raise SitemapError("not a sitemap: got an HTML document")
    if kind in _FEED_ROOTS:
        # Search engines accept RSS/Atom feeds as sitemaps, so sites list them.
        try:
            feed = parse_feed(body, url)
        except FeedError as exc:
            raise SitemapError(str(exc)) from exc
        return _filter_since([(e.url, e.published) for e in feed.entries], [], since)
    if kind not in ("urlset", "sitemapindex"):
        raise SitemapError(f"not a sitemap: root element <{root}>")
    wide = read_bom(body)[0] not in (None, "utf-8") or _sniff_wide_encoding(body)
    if wide or _ENTITY_START_BYTES.search(body):  # decode only when there is something to see
        _screen_entities(_decode(body, None)[0], SitemapError)

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
                date = _parse_w3c_datetime(_child_text(elem, "lastmod"))
                if date is None and name == "url":
                    date = _parse_w3c_datetime(_child_text(elem, "publication_date"))
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
        cutoff = _as_utc(since)
        urls = [(loc, date) for loc, date in urls if date is None or date >= cutoff]
        sitemaps = [(loc, date) for loc, date in sitemaps if date is None or date >= cutoff]
    return SitemapResult(urls=urls, sitemaps=[loc for loc, _ in sitemaps])


# --------------------------------------------------------------------------- articles

_ISO_WITH_TIME = "%Y-%m-%dT%H:%M:%S%z"
_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_]|$)")


def _language(tree: lxml.html.HtmlElement) -> str | None:
    """Primary language subtag from ``<html lang>``, Content-Language meta or og:locale."""
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *tree.xpath(
            "//meta[translate(@http-equiv,'CONTENTLANGUAGE','contentlanguage')"
            "='content-language']/@content"
        ),
        *tree.xpath("//meta[@property='og:locale']/@content"),
    ]
    for candidate in candidates:
        match = _LANGUAGE.match((candidate or "").strip())
        if match:
            return match.group(1).lower()
    return None


def _canonical_url(tree: lxml.html.HtmlElement | None, url: str, warnings: list[str]) -> str:
    """The page's own canonical URL when plausible, else ``url``; always canonicalised.

    Candidates: ``<link rel=canonical>``, then ``og:url``. A candidate is
    ignored (with a warning) when it is on another site, or when it points
    to the site root while the fetched URL does not (a frequent CMS
    template bug that would merge every article into the home page).
    """
    candidates: list[tuple[str, str]] = []
    if tree is not None:
        base = _base_url(tree, url)
        for link in tree.xpath("//link[@href]"):
            rels = (link.get("rel") or "").lower().split()
            if "canonical" in rels:
                candidates.append(("canonical", link.get("href")))
        for content in tree.xpath("//meta[@property='og:url' or @name='og:url']/@content"):
            candidates.append(("og:url", str(content)))
    else:
        base = url
    fetched_is_root = urlsplit(url).path in ("", "/")
    for source, href in candidates:
        resolved = resolve_url(href, base)
        if resolved is None:
            warnings.append(f"ignored {source} {href!r}: not an http(s) URL")
            continue
        if not same_site(resolved, url):
            warnings.append(f"ignored {source} {resolved}: another site")
            continue
        if urlsplit(resolved).path in ("", "/") and not fetched_is_root:
            warnings.append(f"ignored {source} {resolved}: points to the site root")
            continue
        try:
            return canonicalize_url(resolved)
        except ValueError:
            warnings.append(f"ignored {source} {resolved}: unparseable")
    try:
        return canonicalize_url(url)
    except ValueError:
        return url


MAX_TITLE_CHARS = 300


def _sane_title(value: str | None, warnings: list[str]) -> str | None:
    """A plain-text title, or None when it is implausibly long.

    With broken markup (an ``<h1>`` closed by ``</h2>``) the headline element
    can swallow the whole story, and extractors then report it as the title.
    """
    title = _plain(value)
    if title is not None and len(title) > MAX_TITLE_CHARS:
        warnings.append(f"ignored a {len(title)}-character title")
        return None
    return title


def _parse_extracted_date(value: str | None) -> tuple[datetime | None, bool]:
    """Parse an htmldate result; returns ``(datetime, date_only)``.

    htmldate reports date-only sources as a naive midnight.
    """
    if not value:
        return None, False
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None, False
    date_only = parsed.tzinfo is None and parsed.time() == datetime.min.time()
    return _as_utc(parsed), date_only


# One extraction configuration per mode, built once per process: trafilatura's
# ``Extractor`` reads its whole configparser file on construction (about a
# quarter of a millisecond a page), and only the URL differs between pages.
_EXTRACTORS: dict[bool, Extractor] = {}


def _extractor(url: str, recall: bool) -> Extractor:
    """The extraction options for one page: the mode's shared template with this URL."""
    template = _EXTRACTORS.get(recall)
    if template is None:
        template = _EXTRACTORS[recall] = Extractor(
            output_format="python",
            precision=not recall,
            recall=recall,
            comments=False,
            tables=True,
        )
    options = copy.copy(template)
    options.url = url
    options.source = url.encode("utf-8", "replace").decode("utf-8")
    return options


def _extract(tree: lxml.html.HtmlElement, url: str, recall: bool) -> object:
    """One trafilatura text pass over the parsed page: precision-leaning first, recall for
    the retry. Metadata is not asked for here: :func:`_page_metadata` reads it once.

    ``favor_precision`` drops more of the related-links/newsletter/caption
    debris that news templates leave beside the story; on the 181-page
    article-extraction benchmark it took F1 from 0.954 to 0.962 (see
    ``bench/crawl_text_quality.py``). The cost -- a short story pruned too
    hard -- is what the recall retry below ``_RECALL_RETRY_CHARS`` is for.
    ``bare_extraction`` works on a copy of ``tree``, so the tree can be reused.
    """
    return trafilatura.bare_extraction(tree, url=url, options=_extractor(url, recall))


def _page_metadata(
    tree: lxml.html.HtmlElement, url: str, date_params: dict[str, object]
) -> Document:
    """Title, author, URL and date as trafilatura's ``extract_metadata`` finds them.

    The same steps in the same order, minus what banwatch never reads (site
    name, categories, tags, licence): those were about a third of the cost of
    a page, and asking ``bare_extraction`` for metadata would repeat the
    whole pass on a recall retry.
    """
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    # trafilatura's JSON-LD reader has bugs; it ignores them too.
    with contextlib.suppress(Exception):
        metadata = extract_meta_json(tree, metadata)
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.author:
        metadata.author = extract_author(tree)
    if not metadata.url:
        metadata.url = extract_url(tree, url)
    metadata.date = htmldate.find_date(tree, **{**date_params, "url": metadata.url})
    metadata.clean_and_trim()
    return metadata


def _choose_date(
    page: tuple[datetime | None, bool],
    html_text: str,
    url: str,
    fallback: FeedEntry | None,
    now: datetime,
    warnings: list[str],
) -> datetime | None:
    """Page metadata date, else the feed's, else htmldate's extensive text search.

    A date-only page date is refined by the feed's timestamp when they fall
    on the same day. Anything later than ``now + FUTURE_TOLERANCE`` is
    dropped with a warning, wherever it came from.
    """
    limit = now + FUTURE_TOLERANCE
    page_date, date_only = page
    if page_date is not None and page_date > limit:
        warnings.append(f"dropped future date {page_date.isoformat()} from page metadata")
        page_date = None
    feed_date = fallback.published if fallback else None
    if feed_date is not None:
        feed_date = _as_utc(feed_date)
        if feed_date > limit:
            warnings.append(f"dropped future date {feed_date.isoformat()} from the feed entry")
            feed_date = None
    if page_date is not None:
        if date_only and feed_date is not None and feed_date.date() == page_date.date():
            return feed_date
        return page_date
    if feed_date is not None:
        return feed_date
    guessed, _ = _parse_extracted_date(
        htmldate.find_date(
            html_text,
            url=url,
            extensive_search=True,
            original_date=True,
            deferred_url_extractor=True,
            outputformat=_ISO_WITH_TIME,
            max_date=limit.strftime("%Y-%m-%d"),
        )
    )
    if guessed is not None and guessed > limit:
        return None
    return guessed


def parse_article(
    body: bytes,
    url: str,
    fallback: FeedEntry | None = None,
    encoding: str | None = None,
    now: datetime | None = None,
) -> ArticleData:
    """Extract an article's text and metadata from an HTML page.

    ``encoding`` is the HTTP charset if the server sent one; the bytes are
    decoded here (BOM, header, ``<meta charset>``, then detection), because
    trafilatura's own decoding ignores ``<meta charset>``. Text comes from
    trafilatura in precision mode with comments excluded; short results are
    retried in recall mode and the longer kept. Title,
    author and date fall back to the feed entry. ``now`` (default: the
    current time) bounds plausible publication dates.
    """
    now = _as_utc(now) if now is not None else datetime.now(UTC)
    if not body or not body.strip():
        raise NoArticleText("empty response")
    kind = _binary_kind(body)
    if kind:
        raise NoArticleText(f"not an HTML document: {kind}")
    html_text, warnings = _decode(body, encoding)
    # One parse, by trafilatura's own loader (the tree it would build from the
    # text itself): the canonical URL, language, metadata and text all read it.
    tree = load_html(html_text)
    if tree is None:
        if _html_tree(html_text) is None:
            raise NoArticleText("not an HTML document: nothing to parse")
        raise NoArticleText(f"no article text: 0 words extracted (minimum {MIN_ARTICLE_WORDS})")
    canonical = _canonical_url(tree, url, warnings)
    language = _language(tree)

    # Structured metadata only (no text search) and a far max_date, so that
    # a future date is seen and reported rather than silently replaced.
    # Header metadata before the date in the URL: only the former has a time.
    date_params = {
        "original_date": True,
        "extensive_search": False,
        "deferred_url_extractor": True,
        "outputformat": _ISO_WITH_TIME,
        "max_date": (now + timedelta(days=36500)).strftime("%Y-%m-%d"),
    }
    meta = _page_metadata(tree, url, date_params)
    doc = _extract(tree, url, recall=False)
    text = (getattr(doc, "text", None) or "").strip()
    if len(text) < _RECALL_RETRY_CHARS:
        retry = _extract(tree, url, recall=True)
        retry_text = (getattr(retry, "text", None) or "").strip()
        if len(retry_text) > len(text):
            doc, text = retry, retry_text
    normalized = normalize_text(text)
    words = len(normalized.split())
    if doc is None or words < MIN_ARTICLE_WORDS:
        raise NoArticleText(
            f"no article text: {words} words extracted (minimum {MIN_ARTICLE_WORDS})"
        )

    published = _choose_date(
        _parse_extracted_date(meta.date), html_text, url, fallback, now, warnings
    )
    title = _sane_title(meta.title, warnings)
    if title is None and fallback is not None:
        title = fallback.title
    if title is None:
        title = _sane_title(tree.findtext(".//title"), warnings)
    author = _plain(meta.author) or (fallback.author if fallback else None)
    return ArticleData(
        url=url,
        canonical_url=canonical,
        title=title,
        author=author,
        published=published,
        language=language or getattr(doc, "language", None),
        text=text,
        content_hash=hashlib.sha256(normalized.encode("utf-8")).hexdigest(),
        warnings=warnings,
    )
