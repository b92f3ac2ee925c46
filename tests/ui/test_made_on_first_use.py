"""What the window makes on first use rather than at start-up (the first frame does
without it) is there, and works, the first time a user reaches for it."""

from __future__ import annotations

from pathlib import Path

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


def _dock_toggles(win: MainWindow) -> list[str]:
    """The texts of View's dock toggles, in menu order (up to Show Overview)."""
    actions = win.commands.menus["view"].actions()
    end = actions.index(win.commands["minimap"])
    return [a.text() for a in actions[:end] if a.isCheckable()][-3:]


def test_view_decisions_makes_the_log_and_shows_it(qtbot: QtBot, window: MainWindow) -> None:
    assert "decision_log" not in vars(window) and "orphans_panel" not in vars(window)
    assert _dock_toggles(window) == ["Decision", "Orphaned notes", "Decisions"]
    view_menu = window.commands.menus["view"]
    stand_in = next(a for a in view_menu.actions() if a.text() == "Decisions")
    assert not stand_in.isChecked()
    stand_in.trigger()
    log = window.decision_log
    qtbot.waitUntil(log.isVisible)
    assert window.dockWidgetArea(log) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert log.toggleViewAction() in view_menu.actions()  # the dock's own, in its place
    assert _dock_toggles(window) == ["Decision", "Orphaned notes", "Decisions"]
    log.toggleViewAction().trigger()
    assert not log.isVisible()


def test_a_project_with_orphans_makes_and_shows_their_dock(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    (tmp_path / "stack.mmd").write_text("mindmap\n  Stack\n    Data\n      MySQL\n", "utf-8")
    project = tmp_path / "p.karar.yaml"
    project.write_text(
        "karar: 1\nmap: stack.mmd\nnodes:\n  - path: [Stack, Data, Oracle]\n    checked: true\n",
        encoding="utf-8",
    )
    assert "orphans_panel" not in vars(window)  # the built-in map has none
    assert window.open_path(project)
    panel = window.orphans_panel
    assert "orphans_panel" in vars(window) and panel.has_orphans
    qtbot.waitUntil(panel.isVisible)
    assert panel.toggleViewAction() in window.commands.menus["view"].actions()


def test_a_log_open_at_close_is_open_at_the_next_start(qtbot: QtBot) -> None:
    def start() -> MainWindow:
        win = MainWindow(theme="light", remember=True)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        return win

    first = start()
    first.decision_log.show()
    first.close()
    second = start()
    assert "decision_log" in vars(second)  # made at once: it is in the first frame
    assert second.decision_log.isVisible()
    second.decision_log.hide()
    second.close()
    third = start()
    assert "decision_log" not in vars(third)
    third.close()


def test_find_makes_the_bar_above_the_map_and_searches(qtbot: QtBot, window: MainWindow) -> None:
    assert "search_bar" not in vars(window) and "search" not in vars(window)
    window.commands["find"].trigger()
    bar = window.search_bar
    qtbot.waitUntil(bar.isVisible)
    assert bar.geometry().bottom() < window.view.geometry().top()  # above the map
    window.search.set_query("redis")
    assert window.search.matches
    window.commands["find_next"].trigger()
    assert window.map_scene.selected in window.search.matches


@pytest.mark.usefixtures("english_after")
def test_the_decision_panel_makes_its_node_page_on_the_first_selection(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.decision_panel
    assert panel.pages.currentWidget() is panel.empty_label
    assert "editor" not in vars(panel)  # at start the panel only says "select a node"
    window.set_language("tr")  # before the page is made: it is made speaking Turkish
    root = window.document.root
    assert root is not None
    node = root.children[0]
    window.map_scene.select(node)
    assert panel.pages.currentIndex() == 1 and panel.node is node
    assert panel.check_box.text() == "Bunu seçtik"
    qtbot.mouseClick(panel.check_box, Qt.MouseButton.LeftButton)
    assert window.document.is_checked(node)
    window.edit_note()
    qtbot.keyClicks(panel.editor, "Neden: ekip biliyor")
    assert window.document.note(node) == "Neden: ekip biliyor"
