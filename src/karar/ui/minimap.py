"""The overview in the corner of the map view: the whole map as coloured boxes and the
visible area as a frame; a click or drag there moves the view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap

if TYPE_CHECKING:
    from karar.ui.view import MapView

_MINIMAP_PIXEL_MODE = 5000  # above this many shown nodes the overview sets pixels


class Minimap(QObject):
    """An overview of the whole map in the bottom-right corner of the view: the map as
    coloured boxes and the visible area as a frame. Click or drag on it to move the view.

    It is painted by the view itself (in :meth:`MapView.drawForeground`), not as a child
    widget: a widget over the viewport stops Qt from scrolling the viewport by blitting,
    which made every 40 px pan step a full repaint (6–13 ms instead of 2–3 ms).
    """

    SIZE = QSize(180, 120)
    MARGIN = 10
    OPACITY = 0.88  # the map under the overview still shows through a little

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self._view = view
        self._visible = True
        self._pixmap: QPixmap | None = None
        self._has_map = False  # whether the pixmap shows a map (not an empty start-up one)
        self._scale = 1.0
        self._origin = QPointF()
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(150)
        self._refresh.timeout.connect(self._on_refresh_timeout)

    def isVisible(self) -> bool:
        """Whether the overview is shown."""
        return self._visible

    def setVisible(self, visible: bool) -> None:
        """Show or hide the overview."""
        if visible != self._visible:
            self._visible = visible
            self._view.viewport().update(self.rect())

    def rect(self) -> QRect:
        """Where the overview sits, in viewport coordinates."""
        vp = self._view.viewport().rect()
        size = self.SIZE
        return QRect(
            vp.right() - size.width() - self.MARGIN,
            vp.bottom() - size.height() - self.MARGIN,
            size.width(),
            size.height(),
        )

    def contains(self, pos: QPoint) -> bool:
        """Whether viewport point ``pos`` is on the (visible) overview."""
        return self._visible and self.rect().contains(pos)

    def update(self) -> None:
        """Repaint the overview (its frame moved)."""
        if self._visible:
            self._view.viewport().update(self.rect())

    def place(self) -> None:
        """The viewport was resized: the overview moved with its corner."""
        self._view.viewport().update()

    def invalidate(self) -> None:
        """The map changed: redraw the overview soon (not in the frame of the change: a
        fold's first frame should not wait for it)."""
        if self._pixmap is None or not self._has_map:
            self._pixmap = None  # nothing worth keeping on screen meanwhile
            self.update()
        else:
            self._refresh.start()

    @Slot()
    def _on_refresh_timeout(self) -> None:
        self._pixmap = None
        self.update()

    def _render(self) -> QPixmap:
        scene = self._view.map_scene
        size = self.SIZE
        ratio = self._view.devicePixelRatioF()
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        theme = scene.theme
        pixmap.fill(QColor(theme.background))
        layout = scene.layout
        self._has_map = layout is not None
        if layout is None:
            return pixmap
        x, y, w, h = layout.bounds
        pad = 8
        s = min((size.width() - 2 * pad) / max(w, 1), (size.height() - 2 * pad) / max(h, 1))
        self._scale = s
        self._origin = QPointF(x - (size.width() / s - w) / 2, y - (size.height() / s - h) / 2)
        branch = scene.document.branch
        if len(layout.boxes) > _MINIMAP_PIXEL_MODE:
            self._render_pixels(pixmap, s)
            return pixmap
        painter = QPainter(pixmap)
        painter.scale(s, s)
        painter.translate(-self._origin)
        painter.setPen(Qt.PenStyle.NoPen)
        groups: dict[int, list[QRectF]] = {}
        least = 2 / s
        for node, b in layout.boxes.items():
            groups.setdefault(branch.get(node, -1), []).append(
                QRectF(b.x, b.y, max(b.w, least), max(b.h, least))
            )
        for br, rects in groups.items():
            painter.setBrush(scene.ctx.colour(br) if br >= 0 else theme.root_fill)
            painter.drawRects(rects)
        painter.end()
        return pixmap

    def _render_pixels(self, pixmap: QPixmap, s: float) -> None:
        """A huge map: one pass sets the pixels its boxes cover (a QRectF per node would
        take 300 ms at 100,000 nodes)."""
        scene = self._view.map_scene
        layout = scene.layout
        assert layout is not None
        w, h = self.SIZE.width(), self.SIZE.height()
        ox, oy = self._origin.x(), self._origin.y()
        branch = scene.document.branch
        pixels: dict[int, int] = {}
        for node, b in layout.boxes.items():
            iy = int((b.y + b.h / 2 - oy) * s)
            if not 0 <= iy < h:
                continue
            br = branch.get(node, -1)
            row = iy * w
            for ix in range(max(0, int((b.x - ox) * s)), min(w, int((b.x + b.w - ox) * s) + 1)):
                pixels[row + ix] = br
        by_branch: dict[int, list[QPoint]] = {}
        for index, br in pixels.items():
            by_branch.setdefault(br, []).append(QPoint(index % w, index // w))
        painter = QPainter(pixmap)
        for br, points in by_branch.items():
            colour = scene.ctx.colour(br) if br >= 0 else scene.theme.root_fill
            painter.setPen(QPen(colour, 1))
            painter.drawPoints(points)
        painter.end()

    def paint(self, painter: QPainter) -> None:
        """Draw the overview (``painter`` in viewport coordinates)."""
        if not self._visible:
            return
        if self._pixmap is None:
            self._pixmap = self._render()
        rect = self.rect()
        theme = self._view.map_scene.theme
        painter.setOpacity(self.OPACITY)
        painter.drawPixmap(rect.topLeft(), self._pixmap)
        painter.setOpacity(1.0)
        painter.setPen(QPen(theme.muted, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5))
        if self._view.map_scene.layout is None:
            return
        vis = self._view.visible_scene_rect()
        s = self._scale
        frame = QRectF(
            rect.x() + (vis.x() - self._origin.x()) * s,
            rect.y() + (vis.y() - self._origin.y()) * s,
            vis.width() * s,
            vis.height() * s,
        ).intersected(QRectF(rect).adjusted(1, 1, -1, -1))
        painter.setPen(QPen(theme.selection, 1.5))
        painter.drawRect(frame)

    def move_view(self, pos: QPoint) -> None:
        """Centre the view on the map point under viewport point ``pos``."""
        rect = self.rect()
        s = self._scale or 1.0
        self._view.center_on(
            QPointF(
                (pos.x() - rect.x()) / s + self._origin.x(),
                (pos.y() - rect.y()) / s + self._origin.y(),
            )
        )
