"""The Extractor: article text in, merged events out.

Flow per article (see ``Extractor.extract_many``):

1. validate and cap the text (``MAX_TEXT_CHARS``); binary garbage gives no events;
2. prefilter: no topic term in body or title → no events, and the model never runs;
3. split into paragraph blocks and keep those with a topic term or a cue word;
4. run the spaCy pipeline over title + kept blocks of many articles at once
   (``nlp.pipe``);
5. apply the sentence rules (``extract.rules``) in reading order;
6. merge the mentions of each event (same actor, region, action and status) keeping
   the most precise date, and fill dates from the headline or dateline when the body
   gives none.

Offsets: ``Event.start``/``end`` index the ``text`` passed in (the cap only drops a
tail, so offsets stay valid).  An event found only in the title has
``start == end == 0`` and the title as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Protocol

from spacy.language import Language

from . import dates as d
from .candidates import Proposal
from .components import TOPIC_KEY
from .decider import MODEL_DIR, Decider, decider_version
from .events import Event
from .explain import Explanation
from .gazetteer import Gazetteer, Place, load_gazetteer
from .judge import judge, proposals_of
from .lexicon import MEASURE_TITLE
from .merge import ArticleFacts, merge
from .parse import load_parser
from .pipeline import build_pipeline, resolve_model
from .places import PlaceContext, dateline_place, home_state, locality_hints
from .prefilter import Block, Prefilter, relevant_blocks, split_blocks
from .rules import Actor, ArticleState, SentenceRules
from .text import is_garbage, unwrap_lines
from .topics import DEFAULT_TOPICS, Topic, partial_use_pattern, scope_patterns

EXTRACTOR_VERSION = "0.9.19"

#: "Mayor Ted Wheeler", "Sen. Ed Markey": a titled person's surname, which a small town
#: of the same name in the headline ("Wheeler's council") is not
PERSON_NAME = re.compile(
    r"\b(?:Mayor|Gov\.|Governor|Sen\.|Senator|Rep\.|Representative|Chief|Sheriff|"
    r"Commissioner|Councilor|Councilman|Councilwoman|Alderman|Judge|President|Dr\.|Mr\.|"
    r"Ms\.|Mrs\.) [A-Z][a-z]+(?: [A-Z]\.)? ([A-Z][a-z]+)\b")
#: Characters of an article that are read; the rest is ignored.  Real news articles
#: are far shorter; the cap bounds the time a pathological 5 MB input can take.
MAX_TEXT_CHARS = 100_000
MAX_TITLE_CHARS = 500


@dataclass
class _Prepared:
    text: str
    title: str
    story_date: d.PartialDate | None  # the publication date at its own precision
    topics: list[str]
    blocks: list[Block] = field(default_factory=list)
    dateline: d.DateMention | None = None
    dateline_place: Place | None = None
    # (char offset, region code) of the states named in the text and in the title
    text_states: list[tuple[int, str]] = field(default_factory=list)
    title_states: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _Reading:
    """One article as the rules left it: their candidates and sentence records."""

    p: _Prepared
    state: ArticleState
    dateline_date: d.PartialDate | None
    lead_end: int
    news_end: int  # the paragraph after the lead (``ArticleFacts.news_end``)


#: "the Office of the Australian Information Commissioner (OAIC)": a name and its acronym
DEFINED_ACRONYM = re.compile(
    r"\b((?:[A-Z][\w'’.-]*|of|the|for|and|on|et|de|du|des|la|le|[ld]['’][\w.-]+)"
    r"(?:\s+(?:[A-Z][\w'’.-]*|of|the|for|and|on|et|de|du|des|la|le|[ld]['’][\w.-]+)){1,9})\s*"
    r"\(([A-Z][A-Za-z]{1,7})\)")


def spelled_out(text: str) -> dict[str, str]:
    """Acronyms the text defines, with the names they stand for (a leading "the" dropped,
    and only when the name's capitals spell the acronym's first letter)."""
    out = {}
    for m in DEFINED_ACRONYM.finditer(text):
        acronym = m.group(2)
        words = m.group(1).split()
        # "France's Commission Nationale ... (CNIL)": the name starts at the acronym's letter
        while words and (words[0][0].upper() != acronym[0].upper() or
                         words[0].endswith(("'s", "’s"))):
            words.pop(0)
        if len(words) > 1:
            out[acronym] = " ".join(words)
    return out


def _same_words(a: str, b: str) -> bool:
    return a.split() == b.split()


class Corrections(Protocol):
    """Rewrites an article's events after extraction (see ``Extractor``)."""

    version: str

    def apply(self, events: list[Event], text: str, title: str) -> list[Event]: ...


