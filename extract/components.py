"""banwatch's spaCy components, registered with ``@Language.factory``.

Each component's data lives in JSONL files under ``extract/patterns/`` (or, for
topics, in the topic configuration), so the linguistic knowledge can be reviewed and
changed without touching code.  The components only *annotate*; deciding what is an
event is the extractor's job (``extract.rules``).

Annotations written:

``doc.ents``
    jurisdictions (``GPE``), companies/publishers/advocates (``ORG``) and government
    bodies (``GOV``) from the gazetteer ruler, with ``ent_id_`` such as
    ``place:portland``, ``company:Amazon`` or ``body:legislature:city``; statistical
    entities fill the gaps.
``doc.spans["bw_ner"]``
    the statistical NER entities as they were before the ruler overwrote them, so the
    extractor can tell "George Washington" (PERSON) from Washington the state.
``doc.spans["bw_topic"]``
    topic terms, label = topic name.
``doc.spans["bw_cue"]``
    action/status/negation cues, label = cue id (``action:ban``, ``status:proposed``...).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from banwatch.vocabulary import ACTIONS, STATUSES

from .dates import MONTHS, WEEKDAYS

PATTERNS_DIR = Path(__file__).resolve().parent / "patterns"

#: Files loaded by the gazetteer ruler, in this order.
RULER_FILES = ["jurisdictions.jsonl", "companies.jsonl", "organizations.jsonl", "agencies.jsonl",
               "regulators.jsonl"]
CUE_FILES = ["cues.jsonl"]

#: ``doc.user_data`` key of the gazetteer ruler's matches, found once per Doc
RULER_MATCHES = "bw_ruler_matches"
NER_KEY = "bw_ner"
TOPIC_KEY = "bw_topic"
CUE_KEY = "bw_cue"


def pattern_path(name: str) -> Path:
    """Resolve a pattern file name relative to ``extract/patterns`` (absolute paths kept)."""
    path = Path(name)
    return path if path.is_absolute() else PATTERNS_DIR / path


def read_patterns(files: Iterable[str]) -> list[dict[str, Any]]:
    """Read and concatenate JSONL pattern files."""
    rows: list[dict[str, Any]] = []
    for name in files:
        rows.extend(srsly.read_jsonl(pattern_path(name)))
    return rows


@Language.component("banwatch_paragraphs")
def paragraph_sentences(doc: Doc) -> Doc:
    """A line break always ends a sentence: a headline, a dateline or a list item
    without a final period must not run into the next paragraph's first sentence.
    An opening quotation mark starts the sentence it opens.
    (The fast path reads one paragraph per Doc; this makes a whole article read the
    same way.)"""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not tok.is_space and (
            (prev.is_space and "\n" in prev.text) or prev.whitespace_ == "\n"
        ):
            tok.is_sent_start = True
        elif tok.text in {'"', "“"} and prev.text in {".", "!", "?"} and prev.whitespace_ \
                and not tok.whitespace_ and tok.i + 1 < len(doc):
            # 'limit it. "A pause is not ...': the sentencizer keeps the opening quote
            # with the sentence before, leaving the quote without its opening mark
            tok.is_sent_start = True
            doc[tok.i + 1].is_sent_start = False
    return doc


@Language.factory("banwatch_ner_snapshot", default_config={"key": NER_KEY})
def make_ner_snapshot(nlp: Language, name: str, key: str) -> NerSnapshot:
    """Keep the statistical entities before the gazetteer ruler overwrites them."""
    return NerSnapshot(key)


class NerSnapshot:
    def __init__(self, key: str) -> None:
        self.key = key

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.key] = list(doc.ents)
        return doc


class GazetteerRuler(EntityRuler):
    """spaCy's ``EntityRuler`` with two costs removed.

    * Before matching every Doc, spaCy's ruler checks that it has patterns with
      ``len(self)``, which walks all of them: with the gazetteer's thousands of place
      patterns that walk cost more than the matching itself (a third of the extractor's
      time on on-topic text).  Checking for any pattern at all is enough.
    * Token patterns made only of lowercase words and word sets ("city council",
      "board of supervisors") are matched as lowercase phrases, as ``CueMatcher`` does:
      the token ``Matcher`` tries every one of its patterns at every token, a
      ``PhraseMatcher`` does one hash lookup; the other token patterns are kept apart by
      the words they start with (``FirstWordMatchers``).  Matches, labels and ids are
      the same.
    """

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        rest: list[dict[str, Any]] = []
        lowered: list[tuple[dict[str, Any], list[str]]] = []
        tokens: list[dict[str, Any]] = []
        for entry in patterns:
            if not isinstance(entry["pattern"], list):
                rest.append(entry)
                continue
            phrases = _expand(entry["pattern"], CueMatcher.MAX_EXPANSION)
            if phrases is None:
                tokens.append(entry)
            else:
                lowered.append((entry, phrases))
        super().add_patterns(rest)
        if not hasattr(self, "lower_phrases"):
            self.lower_phrases = PhraseMatcher(self.nlp.vocab, attr="LOWER")
            self.first_word_matchers = FirstWordMatchers(self.nlp.vocab)
        for entry, phrases in lowered:
            # one token per pattern word, as the token pattern had: make_doc would split
            # "gov." in two
            self.lower_phrases.add(self._own_label(entry), [
                Doc(self.nlp.vocab, words=p.split(" ")) for p in phrases])
        for entry in tokens:
            self.first_word_matchers.add(self._own_label(entry), entry["pattern"])

    def _own_label(self, entry: dict[str, Any]) -> str:
        """The label spaCy's ruler gives a token pattern, with its id recorded; the pattern
        is kept in ``token_patterns`` too, so len(), labels and ids report it as usual."""
        label = entry["label"]
        if "id" in entry:
            label = self._create_label(label, entry["id"])
            self._ent_ids[self.matcher._normalize_key(label)] = (entry["label"], entry["id"])
        self.token_patterns[label].append(entry["pattern"])
        return label

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        cached = doc.user_data.pop(RULER_MATCHES, None)
        if cached is not None:  # found already, by SelectiveNer on this same Doc
            return cached
        self._require_patterns()
        # (spaCy's own token Matcher stays empty: add_patterns sends every token pattern
        # to lower_phrases or first_word_matchers)
        found = list(self.phrase_matcher(doc))
        if hasattr(self, "lower_phrases"):
            found += list(self.lower_phrases(doc)) + self.first_word_matchers(doc)
        matches = {(m_id, start, end) for m_id, start, end in found if start != end}
        return sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)

    def _require_patterns(self) -> None:
        if not self.token_patterns and not self.phrase_patterns:
            super()._require_patterns()


@Language.factory(
    "banwatch_entity_ruler",
    default_config={"pattern_files": RULER_FILES, "overwrite_ents": True, "companies": []},
)
def make_gazetteer_ruler(
    nlp: Language, name: str, pattern_files: list[str], overwrite_ents: bool,
    companies: list[str],
) -> EntityRuler:
    """spaCy's own ``EntityRuler``, filled from banwatch's JSONL pattern files and the
    topics' own company names (``companies``).

    Phrase patterns are matched on ORTH (case-sensitive) on purpose: "Mobile" or
    "Reading" as places must be capitalised, and "ban in Portland" must not match
    "portland cement".
    """
    ruler = GazetteerRuler(nlp, name, overwrite_ents=overwrite_ents, ent_id_sep="||")
    with nlp.select_pipes(enable=[]):
        own = [{"label": "ORG", "pattern": c, "id": f"company:{c}"} for c in companies]
        ruler.add_patterns(with_capitals(read_patterns(pattern_files) + own))
    return ruler


def with_capitals(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add the all-capitals spelling of company names and of places of two words or
    more: digests and wire copy label items "KING COUNTY:" or "AMAZON:".  One-word places
    are left out, because a shouted "MOBILE" or "READING" is seldom a town."""
    out = list(rows)
    for row in rows:
        pattern, eid = row["pattern"], row.get("id", "")
        if not isinstance(pattern, str) or pattern.upper() == pattern:
            continue
        if eid.startswith("company:") or (eid.startswith("place:") and " " in pattern):
            out.append({**row, "pattern": pattern.upper()})
    return out


