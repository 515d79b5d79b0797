"""Who took a clause's act: the actors among the clause's mentions.

First the constructions that settle it at once (a where-clause, a measure's object
relative, a relative clause on names, an agent after "by", a company bound by an
agreement).  Otherwise every mention of the clause is scanned in order: tables of named
checks (``BEFORE_TARGETS``, ``AFTER_TARGETS``) say which mentions are never the actor
(a target, an owner, a condition, where others act); the scan keeps the state that
lists need (the targets named in a row, the places an "include" list names, the
precedents "join ... in banning" names), and marks precedents as references.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc, Span

from .. import dates as d
from .. import lexicon as lx
from ..components import CUE_KEY, TOPIC_KEY
from .state import Actor, ArticleState, Mention, _low, examples_before, opens_examples


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


class Found(NamedTuple):
    """Who acts in a clause."""

    actors: list[Actor]
    refs: set[int]  # indexes of the actors that only refer back to a precedent
    positions: dict[Actor, int]  # the token each actor is named at
    #: where the relative clause starts whose antecedents act ("..., San Francisco,
    #: whose supervisors passed one last year"): only that clause dates their act
    rel_floor: int | None = None


@dataclass
class ActorScan:
    """The clause as the mention scan reads it, with the state lists carry over."""

    doc: Doc
    cs: int
    ce: int
    cue_tok: int
    cue: Span | None  # the cue span that starts at ``cue_tok``
    usable: list[Mention]
    before_cue: list[Mention]
    passive: bool  # "was barred": the subject is what the measure applies to
    listed: bool  # "(Other) cities that have banned it include ..."
    ordering: list[Mention]  # who gives an order ("ordered the company to stop")
    target_end: int | None = None  # the end of the last target named
    list_end: int | None = None  # the end of the last name an "include" list gave
    ref_end: int | None = None  # the end of the last precedent named before the cue
    example_end: int | None = None  # the end of the last example of a kind of place


@dataclass(frozen=True)
class Near:
    """One mention and the words before it."""

    m: Mention
    raw_p1: str  # the word right before, as written
    raw_p2: str  # the word before that
    p1: str  # the word before read past "any" and "the"; none at the clause's start
    p2: str


def _near(scan: ActorScan, m: Mention) -> Near:
    doc = scan.doc
    raw_p1, raw_p2 = _low(doc, m.start - 1), _low(doc, m.start - 2)
    p1, p2 = raw_p1, raw_p2
    if m.kind == "body" and m.role in {"legislature", "executive"}:
        before = _before_own_place(doc, m)
        if _low(doc, before - 1) == "by" or (_low(doc, before - 1) in lx.THE_A
                                            and _low(doc, before - 2) == "by"):
            p1, p2 = _low(doc, before - 1), _low(doc, before - 2)
    if p1 in lx.ANY_EVERY and p2 in lx.TARGET_PREV:
        p1 = p2  # "from selling to any Illinois state or local agency": a target
    if m.start == scan.cs:  # "..., from | Jackson, the Mississippi capital, which barred
        p1 = p2 = ""  # ...": the word before belongs to the clause before
    if p1 in lx.THE_A and p2:
        p1 = p2
    return Near(m, raw_p1, raw_p2, p1, p2)


def _before_own_place(doc: Doc, m: Mention) -> int:
    """Where a council's or legislature's words start when its place is written before it:
    "approved by the Boston City Council" is the council's act, as "approved by the
    council" is (but "use by Milwaukee police" names the user: police are no such body)."""
    end = m.start - 1 if _low(doc, m.start - 1) in lx.POSSESSIVE else m.start
    place = next((e for e in doc.ents if e.end == end and e.label_ == "GPE"), None)
    return place.start if place is not None else m.start


# ------------------------------------------------------------ mentions never the actor
def owned_by(scan: ActorScan, n: Near) -> bool:
    """"Kmart, the Wesfarmers-owned chain": the owner only says whose."""
    doc, m = scan.doc, n.m
    return _low(doc, m.end) in lx.OWNED_BY_MARKS or (
        _low(doc, m.end) == "-" and _low(doc, m.end + 1) in lx.OWNED_BY_MARKS)


