"""One clear line: file names and messages holding line breaks or control characters
never break the error line; `karar check` of a file it cannot read still sums up on stderr;
saving over a read-only project says so."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def karar(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "karar", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
        cwd=cwd,
    )


@pytest.mark.parametrize("name", ["two\nlines.mmd", "tab\there.mmd", "esc\x1b[31mred.mmd"])
def test_a_file_name_with_control_characters_stays_on_one_line(tmp_path: Path, name: str) -> None:
    bad = tmp_path / name
    bad.write_text("not a mindmap\n", encoding="utf-8")
    done = karar("check", str(bad), cwd=tmp_path)
    assert done.returncode == 1
    assert len(done.stdout.splitlines()) == 1 and ": error: " in done.stdout
    assert len(done.stderr.splitlines()) == 1
    assert "\x1b" not in done.stdout + done.stderr
    done = karar("export", str(bad), "-o", str(tmp_path / "out.json"), cwd=tmp_path)
    assert done.returncode == 1 and len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith("karar: error: ") and "Traceback" not in done.stderr


@pytest.mark.parametrize("what", ["missing", "folder"])
def test_check_of_an_unreadable_file_still_sums_up(tmp_path: Path, what: str) -> None:
    target = tmp_path / "map.mmd"
    if what == "folder":
        target.mkdir()
    done = karar("check", str(target), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.count("\n") == 1 and done.stdout.startswith(f"{target}: error: ")
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("karar: ")


def test_merging_over_a_read_only_tally_fails_clearly(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.karar.yaml").write_text(
            f"karar: 1\nmap: builtin:django\nparticipant: {name}\n", encoding="utf-8"
        )
    tally = tmp_path / "tally.karar.yaml"
    tally.write_text("karar: 1\nmap: builtin:django\n", encoding="utf-8")
    tally.chmod(0o444)
    before = tally.read_bytes()
    done = karar("merge", "a.karar.yaml", "b.karar.yaml", "-o", str(tally), cwd=tmp_path)
    assert done.returncode == 1
    assert "read-only" in done.stderr and done.stderr.count("\n") == 1
    assert tally.read_bytes() == before
