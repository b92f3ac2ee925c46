"""File › Merge Participants…: choose the participants' project files, see who is in and
what stands in the way, choose where the tally goes, write it (:mod:`karar.core.merge`)
and open it in the window."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from karar.core import project as projects
from karar.core.merge import Refusal, is_tally, merge_projects, participants_of, refusals
from karar.core.pathnames import shown
from karar.core.project import Project, ProjectError
from karar.ui.i18n import QT_TRANSLATE_NOOP
from karar.ui.messages import error_text, message_text

if TYPE_CHECKING:
    from karar.ui.mainwindow import MainWindow

PROJECT_FILTER = QT_TRANSLATE_NOOP("MergeDialog", "Karar projects (*.karar.yaml);;All files (*)")
COLUMNS = (
    QT_TRANSLATE_NOOP("MergeDialog", "File"),
    QT_TRANSLATE_NOOP("MergeDialog", "Who"),
    QT_TRANSLATE_NOOP("MergeDialog", "Chosen"),
    QT_TRANSLATE_NOOP("MergeDialog", "Map"),
    QT_TRANSLATE_NOOP("MergeDialog", "Problem"),
)
"""The file list's columns (English source texts, shown translated)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("MergeDialog", text)


@dataclass(slots=True)
class _Input:
    """One chosen file: its project, or why it could not be read (core's message, worded
    in the window's language when shown)."""

    path: Path
    project: Project | None
    error: str = ""


