"""The ``banwatch`` command line: verbs for what a user does, ``--help`` on each.

Options shared between commands (the database, the event filters, the output
format) are declared once as annotated types and reused, so every command
spells them the same way.
"""

from __future__ import annotations

import json
import math
import os
import sys
import tempfile
from contextlib import ExitStack
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import select

from banwatch import cli_overview, cli_review, cli_schedule, cli_train, cli_worker
from banwatch.cli_common import (
    EXIT_BUSY,
    ActionOption,
    ActorTypeOption,
    BanwatchGroup,
    CountryOption,
    ExportFormat,
    FormatOption,
    OutputFormat,
    QueueOption,
    RegionOption,
    ReviewStateOption,
    SearchOption,
    SinceOption,
    StatusOption,
    TopicOption,
    UntilOption,
    console,
    crawl_settings_of,
    errors,
    event_filters,
    one_of,
    print_error,
    print_events_table,
    settings_of,
    write_plain_csv,
)
from banwatch.config import Settings, SourceConfig, load_settings
from banwatch.export import EXPORT_COLUMNS, iter_event_rows, open_output, write_csv, write_jsonl
from banwatch.extract.dates import PartialDate
from banwatch.jobs import JobResult, open_database, run_crawl_job
from banwatch.locks import LockBusy
from banwatch.store.db import session_factory, session_scope
from banwatch.store.events import EventFilters
from banwatch.store.models import Article, Source
from banwatch.vocabulary import ACTIONS, ACTOR_TYPES, LEVELS, STATUSES

app = typer.Typer(
    help="Watch the news for bans and moratoriums on technologies; review and export events.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    cls=BanwatchGroup,
)
db_app = typer.Typer(help="Manage the database schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")
event_app = typer.Typer(help="Review one event: accept, reject or edit it.", no_args_is_help=True)
app.add_typer(event_app, name="event")

DEMO_PORT = 8765


@app.callback()
def main(
    ctx: typer.Context,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="banwatch.toml to read.")
    ] = None,
    db: Annotated[
        str | None, typer.Option("--db", help="Database URL (overrides BANWATCH_DB).")
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="spaCy model to load.")] = None,
) -> None:
    """banwatch: news in, a reviewed table of ban and moratorium events out."""
    # A ConfigError is told as one line by BanwatchGroup, like every user error.
    ctx.obj = load_settings(config).with_overrides(db_url=db, model=model)


# -- crawling --------------------------------------------------------------------


def _adhoc_sources(
    feeds: list[str], pages: list[str], sitemaps: list[str], allow_private: bool
) -> list[SourceConfig]:
    """Sources named on the command line, crawled instead of the configured ones.

    Each is named ``kind:url`` so that its health is tracked across runs like a
    configured source's, and nothing is written to the configuration.
    """
    sources = []
    for kind, urls in (("feed", feeds), ("page", pages), ("sitemap", sitemaps)):
        for url in urls:
            sources.append(
                SourceConfig(name=f"{kind}:{url}", kind=kind, url=url, allow_private=allow_private)
            )
    return sources


def _progress_counts(snapshot: dict[str, Any]) -> str:
    parts = [
        f"{snapshot.get('requests', 0)} requests",
        f"{snapshot.get('articles_new', 0)} new",
        f"{snapshot.get('articles_updated', 0)} updated",
        f"{snapshot.get('articles_skipped', 0)} known",
        f"{snapshot.get('not_modified', 0)} not modified",
    ]
    failed = snapshot.get("errors", 0)
    parts.append(f"[red]{failed} errors[/red]" if failed else "0 errors")
    return " · ".join(parts)


