"""Edges of wide fans: the geometry that finds and merges them (fan_runs, fan_cover,
ribbon) and the pixels the canvas paints for a parent with thousands of children."""

from __future__ import annotations

import math
from itertools import accumulate, pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainterPath
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from uihelpers import viewport_point

from karar.core.filters import DecisionsOnly
from karar.core.model import MindMap, Node, Shape
from karar.core.project import Project
from karar.core.sources import BUILTIN_DJANGO
from karar.ui.app import make_app
from karar.ui.curves import edge_end_crossing, edge_x_at, ribbon
from karar.ui.fans import LONG_FAN, fan_cover, fan_runs
from karar.ui.mainwindow import MainWindow


def _point(x1: float, y1: float, x2: float, y2: float, t: float) -> tuple[float, float]:
    """The point at parameter t of the S-curve curves.cubic draws (control points written
    out again here, so the tests do not lean on the code under test)."""
    h = (x2 - x1) / 2
    u = 1 - t
    x = u**3 * x1 + 3 * u * u * t * (x1 + h) + 3 * u * t * t * (x2 - h) + t**3 * x2
    y = u**3 * y1 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y2
    return x, y


def _x_at(x1: float, y1: float, x2: float, y2: float, y: float) -> float:
    """Where that curve crosses height y, by bisection on t (y moves monotonically)."""
    lo, hi = 0.0, 1.0
    for _ in range(60):
        mid = (lo + hi) / 2
        if (_point(x1, y1, x2, y2, mid)[1] - y) * (y2 - y1) < 0:
            lo = mid
        else:
            hi = mid
    return _point(x1, y1, x2, y2, (lo + hi) / 2)[0]


@given(
    dy=st.floats(1.0, 1e6) | st.floats(-1e6, -1.0),
    v=st.floats(0.0, 1.0),
    width=st.sampled_from([64.0, -64.0, 80.0]),
)
def test_edge_x_at_is_where_the_curve_crosses(dy: float, v: float, width: float) -> None:
    y = 100.0 + dy * v
    assert edge_x_at(10.0, 100.0, 10.0 + width, 100.0 + dy, y) == pytest.approx(
        _x_at(10.0, 100.0, 10.0 + width, 100.0 + dy, y), abs=1e-6 * abs(width)
    )


@given(end=st.floats(200.0, 1e6), v=st.floats(0.01, 0.99))
def test_edge_end_crossing_inverts_edge_x_at(end: float, v: float) -> None:
    y = 100.0 + (end - 100.0) * v
    x = edge_x_at(0.0, 100.0, 64.0, end, y)
    assert 0.0 < x < 64.0
    assert edge_end_crossing(0.0, 100.0, 64.0, y, x) == pytest.approx(end, rel=1e-6)
    assert edge_end_crossing(0.0, 100.0, 64.0, y, 0.0) == math.inf


_pitches = st.lists(st.floats(0.5, 400.0), min_size=1, max_size=80)


@settings(max_examples=150, deadline=None)
@given(
    pitches=_pitches,
    v=st.floats(10.0, 5000.0),
    gap=st.floats(0.5, 6.0),
    width=st.sampled_from([64.0, -64.0]),
)
def test_fan_runs_group_neighbours_closer_than_the_gap(
    pitches: list[float], v: float, gap: float, width: float
) -> None:
    y1, y_far = 0.0, v
    ends = [y_far + p for p in accumulate(pitches)]
    hi = len(ends)
    crossing = [_x_at(0.0, y1, width, end, y_far) for end in ends]
    runs = fan_runs(ends, 0, hi, 0.0, y1, width, y_far, gap)
    tol = 1e-6 * abs(width)
    assert [i for run in runs for i in range(run[0], run[-1] + 1)] == list(range(hi))
    for run in runs:
        assert run == sorted(set(run))
        for a, b in pairwise(run):  # listed edges a gap apart at most
            assert abs(crossing[a] - crossing[b]) <= gap + tol
        for i in range(run[0], run[-1]):  # and no wider gap between neighbours
            assert abs(crossing[i] - crossing[i + 1]) <= gap + tol
    for before, after in pairwise(runs):
        assert abs(crossing[before[-1]] - crossing[after[0]]) > gap - tol


