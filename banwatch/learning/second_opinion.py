"""Do the team's model and the shipped model disagree about a pending event?

For the review page: a reviewer deciding an event the two models read differently is
deciding what the team taught, which deserves a second look. Each model reads the
event's articles (the first ``MAX_ARTICLES``) and "finds" the event when it reads any of
them the way the event's mentions were read (same actor and place, action, status).
Both extractors load on first use and are kept; answers are cached per event and model.
Only meaningful once a team model is installed: until then there is nothing to compare.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from banwatch.config import Settings
from banwatch.extract.extractor import Extractor
from banwatch.learning.team_model import extractor_for, installed_model, shipped_model
from banwatch.store.events import actor_key
from banwatch.store.models import Event

MAX_ARTICLES = 3
CACHE_SIZE = 2000


@dataclass(frozen=True)
class Opinion:
    """Whether each model finds the event in its articles."""

    team_version: str
    team: bool
    shipped: bool
    shipped_name: str = "shipped model"  # "rules alone" where no model is shipped

    @property
    def disagree(self) -> bool:
        return self.team != self.shipped

    def summary(self) -> str:
        if not self.disagree:
            found = "find" if self.team else "do not find"
            return f"The team model {self.team_version} and the {self.shipped_name} agree: " \
                f"both {found} this event in its articles."
        who, other = ("team model", self.shipped_name) if self.team else (self.shipped_name,
                                                                         "team model")
        return f"The models disagree: the {who} finds this event in its articles, the " \
            f"{other} does not."


class SecondOpinion:
    """Both models' reading of pending events, for the review page."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._extractors: dict[Path | None, Extractor] = {}
        self._cache: dict[tuple[int, str], Opinion] = {}

    def _extractor(self, path: Path | None) -> Extractor:
        if path not in self._extractors:
            self._extractors[path] = extractor_for(self.settings, path)
        return self._extractors[path]

    def _finds(self, extractor: Extractor, readings: set[tuple[str, str, str]],
               items: Sequence[tuple]) -> bool:
        for events in extractor.extract_many(items):
            if any((actor_key(e.actor, e.country, e.region), e.action, e.status) in readings
                   for e in events):
                return True
        return False

    def of(self, event: Event) -> Opinion | None:
        """The two models' opinions of a pending event (None: no team model, or not
        pending). Reads the event's mentions and their articles: call in a session."""
        team = installed_model(self.settings)
        if team is None or event.review_state != "pending" or not event.mentions:
            return None
        key = (event.id, team.version)
        with self._lock:
            if key not in self._cache:
                readings = {(m.actor_key, m.action, m.status) for m in event.mentions}
                articles = {m.article_id: m.article for m in event.mentions}
                items = [(a.text, a.published_at, a.title)
                         for _, a in sorted(articles.items())[:MAX_ARTICLES]]
                shipped = shipped_model()
                if len(self._cache) >= CACHE_SIZE:
                    self._cache.clear()
                self._cache[key] = Opinion(
                    team.version,
                    self._finds(self._extractor(team.path), readings, items),
                    self._finds(self._extractor(shipped), readings, items),
                    "shipped model" if shipped is not None else "rules alone")
            return self._cache[key]
