"""Scene items: one pooled :class:`NodeItem` per node near the viewport, and the
:class:`EdgeLayer` that paints every edge (and, zoomed far out, every node) in one item.

Measured on this machine: one flat custom item per node (cached bounding rect, shape and
text painted directly, :class:`QStaticText` made at first paint, a bare box when zoomed far
out) is twice as fast to create and 35% smaller than a path item with a text child, and
nesting items in their parents makes repaints 5–10x slower. So items are flat, and
everything they need to paint comes from a shared :class:`RenderContext`.

A node carries its decision state on the canvas: a checkbox on the side facing the root
(part of the measured size, so nothing overlaps), a stronger fill and outline when checked,
a small note sheet at its outer top corner when it has notes, and on its fold handle a
roll-up pill ("✓ 3/12") when its subtree holds checked nodes. The pill replaces the plain
hidden count of a folded node and grows outwards like it, into the level gap, so checking
a node never changes a box size and never needs a new layout.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QStaticText
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from karar.core.layout import Box, LayoutKind
from karar.core.model import Node, Shape
from karar.ui.icons import draw_icon
from karar.ui.measure import Geometry, Measurer, Role, role_of
from karar.ui.shapes import shape_path
from karar.ui.theme import Theme

if TYPE_CHECKING:
    from karar.ui.document import MapDocument

#: Below this zoom, labels are unreadable: nodes are drawn as plain boxes by the edge layer.
OVERVIEW_ZOOM = 0.35
#: Below this zoom a checkbox is a few pixels wide: checked ones become plain filled
#: squares and unchecked ones are left out, like small text would be.
CHECK_DETAIL_ZOOM = 0.6
HANDLE_R = 5.5
PILL_H = 16.0
#: width of the tick drawn in a roll-up pill, and the gap after it
TICK_W = 8.0
TICK_GAP = 3.0
#: the note sheet: its size, and how far it reaches into the node and above it
NOTE_W = 9.0
NOTE_H = 11.0
NOTE_INSET = 3.0
NOTE_RISE = 6.0
_NO_PEN = QPen(Qt.PenStyle.NoPen)


def compact_count(n: int) -> str:
    """A count for a pill: exact up to 9,999, then in thousands ("12k")."""
    return str(n) if n < 10_000 else f"{n // 1000}k"


class RenderContext:
    """What every item needs to paint: theme, fonts, fold, search and filter state.

    Owned by the scene; items hold a reference, so a theme switch is one assignment plus
    a repaint.
    """

    def __init__(self, document: MapDocument, theme: Theme, measurer: Measurer) -> None:
        self.document = document
        self.measurer = measurer
        self.kind = LayoutKind.MINDMAP
        self.selected: Node | None = None
        self.matches: set[Node] = set()
        self.current_match: Node | None = None
        #: folded nodes hiding at least one search match
        self.hiding_matches: set[Node] = set()
        #: the "decisions only" view: folds are ignored and fold handles are not drawn
        self.decisions_only = False
        self._static: OrderedDict[tuple[str, int, int], QStaticText] = OrderedDict()
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        """Use ``theme`` from the next paint on."""
        self.theme = theme
        self.tints = [theme.tinted(i) for i in range(len(theme.branches))]
        self.checked_tints = [theme.checked_fill(i) for i in range(len(theme.branches))]
        self.text_pen = QPen(theme.text)
        self.root_text_pen = QPen(theme.root_text)
        self.muted_pen = QPen(theme.muted)

    @property
    def folded(self) -> frozenset[Node] | set[Node]:
        """The folds in effect on the canvas (none in the decisions-only view)."""
        return frozenset() if self.decisions_only else self.document.folded

    def colour(self, branch: int) -> QColor:
        """The branch colour of first-level branch ``branch`` (-1: the root)."""
        return self.theme.branch(branch)

    def tint(self, branch: int) -> QColor:
        """The light fill of branch ``branch``."""
        if branch < 0:
            return self.theme.root_fill
        return self.tints[branch % len(self.tints)]

    def checked_tint(self, branch: int) -> QColor:
        """The fill of a checked node of branch ``branch``."""
        if branch < 0:
            return self.theme.root_fill
        return self.checked_tints[branch % len(self.checked_tints)]

    def static_text(self, text: str, role: Role, style: int) -> QStaticText:
        """A prepared :class:`QStaticText`, shared by every item showing that text (LRU)."""
        key = (text, role, style)
        st = self._static.get(key)
        if st is None:
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            self._static[key] = st
            if len(self._static) > 4000:
                self._static.popitem(last=False)
        else:
            self._static.move_to_end(key)
        return st

    def is_underlined(self, node: Node, role: Role) -> bool:
        """Whether ``node`` is drawn Mermaid-style as text over a line, not as a shape."""
        return node.shape is Shape.DEFAULT and role is Role.NODE

    def out_anchor(self, node: Node, box: Box) -> tuple[float, float]:
        """Where a node's outgoing edges (and its fold handle) sit, in item coordinates."""
        role = role_of(box.depth)
        y = box.h - 1 if self.is_underlined(node, role) else box.h / 2
        if box.side > 0:
            return box.w, y
        if box.side < 0:
            return 0.0, y
        if self.kind is LayoutKind.TREE:
            return box.w, y
        return box.w / 2, box.h  # the root of a mind map: below it, clear of the edges

    def in_anchor_y(self, node: Node, box: Box) -> float:
        """The y (item coordinates) where an incoming edge meets ``node``."""
        if self.is_underlined(node, role_of(box.depth)):
            return box.h - 1
        return box.h / 2

    def count_label(self, node: Node) -> str:
        """The text of a folded node's badge: how many nodes it hides."""
        return compact_count(self.document.descendants(node))

    def badge(self, node: Node) -> tuple[str, bool]:
        """What ``node``'s fold handle shows: ``(text, decided)``.

        A subtree holding checked nodes shows its roll-up ("3/12", decided); otherwise a
        folded node shows how many nodes it hides, and an open one nothing ("").
        """
        if not node.children:
            return "", False
        r = self.document.rollup(node)
        if r.checked:
            return f"{compact_count(r.checked)}/{compact_count(r.total)}", True
        if node in self.folded:
            return self.count_label(node), False
        return "", False

    def geometry(self, node: Node, box: Box) -> Geometry:
        """``node``'s measured geometry as drawn at ``box`` (mirrored on the left side, so
        the checkbox faces the root and stays clear of the fold handle)."""
        geo = self.measurer.geometry(node, box.depth)
        return geo.mirrored() if box.side < 0 else geo