@settings(max_examples=100, deadline=None)
@given(
    pitches=_pitches,
    y1=st.floats(-3000.0, 0.0),
    band=st.tuples(st.floats(0.0, 2000.0), st.floats(10.0, 2000.0)),
    gap=st.floats(0.5, 6.0),
    slices=st.floats(20.0, 800.0),
)
def test_fan_cover_covers_every_edge_in_the_band(
    pitches: list[float],
    y1: float,
    band: tuple[float, float],
    gap: float,
    slices: float,
) -> None:
    lo, hi = band[0], band[0] + band[1]
    ends = list(accumulate(pitches, initial=y1 + 1.0))
    x1, x2 = 0.0, 64.0
    cover = fan_cover(ends, 0, x1, y1, x2, lo, hi, gap, slices)
    singles = dict(cover.singles)
    assert len(singles) == len(cover.singles)  # each edge stroked once
    pieces = [piece for chain in cover.ribbons for piece in chain]
    for chain in cover.ribbons:
        for (_, last, _, yb), (_, nxt_last, ya, _) in pairwise(chain):
            assert last == nxt_last  # one outer edge along a chain, piece after piece
            assert ya == pytest.approx(yb)
    for first, last, ya, yb in pieces:
        assert lo <= ya < yb <= hi
        assert all(ends[i] >= yb for i in range(first, last + 1))  # they span the piece
        for i in range(first, last):  # dense where it ends, so dense all along
            a = _x_at(x1, y1, x2, ends[i], yb)
            b = _x_at(x1, y1, x2, ends[i + 1], yb)
            assert abs(a - b) <= gap + 1e-6
    for i, end in enumerate(ends):
        top, bottom = max(lo, y1), min(hi, end)
        if bottom <= top:
            assert i not in singles  # never in the band: nothing drawn for it
            continue
        for k in range(9):
            y = top + (bottom - top) * k / 8
            assert (i in singles and singles[i] <= y + 1e-9) or any(
                first <= i <= last and ya - 1e-9 <= y <= yb + 1e-9 for first, last, ya, yb in pieces
            ), f"edge {i} at height {y} is not drawn"


def test_fan_cover_of_a_huge_fan_is_small() -> None:
    # 40,000 children 34 units apart, seen far from their parent: a handful of strokes
    ends = [100_000.0 + 34.0 * i for i in range(40_000)]
    cover = fan_cover(ends, 0, 0.0, 0.0, 64.0, 50_000.0, 51_000.0, 2.0, 120.0)
    pieces = sum(len(chain) for chain in cover.ribbons)
    assert len(cover.singles) + pieces < 40
    # beside it, 40,000 children whose ends are all in view (the parent too): each edge
    # that stands apart is a stroke, the rest are ribbons
    cover = fan_cover(ends, 0, 0.0, 99_500.0, 64.0, 99_500.0, 100_500.0, 2.0, 120.0)
    assert len(cover.singles) < 80


def test_ribbon_fills_between_its_edges() -> None:
    make_app()
    path = QPainterPath()
    # two edges of one fan from (0, 0), ending at heights 1000 and 3000, seen in 400..600
    ribbon(path, 0.0, 0.0, 64.0, 3000.0, [(1000.0, 400.0, 600.0)])
    for y in (410.0, 500.0, 590.0):
        inner, outer = _x_at(0, 0, 64, 1000, y), _x_at(0, 0, 64, 3000, y)
        assert inner > outer + 2
        for end in (1500.0, 2000.0, 2500.0):  # the edges between lie inside
            assert path.contains(QPointF(_x_at(0, 0, 64, end, y), y))
        assert not path.contains(QPointF(outer - 1.0, y))
        assert not path.contains(QPointF(inner + 1.0, y))
    assert path.boundingRect().top() == pytest.approx(400.0)
    assert path.boundingRect().bottom() == pytest.approx(600.0)


# ---------------------------------------------------------------------- the canvas

FAN = 3000


def fan_map() -> MindMap:
    """A root with one branch that has FAN children (rounded boxes: their edges meet
    them in the middle of their side, where Layout.edge says)."""
    root = Node("Fan root")
    hub = root.add(Node("The hub", shape=Shape.ROUNDED))
    for i in range(FAN):
        hub.add(Node(f"Option {i}", shape=Shape.ROUNDED))
    return MindMap(root)


def _load(win: MainWindow, mindmap: MindMap) -> None:
    win.document.load(mindmap, None, Project(map_ref=BUILTIN_DJANGO))


def _open_fan(win: MainWindow, zoom: float = 1.0) -> Node:
    _load(win, fan_map())
    win.view.set_zoom(zoom)
    root = win.document.root
    assert root is not None
    return root.children[0]