def ordered_company(scan: ActorScan, n: Near) -> bool:
    """"the CNIL fined Clearview AI and ordered the company to stop collecting": the
    regulator orders; the company is fined and ordered."""
    return bool(scan.ordering) and n.m.actors[0].actor_type == "company"


def passive_target(scan: ActorScan, n: Near) -> bool:
    """"The police department will be barred from ...", "collection by the company is
    prohibited": the target (but "Amazon confirmed it would be extended": Amazon speaks
    of its own)."""
    m, doc, cue_tok = n.m, scan.doc, scan.cue_tok
    police = m.kind in {"body", "agency"} and m.role in {"police", "agency", "company", ""}
    if police and m.end == cue_tok and _low(doc, cue_tok + 1) == "from" and \
            doc[cue_tok].lower_.endswith(lx.PASSIVE_ENDINGS):
        return True  # a headline's "Minneapolis police barred from face recognition"
    return scan.passive and m.start < cue_tok and (m.kind == "company" or police) and \
        not any(t.lower_ in lx.SPEECH_VERBS for t in doc[m.end:cue_tok])


def whose_use(scan: ActorScan, n: Near) -> bool:
    """"a policy governing the Detroit Police Department's use": whose use."""
    doc, m = scan.doc, n.m
    return _low(doc, m.end) in lx.POSSESSIVE and _low(doc, m.end + 1) in lx.POLICE_USE_NOUNS


def whose_objection(scan: ActorScan, n: Near) -> bool:
    """"Over the police commissioner's objections, councilors voted"."""
    doc, m = scan.doc, n.m
    return _low(doc, m.end) in lx.POSSESSIVE and _low(doc, m.end + 1) in lx.OBJECTION_NOUNS


def condition(scan: ActorScan, n: Near) -> bool:
    """"until there is a national law": a condition, not an actor."""
    m = n.m
    return m.start > scan.cue_tok and any(t.lower_ in lx.UNTIL_UNLESS
                                          for t in scan.doc[scan.cue_tok:m.start])


def appositive(scan: ActorScan, n: Near) -> bool:
    """"King County, Washington—the state's largest county—passed": an appositive that
    describes the name before it."""
    m = n.m
    return m.kind == "body" and n.raw_p1 in lx.APPOSITIVE_OPENERS and \
        _low(scan.doc, m.end) in lx.POSSESSIVE and any(
            o.start < m.start and m.start - o.full_end <= 1
            for o in scan.usable if o is not m)


def home_to(scan: ActorScan, n: Near) -> bool:
    """"King County, home to 2.3 million people in and around Seattle, becomes the first
    county to ...": a place an aside says lies within the actor is not another actor."""
    doc, m = scan.doc, n.m
    if m.kind != "place" or m.start > scan.cue_tok:
        return False
    comma = next((i for i in range(m.start - 1, scan.cs - 1, -1) if doc[i].text == ","), None)
    return comma is not None and any(
        doc[i].lower_ == "home" and _low(doc, i + 1) == "to" for i in range(comma + 1, m.start)
    ) and any(o.start < comma and o.actors for o in scan.usable if o is not m)


def market_left(scan: ActorScan, n: Near) -> bool:
    """"to stop offering its facial recognition services in Canada": the market a supplier
    leaves, named after the act, is not who acts."""
    doc, m, cue = scan.doc, n.m, scan.cue
    stops = cue is not None and (cue.label_ == "action:exit" or any(
        t.lower_.startswith(lx.STOP_STEMS) for t in cue))
    return stops and m.kind == "place" and m.start > scan.cue_tok and n.raw_p1 == "in" and \
        any(t.lower_ in lx.SUPPLY_VERBS for t in doc[scan.cue_tok:m.start])


def regulated_place(scan: ActorScan, n: Near) -> bool:
    """"Deputies in Bryony County will need a supervisor's approval, under a policy
    Sheriff X issued": where the regulated work, not who regulates them."""
    m = n.m
    return n.raw_p1 == "in" and n.raw_p2 in lx.REGULATED_PARTIES and m.kind == "place" and \
        m.start < scan.cue_tok and any(o.kind in {"body", "agency"} and o.actors and
                                       o.role != "member" for o in scan.usable)


