"""What every ``banwatch`` command module shares: consoles, settings, options, formats.

Command modules (``banwatch.cli`` and the ``cli_*`` modules it registers) import
from here and never from each other, so adding a command group touches only its
own module and one ``register(app)`` line in ``banwatch.cli``.
"""

from __future__ import annotations

import csv
import errno
from collections.abc import Sequence
from enum import StrEnum
from typing import IO, Annotated, Any

import click
import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy.exc import DatabaseError, DBAPIError, InterfaceError, OperationalError
from typer.core import TyperGroup

from banwatch.config import ConfigError, Settings, check_queue_url
from banwatch.export import neutralise_cell
from banwatch.store.db import DatabaseUrlError, database_error_message
from banwatch.store.events import EventFilters
from banwatch.vocabulary import ACTIONS, ACTOR_TYPES, REVIEW_STATE_FILTERS, STATUSES

console = Console()
errors = Console(stderr=True)
#: Exit status of a command refused because another banwatch process holds the
#: crawl lock for its database (sysexits' EX_TEMPFAIL: try again later).
EXIT_BUSY = 75


# -- errors a user can act on: one line on stderr, never a traceback --------------

# What an operating system error on a file means for the user, by errno.
FILE_ERROR_HINTS = {
    errno.ENOENT: "no such file or folder: check the path, or create the folder first",
    errno.ENOTDIR: "a part of the path is not a folder: check the path",
    errno.EISDIR: "that is a folder: give a file name",
    errno.ENOSPC: "the disk is full: free some space or write elsewhere",
    errno.EDQUOT: "the disk quota is used up: free some space or write elsewhere",
    errno.EACCES: "permission denied: choose a path you may write to",
    errno.EPERM: "not permitted: choose a path you may write to",
    errno.EROFS: "the file system is read-only: write elsewhere",
}
# Configuration mistakes exit 2, like a mistake on the command line; failures exit 1.
CONFIGURATION_EXIT = 2
FAILURE_EXIT = 1


def file_error_message(exc: OSError) -> str:
    """One line for a file that could not be read or written."""
    what = f"{exc.filename}: " if exc.filename is not None else ""
    hint = FILE_ERROR_HINTS.get(exc.errno or 0, exc.strerror or str(exc))
    return f"{what}{hint}"


def _is_database_unavailable(exc: BaseException) -> bool:
    """A database that could not be reached or opened (not a failed statement: that is a bug).

    ``DatabaseError`` itself is what SQLite raises for a file that is no
    database; its subclasses (integrity, programming errors) are left alone.
    """
    return isinstance(exc, OperationalError | InterfaceError) or type(exc) is DatabaseError


def user_error(exc: BaseException, settings: object) -> tuple[str, int] | None:
    """The one line to print and the exit code for an error the user can act on; None for a bug.

    The one place where exceptions become messages: every command, and the
    settings callback, run inside :class:`BanwatchGroup`, which asks here.
    """
    if isinstance(exc, ConfigError):
        return f"configuration error: {exc}", CONFIGURATION_EXIT
    if isinstance(exc, DatabaseUrlError):
        return str(exc), CONFIGURATION_EXIT
    if isinstance(exc, DBAPIError) and _is_database_unavailable(exc):
        url = settings.db_url if isinstance(settings, Settings) else None
        return database_error_message(exc, url), FAILURE_EXIT
    if type(exc).__module__.startswith("redis.") and isinstance(exc, Exception):
        # Told by module, so that a command without a queue never imports redis.
        queue = settings.queue_url if isinstance(settings, Settings) else None
        return f"cannot use the crawl queue at {queue}: {exc}", FAILURE_EXIT
    if isinstance(exc, OSError):
        return file_error_message(exc), FAILURE_EXIT
    return None


def print_error(message: str) -> None:
    """``message`` on stderr as one line (rich would wrap it at the terminal's width)."""
    one_line = " ".join(message.split())
    errors.print(f"error: {one_line}", style="red", soft_wrap=True, markup=False, highlight=False)


