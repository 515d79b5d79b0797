"""The overview page: the tracker at a glance, as a timeline, two maps and a companies table.

``banwatch serve`` mounts it beside the review pages (``banwatch.overview.routes``);
``banwatch overview --out FILE`` writes the same page with every asset inlined.
"""

from __future__ import annotations

from banwatch.overview.data import (
    ActorStatus,
    EventSummary,
    OverviewData,
    Timeline,
)
from banwatch.overview.render import OVERVIEW_STATIC_DIR, render_overview
from banwatch.overview.summarised import overview_data
from banwatch.standing import CurrentStatus, current_status

__all__ = [
    "OVERVIEW_STATIC_DIR",
    "ActorStatus",
    "CurrentStatus",
    "EventSummary",
    "OverviewData",
    "Timeline",
    "current_status",
    "overview_data",
    "render_overview",
]
