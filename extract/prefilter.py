"""Cheap text-level filtering that runs before any model.

Most crawled articles are not about any watched topic; a compiled regex over the raw
text finds that out in microseconds, so the spaCy model only ever sees on-topic
articles, and within those only the paragraphs ("blocks") that could hold an event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .topics import Topic

#: Words without which a block cannot state (or refer back to, or chain) an event.
CUE_WORDS = re.compile(
    r"\b(?:ban|bans|banned|banning|moratori\w*|prohibit\w*|outlaw\w*|forb[ia]d\w*|bar(?:s|red|ring)?|"
    r"paus\w*|halt\w*|suspen\w*|restrict\w*|limit\w*|regulat\w*|curb\w*|warrants?|repeal\w*|"
    r"rescind\w*|lift\w*|overturn\w*|revers\w*|roll\w* back|walk\w* back|exit\w*|discontinu\w*|"
    r"abandon\w*|no longer|stop\w*|ceas\w*|shut\w* down|wind\w* down|quit\w*|sunset\w*|"
    r"extend\w*|extension|renew\w*|follow\w*|did the same|did so|join\w*|acted|"
    r"won'?t sell|will not sell|veto\w*|ordinance|delet\w*)\b",
    re.I,
)


def _term_regex(terms: Sequence[str]) -> str:
    parts = set()
    for term in terms:
        words = re.split(r"[\s\-]+", term.strip())
        parts.add(r"[\s\-]+".join(re.escape(w) for w in words if w))
    return "|".join(sorted(parts, key=len, reverse=True))


@dataclass
class Block:
    """A paragraph-sized piece of the text: ``text == full_text[start:end]``."""

    start: int
    end: int
    text: str


class Prefilter:
    """Which topics a text mentions, by a single case-insensitive regex per topic."""

    def __init__(self, topics: Sequence[Topic]) -> None:
        self.topics = list(topics)
        self.regexes = {
            t.name: re.compile(r"(?<!\w)(?:" + _term_regex(t.matched_terms) + r")(?!\w)", re.I)
            for t in self.topics
        }
        self.any_regex = re.compile(
            r"(?<!\w)(?:" + _term_regex([x for t in self.topics for x in t.matched_terms])
            + r")(?!\w)",
            re.I,
        )

    def mentions_any(self, text: str) -> bool:
        return bool(text) and self.any_regex.search(text) is not None

    def topics_in(self, text: str) -> list[str]:
        """Names of topics whose terms occur in ``text``."""
        if not self.mentions_any(text):
            return []
        return [name for name, rx in self.regexes.items() if rx.search(text)]


MAX_BLOCK_CHARS = 1500
_SENT_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")


def split_blocks(text: str) -> list[Block]:
    """Paragraphs (newline-separated); long ones cut at sentence ends near 1,500 chars."""
    blocks: list[Block] = []
    for m in re.finditer(r"[^\n]+", text):
        start, chunk = m.start(), m.group()
        if not chunk.strip():
            continue
        if len(chunk) <= MAX_BLOCK_CHARS:
            blocks.append(_strip(start, chunk))
            continue
        piece_start = 0
        last_cut = 0
        for sm in _SENT_SPLIT.finditer(chunk):
            if sm.start() - piece_start > MAX_BLOCK_CHARS and last_cut > piece_start:
                blocks.append(_strip(start + piece_start, chunk[piece_start:last_cut]))
                piece_start = last_cut
            last_cut = sm.end()
        rest = chunk[piece_start:]
        while len(rest) > 3 * MAX_BLOCK_CHARS:  # no sentence ends at all: hard cut
            blocks.append(_strip(start + piece_start, rest[:MAX_BLOCK_CHARS]))
            piece_start += MAX_BLOCK_CHARS
            rest = chunk[piece_start:]
        blocks.append(_strip(start + piece_start, rest))
    return [b for b in blocks if b.text]


def _strip(start: int, chunk: str) -> Block:
    lead = len(chunk) - len(chunk.lstrip())
    body = chunk.strip()
    return Block(start + lead, start + lead + len(body), body)


def relevant_blocks(blocks: list[Block], prefilter: Prefilter) -> list[Block]:
    """Blocks that mention a topic term or an action/chaining cue word.

    An on-topic article's other paragraphs (quotes, background, boilerplate) are
    skipped; this is what makes on-topic articles cheaper than a full ``nlp(text)``.
    """
    return [b for b in blocks if prefilter.mentions_any(b.text) or CUE_WORDS.search(b.text)]
