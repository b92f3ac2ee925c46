"""The state of one open map: which nodes are folded, what the project records per node,
the roll-up of decisions, and the small invertible operations that change them.

:class:`MapState` pairs a :class:`~karar.core.model.MindMap` with the
:class:`~karar.core.project.Project` that holds its decisions. It is the one place folds and
decisions change: every change is a :class:`Change` whose :meth:`Change.apply` returns the
change that undoes it, so undo and redo are "apply what the last apply returned". The
project's entries are written through on every change (a fold is the entry's
``collapsed``), so the project is always ready to be saved and nothing needs syncing.

Pure Python: the Qt document (:mod:`karar.ui.document`) adapts this to signals and an undo
stack.
"""

from __future__ import annotations

import copy
import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from karar.core.decisions import Rollup, rollup
from karar.core.model import MindMap, Node, NodePath
from karar.core.project import NodeState, Project, reattach_entry
from karar.core.status import Decision


class MapIndex:
    """What is derived once per map: every node's path, depth, first-level branch and
    pre-order number, and the nodes by path.

    Attributes:
        paths: The project path of every node.
        nodes: Every node by its project path.
        depth: Edges between each node and the root.
        branch: The index of each node's first-level branch (-1 for the root).
        order: Each node's pre-order number (the root is 0).
    """

    __slots__ = ("_descendants", "branch", "depth", "nodes", "order", "paths")

    def __init__(self, mindmap: MindMap) -> None:
        self.paths: dict[Node, NodePath] = mindmap.paths()
        self.nodes: dict[NodePath, Node] = {path: node for node, path in self.paths.items()}
        self.depth: dict[Node, int] = {}
        self.branch: dict[Node, int] = {}
        self.order: dict[Node, int] = {}
        self._descendants: dict[Node, int] = {}
        root = mindmap.root
        if root is None:
            return
        depth, branch, order = self.depth, self.branch, self.order
        depth[root] = 0
        branch[root] = -1
        for i, child in enumerate(root.children):
            branch[child] = i
        # one pre-order pass: depth and branch flow down from the parent
        for i, node in enumerate(root.walk()):
            order[node] = i
            parent = node.parent
            if parent is not None:
                depth[node] = depth[parent] + 1
                if parent is not root:
                    branch[node] = branch[parent]

    def __len__(self) -> int:
        return len(self.depth)

    def __contains__(self, node: object) -> bool:
        return node in self.depth

    def descendants(self, node: Node) -> int:
        """How many nodes lie below ``node`` (cached)."""
        n = self._descendants.get(node)
        if n is None:
            n = self._descendants[node] = node.descendant_count()
        return n

    def deepest(self) -> int:
        """The depth of the deepest node (0 for a root-only or empty map)."""
        return max(self.depth.values(), default=0)


def folds_from_project(
    project: Project, mindmap: MindMap, nodes: Mapping[NodePath, Node] | None = None
) -> set[Node]:
    """The nodes a project keeps folded: its entries marked ``collapsed`` that name a node
    of ``mindmap`` with children. The one place folds are read from a project.

    Args:
        project: The project.
        mindmap: The map it is shown on.
        nodes: The map's nodes by path, where an index has them already.
    """
    out: set[Node] = set()
    for path, state in project.entries.items():
        if state.collapsed:
            node = nodes.get(path) if nodes is not None else mindmap.find(path)
            if node is not None and node.children:
                out.add(node)
    return out


# --------------------------------------------------------------------------- changes


class Change:
    """One invertible change of a :class:`MapState`.

    :meth:`apply` makes the change and returns the change that undoes it (applying that
    returns this change again, or an equivalent one).
    """

    def apply(self, state: MapState) -> Change:
        """Make the change on ``state``; return its inverse."""
        raise NotImplementedError

    def is_empty(self) -> bool:
        """Whether applying this change would change nothing."""
        return False


