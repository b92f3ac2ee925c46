"""The Decisions dock (issue 9, "The decision log"): every decided node, grouped by
first-level branch, with its state mark, label, who, when and the note's first line;
sortable, filtered by state, following the map's changes row by row; a click selects the
node on the map, Enter opens its note."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from uihelpers import node_named, show_map

from karar.core.model import MindMap, Node
from karar.core.project import NodeState, Project
from karar.core.sources import BUILTIN_DJANGO
from karar.core.status import Decision
from karar.ui.decisionlog import DecisionLogPanel
from karar.ui.decisionlogmodel import (
    EMPTY_TEXT,
    LABEL,
    NOTE,
    STATE,
    WHEN,
    WHO,
    mark_colours,
)
from karar.ui.mainwindow import MainWindow
from karar.ui.theme import THEME_NAMES, apply_app_theme, contrast_ratio, resolve_theme

DAY = dt.date(2026, 11, 30)


def decide(
    win: MainWindow,
    prefix: str,
    decision: Decision,
    by: str = "",
    date: dt.date | None = None,
    note: str = "",
) -> Node:
    node = node_named(win, prefix)
    doc = win.document
    doc.decide(node, decision)
    doc.set_record(node, by=by or None, date=date)
    if note:
        doc.set_note(node, note)
    return node


def rows(panel: DecisionLogPanel) -> list[list[str]]:
    """What the view shows, top to bottom: a group as ``[text]``, a node row as its
    cells."""
    proxy = panel.proxy
    out: list[list[str]] = []
    for g in range(proxy.rowCount()):
        group = proxy.index(g, 0)
        out.append([str(group.data())])
        for r in range(proxy.rowCount(group)):
            out.append([str(proxy.index(r, c, group).data() or "") for c in range(NOTE + 1)])
    return out


def labels(panel: DecisionLogPanel) -> list[str]:
    return [row[LABEL] for row in rows(panel) if len(row) > 1]


def groups(panel: DecisionLogPanel) -> list[str]:
    return [row[0] for row in rows(panel) if len(row) == 1]


@pytest.fixture
def log(window: MainWindow) -> DecisionLogPanel:
    window.decision_log.show()
    return window.decision_log


@pytest.fixture
def decided(window: MainWindow, log: DecisionLogPanel) -> MainWindow:
    """Six decisions in two branches, every state, with and without who, when and notes."""
    decide(window, "PostgreSQL", Decision.CHOSEN, "Ayşe", DAY, "We run 16.\nWith pgbouncer.")
    decide(window, "MySQL", Decision.REJECTED, "Can", dt.date(2026, 11, 29), "No JSONB.")
    decide(window, "MongoDB", Decision.CONSIDERING, "Deniz", dt.date(2026, 12, 1))
    decide(window, "Elasticsearch", Decision.CONSIDERING)
    decide(window, "Monolith", Decision.CHOSEN, "Can", dt.date(2026, 11, 21), "\n\n  Small team")
    decide(window, "Microservices", Decision.REJECTED, "Ayşe", dt.date(2026, 11, 21))
    return window


def click_row(qtbot: QtBot, panel: DecisionLogPanel, index: QModelIndex) -> None:
    tree = panel.tree
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_header(qtbot: QtBot, panel: DecisionLogPanel, column: int) -> None:
    header = panel.tree.header()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


# --------------------------------------------------------------------------- listing


def test_lists_every_state_with_who_when_and_the_notes_first_line(
    decided: MainWindow, log: DecisionLogPanel
) -> None:
    assert rows(log) == [
        ["2. Proje Tipi / Mimari — ✓1 ✗1"],
        ["✓", "Monolith", "Can", "2026-11-21", "Small team"],
        ["✗", "Microservices", "Ayşe", "2026-11-21", ""],
        ["3. Veri Katmanı — ✓1 ✗1 ?2"],
        ["✓", "PostgreSQL", "Ayşe", "2026-11-30", "We run 16."],
        ["✗", "MySQL / MariaDB", "Can", "2026-11-29", "No JSONB."],
        ["?", "MongoDB (document store)", "Deniz", "2026-12-01", ""],
        ["?", "Elasticsearch / OpenSearch (search & analytics)", "", "", ""],
    ]
    assert log.pages.currentWidget() is log.tree
    assert log.state_buttons["all"].text() == "All 6"
    assert log.state_buttons["considering"].text() == "? 2"


def test_every_state_reads_apart_without_colour(decided: MainWindow, log: DecisionLogPanel) -> None:
    """The mark is a shape; a rejected label is struck through too."""
    model = log.log_model
    pg = model.index_of(node_named(decided, "PostgreSQL"))
    mysql = model.index_of(node_named(decided, "MySQL"))
    assert {pg.data(), mysql.data()} == {"✓", "✗"}
    assert mysql.siblingAtColumn(LABEL).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert pg.siblingAtColumn(LABEL).data(Qt.ItemDataRole.FontRole) is None
    assert mysql.data(Qt.ItemDataRole.AccessibleTextRole) == "rejected"


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_the_marks_stand_out_in_every_theme(
    window: MainWindow, log: DecisionLogPanel, theme: str
) -> None:
    window.set_theme(theme)
    palette = log.tree.palette()
    base = palette.color(palette.ColorRole.Base)
    for decision, colour in mark_colours(palette).items():
        assert contrast_ratio(colour, base) >= 4.5, (decision, colour.name())
    window.set_theme("light")


def test_an_empty_log_says_what_to_do(window: MainWindow, log: DecisionLogPanel) -> None:
    assert log.pages.currentWidget() is log.empty_label
    assert log.empty_label.text() == EMPTY_TEXT
    assert log.empty_label.textFormat() == Qt.TextFormat.PlainText
    assert not log.filter_bar.isVisible()
    node = decide(window, "PostgreSQL", Decision.CHOSEN)
    assert log.pages.currentWidget() is log.tree
    assert log.filter_bar.isVisible()
    window.document.decide(node, None)
    assert log.pages.currentWidget() is log.empty_label
    assert not log.filter_bar.isVisible()


# --------------------------------------------------------------------------- sorting


@pytest.mark.parametrize(
    ("column", "ascending"),
    [
        (LABEL, ["Elasticsearch", "MongoDB", "MySQL", "PostgreSQL"]),
        (STATE, ["PostgreSQL", "MongoDB", "Elasticsearch", "MySQL"]),  # ✓ ? ✗, map order
        (WHO, ["PostgreSQL", "MySQL", "MongoDB", "Elasticsearch"]),  # nobody comes last
        (WHEN, ["MySQL", "PostgreSQL", "MongoDB", "Elasticsearch"]),  # no date comes last
    ],
)
def test_a_header_click_sorts_within_each_group(
    decided: MainWindow, log: DecisionLogPanel, qtbot: QtBot, column: int, ascending: list[str]
) -> None:
    def data_rows() -> list[str]:
        shown = labels(log)
        return [label.split(" ")[0] for label in shown[2:]]  # the Veri Katmanı group

    assert data_rows() == ["PostgreSQL", "MySQL", "MongoDB", "Elasticsearch"]  # map order
    click_header(qtbot, log, column)
    assert data_rows() == ascending
    # groups keep map order, whichever way the rows go
    assert [g[:2] for g in groups(log)] == ["2.", "3."]
    click_header(qtbot, log, column)
    assert data_rows() == ascending[::-1]
    assert [g[:2] for g in groups(log)] == ["2.", "3."]
    click_header(qtbot, log, column)  # a third click: map order again
    assert data_rows() == ["PostgreSQL", "MySQL", "MongoDB", "Elasticsearch"]


def test_a_sorted_row_moves_when_it_changes(
    decided: MainWindow, log: DecisionLogPanel, qtbot: QtBot
) -> None:
    click_header(qtbot, log, STATE)
    decided.document.decide(node_named(decided, "MySQL"), Decision.CHOSEN)
    assert [label.split(" ")[0] for label in labels(log)[2:]] == [
        "PostgreSQL",
        "MySQL",
        "MongoDB",
        "Elasticsearch",
    ]


# --------------------------------------------------------------------------- filtering


def test_the_state_filter_shows_what_it_says(
    decided: MainWindow, log: DecisionLogPanel, qtbot: QtBot
) -> None:
    qtbot.mouseClick(log.state_buttons["rejected"], Qt.MouseButton.LeftButton)
    assert rows(log) == [
        ["2. Proje Tipi / Mimari — ✓1 ✗1"],
        ["✗", "Microservices", "Ayşe", "2026-11-21", ""],
        ["3. Veri Katmanı — ✓1 ✗1 ?2"],
        ["✗", "MySQL / MariaDB", "Can", "2026-11-29", "No JSONB."],
    ]
    qtbot.mouseClick(log.state_buttons["considering"], Qt.MouseButton.LeftButton)
    assert labels(log) == [
        "MongoDB (document store)",
        "Elasticsearch / OpenSearch (search & analytics)",
    ]
    assert len(rows(log)) == 3  # the group without an open question is gone
    qtbot.mouseClick(log.state_buttons["chosen"], Qt.MouseButton.LeftButton)
    assert labels(log) == ["Monolith", "PostgreSQL"]
    # a row entering the filtered state shows up, in its group
    decided.document.decide(node_named(decided, "MongoDB"), Decision.CHOSEN)
    assert labels(log) == ["Monolith", "PostgreSQL", "MongoDB (document store)"]
    qtbot.mouseClick(log.state_buttons["all"], Qt.MouseButton.LeftButton)
    assert len(labels(log)) == 6


def test_the_text_filter_looks_in_label_who_and_note(
    decided: MainWindow, log: DecisionLogPanel, qtbot: QtBot
) -> None:
    qtbot.keyClicks(log.text_filter, "CAN")  # any case
    assert labels(log) == ["Monolith", "MySQL / MariaDB"]
    log.set_text_filter("ayşe")
    assert labels(log) == ["Microservices", "PostgreSQL"]
    log.set_text_filter("JSONB")
    assert labels(log) == ["MySQL / MariaDB"]
    log.set_state_filter("chosen")
    assert rows(log) == []
    log.set_text_filter("")
    assert labels(log) == ["Monolith", "PostgreSQL"]


# --------------------------------------------------------------------------- the map


def test_a_click_selects_the_node_and_reveals_it(
    decided: MainWindow, log: DecisionLogPanel, qtbot: QtBot
) -> None:
    doc = decided.document
    doc.fold_all()
    pg = node_named(decided, "PostgreSQL")
    assert not doc.is_visible(pg)
    click_row(qtbot, log, log.row_of(pg))
    assert decided.map_scene.selected is pg
    assert doc.is_visible(pg)
    rect = decided.map_scene.box_rect(pg)
    assert rect is not None and decided.view.visible_scene_rect().contains(rect)
    assert decided.decision_panel.node is pg


def test_arrow_keys_walk_the_log_and_the_map_follows(
    decided: MainWindow, log: DecisionLogPanel, qtbot: QtBot
) -> None:
    pg = node_named(decided, "PostgreSQL")
    click_row(qtbot, log, log.row_of(pg))
    qtbot.keyClick(log.tree, Qt.Key.Key_Down)
    assert decided.map_scene.selected is node_named(decided, "MySQL")
    qtbot.keyClick(log.tree, Qt.Key.Key_Down)
    assert decided.map_scene.selected is node_named(decided, "MongoDB")


def test_the_map_selection_moves_the_log(decided: MainWindow, log: DecisionLogPanel) -> None:
    mysql = node_named(decided, "MySQL")
    decided.view.select(mysql)
    assert log.current_node() is mysql
    decided.view.select(node_named(decided, "SQLite"))  # undecided: the log stays
    assert log.current_node() is mysql


def test_rows_moving_by_themselves_leave_the_map_alone(
    decided: MainWindow, log: DecisionLogPanel, qtbot: QtBot
) -> None:
    mysql = node_named(decided, "MySQL")
    click_row(qtbot, log, log.row_of(mysql))
    log.set_state_filter("chosen")  # the current row is filtered away
    assert decided.map_scene.selected is mysql
    log.set_state_filter("all")
    decided.document.decide(mysql, None)  # unchecked on the map: its row goes
    assert decided.map_scene.selected is mysql
    decided.document.undo_stack.undo()
    log.refresh()
    assert decided.map_scene.selected is mysql


def test_enter_opens_the_note_editor_on_the_node(
    decided: MainWindow, log: DecisionLogPanel, qtbot: QtBot
) -> None:
    decided.activateWindow()
    qtbot.waitUntil(decided.isActiveWindow)
    mysql = node_named(decided, "MySQL")
    click_row(qtbot, log, log.row_of(mysql))
    qtbot.keyClick(log.tree, Qt.Key.Key_Down)
    qtbot.keyClick(log.tree, Qt.Key.Key_Return)
    mongo = node_named(decided, "MongoDB")
    panel = decided.decision_panel
    assert decided.map_scene.selected is mongo
    assert panel.node is mongo and panel.isVisible()
    assert QApplication.focusWidget() is panel.editor
    assert log.isVisible()  # beside the Decision dock, not behind it
    qtbot.keyClicks(panel.editor, "Needs a replica set.")
    assert log.row_of(mongo).siblingAtColumn(NOTE).data() == "Needs a replica set."


# --------------------------------------------------------------------------- live updates


def test_check_uncheck_and_undo_update_one_row(
    decided: MainWindow, log: DecisionLogPanel, qtbot: QtBot
) -> None:
    doc = decided.document
    resets: list[bool] = []
    log.log_model.modelReset.connect(lambda: resets.append(True))
    redis = node_named(decided, "Memcached")
    doc.toggle_checked(redis)
    assert log.row_of(redis).data() == "✓"
    assert rows(log)[-2] == ["6. Önbellek & Asenkron İşler — ✓1"]
    doc.decide(redis, Decision.REJECTED)
    assert log.row_of(redis).data() == "✗"
    assert rows(log)[-2] == ["6. Önbellek & Asenkron İşler — ✗1"]
    doc.undo_stack.undo()
    assert log.row_of(redis).data() == "✓"
    doc.toggle_checked(redis)  # unchecked: the row and its group go
    assert not log.row_of(redis).isValid()
    assert not any(r[0].startswith("6.") for r in rows(log))
    doc.undo_stack.undo()
    assert log.row_of(redis).data() == "✓"
    pg = node_named(decided, "PostgreSQL")
    doc.set_record(pg, by="Elif")
    assert log.row_of(pg).siblingAtColumn(WHO).data() == "Elif"
    doc.undo_stack.undo()
    assert log.row_of(pg).siblingAtColumn(WHO).data() == "Ayşe"
    assert log.state_buttons["chosen"].text() == "✓ 3"
    assert resets == []


def test_a_new_map_or_a_reload_rebuilds(
    window: MainWindow, log: DecisionLogPanel, tmp_path: Path
) -> None:
    path = tmp_path / "stack.mmd"
    path.write_text("mindmap\n  Stack\n    Data\n      PostgreSQL\n      MySQL\n", "utf-8")
    project = Project(
        map_ref=str(path),
        entries={("Stack", "Data", "MySQL"): NodeState(status=Decision.REJECTED, by="Can")},
    )
    assert window.open_map(path)
    window.document.load(window.document.mindmap, str(path), project)
    assert rows(log) == [["Data — ✗1"], ["✗", "MySQL", "Can", "", ""]]
    path.write_text(
        "mindmap\n  Stack\n    Data\n      PostgreSQL\n      MySQL\n    Cache\n      Redis\n",
        "utf-8",
    )
    window.reload()
    redis = node_named(window, "Redis")
    window.document.toggle_checked(redis)
    assert rows(log) == [
        ["Data — ✗1"],
        ["✗", "MySQL", "Can", "", ""],
        ["Cache — ✓1"],
        ["✓", "Redis", "", dt.date.today().isoformat(), ""],
    ]
    show_map(window, MindMap(Node("Empty")))
    assert rows(log) == []
    assert log.pages.currentWidget() is log.empty_label


def test_a_reattached_orphan_shows_up(window: MainWindow, log: DecisionLogPanel) -> None:
    root = Node("Stack")
    data = root.add(Node("Data"))
    data.add(Node("PostgreSQL"))
    project = Project(
        map_ref=BUILTIN_DJANGO,
        entries={("Stack", "Data", "Postgres"): NodeState(checked=True, by="Ayşe")},
    )
    show_map(window, MindMap(root), project)
    assert rows(log) == []
    window.document.reattach(("Stack", "Data", "Postgres"), data.children[0])
    assert rows(log) == [["Data — ✓1"], ["✓", "PostgreSQL", "Ayşe", "", ""]]


# --------------------------------------------------------------------------- plain text


def test_labels_notes_and_names_show_as_text(
    window: MainWindow, log: DecisionLogPanel, tmp_path: Path
) -> None:
    picture = tmp_path / "magenta.png"
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor(255, 0, 255))
    assert image.save(str(picture))
    hostile = f'<img src="{picture}" width="64" height="64"><h1>Big</h1>'
    root = Node("Root")
    entity = hostile.replace("<", "&lt;").replace(">", "&gt;")
    branch = root.add(Node(entity))
    leaf = branch.add(Node(entity + " leaf"))
    show_map(window, MindMap(root))
    window.document.decide(leaf, Decision.CHOSEN)
    window.document.set_record(leaf, by=hostile)
    window.document.set_note(leaf, hostile)
    index = log.row_of(leaf)
    assert index.siblingAtColumn(LABEL).data() == hostile + " leaf"
    assert index.siblingAtColumn(WHO).data() == hostile
    assert log.proxy.index(0, 0).data() == f"{hostile} — ✓1"
    for tip in (index.data(Qt.ItemDataRole.ToolTipRole), log.proxy.index(0, 0).data(3)):
        doc = QTextDocument()
        doc.setHtml(tip)
        assert "<img" in doc.toPlainText() and "<h1>" in doc.toPlainText()
    window.resize(1400, 900)
    shot = log.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert b"\xff\x00\xff\xff" not in bytes(shot.constBits())


# --------------------------------------------------------------------------- the window


def test_the_dock_is_hidden_until_view_shows_it(window: MainWindow) -> None:
    log = window.decision_log
    assert log.objectName() == "decisions-dock" and log.windowTitle() == "Decisions"
    assert not log.isVisible()
    toggle = log.toggleViewAction()
    assert toggle in window.commands.menus["view"].actions()
    toggle.trigger()
    assert log.isVisible()
    assert window.decision_panel.isVisible()  # not a tab over the Decision dock
    assert window.dockWidgetArea(log) == Qt.DockWidgetArea.BottomDockWidgetArea
    # under the map only: the Decision dock keeps the window's full height
    assert log.geometry().right() < window.decision_panel.geometry().left()


def test_the_dock_state_is_saved_with_the_others(window: MainWindow, qtbot: QtBot) -> None:
    window.decision_log.show()
    state = window.saveState(1)
    other = MainWindow(theme="light", remember=False)
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    assert not other.decision_log.isVisible()
    assert other.restoreState(state, 1)
    assert other.decision_log.isVisible()
    other.close()


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_describe_lists_the_dock_when_shown(window: MainWindow) -> None:
    from karar.ui.describe import describe

    assert "decisions-dock" not in describe(window)["chrome"]["docks"]
    window.decision_log.show()
    assert "decisions-dock" in describe(window)["chrome"]["docks"]


def test_a_theme_change_recolours_the_marks(decided: MainWindow, log: DecisionLogPanel) -> None:
    pg = log.log_model.index_of(node_named(decided, "PostgreSQL"))
    light = pg.data(Qt.ItemDataRole.ForegroundRole)
    try:
        decided.set_theme("dark")
        QApplication.processEvents()
        dark = pg.data(Qt.ItemDataRole.ForegroundRole)
        assert dark != light
        base = log.tree.palette().color(log.tree.palette().ColorRole.Base)
        assert contrast_ratio(dark, base) >= 4.5
    finally:
        decided.set_theme("light")
        apply_app_theme(resolve_theme("light"))


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_the_filter_controls_show_their_edges_in_every_theme(
    window: MainWindow, log: DecisionLogPanel, theme: str
) -> None:
    """Fusion draws borders from the window colour: on black they were black."""
    try:
        window.set_theme(theme)
        decide(window, "PostgreSQL", Decision.CHOSEN)
        log.set_state_filter("chosen")
        QApplication.processEvents()
        window_colour = log.palette().color(log.palette().ColorRole.Window)
        for widget in (log.state_buttons["chosen"], log.state_buttons["all"], log.text_filter):
            image = widget.grab().toImage()
            edge = image.pixelColor(0, image.height() // 2)
            assert contrast_ratio(edge, window_colour) >= 3.0, (widget, edge.name())
        # the chosen segment reads apart from the others without colour: a thicker edge
        chosen = log.state_buttons["chosen"].grab().toImage()
        other = log.state_buttons["all"].grab().toImage()
        assert chosen.pixelColor(1, chosen.height() // 2) != other.pixelColor(
            1, other.height() // 2
        )
    finally:
        window.set_theme("light")


def test_labels_get_a_third_of_the_width_until_sized_by_hand(
    decided: MainWindow, log: DecisionLogPanel, qtbot: QtBot
) -> None:
    header = log.tree.header()
    narrow = header.sectionSize(LABEL)
    decided.resize(1900, 900)
    qtbot.waitUntil(lambda: header.sectionSize(LABEL) > narrow)
    chars = log.tree.fontMetrics().averageCharWidth()
    third = log.tree.viewport().width() // 3
    assert header.sectionSize(LABEL) == min(max(third, 34 * chars), 64 * chars) > narrow
    header.resizeSection(LABEL, 150)  # as a drag of its edge does
    decided.resize(1400, 900)
    qtbot.waitUntil(lambda: log.tree.viewport().width() < 1300)
    assert header.sectionSize(LABEL) == 150
