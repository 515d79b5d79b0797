"""Done when: reviewers reject a recurring false event and correct a recurring wrong state;
after ``train --from-reviews`` and ``reextract`` new articles of both kinds come out right,
and the own-words test part does not drop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from banwatch.cli import app
from banwatch.config import LearningConfig, Settings
from banwatch.extraction import extract_stored_articles
from banwatch.learning import team_model
from banwatch.learning.second_opinion import SecondOpinion
from banwatch.learning.team_model import make_extractor
from banwatch.review import ReviewConfig, create_app
from banwatch.store.db import create_db_engine, session_scope, upgrade_database
from banwatch.store.models import Event
from banwatch.store.review import accept_event, edit_event, reject_event

from .conftest import (
    BASE_PARTS,
    BASE_STEPS,
    OPED_REASON,
    add_articles,
    events_of,
    readings_of,
)
from .own_words import OPED_CITIES, REAL_CITIES, SPRINGFIELD, opeds, real_news

#: with the scheduled retraining test, on one xdist worker: both use the session's
#: ``base_model``, which would otherwise be trained once per worker
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("base_model")]


def _review(engine, article_ids: list[int], kind: str) -> list[int]:
    """What the team's reviewers did, event by event; the events' ids."""
    judged = events_of(engine, article_ids)
    for event in judged:
        with session_scope(engine) as session:
            if kind == "oped":
                reject_event(session, event["id"], "ana", OPED_REASON)
            elif kind == "springfield":
                edit_event(session, event["id"], "ben", {"region": "MA"}, "our Springfield")
                accept_event(session, event["id"], "ben")
            else:
                accept_event(session, event["id"], "ana")
    return [e["id"] for e in judged]


def test_team_model_learns_both_mistakes(tmp_path: Path, base_model: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(team_model, "MODEL_DIR", base_model)  # the "shipped" model
    db = f"sqlite:///{tmp_path / 'banwatch.db'}"
    settings = Settings(db_url=db, learning=LearningConfig())
    engine = create_db_engine(db)
    upgrade_database(engine)
    reviewed = {"oped": add_articles(engine, opeds(OPED_CITIES[:12]), "oped"),
                "springfield": add_articles(engine, SPRINGFIELD[:6], "spring"),
                "real": add_articles(engine, real_news(REAL_CITIES[:9]), "real")}
    shipped = make_extractor(settings)
    assert "+decider." in shipped.version
    extract_stored_articles(engine, shipped)
    judged = {kind: _review(engine, ids, kind) for kind, ids in reviewed.items()}

    new = {"oped": add_articles(engine, opeds(OPED_CITIES[12:], offset=1), "new-oped"),
           "springfield": add_articles(engine, SPRINGFIELD[6:], "new-spring"),
           "real": add_articles(engine, real_news(REAL_CITIES[9:], offset=1), "new-real")}
    extract_stored_articles(engine, shipped)
    before = {k: readings_of(engine, ids) for k, ids in new.items()}
    assert len(before["oped"]) == 4  # four false events, one per op-ed
    assert {e["region"] for e in before["springfield"] if e["actor"] == "Springfield"} == {"MO"}

    runner = CliRunner()
    trained = runner.invoke(app, ["--db", db, "train", "--from-reviews", "--json",
                                  "--parts", ",".join(BASE_PARTS),
                                  "--steps", BASE_STEPS["training.max_steps"],
                                  "--seed", BASE_STEPS["system.seed"]])
    assert trained.exit_code == 0, trained.output
    outcome = json.loads(next(x for x in trained.output.splitlines() if x.startswith("{")))
    assert outcome["installed"]
    assert outcome["after"]["test"]["f1"] >= outcome["before"]["test"]["f1"]
    assert outcome["compared_with"] == "the shipped model"
    model = Path(outcome["directory"])
    assert model.parent == tmp_path / "banwatch.models" and model.name.startswith("decider-")
    went_in = json.loads((model / "reviews.json").read_text())["decisions"]
    rejected = [d for d in went_in if d["verdict"] == "not an event"]
    assert len(rejected) == 12 and {d["reason"] for d in rejected} == {OPED_REASON}

    # before the re-reading the new op-eds are pending events the two models disagree on
    opinion = SecondOpinion(settings).of
    review = create_app(ReviewConfig(db_url=db, reviewer="ana", second_opinion=opinion))
    pending = events_of(engine, new["oped"])[0]["id"]
    accepted = judged["real"][0]
    with TestClient(review, base_url="http://127.0.0.1:8700") as client:
        page = client.get(f"/events/{pending}").text
        assert 'data-models-disagree="yes"' in page
        assert "the shipped model finds this event in its articles, the team model does not" \
            in page
        assert "data-models-disagree" not in client.get(f"/events/{accepted}").text

    reextracted = runner.invoke(app, ["--db", db, "reextract"])
    assert reextracted.exit_code == 0, reextracted.output
    assert outcome["version"] in reextracted.output

    after = {k: readings_of(engine, ids) for k, ids in new.items()}
    assert after["oped"] == []
    places = [e["region"] for e in after["springfield"] if e["actor"] == "Springfield"]
    assert places and set(places) == {"MA"}
    assert {(e["actor"], e["status"]) for e in after["real"]} == \
        {(e["actor"], e["status"]) for e in before["real"]}
    # every review decision held through the re-reading
    with session_scope(engine) as session:
        kept = {kind: [session.get(Event, i) for i in ids] for kind, ids in judged.items()}
        assert {e.review_state for e in kept["oped"]} == {"rejected"}
        assert {(e.region, e.review_state) for e in kept["springfield"]} == {("MA", "accepted")}
        assert {e.review_state for e in kept["real"]} == {"accepted"}

    status = runner.invoke(app, ["--db", db, "train", "--status"])
    assert status.exit_code == 0, status.output
    assert f"team model {outcome['version']}" in status.output
    assert f"trained on {outcome['decisions']} decision(s)" in status.output
