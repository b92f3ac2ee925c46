"""The project behind the main window: reading a map or a project into a :class:`Loaded`
bundle, New, Save, Save As; the modified flag; recovery copies written every few seconds;
and the map file watched for edits.

:class:`Session` keeps the window free of file handling, and hands back what it read
instead of driving the window: the window shows a :class:`Loaded` (one
:meth:`MapDocument.load <karar.ui.document.MapDocument.load>`), then calls :meth:`adopt`.
It never loses a word: saving is atomic (the old file stays if anything fails), unsaved
work is copied to the user's data folder within :data:`AUTOSAVE_MS` of every change (a
keystroke in a note too) and offered back after a crash, and when the map file is edited
outside Karar it is re-read with checks, notes, folds and selection kept (entries that no
longer match become orphans, never deleted).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from karar.core.errors import KararError
from karar.core.model import MindMap, Node
from karar.core.pathnames import qt_can_name, shown
from karar.core.project import PROJECT_SUFFIX, Project, ProjectError, is_project_file
from karar.core.sources import BUILTIN_DJANGO, is_builtin
from karar.ui import i18n, mapmemory, recovery
from karar.ui.document import MapDocument
from karar.ui.guard import ProjectGuard
from karar.ui.i18n import QT_TRANSLATE_NOOP
from karar.ui.messages import reason_text
from karar.ui.plaintext import error_text, file_name, plain_box, warn
from karar.ui.recovery import RECOVERY_KEY, RecoveryCopy

AUTOSAVE_MS = 1000
"""How soon after a change unsaved work is copied to the recovery folder (while typing goes
on, a copy every second: a crash loses at most about a second)."""

RELOAD_DELAY_MS = 300
"""Editors save in bursts (truncate, write, rename): wait this long before re-reading."""

PROJECT_FILTER = QT_TRANSLATE_NOOP("Session", "Karar projects (*.karar.yaml);;All files (*)")


class Answer(Enum):
    """What the user said to "save the changes first?"."""

    PROCEED = "proceed"  # saved, or there was nothing to save
    DISCARDED = "discarded"  # go on, the changes are dropped
    CANCEL = "cancel"  # stay

    def __bool__(self) -> bool:
        return self is not Answer.CANCEL


@dataclass
class Loaded:
    """A map read with its project, ready to be shown in one go.

    Attributes:
        mindmap: The map.
        map_path: Its file (None: the built-in map).
        project: The project with its decisions (a fresh, untitled one for a bare map).
        folded: The folds to show; None takes the project's.
        view: The view to restore, as a project file keeps it (``layout``, ``zoom``,
            ``center``, ``selected``, ``minimap``); empty: compute a first view.
        dirty: The bundle holds unsaved work (a restored recovery copy, a map re-read
            while there were unsaved changes).
        warnings: ``(line, message)`` for each line of the map file Karar and Mermaid
            read differently.
        project_warnings: ``(line, message)`` for each value of the project file that
            was ignored (an odd ``view:`` value...): the rest of the project is shown.
        read_only: Another window holds the project: this one may not save over it.
        take_over: Break another window's hold on the project.
    """

    mindmap: MindMap
    map_path: str | None
    project: Project
    folded: set[Node] | None = None
    view: dict[str, Any] = field(default_factory=dict)
    dirty: bool = False
    warnings: list[tuple[int, str]] = field(default_factory=list)
    project_warnings: list[tuple[int, str]] = field(default_factory=list)
    read_only: bool = False
    take_over: bool = False


class Session(QObject):
    """Project files and safety nets for one main window.

    Args:
        document: The open map.
        view_state: Gives the view to keep in a saved project (layout, zoom, selection).
        parent: The window (dialogs are centred on it).

    Signals:
        modified_changed(bool): The project gained or lost unsaved changes.
        project_path_changed(): The project file was opened, saved elsewhere or closed (or
            became read-only, or writable).
        reload_requested(str): The user chose to read the project file again, as changed
            on disk, instead of saving over it.
        map_missing_changed(bool): The map file went missing (True) or is back (False).
        map_file_changed(): The map file changed on disk (the window re-reads it).
        saved(str): The project was written to this file.
        message(str): Something to tell the user in passing (the status bar).
    """

    modified_changed = Signal(bool)
    project_path_changed = Signal()
    reload_requested = Signal(str)
    map_missing_changed = Signal(bool)
    map_file_changed = Signal()
    saved = Signal(str)
    message = Signal(str)

    def __init__(
        self,
        document: MapDocument,
        view_state: Callable[[], dict[str, Any]],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._widget = parent
        self.doc = document
        self._view_state = view_state
        self._dirty_outside_undo = False
        self._modified = False
        self._saved: frozenset[object] = frozenset()
        self._autosaved: int | None = None  # the document revision the copy holds
        self.copy = RecoveryCopy("untitled")
        self.guard = ProjectGuard()
        self.read_only = False
        stack = self.doc.undo_stack
        stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        stack.indexChanged.connect(self._on_undo_stack_index_changed)
        # A QUndoStack emits its signals once more while it is being destroyed, after its
        # Python side is gone: stop listening as soon as the document starts to go.
        self.doc.destroyed.connect(self._on_document_destroyed)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.doc.changed.connect(self._on_document_changed)

        self.watcher = QFileSystemWatcher(self)
        self._watched: str | None = None
        self.watcher.fileChanged.connect(self._on_watcher_file_changed)
        self.watcher.directoryChanged.connect(self._on_watcher_directory_changed)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.map_file_changed)

    # ------------------------------------------------------------------ state

    @property
    def project(self) -> Project:
        """The open project (an untitled one until saved)."""
        return self.doc.project

    @property
    def modified(self) -> bool:
        """Whether there are changes not yet saved to the project file: checks, notes and
        re-attached orphans always count; folds count once the project has a file (an
        untitled project's folds are remembered with the map instead). Navigation (a search
        revealing its match) never counts."""
        return self._modified

    def _decisions(self) -> frozenset[object]:
        """What the project records apart from folds (an untitled project's folds are
        remembered with the map, not saved)."""
        return frozenset(
            (path, st.checked, st.status, st.by, st.date, st.note)
            for path, st in self.project.entries.items()
            if st.checked or st.status or st.by or st.date or st.note
        )

    def _recompute_modified(self) -> None:
        titled = self.project.path is not None
        modified = (
            self._dirty_outside_undo
            or self._decisions() != self._saved
            or (titled and not self.doc.undo_stack.isClean())
        )
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)

    def display_name(self) -> str:
        """The project's file name, or "Untitled" before its first save."""
        if self.project.path:
            return file_name(self.project.path)
        return QCoreApplication.translate("Session", "Untitled")

    def mark_clean(self) -> None:
        """Everything is saved now."""
        self._dirty_outside_undo = False
        self.doc.undo_stack.setClean()
        self._saved = self._decisions()
        self._autosaved = self.doc.revision
        self.remove_recovery()
        self._recompute_modified()

    def _mark_dirty(self) -> None:
        self._dirty_outside_undo = True
        self._recompute_modified()

    @Slot()
    def _on_document_destroyed(self) -> None:
        self.autosave_timer.stop()
        stack = self.doc.undo_stack
        stack.cleanChanged.disconnect(self._on_undo_stack_clean_changed)
        stack.indexChanged.disconnect(self._on_undo_stack_index_changed)

    @Slot()
    def _on_document_changed(self) -> None:
        # a copy within a second of the change, and one a second while changes go on
        if not self.autosave_timer.isActive():
            self.autosave_timer.start()

    @Slot(bool)
    def _on_undo_stack_clean_changed(self, _clean: bool) -> None:
        self._recompute_modified()

    @Slot(int)
    def _on_undo_stack_index_changed(self, _index: int) -> None:
        self._recompute_modified()

    # ------------------------------------------------------------------ reading

    def read(self, path: str | Path | None, layout: str, *, ask: bool = True) -> Loaded | None:
        """Read a map or a project file (None: the built-in map). A bare map comes with a
        fresh untitled project and the view remembered for it in ``layout``. A project
        another window holds is opened read-only or taken over, as the user says (``ask``
        False: read-only); None when the user cancels.

        Raises:
            KararError: The file cannot be read (the message names file and line).
        """
        from karar.core import project as projects
        from karar.core.sources import read_map

        if path is not None and is_project_file(path):
            held = ProjectGuard.holder(Path(path))
            read_only = take_over = False
            if held is not None and not self._is_ours(Path(path)):
                answer = self._ask_held(Path(path), held.describe()) if ask else "read-only"
                if answer == "cancel":
                    return None
                read_only, take_over = answer == "read-only", answer == "take-over"
            project = projects.load(path)
            reading = projects.read_project_map(project)
            return Loaded(
                reading.map,
                _map_path(project),
                project,
                view=dict(project.view),
                warnings=reading.warnings,
                project_warnings=list(project.warnings),
                read_only=read_only,
                take_over=take_over,
            )
        reading = read_map(path)
        map_path = None if path is None else str(path)
        project = Project(map_ref=BUILTIN_DJANGO)
        project.set_map(map_path if map_path is not None else BUILTIN_DJANGO)
        folded, view = mapmemory.load_view(map_path, reading.map, layout)
        return Loaded(reading.map, map_path, project, folded, view, warnings=reading.warnings)

    def _is_ours(self, path: Path) -> bool:
        return self.guard.path is not None and self.guard.path.resolve() == path.resolve()

    def _ask_held(self, path: Path, holder: str) -> str:
        """Another window holds ``path``: "read-only", "take-over" or "cancel"."""
        box = plain_box(self._widget)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Karar")
        held = QCoreApplication.translate(
            "Session", "“{name}” is open in another window: {holder}."
        )
        box.setText(held.format(name=file_name(path), holder=holder))
        box.setInformativeText(
            QCoreApplication.translate(
                "Session",
                "Open it read-only to look (you can save your changes under another name), or "
                "take it over: the other window can then no longer save over it.",
            )
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Open
            | QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.Cancel
        )
        box.button(QMessageBox.StandardButton.Open).setText(
            QCoreApplication.translate("Session", "Open &Read-Only")
        )
        box.button(QMessageBox.StandardButton.Yes).setText(
            QCoreApplication.translate("Session", "&Take Over")
        )
        box.setDefaultButton(QMessageBox.StandardButton.Open)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Open:
            return "read-only"
        if answer == QMessageBox.StandardButton.Yes:
            return "take-over"
        return "cancel"

    def reread(self, view: dict[str, Any]) -> Loaded:
        """The open map read again from its file, with the open project (folds, checks
        and notes carried over by path) and ``view``.

        Raises:
            MapError: The file no longer reads as a map.
        """
        from karar.core.sources import read_map

        path = self.doc.path
        self._rewatch()
        reading = read_map(path)
        return Loaded(
            reading.map,
            path,
            self.project,
            view=view,
            dirty=self.modified,
            warnings=reading.warnings,
            read_only=self.read_only,
        )

    def adopt(self, loaded: Loaded) -> None:
        """``loaded`` is on screen now: hold its project file (unless read-only), watch its
        map, give it a recovery copy of its own and start its modified flag (clean, unless
        it holds unsaved work)."""
        path = loaded.project.path
        if path is None or not self._is_ours(path) or loaded.take_over:
            self.read_only = loaded.read_only
            if self.read_only:
                self.guard.release()
            elif not self.guard.claim(path, take_over=loaded.take_over):
                self.read_only = path is not None and ProjectGuard.holder(path) is not None
        self.copy.remove()
        self.copy = RecoveryCopy(_copy_key(path))
        self.watch_map(loaded.map_path)
        self.mark_clean()
        if loaded.dirty:
            self._autosaved = None
            self._mark_dirty()
        self.project_path_changed.emit()

    def new_project(self) -> Loaded:
        """A fresh, untitled project on the open map, keeping what is folded."""
        project = Project(map_ref=BUILTIN_DJANGO)
        project.set_map(self.doc.path if self.doc.path is not None else BUILTIN_DJANGO)
        return Loaded(self.doc.mindmap, self.doc.path, project, set(self.doc.folded))

    def watch_map(self, path: str | None) -> None:
        """Watch the map file (None: the built-in map, which never changes). While the file
        is gone (deleted, or renamed away by an editor), its folder is watched instead."""
        for watched in (self.watcher.files(), self.watcher.directories()):
            if watched:
                self.watcher.removePaths(watched)
        self._watched = None if path is None or is_builtin(path) else str(path)
        if self._watched is not None and not qt_can_name(os.path.abspath(self._watched)):
            not_watched = QCoreApplication.translate(
                "Session",
                "{name} is not watched for changes: its name is not valid UTF-8, "
                "which Qt cannot follow (reload it with Ctrl+R)",
            )
            self.message.emit(not_watched.format(name=file_name(path)))
            self._watched = None
        self._rewatch()

    def _rewatch(self) -> bool:
        """Watch the map file if it is there, else its folder; whether it is there."""
        path = self._watched
        if path is None:
            return True
        there = os.path.isfile(path)
        folder = os.path.dirname(os.path.abspath(path))
        if there:
            if path not in self.watcher.files():
                self.watcher.addPath(path)
            if folder in self.watcher.directories():
                self.watcher.removePath(folder)
        elif os.path.isdir(folder) and folder not in self.watcher.directories():
            self.watcher.addPath(folder)
        return there

    @property
    def map_missing(self) -> bool:
        """Whether the open map's file is gone (the last version read stays on screen)."""
        return self._watched is not None and not os.path.isfile(self._watched)

    @Slot(str)
    def _on_watcher_file_changed(self, _path: str) -> None:
        # Editors that save by renaming replace the file: the watch is gone with it, so it
        # is taken up again (or the folder watched until the file is back).
        if self._rewatch():
            self._reload_timer.start()
        else:
            self.map_missing_changed.emit(True)

    @Slot(str)
    def _on_watcher_directory_changed(self, _folder: str) -> None:
        if self._watched is not None and self._rewatch():
            self.map_missing_changed.emit(False)
            self._reload_timer.start()

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        """Save to the project file (asks where the first time, and when the project is
        read-only here). True when saved."""
        if self.project.path is None or self.read_only:
            return self.save_as()
        return self._save_to(self.project.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there. True when saved."""
        start = str(self.project.path or _suggested_project_path(self.doc.path))
        path, _ = QFileDialog.getSaveFileName(
            self._widget,
            QCoreApplication.translate("Session", "Save Project"),
            start,
            QCoreApplication.translate("Session", PROJECT_FILTER),
        )
        if not path:
            return False
        if not path.lower().endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        path = Path(path)
        if not self._may_write(path):
            return False
        self.project.view = self._view_state()
        try:
            self.project.save(path, self.doc.map_state.save_order())
        except ProjectError as err:
            self._show_error(err)
            return False
        self.guard.saved(path)
        self.read_only = False
        self.copy.remove()
        self.copy = RecoveryCopy(_copy_key(path))
        self.mark_clean()
        self.saved.emit(str(path))
        self.doc.project_renamed()
        self.project_path_changed.emit()
        return True

    def _may_write(self, path: Path) -> bool:
        """Before writing over the project file: if another window took it over, or the
        file changed on disk since this window read or wrote it, ask first."""
        if not self._is_ours(path):
            held = ProjectGuard.holder(path) if path.exists() else None
            if held is None:
                return True
            text = QCoreApplication.translate(
                "Session", "“{name}” is open in another window: {holder}."
            )
            return self._confirm_overwrite(
                text.format(name=file_name(path), holder=held.describe()), path, reload=False
            )
        if self.guard.taken_over():
            text = QCoreApplication.translate(
                "Session", "Another window took “{name}” over since you opened it."
            )
            return self._confirm_overwrite(text.format(name=file_name(path)), path, reload=True)
        if self.guard.changed_on_disk():
            text = QCoreApplication.translate(
                "Session", "“{name}” was changed on disk since you opened it."
            )
            return self._confirm_overwrite(text.format(name=file_name(path)), path, reload=True)
        return True

    def _confirm_overwrite(self, text: str, path: Path, *, reload: bool) -> bool:
        box = plain_box(self._widget)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Karar")
        box.setText(text)
        box.setInformativeText(
            QCoreApplication.translate(
                "Session",
                "Saving now writes over what is in the file. Reload it to see those changes "
                "(yours are lost), or save yours under another name.",
            )
        )
        buttons = QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel
        buttons |= QMessageBox.StandardButton.SaveAll
        if reload:
            buttons |= QMessageBox.StandardButton.Reset
        box.setStandardButtons(buttons)
        box.button(QMessageBox.StandardButton.Save).setText(
            QCoreApplication.translate("Session", "&Overwrite")
        )
        box.button(QMessageBox.StandardButton.SaveAll).setText(
            QCoreApplication.translate("Session", "Save &As…")
        )
        if reload:
            box.button(QMessageBox.StandardButton.Reset).setText(
                QCoreApplication.translate("Session", "&Reload")
            )
        box.setDefaultButton(QMessageBox.StandardButton.SaveAll)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return True
        if answer == QMessageBox.StandardButton.SaveAll:
            self.save_as()
        elif answer == QMessageBox.StandardButton.Reset:
            self.reload_requested.emit(str(path))
        return False

    def close(self) -> None:
        """The window closes: let go of the project file and the recovery copy."""
        self.autosave_timer.stop()
        self.copy.remove()
        self.guard.release()

    def maybe_save(self) -> Answer:
        """Before closing or replacing the project: ask to save unsaved changes."""
        if not self.modified:
            return Answer.PROCEED
        box = plain_box(self._widget)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Karar")
        box.setText(
            QCoreApplication.translate(
                "Session", "Save the changes to “{name}” before closing?"
            ).format(name=self.display_name())
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "Session", "Your checks and notes will be lost if you don't save them."
            )
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return Answer.PROCEED if self.save() else Answer.CANCEL
        if answer == QMessageBox.StandardButton.Discard:
            self.remove_recovery()
            return Answer.DISCARDED
        return Answer.CANCEL

    def _show_error(self, err: KararError) -> None:
        warn(self._widget, error_text(err))

    # ------------------------------------------------------------------ recovery

    def recovery_path(self) -> Path:
        """Where this session's recovery copy goes."""
        return self.copy.path

    @Slot()
    def autosave(self) -> None:
        """Copy unsaved work to the recovery folder (only when something changed since)."""
        revision = self.doc.revision
        if not self.modified or revision == self._autosaved:
            return
        import datetime as _dt

        from karar.core.project import dump_yaml

        self.project.view = self._view_state()
        data = self.project.to_data(self.doc.map_state.save_order())
        data["map"] = str(self.project.map_location())
        data[RECOVERY_KEY] = {
            "of": str(self.project.path) if self.project.path else None,
            "pid": os.getpid(),
            "saved": _dt.datetime.now().isoformat(timespec="seconds"),
        }
        try:
            self.copy.write(dump_yaml(data).encode("utf-8"))
        except OSError as err:
            could_not = QCoreApplication.translate(
                "Session", "Could not write the recovery copy: {reason}"
            )
            self.message.emit(could_not.format(reason=reason_text(err)))
            return
        self._autosaved = revision

    def remove_recovery(self) -> None:
        """Forget this session's recovery copy (the work is saved or discarded)."""
        self.copy.remove()

    def pending_recoveries(self) -> list[tuple[Path, dict[str, Any]]]:
        """Recovery copies left by Karar sessions that are no longer running, newest first."""
        return recovery.pending(self.copy)

    def offer_recovery(self) -> Loaded | None:
        """After a crash: offer to restore the newest recovery copy; what to show, if the
        user restores it."""
        pending = self.pending_recoveries()
        if not pending:
            return None
        path, info = pending[0]
        of = info.get("of")
        name = file_name(of) if of else QCoreApplication.translate("Session", "an untitled project")
        box = plain_box(self._widget)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("Session", "Restore Unsaved Work — Karar"))
        box.setText(
            QCoreApplication.translate("Session", "Karar closed without saving {name}.").format(
                name=name
            )
        )
        saved = info.get("saved")
        box.setInformativeText(
            QCoreApplication.translate(
                "Session",
                "A recovery copy from {saved} holds the unsaved checks and notes. Restore it?",
            ).format(
                saved=i18n.format_datetime(str(saved))
                if saved
                else QCoreApplication.translate("Session", "earlier")
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard)
        box.button(QMessageBox.StandardButton.Yes).setText(
            QCoreApplication.translate("Session", "Restore")
        )
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        if box.exec() != QMessageBox.StandardButton.Yes:
            recovery.discard(path)
            return None
        try:
            return self.read_recovery(path)
        except KararError as err:
            self._show_error(err)
            return None

    def read_recovery(self, path: Path) -> Loaded:
        """A recovery copy as unsaved work on its project (the copy is deleted: from now
        on this session's own copies hold the work).

        Raises:
            KararError: The copy or its map cannot be read.
        """
        from karar.core import project as projects

        project = projects.load(path)
        info = project.extra.pop(RECOVERY_KEY, None) or {}
        reading = projects.read_project_map(project)
        location = project.map_location()
        project.path = Path(info["of"]) if info.get("of") else None
        if project.path is not None:
            project.set_map(location)
        recovery.discard(path)
        return Loaded(
            reading.map,
            _map_path(project),
            project,
            view=dict(project.view),
            dirty=True,
            warnings=reading.warnings,
        )


def _map_path(project: Project) -> str | None:
    location = project.map_location()
    return None if str(location) == BUILTIN_DJANGO else str(location)


def _copy_key(project_path: Path | None) -> str:
    """What a project's recovery copies are called (the process adds its own number)."""
    if project_path is None:
        return "untitled"
    # shown: the copy and its lock file need a name Qt can take (valid UTF-8)
    return shown(Path(project_path).name.removesuffix(PROJECT_SUFFIX)) or "project"


def _suggested_project_path(map_path: str | None) -> Path:
    if map_path is None or is_builtin(map_path):
        return Path.home() / f"django{PROJECT_SUFFIX}"
    p = Path(map_path)
    return p.with_name(p.name.split(".")[0] + PROJECT_SUFFIX)
