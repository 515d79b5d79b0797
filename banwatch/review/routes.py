"""The review app's pages and actions.

GET pages read; every change is a POST carrying the session's CSRF token,
decided by the functions in ``store.review`` (the same the command line uses),
so each one lands in the audit log with the reviewer's name. After accepting
or rejecting, the reviewer moves on to the next event of the queue they came
from: the queue's filters ride along in a hidden ``back`` field.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from banwatch.export import iter_csv, iter_event_rows, iter_jsonl
from banwatch.review.queries import (
    evidence_context,
    next_event_id,
    parse_back,
    possible_duplicates,
    queue_page,
    safe_link,
)
from banwatch.store.events import actor_timeline
from banwatch.store.models import Event, Mention, ReviewDecision
from banwatch.store.review import (
    EDITABLE_FIELDS,
    ReviewError,
    accept_event,
    authenticate,
    edit_event,
    merge_events,
    reject_event,
    resolve_merged,
    split_event,
)
from banwatch.vocabulary import ACTIONS, ACTOR_TYPES, LEVELS, REVIEW_STATE_FILTERS, STATUSES
from banwatch.web.app import current_reviewer, flash, render, web_state
from banwatch.web.filters import FilterView, parse_filters
from banwatch.web.security import (
    SESSION_USER,
    SESSION_USER_STAMP,
    csrf_ok,
    user_stamp,
)

Handler = Callable[[Request, FormData, str], Awaitable[Response]]
Endpoint = Callable[[Request], Awaitable[Response]]
MAX_FORM_FIELDS = 2000


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _event_url(event_id: int, view: FilterView | None = None) -> str:
    query = view.query() if view is not None else ""
    return f"/events/{event_id}" + (f"?{query}" if query else "")


def _queue_url(view: FilterView, *, keep_page: bool = False) -> str:
    query = view.query() if keep_page else view.query(page=None)
    return "/queue" + (f"?{query}" if query else "")


def _refuse(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", {"status": status, "message": message}, status)


def writes(*, signed_in: bool = True) -> Callable[[Handler], Endpoint]:
    """Wrap a POST handler: read the form, check the CSRF token and the reviewer.

    Every state-changing endpoint goes through here; a test walks the routes to
    check that none is left out.
    """

    def wrap(handler: Handler) -> Endpoint:
        @functools.wraps(handler)
        async def endpoint(request: Request) -> Response:
            async with request.form(max_files=0, max_fields=MAX_FORM_FIELDS) as form:
                if not csrf_ok(request, form):
                    return _refuse(
                        request,
                        403,
                        "This form has expired or did not come from this page. "
                        "Reload the page and try again.",
                    )
                reviewer = current_reviewer(request)
                if signed_in and reviewer is None:
                    return _refuse(request, 403, "Sign in first.")
                return await handler(request, form, reviewer or "")

        endpoint.checks_csrf = True  # type: ignore[attr-defined]
        return endpoint

    return wrap


async def _in_session(request: Request, work: Callable[[Session], Any]) -> Any:
    """Run ``work`` in a transaction on a worker thread (the database is blocking)."""
    sessions = web_state(request).sessions

    def run() -> Any:
        with sessions() as session, session.begin():
            return work(session)

    return await run_in_threadpool(run)


# -- reading ----------------------------------------------------------------------


def home(request: Request) -> Response:
    """The queue is the front page."""
    return _redirect("/queue")


def queue(request: Request) -> Response:
    """Events to review, most confident and most corroborated first, filtered by the URL."""
    view = parse_filters(request.query_params, default_state="pending")
    canonical = view.query()
    if canonical != request.url.query:
        # Empty form fields and unknown parameters dropped: a clean URL to bookmark.
        for problem in view.problems:
            flash(request, problem, "error")
        return _redirect("/queue" + (f"?{canonical}" if canonical else ""))
    state = web_state(request)
    size = state.config.page_size
    with state.sessions() as session:
        events, total = queue_page(session, view.filters, view.page, size)
    pages = max(1, -(-total // size))
    export_query = view.query(page=None, review_state=view.filters.review_state)
    return render(
        request,
        "queue.html",
        {
            "view": view,
            "events": events,
            "total": total,
            "page": view.page,
            "pages": pages,
            "event_url": lambda event_id: _event_url(event_id, view),
            "page_url": lambda page: "/queue?" + view.query(page=page),
            "export_query": export_query,
            "choices": {
                "review_state": REVIEW_STATE_FILTERS,
                "action": ACTIONS,
                "status": STATUSES,
                "actor_type": ACTOR_TYPES,
            },
            "selected_state": view.filters.review_state,
        },
    )


def _mention_rows(event: Event) -> list[dict[str, Any]]:
    far_future = datetime.max.replace(tzinfo=UTC)
    rows = []
    for mention in sorted(
        event.mentions,
        key=lambda m: (m.article.published_at or far_future, m.article_id, m.start),
    ):
        article = mention.article
        rows.append(
            {
                "mention": mention,
                "article": article,
                "link": safe_link(article.url) or safe_link(article.canonical_url),
                "context": evidence_context(
                    article.text, mention.start, mention.end, mention.evidence
                ),
            }
        )
    return rows


def event_page(request: Request) -> Response:
    """One event: fields, evidence in context, the actor's timeline, the audit log, actions."""
    event_id: int = request.path_params["event_id"]
    view = parse_filters(request.query_params, default_state="pending")
    state = web_state(request)
    with state.sessions() as session:
        event = session.get(
            Event,
            event_id,
            options=[
                selectinload(Event.mentions).selectinload(Mention.article),
                selectinload(Event.decisions),
            ],
        )
        if event is None:
            raise HTTPException(404, f"There is no event {event_id}.")
        if event.merged_into_id is not None:
            kept = resolve_merged(session, event_id)
            if kept is not None and kept.id != event_id:
                flash(request, f"Event {event_id} was merged into event {kept.id}.")
                return _redirect(_event_url(kept.id, view))
        timeline = [e for e in actor_timeline(session, event.actor) if e.merged_into_id is None]
        duplicates = possible_duplicates(session, event, {e.id for e in timeline})
        merged_from = session.scalars(
            select(Event.id).where(Event.merged_into_id == event.id).order_by(Event.id)
        ).all()
        amended_by = session.scalars(
            select(Event).where(Event.amends_event_id == event.id).order_by(Event.id)
        ).all()
        amends = session.get(Event, event.amends_event_id) if event.amends_event_id else None
        next_id = next_event_id(session, view.filters, event)
        mentions = _mention_rows(event)
        ask = state.config.second_opinion
        opinion = ask(event) if ask is not None else None
        decisions = list(reversed(event.decisions))
    return render(
        request,
        "event.html",
        {
            "event": event,
            "view": view,
            "back": view.query(),
            "queue_url": _queue_url(view, keep_page=True),
            "next_url": _event_url(next_id, view) if next_id else None,
            "mentions": mentions,
            "timeline": timeline,
            "duplicates": duplicates,
            "merged_from": merged_from,
            "amended_by": amended_by,
            "amends": amends,
            "decisions": decisions,
            "opinion": opinion,
            "fields": EDITABLE_FIELDS,
            "edited": set(event.edited_fields or {}),
            "field_choices": {
                "action": ACTIONS,
                "status": STATUSES,
                "actor_type": ACTOR_TYPES,
                "level": LEVELS,
            },
            "event_url": lambda other: _event_url(other, view),
        },
    )


