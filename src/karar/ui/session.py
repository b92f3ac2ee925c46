"""The project behind the main window: New, Open, Save, Save As; the modified flag;
recovery copies written every few seconds; and the map file watched for edits.

:class:`Session` keeps the window free of file handling. It never loses a word: saving is
atomic (the old file stays if anything fails), unsaved work is copied to the user's data
folder every :data:`AUTOSAVE_MS` and offered back after a crash, and when the map file is
edited outside Karar it is re-read with checks, notes, folds and selection kept (entries
that no longer match become orphans, never deleted).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QStandardPaths, QTimer, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from karar.core.errors import KararError, MapError
from karar.core.model import MindMap, Node
from karar.core.project import PROJECT_SUFFIX, Project, ProjectError
from karar.core.sources import BUILTIN_DJANGO, is_builtin

if TYPE_CHECKING:
    from karar.ui.mainwindow import MainWindow

AUTOSAVE_MS = 3000
"""How often unsaved work is copied to the recovery folder."""

RELOAD_DELAY_MS = 300
"""Editors save in bursts (truncate, write, rename): wait this long before re-reading."""

PROJECT_FILTER = "Karar projects (*.karar.yaml);;All files (*)"
_RECOVERY_KEY = "recovery"


def recovery_dir() -> Path:
    """Where recovery copies live (the user's data folder for Karar)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


class Session(QObject):
    """Project files and safety nets for one main window.

    Signals:
        modified_changed(bool): The project gained or lost unsaved changes.
        project_path_changed(): The project file was opened, saved elsewhere or closed.
        map_reloaded(): The map file changed on disk and was read again.
    """

    modified_changed = Signal(bool)
    project_path_changed = Signal()
    map_reloaded = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.doc = window.document
        self._dirty_outside_undo = False
        self._modified = False
        self._saved: tuple[object, frozenset[Node]] = (frozenset(), frozenset())
        self._autosaved_index: int | None = None
        self._recovery_name = f"untitled-{os.getpid()}-{id(self):x}"
        stack = self.doc.undo_stack
        stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        stack.indexChanged.connect(self._on_undo_stack_index_changed)
        # A QUndoStack emits its signals once more while it is being destroyed, after its
        # Python side is gone: stop listening as soon as the document starts to go.
        self.doc.destroyed.connect(self._on_document_destroyed)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_watcher_file_changed)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload_map)

    # ------------------------------------------------------------------ state

    @property
    def project(self) -> Project:
        """The open project (an untitled one until saved)."""
        return self.doc.project

    @property
    def modified(self) -> bool:
        """Whether there are changes not yet saved to the project file: checks, notes and
        re-attached orphans always count; folds count once the project has a file (an
        untitled project's folds are remembered with the map instead)."""
        return self._modified

    def _snapshot(self) -> tuple[object, frozenset[Node]]:
        decisions = frozenset(
            (path, st.checked, st.note) for path, st in self.project.entries.items()
        )
        folds = frozenset(self.doc.folded) if self.project.path is not None else frozenset()
        return decisions, folds

    def _recompute_modified(self) -> None:
        modified = self._dirty_outside_undo or self._snapshot() != self._saved
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)

    def display_name(self) -> str:
        """The project's file name, or "Untitled" before its first save."""
        return Path(self.project.path).name if self.project.path else "Untitled"

    def mark_clean(self) -> None:
        """Everything is saved now."""
        self._dirty_outside_undo = False
        self.doc.undo_stack.setClean()
        self._saved = self._snapshot()
        self._autosaved_index = self.doc.undo_stack.index()
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

    @Slot(bool)
    def _on_undo_stack_clean_changed(self, _clean: bool) -> None:
        self._recompute_modified()

    @Slot(int)
    def _on_undo_stack_index_changed(self, _index: int) -> None:
        self._recompute_modified()

    # ------------------------------------------------------------------ opening

    def watch_map(self, path: str | None) -> None:
        """Watch the map file (None: the built-in map, which never changes)."""
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        if path is not None and not is_builtin(path) and os.path.exists(path):
            self.watcher.addPath(str(path))

    def start_project_for_map(self, path: str | None) -> None:
        """A fresh, untitled project for the map just opened (no unsaved changes)."""
        project = Project(map_ref=BUILTIN_DJANGO)
        project.set_map(path if path is not None else BUILTIN_DJANGO)
        self.doc.set_project(project)
        self._recovery_name = f"untitled-{os.getpid()}-{id(self):x}"
        self.mark_clean()
        self.project_path_changed.emit()

    def open_project(self, path: str | Path, *, show_errors: bool = True) -> bool:
        """Open a project file with its map, checks, notes, folds and view.

        Raises:
            KararError: Only when ``show_errors`` is False; otherwise a dialog explains.
        """
        from karar.core import project as projects

        try:
            project = projects.load(path)
            mindmap = projects.open_map(project)
        except KararError as err:
            if not show_errors:
                raise
            self.window.show_error(err)
            return False
        self._show_project(project, mindmap)
        self.mark_clean()
        return True

    def _show_project(self, project: Project, mindmap: MindMap) -> None:
        location = project.map_location()
        map_path = None if str(location) == BUILTIN_DJANGO else str(location)
        folded = _collapsed_nodes(project, mindmap)
        self.window.show_map(mindmap, map_path, folded=folded, view=project.view)
        self.doc.set_project(project)
        self._recovery_name = _recovery_key(project.path)
        self.watch_map(map_path)
        self.project_path_changed.emit()

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        """Save to the project file (asks where the first time). True when saved."""
        if self.project.path is None:
            return self.save_as()
        return self._save_to(self.project.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there. True when saved."""
        start = str(self.project.path or _suggested_project_path(self.doc.path))
        path, _ = QFileDialog.getSaveFileName(self.window, "Save Project", start, PROJECT_FILTER)
        if not path:
            return False
        if not path.lower().endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        self._prepare_for_writing()
        old_key = self._recovery_name
        try:
            self.project.save(Path(path))
        except ProjectError as err:
            self.window.show_error(err)
            return False
        _remove_quietly(recovery_dir() / f"{old_key}{PROJECT_SUFFIX}")
        self._recovery_name = _recovery_key(self.project.path)
        self.mark_clean()
        self.window.add_recent(str(path))
        self.project_path_changed.emit()
        return True

    def _prepare_for_writing(self) -> None:
        """Fold state and view go into the project just before it is written."""
        self.doc.sync_folds_to_project()
        self.project.view = self.window.view_state()

    def maybe_save(self) -> bool:
        """Before closing or replacing the project: ask to save unsaved changes.

        Returns:
            True to go on (saved or discarded), False to cancel.
        """
        if not self.modified:
            return True
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Karar")
        box.setText(f"Save the changes to “{self.display_name()}” before closing?")
        box.setInformativeText("Your checks and notes will be lost if you don't save them.")
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.remove_recovery()
            return True
        return False

    # ------------------------------------------------------------------ recovery

    def recovery_path(self) -> Path:
        """Where this session's recovery copy goes."""
        return recovery_dir() / f"{self._recovery_name}{PROJECT_SUFFIX}"

    @Slot()
    def autosave(self) -> None:
        """Copy unsaved work to the recovery folder (only when something changed since)."""
        index = self.doc.undo_stack.index()
        if not self.modified or index == self._autosaved_index:
            return
        self._prepare_for_writing()
        data = self.project.to_data()
        data["map"] = str(self.project.map_location())
        import datetime as _dt

        data[_RECOVERY_KEY] = {
            "of": str(self.project.path) if self.project.path else None,
            "pid": os.getpid(),
            "saved": _dt.datetime.now().isoformat(timespec="seconds"),
        }
        from karar.core.atomic import write_atomic
        from karar.core.project import dump_yaml

        try:
            recovery_dir().mkdir(parents=True, exist_ok=True)
            write_atomic(self.recovery_path(), dump_yaml(data).encode("utf-8"))
        except OSError as err:
            self.window.statusBar().showMessage(f"Could not write the recovery copy: {err}", 8000)
            return
        self._autosaved_index = index

    def remove_recovery(self) -> None:
        """Forget this session's recovery copy (the work is saved or discarded)."""
        _remove_quietly(self.recovery_path())

    def pending_recoveries(self) -> list[tuple[Path, dict[str, Any]]]:
        """Recovery copies left by Karar sessions that are no longer running, newest first."""
        import yaml

        found = []
        folder = recovery_dir()
        if not folder.is_dir():
            return []
        for path in folder.glob(f"*{PROJECT_SUFFIX}"):
            if path == self.recovery_path():
                continue
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
                info = data.get(_RECOVERY_KEY) or {}
            except (OSError, yaml.YAMLError, AttributeError):
                continue
            if _process_alive(info.get("pid")):
                continue
            found.append((path, info))
        found.sort(key=lambda item: item[0].stat().st_mtime, reverse=True)
        return found

    def offer_recovery(self) -> bool:
        """After a crash: offer to restore the newest recovery copy. True when restored."""
        pending = self.pending_recoveries()
        if not pending:
            return False
        path, info = pending[0]
        of = info.get("of")
        name = Path(of).name if of else "an untitled project"
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Karar")
        box.setText(f"Karar closed without saving {name}.")
        box.setInformativeText(
            f"A recovery copy from {info.get('saved', 'earlier')} holds the unsaved checks "
            "and notes. Restore it?"
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard)
        box.button(QMessageBox.StandardButton.Yes).setText("Restore")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        if box.exec() != QMessageBox.StandardButton.Yes:
            _remove_quietly(path)
            return False
        return self.restore_recovery(path)

    def restore_recovery(self, path: Path) -> bool:
        """Open a recovery copy as unsaved work on its project (then delete the copy)."""
        from karar.core import project as projects

        try:
            project = projects.load(path)
            info = project.extra.pop(_RECOVERY_KEY, None) or {}
            mindmap = projects.open_map(project)
        except KararError as err:
            self.window.show_error(err)
            return False
        location = project.map_location()
        project.path = Path(info["of"]) if info.get("of") else None
        if project.path is not None:
            project.set_map(location)
        self._show_project(project, mindmap)
        _remove_quietly(path)
        self._autosaved_index = None
        self._mark_dirty()
        self.autosave()
        return True

    # ------------------------------------------------------------------ the map file

    @Slot(str)
    def _on_watcher_file_changed(self, path: str) -> None:
        # Editors that save by renaming replace the file: the watch is gone, so re-add it.
        if os.path.exists(path) and path not in self.watcher.files():
            self.watcher.addPath(path)
        self._reload_timer.start()

    @Slot()
    def reload_map(self) -> None:
        """Read the map file again, keeping checks, notes, folds, selection and view."""
        path = self.doc.path
        if path is None:
            return
        if os.path.exists(path) and path not in self.watcher.files():
            self.watcher.addPath(path)
        from karar.core.sources import load_map

        try:
            mindmap = load_map(path)
        except MapError as err:
            self.window.statusBar().showMessage(
                f"The map file has an error, showing the last good version — {err}", 15000
            )
            return
        was_modified = self.modified
        self.doc.sync_folds_to_project()
        folded = _collapsed_nodes(self.project, mindmap)
        selected = self.window.selected_path()
        # The undo history holds the old map's nodes: it cannot outlive the map.
        self.doc.undo_stack.clear()
        self.window.show_map(mindmap, path, folded=folded, view=self.window.view_state())
        self.doc.set_project(self.project)
        if was_modified:
            self._mark_dirty()
        self.window.select_path(selected)
        orphans = len(self.doc.orphans())
        note = f" — {orphans} entr{'y' if orphans == 1 else 'ies'} orphaned" if orphans else ""
        self.window.statusBar().showMessage(f"The map changed on disk and was reloaded{note}", 8000)
        self.map_reloaded.emit()


def _collapsed_nodes(project: Project, mindmap: MindMap) -> list[Node]:
    out = []
    for path, state in project.entries.items():
        if state.collapsed:
            node = mindmap.find(path)
            if node is not None and node.children:
                out.append(node)
    return out


def _recovery_key(project_path: Path | None) -> str:
    import hashlib

    if project_path is None:
        return f"untitled-{os.getpid()}"
    digest = hashlib.sha1(str(Path(project_path).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"{Path(project_path).name.removesuffix(PROJECT_SUFFIX)}-{digest}"


def _suggested_project_path(map_path: str | None) -> Path:
    if map_path is None or is_builtin(map_path):
        return Path.home() / f"django{PROJECT_SUFFIX}"
    p = Path(map_path)
    return p.with_name(p.name.split(".")[0] + PROJECT_SUFFIX)


def _process_alive(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        pass
