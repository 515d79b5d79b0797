"""The web app's defences: CSRF tokens, sign-in, host checks, security headers.

Every page shows scraped text, and every write changes what gets exported, so:

- every write is a POST that must carry the session's CSRF token (and, when the
  browser says where it comes from, come from this site);
- bound to loopback, the app trusts the person at the machine but answers only
  to loopback host names, so a web page that rebinds its DNS name to 127.0.0.1
  cannot drive it;
- bound to anything else, every page but the sign-in form needs a signed-in
  reviewer (users and scrypt hashes in the database, ``banwatch user add``),
  and a session ends when that user's password changes;
- every response carries a strict Content-Security-Policy: no inline script,
  no inline style, nothing from other origins, so even a slip in escaping
  could not run a scraped ``<script>``.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from urllib.parse import quote, urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import HTTPConnection, Request
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from banwatch.store.models import User

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SESSION_USER = "user"
SESSION_USER_STAMP = "user_stamp"
SESSION_CSRF = "csrf"
PUBLIC_PATHS = ("/login", "/static/")
LOOPBACK_HOST_NAMES = ("localhost", "127.0.0.1", "::1")

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    )
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # Links go out to news sites: tell them nothing about the review app (and
    # "no-referrer" would make browsers send "Origin: null" on our own forms).
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the app on this machine."""
    host = host.strip().strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The name part of a Host header, IPv6 brackets and port removed."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class SecurityHeadersMiddleware:
    """Adds the CSP and related headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class AllowedHostsMiddleware:
    """Refuses requests whose Host header is not one of ours (DNS rebinding)."""

    def __init__(self, app: ASGIApp, allowed: Iterable[str]) -> None:
        self.app = app
        self.allowed = {name.lower().strip("[]") for name in allowed}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = host_name(HTTPConnection(scope).headers.get("host", ""))
            if host not in self.allowed:
                response = PlainTextResponse(
                    "unknown host: the review app answers to its loopback address only",
                    status_code=421,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def user_stamp(secret: str, password_hash: str) -> str:
    """A short keyed digest of the password hash: a new password ends old sessions.

    Keyed, so the session cookie (signed, but readable) reveals nothing of the hash.
    """
    return hmac.new(secret.encode(), password_hash.encode(), hashlib.sha256).hexdigest()[:24]


class RequireLoginMiddleware:
    """When sign-in is required, only the sign-in page and static files are public.

    A page asked for anonymously redirects to the sign-in form; any other
    anonymous request (a POST above all) is refused with 403 before it reaches
    a handler. The session's user is checked against the database on every
    request, so a removed user or a changed password takes effect at once.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        required: bool,
        lookup: Callable[[str], str | None],
        secret: str,
    ) -> None:
        self.app = app
        self.required = required
        self.lookup = lookup
        self.secret = secret

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        session = scope["session"]
        username = session.get(SESSION_USER)
        if username:
            password_hash = await run_in_threadpool(self.lookup, username)
            stamp = session.get(SESSION_USER_STAMP, "")
            if password_hash is None or not hmac.compare_digest(
                stamp, user_stamp(self.secret, password_hash)
            ):
                session.pop(SESSION_USER, None)
                session.pop(SESSION_USER_STAMP, None)
                username = None
        scope["state"] = {**scope.get("state", {}), "user": username}
        path = connection.url.path
        if not self.required or username or path.startswith(PUBLIC_PATHS):
            await self.app(scope, receive, send)
            return
        if scope["method"] in ("GET", "HEAD"):
            target = path + (f"?{connection.url.query}" if connection.url.query else "")
            response = RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
        else:
            response = PlainTextResponse("sign in first", status_code=403)
        await response(scope, receive, send)


def password_hash_lookup(sessions: sessionmaker[Session]) -> Callable[[str], str | None]:
    """A function from user name to stored password hash (None for no such user)."""

    def lookup(username: str) -> str | None:
        with sessions() as session:
            return session.scalar(select(User.password_hash).where(User.username == username))

    return lookup


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use (the synchroniser-token pattern)."""
    token = request.session.get(SESSION_CSRF)
    if not token:
        token = secrets.token_urlsafe(32)
        request.session[SESSION_CSRF] = token
    return token


def same_origin(request: Request) -> bool:
    """False when the browser says the request comes from another site.

    Browsers send ``Sec-Fetch-Site`` and, on POSTs, ``Origin``; clients that
    send neither (curl, scripts, tests) rely on the CSRF token alone. An
    ``Origin`` of ``null`` (privacy modes send it) counts only when
    ``Sec-Fetch-Site`` vouches for the request.
    """
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True
    if origin == "null":
        return fetch_site == "same-origin"
    return urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()


def csrf_ok(request: Request, form: FormData) -> bool:
    """Whether a write carries this session's CSRF token and comes from this site."""
    expected = request.session.get(SESSION_CSRF)
    sent = form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER)
    if not expected or not isinstance(sent, str) or not sent:
        return False
    return same_origin(request) and hmac.compare_digest(sent.encode(), expected.encode())


class LoginThrottle:
    """Slows password guessing: a few failures per name and address, then a pause.

    In memory, per process: enough for one small server, and it forgets on restart.
    """

    def __init__(self, attempts: int = 5, window_seconds: float = 900.0) -> None:
        self.attempts = attempts
        self.window = window_seconds
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and now - failures[0] > self.window:
            failures.popleft()
        return failures

    def blocked(self, client: str, username: str) -> bool:
        """Whether this address has failed too often for this name lately."""
        with self._lock:
            return len(self._recent((client, username), time.monotonic())) >= self.attempts

    def failed(self, client: str, username: str) -> None:
        """Count one failed sign-in."""
        with self._lock:
            self._recent((client, username), time.monotonic()).append(time.monotonic())

    def succeeded(self, client: str, username: str) -> None:
        """Forget the failures of a name that has now signed in."""
        with self._lock:
            self._failures.pop((client, username), None)
