"""The map view: zoom, pan, fit, clicks, and where the keyboard moves
(:mod:`karar.ui.navigation`) and the overview (:mod:`karar.ui.minimap`) attach.

The view tells the scene what part of the map is on screen after every scroll, zoom and
resize (the scene binds items to just those nodes), compensates layout changes so the node
acted on stays put, and turns clicks and keys into document and selection changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QVariantAnimation,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QContextMenuEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QMenu, QWidget

from karar.core.layout import LayoutKind
from karar.core.model import Node
from karar.ui.minimap import Minimap
from karar.ui.navigation import Navigator
from karar.ui.scene import MapScene

MIN_ZOOM = 0.02
MAX_ZOOM = 4.0
#: the smallest zoom at which the map's ordinary labels (13 px) stay comfortably readable
READABLE_ZOOM = 0.8
#: levels are tried for the first view of a map until this many nodes would show
AUTO_LEVEL_NODES = 600
_WHEEL_STEP = 1.0018  # zoom factor per 1/8 degree of wheel turn (one notch: x1.24)
#: how long the view takes to glide to a presentation step (zoom and centre together)
GLIDE_MS = 320


class MapView(QGraphicsView):
    """Shows a :class:`MapScene`; owns zoom, pan and keyboard navigation.

    Signals:
        zoom_changed(float): The zoom factor changed.
        first_frame_painted(): The first frame with a map on it was painted.
        glide_finished(): A glide (:meth:`glide_to`) reached its target.
    """

    zoom_changed = Signal(float)
    first_frame_painted = Signal()
    glide_finished = Signal()

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.map_scene = scene
        self._painted = False
        self._pan_from: QPoint | None = None
        self._on_minimap = False
        #: the node's context menu while it is open (None otherwise)
        self.context_menu: QMenu | None = None
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
        self.navigator = Navigator(self)
        self._glide = QVariantAnimation(self)
        self._glide.setStartValue(0.0)
        self._glide.setEndValue(1.0)
        self._glide.setDuration(GLIDE_MS)
        self._glide.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._glide.valueChanged.connect(self._on_glide_value_changed)
        self._glide.finished.connect(self._on_glide_finished)
        self._glide_from = (1.0, QPointF())
        self._glide_to = (1.0, QPointF())
        #: frames drawn by glides so far (tests count them instead of timing)
        self.glide_frames = 0
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

    def show_at(self, zoom: float, center: QPointF) -> None:
        """Show scene point ``center`` in the middle of the viewport at ``zoom``."""
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        changed = abs(zoom - self.zoom) > 1e-9
        if changed:
            self.resetTransform()
            self.scale(zoom, zoom)
            self._update_scene_rect()
        self.center_on(center)
        if changed:
            self.zoom_changed.emit(zoom)
        self._sync()

    def glide_to(self, zoom: float, center: QPointF, *, animate: bool = True) -> None:
        """Move to ``zoom`` and ``center`` in one glide of :data:`GLIDE_MS`: zoom and
        centre are interpolated together (the zoom geometrically, so it feels even),
        never one after the other. Without ``animate`` (or with nothing to move) the view
        is there at once."""
        self._glide.stop()
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        start = (self.zoom, self.center())
        self._glide_from, self._glide_to = start, (zoom, QPointF(center))
        near = abs(zoom / start[0] - 1) < 1e-3 and (
            (start[1] - center).manhattanLength() * zoom < 1.0
        )
        if not animate or near:
            self.show_at(zoom, center)
            self.glide_finished.emit()
            return
        self._glide.start()

    def is_gliding(self) -> bool:
        """Whether a glide is under way."""
        return self._glide.state() == QVariantAnimation.State.Running

    def glide_duration(self) -> int:
        """How long a glide takes, in milliseconds."""
        return self._glide.duration()

    def finish_glide(self) -> None:
        """Jump to where the glide under way is going."""
        if self.is_gliding():
            self._glide.stop()
            self._on_glide_finished()

    @Slot(object)
    def _on_glide_value_changed(self, value: float) -> None:
        t = float(value)
        (z0, c0), (z1, c1) = self._glide_from, self._glide_to
        self.glide_frames += 1
        self.show_at(z0 * (z1 / z0) ** t, c0 + (c1 - c0) * t)

    @Slot()
    def _on_glide_finished(self) -> None:
        zoom, center = self._glide_to
        self.show_at(zoom, center)
        self.glide_finished.emit()

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
            self.toggle_fold(node)
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

    def toggle_fold(self, node: Node) -> None:
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
                self.toggle_fold(node)
                event.accept()
                return
            if node is not None:
                # the first click of the pair already toggled: a fast second toggles back
                self.toggle_fold(node)
                event.accept()
                return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            node, _ = self.map_scene.hit(self.mapToScene(event.pos()))
            if node is None:
                event.ignore()
                return
            self.map_scene.select(node)
            self.show_node_menu(node, event.globalPos())
        else:
            self.open_node_menu()
        event.accept()

    @Slot()
    def open_node_menu(self) -> None:
        """Open the selected node's context menu (the root's if none is selected) under
        it, as the Menu key and Shift+F10 do."""
        scene = self.map_scene
        node = scene.selected or scene.document.root
        if node is None:
            return
        scene.select(node)
        rect = scene.box_rect(node)
        if rect is None:
            return
        self.ensure_node_visible(node)
        at = self.mapFromScene(rect.bottomLeft()) + QPoint(4, 2)
        self.show_node_menu(node, self.viewport().mapToGlobal(at))

    def show_node_menu(self, node: Node, global_pos: QPoint) -> QMenu:
        """Pop up ``node``'s context menu at ``global_pos`` (it deletes itself when
        closed)."""
        if self.context_menu is not None:
            self.context_menu.close()
        from karar.ui.nodemenu import node_menu  # its first use: not on the start path

        menu = node_menu(
            self, self.map_scene.document, node, folds_apply=self.map_scene.filter.folds_apply
        )
        self.context_menu = menu
        menu.aboutToHide.connect(self._on_context_menu_about_to_hide)
        menu.popup(global_pos)
        return menu

    @Slot()
    def _on_context_menu_about_to_hide(self) -> None:
        menu, self.context_menu = self.context_menu, None
        if menu is not None:
            menu.deleteLater()  # after the chosen item's slot has run

    def view_state(self) -> dict[str, Any]:
        """Layout, zoom, centre and selection, as a project file keeps them."""
        scene = self.map_scene
        center = self.center()
        state: dict[str, Any] = {
            "layout": scene.kind.value,
            "zoom": round(self.zoom, 4),
            "center": [round(center.x(), 1), round(center.y(), 1)],
        }
        if scene.selected is not None:
            state["selected"] = list(scene.document.path_of(scene.selected))
        return state

    def select_path(self, path: object) -> None:
        """Select the node at a project path, unfolding what hides it (as navigation:
        no undo step); nothing happens when the map has no such node."""
        if not isinstance(path, list | tuple):
            return
        doc = self.map_scene.document
        node = doc.node_at(str(p) for p in path)
        if node is None:
            return
        if not doc.is_visible(node):
            doc.reveal(node)
        self.map_scene.select(node)

    def select(self, node: Node) -> None:
        """Select ``node`` and bring it into view."""
        self.map_scene.select(node)
        self.ensure_node_visible(node)