@dataclass(frozen=True, slots=True)
class FieldChange(Change):
    """Set fields of one node's entry (``checked``, ``note``...)."""

    node: Node
    values: Mapping[str, Any]

    def apply(self, state: MapState) -> FieldChange:
        return state._set_fields(self.node, self.values)


@dataclass(frozen=True, slots=True)
class FoldChange(Change):
    """Fold some nodes and unfold others (leaves and no-ops are ignored)."""

    fold: frozenset[Node] = field(default_factory=frozenset)
    unfold: frozenset[Node] = field(default_factory=frozenset)

    def apply(self, state: MapState) -> FoldChange:
        return state._set_folds(self.fold, self.unfold)

    def is_empty(self) -> bool:
        return not self.fold and not self.unfold


@dataclass(frozen=True, slots=True)
class EntriesChange(Change):
    """Replace the entries at some paths (None removes one): re-attaching an orphan, and
    undoing that."""

    entries: Mapping[NodePath, NodeState | None]
    #: the order of the project's entries afterwards (None: new ones go at the end), so
    #: undoing a re-attach puts the orphan back where it stood in the list and the file
    order: tuple[NodePath, ...] | None = None

    def apply(self, state: MapState) -> EntriesChange:
        return state._set_entries(self.entries, self.order)


# --------------------------------------------------------------------------- the state


