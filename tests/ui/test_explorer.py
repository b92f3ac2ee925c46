"""The explorer driven like a user: clicks on fold handles, keys, search, levels, pixels."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from pytestqt.qtbot import QtBot
from uihelpers import generated_map, node_named, show_map, viewport_point

from karar.ui import mapmemory
from karar.ui.app import run
from karar.ui.mainwindow import MainWindow

# The offscreen platform cannot resize windows to their size hints and says so; harmless.


def shown(win: MainWindow) -> set:
    layout = win.map_scene.layout
    assert layout is not None
    return set(layout.boxes)


def click_handle(qtbot: QtBot, win: MainWindow, node) -> None:
    rect = win.map_scene.handle_scene_rect(node)
    assert rect is not None, "node has no visible fold handle"
    win.view.ensure_node_visible(node)
    qtbot.mouseClick(
        win.view.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(win, rect.center())
    )


def test_first_view_of_builtin_map_shows_the_33_branches(window: MainWindow) -> None:
    root = window.document.root
    assert root is not None
    assert shown(window) == {root, *root.children}
    assert len(root.children) == 33
    assert window.view.zoom >= 0.8  # readable
    assert "267 nodes · 34 shown" in window.status.counts.text()
    assert "Django Ekosistemi" in window.windowTitle()


def test_first_level_has_no_overlap(window: MainWindow) -> None:
    boxes = list(window.map_scene.layout.boxes.values())
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
            assert apart


def test_clicking_a_fold_handle_hides_and_shows_descendants(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.unfold_all()
    node = node_named(window, "3. Veri")
    below = set(node.walk()) - {node}
    assert below <= shown(window)

    click_handle(qtbot, window, node)
    assert window.document.is_folded(node)
    assert node in shown(window)
    assert not below & shown(window)
    assert window.map_scene.live_items()[node].badge_text == "28"  # the badge counts 28 hidden

    click_handle(qtbot, window, node)
    assert below <= shown(window)


def test_double_click_folds_a_node(qtbot: QtBot, window: MainWindow) -> None:
    node = node_named(window, "2. Proje")
    assert window.document.is_folded(node)
    centre = window.map_scene.box_rect(node).center()
    qtbot.mouseDClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(window, centre)
    )
    assert not window.document.is_folded(node)
    assert set(node.children) <= shown(window)


def test_folding_keeps_the_node_in_place(qtbot: QtBot, window: MainWindow) -> None:
    window.map_scene.animate = True
    window.unfold_all()
    node = node_named(window, "10. Test")
    # in the middle of the view: clear of the overview in the corner
    window.view.center_on(window.map_scene.box_rect(node).center())
    before = viewport_point(window, window.map_scene.box_rect(node).topLeft())
    click_handle(qtbot, window, node)
    after = viewport_point(window, window.map_scene.box_rect(node).topLeft())
    assert (after - before).manhattanLength() <= 2
    # the animation ends on its own; a loaded machine draws its frames late
    qtbot.waitUntil(lambda: not window.map_scene.is_animating(), timeout=10_000)


def test_arrow_keys_move_the_selection(qtbot: QtBot, window: MainWindow) -> None:
    view = window.view
    view.setFocus()
    root = window.document.root
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert window.map_scene.selected is root
    qtbot.keyClick(view, Qt.Key.Key_Right)
    first = window.map_scene.selected
    assert first is not None and first.parent is root
    assert window.map_scene.layout.boxes[first].side == 1
    qtbot.keyClick(view, Qt.Key.Key_Down)
    second = window.map_scene.selected
    assert second is not None and second.parent is root and second is not first
    assert window.map_scene.layout.boxes[second].y > window.map_scene.layout.boxes[first].y
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert window.map_scene.selected is first
    # Right on a folded branch opens it; Right again enters it
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert not window.document.is_folded(first)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert window.map_scene.selected.parent is first
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert window.map_scene.selected is first
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert window.map_scene.selected is root
    # Left from the root goes to the left side
    qtbot.keyClick(view, Qt.Key.Key_Left)
    left = window.map_scene.selected
    assert left.parent is root and window.map_scene.layout.boxes[left].side == -1
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert window.map_scene.selected is root


def test_space_folds_the_selection(qtbot: QtBot, window: MainWindow) -> None:
    window.unfold_all()
    node = node_named(window, "6. Önbellek")
    window.view.select(node)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    assert window.document.is_folded(node)
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    assert not window.document.is_folded(node)


def test_ctrl_2_shows_exactly_two_levels(qtbot: QtBot, window: MainWindow) -> None:
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    depth = window.document.depth
    expected = {n for n, d in depth.items() if d <= 2}
    assert shown(window) == expected
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert shown(window) == {n for n, d in depth.items() if d <= 1}


def test_fold_all_and_unfold_all(window: MainWindow) -> None:
    window.commands["fold_all"].trigger()
    assert shown(window) == {window.document.root}
    window.commands["unfold_all"].trigger()
    assert len(shown(window)) == 267
    assert "267 shown" in window.status.counts.text()


def test_search_finds_yonetim_ignoring_case_and_accents(qtbot: QtBot, window: MainWindow) -> None:
    window.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.search_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.edit, "yonetim")
    search = window.search
    assert search.matches, "nothing found"
    labels = [n.label for n in search.matches]
    assert any("Yönetim" in label for label in labels)
    total = len(search.matches)
    assert bar.count.text() == f"1 of {total}"
    first = search.matches[0]
    # the match was inside a folded branch: its ancestors opened
    assert first in shown(window)
    assert window.map_scene.selected is first
    assert first in window.map_scene.ctx.matches
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count.text() == f"{min(2, total)} of {total}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == f"1 of {total}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert not window.map_scene.ctx.matches


def test_search_turkish_dotted_i(qtbot: QtBot, window: MainWindow) -> None:
    window.open_search()
    qtbot.keyClicks(window.search_bar.edit, "ISLER")
    assert any("İşler" in n.label for n in window.search.matches)
    window.search_bar.edit.setText("zzzz-no-such-thing")
    assert window.search_bar.count.text() == "No matches"


def test_root_is_painted_in_its_fill_colour(qtbot: QtBot, window: MainWindow) -> None:
    root = window.document.root
    rect = window.map_scene.box_rect(root)
    window.view.center_on(rect.center())
    qtbot.wait(10)
    image = window.view.viewport().grab().toImage()
    # a point inside the circle but off the text: a little above the bottom of the box
    sample = viewport_point(
        window, QPointF(rect.center().x(), rect.bottom() - rect.height() * 0.12)
    )
    colour = QColor(image.pixel(sample))
    expected = window.map_scene.theme.root_fill
    assert abs(colour.red() - expected.red()) < 12
    assert abs(colour.green() - expected.green()) < 12
    assert abs(colour.blue() - expected.blue()) < 12
    # and the background is the theme's background
    corner = QColor(image.pixel(QPoint(3, 3)))
    assert corner == window.map_scene.theme.background


def test_dark_theme_repaints(qtbot: QtBot, window: MainWindow) -> None:
    window.set_theme("dark")
    qtbot.wait(10)
    image = window.view.viewport().grab().toImage()
    assert QColor(image.pixel(QPoint(3, 3))).lightness() < 60


@pytest.mark.parametrize("kind", ["tree", "radial", "mindmap"])
def test_layouts_switch(window: MainWindow, kind: str) -> None:
    window.show_levels(1)
    window.set_layout(kind)
    assert window.map_scene.kind == kind
    assert window.commands[f"layout_{kind}"].isChecked()
    layout = window.map_scene.layout
    root = window.document.root
    boxes = [layout.boxes[c] for c in root.children]
    centre = layout.boxes[root]
    if kind == "mindmap":  # branches on both sides of the root, in two columns
        assert {b.side for b in boxes} == {1, -1}
        assert all((b.x > centre.right) == (b.side > 0) for b in boxes)
    elif kind == "tree":  # one column right of the root
        assert {b.side for b in boxes} == {1}
        assert len({b.x for b in boxes}) == 1 and boxes[0].x > centre.right
    else:  # a ring around the root: every quarter has branches
        quarters = {(b.cx > centre.cx, b.cy > centre.cy) for b in boxes}
        assert len(quarters) == 4


def test_zoom_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    window.view.set_zoom(1.0)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom == pytest.approx(1.25)
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom == pytest.approx(1.0)
    window.commands["fit"].trigger()
    layout_rect = window.map_scene.layout.bounds
    visible = window.view.visible_scene_rect()
    assert visible.width() >= layout_rect[2] and visible.height() >= layout_rect[3]


def test_drag_pans_the_view(qtbot: QtBot, window: MainWindow) -> None:
    view = window.view
    before = view.center()
    vp = view.viewport()
    start = QPoint(20, vp.height() - 20)  # empty background near a corner
    assert window.map_scene.hit(view.mapToScene(start))[0] is None
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(vp, start + QPoint(-60, -40))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=start + QPoint(-60, -40))
    moved = view.center() - before
    assert moved.x() == pytest.approx(60 / view.zoom, abs=2)
    assert moved.y() == pytest.approx(40 / view.zoom, abs=2)


def test_bad_map_opens_a_dialog(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "bad.mmd"
    bad.write_text("mindmap\n  Root\n  Second root\n", encoding="utf-8")
    assert window.open_map(bad) is False
    box = window.error_box
    assert box is not None and box.isVisible()
    assert "bad.mmd" in box.text()
    box.close()
    assert len(shown(window)) == 34  # the old map is still there


def test_dropping_a_map_file_opens_it(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "small.mmd"
    path.write_text("mindmap\n  Kök\n    Bir\n    İki\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.document.path == str(path)
    assert {n.label for n in shown(window)} == {"Kök", "Bir", "İki"}


def test_markdown_and_icons_render(qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    assert window.open_map(data_dir / "conformance" / "a04-icons.mmd")
    window.unfold_all()
    scene = window.map_scene
    image = window.view.viewport().grab().toImage()
    books = node_named(window, "Books")
    item = scene.live_items()[books]
    part = item.geo.part("icon")
    assert part is not None  # room was made for the icon...
    box = scene.box_rect(books)
    x, y, w, h = part
    rect = window.view.mapFromScene(QRectF(box.x() + x, box.y() + y, w, h)).boundingRect()
    hue = QColor(scene.ctx.colour(item.branch)).hue()
    inked = sum(
        1
        for px in range(rect.left(), rect.right())
        for py in range(rect.top(), rect.bottom())
        if abs(QColor(image.pixel(px, py)).hue() - hue) < 12
        and QColor(image.pixel(px, py)).saturation() > 80
    )
    assert inked > 10  # ...and the icon is drawn in it, in the branch colour
    no_icon = scene.live_items()[node_named(window, "No icon here")]
    assert no_icon.geo.part("icon") is None

    assert window.open_map(data_dir / "conformance" / "a06-markdown-strings.mmd")
    window.unfold_all()
    root = window.document.root
    runs = [run for line in scene.live_items()[root].geo.block.lines for run in line.runs]
    assert ("Bold root", 1) in runs and ("italic", 2) in runs
    second = node_named(window, "First line")
    assert len(scene.live_items()[second].geo.block.lines) == 2  # the newline breaks the line


def test_big_map_keeps_few_items(qtbot: QtBot, window: MainWindow) -> None:
    show_map(window, generated_map(5000))
    window.unfold_all()
    window.view.set_zoom(1.0)
    assert len(window.map_scene.layout.boxes) == 5000
    assert 0 < len(window.map_scene.live_items()) < 600
    window.view.set_zoom(0.1)  # far out: no items at all, the layer paints boxes
    assert not window.map_scene.live_items()
    window.view.viewport().grab()


def test_screenshot_writes_a_png_of_the_requested_size(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    assert run(None, screenshot=out, size=(900, 640)) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 640)
    colours = {image.pixel(x, y) for x in range(0, 900, 15) for y in range(0, 640, 15)}
    assert len(colours) > 20  # not blank


def test_screenshot_of_a_bad_map_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    bad = tmp_path / "bad.mmd"
    bad.write_text("not a mindmap\n", encoding="utf-8")
    assert run(str(bad), screenshot=tmp_path / "x.png") == 1
    assert "karar: error:" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_view_state_is_remembered_per_map(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "remember.mmd"
    path.write_text("mindmap\n  Kök\n    Bir\n      Bir.bir\n    İki\n      İki.bir\n", "utf-8")
    first = MainWindow(theme="light", remember=True)
    qtbot.addWidget(first)
    first.resize(900, 600)
    first.show()
    assert first.open_map(path)
    first.unfold_all()
    first.document.set_folded(node_named(first, "İki"), True)
    first.view.set_zoom(1.7)
    first.close()  # saves the map's state
    assert str(path.resolve()) in mapmemory.recent_files()

    second = MainWindow(theme="light", remember=True)
    qtbot.addWidget(second)
    second.resize(900, 600)
    second.show()
    assert second.open_map(path)
    assert second.view.zoom == pytest.approx(1.7)
    assert [n.label for n in second.document.folded] == ["İki"]
    assert "Bir.bir" in {n.label for n in shown(second)}


@pytest.mark.parametrize(("width", "expected"), [(1024, 317), (1280, 380), (1600, 380)])
def test_the_decision_dock_takes_its_share_of_a_new_window(
    qtbot: QtBot, width: int, expected: int
) -> None:
    # a fixed 380 px left a 1,024-px laptop or projector 640 px of map
    win = MainWindow(theme="light", remember=False)
    qtbot.addWidget(win)
    win.resize(width, 700)
    win.show()
    qtbot.waitExposed(win)
    assert win.decision_panel.width() == expected


def test_a_remembered_dock_width_wins_over_the_share(qtbot: QtBot) -> None:
    first = MainWindow(theme="light", remember=True)
    qtbot.addWidget(first)
    first.resize(1024, 700)
    first.show()
    qtbot.waitExposed(first)
    first.resizeDocks([first.decision_panel], [450], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: first.decision_panel.width() == 450)
    first.close()  # remembers the layout
    second = MainWindow(theme="light", remember=True)
    qtbot.addWidget(second)
    second.resize(1024, 700)
    second.show()
    qtbot.waitExposed(second)
    assert second.decision_panel.width() == 450