class NodeItem(QGraphicsItem):
    """One node: its shape, checkbox, label, icon, note mark and fold handle (with the
    roll-up). Pooled: :meth:`bind` reuses it."""

    def __init__(self, ctx: RenderContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.node: Node | None = None
        self.box: Box | None = None
        self.geo: Geometry | None = None
        self.role = Role.NODE
        self.branch = -1
        self._rect = QRectF()
        self._handle: QRectF | None = None
        self._count = ""
        self._decided = False
        self._open_badge = False
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view hit-tests

    def bind(self, node: Node, box: Box) -> None:
        """Show ``node`` laid out at ``box``."""
        ctx = self.ctx
        doc = ctx.document
        self.prepareGeometryChange()
        self.node = node
        self.box = box
        self.role = role_of(box.depth)
        self.branch = doc.branch.get(node, -1)
        self.geo = ctx.geometry(node, box)
        self._count, self._decided = ctx.badge(node)
        self._open_badge = bool(self._count) and node not in ctx.folded
        self._handle = handle_rect(ctx, node, box)
        rect = QRectF(-6, -6, box.w + 12, box.h + 12).united(note_rect(box).adjusted(-1, -1, 1, 1))
        if self._handle is not None:
            rect = rect.united(self._handle.adjusted(-2, -2, 2, 2))
        self._rect = rect
        self.setPos(box.x, box.y)
        self.update()

    def refresh(self) -> None:
        """Re-read fold and decision state (handle, roll-up, check, note) after a change
        that kept the box."""
        if self.node is not None and self.box is not None:
            self.bind(self.node, self.box)

    @property
    def badge_text(self) -> str:
        """What the fold handle shows ("" for a plain handle or none)."""
        return self._count

    @property
    def badge_decided(self) -> bool:
        """Whether the handle shows a roll-up of checked nodes."""
        return self._decided

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        node, box, geo = self.node, self.box, self.geo
        if node is None or box is None or geo is None:
            return
        ctx = self.ctx
        theme = ctx.theme
        doc = ctx.document
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        role = self.role
        colour = ctx.colour(self.branch)
        checked = doc.is_checked(node)
        w, h = box.w, box.h
        if lod < OVERVIEW_ZOOM:
            painter.fillRect(QRectF(0, 0, w, h), ctx.tint(self.branch) if role else colour)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

        # highlights under the node: search matches, then the selection ring
        if node in ctx.matches:
            fill = theme.current_match if node is ctx.current_match else theme.match
            painter.setPen(_NO_PEN)
            painter.setBrush(fill)
            painter.drawRoundedRect(QRectF(-4, -3, w + 8, h + 6), 6, 6)

        underlined = ctx.is_underlined(node, role)
        text_pen = ctx.text_pen
        if underlined:
            if checked:
                # no box to fill: a highlighter band behind the text, and a bolder line
                painter.setPen(_NO_PEN)
                painter.setBrush(ctx.checked_tint(self.branch))
                painter.drawRoundedRect(QRectF(-2, 0, w + 4, h - 1), 4, 4)
            pen = QPen(colour, 3.2 if checked else 2.0)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawLine(QPointF(0.5, h - 1), QPointF(w - 0.5, h - 1))
        else:
            path = shape_path(node.shape, w, h, 10.0 if role is Role.ROOT else 6.0)
            if role is Role.ROOT:
                outline = colour if node.shape is not Shape.DEFAULT else theme.root_fill
                painter.setPen(QPen(theme.root_text if checked else outline, 3 if checked else 2))
                painter.setBrush(theme.root_fill)
                text_pen = ctx.root_text_pen
            else:
                width = 1.8 if role is Role.BRANCH else 1.4
                painter.setPen(QPen(colour, width + 1.4 if checked else width))
                if checked:
                    painter.setBrush(ctx.checked_tint(self.branch))
                else:
                    painter.setBrush(ctx.tint(self.branch) if theme.tint else theme.node_fill)
            painter.drawPath(path)

        if node is ctx.selected:
            painter.setPen(QPen(theme.selection, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(-4, -4, w + 8, h + 8), 7, 7)

        on_root = role is Role.ROOT
        self._paint_check(painter, geo, theme.root_text if on_root else colour, checked, lod)
        if geo.icon_size:
            icon_colour = theme.root_text if on_root else colour
            draw_icon(
                painter,
                node.icon or "",
                QRectF(geo.icon_x, geo.icon_y, geo.icon_size, geo.icon_size),
                icon_colour,
            )
        self._paint_text(painter, geo, role, text_pen)
        if self._handle is not None:
            self._paint_handle(painter, colour)
        if doc.has_note(node):
            self._paint_note(painter, note_rect(box), colour)

    def _paint_check(
        self, painter: QPainter, geo: Geometry, colour: QColor, checked: bool, lod: float
    ) -> None:
        s = geo.check_size
        rect = QRectF(geo.check_x, geo.check_y, s, s)
        if lod < CHECK_DETAIL_ZOOM:
            if checked:
                painter.fillRect(rect, colour)
            return
        radius = s * 0.22
        if not checked:
            painter.setPen(QPen(colour, 1.4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(0.7, 0.7, -0.7, -0.7), radius, radius)
            return
        painter.setPen(_NO_PEN)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, radius, radius)
        # the tick in the colour under the box, so it reads as cut out of it
        on = self.ctx.theme.root_fill if self.role is Role.ROOT else self.ctx.theme.background
        pen = QPen(on, max(1.7, s * 0.15))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        x, y = rect.x(), rect.y()
        tick = QPainterPath(QPointF(x + s * 0.24, y + s * 0.53))
        tick.lineTo(x + s * 0.43, y + s * 0.72)
        tick.lineTo(x + s * 0.77, y + s * 0.31)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)

    def _paint_text(self, painter: QPainter, geo: Geometry, role: Role, pen: QPen) -> None:
        ctx = self.ctx
        fonts = ctx.measurer.fonts[role]
        block = geo.block
        painter.setPen(pen)
        y = geo.text_y
        # boxed labels are centred line by line; Mermaid's default nodes read as paragraphs,
        # ragged towards the outside of the map (right-aligned on the left side)
        node = self.node
        box = self.box
        centred = role is Role.ROOT or (node is not None and node.shape is not Shape.DEFAULT)
        right = not centred and box is not None and box.side < 0
        for line in block.lines:
            if centred:
                x = geo.text_x + (block.width - line.width) / 2
            elif right:
                x = geo.text_x + block.width - line.width
            else:
                x = geo.text_x
            for text, style in line.runs:
                painter.setFont(fonts[style])
                painter.drawStaticText(QPointF(x, y), ctx.static_text(text, role, style))
                if len(line.runs) > 1:
                    x += ctx.measurer.advance(text, role, style)
            y += block.line_height

    def _paint_handle(self, painter: QPainter, colour: QColor) -> None:
        handle = self._handle
        assert handle is not None
        ctx = self.ctx
        theme = ctx.theme
        node = self.node
        if not self._count:
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(theme.background)
            painter.drawEllipse(handle.adjusted(1, 1, -1, -1))
            return
        hiding = node in ctx.hiding_matches
        r = handle.height() / 2
        # folded: a filled pill (what it hides); open: an outlined one the edges leave from
        if self._open_badge:
            painter.setPen(QPen(theme.current_match if hiding else colour, 1.6))
            painter.setBrush(theme.background)
            ink = colour
        else:
            # a decided branch gets a ring in the text colour: it stands out from the
            # plain counts of undecided ones at a glance
            ring = theme.text if self._decided else colour
            painter.setPen(QPen(theme.current_match if hiding else ring, 1.5))
            painter.setBrush(colour)
            ink = theme.background
        painter.drawRoundedRect(handle.adjusted(0.5, 0.5, -0.5, -0.5), r, r)
        text_rect = handle.adjusted(6, 0, -6, 0)
        if self._decided:
            x, cy = text_rect.left(), handle.center().y()
            pen = QPen(ink, 1.8)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            tick = QPainterPath(QPointF(x + 0.5, cy + 0.2))
            tick.lineTo(x + 3.0, cy + 2.8)
            tick.lineTo(x + TICK_W - 0.5, cy - 3.0)
            painter.drawPath(tick)
            text_rect.setLeft(x + TICK_W + TICK_GAP)
        painter.setPen(QPen(ink))
        painter.setFont(ctx.measurer.count_font)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, self._count)

    def _paint_note(self, painter: QPainter, rect: QRectF, colour: QColor) -> None:
        """A small sheet with a folded corner and two lines of "text"."""
        fold = 3.0
        x, y, r, b = rect.left(), rect.top(), rect.right(), rect.bottom()
        sheet = QPainterPath(QPointF(x, y))
        sheet.lineTo(r - fold, y)
        sheet.lineTo(r, y + fold)
        sheet.lineTo(r, b)
        sheet.lineTo(x, b)
        sheet.closeSubpath()
        painter.setPen(QPen(colour, 1.1))
        painter.setBrush(colour)
        painter.drawPath(sheet)
        painter.setPen(QPen(self.ctx.theme.background, 1.1))
        for ly in (y + 5.0, y + 7.8):
            painter.drawLine(QPointF(x + 2.0, ly), QPointF(r - 2.0, ly))


