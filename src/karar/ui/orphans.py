"""The "Orphaned notes" dock: project entries whose node the map no longer has.

When a map is edited after its project was saved (a node renamed, moved or removed), the
entries naming the old paths are kept, never dropped: this dock lists them with what they
hold, proposes near matches (:class:`karar.core.decisions.HomeIndex`) and re-attaches an
entry to a suggestion or to the node selected in the map, one undo step each.

A project may hold thousands of orphans: the list is a model whose rows are made only when
shown, and near matches are searched for the selected orphan only, in an index of the map
built once per map. What an entry holds is shown as plain text, never as HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from karar.core import decisions
from karar.core.decisions import HomeIndex, Suggestion
from karar.core.labels import plain_text
from karar.core.model import Node, NodePath
from karar.core.pathnames import single_line
from karar.core.project import NodeState
from karar.ui.commands import short_label
from karar.ui.document import MapDocument
from karar.ui.i18n import QT_TRANSLATE_NOOP
from karar.ui.plaintext import plain_label, tooltip

_PATH_ROLE = Qt.ItemDataRole.UserRole
_NOTE_CHARS = 60


#: why a suggestion is proposed (each of core's reasons), shown translated
REASON_TEXTS = {
    decisions.MOVED: QT_TRANSLATE_NOOP("OrphansPanel", "same label, moved to another branch"),
    decisions.EDITED: QT_TRANSLATE_NOOP("OrphansPanel", "label edited"),
    decisions.SIMILAR: QT_TRANSLATE_NOOP("OrphansPanel", "similar label in another branch"),
}


def describe_state(state: NodeState, votes: str = "") -> str:
    """One line saying what an entry holds, in the window's language: its check, the
    start of its note, ``votes`` (its votes as the panel counts them), its fold."""
    parts = []
    if state.checked:
        parts.append(QCoreApplication.translate("OrphansPanel", "✓ chosen"))
    note = " ".join(state.note.split())
    if note:
        parts.append(f"“{short_label(note, _NOTE_CHARS)}”")
    if votes:
        parts.append(votes)
    if not parts and state.collapsed:
        parts.append(QCoreApplication.translate("OrphansPanel", "folded"))
    return " · ".join(parts) or QCoreApplication.translate("OrphansPanel", "(nothing recorded)")


def where(path: NodePath) -> str:
    """Where a path's node hangs, below the root (which every path shares): ``A › B``."""
    if len(path) <= 1:
        return QCoreApplication.translate("OrphansPanel", "the root")
    if len(path) == 2:
        return QCoreApplication.translate("OrphansPanel", "top level")
    return " › ".join(path[1:-1])


def reason_text(reason: str) -> str:
    """Why a suggestion is proposed (:attr:`Suggestion.reason`), in the window's language."""
    source = REASON_TEXTS.get(reason)
    return QCoreApplication.translate("OrphansPanel", source) if source else reason


def entry_text(path: NodePath, third: str) -> str:
    """An entry's three lines as the list paints them: its label, where it hangs, and
    ``third`` (each on one line whatever the project file holds)."""
    return "\n".join(single_line(part) for part in (path[-1], where(path), third))


