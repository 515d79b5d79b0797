"""Who a sentence names: places, companies, bodies and agencies.

Kept apart because telling a town from a surname, a company from a field's label and
"the city council" from the council of another city is most of what the rules get wrong
when they get the actor wrong; the other rules only take the mentions found here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .. import lexicon as lx
from ..components import CUE_KEY, NER_KEY, TOPIC_KEY
from ..gazetteer import Place
from ..places import (
    Resolution,
    following_qualifier,
    preceding_qualifiers,
    region_from_context,
    resolve,
)
from .state import (
    Actor,
    ArticleState,
    Mention,
    _low,
    _place_actor,
    agency_actor,
    headline_cased,
)
from .unknown_places import unknown_places

#: A congressional district after a member's name: "Ayanna Pressley (MA-07)"
DISTRICT_TAG = re.compile(r"^[A-Z]{2}-\d{1,2}$")

#: a town below this size needs more than its bare name to count: a line opening with
#: "Sunset:" is a field's label, and "Wheeler" in a story quoting Mayor Ted Wheeler is him
SMALL_TOWN_POPULATION = 100_000


def _inside_span(span: Span, others: list[Span], label: str, strict: bool = True) -> Span | None:
    for o in others:
        if o.label_ != label or not (o.start <= span.start and span.end <= o.end):
            continue
        if not strict or (o.end - o.start) > (span.end - span.start):
            return o
    return None


#: how far after "Boston officials" the act may begin ("voted on Tuesday night to ban")
PEOPLE_ACT_WINDOW = 6


def _organisations(sent: Span) -> list[Span]:
    """The sentence's entities, and the NER's organisations that a gazetteer name inside
    them kept out of ``doc.ents`` ("East Japan Railway Co.", whose "Japan" the ruler
    claimed) when their words say they are one: the place is only part of the name."""
    ents = [_through_place(e) for e in sent.ents]
    spans = [_through_place(e) for e in sent.doc.spans.get(NER_KEY, [])
             if sent.start <= e.start and e.end <= sent.end]
    ents += [e for e in spans if e.label_ == "ORG" and _names_an_organisation(e) and any(
                 o.ent_id_.startswith("place:") and e.start <= o.start and o.end <= e.end and
                 len(o) < len(e) for o in ents)]
    return sorted(ents, key=lambda e: e.start)


def _through_place(ent: Span) -> Span:
    """"The Provincial Court of" and "Barcelona" as the NER split them: an organisation's
    name that ends in "of", or in an agency's head word before "of", goes on through the
    place after it."""
    doc = ent.doc
    if ent.label_ != "ORG":
        return ent
    at = ent.end
    if ent[-1].lower_ != "of":
        # ("the Administrative Court" and "of Marseille": the head word, then "of" a place)
        if ent[-1].lower_ not in lx.AGENCY_HEADS or _low(doc, ent.end) != "of":
            return ent
        at = ent.end + 1
    # (a place the NER may take for an organisation when it is one word: "Marseille")
    place = next((e for e in doc.ents if e.start == at and (
        e.label_ in {"GPE", "LOC"} or e.label_ == "ORG" and len(e) == 1)), None)
    return Span(doc, ent.start, place.end, label="ORG") if place is not None else ent


def _abroad(m: Mention) -> bool:
    """A place outside the US."""
    return m.kind == "place" and bool(m.actors) and m.actors[0].country not in (None, "US")


def _names_an_organisation(ent: Span) -> bool:
    """A company's suffix or an agency's head word: what makes the NER's organisation more
    than a person's name that holds a town's ("Nadia Ferreira-Holt")."""
    return ent[-1].text in lx.CORPORATE_SUFFIXES or \
        bool({t.lower_ for t in ent} & lx.AGENCY_HEADS)


def _holds_a_status(ent: Span) -> bool:
    """"Board Approves Detroit Police": a headline's verb inside what the NER joined into
    one organisation; no name holds one."""
    return any(ent.start <= c.start < ent.end and c.label_.startswith("status:")
               for c in ent.doc.spans.get(CUE_KEY, []))


def _a_department(name: str) -> bool:
    """A name whose head word is a department's ("Dallas Transportation Department"): the
    one test of whether an organisation the NER names is a town's department."""
    words = name.split()
    return bool(words) and words[-1].lower() in lx.DEPARTMENT_HEADS


