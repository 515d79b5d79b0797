"""What the sentence rules share: the records they build and the article's memory.

An ``Actor`` acts, a ``Mention`` is where a sentence names one, a ``Clause`` is the
stretch of a sentence one act is read from, a ``Candidate`` is an event found there,
and ``ArticleState`` is what reading the article so far has taught.  The token helpers
here are the few that several kinds of rule look at; their words are in ``lexicon``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from .. import dates as d
from .. import lexicon as lx
from ..components import lower_words
from ..gazetteer import Gazetteer, Place
from ..places import PlaceContext


@dataclass(frozen=True)
class Actor:
    name: str
    actor_type: str  # company | jurisdiction | agency
    level: str | None
    country: str | None
    region: str | None


def agency_actor(ent_id: str) -> Actor:
    """The agency an ``agency:name|country|region|level`` entity id names."""
    name, country, region, level = (ent_id.split(":", 1)[1].split("|") + ["", "", ""])[:4]
    return Actor(name, "agency", level or None, country or None, region or None)


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

    @property
    def full_end(self) -> int:
        """The token after the name and the state that qualifies it: what follows
        "Portland, Oregon" is read after "Oregon", not after "Portland"."""
        return max([self.end, *(q + 1 for q in self.qualifiers)])

    def ends_at(self, j: int) -> bool:
        """Whether the name, or the name with its qualifying state, ends just before token
        ``j`` ("Madison, Wisconsin, which ...": the comma after "Madison" or "Wisconsin")."""
        return j in (self.end, self.full_end)


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
    #: read from a measure the topic knows by name ("approved the AI Act"): it stands
    #: until the next sentences tell what the measure does
    provisional: bool = False
    #: where the rules read it: the sentence, the cue token and the actor's token (None
    #: when the actor is not named in the sentence); what the learned decider looks at
    sent: Span | None = field(default=None, repr=False, compare=False)
    cue_tok: int | None = None
    actor_tok: int | None = None


@dataclass
class SentenceRecord:
    """One sentence as the rules read it: what the candidate generator and the learned
    decider need to propose and judge events the rules did not make."""

    index: int
    sent: Span
    char_base: int
    in_title: bool
    mentions: list[Mention]
    cues: list[Span]
    date_mentions: list  # (DateMention, token index)
    has_topic: bool
    topic: str
    last_action: str | None  # the action last told before this sentence ("followed suit")


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
    base: date | None  # the publication or dateline day, when known
    topics: list[str]
    default_topic: str
    #: the publication date when only its month or year is known ("May 2019")
    rough_base: d.PartialDate | None = None
    candidates: list[Candidate] = field(default_factory=list)
    salient: dict[str, Actor] = field(default_factory=dict)  # level / "company" → last actor
    pending: Pending | None = None
    pending_log: list[Pending] = field(default_factory=list)  # every enactment so reported
    last_action: str | None = None
    last_date: d.PartialDate | None = None
    #: the words of the topics' terms, which are never "another thing banned"
    topic_words: set[str] = field(default_factory=set)
    #: the topics' named measures (lowercased) and who owns each ("ai act" → "European
    #: Union"), for a clause that names nobody
    measure_owners: dict[str, str] = field(default_factory=dict)
    #: the topics' own businesses ("Bird", "Lime") and the topic each is in
    business_topics: dict[str, str] = field(default_factory=dict)
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
    #: the legislature of the last member named ("U.S. Sen. Kennedy ... introduced"), and
    #: where: "The bill would ..." after it is theirs
    last_member: tuple[Actor, int] | None = None
    #: the last public agency named, and where: "the watchdog" after it, and the author of
    #: a passive order the next sentence tells ("... fined by the Information
    #: Commissioner's Office. The company was also ordered to stop ...")
    last_agency: tuple[Actor, int] | None = None
    #: the last police force named as such ("the Waterloo Regional Police Service"), whose
    #: chief a later "Police Chief" is in a story that places no town
    last_police_force: Actor | None = None
    author_date: tuple[d.PartialDate | None, str | None, bool] | None = None
    motions: list[Candidate] = field(default_factory=list)  # items awaiting their outcome
    #: every sentence read, in order, with its mentions and cues
    sentences: list[SentenceRecord] = field(default_factory=list)
    #: (scope, pattern): the topics' own scopes first, then the generic ones
    scopes: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)
    #: the topics' uses whose ban is only a restriction ("the sole basis for an arrest")
    partial_use: re.Pattern[str] | None = None
    #: acronyms the article spells out: "OAIC" → "Office of the Australian Information ..."
    acronyms: dict[str, str] = field(default_factory=dict)
    meeting_date: tuple[d.PartialDate | None, str | None, bool] | None = None
    #: clauses the named checks dropped, for ``--explain``
    vetoes: list[Vetoed] = field(default_factory=list)

    @property
    def when(self) -> date | d.PartialDate | None:
        """What a date in the text is resolved against: the day, else the rough date."""
        return self.base if self.base is not None else self.rough_base


@dataclass
class Clause:
    start: int
    end: int
    cues: list[Span]
    mentions: list[Mention]
    hard_start: bool  # begins after ";" ":" or a dash rather than ", and"


@dataclass
class SentenceRead:
    """What every clause of one sentence is read with."""

    sent: Span
    char_base: int
    in_title: bool
    mentions: list[Mention]
    date_mentions: list  # (DateMention, token index)
    has_topic: bool
    topic: str
    idx: int
    body_text: str | None
    quote: set[int]  # tokens inside quotation marks
    quoted_names: set[int]  # tokens inside a quoted bill's name ("the “...” bill")
    action: str | None  # the first action a clause of the sentence names


@dataclass
class ClauseRead:
    """One clause while it is read: the steps of ``SentenceRules._clause`` fill it in
    turn (action, status, actors) and the named checks (``rules.vetoes``) look at it."""

    at: SentenceRead
    c: Clause
    prev: Candidate | None  # the sentence's last candidate before this clause
    action: str | None = None
    cue_tok: int = 0  # the token the action is read from
    inherited: bool = False  # the action is the sentence's or the article's, not named here
    status: str | None = None
    temporary: bool = False  # "for a year", "a temporary ban"
    condition: bool = False  # "until rules are in place", "while an investigation ..."
    until_date: bool = False  # "until June 2025"
    actors: list[Actor] = field(default_factory=list)
    refs: set[int] = field(default_factory=set)  # indexes of actors that only refer back
    positions: dict[Actor, int] = field(default_factory=dict)  # actor → its token
    rel_floor: int | None = None  # see ``actors.Found``

    @property
    def doc(self) -> Doc:
        return self.at.sent.doc

    @property
    def cs(self) -> int:
        return self.c.start

    @property
    def ce(self) -> int:
        return self.c.end

    @property
    def clause_dates(self) -> list:
        """The clause's dates of the act itself (not an expiry or an effective date)."""
        return [(m, k) for m, k in self.at.date_mentions
                if self.cs <= k < self.ce and m.role not in {"until", "effect"}]


