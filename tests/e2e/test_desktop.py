"""The real program on a real X server (Xvfb, Qt's xcb platform): catches a missing system
library that the offscreen platform would never load. Also: the wheel ships the built-in
map, start-up stays lean, and the Qt binding in use survives many void calls."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from xwindows import find_window

REPO = Path(__file__).parent.parent.parent


def _xcb_env(display: str) -> dict[str, str]:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    env.pop("WAYLAND_DISPLAY", None)
    return env


@pytest.mark.xvfb
def test_window_opens_on_x(xvfb_display: str, tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "karar"],
        env=_xcb_env(xvfb_display),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # The built-in map's title: the window is up and has opened the map.
        find_window(xvfb_display, "Karar Ağacı", timeout=60, proc=proc)
        assert proc.poll() is None
    finally:
        if proc.poll() is None:
            proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert "could not load the Qt platform plugin" not in err
    assert "Traceback" not in err


@pytest.mark.xvfb
def test_screenshot_under_xcb(xvfb_display: str, tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    result = subprocess.run(
        [sys.executable, "-m", "karar", "--screenshot", str(out), "--size", "1000x700"],
        env=_xcb_env(xvfb_display),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_wheel_ships_the_builtin_map(tmp_path: Path) -> None:
    # Built from a copy: building in the source tree would leave build/ and *.egg-info there.
    source = tmp_path / "source"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(".*", "build", "dist", "*.egg-info", "__pycache__", "tests"),
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(tmp_path.glob("karar-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "karar/data/django-decision-tree.md" in names
    assert "karar/resources/karar.svg" in names
    assert "karar/resources/icons/database.svg" in names
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = "from karar.core.sources import load_map; print(len(load_map(None)))"
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {code}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=tmp_path,
    )
    assert result.stdout.strip() == "267"


def test_core_never_imports_qt_and_loading_stays_lean() -> None:
    code = (
        "import sys, pkgutil, importlib, karar.core as c\n"
        "import karar.cli, karar.core.sources as s\n"
        "s.load_map(None)\n"
        "lean = [m for m in ('networkx', 'yaml', 'markdown', 'PySide6') if m in sys.modules]\n"
        "for m in pkgutil.iter_modules(c.__path__):\n"
        "    importlib.import_module('karar.core.' + m.name)\n"
        "print(lean, 'PySide6' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[] False"


def test_many_void_qt_calls_do_not_abort_the_interpreter() -> None:
    """PySide6 6.12 on Python 3.11 leaks a reference to None on each void call and aborts
    after a few thousand (pyproject pins it away); this is the regression guard."""
    code = (
        "from PySide6.QtCore import QObject, QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "o = QObject()\n"
        "for i in range(100_000):\n"
        "    o.setObjectName('x')\n"
        "    o.blockSignals(False)\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "ok"