class EntryListModel(QAbstractListModel):
    """Rows naming node paths, their text and tooltip made only when a row is shown.

    Args:
        text: The three lines of a row (see :func:`entry_text`).
        tip: The row's tooltip, already made plain (see :func:`karar.ui.plaintext.tooltip`).
        parent: The owner.
    """

    def __init__(
        self,
        text: Callable[[int, NodePath], str],
        tip: Callable[[int, NodePath], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._text = text
        self._tip = tip
        self._paths: list[NodePath] = []
        self._rows: dict[NodePath, int] = {}

    def set_paths(self, paths: Sequence[NodePath]) -> None:
        """Show these paths (a reset: the views forget their selection)."""
        self.beginResetModel()
        self._paths = list(paths)
        self._rows = {path: row for row, path in enumerate(self._paths)}
        self.endResetModel()

    def path(self, row: int) -> NodePath | None:
        """The path shown in ``row``."""
        return self._paths[row] if 0 <= row < len(self._paths) else None

    def row_of(self, path: NodePath | None) -> int:
        """The row showing ``path``, -1 for none."""
        return self._rows.get(path, -1) if path is not None else -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._paths)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        path = self.path(index.row()) if index.isValid() else None
        if path is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), path)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(index.row(), path)
        if role == _PATH_ROLE:
            return list(path)
        return None


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
        super().__init__(parent)
        self.setObjectName("orphans-dock")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.document = document
        self._selected: Node | None = None
        self._present = False
        self._suggestions: list[Suggestion] = []
        self._suggest_key: tuple[object, ...] = ()
        self._homes: HomeIndex | None = None
        self.orphan_model = EntryListModel(self._orphan_text, self._orphan_tip, self)
        self.suggestion_model = EntryListModel(self._suggestion_text, self._suggestion_tip, self)
        self._build()
        self._retranslate_texts()
        document.orphans_changed.connect(self._on_document_orphans_changed)
        document.map_replaced.connect(self._on_document_map_replaced)
        self.refresh()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.pages = QStackedWidget(self)
        self.empty_label = plain_label(QLabel(self.pages))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.setMargin(24)
        self.pages.addWidget(self.empty_label)

        page = QWidget(self.pages)
        column = QVBoxLayout(page)
        column.setContentsMargins(10, 8, 10, 10)
        column.setSpacing(6)

        self.intro = plain_label(QLabel(page))
        self.intro.setWordWrap(True)
        column.addWidget(self.intro)

        self.orphan_list = self._entry_list(page, self.orphan_model)
        self.orphan_list.selectionModel().currentRowChanged.connect(
            self._on_orphan_list_current_row_changed
        )
        column.addWidget(self.orphan_list, 3)

        column.addSpacing(4)
        self.suggestions_title = plain_label(QLabel(page))
        bold = QFont(self.suggestions_title.font())
        bold.setBold(True)
        self.suggestions_title.setFont(bold)
        column.addWidget(self.suggestions_title)

        self.suggestion_list = self._entry_list(page, self.suggestion_model)
        self.suggestion_list.selectionModel().currentRowChanged.connect(
            self._on_suggestion_list_current_row_changed
        )
        self.suggestion_list.clicked.connect(self._on_suggestion_list_clicked)
        self.suggestion_list.doubleClicked.connect(self._on_suggestion_list_double_clicked)
        column.addWidget(self.suggestion_list, 2)
        self.no_suggestion_label = plain_label(QLabel(page))
        self.no_suggestion_label.setWordWrap(True)
        self.no_suggestion_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        column.addWidget(self.no_suggestion_label)

        self.suggestion_button = QPushButton(page)
        self.suggestion_button.clicked.connect(self.reattach_to_suggestion)
        column.addWidget(self.suggestion_button)

        column.addSpacing(8)
        self.selected_label = plain_label(QLabel(page))
        self.selected_label.setWordWrap(True)
        self.selected_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        column.addWidget(self.selected_label)
        self.selected_button = QPushButton(page)
        self.selected_button.clicked.connect(self.reattach_to_selected)
        column.addWidget(self.selected_button)

        self.pages.addWidget(page)
        self.setWidget(self.pages)

    def _retranslate_texts(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("OrphansPanel", "Orphaned notes"))
        self.empty_label.setText(
            QCoreApplication.translate(
                "OrphansPanel",
                "No orphaned notes: every check and note of the project belongs to a node of "
                "the map.",
            )
        )
        self.suggestions_title.setText(
            QCoreApplication.translate("OrphansPanel", "Suggested homes")
        )
        self.no_suggestion_label.setText(
            QCoreApplication.translate(
                "OrphansPanel",
                "No near match in the map. Select the node it belongs to and re-attach it there.",
            )
        )
        self.suggestion_button.setText(
            QCoreApplication.translate("OrphansPanel", "Re-attach to suggestion")
        )
        self.suggestion_button.setToolTip(
            QCoreApplication.translate(
                "OrphansPanel", "Give this entry's check and notes to the suggested node (undoable)"
            )
        )
        self.selected_button.setText(
            QCoreApplication.translate("OrphansPanel", "Re-attach to selected node")
        )

    def retranslate(self) -> None:
        """Speak the window's language now: the dock's texts, and the lists and the count
        worded afresh."""
        self._retranslate_texts()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _entry_list(self, parent: QWidget, model: EntryListModel) -> QListView:
        view = QListView(parent)
        view.setModel(model)
        view.setItemDelegate(EntryDelegate(view))
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setUniformItemSizes(True)  # every row is three lines: no row measured but one
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        return view

    # ------------------------------------------------------------------ public

    @property
    def has_orphans(self) -> bool:
        """Whether the project has entries that name no node of the map."""
        return self._present

    def current_orphan(self) -> NodePath | None:
        """The orphan selected in the list."""
        return self.orphan_model.path(self.orphan_list.currentIndex().row())

    def current_suggestion(self) -> Suggestion | None:
        """The suggestion selected in the list."""
        row = self.suggestion_list.currentIndex().row()
        return self._suggestions[row] if 0 <= row < len(self._suggestions) else None

    def set_current_orphan(self, row: int) -> None:
        """Select the orphan in ``row`` of the list (and show its suggestions)."""
        self.orphan_list.setCurrentIndex(self.orphan_model.index(row, 0))

    @Slot(object)
    def set_selected_node(self, node: Node | None) -> None:
        """The node selected in the map (connect the scene's ``selection_changed`` here)."""
        self._selected = node
        self._update_buttons()

    def refresh(self) -> None:
        """Rebuild the list from the document, keeping the selected orphan (or its row)."""
        orphans = self.document.orphans()
        keep = self.current_orphan()
        row = max(0, self.orphan_list.currentIndex().row())
        lst = self.orphan_list
        lst.selectionModel().blockSignals(True)
        try:
            self.orphan_model.set_paths(orphans)
            if orphans:
                at = self.orphan_model.row_of(keep)
                self.set_current_orphan(at if at >= 0 else min(row, len(orphans) - 1))
        finally:
            lst.selectionModel().blockSignals(False)
        n = len(orphans)
        self.intro.setText(
            self.tr(
                "%n entry(s) of the project name nodes the map no longer has. Nothing is "
                "lost: re-attach each to the node it meant.",
                "",
                n,
            )
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

    def _orphan_text(self, _row: int, path: NodePath) -> str:
        state = self._state(path)
        votes = self.tr("%n vote(s)", "", state.votes) if state.votes is not None else ""
        return entry_text(path, describe_state(state, votes))

    def _orphan_tip(self, _row: int, path: NodePath) -> str:
        note = self._state(path).note
        return tooltip(" › ".join(path) + (f"\n\n{note}" if note else ""))

    def _suggestion_text(self, row: int, path: NodePath) -> str:
        return entry_text(path, reason_text(self._suggestions[row].reason))

    def _suggestion_tip(self, row: int, path: NodePath) -> str:
        s = self._suggestions[row]
        alike = QCoreApplication.translate("OrphansPanel", "{reason} ({percent}% alike)")
        alike = alike.format(reason=reason_text(s.reason), percent=round(s.score * 100))
        return tooltip(f"{' › '.join(path)}\n{alike}")

    def _state(self, path: NodePath) -> NodeState:
        return self.document.project.entries.get(path) or NodeState()

    def homes(self) -> HomeIndex:
        """The index of the open map that proposes homes (built once per map)."""
        mindmap = self.document.mindmap
        if self._homes is None or self._homes.mind_map is not mindmap:
            self._homes = HomeIndex(mindmap)
        return self._homes

    def _fill_suggestions(self) -> None:
        orphan = self.current_orphan()
        # the entries are re-indexed on every save: search the map again only when needed
        key = (orphan, self.document.mindmap)
        if key != self._suggest_key:
            self._suggest_key = key
            self._suggestions = self.homes().suggest(orphan) if orphan is not None else []
        lst = self.suggestion_list
        lst.selectionModel().blockSignals(True)
        try:
            self.suggestion_model.set_paths([s.path for s in self._suggestions])
            if self._suggestions:
                lst.setCurrentIndex(self.suggestion_model.index(0, 0))
        finally:
            lst.selectionModel().blockSignals(False)
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
            self.selected_label.setText(
                QCoreApplication.translate(
                    "OrphansPanel", "Or select any node in the map and re-attach it there."
                )
            )
            self.selected_button.setToolTip(
                QCoreApplication.translate("OrphansPanel", "Select a node in the map first")
            )
        else:
            label = short_label(single_line(plain_text(node.label, node.markdown)), 60)
            self.selected_label.setText(
                QCoreApplication.translate(
                    "OrphansPanel", "Or re-attach it to the node selected in the map: {label}"
                ).format(label=label)
            )
            self.selected_button.setToolTip(
                tooltip(
                    QCoreApplication.translate(
                        "OrphansPanel", "Give this entry's check and notes to “{label}”"
                    ).format(label=label)
                )
            )

    @Slot(QModelIndex, QModelIndex)
    def _on_orphan_list_current_row_changed(
        self, _current: QModelIndex, _previous: QModelIndex
    ) -> None:
        self._fill_suggestions()

    @Slot(QModelIndex, QModelIndex)
    def _on_suggestion_list_current_row_changed(
        self, _current: QModelIndex, _previous: QModelIndex
    ) -> None:
        self._update_buttons()

    @Slot(QModelIndex)
    def _on_suggestion_list_clicked(self, index: QModelIndex) -> None:
        path = self.suggestion_model.path(index.row())
        node = self.document.node_at(path) if path is not None else None
        if node is not None:
            self.node_activated.emit(node)

    @Slot(QModelIndex)
    def _on_suggestion_list_double_clicked(self, _index: QModelIndex) -> None:
        self.reattach_to_suggestion()

    @Slot()
    def _on_document_orphans_changed(self) -> None:
        self.refresh()

    @Slot()
    def _on_document_map_replaced(self) -> None:
        self._selected = None
        self._suggest_key = ()
        self.refresh()
