"""The main window's commands as one declarative table: text, keys, menu, tool bar, the
slot they call. :func:`build_actions` makes the ``QAction`` objects, the menus and the tool
bar from it, and the keyboard shortcuts dialog is generated from the same actions, so it
can never drift from what the keys really do.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from karar.core.status import Decision

Key = QKeySequence.StandardKey | str

#: the menus in menu-bar order: key -> title
MENUS = {"file": "&File", "edit": "&Edit", "view": "&View", "go": "&Go", "help": "&Help"}
#: sub-menus: key -> (parent menu, title)
SUBMENUS = {
    "levels": ("view", "Show &Levels"),
    "layout": ("view", "&Layout"),
    "theme": ("view", "&Theme"),
    "filter": ("view", "F&ilter"),
}
#: groups whose checked action may be unchecked again (the filter: back to everything)
OPTIONAL_GROUPS = frozenset({"filter"})


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
            help="Show that many levels below the root" if n == 1 else "",
            help_keys="Ctrl+1 … Ctrl+9" if n == 1 else None,
        )
        for n in range(1, 10)
    ]


COMMANDS: tuple[Command | str, ...] = (
    Command(
        "new",
        "&New Project",
        "new_project",
        (_SK.New,),
        "file",
        "Start a new project on the open map",
    ),
    Command(
        "open",
        "&Open…",
        "open_dialog",
        (_SK.Open,),
        "file",
        "Open a map or a project",
        toolbar="Open",
    ),
    # F5 presents (as in slide tools); Refresh is F5 on most desktops, so it is not used
    Command(
        "reload", "&Reload", "reload", ("Ctrl+R", "Refresh"), "file", "Read the map file again"
    ),
    "file",
    Command(
        "save", "&Save", "session.save", (_SK.Save,), "file", "Save the project", toolbar="Save"
    ),
    Command("save_as", "Save &As…", "session.save_as", (_SK.SaveAs,), "file"),
    "file",
    Command(
        "export_md",
        "Export &Decision Snapshot…",
        "outputs.export_snapshot",
        ("Ctrl+Shift+E",),
        "file",
        "Write the decisions as Markdown",
    ),
    Command(
        "export_adr",
        "Export Decision Re&cords…",
        "outputs.export_records",
        (),
        "file",
        "Write one MADR decision record per decided question into a folder",
    ),
    Command(
        "merge_participants",
        "&Merge Participants…",
        "outputs.merge_participants",
        (),
        "file",
        "Tally several participants' project files on this map: votes, voters, notes",
    ),
    Command(
        "export_report",
        "Export Decision Re&port…",
        "outputs.export_report",
        (),
        "file",
        "Write the decision document (PDF or one HTML file): questions, choices and notes",
    ),
    Command(
        "export_image",
        "Export &Image…",
        "outputs.export_image",
        (),
        "file",
        "Save the map as a PNG, SVG or PDF picture",
    ),
    Command("print", "&Print…", "outputs.print_dialog", (_SK.Print,), "file", "Print the map"),
    "file",
    Command("quit", "&Quit", "close", (_SK.Quit,), "file"),
    Command("undo", "&Undo", "", (_SK.Undo,), "edit", toolbar="Undo"),
    Command("redo", "&Redo", "", (_SK.Redo,), "edit", toolbar="Redo"),
    "edit",
    Command(
        "check",
        "&Check / Uncheck",
        "map_scene.toggle_selected_checked",
        ("Return", "Enter"),
        "edit",
        "Choose the selected node, or take the choice back",
        view_only=True,
    ),
    Command(
        "reject",
        "Re&ject",
        "map_scene.decide_selected",
        ("X",),
        "edit",
        "Reject the selected node (crossed out, its label struck through)",
        args=(Decision.REJECTED,),
        view_only=True,
    ),
    Command(
        "consider",
        "C&onsidering",
        "map_scene.decide_selected",
        ("?", "Q"),
        "edit",
        "Mark the selected node as an open question, under consideration",
        args=(Decision.CONSIDERING,),
        view_only=True,
    ),
    Command(
        "undecide",
        "Clear &Decision",
        "map_scene.decide_selected",
        ("Backspace", "0"),
        "edit",
        "Make the selected node undecided again",
        args=(None,),
        view_only=True,
    ),
    Command(
        "node_menu",
        "Node Menu",
        "view.open_node_menu",
        ("Shift+F10", "Menu"),
        None,
        "Open the selected node's menu",
        view_only=True,
        help="Open the selected node's menu (state, fold, note)",
    ),
    Command(
        "edit_note", "Edit &Note", "edit_note", ("F2",), "edit", "Write notes for the selected node"
    ),
    Command(
        "zoom_in",
        "Zoom &In",
        "view.zoom_by",
        (_SK.ZoomIn,),
        "view",
        "Zoom in",
        args=(1.25,),
        toolbar="Zoom In",
    ),
    Command(
        "zoom_out",
        "Zoom &Out",
        "view.zoom_by",
        (_SK.ZoomOut,),
        "view",
        "Zoom out",
        args=(0.8,),
        toolbar="Zoom Out",
    ),
    Command("actual_size", "&Actual Size", "view.set_zoom", ("Ctrl+Shift+0",), "view", args=(1.0,)),
    Command(
        "fit",
        "&Fit to Window",
        "view.fit_all",
        ("Ctrl+0",),
        "view",
        "Show the whole map",
        toolbar="Fit to Window",
    ),
    Command(
        "zoom_selection",
        "Zoom to &Selection",
        "view.zoom_to_selection",
        ("Ctrl+E",),
        "view",
        "Zoom to the selected branch",
    ),
    "view",
    Command(
        "filter_all",
        "&Everything",
        "set_filter",
        (),
        "filter",
        "Show the whole map",
        args=("all",),
        checkable=True,
        group="filter",
    ),
    Command(
        "decisions_only",
        "&Decisions",
        "set_decisions_only",
        ("Ctrl+D",),
        "filter",
        "Show only the decided nodes and the branches that lead to them (again: everything)",
        checkable=True,
        group="filter",
        toolbar="Decisions Only",
        help="Show only the decisions, or everything again",
    ),
    Command(
        "filter_open",
        "&Open Questions",
        "set_filter",
        (),
        "filter",
        "Show only the nodes under consideration and the branches that lead to them",
        args=("open",),
        checkable=True,
        group="filter",
    ),
    Command(
        "filter_hide_rejected",
        "&Hide Rejected",
        "set_filter",
        (),
        "filter",
        "Show the map without the rejected nodes and what lies below them",
        args=("hide-rejected",),
        checkable=True,
        group="filter",
    ),
    Command(
        "filter_agreed",
        "&Agreed by All",
        "set_filter",
        (),
        "filter",
        "Show only what every participant of the tally voted for, and the branches to it",
        args=("agreed",),
        checkable=True,
        group="filter",
    ),
    Command(
        "filter_split",
        "&Split Votes",
        "set_filter",
        (),
        "filter",
        "Show only what some but not all participants voted for, and the branches to it",
        args=("split",),
        checkable=True,
        group="filter",
    ),
    Command(
        "filter_no_votes",
        "&Nobody Voted",
        "set_filter",
        (),
        "filter",
        "Show only the options (the leaves) nobody voted for, and the branches to them",
        args=("no-votes",),
        checkable=True,
        group="filter",
    ),
    Command(
        "hide_votes",
        "Hide &Votes",
        "map_scene.set_votes_hidden",
        (),
        "view",
        "Hide the tally's votes until they are revealed (V: the selected branch, Shift+V: all)",
        checkable=True,
    ),
    Command(
        "reveal_branch_votes",
        "Reveal Votes of &Branch",
        "map_scene.reveal_selected_votes",
        ("V",),
        "view",
        "Show the votes of the selected branch",
        view_only=True,
    ),
    Command(
        "reveal_all_votes",
        "Reveal All Vo&tes",
        "map_scene.reveal_votes",
        ("Shift+V",),
        "view",
        "Show every vote",
        args=(None,),
        view_only=True,
    ),
    "view",
    Command(
        "fold_all",
        "Fold &All",
        "fold_all",
        ("Ctrl+Shift+[",),
        "view",
        "Fold every branch",
        toolbar="Fold All",
    ),
    Command(
        "unfold_all",
        "&Unfold All",
        "unfold_all",
        ("Ctrl+Shift+]",),
        "view",
        "Unfold every branch",
        toolbar="Unfold All",
    ),
    *_levels(),
    "view",
    Command(
        "layout_mindmap",
        "&Mind Map",
        "set_layout",
        ("Ctrl+Alt+1",),
        "layout",
        args=("mindmap",),
        checkable=True,
        group="layout",
    ),
    Command(
        "layout_tree",
        "&Tree",
        "set_layout",
        ("Ctrl+Alt+2",),
        "layout",
        args=("tree",),
        checkable=True,
        group="layout",
    ),
    Command(
        "layout_radial",
        "&Radial",
        "set_layout",
        ("Ctrl+Alt+3",),
        "layout",
        args=("radial",),
        checkable=True,
        group="layout",
    ),
    Command(
        "theme_system",
        "Follow &System",
        "set_theme",
        (),
        "theme",
        args=(None,),
        checkable=True,
        group="theme",
    ),
    Command(
        "theme_light",
        "&Light",
        "set_theme",
        (),
        "theme",
        args=("light",),
        checkable=True,
        group="theme",
    ),
    Command(
        "theme_dark",
        "&Dark",
        "set_theme",
        (),
        "theme",
        args=("dark",),
        checkable=True,
        group="theme",
    ),
    Command(
        "theme_contrast",
        "&High Contrast",
        "set_theme",
        ("Ctrl+Alt+H",),
        "theme",
        args=("contrast",),
        checkable=True,
        group="theme",
    ),
    "view",
    Command(
        "minimap",
        "Show &Overview",
        "set_minimap_visible",
        ("Ctrl+Shift+M",),
        "view",
        checkable=True,
    ),
    Command(
        "animate", "&Animate Changes", "set_animate", (), "view", "Animate folding", checkable=True
    ),
    Command(
        "full_screen",
        "&Full Screen",
        "toggle_full_screen",
        ("F11", _SK.FullScreen),
        "view",
        "Fill the screen (Esc leaves)",
    ),
    Command(
        "present",
        "&Present",
        "presentation.toggle",
        ("F5",),
        "view",
        "Present the map branch by branch, full screen (Esc leaves; ? lists the keys)",
    ),
    Command("find", "&Find…", "open_search", (_SK.Find,), "go", "Search the map", toolbar="Find"),
    Command("find_next", "Find &Next", "search.step", (_SK.FindNext,), "go", args=(1,)),
    Command(
        "find_previous", "Find &Previous", "search.step", (_SK.FindPrevious,), "go", args=(-1,)
    ),
    "go",
    Command("go_root", "&Root", "view.navigator.go_root", ("Home",), "go", view_only=True),
    Command("go_left", "Go &Left", "view.navigator.go_left", ("Left",), "go", view_only=True),
    Command("go_right", "Go &Right", "view.navigator.go_right", ("Right",), "go", view_only=True),
    Command("go_up", "&Previous Sibling", "view.navigator.go_up", ("Up",), "go", view_only=True),
    Command("go_down", "&Next Sibling", "view.navigator.go_down", ("Down",), "go", view_only=True),
    Command(
        "toggle_fold",
        "&Fold / Unfold",
        "view.navigator.toggle_selected",
        ("Space",),
        "go",
        view_only=True,
    ),
    Command("keys", "&Keyboard Shortcuts", "show_keys", ("F1",), "help"),
    Command("about", "&About Karar", "about", (), "help"),
)

#: what the mouse does, listed in the shortcuts dialog after the keys
MOUSE_HELP = (
    ("Click a node's box", "Check or uncheck it (a rejected or considered node: choose it)"),
    ("Right-click a node", "Its menu: state, fold, note"),
    ("Click a handle, double-click a node", "Fold or unfold it"),
    ("Wheel, pinch", "Zoom"),
    ("Drag the background, scroll", "Pan"),
    ("Click or drag in the overview", "Move the view there"),
)


def _resolve(root: object, dotted: str) -> Callable[..., object]:
    target: Any = root
    for part in dotted.split("."):
        target = getattr(target, part)
    return target  # type: ignore[no-any-return]


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
        if row.toolbar is not None:
            action.setIconText(row.toolbar)
        window.addAction(action)
        actions.by_name[row.name] = action
    _build_menus(window, actions)
    _build_toolbar(window, actions)
    return actions


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
    action = QAction(row.text, window)
    action.setObjectName(row.name)
    if row.keys:
        action.setShortcuts(_sequences(row.keys))
    if row.tip:
        action.setStatusTip(row.tip)
        shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{row.tip} ({shown})" if shown else row.tip)
    action.setCheckable(row.checkable)
    slot = _resolve(window, row.slot)
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
    if row.toolbar is not None:
        action.setIconText(row.toolbar)
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
    for key, (_parent, title) in SUBMENUS.items():
        menus[key] = QMenu(title, window)
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
    bar = QToolBar("Main", window)
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
        what = row.help or action.text().replace("&", "").rstrip("…")
        sections.setdefault(MENUS[top].replace("&", ""), []).append((keys, what))
    sections["Mouse"] = list(MOUSE_HELP)
    out = []
    for title, rows in sections.items():
        out.append(f"<h4>{html.escape(title)}</h4><table cellspacing='2'>")
        out.extend(
            f"<tr><td width='46%'><b>{html.escape(k)}</b></td><td>{html.escape(w)}</td></tr>"
            for k, w in rows
        )
        out.append("</table>")
    return "".join(out)
