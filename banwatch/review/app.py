"""The review app's factory: configuration, middleware, templates, routes.

``create_app(ReviewConfig(db_url=...))`` returns a Starlette app; ``banwatch
serve`` runs it with uvicorn, tests drive it with TestClient or a real browser.
Pages are rendered on the server with Jinja2 (autoescaping on, undefined
variables an error); the only script is one small static file of keyboard
shortcuts.

Other pages join the app through ``extra_routes`` and ``extra_nav`` (the
overview of maps and timelines is meant to arrive that way), and share the
layout by extending ``base.html``.
"""

from __future__ import annotations

import getpass
import os
import secrets
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from banwatch.review.security import (
    LOOPBACK_HOST_NAMES,
    AllowedHostsMiddleware,
    LoginThrottle,
    RequireLoginMiddleware,
    SecurityHeadersMiddleware,
    csrf_token,
    is_loopback,
    password_hash_lookup,
)
from banwatch.store.db import create_db_engine, session_factory, upgrade_database

HERE = Path(__file__).resolve().parent
TEMPLATES_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"
SESSION_COOKIE = "banwatch_review"
SESSION_MAX_AGE = 12 * 60 * 60


@dataclass(frozen=True)
class NavItem:
    """A link in the top navigation; ``path`` also marks it current for pages below it."""

    label: str
    path: str


DEFAULT_NAV = (NavItem("Queue", "/queue"), NavItem("Audit log", "/log"))


def default_reviewer() -> str:
    """$BANWATCH_REVIEWER, else the login name, else "reviewer" (containers may have none)."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = ""
    return os.environ.get("BANWATCH_REVIEWER") or login or "reviewer"


@dataclass(frozen=True)
class ReviewConfig:
    """How one review app runs.

    ``require_login`` left as None means: required unless ``host`` is loopback.
    Binding beyond loopback without sign-in is refused. ``reviewer`` is the name
    recorded for decisions made without signing in (loopback only).
    ``secret_key`` signs session cookies; without one, a random key is made and
    sessions end when the server restarts.
    """

    db_url: str
    host: str = "127.0.0.1"
    require_login: bool | None = None
    reviewer: str = field(default_factory=lambda: default_reviewer())
    secret_key: str | None = None
    secure_cookies: bool = False
    allowed_hosts: tuple[str, ...] = ()
    page_size: int = 50
    # whether the team's and the shipped model disagree about a pending event
    # (banwatch.learning.second_opinion); None: not shown
    second_opinion: Callable[[Any], Any] | None = field(default=None, compare=False)

    @property
    def login_required(self) -> bool:
        """Whether reviewers must sign in: always when reachable from other machines."""
        if self.require_login is None:
            return not is_loopback(self.host)
        return self.require_login

    def check(self) -> None:
        """Refuse a configuration that would expose an open write endpoint."""
        if not self.login_required and not is_loopback(self.host):
            raise ValueError(
                f"sign-in can only be switched off on a loopback address, not {self.host!r}"
            )


@dataclass
class ReviewState:
    """What request handlers share, kept on ``app.state.review``."""

    config: ReviewConfig
    engine: Engine
    sessions: sessionmaker[Session]
    templates: jinja2.Environment
    nav: tuple[NavItem, ...]
    throttle: LoginThrottle
    secret: str


def template_environment() -> jinja2.Environment:
    """Jinja2 with autoescaping on for everything: all scraped text is escaped."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["pct"] = _percent
    environment.filters["when"] = _when
    return environment


def _percent(value: float | None) -> str:
    return f"{round((value or 0) * 100)}%"


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else ""


def review_state(request: Request) -> ReviewState:
    """The app's shared state, from any request."""
    state: ReviewState = request.app.state.review
    return state


def current_reviewer(request: Request) -> str | None:
    """Who is deciding: the signed-in user, else (loopback only) the configured name."""
    user = request.scope.get("state", {}).get("user")
    if user:
        return str(user)
    state = review_state(request)
    return None if state.config.login_required else state.config.reviewer


def flash(request: Request, message: str, kind: str = "info") -> None:
    """A message for the next page the reviewer sees (kept in the session)."""
    messages = list(request.session.get("flash", []))
    messages.append([kind, message])
    request.session["flash"] = messages[-5:]


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    """Render a template with what every page needs (user, nav, CSRF token, messages)."""
    state = review_state(request)
    base = {
        "request": request,
        "path": request.url.path,
        "nav": state.nav,
        "user": request.scope.get("state", {}).get("user"),
        "reviewer": current_reviewer(request),
        "login_required": state.config.login_required,
        "csrf_token": csrf_token(request),
        "flashes": request.session.pop("flash", []),
    }
    html = state.templates.get_template(name).render({**base, **context})
    return HTMLResponse(html, status_code=status_code, headers={"Cache-Control": "no-store"})


def create_app(
    config: ReviewConfig,
    *,
    extra_routes: Sequence[BaseRoute] = (),
    extra_nav: Sequence[NavItem] = (),
) -> Starlette:
    """The review web app for ``config.db_url`` (the schema is brought up to date)."""
    from banwatch.review.routes import error_handlers, routes

    config.check()
    engine = create_db_engine(config.db_url)
    upgrade_database(engine)
    secret = config.secret_key or secrets.token_urlsafe(32)
    sessions = session_factory(engine)
    state = ReviewState(
        config=config,
        engine=engine,
        sessions=sessions,
        templates=template_environment(),
        nav=(*DEFAULT_NAV, *extra_nav),
        throttle=LoginThrottle(),
        secret=secret,
    )

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        engine.dispose()

    middleware = [Middleware(SecurityHeadersMiddleware)]
    if not config.login_required:
        # Open to whoever is at this machine: answer loopback names only.
        allowed = (*LOOPBACK_HOST_NAMES, config.host, *config.allowed_hosts)
        middleware.append(Middleware(AllowedHostsMiddleware, allowed=allowed))
    elif config.allowed_hosts:
        middleware.append(Middleware(AllowedHostsMiddleware, allowed=config.allowed_hosts))
    middleware += [
        Middleware(
            SessionMiddleware,
            secret_key=secret,
            session_cookie=SESSION_COOKIE,
            max_age=SESSION_MAX_AGE,
            same_site="lax",
            https_only=config.secure_cookies,
        ),
        Middleware(
            RequireLoginMiddleware,
            required=config.login_required,
            lookup=password_hash_lookup(sessions),
            secret=secret,
        ),
    ]
    app = Starlette(
        routes=[
            *routes(),
            *extra_routes,
            Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
        ],
        middleware=middleware,
        exception_handlers=error_handlers(),
        lifespan=lifespan,
    )
    app.state.review = state
    return app
