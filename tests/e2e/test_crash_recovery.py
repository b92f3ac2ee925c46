"""Kill -9 in the middle of work: the real ``karar`` on an X server (Xvfb), driven with the
keyboard through xdotool. Unsaved notes come back from the recovery copy."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from xwindows import find_window, wait_for, xdotool

from karar.core import project as projects

pytestmark = pytest.mark.xvfb

MAP = "mindmap\n  Stack\n    Data\n      PostgreSQL\n    Cache\n"


def start_karar(display: str, *args: str) -> subprocess.Popen[str]:
    """The real ``karar`` on ``display``, once its first window is on the screen."""
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "karar", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        find_window(display, "Karar", timeout=30, proc=proc)
    except AssertionError:
        if proc.poll() is None:
            proc.kill()
            proc.communicate(timeout=10)
        raise
    return proc


def test_kill_9_then_restore_unsaved_note(xvfb_display: str, tmp_path: Path) -> None:
    (tmp_path / "stack.mmd").write_text(MAP, encoding="utf-8")
    saved = tmp_path / "team.karar.yaml"
    saved.write_text("karar: 1\nmap: stack.mmd\n", encoding="utf-8")
    data_home = Path(os.environ["XDG_DATA_HOME"])

    proc = start_karar(xvfb_display, str(saved))
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

    again = start_karar(xvfb_display)
    # the question asked after a crash (a title of its own: the main window, still empty,
    # is named "Karar" too, and a key sent to it would be lost)
    dialog = find_window(xvfb_display, "^Restore Unsaved Work")
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
