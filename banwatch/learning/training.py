"""Train a team model from the store's review decisions, measure it, install it or refuse.

``train_from_reviews``: the reviewed articles (``banwatch.learning.reviews``), less a
held-back part, join the shipped training data (the own-words training parts) in a
new decider, trained by the training module (``extract/training``) into a directory
beside the database. The extractor with the model in use now ("before") and with the new
one ("after") then read the held-back articles and the own-words test part; the new
model is installed only if it does not score lower on the test part, so what the team
teaches never costs what the extractor already knew.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Engine

from banwatch.config import Settings
from banwatch.extract.evaluation import load_gold, predict, score
from banwatch.extract.extractor import Extractor
from banwatch.extract.topics import DEFAULT_TOPICS, Topic
from banwatch.extract.training.__main__ import TRAIN_PARTS, train
from banwatch.learning.places import ReadingCorrections
from banwatch.learning.reviews import ReviewSet, as_read, collect_reviews, corrections
from banwatch.learning.team_model import (
    ATTEMPT_FILE,
    CURRENT_FILE,
    MODEL_PREFIX,
    REVIEWS_FILE,
    LearningError,
    decider_path,
    describe_decider,
    extractor_for,
    models_dir,
    write_json,
)
from banwatch.locks import LockUnsupported, crawl_lock
from banwatch.store.db import session_factory
from banwatch.store.types import utcnow

#: the share of reviewed articles held back to measure on, never trained on
HELD_BACK = 0.2
TEST_PART = "test"


@dataclass(frozen=True)
class TrainingOptions:
    """How to train: the shipped parts to learn from and ``spacy train`` overrides (tests
    and the benchmark use fewer steps); ``log`` receives ``spacy train``'s progress."""

    parts: tuple[str, ...] = TRAIN_PARTS
    overrides: dict[str, str] = field(default_factory=dict)
    held_back: float = HELD_BACK
    log: IO[str] | None = None


@dataclass
class Outcome:
    """What one training did: the figures before and after, and whether it was installed."""

    version: str
    installed: bool
    compared_with: str
    decisions: int
    articles: int
    held_back_articles: int
    before: dict[str, dict[str, Any]]
    after: dict[str, dict[str, Any]]
    train_seconds: float
    directory: Path | None
    refusal: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"version": self.version, "installed": self.installed,
                "compared_with": self.compared_with, "decisions": self.decisions,
                "articles": self.articles, "held_back_articles": self.held_back_articles,
                "before": self.before, "after": self.after,
                "train_seconds": round(self.train_seconds, 1),
                "directory": str(self.directory) if self.directory else None,
                "refusal": self.refusal, "at": utcnow().isoformat()}


@contextmanager
def training_lock(settings: Settings) -> Iterator[None]:
    """One training at a time per database (``LockBusy`` if another is running)."""
    try:
        with crawl_lock(settings.db_url, name="training"):
            yield
    except LockUnsupported:
        yield


def without_unlabelled(passages: Sequence[dict[str, Any]],
                       predictions: Sequence[list[dict[str, Any]]]
                       ) -> list[list[dict[str, Any]]]:
    """Predictions less those about actors nobody judged in that article (not counted
    either way)."""
    out = []
    for passage, events in zip(passages, predictions, strict=True):
        unknown = {((u["actor"] or "").casefold(), u["region"])
                   for u in passage.get("unlabelled", ())}
        out.append([e for e in events if (e["actor"].casefold(), e["region"]) not in unknown])
    return out


