"""The event filters every listing command shares refuse a value outside the vocabulary.

A misspelt ``--action moratoria`` used to list nothing and exit 0, which reads
as an empty database; now it is one line on stderr and exit status 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from banwatch.cli import app

runner = CliRunner()

#: Each command that takes the shared filters, with the arguments it needs besides them.
COMMANDS = {
    "events": ["events"],
    "export": ["export", "-"],
    "overview": ["overview", "--out", "-"],
    "review": ["review"],
}
MISTAKES = (
    ("--action", "moratoria"),
    ("--status", "passed"),
    ("--actor-type", "city"),
    ("--review-state", "done"),
)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("option", "value"), MISTAKES)
def test_a_value_outside_the_vocabulary_is_one_line_on_stderr(
    command: str, option: str, value: str, tmp_path: Path
) -> None:
    db = f"sqlite:///{tmp_path / 'banwatch.db'}"
    result = runner.invoke(app, ["--db", db, *COMMANDS[command], option, value])
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert f"{option} must be" in result.stderr and repr(value) in result.stderr
    assert result.stdout == ""


def test_a_value_in_the_vocabulary_is_accepted(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'banwatch.db'}"
    result = runner.invoke(
        app, ["--db", db, "events", "--action", "moratorium", "--review-state", "any",
              "--status", "enacted", "--actor-type", "company", "--format", "jsonl"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
