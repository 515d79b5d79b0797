"""When an event happened, and until when its measure holds.

A clause may name several dates, none, or only an interval from another act ("two
months later"); choosing and resolving the event's own date is a concern of its own,
on top of the date parsing in ``extract.dates``.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from .. import dates as d
from .. import lexicon as lx
from ..components import CUE_KEY
from .state import (
    Actor,
    ArticleState,
    Candidate,
    Clause,
    Dating,
    Mention,
    _low,
    _measured_back,
    added_in_perfect,
    other_places,
    participle,
    tells_standing,
    told_earlier,
    told_now,
)

#: how many days before the page's date the dated record of the lead's act may be: the
#: story's own week and a little more
RECORD_DAYS_BEFORE = 10

#: a date that dates a photograph ("In this Oct. 17, 2019 file photo, ...")
CAPTION_DATE = re.compile(r"\s*(?:file\s+)?(?:photo|photograph)\b", re.I)


def _dates_a_photo(text: str, found: list[d.DateMention], i: int) -> bool:
    """"In this Thursday, Oct. 17, 2019 photo, ...": the picture's day, never an act's."""
    m = found[i]
    if CAPTION_DATE.match(text, m.end):
        return True
    return i + 1 < len(found) and re.fullmatch(r",?\s*", text[m.end:found[i + 1].start]) \
        is not None and _dates_a_photo(text, found, i + 1)


def _hearing_day(doc: Doc, k: int) -> bool:
    """"a bill lawmakers considered in a committee hearing Tuesday": the date of the
    meeting a proposal was talked over in, not of its filing."""
    return _low(doc, k - 1) in lx.HEARING_WORDS or (
        _low(doc, k - 1) in {"on", "at"} and _low(doc, k - 2) in lx.HEARING_WORDS)


def _counted_back_to(prev: Candidate, g: Dating) -> bool:
    """The sentence's earlier act is dated by an interval counted back from this clause's
    ("A year after Virginia barred it, the state is reversing course"): its date is a
    year before this one, not this one's."""
    return (prev.date_text or "").lower().endswith((" after", " before")) and any(
        m.kind == "after_event" and k < g.c.start for m, k in g.date_mentions)


def _a_record(doc: Doc, t: Token) -> bool:
    """A written or voted record of an act: "a letter", "a Friday directive", or a measure
    told as passed ("Under the bill approved Thursday", "the ordinance, passed Monday")."""
    if t.lower_ in lx.RECORD_NOUNS:
        return True
    after = t.i + 1 + (_low(doc, t.i + 1) in {",", "was", "were"})
    return t.lower_ in lx.MEASURE_NOUNS and _low(doc, after) in lx.ENACTED_VERBS


def _story_dates(text: str) -> list[d.DateMention]:
    """The date mentions of ``text`` but those that date a photo."""
    found = d.find_dates(text)
    return [m for i, m in enumerate(found) if not _dates_a_photo(text, found, i)]


