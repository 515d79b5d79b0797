"""Sentence rules: from an annotated spaCy Doc to candidate events.

The components (``extract.components``) mark places, companies, bodies, topic terms and
cues; this module decides, sentence by sentence and clause by clause, *who* did *what*
(action + status) *when*, and keeps the article-level memory that cross-sentence
phenomena need: "the ban" referring back, "Cambridge followed", "two months later",
"the city council" meaning the city named before, "The law ..." meaning the law whose
passage the previous sentence reported.

It works without a parser (tokens, entities and cue spans only), so it behaves the
same on ``spacy.blank("en")`` as on the statistical model, apart from the person and
organisation filtering that needs NER.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span

from .. import dates as d
from .. import lexicon as lx
from ..components import CUE_KEY, TOPIC_KEY
from ..gazetteer import Place
from .actors import ActorRules
from .acts import ActRules
from .bodies import BodyRules
from .clauses import ClauseRules, likens_measure
from .mentions import MentionRules
from .references import ReferenceRules
from .state import (
    Actor,
    ArticleState,
    Candidate,
    Clause,
    ClauseRead,
    Dating,
    Mention,
    SentenceRead,
    SentenceRecord,
    Vetoed,
    _low,
    _place_actor,
    headline_cased,
)
from .timing import DateRules
from .vetoes import (
    ACT_VETOES,
    ACTOR_VETOES,
    MEASURE_VETOES,
    PRECEDENTS_STAND,
    STATUS_VETOES,
    first_veto,
)


def _opening_subject(r: ClauseRead) -> Actor | None:
    """The actor the sentence opens on ("The watchdog ordered ..."), as the subject an
    elided clause of the sentence shares."""
    first = next((m for m in r.at.mentions if m.start < r.cs), None)
    if first is None or not first.actors or first.owned or \
            first.start - r.at.sent.start > 2:
        return None
    return first.actors[0]


class SentenceRules(MentionRules, BodyRules, ClauseRules, DateRules, ReferenceRules,
                    ActorRules, ActRules):
    """Apply the rules to the sentences of one article, in reading order."""

    def __init__(self, state: ArticleState) -> None:
        self.s = state

    # ================================================================== sentences
    def sentence(self, sent: Span, char_base: int, in_title: bool, body_text: str | None) -> None:
        """Read one sentence: add candidates and update the article memory."""
        s = self.s
        doc = sent.doc
        idx = s.sentence_index
        s.sentence_index += 1
        topic_spans = [t for t in doc.spans[TOPIC_KEY] if sent.start <= t.start < sent.end] \
            if TOPIC_KEY in doc.spans else []
        cues = self._cues(sent)
        mentions = self.mentions(sent, char_base, cues)
        date_mentions = self._dates(sent)
        has_topic = bool(topic_spans)
        made_before = len(s.candidates)
        topic = topic_spans[0].label_ if topic_spans else s.default_topic
        s.sentences.append(SentenceRecord(idx, sent, char_base, in_title, mentions, cues,
                                          date_mentions, has_topic, topic, s.last_action))
        if in_title and has_topic and s.last_action is None:
            # "Where facial recognition has been banned: a short guide": the action that a
            # roundup's "followed", "joined", "acted" repeat
            s.title_action = self._action(doc, cues)[0]
        self._note_page(sent, cues, mentions, date_mentions, idx, in_title)
        if not in_title:
            restated = self._restated_dates(sent, mentions, date_mentions, idx)
            # "Amazon's announcement followed two days later": a date, no new act
            cues = [c for c in cues if not any(a <= c.start < b for a, b in restated)]
        acts = [c for c in cues if c.label_.startswith("action:")]
        named_only = bool(acts) and all(c.kb_id_ == "measure" for c in acts)
        has_status = any(c.label_.startswith("status:") for c in cues)
        temporary = any(c.label_ == "temporary" for c in cues)
        try:
            if named_only and has_status:
                # "the Artificial Intelligence Act cleared its last hurdle on Tuesday": an
                # enactment whose content may come next, and the measure's act meanwhile
                self._pending(sent, cues, mentions, date_mentions, idx)
            if any(c.label_.startswith("action:") or c.label_ == "chain" for c in cues):
                self._events(sent, char_base, in_title, cues, mentions, date_mentions, has_topic,
                             topic, idx, body_text)
                for cand in s.candidates[made_before:]:
                    cand.provisional = named_only
                if len(s.candidates) == made_before:
                    if temporary:
                        # "The measure, which will last until at least 2023, does not ban
                        # police from ...": no act of its own, but the term of the one just
                        # told
                        self._temporary(sent, idx)
                    elif not named_only and has_topic and has_status:
                        # "lawmakers have approved legislation that would allow police to
                        # use it": no act read, but an enactment a following "The
                        # legislation would repeal ..." refers back to
                        self._pending(sent, cues, mentions, date_mentions, idx)
            elif temporary:
                self._temporary(sent, idx)
            elif has_status and self._similar(sent):
                # "In Ketterby, Kansas, a similar ordinance was introduced in July"
                self._events(sent, char_base, in_title, cues, mentions, date_mentions,
                             has_topic, topic, idx, body_text)
            elif has_status:
                self._pending(sent, cues, mentions, date_mentions, idx)
            if not in_title:
                self._dated_record(sent, mentions, date_mentions, idx)
        finally:
            if has_topic and not in_title and not cues:
                s.lead_in = idx  # a topic sentence with no cue at all introduces what follows
            self._remember(sent, mentions, date_mentions, idx, has_topic)
            self._set_scene(doc, date_mentions, idx, in_title, len(s.candidates) > made_before)
            if s.motions and not in_title:
                self._motion_outcome(sent, idx)

    def _note_page(self, sent: Span, cues: list[Span], mentions: list[Mention], date_mentions,
                   idx: int, in_title: bool) -> None:
        """What a line says about the page as a whole: the company writing it, the body
        whose meeting it records, and the days they speak of."""
        s = self.s
        doc = sent.doc
        events = [(m, k) for m, k in date_mentions if m.role not in {"until", "effect"}]
        if in_title and s.author_company is None and not any(
                c.label_.startswith("action:") for c in cues):
            s.author_company = self._author_company(sent, mentions)
        if in_title and not s.meeting_body and {t.lower_ for t in sent} & lx.MEETING_WORDS:
            body = next((m for m in mentions if m.kind == "body" and m.role == "legislature"
                         and m.actors), None)
            if body is not None:
                s.meeting_body = body.actors[:1]
                # "... regular meeting of April 6, 2021": the items' date
                s.meeting_date = self._first_day(events, idx, doc)
        elif s.meeting_body and s.meeting_date is None and not in_title:
            # "returned for a one-day reconvened session on Wednesday": the meeting's date
            s.meeting_date = self._first_day(
                [(m, k) for m, k in events
                 if any(_low(doc, j) in lx.MEETING_WORDS for j in range(k - 3, k))], idx, doc)
        if s.author_company is not None and s.author_date is None and not in_title:
            # "Today we are retiring ...": the day the company's page speaks of
            s.author_date = self._first_day(
                [(m, k) for m, k in date_mentions if m.text.lower() == "today"], idx, doc)

    def _author_company(self, title: Span, mentions: list[Mention]) -> Actor | None:
        """A headline that opens with a company's name and reports no act names the
        page's author: a letter, release notes, a blog post, a call transcript."""
        doc = title.doc
        start = title.start
        words = {t.lower_ for t in title}
        if words & lx.AUTHOR_WORDS:  # "From the Tessaline Biometrics blog: ..."
            start = next((t.i for t in title if t.is_title and t.lower_ not in
                          lx.TITLE_LEAD_WORDS), title.start)
        first = next((m for m in mentions if m.start == start), None)
        if first is not None:
            return first.actors[0] if first.kind == "company" and first.actors else None
        for end in range(start + 2, min(title.end, start + 4) + 1):
            name_words = doc[start:end]
            if not all(t.is_title and t.is_alpha for t in name_words[:-1]):
                break
            if name_words[-1].text in lx.CORPORATE_SUFFIXES:
                name = name_words.text
                self.s.companies.add(name)
                return Actor(name, "company", None, None, None)
        return None

    @staticmethod
    def _first_person(doc: Doc, cs: int, quote: set[int]) -> bool:
        """"we have stopped selling GilderID": the page's author speaks of its own policy,
        anywhere in the sentence ("new customers will have to apply ..., and only
        applicants we approve ...") but not inside a quotation."""
        sent = doc[cs].sent
        return any(doc[i].lower_ in lx.WE_WORDS and
                   i not in quote for i in range(sent.start, sent.end))

    def _motion_outcome(self, sent: Span, idx: int) -> None:
        """"Roll call: ...; the motion carried 5-2": the open agenda item is decided.  An
        item moved on "the resolution" is the open one whose evidence names it."""
        s = self.s
        # a roll call can run to several sentences; the next agenda item closes the last
        new_item = bool(lx.AGENDA_ITEM_START.match(sent.text))
        s.motions = [m for m in s.motions if idx - m.sentence <= 6 and
                     not (new_item and m.sentence < idx)]
        for hit in lx.MOTION_OUTCOME.finditer(sent.text):
            if not s.motions:
                return
            named = {w for w in re.findall(r"[a-z]+", sent.text[:hit.start("verb")].lower())
                     if w in lx.MEASURE_NOUNS and w != "amendment"}
            item = next((m for m in reversed(s.motions)
                         if named & set(re.findall(r"[a-z]+", m.evidence.lower()))),
                        s.motions[-1]) if "amendment" not in hit.group(0).lower() \
                else s.motions[-1]
            item.status = "failed" if hit.group("verb").lower() in lx.MOTION_FAILED \
                else "enacted"
            if item.status == "failed":
                item.until = None  # a defeated measure never ran
            s.motions.remove(item)

    def _remember(self, sent: Span, mentions: list[Mention], date_mentions, idx: int,
                  has_topic: bool) -> None:
        s = self.s
        for m in mentions:
            if m.kind == "body" and m.role == "legislature" and m.actors and not m.owned:
                s.last_body = (m.actors[0], idx)  # "Supervisors worked through ... They ..."
            if m.kind == "body" and m.role == "member" and m.actors and not m.owned and not (
                    s.last_member is not None and s.last_member[1] == idx and
                    s.last_member[0].level == "country"):
                # ("U.S. Sen. Merkley joined Sen. Kennedy of Louisiana": members of Congress)
                s.last_member = (m.actors[0], idx)
            if m.landmark:
                continue
            for a in m.actors:
                if a.actor_type == "company":
                    s.salient["company"] = a
                elif m.kind == "agency" and a.actor_type == "agency":
                    s.last_agency = (a, idx)  # for "the watchdog" after it
                elif a.level:
                    if m.kind == "place" and not m.noted:
                        s.ctx.note(Place("", a.name, a.level, a.country, a.region, 0))
                    if a.actor_type == "jurisdiction":
                        s.salient[a.level] = a
                        if a.level in {"city", "county", "state"}:
                            s.salient["last_place"] = a
                if a.actor_type == "agency" and m.kind in {"agency", "body"} and \
                        set(a.name.lower().split()) & lx.POLICE_FORCE_WORDS:
                    s.last_police_force = a
        for m, _ in date_mentions:
            if m.explicit_year and m.role != "until" and \
                    not lx.SINCE_PREV.search(sent.text[max(0, m.start - 12):m.start]):
                # ("has been in use since early 2020. In a March 23 decision, ...": a
                # state's start is no year for the dates told next)
                pd = d.resolve(m, s.when)
                if pd:
                    s.last_date = pd
                    s.last_date_sentence = idx
        if has_topic:
            s.last_topic_sentence = idx

    def _business_leaving(self, cues: list[Span], mentions: list[Mention]) -> str | None:
        """"Micromobility operator Spin is exiting 10 U.S. markets": one of a topic's own
        businesses (its configured ``companies``) leaving markets, in a story on that topic,
        leaves that technology though the sentence never names it; the topic, if so."""
        if not any(k.label_ == "action:exit" for k in cues):
            return None
        topics = (self.s.business_topics.get(m.actors[0].name) for m in mentions
                  if m.kind == "company" and m.actors)
        return next((t for t in topics if t in self.s.topics), None)

    # ================================================================== events
    def _events(self, sent, char_base, in_title, cues, mentions, date_mentions, has_topic, topic,
                idx, body_text) -> None:
        s = self.s
        doc = sent.doc
        if not has_topic and not in_title and sent.text.rstrip().endswith(":") and \
                idx + 1 in s.topic_sentences:
            # "... includes a total prohibition on the use of AI for:" and a list that names
            # the topic: the list is the measure's object
            has_topic = True
        if not has_topic and not in_title and idx + 1 in s.topic_sentences and \
                _measure_named_next(sent):
            # "New legislation passed by the council prohibits restaurants from rejecting
            # payments. Supporters of this bill say cashless businesses ...": the measure
            # whose topic the next sentence names
            has_topic = True
        if not has_topic and s.last_topic_sentence >= 0 and _refers_back_to_topic(sent):
            has_topic = True  # "... issued a ban on such technology earlier this month"
        if not has_topic and not in_title and s.topic_sentences and \
                (own := self._business_leaving(cues, mentions)) is not None:
            has_topic, topic = True, own
        near_topic = idx - s.last_topic_sentence <= 3 or s.topical_title or (
            s.pending is not None and idx - s.pending.sentence <= 3 and
            any(0 < t - idx <= 2 for t in s.topic_sentences))
        # ("EU governments approved the AI Act. The law outlaws ...": the act just
        # approved, whose topic is named in the sentences after)
        if not has_topic and (in_title or not near_topic or not (
                self._anaphoric(sent, cues) or s.lead_in == idx - 1)):
            # ("We are also changing who can use face identification. Starting October 1,
            # new customers will have to apply ...": the sentence before announced the topic)
            return
        if not has_topic and lx.OTHER_TECH.search(sent.text):
            # "also makes departments seek approval for other kinds of surveillance"; but
            # "Supervisors voted 8-1 on Tuesday for the ordinance, which also requires approval
            # for other surveillance tools" still dates the vote on the ordinance
            if any(k.label_.startswith("status:") for k in cues):
                self._pending(sent, cues, mentions, date_mentions, idx)
            return
        quote, quoted_names = self._quoted_tokens(sent)
        clauses = self._merge_clauses(self._clauses(sent, cues, mentions))
        sentence_action = None
        for c in clauses:
            act, _ = self._action(doc, c.cues)
            if act:
                sentence_action = act
                break
        at = SentenceRead(sent, char_base, in_title, mentions, date_mentions, has_topic, topic,
                          idx, body_text, quote, quoted_names, sentence_action)
        prev_in_sentence: Candidate | None = None
        for c in clauses:
            made = self._clause(ClauseRead(at, c, prev_in_sentence))
            if made and prev_in_sentence is not None and prev_in_sentence.status == "enacted" \
                    and any(m.status == "failed" and m.actor == prev_in_sentence.actor and
                            m.action == prev_in_sentence.action for m in made) and \
                    any(doc[k.start].lower_.startswith("veto") for k in c.cues) and \
                    prev_in_sentence in s.candidates:
                # "The council approved the ban on Tuesday, but the mayor vetoed it the next
                # day": the measure failed; its passage was a step, not an event
                s.candidates.remove(prev_in_sentence)
            if made and prev_in_sentence is not None and prev_in_sentence.status == "failed" \
                    and prev_in_sentence in s.candidates and \
                    doc[c.start - 1].text == ";" and _low(doc, c.start) in lx.IT_THEY and \
                    any(m.actor == prev_in_sentence.actor and m.status == "enacted"
                        for m in made) and \
                    not any(k.label_ == "status:failed" and doc[k.start].lower_ not in
                            lx.DO_FORMS
                            for k in doc.spans.get(CUE_KEY, [])
                            if sent.start <= k.start < c.start):
                # "The council did not adopt a new ban; it extended the moratorium": what it
                # did instead, not a defeat
                s.candidates.remove(prev_in_sentence)
            if made:
                prev_in_sentence = made[-1]

    # ================================================================== one clause
    def _clause(self, r: ClauseRead) -> list[Candidate]:
        """The events of one clause, read in steps: its action, what the measure is, its
        status, who acts; after each step a table of named checks (``rules.vetoes``) may
        find that the clause is no event."""
        veto = self._read_action(r) or first_veto(self, r, ACT_VETOES)
        standing = self._what_still_stands(r, veto) if veto is not None else []
        if standing:
            self._vetoed(r, veto)
            return standing
        if veto is None:
            self._measure_kind(r)
            veto = first_veto(self, r, MEASURE_VETOES)
        if veto is None:
            self._partial_measure(r)
            r.status = self._clause_status(r)
            veto = first_veto(self, r, STATUS_VETOES)
        if veto is not None:
            return self._vetoed(r, veto)
        done = self._find_actors(r)
        if done is not None:
            return done
        if not r.actors:
            return self._vetoed(r, "no_actor")
        if self._restates_earlier(r):
            return []
        self._business_exit(r)
        veto = first_veto(self, r, ACTOR_VETOES)
        if veto is not None:
            return self._vetoed(r, veto)
        self._settle_for_actors(r)
        own_page = self.s.author_date if r.actors == [self.s.author_company] else None
        made = self._emit_for(r, r.actors, refs=r.refs, positions=r.positions, prev=r.prev,
                              default_date=own_page)
        self._kept_measure(r, made)
        return made

    def _what_still_stands(self, r: ClauseRead, veto: str) -> list[Candidate]:
        """What a dropped clause still tells of: the precedents a hypothetical, a wish or a
        demand names, and the named owner's measure an opinion is about."""
        if veto in PRECEDENTS_STAND:
            return self._precedents_only(r)
        if veto == "opinion":
            return self._possessors_measure(r)
        return []

    def _precedents_only(self, r: ClauseRead) -> list[Candidate]:
        """The precedents a clause that is no event names still acted: "If passed, the
        city will join other cities including San Francisco and Boston in banning it"."""
        usable = [m for m in r.c.mentions if m.role != "member"]
        found = self._actors(r.doc, usable, r.cue_tok, r.cs, r.ce)
        precedents = [a for i, a in enumerate(found.actors) if i in found.refs]
        if not precedents:
            return []
        return self._emit_for(r, precedents, status="enacted",
                              refs=set(range(len(precedents))), positions=found.positions,
                              prev=r.prev, rel_floor=found.rel_floor)

    def _possessors_measure(self, r: ClauseRead) -> list[Candidate]:
        """The measure an opinion is about, when the text names whose it is: "we fully
        support TfL's ban" still tells of TfL's ban."""
        doc = r.doc
        if _low(doc, r.cue_tok - 1) not in lx.POSSESSIVE:
            return []
        owner = next((m for m in r.c.mentions if m.end == r.cue_tok - 1 and m.actors and
                      m.kind in {"place", "company", "body", "agency"}), None)
        return [] if owner is None else self._emit_for(r, owner.actors[:1], status="enacted")

    def _vetoed(self, r: ClauseRead, check: str) -> list[Candidate]:
        """Drop the clause, keeping the check's name for ``--explain``."""
        cue = r.doc[r.cue_tok].text if r.action is not None else \
            " ".join(k.text for k in r.c.cues)
        self.s.vetoes.append(Vetoed(r.at.idx, check, cue, r.doc[r.cs:r.ce].text))
        return []

    def _read_action(self, r: ClauseRead) -> str | None:
        """The clause's action and the token it is read from; or why there is none.  A
        clause that only chains ("and followed suit") or only gives a status takes the
        sentence's or the article's action."""
        doc, cs, ce = r.doc, r.cs, r.ce
        c = r.c
        acts = [k for k in c.cues if k.label_.startswith("action:")]
        # ("puts limits on it without outlawing it", "remains without a ban")
        lacking = [k for k in acts if _low(doc, k.start - 1) in lx.WITHOUT_WORDS or (
            _low(doc, k.start - 2) in lx.WITHOUT_WORDS and
            _low(doc, k.start - 1) in lx.LACKING_DETS)]
        if acts and len(lacking) == len(acts):
            return "without_measure"  # "Ottermere thus remains without a ban"
        denied = lacking + [k for k in acts if k not in lacking and any(
            n.label_ == "neg" and 0 <= k.start - n.end <= 2 for n in c.cues)]
        if denied and len(denied) < len(acts):
            # "sets new limits ... but stops short of a ban": the limits are the measure
            r.c = c = Clause(c.start, c.end, [k for k in c.cues if k not in denied],
                             c.mentions, c.hard_start)
        r.action, r.cue_tok = self._action(doc, c.cues)
        r.inherited = r.action is None
        if not r.inherited:
            if r.action == "restriction" and self.s.last_action in {"ban", "moratorium"} and \
                    _low(doc, r.cue_tok - 1) in lx.SIMILARITY_WORDS:
                # "Oakland and Cambridge have since implemented similar restrictions": the
                # measure just told, copied
                r.action = self.s.last_action
            return None
        chain = [k for k in c.cues if k.label_ == "chain"]
        if not chain and not any(k.label_.startswith("status:") for k in c.cues):
            return "no_action"
        prev = r.prev
        if not chain and not any(t.lower_ in lx.MEASURE_NOUNS for t in doc[cs:ce]) and \
                not (prev is not None and any(
                    k.label_.startswith("status:") and _low(doc, k.end) in lx.IT_THEM
                    for k in c.cues)) and \
                not (prev is not None and prev.status == "proposed"
                     and any(k.label_ == "status:failed" for k in c.cues)):
            return "no_measure"  # "cameras would be deployed": nothing enacted
            # (but "..., but the mayor vetoed it": the measure just named)
        s = self.s
        r.action = r.at.action or s.last_action or (s.title_action if chain else None)
        measure = next((t.i for t in reversed(doc[cs:ce]) if t.lower_ in lx.MEASURE_NOUNS),
                       None)
        if r.action == "moratorium" and measure is not None and \
                _low(doc, measure - 1) in lx.SIMILARITY_WORDS:
            # "Oregon and New Hampshire, which have similar laws in place": another's law
            # like it in what it covers; that the story's own was temporary is not copied
            r.action = "ban"
        statuses = [k for k in c.cues if k.label_.startswith("status:") and
                    (measure is None or k.start < measure)]
        # ("Measure K went on the ballot by petition after the council voted 3-2 against
        # a similar ordinance": the status of the measure, not the petition)
        r.cue_tok = chain[0].start if chain else (
            statuses[-1].start if statuses else c.cues[0].start)
        return "no_action" if r.action is None else None

    def _measure_kind(self, r: ClauseRead) -> None:
        """How long the measure holds: a ban for a term or until a condition is a
        moratorium; a pause made permanent is a ban."""
        clause_text = r.doc[r.cs:r.ce].text
        cues = r.c.cues
        r.temporary = any(k.label_ == "temporary" and not any(
            a.label_.startswith("action:") and a.start <= k.start < a.end for a in cues)
            and _low(r.doc, k.start - 1) not in lx.LOCK_VERBS
            for k in cues) or bool(lx.DURATION.search(clause_text))
        # ("was tabled indefinitely": how long the vote waits, not what the measure does)
        # ("will stop offering it through its cloud APIs—that is, until it can come up
        # with policies": the condition set off after the clause is still the clause's)
        tail = r.doc[r.ce:r.at.sent.end].text if r.ce < r.at.sent.end else ""
        # ("banned it while awaiting results of a state analysis": the condition is a
        # clause of its own, still the measure's)
        if lx.CONDITION_TAIL.match(tail) or lx.INDEFINITE.match(tail.lstrip(" ,")):
            clause_text = f"{clause_text} {tail}"
        r.condition = any(not lx.WAITING_VOTE.search(clause_text[:m.start()])
                          for m in lx.INDEFINITE.finditer(clause_text))
        r.until_date = any(m.role == "until" for m, k in r.at.date_mentions
                           if r.cs <= k < r.ce)
        timed = r.temporary or r.condition
        if r.action == "ban" and (timed or r.until_date):
            r.action = "moratorium"
        if r.action == "exit" and timed:
            r.action = "moratorium"
        if r.action == "moratorium" and lx.MADE_PERMANENT.search(clause_text):
            r.action = "ban"  # "an ordinance that would make the halt permanent"

    def _partial_measure(self, r: ClauseRead) -> None:
        """A ban of one use only, or an exit with exceptions, is a restriction."""
        rest = r.doc[r.cue_tok:r.ce].text
        if r.action == "ban" and (self.s.partial_use is not None and
                                  self.s.partial_use.search(rest) or lx.SOME_CASES.search(rest)):
            # "forbids using a match as the sole basis for an arrest", "barred from using
            # it in certain circumstances": a ban of some uses only
            r.action = "restriction"
        if r.action == "exit" and lx.CARVE_OUT.search(rest):
            r.action = "restriction"  # "stop selling it to most private businesses"

    def _clause_status(self, r: ClauseRead) -> str | None:
        """Enacted, proposed or failed; None when the act is negated."""
        doc, c, at = r.doc, r.c, r.at
        status = self._status(doc, c.cues, r.cue_tok, r.cs, r.ce, r.action, at.in_title)
        if status == "proposed" and self._authorship_only(doc, c.cues):
            # "Councilors Wu and Arroyo co-sponsored the ordinance, which makes Boston the
            # second city to enact such a prohibition": who wrote the measure already
            # reported as enacted, not a new proposal
            status = self._status(doc, [k for k in c.cues if not self._authorship(doc, k)],
                                  r.cue_tok, r.cs, r.ce, r.action, at.in_title)
        return status

    def _find_actors(self, r: ClauseRead) -> list[Candidate] | None:
        """Who acts: sets ``r.actors`` (and their references and tokens) and returns None;
        or returns the clause's outcome when it is settled another way (a demand, an
        agenda item, the outcome of the sentence's proposal, an act referred back to)."""
        mentions = r.c.mentions
        if r.cue_tok in r.at.quote and not _partial_quote(r):
            r.actors = self._quote_speaker(r.at.sent, r.at.mentions, r.at.quote)
            # ""The Good Guys today confirmed it will pause the trial," a spokesperson
            # said": a quote that names who acts before its act word tells it itself (but
            # not a quoted headline, "“Facebook to Shut Down Facial Recognition”", cited)
            mentions = [m for m in mentions if m.start in r.at.quote]
            if r.actors or headline_cased(r.doc[min(r.at.quote):max(r.at.quote) + 1]) or \
                    not any(m.actors and m.start < r.cue_tok for m in mentions):
                return None
        if any(k.label_ == "urge" and k.start < r.cue_tok for k in r.c.cues):
            return self._demand(r)
        first = next((m for m in mentions if m.start < r.cue_tok
                      and m.kind in {"advocate", "publisher", "place", "company", "body",
                                     "agency"}), None)
        if first is not None and first.kind in {"advocate", "publisher"} and \
                not any(m.actors and not m.owned for m in mentions if m.start < r.cue_tok):
            return self._vetoed(r, "advocate_demand")  # "The ACLU called for a moratorium"
        if (agency := self._settling_agency(r)) is not None:
            r.actors = [agency]  # "Rite Aid must stop using it ... in a settlement with the FTC"
            return None
        if (nation := self._federal_measure(r, mentions)) is not None:
            r.actors = [nation]
            return None
        if (house := self._members_bill(r, mentions)) is not None:
            r.actors = [house]
            return None
        # one member of a body may file a measure, but cannot enact or defeat one
        usable = mentions if r.status == "proposed" else \
            [m for m in mentions if m.role != "member"]
        r.actors, r.refs, r.positions, r.rel_floor = self._actors(r.doc, usable, r.cue_tok,
                                                                  r.cs, r.ce)
        if not r.actors:
            found = self._unnamed_actor(r)
            if found is not None:
                r.actors, r.positions = found, {}
        if r.actors:
            return None
        return self._without_actor(r)

    def _federal_measure(self, r: ClauseRead, mentions: list[Mention]) -> Actor | None:
        """"TOPEKA, Kan. - A federal bipartisan bill to bar the TSA from using it has been
        introduced": a federal measure, with no one named before its act word, is the
        nation's (not the dateline's town)."""
        doc = r.doc
        opening = self._dateline_end(r.at.sent)  # (a dateline only says where it was written)
        if _named_before_act(r, mentions, opening):
            return None
        federal = any(doc[i].lower_ == "federal" and any(
            t.lower_ in lx.MEASURE_NOUNS | lx.BAN_NOUNS for t in doc[i + 1:min(i + 4, r.ce)])
            for i in range(r.cs, r.cue_tok))
        if not federal:
            return None
        return self._the_nation()

    def _members_bill(self, r: ClauseRead, mentions: list[Mention]) -> Actor | None:
        """"Sen. Kennedy today joined Sen. Merkley in introducing the Traveler Privacy
        Protection Act ... The bill would repeal the agency's authorization to use it": a
        proposal that refers to the bill just introduced, with no one named before its act
        word, is that of the members' legislature."""
        last, doc = self.s.last_member, r.doc
        if r.status != "proposed" or last is None or not 0 < r.at.idx - last[1] <= 2 or \
                _named_before_act(r, mentions, r.cs):
            return None
        refers = any(doc[i].lower_ in lx.MEASURE_NOUNS and _low(doc, i - 1) in lx.ANAPHOR_DETS
                     for i in range(r.cs, r.cue_tok))
        return last[0] if refers else None

    def _demand(self, r: ClauseRead) -> list[Candidate]:
        """"advocates urged the council to ban ...": no event; but in "advocates pushed
        for a full ban like the one Portland adopted in 2020" the model it names is one."""
        model = self._model_act(r.doc, r.c)
        if model is None or r.status != "enacted":
            return self._vetoed(r, "call_for_measure")
        return self._emit_for(r, model.actors[:1], status="enacted")

    def _emit_for(self, r: ClauseRead, actors: list[Actor], *, action: str | None = None,
                  status: str | None = None, refs: set[int] | None = None,
                  positions: dict[Actor, int] | None = None, prev: Candidate | None = None,
                  default_date: tuple | None = None, rel_floor: int | None = None
                  ) -> list[Candidate]:
        """``_emit`` from the clause being read, with its action, status and relative
        clause unless given; actors found other than by name in the clause have no
        references and no positions."""
        at = r.at
        return self._emit(at.sent, r.c, at.char_base, at.in_title, actors, refs or set(),
                          positions or {}, action or r.action, status or r.status, r.cue_tok,
                          at.date_mentions, at.has_topic, at.topic, at.idx, at.body_text, prev,
                          default_date=default_date,
                          rel_floor=rel_floor if rel_floor is not None else r.rel_floor)

    def _unnamed_actor(self, r: ClauseRead) -> list[Actor] | None:
        """The actor the clause does not name around its cue, tried in order: the
        speaker of the sentence's earlier clause, a town described, a council elsewhere
        in the sentence, the page's author, the subject of an opening gerund."""
        doc, cs, cue_tok, at, prev = r.doc, r.cs, r.cue_tok, r.at, r.prev
        s = self.s
        if prev is not None and (
                self._elided_subject(doc, cs, cue_tok) or (
                    _low(doc, cs) == "and" and
                    _low(doc, cs + 1) in lx.SPEECH_VERBS | {"that"} and
                    prev.actor.actor_type == "company")):
            # ("Microsoft said that it will retire ..., and that new customers will
            # have to apply ...", "X retires A, and says new customers must apply":
            # what the same speaker said next; "..., and will limit access to ...")
            return [prev.actor]
        if (town := self._described_town(doc, r.c, cue_tok)) is not None:
            return [town]  # "The Washington city banned ... in 2020"
        if (regulator := self._regulator_of_passive(r)) is not None:
            return [regulator]
        if (owner := self._measure_owner(r)) is not None:
            return [owner]
        if not r.inherited and not self._refers(doc, cs, cue_tok):
            bodies = self._fallback_bodies(doc, at.mentions, cue_tok, r.status)
            if bodies:
                return bodies
        if s.author_company is not None and self._first_person(doc, cs, at.quote):
            return [s.author_company]
        opening = self._dateline_end(at.sent)
        if r.inherited or cs > opening + 1:
            return None
        if self._interval_opening(doc, opening) and \
                (subject := _subject_within(at.mentions, r.ce, r.ce + 1)) is not None:
            # "Three years after forbidding its police from using it, Corrigan Springs
            # has partly reversed course": the gerund's subject is the main clause's
            return subject
        if _low(doc, cs) in lx.AFTER_BEFORE and _low(doc, cs + 1).endswith("ing"):
            # "After withdrawing their licences last month, the mayor's office said ...":
            # the gerund's subject is the one the main clause opens with
            comma = next((t.i for t in doc[r.cue_tok:r.ce] if t.text == ","), None)
            if comma is not None:
                return _subject_within(at.mentions, comma + 1, comma + 3)
        return None

    def _measure_owner(self, r: ClauseRead) -> Actor | None:
        """"The first prohibitions of the AI Act have entered into force": the owner the
        topic gives the measure it knows by name, when the clause's act is the measure's."""
        # (the measure's cue may have been dropped beside the clause's own act word)
        cue = next((k for k in r.doc.spans[CUE_KEY] if r.cs <= k.start < r.ce and
                    k.kb_id_ == "measure" and k.label_ == f"action:{r.action}"), None)
        owner = self.s.measure_owners.get(cue.text.lower()) if cue is not None else None
        place = next(iter(self.s.gaz.candidates(owner)), None) if owner else None
        return _place_actor(place) if place is not None else None

    def _regulator_of_passive(self, r: ClauseRead) -> Actor | None:
        """"Due to what the Federal Trade Commission calls Rite Aid's reckless use of it,
        the chain is now prohibited from using it for five years": a business barred in
        the passive by the one public agency its sentence names elsewhere, or else by the
        one the sentence before named."""
        doc = r.doc
        business = _business_before_act(r) or \
            any(t.lower_ in lx.COMPANY_NOUNS for t in doc[r.cs:r.cue_tok])
        if not business or not self._passive(doc, r.cue_tok):
            return None
        agencies = {a for m in r.at.mentions if m.kind == "agency" and not m.owned
                    for a in m.actors[:1]}
        subject = any(t.lower_ in lx.COMPANY_NOUNS for t in doc[r.cs:r.cs + 2]) or any(
            m.kind == "company" and m.start <= r.cs + 1 for m in r.c.mentions)
        if not agencies and subject and self.s.last_agency is not None and \
                self.s.last_agency[1] == r.at.idx - 1:
            # (the one the sentence before named, when the business is the subject: not
            # "collection of face images by the company is also prohibited")
            return self.s.last_agency[0]
        return agencies.pop() if len(agencies) == 1 else None

    def _settling_agency(self, r: ClauseRead) -> Actor | None:
        """"Rite Aid must stop using it for five years as part of a settlement with the
        Federal Trade Commission": a business bound by its settlement with a public agency
        is barred by that agency (a settlement with a private party stays its own exit)."""
        doc = r.doc
        if not _business_before_act(r):
            return None
        for i in range(r.cue_tok, r.ce):
            if doc[i].lower_ in lx.UNDERTAKING_WORDS and \
                    any(_low(doc, j) in {"with", "by"} for j in range(i + 1, i + 3)):
                agency = next((m for m in r.c.mentions if m.kind == "agency" and m.actors
                               and i < m.start <= i + 6), None)
                return agency.actors[0] if agency is not None else None
        return None

    def _without_actor(self, r: ClauseRead) -> list[Candidate] | None:
        """No actor found: an agenda item of the meeting recorded, the outcome of the
        sentence's proposal, a body named sentences before, or an act referred back to."""
        doc, cs, ce, at, prev = r.doc, r.cs, r.ce, r.at, r.prev
        s = self.s
        if not r.inherited and s.meeting_body and \
                any(t.lower_ in lx.ITEM_NOUNS for t in doc[cs:ce]):
            return self._agenda_item(at.sent, r.c, at.char_base, at.in_title, r.action,
                                     r.status, r.cue_tok, at.date_mentions, at.has_topic,
                                     at.topic, at.idx, at.body_text)
        dates = r.clause_dates
        if r.inherited and r.status == "failed" and prev is not None and \
                prev.status == "proposed" and prev in s.candidates:
            # "Ordinance 22-41 ...: would bar all county offices ...; last action: failed
            # on final reading, 3-4, October 4, 2022": the proposal's outcome
            prev.status = "failed"
            prev.date = None
            self._update(prev, prev.action, r.c, at.sent, dates, at.idx, "failed")
            return []
        if r.inherited and prev is not None and prev.status == r.status and \
                prev in s.candidates and \
                any(t.lower_ in lx.MEASURE_NOUNS | {"it"} for t in doc[cs:r.cue_tok]):
            # "... could not muster the votes to advance a proposed moratorium, and the
            # bill died in committee on Friday": the same outcome, dated
            self._update(prev, prev.action, r.c, at.sent, dates, at.idx, r.status)
            return []
        if r.inherited:
            return self._vetoed(r, "no_actor")
        if (body := self._passive_body(doc, r.c, at.idx)) is not None:
            # "a two-year moratorium ... was approved by the board Thursday": the board
            # the release named two sentences before
            r.actors, r.positions = [body], {}
            return None
        if self._elided_subject(doc, cs, r.cue_tok) and \
                (subject := _opening_subject(r)) is not None:
            # "The watchdog ordered the company to delete its data and banned it from
            # ...": the sentence's subject, though its first clause told no act
            r.actors, r.positions = [subject], {}
            return None
        return self._refer(r)

    def _restates_earlier(self, r: ClauseRead) -> bool:
        """Whether the clause only tells again an act already read, which it then dates
        or relabels; the actors it still holds are new acts."""
        doc, cs, cue_tok, idx = r.doc, r.cs, r.cue_tok, r.at.idx
        s = self.s
        if self._record(doc, cs, cue_tok):
            # "Springfield is the fifth community to curb it": the actor's event again,
            # in looser words ("curb" for its moratorium)
            olds = {a: [k for k in s.candidates if k.actor == a] for a in r.actors}
            if all(olds.values()) and not all(
                    any(k.action == r.action for k in v) for v in olds.values()):
                for v in olds.values():
                    self._update(v[-1], v[-1].action, r.c, r.at.sent, r.clause_dates, idx,
                                 v[-1].status)
                return True
        ana = self._anaphoric_subject(doc, cs, cue_tok)
        last = s.candidates[-1] if s.candidates else None
        possessed = any(_low(doc, j) in lx.POSSESSIVE
                        for j in range(max(cs + 2, cue_tok - 3), cue_tok))
        if ana is not None and last is not None and last.actor in r.actors and \
                idx - last.sentence <= 4 and not possessed and \
                not (last.status == "proposed" and r.status == "enacted" and any(
                    k.label_ == "status:enacted" for k in r.c.cues)) and \
                lx.ACTION_FAMILY.get(r.action) == lx.ACTION_FAMILY.get(last.action) and \
                not self._months_apart(last, r.clause_dates, idx, r.status, doc):
            # "The provision, which the Legislature passed, bars ...": the same measure again
            # (but "The one-year moratorium the company announced last June" after this
            # week's news is the older measure, an event of its own; and a proposal told
            # as passed is its enactment, an event of its own)
            self._update(last, r.action, r.c, r.at.sent, r.clause_dates, idx, r.status)
            r.actors, r.refs = _keep_actors(r.actors, r.refs, lambda a: a != last.actor)
            return not r.actors
        return False

    def _business_exit(self, r: ClauseRead) -> None:
        """Only a business exits; a ban that stops only businesses is their exit."""
        if r.action == "ban" and r.actors and all(a.actor_type == "company" for a in r.actors):
            r.action = "exit"  # "stop the company from selling it to governments"
        if r.action == "exit" and any(a.actor_type == "company" for a in r.actors) and \
                not all(a.actor_type == "company" for a in r.actors):
            # "The privacy commissioner announced that Clearview AI will cease offering its
            # services in Canada": only the business leaves; the others only tell of it
            r.actors, r.refs = _keep_actors(r.actors, r.refs,
                                            lambda a: a.actor_type == "company")

    def _settle_for_actors(self, r: ClauseRead) -> None:
        """Action and status as the actors make them: a government's "no longer" is a ban
        or a pause, a company's stop is its exit, one chamber's vote a proposal, a
        national parliament's "introduced" an enactment."""
        doc, c, cue_tok, actors = r.doc, r.c, r.cue_tok, r.actors
        timed = r.temporary or r.condition or r.until_date
        companies = [a for a in actors if a.actor_type == "company"]
        if r.action == "exit" and not companies:
            # governments do not "exit": "officers may no longer use it under a moratorium"
            kinds = {k.label_.split(":", 1)[1] for k in c.cues if k.label_.startswith("action:")}
            r.action = "moratorium" if "moratorium" in kinds or r.temporary or r.condition \
                else "ban"
        if r.status == "enacted" and r.action != "repeal" and (
                self._one_chamber(doc, c, cue_tok) or self._committee_stage(doc, c, cue_tok)):
            r.status = "proposed"  # "The Maryland House passed a bill": the other chamber
            # and the governor still have to act; "a House Committee passed a bill": the
            # chambers still have to
        stop = r.action == "moratorium" and not timed and \
            doc[cue_tok].lower_.startswith(lx.STOP_STEMS)
        if stop and len(companies) == len(actors):
            r.action = "exit"  # "Meta will stop using facial recognition to tag people"
        elif stop and actors and all(a.actor_type == "agency" for a in actors) and \
                _low(doc, cue_tok + 1) in lx.STOP_USING_OBJECTS:
            r.action = "ban"  # "the IRS said it would stop using the software": an agency
            # ends its own use for good, with no term or condition
        if r.status == "proposed" and all(a.actor_type in {"company", "agency"}
                                          for a in actors) and \
                self._company_policy(doc, c.cues):
            # a company's or an agency's "will no longer use it" announces its own policy
            r.status = "enacted"
        if r.status == "proposed" and all(_introduces_itself(a) for a in actors) and \
                _introduced_measure(doc, c.cues):
            r.status = "enacted"  # "the Dutch parliament introduced a moratorium": a
            # national government or an agency introduces a measure by making it (a US
            # council's "introduced a ban" is a first reading, and a bill is a proposal)
        if r.status == "enacted" and self._parliament_stage(doc, r.cs, r.ce, actors):
            r.status = "proposed"  # "The European Parliament voted to ban ...": the Council
            # and the negotiations still come; only the final adoption enacts

    def _kept_measure(self, r: ClauseRead, made: list[Candidate]) -> None:
        """"agreed to keep its freeze on facial recognition in place indefinitely",
        "rejected a proposal to repeal the county's own prohibition": the measure kept or
        defended is a decision of its own, undated unless the text dates it."""
        doc, cs, ce = r.doc, r.cs, r.ce
        if r.at.in_title:
            return
        if r.action == "extension" and r.status == "enacted":
            older = self._possessed_measure(doc, cs, ce, lx.MORATORIUM_NOUNS)
        elif r.action == "repeal" and r.status == "failed":
            older = self._possessed_measure(doc, cs, ce, lx.BAN_NOUNS)
        else:
            return
        if older is None:
            return
        kind = "moratorium" if older in lx.MORATORIUM_NOUNS else "ban"
        s = self.s
        for cand in made:
            if cand.action == r.action and not any(
                    k.actor == cand.actor and k.action in {"ban", "moratorium"}
                    for k in s.candidates):
                s.candidates.append(replace(cand, action=kind, status="enacted", date=None,
                                            date_text=None, date_explicit=False,
                                            until=None, background=True,
                                            confidence=round(cand.confidence - 0.2, 2),
                                            order=cand.order + 1))

    def _emit(self, sent, c: Clause, char_base, in_title, actors, refs, positions, action,
              status, cue_tok, date_mentions, has_topic, topic, idx, body_text,
              prev_in_sentence, default_date=None, rel_floor: int | None = None
              ) -> list[Candidate]:
        """One candidate per actor of the clause, each dated (``DateRules._actor_date``),
        plus the older measure the act changes when the clause names one ("lifted the
        ban it passed in 2020")."""
        s = self.s
        doc = sent.doc
        cs, ce = c.start, c.end
        if status == "proposed" and actors and \
                all(a.actor_type == "company" for a in actors) and \
                self._company_policy(doc, c.cues):
            status = "enacted"  # "the company's step, when it said it would not sell ...": a
            # company's "would" about itself is its policy, whichever path found the company
        clause_dates = [(m, k) for m, k in date_mentions if cs <= k < ce and m.role != "until"]
        background = self._background(doc, c, action, cue_tok, clause_dates)
        claimed = {id(m) for m, _ in background[1]} if background else set()
        if background and action == "repeal" and doc[cue_tok].lower_.startswith("replac") and \
                self._anaphoric_subject(doc, cs, cue_tok) is not None:
            # "The order replaces a moratorium the Legislature imposed in 2020": a ban took
            # over from a pause; nothing was lifted, only the older measure is news here
            return self._emit(sent, c, char_base, in_title, actors, refs, positions,
                              background[0], "enacted", cue_tok,
                              [(m, k) for m, k in date_mentions if id(m) in claimed or
                               not (cs <= k < ce)], has_topic, topic, idx, body_text,
                              prev_in_sentence, rel_floor=rel_floor)
        usable, clause_dates = self._act_dates(doc, c, cue_tok, clause_dates, claimed,
                                               rel_floor)
        s.last_action = action
        scope = self._scope(doc[cs:ce].text, sent.text)
        dating = Dating(sent, c, idx, status, cue_tok, date_mentions, clause_dates, usable,
                        positions, prev_in_sentence, default_date, rel_floor,
                        single_ref=len(actors) == 1 and 0 in refs)
        past = self._past_simple(doc, cs, ce) and rel_floor is None
        made: list[Candidate] = []
        for i, actor in enumerate(actors):
            ref = i in refs
            pdate, dtext, explicit = self._actor_date(dating, actor, ref, made)
            # a defeated measure never ran, so it has no end
            until = self._until(sent, c, pdate) if status != "failed" else None
            # a precedent already acted: "Portland would join San Francisco and Boston in
            # banning it" proposes Portland's ban, not theirs
            own_status = "enacted" if ref and status == "proposed" else status
            cand = self._candidate(sent, char_base, in_title, body_text, actor,
                                   action, own_status, scope, topic, pdate, dtext, explicit, until,
                                   has_topic, idx, ref, past)
            cand.cue_tok, cand.actor_tok = cue_tok, positions.get(actor)
            made.append(cand)
            if background:
                bg_action, bg_dates = background
                bdate, btext, bexplicit = None, None, False
                if bg_dates:
                    m, k = bg_dates[0]
                    bdate = d.resolve(m, s.when, anchor=None, year_hint=self._year_hint(idx))
                    btext, bexplicit = m.text, m.explicit_year
                made.append(self._candidate(sent, char_base, in_title, body_text, actor,
                                            bg_action, "enacted", scope, topic, bdate, btext,
                                            bexplicit, None, has_topic, idx, False, True))
                made[-1].background = True
        s.candidates.extend(made)
        return made

    @staticmethod
    def _act_dates(doc: Doc, c: Clause, cue_tok: int, clause_dates: list,
                   claimed: set[int], rel_floor: int | None) -> tuple[list, list]:
        """The clause's dates that may date its act (not those an older measure claims),
        and its dates without the asides."""
        cs, ce = c.start, c.end
        usable = [(m, k) for m, k in clause_dates if id(m) not in claimed]
        # "Starting today, X is discontinuing FaceTrace, the service we have sold since 2016":
        # how long the product has been sold, told in an aside, does not date the act; nor
        # does a day named in a relative clause after the act
        aside = [(m, k) for m, k in usable if k > cue_tok and (
            (_low(doc, k - 1) == "since" and any(t.text == "," for t in doc[cue_tok:k])) or (
                # "..., which is unaffected by Monday's vote": another act's day
                _low(doc, k + len(m.text.split())) in lx.POSSESSIVE and any(
                    doc[j].text == "," and _low(doc, j + 1) in lx.THAT_WHICH
                    for j in range(cue_tok, k))))]
        if aside:
            usable = [mk for mk in usable if mk not in aside]
            clause_dates = [mk for mk in clause_dates if mk not in aside]
        if rel_floor is not None and cs <= rel_floor < ce:
            # "..., San Francisco, whose supervisors passed one last year, and Somerville and
            # Cambridge, which have also barred it": only the relative clause dates its act
            usable = [(m, k) for m, k in usable if k > rel_floor]
        return usable, clause_dates

    def _candidate(self, sent, char_base, in_title, body_text, actor, action, status, scope,
                   topic, pdate, dtext, explicit, until, has_topic, idx, ref, past) -> Candidate:
        s = self.s
        conf = 0.55 + (0.15 if has_topic else 0) + (0.1 if pdate else 0) - (0.2 if ref else 0)
        if in_title:
            start = end = 0
            evidence = sent.text.strip()
        else:
            start = char_base + sent.start_char
            end = char_base + sent.end_char
            evidence = sent.text.strip()
            if body_text is not None:
                raw = body_text[start:end]
                evidence = raw.strip()
                start += len(raw) - len(raw.lstrip())
                end = start + len(evidence)
        s.order += 1
        return Candidate(actor, action, status, scope, topic, pdate, dtext, explicit, until,
                         evidence, start, end, round(max(0.05, min(0.99, conf)), 3), s.order,
                         idx, in_title, past, ref, sent=sent)

    def _agenda_item(self, sent, c: Clause, char_base, in_title, action, status, cue_tok,
                     date_mentions, has_topic, topic, idx, body_text) -> list[Candidate]:
        """An item of the meeting the article records: "Item 9: Ordinance 24-38, extending
        the city's moratorium ..., passed on third reading, 6-1" is the body's act.  An
        item only moved, or with no outcome yet, is proposed until a later "the motion
        carried" or "the amendment failed" decides it."""
        doc = sent.doc
        moved = any(t.lower_ == "moved" and _low(doc, t.i + 1) == "to"
                    for t in doc[c.start:c.end])
        open_item = moved or status == "proposed" or not self._has_status(c.cues)
        made = self._emit(sent, c, char_base, in_title, self.s.meeting_body, set(), {}, action,
                          "proposed" if open_item else status, cue_tok, date_mentions,
                          has_topic, topic, idx, body_text, None,
                          default_date=self.s.meeting_date)
        if open_item:
            self.s.motions.extend(made)
        return made

    def _fallback_bodies(self, doc: Doc, mentions: list[Mention], cue_tok: int,
                         status: str) -> list[Actor]:
        """No actor around the cue: a council or governor elsewhere in the sentence acts
        ("A proposal to ban ... failed when the Michigan city's council split 3-3"), but
        not one that is the cue's object ("bars city officials from ...")."""
        for m in mentions:
            if m.kind != "body" or m.role not in {"legislature", "executive"} or not m.actors:
                continue
            p1 = _low(doc, m.start - 1)
            j = m.start - 1
            if p1 in lx.THE_A:
                j -= 1
                p1 = _low(doc, j)
            if m.end < cue_tok and any(doc[k].text == ":" for k in range(m.end, cue_tok)) \
                    and doc[m.start].sent == doc[cue_tok].sent:
                return m.actors[:1]  # "Quenneville council, March 6, 2023: face recognition
                # barred from city cameras": the label names who acted
            if m.role == "legislature" and any(
                    k.label_ == "status:enacted" and k.end <= m.start <= k.end + 2 and
                    doc[k.start].lower_ in lx.CLEARED_FORMS
                    for k in doc.spans.get(CUE_KEY, [])):
                return m.actors[:1]  # "A bill to ban it cleared the state Senate on Monday"
            voters = p1 == "of" and _low(doc, j - 1) in lx.VOTE_OF_WORDS
            # ("... died on a 3-4 vote of the parish council": who voted)
            if not voters and (p1 in lx.TARGET_PREV or 0 < m.start - cue_tok <= 3 or
                               p1 in lx.NOT_ACTOR_PREPOSITIONS):
                continue
            if status == "enacted" and not any(
                    c.start - m.end <= 3 and c.start >= m.end
                    for c in doc.spans.get(CUE_KEY, []) if c.label_ == "status:enacted"):
                continue  # only a body that itself enacts: "Gov. Charlie Baker signed"
            return m.actors[:1]
        return []


