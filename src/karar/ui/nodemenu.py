"""The node's context menu on the canvas: its decision state (Chosen, Rejected,
Considering, Undecided — the current one checked), Fold/Unfold and Edit Note, each with
the key that does the same from the keyboard.

The keys shown are read from the window's actions (:data:`karar.ui.actions.COMMANDS`), so
the menu and the keys dialog cannot disagree; the menu's own items carry no shortcuts (the
window's actions already answer those keys).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from karar.core.model import Node
from karar.core.status import Decision
from karar.ui.document import MapDocument
from karar.ui.i18n import QT_TRANSLATE_NOOP

STATE_ITEMS: tuple[tuple[Decision | None, str, str], ...] = (
    (Decision.CHOSEN, QT_TRANSLATE_NOOP("NodeMenu", "&Chosen"), "check"),
    (Decision.REJECTED, QT_TRANSLATE_NOOP("NodeMenu", "&Rejected"), "reject"),
    (Decision.CONSIDERING, QT_TRANSLATE_NOOP("NodeMenu", "C&onsidering"), "consider"),
    (None, QT_TRANSLATE_NOOP("NodeMenu", "&Undecided"), "undecide"),
)
"""The state items: (state, menu text (English source), the command whose keys do the same)."""


def command(widget: QWidget, name: str) -> QAction | None:
    """The action called ``name`` on ``widget`` or its window (None: there is none)."""
    for owner in (widget, widget.window()):
        for action in owner.actions():
            if action.objectName() == name:
                return action
    return None


def _with_keys(text: str, action: QAction | None) -> str:
    """``text`` with the first key of ``action`` in the menu's shortcut column."""
    if action is None or action.shortcut().isEmpty():
        return text
    return f"{text}\t{action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}"


def node_menu(
    widget: QWidget, document: MapDocument, node: Node, *, folds_apply: bool = True
) -> QMenu:
    """The context menu of ``node`` (not shown yet), parented to ``widget``.

    Args:
        widget: The map view (its actions and its window's name the keys shown).
        document: The open map; the items change it through its undoable methods.
        node: The node the menu acts on.
        folds_apply: Whether Fold/Unfold is offered (not in a view that ignores folds).
    """
    menu = QMenu(widget)
    menu.setObjectName("node-menu")
    group = QActionGroup(menu)
    current = document.decision(node)
    for state, text, name in STATE_ITEMS:
        shown = QCoreApplication.translate("NodeMenu", text)
        action = menu.addAction(_with_keys(shown, command(widget, name)))
        action.setObjectName(f"state-{state.value if state else 'undecided'}")
        action.setCheckable(True)
        action.setChecked(current is state)
        group.addAction(action)
        action.triggered.connect(lambda _=False, s=state: document.decide(node, s))
    menu.addSeparator()
    folded = document.is_folded(node)
    fold = menu.addAction(
        _with_keys(
            QCoreApplication.translate("NodeMenu", "&Unfold")
            if folded
            else QCoreApplication.translate("NodeMenu", "&Fold"),
            command(widget, "toggle_fold"),
        )
    )
    fold.setObjectName("fold")
    fold.setEnabled(bool(node.children) and folds_apply)
    fold.triggered.connect(lambda _=False: document.toggle_fold(node))
    note = command(widget, "edit_note")
    if note is not None:
        edit = menu.addAction(
            _with_keys(QCoreApplication.translate("NodeMenu", "Edit &Note"), note)
        )
        edit.setObjectName("edit-note")
        edit.triggered.connect(note.trigger)
    return menu
