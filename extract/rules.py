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
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span

from . import dates as d
from . import lexicon as lx
from .components import CUE_KEY, NER_KEY, TOPIC_KEY
from .gazetteer import Gazetteer, Place
from .places import (
    PlaceContext,
    Resolution,
    following_qualifier,
    preceding_qualifiers,
    region_from_context,
    resolve,
)

BAN_NOUNS = {"ban", "bans", "moratorium", "moratoriums", "moratoria", "prohibition", "pause",
             "freeze", "suspension"}
MORATORIUM_NOUNS = {"moratorium", "moratoriums", "moratoria", "pause", "freeze", "suspension"}
BACKGROUND_VERBS = {"adopted", "passed", "approved", "imposed", "enacted", "announced",
                    "instituted", "first", "put", "signed", "voted", "placed", "declared",
                    "began", "started", "introduced", "issued", "ordered"}
SETTLEMENT = {"city", "town", "village", "county", "borough", "township", "community"}
#: a town below this size needs more than its bare name to count: a line opening with
#: "Sunset:" is a field's label, and "Wheeler" in a story quoting Mayor Ted Wheeler is him
SMALL_TOWN_POPULATION = 100_000


@dataclass(frozen=True)
class Actor:
    name: str
    actor_type: str  # company | jurisdiction | agency
    level: str | None
    country: str | None
    region: str | None


@dataclass
class Mention:
    start: int
    end: int
    kind: str  # place | company | body | agency | publisher | advocate
    ent_id: str
    actors: list[Actor] = field(default_factory=list)
    owned: bool = False  # a qualifier or part of something else, never an actor itself
    role: str = ""  # for bodies: legislature | executive | jurisdiction | police | agency
    level: str = ""  # for bodies: city | county | state | country | any
    landmark: bool = False  # "just north of Boston": neither actor nor context
    qualifiers: set[int] = field(default_factory=set)  # tokens of ", Vt." that qualify it
    noted: bool = False  # already counted in the article's place context


@dataclass
class Candidate:
    """One event mention, before mentions of the same event are merged."""

    actor: Actor
    action: str
    status: str
    scope: str | None
    topic: str
    date: d.PartialDate | None
    date_text: str | None
    date_explicit: bool
    until: str | None
    evidence: str
    start: int
    end: int
    confidence: float
    order: int
    sentence: int
    in_title: bool = False
    past_simple: bool = False
    reference: bool = False
    background: bool = False  # the older measure an act changes ("lift the ban it passed in 2020")
    confirmed: bool = False  # a headline's event the body then tells of again


@dataclass
class Pending:
    """An enactment reported without saying what it does ("The EU approved the AI Act")."""

    actors: list[Actor]
    status: str
    date: d.PartialDate | None
    date_text: str | None
    sentence: int


@dataclass
class ArticleState:
    """What the rules remember while reading one article."""

    gaz: Gazetteer
    ctx: PlaceContext
    base: date | None
    topics: list[str]
    default_topic: str
    candidates: list[Candidate] = field(default_factory=list)
    salient: dict[str, Actor] = field(default_factory=dict)  # level / "company" → last actor
    pending: Pending | None = None
    pending_log: list[Pending] = field(default_factory=list)  # every enactment so reported
    last_action: str | None = None
    last_date: d.PartialDate | None = None
    last_date_sentence: int = -99
    last_topic_sentence: int = -99
    #: indices of the article's sentences that name a topic, known before reading:
    #: "The law outlaws scraping face databases ... Police may use real-time face
    #: identification only ..." is on topic before the topic's name comes
    topic_sentences: set[int] = field(default_factory=set)
    #: (sentence, date) of an act dated again in that sentence ("IBM's letter came on June 8")
    restated: tuple[int, d.PartialDate] | None = None
    #: names shown to be companies earlier in the article ("Cinderpoint, the ... maker")
    companies: set[str] = field(default_factory=set)
    #: (date, text, sentence) of a past date in a sentence that yielded no event: "It was
    #: past eleven on Tuesday when the council reached the item" sets the scene
    scene_date: tuple[d.PartialDate, str, int] | None = None
    sentence_index: int = 0
    order: int = 0
    topical_title: bool = False  # the headline names the topic: the whole article is about it
    measure_title: bool = False  # the headline names a bill or act ("Bill tracker: AB 1215")
    dateline_actor: Actor | None = None  # a town a dateline names that the gazetteer lacks
    title_action: str | None = None  # the action a topical headline names
    # the body whose meeting the article records ("Quarlesby City Council, regular
    # meeting of April 6, 2021 — draft minutes"): the actor of its agenda items
    meeting_body: list[Actor] = field(default_factory=list)
    towns: dict[str, list[str]] = field(default_factory=dict)  # unknown town → its states
    surnames: set[str] = field(default_factory=set)  # "Mayor Ted Wheeler": people's names
    # the company writing the page ("Gildermoor Security fourth-quarter letter to
    # shareholders", "Ossory Labs release notes"): the "we" of its text
    author_company: Actor | None = None
    lead_in: int = -99  # the last topic sentence without any cue ("We are also changing ...")
    last_body: tuple[Actor, int] | None = None  # the last legislature named, and where
    author_date: tuple[d.PartialDate | None, str | None, bool] | None = None
    motions: list[Candidate] = field(default_factory=list)  # items awaiting their outcome
    meeting_date: tuple[d.PartialDate | None, str | None, bool] | None = None


@dataclass
class Clause:
    start: int
    end: int
    cues: list[Span]
    mentions: list[Mention]
    hard_start: bool  # begins after ";" ":" or a dash rather than ", and"


def _place_actor(place: Place) -> Actor:
    return Actor(place.name, "jurisdiction", place.level, place.country, place.region)


def _inside_span(span: Span, others: list[Span], label: str, strict: bool = True) -> Span | None:
    for o in others:
        if o.label_ != label or not (o.start <= span.start and span.end <= o.end):
            continue
        if not strict or (o.end - o.start) > (span.end - span.start):
            return o
    return None


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


def _capital_of(city: Actor) -> Actor | None:
    """The state whose capital ``city`` is ("Olympia" → Washington), else None."""
    if city.country != "US" or not city.region:
        return None
    import us

    state = us.states.lookup(city.region)
    if state is None or state.capital != city.name:
        return None
    return Actor(state.name, "jurisdiction", "state", "US", city.region)


def _measured_back(m: d.DateMention) -> d.DateMention:
    """"two days after" read as "two days before": the interval counted back from the
    later act ("came two days after IBM said", "a month after San Francisco did")."""
    return d.DateMention(m.start, m.end, m.text.rsplit(" ", 1)[0] + " before", m.kind,
                         m.groups, m.role)


