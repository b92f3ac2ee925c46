"""The Makefile's set-up logic, run for real on a copy of the repo's Makefile with a fake
Python that records what it is asked (installing for real would take minutes): a broken
`.venv` is recreated, `make run` installs only what running needs, `make test` adds the test
extras, and each is redone when pyproject.toml changes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent.parent

# Logs each call, then acts the parts the Makefile relies on: `-m venv DIR` makes a venv of
# fakes (failing like Debian's python3 without python3-venv when FAKE_NO_ENSUREPIP is set:
# a venv whose python has no pip, and exit 1), and a venv's python without pip fails
# `-c 'import pip'`.
FAKE = """#!/bin/sh
echo "$(basename "$(dirname "$(dirname "$0")")")/$(basename "$0") $*" >> "$FAKE_LOG"
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
    mkdir -p "$3/bin"
    if [ -n "$FAKE_NO_ENSUREPIP" ]; then
        printf '#!/bin/sh\\nexit 1\\n' > "$3/bin/python"
        chmod +x "$3/bin/python"
        echo "Error: ensurepip is not available" >&2
        exit 1
    fi
    cp "$0" "$3/bin/python"
    cp "$0" "$3/bin/karar"
fi
exit 0
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    copy = tmp_path / "repo"
    (copy / "src" / "karar").mkdir(parents=True)
    for name in ("Makefile", "pyproject.toml", "src/karar/__init__.py"):
        shutil.copy(REPO / name, copy / name)
    fake = tmp_path / "system" / "bin" / "python3"
    fake.parent.mkdir(parents=True)
    fake.write_text(FAKE)
    fake.chmod(0o755)
    return copy


def make(repo: Path, *targets: str, no_ensurepip: bool = False) -> tuple[list[str], str]:
    """Runs `make TARGETS` in REPO with the fake Python; returns the calls it made and the
    output."""
    log = repo.parent / "calls.log"
    log.write_text("")
    env = dict(os.environ, FAKE_LOG=str(log))
    # Under `make test ARGS=...` the outer make's settings are in the environment.
    for name in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "PYTEST_ARGS", "ARGS", "PYTHON"):
        env.pop(name, None)
    if no_ensurepip:
        env["FAKE_NO_ENSUREPIP"] = "1"
    result = subprocess.run(
        ["make", "--no-print-directory", *targets, f"PYTHON={repo.parent}/system/bin/python3"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    output = result.stdout + result.stderr
    if result.returncode != 0 and not no_ensurepip:
        pytest.fail(f"make {' '.join(targets)} failed:\n{output}")
    return [ln.rstrip() for ln in log.read_text().splitlines() if "import" not in ln], output


def installs(calls: list[str]) -> list[str]:
    return [c for c in calls if " pip install " in c and "--upgrade pip" not in c]


def test_run_installs_only_what_running_needs(repo: Path) -> None:
    calls, _ = make(repo, "run")
    assert calls[0] == "system/python3 -m venv .venv"
    assert installs(calls) == [".venv/python -m pip install --quiet -e ."]
    assert calls[-1] == ".venv/karar"


def test_test_adds_the_extras_once_and_again_when_pyproject_changes(repo: Path) -> None:
    make(repo, "run")
    calls, _ = make(repo, "test")
    assert installs(calls) == [".venv/python -m pip install --quiet -e .[test]"]
    assert calls[-1] == ".venv/python -m pytest"
    calls, _ = make(repo, "test")
    assert installs(calls) == []
    calls, _ = make(repo, "run")
    assert installs(calls) == []
    stamp = (repo / ".venv" / ".installed-test").stat().st_mtime
    os.utime(repo / "pyproject.toml", (stamp + 10, stamp + 10))
    calls, _ = make(repo, "test")
    assert installs(calls) == [
        ".venv/python -m pip install --quiet -e .",
        ".venv/python -m pip install --quiet -e .[test]",
    ]
    assert not any("-m venv" in c for c in calls)  # the venv itself is reused


def test_a_first_run_without_python3_venv_is_recreated_by_the_next(repo: Path) -> None:
    calls, output = make(repo, "run", no_ensurepip=True)
    assert "install python3-venv" in output
    assert not (repo / ".venv").exists()
    assert installs(calls) == []
    # The user installs python3-venv and runs make again.
    calls, output = make(repo, "run")
    assert "No module named pip" not in output
    assert calls[0] == "system/python3 -m venv .venv"
    assert installs(calls) == [".venv/python -m pip install --quiet -e ."]


def test_a_real_venv_without_pip_is_recreated(repo: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(repo / ".venv")],
        check=True,
        timeout=60,
    )
    (repo / ".venv" / ".installed-run").touch()  # even if a stamp survived
    calls, _ = make(repo, "run")
    assert calls[0] == "system/python3 -m venv .venv"
    assert installs(calls) == [".venv/python -m pip install --quiet -e ."]


def test_a_venv_whose_python_no_longer_runs_is_recreated(repo: Path) -> None:
    make(repo, "test")
    python = repo / ".venv" / "bin" / "python"
    python.unlink()
    python.symlink_to(repo.parent / "removed" / "python3.11")
    calls, _ = make(repo, "test")
    assert calls[0] == "system/python3 -m venv .venv"
    assert len(installs(calls)) == 2
