"""A reviewer's session in headless Chromium against the real app served by uvicorn.

The database is the demo's: the bundled sample site crawled and extracted for
real, plus a hostile article and two hand-made cases (a duplicate to merge, a
wrong merge to split). The browser opens the queue, filters, accepts with the
keyboard, rejects with a reason, edits a date, merges, splits and downloads the
CSV; the assertions are on the database and on the downloaded file.
Screenshots of the queue and of an event page go to ``test-artifacts/``.

Chromium comes from Debian (``apt-get install chromium``); Playwright's own
browser download is not used. Without ``/usr/bin/chromium`` these tests skip,
unless ``BANWATCH_REQUIRE_BROWSER=1`` (set by CI) makes that a failure.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from banwatch.cli import demo_sources
from banwatch.config import Settings
from banwatch.jobs import run_crawl_job
from banwatch.review import ReviewConfig, create_app
from banwatch.store.db import create_db_engine, session_scope
from banwatch.store.models import Event, ReviewDecision

from .live_server import serve_in_thread
from .seeding import HOSTILE_MARKUP, HOSTILE_SCRIPT, HOSTILE_TITLE, seed_browser_cases

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
REVIEWER = "browser-reviewer"


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201 - a Playwright Browser, imported only when present
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium to run the browser tests"
        if os.environ.get("BANWATCH_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, sample_site: str, extractor) -> str:
    """The demo's crawled database (built once for this module)."""
    path = tmp_path_factory.mktemp("review-browser") / "banwatch.db"
    url = f"sqlite:///{path}"
    result = run_crawl_job(Settings(db_url=url), demo_sources(sample_site), extractor=extractor)
    assert result.status == "succeeded", result.error
    return url


@pytest.fixture
def review_site(demo_db: str) -> Iterator[tuple[str, Engine, dict[str, int]]]:
    engine = create_db_engine(demo_db)
    cases = seed_browser_cases(engine)
    app = create_app(ReviewConfig(db_url=demo_db, reviewer=REVIEWER))
    with serve_in_thread(app) as base_url:
        yield base_url, engine, cases
    engine.dispose()


def _event(engine: Engine, event_id: int) -> Event:
    with session_scope(engine) as session:
        return session.get(Event, event_id)


def _event_id(url: str) -> int:
    match = re.search(r"/events/(\d+)", url)
    assert match, url
    return int(match.group(1))


