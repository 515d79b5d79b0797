"""Which of a sentence's cues count: the cues that are no act, as named checks.

The cue ruler (``extract.components``) marks every phrase that may tell of an act;
``ClauseRules._cues`` keeps those for which no check here holds, tried in the order of
``CUE_DROPS``.  Each check is a plain function of the sentence being read and one cue; a
new kind of false cue is a new row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from .. import dates as d
from .. import lexicon as lx
from .state import _low, bill_if_enacted, headline_cased


@dataclass
class CueScan:
    """One sentence's cues as the checks see them."""

    sent: Span
    cues: list[Span]  # all the sentence's cues, the dropped ones too
    untils: list[int]  # tokens "until" / "unless"
    wheres: list[int]  # tokens ", where"
    rules: Any  # the ``SentenceRules`` reading the article, for its anaphora tests

    @property
    def doc(self) -> Doc:
        return self.sent.doc


def _inside(c: Span, cues: list[Span], label_test: Callable[[str], bool]) -> bool:
    """Whether a longer cue with such a label holds ``c``."""
    return any(label_test(k.label_) and k.start <= c.start and c.end <= k.end
               and k.end - k.start > c.end - c.start for k in cues)


def _follow(k: CueScan, c: Span) -> bool:
    return c.label_ == "chain" and k.doc[c.start].lower_.startswith("follow")


def _act(c: Span) -> bool:
    return c.label_.startswith("action:")


# ------------------------------------------------------------ the checks
def called_on_a_day(k: CueScan, c: Span) -> bool:
    """"called on Tuesday for a ban"."""
    return c.label_ == "urge" and k.doc[c.start].lower_.startswith("call") and \
        _low(k.doc, c.end) in set(d.WEEKDAYS) | set(d.MONTHS)


def under_condition(k: CueScan, c: Span) -> bool:
    """"until Congress lifts the prohibition", "until Congress passes a law"."""
    return c.label_.startswith(("action:", "status:")) and \
        any(0 < c.start - u <= 8 for u in k.untils)


def rather_than(k: CueScan, c: Span) -> bool:
    """"regulates the technology rather than prohibiting it"."""
    return _act(c) and (_low(k.doc, c.start - 2), _low(k.doc, c.start - 1)) \
        in lx.INSTEAD_OF_PHRASES


def follow_a_rule(k: CueScan, c: Span) -> bool:
    """"customers must follow the law", "employees would follow customers around the
    store" (but "followed a month later", "followed days later")."""
    doc = k.doc
    if not _follow(k, c) or c.end >= len(doc):
        return False
    after = doc[c.end]
    # (but "The county follows cities of several sizes": places are followed)
    plural_object = after.is_lower and after.is_alpha and after.lower_.endswith("s") and \
        after.lower_.rstrip("s") not in lx.CHAIN_TIME_WORDS and \
        not after.lower_.endswith("ly") and after.lower_ != "suit" and \
        after.lower_ not in lx.PLURAL_SETTLEMENTS | lx.FOLLOWED_PLACES
    return plural_object or _low(doc, c.end) in lx.ANAPHOR_DETS | lx.A_AN and \
        _low(doc, c.end + 1) not in lx.CHAIN_TIME_WORDS


def joined_a_program(k: CueScan, c: Span) -> bool:
    """"authorized another scooter company to join the pilot": joining a program or a
    market copies no one's act."""
    doc = k.doc
    if c.label_ != "chain" or not doc[c.start].lower_.startswith("join"):
        return False
    words = [_low(doc, j) for j in range(c.end, min(k.sent.end, c.end + 4))]
    return bool(words) and words[0] in lx.THE_A | lx.ITS_THEIR and \
        any(w in lx.PROGRAM_NOUNS for w in words[1:])


def measure_came_after(k: CueScan, c: Span) -> bool:
    """"The ban followed news reports", "The penalty follows similar actions by watchdogs
    in France": it came after, nobody copied it."""
    doc = k.doc
    acts = lx.BAN_NOUNS | lx.MEASURE_NOUNS | lx.PENALTY_NOUNS  # (not "Amazon's announcement
    # followed two days later": who acted next)
    return _follow(k, c) and (_low(doc, c.start - 1) in acts or _low(doc, c.start - 2) in acts)


