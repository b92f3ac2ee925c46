"""What changed in the decisions between two project files (``karar diff``).

Owns comparing two :class:`~karar.core.project.Project` s (an older and a newer workshop on
one map) entry by entry: decision states (``considering → chosen``), notes added, changed
(with their changed lines) or removed, who and when, entries that became orphans, other
keys; and writing the result for a terminal (:func:`render_text`) or a wiki page
(:func:`render_markdown`). Changes are grouped by first-level branch, the root's own
entries first, and listed in map order. Folding is view state, never a change.

One pass over the entries, dictionary look-ups only: two projects of 10,000 entries each
compare in milliseconds; reading them is what costs.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from karar.core.errors import KararError, one_line
from karar.core.labels import escape_markdown, label_markdown, plain_text
from karar.core.model import MindMap, Node, NodePath
from karar.core.status import Decision

if TYPE_CHECKING:
    from karar.core.project import NodeState, Project

__all__ = [
    "NodeChange",
    "ProjectDiff",
    "diff_projects",
    "note_lines",
    "read_maps",
    "render_markdown",
    "render_text",
]

UNDECIDED = "undecided"
_MISSING = object()


@dataclass(slots=True)
class NodeChange:
    """What changed about one node (one entry path).

    Attributes:
        path: The entry's path (as in project files).
        state: (old, new) decision where it changed (None is undecided).
        note: (old, new) note text where it changed ('' is no note).
        by: (old, new) who decided, where it changed.
        date: (old, new) when, where it changed.
        decided: Who decided and when, as the new entry records it (where the state
            changed: a state change stamps both, so they are shown with it).
        orphan: The entry names no node of the new map and was no orphan before.
        other: Other keys whose values changed (``votes``, ``voters``, unknown keys).
    """

    path: NodePath
    state: tuple[Decision | None, Decision | None] | None = None
    note: tuple[str, str] | None = None
    by: tuple[str | None, str | None] | None = None
    date: tuple[_dt.date | None, _dt.date | None] | None = None
    decided: tuple[str | None, _dt.date | None] = (None, None)
    orphan: bool = False
    other: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.state or self.note or self.by or self.date or self.orphan or self.other)


@dataclass(slots=True)
class Label:
    """A node's name as shown: plain text for a terminal, Markdown for a wiki page."""

    text: str
    markdown: str


@dataclass(slots=True)
class Group:
    """The changes under one first-level branch (``path`` has one element for the root's
    own entries and one-element paths, two for a branch)."""

    path: NodePath
    title: Label
    changes: list[NodeChange] = field(default_factory=list)


@dataclass(slots=True)
class ProjectDiff:
    """Everything that changed between two projects.

    Attributes:
        groups: The changes by first-level branch, the root's group first, then in map
            order (the new map's where known, else file order).
        project: (what, old, new) of the project's own keys that changed (``map``,
            ``participant``).
        labels: How each changed node is named: its last path element, or its path below
            the root where two changed nodes share a label.
        orphans_checked: Whether orphans were looked for (both maps could be read).
    """

    groups: list[Group]
    project: list[tuple[str, str, str]]
    labels: dict[NodePath, Label]
    orphans_checked: bool = True

    @property
    def changes(self) -> Iterable[NodeChange]:
        """Every node change, in the order shown."""
        for group in self.groups:
            yield from group.changes

    def counts(self) -> dict[str, int]:
        """How many of each kind: a who/when change counts only where the state did not
        change (a state change stamps who and when)."""
        out = dict.fromkeys(_COUNTED, 0)
        for c in self.changes:
            if c.state:
                out["state"] += 1
            if c.note:
                out[_note_kind(*c.note)] += 1
            if (c.by or c.date) and not c.state:
                out["record"] += 1
            if c.orphan:
                out["orphan"] += 1
            if c.other:
                out["other"] += 1
        return out

    def summary(self) -> str:
        """``3 state changes, 2 notes changed, 1 new orphan`` (empty when nothing changed)."""
        parts = []
        for kind, n in self.counts().items():
            if n:
                one, many = _COUNTED[kind]
                parts.append(f"{n} {one if n == 1 else many}")
        return ", ".join(parts)


_COUNTED = {
    "state": ("state change", "state changes"),
    "added": ("note added", "notes added"),
    "changed": ("note changed", "notes changed"),
    "removed": ("note removed", "notes removed"),
    "record": ("who/when change", "who/when changes"),
    "orphan": ("new orphan", "new orphans"),
    "other": ("other change", "other changes"),
}


