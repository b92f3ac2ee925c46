"""The main window's actions, menus and tool bar, with their standard shortcuts.

Kept apart from :mod:`karar.ui.mainwindow` so that the window's own logic stays readable;
:class:`WindowActions` is mixed into :class:`~karar.ui.mainwindow.MainWindow` and builds
on its attributes (view, scene, document, session, outputs, docks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from karar.ui.theme import THEME_NAMES

if TYPE_CHECKING:
    from karar.ui.mainwindow import MainWindow


class WindowActions:
    """Builds the actions, the menu bar and the tool bar of a :class:`MainWindow`."""

    def _action(
        self: MainWindow,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        *,
        tip: str = "",
        checkable: bool = False,
        view_only: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(
                f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                if shortcut
                else tip
            )
        action.setCheckable(checkable)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        if view_only:
            # keys the find field also uses (arrows, Space) work only while the map has focus
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)
        else:
            self.addAction(action)
        return action

    def _build_actions(self: MainWindow) -> None:
        view = self.view
        self.new_action = self._action(
            "&New Project",
            self.new_project,
            QKeySequence.StandardKey.New,
            tip="Start a new project on the open map",
        )
        self.open_action = self._action(
            "&Open…",
            self.open_dialog,
            QKeySequence.StandardKey.Open,
            tip="Open a map or a project",
        )
        self.save_action = self._action(
            "&Save", self.session.save, QKeySequence.StandardKey.Save, tip="Save the project"
        )
        self.save_as_action = self._action(
            "Save &As…", self.session.save_as, QKeySequence.StandardKey.SaveAs
        )
        self.export_md_action = self._action(
            "Export &Decision Snapshot…",
            self.outputs.export_snapshot,
            "Ctrl+Shift+E",
            tip="Write the decisions as Markdown",
        )
        self.export_image_action = self._action(
            "Export &Image…",
            self.outputs.export_image,
            tip="Save the map as a PNG, SVG or PDF picture",
        )
        self.print_action = self._action(
            "&Print…",
            self.outputs.print_dialog,
            QKeySequence.StandardKey.Print,
            tip="Print the map",
        )
        stack = self.document.undo_stack
        self.undo_action = stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        # The menu's texts grow with the step ("Undo Check “…”"); tool buttons stay short.
        self.undo_action.setIconText("Undo")
        self.redo_action.setIconText("Redo")
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.reload_action = self._action(
            "&Reload", self.reload, QKeySequence.StandardKey.Refresh, tip="Read the map file again"
        )
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.zoom_in_action = self._action(
            "Zoom &In", lambda: view.zoom_by(1.25), QKeySequence.StandardKey.ZoomIn, tip="Zoom in"
        )
        self.zoom_out_action = self._action(
            "Zoom &Out", lambda: view.zoom_by(0.8), QKeySequence.StandardKey.ZoomOut, tip="Zoom out"
        )
        self.actual_size_action = self._action(
            "&Actual Size", lambda: view.set_zoom(1.0), "Ctrl+Shift+0"
        )
        self.fit_action = self._action(
            "&Fit to Window", view.fit_all, "Ctrl+0", tip="Show the whole map"
        )
        self.zoom_selection_action = self._action(
            "Zoom to &Selection",
            view.zoom_to_selection,
            "Ctrl+E",
            tip="Zoom to the selected branch",
        )
        self.fold_all_action = self._action(
            "Fold &All", self.fold_all, "Ctrl+Shift+[", tip="Fold every branch"
        )
        self.unfold_all_action = self._action(
            "&Unfold All", self.unfold_all, "Ctrl+Shift+]", tip="Unfold every branch"
        )
        self.level_actions = []
        for n in range(1, 10):
            action = self._action(
                f"Show &{n} Level{'s' if n > 1 else ''}",
                lambda _=False, n=n: self.show_levels(n),
                f"Ctrl+{n}",
                tip=f"Show {n} level{'s' if n > 1 else ''} below the root",
            )
            self.level_actions.append(action)

        self.layout_group = QActionGroup(self)
        self.layout_actions: dict[str, QAction] = {}
        for kind, label in (("mindmap", "&Mind Map"), ("tree", "&Tree"), ("radial", "&Radial")):
            action = self._action(label, lambda _=False, k=kind: self.set_layout(k), checkable=True)
            self.layout_group.addAction(action)
            self.layout_actions[kind] = action
        self.layout_actions[self.map_scene.kind.value].setChecked(True)

        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str | None, QAction] = {}
        for name, label in (
            (None, "Follow &System"),
            ("light", "&Light"),
            ("dark", "&Dark"),
            ("contrast", "&High Contrast"),
        ):
            action = self._action(label, lambda _=False, t=name: self.set_theme(t), checkable=True)
            self.theme_group.addAction(action)
            self.theme_actions[name] = action
        self.theme_actions[self.theme_name if self.theme_name in THEME_NAMES else None].setChecked(
            True
        )

        self.minimap_action = self._action(
            "Show &Overview", self.set_minimap_visible, "Ctrl+Shift+M", checkable=True
        )
        self.minimap_action.setChecked(True)
        self.animate_action = self._action(
            "&Animate Changes", self.set_animate, checkable=True, tip="Animate folding"
        )
        self.animate_action.setChecked(True)
        self.full_screen_action = self._action(
            "&Full Screen", self.toggle_full_screen, QKeySequence.StandardKey.FullScreen
        )

        self.find_action = self._action(
            "&Find…", self.open_search, QKeySequence.StandardKey.Find, tip="Search the map"
        )
        self.find_next_action = self._action(
            "Find &Next", lambda: self.search.step(1), QKeySequence.StandardKey.FindNext
        )
        self.find_prev_action = self._action(
            "Find &Previous", lambda: self.search.step(-1), QKeySequence.StandardKey.FindPrevious
        )
        self.go_root_action = self._action("&Root", view.go_root, "Home", view_only=True)
        self.go_left_action = self._action("Go &Left", view.go_left, "Left", view_only=True)
        self.go_right_action = self._action("Go &Right", view.go_right, "Right", view_only=True)
        self.go_up_action = self._action("&Previous Sibling", view.go_up, "Up", view_only=True)
        self.go_down_action = self._action("&Next Sibling", view.go_down, "Down", view_only=True)
        self.toggle_action = self._action(
            "&Fold / Unfold", view.toggle_selected, "Space", view_only=True
        )
        self.decisions_only_action = self._action(
            "&Decisions Only",
            self.set_decisions_only,
            "Ctrl+D",
            tip="Show only the chosen nodes and the branches that lead to them",
            checkable=True,
        )
        # Enter on the map does the same (MapView.keyPressEvent); no second shortcut here.
        self.check_action = self._action(
            "&Check / Uncheck Selected", self.map_scene.toggle_selected_checked
        )
        self.edit_note_action = self._action(
            "Edit &Note", self.edit_note, "F2", tip="Write notes for the selected node"
        )
        self.about_action = self._action("&About Karar", self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.keys_action = self._action("&Keyboard Shortcuts", self.show_keys, "F1")

    def _build_menus(self: MainWindow) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.reload_action)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_md_action)
        file_menu.addAction(self.export_image_action)
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu("&Edit")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.check_action)
        self.edit_menu.addAction(self.edit_note_action)

        view_menu = bar.addMenu("&View")
        for action in (
            self.zoom_in_action,
            self.zoom_out_action,
            self.actual_size_action,
            self.fit_action,
            self.zoom_selection_action,
        ):
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.decisions_only_action)
        view_menu.addSeparator()
        view_menu.addAction(self.fold_all_action)
        view_menu.addAction(self.unfold_all_action)
        levels = view_menu.addMenu("Show &Levels")
        for action in self.level_actions:
            levels.addAction(action)
        view_menu.addSeparator()
        layout_menu = view_menu.addMenu("&Layout")
        for action in self.layout_actions.values():
            layout_menu.addAction(action)
        theme_menu = view_menu.addMenu("&Theme")
        for action in self.theme_actions.values():
            theme_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.decision_panel.toggleViewAction())
        view_menu.addAction(self.orphans_panel.toggleViewAction())
        view_menu.addAction(self.minimap_action)
        view_menu.addAction(self.animate_action)
        view_menu.addAction(self.full_screen_action)

        go_menu = bar.addMenu("&Go")
        for action in (
            self.find_action,
            self.find_next_action,
            self.find_prev_action,
        ):
            go_menu.addAction(action)
        go_menu.addSeparator()
        for action in (
            self.go_root_action,
            self.go_left_action,
            self.go_right_action,
            self.go_up_action,
            self.go_down_action,
            self.toggle_action,
        ):
            go_menu.addAction(action)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.keys_action)
        help_menu.addAction(self.about_action)

    def _build_toolbar(self: MainWindow) -> None:
        bar = QToolBar("Main", self)
        bar.setObjectName("main-toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addAction(self.open_action)
        bar.addAction(self.save_action)
        bar.addSeparator()
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        bar.addSeparator()
        bar.addAction(self.fit_action)
        bar.addAction(self.zoom_out_action)
        bar.addAction(self.zoom_in_action)
        bar.addSeparator()
        bar.addAction(self.fold_all_action)
        bar.addAction(self.unfold_all_action)
        for n, action in enumerate(self.level_actions[:3], start=1):
            action.setIconText(f"Level {n}")  # the tool button's short text
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.decisions_only_action)
        bar.addAction(self.find_action)
        self.addToolBar(bar)