class BanwatchGroup(TyperGroup):
    """The ``banwatch`` command group: errors a user can act on become one line and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as exc:
            translated = user_error(exc, ctx.obj)
            if translated is None:
                raise
            message, code = translated
            print_error(message)
            raise typer.Exit(code) from exc


class OutputFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"


def one_of(values: Sequence[str]) -> str:
    """Values as a sentence lists them, for help and errors: "enacted, proposed or failed"."""
    return f"{', '.join(values[:-1])} or {values[-1]}" if len(values) > 1 else "".join(values)


# -- shared options -------------------------------------------------------------

FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
ReviewStateOption = Annotated[
    str | None,
    typer.Option(help=f"Only events in this review state: {one_of(REVIEW_STATE_FILTERS)}."),
]
StatusOption = Annotated[
    str | None, typer.Option(help=f"Only events with this status: {one_of(STATUSES)}.")
]
ActionOption = Annotated[str | None, typer.Option(help=f"Only this action: {one_of(ACTIONS)}.")]
ActorTypeOption = Annotated[
    str | None, typer.Option(help=f"Only this actor type: {one_of(ACTOR_TYPES)}.")
]
CountryOption = Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 country code.")]
RegionOption = Annotated[str | None, typer.Option(help="Subdivision code, e.g. CA or OR.")]
TopicOption = Annotated[str | None, typer.Option(help="Only events of this topic.")]
SinceOption = Annotated[str | None, typer.Option("--since", help="Event date from (ISO).")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Event date to (ISO).")]
SearchOption = Annotated[
    str | None, typer.Option("--search", "-q", help="Text in the actor, scope or evidence.")
]


def event_filters(
    review_state: str | None,
    status: str | None,
    action: str | None,
    actor_type: str | None,
    country: str | None,
    region: str | None,
    topic: str | None,
    since: str | None,
    until: str | None,
    search: str | None,
) -> EventFilters:
    """Event filters from the shared command-line options, each checked against its vocabulary.

    A misspelt value would otherwise match nothing and look like an empty database.
    """
    for option, value, allowed in (
        ("--review-state", review_state, REVIEW_STATE_FILTERS),
        ("--status", status, STATUSES),
        ("--action", action, ACTIONS),
        ("--actor-type", actor_type, ACTOR_TYPES),
    ):
        if value is not None and value not in allowed:
            errors.print(
                f"{option} must be {one_of(allowed)}, not {value!r}",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
            raise typer.Exit(2)
    return EventFilters(
        status=status,
        review_state=review_state,
        actor_type=actor_type,
        action=action,
        country=country,
        region=region,
        topic=topic,
        date_from=since,
        date_to=until,
        text=search,
    )


def settings_of(ctx: typer.Context) -> Settings:
    """The settings the app callback resolved for this invocation."""
    settings = ctx.obj
    assert isinstance(settings, Settings), "the app callback sets the settings"
    return settings


def crawl_settings_of(ctx: typer.Context, queue: str | None) -> Settings:
    """The settings of a command that crawls, with ``--queue`` applied.

    A crawl on a queue is stored by workers on other machines: the database
    must be one they share, so SQLite is refused here, before a run is started.
    """
    settings = settings_of(ctx)
    if queue is not None:
        settings = settings.with_overrides(queue_url=check_queue_url(queue))
        ctx.find_root().obj = settings  # what a user error names
    if settings.queue_url and not settings.db_url.startswith("postgresql"):
        raise ConfigError(
            f"a crawl on a queue needs the PostgreSQL database every worker shares"
            f" (--db postgresql+psycopg://...), not {settings.db_url}"
        )
    return settings


QueueOption = Annotated[
    str | None,
    typer.Option(
        "--queue",
        help="Redis URL of the shared crawl queue served by `banwatch worker`"
        " (overrides [queue] url and BANWATCH_QUEUE).",
    ),
]


def write_plain_csv(rows: list[dict[str, Any]], out: IO[str]) -> None:
    """CSV of arbitrary rows, cells neutralised like the export's."""
    writer = csv.writer(out, lineterminator="\r\n")
    columns = list(rows[0]) if rows else []
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise_cell(row[c]) for c in columns])


def print_events_table(rows: list[dict[str, Any]], title: str = "events") -> None:
    """A rich table of event rows (as made by ``banwatch.export.event_row``).

    On a narrow terminal (or a pipe, which rich treats as 80 columns) the
    type, scope and review columns are left out so that every row stays legible.
    """
    wide = console.width >= 120
    columns = ["id", "actor", "where", "action", "status", "date", "sources"]
    if wide:
        columns[2:2] = ["type"]
        columns[-1:-1] = ["scope"]
        columns.append("review")
    table = Table(title=f"{title} ({len(rows)})", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold", no_wrap=column in ("id", "date", "where"))
    for row in rows:
        cells = {
            "id": str(row["event_id"]),
            "actor": row["actor"],
            "type": row["actor_type"],
            "where": "-".join(x for x in (row["country"], row["region"]) if x) or "",
            "action": row["action"],
            "status": row["status"],
            "scope": row["scope"] or "",
            "date": row["date"] or "",
            "sources": str(row["sources"]),
            "review": row["review_state"],
        }
        table.add_row(*(cells[column] for column in columns))
    console.print(table)