def merge_confirm(request: Request) -> Response:
    """Both events side by side before merging one into the other."""
    event_id: int = request.path_params["event_id"]
    view = parse_filters(request.query_params, default_state="pending")
    raw_other = (request.query_params.get("other") or "").strip().lstrip("#")
    if not raw_other.isdigit():
        flash(request, "Give the number of the event to merge into this one.", "error")
        return _redirect(_event_url(event_id, view))
    other_id = int(raw_other)
    state = web_state(request)
    with state.sessions() as session:
        keep = session.get(Event, event_id, options=[selectinload(Event.mentions)])
        other = session.get(Event, other_id, options=[selectinload(Event.mentions)])
        if keep is None or other is None:
            missing = event_id if keep is None else other_id
            flash(request, f"There is no event {missing}.", "error")
            return _redirect(_event_url(event_id, view) if keep else "/queue")
    problem = None
    if other_id == event_id:
        problem = "An event cannot be merged into itself."
    elif keep.merged_into_id or other.merged_into_id:
        problem = "One of these events was already merged into another."
    elif keep.topic != other.topic:
        problem = "These events are about different topics."
    return render(
        request,
        "merge.html",
        {
            "keep": keep,
            "other": other,
            "problem": problem,
            "back": view.query(),
            "fields": (*EDITABLE_FIELDS, "review_state", "source_count"),
            "event_url": lambda e: _event_url(e, view),
        },
    )


