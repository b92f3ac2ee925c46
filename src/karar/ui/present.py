"""Presentation mode (F5, View › Present, ``karar --present [--step N]``): the map full
screen with no chrome but a slim footer, stepped through branch by branch for a room.

Step 0 is the overview (the root and its first-level branches); step k focuses
first-level branch k: the view glides to it, it unfolds as deep as stays readable from the
back of the room (labels of at least :data:`ROOM_LABEL_PX` pixels on a 1080-pixel-high
screen, scaled with the screen's height), the previous branch folds back and every other
branch is drawn dimmed (:meth:`MapScene.set_focus`).

The folds the steps make are the presentation's own: they are made without undo steps
and the user's folds come back on leaving, with the window's state, chrome and view. The
decisions taken while presenting go through the document as everywhere else (undo,
autosave). The keys are one table, :data:`PRESENT_KEYS`, which the ``?`` overlay lists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar, QWidget

from karar.core.labels import plain_text
from karar.core.layout import Box
from karar.core.model import Node
from karar.core.status import Decision
from karar.ui.i18n import QT_TRANSLATE_NOOP
from karar.ui.measure import Role
from karar.ui.presenter import PresenterWindow, choose_screens, screen_infos
from karar.ui.presentoverlays import BASE_HEIGHT, Blank, Footer, KeysOverlay, NoteOverlay

if TYPE_CHECKING:
    from karar.ui.mainwindow import MainWindow

#: the least height of a label in the focused branch, on a screen 1080 pixels high
ROOM_LABEL_PX = 28.0
#: a small branch is shown larger, up to this many times the least readable zoom
MAX_ROOM_ZOOM = 1.5
#: room kept free around what a step shows, in screen pixels
STEP_MARGIN = 36
#: a branch is unfolded no deeper than this many levels below it at once
MAX_STEP_LEVELS = 8
_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


@dataclass(frozen=True, slots=True)
class PresentKey:
    """One row of the presentation's key table.

    Attributes:
        keys: The Qt keys (any modifier but Shift makes it another key).
        shown: The keys as the ``?`` overlay names them.
        help: What they do.
        action: The :class:`Presentation` method they call.
    """

    keys: tuple[Qt.Key, ...]
    shown: str
    help: str
    action: str


_K = Qt.Key
PRESENT_KEYS: tuple[PresentKey, ...] = (
    PresentKey(
        (_K.Key_PageDown, _K.Key_Right),
        "Page Down, →",
        QT_TRANSLATE_NOOP("Presentation", "Next step"),
        "next_step",
    ),
    PresentKey(
        (_K.Key_PageUp, _K.Key_Left),
        "Page Up, ←",
        QT_TRANSLATE_NOOP("Presentation", "Previous step"),
        "previous_step",
    ),
    PresentKey(
        (_K.Key_Home,),
        "Home",
        QT_TRANSLATE_NOOP("Presentation", "The overview (step 0)"),
        "overview",
    ),
    PresentKey(
        (_K.Key_Down,),
        "↓",
        QT_TRANSLATE_NOOP("Presentation", "Next node of the branch"),
        "next_node",
    ),
    PresentKey(
        (_K.Key_Up,),
        "↑",
        QT_TRANSLATE_NOOP("Presentation", "Previous node of the branch"),
        "previous_node",
    ),
    PresentKey(
        (_K.Key_Space,),
        "Space",
        QT_TRANSLATE_NOOP("Presentation", "Fold / unfold the selected node"),
        "toggle_fold",
    ),
    PresentKey(
        (_K.Key_Return, _K.Key_Enter),
        "Enter",
        QT_TRANSLATE_NOOP("Presentation", "Choose the selected node, or undo the choice"),
        "toggle_chosen",
    ),
    PresentKey(
        (_K.Key_X,), "X", QT_TRANSLATE_NOOP("Presentation", "Reject the selected node"), "reject"
    ),
    PresentKey(
        (_K.Key_Q,),
        "Q",
        QT_TRANSLATE_NOOP("Presentation", "Mark it under consideration"),
        "consider",
    ),
    PresentKey(
        (_K.Key_Backspace,),
        "Backspace",
        QT_TRANSLATE_NOOP("Presentation", "Clear its decision"),
        "clear_decision",
    ),
    PresentKey(
        (_K.Key_N,),
        "N",
        QT_TRANSLATE_NOOP("Presentation", "Its note, large (Enter there: type into it)"),
        "show_note",
    ),
    PresentKey(
        (_K.Key_V,),
        "V",
        QT_TRANSLATE_NOOP(
            "Presentation", "Reveal the votes of this branch (a tally, votes hidden)"
        ),
        "reveal_votes",
    ),
    PresentKey(
        (_K.Key_B, _K.Key_Period),
        "B, .",
        QT_TRANSLATE_NOOP("Presentation", "Blank the screen (any key returns)"),
        "blank",
    ),
    PresentKey(
        (_K.Key_Question,), "?", QT_TRANSLATE_NOOP("Presentation", "This list of keys"), "show_keys"
    ),
    PresentKey(
        (_K.Key_Escape,),
        "Esc",
        QT_TRANSLATE_NOOP("Presentation", "Close what is open, else leave"),
        "escape",
    ),
    PresentKey(
        (_K.Key_F5,), "F5", QT_TRANSLATE_NOOP("Presentation", "Leave the presentation"), "leave"
    ),
)
_BY_KEY: dict[int, PresentKey] = {int(k): row for row in PRESENT_KEYS for k in row.keys}


def key_rows() -> list[tuple[str, str]]:
    """The (keys, what they do) rows of the ``?`` overlay, in the window's language."""
    return [
        (row.shown, QCoreApplication.translate("Presentation", row.help)) for row in PRESENT_KEYS
    ]