def _show(win: MainWindow, node: Node) -> QImage:
    """The viewport centred on ``node``, as painted, and nothing left to paint: the
    scene's changes reach the view through queued calls, run here."""
    rect = win.map_scene.box_rect(node)
    assert rect is not None
    win.view.center_on(rect.center())
    QApplication.processEvents()
    viewport = win.view.viewport()
    viewport.repaint()
    return viewport.grab().toImage()


def _ink(win: MainWindow, image: QImage, x: float, y: float) -> bool:
    """Whether the pixel at scene point (x, y) is drawn on (not the background)."""
    bg = win.map_scene.theme.background
    c = QColor(image.pixel(viewport_point(win, QPointF(x, y))))
    return max(abs(c.red() - bg.red()), abs(c.green() - bg.green()), abs(c.blue() - bg.blue())) > 40


def _edge(win: MainWindow, child: Node) -> tuple[float, float, float, float]:
    layout = win.map_scene.layout
    assert layout is not None
    return layout.edge(child)


def test_edges_of_far_children_cross_the_view_amid_a_wide_fan(
    qtbot: QtBot, window: MainWindow
) -> None:
    hub = _open_fan(window)
    kids = hub.children
    image = _show(window, kids[FAN // 4])
    view = window.view.visible_scene_rect()
    # the children above the view (nearer the fan's end) have edges running through it
    # from the hub far below: the farthest one, and some between, at several heights
    for y in (view.top() + 20, view.center().y(), view.bottom() - 20):
        for child in (kids[0], kids[FAN // 16], kids[FAN // 8], kids[FAN // 5]):
            x1, y1, x2, y2 = _edge(window, child)
            assert _ink(window, image, _x_at(x1, y1, x2, y2, y), y), (child.label, y)
        # left of the farthest edge there is nothing
        x1, y1, x2, y2 = _edge(window, kids[0])
        x = _x_at(x1, y1, x2, y2, y)
        assert not _ink(window, image, x - 6, y)
        assert not _ink(window, image, view.left() + 10, y)
    # and the edges into the children in view end at their boxes
    for child in kids[FAN // 4 - 3 : FAN // 4 + 4]:
        x1, y1, x2, y2 = _edge(window, child)
        assert _ink(window, image, x2 - 2, y2)


def test_edges_fan_out_around_the_parent_of_a_wide_fan(qtbot: QtBot, window: MainWindow) -> None:
    hub = _open_fan(window)
    kids = hub.children
    image = _show(window, hub)
    view = window.view.visible_scene_rect()
    hub_rect = window.map_scene.box_rect(hub)
    assert hub_rect is not None
    for child in (kids[0], kids[FAN // 4], kids[-FAN // 4], kids[-1]):
        x1, y1, x2, y2 = _edge(window, child)
        # where it leaves the view, and halfway there from the hub
        edge_y = view.top() + 3 if y2 < y1 else view.bottom() - 3
        for y in (edge_y, (edge_y + y1) / 2):
            assert _ink(window, image, _x_at(x1, y1, x2, y2, y), y), (child.label, y)
    # nothing above and below the hub beside it, nor right of the children's boxes
    for y in (hub_rect.top() - 120, hub_rect.bottom() + 120):
        assert not _ink(window, image, hub_rect.left() + 20, y)
    child_rect = window.map_scene.box_rect(kids[FAN // 2])
    assert child_rect is not None
    assert not _ink(window, image, child_rect.right() + 40, child_rect.center().y())


def test_fold_animation_beside_a_wide_fan(qtbot: QtBot, window: MainWindow) -> None:
    hub = _open_fan(window)
    kids = hub.children
    target = kids[FAN // 4]
    target.add(Node("Below", shape=Shape.ROUNDED))
    _load(window, window.document.mindmap)  # lay the new child out
    window.map_scene.animate = True
    _show(window, target)
    window.document.toggle_fold(target)  # its siblings glide up by a row
    assert window.map_scene.is_animating()
    qtbot.waitUntil(lambda: not window.map_scene.is_animating(), timeout=3000)
    image = _show(window, target)
    view = window.view.visible_scene_rect()
    y = view.center().y()
    x1, y1, x2, y2 = _edge(window, kids[0])
    assert _ink(window, image, _x_at(x1, y1, x2, y2, y), y)
    assert not _ink(window, image, _x_at(x1, y1, x2, y2, y) - 6, y)


def test_a_pan_step_up_paints_the_new_strip_not_the_whole_view(
    qtbot: QtBot, window: MainWindow
) -> None:
    hub = _open_fan(window)
    _show(window, hub.children[FAN // 4])
    scene = window.map_scene
    painted: list[QRectF] = []
    paint = scene.edge_layer._paint_edges

    def spy(painter, exposed: QRectF, lod: float) -> None:  # type: ignore[no-untyped-def]
        painted.append(QRectF(exposed))
        paint(painter, exposed, lod)

    scene.edge_layer._paint_edges = spy
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.value() - 40)
    qtbot.waitUntil(lambda: bool(painted))
    height = window.view.visible_scene_rect().height()
    # the strip scrolled in at the top and the overview's corner, each on its own
    assert all(rect.height() < height / 2 for rect in painted), painted
    assert any(rect.top() <= window.view.visible_scene_rect().top() + 1 for rect in painted)


def test_a_radial_ring_of_thousands_is_indexed_small_and_drawn(
    qtbot: QtBot, window: MainWindow
) -> None:
    # a 100,000-node map laid out radially spans millions of pixels; indexing each fan
    # by the cells of its bounding box took gigabytes (the ring of this fan alone covers
    # thousands of cells)
    hub = _open_fan(window)
    window.commands["layout_radial"].trigger()
    scene = window.map_scene
    assert scene.kind == "radial"
    fans = scene.edge_painter.fan_index()
    assert sum(len(parents) for parents in fans.cells.values()) < 200
    child = hub.children[FAN // 3]
    image = _show(window, child)
    x1, y1, x2, y2 = _edge(window, child)
    # the spoke into the child, a little way out from it
    assert _ink(window, image, x2 + (x1 - x2) * 0.002, y2 + (y1 - y2) * 0.002)
    assert [p for p in fans.query(window.view.visible_scene_rect()) if p is hub]


def test_decisions_only_draws_the_edges_of_the_chosen_children_of_a_wide_fan(
    qtbot: QtBot, window: MainWindow
) -> None:
    hub = _open_fan(window)
    chosen = hub.children[::100]  # 30 of them: still a long fan, of the visible ones
    assert len(chosen) > LONG_FAN
    with window.document.untracked():
        for child in chosen:
            window.document.set_checked(child, True)
    window.map_scene.set_filter(DecisionsOnly())
    layout = window.map_scene.layout
    assert layout is not None
    assert [c for c in hub.children if c in layout.boxes] == chosen
    assert hub in window.map_scene.edge_painter.fan_index().long
    image = _show(window, hub)
    view = window.view.visible_scene_rect().adjusted(4, 4, -4, -4)
    pill = window.map_scene.handle_scene_rect(hub)  # the roll-up "30/3000" lies over them
    assert pill is not None
    drawn = 0
    for child in chosen:
        x1, y1, x2, y2 = _edge(window, child)
        for t in (0.25, 0.5, 0.75):
            y = y1 + (y2 - y1) * t
            point = QPointF(_x_at(x1, y1, x2, y2, y), y)
            if view.contains(point) and not pill.adjusted(-3, -3, 3, 3).contains(point):
                assert _ink(window, image, point.x(), y), (child.label, y)
                drawn += 1
    assert drawn > 20


def _near_palette(win: MainWindow, c: QColor) -> bool:
    return any(
        max(abs(c.red() - b.red()), abs(c.green() - b.green()), abs(c.blue() - b.blue())) < 48
        for b in win.map_scene.theme.branches
    )


def test_root_edges_keep_their_branch_colours(qtbot: QtBot, window: MainWindow) -> None:
    # the built-in map's root has 33 first-level branches, each in its own colour: where
    # their edges run close together they are drawn edge by edge, not as one band in the
    # average of their colours (none of them, all along a stretch of 50-100 px). Where
    # edges overlap, an antialiased border tints a few pixels: short stretches are fine.
    root = window.document.root
    assert root is not None
    assert len(root.children) > LONG_FAN
    window.view.set_zoom(1.0)
    image = _show(window, root)
    view = window.view.visible_scene_rect().adjusted(8, 8, -8, -8)
    longest: dict[str, int] = {}
    for child in root.children:
        x1, y1, x2, y2 = _edge(window, child)
        steps = int(abs(y2 - y1) / 2)  # a sample every 2 px
        run = 0
        for k in range(1, steps):
            y = y1 + (y2 - y1) * k / steps
            point = QPointF(_x_at(x1, y1, x2, y2, y), y)
            if not view.contains(point):
                continue
            c = QColor(image.pixel(viewport_point(window, point)))
            run = 0 if _near_palette(window, c) else run + 1
            longest[child.label] = max(longest.get(child.label, 0), run)
    assert len(longest) > 20
    assert max(longest.values()) <= 12, sorted(longest.items(), key=lambda kv: -kv[1])[:5]
