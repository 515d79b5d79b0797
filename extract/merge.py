"""From candidates to events: the mentions of one decision become one event.

Candidates of one (actor, region, action, status) are one event.  Before grouping, a
loosely named act takes its precise name (a later "moratorium" of the same actor makes a
"ban" one); when grouping, a group that only echoes another is dropped by a named check
(``GROUP_DROPS``: a headline's shorthand, a proposal that failed);
each event then takes its group's most precise date, or the headline's, the dateline's
or the page's, or for the story's own news the publication date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from . import dates as d
from .components import CUE_KEY
from .events import Event
from .lexicon import (
    CONTINUING,
    FILING_WORDS,
    HEADLINE_FAMILY,
    MODALS,
    SIMILARITY_WORDS,
)
from .rules import Candidate
from .rules.state import (
    added_in_perfect,
    given_as_example,
    other_places,
    perfect_at,
    relative_perfect,
    tells_standing,
    told_earlier,
)

Key = tuple[str, str | None, str, str]  # actor (casefolded), region, action, status


@dataclass
class ArticleFacts:
    """What merging needs of the article besides its candidates."""

    text: str
    published: d.PartialDate | None  # to the day, or only the month a page gives
    acronyms: dict[str, str]  # "OAIC" → the name the text spells out
    lead_end: int  # where the story's lead ends
    # where the paragraph after the lead ends: an act told alone in a sentence there is
    # still the story's news (a byline or a fine may take the lead's place)
    news_end: int
    dateline_date: d.PartialDate | None
    dateline_text: str | None
    title_date: tuple[d.PartialDate, str] | None  # a day the headline gives
    technology: dict[str, str]  # topic → its technology's name


@dataclass
class Seen:
    """The candidates by group, and what the body (not the headline) told."""

    groups: dict[Key, list[Candidate]]
    body: set[Key]  # told in the body, action by headline family
    body_regions: set[tuple[str | None, str, str]]  # (region, actor type, family)
    title_dates: dict[tuple[str, str | None], Candidate]
    dated_sentences: set[int]
    text_low: str
    #: sentences whose candidates name several actors ("Oakland, Berkeley and San Francisco
    #: have banned it"): a list of precedents, not one body's news
    crowded_sentences: set[int] = field(default_factory=set)
    body_names: set[tuple[str, str | None, str]] = field(init=False)

    def __post_init__(self) -> None:
        self.body_names = {(k[0], k[1], k[2]) for k in self.body}


def key_of(c: Candidate) -> Key:
    return (c.actor.name.casefold(), c.actor.region, c.action, c.status)


@dataclass(frozen=True)
class Echo:
    """A group of candidates dropped as an echo of another event (``--explain``)."""

    check: str
    key: Key

    def as_dict(self) -> dict[str, object]:
        actor, region, action, status = self.key
        return {"source": "merge", "check": self.check, "actor": actor, "region": region,
                "action": action, "status": status}


@dataclass
class Merged:
    events: list[Event]  # headline-only ones last
    echoes: list[Echo]


def merge(cands: list[Candidate], article: ArticleFacts) -> Merged:
    """The article's events, and the groups dropped as echoes of them."""
    _spell_out_acronyms(cands, article.acronyms)
    _name_pauses(cands)
    seen = _seen(cands, article.text)
    events, echoes = [], []
    for key, group in seen.groups.items():
        check = dropped_by(seen, key, group)
        if check is None:
            events.append(_event(group, seen, article))
        else:
            echoes.append(Echo(check, key))
    events.sort(key=lambda e: (e.start == 0 and e.end == 0, e.start))
    return Merged(events, echoes)


