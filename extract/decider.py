"""The learned decider: is a candidate an event, with which action and status?

A small spaCy text classifier (``textcat_multilabel``, trained with ``spacy train`` from
``extract/training/config.cfg``; ``make train``) reads each candidate as a short text:
what kind of actor, what the cue says, how the parse attaches them, and the sentence
with the actor, the other actors and the technology replaced by placeholders, so that it
learns how events are told rather than which places or technologies they concern.

Its scores then go through ``CHECKS``, an ordered table of named checks: the first that
fires drops the candidate (and says why, for ``banwatch extract --explain``); after them,
``relabel`` may change the action or status where the model is confident and the proposal
is not.  The thresholds live beside the model (``thresholds.json``), tuned on the
real-news dev part.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language

from banwatch.vocabulary import ACTIONS, STATUSES

from .candidates import UNKNOWN_ACTION, Proposal
from .components import NER_KEY, TOPIC_KEY
from .parse import dependency_path, head_of

MODEL_DIR = Path(__file__).resolve().parent / "models" / "decider"
THRESHOLDS_FILE = "thresholds.json"
#: the classifier's labels: is it an event, and (when it is) its action and its status
EVENT_LABEL = "EVENT"
ACTION_LABELS = {a: f"ACTION_{a}" for a in ACTIONS}
STATUS_LABELS = {s: f"STATUS_{s}" for s in STATUSES}


@dataclass(frozen=True)
class Thresholds:
    """When the decider keeps, drops and relabels (see ``CHECKS``)."""

    keep_rule: float = 0.2  # a rules' candidate is dropped below this event score
    accept_parse: float = 0.6  # a parse candidate is kept from this event score
    relabel: float = 0.7  # another action wins from this score ...
    keep_label: float = 0.3  # ... when the proposed label scores below this
    relabel_status: float | None = None  # another status wins from this (None: ``relabel``)

    @classmethod
    def load(cls, path: Path) -> Thresholds:
        return cls(**json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else cls()


@dataclass
class Verdict:
    """What the decider made of one proposal (``--explain`` prints these)."""

    proposal: Proposal
    scores: dict[str, float]
    kept: bool
    check: str | None = None  # the check that dropped it
    relabelled: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        p = self.proposal
        return {"actor": p.actor.name, "region": p.actor.region, "action": p.action,
                "status": p.status, "source": p.source, "kept": self.kept, "check": self.check,
                "relabelled": self.relabelled, "path": " ".join(p.path),
                "cue": p.cue.text if p.cue is not None else None,
                "sentence": p.record.sent.text.strip()[:300],
                "scores": {k: round(v, 3) for k, v in sorted(self.scores.items())}}


# ---------------------------------------------------------------------- the model's input
def model_text(p: Proposal) -> str:
    """The candidate as the classifier reads it: a few feature words, then the sentence
    with ACTOR, OTHER (other actors) and TECH (topic terms) for the names, and the cue in
    brackets."""
    sent = p.record.sent
    doc = sent.doc
    a = p.actor
    cue = "predicate" if p.action == UNKNOWN_ACTION else p.action
    head = [f"kind_{a.actor_type}", f"level_{a.level or 'none'}", f"cue_{cue}"]
    if p.record.in_title:
        head.append("in_title")
    if p.actor_span is None:
        head.append("implicit_actor")
    else:  # what the statistical NER made of the name: a PERSON never acts
        head += sorted({f"ner_{e.label_}" for e in doc.spans.get(NER_KEY, [])
                        if e.start < p.actor_span[1] and e.end > p.actor_span[0]})
    head += [f"path{step.replace('↑', '_up_').replace('↓', '_down_')}" for step in p.path] \
        or ["path_none"]
    topic = {i for t in doc.spans.get(TOPIC_KEY, []) if sent.start <= t.start < sent.end
             for i in range(t.start, t.end)}
    others = {i for m in p.record.mentions if m.actors
              for i in range(m.start, m.end)}
    words: list[str] = []
    i = sent.start
    while i < sent.end:
        if p.actor_span is not None and p.actor_span[0] <= i < p.actor_span[1]:
            words.append("ACTOR")
            i = p.actor_span[1]
        elif p.cue is not None and p.cue.start <= i < p.cue.end:
            words += ["[", *(t.text for t in doc[p.cue.start:p.cue.end]), "]"]
            i = p.cue.end
        elif i in topic:
            words.append("TECH")
            while i in topic:
                i += 1
        elif i in others:
            words.append("OTHER")
            while i in others and not (p.cue is not None and i == p.cue.start):
                i += 1
        else:
            if not doc[i].is_space:
                words.append(doc[i].text)
            i += 1
    return " ".join(head) + " | " + " ".join(words)


def add_paths(proposals: Sequence[Proposal], parses: dict[int, object]) -> None:
    """Fill the dependency path of proposals the rules made (the parse proposals have one)."""
    for p in proposals:
        parsed = parses.get(p.record.index)
        if p.path or parsed is None or p.actor_span is None or p.cue is None:
            continue
        base = p.record.sent.start
        path = dependency_path(head_of(parsed, p.actor_span[0] - base, p.actor_span[1] - base),
                               head_of(parsed, p.cue.start - base, p.cue.end - base))
        p.path = path or ()


# ---------------------------------------------------------------------- the decisions
Check = Callable[[Proposal, dict[str, float], Thresholds], bool]


def _model_rejects_rule(p: Proposal, s: dict[str, float], t: Thresholds) -> bool:
    return p.source == "rules" and s[EVENT_LABEL] < t.keep_rule


def _model_doubts_parse(p: Proposal, s: dict[str, float], t: Thresholds) -> bool:
    return p.source == "parse" and s[EVENT_LABEL] < t.accept_parse


#: Ordered: the first check that fires drops the candidate.
CHECKS: list[tuple[str, Check]] = [
    ("model rejects the rules' candidate", _model_rejects_rule),
    ("model doubts the parse candidate", _model_doubts_parse),
]


def _best(scores: dict[str, float], labels: dict[str, str]) -> tuple[str, float]:
    name, label = max(labels.items(), key=lambda kv: scores.get(kv[1], 0.0))
    return name, scores.get(label, 0.0)


def relabel(p: Proposal, s: dict[str, float], t: Thresholds) -> list[str]:
    """Change action or status where the model is sure and the proposal is not; a parse
    proposal takes the model's status outright (its own is only a placeholder)."""
    changes = []
    action, a_score = _best(s, ACTION_LABELS)
    if action != p.action and (p.action == UNKNOWN_ACTION or (
            a_score >= t.relabel and s.get(ACTION_LABELS[p.action], 0.0) < t.keep_label)):
        changes.append(f"action {p.action} → {action}")
        p.action = action
    status, s_score = _best(s, STATUS_LABELS)
    status_bar = t.relabel if t.relabel_status is None else t.relabel_status
    if status != p.status and (p.source == "parse" or (
            s_score >= status_bar and s.get(STATUS_LABELS[p.status], 0.0) < t.keep_label)):
        changes.append(f"status {p.status} → {status}")
        p.status = status
    return changes


