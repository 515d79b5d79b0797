"""The overview page: the tracker at a glance, as a timeline, two maps and a companies table.

The review app mounts it with a few lines::

    from banwatch.overview import OVERVIEW_STATIC_DIR, overview_data, render_overview
    # GET /overview:  filters = filters_from_query(request.query_params)
    #                 html = render_overview(overview_data(session, filters), standalone=False,
    #                                        events_url="/queue")
    # Mount("/overview/static", StaticFiles(directory=OVERVIEW_STATIC_DIR))

``banwatch overview --out FILE`` writes the same page with every asset inlined.
"""

from __future__ import annotations

from banwatch.overview.data import (
    ActorStatus,
    CurrentStatus,
    EventSummary,
    OverviewData,
    Timeline,
    current_status,
    filters_from_query,
    filters_to_query,
    overview_data,
)
from banwatch.overview.render import OVERVIEW_STATIC_DIR, render_overview

__all__ = [
    "OVERVIEW_STATIC_DIR",
    "ActorStatus",
    "CurrentStatus",
    "EventSummary",
    "OverviewData",
    "Timeline",
    "current_status",
    "filters_from_query",
    "filters_to_query",
    "overview_data",
    "render_overview",
]
