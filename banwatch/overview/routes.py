"""The overview as pages of the review app: ``/overview`` and its static assets.

``banwatch serve`` mounts these through ``create_app(extra_routes=..., extra_nav=...)``,
so the overview sits behind the same sign-in and security headers as the queue.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from banwatch.overview.data import filters_from_query, overview_data
from banwatch.overview.render import OVERVIEW_STATIC_DIR, render_overview
from banwatch.web.app import NavItem, web_state

OVERVIEW_NAV = NavItem("Overview", "/overview")


def overview_page(request: Request) -> Response:
    """The tracker at a glance for the filters in the URL (accepted events by default)."""
    state = web_state(request)
    filters = filters_from_query(request.query_params)
    with state.sessions() as session:
        data = overview_data(session, filters)
    nav = [(item.label, item.path) for item in state.nav if item.path != OVERVIEW_NAV.path]
    html = render_overview(data, standalone=False, events_url="/queue", nav=nav)
    return HTMLResponse(html)


def overview_routes() -> list[BaseRoute]:
    """The routes to hand to ``create_app(extra_routes=...)``."""
    return [
        Route("/overview", overview_page, methods=["GET"]),
        Mount("/overview/static", app=StaticFiles(directory=OVERVIEW_STATIC_DIR)),
    ]
