"""The decision record of the Decision panel: the node's state, who decided and when.

A labelled form in Tab order — the state selector (Undecided, Chosen, Rejected,
Considering, each with its map mark), "Decided by" (the project's participant as the
placeholder) and the date (``YYYY-MM-DD`` typed, or picked on a calendar; empty allowed);
in a tally also the votes, plainly: "2 of 3: Ayşe, Can" (their signed notes are the
node's notes). While the canvas hides the node's votes, so does the form.
Who and when are disabled while the node is undecided. Each finished edit is one undo
step (:meth:`~karar.ui.document.MapDocument.decide`,
:meth:`~karar.ui.document.MapDocument.set_record`); a date that names no day is not saved
and the form says why in one line.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QRegularExpression, Qt, Slot
from PySide6.QtGui import QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from karar.core.model import Node
from karar.core.status import Decision, parse_date
from karar.core.votes import participants
from karar.ui import i18n
from karar.ui.document import MapDocument
from karar.ui.i18n import QT_TRANSLATE_NOOP

STATE_CHOICES: tuple[tuple[Decision | None, str], ...] = (
    (None, QT_TRANSLATE_NOOP("RecordForm", "Undecided")),
    (Decision.CHOSEN, QT_TRANSLATE_NOOP("RecordForm", "✓ Chosen")),
    (Decision.REJECTED, QT_TRANSLATE_NOOP("RecordForm", "✗ Rejected")),
    (Decision.CONSIDERING, QT_TRANSLATE_NOOP("RecordForm", "? Considering")),
)
"""The state selector's entries, in order: each with its mark on the map (English source
texts, shown translated)."""

_STATES = [state for state, _text in STATE_CHOICES]


class RecordForm(QWidget):
    """State, who and when of one node, edited through the document's undoable methods.

    Args:
        document: The open map.
        parent: The panel's page.
    """

    def __init__(self, document: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._node: Node | None = None
        self._updating = False
        form = self._form = QFormLayout(self)
        form.setContentsMargins(0, 2, 0, 0)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.state_combo = QComboBox(self)
        self.state_combo.setObjectName("decision-state")
        for _state, _text in STATE_CHOICES:
            self.state_combo.addItem("")
        self.state_combo.activated.connect(self._on_state_combo_activated)
        self.state_label = QLabel(self)
        self.state_label.setBuddy(self.state_combo)
        form.addRow(self.state_label, self.state_combo)

        self.by_edit = QLineEdit(self)
        self.by_edit.setObjectName("decided-by")
        self.by_edit.setClearButtonEnabled(True)
        self.by_edit.editingFinished.connect(self._on_by_edit_editing_finished)
        self.by_label = QLabel(self)
        self.by_label.setBuddy(self.by_edit)
        form.addRow(self.by_label, self.by_edit)

        row = QHBoxLayout()
        row.setSpacing(4)
        self.date_edit = QLineEdit(self)
        self.date_edit.setObjectName("decided-on")
        self.date_edit.setPlaceholderText("YYYY-MM-DD")
        self.date_edit.setClearButtonEnabled(True)
        self.date_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,4}(-\d{0,2}(-\d{0,2})?)?"))
        )
        self.date_edit.editingFinished.connect(self._on_date_edit_editing_finished)
        row.addWidget(self.date_edit, 1)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setObjectName("pick-date")
        menu = self.calendar_menu = QMenu(self.calendar_button)
        self.calendar = QCalendarWidget(menu)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._on_calendar_clicked)
        self.calendar.activated.connect(self._on_calendar_clicked)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._on_calendar_menu_about_to_show)
        # popped up by hand: a button menu would draw an arrow that crowds the text
        self.calendar_button.clicked.connect(self._on_calendar_button_clicked)
        row.addWidget(self.calendar_button)
        self.date_label = QLabel(self)
        self.date_label.setBuddy(self.date_edit)
        form.addRow(self.date_label, row)

        self.votes_view = QLabel(self)
        self.votes_view.setObjectName("votes")
        self.votes_view.setTextFormat(Qt.TextFormat.PlainText)
        self.votes_view.setWordWrap(True)
        self.votes_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.votes_label = QLabel(self)
        form.addRow(self.votes_label, self.votes_view)
        #: whether the canvas shows a node's votes (the window sets it from the canvas)
        self.votes_visible: Callable[[Node], bool] = lambda _node: True
        self.votes_text = ""

        self.notice = QLabel(self)
        self.notice.setObjectName("record-notice")
        self.notice.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.notice.setWordWrap(True)
        self.notice.hide()
        form.addRow(self.notice)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the form's texts in the window's language (again, when it changes)."""
        for i, (_state, text) in enumerate(STATE_CHOICES):
            self.state_combo.setItemText(i, QCoreApplication.translate("RecordForm", text))
        self.state_combo.setToolTip(
            QCoreApplication.translate("RecordForm", "What the team decided about this node")
        )
        self.state_label.setText(QCoreApplication.translate("RecordForm", "&State:"))
        self.by_edit.setToolTip(
            QCoreApplication.translate("RecordForm", "Who decided (by: in the project file)")
        )
        self.by_label.setText(QCoreApplication.translate("RecordForm", "Decided &by:"))
        self.date_edit.setToolTip(
            QCoreApplication.translate(
                "RecordForm", "When the state last changed (YYYY-MM-DD; empty: not recorded)"
            )
        )
        self.date_label.setText(QCoreApplication.translate("RecordForm", "&Date:"))
        self.calendar_button.setText(QCoreApplication.translate("RecordForm", "Calendar…"))
        self.calendar_button.setToolTip(
            QCoreApplication.translate("RecordForm", "Pick the date on a calendar")
        )
        self.votes_view.setToolTip(
            QCoreApplication.translate(
                "RecordForm", "Who voted for this node in the tally (karar merge)"
            )
        )
        self.votes_label.setText(QCoreApplication.translate("RecordForm", "Votes:"))
        self.calendar.setLocale(i18n.locale())  # its month and day names
        self.by_edit.setPlaceholderText(
            self.document.project.participant
            or QCoreApplication.translate("RecordForm", "Who decided")
        )
        self.refresh_votes()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def state(self) -> Decision | None:
        """The state the selector shows."""
        return _STATES[self.state_combo.currentIndex()]

    def show_node(self, node: Node | None) -> None:
        """Show ``node``'s record (None: an empty, disabled form)."""
        self._node = node
        doc = self.document
        entry = doc.entry(node) if node is not None else None
        state = doc.decision(node) if node is not None else None
        self._updating = True
        try:
            self.state_combo.setEnabled(node is not None)
            self.state_combo.setCurrentIndex(_STATES.index(state))
            decided = state is not None
            for widget in (
                self.by_edit,
                self.by_label,
                self.date_edit,
                self.date_label,
                self.calendar_button,
            ):
                widget.setEnabled(decided)
            by = (entry.by if entry else None) or ""
            if self.by_edit.text() != by:
                self.by_edit.setText(by)
            self.by_edit.setPlaceholderText(
                doc.project.participant or QCoreApplication.translate("RecordForm", "Who decided")
            )
            date = entry.date if entry else None
            self.date_edit.setText(date.isoformat() if date else "")
            self.notice.hide()
        finally:
            self._updating = False
        self.refresh_votes()

    def refresh_votes(self) -> None:
        """Show the node's votes and voters, or hide the row (no votes, or hidden)."""
        node = self._node
        entry = self.document.entry(node) if node is not None else None
        text = ""
        if node is not None and entry is not None and self.votes_visible(node):
            voters = list(entry.voters or ())
            votes = entry.votes if entry.votes is not None else (len(voters) if voters else None)
            if votes is not None:
                count = max(len(participants(self.document.project)), votes)
                of = QCoreApplication.translate("RecordForm", "{votes} of {count}")
                text = of.format(votes=votes, count=count)
                text += f": {', '.join(voters)}" if voters else ""
        self.votes_text = text
        self.votes_view.setText(text)
        self._form.setRowVisible(self.votes_view, bool(text))

    # ------------------------------------------------------------------ slots

    @Slot(int)
    def _on_state_combo_activated(self, index: int) -> None:
        if self._updating or self._node is None:
            return
        self.document.decide(self._node, _STATES[index])

    @Slot()
    def _on_by_edit_editing_finished(self) -> None:
        node = self._node
        if self._updating or node is None or self.document.decision(node) is None:
            return
        self.document.set_record(node, by=self.by_edit.text().strip() or None)

    @Slot()
    def _on_date_edit_editing_finished(self) -> None:
        node = self._node
        if self._updating or node is None or self.document.decision(node) is None:
            return
        text = self.date_edit.text().strip()
        try:
            date = parse_date(text) if text else None
        except ValueError:
            self.notice.setText(
                QCoreApplication.translate(
                    "RecordForm", "“{text}” is not a day: write it as YYYY-MM-DD."
                ).format(text=text)
            )
            self.notice.show()
            return
        self.notice.hide()
        if not self.document.set_record(node, date=date):
            self.show_node(node)  # the same day written otherwise: show it as saved

    @Slot()
    def _on_calendar_menu_about_to_show(self) -> None:
        node = self._node
        date = self.document.entry(node).date if node is not None else None
        self.calendar.setSelectedDate(
            QDate(date.year, date.month, date.day) if date else QDate.currentDate()
        )

    @Slot()
    def _on_calendar_button_clicked(self) -> None:
        button = self.calendar_button
        self.calendar_menu.popup(button.mapToGlobal(button.rect().bottomLeft()))

    @Slot(QDate)
    def _on_calendar_clicked(self, day: QDate) -> None:
        self.calendar_menu.hide()
        node = self._node
        if node is None or self.document.decision(node) is None:
            return
        self.document.set_record(node, date=_dt.date(day.year(), day.month(), day.day()))
