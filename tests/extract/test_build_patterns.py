"""The generated gazetteer files are what the generator produces (not edited by hand)."""

from __future__ import annotations

import json

from banwatch.extract.patterns import build_patterns


def test_generated_files_are_up_to_date() -> None:
    records, patterns = build_patterns.build()
    committed = (build_patterns.HERE / "places.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(committed) == len(records)
    assert json.loads(committed[0]) == records[0]
    committed_patterns = (build_patterns.HERE / "jurisdictions.jsonl").read_text(encoding="utf-8")
    assert len(committed_patterns.splitlines()) == len(patterns)
    levels = {r["level"] for r in records}
    assert levels == {"city", "county", "state", "country", "supranational"}
    assert len(records) < 10_000  # a sensible size
