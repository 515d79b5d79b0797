"""The review app's factory: its routes, templates and static files on the shared web app.

``create_app(ReviewConfig(db_url=...))`` returns a Starlette app; ``banwatch
serve`` runs it with uvicorn, tests drive it with TestClient or a real browser.
Pages are rendered on the server with Jinja2 (autoescaping on, undefined
variables an error); the only script is one small static file of keyboard
shortcuts.

Other pages (the overview) join the app through ``extra_routes`` and
``extra_nav``; what they share with the review pages (configuration, sign-in,
navigation, rendering) lives in ``banwatch.web``, so neither imports the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from starlette.applications import Starlette
from starlette.routing import BaseRoute

from banwatch.web.app import NavItem, WebConfig, create_web_app
from banwatch.web.templates import template_environment

HERE = Path(__file__).resolve().parent
TEMPLATES_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"
DEFAULT_NAV = (NavItem("Queue", "/queue"), NavItem("Audit log", "/log"))

# ``banwatch serve`` configures the review app (and the pages mounted beside it).
ReviewConfig = WebConfig


def _percent(value: float | None) -> str:
    return f"{round((value or 0) * 100)}%"


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else ""


def create_app(
    config: WebConfig,
    *,
    extra_routes: Sequence[BaseRoute] = (),
    extra_nav: Sequence[NavItem] = (),
) -> Starlette:
    """The review web app for ``config.db_url`` (the schema is brought up to date)."""
    from banwatch.review.routes import error_handlers, routes

    return create_web_app(
        config,
        routes=[*routes(), *extra_routes],
        nav=(*DEFAULT_NAV, *extra_nav),
        templates=template_environment(TEMPLATES_DIR, {"pct": _percent, "when": _when}),
        static_dir=STATIC_DIR,
        error_handlers=error_handlers(),
    )
