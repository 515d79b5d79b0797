"""Commands for reviewers: ``serve`` (the web app), ``review`` (the terminal loop), ``user add``.

The web app and the terminal loop decide through ``store.review``, the same
functions as ``banwatch event accept|reject|edit``, so every decision lands in
the audit log with the reviewer's name whichever way it was made.
"""

from __future__ import annotations

import getpass
import os
import shlex
import sys
from collections.abc import Callable
from typing import Annotated

import typer
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from sqlalchemy import Engine
from sqlalchemy.orm import Session, selectinload

from banwatch.cli_common import (
    ActionOption,
    ActorTypeOption,
    CountryOption,
    RegionOption,
    ReviewStateOption,
    SearchOption,
    SinceOption,
    StatusOption,
    TopicOption,
    UntilOption,
    console,
    errors,
    event_filters,
    settings_of,
)
from banwatch.store.db import create_db_engine, session_factory, session_scope, upgrade_database
from banwatch.store.events import EventFilters
from banwatch.store.models import Event, Mention

DEFAULT_PORT = 8700

user_app = typer.Typer(
    help="Manage the reviewers who sign in to the review web app.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    """Add ``serve``, ``review`` and ``user add`` to the banwatch app."""
    app.command("serve")(serve)
    app.command("review")(review)
    app.add_typer(user_app, name="user")


def _default_reviewer() -> str:
    try:
        login = getpass.getuser()
    except (KeyError, OSError):  # a container user with no passwd entry
        login = ""
    return os.environ.get("BANWATCH_REVIEWER") or login or "reviewer"


def _engine(ctx: typer.Context) -> Engine:
    engine = create_db_engine(settings_of(ctx).db_url)
    upgrade_database(engine)
    return engine


# -- serve ------------------------------------------------------------------------


def serve(
    ctx: typer.Context,
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on. Anything but loopback requires reviewers to sign in."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = DEFAULT_PORT,
    reviewer: Annotated[
        str | None,
        typer.Option(
            help="Name recorded for decisions made without signing in (loopback only);"
            " default: $BANWATCH_REVIEWER or $USER."
        ),
    ] = None,
    login: Annotated[
        bool | None,
        typer.Option(
            "--login/--no-login",
            help="Require sign-in. Default: only when not on loopback (where it cannot be off).",
            show_default=False,
        ),
    ] = None,
    secret_key: Annotated[
        str | None,
        typer.Option(
            envvar="BANWATCH_SECRET_KEY",
            help="Key that signs session cookies; without one, sessions end on restart.",
            show_default=False,
        ),
    ] = None,
    secure_cookies: Annotated[
        bool, typer.Option(help="Send cookies over HTTPS only (behind a TLS proxy).")
    ] = False,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(help="Host name the app answers to besides loopback (repeatable)."),
    ] = None,
) -> None:
    """Serve the review web app: queue, evidence, decisions, CSV download."""
    import uvicorn

    from banwatch.learning.second_opinion import SecondOpinion
    from banwatch.review import ReviewConfig, create_app
    from banwatch.store.review import count_users

    settings = settings_of(ctx)
    config = ReviewConfig(
        db_url=settings.db_url,
        host=host,
        require_login=login,
        reviewer=reviewer or _default_reviewer(),
        secret_key=secret_key,
        secure_cookies=secure_cookies,
        allowed_hosts=tuple(allowed_host or ()),
        second_opinion=SecondOpinion(settings).of,
    )
    try:
        config.check()
    except ValueError as exc:
        errors.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    from banwatch.overview.routes import OVERVIEW_NAV, overview_routes

    app = create_app(config, extra_routes=overview_routes(), extra_nav=[OVERVIEW_NAV])
    if config.login_required:
        engine = create_db_engine(settings.db_url)
        with session_factory(engine)() as session:
            users = count_users(session)
        engine.dispose()
        if not users:
            errors.print(
                "[yellow]sign-in is required but there are no users yet:"
                " add one with `banwatch user add NAME`[/yellow]"
            )
        if not secure_cookies:
            errors.print(
                "[yellow]passwords and cookies travel in clear unless a TLS proxy sits in"
                " front; with one, pass --secure-cookies[/yellow]"
            )
    shown = f"[{host}]" if ":" in host else host
    who = "reviewers sign in" if config.login_required else f"deciding as {config.reviewer}"
    console.print(f"review app on http://{shown}:{port}/ ({who}); Ctrl-C to stop")
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)


# -- review in the terminal -------------------------------------------------------

HELP = (
    "a [note]       accept (with an optional note), then the next event\n"
    "r [reason]     reject; asks for the reason if none is given\n"
    "e field=value  edit, e.g.  e date=2020-06-24 scope='police use'\n"
    "m ID           merge event ID into this one\n"
    "s or Enter     skip to the next event\n"
    "q              quit"
)


def _ask(prompt: str) -> str | None:
    """One line from the reviewer; None at end of input (Ctrl-D, or a script's end)."""
    try:
        return console.input(prompt)
    except EOFError:
        return None


def _show_event(session: Session, event: Event, position: int) -> None:
    """Fields, then every mention's sentence in its context, the sentence highlighted.

    Scraped text goes into ``Text`` objects, never into markup, so an article
    containing ``[red]`` or ``[link=...]`` prints as written.
    """
    from banwatch.review.queries import evidence_context

    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="dim")
    fields.add_column()
    where = "-".join(x for x in (event.country, event.region) if x)
    for label, value in (
        ("actor", f"{event.actor} ({event.actor_type}{', ' + event.level if event.level else ''})"),
        ("where", where or "-"),
        ("action", f"{event.action} ({event.status})"),
        ("scope", event.scope or "-"),
        ("technology", event.technology),
        ("date", (event.date or "?") + (f" until {event.until}" if event.until else "")),
        ("support", f"{event.source_count} source(s), confidence {event.confidence:.0%}"),
        ("review", f"{event.review_state}" + (f" by {event.reviewer}" if event.reviewer else "")),
    ):
        fields.add_row(label, Text(value))
    title = Text(f"#{event.id} {event.actor}", style="bold")
    console.print(Panel(fields, title=title, subtitle=Text(f"{position}"), title_align="left"))
    mentions = sorted(event.mentions, key=lambda m: (m.article_id, m.start))
    for mention in mentions:
        article = mention.article
        context = evidence_context(
            article.text, mention.start, mention.end, mention.evidence, width=160
        )
        heading = Text(f"[{mention.id}] ", style="dim")
        heading.append(article.title or article.canonical_url, style="bold")
        heading.append(f"  {article.canonical_url}", style="dim")
        body = Text(context.before)
        body.append(context.hit, style="black on yellow")
        body.append(context.after)
        console.print(heading)
        console.print(body)
        console.print()


def _parse_edit(argument: str) -> dict[str, str]:
    from banwatch.store.review import ReviewError

    changes = {}
    try:
        words = shlex.split(argument)
    except ValueError as exc:
        raise ReviewError(f"cannot read {argument!r}: {exc}") from exc
    for word in words:
        field, sep, value = word.partition("=")
        if not sep:
            raise ReviewError(f"write field=value, not {word!r}")
        changes[field.strip()] = value
    return changes


def review(
    ctx: typer.Context,
    review_state: ReviewStateOption = "pending",
    status: StatusOption = None,
    action: ActionOption = None,
    actor_type: ActorTypeOption = None,
    country: CountryOption = None,
    region: RegionOption = None,
    topic: TopicOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: SearchOption = None,
    reviewer: Annotated[
        str | None,
        typer.Option(help="Who decides (recorded in the audit log); default: $USER."),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Stop after this many events.")] = None,
) -> None:
    """Review events in the terminal: accept, reject, edit or merge, one at a time."""
    from banwatch.review.queries import next_event_id, queue_query

    filters = event_filters(
        review_state, status, action, actor_type, country, region, topic, since, until, search
    )
    who = reviewer or _default_reviewer()
    engine = _engine(ctx)
    counts = {"accepted": 0, "rejected": 0, "edited": 0, "merged": 0, "skipped": 0}
    seen: set[int] = set()
    with session_factory(engine)() as session:
        current = session.scalar(queue_query(filters).with_only_columns(Event.id).limit(1))
    if current is None:
        console.print("nothing to review with these filters")
        return
    console.print(Text(f"reviewing as {who}; ? for help", style="dim"))
    while current is not None and (limit is None or len(seen) < limit):
        seen.add(current)
        outcome = _review_one(engine, current, who, filters, len(seen), counts)
        if outcome == "quit":
            break
        with session_factory(engine)() as session:
            event = session.get(Event, current)
            following = next_event_id(session, filters, event) if event else None
        current = following if following not in seen else None
    summary = ", ".join(f"{count} {name}" for name, count in counts.items() if count)
    console.print(f"done: {summary or 'no decisions'}")


def _review_one(
    engine: Engine,
    event_id: int,
    who: str,
    filters: EventFilters,
    position: int,
    counts: dict[str, int],
) -> str:
    """Show one event and take commands until it is decided, skipped or the user quits."""
    from banwatch.store.review import (
        ReviewError,
        accept_event,
        edit_event,
        merge_events,
        reject_event,
    )

    def decide(work: Callable[[Session], object], counter: str) -> bool:
        try:
            with session_scope(engine) as session:
                work(session)
        except ReviewError as exc:
            errors.print(Text(str(exc), style="red"))
            return False
        counts[counter] += 1
        return True

    show = True
    while True:
        if show:
            with session_factory(engine)() as session:
                event = session.get(
                    Event,
                    event_id,
                    options=[selectinload(Event.mentions).selectinload(Mention.article)],
                )
                if event is None:
                    return "next"
                _show_event(session, event, position)
            show = False
        line = _ask("[a]ccept [r]eject [e]dit [m]erge [s]kip [q]uit ? > ")
        if line is None:
            return "quit"
        command, _, argument = line.strip().partition(" ")
        argument = argument.strip()
        command = command.lower()
        if command in ("", "s", "n", "skip"):
            counts["skipped"] += 1
            return "next"
        if command in ("q", "quit"):
            return "quit"
        if command in ("?", "h", "help"):
            console.print(Text(HELP))
        elif command in ("a", "accept"):
            note = argument or None
            if decide(lambda s, n=note: accept_event(s, event_id, who, n), "accepted"):
                console.print(Text(f"accepted #{event_id}", style="green"))
                return "next"
        elif command in ("r", "reject"):
            reason = argument or _ask("reason: ")
            if reason is None:
                return "quit"
            if decide(lambda s, why=reason: reject_event(s, event_id, who, why), "rejected"):
                console.print(Text(f"rejected #{event_id}", style="red"))
                return "next"
        elif command in ("e", "edit"):
            spec = argument or _ask("field=value ...: ")
            if spec is None:
                return "quit"
            try:
                changes = _parse_edit(spec)
            except ReviewError as exc:
                errors.print(Text(str(exc), style="red"))
                continue
            if decide(lambda s, c=changes: edit_event(s, event_id, who, c), "edited"):
                show = True
        elif command in ("m", "merge"):
            other = argument.lstrip("#")
            if not other.isdigit():
                errors.print(Text("merge needs the other event's number: m 42", style="red"))
                continue
            if decide(lambda s, o=int(other): merge_events(s, event_id, o, who), "merged"):
                console.print(Text(f"merged #{other} into #{event_id}", style="green"))
                show = True
        else:
            errors.print(Text(f"unknown command {command!r}; ? for help", style="red"))


# -- users ------------------------------------------------------------------------


@user_app.command("add")
def user_add(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="The name the reviewer signs in with.")],
    password_stdin: Annotated[
        bool, typer.Option(help="Read the password from standard input (for scripts).")
    ] = False,
    update: Annotated[bool, typer.Option(help="Set a new password for an existing user.")] = False,
) -> None:
    """Add a reviewer who can sign in to `banwatch serve` (or, with --update, reset a password)."""
    from banwatch.store.review import ReviewError, add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    engine = _engine(ctx)
    try:
        with session_scope(engine) as session:
            add_user(session, username, password, replace=update)
    except ReviewError as exc:
        errors.print(Text(str(exc), style="red"))
        raise typer.Exit(2) from exc
    console.print(Text(f"{'updated' if update else 'added'} user {username}"))
