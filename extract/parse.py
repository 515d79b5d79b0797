"""Dependency parses of the few sentences that may hold an event, and paths in them.

The extraction pipeline leaves the parser out: it costs most of a full ``nlp(text)`` and
most sentences name no topic and no cue.  The candidate generator needs to know how an
actor is attached to a ban word ("Boston's council voted to ban", "officials in Boston
... have banned"), so the sentences it reads are parsed here, and only those.

A parsed sentence is a new ``Doc`` made from the sentence's own tokens, so token ``i`` of
the parse is token ``sent.start + i`` of the original: no realignment is needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

#: what the parser needs from the statistical model; NER and the rest are left out
PARSE_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
#: dependency steps kept in a path: longer attachments are not read as one act
MAX_PATH = 7


@lru_cache(maxsize=4)
def load_parser(model: str) -> Language | None:
    """The model's tagger and parser, or None for a model without a parser (``blank:en``)."""
    if model.startswith("blank:"):
        return None
    nlp = spacy.load(model, exclude=["ner", "senter"])
    if "parser" not in nlp.pipe_names:
        return None
    for name in list(nlp.pipe_names):
        if name not in PARSE_COMPONENTS:
            nlp.remove_pipe(name)
    return nlp


def parse_sentences(parser: Language, sents: Sequence[Span]) -> list[Doc]:
    """Parse each sentence on its own tokens (token ``i`` ↔ ``sent.start + i``)."""
    docs = [Doc(parser.vocab, words=[t.text for t in s],
                spaces=[bool(t.whitespace_) for t in s]) for s in sents]
    return list(parser.pipe(docs, batch_size=64))


def head_of(doc: Doc, start: int, end: int) -> Token:
    """The syntactic head of tokens ``start:end``: the one whose head lies outside."""
    span = doc[start:end]
    for tok in span:
        if tok.head.i < start or tok.head.i >= end or tok.head.i == tok.i:
            return tok
    return span[0]


def dependency_path(a: Token, b: Token) -> tuple[str, ...] | None:
    """Steps from ``a`` up to the lowest common ancestor and down to ``b``:
    ``("↑nsubj", "↓xcomp")`` for "Boston [voted] to ban".  None when longer than
    ``MAX_PATH``."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, tok in enumerate(up_a):
        if tok.i in ids_b:
            m = ids_b[tok.i]
            if n + m > MAX_PATH:
                return None
            steps = [f"↑{t.dep_}" for t in up_a[:n]]
            steps += [f"↓{t.dep_}" for t in reversed(up_b[:m])]
            return tuple(steps)
    return None
