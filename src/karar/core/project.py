"""Project files (``*.karar.yaml``): which map, and per node the decision, note and fold.

The file is YAML a person can read and diff (CONTRACT.md): a format version, the map as a
path relative to the file (or ``builtin:NAME``), and one entry per node that carries
anything, named by its path of labels, plus the window's view (``view:``). Reading goes
through :mod:`karar.core.yamlsafe` (bounded, line-aware, duplicate keys refused); saving is
atomic. Keys Karar does not know are kept on save, at the top, in entries and in ``view:``,
and entries whose node is no longer in the map are kept too (orphans), never dropped. A
``view:`` value the window could not use is left out of :attr:`Project.view` with a warning
(the checks and notes still load), and kept for saving.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from karar.core.atomic import ReadOnlyError, write_atomic
from karar.core.errors import LocatedError, Message, one_line, said
from karar.core.model import MindMap, NodePath
from karar.core.sources import BUILTIN_PREFIX, Reading
from karar.core.status import Decision, parse_date, parse_decision
from karar.core.textfile import decode_utf8, read_bytes

if TYPE_CHECKING:  # the YAML reader is imported when a project is read or written
    from karar.core.yamlsafe import Where

FORMAT_VERSION = 1
PROJECT_SUFFIX = ".karar.yaml"
_KNOWN_TOP = ("karar", "map", "participant", "participants", "view", "nodes")
_KNOWN_ENTRY = (
    "path", "checked", "status", "by", "date", "note", "collapsed", "votes", "voters"
)  # fmt: skip
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")

PROJECT_FILE = Message("project file", "project-file")
"""What a project's file is called in messages."""

LAYOUTS = ("mindmap", "tree", "radial")
ZOOM_RANGE = (0.01, 100.0)
"""The zooms a project may ask for (the window narrows them further to what it can show)."""
MAX_COORDINATE = 1e9
"""Largest centre coordinate a project may ask for: a map a million nodes tall is 1e8."""


class ProjectError(LocatedError):
    """A project file cannot be used (names the file and, where there is one, the line)."""


@dataclass(slots=True)
class NodeState:
    """What a project records about one node.

    Attributes:
        checked: The team chose this (``checked: true``: the decision is chosen).
        status: The other decided states (rejected, considering); never set with
            ``checked`` (see :attr:`decision`).
        by: Who decided (None: not recorded).
        date: When the state last changed (None: not recorded).
        note: Markdown notes ('' for none): the rationale of a decision.
        collapsed: The branch is folded.
        votes: In a tally written by ``karar merge``: how many participants checked it.
        voters: Who checked it (tally only).
        extra: Keys of the entry Karar does not know, kept as they were.
        line: Where the entry stood in the file it was read from (not saved).
    """

    checked: bool = False
    status: Decision | None = None
    by: str | None = None
    date: _dt.date | None = None
    note: str = ""
    collapsed: bool = False
    votes: int | None = None
    voters: list[str] | None = None
    extra: dict[Any, Any] = field(default_factory=dict)
    line: int | None = field(default=None, compare=False)

    def is_empty(self) -> bool:
        """Nothing worth writing down."""
        return not (
            self.checked
            or self.status is not None
            or self.by is not None
            or self.date is not None
            or self.note
            or self.collapsed
            or self.votes is not None
            or self.voters is not None
            or self.extra
        )

    @property
    def decision(self) -> Decision | None:
        """The node's decided state, None when undecided."""
        return Decision.CHOSEN if self.checked else self.status