def where_others_act(scan: ActorScan, n: Near) -> bool:
    """"communities across the United States", "throughout the US": where others act (but
    "a ban will go into effect across Virginia": where the place's own measure holds)."""
    m = n.m
    spread = n.raw_p1 in lx.SPREAD_PREPOSITIONS or (
        n.raw_p1 in lx.THE_A and n.raw_p2 in lx.SPREAD_PREPOSITIONS)
    at = m.start - 1 - (n.raw_p1 in lx.THE_A)  # the preposition
    return m.kind == "place" and spread and _low(scan.doc, at - 1) not in lx.IN_FORCE_WORDS


def police_limited(scan: ActorScan, n: Near) -> bool:
    """"Board shelves sheriff face-scan limits": whose use is limited (but in "The
    Milwaukee Police Department announced a moratorium" and "leads Milwaukee police to ban
    it" the force acts: a verb and an article, or "to", stand between)."""
    doc, m, cue_tok = scan.doc, n.m, scan.cue_tok
    return m.kind in {"body", "agency"} and m.role == "police" and m.start < cue_tok and \
        cue_tok - m.end <= 3 and _low(doc, m.end) not in lx.POSSESSIVE and \
        doc[cue_tok].lower_ in lx.BAN_NOUNS | lx.LIMIT_NOUNS and \
        not any(t.lower_ in lx.A_AN | lx.ANAPHOR_DETS | {"to"} for t in doc[m.end:cue_tok])


def used_by(scan: ActorScan, n: Near) -> bool:
    """"a moratorium on facial recognition by the Sheriff's Office": whose use is
    paused, not who paused it."""
    doc, m = scan.doc, n.m
    if n.p1 != "by" or m.start <= scan.cue_tok:
        return False
    by_at = m.start - 2 if _low(doc, m.start - 1) in lx.THE_A else m.start - 1
    return any(t.end == by_at or (t.end == by_at - 1 and _low(doc, t.end) in lx.TECH_USED_BY)
               for t in doc.spans.get(TOPIC_KEY, [])) or (
        _low(doc, m.start - 2) in lx.USE_SEARCH_NOUNS and not scan.passive)


def product_used(scan: ActorScan, n: Near) -> bool:
    """"the RCMP said it will continue to use Clearview AI, but only in limited
    circumstances": the company whose tool another body named before it uses is the
    product, not who acts."""
    m = n.m
    return m.kind == "company" and n.raw_p1 in lx.PRODUCT_USE_VERBS and any(
        o.start < m.start and o.actors and o.kind != "company"
        for o in scan.before_cue)


def overseen(scan: ActorScan, n: Near) -> bool:
    """"the Board of Police Commissioners, a civilian body that oversees the Detroit
    police, approved ...": what a body oversees only says what it is."""
    doc, m = scan.doc, n.m
    for j in range(m.start - 1, max(scan.cs, m.start - 4) - 1, -1):
        if doc[j].lower_ in lx.OVERSIGHT_VERBS:
            return True
        if not (doc[j].lower_ in lx.THE_A or doc[j].is_title):
            return False  # ("the Detroit police": its town's name between)
    return False


def maker(scan: ActorScan, n: Near) -> bool:
    """"suspended a program that used algorithms developed by Carnegie Mellon University":
    who made the thing, named after the act word, is no actor."""
    return n.m.start > scan.cue_tok and n.p1 == "by" and \
        _low(scan.doc, n.m.start - (3 if n.raw_p1 in lx.THE_A else 2)) in lx.MAKING_VERBS


def _modelled_cue(doc: Doc, start: int, cue_tok: int) -> bool:
    """The cue is the measure another took after: "followed a similar ban", "mirrors an
    earlier ban" (looked for from ``start``)."""
    return any(doc[j].lower_ in lx.MODELLED_ON_VERBS and
               all(_low(doc, k) in lx.A_AN_ANY | lx.MODEL_MEASURE_WORDS
                   for k in range(j + 1, cue_tok))
               for j in range(max(start, cue_tok - 3), cue_tok))


def modelled_on(scan: ActorScan, n: Near) -> bool:
    """"The Baltimore ordinance followed a similar ban in Portland": the measure the
    subject took after is the other place's, not the subject's."""
    return n.m.end <= scan.cue_tok and _modelled_cue(scan.doc, n.m.end, scan.cue_tok)