@dataclass
class Dating:
    """What the events of one clause are dated from (``DateRules._actor_date``)."""

    sent: Span
    c: Clause
    idx: int
    status: str
    cue_tok: int
    date_mentions: list  # the sentence's (DateMention, token index)
    clause_dates: list  # the clause's, but for expiries and asides
    usable: list  # those not claimed by an older measure the clause names
    positions: dict[Actor, int]  # actor → its token
    prev: Candidate | None  # the sentence's last candidate before this clause
    default_date: tuple | None  # the page's own date, for its author's acts
    rel_floor: int | None  # a relative clause whose antecedents act (``actors.Found``)
    single_ref: bool  # one actor, only a reference back to a precedent

    @property
    def doc(self) -> Doc:
        return self.sent.doc

    @property
    def ordered(self) -> list[tuple[Actor, int]]:
        """The actors by where they are named."""
        return sorted(self.positions.items(), key=lambda kv: kv[1])


@dataclass(frozen=True)
class Vetoed:
    """A clause with an action cue that a named check kept from being an event
    (``banwatch extract --explain`` lists these)."""

    sentence: int
    check: str
    cue: str
    clause: str

    def as_dict(self) -> dict[str, object]:
        return {"source": "rules", "check": self.check, "cue": self.cue,
                "clause": self.clause[:300], "sentence": self.sentence}


