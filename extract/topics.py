"""Topics: the technologies banwatch watches, as plain configuration.

A topic is only data (a name, the value written to ``Event.technology``, the phrases
that mean the technology, and search keywords for news feeds).  Nothing in the
extractor is specific to facial recognition, so a new topic is a new ``Topic`` (or a
``[[topics]]`` table in ``banwatch.toml``), never a code change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Topic:
    """One watched technology.

    ``terms`` are matched case-insensitively on whole words; they decide whether an
    article (and a sentence) is about the topic at all.  ``keywords`` are only for
    news-search feeds and are not used by the extractor.
    """

    name: str
    technology: str
    terms: tuple[str, ...]
    keywords: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.name or not self.name.strip():
            raise ValueError("a topic needs a name")
        if not self.technology or not self.technology.strip():
            raise ValueError(f"topic {self.name!r} needs a technology")
        terms = tuple(t.strip() for t in self.terms if t and t.strip())
        if not terms:
            raise ValueError(f"topic {self.name!r} needs at least one term")
        # frozen dataclass: normalise through object.__setattr__
        object.__setattr__(self, "terms", terms)
        object.__setattr__(self, "keywords", tuple(k.strip() for k in self.keywords if k.strip()))


FACIAL_RECOGNITION = Topic(
    name="facial-recognition",
    technology="facial recognition",
    terms=(
        "facial recognition",
        "facial-recognition",
        "face recognition",
        "face-recognition",
        "face surveillance",
        "face-surveillance",
        "facial surveillance",
        "biometric surveillance",
        "face scanning",
        "face-scanning",
        "facial scanning",
        "facial identification",
        "face identification",
        "facial analysis",
        "facial-analysis",
        "face matching",
        "face-matching",
        "facial matching",
        "face scans",
        "face scan",
        "face-scan",
        "facial scan",
        "facial scans",
        "face scanners",
        "face scanner",
        "scanning faces",
        "face searches",
        "face search",
        "face-search",
        "face-searching",
        "faceprints",
        "facial biometrics",
        "biometric identification",
        "Rekognition",
        "Clearview AI",
        "Azure Face",
        "Face API",
    ),
    keywords=(
        "facial recognition ban",
        "facial recognition moratorium",
        "face surveillance ban",
        "facial recognition police",
    ),
)

DEFAULT_TOPICS: tuple[Topic, ...] = (FACIAL_RECOGNITION,)


def _str_tuple(value: Any, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"topic field {field!r} must be a list of strings")
    out = []
    for item in value:
        if not isinstance(item, str):
            raise ValueError(f"topic field {field!r} must be a list of strings")
        out.append(item)
    return tuple(out)


def topic_from_mapping(data: Mapping[str, Any]) -> Topic:
    """Build a Topic from a ``[[topics]]`` table of ``banwatch.toml``.

    Keys: ``name`` (required), ``technology`` (defaults to the name with dashes as
    spaces), ``terms`` (list, defaults to ``[technology]``), ``keywords`` (list).
    Raises ``ValueError`` on a malformed table so a bad config fails at start-up.
    """
    if not isinstance(data, Mapping):
        raise ValueError("a topic must be a table")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("a topic needs a 'name'")
    technology = data.get("technology") or name.replace("-", " ")
    if not isinstance(technology, str):
        raise ValueError("topic 'technology' must be a string")
    terms = _str_tuple(data.get("terms"), "terms") or (technology,)
    keywords = _str_tuple(data.get("keywords"), "keywords")
    return Topic(name=name.strip(), technology=technology.strip(), terms=terms, keywords=keywords)
