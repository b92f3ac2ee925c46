"""Decision states driven like a user: keys, the node's context menu (right-click, Menu
key, Shift+F10), checkbox clicks; undone, saved, reopened and seen back."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from uihelpers import viewport_point

from karar.core.model import Node
from karar.core.status import Decision
from karar.ui.actions import COMMANDS, Command, shortcuts_html
from karar.ui.app import make_app
from karar.ui.mainwindow import MainWindow

# a popup menu asks the offscreen platform for things it has not got (no window manager)
pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise", "does not support grabbing"
)

MAP = (
    "mindmap\n  Stack\n    Data\n      PostgreSQL\n      MySQL\n      SQLite\n"
    "    Cache\n      Redis\n      Memcached\n"
)


@pytest.fixture(autouse=True)
def no_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Discard whenever a question is asked: no modal dialog can block a test."""
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: int(QMessageBox.StandardButton.Discard.value)
    )


def make_window(qtbot: QtBot) -> MainWindow:
    make_app()
    win = MainWindow(theme="light", remember=False)
    qtbot.addWidget(win)
    win.map_scene.animate = False
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "stack.mmd"
    path.write_text(MAP, encoding="utf-8")
    return path


@pytest.fixture
def win(qtbot: QtBot, map_file: Path) -> Iterator[MainWindow]:
    w = make_window(qtbot)
    assert w.open_path(map_file)
    w.document.apply(w.document.map_state.folds_to(()))
    w.view.fit_all()
    yield w
    w.session.mark_clean()
    w.close()


def node(win: MainWindow, label: str) -> Node:
    return next(n for n in win.document.mindmap if n.label == label)


def press(qtbot: QtBot, win: MainWindow, key: Qt.Key, mods=Qt.KeyboardModifier.NoModifier) -> None:
    win.view.setFocus()
    qtbot.keyClick(win.view, key, mods)


def save_to(monkeypatch: pytest.MonkeyPatch, win: MainWindow, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert win.session.save()


def right_click(win: MainWindow, n: Node) -> QMenu:
    rect = win.map_scene.box_rect(n)
    pos = viewport_point(win, rect.center())
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, win.view.viewport().mapToGlobal(pos)
    )
    QApplication.sendEvent(win.view.viewport(), event)
    menu = win.view.context_menu
    assert menu is not None and menu.isVisible()
    return menu


def item(menu: QMenu, name: str) -> QAction:
    found = menu.findChild(QAction, name)
    assert found is not None, name
    return found


def choose(qtbot: QtBot, menu: QMenu, name: str) -> None:
    """Click the menu's item ``name``, as a user would; the menu closes."""
    pos = menu.actionGeometry(item(menu, name)).center()
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=pos)
    assert not menu.isVisible()


# ---------------------------------------------------------------- keys


@pytest.mark.parametrize(
    ("key", "mods", "state"),
    [
        (Qt.Key.Key_X, Qt.KeyboardModifier.NoModifier, Decision.REJECTED),
        (Qt.Key.Key_Question, Qt.KeyboardModifier.NoModifier, Decision.CONSIDERING),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.NoModifier, Decision.CONSIDERING),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, Decision.CHOSEN),
    ],
)
def test_keys_set_each_state_and_undo_takes_it_back(
    qtbot: QtBot, win: MainWindow, key: Qt.Key, mods: Qt.KeyboardModifier, state: Decision
) -> None:
    doc = win.document
    pg = node(win, "PostgreSQL")
    win.view.select(pg)
    press(qtbot, win, key, mods)
    assert doc.decision(pg) is state
    assert win.session.modified
    doc.undo_stack.undo()
    assert doc.decision(pg) is None


@pytest.mark.parametrize("key", [Qt.Key.Key_Backspace, Qt.Key.Key_0])
def test_backspace_and_zero_make_a_node_undecided(
    qtbot: QtBot, win: MainWindow, key: Qt.Key
) -> None:
    doc = win.document
    pg = node(win, "PostgreSQL")
    doc.decide(pg, Decision.REJECTED)
    win.view.select(pg)
    press(qtbot, win, key)
    assert doc.decision(pg) is None
    doc.undo_stack.undo()
    assert doc.decision(pg) is Decision.REJECTED