def example_company(scan: ActorScan, n: Near) -> bool:
    """"barred police from using an app that took photos from sites like Facebook": a
    company after the act word, given as an example of something, is no actor."""
    m = n.m
    return m.kind == "company" and m.start > scan.cue_tok and examples_before(scan.doc, m.start)


def within_named(scan: ActorScan, n: Near) -> bool:
    """"Axon, the largest maker ... in the United States, said"; not "Oakland and the
    Massachusetts city of Somerville", which names a place."""
    m = n.m
    return m.start < scan.cue_tok and n.p1 in lx.WITHIN_PREPOSITIONS and any(
        o.start < m.start for o in scan.before_cue) and not (
        n.p1 == "of" and _low(scan.doc, m.start - 4) != "and" and _low(scan.doc, m.start - 2)
        in lx.SETTLEMENT_NOUNS | lx.SETTLEMENT_HEADS | lx.PLURAL_SETTLEMENTS)
    # ("the Oregon and Washington towns of Ashcombe" is two places, found elsewhere)


def where_listed_are(scan: ActorScan, n: Near) -> bool:
    """"Other Massachusetts cities that have banned it include ...": where the listed
    towns are."""
    m = n.m
    return scan.listed and m.kind == "place" and m.start < scan.cue_tok and \
        _low(scan.doc, m.end) in lx.PLURAL_SETTLEMENTS


def where_examples_are(scan: ActorScan, n: Near) -> bool:
    """"bans across a number of cities in the U.S. such as Boston and Minneapolis": where
    the listed places are, not a place that acted."""
    m, doc = n.m, scan.doc
    return m.kind == "place" and _low(doc, m.start - 2 if n.raw_p1 == "the" else m.start - 1) \
        in {"in", "across"} and \
        _low(doc, m.start - 3 if n.raw_p1 == "the" else m.start - 2) in lx.PLURAL_PLACE_KINDS \
        and any(opens_examples(doc, j) for j in (m.end, m.end + 1)) and any(
        o.kind == "place" and o.start > m.end for o in scan.usable)


def _listed_after(scan: ActorScan, m: Mention) -> bool:
    """A place after the cue that gives an example of a kind of place ("bans across
    cities in the U.S. such as Boston"), or the next in that list ("..., San Francisco
    and Minneapolis"); it records where the list has got to (``scan.example_end``)."""
    doc = scan.doc
    if m.kind != "place" or m.start <= scan.cue_tok:
        return False
    end = scan.example_end
    words = [_low(doc, j) for j in range(max(scan.cue_tok, m.start - 10), m.start)]
    # (not "join other cities including Paris": precedents, read as such elsewhere; but
    # "in place in many other cities, including Oakland" has no one joining)
    joined = "other" in words and any(w.startswith(lx.FOLLOW_STEMS) for w in words)
    listed = (examples_before(doc, m.start) and
              any(w in lx.PLURAL_PLACE_KINDS for w in words) and not joined) or (
        end is not None and 0 < m.start - end <= 2 and
        all(t.lower_ in lx.NAME_LIST_FILLERS for t in doc[end:m.start]))
    if listed:
        scan.example_end = m.end
    return listed


Check = Callable[[ActorScan, Near], bool]

#: tried before the targets of the clause are known
BEFORE_TARGETS: tuple[tuple[str, Check], ...] = (
    ("owned_by", owned_by), ("ordered_company", ordered_company),
    ("passive_target", passive_target), ("whose_use", whose_use),
    ("whose_objection", whose_objection), ("condition", condition),
    ("appositive", appositive), ("home_to", home_to), ("market_left", market_left),
    ("regulated_place", regulated_place),
    ("where_others_act", where_others_act), ("police_limited", police_limited),
    ("used_by", used_by), ("product_used", product_used), ("maker", maker),
    ("overseen", overseen), ("modelled_on", modelled_on),
    ("example_company", example_company),
)
#: tried once a mention is known not to be a target
AFTER_TARGETS: tuple[tuple[str, Check], ...] = (
    ("within_named", within_named), ("where_listed_are", where_listed_are),
    ("where_examples_are", where_examples_are),
)


