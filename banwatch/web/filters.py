"""Event filters in page URLs: ``/queue?action=ban&since=2020``, ``/overview?review_state=any``.

Every page of the web app reads its filters here, into the same ``EventFilters``
that ``banwatch events`` and ``banwatch export`` use, so the pages, the command
line and the downloads agree on what a filter means and what it is called in a
URL. A bad value is dropped and reported on the page, never an error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from banwatch.store.events import EventFilters
from banwatch.store.review import ISO_DATE
from banwatch.vocabulary import ACTIONS, ACTOR_TYPES, REVIEW_STATE_FILTERS, STATUSES

REVIEW_STATE_CHOICES = REVIEW_STATE_FILTERS
# URL parameter -> the EventFilters field it sets.
PARAM_FIELDS: dict[str, str] = {
    "review_state": "review_state",
    "action": "action",
    "status": "status",
    "actor_type": "actor_type",
    "country": "country",
    "region": "region",
    "topic": "topic",
    "since": "date_from",
    "until": "date_to",
    "q": "text",
}
FILTER_PARAMS = tuple(PARAM_FIELDS)
CHOICES: dict[str, Sequence[str]] = {
    "review_state": REVIEW_STATE_CHOICES,
    "action": ACTIONS,
    "status": STATUSES,
    "actor_type": ACTOR_TYPES,
}
MAX_PARAM_LENGTH = 200


@dataclass(frozen=True)
class FilterView:
    """One parsed page URL: the filters, the canonical parameters, what was wrong."""

    filters: EventFilters
    params: dict[str, str]
    page: int = 1
    problems: list[str] = field(default_factory=list)

    def query(self, **overrides: str | int | None) -> str:
        """The query string for these filters, with some parameters changed or dropped."""
        return filter_query_string({**self.params, "page": self.page, **overrides})


def filter_query_string(params: Mapping[str, str | int | None]) -> str:
    """A canonical query string: known parameters only, in a fixed order, no empties."""
    pairs = [
        (name, str(params[name]))
        for name in (*FILTER_PARAMS, "page")
        if params.get(name) not in (None, "")
    ]
    if ("page", "1") in pairs:
        pairs.remove(("page", "1"))
    return urlencode(pairs)


def parse_filters(query: Mapping[str, str], default_state: str) -> FilterView:
    """Filters from URL parameters; bad values are dropped and reported, not fatal.

    ``default_state`` applies when no review state is given: the queue shows
    pending events, a download exports accepted ones (like ``banwatch export``).
    """
    params: dict[str, str] = {}
    problems: list[str] = []
    for name in FILTER_PARAMS:
        value = (query.get(name) or "").strip()[:MAX_PARAM_LENGTH]
        if not value:
            continue
        allowed = CHOICES.get(name)
        if allowed is not None and value not in allowed:
            problems.append(f"{name} must be one of {', '.join(allowed)}; ignored {value!r}")
            continue
        if name in ("since", "until") and not ISO_DATE.match(value):
            problems.append(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD; ignored {value!r}")
            continue
        if name in ("country", "region"):
            value = value.upper()
        params[name] = value
    page = 1
    raw_page = (query.get("page") or "1").strip()
    if raw_page.isdigit() and 0 < int(raw_page) < 1_000_000:
        page = int(raw_page)
    elif raw_page:
        problems.append(f"page must be a positive number; ignored {raw_page!r}")
    values = {field: params.get(name) for name, field in PARAM_FIELDS.items()}
    values["review_state"] = values["review_state"] or default_state
    filters = EventFilters(**values)
    return FilterView(filters=filters, params=params, page=page, problems=problems)


def filters_to_params(filters: EventFilters) -> dict[str, str]:
    """The URL parameters that select ``filters`` (the inverse of ``parse_filters``)."""
    params = {name: getattr(filters, field) for name, field in PARAM_FIELDS.items()}
    return {name: str(value) for name, value in params.items() if value}
