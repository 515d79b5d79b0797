"""plotly.js figure specs (plain JSON-able dicts) for the timeline and the two maps.

The figures are built as dicts rather than with plotly's Python graph objects:
the page only needs JSON for ``Plotly.newPlot``, and dicts keep rendering fast
and the output easy to assert on in tests.

Maps use plotly's ``geo`` subplots (SVG, drawn from topojson that ships with
banwatch), never tile-based map traces, so nothing is fetched from a tile server.
Each current state gets one trace with a one-colour scale, which gives a legend
of states rather than a continuous colour bar.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from html import escape
from typing import Any

from banwatch.overview.data import ActorStatus, OverviewData
from banwatch.places import alpha3
from banwatch.standing import CURRENT_STATES, STRENGTH
from banwatch.vocabulary import ACTIONS

ACTION_COLOURS: dict[str, str] = {
    "ban": "#b2182b",
    "moratorium": "#e66101",
    "extension": "#f6b26b",
    "restriction": "#d9b41f",
    "repeal": "#5f5f5f",
    "exit": "#5e3c99",
}
STATE_COLOURS: dict[str, str] = {
    "exit": ACTION_COLOURS["exit"],
    "ban": ACTION_COLOURS["ban"],
    "moratorium": ACTION_COLOURS["moratorium"],
    "restriction": ACTION_COLOURS["restriction"],
    "repealed": "#8f8f8f",
    "lapsed": "#c9c9c9",
}
EU_OUTLINE = "#1f3b73"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


def hover(actor: ActorStatus, via: str | None = None) -> str:
    """Hover text: who, where, the current status and the last few decisions (escaped)."""
    place = "-".join(x for x in (actor.country, actor.region) if x)
    head = f"<b>{escape(actor.actor)}</b>" + (f" ({escape(place)})" if place else "")
    if via:
        head = f"<b>{escape(via)}</b> via {head}"
    lines = [head, escape(actor.current.label if actor.current else "no enacted decision")]
    if actor.point is not None and actor.point.placed_by != "city":
        lines.append(f"<i>placed at {escape(actor.point.placed_by)}</i>")
    for event in actor.history[-4:]:
        lines.append(
            escape(f"{event.date or 'undated'}: {event.action}, {event.status}")
            + (f" ({escape(event.scope)})" if event.scope else "")
        )
    return "<br>".join(lines)


def _strongest(
    actors: Iterable[ActorStatus], key: Callable[[ActorStatus], Any]
) -> list[ActorStatus]:
    """One actor per place (several topics may share it): the strongest current state."""
    best: dict[Any, ActorStatus] = {}
    for actor in actors:
        place = key(actor)
        if actor.state is None:
            continue
        if place not in best or STRENGTH[actor.state] > STRENGTH[best[place].state or "lapsed"]:
            best[place] = actor
    return list(best.values())


def _layout(**extra: Any) -> dict[str, Any]:
    layout: dict[str, Any] = {
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "font": {"family": FONT, "size": 13},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "legend": {"orientation": "h", "y": -0.02, "x": 0},
        "hoverlabel": {"align": "left"},
    }
    layout.update(extra)
    return layout


def timeline_figure(data: OverviewData) -> dict[str, Any]:
    """Stacked monthly bars, one trace per action, in the order actions usually come."""
    timeline = data.timeline
    traces = []
    for action in ACTIONS:
        counts = timeline.counts.get(action, ())
        if not any(counts):
            continue
        traces.append(
            {
                "type": "bar",
                "name": action,
                "x": list(timeline.months),
                "y": list(counts),
                "marker": {"color": ACTION_COLOURS[action]},
                "hovertemplate": f"%{{x}}: %{{y}} {action}<extra></extra>",
            }
        )
    layout = _layout(
        barmode="stack",
        height=320,
        margin={"l": 40, "r": 10, "t": 10, "b": 60},
        xaxis={"type": "category", "tickangle": -45, "automargin": True},
        yaxis={"title": {"text": "events"}, "rangemode": "tozero", "dtick": 1},
        hovermode="closest",
        bargap=0.15,
        legend={"orientation": "h", "y": 1.12, "x": 0, "traceorder": "normal"},
    )
    per_month = [sum(column) for column in zip(*timeline.counts.values(), strict=True)]
    if per_month and max(per_month) > 12:
        layout["yaxis"].pop("dtick")
    return {"data": traces, "layout": layout}


def _choropleth(
    state: str,
    locations: list[str],
    texts: list[str],
    locationmode: str,
    *,
    name: str | None = None,
    outline: tuple[str, float] = ("white", 0.8),
    showlegend: bool = True,
) -> dict[str, Any]:
    colour = STATE_COLOURS[state]
    return {
        "type": "choropleth",
        "locationmode": locationmode,
        "locations": locations,
        "z": [1] * len(locations),
        "zmin": 0,
        "zmax": 1,
        "colorscale": [[0, colour], [1, colour]],
        "showscale": False,
        "name": name or state,
        "legendgroup": state,
        "showlegend": showlegend,
        "text": texts,
        "hovertemplate": "%{text}<extra></extra>",
        "marker": {"line": {"color": outline[0], "width": outline[1]}},
    }


def _point_traces(points: Sequence[ActorStatus], legend_shown: set[str]) -> list[dict[str, Any]]:
    """One marker trace per current state, in legend order; a state already in the
    legend (from the choropleth) is not listed twice. Updates ``legend_shown``."""
    traces = []
    for state in CURRENT_STATES:
        chosen = [a for a in points if a.state == state]
        if chosen:
            traces.append(_points(chosen, state, showlegend=state not in legend_shown))
            legend_shown.add(state)
    return traces


def _points(actors: Sequence[ActorStatus], state: str, *, showlegend: bool) -> dict[str, Any]:
    return {
        "type": "scattergeo",
        "mode": "markers",
        "name": state,
        "legendgroup": state,
        "showlegend": showlegend,
        "lat": [a.point.lat for a in actors if a.point],
        "lon": [a.point.lon for a in actors if a.point],
        "text": [hover(a) for a in actors if a.point],
        "hovertemplate": "%{text}<extra></extra>",
        "marker": {
            "size": 10,
            "color": STATE_COLOURS[state],
            "line": {"color": "white", "width": 1},
        },
    }


def _placeholder() -> dict[str, Any]:
    """An empty trace, so that the map (the geo subplot) is drawn even with no data."""
    return {
        "type": "scattergeo",
        "lat": [],
        "lon": [],
        "showlegend": False,
        "hoverinfo": "skip",
    }


def us_map_figure(data: OverviewData) -> dict[str, Any]:
    """US states coloured by their current state; cities and counties as dots."""
    states = _strongest(data.us_states, key=lambda a: a.region)
    points = _strongest(data.us_points, key=lambda a: (a.point.lat, a.point.lon) if a.point else 0)
    traces: list[dict[str, Any]] = [_placeholder()]
    legend_shown: set[str] = set()
    for state in CURRENT_STATES:
        chosen = [a for a in states if a.state == state]
        if chosen:
            traces.append(
                _choropleth(
                    state,
                    [a.region or "" for a in chosen],
                    [hover(a) for a in chosen],
                    "USA-states",
                    showlegend=state not in legend_shown,
                )
            )
            legend_shown.add(state)
    traces.extend(_point_traces(points, legend_shown))
    layout = _layout(
        height=460,
        geo={
            "scope": "usa",
            "projection": {"type": "albers usa"},
            "fitbounds": False,
            "resolution": 110,
            "showland": True,
            "landcolor": "#eeeeee",
            "showlakes": True,
            "lakecolor": "#ffffff",
            "subunitcolor": "#ffffff",
            "bgcolor": "rgba(0,0,0,0)",
        },
    )
    return {"data": traces, "layout": layout}


def world_map_figure(data: OverviewData) -> dict[str, Any]:
    """Countries by their own current state; the EU's member states by the EU's.

    The EU acting as a bloc colours each member state in the colour of the EU's
    current state, outlined in dark blue and named "EU (bloc)" in the legend and
    the hover text. A member's own national decision is drawn on top of it.
    """
    traces: list[dict[str, Any]] = [_placeholder()]
    legend_shown: set[str] = set()
    for bloc in _strongest(data.blocs, key=lambda a: "EU"):
        assert bloc.state is not None
        members = [code for code in (alpha3(c) for c in data.eu_members) if code]
        traces.append(
            _choropleth(
                bloc.state,
                members,
                [hover(bloc, via=_country_name(code)) for code in members],
                "ISO-3",
                name=f"EU (bloc): {bloc.state}",
                outline=(EU_OUTLINE, 1.2),
                showlegend=True,
            )
        )
    countries = _strongest(data.countries, key=lambda a: a.country)
    for state in CURRENT_STATES:
        chosen = [a for a in countries if a.state == state]
        if chosen:
            traces.append(
                _choropleth(
                    state,
                    [alpha3(a.country) or "" for a in chosen],
                    [hover(a) for a in chosen],
                    "ISO-3",
                )
            )
            legend_shown.add(state)
    points = _strongest(
        data.world_points, key=lambda a: (a.point.lat, a.point.lon) if a.point else 0
    )
    traces.extend(_point_traces(points, legend_shown))
    layout = _layout(
        height=460,
        geo={
            "scope": "world",
            "projection": {"type": "natural earth"},
            # plotly.js 4 zooms to the data unless told not to: show the whole world.
            "fitbounds": False,
            "lonaxis": {"range": [-180, 180]},
            "lataxis": {"range": [-58, 85]},
            "resolution": 110,
            "showframe": False,
            "showcountries": True,
            "countrycolor": "#ffffff",
            "showland": True,
            "landcolor": "#eeeeee",
            "showocean": False,
            "showlakes": False,
            "bgcolor": "rgba(0,0,0,0)",
        },
    )
    return {"data": traces, "layout": layout}


def _country_name(alpha_3: str) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_3=alpha_3)
    return found.name if found else alpha_3
