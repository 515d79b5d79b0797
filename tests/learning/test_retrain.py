"""The scheduled job retrains after N new decisions, and the digest says what changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from banwatch.config import LearningConfig, Settings
from banwatch.digest import build_digest, render_chat, render_text, retrain_summary
from banwatch.extraction import extract_stored_articles
from banwatch.jobs import run_scheduled_job
from banwatch.learning import team_model
from banwatch.learning.retrain import retrain_if_due
from banwatch.learning.team_model import installed_model, make_extractor
from banwatch.store.db import create_db_engine, session_scope, upgrade_database
from banwatch.store.models import CrawlRun
from banwatch.store.review import accept_event, reject_event
from banwatch.store.types import utcnow

from .conftest import BASE_PARTS, BASE_STEPS, OPED_REASON, add_articles, events_of
from .own_words import OPED_CITIES, REAL_CITIES, opeds, real_news


def _reviewed_store(db: str, settings: Settings) -> Engine:
    engine = create_db_engine(db)
    upgrade_database(engine)
    op_ids = add_articles(engine, opeds(OPED_CITIES[:9]), "oped")
    real_ids = add_articles(engine, real_news(REAL_CITIES[:6]), "real")
    extract_stored_articles(engine, make_extractor(settings))
    with session_scope(engine) as session:
        for e in events_of(engine, op_ids):
            reject_event(session, e["id"], "ana", OPED_REASON)
        for e in events_of(engine, real_ids):
            accept_event(session, e["id"], "ana")
    return engine


def test_retraining_is_off_by_default_and_waits_for_enough_decisions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(team_model, "MODEL_DIR", tmp_path / "no-model")  # rules alone
    db = f"sqlite:///{tmp_path / 'banwatch.db'}"
    engine = _reviewed_store(db, Settings(db_url=db))
    assert retrain_if_due(engine, Settings(db_url=db)) is None  # off by default
    many = Settings(db_url=db, learning=LearningConfig(retrain_after=100))
    assert retrain_if_due(engine, many) is None  # 15 decisions are not 100
    assert not (tmp_path / "banwatch.models").exists(), "nothing was trained"


def test_retrain_summary_says_what_changed_or_why_not() -> None:
    record = {"new_decisions": 25, "decisions": 40, "version": "abc123", "installed": True,
              "refusal": None, "compared_with": "the shipped model",
              "before": {"test": 0.71, "held_back": 0.2}, "after": {"test": 0.76,
                                                                  "held_back": 1.0},
              "reextracted": {"articles": 30, "events_new": 2}}
    said = retrain_summary(record)
    assert "retrained on 40 review decisions (25 new)" in said
    assert "model abc123 replaces the shipped model" in said
    assert "test F1 0.710 → 0.760" in said and "30 stored articles read again" in said
    refused = retrain_summary({**record, "installed": False, "refusal": "scores lower"})
    assert "was not installed" in refused and refused.endswith("scores lower")


@pytest.mark.slow
@pytest.mark.xdist_group("base_model")  # one worker trains the session's base model
def test_the_scheduled_job_retrains_and_the_digest_tells(
        tmp_path: Path, base_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(team_model, "MODEL_DIR", base_model)
    db = f"sqlite:///{tmp_path / 'banwatch.db'}"
    settings = Settings(db_url=db, learning=LearningConfig(retrain_after=10))
    engine = _reviewed_store(db, settings)
    # the scheduled job trains with the default options: here, the base model's few steps
    monkeypatch.setattr("banwatch.learning.retrain.TrainingOptions", _fast_options)

    result = run_scheduled_job(settings)

    assert result is not None and result.status == "succeeded", result
    record = result.stats["retrain"]
    assert record["new_decisions"] == 15 and record["decisions"] == 15
    assert record["installed"] == (installed_model(settings) is not None)
    if record["installed"]:
        assert record["reextracted"]["articles"] == 15
    with session_scope(engine) as session:
        digest = build_digest(session, settings, result.run_id, "webhook", utcnow())
        assert session.get(CrawlRun, result.run_id).stats["retrain"] == record
    assert not digest.empty
    assert retrain_summary(record) in render_text(digest)
    assert "retrained on 15 review decisions" in render_chat(digest)
    # the next run finds no new decision and does not train again
    again = run_scheduled_job(settings)
    assert again is not None and "retrain" not in again.stats


def _fast_options():  # noqa: ANN202 - the options the slow test trains with
    from banwatch.learning.training import TrainingOptions

    return TrainingOptions(parts=BASE_PARTS, overrides=dict(BASE_STEPS))
