"""Fixtures for the extractor tests.

The real model is loaded once per session (the ``extractor`` fixture of the top-level
conftest); model-independent rules run on a ``blank:en`` pipeline, which needs no
statistical model at all.
"""

from __future__ import annotations

from datetime import date

import pytest

from banwatch.extract.events import Event


@pytest.fixture(scope="session")
def blank_nlp():
    """banwatch components on spacy.blank("en") with a sentencizer."""
    from banwatch.extract.pipeline import build_pipeline

    return build_pipeline("blank:en")


@pytest.fixture(scope="session")
def blank_extractor():
    """An Extractor whose pipeline is model-free (rules only, no NER)."""
    from banwatch.extract.extractor import Extractor

    return Extractor(model="blank:en")


def keys(events: list[Event]) -> set[tuple[str, str | None, str, str]]:
    """(actor, region, action, status) of each event, the gold set's matching key."""
    return {(e.actor, e.region, e.action, e.status) for e in events}


def facts(events: list[Event]) -> set[tuple[str, str | None, str, str, str | None]]:
    """The matching key of each event plus its date."""
    return {(e.actor, e.region, e.action, e.status, e.date) for e in events}


PUB = date(2020, 6, 25)
