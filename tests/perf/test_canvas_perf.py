"""Canvas repaint budgets on 100,000-node maps of different shapes (issue 7), measured with
pytest-benchmark.

Run with ``make bench`` or explicitly (tests/perf is not collected by default):

    .venv/bin/pytest tests/perf/test_canvas_perf.py -s -p no:cacheprovider

Every map is opened fully unfolded at zoom 1.0 in a 1600x1000 window. At each view
position that matters for its shape (the root, a wide fan's parent, amid its children, its
far end, zoomed out to 0.4 and past the overview zoom; on the balanced map "amid fan" is a
node a third of the way through it and "parent" the root) three things are timed: a bare
repaint of the viewport, a 40 px pan step (scroll, then paint the exposed strip) and a
check toggle of the node in the middle of the view plus a repaint. Budgets, every shape
and position: repaint < 16 ms, pan step < 5 ms, toggle < 16 ms. A table of the medians is
printed at the end.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication

from karar.core.model import MindMap, Node
from karar.core.project import Project
from karar.core.sources import BUILTIN_DJANGO
from karar.ui.app import make_app
from karar.ui.mainwindow import MainWindow
from karar.ui.render import OVERVIEW_ZOOM

QStandardPaths.setTestModeEnabled(True)
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

COUNT = 100_000
REPAINT_BUDGET = 0.016
PAN_BUDGET = 0.005
TOGGLE_BUDGET = 0.016


def _label(i: int) -> str:
    return f"Decision {i}: option with a few words"


def _fill_balanced(nodes: list[Node], count: int, first: int = 0, fanout: int = 6) -> None:
    """Grow ``nodes`` to ``count`` breadth first: ``nodes[first]`` and each node after it
    in turn takes ``fanout`` children."""
    start = len(nodes)
    while len(nodes) < count:
        parent = nodes[first + (len(nodes) - start) // fanout]
        nodes.append(parent.add(Node(_label(len(nodes)))))


@dataclass
class Shape:
    """A generated map and the node whose fan is the point of it (None: no wide fan)."""

    mindmap: MindMap
    hub: Node | None


def balanced() -> Shape:
    """The map of tests/perf/test_ui_perf.py: every node has six children."""
    root = Node("Generated root")
    nodes = [root]
    _fill_balanced(nodes, COUNT)
    return Shape(MindMap(root), None)


def wide_fan() -> Shape:
    """A balanced map of 60,000 nodes in which one second-level node has 40,000 more
    (leaf) children: one very wide fan."""
    root = Node("Generated root")
    nodes = [root]
    _fill_balanced(nodes, COUNT - 40_000)
    hub = nodes[20]
    for i in range(40_000):
        hub.add(Node(_label(len(nodes) + i)))
    return Shape(MindMap(root), hub)


def root_fan() -> Shape:
    """A root with 30,000 children, the first ones carrying six children each."""
    root = Node("Generated root")
    kids = [root.add(Node(_label(i + 1))) for i in range(30_000)]
    nodes = [root, *kids]
    i = 0
    while len(nodes) < COUNT:
        nodes.append(kids[i // 6].add(Node(_label(len(nodes)))))
        i += 1
    return Shape(MindMap(root), root)


def broad_root() -> Shape:
    """A root with 350 first-level branches (fewer than a huge fan), each a balanced
    subtree of about 285 nodes: hundreds of long edges leave the root."""
    root = Node("Generated root")
    kids = [root.add(Node(_label(i + 1))) for i in range(350)]
    nodes = [root, *kids]
    _fill_balanced(nodes, COUNT, first=1)
    return Shape(MindMap(root), root)


def chains() -> Shape:
    """A long fan of deep chains: one first-level node with 9,999 children, each the head
    of a chain ten nodes long; three small first-level branches beside it."""
    root = Node("Generated root")
    hub = root.add(Node(_label(1)))
    count = 2
    for _ in range(9_999):
        node = hub
        for _ in range(10):
            node = node.add(Node(_label(count)))
            count += 1
    others = [root.add(Node(_label(count + i))) for i in range(3)]
    count += 3
    while count < COUNT:
        others[count % 3].add(Node(_label(count)))
        count += 1
    return Shape(MindMap(root), hub)


SHAPES: dict[str, Callable[[], Shape]] = {
    "balanced": balanced,
    "wide fan": wide_fan,
    "root fan": root_fan,
    "broad root": broad_root,
    "chains": chains,
}


@dataclass(frozen=True)
class Position:
    """Where the view is: centred on ``pick(shape)`` at ``zoom``."""

    name: str
    zoom: float
    pick: Callable[[Shape], Node]


def _hub(shape: Shape) -> Node:
    return shape.hub or shape.mindmap.root


def _amid(shape: Shape) -> Node:
    """A child a quarter of the way along the fan: far from the parent, so the edges of
    every child beyond it pass through the view."""
    if shape.hub is None:  # the balanced map: a node a third of the way through it
        order = list(shape.mindmap.root.walk())
        return next(n for n in order[len(order) // 3 :] if n.children)
    kids = shape.hub.children
    return kids[len(kids) // 4]


def _fan_end(shape: Shape) -> Node:
    return _hub(shape).children[0]


POSITIONS = [
    Position("root", 1.0, lambda s: s.mindmap.root),
    Position("fan parent", 1.0, _hub),
    Position("amid fan", 1.0, _amid),
    Position("fan end", 1.0, _fan_end),
    Position("amid, zoom 0.4", 0.4, _amid),
    Position("parent, zoom 0.2", 0.2, _hub),
]
assert POSITIONS[-1].zoom < OVERVIEW_ZOOM < POSITIONS[-2].zoom


def _cases() -> list[tuple[str, Position]]:
    cases = []
    for name in SHAPES:
        for pos in POSITIONS:
            if name == "balanced" and pos.name in ("fan parent", "fan end"):
                continue  # no wide fan: the root and a mid-map node stand for it
            if name in ("root fan", "broad root") and pos.name == "fan parent":
                continue  # the root is the fan's parent
            cases.append((name, pos))
    return cases


CASES = _cases()
IDS = [f"{name}-{pos.name}" for name, pos in CASES]
_RESULTS: dict[tuple[str, str], dict[str, float]] = {}


def _app() -> QApplication:
    return make_app()


@pytest.fixture(scope="module")
def window() -> Iterator[MainWindow]:
    _app()
    win = MainWindow(theme="light", remember=False)
    win.map_scene.animate = False
    win.resize(1600, 1000)
    win.show()
    _app().processEvents()
    yield win
    win.close()
    _print_table()


_opened: dict[str, Shape] = {}


def _shape(win: MainWindow, name: str) -> Shape:
    """The map ``name``, opened in ``win`` (once per run of the same shape)."""
    if name not in _opened:
        _opened.clear()
        shape = SHAPES[name]()
        win.document.load(shape.mindmap, None, Project(map_ref=BUILTIN_DJANGO))
        _opened[name] = shape
    return _opened[name]


def _place(win: MainWindow, name: str, pos: Position) -> Node:
    shape = _shape(win, name)
    node = pos.pick(shape)
    view = win.view
    view.set_zoom(pos.zoom)
    rect = win.map_scene.box_rect(node)
    assert rect is not None
    view.center_on(rect.center())
    _app().processEvents()
    view.viewport().repaint()
    return node


WHATS = ("repaint", "pan", "toggle")


# One test per (shape, position, measurement) in shape order: each map is opened once.
@pytest.mark.parametrize(
    ("name", "pos", "what"),
    [(name, pos, what) for name, pos in CASES for what in WHATS],
    ids=[f"{case}-{what}" for case in IDS for what in WHATS],
)
def test_canvas(benchmark, window: MainWindow, name: str, pos: Position, what: str) -> None:
    node = _place(window, name, pos)
    app = _app()
    viewport = window.view.viewport()
    if what == "repaint":
        benchmark.pedantic(viewport.repaint, rounds=15, iterations=1, warmup_rounds=2)
        budget = REPAINT_BUDGET
    elif what == "pan":
        bar = window.view.verticalScrollBar()
        steps = [0]

        def step() -> None:
            # ten steps down, ten back up: the strips stay around the position
            direction = 1 if steps[0] % 20 < 10 else -1
            steps[0] += 1
            bar.setValue(bar.value() + 40 * direction)
            app.processEvents()  # paints the exposed strip

        benchmark.pedantic(step, rounds=60, iterations=1, warmup_rounds=4)
        budget = PAN_BUDGET
    else:

        def toggle() -> None:
            window.document.toggle_checked(node)
            viewport.repaint()

        benchmark.pedantic(toggle, rounds=10, iterations=1, warmup_rounds=2)
        budget = TOGGLE_BUDGET
    median = benchmark.stats.stats.median
    _RESULTS.setdefault((name, pos.name), {})[what] = median
    assert median < budget


def _print_table() -> None:
    if not _RESULTS:
        return
    budgets = {"repaint": REPAINT_BUDGET, "pan": PAN_BUDGET, "toggle": TOGGLE_BUDGET}
    lines = [
        "",
        f"canvas on {COUNT:,}-node maps, median ms "
        f"(budgets: repaint {REPAINT_BUDGET * 1e3:.0f}, pan {PAN_BUDGET * 1e3:.0f}, "
        f"toggle {TOGGLE_BUDGET * 1e3:.0f}; * over budget)",
        f"{'shape':<10} {'position':<18} {'repaint':>9} {'pan':>9} {'toggle':>9}",
    ]
    for name, pos in CASES:
        row = _RESULTS.get((name, pos.name))
        if row is None:
            continue
        cells = []
        for what in ("repaint", "pan", "toggle"):
            value = row.get(what)
            if value is None:
                cells.append(f"{'-':>9}")
            else:
                mark = "*" if value >= budgets[what] else " "
                cells.append(f"{value * 1e3:>8.1f}{mark}")
        lines.append(f"{name:<10} {pos.name:<18} {' '.join(cells)}")
    print("\n".join(lines))
