"""Incremental search: the find bar and the controller that highlights and steps through
matches.

Matching is case- and accent-blind the Turkish way (:mod:`karar.core.textmatch`): typing
``yonetim`` finds ``Yönetim``. The current match is selected, its folded ancestors open and
the view moves to it; folded nodes hiding matches are marked. Opening folds for a match is
navigation, not an edit: it is no undo step and does not mark the project modified, and the
folds opened for a match are closed again when the search moves past it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from karar.core.labels import plain_text
from karar.core.model import Node
from karar.core.state import FoldChange
from karar.core.textmatch import Matcher, fold
from karar.ui.document import MapDocument
from karar.ui.scene import MapScene

#: above this many matches, folded ancestors hiding a match are not marked (cost)
_MARK_HIDDEN_LIMIT = 5000


class SearchController(QObject):
    """Runs queries over the document and drives the scene's highlights.

    Signals:
        results_changed(int, int): The current match (1-based, 0 for none) and the count.
    """

    results_changed = Signal(int, int)

    def __init__(
        self, document: MapDocument, scene: MapScene, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self.query = ""
        self.matches: list[Node] = []
        self.current = -1
        self._keys: list[tuple[Node, str]] | None = None
        #: what folds the folds opened for the current match again (None: none opened)
        self._refold: FoldChange | None = None
        self._revealing = False
        #: the selection before the search moved it (given back when nothing matches)
        self._before: Node | None = None
        self._searching = False
        document.map_replaced.connect(self._on_document_map_replaced)
        document.folds_changed.connect(self._on_document_folds_changed)

    @Slot()
    def _on_document_map_replaced(self) -> None:
        self._refold = None
        self._before = None
        self._searching = False
        self._keys = None
        self.query = ""
        self.matches = []
        self.current = -1
        self.results_changed.emit(0, 0)

    def _search_keys(self) -> list[tuple[Node, str]]:
        if self._keys is None:
            self._keys = [(n, fold(plain_text(n.label, n.markdown))) for n in self.document.mindmap]
        return self._keys

    def set_query(self, query: str) -> None:
        """Search for ``query`` and go to the first match (incremental: a query extending
        the previous one only re-tests the previous matches)."""
        matcher = Matcher(query)
        previous = Matcher(self.query)
        if not matcher:
            self.query = query
            self.matches = []
            self.current = -1
            self._publish(move=False)
            return
        if (
            previous
            and fold(query).startswith(fold(self.query))
            and len(previous.words) == len(matcher.words)
        ):
            pool = set(self.matches)
            keys = [(n, k) for n, k in self._search_keys() if n in pool]
        else:
            keys = self._search_keys()
        words = matcher.words
        self.query = query
        self.matches = [n for n, k in keys if all(w in k for w in words)]
        self.current = 0 if self.matches else -1
        self._publish(move=True)

    def step(self, delta: int) -> None:
        """Go to the next (``delta`` = 1) or previous (-1) match, wrapping around."""
        if not self.matches:
            return
        self.current = (self.current + delta) % len(self.matches)
        self._publish(move=True)

    def clear(self) -> None:
        """Forget the query and remove the highlights; the folds opened for the match the
        search stopped at stay open (the user is there now)."""
        self._refold = None
        self.set_query("")

    @Slot(object)
    def _on_document_folds_changed(self, _anchor: object) -> None:
        if not self._revealing:
            # the user folded or unfolded something: what the search opened is theirs now
            self._refold = None

    def _reveal(self, node: Node | None) -> None:
        """Open the folds hiding ``node`` and close the ones opened for an earlier match."""
        doc = self.document
        opened = self._refold.fold if self._refold is not None else frozenset()
        keep = opened.intersection(node.ancestors()) if node is not None else frozenset()
        self._revealing = True
        try:
            if opened - keep:
                doc.apply(FoldChange(fold=opened - keep), node)
            newly = doc.reveal(node).fold if node is not None else frozenset()
        finally:
            self._revealing = False
        tracked = keep | newly
        self._refold = FoldChange(fold=tracked) if tracked else None

    def _publish(self, *, move: bool) -> None:
        current = self.matches[self.current] if self.current >= 0 else None
        if not self._searching and self.query.strip():
            self._searching = True
            self._before = self.scene.selected
        if move or current is None:
            self._reveal(current)
        if current is None and self._searching:
            self.scene.select(self._before if self._before in self.document.depth else None)
            if not self.query.strip():
                self._searching = False
        folded = self.document.folded
        hiding: set[Node] = set()
        if folded and len(self.matches) <= _MARK_HIDDEN_LIMIT:
            for node in self.matches:
                for a in node.ancestors():
                    if a in folded:
                        hiding.add(a)
        self.scene.set_search(set(self.matches), current, hiding)
        if move and current is not None:
            self.scene.select(current)
        self.results_changed.emit(self.current + 1, len(self.matches))


class _QueryEdit(QLineEdit):
    """The query field: Enter / Shift+Enter step, Escape closes."""

    stepped = Signal(int)
    closed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.stepped.emit(-1 if shift else 1)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.FindNext):
            self.stepped.emit(1)
            return
        if event.matches(QKeySequence.StandardKey.FindPrevious):
            self.stepped.emit(-1)
            return
        super().keyPressEvent(event)


class SearchBar(QWidget):
    """The find bar: query field, "3 of 12", previous/next and close buttons.

    Signals:
        closed(): The user closed the bar (Escape or the close button).
    """

    closed = Signal()

    def __init__(self, controller: SearchController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.edit = _QueryEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(280)
        self.count = QLabel(self)
        self.count.setMinimumWidth(90)
        self.prev_button = QToolButton(self)
        self.prev_button.setText("▲")
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.find_label = QLabel(self)
        row.addWidget(self.find_label)
        row.addWidget(self.edit)
        row.addWidget(self.prev_button)
        row.addWidget(self.next_button)
        row.addWidget(self.count)
        row.addStretch(1)
        row.addWidget(self.close_button)
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.edit.stepped.connect(controller.step)
        self.edit.closed.connect(self.close_bar)
        self.prev_button.clicked.connect(lambda: controller.step(-1))
        self.next_button.clicked.connect(lambda: controller.step(1))
        self.close_button.clicked.connect(self.close_bar)
        controller.results_changed.connect(self._on_controller_results_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the bar's texts in the window's language (again, when it changes)."""
        self.edit.setPlaceholderText(
            QCoreApplication.translate("SearchBar", "Find in map — case and accents ignored")
        )
        self.prev_button.setToolTip(
            QCoreApplication.translate("SearchBar", "Previous match (Shift+Enter)")
        )
        self.next_button.setToolTip(QCoreApplication.translate("SearchBar", "Next match (Enter)"))
        self.close_button.setToolTip(QCoreApplication.translate("SearchBar", "Close (Esc)"))
        self.find_label.setText(QCoreApplication.translate("SearchBar", "Find:"))
        c = self.controller
        self._on_controller_results_changed(c.current + 1, len(c.matches))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_bar(self) -> None:
        """Show the bar and put the cursor in the query field, text selected."""
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        if self.edit.text():
            self.controller.set_query(self.edit.text())

    @Slot()
    def close_bar(self) -> None:
        """Hide the bar and remove the highlights."""
        self.controller.clear()
        self.hide()
        self.closed.emit()

    @Slot(str)
    def _on_edit_text_changed(self, text: str) -> None:
        self.controller.set_query(text)

    @Slot(int, int)
    def _on_controller_results_changed(self, current: int, total: int) -> None:
        if not self.controller.query.strip():
            self.count.setText("")
        elif total == 0:
            self.count.setText(QCoreApplication.translate("SearchBar", "No matches"))
        else:
            of = QCoreApplication.translate("SearchBar", "{current} of {total}")
            self.count.setText(of.format(current=current, total=total))
        self.prev_button.setEnabled(total > 1)
        self.next_button.setEnabled(total > 1)