def _introduces_itself(actor: Actor) -> bool:
    """Whether "<actor> introduced a ban" means it made the ban: a national government or
    parliament outside the US, an agency or a company (a US body introduces bills)."""
    if actor.actor_type in {"agency", "company"}:
        return True
    return actor.level == "country" and actor.country != "US"


def _introduced_measure(doc: Doc, cues: list[Span]) -> bool:
    """Every proposal cue is "introduced" and names the measure itself right after it
    ("introduced a temporary moratorium"), not a bill or a proposal for one."""
    proposed = [k for k in cues if k.label_ == "status:proposed"]
    if not proposed:
        return False
    for k in proposed:
        if doc[k.start].lower_ not in lx.INTRODUCE_FORMS:
            return False
        i = k.end
        while i < len(doc) and i < k.end + 4 and doc[i].lower_ in lx.INTRODUCED_MEASURE_FILLERS:
            i += 1
        if _low(doc, i) not in lx.BAN_NOUNS:
            return False
    return True


def _keep_actors(actors: list[Actor], refs: set[int], keep: Callable[[Actor], bool]
                 ) -> tuple[list[Actor], set[int]]:
    """The actors ``keep`` accepts, with ``refs`` (indexes of references among them)
    renumbered to match."""
    kept = [i for i, a in enumerate(actors) if keep(a)]
    return [actors[i] for i in kept], {kept.index(i) for i in refs if i in kept}


