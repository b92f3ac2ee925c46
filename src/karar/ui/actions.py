"""The main window's commands as one declarative table: text, keys, menu, tool bar, the
slot they call. :func:`build_actions` makes the ``QAction`` objects, the menus and the tool
bar from it, and the keyboard shortcuts dialog is generated from the same actions, so it
can never drift from what the keys really do.

The table holds English source texts (marked for lupdate with ``QT_TRANSLATE_NOOP``);
:func:`retranslate` sets the actions' and menus' texts in the current language, once when
they are made and again on every ``QEvent.LanguageChange``.
"""

from __future__ import annotations

import html
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from karar.core.status import Decision
from karar.ui.i18n import QT_TRANSLATE_NOOP

Key = QKeySequence.StandardKey | str

MENUS = {
    "file": QT_TRANSLATE_NOOP("Menu", "&File"),
    "edit": QT_TRANSLATE_NOOP("Menu", "&Edit"),
    "view": QT_TRANSLATE_NOOP("Menu", "&View"),
    "go": QT_TRANSLATE_NOOP("Menu", "&Go"),
    "help": QT_TRANSLATE_NOOP("Menu", "&Help"),
}
"""The menus in menu-bar order: key -> title."""
SUBMENUS = {
    "levels": ("view", QT_TRANSLATE_NOOP("Menu", "Show &Levels")),
    "layout": ("view", QT_TRANSLATE_NOOP("Menu", "&Layout")),
    "theme": ("view", QT_TRANSLATE_NOOP("Menu", "&Theme")),
    "filter": ("view", QT_TRANSLATE_NOOP("Menu", "F&ilter")),
    "language": ("view", QT_TRANSLATE_NOOP("Menu", "Lan&guage")),
}
"""Sub-menus: key -> (parent menu, title)."""
OPTIONAL_GROUPS = frozenset({"filter"})
"""Groups whose checked action may be unchecked again (the filter: back to everything)."""


@dataclass(frozen=True, slots=True)
class Command:
    """One row of the table.

    Attributes:
        name: The action's name (``window.actions[name]``, also its object name).
        text: Menu text with its ``&`` mnemonic.
        slot: What it calls: a dotted path from the window (``"session.save"``); empty
            for an action made elsewhere and handed to :func:`build_actions` (undo, redo).
        keys: Shortcuts, the first one shown in menus.
        menu: The menu or sub-menu it sits in (None: only its keys), then ``"-"`` rows
            separate.
        tip: Status and tool tip.
        args: Extra arguments for the slot.
        checkable: A toggle; its slot gets the new state.
        group: Actions of one group are exclusive (layouts, themes).
        view_only: Its keys act only while the map has the focus (keys the find field
            and the notes editor use themselves: arrows, Space, Enter).
        toolbar: The tool button's short text, if it is on the tool bar.
        help: The shortcuts dialog's description (default: the text; "": left out).
        help_keys: The keys as the dialog shows them (default: the shortcuts).
    """

    name: str
    text: str
    slot: str
    keys: tuple[Key, ...] = ()
    menu: str | None = None
    tip: str = ""
    args: tuple[Any, ...] = ()
    checkable: bool = False
    group: str | None = None
    view_only: bool = False
    toolbar: str | None = None
    help: str | None = None
    help_keys: str | None = None


SEPARATOR = "-"
_SK = QKeySequence.StandardKey


class Levels(QObject):
    """The texts of View › Show Levels, which count (lupdate marks a plural only in a
    ``tr()`` call with its number; the English forms come from ``karar_en.ts``)."""

    def text(self, n: int) -> str:
        #: View › Show Levels, one item for each of 1 to 9; & marks the number as its key
        return self.tr("Show &%n Levels", "", n)

    def tip(self, n: int) -> str:
        #: the status tip of View › Show Levels › n
        return self.tr("Show %n levels below the root", "", n)

    def toolbar(self, n: int) -> str:
        #: a tool button: show the first n levels of the map
        return self.tr("Level %n", "", n)


