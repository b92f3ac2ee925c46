"""Project files (``*.karar.yaml``): which map, and per node the check, note and fold.

The file is YAML a person can read and diff (CONTRACT.md): a format version, the map as a
path relative to the file (or ``builtin:NAME``), and one entry per node that carries
anything, named by its path of labels. Loading uses PyYAML's safe loader only; saving is
atomic. Keys Karar does not know are kept on save, and entries whose node is no longer in
the map are kept too (orphans), never dropped.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from karar.core.atomic import write_atomic
from karar.core.errors import LocatedError
from karar.core.model import MindMap, NodePath
from karar.core.sources import BUILTIN_PREFIX, Reading
from karar.core.textfile import decode_utf8, read_bytes

FORMAT_VERSION = 1
PROJECT_SUFFIX = ".karar.yaml"
_KNOWN_TOP = ("karar", "map", "participant", "view", "nodes")
_KNOWN_ENTRY = ("path", "checked", "note", "collapsed", "votes", "voters")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


class ProjectError(LocatedError):
    """A project file cannot be used (names the file and, where there is one, the line)."""


@dataclass(slots=True)
class NodeState:
    """What a project records about one node.

    Attributes:
        checked: The team chose this.
        note: Markdown notes ('' for none).
        collapsed: The branch is folded.
        votes: In a tally written by ``karar merge``: how many participants checked it.
        voters: Who checked it (tally only).
        extra: Keys of the entry Karar does not know, kept as they were.
        line: Where the entry stood in the file it was read from (not saved).
    """

    checked: bool = False
    note: str = ""
    collapsed: bool = False
    votes: int | None = None
    voters: list[str] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    line: int | None = field(default=None, compare=False)

    def is_empty(self) -> bool:
        """Nothing worth writing down."""
        return not (
            self.checked
            or self.note
            or self.collapsed
            or self.votes is not None
            or self.voters is not None
            or self.extra
        )


@dataclass(slots=True)
class Project:
    """A project: the map it names, per-node states by path, and whatever else the file had.

    Attributes:
        map_ref: The map as written in the file: a path relative to the project file's
            folder (forward slashes), an absolute path, or ``builtin:NAME``.
        entries: Node states by node path, in file order (new entries at the end).
        participant: Whose choices these are (optional).
        view: UI state to restore (layout, zoom, selection...), kept as plain data.
        extra: Top-level keys Karar does not know, kept as they were.
        path: Where the project lives (None until saved).
        map_line: The line of ``map:`` in the file it was read from (for messages).
    """

    map_ref: str
    entries: dict[NodePath, NodeState] = field(default_factory=dict)
    participant: str | None = None
    view: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    map_line: int | None = field(default=None, compare=False)

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
        data: dict[str, Any] = {"karar": FORMAT_VERSION, "map": self.map_ref}
        if self.participant:
            data["participant"] = self.participant
        if self.view:
            data["view"] = self.view
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
        except OSError as exc:
            raise ProjectError(
                str(self.path), None, f"cannot save: {exc.strerror or exc}"
            ) from None


def reattach_entry(entries: dict[NodePath, NodeState], old: NodePath, new: NodePath) -> None:
    """Move the entry at ``old`` to ``new`` in ``entries``, merging checks, folds, notes and
    unknown keys into an entry already there."""
    state = entries.pop(old)
    target = entries.get(new)
    if target is None:
        entries[new] = state
        return
    target.checked = target.checked or state.checked
    target.collapsed = target.collapsed or state.collapsed
    if state.note and state.note not in target.note:
        target.note = f"{target.note}\n\n{state.note}" if target.note else state.note
    for key, value in state.extra.items():
        target.extra.setdefault(key, value)


# --------------------------------------------------------------------------- YAML


class FlowList(list[Any]):
    """A list written on one line (``[a, b, c]``): node paths read best that way."""


def dump_yaml(data: Any) -> str:
    """YAML for people: block style, keys in the given order, Unicode as is, nested lists
    indented, paths on one line, multi-line strings as literal blocks (``|``) so notes diff
    line by line."""
    import yaml

    class _Dumper(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False)

    def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        style = "|" if "\n" in value and _literal_safe(value) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    def _flow(dumper: yaml.SafeDumper, value: FlowList) -> yaml.SequenceNode:
        return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)

    _Dumper.add_representer(str, _str)
    _Dumper.add_representer(FlowList, _flow)
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=10_000,  # never fold a path or a label over two lines
    )
    return text


def _literal_safe(value: str) -> bool:
    """PyYAML silently falls back from ``|`` for text with trailing spaces on a line or
    special characters; say so up front so the choice is ours, not a surprise."""
    return not any(line != line.rstrip(" \t") for line in value.split("\n")) and "\t" not in value


def _line_loader() -> type:
    """A safe loader that remembers the line of every mapping (under a private key)."""
    import yaml

    class _Loader(yaml.SafeLoader):
        def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
            mapping = super().construct_mapping(node, deep=deep)
            mapping[_LINE_KEY] = node.start_mark.line + 1
            return mapping

    return _Loader


_LINE_KEY = "\0line"


def _strip_lines(value: Any) -> Any:
    """Remove the private line keys from loaded data (iteratively: data may nest deep)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            item.pop(_LINE_KEY, None)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return value


