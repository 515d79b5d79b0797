"""Where a team's own models live, which one is installed, and which the extractor uses.

A team model is written beside the database, never over the shipped one
(``extract/models/decider``): in ``<database>.models/`` next to a SQLite file, else in
``[learning] models_dir``, else in ``banwatch.models/`` beside ``banwatch.toml`` (or in
the working folder). Each training writes one directory, ``decider-<version>``, holding
the model, its ``training.json`` and ``reviews.json`` (which decisions went in);
``current.json`` names the installed one and what it was trained on, and
``last_training.json`` records the latest attempt, installed or refused, so that the
scheduled job counts new decisions from there.

``[learning] decider`` chooses what the extractor judges candidates with: ``team`` (the
installed team model, the shipped one until there is one), ``shipped``, ``rules`` (no
model) or a model's directory. The extractor's version carries the model's, so a new
model makes every stored extraction stale and ``banwatch reextract`` reads them again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from banwatch.config import Settings
from banwatch.extract.decider import MODEL_DIR
from banwatch.extract.extractor import Extractor
from banwatch.learning.places import ReadingCorrections

CURRENT_FILE = "current.json"
ATTEMPT_FILE = "last_training.json"
REVIEWS_FILE = "reviews.json"
MODEL_PREFIX = "decider-"


class LearningError(ValueError):
    """Learning cannot go on: nothing to learn from, or a setting names no model."""


@dataclass(frozen=True)
class InstalledModel:
    """The team model in ``current.json``: what it is and what it learned from."""

    version: str
    path: Path
    installed_at: str
    decisions: int
    articles: int
    figures: dict[str, Any]

    @classmethod
    def read(cls, folder: Path) -> InstalledModel | None:
        record = read_json(folder / CURRENT_FILE)
        if record is None:
            return None
        path = folder / record["directory"]
        if not (path / "config.cfg").is_file():
            return None  # removed by hand: the shipped model stands in
        return cls(record["version"], path, record["installed_at"], record["decisions"],
                   record["articles"], record.get("figures", {}))


def read_json(path: Path) -> dict[str, Any] | None:
    """A JSON record kept beside the models, or None when there is none."""
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def write_json(path: Path, record: dict[str, Any]) -> None:
    """Write a record whole or not at all (a crash leaves the previous one)."""
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(record, indent=2, default=str), encoding="utf-8")
    partial.replace(path)


def models_dir(settings: Settings) -> Path:
    """The folder team models are written to (see the module's docstring)."""
    if settings.learning.models_dir is not None:
        return settings.learning.models_dir
    url = make_url(settings.db_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        database = Path(url.database).expanduser().resolve()
        return database.with_name(database.stem + ".models")
    base = settings.config_path.parent if settings.config_path is not None else Path.cwd()
    return base / "banwatch.models"


def installed_model(settings: Settings) -> InstalledModel | None:
    """The installed team model, if the team trained one."""
    return InstalledModel.read(models_dir(settings))


def shipped_model() -> Path | None:
    """The shipped model's directory, when this installation has one."""
    return MODEL_DIR if (MODEL_DIR / "config.cfg").is_file() else None


def decider_path(settings: Settings) -> Path | None:
    """The model directory the extractor should judge with (None: the rules alone)."""
    choice = settings.learning.decider
    if choice == "rules":
        return None
    if choice == "shipped":
        return MODEL_DIR
    if choice == "team":
        team = installed_model(settings)
        return team.path if team is not None else MODEL_DIR
    path = Path(choice).expanduser()
    if not (path / "config.cfg").is_file():
        raise LearningError(
            f"[learning] decider {choice!r} is not team, shipped, rules or a model's directory"
        )
    return path


def describe_decider(path: Path | None, settings: Settings) -> str:
    """A few words on a decider, for people: team model, shipped model, or rules alone."""
    if path is None or not (path / "config.cfg").is_file():
        return "the rules alone (no model)"
    team = installed_model(settings)
    if team is not None and path.resolve() == team.path.resolve():
        return f"the team model {team.version}"
    if path.resolve() == MODEL_DIR.resolve():
        return "the shipped model"
    return f"the model in {path}"


def extractor_for(settings: Settings, decider: Path | None) -> Extractor:
    """An extractor with the settings' spaCy model and topics and this decider (None: the
    rules alone), and the corrections learned with it, if any."""
    return Extractor(model=settings.model, topics=settings.topics, decider=decider,
                     corrections=ReadingCorrections.load(decider))


def make_extractor(settings: Settings) -> Extractor:
    """The extractor the settings call for, with the decider they name."""
    return extractor_for(settings, decider_path(settings))
