"""Candidate events: every (actor, ban word) pair that may be an event, for the decider.

Two sources propose candidates, and the learned decider (``extract.decider``) judges them
all the same way:

``rules``
    what the sentence rules (``extract.rules``) made: precise on the phrasings they were
    written for, blind to the rest;
``parse``
    every actor the sentence names (a place, company, body or agency the rules know, or an
    organisation the NER found; never a topic term) paired with every action cue of a
    sentence that is about a topic, and with the predicate that governs the topic term
    ("pulled the plug on using TECH", "started requiring retailers to take TECH"), when
    the dependency parse attaches them (``extract.parse``).  This is where recall comes
    from: "officials in Boston voted to ban", "Oakland followed suit", "is no longer
    offering it".

A candidate that both sources propose (same sentence, same actor) is the rules' one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .components import NER_KEY, TOPIC_KEY
from .parse import dependency_path, head_of
from .rules.state import Actor, Candidate, Mention, SentenceRecord

#: mention kinds that can act
ACTING_KINDS = {"place", "company", "body", "agency", "org"}
#: the action of a predicate cue is the decider's to say
UNKNOWN_ACTION = "?"
PREDICATE = "predicate"
#: words that make an organisation the NER found a public body rather than a company
AGENCY_WORDS = {"commission", "commissioner", "authority", "department", "police", "office",
                "ministry", "agency", "service", "board", "bureau", "regulator", "parliament",
                "council", "court", "government", "administration", "inspectorate",
                "watchdog", "committee", "assembly", "senate", "congress", "legislature",
                "university", "district", "transport", "transit"}
#: how many sentences after a topic sentence still speak of it ("The ordinance bars ...")
TOPIC_REACH = 1


@dataclass
class Proposal:
    """One candidate event for the decider to judge."""

    record: SentenceRecord
    actor: Actor
    actor_span: tuple[int, int] | None  # doc tokens of the actor's mention; None: implicit
    cue: Span | None
    action: str  # the action proposed (the rules', or the cue's)
    status: str  # the status proposed (the rules', or "enacted" until judged)
    source: str  # "rules" | "parse"
    path: tuple[str, ...] = ()
    candidate: Candidate | None = field(default=None, repr=False)

    @property
    def key(self) -> tuple[int, str, str | None, str]:
        """(sentence, actor, region, action): one proposal each."""
        return (self.record.index, self.actor.name.casefold(), self.actor.region, self.action)


def cue_action(cue: Span, record: SentenceRecord) -> str | None:
    """The action a cue names; a chain cue ("followed suit") repeats the last one told; a
    predicate's is unknown until the decider reads it."""
    if cue.label_.startswith("action:"):
        return cue.label_.split(":", 1)[1]
    if cue.label_ == "chain":
        return record.last_action
    if cue.label_ == PREDICATE:
        return UNKNOWN_ACTION
    return None


def org_mentions(record: SentenceRecord, topic_tokens: set[int]) -> list[Mention]:
    """Organisations the NER found that the gazetteer and the rules did not resolve:
    "Bunnings and Kmart", "the Office of the Australian Information Commissioner"."""
    sent = record.sent
    doc = sent.doc
    taken = {i for m in record.mentions for i in range(m.start, m.end)} | topic_tokens
    spans = [e for e in (*sent.ents, *doc.spans.get(NER_KEY, []))
             if e.label_ == "ORG" and sent.start <= e.start < sent.end]
    out: list[Mention] = []
    for e in spans:
        if taken.intersection(range(e.start, e.end)):
            continue
        words = [t for t in e if not (t.i == e.start and t.lower_ == "the")
                 and t.text not in {"'s", "’s"}]
        if not words:
            continue
        name = doc[words[0].i:words[-1].i + 1].text
        kind = "agency" if {t.lower_ for t in e} & AGENCY_WORDS else "company"
        out.append(Mention(e.start, e.end, "org", f"org:{name}",
                           [Actor(name, kind, None, None, None)]))
        taken.update(range(e.start, e.end))
    return out