def decider_version(path: Path | None) -> str:
    """"+decider.<version>" of the model at ``path`` (read without loading it), or ""."""
    meta = path / "meta.json" if path is not None else None
    if meta is None or not meta.is_file() or not (path / "config.cfg").is_file():
        return ""
    return f"+decider.{json.loads(meta.read_text(encoding='utf-8')).get('version', '0')}"


class Decider:
    """The trained classifier and the thresholds that turn its scores into decisions."""

    def __init__(self, nlp: Language, thresholds: Thresholds, version: str) -> None:
        self.nlp = nlp
        self.thresholds = thresholds
        self.version = version

    @classmethod
    def load(cls, path: Path = MODEL_DIR) -> Decider | None:
        """The shipped (or a team's) model; None when there is none (rules alone)."""
        if not (path / "config.cfg").is_file():
            return None
        nlp = spacy.load(path)
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        return cls(nlp, Thresholds.load(path / THRESHOLDS_FILE), str(meta.get("version", "0")))

    def scores(self, proposals: Sequence[Proposal]) -> list[dict[str, float]]:
        texts = [model_text(p) for p in proposals]
        return [dict(doc.cats) for doc in self.nlp.pipe(texts, batch_size=128)]

    def decide(self, proposals: Sequence[Proposal]) -> list[Verdict]:
        verdicts = []
        for p, s in zip(proposals, self.scores(proposals), strict=True):
            check = next((name for name, fires in CHECKS if fires(p, s, self.thresholds)), None)
            verdict = Verdict(p, s, kept=check is None, check=check)
            if verdict.kept:
                verdict.relabelled = relabel(p, s, self.thresholds)
            verdicts.append(verdict)
        return verdicts
