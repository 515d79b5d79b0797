"""Every command has --help and is documented in the README (as sqlite-utils checks)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from banwatch.cli import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            names.extend(f"{name} {sub}" for sub in command.commands)
        else:
            names.append(name)
    return sorted(names)


def test_the_commands_the_skeleton_promises_exist() -> None:
    assert {"demo", "crawl", "extract", "events", "export"} <= set(_commands())


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"banwatch {command}" in README, f"README does not document `banwatch {command}`"
