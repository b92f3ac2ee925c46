"""Edges on the canvas: which edges cross an exposed area, and painting them (with the
bare boxes of a map zoomed far out, and the edges of nodes gliding during a fold).

The :class:`EdgeLayer <karar.ui.items.EdgeLayer>` item asks an :class:`EdgePainter` to paint
what is exposed. Edges are batched into one path per branch colour and level. A
:class:`FanIndex` finds the parents whose edges can cross a rectangle even when both ends
lie outside it. Edges are S-curves with horizontal tangents in the horizontal layouts and
straight spokes in the radial one.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from karar.core.bulk import no_gc
from karar.core.layout import Layout, LayoutKind
from karar.core.model import Node
from karar.ui.measure import role_of
from karar.ui.render import OVERVIEW_ZOOM, RenderContext

if TYPE_CHECKING:
    from karar.ui.motion import Motion

_FAN_CELL = 320.0
HUGE_FAN = 400
"""A parent with more children than this draws only the edges of children near the view."""


class FanIndex:
    """A bucket grid of "fans" (the region an edge from a parent to its visible children
    can cross) so the edge layer finds the edges crossing a rectangle even when both ends
    lie outside it.

    In horizontal layouts a parent's children hang on one side in source order, top to
    bottom, so a fan spans from the parent's middle to the first and last child's middle
    across one level gap: three lookups per parent, not one per child.
    """

    def __init__(
        self,
        layout: Layout,
        folded: set[Node] | frozenset[Node],
        gap: float,
        filtered: bool = False,
    ) -> None:
        self.parents: list[Node] = []
        cells: dict[tuple[int, int], list[int]] = {}
        boxes = layout.boxes
        c = _FAN_CELL
        floor = math.floor
        radial = layout.kind == LayoutKind.RADIAL
        parents = self.parents
        for node in layout.order:
            kids = node.children
            if not kids or node in folded:
                continue
            if filtered:
                kids = [c for c in kids if c in boxes]
                if not kids:
                    continue
            p = boxes[node]
            if radial or node.parent is None:
                x0, y0, x1, y1 = p.x, p.y, p.x + p.w, p.y + p.h
                for child in kids:
                    b = boxes[child]
                    x0 = min(x0, b.x)
                    y0 = min(y0, b.y)
                    x1 = max(x1, b.x + b.w)
                    y1 = max(y1, b.y + b.h)
            else:
                first, last = boxes[kids[0]], boxes[kids[-1]]
                y0 = min(p.y, first.y, last.y)
                y1 = max(p.y + p.h, first.y + first.h, last.y + last.h)
                if p.side >= 0:
                    x0, x1 = p.x + p.w - 8, first.x + 8
                else:
                    x0, x1 = first.x + first.w - 8, p.x + 8
                x1 = max(x1, x0 + gap)
            i = len(parents)
            parents.append(node)
            for iy in range(floor(y0 / c), floor(y1 / c) + 1):
                for ix in range(floor(x0 / c), floor(x1 / c) + 1):
                    cell = cells.get((ix, iy))
                    if cell is None:
                        cells[ix, iy] = [i]
                    else:
                        cell.append(i)
        self.cells = cells

    def query(self, rect: QRectF) -> list[Node]:
        c = _FAN_CELL
        found: set[int] = set()
        cells = self.cells
        for iy in range(math.floor(rect.top() / c), math.floor(rect.bottom() / c) + 1):
            for ix in range(math.floor(rect.left() / c), math.floor(rect.right() / c) + 1):
                hit = cells.get((ix, iy))
                if hit:
                    found.update(hit)
        parents = self.parents
        return [parents[i] for i in sorted(found)]


class EdgePainter:
    """Paints the edges of one scene's layout (and the far-out overview boxes).

    Args:
        ctx: The scene's render context (theme, folds in effect, marks).
    """

    def __init__(self, ctx: RenderContext) -> None:
        self.ctx = ctx
        self.layout: Layout | None = None
        self.level_gap = 64.0
        #: the fold animation in progress (edges follow its nodes), or None
        self.motion: Motion | None = None
        self._fans: FanIndex | None = None
        self._filtered = False

    def set_layout(self, layout: Layout | None, level_gap: float, filtered: bool) -> None:
        """Paint ``layout`` from now on (``filtered``: some subtrees are left out)."""
        self.layout = layout
        self.level_gap = level_gap
        self._filtered = filtered
        self._fans = None

    def _fan_index(self) -> FanIndex:
        if self._fans is None:
            assert self.layout is not None
            with no_gc():
                self._fans = FanIndex(self.layout, self.ctx.folded, self.level_gap, self._filtered)
        return self._fans

    def paint(self, painter: QPainter, exposed: QRectF, lod: float) -> None:
        """Paint every edge crossing ``exposed`` (and bare boxes when zoomed far out)."""
        layout = self.layout
        if layout is None:
            return
        ctx = self.ctx
        branch = ctx.document.branch
        boxes = layout.boxes
        motion = self.motion
        query = exposed if motion is None else exposed.united(motion.covered)
        kind = ctx.kind
        is_under = ctx.is_underlined
        paths: dict[tuple[int, int], QPainterPath] = defaultdict(QPainterPath)
        pad = ctx.theme.edge_width * 2
        left, top = exposed.left() - pad, exposed.top() - pad
        right, bottom = exposed.right() + pad, exposed.bottom() + pad
        clip = (left, top, right, bottom)
        horizontal = kind != LayoutKind.RADIAL
        # Around a huge fan (thousands of children) only the edges of children near the
        # screen are drawn: all of them would cross the view and cost seconds a frame.
        near_left = left - exposed.width()
        near_right = right + exposed.width()
        near_top = top - exposed.height()
        near_bottom = bottom + exposed.height()
        for parent in self._fan_index().query(query):
            p = boxes[parent]
            p_under = is_under(parent, role_of(p.depth))
            huge = len(parent.children) > HUGE_FAN
            for child in parent.children:
                c = boxes.get(child)
                if c is None:
                    continue  # left out by the view's filter
                if huge and (
                    c.x > near_right
                    or c.x + c.w < near_left
                    or c.y > near_bottom
                    or c.y + c.h < near_top
                ):
                    continue
                x1, y1, x2, y2 = layout.edge(child)
                if horizontal:
                    if p_under:
                        y1 = p.y + p.h - 1
                    if is_under(child, role_of(c.depth)):
                        y2 = c.y + c.h - 1
                if motion is not None:
                    q = motion.pos(parent)
                    if q is not None:
                        x1 += q[0] - p.x
                        y1 += q[1] - p.y
                    q = motion.pos(child)
                    if q is not None:
                        x2 += q[0] - c.x
                        y2 += q[1] - c.y
                elif (
                    max(x1, x2) < left
                    or min(x1, x2) > right
                    or max(y1, y2) < top
                    or min(y1, y2) > bottom
                ):
                    continue
                elif horizontal and not (
                    left <= min(x1, x2)
                    and max(x1, x2) <= right
                    and top <= min(y1, y2)
                    and max(y1, y2) <= bottom
                ):
                    # partly exposed (a pan strip): stroke only the part inside; wide
                    # antialiased strokes cost by length, clipped or not
                    clip_cubic(paths[branch.get(child, 0), min(p.depth, 3)], x1, y1, x2, y2, clip)
                    continue
                cubic(paths[branch.get(child, 0), min(p.depth, 3)], x1, y1, x2, y2, kind)
        if motion is not None:
            self._ghost_edges(motion, paths)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod >= OVERVIEW_ZOOM)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        base = ctx.theme.edge_width
        for (b, level), path in paths.items():
            pen = QPen(ctx.colour(b), max(1.0, base * (1.25 - 0.22 * level)))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawPath(path)
        if lod < OVERVIEW_ZOOM:
            self._paint_overview_boxes(painter, exposed, lod)

    def _ghost_edges(self, motion: Motion, paths: dict[tuple[int, int], QPainterPath]) -> None:
        """The edges of nodes folding away, gliding into their parents."""
        old = motion.old
        sx, sy = motion.shift
        branch = self.ctx.document.branch
        for node in motion.ghosts:
            parent = node.parent
            if parent is None or parent not in old.boxes:
                continue
            x1, y1, x2, y2 = old.edge(node)
            p, c = old.boxes[parent], old.boxes[node]
            q = motion.pos(parent)
            if q is not None:
                x1, y1 = x1 + q[0] - p.x, y1 + q[1] - p.y
            else:
                x1, y1 = x1 + sx, y1 + sy
            q = motion.pos(node)
            if q is not None:
                x2, y2 = x2 + q[0] - c.x, y2 + q[1] - c.y
            cubic(paths[branch.get(node, 0), min(p.depth, 3)], x1, y1, x2, y2, self.ctx.kind)

    def _paint_overview_boxes(self, painter: QPainter, exposed: QRectF, lod: float) -> None:
        """Far out, every node is a bare box in its branch colour; decisions, matches and
        the selection keep a frame that stays visible."""
        layout = self.layout
        assert layout is not None
        ctx = self.ctx
        doc = ctx.document
        branch = doc.branch
        groups: dict[int, list[QRectF]] = defaultdict(list)
        boxes = layout.boxes
        visible = []
        for node in layout.visible_in(exposed.x(), exposed.y(), exposed.width(), exposed.height()):
            b = boxes[node]
            visible.append((node, b))
            groups[branch.get(node, -1)].append(QRectF(b.x, b.y, b.w, b.h))
        painter.setPen(Qt.PenStyle.NoPen)
        for br, rects in groups.items():
            painter.setBrush(ctx.colour(br) if br >= 0 else ctx.theme.root_fill)
            painter.drawRects(rects)
        is_checked = doc.is_checked
        checked = [QRectF(b.x, b.y, b.w, b.h) for n, b in visible if is_checked(n)]
        if checked:
            # decisions stay visible from far out: a frame in the text colour
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(ctx.theme.text, 2.5 / max(lod, 0.01)))
            painter.drawRects(checked)
        marks = [(n, ctx.theme.match) for n in ctx.matches if n in boxes]
        if ctx.current_match in boxes:
            marks.append((ctx.current_match, ctx.theme.current_match))
        if ctx.selected in boxes:
            marks.append((ctx.selected, ctx.theme.selection))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for node, colour in marks:
            b = boxes[node]
            painter.setPen(QPen(colour, 3.0 / max(lod, 0.01)))
            painter.drawRect(QRectF(b.x, b.y, b.w, b.h).adjusted(-4, -4, 4, 4))


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
    clip: tuple[float, float, float, float],
) -> None:
    """Add the part of the edge :func:`cubic` draws that lies in ``clip``
    (left, top, right, bottom), as one sub-curve. Along such an edge x and y both move
    monotonically, so the part inside is one parameter interval."""
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
        return
    # control points of the whole edge, then de Casteljau to the interval [t0, t1]
    h = dx * 0.5
    p = ((x1, y1), (x1 + h, y1), (x2 - h, y2), (x2, y2))
    if t1 < 1.0:
        p = _split(p, t1)[0]
    if t0 > 0.0:
        p = _split(p, t0 / t1)[1]
    path.moveTo(p[0][0], p[0][1])
    path.cubicTo(p[1][0], p[1][1], p[2][0], p[2][1], p[3][0], p[3][1])


_Pt = tuple[float, float]


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