@dataclass
class _Saved:
    """What leaving the presentation gives back."""

    state: Qt.WindowState
    rect: QRect
    geometry: QByteArray
    docks_state: QByteArray
    menubar: bool
    statusbar: bool
    toolbars: list[tuple[QToolBar, bool]]
    docks: list[tuple[QDockWidget, bool]]
    minimap: bool
    notice: bool
    search: bool
    zoom: float
    center: QPointF
    folded: frozenset[Node]
    selected: Node | None
    focus: QWidget | None


class Presentation(QObject):
    """The presentation mode of one :class:`MainWindow`.

    Signals:
        step_changed(int): The step shown (0: the overview) changed.
        active_changed(bool): The presentation started or ended.
    """

    step_changed = Signal(int)
    active_changed = Signal(bool)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        self.step = 0
        self._saved: _Saved | None = None
        self._fitted = QSize()  # the viewport size the step shown was fitted to
        self.footer = Footer()
        self.keys_overlay: KeysOverlay | None = None
        self.note_overlay: NoteOverlay | None = None
        self.blank_screen: Blank | None = None
        #: the laptop's window where there are two screens (None otherwise)
        self.presenter: PresenterWindow | None = None
        window.document.decisions_changed.connect(self._on_document_decisions_changed)
        window.document.map_replaced.connect(self._on_document_map_replaced)

    # ------------------------------------------------------------------ steps

    def branches(self) -> list[Node]:
        """The first-level branches: step k shows ``branches()[k - 1]``."""
        root = self.window.document.root
        return list(root.children) if root is not None else []

    @property
    def steps(self) -> int:
        """How many steps there are after the overview (one per first-level branch)."""
        return len(self.branches())

    @property
    def focus(self) -> Node | None:
        """The branch in focus (None at the overview)."""
        return self.window.map_scene.focus

    def screen_height(self) -> int:
        """The height of the screen the window is on (what the type is sized for)."""
        screen = self.window.screen()
        return screen.geometry().height() if screen is not None else BASE_HEIGHT

    def room_zoom(self) -> float:
        """The least zoom at which an ordinary label is :data:`ROOM_LABEL_PX` high on a
        1080-pixel screen (proportionally on others)."""
        px = self.window.map_scene.measurer.font(Role.NODE).pixelSize()
        want = ROOM_LABEL_PX * self.screen_height() / BASE_HEIGHT
        return want * 1.01 / max(px, 1)

    def toggle(self) -> None:
        """Start presenting at the overview, or stop."""
        if self.active:
            self.leave()
        else:
            self.enter(0)

    def enter(self, step: int = 0) -> None:
        """Go full screen without chrome and show ``step``."""
        window = self.window
        if window.document.root is None:
            return
        if self.active:
            self.go(step)
            return
        view = window.view
        view.finish_glide()
        self._saved = _Saved(
            state=window.windowState(),
            rect=window.geometry(),
            geometry=window.saveGeometry(),
            docks_state=window.saveState(),
            menubar=window.menuBar().isVisible(),
            statusbar=window.statusBar().isVisible(),
            toolbars=[(t, t.isVisible()) for t in window.findChildren(QToolBar)],
            docks=[(d, d.isVisible()) for d in window.findChildren(QDockWidget)],
            minimap=view.minimap.isVisible(),
            notice=window.notice_bar.isVisible(),
            search=window.search_bar.isVisible(),
            zoom=view.zoom,
            center=view.center(),
            folded=frozenset(window.document.folded),
            selected=window.map_scene.selected,
            focus=QApplication.focusWidget(),
        )
        self.active = True
        window.menuBar().hide()
        window.statusBar().hide()
        for bar, _ in self._saved.toolbars:
            bar.hide()
        for dock, _ in self._saved.docks:
            dock.hide()
        view.minimap.setVisible(False)
        window.notice_bar.hide()
        window.search_bar.hide()
        self._ensure_widgets()
        self.footer.show()
        self.restyle()
        self._use_screens()
        window.showFullScreen()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        view.viewport().installEventFilter(self)
        view.setFocus()
        self.active_changed.emit(True)
        self.go(step, animate=False)

    def leave(self) -> None:
        """Give back the window, chrome, view and folds as they were before."""
        saved = self._saved
        if not self.active or saved is None:
            return
        window = self.window
        view = window.view
        scene = window.map_scene
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        view.viewport().removeEventFilter(self)
        self.active = False
        self._close_overlays()
        if self.blank_screen is not None:
            self.blank_screen.hide()
        if self.presenter is not None:
            self.presenter.close()
            self.presenter.deleteLater()
            self.presenter = None
        self.footer.hide()
        view.finish_glide()
        scene.set_focus(None)
        animate, scene.animate = scene.animate, False
        try:
            with window.document.untracked():
                depth = window.document.depth
                window.document.set_folds(
                    (n for n in saved.folded if n in depth), window.document.root
                )
        finally:
            scene.animate = animate
        if saved.state & Qt.WindowState.WindowFullScreen:
            window.showFullScreen()
        elif saved.state & Qt.WindowState.WindowMaximized:
            window.showMaximized()
        else:
            window.showNormal()
            window.restoreGeometry(saved.geometry)
            window.setGeometry(saved.rect)  # restoreGeometry fits it to the screen
        window.restoreState(saved.docks_state)
        window.menuBar().setVisible(saved.menubar)
        window.statusBar().setVisible(saved.statusbar)
        for bar, visible in saved.toolbars:
            bar.setVisible(visible)
        for dock, visible in saved.docks:
            dock.setVisible(visible)
        window.set_minimap_visible(saved.minimap)
        window.notice_bar.setVisible(saved.notice)
        window.search_bar.setVisible(saved.search)
        scene.select(saved.selected if saved.selected in window.document.depth else None)
        self._restore_view()
        if saved.focus is not None:
            saved.focus.setFocus()
        self._saved = None
        self.active_changed.emit(False)

    def _use_screens(self) -> None:
        """With two screens or more: the map on the projector, the presenter view on
        the laptop (:func:`~karar.ui.presenter.choose_screens`)."""
        screens, infos = screen_infos()
        pair = choose_screens(infos)
        if pair is None:
            return
        projector, laptop = screens[pair[0]], screens[pair[1]]
        window = self.window
        window.setScreen(projector)
        window.move(projector.geometry().topLeft())
        self.presenter = PresenterWindow(self)
        self.presenter.setScreen(laptop)
        self.presenter.setGeometry(laptop.availableGeometry())
        self.presenter.show()

    def _restore_view(self) -> None:
        saved = self._saved
        if saved is None:
            return
        view = self.window.view
        view.show_at(saved.zoom, saved.center)

    def go(self, step: int, *, animate: bool | None = None) -> None:
        """Show ``step`` (0: the overview; clamped to the steps there are)."""
        if not self.active:
            return
        window = self.window
        doc = window.document
        scene = window.map_scene
        view = window.view
        branches = self.branches()
        step = max(0, min(step, len(branches)))
        focus = branches[step - 1] if step else None
        if animate is None:
            animate = scene.animate
        view.finish_glide()
        self.step = step
        levels = self.readable_levels(focus) if focus is not None else 0
        was = scene.animate
        scene.animate = animate
        try:
            with doc.untracked():
                doc.set_folds(
                    self.step_folds(focus, levels),
                    doc.root,
                    QCoreApplication.translate("UndoStep", "Present"),
                )
        finally:
            scene.animate = was
        scene.set_focus(focus)
        start = (view.zoom, view.center())
        # the overview selects nothing: a ring round the root would only be in the way
        scene.select(focus)
        zoom, center = self.step_view(focus)
        self._fitted = view.viewport().size()
        view.show_at(*start)
        view.glide_to(zoom, center, animate=animate)
        self._update_footer()
        self.step_changed.emit(step)

    def next_step(self) -> None:
        """The next branch (the last stays)."""
        self.go(self.step + 1)

    def previous_step(self) -> None:
        """The previous branch, or the overview."""
        self.go(self.step - 1)

    def overview(self) -> None:
        """Step 0: the root and its first-level branches."""
        self.go(0)

    # ------------------------------------------------------------------ what a step shows

    def step_folds(self, focus: Node | None, levels: int) -> set[Node]:
        """The folds of a step: everything folded but ``focus`` down to ``levels`` levels
        below it (and the root)."""
        doc = self.window.document
        depth = doc.depth
        folded = {n for n in doc.mindmap if n.children and n.parent is not None}
        if focus is None:
            return folded
        base = depth[focus]
        for n in focus.walk():
            if depth[n] - base < levels:
                folded.discard(n)
        return folded

    def readable_levels(self, focus: Node) -> int:
        """The most levels below ``focus`` that fit the screen at the room's zoom (at
        least one)."""
        if not focus.children:
            return 0
        scene = self.window.map_scene
        zoom = self.room_zoom()
        room = self._room()
        depth = self.window.document.depth
        deepest = max(depth[n] for n in focus.walk()) - depth[focus]
        best = 1
        for levels in range(1, min(deepest, MAX_STEP_LEVELS) + 1):
            layout = scene.layout_for(self.step_folds(focus, levels))
            if layout is None:
                break
            rect = _subtree_rect(layout.boxes, focus.walk())
            if rect.width() * zoom > room.width() or rect.height() * zoom > room.height():
                break
            best = levels
        return best

    def _room(self) -> QRectF:
        """The viewport less the margins, in screen pixels."""
        vp = self.window.view.viewport().rect()
        m = STEP_MARGIN
        return QRectF(0, 0, max(vp.width() - 2 * m, 1), max(vp.height() - 2 * m, 1))

    def step_view(self, focus: Node | None) -> tuple[float, QPointF]:
        """The zoom and centre that show ``focus``'s visible subtree (None: the whole
        overview) readably: fitted, never below :meth:`room_zoom` for a branch."""
        scene = self.window.map_scene
        layout = scene.layout
        room = self._room()
        if layout is None:
            return self.window.view.zoom, self.window.view.center()
        if focus is None:
            x, y, w, h = layout.bounds
            rect = QRectF(x, y, w, h)
            zoom = min(room.width() / rect.width(), room.height() / rect.height(), 4.0)
            return zoom, rect.center()
        rect = _subtree_rect(layout.boxes, focus.walk()).adjusted(-12, -12, 12, 12)
        least = self.room_zoom()
        fit = min(room.width() / rect.width(), room.height() / rect.height())
        zoom = max(least, min(fit, least * MAX_ROOM_ZOOM))
        half_w = room.width() / 2 / zoom
        half_h = room.height() / 2 / zoom
        box = layout.boxes[focus]
        cx, cy = rect.center().x(), rect.center().y()
        if rect.width() > 2 * half_w:
            # wider than the screen: start where the branch starts (toward the root)
            cx = rect.left() + half_w if box.side >= 0 else rect.right() - half_w
        if rect.height() > 2 * half_h:
            cy = min(max(box.cy, rect.top() + half_h), rect.bottom() - half_h)
        return zoom, QPointF(cx, cy)

    # ------------------------------------------------------------------ inside a step

    def _visible_order(self) -> list[Node]:
        scene = self.window.map_scene
        layout = scene.layout
        root = self.window.document.root
        if layout is None or root is None:
            return []
        focus = scene.focus
        if focus is None:
            return [root, *(b for b in root.children if b in layout.boxes)]
        return [n for n in focus.walk() if n in layout.boxes]

    def _move(self, delta: int) -> None:
        order = self._visible_order()
        if not order:
            return
        scene = self.window.map_scene
        current = scene.selected
        i = order.index(current) + delta if current in order else 0
        if 0 <= i < len(order):
            self._glide_around(lambda: scene.select(order[i]))

    def next_node(self) -> None:
        """Select the next visible node of the branch (map order)."""
        self._move(1)

    def previous_node(self) -> None:
        """Select the previous visible node of the branch."""
        self._move(-1)

    def _glide_around(self, change: Callable[[], object]) -> None:
        """Run ``change`` (which may scroll the view) and glide to where it scrolled."""
        view = self.window.view
        view.finish_glide()
        start = (view.zoom, view.center())
        change()
        end = (view.zoom, view.center())
        view.show_at(*start)
        view.glide_to(*end, animate=self.window.map_scene.animate)

    def toggle_fold(self) -> None:
        """Fold the selected node, or unfold it one level (its children stay folded)."""
        scene = self.window.map_scene
        doc = self.window.document
        node = scene.selected
        if node is None or not node.children:
            return
        folded = set(doc.folded)
        if node in folded:
            folded.discard(node)
            folded.update(c for c in node.children if c.children)
        else:
            folded.add(node)
        with doc.untracked():
            doc.set_folds(folded, node, QCoreApplication.translate("UndoStep", "Present"))
        layout = scene.layout
        if layout is None:
            return
        rect = _subtree_rect(layout.boxes, node.walk())
        view = self.window.view
        vis = view.visible_scene_rect()
        if not vis.contains(rect) and rect.width() < vis.width() and rect.height() < vis.height():
            dx = max(0.0, rect.right() - vis.right()) + min(0.0, rect.left() - vis.left())
            dy = max(0.0, rect.bottom() - vis.bottom()) + min(0.0, rect.top() - vis.top())
            view.glide_to(view.zoom, vis.center() + QPointF(dx, dy), animate=scene.animate)

    def toggle_chosen(self) -> None:
        """Choose the selected node, or take the choice back (one undo step)."""
        self.window.map_scene.toggle_selected_checked()

    def reject(self) -> None:
        """Reject the selected node."""
        self.window.map_scene.decide_selected(Decision.REJECTED)

    def consider(self) -> None:
        """Mark the selected node under consideration."""
        self.window.map_scene.decide_selected(Decision.CONSIDERING)

    def clear_decision(self) -> None:
        """Make the selected node undecided."""
        self.window.map_scene.decide_selected(None)

    def reveal_votes(self) -> None:
        """Show the hidden votes of the focused branch (at the overview: all of them)."""
        self.window.map_scene.reveal_votes(self.focus)

    # ------------------------------------------------------------------ overlays

    def _ensure_widgets(self) -> None:
        window = self.window
        if self.keys_overlay is None:
            central = window.centralWidget()
            assert central is not None
            layout = central.layout()
            assert layout is not None
            self.footer.setParent(central)
            layout.addWidget(self.footer)
            # the English rows: the overlay shows them in the language of the moment
            rows = [(row.shown, row.help) for row in PRESENT_KEYS]
            self.keys_overlay = KeysOverlay(rows, central)
            self.note_overlay = NoteOverlay(window.document, central)
            self.note_overlay.editing_finished.connect(window.view.setFocus)
            self.blank_screen = Blank(window)

    def restyle(self) -> None:
        """Colours of the scene's theme, type sized for the screen."""
        theme = self.window.map_scene.theme
        height = self.screen_height()
        self.footer.restyle(theme, height)
        for overlay in (self.keys_overlay, self.note_overlay):
            if overlay is not None:
                overlay.restyle(theme, height)
        self._place_overlays()

    def _place_overlays(self) -> None:
        view = self.window.view
        rect = view.geometry()
        for overlay in (self.keys_overlay, self.note_overlay):
            if overlay is not None:
                overlay.setGeometry(rect)
        if self.blank_screen is not None:
            self.blank_screen.setGeometry(self.window.rect())

    @property
    def overlay_open(self) -> str | None:
        """The overlay shown: ``keys``, ``note``, ``blank`` or None."""
        if self.blank_screen is not None and self.blank_screen.isVisible():
            return "blank"
        if self.keys_overlay is not None and self.keys_overlay.isVisible():
            return "keys"
        if self.note_overlay is not None and self.note_overlay.isVisible():
            return "note"
        return None

    def show_keys(self) -> None:
        """The list of keys (again: closed)."""
        overlay = self.keys_overlay
        if overlay is None:
            return
        if overlay.isVisible():
            overlay.hide()
            return
        self._close_overlays()
        self._place_overlays()
        overlay.show()
        overlay.raise_()

    def show_note(self) -> None:
        """The selected node's note, large (again: closed)."""
        overlay = self.note_overlay
        node = self.window.map_scene.selected or self.window.document.root
        if overlay is None or node is None:
            return
        if overlay.isVisible():
            overlay.close_overlay()
            return
        self._close_overlays()
        self._place_overlays()
        overlay.show_node(node)

    def blank(self) -> None:
        """Black out the screen until a key is pressed."""
        if self.blank_screen is not None:
            self._place_overlays()
            self.blank_screen.show()
            self.blank_screen.raise_()

    def _close_overlays(self) -> bool:
        """Close the keys and note overlays; whether one was open."""
        was = False
        if self.keys_overlay is not None and self.keys_overlay.isVisible():
            self.keys_overlay.hide()
            was = True
        if self.note_overlay is not None and self.note_overlay.isVisible():
            self.note_overlay.close_overlay()
            was = True
        if was:
            self.window.view.setFocus()
        return was

    def escape(self) -> None:
        """Close the overlay shown, else leave the presentation."""
        if not self._close_overlays():
            self.leave()

    # ------------------------------------------------------------------ keys and events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.active:
            return False
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self.window.view.viewport():
            QTimer.singleShot(0, self._on_resized)
            return False
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(event, QKeyEvent) or not self._ours(watched):
            return False
        if self.overlay_open == "blank":
            if kind == QEvent.Type.KeyPress and self.blank_screen is not None:
                self.blank_screen.hide()
            event.accept()
            return True
        if event.modifiers() & _MODIFIERS:
            return False
        row = _BY_KEY.get(event.key())
        if row is None:
            return False
        event.accept()
        if kind != QEvent.Type.KeyPress:
            return True
        if self.overlay_open == "note" and row.action not in ("escape", "show_note", "leave"):
            # over the note, Enter types into it; the map's keys wait until it closes
            if row.action == "toggle_chosen" and self.note_overlay is not None:
                self.note_overlay.edit()
            return True
        if self.overlay_open == "keys" and row.action not in ("escape", "show_keys", "leave"):
            self._close_overlays()
        getattr(self, row.action)()
        return True

    def _ours(self, watched: QObject) -> bool:
        """Whether a key sent to ``watched`` is the presentation's: it is in the window,
        and not typed into the note editor."""
        if not isinstance(watched, QWidget):
            return False
        if self.note_overlay is not None and self.note_overlay.editing:
            editor = self.note_overlay.editor
            if watched is editor or editor.isAncestorOf(watched):
                return False
        top = watched.window()
        return top is self.window or (self.presenter is not None and top is self.presenter)

    @Slot()
    def _on_resized(self) -> None:
        view = self.window.view
        if not self.active:
            return
        self._place_overlays()
        if view.viewport().size() == self._fitted:
            return
        self.restyle()
        zoom, center = self.step_view(self.focus)
        # a glide under way goes on to the new target; else the step is fitted at once
        view.glide_to(zoom, center, animate=view.is_gliding())

    # ------------------------------------------------------------------ footer

    def footer_parts(self) -> list[str]:
        """What the footer says: title, branch, step k of n, decided count."""
        doc = self.window.document
        root = doc.root
        focus = self.focus
        title = plain_text(doc.title, bool(root is not None and root.markdown))
        overview = QCoreApplication.translate("Presentation", "Overview")
        branch = plain_text(focus.label, focus.markdown) if focus is not None else overview
        decided = len(doc.map_state.decided_nodes())
        step = QCoreApplication.translate("Presentation", "step {step} of {steps}")
        count = QCoreApplication.translate("Presentation", "{count} decided")
        return [
            title,
            branch,
            step.format(step=self.step, steps=self.steps),
            count.format(count=decided),
        ]

    def _update_footer(self) -> None:
        self.footer.set_parts(self.footer_parts())

    @Slot(object)
    def _on_document_decisions_changed(self, _nodes: object) -> None:
        if self.active:
            self._update_footer()

    @Slot()
    def _on_document_map_replaced(self) -> None:
        if self.active:
            self.leave()


def _subtree_rect(boxes: Mapping[Node, Box], nodes: Iterable[Node]) -> QRectF:
    """The union of the laid-out boxes of ``nodes`` (those laid out)."""
    left = top = float("inf")
    right = bottom = float("-inf")
    for n in nodes:
        b = boxes.get(n)
        if b is None:
            continue
        left = min(left, b.x)
        top = min(top, b.y)
        right = max(right, b.x + b.w)
        bottom = max(bottom, b.y + b.h)
    if left > right:
        return QRectF()
    return QRectF(left, top, right - left, bottom - top)
