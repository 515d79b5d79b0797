"""Whose a government body is: the jurisdiction a council, a police force or an agency
belongs to.

"Boston City Council", "Maine's Legislature", "lawmakers in Oregon", "the Michigan
city's council", "whose council outlawed it", or a bare "the council" in a story about
one town: the body's place is found by trying, in order, the ways a text ties a body to
its place (``OWNER_STEPS``); the first that finds one decides.  A part of
``SentenceRules``, like ``MentionRules`` which calls it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .. import lexicon as lx
from .state import Actor, ArticleState, Mention, _low, _place_actor, agency_actor

#: a body's place and, when the text names several at once ("the Ohio and Indiana towns
#: of Greyford"), the others
Owner = tuple[Actor | None, list[Actor]]


def _capital_of(city: Actor) -> Actor | None:
    """The state whose capital ``city`` is ("Olympia" → Washington), else None."""
    if city.country != "US" or not city.region:
        return None
    import us

    state = us.states.lookup(city.region)
    if state is None or state.capital != city.name:
        return None
    return Actor(state.name, "jurisdiction", "state", "US", city.region)


_UNITED_STATES = Actor("United States", "jurisdiction", "country", "US", None)


def _chamber_homes(ent_id: str) -> tuple[str, ...]:
    """The nations a national chamber's id names as its own, the likeliest first
    (``body:legislature:country:United Kingdom|Canada`` for "the House of Commons")."""
    parts = ent_id.split(":")
    return tuple(parts[3].split("|")) if len(parts) > 3 and parts[3] else ()
#: sentences back that "the lawmakers" still means the members named last
MEMBERS_AGAIN = 2


class BodyRules:
    """Tying each body mention of a sentence to the place it governs or serves."""

    s: ArticleState  # set by SentenceRules.__init__

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
            comp = next((m for m in mentions if m.kind == "company" and (
                m.end == b.start or (m.end == b.start - 1 and _low(doc, m.end) in lx.POSSESSIVE))),
                None)
            if comp is not None and b.role in {"executive", "agency", "legislature"}:
                b.actors = comp.actors[:1]  # "Microsoft President Brad Smith": its officer
                continue
            owner, extra = self._body_owner(b, sent, places)
            if owner is not None:
                b.actors = [self._body_actor(b, a, doc) for a in [owner, *extra]]
            board = self._board_named(doc, b)
            if board is not None:
                b.actors = [board]  # "Board members first paused the cameras": the school
                # board the story named, not the town
        _mark_owned_bodies(mentions, doc)

    def _body_owner(self, b: Mention, sent: Span, places: list[Mention]) -> Owner:
        """The first place one of the owner steps finds for the body."""
        if b.role == "member" and _low(sent.doc, b.start - 1) in lx.FEDERAL_CHAMBER_WORDS:
            # "U.S. Sen. Jeff Merkley of Oregon": a member of Congress, whatever state
            # elected him
            return (_UNITED_STATES if _low(sent.doc, b.start - 1) == "u.s." else
                    self._the_nation()), []
        nation = lx.TITLE_NATIONS.get(sent.doc[b.start].lower_) if b.role == "member" else None
        if nation is not None and (home := self.s.gaz.country(nation)) is not None:
            return _place_actor(home), []  # "Lord Clement-Jones": a peer sits in Parliament
        if (force := _force_own_name(b, sent, places)) is not None:
            return force, []  # "the Halton Regional Police Service": its own name
        for step in (self._owner_named_before, self._owner_of_in, self._owner_whose,
                     self._sheriffs_county, self._owner_of_both_towns):
            owner, extra = step(b, sent, places)
            if owner is not None:
                return owner, extra
        doc = sent.doc
        if b.role == "police" and (force := _police_force_named(b, sent)) is not None:
            # "Deputy Police Chief John McMahon banned its use for the LAPD": the force
            # the sentence names is the chief's
            return force, []
        owner = self._state_city_before(doc, places, b)
        if owner is None:
            owner = self._salient_for(b, sent, places)
        if owner is None and b.role == "police":
            # "Sheriff Villanueva has ordered that Brannagh County deputies ...": the
            # county named later in the sentence
            owner = self._local_place_after(places, b)
        return owner, []

    def _owner_named_before(self, b: Mention, sent: Span, places: list[Mention]) -> Owner:
        """"Boston City Council", "Maine's Legislature": the place just before the body."""
        doc = sent.doc
        owner: Actor | None = None
        for p in places:
            gap = [t.lower_ for t in doc[p.end:b.start]]
            if not (p.end <= b.start and len(gap) <= 4 and all(
                    g in lx.OWNER_GAP_WORDS | lx.SETTLEMENT_HEADS
                    or self.s.gaz.state_code(g) for g in gap)):
                continue
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
                    set(gap) & lx.SETTLEMENT_HEADS or
                    doc[b.start].lower_ in lx.SETTLEMENT_HEADS or (
                        local and "," in gap) or (
                        b.level == "city" and not gap
                        and _low(doc, p.start - 1) == "the")):  # "The Missouri council"
                # "Larkspur Falls, Vermont, Select Board": the town before the state
                # "the Michigan city's council": the city meant, not the state
                # "New York's City Council", with no town of the state named: the city
                # of the state's name
                owner_actor = self._salient_city(places, b, owner_actor.region) \
                    or self._city_named(owner_actor.name, owner_actor.region) or owner_actor
            owner = owner_actor
        return owner, []

    def _owner_of_in(self, b: Mention, sent: Span, places: list[Mention]) -> Owner:
        """"City Council of Boston", "lawmakers in Oregon": the place just after."""
        doc = sent.doc
        owner: Actor | None = None
        extra: list[Actor] = []
        for p in places:
            if p.start == b.end + 1 and _low(doc, b.end) in lx.OF_IN:
                owner = p.actors[0]
                extra = p.actors[1:]
                p.owned = True
                if (b.level == "state" or (b.level == "any" and doc[b.end - 1].lower_ in
                                           lx.CAPITAL_LAWMAKERS)) and owner.level == "city" \
                        and _capital_of(owner) is not None:
                    # "lawmakers in Olympia": the capital stands for the state
                    owner = _capital_of(owner) or owner
                if owner.level == "state" and b.level in {"city", "county"} and \
                        _low(doc, p.end) in lx.POSSESSIVE:
                    # "City commissioners in Oregon's largest city": that city
                    owner = self._salient_city(places, b, owner.region) or owner
        return owner, extra

    def _owner_whose(self, b: Mention, sent: Span, places: list[Mention]) -> Owner:
        """"unlike Madison, about ninety miles to the south, whose council outlawed it":
        the body of the place the relative clause hangs on."""
        doc = sent.doc
        if _low(doc, b.start - 1) != "whose":
            return None, []
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
            twin = self._city_named(town.name, owner.region) if town is not None else None
            owner = twin or owner
        return owner, []

    def _sheriffs_county(self, b: Mention, sent: Span, places: list[Mention]) -> Owner:
        """"LEXINGTON — ... Sheriff Corinne Alsop issued a directive suspending its use by
        the Pitchford County Sheriff's Office": a sheriff serves a county, not the
        dateline's city."""
        if b.role != "police" or sent.doc[b.start].lower_ != "sheriff":
            return None, []
        return next((p.actors[0] for p in places if p.start > b.end and p.actors and
                     p.actors[0].level == "county"), None) or self.s.salient.get("county"), []

    def _owner_of_both_towns(self, b: Mention, sent: Span, places: list[Mention]) -> Owner:
        """"Aldermen in the Louisiana and Mississippi towns of Tullivant": both towns."""
        doc = sent.doc
        if not (_low(doc, b.end) in lx.OF_IN and b.role == "legislature"
                and {t.lower_ for t in sent} & lx.EACH_BOTH):
            return None, []
        far = next((p for p in places if not p.owned and len(p.actors) > 1 and
                    b.end + 1 < p.start <= b.end + 9), None)
        if far is None or not all(
                t.lower_ in lx.FAR_OWNER_GAP_WORDS | lx.SETTLEMENT_HEADS
                | lx.PLURAL_SETTLEMENTS
                or t.i in far.qualifiers for t in doc[b.end + 1:far.start]):
            return None, []
        far.owned = True
        return far.actors[0], far.actors[1:]

    @staticmethod
    def _local_place_after(places: list[Mention], b: Mention) -> Actor | None:
        """The first town or county named after the body in its sentence."""
        return next((p.actors[0] for p in places if p.start > b.start and p.actors
                     and p.actors[0].level in {"city", "county"} and not p.landmark), None)

    def _board_named(self, doc: Doc, b: Mention) -> Actor | None:
        """The agency board the story has just told of, for "Board members" or "the
        board" in a story about a school board or a transit board."""
        text = doc[b.start:b.end].text.lower()
        if not (text == "members" and _low(doc, b.start - 1) == "board") and \
                text not in lx.BARE_BOARD:
            return None
        return next((k.actor for k in reversed(self.s.candidates)
                     if k.actor.actor_type == "agency" and k.actor.name.endswith("Board")),
                    None)

    def _state_city_before(self, doc: Doc, places: list[Mention], b: Mention) -> Actor | None:
        """"in the Oregon city that shares its name, commissioners are weighing ...": the
        city the phrase describes, the story's city of that name in that state when the
        phrase says it shares the name."""
        for p in reversed(places):
            if not (p.end < b.start <= p.end + 10) or len(p.actors) != 1 or \
                    p.actors[0].level != "state" or _low(doc, p.start - 1) != "the" or \
                    _low(doc, p.end) not in lx.STATE_CITY_NOUNS:
                continue
            region = p.actors[0].region
            between = {t.lower_ for t in doc[p.end:b.start]}
            home = self.s.salient.get("city")
            if between & lx.NAMESAKE_WORDS and home is not None and \
                    home.region != region:
                twin = self._city_named(home.name, region)
                if twin is not None:
                    return twin
            return self._salient_city(places, b, region)
        return None

    def _city_named(self, name: str, region: str | None) -> Actor | None:
        """The city of that name in that region, if the gazetteer knows one: a town's
        namesake in another state, or the city a state shares its name with ("New York"
        in New York: New York City)."""
        city = next((p for p in self.s.gaz.candidates(name)
                     if p.level == "city" and p.region == region), None)
        return _place_actor(city) if city is not None else None

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
        """The place a body the sentence ties to none governs: by the level its words give
        it, a place of that level the sentence or the story names."""
        prev = _low(sent.doc, b.start - 1)
        if b.role == "member" and prev not in lx.FEDERAL_CHAMBER_WORDS and \
                prev in lx.NON_LOCAL_TITLES:
            return None  # "Police Commissioner William Gross": not local
        if (nation := self._nation_of_demonym(b, prev)) is not None:
            return nation
        level = self._body_level(b, sent, prev)
        if b.role == "member" and not level:
            return None  # "Reps. Clarke, Pressley and Tlaib": whose members, the text does
            # not say (a party tag, "state" or "Congress" would)
        if (congress := self._congress_chamber(b, sent, prev)) is not None:
            return congress
        if level == "caucus":
            return self._caucus_place(places)
        if (members := self._members_again(b, prev)) is not None:
            return members
        return self._place_at_level(b, sent, places, level)

    def _members_again(self, b: Mention, prev: str) -> Actor | None:
        """"Sen. Markey joined Sens. Merkley and Kennedy to sound the alarm ... The
        lawmakers introduced the Act": legislators named again by their kind are the
        members just named, of those members' legislature."""
        last = self.s.last_member
        if b.role != "legislature" or b.level != "any" or prev != "the" or last is None or \
                last[0].level not in {"state", "country"}:
            return None
        return last[0] if 0 <= self.s.sentence_index - 1 - last[1] <= MEMBERS_AGAIN else None

    def _caucus_place(self, places: list[Mention]) -> Actor:
        """"House Democrats unveiled a bill ...": a party's members of a chamber sit in the
        state's legislature when the sentence or the story is about a state, else in
        Congress."""
        in_sent = [p.actors[0] for p in places if p.actors[0].level == "state"]
        return in_sent[0] if in_sent else self.s.salient.get("state") or self._the_nation()

    def _nation_of_demonym(self, b: Mention, prev: str) -> Actor | None:
        """"ROME — Italian lawmakers in December approved a halt": the nation's body, not
        the dateline city's."""
        if prev not in lx.DEMONYMS or b.role not in {"legislature", "executive", "member",
                                                     "agency"}:
            return None
        nation = self.s.gaz.country(lx.DEMONYMS[prev])
        return _place_actor(nation) if nation is not None else None

    @staticmethod
    def _body_level(b: Mention, sent: Span, prev: str) -> str:
        """The level the words give the body: "U.S. Sen." a member of Congress, "the county
        council" and "the state Senate" their own, a bare "lawmakers" the federal one
        when the sentence speaks of Congress."""
        level = b.level
        if b.role == "member" and prev in lx.FEDERAL_CHAMBER_WORDS:
            level = "country"  # "U.S. Sen. Ed Markey filed a bill": a member of Congress
        if prev in lx.LEVEL_WORDS and b.role in {"legislature", "executive", "member"}:
            level = lx.BODY_LEVEL_ALIASES.get(prev, prev)
        if level == "any":
            level = lx.ANY_BODY_LEVELS.get(prev, "")
            if not level and {t.lower_ for t in sent} & lx.FEDERAL_BODY_WORDS:
                level = "country"
        return level

    def _congress_chamber(self, b: Mention, sent: Span, prev: str) -> Actor | None:
        """"A House companion to the federal bill was filed by ...": Congress, not a state
        legislature named in the sentence."""
        s = self.s
        words = {t.lower_ for t in sent}
        last = s.candidates[-1] if s.candidates else None
        chamber = sent.doc[b.start:b.end].text.lower().removeprefix("the ")
        if b.role == "legislature" and chamber in lx.CHAMBER_SHORT_NAMES and prev != "state" and (
                words & lx.FEDERAL_CHAMBER_WORDS or (
                    last is not None and last.actor.level == "country"
                    and last.actor.country == "US")):
            return self._the_nation()
        return None

    def _the_nation(self, b: Mention | None = None) -> Actor:
        """The nation the story is in, for a federal body or measure it does not place:
        the story's country, else the United States; but a chamber only some nations have
        ("the House of Lords", "the Bundestag") sits in its own, whatever the story's."""
        story = self.s.salient.get("country") or _UNITED_STATES
        homes = _chamber_homes(b.ent_id) if b is not None else ()
        if not homes or story.name in homes:
            return story
        home = self.s.gaz.country(homes[0])
        return _place_actor(home) if home is not None else story

    def _place_at_level(self, b: Mention, sent: Span, places: list[Mention], level: str
                        ) -> Actor | None:
        """The place of that level: the sentence's, else the story's."""
        s = self.s
        if b.role == "police" and level in {"city", "any", ""}:
            # (in a story that places no town, "Police Chief Bryan Larkin" leads the force
            # it has named: "the Waterloo Regional Police Service's Cyber Crime Unit ...")
            return self._salient_city(places, b, None) or s.salient.get("county") or \
                s.last_police_force
        if level == "country" or (b.level == "country" and b.role in {"legislature",
                                                                       "executive"}):
            return self._the_nation(b)
        if level in {"city", "county"}:
            return self._local_place(b, places, level)
        if level == "state":
            return self._state_place(sent, places)
        doc = sent.doc
        dash = self._dateline_end(sent)  # (a dateline's "Mich." only says where)
        near = sorted((p for p in places if p.actors[0].level in {"city", "county", "state"}
                       and not p.landmark),
                      key=lambda p: (p.owned or p.start < dash, abs(p.start - b.start)))
        town = s.salient.get("city")
        if near and near[0].start < dash and near[0].actors[0].level == "state" and \
                town is not None and town.region == near[0].actors[0].region and \
                not any(t.lower_ in lx.STATEWIDE_WORDS for t in sent):
            return town  # "PORTLAND, Maine — Voters on Tuesday approved ...": the town's
        national = [p.actors[0] for p in places if p.actors[0].level == "country"]
        if doc[b.start:b.end].text.lower() in lx.BARE_PARLIAMENT and national:
            return national[-1]  # "Italy has halted it, after parliament approved"
        # the place nearest the body ("Voters on Tuesday turned down ... in Pellow Creek, ...,
        # while in neighboring Garrow Flats ...": Pellow Creek's voters)
        return (near[0].actors[0] if near else None) or s.salient.get("last_place")

    def _local_place(self, b: Mention, places: list[Mention], level: str) -> Actor | None:
        """A town's or county's body: the last such place before it, a member's own town
        named after, or the story's; else the first one its sentence names after it ("A bill
        will be introduced to City Council requiring Philadelphia businesses to ...")."""
        s = self.s
        before = [p.actors[0] for p in places if p.start < b.start and not p.landmark
                  and p.actors[0].level in {"city", "county"}]
        if level == "county":
            before = [a for a in before if a.level == "county"] or before
        # a county body in a city's story: a consolidated city-county ("the Board
        # of Supervisors" of San Francisco) or the county seat's own board
        # "Councilor Haddock filed an ordinance that would lift Corbel Springs' ban":
        # a member's own town, named after the member
        after = self._local_place_after(places, b)
        return (before[-1] if before else None) or (after if b.role == "member" else None) \
            or s.salient.get(level) or s.salient.get("county" if level == "city" else "city") \
            or after

    def _state_place(self, sent: Span, places: list[Mention]) -> Actor | None:
        """A state body: the state the sentence names, the story's, or the nearest state
        the article names."""
        s = self.s
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

    @staticmethod
    def _body_actor(b: Mention, place: Actor, doc: Doc) -> Actor:
        if place.actor_type == "agency":
            return place  # the body is an officer of that agency
        if b.role == "police":
            text = doc[b.start:b.end].text.lower()
            # "the Toronto Police Service": the name the text gives, else the country's
            # usual one ("Toronto police" is the Toronto Police Service)
            named = text.removeprefix("the ").split()[-1:] == ["service"]
            suffix = "Sheriff's Office" if "sheriff" in text else "Police Service" if named \
                else lx.POLICE_NAMES.get(place.country or "", "Police Department")
            return Actor(f"{place.name} {suffix}", "agency", place.level, place.country,
                         place.region)
        if b.role == "agency":
            words = re.sub(r"^the\s+", "", doc[b.start:b.end].text, flags=re.I)
            # "Education Commissioner Betty Rosa": the official speaks for her department
            words = lx.OFFICIAL_AGENCY.get(words.lower(), words)
            title = " ".join(w if w in lx.TITLE_SMALL_WORDS else w[:1].upper() + w[1:]
                             for w in words.split())
            return Actor(f"{place.name} {title}", "agency", place.level, place.country,
                         place.region)
        return place