def audit_log(request: Request) -> Response:
    """Recent decisions by everyone, newest first (``?before=ID`` pages back)."""
    raw = request.query_params.get("before", "")
    before = int(raw) if raw.isdigit() else None
    limit = 100
    with web_state(request).sessions() as session:
        query = select(ReviewDecision, Event.actor).join(Event)
        if before is not None:
            query = query.where(ReviewDecision.id < before)
        rows = session.execute(query.order_by(ReviewDecision.id.desc()).limit(limit)).all()
    entries = []
    for decision, actor in rows:
        changed = sorted(
            key
            for key in set(decision.before) | set(decision.after)
            if decision.before.get(key) != decision.after.get(key)
        )
        entries.append({"decision": decision, "actor": actor, "changed": changed})
    older = entries[-1]["decision"].id if len(entries) == limit else None
    return render(request, "log.html", {"entries": entries, "older": older})


def export(request: Request) -> Response:
    """Stream the events matching the URL's filters as CSV or JSON lines.

    Defaults to accepted events, as ``banwatch export`` does; the queue's
    download buttons pass the queue's own filters, review state included.
    """
    fmt = "jsonl" if request.url.path.endswith(".jsonl") else "csv"
    view = parse_filters(request.query_params, default_state="accepted")
    bom = request.query_params.get("bom") == "1"
    sessions = web_state(request).sessions

    def rows() -> Iterator[dict[str, Any]]:
        with sessions() as session:
            yield from iter_event_rows(session, view.filters)

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    state_name = view.filters.review_state or "any"
    filename = f"banwatch-events-{state_name}-{stamp}.{fmt}"
    headers = {
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store",
    }
    if fmt == "csv":
        return StreamingResponse(
            iter_csv(rows(), bom=bom), media_type="text/csv; charset=utf-8", headers=headers
        )
    return StreamingResponse(
        iter_jsonl(rows()), media_type="application/x-ndjson; charset=utf-8", headers=headers
    )


# -- deciding ---------------------------------------------------------------------


async def _decide(
    request: Request,
    form: FormData,
    work: Callable[[Session], Any],
    done: Callable[[Any, FilterView], str],
    message: Callable[[Any], str],
) -> Response:
    """Apply one decision; a refused one goes back to the event with the reason."""
    event_id: int = request.path_params["event_id"]
    view = parse_back(str(form.get("back") or ""))
    try:
        outcome = await _in_session(request, work)
    except ReviewError as exc:
        flash(request, str(exc), "error")
        return _redirect(_event_url(event_id, view))
    flash(request, message(outcome), "ok")
    return _redirect(done(outcome, view))


def _after_verdict(next_id: int | None, view: FilterView) -> str:
    """On to the next event of the queue, or back to the queue when none is left."""
    return _event_url(next_id, view) if next_id else _queue_url(view)


def _next_in_queue(session: Session, event_id: int, back: str) -> int | None:
    event = session.get(Event, event_id)
    return next_event_id(session, parse_back(back).filters, event) if event else None


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


@writes()
async def accept(request: Request, form: FormData, reviewer: str) -> Response:
    """Accept the event, then go to the next one in the queue."""
    event_id: int = request.path_params["event_id"]
    note = _text(form, "note") or None
    back = str(form.get("back") or "")

    def work(session: Session) -> int | None:
        accept_event(session, event_id, reviewer, note)
        return _next_in_queue(session, event_id, back)

    return await _decide(
        request, form, work, _after_verdict, lambda _: f"Accepted event {event_id}."
    )


@writes()
async def reject(request: Request, form: FormData, reviewer: str) -> Response:
    """Reject the event with a reason, then go to the next one in the queue."""
    event_id: int = request.path_params["event_id"]
    reason = _text(form, "reason")
    back = str(form.get("back") or "")

    def work(session: Session) -> int | None:
        reject_event(session, event_id, reviewer, reason)
        return _next_in_queue(session, event_id, back)

    return await _decide(
        request, form, work, _after_verdict, lambda _: f"Rejected event {event_id}."
    )


