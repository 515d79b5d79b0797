"""``banwatch overview``: the timeline and maps as one self-contained HTML file.

The file inlines plotly.js, the map shapes and the page's script, so it can be
mailed to someone and opened with no network and no banwatch install.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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
    errors,
    event_filters,
    settings_of,
)
from banwatch.jobs import open_database
from banwatch.store.db import session_factory


def register(app: typer.Typer) -> None:
    """Add ``overview`` to the banwatch app."""
    app.command("overview")(overview)


def overview(
    ctx: typer.Context,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="HTML file to write ('-' for standard output).")
    ] = Path("overview.html"),
    events_url: Annotated[
        str,
        typer.Option(
            help="Review app page the month bars link to (e.g. https://banwatch.example.org/"
            "queue); by default they jump to the month's events listed in the file itself."
        ),
    ] = "",
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
    """Write the overview (timeline, US and world maps, companies) as one offline HTML file."""
    from banwatch.overview import overview_data, render_overview
    from banwatch.overview.render import waiting_for_review

    settings = settings_of(ctx)
    filters = event_filters(
        review_state, status, action, actor_type, country, region, topic, since, until, search
    )
    engine = open_database(settings)
    try:
        with session_factory(engine)() as session:
            data = overview_data(session, filters)
    finally:
        engine.dispose()
    page = render_overview(data, standalone=True, events_url=events_url)
    waiting = waiting_for_review(data)
    if waiting:
        errors.print(
            f"no {data.filters.review_state} events match, so the overview is empty;"
            f" in other review states: {waiting}. Include them with --review-state any,"
            " or review them with banwatch serve."
        )
    if str(out) == "-":
        typer.echo(page, nl=False)
        return
    out.write_text(page, encoding="utf-8")
    errors.print(
        f"wrote {out} ({len(page) // 1024} KiB): {data.timeline.total} event(s),"
        f" {len(data.us_states) + len(data.us_points)} US place(s),"
        f" {len(data.countries) + len(data.blocs) + len(data.world_points)} elsewhere,"
        f" {len(data.companies)} compan{'y' if len(data.companies) == 1 else 'ies'}"
    )
