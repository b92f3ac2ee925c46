"""The "Decisions" dock: the decision log — every decided node of the map (chosen, rejected
or considering), grouped by first-level branch, with who decided, when, and the first line
of the note.

It answers "what have we decided so far?" without hunting through the map. The list is a
model over the document's state (:class:`DecisionLogModel`: a group row per first-level
branch holding decisions, a row per decided node in map order), shown through a sorting and
filtering proxy (:class:`DecisionLogFilter`: by column within each group, by state, by
text). It follows ``MapDocument.decisions_changed`` row by row — a check, a note keystroke or
an undo touches one row and its group — and is rebuilt only when the map is replaced or an
orphan is re-attached (``decisions_changed(None)``). Labels, names and notes are shown as
text, never as HTML: item views paint their text plain, and tooltips go through
:func:`karar.ui.plaintext.tooltip`.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
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

from karar.core.labels import plain_text
from karar.core.model import Node
from karar.core.pathnames import single_line
from karar.core.status import Decision
from karar.ui.document import MapDocument
from karar.ui.plaintext import plain_label, tooltip
from karar.ui.theme import contrast_ratio, focus_outline_colour, outline_colour

COLUMNS = ("State", "Label", "Who", "When", "Note")
"""The log's columns, left to right."""
STATE, LABEL, WHO, WHEN, NOTE = range(len(COLUMNS))
_COLUMN_COUNT = len(COLUMNS)

FILTERS: tuple[tuple[str, Decision | None], ...] = (
    ("all", None),
    ("chosen", Decision.CHOSEN),
    ("rejected", Decision.REJECTED),
    ("considering", Decision.CONSIDERING),
)
"""The state filter's choices, as the segmented control lists them."""

EMPTY_TEXT = "No decisions yet — check a node, or set it to rejected / considering."
NO_MATCH_TEXT = "No decision matches the filter."

NODE_ROLE = Qt.ItemDataRole.UserRole
"""The node a row shows (a group row: its first-level node, or the root)."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""A row's sort key for the column (tuples compare; the map order breaks ties)."""

_ORDER = (Decision.CHOSEN, Decision.REJECTED, Decision.CONSIDERING)
_STATE_RANK = {Decision.CHOSEN: 0, Decision.CONSIDERING: 1, Decision.REJECTED: 2}
_GROUP_ID = 0  # internal id of a group row; a node row's id is its group's branch + 2

# Mark colours tried in order: the first that stands 4.5:1 against the list's base colour
# wins (WCAG text contrast), else the text colour. The shape carries the state anyway.
_MARK_COLOURS = {
    Decision.CHOSEN: ("#1B7A33", "#5FD37A", "#00FF9C"),
    Decision.REJECTED: ("#B3261E", "#FF7B72", "#FF5C7A"),
    Decision.CONSIDERING: ("#935A00", "#F0C020", "#FFE600"),
}


def note_line(note: str) -> str:
    """The first line of a note that says something, on one line."""
    for line in note.splitlines():
        if line.strip():
            return single_line(line)
    return ""


def counts_text(counts: dict[Decision, int]) -> str:
    """A group's counts as the badges say them: ``✓3 ✗1 ?1`` (zero counts left out)."""
    return " ".join(f"{d.mark}{counts[d]}" for d in _ORDER if counts.get(d))


@dataclass(slots=True)
class _Group:
    """The decided nodes of one first-level branch (-1: the root itself), in map order."""

    branch: int
    node: Node
    orders: list[int] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    states: list[Decision] = field(default_factory=list)
    counts: dict[Decision, int] = field(default_factory=dict)


