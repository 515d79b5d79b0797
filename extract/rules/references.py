"""Acts told without naming their actor, and the older measures acts change.

"The ban takes effect in May", "It also bars ...", "the two town councils" and "lift the
ban it passed in 2020" all lean on what the article said before; these rules look back
through the article's memory to find whose act it is and when it was.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .. import lexicon as lx
from ..components import CUE_KEY
from .state import (
    Actor,
    ArticleState,
    Candidate,
    Clause,
    ClauseRead,
    Pending,
    _low,
    _place_actor,
    told_now,
)


class ReferenceRules:
    """Clauses without a named actor that refer back to an act already told, the
    background measures an act changes, and enactments reported without their content.

    A part of ``SentenceRules``: its methods need ``self.s``, the ``ArticleState``.
    """

    s: ArticleState  # set by SentenceRules.__init__

    # ---------------------------------------------------------------- referring back
    def _refer(self, r: ClauseRead) -> list[Candidate]:
        """A clause with an action but no named actor: "The law bars ...", "It also
        limits ...", "The pause was first adopted in March 2021".  The act it tells is one
        read before (dated or relabelled), a provision of it, an older measure, or the act
        of an enactment, body or place named before."""
        doc, cs, cue_tok, idx = r.doc, r.cs, r.cue_tok, r.at.idx
        if _low(doc, cue_tok - 1) in lx.THE_ITS_THEIR and _low(doc, cue_tok - 2) == "with":
            return []  # "with its pause close to running out, Amazon ...": circumstance
        pair = self._pair_told(doc, cs, cue_tok, r.action, idx)
        if pair:
            # "The Kansas and Nebraska towns of Pelsworth have both banned it. Earlier this
            # month the two town councils each adopted ordinances ...": those two acts again
            for cand in pair:
                self._update(cand, r.action, r.c, r.at.sent, r.clause_dates, idx, r.status)
            return []
        ana_noun = self._anaphoric_subject(doc, cs, cue_tok)
        if ana_noun is None and cue_tok - 2 > cs and _low(doc, cue_tok - 2) in lx.ANAPHOR_DETS \
                and _low(doc, cue_tok - 1) in lx.ANAPHOR_NOUNS:
            ana_noun = _low(doc, cue_tok - 1)  # "Among the practices the law forbids are ..."
        if ana_noun is None and self._under_law(doc, cs, cue_tok):
            # "Under the new rules, AI applications that threaten rights are banned": the
            # measure just reported
            ana_noun = next(t.lower_ for t in doc[cs + 1:cs + 6] if t.lower_ in lx.MEASURE_NOUNS)
        pronoun = bool({t.lower_ for t in doc[cs:cue_tok]} & lx.PRONOUN_SUBJECTS) or \
            any(t.lower_ in lx.ITS_THEIR for t in doc[cue_tok - 1:cue_tok + 1]) or \
            self._measure_pronoun(doc, cs, cue_tok)
        if ana_noun is None and not pronoun and not self._noun_anaphor(doc, cue_tok):
            return self._unreferred_act(r)
        if ana_noun in lx.BAN_NOUNS and ana_noun in lx.PAUSE_MORATORIUM and r.action == "ban":
            r.action = "moratorium"
        last = self._last_told(r)
        done = self._measure_again(r, ana_noun, last)
        if done is not None:
            return done
        pend = self.s.pending if self.s.pending and idx - self.s.pending.sentence <= 3 \
            else None
        if r.prev is not None:
            last = r.prev
        if last is None or (pend is not None and (last.sentence < pend.sentence or
                                                  last.provisional)):
            return self._act_named_before(r, ana_noun, pend)
        return self._same_or_further(r, last, ana_noun, pronoun, pend)

    def _unreferred_act(self, r: ClauseRead) -> list[Candidate]:
        """No anaphor: a provision of the act just reported, or the same body's earlier
        failed try; else nothing."""
        doc, cs, ce, idx = r.doc, r.cs, r.ce, r.at.idx
        s = self.s
        last = s.candidates[-1] if s.candidates else None
        if last is None:
            return []
        company = last.actor.actor_type == "company"
        if r.action == "restriction" and r.at.has_topic and \
                last.action in ({"ban", "moratorium", "exit"} if company else
                                {"ban", "moratorium"}) and last.status == "enacted" and \
                0 < idx - last.sentence <= 2 and not self._has_status(r.c.cues) and \
                {t.lower_ for t in doc[cs:ce]} & (lx.CUSTOMER_NOUNS if company else
                                                  lx.REGULATED_PARTIES):
            # "The law outlaws ... Police may use real-time face identification only in
            # narrow cases and need prior approval from a judge": what the act just
            # reported allows, under limits -- a provision of its own (and "Microsoft
            # will retire ... New customers will now have to apply for access": the
            # company's own access rule)
            return self._emit_for(r, [last.actor], status="enacted",
                                  default_date=(last.date, last.date_text, last.date_explicit))
        if r.status == "failed" and 0 < idx - last.sentence <= 3 and not company and \
                {t.lower_ for t in doc[cs:r.cue_tok]} & lx.ATTEMPT_NOUNS:
            # "... voted to lift the ban. A first attempt to undo the ban collapsed on a
            # 1-2 vote in 2022": the same body's earlier, failed try
            return self._emit_for(r, [last.actor])
        return []

    def _measure_again(self, r: ClauseRead, ana_noun: str | None, last: Candidate | None
                       ) -> list[Candidate] | None:
        """A measure read before, named again: a pause made permanent, a moratorium
        already found (dated now), or the original measure an extension prolongs."""
        doc, cs, ce, cue_tok, idx = r.doc, r.cs, r.ce, r.cue_tok, r.at.idx
        s = self.s
        permanent = any(t.lower_ == "permanent" for t in doc[cue_tok + 1:min(ce, cue_tok + 4)])
        noun_anaphor = self._noun_anaphor(doc, cue_tok)
        if permanent and noun_anaphor and s.candidates and \
                s.candidates[-1].action in {"moratorium", "extension"} and \
                idx - s.candidates[-1].sentence <= 3:
            # "the board voted 4-1 to make the prohibition permanent": the pause becomes a
            # ban, a decision of its own
            return self._emit_for(r, [s.candidates[-1].actor], action="ban")
        if ana_noun is None and noun_anaphor:
            # "When it first announced the moratorium": the moratorium already found
            fam = lx.ACTION_FAMILY.get(r.action)
            for cand in reversed(s.candidates):
                if idx - cand.sentence > 8:
                    break
                if lx.ACTION_FAMILY.get(cand.action) == fam and \
                        cand.action not in {"extension", "repeal"}:
                    self._update(cand, r.action, r.c, r.at.sent, r.clause_dates, idx, r.status)
                    return []
        if (ana_noun in lx.BAN_NOUNS | lx.ORDINANCE_LAW_MEASURE or noun_anaphor) and \
                last is not None and last.action in {"extension", "repeal"} and (
                    any(t.lower_ in lx.ORIGINAL_WORDS for t in doc[cs:cue_tok + 1])
                    or self._older_year(doc, cs, cue_tok, last)
                    or self._dated_earlier(r.clause_dates, idx, last, doc)):
            # ("Trustees first approved the pause last fall", after its extension)
            # "The original two-year moratorium was adopted in the summer of 2021": the
            # measure the extension prolongs, an event of its own
            kind = "moratorium" if ana_noun in lx.MORATORIUM_NOUNS or r.action == "moratorium" \
                else "ban"
            return self._emit_for(r, [last.actor], action=kind, status="enacted")
        return None

    def _last_told(self, r: ClauseRead) -> Candidate | None:
        """The act told last, up to four sentences back, not a precedent; the extension
        rather than the pause told beside it ("X's moratorium, adopted last year, will now
        run through 2026. The council extended it earlier this year")."""
        s = self.s
        idx = r.at.idx
        # (not a precedent the act was compared with: "... will join San Francisco and Boston
        # in banning it. It would establish ...")
        told = next((k for k in reversed(s.candidates) if not k.reference),
                    s.candidates[-1] if s.candidates else None)
        last = told if told is not None and idx - told.sentence <= 4 else None
        if last is not None and last.background:
            last = next((k for k in reversed(s.candidates) if k.sentence == last.sentence and
                         not k.background and k.action == r.action), last)
        return last

    def _act_named_before(self, r: ClauseRead, ana_noun: str | None, pend: Pending | None
                          ) -> list[Candidate]:
        """No act told just before: the enactment reported without its content, the body
        the sentence before named, or the dated measure of the place the story is about."""
        doc, cs, cue_tok, idx = r.doc, r.cs, r.cue_tok, r.at.idx
        s = self.s
        if pend is not None:
            st = r.status if self._has_status(r.c.cues) else pend.status
            return self._emit_for(r, pend.actors, status=st,
                                  default_date=(pend.date, pend.date_text, False))
        if s.last_body is not None and 0 < idx - s.last_body[1] <= 2 and \
                {t.lower_ for t in doc[cs:cue_tok]} & lx.IT_THEY and \
                self._has_status(r.c.cues):
            # "Supervisors worked through a dozen items. They ..., voted 12-9 against a
            # two-year moratorium ...": the body the sentence before named
            return self._emit_for(r, [s.last_body[0]])
        place = s.salient.get("last_place")
        if place is not None and ana_noun in lx.MEASURE_NOUNS | lx.BAN_NOUNS and \
                r.status == "enacted" and doc[cue_tok].lower_.endswith("ed") and any(
                    t.text.isdigit() and len(t.text) == 4 for t in doc[cs:cue_tok]):
            # "RICHMOND — ... Virginia's police ... The 2021 law barred local police
            # from using it": the dated measure of the place the story is about
            return self._emit_for(r, [place])
        return []

    def _same_or_further(self, r: ClauseRead, last: Candidate, ana_noun: str | None,
                         pronoun: bool, pend: Pending | None) -> list[Candidate]:
        """"The restriction on businesses ..." names the act just told again (the same
        event, dated or relabelled); "It also limits ..." adds a provision (a new event,
        unless the action is the same)."""
        doc, cs, cue_tok, idx = r.doc, r.cs, r.cue_tok, r.at.idx
        action, status = r.action, r.status
        family = lx.ACTION_FAMILY.get(action) == lx.ACTION_FAMILY.get(last.action) or (
            ana_noun in lx.LIMITING_MEASURE_NOUNS
            and last.action in {"ban", "moratorium", "restriction"})  # "The limits on ..."
        if ana_noun is None and not pronoun:  # "who sponsored the ban": that ban again
            if family:
                self._update(last, action, r.c, r.at.sent, r.clause_dates, idx, status)
            return []
        also = any(t.lower_ in lx.ALSO_WORDS for t in doc[cs:cue_tok])
        same = family and not also and (ana_noun is not None or status == last.status) and \
            not (last.status == "failed" and status == "enacted" and
                 self._has_status(r.c.cues) is False and action != last.action) and \
            not (ana_noun is None and action == "restriction" and r.at.has_topic and
                 last.action in {"ban", "moratorium"} and last.sentence < idx)
        # ("The law forbids scraping ... Police use ... is not banned, but it is confined to
        # a short list": limits beside a ban are a provision of their own)
        if same and any(t.lower_ in lx.REPLACE_VERBS for t in doc[cs:cue_tok]):
            # "The order ends an interim period that began in late 2020, when a state law
            # paused it": the pause is an older measure than the order, not what the order
            # is -- but an event of its own when the clause dates it and says whose law it was
            older = self._state_law_before(doc, cs, cue_tok, last)
            if older is not None and r.clause_dates:
                return self._emit_for(r, [older], status="enacted")
            return []
        if same:
            self._update(last, action, r.c, r.at.sent, r.clause_dates, idx, status)
            return []
        if action == "exit" and last.actor.actor_type != "company":
            return []  # "it has said the cameras its officers wear will not include one":
            # what a department has, not a government's act
        # "It also limits ...": a further provision of the same act, on the same date
        default = (last.date, last.date_text, last.date_explicit) \
            if pronoun and ana_noun is None and not told_now(doc, cs, cue_tok) else None
        if default is None and pend is not None and ana_noun in lx.MEASURE_NOUNS and \
                last.actor in pend.actors and pend.date is not None:
            # "The final law instead ... requires a court order": the law signed on the day
            # the story began with
            default = (pend.date, pend.date_text, False)
        return self._emit_for(r, [last.actor], prev=r.prev, default_date=default)

    def _dated_earlier(self, clause_dates, idx: int, last: Candidate, doc: Doc) -> bool:
        """"The pause, which the council debated through the autumn of 2021 and adopted the
        following spring" after this June's extension: the clause dates an older act."""
        if last.date is None:
            return False
        for m, k in clause_dates:
            pdate, _, _ = self._resolve_date(m, idx, "enacted", k, doc, False)
            if pdate is not None and pdate.year < last.date.year:
                return True
        return False

    def _state_law_before(self, doc: Doc, cs: int, cue_tok: int, last: Candidate
                          ) -> Actor | None:
        """"when a state law paused biometric surveillance": the state of the act just found."""
        words = [t.lower_ for t in doc[cs:cue_tok]]
        if not any(w == "state" and nxt in lx.STATE_LAW_NOUNS
                   for w, nxt in zip(words, words[1:], strict=False)):
            return None
        region = last.actor.region
        state = self.s.gaz.states.get(region) if region else None
        return _place_actor(state) if state is not None else None

    @staticmethod
    def _older_year(doc: Doc, cs: int, cue_tok: int, last: Candidate) -> bool:
        """"The 2021 law barred ..." after this year's repeal: the subject names an
        earlier year than the act just found."""
        if last.date is None:
            return False
        return any(t.like_num and len(t.text) == 4 and t.text.isdigit() and
                   1990 < int(t.text) < last.date.year for t in doc[cs:cue_tok])

    def _months_apart(self, last: Candidate, clause_dates, idx: int, status: str,
                      doc: Doc) -> bool:
        """The clause dates its measure three months or more away from ``last``."""
        if not clause_dates or last.date is None or last.date.precision < 2:
            return False
        m, k = clause_dates[0]
        pdate, _, _ = self._resolve_date(m, idx, status, k, doc, False)
        if pdate is not None and pdate.precision == 1:  # "the company's 2020 pledge"
            return pdate.year != last.date.year
        return pdate is not None and pdate.precision >= 2 and \
            abs((pdate.as_date() - last.date.as_date()).days) >= 90

    def _update(self, last: Candidate, action: str, c: Clause, sent: Span, clause_dates, idx,
                status) -> None:
        """Add what a referring mention says to the event it refers to."""
        if last.in_title and idx > last.sentence:
            last.confirmed = True
        if last.action == "ban" and any(k.label_ == "temporary" for k in self._cues(sent)):
            action = "moratorium"  # "The prohibition applies from ..., and sunsets in 2023"
        if action == "moratorium" and last.action == "ban":
            last.action = "moratorium"
        until = self._until(sent, c, last.date)
        if until and not last.until:
            last.until = until
        # ("... said Thursday's pledge left open ...": that day is the pledge's, not this act's)
        clause_dates = [(m, k) for m, k in clause_dates
                        if not re.match(r"\s*['’]s\b", sent.doc.text[
                            sent.doc[k].idx + (m.end - m.start):][:3])]
        if clause_dates:
            dm = min(clause_dates, key=lambda mk: abs(mk[1] - c.start))
            pdate, dtext, explicit = self._resolve_date(dm[0], idx, status, dm[1], sent.doc, False)
            if pdate and (last.date is None or (pdate.precision > last.date.precision and
                                                pdate.year == last.date.year)):
                last.date, last.date_text, last.date_explicit = pdate, dtext, explicit

    def _temporary(self, sent: Span, idx: int) -> None:
        """"The measure ... lapses after three years": the ban referred to is a moratorium."""
        s = self.s
        if not s.candidates or idx - s.candidates[-1].sentence > 3:
            return
        doc = sent.doc
        if self._anaphoric_subject(doc, sent.start, sent.end - 1) is None:
            return
        if not any(self._temporary_measure(doc, k) for k in doc.spans.get(CUE_KEY, [])
                   if k.label_ == "temporary" and sent.start <= k.start < sent.end):
            return  # "The bill exempts temporary pop-ups": those businesses are temporary
        last = s.candidates[-1]
        clause = Clause(sent.start, sent.end, [], [], True)
        self._update(last, "moratorium", clause, sent, [], idx, last.status)

    @staticmethod
    def _temporary_measure(doc: Doc, k: Span) -> bool:
        """The temporary cue is said of a measure: "a temporary ban", "is temporary",
        "temporarily", "a two-year moratorium"."""
        if len(k) > 1 or doc[k.start].lower_ == "temporarily":
            return True
        return _low(doc, k.end) in lx.MEASURE_NOUNS | lx.BAN_NOUNS or \
            _low(doc, k.start - 1) in lx.BE_FORMS

    def _pending(self, sent, cues, mentions, date_mentions, idx) -> None:
        """Remember "X approved the act on Tuesday" for a following "The law bans ..."."""
        doc = sent.doc
        status_cues = [c for c in cues if c.label_.startswith("status:")]
        cue_tok = status_cues[0].start
        passive = _low(doc, cue_tok - 1) in lx.PASSIVE_BE or \
            cue_tok == sent.start or self._label_field(doc, sent, cue_tok)
        # ("Status: Approved by the Governor 10/08/2019" under "Bill tracker: AB 1215";
        # "Signed by Gov. Jay Inslee." under a topical headline)
        recent = self.s.candidates[-1] if self.s.candidates else None
        if not any(t.lower_ in lx.MEASURE_NOUNS
                   for t in doc[sent.start if passive else cue_tok:sent.end]) and not (
                passive and (self.s.topical_title or self.s.measure_title)) and not any(
                t.lower_ in lx.MEASURE_NOUNS and (_low(doc, t.i + 1) in lx.THAT_WHICH
                                                 or t.i == cue_tok - 1)
                for t in doc[sent.start:cue_tok]):  # "The policing bill that Baker signed",
            # "the Artificial Intelligence Act cleared its last hurdle"
            return  # "The mayor voted with the council": nothing to refer back to later
        actors = self._actors(doc, mentions, cue_tok, sent.start, sent.end).actors
        status = self._status(doc, cues, cue_tok, sent.start, sent.end, "ban", False)
        if status is None:
            return
        if status == "enacted" and self._parliament_stage(doc, sent.start, sent.end, actors):
            status = "proposed"  # "Members of the European Parliament adopt the AI Act"
        usable = [(m, k) for m, k in date_mentions if m.role not in {"until", "effect"}]
        pdate, dtext = None, None
        if usable:
            m, k = min(usable, key=lambda mk: abs(mk[1] - cue_tok))
            if not (status == "proposed" and self._scheduled(doc, (m, k))):
                # "The council is expected to take it up on Oct. 17": no proposal's date
                pdate, dtext, _ = self._resolve_date(m, idx, status, k, doc, False)
        old = self.s.pending
        if not actors:
            if old is not None and old.date is None and old.status == status and \
                    idx - old.sentence <= 2:
                # "EU member states give final approval to AI rulebook" over "the Act
                # cleared its last hurdle on Tuesday when ministers approved it": its day
                old.date, old.date_text = pdate, dtext
            return
        self.s.pending = Pending(actors, status, pdate, dtext, idx)
        self.s.pending_log.append(self.s.pending)
        if recent is not None and pdate is not None and \
                recent.actor in actors and recent.status == status and \
                idx - recent.sentence <= 2 and not recent.in_title and (
                    recent.date is None or (
                        pdate.precision > recent.date.precision and
                        pdate.year == recent.date.year and
                        (recent.date.month is None or pdate.month == recent.date.month))):
            # "... are considering an ordinance ... Commissioner Brody introduced the draft
            # at the April 12 work session": the date of the proposal just reported (and "San
            # Francisco last week became the first city to ban it. Supervisors voted 8-1 on
            # Tuesday for the ordinance": the day of the week just given)
            recent.date, recent.date_text = pdate, dtext

    @staticmethod
    def _label_field(doc: Doc, sent: Span, i: int) -> bool:
        """Token ``i`` opens the value of a record's field ("Status: Approved ...")."""
        return i - 2 == sent.start and doc[i - 1].text == ":" and doc[sent.start].is_title

    def settle_provisional(self) -> None:
        """Drop a named measure's act once later sentences told what the measure does
        ("The law outlaws ...", "Police may still use it, but only ..."): those acts, of
        the same actor and status, stand for it."""
        told = [c for c in self.s.candidates if not c.provisional]
        self.s.candidates = [c for c in self.s.candidates if not c.provisional or not any(
            t.sentence > c.sentence and t.actor == c.actor and t.status == c.status
            for t in told)]

    def date_title_events(self) -> None:
        """"Maine puts tight limits on face scans" over "Maine enacted one of the
        strictest laws last week: ...": the headline's event is the act the body reports
        without an action word, so it takes that act's date."""
        for cand in self.s.candidates:
            if not cand.in_title or cand.date is not None:
                continue
            for pend in self.s.pending_log:
                if pend.date is not None and pend.status == cand.status and \
                        cand.actor in pend.actors:
                    cand.date, cand.date_text = pend.date, pend.date_text
                    break

    def _anaphoric_subject(self, doc: Doc, cs: int, cue_tok: int) -> str | None:
        """"The law", "The one-year pause", "Its ordinance": the noun referred back with."""
        toks = doc[cs:min(cue_tok + 1, cs + 6)]
        if not toks or toks[0].lower_ not in lx.ANAPHOR_DETS:
            return None
        for t in toks[1:]:
            if t.lower_ in lx.ANAPHOR_NOUNS:
                return t.lower_
        return None

    @staticmethod
    def _noun_anaphor(doc: Doc, cue_tok: int) -> bool:
        """"the ban", "its moratorium": the action cue itself is a referring noun."""
        return _low(doc, cue_tok) in lx.BAN_NOUNS and \
            _low(doc, cue_tok - 1) in lx.ANAPHOR_DETS | lx.POSSESSIVE

    def _refers(self, doc: Doc, cs: int, cue_tok: int) -> bool:
        """The clause's subject is "The ordinance", "it", "the ban"..."""
        return self._anaphoric_subject(doc, cs, cue_tok) is not None or \
            bool({t.lower_ for t in doc[cs:cue_tok]} & lx.PRONOUN_SUBJECTS) or \
            self._noun_anaphor(doc, cue_tok)

    def _rule_of_last_act(self, doc: Doc, cs: int, idx: int) -> bool:
        """"The law outlaws ... Police ... need prior approval from a judge": right after an
        enacted act, what the regulated must do is its rule, not a speaker's demand."""
        last = self.s.candidates[-1] if self.s.candidates else None
        return last is not None and last.status == "enacted" and \
            0 < idx - last.sentence <= 2 and doc[cs].lower_ in lx.REGULATED_PARTIES

    def _pair_told(self, doc: Doc, cs: int, cue_tok: int, action: str, idx: int
                   ) -> list[Candidate]:
        """The acts of several bodies told together just before, when the clause's subject
        is "the two town councils" or "both boards"."""
        words = {t.lower_ for t in doc[cs:cue_tok]}
        if not words & lx.SEVERAL_WORDS or not words & lx.PLURAL_BODY_NOUNS:
            return []
        fam = lx.ACTION_FAMILY.get(action)
        recent = [k for k in self.s.candidates if 0 < idx - k.sentence <= 3 and
                  lx.ACTION_FAMILY.get(k.action) == fam and not k.background]
        last = max((k.sentence for k in recent), default=None)
        same = [k for k in recent if k.sentence == last]
        return same if len(same) >= 2 else []

    def _described_town(self, doc: Doc, c: Clause, cue_tok: int) -> Actor | None:
        """The town the story is about, as the subject "the Washington city" or "the Maine
        town" names it again: the salient city or town of that state."""
        for m in c.mentions:
            if m.kind != "place" or m.start >= cue_tok or len(m.actors) != 1 or \
                    m.actors[0].level != "state" or _low(doc, m.start - 1) != "the" or \
                    _low(doc, m.end) not in lx.PLACE_TYPE_NOUNS:
                continue
            region = m.actors[0].region
            for key in ("city", "last_place"):
                town = self.s.salient.get(key)
                if town is not None and town.level == "city" and town.region == region:
                    return town
        return None

    @staticmethod
    def _measure_pronoun(doc: Doc, cs: int, cue_tok: int) -> bool:
        """"(passed two ordinances.) One keeps bureaus from ...; the other bars ...":
        the clause opens with a pronoun standing for one of the measures just passed."""
        j = cs + 1 if _low(doc, cs) in lx.SUBJECT_SKIP_WORDS else cs
        if _low(doc, j) == "the":
            j += 1
        return _low(doc, j) in lx.ONE_OF_SEVERAL and cue_tok - j <= 2

    # ---------------------------------------------------------------- background events
    @staticmethod
    def _possessed_measure(doc: Doc, cs: int, ce: int, nouns: set[str]) -> str | None:
        """The measure a clause prolongs or lifts, named as someone's: "its freeze", "the
        town's existing moratorium", "the county's own prohibition"."""
        for t in doc[cs:ce]:
            if t.lower_ not in nouns:
                continue
            prev = _low(doc, t.i - 1)
            if prev in lx.EXISTING_OWN:
                prev = _low(doc, t.i - 2)
            if prev in lx.POSSESSORS:
                return t.lower_
        return None

    def _background(self, doc: Doc, c: Clause, action: str, cue_tok: int, clause_dates
                    ) -> tuple[str, list] | None:
        """"rolling back ... a ban the council adopted in December 2020": the original ban
        is an event of its own, dated by the relative clause after its noun."""
        if action not in {"repeal", "extension"}:
            return None
        # ("carving an exception into the surveillance ordinance it passed in December
        # 2020": what a repeal cuts into is the ban)
        nouns_of = lx.BAN_NOUNS | (lx.ORDINANCE_LAW if action == "repeal" else set())
        nouns = [doc[i:i + 1] for i in range(cue_tok + 1, c.end) if doc[i].lower_ in nouns_of
                 and not any(k.start <= i < k.end and k.label_.startswith("action:")
                             for k in c.cues)]  # "the one-year suspension": a duration cue's
        for k in [*c.cues, *nouns]:
            if k.label_ not in {"action:ban", "action:moratorium", ""} or k.start == cue_tok:
                continue
            word = doc[k.start].lower_
            if k.start < cue_tok and word not in nouns_of:
                continue
            if word in nouns_of:
                noun_start, noun_end = k.start, k.end
                kind = "moratorium" if word in lx.MORATORIUM_NOUNS else "ban"
            else:
                # "reversing part of a 2020 ordinance that had banned it"
                # (and "reinstating a tool that the council had outlawed in December 2020")
                j = k.start - 1
                while j > cue_tok and doc[j].lower_ in lx.PERFECT_SKIP_WORDS:
                    j -= 1
                if doc[j].lower_ not in lx.THAT_WHICH and \
                        _low(doc, j - 2) in lx.THAT_WHICH and \
                        doc[j].lower_ in lx.BARE_BODY_NOUNS | lx.RELATIVE_SUBJECT_WORDS:
                    j -= 2 if _low(doc, j - 1) == "the" else 1  # its subject, "the council"
                if doc[j].lower_ not in lx.THAT_WHICH or \
                        _low(doc, j - 1) not in lx.MEASURE_NOUNS | lx.TOOL_NOUNS:
                    continue
                noun_start, noun_end = j - 1, k.end
                kind = "moratorium" if k.label_ == "action:moratorium" else "ban"
            for m, dk in clause_dates:
                if m.role == "effect" or (not m.explicit_year and _low(
                        doc, noun_start - 1) not in lx.POSSESSIVE):
                    continue  # "its 2019 ban", and "last year's prohibition"
                if noun_start - 3 <= dk < noun_start and not any(
                        t.is_punct for t in doc[dk:noun_start]):
                    return kind, [(m, dk)]  # "its 2019 ban", "a 2020 ordinance"
            for m, dk in clause_dates:
                if dk <= noun_start or m.role == "effect" or (noun_start < cue_tok <= dk):
                    continue  # "The prohibition ... was reversed on Monday": the repeal's date
                between = {t.lower_ for t in doc[noun_end:dk]}
                if between & lx.IS_WAS and \
                        not between & lx.RELATIVE_BREAKERS:
                    continue  # "A partial rollback of X's ban was approved Tuesday": the
                    # sentence's own verb dates the rollback, not the ban
                if (between & lx.SPEECH_VERBS) - lx.BACKGROUND_VERBS:
                    continue  # "..., the mayor said on Monday": the statement's date
                if between & lx.BACKGROUND_VERBS or (
                        word not in nouns_of and dk - noun_end <= 2 and not between - lx.IN_ON):
                    return kind, [(m, dk)]  # (the relative clause's own verb: "a tool that
                    # the council had outlawed in December 2020")
            if {_low(doc, noun_start - 1), _low(doc, noun_start - 2)} & lx.EXISTING_CURRENT:
                return kind, []  # "would extend the city's existing moratorium": undated
            # no date for this noun: a later one may carry it ("extended its moratorium ...,
            # weeks before the one-year pause it announced last June was set to expire")
        return None