def no_sunset(k: CueScan, c: Span) -> bool:
    """"bars city departments from using it, with no sunset": for good."""
    return k.doc[c.start].lower_.startswith("sunset") and _low(k.doc, c.start - 1) == "no"


def event_came_after(k: CueScan, c: Span) -> bool:
    """"The vote in the county seat followed months of disagreement"."""
    return _follow(k, c) and k.rules._anaphoric_subject_of_follow(k.sent, c.start)


def was_followed(k: CueScan, c: Span) -> bool:
    """"the board would see that it was followed": no one copied anyone (but in "it was
    followed by Somerville" the places after "by" did)."""
    return c.label_ == "chain" and _low(k.doc, c.start - 1) in lx.BE_FORMS and \
        _low(k.doc, c.end) != "by"


def followed_describes(k: CueScan, c: Span) -> bool:
    """"the most followed TikTok accounts", "a widely followed blog": "followed" that
    describes a noun after a degree word; no one copied anyone."""
    return _follow(k, c) and _low(k.doc, c.start - 1) in lx.DEGREE_WORDS


def blocked_inside_a_ban(k: CueScan, c: Span) -> bool:
    """"blocked police from using it" bans; it is no failed vote."""
    return c.label_ == "status:failed" and _inside(c, k.cues, lambda lab: lab.startswith(
        "action:"))


#: how many words before a refused cue its penalty may be told ("will slap hefty fines on
#: businesses and restaurants that refuse to accept cash")
REFUSAL_PENALTY_REACH = 12


def practice_refused(k: CueScan, c: Span) -> bool:
    """"her usual store refused to accept cash": the practice a measure would forbid,
    not the measure (but "a bill that will slap fines on businesses that refuse to accept
    cash": a penalty on the refusal mandates what is refused)."""
    doc = k.doc
    if not (_act(c) and c.kb_id_ == "topic"):
        return False
    if (_low(doc, c.start - 2), _low(doc, c.start - 1)) in lx.REFUSAL_BEFORE:
        return not any(t.lower_ in lx.REFUSAL_PENALTIES
                       for t in doc[max(k.sent.start, c.start - REFUSAL_PENALTY_REACH):c.start])
    return _low(doc, c.start - 1) in lx.NEGATORS


def refusal_barred(k: CueScan, c: Span) -> bool:
    """"an ordinance that would bar stores from refusing to accept cash", "fines shops for
    declining to take cash": the refusal is what the measure forbids, not a body's
    refusal to adopt it."""
    return c.label_ == "status:failed" and k.doc[c.start].lower_ in lx.REFUSAL_VERBS and \
        _low(k.doc, c.start - 1) in lx.REFUSAL_BARRED_BEFORE


def quantity_limit(k: CueScan, c: Span) -> bool:
    """"most cities have a 15 mph limit": a speed, not a measure on it."""
    return c.label_ == "action:restriction" and _low(k.doc, c.start - 1) in lx.QUANTITY_UNITS


def curbing_a_harm(k: CueScan, c: Span) -> bool:
    """"installed face-matching cameras to curb shoplifting", "in an attempt to curb
    terrorism attacks": what the technology is for, not a limit on it."""
    doc = k.doc
    return c.label_ == "action:restriction" and _low(doc, c.start - 1) == "to" and any(
        _low(doc, j) in lx.HARMS_CURBED for j in range(c.end, min(c.end + 3, k.sent.end)))


def chose_not_to_adopt(k: CueScan, c: Span) -> bool:
    """"The Sheriff's Office has decided not to use facial recognition": a decision not to
    adopt, no measure (but "decided not to use the product for the time being" pauses it)."""
    doc = k.doc
    return c.label_ == "action:ban" and _low(doc, c.start + 1) == "not" and \
        doc[c.start].lower_ in lx.CHOICE_VERBS and \
        not any(x.label_ == "temporary" for x in k.cues) and \
        not lx.INDEFINITE.search(k.sent.text)


