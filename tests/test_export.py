"""CSV export: formula injection neutralised, RFC 4180 quoting, BOM on request."""

from __future__ import annotations

import csv
import io

import pytest

from banwatch.export import EXPORT_COLUMNS, neutralise_cell, write_csv


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("+1 555", "'+1 555"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Boston", "Boston"),
        ("2020-06", "2020-06"),
        (None, ""),
        (3, "3"),
    ],
)
def test_neutralise_cell(value: object, expected: str) -> None:
    assert neutralise_cell(value) == expected


def test_csv_round_trips_hostile_text() -> None:
    row = {column: None for column in EXPORT_COLUMNS}
    row.update(
        event_id=7,
        actor="Boston",
        first_source_title='=HYPERLINK("http://evil","x")',
        evidence='He said, "ban it",\nthen <img src=x onerror=alert(1)> left.',
    )
    out = io.StringIO(newline="")
    assert write_csv([row], out, bom=True) == 1
    text = out.getvalue()
    assert text.startswith("\ufeffevent_id,")
    assert "\r\n" in text
    parsed = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    assert parsed[0]["first_source_title"].startswith("'=")
    assert parsed[0]["evidence"] == row["evidence"]
    assert list(parsed[0]) == list(EXPORT_COLUMNS)
