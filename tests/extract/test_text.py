from __future__ import annotations

from pathlib import Path

import pytest

from banwatch.extract.text import (
    decode_bytes,
    is_garbage,
    looks_like_html,
    read_input,
    text_from_html,
    unwrap_lines,
)

CRAWLER_DATA = Path(__file__).resolve().parent.parent / "data" / "crawler"


def test_text_from_html_keeps_the_article_body() -> None:
    html = (CRAWLER_DATA / "article_basic.html").read_bytes()
    text = text_from_html(html, url="https://example.com/a")
    assert "facial recognition" in text
    assert "Subscribe" not in text


def test_text_from_html_without_an_article_is_empty() -> None:
    html = (CRAWLER_DATA / "article_no_text.html").read_bytes()
    assert len(text_from_html(html)) < 80
    assert text_from_html(b"") == ""
    assert text_from_html("   ") == ""


def test_read_input_sniffs_html_and_text(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"  # the extension lies: content decides
    page.write_bytes((CRAWLER_DATA / "article_basic.html").read_bytes())
    assert "facial recognition" in read_input(page)
    plain = tmp_path / "a.html"
    plain.write_text("Boston banned face surveillance.\r\nIt was June.", encoding="utf-8")
    assert read_input(plain) == "Boston banned face surveillance.\nIt was June."


def test_read_input_binary_and_legacy_encodings(tmp_path: Path) -> None:
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)) * 50)
    assert read_input(binary) == ""
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Caf\xe9 owners \x93banned\x94 it.".encode("latin-1"))
    assert read_input(legacy) == "Café owners “banned” it."


def test_helpers() -> None:
    assert looks_like_html(b"<!DOCTYPE html><html>")
    assert not looks_like_html("Portland banned it.")
    assert decode_bytes(b"\xef\xbb\xbfhi") == "hi"
    assert is_garbage("\x00\x01\x02abc")
    assert not is_garbage("plain words")


@pytest.mark.parametrize(("text", "expected"), [
    ("Microsoft will not sell face recognition\ntech to police until Congress acts.",
     "Microsoft will not sell face recognition tech to police until Congress acts."),
    ("a qualification,\nthen more", "a qualification, then more"),
    ("Boston banned it.\nThe vote was 13-0.", "Boston banned it.\nThe vote was 13-0."),
    ("CITY HALL\nBoston banned it.", "CITY HALL\nBoston banned it."),
    ("one paragraph\n\nnext one", "one paragraph\n\nnext one"),
    ("Headline: a list\n- item one", "Headline: a list\n- item one"),
], ids=["wrapped", "after-comma", "sentence-end", "headline", "paragraph-break", "list"])
def test_hard_wrapped_lines_are_joined_at_the_same_length(text: str, expected: str) -> None:
    assert unwrap_lines(text) == expected
    assert len(unwrap_lines(text)) == len(text)
