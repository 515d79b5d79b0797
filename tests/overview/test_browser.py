"""The overview in headless Chromium: served under the review app's CSP, and as a file.

The demo database is the sample site crawled once for the module, every event
accepted (as a reviewer would), and New Orleans' 2022 decision recorded as the
repeal it was (corrected with ``edit_event`` if the extractor read it otherwise),
so the map must show New Orleans as repealed, not banned.

Every request the page makes is recorded: the served page may talk only to the
app's own origin, the standalone file to nothing but itself.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from banwatch.cli import app as cli_app
from banwatch.cli import demo_sources
from banwatch.config import Settings
from banwatch.jobs import run_crawl_job
from banwatch.store.db import create_db_engine, session_scope
from banwatch.store.models import Event

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# The review app's policy (banwatch/web/security.py), which the mounted page must live under.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is absent: install Debian's chromium (apt-get install -y chromium)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


# -- the demo database -------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_db(
    tmp_path_factory: pytest.TempPathFactory, sample_site: str, extractor, event_factory
) -> str:
    """The sample site crawled into a fresh database; all events accepted, the repeal right."""
    from banwatch.store.review import accept_event, edit_event

    folder = tmp_path_factory.mktemp("overview")
    url = f"sqlite:///{folder / 'demo.db'}"
    result = run_crawl_job(Settings(db_url=url), demo_sources(sample_site), extractor=extractor)
    assert result.status == "succeeded", result.error
    # What `make demo` leaves: every event pending review (see pending_db).
    shutil.copyfile(folder / "demo.db", folder / "pending.db")
    engine = create_db_engine(url)
    with session_scope(engine) as session:
        later = session.scalars(
            select(Event).where(Event.actor == "New Orleans", Event.date >= "2022")
        ).first()
        if later is None:
            session.add(
                event_factory(
                    actor="New Orleans", region="LA", action="repeal", date="2022-07-21",
                    review_state="pending",
                )
            )  # fmt: skip
        elif later.action != "repeal":
            edit_event(session, later.id, "test", {"action": "repeal"}, "partly reversed the ban")
        session.flush()
        for event_id in session.scalars(select(Event.id)).all():
            accept_event(session, event_id, "test")
    engine.dispose()
    return url


# -- a tiny app serving the overview the way the review app will -------------------------


@dataclass
class Served:
    base_url: str
    stop: Callable[[], None]


def _serve(asgi_app: Any) -> Served:
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(asgi_app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "test server did not start"
        time.sleep(0.05)

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()

    return Served(f"http://127.0.0.1:{port}", stop)


def _serve_app(db_url: str) -> Served:
    """The web app as ``banwatch serve`` builds it: overview mounted, real headers."""
    from banwatch.overview.routes import OVERVIEW_NAV, overview_routes
    from banwatch.review import ReviewConfig, create_app

    app = create_app(
        ReviewConfig(db_url=db_url, reviewer="test"),
        extra_routes=overview_routes(),
        extra_nav=[OVERVIEW_NAV],
    )
    return _serve(app)


@pytest.fixture(scope="module")
def served(demo_db: str) -> Iterator[str]:
    """The app over the demo database, every event accepted."""
    server = _serve_app(demo_db)
    yield server.base_url
    server.stop()


@pytest.fixture(scope="module")
def served_pending(demo_db: str) -> Iterator[str]:
    """The app over the same crawl before anyone reviewed it, as after `make demo`."""
    server = _serve_app(demo_db.replace("demo.db", "pending.db"))
    yield server.base_url
    server.stop()


# -- the browser -------------------------------------------------------------------------


@dataclass
class Recorder:
    """Every request and every console error or uncaught exception of one page."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("request", lambda request: self.requests.append(request.url))
        page.on(
            "console",
            lambda message: self.errors.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[tuple[Any, Recorder]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    recorder = Recorder()
    recorder.attach(page)
    yield page, recorder
    context.close()


def _wait_until_drawn(page: Any) -> None:
    """Poll from outside the page: wait_for_function evaluates a string, which the
    app's CSP (no 'unsafe-eval') refuses."""
    deadline = time.monotonic() + 60
    state = None
    while state not in ("ready", "error") and time.monotonic() < deadline:
        page.wait_for_timeout(100)
        state = page.evaluate("document.documentElement.dataset.overview")
    assert state == "ready"


def _assert_charts_rendered(page: Any) -> None:
    assert page.locator("#timeline svg.main-svg").count() > 0
    assert page.locator("#timeline .barlayer .point").count() > 0, "no bars drawn"
    assert page.locator("#us-map svg.main-svg .geo").count() == 1
    assert page.locator("#us-map path.choroplethlocation").count() >= 1, "no state coloured"
    assert page.locator("#us-map .scattergeo .point").count() >= 5, "no city dots"
    assert page.locator("#world-map svg.main-svg .geo").count() == 1
    # The EU's 27 member states are coloured by the bloc.
    assert page.locator("#world-map path.choroplethlocation").count() >= 27
    # The land itself was drawn from the local topojson.
    assert page.locator("#us-map path.land, #us-map .layer.land path").count() >= 1


def _map_traces(page: Any, element_id: str) -> list[dict[str, Any]]:
    return page.evaluate(
        """(id) => document.getElementById(id).data.map(t => ({
            type: t.type, name: t.name || '', text: t.text || [], locations: t.locations || []
        }))""",
        element_id,
    )


def _assert_new_orleans_repealed(page: Any) -> None:
    traces = _map_traces(page, "us-map")
    repealed = [t for t in traces if t["name"] == "repealed"]
    assert any("New Orleans" in text for t in repealed for text in t["text"]), traces
    banned = [t for t in traces if t["name"] == "ban"]
    assert not any("<b>New Orleans</b>" in text for t in banned for text in t["text"])
    listed = page.locator("#us-map ~ .status-list li", has_text="New Orleans").first
    assert "repealed" in listed.inner_text()


def test_served_overview_renders_offline_under_csp_and_bars_link_to_their_month(
    served: str, page: tuple[Any, Recorder]
) -> None:
    tab, recorder = page
    tab.goto(f"{served}/overview")
    _wait_until_drawn(tab)
    _assert_charts_rendered(tab)
    _assert_new_orleans_repealed(tab)
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "overview-served.png"), full_page=True)

    target = tab.evaluate(
        """() => {
            const gd = document.getElementById('timeline');
            const layout = gd._fullLayout, months = gd.data[0].x;
            const totals = months.map((_, i) => gd.data.reduce((sum, t) => sum + (t.y[i] || 0), 0));
            const index = totals.indexOf(Math.max(...totals));
            const box = gd.getBoundingClientRect();
            return {
                month: months[index],
                x: box.left + layout._size.l + layout.xaxis.l2p(index),
                y: box.top + layout._size.t + layout.yaxis.l2p(totals[index] / 2),
            };
        }"""
    )
    tab.mouse.move(target["x"], target["y"])
    tab.mouse.click(target["x"], target["y"])
    tab.wait_for_url("**/queue?**", timeout=10_000)
    query = parse_qs(urlsplit(tab.url).query)
    assert query["since"] == [target["month"]] and query["until"] == [target["month"]]
    assert query["review_state"] == ["accepted"]
    tab.screenshot(path=str(ARTIFACTS / "overview-month-events.png"))

    assert not recorder.errors, recorder.errors
    foreign = [url for url in recorder.requests if not url.startswith(served + "/")]
    assert not foreign, f"requests outside the app: {foreign}"
    assert any("/overview/static/topojson/usa_110m.json" in url for url in recorder.requests)