def _levels() -> list[Command]:
    return [
        Command(
            f"level_{n}",
            f"Show &{n} Level{'s' if n > 1 else ''}",
            "show_levels",
            (f"Ctrl+{n}",),
            "levels",
            tip=f"Show {n} level{'s' if n > 1 else ''} below the root",
            args=(n,),
            toolbar=f"Level {n}" if n <= 3 else None,
            help=QT_TRANSLATE_NOOP("Command", "Show that many levels below the root")
            if n == 1
            else "",
            help_keys="Ctrl+1 … Ctrl+9" if n == 1 else None,
        )
        for n in range(1, 10)
    ]


COMMANDS: tuple[Command | str, ...] = (
    Command(
        "new",
        QT_TRANSLATE_NOOP("Command", "&New Project"),
        "new_project",
        (_SK.New,),
        "file",
        QT_TRANSLATE_NOOP("Command", "Start a new project on the open map"),
    ),
    Command(
        "open",
        QT_TRANSLATE_NOOP("Command", "&Open…"),
        "open_dialog",
        (_SK.Open,),
        "file",
        QT_TRANSLATE_NOOP("Command", "Open a map or a project"),
        toolbar=QT_TRANSLATE_NOOP("Command", "Open"),
    ),
    # F5 presents (as in slide tools); Refresh is F5 on most desktops, so it is not used
    Command(
        "reload",
        QT_TRANSLATE_NOOP("Command", "&Reload"),
        "reload",
        ("Ctrl+R", "Refresh"),
        "file",
        QT_TRANSLATE_NOOP("Command", "Read the map file again"),
    ),
    "file",
    Command(
        "save",
        QT_TRANSLATE_NOOP("Command", "&Save"),
        "session.save",
        (_SK.Save,),
        "file",
        QT_TRANSLATE_NOOP("Command", "Save the project"),
        toolbar=QT_TRANSLATE_NOOP("Command", "Save"),
    ),
    Command(
        "save_as",
        QT_TRANSLATE_NOOP("Command", "Save &As…"),
        "session.save_as",
        (_SK.SaveAs,),
        "file",
    ),
    "file",
    Command(
        "export_md",
        QT_TRANSLATE_NOOP("Command", "Export &Decision Snapshot…"),
        "outputs.export_snapshot",
        ("Ctrl+Shift+E",),
        "file",
        QT_TRANSLATE_NOOP("Command", "Write the decisions as Markdown"),
    ),
    Command(
        "export_adr",
        QT_TRANSLATE_NOOP("Command", "Export Decision Re&cords…"),
        "outputs.export_records",
        (),
        "file",
        QT_TRANSLATE_NOOP(
            "Command", "Write one MADR decision record per decided question into a folder"
        ),
    ),
    Command(
        "merge_participants",
        QT_TRANSLATE_NOOP("Command", "&Merge Participants…"),
        "outputs.merge_participants",
        (),
        "file",
        QT_TRANSLATE_NOOP(
            "Command", "Tally several participants' project files on this map: votes, voters, notes"
        ),
    ),
    Command(
        "export_report",
        QT_TRANSLATE_NOOP("Command", "Export Decision Re&port…"),
        "outputs.export_report",
        (),
        "file",
        QT_TRANSLATE_NOOP(
            "Command",
            "Write the decision document (PDF or one HTML file): questions, choices and notes",
        ),
    ),
    Command(
        "export_image",
        QT_TRANSLATE_NOOP("Command", "Export &Image…"),
        "outputs.export_image",
        (),
        "file",
        QT_TRANSLATE_NOOP("Command", "Save the map as a PNG, SVG or PDF picture"),
    ),
    Command(
        "print",
        QT_TRANSLATE_NOOP("Command", "&Print…"),
        "outputs.print_dialog",
        (_SK.Print,),
        "file",
        QT_TRANSLATE_NOOP("Command", "Print the map"),
    ),
    "file",
    Command("quit", QT_TRANSLATE_NOOP("Command", "&Quit"), "close", (_SK.Quit,), "file"),
    Command(
        "undo",
        QT_TRANSLATE_NOOP("Command", "&Undo"),
        "",
        (_SK.Undo,),
        "edit",
        toolbar=QT_TRANSLATE_NOOP("Command", "Undo"),
    ),
    Command(
        "redo",
        QT_TRANSLATE_NOOP("Command", "&Redo"),
        "",
        (_SK.Redo,),
        "edit",
        toolbar=QT_TRANSLATE_NOOP("Command", "Redo"),
    ),
    "edit",
    Command(
        "check",
        QT_TRANSLATE_NOOP("Command", "&Check / Uncheck"),
        "map_scene.toggle_selected_checked",
        ("Return", "Enter"),
        "edit",
        QT_TRANSLATE_NOOP("Command", "Choose the selected node, or take the choice back"),
        view_only=True,
    ),
    Command(
        "reject",
        QT_TRANSLATE_NOOP("Command", "Re&ject"),
        "map_scene.decide_selected",
        ("X",),
        "edit",
        QT_TRANSLATE_NOOP(
            "Command", "Reject the selected node (crossed out, its label struck through)"
        ),
        args=(Decision.REJECTED,),
        view_only=True,
    ),
    Command(
        "consider",
        QT_TRANSLATE_NOOP("Command", "C&onsidering"),
        "map_scene.decide_selected",
        ("?", "Q"),
        "edit",
        QT_TRANSLATE_NOOP(
            "Command", "Mark the selected node as an open question, under consideration"
        ),
        args=(Decision.CONSIDERING,),
        view_only=True,
    ),
    Command(
        "undecide",
        QT_TRANSLATE_NOOP("Command", "Clear &Decision"),
        "map_scene.decide_selected",
        ("Backspace", "0"),
        "edit",
        QT_TRANSLATE_NOOP("Command", "Make the selected node undecided again"),
        args=(None,),
        view_only=True,
    ),
    Command(
        "node_menu",
        QT_TRANSLATE_NOOP("Command", "Node Menu"),
        "view.open_node_menu",
        ("Shift+F10", "Menu"),
        None,
        QT_TRANSLATE_NOOP("Command", "Open the selected node's menu"),
        view_only=True,
        help=QT_TRANSLATE_NOOP("Command", "Open the selected node's menu (state, fold, note)"),
    ),
    Command(
        "edit_note",
        QT_TRANSLATE_NOOP("Command", "Edit &Note"),
        "edit_note",
        ("F2",),
        "edit",
        QT_TRANSLATE_NOOP("Command", "Write notes for the selected node"),
    ),
    Command(
        "zoom_in",
        QT_TRANSLATE_NOOP("Command", "Zoom &In"),
        "view.zoom_by",
        (_SK.ZoomIn,),
        "view",
        QT_TRANSLATE_NOOP("Command", "Zoom in"),
        args=(1.25,),
        toolbar=QT_TRANSLATE_NOOP("Command", "Zoom In"),
    ),
    Command(
        "zoom_out",
        QT_TRANSLATE_NOOP("Command", "Zoom &Out"),
        "view.zoom_by",
        (_SK.ZoomOut,),
        "view",
        QT_TRANSLATE_NOOP("Command", "Zoom out"),
        args=(0.8,),
        toolbar=QT_TRANSLATE_NOOP("Command", "Zoom Out"),
    ),
    Command(
        "actual_size",
        QT_TRANSLATE_NOOP("Command", "&Actual Size"),
        "view.set_zoom",
        ("Ctrl+Shift+0",),
        "view",
        args=(1.0,),
    ),
    Command(
        "fit",
        QT_TRANSLATE_NOOP("Command", "&Fit to Window"),
        "view.fit_all",
        ("Ctrl+0",),
        "view",
        QT_TRANSLATE_NOOP("Command", "Show the whole map"),
        toolbar=QT_TRANSLATE_NOOP("Command", "Fit to Window"),
    ),
    Command(
        "zoom_selection",
        QT_TRANSLATE_NOOP("Command", "Zoom to &Selection"),
        "view.zoom_to_selection",
        ("Ctrl+E",),
        "view",
        QT_TRANSLATE_NOOP("Command", "Zoom to the selected branch"),
    ),
    "view",
    Command(
        "filter_all",
        QT_TRANSLATE_NOOP("Command", "&Everything"),
        "set_filter",
        (),
        "filter",
        QT_TRANSLATE_NOOP("Command", "Show the whole map"),
        args=("all",),
        checkable=True,
        group="filter",
    ),
    Command(
        "decisions_only",
        QT_TRANSLATE_NOOP("Command", "&Decisions"),
        "set_decisions_only",
        ("Ctrl+D",),
        "filter",
        QT_TRANSLATE_NOOP(
            "Command",
            "Show only the decided nodes and the branches that lead to them (again: everything)",
        ),
        checkable=True,
        group="filter",
        toolbar=QT_TRANSLATE_NOOP("Command", "Decisions Only"),
        help=QT_TRANSLATE_NOOP("Command", "Show only the decisions, or everything again"),
    ),
    Command(
        "filter_open",
        QT_TRANSLATE_NOOP("Command", "&Open Questions"),
        "set_filter",
        (),
        "filter",
        QT_TRANSLATE_NOOP(
            "Command", "Show only the nodes under consideration and the branches that lead to them"
        ),
        args=("open",),
        checkable=True,
        group="filter",
    ),
    Command(
        "filter_hide_rejected",
        QT_TRANSLATE_NOOP("Command", "&Hide Rejected"),
        "set_filter",
        (),
        "filter",
        QT_TRANSLATE_NOOP(
            "Command", "Show the map without the rejected nodes and what lies below them"
        ),
        args=("hide-rejected",),
        checkable=True,
        group="filter",
    ),
    Command(
        "filter_agreed",
        QT_TRANSLATE_NOOP("Command", "&Agreed by All"),
        "set_filter",
        (),
        "filter",
        QT_TRANSLATE_NOOP(
            "Command",
            "Show only what every participant of the tally voted for, and the branches to it",
        ),
        args=("agreed",),
        checkable=True,
        group="filter",
    ),
    Command(
        "filter_split",
        QT_TRANSLATE_NOOP("Command", "&Split Votes"),
        "set_filter",
        (),
        "filter",
        QT_TRANSLATE_NOOP(
            "Command",
            "Show only what some but not all participants voted for, and the branches to it",
        ),
        args=("split",),
        checkable=True,
        group="filter",
    ),
    Command(
        "filter_no_votes",
        QT_TRANSLATE_NOOP("Command", "&Nobody Voted"),
        "set_filter",
        (),
        "filter",
        QT_TRANSLATE_NOOP(
            "Command",
            "Show only the options (the leaves) nobody voted for, and the branches to them",
        ),
        args=("no-votes",),
        checkable=True,
        group="filter",
    ),
    Command(
        "hide_votes",
        QT_TRANSLATE_NOOP("Command", "Hide &Votes"),
        "map_scene.set_votes_hidden",
        (),
        "view",
        QT_TRANSLATE_NOOP(
            "Command",
            "Hide the tally's votes until they are revealed (V: the selected branch, Shift+V: all)",
        ),
        checkable=True,
    ),
    Command(
        "reveal_branch_votes",
        QT_TRANSLATE_NOOP("Command", "Reveal Votes of &Branch"),
        "map_scene.reveal_selected_votes",
        ("V",),
        "view",
        QT_TRANSLATE_NOOP("Command", "Show the votes of the selected branch"),
        view_only=True,
    ),
    Command(
        "reveal_all_votes",
        QT_TRANSLATE_NOOP("Command", "Reveal All Vo&tes"),
        "map_scene.reveal_votes",
        ("Shift+V",),
        "view",
        QT_TRANSLATE_NOOP("Command", "Show every vote"),
        args=(None,),
        view_only=True,
    ),
    "view",
    Command(
        "fold_all",
        QT_TRANSLATE_NOOP("Command", "Fold &All"),
        "fold_all",
        ("Ctrl+Shift+[",),
        "view",
        QT_TRANSLATE_NOOP("Command", "Fold every branch"),
        toolbar=QT_TRANSLATE_NOOP("Command", "Fold All"),
    ),
    Command(
        "unfold_all",
        QT_TRANSLATE_NOOP("Command", "&Unfold All"),
        "unfold_all",
        ("Ctrl+Shift+]",),
        "view",
        QT_TRANSLATE_NOOP("Command", "Unfold every branch"),
        toolbar=QT_TRANSLATE_NOOP("Command", "Unfold All"),
    ),
    *_levels(),
    "view",
    Command(
        "layout_mindmap",
        QT_TRANSLATE_NOOP("Command", "&Mind Map"),
        "set_layout",
        ("Ctrl+Alt+1",),
        "layout",
        args=("mindmap",),
        checkable=True,
        group="layout",
    ),
    Command(
        "layout_tree",
        QT_TRANSLATE_NOOP("Command", "&Tree"),
        "set_layout",
        ("Ctrl+Alt+2",),
        "layout",
        args=("tree",),
        checkable=True,
        group="layout",
    ),
    Command(
        "layout_radial",
        QT_TRANSLATE_NOOP("Command", "&Radial"),
        "set_layout",
        ("Ctrl+Alt+3",),
        "layout",
        args=("radial",),
        checkable=True,
        group="layout",
    ),
    Command(
        "theme_system",
        QT_TRANSLATE_NOOP("Command", "Follow &System"),
        "set_theme",
        (),
        "theme",
        args=(None,),
        checkable=True,
        group="theme",
    ),
    Command(
        "theme_light",
        QT_TRANSLATE_NOOP("Command", "&Light"),
        "set_theme",
        (),
        "theme",
        args=("light",),
        checkable=True,
        group="theme",
    ),
    Command(
        "theme_dark",
        QT_TRANSLATE_NOOP("Command", "&Dark"),
        "set_theme",
        (),
        "theme",
        args=("dark",),
        checkable=True,
        group="theme",
    ),
    Command(
        "theme_contrast",
        QT_TRANSLATE_NOOP("Command", "&High Contrast"),
        "set_theme",
        ("Ctrl+Alt+H",),
        "theme",
        args=("contrast",),
        checkable=True,
        group="theme",
    ),
    Command(
        "language_system",
        QT_TRANSLATE_NOOP("Command", "&System Language"),
        "set_language",
        (),
        "language",
        QT_TRANSLATE_NOOP("Command", "Speak the system's language"),
        args=(None,),
        checkable=True,
        group="language",
    ),
    # each language by its own name, as a user who does not read the other finds it
    Command(
        "language_tr",
        "&Türkçe",
        "set_language",
        (),
        "language",
        args=("tr",),
        checkable=True,
        group="language",
    ),
    Command(
        "language_en",
        "&English",
        "set_language",
        (),
        "language",
        args=("en",),
        checkable=True,
        group="language",
    ),
    "view",
    Command(
        "minimap",
        QT_TRANSLATE_NOOP("Command", "Show &Overview"),
        "set_minimap_visible",
        ("Ctrl+Shift+M",),
        "view",
        checkable=True,
    ),
    Command(
        "animate",
        QT_TRANSLATE_NOOP("Command", "&Animate Changes"),
        "set_animate",
        (),
        "view",
        QT_TRANSLATE_NOOP("Command", "Animate folding"),
        checkable=True,
    ),
    Command(
        "full_screen",
        QT_TRANSLATE_NOOP("Command", "&Full Screen"),
        "toggle_full_screen",
        ("F11", _SK.FullScreen),
        "view",
        QT_TRANSLATE_NOOP("Command", "Fill the screen (Esc leaves)"),
    ),
    Command(
        "present",
        QT_TRANSLATE_NOOP("Command", "&Present"),
        "presentation.toggle",
        ("F5",),
        "view",
        QT_TRANSLATE_NOOP(
            "Command",
            "Present the map branch by branch, full screen (Esc leaves; ? lists the keys)",
        ),
    ),
    Command(
        "find",
        QT_TRANSLATE_NOOP("Command", "&Find…"),
        "open_search",
        (_SK.Find,),
        "go",
        QT_TRANSLATE_NOOP("Command", "Search the map"),
        toolbar=QT_TRANSLATE_NOOP("Command", "Find"),
    ),
    Command(
        "find_next",
        QT_TRANSLATE_NOOP("Command", "Find &Next"),
        "search.step",
        (_SK.FindNext,),
        "go",
        args=(1,),
    ),
    Command(
        "find_previous",
        QT_TRANSLATE_NOOP("Command", "Find &Previous"),
        "search.step",
        (_SK.FindPrevious,),
        "go",
        args=(-1,),
    ),
    "go",
    Command(
        "go_root",
        QT_TRANSLATE_NOOP("Command", "&Root"),
        "view.navigator.go_root",
        ("Home",),
        "go",
        view_only=True,
    ),
    Command(
        "go_left",
        QT_TRANSLATE_NOOP("Command", "Go &Left"),
        "view.navigator.go_left",
        ("Left",),
        "go",
        view_only=True,
    ),
    Command(
        "go_right",
        QT_TRANSLATE_NOOP("Command", "Go &Right"),
        "view.navigator.go_right",
        ("Right",),
        "go",
        view_only=True,
    ),
    Command(
        "go_up",
        QT_TRANSLATE_NOOP("Command", "&Previous Sibling"),
        "view.navigator.go_up",
        ("Up",),
        "go",
        view_only=True,
    ),
    Command(
        "go_down",
        QT_TRANSLATE_NOOP("Command", "&Next Sibling"),
        "view.navigator.go_down",
        ("Down",),
        "go",
        view_only=True,
    ),
    Command(
        "toggle_fold",
        QT_TRANSLATE_NOOP("Command", "&Fold / Unfold"),
        "view.navigator.toggle_selected",
        ("Space",),
        "go",
        view_only=True,
    ),
    Command(
        "keys", QT_TRANSLATE_NOOP("Command", "&Keyboard Shortcuts"), "show_keys", ("F1",), "help"
    ),
    Command("about", QT_TRANSLATE_NOOP("Command", "&About Karar"), "about", (), "help"),
)