def predicate_cues(record: SentenceRecord, parsed: Doc) -> list[Span]:
    """The verb that governs each topic term, as a cue whose action is unknown: what is
    done to the technology, in whatever words ("pulled the plug on using it")."""
    sent = record.sent
    doc = sent.doc
    base = sent.start
    in_cues = {i for k in record.cues for i in range(k.start, k.end)}
    out: dict[int, Span] = {}
    for t in doc.spans.get(TOPIC_KEY, []):
        if not sent.start <= t.start < sent.end:
            continue
        tok = head_of(parsed, t.start - base, t.end - base)
        for _ in range(6):
            if tok.pos_ in {"VERB", "AUX"} and tok.i + base not in in_cues:
                out[tok.i] = Span(doc, tok.i + base, tok.i + base + 1, label=PREDICATE)
                break
            if tok.head.i == tok.i or tok.i + base in in_cues:
                break
            tok = tok.head
    return list(out.values())


def _topic_tokens(sent: Span) -> set[int]:
    doc = sent.doc
    return {i for t in doc.spans.get(TOPIC_KEY, []) if sent.start <= t.start < sent.end
            for i in range(t.start, t.end)}


def _acting(mentions: Iterable[Mention], topic_tokens: set[int]) -> list[Mention]:
    """Mentions that may act: not a landmark, not part of something else, and never the
    technology itself ("the Rekognition moratorium", "the e-scooter ban")."""
    return [m for m in mentions
            if m.kind in ACTING_KINDS and m.actors and not m.owned and not m.landmark
            and not topic_tokens.intersection(range(m.start, m.end))]


def on_topic(records: Sequence[SentenceRecord], i: int) -> bool:
    """A sentence names a topic, or follows one that does closely enough."""
    return any(r.has_topic for r in records[max(0, i - TOPIC_REACH):i + 1])


def rule_proposals(candidates: Iterable[Candidate],
                   records: dict[int, SentenceRecord]) -> list[Proposal]:
    out = []
    for c in candidates:
        record = records.get(c.sentence)
        if record is None or c.sent is None:
            continue
        doc = c.sent.doc
        cue = None
        if c.cue_tok is not None:
            cue = next((k for k in record.cues if k.start <= c.cue_tok < k.end),
                       doc[c.cue_tok:c.cue_tok + 1])
        span = None
        if c.actor_tok is not None:
            m = next((m for m in record.mentions if m.start == c.actor_tok), None)
            span = (m.start, m.end) if m is not None else (c.actor_tok, c.actor_tok + 1)
        out.append(Proposal(record, c.actor, span, cue, c.action, c.status, "rules",
                            candidate=c))
    return out


def parse_proposals(records: Sequence[SentenceRecord],
                    taken: set[tuple[int, str, str | None, str]],
                    parses: dict[int, Doc]) -> list[Proposal]:
    """Actor × action cue pairs of the topic sentences that the parse attaches."""
    out: list[Proposal] = []
    for i, record in enumerate(records):
        parsed = parses.get(record.index)
        if parsed is not None and on_topic(records, i):
            out += _pairs(record, parsed, taken)
    return out


def _pairs(record: SentenceRecord, parsed: Doc, taken: set) -> list[Proposal]:
    """For each acting mention and each action its cues name, the cue the parse attaches
    most closely; a (sentence, actor, action) the rules already proposed is theirs."""
    base = record.sent.start
    topic = _topic_tokens(record.sent)
    cues = [*record.cues, *predicate_cues(record, parsed)]
    best: dict[tuple[int, str, str | None, str], tuple[int, Proposal]] = {}
    for m in _acting([*record.mentions, *org_mentions(record, topic)], topic):
        actor = m.actors[0]
        for cue in cues:
            action = cue_action(cue, record)
            if action is None or (cue.start < m.end and cue.end > m.start):
                continue
            key = (record.index, actor.name.casefold(), actor.region, action)
            if key in taken:
                continue
            path = dependency_path(head_of(parsed, m.start - base, m.end - base),
                                   head_of(parsed, cue.start - base, cue.end - base))
            if path is None or (key in best and best[key][0] <= len(path)):
                continue
            best[key] = (len(path), Proposal(record, actor, (m.start, m.end), cue, action,
                                             "enacted", "parse", path))
    taken.update(best)
    return [p for _, p in best.values()]

