"""The main window: menus, toolbar, find bar, status bar, recent files, drag and drop,
and per-map view state remembered between runs. Project files (New, Open, Save) and their
safety nets live in :mod:`karar.ui.session`.

The window owns one :class:`MapDocument`, one :class:`MapScene` and one :class:`MapView`;
opening another map replaces the document's map (the scene and view follow its signals).
Map errors become a dialog, never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

import karar
from karar.core.errors import KararError, MapError
from karar.core.layout import LayoutKind, compute_layout
from karar.core.model import MindMap, Node
from karar.core.project import is_project_file
from karar.ui import mapmemory
from karar.ui.actions import WindowActions
from karar.ui.document import MapDocument
from karar.ui.orphans import OrphansPanel
from karar.ui.outputs import Outputs
from karar.ui.scene import SPACING, MapScene
from karar.ui.search import SearchBar, SearchController
from karar.ui.session import Session
from karar.ui.sidepanel import DecisionPanel
from karar.ui.theme import Theme, resolve_theme
from karar.ui.view import MapView

MAP_FILTER = (
    "Maps and projects (*.md *.markdown *.mmd *.mermaid *.karar.yaml);;"
    "Mind maps (*.md *.markdown *.mmd *.mermaid);;Karar projects (*.karar.yaml);;All files (*)"
)
MAP_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mmd", ".mermaid", ".karar.yaml")
#: levels are tried for the first view of a map until this many nodes would show
_AUTO_LEVEL_NODES = 600


class MainWindow(WindowActions, QMainWindow):
    """Karar's main window.

    Args:
        theme: ``light``, ``dark``, ``contrast`` or None to follow the OS.
        layout: ``mindmap``, ``tree`` or ``radial``.
        remember: Read and write per-map view state and recent files (off for screenshots).
    """

    def __init__(
        self, theme: str | None = None, layout: str = "mindmap", *, remember: bool = True
    ) -> None:
        super().__init__()
        self.remember = remember
        self.error_box: QMessageBox | None = None
        self.theme_name = theme
        self.document = MapDocument(self)
        self.map_scene = MapScene(self.document, resolve_theme(theme), kind=LayoutKind(layout))
        self.view = MapView(self.map_scene, self)
        self.search = SearchController(self.document, self.map_scene, self)
        self.search_bar = SearchBar(self.search, self)
        self.search_bar.hide()
        self.search_bar.closed.connect(self.view.setFocus)

        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.search_bar)
        column.addWidget(self.view, 1)
        self.setCentralWidget(central)
        self.setAcceptDrops(True)

        self.counts = QLabel(self)
        self.zoom_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.counts)
        self.statusBar().addPermanentWidget(self.zoom_label)

        self.session = Session(self)
        self.outputs = Outputs(self)
        self._build_docks()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._apply_preferences()

        self.document.map_replaced.connect(self._on_document_map_replaced)
        self.document.folds_changed.connect(self._on_document_folds_changed)
        self.view.zoom_changed.connect(self._on_view_zoom_changed)
        self.map_scene.selection_changed.connect(self._on_scene_selection_changed)
        self.session.modified_changed.connect(self._on_session_modified_changed)
        self.map_scene.decisions_only_changed.connect(self._on_scene_decisions_only_changed)
        self.map_scene.relaid_out.connect(self._on_scene_relaid_out)
        self.session.project_path_changed.connect(self._update_title)
        self.document.decisions_changed.connect(self._on_document_decisions_changed)
        self._update_title()
        self._update_counts()

    # ------------------------------------------------------------------ docks

    def _build_docks(self) -> None:
        self.decision_panel = DecisionPanel(self.document, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.decision_panel)
        self.map_scene.selection_changed.connect(self.decision_panel.set_node)
        self.decision_panel.node_activated.connect(self.view.select)
        self.decision_panel.focus_map_requested.connect(self.view.setFocus)

        self.orphans_panel = OrphansPanel(self.document, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.orphans_panel)
        self.tabifyDockWidget(self.decision_panel, self.orphans_panel)
        self.decision_panel.raise_()
        self.map_scene.selection_changed.connect(self.orphans_panel.set_selected_node)
        self.orphans_panel.node_activated.connect(self._show_node)
        self.orphans_panel.orphans_present.connect(self._on_orphans_panel_orphans_present)
        self.orphans_panel.setVisible(self.orphans_panel.has_orphans)
        self.resizeDocks([self.decision_panel], [380], Qt.Orientation.Horizontal)

    @Slot(object)
    def _show_node(self, node: Node) -> None:
        self.document.reveal(node)
        self.view.select(node)

    @Slot(bool)
    def _on_orphans_panel_orphans_present(self, present: bool) -> None:
        self.orphans_panel.setVisible(present)
        if present:
            self.orphans_panel.raise_()

    def _apply_preferences(self) -> None:
        settings = QSettings()
        if self.remember:
            self.animate_action.setChecked(settings.value("view/animate", True, type=bool))
        self.map_scene.animate = self.animate_action.isChecked()

    # ------------------------------------------------------------------ opening maps

    def open_path(self, path: str | Path | None, *, show_errors: bool = True) -> bool:
        """Open a map or a project file (None: the built-in map), after offering to save
        unsaved work. Shows a dialog on error unless ``show_errors`` is False, in which
        case the :class:`KararError` is raised."""
        if show_errors and not self.session.maybe_save():
            return False
        if path is not None and is_project_file(path):
            ok = self.session.open_project(path, show_errors=show_errors)
        else:
            ok = self.open_map(path, show_errors=show_errors)
        if ok and path is not None and self.remember:
            self.add_recent(str(path))
        return ok

    def open_map(self, path: str | Path | None, *, show_errors: bool = True) -> bool:
        """Open the map at ``path`` (None: the built-in map) with a fresh project.
        Shows a dialog on error."""
        from karar.core.sources import load_map  # the reader is only needed here

        try:
            mindmap = load_map(path)
        except MapError as err:
            if not show_errors:
                raise
            self.show_error(err)
            return False
        map_path = None if path is None else str(path)
        self.set_map(mindmap, map_path)
        if map_path is not None and self.remember:
            self.add_recent(map_path)
        self.session.start_project_for_map(map_path)
        self.session.watch_map(map_path)
        return True

    def start(self, path: str | Path | None) -> None:
        """First thing after the window shows: restore unsaved work left by a crash, or
        else open ``path``."""
        if self.remember and self.session.offer_recovery():
            return
        self.open_path(path)

    def show_map(
        self,
        mindmap: MindMap,
        path: str | None,
        *,
        folded: list[Node],
        view: dict[str, object],
    ) -> None:
        """Show ``mindmap`` with the given folds and view state (from a project file)."""
        if self.search_bar.isVisible():
            self.search_bar.close_bar()
        layout = view.get("layout")
        if isinstance(layout, str) and layout in self.layout_actions:
            self.map_scene.set_kind(LayoutKind(layout))
            self.layout_actions[layout].setChecked(True)
        self.document.set_map(mindmap, path, folded)
        zoom = view.get("zoom")
        center = view.get("center")
        if isinstance(zoom, int | float) and isinstance(center, list) and len(center) == 2:
            self.view.set_zoom(float(zoom))
            self.view.center_on(QPointF(float(center[0]), float(center[1])))
        elif not folded:
            self._initial_view()
        else:
            self.view.fit_readable()
        selected = view.get("selected")
        if isinstance(selected, list):
            self.select_path(selected)

    def view_state(self) -> dict[str, object]:
        """Layout, zoom, centre and selection, as a project file keeps them."""
        center = self.view.center()
        state: dict[str, object] = {
            "layout": self.map_scene.kind.value,
            "zoom": round(self.view.zoom, 4),
            "center": [round(center.x(), 1), round(center.y(), 1)],
        }
        selected = self.selected_path()
        if selected is not None:
            state["selected"] = list(selected)
        return state

    def selected_path(self) -> tuple[str, ...] | None:
        """The project path of the selected node, if any."""
        node = self.map_scene.selected
        return self.document.path_of(node) if node is not None else None

    def select_path(self, path: list[str] | tuple[str, ...] | None) -> None:
        """Select the node at a project path (nothing happens when the map has none)."""
        if path is None:
            return
        node = self.document.node_at(tuple(str(p) for p in path))
        if node is None:
            return
        if not self.document.is_visible(node):
            self.document.apply_folds(self.document.folded.difference(node.ancestors()), node)
        self.map_scene.select(node)

    def set_map(self, mindmap: MindMap, path: str | None) -> None:
        """Show ``mindmap`` (read from ``path``), restoring its remembered view state."""
        self.save_map_state()
        if self.search_bar.isVisible():
            self.search_bar.close_bar()
        state = mapmemory.load_view(path, mindmap) if self.remember else None
        folded = state["folded"] if state else ()
        self.document.set_map(mindmap, path, folded)
        if state is None:
            self._initial_view()
        else:
            self.view.set_zoom(state["zoom"])
            self.view.center_on(state["center"])
            self.minimap_action.setChecked(state["minimap"])
            self.view.minimap.setVisible(state["minimap"])

    def _initial_view(self) -> None:
        """First view of a map: as many levels as fit readably, at least one."""
        level = self.readable_level()
        animate, self.map_scene.animate = self.map_scene.animate, False
        try:
            with self.document.untracked():
                if level is not None:
                    self.document.show_levels(level)
                else:
                    self.document.unfold_all()
        finally:
            self.map_scene.animate = animate
        self.view.fit_readable()

    def readable_level(self) -> int | None:
        """The deepest level whose layout fits the window whole at its kind's
        :meth:`MapView.fit_floor` (at least 1); None when the whole map fits."""
        doc = self.document
        root = doc.root
        if root is None:
            return None
        vp = self.view.viewport().size()
        counts: dict[int, int] = {}
        for d in doc.depth.values():
            counts[d] = counts.get(d, 0) + 1
        deepest = max(counts)
        best = 1
        shown = counts.get(0, 0)
        for level in range(1, deepest + 1):
            shown += counts.get(level, 0)
            if shown > _AUTO_LEVEL_NODES:
                return best
            folded = {n for n, d in doc.depth.items() if d == level and n.children}
            layout = compute_layout(
                root, self.map_scene.size_of, self.map_scene.kind, folded, SPACING
            )
            _, _, w, h = layout.bounds
            zoom = min((vp.width() - 48) / w, (vp.height() - 48) / h)
            if zoom < MapView.fit_floor(self.map_scene.kind, level):
                return best
            best = level
        return None

    @Slot()
    def open_dialog(self) -> None:
        """Ask for a map or project file and open it."""
        start = str(Path(self.document.path).parent) if self.document.path else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open Map or Project", start, MAP_FILTER)
        if path:
            self.open_path(path)

    @Slot()
    def new_project(self) -> None:
        """A new, empty project on the open map."""
        if self.session.maybe_save():
            self.session.start_project_for_map(self.document.path)

    @Slot()
    def reload(self) -> None:
        """Read the current map file again (checks and notes stay)."""
        self.session.reload_map()

    def show_error(self, err: KararError) -> None:
        """Tell the user why a map or project could not be opened."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("Karar")
        name = Path(err.path).name if err.path else "the map"
        box.setText(f"Karar could not open {name}.")
        where = f"Line {err.line}: " if err.line is not None else ""
        box.setInformativeText(f"{where}{err.message}")
        box.setDetailedText(str(err))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.error_box = box
        box.open()

    # ------------------------------------------------------------------ recent files

    def recent_files(self) -> list[str]:
        """Recently opened maps and projects, newest first."""
        return mapmemory.recent_files()

    def add_recent(self, path: str) -> None:
        """Put ``path`` first in Open Recent."""
        mapmemory.add_recent(path)

    @Slot()
    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.recent_files()
        for i, path in enumerate(files, start=1):
            action = menu.addAction(f"&{i % 10} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not files:
            empty = menu.addAction("No recent maps")
            empty.setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction("&Clear List")
        clear.setEnabled(bool(files))
        clear.triggered.connect(mapmemory.clear_recent)
        menu.addSeparator()
        builtin = menu.addAction("&Built-in Django Map")
        builtin.triggered.connect(lambda: self.open_path(None))

    # ------------------------------------------------------------------ per-map state

    def save_map_state(self) -> None:
        """Remember zoom, position, folds and the overview for the open map."""
        if self.remember and self.document.root is not None:
            center = self.view.center()
            mapmemory.save_view(
                self.document.path,
                zoom=self.view.zoom,
                center=(center.x(), center.y()),
                overview=self.view.minimap.isVisible(),
                folded=self.document.folded,
                mindmap=self.document.mindmap,
            )

    # ------------------------------------------------------------------ commands

    @Slot()
    def fold_all(self) -> None:
        """Fold every branch; the root stays where it is."""
        self.document.fold_all()
        self.view.fit_readable()

    @Slot()
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
        self.layout_actions[kind].setChecked(True)
        self.view.fit_readable()

    def set_theme(self, name: str | None) -> None:
        """Switch to theme ``name`` (None: follow the OS)."""
        self.theme_name = name
        theme = resolve_theme(name)
        apply_app_theme(theme)
        self.map_scene.set_theme(theme)
        self.view.minimap.invalidate()
        self.theme_actions[name].setChecked(True)
        if self.remember:
            QSettings().setValue("view/theme", name or "system")

    @Slot(bool)
    def set_minimap_visible(self, visible: bool) -> None:
        """Show or hide the overview minimap."""
        self.view.minimap.setVisible(visible)
        self.minimap_action.setChecked(visible)

    @Slot(bool)
    def set_animate(self, animate: bool) -> None:
        """Turn fold animations on or off."""
        self.map_scene.animate = animate
        if self.remember:
            QSettings().setValue("view/animate", animate)

    @Slot()
    def toggle_full_screen(self) -> None:
        """Enter or leave full screen."""
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    @Slot(bool)
    def set_decisions_only(self, on: bool) -> None:
        """Show only checked nodes and their ancestors (or everything again)."""
        self.map_scene.set_decisions_only(on)
        layout = self.map_scene.layout
        if on and layout is not None:
            # The path taken is the point of this view: show all of it, smaller if need be.
            self.view.fit_rect(QRectF(*layout.bounds), max_zoom=1.0, min_zoom=0.45)
        else:
            self.view.fit_readable()

    @Slot(object, float, float)
    def _on_scene_relaid_out(self, _anchor: object, _dx: float, _dy: float) -> None:
        self._update_counts()

    @Slot(bool)
    def _on_scene_decisions_only_changed(self, on: bool) -> None:
        self.decisions_only_action.setChecked(on)
        # Folds are kept for later but mean nothing while only decisions show.
        for action in (
            self.fold_all_action,
            self.unfold_all_action,
            self.toggle_action,
            *self.level_actions,
        ):
            action.setEnabled(not on)
        self._update_counts()

    @Slot()
    def edit_note(self) -> None:
        """Put the cursor in the notes of the selected node (the root if none)."""
        if self.map_scene.selected is None and self.document.root is not None:
            self.view.select(self.document.root)
        self.decision_panel.show()
        self.decision_panel.raise_()
        self.decision_panel.focus_editor()

    @Slot()
    def open_search(self) -> None:
        """Show the find bar."""
        self.search_bar.open_bar()

    @Slot()
    def about(self) -> None:
        """Show the About box."""
        QMessageBox.about(
            self,
            "About Karar",
            f"<h3>Karar {karar.__version__}</h3>"
            "<p>A desktop explorer for decision trees written as Mermaid mind maps.</p>",
        )

    @Slot()
    def show_keys(self) -> None:
        """List the keyboard shortcuts."""
        rows = [
            ("Arrows", "Move: Left/Right to parent or child, Up/Down to siblings"),
            ("Home", "Select the root"),
            ("Space / double-click", "Fold or unfold the selected node"),
            ("Enter / click the box", "Check or uncheck the selected node"),
            ("F2", "Write notes for the selected node"),
            ("Ctrl+D", "Decisions only"),
            ("Ctrl+S, Ctrl+Z, Ctrl+Shift+Z", "Save the project, undo, redo"),
            ("Ctrl+1 … Ctrl+9", "Show that many levels"),
            ("Ctrl+F, Enter, Shift+Enter", "Find, next match, previous match"),
            ("Ctrl+0 / Ctrl+E", "Fit to window / zoom to selection"),
            ("Wheel, Ctrl +/-", "Zoom"),
            ("Drag, scroll", "Pan"),
        ]
        html = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
        QMessageBox.information(self, "Keyboard Shortcuts", f"<table>{html}</table>")

    # ------------------------------------------------------------------ status

    @Slot()
    def _on_document_map_replaced(self) -> None:
        self._update_title()
        self._update_counts()
        self.view.minimap.invalidate()

    @Slot(object)
    def _on_document_folds_changed(self, _anchor: object) -> None:
        self._update_counts()

    @Slot(float)
    def _on_view_zoom_changed(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom * 100:.0f}%")

    @Slot(object)
    def _on_scene_selection_changed(self, node: Node | None) -> None:
        if node is None:
            self.statusBar().clearMessage()
            return
        where = f" — line {node.line}" if node.line else ""
        self.statusBar().showMessage(
            " › ".join(a.label for a in reversed([node, *node.ancestors()][:4]))[:200] + where
        )

    @Slot()
    def _update_title(self) -> None:
        doc = self.document
        if doc.root is None:
            self.setWindowTitle("Karar")
            return
        project = self.session.project.path
        name = Path(doc.path).name if doc.path else "Built-in map"
        if project is not None:
            name = f"{project.name} ({name})"
        # "[*]" becomes "*" while there are unsaved changes (setWindowModified)
        self.setWindowTitle(f"{name}[*] — {doc.title} — Karar")
        self.setWindowFilePath(str(project or doc.path or ""))
        self.setWindowModified(self.session.modified)

    @Slot(bool)
    def _on_session_modified_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)

    @Slot(object)
    def _on_document_decisions_changed(self, _nodes: object) -> None:
        self._update_counts()

    def _update_counts(self) -> None:
        doc = self.document
        layout = self.map_scene.layout
        if doc.root is None or layout is None:
            self.counts.setText("No map — open one with Ctrl+O or drop a file here")
            return
        shown = len(layout.boxes)
        decided = doc.decision_count()
        if self.map_scene.decisions_only:
            self.counts.setText(f"{doc.count:,} nodes · decisions only: {decided:,} chosen")
            return
        folded = sum(1 for n in doc.folded if n in layout.boxes)
        self.counts.setText(
            f"{doc.count:,} nodes · {shown:,} shown · {folded:,} folded · {decided:,} chosen"
        )

    # ------------------------------------------------------------------ drag and drop

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

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember and not self.session.maybe_save():
            event.ignore()
            return
        self.session.remove_recovery()
        self.save_map_state()
        if self.remember:
            settings = QSettings()
            settings.setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)


def _dropped_map(urls: list[QUrl]) -> str | None:
    for url in urls:
        if url.isLocalFile():
            path = url.toLocalFile()
            if path.lower().endswith(MAP_SUFFIXES) and os.path.isfile(path):
                return path
    return None


def apply_app_theme(theme: Theme) -> None:
    """Style the application's widgets to match ``theme`` (Fusion; a dark palette when dark)."""
    from karar.ui.theme import widget_palette

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if theme.dark:
        app.setStyle("Fusion")
        app.setPalette(widget_palette(theme))
    else:
        app.setPalette(app.style().standardPalette())