_MOUSE = QT_TRANSLATE_NOOP("Menu", "Mouse")
MOUSE_HELP = (
    (
        QT_TRANSLATE_NOOP("Mouse", "Click a node's box"),
        QT_TRANSLATE_NOOP(
            "Mouse", "Check or uncheck it (a rejected or considered node: choose it)"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Mouse", "Right-click a node"),
        QT_TRANSLATE_NOOP("Mouse", "Its menu: state, fold, note"),
    ),
    (
        QT_TRANSLATE_NOOP("Mouse", "Click a handle, double-click a node"),
        QT_TRANSLATE_NOOP("Mouse", "Fold or unfold it"),
    ),
    (QT_TRANSLATE_NOOP("Mouse", "Wheel, pinch"), QT_TRANSLATE_NOOP("Mouse", "Zoom")),
    (QT_TRANSLATE_NOOP("Mouse", "Drag the background, scroll"), QT_TRANSLATE_NOOP("Mouse", "Pan")),
    (
        QT_TRANSLATE_NOOP("Mouse", "Click or drag in the overview"),
        QT_TRANSLATE_NOOP("Mouse", "Move the view there"),
    ),
)
"""What the mouse does, listed in the shortcuts dialog after the keys."""


def _resolve(root: object, dotted: str) -> Callable[..., object]:
    target: Any = root
    for part in dotted.split("."):
        target = getattr(target, part)
    return target  # type: ignore[no-any-return]


def _slot(window: QMainWindow, dotted: str) -> Callable[..., object]:
    """The slot ``dotted`` names on ``window``; on a part the window makes on first use (a
    ``cached_property``, such as the presentation) it is looked up when the action fires,
    so that making the menus does not make that part."""
    head, _dot, rest = dotted.partition(".")
    if rest and isinstance(inspect.getattr_static(type(window), head, None), cached_property):

        def later(*args: object) -> object:
            return _resolve(window, dotted)(*args)

        return later
    return _resolve(window, dotted)


@dataclass
class Actions:
    """The window's actions by name, with the menus and tool bar made from them."""

    by_name: dict[str, QAction] = field(default_factory=dict)
    groups: dict[str, QActionGroup] = field(default_factory=dict)
    menus: dict[str, QMenu] = field(default_factory=dict)
    toolbar: QToolBar | None = None

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]