class DateRules:
    """Choosing an event's date among those its clause and sentence name, resolving it
    against the article's anchors, and reading the until of a temporary measure.

    A part of ``SentenceRules``: its methods need ``self.s``, the ``ArticleState``.
    """

    s: ArticleState  # set by SentenceRules.__init__

    def _first_day(self, dated, idx: int, doc: Doc
                   ) -> tuple[d.PartialDate | None, str | None, bool] | None:
        """The first of ``dated`` resolved as an enactment's date, or None."""
        if not dated:
            return None
        m, k = dated[0]
        return self._resolve_date(m, idx, "enacted", k, doc, False)

    def _restated_dates(self, sent: Span, mentions: list[Mention], date_mentions,
                        idx: int) -> list[tuple[int, int]]:
        """"IBM's letter came on June 8; Amazon's announcement followed two days later":
        acts already found, dated more exactly.  Each "<actor>'s <act noun> came/followed
        <date>" sharpens that actor's latest event when the dates agree; returns the token
        ranges read, whose cues are then no new events."""
        s = self.s
        doc = sent.doc
        spans: list[tuple[int, int]] = []
        anchor: d.PartialDate | None = None
        for m in mentions:
            if m.kind not in {"company", "place", "body"} or not m.actors or \
                    _low(doc, m.end) not in lx.POSSESSIVE or \
                    _low(doc, m.end + 1) not in lx.ACT_NOUNS:
                continue
            verb = m.end + 2
            if _low(doc, verb) not in lx.CAME_VERBS:
                continue
            found = next(((dm, k) for dm, k in date_mentions if verb < k <= verb + 2
                          and not dm.role), None)
            if found is None:
                continue
            dm, k = found
            last = [c for c in s.candidates if c.actor == m.actors[0] and not c.background]
            if not last:
                continue
            cand = last[-1]
            base_anchor = anchor or next((c.date for c in reversed(s.candidates)
                                          if c.date and not c.background), None)
            new = d.resolve(dm, s.when, anchor=base_anchor,
                            year_hint=cand.date or self._year_hint(idx))
            old = cand.date
            if new is None or (old is not None and (
                    new.year != old.year or (old.month and new.month != old.month)
                    or new.precision <= old.precision)):
                continue
            cand.date, cand.date_text = new, dm.text
            anchor = new
            s.restated = (idx, new)
            spans.append((m.start, k + 1))
        return spans

    def _dated_record(self, sent: Span, mentions: list[Mention], date_mentions,
                      idx: int) -> None:
        """"IBM says it is getting out of the business. A letter to lawmakers Monday from
        its CEO said ...", "In a Friday directive sent to the entire agency, ...": the
        record of the lead's undated act, dated a sentence or two later, dates it."""
        s = self.s
        lead = [c for c in s.candidates if c.date is None and not c.background and
                not c.reference and not c.in_title and 0 < idx - c.sentence <= 2]
        if not lead or s.base is None:
            return
        actors = {a for m in mentions if m.actors and not m.owned and
                  m.kind in {"company", "place", "body", "agency"} for a in m.actors}
        for t in sent:
            if not _a_record(sent.doc, t):
                continue
            near = [(dm, k) for dm, k in date_mentions if abs(k - t.i) <= 6 and not dm.role
                    and dm.kind in {"weekday", "md", "dm", "mdy", "dmy", "day_word"}]
            if not near:
                continue
            dm, _ = near[0]
            when = d.resolve(dm, s.when)
            if when is None or when.precision < 3 or \
                    not 0 <= (s.base - when.as_date()).days <= RECORD_DAYS_BEFORE:
                continue
            for c in lead:
                if not actors or c.actor in actors:
                    c.date, c.date_text = when, dm.text
            return

    # ------------------------------------------------------------ an event's date
    def _actor_date(self, g: Dating, actor: Actor, ref: bool, made: list[Candidate]
                    ) -> tuple[d.PartialDate | None, str | None, bool]:
        """The date of ``actor``'s act in the clause: a date the clause gives it, or one
        counted back from the act just read, or one borrowed from the page, the sentence
        or an act told before (``_borrowed_date``)."""
        doc, s = g.doc, self.s
        own = self._own_dates(doc, actor, g.ordered, g.usable, g.c.end, g.single_ref)
        # the act the interval counts from: the one just made in this clause, or the one
        # before the cut ("Somerville banned it in June 2019, | a month after San
        # Francisco became the first")
        counted = made[-1] if made else g.prev
        before_ref = self._interval_before(g.date_mentions, g.positions.get(actor)) \
            if ref and counted is not None and counted.date is not None else None
        if not own and before_ref is not None:
            # "Somerville banned it in June 2019, a month after San Francisco became the
            # first": the earlier act is the later one's date less the interval
            return (d.resolve(_measured_back(before_ref), s.when, anchor=counted.date),
                    before_ref.text, False)
        if own:
            dm = own[0]
        elif self._standing_relative(doc, g.positions.get(actor), g.c.end):
            return None, None, False  # "Oregon, which has a similar law in place, ..."
        elif ref:
            dm = None
        else:
            verb = next((k.start for k in g.c.cues if k.label_ == "status:enacted" and
                         k.start > g.cue_tok and doc[k.start].lower_ in lx.STRONG_ENACT),
                        None) if _low(doc, g.cue_tok) in lx.BAN_NOUNS else None
            # ("refused on Thursday to block X's ban, the ordinance the council passed on
            # June 14": the ban dates from when it was passed)
            usable = self._not_others_relative(doc, g, actor)
            if verb is None and g.status == "enacted":
                verb = self._signing(doc, g, usable)
            dm = self._pick_date(usable, verb if verb is not None else g.cue_tok)
        if dm is not None and g.status == "proposed" and self._scheduled(doc, dm):
            # "will vote next week on a proposal": not when it was proposed ("...,
            # which Commissioner Hardesty introduced in June": but this is)
            dm = next(((m, k) for m, k in g.usable if any(
                _low(doc, j) in lx.FILING_VERBS for j in range(max(g.c.start, k - 3), k))),
                None)
        if dm is not None and g.status == "proposed" and (
                self._only_deliberated(g) or _hearing_day(doc, dm[1])):
            return None, None, False  # the day it was talked over, not filed
        if dm is None and not ref and not g.clause_dates and g.default_date is None:
            dm = self._attribution_date(doc, g.date_mentions, g.c.end, g.sent.end)
        if dm is not None:
            invert = self._inverted(doc, dm, g.date_mentions, g.positions.get(actor),
                                    g.c.start)
            return self._resolve_date(dm[0], g.idx, g.status, dm[1], doc, invert)
        return self._borrowed_date(g, actor, ref)

    @staticmethod
    def _signing(doc: Doc, g: Dating, usable: list) -> int | None:
        """"Gov. Cuomo on Dec. 22 signed into law a bill passed this summer that halts
        ...": a signature the clause dates is when the act became law (the passage it
        names is an earlier stage)."""
        for k in g.c.cues:
            if k.label_ == "status:enacted" and doc[k.start].lower_ in lx.SIGNING_WORDS and \
                    any(abs(p - k.start) <= 3 for _, p in usable):
                return k.start
        return None

    @staticmethod
    def _not_others_relative(doc: Doc, g: Dating, actor: Actor) -> list:
        """The clause's dates less those in a relative clause told of actors named after
        this one ("Brookline now joins Somerville and three California cities, which passed
        similar bans this year": the year is theirs, not Brookline's)."""
        pos = g.positions.get(actor)
        if pos is None:
            return g.usable
        later = [p for _, p in g.ordered if p > pos]
        if not later:
            return g.usable
        rel = next((t.i for t in doc[min(later):g.c.end]
                    if t.lower_ in lx.THAT_WHICH and _low(doc, t.i - 1) == ","), None)
        return g.usable if rel is None else [(m, k) for m, k in g.usable if k < rel]

    @staticmethod
    def _only_deliberated(g: Dating) -> bool:
        """"City councilors continued their discussion on banning it Wednesday night", "is
        postponing a vote on whether to ban it": the clause tells only that a proposal was
        talked over, and a proposal is dated by its filing."""
        doc = g.doc
        said = [k for k in g.c.cues if k.label_ == "status:proposed"]
        return bool(said) and all(doc[k.start].lower_ in lx.DELIBERATION_WORDS for k in said) \
            and not any(t.lower_ in lx.FILING_VERBS for t in doc[g.c.start:g.c.end])

    def _borrowed_date(self, g: Dating, actor: Actor, ref: bool
                       ) -> tuple[d.PartialDate | None, str | None, bool]:
        """A date the clause does not give, tried in order: the page's own, the
        sentence's earlier act's, a fronted date, the same statement's, a similar act's
        told before, the same ballot's, the scene's; else none."""
        doc, s, idx = g.doc, self.s, g.idx
        cs, ce = g.c.start, g.c.end
        bare = not ref and not g.clause_dates
        if g.default_date is not None and g.default_date[0] is not None:
            return g.default_date
        prev = g.prev
        if prev is not None and bare and g.rel_floor is None and prev.date is not None \
                and _low(doc, cs) != "but" and not other_places(doc, cs, g.cue_tok) \
                and not _counted_back_to(prev, g):
            # (a relative clause's act is its own; so is the act "but" turns to, and that of
            # "other cities including ...")
            return prev.date, prev.date_text, prev.date_explicit
        if bare and prev is None and \
                (fronted := self._fronted_date(doc, g.sent, cs, g.date_mentions)) is not None:
            return self._resolve_date(fronted[0], idx, g.status, fronted[1], doc, False)
        same = self._same_statement(doc, cs, g.cue_tok, actor, idx)
        if same is not None and same.date is not None:
            return same.date, same.date_text, same.date_explicit
        if bare and g.status != "proposed" and \
                not told_earlier(doc, cs, ce) and \
                not tells_standing(doc[cs:ce]) and \
                (like := self._similar_before(doc[cs:ce], idx)) is not None:
            # "Voters in Portland on Tuesday approved ... In Kinloss Harbor, voters
            # rejected a similar question": the same ballot, the same day (but "is
            # weighing a similar ordinance" is not dated by the act it copies, nor
            # "Oregon already has similar measures in place")
            return like.date, like.date_text, like.date_explicit
        if ref or g.usable:
            return None, None, False
        told = next((k for k in reversed(s.candidates) if k.actor == actor and
                     k.date is not None and 0 < idx - k.sentence <= 1 and
                     not k.background), None) \
            if actor.actor_type == "company" and not told_now(doc, cs, g.cue_tok) else None
        if told is not None:
            # "X said Wednesday it has stopped selling ... The company will keep selling
            # it to agencies, but only to those that pass a review": the same statement
            # (but "... last year. Now it says it will continue the ban": a new one)
            return told.date, told.date_text, False
        if ballot := self._same_ballot(doc, cs, ce, idx):
            # "Voters in Corlett Bay approved Proposition 2 on Tuesday ... Tressider
            # County's Question 5 ... was defeated": one election day
            return ballot.date, ballot.date_text, False
        if g.status == "enacted" and s.scene_date and idx - s.scene_date[2] <= 2 and \
                self._past_simple(doc, cs, ce) and not added_in_perfect(doc, cs, ce) and \
                not told_earlier(doc, cs, g.cue_tok):
            # "It was past eleven on Tuesday when the council reached the item. By a
            # vote of 7-2, alders adopted an ordinance ...": the scene's date
            return s.scene_date[0], s.scene_date[1], False
        return None, None, False

    def _same_statement(self, doc: Doc, cs: int, cue_tok: int, actor: Actor, idx: int
                        ) -> Candidate | None:
        """"The company also said ...": the same announcement as the actor's dated
        candidate a sentence or two before, so the same date."""
        words = {t.lower_ for t in doc[cs:cue_tok]}
        if "also" not in words:
            return None
        said = bool(words & lx.SPEECH_VERBS)  # "The company also said ..."
        for c in reversed(self.s.candidates):
            if c.actor == actor and c.date is not None and not c.in_title and \
                    idx - c.sentence <= (3 if said else 2):
                return c
        return None

    def _similar_before(self, clause: Span, idx: int) -> Candidate | None:
        """The dated event of the sentence before when this clause tells of "a similar"
        measure: votes on like measures reported together are mostly the same day's."""
        if not self._similar(clause):
            return None
        prev = [c for c in self.s.candidates if c.sentence == idx - 1 and c.date is not None
                and not c.in_title]
        return prev[-1] if prev else None

    def _set_scene(self, doc: Doc, date_mentions, idx: int, in_title: bool, made: bool
                   ) -> None:
        """Remember the last past date of a sentence that yielded no event, for an
        undated event told in the next sentence or two."""
        s = self.s
        if made or in_title:
            s.scene_date = None
            return
        if date_mentions and any(t.lower_ in lx.CAPTION_WORDS
                                 for t in doc[date_mentions[0][1]].sent):
            return  # a photo's caption dates the picture
        scenes = []
        for m, k in date_mentions:
            if m.role or m.kind not in {"weekday", "day_word", "md", "dm", "mdy", "dmy",
                                        "iso", "numeric"}:
                continue  # a scene happens on a day; "a hearing this month" is no scene
            pd = d.resolve(m, s.when, year_hint=self._year_hint(idx))
            if pd is not None and (s.base is None or pd.as_date() <= s.base):
                scenes.append((pd, m, k))
        if not scenes:
            return
        # the first ("on Tuesday, after a detour into opening on Sundays"), unless another
        # names the vote itself ("An article on Friday misstated the outcome of its
        # January 9 vote")
        voted = [(pd, m, k) for pd, m, k in scenes if any(
            _low(doc, j) in lx.MEETING_EVENT_WORDS
            for j in range(k + 1, k + 5))]
        pd, m, _ = (voted or scenes)[0]
        s.scene_date = (pd, m.text, idx)

    def _dates(self, sent: Span) -> list[tuple[d.DateMention, int]]:
        """Date mentions of the sentence with the token index where each starts."""
        out = []
        starts = [t.idx for t in sent]
        text = sent.text
        for m in _story_dates(text):
            before = text[max(0, m.start - 30):m.start]
            if re.search(r"(?:not|n't)\s+(?:take|go|come)\s+(?:into\s+)?(?:effect|force)\s+"
                         r"until\s*$", before, re.I):
                m.role = "effect"  # "does not take effect until January 1": when it starts
            elif lx.UNTIL_PREV.search(before):
                m.role = "until"
            elif lx.EFFECT_PREV.search(before) and not (
                    m.text.lower() == "today" and re.search(r"(?:starting|beginning|as of)\s*$",
                                                            before, re.I)):
                m.role = "effect"  # (but "Starting today, X is discontinuing ...": the day
                # the page tells of is the act's)
            k = bisect_right(starts, sent.doc[sent.start].idx + m.start) - 1
            out.append((m, sent.start + max(k, 0)))
        return out

    def _same_ballot(self, doc: Doc, cs: int, ce: int, idx: int) -> Candidate | None:
        """The dated ballot outcome just reported, when this clause reports another."""
        if not {t.lower_ for t in doc[cs:ce]} & lx.BALLOT_WORDS:
            return None
        last = next((k for k in reversed(self.s.candidates) if k.date is not None and
                     0 < idx - k.sentence <= 2), None)
        if last is None or not set(re.findall(r"[a-z]+", last.evidence.lower())) & \
                (lx.BALLOT_WORDS | {"voters"}):
            return None
        return last

    @staticmethod
    def _fronted_date(doc: Doc, sent: Span, cs: int, date_mentions):
        """"Last month, with its pause close to running out, Amazon confirmed ...": a date
        opening the sentence, cut off into a clause of its own, dates the main clause."""
        before = [(m, k) for m, k in date_mentions
                  if sent.start <= k < cs and m.role not in {"until", "effect"}]
        if not before or before[0][1] > sent.start + 1:
            return None
        return before[0]

    @staticmethod
    def _attribution_date(doc: Doc, date_mentions, ce: int, end: int):
        """"X has suspended its use ..., while ..., the chief said on 4 May": a clause
        without a date of its own takes the date of the statement that reports it."""
        for m, k in date_mentions:
            if k < ce or k >= end or m.role in {"until", "effect"}:
                continue
            if any(t.lower_ in lx.SPEECH_VERBS for t in doc[max(ce, k - 4):k]) and \
                    not any(c.label_.startswith(("action:", "status:")) and ce <= c.start < k
                            for c in doc.spans.get(CUE_KEY, [])):
                return m, k
        return None

    @staticmethod
    def _scheduled(doc: Doc, dm) -> bool:
        """A future date: a scheduled vote or debate, never a proposal's own date."""
        m, k = dm
        if re.match(r"(?i)(next|later|coming|upcoming|tomorrow)\b", m.text):
            return True
        return any(t.lower_ in lx.SCHEDULED_WORDS
                   for t in doc[max(0, k - 6):k])

    # ---------------------------------------------------------------- dates
    def _own_dates(self, doc: Doc, actor: Actor, ordered: list[tuple[Actor, int]], usable,
                   ce: int, single_ref: bool):
        """Dates right after an actor and before the next one ("San Francisco in May and
        Somerville in June")."""
        pos = dict(ordered).get(actor)
        if len(ordered) < 2:
            return [(m, k) for m, k in usable if pos is not None and k > pos] \
                if ordered and single_ref else []
        if pos is None:
            return []
        later = sorted(p for _, p in ordered if p > pos)
        stop = later[0] if later else ce
        own = [(m, k) for m, k in usable if pos < k < stop]
        if not own and later and stop - pos <= 4 and "and" in {
                _low(doc, k) for k in range(pos + 1, stop)} and self._shared_relative(doc, stop):
            # "joining Somerville and Brookline, which passed similar measures in 2019": the
            # relative clause after the pair dates both
            after = later[1] if len(later) > 1 else ce
            own = [(m, k) for m, k in usable if stop < k < after]
        return own

    @staticmethod
    def _standing_relative(doc: Doc, pos: int | None, ce: int) -> bool:
        """"Outside of Oregon and New Hampshire, which have similar laws in place, two
        cities adopted ... this summer": the relative clause after the name tells that the
        place's measure stands, so the clause's date is another act's."""
        if pos is None:
            return False
        comma = next((i for i in range(pos + 1, min(pos + 8, ce)) if doc[i].text == ","), None)
        if comma is None or _low(doc, comma + 1) not in lx.THAT_WHICH_WHO:
            return False
        end = next((i for i in range(comma + 2, ce) if doc[i].text in {",", ";", "."}), ce)
        return tells_standing(doc[comma + 1:end])

    @staticmethod
    def _shared_relative(doc: Doc, pos: int) -> bool:
        """The name at ``pos`` is followed by ", which" / ", who" within a few words."""
        return any(doc[j].text == "," and _low(doc, j + 1) in lx.WHICH_WHO
                   for j in range(pos + 1, min(len(doc) - 1, pos + 5)))

    @staticmethod
    def _pick_date(usable, cue_tok: int):
        """The clause's date nearest the action cue; an effective date is never the event date."""
        if not usable:
            return None
        preferred = [(m, k) for m, k in usable if m.role != "effect"]
        if not preferred:
            return None
        return min(preferred, key=lambda mk: abs(mk[1] - cue_tok))

    @staticmethod
    def _interval_before(date_mentions, pos: int | None) -> d.DateMention | None:
        """"a month after San Francisco ...": an interval ending in "after" just before
        the name of an act it is measured from."""
        if pos is None:
            return None
        for m, k in date_mentions:
            if m.kind == "after_event" and re.search(r"\bafter$", m.text, re.I) and \
                    re.match(r"(?i)(a|an|one|two|three|four|five|six|\d+)\s", m.text) and \
                    0 < pos - k <= 4:
                return m
        return None

    @staticmethod
    def _inverted(doc: Doc, dm, date_mentions, actor_pos: int | None, clause_start: int
                  ) -> bool:
        """"came two days after IBM said": IBM's event is *before* the anchor -- unless
        the interval opens another clause ("A year after Virginia barred it, the state is
        reversing course": the reversal is not a year before anything)."""
        m, k = dm
        if m.kind != "after_event" or not re.search(r"\b(after|before)$", m.text, re.I) or \
                k < clause_start:
            return False
        end = k + len(m.text.split())  # ("The day after, Sheriff X said ...": no inversion)
        # (nor "The day after it was filed, Sheriff X said ...": the comma closes the
        # event counted from before the actor comes)
        return actor_pos is not None and actor_pos > k and _low(doc, end) not in {",", "—", ";"} \
            and not any(t.text in {",", "—", ";"} for t in doc[end:actor_pos])

    def _current_dates(self) -> list:
        """The dates of the sentence being read: its record is kept before any rule
        reads it."""
        return self.s.sentences[-1].date_mentions if self.s.sentences else []

    def _year_hint(self, idx: int) -> d.PartialDate | None:
        s = self.s
        if s.last_date and idx - s.last_date_sentence <= 2 and \
                (s.base is None or s.last_date.year < s.base.year):
            return s.last_date
        return None

    def _named_anchor(self, doc: Doc, tok: int) -> Candidate | None:
        """"the day after Amazon's announcement": the event of the name that follows
        "after" anchors the date, not merely the last event found."""
        after = next((t.i for t in doc[tok:min(len(doc), tok + 6)]
                      if t.lower_ in lx.AFTER_BEFORE), None)
        if after is None:
            return None
        follow = doc[after + 1:min(len(doc), after + 5)].text
        named = [c for c in self.s.candidates if c.date is not None and (
                 re.match(rf"(?:the\s+)?{re.escape(c.actor.name)}\b", follow) or (
                     c.actor.actor_type == "company" and " " in c.actor.name and
                     re.match(rf"{re.escape(c.actor.name.split()[0])}(?:'s|’s)", follow)))]
        # ("Zorva's announcement" names Zorva Labs)
        return named[-1] if named else None

    def _resolve_date(self, m: d.DateMention, idx: int, status: str, tok: int, doc: Doc,
                      invert: bool) -> tuple[d.PartialDate | None, str | None, bool]:
        s = self.s
        told = [c for c in s.candidates if not c.background]
        # "the same night": the act just told, not the older measure it changed
        anchor = told[-1].date if told and told[-1].date else s.last_date
        if s.restated is not None and s.restated[0] == idx:
            anchor = s.restated[1]  # "IBM's letter came on June 8; Amazon's ... followed"
        if m.kind == "after_event" and (named := self._named_anchor(doc, tok)) is not None:
            anchor, invert = named.date, False
        before = {t.lower_ for t in doc[max(0, tok - 4):tok + 1]}
        future = status == "proposed" and bool(before & lx.FUTURE_PROPOSAL_WORDS)
        if m.kind == "after_event" and not invert and self._interval_opening(doc, tok) and \
                _low(doc, tok + 3).endswith("ing") and s.base is not None:
            # "Three years after forbidding its police from using it, X has reversed
            # course": the act three years before the news
            invert, anchor = True, d.PartialDate.from_date(s.base)
        if invert:
            ss = doc[tok].sent.start
            if _low(doc, ss) in lx.ITS_THEIR and _low(doc, ss + 1) in lx.ACT_NOUNS and \
                    _low(doc, ss + 2) in lx.CAME_VERBS_SHORT:
                # "Its announcement came a day after Amazon froze ..., and three days after
                # IBM told Congress ...": every interval counts back from the act the
                # sentence is about, told before it
                own = next((c.date for c in reversed(s.candidates) if c.sentence < idx and
                            c.date is not None and not c.background), None)
                anchor = own or anchor
            if anchor is None and s.base is not None:
                # "A year after Virginia barred local police from using it, the state is
                # reversing course": no act told before, so the interval counts back from
                # the news itself
                anchor = d.PartialDate.from_date(s.base)
            m = _measured_back(m)
        earlier = [dm for dm, k in self._current_dates()
                   if k < tok and dm.role != "until" and
                   (dm.explicit_year or (dm.kind == "period" and "year" in dm.text.lower()))]
        # ("Last year's round of votes opened in January in Cambridge")
        # "Boston acted in June 2020, Portland in September of that year": the year
        # written earlier in the sentence
        hint = d.resolve(earlier[-1], s.when) if earlier else self._year_hint(idx)
        if hint is not None and not earlier and m.kind in {"md", "dm"} and s.base is not None:
            plain = d.resolve(m, s.when)
            if plain is not None and plain.precision == 3 and \
                    0 <= (s.base - plain.as_date()).days <= 31:
                # "A narrower proposal filed on January 9 ... remains in committee" in a
                # late-January story, after a sentence about the 2020 ban: this January
                hint = None
        written = [dm for dm, k in self._current_dates() if k < tok and dm.explicit_year]
        if m.kind == "after_event" and written and not invert and \
                re.match(r"(?i)the\s+(following|next)\b", m.text):
            # "debated through the autumn of 2021 and adopted the following spring": counted
            # from the date just written, not from the last act
            anchor = d.resolve(written[-1], s.when)
        pdate = d.resolve(m, s.when, anchor=anchor, year_hint=hint, future=future)
        return pdate, m.text if not invert else m.text.rsplit(" ", 1)[0] + " after", \
            m.explicit_year

    def _until(self, sent: Span, c: Clause, pdate: d.PartialDate | None) -> str | None:
        text = sent.text
        if lx.INDEFINITE.search(text):
            return "indefinite"
        for m in _story_dates(text):
            before = text[max(0, m.start - 30):m.start]
            if re.search(r"\b(?:postpon\w*|delay\w*|put\s+off|puts\s+off|tabled|deferred|"
                         r"pushed\s+back)\b[^.;]{0,90}$", text[:m.start], re.I):
                continue  # "postponed a vote on a proposed moratorium until April": the vote
            if lx.UNTIL_PREV.search(before):
                val = d.resolve(m, self.s.when, year_hint=pdate, future=True)
                if val:
                    return val.iso()
        sy = lx.START_OF_YEAR.search(text)
        if sy and re.search(r"\b(until|lapses?|expires?|sunsets?|ends?|through)\b", text, re.I):
            return f"{sy.group(2)}-01-01" if sy.group(1).lower() != "end" else \
                f"{sy.group(2)}-12-31"
        # a term belongs to its own clause's act ("IBM said it would no longer offer ...,
        # and two days later Amazon announced a one-year pause": not IBM's term)
        doc = sent.doc
        other_act = any(k.label_.startswith("action:") and not c.start <= k.start < c.end
                        for k in doc.spans.get(CUE_KEY, []) if sent.start <= k.start < sent.end)
        dur = lx.DURATION.search(doc[c.start:c.end].text if other_act else text)
        if dur and pdate is not None:
            groups = [g for g in dur.groups() if g]
            num, unit = groups[0], groups[1].lower()
            n = d._num(num) or 1
            if unit == "year":
                return d.PartialDate(pdate.year + n, pdate.month, pdate.day).iso()
            if pdate.month:
                end = d._add_months(pdate.as_date(), n)
                return d.PartialDate.from_date(end, pdate.precision).iso()
        return None

    @staticmethod
    def _past_simple(doc: Doc, cs: int, ce: int) -> bool:
        """The clause reports a completed act ("voted", "has banned"), so that a
        dateline's date may be its date.  A pluperfect ("had banned") is background,
        unless it sits in a relative clause ("an ordinance that two councilors had
        sponsored") while the main verb is past."""
        words = [t.lower_ for t in doc[cs:ce]]
        for i, w in enumerate(words):
            if w == "had":  # the first finite verb decides: "had banned" is background
                return bool(set(words[max(0, i - 3):i]) & lx.THAT_WHICH_WHO)
            if w in lx.HAS_HAVE and any(participle(x) for x in words[i + 1:i + 3]):
                return True  # "has banned"
            if w.endswith("ed") or w in lx.PAST_EVENT_VERBS:
                return True
        return False
