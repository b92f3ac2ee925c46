"""Text from files, shown as text: the one way labels, notes, messages and file names reach
Qt widgets outside the notes preview.

Qt guesses: a QLabel, a tooltip or a message box whose text merely *looks* like HTML
(``Qt::mightBeRichText``) is rendered as HTML, and ``<img src=…>`` then reads a local file.
Nothing a map, a project or a file name holds may choose that: labels get
``Qt.TextFormat.PlainText``, tooltips are escaped into rich text that says exactly the
text, message boxes are made plain, and file names are shown through
:func:`karar.core.pathnames.shown` (one line, no bytes Qt cannot take).
"""

from __future__ import annotations

import html
import os

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from karar.core.errors import KararError
from karar.core.pathnames import shown, single_line

TOOLTIP_CHARS = 2000
"""A tooltip shows at most this much of a long note."""


def tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as written, tags and entities included, with its line
    breaks (and at most :data:`TOOLTIP_CHARS` of it)."""
    if not text:
        return ""
    text = "\n".join(single_line(line) for line in text.splitlines())
    if len(text) > TOOLTIP_CHARS:
        text = text[:TOOLTIP_CHARS] + "…"
    # Escaped text is rich text saying exactly the text: nothing left for Qt to guess.
    return f"<p style='white-space:pre-wrap'>{html.escape(text, quote=False)}</p>"


def plain_label(label: QLabel, text: str = "") -> QLabel:
    """Make ``label`` show its text as plain text (and set ``text``)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    if text:
        label.setText(text)
    return label


def file_name(path: str | os.PathLike[str] | None) -> str:
    """The last part of a path, as the window shows names."""
    if path is None:
        return ""
    return shown(os.path.basename(os.fspath(path)))


def menu_text(text: str) -> str:
    """``text`` for a menu item or button: an ``&`` stays an ``&`` (not a shortcut key)."""
    return single_line(text).replace("&", "&&")


def title_text(text: str) -> str:
    """``text`` for a window title: one line, and a ``[*]`` in it stays ``[*]`` (Qt would
    take it for the place of the modified mark)."""
    return single_line(text).replace("[*]", "[*][*]")


def error_text(err: KararError) -> str:
    """What went wrong, on one line in the window's language, with the file shown as the
    window shows names (:func:`karar.ui.messages.error_text`)."""
    from karar.ui.messages import error_text as worded

    return worded(err)


def plain_box(parent: QWidget | None) -> QMessageBox:
    """An empty message box titled Karar whose text and informative text show as plain
    text (a message box guesses rich text otherwise, and opens links)."""
    box = QMessageBox(parent)
    box.setWindowTitle("Karar")
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, text: str, informative: str = ""
) -> QMessageBox:
    """A plain-text message box (not yet shown)."""
    box = plain_box(parent)
    box.setIcon(icon)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    return box


class _UndoTip(QObject):
    """Keeps an undo or redo action's text in the window's language and its tooltip plain
    (a child of the action: it goes with the action, and so do its connections).

    Qt's own text keeps the prefix it was given when the action was made; this one is
    connected after it, so its text (the prefix translated now) is the one shown."""

    def __init__(self, action: QAction, redo: bool) -> None:
        super().__init__(action)
        self._action = action
        self._redo = redo

    @Slot(str)
    def _on_stack_text_changed(self, text: str) -> None:
        # a window going away deletes its actions before its undo stack's last signal
        if not shiboken6.isValid(self._action):
            return
        if not text:
            if self._redo:
                shown = QCoreApplication.translate("Command", "&Redo")
                tip = QCoreApplication.translate("Command", "Redo")
            else:
                shown = QCoreApplication.translate("Command", "&Undo")
                tip = QCoreApplication.translate("Command", "Undo")
        elif self._redo:
            shown = QCoreApplication.translate("Command", "&Redo {step}").format(step=text)
            tip = QCoreApplication.translate("Command", "Redo {step}").format(step=text)
        else:
            shown = QCoreApplication.translate("Command", "&Undo {step}").format(step=text)
            tip = QCoreApplication.translate("Command", "Undo {step}").format(step=text)
        self._action.setText(shown)
        self._action.setToolTip(tooltip(tip))


def plain_undo_tooltips(stack: QUndoStack, undo: QAction, redo: QAction) -> None:
    """Keep the undo and redo actions' tooltips plain text, and their texts in the
    window's language (call again when it changes). Their text names the command
    (``Check “label”``), and an action without a tooltip of its own shows its text as one,
    in which Qt would guess rich text."""
    for action, is_redo, changed, now in (
        (undo, False, stack.undoTextChanged, stack.undoText()),
        (redo, True, stack.redoTextChanged, stack.redoText()),
    ):
        tip = action.findChild(_UndoTip)
        if tip is None:
            tip = _UndoTip(action, is_redo)
            changed.connect(tip._on_stack_text_changed)
        tip._on_stack_text_changed(now)


def warn(parent: QWidget | None, text: str) -> None:
    """Tell the user something went wrong, in a plain-text warning box (modal)."""
    message_box(parent, QMessageBox.Icon.Warning, text).exec()
