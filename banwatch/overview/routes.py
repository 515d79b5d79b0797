"""The overview as pages of the web app: ``/overview`` and its static assets.

``banwatch serve`` mounts these through ``create_app(extra_routes=..., extra_nav=...)``,
so the overview sits behind the same sign-in and security headers as the queue.
It reads its URL the way the queue does (``banwatch.web.filters``): a value it
cannot use is ignored and named on the page, never an error.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from banwatch.overview.data import DEFAULT_REVIEW_STATE
from banwatch.overview.render import OVERVIEW_STATIC_DIR, render_overview
from banwatch.overview.summarised import overview_data
from banwatch.web.app import NavItem, web_state
from banwatch.web.filters import FILTER_PARAMS, parse_filters

OVERVIEW_NAV = NavItem("Overview", "/overview")


def url_problems(request: Request) -> list[str]:
    """Parameters the overview does not know, and parameters given more than once."""
    problems = []
    for name in dict.fromkeys(request.query_params.keys()):
        if name not in FILTER_PARAMS:
            problems.append(f"unknown parameter {name!r} ignored")
        elif len(request.query_params.getlist(name)) > 1:
            problems.append(f"{name} given more than once; the last value is used")
    return problems


async def overview_page(request: Request) -> Response:
    """The tracker at a glance for the filters in the URL (accepted events by default)."""
    state = web_state(request)
    view = parse_filters(request.query_params, DEFAULT_REVIEW_STATE)

    def build() -> str:
        with state.sessions() as session:
            data = overview_data(session, view.filters)
        nav = [(item.label, item.path) for item in state.nav if item.path != OVERVIEW_NAV.path]
        return render_overview(
            data,
            standalone=False,
            events_url="/queue",
            nav=nav,
            problems=[*url_problems(request), *view.problems],
        )

    html = await run_in_threadpool(build)
    return HTMLResponse(html, headers={"Cache-Control": "no-store"})


def overview_routes() -> list[BaseRoute]:
    """The routes to hand to ``create_app(extra_routes=...)``."""
    return [
        Route("/overview", overview_page, methods=["GET"]),
        Mount("/overview/static", app=StaticFiles(directory=OVERVIEW_STATIC_DIR)),
    ]