def _run_with_progress(settings: Settings, sources: list[SourceConfig], **kwargs: Any) -> JobResult:
    """Run the job with a live display: sources done and counts while crawling, then extraction.

    The crawl's child process rewrites a small JSON file with its counts
    (``BANWATCH_PROGRESS_FILE``); each tick of the job reads it.
    """
    from banwatch.crawler.progress import read_progress

    with tempfile.TemporaryDirectory(prefix="banwatch-crawl-") as scratch:
        progress_file = Path(scratch) / "progress.json"
        overrides = {
            "BANWATCH_PROGRESS_FILE": str(progress_file),
            **(kwargs.pop("scrapy_overrides", None) or {}),
        }
        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
            console=errors,
            transient=True,
        ) as progress:
            crawl_task = progress.add_task(
                "crawling sources", total=len(sources), counts="starting the crawler"
            )
            extract_task = progress.add_task(
                "extracting events", total=None, visible=False, counts=""
            )

            def on_tick(_elapsed: float) -> None:
                snapshot = read_progress(progress_file)
                if snapshot is not None:
                    progress.update(
                        crawl_task,
                        completed=snapshot.get("sources_done", 0),
                        counts=_progress_counts(snapshot),
                    )
                progress.refresh()

            def on_extract(done: int, total: int) -> None:
                progress.update(crawl_task, visible=False)
                progress.update(extract_task, visible=True, completed=done, total=total)

            return run_crawl_job(
                settings,
                sources,
                on_crawl_tick=on_tick,
                on_extract_progress=on_extract,
                scrapy_overrides=overrides,
                **kwargs,
            )


def _run_locked(
    settings: Settings, sources: list[SourceConfig], wait: bool, **kwargs: Any
) -> JobResult:
    """Run the job if no other banwatch process is crawling the database.

    Otherwise: one line on stderr and exit status 75, or, with ``wait``, a
    line saying so and the run once the other process is done.
    """
    try:
        return _run_with_progress(settings, sources, **kwargs)
    except LockBusy as exc:
        if not wait:
            errors.print(f"not crawling: {exc}; --wait waits for it", markup=False, soft_wrap=True)
            raise typer.Exit(EXIT_BUSY) from exc
        errors.print(f"waiting until it is done: {exc}", markup=False, soft_wrap=True)
    return _run_with_progress(settings, sources, lock_wait=math.inf, **kwargs)


RUN_COUNTS = (
    "requests",
    "not_modified",
    "articles_new",
    "articles_updated",
    "articles_unchanged",
    "articles_skipped",
    "duplicate_links",
    "retries",
    "articles_extracted",
    "mentions",
    "events_new",
    "crawl_seconds",
)


def _source_status(outcome: dict[str, Any]) -> str:
    if not outcome.get("ok"):
        return "[red]failed[/red]"
    if outcome.get("not_modified"):
        return "[green]not modified[/green]"
    return "[green]ok[/green]"


def _print_run(result: JobResult) -> None:
    """The run's counts, errors by kind, and one health line per source."""
    stats = result.stats
    colour = "green" if result.status == "succeeded" else "red"
    table = Table(title=f"run {result.run_id}: [{colour}]{result.status}[/{colour}]")
    table.add_column("count")
    table.add_column("value", justify="right")
    for key in RUN_COUNTS:
        table.add_row(key, str(stats.get(key, 0)))
    for kind, count in sorted(stats.get("errors", {}).items()):
        table.add_row(f"[red]errors: {kind}[/red]", str(count))
    console.print(table)
    if result.sources:
        health = Table(title="sources")
        for column in ("source", "status", "new", "article errors", "failures", "last success"):
            health.add_column(column, overflow="fold")
        health.add_column("reason / warnings", overflow="fold")
        for name, outcome in sorted(result.sources.items()):
            failed = sorted((outcome.get("article_errors") or {}).items())
            article_errors = ", ".join(f"{kind} {count}" for kind, count in failed)
            warnings = outcome.get("warnings") or []
            reason = outcome.get("error") or (
                warnings[0] + (f" (+{len(warnings) - 1} more)" if len(warnings) > 1 else "")
                if warnings
                else ""
            )
            health.add_row(
                name,
                _source_status(outcome),
                str((outcome.get("articles") or {}).get("new", 0)),
                article_errors,
                str(outcome.get("consecutive_failures", 0)),
                (outcome.get("last_success_at") or "never")[:19],
                reason,
            )
        console.print(health)
    if result.error:
        errors.print(f"[red]{result.error}[/red]")


