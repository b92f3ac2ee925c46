"""Test set-up shared by every suite: Qt runs headless and never touches a user's files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# Before anything imports Qt: no display is needed, and Qt's warnings are test failures.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settings, recovery copies and recent files of tests (and of the `karar` processes
    they start) go to a fresh folder, never to the user's."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))


def pytest_configure(config: pytest.Config) -> None:
    if "PySide6" in sys.modules or _qt_available():
        from PySide6.QtCore import QStandardPaths

        QStandardPaths.setTestModeEnabled(True)


def _qt_available() -> bool:
    try:
        import PySide6  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture
def data_dir() -> Path:
    """The folder of test inputs (conformance cases, the seed's expected trees)."""
    return DATA
