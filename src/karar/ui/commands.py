"""Undo commands: one ``QUndoCommand`` per user action on a :class:`MapDocument`.

Each command changes only the document, through its ``apply_*`` primitives, and can be
undone and redone any number of times. Typing in the notes editor merges into one step
until the user pauses.
"""

from __future__ import annotations

import copy
import time
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack

from karar.core.model import Node, NodePath
from karar.core.project import reattach_entry

if TYPE_CHECKING:
    from karar.ui.document import MapDocument

NOTE_MERGE_SECONDS = 1.5
"""Keystrokes closer together than this merge into one undo step."""

_NOTE_ID = 1001


def short_label(text: str, limit: int = 40) -> str:
    """A label on one line, shortened for menu texts such as “Undo Check …”."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class FoldCommand(QUndoCommand):
    """Replace the folded set (fold, unfold, fold all, show N levels, reveal)."""

    def __init__(
        self,
        document: MapDocument,
        before: set[Node],
        after: set[Node],
        anchor: Node | None,
        text: str,
    ) -> None:
        super().__init__(text)
        self._doc = document
        self._before = before
        self._after = after
        self._anchor = anchor

    def redo(self) -> None:
        self._doc.apply_folds(self._after, self._anchor)

    def undo(self) -> None:
        self._doc.apply_folds(self._before, self._anchor)


class CheckCommand(QUndoCommand):
    """Check or uncheck one node."""

    def __init__(self, document: MapDocument, node: Node, checked: bool) -> None:
        verb = "Check" if checked else "Uncheck"
        super().__init__(f"{verb} “{short_label(node.label)}”")
        self._doc = document
        self._node = node
        self._checked = checked

    def redo(self) -> None:
        self._doc.apply_state(self._node, checked=self._checked)

    def undo(self) -> None:
        self._doc.apply_state(self._node, checked=not self._checked)


class NoteCommand(QUndoCommand):
    """Replace one node's notes; consecutive edits of the same note merge until a pause."""

    def __init__(self, document: MapDocument, node: Node, old: str, new: str) -> None:
        super().__init__(f"Edit Note of “{short_label(node.label)}”")
        self._doc = document
        self._node = node
        self._old = old
        self._new = new
        self._at = time.monotonic()
        self._closed = False

    def close(self) -> None:
        """End this step: the next edit of the same note is a step of its own."""
        self._closed = True

    def id(self) -> int:
        return _NOTE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if self._closed or not isinstance(other, NoteCommand) or other._node is not self._node:
            return False
        if other._at - self._at > NOTE_MERGE_SECONDS:
            return False
        self._new = other._new
        self._at = other._at
        return True

    def redo(self) -> None:
        self._doc.apply_state(self._node, note=self._new)

    def undo(self) -> None:
        self._doc.apply_state(self._node, note=self._old)


def close_note_step(stack: QUndoStack) -> None:
    """Close the note edit on top of ``stack``, if that is what the last step was (the
    user left the editor: what they type when they come back is a new step)."""
    top = stack.command(stack.index() - 1) if stack.index() > 0 else None
    if isinstance(top, NoteCommand):
        top.close()


class ReattachCommand(QUndoCommand):
    """Give an orphaned entry to a node of the map (merging into what it had)."""

    def __init__(self, document: MapDocument, orphan: NodePath, target: NodePath) -> None:
        super().__init__(f"Re-attach Note to “{short_label(target[-1])}”")
        self._doc = document
        self._orphan = orphan
        self._target = target
        self._before = copy.deepcopy(document.project.entries)

    def redo(self) -> None:
        entries = copy.deepcopy(self._before)
        reattach_entry(entries, self._orphan, self._target)
        self._doc.apply_entries(entries)

    def undo(self) -> None:
        self._doc.apply_entries(copy.deepcopy(self._before))