def _name_pauses(cands: list[Candidate]) -> None:
    """The later pause of an actor that already had one continues it; a "ban" the same
    actor's "moratorium" names precisely is that moratorium."""
    pauses = [c for c in cands if c.action == "moratorium" and not c.in_title]
    for c in pauses:
        # "Amazon will keep police from using it until further notice, a spokesperson
        # said on Tuesday. The one-year moratorium the company announced last June ...":
        # the later pause of an actor that already had one continues it
        if c.status == "enacted" and c.date is not None and c.date.precision >= 2 and \
                CONTINUING.search(c.evidence) and any(
                    o is not c and o.actor == c.actor and o.status == "enacted" and
                    o.date is not None and o.date.precision >= 2 and
                    (c.date.as_date() - o.date.as_date()).days >= 90 for o in pauses):
            c.action = "extension"
    pauses = [c for c in pauses if c.action == "moratorium"]
    for c in cands:
        # "voted to keep police away from it" and, later, "the 2020 moratorium": one
        # decision, named loosely first; the more precise word wins (but two bills
        # proposed the same week are two proposals); so is a company's "will stop using
        # it" beside "suspending it pending a ruling" (but a pause "indefinitely" is how
        # the company's exit was told, and "will no longer sell it, and will let its
        # contracts lapse" one sentence's two readings of the exit)
        if c.action in {"ban", "exit"} and not c.in_title and c.status != "proposed" and any(
                p.actor == c.actor and p.status == c.status and (
                    p.date is None or c.date is None or p.date.year == c.date.year) and
                (c.action == "ban" or (p.sentence != c.sentence and
                                       "indefinite" not in p.evidence.casefold()))
                for p in pauses):
            c.action = "moratorium"


def _seen(cands: list[Candidate], text: str) -> Seen:
    groups: dict[Key, list[Candidate]] = {}
    for c in cands:
        groups.setdefault(key_of(c), []).append(c)
    body = [c for c in cands if not c.in_title]
    names_by_sentence: dict[int, set[str]] = {}
    for c in cands:
        names_by_sentence.setdefault(c.sentence, set()).add(c.actor.name)
    return Seen(
        groups=groups,
        body={(c.actor.name.casefold(), c.actor.region, HEADLINE_FAMILY[c.action], c.status)
              for c in body},
        body_regions={(c.actor.region, c.actor.actor_type, HEADLINE_FAMILY[c.action])
                      for c in body if c.actor.region},
        title_dates={(c.actor.name.casefold(), c.actor.region): c
                     for c in cands if c.in_title and c.date is not None},
        dated_sentences={c.sentence for c in cands if c.date is not None and c.date_explicit},
        crowded_sentences={i for i, names in names_by_sentence.items() if len(names) > 1},
        text_low=text.casefold(),
    )


# ------------------------------------------------------------ groups that only echo
GroupCheck = Callable[[Seen, Key, list[Candidate]], bool]


def failed_later(seen: Seen, key: Key, group: list[Candidate]) -> bool:
    """"Commissioner Whitcombe, who proposed the ban": the one voted down."""
    name, region, action, status = key
    return status == "proposed" and all(c.date is None for c in group) and \
        (name, region, action, "failed") in seen.groups


def _family_key(key: Key) -> Key:
    name, region, action, status = key
    return (name, region, HEADLINE_FAMILY[action], status)


def headline_wording(seen: Seen, key: Key, group: list[Candidate]) -> bool:
    """The headline's wording yields to the body's."""
    return all(c.in_title for c in group) and _family_key(key) in seen.body


def headline_status(seen: Seen, key: Key, group: list[Candidate]) -> bool:
    """So does its status: "defeats proposed ban" over a body "defeated" (unless the body
    told of the headline's act again)."""
    return all(c.in_title and not c.confirmed for c in group) and \
        _family_key(key)[:3] in seen.body_names


def headline_repeal(seen: Seen, key: Key, group: list[Candidate]) -> bool:
    """"Lake Anselm scraps ban" over a body whose proposed ban failed."""
    name, region, action, _ = key
    return all(c.in_title for c in group) and action == "repeal" and \
        (name, region, "stop", "failed") in seen.body


def headline_short_name(seen: Seen, key: Key, group: list[Candidate]) -> bool:
    """"Vellacourt commissioners weigh ..." over "Vellacourt County"."""
    name, region = key[0], key[1]
    return all(c.in_title for c in group) and any(
        k[0].startswith(name + " ") and k[1] == region for k in seen.body)


def headline_shorthand(seen: Seen, key: Key, group: list[Candidate]) -> bool:
    """"... dies in Olympia", "Iowa sheriff ...": a headline's shorthand for the body's
    actor of the same state, which the body names in full."""
    name, region, action, _ = key
    return all(c.in_title for c in group) and name not in seen.text_low and \
        (region, group[0].actor.actor_type, HEADLINE_FAMILY[action]) in seen.body_regions


