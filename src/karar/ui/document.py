"""The open map as the UI sees it: a Qt adapter over :class:`~karar.core.state.MapState`
with the undo stack every user change goes through.

:class:`MapDocument` holds no state of its own beyond the undo stack: folds, decisions and
the roll-up live in the core state, and every change is a core
:class:`~karar.core.state.Change`. User-level methods (``toggle_fold``, ``set_checked``,
``set_note``...) push one ``QUndoCommand`` each; the commands call :meth:`apply`, which
makes the change and emits the past-tense signal the scene, panels and status bar mirror.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from karar.core.decisions import Rollup
from karar.core.model import MindMap, Node, NodePath
from karar.core.project import NodeState, Project
from karar.core.sources import BUILTIN_DJANGO
from karar.core.state import (
    Change,
    EntriesChange,
    FieldChange,
    FoldChange,
    MapIndex,
    MapState,
)
from karar.core.status import Decision
from karar.ui.i18n import QT_TRANSLATE_NOOP

_DECIDE_STEPS: dict[Decision | None, str] = {
    Decision.CHOSEN: QT_TRANSLATE_NOOP("UndoStep", "Check “{label}”"),
    Decision.REJECTED: QT_TRANSLATE_NOOP("UndoStep", "Reject “{label}”"),
    Decision.CONSIDERING: QT_TRANSLATE_NOOP("UndoStep", "Consider “{label}”"),
    None: QT_TRANSLATE_NOOP("UndoStep", "Clear Decision of “{label}”"),
}
"""The undo steps of :meth:`MapDocument.decide` (English source texts, named in the
window's language when the step is made)."""


def _step(text: str, label: str | None = None) -> str:
    """The undo step ``text`` (an ``UndoStep`` source text) in the window's language, the
    node's ``label`` (shortened) filled in."""
    said = QCoreApplication.translate("UndoStep", text)
    return said if label is None else said.format(label=_short_label(label))


class MapDocument(QObject):
    """The open map, its project and its folds.

    Signals:
        changed(): Something changed (the map, a fold, a check, a note, one keystroke of it).
        map_replaced(): A different map or project (or the same file re-read) is now
            open; every derived view must be rebuilt. Emitted once per :meth:`load`.
        folds_changed(object): The folded set changed; the argument is the node the user
            acted on (it should stay put on screen), or None.
        decisions_changed(object): Checks or notes changed: a list of the nodes concerned,
            or None for "any node".
        orphans_changed(): The list of project entries that name no node changed (an
            orphan was re-attached, or that was undone).
        project_changed(): The project's file, participant or map reference changed.
    """

    changed = Signal()
    map_replaced = Signal()
    folds_changed = Signal(object)
    decisions_changed = Signal(object)
    orphans_changed = Signal()
    project_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: str | None = None
        self.undo_stack = QUndoStack(self)
        #: counts every change (a keystroke in a note too, though typing merges into one
        #: undo step): what the recovery copy follows
        self.revision = 0
        self._recording = True
        self.map_state = MapState(MindMap(None), Project(map_ref=BUILTIN_DJANGO))

    # ------------------------------------------------------------------ the map

    def load(
        self,
        mindmap: MindMap,
        path: str | None,
        project: Project,
        folded: Iterable[Node] | None = None,
    ) -> None:
        """Open ``mindmap`` (read from ``path``; None for the built-in map) with the
        decisions of ``project`` and the given folds (None: the project's). Emits
        :attr:`map_replaced` once; the undo history starts afresh (it names old nodes)."""
        self.undo_stack.clear()
        self.map_state = MapState(mindmap, project, folded)
        self.path = path
        self.revision += 1
        self.map_replaced.emit()

    @property
    def mindmap(self) -> MindMap:
        """The open map."""
        return self.map_state.mindmap

    @property
    def project(self) -> Project:
        """The project holding the map's decisions."""
        return self.map_state.project

    @property
    def index(self) -> MapIndex:
        """Paths, depths and branches of the open map."""
        return self.map_state.index

    @property
    def root(self) -> Node | None:
        """The root node, None for an empty map."""
        return self.map_state.root

    @property
    def depth(self) -> dict[Node, int]:
        """Every node's depth (also: which nodes belong to the open map)."""
        return self.map_state.index.depth

    @property
    def branch(self) -> dict[Node, int]:
        """Every node's first-level branch index (-1 for the root)."""
        return self.map_state.index.branch

    @property
    def count(self) -> int:
        """How many nodes the map has."""
        return len(self.map_state.index)

    @property
    def title(self) -> str:
        """What the window title shows for this map."""
        return self.mindmap.display_title or (Path(self.path).name if self.path else "")

    def descendants(self, node: Node) -> int:
        """How many nodes lie below ``node``."""
        return self.map_state.index.descendants(node)

    def path_of(self, node: Node) -> NodePath:
        """The node's project path (CONTRACT.md)."""
        return self.map_state.path_of(node)

    def node_at(self, path: Iterable[str]) -> Node | None:
        """The node at a project path, None where the map has none."""
        return self.map_state.node_at(path)

    def project_renamed(self) -> None:
        """The project was saved under another name (its path changed)."""
        self.project_changed.emit()

    # ------------------------------------------------------------------ changes

    def apply(self, change: Change, anchor: Node | None = None) -> Change:
        """Make ``change`` without recording it (commands and set-up use this), emit what
        it changed and return its inverse."""
        folded = set(self.map_state.folded) if isinstance(change, EntriesChange) else None
        inverse = change.apply(self.map_state)
        self.revision += 1
        self.changed.emit()
        if isinstance(change, FoldChange):
            if not inverse.is_empty():
                self.folds_changed.emit(anchor)
        elif isinstance(change, FieldChange):
            self.decisions_changed.emit([change.node])
        elif isinstance(change, EntriesChange):
            self.orphans_changed.emit()
            self.decisions_changed.emit(None)
            if folded != self.map_state.folded:  # a re-attached entry brought a fold
                self.folds_changed.emit(anchor)
        return inverse

    def push(self, change: Change, text: str, anchor: Node | None = None) -> bool:
        """Make ``change`` as one user action (one undo step); False when it changes
        nothing. Inside :meth:`untracked` it is made without an undo step."""
        if change.is_empty():
            return False
        if not self._recording:
            self.apply(change, anchor)
            return True
        from karar.ui.commands import ChangeCommand

        self.undo_stack.push(ChangeCommand(self, change, text, anchor))
        return True

    @contextmanager
    def untracked(self) -> Iterator[None]:
        """Changes inside this block are not undo steps (the automatic first view)."""
        recording, self._recording = self._recording, False
        try:
            yield
        finally:
            self._recording = recording

    # ------------------------------------------------------------------ folding

    @property
    def folded(self) -> frozenset[Node] | set[Node]:
        """The folded nodes (read-only: change them through the methods below)."""
        return self.map_state.folded

    def is_folded(self, node: Node) -> bool:
        """Whether ``node``'s children are hidden."""
        return self.map_state.is_folded(node)

    def is_visible(self, node: Node) -> bool:
        """Whether no ancestor of ``node`` is folded."""
        return self.map_state.is_visible(node)

    def set_folds(
        self, folded: Iterable[Node], anchor: Node | None = None, text: str | None = None
    ) -> bool:
        """Make exactly ``folded`` folded, as one user action (its undo step named
        ``text``, else "Fold")."""
        if text is None:
            text = QCoreApplication.translate("UndoStep", "Fold")
        return self.push(self.map_state.folds_to(folded), text, anchor)

    def set_folded(self, node: Node, folded: bool) -> bool:
        """Fold or unfold one node."""
        if not node.children or self.map_state.is_folded(node) == folded:
            return False
        change = (
            FoldChange(fold=frozenset([node])) if folded else FoldChange(unfold=frozenset([node]))
        )
        if folded:
            step = QT_TRANSLATE_NOOP("UndoStep", "Fold “{label}”")
        else:
            step = QT_TRANSLATE_NOOP("UndoStep", "Unfold “{label}”")
        return self.push(change, _step(step, node.label), node)

    def toggle_fold(self, node: Node) -> bool:
        """Fold ``node`` if it is open, else unfold it."""
        return self.set_folded(node, not self.map_state.is_folded(node))

    def fold_all(self, anchor: Node | None = None) -> bool:
        """Fold every node that has children: only the root stays in sight."""
        return self.set_folds(
            (n for n in self.mindmap if n.children),
            anchor or self.root,
            QCoreApplication.translate("UndoStep", "Fold All"),
        )

    def unfold_all(self, anchor: Node | None = None) -> bool:
        """Show every node."""
        return self.set_folds(
            (), anchor or self.root, QCoreApplication.translate("UndoStep", "Unfold All")
        )

    def show_levels(self, levels: int, anchor: Node | None = None) -> bool:
        """Show the root and ``levels`` levels below it; fold the nodes at that depth."""
        levels = max(0, levels)
        return self.set_folds(
            self.map_state.level_folds(levels),
            anchor or self.root,
            self.tr("Show %n Level(s)", "", levels),
        )

    def reveal(self, node: Node) -> FoldChange:
        """Unfold every folded ancestor of ``node`` so that it is in sight, as navigation:
        no undo step. Returns the change that folds them again."""
        inverse = self.apply(self.map_state.reveal_change(node), node)
        assert isinstance(inverse, FoldChange)
        return inverse

    # ------------------------------------------------------------------ decisions

    def entry(self, node: Node) -> NodeState:
        """The node's recorded state (an empty one when nothing is recorded)."""
        return self.map_state.entry(node)

    def is_checked(self, node: Node) -> bool:
        """Whether the team chose this node."""
        return self.map_state.is_checked(node)

    def note(self, node: Node) -> str:
        """The node's Markdown notes ('' for none)."""
        return self.map_state.note(node)

    def has_note(self, node: Node) -> bool:
        """Whether the node carries notes."""
        return self.map_state.has_note(node)

    def checked_nodes(self) -> set[Node]:
        """Every checked node of the map."""
        return self.map_state.checked_nodes()

    def rollup(self, node: Node) -> Rollup:
        """Checked descendants / descendants of ``node``."""
        return self.map_state.rollup(node)

    def orphans(self) -> list[NodePath]:
        """Project entries that name no node of the map (kept, shown to the user)."""
        return self.map_state.orphans()

    def decision_count(self) -> int:
        """How many nodes are checked."""
        return self.map_state.decision_count()

    def decision(self, node: Node) -> Decision | None:
        """The node's decided state, None when undecided."""
        return self.map_state.decision(node)

    def decide(self, node: Node, decision: Decision | None) -> bool:
        """Put ``node`` in the state ``decision`` (None: undecided), stamped with today's
        date and who decided (one undo step); returns whether anything changed."""
        if self.decision(node) is decision:
            return False
        if decision is None and self.is_checked(node):
            step = QT_TRANSLATE_NOOP("UndoStep", "Uncheck “{label}”")
        else:
            step = _DECIDE_STEPS[decision]
        return self.push(self.map_state.decide_change(node, decision), _step(step, node.label))

    def set_checked(self, node: Node, checked: bool) -> bool:
        """Choose ``node`` or make it undecided (one undo step); returns whether anything
        changed. Unchecking a node that is not chosen changes nothing."""
        if self.is_checked(node) == checked:
            return False
        return self.decide(node, Decision.CHOSEN if checked else None)

    def toggle_checked(self, node: Node) -> bool:
        """Choose ``node`` if it is not chosen, else make it undecided."""
        return self.set_checked(node, not self.is_checked(node))

    def set_record(self, node: Node, **values: Any) -> bool:
        """Change who decided (``by=``) or when (``date=``) of ``node`` (one undo step)."""
        entry = self.entry(node)
        if all(getattr(entry, key) == value for key, value in values.items()):
            return False
        return self.push(
            self.map_state.set_change(node, **values),
            _step(QT_TRANSLATE_NOOP("UndoStep", "Edit Decision of “{label}”"), node.label),
        )

    def set_note(self, node: Node, text: str) -> bool:
        """Replace ``node``'s notes. Typing in quick succession merges into one undo step."""
        if self.note(node) == text:
            return False
        from karar.ui.commands import NoteCommand

        self.undo_stack.push(NoteCommand(self, node, text))
        return True

    def reattach(self, orphan: NodePath, node: Node) -> None:
        """Give an orphaned entry's check and notes to ``node`` (one undo step)."""
        target = self.path_of(node)
        self.push(
            self.map_state.reattach_change(tuple(orphan), target),
            _step(QT_TRANSLATE_NOOP("UndoStep", "Re-attach Note to “{label}”"), target[-1]),
        )


def _short_label(text: str) -> str:
    # The undo commands load with the first change: a picture export makes none.
    from karar.ui.commands import short_label

    return short_label(text)