def build_actions(
    window: QMainWindow, view: QWidget, provided: dict[str, QAction] | None = None
) -> Actions:
    """Make every :data:`COMMANDS` action on ``window`` (``view_only`` ones on ``view``),
    its menus and its tool bar; ``provided`` are actions made elsewhere (undo, redo)."""
    actions = Actions()
    provided = provided or {}
    for row in COMMANDS:
        if not isinstance(row, Command):
            continue
        if row.slot:
            actions.by_name[row.name] = _make(window, view, row, actions)
            continue
        action = provided[row.name]
        action.setObjectName(row.name)
        action.setShortcuts(_sequences(row.keys))
        window.addAction(action)
        actions.by_name[row.name] = action
    _build_menus(window, actions)
    _build_toolbar(window, actions)
    retranslate(actions)
    return actions


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def command_texts(row: Command) -> tuple[str, str, str | None]:
    """``row``'s menu text, tip and tool-button text in the current language."""
    if row.name.startswith("level_"):
        n = row.args[0]
        levels = Levels()
        return levels.text(n), levels.tip(n), levels.toolbar(n) if row.toolbar else None
    toolbar = _tr("Command", row.toolbar) if row.toolbar is not None else None
    return _tr("Command", row.text), _tr("Command", row.tip) if row.tip else "", toolbar


