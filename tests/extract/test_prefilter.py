from __future__ import annotations

from banwatch.extract.prefilter import Prefilter, relevant_blocks, split_blocks
from banwatch.extract.topics import FACIAL_RECOGNITION, Topic

TIKTOK = Topic("tiktok", "TikTok", ("TikTok", "ByteDance app"))


def test_topics_in_matches_whole_terms_case_insensitively() -> None:
    pf = Prefilter([FACIAL_RECOGNITION, TIKTOK])
    assert pf.topics_in("Boston bans FACIAL-RECOGNITION tools") == ["facial-recognition"]
    assert pf.topics_in("a bytedance  app ban") == ["tiktok"]
    assert pf.topics_in("Rekognitionary prose") == []
    assert pf.topics_in("") == []


def test_blocks_keep_offsets() -> None:
    text = "Intro line.\n\n  Second para about facial recognition bans.  \nWeather was nice."
    blocks = split_blocks(text)
    assert [text[b.start : b.end] for b in blocks] == [b.text for b in blocks]
    rel = relevant_blocks(blocks, Prefilter([FACIAL_RECOGNITION]))
    assert [b.text for b in rel] == ["Second para about facial recognition bans."]


def test_long_paragraphs_are_cut_at_sentence_ends() -> None:
    text = ("Boston banned facial recognition. " * 200).strip()
    blocks = split_blocks(text)
    assert len(blocks) > 1
    assert all(len(b.text) <= 1600 for b in blocks)
    assert all(text[b.start : b.end] == b.text for b in blocks)
    unbroken = "x" * 20000
    assert all(len(b.text) <= 4500 for b in split_blocks(unbroken))
