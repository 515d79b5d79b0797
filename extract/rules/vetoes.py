"""Why a clause with an action cue is no event: named checks, tried in order.

``SentenceRules._clause`` reads a clause in steps (its action, what the measure is, its
status, who acts) and after each step asks one table here whether the clause is an
event at all.  Each check is a plain function of the rules and the ``ClauseRead``; the
first that holds drops the clause, and its name is kept for ``banwatch extract
--explain``.  A new kind of non-event is a new row, in the table of the step whose
result it needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from .. import lexicon as lx
from ..components import TOPIC_KEY
from .state import (
    ClauseRead,
    _low,
    bill_if_enacted,
    condition_after,
    puts_a_question,
    under_a_measure,
)

#: the rules object (``SentenceRules``); typed loosely so that this module needs only the
#: records, not the rules that use it
Rules = Any


@dataclass(frozen=True)
class Veto:
    name: str
    holds: Callable[[Rules, ClauseRead], bool]


def _words_before_cue(r: ClauseRead) -> set[str]:
    return {t.lower_ for t in r.doc[r.cs:r.cue_tok]}


# ------------------------------------------------------------ once the action is known
def threatened(rules: Rules, r: ClauseRead) -> bool:
    """"the mayor, who had said he would veto an outright ban": a threat, no act."""
    return rules._threat(r.doc, r.cs, r.ce)


def refused_to_order(rules: Rules, r: ClauseRead) -> bool:
    """"a judge refused to order the sheriff's office to stop using it"."""
    doc = r.doc
    return any(n.label_ == "neg" and doc[n.start].lower_ in lx.REFUSAL_VERBS and
               _low(doc, n.end) in lx.COMPEL_VERBS and n.end < r.cue_tok for n in r.c.cues)


def nobody_acted(rules: Rules, r: ClauseRead) -> bool:
    """"no one had proposed either buying the technology or banning it"."""
    return any(k.label_.startswith("status:") and rules._nobody_before(r.doc, k.start, r.cs)
               for k in r.c.cues)


def vague_intent(rules: Rules, r: ClauseRead) -> bool:
    """"she hopes to bring forward legislation limiting ...": no measure yet."""
    doc = r.doc
    return bool(_words_before_cue(r) & lx.VAGUE_INTENT) or any(
        doc[i].lower_ in lx.WOULD_FORMS and _low(doc, i + 1) in lx.LIKE_LOVE
        for i in range(r.cs, r.cue_tok))


def demand_only(rules: Rules, r: ClauseRead) -> bool:
    """"Massachusetts should press pause on face surveillance", "it's time for a federal
    ban": an opinion (but "police must stop using it under the law" tells what a measure
    does)."""
    doc, cs, cue_tok = r.doc, r.cs, r.cue_tok
    # (the "Must" of "signed the “Retail Business Must Accept Cash” bill" names the bill)
    cue_end = next((k.end for k in r.c.cues if k.start == cue_tok), cue_tok + 1)
    demanded = any(t.lower_ in lx.DEMAND_MODALS and t.i not in r.at.quoted_names
                   for t in doc[cs:cue_tok]) or (
        # "they believe some restrictions (on its use) should be enacted", "how far those
        # restrictions should go": what the measure ought to be, an opinion
        _modal_after_measure(doc, cue_end)) or (
        _low(doc, cue_tok - 2) in lx.HAS_HAVE and _low(doc, cue_tok - 1) == "to") or any(
        doc[i].lower_ == "time" and _low(doc, i + 1) in {"for", "to"}
        for i in range(cs, cue_tok))  # "Now it's time for a federal ban on ..."
    return demanded and not rules._under_law(doc, cs, cue_tok) and \
        not rules._under_law_after(doc, cue_tok, r.ce) and \
        not rules._rule_of_last_act(doc, cs, r.at.idx) and \
        not rules._company_rule(doc, cs, cue_tok, r.at.mentions) and \
        not rules._reported_measure(doc, cs, cue_tok) and \
        rules._settling_agency(r) is None  # ("must stop ... in a settlement with the FTC")


def _modal_after_measure(doc: Doc, end: int) -> bool:
    """A demand modal right after the measure's noun, or after the phrase that tells what
    it is on ("restrictions on facial recognition should be adopted")."""
    j = end
    if _low(doc, j) in lx.MEASURE_OBJECT_PREPS:
        j = next((i for i in range(j + 1, min(j + 5, len(doc)))
                  if _low(doc, i) in lx.DEMAND_MODALS or not doc[i].is_alpha), j)
    return _low(doc, j) in lx.DEMAND_MODALS


def _joint(r: ClauseRead) -> int:
    """Where the words before the cue start: after the last ", and" / ", but"."""
    doc = r.doc
    return max((j + 1 for j in range(r.cs, r.cue_tok - 1) if doc[j].text == "," and
                doc[j + 1].lower_ in lx.CLAUSE_CONJ), default=r.cs)


def _since_joint(r: ClauseRead) -> set[str]:
    return {t.lower_ for t in r.doc[_joint(r):r.cue_tok]}


def opposed(rules: Rules, r: ClauseRead) -> bool:
    """"The governor had objected to broader limits" (but in "Parents objected, and in
    December the governor signed a law pausing ..." the objection is the clause before)."""
    return bool(_since_joint(r) & lx.OPPOSING)


def opinion(rules: Rules, r: ClauseRead) -> bool:
    """"said he agreed with the ban", "the police chief supported the ordinance that put
    both bans in place", "the chief is against a ban", "members were in favour of a ban":
    "some support for banning it": an opinion of a measure, with no status of its own (but
    "the text agreed with the Council includes a prohibition")."""
    doc, cue_tok = r.doc, r.cue_tok
    held = {i for i in range(_joint(r), cue_tok) if doc[i].lower_ in lx.OPINION_VERBS and (
        not doc[i].lower_.startswith("agree") or _low(doc, i + 1) == "with") and any(
            t.lower_ in lx.MEASURE_NOUNS | lx.BAN_NOUNS for t in doc[i + 1:min(cue_tok + 1,
                                                                             i + 5)])}
    held |= {i for i in range(r.cs, cue_tok)
             if doc[i].lower_ == "against" and _low(doc, i - 1) in lx.BE_FORMS}
    # "there seemed to be some support for banning its use"
    held |= {i for i in range(max(r.cs, cue_tok - 4), cue_tok)
             if doc[i].lower_ in lx.OPINION_NOUNS and _low(doc, i + 1) == "for"}
    # "most members were clearly in favour of a ban"
    held |= {i for i in range(r.cs + 2, cue_tok)
             if doc[i].lower_ in lx.FAVOUR_NOUNS and _low(doc, i - 1) == "in" and
             (_low(doc, i - 2) in lx.BE_FORMS or _low(doc, i - 3) in lx.BE_FORMS and
              _low(doc, i - 2).endswith("ly"))}  # ("were clearly in favour")
    return bool(held) and not any(k.label_.startswith("status:") and k.start not in held
                                  for k in r.c.cues)


def hypothetical(rules: Rules, r: ClauseRead) -> bool:
    """"unless the councils extend them", "instead of the outright ban", "what a ban
    would do", "may extend it if ..." (but "commissioners split 2-2 over whether to extend
    it": the question was put and failed; and "Instead, its board approved a policy" is an
    act)."""
    doc, cs, cue_tok = r.doc, r.cs, r.cue_tok
    failed_cue = any(k.label_ == "status:failed" for k in r.c.cues)
    what_would = any(doc[i].lower_ == "what" and _low(doc, i + 1) in lx.HYPOTHETICAL_MODALS
                     for i in range(cs, cue_tok))
    words = {t.lower_ for t in doc[cs:cue_tok] if (t.lower_ != "instead" or
             _low(doc, t.i + 1) == "of") and not bill_if_enacted(doc, t.i)} & lx.HYPOTHETICAL
    if words == {"whether"} and (failed_cue or _put_to_a_decision(r)):
        words = set()
    return bool(words) or what_would or _on_a_condition(r) or (
        rules._counterfactual(doc, cs, r.ce, cue_tok) and not failed_cue)


def _on_a_condition(r: ClauseRead) -> bool:
    """"the authority may choose to extend it further if no law is enacted": a modal shortly
    before the act word and a condition after it; the act may come, it has not."""
    doc = r.doc
    return any(doc[i].lower_ in lx.CONDITIONAL_MODALS for i in range(max(r.cs, r.cue_tok - 4),
                                                                      r.cue_tok)) and \
        condition_after(doc, r.cue_tok, r.ce) is not None and not under_a_measure(doc, r.cue_tok)
    # ("Under the new law, police would be barred from using it unless the legislature
    # allows it": the measure's own exception)


def _put_to_a_decision(r: ClauseRead) -> bool:
    """"voters will decide whether to ban it", "the council votes on whether to extend the
    moratorium": the question is before a body (a status:proposed cue ending on "whether"),
    so the measure is proposed, not imagined."""
    return any(puts_a_question(r.doc, k) and k.end <= r.cue_tok for k in r.c.cues)


def ban_in_general(rules: Rules, r: ClauseRead) -> bool:
    """"a ban could cut off that option": bans in general, not an event."""
    doc, cue_tok = r.doc, r.cue_tok
    return _low(doc, cue_tok - 1) in lx.A_AN_ANY and doc[cue_tok].lower_ in lx.BAN_NOUNS \
        and _low(doc, cue_tok + 1) in lx.MODAL_AFTER_BAN


#: checks that drop the clause's own act but not the precedents it names ("If passed,
#: the city will join San Francisco and Boston in banning it")
PRECEDENTS_STAND = frozenset({"hypothetical", "vague_intent", "demand_only"})

def campus_body(rules: Rules, r: ClauseRead) -> bool:
    """"Student Council endorses resolutions banning campus police from using it": a body
    that governs no place acts, so nothing the tracker follows."""
    doc = r.doc
    return any(m.kind == "body" and r.cs <= m.start < r.cue_tok and
               _low(doc, m.start - 1) in lx.NON_CIVIC_MEMBERS for m in r.c.mentions)


def how_a_rule_was_broken(rules: Rules, r: ClauseRead) -> bool:
    """"Clearview also breached EU rules by restricting users' access to its database": the
    gerund after "by" says how a law was broken, no measure of anyone's."""
    doc = r.doc
    return _low(doc, r.cue_tok - 1) == "by" and any(
        t.lower_ in lx.BREACH_VERBS for t in doc[r.cs:r.cue_tok - 1])


#: how many words may stand between the technology and the "to" of its purpose
#: ("facial recognition software at its venues to bar ...")
TECH_BEFORE_TO = 3


def the_technology_enforces(rules: Rules, r: ClauseRead) -> bool:
    """"its use of facial recognition technology to ban lawyers from its venues": the
    technology is the means of a ban on people, not what is banned."""
    doc, cue = r.doc, r.cue_tok
    if _low(doc, cue - 1) != "to":
        return False
    named = {i for m in r.c.mentions if m.actors for i in range(m.start, m.end)}
    # not "Clearview AI agreed to stop selling" (a firm), nor "anger over facial
    # recognition leads Milwaukee police to ban it" (someone acts in between), nor
    # "ordered scooter rental companies to cease operation" (businesses are told to act)
    return any(cue - 1 - TECH_BEFORE_TO <= t.end <= cue - 1 and t.start >= r.cs and
               not named & set(range(t.start, cue)) and
               not any(w.lower_ in lx.COMPANY_WORDS for w in doc[t.end:cue - 1])
               for t in doc.spans.get(TOPIC_KEY, []))


#: how many words may stand between the "to" after a movement noun and the act word
#: ("a growing movement to regulate and even ban")
MOVEMENT_TO_ACT = 4


def movement_to_act(rules: Rules, r: ClauseRead) -> bool:
    """"reflecting a growing movement to regulate and even ban it", "a petition drive to
    ban it on campus": a trend or a campaign toward a measure, which no body has taken up
    (but "the council's campaign to ban it" has a body, its possessor, and "a ballot
    initiative campaign to ban it" a measure put to the voters)."""
    doc = r.doc
    for i in range(max(r.cs + 1, r.cue_tok - MOVEMENT_TO_ACT), r.cue_tok):
        if doc[i].lower_ == "to" and doc[i - 1].lower_ in lx.MOVEMENT_NOUNS:
            before = doc[max(r.cs, i - 4):i - 1]
            return not any(t.lower_ in lx.POSSESSORS | lx.BALLOT_WORDS for t in before)
    return False


ACT_VETOES: tuple[Veto, ...] = (
    Veto("movement_to_act", movement_to_act),
    Veto("how_a_rule_was_broken", how_a_rule_was_broken),
    Veto("the_technology_enforces", the_technology_enforces),
    Veto("threatened", threatened),
    Veto("refused_to_order", refused_to_order),
    Veto("nobody_acted", nobody_acted),
    Veto("vague_intent", vague_intent),
    Veto("demand_only", demand_only),
    Veto("opposed", opposed),
    Veto("opinion", opinion),
    Veto("hypothetical", hypothetical),
    Veto("ban_in_general", ban_in_general),
    Veto("campus_body", campus_body),
)


# ------------------------------------------------------------ once the measure is known
#: how many words before an exit cue may name the trade ordered out ("ordered e-scooter
#: rental companies to cease")
ORDERED_PARTY = 8


def penalty_only(rules: Rules, r: ClauseRead) -> bool:
    """"the regulator ordered it to delete the data": a penalty, no policy (but "ordered
    scooter rental companies to cease operation in Dallas" orders a whole trade out: the
    body that orders bans it)."""
    doc, cs, cue_tok = r.doc, r.cs, r.cue_tok
    if r.action != "exit":
        return False
    told = doc[max(cs, cue_tok - ORDERED_PARTY):cue_tok]
    if any(t.lower_ in lx.COMPULSION for t in told) and \
            any(t.lower_ in lx.COMPANY_WORDS and t.lower_.endswith("s") and t.is_alpha and
                not t.ent_type_ for t in told):
        return False
    return bool({t.lower_ for t in doc[max(cs, cue_tok - 5):cue_tok]} & lx.COMPULSION) or \
        rules._compelled(doc, cs, cue_tok)


MEASURE_VETOES: tuple[Veto, ...] = (Veto("penalty_only", penalty_only),)


# ------------------------------------------------------------ once the status is known
def negated(rules: Rules, r: ClauseRead) -> bool:
    """"has not banned", "exempt from the ban", "not planning a ban": no status at all."""
    return r.status is None


def existing_rules(rules: Rules, r: ClauseRead) -> bool:
    """"Ohio's rules on how police may use it are thin": what exists, no act."""
    doc, cue_tok = r.doc, r.cue_tok
    return r.action == "restriction" and doc[cue_tok].lower_ in lx.GUIDANCE_NOUNS and \
        not rules._has_status(r.c.cues) and not r.at.in_title and \
        _low(doc, cue_tok - 1) in lx.POSSESSORS


def company_declined(rules: Rules, r: ClauseRead) -> bool:
    """"the company did not agree to drop the feature": no decision at all (but a
    shareholder vote that failed is one)."""
    doc, cue_tok = r.doc, r.cue_tok
    return r.status == "failed" and any(
        k.label_ == "status:failed" and doc[k.start].lower_ in lx.DECLINE_OR_DO
        for k in r.c.cues) and \
        any(m.kind == "company" or m.role == "company"
            for m in r.c.mentions if m.start < cue_tok) and \
        not any(t.lower_ in lx.SHAREHOLDER_NOUNS for t in doc[r.cs:cue_tok])


def measure_named_only(rules: Rules, r: ClauseRead) -> bool:
    """"With the EU AI Act being seen as a benchmark law ...": a measure the topic knows
    by name, mentioned with nothing said of what became of it."""
    acts = [k for k in r.c.cues if k.label_.startswith("action:")]
    return bool(acts) and all(k.kb_id_ == "measure" for k in acts) and \
        not rules._has_status(r.c.cues)


STATUS_VETOES: tuple[Veto, ...] = (
    Veto("negated", negated),
    Veto("existing_rules", existing_rules),
    Veto("company_declined", company_declined),
    Veto("measure_named_only", measure_named_only),
)


# ------------------------------------------------------------ once the actors are known
def not_a_business(rules: Rules, r: ClauseRead) -> bool:
    """"residents leaving the city": only a business leaves a market."""
    return r.action == "exit" and not any(a.actor_type == "company" for a in r.actors) and \
        r.doc[r.cue_tok].lower_ in lx.MARKET_EXIT_WORDS


def banned_party(rules: Rules, r: ClauseRead) -> bool:
    """"Clearview AI fined $20 million, banned from processing the data", "Provinces order
    Clearview AI to stop using it", where the story names a regulator or court: the
    company is the one banned, by that body (whose order the story tells in its own
    words); it leaves nothing itself. (With no such body, as
    in "Clearview AI banned from selling access to companies" under a settlement, the
    company's undertaking is its exit.)"""
    doc, cue_tok = r.doc, r.cue_tok
    if r.action != "exit":
        return False
    companies = [m for m in r.c.mentions if m.kind == "company" or m.role == "company"]
    passive = doc[cue_tok].lower_ in lx.BANNED_PARTICIPLES and \
        _low(doc, cue_tok + 1) == "from" and any(m.start < cue_tok for m in companies)
    # "Provinces order Clearview AI to stop using it": the company the order names
    ordered = bool(companies) and all(_low(doc, m.start - 1) in lx.COMPULSION or
                                      _low(doc, m.start - 1) in lx.BANNED_PARTICIPLES
                                      for m in companies)
    # (the story-wide look last: it reads the whole text, the rest only the clause)
    return (passive or ordered) and _orderer_named(r)


def _orderer_named(r: ClauseRead) -> bool:
    """The story names a regulator or court (an agency this sentence names, or a word for
    one anywhere in the story) and tells of no settlement the company made."""
    words = set((r.at.body_text or "").casefold().replace(".", " ").replace(",", " ").split())
    if words & lx.UNDERTAKING_WORDS:
        return False
    return any(e.ent_id_.startswith("agency:") for e in r.doc.ents) or \
        bool(words & lx.ORDERING_BODY_WORDS)


def a_company_demands(rules: Rules, r: ClauseRead) -> bool:
    """"Facebook, Google and other tech firms have demanded Clearview stop hoovering up
    images": what a company demands of another is no order (a regulator's would be)."""
    return r.doc[r.cue_tok].lower_ in lx.DEMAND_VERBS and bool(r.actors) and \
        all(a.actor_type == "company" for a in r.actors)


ACTOR_VETOES: tuple[Veto, ...] = (Veto("not_a_business", not_a_business),
                                  Veto("banned_party", banned_party),
                                  Veto("a_company_demands", a_company_demands))


def first_veto(rules: Rules, r: ClauseRead, table: tuple[Veto, ...]) -> str | None:
    """The name of the first check of ``table`` that holds, if any."""
    return next((v.name for v in table if v.holds(rules, r)), None)
