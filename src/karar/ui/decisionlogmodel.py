"""The decision log's model: every decided node of the map (chosen, rejected or
considering) as a row under its first-level branch's group row, and the proxy that sorts
within groups and filters by state and text.

:class:`DecisionLogModel` is a model over the document's state (a group row per first-level
branch holding decisions, a row per decided node in map order). It follows
``MapDocument.decisions_changed`` row by row — a check, a note keystroke or an undo touches
one row and its group — and is rebuilt only when the map is replaced or an orphan is
re-attached (``decisions_changed(None)``). :class:`DecisionLogFilter` sorts by column within
each group (groups keep map order) and filters by state and by text. The dock that shows
them is :mod:`karar.ui.decisionlog`.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPalette

from karar.core.labels import plain_text
from karar.core.model import Node
from karar.core.pathnames import single_line
from karar.core.status import Decision
from karar.ui import i18n
from karar.ui.document import MapDocument
from karar.ui.i18n import QT_TRANSLATE_NOOP
from karar.ui.plaintext import tooltip
from karar.ui.theme import contrast_ratio

COLUMNS = (
    QT_TRANSLATE_NOOP("DecisionLog", "State"),
    QT_TRANSLATE_NOOP("DecisionLog", "Label"),
    QT_TRANSLATE_NOOP("DecisionLog", "Who"),
    QT_TRANSLATE_NOOP("DecisionLog", "When"),
    QT_TRANSLATE_NOOP("DecisionLog", "Note"),
)
"""The log's columns, left to right (English source texts, shown translated)."""
STATE, LABEL, WHO, WHEN, NOTE = range(len(COLUMNS))
_COLUMN_COUNT = len(COLUMNS)

FILTERS: tuple[tuple[str, Decision | None], ...] = (
    ("all", None),
    ("chosen", Decision.CHOSEN),
    ("rejected", Decision.REJECTED),
    ("considering", Decision.CONSIDERING),
)
"""The state filter's choices, as the segmented control lists them."""

EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "DecisionLog", "No decisions yet — check a node, or set it to rejected / considering."
)
NO_MATCH_TEXT = QT_TRANSLATE_NOOP("DecisionLog", "No decision matches the filter.")
STATE_NAMES = {
    Decision.CHOSEN: QT_TRANSLATE_NOOP("DecisionLog", "chosen"),
    Decision.REJECTED: QT_TRANSLATE_NOOP("DecisionLog", "rejected"),
    Decision.CONSIDERING: QT_TRANSLATE_NOOP("DecisionLog", "considering"),
}
"""How the log names each state in its tooltips (the project file's words are English)."""


def tr(text: str) -> str:
    """``text`` (a source text of the log's) in the window's language."""
    return QCoreApplication.translate("DecisionLog", text)


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
            return tr(COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = QCoreApplication.translate("DecisionLog", "Sort by {column} (within each branch)")
            return tip.format(column=tr(COLUMNS[section]).lower())
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
            parts = [
                f"{group.counts[d]} {tr(STATE_NAMES[d])}" for d in _ORDER if group.counts.get(d)
            ]
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
                return i18n.format_date(entry.date) if entry.date is not None else ""
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
        if role == Qt.ItemDataRole.AccessibleTextRole and column == STATE:  # the mark's words
            return tr(STATE_NAMES[decision]) if decision is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        return None

    def _sort_key(self, node: Node, column: int, number: int) -> tuple[object, ...]:
        entry = self.document.entry(node)
        if column == STATE:
            d = entry.decision
            return (_STATE_RANK[d] if d is not None else 3, number)
        if column == LABEL:
            return (i18n.sort_key(self.label(node)), number)
        if column == WHO:
            by = single_line(entry.by or "")
            return (not by, i18n.sort_key(by), number)  # who is empty sorts last
        if column == WHEN:
            date = entry.date or _dt.date.max
            return (entry.date is None, date, number)
        line = note_line(entry.note)
        return (not line, i18n.sort_key(line), number)

    def _tooltip(self, node: Node) -> str:
        entry = self.document.entry(node)
        decision = entry.decision
        path = " › ".join(single_line(p) for p in self.document.path_of(node)[1:])
        said = (
            tr(STATE_NAMES[decision])
            if decision is not None
            else QCoreApplication.translate("DecisionLog", "undecided")
        )
        when = i18n.format_date(entry.date) if entry.date is not None else ""
        record = ", ".join(x for x in (entry.by or "", when) if x)
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
