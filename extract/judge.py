"""From what the rules read to the candidates the decider keeps.

The rules (``extract.rules``) read an article and leave their candidates and a record of
every sentence in the ``ArticleState``.  ``judge`` turns both into proposals
(``extract.candidates``), has the learned decider (``extract.decider``) judge them, and
returns the kept ones as candidates for merging, with the verdicts for ``--explain``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from . import dates as d
from .candidates import Proposal, cue_action, on_topic, parse_proposals, rule_proposals
from .decider import Decider, Verdict, add_paths
from .parse import parse_sentences
from .rules.state import ArticleState, Candidate, SentenceRecord


@dataclass
class Judged:
    candidates: list[Candidate]
    verdicts: list[Verdict]


def parses_for(records: Sequence[SentenceRecord], candidates: Sequence[Candidate],
               parser: Language | None) -> dict[int, Doc]:
    """Parse the sentences that may hold an event: topic sentences with an action cue or
    naming an actor, and every sentence the rules made a candidate in."""
    if parser is None:
        return {}
    made = {c.sentence for c in candidates}
    wanted = [r for i, r in enumerate(records) if r.index in made or (
        on_topic(records, i) and (any(cue_action(k, r) for k in r.cues) or
                                  (r.has_topic and any(m.actors for m in r.mentions))))]
    return {r.index: doc for r, doc in
            zip(wanted, parse_sentences(parser, [r.sent for r in wanted]), strict=True)}


def proposals_of(state: ArticleState, parser: Language | None) -> list[Proposal]:
    """Every candidate the rules made and every one the parse adds, with paths."""
    records = {r.index: r for r in state.sentences}
    parses = parses_for(state.sentences, state.candidates, parser)
    props = rule_proposals(state.candidates, records)
    add_paths(props, parses)
    taken = {p.key for p in props}
    return props + parse_proposals(state.sentences, taken, parses)


def judge(state: ArticleState, decider: Decider, parser: Language | None,
          body_text: str) -> Judged:
    proposals = proposals_of(state, parser)
    judged = {id(p.candidate) for p in proposals if p.candidate is not None}
    # candidates no proposal stands for (made without a sentence) pass unjudged
    kept = [c for c in state.candidates if id(c) not in judged]
    verdicts = decider.decide(proposals)
    for v in verdicts:
        if not v.kept:
            continue
        p = v.proposal
        if p.candidate is not None:
            p.candidate.action, p.candidate.status = p.action, p.status
            kept.append(p.candidate)
        else:
            kept.append(new_candidate(p, state, body_text))
    kept.sort(key=lambda c: c.order)
    return Judged(kept, verdicts)


def new_candidate(p: Proposal, state: ArticleState, body_text: str) -> Candidate:
    """A candidate for a parse proposal: dated by the date nearest its cue in the
    sentence, if any (not an expiry or effective date)."""
    r = p.record
    sent = r.sent
    dated = [(m, k) for m, k in r.date_mentions if m.role not in {"until", "effect"}]
    pdate, dtext, explicit = None, None, False
    if dated and p.cue is not None:
        m, _ = min(dated, key=lambda mk: abs(mk[1] - p.cue.start))
        pdate = d.resolve(m, state.when)
        if pdate is not None:
            dtext, explicit = m.text, m.explicit_year
    if r.in_title:
        start = end = 0
        evidence = sent.text.strip()
    else:
        start = r.char_base + sent.start_char
        raw = body_text[start:r.char_base + sent.end_char]
        evidence = raw.strip()
        start += len(raw) - len(raw.lstrip())
        end = start + len(evidence)
    state.order += 1
    return Candidate(p.actor, p.action, p.status, None, r.topic, pdate, dtext, explicit, None,
                     evidence, start, end, 0.5, state.order, r.index, r.in_title,
                     past_simple=False, sent=sent,
                     cue_tok=p.cue.start if p.cue is not None else None,
                     actor_tok=p.actor_span[0] if p.actor_span else None)