def handle_rect(ctx: RenderContext, node: Node, box: Box) -> QRectF | None:
    """The fold handle of ``node`` (item coordinates), None when it has none.

    A small circle at the outgoing anchor; a pill growing outwards when it has something
    to say (the hidden count of a folded node, or the roll-up of checked nodes below). In
    the decisions-only view only roll-up pills are drawn, and they do not fold.
    """
    if not node.children:
        return None
    ax, ay = ctx.out_anchor(node, box)
    text, decided = ctx.badge(node)
    if text:
        extra = TICK_W + TICK_GAP if decided else 0.0
        pw = max(PILL_H + 2, ctx.measurer.count_width(text) + 12 + extra)
        if box.side < 0:
            return QRectF(ax - pw + 3, ay - PILL_H / 2, pw, PILL_H)
        if box.side == 0 and ctx.kind is not LayoutKind.TREE:
            return QRectF(ax - pw / 2, ay - PILL_H / 2, pw, PILL_H)
        return QRectF(ax - 3, ay - PILL_H / 2, pw, PILL_H)
    if ctx.decisions_only:
        return None
    r = HANDLE_R
    return QRectF(ax - r, ay - r, 2 * r, 2 * r)


def check_rect(ctx: RenderContext, node: Node, box: Box) -> QRectF:
    """``node``'s checkbox (item coordinates)."""
    geo = ctx.geometry(node, box)
    return QRectF(geo.check_x, geo.check_y, geo.check_size, geo.check_size)