@dataclass(slots=True)
class Project:
    """A project: the map it names, per-node states by path, and whatever else the file had.

    Attributes:
        map_ref: The map as written in the file: a path relative to the project file's
            folder (forward slashes), an absolute path, or ``builtin:NAME``.
        entries: Node states by node path, in file order (new entries at the end).
        participant: Whose choices these are (optional).
        participants: In a tally written by ``karar merge``: everyone whose file was
            merged, in merge order (None: not a tally, or one written before the list).
        view: UI state to restore, only ever valid values: ``layout`` (one of
            :data:`LAYOUTS`), ``zoom`` (a finite number in :data:`ZOOM_RANGE`), ``center``
            (two finite numbers), ``selected`` (a list of labels), ``minimap`` (a bool).
        view_extra: Everything else that was under ``view:`` (keys Karar does not know,
            values it could not use), written back unless :attr:`view` has the key.
        extra: Top-level keys Karar does not know, kept as they were.
        path: Where the project lives (None until saved).
        map_line: The line of ``map:`` in the file it was read from (for messages).
        warnings: (line, message) for values ignored when the file was read.
    """

    map_ref: str
    entries: dict[NodePath, NodeState] = field(default_factory=dict)
    participant: str | None = None
    participants: list[str] | None = None
    view: dict[str, Any] = field(default_factory=dict)
    view_extra: dict[Any, Any] = field(default_factory=dict)
    extra: dict[Any, Any] = field(default_factory=dict)
    path: Path | None = None
    map_line: int | None = field(default=None, compare=False)
    warnings: list[tuple[int, str]] = field(default_factory=list, compare=False)

    # ----------------------------------------------------------------- the map

    def map_location(self) -> str | Path:
        """The map to open: ``builtin:NAME`` or a path resolved against the project folder."""
        if self.map_ref.startswith(BUILTIN_PREFIX):
            return self.map_ref
        ref = Path(self.map_ref).expanduser()
        if not ref.is_absolute() and self.path is not None:
            ref = self.path.parent / ref
        return ref

    def set_map(self, location: str | Path) -> None:
        """Name the map, relative to the project's folder where it can be."""
        if str(location).startswith(BUILTIN_PREFIX):
            self.map_ref = str(location)
            return
        target = Path(location).resolve()
        if self.path is not None:
            try:
                self.map_ref = Path(os.path.relpath(target, self.path.parent.resolve())).as_posix()
                return
            except ValueError:
                pass
        self.map_ref = target.as_posix()

    # ----------------------------------------------------------------- entries

    def state(self, path: NodePath) -> NodeState:
        """The state of a node (a fresh, empty one when the project has none)."""
        return self.entries.get(path) or NodeState()

    def update(self, path: NodePath, **changes: Any) -> None:
        """Change fields of one node's state; an entry left empty is removed."""
        state = self.entries.get(path)
        if state is None:
            state = self.entries[path] = NodeState()
        for key, value in changes.items():
            setattr(state, key, value)
        if state.is_empty():
            del self.entries[path]

    def orphans(self, mind_map: MindMap) -> list[NodePath]:
        """Entry paths that name no node of ``mind_map``."""
        known = set(mind_map.paths().values())
        return [p for p in self.entries if p not in known]

    # ----------------------------------------------------------------- files

    def to_data(self, order: Mapping[NodePath, int] | None = None) -> dict[str, Any]:
        """The YAML document as plain data, known keys first, unknown keys kept.

        Args:
            order: The map order of node paths: entries are listed in it (so a file reads
                and diffs like the map), orphans after them in the order they had.
        """
        from karar.core.yamlsafe import FlowList

        data: dict[str, Any] = {"karar": FORMAT_VERSION, "map": self.map_ref}
        if self.participant:
            data["participant"] = self.participant
        if self.participants is not None:
            data["participants"] = FlowList(self.participants)
        view = dict(self.view)
        for key, value in self.view_extra.items():
            view.setdefault(key, value)
        if view:
            data["view"] = view
        for key, value in self.extra.items():
            data.setdefault(key, value)
        nodes = []
        items = list(self.entries.items())
        if order is not None:
            last = len(order)
            items.sort(key=lambda item: order.get(item[0], last))
        for path, state in items:
            if state.is_empty():
                continue
            entry: dict[str, Any] = {"path": FlowList(path)}
            if state.checked:
                entry["checked"] = True
            if state.status is not None:
                entry["status"] = state.status.value
            if state.by is not None:
                entry["by"] = state.by
            if state.date is not None:
                entry["date"] = state.date
            if state.collapsed:
                entry["collapsed"] = True
            if state.votes is not None:
                entry["votes"] = state.votes
            if state.voters is not None:
                entry["voters"] = FlowList(state.voters)
            if state.note:
                entry["note"] = state.note if state.note.endswith("\n") else state.note + "\n"
            for key, value in state.extra.items():
                entry.setdefault(key, value)
            nodes.append(entry)
        data["nodes"] = nodes
        return data

    def dumps(self, order: Mapping[NodePath, int] | None = None) -> str:
        """The project file's text (``order`` as in :meth:`to_data`)."""
        return dump_yaml(self.to_data(order))

    def save(self, path: Path | None = None, order: Mapping[NodePath, int] | None = None) -> None:
        """Write the project atomically (to ``path``, which then becomes its home), its
        entries in ``order`` (see :meth:`to_data`).

        Raises:
            ProjectError: The file cannot be written (the old file is left untouched).
        """
        if path is not None:
            location = self.map_location()
            self.path = Path(path)
            self.set_map(location)
        if self.path is None:
            raise ValueError("a project needs a path to be saved")
        try:
            write_atomic(self.path, self.dumps(order).encode("utf-8"))
        except ReadOnlyError:
            raise ProjectError(
                str(self.path),
                None,
                Message(
                    "cannot save: the file is read-only (save it under another name)",
                    "save-read-only",
                ),
            ) from None
        except OSError as exc:
            reason = str(exc.strerror or exc)
            raise ProjectError(
                str(self.path),
                None,
                Message(f"cannot save: {reason}", "cannot-save", reason=reason),
            ) from None