class MapState:
    """A map, its project and its folds, changed only through :class:`Change` objects.

    Args:
        mindmap: The map.
        project: The project holding the map's decisions (it is changed in place).
        folded: The folded nodes; None takes them from the project (:func:`folds_from_project`).
            Given folds are written into the project.
    """

    def __init__(
        self, mindmap: MindMap, project: Project, folded: Iterable[Node] | None = None
    ) -> None:
        self.mindmap = mindmap
        self.project = project
        self.index = MapIndex(mindmap)
        self._entries: dict[Node, NodeState] = {}
        self._rollup: dict[Node, Rollup] | None = None
        self._reindex()
        if folded is None:
            self._folded = folds_from_project(project, mindmap, self.index.nodes)
        else:
            self._folded = set()
            wanted = frozenset(n for n in folded if n.children and n in self.index)
            for node, state in list(self._entries.items()):
                if state.collapsed and node not in wanted:
                    self._write(node, {"collapsed": False})
            self._set_folds(wanted, frozenset())

    # ------------------------------------------------------------------ the map

    @property
    def root(self) -> Node | None:
        """The root node, None for an empty map."""
        return self.mindmap.root

    def path_of(self, node: Node) -> NodePath:
        """The node's project path (CONTRACT.md)."""
        return self.index.paths.get(node) or self.mindmap.path_of(node)

    def node_at(self, path: Iterable[str]) -> Node | None:
        """The node at a project path, None where the map has none."""
        return self.index.nodes.get(tuple(path))

    # ------------------------------------------------------------------ folds

    @property
    def folded(self) -> frozenset[Node] | set[Node]:
        """The folded nodes (read-only: change them with a :class:`FoldChange`)."""
        return self._folded

    def is_folded(self, node: Node) -> bool:
        """Whether ``node``'s children are hidden."""
        return node in self._folded

    def is_visible(self, node: Node) -> bool:
        """Whether no ancestor of ``node`` is folded."""
        return not any(a in self._folded for a in node.ancestors())

    def folds_to(self, target: Iterable[Node]) -> FoldChange:
        """The change that makes exactly ``target`` folded."""
        wanted = {n for n in target if n.children}
        return FoldChange(frozenset(wanted - self._folded), frozenset(self._folded - wanted))

    def level_folds(self, levels: int) -> set[Node]:
        """The folds that show the root and ``levels`` levels below it: every node at that
        depth with children (deeper nodes stay unfolded, so opening one shows its whole
        branch)."""
        levels = max(0, levels)
        return {n for n, d in self.index.depth.items() if d == levels and n.children}

    def reveal_change(self, node: Node) -> FoldChange:
        """The change that unfolds every folded ancestor of ``node``."""
        return FoldChange(unfold=frozenset(a for a in node.ancestors() if a in self._folded))

    def _set_folds(self, fold: frozenset[Node], unfold: frozenset[Node]) -> FoldChange:
        folded = self._folded
        newly = frozenset(n for n in fold if n.children and n not in folded)
        opened = frozenset(n for n in unfold if n in folded and n not in fold)
        folded |= newly
        folded -= opened
        for node in newly:
            self._write(node, {"collapsed": True})
        for node in opened:
            self._write(node, {"collapsed": False})
        return FoldChange(fold=opened, unfold=newly)

    # ------------------------------------------------------------------ decisions

    def entry(self, node: Node) -> NodeState:
        """The node's recorded state (a fresh, empty one when nothing is recorded)."""
        return self._entries.get(node) or NodeState()

    def entries(self) -> Iterator[tuple[Node, NodeState]]:
        """Every node of the map that has an entry, with it."""
        return iter(self._entries.items())

    def is_checked(self, node: Node) -> bool:
        """Whether the team chose this node."""
        st = self._entries.get(node)
        return st is not None and st.checked

    def note(self, node: Node) -> str:
        """The node's Markdown notes ('' for none)."""
        st = self._entries.get(node)
        return st.note if st is not None else ""

    def has_note(self, node: Node) -> bool:
        """Whether the node carries notes."""
        st = self._entries.get(node)
        return st is not None and bool(st.note.strip())

    def decision(self, node: Node) -> Decision | None:
        """The node's decided state, None when undecided."""
        st = self._entries.get(node)
        return None if st is None else st.decision

    def checked_nodes(self) -> set[Node]:
        """Every chosen node of the map."""
        return {n for n, st in self._entries.items() if st.checked}

    def nodes_in(self, decision: Decision) -> set[Node]:
        """Every node of the map in the state ``decision``."""
        return {n for n, st in self._entries.items() if st.decision is decision}

    def decided_nodes(self) -> set[Node]:
        """Every node of the map in a decided state (chosen, rejected or considering)."""
        return {n for n, st in self._entries.items() if st.decision is not None}

    def decision_count(self) -> int:
        """How many nodes are chosen."""
        return sum(1 for st in self._entries.values() if st.checked)

    def count(self, decision: Decision) -> int:
        """How many nodes are in the state ``decision``."""
        return sum(1 for st in self._entries.values() if st.decision is decision)

    def rollup(self, node: Node) -> Rollup:
        """Chosen, all and open (considering) descendants of ``node`` (kept up to date by
        the changes)."""
        if self._rollup is None:
            self._rollup = rollup(
                self.mindmap, self.checked_nodes(), self.nodes_in(Decision.CONSIDERING)
            )
        return self._rollup.get(node) or Rollup(0, 0)

    def orphans(self) -> list[NodePath]:
        """Project entries that name no node of the map and record something about it
        (kept, shown to the user; an entry that only kept a fold is kept, not shown)."""
        nodes = self.index.nodes
        return [
            p for p, st in self.project.entries.items() if p not in nodes and not _only_folded(st)
        ]

    def set_change(self, node: Node, **values: Any) -> FieldChange:
        """The change that sets fields of ``node``'s entry (not applied). Choosing a node
        (``checked=True``) clears its other state, giving it one (``status=``) unchecks it."""
        return FieldChange(node, values)

    def decide_change(
        self,
        node: Node,
        decision: Decision | None,
        *,
        today: _dt.date | None = None,
        by: str | None = None,
    ) -> FieldChange:
        """The change that puts ``node`` in the state ``decision`` (None: undecided), not
        applied.

        A decided state is stamped with ``today`` (default: the date today) and with who
        decided: ``by``, else the project's participant, else whoever the entry named
        before. Undeciding a node clears its who and when (undo brings them back).
        """
        if decision is None:
            return FieldChange(node, {"checked": False, "status": None, "by": None, "date": None})
        who = by or self.project.participant or self.entry(node).by
        return FieldChange(
            node,
            {
                "checked": decision is Decision.CHOSEN,
                "status": None if decision is Decision.CHOSEN else decision,
                "by": who,
                "date": today or _dt.date.today(),
            },
        )

    def reattach_change(self, orphan: NodePath, target: NodePath) -> EntriesChange:
        """The change that gives an orphaned entry to the node at ``target``, merging it
        into what that node had (not applied)."""
        entries = self.project.entries
        scratch = {p: copy.deepcopy(entries[p]) for p in (orphan, target) if p in entries}
        reattach_entry(scratch, orphan, target)
        return EntriesChange({orphan: None, target: scratch.get(target)})

    def _set_fields(self, node: Node, values: Mapping[str, Any]) -> FieldChange:
        values = dict(values)
        # one decided state at a time: choosing clears a status, a status unchecks
        if values.get("checked"):
            values.setdefault("status", None)
        if values.get("status") is not None:
            values.setdefault("checked", False)
        before = self.entry(node)
        old = {key: copy.copy(getattr(before, key)) for key in values}
        self._write(node, values)
        return FieldChange(node, old)

    def _write(self, node: Node, values: Mapping[str, Any]) -> None:
        was = self.decision(node)
        path = self.path_of(node)
        self.project.update(path, **values)
        state = self.project.entries.get(path)
        if state is None:
            self._entries.pop(node, None)
        else:
            self._entries[node] = state
        now = self.decision(node)
        if now is was or self._rollup is None:
            return
        chosen = int(now is Decision.CHOSEN) - int(was is Decision.CHOSEN)
        open_ = int(now is Decision.CONSIDERING) - int(was is Decision.CONSIDERING)
        if chosen or open_:
            # Only the ancestors' counts move: update them instead of recounting the map.
            cache = self._rollup
            for ancestor in node.ancestors():
                cache[ancestor] = (cache.get(ancestor) or Rollup(0, 0)).moved(chosen, open_)

    def _set_entries(
        self, new: Mapping[NodePath, NodeState | None], order: tuple[NodePath, ...] | None
    ) -> EntriesChange:
        entries = self.project.entries
        old = {path: copy.deepcopy(entries.get(path)) for path in new}
        old_order = tuple(entries)
        for path, state in new.items():
            if state is None or state.is_empty():
                entries.pop(path, None)
            else:
                entries[path] = copy.deepcopy(state)
        if order is not None:
            # in place: the project's dict is the one that is saved
            rest = dict(entries)
            entries.clear()
            entries.update((p, rest.pop(p)) for p in order if p in rest)
            entries.update(rest)
        self._reindex()
        # A re-attached entry may bring a fold (and its undo takes it away): the folded
        # set follows the project, as everywhere else.
        for path in new:
            node = self.index.nodes.get(path)
            if node is not None and node.children:
                st = entries.get(path)
                if st is not None and st.collapsed:
                    self._folded.add(node)
                else:
                    self._folded.discard(node)
        return EntriesChange(old, old_order)

    def _reindex(self) -> None:
        """Key the project's entries by node."""
        nodes = self.index.nodes
        self._entries = {nodes[p]: st for p, st in self.project.entries.items() if p in nodes}
        self._rollup = None

    # ------------------------------------------------------------------ saving

    def save_order(self) -> dict[NodePath, int]:
        """The map order of every path, so a saved project lists entries as the map does."""
        paths = self.index.paths
        return {paths[node]: i for node, i in self.index.order.items()}


def _only_folded(state: NodeState) -> bool:
    """Whether an entry records nothing but a fold."""
    return state.collapsed and not (
        state.checked
        or state.status is not None
        or state.by is not None
        or state.date is not None
        or state.note
        or state.votes is not None
        or state.voters is not None
        or state.extra
    )
