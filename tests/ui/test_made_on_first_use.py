"""What the window makes on first use rather than at start-up (the first frame does
without it) is there, and works, the first time a user reaches for it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from karar.ui.mainwindow import MainWindow

# a popup menu asks the offscreen platform for things it has not got (no window manager)
pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise", "does not support grabbing"
)


def test_f5_makes_the_presentation_and_starts_it(qtbot: QtBot, window: MainWindow) -> None:
    assert "presentation" not in vars(window)  # not made by opening the window
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    assert window.presentation.active
    qtbot.keyClick(window.focusWidget() or window.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.presentation.active)


def test_file_menu_exports_reach_the_outputs_made_on_first_use(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert "outputs" not in vars(window)
    seen: list[str] = []

    def cancel() -> None:  # the save dialog the command opens: the user cancels it
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, cancel)
            return
        seen.append(dialog.objectName())
        dialog.close()

    QTimer.singleShot(0, cancel)
    window.commands["export_md"].trigger()
    assert seen == ["snapshot-dialog"]
    assert "outputs" in vars(window)


def test_the_node_menu_and_dialogs_open_on_first_use(qtbot: QtBot, window: MainWindow) -> None:
    root = window.document.root
    assert root is not None
    menu = window.view.show_node_menu(root, window.view.mapToGlobal(window.view.rect().center()))
    assert isinstance(menu, QMenu) and menu.actions()
    menu.close()
    dialog = window.show_keys()
    assert dialog.isVisible()
    dialog.close()
    QTimer.singleShot(0, lambda: _close_message_box())
    window.about()


def _close_message_box() -> None:
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        box.close()
    else:
        QTimer.singleShot(20, _close_message_box)