def _note_kind(old: str, new: str) -> str:
    return "added" if not old else "removed" if not new else "changed"


# --------------------------------------------------------------------------- comparing


def _entry_change(path: NodePath, old: NodeState | None, new: NodeState | None) -> NodeChange:
    change = NodeChange(path)
    od = old.decision if old is not None else None
    nd = new.decision if new is not None else None
    if od != nd:
        change.state = (od, nd)
        if new is not None:
            change.decided = (new.by, new.date)
    o_note = old.note if old is not None else ""
    n_note = new.note if new is not None else ""
    if o_note != n_note:
        change.note = (o_note, n_note)
    o_by = old.by if old is not None else None
    n_by = new.by if new is not None else None
    if o_by != n_by:
        change.by = (o_by, n_by)
    o_date = old.date if old is not None else None
    n_date = new.date if new is not None else None
    if o_date != n_date:
        change.date = (o_date, n_date)
    change.other = _other_keys(old, new)
    return change


def _other_keys(old: NodeState | None, new: NodeState | None) -> tuple[str, ...]:
    o_extra: dict[Any, Any] = old.extra if old is not None else {}
    n_extra: dict[Any, Any] = new.extra if new is not None else {}
    keys = []
    for name in ("votes", "voters"):
        if getattr(old, name, None) != getattr(new, name, None):
            keys.append(name)
    if o_extra or n_extra:
        for key in dict.fromkeys([*o_extra, *n_extra]):
            if o_extra.get(key, _MISSING) != n_extra.get(key, _MISSING):
                keys.append(str(key))
    return tuple(keys)


def _nodes_by_path(mind_map: MindMap | None) -> dict[NodePath, Node]:
    """Every node by its path, in map order (pre-order)."""
    if mind_map is None:
        return {}
    paths = mind_map.paths()
    return {paths[node]: node for node in mind_map}


def diff_projects(
    old: Project | None,
    new: Project | None,
    *,
    old_map: MindMap | None = None,
    new_map: MindMap | None = None,
    find_orphans: bool = True,
) -> ProjectDiff:
    """What changed from ``old`` to ``new``.

    Args:
        old: The earlier project (None: there was none, e.g. a file git adds).
        new: The later project (None: there is none any more, a file git deletes).
        old_map: The map ``old`` names (None where it could not be read; the very
            ``new_map`` object where both name one map, which is then indexed once).
        new_map: The map ``new`` names, whose order the changes follow.
        find_orphans: Look for entries that became orphans. Left out where a present
            project's map is None (a missing project has no orphans).
    """
    old_entries = old.entries if old is not None else {}
    new_entries = new.entries if new is not None else {}
    new_nodes = _nodes_by_path(new_map)
    old_nodes = new_nodes if old_map is new_map else _nodes_by_path(old_map)
    if new is not None and new_map is None:
        find_orphans = False
    if new is not None and old is not None and old_map is None:
        find_orphans = False

    changes: list[NodeChange] = []
    for path in dict.fromkeys([*new_entries, *old_entries]):
        o, n = old_entries.get(path), new_entries.get(path)
        change = _entry_change(path, o, n)
        if find_orphans and n is not None and path not in new_nodes:
            change.orphan = o is None or path in old_nodes
        if change:
            changes.append(change)

    order = {path: i for i, path in enumerate(new_nodes)}
    if not order:
        order = {path: i for i, path in enumerate(old_nodes)}
    groups = _grouped(changes, order, new_nodes, old_nodes)
    labels = _labels(changes, new_nodes, old_nodes)
    return ProjectDiff(groups, _project_changes(old, new), labels, find_orphans)


def _grouped(
    changes: list[NodeChange],
    order: dict[NodePath, int],
    new_nodes: dict[NodePath, Node],
    old_nodes: dict[NodePath, Node],
) -> list[Group]:
    """Changes by first-level branch; within one, known nodes in map order, then the rest
    in file order (``changes`` comes in file order). A branch the map lacks follows the
    known ones, in the order of its first entry in the files."""
    by_key: dict[str | None, list[tuple[tuple[int, int], NodeChange]]] = {}
    for position, change in enumerate(changes):
        path = change.path
        key = path[1] if len(path) > 1 else None
        known = order.get(path)
        by_key.setdefault(key, []).append(
            ((0, known) if known is not None else (1, position), change)
        )
    groups: list[tuple[tuple[int, int], Group]] = []
    for key, ranked in by_key.items():
        ranked.sort(key=lambda r: r[0])
        first = ranked[0][1].path
        group_path = first[:1] if key is None else first[:2]
        if key is None:
            rank: tuple[int, int] = (-1, 0)
        else:
            index = order.get(group_path)
            rank = (0, index) if index is not None else (1, min(r[0][1] for r in ranked))
        title = _element_label(group_path, new_nodes, old_nodes)
        groups.append((rank, Group(group_path, title, [c for _, c in ranked])))
    groups.sort(key=lambda g: g[0])
    return [g for _, g in groups]


