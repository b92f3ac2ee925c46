"""The presentation mode driven as a facilitator drives it: F5, Page Down through the
branches, Enter to choose, the ``?`` and note overlays, B to blank, Esc to leave — and
the window, view and folds given back exactly."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QDockWidget, QToolBar
from pytestqt.qtbot import QtBot
from uihelpers import node_named

from karar.core.model import Node
from karar.ui.describe import describe
from karar.ui.mainwindow import MainWindow
from karar.ui.present import PRESENT_KEYS, ROOM_LABEL_PX, key_rows

K = Qt.Key


def press(qtbot: QtBot, win: MainWindow, key: Qt.Key, modifier: Any = None) -> None:
    target = win.focusWidget() or win.view
    if modifier is None:
        qtbot.keyClick(target, key)
    else:
        qtbot.keyClick(target, key, modifier)


def start(qtbot: QtBot, win: MainWindow) -> None:
    press(qtbot, win, K.Key_F5)
    assert win.presentation.active
    screen = win.screen().geometry()
    qtbot.waitUntil(lambda: win.isFullScreen() and win.geometry() == screen)
    qtbot.waitUntil(lambda: not win.view.is_gliding())


def chrome(win: MainWindow) -> dict[str, Any]:
    return {
        "menubar": win.menuBar().isVisible(),
        "statusbar": win.statusBar().isVisible(),
        "toolbars": [t.isVisible() for t in win.findChildren(QToolBar)],
        "docks": sorted(d.objectName() for d in win.findChildren(QDockWidget) if d.isVisible()),
        "overview": win.view.minimap.isVisible(),
    }


def test_page_down_three_times_focuses_the_data_layer(qtbot: QtBot, window: MainWindow) -> None:
    start(qtbot, window)
    assert window.presentation.step == 0
    assert not any(window.map_scene.ctx.is_dimmed(n) for n in window.document.mindmap)
    for _ in range(3):
        press(qtbot, window, K.Key_PageDown)
    presentation = window.presentation
    data = node_named(window, "3. Veri Katmanı")
    assert presentation.step == 3
    assert presentation.focus is data
    assert window.map_scene.selected is data
    assert not window.document.is_folded(data)
    assert all(c in window.map_scene.layout.boxes for c in data.children)  # type: ignore[union-attr]
    described = describe(window)
    assert described["present"] == {
        "step": 3,
        "steps": 33,
        "focus": list(window.document.path_of(data)),
    }
    inside = [n for n in described["nodes"] if n["path"][1:2] == ["3. Veri Katmanı"]]
    outside = [n for n in described["nodes"] if len(n["path"]) > 1 and n not in inside]
    assert inside and outside
    assert not any(n["dimmed"] for n in inside)
    assert all(n["dimmed"] for n in outside)
    assert not window.map_scene.ctx.is_dimmed(window.document.root)  # type: ignore[arg-type]
    # every other first-level branch is folded back
    for branch in window.document.root.children:  # type: ignore[union-attr]
        if branch is not data and branch.children:
            assert window.document.is_folded(branch)


def test_steps_back_home_and_ends(qtbot: QtBot, window: MainWindow) -> None:
    start(qtbot, window)
    presentation = window.presentation
    press(qtbot, window, K.Key_Right)
    press(qtbot, window, K.Key_Right)
    assert presentation.step == 2
    press(qtbot, window, K.Key_Left)
    assert presentation.step == 1
    press(qtbot, window, K.Key_PageUp)
    press(qtbot, window, K.Key_PageUp)
    assert presentation.step == 0 and presentation.focus is None
    presentation.go(33)
    press(qtbot, window, K.Key_PageDown)
    assert presentation.step == 33
    press(qtbot, window, K.Key_Home)
    assert presentation.step == 0


def test_the_focused_branch_reads_from_the_back_of_the_room(
    qtbot: QtBot, window: MainWindow
) -> None:
    start(qtbot, window)
    window.presentation.go(3)
    height = window.screen().geometry().height()
    least = ROOM_LABEL_PX * height / 1080
    inside = [n for n in describe(window)["nodes"] if n["path"][1:2] == ["3. Veri Katmanı"]]
    assert len(inside) > 3
    assert min(n["font_px"] for n in inside) >= least


def test_enter_chooses_a_node_and_the_project_records_it(qtbot: QtBot, window: MainWindow) -> None:
    start(qtbot, window)
    for _ in range(3):
        press(qtbot, window, K.Key_PageDown)
    press(qtbot, window, K.Key_Down)
    node = window.map_scene.selected
    assert node is not None and node.parent is node_named(window, "3. Veri Katmanı")
    steps_before = window.document.undo_stack.count()
    press(qtbot, window, K.Key_Return)
    assert window.document.is_checked(node)
    entry = window.document.project.entries[window.document.path_of(node)]
    assert entry.checked
    assert window.document.undo_stack.count() == steps_before + 1
    assert window.session.modified
    assert window.presentation.footer_parts()[-1] == "1 decided"
    assert "1 decided" in window.presentation.footer.text()
    press(qtbot, window, K.Key_X)
    assert window.document.decision(node).value == "rejected"  # type: ignore[union-attr]
    press(qtbot, window, K.Key_Q)
    assert window.document.decision(node).value == "considering"  # type: ignore[union-attr]
    press(qtbot, window, K.Key_Backspace)
    assert window.document.decision(node) is None
    press(qtbot, window, K.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo works as ever
    assert window.document.decision(node).value == "considering"  # type: ignore[union-attr]
    assert window.presentation.active


def test_esc_gives_back_the_window_view_and_folds(qtbot: QtBot, window: MainWindow) -> None:
    doc = window.document
    window.show_levels(2)
    data = node_named(window, "3. Veri Katmanı")
    doc.set_folded(data, True)
    window.view.set_zoom(0.9)
    window.view.center_on(QPointF(120.0, -40.0))
    window.decision_log.show()
    qtbot.wait_until(lambda: window.decision_log.isVisible())
    geometry, state = window.geometry(), window.windowState()
    looks = chrome(window)
    zoom, center = window.view.zoom, window.view.center()
    folded = set(doc.folded)
    saved_entries = doc.project.to_data(doc.map_state.save_order())
    undo_steps = doc.undo_stack.count()
    start(qtbot, window)
    assert chrome(window) == {
        "menubar": False,
        "statusbar": False,
        "toolbars": [False] * len(looks["toolbars"]),
        "docks": [],
        "overview": False,
    }
    assert window.presentation.footer.isVisible()
    for _ in range(5):
        press(qtbot, window, K.Key_PageDown)
    press(qtbot, window, K.Key_Down)
    press(qtbot, window, K.Key_Space)
    assert set(doc.folded) != folded
    press(qtbot, window, K.Key_Escape)
    assert not window.presentation.active
    qtbot.wait_until(lambda: not window.isFullScreen())
    qtbot.wait_until(lambda: window.geometry() == geometry)
    assert window.windowState() == state
    assert chrome(window) == looks
    assert not window.presentation.footer.isVisible()
    assert window.view.zoom == pytest.approx(zoom)
    assert abs(window.view.center().x() - center.x()) <= 1.5 / zoom
    assert abs(window.view.center().y() - center.y()) <= 1.5 / zoom
    assert set(doc.folded) == folded
    assert doc.project.to_data(doc.map_state.save_order()) == saved_entries
    assert doc.undo_stack.count() == undo_steps  # the steps' folds were no undo steps
    assert window.map_scene.focus is None
    assert not any(window.map_scene.ctx.is_dimmed(n) for n in doc.mindmap)


def test_the_keys_overlay_lists_the_key_table(qtbot: QtBot, window: MainWindow) -> None:
    start(qtbot, window)
    press(qtbot, window, K.Key_Question)
    presentation = window.presentation
    overlay = presentation.keys_overlay
    assert overlay is not None and overlay.isVisible()
    assert presentation.overlay_open == "keys"
    assert overlay.rows == tuple(key_rows()) == tuple((r.shown, r.help) for r in PRESENT_KEYS)
    text = overlay.label.text()
    for _shown, what in overlay.rows:
        assert what in text.replace("&amp;", "&")
    press(qtbot, window, K.Key_Escape)  # closes the overlay, stays presenting
    assert presentation.overlay_open is None and presentation.active
    press(qtbot, window, K.Key_Question)
    press(qtbot, window, K.Key_Question)  # again: closed
    assert presentation.overlay_open is None
    press(qtbot, window, K.Key_Escape)
    assert not presentation.active


def test_the_note_overlay_shows_the_note_large_and_takes_typing(
    qtbot: QtBot, window: MainWindow
) -> None:
    doc = window.document
    data = node_named(window, "3. Veri Katmanı")
    doc.set_note(data, "We chose **PostgreSQL**.\n\n- one\n- two")
    doc.undo_stack.clear()
    start(qtbot, window)
    window.presentation.go(3)
    press(qtbot, window, K.Key_N)
    presentation = window.presentation
    overlay = presentation.note_overlay
    assert overlay is not None and presentation.overlay_open == "note"
    assert overlay.title.text() == "3. Veri Katmanı"
    shown = overlay.shown_html()
    assert "PostgreSQL" in shown and "font-weight" in shown and "<li" in shown
    press(qtbot, window, K.Key_PageDown)  # the map's keys wait while the note is open
    assert presentation.step == 3
    press(qtbot, window, K.Key_Return)
    assert overlay.editing
    qtbot.wait_until(lambda: overlay.editor.hasFocus())
    qtbot.keyClicks(overlay.editor, " Ok")
    assert doc.note(data).endswith(" Ok")
    assert doc.undo_stack.count() == 1  # typing merges into one step, as in the panel
    qtbot.keyClick(overlay.editor, K.Key_Escape)  # done typing: the note, rendered
    assert not overlay.editing and presentation.overlay_open == "note"
    assert "Ok" in overlay.shown_html()
    press(qtbot, window, K.Key_Escape)
    assert presentation.overlay_open is None and presentation.active
    doc.undo_stack.undo()
    assert doc.note(data) == "We chose **PostgreSQL**.\n\n- one\n- two"


def test_b_blanks_the_screen_until_a_key(qtbot: QtBot, window: MainWindow) -> None:
    start(qtbot, window)
    press(qtbot, window, K.Key_PageDown)
    press(qtbot, window, K.Key_B)
    presentation = window.presentation
    assert presentation.overlay_open == "blank"
    blank = presentation.blank_screen
    assert blank is not None and blank.geometry() == window.rect()
    picture = window.grab().toImage()
    middle = picture.pixelColor(picture.width() // 2, picture.height() // 2)
    assert (middle.red(), middle.green(), middle.blue()) == (0, 0, 0)
    press(qtbot, window, K.Key_PageDown)  # any key only brings the map back
    assert presentation.overlay_open is None
    assert presentation.step == 1
    press(qtbot, window, K.Key_Period)
    assert presentation.overlay_open == "blank"
    press(qtbot, window, K.Key_Escape)
    assert presentation.overlay_open is None and presentation.active


def test_space_unfolds_a_sub_branch_one_level_at_a_time(qtbot: QtBot, window: MainWindow) -> None:
    doc = window.document
    start(qtbot, window)
    data = node_named(window, "3. Veri Katmanı")
    window.presentation.go(3)
    deep = next(n for n in data.walk() if doc.is_visible(n) and doc.is_folded(n))
    window.map_scene.select(deep)
    press(qtbot, window, K.Key_Space)
    assert not doc.is_folded(deep)
    assert all(doc.is_folded(c) for c in deep.children if c.children)
    press(qtbot, window, K.Key_Space)
    assert doc.is_folded(deep)


def test_up_and_down_stay_inside_the_branch(qtbot: QtBot, window: MainWindow) -> None:
    start(qtbot, window)
    window.presentation.go(5)
    branch = window.presentation.focus
    assert branch is not None
    seen: list[Node] = []
    for _ in range(40):
        press(qtbot, window, K.Key_Down)
        seen.append(window.map_scene.selected)  # type: ignore[arg-type]
    assert all(branch in (n, *n.ancestors()) for n in seen)
    assert seen[-1] is seen[-2]  # the last node of the branch stays
    for _ in range(60):
        press(qtbot, window, K.Key_Up)
    assert window.map_scene.selected is branch


def test_a_step_glides_to_its_target_in_under_400_ms(qtbot: QtBot, window: MainWindow) -> None:
    start(qtbot, window)
    window.map_scene.animate = True
    view = window.view
    presentation = window.presentation
    zooms: list[float] = []
    view.zoom_changed.connect(zooms.append)
    frames = view.glide_frames
    with qtbot.wait_signal(view.glide_finished, timeout=5000):
        press(qtbot, window, K.Key_PageDown)
        assert view.is_gliding()
    assert view.glide_duration() < 400
    assert view.glide_frames - frames >= 2  # animated, not a jump
    zoom, center = presentation.step_view(presentation.focus)
    assert view.zoom == pytest.approx(zoom)
    assert abs(view.center().x() - center.x()) <= 1.5 / zoom
    assert abs(view.center().y() - center.y()) <= 1.5 / zoom
    # zoom moves one way only: never in, out and in again
    steps = [b - a for a, b in itertools.pairwise(zooms)]
    assert all(s >= -1e-9 for s in steps) or all(s <= 1e-9 for s in steps)


def test_f5_in_the_view_menu_and_leaves_again(qtbot: QtBot, window: MainWindow) -> None:
    action = window.commands["present"]
    assert action in window.commands.menus["view"].actions()
    assert [s.toString() for s in action.shortcuts()] == ["F5"]
    reload_keys = [s.toString() for s in window.commands["reload"].shortcuts()]
    assert "F5" not in reload_keys
    action.trigger()
    assert window.presentation.active
    press(qtbot, window, K.Key_F5)
    assert not window.presentation.active