def test_filters_carry_into_the_month_links(served: str, page: tuple[Any, Recorder]) -> None:
    tab, recorder = page
    tab.goto(f"{served}/overview?review_state=any&action=ban&since=2020&until=2020-12")
    _wait_until_drawn(tab)
    months = tab.evaluate("document.getElementById('timeline').data[0].x")
    assert months and all(m.startswith("2020-") for m in months)
    link = tab.locator(".month-table tbody th a").first.get_attribute("href")
    query = parse_qs(urlsplit(link).query)
    assert query["action"] == ["ban"] and query["review_state"] == ["any"]
    assert query["since"] == query["until"] and query["since"][0].startswith("2020-")
    assert not recorder.errors, recorder.errors


def test_standalone_file_renders_with_the_network_off(
    demo_db: str, tmp_path: Path, page: tuple[Any, Recorder]
) -> None:
    out = tmp_path / "overview.html"
    result = CliRunner().invoke(cli_app, ["--db", demo_db, "overview", "--out", str(out)])
    assert result.exit_code == 0, result.output
    tab, recorder = page
    aborted: list[str] = []

    def only_files(route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            aborted.append(route.request.url)
            route.abort()

    tab.route("**/*", only_files)
    tab.goto(out.as_uri())
    _wait_until_drawn(tab)
    _assert_charts_rendered(tab)
    _assert_new_orleans_repealed(tab)
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "overview-standalone.png"), full_page=True)
    assert not aborted, f"the file tried the network: {aborted}"
    assert recorder.requests == [out.as_uri()], recorder.requests
    assert not recorder.errors, recorder.errors

    # Without an app behind it, a month bar jumps to the month's events in the file.
    first_month = tab.evaluate("document.getElementById('timeline').data[0].x[0]")
    assert tab.locator(f"#month-{first_month}").count() == 1


