"""What every page of ``banwatch serve`` shares: configuration, state, navigation, rendering.

The review pages (``banwatch.review``) and the overview (``banwatch.overview``)
are both pages of one Starlette app. Neither imports the other: each takes what
it needs from here (the database sessions, the navigation, the signed-in
reviewer, the page renderer), and ``create_web_app`` puts their routes behind
the same sign-in, host checks and security headers (``banwatch.web.security``).
"""

from __future__ import annotations

import getpass
import os
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from banwatch.store.db import create_db_engine, session_factory, upgrade_database
from banwatch.web.security import (
    LOOPBACK_HOST_NAMES,
    AllowedHostsMiddleware,
    LoginThrottle,
    RequireLoginMiddleware,
    SecurityHeadersMiddleware,
    csrf_token,
    is_loopback,
    password_hash_lookup,
)

SESSION_COOKIE = "banwatch_review"
SESSION_MAX_AGE = 12 * 60 * 60
ErrorHandler = Callable[[Request, Exception], Awaitable[Response]]


@dataclass(frozen=True)
class NavItem:
    """A link in the top navigation; ``path`` also marks it current for pages below it."""

    label: str
    path: str


def default_reviewer() -> str:
    """$BANWATCH_REVIEWER, else the login name, else "reviewer" (containers may have none)."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = ""
    return os.environ.get("BANWATCH_REVIEWER") or login or "reviewer"


@dataclass(frozen=True)
class WebConfig:
    """How one ``banwatch serve`` runs.

    ``require_login`` left as None means: required unless ``host`` is loopback.
    Binding beyond loopback without sign-in is refused. ``reviewer`` is the name
    recorded for decisions made without signing in (loopback only).
    ``secret_key`` signs session cookies; without one, a random key is made and
    sessions end when the server restarts. ``page_size`` is the rows of a list page.
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
class WebState:
    """What request handlers share, kept on ``app.state.web``."""

    config: WebConfig
    engine: Engine
    sessions: sessionmaker[Session]
    templates: jinja2.Environment
    nav: tuple[NavItem, ...]
    throttle: LoginThrottle
    secret: str


def web_state(request: Request) -> WebState:
    """The app's shared state, from any request."""
    state: WebState = request.app.state.web
    return state


def current_reviewer(request: Request) -> str | None:
    """Who is deciding: the signed-in user, else (loopback only) the configured name."""
    user = request.scope.get("state", {}).get("user")
    if user:
        return str(user)
    state = web_state(request)
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
    state = web_state(request)
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


def _middleware(
    config: WebConfig, secret: str, sessions: sessionmaker[Session]
) -> list[Middleware]:
    """Security headers, host checks, signed session cookies and sign-in, outermost first."""
    middleware = [Middleware(SecurityHeadersMiddleware)]
    if not config.login_required:
        # Open to whoever is at this machine: answer loopback names only.
        allowed = (*LOOPBACK_HOST_NAMES, config.host, *config.allowed_hosts)
        middleware.append(Middleware(AllowedHostsMiddleware, allowed=allowed))
    elif config.allowed_hosts:
        middleware.append(Middleware(AllowedHostsMiddleware, allowed=config.allowed_hosts))
    return [
        *middleware,
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


def create_web_app(
    config: WebConfig,
    *,
    routes: Sequence[BaseRoute],
    nav: Sequence[NavItem],
    templates: jinja2.Environment,
    static_dir: Path,
    error_handlers: Mapping[Any, ErrorHandler],
) -> Starlette:
    """One app for ``config.db_url`` (schema brought up to date) serving ``routes``.

    ``static_dir`` is served at ``/static``; ``templates`` is what ``render`` uses.
    """
    config.check()
    engine = create_db_engine(config.db_url)
    upgrade_database(engine)
    secret = config.secret_key or secrets.token_urlsafe(32)
    sessions = session_factory(engine)
    state = WebState(
        config=config,
        engine=engine,
        sessions=sessions,
        templates=templates,
        nav=tuple(nav),
        throttle=LoginThrottle(),
        secret=secret,
    )

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = Starlette(
        routes=[*routes, Mount("/static", app=StaticFiles(directory=static_dir), name="static")],
        middleware=_middleware(config, secret, sessions),
        exception_handlers=dict(error_handlers),
        lifespan=lifespan,
    )
    app.state.web = state
    return app