class MergeDialog(QDialog):
    """Chooses the files to merge and the tally to write (not shown yet).

    Signals:
        tally_written(str): The tally was written at this path.
    """

    tally_written = Signal(str)

    def __init__(self, parent: QWidget | None = None, start: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("merge-dialog")
        self.setWindowTitle(self.tr("Merge Participants"))
        self._start = start or Path.home()
        self._inputs: list[_Input] = []

        intro = QLabel(
            self.tr(
                "Each participant's project file on one map becomes one voice in the tally: "
                "how many chose each node, who, and their notes. The tally decides nothing "
                "by itself. Tallies of other rooms can be added: their votes add up."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.files = QTreeWidget(self)
        self.files.setObjectName("merge-files")
        self.files.setHeaderLabels([_tr(c) for c in COLUMNS])
        self.files.setRootIsDecorated(False)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.files.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("&Add Files…"), self)
        self.add_button.setObjectName("merge-add")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setObjectName("merge-remove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.output = QLineEdit(self)
        self.output.setObjectName("merge-output")
        self.output.setPlaceholderText("tally.karar.yaml")
        self.output.textChanged.connect(self.refresh)
        self.output_button = QPushButton(self.tr("C&hoose…"), self)
        self.output_button.clicked.connect(self._on_output_button_clicked)
        self.majority = QCheckBox(
            self.tr("Mark &chosen what more than half of the participants chose"), self
        )
        self.majority.setObjectName("merge-majority")
        self.summary = QLabel(self)
        self.summary.setObjectName("merge-summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = self.buttons.addButton(
            self.tr("&Merge and Open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setObjectName("merge-ok")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.add_button)
        file_buttons.addWidget(self.remove_button)
        file_buttons.addStretch(1)
        out_row = QHBoxLayout()
        out_label = QLabel(self.tr("&Tally:"), self)
        out_label.setBuddy(self.output)
        out_row.addWidget(out_label)
        out_row.addWidget(self.output, 1)
        out_row.addWidget(self.output_button)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(self.files, 1)
        column.addLayout(file_buttons)
        column.addLayout(out_row)
        column.addWidget(self.majority)
        column.addWidget(self.summary)
        column.addWidget(self.buttons)
        self.resize(760, 460)
        self.refresh()

    # ------------------------------------------------------------------ choosing

    def add_files(self, paths: list[str | Path]) -> None:
        """Add project files (each read now; one that cannot be read says why in its row)."""
        known = {i.path for i in self._inputs}
        for name in paths:
            path = Path(name)
            if path in known:
                continue
            known.add(path)
            try:
                self._inputs.append(_Input(path, projects.load(path)))
            except ProjectError as err:
                self._inputs.append(_Input(path, None, err.message))
        if self._inputs and not self.output.text():
            self.output.setText(str(self._inputs[0].path.with_name("tally.karar.yaml")))
        self.refresh()

    @Slot()
    def remove_selected(self) -> None:
        """Take the selected files out of the merge."""
        rows = {self.files.indexOfTopLevelItem(item) for item in self.files.selectedItems()}
        self._inputs = [i for n, i in enumerate(self._inputs) if n not in rows]
        self.refresh()

    def set_output(self, path: str | Path) -> None:
        """Where the tally goes."""
        self.output.setText(str(path))

    def output_path(self) -> Path | None:
        """The tally's path as typed (None: none yet)."""
        text = self.output.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if not path.name.lower().endswith(projects.PROJECT_SUFFIX):
            path = path.with_name(path.name + projects.PROJECT_SUFFIX)
        return path

    # ------------------------------------------------------------------ showing

    def problems(self) -> list[str]:
        """Why the tally cannot be written now (each problem's text, rows first)."""
        out = [f"{i.path.name}: {message_text(i.error)}" for i in self._inputs if i.project is None]
        if out:
            return out
        loaded = [i.project for i in self._inputs if i.project is not None]
        found = [self.refusal_text(r, located=True) for r in refusals(loaded, self.output_path())]
        if self.output_path() is None:
            found.append(self.tr("Choose where the tally goes."))
        return found

    @Slot()
    def refresh(self) -> None:
        """Show the files, who is in, the problems, and whether the merge can go ahead."""
        loaded = [i.project for i in self._inputs if i.project is not None]
        found = refusals(loaded, self.output_path())
        why = {id(loaded[r.index]): self.refusal_text(r) for r in found if r.index is not None}
        self.files.clear()
        people = 0
        for entry in self._inputs:
            project = entry.project
            if project is None:
                row = [entry.path.name, "", "", "", message_text(entry.error)]
            else:
                names = participants_of(project)
                people += len(names)
                tally = is_tally(project)
                states = project.entries.values()
                chosen = sum((s.votes or 0) if tally else s.checked for s in states)
                who = ", ".join(names)
                if tally:
                    who = self.tr("tally: {names}").format(names=who)
                row = [entry.path.name, who, str(chosen), project.map_ref, why.get(id(project), "")]
            item = QTreeWidgetItem([shown(text) for text in row])
            item.setToolTip(0, shown(str(entry.path)))
            if row[-1]:
                item.setText(4, shown(f"⚠ {row[-1]}"))
                item.setToolTip(4, shown(row[-1]))
            self.files.addTopLevelItem(item)
        problems = self.problems()
        self.merge_button.setEnabled(not problems)
        self.remove_button.setEnabled(bool(self._inputs))
        if problems:
            self.summary.setText(shown(problems[0]))
        else:
            files = len(self._inputs)
            #: the merge dialog's summary; {participants} is "%n participant(s)"
            ready = self.tr("{participants} in %n file(s): ready to merge.", "", files)
            #: how many participants the chosen files hold
            counted = self.tr("%n participant(s)", "", people)
            self.summary.setText(ready.format(participants=counted))

    def refusal_text(self, refusal: Refusal, *, located: bool = False) -> str:
        """Why the merge is refused, in the window's language; ``located``: after the file
        (and line) it is about, as the command line says it."""
        p = refusal.params
        texts = {
            "too-few": self.tr("merging needs at least two files"),
            "output-is-input": self.tr(
                "the output is the input {name}: write the tally to a new file"
            ),
            "other-map": self.tr(
                "names the map '{map}', not '{expected}' like {first}: only projects on one "
                "map can be merged"
            ),
            "participant-twice": self.tr(
                "the participant '{person}' is already in {other}: each person's choices "
                "can be counted once"
            ),
        }
        text = texts.get(refusal.code)
        if text is None:
            return str(refusal.error) if located else refusal.error.message
        try:
            text = text.format(**p)
        except KeyError:
            return str(refusal.error) if located else refusal.error.message
        if not located:
            return text
        error = refusal.error
        where = f"{error.path}:{error.line}" if error.line is not None else error.path
        return f"{where}: {text}"

    # ------------------------------------------------------------------ writing

    def write(self) -> Path | None:
        """Write the tally; None (the reason shown) when it cannot be written."""
        out = self.output_path()
        loaded = [i.project for i in self._inputs if i.project is not None]
        if out is None or self.problems():
            self.refresh()
            return None
        try:
            tally = merge_projects(loaded, out, majority=self.majority.isChecked())
            tally.save()
        except ProjectError as err:  # two tallies decide a node differently; a failed save
            self.summary.setText(error_text(err))
            self.merge_button.setEnabled(False)
            return None
        self.tally_written.emit(str(out))
        return out

    def accept(self) -> None:
        """Merge and Open: write the tally, and close only when it is written."""
        if self.write() is not None:
            super().accept()

    @Slot()
    def _on_add_button_clicked(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose Participants' Files"), str(self._start), _tr(PROJECT_FILTER)
        )
        if names:
            self.add_files(list(names))

    @Slot()
    def _on_output_button_clicked(self) -> None:
        start = self.output_path() or self._start / "tally.karar.yaml"
        title = self.tr("Write the Tally")
        name, _ = QFileDialog.getSaveFileName(self, title, str(start), _tr(PROJECT_FILTER))
        if name:
            self.set_output(name)


def merge_participants(window: MainWindow) -> MergeDialog:
    """File › Merge Participants…: the dialog, started beside the open project; the tally
    it writes opens in ``window``. Returned once shown (tests drive it)."""
    base = window.document.project.path or window.document.path
    dialog = MergeDialog(window, Path(base).parent if base else None)
    dialog.tally_written.connect(lambda path: window.open_path(path))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