@Language.factory(
    "banwatch_topics",
    default_config={"topics": [], "key": TOPIC_KEY},
)
def make_topic_matcher(
    nlp: Language, name: str, topics: list[dict[str, Any]], key: str
) -> TopicMatcher:
    """Mark topic terms (case-insensitive) in ``doc.spans[key]``, label = topic name.

    ``topics`` is a list of ``{"name": ..., "terms": [...]}`` tables so the config
    stays serialisable.
    """
    return TopicMatcher(nlp, topics, key)


class TopicMatcher:
    def __init__(self, nlp: Language, topics: list[dict[str, Any]], key: str) -> None:
        self.key = key
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for topic in topics:
            terms = [t for t in topic.get("terms", []) if t]
            variants: set[str] = set()
            for term in terms:
                variants.update(
                    {term, term.lower(), term.replace("-", " "), term.replace(" ", "-")}
                )
            self.matcher.add(topic["name"], [nlp.make_doc(v) for v in sorted(variants)])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=mid) for mid, s, e in self.matcher(doc)]
        doc.spans[self.key] = filter_spans(spans)
        return doc


@Language.factory(
    "banwatch_cues",
    default_config={"pattern_files": CUE_FILES, "key": CUE_KEY, "topic_cues": []},
)
def make_cue_matcher(nlp: Language, name: str, pattern_files: list[str], key: str,
                     topic_cues: list[dict[str, str]]) -> CueMatcher:
    """Mark action, status, negation and chaining cues from ``cues.jsonl``, and the
    topics' own action phrases and named measures (``{"phrase": ..., "action": ...,
    "kind": "topic" | "measure"}``, from topic data)."""
    extra = [{"id": f"action:{c['action']}#{c.get('kind', 'topic')}",
              "pattern": [{"LOWER": t.lower_} for t in nlp.make_doc(c["phrase"])]}
             for c in topic_cues]
    return CueMatcher(nlp, read_patterns(pattern_files) + extra, key)


