"""Choosing which place a place name means ("which Portland, which Springfield").

Evidence, strongest first:

1. an explicit qualifier next to the name: "Portland, Ore.", "Portland, Maine",
   "Springfield (Ill.)", "Portland in Maine", "the Massachusetts city of Somerville",
   "Maine's largest city, Portland", "the Ohio and Illinois towns of Springfield"
   (the last one yields *two* places);
2. states named elsewhere in the article, weighted by distance;
3. regions of places already resolved in the article;
4. population.

When a name is both a state and a city ("New York", "Washington") the state wins
unless the text says city; when it is both a US state and a country ("Georgia") the
state wins in an article about US places.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span

from . import lexicon as lx
from .gazetteer import Gazetteer, Place

SETTLEMENT_WORDS = {
    "halves",  # "the Delaware and Maryland halves of Veltry"
    "sides",
    "city",
    "cities",
    "town",
    "towns",
    "village",
    "villages",
    "suburb",
    "suburbs",
    "community",
    "communities",
    "municipality",
    "municipalities",
    "county",
    "counties",
    "capital",
    "hometown",
}
CITY_HINTS = {
    "city",
    "mayor",
    "council",
    "councilors",
    "police",
    "nypd",
    "municipal",
    "borough",
    "boroughs",
    "town",
}


@dataclass
class PlaceContext:
    """What the article says around a mention, in article character offsets."""

    state_mentions: list[tuple[int, str]] = field(default_factory=list)
    locality_hints: list[tuple[int, str]] = field(default_factory=list)
    resolved_regions: dict[str, int] = field(default_factory=dict)
    us_context: bool = True

    def note(self, place: Place) -> None:
        if place.region:
            self.resolved_regions[place.region] = self.resolved_regions.get(place.region, 0) + 1


@dataclass
class Resolution:
    places: list[Place]
    qualifier_tokens: set[int]  # token indices (doc-level) used as qualifiers
    explicit: bool


def _state_at(
    doc_tokens: Sequence, i: int, gaz: Gazetteer, allow_postal: bool
) -> tuple[str, int] | None:
    """State code starting at token ``i`` (1–3 tokens: "New Hampshire", "N.H.", "W. Va.")."""
    for n in (3, 2, 1):
        if i + n > len(doc_tokens):
            continue
        text = " ".join(t.text for t in doc_tokens[i : i + n])
        text2 = "".join(t.text_with_ws for t in doc_tokens[i : i + n]).strip()
        for candidate in (text2, text):
            code = gaz.state_code(candidate, allow_postal=allow_postal and n == 1)
            if code:
                if n == 1 and allow_postal and len(candidate) == 2 and not candidate.isupper():
                    continue
                return code, n
    return None


def following_qualifier(span: Span, gaz: Gazetteer) -> tuple[str, set[int]] | None:
    """State named right after a place: ", Ore.", " (Maine)", " in Maine"."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].text in {",", "("}:
        found = _state_at(doc, i + 1, gaz, allow_postal=True)
        if found:
            code, n = found
            return code, set(range(i + 1, i + 1 + n))
    if i + 1 < len(doc) and doc[i].text == ",":
        i += 1  # "the other X, in Washington,"
    if i + 1 < len(doc) and doc[i].lower_ == "in":
        found = _state_at(doc, i + 1, gaz, allow_postal=False)
        if found:
            code, n = found
            return code, set(range(i + 1, i + 1 + n))
    return None


def preceding_qualifiers(span: Span, gaz: Gazetteer) -> tuple[list[str], set[int]]:
    """States named just before a place.

    "the Massachusetts city of Somerville", "Maine's largest city, Portland",
    "the Ohio and Illinois towns of Springfield" (→ two codes).
    """
    doc = span.doc
    start = span.start
    lo = max(span.sent.start, start - 10)
    window = doc[lo:start]
    words = [t.lower_ for t in window]
    if not any(w in SETTLEMENT_WORDS for w in words):
        return [], set()
    codes: list[str] = []
    used: set[int] = set()
    i = lo
    while i < start:
        found = _state_at(doc, i, gaz, allow_postal=False)
        if found and i + found[1] < start and doc[i + found[1]].is_title and \
                doc[i + found[1]].lower_ in SETTLEMENT_WORDS:
            i += found[1] + 1  # "New York City and Philadelphia": a city's name, not
            continue  # "the New York city of ..."
        if found:
            code, n = found
            codes.append(code)
            used.update(range(i, i + n))
            i += n
            continue
        i += 1
    if not codes:
        return [], set()
    # the state must be tied to the settlement word: "X's ... city" or "X city/town"
    tail = words[-4:]
    if not any(w in SETTLEMENT_WORDS for w in tail) and not {"of", "name", "called",
                                                          "named"} & set(tail):
        return [], set()  # ("the Illinois and Missouri towns that share the name Rookwell")
    after_state = max(used) + 1
    settlement = next((t.i for t in doc[after_state:start] if t.lower_ in SETTLEMENT_WORDS),
                      start)
    if any(t.text == "," or t.lower_ in lx.STATE_SETTLEMENT_BREAKS
           for t in doc[after_state:settlement]):
        return [], set()  # "Portland, Maine, will join other cities including Boston": the
        # state qualifies the name before it, not the cities after
    return codes, used


def _names_a_state(span: Span) -> bool:
    """"Oregon's largest city", "the Oregon city", "a Washington town": the name
    qualifies a place in the state, so it is the state however near "city" is."""
    doc = span.doc
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    return nxt in {"'s", "’s"} or (
        prev in {"the", "a", "an"} and nxt in {"city", "town", "village", "county", "suburb"})


def _near_hint(span: Span, words: set[str], width: int = 4) -> bool:
    doc = span.doc
    lo, hi = max(0, span.start - width), min(len(doc), span.end + width)
    return any(doc[k].lower_ in words for k in range(lo, hi) if k < span.start or k >= span.end)


def _score(place: Place, offset: int, ctx: PlaceContext, sent_range: tuple[int, int]) -> float:
    score = math.log10(place.population + 10) * 0.3 if place.population else 0.0
    if place.region:
        best = 0.0
        for pos, code in ctx.state_mentions:
            if code != place.region:
                continue
            if sent_range[0] <= pos < sent_range[1]:
                best = max(best, 4.0)
            elif abs(pos - offset) < 600:
                best = max(best, 3.0)
            else:
                best = max(best, 2.0)
        for pos, code in ctx.locality_hints:
            if code == place.region:
                best = max(best, 5.0 if abs(pos - offset) < 1500 else 3.5)
        score += best
        score += min(ctx.resolved_regions.get(place.region, 0), 3) * 0.8
    return score


def resolve(
    span: Span,
    gaz: Gazetteer,
    ctx: PlaceContext,
    offset: int = 0,
    sent_range: tuple[int, int] = (0, 0),
) -> Resolution:
    """Pick the place(s) a place-name span means.

    ``offset`` is the span's start in article coordinates and ``sent_range`` the
    sentence's range, both used to weigh state mentions elsewhere in the article.
    """
    cands = gaz.candidates(span.text)
    if not cands:
        return Resolution([], set(), False)
    qual = following_qualifier(span, gaz)
    if qual:
        code, used = qual
        matching = [p for p in cands if p.region == code and p.level != "state"]
        if matching:
            return Resolution([max(matching, key=lambda p: p.population)], used, True)
    codes, used = preceding_qualifiers(span, gaz)
    if codes:
        out = []
        for code in codes:
            matching = [p for p in cands if p.region == code and p.level != "state"]
            if matching:
                out.append(max(matching, key=lambda p: p.population))
            else:  # a town the gazetteer does not list: still the right state
                out.append(Place(f"US-{code}/city/{span.text}", span.text, "city", "US", code, 0))
        return Resolution(out, used, True)

    levels = {p.level for p in cands}
    if "state" in levels and "city" in levels:
        if _names_a_state(span):
            cands = [p for p in cands if p.level == "state"]
        elif _near_hint(span, CITY_HINTS):
            cands = [p for p in cands if p.level == "city"]
        else:
            cands = [p for p in cands if p.level == "state"]
    if "state" in levels and "country" in levels:
        keep = "state" if ctx.us_context else "country"
        cands = [p for p in cands if p.level == keep]
    if len(cands) == 1:
        return Resolution(cands, set(), False)
    best = max(cands, key=lambda p: _score(p, offset, ctx, sent_range))
    return Resolution([best], set(), False)


_DIRECTIONS = (r"(?:(?:north|south|east|west|northern|southern|eastern|western|central|"
               r"northeastern|northwestern|southeastern|southwestern|upstate|downstate|rural|"
               r"coastal|small|tiny|suburban)(?:-|\s+))*")


@lru_cache(maxsize=1)
def _demonym_pattern() -> re.Pattern[str]:
    """The lexicon's state demonyms ("Mainer", "Oregonian", ...) as one search."""
    from .lexicon import STATE_DEMONYMS

    names = sorted(map(re.escape, STATE_DEMONYMS), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(names) + r")s?\b")


def locality_hints(text: str, gaz: Gazetteer, offset: int = 0) -> list[tuple[int, str]]:
    """(position, region) of phrases that place an unnamed locality in a state.

    "the Oregon city", "the western Massachusetts city", "the north Georgia board",
    "Maine's largest city", "a Chicago suburb" (via the suburb's unambiguous city), "the
    Hampden County seat" (a county name only one state has).
    These are the strongest clues for which Portland is meant, and the only clue for
    the region of a town the gazetteer does not know.
    """
    from .lexicon import LOCALITY_NOUNS, STATE_DEMONYMS, US_REGIONS

    hints: list[tuple[int, str]] = []
    state_alt = "|".join(sorted((re.escape(s) for s in gaz.state_forms if len(s) > 2),
                                key=len, reverse=True))
    rx = re.compile(rf"\b(?:the|a|an|this|that)\s+{_DIRECTIONS}({state_alt})(?:'s|’s)?\s+"
                    rf"(?:\w+\s+)?(?:{LOCALITY_NOUNS})\b", re.I)
    for m in rx.finditer(text):
        if m.group(1)[0].isupper():
            code = gaz.state_code(m.group(1))
            if code:
                hints.append((offset + m.start(), code))
    rx2 = re.compile(rf"\b({state_alt})(?:'s|’s)\s+(?:\w+[\s-]+)?(?:largest|biggest|"
                     rf"second-largest|third-largest|capital|most populous|oldest)\b", re.I)
    for m in rx2.finditer(text):
        if m.group(1)[0].isupper():
            code = gaz.state_code(m.group(1))
            if code:
                hints.append((offset + m.start(), code))
    for m in re.finditer(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)[\s-]+(?:suburb|area|region|metro)\b|"
                         r"\bsuburb\s+of\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)", text):
        name = m.group(1) or m.group(2)
        regions = {p.region for p in gaz.candidates(name)
                   if p.country == "US" and p.level == "city"}
        if len(regions) == 1:
            hints.append((offset + m.start(), regions.pop()))
    for m in re.finditer(r"\b(?:home to|which includes|that includes|the seat of|seat of)\s+"
                         r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)", text):
        # "King County, home to Seattle": the county of a city only one state has
        regions = {p.region for p in gaz.candidates(m.group(1))
                   if p.country == "US" and p.level == "city" and p.population >= 100_000}
        if len(regions) == 1:
            hints.append((offset + m.start(), regions.pop()))
    for name, codes in US_REGIONS.items():
        # "the second New England city to prohibit it": Portland, Maine, not Oregon
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            hints.extend((offset + m.start(), code) for code in codes.split(","))
    for m in _demonym_pattern().finditer(text):
        # "Mainers for Accountable Leadership hands out ...": the story is in Maine
        hints.append((offset + m.start(), STATE_DEMONYMS[m.group(1)]))
    for m in re.finditer(r"\b((?:[A-Z][a-z]+\s+){1,2}(?:County|Parish))\b", text):
        # "the Hampden County seat": a county only one state has places the article
        regions = {p.region for p in gaz.candidates(m.group(1))
                   if p.country == "US" and p.level == "county"}
        if len(regions) == 1:
            hints.append((offset + m.start(), regions.pop()))
    return sorted(hints)


