"""The open map as the UI sees it: the :class:`MindMap` plus the folded set.

:class:`MapDocument` is the one place that changes fold state. The scene, the status bar and
the minimap mirror it through its past-tense signals; the next issue's undo commands will
call :meth:`MapDocument.set_folded_set` with the before/after sets.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from karar.core.model import MindMap, Node


class MapDocument(QObject):
    """The open map and which of its nodes are folded.

    Signals:
        map_replaced(): A different map (or the same file re-read) is now open; every
            derived view must be rebuilt.
        folds_changed(object): The folded set changed; the argument is the node the user
            acted on (it should stay put on screen), or None.
    """

    map_replaced = Signal()
    folds_changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mindmap = MindMap(None)
        self.path: str | None = None
        self._folded: set[Node] = set()
        self.depth: dict[Node, int] = {}
        self.branch: dict[Node, int] = {}
        self.count = 0
        self._descendants: dict[Node, int] = {}

    # ------------------------------------------------------------------ the map

    @property
    def root(self) -> Node | None:
        """The root node, None for an empty map."""
        return self.mindmap.root

    @property
    def title(self) -> str:
        """What the window title shows for this map."""
        return self.mindmap.display_title or (Path(self.path).name if self.path else "")

    def set_map(self, mindmap: MindMap, path: str | None, folded: Iterable[Node] = ()) -> None:
        """Open ``mindmap`` (read from ``path``; None for the built-in map)."""
        self.mindmap = mindmap
        self.path = path
        self.depth = {}
        self.branch = {}
        self._descendants = {}
        root = mindmap.root
        if root is not None:
            # one pre-order pass: depth and first-level branch index of every node
            depth = self.depth
            branch = self.branch
            depth[root] = 0
            branch[root] = -1
            for i, child in enumerate(root.children):
                depth[child] = 1
                branch[child] = i
            stack = list(reversed(root.children))
            while stack:
                node = stack.pop()
                d = depth[node] + 1
                b = branch[node]
                for child in node.children:
                    depth[child] = d
                    branch[child] = b
                stack.extend(reversed(node.children))
        self.count = len(self.depth)
        self._folded = {n for n in folded if n.children}
        self.map_replaced.emit()

    def descendants(self, node: Node) -> int:
        """How many nodes lie below ``node`` (cached)."""
        n = self._descendants.get(node)
        if n is None:
            n = self._descendants[node] = node.descendant_count()
        return n

    # ------------------------------------------------------------------ folding

    @property
    def folded(self) -> frozenset[Node] | set[Node]:
        """The folded nodes (read-only: change them through the methods below)."""
        return self._folded

    def is_folded(self, node: Node) -> bool:
        """Whether ``node``'s children are hidden."""
        return node in self._folded

    def is_visible(self, node: Node) -> bool:
        """Whether no ancestor of ``node`` is folded."""
        return not any(a in self._folded for a in node.ancestors())

    def set_folded_set(self, folded: Iterable[Node], anchor: Node | None = None) -> bool:
        """Replace the folded set; returns whether anything changed.

        Args:
            folded: The nodes to fold (leaves are ignored: there is nothing to fold).
            anchor: The node the user acted on, kept still on screen.
        """
        new = {n for n in folded if n.children}
        if new == self._folded:
            return False
        self._folded = new
        self.folds_changed.emit(anchor)
        return True

    def set_folded(self, node: Node, folded: bool) -> bool:
        """Fold or unfold one node."""
        if not node.children or (node in self._folded) == folded:
            return False
        new = set(self._folded)
        if folded:
            new.add(node)
        else:
            new.discard(node)
        return self.set_folded_set(new, node)

    def toggle_fold(self, node: Node) -> bool:
        """Fold ``node`` if it is open, else unfold it."""
        return self.set_folded(node, node not in self._folded)

    def fold_all(self, anchor: Node | None = None) -> bool:
        """Fold every node that has children: only the root stays in sight."""
        return self.set_folded_set((n for n in self.mindmap if n.children), anchor or self.root)

    def unfold_all(self, anchor: Node | None = None) -> bool:
        """Show every node."""
        return self.set_folded_set((), anchor or self.root)

    def show_levels(self, levels: int, anchor: Node | None = None) -> bool:
        """Show the root and ``levels`` levels below it; fold the nodes at that depth.

        Nodes deeper than ``levels`` are left unfolded, so opening a folded node shows its
        whole branch.
        """
        levels = max(0, levels)
        depth = self.depth
        return self.set_folded_set(
            (n for n, d in depth.items() if d == levels and n.children), anchor or self.root
        )

    def reveal(self, node: Node) -> bool:
        """Unfold every folded ancestor of ``node`` so that it is in sight."""
        hidden = [a for a in node.ancestors() if a in self._folded]
        if not hidden:
            return False
        return self.set_folded_set(self._folded.difference(hidden), node)

    def reveal_all(self, nodes: Iterable[Node], anchor: Node | None = None) -> bool:
        """Unfold the folded ancestors of every node in ``nodes``."""
        hidden = {a for n in nodes for a in n.ancestors() if a in self._folded}
        if not hidden:
            return False
        return self.set_folded_set(self._folded - hidden, anchor)

    def deepest_level(self) -> int:
        """The depth of the deepest node (0 for a root-only or empty map)."""
        return max(self.depth.values(), default=0)
