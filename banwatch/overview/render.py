"""The overview page as HTML: served beside the review app, or as one standalone file.

Served (``standalone=False``), the page links its assets under ``asset_base`` and
runs no inline script or style, so it works under the review app's strict
Content-Security-Policy (``script-src 'self'; style-src 'self'``):

- plotly.js is copied from the installed ``plotly`` package into
  ``static/vendor/`` (git-ignored) the first time a page is rendered, under a
  versioned name, rather than committing 4.8 MB of minified JavaScript;
- plotly's own CSS rules, which it would otherwise inject as a ``<style>``
  element, are extracted from that copy into ``static/vendor/plotly-*.css`` and
  linked with the id and class plotly looks for to skip the injection;
- map shapes are served from ``static/topojson/`` (plotly's ``topojsonURL``).

Standalone, every asset is inlined: the CSS, plotly.js, our script and both
topojson files, which are loaded into plotly's topojson cache before plotting,
so plotly never requests them. The file renders with the network off.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment
from markupsafe import Markup

from banwatch.overview.data import OverviewData
from banwatch.overview.figures import (
    ACTION_COLOURS,
    STATE_COLOURS,
    timeline_figure,
    us_map_figure,
    world_map_figure,
)
from banwatch.standing import CURRENT_STATES
from banwatch.vocabulary import ACTIONS
from banwatch.web.filters import CHOICES, filter_query_string, filters_to_params
from banwatch.web.templates import template_environment

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
OVERVIEW_STATIC_DIR = PACKAGE_DIR / "static"
TEMPLATES_DIR = PACKAGE_DIR / "templates"
VENDOR_DIR = OVERVIEW_STATIC_DIR / "vendor"
TOPOJSON_NAMES = ("usa_110m", "world_110m")


def plotly_js_path() -> Path:
    """plotly.min.js as shipped inside the installed ``plotly`` Python package."""
    import plotly

    return Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


@lru_cache(maxsize=1)
def plotly_js_version() -> str:
    """The plotly.js version (from the bundle's banner), used in the vendored file names."""
    head = plotly_js_path().read_text(encoding="utf-8")[:200]
    found = re.search(r"plotly\.js v(\d+\.\d+\.\d+)", head)
    return found.group(1) if found else "unknown"


_JS_STRING = r"(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')"
_CSS_PAIR = re.compile(rf"\s*({_JS_STRING}|[A-Za-z_$][\w$]*)\s*:\s*({_JS_STRING})\s*([,}}])")


def _js_string(literal: str) -> str:
    """The value of a JS string literal (or an unquoted object key, as is)."""
    if literal[:1] not in ("'", '"'):
        return literal
    return re.sub(r"\\(.)", r"\1", literal[1:-1])


def plotly_css(plotly_js: str) -> str | None:
    """plotly.js's global CSS rules, read out of its bundle, as a stylesheet.

    plotly.js keeps them as an object literal of selector -> declarations, with
    ``X`` standing for ``.js-plotly-plot .plotly`` and ``Y`` for
    ``.plotly-notifier``, and inserts them at load time. None when the bundle's
    layout is not recognised (the served page then lets plotly inject them,
    which a strict CSP refuses: the check in the browser tests would catch it).
    """
    start = plotly_js.find('{"X,X div":')
    if start < 0:
        return None
    rules = []
    position = start + 1
    while True:
        match = _CSS_PAIR.match(plotly_js, position)
        if match is None:
            return None
        selector = _js_string(match.group(1))
        selector = re.sub(r"^,", " ,", selector)
        selector = selector.replace("X", ".js-plotly-plot .plotly").replace("Y", ".plotly-notifier")
        rules.append(f"{selector}{{{_js_string(match.group(2))}}}")
        position = match.end()
        if match.group(3) == "}":
            return "\n".join(rules) + "\n"


_BUNDLED_STYLE = re.compile(
    r'document\.getElementById\("([0-9a-f]{64})"\)\)\{var \w+=document\.createElement\("style"\)'
)


@lru_cache(maxsize=1)
def bundled_style_ids() -> tuple[str, ...]:
    """Ids of the ``<style>`` elements plotly.js's bundled libraries inject unless present.

    MapLibre's CSS is injected at load time by an element id check; the page
    puts an empty element with that id in place (we draw no MapLibre maps), so
    nothing is injected and a strict CSP has nothing to refuse.
    """
    return tuple(
        dict.fromkeys(_BUNDLED_STYLE.findall(plotly_js_path().read_text(encoding="utf-8")))
    )


@dataclass(frozen=True)
class VendorAssets:
    """Names of the vendored plotly files under ``asset_base/vendor/`` (None: unavailable)."""

    js: str | None
    css: str | None
    style_ids: tuple[str, ...] = ()


def ensure_vendor_assets() -> VendorAssets:
    """Copy plotly.js (and its CSS) into ``static/vendor/`` if not there yet.

    Done on first render rather than at import, so importing the package has no
    side effects; a read-only install makes the served page inline plotly.js
    instead (and logs why), which still works without a CSP.
    """
    version = plotly_js_version()
    js_name, css_name = f"plotly-{version}.min.js", f"plotly-{version}.css"
    js_path, css_path = VENDOR_DIR / js_name, VENDOR_DIR / css_name
    try:
        if not js_path.exists():
            VENDOR_DIR.mkdir(exist_ok=True)
            partial = js_path.with_suffix(".tmp")
            shutil.copyfile(plotly_js_path(), partial)
            partial.replace(js_path)
        if not css_path.exists():
            css = plotly_css(js_path.read_text(encoding="utf-8"))
            if css is None:
                log.warning("plotly.js %s: CSS rules not found; plotly will inject them", version)
                return VendorAssets(js_name, None)
            css_path.write_text(css, encoding="utf-8")
    except OSError as exc:
        log.warning("cannot vendor plotly.js into %s (%s); inlining it", VENDOR_DIR, exc)
        return VendorAssets(None, None)
    return VendorAssets(js_name, css_name, bundled_style_ids())


def script_json(value: Any) -> Markup:
    """JSON safe to place inside ``<script type="application/json">``: no ``<``, ``>``, ``&``."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def inline_script(source: str) -> Markup:
    """JavaScript to inline in a ``<script>`` element: no ``</script`` may end it early."""
    return Markup(re.sub(r"</(script)", r"<\\/\1", source, flags=re.IGNORECASE))


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return template_environment(TEMPLATES_DIR)


def _read_static(name: str) -> str:
    return (OVERVIEW_STATIC_DIR / name).read_text(encoding="utf-8")


def _link(base: str, query: str) -> str:
    if not query:
        return base
    return f"{base}{'&' if '?' in base else '?'}{query}"


def filter_query(data: OverviewData, **overrides: str | None) -> str:
    """The page's filters as a query string the app's pages read, with overrides applied."""
    return filter_query_string({**filters_to_params(data.filters), **overrides})


def describe_filters(data: OverviewData) -> str:
    """The filters in words, for the page's summary line ("accepted only, topic x, ...")."""
    f = data.filters
    parts = ["all review states" if f.review_state == "any" else f"{f.review_state} only"]
    named = (
        ("topic", f.topic),
        ("action", f.action),
        ("actor type", f.actor_type),
        ("country", f.country),
        ("region", f.region),
    )
    parts += [f"{name} {value}" for name, value in named if value]
    if f.status:
        parts.append(f.status)
    if f.date_from or f.date_to:
        parts.append(f"{f.date_from or '…'} to {f.date_to or '…'}")
    if f.text:
        parts.append(f"matching “{f.text}”")
    return ", ".join(parts)


def waiting_for_review(data: OverviewData) -> str | None:
    """When the chosen review state has no events: what other states hold ("12 pending")."""
    if data.timeline.total:
        return None
    chosen = data.filters.review_state
    others = [
        f"{count} {state}"
        for state, count in sorted(data.review_counts.items())
        if state != chosen and count
    ]
    return ", ".join(others) or None


def month_links(data: OverviewData, events_url: str) -> dict[str, str]:
    """Where each month's bar goes: the events list for that month, with the filters.

    Without an ``events_url`` (a standalone file with no app behind it) a bar
    goes to the month's row in the page's own table of events.
    """
    links = {}
    for month in data.timeline.months:
        if events_url:
            links[month] = _link(events_url, filter_query(data, since=month, until=month))
        else:
            links[month] = f"#month-{month}"
    return links


def render_overview(
    data: OverviewData,
    *,
    standalone: bool,
    asset_base: str = "/overview/static",
    events_url: str = "/",
    nav: Sequence[tuple[str, str]] = (),
    problems: Sequence[str] = (),
) -> str:
    """The whole overview page as HTML (see the module docstring for the two modes).

    ``nav`` is (label, href) pairs for the app's other pages; the standalone
    file has none, since it travels without the app. ``problems`` are what was
    wrong with the page's URL (the values were ignored), shown above the charts.
    """
    asset_base = asset_base.rstrip("/")
    vendor = VendorAssets(None, None) if standalone else ensure_vendor_assets()
    inline_plotly = standalone or vendor.js is None
    figures = {
        "timeline": timeline_figure(data),
        "usMap": us_map_figure(data),
        "worldMap": world_map_figure(data),
        "monthLinks": month_links(data, events_url),
        "config": {
            "displaylogo": False,
            "displayModeBar": False,
            "responsive": True,
            "topojsonURL": f"{asset_base}/topojson/",
        },
    }
    context: dict[str, Any] = {
        "data": data,
        "standalone": standalone,
        "asset_base": asset_base,
        "events_url": events_url,
        "vendor": vendor,
        "figures_json": script_json(figures),
        "month_links": figures["monthLinks"],
        "filter_text": describe_filters(data),
        "year_links": {
            year: _link(events_url, filter_query(data, since=year, until=year))
            if events_url
            else None
            for year in data.timeline.year_only
        },
        "actions": ACTIONS,
        "current_states": CURRENT_STATES,
        "action_colours": ACTION_COLOURS,
        "state_colours": STATE_COLOURS,
        "review_states": CHOICES["review_state"],
        "statuses": CHOICES["status"],
        "problems": list(problems),
        "waiting": waiting_for_review(data),
        "include_link": "?" + filter_query(data, review_state="any"),
        "queue_link": _link(events_url, filter_query(data, review_state="pending"))
        if events_url
        else None,
        "events_link": _link(events_url, filter_query(data)) if events_url else None,
        "query": urlencode,
        "nav": list(nav),
    }
    if standalone:
        context["inline_css"] = Markup(_read_static("overview.css"))
        context["inline_js"] = inline_script(_read_static("overview.js"))
        context["topojson"] = {
            name: script_json(json.loads(_read_static(f"topojson/{name}.json")))
            for name in TOPOJSON_NAMES
        }
    context["inline_plotly"] = (
        inline_script(plotly_js_path().read_text(encoding="utf-8")) if inline_plotly else None
    )
    return _environment().get_template("overview.html").render(context)
