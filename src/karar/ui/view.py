"""The map view: zoom, pan, fit, keyboard navigation, and the overview minimap.

The view tells the scene what part of the map is on screen after every scroll, zoom and
resize (the scene binds items to just those nodes), compensates layout changes so the node
acted on stays put, and turns clicks and keys into document and selection changes.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from karar.core.layout import LayoutKind
from karar.core.model import Node
from karar.ui.scene import MapScene

MIN_ZOOM = 0.02
MAX_ZOOM = 4.0
#: the smallest zoom at which the map's ordinary labels (13 px) stay comfortably readable
READABLE_ZOOM = 0.8
#: levels are tried for the first view of a map until this many nodes would show
AUTO_LEVEL_NODES = 600
_MINIMAP_PIXEL_MODE = 5000  # above this many shown nodes the overview sets pixels
_WHEEL_STEP = 1.0018  # zoom factor per 1/8 degree of wheel turn (one notch: x1.24)


class MapView(QGraphicsView):
    """Shows a :class:`MapScene`; owns zoom, pan and keyboard navigation.

    Signals:
        zoom_changed(float): The zoom factor changed.
        first_frame_painted(): The first frame with a map on it was painted.
    """

    zoom_changed = Signal(float)
    first_frame_painted = Signal()

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.map_scene = scene
        self._painted = False
        self._pan_from: QPoint | None = None
        self._on_minimap = False
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # the overview shows where you are; scroll bars would only take room
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.minimap = Minimap(self)
        scene.relaid_out.connect(self._on_scene_relaid_out)
        scene.selection_changed.connect(self._on_scene_selection_changed)

    # ------------------------------------------------------------------ geometry

    @property
    def zoom(self) -> float:
        """The current scale (1.0: one scene unit per pixel)."""
        return self.transform().m11()

    def visible_scene_rect(self) -> QRectF:
        """The part of the scene on screen."""
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def center(self) -> QPointF:
        """The scene point at the centre of the viewport."""
        return self.visible_scene_rect().center()

    def _update_scene_rect(self) -> None:
        """Let the user scroll the map well past its edges (so the node acted on can stay
        put after a fold, and a small map can sit anywhere)."""
        rect = self.map_scene.sceneRect()
        vw = self.viewport().width() / max(self.zoom, 1e-6)
        vh = self.viewport().height() / max(self.zoom, 1e-6)
        self.setSceneRect(rect.adjusted(-vw * 0.8, -vh * 0.8, vw * 0.8, vh * 0.8))

    def _sync(self) -> None:
        self.map_scene.sync_viewport(self.visible_scene_rect(), self.zoom)
        self.minimap.update()

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom to ``zoom``, keeping scene point ``anchor`` (default: the centre) still."""
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        if abs(zoom - self.zoom) < 1e-9:
            return
        vp_anchor = (
            self.mapFromScene(anchor) if anchor is not None else self.viewport().rect().center()
        )
        scene_anchor = anchor if anchor is not None else self.center()
        self.resetTransform()
        self.scale(zoom, zoom)
        self._update_scene_rect()
        self._put(scene_anchor, QPointF(vp_anchor))
        self.zoom_changed.emit(zoom)
        self._sync()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Multiply the zoom by ``factor``."""
        self.set_zoom(self.zoom * factor, anchor)

    def _put(self, scene_point: QPointF, viewport_point: QPointF) -> None:
        """Scroll so that ``scene_point`` shows at ``viewport_point``."""
        now = self.mapFromScene(scene_point)
        dx = now.x() - viewport_point.x()
        dy = now.y() - viewport_point.y()
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + round(dx))
        v.setValue(v.value() + round(dy))

    def center_on(self, point: QPointF) -> None:
        """Scroll so ``point`` is in the middle of the viewport."""
        self._put(point, QPointF(self.viewport().rect().center()))

    def fit_rect(self, rect: QRectF, *, max_zoom: float = 1.0, min_zoom: float = MIN_ZOOM) -> None:
        """Zoom and scroll so ``rect`` fills the viewport (within the zoom limits)."""
        if rect.isEmpty():
            return
        vp = self.viewport().rect()
        margin = 24
        # Keep what is fitted clear of the overview in the bottom corner.
        reserve = (
            self.minimap.SIZE.height() + self.minimap.MARGIN if self.minimap.isVisible() else 0
        )
        zx = (vp.width() - 2 * margin) / rect.width()
        zy = (vp.height() - reserve - 2 * margin) / rect.height()
        zoom = max(min_zoom, min(max_zoom, zx, zy))
        self.resetTransform()
        self.scale(zoom, zoom)
        self._update_scene_rect()
        self.center_on(rect.center() + QPointF(0.0, reserve / 2 / zoom))
        self.zoom_changed.emit(zoom)
        self._sync()

    def fit_all(self) -> None:
        """Show the whole (visible) map."""
        layout = self.map_scene.layout
        if layout is not None:
            self.fit_rect(QRectF(*layout.bounds), max_zoom=1.0)

    @staticmethod
    def fit_floor(kind: LayoutKind, levels: int) -> float:
        """The least zoom at which :meth:`fit_readable` still shows a map of ``kind`` with
        ``levels`` levels below the root whole: a radial map down to 0.5 (the whole wheel
        is what makes it legible), a tree's first level down to 0.55 (one tall column),
        anything else only at :data:`READABLE_ZOOM`."""
        if kind is LayoutKind.RADIAL:
            return 0.5
        if kind is LayoutKind.TREE and levels <= 1:
            return 0.55
        return READABLE_ZOOM

    def fit_readable(self) -> None:
        """Show the whole map if it fits at the kind's :meth:`fit_floor`, else as much as
        fits readably around the root (centred on it, or at its side for a tree)."""
        layout = self.map_scene.layout
        if layout is None:
            return
        bounds = QRectF(*layout.bounds)
        deep = any(b.depth > 1 for b in layout.boxes.values())
        self.fit_rect(bounds, max_zoom=1.0, min_zoom=self.fit_floor(layout.kind, 1 + deep))
        if self.visible_scene_rect().contains(bounds):
            return
        self.set_zoom(max(self.zoom, READABLE_ZOOM))
        root = self.map_scene.document.root
        box = self.map_scene.box_rect(root) if root is not None else None
        if box is None:
            return
        vis = self.visible_scene_rect()
        x = bounds.center().x() if vis.width() >= bounds.width() else box.center().x()
        if self.map_scene.kind is LayoutKind.TREE and vis.width() < bounds.width():
            x = box.left() - 24 + vis.width() / 2
        self.center_on(QPointF(x, box.center().y()))

    def readable_level(self) -> int | None:
        """The deepest level whose layout fits the view whole at its kind's
        :meth:`fit_floor` (at least 1); None when the whole map fits."""
        scene = self.map_scene
        state = scene.document.map_state
        if state.root is None:
            return None
        vp = self.viewport().size()
        counts: dict[int, int] = {}
        for d in state.index.depth.values():
            counts[d] = counts.get(d, 0) + 1
        best = 1
        shown = counts.get(0, 0)
        for level in range(1, max(counts) + 1):
            shown += counts.get(level, 0)
            if shown > AUTO_LEVEL_NODES:
                return best
            layout = scene.layout_for(state.level_folds(level))
            if layout is None:
                return None
            _, _, w, h = layout.bounds
            zoom = min((vp.width() - 48) / w, (vp.height() - 48) / h)
            if zoom < self.fit_floor(scene.kind, level):
                return best
            best = level
        return None

    def show_first_view(self) -> None:
        """A map's first view: as many levels as fit readably (at least one), fitted. The
        folds it sets are not undo steps."""
        scene = self.map_scene
        doc = scene.document
        level = self.readable_level()
        animate, scene.animate = scene.animate, False
        try:
            with doc.untracked():
                if level is not None:
                    doc.show_levels(level)
                else:
                    doc.unfold_all()
        finally:
            scene.animate = animate
        self.fit_readable()

    def zoom_to_selection(self) -> None:
        """Zoom in on the selected node and its visible subtree."""
        node = self.map_scene.selected
        layout = self.map_scene.layout
        if node is None or layout is None or node not in layout.boxes:
            return
        rect = QRectF()
        boxes = layout.boxes
        for n in node.walk():
            b = boxes.get(n)
            if b is not None:
                rect = rect.united(QRectF(b.x, b.y, b.w, b.h))
        self.fit_rect(rect.adjusted(-20, -20, 20, 20), max_zoom=1.5)

    def ensure_node_visible(self, node: Node) -> None:
        """Scroll (not zoom) so ``node`` is on screen with a margin, and clear of the
        overview in the corner."""
        rect = self.map_scene.box_rect(node)
        if rect is None:
            return
        vis = self.visible_scene_rect()
        m = 48 / max(self.zoom, 1e-6)
        target = rect.adjusted(-m, -m, m, m)
        if not vis.contains(target):
            dx = dy = 0.0
            if target.width() > vis.width() or target.height() > vis.height():
                self.center_on(rect.center())
            else:
                if target.left() < vis.left():
                    dx = target.left() - vis.left()
                elif target.right() > vis.right():
                    dx = target.right() - vis.right()
                if target.top() < vis.top():
                    dy = target.top() - vis.top()
                elif target.bottom() > vis.bottom():
                    dy = target.bottom() - vis.bottom()
                self.center_on(vis.center() + QPointF(dx, dy))
        self._keep_clear_of_minimap(rect)

    def _keep_clear_of_minimap(self, rect: QRectF) -> None:
        """Scroll ``rect`` (scene) out from under the overview, the shorter way."""
        if not self.minimap.isVisible():
            return
        box = self.mapFromScene(rect).boundingRect()
        gap = 12
        under = QRect(self.minimap.rect()).adjusted(-gap, -gap, gap, gap)
        if not box.intersects(under):
            return
        up = box.bottom() - under.top()
        left = box.right() - under.left()
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        if up <= left and box.top() - up > 0:
            v.setValue(v.value() + up)
        else:
            h.setValue(h.value() + left)

    # ------------------------------------------------------------------ scene signals

    @Slot(object, float, float)
    def _on_scene_relaid_out(self, anchor: Node | None, dx: float, dy: float) -> None:
        self._update_scene_rect()
        if dx or dy:
            # the layout moved the node acted on: scroll by as much so it stays put
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() + round(dx * self.zoom))
            v.setValue(v.value() + round(dy * self.zoom))
        self._sync()
        self.minimap.invalidate()

    @Slot(object)
    def _on_scene_selection_changed(self, node: Node | None) -> None:
        if node is not None:
            self.ensure_node_visible(node)

    # ------------------------------------------------------------------ Qt overrides

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if self.minimap.isVisible():
            # the blit moved the overview along with the map: repaint where it was and is
            r = self.minimap.rect()
            self.viewport().update(r.united(r.translated(dx, dy)))
        self.map_scene.sync_viewport(self.visible_scene_rect(), self.zoom)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        if self.minimap.isVisible():
            painter.save()
            painter.resetTransform()
            self.minimap.paint(painter)
            painter.restore()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_scene_rect()
        self.minimap.place()
        self._sync()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted and self.map_scene.layout is not None:
            self._painted = True
            self.first_frame_painted.emit()

    def has_painted(self) -> bool:
        """Whether a frame with a map has been painted."""
        return self._painted

    def wheelEvent(self, event: QWheelEvent) -> None:
        pixel = event.pixelDelta()
        angle = event.angleDelta()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if ctrl or pixel.isNull():
            # a mouse wheel (or Ctrl + touchpad): zoom around the pointer
            steps = angle.y() or angle.x()
            if steps:
                self.zoom_by(_WHEEL_STEP**steps, self.mapToScene(event.position().toPoint()))
            event.accept()
            return
        super().wheelEvent(event)  # a touchpad scroll: pan

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture:
            gesture: QNativeGestureEvent = event  # type: ignore[assignment]
            if gesture.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom_by(1.0 + gesture.value(), self.mapToScene(gesture.position().toPoint()))
                return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if pinch is not None:
                self.zoom_by(pinch.scaleFactor(), self.mapToScene(pinch.centerPoint().toPoint()))
                return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus()
        pos = event.position().toPoint()
        if self.minimap.contains(pos):
            self._on_minimap = True
            self.minimap.move_view(pos)
            event.accept()
            return
        scene_pos = self.mapToScene(pos)
        boxed = self.map_scene.checkbox_at(scene_pos)
        if boxed is not None:
            # a click on a checkbox toggles it, and nothing else (no fold, no pan)
            self.map_scene.select(boxed)
            self.map_scene.document.toggle_checked(boxed)
            event.accept()
            return
        node, on_handle = self.map_scene.hit(scene_pos)
        if node is not None and on_handle:
            self.map_scene.select(node)
            self._toggle_fold(node)
        elif node is not None:
            self.map_scene.select(node)
        else:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._on_minimap:
            self.minimap.move_view(pos)
            event.accept()
            return
        if self._pan_from is not None:
            delta = pos - self._pan_from
            self._pan_from = pos
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() - delta.x())
            v.setValue(v.value() - delta.y())
            event.accept()
            return
        scene_pos = self.mapToScene(pos)
        _, on_handle = self.map_scene.hit(scene_pos)
        pointing = on_handle or self.map_scene.checkbox_at(scene_pos) is not None
        self.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if pointing else Qt.CursorShape.ArrowCursor
        )
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._on_minimap = False
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _toggle_fold(self, node: Node) -> None:
        """Fold or unfold ``node``, except in a view where folds do not apply."""
        if self.map_scene.filter.folds_apply:
            self.map_scene.document.toggle_fold(node)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            scene_pos = self.mapToScene(event.position().toPoint())
            boxed = self.map_scene.checkbox_at(scene_pos)
            if boxed is not None:
                # the second click of a fast pair arrives as a double click: it toggles too
                self.map_scene.document.toggle_checked(boxed)
                event.accept()
                return
            node, on_handle = self.map_scene.hit(scene_pos)
            if node is not None and not on_handle:
                self._toggle_fold(node)
                event.accept()
                return
            if node is not None:
                # the first click of the pair already toggled: a fast second toggles back
                self._toggle_fold(node)
                event.accept()
                return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.NoModifier:
            moves = {
                Qt.Key.Key_Left: self.go_left,
                Qt.Key.Key_Right: self.go_right,
                Qt.Key.Key_Up: self.go_up,
                Qt.Key.Key_Down: self.go_down,
                Qt.Key.Key_Home: self.go_root,
                Qt.Key.Key_Space: self.toggle_selected,
                Qt.Key.Key_Return: self.map_scene.toggle_selected_checked,
                Qt.Key.Key_Enter: self.map_scene.toggle_selected_checked,
            }
            action = moves.get(Qt.Key(key))
            if action is not None:
                action()
                event.accept()
                return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ navigation

    def _current(self) -> Node | None:
        scene = self.map_scene
        if scene.selected is not None:
            return scene.selected
        return scene.document.root

    def _side(self, node: Node) -> int:
        layout = self.map_scene.layout
        if layout is None or node not in layout.boxes:
            return 1
        return layout.boxes[node].side

    def _visible_children(self, node: Node, side: int | None = None) -> list[Node]:
        layout = self.map_scene.layout
        if layout is None or self.map_scene.document.is_folded(node):
            return []
        boxes = layout.boxes
        kids = [c for c in node.children if c in boxes]
        if side is not None:
            kids = [c for c in kids if boxes[c].side == side or boxes[c].side == 0]
        return kids

    def _go_child(self, node: Node, side: int) -> None:
        doc = self.map_scene.document
        if doc.is_folded(node) and self.map_scene.filter.folds_apply:
            doc.set_folded(node, False)
            return
        kids = self._visible_children(node, side if node.parent is None else None)
        if not kids:
            return
        # the child nearest the node's vertical centre, so a long list starts where you look
        layout = self.map_scene.layout
        assert layout is not None
        cy = layout.boxes[node].cy
        self.select(min(kids, key=lambda c: abs(layout.boxes[c].cy - cy)))

    def go_left(self) -> None:
        """Move to the parent (right side) or a child (left side)."""
        node = self._current()
        if node is None:
            return
        side = self._side(node)
        if side > 0 and node.parent is not None:
            self.select(node.parent)
        else:
            self._go_child(node, -1)

    def go_right(self) -> None:
        """Move to a child (right side) or the parent (left side)."""
        node = self._current()
        if node is None:
            return
        side = self._side(node)
        if side < 0 and node.parent is not None:
            self.select(node.parent)
        else:
            self._go_child(node, 1)

    def _step(self, delta: int) -> None:
        node = self._current()
        layout = self.map_scene.layout
        if node is None or layout is None or node.parent is None:
            return
        boxes = layout.boxes
        # siblings in map order: each side lists its branches top to bottom, so first-level
        # branches are walked across both sides of a mind map
        sibs = [c for c in node.parent.children if c in boxes]
        i = sibs.index(node) + delta
        if 0 <= i < len(sibs):
            self.select(sibs[i])
            return
        # past the first/last sibling: the nearest node of the same depth on the same side
        b = boxes[node]
        same = [
            n
            for n in layout.order
            if boxes[n].depth == b.depth
            and boxes[n].side == b.side
            and (boxes[n].y > b.y if delta > 0 else boxes[n].y < b.y)
        ]
        if same:
            self.select(min(same, key=lambda n: abs(boxes[n].y - b.y)))

    def go_up(self) -> None:
        """Move to the previous sibling (or the nearest node above at that depth)."""
        self._step(-1)

    def go_down(self) -> None:
        """Move to the next sibling (or the nearest node below at that depth)."""
        self._step(1)

    def go_root(self) -> None:
        """Select the root."""
        root = self.map_scene.document.root
        if root is not None:
            self.select(root)

    def select(self, node: Node) -> None:
        """Select ``node`` and bring it into view."""
        self.map_scene.select(node)
        self.ensure_node_visible(node)

    def toggle_selected(self) -> None:
        """Fold or unfold the selected node."""
        node = self._current()
        if node is not None:
            if self.map_scene.selected is None:
                self.map_scene.select(node)
            self._toggle_fold(node)


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
