"""Every hostile input of this folder, run through the real ``karar`` command: one clear
answer (exit code and message) each, never a traceback, never a hang (README.md)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).parent
CASES = sorted(HERE.glob("*.expect.json"))


def _input_of(expect: Path) -> Path | None:
    stem = expect.name.removesuffix(".expect.json")
    found = [p for p in HERE.iterdir() if p.name.startswith(stem + ".") and p != expect]
    found = [p for p in found if not p.name.endswith(".expect.json")]
    return found[0] if found else None


@pytest.mark.parametrize("expect", CASES, ids=[c.name.removesuffix(".expect.json") for c in CASES])
def test_case(expect: Path, tmp_path: Path) -> None:
    spec = json.loads(expect.read_text(encoding="utf-8"))
    source = _input_of(expect)
    values = {"input": str(source) if source else "", "dir": str(tmp_path), "here": str(HERE)}
    args = [a.format(**values) for a in spec["args"]]
    limit = float(spec.get("seconds", 10))
    start = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "karar", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=limit + 20,
            cwd=tmp_path,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{expect.name}: still running after {limit + 20:.0f} s (a hang)")
    took = time.monotonic() - start
    both = done.stdout + done.stderr
    assert "Traceback" not in both, both
    assert done.returncode == spec["exit"], f"exit {done.returncode}: {both}"
    for stream in ("stdout", "stderr"):
        if stream in spec:
            text = getattr(done, stream)
            assert re.search(spec[stream], text), f"{stream} lacks {spec[stream]!r}: {text!r}"
    if done.returncode == 1:
        errors = [line for line in done.stderr.splitlines() if line.startswith("karar: error:")]
        assert len(errors) <= 1, done.stderr  # one clear line
    assert took < limit, f"took {took:.1f} s (limit {limit:.0f} s)"


def test_every_case_has_an_input_or_makes_none() -> None:
    for expect in CASES:
        spec = json.loads(expect.read_text(encoding="utf-8"))
        if any("{input}" in a for a in spec["args"]):
            assert _input_of(expect) is not None, f"{expect.name} has no input file"
