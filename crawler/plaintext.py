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


# Scripts written without spaces between words, as Unicode ranges: a count of
# whitespace-separated words would see a whole Chinese paragraph as one word.
UNSPACED_SCRIPTS: dict[str, tuple[tuple[str, str], ...]] = {
    "Thai": (("\u0e00", "\u0e7f"),),
    "Lao": (("\u0e80", "\u0eff"),),
    "Myanmar": (("\u1000", "\u109f"),),
    "Khmer": (("\u1780", "\u17ff"),),
    "Hiragana and Katakana": (("\u3040", "\u30ff"), ("\u31f0", "\u31ff")),
    "Han": (
        ("\u3400", "\u4dbf"),
        ("\u4e00", "\u9fff"),
        ("\uf900", "\ufaff"),
        ("\U00020000", "\U0002fa1f"),
    ),
}
# Characters of those scripts that make a word, roughly: segmented Chinese
# averages about 1.5 characters a word, Japanese about 2, Thai more.
CHARS_PER_UNSPACED_WORD = 2
_UNSPACED_RANGES = [f"{low}-{high}" for ranges in UNSPACED_SCRIPTS.values() for low, high in ranges]
_UNSPACED_CHARACTER = re.compile(f"[{''.join(_UNSPACED_RANGES)}]")
_WORD_CHARACTER = re.compile(r"\w")


def word_count(text: str) -> int:
    """About how many words ``text`` holds, in any script.

    Whitespace-separated tokens with a letter or digit in them, plus one word
    per ``CHARS_PER_UNSPACED_WORD`` characters of a script written without
    spaces (Chinese, Japanese, Thai, ...), so that the minimum length of an
    article means the same in every language.
    """
    unspaced = len(_UNSPACED_CHARACTER.findall(text))
    spaced = _UNSPACED_CHARACTER.sub(" ", text).split()
    return sum(1 for token in spaced if _WORD_CHARACTER.search(token)) + (
        unspaced // CHARS_PER_UNSPACED_WORD
    )
