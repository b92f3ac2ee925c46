"""The open map as the UI sees it: the :class:`MindMap`, the folded set, and the project
(checks and notes per node), with the undo stack every user change goes through.

:class:`MapDocument` is the one place that changes this state. The scene, the side panel,
the status bar and the minimap mirror it through its past-tense signals. User-level methods
(``toggle_fold``, ``set_checked``, ``set_note``...) push one ``QUndoCommand`` each; the
commands call the ``apply_*`` primitives, which change state and emit signals only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from karar.core.decisions import Rollup, rollup
from karar.core.model import MindMap, Node, NodePath
from karar.core.project import NodeState, Project
from karar.core.sources import BUILTIN_DJANGO
from karar.ui.commands import (
    CheckCommand,
    FoldCommand,
    NoteCommand,
    ReattachCommand,
    short_label,
)


class MapDocument(QObject):
    """The open map and which of its nodes are folded.

    Signals:
        map_replaced(): A different map (or the same file re-read) is now open; every
            derived view must be rebuilt.
        folds_changed(object): The folded set changed; the argument is the node the user
            acted on (it should stay put on screen), or None.
        decisions_changed(object): Checks or notes changed: a list of the nodes concerned,
            or None for "everything" (a project was opened).
        orphans_changed(): The list of project entries that name no node changed.
        project_changed(): The project's file, participant or map reference changed.
    """

    map_replaced = Signal()
    folds_changed = Signal(object)
    decisions_changed = Signal(object)
    orphans_changed = Signal()
    project_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mindmap = MindMap(None)
        self.path: str | None = None
        self.project = Project(map_ref=BUILTIN_DJANGO)
        self.undo_stack = QUndoStack(self)
        self._recording = True
        self._states: dict[Node, NodeState] = {}
        self._paths: dict[Node, NodePath] = {}
        self._nodes: dict[NodePath, Node] = {}
        self._rollup: dict[Node, Rollup] | None = None
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
        self._paths = mindmap.paths()
        self._nodes = {path: node for node, path in self._paths.items()}
        self._index_states()
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

    def apply_folds(self, folded: Iterable[Node], anchor: Node | None = None) -> bool:
        """Replace the folded set without recording an undo step (commands and set-up use
        this); returns whether anything changed."""
        new = {n for n in folded if n.children}
        if new == self._folded:
            return False
        self._folded = new
        self.folds_changed.emit(anchor)
        return True

    def set_folded_set(
        self, folded: Iterable[Node], anchor: Node | None = None, text: str = "Fold"
    ) -> bool:
        """Replace the folded set as one user action (one undo step).

        Args:
            folded: The nodes to fold (leaves are ignored: there is nothing to fold).
            anchor: The node the user acted on, kept still on screen.
            text: What the undo menu calls this step.
        """
        new = {n for n in folded if n.children}
        if new == self._folded:
            return False
        if not self._recording:
            return self.apply_folds(new, anchor)
        self.undo_stack.push(FoldCommand(self, set(self._folded), new, anchor, text))
        return True

    @contextmanager
    def untracked(self) -> Iterator[None]:
        """Changes inside this block are not undo steps (the automatic first view)."""
        recording, self._recording = self._recording, False
        try:
            yield
        finally:
            self._recording = recording

    def set_folded(self, node: Node, folded: bool) -> bool:
        """Fold or unfold one node."""
        if not node.children or (node in self._folded) == folded:
            return False
        new = set(self._folded)
        if folded:
            new.add(node)
        else:
            new.discard(node)
        verb = "Fold" if folded else "Unfold"
        return self.set_folded_set(new, node, f"{verb} “{short_label(node.label)}”")

    def toggle_fold(self, node: Node) -> bool:
        """Fold ``node`` if it is open, else unfold it."""
        return self.set_folded(node, node not in self._folded)

    def fold_all(self, anchor: Node | None = None) -> bool:
        """Fold every node that has children: only the root stays in sight."""
        return self.set_folded_set(
            (n for n in self.mindmap if n.children), anchor or self.root, "Fold All"
        )

    def unfold_all(self, anchor: Node | None = None) -> bool:
        """Show every node."""
        return self.set_folded_set((), anchor or self.root, "Unfold All")

    def show_levels(self, levels: int, anchor: Node | None = None) -> bool:
        """Show the root and ``levels`` levels below it; fold the nodes at that depth.

        Nodes deeper than ``levels`` are left unfolded, so opening a folded node shows its
        whole branch.
        """
        levels = max(0, levels)
        depth = self.depth
        return self.set_folded_set(
            (n for n, d in depth.items() if d == levels and n.children),
            anchor or self.root,
            f"Show {levels} Level{'s' if levels != 1 else ''}",
        )

    def reveal(self, node: Node) -> bool:
        """Unfold every folded ancestor of ``node`` so that it is in sight."""
        hidden = [a for a in node.ancestors() if a in self._folded]
        if not hidden:
            return False
        return self.set_folded_set(self._folded.difference(hidden), node, "Reveal")

    def reveal_all(self, nodes: Iterable[Node], anchor: Node | None = None) -> bool:
        """Unfold the folded ancestors of every node in ``nodes``."""
        hidden = {a for n in nodes for a in n.ancestors() if a in self._folded}
        if not hidden:
            return False
        return self.set_folded_set(self._folded - hidden, anchor, "Reveal")

    def deepest_level(self) -> int:
        """The depth of the deepest node (0 for a root-only or empty map)."""
        return max(self.depth.values(), default=0)

    # ------------------------------------------------------------------ decisions

    def set_project(self, project: Project) -> None:
        """Take ``project``'s checks and notes for the open map (folds are the caller's:
        they come with the map through :meth:`set_map`)."""
        self.project = project
        self.undo_stack.clear()
        self._index_states()
        self.project_changed.emit()
        self.decisions_changed.emit(None)

    def _index_states(self) -> None:
        """Key the project's entries by node (the map's paths are indexed by set_map)."""
        entries = self.project.entries
        self._states = {self._nodes[p]: st for p, st in entries.items() if p in self._nodes}
        self._rollup = None
        self.orphans_changed.emit()

    def path_of(self, node: Node) -> NodePath:
        """The node's project path (CONTRACT.md)."""
        return self._paths.get(node) or self.mindmap.path_of(node)

    def node_at(self, path: NodePath) -> Node | None:
        """The node at a project path, None where the map has none."""
        return self._nodes.get(tuple(path))

    def state(self, node: Node) -> NodeState:
        """The node's recorded state (an empty one when nothing is recorded)."""
        return self._states.get(node) or NodeState()

    def is_checked(self, node: Node) -> bool:
        """Whether the team chose this node."""
        st = self._states.get(node)
        return st is not None and st.checked

    def note(self, node: Node) -> str:
        """The node's Markdown notes ('' for none)."""
        st = self._states.get(node)
        return st.note if st is not None else ""

    def has_note(self, node: Node) -> bool:
        """Whether the node carries notes."""
        st = self._states.get(node)
        return st is not None and bool(st.note.strip())

    def checked_nodes(self) -> set[Node]:
        """Every checked node of the map."""
        return {n for n, st in self._states.items() if st.checked}

    def rollup(self, node: Node) -> Rollup:
        """Checked descendants / descendants of ``node`` (cached until checks change)."""
        if self._rollup is None:
            self._rollup = rollup(self.mindmap, self.checked_nodes())
        return self._rollup.get(node) or Rollup(0, 0)

    def orphans(self) -> list[NodePath]:
        """Project entries that name no node of the map (kept, shown to the user)."""
        return [p for p in self.project.entries if p not in self._nodes]

    def decision_count(self) -> int:
        """How many nodes are checked."""
        return sum(1 for st in self._states.values() if st.checked)

    # user actions: one undo step each

    def set_checked(self, node: Node, checked: bool) -> bool:
        """Check or uncheck ``node``; returns whether anything changed."""
        if self.is_checked(node) == checked:
            return False
        self.undo_stack.push(CheckCommand(self, node, checked))
        return True

    def toggle_checked(self, node: Node) -> bool:
        """Check ``node`` if it is unchecked, else uncheck it."""
        return self.set_checked(node, not self.is_checked(node))

    def set_note(self, node: Node, text: str) -> bool:
        """Replace ``node``'s notes. Typing in quick succession merges into one undo step."""
        if self.note(node) == text:
            return False
        self.undo_stack.push(NoteCommand(self, node, self.note(node), text))
        return True

    def reattach(self, orphan: NodePath, node: Node) -> None:
        """Give an orphaned entry's check and notes to ``node`` (one undo step)."""
        self.undo_stack.push(ReattachCommand(self, tuple(orphan), self.path_of(node)))

    # primitives for the commands: change state, emit, record nothing

    def apply_state(self, node: Node, **changes: object) -> None:
        """Set fields of one node's recorded state."""
        was_checked = self.is_checked(node)
        path = self.path_of(node)
        self.project.update(path, **changes)
        state = self.project.entries.get(path)
        if state is None:
            self._states.pop(node, None)
        else:
            self._states[node] = state
        delta = int(self.is_checked(node)) - int(was_checked)
        if delta and self._rollup is not None:
            # Only the ancestors' counts move: update them instead of recounting the map.
            cache = self._rollup
            for ancestor in node.ancestors():
                old = cache.get(ancestor) or Rollup(0, 0)
                cache[ancestor] = Rollup(old.checked + delta, old.total)
        self.decisions_changed.emit([node])

    def apply_entries(self, entries: dict[NodePath, NodeState]) -> None:
        """Replace the project's entries wholesale (re-attaching, and undoing it)."""
        self.project.entries = entries
        self._index_states()
        self.decisions_changed.emit(None)

    def sync_folds_to_project(self) -> None:
        """Record the folded set in the project's entries (before saving)."""
        entries = self.project.entries
        for path, state in list(entries.items()):
            node = self._nodes.get(path)
            if node is not None and state.collapsed and node not in self._folded:
                self.project.update(path, collapsed=False)
        for node in self._folded:
            self.project.update(self.path_of(node), collapsed=True)
        self._index_states()
