"""Untrusted markup bytes to text: BOMs, UTF-16/32 without one, declared and guessed charsets.

Feeds, sitemaps, listing pages and articles all come as bytes whose declared
encoding may be missing or wrong; every parser decodes them here, the same
way. :func:`binary_kind` tells a PDF or an image apart before any parser sees it.
"""

from __future__ import annotations

from charset_normalizer import from_bytes
from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

_UTF8_NAMES = {"utf-8", "utf8", "utf_8"}
_WIDE_PREFIXES = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x00<\x00", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)


def sniff_wide_encoding(body: bytes) -> str | None:
    """UTF-16/32 without a BOM, recognised by the NUL pattern around the first ``<``."""
    head = body[:4]
    if head[:1] in (b" ", b"\t", b"\r", b"\n"):  # UTF-16LE whitespace before the first tag
        head = body[:256].lstrip(b"\x00 \t\r\n")[:4]
    for prefix, encoding in _WIDE_PREFIXES:
        if head.startswith(prefix):
            return encoding
    return None


def guess_encoding(body: bytes) -> str:
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


def decode_markup(body: bytes, http_charset: str | None) -> tuple[str, list[str]]:
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
    wide = sniff_wide_encoding(body)
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

    guessed = guess_encoding(body)
    try:
        text = body.decode(guessed)
    except (UnicodeDecodeError, LookupError):
        guessed = "cp1252"
        text = body.decode(guessed, errors="replace")
    if declared:
        warnings.append(f"decoded as {guessed} (guessed)")
    return text, warnings


def charset_from_content_type(content_type: str | None) -> str | None:
    return http_content_type_encoding(content_type) if content_type else None


def sniff_text(body: bytes) -> str:
    """Decode just the start of ``body`` well enough to look at its first tags."""
    head = body[:8192]
    bom_encoding, bom = read_bom(head)
    encoding = bom_encoding or sniff_wide_encoding(head) or "utf-8"
    return head[len(bom or b"") :].decode(encoding, errors="replace")


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


def binary_kind(body: bytes) -> str | None:
    """Name the kind of non-text content, or None for text.

    Magic numbers first; otherwise a body whose first KiB is more than 10%
    control bytes (after ruling out UTF-16/32, which is full of NULs) is
    binary. Guards trafilatura/lxml against being fed a PDF or an image.
    """
    head = body[:1024].lstrip()[:16]
    for signature, kind in _BINARY_SIGNATURES:
        if head.startswith(signature):
            return kind
    if read_bom(body)[0] or sniff_wide_encoding(body):
        return None
    sample = body[:1024]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if sample and controls / len(sample) > 0.10:
        return "binary data"
    return None
