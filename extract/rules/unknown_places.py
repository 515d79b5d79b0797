"""Towns the gazetteer lacks, found by where their names stand.

"Calder Springs City Council", "Ashford Mills Mayor", "the Hollis Creek Police
Department", "Dunmore County commissioners", "the towns of Greyford", "Marrowfield
police": a small or new town is named in the shapes a town's name takes, and NER is no
help (it calls such names people).  Each finder below is one such shape; it marks the
token where a name ends (an anchor), and the name is the run of capitalised words just
before it.  A new shape is a new row of ``ANCHOR_FINDERS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from .. import lexicon as lx
from ..gazetteer import Gazetteer
from ..places import following_qualifier
from .state import Mention, _low

#: where a name ends (the token after its last word) and the level it is known to have
Anchor = tuple[int, str | None]

#: the rules object (``SentenceRules``); typed loosely so that this module needs only the
#: records, not the rules that use it
Rules = Any


def name_token(tok: Token) -> bool:
    """A word that can be part of a town's name."""
    return (tok.is_title or tok.text in lx.ABBREVIATED_PLACE_PREFIXES) and \
        tok.lower_ not in lx.NOT_PLACE_WORDS and tok.lower_ not in lx.NON_CIVIC_MEMBERS and \
        tok.lower_ not in lx.COMMITTEE_WORDS and \
        (tok.is_alpha or tok.text.endswith("."))


def officer_of_state(doc: Doc, i: int) -> bool:
    """"Gurbir Grewal, New Jersey's attorney general, told ...": the name before the
    state is its officer's, not a town's."""
    return _low(doc, i) in lx.POSSESSIVE and (
        _low(doc, i + 1) in lx.PERSON_TITLES | lx.RANK_OF_OFFICER
        or _low(doc, i + 2) in lx.PERSON_TITLES)


@dataclass(frozen=True)
class NameLook:
    """One sentence looked over for unknown towns: what is already found in it."""

    sent: Span
    mentions: list[Mention]
    taken: frozenset[int]  # tokens of mentions other than places, and of action cues
    gaz: Gazetteer

    @property
    def doc(self) -> Doc:
        return self.sent.doc

    def in_mention(self, i: int) -> bool:
        return any(m.start <= i < m.end for m in self.mentions)

    def free_name(self, i: int) -> bool:
        """Token ``i`` may start or end a town's name: a name word no mention holds."""
        return name_token(self.doc[i]) and i not in self.taken and not self.in_mention(i)


# ---------------------------------------------------------------------------- finders
def before_local_bodies(look: NameLook) -> list[Anchor]:
    """"Calder Springs City Council", "the Fetherston (N.J.) Town Council": the name
    before a local body."""
    doc, sent = look.doc, look.sent
    out: list[Anchor] = []
    for m in look.mentions:
        if m.kind == "body" and m.role in {"legislature", "executive", "police", "agency",
                                           "member"} \
                and m.level in {"city", "county", "any"}:
            end = m.start
            if _low(doc, end - 1) in lx.POSSESSIVE:
                end -= 1
            if end > sent.start and doc[end - 1].text == ")":
                op = next((j for j in range(end - 2, max(sent.start, end - 5) - 1, -1)
                           if doc[j].text == "("), None)
                if op is not None and look.gaz.state_code(doc[op + 1:end - 1].text):
                    end = op
            level = "county" if doc[m.start].text == "County" else None
            out.append((end, level))
    return out


def before_police(look: NameLook) -> list[Anchor]:
    """"Marrowfield police"."""
    doc = look.doc
    return [(t.i, None) for t in look.sent
            if t.lower_ == "police" and t.i > look.sent.start and doc[t.i - 1].is_title]


def before_settlement_apposition(look: NameLook) -> list[Anchor]:
    """"Brimhollow and Pembrose, neighbouring boroughs in Pennsylvania"."""
    doc, sent = look.doc, look.sent
    out: list[Anchor] = []
    for t in sent:
        if t.text != "," or t.i == sent.start:
            continue
        noun = next((w.i for w in doc[t.i + 1:min(sent.end, t.i + 4)]
                     if w.lower_ in lx.SETTLEMENT_NOUNS), None)
        if noun is None or not name_token(doc[t.i - 1]) or t.i - 1 in look.taken or \
                look.in_mention(t.i - 1) or look.gaz.state_code(doc[t.i - 1].text) or \
                any(w.lower_.endswith("ed") or w.lower_ in lx.THE_ITS_THEIR
                    for w in doc[t.i + 1:noun]):
            continue
        out.append((t.i, None))
        j = t.i - 1
        while j > sent.start and name_token(doc[j - 1]):
            j -= 1
        if _low(doc, j - 1) == "and" and j - 2 >= sent.start and \
                name_token(doc[j - 2]) and j - 2 not in look.taken:
            out.append((j - 1, None))
    return out