def test_a_reviewer_works_through_the_queue_in_a_browser(browser, review_site) -> None:
    base, engine, cases = review_site
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)

    # The queue: pending events, most confident first.
    page.goto(f"{base}/queue")
    with session_scope(engine) as session:
        pending = session.scalar(
            select(func.count(Event.id)).where(
                Event.review_state == "pending",
                Event.orphaned.is_(False),
                Event.merged_into_id.is_(None),
            )
        )
    assert page.locator("h1").inner_text().startswith(f"{pending} pending")
    page.screenshot(path=str(ARTIFACTS / "review-queue.png"), full_page=True)

    # Filter: jurisdictions' bans, in the URL so that it can be bookmarked.
    page.select_option("select[name=actor_type]", "jurisdiction")
    page.select_option("select[name=action]", "ban")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(
        re.compile(r"/queue\?review_state=pending&action=ban&actor_type=jurisdiction$")
    )
    actions = page.locator("table.queue tbody tr td:nth-child(4)").all_inner_texts()
    assert actions and set(actions) == {"ban"}

    # Search for the hostile article's event and open it from the keyboard.
    page.fill("input[name=q]", "Testville")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=Testville"))
    assert page.locator("table.queue tbody tr").count() == 1
    page.locator("body").press("o")
    page.wait_for_url(re.compile(rf"/events/{cases['hostile']}\?"))
    mark = page.locator("blockquote.context mark").first
    assert HOSTILE_MARKUP in mark.inner_text(), "the markup shows as text"
    assert HOSTILE_SCRIPT in page.locator("blockquote.context").first.inner_text()
    assert page.locator("main img, main script").count() == 0
    assert page.locator("a.source").first.inner_text() == HOSTILE_TITLE
    page.screenshot(path=str(ARTIFACTS / "review-event.png"), full_page=True)

    # Accept with "a": the next event of this (now empty) queue is none, back to the queue.
    page.locator("body").press("a")
    page.wait_for_url(re.compile(r"/queue\?"))
    assert "Accepted event" in page.locator(".flash").first.inner_text()
    hostile = _event(engine, cases["hostile"])
    assert (hostile.review_state, hostile.reviewer) == ("accepted", REVIEWER)

    # Reject the first pending event with a reason: "r", type, Enter; on to the next one.
    page.goto(f"{base}/queue")
    page.locator("body").press("Enter")
    page.wait_for_url(re.compile(r"/events/\d+"))
    first = _event_id(page.url)
    page.locator("body").press("r")
    page.keyboard.type("the article is about a proposal, not a ban")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/events/" in url and _event_id(url) != first)
    rejected = _event(engine, first)
    assert rejected.review_state == "rejected"
    assert rejected.review_note == "the article is about a proposal, not a ban"

    # Edit a date.
    page.goto(f"{base}/events/{cases['lakeport']}")
    page.fill("form.edit input[name=date]", "2021-08-17")
    page.click("form.edit button[type=submit]")
    page.wait_for_selector(".flash-ok")
    lakeport = _event(engine, cases["lakeport"])
    assert lakeport.date == "2021-08-17" and "date" in lakeport.edited_fields

    # Split: the school-board article is another decision.
    school = page.locator("li.mention", has_text="school board")
    school.locator("input[type=checkbox]").check()
    page.get_by_role("button", name="Split ticked mentions into a new event").click()
    page.wait_for_url(lambda url: "/events/" in url and _event_id(url) != cases["lakeport"])
    split_off = _event(engine, _event_id(page.url))
    assert split_off.source_count == 1 and _event(engine, cases["lakeport"]).source_count == 1

    # Merge: the county and its board are one decision, offered on the event page.
    page.goto(f"{base}/events/{cases['county']}")
    duplicates = page.locator("section[aria-labelledby=duplicates-title]")
    duplicates.locator("li", has_text="Quillshire County Board").locator("text=merge here").click()
    page.wait_for_url(re.compile(rf"/events/{cases['county']}/merge\?other={cases['board']}"))
    page.get_by_role("button", name=f"Merge #{cases['board']} into #{cases['county']}").click()
    page.wait_for_url(re.compile(rf"/events/{cases['county']}(\?|$)"))
    assert _event(engine, cases["board"]).merged_into_id == cases["county"]
    assert _event(engine, cases["county"]).source_count == 2
    page.goto(f"{base}/events/{cases['county']}")
    page.locator("body").press("a")
    page.wait_for_url(lambda url: _event_id(url) != cases["county"] if "/events/" in url else True)

    # Export what was accepted, with the queue's download button.
    page.goto(f"{base}/queue")
    page.select_option("select[name=review_state]", "accepted")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"review_state=accepted"))
    with page.expect_download() as download_info:
        page.click("a[data-download=csv]")
    download = download_info.value
    target = ARTIFACTS / "review-accepted.csv"
    download.save_as(str(target))
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    assert {int(r["event_id"]) for r in rows} == {cases["hostile"], cases["county"]}
    by_id = {int(r["event_id"]): r for r in rows}
    assert by_id[cases["hostile"]]["first_source_title"] == "'" + HOSTILE_TITLE
    assert HOSTILE_MARKUP in by_id[cases["hostile"]]["evidence"]
    assert by_id[cases["county"]]["sources"] == "2"
    assert all(r["reviewer"] == REVIEWER for r in rows)

    with session_scope(engine) as session:
        decisions = session.scalars(select(ReviewDecision.decision)).all()
        assert sorted(decisions) == sorted(
            ["accept", "reject", "edit", "split", "split", "merge", "merge", "accept"]
        )
    assert dialogs == [], "no script from scraped text ever ran"
    assert not [e for e in console_errors if "Content Security Policy" in e], console_errors
    context.close()