def _place_actor(place: Place) -> Actor:
    return Actor(place.name, "jurisdiction", place.level, place.country, place.region)


def _measured_back(m: d.DateMention) -> d.DateMention:
    """"two days after" read as "two days before": the interval counted back from the
    later act ("came two days after IBM said", "a month after San Francisco did")."""
    return d.DateMention(m.start, m.end, m.text.rsplit(" ", 1)[0] + " before", m.kind,
                         m.groups, m.role)


def _low(doc: Doc, i: int) -> str:
    """Token ``i``'s lowercase form, or "" outside the document (read from the list kept
    with it, ``components.lower_words``: building a ``Token`` per call cost a tenth of the
    topic-dense run)."""
    words = lower_words(doc)
    return words[i] if 0 <= i < len(words) else ""


def under_opening(doc: Doc, start: int, end: int) -> list[str]:
    """The words of an opening "Under ...," at ``start`` up to its comma or ``end`` (at
    most seven), or none when the clause does not open with "under": the one reading of
    the measure a sentence or clause is told under."""
    if _low(doc, start) != "under":
        return []
    words = []
    for t in doc[start + 1:min(end, start + 8)]:
        if t.text == ",":
            break
        words.append(t.lower_)
    return words


def under_a_measure(doc: Doc, i: int) -> str | None:
    """"law" when the sentence opens "Under the law," or "Under Vermont's new law,": the
    clauses after it tell what a law in force does; "bill" when it opens "Under the
    bill," or "Under the proposed ordinance,": what one would do. Either way its "would
    ... unless" is the measure's own exception, not a condition on an act."""
    sent = doc[i].sent
    words = under_opening(doc, sent.start, sent.end)
    if not words or words[-1] not in lx.MEASURE_NOUNS:
        return None
    in_force = words[-1] in lx.LAW_IN_FORCE_NOUNS and (
        words[-1] in lx.LAW_NOUNS or "new" in words) and not set(words) & lx.PROPOSAL_ADJECTIVES
    return "law" if in_force else "bill"


def bill_if_enacted(doc: Doc, i: int) -> bool:
    """"the Act, which, if enacted, would prohibit ...": what a bill would do, told of the
    bill (a proposal), not a condition on an act."""
    before = _low(doc, i - 2) if _low(doc, i - 1) == "," else _low(doc, i - 1)
    return doc[i].lower_ == "if" and before in lx.THAT_WHICH and \
        _low(doc, i + 1) in lx.ENACTED_FORMS


def other_places(doc: Doc, start: int, end: int) -> bool:
    """The words name "other cities" (or towns, counties, states; "three other Bay Area
    cities"): precedents the story recalls."""
    words = [t.lower_ for t in doc[start:end]]
    for i, word in enumerate(words):
        if word == "other":  # "other cities", "three other Bay Area cities"
            for after in words[i + 1:i + 5]:
                if after in lx.PLURAL_PLACE_KINDS:
                    return True
                if not after.isalpha():
                    break
    return False