def _mark_owned_places(sent: Span, out: list[Mention], dash: int) -> None:
    """Places that only say whose or where: a dateline's ("ROME — Italy has halted ..."),
    a headline's tag ("Japan: JR East stations suspend ...") and a regulator's ("Italy's
    privacy watchdog blocked ...": the regulator acts)."""
    doc = sent.doc
    for m in out:
        if m.start < dash:
            m.owned = True
        if m.kind == "place" and m.start == sent.start and _low(doc, m.end) == ":" and any(
                o.kind in {"company", "place", "agency"} and o.start > m.end for o in out):
            m.owned = True  # a roundup's tag, "Japan: JR East stations suspend ..."
        if m.kind == "place" and _low(doc, m.end) in lx.POSSESSIVE and any(
                o.kind in {"advocate", "publisher", "agency"} and
                m.end < o.start <= m.end + 3 for o in out):
            m.owned = True


def _people_who_act(doc: Doc, i: int) -> bool:
    """"Boston officials voted to ban", "Portland voters will decide whether to ban": the
    town's people (``RESIDENT_NOUNS``) are the subject of an action cue that follows in the
    same clause, so the town itself acts (not so "Boston police", an agency of its own)."""
    if i >= len(doc) or doc[i].lower_ not in lx.RESIDENT_NOUNS:
        return False
    end = min(len(doc), i + 1 + PEOPLE_ACT_WINDOW, doc[i].sent.end)
    stop = next((t.i for t in doc[i + 1:end] if t.is_punct or t.lower_ in lx.SPEECH_VERBS
                 or t.lower_ in lx.POSSESSIVE), end)
    return any(i < c.start < stop for c in doc.spans.get(CUE_KEY, []))


