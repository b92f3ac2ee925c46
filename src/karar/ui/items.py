"""Scene items: one pooled :class:`NodeItem` per node near the viewport, and the one
:class:`EdgeLayer` item under them that paints every edge crossing the exposed area (and,
zoomed far out, every node as a bare box).

Measured on this machine: one flat custom item per node (cached bounding rect, parts
painted directly, :class:`QStaticText` made at first paint, a bare box when zoomed far out)
is twice as fast to create and 35% smaller than a path item with a text child, and nesting
items in their parents makes repaints 5–10x slower. So items are flat, and everything they
need comes from a shared :class:`~karar.ui.render.RenderContext`; what they draw is the
stack of :mod:`karar.ui.decorations`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from karar.core.layout import Box, Layout
from karar.core.model import Node
from karar.ui.decorations import DECORATIONS, handle_rect
from karar.ui.measure import Geometry, Role, role_of
from karar.ui.render import DIM_OPACITY, NO_BADGE, OVERVIEW_ZOOM, Badge, RenderContext


class NodeItem(QGraphicsItem):
    """One node, painted as its decorations. Pooled: :meth:`bind` reuses it."""

    def __init__(self, ctx: RenderContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.node: Node | None = None
        self.box: Box | None = None
        self.geo: Geometry | None = None
        self.role = Role.NODE
        self.branch = -1
        self.badge: Badge = NO_BADGE
        self.handle: QRectF | None = None
        self._rect = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view hit-tests

    def bind(self, node: Node, box: Box) -> None:
        """Show ``node`` laid out at ``box``."""
        self.prepareGeometryChange()
        self._rect = self.load(node, box)
        self.setPos(box.x, box.y)
        self.update()

    def load(self, node: Node, box: Box) -> QRectF:
        """Take ``node``'s state at ``box`` (what the decorations paint), and answer the
        bounding rect it needs; the item's own rect and place are left as they were."""
        self.take(node, box)
        return self.reach(node, box)

    def reach(self, node: Node, box: Box) -> QRectF:
        """The bounding rect ``node`` needs at ``box``, in item coordinates (its
        decorations' extents: no measuring)."""
        ctx = self.ctx
        rect = QRectF(-6, -6, box.w + 12, box.h + 12)
        for deco in DECORATIONS:
            extent = deco.extent(ctx, node, box)
            if extent is not None:
                rect = rect.united(extent)
        return rect

    def take(self, node: Node, box: Box) -> None:
        """Take ``node``'s state at ``box``: what the decorations paint."""
        ctx = self.ctx
        self.node = node
        self.box = box
        self.role = role_of(box.depth)
        self.branch = ctx.document.branch.get(node, -1)
        self.geo = ctx.geometry(node, box)
        self.badge = ctx.badge(node)
        self.handle = handle_rect(ctx, node, box)

    def refresh(self) -> None:
        """Re-read fold and decision state (handle, roll-up, check, note) after a change
        that kept the box."""
        if self.node is not None and self.box is not None:
            self.bind(self.node, self.box)

    @property
    def badge_text(self) -> str:
        """What the fold handle shows ("" for a plain handle or none)."""
        return self.badge.text

    @property
    def badge_decided(self) -> bool:
        """Whether the handle shows a roll-up of checked nodes."""
        return self.badge.decided

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        self.paint_at(painter, lod)

    def paint_at(self, painter: QPainter, lod: float) -> None:
        """Paint the node (``painter`` in item coordinates) at level of detail ``lod``."""
        box = self.box
        if self.node is None or box is None:
            return
        ctx = self.ctx
        if ctx.focus is not None and ctx.is_dimmed(self.node):
            painter.setOpacity(painter.opacity() * DIM_OPACITY)
        if lod < OVERVIEW_ZOOM:
            fill = ctx.tint(self.branch) if self.role else ctx.colour(self.branch)
            painter.fillRect(QRectF(0, 0, box.w, box.h), fill)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for deco in DECORATIONS:
            deco.paint(painter, self, lod)


_State = tuple[Role, int, "Geometry | None", Badge, "QRectF | None"]
"""What a :class:`NodeStamp` keeps of what a node paints."""


