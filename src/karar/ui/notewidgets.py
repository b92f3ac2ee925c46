"""The widgets of the decision panel's node page: the Markdown notes editor and its
preview (both framed in :func:`karar.ui.theme.outline_colour`), the outlined check box and
the breadcrumb's flow layout.

Apart from :mod:`karar.ui.sidepanel` so that the window's start does not make their Qt
classes: the panel builds its node page, and imports this, when it first shows a node.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize, Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDesktopServices,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QCheckBox,
    QLayout,
    QLayoutItem,
    QMenu,
    QPlainTextEdit,
    QStyle,
    QStyleOptionButton,
    QTextBrowser,
    QWidget,
)

from karar.core.notes import is_safe_link
from karar.ui.commands import close_note_step
from karar.ui.theme import focus_outline_colour, outline_colour

INSERT_TAB_KEY = QKeySequence("Ctrl+Tab")
"""Types a tab in the notes editor (Tab itself moves on to the next field). Ctrl+Tab
switches tabs only in tab widgets, and the panel has none."""


@lru_cache(maxsize=8)
def _edge_colours(window: int, base: int, ink: int, highlight: int) -> tuple[QColor, QColor]:
    palette = QPalette()
    for role, rgba in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.WindowText, ink),
        (QPalette.ColorRole.Highlight, highlight),
    ):
        palette.setColor(role, QColor.fromRgba(rgba))
    return outline_colour(palette), focus_outline_colour(palette)


def _paint_edge(widget: QWidget, rect: QRect, *, focused: bool) -> None:
    """Draw the outermost pixel ring of ``rect`` on ``widget`` again, over what the style
    drew, in :func:`outline_colour` of the widget's palette (:func:`focus_outline_colour`
    when ``focused``).

    Not a style sheet: a widget with one stops following palette changes, and the themes
    are palettes.
    """
    pal = widget.palette()
    colours = _edge_colours(
        *(
            pal.color(role).rgba()
            for role in (
                QPalette.ColorRole.Window,
                QPalette.ColorRole.Base,
                QPalette.ColorRole.WindowText,
                QPalette.ColorRole.Highlight,
            )
        )
    )
    painter = QPainter(widget)
    painter.setPen(QPen(colours[focused], 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect.adjusted(0, 0, -1, -1))
    painter.end()


# The mixin below extends Qt widgets; to the type checker it is one.
if TYPE_CHECKING:
    _FrameBase = QAbstractScrollArea
else:
    _FrameBase = object


class _EdgedFrame(_FrameBase):
    """Mixin (before the Qt class) for the editor and the preview: the frame's edge drawn
    by :func:`_paint_edge`, in the focus colour while the widget has the keyboard."""

    def event(self, event: QEvent) -> bool:
        handled: bool = super().event(event)
        if event.type() == QEvent.Type.Paint:  # the frame's paint; the text has its own
            _paint_edge(self, self.rect(), focused=self.hasFocus())
        return handled

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()  # the edge shows the focus

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()


class NoteEditor(_EdgedFrame, QPlainTextEdit):
    """The Markdown editor. It keeps no undo history of its own: Undo and Redo go to the
    document's stack, so the editor, the menu and the map agree on one history.

    Tab and Shift+Tab move the focus on; :data:`INSERT_TAB_KEY` and the context menu's
    "Insert Tab" type a tab. Esc closes the step being typed and emits
    :attr:`escape_pressed`; so does losing the focus (except to a menu).

    Signals:
        escape_pressed(): The user pressed Esc: they are done with the note.
    """

    escape_pressed = Signal()

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._undo_stack = undo_stack
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)

    @Slot()
    def insert_tab(self) -> None:
        """Type a tab character at the cursor (replacing the selection)."""
        self.textCursor().insertText("\t")
        self.ensureCursorVisible()

    def create_context_menu(self, pos: QPoint) -> QMenu:
        """The standard editing menu for a right-click at ``pos``, plus "Insert Tab"."""
        menu = self.createStandardContextMenu(pos)
        menu.addSeparator()
        action = menu.addAction(QCoreApplication.translate("DecisionPanel", "Insert &Tab"))
        action.setShortcut(INSERT_TAB_KEY)  # shown in the menu; the key itself is ours
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setEnabled(not self.isReadOnly())
        action.triggered.connect(self.insert_tab)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.create_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (_is_undo_or_redo(event) or _is_escape(event) or _is_insert_tab(event))
        ):
            event.accept()  # ours, not the window's (or the text control's) shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Undo):
            self._undo_stack.undo()
        elif event.matches(QKeySequence.StandardKey.Redo):
            self._undo_stack.redo()
        elif _is_escape(event):
            close_note_step(self._undo_stack)
            self.escape_pressed.emit()
        elif _is_insert_tab(event):
            self.insert_tab()
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            close_note_step(self._undo_stack)
        super().focusOutEvent(event)


class OutlinedCheckBox(QCheckBox):
    """A check box whose box always shows its edge: the style draws it, then the edge is
    drawn again in :func:`outline_colour` (Fusion draws it a shade darker than the window,
    which on a black window is black)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        box = self.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, self)
        _paint_edge(self, box, focused=self.hasFocus())


class NotePreview(_EdgedFrame, QTextBrowser):
    """The rendered notes: read-only, offline, links open in the browser on click only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.anchorClicked.connect(self._on_anchor_clicked)

    def loadResource(self, type: int, name: QUrl | str) -> object:
        # Nothing is ever fetched or read: not images, not style sheets, not local files.
        return None

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        if is_safe_link(url.toString()):
            QDesktopServices.openUrl(url)


class FlowLayout(QLayout):
    """Lays its items out left to right, wrapping onto new rows (the breadcrumb)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 2) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, row = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and x > area.x():
                x = area.x()
                y += row + self._spacing
                row = 0
            if move:
                item.setGeometry(QRect(x, y, hint.width(), hint.height()))
            x += hint.width() + self._spacing
            row = max(row, hint.height())
        return y + row - rect.y() + m.bottom()


def _is_undo_or_redo(event: QKeyEvent) -> bool:
    return event.matches(QKeySequence.StandardKey.Undo) or event.matches(
        QKeySequence.StandardKey.Redo
    )


def _is_escape(event: QKeyEvent) -> bool:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() == Qt.Key.Key_Escape and mods == Qt.KeyboardModifier.NoModifier


def _is_insert_tab(event: QKeyEvent) -> bool:
    return QKeySequence(event.keyCombination()) == INSERT_TAB_KEY