def _named_before_act(r: ClauseRead, mentions: list[Mention], start: int) -> bool:
    """Whether an actor is named from ``start`` up to the clause's act word."""
    return any(m.actors and start <= m.start < r.cue_tok for m in mentions)


def _business_before_act(r: ClauseRead) -> bool:
    """Whether the clause names a company (or a company's body) before its act word."""
    return any(m.kind == "company" or m.role == "company"
               for m in r.c.mentions if r.cs <= m.start < r.cue_tok)


def _subject_within(mentions: list[Mention], lo: int, hi: int) -> list[Actor] | None:
    """The actor of the first acting mention that starts from ``lo`` to ``hi``: the
    subject of a main clause an opening phrase leads into."""
    main = next((m for m in mentions if lo <= m.start <= hi and m.actors
                 and m.kind in {"place", "company", "body", "agency"}), None)
    return main.actors[:1] if main is not None else None


def _measure_named_next(sent: Span) -> bool:
    """A sentence that tells of a measure ("New legislation passed ... prohibits ...")
    followed in its paragraph by one that names it again as "this bill" or "such
    legislation" (``SUCH_THIS``) early on, within its first eight words."""
    doc = sent.doc
    if sent.end >= len(doc) or not any(t.lower_ in lx.MEASURE_NOUNS for t in sent):
        return False
    nxt = doc[sent.end].sent
    words = [t.lower_ for t in nxt][:8]
    return any(a in lx.SUCH_THIS and b in lx.MEASURE_NOUNS
               for a, b in zip(words, words[1:], strict=False))


