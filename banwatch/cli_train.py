"""``banwatch train``: teach the extractor from the reviewers' decisions, or say what it uses.

``train --from-reviews`` trains a team model on the shipped training data plus the
store's review decisions and installs it beside the database unless it scores lower on
the own-words test part (``banwatch.learning.training``); ``train --status`` says which
model the extractor uses, trained on how many decisions, when.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from typing import Annotated, Any

import typer
from rich.table import Table

from banwatch.cli_common import EXIT_BUSY, console, errors, settings_of
from banwatch.config import Settings
from banwatch.extract.training.__main__ import TRAIN_PARTS
from banwatch.jobs import open_database
from banwatch.learning.status import model_status
from banwatch.learning.team_model import LearningError, models_dir
from banwatch.learning.training import Outcome, TrainingOptions, train_from_reviews
from banwatch.locks import LockBusy


def register(app: typer.Typer) -> None:
    """Add ``train`` to the banwatch app."""
    app.command("train")(train_command)


def train_command(
    ctx: typer.Context,
    from_reviews: Annotated[bool, typer.Option(
        "--from-reviews", help="Train a team model on the review decisions in the database "
                               "and install it unless it scores lower on the own-words test "
                               "part than the model in use.")] = False,
    status: Annotated[bool, typer.Option(
        "--status", help="Say which model the extractor uses, trained on how many "
                         "decisions, when.")] = False,
    steps: Annotated[int | None, typer.Option(
        "--steps", min=1, help="Training steps (default: the training config's).")] = None,
    seed: Annotated[int | None, typer.Option(
        "--seed", min=0, help="Random seed of the training (default: the training "
                              "config's); a model is only reproducible on one kind of "
                              "machine with one seed.")] = None,
    parts: Annotated[str | None, typer.Option(
        "--parts", help="Comma-separated own-words parts learned from besides the reviews "
                        f"(default: {','.join(TRAIN_PARTS)}).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the outcome as JSON.")] = False,
) -> None:
    """Learn from the reviewers: train --from-reviews, or train --status."""
    settings = settings_of(ctx)
    if from_reviews == status:
        errors.print("say --from-reviews (train a team model) or --status (what is in use)")
        raise typer.Exit(2)
    if status:
        _print_status(settings, as_json)
        return
    options = TrainingOptions(parts=_parts(parts), overrides=_overrides(steps, seed))
    outcome = _train(settings, options)
    if as_json:
        sys.stdout.write(json.dumps(outcome.as_dict(), default=str) + "\n")
    else:
        _print_outcome(outcome)
    if not outcome.installed:
        errors.print(outcome.refusal or "not installed", markup=False, soft_wrap=True)
        raise typer.Exit(1)


def _parts(raw: str | None) -> tuple[str, ...]:
    if raw is None:
        return TRAIN_PARTS
    from banwatch.extract.evaluation import GOLD_DIR

    names = tuple(p.strip() for p in raw.split(",") if p.strip())
    unknown = [p for p in names if p == "test" or not (GOLD_DIR / f"{p}.jsonl").is_file()]
    if not names or unknown:
        errors.print(f"--parts: {', '.join(unknown) or raw!r} is not an own-words training "
                     "part (the test part is only measured on)", markup=False, soft_wrap=True)
        raise typer.Exit(2)
    return names


def _overrides(steps: int | None, seed: int | None) -> dict[str, str]:
    """``spacy train`` settings for ``--steps`` and ``--seed``."""
    overrides = {} if seed is None else {"system.seed": str(seed)}
    if steps is not None:
        overrides.update({"training.max_steps": str(steps),
                          "training.eval_frequency": str(max(1, min(200, steps // 4)))})
    return overrides


def _train(settings: Settings, options: TrainingOptions) -> Outcome:
    from banwatch.learning.training import training_lock

    engine = open_database(settings)
    folder = models_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    errors.print("reading the review decisions and training; this takes a few minutes "
                 f"(progress in {folder / 'training.log'}) ...", markup=False, soft_wrap=True)
    try:
        with training_lock(settings), (folder / "training.log").open("w") as log:
            return train_from_reviews(engine, settings, replace(options, log=log))
    except LockBusy as exc:
        errors.print(f"not training: {exc}", markup=False, soft_wrap=True)
        raise typer.Exit(EXIT_BUSY) from exc
    except LearningError as exc:
        errors.print(str(exc), markup=False, soft_wrap=True)
        raise typer.Exit(1) from exc
    finally:
        engine.dispose()


def _row(name: str, figures: dict[str, Any]) -> list[str]:
    cells = [name]
    for part in ("held_back", "test"):
        f = figures[part]
        cells.append(f"P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}"
                     if part == "test" or f["articles"] else "no articles held back")
    return cells


def _print_outcome(outcome: Outcome) -> None:
    console.print(
        f"trained model {outcome.version} on {outcome.decisions} decision(s) about "
        f"{outcome.articles} article(s) ({outcome.held_back_articles} held back) in "
        f"{outcome.train_seconds:.0f} s", markup=False, soft_wrap=True)
    table = Table(title="before and after")
    table.add_column("model")
    table.add_column(f"held-back reviews ({outcome.held_back_articles} articles)")
    table.add_column(f"own-words test ({outcome.after['test']['articles']} passages)")
    table.add_row(*_row(f"before: {outcome.compared_with}", outcome.before))
    table.add_row(*_row("after: the new model", outcome.after))
    console.print(table)
    if outcome.installed:
        console.print(f"installed in {outcome.directory}; `banwatch reextract` reads the "
                      "stored articles again with it", markup=False, soft_wrap=True)


def _print_status(settings: Settings, as_json: bool) -> None:
    engine = open_database(settings)
    try:
        status = model_status(engine, settings)
    except LearningError as exc:
        errors.print(str(exc), markup=False, soft_wrap=True)
        raise typer.Exit(2) from exc
    finally:
        engine.dispose()
    if as_json:
        sys.stdout.write(json.dumps(status, default=str) + "\n")
        return
    for line in status["lines"]:
        console.print(line, markup=False, soft_wrap=True)