GROUP_DROPS: tuple[tuple[str, GroupCheck], ...] = (
    ("failed_later", failed_later),
    ("headline_wording", headline_wording),
    ("headline_status", headline_status),
    ("headline_repeal", headline_repeal),
    ("headline_short_name", headline_short_name),
    ("headline_shorthand", headline_shorthand),
)


def dropped_by(seen: Seen, key: Key, group: list[Candidate]) -> str | None:
    """The name of the first check that finds the group only echoes another."""
    return next((name for name, check in GROUP_DROPS if check(seen, key, group)), None)


def _spell_out_acronyms(cands: list[Candidate], acronyms: dict[str, str]) -> None:
    """"the OAIC" named in full where the text defines it; and where the spelled-out name
    ends a longer name an actor of the article has ("the Italian Data Protection Authority
    (DPA)" defines "DPA" from its capitals as "Data Protection Authority"), that actor."""
    spelled = set(acronyms.values())
    for c in cands:
        name = acronyms.get(c.actor.name, c.actor.name)
        if name not in spelled:
            continue
        fuller = next((o.actor for o in cands if o.actor.name.endswith(" " + name)), None)
        c.actor = fuller if fuller is not None else replace(c.actor, name=name)


# ------------------------------------------------------------ one event
def _takes_effect_later(c: Candidate, published: d.PartialDate | None) -> bool:
    """"Lyft would cease scooter operations in the city Nov. 22", told on Nov. 16: an act
    the story reports as done cannot come after the story; a later day is when it takes
    effect, not when it was decided."""
    if c.status != "enacted" or c.date is None or published is None:
        return False
    # (compared at the coarser of the two precisions; a year alone, "in 2020" said in
    # 2019, is too coarse to tell)
    shared = min(len(c.date.iso()), len(published.iso()))
    return shared > len("YYYY") and c.date.iso()[:shared] > published.iso()[:shared]


def _event(group: list[Candidate], seen: Seen, article: ArticleFacts) -> Event:
    dated = [c for c in group if c.date is not None and
             not _takes_effect_later(c, article.published)]
    best = max(dated, key=lambda c: (c.date.precision, c.date_explicit, -c.order)) \
        if dated else None
    body = [c for c in group if not c.in_title] or group
    evidence = best if best is not None and not best.in_title else \
        max(body, key=lambda c: (c.confidence, -c.order))
    date_val, date_text, date_source = _event_date(group, best, seen, article)
    ordered = sorted(group, key=lambda c: c.order)
    first = ordered[0]
    a = first.actor
    return Event(
        actor=a.name, actor_type=a.actor_type, level=a.level, country=a.country,
        region=a.region, action=first.action, status=first.status,
        scope=next((c.scope for c in ordered if c.scope), None),
        technology=article.technology.get(first.topic, first.topic),
        date=date_val, date_text=date_text,
        until=next((c.until for c in ordered if c.until), None),
        evidence=evidence.evidence, start=evidence.start, end=evidence.end,
        confidence=round(min(0.99, max(c.confidence for c in group) +
                             0.05 * (len(group) - 1)), 3),
        topic=first.topic, date_source=date_source,
    )


def _event_date(group: list[Candidate], best: Candidate | None, seen: Seen,
                article: ArticleFacts) -> tuple[str | None, str | None, str | None]:
    """(date, date words, date source): the group's most precise date; else the
    headline's for the actor, the dateline's for an act the lead tells in the past, or
    the page's own; else, for the story's own news, the publication date."""
    if best is not None:
        return best.date.iso(), best.date_text, "text"
    key = key_of(group[0])
    date_val = date_text = None
    if not all(c.background for c in group):
        # (an older measure only implied by its extension is not the headline's act)
        td = seen.title_dates.get((key[0], key[1]))
        if td is not None:
            date_val, date_text = td.date.iso(), td.date_text
        elif article.dateline_date is not None and article.dateline_text is not None and any(
                c.past_simple and (c.in_title or c.start <= article.lead_end) and
                not c.reference for c in group):
            date_val, date_text = article.dateline_date.iso(), article.dateline_text
        elif article.title_date is not None and not all(c.reference for c in group):
            # "Ossory Labs release notes — 14 November 2022": the page's own date
            date_val, date_text = article.title_date[0].iso(), article.title_date[1]
    if date_val is not None:
        return date_val, date_text, "text"
    if article.published is not None and \
            story_news(group, article, seen):
        return article.published.iso(), None, "published"
    return None, None, None


