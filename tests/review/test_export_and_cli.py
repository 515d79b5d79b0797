"""Export from the command line; `banwatch review` driven by stdin; `user add`; `serve` guards."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from banwatch.cli import app
from banwatch.export import EXPORT_COLUMNS, iter_csv, iter_event_rows, write_csv
from banwatch.store.db import session_scope
from banwatch.store.events import EventFilters
from banwatch.store.models import Event, ReviewDecision, User
from banwatch.store.review import accept_event, authenticate, merge_events

from .seeding import HOSTILE_MARKUP, HOSTILE_TITLE

runner = CliRunner()


def _invoke(db_url: str, *args: str, stdin: str | None = None):
    return runner.invoke(app, ["--db", db_url, *args], input=stdin)


def test_export_file_is_formula_safe_rfc4180_with_bom(
    db_url: str, engine: Engine, seeded, tmp_path: Path
) -> None:
    with session_scope(engine) as session:
        accept_event(session, seeded["hostile"], "ana")
    out = tmp_path / "accepted.csv"
    result = _invoke(db_url, "export", str(out), "--bom")
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfevent_id,") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [int(r["event_id"]) for r in rows] == [seeded["hostile"]], "default: accepted only"
    row = rows[0]
    assert row["first_source_title"] == "'" + HOSTILE_TITLE
    assert HOSTILE_MARKUP in row["evidence"]
    assert row["review_state"] == "accepted" and row["reviewer"] == "ana"
    assert row["reviewed_at"].startswith("20") and row["sources"] == "1"
    assert row["first_source_url"] == "https://news4.example/story-4"


def test_export_any_state_as_jsonl_leaves_merged_events_out(
    db_url: str, engine: Engine, seeded, tmp_path: Path
) -> None:
    with session_scope(engine) as session:
        merge_events(session, seeded["amazon"], seeded["amazon_com"], "ana")
    out = tmp_path / "all.jsonl"
    result = _invoke(db_url, "export", str(out), "--format", "jsonl", "--review-state", "any")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["event_id"] for r in rows} == set(seeded.values()) - {seeded["amazon_com"]}
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    amazon = next(r for r in rows if r["event_id"] == seeded["amazon"])
    assert amazon["sources"] == 2
    assert any(r["first_source_title"] == HOSTILE_TITLE for r in rows), "JSON keeps values as is"


def test_streamed_csv_is_byte_for_byte_the_written_csv(engine: Engine, seeded) -> None:
    with session_scope(engine) as session:
        rows = list(iter_event_rows(session, EventFilters(review_state="any")))
    written = io.StringIO(newline="")
    write_csv(rows, written, bom=True)
    chunks = list(iter_csv(rows, bom=True, chunk_bytes=100))
    assert len(chunks) > 3, "small chunks: the stream really is in pieces"
    assert "".join(chunks) == written.getvalue()


def test_review_in_the_terminal_from_stdin(db_url: str, engine: Engine, seeded) -> None:
    # Queue order: Boston (3 sources) first, then by confidence.
    script = "\n".join(
        [
            "?",  # help
            "a looks right",  # accept Boston with a note
            "e date=2020-06-11 scope='police use'",  # edit the next one, shown again
            "r",  # reject it ...
            "wrong country",  # ... with a reason asked for
            "s",  # skip the third
            "q",
        ]
    )
    result = _invoke(db_url, "review", "--reviewer", "tess", stdin=script + "\n")
    assert result.exit_code == 0, result.output
    assert "accepted #" in result.output and "done: 1 accepted, 1 rejected, 1 edited" in (
        result.output
    )
    with session_scope(engine) as session:
        log = session.scalars(select(ReviewDecision).order_by(ReviewDecision.id)).all()
        assert [(d.decision, d.reviewer) for d in log] == [
            ("accept", "tess"),
            ("edit", "tess"),
            ("reject", "tess"),
        ]
        assert log[0].event_id == seeded["boston"] and log[0].reason == "looks right"
        second = session.get(Event, log[1].event_id)
        assert second.date == "2020-06-11" and second.scope == "police use"
        assert second.review_state == "rejected" and second.review_note == "wrong country"


def test_terminal_review_prints_scraped_markup_literally(db_url: str, seeded) -> None:
    result = _invoke(db_url, "review", "--region", "OH", stdin="q\n")
    assert result.exit_code == 0, result.output
    assert HOSTILE_TITLE in result.output and "onerror=alert(1)" in result.output


def test_terminal_review_stops_at_end_of_input(db_url: str, engine: Engine, seeded) -> None:
    result = _invoke(db_url, "review", "--action", "moratorium", stdin="a\n")
    assert result.exit_code == 0, result.output
    assert "done: 1 accepted" in result.output


def test_user_add_from_stdin(db_url: str, engine: Engine) -> None:
    password = "a good long password\n"
    added = _invoke(db_url, "user", "add", "ana", "--password-stdin", stdin=password)
    assert added.exit_code == 0, added.output
    again = _invoke(db_url, "user", "add", "ana", "--password-stdin", stdin="another password\n")
    assert again.exit_code == 2 and "exists" in again.output
    short = _invoke(db_url, "user", "add", "ben", "--password-stdin", stdin="short\n")
    assert short.exit_code == 2
    prompted = _invoke(
        db_url, "user", "add", "ana", "--update", stdin="newer long password\nnewer long password\n"
    )
    assert prompted.exit_code == 0, prompted.output
    with session_scope(engine) as session:
        assert session.scalars(select(User.username)).all() == ["ana"]
        assert authenticate(session, "ana", "newer long password") is not None


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_serve_refuses_to_listen_beyond_loopback_without_sign_in(db_url: str) -> None:
    result = _invoke(db_url, "serve", "--host", "0.0.0.0", "--no-login")
    assert result.exit_code == 2
    assert "loopback" in result.output
