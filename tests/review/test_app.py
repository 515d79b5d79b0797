"""The review app in-process (Starlette's TestClient): pages, decisions, security, downloads."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from starlette.routing import Route
from starlette.testclient import TestClient

import banwatch.review.app as review_app
from banwatch.export import EXPORT_COLUMNS
from banwatch.review import ReviewConfig, create_app
from banwatch.review.queries import evidence_context, parse_back, safe_link
from banwatch.review.routes import routes
from banwatch.store.db import session_scope
from banwatch.store.models import Event, ReviewDecision
from banwatch.store.review import add_user

from .conftest import csrf_of
from .seeding import HOSTILE_MARKUP, HOSTILE_SCRIPT, HOSTILE_TITLE

TEMPLATES = Path(review_app.__file__).with_name("templates")


def _rows(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'data-event-id="(\d+)"', html)]


def _event(engine: Engine, event_id: int) -> Event:
    with session_scope(engine) as session:
        return session.get(Event, event_id)


# -- reading ----------------------------------------------------------------------


def test_queue_orders_by_confidence_then_sources_and_filters_from_the_url(
    local_client: TestClient, seeded
) -> None:
    page = local_client.get("/queue")
    assert page.status_code == 200
    ids = _rows(page.text)
    assert ids[0] == seeded["boston"], "three sources: the most confident first"
    assert set(ids) == set(seeded.values()), "all pending, merged or not yet"

    companies = local_client.get("/queue?actor_type=company")
    assert set(_rows(companies.text)) == {seeded["amazon"], seeded["amazon_com"]}
    assert 'value="company" selected' in companies.text, "the form shows the URL's filters"

    text = local_client.get("/queue?q=rekognition")
    assert _rows(text.text) == [seeded["amazon"]]
    dated = local_client.get("/queue?since=2020&until=2020-06")
    assert set(_rows(dated.text)) == {seeded["boston"], seeded["amazon"], seeded["amazon_com"]}
    region = local_client.get("/queue?country=us&region=oh")
    assert _rows(region.text) == [seeded["hostile"]]


def test_a_submitted_filter_form_redirects_to_a_clean_bookmarkable_url(
    local_client: TestClient,
) -> None:
    response = local_client.get(
        "/queue?review_state=pending&action=ban&status=&actor_type=&q=&bogus=1",
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/queue?review_state=pending&action=ban"
    bad = local_client.get("/queue?action=nuke&since=last%20year")
    assert "action must be one of" in bad.text and "since must be" in bad.text


def test_event_page_shows_evidence_in_context_and_the_actors_timeline(
    local_client: TestClient, seeded
) -> None:
    page = local_client.get(f"/events/{seeded['boston']}")
    assert page.status_code == 200
    assert page.text.count("<mark>Boston banned city use of facial recognition") == 3
    assert "City news. <mark>" in page.text, "the sentence is shown in its article's context"
    assert 'href="https://news1.example/story-1"' in page.text
    assert 'rel="noopener noreferrer nofollow"' in page.text
    assert "timeline" in page.text and "Audit log" in page.text


def test_scraped_markup_is_shown_as_text_never_as_markup(local_client: TestClient, seeded) -> None:
    for path in (f"/events/{seeded['hostile']}", "/queue"):
        html = local_client.get(path).text
        assert HOSTILE_MARKUP not in html and HOSTILE_SCRIPT not in html, path
        assert "&lt;img src=x onerror=alert(1)&gt;" in html, path
    event_page = local_client.get(f"/events/{seeded['hostile']}").text
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in event_page
    assert HOSTILE_TITLE.replace('"', "&#34;") in event_page, "the title, escaped"
    oakland = local_client.get(f"/events/{seeded['oakland']}").text
    assert 'href="javascript:' not in oakland, "a scraped javascript: URL is never a link"
    assert "(no web link)" in oakland


def test_every_response_carries_a_strict_content_security_policy(
    local_client: TestClient, seeded
) -> None:
    for path in ("/queue", f"/events/{seeded['boston']}", "/log", "/login", "/nope"):
        headers = local_client.get(path).headers
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy, path
        assert "unsafe-inline" not in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_templates_never_mark_text_safe() -> None:
    for template in TEMPLATES.glob("*.html"):
        source = template.read_text(encoding="utf-8")
        assert "|safe" not in source.replace(" ", ""), template.name
        assert "autoescape false" not in source, template.name
        assert "<script>" not in source and "style=" not in source, (
            f"{template.name}: inline script or style would need CSP exceptions"
        )


def test_evidence_context_slices_at_word_boundaries_and_survives_changed_text() -> None:
    text = "word " * 100 + "THE SENTENCE." + " tail" * 100
    start = text.index("THE")
    context = evidence_context(text, start, start + 13, "THE SENTENCE.", width=30)
    assert context.hit == "THE SENTENCE." and context.located
    assert context.before.startswith("… word") and context.after.endswith("tail …")
    moved = evidence_context("New intro. THE SENTENCE. End", start, start + 13, "THE SENTENCE.")
    assert moved.located and moved.before == "New intro. "
    gone = evidence_context("Rewritten entirely.", 0, 13, "THE SENTENCE.")
    assert not gone.located and gone.hit == "THE SENTENCE."


def test_safe_link_and_back_parameters_cannot_point_elsewhere() -> None:
    assert safe_link("https://example.org/a") == "https://example.org/a"
    assert safe_link("javascript:alert(1)") is None
    assert safe_link(" JAVASCRIPT:alert(1)") is None
    assert safe_link("data:text/html,x") is None
    assert parse_back("action=ban&x=1&page=2").query() == "action=ban&page=2"
    assert parse_back("//evil.example/?a=1").query() == "", "only known parameters survive"


# -- deciding ---------------------------------------------------------------------


def test_accept_then_next_reject_with_reason_edit_all_in_the_audit_log(
    local_client: TestClient, engine: Engine, seeded
) -> None:
    token = csrf_of(local_client)
    boston = seeded["boston"]
    accepted = local_client.post(
        f"/events/{boston}/accept",
        data={"csrf_token": token, "back": "review_state=pending"},
        follow_redirects=False,
    )
    assert accepted.status_code == 303
    next_url = accepted.headers["location"]
    assert next_url.startswith("/events/") and next_url.endswith("?review_state=pending")
    next_id = int(next_url.split("/")[2].split("?")[0])
    assert next_id != boston
    assert _event(engine, boston).review_state == "accepted"
    assert _event(engine, boston).reviewer == "ana"

    no_reason = local_client.post(
        f"/events/{next_id}/reject", data={"csrf_token": token, "reason": "  "}
    )
    assert "a rejection needs a reason" in no_reason.text
    assert _event(engine, next_id).review_state == "pending"
    local_client.post(
        f"/events/{next_id}/reject", data={"csrf_token": token, "reason": "not a ban"}
    )
    assert _event(engine, next_id).review_note == "not a ban"

    portland = seeded["portland"]
    form = {
        field: getattr(_event(engine, portland), field) or ""
        for field in ("actor", "actor_type", "level", "country", "region", "action", "status")
    }
    form.update(
        csrf_token=token, technology="facial recognition", scope="government use", date="2020-09-08"
    )
    saved = local_client.post(f"/events/{portland}/edit", data=form)
    assert "Saved event" in saved.text and "date" in saved.text
    event = _event(engine, portland)
    assert event.date == "2020-09-08" and "date" in event.edited_fields
    assert "scope" not in event.edited_fields, "only the fields that changed are edited"
    bad = local_client.post(f"/events/{portland}/edit", data={**form, "date": "2020-13"})
    assert "date must be" in bad.text

    with session_scope(engine) as session:
        log = session.scalars(select(ReviewDecision).order_by(ReviewDecision.id)).all()
        assert [(d.decision, d.reviewer) for d in log] == [
            ("accept", "ana"),
            ("reject", "ana"),
            ("edit", "ana"),
        ]
        assert log[2].before["date"] == "2020-09" and log[2].after["date"] == "2020-09-08"
    assert "not a ban" in local_client.get("/log").text


def test_merge_asks_first_then_merges_and_old_links_follow(
    local_client: TestClient, engine: Engine, seeded
) -> None:
    keep, gone = seeded["amazon"], seeded["amazon_com"]
    page = local_client.get(f"/events/{keep}")
    assert f"/events/{keep}/merge?other={gone}" in page.text, "the timeline offers the merge"
    confirm = local_client.get(f"/events/{keep}/merge?other={gone}")
    assert f"Merge #{gone} into #{keep}?" in confirm.text
    assert _event(engine, gone).merged_into_id is None, "looking is not merging"
    token = csrf_of(local_client)
    merged = local_client.post(
        f"/events/{keep}/merge", data={"csrf_token": token, "other": str(gone)}
    )
    assert f"Merged event {gone} into event {keep}" in merged.text
    assert _event(engine, gone).merged_into_id == keep
    followed = local_client.get(f"/events/{gone}")
    assert followed.url.path == f"/events/{keep}"
    assert gone not in _rows(local_client.get("/queue").text)
    itself = local_client.get(f"/events/{keep}/merge?other={keep}")
    assert "cannot be merged into itself" in itself.text


def test_split_moves_ticked_mentions_to_a_new_event(
    local_client: TestClient, engine: Engine, seeded
) -> None:
    portland = seeded["portland"]
    page = local_client.get(f"/events/{portland}").text
    ids = [int(n) for n in re.findall(r'name="mention" value="(\d+)"', page)]
    assert len(ids) == 2
    token = csrf_of(local_client)
    response = local_client.post(
        f"/events/{portland}/split", data={"csrf_token": token, "mention": [str(ids[1])]}
    )
    assert "into event" in response.text
    new_id = int(response.url.path.split("/")[-1])
    assert new_id != portland
    assert _event(engine, new_id).source_count == 1 == _event(engine, portland).source_count


# -- security -----------------------------------------------------------------------


def _post_routes() -> list[str]:
    return [r.path for r in routes() if isinstance(r, Route) and "POST" in (r.methods or ())]


def test_every_post_route_checks_the_csrf_token() -> None:
    for route in routes():
        if isinstance(route, Route) and "POST" in (route.methods or ()):
            assert getattr(route.endpoint, "checks_csrf", False), route.path


@pytest.mark.parametrize("path", _post_routes())
def test_a_post_without_a_csrf_token_is_refused(
    local_client: TestClient, engine: Engine, seeded, path: str
) -> None:
    csrf_of(local_client)  # the session has a token; the form does not send it
    target = path.replace("{event_id:int}", str(seeded["boston"]))
    response = local_client.post(
        target, data={"reason": "x", "other": str(seeded["oakland"]), "date": "2001"}
    )
    assert response.status_code == 403
    wrong = local_client.post(target, data={"csrf_token": "forged", "reason": "x"})
    assert wrong.status_code == 403
    assert _event(engine, seeded["boston"]).review_state == "pending"
    with session_scope(engine) as session:
        assert session.scalars(select(ReviewDecision)).all() == []


def test_a_cross_site_post_is_refused_even_with_the_token(local_client: TestClient, seeded) -> None:
    token = csrf_of(local_client)
    response = local_client.post(
        f"/events/{seeded['boston']}/accept",
        data={"csrf_token": token},
        headers={"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"},
    )
    assert response.status_code == 403


def test_loopback_app_answers_only_to_loopback_host_names(db_url: str, seeded) -> None:
    app = create_app(ReviewConfig(db_url=db_url, reviewer="ana"))
    with TestClient(app, base_url="http://attacker.example") as client:
        assert client.get("/queue").status_code == 421, "DNS rebinding is refused"
    for base in ("http://localhost:8700", "http://[::1]:8700", "http://127.0.0.1"):
        with TestClient(app, base_url=base) as client:
            assert client.get("/queue").status_code == 200, base


def test_bound_beyond_loopback_anonymous_writes_are_refused(
    public_client: TestClient, engine: Engine, seeded
) -> None:
    page = public_client.get("/queue", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login?next=")
    token = csrf_of(public_client, "/login")  # a real token, but nobody signed in
    for path in _post_routes():
        if path in ("/login", "/logout"):
            continue
        target = path.replace("{event_id:int}", str(seeded["boston"]))
        response = public_client.post(target, data={"csrf_token": token, "reason": "x"})
        assert response.status_code == 403, path
    download = public_client.get("/export.csv?review_state=any", follow_redirects=False)
    assert download.status_code == 303 and "event_id" not in download.text
    assert _event(engine, seeded["boston"]).review_state == "pending"


def test_bound_beyond_loopback_sign_in_then_decide_as_that_reviewer(
    public_client: TestClient, engine: Engine, seeded
) -> None:
    with session_scope(engine) as session:
        add_user(session, "carla", "a long test password")
    token = csrf_of(public_client, "/login")
    wrong = public_client.post(
        "/login", data={"csrf_token": token, "username": "carla", "password": "guess guess"}
    )
    assert wrong.status_code == 401
    no_token = public_client.post(
        "/login", data={"username": "carla", "password": "a long test password"}
    )
    assert no_token.status_code == 403
    signed_in = public_client.post(
        "/login",
        data={
            "csrf_token": token,
            "username": "carla",
            "password": "a long test password",
            "next": "https://evil.example/",
        },
        follow_redirects=False,
    )
    assert signed_in.status_code == 303 and signed_in.headers["location"] == "/queue"
    assert (
        public_client.post(
            f"/events/{seeded['boston']}/accept", data={"csrf_token": token}
        ).status_code
        == 403
    ), "signing in starts a new session with a new token"
    fresh = csrf_of(public_client)
    public_client.post(f"/events/{seeded['boston']}/accept", data={"csrf_token": fresh})
    event = _event(engine, seeded["boston"])
    assert event.review_state == "accepted" and event.reviewer == "carla"

    with session_scope(engine) as session:
        add_user(session, "carla", "a changed test password", replace=True)
    after_change = public_client.get("/queue", follow_redirects=False)
    assert after_change.status_code == 303, "a new password ends old sessions"


def test_repeated_failed_sign_ins_are_throttled(public_client: TestClient, engine: Engine) -> None:
    with session_scope(engine) as session:
        add_user(session, "dan", "a long test password")
    token = csrf_of(public_client, "/login")
    statuses = [
        public_client.post(
            "/login", data={"csrf_token": token, "username": "dan", "password": f"nope {n}"}
        ).status_code
        for n in range(6)
    ]
    assert statuses == [401] * 5 + [429]


def test_sign_in_cannot_be_switched_off_beyond_loopback(db_url: str) -> None:
    with pytest.raises(ValueError, match="loopback"):
        create_app(ReviewConfig(db_url=db_url, host="0.0.0.0", require_login=False))


# -- downloads ----------------------------------------------------------------------


def test_download_streams_the_queues_filters_with_hostile_cells_neutralised(
    local_client: TestClient, seeded
) -> None:
    page = local_client.get("/queue?review_state=any&region=OH")
    assert 'href="/export.csv?review_state=any&amp;region=OH"' in page.text
    response = local_client.get("/export.csv?review_state=any&region=OH&bom=1")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert "attachment" in response.headers["content-disposition"]
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeffevent_id,") and "\r\n" in body
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"), newline="")))
    assert [int(r["event_id"]) for r in rows] == [seeded["hostile"]]
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    assert rows[0]["first_source_title"] == "'" + HOSTILE_TITLE
    assert HOSTILE_MARKUP in rows[0]["evidence"], "CSV is data: text kept, never a formula"

    accepted_only = local_client.get("/export.csv")
    assert accepted_only.text.strip() == ",".join(EXPORT_COLUMNS), "default: accepted only"

    lines = local_client.get("/export.jsonl?review_state=any").text.splitlines()
    assert {json.loads(line)["event_id"] for line in lines} == set(seeded.values())
    assert any(json.loads(line)["first_source_title"] == HOSTILE_TITLE for line in lines)


def test_nav_has_room_for_more_pages(db_url: str, seeded) -> None:
    from starlette.responses import PlainTextResponse

    from banwatch.review import NavItem

    app = create_app(
        ReviewConfig(db_url=db_url, reviewer="ana"),
        extra_routes=[Route("/overview", lambda request: PlainTextResponse("map"))],
        extra_nav=[NavItem("Overview", "/overview")],
    )
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert '<a href="/overview">Overview</a>' in client.get("/queue").text
        assert client.get("/overview").text == "map"


def test_origin_null_counts_only_when_the_browser_vouches_same_origin(
    local_client: TestClient, engine: Engine, seeded
) -> None:
    token = csrf_of(local_client)
    refused = local_client.post(
        f"/events/{seeded['boston']}/accept",
        data={"csrf_token": token},
        headers={"Origin": "null"},
    )
    assert refused.status_code == 403
    accepted = local_client.post(
        f"/events/{seeded['boston']}/accept",
        data={"csrf_token": token},
        headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"},
    )
    assert accepted.status_code == 200
    assert _event(engine, seeded["boston"]).review_state == "accepted"


def test_overview_is_part_of_the_app_behind_the_same_headers(tmp_path) -> None:
    """`banwatch serve` mounts the overview: reachable, linked from the nav, assets served."""
    from starlette.testclient import TestClient

    from banwatch.overview.routes import OVERVIEW_NAV, overview_routes
    from banwatch.review import ReviewConfig, create_app

    config = ReviewConfig(db_url=f"sqlite:///{tmp_path / 'o.db'}")
    app = create_app(config, extra_routes=overview_routes(), extra_nav=[OVERVIEW_NAV])
    with TestClient(app, base_url="http://127.0.0.1") as client:
        queue = client.get("/queue")
        assert queue.status_code == 200
        assert 'href="/overview"' in queue.text
        page = client.get("/overview")
        assert page.status_code == 200
        assert "overview" in page.text and 'href="/queue"' in page.text
        assert "content-security-policy" in page.headers
        shapes = client.get("/overview/static/topojson/usa_110m.json")
        assert shapes.status_code == 200 and shapes.json()["type"] == "Topology"