def note_rect(box: Box) -> QRectF:
    """Where a node's note sheet goes (item coordinates): stuck on its outer top corner,
    clear of the text, the checkbox and the fold handle."""
    if box.side < 0:
        return QRectF(NOTE_INSET - NOTE_W, -NOTE_RISE, NOTE_W, NOTE_H)
    return QRectF(box.w - NOTE_INSET, -NOTE_RISE, NOTE_W, NOTE_H)


class EdgeLayer(QGraphicsItem):
    """Paints the edges that cross the exposed rectangle, batched into one path per
    colour and width; zoomed far out it also paints every node as a bare box.

    One item for all edges keeps the scene's index small; only the exposed part of the
    viewport is painted on a pan, thanks to ``ItemUsesExtendedStyleOption``.
    """

    def __init__(self, paint_edges: Callable[[QPainter, QRectF, float], None]) -> None:
        super().__init__()
        self._paint_edges = paint_edges
        self._rect = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(-1)

    def set_rect(self, rect: QRectF) -> None:
        """Cover ``rect`` (the layout bounds plus margins)."""
        self.prepareGeometryChange()
        self._rect = rect

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        exposed = option.exposedRect  # type: ignore[attr-defined]
        self._paint_edges(painter, exposed, lod)


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


__all__ = ["OVERVIEW_ZOOM", "EdgeLayer", "NodeItem", "RenderContext", "clip_cubic", "cubic"]
