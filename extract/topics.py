"""Topics: the technologies banwatch watches, as plain data.

A topic is only data: a name, the value written to ``Event.technology``, the phrases that
mean the technology, search keywords, and what the extractor must know that is particular
to it (its scopes, the uses whose ban is only a restriction, action phrases of its own).
The built-in topics live in ``extract/patterns/topics/*.toml``; a ``[[topics]]`` table in
``banwatch.toml`` has the same keys (or ``preset = "<built-in name>"`` with overrides).
Nothing in the extractor's code names a technology: a new topic is data, never code.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from banwatch.vocabulary import ACTIONS

TOPICS_DIR = Path(__file__).resolve().parent / "patterns" / "topics"
#: scopes any measure may have, whatever the technology ("police use", "schools")
GENERIC_SCOPES = TOPICS_DIR.parent / "scopes.jsonl"
KEYS = {"name", "technology", "terms", "keywords", "scopes", "partial_use", "cues", "measures",
        "companies", "preset"}


@dataclass(frozen=True)
class Topic:
    """One watched technology.

    ``terms`` are matched case-insensitively on whole words; they decide whether an
    article (and a sentence) is about the topic at all.  ``keywords`` are only for
    news-search feeds.  ``scopes`` are ``(scope, regex)`` pairs naming what a measure
    covers; ``partial_use`` regexes mark a ban of one use of the results (a restriction);
    ``cues`` are ``(phrase, action)`` pairs, action words of this technology alone.
    ``measures`` are ``(name, action, owner)`` triples: laws known by name that carry
    such an action ("the AI Act" bans some uses of facial recognition), so that what
    becomes of one ("Parliament approved the AI Act") is an event even with no ban word;
    a bare mention of one is not.  The owner ("European Union", or "" for none) acts when
    the text names nobody ("The AI Act entered into force").  Their names, like the cues'
    phrases, count as terms.
    ``companies`` are the businesses of this technology whose names are everyday words
    ("Bird", "Lime"): the NER cannot be trusted to see them, so the gazetteer knows them.
    """

    name: str
    technology: str
    terms: tuple[str, ...]
    keywords: tuple[str, ...] = ()
    scopes: tuple[tuple[str, str], ...] = ()
    partial_use: tuple[str, ...] = ()
    cues: tuple[tuple[str, str], ...] = ()
    measures: tuple[tuple[str, str, str], ...] = ()
    companies: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.name or not self.name.strip():
            raise ValueError("a topic needs a name")
        if not self.technology or not self.technology.strip():
            raise ValueError(f"topic {self.name!r} needs a technology")
        terms = tuple(t.strip() for t in self.terms if t and t.strip())
        if not terms:
            raise ValueError(f"topic {self.name!r} needs at least one term")
        for pattern in (*self.partial_use, *(rx for _, rx in self.scopes)):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"topic {self.name!r}: bad pattern {pattern!r}: {exc}") from None
        for kind, pairs in (("cue", self.cues),
                            ("measure", tuple(m[:2] for m in self.measures))):
            for phrase, action in pairs:
                if action not in ACTIONS:
                    raise ValueError(f"topic {self.name!r}: {kind} {phrase!r} has unknown "
                                     f"action {action!r} (one of {', '.join(ACTIONS)})")
        # frozen dataclass: normalise through object.__setattr__
        object.__setattr__(self, "terms", terms)
        object.__setattr__(self, "keywords", tuple(k.strip() for k in self.keywords if k.strip()))

    @property
    def matched_terms(self) -> tuple[str, ...]:
        """What puts a text on the topic: its terms, the names of its measures and its own
        action phrases (a topic's cue, such as "take cash", tells of that topic alone, so
        "would force retailers to take cash" is about cashless stores without the word)."""
        return (*self.terms, *(name for name, _, _ in self.measures),
                *(phrase for phrase, _ in self.cues))


def _str_tuple(value: Any, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"topic field {field!r} must be a list of strings")
    return tuple(value)


def _pairs(value: Any, field: str) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, (list, tuple)) or not all(
            isinstance(v, (list, tuple)) and len(v) == 2 and all(isinstance(x, str) for x in v)
            for v in value):
        raise ValueError(f"topic field {field!r} must be a list of [text, text] pairs")
    return tuple((a, b) for a, b in value)


def _measures(value: Any) -> tuple[tuple[str, str, str], ...]:
    """``[name, action]`` or ``[name, action, owner]`` rows."""
    if value is None:
        return ()
    if not isinstance(value, (list, tuple)) or not all(
            isinstance(v, (list, tuple)) and len(v) in (2, 3) and
            all(isinstance(x, str) for x in v) for v in value):
        raise ValueError("topic field 'measures' must be a list of [name, action] or "
                         "[name, action, owner] rows")
    return tuple((v[0], v[1], v[2] if len(v) == 3 else "") for v in value)


def topic_from_mapping(data: Mapping[str, Any]) -> Topic:
    """Build a Topic from a ``[[topics]]`` table of ``banwatch.toml`` or a topic file.

    Keys: ``name`` (required unless ``preset``), ``technology`` (defaults to the name with
    dashes as spaces), ``terms`` (defaults to ``[technology]``), ``keywords``, ``scopes``,
    ``partial_use``, ``cues``, ``measures``, ``companies``; ``preset`` starts from a built-in
    topic and the other keys override it.  Raises ``ValueError`` on a malformed table so a bad
    config fails at start-up.
    """
    if not isinstance(data, Mapping):
        raise ValueError("a topic must be a table")
    unknown = set(data) - KEYS
    if unknown:
        raise ValueError(f"unknown topic key(s): {', '.join(sorted(unknown))}")
    if "preset" in data:
        base = builtin_topics().get(data["preset"])
        if base is None:
            raise ValueError(f"no built-in topic {data['preset']!r} "
                             f"(built in: {', '.join(sorted(builtin_topics()))})")
        data = {**_as_mapping(base), **{k: v for k, v in data.items() if k != "preset"}}
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("a topic needs a 'name'")
    technology = data.get("technology") or name.replace("-", " ")
    if not isinstance(technology, str):
        raise ValueError("topic 'technology' must be a string")
    return Topic(
        name=name.strip(),
        technology=technology.strip(),
        terms=_str_tuple(data.get("terms"), "terms") or (technology,),
        keywords=_str_tuple(data.get("keywords"), "keywords"),
        scopes=_pairs(data.get("scopes"), "scopes"),
        partial_use=_str_tuple(data.get("partial_use"), "partial_use"),
        cues=_pairs(data.get("cues"), "cues"),
        measures=_measures(data.get("measures")),
        companies=_str_tuple(data.get("companies"), "companies"),
    )


def _as_mapping(topic: Topic) -> dict[str, Any]:
    return {"name": topic.name, "technology": topic.technology, "terms": topic.terms,
            "keywords": topic.keywords, "scopes": topic.scopes,
            "partial_use": topic.partial_use, "cues": topic.cues, "measures": topic.measures,
            "companies": topic.companies}


@lru_cache(maxsize=1)
def builtin_topics() -> dict[str, Topic]:
    """The topics shipped in ``extract/patterns/topics``, by name."""
    out = {}
    for path in sorted(TOPICS_DIR.glob("*.toml")):
        with path.open("rb") as f:
            topic = topic_from_mapping(tomllib.load(f))
        out[topic.name] = topic
    return out


FACIAL_RECOGNITION = builtin_topics()["facial-recognition"]
DEFAULT_TOPICS: tuple[Topic, ...] = (FACIAL_RECOGNITION,)


@lru_cache(maxsize=1)
def generic_scopes() -> tuple[tuple[str, str], ...]:
    rows = [json.loads(line) for line in GENERIC_SCOPES.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return tuple((r["scope"], r["pattern"]) for r in rows)


def scope_patterns(topics: Sequence[Topic]) -> list[tuple[str, re.Pattern[str]]]:
    """What a measure covers: the topics' own scopes first, then the generic ones."""
    pairs = [pair for t in topics for pair in t.scopes] + list(generic_scopes())
    return [(name, re.compile(rx, re.I)) for name, rx in pairs]


def partial_use_pattern(topics: Sequence[Topic]) -> re.Pattern[str] | None:
    """One pattern for the topics' partial uses, or None when no topic has any."""
    patterns = [rx for t in topics for rx in t.partial_use]
    return re.compile("|".join(f"(?:{rx})" for rx in patterns), re.I) if patterns else None
