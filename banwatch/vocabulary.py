"""The values an event's fields may take, defined once for every part of banwatch.

The extractor writes these words, the store keeps them, the review app and the
CLI filter and edit by them, the overview colours by them, and the gold-set and
sample-site checks validate labels against them. Each of those imports this
module and none keeps a copy, so adding an action is an edit here plus the
per-action tables that must say what the new action means (the extractor's cue
patterns and priorities, the overview's colours); ``tests/test_vocabulary.py``
names any that were missed.

Plain tuples and nothing imported: the extractor, the store and the web pages
all sit above this module, and importing it loads neither spaCy nor SQLAlchemy.
"""

from __future__ import annotations

#: What a decision does to the technology.
ACTIONS: tuple[str, ...] = ("ban", "moratorium", "extension", "restriction", "repeal", "exit")
#: How far a decision has got.
STATUSES: tuple[str, ...] = ("enacted", "proposed", "failed")
#: Who decides.
ACTOR_TYPES: tuple[str, ...] = ("company", "jurisdiction", "agency")
#: A jurisdiction's (or agency's) level of government; companies have none.
LEVELS: tuple[str, ...] = ("city", "county", "state", "country", "supranational")

#: An amending action changes an earlier enacted decision of the same actor instead
#: of standing on its own: an extension prolongs a moratorium (or another decision with
#: an end date, or an earlier extension), a repeal ends a ban, moratorium, restriction or
#: extension. A company's exit is amended by nothing: a company that goes back on it
#: announces a new decision. Values: the actions each may amend.
AMENDS: dict[str, tuple[str, ...]] = {
    "extension": ("ban", "moratorium", "restriction", "extension"),
    "repeal": ("ban", "moratorium", "restriction", "extension"),
}
AMENDING_ACTIONS: tuple[str, ...] = tuple(AMENDS)
#: Decisions that come into force on their own and stay until amended.
STANDING_ACTIONS: tuple[str, ...] = tuple(a for a in ACTIONS if a not in AMENDS)

#: A reviewer's verdict on an event; every new event starts pending.
REVIEW_STATES: tuple[str, ...] = ("pending", "accepted", "rejected")
#: The review-state filter value that means "whatever the verdict".
ANY_REVIEW_STATE = "any"
REVIEW_STATE_FILTERS: tuple[str, ...] = (*REVIEW_STATES, ANY_REVIEW_STATE)

#: The event fields whose values come from this vocabulary (edits and filters check them).
FIELD_VALUES: dict[str, tuple[str, ...]] = {
    "action": ACTIONS,
    "status": STATUSES,
    "actor_type": ACTOR_TYPES,
    "level": LEVELS,
}
