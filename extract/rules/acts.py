"""What a clause's act is and how far it got.

The action (ban, moratorium, repeal ...) and the status (proposed, enacted, failed ...)
come from the cues around the action word; the token tests here keep demands, threats,
counterfactuals and a company's own policy from passing for acts (the checks that use
them are named in ``vetoes``; who acts is ``actors``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from .. import dates as d
from .. import lexicon as lx
from ..components import CUE_KEY, TOPIC_KEY
from .state import (
    Actor,
    ArticleState,
    Clause,
    Mention,
    _low,
    condition_after,
    puts_a_question,
    under_a_measure,
    under_opening,
)


class StatusCues(NamedTuple):
    """A clause's status cues by kind."""

    all: list[Span]
    failed: list[Span]
    proposed: list[Span]
    enacted: list[Span]
    negs: list[Span]


_NUMBERED_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def _ranks(t: Token) -> bool:
    """A word that ranks an actor among others ("first", "the 8th", "largest")."""
    return t.lower_ in lx.ORDINALS or bool(_NUMBERED_ORDINAL.fullmatch(t.lower_))


def _ranked_before(doc: Doc, cs: int, k: int) -> bool:
    """"the 8th municipality in Massachusetts to pass": a ranking word shortly before the
    "to" at ``k`` makes a record of the act, unless a modal makes the ranking a prospect
    ("could become the largest city to pass")."""
    rank = next((t.i for t in doc[max(cs, k - 14):k] if _ranks(t)), None)
    return rank is not None and not any(
        t.lower_ in lx.MODALS - {"to"} for t in doc[cs:rank])


def _no_measure_before(doc: Doc, after_no: int, cue_tok: int) -> bool:
    """"there is no federal law on the books regulating its use": the "no" denies a measure
    (a noun at most two words on) that the act word, a few words further, only describes
    (but "no law passed, but the council banned it": a verb or a comma between gives the
    act a clause of its own)."""
    noun = next((i for i in range(after_no, min(after_no + 3, cue_tok))
                 if doc[i].lower_ in lx.MEASURE_NOUNS), None)
    return noun is not None and cue_tok - noun <= 5 and not any(
        not t.is_alpha or t.lower_ in lx.BE_FORMS | lx.HAD_HAS_HAVE | lx.MODALS or
        t.lower_.endswith("ed") for t in doc[noun + 1:cue_tok])


def _a_bill_acts(doc: Doc, cs: int, cue_tok: int) -> bool:
    """"The bill requires agencies to get a warrant": what a bill does, in a story that
    never tells it signed or enacted, is what it would do; the bill is a proposal."""
    subject = any(doc[i].lower_ in lx.BILL_NOUNS and _low(doc, i - 1) in lx.ANAPHOR_DETS
                  for i in range(cs, cue_tok))
    return subject and not any(t.lower_ in lx.BILL_BECAME_LAW for t in doc)


def _before_topic(doc: Doc, start: int, end: int) -> int:
    """Where the words from ``start`` up to ``end`` stop: at the first word of the topic."""
    end = min(len(doc), end)
    return min((t.start for t in doc.spans.get(TOPIC_KEY, []) if start <= t.start < end),
               default=end)


def _draft_issued(doc: Doc, strong: list[Span], cs: int, cue_tok: int) -> bool:
    """"has issued draft regulations on facial recognition": a draft put out for comment is
    a proposal; only passing or adopting it would enact it."""
    return any(doc[i].lower_ in lx.DRAFT_WORDS for i in range(max(cs, cue_tok - 3),
                                                              min(len(doc), cue_tok + 1))) \
        and all(doc[e.start].lower_ in lx.ISSUING_VERBS for e in strong)


def _by_kind(cues: list[Span]) -> StatusCues:
    return StatusCues(cues, [c for c in cues if c.label_ == "status:failed"],
                      [c for c in cues if c.label_ == "status:proposed"],
                      [c for c in cues if c.label_ == "status:enacted"],
                      [c for c in cues if c.label_ == "neg"])


def _pending_condition(doc: Doc, c: Span) -> bool:
    """"pending any clarification from the regulator": a condition, not a pending measure
    (but "the pending bill" is one)."""
    return doc[c.start].lower_ == "pending" and _low(doc, c.end) not in lx.MEASURE_NOUNS


