"""banwatch.extract: turning news articles into ban/moratorium events.

Public API: ``Extractor`` (``extract.extractor``), ``Event`` (``extract.events``),
``Topic`` and the default topics (``extract.topics``), ``build_pipeline`` and
``resolve_model`` (``extract.pipeline``), ``text_from_html`` and ``read_input``
(``extract.text``).  Heavy modules (spaCy) are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .events import Event
from .topics import DEFAULT_TOPICS, FACIAL_RECOGNITION, Topic, topic_from_mapping

if TYPE_CHECKING:
    from .extractor import EXTRACTOR_VERSION, Extractor
    from .pipeline import build_pipeline, resolve_model
    from .text import read_input, text_from_html

__all__ = [
    "DEFAULT_TOPICS",
    "EXTRACTOR_VERSION",
    "FACIAL_RECOGNITION",
    "Event",
    "Extractor",
    "Topic",
    "build_pipeline",
    "read_input",
    "resolve_model",
    "text_from_html",
    "topic_from_mapping",
]

_LAZY = {
    "Extractor": "extractor",
    "EXTRACTOR_VERSION": "extractor",
    "build_pipeline": "pipeline",
    "resolve_model": "pipeline",
    "read_input": "text",
    "text_from_html": "text",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(name)