def banned_people(k: CueScan, c: Span) -> bool:
    """"a list of banned riders", "suspended students": people kept out, not a measure
    (but "barred officers and detectives from using it", "prohibit officers from ..."
    bar them from an act: a verb's object, no participle)."""
    doc = k.doc
    return c.label_ in {"action:ban", "action:moratorium"} and len(c) == 1 and \
        doc[c.start].lower_.endswith("ed") and _low(doc, c.end) in lx.BANNED_PEOPLE and \
        "from" not in {_low(doc, j) for j in range(c.end + 1, c.end + 6)}


def stop_inside_an_order(k: CueScan, c: Span) -> bool:
    """"ordered Serco to stop using it": the order bans; the inner "stop using" is no
    pause of the regulator's own."""
    return c.label_ in {"action:moratorium", "action:exit"} and \
        _inside(c, k.cues, lambda lab: lab == "action:ban")


def plan_scrapped(k: CueScan, c: Span) -> bool:
    """"plans for a ban were scrapped": the plan failed, no ban is lifted; "dropped a bill
    that would have regulated ...", "was unveiled and subsequently abandoned": the bill
    failed, nobody abandoned the technology."""
    failed = [o for o in k.cues if o.label_ == "status:failed"]
    if c.label_ == "action:repeal" and any(o.start <= c.start and c.end <= o.end
                                           for o in failed):
        return True
    return c.label_ in {"action:ban", "action:exit", "action:repeal"} and \
        k.doc[c.start].lower_ in lx.MEASURE_DROP_VERBS and \
        any(o.start <= c.start < o.end for o in failed)


def only_a_risk(k: CueScan, c: Span) -> bool:
    """"warned the company to fix the defect or risk permanently losing access to the
    city": an act the actor only risks, no act."""
    doc = k.doc
    return _act(c) and any(_low(doc, c.start - j) in lx.RISK_WORDS for j in (1, 2))


def off_limits(k: CueScan, c: Span) -> bool:
    """"put it off-limits" bans it."""
    doc = k.doc
    return c.label_ == "action:restriction" and doc[c.start].lower_ == "limits" and (
        _low(doc, c.start - 1) == "off" or (_low(doc, c.start - 1) == "-"
                                           and _low(doc, c.start - 2) == "off"))


def authorship(k: CueScan, c: Span) -> bool:
    """"X, who wrote the original 2020 prohibition, voted against ..."."""
    doc = k.doc
    return _act(c) and any(
        doc[j].lower_ in lx.WHO_WHOSE and any(
            t.lower_ in lx.AUTHORSHIP for t in doc[j + 1:c.start])
        for j in range(max(k.sent.start, c.start - 6), c.start))


def regulatory_filing(k: CueScan, c: Span) -> bool:
    """"the company said in a regulatory filing": a document."""
    doc = k.doc
    return c.label_ == "status:proposed" and doc[c.start].lower_ in lx.FILING_NOUNS \
        and _low(doc, c.start - 1) in lx.DOCUMENT_FILING_WORDS


def written_request(k: CueScan, c: Span) -> bool:
    """"routes searches through written requests to the Registry"."""
    doc = k.doc
    return c.label_ == "urge" and doc[c.start].lower_ in lx.REQUEST_NOUNS and \
        _low(doc, c.start - 1) in lx.REQUEST_NOUN_WORDS


def comparison(k: CueScan, c: Span) -> bool:
    """"go further than any other city's rules on it", "goes much further than other
    bans": a comparison (but "went further than anyone, outlawing it" acts)."""
    doc = k.doc
    near = {_low(doc, c.start - j) for j in (1, 2, 3)}
    if c.label_ != "action:restriction" and _low(doc, c.start - 1) != "other":
        return False
    return _act(c) and bool(near & lx.THAN_OTHER) and \
        "than" in {_low(doc, c.start - j) for j in range(1, 7)}


def model_rules(k: CueScan, c: Span) -> bool:
    """"he modeled the rules on Detroit's policy": "on" is the model's."""
    doc = k.doc
    return c.label_ == "action:restriction" and doc[c.start].lower_ in lx.STANDARD_NOUNS \
        and bool({_low(doc, c.start - j) for j in (1, 2, 3)} & lx.MODELLED_ON_WORDS)