class NodeStamp:
    """Paints nodes as their items paint them, with no item per node: one item outside
    any scene takes each node's state in turn (a printed page draws its nodes itself,
    without binding an item per node nor QGraphicsScene.render's cost per page).

    What a node covers and what it paints are read once, at their first use, and kept
    (``keep``): a stamp is for a picture that does not change while it is drawn. A picture
    drawn once, node after node (the SVG), keeps nothing. What a node covers is known
    without measuring its label: pages find their nodes before any is measured.
    """

    def __init__(self, ctx: RenderContext, *, keep: bool = True) -> None:
        self._item = NodeItem(ctx)
        self._keep = keep
        self._bounds: dict[Node, tuple[float, float, float, float]] = {}
        self._states: dict[Node, _State] = {}
        self._layout: Layout | None = None
        self._reach = 0.0

    def bounds(self, node: Node, box: Box) -> tuple[float, float, float, float]:
        """The scene rect ``(left, top, right, bottom)`` ``node``'s item would cover."""
        bounds = self._bounds.get(node)
        if bounds is None:
            rect = self._item.reach(node, box)
            x, y = box.x, box.y
            bounds = (rect.left() + x, rect.top() + y, rect.right() + x, rect.bottom() + y)
            if self._keep:
                self._bounds[node] = bounds
        return bounds

    def paint(self, painter: QPainter, node: Node, box: Box, lod: float) -> None:
        """Paint ``node`` at ``box`` (``painter`` in scene coordinates, left as it was)."""
        item = self._item
        state = self._states.get(node) if self._keep else None
        if state is None:
            item.take(node, box)
            if self._keep:
                self._states[node] = (item.role, item.branch, item.geo, item.badge, item.handle)
        else:
            item.node, item.box = node, box
            item.role, item.branch, item.geo, item.badge, item.handle = state
        painter.save()
        painter.translate(box.x, box.y)
        item.paint_at(painter, lod)
        painter.restore()

    def use(self, layout: Layout) -> float:
        """Paint the boxes of ``layout`` from now on (a new one: every node read again);
        answers how far any node's item reaches beyond its box."""
        if layout is not self._layout:
            self._layout = layout
            self._bounds.clear()
            self._states.clear()
            reach = 0.0
            bounds = self.bounds
            for node, box in layout.boxes.items():
                x0, y0, x1, y1 = bounds(node, box)
                reach = max(reach, box.x - x0, box.y - y0, x1 - box.x - box.w, y1 - box.y - box.h)
            self._reach = reach
        return self._reach


class EdgeLayer(QGraphicsItem):
    """Paints the edges that cross the exposed area (see :mod:`karar.ui.edges`).

    One item for all edges keeps the scene's index small; only the exposed part of the
    viewport is painted on a pan, thanks to ``ItemUsesExtendedStyleOption`` and to
    painting each rectangle of the exposed region on its own.
    """

    def __init__(self, paint_edges: Callable[[QPainter, QRectF, float], None]) -> None:
        super().__init__()
        self._paint_edges = paint_edges
        self._rect = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(-1)

    def set_rect(self, rect: QRectF) -> None:
        """Cover ``rect`` (the area edges may be drawn in)."""
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        exposed: QRectF = option.exposedRect.intersected(self._rect)
        if painter.hasClipping():
            # QGraphicsScene.render exposes the whole item to a PDF page whatever its
            # source rect: each poster page would stroke (and hold) every edge of the map.
            # Nothing outside the clip can show. A clip showing most of the item is left
            # alone: dense fans are sliced by the painted area, and the whole picture
            # stays drawn exactly as before.
            clip = painter.clipBoundingRect() & exposed
            if clip.width() * clip.height() < exposed.width() * exposed.height() / 2:
                exposed = clip
        # The exposed rectangle bounds the whole exposed region: on a pan step up, the new
        # strip at the top and the overview in the bottom corner make it the whole view.
        # Paint the region's rectangles one by one instead.
        for part in self._exposed_parts(painter, exposed):
            self._paint_edges(painter, part, lod)

    def _exposed_parts(self, painter: QPainter, exposed: QRectF) -> list[QRectF]:
        """The rectangles of the exposed region (the paint engine's system clip) in item
        coordinates; just ``exposed`` when there is one, or when they do not add up to it
        (painting into an image, or a device whose clip is kept otherwise)."""
        engine = painter.paintEngine()
        region = engine.systemClip() if engine is not None else None
        if region is None or region.rectCount() < 2:
            return [exposed]
        to_item, invertible = painter.deviceTransform().inverted()
        if not invertible:
            return [exposed]
        parts = [to_item.mapRect(QRectF(r)) for r in region]  # type: ignore[attr-defined]
        bounds = QRectF()
        for part in parts:
            bounds = bounds.united(part)
        bounds &= self._rect
        slack = 2.0 / max(QStyleOptionGraphicsItem.levelOfDetailFromTransform(to_item), 1e-6)
        if (
            abs(bounds.left() - exposed.left()) > slack
            or abs(bounds.top() - exposed.top()) > slack
            or abs(bounds.right() - exposed.right()) > slack
            or abs(bounds.bottom() - exposed.bottom()) > slack
        ):
            return [exposed]
        return [p for part in parts if not (p := part & exposed).isEmpty()]


__all__ = ["EdgeLayer", "NodeItem", "NodeStamp"]