def _low(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


class SentenceRules:
    """Apply the rules to the sentences of one article, in reading order."""

    def __init__(self, state: ArticleState) -> None:
        self.s = state
        self._single_ref = False
        self._sentence_dates: list[tuple[d.DateMention, int]] = []
        #: where the relative clause starts whose antecedents ``_actors`` last returned
        self._rel_floor: int | None = None

    # ================================================================== mentions
    def mentions(self, sent: Span, char_base: int) -> list[Mention]:
        """Places, companies, bodies and agencies of a sentence, bodies tied to places."""
        doc = sent.doc
        ner = [e for e in doc.spans[NER_KEY] if e.start >= sent.start and e.end <= sent.end] \
            if NER_KEY in doc.spans else []
        out: list[Mention] = []
        qualifier_tokens: set[int] = set()
        for ent in sent.ents:
            eid = ent.ent_id_
            if eid.startswith("place:") or (not eid and ent.label_ == "GPE"):
                m = self._place_mention(ent, eid, ner, out, char_base, qualifier_tokens)
                if m is not None:
                    out.append(m)
                    if not m.landmark:  # "Boston ..., and Springfield": the next name in
                        for a in m.actors:  # the sentence already leans to Massachusetts
                            self.s.ctx.note(Place("", a.name, a.level or "", a.country,
                                                  a.region, 0))
                        m.noted = True
            elif eid.startswith("company:"):
                name = eid.split(":", 1)[1]
                out.append(Mention(ent.start, ent.end, "company", eid,
                                   [Actor(name, "company", None, None, None)]))
            elif eid.startswith(("publisher:", "advocate:")):
                out.append(Mention(ent.start, ent.end, eid.split(":", 1)[0], eid))
            elif eid.startswith("agency:"):
                name, country, region, level = (eid.split(":", 1)[1].split("|") + ["", "", ""])[:4]
                out.append(Mention(ent.start, ent.end, "agency", eid,
                                   [Actor(name, "agency", level or None, country or None,
                                          region or None)]))
            elif eid.startswith("body:"):
                _, role, level = (eid.split(":") + ["", ""])[:3]
                out.append(Mention(ent.start, ent.end, "body", eid, role=role, level=level))
        out += self._unknown_companies(sent, out, self.s.companies)
        author = self.s.author_company
        if author is not None:
            first = author.name.split()[0]
            for m in out:  # "the Ossory Vision platform" in Ossory Labs' release notes
                if m.kind == "company" and m.actors and m.actors[0] != author and \
                        m.actors[0].name.split()[0] == first:
                    m.actors = [author]
        out += self._dateline_town(sent, out)
        out = [m for m in out
               if not (m.kind == "place" and set(range(m.start, m.end)) & qualifier_tokens)]
        out = self._unknown_places(sent, out, char_base)
        out = [self._capital_city(sent, m) for m in out]
        out.sort(key=lambda m: m.start)
        self._attach_bodies(out, sent, char_base)
        dash = self._dateline_end(sent)
        for m in out:
            if m.start < dash:
                m.owned = True  # "ROME — Italy has halted ...": the dateline only says where
        return out

    @staticmethod
    def _capital_city(sent: Span, m: Mention) -> Mention:
        """"Wisconsin's capital on Tuesday became the latest city to ...": the state's
        capital city acts (but "Jackson, the Mississippi capital," only describes Jackson)."""
        doc = sent.doc
        if m.kind != "place" or len(m.actors) != 1 or m.actors[0].level != "state" or \
                m.actors[0].country != "US":
            return m
        j = m.end + 1 if _low(doc, m.end) in {"'s", "’s"} else m.end
        if _low(doc, j) != "capital" or j >= sent.end:
            return m
        if _low(doc, m.start - 1) == "the" and _low(doc, m.start - 2) in {",", "in", "of"}:
            return m  # an appositive or a landmark, not the subject
        import us

        state = us.states.lookup(m.actors[0].region or "")
        if state is None or not state.capital:
            return m
        city = Actor(state.capital, "jurisdiction", "city", "US", m.actors[0].region)
        return Mention(m.start, j + 1, "place", f"place:{state.capital.lower()}", [city])

    def _dateline_town(self, sent: Span, found: list[Mention]) -> list[Mention]:
        """"CORRIGAN SPRINGS, Nev. — ... Corrigan Springs has partly reversed course": a
        town the gazetteer lacks is still known by name once the dateline has named it."""
        actor = self.s.dateline_actor
        if actor is None:
            return []
        words = actor.name.split()
        doc = sent.doc
        taken = {i for m in found for i in range(m.start, m.end)}
        out = []
        for t in sent:
            end = t.i + len(words)
            if end <= sent.end and [x.text for x in doc[t.i:end]] == words and \
                    not taken & set(range(t.i, end)):
                out.append(Mention(t.i, end, "place", "", [actor]))
                taken |= set(range(t.i, end))
        return out

    @staticmethod
    def _dateline_end(sent: Span) -> int:
        """Token index after a dateline ("SPRINGFIELD, Mass. —") opening the sentence, or
        the sentence start when it has none."""
        doc = sent.doc
        if not doc[sent.start].is_upper or len(doc[sent.start].text) < 3:
            return sent.start
        for t in doc[sent.start:min(sent.end, sent.start + 10)]:
            if t.text in {"—", "–", "--"}:
                return t.i + 1
        return sent.start

    @staticmethod
    def _unknown_companies(sent: Span, found: list[Mention], known: set[str]) -> list[Mention]:
        """Organisations the company list lacks ("Brightline Vision will no longer sell
        ..., the company said"): an ORG entity counts as a company only when the sentence
        speaks of a company or its products, so that groups and newspapers do not act.
        A name once shown to be a company (``known``, filled here) stays one for the rest
        of the article, and "Cinderpoint, the Austin-based maker of ..." is one whatever
        the NER made of it."""
        words = {t.lower_ for t in sent} | set(re.findall(r"[a-z]+-[a-z]+", sent.text.lower()))
        corporate_sentence = bool(words & lx.COMPANY_WORDS)
        taken = {i for m in found for i in range(m.start, m.end)}
        spans = list(sent.ents) + SentenceRules._appositive_companies(sent) + \
            SentenceRules._company_said(sent)
        spans += SentenceRules._known_names(sent, known)
        out: list[Mention] = []

        def add(ent: Span, name: str) -> None:
            taken.update(range(ent.start, ent.end))
            known.add(name)
            out.append(Mention(ent.start, ent.end, "company", f"company:{name}",
                               [Actor(name, "company", None, None, None)]))

        for ent in spans:
            if taken & set(range(ent.start, ent.end)):
                continue
            name = re.sub(r"^the\s+", "", ent.text, flags=re.I)
            if ent.label_ == "COMPANY" or name in known:
                add(ent, name)
                continue
            corporate = ent[-1].text in lx.CORPORATE_SUFFIXES and len(ent) > 1
            if not corporate_sentence and not (
                    corporate and ent.label_ in {"ORG", "PERSON", "GPE"}):
                continue  # "Zorva Labs said ...": its suffix says what the sentence does not
            if not (ent.label_ == "ORG" or (corporate and ent.label_ in {"PERSON", "GPE"})) \
                    or ent.ent_id_:
                continue  # NER calls "Brisanta Labs" a person; its suffix says otherwise
            # ("Tessarine AI": the suffix itself is no reason to doubt the name)
            toks = {t.lower_ for t in (ent[:-1] if corporate else ent)}
            if toks & (lx.INSTITUTION_WORDS | lx.NOT_COMPANY_WORDS) or not ent.text[:1].isupper():
                continue
            if not corporate and _low(sent.doc, ent.start - 1) in lx.PERSON_TITLES:
                continue  # "filed by councilors Ricardo Arroyo": a person
            if any(c.start == ent.start and c.label_.startswith("action:")
                   for c in sent.doc.spans.get(CUE_KEY, [])):
                continue  # "a Limited Access application": a program's name
            add(ent, name)
        return out

    @staticmethod
    def _appositive_companies(sent: Span) -> list[Span]:
        """"Cinderpoint, the Austin-based maker of store cameras, said ...": a capitalised
        name at the start of the sentence set off by an appositive that calls it a company."""
        doc = sent.doc
        j = SentenceRules._name_run(sent, sent.start, suffixes=True)  # "Quorvel AI, a ..."
        if j == sent.start or j - sent.start > 3 or _low(doc, j) != "," or \
                _low(doc, j + 1) not in {"the", "a", "an"}:
            return []
        head = next((t for t in doc[j + 2:min(sent.end, j + 9)] if t.text in {",", "of"}), None)
        last = doc[head.i - 1] if head is not None else None
        if last is None or last.lower_ not in lx.COMPANY_NOUNS | {"maker", "makers"}:
            return []
        return [Span(doc, sent.start, j, label="COMPANY")]

    @staticmethod
    def _name_run(sent: Span, start: int, suffixes: bool) -> int:
        """Where the run of capitalised words from ``start`` ends (a company's name opening
        a sentence); with ``suffixes``, "AI" or "LLC" after the first word belongs to it."""
        doc = sent.doc
        j = start
        while j < sent.end and (doc[j].is_title or (
                suffixes and j > start and doc[j].text in lx.CORPORATE_SUFFIXES)) and \
                doc[j].is_alpha and doc[j].lower_ not in lx.NOT_PLACE_WORDS:
            j += 1
        return j

    @staticmethod
    def _company_said(sent: Span) -> list[Span]:
        """"Clearwake will strip face search from its cameras ..., the company said today":
        the capitalised name that opens a sentence the company is said to have spoken."""
        doc = sent.doc
        if not re.search(r",\s+the (company|firm|startup|maker) (said|says|announced|confirmed)",
                         sent.text):
            return []
        start = max(sent.start, SentenceRules._dateline_end(sent))  # "SEATTLE, March 4 —"
        j = SentenceRules._name_run(sent, start, suffixes=False)
        if j == start or j - start > 3 or doc[j].is_punct:
            return []
        return [Span(doc, start, j, label="COMPANY")]

    @staticmethod
    def _known_names(sent: Span, known: set[str]) -> list[Span]:
        """Later mentions of a name already shown to be a company in this article."""
        if not known:
            return []
        doc = sent.doc
        out = []
        for name in known:
            words = name.split()
            for t in sent:
                if t.text == words[0] and doc[t.i:t.i + len(words)].text == name:
                    out.append(Span(doc, t.i, t.i + len(words), label="COMPANY"))
        return out

    def _place_mention(self, ent: Span, eid: str, ner: list[Span], previous: list[Mention],
                       char_base: int, qualifier_tokens: set[int]) -> Mention | None:
        doc = ent.doc
        s = self.s
        if _inside_span(ent, ner, "PERSON"):
            return None  # "George Washington"
        if _low(doc, ent.start - 1) in {"-", "–"} and ent.start >= 2 and \
                doc[ent.start - 2].is_title:
            return None  # "Nadia Ferreira-Holt": half of a double surname
        prev_tok = doc[ent.start - 1] if ent.start > ent.sent.start else None
        if prev_tok is not None and prev_tok.is_title and prev_tok.is_alpha and \
                prev_tok.lower_ not in lx.NOT_PLACE_WORDS and not prev_tok.ent_type_ and \
                prev_tok.i > ent.sent.start:
            return None  # "Marcus Bell", "Councilor Jackson"
        if _low(doc, ent.end) in {"said", "says", "told", "wrote"} and \
                _inside_span(ent, ner, "PERSON", strict=False):
            return None
        org = _inside_span(ent, ner, "ORG") or _inside_span(ent, ner, "FAC")
        if org is not None and any(t.lower_ in lx.INSTITUTION_WORDS for t in org
                                   if t.i >= ent.end or t.i < ent.start):
            return None  # "Portland State University", "the Portland Timbers"
        nxt, nxt2 = _low(doc, ent.end), _low(doc, ent.end + 1)
        company = s.salient.get("company")
        if company is not None and _low(doc, ent.start - 1) == "the" and (
                nxt in lx.COMPANY_NOUNS or (nxt in {"-based", "based"} and nxt2 in
                                            lx.COMPANY_NOUNS) or (nxt == "-" and nxt2 == "based"
                                                                  and _low(doc, ent.end + 2)
                                                                  in lx.COMPANY_NOUNS)):
            # "The Redmond company is also putting ...": the company, described by its town
            end = ent.end + (1 if nxt in lx.COMPANY_NOUNS else 2 if nxt != "-" else 3)
            return Mention(ent.start - 1, min(end, ent.sent.end), "company", "", [company])
        if nxt in {"-based", "based", "-area"} or (nxt == "-" and nxt2 in {"based", "area"}):
            return None
        if _low(doc, ent.start - 1) in {"its", "their", "our"} and nxt in lx.PRODUCT_NOUNS:
            return None  # "strip face search from its Aurora line of shop cameras": a product
        nxt_tok = doc[ent.end] if ent.end < ent.sent.end else None
        if nxt_tok is not None and nxt_tok.is_title and nxt_tok.is_alpha and \
                not nxt_tok.ent_type_ and nxt_tok.lower_ not in lx.NOT_PLACE_WORDS:
            return None  # "Hampton Roads", "Portland Timbers"
        if nxt in lx.INSTITUTION_WORDS and nxt not in {"state", "public", "law"} and \
                doc[ent.end].text[:1].isupper():
            return None
        if _low(doc, ent.start - 1) == "of" and self._of_owner(doc, ent.start - 2, previous):
            return None  # "the ACLU of Washington", "Phil Ting of San Francisco"
        if eid:
            res = resolve(ent, s.gaz, s.ctx, char_base + ent.start_char,
                          (char_base + ent.sent.start_char, char_base + ent.sent.end_char))
        else:
            res = self._unknown_resolution(ent, char_base)
        if not res.places:
            return None
        if eid and not res.qualifier_tokens and ent.text in s.surnames and all(
                p.population < SMALL_TOWN_POPULATION for p in res.places):
            return None  # "Wheeler's council" over a story quoting Mayor Ted Wheeler
        if eid and nxt == ":" and ent.start == ent.sent.start and not res.qualifier_tokens \
                and self._stray_label(res.places):
            return None  # a bill tracker's "Sunset: The prohibition is repealed on ...": a
            # field's name, not the town of Sunset, Florida
        qualifier_tokens |= res.qualifier_tokens
        if ent.text == "Washington" and not res.qualifier_tokens and \
                _low(doc, ent.start - 1) in {"in", "from"} and \
                {t.lower_ for t in ent.sent} & lx.FEDERAL_WORDS:
            # "A day later in Washington, Senators Markey and Merkley introduced ... which
            # would bar federal agencies": the capital, standing for the federal government
            return Mention(ent.start, ent.end, "place", eid, [
                Actor("United States", "jurisdiction", "country", "US", None)])
        places = res.places
        code = s.gaz.state_code(ent.text)
        if code and nxt in {"city", "town", "village", "suburb", "community", "cities", "towns",
                            "county", "counties"} and code in s.gaz.states:
            # "the upstate New York city": the state saying which city, not New York City
            places = [s.gaz.states[code]]
        m = Mention(ent.start, ent.end, "place", eid, [_place_actor(p) for p in places])
        m.qualifiers = set(res.qualifier_tokens)
        after = nxt2 if nxt in {"'s", "’s"} else nxt
        p1, p2 = _low(doc, ent.start - 1), _low(doc, ent.start - 2)
        if p1 in {"near", "outside", "beyond"} or (p1 == "of" and p2 in lx.DIRECTIONS) or (
                p1 == "the" and p2 == "of" and _low(doc, ent.start - 3) in {
                    "side", "sides", "bank", "banks", "shore", "shores", "mouth"}):
            m.owned = m.landmark = True  # ("on both sides of the Pearl": a river)
        if after in lx.OWNED_NEXT:
            m.owned = True  # "Two Massachusetts cities", "the Michigan city", "Boston police"
        m.owned = m.owned or self._qualifying(ent)
        if p1 == "in" and p2 == "," and nxt == "," and m.actors and \
                all(a.level == "state" for a in m.actors) and ent.start >= 3 and \
                doc[ent.start - 3].is_alpha:
            m.owned = True  # "the Westvale police, in Massachusetts, ...": where, not who
        return m

    def _stray_label(self, places: list[Place]) -> bool:
        """A small town the article gives no other reason to expect: neither its state nor
        its name comes up elsewhere ("Minneapolis:" opening a digest's item is a city)."""
        states = {code for _, code in self.s.ctx.state_mentions}
        return all(p.level == "city" and p.population < SMALL_TOWN_POPULATION and
                   p.region not in states for p in places)

    @staticmethod
    def _qualifying(span: Span) -> bool:
        """The place only says which city or whose officers: "Colorado's third-largest
        city", "Officers in Tobery Crossing will need a warrant"."""
        doc = span.doc
        if _low(doc, span.end) in {"'s", "’s"} and any(
                t.lower_ in {"largest", "biggest", "second", "third"}
                for t in doc[span.end + 1:span.end + 4]):
            return True
        return _low(doc, span.start - 1) == "in" and span.start - 2 == span.sent.start and \
            _low(doc, span.start - 2) in {"officers", "police", "deputies", "detectives"}

    def _of_owner(self, doc: Doc, i: int, previous: list[Mention]) -> bool:
        if i < 0:
            return False
        for m in previous:
            if m.start <= i < m.end and m.kind in {"advocate", "publisher"}:
                return True
        ner = doc.spans.get(NER_KEY, [])
        return any(e.start <= i < e.end and e.label_ in {"PERSON", "ORG", "NORP"} for e in ner)

    def _unknown_resolution(self, ent: Span, char_base: int) -> Resolution:
        """A town the gazetteer lacks: state from a qualifier or, failing that, context."""
        qual = following_qualifier(ent, self.s.gaz)
        if qual:
            codes, used = [qual[0]], qual[1]
        else:
            codes, used = preceding_qualifiers(ent, self.s.gaz)
        if not re.fullmatch(r"[A-Z][A-Za-z.'’ -]+", ent.text):
            return Resolution([], set(), False)
        name = ent.text.title() if ent.text.isupper() else ent.text
        if codes:
            self.s.towns.setdefault(name, list(codes))
        elif name in self.s.towns:
            # "Voters in Corlett Bay, Washington, approved ... In Arizona, ... The Corlett Bay
            # ban takes effect ...": the town's state as first written, not the nearest
            codes = self.s.towns[name]
        if not codes and ent.label_ == "GPE" and ent.ent_id_ == "":
            return Resolution([], set(), False)  # NER's guess alone is not enough
        if not codes:
            region = region_from_context(char_base + ent.start_char, self.s.ctx)
            if region is None:
                return Resolution([], set(), False)
            codes = [region]
        level = "county" if re.search(r"\b(County|Parish)$", ent.text, re.I) else "city"
        # (a dateline's capitals, "CORRIGAN SPRINGS, Nev. —", are not the town's name)
        places = [Place(f"US-{c}/{level}/{name}", name, level, "US", c, 0) for c in codes]
        return Resolution(places, used, bool(qual))

    def _unknown_places(self, sent: Span, mentions: list[Mention], char_base: int
                        ) -> list[Mention]:
        """Names of towns the gazetteer lacks (invented or small), found by position.

        "Calder Springs City Council", "Ashford Mills Mayor", "the Hollis Creek Police
        Department", "Dunmore County commissioners", "the towns of Greyford",
        "Marrowfield police".  NER is not trusted here: it calls such names people.
        """
        doc = sent.doc
        taken = {i for m in mentions if m.kind != "place" for i in range(m.start, m.end)}
        anchors: list[tuple[int, str | None]] = []  # (token index where the name ends, level)
        for m in mentions:
            if m.kind == "body" and m.role in {"legislature", "executive", "police", "agency",
                                               "member"} \
                    and m.level in {"city", "county", "any"}:
                end = m.start
                if _low(doc, end - 1) in {"'s", "’s"}:
                    end -= 1
                if end > sent.start and doc[end - 1].text == ")":
                    # "the Fetherston (N.J.) Town Council": the state in brackets
                    op = next((j for j in range(end - 2, max(sent.start, end - 5) - 1, -1)
                               if doc[j].text == "("), None)
                    if op is not None and self.s.gaz.state_code(doc[op + 1:end - 1].text):
                        end = op
                level = "county" if doc[m.start].text == "County" else None
                anchors.append((end, level))
        for t in sent:
            if t.lower_ == "police" and t.i > sent.start and doc[t.i - 1].is_title:
                anchors.append((t.i, None))
        for t in sent:  # "Brimhollow and Pembrose, neighbouring boroughs in Pennsylvania"
            if t.text != "," or t.i == sent.start:
                continue
            noun = next((w.i for w in doc[t.i + 1:min(sent.end, t.i + 4)]
                         if w.lower_ in lx.SETTLEMENT_NOUNS), None)
            if noun is not None and \
                    self._name_token(doc[t.i - 1]) and t.i - 1 not in taken and \
                    not any(m.start <= t.i - 1 < m.end for m in mentions) and \
                    not self.s.gaz.state_code(doc[t.i - 1].text) and \
                    not any(w.lower_.endswith("ed") or w.lower_ in {"the", "its", "their"}
                            for w in doc[t.i + 1:noun]):
                anchors.append((t.i, None))
                j = t.i - 1
                while j > sent.start and self._name_token(doc[j - 1]):
                    j -= 1
                if _low(doc, j - 1) == "and" and j - 2 >= sent.start and \
                        self._name_token(doc[j - 2]) and j - 2 not in taken:
                    anchors.append((j - 1, None))
        for t in sent:  # "towns that share the name Rookwell", "a village called Esker"
            if t.lower_ in {"name", "called", "named"} and _low(doc, t.i - 1) != "was" and any(
                    w.lower_ in lx.SETTLEMENT_NOUNS for w in doc[max(sent.start, t.i - 6):t.i]):
                end = t.i + 1
                while end < sent.end and self._name_token(doc[end]) and end - t.i <= 3:
                    end += 1
                if end > t.i + 1 and t.i + 1 not in taken:
                    anchors.append((end, "city"))
        for t in sent:  # "Ockham Ridge's one-year moratorium": a town by the shape of its name
            if t.text in lx.TOWN_SUFFIXES and t.i > sent.start and \
                    self._name_token(doc[t.i - 1]) and t.i not in taken and \
                    (t.i + 1 >= sent.end or not doc[t.i + 1].is_title):
                anchors.append((t.i + 1, None))
        for t in sent:  # "Port Calder's council": a town by the first word of its name
            if t.text in lx.TOWN_PREFIXES and t.i + 1 < sent.end and \
                    self._name_token(doc[t.i + 1]) and t.i not in taken and \
                    t.i + 1 not in taken and \
                    (t.i + 2 >= sent.end or not doc[t.i + 2].is_title):
                anchors.append((t.i + 2, None))
        for t in sent:  # "Vossburg's ban on police facial recognition", "Brackenbury City Hall"
            if t.i <= sent.start or t.i - 1 in taken or not self._name_token(doc[t.i - 1]) or \
                    any(m.start <= t.i - 1 < m.end for m in mentions) or \
                    doc[t.i - 1].i == sent.start and not doc[t.i - 1].is_title:
                continue
            owns_ban = t.text in {"'s", "’s"} and any(
                w.lower_ in BAN_NOUNS for w in doc[t.i + 1:min(sent.end, t.i + 4)])
            hall = t.text in {"City", "Town"} and _low(doc, t.i + 1) == "hall"
            if (owns_ban or hall) and not self.s.gaz.state_code(doc[t.i - 1].text) and \
                    doc[t.i - 1].lower_ not in lx.NOT_PLACE_WORDS:
                anchors.append((t.i, "city"))
        for t in sent:  # "Town meeting voters in Morvennick on Saturday defeated ..."
            if t.lower_ == "in" and _low(doc, t.i - 1) in lx.RESIDENT_NOUNS and \
                    t.i + 1 < sent.end and self._name_token(doc[t.i + 1]) and \
                    t.i + 1 not in taken and \
                    not any(m.start <= t.i + 1 < m.end for m in mentions):
                end = t.i + 1
                while end < sent.end and self._name_token(doc[end]) and end - t.i <= 3:
                    end += 1
                if end == sent.end or not doc[end].is_title:
                    anchors.append((end, "city"))
        for t in sent:  # "Vellacourt County's three commissioners": a county by its name
            if t.text in {"County", "Parish"} and t.i > sent.start and \
                    self._name_token(doc[t.i - 1]) and t.i - 1 not in taken:
                anchors.append((t.i + 1, "county"))
        for t in sent:  # "Larkspur Falls, Vt., voted": a name with a state qualifier
            if t.text == "," and t.i > sent.start and self._name_token(doc[t.i - 1]) and \
                    t.i - 1 not in taken and following_qualifier(doc[t.i - 1:t.i], self.s.gaz):
                anchors.append((t.i, None))
        found: list[Mention] = []
        for end, level in anchors:
            suffix = ""
            if end - 1 >= sent.start and doc[end - 1].text in {"County", "Parish"}:
                end -= 1  # "the Brantmoor County Sheriff's Office"
                suffix, level = " " + doc[end].text, "county"
            start = end
            while start - 1 >= sent.start and self._name_token(doc[start - 1]) and \
                    start - 1 not in taken and end - start < 4:
                start -= 1
            if start == end:
                continue
            if not suffix and end < sent.end and doc[end].text in {"County", "Parish"}:
                suffix = " " + doc[end].text  # "Dunmore County commissioners"
                level = "county"
            found.append(self._unknown_mention(doc[start:end], level, char_base, suffix))
        for t in sent:  # "the Ohio and Indiana towns of Greyford"
            if t.lower_ == "of" and _low(doc, t.i - 1) in {"towns", "cities", "villages", "town",
                                                          "city", "village", "suburb",
                                                          "halves", "sides"}:
                start = end = t.i + 1
                while end < sent.end and self._name_token(doc[end]) and end - start < 3:
                    end += 1
                if end > start and start not in taken:
                    found.append(self._unknown_mention(doc[start:end], "city", char_base))
        out = list(mentions)
        for m in found:
            if m is None:
                continue
            overlap = [o for o in out if o.start < m.end and m.start < o.end]
            if any(o.kind == "place" and (o.start, o.end) == (m.start, m.end) for o in overlap):
                continue  # a known place after all
            if any(o.kind != "place" for o in overlap):
                continue
            if any(o.start < m.start or o.end > m.end for o in overlap):
                continue
            out = [o for o in out if o not in overlap] + [m]
            for o in out:
                if o is not m and o.kind == "place" and set(range(o.start, o.end)) & m.qualifiers:
                    o.owned = True  # "Brackenridge Mills, N.H.": the state only qualifies
            for o in out:  # "the Ohio and Indiana towns of": the states only qualify
                if o.kind == "place" and o is not m and o.actors and \
                        o.actors[0].level == "state" and m.start - 8 <= o.start < m.start and \
                        any(a.region == o.actors[0].region for a in m.actors) and \
                        _low(sent.doc, m.start - 1) in {"of", "name", "called", "named"}:
                    o.owned = True
        return out

    @staticmethod
    def _name_token(tok) -> bool:
        return (tok.is_title or tok.text in {"St.", "Ft.", "Mt."}) and \
            tok.lower_ not in lx.NOT_PLACE_WORDS and (tok.is_alpha or tok.text.endswith("."))

    def _unknown_mention(self, span: Span, level: str | None, char_base: int,
                         suffix: str = "") -> Mention | None:
        s = self.s
        if span.text in s.surnames:
            return None  # "Wheeler's council" over a story quoting Mayor Ted Wheeler
        known = s.gaz.candidates(span.text + suffix)
        if known:
            res = resolve(span, s.gaz, s.ctx, char_base + span.start_char,
                          (char_base + span.sent.start_char, char_base + span.sent.end_char))
        else:
            res = self._unknown_resolution(span, char_base)
        if not res.places:
            return None
        places = res.places
        if level == "county" and not known:
            places = [replace(p, level="county", name=p.name + suffix) for p in places]
        m = Mention(span.start, span.end, "place", "", [_place_actor(p) for p in places])
        m.qualifiers = set(res.qualifier_tokens)
        # the word after the name: after "County" when the suffix is part of the name
        nxt = _low(span.doc, span.end + (1 if suffix and _low(span.doc, span.end) ==
                                          suffix.strip().lower() else 0))
        if nxt in lx.OWNED_NEXT or self._qualifying(span):
            m.owned = True
        return m

    def _attach_bodies(self, mentions: list[Mention], sent: Span, char_base: int) -> None:
        """Give each government body the jurisdiction it belongs to."""
        doc = sent.doc
        places = [m for m in mentions if m.kind == "place"]
        for b in mentions:
            if b.kind != "body":
                continue
            if b.role == "company":
                comp = self._previous_company(mentions, b)
                if comp:
                    b.actors = [comp]
                continue
            owner: Actor | None = None
            comp = next((m for m in mentions if m.kind == "company" and (
                m.end == b.start or (m.end == b.start - 1 and _low(doc, m.end) in {"'s", "’s"}))),
                None)
            if comp is not None and b.role in {"executive", "agency", "legislature"}:
                b.actors = comp.actors[:1]  # "Microsoft President Brad Smith": its officer
                continue
            for p in places:  # "Boston City Council", "Maine's Legislature"
                gap = [t.lower_ for t in doc[p.end:b.start]]
                if p.end <= b.start and len(gap) <= 4 and all(
                        g in {"'s", "’s", ",", "the", "state", "'", "’"} | SETTLEMENT
                        or self.s.gaz.state_code(g) for g in gap):
                    owner_actor = p.actors[0]
                    p.owned = True
                    if owner_actor.level == "state" and b.role == "police" and \
                            "state" not in doc[b.start:b.end].text.lower():
                        # "Iowa sheriff", "Ohio police": a sheriff serves a county and a
                        # police department a town; the state only says where they are
                        owner = self._salient_city(places, b, owner_actor.region)
                        continue
                    local = b.level in {"city", "county"} or (
                        b.role == "agency" and "state" not in doc[b.start:b.end].text.lower())
                    if owner_actor.level == "state" and b.level != "state" and (
                            set(gap) & SETTLEMENT or doc[b.start].lower_ in SETTLEMENT or (
                                local and "," in gap) or (
                                b.level == "city" and not gap
                                and _low(doc, p.start - 1) == "the")):  # "The Missouri council"
                        # "Larkspur Falls, Vermont, Select Board": the town before the state
                        # "the Michigan city's council": the city meant, not the state
                        owner_actor = self._salient_city(places, b, owner_actor.region) \
                            or owner_actor
                    owner = owner_actor
            extra: list[Actor] = []
            if owner is None:
                for p in places:  # "City Council of Boston", "lawmakers in Oregon"
                    if p.start == b.end + 1 and _low(doc, b.end) in {"of", "in"}:
                        owner = p.actors[0]
                        extra = p.actors[1:]
                        p.owned = True
                        if b.level in {"state", "any"} and owner.level == "city" and \
                                _capital_of(owner) is not None:
                            # "lawmakers in Olympia": the capital stands for the state
                            owner = _capital_of(owner) or owner
                        if owner.level == "state" and b.level in {"city", "county"} and \
                                _low(doc, p.end) in {"'s", "’s"}:
                            # "City commissioners in Oregon's largest city": that city
                            owner = self._salient_city(places, b, owner.region) or owner
            if owner is None and _low(doc, b.start - 1) == "whose":
                # "unlike Madison, about ninety miles to the south, whose council outlawed
                # it": the body of the place the relative clause hangs on
                before = [p for p in places if p.end < b.start - 1 and p.actors and
                          not p.landmark and _low(doc, p.end) == ","]
                owner = before[-1].actors[0] if before else None
                if owner is not None and owner.level == "state" and \
                        _low(doc, before[-1].start - 1) == "in":
                    # "its namesake in Maine, whose council acted in August": the town of the
                    # story's name in that state
                    towns = [p.actors[0] for p in places if p.end <= before[-1].start and
                             p.actors and p.actors[0].level == "city"]
                    town = towns[-1] if towns else self.s.salient.get("city")
                    twin = next((p for p in self.s.gaz.candidates(town.name)
                                 if p.region == owner.region and p.level == "city"),
                                None) if town is not None else None
                    owner = _place_actor(twin) if twin is not None else owner
            if owner is None and b.role == "police" and doc[b.start].lower_ == "sheriff":
                # "LEXINGTON — ... Sheriff Corinne Alsop issued a directive suspending its use
                # by the Pitchford County Sheriff's Office": a sheriff serves a county, not
                # the dateline's city
                owner = next((p.actors[0] for p in places if p.start > b.end and p.actors and
                              p.actors[0].level == "county"), None) or \
                    self.s.salient.get("county")
            if owner is None and _low(doc, b.end) in {"in", "of"} and b.role == "legislature" \
                    and {t.lower_ for t in sent} & {"each", "both"}:
                # "Aldermen in the Louisiana and Mississippi towns of Tullivant": both towns
                far = next((p for p in places if not p.owned and len(p.actors) > 1 and
                            b.end + 1 < p.start <= b.end + 9), None)
                if far is not None and all(
                        t.lower_ in {"the", "and", ",", "of"} | SETTLEMENT | lx.PLURAL_SETTLEMENTS
                        or t.i in far.qualifiers for t in doc[b.end + 1:far.start]):
                    owner, extra = far.actors[0], far.actors[1:]
                    far.owned = True
            if owner is None:
                owner = self._salient_for(b, sent, places)
            if owner is None and b.role == "police":
                # "Sheriff Villanueva has ordered that Brannagh County deputies ...": the
                # county named later in the sentence
                owner = self._local_place_after(places, b)
            if owner is not None:
                b.actors = [self._body_actor(b, a, doc) for a in [owner, *extra]]
        for o in mentions:  # "Board president Lyle Danforth": a board's chair, not the nation's
            if o.kind == "body" and o.role == "executive" and \
                    doc[o.start:o.end].text.lower() == "president" and _low(doc, o.start - 1) in {
                        "board", "council", "senate", "company", "club", "association", "union",
                        "district", "college", "university", "borough", "chamber", "commission",
                        "vice", "student", "bank", "group"}:
                o.owned = True
        for o in mentions:  # "the state line", "the city budget": a thing, not the body
            if o.kind == "body" and o.role == "jurisdiction" and _low(doc, o.end) in {
                    "line", "lines", "border", "borders", "limits", "capitol", "budget", "seal",
                    "flag", "forest", "park", "parks", "road", "roads", "highway", "fair"}:
                o.owned = True
        for o in mentions:  # "the state's Department of Motor Vehicles": the state owns it
            if o.kind == "body" and o.role == "jurisdiction" and _low(doc, o.end) in {"'s", "’s"} \
                    and any(b.kind in {"body", "agency"} and b.start == o.end + 1
                            and b.role != "jurisdiction" for b in mentions):
                o.owned = True
        for b in mentions:
            if b.kind == "body" and b.role in {"legislature", "executive"}:
                j = b.end + 1 if _low(doc, b.end) == "of" else -1
                if _low(doc, j) == "the":
                    j += 1
                if j > 0 and any(o.kind in {"body", "agency"} and o.role in {"agency", "police"}
                                 and o.start <= j + 4 and o.start >= j for o in mentions):
                    b.owned = True  # "Trustees of the Wexcombe School District": its board

    @staticmethod
    def _local_place_after(places: list[Mention], b: Mention) -> Actor | None:
        """The first town or county named after the body in its sentence."""
        return next((p.actors[0] for p in places if p.start > b.start and p.actors
                     and p.actors[0].level in {"city", "county"} and not p.landmark), None)

    def _salient_city(self, places: list[Mention], b: Mention, region: str | None
                      ) -> Actor | None:
        for p in reversed([p for p in places if p.start < b.start and not p.landmark]):
            a = p.actors[0]
            if a.level in {"city", "county"} and (region is None or a.region == region):
                return a
        a = self.s.salient.get("city")
        if a is not None and (region is None or a.region == region):
            return a
        return None

    def _previous_company(self, mentions: list[Mention], b: Mention) -> Actor | None:
        before = [m for m in mentions if m.kind == "company" and m.end <= b.start]
        if before:
            return before[-1].actors[0]
        return self.s.salient.get("company")

    def _salient_for(self, b: Mention, sent: Span, places: list[Mention]) -> Actor | None:
        s = self.s
        doc = sent.doc
        prev = _low(doc, b.start - 1)
        level = b.level
        if b.role == "member" and prev in {"police", "fire", "health", "education", "u.s.",
                                           "federal", "congressional"}:
            return None  # "Police Commissioner William Gross", "U.S. Sen. ...": not local
        if prev in {"county", "state", "city", "town", "village", "federal"} and \
                b.role in {"legislature", "executive", "member"}:
            # "The county council", "the state Senate": the word before sets the level
            level = {"town": "city", "village": "city", "federal": "country"}.get(prev, prev)
        if prev in lx.DEMONYMS and b.role in {"legislature", "executive", "member", "agency"}:
            # "ROME — Italian lawmakers in December approved a halt": the nation's, not the
            # dateline city's
            nation = next((p for p in s.gaz.candidates(lx.DEMONYMS[prev])
                           if p.level == "country"), None)
            if nation is not None:
                return _place_actor(nation)
        words = {t.lower_ for t in sent}
        if level == "any":
            level = {"state": "state", "federal": "country", "u.s.": "country",
                     "city": "city", "county": "county", "national": "country"}.get(prev, "")
            if not level and words & {"federal", "congress", "congressional"}:
                level = "country"
        last = s.candidates[-1] if s.candidates else None
        if b.role == "legislature" and doc[b.start:b.end].text.lower().removeprefix("the ") in {
                "house", "senate"} and prev != "state" and (
                words & {"federal", "congress", "congressional", "u.s."} or (
                    last is not None and last.actor.level == "country"
                    and last.actor.country == "US")):
            # "A House companion to the federal bill was filed by ...": Congress, not a
            # state legislature named in the sentence
            return s.salient.get("country") or Actor("United States", "jurisdiction",
                                                      "country", "US", None)
        if b.role == "police" and level in {"city", "any", ""}:
            return self._salient_city(places, b, None) or s.salient.get("county")
        if level == "country" or (b.level == "country" and b.role in {"legislature",
                                                                       "executive"}):
            return s.salient.get("country") or Actor("United States", "jurisdiction",
                                                      "country", "US", None)
        if level in {"city", "county"}:
            before = [p.actors[0] for p in places if p.start < b.start and not p.landmark
                      and p.actors[0].level in {"city", "county"}]
            if level == "county":
                before = [a for a in before if a.level == "county"] or before
            # a county body in a city's story: a consolidated city-county ("the Board
            # of Supervisors" of San Francisco) or the county seat's own board
            # "Councilor Haddock filed an ordinance that would lift Corbel Springs' ban":
            # a member's own town, named after the member
            later = self._local_place_after(places, b) if b.role == "member" else None
            return (before[-1] if before else None) or later or \
                s.salient.get(level) or s.salient.get("county" if level == "city" else "city")
        if level == "state":
            in_sent = [p.actors[0] for p in places if p.actors[0].level == "state"]
            if in_sent:
                return in_sent[0]
            if s.salient.get("state"):
                return s.salient["state"]
            if s.ctx.state_mentions:
                code = min(s.ctx.state_mentions,
                           key=lambda h: abs(h[0] - sent.start_char))[1]
                st = s.gaz.states.get(code)
                return _place_actor(st) if st else None
            return None
        in_sent = [p.actors[0] for p in places if p.actors[0].level in {"city", "county", "state"}
                   and not p.landmark]
        national = [p.actors[0] for p in places if p.actors[0].level == "country"]
        if doc[b.start:b.end].text.lower() in {"parliament", "the parliament"} and national:
            return national[-1]  # "Italy has halted it, after parliament approved"
        return (in_sent[-1] if in_sent else None) or s.salient.get("last_place")

    @staticmethod
    def _body_actor(b: Mention, place: Actor, doc: Doc) -> Actor:
        if b.role == "police":
            text = doc[b.start:b.end].text.lower()
            suffix = "Sheriff's Office" if "sheriff" in text else "Police Department"
            return Actor(f"{place.name} {suffix}", "agency", place.level, place.country,
                         place.region)
        if b.role == "agency":
            words = re.sub(r"^the\s+", "", doc[b.start:b.end].text, flags=re.I)
            # "Education Commissioner Betty Rosa": the official speaks for her department
            words = lx.OFFICIAL_AGENCY.get(words.lower(), words)
            title = " ".join(w if w in {"of", "for", "and", "the"} else w[:1].upper() + w[1:]
                             for w in words.split())
            return Actor(f"{place.name} {title}", "agency", place.level, place.country,
                         place.region)
        return place

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
        mentions = self.mentions(sent, char_base)
        date_mentions = self._dates(sent)
        self._sentence_dates = date_mentions
        has_topic = bool(topic_spans)
        made_before = len(s.candidates)
        topic = topic_spans[0].label_ if topic_spans else s.default_topic
        if in_title and has_topic and s.last_action is None:
            # "Where facial recognition has been banned: a short guide": the action that a
            # roundup's "followed", "joined", "acted" repeat
            s.title_action = self._action(doc, cues)[0]
        self._note_page(sent, cues, mentions, date_mentions, idx, in_title)
        if not in_title:
            restated = self._restated_dates(sent, mentions, date_mentions, idx)
            # "Amazon's announcement followed two days later": a date, no new act
            cues = [c for c in cues if not any(a <= c.start < b for a, b in restated)]
        try:
            if any(c.label_.startswith("action:") or c.label_ == "chain" for c in cues):
                self._events(sent, char_base, in_title, cues, mentions, date_mentions, has_topic,
                             topic, idx, body_text)
            elif any(c.label_ == "temporary" for c in cues):
                self._temporary(sent, idx)
            elif any(c.label_.startswith("status:") for c in cues) and self._similar(sent):
                # "In Ketterby, Kansas, a similar ordinance was introduced in July"
                self._events(sent, char_base, in_title, cues, mentions, date_mentions,
                             has_topic, topic, idx, body_text)
            elif any(c.label_.startswith("status:") for c in cues):
                self._pending(sent, cues, mentions, date_mentions, idx)
        finally:
            if has_topic and not in_title and not cues:
                s.lead_in = idx  # a topic sentence with no cue at all introduces what follows
            self._remember(mentions, date_mentions, idx, has_topic)
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

    def _first_day(self, dated, idx: int, doc: Doc
                   ) -> tuple[d.PartialDate | None, str | None, bool] | None:
        """The first of ``dated`` resolved as an enactment's date, or None."""
        if not dated:
            return None
        m, k = dated[0]
        return self._resolve_date(m, idx, "enacted", k, doc, False)

    def _author_company(self, title: Span, mentions: list[Mention]) -> Actor | None:
        """A headline that opens with a company's name and reports no act names the
        page's author: a letter, release notes, a blog post, a call transcript."""
        doc = title.doc
        start = title.start
        words = {t.lower_ for t in title}
        if words & lx.AUTHOR_WORDS:  # "From the Tessaline Biometrics blog: ..."
            start = next((t.i for t in title if t.is_title and t.lower_ not in
                          {"from", "the", "a", "an", "inside", "on"}), title.start)
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
        return any(doc[i].lower_ in {"we", "we've", "we're", "we'll", "our", "us"} and
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
                    _low(doc, m.end) not in {"'s", "’s"} or \
                    _low(doc, m.end + 1) not in lx.ACT_NOUNS:
                continue
            verb = m.end + 2
            if _low(doc, verb) not in {"came", "followed", "arrived", "was"}:
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
            new = d.resolve(dm, s.base, anchor=base_anchor,
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
        scenes = []
        for m, k in date_mentions:
            if m.role or m.kind not in {"weekday", "day_word", "md", "dm", "mdy", "dmy",
                                        "iso", "numeric"}:
                continue  # a scene happens on a day; "a hearing this month" is no scene
            pd = d.resolve(m, s.base, year_hint=self._year_hint(idx))
            if pd is not None and (s.base is None or pd.as_date() <= s.base):
                scenes.append((pd, m, k))
        if not scenes:
            return
        # the first ("on Tuesday, after a detour into opening on Sundays"), unless another
        # names the vote itself ("An article on Friday misstated the outcome of its
        # January 9 vote")
        voted = [(pd, m, k) for pd, m, k in scenes if any(
            _low(doc, j) in {"vote", "votes", "meeting", "session", "hearing"}
            for j in range(k + 1, k + 5))]
        pd, m, _ = (voted or scenes)[0]
        s.scene_date = (pd, m.text, idx)

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
        return any(t.lower_ in {"similar", "same", "identical", "comparable"} and
                   _low(doc, t.i + 1) in lx.MEASURE_NOUNS | BAN_NOUNS for t in sent)

    def _cues(self, sent: Span) -> list[Span]:
        doc = sent.doc
        cues = [c for c in doc.spans[CUE_KEY] if sent.start <= c.start < sent.end] \
            if CUE_KEY in doc.spans else []
        untils = [t.i for t in sent if t.lower_ in {"until", "unless"}]
        wheres = [t.i for t in sent if t.lower_ == "where" and _low(doc, t.i - 1) == ","]
        out = []
        for c in cues:
            if c.label_ == "status:proposed" and doc[c.start].lower_ == "calls" and (
                    c.start == sent.start or _low(doc, c.start - 1) in lx.BEFORE_NOUN_CALLS):
                # "In Marrish Bend, calls for a ban meet a quiet council": demands, the noun
                out.append(Span(doc, c.start, c.end, label="urge"))
                continue
            if c.label_ == "urge" and doc[c.start].lower_.startswith("call") and \
                    _low(doc, c.end) in set(d.WEEKDAYS) | set(d.MONTHS):
                continue  # "called on Tuesday for a ban"
            if (c.label_.startswith(("action:", "status:"))) and \
                    any(0 < c.start - u <= 8 for u in untils):
                continue  # "until Congress lifts the prohibition", "until Congress passes a law"
            if c.label_.startswith("action:") and (
                    (_low(doc, c.start - 2), _low(doc, c.start - 1)) in {("rather", "than"),
                                                                       ("instead", "of")}):
                continue  # "regulates the technology rather than prohibiting it"
            if c.label_ == "chain" and _low(doc, c.end) in lx.ANAPHOR_DETS | {"a", "an"} and \
                    doc[c.start].lower_.startswith("follow") and \
                    _low(doc, c.end + 1) not in {"day", "week", "month", "year", "few", "next",
                                                 "following", "same", "previous"}:
                continue  # "customers must follow the law", but "followed a month later"
            if c.label_ == "chain" and doc[c.start].lower_.startswith("follow") and (
                    _low(doc, c.start - 1) in BAN_NOUNS | lx.MEASURE_NOUNS
                    or _low(doc, c.start - 2) in BAN_NOUNS | lx.MEASURE_NOUNS):
                continue  # "The ban followed news reports": it came after, nobody copied it
            if doc[c.start].lower_.startswith("sunset") and _low(doc, c.start - 1) == "no":
                continue  # "bars city departments from using it, with no sunset": for good
            if c.label_ == "chain" and doc[c.start].lower_.startswith("follow") and \
                    self._anaphoric_subject_of_follow(sent, c.start):
                continue  # "The vote in the county seat followed months of disagreement"
            if c.label_ == "chain" and _low(doc, c.start - 1) in {"was", "were", "be", "been",
                                                                 "is", "are", "being"}:
                continue  # "the board would see that it was followed": no one copied anyone
            if c.label_ == "status:failed" and any(
                    k.label_.startswith("action:") and k.start <= c.start and c.end <= k.end
                    and k.end - k.start > c.end - c.start for k in cues):
                continue  # "blocked police from using it" bans; it is no failed vote
            if c.label_ == "action:repeal" and any(
                    k.label_ == "status:failed" and k.start <= c.start and c.end <= k.end
                    for k in cues):
                continue  # "plans for a ban were scrapped": the plan failed, no ban is lifted
            if c.label_ == "action:restriction" and doc[c.start].lower_ == "limits" and (
                    _low(doc, c.start - 1) == "off" or (_low(doc, c.start - 1) == "-"
                                                       and _low(doc, c.start - 2) == "off")):
                continue  # "put it off-limits" bans it
            if c.label_.startswith("action:") and any(
                    doc[j].lower_ in {"who", "whose"} and any(
                        t.lower_ in lx.AUTHORSHIP for t in doc[j + 1:c.start])
                    for j in range(max(sent.start, c.start - 6), c.start)):
                continue  # "X, who wrote the original 2020 prohibition, voted against ..."
            if c.label_ == "status:proposed" and doc[c.start].lower_ in {"filing", "filings"} \
                    and _low(doc, c.start - 1) in {"a", "regulatory", "securities", "court",
                                                   "its", "annual", "quarterly", "sec"}:
                continue  # "the company said in a regulatory filing": a document
            if c.label_ == "urge" and doc[c.start].lower_ in {"request", "requests"} and \
                    _low(doc, c.start - 1) in {"written", "formal", "through", "a", "the", "such",
                                               "any", "their", "its", "by", "with", "of"}:
                continue  # "routes searches through written requests to the Registry"
            if c.label_ == "action:restriction" and {_low(doc, c.start - j) for j in (1, 2, 3)} & \
                    {"than", "other"} and "than" in {_low(doc, c.start - j) for j in range(1, 7)}:
                continue  # "go further than any other city's rules on it": a comparison
            if c.label_.startswith("action:") and _low(doc, c.end) in {"'s", "’s"} and \
                    _low(doc, c.end + 1) in {"author", "authors", "sponsor", "sponsors",
                                             "champion", "architect", "backers"}:
                continue  # "Council member Halvorsen, the ban's author, said she would try"
            if c.label_ == "action:exit" and doc[c.start].lower_ == "retired" and \
                    _low(doc, c.start - 1) in {"a", "an", "the", "his", "her"}:
                continue  # "a retired teacher"
            if c.label_.startswith("status:") and any(
                    w < c.start and not any(a.label_.startswith("action:") and a.start > w
                                            for a in cues) and
                    not any(t.lower_ in lx.MEASURE_NOUNS | BAN_NOUNS for t in doc[w:c.start])
                    and not any(t.text == "," for t in doc[w + 1:c.start])
                    for w in wheres):
                continue  # "The extension comes before the annual meeting, where
                # shareholders will vote on a proposal": that vote is about something else
                # (but "in Berkeley, where many readers live, the council is weighing ...")
            if c.label_ == "status:enacted" and _low(doc, c.end) == "no":
                continue  # "lawmakers have held hearings but passed no such law"
            if c.label_ == "status:failed" and doc[c.start].lower_.startswith("vote") and \
                    {_low(doc, c.start - k) for k in (1, 2, 3)} & {"lone", "only", "sole",
                                                                 "dissenting", "cast"}:
                continue  # "Commissioner Renwick, who cast the lone vote against": a dissent
            if c.label_ == "status:failed" and _low(doc, c.start - 1) in {
                    "would", "will", "could", "might", "to"}:
                continue  # "he would veto a ban", "threatened to veto": a threat, no failure
            if c.label_ == "status:failed" and doc[c.start].lower_.startswith("veto") and \
                    any(t.lower_.startswith(("overr", "overturn")) and not self._failed_try(t)
                        for t in sent):
                continue  # "overrode the mayor's veto to impose a moratorium": enacted
                # (but not "an attempt to override him fell one vote short")
            if c.label_ == "temporary" and doc[c.start].lower_ == "for" and _low(
                    doc, c.start - 1) in {"used", "using", "been", "it", "them", "worked",
                                          "tested", "run", "operated", "deployed"}:
                continue  # "police had used it for three years": how long, not a term
            if c.label_ == "status:proposed" and doc[c.start].lower_ == "pending" and \
                    _low(doc, c.end) in {"a", "an", "the", "further", "review", "approval"}:
                continue  # "pending a review" means "until a review", not a pending bill
            if c.label_ == "action:repeal" and doc[c.start].lower_.startswith(("allow", "let",
                                                                            "permit")) and \
                    any(t.lower_ == "only" for t in doc[c.end:min(sent.end, c.end + 8)]) and \
                    not any(t.lower_ in {"again", "resume", "resumes"}
                            for t in doc[c.end:min(sent.end, c.end + 12)]):
                continue  # "lets police request searches only when ...": limits, no repeal
            if c.label_ == "action:repeal" and _low(doc, c.start - 1) in {
                    "stop", "stops", "stopped", "stopping", "longer", "not", "cease", "ceased"}:
                continue  # "stop allowing police to use it" is no repeal
            out.append(c)
        return out

    def _dates(self, sent: Span) -> list[tuple[d.DateMention, int]]:
        """Date mentions of the sentence with the token index where each starts."""
        out = []
        starts = [t.idx for t in sent]
        text = sent.text
        for m in d.find_dates(text):
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

    def _remember(self, mentions: list[Mention], date_mentions, idx: int, has_topic: bool) -> None:
        s = self.s
        for m in mentions:
            if m.kind == "body" and m.role == "legislature" and m.actors and not m.owned:
                s.last_body = (m.actors[0], idx)  # "Supervisors worked through ... They ..."
            if m.landmark:
                continue
            for a in m.actors:
                if a.actor_type == "company":
                    s.salient["company"] = a
                elif a.level:
                    if m.kind == "place" and not m.noted:
                        s.ctx.note(Place("", a.name, a.level, a.country, a.region, 0))
                    if a.actor_type == "jurisdiction":
                        s.salient[a.level] = a
                        if a.level in {"city", "county", "state"}:
                            s.salient["last_place"] = a
        for m, _ in date_mentions:
            if m.explicit_year and m.role != "until":
                pd = d.resolve(m, s.base)
                if pd:
                    s.last_date = pd
                    s.last_date_sentence = idx
        if has_topic:
            s.last_topic_sentence = idx

    # ================================================================== events
    def _events(self, sent, char_base, in_title, cues, mentions, date_mentions, has_topic, topic,
                idx, body_text) -> None:
        s = self.s
        doc = sent.doc
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
            return  # "also makes departments seek approval for other kinds of surveillance"
        quote = self._quoted_tokens(sent)
        clauses = self._merge_clauses(self._clauses(sent, cues, mentions))
        sentence_action = None
        for c in clauses:
            act, _ = self._action(doc, c.cues)
            if act:
                sentence_action = act
                break
        prev_in_sentence: Candidate | None = None
        for c in clauses:
            made = self._clause(sent, c, char_base, in_title, mentions, date_mentions, has_topic,
                                topic, idx, body_text, quote, sentence_action, prev_in_sentence)
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
                    doc[c.start - 1].text == ";" and _low(doc, c.start) in {"it", "they"} and \
                    any(m.actor == prev_in_sentence.actor and m.status == "enacted"
                        for m in made) and \
                    not any(k.label_ == "status:failed" and doc[k.start].lower_ not in
                            {"did", "does", "do", "didn't", "doesn't"}
                            for k in doc.spans.get(CUE_KEY, [])
                            if sent.start <= k.start < c.start):
                # "The council did not adopt a new ban; it extended the moratorium": what it
                # did instead, not a defeat
                s.candidates.remove(prev_in_sentence)
            if made:
                prev_in_sentence = made[-1]

    def _clause(self, sent, c: Clause, char_base, in_title, mentions, date_mentions, has_topic,
                topic, idx, body_text, quote, sentence_action, prev_in_sentence
                ) -> list[Candidate]:
        s = self.s
        doc = sent.doc
        cs, ce = c.start, c.end
        acts = [k for k in c.cues if k.label_.startswith("action:")]
        denied = [k for k in acts if any(
            n.label_ == "neg" and 0 <= k.start - n.end <= 2 for n in c.cues) or
            _low(doc, k.start - 1) == "without"]  # "puts limits on it without outlawing it"
        if denied and len(denied) < len(acts):
            # "sets new limits ... but stops short of a ban": the limits are the measure
            c = Clause(c.start, c.end, [k for k in c.cues if k not in denied], c.mentions,
                       c.hard_start)
        action, cue_tok = self._action(doc, c.cues)
        inherited = action is None
        if action is None:
            chain = [k for k in c.cues if k.label_ == "chain"]
            if not chain and not any(k.label_.startswith("status:") for k in c.cues):
                return []
            if not chain and not any(t.lower_ in lx.MEASURE_NOUNS for t in doc[cs:ce]) and \
                    not (prev_in_sentence is not None and any(
                        k.label_.startswith("status:") and _low(doc, k.end) in {"it", "them"}
                        for k in c.cues)) and \
                    not (prev_in_sentence is not None and prev_in_sentence.status == "proposed"
                         and any(k.label_ == "status:failed" for k in c.cues)):
                return []  # "cameras would be deployed": no measure, so nothing enacted
                # (but "..., but the mayor vetoed it": the measure just named)
            action = sentence_action or s.last_action or (s.title_action if chain else None)
            measure = next((t.i for t in reversed(doc[cs:ce]) if t.lower_ in lx.MEASURE_NOUNS),
                           None)
            statuses = [k for k in c.cues if k.label_.startswith("status:") and
                        (measure is None or k.start < measure)]
            # ("Measure K went on the ballot by petition after the council voted 3-2 against
            # a similar ordinance": the status of the measure, not the petition)
            cue_tok = chain[0].start if chain else (
                statuses[-1].start if statuses else c.cues[0].start)
            if action is None:
                return []
        before = {t.lower_ for t in doc[cs:cue_tok]}
        failed_cue = any(k.label_ == "status:failed" for k in c.cues)
        if self._threat(doc, cs, ce):
            return []  # "the mayor, who had said he would veto an outright ban"
        if any(n.label_ == "neg" and doc[n.start].lower_ in {"refused", "declined", "refuses",
                                                            "declines", "refusing"} and
               _low(doc, n.end) in lx.COMPEL_VERBS and n.end < cue_tok for n in c.cues):
            return []  # "a judge refused to order the sheriff's office to stop using it"
        if any(k.label_.startswith("status:") and self._nobody_before(
                doc, k.start, cs) for k in c.cues):
            return []  # "no one had proposed either buying the technology or banning it"
        if before & lx.VAGUE_INTENT or any(
                doc[i].lower_ in {"would", "'d"} and _low(doc, i + 1) in {"like", "love"}
                for i in range(cs, cue_tok)):
            return []  # "she hopes to bring forward legislation limiting ...": no measure yet
        if (before & lx.DEMAND_MODALS or (_low(doc, cue_tok - 2) in {"has", "have"} and
                                          _low(doc, cue_tok - 1) == "to")) and \
                not self._under_law(doc, cs, cue_tok) and \
                not self._under_law_after(doc, cue_tok, ce) and \
                not self._rule_of_last_act(doc, cs, idx) and \
                not self._company_rule(doc, cs, cue_tok, mentions) and \
                not self._reported_measure(doc, cs, cue_tok):
            return []  # "Massachusetts should press pause on face surveillance"
        joint = max((j + 1 for j in range(cs, cue_tok - 1) if doc[j].text == "," and
                     doc[j + 1].lower_ in lx.CLAUSE_CONJ), default=cs)
        if {t.lower_ for t in doc[joint:cue_tok]} & lx.OPPOSING:
            # (but "Parents objected, and in December the governor signed a law pausing
            # ...": the objection is the clause before)
            return []  # "The governor had objected to broader limits"
        what_would = any(doc[i].lower_ == "what" and _low(doc, i + 1) in {"would", "could", "might"}
                         for i in range(cs, cue_tok))
        hypothetical = {t.lower_ for t in doc[cs:cue_tok] if t.lower_ != "instead" or
                        _low(doc, t.i + 1) == "of"} & lx.HYPOTHETICAL
        # ("instead of the outright ban", but "Instead, its board approved a policy")
        if hypothetical or what_would or \
                (self._counterfactual(doc, cs, ce, cue_tok) and not failed_cue):
            return []  # "unless the councils extend them", "instead of the outright ban"
        if _low(doc, cue_tok - 1) in {"a", "an", "any"} and doc[cue_tok].lower_ in BAN_NOUNS \
                and _low(doc, cue_tok + 1) in {"could", "would", "might", "may", "will"}:
            return []  # "a ban could cut off that option": a ban in general, not an event
        clause_text = doc[cs:ce].text
        temporary = any(k.label_ == "temporary" and not any(
            a.label_.startswith("action:") and a.start <= k.start < a.end for a in c.cues)
            for k in c.cues) or bool(
            lx.DURATION.search(clause_text))
        condition = any(not re.search(r"\b(tabled|postponed|shelved|delayed|deferred)\s*$",
                                      clause_text[:m.start()], re.I)
                        for m in lx.INDEFINITE.finditer(clause_text))
        # ("was tabled indefinitely": how long the vote waits, not what the measure does)
        until_date = any(m.role == "until" for m, k in date_mentions if cs <= k < ce)
        if action == "ban" and (temporary or condition or until_date):
            action = "moratorium"
        if action == "exit" and (temporary or condition):
            action = "moratorium"
        if action == "moratorium" and lx.MADE_PERMANENT.search(clause_text):
            action = "ban"  # "an ordinance that would make the halt permanent"
        if action == "exit" and ({t.lower_ for t in doc[max(cs, cue_tok - 5):cue_tok]} &
                                 lx.COMPULSION or self._compelled(doc, cs, cue_tok)):
            return []  # "the regulator ordered it to delete the data": a penalty, no policy
        if action == "ban" and lx.PARTIAL_USE.search(doc[cue_tok:ce].text):
            action = "restriction"  # "forbids using a match as the sole basis for an arrest"
        if action == "exit" and lx.CARVE_OUT.search(doc[cue_tok:ce].text):
            action = "restriction"  # "stop selling it to most private businesses"
        if action == "restriction" and doc[cue_tok].lower_ in {"rules", "standards",
                                                                "guidelines", "guardrails"} \
                and not self._has_status(c.cues) and not in_title and \
                _low(doc, cue_tok - 1) in {"'s", "’s", "its", "their"}:
            return []  # "Ohio's rules on how police may use it are thin": what exists, no act
        status = self._status(doc, c.cues, cue_tok, cs, ce, action, in_title)
        if status == "failed" and any(
                k.label_ == "status:failed" and doc[k.start].lower_ in
                {"did", "does", "do", "would", "could", "declined", "refused", "declines",
                 "refuses", "didn't"} for k in c.cues) and \
                any(m.kind == "company" or m.role == "company"
                    for m in c.mentions if m.start < cue_tok) and \
                not any(t.lower_ in {"shareholders", "investors", "stockholders"}
                        for t in doc[cs:cue_tok]):
            return []  # "the company did not agree to drop the feature": no decision at all
        if status == "proposed" and self._authorship_only(doc, c.cues):
            # "Councilors Wu and Arroyo co-sponsored the ordinance, which makes Boston the
            # second city to enact such a prohibition": who wrote the measure already
            # reported as enacted, not a new proposal
            status = self._status(doc, [k for k in c.cues if not self._authorship(doc, k)],
                                  cue_tok, cs, ce, action, in_title)
        if status is None:
            return []
        refs: set[int] = set()
        if cue_tok in quote:
            actors = self._quote_speaker(sent, mentions, quote)
            positions = {}
        else:
            if any(k.label_ == "urge" and k.start < cue_tok for k in c.cues):
                model = self._model_act(doc, c)
                if model is not None and status == "enacted":
                    # "advocates pushed for a full ban like the one Portland adopted in 2020":
                    # the demand is no event, the model it names is one
                    return self._emit(sent, c, char_base, in_title, model.actors[:1], set(),
                                      {}, action, "enacted", cue_tok, date_mentions, has_topic,
                                      topic, idx, body_text, None)
                return []  # "advocates urged the council to ban ...": not an event
            first = next((m for m in c.mentions if m.start < cue_tok
                          and m.kind in {"advocate", "publisher", "place", "company", "body",
                                         "agency"}), None)
            if first is not None and first.kind in {"advocate", "publisher"} and \
                    not any(m.actors and not m.owned for m in c.mentions if m.start < cue_tok):
                return []  # "The ACLU called for a moratorium"
            # one member of a body may file a measure, but cannot enact or defeat one
            usable = c.mentions if status == "proposed" else \
                [m for m in c.mentions if m.role != "member"]
            actors, refs, positions = self._actors(doc, usable, cue_tok, cs, ce)
            if not actors and prev_in_sentence is not None and (
                    self._elided_subject(doc, cs, cue_tok) or (
                        _low(doc, cs) == "and" and
                        _low(doc, cs + 1) in lx.SPEECH_VERBS | {"that"} and
                        prev_in_sentence.actor.actor_type == "company")):
                # ("Microsoft said that it will retire ..., and that new customers will
                # have to apply ...", "X retires A, and says new customers must apply":
                # what the same speaker said next)
                actors = [prev_in_sentence.actor]  # "..., and will limit access to ..."
                positions = {}
            if not actors and (town := self._described_town(doc, c, cue_tok)) is not None:
                actors, positions = [town], {}  # "The Washington city banned ... in 2020"
            if not actors and not inherited and not self._refers(doc, cs, cue_tok):
                actors = self._fallback_bodies(doc, mentions, cue_tok, status)
                positions = {}
            if not actors and s.author_company is not None and \
                    self._first_person(doc, cs, quote):
                actors, positions = [s.author_company], {}
            opening = self._dateline_end(sent)
            if not actors and not inherited and cs <= opening + 1 and \
                    self._interval_opening(doc, opening):
                # "Three years after forbidding its police from using it, Corrigan Springs
                # has partly reversed course": the gerund's subject is the main clause's
                main = next((m for m in mentions if ce <= m.start <= ce + 1 and m.actors and
                             m.kind in {"place", "company", "body", "agency"}), None)
                if main is not None:
                    actors, positions = main.actors[:1], {}
            if not actors and not inherited and s.meeting_body and \
                    any(t.lower_ in lx.ITEM_NOUNS for t in doc[cs:ce]):
                return self._agenda_item(sent, c, char_base, in_title, action, status,
                                         cue_tok, date_mentions, has_topic, topic, idx,
                                         body_text)
            if not actors and inherited and status == "failed" and \
                    prev_in_sentence is not None and prev_in_sentence.status == "proposed" \
                    and prev_in_sentence in s.candidates:
                # "Ordinance 22-41 ...: would bar all county offices ...; last action: failed
                # on final reading, 3-4, October 4, 2022": the proposal's outcome
                prev_in_sentence.status = "failed"
                prev_in_sentence.date = None
                self._update(prev_in_sentence, prev_in_sentence.action, c, sent,
                             [(m, k) for m, k in date_mentions if cs <= k < ce and
                              m.role not in {"until", "effect"}], idx, "failed")
                return []
            if not actors and inherited:
                return []
            if not actors and (body := self._passive_body(doc, c, idx)) is not None:
                # "a two-year moratorium ... was approved by the board Thursday": the board
                # the release named two sentences before
                actors, positions = [body], {}
            if not actors:
                return self._refer(sent, c, char_base, in_title, action, status, cue_tok,
                                   date_mentions, has_topic, topic, idx, body_text,
                                   prev_in_sentence)
        if not actors:
            return []
        if self._record(doc, cs, cue_tok):
            # "Springfield is the fifth community to curb it": the actor's event again,
            # in looser words ("curb" for its moratorium)
            olds = {a: [k for k in s.candidates if k.actor == a] for a in actors}
            if all(olds.values()) and not all(
                    any(k.action == action for k in v) for v in olds.values()):
                dates = [(m, k) for m, k in date_mentions
                         if cs <= k < ce and m.role not in {"until", "effect"}]
                for v in olds.values():
                    self._update(v[-1], v[-1].action, c, sent, dates, idx, v[-1].status)
                return []
        ana = self._anaphoric_subject(doc, cs, cue_tok)
        last = s.candidates[-1] if s.candidates else None
        clause_dates = [(m, k) for m, k in date_mentions
                        if cs <= k < ce and m.role not in {"until", "effect"}]
        possessed = any(_low(doc, j) in {"'s", "’s"} for j in range(max(cs + 2, cue_tok - 3),
                                                                   cue_tok))
        if ana is not None and last is not None and last.actor in actors and \
                idx - last.sentence <= 4 and not possessed and \
                lx.ACTION_FAMILY.get(action) == lx.ACTION_FAMILY.get(last.action) and \
                not self._months_apart(last, clause_dates, idx, status, doc):
            # "The provision, which the Legislature passed, bars ...": the same measure again
            # (but "The one-year moratorium the company announced last June" after this
            # week's news is the older measure, an event of its own)
            self._update(last, action, c, sent, clause_dates, idx, status)
            keep = [i for i, a in enumerate(actors) if a != last.actor]
            if not keep:
                return []
            refs = {keep.index(i) for i in refs if i in keep}
            actors = [actors[i] for i in keep]
        if action == "ban" and actors and all(a.actor_type == "company" for a in actors):
            action = "exit"  # "stop the company from selling it to governments"
        if action == "exit" and not any(a.actor_type == "company" for a in actors):
            # governments do not "exit": "officers may no longer use it under a moratorium"
            kinds = {k.label_.split(":", 1)[1] for k in c.cues if k.label_.startswith("action:")}
            action = "moratorium" if "moratorium" in kinds or temporary or condition else "ban"
        if status == "enacted" and action != "repeal" and self._one_chamber(doc, c, cue_tok):
            status = "proposed"  # "The Maryland House passed a bill": the other chamber and
            # the governor still have to act
        if action == "moratorium" and not (temporary or condition or until_date) and \
                all(a.actor_type == "company" for a in actors) and \
                doc[cue_tok].lower_.startswith(("stop", "cease")):
            action = "exit"  # "Meta will stop using facial recognition to tag people"
        if status == "proposed" and all(a.actor_type in {"company", "agency"} for a in actors) \
                and self._company_policy(doc, c.cues):
            # a company's or an agency's "will no longer use it" announces its own policy
            status = "enacted"
        own_page = s.author_date if actors == [s.author_company] else None
        made = self._emit(sent, c, char_base, in_title, actors, refs, positions, action, status,
                          cue_tok, date_mentions, has_topic, topic, idx, body_text,
                          prev_in_sentence, default_date=own_page)
        older = self._possessed_measure(doc, cs, ce, MORATORIUM_NOUNS) \
            if action == "extension" and status == "enacted" else \
            self._possessed_measure(doc, cs, ce, BAN_NOUNS) \
            if action == "repeal" and status == "failed" else None
        if older is not None and not in_title:
            kind = "moratorium" if older in MORATORIUM_NOUNS else "ban"
            for cand in made:
                if cand.action == action and not any(
                        k.actor == cand.actor and k.action in {"ban", "moratorium"}
                        for k in s.candidates):
                    # "agreed to keep its freeze on facial recognition in place
                    # indefinitely", "rejected a proposal to repeal the county's own
                    # prohibition": the measure kept or defended is a decision of its own,
                    # undated unless the text dates it
                    s.candidates.append(replace(cand, action=kind, status="enacted", date=None,
                                                date_text=None, date_explicit=False,
                                                until=None, background=True,
                                                confidence=round(cand.confidence - 0.2, 2),
                                                order=cand.order + 1))
        return made

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
    def _possessed_measure(doc: Doc, cs: int, ce: int, nouns: set[str]) -> str | None:
        """The measure a clause prolongs or lifts, named as someone's: "its freeze", "the
        town's existing moratorium", "the county's own prohibition"."""
        for t in doc[cs:ce]:
            if t.lower_ not in nouns:
                continue
            prev = _low(doc, t.i - 1)
            if prev in {"existing", "own"}:
                prev = _low(doc, t.i - 2)
            if prev in {"its", "their", "'s", "’s"}:
                return t.lower_
        return None

    def _emit(self, sent, c: Clause, char_base, in_title, actors, refs, positions, action,
              status, cue_tok, date_mentions, has_topic, topic, idx, body_text,
              prev_in_sentence, default_date=None) -> list[Candidate]:
        s = self.s
        doc = sent.doc
        cs, ce = c.start, c.end
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
                              prev_in_sentence)
        usable = [(m, k) for m, k in clause_dates if id(m) not in claimed]
        # "Starting today, X is discontinuing FaceTrace, the service we have sold since 2016":
        # how long the product has been sold, told in an aside, does not date the act
        aside = [(m, k) for m, k in usable if _low(doc, k - 1) == "since" and k > cue_tok and
                 any(t.text == "," for t in doc[cue_tok:k])]
        if aside:
            usable = [mk for mk in usable if mk not in aside]
            clause_dates = [mk for mk in clause_dates if mk not in aside]
        if self._rel_floor is not None and cs <= self._rel_floor < ce:
            # "..., San Francisco, whose supervisors passed one last year, and Somerville and
            # Cambridge, which have also barred it": only the relative clause dates its act
            usable = [(m, k) for m, k in usable if k > self._rel_floor]
        s.last_action = action
        scope = self._scope(doc[cs:ce].text, sent.text)
        made: list[Candidate] = []
        ordered = sorted(positions.items(), key=lambda kv: kv[1])
        self._single_ref = len(actors) == 1 and 0 in refs
        for i, actor in enumerate(actors):
            ref = i in refs
            own = self._own_dates(actor, ordered, usable, ce)
            before_ref = self._interval_before(date_mentions, positions.get(actor)) \
                if ref and made and made[-1].date is not None else None
            if own:
                dm = own[0]
            elif before_ref is not None:
                # "Somerville banned it in June 2019, a month after San Francisco became the
                # first": the earlier act is the later one's date less the interval
                dm = None
                pdate = d.resolve(_measured_back(before_ref), s.base, anchor=made[-1].date)
                dtext, explicit = before_ref.text, False
            elif ref:
                dm = None
            else:
                verb = next((k.start for k in c.cues if k.label_ == "status:enacted" and
                             k.start > cue_tok and doc[k.start].lower_ in lx.STRONG_ENACT),
                            None) if _low(doc, cue_tok) in BAN_NOUNS else None
                # ("refused on Thursday to block X's ban, the ordinance the council passed on
                # June 14": the ban dates from when it was passed)
                dm = self._pick_date(usable, verb if verb is not None else cue_tok)
            if dm is not None and status == "proposed" and self._scheduled(doc, dm):
                dm = None  # "will vote next week on a proposal": not when it was proposed
            if dm is None and not ref and not clause_dates and default_date is None:
                dm = self._attribution_date(doc, date_mentions, ce, sent.end)
            if before_ref is not None:
                pass  # dated above
            elif dm is not None:
                invert = self._inverted(doc, dm, date_mentions, positions.get(actor))
                pdate, dtext, explicit = self._resolve_date(dm[0], idx, status, dm[1], doc, invert)
            elif default_date is not None and default_date[0] is not None:
                pdate, dtext, explicit = default_date
            elif prev_in_sentence is not None and not ref and not clause_dates and \
                    self._rel_floor is None and prev_in_sentence.date is not None:
                # (a relative clause's act is its own)
                pdate, dtext, explicit = (prev_in_sentence.date, prev_in_sentence.date_text,
                                          prev_in_sentence.date_explicit)
            elif not ref and not clause_dates and prev_in_sentence is None and \
                    (fronted := self._fronted_date(doc, sent, cs, date_mentions)) is not None:
                pdate, dtext, explicit = self._resolve_date(fronted[0], idx, status, fronted[1],
                                                            doc, False)
            elif (same := self._same_statement(doc, cs, cue_tok, actor, idx)) is not None and \
                    same.date is not None:
                pdate, dtext, explicit = same.date, same.date_text, same.date_explicit
            elif not ref and not clause_dates and status != "proposed" and \
                    (like := self._similar_before(doc[cs:ce], idx)) is not None:
                # "Voters in Portland on Tuesday approved ... In Kinloss Harbor, voters
                # rejected a similar question": the same ballot, the same day (but "is
                # weighing a similar ordinance" is not dated by the act it copies)
                pdate, dtext, explicit = like.date, like.date_text, like.date_explicit
            elif not ref and not usable and actor.actor_type == "company" and \
                    (told := next((k for k in reversed(s.candidates) if k.actor == actor and
                                   k.date is not None and 0 < idx - k.sentence <= 1 and
                                   not k.background), None)) is not None:
                # "X said Wednesday it has stopped selling ... The company will keep selling
                # it to agencies, but only to those that pass a review": the same statement
                pdate, dtext, explicit = told.date, told.date_text, False
            elif not ref and not usable and (ballot := self._same_ballot(doc, cs, ce, idx)):
                # "Voters in Corlett Bay approved Proposition 2 on Tuesday ... Tressider
                # County's Question 5 ... was defeated": one election day
                pdate, dtext, explicit = ballot.date, ballot.date_text, False
            elif not ref and not usable and status == "enacted" and s.scene_date and \
                    idx - s.scene_date[2] <= 2 and self._past_simple(doc, cs, ce):
                # "It was past eleven on Tuesday when the council reached the item. By a
                # vote of 7-2, alders adopted an ordinance ...": the scene's date
                pdate, dtext, explicit = s.scene_date[0], s.scene_date[1], False
            else:
                pdate, dtext, explicit = None, None, False
            # a defeated measure never ran, so it has no end
            until = self._until(sent, c, pdate) if status != "failed" else None
            cand = self._candidate(sent, char_base, in_title, body_text, actor,
                                   action, status, scope, topic, pdate, dtext, explicit, until,
                                   has_topic, idx, ref,
                                   self._past_simple(doc, cs, ce) and self._rel_floor is None)
            made.append(cand)
            if background:
                bg_action, bg_dates = background
                bdate, btext, bexplicit = None, None, False
                if bg_dates:
                    m, k = bg_dates[0]
                    bdate = d.resolve(m, s.base, anchor=None, year_hint=self._year_hint(idx))
                    btext, bexplicit = m.text, m.explicit_year
                made.append(self._candidate(sent, char_base, in_title, body_text, actor,
                                            bg_action, "enacted", scope, topic, bdate, btext,
                                            bexplicit, None, has_topic, idx, False, True))
                made[-1].background = True
        s.candidates.extend(made)
        return made

    @staticmethod
    def _fronted_date(doc: Doc, sent: Span, cs: int, date_mentions):
        """"Last month, with its pause close to running out, Amazon confirmed ...": a date
        opening the sentence, cut off into a clause of its own, dates the main clause."""
        before = [(m, k) for m, k in date_mentions
                  if sent.start <= k < cs and m.role not in {"until", "effect"}]
        if not before or before[0][1] > sent.start + 1:
            return None
        return before[0]

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
                         idx, in_title, past, ref)

    # ---------------------------------------------------------------- referring back
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

    def _refer(self, sent, c: Clause, char_base, in_title, action, status, cue_tok,
               date_mentions, has_topic, topic, idx, body_text, prev_in_sentence
               ) -> list[Candidate]:
        """A clause with an action but no named actor: "The law bars ...", "It also
        limits ...", "The pause was first adopted in March 2021"."""
        s = self.s
        doc = sent.doc
        cs, ce = c.start, c.end
        if _low(doc, cue_tok - 1) in {"its", "the", "their"} and _low(doc, cue_tok - 2) == "with":
            return []  # "with its pause close to running out, Amazon ...": circumstance
        pair = self._pair_told(doc, cs, cue_tok, action, idx)
        if pair:
            # "The Kansas and Nebraska towns of Pelsworth have both banned it. Earlier this
            # month the two town councils each adopted ordinances ...": those two acts again
            clause_dates = [(m, k) for m, k in date_mentions
                            if cs <= k < ce and m.role not in {"until", "effect"}]
            for cand in pair:
                self._update(cand, action, c, sent, clause_dates, idx, status)
            return []
        ana_noun = self._anaphoric_subject(doc, cs, cue_tok)
        if ana_noun is None and cue_tok - 2 > cs and _low(doc, cue_tok - 2) in lx.ANAPHOR_DETS \
                and _low(doc, cue_tok - 1) in lx.ANAPHOR_NOUNS:
            ana_noun = _low(doc, cue_tok - 1)  # "Among the practices the law forbids are ..."
        pronoun = bool({t.lower_ for t in doc[cs:cue_tok]} & lx.PRONOUN_SUBJECTS) or \
            any(t.lower_ in {"its", "their"} for t in doc[cue_tok - 1:cue_tok + 1]) or \
            self._measure_pronoun(doc, cs, cue_tok)
        clause_dates = [(m, k) for m, k in date_mentions
                        if cs <= k < ce and m.role not in {"until", "effect"}]
        if ana_noun is None and not pronoun and not self._noun_anaphor(doc, cue_tok):
            last = s.candidates[-1] if s.candidates else None
            if action == "restriction" and has_topic and last is not None and \
                    last.action in {"ban", "moratorium"} and last.status == "enacted" and \
                    0 < idx - last.sentence <= 2 and not self._has_status(c.cues) and \
                    {t.lower_ for t in doc[cs:ce]} & lx.REGULATED_PARTIES:
                # "The law outlaws ... Police may use real-time face identification only in
                # narrow cases and need prior approval from a judge": what the act just
                # reported allows, under limits -- a provision of its own
                return self._emit(sent, c, char_base, in_title, [last.actor], set(), {},
                                  action, "enacted", cue_tok, date_mentions, has_topic, topic,
                                  idx, body_text, None,
                                  default_date=(last.date, last.date_text, last.date_explicit))
            return []
        if ana_noun in BAN_NOUNS and ana_noun in {"pause", "moratorium"} and action == "ban":
            action = "moratorium"
        permanent = any(t.lower_ == "permanent" for t in doc[cue_tok + 1:min(ce, cue_tok + 4)])
        if permanent and self._noun_anaphor(doc, cue_tok) and s.candidates and \
                s.candidates[-1].action in {"moratorium", "extension"} and \
                idx - s.candidates[-1].sentence <= 3:
            # "the board voted 4-1 to make the prohibition permanent": the pause becomes a
            # ban, a decision of its own
            return self._emit(sent, c, char_base, in_title, [s.candidates[-1].actor], set(), {},
                              "ban", status, cue_tok, date_mentions, has_topic, topic, idx,
                              body_text, None)
        if ana_noun is None and self._noun_anaphor(doc, cue_tok):
            # "When it first announced the moratorium": the moratorium already found
            fam = lx.ACTION_FAMILY.get(action)
            for cand in reversed(s.candidates):
                if idx - cand.sentence > 8:
                    break
                if lx.ACTION_FAMILY.get(cand.action) == fam and \
                        cand.action not in {"extension", "repeal"}:
                    self._update(cand, action, c, sent, clause_dates, idx, status)
                    return []
        last = s.candidates[-1] if s.candidates and idx - s.candidates[-1].sentence <= 4 else None
        if last is not None and last.background:
            # "X's moratorium, adopted last year, will now run through 2026. The council
            # extended it earlier this year": "it" is the extension told beside its pause
            last = next((k for k in reversed(s.candidates) if k.sentence == last.sentence and
                         not k.background and k.action == action), last)
        if (ana_noun in BAN_NOUNS | {"ordinance", "law", "measure"} or
                self._noun_anaphor(doc, cue_tok)) and last is not None and \
                last.action in {"extension", "repeal"} and (
                    any(t.lower_ in {"original", "initial", "first", "earlier", "old",
                                     "originally", "initially"} for t in doc[cs:cue_tok + 1])
                    or self._older_year(doc, cs, cue_tok, last)
                    or self._dated_earlier(clause_dates, idx, last, doc)):
            # ("Trustees first approved the pause last fall", after its extension)
            # "The original two-year moratorium was adopted in the summer of 2021": the
            # measure the extension prolongs, an event of its own
            kind = "moratorium" if ana_noun in MORATORIUM_NOUNS or action == "moratorium" \
                else "ban"
            return self._emit(sent, c, char_base, in_title, [last.actor], set(), {}, kind,
                              "enacted", cue_tok, date_mentions, has_topic, topic, idx,
                              body_text, None)
        pend = s.pending if s.pending and idx - s.pending.sentence <= 3 else None
        if prev_in_sentence is not None:
            last = prev_in_sentence
        if pend is not None and (last is None or last.sentence < pend.sentence):
            st = status if self._has_status(c.cues) else pend.status
            default = (pend.date, pend.date_text, False)
            return self._emit(sent, c, char_base, in_title, pend.actors, set(), {}, action, st,
                              cue_tok, date_mentions, has_topic, topic, idx, body_text,
                              None, default_date=default)
        if last is None and s.last_body is not None and 0 < idx - s.last_body[1] <= 2 and \
                {t.lower_ for t in doc[cs:cue_tok]} & {"they", "it"} and \
                self._has_status(c.cues):
            # "Supervisors worked through a dozen items. They ..., voted 12-9 against a
            # two-year moratorium ...": the body the sentence before named
            return self._emit(sent, c, char_base, in_title, [s.last_body[0]], set(), {},
                              action, status, cue_tok, date_mentions, has_topic, topic, idx,
                              body_text, None)
        if last is None:
            place = s.salient.get("last_place")
            if place is not None and ana_noun in lx.MEASURE_NOUNS | BAN_NOUNS and \
                    status == "enacted" and doc[cue_tok].lower_.endswith("ed") and any(
                        t.text.isdigit() and len(t.text) == 4 for t in doc[cs:cue_tok]):
                # "RICHMOND — ... Virginia's police ... The 2021 law barred local police
                # from using it": the dated measure of the place the story is about
                return self._emit(sent, c, char_base, in_title, [place], set(), {}, action,
                                  status, cue_tok, date_mentions, has_topic, topic, idx,
                                  body_text, None)
            return []
        # "The restriction on businesses ..." names the measure again: same event;
        # "It also limits ..." adds a provision: a new event unless the action is the same
        family = lx.ACTION_FAMILY.get(action) == lx.ACTION_FAMILY.get(last.action) or (
            ana_noun in {"limits", "restrictions", "rules", "rule", "measure", "measures",
                         "ordinance", "ordinances", "law", "policy"}
            and last.action in {"ban", "moratorium", "restriction"})  # "The limits on ..."
        if ana_noun is None and not pronoun:  # "who sponsored the ban": that ban again
            if family:
                self._update(last, action, c, sent, clause_dates, idx, status)
            return []
        also = any(t.lower_ in {"also", "additionally", "separately"} for t in doc[cs:cue_tok])
        same = family and not also and (ana_noun is not None or status == last.status) and \
            not (last.status == "failed" and status == "enacted" and
                 self._has_status(c.cues) is False and action != last.action) and \
            not (ana_noun is None and action == "restriction" and has_topic and
                 last.action in {"ban", "moratorium"} and last.sentence < idx)
        # ("The law forbids scraping ... Police use ... is not banned, but it is confined to
        # a short list": limits beside a ban are a provision of their own)
        if same and any(t.lower_ in {"ends", "ended", "replaces", "replaced", "supersedes",
                                     "superseded", "succeeds", "succeeded"}
                        for t in doc[cs:cue_tok]):
            # "The order ends an interim period that began in late 2020, when a state law
            # paused it": the pause is an older measure than the order, not what the order
            # is -- but an event of its own when the clause dates it and says whose law it was
            older = self._state_law_before(doc, cs, cue_tok, last)
            if older is not None and clause_dates:
                return self._emit(sent, c, char_base, in_title, [older], set(), {}, action,
                                  "enacted", cue_tok, date_mentions, has_topic, topic, idx,
                                  body_text, None)
            return []
        if same:
            self._update(last, action, c, sent, clause_dates, idx, status)
            return []
        if action == "exit" and last.actor.actor_type != "company":
            return []  # "it has said the cameras its officers wear will not include one":
            # what a department has, not a government's act
        # "It also limits ...": a further provision of the same act, on the same date
        default = (last.date, last.date_text, last.date_explicit) \
            if pronoun and ana_noun is None else None
        if default is None and pend is not None and ana_noun in lx.MEASURE_NOUNS and \
                last.actor in pend.actors and pend.date is not None:
            # "The final law instead ... requires a court order": the law signed on the day
            # the story began with
            default = (pend.date, pend.date_text, False)
        return self._emit(sent, c, char_base, in_title, [last.actor], set(), {}, action, status,
                          cue_tok, date_mentions, has_topic, topic, idx, body_text,
                          prev_in_sentence, default_date=default)

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
        if not any(w == "state" and nxt in {"law", "legislature", "statute"}
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
        if self._anaphoric_subject(sent.doc, sent.start, sent.end - 1) is None:
            return
        last = s.candidates[-1]
        clause = Clause(sent.start, sent.end, [], [], True)
        self._update(last, "moratorium", clause, sent, [], idx, last.status)

    def _pending(self, sent, cues, mentions, date_mentions, idx) -> None:
        """Remember "X approved the act on Tuesday" for a following "The law bans ..."."""
        doc = sent.doc
        status_cues = [c for c in cues if c.label_.startswith("status:")]
        cue_tok = status_cues[0].start
        passive = _low(doc, cue_tok - 1) in {"was", "were", "been", "is"} or \
            cue_tok == sent.start or self._label_field(doc, sent, cue_tok)
        # ("Status: Approved by the Governor 10/08/2019" under "Bill tracker: AB 1215";
        # "Signed by Gov. Jay Inslee." under a topical headline)
        recent = self.s.candidates[-1] if self.s.candidates else None
        if not any(t.lower_ in lx.MEASURE_NOUNS
                   for t in doc[sent.start if passive else cue_tok:sent.end]) and not (
                passive and (self.s.topical_title or self.s.measure_title)) and not any(
                t.lower_ in lx.MEASURE_NOUNS and (_low(doc, t.i + 1) in {"that", "which"}
                                                 or t.i == cue_tok - 1)
                for t in doc[sent.start:cue_tok]):  # "The policing bill that Baker signed",
            # "the Artificial Intelligence Act cleared its last hurdle"
            return  # "The mayor voted with the council": nothing to refer back to later
        actors, _, _ = self._actors(doc, mentions, cue_tok, sent.start, sent.end)
        status = self._status(doc, cues, cue_tok, sent.start, sent.end, "ban", False)
        if status is None:
            return
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
        if recent is not None and recent.date is None and pdate is not None and \
                recent.actor in actors and recent.status == status and \
                idx - recent.sentence <= 2 and not recent.in_title:
            # "... are considering an ordinance ... Commissioner Brody introduced the draft
            # at the April 12 work session": the date of the proposal just reported
            recent.date, recent.date_text = pdate, dtext

    @staticmethod
    def _label_field(doc: Doc, sent: Span, i: int) -> bool:
        """Token ``i`` opens the value of a record's field ("Status: Approved ...")."""
        return i - 2 == sent.start and doc[i - 1].text == ":" and doc[sent.start].is_title

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
        return _low(doc, cue_tok) in BAN_NOUNS and \
            _low(doc, cue_tok - 1) in lx.ANAPHOR_DETS | {"'s", "’s"}

    @staticmethod
    def _has_status(cues: list[Span]) -> bool:
        return any(c.label_.startswith("status:") for c in cues)

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
            if p1 in {"the", "a"}:
                j -= 1
                p1 = _low(doc, j)
            voters = p1 == "of" and _low(doc, j - 1) in {"vote", "votes", "majority"}
            # ("... died on a 3-4 vote of the parish council": who voted)
            if not voters and (p1 in lx.TARGET_PREV or 0 < m.start - cue_tok <= 3 or
                               p1 in {"in", "at", "of", "across", "before"}):
                continue
            if status == "enacted" and not any(
                    c.start - m.end <= 3 and c.start >= m.end
                    for c in doc.spans.get(CUE_KEY, []) if c.label_ == "status:enacted"):
                continue  # only a body that itself enacts: "Gov. Charlie Baker signed"
            return m.actors[:1]
        return []

    def _refers(self, doc: Doc, cs: int, cue_tok: int) -> bool:
        """The clause's subject is "The ordinance", "it", "the ban"..."""
        return self._anaphoric_subject(doc, cs, cue_tok) is not None or \
            bool({t.lower_ for t in doc[cs:cue_tok]} & lx.PRONOUN_SUBJECTS) or \
            self._noun_anaphor(doc, cue_tok)

    @staticmethod
    def _company_policy(doc: Doc, cues: list[Span]) -> bool:
        """A company's "would"/"will" about itself states its policy, not a proposal."""
        proposed = [c for c in cues if c.label_ == "status:proposed"]
        return all(doc[c.start].lower_ in lx.COMPANY_POLICY_MODALS for c in proposed)

    # ---------------------------------------------------------------- background events
    @staticmethod
    def _counterfactual(doc: Doc, cs: int, ce: int, cue_tok: int) -> bool:
        """"would have stopped", "could have banned": a measure that did not happen -- but
        not "approved the pause after objections to a grant that would have paid for it",
        where the "would have" is about something else, well after the cue."""
        return any(doc[i].lower_ in {"would", "could", "might"} and _low(doc, i + 1) == "have"
                   for i in range(cs, min(ce, cue_tok + 4)))

    def _background(self, doc: Doc, c: Clause, action: str, cue_tok: int, clause_dates
                    ) -> tuple[str, list] | None:
        """"rolling back ... a ban the council adopted in December 2020": the original ban
        is an event of its own, dated by the relative clause after its noun."""
        if action not in {"repeal", "extension"}:
            return None
        # ("carving an exception into the surveillance ordinance it passed in December
        # 2020": what a repeal cuts into is the ban)
        nouns_of = BAN_NOUNS | ({"ordinance", "law"} if action == "repeal" else set())
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
                kind = "moratorium" if word in MORATORIUM_NOUNS else "ban"
            else:
                # "reversing part of a 2020 ordinance that had banned it"
                j = k.start - 1
                while j > cue_tok and doc[j].lower_ in {"had", "has", "have", "first"}:
                    j -= 1
                if doc[j].lower_ not in {"that", "which"} or \
                        _low(doc, j - 1) not in lx.MEASURE_NOUNS:
                    continue
                noun_start, noun_end = j - 1, k.end
                kind = "moratorium" if k.label_ == "action:moratorium" else "ban"
            for m, dk in clause_dates:
                if m.role == "effect" or (not m.explicit_year and _low(
                        doc, noun_start - 1) not in {"'s", "’s"}):
                    continue  # "its 2019 ban", and "last year's prohibition"
                if noun_start - 3 <= dk < noun_start and not any(
                        t.is_punct for t in doc[dk:noun_start]):
                    return kind, [(m, dk)]  # "its 2019 ban", "a 2020 ordinance"
            for m, dk in clause_dates:
                if dk <= noun_start or m.role == "effect" or (noun_start < cue_tok <= dk):
                    continue  # "The prohibition ... was reversed on Monday": the repeal's date
                between = {t.lower_ for t in doc[noun_end:dk]}
                if between & {"was", "were", "is", "are"} and \
                        not between & {"that", "which", ",", "it", "they"}:
                    continue  # "A partial rollback of X's ban was approved Tuesday": the
                    # sentence's own verb dates the rollback, not the ban
                if (between & lx.SPEECH_VERBS) - BACKGROUND_VERBS:
                    continue  # "..., the mayor said on Monday": the statement's date
                if between & BACKGROUND_VERBS:
                    return kind, [(m, dk)]
            if {_low(doc, noun_start - 1), _low(doc, noun_start - 2)} & {"existing", "current"}:
                return kind, []  # "would extend the city's existing moratorium": undated
            # no date for this noun: a later one may carry it ("extended its moratorium ...,
            # weeks before the one-year pause it announced last June was set to expire")
        return None

    # ---------------------------------------------------------------- clauses and cues
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
            if {t.lower_ for t in c} & {"business", "market", "field", "space"}:
                return True
            if {t.lower_ for t in c[1:]} & {"technology", "software", "tech", "tool", "tools"}:
                return True  # "conditions agencies' use of the technology on a warrant"
            before = [t.lower_ for t in doc[max(sent.start, c.start - 3):c.start]]
            loose = c.label_ == "action:restriction" and \
                doc[c.start].lower_ not in BAN_NOUNS | {"limits", "restrictions"}
            if before and not loose and (
                    before[-1] in lx.ANAPHOR_DETS | {"a", "similar", "'s", "’s", "matching",
                                                     "identical", "parallel", "companion"}
                    or any(w in lx.ANAPHOR_DETS for w in before[-3:-1])):
                return True  # ("a ban", "the moratorium" -- but not "without a warrant")
            if self._anaphoric_subject(doc, sent.start, c.start) is not None:
                return True  # "The law, signed last week, bars ..."
            window = [t.lower_ for t in doc[c.end:min(sent.end, c.end + 8)]]
            if (not window or window[0] in {".", ",", ";", "in", "last", "this", "earlier"}) \
                    and not loose:
                return True  # (but "barring drones over backyards without a warrant.")
            if window[0] == "on" and len(window) > 1 and \
                    window[1] in lx.ANAPHOR_OBJECTS | lx.ANAPHOR_DETS:
                return True
            if any(w in lx.ANAPHOR_OBJECTS for w in window):
                return True
        return False

    def _quoted_tokens(self, sent: Span) -> set[int]:
        inside: set[int] = set()
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
                inside.update(range(open_at, t.i))
                open_at = None
        if open_at is not None and open_at == sent.start:  # quote running past the sentence
            inside.update(range(open_at, sent.end))
        return inside

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
                       m.kind == "place" and _low(doc, m.start - 1) in {"in", "at", "from"})]
        # ("..." said Ines Varga, who teaches at a college in Ohio: where she works)
        speech = [t.i for t in sent if t.lower_ in lx.SPEECH_VERBS and t.i not in quote]
        after = [k for k in speech if k > max(quote)]
        speech = after[:1] or speech[-1:]  # the verb of this quote, not of a later clause
        if not outside or not speech:
            return []
        best = min(outside, key=lambda m: min(abs(m.start - k) for k in speech))
        return best.actors[:1]

    def _clauses(self, sent: Span, cues: list[Span], mentions: list[Mention]) -> list[Clause]:
        doc = sent.doc
        cuts: list[tuple[int, bool]] = [(sent.start, True)]
        opening = self._dateline_end(sent)
        subordinate = doc[opening].lower_ in lx.SUBORDINATORS or self._interval_opening(
            doc, opening)  # "Three years after forbidding its police from using it, X ..."
        sub_cut = False
        for t in sent:
            if t.i == sent.start:
                continue
            if t.text == ":" and self._label_before(sent, t.i, mentions):
                cuts.append((t.i + 1, False))  # "Osterlund, Minnesota: Ordinance 2021-37 ..."
            elif t.text in {";", ":", "—", "–"}:
                cuts.append((t.i + 1, True))
            elif (t.lower_ in lx.CLAUSE_CONJ | {"then"} and doc[t.i - 1].text == ",") or \
                    t.lower_ in {"while", "whereas"}:
                cuts.append((t.i, False))
            elif t.lower_ == "and" and (self._acting_mention_at(t.i + 1, cues, mentions) or
                                        self._speaking_company_at(doc, t.i + 1, mentions)):
                cuts.append((t.i, False))  # "IBM said it was leaving and Amazon paused"
            elif t.lower_ == "and" and self._second_act_at(t.i, cues, cuts[-1][0]):
                cuts.append((t.i, False))  # "it would stop selling the product to retailers
                # and limit access for everyone else to customers who pass a vetting"
            elif t.text == "," and _low(doc, t.i + 1) in {"turning", "converting",
                                                           "transforming"}:
                cuts.append((t.i + 1, False))  # "..., turning into a lasting prohibition the
                # pause that lawmakers imposed in 2020": the older measure is told apart
            elif t.text == "," and self._acting_mention_at(t.i + 1, cues, mentions):
                cuts.append((t.i + 1, False))  # "IBM abandoned it, Amazon imposed a pause"
            elif t.lower_ in {"which", "who"} and doc[t.i - 1].text == "," and \
                    (own := self._relative_owner(t.i, cues, mentions)) is not None:
                cuts.append((own, False))  # "... alongside Somerville, which did the same"
                if own == cuts[-2][0] and (back := self._predicate_after(t.i, cues, sent)):
                    # "Virginia, which barred ... in 2021, reversed course this spring":
                    # the subject's own predicate after its relative clause
                    cuts.append((back, False))
            elif t.lower_ == "where" and doc[t.i - 1].text == "," and \
                    self._own_act_after(t.i, cues, mentions):
                cuts.append((t.i, False))  # "... with Cambridge, just across the river,
                # where councilors passed a similar ban in January": the place's own act
            elif t.text == "," and subordinate and not sub_cut and \
                    self._new_subject_at(t.i + 1, cues, mentions):
                sub_cut = True  # "While Vermont halted ..., New Hampshire rejected ..."
                cuts.append((t.i + 1, False))
        cuts.append((sent.end, True))
        out = []
        for (a, hard), (b, _) in zip(cuts, cuts[1:], strict=False):
            if b > a:
                out.append(Clause(a, b, [c for c in cues if a <= c.start < b],
                                  [m for m in mentions if a <= m.start < b], hard))
        return out or [Clause(sent.start, sent.end, cues, mentions, True)]

    def _rule_of_last_act(self, doc: Doc, cs: int, idx: int) -> bool:
        """"The law outlaws ... Police ... need prior approval from a judge": right after an
        enacted act, what the regulated must do is its rule, not a speaker's demand."""
        last = self.s.candidates[-1] if self.s.candidates else None
        return last is not None and last.status == "enacted" and \
            0 < idx - last.sentence <= 2 and doc[cs].lower_ in lx.REGULATED_PARTIES

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
            any(m.kind == "company" and m.start < cs for m in mentions)

    @staticmethod
    def _failed_try(t) -> bool:
        """"an attempt to override him fell one vote short": the override did not happen."""
        doc = t.doc
        before = {_low(doc, j) for j in range(t.i - 3, t.i)}
        after = {_low(doc, j) for j in range(t.i + 1, min(len(doc), t.i + 8))}
        return bool(before & {"attempt", "effort", "bid", "try", "failed", "vote"} and
                    after & {"fell", "short", "failed", "fails", "lost"})

    @staticmethod
    def _model_act(doc: Doc, c: Clause) -> Mention | None:
        """"like the one Portland, the state's largest city, adopted": the place named as
        the model of a demand, with the act the clause says it took."""
        for i in range(c.start, c.end - 3):
            if doc[i].lower_ == "like" and _low(doc, i + 1) in {"the", "those"} and \
                    _low(doc, i + 2) in {"one", "ones"}:
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

    @staticmethod
    def _interval_opening(doc: Doc, i: int) -> bool:
        """"Three years after", "A month before": a sentence opening with an interval."""
        words = [_low(doc, j) for j in range(i, i + 3)]
        return (words[0] in lx.NUMBER_WORDS or words[0].isdigit()) and \
            words[1].rstrip("s") in {"day", "week", "month", "year"} and \
            words[2] in {"after", "before"}

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

    def _pair_told(self, doc: Doc, cs: int, cue_tok: int, action: str, idx: int
                   ) -> list[Candidate]:
        """The acts of several bodies told together just before, when the clause's subject
        is "the two town councils" or "both boards"."""
        words = {t.lower_ for t in doc[cs:cue_tok]}
        if not words & {"two", "both", "three"} or not words & lx.PLURAL_BODY_NOUNS:
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
                    _low(doc, m.end) not in {"city", "town", "village", "borough", "township"}:
                continue
            region = m.actors[0].region
            for key in ("city", "last_place"):
                town = self.s.salient.get(key)
                if town is not None and town.level == "city" and town.region == region:
                    return town
        return None

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
            or any(a == "no" and b in {"one", "member", "members", "councilor", "lawmaker",
                                       "such"} for a, b in zip(words, words[1:], strict=False))

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

        def ends_at(m: Mention, j: int) -> bool:  # "Madison, Wisconsin, which ..."
            return m.end == j or (bool(m.qualifiers) and max(m.qualifiers) + 1 == j)

        places = [m for m in mentions if m.kind in {"place", "company"} and not m.owned]
        owner = next((m for m in places if ends_at(m, rel - 1)), None)
        if owner is None:
            # "from Jackson, the Mississippi capital, which barred ...": past an appositive
            start = next((j for j in range(rel - 2, max(rel - 8, 0), -1)
                          if doc[j].text == ","), None)
            if start is not None and _low(doc, start + 1) in {"the", "a", "an"}:
                owner = next((m for m in places if ends_at(m, start)), None)
        return owner.start if owner is not None else None

    @staticmethod
    def _new_subject_at(i: int, cues: list[Span], mentions: list[Mention]) -> bool:
        """A place, company or body starts at ``i`` (after "the") and a cue follows it
        closely: the main clause after a fronted subordinate one has its own subject."""
        m = next((m for m in mentions if i <= m.start <= i + 1
                  and m.kind in {"place", "company", "body", "agency"}), None)
        if m is None:
            return False
        end = max(o.end for o in mentions if o.start < m.end + 3 and o.start >= m.start)
        return any(end <= c.start <= end + 3 and (c.label_.startswith(("action:", "status:"))
                                                  or c.label_ == "chain") for c in cues)

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
        if doc is not None and m.kind == "company" and _low(doc, m.end) in {"'s", "’s"} and \
                _low(doc, m.end + 1) in lx.DECISION_NOUNS and any(
                    c.label_.startswith("action:") and m.end < c.start <= m.end + 10
                    for c in cues):
            return True  # "... and Meta's decision in November 2021 to shut down ..."
        return any((c.label_.startswith(("action:", "status:")) or c.label_ == "chain") and (
            c.start == m.end or (
                doc is not None and m.kind == "company" and m.end < c.start <= m.end + 8 and
                not any(t.text in {",", ";", ":", ".", "—", "–", "(", ")", '"'} or
                        t.lower_ in {"that", "which", "who", "and", "to"}
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
                                 {"after", "since", "before", "which", "who"}
                                 for k in doc.spans.get(CUE_KEY, []))
        # "the council lifted it": "it" is the ban the article has been about
        # (or the pause whose extension was just told)
        has_ban = has_ban or (self.s.last_action in {"ban", "moratorium", "extension"} and any(
            _low(doc, c.end) in {"it", "them"} or
            {_low(doc, c.start - k) for k in (1, 2, 3, 4)} & {"it", "they"}  # "it would be
            for c in acts if doc[c.start].lower_ in lx.NEEDS_BAN))  # extended"
        # "... has partly reversed course. The council voted to let detectives ...": the
        # repeal already found, told in detail
        has_ban = has_ban or (self.s.last_action == "repeal" and any(
            c.label_ == "action:repeal" for c in acts))
        # "voted to let the police department use the technology again": lifts the ban
        has_ban = has_ban or (self.s.last_action in {"ban", "moratorium"} and any(
            t.lower_ in {"again", "resume", "resumes", "resuming"}
            for c in acts for t in doc[c.start:min(len(doc), c.end + 14)]))
        # "The extension, announced on Wednesday, ...": the one already found
        has_ban = has_ban or any(
            doc[c.start].lower_ in {"extension", "renewal"} and _low(doc, c.start - 1) in
            lx.ANAPHOR_DETS and any(k.action == "extension" for k in self.s.candidates)
            for c in acts)
        # "has extended, for another year, the one-year suspension of ...": the noun is
        # inside a duration cue, not an action cue of its own
        has_ban = has_ban or any(
            t.lower_ in BAN_NOUNS and t.sent == doc[c.start].sent
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
                k = j + 2 if _low(doc, j + 1) in {"the", "a"} else j + 1
                return k < len(doc) and doc[k].is_alpha and \
                    doc[k].lower_ not in set(d.MONTHS) | lx.TIME_WORDS and \
                    any(t.lower_ in BAN_NOUNS | {"it", "them"} for t in doc[c.end:j])
        return False

    @staticmethod
    def _other_object(doc: Doc, c: Span) -> bool:
        """"They renewed the jail's medical services contract for three years, voted against
        a two-year moratorium ...": the renewal is of something else."""
        if c.label_ != "action:extension" or len(c) > 1 or \
                doc[c.start].lower_ not in {"renew", "renewed", "renews", "renewing"}:
            return False
        near = {t.lower_ for t in doc[max(0, c.start - 2):min(len(doc), c.end + 6)]}
        return bool(near & {"contract", "contracts", "license", "licence", "lease", "permit",
                            "subscription"})  # ("jail contract renewed" in a headline too)

    @staticmethod
    def _relative_extension(doc: Doc, c: Span, acts: list[Span]) -> bool:
        """"had frozen it under a law signed in December 2020 that kept the pause in place
        until ...": the relative clause says how long the pause lasts, not that it was
        prolonged."""
        return c.label_ == "action:extension" and \
            any(_low(doc, j) in {"that", "which"} for j in range(c.start - 2, c.start)) and \
            any(a.start < c.start and a.label_ in {"action:ban", "action:moratorium"}
                for a in acts)

    def _status(self, doc: Doc, cues: list[Span], cue_tok: int, cs: int, ce: int,
                action: str, in_title: bool) -> str | None:
        rel = next((i for i in range(cue_tok + 1, ce)
                    if doc[i].lower_ in {"that", "which", "who", "whose"}), None)
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
        if any(n.end == k.start and doc[n.start].lower_ in {"not", "n't", "never"}
               for n in negs for k in proposed):
            return None  # "The county commission has not taken up any limits"
        if any(n.end == k.start and _low(doc, k.end) == "any" for n in negs for k in enacted):
            return None  # "the city itself has not adopted any limits": nothing was voted on
        if any(doc[n.start].lower_ in {"no", "neither"} and n.start <= cs + 1 and any(
                n.end < k.start <= n.end + 8 for k in proposed + enacted) for n in negs):
            return None  # "No member of the council has proposed limits"
        if any(_low(doc, n.end) in lx.NEG_INTENT and n.end < cue_tok for n in negs
               if cs <= n.start):
            return None  # "not planning a face-recognition ban"
        if any(doc[n.start].lower_ == "no" and _low(doc, n.end) in lx.NO_APPETITE and
               n.end < cue_tok for n in negs if cs <= n.start):
            return None  # "she had heard no support on the council for a ban"
        if any(doc[n.start].lower_ in {"not", "n't", "never"} and any(
                doc[j].lower_ in {"any", "a", "an"} for j in range(n.end, k.start))
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
        headline_future = any(doc[k].lower_ in {"will", "to"} and k + 1 == cue_tok
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
        while w in {"had", "has", "have"} or (w.endswith("ly") and len(w) > 3):
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
            t.lower_ in lx.MEASURE_NOUNS | BAN_NOUNS | {"to"} for t in doc[i + 1:i + 5])

    @staticmethod
    def _measure_pronoun(doc: Doc, cs: int, cue_tok: int) -> bool:
        """"(passed two ordinances.) One keeps bureaus from ...; the other bars ...":
        the clause opens with a pronoun standing for one of the measures just passed."""
        j = cs + 1 if _low(doc, cs) in {"the", ";", "and"} else cs
        if _low(doc, j) == "the":
            j += 1
        return _low(doc, j) in {"one", "other", "another", "both", "each", "first", "second",
                                "latter", "former"} and cue_tok - j <= 2

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
            if not t.lower_.startswith(("veto", "reject", "block", "kill")):
                continue
            p1, p2 = _low(doc, t.i - 1), _low(doc, t.i - 2)
            if p1 in {"would", "will", "could", "might"} or (
                    p1 == "to" and p2.startswith(("threat", "vow", "promis", "pledg"))):
                return True
        return False

    @staticmethod
    def _authorship(doc: Doc, k: Span) -> bool:
        """A proposal cue that names a measure's author, not its state: "sponsored the
        ordinance", "the ordinance, drafted by ...", "had championed both measures"."""
        if k.label_ != "status:proposed" or k.text.lower() not in lx.AUTHORSHIP:
            return False
        nxt = [_low(doc, k.end + i) for i in range(3)]
        if nxt[0] in {"the", "both", "this", "that", "its"} and (
                nxt[1] in lx.MEASURE_NOUNS or nxt[2] in lx.MEASURE_NOUNS):
            return True
        return nxt[0] == "by" and _low(doc, k.start - 1) == "," and \
            _low(doc, k.start - 2) in lx.MEASURE_NOUNS | BAN_NOUNS

    def _authorship_only(self, doc: Doc, cues: list[Span]) -> bool:
        proposed = [k for k in cues if k.label_ == "status:proposed"]
        return bool(proposed) and all(self._authorship(doc, k) for k in proposed) and any(
            c.status == "enacted" and not c.in_title for c in self.s.candidates)

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
        return any(t.lower_ in {"will", "scheduled", "set", "expected", "upcoming"}
                   for t in doc[max(0, k - 6):k])

    @staticmethod
    def _one_chamber(doc: Doc, c: Clause, cue_tok: int) -> bool:
        """The only enacting body of the clause is one chamber of a state legislature."""
        bodies = [m for m in c.mentions if m.kind == "body" and m.role == "legislature"]
        if not bodies or any(t.lower_ in {"signed", "signs", "law", "governor", "gov.", "both"}
                             for t in doc[c.start:c.end]):
            return False
        return all(doc[m.end - 1].lower_ in {"house", "senate", "assembly", "delegates",
                                             "representatives"} for m in bodies)

    @staticmethod
    def _elided_subject(doc: Doc, cs: int, cue_tok: int) -> bool:
        """"X is retiring A, the company said, and will limit B": a coordinated verb
        phrase whose subject is the previous clause's actor."""
        if _low(doc, cs) not in {"and", "but", "then"} or cue_tok <= cs:
            return False  # "..., then repealed that ban in November"
        return all(t.lower_ in lx.AUXILIARIES | {"then", "later", "also", "eventually", "quickly"}
                   for t in doc[cs + 1:cue_tok])

    @staticmethod
    def _under_law_after(doc: Doc, cue_tok: int, ce: int) -> bool:
        """"Police will need a warrant ..., under rules the Town Council approved on
        Thursday": the "will need" is the adopted rule's, not a demand."""
        return any(t.lower_ == "under" and any(
            w.lower_ in lx.MEASURE_NOUNS for w in doc[t.i + 1:min(ce, t.i + 5)])
            and any(w.lower_ in {"approved", "adopted", "passed", "signed", "enacted", "issued"}
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
        if _low(doc, k).endswith("ly") or _low(doc, k) in {"now", "also", "effectively"}:
            k -= 1
        return _low(doc, k) in {"be", "been", "being", "is", "are", "was", "were"} and \
            doc[cue_tok].lower_.endswith(("ed", "en", "bade"))

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
                    if t.lower_ in {"which", "who", "whose"} and doc[t.i - 1].text == ","), None)
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
        for m in usable:
            if passive and m.start < cue_tok and (m.kind == "company" or (
                    m.kind in {"body", "agency"} and m.role in {"police", "agency", ""})) and \
                    not any(t.lower_ in lx.SPEECH_VERBS for t in doc[m.end:cue_tok]):
                continue  # "The police department will be barred from ...": the target
                # (but "Amazon confirmed it would be extended": Amazon speaks of its own)
            if _low(doc, m.end) in {"'s", "’s"} and _low(doc, m.end + 1) in {
                    "use", "uses", "access", "purchase", "deployment", "searches", "officers"}:
                continue  # "a policy governing the Detroit Police Department's use": whose use
            if _low(doc, m.end) in {"'s", "’s"} and _low(doc, m.end + 1) in {
                    "objections", "objection", "opposition", "protests", "concerns", "warnings"}:
                continue  # "Over the police commissioner's objections, councilors voted"
            if m.start > cue_tok and any(t.lower_ in {"until", "unless"}
                                         for t in doc[cue_tok:m.start]):
                continue  # "until there is a national law": a condition, not an actor
            p1, p2 = _low(doc, m.start - 1), _low(doc, m.start - 2)
            if p1 in {"any", "every", "all", "each"} and p2 in lx.TARGET_PREV:
                p1 = p2  # "from selling to any Illinois state or local agency": a target
            if m.start == cs:  # "..., from | Jackson, the Mississippi capital, which barred
                p1 = p2 = ""  # ...": the word before belongs to the clause before
            if p1 in {"the", "a"} and p2:
                p1 = p2
            ref = p1 in lx.REFERENCE_PREV and not (
                _low(doc, m.end) in lx.SPEECH_VERBS or m.end == cue_tok  # "after IBM said"
                or self._plain_verb_at(doc, m.end))  # "after the police department disclosed"
            # a precedent after "follows"/"after" -- but not "the ban followed reports that",
            # "after a vendor offered the police ..." or "after the police disclosed a trial"
            chain = any(t.lower_ in lx.CHAIN_AFTER and not (
                t.lower_.startswith("follow") and _low(doc, t.i - 1) in BAN_NOUNS)
                and not any(w.lower_.endswith("ed") for w in doc[t.i + 1:m.start])
                for t in doc[cue_tok:m.start]) and not self._plain_verb_at(doc, m.end) and \
                _low(doc, m.end) not in lx.SPEECH_VERBS  # "after the police chief said ..."
            if m.kind in {"body", "agency"} and m.role == "police" and m.start < cue_tok and \
                    cue_tok - m.end <= 3 and _low(doc, m.end) not in {"'s", "’s"} and \
                    doc[cue_tok].lower_ in BAN_NOUNS | {"limits", "restrictions", "curbs",
                                                        "rules"}:
                continue  # "Board shelves sheriff face-scan limits": whose use is limited
            by_at = m.start - 2 if _low(doc, m.start - 1) in {"the", "a"} else m.start - 1
            if p1 == "by" and m.start > cue_tok and any(
                    t.end == by_at or (t.end == by_at - 1 and _low(doc, t.end) in {
                        "technology", "software", "systems", "system", "tools"})
                    for t in doc.spans.get(TOPIC_KEY, [])) or (
                    p1 == "by" and _low(doc, m.start - 2) in {"use", "uses", "searches"}
                    and m.start > cue_tok and not passive):
                continue  # "a moratorium on facial recognition by the Sheriff's Office": whose
                # use is paused, not who paused it
            owns_cue = _low(doc, m.end) in {"'s", "’s"} and 0 < cue_tok - m.end <= 4
            # ("build on the company's 2020 pledge not to sell ...": whose pledge)
            if p1 in lx.TARGET_PREV and not ref and not owns_cue and not (
                    p1 in {"including", "include", "includes"} and m.kind == "place") and not (
                    p1 == "with" and p2 in {"along", "together"}):  # "along with Northampton"
                target_end = m.end
                continue
            if target_end is not None and 0 <= m.start - target_end <= 4 and all(
                    t.lower_ in {",", "or", "and", "the", "a", "an"} or t.is_title
                    for t in doc[target_end:m.start]):
                target_end = m.end
                continue  # "a request to the Registry, the State Police or the FBI": all targets
            if m.start < cue_tok and p1 in {"in", "across", "throughout", "of"} and any(
                    o.start < m.start for o in before_cue):
                continue  # "Axon, the largest maker ... in the United States, said"
            if m.start > cue_tok and not ref:
                if chain and m.kind in {"place", "body"}:
                    pass
                elif p1 == "," and any(k.label_ == "chain" and m.end <= k.start <= m.end + 1
                                       for k in doc.spans.get(CUE_KEY, [])):
                    pass  # "Boston banned it in June, Springfield followed in February"
                elif p1 == "of" and m.kind == "place" and any(q < m.start for q in m.qualifiers):
                    pass  # "introduced in the Delaware and Maryland halves of Veltry"
                elif p1 in {",", "and"} and m.kind == "place" and self._gapped(doc, m):
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
        if doc[cue_tok].lower_ not in BAN_NOUNS or _low(doc, cue_tok + 1) not in {"that", "which"}:
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
            while j > 0 and doc[j - 1].lower_ in {",", "and", "or"}:
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
        if _low(doc, j) not in {"in", "on"} or j + 1 >= len(doc):
            return False
        nxt = doc[j + 1]
        return nxt.lower_ in d.MONTHS or nxt.like_num or nxt.lower_ in {"early", "late", "mid"}

    @staticmethod
    def _relative_subject(doc: Doc, m: Mention, cue_tok: int) -> bool:
        """The mention opens a relative clause after the cue: "that [the Jackson] City
        Council passed" (the look-back skips the article and the name owning the body)."""
        j = m.start - 1
        while j > cue_tok and m.start - j <= 5 and (
                doc[j].lower_ in {"the", "'s", "’s"} or doc[j].is_title):
            j -= 1
        # a zero relative: "under a moratorium [that] Gov. Phil Scott signed"
        return j >= cue_tok and (doc[j].lower_ in {"that", "which"} or (
            doc[j].lower_ in BAN_NOUNS | lx.MEASURE_NOUNS and m.start - j <= 2))

    @staticmethod
    def _status_after(doc: Doc, m: Mention) -> bool:
        """The mention is the subject of a status verb right after it ("Austin approved")."""
        end = m.end
        while end < len(doc) and end - m.end < 3 and doc[end].is_title and doc[end].is_alpha:
            end += 1  # "Gov. Phil Scott signed": the officer's name
        return any(c.label_.startswith("status:") and m.end <= c.start <= max(end, m.end + 1)
                   for c in doc.spans.get(CUE_KEY, []))

    # ---------------------------------------------------------------- dates
    def _own_dates(self, actor: Actor, ordered: list[tuple[Actor, int]], usable, ce: int):
        """Dates right after an actor and before the next one ("San Francisco in May and
        Somerville in June")."""
        pos = dict(ordered).get(actor)
        if len(ordered) < 2:
            return [(m, k) for m, k in usable if pos is not None and k > pos] \
                if ordered and self._single_ref else []
        if pos is None:
            return []
        later = [p for _, p in ordered if p > pos]
        stop = min(later) if later else ce
        return [(m, k) for m, k in usable if pos < k < stop]

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
    def _inverted(doc: Doc, dm, date_mentions, actor_pos: int | None) -> bool:
        """"came two days after IBM said": IBM's event is *before* the anchor."""
        m, k = dm
        if m.kind != "after_event" or not re.search(r"\b(after|before)$", m.text, re.I):
            return False
        end = k + len(m.text.split())  # ("The day after, Sheriff X said ...": no inversion)
        return actor_pos is not None and actor_pos > k and _low(doc, end) not in {",", "—", ";"}

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
                      if t.lower_ in {"after", "before"}), None)
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
        future = status == "proposed" and bool(before & {"will", "next", "scheduled", "set",
                                                         "upcoming", "could", "expected"})
        if m.kind == "after_event" and not invert and self._interval_opening(doc, tok) and \
                _low(doc, tok + 3).endswith("ing") and s.base is not None:
            # "Three years after forbidding its police from using it, X has reversed
            # course": the act three years before the news
            invert, anchor = True, d.PartialDate.from_date(s.base)
        if invert:
            m = _measured_back(m)
        earlier = [dm for dm, k in self._sentence_dates
                   if k < tok and dm.role != "until" and
                   (dm.explicit_year or (dm.kind == "period" and "year" in dm.text.lower()))]
        # ("Last year's round of votes opened in January in Cambridge")
        # "Boston acted in June 2020, Portland in September of that year": the year
        # written earlier in the sentence
        hint = d.resolve(earlier[-1], s.base) if earlier else self._year_hint(idx)
        written = [dm for dm, k in self._sentence_dates if k < tok and dm.explicit_year]
        if m.kind == "after_event" and written and not invert and \
                re.match(r"(?i)the\s+(following|next)\b", m.text):
            # "debated through the autumn of 2021 and adopted the following spring": counted
            # from the date just written, not from the last act
            anchor = d.resolve(written[-1], s.base)
        pdate = d.resolve(m, s.base, anchor=anchor, year_hint=hint, future=future)
        return pdate, m.text if not invert else m.text.rsplit(" ", 1)[0] + " after", \
            m.explicit_year

    # ---------------------------------------------------------------- other fields
    def _scope(self, clause_text: str, sent_text: str) -> str | None:
        for text in (clause_text, sent_text):
            for name, rx in lx.SCOPES:
                if rx.search(text):
                    return name
        return None

    def _until(self, sent: Span, c: Clause, pdate: d.PartialDate | None) -> str | None:
        text = sent.text
        if lx.INDEFINITE.search(text):
            return "indefinite"
        for m in d.find_dates(text):
            before = text[max(0, m.start - 30):m.start]
            if lx.UNTIL_PREV.search(before):
                val = d.resolve(m, self.s.base, year_hint=pdate, future=True)
                if val:
                    return val.iso()
        sy = lx.START_OF_YEAR.search(text)
        if sy and re.search(r"\b(until|lapses?|expires?|sunsets?|ends?|through)\b", text, re.I):
            return f"{sy.group(2)}-01-01" if sy.group(1).lower() != "end" else \
                f"{sy.group(2)}-12-31"
        dur = lx.DURATION.search(text)
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
                return bool(set(words[max(0, i - 3):i]) & {"that", "which", "who"})
            if w in {"has", "have"} and any(x.endswith(("ed", "en")) for x in words[i + 1:i + 3]):
                return True  # "has banned"
            if w.endswith("ed") or w in {"became", "took", "went", "voted", "passed"}:
                return True
        return False