def _normalise(field: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    text = str(value).strip()
    return text.upper() if field in ("country", "region") else text


@writes()
async def edit(request: Request, form: FormData, reviewer: str) -> Response:
    """Change the fields the reviewer changed (the form sends all of them)."""
    event_id: int = request.path_params["event_id"]
    note = _text(form, "note") or None

    def work(session: Session) -> list[str]:
        event = session.get(Event, event_id)
        if event is None:
            raise ReviewError(f"no event with id {event_id}")
        changes = {
            field: form.get(field)
            for field in EDITABLE_FIELDS
            if field in form
            and _normalise(field, form.get(field)) != _normalise(field, getattr(event, field))
        }
        if not changes:
            raise ReviewError("nothing changed")
        edit_event(session, event_id, reviewer, changes, note)
        return sorted(changes)

    return await _decide(
        request,
        form,
        work,
        lambda _fields, view: _event_url(event_id, view),
        lambda fields: f"Saved event {event_id}: {', '.join(fields)}.",
    )


@writes()
async def merge(request: Request, form: FormData, reviewer: str) -> Response:
    """Merge the event named in the form into this one."""
    event_id: int = request.path_params["event_id"]
    raw_other = _text(form, "other").lstrip("#")
    note = _text(form, "note") or None

    def work(session: Session) -> int:
        if not raw_other.isdigit():
            raise ReviewError("give the number of the event to merge into this one")
        merge_events(session, event_id, int(raw_other), reviewer, note)
        return int(raw_other)

    return await _decide(
        request,
        form,
        work,
        lambda _other, view: _event_url(event_id, view),
        lambda other: f"Merged event {other} into event {event_id}.",
    )


@writes()
async def split(request: Request, form: FormData, reviewer: str) -> Response:
    """Move the ticked mentions to a new event, and show it."""
    event_id: int = request.path_params["event_id"]
    raw_ids = [value for value in form.getlist("mention") if isinstance(value, str)]
    note = _text(form, "note") or None

    def work(session: Session) -> int:
        if not all(raw.isdigit() for raw in raw_ids):
            raise ReviewError("mentions are chosen by number")
        entry = split_event(session, event_id, [int(raw) for raw in raw_ids], reviewer, note)
        return entry.event_id

    return await _decide(
        request,
        form,
        work,
        lambda new_id, view: _event_url(new_id, view),
        lambda new_id: f"Split {len(raw_ids)} mention(s) of event {event_id} into event {new_id}.",
    )


# -- signing in -------------------------------------------------------------------


def _safe_next(target: str | None) -> str:
    """Where to go after signing in: a path on this site, never another site."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/queue"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or "\\" in target:
        return "/queue"
    return target


def login_form(request: Request) -> Response:
    """The sign-in form."""
    return render(
        request,
        "login.html",
        {"next": _safe_next(request.query_params.get("next")), "username": "", "error": None},
    )


@writes(signed_in=False)
async def login(request: Request, form: FormData, _reviewer: str) -> Response:
    """Check the password; on success start a fresh session (new CSRF token)."""
    state = web_state(request)
    username = _text(form, "username")
    password = form.get("password")
    target = _safe_next(_text(form, "next"))
    client = request.client.host if request.client else "?"
    if state.throttle.blocked(client, username):
        return render(
            request,
            "login.html",
            {
                "next": target,
                "username": username,
                "error": "Too many failed attempts. Wait a few minutes and try again.",
            },
            429,
        )

    def check(session: Session) -> str | None:
        if not username or not isinstance(password, str):
            return None
        user = authenticate(session, username, password)
        return user.password_hash if user else None

    password_hash = await _in_session(request, check)
    if password_hash is None:
        state.throttle.failed(client, username)
        return render(
            request,
            "login.html",
            {"next": target, "username": username, "error": "Wrong user name or password."},
            401,
        )
    state.throttle.succeeded(client, username)
    request.session.clear()
    request.session[SESSION_USER] = username
    request.session[SESSION_USER_STAMP] = user_stamp(state.secret, password_hash)
    return _redirect(target)


@writes(signed_in=False)
async def logout(request: Request, _form: FormData, _reviewer: str) -> Response:
    """End the session."""
    request.session.clear()
    return _redirect("/login" if web_state(request).config.login_required else "/queue")


# -- wiring -----------------------------------------------------------------------


def routes() -> list[BaseRoute]:
    """Every route of the review app (static files are mounted by the factory)."""
    return [
        Route("/", home, methods=["GET"]),
        Route("/queue", queue, methods=["GET"]),
        Route("/events/{event_id:int}", event_page, methods=["GET"]),
        Route("/events/{event_id:int}/accept", accept, methods=["POST"]),
        Route("/events/{event_id:int}/reject", reject, methods=["POST"]),
        Route("/events/{event_id:int}/edit", edit, methods=["POST"]),
        Route("/events/{event_id:int}/merge", merge_confirm, methods=["GET"]),
        Route("/events/{event_id:int}/merge", merge, methods=["POST"]),
        Route("/events/{event_id:int}/split", split, methods=["POST"]),
        Route("/export.csv", export, methods=["GET"]),
        Route("/export.jsonl", export, methods=["GET"]),
        Route("/log", audit_log, methods=["GET"]),
        Route("/login", login_form, methods=["GET"]),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
    ]


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    messages = {404: "Not found.", 405: "That is not allowed here."}
    message = exc.detail if exc.status_code == 404 else messages.get(exc.status_code, exc.detail)
    return _refuse(request, exc.status_code, str(message))


def error_handlers() -> dict[Any, Callable[[Request, Exception], Awaitable[Response]]]:
    """Errors rendered as pages of the app, not as bare text."""
    return {HTTPException: _http_error}