def retranslate(actions: Actions) -> None:
    """Set every action's, menu's and the tool bar's texts in the current language."""
    for row in COMMANDS:
        if not isinstance(row, Command):
            continue
        action = actions[row.name]
        text, tip, toolbar = command_texts(row)
        if row.slot:  # undo and redo: the undo stack names the command in their text
            action.setText(text)
        if tip:
            action.setStatusTip(tip)
            shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shown})" if shown else tip)
        if toolbar is not None:
            action.setIconText(toolbar)
    for key, title in MENUS.items():
        actions.menus[key].setTitle(_tr("Menu", title))
    for key, (_parent, title) in SUBMENUS.items():
        actions.menus[key].setTitle(_tr("Menu", title))
    if actions.toolbar is not None:
        actions.toolbar.setWindowTitle(_tr("Menu", "Main Tool Bar"))


def _sequences(keys: tuple[Key, ...]) -> list[QKeySequence]:
    """The shortcuts for ``keys``: a standard key the platform leaves empty drops out, and
    one it maps to a key already listed is not listed twice (Qt would call it ambiguous)."""
    out: list[QKeySequence] = []
    for key in keys:
        sequences = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        out.extend(s for s in sequences if not s.isEmpty() and s not in out)
    return out


def _make(window: QMainWindow, view: QWidget, row: Command, actions: Actions) -> QAction:
    action = QAction(window)
    action.setObjectName(row.name)
    if row.keys:
        action.setShortcuts(_sequences(row.keys))
    action.setCheckable(row.checkable)
    slot = _slot(window, row.slot)
    args = row.args
    if row.checkable and not args:
        action.triggered.connect(slot)
    else:
        action.triggered.connect(lambda _checked=False, s=slot, a=args: s(*a))
    if row.group is not None:
        group = actions.groups.get(row.group)
        if group is None:
            group = actions.groups[row.group] = QActionGroup(window)
            if row.group in OPTIONAL_GROUPS:
                group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        group.addAction(action)
    if row.view_only:
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        view.addAction(action)
    else:
        window.addAction(action)
    if row.name == "quit":
        action.setMenuRole(QAction.MenuRole.QuitRole)
    elif row.name == "about":
        action.setMenuRole(QAction.MenuRole.AboutRole)
    return action


