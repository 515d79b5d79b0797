"""Turning raw input (HTML pages, text files, odd bytes) into clean article text.

Everything here is defensive: crawled pages can be empty, binary, huge or in any
encoding, and the extractor must see either sensible text or an empty string.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from banwatch.crawler.decoding import decode_markup

#: Largest input file ``read_input`` reads; the rest of a bigger file is ignored.
MAX_INPUT_BYTES = 10 * 1024 * 1024

_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|p|div|meta|title)\b", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def looks_like_html(data: bytes | str) -> bool:
    """True when the first few KB contain HTML tags (a cheap sniff, not a parse)."""
    head = data[:4096]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    return bool(_HTML_SNIFF.search(head))


def decode_bytes(data: bytes) -> str:
    """Decode bytes the way the crawl decodes pages: BOM, declared charset, UTF-8, detection.

    Never raises: undecodable bytes become U+FFFD, which ``is_garbage`` can then count.
    """
    return decode_markup(data, None)[0]


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


#: a line break inside a hard-wrapped paragraph: the line before ends in a word or a
#: comma, the next begins in lower case ("Microsoft will not sell facial recognition\ntech
#: to police until ...")
_WRAPPED_BREAK = re.compile(r"(?<=[\w,;])[ \t]*\n(?=[ \t]*[a-z])")


def unwrap_lines(text: str) -> str:
    """Join the lines of hard-wrapped paragraphs (plain-text mail, feeds, some pages), whose
    breaks would otherwise end sentences mid-clause; each break becomes one space, so the
    text keeps its length and every offset."""
    return _WRAPPED_BREAK.sub(lambda m: m.group().replace("\n", " "), text)


def text_from_html(html: bytes | str, url: str | None = None) -> str:
    """Main article text of an HTML page, exactly as the crawl stores it; ``""`` if none.

    The crawl and this function share one path
    (:func:`banwatch.crawler.article_text.page_text`): the same decoding, the
    same trafilatura passes and the same minimum, so a saved page gives the
    text the crawl stored for it. A page without an article (an index, an
    error page, a stub) gives ``""``.
    """
    # Imported here: trafilatura is a slow import that plain-text input never needs.
    from banwatch.crawler.article_text import NoArticleText, page_text

    data = html.encode("utf-8") if isinstance(html, str) else html[:MAX_INPUT_BYTES]
    try:
        return page_text(data, url or "")
    except NoArticleText:
        return ""


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
