"""The virtualised map scene: items only for nodes near the viewport.

With an item for every node, a fold in the middle of a 10,000-node map cost 150–250 ms and
clearing 100,000 items took 12 s. So the scene keeps a small pool of :class:`NodeItem`
objects and binds them to the nodes the layout's grid reports in (or near) the viewport; one
:class:`EdgeLayer` paints the edges crossing the exposed area. The scene mirrors
:class:`MapDocument`: a fold is a new layout, the node acted on stays put (the view scrolls
by what the layout moved it) and, if enabled, items glide from old to new places.

Decisions are mirrored without a new layout: checking a node repaints it and re-binds the
visible items of its ancestors (their roll-up pills). The "decisions only" view is a layout
of the checked nodes and their ancestors, with folds ignored.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QObject,
    QPointF,
    QRectF,
    Qt,
    QVariantAnimation,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView, QWidget

from karar.core.layout import Layout, LayoutKind, Spacing, compute_layout
from karar.core.model import Node
from karar.ui.document import MapDocument
from karar.ui.items import (
    OVERVIEW_ZOOM,
    EdgeLayer,
    NodeItem,
    RenderContext,
    check_rect,
    clip_cubic,
    cubic,
    handle_rect,
)
from karar.ui.measure import Measurer, Role
from karar.ui.sceneparts import FanIndex, Motion, no_gc
from karar.ui.theme import Theme

SPACING = Spacing(sibling_gap=8.0, subtree_gap=16.0, level_gap=64.0)
ANIMATION_MS = 220
#: viewport fraction added on every side of the area that gets items, so small pans
#: never need new ones
_MARGIN = 0.35
EMPTY_DECISIONS_HINT = "No decisions yet — tick a node’s box to choose it"


class _CheckboxClicks(QObject):
    """Catches left clicks on a node's checkbox in a view's viewport, before the view's own
    handling (which would select, fold on a double click, or start a pan): a click there
    toggles the check, and nothing else happens. Also shows a pointing hand over a box."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__(scene)
        self._scene = scene

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.MouseMove,
        ):
            return False
        view = watched.parent()
        if not isinstance(view, QGraphicsView) or not isinstance(watched, QWidget):
            return False
        mouse: QMouseEvent = event  # type: ignore[assignment]
        scene = self._scene
        if kind == QEvent.Type.MouseMove:
            if mouse.buttons() != Qt.MouseButton.NoButton:
                return False  # a pan or a drag on the overview
            if scene.checkbox_at(view.mapToScene(mouse.position().toPoint())) is None:
                return False
            watched.setCursor(Qt.CursorShape.PointingHandCursor)
            return True
        if mouse.button() != Qt.MouseButton.LeftButton:
            return False
        node = scene.checkbox_at(view.mapToScene(mouse.position().toPoint()))
        if node is None:
            return False
        # the second click of a fast pair arrives as a double click: it toggles again
        view.setFocus()
        scene.select(node)
        scene.document.toggle_checked(node)
        return True


HUGE_FAN = 400
"""A parent with more children than this draws only the edges of children near the view."""