def reattach_entry(entries: dict[NodePath, NodeState], old: NodePath, new: NodePath) -> None:
    """Move the entry at ``old`` to ``new`` in ``entries``, merging checks, folds, notes and
    unknown keys into an entry already there."""
    state = entries.pop(old)
    target = entries.get(new)
    if target is None:
        entries[new] = state
        return
    if target.decision is None and state.decision is not None:
        target.checked, target.status = state.checked, state.status
        target.by, target.date = state.by, state.date
    target.collapsed = target.collapsed or state.collapsed
    if state.note and state.note not in target.note:
        target.note = f"{target.note}\n\n{state.note}" if target.note else state.note
    for key, value in state.extra.items():
        target.extra.setdefault(key, value)


# --------------------------------------------------------------------------- reading


def loads(text: str, *, path: str = "<project>") -> Project:
    """Parse a project file's text.

    Values of ``view:`` Karar cannot use (a zoom that is not a number...) are not errors:
    they are left out of :attr:`Project.view`, kept for saving, and listed in
    :attr:`Project.warnings`.

    Raises:
        ProjectError: Not YAML (or YAML :mod:`~karar.core.yamlsafe` refuses), not a Karar
            project, a newer format, or values of the wrong type; the message names the line.
    """
    from karar.core import yamlsafe

    with yamlsafe.collector_paused():
        data, where = yamlsafe.load(text, path, ProjectError)
        return _Reader(path).project(data, where)


def shown(value: Any) -> str:
    """``value`` as an error message shows it (:func:`karar.core.yamlsafe.shown`)."""
    from karar.core.yamlsafe import shown as yaml_shown

    return yaml_shown(value)