def after_naming_words(look: NameLook) -> list[Anchor]:
    """"towns that share the name Rookwell", "a village called Esker"."""
    doc, sent = look.doc, look.sent
    out: list[Anchor] = []
    for t in sent:
        if t.lower_ in lx.NAMING_WORDS and _low(doc, t.i - 1) != "was" and any(
                w.lower_ in lx.SETTLEMENT_NOUNS for w in doc[max(sent.start, t.i - 6):t.i]):
            end = t.i + 1
            while end < sent.end and name_token(doc[end]) and end - t.i <= 3:
                end += 1
            if end > t.i + 1 and t.i + 1 not in look.taken:
                out.append((end, "city"))
    return out


def town_suffix(look: NameLook) -> list[Anchor]:
    """"Ockham Ridge's one-year moratorium": a town by the last word of its name."""
    doc, sent = look.doc, look.sent
    return [(t.i + 1, None) for t in sent
            if t.text in lx.TOWN_SUFFIXES and t.i > sent.start and
            name_token(doc[t.i - 1]) and t.i not in look.taken and
            (t.i + 1 >= sent.end or not doc[t.i + 1].is_title)]


def town_prefix(look: NameLook) -> list[Anchor]:
    """"Port Calder's council": a town by the first word of its name."""
    doc, sent = look.doc, look.sent
    return [(t.i + 2, None) for t in sent
            if t.text in lx.TOWN_PREFIXES and t.i + 1 < sent.end and
            name_token(doc[t.i + 1]) and t.i not in look.taken and
            t.i + 1 not in look.taken and
            (t.i + 2 >= sent.end or not doc[t.i + 2].is_title)]


def owner_of_ban_or_hall(look: NameLook) -> list[Anchor]:
    """"Vossburg's ban on police facial recognition", "Brackenbury City Hall"."""
    doc, sent = look.doc, look.sent
    out: list[Anchor] = []
    for t in sent:
        if t.i <= sent.start or not look.free_name(t.i - 1) or \
                doc[t.i - 1].i == sent.start and not doc[t.i - 1].is_title:
            continue
        owns_ban = t.text in lx.POSSESSIVE and any(
            w.lower_ in lx.BAN_NOUNS for w in doc[t.i + 1:min(sent.end, t.i + 4)])
        hall = t.text in lx.HALL_OWNERS and _low(doc, t.i + 1) == "hall"
        if (owns_ban or hall) and not look.gaz.state_code(doc[t.i - 1].text) and \
                doc[t.i - 1].lower_ not in lx.NOT_PLACE_WORDS:
            out.append((t.i, "city"))
    return out


def after_in_or_neighbouring(look: NameLook) -> list[Anchor]:
    """"Town meeting voters in Morvennick on Saturday defeated ...", "the board in
    neighboring Hestonbury went further"."""
    doc, sent = look.doc, look.sent
    out: list[Anchor] = []
    for t in sent:
        if (t.lower_ in lx.NEIGHBOURING_WORDS or (
                t.lower_ == "in" and _low(doc, t.i - 1) in lx.RESIDENT_NOUNS)) and \
                t.i + 1 < sent.end and look.free_name(t.i + 1):
            end = t.i + 1
            while end < sent.end and name_token(doc[end]) and end - t.i <= 3:
                end += 1
            if end == sent.end or not doc[end].is_title:
                out.append((end, "city"))
    return out


def county_title(look: NameLook) -> list[Anchor]:
    """"Vellacourt County's three commissioners": a county by its name."""
    doc, sent = look.doc, look.sent
    return [(t.i + 1, "county") for t in sent
            if t.text in lx.COUNTY_TITLES and t.i > sent.start and
            name_token(doc[t.i - 1]) and t.i - 1 not in look.taken]


