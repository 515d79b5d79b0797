"""The Event record: one ban/moratorium/... by one actor, as found in one article."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Event:
    """One event found in an article.

    ``date`` is the event's own date in ISO form at the precision the text gives
    (``2019-05-14``, ``2019-05`` or ``2019``).  The publication date is used only for
    the story's own news when the text gives it no date (``date_source="published"``).
    ``date_text`` is the expression as written (after relative
    resolution, it is the words that were resolved).  ``start``/``end`` are character
    offsets of ``evidence`` in the body text given to the extractor; an event found
    only in the title has ``start == end == 0`` and the title as evidence.
    """

    actor: str
    actor_type: str
    level: str | None
    country: str | None
    region: str | None
    action: str
    status: str
    scope: str | None
    technology: str
    date: str | None
    date_text: str | None
    until: str | None
    evidence: str
    start: int
    end: int
    confidence: float
    topic: str = "facial-recognition"
    #: where ``date`` came from: "text" (the article's words, relative dates resolved
    #: against the publication date) or "published" (the story's own news, told with no
    #: date of its own, takes the publication date); None when there is no date
    date_source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (JSON-serialisable) in field order."""
        return asdict(self)

    @property
    def key(self) -> tuple[str, str | None, str, str]:
        """Identity used to merge mentions of one event within an article."""
        return (self.actor.casefold(), self.region, self.action, self.status)
