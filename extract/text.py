"""Turning raw input (HTML pages, text files, odd bytes) into clean article text.

Everything here is defensive: crawled pages can be empty, binary, huge or in any
encoding, and the extractor must see either sensible text or an empty string.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

#: Largest input file ``read_input`` reads; the rest of a bigger file is ignored.
MAX_INPUT_BYTES = 10 * 1024 * 1024

_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|p|div|meta|title)\b", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def looks_like_html(data: bytes | str) -> bool:
    """True when the first few KB contain HTML tags (a cheap sniff, not a parse)."""
    head = data[:4096]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    return bool(_HTML_SNIFF.search(head))


def decode_bytes(data: bytes) -> str:
    """Decode bytes robustly: BOM/UTF-8 first, then a declared charset, then cp1252.

    Never raises: undecodable bytes become U+FFFD, which ``is_garbage`` can then count.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass  # not UTF-8: a declared charset, then cp1252, are tried next
    match = _META_CHARSET.search(data[:8192])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"), "replace")
        except LookupError:
            pass  # an unknown charset name: fall back to cp1252 below
    return data.decode("cp1252", "replace")


def is_garbage(text: str, sample: int = 20000) -> bool:
    """True for text that is mostly control or replacement characters (binary input)."""
    head = text[:sample]
    if not head:
        return False
    bad = sum(1 for ch in head if ch == "\ufffd" or (ch < " " and ch not in "\n\r\t"))
    return bad / len(head) > 0.05


def clean_text(text: str) -> str:
    """Normalise unicode (NFC), drop control characters, unify newlines.

    Offsets of events refer to the text *after* this cleaning only if a caller cleans
    first; the extractor itself never changes the length of the text it is given
    (see ``Extractor.extract``), so callers can keep their own copy.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(" ", text)


def text_from_html(html: bytes | str, url: str | None = None) -> str:
    """Main article text of an HTML page via trafilatura; ``""`` if there is none.

    Comments, tables and navigation are left out because bans are reported in the
    article body; a page without an article (an index, an error page) gives ``""``.
    """
    import trafilatura  # imported here: slow import, not needed for plain text

    if isinstance(html, bytes):
        if not html.strip():
            return ""
        html = decode_bytes(html[:MAX_INPUT_BYTES])
    if not html or not html.strip() or is_garbage(html):
        return ""
    try:
        extracted = trafilatura.extract(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=True,
        )
    except (ValueError, TypeError, AttributeError, LookupError) as exc:  # malformed markup
        import logging

        logging.getLogger(__name__).debug("trafilatura failed on %s: %s", url, exc)
        return ""
    return clean_text(extracted) if extracted else ""


def read_input(path: Path) -> str:
    """Read a plain-text or HTML file (sniffed, not by extension) and return its text.

    At most ``MAX_INPUT_BYTES`` are read.  Binary files give ``""``.
    """
    path = Path(path)
    with path.open("rb") as fh:
        data = fh.read(MAX_INPUT_BYTES)
    if not data.strip():
        return ""
    if looks_like_html(data):
        return text_from_html(data, url=path.as_uri() if path.is_absolute() else None)
    text = decode_bytes(data)
    if is_garbage(text):
        return ""
    return clean_text(text)
