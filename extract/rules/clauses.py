"""Which cues of a sentence count, and where the sentence splits into clauses.

One sentence often tells of several acts ("Boston banned it in June, and Cambridge
followed"), each with its own actor and status; cutting it right is what lets the act
rules read each act apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .. import lexicon as lx
from ..components import CUE_KEY
from .cue_checks import CueScan, dropped_by
from .state import Actor, ArticleState, Clause, Mention, _low


class ClauseRules:
    """Cue filtering and clause cutting: the acts a sentence tells of, each in its
    clause, and the quotes and referring words that change who tells them.

    A part of ``SentenceRules``: its methods need ``self.s``, the ``ArticleState``.
    """

    s: ArticleState  # set by SentenceRules.__init__

    # ---------------------------------------------------------------- clauses and cues
    def _anaphoric_subject_of_follow(self, sent: Span, cue: int) -> bool:
        """"The vote ... followed": the clause (from the last ";" or ":") opens with a
        noun referring back, with no comma-separated actor before the verb."""
        doc = sent.doc
        start = next((k + 1 for k in range(cue - 1, sent.start - 1, -1)
                      if doc[k].text in {";", ":"}), sent.start)
        return self._anaphoric_subject(doc, start, cue) is not None and \
            not any(t.text == "," for t in doc[start:cue])

    def _similar(self, sent: Span) -> bool:
        """"a similar ordinance", "the same ban": another body's copy of the measure the
        article is about."""
        if self.s.last_action is None:
            return False
        doc = sent.doc
        if any(likens_measure(doc, t.i) for t in sent):
            return True
        # "supervisors are weighing a stricter ordinance": a rival measure before a body
        # (but not "they might support a narrower ordinance, though neither has drafted one")
        cues = [k for k in doc.spans.get(CUE_KEY, []) if sent.start <= k.start < sent.end]
        return any(t.lower_ in lx.COMPARATIVE_SCOPE and
                   _low(doc, t.i + 1) in lx.MEASURE_NOUNS for t in sent) and any(
            k.label_ == "status:proposed" and doc[k.start].lower_ != "would" and
            not any(n.label_ == "neg" and 0 <= k.start - n.end <= 1 for n in cues)
            for k in cues)

    def _cues(self, sent: Span) -> list[Span]:
        """The sentence's cues that may tell of an act: those no check of
        ``cue_checks.CUE_DROPS`` drops ("called on Tuesday for a ban", "until Congress
        passes a law", "a retired teacher" ...); "calls for a ban" as a noun is a demand."""
        doc = sent.doc
        cues = [c for c in doc.spans[CUE_KEY] if sent.start <= c.start < sent.end] \
            if CUE_KEY in doc.spans else []
        scan = CueScan(sent, cues, [t.i for t in sent if t.lower_ in lx.UNTIL_UNLESS],
                       [t.i for t in sent if t.lower_ == "where" and _low(doc, t.i - 1) == ","],
                       self)
        out = []
        for c in cues:
            if c.label_ == "status:proposed" and doc[c.start].lower_ == "calls" and (
                    c.start == sent.start or _low(doc, c.start - 1) in lx.BEFORE_NOUN_CALLS):
                # "In Marrish Bend, calls for a ban meet a quiet council": demands, the noun
                out.append(Span(doc, c.start, c.end, label="urge"))
            elif dropped_by(scan, c) is None:
                out.append(c)
        return out

    @staticmethod
    def _has_status(cues: list[Span]) -> bool:
        return any(c.label_.startswith("status:") for c in cues)

    def _anaphoric(self, sent: Span, cues: list[Span]) -> bool:
        """A sentence without a topic term counts only if its action is about "it"."""
        doc = sent.doc
        if self._similar(sent):
            return True  # "a similar ordinance was introduced"
        for c in cues:
            if c.label_ == "chain":
                return True
            if not c.label_.startswith("action:"):
                continue
            if {t.lower_ for t in c} & lx.MARKET_NOUNS:
                return True
            if {t.lower_ for t in c[1:]} & lx.TECH_NOUNS:
                return True  # "conditions agencies' use of the technology on a warrant"
            before = [t.lower_ for t in doc[max(sent.start, c.start - 3):c.start]]
            loose = c.label_ == "action:restriction" and \
                doc[c.start].lower_ not in lx.BAN_NOUNS | lx.LIMITS_RESTRICTIONS
            if before and not loose and (
                    before[-1] in lx.ANAPHOR_DETS | lx.RESTRICTION_BACK_WORDS
                    or any(w in lx.ANAPHOR_DETS for w in before[-3:-1])):
                return True  # ("a ban", "the moratorium" -- but not "without a warrant")
            if self._anaphoric_subject(doc, sent.start, c.start) is not None:
                return True  # "The law, signed last week, bars ..."
            window = [t.lower_ for t in doc[c.end:min(sent.end, c.end + 8)]]
            defied = any(w in lx.DEFIANCE_WORDS for w in before)
            if (not window or window[0] in lx.CLAUSE_END_WORDS) \
                    and not loose and not defied:
                return True  # (but "barring drones over backyards without a warrant.", and
                # "marched despite a police ban": what was defied, not the story's topic)
            if window[0] == "on" and len(window) > 1 and \
                    window[1] in lx.ANAPHOR_OBJECTS | lx.ANAPHOR_DETS:
                return True
            if any(w in lx.ANAPHOR_OBJECTS for w in window):
                return True
            far = [t.lower_ for t in doc[c.end:min(sent.end, c.end + 18)]]
            if any(a in lx.USE_VERBS and
                   (b in lx.IT_THEM or (b in lx.THE_THIS_SUCH and
                                            w in lx.TECH_NOUNS_SINGULAR))
                   for a, b, w in zip(far, far[1:], far[2:] + [""], strict=False)):
                return True  # "barred not only city bureaus but also private businesses from
                # using the technology"
        return False

    def _quoted_tokens(self, sent: Span) -> tuple[set[int], set[int]]:
        """The tokens inside quotation marks, and those inside a quoted name followed by a
        measure noun (the “Retail Business Must Accept Cash” bill: a name, not a
        quote)."""
        inside: set[int] = set()
        names: set[int] = set()
        open_at = None
        doc = sent.doc
        for t in sent:
            single = t.text in {"'", "‘", "’"}
            if open_at is None and (t.text in lx.QUOTES_OPEN or (
                    single and t.text != "’" and (t.i == sent.start or doc[t.i - 1].is_punct)
                    and t.i + 1 < sent.end and doc[t.i + 1].is_title)):
                open_at = t.i  # '...' in single quotes too, as some outlets print them
                continue
            if open_at is not None and (t.text in lx.QUOTES_CLOSE or (
                    single and t.text != "‘" and doc[t.i - 1].is_punct)):
                (names if _low(doc, t.i + 1) in lx.MEASURE_NOUNS else inside).update(
                    range(open_at, t.i))
                open_at = None
        if open_at is not None and open_at == sent.start:  # quote running past the sentence
            inside.update(range(open_at, sent.end))
        return inside, names

    def _quote_speaker(self, sent: Span, mentions: list[Mention], quote: set[int]) -> list[Actor]:
        """A company or government quoting its own policy ("We will not sell ...", IBM said)."""
        doc = sent.doc
        words = [doc[i].lower_ for i in sorted(quote)]
        if not any(w in lx.FIRST_PERSON for w in words):
            return []
        if any(w in lx.DEMAND_WORDS for w in words):
            return []
        outside = [m for m in mentions if m.start not in quote and m.actors and not m.owned
                   and m.kind in {"company", "place", "body", "agency"} and not (
                       m.kind == "place" and _low(doc, m.start - 1) in lx.IN_AT_FROM)]
        # ("..." said Ines Varga, who teaches at a college in Ohio: where she works)
        speech = [t.i for t in sent if t.lower_ in lx.SPEECH_VERBS and t.i not in quote]
        after = [k for k in speech if k > max(quote)]
        speech = after[:1] or speech[-1:]  # the verb of this quote, not of a later clause
        if not outside or not speech:
            return []
        best = min(outside, key=lambda m: min(abs(m.start - k) for k in speech))
        return best.actors[:1]

    def _clauses(self, sent: Span, cues: list[Span], mentions: list[Mention]) -> list[Clause]:
        """The sentence cut into clauses where one of ``CUT_RULES`` finds another act
        begins; each clause holds its own cues and mentions."""
        doc = sent.doc
        opening = self._dateline_end(sent)
        # "Three years after forbidding its police from using it, X ...": a fronted
        # subordinate clause, cut once where the main clause's subject comes
        subordinate = doc[opening].lower_ in lx.SUBORDINATORS or self._interval_opening(
            doc, opening)
        dashes = [t.i for t in sent if t.text in {"—", "–"} and t.i >= opening]
        # "Springfield — the one in Illinois — became the latest city ...": an aside between
        # two dashes cuts nothing; nor does a longer one with no cue in it ("Clearview AI —
        # the company whose software has been used by police services — will no longer
        # provide ...")
        aside = {i for a, b in zip(dashes, dashes[1:], strict=False)
                 if b - a <= 8 or b - a <= 25 and not any(a < k.start < b for k in cues)
                 for i in (a, b)}
        scan = CutScan(sent, cues, mentions, [(sent.start, True)], subordinate)
        for t in sent:
            if t.i == sent.start or t.i in aside:
                continue
            for _, rule in CUT_RULES:
                found = rule(self, scan, t)
                if found is not None:
                    scan.cuts.extend(found)
                    break
        cuts = [*scan.cuts, (sent.end, True)]
        out = []
        for (a, hard), (b, _) in zip(cuts, cuts[1:], strict=False):
            if b > a:
                out.append(Clause(a, b, [c for c in cues if a <= c.start < b],
                                  [m for m in mentions if a <= m.start < b], hard))
        return out or [Clause(sent.start, sent.end, cues, mentions, True)]

    @staticmethod
    def _failed_try(t) -> bool:
        """"an attempt to override him fell one vote short": the override did not happen."""
        doc = t.doc
        before = {_low(doc, j) for j in range(t.i - 3, t.i)}
        after = {_low(doc, j) for j in range(t.i + 1, min(len(doc), t.i + 8))}
        return bool(before & lx.ATTEMPT_WORDS and
                    after & lx.FELL_SHORT_WORDS)

    @staticmethod
    def _interval_opening(doc: Doc, i: int) -> bool:
        """"Three years after", "A month before", "The day after": an interval opening a
        sentence or a phrase."""
        words = [_low(doc, j) for j in range(i, i + 3)]
        return (words[0] in lx.NUMBER_WORDS | lx.THE_A or words[0].isdigit()) and \
            words[1].rstrip("s") in lx.TIME_UNITS and \
            words[2] in lx.AFTER_BEFORE

    @staticmethod
    def _own_act_after(i: int, cues: list[Span], mentions: list[Mention]) -> bool:
        """An action after token ``i`` with a status of its own, or with a subject of its
        own when the clause before has an act too ("the ban brings Boston into line with
        Cambridge, where the council made it the second city to ban ...")."""
        after = [c for c in cues if c.start > i]
        return any(c.label_.startswith("action:") for c in after) and (
            any(c.label_.startswith("status:") for c in after) or (
                any(i < m.start <= i + 3 and m.kind in {"body", "place", "company", "agency"}
                    for m in mentions) and
                any(c.label_.startswith("action:") for c in cues if c.start < i)))

    def _label_before(self, sent: Span, colon: int, mentions: list[Mention]) -> bool:
        """The sentence opens with a place and a colon, as a listing's entry does."""
        covered = {i for m in mentions if m.kind == "place" for i in range(m.start, m.end)}
        covered |= {i for m in mentions if m.kind == "place" for i in m.qualifiers}
        doc = sent.doc
        return colon > sent.start and bool(covered) and all(
            i in covered or doc[i].text == "," or self.s.gaz.state_code(doc[i].text)
            for i in range(sent.start, colon))

    @staticmethod
    def _second_act_at(i: int, cues: list[Span], start: int) -> bool:
        """An action of another kind opens the verb phrase after "and" at ``i``, and the
        clause so far has an action of its own well before it: two acts, one subject."""
        nxt = next((c for c in cues if c.start == i + 1 and c.label_.startswith("action:")),
                   None)
        return nxt is not None and any(
            c.label_.startswith("action:") and c.label_ != nxt.label_ and start <= c.start and
            c.end + 2 < i for c in cues)

    @staticmethod
    def _turn_to_act_at(doc: Doc, i: int, cues: list[Span], start: int) -> bool:
        """After "but" at ``i`` a verb phrase opens with an enactment or an action cue (past
        auxiliaries and adverbs), and the clause so far has an act of its own: the same
        subject's second, contrasting act."""
        j = i + 1
        while _low(doc, j) in lx.AUXILIARIES | lx.SEQUENCE_ADVERBS:
            j += 1
        opens = any(c.start == j and (c.label_ == "status:enacted" or
                                      c.label_.startswith("action:")) for c in cues)
        return opens and any(
            (c.label_.startswith(("action:", "status:"))) and start <= c.start < i - 1
            for c in cues)

    @staticmethod
    def _predicate_after(rel: int, cues: list[Span], sent: Span) -> int | None:
        """Where the main predicate resumes after a subject's relative clause: the first
        comma past the clause's act that a cue follows at once."""
        doc = sent.doc
        act = next((c.start for c in cues if c.start > rel and c.label_.startswith("action:")),
                   None)
        if act is None:
            return None
        for j in range(act + 1, sent.end - 1):
            if doc[j].text in {";", ":", "—", "–"}:
                return None
            if doc[j].text == "," and any(c.start == j + 1 and (
                    c.label_.startswith("action:") or c.label_ == "chain") for c in cues):
                return j + 1
        return None

    @staticmethod
    def _relative_owner(rel: int, cues: list[Span], mentions: list[Mention]) -> int | None:
        """Where the name a relative clause hangs on starts, when the clause tells of its
        own act ("its neighbor Somerville, which did the same last summer"): that name
        and its clause are a clause of their own."""
        if not any(rel < c.start <= rel + 4 and (c.label_ == "chain" or
                                                 c.label_.startswith("action:"))
                   for c in cues):
            return None
        act = min(c.start for c in cues if rel < c.start <= rel + 4 and (
            c.label_ == "chain" or c.label_.startswith("action:")))
        if any(rel < m.start < act for m in mentions):
            return None  # "..., which the county board banned": the board's act
        doc = cues[0].doc

        places = [m for m in mentions if m.kind in {"place", "company"} and not m.owned]
        owner = next((m for m in places if m.ends_at(rel - 1)), None)
        if owner is None:
            # "from Jackson, the Mississippi capital, which barred ...": past an appositive
            start = next((j for j in range(rel - 2, max(rel - 8, 0), -1)
                          if doc[j].text == ","), None)
            if start is not None and _low(doc, start + 1) in lx.ARTICLES:
                owner = next((m for m in places if m.ends_at(start)), None)
        while owner is not None and _low(doc, owner.start - 1) in lx.COMMA_AND:
            # "joining Somerville and Brookline, which passed similar measures in 2019":
            # the relative clause tells of every name of the list
            prev = next((m for m in places if m.end == owner.start - 1), None)
            if prev is None:
                break
            owner = prev
        return owner.start if owner is not None else None

    @staticmethod
    def _new_subject_at(doc: Doc, i: int, cues: list[Span], mentions: list[Mention]) -> bool:
        """A place, company or body starts at ``i`` (after "the") and a cue follows it
        closely: the main clause after a fronted subordinate one has its own subject (or
        a pronoun for it: "Although Meta paused it in 2021, it reinstated it in 2024")."""
        if _low(doc, i) in lx.PRONOUN_SUBJECTS:
            return any(i < c.start <= i + 3 and c.label_.startswith(("action:", "status:"))
                       for c in cues)
        m = next((m for m in mentions if i <= m.start <= i + 1
                  and m.kind in {"place", "company", "body", "agency"}), None)
        if m is None:
            return False
        end = max(o.end for o in mentions if o.start < m.end + 3 and o.start >= m.start)
        if any(end <= c.start <= end + 3 and (c.label_.startswith(("action:", "status:"))
                                              or c.label_ == "chain") for c in cues):
            return True
        # "The day after it was filed, Sheriff Raymond Voskuil said ...": a titled speaker
        j = end
        while j < min(len(doc), end + 3) and doc[j].is_title:
            j += 1
        return _low(doc, j) in lx.SPEECH_VERBS

    @staticmethod
    def _speaking_company_at(doc: Doc, i: int, mentions: list[Mention]) -> bool:
        """"IBM left the business and Microsoft said it would not sell ...": a second
        company with its own statement starts a clause of its own."""
        m = next((m for m in mentions if m.start == i and m.kind == "company"), None)
        return m is not None and _low(doc, m.end) in lx.SPEECH_VERBS

    @staticmethod
    def _acting_mention_at(i: int, cues: list[Span], mentions: list[Mention]) -> bool:
        """A place or company at ``i`` with its own cue: right after it ("Amazon paused"),
        or after a short unpunctuated run ("Amazon on Wednesday put a one-year pause")."""
        m = next((m for m in mentions if m.start == i and m.kind in {"place", "company"}), None)
        if m is None:
            return False
        doc = cues[0].doc if cues else None
        if doc is not None and m.kind == "company" and _low(doc, m.end) in lx.POSSESSIVE and \
                _low(doc, m.end + 1) in lx.DECISION_NOUNS and any(
                    c.label_.startswith("action:") and m.end < c.start <= m.end + 10
                    for c in cues):
            return True  # "... and Meta's decision in November 2021 to shut down ..."
        return any((c.label_.startswith(("action:", "status:")) or c.label_ == "chain") and (
            c.start == m.end or (
                doc is not None and m.kind == "company" and m.end < c.start <= m.end + 8 and
                not any(t.text in {",", ";", ":", ".", "—", "–", "(", ")", '"'} or
                        t.lower_ in lx.COMPANY_CUE_BREAKERS
                        for t in doc[m.end:c.start]) and
                not any(o.start >= m.end and o.start < c.start for o in mentions)))
            for c in cues)

    @staticmethod
    def _merge_clauses(clauses: list[Clause]) -> list[Clause]:
        """Clauses with places but no cue belong to the next one ("X, Y, and Z banned")."""
        merged: list[Clause] = []
        carry: Clause | None = None
        for c in clauses:
            eventful = any(k.label_.startswith(("action:", "status:")) or k.label_ == "chain"
                           for k in c.cues)
            if carry is not None and not c.hard_start:
                c = Clause(carry.start, c.end, carry.cues + c.cues, carry.mentions + c.mentions,
                           carry.hard_start)
            carry = None
            if not eventful:
                carry = c
                continue
            merged.append(c)
        if carry is not None and merged and not carry.hard_start:
            last = merged[-1]  # "..., and Minneapolis in February 2021.": a gapped tail
            merged[-1] = Clause(last.start, carry.end, last.cues + carry.cues,
                                last.mentions + carry.mentions, last.hard_start)
        return merged


def likens_measure(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a measure like another's: "a similar ordinance", "the same
    ban", "such a measure"."""
    word = doc[i].lower_
    if word in lx.SIMILARITY_WORDS:
        return _low(doc, i + 1) in lx.MEASURE_NOUNS | lx.BAN_NOUNS
    return word == "such" and _low(doc, i + 1) in lx.A_AN_ANY and \
        _low(doc, i + 2) in lx.MEASURE_NOUNS | lx.BAN_NOUNS


@dataclass
class CutScan:
    """One sentence being cut: its cues and mentions, the cuts so far ((token, hard):
    a hard cut is a ";", ":" or dash), and whether it opens with a subordinate clause
    (cut once, ``sub_cut``)."""

    sent: Span
    cues: list[Span]
    mentions: list[Mention]
    cuts: list[tuple[int, bool]]
    subordinate: bool
    sub_cut: bool = False

    @property
    def doc(self) -> Doc:
        return self.sent.doc

    @property
    def last_cut(self) -> int:
        return self.cuts[-1][0]


#: a cut rule: the cuts it makes at token ``t`` ([] when it holds and cuts nothing), or
#: None when it does not hold
Cuts = list[tuple[int, bool]] | None


def label_colon(rules: ClauseRules, k: CutScan, t: Token) -> Cuts:
    """"Osterlund, Minnesota: Ordinance 2021-37 ...": a label before the colon."""
    if t.text == ":" and rules._label_before(k.sent, t.i, k.mentions):
        return [(t.i + 1, False)]
    return None


def list_goes_on(rules: ClauseRules, k: CutScan, t: Token) -> Cuts:
    """"joining Boston and Somerville—as well as San Francisco": the list goes on past
    the dash."""
    return [] if t.text in {"—", "–"} and _low(k.doc, t.i + 1) in lx.LIST_GOES_ON else None


def hard_stop(rules: ClauseRules, k: CutScan, t: Token) -> Cuts:
    """A ";", ":" or dash."""
    return [(t.i + 1, True)] if t.text in {";", ":", "—", "–"} else None


def conjunction(rules: ClauseRules, k: CutScan, t: Token) -> Cuts:
    """", but", ", and then", "while", "whereas"."""
    if (t.lower_ in lx.CLAUSE_CONJ | {"then"} and k.doc[t.i - 1].text == ",") or \
            t.lower_ in lx.WHILE_WHEREAS:
        return [(t.i, False)]
    return None


def and_another_actor(rules: ClauseRules, k: CutScan, t: Token) -> Cuts:
    """"IBM said it was leaving and Amazon paused" (but in "reports have confirmed Kmart and
    Bunnings will pause it" nothing was done before the "and": the two act together)."""
    if t.lower_ == "and" and (rules._acting_mention_at(t.i + 1, k.cues, k.mentions) or
                              rules._speaking_company_at(k.doc, t.i + 1, k.mentions)) and \
            not _names_only_before(k, t):
        return [(t.i, False)]
    return None


def _names_only_before(k: CutScan, t: Token) -> bool:
    """Whether the words since the last cut name companies with no act of their own
    ("... have confirmed Kmart and Bunnings will ..."): a company just before the "and",
    and no act word since the last cut."""
    before = next((m for m in k.mentions if m.end == t.i), None)
    return before is not None and before.kind == "company" and not any(
        c.label_.startswith("action:") and k.last_cut <= c.start < t.i for c in k.cues)


def but_a_second_act(rules: ClauseRules, k: CutScan, t: Token) -> Cuts:
    """"failed to pass a proposed ban in 2019 but has recently passed a modified bill that
    adds restrictions": a second act."""
    if t.lower_ == "but" and rules._turn_to_act_at(k.doc, t.i, k.cues, k.last_cut):
        return [(t.i, False)]
    return None


def and_a_second_act(rules: ClauseRules, k: CutScan, t: Token) -> Cuts:
    """"it would stop selling the product to retailers and limit access for everyone else
    to customers who pass a vetting"."""
    if t.lower_ == "and" and rules._second_act_at(t.i, k.cues, k.last_cut):
        return [(t.i, False)]
    return None


def and_says_more(rules: ClauseRules, k: CutScan, t: Token) -> Cuts:
    """"released a decision demanding Clearview AI stop processing the data and said the
    company must delete what it holds": a second statement, whose act (a penalty, a demand)
    is not the first one's."""
    if t.lower_ == "and" and _low(k.doc, t.i + 1) in lx.SPEECH_VERBS and \
            any(c.label_.startswith("action:") and k.last_cut <= c.start < t.i
                for c in k.cues) and \
            any(c.label_.startswith("action:") and c.start > t.i + 1 for c in k.cues):
        return [(t.i, False)]
    return None


def conversion(rules: ClauseRules, k: CutScan, t: Token) -> Cuts:
    """"..., turning into a lasting prohibition the pause that lawmakers imposed in 2020":
    the older measure is told apart."""
    if t.text == "," and _low(k.doc, t.i + 1) in lx.CONVERSION_VERBS:
        return [(t.i + 1, False)]
    return None


def earlier_act_of_another(rules: ClauseRules, k: CutScan, t: Token) -> Cuts:
    """"Amazon put a one-year pause ..., two days after IBM said it was walking away from
    ...": IBM's own, earlier act."""
    if t.text == "," and rules._interval_opening(k.doc, t.i + 1) and \
            rules._acting_mention_at(t.i + 4, k.cues, k.mentions):
        return [(t.i + 1, False)]
    return None


def comma_another_actor(rules: ClauseRules, k: CutScan, t: Token) -> Cuts:
    """"IBM abandoned it, Amazon imposed a pause"."""
    if t.text == "," and rules._acting_mention_at(t.i + 1, k.cues, k.mentions):
        return [(t.i + 1, False)]
    return None


def unlike(rules: ClauseRules, k: CutScan, t: Token) -> Cuts:
    """"Ottermere remains without a ban, unlike Madison, ..., whose council outlawed city
    use of it in late 2020": another's act."""
    return [(t.i, False)] if t.lower_ == "unlike" and k.doc[t.i - 1].text == "," else None


def relative_owner(rules: ClauseRules, k: CutScan, t: Token) -> Cuts:
    """"... alongside Somerville, which did the same"; and "Virginia, which barred ... in
    2021, reversed course this spring": the subject's own predicate after its relative
    clause."""
    if t.lower_ not in lx.WHICH_WHO or k.doc[t.i - 1].text != ",":
        return None
    own = rules._relative_owner(t.i, k.cues, k.mentions)
    if own is None:
        return None
    if own == k.last_cut and (back := rules._predicate_after(t.i, k.cues, k.sent)):
        return [(own, False), (back, False)]
    return [(own, False)]


def where_own_act(rules: ClauseRules, k: CutScan, t: Token) -> Cuts:
    """"... with Cambridge, just across the river, where councilors passed a similar ban in
    January": the place's own act."""
    if t.lower_ == "where" and k.doc[t.i - 1].text == "," and \
            rules._own_act_after(t.i, k.cues, k.mentions):
        return [(t.i, False)]
    return None


def after_subordinate(rules: ClauseRules, k: CutScan, t: Token) -> Cuts:
    """"While Vermont halted ..., New Hampshire rejected ...": the main clause after a
    fronted subordinate one, cut once."""
    if t.text == "," and k.subordinate and not k.sub_cut and \
            rules._new_subject_at(k.doc, t.i + 1, k.cues, k.mentions):
        k.sub_cut = True
        return [(t.i + 1, False)]
    return None


#: where a clause begins, tried in this order at each token; the first that holds decides
CUT_RULES: tuple[tuple[str, Callable[[ClauseRules, CutScan, Token], Cuts]], ...] = (
    ("label_colon", label_colon),
    ("list_goes_on", list_goes_on),
    ("hard_stop", hard_stop),
    ("conjunction", conjunction),
    ("and_another_actor", and_another_actor),
    ("but_a_second_act", but_a_second_act),
    ("and_a_second_act", and_a_second_act),
    ("and_says_more", and_says_more),
    ("conversion", conversion),
    ("earlier_act_of_another", earlier_act_of_another),
    ("comma_another_actor", comma_another_actor),
    ("unlike", unlike),
    ("relative_owner", relative_owner),
    ("where_own_act", where_own_act),
    ("after_subordinate", after_subordinate),
)