def _element_label(
    path: NodePath, new_nodes: dict[NodePath, Node], old_nodes: dict[NodePath, Node]
) -> Label:
    """The last element of ``path`` as drawn (a node's label without markup, plus its
    ``#2`` where it has one), or as written where neither map has the node."""
    element = path[-1]
    node = new_nodes.get(path) or old_nodes.get(path)
    if node is None:
        return Label(element, escape_markdown(element))
    suffix = element[len(node.label) :] if element.startswith(node.label) else ""
    return Label(
        plain_text(node.label, node.markdown) + suffix,
        label_markdown(node.label, node.markdown) + escape_markdown(suffix),
    )


def _labels(
    changes: list[NodeChange], new_nodes: dict[NodePath, Node], old_nodes: dict[NodePath, Node]
) -> dict[NodePath, Label]:
    """Each changed node's name: its last element, or where two changed nodes would show
    the same one, its path below the root (the root's label is long and the same for all)."""
    own = {c.path: _element_label(c.path, new_nodes, old_nodes) for c in changes}
    seen: dict[str, int] = {}
    for label in own.values():
        seen[label.text] = seen.get(label.text, 0) + 1
    for path, label in own.items():
        if seen[label.text] > 1 and len(path) > 2:
            parts = [_element_label(path[:i], new_nodes, old_nodes) for i in range(2, len(path))]
            own[path] = Label(
                " / ".join([*(p.text for p in parts), label.text]),
                " / ".join([*(p.markdown for p in parts), label.markdown]),
            )
    return own


def _project_changes(old: Project | None, new: Project | None) -> list[tuple[str, str, str]]:
    if old is None or new is None:
        return []
    out = []
    if old.map_ref != new.map_ref:
        out.append(("map", old.map_ref, new.map_ref))
    if (old.participant or "") != (new.participant or ""):
        out.append(("participant", old.participant or "", new.participant or ""))
    return out


def note_lines(old: str, new: str) -> list[str]:
    """The lines that differ between two notes, unified-diff style: ``-`` for a line taken
    out, ``+`` for one put in, no context lines and no headers."""
    a = old.split("\n") if old else []
    b = new.split("\n") if new else []
    if not a or not b:
        return [f"-{line}" for line in a] + [f"+{line}" for line in b]
    from difflib import SequenceMatcher  # lazy: only where a note changed

    out: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            out.extend(f"-{line}" for line in a[i1:i2])
            out.extend(f"+{line}" for line in b[j1:j2])
    return out


# --------------------------------------------------------------------------- the maps


def read_maps(
    old: Project | None, new: Project | None
) -> tuple[MindMap | None, MindMap | None, list[str]]:
    """The maps two projects name, each read once (where both name one map, the same object
    is returned twice), and one message per map that cannot be read.

    Returns:
        (old map, new map, problems): a map that cannot be read is None and its problem
        says so; orphans are then left out (see :func:`diff_projects`).
    """
    from karar.core.sources import load_map

    problems: list[str] = []

    def read(project: Project) -> MindMap | None:
        try:
            return load_map(project.map_location())
        except KararError as exc:
            where = project.path if project.path is not None else "<project>"
            problems.append(
                one_line(f"{where}: the map {project.map_ref!r} cannot be read ({exc}): ")
                + "entries that became orphans are not shown"
            )
            return None

    new_map = read(new) if new is not None else None
    if old is None:
        return None, new_map, problems
    if new is not None and _same_place(old, new):
        return new_map, new_map, problems
    return read(old), new_map, problems


def _same_place(a: Project, b: Project) -> bool:
    la, lb = a.map_location(), b.map_location()
    if isinstance(la, str) or isinstance(lb, str):
        return la == lb
    try:
        return Path(la).resolve() == Path(lb).resolve()
    except OSError:
        return False


# --------------------------------------------------------------------------- writing


def _shown_state(decision: Decision | None) -> str:
    return decision.value if decision is not None else UNDECIDED


def _shown_value(value: object) -> str:
    if value is None or value == "":
        return "(none)"
    return value.isoformat() if isinstance(value, _dt.date) else str(value)


