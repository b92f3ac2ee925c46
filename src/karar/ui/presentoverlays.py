"""What the presentation lays over the map: the slim footer, the list of keys (``?``),
the selected node's note shown large (``N``, rendered as Markdown, and typed into with the
panel's editor and undo), and the blank screen (``B``).

Each is a plain child widget of the window, sized by the presentation; the sizes of their
type follow the screen's height, as the map's labels do (:func:`room_px`).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from karar.core.labels import plain_text
from karar.core.model import Node
from karar.core.notes import RenderedNote
from karar.ui.document import MapDocument
from karar.ui.notepreview import NoteRenderer, fit_wrap, padded_code_blocks, preview_style_sheet
from karar.ui.notewidgets import NoteEditor
from karar.ui.theme import Theme, blend

#: the screen height the presentation's type sizes are given for
BASE_HEIGHT = 1080


def room_px(px: float, screen_height: int) -> int:
    """``px`` pixels on a 1080-pixel-high screen, scaled to a screen ``screen_height`` high."""
    return max(1, round(px * screen_height / BASE_HEIGHT))


def _tr(text: str) -> str:
    return QCoreApplication.translate("Presentation", text)


def _rgba(colour: QColor, alpha: int = 255) -> str:
    return f"rgba({colour.red()}, {colour.green()}, {colour.blue()}, {alpha})"


class Footer(QLabel):
    """The one line under the map: title · branch · step k of n · decided count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("present-footer")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # a long title must not hold the window wider than the screen: it is cut instead
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.hide()

    def restyle(self, theme: Theme, screen_height: int) -> None:
        """Colours of ``theme`` and type for a screen ``screen_height`` high."""
        px = room_px(22, screen_height)
        rule = blend(theme.background, theme.text, 0.25)
        self.setStyleSheet(
            f"QLabel#present-footer {{ background: {theme.background.name()}; "
            f"color: {theme.text.name()}; font-size: {px}px; "
            f"border-top: 1px solid {rule.name()}; padding: {px // 3}px {px}px; }}"
        )

    def set_parts(self, parts: Sequence[str]) -> None:
        """Show ``parts`` joined by middle dots."""
        self.setText("  ·  ".join(p for p in parts if p))


