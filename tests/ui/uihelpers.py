"""Helpers for the explorer tests (imported by the test modules of tests/ui)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF

from karar.core.model import MindMap, Node
from karar.core.project import Project
from karar.core.sources import BUILTIN_DJANGO
from karar.ui.mainwindow import MainWindow
from karar.ui.session import Loaded


def generated_map(count: int, fanout: int = 6, label: str = "Node") -> MindMap:
    """A balanced map of ``count`` nodes, each with up to ``fanout`` children."""
    root = Node(f"{label} root")
    nodes = [root]
    i = 1
    while len(nodes) < count:
        parent = nodes[(len(nodes) - 1) // fanout]
        nodes.append(parent.add(Node(f"{label} {i} of the generated map")))
        i += 1
    return MindMap(root)


def node_named(win: MainWindow, prefix: str) -> Node:
    """The first node whose label starts with ``prefix``."""
    for node in win.document.mindmap:
        if node.label.startswith(prefix):
            return node
    raise LookupError(prefix)


def viewport_point(win: MainWindow, scene_point: QPointF) -> QPoint:
    """Where a scene point is in the view's viewport (for qtbot mouse events)."""
    return win.view.mapFromScene(scene_point)


def show_map(win: MainWindow, mindmap: MindMap, project: Project | None = None) -> None:
    """Show ``mindmap`` in the window (with a fresh project unless one is given)."""
    loaded = Loaded(mindmap, None, project or Project(map_ref=BUILTIN_DJANGO))
    win.show_loaded(loaded)
    win.session.adopt(loaded)
