"""The main window: the map view with its find and notice bars, the docks, the menus and
tool bar (from :mod:`karar.ui.actions`), recent files, drag and drop, full screen, and what
is remembered between runs.

The window owns one :class:`MapDocument`, one :class:`MapScene` and one :class:`MapView`.
Opening goes one way: the :class:`~karar.ui.session.Session` reads a map or project into a
:class:`~karar.ui.session.Loaded`, :meth:`MainWindow.show_loaded` shows it (one
``MapDocument.load``, which emits one ``map_replaced``) and applies its view, and the session
adopts it. Map errors become a dialog or a bar, never a traceback.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPointF,
    QRectF,
    QSettings,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from karar.core.errors import KararError, MapError
from karar.core.filters import ALL, FILTERS, ViewFilter
from karar.core.labels import plain_text
from karar.core.layout import LayoutKind
from karar.core.model import Node
from karar.core.pathnames import qt_can_name
from karar.ui import i18n, mapmemory
from karar.ui.actions import build_actions, retranslate
from karar.ui.document import MapDocument
from karar.ui.i18n import QT_TRANSLATE_NOOP
from karar.ui.messages import error_message
from karar.ui.noticebar import NoticeBar
from karar.ui.plaintext import file_name, plain_undo_tooltips, title_text
from karar.ui.recent import RecentMenu
from karar.ui.scene import MapScene
from karar.ui.session import Answer, Loaded, Session
from karar.ui.sidepanel import DecisionPanel
from karar.ui.statusline import StatusLine
from karar.ui.theme import THEME_NAMES, apply_app_theme, resolve_theme
from karar.ui.view import MapView

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from karar.ui.decisionlog import DecisionLogPanel
    from karar.ui.orphans import OrphansPanel
    from karar.ui.outputs import Outputs
    from karar.ui.present import Presentation
    from karar.ui.search import SearchBar, SearchController

MAP_FILTER = QT_TRANSLATE_NOOP(
    "MainWindow",
    "Maps and projects (*.md *.markdown *.mmd *.mermaid *.karar.yaml);;"
    "Mind maps (*.md *.markdown *.mmd *.mermaid);;Karar projects (*.karar.yaml);;All files (*)",
)
MAP_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mmd", ".mermaid", ".karar.yaml")
_STATE_VERSION = 1
#: the docks made on first use (MainWindow attributes), and where the window remembers
#: which of them were open when it last closed
_MADE_ON_FIRST_USE_DOCKS = ("orphans_panel", "decision_log")
_DOCKS_SHOWN_KEY = "window/docks_shown"
#: the Decision dock's width at the first start: PANEL_SHARE of the window, within
#: PANEL_WIDTHS (on a 1,024-px laptop or projector the map keeps more than two thirds)
PANEL_WIDTHS = (300, 380)
PANEL_SHARE = 0.31


def panel_width(window_width: int) -> int:
    """The Decision dock's width, in pixels, in a window ``window_width`` wide that has no
    remembered layout."""
    low, high = PANEL_WIDTHS
    return max(low, min(high, round(window_width * PANEL_SHARE)))


FILTER_BY_NAME: dict[str, ViewFilter] = {f.name: f for f in FILTERS}
#: the View › Filter actions and the filter each shows
FILTER_ACTIONS = {
    "filter_all": "all",
    "decisions_only": "decisions",
    "filter_open": "open",
    "filter_hide_rejected": "hide-rejected",
    "filter_agreed": "agreed",
    "filter_split": "split",
    "filter_no_votes": "no-votes",
}
_LAYOUTS = frozenset(kind.value for kind in LayoutKind)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    """Karar's main window.

    Args:
        theme: ``light``, ``dark``, ``contrast`` or None to follow the OS.
        layout: ``mindmap``, ``tree`` or ``radial``.
        remember: Read and write per-map view state, dock layout and recent files (off
            for screenshots).

    Signals:
        map_reloaded(): The map file changed on disk and was read again.
    """

    map_reloaded = Signal()

    def __init__(
        self, theme: str | None = None, layout: str = "mindmap", *, remember: bool = True
    ) -> None:
        i18n.ensure_installed()
        super().__init__()
        self.remember = remember
        self.error_box: QMessageBox | None = None
        self.theme_name = theme
        self._failed_path: str | Path | None = None
        self._failed = False
        self.document = MapDocument(self)
        self.map_scene = MapScene(self.document, resolve_theme(theme), kind=LayoutKind(layout))
        self.view = MapView(self.map_scene, self)
        self.notice_bar = NoticeBar(self)
        self.notice_bar.line_activated.connect(self._on_notice_bar_line_activated)
        self.notice_bar.dismissed.connect(self._on_notice_bar_dismissed)
        #: the warnings the user dismissed, by map: not shown again this session
        self._dismissed: set[tuple[str | None, tuple[tuple[int, str], ...]]] = set()

        central = QWidget(self)
        column = self._column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.notice_bar)  # the find bar goes under it once made
        column.addWidget(self.view, 1)
        self.setCentralWidget(central)
        self.setAcceptDrops(True)

        self.session = Session(self.document, self.view.view_state, self)
        self._build_docks()
        stack = self.document.undo_stack
        self.commands = build_actions(
            self,
            self.view,
            {
                "undo": stack.createUndoAction(
                    self, QCoreApplication.translate("Command", "&Undo")
                ),
                "redo": stack.createRedoAction(
                    self, QCoreApplication.translate("Command", "&Redo")
                ),
            },
        )
        plain_undo_tooltips(stack, self.commands["undo"], self.commands["redo"])
        self.status = StatusLine(self.statusBar(), self.document, self.map_scene, self.view)
        self._set_up_actions()

        self.document.map_replaced.connect(self._update_title)
        self.session.modified_changed.connect(self.setWindowModified)
        self.session.project_path_changed.connect(self._update_title)
        self.session.map_file_changed.connect(self.reload)
        self.session.reload_requested.connect(self._on_session_reload_requested)
        self.session.map_missing_changed.connect(self._on_session_map_missing_changed)
        self.session.saved.connect(self._on_session_saved)
        self.session.message.connect(self._on_session_message)
        self.map_scene.filter_changed.connect(self._on_scene_filter_changed)
        self.map_scene.votes_changed.connect(self._on_scene_votes_changed)
        self._on_scene_votes_changed()
        self._update_title()

    # ------------------------------------------------------------------ building

    # made on first use: the first frame needs none of these (nor their modules)
    @cached_property
    def outputs(self) -> Outputs:
        """The File menu's export and print commands."""
        from karar.ui.outputs import Outputs

        return Outputs(self)

    @cached_property
    def search(self) -> SearchController:
        """Find: the query, its matches and the one shown."""
        from karar.ui.search import SearchController

        return SearchController(self.document, self.map_scene, self)

    @cached_property
    def search_bar(self) -> SearchBar:
        """The find bar above the map (hidden until Find)."""
        from karar.ui.search import SearchBar

        bar = SearchBar(self.search, self)
        bar.hide()
        bar.closed.connect(self.view.setFocus)
        self._column.insertWidget(1, bar)  # between the notice bar and the map
        return bar

    @cached_property
    def presentation(self) -> Presentation:
        """The presentation mode (inactive until entered)."""
        from karar.ui.present import Presentation

        return Presentation(self)

    def _build_docks(self) -> None:
        self.decision_panel = DecisionPanel(self.document, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.decision_panel)
        self.map_scene.selection_changed.connect(self.decision_panel.set_node)
        self.decision_panel.set_votes_visible(self.map_scene.ctx.votes_shown)
        self.decision_panel.node_activated.connect(self.view.select)
        self.decision_panel.focus_map_requested.connect(self.view.setFocus)

        # under the map, beside the Decision dock (not a tab of it): see decision_log
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self._panel_sized = False  # sized to the window when first shown (see showEvent)
        # the orphans dock shows itself once a map with orphans is open (see orphans_panel)
        self.document.map_replaced.connect(self._on_document_orphans_changed)
        self.document.orphans_changed.connect(self._on_document_orphans_changed)

    # The decision log and the orphans dock are hidden at start (the log until asked for,
    # the orphans dock until there are orphans): they are made, and their modules
    # imported, the first time they are wanted, each then placed where the remembered
    # layout had it. Until then View holds a stand-in for each one's toggle action.

    @cached_property
    def decision_log(self) -> DecisionLogPanel:
        """The Decisions dock: every decided node in a table (hidden until asked for)."""
        from karar.ui.decisionlog import DecisionLogPanel

        dock = DecisionLogPanel(self.document, self)
        if not self._restore_dock(dock):
            # under the map, beside the Decision dock (not a tab of it): Enter in the log
            # opens the note there; the table is as wide as the map, so the note's line shows
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            dock.hide()  # on a laptop it would take a third of the map's height
        dock.set_selected_node(self.map_scene.selected)
        self.map_scene.selection_changed.connect(dock.set_selected_node)
        dock.node_selected.connect(self._show_node)
        dock.edit_requested.connect(self._on_decision_log_edit_requested)
        self._adopt_dock(dock, "decision_log")
        return dock

    @cached_property
    def orphans_panel(self) -> OrphansPanel:
        """The Orphaned notes dock, a tab beside the Decision dock (shown while the project
        has entries that name no node of the map)."""
        from karar.ui.orphans import OrphansPanel

        dock = OrphansPanel(self.document, self)
        if not self._restore_dock(dock):
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.tabifyDockWidget(self.decision_panel, dock)
            self.decision_panel.raise_()
        dock.set_selected_node(self.map_scene.selected)
        self.map_scene.selection_changed.connect(dock.set_selected_node)
        dock.node_activated.connect(self._show_node)
        dock.orphans_present.connect(self._on_orphans_panel_orphans_present)
        self._adopt_dock(dock, "orphans_panel")
        dock.setVisible(dock.has_orphans)
        if dock.has_orphans:
            dock.raise_()
        return dock

    def _made(self, name: str) -> bool:
        """Whether the part ``name`` made on first use (a dock, the presentation) is made."""
        return name in vars(self)

    def _restore_dock(self, dock: QDockWidget) -> bool:
        """Put a dock made on first use where the remembered layout had it; False when the
        layout has no place for it."""
        return self.remember and self.restoreDockWidget(dock)

    def _adopt_dock(self, dock: QDockWidget, name: str) -> None:
        """Put a dock made on first use in View, its own toggle action in place of the
        stand-in."""
        stand_in = self._dock_stand_ins.pop(name, None)
        if stand_in is not None:
            view_menu = self.commands.menus["view"]
            view_menu.insertAction(stand_in, dock.toggleViewAction())
            view_menu.removeAction(stand_in)
            stand_in.deleteLater()

    def _dock_stand_in(self, name: str, title: str) -> QAction:
        """View's toggle for the dock ``name`` before it is made: checking it makes the
        dock and shows it."""
        action = QAction(title, self)
        action.setCheckable(True)

        def show(checked: bool) -> None:
            if checked:
                dock = getattr(self, name)
                dock.show()
                dock.raise_()

        action.toggled.connect(show)
        return action

    @Slot()
    def _on_document_orphans_changed(self) -> None:
        if not self._made("orphans_panel") and self.document.orphans():
            self.orphans_panel  # noqa: B018 (made: it shows itself)

    def _set_up_actions(self) -> None:
        actions = self.commands
        actions[f"layout_{self.map_scene.kind.value}"].setChecked(True)
        name = self.theme_name if self.theme_name in THEME_NAMES else "system"
        actions[f"theme_{name}"].setChecked(True)
        actions["minimap"].setChecked(True)
        language = i18n.saved_choice() if self.remember else i18n.current_language()
        actions[f"language_{language or 'system'}"].setChecked(True)
        self._check_filter_action()
        animate = QSettings().value("view/animate", True, type=bool) if self.remember else True
        actions["animate"].setChecked(bool(animate))
        self.map_scene.animate = actions["animate"].isChecked()
        view_menu = actions.menus["view"]
        before = actions["minimap"]
        view_menu.insertAction(before, self.decision_panel.toggleViewAction())
        self._dock_stand_ins = {
            "orphans_panel": self._dock_stand_in(
                "orphans_panel", QCoreApplication.translate("OrphansPanel", "Orphaned notes")
            ),
            "decision_log": self._dock_stand_in(
                "decision_log", QCoreApplication.translate("DecisionLog", "Decisions")
            ),
        }
        for stand_in in self._dock_stand_ins.values():
            view_menu.insertAction(before, stand_in)
        self.recent_menu = RecentMenu(self)
        self.recent_menu.chosen.connect(self._on_recent_menu_chosen)
        actions.menus["file"].insertMenu(actions["reload"], self.recent_menu)
        if self.remember:
            settings = QSettings()
            state = settings.value("window/state")
            if state is not None:
                self._panel_sized = self.restoreState(state, _STATE_VERSION)
                # a dock made on first use that was open when the window last closed is
                # open again at once
                shown = settings.value(_DOCKS_SHOWN_KEY, [], type=list)
                for name in _MADE_ON_FIRST_USE_DOCKS:
                    if isinstance(shown, list) and name in shown:
                        getattr(self, name).show()

    @Slot(object)
    def _show_node(self, node: Node) -> None:
        self.document.reveal(node)
        self.view.select(node)

    @Slot(object)
    def _on_decision_log_edit_requested(self, node: Node) -> None:
        self._show_node(node)
        self.edit_note()

    @Slot(bool)
    def _on_orphans_panel_orphans_present(self, present: bool) -> None:
        self.orphans_panel.setVisible(present)
        if present:
            self.orphans_panel.raise_()

    # ------------------------------------------------------------------ opening

    def open_path(self, path: str | Path | None, *, show_errors: bool = True) -> bool:
        """Open a map or a project file (None: the built-in map), after offering to save
        unsaved work. Shows a dialog on error unless ``show_errors`` is False, in which
        case the :class:`KararError` is raised."""
        answer = self.session.maybe_save() if show_errors else Answer.PROCEED
        if not answer:
            return False
        try:
            loaded = self.session.read(path, self.map_scene.kind.value, ask=show_errors)
        except KararError as err:
            if not show_errors:
                raise
            self._failed_path, self._failed = path, True
            self.show_error(err)
            return False
        if loaded is None:
            return False  # the user would rather not open it (another window holds it)
        if answer is not Answer.DISCARDED:
            self.remember_map_view()
        self.show_loaded(loaded)
        self.session.adopt(loaded)
        if path is not None and self.remember:
            mapmemory.add_recent(str(path))
        return True

    def open_map(self, path: str | Path | None, *, show_errors: bool = True) -> bool:
        """Open the map at ``path`` (None: the built-in map) with a fresh project."""
        return self.open_path(path, show_errors=show_errors)

    def start(self, path: str | Path | None) -> None:
        """First thing after the window shows: restore unsaved work left by a crash, or
        else open ``path``."""
        if self.remember:
            loaded = self.session.offer_recovery()
            if loaded is not None:
                self.show_loaded(loaded)
                self.session.adopt(loaded)
                self.session.autosave()
                return
        self.open_path(path)

    def show_loaded(self, loaded: Loaded, *, keep_view: bool = False) -> None:
        """Show ``loaded``: its map, project and folds in one document load, then its view
        (else a computed first view). ``keep_view`` keeps zoom and position as they are."""
        self._failed = False
        if self._made("search_bar") and self.search_bar.isVisible():
            self.search_bar.close_bar()
        view = loaded.view
        layout = view.get("layout")
        if isinstance(layout, str) and layout in _LAYOUTS:
            self.map_scene.set_kind(LayoutKind(layout))
            self.commands[f"layout_{layout}"].setChecked(True)
        self.document.load(loaded.mindmap, loaded.map_path, loaded.project, loaded.folded)
        if isinstance(view.get("minimap"), bool):
            self.set_minimap_visible(view["minimap"])
        zoom, center = view.get("zoom"), view.get("center")
        if keep_view:
            pass
        elif isinstance(zoom, int | float) and isinstance(center, list) and len(center) == 2:
            self.view.set_zoom(float(zoom))
            self.view.center_on(QPointF(float(center[0]), float(center[1])))
        elif loaded.folded is None and not self.document.folded:
            self.view.show_first_view()
        else:
            self.view.fit_readable()
        self.view.select_path(view.get("selected"))
        self.notice_bar.clear_error()
        seen = (loaded.map_path, tuple(loaded.warnings + loaded.project_warnings))
        if seen in self._dismissed:
            self.notice_bar.dismiss()
        else:
            self.notice_bar.show_warnings(
                file_name(loaded.map_path),
                loaded.warnings,
                file_name(loaded.project.path),
                loaded.project_warnings,
            )

    def remember_map_view(self) -> None:
        """Remember zoom, position, folds and the overview of a map open without a project
        file (a project keeps them itself)."""
        if not self.remember or self.document.root is None or self.session.project.path:
            return
        center = self.view.center()
        mapmemory.save_view(
            self.document.path,
            layout=self.map_scene.kind.value,
            zoom=self.view.zoom,
            center=(center.x(), center.y()),
            overview=self.view.minimap.isVisible(),
            folded=self.document.folded,
            mindmap=self.document.mindmap,
        )

    @Slot()
    def open_dialog(self) -> None:
        """Ask for a map or project file and open it."""
        start = str(Path(self.document.path).parent) if self.document.path else ""
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("MainWindow", "Open Map or Project"),
            start,
            _tr(MAP_FILTER),
        )
        if path:
            self.open_path(path)

    @Slot()
    def new_project(self) -> None:
        """A new, empty project on the open map."""
        if self.session.maybe_save():
            loaded = self.session.new_project()
            self.show_loaded(loaded, keep_view=True)
            self.session.adopt(loaded)

    @Slot()
    def reload(self) -> None:
        """Read the map file again, keeping checks, notes, folds, selection and view; after
        a failed open, try that file again."""
        if self._failed:
            self.open_path(self._failed_path)
            return
        if self.document.path is None:
            return
        try:
            loaded = self.session.reread(self.view.view_state())
        except MapError as err:
            self.notice_bar.show_error(error_message(err))
            return
        self.show_loaded(loaded, keep_view=True)
        self.session.adopt(loaded)
        orphans = len(self.document.orphans())
        if orphans:
            note = (
                QCoreApplication.translate(
                    "MainWindow", "The map changed on disk and was reloaded — {n} entry orphaned"
                )
                if orphans == 1
                else QCoreApplication.translate(
                    "MainWindow", "The map changed on disk and was reloaded — {n} entries orphaned"
                )
            ).format(n=orphans)
        else:
            note = QCoreApplication.translate(
                "MainWindow", "The map changed on disk and was reloaded"
            )
        self.statusBar().showMessage(note, 8000)
        self.map_reloaded.emit()

    def show_error(self, err: KararError) -> None:
        """Tell the user why a map or project could not be opened."""
        from karar.ui import dialogs

        self.error_box = dialogs.error_box(self, err)
        self.error_box.open()

    # ------------------------------------------------------------------ commands

    def fold_all(self) -> None:
        """Fold every branch; the root stays where it is."""
        self.document.fold_all()
        self.view.fit_readable()

    def unfold_all(self) -> None:
        """Unfold every branch, keeping the selected node (or the root) still."""
        self.document.unfold_all(self.map_scene.selected)

    def show_levels(self, levels: int) -> None:
        """Show ``levels`` levels below the root and fit them readably."""
        self.document.show_levels(levels, self.map_scene.selected)
        self.view.fit_readable()

    def set_layout(self, kind: str) -> None:
        """Arrange the map as ``kind`` and fit it."""
        self.map_scene.set_kind(LayoutKind(kind))
        self.commands[f"layout_{kind}"].setChecked(True)
        self.view.fit_readable()

    def set_theme(self, name: str | None) -> None:
        """Switch to theme ``name`` (None: follow the OS)."""
        self.theme_name = name
        theme = resolve_theme(name)
        apply_app_theme(theme)
        self.map_scene.set_theme(theme)
        self.view.minimap.invalidate()
        self.commands[f"theme_{name or 'system'}"].setChecked(True)
        if self.remember:
            QSettings().setValue("view/theme", name or "system")

    def set_language(self, choice: str | None) -> None:
        """Speak ``choice`` (``"tr"``, ``"en"``; None: the system's language) from now on,
        and remember it. The whole window changes at once: Qt sends every widget a
        LanguageChange (:meth:`changeEvent` here, ``retranslate`` in the panels)."""
        self.commands[f"language_{choice or 'system'}"].setChecked(True)
        if self.remember:
            QSettings().setValue(i18n.SETTING, choice or "system")
        language = choice or i18n.system_language()
        if language == i18n.current_language():
            return
        i18n.install(language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "recent_menu"):
            retranslate(self.commands)
            # the docks' titles name them in View too; the status bar's counts are redone
            self.decision_panel.setWindowTitle(
                QCoreApplication.translate("DecisionPanel", "Decision")
            )
            titles = {
                "decision_log": QCoreApplication.translate("DecisionLog", "Decisions"),
                "orphans_panel": QCoreApplication.translate("OrphansPanel", "Orphaned notes"),
            }
            for name, title in titles.items():
                if self._made(name):
                    getattr(self, name).setWindowTitle(title)
                else:
                    self._dock_stand_ins[name].setText(title)
            self.recent_menu.setTitle(QCoreApplication.translate("RecentMenu", "Open &Recent"))
            self.status.retranslate()
            self.map_scene.retranslate()
            self._update_title()
            stack = self.document.undo_stack
            plain_undo_tooltips(stack, self.commands["undo"], self.commands["redo"])
        super().changeEvent(event)

    def set_minimap_visible(self, visible: bool) -> None:
        """Show or hide the overview minimap."""
        self.view.minimap.setVisible(visible)
        self.commands["minimap"].setChecked(visible)

    def set_animate(self, animate: bool) -> None:
        """Turn fold animations on or off."""
        self.map_scene.animate = animate
        if self.remember:
            QSettings().setValue("view/animate", animate)

    def present(self, step: int = 0) -> None:
        """Start the presentation mode at ``step`` (0: the overview)."""
        self.presentation.enter(step)

    def toggle_full_screen(self) -> None:
        """Enter or leave full screen."""
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def set_decisions_only(self, on: bool) -> None:
        """Show only the decided nodes and their ancestors (or everything again)."""
        self._show_filter(FILTER_BY_NAME["decisions"] if on else ALL)

    def set_filter(self, name: str) -> None:
        """Show what the view filter ``name`` keeps (:data:`karar.core.filters.FILTERS`);
        choosing the active one again shows everything."""
        view_filter = FILTER_BY_NAME[name]
        if view_filter.name == self.map_scene.filter.name:
            view_filter = ALL
        self._show_filter(view_filter)

    def _show_filter(self, view_filter: ViewFilter) -> None:
        was = self.map_scene.filter
        if view_filter.name != was.name:
            self.map_scene.set_filter(view_filter)
        self._check_filter_action()
        if view_filter.name == was.name:
            return
        layout = self.map_scene.layout
        if not view_filter.folds_apply and layout is not None:
            # The path taken is the point of this view: show all of it, smaller if need be.
            self.view.fit_rect(QRectF(*layout.bounds), max_zoom=1.0, min_zoom=0.45)
        elif not was.folds_apply:
            self.view.fit_readable()

    def _check_filter_action(self) -> None:
        """Check the filter menu's action of the scene's filter (exactly one)."""
        name = self.map_scene.filter.name
        for action_name, filter_name in FILTER_ACTIONS.items():
            self.commands[action_name].setChecked(filter_name == name)

    @Slot()
    def _on_scene_votes_changed(self) -> None:
        """Keep View › Hide Votes in step with the canvas (revealing all unchecks it)."""
        hide = self.commands["hide_votes"]
        hide.blockSignals(True)
        hide.setChecked(self.map_scene.votes_hidden)
        hide.blockSignals(False)
        self.decision_panel.refresh_votes()

    @Slot(object)
    def _on_scene_filter_changed(self, view_filter: object) -> None:
        folds_apply = self.map_scene.filter.folds_apply
        self._check_filter_action()
        # folds are kept for later but mean nothing while the filter ignores them
        for name in (
            "fold_all",
            "unfold_all",
            "toggle_fold",
            *(f"level_{n}" for n in range(1, 10)),
        ):
            self.commands[name].setEnabled(folds_apply)

    def edit_note(self) -> None:
        """Put the cursor in the notes of the selected node (the root if none)."""
        if self.map_scene.selected is None and self.document.root is not None:
            self.view.select(self.document.root)
        self.decision_panel.show()
        self.decision_panel.raise_()
        self.decision_panel.focus_editor()

    def open_search(self) -> None:
        """Show the find bar."""
        self.search_bar.open_bar()

    def about(self) -> None:
        """Show the About box."""
        from karar.ui import dialogs

        dialogs.about(self)

    def show_keys(self) -> QDialog:
        """List the keyboard shortcuts (made from the actions themselves)."""
        from karar.ui import dialogs

        dialog = dialogs.shortcuts(self, self.commands)
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ status

    @Slot(object)
    def _on_recent_menu_chosen(self, path: str | None) -> None:
        self.open_path(path)

    @Slot(int)
    def _on_notice_bar_line_activated(self, line: int) -> None:
        node = next((n for n in self.document.mindmap if n.line == line), None)
        if node is not None:
            self._show_node(node)

    @Slot()
    def _on_notice_bar_dismissed(self) -> None:
        self._dismissed.add((self.document.path, tuple(self.notice_bar.dismissed_warnings)))

    @Slot(bool)
    def _on_session_map_missing_changed(self, missing: bool) -> None:
        if missing:
            name = file_name(self.document.path)
            self.notice_bar.show_error(
                QCoreApplication.translate(
                    "MainWindow",
                    "{name} was deleted or moved. The last version read stays on screen; it is "
                    "read again as soon as the file is back.",
                ).format(name=name),
                heading=QCoreApplication.translate("MainWindow", "The map file is missing."),
            )
        else:
            self.notice_bar.clear_error()

    @Slot(str)
    def _on_session_reload_requested(self, path: str) -> None:
        # the user chose the file as it is on disk over their unsaved changes
        self.session.remove_recovery()
        self.session.mark_clean()
        self.open_path(path)

    @Slot(str)
    def _on_session_saved(self, path: str) -> None:
        if self.remember:
            mapmemory.add_recent(path)

    @Slot(str)
    def _on_session_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    @Slot()
    def _update_title(self) -> None:
        doc = self.document
        if doc.root is None:
            self.setWindowTitle("Karar")
            return
        project = self.session.project.path
        name = (
            file_name(doc.path)
            if doc.path
            else QCoreApplication.translate("MainWindow", "Built-in map")
        )
        if project is not None:
            name = f"{file_name(project)} ({name})"
            if self.session.read_only:
                name += QCoreApplication.translate("MainWindow", " [read-only]")
        # "[*]" becomes "*" while there are unsaved changes (setWindowModified)
        title = plain_text(doc.title, doc.root.markdown and not doc.mindmap.title)
        self.setWindowTitle(f"{title_text(name)}[*] — {title_text(title)} — Karar")
        file_path = str(project or doc.path or "")
        self.setWindowFilePath(file_path if qt_can_name(file_path) else "")
        self.setWindowModified(self.session.modified)

    # ------------------------------------------------------------------ window events

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.toggle_full_screen()
            event.accept()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_map(event.mimeData().urls()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_map(event.mimeData().urls())
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._panel_sized:  # no remembered layout: the dock in proportion to the window
            self._panel_sized = True
            width = panel_width(self.width())
            self.resizeDocks([self.decision_panel], [width], Qt.Orientation.Horizontal)
            layout = self.layout()
            if layout is not None:
                layout.activate()  # in place for the first frame, not one event later
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        answer = self.session.maybe_save() if self.remember else Answer.PROCEED
        if not answer:
            event.ignore()
            return
        self.session.close()
        if answer is not Answer.DISCARDED:
            self.remember_map_view()
        if self.remember:
            settings = QSettings()
            settings.setValue("window/geometry", self.saveGeometry())
            settings.setValue("window/state", self.saveState(_STATE_VERSION))
            shown = [
                name
                for name in _MADE_ON_FIRST_USE_DOCKS
                if self._made(name) and not getattr(self, name).isHidden()
            ]
            settings.setValue(_DOCKS_SHOWN_KEY, shown)
        super().closeEvent(event)


def _dropped_map(urls: list[QUrl]) -> str | None:
    for url in urls:
        if url.isLocalFile():
            path = url.toLocalFile()
            if path.lower().endswith(MAP_SUFFIXES) and os.path.isfile(path):
                return path
    return None
