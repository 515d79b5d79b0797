"""The rendered page and the ``banwatch overview`` command, without a browser.

What the browser tests prove by running the page, these pin in the HTML: the
served page runs no inline script or style (the review app's CSP), the
standalone file references nothing outside itself, and scraped text cannot
break out of the page's JSON or markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from typer.testing import CliRunner

from banwatch.cli import app as cli_app
from banwatch.overview import OVERVIEW_STATIC_DIR, OverviewData, overview_data, render_overview
from banwatch.overview.render import plotly_css, plotly_js_path, script_json
from banwatch.store.db import session_scope
from banwatch.store.events import EventFilters

EVENTS = (
    {"actor": "San Francisco", "region": "CA", "action": "ban", "date": "2019-05-14"},
    {"actor": "Virginia", "level": "state", "region": "VA", "action": "ban", "date": "2021-07"},
    {"actor": "Virginia", "level": "state", "region": "VA", "action": "repeal", "date": "2022-07"},
    {"actor": "European Union", "level": "supranational", "country": "EU", "action": "ban",
     "date": "2024-05-21"},
    {"actor": "IBM", "actor_type": "company", "level": None, "action": "exit",
     "date": "2020-06-08"},
    {"actor": "Somerville", "region": "MA", "action": "ban", "date": "2019-06-27",
     "review_state": "pending"},
)  # fmt: skip


def _data(engine: Engine, filters: EventFilters | None = None) -> OverviewData:
    with session_scope(engine) as session:
        return overview_data(session, filters or EventFilters(), today=date(2025, 1, 1))


def _figures(html: str) -> dict:
    found = re.search(r'<script type="application/json" id="overview-figures">(.*?)</script>', html)
    assert found, "the figures block is missing"
    return json.loads(found.group(1))


def _executable_scripts(html: str) -> list[str]:
    """Opening tags of scripts a browser would run (JSON data blocks are not run)."""
    tags = re.findall(r"<script\b[^>]*>", html)
    return [tag for tag in tags if 'type="application/json"' not in tag]


def test_served_page_links_its_assets_and_runs_nothing_inline(
    engine: Engine, add_events: Callable
) -> None:
    add_events(*EVENTS)
    html = render_overview(_data(engine), standalone=False, asset_base="/ov/static/")
    scripts = _executable_scripts(html)
    assert scripts and all(" src=" in tag for tag in scripts), scripts
    assert "<style" not in html and " style=" not in html, "the CSP refuses inline styles"
    assert re.search(r'<script src="/ov/static/vendor/plotly-[\d.]+\.min\.js">', html)
    assert 'id="plotly.js-style-global" class="no-inline-styles"' in html
    assert _figures(html)["config"]["topojsonURL"] == "/ov/static/topojson/"
    for src in re.findall(r'(?:src|href)="(/ov/static/[^"]+)"', html):
        assert (OVERVIEW_STATIC_DIR / src.removeprefix("/ov/static/")).is_file(), src


def test_month_links_carry_the_filters(engine: Engine, add_events: Callable) -> None:
    add_events(*EVENTS)
    filters = EventFilters(review_state="any", topic="facial_recognition", text="san")
    html = render_overview(_data(engine, filters), standalone=False, events_url="/queue")
    links = _figures(html)["monthLinks"]
    assert links["2019-05"] == (
        "/queue?review_state=any&topic=facial_recognition&since=2019-05&until=2019-05&q=san"
    )
    link = "/queue?review_state=any&topic=facial_recognition&since=2019-05&until=2019-05&q=san"
    assert f'<a href="{link.replace("&", "&amp;")}' in html
    standalone = render_overview(_data(engine), standalone=True, events_url="")
    assert _figures(standalone)["monthLinks"]["2019-05"] == "#month-2019-05"
    assert 'id="month-2019-05"' in standalone


def test_standalone_page_inlines_everything(engine: Engine, add_events: Callable) -> None:
    add_events(*EVENTS)
    html = render_overview(_data(engine), standalone=True)
    assert all(" src=" not in tag for tag in _executable_scripts(html))
    assert '<link rel="stylesheet"' not in html
    fetchable = re.findall(r'<(?:script|link|img|iframe)\b[^>]*(?:src|href)="([^"]*)"', html)
    assert fetchable == ["data:,"], fetchable
    for name in ("usa_110m", "world_110m"):
        block = re.search(rf'id="topojson-{name}">(.*?)</script>', html)
        assert block and json.loads(block.group(1))["type"] == "Topology"
    assert plotly_js_path().read_text(encoding="utf-8")[:2000] in html


def test_the_maps_draw_current_status_and_the_eu_as_a_bloc(
    engine: Engine, add_events: Callable
) -> None:
    add_events(*EVENTS)
    figures = _figures(render_overview(_data(engine), standalone=True))
    us = {trace.get("name"): trace for trace in figures["usMap"]["data"]}
    assert us["repealed"]["locations"] == ["VA"] and "ban" not in [
        t.get("name") for t in figures["usMap"]["data"] if t.get("locations") == ["VA"]
    ]
    assert us["ban"]["type"] == "scattergeo" and "San Francisco" in us["ban"]["text"][0]
    world = {trace.get("name"): trace for trace in figures["worldMap"]["data"]}
    eu = world["EU (bloc): ban"]
    assert len(eu["locations"]) == 27 and "DEU" in eu["locations"]
    assert "via" in eu["text"][0]
    timeline = {trace["name"]: trace for trace in figures["timeline"]["data"]}
    assert set(timeline) == {"ban", "repeal", "exit"}, "pending Somerville is not counted"


def test_scraped_text_cannot_break_out_of_the_page(engine: Engine, add_events: Callable) -> None:
    evil = "</script><script>alert(1)</script>"
    add_events(
        {"actor": f"Evil {evil}", "region": "CA", "action": "ban", "date": "2020-01",
         "scope": "<img src=x onerror=alert(1)>", "actor_type": "company", "level": None},
        {"actor": "San Francisco", "region": "CA", "action": "ban", "date": "2019-05",
         "scope": evil},
    )  # fmt: skip
    for standalone in (True, False):
        html = render_overview(_data(engine), standalone=standalone)
        assert "<script>alert(1)" not in html and "<img src=x" not in html
        assert "Evil &lt;/script&gt;" in html
        hover = _figures(html)["usMap"]["data"]
        assert any("&lt;/script&gt;" in text for t in hover for text in t.get("text", []))
    assert str(script_json({"a": "</script>&"})) == '{"a":"\\u003c/script\\u003e\\u0026"}'


def test_plotly_css_is_read_out_of_the_bundle() -> None:
    css = plotly_css(plotly_js_path().read_text(encoding="utf-8"))
    assert css is not None
    assert ".js-plotly-plot .plotly .main-svg{position:absolute;" in css
    assert ".plotly-notifier{" in css
    assert plotly_css("no plotly here") is None


def test_overview_command_writes_a_standalone_file(
    engine: Engine, add_events: Callable, tmp_path: Path
) -> None:
    add_events(*EVENTS)
    url = str(engine.url)
    out = tmp_path / "shared.html"
    result = CliRunner().invoke(cli_app, ["--db", url, "overview", "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "5 events (accepted only)" in html
    assert all(" src=" not in tag for tag in _executable_scripts(html))

    everything = CliRunner().invoke(
        cli_app,
        ["--db", url, "overview", "--out", "-", "--review-state", "any", "--since", "2019-06",
         "--until", "2019-06", "--events-url", "https://banwatch.example.org/queue"],
    )  # fmt: skip
    assert everything.exit_code == 0, everything.output
    assert "1 event (all review states, 2019-06 to 2019-06)" in everything.output
    links = _figures(everything.output)["monthLinks"]
    assert links == {
        "2019-06": "https://banwatch.example.org/queue?review_state=any&since=2019-06&until=2019-06"
    }
