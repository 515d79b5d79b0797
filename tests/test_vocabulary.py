"""One vocabulary, and every place that must know each of its words.

``banwatch.vocabulary`` defines the actions, statuses, actor types, levels and
review states once. These tests fail when a module keeps its own copy, or when
a word is added there but missed somewhere it has to reach: the store's
columns and amendment links, the CLI's filters, the export, the review app's
filters and edits, the overview's colours and current-status rules, the
extractor's cue patterns, word tables and rules, the labelled data and the
README.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from banwatch.cli import app
from banwatch.export import iter_event_rows
from banwatch.extract import lexicon
from banwatch.extract.components import read_patterns
from banwatch.extract.evaluation import GOLD_DIR
from banwatch.extract.events import Event as ExtractedEvent
from banwatch.overview import overview_data, render_overview
from banwatch.overview.data import EventSummary
from banwatch.overview.figures import ACTION_COLOURS, STATE_COLOURS, timeline_figure
from banwatch.overview.render import OVERVIEW_STATIC_DIR
from banwatch.review.queries import parse_filters, queue_page
from banwatch.standing import STRENGTH, current_status
from banwatch.store.articles import ArticleRecord, save_article
from banwatch.store.db import session_scope
from banwatch.store.events import EventFilters, replace_article_mentions
from banwatch.store.models import Article, Event, Mention
from banwatch.store.review import validate_changes
from banwatch.vocabulary import (
    ACTIONS,
    ACTOR_TYPES,
    AMENDING_ACTIONS,
    AMENDS,
    LEVELS,
    REVIEW_STATE_FILTERS,
    REVIEW_STATES,
    STANDING_ACTIONS,
    STATUSES,
)

ROOT = Path(__file__).resolve().parents[1]
VOCABULARIES = {
    "ACTIONS": ACTIONS,
    "STATUSES": STATUSES,
    "ACTOR_TYPES": ACTOR_TYPES,
    "LEVELS": LEVELS,
    "REVIEW_STATES": REVIEW_STATES,
}
#: Collections that hold a whole vocabulary on purpose, each checked below.
ORDERINGS = {("extract/lexicon.py", "ACTION_PRIORITY")}
#: What banwatch/ reaches through symlinks to the repository root.
SYMLINKED = {"crawler", "extract", "store", "scheduler.py"}
runner = CliRunner()


# -- the module itself ---------------------------------------------------------------


def test_importing_the_vocabulary_loads_nothing_heavy() -> None:
    probe = (
        "import json, sys, banwatch.vocabulary; "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'banwatch', 'spacy', 'sqlalchemy', 'starlette', 'typer', 'scrapy', 'plotly'})))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(loaded) == ["banwatch", "banwatch.vocabulary"]


def test_amendments_are_between_actions() -> None:
    assert set(AMENDING_ACTIONS) <= set(ACTIONS)
    assert all(set(targets) <= set(ACTIONS) for targets in AMENDS.values())
    assert set(STANDING_ACTIONS) | set(AMENDING_ACTIONS) == set(ACTIONS)
    assert REVIEW_STATE_FILTERS[: len(REVIEW_STATES)] == REVIEW_STATES


def _python_files() -> Iterator[Path]:
    """The code to scan, each file once (not again through banwatch/'s symlinks).

    Migrations are left out: they are history, each keeping the words of its day.
    """
    for folder in ("banwatch", "crawler", "extract", "store", "bench"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            inside = path.relative_to(ROOT / folder).parts
            if (folder == "banwatch" and inside[0] in SYMLINKED) or "migrations" in inside:
                continue
            yield path
    yield ROOT / "scheduler.py"
    yield ROOT / "examples" / "sample-site" / "build.py"


def _copies(path: Path) -> list[str]:
    """Literal tuples, lists and sets that hold every word of one vocabulary."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = {
        id(node.value): target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Tuple | ast.List | ast.Set):
            continue
        words = {e.value for e in node.elts if isinstance(e, ast.Constant)}
        for vocabulary, values in VOCABULARIES.items():
            where = (path.relative_to(ROOT).as_posix(), names.get(id(node), "?"))
            if set(values) <= words and where not in ORDERINGS:
                found.append(f"{where[0]}:{node.lineno} {where[1]} copies {vocabulary}")
    return found


def test_no_module_keeps_its_own_copy_of_a_vocabulary() -> None:
    assert _copies(ROOT / "banwatch" / "vocabulary.py"), "the scan must see the vocabulary"
    copies = [c for p in _python_files() if p.name != "vocabulary.py" for c in _copies(p)]
    assert copies == [], "import them from banwatch.vocabulary instead"


# -- the store, the export, the CLI, the review app and the overview, per action -------