@app.command()
def crawl(
    ctx: typer.Context,
    feed: Annotated[list[str] | None, typer.Option("--feed", help="Crawl this feed URL.")] = None,
    page: Annotated[
        list[str] | None, typer.Option("--page", help="Crawl this listing page URL.")
    ] = None,
    sitemap: Annotated[
        list[str] | None, typer.Option("--sitemap", help="Crawl this sitemap URL.")
    ] = None,
    allow_private: Annotated[
        bool, typer.Option(help="Let ad-hoc sources reach loopback and private addresses.")
    ] = False,
    refresh: Annotated[
        bool,
        typer.Option(help="Refetch articles already stored, and feeds without conditional GET."),
    ] = False,
    extract: Annotated[bool, typer.Option(help="Extract events from new articles.")] = True,
    wait: Annotated[
        bool,
        typer.Option(
            "--wait",
            help="If another banwatch process is crawling this database, wait for it to"
            " finish instead of exiting with status 75.",
        ),
    ] = False,
    queue: QueueOption = None,
) -> None:
    """Crawl the configured sources (or only the given ones), then extract events.

    Shows live counts while it runs and ends with the run's summary and one
    health line per source (why a failed one failed). Exits 1 if the run failed;
    a failing source alone does not fail the run. One crawl at a time per
    database: exits 75 if another banwatch process is crawling it (or waits,
    with --wait). With --queue (or a configured queue) the crawl is spread over
    the `banwatch worker` processes serving it, and counted over all of them.
    """
    settings = crawl_settings_of(ctx, queue)
    sources = _adhoc_sources(feed or [], page or [], sitemap or [], allow_private)
    if not sources:
        sources = [s for s in settings.sources if s.enabled]
    if not sources:
        errors.print("no sources: add [[sources]] to banwatch.toml or pass --feed/--page/--sitemap")
        raise typer.Exit(2)
    result = _run_locked(settings, sources, wait, refresh=refresh, extract=extract)
    _print_run(result)
    if result.status != "succeeded":
        raise typer.Exit(1)


# -- extraction ------------------------------------------------------------------


def _extractor(settings: Settings) -> Any:
    """The extractor the settings call for; a decider setting naming no model is an error."""
    from banwatch.learning.team_model import LearningError, make_extractor

    try:
        return make_extractor(settings)
    except LearningError as exc:
        errors.print(f"[red]configuration error:[/red] {exc}")
        raise typer.Exit(2) from exc


def _parse_published(value: str | None) -> datetime | PartialDate | None:
    """A day (relative dates count from it) or only a month ("2019-05": a page that says
    no more; the story's own news is then dated to that month)."""
    if value is None:
        return None
    try:
        if len(value) == 7:
            date.fromisoformat(value + "-01")
            return PartialDate.parse(value)
        day = date.fromisoformat(value)
    except ValueError as exc:
        print_error(f"--published {value!r} is not a date in YYYY-MM-DD or YYYY-MM form")
        raise typer.Exit(2) from exc
    return datetime.combine(day, time(12), tzinfo=UTC)


@app.command("extract")
def extract_command(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Plain text or HTML files.", exists=True, dir_okay=False, readable=True
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD, or YYYY-MM when the page gives only "
                          "the month) relative dates resolve to."),
    ] = None,
    url: Annotated[str | None, typer.Option(help="The article's URL, for HTML input.")] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="With each event, the candidates behind it (the rule's cue and "
                          "sentence, or the decider's source and scores); then every dropped "
                          "candidate and the named check that dropped it.")] = False,
) -> None:
    """Print the events in FILES as JSON lines, touching no database.

    A file with no text in it (empty, binary, or a page without a story) is
    named on stderr; the others are still read, and the exit code is then 1.
    """
    from banwatch.extract.explain import explained_records
    from banwatch.extract.text import read_input

    settings = settings_of(ctx)
    when = _parse_published(published)
    texts = [(path, read_input(path)) for path in files]
    for path, text in texts:
        if not text.strip():
            print_error(f"{path}: no text found (empty, binary, or a page without an article)")
    readable = [(path, text) for path, text in texts if text.strip()]
    if readable:
        extractor = _extractor(settings)
    for path, text in readable:
        for record in explained_records(extractor.explain(text, when), detailed=explain):
            record["file"] = str(path)
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    if len(readable) < len(texts):
        raise typer.Exit(1)


