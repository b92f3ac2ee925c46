"""Edges on the canvas: which edges cross an exposed area, and painting them (with the
bare boxes of a map zoomed far out, and the edges of nodes gliding during a fold).

The :class:`EdgeLayer <karar.ui.items.EdgeLayer>` item asks an :class:`EdgePainter` to paint
what is exposed. A :class:`~karar.ui.fans.FanIndex` finds the parents whose edges can cross
it even when both ends lie outside; the edges of a parent with many children are found by
bisection and drawn as the few strokes and ribbons :func:`~karar.ui.fans.fan_cover` makes of
them, so a paint costs what can be seen whatever the map's shape. The curves and their
strokes are :mod:`karar.ui.curves`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from karar.core.bulk import no_gc
from karar.core.layout import Layout, LayoutKind
from karar.core.model import Node
from karar.ui.curves import Clip, EdgeStrokes
from karar.ui.fans import Fan, FanCover, FanIndex, fan_cover
from karar.ui.measure import role_of
from karar.ui.render import OVERVIEW_ZOOM, RenderContext

if TYPE_CHECKING:
    from karar.ui.motion import Motion

HUGE_FAN = 400
"""In a radial layout, a parent with more children than this draws only the edges of
children near the view (horizontal layouts find the edges crossing it by bisection)."""
MIXED_RUN = 64
"""A dense run of a fan's edges with up to this many edges of different branches (around
the root) is stroked edge by edge, each in its branch colour; a longer one is one ribbon
in the average of their colours, which is all the eye can see of them."""


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

    def fan_index(self) -> FanIndex:
        """The fans of the current layout (built at the first paint after a new layout)."""
        if self._fans is None:
            assert self.layout is not None
            with no_gc():
                self._fans = FanIndex(self.layout, self.ctx.folded, self.level_gap, self._filtered)
        return self._fans

    def paint(self, painter: QPainter, exposed: QRectF, lod: float) -> None:
        """Paint every edge crossing ``exposed`` (and bare boxes when zoomed far out)."""
        if self.layout is None:
            return
        ctx = self.ctx
        motion = self.motion
        query = exposed if motion is None else exposed.united(motion.near)
        pad = ctx.theme.edge_width * 2
        band = (query.left() - pad, query.top() - pad, query.right() + pad, query.bottom() + pad)
        edges = EdgeStrokes(band, ctx.kind)
        fans = self.fan_index()
        long = fans.long
        for parent in fans.query(query):
            sides = long.get(parent)
            if sides is None:
                self._child_edges(edges, parent, parent.children, band)
            else:
                self._long_fan_edges(edges, parent, sides, band, lod)
        if motion is not None:
            self._ghost_edges(motion, edges)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod >= OVERVIEW_ZOOM)
        edges.paint(painter, ctx.edge_colour, self._edge_width)
        if lod < OVERVIEW_ZOOM:
            self._paint_overview_boxes(painter, exposed, lod)

    def _edge_width(self, level: int) -> float:
        """The pen width of the edges leaving nodes of depth ``level`` (3: any deeper)."""
        return max(1.0, self.ctx.theme.edge_width * (1.25 - 0.22 * level))

    def _edge_end(self, child: Node) -> float:
        """The height where the edge into ``child`` arrives (a horizontal layout)."""
        assert self.layout is not None
        c = self.layout.boxes[child]
        return c.y + c.h - 1 if self.ctx.is_underlined(child, role_of(c.depth)) else c.y + c.h / 2

    def _shift(self, node: Node) -> tuple[float, float]:
        """How far from its laid-out place ``node`` is drawn now (a fold animation)."""
        motion = self.motion
        if motion is not None:
            q = motion.pos(node)
            if q is not None:
                assert self.layout is not None
                b = self.layout.boxes[node]
                return q[0] - b.x, q[1] - b.y
        return 0.0, 0.0

    def _child_edges(
        self, edges: EdgeStrokes, parent: Node, children: Sequence[Node], band: Clip
    ) -> None:
        """Add the edges from ``parent`` to ``children`` (each where it is drawn now)."""
        layout = self.layout
        assert layout is not None
        ctx = self.ctx
        boxes = layout.boxes
        edge = layout.edge
        branch = ctx.document.branch
        is_under = ctx.is_underlined
        motion = self.motion
        add = edges.add
        p = boxes[parent]
        sx, sy = self._shift(parent)
        horizontal = ctx.kind != LayoutKind.RADIAL
        level = min(p.depth, 3)
        out_y = p.y + p.h - 1 if horizontal and is_under(parent, role_of(p.depth)) else None
        child_role = role_of(p.depth + 1)
        # Around a huge radial fan only the edges of children near the screen are drawn:
        # all of them would cross the view and cost seconds a frame.
        huge = not horizontal and len(children) > HUGE_FAN
        left, top, right, bottom = band
        w, h = right - left, bottom - top
        near_left, near_right, near_top, near_bottom = left - w, right + w, top - h, bottom + h
        for child in children:
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
            x1, y1, x2, y2 = edge(child)
            if out_y is not None:
                y1 = out_y
            if horizontal and is_under(child, child_role):
                y2 = c.y + c.h - 1
            if motion is not None:
                q = motion.pos(child)
                if q is not None:
                    x2 += q[0] - c.x
                    y2 += q[1] - c.y
            add((branch.get(child, 0), level), x1 + sx, y1 + sy, x2, y2)

    def _long_fan_edges(
        self, edges: EdgeStrokes, parent: Node, sides: tuple[Fan, ...], band: Clip, lod: float
    ) -> None:
        """Add the edges from ``parent`` to its long fans of children that cross the band."""
        top, bottom = band[1], band[3]
        moving: list[Node] = []
        for fan in sides:
            # the children whose boxes meet the band, then the edges running through it
            a = bisect_left(fan.bottoms, top)
            b = bisect_right(fan.tops, bottom)
            if self.motion is not None:
                moving += fan.kids[a:b]  # they move: each where it is now
            self._fan_edges(edges, parent, fan, a, b, band, lod)
        if moving:
            self._child_edges(edges, parent, moving, band)

    def _fan_edges(
        self,
        edges: EdgeStrokes,
        parent: Node,
        fan: Fan,
        a: int,
        b: int,
        band: Clip,
        lod: float,
    ) -> None:
        """Add the edges from ``parent`` to a long ``fan`` of its children that cross the
        band, as :func:`fan_cover` finds them without visiting every child: each edge
        standing apart is stroked, each run of neighbours closer than a pen width (or a
        pixel) is one ribbon. In a fold animation only those of children beyond the band
        (before index ``a``, from ``b`` on), which do not move; the caller adds the others
        where they are now."""
        left, top, right, bottom = band
        kids = fan.kids
        assert self.layout is not None
        p = self.layout.boxes[parent]
        x1, y1, x2, _ = self.layout.edge(kids[0])  # x1, y1 and x2 are the same for them all
        if self.ctx.is_underlined(parent, role_of(p.depth)):
            y1 = p.y + p.h - 1
        sx, sy = self._shift(parent)
        x1 += sx
        y1 += sy
        if max(x1, x2) < left or min(x1, x2) > right:
            return
        ends, ends_up = fan.ends(self._edge_end)
        n = len(ends)
        branch = self.ctx.document.branch
        level = min(p.depth, 3)
        lod = max(lod, 1e-6)
        gap = max(self._edge_width(level), 1.0 / lod)
        # about eight slices to a view, one to a pan strip
        slice_height = max((bottom - top) / 8, 48 / lod)
        moving = self.motion is not None
        if not moving and top <= y1 <= bottom:
            # level with the parent: neither heading down nor up
            for i in range(bisect_left(ends, y1), bisect_right(ends, y1)):
                edges.add((branch.get(kids[i], 0), level), x1, y1, x2, ends[i])
        covers: list[tuple[FanCover, int]] = []
        if y1 < bottom:
            first = b if moving else 0
            lo = max(top, y1)
            down = fan_cover(ends, first, x1, y1, x2, lo, bottom, gap, slice_height)
            covers.append((down, 1))
        if y1 > top:
            # upwards: the same on the fan seen upside down
            first = n - a if moving else 0
            lo = max(-bottom, -y1)
            up = fan_cover(ends_up, first, x1, -y1, x2, lo, -top, gap, slice_height)
            covers.append((up, -1))
        for cover, sign in covers:
            # indices and heights back from the fan seen upside down
            k0, dk, far = (0, 1, bottom) if sign > 0 else (n - 1, -1, top)
            for i, y in cover.singles:
                k = k0 + dk * i
                key = (branch.get(kids[k], 0), level)
                edges.add_part(key, x1, y1, x2, ends[k], sign * y, far)
            for chain in cover.ribbons:
                outer = k0 + dk * chain[0][1]
                group: list[tuple[float, float, float]] = []
                colours: list[int] = []
                for f, _, ya, yb in chain:
                    inner = k0 + dk * f
                    step = 1 if outer > inner else -1
                    count = abs(outer - inner) + 1
                    # the colours of enough of them to go round the branch palette
                    sample = [
                        branch.get(kids[k], 0)
                        for k in range(inner, inner + step * min(count, MIXED_RUN), step)
                    ]
                    if count <= MIXED_RUN and len(set(sample)) > 1:
                        # a few edges of different branches (a root's): each in its colour
                        if group:
                            edges.add_ribbon(colours, level, x1, y1, x2, ends[outer], group)
                            group = []
                        for k, b in zip(range(inner, outer + step, step), sample, strict=True):
                            edges.add_part((b, level), x1, y1, x2, ends[k], sign * ya, sign * yb)
                        continue
                    if not group:
                        colours = sample
                    group.append((ends[inner], sign * ya, sign * yb))
                if group:
                    edges.add_ribbon(colours, level, x1, y1, x2, ends[outer], group)

    def _ghost_edges(self, motion: Motion, edges: EdgeStrokes) -> None:
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
            edges.add((branch.get(node, 0), min(p.depth, 3)), x1, y1, x2, y2)

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


__all__ = ["HUGE_FAN", "MIXED_RUN", "EdgePainter"]