class MentionRules:
    """Finding the places, companies, bodies and agencies of a sentence, bodies tied to
    the place they govern.

    A part of ``SentenceRules``: its methods need ``self.s``, the ``ArticleState``.
    """

    s: ArticleState  # set by SentenceRules.__init__

    # ================================================================== mentions
    def mentions(self, sent: Span, char_base: int, cues: list[Span]) -> list[Mention]:
        """Places, companies, bodies and agencies of a sentence, bodies tied to places
        (``cues``: the sentence's act words, which name no town)."""
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
                out.append(Mention(ent.start, ent.end, "agency", eid, [agency_actor(eid)]))
            elif eid.startswith("body:"):
                _, role, level = (eid.split(":") + ["", ""])[:3]
                out.append(Mention(ent.start, ent.end, "body", eid, role=role, level=level))
        out = self._unknown_names(sent, out)
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
        out = unknown_places(self, sent, out, char_base, cues)
        out += self._bare_police(sent, out)
        out += self._court_of_place(sent, out)
        out = [self._regulator_again(sent, self._capital_city(sent, m)) for m in out]
        out.sort(key=lambda m: m.start)
        out = self._party_tags(sent, out)
        self._attach_bodies(out, sent, char_base)
        _mark_owned_places(sent, out, self._dateline_end(sent))
        return out

    def _unknown_names(self, sent: Span, out: list[Mention]) -> list[Mention]:
        """The gazetteer's mentions with the companies and agencies it lacks added (never
        the technology itself); a place inside an agency's name is the agency's (the
        court's own city)."""
        known = len(out)
        orgs = _organisations(sent)
        out = out + self._unknown_companies(sent, out, self.s.companies, orgs)
        out += self._unknown_agencies(sent, out, orgs)
        out = out[:known] + self._not_the_technology(sent, out[known:])
        doc = sent.doc
        return [m for m in out if not (m.kind == "place" and any(
            a.kind == "agency" and a.start <= m.start and m.end <= a.end and
            a.end - a.start > m.end - m.start for a in out)) and not (
            # ("The City of Dallas Transportation Department": the city names its department)
            m.kind == "body" and _low(doc, m.end) == "of" and any(
                a.kind == "agency" and a.start == m.end + 1 for a in out))]

    def _regulator_again(self, sent: Span, m: Mention) -> Mention:
        """"Italy's data privacy watchdog fined Clearview ... The watchdog ordered the
        company to ...": the bare regulator is the agency the story named last."""
        last = self.s.last_agency
        if last is None or m.kind != "advocate" or m.end - m.start != 1 or \
                sent.doc[m.start].lower_ not in lx.REGULATOR_NOUNS or \
                _low(sent.doc, m.start - 1) != "the":
            return m
        return Mention(m.start, m.end, "agency", f"agency:{last[0].name}", [last[0]])

    def _bare_police(self, sent: Span, out: list[Mention]) -> list[Mention]:
        """Each "police" no other mention holds: "Detroit police", "Toronto's police" (the
        town's force, a body whose owner ``_attach_bodies`` finds in the place just before
        it) or "the Belgian federal police", "Dutch police" (a nation's force, an agency
        named as the text names it)."""
        inside = {i for m in out for i in range(m.start, m.end)}
        found = []
        for t in sent:
            if t.lower_ == "police" and t.i not in inside:
                m = self._town_police(sent, t, out) or self._national_police(sent, t, inside) \
                    or self._police_of_place(t, out)
                if m is not None:
                    found.append(m)
        return found

    @staticmethod
    def _court_of_place(sent: Span, out: list[Mention]) -> list[Mention]:
        """"a São Paulo State court ordered ...": a court abroad named by its place, which
        acts as a court, not as the place (a US town's court is left to the place)."""
        found = []
        for t in sent:
            if t.lower_ not in lx.COURT_WORDS:
                continue
            j = t.i - 1 if _low(t.doc, t.i - 1) in lx.COURT_LEVEL_WORDS else t.i
            place = next((m for m in out if m.kind == "place" and m.end == j and _abroad(m)),
                         None)
            if place is None or place.owned:
                continue
            place.owned = True
            name = " ".join(w.text if w.i < t.i and w.text[:1].isupper() else w.text.title()
                            for w in t.doc[place.start:t.i + 1])
            found.append(Mention(place.start, t.i + 1, "agency", f"agency:{name}",
                                 [Actor(name, "agency", "country", place.actors[0].country,
                                        None)]))
        return found

    @staticmethod
    def _police_of_place(t: Token, out: list[Mention]) -> Mention | None:
        """"Police Scotland": a force named for the land it serves, which the place in its
        name only says (a town's force is ``_town_police``'s)."""
        if t.text != "Police":
            return None
        doc = t.doc
        j = t.i + 1
        land = next((e for e in t.sent.ents if e.start == j and e.label_ == "GPE"), None)
        if land is None:
            return None
        place = next((m for m in out if m.kind == "place" and m.start == j), None)
        home = place.actors[0] if place is not None and place.actors else None
        if home is not None and home.level in {"city", "county"}:
            return None
        if place is not None:
            place.owned = True
        name = doc[t.i:land.end].text
        return Mention(t.i, land.end, "agency", f"agency:{name}",
                       [Actor(name, "agency", "country", home.country if home else None,
                              None)])

    @staticmethod
    def _town_police(sent: Span, t: Token, out: list[Mention]) -> Mention | None:
        doc = sent.doc
        before = t.i - 1 if _low(doc, t.i - 1) not in lx.POSSESSIVE else t.i - 2
        if any(m.kind == "place" and m.end - 1 == before and m.actors and
               m.actors[0].level in {"city", "county"} and m.ent_id.startswith("place:")
               for m in out):
            # (a known town: not "American police", a word taken for an unknown town)
            return Mention(t.i, t.i + 1, "body", "body:police:city", role="police",
                           level="city")
        return None

    def _national_police(self, sent: Span, t: Token, inside: set[int]) -> Mention | None:
        doc = sent.doc
        start = t.i - 2 if _low(doc, t.i - 1) in lx.NATIONAL_FORCE_WORDS else t.i - 1
        if start < sent.start or _low(doc, start) not in lx.DEMONYMS or \
                not doc[start].is_title or start in inside:
            return None
        nation = self.s.gaz.country(lx.DEMONYMS[_low(doc, start)])
        if nation is None:
            return None
        name = doc[start:t.i + 1].text
        return Mention(start, t.i + 1, "agency", f"agency:{name}",
                       [Actor(name, "agency", "country", nation.country, None)])

    def _party_tags(self, sent: Span, out: list[Mention]) -> list[Mention]:
        """"Rep. Yvette Clarke (D-NY) introduced ...", "Sen. Jeff Merkley, D-Ore.,": a
        member named with a party and a state sits in Congress (state legislators are
        tagged with their home town, and "state Sen." keeps its level); the state is the
        member's seat, not an actor."""
        doc = sent.doc
        tags = [t.i + 2 for t in sent[:-2] if t.text in lx.PARTY_LETTERS
                and doc[t.i + 1].text == "-"
                and self.s.gaz.state_code(doc[t.i + 2].text, allow_postal=True)]
        tags += [t.i + 1 for t in sent[:-1] if t.text[:-1] in lx.PARTY_LETTERS  # "(R- La.)"
                 and t.text.endswith("-")
                 and self.s.gaz.state_code(doc[t.i + 1].text, allow_postal=True)]
        tags += [t.i for t in sent if DISTRICT_TAG.match(t.text)  # "Pressley (MA-07)"
                 and self.s.gaz.state_code(t.text[:2], allow_postal=True)]
        for tag in tags:
            member = next((b for b in reversed(out) if b.kind == "body" and b.role == "member"
                           and tag - 8 <= b.end <= tag), None)
            if member is not None and _low(doc, member.start - 1) not in lx.LEVEL_WORDS:
                member.level = "country"
        return [m for m in out if not (m.kind == "place" and m.start in tags)]

    def _capital_city(self, sent: Span, m: Mention) -> Mention:
        """"Wisconsin's capital on Tuesday became the latest city to ...", "voters in
        Maine's largest city approved ...": the state's capital or largest city acts (but
        "Jackson, the Mississippi capital," only describes Jackson)."""
        doc = sent.doc
        if m.kind != "place" or len(m.actors) != 1 or m.actors[0].level != "state" or \
                m.actors[0].country != "US":
            return m
        j = m.end + 1 if _low(doc, m.end) in lx.POSSESSIVE else m.end
        largest = _low(doc, j) in lx.LARGEST_BIGGEST and _low(doc, j + 1) == "city"
        if (_low(doc, j) != "capital" and not largest) or j >= sent.end:
            return m
        if _low(doc, m.start - 1) == "the" and _low(doc, m.start - 2) in lx.APPOSITIVE_BEFORE_THE:
            return m  # an appositive or a landmark, not the subject
        if _low(doc, m.start - 1) == "," or (_low(doc, m.start - 1) in lx.THE_A and
                                             _low(doc, m.start - 2) == ","):
            return m  # "Portland, Maine's largest city, ...": an appositive
        region = m.actors[0].region or ""
        if largest:
            place = self.s.gaz.largest_city.get(region)
            if place is None:
                return m
            return Mention(m.start, j + 2, "place", f"place:{place.name.lower()}",
                           [_place_actor(place)])
        import us

        state = us.states.lookup(region)
        if state is None or not state.capital:
            return m
        city = Actor(state.capital, "jurisdiction", "city", "US", region)
        return Mention(m.start, j + 1, "place", f"place:{state.capital.lower()}", [city])

    def _dateline_town(self, sent: Span, found: list[Mention]) -> list[Mention]:
        """"CORRIGAN SPRINGS, Nev. — ... Corrigan Springs has partly reversed course": a
        town the gazetteer lacks is still known by name once the dateline has named it."""
        actor = self.s.dateline_actor
        if actor is None:
            return []
        words = actor.name.split()
        doc = sent.doc
        for m in found:  # the gazetteer's namesake in another state is not meant
            if m.kind == "place" and not m.qualifiers and \
                    [x.text for x in doc[m.start:m.end]] == words:
                m.actors = [actor]
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
            if t.text in {"—", "–", "--"} or (t.text == "-" and doc[t.i - 1].whitespace_):
                return t.i + 1  # ("TOPEKA, Kan. (WIBW) - A federal bill ...")
        return sent.start

    @staticmethod
    def _unknown_companies(sent: Span, found: list[Mention], known: set[str],
                           orgs: list[Span]) -> list[Mention]:
        """Organisations the company list lacks ("Brightline Vision will no longer sell
        ..., the company said"): an ORG entity counts as a company only when the sentence
        speaks of a company or its products, so that groups and newspapers do not act.
        A name once shown to be a company (``known``, filled here) stays one for the rest
        of the article, and "Cinderpoint, the Austin-based maker of ..." is one whatever
        the NER made of it."""
        words = {t.lower_ for t in sent} | set(re.findall(r"[a-z]+-[a-z]+", sent.text.lower()))
        corporate_sentence = bool(words & lx.COMPANY_WORDS)
        taken = {i for m in found for i in range(m.start, m.end)}
        spans = orgs + MentionRules._appositive_companies(sent) + \
            MentionRules._company_said(sent)
        spans += MentionRules._known_names(sent, known)
        out: list[Mention] = []

        def add(ent: Span, name: str) -> None:
            words = name.split()
            if len(words) > 1 and words[-1] in lx.LEGAL_FORMS:
                name = " ".join(words[:-1]).rstrip(",")  # "East Japan Railway Co."
            taken.update(range(ent.start, ent.end))
            known.add(name)
            out.append(Mention(ent.start, ent.end, "company", f"company:{name}",
                               [Actor(name, "company", None, None, None)]))

        for ent in spans:
            if taken & set(range(ent.start, ent.end)) or (len(ent) == 1 and ent[0].is_stop):
                continue  # (and "Less than six months later, the company ...": no name)
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
            if ent[-1].lower_ in lx.MEASURE_NOUNS:
                continue  # "Europe's General Data Protection Regulation": a law, not its maker
            if _low(sent.doc, ent.end) in lx.PRESS_NOUNS and \
                    _low(sent.doc, ent.start - 1) in lx.A_AN_ANY | {"the"}:
                continue  # "confirmed an AFR report that ...": a newspaper, which does not act
            if (_low(sent.doc, ent.start - 2), _low(sent.doc, ent.start - 1)) in \
                    lx.ADVISER_FIRMS:
                continue  # "former partner of law firm DLA Piper": an adviser, not a party
            if any(c.start == ent.start and c.label_.startswith("action:")
                   for c in sent.doc.spans.get(CUE_KEY, [])) or _holds_a_status(ent):
                continue  # "a Limited Access application": a program's name
            add(ent, name)
        return out

    @staticmethod
    def _not_the_technology(sent: Span, out: list[Mention]) -> list[Mention]:
        """The technology is never an actor: a name the gazetteer does not know that holds
        the topic's term ("Facial Recognition Technology", "the Scooter Share Program") is
        what is banned, not who bans it.  (A known company whose product is a term, such as
        Clearview AI, still acts.)"""
        terms = [t for t in sent.doc.spans.get(TOPIC_KEY, [])
                 if sent.start <= t.start < sent.end]
        return [m for m in out if not any(t.start < m.end and m.start < t.end for t in terms)]

    def _unknown_agencies(self, sent: Span, found: list[Mention], orgs: list[Span]
                          ) -> list[Mention]:
        """Public bodies the agency list lacks, named by the NER as organisations with an
        agency's head word ("the Hellenic Data Protection Authority ordered ...", "New
        Zealand Police said ..."); an acronym the article spells out ("the OAIC") is named
        in full; a US town's department keeps its town's name ("the City of Dallas
        Transportation Department")."""
        # (a place abroad inside the name only says where the body sits: "the São Paulo
        # Court of Justice", "the Provincial Court of Barcelona")
        towns = [m for m in found if self._department_town(m, orgs)]
        taken = {i for m in found if not _abroad(m) and m not in towns
                 for i in range(m.start, m.end)}
        out: list[Mention] = []
        for ent in orgs:
            department = _a_department(ent.text) and \
                ent.ent_id_.startswith("place:")  # (its town's id, kept by the span)
            if ent.label_ != "ORG" or (ent.ent_id_ and not department) or \
                    taken & set(range(ent.start, ent.end)) \
                    or _holds_a_status(ent) or any(
                        m.start < ent.start < m.end or m.start < ent.end < m.end
                        for m in found if m not in towns):
                continue
            name = re.sub(r"^the\s+", "", ent.text, flags=re.I)
            name = re.sub(r"^(?:City|County|Town) of\s+", "", name)
            name = re.sub(r"['’]s$", "", self.s.acronyms.get(name, name))
            if not {w.lower() for w in re.findall(r"[\w-]+", name)} & (
                    lx.AGENCY_HEADS | lx.UNIVERSITY_WORDS):
                continue  # ("Purdue University has banned scooters": a campus's own rule)
            level, region = self._agency_place(name)
            out.append(Mention(ent.start, ent.end, "agency", f"agency:{name}",
                               [Actor(name, "agency", level, "US" if region else None,
                                      region)]))
            taken.update(range(ent.start, ent.end))
        return out

    def _agency_place(self, name: str) -> tuple[str | None, str | None]:
        """(level, US region) of a body the agency list lacks: its town's when it is a
        town's department ("Dallas Transportation Department"); a state's when its name
        holds one; the town the story placed when the name opens with it ("the Milwaukee
        Police Department (MPD)" in a story about Milwaukee); else none."""
        if _a_department(name) and (town := self._town_named_first(name)) is not None:
            return town.level, town.region
        states = self.s.gaz.find_states(name)
        if states:
            return "state", states[0][1]
        town = next((a for a in self.s.salient.values() if a.actor_type == "jurisdiction" and
                     a.level in {"city", "county"} and a.region and
                     name.startswith(a.name + " ")), None)
        return (town.level, town.region) if town else (None, None)

    def _town_named_first(self, name: str) -> Actor | None:
        """The US town or county a department's name opens with ("Dallas Transportation
        Department"), in the story's state when it has one, else the most populous."""
        words = name.split()
        state = self.s.salient.get("state")
        for n in (3, 2, 1):
            places = [p for p in self.s.gaz.candidates(" ".join(words[:n]))
                      if p.country == "US" and p.level in {"city", "county"}]
            if places and n < len(words):
                same = [p for p in places if state is not None and p.region == state.region]
                best = max(same or places, key=lambda p: p.population)
                return _place_actor(best)
        return None

    def _department_town(self, m: Mention, orgs: list[Span]) -> bool:
        """A US town that opens the name of one of its departments ("the City of Dallas
        Transportation Department"): the department acts, its town only says where (its
        police and councils are read as the town's bodies)."""
        return m.kind == "place" and bool(m.actors) and m.actors[0].country == "US" and \
            m.actors[0].level in {"city", "county"} and any(
                o.label_ == "ORG" and o.start < m.end < o.end and m.start <= o.start + 1 and
                _a_department(o.text) for o in orgs)

    @staticmethod
    def _appositive_companies(sent: Span) -> list[Span]:
        """"Cinderpoint, the Austin-based maker of store cameras, said ...": a capitalised
        name at the start of the sentence set off by an appositive that calls it a company."""
        doc = sent.doc
        j = MentionRules._name_run(sent, sent.start, suffixes=True)  # "Quorvel AI, a ..."
        if j == sent.start or j - sent.start > 3 or _low(doc, j) != "," or \
                _low(doc, j + 1) not in lx.ARTICLES:
            return []
        head = next((t for t in doc[j + 2:min(sent.end, j + 9)]  # ("the face-search company
                     if t.lower_ in lx.COMPANY_HEAD_ENDERS), None)  # whose ...")
        last = doc[head.i - 1] if head is not None else None
        if last is None or last.lower_ not in lx.COMPANY_NOUNS | lx.MAKER_NOUNS:
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
        start = max(sent.start, MentionRules._dateline_end(sent))  # "SEATTLE, March 4 —"
        j = MentionRules._name_run(sent, start, suffixes=False)
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
        """A place entity as a mention of the place; None when it is part of a person's,
        an institution's or a thing's name; the company or university it describes when
        it only says where they are."""
        if self._person_named(ent, ner):
            return None
        doc = ent.doc
        org = _inside_span(ent, ner, "ORG") or _inside_span(ent, ner, "FAC")
        if org is not None and any(t.lower_ in lx.INSTITUTION_WORDS for t in org
                                   if t.i >= ent.end or t.i < ent.start):
            if {t.lower_ for t in org} & lx.UNIVERSITY_WORDS:
                return self._university(org, ent, char_base)
            return None  # "the Portland Timbers"
        if (company := self._company_by_its_town(ent)) is not None:
            return company
        if (university := self._state_university(ent, char_base)) is not None:
            return university
        if self._part_of_a_name(doc, ent, previous):
            return None
        res = self._place_resolution(ent, eid, char_base)
        if res is None:
            return None
        qualifier_tokens |= res.qualifier_tokens
        return self._capital_for_federal(ent, eid, res) or self._placed(ent, eid, res)

    @staticmethod
    def _person_named(ent: Span, ner: list[Span]) -> bool:
        """"George Washington", "Nadia Ferreira-Holt", "Marcus Bell", "Councilor Jackson",
        "Jackson said": the place's name is a person's."""
        doc = ent.doc
        if _inside_span(ent, ner, "PERSON"):
            return True
        if _low(doc, ent.start - 1) in {"-", "–"} and ent.start >= 2 and \
                doc[ent.start - 2].is_title:
            return True  # half of a double surname
        prev_tok = doc[ent.start - 1] if ent.start > ent.sent.start else None
        if prev_tok is not None and prev_tok.is_title and prev_tok.is_alpha and \
                prev_tok.lower_ not in lx.NOT_PLACE_WORDS and not prev_tok.ent_type_ and \
                prev_tok.i > ent.sent.start:
            return True
        return _low(doc, ent.end) in lx.SAID_VERBS and \
            _inside_span(ent, ner, "PERSON", strict=False) is not None

    def _company_by_its_town(self, ent: Span) -> Mention | None:
        """"The Redmond company is also putting ...": the company, described by its town."""
        doc = ent.doc
        nxt, nxt2 = _low(doc, ent.end), _low(doc, ent.end + 1)
        company = self.s.salient.get("company")
        if company is None or _low(doc, ent.start - 1) != "the" or not (
                nxt in lx.COMPANY_NOUNS or (nxt in lx.BASED_WORDS and nxt2 in
                                            lx.COMPANY_NOUNS) or (nxt == "-" and nxt2 == "based"
                                                                  and _low(doc, ent.end + 2)
                                                                  in lx.COMPANY_NOUNS)):
            return None
        end = ent.end + (1 if nxt in lx.COMPANY_NOUNS else 2 if nxt != "-" else 3)
        return Mention(ent.start - 1, min(end, ent.sent.end), "company", "", [company])

    def _part_of_a_name(self, doc: Doc, ent: Span, previous: list[Mention]) -> bool:
        """"a Boston-area firm", "its Aurora line of shop cameras", "Hampton Roads", "the
        Portland Timbers", "the ACLU of Washington", "the Green MP": the place only names
        something else."""
        nxt, nxt2 = _low(doc, ent.end), _low(doc, ent.end + 1)
        if nxt in lx.BASED_AREA_WORDS or (nxt == "-" and nxt2 in lx.BASED_AREA_SPLIT):
            return True
        if nxt in lx.PARTY_MEMBER_WORDS:
            return True  # "the Green MP Caroline Lucas": a party, not Green, Ohio
        if _low(doc, ent.start - 1) in lx.ITS_THEIR_OUR and nxt in lx.PRODUCT_NOUNS:
            return True  # a product
        nxt_tok = doc[ent.end] if ent.end < ent.sent.end else None
        if nxt_tok is not None and nxt_tok.is_title and nxt_tok.is_alpha and \
                not nxt_tok.ent_type_ and nxt_tok.lower_ not in lx.NOT_PLACE_WORDS and \
                not (headline_cased(ent.sent) and self._headline_verb(nxt_tok)):
            return True
        if nxt in lx.INSTITUTION_WORDS and nxt not in lx.PLACE_INSTITUTION_WORDS and \
                doc[ent.end].text[:1].isupper():
            return True
        # ("Phil Ting of San Francisco")
        return _low(doc, ent.start - 1) == "of" and self._of_owner(doc, ent.start - 2, previous)

    @staticmethod
    def _headline_verb(tok: Token) -> bool:
        """"San Francisco Bans ...", "Oakland Becomes ...": in a headline the capitalised
        word after a place is its verb when it is a cue or a headline's usual verb (but
        "Hudson Valley Morning Rundown" goes on naming)."""
        return tok.lower_ in lx.HEADLINE_VERBS or any(
            c.start == tok.i for c in tok.doc.spans.get(CUE_KEY, []))

    def _place_resolution(self, ent: Span, eid: str, char_base: int) -> Resolution | None:
        """The places the name may be, unless it is a person the story quotes or a field's
        label."""
        doc, s = ent.doc, self.s
        nxt = _low(doc, ent.end)
        res = self._resolve_span(ent, bool(eid), char_base)
        if not res.places:
            return None
        if eid and not res.qualifier_tokens and ent.text in s.surnames and (all(
                p.population < SMALL_TOWN_POPULATION for p in res.places) or
                nxt in lx.AUTHORSHIP | lx.FILING_VERBS or (
                    nxt in lx.POSSESSIVE and _low(doc, ent.end + 1) in lx.BILL_NOUNS)):
            return None  # "Wheeler's council" over a story quoting Mayor Ted Wheeler,
            # "Jackson files face-recognition ban" over Councilwoman Renata Jackson, and
            # "Warren's bill" over Rep. Charlotte Warren
        if eid and nxt == ":" and ent.start == ent.sent.start and not res.qualifier_tokens \
                and self._stray_label(res.places):
            return None  # a bill tracker's "Sunset: The prohibition is repealed on ...": a
            # field's name, not the town of Sunset, Florida
        return res

    @staticmethod
    def _capital_for_federal(ent: Span, eid: str, res: Resolution) -> Mention | None:
        """"A day later in Washington, Senators Markey and Merkley introduced ... which
        would bar federal agencies": the capital, standing for the federal government."""
        doc = ent.doc
        if ent.text == "Washington" and not res.qualifier_tokens and \
                _low(doc, ent.start - 1) in lx.IN_FROM and \
                {t.lower_ for t in ent.sent} & lx.FEDERAL_WORDS:
            return Mention(ent.start, ent.end, "place", eid, [
                Actor("United States", "jurisdiction", "country", "US", None)])
        return None

    def _placed(self, ent: Span, eid: str, res: Resolution) -> Mention:
        """The place mention, owned when it only qualifies or locates something."""
        doc, s = ent.doc, self.s
        nxt = _low(doc, ent.end)
        places = res.places
        code = s.gaz.state_code(ent.text)
        if code and nxt in lx.STATE_PLACE_NOUNS and code in s.gaz.states:
            # "the upstate New York city": the state saying which city, not New York City
            places = [s.gaz.states[code]]
        m = Mention(ent.start, ent.end, "place", eid, [_place_actor(p) for p in places])
        m.qualifiers = set(res.qualifier_tokens)
        after_at = ent.end + 1 if nxt in lx.POSSESSIVE else ent.end  # (past "'s")
        after = _low(doc, after_at)
        p1, p2 = _low(doc, ent.start - 1), _low(doc, ent.start - 2)
        if p1 in lx.NEAR_WORDS or (p1 == "of" and p2 in lx.DIRECTIONS) or (
                p1 == "the" and p2 == "of" and _low(doc, ent.start - 3) in lx.RIVER_PART_NOUNS):
            m.owned = m.landmark = True  # ("on both sides of the Pearl": a river)
        if after in lx.OWNED_NEXT and not _people_who_act(doc, after_at):
            m.owned = True  # "Two Massachusetts cities", "the Michigan city", "Boston police"
        m.owned = m.owned or self._qualifying(ent)
        if p1 == "in" and p2 == "," and nxt == "," and m.actors and \
                all(a.level == "state" for a in m.actors) and ent.start >= 3 and \
                doc[ent.start - 3].is_alpha:
            m.owned = True  # "the Westvale police, in Massachusetts, ...": where, not who
        return m

    def _university(self, org: Span, ent: Span, char_base: int) -> Mention | None:
        """"San Diego State University has banned scooters": a public body of the state
        its town is in (a university acts on its own campus)."""
        res = self._resolve_span(ent, True, char_base)
        place = res.places[0] if res.places else None
        name = re.sub(r"^the\s+", "", org.text, flags=re.I)
        if place is None or (name.lower().startswith(("university of", "college of"))
                             and place.level != "state"):
            return None  # "the University of Essex": a town's name is no sure state
        return _university_mention(org.start, org.end, name, place)

    def _state_university(self, ent: Span, char_base: int) -> Mention | None:
        """"San Jose State officials on Monday banned scooters", "Cleveland State": a
        city's name and "State" alone name its state university (a state's own name
        before "State" is the state: "New York State")."""
        doc = ent.doc
        if ent.end >= len(doc) or doc[ent.end].text != "State":
            return None
        after = ent.end + 1
        if after < len(doc) and doc[after].is_title and doc[after].sent == ent.sent and \
                not any(c.start == after for c in doc.spans.get(CUE_KEY, [])):
            return None  # ("Ohio State Senate", "Cleveland State University": the NER's;
            # but a headline's "San Diego State Bans Electric Scooters")
        res = self._resolve_span(ent, True, char_base)
        place = res.places[0] if res.places else None
        if place is None or place.level != "city" or place.country != "US":
            return None
        return _university_mention(ent.start, ent.end + 1, f"{ent.text} State University",
                                   place)

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
        if _low(doc, span.end) in lx.POSSESSIVE and any(
                t.lower_ in lx.RANK_WORDS
                for t in doc[span.end + 1:span.end + 4]):
            return True
        return _low(doc, span.start - 1) == "in" and span.start - 2 == span.sent.start and \
            _low(doc, span.start - 2) in lx.POLICE_PEOPLE

    def _of_owner(self, doc: Doc, i: int, previous: list[Mention]) -> bool:
        if i < 0:
            return False
        for m in previous:
            if m.start <= i < m.end and m.kind in {"advocate", "publisher"}:
                return True
        ner = doc.spans.get(NER_KEY, [])
        return any(e.start <= i < e.end and e.label_ in {"PERSON", "ORG", "NORP"} for e in ner)

    def _resolve_span(self, span: Span, known: bool, char_base: int) -> Resolution:
        """A place name resolved among the gazetteer's candidates by context, or, for a
        name the gazetteer lacks, as a town of the state its qualifier or context gives."""
        if not known:
            return self._unknown_resolution(span, char_base)
        s = self.s
        return resolve(span, s.gaz, s.ctx, char_base + span.start_char,
                       (char_base + span.sent.start_char, char_base + span.sent.end_char))

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

    def _unknown_mention(self, span: Span, level: str | None, char_base: int,
                         suffix: str = "") -> Mention | None:
        s = self.s
        if span.text in s.surnames:
            return None  # "Wheeler's council" over a story quoting Mayor Ted Wheeler
        known = s.gaz.candidates(span.text + suffix)
        res = self._resolve_span(span, bool(known), char_base)
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


def _university_mention(start: int, end: int, name: str, place: Place) -> Mention:
    """A university as the public body of the state its town is in (it acts on its own
    campus)."""
    return Mention(start, end, "agency", f"agency:{name}",
                   [Actor(name, "agency", "state" if place.country == "US" else None,
                          place.country, place.region or None)])
