"""The screenshot description (``--describe``, CONTRACT.md): its shape, and that it says
what the window draws — boxes where the view maps them, font sizes at the zoom, the chrome
that is visible, and each node's fold and decision fields from the project."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect
from uihelpers import node_named, show_map

from karar.core.project import NodeState, Project
from karar.core.sources import BUILTIN_DJANGO
from karar.ui.app import run
from karar.ui.describe import describe, window_box
from karar.ui.mainwindow import MainWindow
from karar.ui.measure import Role

CHROME = {
    "menubar": bool,
    "toolbar": bool,
    "statusbar": bool,
    "docks": list,
    "overview": bool,
    "menus": list,
    "fullscreen": bool,
}
NODE = {
    "path": list,
    "box": list,
    "font_px": (int, float),
    "side": (str, type(None)),
    "folded": bool,
    "dimmed": bool,
    "checked": bool,
    "status": (str, type(None)),
    "note": bool,
    "votes": (int, type(None)),
    "voters": (list, type(None)),
}


def assert_contract_shape(data: dict[str, Any]) -> None:
    """Every key CONTRACT.md names, no other, each of its type."""
    assert set(data) == {
        "window",
        "theme",
        "layout",
        "language",
        "zoom",
        "chrome",
        "present",
        "nodes",
    }
    assert set(data["window"]) == {"width", "height"}
    assert all(type(v) is int for v in data["window"].values())
    assert data["theme"] in ("light", "dark", "contrast")
    assert data["layout"] in ("mindmap", "tree", "radial")
    assert data["language"] == "en"
    assert isinstance(data["zoom"], float) and data["zoom"] > 0
    assert data["present"] is None
    chrome = data["chrome"]
    assert set(chrome) == set(CHROME)
    for key, kind in CHROME.items():
        assert isinstance(chrome[key], kind), key
    assert all(isinstance(s, str) for s in chrome["docks"] + chrome["menus"])
    assert isinstance(data["nodes"], list) and data["nodes"]
    for node in data["nodes"]:
        assert set(node) == set(NODE)
        for key, kind in NODE.items():
            assert isinstance(node[key], kind), (key, node)
        assert node["path"] and all(isinstance(p, str) for p in node["path"])
        assert len(node["box"]) == 4 and all(type(v) is int for v in node["box"])
        assert node["side"] in ("left", "right", None)
        assert node["dimmed"] is False and node["status"] is None
    json.dumps(data)  # JSON-ready as it is


def by_path(data: dict[str, Any]) -> dict[tuple[str, ...], dict[str, Any]]:
    return {tuple(n["path"]): n for n in data["nodes"]}


def test_description_has_the_contract_shape(window: MainWindow) -> None:
    data = describe(window)
    assert_contract_shape(data)
    assert data["window"] == {"width": 1400, "height": 900}
    assert (data["theme"], data["layout"]) == ("light", "mindmap")
    assert data["zoom"] == round(window.view.zoom, 4)
    assert data["chrome"]["menus"] == ["File", "Edit", "View", "Go", "Help"]
    assert data["chrome"]["overview"] is True and data["chrome"]["fullscreen"] is False


def test_nodes_are_in_map_order_with_their_project_paths(window: MainWindow) -> None:
    nodes = describe(window)["nodes"]
    order = {window.document.path_of(n): i for i, n in enumerate(window.document.mindmap)}
    positions = [order[tuple(n["path"])] for n in nodes]
    assert positions == sorted(positions)
    root = window.document.root
    assert root is not None
    assert nodes[0]["path"] == [root.label] and nodes[0]["side"] is None


def test_boxes_are_where_the_view_maps_them_in_window_pixels(window: MainWindow) -> None:
    data = by_path(describe(window))
    doc, view = window.document, window.view
    offset = view.viewport().mapTo(window, QPoint(0, 0))
    assert offset.y() > 0  # below the menu and tool bars: window pixels, not the viewport's
    for prefix in ("Django Ekosistemi", "3. Veri", "17. Packaging", "33. Antipatterns"):
        node = node_named(window, prefix)
        rect = window.map_scene.box_rect(node)
        assert rect is not None
        top_left = view.mapFromScene(rect.topLeft()) + offset
        bottom_right = view.mapFromScene(rect.bottomRight()) + offset
        x, y, w, h = data[doc.path_of(node)]["box"]
        assert (x, y) == (top_left.x(), top_left.y())
        assert (x + w, y + h) == (bottom_right.x(), bottom_right.y())
    whole = QRect(0, 0, window.width(), window.height())
    assert all(whole.contains(QRect(*n["box"])) for n in data.values())


def test_only_nodes_drawn_in_the_view_are_listed(window: MainWindow) -> None:
    view = window.view
    node = node_named(window, "3. Veri")
    window.document.set_folded(node, False)
    view.set_zoom(2.0)
    rect = window.map_scene.box_rect(node)
    assert rect is not None
    view.center_on(rect.center())
    data = describe(window)
    viewport = QRect(view.viewport().mapTo(window, QPoint(0, 0)), view.viewport().size())
    listed = {tuple(n["path"]) for n in data["nodes"]}
    assert window.document.path_of(node) in listed
    for n in data["nodes"]:
        assert QRect(*n["box"]).intersects(viewport), n
    layout = window.map_scene.layout
    assert layout is not None
    boxes = {n: window.map_scene.box_rect(n) for n in layout.order}
    off_view = [n for n, r in boxes.items() if r and not window_box(window, r).intersects(viewport)]
    assert off_view  # zoomed in: much of the map is outside
    assert not listed & {window.document.path_of(n) for n in off_view}


def test_font_px_is_the_role_font_at_the_zoom(window: MainWindow) -> None:
    measurer = window.map_scene.measurer
    root_path = window.document.path_of(node_named(window, "Django Ekosistemi"))
    branch_path = window.document.path_of(node_named(window, "3. Veri"))
    window.view.set_zoom(1.0)
    at_one = by_path(describe(window))
    assert at_one[root_path]["font_px"] == measurer.font(Role.ROOT).pixelSize() == 18
    assert at_one[branch_path]["font_px"] == measurer.font(Role.BRANCH).pixelSize() == 14
    window.view.set_zoom(2.0)
    branch = window.map_scene.box_rect(node_named(window, "3. Veri"))
    assert branch is not None
    window.view.center_on(QPointF(branch.center()))
    at_two = by_path(describe(window))
    assert at_two[branch_path]["font_px"] == 2 * at_one[branch_path]["font_px"]


def test_decision_fields_follow_the_project(window: MainWindow) -> None:
    mindmap = window.document.mindmap
    root = mindmap.root
    assert root is not None
    chosen, noted, voted = root.children[0], root.children[1], root.children[2]
    project = Project(map_ref=BUILTIN_DJANGO)
    project.entries[mindmap.path_of(chosen)] = NodeState(checked=True)
    project.entries[mindmap.path_of(noted)] = NodeState(note="Why we chose it.")
    project.entries[mindmap.path_of(voted)] = NodeState(votes=2, voters=["ayşe", "bora"])
    show_map(window, mindmap, project)
    window.view.fit_all()
    data = by_path(describe(window))
    doc = window.document
    assert data[doc.path_of(chosen)]["checked"] is True
    assert data[doc.path_of(chosen)]["note"] is False
    assert data[doc.path_of(noted)]["note"] is True
    assert data[doc.path_of(noted)]["checked"] is False
    assert data[doc.path_of(voted)]["votes"] == 2
    assert data[doc.path_of(voted)]["voters"] == ["ayşe", "bora"]
    assert data[doc.path_of(root)]["votes"] is None and data[doc.path_of(root)]["voters"] is None
    window.document.set_checked(noted, True)
    assert by_path(describe(window))[doc.path_of(noted)]["checked"] is True


def test_folded_follows_the_folds_and_the_filter(window: MainWindow) -> None:
    doc = window.document
    branch = node_named(window, "3. Veri")
    window.view.fit_all()
    assert by_path(describe(window))[doc.path_of(branch)]["folded"] is True
    doc.set_folded(branch, False)
    window.view.fit_all()
    data = by_path(describe(window))
    assert data[doc.path_of(branch)]["folded"] is False
    below = [n for n in branch.walk() if n is not branch and doc.path_of(n) in data]
    assert below
    for node in below:
        assert data[doc.path_of(node)]["folded"] is (bool(node.children) and doc.is_folded(node))
    doc.set_checked(node_named(window, "1. Başlangıç"), True)
    window.set_decisions_only(True)
    # folds are kept but mean nothing here: nothing is drawn folded
    assert not any(n["folded"] for n in describe(window)["nodes"])


def test_side_is_the_mind_map_side_else_null(window: MainWindow) -> None:
    data = by_path(describe(window))
    doc = window.document
    assert data[doc.path_of(node_named(window, "1. Başlangıç"))]["side"] == "right"
    assert data[doc.path_of(node_named(window, "33. Antipatterns"))]["side"] == "left"
    window.set_layout("tree")
    assert {n["side"] for n in describe(window)["nodes"]} == {None}
    window.set_layout("radial")
    assert describe(window)["layout"] == "radial"
    assert {n["side"] for n in describe(window)["nodes"]} == {None}


def test_chrome_says_what_is_visible(window: MainWindow) -> None:
    chrome = describe(window)["chrome"]
    assert chrome["docks"] == ["decision-dock"]
    assert chrome["menubar"] and chrome["toolbar"] and chrome["statusbar"]
    window.decision_panel.hide()
    window.set_minimap_visible(False)
    window.menuBar().hide()
    window.commands.toolbar.hide()  # type: ignore[union-attr]
    window.statusBar().hide()
    chrome = describe(window)["chrome"]
    assert chrome["docks"] == []
    assert not (chrome["menubar"] or chrome["toolbar"] or chrome["statusbar"])
    assert chrome["overview"] is False
    assert chrome["menus"] == ["File", "Edit", "View", "Go", "Help"]  # still the window's menus
    window.orphans_panel.show()
    window.orphans_panel.raise_()
    assert describe(window)["chrome"]["docks"] == ["orphans-dock"]


def test_screenshot_writes_the_description_beside_the_picture(tmp_path: Path) -> None:
    shot, out = tmp_path / "shot.png", tmp_path / "shot.json"
    assert run(None, screenshot=shot, size=(900, 640), describe=out) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert_contract_shape(data)
    assert data["window"] == {"width": 900, "height": 640}
    assert {p.name for p in tmp_path.iterdir()} == {"shot.json", "shot.png"}  # no temporary left


def test_an_unwritable_description_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "taken.json"
    folder.mkdir()
    assert run(None, screenshot=tmp_path / "x.png", size=(400, 300), describe=folder) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"karar: error: {folder}: cannot write: ") and err.count("\n") == 1