def _follower(scan: ActorScan, n: Near) -> bool:
    """"Boston banned it in June, Springfield followed in February", "..., with Oakland
    following soon after", "with Somerville City Council in Massachusetts following suit":
    the follower acts in turn."""
    m = n.m
    doc = scan.doc
    end = m.end
    state = next((o for o in scan.usable if o.start == end + 1 and o.kind == "place" and
                  o.actors and o.actors[0].level == "state"), None)
    if _low(doc, end) == "in" and state is not None:
        end = state.end  # ("with Somerville City Council in Massachusetts following suit")
    p1 = n.p1
    if m.kind == "body":  # ("with the Somerville City Council": the words before its town)
        start = _before_own_place(doc, m)
        p1 = _low(doc, start - 1)
        p1 = _low(doc, start - 2) if p1 in lx.THE_A else p1
    return p1 in lx.FOLLOWER_PREV and m.start > scan.cue_tok and any(
        k.label_ == "chain" and end <= k.start <= end + 1
        for k in doc.spans.get(CUE_KEY, []))


def _own_trades(scan: ActorScan, m: Mention) -> bool:
    """"would require Evanston businesses to accept cash", "bars Portland stores from
    using it": the town, county or state whose trades the measure binds, with nobody else
    named before the act, is the place that binds them (not "US retailers")."""
    nxt = m.full_end  # ("Portland, Oregon, businesses")
    nxt += _low(scan.doc, nxt) == ","
    return m.kind == "place" and _low(scan.doc, nxt) in lx.LOCAL_TRADE_NOUNS and \
        bool(m.actors) and m.actors[0].level in {"city", "county", "state"} and \
        not any(o.actors for o in scan.before_cue if o is not m)


def _is_target(scan: ActorScan, n: Near, ref: bool, follower: bool) -> bool:
    """Whether the mention is what the act is aimed at ("urged X", "letter to X", "a
    request to the Registry, the State Police or the FBI"); records where it ends."""
    doc, m = scan.doc, n.m
    if _own_trades(scan, m):
        return False
    owns_cue = _low(doc, m.end) in lx.POSSESSIVE and 0 < scan.cue_tok - m.end <= 4
    # ("build on the company's 2020 pledge not to sell ...": whose pledge)
    # ("A bill will be introduced to City Council": the body the measure is put before)
    put_before = n.p1 in {"to", "with", "before"} and n.p2 in lx.FILING_WORDS and \
        m.kind == "body" and m.role == "legislature"
    if n.p1 in lx.TARGET_PREV and not ref and not owns_cue and not follower and not (
            n.p1 in lx.INCLUDE_FORMS and m.kind == "place") and not (
            n.p1 == "with" and n.p2 in lx.ALONG_TOGETHER) and not put_before:
        # (not "along with Northampton")
        scan.target_end = m.end
        return True
    end = scan.target_end
    if end is not None and 0 <= m.start - end <= 4 and all(
            t.lower_ in lx.NAME_LIST_FILLERS or t.is_title for t in doc[end:m.start]):
        scan.target_end = m.end
        return True
    return False


def _in_include_list(scan: ActorScan, n: Near) -> bool:
    """"Cities that have banned it include Oakland, San Francisco and Berkeley": each
    acted, at a time of its own, as precedents do; records where the list has got to."""
    m = n.m
    if not (scan.listed and m.kind == "place" and m.start > scan.cue_tok):
        return False
    if n.p1 in lx.INCLUDE_FORMS or (scan.list_end is not None and all(
            t.lower_ in lx.NAME_LIST_FILLERS or t.is_title  # a name we lack
            for t in scan.doc[scan.list_end:m.start])):
        scan.list_end = m.end
        return True
    return False


