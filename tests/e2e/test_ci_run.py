""".ci/run where it cannot install system packages (not root, or no apt-get): it installs
nothing, says so and names what is missing, and still runs the suite. Run on a copy of the
script with fake `id`, `dpkg`, `apt-get` and `make` that record their calls."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent.parent
NOT_INSTALLED = ("xvfb", "poppler-utils")


def _tool(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f'#!/bin/sh\necho "{name} $*" >> "$CALLS"\n{body}\n')
    path.chmod(0o755)


def run_ci(tmp_path: Path, *, uid: int, apt: bool, dpkg: bool = True) -> tuple[list[str], str]:
    """Runs a copy of .ci/run with only the fake tools (and dirname, tr) on PATH; returns
    the calls they got and what the script printed."""
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy(REPO / ".ci" / "run", repo / ".ci" / "run")
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    for real in ("dirname", "tr"):
        found = shutil.which(real)
        assert found is not None
        (bin_ / real).symlink_to(found)
    _tool(bin_, "id", f"echo {uid}")
    _tool(bin_, "make", "exit 0")
    if dpkg:
        missing = " | ".join(f'"-s {name}"' for name in NOT_INSTALLED)
        _tool(bin_, "dpkg", f'case "$*" in {missing}) exit 1;; esac\nexit 0')
    if apt:
        _tool(bin_, "apt-get", "exit 0")
    calls = tmp_path / "calls"
    calls.write_text("")
    bash = shutil.which("bash")
    assert bash is not None
    result = subprocess.run(
        [bash, str(repo / ".ci" / "run")],
        env={"PATH": str(bin_), "CALLS": str(calls)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    called = [c for c in calls.read_text().splitlines() if not c.startswith(("dpkg", "id"))]
    return called, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("uid", "apt", "why"), [(1000, True, "not running as root"), (0, False, "no apt-get")]
)
def test_without_root_or_apt_get_it_names_the_missing_packages(
    tmp_path: Path, uid: int, apt: bool, why: str
) -> None:
    called, output = run_ci(tmp_path, uid=uid, apt=apt)
    assert called == ["make test", "make test-bundle"]  # nothing installed, the suite still run
    assert "skipped installing system packages" in output
    assert why in output
    assert f"missing: {' '.join(NOT_INSTALLED)}" in output


def test_without_dpkg_it_says_it_cannot_tell(tmp_path: Path) -> None:
    called, output = run_ci(tmp_path, uid=1000, apt=False, dpkg=False)
    assert called == ["make test", "make test-bundle"]
    assert "skipped installing system packages (no dpkg/apt-get" in output


def test_as_root_it_installs_what_is_missing(tmp_path: Path) -> None:
    called, output = run_ci(tmp_path, uid=0, apt=True)
    assert called == [
        "apt-get update -qq",
        "apt-get install -y -qq --no-install-recommends " + " ".join(NOT_INSTALLED),
        "make test",
        "make test-bundle",
    ]
    assert "skipped" not in output
