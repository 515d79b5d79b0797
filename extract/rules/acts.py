"""What a clause's act is, how far it got, and who took it.

The action (ban, moratorium, repeal ...), the status (proposed, enacted, failed ...) and
the actors come from the cues and mentions around the action word; the checks here keep
demands, threats, counterfactuals and a company's own policy from passing for acts.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .. import dates as d
from .. import lexicon as lx
from ..components import CUE_KEY, TOPIC_KEY
from .state import Actor, ArticleState, Clause, Mention, _low


def _inside(narrow: Actor, broad: Actor) -> bool:
    """True when ``narrow`` lies within ``broad`` (city in state, state in country)."""
    if narrow == broad:
        return False
    if broad.level == "state":
        return (narrow.region == broad.region and narrow.country == broad.country
                and narrow.level in {"city", "county"})
    if broad.level == "country":
        return narrow.country == broad.country and narrow.level in {"city", "county", "state"}
    return False


class ActRules:
    """The act of a clause: its action, its status and its actors, with the checks that
    tell a real act from advice, a threat, a demand or something that did not happen.

    A part of ``SentenceRules``: its methods need ``self.s``, the ``ArticleState``.
    """

    s: ArticleState  # set by SentenceRules.__init__

    @staticmethod
    def _company_policy(doc: Doc, cues: list[Span]) -> bool:
        """A company's "would"/"will" about itself states its policy, not a proposal."""
        proposed = [c for c in cues if c.label_ == "status:proposed"]
        return all(doc[c.start].lower_ in lx.COMPANY_POLICY_MODALS for c in proposed)

    @staticmethod
    def _counterfactual(doc: Doc, cs: int, ce: int, cue_tok: int) -> bool:
        """"would have stopped", "could have banned": a measure that did not happen -- but
        not "approved the pause after objections to a grant that would have paid for it",
        where the "would have" is about something else, well after the cue."""
        return any(doc[i].lower_ in lx.HYPOTHETICAL_MODALS and _low(doc, i + 1) == "have"
                   for i in range(cs, min(ce, cue_tok + 4)))

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
        valid = [(c.label_.split(":", 1)[1], c) for c in acts
                 if not (doc[c.start].lower_ in lx.NEEDS_BAN and not has_ban
                         and c.label_ != "action:exit")  # "end-of-lifing" needs no ban
                 and not (c.label_ == "action:extension" and _low(doc, c.end) == "to")
                 and not self._widening(doc, c)
                 and not self._other_object(doc, c)
                 and not self._relative_extension(doc, c, acts)]
        if not valid:
            return None, -1
        kinds = {k for k, _ in valid}
        for kind in lx.ACTION_PRIORITY:
            if kind in kinds:
                return kind, next(c.start for k, c in valid if k == kind)
        return None, -1

    @staticmethod
    def _widening(doc: Doc, c: Span) -> bool:
        """"one extending the prohibition to private businesses", "extend it to every county
        department": the ban reaches more parties; nothing is prolonged (but "extended the
        moratorium to June 2023")."""
        if c.label_ != "action:extension" or not doc[c.start].lower_.startswith("extend"):
            return False
        for j in range(c.end, min(len(doc), c.end + 4)):
            if doc[j].lower_ == "to":
                k = j + 2 if _low(doc, j + 1) in lx.THE_A else j + 1
                return k < len(doc) and doc[k].is_alpha and \
                    doc[k].lower_ not in set(d.MONTHS) | lx.TIME_WORDS and \
                    any(t.lower_ in lx.BAN_NOUNS | lx.IT_THEM for t in doc[c.end:j])
        return False

    def _other_object(self, doc: Doc, c: Span) -> bool:
        """"They renewed the jail's medical services contract for three years, voted against
        a two-year moratorium ...": the renewal is of something else; so is "banned
        fireworks and plastic bags" or "a ban on face masks at protests"."""
        if c.label_ in {"action:ban", "action:moratorium"} and any(
                t.lower_ in lx.OTHER_BANNED - self.s.topic_words  # (a TikTok topic's own)
                for t in doc[c.end:min(len(doc), c.end + 4)] if t.sent == doc[c.start].sent):
            return True
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
        rel = next((i for i in range(cue_tok + 1, ce)
                    if doc[i].lower_ in lx.RELATIVE_PRONOUNS), None)
        if rel is not None:  # "... in a letter that also called for changes"
            cues = [c for c in cues if c.start < rel or not c.label_.startswith("status:")]
        failed = [c for c in cues if c.label_ == "status:failed"]
        proposed = [c for c in cues if c.label_ == "status:proposed"]
        enacted = [c for c in cues if c.label_ == "status:enacted"]
        negs = [c for c in cues if c.label_ == "neg"]
        # a negation right before a status cue negates that cue ("could not pass"), any
        # other one shortly before the action negates the action ("does not stop Facebook")
        status_starts = {c.start for c in failed + enacted}
        cue_span = next((c for c in cues if c.start == cue_tok), None)
        cue_end = cue_span.end if cue_span is not None else cue_tok + 1
        action_negs = [n for n in negs if n.end not in status_starts
                       and not any(f.start <= n.start < f.end for f in failed)
                       and not (n.start >= cue_tok and n.end <= cue_end)]
        if any(0 <= cue_tok - n.end <= 2 or (doc[n.start].lower_ == "no"
                                            and 0 <= cue_tok - n.end <= 4) or (
                0 <= cue_tok - n.end <= 5 and "any" in {t.lower_ for t in doc[n.end:cue_tok]})
               for n in action_negs):  # ("has not taken up any limits of its own")
            return None  # "has not banned", "does not shut down", "no law that bars"
        if any(n.end == k.start and doc[n.start].lower_ in lx.NEGATORS
               for n in negs for k in proposed):
            return None  # "The county commission has not taken up any limits"
        if any(n.end == k.start and _low(doc, k.end) == "any" for n in negs for k in enacted):
            return None  # "the city itself has not adopted any limits": nothing was voted on
        if any(doc[n.start].lower_ in lx.NO_NEITHER and n.start <= cs + 1 and any(
                n.end < k.start <= n.end + 8 for k in proposed + enacted) for n in negs):
            return None  # "No member of the council has proposed limits"
        if any(_low(doc, n.end) in lx.NEG_INTENT and n.end < cue_tok for n in negs
               if cs <= n.start):
            return None  # "not planning a face-recognition ban"
        if any(doc[n.start].lower_ == "no" and _low(doc, n.end) in lx.NO_APPETITE and
               n.end < cue_tok for n in negs if cs <= n.start):
            return None  # "she had heard no support on the council for a ban"
        if any(doc[n.start].lower_ in lx.NEGATORS and any(
                doc[j].lower_ in lx.A_AN_ANY for j in range(n.end, k.start))
               and n.end < k.start <= n.end + 4 for n in negs for k in proposed):
            return None  # "the City Council has not taken up any proposal to limit it"
        if any(t.lower_ in lx.EXEMPT for t in doc[max(cs, cue_tok - 6):cue_tok]) and (
                any(cs <= n.start < cue_tok for n in negs)
                or any(t.lower_.startswith("exempt") for t in doc[max(cs, cue_tok - 6):cue_tok])):
            return None  # "is not covered by the city's prohibition", "exempt from the ban"
        if failed:
            return "failed"
        # negated enactment: "did not approve" → failed
        for e in enacted:
            if any(0 <= e.start - n.end <= 2 for n in negs):
                return "failed" if proposed or doc[e.start].lower_ in lx.STRONG_ENACT else None
        strong = [e for e in enacted if doc[e.start].lower_ in lx.STRONG_ENACT]
        weak_by_modal = [e for e in strong if self._modal_before(doc, e.start, cs)]
        strong = [e for e in strong if e not in weak_by_modal]
        if strong:
            return "enacted"
        if proposed or weak_by_modal:
            return "proposed"
        headline_future = any(doc[k].lower_ in lx.HEADLINE_FUTURE and k + 1 == cue_tok
                              for k in range(cs, cue_tok))
        if in_title and headline_future and not any(
                doc[k].lower_ in lx.PAST_CONTEXT for k in range(max(cs, cue_tok - 6), cue_tok)):
            return "proposed"  # "Boston to ban facial recognition"
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
        return _low(doc, k) == "to" and any(
            t.lower_ in lx.ORDINALS for t in doc[max(cs, k - 14):k])

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
    def _places_that_acted(doc: Doc, cs: int, cue_tok: int) -> bool:
        """The clause opens "(Other) cities that have banned it": a kind of place whose
        members, named after "include", each took the act."""
        words = [_low(doc, i) for i in range(cs, cue_tok)]
        kind = next((i for i, w in enumerate(words[:4]) if w in lx.PLURAL_SETTLEMENTS), None)
        return kind is not None and len(words) > kind + 1 and \
            words[kind + 1] in lx.THAT_WHICH and \
            all(w in lx.AUXILIARIES | lx.SEQUENCE_ADVERBS for w in words[kind + 2:])

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
        words = [t.lower_ for t in doc[cs:cue_tok]]
        return bool(words) and words[0] == "under" and any(
            w in lx.MEASURE_NOUNS for w in words[1:6])

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
            if w.lower_ == "to" and any(
                    t.lower_ in lx.ORDINALS for t in doc[max(cs, k - 14):k]):
                return False  # "the second city, after San Francisco, to enact such a ban"
            if w.lower_ in lx.MODALS:
                return w.lower_ != "to" or k == i - 1 or (
                    k == i - 2 and doc[i - 1].lower_.endswith("ly"))
        return False

    def _actors(self, doc: Doc, mentions: list[Mention], cue_tok: int, cs: int, ce: int
                ) -> tuple[list[Actor], set[int], dict[Actor, int]]:
        """Actors of a clause: subjects before the cue, places after "in"/"by", earlier
        actors after "follows"/"after"; never targets ("urged X", "letter to X")."""
        self._rel_floor = None
        usable = [m for m in mentions if m.kind in {"place", "company", "body", "agency"}
                  and m.actors and not m.owned]
        where = next((t.i for t in doc[cs + 1:cue_tok] if t.lower_ == "where"
                      and doc[t.i - 1].text == ","), None)
        host = next((m for m in usable if m.end == where - 1), None) if where else None
        if where is not None and any(where < m.start < cue_tok for m in usable):
            # "Tuesday's vote in Seattle, where the King County Council made King County
            # the first county to ban ...": the where-clause's own subject acts
            usable = [m for m in usable if m.start > where]
        elif host is not None:
            # "... rather than wait for the City Council, where a proposal to ban it has
            # stalled": the measure is before the body named just before "where"
            return host.actors[:1], set(), {host.actors[0]: host.start}
        owners = self._object_relative(doc, usable, cue_tok, ce)
        if owners:
            # "The order ends a pause that the Legislature and Governor Cuomo imposed in
            # December 2020": the measure named by the cue is the act of the relative
            # clause's subject
            actors = list(dict.fromkeys(a for m in owners for a in m.actors[:1]))
            return actors, set(), {a: m.start for m in owners for a in m.actors[:1]}
        rel = next((t.i for t in reversed(doc[cs + 1:cue_tok])
                    if t.lower_ in lx.WHICH_WHO_WHOSE and doc[t.i - 1].text == ","), None)
        if rel is not None and not any(t.text in {",", ";", "—", "–"}
                                       for t in doc[rel + 1:cue_tok]):
            # the cue is inside a relative clause: "..., whose council outlawed it" is that
            # body's act; "points to San Francisco, Oakland and Somerville, which had all
            # banned it" is the act of the names the clause hangs on
            if any(rel < m.start < cue_tok for m in usable):
                usable = [m for m in usable if m.start > rel]
            else:
                named = self._antecedents(doc, usable, rel - 1)
                if named:
                    actors = [a for m in named for a in m.actors[:1]]
                    self._rel_floor = rel
                    return actors, set(), {m.actors[0]: m.start for m in named}
        agent = self._agent_after(doc, usable, cue_tok, ce)
        if agent is not None:
            return agent.actors[:1], set(), {agent.actors[0]: agent.start}
        cue = next((k for k in doc.spans.get(CUE_KEY, []) if k.start == cue_tok), None)
        bound = [m for m in usable if m.kind in {"company", "body"} and m.actors and
                 m.actors[0].actor_type == "company" and cue is not None and
                 cue_tok < m.start and m.end < cue.end]
        if bound and not any(m.start < cue_tok and m.start >= cs for m in usable):
            # "The agreement also keeps the company from selling to any state agency for
            # five years": the company is bound by what it agreed to
            return bound[0].actors[:1], set(), {bound[0].actors[0]: bound[0].start}
        before_cue = [m for m in usable if m.start < cue_tok]
        passive = self._passive(doc, cue_tok)
        chosen: list[tuple[Mention, bool]] = []
        target_end: int | None = None
        listed = self._places_that_acted(doc, cs, cue_tok)
        list_end: int | None = None
        ref_end: int | None = None
        ordering = [o for o in before_cue if o.actors[0].actor_type != "company"] \
            if cue is not None and doc[cue.start].lower_ in lx.ORDER_VERBS else []
        for m in usable:
            if _low(doc, m.end) in lx.OWNED_BY_MARKS or (
                    _low(doc, m.end) == "-" and _low(doc, m.end + 1) in lx.OWNED_BY_MARKS):
                continue  # "Kmart, the Wesfarmers-owned chain": the owner only says whose
            if ordering and m.actors[0].actor_type == "company":
                continue  # "the CNIL fined Clearview AI and ordered the company to stop
                # collecting": the regulator orders; the company is fined and ordered
            if passive and m.start < cue_tok and (m.kind == "company" or (
                    m.kind in {"body", "agency"} and m.role in {"police", "agency", ""})) and \
                    not any(t.lower_ in lx.SPEECH_VERBS for t in doc[m.end:cue_tok]):
                continue  # "The police department will be barred from ...": the target
                # (but "Amazon confirmed it would be extended": Amazon speaks of its own)
            if _low(doc, m.end) in lx.POSSESSIVE and _low(doc, m.end + 1) in lx.POLICE_USE_NOUNS:
                continue  # "a policy governing the Detroit Police Department's use": whose use
            if _low(doc, m.end) in lx.POSSESSIVE and _low(doc, m.end + 1) in lx.OBJECTION_NOUNS:
                continue  # "Over the police commissioner's objections, councilors voted"
            if m.start > cue_tok and any(t.lower_ in lx.UNTIL_UNLESS
                                         for t in doc[cue_tok:m.start]):
                continue  # "until there is a national law": a condition, not an actor
            p1, p2 = _low(doc, m.start - 1), _low(doc, m.start - 2)
            if m.kind == "body" and p1 in lx.APPOSITIVE_OPENERS and \
                    _low(doc, m.end) in lx.POSSESSIVE and any(
                        o.start < m.start and m.start - 1 - max([o.end - 1, *o.qualifiers]) <= 1
                        for o in usable if o is not m):
                continue  # "King County, Washington—the state's largest county—passed":
                # an appositive that describes the name before it
            if p1 == "in" and p2 in lx.REGULATED_PARTIES and m.kind == "place" and \
                    m.start < cue_tok and any(o.kind in {"body", "agency"} and o.actors and
                                              o.role != "member" for o in usable):
                continue  # "Deputies in Bryony County will need a supervisor's approval,
                # under a policy Sheriff X issued": where the regulated work, not who
                # regulates them (the sheriff does)
            if m.kind == "place" and (p1 in lx.SPREAD_PREPOSITIONS or (
                    p1 in lx.THE_A and p2 in lx.SPREAD_PREPOSITIONS)):
                continue  # "communities across the United States", "throughout the US":
                # where others act, not who acts
            if p1 in lx.ANY_EVERY and p2 in lx.TARGET_PREV:
                p1 = p2  # "from selling to any Illinois state or local agency": a target
            if m.start == cs:  # "..., from | Jackson, the Mississippi capital, which barred
                p1 = p2 = ""  # ...": the word before belongs to the clause before
            if p1 in lx.THE_A and p2:
                p1 = p2
            ref = p1 in lx.REFERENCE_PREV and not (
                _low(doc, m.end) in lx.SPEECH_VERBS or m.end == cue_tok  # "after IBM said"
                or self._plain_verb_at(doc, m.end))  # "after the police department disclosed"
            if not ref and m.start < cue_tok and (p1 in lx.INCLUDE_FORMS or (
                    ref_end is not None and 0 < m.start - ref_end <= 2 and all(
                        t.lower_ in lx.NAME_LIST_FILLERS for t in doc[ref_end:m.start]))):
                # "would join San Francisco and Boston in banning it", "join other cities
                # including Oakland": every name the joiner joins is a precedent
                ref = ref_end is not None or any(
                    t.lower_ in lx.JOIN_FORMS for t in doc[max(cs, m.start - 5):m.start])
            # a precedent after "follows"/"after" -- but not "the ban followed reports that",
            # "after a vendor offered the police ..." or "after the police disclosed a trial"
            chain = any(t.lower_ in lx.CHAIN_AFTER and not (
                t.lower_.startswith("follow") and _low(doc, t.i - 1) in lx.BAN_NOUNS)
                and not any(w.lower_.endswith("ed") for w in doc[t.i + 1:m.start])
                for t in doc[cue_tok:m.start]) and not self._plain_verb_at(doc, m.end) and \
                _low(doc, m.end) not in lx.SPEECH_VERBS  # "after the police chief said ..."
            if m.kind in {"body", "agency"} and m.role == "police" and m.start < cue_tok and \
                    cue_tok - m.end <= 3 and _low(doc, m.end) not in lx.POSSESSIVE and \
                    doc[cue_tok].lower_ in lx.BAN_NOUNS | lx.LIMIT_NOUNS:
                continue  # "Board shelves sheriff face-scan limits": whose use is limited
            by_at = m.start - 2 if _low(doc, m.start - 1) in lx.THE_A else m.start - 1
            if p1 == "by" and m.start > cue_tok and any(
                    t.end == by_at or (t.end == by_at - 1 and _low(doc, t.end) in lx.TECH_USED_BY)
                    for t in doc.spans.get(TOPIC_KEY, [])) or (
                    p1 == "by" and _low(doc, m.start - 2) in lx.USE_SEARCH_NOUNS
                    and m.start > cue_tok and not passive):
                continue  # "a moratorium on facial recognition by the Sheriff's Office": whose
                # use is paused, not who paused it
            owns_cue = _low(doc, m.end) in lx.POSSESSIVE and 0 < cue_tok - m.end <= 4
            # ("build on the company's 2020 pledge not to sell ...": whose pledge)
            follower = p1 in lx.FOLLOWER_PREV and m.start > cue_tok and any(
                k.label_ == "chain" and m.end <= k.start <= m.end + 1
                for k in doc.spans.get(CUE_KEY, []))
            # "Boston banned it in June, Springfield followed in February", "..., with
            # Oakland following soon after": the follower acts in turn
            if p1 in lx.TARGET_PREV and not ref and not owns_cue and not follower and not (
                    p1 in lx.INCLUDE_FORMS and m.kind == "place") and not (
                    p1 == "with" and p2 in lx.ALONG_TOGETHER):  # "along with Northampton"
                target_end = m.end
                continue
            if target_end is not None and 0 <= m.start - target_end <= 4 and all(
                    t.lower_ in lx.NAME_LIST_FILLERS or t.is_title
                    for t in doc[target_end:m.start]):
                target_end = m.end
                continue  # "a request to the Registry, the State Police or the FBI": all targets
            if m.start < cue_tok and p1 in lx.WITHIN_PREPOSITIONS and any(
                    o.start < m.start for o in before_cue):
                continue  # "Axon, the largest maker ... in the United States, said"
            if listed and m.kind == "place" and m.start < cue_tok and \
                    _low(doc, m.end) in lx.PLURAL_SETTLEMENTS:
                continue  # "Other Massachusetts cities that have banned it include ...":
                # where the listed towns are
            if listed and m.kind == "place" and m.start > cue_tok and (
                    p1 in lx.INCLUDE_FORMS or (list_end is not None and all(
                        t.lower_ in lx.NAME_LIST_FILLERS or t.is_title  # a name we lack
                        for t in doc[list_end:m.start]))):
                list_end = m.end  # "Cities that have banned it include Oakland, San
                chosen.append((m, True))  # Francisco and Berkeley": each acted, at a time
                continue  # of its own, as precedents do
            if m.start > cue_tok and m.kind in {"place", "body"} and \
                    self._as_do_follower(doc, cue_tok, m, usable):
                chosen.append((m, True))  # "..., as do the states of New Jersey and
                continue  # Massachusetts", "as has the city of Philadelphia"
            if m.start > cue_tok and not ref:
                if chain and m.kind in {"place", "body"}:
                    # "joining its neighbor Somerville": a precedent, whose date is not the
                    # main act's (but "failed at Tuesday's council meeting after ...")
                    ref = m.kind == "place" and any(
                        t.lower_.startswith(lx.FOLLOW_STEMS) for t in doc[cue_tok:m.start])
                elif follower:
                    pass
                elif p1 == "of" and m.kind == "place" and any(q < m.start for q in m.qualifiers):
                    pass  # "introduced in the Delaware and Maryland halves of Veltry"
                elif p1 in lx.COMMA_AND and m.kind == "place" and self._gapped(doc, m):
                    pass  # "Boston acted in June 2020, Portland, Oregon, in September, and ..."
                elif self._relative_subject(doc, m, cue_tok) and self._status_after(doc, m):
                    pass  # "the ban that Austin approved", "that the Jackson City Council passed"
                elif p1 in lx.AFTER_CUE_OK:
                    if m.kind != "place" and p1 != "by":
                        continue  # "in council chambers", "banned use of Clearview AI"
                    if before_cue and (p1 != "by" or not passive):
                        continue  # "X agreed to suspend its use by the sheriff": a user
                else:
                    continue
            chosen.append((m, ref))
            ref_end = m.end if ref and m.start < cue_tok else None
        actors: list[Actor] = []
        refs: set[int] = set()
        positions: dict[Actor, int] = {}
        flat = [(a, ref, m) for m, ref in chosen for a in m.actors]
        for a, ref, m in flat:
            if a.actor_type == "jurisdiction" and m.kind in {"place", "body"} and any(
                    b is not a and _inside(b, a) for b, _, _ in flat):
                continue  # "Somerville, in Massachusetts": the state yields to the city
            if a in actors:
                continue
            if ref:
                refs.add(len(actors))
            positions[a] = m.start
            actors.append(a)
        return actors, refs, positions

    @staticmethod
    def _as_do_follower(doc: Doc, cue_tok: int, m: Mention, usable: list[Mention]) -> bool:
        """"Philadelphia requires shops to take cash, as do the states of New Jersey and
        Massachusetts": the names after ", as do" did the same (at times of their own)."""
        opener = next((j for j in range(m.start - 1, cue_tok, -1) if doc[j].lower_ == "as"
                       and _low(doc, j + 1) in lx.AS_DO_AUX and _low(doc, j - 1) == ","), None)
        if opener is None:
            return False
        names = {i for o in usable for i in range(o.start, o.end) if o.start > opener}
        return all(t.i in names or t.lower_ in lx.NAME_LIST_FILLERS | lx.AS_DO_FILLERS
                   for t in doc[opener + 2:m.start])

    @staticmethod
    def _agent_after(doc: Doc, usable: list[Mention], cue_tok: int, ce: int) -> Mention | None:
        """"Schools across New York may no longer buy it under a determination issued on
        Wednesday by Education Commissioner Betty Rosa": the issuer acts, not the place
        the schools are in."""
        enacting = {c.start for c in doc.spans.get(CUE_KEY, [])
                    if c.label_ == "status:enacted" and cue_tok < c.start < ce}
        for m in usable:
            if m.start <= cue_tok or m.start >= ce or _low(doc, m.start - 1) != "by" or \
                    m.kind not in {"body", "agency", "company"} or m.role == "member":
                continue
            by = m.start - 1
            if any(0 < by - k <= 4 and doc[k].lower_.endswith("ed")
                   and not any(t.is_punct for t in doc[k:by]) for k in enacting):
                return m
        return None

    @staticmethod
    def _object_relative(doc: Doc, usable: list[Mention], cue_tok: int, ce: int
                         ) -> list[Mention]:
        """The subjects of "<measure> that <X (and Y)> imposed/adopted/passed ...": a
        measure noun followed by an object relative clause naming who made it."""
        if doc[cue_tok].lower_ not in lx.BAN_NOUNS or _low(doc, cue_tok + 1) not in lx.THAT_WHICH:
            return []
        verb = next((t.i for t in doc[cue_tok + 2:min(ce, cue_tok + 12)]
                     if t.lower_ in lx.ENACTING_VERBS), None)
        if verb is None:
            return []
        inside = [m for m in usable if cue_tok + 1 < m.start < verb and
                  m.kind in {"place", "body", "company", "agency"} and m.role != "police"]
        return inside if inside and inside[0].start <= cue_tok + 4 else []

    @staticmethod
    def _antecedents(doc: Doc, usable: list[Mention], end: int) -> list[Mention]:
        """The names a relative clause hangs on: the mention ending at ``end`` (the comma
        before "which") and the ones listed with it ("San Francisco, Oakland and
        Somerville"); a state that qualifies a name ("Portland, Oregon,") belongs to it."""
        def ends_at(m: Mention, j: int) -> bool:
            return m.end == j or (bool(m.qualifiers) and max(m.qualifiers) + 1 == j)

        first = next((m for m in usable if ends_at(m, end)), None)
        if first is None:
            return []
        named = [first]
        while True:
            j = named[-1].start
            while j > 0 and doc[j - 1].lower_ in lx.LIST_SEPARATORS:
                j -= 1
            if j == named[-1].start:
                break
            prev = next((m for m in usable if ends_at(m, j) and m not in named), None)
            if prev is None or prev.kind != first.kind:
                break
            named.append(prev)
        return named[::-1]

    def _gapped(self, doc: Doc, m: Mention) -> bool:
        """The verb is left out after the place: "..., Portland, Oregon, in September of
        that year, and Minneapolis in February 2021" -- the place and a date, nothing else."""
        j = m.end
        while j < len(doc) and j - m.end < 5 and (doc[j].text == "," or j in m.qualifiers
                                                   or self.s.gaz.state_code(doc[j].text)):
            j += 1  # "Portland, Oregon, in September": past the state that qualifies it
        if _low(doc, j) not in lx.IN_ON or j + 1 >= len(doc):
            return False
        nxt = doc[j + 1]
        return nxt.lower_ in d.MONTHS or nxt.like_num or nxt.lower_ in lx.MONTH_PARTS

    @staticmethod
    def _relative_subject(doc: Doc, m: Mention, cue_tok: int) -> bool:
        """The mention opens a relative clause after the cue: "that [the Jackson] City
        Council passed" (the look-back skips the article and the name owning the body)."""
        j = m.start - 1
        while j > cue_tok and m.start - j <= 5 and (
                doc[j].lower_ in lx.NAME_LOOKBACK_WORDS or doc[j].is_title):
            j -= 1
        # a zero relative: "under a moratorium [that] Gov. Phil Scott signed"
        return j >= cue_tok and (doc[j].lower_ in lx.THAT_WHICH or (
            doc[j].lower_ in lx.BAN_NOUNS | lx.MEASURE_NOUNS and m.start - j <= 2))

    @staticmethod
    def _status_after(doc: Doc, m: Mention) -> bool:
        """The mention is the subject of a status verb right after it ("Austin approved")."""
        end = m.end
        while end < len(doc) and end - m.end < 3 and doc[end].is_title and doc[end].is_alpha:
            end += 1  # "Gov. Phil Scott signed": the officer's name
        return any(c.label_.startswith("status:") and m.end <= c.start <= max(end, m.end + 1)
                   for c in doc.spans.get(CUE_KEY, []))

    # ---------------------------------------------------------------- other fields
    def _scope(self, clause_text: str, sent_text: str) -> str | None:
        for text in (clause_text, sent_text):
            for name, rx in self.s.scopes:
                if rx.search(text):
                    return name
        return None
