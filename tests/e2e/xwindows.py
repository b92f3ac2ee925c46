"""Helpers of the tests that drive the real program on an X server: xdotool, and waiting
for a condition (a window, a file) instead of sleeping for a fixed time."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable

import pytest


def xdotool(display: str, *args: str) -> str:
    """Run xdotool on ``display``; its standard output."""
    if shutil.which("xdotool") is None:
        pytest.fail("xdotool is not installed: `apt-get install xdotool` (see README)")
    result = subprocess.run(
        ["xdotool", *args],
        env=dict(os.environ, DISPLAY=display),
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return result.stdout.strip()


def wait_for(predicate: Callable[[], bool], timeout: float = 15.0) -> bool:
    """Poll ``predicate`` until it holds (True) or ``timeout`` seconds pass (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def visible_windows(display: str, name: str) -> list[str]:
    """The ids of the visible windows whose title matches ``name`` (a regex)."""
    try:
        return xdotool(display, "search", "--onlyvisible", "--name", name).split()
    except subprocess.CalledProcessError:  # xdotool exits 1 when nothing matches
        return []


def find_window(
    display: str,
    name: str,
    timeout: float = 45.0,
    proc: subprocess.Popen[str] | None = None,
) -> str:
    """The id of a visible window whose title matches ``name``, waiting for it; fails at
    once with its stderr if ``proc`` exits first."""
    found: list[str] = []

    def look() -> bool:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(
                f"karar exited ({proc.returncode}): {proc.communicate()[1][-2000:]}"
            )
        found[:] = visible_windows(display, name)
        return bool(found)

    assert wait_for(look, timeout), f"no window named {name!r} within {timeout} s"
    return found[-1]
