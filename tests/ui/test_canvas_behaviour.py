"""How the canvas behaves as the user works: branches keep their sides, animations leave
nothing behind, search opens and closes folds as navigation, keys reach everything."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QElapsedTimer, QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from uihelpers import node_named

from karar.core.layout import LayoutKind
from karar.ui.mainwindow import MainWindow
from karar.ui.render import CanvasOptions


def sides(win: MainWindow) -> dict[str, int]:
    root = win.document.root
    assert root is not None and win.map_scene.layout is not None
    boxes = win.map_scene.layout.boxes
    return {c.label: boxes[c].side for c in root.children if c in boxes}


def settle(qtbot: QtBot, win: MainWindow) -> None:
    """Wait until every animation has run out and its last frame is painted."""
    qtbot.waitUntil(lambda: not win.map_scene.is_animating(), timeout=3000)
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < 50:
        QApplication.processEvents()


def on_screen(win: MainWindow) -> QImage:
    """What the window's backing store holds now: what the user sees, debris included
    (``QWidget.grab`` would repaint everything afresh and hide it)."""
    return win.screen().grabWindow(win.winId()).toImage()


def differing(a: QImage, b: QImage) -> int:
    return sum(
        1
        for x in range(0, a.width(), 2)
        for y in range(0, a.height(), 2)
        if a.pixel(x, y) != b.pixel(x, y)
    )


# ---------------------------------------------------------------- sides


def test_branches_keep_their_side_on_unfold_search_and_filters(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_levels(1)
    before = sides(window)
    assert set(before.values()) == {1, -1}
    window.document.set_folded(node_named(window, "3. Veri Katmanı"), False)
    assert sides(window) == before
    window.unfold_all()
    assert sides(window) == before
    window.show_levels(1)
    window.search.set_query("redis")
    assert sides(window) == before
    window.search.clear()
    window.document.set_checked(node_named(window, "PostgreSQL"), True)
    window.set_decisions_only(True)
    assert all(before[label] == side for label, side in sides(window).items())


def test_down_walks_every_first_level_branch_across_sides(window: MainWindow) -> None:
    window.show_levels(1)
    root = window.document.root
    assert root is not None
    window.view.setFocus()
    window.view.select(root.children[0])
    seen = [root.children[0]]
    for _ in range(len(root.children) - 1):
        window.view.navigator.go_down()
        seen.append(window.map_scene.selected)
    assert seen == root.children
    layout = window.map_scene.layout
    assert layout is not None
    assert {layout.boxes[n].side for n in seen} == {1, -1}  # it crossed to the left side


# ---------------------------------------------------------------- debris


@pytest.mark.parametrize("change", ["decisions_only", "level_1", "unfold_branch", "unfold_all"])
def test_animated_changes_leave_nothing_behind(
    qtbot: QtBot, window: MainWindow, change: str
) -> None:
    doc = window.document
    window.map_scene.animate = True
    for node in list(doc.mindmap)[::23][:8]:
        doc.set_checked(node, True)
    window.show_levels(2)
    settle(qtbot, window)
    if change == "decisions_only":
        window.commands["decisions_only"].trigger()
        settle(qtbot, window)
        window.commands["decisions_only"].trigger()
    elif change == "level_1":
        window.commands["level_1"].trigger()
    elif change == "unfold_branch":
        window.show_levels(1)
        settle(qtbot, window)
        doc.set_folded(node_named(window, "3. Veri Katmanı"), False)
    else:
        window.unfold_all()
    settle(qtbot, window)
    seen = on_screen(window)
    window.view.viewport().repaint()  # everything drawn afresh: no leftovers possible
    QApplication.processEvents()
    assert differing(seen, on_screen(window)) == 0


# ---------------------------------------------------------------- search


def test_search_reveals_without_an_undo_step_or_a_modification(
    qtbot: QtBot, window: MainWindow
) -> None:
    doc = window.document
    window.show_levels(1)
    steps = doc.undo_stack.count()
    window.search.set_query("redis")
    current = window.map_scene.selected
    assert current is not None and current.label.lower().startswith("redis")
    assert doc.is_visible(current)
    assert doc.undo_stack.count() == steps
    assert not window.session.modified


def test_search_folds_again_what_it_opened_for_a_match_it_moved_past(
    window: MainWindow,
) -> None:
    doc = window.document
    window.show_levels(1)
    folded = set(doc.folded)
    window.search.set_query("g")  # matches everywhere, also deep inside folded branches
    window.search.set_query("gü")  # "django-guardian" under a folded branch, among others
    window.search.set_query("güvenlikx")  # no match at all
    assert set(doc.folded) == folded  # every fold it opened on the way is closed again


def test_a_match_is_scrolled_clear_of_the_overview(qtbot: QtBot, window: MainWindow) -> None:
    window.show_levels(1)
    view = window.view
    assert view.minimap.isVisible()
    window.search.set_query("redis")
    for _ in range(len(window.search.matches)):
        node = window.map_scene.selected
        box = view.mapFromScene(window.map_scene.box_rect(node)).boundingRect()
        assert view.viewport().rect().contains(box)
        assert not box.intersects(view.minimap.rect())
        window.search.step(1)


# ---------------------------------------------------------------- keys and options


def test_f11_enters_full_screen_and_esc_leaves(qtbot: QtBot, window: MainWindow) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=2000)


def test_switching_layout_fits_the_map(window: MainWindow) -> None:
    window.show_levels(1)
    for kind in ("tree", "radial", "mindmap"):
        window.commands[f"layout_{kind}"].trigger()
        assert window.map_scene.kind is LayoutKind(kind)
        layout = window.map_scene.layout
        assert layout is not None
        visible = window.view.visible_scene_rect()
        root = window.map_scene.box_rect(window.document.root)
        assert root is not None and visible.contains(root)
        boxes = [window.map_scene.box_rect(n) for n in window.document.root.children]
        inside = sum(1 for b in boxes if b is not None and visible.intersects(b))
        assert inside >= len(boxes) // 2  # the view is on the map, not off to one side


def test_canvas_options_scale_type_at_run_time(window: MainWindow) -> None:
    scene = window.map_scene
    root = window.document.root
    before = scene.box_rect(root)
    scene.set_options(CanvasOptions(font_scale=2.0))
    after = scene.box_rect(root)
    assert before is not None and after is not None
    assert after.width() > 1.8 * before.width() and after.height() > 1.8 * before.height()
    font = scene.measurer.font(scene.measurer.ROLE_FONTS.__iter__().__next__())
    assert font.pixelSize() == 36  # the root's 18 px, doubled
    scene.set_options(CanvasOptions())
    assert scene.box_rect(root) == before


def test_checkbox_click_is_the_views(qtbot: QtBot, window: MainWindow) -> None:
    node = window.document.root.children[0]
    rect = window.map_scene.checkbox_scene_rect(node)
    assert rect is not None
    point: QPoint = window.view.mapFromScene(rect.center())
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.document.is_checked(node)
    assert window.map_scene.selected is node
