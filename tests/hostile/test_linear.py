"""Reading is linear in the input: a hostile map ten times larger takes about ten times as
long (a quadratic reading would take a hundred times), and a hostile 1 MB map reads about
as fast as an ordinary one. Timed in a process of its own (linear_families.py), against
the ordinary map measured in the same run: the machine's speed and load cancel out, and
the margins are wide (the figures are noisy on a shared machine).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from linear_families import EVERY_LINE, ONE_LINE

SCRIPT = Path(__file__).with_name("linear_families.py")
GROWTH = 30  # the most a ten times larger input may cost: linear ~10, quadratic ~100
FLOOR = 0.01  # seconds: smaller timings are mostly noise (a scheduler tick), counted as this
ONE_MEGABYTE_PER_ORDINARY = 3  # a hostile 1 MB map reads in at most 3x an ordinary one


def _timings(sizes: tuple[int, int], families: dict[str, object]) -> dict[str, dict]:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), f"{sizes[0]},{sizes[1]}", ",".join(families)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    return {row["family"]: row for row in rows}


@pytest.fixture(scope="module")
def one_line() -> dict[str, dict]:
    return _timings((100_000, 1_000_000), ONE_LINE)


@pytest.fixture(scope="module")
def every_line() -> dict[str, dict]:
    return _timings((20_000, 200_000), EVERY_LINE)


def _growth(row: dict, small: int, large: int, which: int) -> float:
    return max(row[str(large)][which], FLOOR) / max(row[str(small)][which], FLOOR)


@pytest.mark.parametrize("family", ONE_LINE)
def test_one_hostile_line_reads_in_linear_time(family: str, one_line: dict[str, dict]) -> None:
    row = one_line[family]
    for which, what in ((0, "reading"), (1, "drawing and exporting")):
        growth = _growth(row, 100_000, 1_000_000, which)
        assert growth < GROWTH, f"{what} {family}: 1 MB costs {growth:.0f}x 100 KB ({row})"
    ordinary = one_line["ordinary"]["1000000"][0]
    took = row["1000000"][0]
    assert took < max(ONE_MEGABYTE_PER_ORDINARY * ordinary, 0.2), (
        f"reading 1 MB of {family}: {took:.2f} s, an ordinary 1 MB map: {ordinary:.2f} s"
    )


@pytest.mark.parametrize("family", EVERY_LINE)
def test_hostile_lines_read_in_linear_time(family: str, every_line: dict[str, dict]) -> None:
    row = every_line[family]
    for which, what in ((0, "reading"), (1, "drawing and exporting")):
        growth = _growth(row, 20_000, 200_000, which)
        assert growth < GROWTH, f"{what} {family}: 200 KB costs {growth:.0f}x 20 KB ({row})"