def story_news(group: Sequence[Candidate], article: ArticleFacts, seen: Seen) -> bool:
    """The story's own news: told in the headline or the lead (or alone in a sentence of
    the paragraph after it, or in the present perfect later on), not an older measure the
    story recalls or a mere reference to another place's act, and not a pending proposal
    (dated by its filing, which a story that a body "will vote" on does not give) unless
    the story tells of the filing.

    Nor a follower named after the cue of a sentence whose other act the text dates
    ("banned it in May 2019, with Oakland following soon after"): the text bounds its
    date by the act it follows, and the publication date would contradict that.
    """
    return any(c.in_title or c.start <= article.lead_end or (
        (c.start <= article.news_end or _told_as_news(c)) and
        c.sentence not in seen.crowded_sentences) for c in group) and \
        not any(c.background or c.reference or _other_places(c) or _told_as_earlier(c)
                for c in group) and \
        not (any(c.status == "proposed" for c in group) and not any(_filed(c) for c in group)) and \
        not all(_follower(c) and c.sentence in seen.dated_sentences for c in group)


#: how far before the act word the "has issued" of the story's news may stand ("Police
#: Chief Bryan Larkin has issued a directive for police to cease all use of ...")
NEWS_PERFECT_WINDOW = 8


def _told_as_news(c: Candidate) -> bool:
    """An enactment told in the present perfect ("has issued a directive to cease ...",
    "has stopped using it") past the lead: the story's news all the same (an excerpt's
    lead may be a menu or a caption)."""
    if c.sent is None or c.cue_tok is None or c.status != "enacted":
        return False
    doc = c.sent.doc
    lo = max(c.sent.start, c.cue_tok - NEWS_PERFECT_WINDOW)
    return any(perfect_at(doc, i) for i in range(lo, c.cue_tok))


def _filed(c: Candidate) -> bool:
    """A proposal the sentence tells being made ("members have introduced two bills that
    would ban ...", "a proposed law would ban ..."): news of the day; a proposal a body
    "will vote on" is not dated by the story."""
    # (not "will introduce a motion next week", "plans to file": not made yet)
    return c.sent is not None and any(
        t.lower_ in FILING_WORDS and not {w.lower_ for w in t.doc[max(0, t.i - 2):t.i]} & MODALS
        for t in c.sent)


def _other_places(c: Candidate) -> bool:
    """Told as one of "other cities including San Francisco, Oakland and Portland", or as
    an example of a kind ("cities ..., such as Portland"): a precedent the story recalls,
    not its news."""
    if c.sent is None or c.cue_tok is None:
        return False
    doc, start = c.sent.doc, c.sent.start
    if c.actor_tok is not None:
        # from the act told before the actor ("Though other cities have bans, Portland on
        # Wednesday became the first ..." does not make Portland one of them)
        start = max([start, *(k.end for k in doc.spans.get(CUE_KEY, [])
                              if k.label_.startswith("action:") and
                              start <= k.start and k.end <= c.actor_tok)])
    end = min(c.cue_tok, c.actor_tok) if c.actor_tok is not None else c.cue_tok
    return other_places(doc, start, max(end, start)) or \
        (c.actor_tok is not None and given_as_example(doc, start, c.actor_tok))


def _told_as_earlier(c: Candidate) -> bool:
    """"Oregon and New Hampshire already have similar measures in place": an act before
    the story's, not its news; so is a like measure that stands ("Similar bans are in
    place in Oakland and Berkeley"), and other places' acts added in the perfect ("Oakland
    and Berkeley also have banned it")."""
    if c.sent is None or c.cue_tok is None:
        return False
    doc = c.sent.doc
    if added_in_perfect(doc, c.sent.start, c.cue_tok) or relative_perfect(doc, c.cue_tok):
        return True  # "Oakland and Berkeley also have banned it": recalled beside the news
    return told_earlier(doc, c.sent.start, c.cue_tok) or (
        tells_standing(c.sent) and any(t.lower_ in SIMILARITY_WORDS for t in c.sent))


def _follower(c: Candidate) -> bool:
    """Named after its sentence's cue, as a follower is ("..., with Oakland following")."""
    return c.actor_tok is not None and c.cue_tok is not None and c.actor_tok > c.cue_tok
