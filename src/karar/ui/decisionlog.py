"""The "Decisions" dock: the decision log — every decided node of the map (chosen, rejected
or considering), grouped by first-level branch, with who decided, when, and the first line
of the note.

It answers "what have we decided so far?" without hunting through the map. The dock holds
the state and text filters, the table and the empty page; the rows come from
:mod:`karar.ui.decisionlogmodel`. Labels, names and notes are shown as text, never as HTML:
item views paint their text plain, and tooltips go through
:func:`karar.ui.plaintext.tooltip`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from karar.core.model import Node
from karar.ui.decisionlogmodel import (
    EMPTY_TEXT,
    FILTERS,
    LABEL,
    STATE,
    STATE_NAMES,
    WHEN,
    WHO,
    DecisionLogFilter,
    DecisionLogModel,
    tr,
)
from karar.ui.document import MapDocument
from karar.ui.plaintext import plain_label
from karar.ui.theme import focus_outline_colour, outline_colour


def _edge(widget: QWidget, *, strong: bool) -> None:
    """Draw ``widget``'s edge again over what the style drew: in
    :func:`~karar.ui.theme.outline_colour` (Fusion derives its borders from the window
    colour, so on black they are black), or the focus colour when ``strong``."""
    pal = widget.palette()
    colour = focus_outline_colour(pal) if strong else outline_colour(pal)
    painter = QPainter(widget)
    painter.setPen(QPen(colour, 2 if strong else 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = 1 if strong else 0
    painter.drawRect(widget.rect().adjusted(inset, inset, -1, -1))
    painter.end()


class _FilterField(QLineEdit):
    """The text filter, its edge visible in every theme (the focus colour while typing)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        _edge(self, strong=self.hasFocus())