class Overlay(QFrame):
    """A panel over the whole map, in the theme's colours, nearly opaque."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAutoFillBackground(True)
        self.hide()

    def restyle(self, theme: Theme, screen_height: int) -> None:
        """Colours of ``theme`` and type for a screen ``screen_height`` high."""
        pal = self.palette()
        back = QColor(theme.background)
        pal.setColor(QPalette.ColorRole.Window, back)
        pal.setColor(QPalette.ColorRole.WindowText, theme.text)
        pal.setColor(QPalette.ColorRole.Base, back)
        pal.setColor(QPalette.ColorRole.Text, theme.text)
        self.setPalette(pal)


class KeysOverlay(Overlay):
    """The presentation's keys, from the same table the keys are handled by: given in
    English, shown in the window's language of the moment."""

    def __init__(self, rows: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__("present-keys", parent)
        self._rows = tuple(rows)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout(self)
        column.addWidget(self.label)

    def restyle(self, theme: Theme, screen_height: int) -> None:
        super().restyle(theme, screen_height)
        px = room_px(26, screen_height)
        muted = theme.muted.name()
        rows = "".join(
            f"<tr><td align='right' style='padding: 4px 24px;'><b>{html.escape(k)}</b></td>"
            f"<td style='padding: 4px 0px;'>{html.escape(w)}</td></tr>"
            for k, w in self.rows
        )
        self.label.setStyleSheet(f"font-size: {px}px; color: {theme.text.name()};")
        heading = QCoreApplication.translate("Presentation", "Presentation keys")
        closes = QCoreApplication.translate("Presentation", "Esc closes this list")
        self.label.setText(
            f"<h2 style='font-size: {round(px * 1.3)}px;'>{html.escape(heading)}</h2>"
            f"<table align='center' cellspacing='0'>{rows}</table>"
            f"<p style='color: {muted};'>{html.escape(closes)}</p>"
        )

    @property
    def rows(self) -> tuple[tuple[str, str], ...]:
        """The (keys, what they do) rows shown, in the window's language."""
        return tuple((keys, _tr(what)) for keys, what in self._rows)


class NoteOverlay(Overlay):
    """One node's note, large: rendered as Markdown, or in the editor (Enter) where typing
    goes through the document's undo stack as in the Decision panel.

    Signals:
        editing_finished(): Esc in the editor: back to the rendered note.
    """

    editing_finished = Signal()

    def __init__(self, document: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__("present-note", parent)
        self.document = document
        self.node: Node | None = None
        self._updating = False
        self._code_background = "#eeeeee"
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.browser = QTextBrowser(self)
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.setOpenExternalLinks(False)
        self.browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.editor = NoteEditor(document.undo_stack, self)
        self.editor.setFrameShape(QFrame.Shape.NoFrame)
        self.editor.setPlaceholderText(
            QCoreApplication.translate("Presentation", "Type the note (Markdown); Esc when done")
        )
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.editor.escape_pressed.connect(self._on_editor_escape_pressed)
        self.hint = QLabel(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.browser)
        self.stack.addWidget(self.editor)
        self.renderer = NoteRenderer(self)
        self.renderer.rendered.connect(self._on_renderer_rendered)
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addWidget(self.stack, 1)
        column.addWidget(self.hint)
        document.decisions_changed.connect(self._on_document_decisions_changed)

    def restyle(self, theme: Theme, screen_height: int) -> None:
        super().restyle(theme, screen_height)
        px = room_px(30, screen_height)
        margin = room_px(60, screen_height)
        layout = self.layout()
        assert layout is not None
        layout.setContentsMargins(margin, margin // 2, margin, margin // 3)
        self.title.setStyleSheet(
            f"font-size: {round(px * 1.35)}px; font-weight: 600; color: {theme.text.name()};"
        )
        self.hint.setStyleSheet(
            f"font-size: {room_px(20, screen_height)}px; color: {theme.muted.name()};"
        )
        body = f"font-size: {px}px; color: {theme.text.name()}; background: transparent;"
        self.browser.setStyleSheet(f"QTextBrowser {{ {body} }}")
        self.editor.setStyleSheet(f"QPlainTextEdit {{ {body} }}")
        sheet, self._code_background = preview_style_sheet(self.palette())
        self.browser.document().setDefaultStyleSheet(sheet)
        if self.node is not None:
            self._show_rendered()

    @property
    def editing(self) -> bool:
        """Whether the editor is shown (typing goes into the note)."""
        return self.isVisible() and self.stack.currentWidget() is self.editor

    def show_node(self, node: Node) -> None:
        """Show ``node``'s note, rendered."""
        self.node = node
        self.title.setText(plain_text(node.label, node.markdown))
        self.stack.setCurrentWidget(self.browser)
        self.hint.setText(
            QCoreApplication.translate("Presentation", "Enter: type into the note  ·  Esc: close")
        )
        self._show_rendered()
        self.show()
        self.raise_()

    def edit(self) -> None:
        """Type into the note: the editor, holding the note's Markdown, gets the focus."""
        if self.node is None:
            return
        self._updating = True
        try:
            text = self.document.note(self.node)
            self.editor.setPlainText(text)
            fit_wrap(self.editor, text)
        finally:
            self._updating = False
        self.stack.setCurrentWidget(self.editor)
        self.hint.setText(QCoreApplication.translate("Presentation", "Esc: done typing"))
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        self.editor.setFocus()

    def close_overlay(self) -> None:
        """Hide, and stop any render under way."""
        self.renderer.cancel()
        self.stack.setCurrentWidget(self.browser)
        self.hide()

    def shown_html(self) -> str:
        """The rendered note as shown (its HTML)."""
        return self.browser.toHtml()

    def _show_rendered(self) -> None:
        assert self.node is not None
        text = self.document.note(self.node)
        if not text.strip():
            no_note = QCoreApplication.translate("Presentation", "No note yet.")
            self.browser.setHtml(f"<p><i>{html.escape(no_note)}</i></p>")
            return
        result = self.renderer.render(text)
        if result is not None:
            self._show_html(result)

    def _show_html(self, result: RenderedNote) -> None:
        shown = padded_code_blocks(result.html, self._code_background)
        if result.notice:
            shown = f"<p><i>{html.escape(result.notice)}</i></p>{shown}"
        self.browser.setHtml(shown)

    @Slot(str, object)
    def _on_renderer_rendered(self, text: str, result: object) -> None:
        if (
            self.node is not None
            and isinstance(result, RenderedNote)
            and text == self.document.note(self.node)
        ):
            self._show_html(result)

    @Slot()
    def _on_editor_text_changed(self) -> None:
        if self._updating or self.node is None:
            return
        self._updating = True  # the document echoes the change back: it is ours already
        try:
            self.document.set_note(self.node, self.editor.toPlainText())
        finally:
            self._updating = False

    @Slot()
    def _on_editor_escape_pressed(self) -> None:
        self.stack.setCurrentWidget(self.browser)
        self.hint.setText(
            QCoreApplication.translate("Presentation", "Enter: type into the note  ·  Esc: close")
        )
        self._show_rendered()
        self.editing_finished.emit()

    @Slot(object)
    def _on_document_decisions_changed(self, nodes: object) -> None:
        if self._updating or self.node is None or not self.isVisible():
            return
        if nodes is None or (isinstance(nodes, list) and self.node in nodes):
            if self.editing:
                text = self.document.note(self.node)
                if text != self.editor.toPlainText():  # an undo while typing
                    self._updating = True
                    try:
                        self.editor.setPlainText(text)
                    finally:
                        self._updating = False
            else:
                self._show_rendered()


class Blank(QWidget):
    """The blanked screen: black, over everything (any key returns)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("present-blank")
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, QColor("#000000"))
        self.setPalette(pal)
        self.hide()
