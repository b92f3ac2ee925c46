"""Undo commands: one ``QUndoCommand`` per user action on a :class:`MapDocument`.

A command holds a core :class:`~karar.core.state.Change`; redo applies it and keeps the
inverse it returns, undo applies that inverse. Typing in the notes editor merges into one
step until the user pauses.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from karar.core.model import Node
from karar.core.state import Change, FieldChange
from karar.ui.plaintext import menu_text

if TYPE_CHECKING:
    from karar.ui.document import MapDocument

NOTE_MERGE_SECONDS = 1.5
"""Keystrokes closer together than this merge into one undo step."""

_NOTE_ID = 1001


def short_label(text: str, limit: int = 40) -> str:
    """A label on one line, shortened for menu texts such as “Undo Check …”."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ChangeCommand(QUndoCommand):
    """One change of the document's state (a fold, a check, a re-attached orphan...)."""

    def __init__(
        self, document: MapDocument, change: Change, text: str, anchor: Node | None = None
    ) -> None:
        super().__init__(menu_text(text))
        self._doc = document
        self._change = change
        self._inverse: Change | None = None
        self._anchor = anchor

    def redo(self) -> None:
        self._inverse = self._doc.apply(self._change, self._anchor)

    def undo(self) -> None:
        assert self._inverse is not None
        self._change = self._doc.apply(self._inverse, self._anchor)


class NoteCommand(QUndoCommand):
    """Replace one node's notes; consecutive edits of the same note merge until a pause."""

    def __init__(self, document: MapDocument, node: Node, new: str) -> None:
        step = QCoreApplication.translate("UndoStep", "Edit Note of “{label}”")
        super().__init__(menu_text(step.format(label=short_label(node.label))))
        self._doc = document
        self._node = node
        self._new = new
        self._inverse: Change | None = None
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
        # ``other`` is applied already; this step now ends at its text
        self._new = other._new
        self._at = other._at
        return True

    def redo(self) -> None:
        inverse = self._doc.apply(FieldChange(self._node, {"note": self._new}))
        if self._inverse is None:
            self._inverse = inverse

    def undo(self) -> None:
        assert self._inverse is not None
        self._doc.apply(self._inverse)


def close_note_step(stack: QUndoStack) -> None:
    """Close the note edit on top of ``stack``, if that is what the last step was (the
    user left the editor: what they type when they come back is a new step)."""
    top = stack.command(stack.index() - 1) if stack.index() > 0 else None
    if isinstance(top, NoteCommand):
        top.close()