def _found(action: str, actor: str = "Springfield", day: str = "2021-03-02") -> ExtractedEvent:
    """An event as the extractor hands it to the store."""
    return ExtractedEvent(
        actor=actor, actor_type="jurisdiction", level="city", country="US", region="IL",
        action=action, status="enacted", scope="government use",
        technology="facial recognition", date=day, date_text=day, until=None,
        evidence=f"{actor} decided on facial recognition.", start=0, end=40, confidence=0.8,
        topic="facial-recognition",
    )  # fmt: skip


def _file(engine: Engine, n: int, *found: ExtractedEvent) -> None:
    """One article reporting ``found``, filed the way the crawl files it."""
    record = ArticleRecord(
        url=f"https://news.example/{n}",
        canonical_url=f"https://news.example/{n}",
        title=f"Story {n}",
        author=None,
        published=datetime(2021, 3, 3, tzinfo=UTC),
        language="en",
        text=found[0].evidence,
        content_hash=f"hash{n}",
    )
    with session_scope(engine) as session:
        save_article(session, record, None)
        article = session.scalar(select(Article).where(Article.url == record.url))
        replace_article_mentions(session, article, found, "test")


def test_every_word_fits_its_column() -> None:
    columns = {
        "ACTIONS": [Event.action, Mention.action],
        "STATUSES": [Event.status, Mention.status],
        "ACTOR_TYPES": [Event.actor_type],
        "LEVELS": [Event.level],
        "REVIEW_STATES": [Event.review_state],
    }
    for vocabulary, values in VOCABULARIES.items():
        for column in columns[vocabulary]:
            limit = column.property.columns[0].type.length
            assert max(map(len, values)) <= limit, f"{column} holds {limit} characters"


@pytest.mark.parametrize("action", ACTIONS)
def test_each_action_is_stored_listed_exported_filtered_and_drawn(
    action: str, engine: Engine, db_url: str
) -> None:
    _file(engine, 1, _found(action))
    with session_scope(engine) as session:
        assert session.scalars(select(Event.action)).all() == [action]
        view = parse_filters({"action": action, "review_state": "any"}, default_state="pending")
        assert view.problems == []
        events, total = queue_page(session, view.filters, 1, 20)
        assert total == 1 and events[0].action == action
        rows = list(iter_event_rows(session, EventFilters(action=action, review_state="any")))
        assert [row["action"] for row in rows] == [action]
        assert validate_changes({"action": action}) == {"action": action}
        data = overview_data(session, EventFilters(review_state="any"), today=date(2025, 1, 1))
    listed = runner.invoke(app, ["--db", db_url, "events", "--action", action, "--format", "jsonl"])
    assert listed.exit_code == 0, listed.output
    assert [json.loads(line)["action"] for line in listed.stdout.splitlines()] == [action]

    bars = {trace["name"]: trace for trace in timeline_figure(data)["data"]}
    assert sum(bars[action]["y"]) == 1
    assert bars[action]["marker"]["color"] == ACTION_COLOURS[action]
    html = render_overview(data, standalone=False)
    assert f'<option value="{action}"' in html, "the overview's action filter offers it"


def test_each_review_css_tag_and_overview_state_has_a_colour() -> None:
    review_css = (ROOT / "banwatch" / "review" / "static" / "review.css").read_text()
    overview_css = (OVERVIEW_STATIC_DIR / "overview.css").read_text()
    for action in ACTIONS:
        assert f".tag-{action} " in review_css, f"review.css has no .tag-{action}"
        assert action in ACTION_COLOURS
    for action in STANDING_ACTIONS:
        assert action in STRENGTH and action in STATE_COLOURS
        assert f".state-{action} " in overview_css, f"overview.css has no .state-{action}"


def _summary(event_id: int, action: str, day: str, amends: int | None = None) -> EventSummary:
    return EventSummary(
        id=event_id, topic="facial-recognition", actor="Springfield", actor_key="US|IL|springfield",
        actor_type="jurisdiction", level="city", country="US", region="IL", action=action,
        status="enacted", date=day, until="2022-01-01", scope=None, review_state="accepted",
        amends_event_id=amends,
    )  # fmt: skip


@pytest.mark.parametrize("action", STANDING_ACTIONS)
def test_a_standing_action_is_the_current_policy(action: str) -> None:
    status = current_status([_summary(1, action, "2021-03")], "2021-06-01")
    assert status is not None and status.state == action


@pytest.mark.parametrize("action", AMENDING_ACTIONS)
def test_an_amending_action_changes_what_it_amends(action: str, engine: Engine) -> None:
    for n, target in enumerate(ACTIONS):
        actor = f"Town {n}"
        _file(engine, 2 * n, _found(target, actor, "2020-05"))
        _file(engine, 2 * n + 1, _found(action, actor, "2021-03"))
    with session_scope(engine) as session:
        stored = {(e.actor, e.date): e for e in session.scalars(select(Event))}
        for n, target in enumerate(ACTIONS):
            earlier, later = stored[(f"Town {n}", "2020-05")], stored[(f"Town {n}", "2021-03")]
            expected = earlier.id if target in AMENDS[action] else None
            assert later.amends_event_id == expected, f"{action} after {target}"

    target = AMENDS[action][0]
    before = current_status([_summary(1, target, "2020-05")], "2021-06-01")
    after = current_status(
        [_summary(1, target, "2020-05"), _summary(2, action, "2021-03", amends=1)], "2021-06-01"
    )
    assert after != before, f"the overview ignores {action}"


