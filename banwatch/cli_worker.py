"""``banwatch worker``: one long-lived crawl worker of a distributed crawl (for a systemd unit).

It serves the runs that ``banwatch crawl --queue``, ``run-now`` and
``schedule`` with a queue put in Redis, fetching, extracting article text and
storing into the shared PostgreSQL database, until SIGTERM. Run one or more
per machine.
"""

from __future__ import annotations

import typer

from banwatch.cli_common import QueueOption, console, crawl_settings_of, errors
from banwatch.config import Settings
from banwatch.jobs import StopFlag, open_database, stop_on_signals

EXIT_USAGE = 2
BACKOFF_MAX = 30.0


def _database_ready(settings: Settings, stop: StopFlag) -> bool:
    """Bring the schema up to date, waiting (with a growing pause) while PostgreSQL is away."""
    from sqlalchemy.exc import OperationalError

    pause = 1.0
    while not stop.is_set():
        try:
            open_database(settings).dispose()
            return True
        except OperationalError as exc:
            reason = " ".join(str(exc.orig or exc).split())
            console.print(
                f"worker: cannot reach the database ({reason}); retrying in {pause:.0f}s",
                markup=False,
                soft_wrap=True,
            )
            stop.wait(pause)
            pause = min(pause * 2, BACKOFF_MAX)
    return False


def register(app: typer.Typer) -> None:
    """Add ``worker`` to the banwatch app."""
    app.command("worker")(worker)


def worker(ctx: typer.Context, queue: QueueOption = None) -> None:
    """Serve the shared crawl queue until SIGTERM or Ctrl-C: take requests, fetch, store.

    Needs a queue (--queue, [queue] url or BANWATCH_QUEUE) and a database every
    worker shares (--db, a PostgreSQL URL). Redis or PostgreSQL out of reach is
    said on one line and retried with a growing pause.
    """
    from banwatch.crawler.worker import serve

    settings = crawl_settings_of(ctx, queue)
    if not settings.queue_url:
        errors.print("no queue: pass --queue redis://host:6379/0, or set [queue] url")
        raise typer.Exit(EXIT_USAGE)
    with stop_on_signals(StopFlag()) as stop:
        if not _database_ready(settings, stop):
            raise typer.Exit(0)
        console.print(
            f"worker serving {settings.queue_url} (prefix {settings.queue_prefix});"
            " SIGTERM or Ctrl-C stops.",
            markup=False,
        )
        serve(
            settings.queue_url,
            settings.queue_prefix,
            settings.db_url,
            should_stop=stop.is_set,
            say=lambda line: console.print(line, markup=False, soft_wrap=True),
        )
    console.print("worker stopped")