def split_not_tied(k: CueScan, c: Span) -> bool:
    """"the council split 5-2 in favor": only a tie defeats a measure."""
    return c.label_ == "status:failed" and len(c) == 4 and c[1].like_num and \
        c[1].text != c[3].text


def killed_no_measure(k: CueScan, c: Span) -> bool:
    """"the city where George Floyd was killed": no measure was killed."""
    doc, sent = k.doc, k.sent
    return c.label_ == "status:failed" and doc[c.start].lower_.startswith("kill") and \
        not any(t.lower_ in lx.MEASURE_NOUNS | lx.BAN_NOUNS | lx.IT_THEM
                for t in doc[max(sent.start, c.start - 5):min(sent.end, c.end + 4)])


def agreement_terms(k: CueScan, c: Span) -> bool:
    """"sign an agreement that prohibits covert tracking": its terms."""
    return _act(c) and _low(k.doc, c.start - 1) in lx.THAT_WHICH \
        and _low(k.doc, c.start - 2) in lx.AGREEMENT_NOUNS


def measure_sponsor(k: CueScan, c: Span) -> bool:
    """"Council member Halvorsen, the ban's author, said she would try"."""
    return _act(c) and _low(k.doc, c.end) in lx.POSSESSIVE and \
        _low(k.doc, c.end + 1) in lx.SPONSOR_NOUNS


def retired_person(k: CueScan, c: Span) -> bool:
    """"a retired teacher"."""
    return c.label_ == "action:exit" and k.doc[c.start].lower_ == "retired" and \
        _low(k.doc, c.start - 1) in lx.RETIRED_PERSON_DETS


def vote_elsewhere(k: CueScan, c: Span) -> bool:
    """"The extension comes before the annual meeting, where shareholders will vote on a
    proposal": that vote is about something else (but "in Berkeley, where many readers
    live, the council is weighing ...")."""
    doc = k.doc
    return c.label_.startswith("status:") and any(
        w < c.start and not any(a.label_.startswith("action:") and a.start > w
                                for a in k.cues) and
        not any(t.lower_ in lx.MEASURE_NOUNS | lx.BAN_NOUNS for t in doc[w:c.start])
        and not any(t.text == "," for t in doc[w + 1:c.start])
        for w in k.wheres)


def passed_no_law(k: CueScan, c: Span) -> bool:
    """"lawmakers have held hearings but passed no such law"."""
    return c.label_ == "status:enacted" and _low(k.doc, c.end) == "no"


def lone_vote(k: CueScan, c: Span) -> bool:
    """"Commissioner Renwick, who cast the lone vote against": a dissent."""
    doc = k.doc
    return c.label_ == "status:failed" and doc[c.start].lower_.startswith("vote") and \
        bool({_low(doc, c.start - j) for j in (1, 2, 3)} & lx.LONE_VOTE_WORDS)


def duty_not_met(k: CueScan, c: Span) -> bool:
    """"the operators had failed to implement limits": a duty not met, no measure
    defeated."""
    return c.label_ == "status:failed" and k.doc[c.start].lower_ == "failed" and \
        _low(k.doc, c.end) in lx.DUTY_VERBS


def measure_kept(k: CueScan, c: Span) -> bool:
    """"voted to leave the moratorium in place": kept, not left."""
    doc, sent = k.doc, k.sent
    return c.label_ == "action:exit" and doc[c.start].lower_ in lx.MARKET_EXIT_WORDS and (
        any(t.lower_ in lx.KEPT_AS_IS for t in doc[c.end:min(sent.end, c.end + 7)])
        or _low(doc, c.end) in lx.THE_A | lx.ANAPHOR_DETS | lx.ITS_THEIR_OUR
        and _low(doc, c.end + 1) in lx.BAN_NOUNS | lx.MEASURE_NOUNS)


def failed_to_do(k: CueScan, c: Span) -> bool:
    """"failed to implement limits", "failed to comply with the ban": what they did not
    do, not a measure of theirs."""
    doc = k.doc
    return _act(c) and any(
        _low(doc, j) in lx.DUTY_VERBS and _low(doc, j - 1) == "to"
        and _low(doc, j - 2) == "failed" for j in range(c.start - 3, c.start))