def test_the_filter_form_draws_the_filtered_charts(served: str, page: tuple[Any, Recorder]) -> None:
    """The page's own form, submitted as a person would: the charts redraw filtered."""
    tab, recorder = page
    response = tab.goto(f"{served}/overview")
    assert response.headers["content-security-policy"] == CSP
    _wait_until_drawn(tab)
    form = tab.locator("form.filters")
    form.locator("select[name=review_state]").select_option("any")
    form.locator("select[name=action]").select_option("ban")
    form.locator("input[name=since]").fill("2019")
    with tab.expect_navigation():
        form.locator("button[type=submit]").click()
    query = parse_qs(urlsplit(tab.url).query)
    assert query["action"] == ["ban"] and query["review_state"] == ["any"]
    assert query["since"] == ["2019"]
    _wait_until_drawn(tab)
    traces = tab.evaluate("document.getElementById('timeline').data.map(t => t.name)")
    assert traces == ["ban"], traces
    bars = tab.evaluate("document.getElementById('timeline').data[0].y.reduce((a, b) => a + b, 0)")
    assert bars >= 3, "the sample site reports several bans"
    assert tab.locator("#us-map path.choroplethlocation, #us-map .scattergeo .point").count() > 0
    assert tab.locator(".problems").count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "overview-filtered.png"), full_page=True)
    assert not recorder.errors, recorder.errors


def test_after_the_demo_the_page_says_why_it_is_empty_and_links_to_pending(
    served_pending: str, page: tuple[Any, Recorder]
) -> None:
    tab, recorder = page
    response = tab.goto(f"{served_pending}/overview?review_state=any&action=ban")
    assert response.status == 200
    _wait_until_drawn(tab)
    assert tab.locator("#timeline .barlayer .point").count() > 0, "pending bans are drawn"

    tab.goto(f"{served_pending}/overview")
    _wait_until_drawn(tab)
    why = tab.locator(".empty-why")
    assert "pending" in why.inner_text()
    with tab.expect_navigation():
        why.get_by_role("link", name="Include events pending review").click()
    assert parse_qs(urlsplit(tab.url).query)["review_state"] == ["any"]
    _wait_until_drawn(tab)
    assert tab.locator("#timeline .barlayer .point").count() > 0
    assert tab.locator(".empty-why").count() == 0
    assert not recorder.errors, recorder.errors
