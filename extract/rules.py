"""Sentence rules: from an annotated spaCy Doc to candidate events.

The components (``extract.components``) mark places, companies, bodies, topic terms and
cues; this module decides, sentence by sentence and clause by clause, *who* did *what*
(action + status) *when*, and keeps the article-level memory that cross-sentence
phenomena need: "the ban" referring back, "Cambridge followed", "two months later",
"the city council" meaning the city named before.

It works without a parser (tokens, entities and cue spans only), so it behaves the
same on ``spacy.blank("en")`` as on the statistical model, apart from the person/
organisation filtering that needs NER.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from . import dates as d
from .components import CUE_KEY, NER_KEY, TOPIC_KEY
from .gazetteer import Gazetteer, Place
from .places import PlaceContext, resolve

ACTION_PRIORITY = ("repeal", "extension", "exit", "moratorium", "ban", "restriction")
# cue words that only mean an action when a ban/moratorium is also in the clause
NEEDS_BAN = {
    "lift",
    "lifts",
    "lifted",
    "lifting",
    "reverse",
    "reversed",
    "reverses",
    "reversing",
    "reversal",
    "end",
    "ends",
    "ended",
    "ending",
    "extend",
    "extends",
    "extended",
    "extending",
    "extension",
    "renew",
    "renewed",
    "renews",
    "prolong",
    "prolonged",
}
WEAK_ACTION_WORDS = {
    "limit",
    "limits",
    "limited",
    "limiting",
    "pause",
    "pauses",
    "halt",
    "halts",
    "suspension",
    "regulation",
    "regulations",
    "safeguards",
    "guardrails",
    "abandon",
    "abandons",
    "abandoned",
    "quit",
    "quits",
    "sunset",
    "exit",
    "exits",
    "exited",
    "exiting",
    "warrant",
    "warrants",
}
STRONG_ENACT = {
    "passed",
    "passes",
    "pass",
    "approved",
    "approves",
    "approve",
    "adopted",
    "adopts",
    "adopt",
    "signed",
    "signs",
    "enacted",
    "enacts",
    "enact",
    "voted",
    "votes",
    "vote",
    "unanimously",
    "approving",
    "passing",
    "adopting",
    "enacting",
    "ratified",
    "codified",
    "finalized",
}
MODALS = {
    "would",
    "could",
    "may",
    "might",
    "will",
    "expected",
    "plans",
    "plan",
    "planned",
    "set",
    "poised",
    "scheduled",
    "hopes",
    "wants",
    "seeks",
    "likely",
    "to",
}
TARGET_PREV = {
    "to",
    "from",
    "urged",
    "urging",
    "urge",
    "urges",
    "asked",
    "asking",
    "against",
    "with",
    "than",
    "pressed",
    "pressuring",
    "lobbying",
    "lobbied",
    "for",
    "on",
}
AFTER_CUE_OK = {"in", "by", "across", "throughout", "within"}
REFERENCE_PREV = {
    "after",
    "like",
    "joining",
    "joined",
    "join",
    "joins",
    "following",
    "unlike",
    "including",
}
PLURAL_SETTLEMENTS = {
    "cities",
    "towns",
    "communities",
    "municipalities",
    "counties",
    "residents",
    "voters",
    "police",
    "officials",
    "companies",
    "activists",
    "advocates",
    "groups",
    "lawmakers-",
}
INSTITUTION_WORDS = {
    "university",
    "college",
    "institute",
    "school",
    "times",
    "post",
    "globe",
    "herald",
    "journal",
    "tribune",
    "chronicle",
    "news",
    "bank",
    "hospital",
    "airport",
    "museum",
    "foundation",
    "center",
    "centre",
    "press",
    "inc",
    "corp",
    "company",
    "club",
    "team",
    "stadium",
    "garden",
    "gardens",
    "street",
    "avenue",
    "state",
    "law",
    "medical",
    "high",
    "public",
}
SPEECH_VERBS = {
    "said",
    "says",
    "say",
    "wrote",
    "writes",
    "announced",
    "announces",
    "stated",
    "states",
    "told",
    "tells",
    "added",
    "adds",
    "explained",
    "posted",
    "tweeted",
    "according",
    "statement",
    "blog",
    "letter",
}
DEMAND_WORDS = {
    "must",
    "should",
    "need",
    "needs",
    "ought",
    "has",
    "have",
    "urge",
    "demand",
    "call",
    "calling",
    "want",
}
FIRST_PERSON = {"we", "our", "us", "we're", "we've", "we'll", "i"}
ANAPHOR_DETS = {"the", "its", "this", "that", "their", "his", "her", "such", "these", "those"}
ANAPHOR_OBJECTS = {
    "it",
    "them",
    "technology",
    "software",
    "system",
    "systems",
    "tool",
    "tools",
    "practice",
    "use",
    "such",
    "this",
    "that",
    "tech",
    "product",
    "products",
    "service",
    "services",
    "program",
    "programs",
    "its",
    "their",
}
PRONOUN_SUBJECTS = {"it", "they", "its", "their", "he", "she"}
CLAUSE_CONJ = {"and", "but", "while", "whereas", "although", "though", "yet", "as"}
QUOTES_OPEN = {"“", '"', "‘", "«", "``"}
QUOTES_CLOSE = {"”", '"', "’", "»", "''"}
PAST_CONTEXT = {
    "voted",
    "votes",
    "vote",
    "moved",
    "became",
    "becomes",
    "first",
    "second",
    "third",
    "latest",
    "last",
    "city",
    "state",
    "decided",
    "agreed",
}
FUTURE_WORDS = {"will", "next", "scheduled", "expected", "upcoming", "plans", "planned", "set"}
UNTIL_PREV = re.compile(
    r"(until|till|through|expires?|expiring|sunsets?|ending|ends|lasts?\s+(?:until|through))\s+(?:the\s+end\s+of\s+|at\s+least\s+)?$",
    re.I,
)
EFFECT_PREV = re.compile(
    r"(effect|effective|starting|beginning|begins|from|expires?|until|through)\s+(?:in|on|at)?\s*$",
    re.I,
)

SCOPES: list[tuple[str, re.Pattern[str]]] = [
    (
        "sales to police",
        re.compile(
            r"\b(sell\w*|sales?|supply\w*|provid\w*|offer\w*|licens\w*)\b[^.;]{0,80}"
            r"\bto\s+(?:the\s+)?(?:police|law enforcement|local police|u\.s\. police|"
            r"police departments|cops)\b",
            re.I,
        ),
    ),
    ("police body cameras", re.compile(r"\bbody[\s-]*(?:worn\s+)?cam(?:era)?s?\b", re.I)),
    (
        "police use",
        re.compile(r"\b(police|law[\s-]enforcement|sheriff\w*|officers|cops|policing)\b", re.I),
    ),
    ("schools", re.compile(r"\bschools?\b", re.I)),
    (
        "government devices",
        re.compile(
            r"\b(?:government|state|federal|government-issued|state-issued|state-owned|"
            r"official|work)[\s-]+(?:owned\s+|issued\s+)?(?:devices|phones|computers)\b",
            re.I,
        ),
    ),
    ("public housing", re.compile(r"\bpublic housing\b", re.I)),
    (
        "government use",
        re.compile(
            r"\b(government|municipal|city agencies|city departments|city officials|"
            r"city employees|county agencies|state agencies|public agencies|federal agencies|"
            r"agencies|departments|by the city|city use|its own use|city staff|"
            r"public officials)\b",
            re.I,
        ),
    ),
    (
        "private businesses",
        re.compile(
            r"\b(private\s+(?:businesses|companies|entities|sector|use)|businesses|stores|"
            r"retailers|places of public accommodation|public accommodations|landlords|"
            r"commercial)\b",
            re.I,
        ),
    ),
    (
        "public spaces",
        re.compile(r"\b(public spaces|publicly accessible spaces|real[\s-]time|in public)\b", re.I),
    ),
]
INDEFINITE = re.compile(
    r"\b(indefinite(?:ly)?|until further notice|until (?:congress|the federal government|"
    r"lawmakers|there (?:is|are)|a federal law|federal|national|strong|a national|"
    r"legislation|laws?|rules)|until \w+ (?:passes|pass|enacts|enact|puts?))\b",
    re.I,
)
DURATION = re.compile(
    r"\b(one|two|three|four|five|six|\d{1,2}|a)[\s-]+(year|month)s?[\s-]*(?:long\s+)?"
    r"(?=\s*(?:moratorium|ban|pause|suspension))"
    r"|\bfor\s+(one|two|three|four|five|six|\d{1,2}|a)\s+(year|month)s?\b",
    re.I,
)


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
    owned: bool = False  # absorbed into a body ("Boston" in "Boston City Council")
    role: str = ""  # for bodies: legislature | executive | jurisdiction | police | agency | company
    level: str = ""  # for bodies: city | county | state | country | any


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
    in_title: bool = False
    past_simple: bool = False
    reference: bool = False


@dataclass
class ArticleState:
    """What the rules remember while reading one article."""

    gaz: Gazetteer
    ctx: PlaceContext
    base: date | None
    topics: list[str]
    default_topic: str
    candidates: list[Candidate] = field(default_factory=list)
    salient: dict[str, Actor] = field(default_factory=dict)  # level/"company" → last actor
    last_action: str | None = None
    last_date: d.PartialDate | None = None
    last_date_sentence: int = -99
    last_topic_sentence: int = -99
    sentence_index: int = 0
    order: int = 0


def _place_actor(place: Place) -> Actor:
    return Actor(place.name, "jurisdiction", place.level, place.country, place.region)


def _is_inside(span: Span, others: list[Span], label: str, strict: bool = True) -> Span | None:
    for o in others:
        if o.label_ != label:
            continue
        if (
            o.start <= span.start
            and span.end <= o.end
            and (not strict or (o.end - o.start) > (span.end - span.start))
        ):
            return o
    return None


class SentenceRules:
    """Apply the rules to the sentences of one article, in reading order."""

    def __init__(self, state: ArticleState) -> None:
        self.s = state

    # ------------------------------------------------------------------ mentions
    def mentions(self, sent: Span, char_base: int) -> tuple[list[Mention], set[int]]:
        doc = sent.doc
        s = self.s
        ner = (
            [e for e in doc.spans[NER_KEY] if e.start >= sent.start and e.end <= sent.end]
            if NER_KEY in doc.spans
            else []
        )
        out: list[Mention] = []
        qualifier_tokens: set[int] = set()
        for ent in sent.ents:
            eid = ent.ent_id_
            if eid.startswith("place:") or (not eid and ent.label_ == "GPE"):
                if _is_inside(ent, ner, "PERSON"):
                    continue
                if (
                    ent.end < len(doc)
                    and doc[ent.end].lower_ in {"said", "says", "told", "wrote"}
                    and _is_inside(ent, ner, "PERSON", strict=False)
                ):
                    continue
                org = _is_inside(ent, ner, "ORG") or _is_inside(ent, ner, "FAC")
                if org is not None and any(
                    t.lower_ in INSTITUTION_WORDS for t in org if t.i >= ent.end or t.i < ent.start
                ):
                    continue
                nxt = doc[ent.end].lower_ if ent.end < len(doc) else ""
                nxt2 = doc[ent.end + 1].lower_ if ent.end + 1 < len(doc) else ""
                if nxt in {"-based", "based"} or (nxt == "-" and nxt2 == "based"):
                    continue
                if (
                    nxt in INSTITUTION_WORDS
                    and nxt not in {"state", "public"}
                    and doc[ent.end].text[:1].isupper()
                ):
                    continue
                if eid:
                    res = resolve(
                        ent,
                        s.gaz,
                        s.ctx,
                        char_base + ent.start_char,
                        (char_base + sent.start_char, char_base + sent.end_char),
                    )
                else:
                    res = self._unknown_place(ent)
                if not res.places:
                    continue
                qualifier_tokens |= res.qualifier_tokens
                m = Mention(ent.start, ent.end, "place", eid, [_place_actor(p) for p in res.places])
                if nxt in PLURAL_SETTLEMENTS:
                    m.owned = True  # "Two Massachusetts cities", "Oregon residents"
                out.append(m)
            elif eid.startswith("company:"):
                name = eid.split(":", 1)[1]
                out.append(
                    Mention(
                        ent.start,
                        ent.end,
                        "company",
                        eid,
                        [Actor(name, "company", None, None, None)],
                    )
                )
            elif eid.startswith("publisher:"):
                out.append(Mention(ent.start, ent.end, "publisher", eid))
            elif eid.startswith("advocate:"):
                out.append(Mention(ent.start, ent.end, "advocate", eid))
            elif eid.startswith("agency:"):
                name, country, region, level = (eid.split(":", 1)[1].split("|") + ["", "", ""])[:4]
                out.append(
                    Mention(
                        ent.start,
                        ent.end,
                        "agency",
                        eid,
                        [Actor(name, "agency", level or None, country or None, region or None)],
                    )
                )
            elif eid.startswith("body:"):
                _, role, level = (eid.split(":") + ["", ""])[:3]
                out.append(Mention(ent.start, ent.end, "body", eid, role=role, level=level))
        out = [
            m
            for m in out
            if not (m.kind == "place" and set(range(m.start, m.end)) & qualifier_tokens)
        ]
        self._attach_bodies(out, sent)
        return out, qualifier_tokens

    def _unknown_place(self, ent: Span):
        """A GPE the gazetteer lacks, kept only with a state qualifier ("Easthampton, Mass.")."""
        from .places import Resolution, following_qualifier, preceding_qualifiers

        qual = following_qualifier(ent, self.s.gaz)
        codes: list[str] = []
        used: set[int] = set()
        if qual:
            codes, used = [qual[0]], qual[1]
        else:
            codes, used = preceding_qualifiers(ent, self.s.gaz)
        if not codes or not re.fullmatch(r"[A-Z][A-Za-z.' -]+", ent.text):
            return Resolution([], set(), False)
        places = [Place(f"US-{c}/city/{ent.text}", ent.text, "city", "US", c, 0) for c in codes]
        return Resolution(places, used, True)

    def _attach_bodies(self, mentions: list[Mention], sent: Span) -> None:
        doc = sent.doc
        s = self.s
        places = [m for m in mentions if m.kind == "place"]
        for b in mentions:
            if b.kind != "body":
                continue
            if b.role == "company":
                comp = self._previous_company(mentions, b)
                if comp:
                    b.actors = [comp]
                continue
            owner = None
            for (
                p
            ) in places:  # "Boston City Council", "Maine's Legislature", "Portland, Ore., council"
                gap = [t.lower_ for t in doc[p.end : b.start]]
                if (
                    p.end <= b.start
                    and all(
                        g in {"'s", "’s", ",", "the", "state", "city", "county", "'", "’"}
                        or gaz_state(s.gaz, g)
                        for g in gap
                    )
                    and len(gap) <= 5
                ):
                    owner = p
            if owner is None:
                for p in places:  # "City Council of Boston", "lawmakers in Oregon"
                    if p.start == b.end + 1 and doc[b.end].lower_ in {"of", "in"}:
                        owner = p
            prev = doc[b.start - 1].lower_ if b.start > 0 else ""
            level = b.level
            if level == "any":
                level = {
                    "state": "state",
                    "federal": "country",
                    "u.s.": "country",
                    "city": "city",
                    "county": "county",
                    "national": "country",
                }.get(prev, "")
            if owner is not None:
                owner.owned = True
                place_actor = owner.actors[0]
                b.actors = [self._body_actor(b, place_actor, doc)]
                continue
            target = self._salient_for(level, b, prev)
            if target is not None:
                b.actors = [self._body_actor(b, target, doc)]

    def _previous_company(self, mentions: list[Mention], b: Mention) -> Actor | None:
        before = [m for m in mentions if m.kind == "company" and m.end <= b.start]
        if before:
            return before[-1].actors[0]
        return self.s.salient.get("company")

    def _salient_for(self, level: str, b: Mention, prev: str) -> Actor | None:
        sal = self.s.salient
        if b.level == "country" and b.role in {"legislature", "executive"}:
            return sal.get("country") or Actor(
                "United States", "jurisdiction", "country", "US", None
            )
        if level in {"city", "county", "state", "country"}:
            found = sal.get(level)
            if found is None and level == "city":
                found = sal.get("county")
            return found
        # unknown level ("lawmakers", "the Senate", police, school board): the most recent
        # sub-national place
        return sal.get("last_place")

    @staticmethod
    def _body_actor(b: Mention, place: Actor, doc: Doc) -> Actor:
        if b.role in {"police", "agency"}:
            words = (
                " ".join(t.text for t in doc[b.start : b.end]).replace(" '", "'").replace(" ’", "’")
            )
            words = re.sub(r"^(the)\s+", "", words, flags=re.I)
            title = " ".join(w if w[:1].isupper() else w.capitalize() for w in words.split())
            return Actor(
                f"{place.name} {title}", "agency", place.level, place.country, place.region
            )
        return place

    # ------------------------------------------------------------------ sentences
    def sentence(self, sent: Span, char_base: int, in_title: bool, body_text: str | None) -> None:
        s = self.s
        doc = sent.doc
        idx = s.sentence_index
        s.sentence_index += 1
        topic_spans = (
            [t for t in doc.spans[TOPIC_KEY] if sent.start <= t.start < sent.end]
            if TOPIC_KEY in doc.spans
            else []
        )
        cues = (
            [c for c in doc.spans[CUE_KEY] if sent.start <= c.start < sent.end]
            if CUE_KEY in doc.spans
            else []
        )
        mentions, _ = self.mentions(sent, char_base)
        date_mentions = self._dates(sent)
        has_topic = bool(topic_spans)
        topic = topic_spans[0].label_ if topic_spans else s.default_topic
        try:
            if any(c.label_.startswith("action:") or c.label_ == "chain" for c in cues):
                self._events(
                    sent,
                    char_base,
                    in_title,
                    cues,
                    mentions,
                    date_mentions,
                    has_topic,
                    topic,
                    idx,
                    body_text,
                )
        finally:
            self._remember(mentions, date_mentions, idx, has_topic)

    def _dates(self, sent: Span) -> list[tuple[d.DateMention, int]]:
        """Date mentions of the sentence with the token index where each starts."""
        out = []
        starts = [t.idx for t in sent]
        text = sent.text
        for m in d.find_dates(text):
            before = text[max(0, m.start - 30) : m.start]
            if UNTIL_PREV.search(before):
                m.role = "until"
            elif EFFECT_PREV.search(before):
                m.role = "effect"
            k = bisect_right(starts, sent.doc[sent.start].idx + m.start) - 1
            out.append((m, sent.start + max(k, 0)))
        return out

    def _remember(self, mentions: list[Mention], date_mentions, idx: int, has_topic: bool) -> None:
        s = self.s
        for m in mentions:
            for a in m.actors:
                if m.kind == "company" or a.actor_type == "company":
                    s.salient["company"] = a
                elif a.level:
                    if m.kind == "place":
                        s.ctx.note(Place("", a.name, a.level, a.country, a.region, 0))
                    s.salient[a.level] = a
                    if a.level in {"city", "county", "state"} and a.actor_type == "jurisdiction":
                        s.salient["last_place"] = a
                    if a.level == "country":
                        s.salient["country"] = a
        for m, _ in date_mentions:
            if m.explicit_year:
                pd = d.resolve(m, s.base)
                if pd:
                    s.last_date = pd
                    s.last_date_sentence = idx
        if has_topic:
            s.last_topic_sentence = idx

    # ------------------------------------------------------------------ events
    def _events(
        self,
        sent,
        char_base,
        in_title,
        cues,
        mentions,
        date_mentions,
        has_topic,
        topic,
        idx,
        body_text,
    ) -> None:
        s = self.s
        doc = sent.doc
        quote = self._quoted_tokens(sent)
        clauses = self._clauses(sent)
        # topic check: a sentence without a topic term needs recent topic context and an
        # anaphoric object ("banned it", "the ban") rather than an unrelated one ("banned tear gas")
        if not has_topic:
            if idx - s.last_topic_sentence > 3 and not in_title:
                return
            if not self._anaphoric(sent, cues):
                return
        sentence_action = None
        clause_info = []
        for cs, ce in clauses:
            c_cues = [c for c in cues if cs <= c.start < ce]
            c_mentions = [m for m in mentions if cs <= m.start < ce]
            clause_info.append((cs, ce, c_cues, c_mentions))
        # clauses with places but no cue belong to the next clause with one ("X, Y, and Z banned")
        merged = []
        carry: list[Mention] = []
        carry_start = None
        for cs, ce, c_cues, c_mentions in clause_info:
            if not any(
                c.label_.startswith(("action:", "status:")) or c.label_ == "chain" for c in c_cues
            ):
                carry.extend(c_mentions)
                carry_start = cs if carry_start is None else carry_start
                continue
            merged.append(
                [carry_start if carry_start is not None else cs, ce, c_cues, carry + c_mentions]
            )
            carry, carry_start = [], None
        if carry and merged:
            merged[-1][3].extend(carry)
        for cs, ce, c_cues, c_mentions in merged:
            action, cue_tok = self._action(doc, c_cues, cs, ce)
            if action is None:
                chain = [c for c in c_cues if c.label_ == "chain"]
                if chain or any(c.label_.startswith("status:") for c in c_cues):
                    action = sentence_action or s.last_action
                    cue_tok = chain[0].start if chain else c_cues[0].start
                if action is None:
                    continue
            else:
                sentence_action = action
            if cue_tok in quote:
                actors = self._quote_speaker(sent, mentions, quote, cs, ce)
                if not actors:
                    continue
                status = self._status(doc, c_cues, cue_tok, cs, ce, action)
                if status is None:
                    continue
                refs: set[int] = set()
            else:
                status = self._status(doc, c_cues, cue_tok, cs, ce, action)
                if status is None:
                    continue
                if any(c.label_ == "urge" for c in c_cues if c.start < cue_tok):
                    continue  # "advocates urged the council to ban ...": not an event
                actors, refs = self._actors(doc, c_mentions, cue_tok, cs, ce)
                if not actors:
                    actors = self._anaphoric_actor(doc, cs, cue_tok, idx, action, c_cues)
                    if not actors:
                        self._refer_back(sent, cs, ce, action, date_mentions)
                        continue
            s.last_action = action
            scope = self._scope(doc[cs:ce].text, sent.text)
            dm = self._pick_date(date_mentions, cs, ce, cue_tok, clauses)
            future = any(t.lower_ in FUTURE_WORDS for t in doc[cs:ce])
            pdate, dtext, explicit = self._resolve_date(dm, future, idx)
            until = self._until(sent, pdate)
            past_simple = self._past_simple(doc, cs, ce)
            for i, actor in enumerate(actors):
                conf = 0.55 + (0.15 if has_topic else 0) + (0.1 if pdate else 0)
                ref = i in refs
                if ref:
                    conf -= 0.25
                if in_title:
                    start = end = 0
                    evidence = sent.text.strip()
                else:
                    start = char_base + sent.start_char
                    end = char_base + sent.end_char
                    evidence = sent.text.strip()
                    if body_text is not None:
                        evidence = body_text[start:end].strip()
                        # offsets of the stripped evidence
                        start += len(body_text[start:end]) - len(body_text[start:end].lstrip())
                        end = start + len(evidence)
                s.order += 1
                cand = Candidate(
                    actor,
                    action if not ref else self._ref_action(action),
                    status if not ref else "enacted",
                    scope,
                    topic,
                    None if ref else pdate,
                    None if ref else dtext,
                    explicit and not ref,
                    until,
                    evidence,
                    start,
                    end,
                    round(max(0.05, min(0.99, conf)), 3),
                    s.order,
                    in_title,
                    past_simple,
                    ref,
                )
                s.candidates.append(cand)

    @staticmethod
    def _ref_action(action: str) -> str:
        return action if action in {"ban", "moratorium", "restriction"} else "ban"

    def _anaphoric(self, sent: Span, cues: list[Span]) -> bool:
        doc = sent.doc
        for c in cues:
            if c.label_ == "chain":
                return True
            if not c.label_.startswith("action:"):
                continue
            before = [t.lower_ for t in doc[max(sent.start, c.start - 3) : c.start]]
            if before and (
                before[-1] in ANAPHOR_DETS | {"a", "similar", "'s", "’s"}
                or any(w in ANAPHOR_DETS for w in before[-3:-1])
            ):
                return True
            window = [t.lower_ for t in doc[c.end : min(sent.end, c.end + 6)]]
            if not window:
                return True
            if window[0] in {".", ",", ";", "in", "last", "this", "earlier"}:
                return True
            if (
                window[0] == "on"
                and len(window) > 1
                and window[1] in ANAPHOR_OBJECTS | ANAPHOR_DETS
            ):
                return True
            if any(w in ANAPHOR_OBJECTS for w in window[:4]):
                return True
        return False

    def _quoted_tokens(self, sent: Span) -> set[int]:
        inside: set[int] = set()
        open_at = None
        for t in sent:
            if (
                t.text in QUOTES_OPEN
                and open_at is None
                and not (t.text == "’" and open_at is None)
            ):
                open_at = t.i
                continue
            if t.text in QUOTES_CLOSE and open_at is not None:
                inside.update(range(open_at, t.i))
                open_at = None
        if open_at is not None and open_at == sent.start:  # quote running past the sentence
            inside.update(range(open_at, sent.end))
        return inside

    def _quote_speaker(
        self, sent: Span, mentions: list[Mention], quote: set[int], cs: int, ce: int
    ) -> list[Actor]:
        """A company or government quoting its own policy ("We will not sell ...", IBM said)."""
        doc = sent.doc
        words = [doc[i].lower_ for i in sorted(quote)]
        if any(w in DEMAND_WORDS for w in words) and not any(w in FIRST_PERSON for w in words):
            return []
        if not any(w in FIRST_PERSON for w in words):
            return []
        outside = [
            m
            for m in mentions
            if m.start not in quote
            and m.actors
            and not m.owned
            and m.kind in {"company", "place", "body", "agency"}
        ]
        speech = [t.i for t in sent if t.lower_ in SPEECH_VERBS and t.i not in quote]
        if not outside or not speech:
            return []
        best = min(outside, key=lambda m: min(abs(m.start - k) for k in speech))
        return best.actors[:1]

    def _clauses(self, sent: Span) -> list[tuple[int, int]]:
        doc = sent.doc
        cuts = [sent.start]
        for t in sent:
            if t.i == sent.start:
                continue
            if t.text in {";", ":"} or t.text in {"—", "–"}:
                cuts.append(t.i + 1)
            elif (
                t.lower_ in CLAUSE_CONJ
                and t.i > sent.start
                and doc[t.i - 1].text == ","
                or t.lower_ in {"while", "whereas"}
            ):
                cuts.append(t.i)
        cuts.append(sent.end)
        spans = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            if b > a:
                spans.append((a, b))
        return spans or [(sent.start, sent.end)]

    def _action(self, doc: Doc, cues: list[Span], cs: int, ce: int) -> tuple[str | None, int]:
        acts = [c for c in cues if c.label_.startswith("action:")]
        if not acts:
            return None, -1
        kinds = {c.label_.split(":", 1)[1] for c in acts}
        has_ban = bool(kinds & {"ban", "moratorium"})
        valid = []
        for c in acts:
            kind = c.label_.split(":", 1)[1]
            first = doc[c.start].lower_
            if first in NEEDS_BAN and not has_ban:
                continue
            if kind == "repeal" and first in NEEDS_BAN and not has_ban:
                continue
            valid.append((kind, c))
        if not valid:
            return None, -1
        kinds = {k for k, _ in valid}
        temporary = any(c.label_ == "temporary" for c in cues)
        for kind in ACTION_PRIORITY:
            if kind in kinds:
                tok = next(c.start for k, c in valid if k == kind)
                if kind == "ban" and temporary:
                    return "moratorium", tok
                if (
                    kind == "restriction"
                    and all(doc[c.start].lower_ in WEAK_ACTION_WORDS for k, c in valid if k == kind)
                    and len(kinds) == 1
                ):
                    return kind, tok
                return kind, tok
        return None, -1

    def _status(
        self, doc: Doc, cues: list[Span], cue_tok: int, cs: int, ce: int, action: str
    ) -> str | None:
        failed = [c for c in cues if c.label_ == "status:failed"]
        proposed = [c for c in cues if c.label_ == "status:proposed"]
        enacted = [c for c in cues if c.label_ == "status:enacted"]
        negs = [c for c in cues if c.label_ == "neg"]
        if failed:
            return "failed"
        # negated enactment: "did not approve" → failed; negated action: "has not banned" → none
        for e in enacted:
            if any(0 < e.start - n.end <= 2 or 0 <= e.start - n.start <= 2 for n in negs):
                return "failed" if proposed or doc[e.start].lower_ in STRONG_ENACT else None
        action_negated = any(0 <= cue_tok - n.end <= 2 for n in negs)
        if action_negated and action not in {"exit", "moratorium"}:
            return None
        if (
            action_negated
            and action == "moratorium"
            and doc[cue_tok].lower_ in {"moratorium", "moratoriums"}
        ):
            return None
        strong = [
            e
            for e in enacted
            if doc[e.start].lower_ in STRONG_ENACT
            or doc[e.start].lower_ in {"took", "takes", "went", "goes", "signed", "put", "puts"}
        ]
        weak_by_modal = [
            e
            for e in strong
            if any(doc[k].lower_ in MODALS for k in range(max(cs, e.start - 3), e.start))
        ]
        strong = [e for e in strong if e not in weak_by_modal]
        if strong and not any(
            doc[p.start].lower_ in {"would", "could", "may", "might"} and p.start > strong[0].start
            for p in proposed
        ):
            return "enacted"
        if proposed or weak_by_modal:
            return "proposed"
        headline_future = any(
            doc[k].lower_ in {"will", "to"} and k + 1 == cue_tok for k in range(cs, cue_tok)
        )
        # "Boston to ban facial recognition" (headline future), "will ban"; but not
        # "voted to ban", "became the first city to ban"
        if headline_future and not any(
            doc[k].lower_ in PAST_CONTEXT for k in range(max(cs, cue_tok - 6), cue_tok)
        ):
            return "proposed"
        return "enacted"

    def _actors(
        self, doc: Doc, mentions: list[Mention], cue_tok: int, cs: int, ce: int
    ) -> tuple[list[Actor], set[int]]:
        chosen: list[tuple[Mention, bool]] = []
        before_cue = [
            m
            for m in mentions
            if m.start < cue_tok
            and m.actors
            and not m.owned
            and m.kind in {"place", "company", "body", "agency"}
        ]
        for m in mentions:
            if m.kind not in {"place", "company", "body", "agency"} or not m.actors or m.owned:
                continue
            p1 = doc[m.start - 1].lower_ if m.start > 0 else ""
            p2 = doc[m.start - 2].lower_ if m.start > 1 else ""
            if p1 == "the" and p2:
                p1, p2 = p2, p1
            ref = p1 in REFERENCE_PREV
            if p1 in TARGET_PREV and not ref:
                continue
            if m.start > cue_tok:
                if ref:
                    pass
                elif p1 in AFTER_CUE_OK:
                    if m.kind == "company" and p1 != "by":
                        continue
                    if m.kind in {"agency"} and p1 != "by":
                        continue
                    if p1 != "by" and any(
                        b.kind in {"place", "company", "body", "agency"}
                        and not self._is_ref(doc, b)
                        for b in before_cue
                    ):
                        continue
                else:
                    continue
            chosen.append((m, ref))
        # broader places yield to narrower ones inside them ("Somerville, in Massachusetts")
        actors: list[Actor] = []
        refs: set[int] = set()
        flat = [(a, ref, m) for m, ref in chosen for a in m.actors]
        for a, ref, m in flat:
            if a.actor_type == "jurisdiction" and m.kind == "place":
                narrower = [
                    b
                    for b, _, bm in flat
                    if b is not a and b.actor_type in {"jurisdiction", "agency"} and _inside(b, a)
                ]
                if narrower:
                    continue
            if a in actors:
                continue
            if ref:
                refs.add(len(actors))
            actors.append(a)
        return actors, refs

    @staticmethod
    def _is_ref(doc: Doc, m: Mention) -> bool:
        return m.start > 0 and doc[m.start - 1].lower_ in REFERENCE_PREV

    def _anaphoric_actor(
        self, doc: Doc, cs: int, cue_tok: int, idx: int, action: str, cues: list[Span]
    ) -> list[Actor]:
        """ "It also banned ...", "The company extended its moratorium": the last actor."""
        words = {t.lower_ for t in doc[cs:cue_tok]}
        if not (words & PRONOUN_SUBJECTS):
            return []
        if not self.s.candidates:
            return []
        last = self.s.candidates[-1]
        if idx - self._candidate_sentence(last) > 3:
            return []
        return [last.actor]

    def _candidate_sentence(self, cand: Candidate) -> int:
        return (
            self.s.sentence_index - 1 if cand.order == self.s.order else self.s.sentence_index - 2
        )

    def _refer_back(self, sent: Span, cs: int, ce: int, action: str, date_mentions) -> None:
        """ "The ban was approved on June 24": date a previous event, create none."""
        s = self.s
        if not s.candidates:
            return
        for cand in reversed(s.candidates):
            if cand.action == action or action in {"ban", "moratorium"}:
                if cand.date is None or cand.date.precision < 3:
                    dm = self._pick_date(date_mentions, cs, ce, cs, [(cs, ce)])
                    pdate, dtext, explicit = self._resolve_date(dm, False, s.sentence_index)
                    if (
                        pdate
                        and (cand.date is None or pdate.precision > cand.date.precision)
                        and (cand.date is None or pdate.year == cand.date.year)
                    ):
                        cand.date, cand.date_text, cand.date_explicit = pdate, dtext, explicit
                return

    def _scope(self, clause_text: str, sent_text: str) -> str | None:
        for text in (clause_text, sent_text):
            for name, rx in SCOPES:
                if rx.search(text):
                    return name
        return None

    def _pick_date(
        self, date_mentions, cs: int, ce: int, cue_tok: int, clauses
    ) -> d.DateMention | None:
        cands = [(m, k) for m, k in date_mentions if cs <= k < ce and not self._is_until(m, k)]
        if not cands:
            if len(clauses) == 1 or all(
                not (a <= k < b) for m, k in date_mentions for a, b in clauses if (a, b) != (cs, ce)
            ):
                cands = [(m, k) for m, k in date_mentions if not self._is_until(m, k)]
            else:
                return None
        if not cands:
            return None
        preferred = [(m, k) for m, k in cands if not self._is_effect(m, k)] or cands
        return min(preferred, key=lambda mk: abs(mk[1] - cue_tok) + (0 if mk[1] >= cs else 5))[0]

    @staticmethod
    def _is_until(m: d.DateMention, k: int) -> bool:
        return m.role == "until"

    @staticmethod
    def _is_effect(m: d.DateMention, k: int) -> bool:
        return m.role == "effect"

    def _resolve_date(
        self, dm: d.DateMention | None, future: bool, idx: int
    ) -> tuple[d.PartialDate | None, str | None, bool]:
        if dm is None:
            return None, None, False
        s = self.s
        anchor = s.candidates[-1].date if s.candidates and s.candidates[-1].date else s.last_date
        hint = (
            s.last_date
            if (
                s.last_date
                and idx - s.last_date_sentence <= 2
                and (s.base is None or s.last_date.year < s.base.year)
            )
            else None
        )
        pdate = d.resolve(dm, s.base, anchor=anchor, year_hint=hint, future=future)
        return pdate, dm.text, dm.explicit_year

    def _until(self, sent: Span, pdate: d.PartialDate | None) -> str | None:
        text = sent.text
        if INDEFINITE.search(text):
            return "indefinite"
        for m in d.find_dates(text):
            before = text[max(0, m.start - 30) : m.start]
            if UNTIL_PREV.search(before):
                val = d.resolve(m, self.s.base, year_hint=pdate, future=True)
                if val:
                    return val.iso()
        dur = DURATION.search(text)
        if dur and pdate is not None:
            num = dur.group(1) or dur.group(3)
            unit = (dur.group(2) or dur.group(4)).lower()
            n = d._num(num) or 1
            if unit == "year":
                return (
                    d.PartialDate(pdate.year + n, pdate.month, pdate.day).iso()
                    if pdate.month
                    else str(pdate.year + n)
                )
            if pdate.month:
                end = d._add_months(pdate.as_date(), n)
                return d.PartialDate.from_date(end, pdate.precision).iso()
        return None

    @staticmethod
    def _past_simple(doc: Doc, cs: int, ce: int) -> bool:
        words = [t.lower_ for t in doc[cs:ce]]
        if any(w in {"has", "have", "had", "'s", "’s"} for w in words):
            return False
        return any(
            w.endswith("ed") or w in {"became", "took", "went", "voted", "passed", "signed"}
            for w in words
        )


def gaz_state(gaz: Gazetteer, word: str) -> bool:
    return gaz.state_code(word) is not None


def _inside(narrow: Actor, broad: Actor) -> bool:
    """True when ``narrow`` lies within ``broad`` (city in state, state in country)."""
    if narrow == broad:
        return False
    if broad.level == "state":
        return (
            narrow.region == broad.region
            and narrow.level in {"city", "county"}
            and narrow.country == broad.country
        )
    if broad.level == "country":
        return narrow.country == broad.country and narrow.level in {"city", "county", "state"}
    if broad.level == "county":
        return False
    return False
