"""Commands for unattended use: ``schedule``, ``run-now`` and ``runs``.

``schedule`` is the long-running scheduler (for a systemd service);
``run-now`` is one scheduled run for those who prefer cron or a systemd timer;
``runs`` is what to look at in the morning. All three share the lock, the
digest and the source health rules with the scheduler itself.
"""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import replace
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import typer
from rich.markup import escape
from rich.table import Table
from sqlalchemy import select

from banwatch.cli_common import (
    EXIT_BUSY,
    QueueOption,
    console,
    crawl_settings_of,
    errors,
    settings_of,
)
from banwatch.config import Settings
from banwatch.digest import enabled_channels
from banwatch.health import SourceHealth, source_health
from banwatch.jobs import DIED, JobResult, close_dead_runs, open_database, run_scheduled_job
from banwatch.store.db import session_factory
from banwatch.store.models import CrawlRun
from banwatch.store.types import utcnow

#: run-now's exit status when it was stopped by a signal (as a shell reports SIGINT).
EXIT_INTERRUPTED = 130


class RunsFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


def register(app: typer.Typer) -> None:
    """Add ``schedule``, ``run-now`` and ``runs`` to the banwatch app."""
    app.command("schedule")(schedule)
    app.command("run-now")(run_now)
    app.command("runs")(runs)


def _configure_logging(level: str) -> None:
    """Timestamped lines on stderr: journald and cron mail keep them."""
    logging.basicConfig(
        level=level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # Every run checks the schema; at info level alembic would say so each night.
    logging.getLogger("alembic").setLevel(max(logging.WARNING, logging.getLogger().level))


LogLevelOption = Annotated[
    str, typer.Option("--log-level", help="debug, info, warning or error (on stderr).")
]


def schedule(
    ctx: typer.Context, log_level: LogLevelOption = "info", queue: QueueOption = None
) -> None:
    """Run the whole job on the configured cron schedule until stopped (SIGTERM or Ctrl-C).

    With a queue, each run's crawl is spread over the `banwatch worker` processes.
    """
    from banwatch.scheduler import cron_trigger, serve

    settings = crawl_settings_of(ctx, queue)
    _configure_logging(log_level)
    try:
        cron_trigger(settings.schedule.cron, settings.schedule.timezone)
    except ValueError as exc:
        errors.print(f"[red]configuration error:[/red] [schedule] {exc}")
        raise typer.Exit(2) from exc
    close_dead_runs(open_database(settings), settings.db_url)
    if not any(s.enabled for s in settings.sources):
        errors.print(
            "[yellow]no enabled [[sources]] in the configuration yet: runs will only extract"
            " and send the digest until some are added (the file is re-read at each run)[/yellow]"
        )
    channels = ", ".join(enabled_channels(settings.digest)) or "not configured"

    def ready(job: Any) -> None:
        console.print(
            f"scheduling runs at '{settings.schedule.cron}' ({settings.schedule.timezone});"
            f" next at {job.next_run_time:%Y-%m-%d %H:%M %Z}; digest: {channels}."
            " SIGTERM or Ctrl-C stops."
        )

    serve(settings, on_ready=ready)
    console.print("scheduler stopped")


def run_now(
    ctx: typer.Context, log_level: LogLevelOption = "warning", queue: QueueOption = None
) -> None:
    """Run the scheduled job once, now: the same lock, source health and digest (for cron)."""
    settings = crawl_settings_of(ctx, queue)
    _configure_logging(log_level)
    if not any(s.enabled for s in settings.sources):
        errors.print("no sources: add [[sources]] to banwatch.toml")
        raise typer.Exit(2)
    result = run_scheduled_job(settings, trigger="run-now")
    if result is None:
        errors.print("another banwatch process is crawling this database; nothing done")
        raise typer.Exit(EXIT_BUSY)
    _print_result(result)
    if result.status == "interrupted":
        raise typer.Exit(EXIT_INTERRUPTED)
    if result.status != "succeeded":
        raise typer.Exit(1)


def _print_result(result: JobResult) -> None:
    stats = result.stats
    colour = "green" if result.status == "succeeded" else "red"
    console.print(
        f"run {result.run_id}: [{colour}]{result.status}[/{colour}];"
        f" {stats.get('articles_new', 0)} new article(s), {stats.get('events_new', 0)} new"
        f" event(s); digest: {_digest_summary(stats) or 'not configured'}"
    )
    for name, flag in sorted((stats.get("source_flags") or {}).items()):
        console.print(f"[yellow]source {escape(name)}[/yellow]: {escape(flag)}")
    if result.error:
        errors.print(result.error, markup=False, highlight=False)


# -- runs -------------------------------------------------------------------------


def runs(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(help="How many recent runs to list.")] = 20,
    output: Annotated[
        RunsFormat, typer.Option("--format", "-f", help="table, or jsonl for programs.")
    ] = RunsFormat.table,
    quiet_days: Annotated[
        int | None,
        typer.Option(
            help="Flag sources without a new article for this many days (default: quiet_days)."
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            help="Exit 1 if the last run failed or died, could not ask a source (a bad URL),"
            " or a source is flagged (for monitoring)."
        ),
    ] = False,
) -> None:
    """List recent runs and the health of each source; flag failing and quiet sources.

    Runs left "running" by a process that is gone are marked "died" first.
    """
    settings = settings_of(ctx)
    if quiet_days is not None:
        settings = replace(settings, schedule=replace(settings.schedule, quiet_days=quiet_days))
    engine = open_database(settings)
    close_dead_runs(engine, settings.db_url)
    with session_factory(engine)() as session:
        recent = session.scalars(select(CrawlRun).order_by(CrawlRun.id.desc()).limit(limit)).all()
        rows = [run_row(run) for run in recent]
        health = source_health(session, settings)
    engine.dispose()
    if output is RunsFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps({"record": "run", **row}, ensure_ascii=False) + "\n")
        for item in health:
            sys.stdout.write(
                json.dumps({"record": "source", **item.to_dict()}, ensure_ascii=False) + "\n"
            )
    else:
        _print_runs(rows, settings)
        _print_health(health, settings)
    if check and ((rows and _run_went_wrong(rows[0])) or any(h.flag for h in health)):
        raise typer.Exit(1)