def opens_examples(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a list of examples: "including", "like", "such as"."""
    word = _low(doc, i)
    return word in lx.EXAMPLE_WORDS and (word != "such" or _low(doc, i + 1) == "as")


def examples_before(doc: Doc, i: int) -> bool:
    """The name at token ``i`` is the first of a list of examples ("such as Boston")."""
    return (_low(doc, i - 1) != "such" and opens_examples(doc, i - 1)) or \
        (_low(doc, i - 1) == "as" and opens_examples(doc, i - 2))


def given_as_example(doc: Doc, start: int, actor_tok: int) -> bool:
    """The actor is an example of a plural kind of place ("cities across the country, such
    as Portland and Boston, have bans", "a growing list of jurisdictions, including King
    County"): a precedent the story recalls, not its news."""
    return any(doc[i].lower_ in lx.PLURAL_PLACE_KINDS and
               any(opens_examples(doc, j) for j in range(i + 1, min(i + 8, actor_tok)))
               for i in range(start, actor_tok))


def participle(word: str) -> bool:
    """A past participle by its ending ("banned", "taken"; the fast pipeline tags no parts
    of speech)."""
    return word.endswith(lx.PARTICIPLE_ENDINGS)


def news_participle(word: str) -> bool:
    """A past participle of the news: a longer word with a participle's ending ("issued",
    not "been" or "seen") or one of the irregular few ("has put", "has made")."""
    return participle(word) and len(word) > 4 or word in lx.PARTICIPLES


def perfect_at(doc: Doc, i: int) -> bool:
    """A present perfect of the news starts at ``i`` ("has issued", "have now banned")."""
    return doc[i].lower_ in lx.HAS_HAVE and any(
        news_participle(t.lower_) for t in doc[i + 1:i + 3])


def added_in_perfect(doc: Doc, start: int, end: int) -> bool:
    """"Oakland, Berkeley and San Francisco also have banned it": a perfect after "also"
    between ``start`` and ``end`` adds other acts to the one the story tells; it recalls
    them, so neither the scene's date nor the story's dates them."""
    return any(t.lower_ in lx.ADDITIVE_WORDS for t in doc[start:end]) and any(
        perfect_at(doc, i) for i in range(start, end))


def relative_perfect(doc: Doc, cue_tok: int) -> bool:
    """", which have all banned it": the act told in a perfect relative clause after the
    names it is about (", which have banned", "that have all passed bans") recalls what
    they did, at a time the sentence does not give."""
    j = cue_tok - 1
    while j > 0 and doc[j].lower_ in lx.ADDITIVE_WORDS | lx.ALL_EACH_WORDS:
        j -= 1
    return doc[j].lower_ in lx.HAS_HAVE and _low(doc, j - 1) in lx.THAT_WHICH and \
        _low(doc, j - 2) == ","


def told_earlier(doc: Doc, start: int, end: int) -> bool:
    """"Oregon already has similar measures", "Lawmakers earlier banned it": the words
    between ``start`` and ``end`` put the act before the one the story tells (but not
    "earlier this month", a time of the news)."""
    return any(t.lower_ in lx.EARLIER_WORDS or (
        t.lower_ in lx.EARLIER_ADVERBS and
        (t.i + 1 >= len(doc) or doc[t.i + 1].lower_ not in lx.EARLIER_TIME_TIES))
        for t in doc[start:end])


def tells_standing(span: Span) -> bool:
    """"Similar bans are in place in Oakland", "exist in": the measure stands; when it
    was made is not told."""
    words = f" {' '.join(t.lower_ for t in span)} "
    return any(f" {p} " in words for p in lx.STANDING_PHRASES)


def told_now(doc: Doc, start: int, end: int) -> bool:
    """The words move the statement to the present ("... a moratorium last year. Now it
    says it will continue the ban"): a new statement, not dated by the act told before."""
    return any(t.lower_ in lx.NOW_WORDS for t in doc[start:end])


def headline_cased(sent: Span) -> bool:
    """"Portland Passes Broadest Facial Recognition Ban in the US": a headline whose every
    word is capitalised, where a capital says nothing about a name going on."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and all(t.is_title or t.is_upper for t in words)


def puts_a_question(doc: Doc, cue: Span) -> bool:
    """"voters will decide whether", "the council voted on whether": a status:proposed cue
    that puts a question to a body, whose answer the words after it may tell."""
    return cue.label_ == "status:proposed" and doc[cue.end - 1].lower_ == "whether"


def condition_after(doc: Doc, cue_tok: int, ce: int) -> int | None:
    """Where a condition ("if", "unless") opens after the act word, within its clause
    ("may extend it further if laws ... are not enacted")."""
    return next((i for i in range(cue_tok + 1, ce) if doc[i].lower_ in lx.CONDITIONS), None)
