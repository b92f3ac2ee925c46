"""The virtualised map scene: a layout of what the view shows, and items only for the
nodes near the viewport.

With an item for every node, a fold in the middle of a 10,000-node map cost 150–250 ms and
clearing 100,000 items took 12 s. So the scene keeps a small pool of
:class:`~karar.ui.items.NodeItem` objects and binds them to the nodes the layout's grid
reports in (or near) the viewport; one :class:`~karar.ui.items.EdgeLayer` paints the edges
crossing the exposed area (:mod:`karar.ui.edges`). The scene mirrors
:class:`~karar.ui.document.MapDocument`: a fold is a new layout, the node acted on stays put
(the view scrolls by what the layout moved it) and, if enabled, items glide from old to new
places (:mod:`karar.ui.motion`).

What is laid out follows the view's :class:`~karar.core.filters.ViewFilter` (everything, or
only the decisions...) and :class:`~karar.ui.render.CanvasOptions` (font scale, spacing).
In a mind map each first-level branch keeps the side chosen once for the whole tree.
Decisions are mirrored without a new layout: checking a node repaints it and re-binds the
visible items of its ancestors (their roll-up pills).

A tally's votes show as chips (:class:`~karar.ui.decorations.VoteChip`) unless hidden:
:meth:`MapScene.set_votes_hidden` hides them all, :meth:`MapScene.reveal_votes` shows one
branch's or all of them (what the presentation's reveal key calls). A chip takes room, so
hiding or revealing lays the map out again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Signal, Slot
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem

from karar.core.bulk import no_gc
from karar.core.filters import ALL, ViewFilter
from karar.core.layout import Layout, LayoutKind, balanced_split, compute_layout
from karar.core.model import Node
from karar.core.status import Decision
from karar.core.votes import Tally
from karar.ui.decorations import check_rect, handle_rect, reservers
from karar.ui.document import MapDocument
from karar.ui.edges import EdgePainter
from karar.ui.i18n import QT_TRANSLATE_NOOP
from karar.ui.items import EdgeLayer, NodeItem
from karar.ui.measure import Measurer, Role
from karar.ui.motion import FoldAnimation, bounds_rect
from karar.ui.render import OVERVIEW_ZOOM, CanvasOptions, RenderContext
from karar.ui.theme import Theme

#: viewport fraction added on every side of the area that gets items, so small pans
#: never need new ones
_MARGIN = 0.35
EMPTY_HINTS = {
    "decisions": QT_TRANSLATE_NOOP("Canvas", "No decisions yet — tick a node’s box to choose it"),
    "agreed": QT_TRANSLATE_NOOP("Canvas", "Nothing that everyone voted for"),
    "split": QT_TRANSLATE_NOOP("Canvas", "No split votes"),
    "no-votes": QT_TRANSLATE_NOOP("Canvas", "No option without votes"),
}
"""What the canvas says under the root when a filter leaves nothing else to show (English
source texts, shown translated)."""


class MapScene(QGraphicsScene):
    """Mirrors a :class:`MapDocument` as a laid-out, virtualised, animated scene.

    Signals:
        relaid_out(object, float, float): A new layout is in place; the node acted on (or
            None) moved by (dx, dy) scene units — the view scrolls by as much so it stays put.
        selection_changed(object): The selected node (or None) changed.
        filter_changed(object): The view filter (a :class:`ViewFilter`) was replaced.
        votes_changed(): Votes were hidden or revealed, or a tally came or went.
    """

    relaid_out = Signal(object, float, float)
    selection_changed = Signal(object)
    filter_changed = Signal(object)
    votes_changed = Signal()

    def __init__(
        self,
        document: MapDocument,
        theme: Theme,
        kind: LayoutKind = LayoutKind.MINDMAP,
        options: CanvasOptions | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.options = options or CanvasOptions()
        self.measurer = self._make_measurer()
        self.ctx = RenderContext(document, theme, self.measurer)
        self.ctx.kind = kind
        self.layout: Layout | None = None
        self.animate = True
        self._live: dict[Node, NodeItem] = {}
        self._free: list[NodeItem] = []
        self._covered = QRectF()
        self._view_rect = QRectF()
        self._lod = 1.0
        self._sizes: dict[Node, tuple[float, float]] = {}
        self._split: int | None = None
        self._hidden: frozenset[Node] = frozenset()
        self.edge_painter = EdgePainter(self.ctx)
        self.edge_layer = EdgeLayer(self.edge_painter.paint)
        self.addItem(self.edge_layer)
        self.motion = FoldAnimation(self)
        self._hint = QGraphicsSimpleTextItem()
        self._hint.setBrush(QBrush(theme.muted))
        self._hint.setVisible(False)
        self.addItem(self._hint)
        self.setBackgroundBrush(theme.background)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        document.map_replaced.connect(self._on_document_map_replaced)
        document.folds_changed.connect(self._on_document_folds_changed)
        document.decisions_changed.connect(self._on_document_decisions_changed)

    def _make_measurer(self) -> Measurer:
        scale = self.options.font_scale
        # the vote chip is asked about every node measured: only a tally pays for it
        ctx = getattr(self, "ctx", None)
        chips = self._chip_text if ctx is not None and ctx.tally is not None else None
        return Measurer(scale=scale, reservers=reservers(scale, chips))

    def _chip_text(self, node: Node) -> str | None:
        """The widest chip of the tally where ``node`` shows one now (its room)."""
        ctx = self.ctx
        if ctx.tally is None or ctx.chip(node) is None:
            return None
        n = ctx.tally.count
        return f"{n}/{n}"

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

    @property
    def filter(self) -> ViewFilter:
        """What the view shows (everything, only decisions...)."""
        return self.ctx.filter

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

    def set_options(self, options: CanvasOptions) -> None:
        """Draw at new sizes (font scale, spacing): everything is measured and laid out
        again, the selection kept still."""
        if options == self.options:
            return
        self.options = options
        self.measurer = self._make_measurer()
        self.ctx.set_measurer(self.measurer)
        self._sizes = {}
        for item in self._live.values():
            self.release_item(item)
        self._live.clear()
        self.relayout(self.selected, animate=False)

    def set_filter(self, view_filter: ViewFilter | None) -> None:
        """Show what ``view_filter`` keeps (None: everything). Emits :attr:`filter_changed`
        when it changes."""
        view_filter = view_filter or ALL
        if view_filter is self.ctx.filter:
            return
        self.ctx.filter = view_filter
        self._hidden = view_filter.hidden(self.document.map_state)
        self._forget_vote_sizes(folds_only=True)
        anchor = self.selected
        if anchor is None or self._left_out(anchor):
            anchor = self.document.root
        self.relayout(anchor, animate=None)
        self.filter_changed.emit(view_filter)

    # ------------------------------------------------------------------ votes

    @property
    def tally(self) -> Tally | None:
        """The votes of the open tally (None: the project has none)."""
        return self.ctx.tally

    @property
    def votes_hidden(self) -> bool:
        """Whether votes are hidden (but for the branches revealed)."""
        return self.ctx.votes_hidden

    def votes_shown(self, node: Node) -> bool:
        """Whether ``node``'s vote chip would show (it has votes and they are not hidden)."""
        return self.ctx.chip(node) is not None

    def set_votes_hidden(self, hidden: bool) -> None:
        """Hide every vote chip and heat tint (True) until revealed, or show them all."""
        ctx = self.ctx
        if hidden == ctx.votes_hidden and not ctx.votes_revealed:
            return
        ctx.votes_hidden = hidden
        ctx.votes_revealed = set()
        self._votes_relayout()

    def reveal_votes(self, branch: Node | None = None) -> None:
        """Show the votes of ``branch`` and everything below it, or with None all of them
        (the votes are no longer hidden). The presentation mode calls this on its reveal
        key with the branch it focuses."""
        ctx = self.ctx
        if branch is None or branch.parent is None:
            self.set_votes_hidden(False)
            return
        if not ctx.votes_hidden or ctx.votes_shown(branch):
            return
        ctx.votes_revealed.add(branch)
        self._votes_relayout()

    def reveal_selected_votes(self) -> bool:
        """Reveal the votes of the selected branch (the root: all of them); False when
        nothing is selected."""
        node = self.selected
        if node is None:
            return False
        self.reveal_votes(node)
        return True

    def _forget_vote_sizes(self, *, folds_only: bool = False) -> None:
        """Measure again the nodes whose chip may have come or gone."""
        tally = self.ctx.tally
        if tally is None:
            return
        sizes = self._sizes
        nodes = tally.summarised() if folds_only else (*tally.voted_nodes(), *tally.summarised())
        for node in nodes:
            sizes.pop(node, None)

    def _votes_relayout(self) -> None:
        if self.ctx.tally is not None:
            self._forget_vote_sizes()
            anchor = self.selected or self.document.root
            self.relayout(anchor, animate=None)
        self.votes_changed.emit()

    def _left_out(self, node: Node) -> bool:
        hidden = self._hidden
        return any(n in hidden for n in (node, *node.ancestors()))

    def size_of(self, node: Node) -> tuple[float, float]:
        """The measured box of ``node`` (the layout's ``size_of``), cached per node."""
        size = self._sizes.get(node)
        if size is None:
            size = self._sizes[node] = self.measurer.size(node, self.document.depth[node])
        return size

    # ------------------------------------------------------------------ layout

    def layout_for(self, folded: set[Node] | frozenset[Node]) -> Layout | None:
        """The layout this scene would show with ``folded`` folded (same kind, sizes,
        filter and sides), without showing it: what a first view tries on."""
        root = self.document.root
        if root is None:
            return None
        return compute_layout(
            root,
            self.size_of,
            self.ctx.kind,
            folded if self.ctx.folds_apply else frozenset(),
            self.options.spacing,
            self._hidden,
            self._split,
        )

    @Slot()
    def _on_document_map_replaced(self) -> None:
        self.motion.stop()
        self._sizes = {}
        tally = Tally(self.document.map_state)
        had = self.ctx.tally is not None
        self.ctx.tally = tally if tally.is_tally else None
        self.ctx.votes_revealed = set()
        if had != (self.ctx.tally is not None):
            self.measurer = self._make_measurer()
            self.ctx.set_measurer(self.measurer)
        root = self.document.root
        self._split = balanced_split(root) if root is not None else None
        self._hidden = self.ctx.filter.hidden(self.document.map_state)
        for item in self._live.values():
            self.release_item(item)
        self._live.clear()
        self.ctx.selected = None
        self.ctx.matches = set()
        self.ctx.current_match = None
        self.ctx.hiding_matches = set()
        self.layout = None
        self.relayout(None, animate=False)
        self.selection_changed.emit(None)
        if had or self.ctx.tally is not None:
            self.votes_changed.emit()

    @Slot(object)
    def _on_document_folds_changed(self, anchor: Node | None) -> None:
        if self.ctx.folds_apply:
            self._forget_vote_sizes(folds_only=True)
            self.relayout(anchor, animate=None)
        # else folds are kept for later: they mean nothing in this view

    @Slot(object)
    def _on_document_decisions_changed(self, nodes: list[Node] | None) -> None:
        view_filter = self.ctx.filter
        if view_filter.follows_decisions:
            hidden = view_filter.hidden(self.document.map_state)
            if hidden != self._hidden:
                self._hidden = hidden
                anchor = next(
                    (a for n in nodes or () for a in (n, *n.ancestors()) if not self._left_out(a)),
                    None,
                )
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
            self.edge_layer.update()

    def relayout(self, anchor: Node | None = None, *, animate: bool | None = None) -> None:
        """Lay the visible tree out again and re-bind items; keep ``anchor`` still."""
        # A layout allocates a few objects per node and frees none; on a 100,000-node map
        # the cyclic collector would walk the whole heap several times meanwhile.
        with no_gc():
            self._relayout(anchor, animate)

    def _relayout(self, anchor: Node | None, animate: bool | None) -> None:
        self.motion.stop()
        old = self.layout
        old_live = list(self._live)
        new = self.layout_for(self.ctx.folded)
        self.layout = new
        self.edge_painter.set_layout(new, self.options.spacing.level_gap, bool(self._hidden))
        if new is None:
            for item in self._live.values():
                self.release_item(item)
            self._live.clear()
            self._hint.setVisible(False)
            self.setSceneRect(QRectF())
            self.edge_layer.set_rect(QRectF())
            self.relaid_out.emit(None, 0.0, 0.0)
            return
        self._place_hint(new)
        if self.ctx.selected is not None and self.ctx.selected not in new.boxes:
            # the selection folded away: select its nearest visible ancestor
            self.ctx.selected = next(
                (a for a in self.ctx.selected.ancestors() if a in new.boxes), new.order[0]
            )
            self.selection_changed.emit(self.ctx.selected)
        x, y, w, h = new.bounds
        self.setSceneRect(QRectF(x, y, w, h).adjusted(-40, -40, 40, 40))
        if old is not None:
            # what the old layout drew goes too, wherever the new one does not reach
            self.update(bounds_rect(old))
        self.edge_layer.set_rect(bounds_rect(new))
        dx = dy = 0.0
        if old is not None and anchor is not None and anchor in old.boxes and anchor in new.boxes:
            a, b = old.boxes[anchor], new.boxes[anchor]
            dx, dy = b.x - a.x, b.y - a.y
        self._covered = QRectF()
        self.relaid_out.emit(anchor, dx, dy)  # the view scrolls, then calls sync_viewport
        self._sync(force=True)
        self.edge_layer.update()
        if animate is None:
            animate = self.animate
        if animate and old is not None and not self._view_rect.isEmpty():
            self.motion.start(old, new, (dx, dy), old_live)

    def _place_hint(self, layout: Layout) -> None:
        """Say why the canvas is empty when a filter leaves only the root to show."""
        hint = self._hint
        root = layout.order[0]
        source = EMPTY_HINTS.get(self.ctx.filter.name, "")
        text = QCoreApplication.translate("Canvas", source) if source else ""
        empty = bool(text) and len(layout.boxes) == 1
        hint.setVisible(empty)
        if empty:
            hint.setText(text)
            hint.setFont(self.measurer.font(Role.BRANCH))
            b = layout.boxes[root]
            r = hint.boundingRect()
            hint.setPos(b.cx - r.width() / 2, b.bottom + 28 * self.options.font_scale)

    def retranslate(self) -> None:
        """Say the canvas's hint in the window's language (it changed)."""
        if self.layout is not None:
            self._place_hint(self.layout)

    def hint_text(self) -> str:
        """The hint shown on the canvas ("" when none is shown)."""
        return self._hint.text() if self._hint.isVisible() else ""

    # ------------------------------------------------------------------ viewport

    def sync_viewport(self, rect: QRectF, lod: float) -> None:
        """Called by the view whenever it scrolls, zooms or resizes."""
        self._view_rect = QRectF(rect)
        was_overview = self._lod < OVERVIEW_ZOOM
        self._lod = lod
        if was_overview != (lod < OVERVIEW_ZOOM):
            self._covered = QRectF()
            self.edge_layer.update()
        self._sync(force=False)

    def _sync(self, *, force: bool) -> None:
        layout = self.layout
        rect = self._view_rect
        if layout is None or rect.isEmpty():
            return
        if self._lod < OVERVIEW_ZOOM:
            # far out: the edge layer paints bare boxes; items would only cost time
            for item in self._live.values():
                self.release_item(item)
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
            self.release_item(live.pop(node))
        for node in nodes:
            bound = live.get(node)
            if bound is None:
                bound = live[node] = self.acquire_item()
                bound.bind(node, boxes[node])
            elif force:
                bound.bind(node, boxes[node])

    def items_area(self) -> QRectF:
        """Where nodes have items now: the view and a margin around it."""
        return QRectF(self._covered)

    def acquire_item(self) -> NodeItem:
        """A node item from the pool (or a new one), visible and opaque."""
        if self._free:
            item = self._free.pop()
            item.setVisible(True)
            item.setOpacity(1.0)
            return item
        item = NodeItem(self.ctx)
        self.addItem(item)
        return item

    def release_item(self, item: NodeItem) -> None:
        """Put an item back into the pool."""
        item.setVisible(False)
        item.node = None
        self._free.append(item)

    def is_animating(self) -> bool:
        """Whether a fold animation is running."""
        return self.motion.running

    # ------------------------------------------------------------------ queries and marks

    def hit(self, pos: QPointF) -> tuple[Node | None, bool]:
        """The node at scene point ``pos`` and whether the point is on its fold handle
        (never where folds do not apply)."""
        layout = self.layout
        if layout is None:
            return None, False
        x, y = pos.x(), pos.y()
        if self.ctx.folds_apply:
            reach = 70 * self.options.font_scale
            near = layout.visible_in(x - reach, y - reach / 5, 2 * reach, 2 * reach / 5)
            boxes = layout.boxes
            for node in reversed(near):
                if node.children:
                    b = boxes[node]
                    rect = handle_rect(self.ctx, node, b)
                    if rect is not None and rect.translated(b.x, b.y).adjusted(
                        -3, -3, 3, 3
                    ).contains(pos):
                        return node, True
        return layout.node_at(x, y), False

    def checkbox_at(self, pos: QPointF) -> Node | None:
        """The node whose checkbox is at scene point ``pos`` (with a little slack)."""
        layout = self.layout
        if layout is None or self._lod < OVERVIEW_ZOOM:
            return None
        slack = 3.0
        near = layout.visible_in(pos.x() - slack, pos.y() - slack, 2 * slack, 2 * slack)
        for node in reversed(near):
            rect = self.checkbox_scene_rect(node)
            if rect is not None and rect.adjusted(-slack, -slack, slack, slack).contains(pos):
                return node
        return None

    def checkbox_scene_rect(self, node: Node) -> QRectF | None:
        """Where ``node``'s checkbox is in scene coordinates (None: not shown)."""
        if self.layout is None or node not in self.layout.boxes:
            return None
        b = self.layout.boxes[node]
        rect = check_rect(self.ctx, node, b)
        return None if rect is None else rect.translated(b.x, b.y)

    def handle_scene_rect(self, node: Node) -> QRectF | None:
        """Where ``node``'s fold handle is in scene coordinates (None: hidden or none)."""
        if self.layout is None or not node.children or node not in self.layout.boxes:
            return None
        b = self.layout.boxes[node]
        rect = handle_rect(self.ctx, node, b)
        return None if rect is None else rect.translated(b.x, b.y)

    def box_rect(self, node: Node) -> QRectF | None:
        """The laid-out rectangle of ``node`` (None when it is hidden)."""
        if self.layout is None:
            return None
        b = self.layout.boxes.get(node)
        return None if b is None else QRectF(b.x, b.y, b.w, b.h)

    def toggle_selected_checked(self) -> bool:
        """Check the selected node, or uncheck it (one undo step); False when nothing is
        selected."""
        node = self.selected
        return node is not None and self.document.toggle_checked(node)

    def decide_selected(self, decision: Decision | None) -> bool:
        """Put the selected node in the state ``decision`` (None: undecided; one undo
        step); False when nothing is selected or nothing changed."""
        node = self.selected
        return node is not None and self.document.decide(node, decision)

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
            self.edge_layer.update()
        self.selection_changed.emit(node)

    @property
    def focus(self) -> Node | None:
        """The first-level branch in focus (presentation), None when nothing is dimmed."""
        return self.ctx.focus

    def set_focus(self, branch: Node | None) -> None:
        """Draw every node and edge outside first-level branch ``branch`` (and the root)
        faded; None draws everything as usual."""
        if branch is self.ctx.focus:
            return
        self.ctx.focus = branch
        for item in self._live.values():
            item.update()
        self.edge_layer.update()

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
            self.edge_layer.update()