def test_enter_on_a_rejected_node_chooses_it(qtbot: QtBot, win: MainWindow) -> None:
    doc = win.document
    pg = node(win, "PostgreSQL")
    doc.decide(pg, Decision.REJECTED)
    win.view.select(pg)
    press(qtbot, win, Qt.Key.Key_Return)
    assert doc.decision(pg) is Decision.CHOSEN
    press(qtbot, win, Qt.Key.Key_Return)
    assert doc.decision(pg) is None


def test_state_keys_do_not_act_while_typing_in_the_find_field(
    qtbot: QtBot, win: MainWindow
) -> None:
    doc = win.document
    pg = node(win, "PostgreSQL")
    win.view.select(pg)
    win.open_search()
    focus = QApplication.focusWidget()
    assert focus is not None and focus is not win.view
    qtbot.keyClicks(focus, "xq?0")
    qtbot.keyClick(focus, Qt.Key.Key_Backspace)
    assert doc.decision(pg) is None
    assert not doc.undo_stack.count()


def test_the_state_commands_follow_check_in_the_edit_menu(win: MainWindow) -> None:
    names = [a.objectName() for a in win.commands.menus["edit"].actions() if not a.isSeparator()]
    at = names.index("check")
    assert names[at : at + 4] == ["check", "reject", "consider", "undecide"]
    rows = {r.name: r for r in COMMANDS if isinstance(r, Command)}
    assert all(rows[n].view_only for n in ("reject", "consider", "undecide", "node_menu"))


def test_the_keys_dialog_lists_the_state_keys(win: MainWindow) -> None:
    text = shortcuts_html(win.commands)
    for what in ("Reject", "Considering", "Clear Decision", "Open the selected node's menu"):
        assert html.escape(what) in text
    assert "<b>X</b>" in text and "<b>?, Q</b>" in text and "Shift+F10" in text


def test_no_two_commands_share_a_key(win: MainWindow) -> None:
    seen: dict[str, str] = {}
    for name, action in win.commands.by_name.items():
        for seq in action.shortcuts():
            key = seq.toString()
            assert key not in seen, (key, name, seen.get(key))
            seen[key] = name


# ---------------------------------------------------------------- the node menu


def test_right_click_menu_sets_each_state(qtbot: QtBot, win: MainWindow) -> None:
    doc = win.document
    pg = node(win, "PostgreSQL")
    for name, state in (
        ("state-rejected", Decision.REJECTED),
        ("state-considering", Decision.CONSIDERING),
        ("state-chosen", Decision.CHOSEN),
        ("state-undecided", None),
    ):
        menu = right_click(win, pg)
        assert win.map_scene.selected is pg
        choose(qtbot, menu, name)
        assert doc.decision(pg) is state, name
    # the menu shows the current state, and the keys that do the same
    doc.decide(pg, Decision.CONSIDERING)
    menu = right_click(win, pg)
    assert item(menu, "state-considering").isChecked()
    assert not item(menu, "state-chosen").isChecked()
    assert item(menu, "state-rejected").text().endswith("\tX")
    assert item(menu, "state-chosen").text().endswith("\tReturn")
    menu.close()
    # four steps, four undos
    for _ in range(5):
        doc.undo_stack.undo()
    assert doc.decision(pg) is None


def test_menu_folds_and_edits_the_note(qtbot: QtBot, win: MainWindow) -> None:
    doc = win.document
    data = node(win, "Data")
    menu = right_click(win, data)
    assert item(menu, "fold").text().startswith("&Fold")
    choose(qtbot, menu, "fold")
    assert doc.is_folded(data)
    menu = right_click(win, data)
    assert item(menu, "fold").text().startswith("&Unfold")
    choose(qtbot, menu, "edit-note")
    qtbot.waitUntil(lambda: win.decision_panel.editor.hasFocus())
    assert win.decision_panel.node is data
    leaf = right_click(win, node(win, "Redis"))
    assert not item(leaf, "fold").isEnabled()
    leaf.close()


def test_right_click_on_the_background_opens_nothing(win: MainWindow) -> None:
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(2, 2), QPoint(2, 2))
    QApplication.sendEvent(win.view.viewport(), event)
    assert win.view.context_menu is None


