"""The scheduled job's part: retrain after enough new review decisions.

Off by default (``[learning] retrain_after = 0``). With it set, each scheduled run that
finds at least that many review decisions made since the last training trains a team
model (``banwatch.learning.training``); an installed one then reads the stored articles
again, as ``banwatch reextract`` would, so that the digest can tell what changed. The
record of it goes on the run (``stats["retrain"]``), where the digest finds it.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from sqlalchemy import Engine

from banwatch.config import Settings
from banwatch.extraction import extract_stored_articles
from banwatch.learning.status import new_decisions
from banwatch.learning.team_model import LearningError, make_extractor, models_dir
from banwatch.learning.training import TrainingOptions, train_from_reviews, training_lock
from banwatch.locks import LockBusy

log = logging.getLogger(__name__)


def _f1s(figures: dict[str, dict[str, Any]]) -> dict[str, float | None]:
    held = figures["held_back"]
    return {"test": figures["test"]["f1"], "held_back": held["f1"] if held["articles"] else None}


def retrain_if_due(engine: Engine, settings: Settings,
                   options: TrainingOptions | None = None) -> dict[str, Any] | None:
    """Train (and re-read the store) when enough decisions are new; what happened, or
    None when it was not due."""
    due = settings.learning.retrain_after
    if due <= 0:
        return None
    since = new_decisions(engine, settings)
    if since < due:
        return None
    folder = models_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    log.info("%d new review decisions: retraining", since)
    try:
        with training_lock(settings), (folder / "training.log").open("w") as out:
            outcome = train_from_reviews(engine, settings,
                                         replace(options or TrainingOptions(), log=out))
    except (LearningError, LockBusy) as exc:
        return {"new_decisions": since, "error": str(exc)}
    record: dict[str, Any] = {
        "new_decisions": since, "decisions": outcome.decisions, "version": outcome.version,
        "installed": outcome.installed, "refusal": outcome.refusal,
        "compared_with": outcome.compared_with, "before": _f1s(outcome.before),
        "after": _f1s(outcome.after), "train_seconds": round(outcome.train_seconds, 1),
    }
    if outcome.installed:
        extractor = make_extractor(settings)
        counts = extract_stored_articles(engine, extractor, stale=True)
        record["reextracted"] = {"extractor": extractor.version, "articles": counts.articles,
                                 "events_new": counts.events_new}
    return record
