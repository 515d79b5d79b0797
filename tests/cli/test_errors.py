"""A mistake on the command line, or a machine that says no, is one line on stderr, not a traceback.

One table of cases, each run through the real command group: every one must
exit non-zero with exactly one line on stderr that says what is wrong, and no
exception may escape (an escaped one is what prints a traceback).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from banwatch.cli import app

# Nothing listens on port 1 of loopback: the connection is refused at once.
REFUSING_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:1/banwatch"


def db(folder: Path) -> list[str]:
    return ["--db", f"sqlite:///{folder / 'ok.db'}"]


def not_a_database(folder: Path) -> list[str]:
    path = folder / "notes.db"
    path.write_text("These are notes, not an SQLite database.\n" * 100, encoding="utf-8")
    return ["--db", f"sqlite:///{path}", "events"]


def extract_file(content: bytes) -> Callable[[Path], list[str]]:
    def args(folder: Path) -> list[str]:
        path = folder / "input.dat"
        path.write_bytes(content)
        return ["extract", str(path)]

    return args


# (case, the command line in a scratch folder, what the line must say, exit code)
CASES: list[tuple[str, Callable[[Path], list[str]], str, int]] = [
    (
        "export to a missing folder",
        lambda f: [*db(f), "export", str(f / "missing" / "events.csv")],
        "create the folder",
        1,
    ),
    ("export to a folder", lambda f: [*db(f), "export", str(f)], "that is a folder", 1),
    ("export to a full disk", lambda f: [*db(f), "export", "/dev/full"], "disk is full", 1),
    (
        "a database URL that is no URL",
        lambda f: ["--db", "not a url", "events"],
        "not a database URL",
        2,
    ),
    (
        "a database URL without a database",
        lambda f: ["--db", "sqlite:", "events"],
        "not a database URL",
        2,
    ),
    (
        "an unknown database driver",
        lambda f: ["--db", "nosuchdb://h/d", "events"],
        "no database driver",
        2,
    ),
    (
        "a PostgreSQL that refuses",
        lambda f: ["--db", REFUSING_POSTGRES, "events"],
        "start the database",
        1,
    ),
    (
        "an SQLite file in a missing folder",
        lambda f: ["--db", f"sqlite:///{f / 'missing' / 'b.db'}", "events"],
        "does not exist",
        2,
    ),
    ("an SQLite file that is no database", not_a_database, "file is not a database", 1),
    ("extract on an empty file", extract_file(b""), "no text found", 1),
    ("extract on a binary file", extract_file(bytes(range(256)) * 40), "no text found", 1),
    (
        "a publication date that is no date",
        lambda f: [*extract_file(b"Boston banned face surveillance.")(f), "--published", "2019-13"],
        "not a date",
        2,
    ),
    (
        "a missing configuration file",
        lambda f: ["--config", str(f / "no.toml"), "events"],
        "does not exist",
        2,
    ),
]


@pytest.mark.parametrize(
    ("args", "says", "code"),
    [pytest.param(args, says, code, id=case) for case, args, says, code in CASES],
)
def test_a_user_error_is_one_line_and_an_exit_code(
    args: Callable[[Path], list[str]], says: str, code: int, tmp_path: Path
) -> None:
    if "/dev/full" in args(tmp_path) and not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    result = CliRunner().invoke(app, args(tmp_path))
    assert isinstance(result.exception, SystemExit), result.exception  # nothing escaped
    assert result.exit_code == code
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and says in lines[0], lines[0]
    assert "Traceback" not in result.stderr + result.stdout


def test_the_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    """The console script goes through the same group as the table above."""
    script = Path(sys.executable).with_name("banwatch")
    completed = subprocess.run(
        [str(script), "--db", f"sqlite:///{tmp_path / 'missing' / 'b.db'}", "events"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "BANWATCH_DB": ""},
        timeout=60,
        check=False,
    )
    assert completed.returncode == 2
    assert len(completed.stderr.splitlines()) == 1 and "Traceback" not in completed.stderr


def test_extract_takes_a_publication_month(tmp_path: Path) -> None:
    """A page that gives only "July 2019" dates its own news to that month."""
    path = tmp_path / "story.txt"
    path.write_text("Congresswoman Ayanna Pressley introduced a bill to ban facial recognition "
                    "in public housing.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--published", "2019-07"])
    assert result.exit_code == 0, result.output
    (event,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (event["status"], event["date"], event["date_source"]) == \
        ("proposed", "2019-07", "published")
