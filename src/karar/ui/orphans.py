"""The "Orphaned notes" dock: project entries whose node the map no longer has.

When a map is edited after its project was saved (a node renamed, moved or removed), the
entries naming the old paths are kept, never dropped: this dock lists them with what they
hold, proposes near matches (:func:`karar.core.decisions.suggest_homes`) and re-attaches
an entry to a suggestion or to the node selected in the map, one undo step each.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from karar.core.decisions import Suggestion, suggest_homes
from karar.core.model import Node, NodePath
from karar.core.project import NodeState
from karar.ui.commands import short_label
from karar.ui.document import MapDocument

_PATH_ROLE = Qt.ItemDataRole.UserRole
_NOTE_CHARS = 60


def describe_state(state: NodeState) -> str:
    """One line saying what an entry holds: its check, the start of its note, its fold."""
    parts = []
    if state.checked:
        parts.append("✓ chosen")
    note = " ".join(state.note.split())
    if note:
        parts.append(f"“{short_label(note, _NOTE_CHARS)}”")
    if state.votes is not None:
        parts.append(f"{state.votes} vote{'s' if state.votes != 1 else ''}")
    if not parts and state.collapsed:
        parts.append("folded")
    return " · ".join(parts) or "(nothing recorded)"


def where(path: NodePath) -> str:
    """Where a path's node hangs, below the root (which every path shares): ``A › B``."""
    if len(path) <= 1:
        return "the root"
    if len(path) == 2:
        return "top level"
    return " › ".join(path[1:-1])