# -- listing and export ----------------------------------------------------------


@app.command()
def events(
    ctx: typer.Context,
    output: FormatOption = OutputFormat.table,
    review_state: ReviewStateOption = None,
    status: StatusOption = None,
    action: ActionOption = None,
    actor_type: ActorTypeOption = None,
    country: CountryOption = None,
    region: RegionOption = None,
    topic: TopicOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: SearchOption = None,
) -> None:
    """List canonical events with their ids."""
    settings = settings_of(ctx)
    filters = event_filters(
        review_state, status, action, actor_type, country, region, topic, since, until, search
    )
    engine = open_database(settings)
    with session_factory(engine)() as session:
        rows = iter_event_rows(session, filters)
        if output is OutputFormat.jsonl:
            write_jsonl(rows, sys.stdout)
        elif output is OutputFormat.csv:
            write_csv(rows, sys.stdout)
        else:
            print_events_table(list(rows))


@app.command()
def export(
    ctx: typer.Context,
    out: Annotated[Path, typer.Argument(help="File to write ('-' for standard output).")],
    output: Annotated[ExportFormat, typer.Option("--format", "-f", help="csv or jsonl.")] = (
        ExportFormat.csv
    ),
    bom: Annotated[bool, typer.Option(help="Start the CSV with a BOM, for Excel.")] = False,
    review_state: ReviewStateOption = "accepted",
    status: StatusOption = None,
    action: ActionOption = None,
    actor_type: ActorTypeOption = None,
    country: CountryOption = None,
    region: RegionOption = None,
    topic: TopicOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: SearchOption = None,
) -> None:
    """Export canonical events, one row each, with stable columns."""
    settings = settings_of(ctx)
    filters = event_filters(
        review_state, status, action, actor_type, country, region, topic, since, until, search
    )
    engine = open_database(settings)
    count = export_events(engine, filters, out, output, bom)
    errors.print(f"wrote {count} event(s) to {out} ({', '.join(EXPORT_COLUMNS[:4])}, ...)")


def export_events(
    engine: Any, filters: EventFilters, out: Path, output: ExportFormat, bom: bool = False
) -> int:
    """Write matching events to ``out`` and return how many."""
    with session_factory(engine)() as session:
        rows = iter_event_rows(session, filters)
        if str(out) == "-":
            return (
                write_csv(rows, sys.stdout, bom=bom)
                if output is ExportFormat.csv
                else (write_jsonl(rows, sys.stdout))
            )
        with open_output(out) as handle:
            if output is ExportFormat.csv:
                return write_csv(rows, handle, bom=bom)
            return write_jsonl(rows, handle)


@app.command()
def articles(
    ctx: typer.Context,
    output: FormatOption = OutputFormat.table,
    with_text: Annotated[bool, typer.Option(help="Include the article text.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many, newest first.")] = 1000,
) -> None:
    """List stored articles."""
    settings = settings_of(ctx)
    engine = open_database(settings)
    with session_factory(engine)() as session:
        query = (
            select(Article, Source.name)
            .outerjoin(Source, Article.source_id == Source.id)
            .order_by(Article.published_at.desc().nulls_last(), Article.id.desc())
            .limit(limit)
        )
        rows = [
            _article_row(article, source, with_text) for article, source in session.execute(query)
        ]
    if output is OutputFormat.jsonl:
        write_jsonl(rows, sys.stdout)
        return
    if output is OutputFormat.csv:
        write_plain_csv(rows, sys.stdout)
        return
    table = Table(title=f"articles ({len(rows)})")
    for column in ("id", "published", "source", "title", "url", "chars"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            str(row["id"]),
            row["published_date"] or "",
            row["source"] or "",
            row["title"] or "",
            row["canonical_url"],
            str(row["text_length"]),
        )
    console.print(table)


def _article_row(article: Article, source: str | None, with_text: bool) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": article.id,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "source": source,
        "title": article.title,
        "author": article.author,
        "published": article.published_at.isoformat() if article.published_at else None,
        "published_date": article.published_date.isoformat() if article.published_date else None,
        "fetched": article.fetched_at.isoformat(),
        "language": article.language,
        "text_length": len(article.text),
    }
    if with_text:
        row["text"] = article.text
    return row


