"""Tallying several people's project files on one map (``karar merge``).

Each input is one participant's choices. The tally is a project file (CONTRACT.md) whose
entries carry ``votes`` (how many participants checked the node) and ``voters`` (who),
with each participant's notes kept under their name. A node counts as chosen in the tally
when more than half of the participants checked it. Inputs naming different maps are
refused.
"""

from __future__ import annotations

from pathlib import Path

from karar.core.model import NodePath
from karar.core.project import PROJECT_SUFFIX, NodeState, Project, ProjectError


def participant_name(project: Project) -> str:
    """Whose choices a project holds: its ``participant``, else its file name."""
    if project.participant:
        return project.participant
    if project.path is not None:
        return project.path.name.removesuffix(PROJECT_SUFFIX)
    return "anonymous"


def _map_identity(project: Project) -> str:
    location = project.map_location()
    return str(location) if isinstance(location, str) else str(Path(location).resolve())


def merge_projects(projects: list[Project], out: Path) -> Project:
    """The tally of ``projects`` as a project to be saved at ``out``.

    Raises:
        ProjectError: Fewer than two inputs, or inputs that name different maps.
    """
    if len(projects) < 2:
        raise ProjectError(str(out), None, "merging needs at least two project files")
    first = projects[0]
    expected = _map_identity(first)
    for other in projects[1:]:
        if _map_identity(other) != expected:
            raise ProjectError(
                str(other.path or "<project>"),
                other.map_line,
                f"names the map {other.map_ref!r}, not {first.map_ref!r} like "
                f"{first.path or 'the first project'}: only projects on one map can be merged",
            )
    names = _unique([participant_name(p) for p in projects])
    tally = Project(map_ref=first.map_ref, path=Path(out))
    tally.set_map(first.map_location())
    paths: list[NodePath] = []
    seen: set[NodePath] = set()
    for project in projects:
        for path in project.entries:
            if path not in seen:
                seen.add(path)
                paths.append(path)
    majority = len(projects) / 2
    for path in paths:
        voters = [n for n, p in zip(names, projects, strict=True) if p.state(path).checked]
        notes = [
            _signed(n, p.state(path).note)
            for n, p in zip(names, projects, strict=True)
            if p.state(path).note.strip()
        ]
        if not voters and not notes:
            continue
        tally.entries[path] = NodeState(
            checked=len(voters) > majority,
            note="\n\n".join(notes),
            votes=len(voters),
            voters=voters,
        )
    tally.extra["tally"] = {"participants": names, "files": len(projects)}
    return tally


def _signed(name: str, note: str) -> str:
    """A participant's note under their name (a one-liner stays on the name's line)."""
    return f"**{name}:** {note}" if "\n" not in note else f"**{name}:**\n\n{note}"


def _unique(names: list[str]) -> list[str]:
    """Names made distinct (``Ayşe``, ``Ayşe (2)``) so votes stay attributable."""
    out: list[str] = []
    for name in names:
        candidate, n = name, 1
        while candidate in out:
            n += 1
            candidate = f"{name} ({n})"
        out.append(candidate)
    return out