def threatened_failure(k: CueScan, c: Span) -> bool:
    """"he would veto a ban", "threatened to veto": a threat, no failure."""
    return c.label_ == "status:failed" and _low(k.doc, c.start - 1) in lx.FAILURE_MODALS


def veto_overridden(k: CueScan, c: Span) -> bool:
    """"overrode the mayor's veto to impose a moratorium": enacted (but not "an attempt
    to override him fell one vote short")."""
    return c.label_ == "status:failed" and k.doc[c.start].lower_.startswith("veto") and \
        any(t.lower_.startswith(lx.OVERRIDE_STEMS) and not k.rules._failed_try(t)
            for t in k.sent)


def used_for_a_time(k: CueScan, c: Span) -> bool:
    """"police had used it for three years": how long, not a term (but "is prohibited
    from using it for five years" is the bar's term)."""
    return c.label_ == "temporary" and k.doc[c.start].lower_ == "for" and \
        _low(k.doc, c.start - 1) in lx.USED_FOR_WORDS and \
        "from" not in {t.lower_ for t in k.doc[max(k.sent.start, c.start - 3):c.start]}


def pending_review(k: CueScan, c: Span) -> bool:
    """"pending a review" means "until a review", not a pending bill."""
    return c.label_ == "status:proposed" and k.doc[c.start].lower_ == "pending" and \
        _low(k.doc, c.end) in lx.PENDING_REVIEW_WORDS


def allowed_only(k: CueScan, c: Span) -> bool:
    """"lets police request searches only when ...": limits, no repeal."""
    doc, sent = k.doc, k.sent
    return c.label_ == "action:repeal" and doc[c.start].lower_.startswith(lx.ALLOW_STEMS) \
        and any(t.lower_ == "only" for t in doc[c.end:min(sent.end, c.end + 8)]) and \
        not any(t.lower_ in lx.RESUME_WORDS_SHORT for t in doc[c.end:min(sent.end, c.end + 12)])


def power_to_act(k: CueScan, c: Span) -> bool:
    """"will allow cities to ban e-scooters", "gives local governments the power to ban
    them": a law that lets others act; it bans nothing itself, and they have not yet."""
    doc = k.doc
    if not c.label_.startswith("action:") or _low(doc, c.start - 1) != "to":
        return False
    lo = max(k.sent.start, c.start - 8)
    return any(t.lower_.startswith(lx.ALLOW_STEMS) or t.lower_ in lx.POWER_NOUNS
               for t in doc[lo:c.start - 1])


def measure_delayed(k: CueScan, c: Span) -> bool:
    """"delayed the implementation of the ban": the measure waits; nothing is paused."""
    doc = k.doc
    return c.label_ == "action:moratorium" and any(t.lower_ == "of" for t in c) and any(
        t.lower_ in lx.MEASURE_NOUNS | lx.BAN_NOUNS for t in doc[c.end - 1:c.end + 3])


def stop_allowing(k: CueScan, c: Span) -> bool:
    """"stop allowing police to use it" is no repeal."""
    return c.label_ == "action:repeal" and _low(k.doc, c.start - 1) in lx.STOP_BEFORE_ALLOWING


CueCheck = Callable[[CueScan, Span], bool]

def if_enacted(k: CueScan, c: Span) -> bool:
    """"the Act, which, if enacted, would prohibit ...": the condition names no act."""
    return c.label_ == "status:enacted" and bill_if_enacted(k.doc, c.start - 1)


def pressing_pause(k: CueScan, c: Span) -> bool:
    """"Police are pressing pause for now on using it": the idiom pauses, it urges no one."""
    return c.label_ == "urge" and k.doc[c.start].lower_.startswith("press") and \
        _low(k.doc, c.end) in lx.PAUSE_MORATORIUM


def reversal_described(k: CueScan, c: Span) -> bool:
    """"implementing a one-year moratorium ..., a reversal of its long-time defense": the
    apposition says what the act turned from; it repeals nothing."""
    return c.label_ == "action:repeal" and _low(k.doc, c.start - 1) in lx.A_AN_ANY and \
        _low(k.doc, c.start - 2) == "," and \
        any(_act(o) and o.label_ != "action:repeal" and o.end <= c.start for o in k.cues)