# -- the demo and the database ---------------------------------------------------


@app.command()
def demo(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option(help="CSV file to write the events to.")] = Path(
        "events.csv"
    ),
    port: Annotated[
        int,
        typer.Option(
            help="Loopback port for the sample site; 0 picks any free port. The same "
            "port on every run keeps article URLs stable, so a re-run fetches nothing "
            "twice."
        ),
    ] = DEMO_PORT,
) -> None:
    """Serve the bundled sample site on 127.0.0.1, crawl it, extract, and export events."""
    from banwatch.sample_site import serve_sample_site

    settings = settings_of(ctx)
    with ExitStack() as stack:
        try:
            base_url = stack.enter_context(serve_sample_site(port=port))
        except OSError as exc:
            errors.print(
                f"[yellow]port {port} is taken ({exc.strerror}); using a free port: articles"
                " get new URLs and are fetched again[/yellow]"
            )
            base_url = stack.enter_context(serve_sample_site(port=0))
        errors.print(f"sample site at {base_url}")
        result = _run_locked(settings, demo_sources(base_url), wait=False)
    _print_run(result)
    engine = open_database(settings)
    filters = EventFilters(review_state="any")
    with session_factory(engine)() as session:
        print_events_table(list(iter_event_rows(session, filters)), title="events in the database")
    count = export_events(engine, filters, out, ExportFormat.csv)
    console.print(f"wrote {count} event(s) to {out}; database: {settings.db_url}")
    if result.status != "succeeded":
        raise typer.Exit(1)


def demo_sources(base_url: str) -> list[SourceConfig]:
    """The sample site's feeds and listing page, allowed to reach loopback."""
    return [
        SourceConfig("sample-rss", "feed", f"{base_url}/feed.xml", allow_private=True),
        SourceConfig("sample-atom", "feed", f"{base_url}/atom.xml", allow_private=True),
        SourceConfig(
            "sample-listing",
            "page",
            f"{base_url}/index.html",
            allow=(r"/articles/",),
            allow_private=True,
        ),
    ]


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context) -> None:
    """Apply any pending schema migrations (the other commands do this on start too)."""
    settings = settings_of(ctx)
    open_database(settings)
    console.print(f"database schema is up to date: {settings.db_url}")


# -- review decisions, re-extraction, timelines ---------------------------------

ReviewerOption = Annotated[
    str | None,
    typer.Option(help="Who decides (recorded in the audit log); default: $USER."),
]


def _reviewer(value: str | None) -> str:
    import getpass

    return value or os.environ.get("BANWATCH_REVIEWER") or getpass.getuser() or "cli"


def _decide(ctx: typer.Context, decide: Any) -> None:
    from banwatch.store.review import ReviewError

    settings = settings_of(ctx)
    engine = open_database(settings)
    try:
        with session_scope(engine) as session:
            entry = decide(session)
            console.print(
                f"event {entry.event_id}: {entry.decision} by {entry.reviewer}"
                f" -> {entry.after.get('review_state')}"
            )
    except ReviewError as exc:
        errors.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc


@event_app.command("accept")
def event_accept(
    ctx: typer.Context,
    event_id: Annotated[int, typer.Argument(help="Event id (see `banwatch events`).")],
    note: Annotated[str | None, typer.Option(help="A note kept with the decision.")] = None,
    reviewer: ReviewerOption = None,
) -> None:
    """Accept an event: it will be exported."""
    from banwatch.store.review import accept_event

    _decide(ctx, lambda session: accept_event(session, event_id, _reviewer(reviewer), note))


@event_app.command("reject")
def event_reject(
    ctx: typer.Context,
    event_id: Annotated[int, typer.Argument(help="Event id.")],
    reason: Annotated[str, typer.Option(help="Why it is wrong (required).")],
    reviewer: ReviewerOption = None,
) -> None:
    """Reject an event; re-extraction will not bring it back."""
    from banwatch.store.review import reject_event

    _decide(ctx, lambda session: reject_event(session, event_id, _reviewer(reviewer), reason))