class _Reader:
    """A project from loaded YAML data and where each value stood."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, line: int | None, message: str) -> ProjectError:
        return ProjectError(self.path, line, one_line(message))  # labels may hold newlines

    def project(self, data: Any, where: Where) -> Project:
        if not isinstance(data, dict) or "karar" not in data:
            raise self.fail(
                where.line,
                Message(
                    "not a Karar project: the file has no 'karar:' version key", "not-a-project"
                ),
            )
        self._version(data["karar"], where.value("karar").line)
        project = Project(
            map_ref=self._map_ref(data.get("map"), where),
            participant=self._participant(data.get("participant"), where),
            participants=self._participants(data.get("participants"), where),
            extra={k: v for k, v in data.items() if k not in _KNOWN_TOP},
        )
        project.map_line = where.key_line("map")
        _read_view(project, data.get("view"), where.value("view"))
        nodes = data.get("nodes")
        if nodes is None:
            nodes = []
        if not isinstance(nodes, list):
            raise self.fail(
                where.value("nodes").line,
                Message("'nodes:' must be a list of entries", "nodes-not-list"),
            )
        items = where.value("nodes")
        for index, entry in enumerate(nodes):
            entry_where = items.item(index)
            node_path, state = self._entry(entry, entry_where)
            if node_path in project.entries:
                node = " / ".join(node_path)
                first = project.entries[node_path].line
                raise self.fail(
                    entry_where.line,
                    Message(
                        f"a second entry for the node {node} (the first is on line {first})",
                        "entry-twice",
                        node=node,
                        first=first,
                    ),
                )
            project.entries[node_path] = state
        return project

    def _version(self, version: Any, line: int) -> None:
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self.fail(
                line,
                Message(
                    f"'karar:' must be a format version number, not {shown(version)}",
                    "version-not-number",
                    value=shown(version),
                ),
            )
        if version > FORMAT_VERSION:
            raise self.fail(
                line,
                Message(
                    f"written by a newer Karar (format {version}; this version reads up to "
                    f"{FORMAT_VERSION}): update Karar to open it",
                    "newer-format",
                    version=version,
                    known=FORMAT_VERSION,
                ),
            )

    def _map_ref(self, map_ref: Any, where: Where) -> str:
        line = where.value("map").line
        if not isinstance(map_ref, str) or not map_ref.strip():
            raise self.fail(
                line,
                Message("'map:' must name the map file (a path, or builtin:django)", "no-map"),
            )
        if any(unicodedata.category(c) == "Cc" for c in map_ref):
            raise self.fail(
                line,
                Message(
                    f"'map:' must be a file name, not text with control characters: "
                    f"{shown(map_ref)}",
                    "map-control-characters",
                    map=shown(map_ref),
                ),
            )
        if _URL.match(map_ref) and not map_ref.startswith(BUILTIN_PREFIX):
            raise self.fail(
                line,
                Message(
                    f"'map:' must be a local file, not {shown(map_ref)}: Karar works offline",
                    "map-url",
                    map=shown(map_ref),
                ),
            )
        return map_ref.strip()

    def _participant(self, participant: Any, where: Where) -> str | None:
        if participant is None:
            return None
        if not isinstance(participant, str | int | float):
            raise self.fail(
                where.value("participant").line,
                Message("'participant:' must be a name", "participant-not-name"),
            )
        return str(participant)

    def _participants(self, names: Any, where: Where) -> list[str] | None:
        if names is None:
            return None
        if not isinstance(names, list) or not all(_is_label(n) for n in names):
            raise self.fail(
                where.value("participants").line,
                Message("'participants:' must be a list of names", "participants-not-names"),
            )
        return [str(n) for n in names]

    def _entry(self, entry: Any, where: Where) -> tuple[NodePath, NodeState]:
        if not isinstance(entry, dict):
            raise self.fail(
                where.line,
                Message(
                    f"each entry under 'nodes:' must be a mapping, not {shown(entry)}",
                    "entry-not-mapping",
                    value=shown(entry),
                ),
            )
        raw_path = entry.get("path")
        if not isinstance(raw_path, list) or not raw_path or not _are_labels(raw_path):
            raise self.fail(
                where.value("path").line,
                Message("'path:' must be a list of labels from the root down", "path-not-labels"),
            )
        if entry.keys() <= _KNOWN_ENTRY_SET:  # nearly always: skip the comprehension
            extra = {}
        else:
            extra = {k: v for k, v in entry.items() if k not in _KNOWN_ENTRY}
        checked = entry.get("checked", False)
        collapsed = entry.get("collapsed", False)
        for key, value in (("checked", checked), ("collapsed", collapsed)):
            if value is not True and value is not False:
                raise self.fail(
                    where.value(key).line,
                    Message(
                        f"'{key}:' must be true or false, not {shown(value)}",
                        "not-true-or-false",
                        key=key,
                        value=shown(value),
                    ),
                )
        state = NodeState(checked=checked, collapsed=collapsed, extra=extra, line=where.line)
        self._decision(entry, where, state)
        note = entry.get("note")
        if note is not None and not isinstance(note, str):
            raise self.fail(
                where.value("note").line, Message("'note:' must be text", "note-not-text")
            )
        state.note = (note or "").rstrip("\n")
        votes = entry.get("votes")
        if votes is not None and (
            not isinstance(votes, int) or isinstance(votes, bool) or votes < 0
        ):
            raise self.fail(
                where.value("votes").line,
                Message("'votes:' must be a whole number", "votes-not-number"),
            )
        state.votes = votes
        voters = entry.get("voters")
        if voters is not None:
            if not isinstance(voters, list) or not _are_labels(voters):
                raise self.fail(
                    where.value("voters").line,
                    Message("'voters:' must be a list of names", "voters-not-names"),
                )
            voters = [str(v) for v in voters]
        state.voters = voters
        return tuple(map(str, raw_path)), state

    def _decision(self, entry: dict[Any, Any], where: Where, state: NodeState) -> None:
        """``status:``, ``by:`` and ``date:`` of an entry, checked against ``checked:``."""
        raw = entry.get("status")
        if raw is not None:
            line = where.value("status").line
            if not isinstance(raw, str):
                raise self.fail(
                    line,
                    Message(
                        f"'status:' must be a word, not {shown(raw)}",
                        "status-not-word",
                        value=shown(raw),
                    ),
                )
            try:
                decision = parse_decision(raw)
            except ValueError as exc:
                raise self.fail(line, said(exc)) from None
            if decision is Decision.CHOSEN:
                if "checked" in entry and not state.checked:
                    raise self.fail(
                        line,
                        Message(
                            "'status: chosen' contradicts 'checked: false'", "chosen-not-checked"
                        ),
                    )
                state.checked = True
            elif state.checked:
                raise self.fail(
                    line,
                    Message(
                        f"'checked: true' contradicts 'status: {raw}' (a chosen node is not "
                        f"{decision.value})",
                        "checked-not-chosen",
                        status=raw,
                        decision=decision,
                    ),
                )
            else:
                state.status = decision
        by = entry.get("by")
        if by is not None:
            if not isinstance(by, str):
                raise self.fail(
                    where.value("by").line,
                    Message(
                        f"'by:' must be a name written as text, not {shown(by)}",
                        "by-not-text",
                        value=shown(by),
                    ),
                )
            state.by = by
        date = entry.get("date")
        if date is not None:
            try:
                state.date = parse_date(date)
            except ValueError as exc:
                raise self.fail(where.value("date").line, said(exc)) from None


def _is_label(value: Any) -> bool:
    """A path element or a name: text, or a number YAML read from unquoted digits."""
    return isinstance(value, str | int | float) and not isinstance(value, bool)


_LABEL_TYPES = frozenset((str, int, float))
_KNOWN_ENTRY_SET = frozenset(_KNOWN_ENTRY)


def _are_labels(values: list[Any]) -> bool:
    """Whether every value is a label (see :func:`_is_label`)."""
    return set(map(type, values)) <= _LABEL_TYPES or all(_is_label(v) for v in values)


def _read_view(project: Project, raw: Any, where: Where) -> None:
    """Fill ``project.view`` with the values of ``view:`` the window can use; keep the rest
    in ``project.view_extra`` (or, for a ``view:`` that is no mapping, in ``extra``), and
    warn about what is ignored."""
    if raw is None:
        return
    if not isinstance(raw, dict):
        project.warnings.append(
            (where.line, Message("'view:' must be a mapping; it is ignored", "view-not-mapping"))
        )
        project.extra["view"] = raw
        return
    for key, value in raw.items():
        check = _VIEW_CHECKS.get(key) if isinstance(key, str) else None
        if check is None:
            project.view_extra[key] = value
            continue
        read, expected = check
        clean = read(value)
        if clean is None:
            project.view_extra[key] = value
            project.warnings.append(
                (
                    where.value(key).line,
                    Message(
                        f"'{key}:' in 'view:' must be {expected}, not {shown(value)}; it is "
                        "ignored",
                        "view-value",
                        key=key,
                        expected=expected,
                        value=shown(value),
                    ),
                )
            )
        else:
            project.view[key] = clean


def _number(value: Any, low: float, high: float) -> float | int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value if low <= value <= high else None


def _center(value: Any) -> list[Any] | None:
    if not isinstance(value, list) or len(value) != 2:
        return None
    xy = [_number(v, -MAX_COORDINATE, MAX_COORDINATE) for v in value]
    return None if None in xy else xy


def _selected(value: Any) -> list[str] | None:
    if not isinstance(value, list) or not value or not all(_is_label(v) for v in value):
        return None
    return [str(v) for v in value]


_VIEW_CHECKS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "layout": (
        lambda v: v if v in LAYOUTS else None,
        Message("one of " + ", ".join(LAYOUTS), "view-one-of", names=", ".join(LAYOUTS)),
    ),
    "zoom": (
        lambda v: _number(v, *ZOOM_RANGE),
        Message(
            f"a number from {ZOOM_RANGE[0]:g} to {ZOOM_RANGE[1]:g}",
            "view-number",
            low=ZOOM_RANGE[0],
            high=ZOOM_RANGE[1],
        ),
    ),
    "center": (_center, Message("two numbers, [x, y]", "view-center")),
    "selected": (_selected, Message("a node's path, a list of labels", "view-selected")),
    "minimap": (
        lambda v: v if isinstance(v, bool) else None,
        Message("true or false", "view-true-or-false"),
    ),
}
"""What each known key of ``view:`` must hold: its reader (None for a value it cannot
use) and the words for what it expects."""


def dump_yaml(data: Any) -> str:
    """YAML for people, read back as the same data (see :func:`karar.core.yamlsafe.dump`)."""
    from karar.core import yamlsafe

    return yamlsafe.dump(data)


def load(path: str | Path) -> Project:
    """Read a project file.

    Raises:
        ProjectError: Missing, unreadable, not UTF-8, or not a valid project (with the line).
    """
    name = str(path)
    text = decode_utf8(
        read_bytes(path, ProjectError, PROJECT_FILE, limit=8 * 2**20), name, ProjectError
    )
    project = loads(text, path=name)
    project.path = Path(path)
    return project


def open_map(project: Project, *, strict: bool = False) -> MindMap:
    """Read the map a project names.

    Raises:
        ProjectError: The map file is missing or unreadable (named from the project file).
        MapError: The map file is there but is not a valid mindmap (names the map's line).
    """
    return read_project_map(project, strict=strict).map


def read_project_map(project: Project, *, strict: bool = False) -> Reading:
    """Read the map a project names, with what its reading warns about.

    Raises:
        ProjectError: The map file is missing or unreadable (named from the project file).
        MapError: The map file is there but is not a valid mindmap (names the map's line).
    """
    from karar.core.errors import MapError, MapSyntaxError
    from karar.core.sources import read_map

    location = project.map_location()
    try:
        return read_map(location, strict=strict)
    except MapSyntaxError:
        raise
    except MapError as exc:
        raise ProjectError(
            str(project.path) if project.path else "<project>",
            project.map_line,
            Message(
                f"the map {project.map_ref!r} ({location}): {exc.message}",
                "project-map",
                map=project.map_ref,
                location=str(location),
                reason=exc.message,
            ),
        ) from None


def is_project_file(path: str | Path) -> bool:
    """Whether a path names a project file (by its suffix)."""
    return str(path).lower().endswith(PROJECT_SUFFIX)
