"""Moving the selection with the keyboard: to the parent, a child, the previous or next
sibling, the root; and folding the selected node. Left and right follow the side a node is
drawn on (a mind map's left half mirrors its right); up and down walk siblings in map order,
so they step through every first-level branch, across both sides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from karar.core.model import Node

if TYPE_CHECKING:
    from karar.ui.view import MapView


class Navigator:
    """The keyboard moves of one :class:`~karar.ui.view.MapView`."""

    def __init__(self, view: MapView) -> None:
        self._view = view
        self._scene = view.map_scene

    def _current(self) -> Node | None:
        scene = self._scene
        if scene.selected is not None:
            return scene.selected
        return scene.document.root

    def _side(self, node: Node) -> int:
        layout = self._scene.layout
        if layout is None or node not in layout.boxes:
            return 1
        return layout.boxes[node].side

    def _visible_children(self, node: Node, side: int | None = None) -> list[Node]:
        layout = self._scene.layout
        if layout is None or self._scene.document.is_folded(node):
            return []
        boxes = layout.boxes
        kids = [c for c in node.children if c in boxes]
        if side is not None:
            kids = [c for c in kids if boxes[c].side == side or boxes[c].side == 0]
        return kids

    def _go_child(self, node: Node, side: int) -> None:
        doc = self._scene.document
        if doc.is_folded(node) and self._scene.filter.folds_apply:
            doc.set_folded(node, False)
            return
        kids = self._visible_children(node, side if node.parent is None else None)
        if not kids:
            return
        # the child nearest the node's vertical centre, so a long list starts where you look
        layout = self._scene.layout
        assert layout is not None
        cy = layout.boxes[node].cy
        self._view.select(min(kids, key=lambda c: abs(layout.boxes[c].cy - cy)))

    def go_left(self) -> None:
        """Move to the parent (right side) or a child (left side)."""
        node = self._current()
        if node is None:
            return
        side = self._side(node)
        if side > 0 and node.parent is not None:
            self._view.select(node.parent)
        else:
            self._go_child(node, -1)

    def go_right(self) -> None:
        """Move to a child (right side) or the parent (left side)."""
        node = self._current()
        if node is None:
            return
        side = self._side(node)
        if side < 0 and node.parent is not None:
            self._view.select(node.parent)
        else:
            self._go_child(node, 1)

    def _step(self, delta: int) -> None:
        node = self._current()
        layout = self._scene.layout
        if node is None or layout is None or node.parent is None:
            return
        boxes = layout.boxes
        # siblings in map order: each side lists its branches top to bottom, so first-level
        # branches are walked across both sides of a mind map
        sibs = [c for c in node.parent.children if c in boxes]
        i = sibs.index(node) + delta
        if 0 <= i < len(sibs):
            self._view.select(sibs[i])
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
            self._view.select(min(same, key=lambda n: abs(boxes[n].y - b.y)))

    def go_up(self) -> None:
        """Move to the previous sibling (or the nearest node above at that depth)."""
        self._step(-1)

    def go_down(self) -> None:
        """Move to the next sibling (or the nearest node below at that depth)."""
        self._step(1)

    def go_root(self) -> None:
        """Select the root."""
        root = self._scene.document.root
        if root is not None:
            self._view.select(root)

    def toggle_selected(self) -> None:
        """Fold or unfold the selected node."""
        node = self._current()
        if node is not None:
            if self._scene.selected is None:
                self._scene.select(node)
            self._view.toggle_fold(node)
