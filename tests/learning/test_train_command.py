"""``banwatch train``: its settings, its mistakes, and its refusal to install a worse model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from banwatch.cli import app
from banwatch.config import ConfigError, settings_from_mapping
from banwatch.learning import team_model
from banwatch.learning.team_model import ATTEMPT_FILE, CURRENT_FILE

from .conftest import OPED_REASON, add_articles, events_of


def test_learning_settings_are_read_and_checked(tmp_path: Path) -> None:
    config = tmp_path / "banwatch.toml"
    settings = settings_from_mapping(
        {"learning": {"models_dir": "models", "retrain_after": 50}}, config)
    assert settings.learning.models_dir == tmp_path / "models"
    assert settings.learning.retrain_after == 50 and settings.learning.decider == "team"
    assert team_model.models_dir(settings) == tmp_path / "models"
    with pytest.raises(ConfigError, match="decider 'mine' is not one of team, shipped, rules"):
        settings_from_mapping({"learning": {"decider": "mine"}}, config)
    with pytest.raises(ConfigError, match="retrain_after must be a whole number"):
        settings_from_mapping({"learning": {"retrain_after": -1}}, config)


def test_models_go_beside_a_sqlite_database(tmp_path: Path) -> None:
    settings = settings_from_mapping({"database": {"url": f"sqlite:///{tmp_path}/team.db"}})
    assert team_model.models_dir(settings) == tmp_path / "team.models"


def test_train_needs_one_flag_and_something_to_learn(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'banwatch.db'}"
    runner = CliRunner()
    neither = runner.invoke(app, ["--db", db, "train"])
    assert neither.exit_code == 2 and "--from-reviews" in neither.output
    nothing = runner.invoke(app, ["--db", db, "train", "--from-reviews"])
    assert nothing.exit_code == 1 and "no review decisions to learn from" in nothing.output
    assert "Traceback" not in nothing.output
    bad = runner.invoke(app, ["--db", db, "train", "--from-reviews", "--parts", "test"])
    assert bad.exit_code == 2 and "not an own-words training part" in bad.output
    status = runner.invoke(app, ["--db", db, "train", "--status"])
    assert status.exit_code == 0, status.output
    assert "team model: none trained yet" in status.output
    assert "does not retrain" in status.output


@pytest.mark.slow
def test_a_model_that_scores_lower_on_the_test_part_is_not_installed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(team_model, "MODEL_DIR", tmp_path / "none")  # in use: the rules alone
    db = f"sqlite:///{tmp_path / 'banwatch.db'}"
    runner = CliRunner()
    assert runner.invoke(app, ["--db", db, "db", "upgrade"]).exit_code == 0
    from banwatch.store.db import create_db_engine, session_scope
    from banwatch.store.review import reject_event

    engine = create_db_engine(db)
    ids = add_articles(engine, [("Opinion", "OPINION — It is time the Akron City Council "
                                 "proposed a ban on facial recognition.")], "oped")
    assert runner.invoke(app, ["--db", db, "reextract"]).exit_code == 0
    with session_scope(engine) as session:
        reject_event(session, events_of(engine, ids)[0]["id"], "ana", OPED_REASON)

    # a model trained a few steps on one part, trusted over the rules (it drops every
    # candidate it doubts), is far below the tuned rules
    import banwatch.extract.training.__main__ as training

    trusting = tmp_path / "thresholds.json"
    trusting.write_text(json.dumps({"keep_rule": 0.9, "accept_parse": 0.5, "relabel": 0.5,
                                    "keep_label": 0.5}))
    monkeypatch.setattr(training, "THRESHOLDS", trusting)
    result = runner.invoke(app, ["--db", db, "train", "--from-reviews", "--json",
                                 "--parts", "dev", "--steps", "20"])

    assert result.exit_code == 1
    outcome = json.loads(next(x for x in result.output.splitlines() if x.startswith("{")))
    assert not outcome["installed"] and outcome["compared_with"] == "the rules alone (no model)"
    assert outcome["after"]["test"]["f1"] < outcome["before"]["test"]["f1"]
    assert "not installed: the new model scores F1" in result.output.splitlines()[-1]
    models = tmp_path / "banwatch.models"
    assert not (models / CURRENT_FILE).exists()
    assert json.loads((models / ATTEMPT_FILE).read_text())["refusal"].startswith("not installed")
    assert not [p for p in models.iterdir() if p.is_dir()], "the refused model is removed"
    status = runner.invoke(app, ["--db", db, "train", "--status"])
    assert "in use: the rules alone" in status.output and "not installed" in status.output