class EntryDelegate(QStyledItemDelegate):
    """Paints an item's three lines: the label in bold, where it hangs (muted, shortened
    from the left so the nearest parent shows), and what it holds or why it is proposed."""

    PAD = 6
    GAP = 1

    def _lines(self, index: QModelIndex | QPersistentModelIndex) -> list[str]:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "").split("\n")

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        lines = len(self._lines(index))
        height = QFontMetrics(option.font).height()
        return QSize(120, 2 * self.PAD + lines * height + (lines - 1) * self.GAP)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        pal: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text if selected else pal.color(QPalette.ColorRole.PlaceholderText)
        rect: QRect = opt.rect.adjusted(self.PAD + 2, self.PAD, -self.PAD, -self.PAD)
        painter.save()
        y = rect.y()
        for i, line in enumerate(self._lines(index)):
            font = QFont(opt.font)
            font.setBold(i == 0)
            fm = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(muted if i == 1 else text)
            mode = Qt.TextElideMode.ElideLeft if i == 1 else Qt.TextElideMode.ElideRight
            painter.drawText(
                QRect(rect.x(), y, rect.width(), fm.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(line, mode, rect.width()),
            )
            y += fm.height() + self.GAP
        painter.restore()


class OrphansPanel(QDockWidget):
    """Lists orphaned project entries and re-attaches them to nodes of the map.

    Args:
        document: The open map and its project.
        parent: The main window.

    Signals:
        orphans_present(bool): Whether there are orphans changed (show the dock on True).
        node_activated(object): The user clicked a suggestion: the node it names (the
            window may select it so the user sees where it is).
    """

    orphans_present = Signal(bool)
    node_activated = Signal(object)

    def __init__(self, document: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__("Orphaned notes", parent)
        self.setObjectName("orphans-dock")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.document = document
        self._selected: Node | None = None
        self._present = False
        self._suggestions: list[Suggestion] = []
        self._suggest_key: tuple[object, ...] = ()
        self._build()
        document.orphans_changed.connect(self._on_document_orphans_changed)
        document.map_replaced.connect(self._on_document_map_replaced)
        self.refresh()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.pages = QStackedWidget(self)
        self.empty_label = QLabel(
            "No orphaned notes: every check and note of the project belongs to a node of the map.",
            self.pages,
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.setMargin(24)
        self.pages.addWidget(self.empty_label)

        page = QWidget(self.pages)
        column = QVBoxLayout(page)
        column.setContentsMargins(10, 8, 10, 10)
        column.setSpacing(6)

        self.intro = QLabel(page)
        self.intro.setWordWrap(True)
        column.addWidget(self.intro)

        self.orphan_list = QListWidget(page)
        self.orphan_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._entry_list(self.orphan_list)
        self.orphan_list.currentItemChanged.connect(self._on_orphan_list_current_item_changed)
        column.addWidget(self.orphan_list, 3)

        column.addSpacing(4)
        self.suggestions_title = QLabel("Suggested homes", page)
        bold = QFont(self.suggestions_title.font())
        bold.setBold(True)
        self.suggestions_title.setFont(bold)
        column.addWidget(self.suggestions_title)

        self.suggestion_list = QListWidget(page)
        self.suggestion_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._entry_list(self.suggestion_list)
        self.suggestion_list.currentItemChanged.connect(self._update_buttons)
        self.suggestion_list.itemClicked.connect(self._on_suggestion_list_item_clicked)
        self.suggestion_list.itemDoubleClicked.connect(self.reattach_to_suggestion)
        column.addWidget(self.suggestion_list, 2)
        self.no_suggestion_label = QLabel(
            "No near match in the map. Select the node it belongs to and re-attach it there.",
            page,
        )
        self.no_suggestion_label.setWordWrap(True)
        self.no_suggestion_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        column.addWidget(self.no_suggestion_label)

        self.suggestion_button = QPushButton("Re-attach to suggestion", page)
        self.suggestion_button.setToolTip(
            "Give this entry's check and notes to the suggested node (undoable)"
        )
        self.suggestion_button.clicked.connect(self.reattach_to_suggestion)
        column.addWidget(self.suggestion_button)

        column.addSpacing(8)
        self.selected_label = QLabel(page)
        self.selected_label.setWordWrap(True)
        self.selected_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        column.addWidget(self.selected_label)
        self.selected_button = QPushButton("Re-attach to selected node", page)
        self.selected_button.clicked.connect(self.reattach_to_selected)
        column.addWidget(self.selected_button)

        self.pages.addWidget(page)
        self.setWidget(self.pages)

    def _entry_list(self, lst: QListWidget) -> None:
        lst.setItemDelegate(EntryDelegate(lst))
        lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lst.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    # ------------------------------------------------------------------ public

    @property
    def has_orphans(self) -> bool:
        """Whether the project has entries that name no node of the map."""
        return self._present

    def current_orphan(self) -> NodePath | None:
        """The orphan selected in the list."""
        item = self.orphan_list.currentItem()
        return None if item is None else tuple(item.data(_PATH_ROLE))

    def current_suggestion(self) -> Suggestion | None:
        """The suggestion selected in the list."""
        row = self.suggestion_list.currentRow()
        return self._suggestions[row] if 0 <= row < len(self._suggestions) else None

    @Slot(object)
    def set_selected_node(self, node: Node | None) -> None:
        """The node selected in the map (connect the scene's ``selection_changed`` here)."""
        self._selected = node
        self._update_buttons()

    def refresh(self) -> None:
        """Rebuild the list from the document, keeping the selected orphan (or its row)."""
        doc = self.document
        orphans = doc.orphans()
        keep = self.current_orphan()
        row = max(0, self.orphan_list.currentRow())
        lst = self.orphan_list
        lst.blockSignals(True)
        try:
            lst.clear()
            for path in orphans:
                state = doc.project.entries.get(path) or NodeState()
                item = QListWidgetItem(f"{path[-1]}\n{where(path)}\n{describe_state(state)}")
                item.setData(_PATH_ROLE, list(path))
                tip = " › ".join(path)
                if state.note:
                    tip += "\n\n" + state.note
                item.setToolTip(tip)
                lst.addItem(item)
            if orphans:
                at = orphans.index(keep) if keep in orphans else min(row, len(orphans) - 1)
                lst.setCurrentRow(at)
        finally:
            lst.blockSignals(False)
        n = len(orphans)
        self.intro.setText(
            f"{'One entry' if n == 1 else f'{n} entries'} of the project "
            f"{'names a node' if n == 1 else 'name nodes'} the map no longer has. Nothing is "
            "lost: re-attach each to the node it meant."
        )
        self.pages.setCurrentIndex(1 if orphans else 0)
        self._fill_suggestions()
        present = bool(orphans)
        if present != self._present:
            self._present = present
            self.orphans_present.emit(present)

    # ------------------------------------------------------------------ actions

    @Slot()
    def reattach_to_suggestion(self) -> None:
        """Give the selected orphan to the selected suggestion (one undo step)."""
        orphan = self.current_orphan()
        suggestion = self.current_suggestion()
        if orphan is None or suggestion is None:
            return
        node = self.document.node_at(suggestion.path)
        if node is not None:
            self.document.reattach(orphan, node)

    @Slot()
    def reattach_to_selected(self) -> None:
        """Give the selected orphan to the node selected in the map (one undo step)."""
        orphan = self.current_orphan()
        node = self._selected
        if orphan is None or node is None or node not in self.document.depth:
            return
        self.document.reattach(orphan, node)

    # ------------------------------------------------------------------ internals

    def _fill_suggestions(self) -> None:
        orphan = self.current_orphan()
        # the entries are re-indexed on every save: search the map again only when needed
        key = (orphan, self.document.mindmap)
        if key != self._suggest_key:
            self._suggest_key = key
            self._suggestions = (
                suggest_homes(orphan, self.document.mindmap) if orphan is not None else []
            )
        lst = self.suggestion_list
        lst.blockSignals(True)
        try:
            lst.clear()
            for s in self._suggestions:
                item = QListWidgetItem(f"{s.path[-1]}\n{where(s.path)}\n{s.reason}")
                item.setData(_PATH_ROLE, list(s.path))
                item.setToolTip(f"{' › '.join(s.path)}\n{s.reason} ({s.score:.0%} alike)")
                lst.addItem(item)
            if self._suggestions:
                lst.setCurrentRow(0)
        finally:
            lst.blockSignals(False)
        has = bool(self._suggestions)
        lst.setVisible(has)
        self.no_suggestion_label.setVisible(orphan is not None and not has)
        self.suggestion_button.setVisible(has)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        orphan = self.current_orphan()
        self.suggestion_button.setEnabled(
            orphan is not None and self.current_suggestion() is not None
        )
        node = self._selected
        if node is not None and node not in self.document.depth:
            node = None
        self.selected_button.setEnabled(orphan is not None and node is not None)
        if node is None:
            self.selected_label.setText("Or select any node in the map and re-attach it there.")
            self.selected_button.setToolTip("Select a node in the map first")
        else:
            label = short_label(node.label, 60)
            self.selected_label.setText(f"Or re-attach it to the node selected in the map: {label}")
            self.selected_button.setToolTip(f"Give this entry's check and notes to “{label}”")

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_orphan_list_current_item_changed(
        self, _current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        self._fill_suggestions()

    @Slot(QListWidgetItem)
    def _on_suggestion_list_item_clicked(self, item: QListWidgetItem) -> None:
        node = self.document.node_at(tuple(item.data(_PATH_ROLE)))
        if node is not None:
            self.node_activated.emit(node)

    @Slot()
    def _on_document_orphans_changed(self) -> None:
        self.refresh()

    @Slot()
    def _on_document_map_replaced(self) -> None:
        self._selected = None
        self._suggest_key = ()
        self.refresh()
