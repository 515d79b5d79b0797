"""banwatch as a user installs it: a built wheel in a fresh virtual environment.

The repository keeps crawler/, extract/, store/ and scheduler.py at its root, but an
installed banwatch must be one top-level package, carry the data its commands read (the
sample site, the gold parts, the patterns, the migrations) and work from any folder.
"""

from __future__ import annotations

import ast
import os
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: the repository directories that are installed as ``banwatch.<name>``
INSTALLED_AS_SUBPACKAGES = {"crawler", "extract", "store", "scheduler"}


def _python_sources() -> list[Path]:
    dirs = [ROOT / "banwatch", ROOT / "crawler", ROOT / "extract", ROOT / "store",
            ROOT / "tests", ROOT / "bench"]
    files = [ROOT / "scheduler.py"]
    for d in dirs:
        files += [p for p in d.rglob("*.py") if not p.is_symlink()
                  and not any(part.is_symlink() for part in p.parents if part != ROOT)]
    return sorted(set(files))


def _top_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_code_imports_the_banwatch_names_only() -> None:
    """``import extract`` would work from the repository root and fail once installed."""
    offenders = {
        str(path.relative_to(ROOT)): sorted(_top_level_imports(path) & INSTALLED_AS_SUBPACKAGES)
        for path in _python_sources()
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def _site_packages(env_dir: Path) -> Path:
    found = list(env_dir.glob("lib/python3*/site-packages"))
    assert found, f"no site-packages under {env_dir}"
    return found[0]


@pytest.mark.slow
def test_wheel_installs_one_package_and_runs_the_demo_in_an_empty_folder(tmp_path: Path) -> None:
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheel_dir), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    wheel = next(wheel_dir.glob("banwatch-*.whl"))

    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    env_site = _site_packages(env_dir)
    before = {p.name for p in env_site.iterdir()}
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    added = {p.name for p in env_site.iterdir()} - before
    assert {n for n in added if n != "__pycache__"} == {"banwatch", wheel.name.split("-")[0]
                                                        + "-" + wheel.name.split("-")[1]
                                                        + ".dist-info"}
    # The dependencies come from the test environment's site-packages, appended after the
    # fresh environment's own (a plain path line: its editable banwatch finder is not run).
    (env_site / "zz_test_dependencies.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n", encoding="utf-8")

    workdir = tmp_path / "empty"
    workdir.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BANWATCH_")}
    env["PYTHONNOUSERSITE"] = "1"
    where = subprocess.run(
        [str(python), "-c", "import banwatch, banwatch.extract.evaluation as e;"
         "print(banwatch.__file__); print(len(e.load_gold('test')))"],
        cwd=workdir, env=env, capture_output=True, text=True, timeout=120, check=True,
    )
    assert str(env_site) in where.stdout, where.stdout
    assert int(where.stdout.split()[-1]) > 0, "the gold parts are package data"

    demo = subprocess.run(
        [str(env_dir / "bin" / "banwatch"), "demo"],
        cwd=workdir, env=env, capture_output=True, text=True, timeout=300,
    )
    assert demo.returncode == 0, demo.stderr[-2000:]
    assert "Traceback" not in demo.stderr
    assert (workdir / "banwatch.db").exists()
    rows = (workdir / "events.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) > 15, rows[:3]