class ActRules:
    """The act of a clause: its action and its status, with the tests that tell a real
    act from advice, a threat, a demand or something that did not happen.

    A part of ``SentenceRules``: its methods need ``self.s``, the ``ArticleState``.
    """

    s: ArticleState  # set by SentenceRules.__init__

    @staticmethod
    def _company_policy(doc: Doc, cues: list[Span]) -> bool:
        """A company's "would"/"will" about itself states its policy, not a proposal ("it
        would stop using it pending any clarification": the "pending" is a condition)."""
        proposed = [c for c in cues if c.label_ == "status:proposed" and
                    not _pending_condition(doc, c)]
        return all(doc[c.start].lower_ in lx.COMPANY_POLICY_MODALS for c in proposed)

    @staticmethod
    def _counterfactual(doc: Doc, cs: int, ce: int, cue_tok: int) -> bool:
        """"would have stopped", "could have banned": a measure that did not happen -- but
        not "approved the pause after objections to a grant that would have paid for it",
        where the "would have" is about something else, well after the cue."""
        return any(doc[i].lower_ in lx.HYPOTHETICAL_MODALS and _low(doc, i + 1) == "have"
                   and not ActRules._what_a_bill_held(doc, i)
                   for i in range(cs, min(ce, cue_tok + 4)))

    @staticmethod
    def _what_a_bill_held(doc: Doc, modal: int) -> bool:
        """"introduced a bill in 2017 that would have forced businesses to ...", "a bill
        that would have extended the ban came up two votes short": what a measure held,
        told of the measure the sentence proposes or fails, not an act imagined (but "sent
        the governor a bill that would have banned it" is read by what the governor did)."""
        sent = doc[modal].sent
        return _low(doc, modal - 1) in lx.THAT_WHICH and any(
            t.lower_ in lx.MEASURE_NOUNS for t in doc[max(0, modal - 6):modal - 1]) and any(
            k.label_ in {"status:proposed", "status:failed"} and k.start != modal and
            sent.start <= k.start < sent.end for k in doc.spans.get(CUE_KEY, []))

    @staticmethod
    def _reported_measure(doc: Doc, cs: int, cue_tok: int) -> bool:
        """"Clients should note that a 2020 law bars ...": the modal is the writer's
        advice; the clause it governs reports a measure (but "the city must pass a law that
        bans it" is a demand)."""
        modal = next((i for i in range(cs, cue_tok) if doc[i].lower_ in lx.DEMAND_MODALS), None)
        return modal is not None and any(
            doc[i].lower_ == "that" and any(t.lower_ in lx.MEASURE_NOUNS
                                            for t in doc[i + 1:cue_tok])
            for i in range(modal + 1, cue_tok))

    @staticmethod
    def _company_rule(doc: Doc, cs: int, cue_tok: int, mentions: list[Mention]) -> bool:
        """"Microsoft ... says new customers must now apply and be approved": what a
        company says its customers must do is its policy, not a demand."""
        modal = next((i for i in range(cs, cue_tok) if doc[i].lower_ in lx.DEMAND_MODALS), None)
        return modal is not None and _low(doc, modal - 1) in lx.CUSTOMER_NOUNS and \
            any(t.lower_ in lx.SPEECH_VERBS for t in doc[max(0, cs - 1):modal]) and \
            any(m.start < modal and (m.kind == "company" or (
                m.actors and m.actors[0].actor_type == "company")) for m in mentions)

    @staticmethod
    def _model_act(doc: Doc, c: Clause) -> Mention | None:
        """"like the one Portland, the state's largest city, adopted": the place named as
        the model of a demand, with the act the clause says it took."""
        for i in range(c.start, c.end - 3):
            if doc[i].lower_ == "like" and _low(doc, i + 1) in lx.THE_THOSE and \
                    _low(doc, i + 2) in lx.ONE_ONES:
                place = next((m for m in c.mentions if m.start == i + 3 and m.kind == "place"
                              and m.actors), None)
                if place is not None and any(
                        k.label_ == "status:enacted" and place.end <= k.start <= place.end + 8
                        for k in c.cues):
                    return place
        return None

    @staticmethod
    def _compelled(doc: Doc, cs: int, cue_tok: int) -> bool:
        """"ordered the company to stop collecting ... and to delete the data": the cue is
        one of the things a regulator or court ordered."""
        return any(doc[j].lower_ in lx.COMPULSION and
                   any(_low(doc, k) == "to" for k in range(j + 1, min(j + 5, cue_tok)))
                   and _low(doc, cue_tok - 1) == "to"
                   for j in range(cs, cue_tok))

    def _passive_body(self, doc: Doc, c: Clause, idx: int) -> Actor | None:
        """The legislature named lately, when the clause's act was passed "by the board"."""
        last = self.s.last_body
        if last is None or idx - last[1] > 4:
            return None
        for k in c.cues:
            if k.label_ != "status:enacted" and k.label_ != "status:failed":
                continue
            if _low(doc, k.end) == "by" and _low(doc, k.end + 1) == "the" and \
                    _low(doc, k.end + 2) in lx.BARE_BODY_NOUNS:
                return last[0]
        return None

    @staticmethod
    def _nobody_before(doc: Doc, i: int, cs: int) -> bool:
        """The status word at ``i`` is denied: "no one had proposed", "nobody filed", "no
        such proposal had been filed"."""
        words = [t.lower_ for t in doc[max(cs, i - 4):i]]
        return "nobody" in words or "none" in words or (bool(words) and words[-1] == "no") \
            or any(a == "no" and b in lx.NOBODY_HEADS
                   for a, b in zip(words, words[1:], strict=False))

    def _action(self, doc: Doc, cues: list[Span]) -> tuple[str | None, int]:
        acts = [c for c in cues if c.label_.startswith("action:")]
        if not acts:
            return None, -1
        kinds = {c.label_.split(":", 1)[1] for c in acts}
        has_ban = bool(kinds & {"ban", "moratorium"})
        sent = doc[acts[0].start].sent
        # "Three years after forbidding its police from using it, X has partly reversed
        # course", "X, which barred ... in 2021, reversed course": the ban the clause
        # before named
        has_ban = has_ban or any(k.label_ in {"action:ban", "action:moratorium"} and
                                 sent.start <= k.start < acts[0].start and
                                 {_low(doc, k.start - j) for j in (1, 2, 3)} &
                                 lx.EARLIER_CLAUSE_OPENERS
                                 for k in doc.spans.get(CUE_KEY, []))
        # "the council lifted it": "it" is the ban the article has been about
        # (or the pause whose extension was just told)
        has_ban = has_ban or (self.s.last_action in {"ban", "moratorium", "extension"} and any(
            _low(doc, c.end) in lx.IT_THEM or
            {_low(doc, c.start - k) for k in (1, 2, 3, 4)} & lx.IT_THEY  # "it would be
            for c in acts if doc[c.start].lower_ in lx.NEEDS_BAN))  # extended"
        # "... has partly reversed course. The council voted to let detectives ...": the
        # repeal already found, told in detail
        has_ban = has_ban or (self.s.last_action == "repeal" and any(
            c.label_ == "action:repeal" for c in acts))
        # "voted to let the police department use the technology again": lifts the ban
        has_ban = has_ban or (self.s.last_action in {"ban", "moratorium"} and any(
            t.lower_ in lx.RESUME_WORDS
            for c in acts for t in doc[c.start:min(len(doc), c.end + 14)]))
        # "The extension, announced on Wednesday, ...": the one already found
        has_ban = has_ban or any(
            doc[c.start].lower_ in lx.EXTENSION_NOUNS and _low(doc, c.start - 1) in
            lx.ANAPHOR_DETS and any(k.action == "extension" for k in self.s.candidates)
            for c in acts)
        # "has extended, for another year, the one-year suspension of ...": the noun is
        # inside a duration cue, not an action cue of its own
        has_ban = has_ban or any(
            t.lower_ in lx.BAN_NOUNS and t.sent == doc[c.start].sent
            for c in acts if doc[c.start].lower_ in lx.NEEDS_BAN
            for t in doc[c.end:min(len(doc), c.end + 12)])
        # "a proposal to loosen restrictions on police use": the limits in force are the
        # measure a repeal word undoes; "has reversed itself and approved police use of
        # it": the turn lifts a ban
        has_ban = has_ban or any(
            doc[c.start].lower_ in lx.NEEDS_BAN and c.label_ == "action:repeal" and (
                any(t.lower_ in lx.LIMITS_RESTRICTIONS
                    for t in doc[c.end:min(len(doc), c.end + 3)]) or (
                    _low(doc, c.end) in lx.TURNED_ABOUT and
                    any(t.lower_ in lx.APPROVING_USE
                        for t in doc[c.end + 1:min(len(doc), c.end + 5)])))
            for c in acts)
        # ("would repeal the agency's authorization to use it": taking the leave away bans)
        permits = [c for c in acts if self._repeals_permission(doc, c)]
        valid = [("ban", c) for c in permits] + [
            (c.label_.split(":", 1)[1], c) for c in acts
            if c not in permits
            and not (doc[c.start].lower_ in lx.NEEDS_BAN and not has_ban
                     and c.label_ != "action:exit")  # "end-of-lifing" needs no ban
            and not (c.label_ == "action:extension" and _low(doc, c.end) == "to")
            and not self._widening(doc, c)
            and not self._other_object(doc, c)
            and not self._relative_extension(doc, c, acts)]
        if any(k != "exit" and (not self._compelled(doc, sent.start, c.start) and
                                doc[c.start].lower_ not in lx.COMPULSION or
                                k in {"ban", "moratorium"}) for k, c in valid):
            # "ordered the company to delete its data and banned it from ...", "was ordered
            # to stop obtaining and using the data and to delete it": the order to delete
            # is the penalty; the ban is the act
            valid = [(k, c) for k, c in valid
                     if not (k == "exit" and self._compelled(doc, sent.start, c.start))]
        if not valid:
            return None, -1
        kinds = {k for k, _ in valid}
        for kind in lx.ACTION_PRIORITY:
            if kind in kinds:
                return kind, next(c.start for k, c in valid if k == kind)
        return None, -1

    @staticmethod
    def _repeals_permission(doc: Doc, c: Span) -> bool:
        """"would repeal the agency's authorization to use facial recognition", "will revoke
        the operating licenses of e-scooter rental companies": taking away the leave to use
        or run it bans it."""
        if c.label_ != "action:repeal":
            return False
        for j in range(c.end, min(len(doc), c.end + 11)):
            if doc[j].lower_ in lx.PERMISSION_NOUNS and _low(doc, j + 1) in lx.PERMISSION_TIES:
                return doc[j].sent == doc[c.start].sent
            if doc[j].is_punct and doc[j].text not in {"'", "’", "(", ")"}:
                return False
        return False

    @staticmethod
    def _widening(doc: Doc, c: Span) -> bool:
        """"one extending the prohibition to private businesses", "extend it to every county
        department": the ban reaches more parties; nothing is prolonged (but "extended the
        moratorium to June 2023")."""
        if c.label_ != "action:extension" or not doc[c.start].lower_.startswith("extend"):
            return False
        # ("extend a blanket ban over the use of this technology to the private sector")
        for j in range(c.end, min(len(doc), c.end + 10)):
            if doc[j].is_punct or doc[j].sent != doc[c.start].sent:
                return False
            if doc[j].lower_ == "to":
                k = j + 2 if _low(doc, j + 1) in lx.THE_A else j + 1
                # (but "extended our pause on sales to law enforcement through June 30":
                # the pause is prolonged; "to" names whom the sales were for)
                return k < len(doc) and doc[k].is_alpha and \
                    doc[k].lower_ not in set(d.MONTHS) | lx.TIME_WORDS and \
                    any(t.lower_ in lx.BAN_NOUNS | lx.IT_THEM for t in doc[c.end:j]) and \
                    not any(t.lower_ in lx.UNTIL_WORDS for t in doc[k:min(len(doc), k + 8)])
        return False

    def _other_object(self, doc: Doc, c: Span) -> bool:
        """"They renewed the jail's medical services contract for three years, voted against
        a two-year moratorium ...": the renewal is of something else; so is "banned
        fireworks and plastic bags" or "a ban on face masks at protests"."""
        if c.label_ in {"action:ban", "action:moratorium"} and any(
                t.lower_ in lx.OTHER_BANNED - self.s.topic_words  # (a TikTok topic's own)
                for t in doc[c.end:_before_topic(doc, c.end, c.end + 4)]
                if t.sent == doc[c.start].sent):
            return True  # (not "banned face recognition at protests": the topic comes first)
        if c.label_ == "action:extension" and doc[c.start].lower_ in lx.EXTENSION_NOUNS and \
                _low(doc, c.end) == "of":
            # "rather than just an extension of existing surveillance programs": the
            # extension of something that is no measure
            return not any(t.lower_ in lx.BAN_NOUNS | lx.MEASURE_NOUNS | lx.IT_THEM
                           for t in doc[c.end + 1:min(len(doc), c.end + 5)])
        if c.label_ != "action:extension" or len(c) > 1 or \
                doc[c.start].lower_ not in lx.RENEW_FORMS:
            return False
        near = {t.lower_ for t in doc[max(0, c.start - 2):min(len(doc), c.end + 6)]}
        return bool(near & lx.CONTRACT_NOUNS)  # ("jail contract renewed" in a headline too)

    @staticmethod
    def _relative_extension(doc: Doc, c: Span, acts: list[Span]) -> bool:
        """"had frozen it under a law signed in December 2020 that kept the pause in place
        until ...": the relative clause says how long the pause lasts, not that it was
        prolonged."""
        return c.label_ == "action:extension" and \
            any(_low(doc, j) in lx.THAT_WHICH for j in range(c.start - 2, c.start)) and \
            any(a.start < c.start and a.label_ in {"action:ban", "action:moratorium"}
                for a in acts)

    def _status(self, doc: Doc, cues: list[Span], cue_tok: int, cs: int, ce: int,
                action: str, in_title: bool) -> str | None:
        """The clause's status: None when its act is denied, else failed, enacted or
        proposed, read from the status cues that belong to its act."""
        kinds = _by_kind(self._own_status_cues(doc, cues, cue_tok, ce))
        if self._status_denied(doc, kinds, cue_tok, cs):
            return None
        return self._status_told(doc, kinds, cue_tok, cs, in_title)

    @staticmethod
    def _own_status_cues(doc: Doc, cues: list[Span], cue_tok: int, ce: int) -> list[Span]:
        """The cues without the status words of other things: a relative clause's, a
        "would" past a comma, a vote to wait."""
        rel = next((i for i in range(cue_tok + 1, ce)
                    if doc[i].lower_ in lx.RELATIVE_PRONOUNS), None)
        if rel is not None:  # "... in a letter that also called for changes"
            cues = [c for c in cues if c.start < rel or not c.label_.startswith("status:")]
        cond = condition_after(doc, cue_tok, ce)
        if cond is not None:  # "may extend it further if laws ... are not enacted"
            cues = [c for c in cues if c.start < cond or not c.label_.startswith("status:")]
        # "stop using it pending any clarification from the regulator": a condition on the
        # act, not a pending measure (but "the pending bill" is one)
        cues = [c for c in cues if not (c.label_ == "status:proposed" and c.start > cue_tok and
                                        _pending_condition(doc, c))]
        comma = next((i for i in range(cue_tok + 1, ce) if doc[i].text == ","), None)
        if comma is not None:
            # "have also banned it ..., citing the effect the technology would have": a
            # "would" past a comma after the act is some other thing's
            cues = [c for c in cues if not (c.start > comma and c.label_ == "status:proposed"
                                            and doc[c.start].lower_ in lx.WOULD_FORMS)]
        # "California's moratorium is set to expire on Jan. 1": what is to end is in force
        cues = [c for c in cues if not (c.label_ == "status:proposed" and
                                        _low(doc, c.end) in lx.EXPIRY_VERBS)]
        if under_a_measure(doc, cue_tok) == "law":
            # "Under Vermont's new law, police would be prohibited from ...": what the law
            # does, told in its own "would"
            cues = [c for c in cues if not (c.label_ == "status:proposed" and
                                            doc[c.start].lower_ in lx.WOULD_FORMS)]
        # "adopted a non-binding resolution calling for a ban": what was adopted is a call
        calls = [c.start for c in cues if c.label_ == "status:proposed" and
                 doc[c.start].lower_ in lx.CALL_WORDS and c.start < cue_tok]
        cues = [c for c in cues if not (c.label_ == "status:enacted" and
                                        any(c.start < k for k in calls))]
        # "took its first steps toward enacting a ban": the enactment is where it heads
        heading = [c for c in cues if c.label_ == "status:proposed" and
                   doc[c.start].lower_ in lx.TOWARD_WORDS]
        cues = [c for c in cues if not (c.label_ == "status:enacted" and any(
            h.start < c.start < h.end for h in heading))]
        # "voted on whether to extend it": the vote put a question; its answer is told apart
        questions = [c for c in cues if puts_a_question(doc, c)]
        cues = [c for c in cues if not (c.label_ == "status:enacted" and any(
            q.start <= c.start < q.end for q in questions)) and not (
            c in questions and c.start > cue_tok)]  # "banned it but lets schools decide whether"
        # "voted unanimously Monday night to postpone voting on a proposal": a vote to wait
        return [c for c in cues if not (c.label_ == "status:enacted" and any(
            t.lower_ in lx.DELAY_VERBS for t in doc[c.end:min(cue_tok, c.end + 6)]))]

    @staticmethod
    def _status_denied(doc: Doc, k: StatusCues, cue_tok: int, cs: int) -> bool:
        """"has not banned", "no law that bars", "No member of the council has proposed
        limits", "not planning a ban", "exempt from the ban": no status at all."""
        failed, proposed, enacted, negs = k.failed, k.proposed, k.enacted, k.negs
        # a negation right before a status cue negates that cue ("could not pass"), any
        # other one shortly before the action negates the action ("does not stop Facebook")
        status_starts = {c.start for c in failed + enacted}
        cue_span = next((c for c in k.all if c.start == cue_tok), None)
        cue_end = cue_span.end if cue_span is not None else cue_tok + 1
        action_negs = [n for n in negs if n.end not in status_starts
                       and not any(f.start <= n.start < f.end for f in failed)
                       and not (n.start >= cue_tok and n.end <= cue_end)]
        if any(0 <= cue_tok - n.end <= 2 or (doc[n.start].lower_ == "no"
                                            and 0 <= cue_tok - n.end <= 4) or (
                0 <= cue_tok - n.end <= 5 and "any" in {t.lower_ for t in doc[n.end:cue_tok]})
               for n in action_negs):  # ("has not taken up any limits of its own")
            return True  # "has not banned", "does not shut down", "no law that bars"
        if any(doc[n.start].lower_ == "no" and _no_measure_before(doc, n.end, cue_tok)
               for n in action_negs):
            return True  # "there is no federal law on the books regulating its use"
        if any(n.end == c.start and doc[n.start].lower_ in lx.NEGATORS
               for n in negs for c in proposed):
            return True  # "The county commission has not taken up any limits"
        if any(n.end == c.start and _low(doc, c.end) == "any" for n in negs for c in enacted):
            return True  # "the city itself has not adopted any limits": nothing was voted on
        if any(doc[n.start].lower_ in lx.NO_NEITHER and n.start <= cs + 1 and any(
                n.end < c.start <= n.end + 8 for c in proposed + enacted) for n in negs):
            return True  # "No member of the council has proposed limits"
        if any(_low(doc, n.end) in lx.NEG_INTENT and n.end < cue_tok for n in negs
               if cs <= n.start):
            return True  # "not planning a face-recognition ban"
        if any(doc[n.start].lower_ == "no" and _low(doc, n.end) in lx.NO_APPETITE and
               n.end < cue_tok for n in negs if cs <= n.start):
            return True  # "she had heard no support on the council for a ban"
        if any(doc[n.start].lower_ in lx.NEGATORS and any(
                doc[j].lower_ in lx.A_AN_ANY for j in range(n.end, c.start))
               and n.end < c.start <= n.end + 4 for n in negs for c in proposed):
            return True  # "the City Council has not taken up any proposal to limit it"
        # "is not covered by the city's prohibition", "exempt from the ban"
        return any(t.lower_ in lx.EXEMPT for t in doc[max(cs, cue_tok - 6):cue_tok]) and (
            any(cs <= n.start < cue_tok for n in negs)
            or any(t.lower_.startswith("exempt") for t in doc[max(cs, cue_tok - 6):cue_tok]))

    def _status_told(self, doc: Doc, k: StatusCues, cue_tok: int, cs: int,
                     in_title: bool) -> str | None:
        """Failed, enacted or proposed, as the status cues tell (enacted when none does)."""
        if k.failed:
            return "failed"
        # negated enactment: "did not approve" → failed
        for e in k.enacted:
            if any(0 <= e.start - n.end <= 2 for n in k.negs):
                return "failed" if k.proposed or doc[e.start].lower_ in lx.STRONG_ENACT else None
        strong = [e for e in k.enacted if doc[e.start].lower_ in lx.STRONG_ENACT]
        weak_by_modal = [e for e in strong if self._modal_before(doc, e.start, cs)]
        strong = [e for e in strong if e not in weak_by_modal]
        if strong and _draft_issued(doc, strong, cs, cue_tok):
            return "proposed"  # "the regulator has issued draft regulations on ..."
        if strong:
            return "enacted"
        if k.proposed or weak_by_modal:
            return "proposed"
        headline_future = any(doc[i].lower_ in lx.HEADLINE_FUTURE and i + 1 == cue_tok
                              for i in range(cs, cue_tok))
        if in_title and headline_future and not any(
                doc[i].lower_ in lx.PAST_CONTEXT for i in range(max(cs, cue_tok - 6), cue_tok)):
            return "proposed"  # "Boston to ban facial recognition"
        if _a_bill_acts(doc, cs, cue_tok):
            return "proposed"  # "This bill accomplishes that by requiring a warrant"
        return "enacted"

    @staticmethod
    def _plain_verb_at(doc: Doc, i: int) -> bool:
        """A past-tense verb that is no cue: the mention is the subject of some other
        happening ("after the police department disclosed a trial"), not a precedent."""
        w = _low(doc, i)
        while w in lx.HAD_HAS_HAVE or (w.endswith("ly") and len(w) > 3):
            i += 1  # "had quietly signed"
            w = _low(doc, i)
        if not (w.endswith("ed") and len(w) > 4):
            return False
        cue = next((c for c in doc.spans.get(CUE_KEY, []) if c.start == i), None)
        if cue is None:
            return True
        # "after Boston voted to ban it" is a precedent; "after the police department
        # quietly signed a trial contract" is not
        return cue.label_.startswith("status:") and not any(
            t.lower_ in lx.MEASURE_NOUNS | lx.BAN_NOUNS | {"to"} for t in doc[i + 1:i + 5])

    @staticmethod
    def _record(doc: Doc, cs: int, cue_tok: int) -> bool:
        """"the fifth Massachusetts community to curb it": a ranking of an actor's act."""
        k = cue_tok - 1
        return _low(doc, k) == "to" and _ranked_before(doc, cs, k)

    @staticmethod
    def _threat(doc: Doc, cs: int, ce: int) -> bool:
        """A veto or rejection only threatened: "would veto", "threatened to block"."""
        for t in doc[cs:ce]:
            if not t.lower_.startswith(lx.VETO_STEMS):
                continue
            p1, p2 = _low(doc, t.i - 1), _low(doc, t.i - 2)
            if p1 in lx.VETO_THREAT_MODALS or (
                    p1 == "to" and p2.startswith(lx.THREAT_STEMS)):
                return True
        return False

    @staticmethod
    def _authorship(doc: Doc, k: Span) -> bool:
        """A proposal cue that names a measure's author, not its state: "sponsored the
        ordinance", "the ordinance, drafted by ...", "had championed both measures"."""
        if k.label_ != "status:proposed" or k.text.lower() not in lx.AUTHORSHIP:
            return False
        nxt = [_low(doc, k.end + i) for i in range(3)]
        if nxt[0] in lx.SPONSORED_MEASURE_DETS and (
                nxt[1] in lx.MEASURE_NOUNS or nxt[2] in lx.MEASURE_NOUNS):
            return True
        return nxt[0] == "by" and _low(doc, k.start - 1) == "," and \
            _low(doc, k.start - 2) in lx.MEASURE_NOUNS | lx.BAN_NOUNS

    def _authorship_only(self, doc: Doc, cues: list[Span]) -> bool:
        proposed = [k for k in cues if k.label_ == "status:proposed"]
        return bool(proposed) and all(self._authorship(doc, k) for k in proposed) and any(
            c.status == "enacted" and not c.in_title for c in self.s.candidates)

    @staticmethod
    def _one_chamber(doc: Doc, c: Clause, cue_tok: int) -> bool:
        """The only enacting body of the clause is one chamber of a state legislature."""
        bodies = [m for m in c.mentions if m.kind == "body" and m.role == "legislature"]
        if not bodies or any(t.lower_ in lx.BEYOND_ONE_CHAMBER
                             for t in doc[c.start:c.end]):
            return False
        return all(doc[m.end - 1].lower_ in lx.CHAMBER_NAMES and
                   doc[m.start].lower_ != "general" for m in bodies)
        # (a "General Assembly" is the whole legislature)

    @staticmethod
    def _committee_stage(doc: Doc, c: Clause, cue_tok: int) -> bool:
        """"a Montana House Committee passed a bill that would ...": a committee's vote
        before the act word sends a measure on; it enacts nothing yet."""
        return any(t.lower_ in lx.COMMITTEE_HEADS and t.is_title and
                   any(_low(doc, j) in lx.ENACTED_VERBS for j in range(t.i + 1, t.i + 3))
                   for t in doc[c.start:cue_tok])

    @staticmethod
    def _parliament_stage(doc: Doc, start: int, end: int, actors: list[Actor]) -> bool:
        """"The European Parliament voted to ban ...": a supranational parliament's vote
        is a stage (the Council and the negotiations still come); only the final
        adoption enacts."""
        words = {t.lower_ for t in doc[start:end]}
        return bool(actors) and all(a.level == "supranational" for a in actors) and \
            bool(words & lx.SUPRANATIONAL_LEGISLATORS) and not words & lx.FINAL_STAGE_WORDS

    @staticmethod
    def _places_that_acted(doc: Doc, cs: int, cue_tok: int) -> bool:
        """The clause opens "(Other) cities that have banned it": a kind of place whose
        members, named after "include", each took the act."""
        words = [_low(doc, i) for i in range(cs, cue_tok)]
        kind = next((i for i, w in enumerate(words[:4]) if w in lx.PLURAL_PLACE_KINDS), None)
        if kind is None or len(words) <= kind + 1 or words[kind + 1] not in lx.THAT_WHICH:
            return False
        rest = words[kind + 2:]
        verb = next((j for j, w in enumerate(rest) if w not in lx.AUXILIARIES |
                     lx.SEQUENCE_ADVERBS), len(rest))
        # ("Other cities that have passed facial recognition bans include ...": the noun's
        # enactment, its words between)
        return verb == len(rest) or (rest[verb] in lx.ENACTED_VERBS and len(rest) - verb <= 5
                                     and all(w.isalpha() or w == "-" for w in rest[verb:]))

    @staticmethod
    def _elided_subject(doc: Doc, cs: int, cue_tok: int) -> bool:
        """"X is retiring A, the company said, and will limit B": a coordinated verb
        phrase whose subject is the previous clause's actor."""
        if _low(doc, cs) not in lx.AND_BUT_THEN or cue_tok <= cs:
            return False  # "..., then repealed that ban in November"
        return all(t.lower_ in lx.AUXILIARIES | lx.SEQUENCE_ADVERBS
                   for t in doc[cs + 1:cue_tok])

    @staticmethod
    def _under_law_after(doc: Doc, cue_tok: int, ce: int) -> bool:
        """"Police will need a warrant ..., under rules the Town Council approved on
        Thursday": the "will need" is the adopted rule's, not a demand."""
        return any(t.lower_ == "under" and any(
            w.lower_ in lx.MEASURE_NOUNS for w in doc[t.i + 1:min(ce, t.i + 5)])
            and any(w.lower_ in lx.ENACTED_VERBS
                    for w in doc[t.i + 1:min(ce, t.i + 9)])
            for t in doc[cue_tok:ce])

    @staticmethod
    def _under_law(doc: Doc, cs: int, cue_tok: int) -> bool:
        """"Under a law that X enacted, police must obtain a court order": the "must"
        states the law's rule, not a speaker's demand."""
        return any(w in lx.MEASURE_NOUNS for w in under_opening(doc, cs, cue_tok)[:5])

    @staticmethod
    def _passive(doc: Doc, cue_tok: int) -> bool:
        """"was barred", "will be prohibited", "were temporarily blocked": the subject
        before the cue is what the measure applies to, not who adopted it."""
        k = cue_tok - 1
        if _low(doc, k).endswith("ly") or _low(doc, k) in lx.PASSIVE_ADVERBS:
            k -= 1
        return _low(doc, k) in lx.BE_FORMS and \
            doc[cue_tok].lower_.endswith(lx.PASSIVE_ENDINGS)

    @staticmethod
    def _modal_before(doc: Doc, i: int, cs: int) -> bool:
        """A modal governs the verb at ``i`` ("would pass", "expected to approve"), not
        one that merely precedes it across a comma ("King County, home to Seattle,
        voted"): the look-back stops at punctuation, and "to" counts only next to the
        verb or before an adverb ("to unanimously approve")."""
        for k in range(i - 1, max(cs, i - 3) - 1, -1):
            w = doc[k]
            if w.is_punct:
                return False
            if w.lower_ == "to" and _ranked_before(doc, cs, k):
                return False  # "the second city, after San Francisco, to enact such a ban"
            if w.lower_ in lx.MODALS:
                return w.lower_ != "to" or k == i - 1 or (
                    k == i - 2 and doc[i - 1].lower_.endswith("ly"))
        return False

    # ---------------------------------------------------------------- other fields
    def _scope(self, clause_text: str, sent_text: str) -> str | None:
        for text in (clause_text, sent_text):
            for name, rx in self.s.scopes:
                if rx.search(text):
                    return name
        return None
