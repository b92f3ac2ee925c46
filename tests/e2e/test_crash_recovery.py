"""Kill -9 in the middle of work: the real ``karar`` on an X server (Xvfb), driven with the
keyboard through xdotool. Unsaved notes come back from the recovery copy."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from karar.core import project as projects

pytestmark = pytest.mark.xvfb

MAP = "mindmap\n  Stack\n    Data\n      PostgreSQL\n    Cache\n"


def xdotool(display: str, *args: str) -> str:
    result = subprocess.run(
        ["xdotool", *args],
        env=dict(os.environ, DISPLAY=display),
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return result.stdout.strip()


def start_karar(display: str, *args: str) -> tuple[subprocess.Popen[str], str]:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "karar", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(proc.communicate()[1][-2000:])
        try:
            window = xdotool(display, "search", "--onlyvisible", "--name", "Karar").split()[-1]
        except subprocess.CalledProcessError:
            time.sleep(0.2)
            continue
        time.sleep(1.0)  # let it open the map and paint
        xdotool(display, "windowfocus", "--sync", window)
        return proc, window
    proc.kill()
    proc.communicate(timeout=10)
    raise AssertionError("the Karar window did not appear")


def find_window(display: str, name: str, timeout: float = 20.0) -> str:
    """The id of a visible window whose title matches ``name`` (a regex), waiting for it."""
    found: list[str] = []

    def look() -> bool:
        try:
            found[:] = xdotool(display, "search", "--onlyvisible", "--name", name).split()
        except subprocess.CalledProcessError:
            return False
        return bool(found)

    assert wait_for(look, timeout), f"no window named {name!r}"
    return found[-1]


def wait_for(predicate, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_kill_9_then_restore_unsaved_note(xvfb_display: str, tmp_path: Path) -> None:
    if shutil.which("xdotool") is None:
        pytest.fail("xdotool is not installed: `apt-get install xdotool` (see README)")
    (tmp_path / "stack.mmd").write_text(MAP, encoding="utf-8")
    saved = tmp_path / "team.karar.yaml"
    saved.write_text("karar: 1\nmap: stack.mmd\n", encoding="utf-8")
    data_home = Path(os.environ["XDG_DATA_HOME"])

    proc, _ = start_karar(xvfb_display, str(saved))
    window = find_window(xvfb_display, "team.karar.yaml")  # the project is open
    xdotool(xvfb_display, "windowfocus", "--sync", window)
    xdotool(xvfb_display, "key", "--delay", "80", "Home", "F2")
    xdotool(xvfb_display, "type", "--delay", "20", "pgbouncer in front")
    recovery = list(data_home.rglob("recovery/*.karar.yaml"))
    assert wait_for(
        lambda: any(
            "pgbouncer in front" in p.read_text(encoding="utf-8")
            for p in data_home.rglob("recovery/*.karar.yaml")
        )
    ), f"no recovery copy with the note under {data_home}: {recovery}"
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    assert "pgbouncer" not in saved.read_text(encoding="utf-8")  # never saved

    again, _ = start_karar(xvfb_display)
    dialog = find_window(xvfb_display, "^Karar$")  # the question asked after a crash
    xdotool(xvfb_display, "windowfocus", "--sync", dialog)
    xdotool(xvfb_display, "key", "Return")  # Restore is the default answer
    window = find_window(xvfb_display, "team.karar.yaml")
    xdotool(xvfb_display, "windowfocus", "--sync", window)
    xdotool(xvfb_display, "key", "ctrl+s")
    assert wait_for(lambda: "pgbouncer in front" in saved.read_text(encoding="utf-8"))
    project = projects.load(saved)
    assert project.entries[("Stack",)].note == "pgbouncer in front"
    assert not list(data_home.rglob("recovery/*.karar.yaml"))  # saved: the copy is gone
    again.terminate()
    again.communicate(timeout=10)