def region_from_context(position: int, ctx: PlaceContext) -> str | None:
    """Best guess of the state of an unknown town at ``position`` in the article."""
    if ctx.locality_hints:
        return min(ctx.locality_hints, key=lambda h: abs(h[0] - position))[1]
    if ctx.state_mentions:
        codes = {c for _, c in ctx.state_mentions}
        if len(codes) == 1:
            return codes.pop()
        return min(ctx.state_mentions, key=lambda h: abs(h[0] - position))[1]
    return None


_DATELINE_PLACE = re.compile(
    r"^\s*([A-Z][A-Z.'\- ]{2,40}?)(?:,\s*([A-Z][A-Za-z.\- ]{1,20}?))?\s*(?:\([A-Za-z. ]+\)\s*)?"
    r"(?:,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2}\s*)?(?:[—–-]{1,2}\s|[—–](?=[A-Z]))")


#: "in this New Jersey borough", "the Oregon city": the state of the place a story is about
_HOME_STATE = re.compile(r"\b(?:this|the)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+"
                         r"(?:borough|town|city|village|township|community|suburb)\b")


def home_state(text: str, gaz: Gazetteer) -> str | None:
    """The one state the text gives as the home of its place ("The mayor, who can veto
    ordinances in this New Jersey borough, ..."), or None when it gives none or several."""
    codes = {code for m in _HOME_STATE.finditer(text)
             if (code := gaz.state_code(m.group(1))) is not None}
    return codes.pop() if len(codes) == 1 else None