@event_app.command("edit")
def event_edit(
    ctx: typer.Context,
    event_id: Annotated[int, typer.Argument(help="Event id.")],
    actor: Annotated[str | None, typer.Option(help="Canonical actor name.")] = None,
    actor_type: Annotated[str | None, typer.Option(help=f"{one_of(ACTOR_TYPES)}.")] = None,
    level: Annotated[str | None, typer.Option(help=f"{one_of(LEVELS)}.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2.")] = None,
    region: Annotated[str | None, typer.Option(help="Subdivision code.")] = None,
    action: Annotated[str | None, typer.Option(help=f"{one_of(ACTIONS)}.")] = None,
    status: Annotated[str | None, typer.Option(help=f"{one_of(STATUSES)}.")] = None,
    scope: Annotated[str | None, typer.Option(help="Whose use, e.g. 'police use'.")] = None,
    technology: Annotated[str | None, typer.Option(help="The technology.")] = None,
    date: Annotated[str | None, typer.Option(help="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="'indefinite' or an ISO date.")] = None,
    note: Annotated[str | None, typer.Option(help="A note kept with the decision.")] = None,
    reviewer: ReviewerOption = None,
) -> None:
    """Correct any field of an event; the value survives later re-extraction."""
    from banwatch.store.review import edit_event

    given = {
        "actor": actor,
        "actor_type": actor_type,
        "level": level,
        "country": country,
        "region": region,
        "action": action,
        "status": status,
        "scope": scope,
        "technology": technology,
        "date": date,
        "until": until,
    }
    changes = {field: value for field, value in given.items() if value is not None}
    _decide(ctx, lambda session: edit_event(session, event_id, _reviewer(reviewer), changes, note))


@app.command()
def reextract(
    ctx: typer.Context,
    everything: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Re-read every article, not only those not yet read by this extractor version.",
        ),
    ] = False,
) -> None:
    """Run the current extractor (with the decider [learning] names, the team's model by
    default) over stored articles; review decisions are kept."""
    from banwatch.extraction import extract_stored_articles

    settings = settings_of(ctx)
    engine = open_database(settings)
    extractor = _extractor(settings)
    counts = extract_stored_articles(engine, extractor, stale=True, everything=everything)
    console.print(
        f"re-extracted {counts.articles} article(s) with extractor {extractor.version}:"
        f" {counts.mentions} mention(s), {counts.events_new} new event(s)"
    )


@app.command()
def timeline(
    ctx: typer.Context,
    actor: Annotated[str, typer.Argument(help="Actor name, e.g. Amazon or 'Portland'.")],
    output: FormatOption = OutputFormat.table,
) -> None:
    """Print one actor's events in date order, with what each one amends."""
    from banwatch.store.events import actor_timeline

    settings = settings_of(ctx)
    engine = open_database(settings)
    with session_factory(engine)() as session:
        events = actor_timeline(session, actor)
        rows = [
            {
                "event_id": e.id,
                "actor": e.actor,
                "country": e.country,
                "region": e.region,
                "date": e.date,
                "action": e.action,
                "status": e.status,
                "scope": e.scope,
                "until": e.until,
                "amends": e.amends_event_id,
                "review_state": e.review_state,
                "sources": e.source_count,
            }
            for e in events
        ]
    if not rows:
        errors.print(f"no events for {actor!r}")
        raise typer.Exit(1)
    if output is not OutputFormat.table:
        (write_jsonl if output is OutputFormat.jsonl else write_plain_csv)(rows, sys.stdout)
        return
    table = Table(title=f"timeline: {actor}")
    for column in ("date", "action", "status", "scope", "until", "where", "id", "amends", "review"):
        table.add_column(column)
    for row in rows:
        where = "-".join(x for x in (row["country"], row["region"]) if x)
        table.add_row(
            row["date"] or "?",
            row["action"],
            row["status"],
            row["scope"] or "",
            row["until"] or "",
            where,
            str(row["event_id"]),
            str(row["amends"] or ""),
            row["review_state"],
        )
    console.print(table)


# -- command groups from their own modules ----------------------------------------
# Each module exposes register(app); add a line here for a new one.
cli_schedule.register(app)
cli_review.register(app)
cli_overview.register(app)
cli_train.register(app)
cli_worker.register(app)