class MapScene(QGraphicsScene):
    """Mirrors a :class:`MapDocument` as a laid-out, virtualised, animated scene.

    Signals:
        relaid_out(object, float, float): A new layout is in place; the node acted on (or
            None) moved by (dx, dy) scene units — the view scrolls by as much so it stays put.
        selection_changed(object): The selected node (or None) changed.
        decisions_only_changed(bool): The "decisions only" view was switched on or off.
    """

    relaid_out = Signal(object, float, float)
    selection_changed = Signal(object)
    decisions_only_changed = Signal(bool)

    def __init__(
        self,
        document: MapDocument,
        theme: Theme,
        measurer: Measurer | None = None,
        kind: LayoutKind = LayoutKind.MINDMAP,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.measurer = measurer or Measurer()
        self.ctx = RenderContext(document, theme, self.measurer)
        self.ctx.kind = kind
        self.layout: Layout | None = None
        self.animate = True
        self._live: dict[Node, NodeItem] = {}
        self._free: list[NodeItem] = []
        self._covered = QRectF()
        self._view_rect = QRectF()
        self._lod = 1.0
        self._fans: FanIndex | None = None
        self._sizes: dict[Node, tuple[float, float]] = {}
        self._motion: Motion | None = None
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setDuration(ANIMATION_MS)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._on_animation_value_changed)
        self._animation.finished.connect(self._on_animation_finished)
        self._edges = EdgeLayer(self.paint_edges)
        self.addItem(self._edges)
        #: the nodes the decisions-only view shows (None: the view is off)
        self._shown: set[Node] | None = None
        self._hint = QGraphicsSimpleTextItem(EMPTY_DECISIONS_HINT)
        self._hint.setFont(self.measurer.fonts[Role.BRANCH][0])
        self._hint.setBrush(QBrush(theme.muted))
        self._hint.setVisible(False)
        self.addItem(self._hint)
        self._clicks = _CheckboxClicks(self)
        self._watched: list[QWidget] = []
        self.setBackgroundBrush(theme.background)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        document.map_replaced.connect(self._on_document_map_replaced)
        document.folds_changed.connect(self._on_document_folds_changed)
        document.decisions_changed.connect(self._on_document_decisions_changed)

    # ------------------------------------------------------------------ state

    @property
    def kind(self) -> LayoutKind:
        """How the map is arranged."""
        return self.ctx.kind

    @property
    def theme(self) -> Theme:
        """The current theme."""
        return self.ctx.theme

    @property
    def selected(self) -> Node | None:
        """The selected node, or None."""
        return self.ctx.selected

    def live_items(self) -> dict[Node, NodeItem]:
        """The items currently bound to nodes (near the viewport)."""
        return self._live

    def set_kind(self, kind: LayoutKind) -> None:
        """Arrange the map as ``kind`` (no animation: everything moves)."""
        if kind == self.ctx.kind:
            return
        self.ctx.kind = LayoutKind(kind)
        self.relayout(self.selected, animate=False)

    def set_theme(self, theme: Theme) -> None:
        """Repaint everything in ``theme``."""
        self.ctx.set_theme(theme)
        self.setBackgroundBrush(theme.background)
        self._hint.setBrush(QBrush(theme.muted))
        self.update()

    @property
    def decisions_only(self) -> bool:
        """Whether only checked nodes and their ancestors are shown."""
        return self.ctx.decisions_only

    def set_decisions_only(self, on: bool) -> None:
        """Show only the checked nodes and their ancestors (the root always), every one
        of them whatever is folded; or the whole map again. Emits
        :attr:`decisions_only_changed` when it changes."""
        if on == self.ctx.decisions_only:
            return
        root = self.document.root
        self.ctx.decisions_only = on
        self._shown = self._decided_tree() if on else None
        anchor = self.selected
        if anchor is None or (self._shown is not None and anchor not in self._shown):
            anchor = root
        self.relayout(anchor, animate=None)
        self.decisions_only_changed.emit(on)

    def _decided_tree(self) -> set[Node]:
        """The root, every checked node and every ancestor of one."""
        root = self.document.root
        shown: set[Node] = set() if root is None else {root}
        for node in self.document.checked_nodes():
            n: Node | None = node
            while n is not None and n not in shown:
                shown.add(n)
                n = n.parent
        return shown

    def _hidden(self) -> frozenset[Node]:
        """The tops of the subtrees the decisions-only view leaves out."""
        shown = self._shown
        if shown is None:
            return frozenset()
        return frozenset(c for n in shown for c in n.children if c not in shown)

    def size_of(self, node: Node) -> tuple[float, float]:
        """The measured box of ``node`` (the layout's ``size_of``), cached per node."""
        size = self._sizes.get(node)
        if size is None:
            size = self._sizes[node] = self.measurer.size(node, self.document.depth[node])
        return size

    # ------------------------------------------------------------------ layout

    @Slot()
    def _on_document_map_replaced(self) -> None:
        self._stop_animation()
        self._sizes = {}
        if self._shown is not None:
            self._shown = self._decided_tree()
        for item in self._live.values():
            self._release(item)
        self._live.clear()
        self.ctx.selected = None
        self.ctx.matches = set()
        self.ctx.current_match = None
        self.ctx.hiding_matches = set()
        self.layout = None
        self.relayout(None, animate=False)
        self.selection_changed.emit(None)

    @Slot(object)
    def _on_document_folds_changed(self, anchor: Node | None) -> None:
        if self.ctx.decisions_only:
            return  # folds do not apply to the decisions-only view; they are kept for later
        self.relayout(anchor, animate=None)

    @Slot(object)
    def _on_document_decisions_changed(self, nodes: list[Node] | None) -> None:
        if self._shown is not None:
            shown = self._decided_tree()
            if shown != self._shown:
                self._shown = shown
                anchor = None
                for node in nodes or ():
                    anchor = next((a for a in (node, *node.ancestors()) if a in shown), None)
                    break
                self.relayout(anchor, animate=None)
                return
        live = self._live
        if nodes is None:
            for item in live.values():
                item.refresh()
        else:
            # a check changes the roll-ups of every ancestor: re-bind the visible ones
            seen: set[Node] = set()
            for node in nodes:
                n: Node | None = node
                while n is not None and n not in seen:
                    seen.add(n)
                    bound = live.get(n)
                    if bound is not None:
                        bound.refresh()
                    n = n.parent
        if self._lod < OVERVIEW_ZOOM:
            self._edges.update()

    def relayout(self, anchor: Node | None = None, *, animate: bool | None = None) -> None:
        """Lay the visible tree out again and re-bind items; keep ``anchor`` still."""
        # A layout allocates a few objects per node and frees none; on a 100,000-node map
        # the cyclic collector would walk the whole heap several times meanwhile.
        with no_gc():
            self._relayout(anchor, animate)

    def _relayout(self, anchor: Node | None, animate: bool | None) -> None:
        self._stop_animation()
        root = self.document.root
        old = self.layout
        old_live = list(self._live)
        if root is None:
            self.layout = None
            for item in self._live.values():
                self._release(item)
            self._live.clear()
            self.setSceneRect(QRectF())
            self._edges.set_rect(QRectF())
            self.relaid_out.emit(None, 0.0, 0.0)
            return
        new = compute_layout(
            root, self.size_of, self.ctx.kind, self.ctx.folded, SPACING, self._hidden()
        )
        self.layout = new
        self._fans = None
        self._place_hint(new)
        if self.ctx.selected is not None and self.ctx.selected not in new.boxes:
            # the selection folded away: select its nearest visible ancestor
            self.ctx.selected = next(
                (a for a in self.ctx.selected.ancestors() if a in new.boxes), root
            )
            self.selection_changed.emit(self.ctx.selected)
        x, y, w, h = new.bounds
        bounds = QRectF(x, y, w, h)
        self.setSceneRect(bounds.adjusted(-40, -40, 40, 40))
        self._edges.set_rect(bounds.adjusted(-80, -80, 80, 80))
        dx = dy = 0.0
        if old is not None and anchor is not None and anchor in old.boxes and anchor in new.boxes:
            a, b = old.boxes[anchor], new.boxes[anchor]
            dx, dy = b.x - a.x, b.y - a.y
        self._covered = QRectF()
        self.relaid_out.emit(anchor, dx, dy)  # the view scrolls, then calls sync_viewport
        self._sync(force=True)
        self._edges.update()
        if animate is None:
            animate = self.animate
        if animate and old is not None and not self._view_rect.isEmpty():
            self._start_animation(old, new, (dx, dy), old_live)

    def _place_hint(self, layout: Layout) -> None:
        """Show the "no decisions yet" hint under the root when the decisions-only view
        has nothing but the root to show."""
        hint = self._hint
        root = self.document.root
        empty = self._shown is not None and len(layout.boxes) == 1 and root is not None
        hint.setVisible(empty)
        if empty and root is not None:
            b = layout.boxes[root]
            r = hint.boundingRect()
            hint.setPos(b.cx - r.width() / 2, b.bottom + 28)

    def hint_text(self) -> str:
        """The hint shown on the canvas ("" when none is shown)."""
        return self._hint.text() if self._hint.isVisible() else ""

    # ------------------------------------------------------------------ viewport

    def sync_viewport(self, rect: QRectF, lod: float) -> None:
        """Called by the view whenever it scrolls, zooms or resizes."""
        if len(self._watched) != len(self.views()):
            self._watch_views()
        self._view_rect = QRectF(rect)
        was_overview = self._lod < OVERVIEW_ZOOM
        self._lod = lod
        if was_overview != (lod < OVERVIEW_ZOOM):
            self._covered = QRectF()
            self._edges.update()
        self._sync(force=False)

    def _sync(self, *, force: bool) -> None:
        layout = self.layout
        rect = self._view_rect
        if layout is None or rect.isEmpty():
            return
        if self._lod < OVERVIEW_ZOOM:
            # far out: the edge layer paints bare boxes; items would only cost time
            for item in self._live.values():
                self._release(item)
            self._live.clear()
            return
        if not force and self._covered.contains(rect):
            return
        mx, my = rect.width() * _MARGIN, rect.height() * _MARGIN
        cov = rect.adjusted(-mx, -my, mx, my)
        self._covered = cov
        nodes = layout.visible_in(cov.x(), cov.y(), cov.width(), cov.height())
        boxes = layout.boxes
        live = self._live
        wanted = set(nodes)
        for node in [n for n in live if n not in wanted]:
            self._release(live.pop(node))
        for node in nodes:
            item = live.get(node)
            if item is None:
                item = live[node] = self._acquire()
                item.bind(node, boxes[node])
            elif force:
                item.bind(node, boxes[node])

    def _watch_views(self) -> None:
        """Catch clicks on checkboxes in every view showing the scene (the view hit-tests
        clicks itself and passes no left click on; see :class:`_CheckboxClicks`)."""
        for view in self.views():
            viewport = view.viewport()
            if not any(viewport is w for w in self._watched):
                viewport.installEventFilter(self._clicks)
                self._watched.append(viewport)

    def _acquire(self) -> NodeItem:
        if self._free:
            item = self._free.pop()
            item.setVisible(True)
            item.setOpacity(1.0)
            return item
        item = NodeItem(self.ctx)
        self.addItem(item)
        return item

    def _release(self, item: NodeItem) -> None:
        item.setVisible(False)
        item.node = None
        self._free.append(item)

    # ------------------------------------------------------------------ animation

    def _start_animation(
        self, old: Layout, new: Layout, shift: tuple[float, float], old_live: list[Node]
    ) -> None:
        sx, sy = shift
        motion = Motion(old, new, shift)
        ob, nb = old.boxes, new.boxes
        for node in self._live:
            end = nb[node]
            start = ob.get(node)
            fade = 0
            if start is None:
                fade = 1
                start = next((ob[a] for a in node.ancestors() if a in ob), None)
                if start is None:
                    continue
            if (
                start is ob.get(node)
                and abs(start.x + sx - end.x) < 0.5
                and abs(start.y + sy - end.y) < 0.5
            ):
                continue
            motion.paths[node] = (start.x + sx, start.y + sy, end.x, end.y, fade)
        for node in old_live:
            if node in nb or node not in ob:
                continue
            target = next((nb[a] for a in node.ancestors() if a in nb), None)
            if target is None:
                continue
            start = ob[node]
            item = self._acquire()
            item.bind(node, start)
            motion.ghosts[node] = item
            motion.paths[node] = (start.x + sx, start.y + sy, target.x, target.y, -1)
        if not motion.paths:
            return
        self._motion = motion
        self._apply_motion(0.0)
        self._animation.start()

    def _apply_motion(self, t: float) -> None:
        motion = self._motion
        if motion is None:
            return
        motion.t = t
        for node, (x0, y0, x1, y1, fade) in motion.paths.items():
            item = motion.ghosts.get(node) or self._live.get(node)
            if item is None:
                continue
            item.setPos(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
            if fade > 0:
                item.setOpacity(t)
            elif fade < 0:
                item.setOpacity(1.0 - t)
        self._edges.update()

    @Slot(object)
    def _on_animation_value_changed(self, value: float) -> None:
        self._apply_motion(float(value))

    @Slot()
    def _on_animation_finished(self) -> None:
        self._finish_motion()

    def _stop_animation(self) -> None:
        if self._motion is not None:
            self._animation.stop()
            self._finish_motion()

    def _finish_motion(self) -> None:
        motion = self._motion
        if motion is None:
            return
        self._motion = None
        for item in motion.ghosts.values():
            self._release(item)
        boxes = self.layout.boxes if self.layout else {}
        for node in motion.paths:
            item = self._live.get(node)
            if item is not None and node in boxes:
                b = boxes[node]
                item.setPos(b.x, b.y)
                item.setOpacity(1.0)
        self._edges.update()

    def is_animating(self) -> bool:
        """Whether a fold animation is running."""
        return self._motion is not None

    # ------------------------------------------------------------------ edges

    def _fan_index(self) -> FanIndex:
        if self._fans is None:
            assert self.layout is not None
            with no_gc():
                self._fans = FanIndex(
                    self.layout, self.ctx.folded, SPACING.level_gap, self._shown is not None
                )
        return self._fans

    def paint_edges(self, painter: QPainter, exposed: QRectF, lod: float) -> None:
        """Paint every edge crossing ``exposed`` (and bare boxes when zoomed far out)."""
        layout = self.layout
        if layout is None:
            return
        ctx = self.ctx
        doc = self.document
        branch = doc.branch
        boxes = layout.boxes
        motion = self._motion
        query = exposed if motion is None else exposed.united(self._covered)
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
            p_under = is_under(parent, _role(p.depth))
            huge = len(parent.children) > HUGE_FAN
            for child in parent.children:
                c = boxes.get(child)
                if c is None:
                    continue  # left out of the decisions-only view
                if huge and (
                    c.x > near_right
                    or c.x + c.w < near_left
                    or c.y > near_bottom
                    or c.y + c.h < near_top
                ):
                    continue
                x1, y1, x2, y2 = layout.edge(child)
                if kind != LayoutKind.RADIAL:
                    if p_under:
                        y1 = p.y + p.h - 1
                    if is_under(child, _role(c.depth)):
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
        old = motion.old
        sx, sy = motion.shift
        branch = self.document.branch
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
        layout = self.layout
        assert layout is not None
        ctx = self.ctx
        branch = self.document.branch
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
        is_checked = self.document.is_checked
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

    # ------------------------------------------------------------------ queries and marks

    def hit(self, pos: QPointF) -> tuple[Node | None, bool]:
        """The node at scene point ``pos`` and whether the point is on its fold handle
        (never in the decisions-only view, where folds do not apply)."""
        layout = self.layout
        if layout is None:
            return None, False
        x, y = pos.x(), pos.y()
        if not self.ctx.decisions_only:
            near = layout.visible_in(x - 70, y - 14, 140, 28)
            boxes = layout.boxes
            for node in reversed(near):
                if node.children:
                    b = boxes[node]
                    rect = handle_rect(self.ctx, node, b)
                    if rect is not None and rect.translated(b.x, b.y).adjusted(
                        -3, -3, 3, 3
                    ).contains(pos):
                        return node, True
        node = layout.node_at(x, y)
        return node, False

    def checkbox_at(self, pos: QPointF) -> Node | None:
        """The node whose checkbox is at scene point ``pos`` (with a little slack)."""
        layout = self.layout
        if layout is None or self._lod < OVERVIEW_ZOOM:
            return None
        slack = 3.0
        near = layout.visible_in(pos.x() - slack, pos.y() - slack, 2 * slack, 2 * slack)
        boxes = layout.boxes
        for node in reversed(near):
            b = boxes[node]
            rect = check_rect(self.ctx, node, b).translated(b.x, b.y)
            if rect.adjusted(-slack, -slack, slack, slack).contains(pos):
                return node
        return None

    def checkbox_scene_rect(self, node: Node) -> QRectF | None:
        """Where ``node``'s checkbox is in scene coordinates (None: not shown)."""
        if self.layout is None or node not in self.layout.boxes:
            return None
        b = self.layout.boxes[node]
        return check_rect(self.ctx, node, b).translated(b.x, b.y)

    def toggle_selected_checked(self) -> bool:
        """Check the selected node, or uncheck it (one undo step); False when nothing is
        selected."""
        node = self.selected
        if node is None:
            return False
        return self.document.toggle_checked(node)

    def box_rect(self, node: Node) -> QRectF | None:
        """The laid-out rectangle of ``node`` (None when it is hidden)."""
        if self.layout is None:
            return None
        b = self.layout.boxes.get(node)
        return None if b is None else QRectF(b.x, b.y, b.w, b.h)

    def handle_scene_rect(self, node: Node) -> QRectF | None:
        """Where ``node``'s fold handle is in scene coordinates (None: hidden or none)."""
        if self.layout is None or not node.children or node not in self.layout.boxes:
            return None
        b = self.layout.boxes[node]
        rect = handle_rect(self.ctx, node, b)
        return None if rect is None else rect.translated(b.x, b.y)

    def select(self, node: Node | None) -> None:
        """Select ``node`` (None clears the selection)."""
        old = self.ctx.selected
        if node is old:
            return
        self.ctx.selected = node
        for n in (old, node):
            item = self._live.get(n) if n is not None else None
            if item is not None:
                item.update()
        if self._lod < OVERVIEW_ZOOM:
            self._edges.update()
        self.selection_changed.emit(node)

    def set_search(self, matches: set[Node], current: Node | None, hiding: set[Node]) -> None:
        """Highlight search ``matches``; ``current`` stronger; ``hiding`` are folded nodes
        whose hidden descendants match."""
        ctx = self.ctx
        changed = ctx.matches | matches | ctx.hiding_matches | hiding
        if ctx.current_match is not None:
            changed.add(ctx.current_match)
        ctx.matches = matches
        ctx.current_match = current
        ctx.hiding_matches = hiding
        for node in changed:
            item = self._live.get(node)
            if item is not None:
                item.update()
        if self._lod < OVERVIEW_ZOOM:
            self._edges.update()


def _role(depth: int) -> Role:
    return Role(min(depth, 2))
