"""File › Open Recent: the maps and projects opened lately, filled each time it opens.

A file name is shown as it is named: an ``&`` in it is no shortcut key, and its tooltip
shows tags as text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QMenu, QWidget

from karar.core.pathnames import shown
from karar.ui import mapmemory
from karar.ui.plaintext import file_name, menu_text, tooltip


class RecentMenu(QMenu):
    """The recent files, "Clear List" and the built-in map.

    Signals:
        chosen(object): Open this file (a path; None for the built-in map).
    """

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("RecentMenu", "Open &Recent"), parent)
        self.aboutToShow.connect(self._on_about_to_show)

    @Slot()
    def _on_about_to_show(self) -> None:
        self.clear()
        files = mapmemory.recent_files()
        for i, path in enumerate(files, start=1):
            action = self.addAction(f"&{i % 10} {menu_text(file_name(path))}")
            action.setToolTip(tooltip(shown(path)))
            action.setStatusTip(shown(path))
            action.triggered.connect(lambda _=False, p=path: self.chosen.emit(p))
        if not files:
            self.addAction(QCoreApplication.translate("RecentMenu", "No recent maps")).setEnabled(
                False
            )
        self.addSeparator()
        clear = self.addAction(QCoreApplication.translate("RecentMenu", "&Clear List"))
        clear.setEnabled(bool(files))
        clear.triggered.connect(mapmemory.clear_recent)
        self.addSeparator()
        self.addAction(
            QCoreApplication.translate("RecentMenu", "&Built-in Django Map")
        ).triggered.connect(lambda: self.chosen.emit(None))