#: A topic's own cue ("accept cash") is marked with ``kb_id_ == "topic"``: it names the
#: conduct a measure requires, so "the store refused to accept cash" is the practice itself
TOPIC_CUE_MARK = "#topic"
#: A named measure ("the AI Act") is marked with ``kb_id_ == "measure"``: it stands for its
#: act only where the clause tells what became of it
MEASURE_CUE_MARK = "#measure"
CUE_MARKS = {TOPIC_CUE_MARK: "topic", MEASURE_CUE_MARK: "measure"}


def _unmarked(label: str) -> tuple[str, str]:
    """A cue id without its topic mark, and the mark's kind ("" for none)."""
    for mark, kind in CUE_MARKS.items():
        if label.endswith(mark):
            return label.removesuffix(mark), kind
    return label, ""


class CueMatcher:
    """Token patterns from ``cues.jsonl``.

    Patterns made only of lowercase words and word sets are expanded into phrases for a
    PhraseMatcher, which costs one hash lookup per token; only the few patterns with
    operators, wildcards or ``LIKE_NUM`` go to the (much slower) Matcher, kept apart by the
    words they start with (``FirstWordMatchers``).
    """

    MAX_EXPANSION = 2000

    def __init__(self, nlp: Language, patterns: list[dict[str, Any]], key: str) -> None:
        check_cue_ids(patterns)
        self.key = key
        self.matcher = FirstWordMatchers(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        phrases: dict[str, set[str]] = {}
        for row in patterns:
            expanded = _expand(row["pattern"], self.MAX_EXPANSION)
            if expanded is None:
                self.matcher.add(row["id"], row["pattern"])
            else:
                phrases.setdefault(row["id"], set()).update(expanded)
        for cue_id, words in phrases.items():
            self.phrases.add(cue_id, [nlp.make_doc(w) for w in sorted(words)])

    def __call__(self, doc: Doc) -> Doc:
        found = self.matcher(doc) + list(self.phrases(doc))
        spans = []
        for mid, s, e in found:
            label, kind = _unmarked(doc.vocab.strings[mid])
            spans.append(Span(doc, s, e, label=label, kb_id=kind))
        # overlapping cues of *different* kinds are all kept ("voted to" + "ban");
        # within one kind the longest wins
        kept: list[Span] = []
        by_label: dict[str, list[Span]] = {}
        for span in spans:
            by_label.setdefault(span.label_, []).append(span)
        for group in by_label.values():
            kept.extend(filter_spans(group))
        doc.spans[self.key] = sorted(kept, key=lambda s: (s.start, s.end))
        return doc


#: Cue kinds whose id names a value of the vocabulary: ``action:ban``, ``status:failed``.
VOCABULARY_CUES: dict[str, tuple[str, ...]] = {"action": ACTIONS, "status": STATUSES}


def check_cue_ids(patterns: Iterable[dict[str, Any]]) -> None:
    """Refuse a cue whose action or status the store, review app and overview do not know.

    A misspelt ``action:moratoria`` would otherwise produce events that no filter
    lists and no legend colours.
    """
    for row in patterns:
        kind, _, value = _unmarked(str(row["id"]))[0].partition(":")
        allowed = VOCABULARY_CUES.get(kind)
        if allowed is not None and value not in allowed:
            raise ValueError(
                f"cue {row['id']!r}: {value!r} is not one of {', '.join(allowed)} "
                "(banwatch.vocabulary)"
            )


#: ``doc.user_data`` key of the document's lowercase words, read once per document
LOWER_WORDS = "banwatch_lower_words"


def lower_words(doc: Doc) -> list[str]:
    """The document's tokens in lowercase, kept with it: the matchers ask for them once per
    document, the rules (``rules.state._low``) hundreds of thousands of times per batch,
    and a list answers without building a ``Token`` each time."""
    words = doc.user_data.get(LOWER_WORDS)
    if words is None:
        words = doc.user_data[LOWER_WORDS] = [t.lower_ for t in doc]
    return words


class FirstWordMatchers:
    """Token patterns in one ``Matcher`` per set of words they must start with, each run
    only on a text that holds one of those words.

    spaCy's Matcher tries every one of its patterns at every token; a text is spared the
    patterns that cannot start in it (on the topic-dense stream the cue patterns matched
    about three times faster).  Matches are those of one Matcher holding every pattern.
    """

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab
        self.by_first: dict[frozenset[str] | None, Matcher] = {}

    def add(self, key: str, pattern: list[dict[str, Any]]) -> None:
        first = _first_words(pattern)
        if first not in self.by_first:
            self.by_first[first] = Matcher(self.vocab, validate=True)
        self.by_first[first].add(key, [pattern])

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        words = set(lower_words(doc))
        return [m for first, matcher in self.by_first.items()
                if first is None or not first.isdisjoint(words) for m in matcher(doc)]


def _first_words(pattern: list[dict[str, Any]]) -> frozenset[str] | None:
    """The lowercase words a pattern's match must start with, or None when its first token
    is not one of a set of words or may be left out."""
    first = pattern[0]
    value = first.get("LOWER")
    if "OP" in first or value is None:
        return None
    if isinstance(value, str):
        return frozenset([value])
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(value["IN"])
    return None


def _expand(pattern: list[dict[str, Any]], limit: int) -> list[str] | None:
    """All phrases a pattern of plain ``LOWER`` tokens matches, or None if it has more."""
    options: list[list[str]] = []
    for tok in pattern:
        if set(tok) != {"LOWER"}:
            return None
        value = tok["LOWER"]
        if isinstance(value, str):
            options.append([value])
        elif isinstance(value, dict) and set(value) == {"IN"}:
            options.append(list(value["IN"]))
        else:
            return None
    out = [""]
    for words in options:
        out = [f"{prefix} {w}".strip() for prefix in out for w in words]
        if len(out) > limit:
            return None
    return out


@Language.factory(
    "banwatch_selective_ner",
    default_config={"inner": "ner", "key": CUE_KEY, "labels": ["action:", "status:", "chain"],
                    "ruler": "banwatch_entity_ruler"},
)
def make_selective_ner(nlp: Language, name: str, inner: str, key: str,
                       labels: list[str], ruler: str) -> SelectiveNer:
    """Run the model's NER (``inner``, disabled in the pipeline) only on the sentences
    that carry an action, status or chaining cue and name something the gazetteer
    ruler (``ruler``) does not know."""
    return SelectiveNer(nlp, inner, key, tuple(labels), ruler)


class SelectiveNer:
    """The statistical NER, on the sentences the rules read closely.

    NER is most of the extractor's time on on-topic text.  The rules need entities
    where a sentence may state an event, that is where it has an action, status or
    chaining cue, and only for names the gazetteer ruler does not cover: an unknown
    town or company, a person ("George Washington", "Councilor Jackson").  A sentence
    whose every capitalised word (after the first) is a known place, company or body
    ("Somerville, Massachusetts, followed in June") gains nothing from the model, nor
    do quotes, background and figures without cues.  Each chosen sentence is tagged
    on its own, as a short Doc, and its entities are copied back.  On the gold set and
    the sample site the events are the same as with NER over every paragraph.
    """

    def __init__(self, nlp: Language, inner: str, key: str, labels: tuple[str, ...],
                 ruler: str) -> None:
        self.nlp = nlp
        self.inner = inner
        self.key = key
        self.labels = labels
        self.ruler = ruler

    def _needed(self, doc: Doc) -> list[Span]:
        starts = {s.start for s in doc.spans.get(self.key, []) if s.label_.startswith(self.labels)}
        covered: set[int] = set()
        known = self.ruler in self.nlp.component_names
        if known:
            matches = self.nlp.get_pipe(self.ruler).match(doc)
            doc.user_data[RULER_MATCHES] = matches  # the ruler reuses them
            for _, start, end in matches:
                covered.update(range(start, end))
        out = []
        for sent in doc.sents:
            if not any(sent.start <= i < sent.end for i in starts):
                continue
            # a dateline's "HALVERN, Mich. —", "Velquist's" or a name of several words
            # ("Acme Corp. has suspended ...", "East Japan Railway Co. ...") counts
            first = sent[0]
            names = [t for t in sent[1:] if _name_like(t)]
            if _name_like(first) and first.i + 1 < len(doc) and (
                    first.is_upper or doc[first.i + 1].text in {"'s", "’s"} or
                    doc[first.i + 1].is_title):
                names.append(first)
            if known and all(t.i in covered for t in names):
                continue
            out.append(sent)
        return out

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterable[Doc]:
        ner = self.nlp.get_pipe(self.inner)
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._tag(ner, batch)
                batch = []
        if batch:
            yield from self._tag(ner, batch)

    def _tag(self, ner: Any, docs: list[Doc]) -> list[Doc]:
        chosen = [(doc, sent) for doc in docs for sent in self._needed(doc)]
        tagged = ner.pipe((sent.as_doc() for _, sent in chosen), batch_size=64)
        found: dict[int, list[Span]] = {}
        for (doc, sent), sub in zip(chosen, tagged, strict=True):
            found.setdefault(id(doc), []).extend(
                Span(doc, sent.start + e.start, sent.start + e.end, label=e.label_)
                for e in sub.ents)
        for doc in docs:
            doc.set_ents(found.get(id(doc), []), default="unmodified")
        return docs


#: month and weekday names in full, which are capitalised without naming anyone (the
#: longest of each month's spellings in ``dates.MONTHS``: "march", not "mar")
_CALENDAR_WORDS = {max((w for w, n in MONTHS.items() if n == month), key=len)
                   for month in set(MONTHS.values())} | set(WEEKDAYS)


def _name_like(tok: Any) -> bool:
    """A capitalised word that may name someone or somewhere ("Rusk", "Velquist"), not a
    function word, a number word or a month."""
    return tok.is_alpha and (tok.is_title or tok.is_upper) and not tok.is_stop and \
        tok.lower_ not in _CALENDAR_WORDS