def dateline_place(text: str, gaz: Gazetteer, states: Iterable[str] = (),
                   home: str | None = None) -> Place | None:
    """The place of a dateline ("SOMERVILLE, Mass. —", "BOSTON, June 24 —", "SEATTLE (AP) —").

    Datelines are in capitals, which the case-sensitive entity ruler does not match, yet
    they name the city that "the City Council" later in the story belongs to.  A bare
    "PORTLAND —" under "Maine's largest city bars ..." is in one of ``states``, the
    codes of the states the article names.  A town the gazetteer lacks, with no state in
    its dateline, takes the ``home`` state the story gives it ("this New Jersey borough").
    """
    m = _DATELINE_PLACE.match(text[:120])
    if not m:
        return None
    name = " ".join(w.capitalize() if w.isupper() else w for w in m.group(1).split())
    cands = [p for p in gaz.candidates(name) if p.level in {"city", "county", "state"}]
    qual = m.group(2)
    code = gaz.state_code(qual.strip()) if qual else None
    if not cands and not code:
        code = home
    if code:
        cands = [p for p in cands if p.region == code]
        if not cands:
            # "CARDOW HEIGHTS, Pa. —": a town the gazetteer lacks, and "COTTON COUNTY,
            # Nev. —": not the Oklahoma county of that name
            level = "county" if name.endswith((" County", " Parish")) else "city"
            return Place(f"US-{code}/{level}/{name}", name, level, "US", code, 0)
    elif not cands:
        return None
    else:
        # the headline's states first, then the text's in order: "Maine's largest city bars
        # ..." over "PORTLAND — ... in the Oregon city that shares its name"
        first = next((code for code in states if any(p.region == code for p in cands)), None)
        cands = [p for p in cands if p.region == first] or cands
    cities = [p for p in cands if p.level != "state"] or cands
    return max(cities, key=lambda p: p.population)