def measure_beside_act(k: CueScan, c: Span) -> bool:
    """"The prohibition is among the first parts of the AI Act to apply": a measure the
    topic knows by name stands for its act only where the sentence names no act."""
    return _act(c) and c.kb_id_ == "measure" and \
        any(_act(o) and o.kb_id_ != "measure" for o in k.cues)


def in_a_laws_name(k: CueScan, c: Span) -> bool:
    """"for violating Europe's General Data Protection Regulation": a restriction word that
    ends the capitalised name of a law is the name, not an act (but a headline in title
    case, "City Council Restricts Facial Recognition", is an act)."""
    doc = k.doc
    if c.label_ != "action:restriction" or c.end - c.start != 1 or \
            not doc[c.start].is_title or c.start <= k.sent.start:
        return False
    prev = doc[c.start - 1]
    return prev.is_title and prev.is_alpha and prev.i > k.sent.start and \
        not headline_cased(k.sent)


def describing_participle(k: CueScan, c: Span) -> bool:
    """"the value of regulated shared e-scooter services", "a highly regulated market": a
    restriction participle after a determiner, preposition or degree word describes a
    thing; it tells no act (but "were regulated", "the council restricted it" do)."""
    doc = k.doc
    return c.label_ == "action:restriction" and c.end - c.start == 1 and \
        doc[c.start].lower_ in lx.DESCRIBING_PARTICIPLES and c.start > k.sent.start and \
        doc[c.start - 1].lower_ in lx.BEFORE_A_DESCRIBING_PARTICIPLE and \
        c.end < k.sent.end and doc[c.end].is_alpha and doc[c.end].is_lower


def act_told_follows(k: CueScan, c: Span) -> bool:
    """"The suspension follows a Knoxville television report that ...": the act just told,
    named again as what came after some news; no new act (nor is the news's town an
    actor)."""
    doc = k.doc
    after = _low(doc, c.end)
    return _act(c) and c.end - c.start == 1 and _low(doc, c.start - 1) in lx.ANAPHOR_DETS and (
        after in lx.CAME_AFTER_VERBS and (after.startswith("follow") or
                                          _low(doc, c.end + 1) == "after"))


def law_described(k: CueScan, c: Span) -> bool:
    """"GDPR, a European Union privacy regulation introduced in 2018 to ...": a noun in an
    apposition that says what a named law is; it tells no act of its own."""
    doc = k.doc
    word = doc[c.start]
    if c.label_ != "action:restriction" or c.end - c.start != 1 or (
            word.pos_ not in {"NOUN", "PROPN"} and  # (untagged where no parse ran)
            not word.lower_.endswith(("tion", "tions", "law", "laws", "rule", "rules"))):
        return False
    for j in range(c.start - 1, max(k.sent.start, c.start - 6) - 1, -1):
        if doc[j].lower_ in {"a", "an"}:
            comma = j - 1
            return comma > k.sent.start and doc[comma].text == "," and \
                (doc[comma - 1].is_upper or doc[comma - 1].is_title) and \
                doc[comma - 1].is_alpha
        if not doc[j].is_alpha:
            return False
    return False


def issue_as_noun(k: CueScan, c: Span) -> bool:
    """"discussed the issue", "privacy issues": the noun, not "issues an order" (a status
    word only with what is issued after it)."""
    doc = k.doc
    nxt = _low(doc, c.end)
    return c.label_ == "status:enacted" and c.end - c.start == 1 and \
        doc[c.start].lower_ in {"issue", "issues"} and \
        nxt not in lx.A_AN_ANY | lx.ANAPHOR_DETS | lx.MEASURE_NOUNS | lx.BAN_NOUNS