def mark_colours(palette: QPalette) -> dict[Decision, QColor]:
    """The colour of each state's mark against ``palette``'s base colour."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    out = {}
    for decision, names in _MARK_COLOURS.items():
        colours = [QColor(n) for n in names]
        out[decision] = next((c for c in colours if contrast_ratio(c, base) >= 4.5), text)
    return out


class DecisionLogModel(QAbstractItemModel):
    """The decided nodes of the open map, grouped by first-level branch.

    Top-level rows are the groups (a first-level branch with at least one decision, in map
    order; the root's own decision is a group of its own, first); below each, its decided
    nodes in map order. Rows are made from the document when shown.

    Args:
        document: The open map and its project.
        parent: The owner.
    """

    def __init__(self, document: MapDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._groups: list[_Group] = []
        self._branches: list[int] = []  # the groups' branch indexes, for bisect
        self._labels: dict[Node, str] = {}
        self._colours: dict[Decision, QColor] = {}
        self._muted = QColor()
        self._strike = QFont()
        self._strike.setStrikeOut(True)
        self._bold = QFont()
        self._bold.setBold(True)

    # ------------------------------------------------------------------ filling

    def rebuild(self) -> None:
        """List the document's decided nodes afresh (a reset)."""
        self.beginResetModel()
        doc = self.document
        index = doc.index
        order, branch = index.order, index.branch
        self._labels = {}
        groups: dict[int, _Group] = {}
        decided = sorted(
            ((order[n], n, st.decision) for n, st in doc.map_state.entries() if st.decision),
            key=lambda t: t[0],
        )
        for number, node, decision in decided:
            b = branch[node]
            group = groups.get(b)
            if group is None:
                group = groups[b] = _Group(b, self._branch_node(node, b))
            group.orders.append(number)
            group.nodes.append(node)
            assert decision is not None
            group.states.append(decision)
            group.counts[decision] = group.counts.get(decision, 0) + 1
        self._groups = [groups[b] for b in sorted(groups)]
        self._branches = [g.branch for g in self._groups]
        self.endResetModel()

    def update_nodes(self, nodes: Iterable[Node]) -> None:
        """Bring the rows of ``nodes`` up to date: a row changed, added or removed each
        (and its group's counts), nothing rebuilt."""
        for node in nodes:
            if node in self.document.depth:
                self._update_node(node)

    def _update_node(self, node: Node) -> None:
        doc = self.document
        decision = doc.decision(node)
        self._labels.pop(node, None)  # a reload may bring a new label under the same node
        b = doc.branch[node]
        number = doc.index.order[node]
        g = bisect.bisect_left(self._branches, b)
        group = self._groups[g] if g < len(self._groups) and self._branches[g] == b else None
        row = -1
        if group is not None:
            row = bisect.bisect_left(group.orders, number)
            if row >= len(group.orders) or group.orders[row] != number:
                row = -1
        if row >= 0:
            assert group is not None
            if decision is None:
                self._remove(g, group, row)
            else:
                self._count(group, group.states[row], -1)
                self._count(group, decision, 1)
                group.states[row] = decision
                self._changed(self.index(row, 0, self.index(g, 0)))
                self._changed(self.index(g, 0))
            return
        if decision is None:
            return
        if group is None:
            group = _Group(
                b, self._branch_node(node, b), [number], [node], [decision], {decision: 1}
            )
            self.beginInsertRows(QModelIndex(), g, g)
            self._groups.insert(g, group)
            self._branches.insert(g, b)
            self.endInsertRows()
            return
        row = bisect.bisect_left(group.orders, number)
        self.beginInsertRows(self.index(g, 0), row, row)
        group.orders.insert(row, number)
        group.nodes.insert(row, node)
        group.states.insert(row, decision)
        self._count(group, decision, 1)
        self.endInsertRows()
        self._changed(self.index(g, 0))

    def _remove(self, g: int, group: _Group, row: int) -> None:
        if len(group.nodes) == 1:
            self.beginRemoveRows(QModelIndex(), g, g)
            del self._groups[g]
            del self._branches[g]
            self.endRemoveRows()
            return
        self.beginRemoveRows(self.index(g, 0), row, row)
        del group.orders[row]
        del group.nodes[row]
        self._count(group, group.states.pop(row), -1)
        self.endRemoveRows()
        self._changed(self.index(g, 0))

    @staticmethod
    def _count(group: _Group, decision: Decision, delta: int) -> None:
        group.counts[decision] = group.counts.get(decision, 0) + delta

    def _changed(self, index: QModelIndex) -> None:
        self.dataChanged.emit(index, index.siblingAtColumn(len(COLUMNS) - 1))

    def _branch_node(self, node: Node, branch: int) -> Node:
        root = self.document.root
        assert root is not None
        return root if branch < 0 else root.children[branch]

    def set_colours(self, palette: QPalette) -> None:
        """Colour the marks and muted text for ``palette`` (a theme change)."""
        self._colours = mark_colours(palette)
        self._muted = palette.color(QPalette.ColorRole.PlaceholderText)
        for g in range(len(self._groups)):
            parent = self.index(g, 0)
            last = self.rowCount(parent) - 1
            if last >= 0:
                self.dataChanged.emit(self.index(0, 0, parent), self.index(last, NOTE, parent))

    # ------------------------------------------------------------------ lookup

    def node(self, index: QModelIndex | QPersistentModelIndex) -> Node | None:
        """The node of a row (a group row: its branch's node); None for no row."""
        if not index.isValid():
            return None
        if index.internalId() == _GROUP_ID:
            return self._groups[index.row()].node
        group = self._group_of(index)
        return group.nodes[index.row()] if group is not None else None

    def index_of(self, node: Node) -> QModelIndex:
        """The row showing ``node`` (column 0), invalid when it is not listed."""
        if node not in self.document.depth:
            return QModelIndex()
        b = self.document.branch[node]
        g = bisect.bisect_left(self._branches, b)
        if g >= len(self._groups) or self._branches[g] != b:
            return QModelIndex()
        group = self._groups[g]
        number = self.document.index.order[node]
        row = bisect.bisect_left(group.orders, number)
        if row < len(group.orders) and group.orders[row] == number:
            return self.index(row, 0, self.index(g, 0))
        return QModelIndex()

    def is_group(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        """Whether ``index`` is a group (first-level branch) row."""
        return index.isValid() and index.internalId() == _GROUP_ID

    def group_count(self) -> int:
        """How many groups are listed."""
        return len(self._groups)

    def counts(self) -> dict[Decision, int]:
        """How many listed nodes are in each state."""
        out: dict[Decision, int] = {}
        for group in self._groups:
            for decision, n in group.counts.items():
                out[decision] = out.get(decision, 0) + n
        return out

    def decision_total(self) -> int:
        """How many decided nodes are listed."""
        return sum(len(g.nodes) for g in self._groups)

    def label(self, node: Node) -> str:
        """The node's label as the log shows it: plain text on one line."""
        text = self._labels.get(node)
        if text is None:
            text = self._labels[node] = single_line(plain_text(node.label, node.markdown))
        return text

    def _group_of(self, index: QModelIndex | QPersistentModelIndex) -> _Group | None:
        b = index.internalId() - 2
        g = bisect.bisect_left(self._branches, b)
        if g < len(self._groups) and self._branches[g] == b:
            return self._groups[g]
        return None

    # ------------------------------------------------------------------ the model

    # index, parent and rowCount are called a few times per row whenever the view lays
    # the rows out: kept to the fewest calls into Qt
    def index(
        self,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex | None = None,
    ) -> QModelIndex:
        if column < 0 or column >= _COLUMN_COUNT or row < 0:
            return QModelIndex()
        if parent is None or not parent.isValid():
            if row < len(self._groups):
                return self.createIndex(row, column, _GROUP_ID)
            return QModelIndex()
        g = parent.row()
        if parent.internalId() != _GROUP_ID or g >= len(self._groups):
            return QModelIndex()
        group = self._groups[g]
        if row < len(group.nodes):
            return self.createIndex(row, column, group.branch + 2)
        return QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex | None = None) -> QModelIndex:  # type: ignore[override]
        if index is None:
            return QModelIndex()
        b = index.internalId() - 2
        if b < -1:  # a group row, or no row
            return QModelIndex()
        g = bisect.bisect_left(self._branches, b)
        if g < len(self._branches) and self._branches[g] == b:
            return self.createIndex(g, 0, _GROUP_ID)
        return QModelIndex()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        if parent is None or not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP_ID and parent.column() == 0:
            return len(self._groups[parent.row()].nodes)
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Sort by {COLUMNS[section].lower()} (within each branch)"
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP_ID:
            return self._group_data(self._groups[index.row()], index.column(), role)
        group = self._group_of(index)
        if group is None or index.row() >= len(group.nodes):
            return None
        return self._node_data(group, index.row(), index.column(), role)

    def _group_data(self, group: _Group, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return f"{self.label(group.node)} — {counts_text(group.counts)}"
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == NODE_ROLE:
            return group.node
        if role == SORT_ROLE:
            return group.branch
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            parts = [f"{group.counts[d]} {d.value}" for d in _ORDER if group.counts.get(d)]
            return tooltip(f"{self.label(group.node)}\n{', '.join(parts)}")
        return None

    def _node_data(self, group: _Group, row: int, column: int, role: int) -> object:
        node = group.nodes[row]
        entry = self.document.entry(node)
        decision = entry.decision
        if role == Qt.ItemDataRole.DisplayRole:
            if column == STATE:
                return decision.mark if decision is not None else ""
            if column == LABEL:
                return self.label(node)
            if column == WHO:
                return single_line(entry.by or "")
            if column == WHEN:
                return entry.date.isoformat() if entry.date is not None else ""
            return note_line(entry.note)
        if role == SORT_ROLE:
            return self._sort_key(node, column, group.orders[row])
        if role == NODE_ROLE:
            return node
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == STATE and decision is not None and decision in self._colours:
                return self._colours[decision]
            if decision is Decision.REJECTED and column == LABEL and self._muted.isValid():
                return self._muted
            if column == NOTE and self._muted.isValid():
                return self._muted
            return None
        if role == Qt.ItemDataRole.FontRole:
            if column == STATE:
                return self._bold
            if column == LABEL and decision is Decision.REJECTED:
                return self._strike
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == STATE:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.AccessibleTextRole and column == STATE:
            return decision.value if decision is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        return None

    def _sort_key(self, node: Node, column: int, number: int) -> tuple[object, ...]:
        entry = self.document.entry(node)
        if column == STATE:
            d = entry.decision
            return (_STATE_RANK[d] if d is not None else 3, number)
        if column == LABEL:
            return (self.label(node).casefold(), number)
        if column == WHO:
            by = single_line(entry.by or "").casefold()
            return (not by, by, number)  # who is empty sorts last
        if column == WHEN:
            date = entry.date or _dt.date.max
            return (entry.date is None, date, number)
        line = note_line(entry.note).casefold()
        return (not line, line, number)

    def _tooltip(self, node: Node) -> str:
        entry = self.document.entry(node)
        decision = entry.decision
        path = " › ".join(single_line(p) for p in self.document.path_of(node)[1:])
        said = decision.value if decision is not None else "undecided"
        record = ", ".join(x for x in (entry.by or "", str(entry.date or "")) if x)
        head = f"{path}\n{said}" + (f" — {record}" if record else "")
        note = entry.note.strip()
        return tooltip(head + (f"\n\n{note}" if note else ""))


class DecisionLogFilter(QSortFilterProxyModel):
    """Sorts each group's rows by the clicked column (groups stay in map order) and keeps
    the rows in the chosen state whose label, who or note holds the filter text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state: Decision | None = None
        self._text = ""
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(True)
        self.setSortRole(SORT_ROLE)

    @property
    def state(self) -> Decision | None:
        """The state rows must be in (None: any)."""
        return self._state

    def set_state(self, state: Decision | None) -> None:
        """Keep only rows in ``state`` (None: every decided row)."""
        if state is not self._state:
            self._refilter(lambda: setattr(self, "_state", state))

    def set_text(self, text: str) -> None:
        """Keep only rows whose label, who or note holds ``text`` (any case)."""
        text = " ".join(text.split()).casefold()
        if text != self._text:
            self._refilter(lambda: setattr(self, "_text", text))

    def _refilter(self, change: Callable[[], object]) -> None:
        # Qt 6.10 deprecates invalidateRowsFilter for a begin/end pair around the change
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if not source_parent.isValid():
            # a group shows when one of its rows does (recursive filtering)
            return self._state is None and not self._text
        if self._state is None and not self._text:
            return True
        index = model.index(source_row, 0, source_parent)
        assert isinstance(model, DecisionLogModel)
        node = model.node(index)
        if node is None:
            return False
        doc = model.document
        if self._state is not None and doc.decision(node) is not self._state:
            return False
        if self._text:
            entry = doc.entry(node)
            hay = f"{model.label(node)}\n{entry.by or ''}\n{entry.note}".casefold()
            return self._text in hay
        return True

    def lessThan(
        self,
        source_left: QModelIndex | QPersistentModelIndex,
        source_right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        left = source_left.data(SORT_ROLE)
        right = source_right.data(SORT_ROLE)
        if not source_left.parent().isValid():
            # groups keep map order whichever way the rows are sorted
            if self.sortOrder() == Qt.SortOrder.DescendingOrder:
                return bool(left > right)
            return bool(left < right)
        return bool(left < right)


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
        super().__init__("Decisions", parent)
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
        for i, (name, decision) in enumerate(FILTERS):
            button = _SegmentButton(page)
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setToolTip(
                "Every decision" if decision is None else f"Only what is {decision.value}"
            )
            button.setAccessibleName(name)
            button.setObjectName(f"decisions-filter-{name}")
            self._state_group.addButton(button, i)
            self.state_buttons[name] = button
            bar.addWidget(button)
        self.state_buttons["all"].setChecked(True)
        self._state_group.idToggled.connect(self._on_state_group_id_toggled)
        bar.addSpacing(8)
        self.text_filter = _FilterField(page)
        self.text_filter.setPlaceholderText("Filter")
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setToolTip("Show the decisions whose label, who or note holds this")
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

        self.empty_label = plain_label(QLabel(self.pages), EMPTY_TEXT)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.setMargin(24)
        self.pages.addWidget(self.empty_label)
        column.addWidget(self.pages, 1)
        self.setWidget(page)
        self._size_columns()

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
                text = f"All {sum(counts.values())}"
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
        super().changeEvent(event)
