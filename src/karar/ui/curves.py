"""The curves of the canvas's edges and how one paint strokes them.

An edge is an S-curve with horizontal tangents in the horizontal layouts and a straight
spoke in the radial one (:func:`cubic`). Along an S-curve x and y both move monotonically,
so its part inside a rectangle is one parameter interval (:func:`clip_cubic`), where it
crosses a height has a closed form (:func:`edge_x_at`, inverted by
:func:`edge_end_crossing`), and the edges of one fan never cross: the region between two of
them holds every edge between (:func:`ribbon`). :class:`EdgeStrokes` collects the edges of
one paint and strokes them with the pen of their branch and level.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from karar.core.layout import LayoutKind

_Pt = tuple[float, float]
#: left, top, right, bottom
Clip = tuple[float, float, float, float]
#: (branch, level) of an edge: its pen
PenKey = tuple[int, int]


def cubic(path: QPainterPath, x1: float, y1: float, x2: float, y2: float, kind: str) -> None:
    """Add an edge from (x1, y1) to (x2, y2): an S-curve with horizontal tangents in the
    horizontal layouts; a straight spoke in the radial one, where a curve would sweep
    under the neighbouring boxes of a compact ring."""
    path.moveTo(x1, y1)
    if kind == LayoutKind.RADIAL:
        path.lineTo(x2, y2)
        return
    dx = (x2 - x1) * 0.5
    path.cubicTo(x1 + dx, y1, x2 - dx, y2, x2, y2)


def _ease_inverse(v: float) -> float:
    """The t in [0, 1] where smoothstep 3t² - 2t³ equals ``v`` (closed form)."""
    if v <= 0.0:
        return 0.0
    if v >= 1.0:
        return 1.0
    return 0.5 - math.sin(math.asin(1.0 - 2.0 * v) / 3.0)


def _x_inverse(u: float) -> float:
    """The t in [0, 1] where 1.5t - 1.5t² + t³ (an edge's x progress) equals ``u``."""
    if u <= 0.0:
        return 0.0
    if u >= 1.0:
        return 1.0
    t = u
    for _ in range(4):  # Newton: the derivative is at least 0.75
        t -= (1.5 * t - 1.5 * t * t + t * t * t - u) / (1.5 - 3.0 * t + 3.0 * t * t)
    return min(1.0, max(0.0, t))


def clip_cubic(
    path: QPainterPath,
    x1: float,
    y1: float,
    x2: float,
    y2: float,
    clip: Clip,
) -> None:
    """Add the part of the edge :func:`cubic` draws that lies in ``clip``
    (left, top, right, bottom), as one sub-curve. Along such an edge x and y both move
    monotonically, so the part inside is one parameter interval."""
    p = _clipped(x1, y1, x2, y2, clip)
    if p is not None:
        path.moveTo(p[0][0], p[0][1])
        path.cubicTo(p[1][0], p[1][1], p[2][0], p[2][1], p[3][0], p[3][1])


def ribbon(
    path: QPainterPath,
    x1: float,
    y1: float,
    x2: float,
    outer: float,
    pieces: list[tuple[float, float, float]],
) -> None:
    """Add the closed region between the edge :func:`cubic` draws from (x1, y1) to
    (x2, ``outer``) and a chain of nearer edges of the same fan: ``pieces`` are
    ``(end, ya, yb)``, the edge to (x2, end) between heights ``ya`` and ``yb``, one after
    the other away from (x1, y1). The outer edge runs along the whole chain.

    The edges of one fan never cross: every edge between the outer one and a piece lies
    in this region, so filling it (and stroking its outline with the edge pen) paints what
    stroking all of them would, when neighbours are no farther apart than the pen is wide.
    """
    ya, yb = pieces[0][1], pieces[-1][2]
    o = _clipped(x1, y1, x2, outer, (-math.inf, min(ya, yb), math.inf, max(ya, yb)))
    if o is None:
        return
    path.moveTo(o[0][0], o[0][1])
    path.cubicTo(o[1][0], o[1][1], o[2][0], o[2][1], o[3][0], o[3][1])
    for end, ya, yb in reversed(pieces):
        q = _clipped(x1, y1, x2, end, (-math.inf, min(ya, yb), math.inf, max(ya, yb)))
        if q is not None:
            path.lineTo(q[3][0], q[3][1])
            path.cubicTo(q[2][0], q[2][1], q[1][0], q[1][1], q[0][0], q[0][1])
    path.closeSubpath()


def edge_x_at(x1: float, y1: float, x2: float, y2: float, y: float) -> float:
    """Where the edge :func:`cubic` draws from (x1, y1) to (x2, y2) in a horizontal
    layout crosses height ``y`` (clamped to the edge's ends)."""
    return x1 + (x2 - x1) * _x_progress(_ease_inverse((y - y1) / (y2 - y1)))


def edge_end_crossing(x1: float, y1: float, x2: float, y: float, x: float) -> float:
    """The inverse of :func:`edge_x_at` in the end height: the y2 such that the edge from
    (x1, y1) to (x2, y2) crosses height ``y`` at ``x`` (strictly between x1 and x2);
    infinitely far when ``x`` is at x1, where only an infinitely long edge passes."""
    s = _smoothstep(_x_inverse((x - x1) / (x2 - x1)))
    if s <= 0.0:
        return math.copysign(math.inf, y - y1)
    return y1 + (y - y1) / s


def _smoothstep(t: float) -> float:
    """An edge's y progress at parameter t: 3t² - 2t³."""
    return t * t * (3.0 - 2.0 * t)


def _x_progress(t: float) -> float:
    """An edge's x progress at parameter t: 1.5t - 1.5t² + t³."""
    return t * (1.5 - 1.5 * t + t * t)


def _clipped(
    x1: float, y1: float, x2: float, y2: float, clip: Clip
) -> tuple[_Pt, _Pt, _Pt, _Pt] | None:
    """The control points of the part of the edge from (x1, y1) to (x2, y2) inside
    ``clip`` (None: no part is)."""
    left, top, right, bottom = clip
    t0, t1 = 0.0, 1.0
    dy = y2 - y1
    if dy:
        a = _ease_inverse((top - y1) / dy)
        b = _ease_inverse((bottom - y1) / dy)
        t0, t1 = max(t0, min(a, b)), min(t1, max(a, b))
    dx = x2 - x1
    if dx:
        a = _x_inverse((left - x1) / dx)
        b = _x_inverse((right - x1) / dx)
        t0, t1 = max(t0, min(a, b)), min(t1, max(a, b))
    if t1 <= t0:
        return None
    # control points of the whole edge, then de Casteljau to the interval [t0, t1]
    h = dx * 0.5
    p: tuple[_Pt, _Pt, _Pt, _Pt] = ((x1, y1), (x1 + h, y1), (x2 - h, y2), (x2, y2))
    if t1 < 1.0:
        p = _split(p, t1)[0]
    if t0 > 0.0:
        p = _split(p, t0 / t1)[1]
    return p


def _split(
    p: tuple[_Pt, _Pt, _Pt, _Pt], t: float
) -> tuple[tuple[_Pt, _Pt, _Pt, _Pt], tuple[_Pt, _Pt, _Pt, _Pt]]:
    """Split a cubic Bézier at ``t`` into its two halves."""
    (ax, ay), (bx, by), (cx, cy), (dx, dy) = p
    abx, aby = ax + (bx - ax) * t, ay + (by - ay) * t
    bcx, bcy = bx + (cx - bx) * t, by + (cy - by) * t
    cdx, cdy = cx + (dx - cx) * t, cy + (dy - cy) * t
    abcx, abcy = abx + (bcx - abx) * t, aby + (bcy - aby) * t
    bcdx, bcdy = bcx + (cdx - bcx) * t, bcy + (cdy - bcy) * t
    mx, my = abcx + (bcdx - abcx) * t, abcy + (bcdy - abcy) * t
    return (
        ((ax, ay), (abx, aby), (abcx, abcy), (mx, my)),
        ((mx, my), (bcdx, bcdy), (cdx, cdy), (dx, dy)),
    )


class EdgeStrokes:
    """The edges of one paint, grouped by pen: ``(branch, level)``.

    Every edge is a path of its own. One path holding many edges costs far more to
    stroke antialiased than the same edges one by one (Qt rasterises the whole outline at
    once: 64 long edges in one path took 77 ms, one by one 7 ms); and a dense run of a
    fan's edges is one filled :func:`ribbon`, not hundreds of strokes into
    the same pixels.
    """

    def __init__(self, clip: Clip, kind: LayoutKind) -> None:
        self.clip = clip
        self.kind = kind
        self.lines: dict[PenKey, list[QPainterPath]] = defaultdict(list)
        self.ribbons: dict[PenKey, list[QPainterPath]] = defaultdict(list)
        self.mixed: list[tuple[list[int], int, QPainterPath]] = []

    def add(self, key: PenKey, x1: float, y1: float, x2: float, y2: float) -> None:
        """Add one edge: its part inside the clip (nothing when it misses it)."""
        left, top, right, bottom = self.clip
        if x1 < x2:
            xa, xb = x1, x2
        else:
            xa, xb = x2, x1
        if y1 < y2:
            ya, yb = y1, y2
        else:
            ya, yb = y2, y1
        if xb < left or xa > right or yb < top or ya > bottom:
            return
        path = QPainterPath()
        if self.kind == LayoutKind.RADIAL or (
            left <= xa and xb <= right and top <= ya and yb <= bottom
        ):
            cubic(path, x1, y1, x2, y2, self.kind)
        else:
            # partly exposed (a pan strip): stroke only the part inside; wide antialiased
            # strokes cost by length, clipped or not
            clip_cubic(path, x1, y1, x2, y2, self.clip)
            if path.isEmpty():
                return
        self.lines[key].append(path)

    def add_part(
        self, key: PenKey, x1: float, y1: float, x2: float, y2: float, ya: float, yb: float
    ) -> None:
        """Add the part of an edge between heights ``ya`` and ``yb`` (and inside the clip)."""
        left, top, right, bottom = self.clip
        path = QPainterPath()
        clip_cubic(
            path, x1, y1, x2, y2, (left, max(top, min(ya, yb)), right, min(bottom, max(ya, yb)))
        )
        if not path.isEmpty():
            self.lines[key].append(path)

    def add_ribbon(
        self,
        branches: list[int],
        level: int,
        x1: float,
        y1: float,
        x2: float,
        outer: float,
        pieces: list[tuple[float, float, float]],
    ) -> None:
        """Add a :func:`ribbon` of a dense run of edges whose branches are
        ``branches`` (some of them): in their colour when there is one, else in the mixture
        of their colours, which is what the eye sees of them."""
        path = QPainterPath()
        ribbon(path, x1, y1, x2, outer, pieces)
        if path.isEmpty():
            return
        if len(set(branches)) == 1:
            self.ribbons[branches[0], level].append(path)
        else:
            self.mixed.append((branches, level, path))

    def paint(
        self, painter: QPainter, colour: Callable[[int], QColor], width: Callable[[int], float]
    ) -> None:
        """Stroke every edge with the pen of its branch colour and level."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for (b, level), paths in self.lines.items():
            pen = QPen(colour(b), width(level))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            for path in paths:
                painter.drawPath(path)
        fills = [(colour(b), level, path) for (b, level), ps in self.ribbons.items() for path in ps]
        for branches, level, path in self.mixed:
            colours = [colour(b) for b in branches]
            n = len(colours)
            mix = QColor(
                round(sum(c.red() for c in colours) / n),
                round(sum(c.green() for c in colours) / n),
                round(sum(c.blue() for c in colours) / n),
            )
            fills.append((mix, level, path))
        for fill, level, path in fills:
            pen = QPen(fill, width(level))
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)


__all__ = [
    "Clip",
    "EdgeStrokes",
    "PenKey",
    "clip_cubic",
    "cubic",
    "edge_end_crossing",
    "edge_x_at",
    "ribbon",
]