def call_for_something_else(k: CueScan, c: Span) -> bool:
    """"IBM quits facial recognition, joins call for police reforms": past an act and a
    comma, a call for what is no measure is no plan of that act ("calls for a ban" is)."""
    doc = k.doc
    if c.label_ != "status:proposed" or doc[c.start].lower_ not in lx.CALL_WORDS or \
            _low(doc, c.end - 1) != "for":
        return False
    ahead = range(c.end, min(c.end + 4, k.sent.end))
    if any(doc[i].lower_ in lx.BAN_NOUNS | lx.MEASURE_NOUNS for i in ahead) or \
            any(_act(o) and o.start in ahead for o in k.cues):
        return False
    return any(_act(o) and o.end <= c.start and
               any(t.text == "," for t in doc[o.end:c.start]) for o in k.cues)


def ban_of_unlimited_use(k: CueScan, c: Span) -> bool:
    """"a bill that will ban the unrestricted use of facial recognition": what is barred is
    use without limits, so the measure limits use (the longer restriction cue tells it)."""
    return c.label_ == "action:ban" and any(
        o.label_ == "action:restriction" and o.start <= c.end - 1 and c.end < o.end
        for o in k.cues)  # ("would bar the unrestricted use": the ban word ends inside it)


def aim_not_a_plan(k: CueScan, c: Span) -> bool:
    """"Italy bans facial recognition tech, aims to fight crime": an aim whose verb is no
    act is what a measure is for, not a measure planned ("aims to ban it" still is)."""
    doc = k.doc
    if c.label_ != "status:proposed" or doc[c.start].lower_ not in lx.AIM_WORDS or \
            _low(doc, c.end) != "to":
        return False
    return not any(_act(o) and o.start <= c.end + 1 < o.end for o in k.cues)


CUE_DROPS: tuple[tuple[str, CueCheck], ...] = (
    ("called_on_a_day", called_on_a_day), ("under_condition", under_condition),
    ("rather_than", rather_than), ("follow_a_rule", follow_a_rule),
    ("measure_came_after", measure_came_after), ("joined_a_program", joined_a_program),
    ("no_sunset", no_sunset),
    ("event_came_after", event_came_after), ("was_followed", was_followed),
    ("followed_describes", followed_describes),
    ("blocked_inside_a_ban", blocked_inside_a_ban), ("practice_refused", practice_refused),
    ("refusal_barred", refusal_barred),
    ("quantity_limit", quantity_limit), ("curbing_a_harm", curbing_a_harm),
    ("chose_not_to_adopt", chose_not_to_adopt),
    ("banned_people", banned_people),
    ("stop_inside_an_order", stop_inside_an_order), ("plan_scrapped", plan_scrapped),
    ("only_a_risk", only_a_risk),
    ("off_limits", off_limits), ("authorship", authorship),
    ("regulatory_filing", regulatory_filing), ("written_request", written_request),
    ("comparison", comparison), ("model_rules", model_rules),
    ("split_not_tied", split_not_tied), ("killed_no_measure", killed_no_measure),
    ("agreement_terms", agreement_terms), ("measure_sponsor", measure_sponsor),
    ("retired_person", retired_person), ("vote_elsewhere", vote_elsewhere),
    ("passed_no_law", passed_no_law), ("lone_vote", lone_vote),
    ("duty_not_met", duty_not_met), ("measure_kept", measure_kept),
    ("failed_to_do", failed_to_do), ("threatened_failure", threatened_failure),
    ("veto_overridden", veto_overridden), ("used_for_a_time", used_for_a_time),
    ("pending_review", pending_review), ("allowed_only", allowed_only),
    ("stop_allowing", stop_allowing), ("power_to_act", power_to_act),
    ("measure_delayed", measure_delayed),
    ("measure_beside_act", measure_beside_act), ("if_enacted", if_enacted),
    ("pressing_pause", pressing_pause), ("reversal_described", reversal_described),
    ("in_a_laws_name", in_a_laws_name), ("describing_participle", describing_participle),
    ("law_described", law_described), ("act_told_follows", act_told_follows),
    ("issue_as_noun", issue_as_noun), ("aim_not_a_plan", aim_not_a_plan),
    ("ban_of_unlimited_use", ban_of_unlimited_use),
    ("call_for_something_else", call_for_something_else),
)


def dropped_by(k: CueScan, c: Span) -> str | None:
    """The name of the first check that finds the cue is no act."""
    return next((name for name, check in CUE_DROPS if check(k, c)), None)