def figures(extractor: Extractor, held_back: Sequence[dict[str, Any]],
            test: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Precision, recall and F1 on the held-back reviewed articles and the test part."""
    held = score(held_back, without_unlabelled(held_back, predict(extractor, held_back)))
    return {"held_back": {**held.as_dict(), "articles": len(held_back)},
            "test": {**score(test, predict(extractor, test)).as_dict(), "articles": len(test)}}


def write_passages(passages: Sequence[dict[str, Any]], path: Path) -> None:
    import json

    with path.open("w", encoding="utf-8") as out:
        for passage in passages:
            out.write(json.dumps(passage, ensure_ascii=False, default=str) + "\n")


def train_model(reviews: Sequence[dict[str, Any]], out_dir: Path, weight: int,
                options: TrainingOptions, topics: tuple[Topic, ...] = DEFAULT_TOPICS
                ) -> dict[str, Any]:
    """A decider trained on the shipped parts plus the reviewed passages ``reviews`` (as
    the extractor read them, with the team's ``topics``: a reviewed event of a topic the
    reading is not told of would teach nothing), with the corrections of who acted learned
    from them, into ``out_dir``."""
    with tempfile.TemporaryDirectory() as tmp:
        extra = Path(tmp) / "reviews.jsonl"
        write_passages(as_read(reviews), extra)
        record = train(out_dir, [extra] if reviews else [], repeat_extra=weight,
                       parts=options.parts, topics=topics, overrides=dict(options.overrides),
                       log=options.log)
    ReadingCorrections.learn(corrections(reviews)).save(out_dir)
    return record


def train_from_reviews(engine: Engine, settings: Settings,
                       options: TrainingOptions | None = None) -> Outcome:
    """Train a team model on the store's review decisions; install it unless it scores
    lower on the own-words test part than the model in use (see the module docstring)."""
    options = options or TrainingOptions()
    with session_factory(engine)() as session:
        reviews = collect_reviews(session)
    if not reviews.passages:
        raise LearningError("no review decisions to learn from: accept, reject or edit "
                            "some events first")
    folder = models_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    trainable, held = reviews.held_back(options.held_back)
    work = Path(tempfile.mkdtemp(prefix="training-", dir=folder))
    try:
        started = time.monotonic()
        record = train_model(trainable, work, settings.learning.review_weight, options,
                             settings.topics)
        seconds = time.monotonic() - started
        current = decider_path(settings)
        test = load_gold(TEST_PART)
        before = figures(extractor_for(settings, current), held, test)
        after = figures(extractor_for(settings, work), held, test)
        outcome = Outcome(record["version"], False, describe_decider(current, settings),
                          reviews.decision_count, len(reviews.passages), len(held), before,
                          after, seconds, None)
        if after["test"]["f1"] < before["test"]["f1"]:
            outcome.refusal = (
                f"not installed: the new model scores F1 {after['test']['f1']:.3f} on the "
                f"own-words test part, lower than {before['test']['f1']:.3f} for "
                f"{outcome.compared_with}")
        else:
            outcome.directory = _install(work, folder, outcome, reviews, trainable)
            outcome.installed = True
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write_json(folder / ATTEMPT_FILE, {**outcome.as_dict(),
                                       "last_decision_id": reviews.last_decision_id})
    return outcome


def _install(work: Path, folder: Path, outcome: Outcome, reviews: ReviewSet,
             trainable: Sequence[dict[str, Any]]) -> Path:
    """Move the trained model to ``decider-<version>`` with the record of what went in,
    then point ``current.json`` at it (the switch is one file replace)."""
    trained_on = {p["id"] for p in trainable}
    decisions = [{**d, "part": "train" if any(f"article-{a}" in trained_on
                                              for a in d["articles"]) else "held back"}
                 for d in reviews.decisions]
    write_json(work / REVIEWS_FILE, {"last_decision_id": reviews.last_decision_id,
                                     "decisions": decisions})
    target = folder / f"{MODEL_PREFIX}{outcome.version}"
    if target.exists():
        shutil.rmtree(target)
    work.rename(target)
    write_json(folder / CURRENT_FILE, {
        "version": outcome.version, "directory": target.name,
        "installed_at": utcnow().isoformat(), "decisions": outcome.decisions,
        "articles": outcome.articles, "last_decision_id": reviews.last_decision_id,
        "figures": {"before": outcome.before, "after": outcome.after,
                    "compared_with": outcome.compared_with},
    })
    return target