def loads(text: str, *, path: str = "<project>") -> Project:
    """Parse a project file's text.

    Raises:
        ProjectError: Not YAML, not a Karar project, a newer format, or values of the wrong
            type; the message names the line.
    """
    import yaml

    try:
        data = yaml.load(text, Loader=_line_loader())  # a SafeLoader subclass: safe
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or "syntax error"
        raise ProjectError(path, line, f"not valid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise ProjectError(path, None, f"not valid YAML: {exc}") from None

    def fail(where: Any, message: str) -> ProjectError:
        line = where.get(_LINE_KEY) if isinstance(where, dict) else None
        return ProjectError(path, line, message)

    if not isinstance(data, dict) or "karar" not in data:
        raise fail(data, "not a Karar project: the file has no 'karar:' version key")
    version = data["karar"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise fail(data, f"'karar:' must be a format version number, not {version!r}")
    if version > FORMAT_VERSION:
        raise fail(
            data,
            f"written by a newer Karar (format {version}; this version reads up to "
            f"{FORMAT_VERSION}): update Karar to open it",
        )
    map_ref = data.get("map")
    if not isinstance(map_ref, str) or not map_ref.strip():
        raise fail(data, "'map:' must name the map file (a path, or builtin:django)")
    if _URL.match(map_ref) and not map_ref.startswith(BUILTIN_PREFIX):
        raise fail(data, f"'map:' must be a local file, not {map_ref!r}: Karar works offline")
    participant = data.get("participant")
    if participant is not None and not isinstance(participant, str | int | float):
        raise fail(data, "'participant:' must be a name")
    view = data.get("view") or {}
    if not isinstance(view, dict):
        raise fail(data, "'view:' must be a mapping")
    nodes = data.get("nodes") or []
    if not isinstance(nodes, list):
        raise fail(data, "'nodes:' must be a list of entries")

    project = Project(
        map_ref=map_ref.strip(),
        participant=str(participant) if participant is not None else None,
        view=_strip_lines(view),
        extra={
            k: _strip_lines(v) for k, v in data.items() if k not in _KNOWN_TOP and k != _LINE_KEY
        },
    )
    found = re.search(r"^map\s*:", text, re.MULTILINE)
    project.map_line = text.count("\n", 0, found.start()) + 1 if found else None
    for entry in nodes:
        node_path, state = _entry(entry, fail)
        if node_path in project.entries:
            raise fail(entry, f"a second entry for the node {' / '.join(node_path)}")
        project.entries[node_path] = state
    return project


def _entry(entry: Any, fail: Any) -> tuple[NodePath, NodeState]:
    if not isinstance(entry, dict):
        raise fail(entry, f"each entry under 'nodes:' must be a mapping, not {entry!r}")
    raw_path = entry.get("path")
    if (
        not isinstance(raw_path, list)
        or not raw_path
        or not all(isinstance(p, str | int | float) and not isinstance(p, bool) for p in raw_path)
    ):
        raise fail(entry, "'path:' must be a list of labels from the root down")
    extra = {k: v for k, v in entry.items() if k not in _KNOWN_ENTRY and k != _LINE_KEY}
    state = NodeState(extra=_strip_lines(extra), line=entry.get(_LINE_KEY))
    for key in ("checked", "collapsed"):
        value = entry.get(key, False)
        if not isinstance(value, bool):
            raise fail(entry, f"'{key}:' must be true or false, not {value!r}")
        setattr(state, key, value)
    note = entry.get("note", "")
    if note is None:
        note = ""
    if not isinstance(note, str):
        raise fail(entry, "'note:' must be text")
    state.note = note.rstrip("\n")
    votes = entry.get("votes")
    if votes is not None and (not isinstance(votes, int) or isinstance(votes, bool) or votes < 0):
        raise fail(entry, "'votes:' must be a whole number")
    state.votes = votes
    voters = entry.get("voters")
    if voters is not None:
        if not isinstance(voters, list):
            raise fail(entry, "'voters:' must be a list of names")
        voters = [str(v) for v in voters]
    state.voters = voters
    return tuple(str(p) for p in raw_path), state


def load(path: str | Path) -> Project:
    """Read a project file.

    Raises:
        ProjectError: Missing, unreadable, not UTF-8, or not a valid project (with the line).
    """
    name = str(path)
    text = decode_utf8(
        read_bytes(path, ProjectError, "project file", limit=8 * 2**20), name, ProjectError
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
            f"the map {project.map_ref!r} ({location}): {exc.message}",
        ) from None


def is_project_file(path: str | Path) -> bool:
    """Whether a path names a project file (by its suffix)."""
    return str(path).lower().endswith(PROJECT_SUFFIX)