class _SegmentButton(QToolButton):
    """One choice of the state filter: the chosen one is outlined thick in the focus
    colour, so it reads as chosen in every theme (Fusion's sunken button does not show on
    black)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        _edge(self, strong=self.isChecked())


class _LogView(QTreeView):
    """The log's tree: Enter asks to edit the current row's note.

    Signals:
        edit_requested(QModelIndex): Enter or Return on a row.
    """

    edit_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.edit_requested.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class DecisionLogPanel(QDockWidget):
    """The "Decisions" dock: what has been decided so far, by branch.

    Args:
        document: The open map and its project.
        parent: The main window.

    Signals:
        node_selected(object): The user moved to a row (a click, the arrow keys): the node
            it shows, for the window to select on the map (revealing it if folded).
        edit_requested(object): The user pressed Enter (or double-clicked) on a row: the
            window should select the node and put the cursor in its note.
    """

    node_selected = Signal(object)
    edit_requested = Signal(object)

    def __init__(self, document: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisions-dock")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea
            | Qt.DockWidgetArea.RightDockWidgetArea
            | Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.document = document
        self._syncing = False
        self._sizing = False
        self._label_sized_by_user = False
        self.log_model = DecisionLogModel(document, self)
        self.proxy = DecisionLogFilter(self)
        self.proxy.setSourceModel(self.log_model)
        self._build()
        self._retranslate_bar()
        self.log_model.set_colours(self.palette())
        document.decisions_changed.connect(self._on_document_decisions_changed)
        document.map_replaced.connect(self._on_document_map_replaced)
        self.proxy.rowsInserted.connect(self._on_proxy_rows_inserted)
        # spans and expansion are kept by persistent index: a sort (layoutChanged) keeps them
        self.proxy.modelReset.connect(self._on_proxy_model_reset)
        self.refresh()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(6, 6, 6, 6)
        column.setSpacing(6)

        self.filter_bar = QWidget(page)
        bar = QHBoxLayout(self.filter_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(0)
        self.state_buttons: dict[str, QToolButton] = {}
        self._state_group = QButtonGroup(self)
        self._state_group.setExclusive(True)
        for i, (name, _decision) in enumerate(FILTERS):
            button = _SegmentButton(page)
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setObjectName(f"decisions-filter-{name}")
            self._state_group.addButton(button, i)
            self.state_buttons[name] = button
            bar.addWidget(button)
        self.state_buttons["all"].setChecked(True)
        self._state_group.idToggled.connect(self._on_state_group_id_toggled)
        bar.addSpacing(8)
        self.text_filter = _FilterField(page)
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.textChanged.connect(self._on_text_filter_text_changed)
        bar.addWidget(self.text_filter, 1)
        column.addWidget(self.filter_bar)

        self.pages = QStackedWidget(page)
        self.tree = _LogView(self.pages)
        tree = self.tree
        tree.setModel(self.proxy)
        tree.setUniformRowHeights(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setAllColumnsShowFocus(True)
        tree.setIndentation(12)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        tree.setSortingEnabled(True)
        header = tree.header()
        header.setSortIndicatorClearable(True)  # a third click goes back to map order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(24)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.sectionResized.connect(self._on_header_section_resized)
        tree.viewport().installEventFilter(self)
        tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        tree.edit_requested.connect(self._on_tree_edit_requested)
        tree.doubleClicked.connect(self._on_tree_edit_requested)
        self.pages.addWidget(tree)

        self.empty_label = plain_label(QLabel(self.pages))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.setMargin(24)
        self.pages.addWidget(self.empty_label)
        column.addWidget(self.pages, 1)
        self.setWidget(page)
        self._size_columns()

    def _retranslate_bar(self) -> None:
        """The dock's title, the filters' tips and the empty log's hint in the window's
        language."""
        self.setWindowTitle(QCoreApplication.translate("DecisionLog", "Decisions"))
        for name, decision in FILTERS:
            button = self.state_buttons[name]
            if decision is None:
                every = QCoreApplication.translate("DecisionLog", "Every decision")
                button.setToolTip(every)
                button.setAccessibleName(every)
                continue
            state = tr(STATE_NAMES[decision])
            button.setToolTip(
                QCoreApplication.translate("DecisionLog", "Only what is {state}").format(
                    state=state
                )
            )
            button.setAccessibleName(state)  # what a screen reader says for its mark
        self.text_filter.setPlaceholderText(QCoreApplication.translate("DecisionLog", "Filter"))
        self.text_filter.setToolTip(
            QCoreApplication.translate(
                "DecisionLog", "Show the decisions whose label, who or note holds this"
            )
        )
        self.empty_label.setText(tr(EMPTY_TEXT))

    def retranslate(self) -> None:
        """Speak the window's language now: the bar's texts, and the log listed afresh
        (its headers, dates and Turkish or English order)."""
        self._retranslate_bar()
        self.refresh()

    def _size_columns(self) -> None:
        fm = self.tree.fontMetrics()
        header = self.tree.header()
        header.resizeSection(STATE, self.tree.indentation() + fm.horizontalAdvance("✓") + 22)
        header.resizeSection(WHO, fm.horizontalAdvance("x") * 9)
        header.resizeSection(WHEN, fm.horizontalAdvance("2026-12-31") + 14)
        self._fit_label_column()

    def _fit_label_column(self) -> None:
        """Labels get a third of the width (between 34 and 64 average characters) until
        the user sizes the column: the note's line has the rest."""
        if self._label_sized_by_user:
            return
        chars = self.tree.fontMetrics().averageCharWidth()
        width = min(max(self.tree.viewport().width() // 3, chars * 34), chars * 64)
        self._sizing = True
        try:
            self.tree.header().resizeSection(LABEL, width)
        finally:
            self._sizing = False

    # ------------------------------------------------------------------ public

    def refresh(self) -> None:
        """List the document's decisions afresh (keeping the current row's node)."""
        keep = self.current_node()
        with self._quiet():
            self.log_model.rebuild()
        self._update_filter_buttons()
        self._update_page()
        if keep is not None:
            self.set_selected_node(keep)

    def current_node(self) -> Node | None:
        """The node of the current row (None: no row)."""
        return self.log_model.node(self.proxy.mapToSource(self.tree.currentIndex()))

    def row_of(self, node: Node) -> QModelIndex:
        """The view's row showing ``node`` (invalid when not listed or filtered out)."""
        return self.proxy.mapFromSource(self.log_model.index_of(node))

    def set_state_filter(self, name: str) -> None:
        """Show ``all`` decisions, or only the ``chosen``, ``rejected`` or ``considering``."""
        self.state_buttons[name].setChecked(True)

    def set_text_filter(self, text: str) -> None:
        """Show only rows whose label, who or note holds ``text``."""
        self.text_filter.setText(text)

    @Slot(object)
    def set_selected_node(self, node: Node | None) -> None:
        """Follow the map's selection (connect the scene's ``selection_changed`` here):
        make its row current, if it is listed, without selecting it back."""
        index = self.row_of(node) if node is not None else self.proxy.index(-1, 0)
        if not index.isValid() and node is not None:
            return  # an undecided node: the log keeps its place
        if index == self.tree.currentIndex():
            return
        with self._quiet():
            self.tree.setCurrentIndex(index)
            if index.isValid():
                self.tree.scrollTo(index)

    # ------------------------------------------------------------------ internals

    @contextmanager
    def _quiet(self) -> Iterator[None]:
        """The current row moves without the user moving it (rows filtered away, removed,
        listed afresh, or the map's selection followed): the map is not told."""
        syncing, self._syncing = self._syncing, True
        try:
            yield
        finally:
            self._syncing = syncing

    def _update_filter_buttons(self) -> None:
        counts = self.log_model.counts()
        for name, decision in FILTERS:
            if decision is None:
                text = QCoreApplication.translate("DecisionLog", "All {n}").format(
                    n=sum(counts.values())
                )
            else:
                text = f"{decision.mark} {counts.get(decision, 0)}"
            self.state_buttons[name].setText(text)

    def _update_page(self) -> None:
        empty = self.log_model.group_count() == 0
        self.pages.setCurrentIndex(1 if empty else 0)
        self.filter_bar.setVisible(not empty)  # nothing to filter: only the hint shows

    def _span_groups(self, first: int, last: int) -> None:
        root = QModelIndex()
        for row in range(first, last + 1):
            self.tree.setFirstColumnSpanned(row, root, True)

    @Slot(QModelIndex, int, int)
    def _on_proxy_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():  # a group appeared (a first decision, a filter change)
            self._span_groups(first, last)
            for row in range(first, last + 1):
                self.tree.expand(self.proxy.index(row, 0))

    @Slot()
    def _on_proxy_model_reset(self) -> None:
        self._span_groups(0, self.proxy.rowCount() - 1)
        self.tree.expandAll()  # one layout pass, not one per group

    @Slot(int, int, int)
    def _on_header_section_resized(self, section: int, _old: int, _new: int) -> None:
        if section == LABEL and not self._sizing:
            self._label_sized_by_user = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.tree.viewport():
            self._fit_label_column()
        return super().eventFilter(watched, event)

    @Slot(QModelIndex, QModelIndex)
    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing:
            return
        node = self.log_model.node(self.proxy.mapToSource(current))
        if node is not None:
            self.node_selected.emit(node)

    @Slot(QModelIndex)
    def _on_tree_edit_requested(self, index: QModelIndex) -> None:
        node = self.log_model.node(self.proxy.mapToSource(index))
        if node is not None:
            self.edit_requested.emit(node)

    @Slot(int, bool)
    def _on_state_group_id_toggled(self, button_id: int, checked: bool) -> None:
        if checked:
            with self._quiet():
                self.proxy.set_state(FILTERS[button_id][1])

    @Slot(str)
    def _on_text_filter_text_changed(self, text: str) -> None:
        with self._quiet():
            self.proxy.set_text(text)

    @Slot(object)
    def _on_document_decisions_changed(self, nodes: list[Node] | None) -> None:
        if nodes is None:
            self.refresh()
            return
        with self._quiet():
            self.log_model.update_nodes(nodes)
        self._update_filter_buttons()
        self._update_page()

    @Slot()
    def _on_document_map_replaced(self) -> None:
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            # the dock's palette: a widget hears of a new palette before its children do
            self.log_model.set_colours(self.palette())
        elif event.type() == QEvent.Type.FontChange:
            self._size_columns()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