# -- the extractor and the labelled data ---------------------------------------------


def _cue_words(kind: str) -> set[str]:
    ids = {row["id"] for row in read_patterns(["cues.jsonl"])}
    return {i.split(":", 1)[1] for i in ids if i.startswith(f"{kind}:")}


def test_the_extractor_has_cues_for_every_action_and_status_and_no_others() -> None:
    assert _cue_words("action") == set(ACTIONS)
    assert _cue_words("status") == set(STATUSES)


def test_the_extractors_action_tables_cover_every_action() -> None:
    assert sorted(lexicon.ACTION_PRIORITY) == sorted(ACTIONS)
    assert set(lexicon.HEADLINE_FAMILY) == set(ACTIONS)
    assert set(lexicon.ACTION_FAMILY) == set(ACTIONS)


#: Names the extractor's rules give an event's fields (``c.action``, ``last_action``...).
RULE_FIELDS = {"action": ACTIONS, "status": STATUSES, "actor_type": ACTOR_TYPES}


def _field_of(node: ast.expr) -> str | None:
    name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", None)
    if not isinstance(name, str):
        return None
    return next((f for f in RULE_FIELDS if name == f or name.endswith(f"_{f}")), None)


def _words(node: ast.expr | None) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [w for e in node.elts for w in _words(e)]
    if isinstance(node, ast.IfExp):
        return _words(node.body) + _words(node.orelse)
    return []


def _rule_words(path: Path) -> Iterator[tuple[str, str, int]]:
    """(field, word, line) for each word the code compares with or assigns to a field."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        pairs: list[tuple[ast.expr, ast.expr | None]] = []
        if isinstance(node, ast.Compare):
            pairs = [(node.left, c) for c in node.comparators]
        elif isinstance(node, ast.Assign):
            pairs = [(t, node.value) for t in node.targets]
        elif isinstance(node, ast.keyword) and node.arg:
            pairs = [(ast.Name(node.arg), node.value)]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            cue = re.fullmatch(r"(action|status):(\w+)", node.value)
            if cue:
                yield cue.group(1), cue.group(2), node.lineno
        for target, value in pairs:
            field = _field_of(target)
            for word in _words(value) if field else []:
                yield field, word, getattr(value, "lineno", 0)


def test_every_word_the_extractors_rules_use_is_in_the_vocabulary() -> None:
    seen, strangers = set(), []
    for path in sorted((ROOT / "extract").rglob("*.py")):
        for field, word, line in _rule_words(path):
            seen.add(field)
            if word not in RULE_FIELDS[field]:
                strangers.append(f"{path.relative_to(ROOT)}:{line} {field} {word!r}")
    assert seen == set(RULE_FIELDS), "the scan must find the rules' comparisons"
    assert strangers == []


def _labelled_events() -> Iterator[tuple[str, dict]]:
    for part in sorted(GOLD_DIR.glob("*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            for event in json.loads(line)["events"]:
                yield part.name, event
    expected = ROOT / "examples" / "sample-site" / "expected.jsonl"
    for line in expected.read_text(encoding="utf-8").splitlines():
        for event in json.loads(line)["events"]:
            yield expected.name, event


def test_labelled_events_and_the_gazetteer_use_the_vocabulary() -> None:
    strangers = [
        (where, field, event[field])
        for where, event in _labelled_events()
        for field, values in (("action", ACTIONS), ("status", STATUSES),
                              ("actor_type", ACTOR_TYPES), ("level", (*LEVELS, None)))
        if event[field] not in values
    ]  # fmt: skip
    assert strangers == []
    places = read_patterns(["places.jsonl"])
    assert {place["level"] for place in places} == set(LEVELS)


def _readme_values(column: str) -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = re.search(rf"^\| `{column}` \|(.*)\|$", readme, re.MULTILINE)
    assert row, f"README's export columns do not describe {column}"
    return set(re.findall(r"`([^`]+)`", row.group(1)))


def test_the_readme_lists_the_vocabulary() -> None:
    assert _readme_values("action") == set(ACTIONS)
    assert _readme_values("status") == set(STATUSES)
    assert _readme_values("actor_type") == set(ACTOR_TYPES)
    assert _readme_values("level") == set(LEVELS)
    assert _readme_values("review_state") == set(REVIEW_STATES)