def _refers_back_to_topic(sent: Span) -> bool:
    """"a ban on such technology", "banned this technology", "passed a similar bill": a
    story that has named its topic refers back to it, however many sentences later ("the
    technology" alone may be any other the story describes, so only "such" and "this"
    count; a measure only when it is like another)."""
    words = [t.lower_ for t in sent]
    return any(a in lx.SUCH_THIS and b in lx.TECH_NOUNS_SINGULAR
               for a, b in zip(words, words[1:], strict=False)) or \
        any(likens_measure(sent.doc, t.i) for t in sent)


def _partial_quote(r: ClauseRead) -> bool:
    """"Milwaukee police will “voluntarily issue a moratorium on the use of ...”", "the RCMP
    said it will keep using it, but only “in very limited ... circumstances”": a phrase
    quoted inside the reporter's own sentence, right after its auxiliary or a word that
    narrows it, with no "we" or "our" of a speaker's own; the sentence's actor is the
    reporter's subject (but "wrote that it differs by “[eliminating] the ... warrant
    system”" quotes a claim)."""
    doc, quote = r.doc, r.at.quote
    start = r.cue_tok
    while start - 1 in quote:
        start -= 1  # (the opening mark is the quote's first token)
    if start <= r.at.sent.start or any(doc[i].lower_ in lx.FIRST_PERSON for i in quote):
        return False
    return doc[start - 1].lower_ in lx.QUOTED_VERB_AFTER | lx.QUOTED_PHRASE_AFTER