def _pair(old: object, new: object) -> str:
    """``Ayşe → Can``; just the value where there was none before."""
    if old is None or old == "":
        return _shown_value(new)
    return f"{_shown_value(old)} → {_shown_value(new)}"


@dataclass(slots=True)
class _Line:
    """One thing said about a node (``considering → chosen``), with a note's changed lines."""

    what: str
    note: list[str] = field(default_factory=list)
    headline: bool = True  # may open the node's entry, as ``WHAT: LABEL``


@dataclass(slots=True)
class _Said:
    """What to write about one node: its lines, the most telling first, and after the
    headline's label who decided and when (``— by Can, 2026-11-30``)."""

    lines: list[_Line]
    stamp: str


def _said(change: NodeChange, esc: Any) -> _Said:
    lines = []
    stamp = ""
    if change.state:
        old, new = change.state
        lines.append(_Line(f"{_shown_state(old)} → {_shown_state(new)}"))
        by, date = change.decided
        words = [f"by {esc(by)}"] if by else []
        if date is not None:
            words.append(date.isoformat())
        stamp = f" — {', '.join(words)}" if words else ""
    if change.orphan:
        lines.append(_Line("became an orphan"))
    if change.note:
        lines.append(_Line(f"note {_note_kind(*change.note)}", note_lines(*change.note)))
    if not change.state:  # else who and when are the stamp of the new state
        if change.by:
            lines.append(_Line(f"by: {esc(_pair(*change.by))}", headline=False))
        if change.date:
            lines.append(_Line(f"date: {_pair(*change.date)}", headline=False))
    if change.other:
        keys = ", ".join(esc(str(k)) for k in change.other)
        lines.append(_Line(f"other keys changed: {keys}", headline=False))
    return _Said(lines, stamp)


def render_text(result: ProjectDiff, old_name: str, new_name: str) -> str:
    """The diff for a terminal: ``OLD → NEW``, then per branch a heading and indented
    lines, then a summary line (or ``no differences in decisions``)."""
    out = [one_line(f"{old_name} → {new_name}")]
    out += [one_line(f"{what}: {_pair(old, new)}") for what, old, new in result.project]
    for group in result.groups:
        out += ["", one_line(group.title.text)]
        for change in group.changes:
            label = one_line(result.labels[change.path].text)
            said = _said(change, one_line)
            lines = said.lines
            if lines[0].headline:
                out.append(f"  {lines[0].what}: {label}{said.stamp}")
                out.extend(f"      {one_line(line)}" for line in lines[0].note)
                lines = lines[1:]
            else:
                out.append(f"  {label}")
            for line in lines:
                out.append(f"    {line.what}:" if line.note else f"    {line.what}")
                out.extend(f"      {one_line(note)}" for note in line.note)
    out.append("")
    out.append(result.summary() or "no differences in decisions")
    return "\n".join(out) + "\n"


def _fence(lines: list[str]) -> str:
    """A code fence longer than any run of backticks in ``lines`` (a note may hold one)."""
    longest = 2
    for line in lines:
        run = 0
        for ch in line:
            run = run + 1 if ch == "`" else 0
            longest = max(longest, run)
    return "`" * (longest + 1)


def render_markdown(result: ProjectDiff, old_name: str, new_name: str) -> str:
    """The diff as a wiki page: a title, the summary, then per branch a ``##`` heading and
    a list; a note's changed lines follow its node in a ```` ```diff ```` block (at the top
    level, which Python-Markdown and GitHub both render; inside a list item only GitHub
    does)."""
    title = f"{escape_markdown(old_name)} → {escape_markdown(new_name)}"
    out = [f"# Decisions changed: {title}", ""]
    summary = result.summary()
    out += [f"_{summary}._" if summary else "_No differences in decisions._", ""]
    if result.project:
        for what, old, new in result.project:
            out.append(f"- {what}: {escape_markdown(_pair(old, new))}")
        out.append("")
    for group in result.groups:
        out += [f"## {group.title.markdown}", ""]
        for change in group.changes:
            label = result.labels[change.path].markdown
            said = _said(change, escape_markdown)
            lines = said.lines
            if lines[0].headline:
                out.append(f"- {lines[0].what}: {label}{said.stamp}")
                lines = lines[1:]
            else:
                out.append(f"- {label}")
            out.extend(
                f"    - {line.what}:" if line.note else f"    - {line.what}" for line in lines
            )
            notes = [note for line in said.lines for note in line.note]
            if notes:
                fence = _fence(notes)
                out += ["", f"{fence}diff", *notes, fence, ""]
        if out[-1]:
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
