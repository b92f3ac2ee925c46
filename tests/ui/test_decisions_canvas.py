"""Decisions on the canvas, driven like a user: checkbox clicks, Enter, roll-up pills,
note marks, the decisions-only view, and pixels of checked boxes in light and dark themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from uihelpers import node_named, viewport_point

from karar.core.filters import DecisionsOnly
from karar.core.model import Node
from karar.ui.mainwindow import MainWindow
from karar.ui.scene import EMPTY_HINTS
from karar.ui.theme import make_theme


def shown(win: MainWindow) -> set[Node]:
    layout = win.map_scene.layout
    assert layout is not None
    return set(layout.boxes)


def checkbox_point(win: MainWindow, node: Node) -> QPointF:
    win.view.ensure_node_visible(node)
    rect = win.map_scene.checkbox_scene_rect(node)
    assert rect is not None, "node is not shown"
    return rect.center()


def click_checkbox(qtbot: QtBot, win: MainWindow, node: Node, double: bool = False) -> None:
    pos = viewport_point(win, checkbox_point(win, node))
    click = qtbot.mouseDClick if double else qtbot.mouseClick
    if double:
        qtbot.mouseClick(win.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    click(win.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def grab(win: MainWindow) -> QImage:
    return win.view.viewport().grab().toImage()


def colours_in(win: MainWindow, image: QImage, rect: QRectF) -> set[int]:
    """The pixel values inside a scene rectangle (inset by a pixel), as RGB ints."""
    tl = viewport_point(win, rect.topLeft())
    br = viewport_point(win, rect.bottomRight())
    return {
        image.pixel(x, y) & 0xFFFFFF
        for x in range(tl.x() + 1, br.x() - 1)
        for y in range(tl.y() + 1, br.y() - 1)
    }


def near(a: QColor, b: QColor, tol: int = 40) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) <= tol


def deep_node(win: MainWindow, depth: int = 3) -> Node:
    return next(n for n in win.document.mindmap if win.document.depth[n] == depth)


# ---------------------------------------------------------------- checking


def test_clicking_a_checkbox_checks_and_undo_unchecks(qtbot: QtBot, window: MainWindow) -> None:
    doc = window.document
    node = node_named(window, "3. Veri")
    folded = set(doc.folded)
    click_checkbox(qtbot, window, node)
    assert doc.is_checked(node)
    assert window.map_scene.selected is node
    assert set(doc.folded) == folded  # the click neither folded nor unfolded anything
    assert doc.undo_stack.count() >= 1
    doc.undo_stack.undo()
    assert not doc.is_checked(node)
    doc.undo_stack.redo()
    assert doc.is_checked(node)


def test_checkbox_clicks_never_fold_or_pan(qtbot: QtBot, window: MainWindow) -> None:
    doc = window.document
    window.unfold_all()
    node = node_named(window, "3. Veri")
    assert not doc.is_folded(node)
    # a fast double click is two toggles, not a fold
    click_checkbox(qtbot, window, node, double=True)
    assert not doc.is_folded(node)
    assert not doc.is_checked(node)
    assert set(node.walk()) <= shown(window)
    # pressing on a box starts no pan
    pos = viewport_point(window, checkbox_point(window, node))
    qtbot.mousePress(window.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.view._pan_from is None
    qtbot.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert doc.is_checked(node)
    # a folded node stays folded too
    window.show_levels(1)
    folded = node_named(window, "5. Kimlik")
    click_checkbox(qtbot, window, folded)
    assert doc.is_folded(folded)
    assert doc.is_checked(folded)


def test_clicking_the_label_still_only_selects(qtbot: QtBot, window: MainWindow) -> None:
    node = node_named(window, "3. Veri")
    rect = window.map_scene.box_rect(node)
    box = window.map_scene.checkbox_scene_rect(node)
    # right of the text, well clear of the checkbox
    pos = viewport_point(window, QPointF(rect.right() - 8, rect.center().y()))
    assert not box.adjusted(-3, -3, 3, 3).contains(window.view.mapToScene(pos))
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.map_scene.selected is node
    assert not window.document.is_checked(node)


def test_enter_toggles_the_selected_node(qtbot: QtBot, window: MainWindow) -> None:
    view = window.view
    doc = window.document
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)  # nothing selected: nothing happens
    assert not doc.checked_nodes()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    node = window.map_scene.selected
    assert node is not None and node.parent is doc.root
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert doc.is_checked(node)
    qtbot.keyClick(view, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert not doc.is_checked(node)
    doc.undo_stack.undo()
    assert doc.is_checked(node)


def test_checkboxes_are_inside_the_measured_box(window: MainWindow) -> None:
    window.unfold_all()
    scene = window.map_scene
    for node in list(scene.layout.boxes)[:120]:
        box = scene.box_rect(node)
        check = scene.checkbox_scene_rect(node)
        assert box.contains(check), node.label
    # on the left of a mind map the box faces the root: it sits at the node's right end
    left = next(n for n, b in scene.layout.boxes.items() if b.side < 0 and b.depth == 2)
    box, check = scene.box_rect(left), scene.checkbox_scene_rect(left)
    assert check.center().x() > box.center().x()


# ---------------------------------------------------------------- roll-ups and notes


def test_rollup_pills_of_root_and_folded_ancestor(window: MainWindow) -> None:
    doc = window.document
    scene = window.map_scene
    window.show_levels(1)
    node = deep_node(window)
    branch = next(a for a in node.ancestors() if doc.depth[a] == 1)
    assert doc.is_folded(branch)
    before = scene.handle_scene_rect(branch)
    window.view.ensure_node_visible(branch)
    image_before = grab(window)
    layout = scene.layout

    doc.set_checked(node, True)
    assert scene.layout is layout  # no new layout for a check
    items = scene.live_items()
    total = doc.descendants(branch)
    assert items[branch].badge_text == f"1/{total}"
    assert items[branch].badge_decided
    assert items[doc.root].badge_text == f"1/{doc.count - 1}"
    # the pill grew outwards to make room for the tick, and is painted there
    after = scene.handle_scene_rect(branch)
    assert after.width() > before.width()
    grown = (
        QRectF(after.left(), after.top(), before.left() - after.left(), after.height())
        if after.left() < before.left()
        else QRectF(before.right(), after.top(), after.right() - before.right(), after.height())
    )
    colour = scene.ctx.colour(doc.branch[branch]).rgb() & 0xFFFFFF
    assert colour not in colours_in(window, image_before, grown)
    assert colour in colours_in(window, grab(window), grown)
    # the root's pill (below it) says so too, painted in the root's colour
    root_pill = scene.handle_scene_rect(doc.root)
    assert root_pill is not None
    root_ink = scene.theme.text.rgb() & 0xFFFFFF
    assert root_ink in colours_in(window, grab(window), root_pill)

    doc.undo_stack.undo()
    assert items[branch].badge_text == str(total)
    assert not items[branch].badge_decided
    assert items[doc.root].badge_text == ""


def test_open_node_shows_its_rollup_on_the_handle(window: MainWindow) -> None:
    doc = window.document
    window.unfold_all()
    node = deep_node(window)
    parent = node.parent
    assert parent is not None
    window.view.ensure_node_visible(parent)
    small = window.map_scene.handle_scene_rect(parent)
    doc.set_checked(node, True)
    item = window.map_scene.live_items()[parent]
    assert item.badge_text == f"1/{doc.descendants(parent)}"
    assert item.badge_decided
    pill = window.map_scene.handle_scene_rect(parent)
    assert pill.width() > small.width()
    # an open node's pill is outlined: the background shows inside it, around the text
    image = grab(window)
    colours = colours_in(window, image, pill.adjusted(2, 2, -2, -2))
    assert window.map_scene.theme.background.rgb() & 0xFFFFFF in colours


def test_note_marker_appears(window: MainWindow) -> None:
    doc = window.document
    scene = window.map_scene
    node = node_named(window, "3. Veri")
    window.view.ensure_node_visible(node)
    rect = scene.box_rect(node)
    # the sheet sits on the node's outer top corner: sample the part above the node
    mark = QRectF(rect.right() - 2, rect.top() - 6, 8, 6)
    colour = scene.ctx.colour(doc.branch[node]).rgb() & 0xFFFFFF
    assert colour not in colours_in(window, grab(window), mark)
    doc.apply(doc.map_state.set_change(node, note="x"))
    assert doc.has_note(node)
    assert colour in colours_in(window, grab(window), mark)
    doc.apply(doc.map_state.set_change(node, note=""))
    assert colour not in colours_in(window, grab(window), mark)


# ---------------------------------------------------------------- decisions only


def test_decisions_only_view(qtbot: QtBot, window: MainWindow) -> None:
    doc = window.document
    scene = window.map_scene
    window.show_levels(1)
    deep = deep_node(window, 3)
    other = node_named(window, "19. Team")
    doc.set_checked(deep, True)
    doc.set_checked(other, True)
    with qtbot.wait_signal(scene.filter_changed) as signal:
        scene.set_filter(DecisionsOnly())
    assert signal.args[0].name == "decisions"
    assert scene.filter.name == "decisions"
    expected = {doc.root, deep, *deep.ancestors(), other}
    assert shown(window) == expected  # folds do not hide decisions here
    assert scene.hint_text() == ""
    # no fold handles in this view, only roll-up pills
    assert scene.handle_scene_rect(other) is None
    assert scene.live_items()[doc.root].badge_text == f"2/{doc.count - 1}"
    assert scene.hit(scene.handle_scene_rect(doc.root).center())[1] is False

    doc.set_checked(deep, False)  # unchecking removes it (and its lone ancestors)
    assert shown(window) == {doc.root, other}
    doc.undo_stack.undo()
    assert shown(window) == expected

    doc.set_checked(deep, False)
    doc.set_checked(other, False)
    assert shown(window) == {doc.root}
    assert scene.hint_text() == EMPTY_HINTS["decisions"]
    window.view.viewport().grab()

    scene.set_filter(None)
    assert scene.hint_text() == ""
    assert shown(window) == {doc.root, *doc.root.children}  # the folds are back


def test_decisions_only_keeps_folds_for_later(window: MainWindow) -> None:
    doc = window.document
    scene = window.map_scene
    window.show_levels(1)
    folded = set(doc.folded)
    doc.set_checked(deep_node(window), True)
    scene.set_filter(DecisionsOnly())
    window.unfold_all()  # folding while filtered changes the document, not this view
    assert len(shown(window)) == 4
    window.show_levels(1)
    scene.set_filter(None)
    assert set(doc.folded) == folded


# ---------------------------------------------------------------- pixels


@pytest.mark.parametrize("theme", ["light", "dark", "contrast"])
def test_checked_box_looks_different(window: MainWindow, theme: str) -> None:
    window.map_scene.set_theme(make_theme(theme))
    doc = window.document
    checked = node_named(window, "3. Veri")
    unchecked = node_named(window, "4. API")
    doc.set_checked(checked, True)
    window.view.ensure_node_visible(checked)
    image = grab(window)
    scene = window.map_scene

    def at(node: Node, p: QPointF) -> QColor:
        return QColor(image.pixel(viewport_point(window, p)))

    # the box: filled with the branch colour when checked, hollow otherwise
    for node, filled in ((checked, True), (unchecked, False)):
        box = scene.checkbox_scene_rect(node)
        corner = at(node, box.topLeft() + QPointF(box.width() * 0.2, box.height() * 0.82))
        colour = scene.ctx.colour(doc.branch[node])
        assert near(corner, colour) == filled, (theme, node.label, corner.name())
    # and the node's fill is stronger when checked (not colour alone: the box has a tick)
    for node in (checked, unchecked):
        rect = scene.box_rect(node)
        fill = at(node, QPointF(rect.left() + 5, rect.bottom() - 5))
        expected = (
            scene.theme.checked_fill(doc.branch[node])
            if node is checked
            else scene.ctx.tint(doc.branch[node])
            if scene.theme.tint
            else scene.theme.node_fill
        )
        assert near(fill, expected, 12), (theme, node.label, fill.name(), expected.name())
