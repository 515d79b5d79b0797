"""The rules' vocabulary file, ``extract/patterns/lexicon.toml``, and its loader.

Every entry says what its list is for, holds exactly one list, lists no word twice and
is read by some rule; a broken file is refused with a message naming the entry.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from banwatch.extract import lexicon
from banwatch.extract.lexicon import LEXICON_FILE, LexiconError, load_lexicon

EXTRACT = Path(lexicon.__file__).resolve().parent


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lexicon.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ('[MODALS]\nwords = ["would"]\n', "[MODALS] has no doc"),
        ('[MODALS]\ndoc = "  "\nwords = ["would"]\n', "[MODALS] has no doc"),
        ('[MODALS]\ndoc = "plans"\n', "[MODALS] needs exactly one of words, sequence"),
        ('[MODALS]\ndoc = "plans"\nwords = ["a"]\nsequence = ["b"]\n', "needs exactly one"),
        ('[MODALS]\ndoc = "plans"\nword = ["would"]\n', "not ['word']"),
        ('[MODALS]\ndoc = "plans"\nwords = ["would", "could", "would"]\n', "lists 'would' twice"),
        ('[MODALS]\ndoc = "plans"\nwords = ["would", 3]\n', "list of non-empty strings"),
        ('[MODALS]\ndoc = "plans"\nwords = "would"\n', "list of non-empty strings"),
        ('[MODALS]\ndoc = "plans"\nwords = [""]\n', "list of non-empty strings"),
        ('[LEVELS]\ndoc = "levels"\nmapping = ["town"]\n', "mapping must map words"),
        ('MODALS = ["would"]\n', "[MODALS] is not a table"),
        ('[MODALS\ndoc = "plans"\n', "cannot read the lexicon"),
    ],
)
def test_a_broken_entry_is_refused_by_name(tmp_path: Path, text: str, complaint: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(LexiconError) as caught:
        load_lexicon(path)
    assert complaint in str(caught.value)
    assert str(path) in str(caught.value)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read the lexicon"):
        load_lexicon(tmp_path / "absent.toml")


def test_each_kind_loads_as_an_immutable_value(tmp_path: Path) -> None:
    path = _write(tmp_path, """
[A]
doc = "a set"
words = ["would", "could"]
[B]
doc = "an order"
sequence = ["veto", "reject"]
[C]
doc = "two-word phrases"
phrases = ["rather than", "instead of"]
[D]
doc = "a table"
[D.mapping]
town = "city"
"u.s." = "country"
""")
    entries = load_lexicon(path)
    assert entries["A"].value == frozenset({"would", "could"}) and entries["A"].doc == "a set"
    assert entries["B"].value == ("veto", "reject")
    assert entries["C"].value == frozenset({("rather", "than"), ("instead", "of")})
    assert entries["D"].value == {"town": "city", "u.s.": "country"}
    with pytest.raises(TypeError):
        entries["D"].value["town"] = "village"  # type: ignore[index]


def test_the_shipped_lexicon_is_what_the_module_exports() -> None:
    entries = load_lexicon(LEXICON_FILE)
    assert len(entries) > 200, "the rules' word lists live in the lexicon file"
    for name, entry in entries.items():
        exported = getattr(lexicon, name, None)
        assert exported is not None, f"extract/lexicon.py does not export {name}"
        if name != "LOCALITY_NOUNS":  # joined into a regular-expression alternation
            assert exported == entry.value, name
    assert "|".join(entries["LOCALITY_NOUNS"].value) == lexicon.LOCALITY_NOUNS
    assert lexicon.ITEM_NOUNS == lexicon.MEASURE_NOUNS | lexicon.AGENDA_ITEM_WORDS
    assert isinstance(lexicon.NEEDS_BAN, frozenset)


def test_every_entry_is_read_by_some_rule() -> None:
    """A list no rule reads is dead vocabulary: remove it rather than keep it in step."""
    sources = {path: path.read_text(encoding="utf-8") for path in EXTRACT.rglob("*.py")}
    own = sources.pop(EXTRACT / "lexicon.py")
    unread = []
    for name in load_lexicon(LEXICON_FILE):
        word = re.compile(rf"\b{name}\b")
        # in lexicon.py the name stands twice on its own line: NAME = _words("NAME")
        if len(word.findall(own)) <= 2 and not any(word.search(s) for s in sources.values()):
            unread.append(name)
    assert unread == []