def _build_menus(window: QMainWindow, actions: Actions) -> None:
    bar = window.menuBar()
    menus = actions.menus
    for key, title in MENUS.items():
        menus[key] = bar.addMenu(title)
        menus[key].setObjectName(f"menu-{key}")
    for key, (_parent, title) in SUBMENUS.items():
        menus[key] = QMenu(title, window)
        menus[key].setObjectName(f"menu-{key}")
    placed: set[str] = set()
    for row in COMMANDS:
        if isinstance(row, str):
            menus[row].addSeparator()
            continue
        if row.menu is None:
            continue
        if row.menu in SUBMENUS and row.menu not in placed:
            placed.add(row.menu)
            menus[SUBMENUS[row.menu][0]].addMenu(menus[row.menu])
        menus[row.menu].addAction(actions[row.name])


def _build_toolbar(window: QMainWindow, actions: Actions) -> None:
    # "Main Tool Bar" marked here; retranslate() sets the title shown
    bar = QToolBar(QT_TRANSLATE_NOOP("Menu", "Main Tool Bar"), window)
    bar.setObjectName("main-toolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    previous: str | None = None
    gap = False  # a menu separator or another menu since the last tool button
    for row in COMMANDS:
        if isinstance(row, str):
            gap = True
            continue
        if row.toolbar is None:
            continue
        if previous is not None and (gap or row.menu != previous):
            bar.addSeparator()
        previous, gap = row.menu, False
        bar.addAction(actions[row.name])
    window.addToolBar(bar)
    actions.toolbar = bar


def shortcuts_html(actions: Actions) -> str:
    """The shortcuts dialog's text: every action that has keys, under its menu's title,
    then what the mouse does."""
    sections: dict[str, list[tuple[str, str]]] = {}
    for row in COMMANDS:
        if isinstance(row, str) or not row.keys or row.help == "":
            continue
        action = actions[row.name]
        keys = row.help_keys or ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
        )
        if not keys:
            continue
        top = SUBMENUS[row.menu][0] if row.menu in SUBMENUS else (row.menu or "edit")
        what = _tr("Command", row.help) if row.help else action.text()
        what = what.replace("&", "").rstrip("…")
        title = _tr("Menu", MENUS[top]).replace("&", "")
        sections.setdefault(title, []).append((keys, what))
    sections[_tr("Menu", _MOUSE)] = [(_tr("Mouse", a), _tr("Mouse", b)) for a, b in MOUSE_HELP]
    out = []
    for title, rows in sections.items():
        out.append(f"<h4>{html.escape(title)}</h4><table cellspacing='2'>")
        out.extend(
            f"<tr><td width='46%'><b>{html.escape(k)}</b></td><td>{html.escape(w)}</td></tr>"
            for k, w in rows
        )
        out.append("</table>")
    return "".join(out)
