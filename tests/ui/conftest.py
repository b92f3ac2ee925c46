"""Fixtures for the pytest-qt tests of the explorer: a real main window, offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator

# The shared tests/conftest.py sets both of these too; kept so tests/ui runs on its own.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from pytestqt.qtbot import QtBot

from karar.ui import i18n
from karar.ui.app import make_app
from karar.ui.mainwindow import MainWindow

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """The main window showing the built-in map at 1400x900, animations off."""
    make_app()
    win = MainWindow(theme="light", remember=False)
    qtbot.addWidget(win)
    win.map_scene.animate = False
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_map(None)
    yield win
    win.close()


@pytest.fixture
def english_after() -> Iterator[None]:
    """For a test that switches the window's language: English again afterwards, and no
    remembered choice (every other test expects the English window)."""
    make_app()
    yield
    i18n.install("en")
    QSettings().remove(i18n.SETTING)
