"""Switching View › Language retranslates the whole window at once: the decision panel,
the decision log, the orphaned-notes dock, the search and notice bars, the undo actions and
the title speak the new language, just as a window opened in it does."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from uihelpers import node_named, show_map

from karar.core.mermaid import parse_mermaid
from karar.core.project import NodeState, Project
from karar.core.status import Decision
from karar.ui import i18n
from karar.ui.mainwindow import MainWindow

MAP = """mindmap
  Stack
    Data
      Relational DB
        PostgreSQL
        MySQL
      Cache
    API
      REST
"""
ROOT = "Stack"


# every other test expects the English window: each test here puts it back
pytestmark = pytest.mark.usefixtures("english_after")


def _project() -> Project:
    return Project(
        map_ref="stack.md",
        entries={
            (ROOT, "Data", "Relational DB", "PostgreSQL"): NodeState(
                checked=True, note="We run it.", by="Ayşe", date=dt.date(2026, 12, 1)
            ),
            (ROOT, "Data", "Relational DB", "MySQL"): NodeState(votes=2),
            # moved: the orphan's label names a node elsewhere in the map
            (ROOT, "Old", "Cache"): NodeState(note="Redis, probably", votes=1),
        },
    )


def _window(qtbot: QtBot) -> MainWindow:
    win = MainWindow(theme="light", remember=False)
    qtbot.addWidget(win)
    win.map_scene.animate = False
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    show_map(win, parse_mermaid(MAP).map, _project())
    win.decision_log.show()
    win.orphans_panel.show()
    win.map_scene.select(node_named(win, "Relational DB"))
    win.document.decide(node_named(win, "REST"), Decision.REJECTED)
    win.search_bar.open_bar()
    win.search_bar.edit.setText("zzz")  # "No matches"
    win.notice_bar.show_error("stack.md:3: bad indent")
    win.document.undo_stack.clear()  # a step keeps the name it was made with
    return win


def _texts(window: MainWindow) -> dict[tuple[str, str], list[tuple[str, ...]]]:
    """Every text the window shows, by widget class and object name: titles, labels,
    buttons, tips, placeholders, combo items, menu titles, actions and list rows."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # old crumbs
    out: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for widget in (window, *window.findChildren(QWidget)):
        texts = [widget.toolTip()]
        if widget.isWindow() or isinstance(widget, QDockWidget):
            texts.append(widget.windowTitle())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QMenu):
            texts.append(widget.title())
        key = (type(widget).__name__, widget.objectName())
        out.setdefault(key, []).append(tuple(texts))
    for action in window.findChildren(QAction):
        key = ("QAction", action.objectName() or action.text())
        out.setdefault(key, []).append(
            (action.text(), action.toolTip(), action.statusTip(), action.iconText())
        )
    out[("status", "message")] = [(window.statusBar().currentMessage(),)]
    for name, view in (
        ("log", window.decision_log.tree),
        ("orphans", window.orphans_panel.orphan_list),
        ("suggestions", window.orphans_panel.suggestion_list),
    ):
        model = view.model()
        root = QModelIndex()
        columns = 1 if view is not window.decision_log.tree else model.columnCount(root)
        rows = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(columns)]
        for row in range(model.rowCount(root)):
            group = model.index(row, 0, root)
            rows.append(f"{group.data()} | {group.data(Qt.ItemDataRole.ToolTipRole)}")
            for child in range(model.rowCount(group)):
                cells = [str(model.index(child, c, group).data()) for c in range(columns)]
                rows.append(" | ".join(cells))
        out[("rows", name)] = [tuple(rows)]
    return out


def test_switching_the_language_retranslates_every_panel(qtbot: QtBot) -> None:
    win = _window(qtbot)
    panel, log, orphans = win.decision_panel, win.decision_log, win.orphans_panel
    english = _texts(win)
    assert panel.check_box.text() == "We chose this"
    assert orphans.windowTitle() == "Orphaned notes"

    win.commands["language_tr"].trigger()
    qtbot.waitUntil(lambda: panel.check_box.text() == "Bunu seçtik")
    assert panel.notes_label.text() == "Notlar"
    assert panel.record.state_label.text() == "&Durum:"
    assert panel.record.calendar.locale().language() == i18n.locale().language()
    assert log.text_filter.placeholderText() != "Filter"
    assert orphans.suggestions_title.text() == "Önerilen yerler"
    assert "aynı etiket" in orphans.suggestion_model.index(0, 0).data()
    assert "1 oy" in orphans.orphan_model.index(0, 0).data()
    assert win.search_bar.count.text() == "Eşleşme yok"
    assert win.windowTitle().startswith("Yerleşik harita")  # was "Built-in map"
    assert win.commands["undo"].text() == "&Geri Al"
    assert win.statusBar().currentMessage().endswith("satır 4")  # not "restart to see…"
    assert win.status.zoom_label.text().startswith("%")

    # the switched window says what a window opened in Turkish says
    switched = _texts(win)
    fresh = _window(qtbot)
    assert switched == _texts(fresh)
    assert switched != english

    win.commands["language_en"].trigger()
    qtbot.waitUntil(lambda: panel.check_box.text() == "We chose this")
    assert _texts(win) == english


def test_the_presenter_window_speaks_the_language(qtbot: QtBot) -> None:
    from karar.ui.presenter import PresenterWindow

    win = MainWindow(theme="light", remember=False)
    qtbot.addWidget(win)
    assert win.open_map(None)
    win.map_scene.animate = False
    presentation = win.presentation
    presentation.enter(3)
    presenter = PresenterWindow(presentation)
    qtbot.addWidget(presenter)
    presentation.presenter = presenter
    assert presenter.current.heading.text() == "Now — step 3 of 33"
    win.set_language("tr")
    qtbot.waitUntil(lambda: presenter.current.heading.text() == "Şimdi — adım 3 / 33")
    assert presenter.windowTitle() == "Karar — Sunucu Görünümü"
    assert presenter.next.heading.text() == "Sıradaki — adım 4"
    assert presenter.note_title.text() == "Not — 3. Veri Katmanı"
    assert presenter.steps.item(0).text() == "Genel bakış"
    presentation.go(0)  # the overview's card lists 8 of the 33 branches
    assert presenter.current.outline.text().endswith("• … ve 25 tane daha")
    presentation.go(33)
    assert (presenter.next.heading.text(), presenter.next.title.text()) == ("Sıradaki", "Son")
    presentation.leave()
