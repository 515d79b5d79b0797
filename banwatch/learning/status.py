"""What ``banwatch train --status`` tells: the model in use, what it learned from, when."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from banwatch.config import Settings
from banwatch.extract.decider import decider_version
from banwatch.extract.extractor import EXTRACTOR_VERSION
from banwatch.learning.reviews import count_decisions
from banwatch.learning.team_model import (
    ATTEMPT_FILE,
    decider_path,
    describe_decider,
    installed_model,
    models_dir,
    read_json,
)
from banwatch.store.db import session_factory


def last_attempt(settings: Settings) -> dict[str, Any] | None:
    """The latest training, installed or refused."""
    return read_json(models_dir(settings) / ATTEMPT_FILE)


def new_decisions(engine: Engine, settings: Settings) -> int:
    """Review decisions made since the latest training read them."""
    attempt = last_attempt(settings) or {}
    with session_factory(engine)() as session:
        return count_decisions(session, int(attempt.get("last_decision_id", 0)))


def model_status(engine: Engine, settings: Settings) -> dict[str, Any]:
    """The facts, and the lines that say them."""
    path = decider_path(settings)
    team = installed_model(settings)
    attempt = last_attempt(settings)
    since = new_decisions(engine, settings)
    status: dict[str, Any] = {
        "decider_setting": settings.learning.decider,
        "in_use": describe_decider(path, settings),
        "extractor_version": EXTRACTOR_VERSION + decider_version(path),
        "models_dir": str(models_dir(settings)),
        "team_model": None if team is None else {
            "version": team.version, "path": str(team.path), "installed_at": team.installed_at,
            "decisions": team.decisions, "articles": team.articles},
        "last_training": attempt,
        "decisions_since_last_training": since,
        "retrain_after": settings.learning.retrain_after,
    }
    lines = [f"in use: {status['in_use']} (extractor {status['extractor_version']};"
             f" [learning] decider = {settings.learning.decider!r})"]
    if team is None:
        lines.append(f"team model: none trained yet (they go in {status['models_dir']})")
    else:
        lines.append(f"team model: {team.version}, trained on {team.decisions} decision(s) "
                     f"about {team.articles} article(s), installed {team.installed_at}, "
                     f"in {team.path}")
    if attempt is not None:
        verdict = "installed" if attempt.get("installed") else (attempt.get("refusal")
                                                                or "not installed")
        lines.append(f"last training: {attempt.get('at')}, model {attempt.get('version')}: "
                     f"{verdict}")
    rule = (f"the scheduled job retrains after {settings.learning.retrain_after}"
            if settings.learning.retrain_after else "the scheduled job does not retrain "
            "([learning] retrain_after = 0)")
    lines.append(f"{since} review decision(s) since the last training; {rule}")
    status["lines"] = lines
    return status
