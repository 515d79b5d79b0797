"""Plain text out of scraped strings, and the normal form articles are hashed in."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from w3lib.html import remove_tags, replace_entities

WHITESPACE = re.compile(r"\s+")
# Tags that separate words when rendered; removing them must leave a space.
_BLOCK_TAG = re.compile(
    r"</?(?:br|p|div|li|ul|ol|h[1-6]|tr|td|th|blockquote|section|article|hr)\b[^>]*>", re.I
)


def normalize_text(text: str) -> str:
    """Normalise text for hashing/comparison: NFKC, whitespace runs collapsed, stripped.

    Two extractions of the same article that differ only in line breaks,
    non-breaking spaces or compatibility characters hash the same.
    """
    return WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def content_hash(text: str) -> str:
    """sha256 hex digest of :func:`normalize_text` of ``text``."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def plain_text(value: str | None) -> str | None:
    """Markup-free, whitespace-collapsed text, or None when nothing is left.

    Feed titles and summaries may hold (escaped) HTML; the event pipeline
    wants plain text.
    """
    if not value:
        return None
    spaced = _BLOCK_TAG.sub(" ", value)
    text = WHITESPACE.sub(" ", replace_entities(remove_tags(spaced))).strip()
    return text or None