def _run_went_wrong(row: dict[str, Any]) -> bool:
    return row["status"] in ("failed", DIED) or bool(row["unusable_sources"])


def run_row(run: CrawlRun) -> dict[str, Any]:
    """One run as a flat, JSON-safe row."""
    stats = run.stats or {}
    finished = run.finished_at
    if finished is not None:
        seconds: float | None = (finished - run.started_at).total_seconds()
    elif run.status == "running":
        seconds = (utcnow() - run.started_at).total_seconds()
    else:
        seconds = None  # abandoned by a process that died: the end is unknown
    first_error = (run.error or "").strip().splitlines()
    return {
        "id": run.id,
        "trigger": run.trigger,
        "started_at": run.started_at.isoformat(),
        "finished_at": finished.isoformat() if finished else None,
        "seconds": round(seconds, 1) if seconds is not None else None,
        "status": run.status,
        "articles_new": stats.get("articles_new", 0),
        "events_new": stats.get("events_new", 0),
        "errors": sum(int(v) for v in (stats.get("errors") or {}).values()),
        "error": first_error[0] if first_error else None,
        # Sources it could not even ask (a URL that is not one): no retry helps.
        "unusable_sources": sorted(
            name
            for name, outcome in (run.sources_report or {}).items()
            if isinstance(outcome, dict) and outcome.get("unusable")
        ),
        "digest": _digest_summary(stats),
        "source_flags": stats.get("source_flags"),
    }


def _digest_summary(stats: dict[str, Any]) -> str | None:
    outcomes = stats.get("digest") or {}
    if not outcomes:
        return None
    parts = []
    for channel, outcome in sorted(outcomes.items()):
        if outcome.get("sent"):
            parts.append(f"{channel} sent")
        elif outcome.get("error"):
            parts.append(f"{channel} failed")
        else:
            parts.append(f"{channel}: {outcome.get('note', 'not sent')}")
    return ", ".join(parts)


def _duration(seconds: float | None, status: str) -> str:
    if seconds is None:
        return "?"
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = (
        f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"
    )
    return f"{text} so far" if status == "running" else text


def _local(value: str | datetime | None, settings: Settings) -> str:
    if value is None:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.astimezone(ZoneInfo(settings.schedule.timezone)).strftime("%Y-%m-%d %H:%M")


STATUS_COLOURS = {
    "succeeded": "green",
    "failed": "red",
    DIED: "red",
    "interrupted": "yellow",
    "running": "cyan",
}


def _print_runs(rows: list[dict[str, Any]], settings: Settings) -> None:
    if not rows:
        console.print("no runs yet: `banwatch run-now` or `banwatch schedule` starts one")
        return
    table = Table(title=f"recent runs (times in {settings.schedule.timezone})")
    table.add_column("id", justify="right")
    table.add_column("trigger")
    table.add_column("started", no_wrap=True)
    table.add_column("duration", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("new articles", justify="right")
    table.add_column("new events", justify="right")
    table.add_column("errors", overflow="fold")
    table.add_column("digest")
    for row in rows:
        colour = STATUS_COLOURS.get(row["status"], "white")
        problems = []
        if row["errors"]:
            problems.append(f"{row['errors']} fetch error(s)")
        if row["unusable_sources"]:
            problems.append("bad source URL: " + ", ".join(row["unusable_sources"]))
        if row["error"]:
            problems.append(row["error"][:120])
        table.add_row(
            str(row["id"]),
            row["trigger"],
            _local(row["started_at"], settings),
            _duration(row["seconds"], row["status"]),
            f"[{colour}]{row['status']}[/{colour}]",
            str(row["articles_new"]),
            str(row["events_new"]),
            escape("; ".join(problems)),
            row["digest"] or "",
        )
    console.print(table)


def _print_health(health: list[SourceHealth], settings: Settings) -> None:
    if not health:
        return
    schedule = settings.schedule
    table = Table(
        title=f"sources (flagged: {schedule.failing_runs}+ failures in a row,"
        f" or no new article for {schedule.quiet_days}+ days)"
    )
    for column in ("source", "kind", "last success", "failures in a row", "last new article"):
        table.add_column(column)
    table.add_column("flag", overflow="fold")
    for item in health:
        table.add_row(
            escape(item.name),
            item.kind,
            _local(item.last_success_at, settings) or ("never" if item.crawled else "not crawled"),
            str(item.consecutive_failures),
            _local(item.last_article_at, settings) or ("none" if item.crawled else ""),
            f"[red]{escape(item.flag)}[/red]" if item.flag else "",
        )
    console.print(table)