def state_qualified(look: NameLook) -> list[Anchor]:
    """"Larkspur Falls, Vt., voted": a name with a state qualifier."""
    doc, sent = look.doc, look.sent
    out: list[Anchor] = []
    for t in sent:
        if t.text == "," and t.i > sent.start and name_token(doc[t.i - 1]) and \
                t.i - 1 not in look.taken and \
                (qual := following_qualifier(doc[t.i - 1:t.i], look.gaz)) and \
                not officer_of_state(doc, max(qual[1]) + 1):
            out.append((t.i, None))
    return out


#: the shapes of a town's name, tried in this order (the order decides which of two
#: overlapping names is kept)
ANCHOR_FINDERS: tuple[tuple[str, Callable[[NameLook], list[Anchor]]], ...] = (
    ("before_local_bodies", before_local_bodies),
    ("before_police", before_police),
    ("before_settlement_apposition", before_settlement_apposition),
    ("after_naming_words", after_naming_words),
    ("town_suffix", town_suffix),
    ("town_prefix", town_prefix),
    ("owner_of_ban_or_hall", owner_of_ban_or_hall),
    ("after_in_or_neighbouring", after_in_or_neighbouring),
    ("county_title", county_title),
    ("state_qualified", state_qualified),
)


# ------------------------------------------------------------------------ names found
def names_at(rules: Rules, look: NameLook, anchors: list[Anchor], char_base: int
             ) -> list[Mention | None]:
    """The town named before each anchor: up to four name words, not a person's title."""
    doc, sent = look.doc, look.sent
    found: list[Mention | None] = []
    for end, level in anchors:
        suffix = ""
        if end - 1 >= sent.start and doc[end - 1].text in lx.COUNTY_TITLES:
            end -= 1  # "the Brantmoor County Sheriff's Office"
            suffix, level = " " + doc[end].text, "county"
        start = end
        while start - 1 >= sent.start and name_token(doc[start - 1]) and \
                start - 1 not in look.taken and end - start < 4:
            start -= 1
        if start == end:
            continue
        if _low(doc, start - 1) in lx.PERSON_TITLES or doc[start].lower_ in lx.PERSON_TITLES:
            continue  # "Maine Governor Janet Mills": a person, whatever her name ends in
        if not suffix and end < sent.end and doc[end].text in lx.COUNTY_TITLES:
            suffix = " " + doc[end].text  # "Dunmore County commissioners"
            level = "county"
        found.append(rules._unknown_mention(doc[start:end], level, char_base, suffix))
    return found


def towns_of(rules: Rules, look: NameLook, char_base: int) -> list[Mention | None]:
    """"the Ohio and Indiana towns of Greyford": the name after "towns of"."""
    doc, sent = look.doc, look.sent
    found: list[Mention | None] = []
    for t in sent:
        if t.lower_ == "of" and _low(doc, t.i - 1) in lx.TOWNS_OF_NOUNS:
            start = end = t.i + 1
            while end < sent.end and name_token(doc[end]) and end - start < 3:
                end += 1
            if end > start and start not in look.taken:
                found.append(rules._unknown_mention(doc[start:end], "city", char_base))
    return found


def add_names(sent: Span, mentions: list[Mention], found: list[Mention | None]
              ) -> list[Mention]:
    """The mentions with each new town added where it overlaps only places it covers.

    A known place of the same span stays; a company or body in the way wins.  The states
    that only qualify a new town ("Brackenridge Mills, N.H.", "the Ohio and Indiana
    towns of") stop being actors.
    """
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
                o.owned = True
        for o in out:
            if o.kind == "place" and o is not m and o.actors and \
                    o.actors[0].level == "state" and m.start - 8 <= o.start < m.start and \
                    any(a.region == o.actors[0].region for a in m.actors) and \
                    _low(sent.doc, m.start - 1) in lx.NAMED_BEFORE_WORDS:
                o.owned = True
    return out


def unknown_places(rules: Rules, sent: Span, mentions: list[Mention], char_base: int,
                   cues: list[Span]) -> list[Mention]:
    """The sentence's mentions with the towns the gazetteer lacks added."""
    # (a word the cue matcher read as an act is no town: "Fourth U.S. City to Ban Police Use")
    taken = frozenset([i for m in mentions if m.kind != "place" for i in range(m.start, m.end)]
                      + [i for c in cues if c.label_.startswith("action:")
                         for i in range(c.start, c.end)])
    look = NameLook(sent, mentions, taken, rules.s.gaz)
    anchors = [a for _, find in ANCHOR_FINDERS for a in find(look)]
    found = names_at(rules, look, anchors, char_base) + towns_of(rules, look, char_base)
    return add_names(sent, mentions, found)
