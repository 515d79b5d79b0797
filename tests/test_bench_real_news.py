"""bench/real_news.py's bookkeeping: what a gold line commits, and how a re-pulled cache is
checked. The excerpts here are our own words; no real-news text or cache is needed."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "real_news.py"


@pytest.fixture
def real_news(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location("real_news_under_test", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # (its dataclasses look it up)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "GOLD_FILE", tmp_path / "gold.jsonl")
    monkeypatch.setattr(module, "INCOMING_DIR", tmp_path / "incoming")
    monkeypatch.setattr(module, "CACHE_DIR", tmp_path / "cache")
    (tmp_path / "incoming").mkdir()
    (tmp_path / "cache").mkdir()
    return module


EXCERPT = "Somerville's council voted on Tuesday to bar city departments from using face scans."


def test_a_digest_overlooks_what_a_retyping_helper_cannot_see(real_news: ModuleType) -> None:
    retyped = EXCERPT.replace(" ", "\u00a0", 2).replace("Tuesday to", "Tuesday   to")
    assert real_news.text_digest(retyped) == real_news.text_digest(EXCERPT)
    assert real_news.text_digest(EXCERPT.replace("Tuesday", "Monday")) != \
        real_news.text_digest(EXCERPT)


def test_assembling_commits_a_digest_and_never_the_annotators_quotes(
        real_news: ModuleType) -> None:
    line = {"id": "rnu-001", "topic": "facial-recognition", "noise": False,
            "url": "https://example.org/somerville", "query": "somerville bans face scans",
            "published": "2019-06-28",
            "events": [{"actor": "Somerville", "action": "ban", "status": "enacted",
                        "evidence": "voted on Tuesday to bar city departments"}]}
    (real_news.INCOMING_DIR / "rnu.jsonl").write_text(json.dumps(line) + "\n")
    (real_news.CACHE_DIR / "rnu-001.txt").write_text(EXCERPT)
    [row] = real_news.assemble()
    assert row["part"] == "blind13"
    assert "evidence" not in row["events"][0]
    assert row["text_digest"] == real_news.text_digest(EXCERPT)
    assert "voted on Tuesday" not in real_news.GOLD_FILE.read_text()


def test_check_cache_names_the_excerpt_a_re_pull_copied_wrong(
        real_news: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"id": f"rnu-00{i}", "part": "blind13", "topic": "facial-recognition",
             "url": f"https://example.org/{i}", "query": "q", "rank": 1,
             "text_digest": real_news.text_digest(EXCERPT), "events": []} for i in (1, 2)]
    real_news.GOLD_FILE.write_text("".join(json.dumps(r) + "\n" for r in rows))
    (real_news.CACHE_DIR / "rnu-001.txt").write_text(EXCERPT)
    (real_news.CACHE_DIR / "rnu-002.txt").write_text(EXCERPT.replace("council", "counsel"))
    assert real_news.main(["--check-cache", "--cache", str(real_news.CACHE_DIR)]) == 1
    out = capsys.readouterr()
    assert [json.loads(x)["id"] for x in out.out.splitlines()] == ["rnu-002"]
    assert "2 cached excerpts checked, 1 differ" in out.err


def test_re_pull_slices_keep_a_querys_lines_together_and_share_the_searches(
        real_news: ModuleType) -> None:
    def line(i: int, query: str) -> object:
        return real_news.Line({"id": f"rnu-{i:03d}", "query": query, "url": f"u{i}"}, None)

    lines = [line(1, "a"), line(2, "a"), line(3, "a"), line(4, "b"), line(5, "c"),
             line(6, "d"), line(7, "b")]
    slices = real_news.repull_slices(lines, 3)
    queries = [{ln.record["query"] for ln in s} for s in slices]
    assert sorted(len(q) for q in queries) == [1, 1, 2]  # four searches over three helpers
    assert sum(len(s) for s in slices) == len(lines)
    for q in "abcd":  # one search serves all of a query's lines
        assert sum(q in qs for qs in queries) == 1


def test_reading_line_by_line_is_refused_on_held_out_parts(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = SCRIPT.with_name("real_news_inspect.py")
    spec = importlib.util.spec_from_file_location("real_news_inspect_under_test", path)
    tool = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, tool)
    spec.loader.exec_module(tool)
    assert tool.tuning_only(None) == list(tool.TUNING_PARTS)
    with pytest.raises(tool.HeldOut):
        tool.tuning_only(["devc", "blind12"])
    assert tool.main(["falses", "--part", "test"]) == 2
    assert tool.main(["line", "rnb-001"]) == 2  # a blind1 line
    assert "held out" in capsys.readouterr().err


def test_confusions_name_the_lines_they_come_from(monkeypatch: pytest.MonkeyPatch) -> None:
    path = SCRIPT.with_name("real_news_inspect.py")
    spec = importlib.util.spec_from_file_location("real_news_inspect_under_test", path)
    tool = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, tool)
    spec.loader.exec_module(tool)
    gold = {"actor": "Somerville", "region": "MA", "action": "ban", "status": "enacted"}
    line = tool.rn.Line({"id": "rnx-001", "part": "dev", "events": [gold]}, EXCERPT)
    given = [{**gold, "action": "moratorium"}]
    assert tool.confusions([line], [given]) == {
        ("ban/enacted", "moratorium/enacted"): ["rnx-001 (somerville)"]}
    assert tool.confusions([line], [[gold]]) == {}


def test_a_group_with_excerpts_in_other_languages_is_also_scored_on_its_english_ones(
        real_news: ModuleType) -> None:
    english = real_news.Line({"id": "rnu-010", "part": "blind13", "topic": "e-scooters"},
                             "The city council voted to ban rental scooters from the "
                             "waterfront for the summer.")
    italian = real_news.Line({"id": "rnu-011", "part": "blind13", "topic": "e-scooters"},
                             "Il consiglio comunale ha vietato i monopattini elettrici in "
                             "centro per tutta l'estate.")
    groups = real_news.groups([english, italian])
    assert [ln.id for ln in groups["blind13 / e-scooters, English"]] == ["rnu-010"]
    assert [ln.id for ln in groups["blind13 / other topics, English"]] == ["rnu-010"]
    assert len(groups["blind13 / e-scooters"]) == 2
    # (a group whose excerpts are all in English gets no second line)
    assert "blind13 / e-scooters, English" not in real_news.groups([english])


def test_a_second_annotator_is_scored_as_banwatch_is_on_the_lines_they_labelled(
        real_news: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    somerville = {"actor": "Somerville", "region": "MA", "action": "ban",
                  "status": "enacted", "date": "2019-06-25"}
    rows = [{"id": f"rnu-02{i}", "part": "blind13", "topic": "facial-recognition",
             "url": f"https://example.org/{i}", "query": "q", "rank": 1,
             "published": "2019-06-28", "events": [somerville]} for i in (1, 2, 3)]
    real_news.GOLD_FILE.write_text("".join(json.dumps(r) + "\n" for r in rows))
    for r in rows:
        (real_news.CACHE_DIR / f"{r['id']}.txt").write_text(EXCERPT)
    second = tmp_path / "second.jsonl"
    second.write_text(
        json.dumps({"id": "rnu-021", "events": [somerville]}) + "\n" +
        # (a moratorium where the gold has a ban: one miss and one false alarm)
        json.dumps({"id": "rnu-022", "events": [{**somerville, "action": "moratorium"}]}) +
        "\n")  # (rnu-023 was not labelled a second time: it is left out, not counted missed)
    assert real_news.main(["--part", "blind13", "--against", str(second),
                           "--cache", str(real_news.CACHE_DIR), "--json"]) == 0
    out = capsys.readouterr().out
    result = json.loads(out[out.index("{"):])
    assert result["extractor"] == "second annotator (second.jsonl)"
    scores = result["results"]["blind13 / facial-recognition"]
    assert (scores["lines"], scores["tp"], scores["fp"], scores["fn"]) == (2, 1, 1, 1)
