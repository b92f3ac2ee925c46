"""The decision panel: a dock showing the selected node's path, its decision and its notes.

The breadcrumb's segments select an ancestor; the checkbox, the decision record (state,
who, when: :class:`~karar.ui.record.RecordForm`) and the Markdown notes editor (the
rationale) change the :class:`MapDocument` through its undoable methods (typing merges into one undo
step until the user pauses), and the live preview renders the notes with
:func:`karar.core.notes.render_note_html`. The preview never fetches anything: the HTML has
no images, :meth:`NotePreview.loadResource` answers nothing, and a link opens in the
user's browser only when clicked. ``markdown`` is imported on the first note rendered,
never at start-up.

Keyboard: Esc in the editor hands the keyboard back to the map (:attr:`DecisionPanel.
focus_map_requested`), Tab and Shift+Tab move on through the panel, and Ctrl+Tab (or
"Insert Tab" in the editor's context menu) types a tab. Leaving the editor closes the undo
step being typed. The check box and the two note frames have borders in
:func:`karar.ui.theme.outline_colour`, visible in every theme.

The preview never holds the window up: a note is rendered by a
:class:`~karar.ui.notepreview.NoteRenderer` (a short one at once, anything more on a worker
thread, the note shown as typed meanwhile), only after typing pauses for
``_RENDER_DELAY_MS``, and a note Markdown will not render is shown as typed under a
one-line notice (:attr:`DecisionPanel.preview_notice`). Both note views wrap anywhere
when the note holds a run of characters Qt would take long to wrap
(:func:`~karar.ui.notepreview.wrap_mode_for`).

At start the panel only says "Select a node": its node page, and the modules of its
widgets (:mod:`karar.ui.notewidgets`, :mod:`karar.ui.record`), are made when it first
shows a node, or when a part of the page is first asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QKeySequence,
    QPalette,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from karar.core.labels import plain_text
from karar.core.model import Node
from karar.core.notes import RenderedNote
from karar.ui.commands import short_label
from karar.ui.document import MapDocument
from karar.ui.notepreview import fit_wrap, padded_code_blocks, preview_style_sheet
from karar.ui.plaintext import tooltip

if TYPE_CHECKING:
    pass

MODES = ("edit", "preview", "both")
"""What the notes area shows: the editor, the rendered preview, or both (stacked)."""

# what the node page holds: asked for before it is made, they make it
_PAGE_PARTS = frozenset(
    {
        "crumbs",
        "_crumb_layout",
        "heading",
        "check_box",
        "rollup_label",
        "record",
        "notes_label",
        "mode_group",
        "mode_buttons",
        "editor",
        "preview",
        "preview_notice",
        "_preview_pane",
        "splitter",
        "_renderer",
    }
)

_RENDER_DELAY_MS = 150
_INTERIM_CHARS = 2_000  # of a note shown as typed while the worker renders it
_CRUMB_CHARS = 28


def _key_text(key: QKeySequence | str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


class DecisionPanel(QDockWidget):
    """The "Decision" dock: the selected node's path, check and notes.

    Args:
        document: The open map; every change goes through its undoable methods.
        parent: The main window.

    Signals:
        node_activated(object): The user clicked an ancestor in the breadcrumb; the
            argument is that node (the window should select it).
        focus_map_requested(): The user pressed Esc in the notes editor: the window
            should give the keyboard back to the map, leaving the selection as it is.
    """

    node_activated = Signal(object)
    focus_map_requested = Signal()

    def __init__(self, document: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decision-dock")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.document = document
        self._node: Node | None = None
        self._updating = False
        self._mode = "both"
        self._shown_html: str | None = None
        self._preview_node: Node | None = None  # whose note the preview shows
        self._code_background = ""
        self._style_key: tuple[int, ...] = ()

        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(_RENDER_DELAY_MS)
        self._render_timer.timeout.connect(self._on_render_timer_timeout)
        self._page_built = False
        self._votes_visible: Callable[[Node], bool] | None = None

        self._build()
        self.retranslate()

        document.decisions_changed.connect(self._on_document_decisions_changed)
        document.map_replaced.connect(self._on_document_map_replaced)
        self.set_node(None)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.pages = QStackedWidget(self)

        self.empty_label = QLabel(self.pages)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.setMargin(24)
        self.pages.addWidget(self.empty_label)
        self.setWidget(self.pages)

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> object:
            # a part of the node page asked for before any node was shown: made now
            if name in _PAGE_PARTS and not self.__dict__.get("_page_building"):
                self._build_page()
                return getattr(self, name)
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _build_page(self) -> None:
        """The node page (breadcrumb, heading, check box, record, notes editor and preview),
        made when the panel first shows a node: at start it only says "Select a node"."""
        if self._page_built:
            return
        from karar.ui.notepreview import NoteRenderer
        from karar.ui.notewidgets import FlowLayout, NoteEditor, NotePreview, OutlinedCheckBox
        from karar.ui.record import RecordForm

        self._page_building = True
        self._renderer = NoteRenderer(self)
        self._renderer.rendered.connect(self._on_renderer_rendered)
        page = QWidget(self.pages)
        column = QVBoxLayout(page)
        column.setContentsMargins(10, 8, 10, 10)
        column.setSpacing(6)

        self.crumbs = QWidget(page)
        self.crumbs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._crumb_layout = FlowLayout(self.crumbs, spacing=0)
        self._crumb_layout.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.crumbs)

        self.heading = QLabel(page)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        column.addWidget(self.heading)

        row = QHBoxLayout()
        row.setSpacing(8)
        self.check_box = OutlinedCheckBox(page)
        self.check_box.toggled.connect(self._on_check_box_toggled)
        row.addWidget(self.check_box)
        row.addStretch(1)
        self.rollup_label = QLabel(page)
        self.rollup_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        row.addWidget(self.rollup_label)
        column.addLayout(row)
        self.record = RecordForm(self.document, page)
        if self._votes_visible is not None:
            self.record.votes_visible = self._votes_visible
        column.addWidget(self.record)
        column.addSpacing(4)

        bar = QHBoxLayout()
        bar.setSpacing(0)
        notes_label = self.notes_label = QLabel(page)
        bold = QFont(notes_label.font())
        bold.setBold(True)
        notes_label.setFont(bold)
        bar.addWidget(notes_label)
        bar.addStretch(1)
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QToolButton] = {}
        for mode in MODES:
            button = QToolButton(page)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            bar.addWidget(button)
        column.addLayout(bar)

        self.editor = NoteEditor(self.document.undo_stack, page)
        self.editor.setObjectName("note-editor")
        self.editor.escape_pressed.connect(self._on_editor_escape_pressed)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        fixed.setPointSizeF(max(fixed.pointSizeF(), self.font().pointSizeF()))
        self.editor.setFont(fixed)
        self.editor.setTabStopDistance(4 * self.editor.fontMetrics().horizontalAdvance(" "))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.textChanged.connect(self._on_editor_text_changed)

        self.preview = NotePreview(page)
        self.preview.setObjectName("note-preview")
        self.preview.document().setDocumentMargin(8)
        self.preview.document().setIndentWidth(18)

        self.preview_notice = QLabel(page)
        self.preview_notice.setObjectName("note-preview-notice")
        self.preview_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_notice.setWordWrap(True)
        self.preview_notice.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.preview_notice.hide()
        self._preview_pane = QWidget(page)
        pane = QVBoxLayout(self._preview_pane)
        pane.setContentsMargins(0, 0, 0, 0)
        pane.setSpacing(2)
        pane.addWidget(self.preview_notice)
        pane.addWidget(self.preview, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, page)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self._preview_pane)
        self.splitter.setSizes([1, 1])
        column.addWidget(self.splitter, 1)

        self.pages.addWidget(page)
        self._page_built = True
        self._page_building = False
        self.set_mode(self._mode)
        self._retranslate_page()
        self._restyle()

    def retranslate(self) -> None:
        """Set the panel's texts in the window's language (again, when it changes)."""
        self.setWindowTitle(QCoreApplication.translate("DecisionPanel", "Decision"))
        self.empty_label.setText(
            QCoreApplication.translate("DecisionPanel", "Select a node to record a decision")
        )
        if self._page_built:
            self._retranslate_page()

    def _retranslate_page(self) -> None:
        from karar.ui.notewidgets import INSERT_TAB_KEY

        self.check_box.setText(QCoreApplication.translate("DecisionPanel", "We chose this"))
        self.notes_label.setText(QCoreApplication.translate("DecisionPanel", "Notes"))
        for mode, text, tip in (
            (
                "edit",
                QCoreApplication.translate("DecisionPanel", "Edit"),
                QCoreApplication.translate("DecisionPanel", "Show only the Markdown editor"),
            ),
            (
                "preview",
                QCoreApplication.translate("DecisionPanel", "Preview"),
                QCoreApplication.translate("DecisionPanel", "Show only the rendered notes"),
            ),
            (
                "both",
                QCoreApplication.translate("DecisionPanel", "Both"),
                QCoreApplication.translate(
                    "DecisionPanel", "Show the editor above the rendered notes"
                ),
            ),
        ):
            self.mode_buttons[mode].setText(text)
            self.mode_buttons[mode].setToolTip(tip)
        back, tab = _key_text("Esc"), _key_text(INSERT_TAB_KEY)
        self.editor.setPlaceholderText(
            QCoreApplication.translate(
                "DecisionPanel", "Notes in Markdown…\n\n{back}: back to the map · {tab}: type a tab"
            ).format(back=back, tab=tab)
        )
        keys = QCoreApplication.translate(
            "DecisionPanel",
            "{next} / {previous}: next / previous field\n"
            "{tab}: type a tab (also in the right-click menu)\n"
            "{back}: back to the map",
        ).format(next=_key_text("Tab"), previous=_key_text("Shift+Tab"), tab=tab, back=back)
        notes = QCoreApplication.translate("DecisionPanel", "The node's notes, in Markdown.")
        self.editor.setToolTip(f"{notes}\n{keys}")
        self.notes_label.setToolTip(keys)
        self.preview.setPlaceholderText(
            QCoreApplication.translate("DecisionPanel", "Nothing written yet.")
        )
        node = self._node
        if node is not None:  # the breadcrumb's tips and the roll-up are worded too
            self._fill_breadcrumb(node)
            self._refresh_decision()

    # ------------------------------------------------------------------ public

    @property
    def node(self) -> Node | None:
        """The node the panel shows (None: nothing selected)."""
        return self._node

    @property
    def mode(self) -> str:
        """What the notes area shows: one of :data:`MODES`."""
        return self._mode

    @property
    def preview_pending(self) -> bool:
        """Whether the preview is being rendered on the worker thread (meanwhile it shows
        the note as typed, or its rendering of a few keys ago)."""
        return self._page_built and self._renderer.pending

    def set_votes_visible(self, visible: Callable[[Node], bool]) -> None:
        """Ask ``visible`` whether the record shows a node's votes (the canvas hides
        some)."""
        self._votes_visible = visible
        if self._page_built:
            self.record.votes_visible = visible

    def refresh_votes(self) -> None:
        """Show the votes of the node shown again (whether they are hidden changed)."""
        if self._page_built:
            self.record.refresh_votes()

    def set_mode(self, mode: str) -> None:
        """Show the editor (``edit``), the rendered notes (``preview``) or both."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r} (expected one of {', '.join(MODES)})")
        self._mode = mode
        if not self._page_built:
            return  # the page, when made, shows it
        self.mode_buttons[mode].setChecked(True)
        self.editor.setVisible(mode != "preview")
        self._preview_pane.setVisible(mode != "edit")
        self._render_now()

    @Slot(object)
    def set_node(self, node: Node | None) -> None:
        """Show ``node`` (connect the scene's ``selection_changed`` here)."""
        if node is not None and node not in self.document.depth:
            node = None  # not a node of the open map (any more)
        if node is not None and node is self._node:
            return  # the same node again: keep the cursor where the user left it
        self._node = node
        self._render_timer.stop()
        if node is None:
            self.pages.setCurrentIndex(0)
            if not self._page_built:
                return
            self._set_editor_text("", reset=True)
            self._renderer.cancel()
            self._show_note(None, "", RenderedNote(""))
            return
        self._build_page()
        self.pages.setCurrentIndex(1)
        self._fill_breadcrumb(node)
        self.heading.setText(plain_text(node.label, node.markdown))
        self._refresh_decision()
        self._set_editor_text(self.document.note(node), reset=True)
        self._render_now()

    def focus_editor(self) -> None:
        """Put the keyboard in the notes editor (showing it if only the preview shows)."""
        self._build_page()
        if self._mode == "preview":
            self.set_mode("both")
        self.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def crumb_buttons(self) -> list[QToolButton]:
        """The breadcrumb's clickable segments, root first."""
        if not self._page_built:
            return []
        return [
            w
            for i in range(self._crumb_layout.count())
            if isinstance(w := self._crumb_layout.itemAt(i).widget(), QToolButton)  # type: ignore[union-attr]
        ]

    # ------------------------------------------------------------------ filling

    def _fill_breadcrumb(self, node: Node) -> None:
        layout = self._crumb_layout
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        ancestors = list(reversed(list(node.ancestors())))
        for ancestor in ancestors:
            text = plain_text(ancestor.label, ancestor.markdown)
            button = QToolButton(self.crumbs)
            button.setText(short_label(text, _CRUMB_CHARS).replace("&", "&&"))
            button.setToolTip(
                tooltip(
                    QCoreApplication.translate("DecisionPanel", "Select “{label}”").format(
                        label=text
                    )
                )
            )
            button.setAutoRaise(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setPalette(self._crumb_palette())
            button.clicked.connect(lambda _=False, n=ancestor: self.node_activated.emit(n))
            layout.addWidget(button)
            sep = QLabel("›", self.crumbs)
            sep.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            sep.setFixedHeight(button.sizeHint().height())
            sep.setContentsMargins(2, 0, 2, 0)
            layout.addWidget(sep)
        for i in range(layout.count()):
            widget = layout.itemAt(i).widget()  # type: ignore[union-attr]
            if widget is not None:
                widget.show()  # now, not on the layout's next event-loop turn
        self.crumbs.setVisible(bool(ancestors))
        self.crumbs.updateGeometry()

    def _refresh_decision(self) -> None:
        node = self._node
        if node is None:
            return
        self._updating = True
        try:
            self.check_box.setChecked(self.document.is_checked(node))
        finally:
            self._updating = False
        self.record.show_node(node)
        if node.children:
            r = self.document.rollup(node)
            text = QCoreApplication.translate("DecisionPanel", "{checked} of {total} below chosen")
            text = text.format(checked=r.checked, total=r.total)
            if r.open:
                text += " · " + QCoreApplication.translate("DecisionPanel", "{n} open").format(
                    n=r.open
                )
            self.rollup_label.setText(text)
            self.rollup_label.setToolTip(
                QCoreApplication.translate(
                    "DecisionPanel", "Chosen and considered nodes in this branch"
                )
            )
        else:
            self.rollup_label.setText("")

    def _editor_text(self) -> str:
        # toPlainText() would turn non-breaking spaces into spaces and rewrite the note
        raw = self.editor.document().toRawText()
        return raw.replace("\u2029", "\n").replace("\u2028", "\n")

    def _set_editor_text(self, text: str, *, reset: bool) -> None:
        """Show ``text`` in the editor without recording an edit.

        ``reset`` (another node) starts afresh at the top; otherwise (undo, redo, a
        re-attached note) only the changed stretch is replaced and the cursor goes to its
        end, as an editor's own undo would do.
        """
        self._updating = True
        try:
            fit_wrap(self.editor, text)
            if reset:
                self.editor.setPlainText(text)
                self.editor.moveCursor(QTextCursor.MoveOperation.Start)
                return
            old = self._editor_text()
            if old == text:
                return
            start = 0
            limit = min(len(old), len(text))
            while start < limit and old[start] == text[start]:
                start += 1
            end = 0
            while end < limit - start and old[-1 - end] == text[-1 - end]:
                end += 1
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(_utf16(old[:start]))
            cursor.setPosition(_utf16(old[: len(old) - end]), QTextCursor.MoveMode.KeepAnchor)
            inserted = text[start : len(text) - end]
            cursor.insertText(inserted)
            cursor.setPosition(_utf16(text[: start + len(inserted)]))
            self.editor.setTextCursor(cursor)
            self.editor.ensureCursorVisible()
        finally:
            self._updating = False

    # ------------------------------------------------------------------ preview

    def _render_now(self) -> None:
        self._render_timer.stop()
        node = self._node
        if self._mode == "edit" or node is None:
            self._renderer.cancel()
            return
        text = self.document.note(node)
        if node is not self._preview_node:
            self._renderer.cancel()  # another node's note: no longer wanted
        result = self._renderer.render(text)
        if result is None:  # on the worker: until it is done, the note as typed
            if node is self._preview_node:
                return  # typing: the preview shows this note a few keys ago meanwhile
            result = RenderedNote("", typed=text[:_INTERIM_CHARS])
        self._show_note(node, text, result)

    def _show_note(self, node: Node | None, text: str, result: RenderedNote) -> None:
        self._preview_node = node
        fit_wrap(self.preview, text)
        self.preview_notice.setText(result.notice)
        self.preview_notice.setVisible(bool(result.notice))
        if result.typed:  # as plain text: Qt lays it out faster than the same as HTML
            self._shown_html = None
            self._keeping_scroll(lambda: self.preview.setPlainText(result.typed))
        else:
            self._show_html(result.html)

    def wait_for_preview(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for a preview being rendered on the worker and
        show it; True when the preview is up to date (a screenshot waits for it)."""
        return not self._page_built or self._renderer.wait(timeout)

    def _show_html(self, html: str, *, force: bool = False) -> None:
        restyled = self._restyle()
        if html == self._shown_html and not restyled and not force:
            return
        self._shown_html = html
        shown = padded_code_blocks(html, self._code_background)
        self._keeping_scroll(lambda: self.preview.setHtml(shown))

    def _keeping_scroll(self, fill: Callable[[], None]) -> None:
        bar = self.preview.verticalScrollBar()
        at = bar.value()
        fill()
        bar.setValue(at)

    @Slot()
    def _on_render_timer_timeout(self) -> None:
        self._render_now()

    @Slot(str, object)
    def _on_renderer_rendered(self, text: str, result: RenderedNote) -> None:
        # Only renders of the note shown arrive (another node cancels them); one of a
        # few keys ago is still the freshest there is, and the newest follows.
        node = self._node
        if node is not None and node is self._preview_node and self._mode != "edit":
            self._show_note(node, text, result)

    def _restyle(self) -> bool:
        """Derive the preview's style sheet and the breadcrumb's colour from the panel's
        palette (light or dark); returns whether they changed.

        The panel's own palette, not the preview's: when the theme changes, a widget hears
        of it before its children do.
        """
        if not self._page_built:
            return False  # the page, when made, takes the palette of then
        pal = self.palette()
        key = tuple(
            pal.color(role).rgba()
            for role in (
                QPalette.ColorRole.Base,
                QPalette.ColorRole.Text,
                QPalette.ColorRole.PlaceholderText,
                QPalette.ColorRole.Link,
                QPalette.ColorRole.ButtonText,
            )
        )
        if key == self._style_key:
            return False
        self._style_key = key
        sheet, self._code_background = preview_style_sheet(pal)
        self.preview.document().setDefaultStyleSheet(sheet)
        for button in self.crumb_buttons():
            button.setPalette(self._crumb_palette())
        return True

    def _crumb_palette(self) -> QPalette:
        """Breadcrumb segments in the link colour: they read as places to go."""
        pal = QPalette(self.palette())
        pal.setColor(QPalette.ColorRole.ButtonText, pal.color(QPalette.ColorRole.Link))
        return pal

    def changeEvent(self, event: QEvent) -> None:
        palette_events = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if event.type() in palette_events and self._restyle() and self._shown_html is not None:
            self._show_html(self._shown_html, force=True)
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ slots

    @Slot()
    def _on_editor_text_changed(self) -> None:
        if self._updating or self._node is None:
            return
        self._updating = True  # the document echoes the change back: it is ours already
        text = self._editor_text()
        try:
            self.document.set_note(self._node, text)
        finally:
            self._updating = False
        fit_wrap(self.editor, text)
        if self._mode != "edit":
            self._render_timer.start()

    @Slot()
    def _on_editor_escape_pressed(self) -> None:
        window = self.parentWidget()
        if self.isFloating() and window is not None:
            window.activateWindow()  # the map is in another window
        self.focus_map_requested.emit()

    @Slot(bool)
    def _on_check_box_toggled(self, checked: bool) -> None:
        if self._updating or self._node is None:
            return
        self.document.set_checked(self._node, checked)

    @Slot(object)
    def _on_document_decisions_changed(self, nodes: list[Node] | None) -> None:
        node = self._node
        if node is None or self._updating:
            return
        if nodes is not None and node not in nodes:
            if any(node in n.ancestors() for n in nodes):
                self._refresh_decision()  # a check below: the roll-up changed
            return
        self._refresh_decision()
        self._set_editor_text(self.document.note(node), reset=False)
        self._render_now()

    @Slot()
    def _on_document_map_replaced(self) -> None:
        self.set_node(None)


def _utf16(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (QTextCursor positions count those)."""
    return len(text.encode("utf-16-le")) // 2