class Extractor:
    """Finds ban/moratorium events in news text.

    The spaCy pipeline is built lazily on first use (about a second), so creating an
    Extractor is cheap and off-topic articles never pay for the model.
    """

    def __init__(
        self,
        model: str | None = None,
        topics: Sequence[Topic] | None = None,
        *,
        whole_articles: bool = False,
        selective_ner: bool = True,
        decider: Path | None = MODEL_DIR,
        corrections: Corrections | None = None,
    ) -> None:
        """``whole_articles`` is the naive reference, kept to measure and check the fast
        path against: the full statistical model (parser, tagger and all) runs over
        every article's whole text, one ``nlp(text)`` at a time, with no prefilter and
        no block selection; the same rules then read every sentence.
        ``selective_ner=False`` runs the NER over every relevant paragraph instead of
        only the sentences that need it (see ``extract.components.SelectiveNer``).
        ``decider`` is the directory of the learned decider's model (``extract.decider``):
        the shipped one by default, a team's own, or None for the rules alone.  Its version
        is part of the extractor's, so a new model makes stored extractions stale.
        ``corrections`` rewrites each article's events last (a team's learned corrections
        of who acted, ``banwatch.learning.places``); its ``version`` joins the extractor's."""
        self.whole_articles = whole_articles
        self.selective_ner = selective_ner
        self.topics: tuple[Topic, ...] = tuple(topics) if topics else DEFAULT_TOPICS
        if not self.topics:
            raise ValueError("an Extractor needs at least one topic")
        self.model = model
        self.decider_path = decider
        self.version = EXTRACTOR_VERSION + decider_version(decider)
        self.corrections = corrections
        if corrections is not None and corrections.version:
            self.version += f"+corrections.{corrections.version}"
        self._decider: Decider | None = None
        self._parser: Language | None = None
        self.prefilter = Prefilter(self.topics)
        self._nlp: Language | None = None
        self._gaz: Gazetteer | None = None
        self._technology = {t.name: t.technology for t in self.topics}
        self._scopes = scope_patterns(self.topics)
        self._partial_use = partial_use_pattern(self.topics)
        self._topic_words = {w.lower() for t in self.topics for term in t.matched_terms
                             for w in term.split()}
        self._measure_owners = {name.lower(): owner for t in self.topics
                                for name, _, owner in t.measures if owner}
        self._business_topics = {name: t.name for t in self.topics for name in t.companies}

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = build_pipeline(self.model, self.topics, full_model=self.whole_articles,
                                       selective_ner=self.selective_ner)
        return self._nlp

    @property
    def decider(self) -> Decider | None:
        if self._decider is None and self.decider_path is not None:
            self._decider = Decider.load(self.decider_path)
        return self._decider

    @property
    def parser(self) -> Language | None:
        """The dependency parser for the sentences candidates come from (None for a
        model without one)."""
        if self._parser is None:
            self._parser = load_parser(resolve_model(self.model))
        return self._parser

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = load_gazetteer()
        return self._gaz

    # ------------------------------------------------------------------ public API
    def extract(
        self, text: str, published: d.Published | None = None, title: str | None = None
    ) -> list[Event]:
        """Events in one article.

        ``published`` resolves relative dates ("on Tuesday", "last month"); without it
        such dates stay ``None``.  ``title`` is read before the body: it supplies places
        and dates the body leaves implicit, and an event stated only there is returned
        with ``start == end == 0`` and the title as evidence.  Raises ``ValueError`` for
        arguments of the wrong type; bad *content* (empty, binary, huge, not English,
        off-topic) simply gives ``[]``.
        """
        return next(self.extract_many([(text, published, title)]))

    def explain(
        self, text: str, published: d.Published | None = None, title: str | None = None
    ) -> Explanation:
        """The events and how they were found: the rule candidates behind them, every
        clause a named rule check dropped, and, with a learned decider, its verdict on
        each candidate (which source proposed it, the model's scores, the check that
        dropped it)."""
        return next(self._read_many([(text, published, title)]))

    def extract_many(
        self, items: Iterable[tuple[str, d.Published | None, str | None]], batch_size: int = 32
    ) -> Iterator[list[Event]]:
        """Same results as ``extract`` for each item, in order, but batched through
        ``nlp.pipe``; off-topic items are answered without the model."""
        for explained in self._read_many(items, batch_size):
            yield explained.events

    def _read_many(
        self, items: Iterable[tuple[str, d.Published | None, str | None]], batch_size: int = 32
    ) -> Iterator[Explanation]:
        for reading in self._readings(items, batch_size):
            if reading is None:
                yield Explanation([], [], [], [], [])
                continue
            made = list(reading.state.candidates)
            candidates, verdicts = made, []
            if self.decider is not None:
                judged = judge(reading.state, self.decider, self.parser, reading.p.text)
                candidates, verdicts = judged.candidates, judged.verdicts
            merged = merge(candidates, self._facts(reading))
            events = merged.events
            if self.corrections is not None:
                events = self.corrections.apply(events, reading.p.text, reading.p.title)
            yield Explanation(events, made, verdicts, reading.state.vetoes, merged.echoes)

    def proposals_many(
        self, items: Iterable[tuple[str, d.Published | None, str | None]], batch_size: int = 32
    ) -> Iterator[list[Proposal]]:
        """Every candidate the rules and the parse propose for each item, before the
        decider judges them: what its training data is made of."""
        for reading in self._readings(items, batch_size):
            yield [] if reading is None else proposals_of(reading.state, self.parser)

    def _readings(
        self, items: Iterable[tuple[str, d.Published | None, str | None]], batch_size: int
    ) -> Iterator[_Reading | None]:
        """Each item read by the pipeline and the sentence rules (None: nothing to read)."""
        if self.whole_articles:
            yield from self._read_whole(items)
            return
        it = iter(items)
        while True:
            chunk = list(islice(it, max(1, batch_size)))
            if not chunk:
                return
            prepared = [self._prepare(*item) for item in chunk]
            texts: list[str] = []
            for p in prepared:
                if p is not None:
                    if p.title:
                        texts.append(p.title)
                    texts.extend(b.text for b in p.blocks)
            docs = iter(self.nlp.pipe(texts, batch_size=max(8, batch_size))) if texts else iter(())
            for p in prepared:
                if p is None:
                    yield None
                    continue
                title_doc = next(docs) if p.title else None
                block_docs = [(b, next(docs)) for b in p.blocks]
                yield self._read(p, title_doc, block_docs)

    def _read_whole(
        self, items: Iterable[tuple[str, d.Published | None, str | None]]
    ) -> Iterator[_Reading | None]:
        for text, published, title in items:
            p = self._prepare(text, published, title, whole=True)
            if p is None:
                yield None
                continue
            doc = self.nlp(p.text)
            title_doc = self.nlp(p.title) if p.title else None
            if not p.topics:  # the model ran; an article naming no topic has no event
                yield None
                continue
            # the rules read the paragraphs the fast path reads, as sentences of this doc
            whole = Block(0, len(p.text), p.text)
            spans = [doc.char_span(b.start, b.end, alignment_mode="expand")
                     for b in relevant_blocks(p.blocks, self.prefilter)]
            yield self._read(p, title_doc, [(whole, s) for s in spans if s is not None])

    # ------------------------------------------------------------------ steps
    def _prepare(
        self,
        text: str | bytes,
        published: d.Published | None,
        title: str | None,
        whole: bool = False,
    ) -> _Prepared | None:
        if isinstance(text, bytes):
            from .text import decode_bytes

            text = decode_bytes(text[: MAX_TEXT_CHARS * 4])
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise ValueError(f"text must be str, not {type(text).__name__}")
        if title is not None and not isinstance(title, str):
            raise ValueError(f"title must be str or None, not {type(title).__name__}")
        if published is not None and not isinstance(published, (date, datetime, d.PartialDate)):
            raise ValueError("published must be a date, a datetime, a PartialDate or None")
        text = unwrap_lines(text[:MAX_TEXT_CHARS])
        title = " ".join((title or "").split())[:MAX_TITLE_CHARS]
        if (not text.strip() and not title) or is_garbage(text) or is_garbage(title):
            return None
        topics = self.prefilter.topics_in(text) or self.prefilter.topics_in(title)
        if not topics and not whole:
            return None
        blocks = split_blocks(text)
        if title and blocks and _same_words(blocks[0].text, title):
            blocks = blocks[1:]  # the page's own headline, already read as the title
        if not whole:
            blocks = relevant_blocks(blocks, self.prefilter)
        if not blocks and not title:
            return None
        dateline = None
        place = None
        text_states = self.gazetteer.find_states(text)
        title_states = self.gazetteer.find_states(title) if title else []
        states = [code for _, code in title_states] + \
            [code for pos, code in text_states if pos < 3000]
        home = home_state(text[:3000], self.gazetteer)
        for block in split_blocks(text[:3000])[:4]:  # a page's text may start with a standfirst
            place = place or dateline_place(block.text, self.gazetteer, states, home)
            dateline = d.find_dateline(block.text)
            if dateline is not None:
                dateline.start += block.start
                dateline.end += block.start
                break
        return _Prepared(text, title, d.published_as_partial(published), topics, blocks,
                         dateline, place, text_states, title_states)

    def _read(self, p: _Prepared, title_doc, block_docs) -> _Reading:
        """The sentence rules over one article's title and kept paragraphs."""
        gaz = self.gazetteer
        mentions = p.text_states + [(0, code) for _, code in p.title_states]
        base = d.to_date(p.story_date)  # the day relative dates count from, when known
        dateline_date = None
        if p.dateline is not None:
            dateline_date = d.resolve(p.dateline, p.story_date)
            if dateline_date is not None and dateline_date.precision == 3:
                base = dateline_date.as_date()
        hints = locality_hints(p.text, gaz)
        if p.title:
            hints += [(0, code) for _, code in locality_hints(p.title, gaz)]
        state = ArticleState(
            gaz=gaz,
            ctx=PlaceContext(state_mentions=mentions, locality_hints=sorted(hints)),
            base=base,
            topics=p.topics,
            default_topic=p.topics[0],
            rough_base=p.story_date if base is None else None,
        )
        state.topic_words = self._topic_words
        state.measure_owners = self._measure_owners
        state.business_topics = self._business_topics
        state.scopes = self._scopes
        state.acronyms = spelled_out(p.text)
        state.partial_use = self._partial_use
        state.topical_title = bool(p.title and self.prefilter.mentions_any(p.title))
        state.measure_title = bool(p.title and MEASURE_TITLE.search(p.title))
        state.surnames = {m.group(1) for m in PERSON_NAME.finditer(p.text)}
        if p.dateline_place is not None:  # "WORCESTER, Dec. 8 — The City Council voted ..."
            place = p.dateline_place
            actor = Actor(place.name, "jurisdiction", place.level, place.country, place.region)
            state.salient[place.level] = actor
            if not any(c.region == place.region for c in gaz.candidates(place.name)):
                # later mentions need the dateline to be known ("COTTON COUNTY, Nev." is
                # not the Oklahoma county the gazetteer has)
                state.dateline_actor = actor
            state.salient["last_place"] = actor
            state.ctx.note(place)
        sents = ([*title_doc.sents] if title_doc is not None else []) + \
            [sent for _, doc in block_docs for sent in doc.sents]
        state.topic_sentences = {i for i, sent in enumerate(sents) if any(
            sent.start <= t.start < sent.end for t in sent.doc.spans.get(TOPIC_KEY, []))}
        rules = SentenceRules(state)
        if title_doc is not None:
            for sent in title_doc.sents:
                rules.sentence(sent, 0, True, None)
        lead = relevant_blocks(p.blocks, self.prefilter)  # the same lead on both paths
        lead_end = lead[1].end if len(lead) > 1 else (lead[0].end if lead else 0)
        news_end = lead[2].end if len(lead) > 2 else lead_end
        for block, doc in block_docs:
            for sent in doc.sents:
                rules.sentence(sent, block.start, False, p.text)
        rules.settle_provisional()
        rules.date_title_events()
        return _Reading(p, state, dateline_date, lead_end, news_end)

    @staticmethod
    def _title_date(p: _Prepared) -> tuple[d.PartialDate, str] | None:
        """An absolute date to the day that the headline gives ("... — 14 November 2022")."""
        for m in d.find_dates(p.title or ""):
            if not m.explicit_year and m.kind not in {"md", "dm"}:
                continue  # ("Wrexley County Board, April 19: ..." is dated too)
            pdate = d.resolve(m, p.story_date)
            if pdate is not None and pdate.precision == 3:
                return pdate, m.text
        return None

    def _facts(self, reading: _Reading) -> ArticleFacts:
        p = reading.p
        return ArticleFacts(p.text, p.story_date, reading.state.acronyms, reading.lead_end,
                            reading.news_end, reading.dateline_date,
                            p.dateline.text if p.dateline is not None else None,
                            self._title_date(p), self._technology)