def _force_own_name(b: Mention, sent: Span, places: list[Mention]) -> Actor | None:
    """"the Halton Regional Police Service", "Greater Manchester Police": a force named by
    capitalised words before its police words that are not just one place (the town's own
    force, "the Toronto Police Service", is named from the town)."""
    doc = sent.doc
    if b.role != "police" or doc[b.end - 1].lower_ not in lx.FORCE_HEADS:
        return None
    j = b.start
    while j > sent.start and b.start - j < 4 and doc[j - 1].is_title and \
            doc[j - 1].is_alpha and doc[j - 1].lower_ not in lx.FORCE_NAME_STOPS:
        j -= 1
    if j == b.start or any(p.start == j and p.end == b.start for p in places) or \
            any(p.start < j < p.end for p in places):
        return None
    return Actor(doc[j:b.end].text, "agency", None, None, None)


def _police_force_named(b: Mention, sent: Span) -> Actor | None:
    """The one police force (an agency named with a police word) the sentence names."""
    forces = {a for e in sent.ents if e.ent_id_.startswith("agency:")
              for a in [agency_actor(e.ent_id_)]
              if {w.lower() for w in a.name.split()} & lx.POLICE_FORCE_WORDS}
    return forces.pop() if len(forces) == 1 else None


def _mark_owned_bodies(mentions: list[Mention], doc: Doc) -> None:
    """Body words that name no acting body: a board's chair, a state's thing, a state
    owning an agency, the board of a named district."""
    for o in mentions:  # "Board president Lyle Danforth": a board's chair, not the nation's
        if o.kind == "body" and o.role == "executive" and \
                doc[o.start:o.end].text.lower() == "president" and \
                _low(doc, o.start - 1) in lx.PRESIDENT_OWNERS:
            o.owned = True
    for o in mentions:  # "Student Council endorses resolutions": a campus body, not the town's
        if o.kind == "body" and _low(doc, o.start - 1) in lx.NON_CIVIC_MEMBERS:
            o.owned = True
    for o in mentions:  # "the state line", "the city budget": a thing, not the body
        if o.kind == "body" and o.role == "jurisdiction" and \
                _low(doc, o.end) in lx.JURISDICTION_THINGS:
            o.owned = True
    for o in mentions:  # "the state's Department of Motor Vehicles": the state owns it
        if o.kind == "body" and o.role == "jurisdiction" and _low(doc, o.end) in lx.POSSESSIVE \
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
