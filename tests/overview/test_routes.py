"""``/overview`` inside the web app: every filter the page's form sends, bad URLs, empty stores.

Until the overview parsed its URL like the queue, any query parameter answered
500 (Starlette's QueryParams iterate as keys, not pairs).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from html import unescape
from pathlib import Path

import pytest
from sqlalchemy import Engine
from starlette.testclient import TestClient
from typer.testing import CliRunner

from banwatch.cli import app as cli_app
from banwatch.overview.routes import OVERVIEW_NAV, overview_routes
from banwatch.review import ReviewConfig, create_app

EVENTS = (
    {"actor": "San Francisco", "region": "CA", "action": "ban", "date": "2019-05-14"},
    {"actor": "Virginia", "level": "state", "region": "VA", "action": "ban", "date": "2021-07"},
    {"actor": "Virginia", "level": "state", "region": "VA", "action": "repeal", "date": "2022-07"},
    {"actor": "Somerville", "region": "MA", "action": "ban", "date": "2019-06-27",
     "review_state": "pending"},
)  # fmt: skip


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    """The web app as ``banwatch serve`` builds it, over the test's database."""
    app = create_app(
        ReviewConfig(db_url=str(engine.url), reviewer="ana"),
        extra_routes=overview_routes(),
        extra_nav=[OVERVIEW_NAV],
    )
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


def _month_rows(html: str) -> str:
    return html[html.index("<table>") : html.index("</table>")]


def test_any_filter_answers_the_filtered_page(client: TestClient, add_events: Callable) -> None:
    add_events(*EVENTS)
    page = client.get("/overview?review_state=any&action=ban")
    assert page.status_code == 200, page.text[:500]
    rows = _month_rows(page.text)
    assert "Somerville: ban" in rows and "San Francisco: ban" in rows
    assert "Virginia: repeal" not in rows


def test_what_the_filter_form_sends_is_understood(client: TestClient, add_events: Callable) -> None:
    add_events(*EVENTS)
    form = (
        "review_state=accepted&topic=&action=&status=enacted&since=2021&until=2022-12"
        "&actor_type=jurisdiction&country=US&region=VA&q=virginia"
    )
    page = client.get(f"/overview?{form}")
    assert page.status_code == 200
    assert "Virginia: repeal, enacted" in _month_rows(page.text)
    assert "San Francisco" not in _month_rows(page.text)
    assert 'class="problems"' not in page.text


def test_bad_values_are_named_on_the_page_and_ignored(
    client: TestClient, add_events: Callable
) -> None:
    add_events(*EVENTS)
    page = client.get("/overview?review_state=maybe&action=ban&since=last+year&colour=red&action=x")
    assert page.status_code == 200
    problems = unescape(page.text[page.text.index('class="problems"') :].split("</ul>")[0])
    assert "review_state must be one of" in problems and "'maybe'" in problems
    assert "since must be YYYY, YYYY-MM or YYYY-MM-DD" in problems
    assert "unknown parameter 'colour' ignored" in problems
    assert "action given more than once" in problems and "action must be one of" in problems
    assert "San Francisco: ban" in _month_rows(page.text), "the good filters still apply"


def test_an_overview_with_only_pending_events_says_why_and_how(
    client: TestClient, add_events: Callable
) -> None:
    add_events(EVENTS[3])
    page = client.get("/overview?region=MA")
    assert page.status_code == 200
    why = unescape(page.text[page.text.index('class="empty-why"') :].split("</p>")[0])
    assert "counts accepted events and none matches" in why and "1 pending" in why
    assert '<a href="?review_state=any&region=MA">' in why
    assert '<a href="/queue?review_state=pending&region=MA">' in why
    included = client.get("/overview?review_state=any&region=MA")
    assert "Somerville: ban" in _month_rows(included.text)
    assert 'class="empty-why"' not in included.text


def test_the_command_says_why_its_overview_is_empty(
    engine: Engine, add_events: Callable, tmp_path: Path
) -> None:
    add_events(EVENTS[3])
    out = tmp_path / "overview.html"
    result = CliRunner().invoke(cli_app, ["--db", str(engine.url), "overview", "--out", str(out)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert "no accepted events match" in said and "1 pending" in said
    assert "--review-state any" in said
    assert "banwatch overview --review-state any" in out.read_text(encoding="utf-8")


def test_the_overview_and_the_review_app_share_banwatch_web_not_each_other() -> None:
    import ast

    import banwatch

    root = Path(banwatch.__file__).parent

    def imported(package: str) -> set[str]:
        names = set()
        for path in (root / package).glob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module:
                    names.add(node.module)
                elif isinstance(node, ast.Import):
                    names.update(alias.name for alias in node.names)
        return names

    overview, review = imported("overview"), imported("review")
    assert not any(name.startswith("banwatch.review") for name in overview), overview
    assert not any(name.startswith("banwatch.overview") for name in review), review
    assert "banwatch.web.app" in overview and "banwatch.web.app" in review