@pytest.mark.parametrize(
    ("key", "mods"),
    [
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_keyboard_opens_the_menu_on_the_selected_node(
    qtbot: QtBot, win: MainWindow, key: Qt.Key, mods: Qt.KeyboardModifier
) -> None:
    mysql = node(win, "MySQL")
    win.view.select(mysql)
    press(qtbot, win, key, mods)
    menu = win.view.context_menu
    assert menu is not None and menu.isVisible()
    choose(qtbot, menu, "state-rejected")
    assert win.document.decision(mysql) is Decision.REJECTED
    qtbot.waitUntil(lambda: win.view.context_menu is None)


# ---------------------------------------------------------------- the checkbox


def test_checkbox_click_chooses_a_rejected_or_considered_node(
    qtbot: QtBot, win: MainWindow
) -> None:
    doc = win.document
    for state in (Decision.REJECTED, Decision.CONSIDERING):
        pg = node(win, "PostgreSQL")
        doc.decide(pg, state)
        rect = win.map_scene.checkbox_scene_rect(pg)
        pos = viewport_point(win, rect.center())
        qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        assert doc.decision(pg) is Decision.CHOSEN
        doc.undo_stack.undo()
        assert doc.decision(pg) is state
        doc.decide(pg, None)


# ---------------------------------------------------------------- saved and back


def test_states_set_by_keys_are_saved_and_come_back(
    qtbot: QtBot, win: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for label, key in (
        ("PostgreSQL", Qt.Key.Key_Return),
        ("MySQL", Qt.Key.Key_X),
        ("SQLite", Qt.Key.Key_Question),
    ):
        win.view.select(node(win, label))
        press(qtbot, win, key)
    target = tmp_path / "team.karar.yaml"
    save_to(monkeypatch, win, target)
    text = target.read_text(encoding="utf-8")
    assert "status: rejected" in text and "status: considering" in text
    win.close()

    again = make_window(qtbot)
    assert again.open_path(target)
    doc = again.document
    assert [doc.decision(node(again, n)) for n in ("PostgreSQL", "MySQL", "SQLite", "Redis")] == [
        Decision.CHOSEN,
        Decision.REJECTED,
        Decision.CONSIDERING,
        None,
    ]
    again.session.mark_clean()
    again.close()


# ---------------------------------------------------------------- the Decision panel


def panel_on(win: MainWindow, label: str) -> tuple[Node, object]:
    n = node(win, label)
    win.view.select(n)
    panel = win.decision_panel
    assert panel.node is n
    return n, panel.record


def test_panel_selector_sets_each_state_and_undo(qtbot: QtBot, win: MainWindow) -> None:
    doc = win.document
    pg, record = panel_on(win, "PostgreSQL")
    combo = record.state_combo
    assert combo.currentText() == "Undecided"
    assert not record.by_edit.isEnabled() and not record.date_edit.isEnabled()
    seen = []
    for row in (1, 2, 3):
        combo.showPopup()
        view = combo.view()
        qtbot.waitUntil(view.isVisible)
        pos = view.visualRect(combo.model().index(row, 0)).center()
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        qtbot.waitUntil(lambda v=view: not v.isVisible())
        seen.append(doc.decision(pg))
        assert record.state is doc.decision(pg)
    assert seen == [Decision.CHOSEN, Decision.REJECTED, Decision.CONSIDERING]
    assert record.by_edit.isEnabled() and record.date_edit.isEnabled()
    assert win.decision_panel.check_box.isChecked() is False
    doc.undo_stack.undo()
    assert doc.decision(pg) is Decision.REJECTED and record.state is Decision.REJECTED
    # the panel follows a change made on the map
    doc.decide(pg, Decision.CHOSEN)
    assert record.state is Decision.CHOSEN
    assert win.decision_panel.check_box.isChecked()


def test_who_and_when_edited_in_the_panel_are_one_undo_step_each(
    qtbot: QtBot, win: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = win.document
    pg, record = panel_on(win, "PostgreSQL")
    doc.decide(pg, Decision.REJECTED)
    stamped = doc.entry(pg).date
    assert record.date_edit.text() == stamped.isoformat()
    steps = doc.undo_stack.count()

    record.by_edit.setFocus()
    record.by_edit.selectAll()
    qtbot.keyClicks(record.by_edit, "Can")
    qtbot.keyClick(record.by_edit, Qt.Key.Key_Return)
    assert doc.entry(pg).by == "Can"
    record.date_edit.setFocus()
    record.date_edit.selectAll()
    qtbot.keyClicks(record.date_edit, "2026-11-29")
    qtbot.keyClick(record.date_edit, Qt.Key.Key_Return)
    assert str(doc.entry(pg).date) == "2026-11-29"
    assert doc.undo_stack.count() == steps + 2

    # not a day: nothing saved, one line says why
    record.date_edit.selectAll()
    qtbot.keyClicks(record.date_edit, "2026-13-01")
    qtbot.keyClick(record.date_edit, Qt.Key.Key_Return)
    assert str(doc.entry(pg).date) == "2026-11-29"
    assert record.notice.isVisible() and "YYYY-MM-DD" in record.notice.text()
    assert doc.undo_stack.count() == steps + 2

    target = tmp_path / "team.karar.yaml"
    save_to(monkeypatch, win, target)
    text = target.read_text(encoding="utf-8")
    assert "by: Can" in text and "date: 2026-11-29" in text

    doc.undo_stack.undo()
    assert doc.entry(pg).date == stamped and record.date_edit.text() == stamped.isoformat()
    doc.undo_stack.undo()
    assert doc.entry(pg).by is None and record.by_edit.text() == ""
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    win.session.save()
    win.close()

    again = make_window(qtbot)
    assert again.open_path(target)
    entry = again.document.entry(node(again, "PostgreSQL"))
    assert (entry.decision, entry.by, str(entry.date)) == (Decision.REJECTED, "Can", "2026-11-29")
    again.view.select(node(again, "PostgreSQL"))
    assert again.decision_panel.record.by_edit.text() == "Can"
    again.session.mark_clean()
    again.close()


def test_an_empty_date_clears_it(qtbot: QtBot, win: MainWindow) -> None:
    doc = win.document
    pg, record = panel_on(win, "PostgreSQL")
    doc.decide(pg, Decision.CONSIDERING)
    record.date_edit.setFocus()
    record.date_edit.clear()
    qtbot.keyClick(record.date_edit, Qt.Key.Key_Return)
    assert doc.entry(pg).date is None
    assert doc.decision(pg) is Decision.CONSIDERING


def test_the_participant_is_the_placeholder_of_who(win: MainWindow) -> None:
    win.document.project.participant = "Ayşe"
    pg, record = panel_on(win, "PostgreSQL")
    win.document.decide(pg, Decision.CHOSEN)
    assert record.by_edit.placeholderText() == "Ayşe"
    assert record.by_edit.text() == "Ayşe"  # decided by the participant, stamped


def test_panel_fields_have_labels_and_tab_in_order(qtbot: QtBot, win: MainWindow) -> None:
    pg, record = panel_on(win, "PostgreSQL")
    win.document.decide(pg, Decision.CHOSEN)
    assert record.state_label.buddy() is record.state_combo
    assert record.by_label.buddy() is record.by_edit
    assert record.date_label.buddy() is record.date_edit
    win.activateWindow()
    box = win.decision_panel.check_box
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [record.state_combo, record.by_edit, record.date_edit, record.calendar_button]


# ---------------------------------------------------------------- view filters


def shown_labels(win: MainWindow) -> set[str]:
    layout = win.map_scene.layout
    assert layout is not None
    return {n.label for n in layout.boxes}


@pytest.fixture
def decided(win: MainWindow) -> MainWindow:
    doc = win.document
    doc.decide(node(win, "PostgreSQL"), Decision.CHOSEN)
    doc.decide(node(win, "MySQL"), Decision.REJECTED)
    doc.decide(node(win, "Redis"), Decision.CONSIDERING)
    doc.decide(node(win, "Data"), Decision.REJECTED)  # a rejected branch hides its subtree
    doc.set_folded(node(win, "Cache"), True)
    return win


def test_each_filter_shows_what_it_says(qtbot: QtBot, decided: MainWindow) -> None:
    win = decided
    menu = win.commands.menus["filter"]
    names = [a.objectName() for a in menu.actions()]
    assert names[:4] == ["filter_all", "decisions_only", "filter_open", "filter_hide_rejected"]
    assert menu.menuAction() in win.commands.menus["view"].actions()

    everything = {"Stack", "Data", "PostgreSQL", "MySQL", "SQLite", "Cache"}  # Cache folded
    expected = {
        "decisions_only": {"Stack", "Data", "PostgreSQL", "MySQL", "Cache", "Redis"},
        "filter_open": {"Stack", "Cache", "Redis"},
        "filter_hide_rejected": {"Stack", "Cache"},
        "filter_all": everything,
    }
    titles = {
        "decisions_only": "Decisions only",
        "filter_open": "Open questions only",
        "filter_hide_rejected": "Rejected hidden",
    }
    assert shown_labels(win) == everything
    for name, labels in expected.items():
        win.commands[name].trigger()
        assert shown_labels(win) == labels, name
        checked = [a.objectName() for a in menu.actions() if a.isChecked()]
        assert checked == [name]
        text = win.status.counts.text()
        if name in titles:
            assert text.startswith(titles[name]), text
        else:
            assert not any(t in text for t in titles.values()), text
    assert "1 chosen · 2 rejected · 1 open" in win.status.counts.text()


def test_choosing_the_active_filter_again_shows_everything(decided: MainWindow) -> None:
    win = decided
    for name in ("filter_open", "filter_hide_rejected"):
        win.commands[name].trigger()
        assert win.map_scene.filter.name != "all"
        win.commands[name].trigger()
        assert win.map_scene.filter.name == "all"
        assert win.commands["filter_all"].isChecked()
        assert not win.commands[name].isChecked()


def test_ctrl_d_and_the_tool_button_toggle_decisions(qtbot: QtBot, decided: MainWindow) -> None:
    win = decided
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert win.map_scene.filter.name == "decisions"
    qtbot.keyClick(win.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert win.map_scene.filter.name == "all"
    button = win.commands.toolbar.widgetForAction(win.commands["decisions_only"])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert win.map_scene.filter.name == "decisions" and button.isChecked()
    win.commands["filter_open"].trigger()  # another filter unchecks the button
    assert not button.isChecked()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert win.map_scene.filter.name == "decisions"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert win.map_scene.filter.name == "all" and win.commands["filter_all"].isChecked()


def test_filters_follow_state_changes(decided: MainWindow) -> None:
    win = decided
    doc = win.document
    win.commands["filter_open"].trigger()
    doc.decide(node(win, "SQLite"), Decision.CONSIDERING)
    assert shown_labels(win) == {"Stack", "Cache", "Redis", "Data", "SQLite"}
    doc.undo_stack.undo()
    assert shown_labels(win) == {"Stack", "Cache", "Redis"}


# ---------------------------------------------------------------- the snapshot


def export_snapshot(
    qtbot: QtBot, win: MainWindow, monkeypatch: pytest.MonkeyPatch, out: Path, click: bool
) -> bool:
    """File › Export Decision Snapshot, saving to ``out``; ``click`` the "Decisions
    only" box first. Returns whether the box was checked when the dialog opened."""
    from PySide6.QtWidgets import QCheckBox

    seen: list[bool] = []

    def save_here(dialog: QFileDialog) -> int:
        box = dialog.findChild(QCheckBox, "decisions-only")
        assert box is not None
        seen.append(box.isChecked())
        dialog.show()
        qtbot.waitExposed(dialog)
        assert box.isVisible()
        if click:
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
        dialog.selectFile(str(out))
        return int(QFileDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QFileDialog, "exec", save_here)
    win.commands["export_md"].trigger()
    return seen[0]


def test_the_snapshot_dialog_writes_decisions_only(
    qtbot: QtBot, decided: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = decided
    everything = tmp_path / "all.md"
    assert not export_snapshot(qtbot, win, monkeypatch, everything, click=False)
    text = everything.read_text(encoding="utf-8")
    assert "- [ ] SQLite" in text and "- [ ] Memcached" in text

    only = tmp_path / "only.md"
    assert not export_snapshot(qtbot, win, monkeypatch, only, click=True)
    text = only.read_text(encoding="utf-8")
    assert "- [x] PostgreSQL" in text and "~~MySQL~~" in text and "Redis" in text
    assert "SQLite" not in text and "Memcached" not in text
    assert "- Cache" in text  # an undecided ancestor: a plain bullet

    # the default follows the view: in the decisions-only view the box starts checked
    win.commands["decisions_only"].trigger()
    again = tmp_path / "again.md"
    assert export_snapshot(qtbot, win, monkeypatch, again, click=False)
    assert again.read_text(encoding="utf-8").splitlines()[2:] == text.splitlines()[2:]


def test_the_calendar_sets_the_date(qtbot: QtBot, win: MainWindow) -> None:
    from PySide6.QtCore import QDate

    doc = win.document
    pg, record = panel_on(win, "PostgreSQL")
    doc.decide(pg, Decision.CHOSEN)
    qtbot.mouseClick(record.calendar_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(record.calendar_menu.isVisible)
    record.calendar.setSelectedDate(QDate(2026, 12, 3))
    record.calendar.activated.emit(QDate(2026, 12, 3))  # Enter on the chosen day
    assert str(doc.entry(pg).date) == "2026-12-03"
    assert record.date_edit.text() == "2026-12-03"
    assert not record.calendar_menu.isVisible()