class ActorRules:
    """Who acts in a clause.  A part of ``SentenceRules``: its methods need ``self.s``,
    the ``ArticleState``, and ``ActRules``' token tests."""

    s: ArticleState  # set by SentenceRules.__init__

    def _actors(self, doc: Doc, mentions: list[Mention], cue_tok: int, cs: int, ce: int
                ) -> Found:
        """Actors of a clause: subjects before the cue, places after "in"/"by", earlier
        actors after "follows"/"after"; never targets ("urged X", "letter to X")."""
        usable = [m for m in mentions if m.kind in {"place", "company", "body", "agency"}
                  and m.actors and not m.owned]
        cue = next((k for k in doc.spans.get(CUE_KEY, []) if k.start == cue_tok), None)
        settled, usable = self._settled_actors(doc, usable, cue_tok, cue, cs, ce)
        if settled is not None:
            return settled
        before_cue = [m for m in usable if m.start < cue_tok]
        ordering = [o for o in before_cue if o.actors[0].actor_type != "company"] \
            if cue is not None and doc[cue.start].lower_ in lx.ORDER_VERBS else []
        scan = ActorScan(doc, cs, ce, cue_tok, cue, usable, before_cue,
                         self._passive(doc, cue_tok), self._places_that_acted(doc, cs, cue_tok),
                         ordering)
        return _found(self._scan(scan))

    def _settled_actors(self, doc: Doc, usable: list[Mention], cue_tok: int,
                        cue: Span | None, cs: int, ce: int
                        ) -> tuple[Found | None, list[Mention]]:
        """The actors when a construction settles them at once; else None and the
        mentions left to scan (a where-clause or a relative clause narrows them)."""
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
            return Found(host.actors[:1], set(), {host.actors[0]: host.start}), usable
        owners = self._object_relative(doc, usable, cue_tok, ce)
        if owners:
            # "The order ends a pause that the Legislature and Governor Cuomo imposed in
            # December 2020": the measure named by the cue is the act of the relative
            # clause's subject
            actors = list(dict.fromkeys(a for m in owners for a in m.actors[:1]))
            return Found(actors, set(), {a: m.start for m in owners for a in m.actors[:1]}), \
                usable
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
                    return Found([a for m in named for a in m.actors[:1]], set(),
                                 {m.actors[0]: m.start for m in named}, rel), usable
        agent = self._agent_after(doc, usable, cue_tok, ce)
        if agent is not None:
            return Found(agent.actors[:1], set(), {agent.actors[0]: agent.start}), usable
        bound = [m for m in usable if m.kind in {"company", "body"} and m.actors and
                 m.actors[0].actor_type == "company" and cue is not None and
                 cue_tok < m.start and m.end < cue.end]
        if bound and not any(m.start < cue_tok and m.start >= cs for m in usable):
            # "The agreement also keeps the company from selling to any state agency for
            # five years": the company is bound by what it agreed to
            return Found(bound[0].actors[:1], set(), {bound[0].actors[0]: bound[0].start}), \
                usable
        return None, usable

    def _scan(self, scan: ActorScan) -> list[tuple[Mention, bool]]:
        """The clause's mentions that act, in order, each with whether it only refers
        back to a precedent."""
        chosen: list[tuple[Mention, bool]] = []
        for m in scan.usable:
            n = _near(scan, m)
            if any(check(scan, n) for _, check in BEFORE_TARGETS):
                continue
            ref = self._precedent(scan, n)
            follower = _follower(scan, n)
            if _is_target(scan, n, ref, follower) or \
                    any(check(scan, n) for _, check in AFTER_TARGETS):
                continue
            if _in_include_list(scan, n) or (
                    m.start > scan.cue_tok and m.kind in {"place", "body"} and
                    self._as_do_follower(scan.doc, scan.cue_tok, m, scan.usable)):
                # ("..., as do the states of New Jersey and Massachusetts", "as has the
                # city of Philadelphia")
                chosen.append((m, True))
                continue
            if m.start > scan.cue_tok and not ref:
                acts, ref = self._after_cue(scan, n, follower)
                if not acts and not _listed_after(scan, m):
                    continue
                if acts and m.kind == "place":
                    scan.example_end = m.end  # ("bans exist in Oakland, Berkeley and ...")
            chosen.append((m, ref))
            scan.ref_end = m.end if ref else None
        return chosen

    def _precedent(self, scan: ActorScan, n: Near) -> bool:
        """Whether the mention names a precedent the act refers to: "after Boston", "would
        join San Francisco and Boston in banning it", "join other cities including
        Oakland" (but not "after IBM said" or "after the police department disclosed")."""
        doc, m = scan.doc, n.m
        ref = n.p1 in lx.REFERENCE_PREV and not (
            _low(doc, m.end) in lx.SPEECH_VERBS or m.end == scan.cue_tok
            or self._plain_verb_at(doc, m.end))
        end = scan.ref_end
        listed = end is not None and 0 < m.start - end <= 2 and all(
            t.lower_ in lx.NAME_LIST_FILLERS for t in doc[end:m.start])
        if not ref and listed and m.start > scan.cue_tok:
            return True  # "..., after San Francisco, Oakland and Somerville": each of them
        if not ref and m.start < scan.cue_tok and (n.p1 in lx.INCLUDE_FORMS or listed):
            ref = end is not None or any(
                t.lower_ in lx.JOIN_FORMS for t in doc[max(scan.cs, m.start - 5):m.start])
        return ref

    def _after_cue(self, scan: ActorScan, n: Near, follower: bool) -> tuple[bool, bool]:
        """Whether a mention after the cue acts, and whether as a precedent: a follower,
        a place after "in" or "by", a relative clause's subject ("the ban that Austin
        approved"); not a mere object ("banned use of Clearview AI")."""
        doc, m, p1, cue_tok = scan.doc, n.m, n.p1, scan.cue_tok
        if m.kind == "place" and p1 == "in" and _modelled_cue(doc, scan.cs, cue_tok):
            return True, True  # "followed a similar ban in Portland, Oregon": Portland's
        # a precedent after "follows"/"after" -- but not "the ban followed reports that",
        # "after a vendor offered the police ..." or "after the police chief said ..."
        chain = any(t.lower_ in lx.CHAIN_AFTER and not (
            t.lower_.startswith("follow") and _low(doc, t.i - 1) in lx.BAN_NOUNS)
            and not any(w.lower_.endswith("ed") for w in doc[t.i + 1:m.start])
            for t in doc[cue_tok:m.start]) and not self._plain_verb_at(doc, m.end) and \
            _low(doc, m.end) not in lx.SPEECH_VERBS
        if chain and m.kind in {"place", "body"}:
            # "joining its neighbor Somerville": a precedent, whose date is not the main
            # act's (but "failed at Tuesday's council meeting after ...")
            return True, m.kind == "place" and any(
                t.lower_.startswith(lx.FOLLOW_STEMS) for t in doc[cue_tok:m.start])
        if follower:
            return True, False
        if p1 == "of" and m.kind == "place" and any(q < m.start for q in m.qualifiers):
            return True, False  # "introduced in the Delaware and Maryland halves of Veltry"
        if p1 in lx.COMMA_AND and m.kind == "place" and self._gapped(doc, m):
            return True, False  # "Boston acted in June 2020, Portland, Oregon, in September"
        if self._relative_subject(doc, m, cue_tok) and self._status_after(doc, m):
            return True, False  # "the ban that Austin approved", "that the ... Council passed"
        if _own_trades(scan, m):
            return True, False
        if p1 not in lx.AFTER_CUE_OK:
            return False, False
        if m.kind != "place" and p1 != "by":
            return False, False  # "in council chambers", "banned use of Clearview AI"
        if scan.before_cue and (p1 != "by" or not scan.passive):
            return False, False  # "X agreed to suspend its use by the sheriff": a user
        return True, False

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
        first = next((m for m in usable if m.ends_at(end)), None)
        if first is None:
            return []
        named = [first]
        while True:
            j = named[-1].start
            while j > 0 and doc[j - 1].lower_ in lx.LIST_SEPARATORS:
                j -= 1
            if j == named[-1].start:
                break
            prev = next((m for m in usable if m.ends_at(j) and m not in named), None)
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


def _found(chosen: list[tuple[Mention, bool]]) -> Found:
    """The actors of the chosen mentions, once each; a state yields to a city in it
    ("Somerville, in Massachusetts")."""
    actors: list[Actor] = []
    refs: set[int] = set()
    positions: dict[Actor, int] = {}
    flat = [(a, ref, m) for m, ref in chosen for a in m.actors]
    for a, ref, m in flat:
        if a.actor_type == "jurisdiction" and m.kind in {"place", "body"} and any(
                b is not a and _inside(b, a) for b, _, _ in flat):
            continue
        if a in actors:
            continue
        if ref:
            refs.add(len(actors))
        positions[a] = m.start
        actors.append(a)
    return Found(actors, refs, positions)
