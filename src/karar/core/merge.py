"""Tallying several people's project files on one map (``karar merge``).

Each input is one participant's choices, or a tally written earlier (several rooms). The
tally is a project file (CONTRACT.md) whose entries carry ``votes`` (how many participants
chose the node) and ``voters`` (who), with each participant's notes kept under their name,
and whose top-level ``participants`` lists everyone merged (so "4 of 6" can be shown).

What counts, and why:

- A vote is a participant's *chosen* (``checked``). Their ``rejected`` and ``considering``
  are not votes, nor votes against: the tally counts who chose what. A note they wrote on
  such a node is kept, signed, with their stance after their name (``**Can:** *(rejected)*
  …``), so it is never lost nor read as support.
- The tally decides nothing: no ``checked``/``status`` comes from the votes, unless
  ``majority`` is asked for, which marks chosen what more than half of all participants
  chose (``by: majority``, dated), where the tally has no decision of its own.
- A tally given as an input adds its votes, voters and participants; its notes (already
  signed) are kept as they are, and so are the facilitator's own decisions (``checked``/
  ``status`` with ``by``/``date``) and folds: they survive re-merging. Its ``by: majority``
  choices are not kept but recounted (with ``majority`` only), over all participants.
  Two tallies deciding one node differently are refused rather than one silently winning.
- Refused, before anything is written: fewer than two inputs, inputs naming different
  maps, a participant in two inputs, an output that is one of the inputs (also through a
  link).

The tally is saved as any project is (:meth:`Project.save`).
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from karar.core.errors import Message
from karar.core.model import NodePath
from karar.core.project import PROJECT_SUFFIX, NodeState, Project, ProjectError
from karar.core.status import Decision

MAJORITY = "majority"
"""The ``by:`` of a node that ``majority`` marked chosen (recounted on every merge)."""


def participant_name(project: Project) -> str:
    """Whose choices a project holds: its ``participant``, else its file name."""
    if project.participant:
        return project.participant
    if project.path is not None:
        return project.path.name.removesuffix(PROJECT_SUFFIX)
    return "anonymous"


def is_tally(project: Project) -> bool:
    """Whether ``project`` was written by ``karar merge`` (it lists participants or counts
    votes) rather than by one participant."""
    return (
        project.participants is not None
        or isinstance(project.extra.get("tally"), dict)  # written before ``participants:``
        or any(s.votes is not None or s.voters is not None for s in project.entries.values())
    )


def participants_of(project: Project) -> list[str]:
    """Everyone whose choices ``project`` holds: one participant, or a tally's list (for
    a tally older than ``participants:``, its old ``tally:`` list, else everyone who voted)."""
    if not is_tally(project):
        return [participant_name(project)]
    if project.participants is not None:
        return list(project.participants)
    old = project.extra.get("tally")
    if isinstance(old, dict) and isinstance(old.get("participants"), list):
        return [str(name) for name in old["participants"]]
    names: list[str] = []
    for state in project.entries.values():
        for name in state.voters or ():
            if name not in names:
                names.append(name)
    return names


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a merge cannot be written.

    Attributes:
        index: The input it is about (None: the merge as a whole).
        error: The one-line error, naming the file and, where there is one, the line.
        code: Which refusal, for a user interface to word in its language:
            ``too-few``, ``output-is-input`` (``name``), ``other-map`` (``map``,
            ``expected``, ``first``), ``participant-twice`` (``person``, ``other``).
        params: The names the refusal's text holds, by the keys above.
    """

    index: int | None
    error: ProjectError
    code: str = ""
    params: dict[str, str] = field(default_factory=dict)


def refusals(projects: list[Project], out: Path | None) -> list[Refusal]:
    """Everything that stops ``projects`` from being merged into ``out`` (None: no output
    chosen yet), in input order; empty when the merge can be written."""
    found: list[Refusal] = []
    if len(projects) < 2:
        where = str(out) if out is not None else "<tally>"
        found.append(
            Refusal(None, ProjectError(where, None, "merging needs at least two files"), "too-few")
        )
    if not projects:
        return found
    first = projects[0]
    expected = _map_identity(first)
    owners: dict[str, int] = {}
    for index, project in enumerate(projects):
        name = _file(project)
        if out is not None and project.path is not None and _same_file(project.path, out):
            found.append(
                Refusal(
                    index,
                    ProjectError(
                        str(out),
                        None,
                        f"the output is the input {name}: write the tally to a new file",
                    ),
                    "output-is-input",
                    {"name": name},
                )
            )
        if index and _map_identity(project) != expected:
            found.append(
                Refusal(
                    index,
                    ProjectError(
                        name,
                        project.map_line,
                        f"names the map {project.map_ref!r}, not {first.map_ref!r} like "
                        f"{_file(first)}: only projects on one map can be merged",
                    ),
                    "other-map",
                    {"map": project.map_ref, "expected": first.map_ref, "first": _file(first)},
                )
            )
        for person in participants_of(project):
            key = person.casefold()
            if key in owners and owners[key] != index:
                other = _file(projects[owners[key]])
                found.append(
                    Refusal(
                        index,
                        ProjectError(
                            name,
                            None,
                            f"the participant {person!r} is already in {other}: "
                            "each person's choices can be counted once",
                        ),
                        "participant-twice",
                        {"person": person, "other": other},
                    )
                )
                break
            owners.setdefault(key, index)
    return found


@dataclass(slots=True)
class _Count:
    """What the tally gathers for one node."""

    votes: int = 0
    voters: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    decided: NodeState | None = None  # a tally input's own decision, and where it came from
    decided_in: str = ""
    collapsed: bool = False
    extra: dict[object, object] = field(default_factory=dict)


def merge_projects(
    projects: list[Project],
    out: Path,
    *,
    majority: bool = False,
    today: _dt.date | None = None,
) -> Project:
    """The tally of ``projects`` as a project to be saved at ``out`` (see the module).

    Args:
        majority: Mark chosen what more than half of the participants chose.
        today: The date of those choices (default: today).

    Raises:
        ProjectError: The first of :func:`refusals`, or two tallies deciding one node
            differently.
    """
    found = refusals(projects, out)
    if found:
        raise found[0].error
    names: list[str] = []
    counts: dict[NodePath, _Count] = {}
    for project in projects:
        if is_tally(project):
            _add_tally(project, counts)
        else:
            _add_participant(project, participant_name(project), counts)
        names.extend(participants_of(project))
    tally = Project(map_ref=projects[0].map_ref, path=Path(out), participants=names)
    tally.set_map(projects[0].map_location())
    when = today or _dt.date.today()
    for path, count in counts.items():
        state = NodeState(
            note="\n\n".join(count.notes),
            votes=count.votes,
            voters=count.voters,
            collapsed=count.collapsed,
            extra=dict(count.extra),
        )
        if count.decided is not None:
            own = count.decided
            state.checked, state.status, state.by = own.checked, own.status, own.by
            state.date = _fresh(own.date)
        elif majority and count.votes * 2 > len(names):
            state.checked, state.by, state.date = True, MAJORITY, _fresh(when)
        tally.entries[path] = state
    return tally


def _add_participant(project: Project, name: str, counts: dict[NodePath, _Count]) -> None:
    for path, state in project.entries.items():
        note = state.note.strip()
        if not state.checked and not note:
            continue
        count = counts.get(path)
        if count is None:
            count = counts[path] = _Count()
        if state.checked:
            count.votes += 1
            count.voters.append(name)
        if note:
            count.notes.append(_signed(name, state.note, state.status))


def _add_tally(project: Project, counts: dict[NodePath, _Count]) -> None:
    legacy = project.participants is None and "tally" in project.extra
    for path, state in project.entries.items():
        own = state.decision is not None and not (
            state.by == MAJORITY or (legacy and state.checked and state.by is None)
        )
        voters = state.voters or []
        votes = state.votes if state.votes is not None else len(voters)
        if not (votes or voters or state.note.strip() or own or state.collapsed or state.extra):
            continue
        count = counts.get(path)
        if count is None:
            count = counts[path] = _Count()
        count.votes += votes
        count.voters.extend(voters)
        if state.note.strip():
            count.notes.append(state.note)
        count.collapsed = count.collapsed or state.collapsed
        for key, value in state.extra.items():
            count.extra.setdefault(key, value)
        if not own:
            continue
        if count.decided is not None and count.decided.decision != state.decision:
            node = " / ".join(path)
            ours, theirs = _decision_text(state), _decision_text(count.decided)
            raise ProjectError(
                _file(project),
                state.line,
                Message(
                    f"decides {node} as {ours}, but {count.decided_in} decided it as "
                    f"{theirs}: settle it in one of the tallies first",
                    "tallies-differ",
                    node=node,
                    decision=ours,
                    other=count.decided_in,
                    other_decision=theirs,
                ),
            )
        if count.decided is None:
            count.decided, count.decided_in = state, _file(project)


def _fresh(day: _dt.date | None) -> _dt.date | None:
    """A date object of its own: PyYAML writes one object met twice as an anchor and
    aliases (``&id001`` … ``*id001``), which no one wants to read in a tally."""
    return None if day is None else _dt.date(day.year, day.month, day.day)


_UNDECIDED = Message("undecided", "undecided")


def _decision_text(state: NodeState) -> str:
    """The node's state as the conflict names it: the :class:`Decision` itself (a string
    enum: its value), or "undecided"."""
    decision = state.decision
    return decision if decision is not None else _UNDECIDED


def _signed(name: str, note: str, status: Decision | None) -> str:
    """A participant's note under their name (a one-liner stays on the name's line), with
    their stance where it was not a choice."""
    head = f"**{name}:**" if status is None else f"**{name}:** *({status.value})*"
    note = note.strip("\n")
    return f"{head} {note}" if "\n" not in note else f"{head}\n\n{note}"


def _file(project: Project) -> str:
    return str(project.path) if project.path is not None else "<project>"


def _map_identity(project: Project) -> str:
    location = project.map_location()
    return str(location) if isinstance(location, str) else str(Path(location).resolve())


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: the same path once links are followed, or (both
    existing) one file under two names (a hard link)."""
    if Path(a).resolve() == Path(b).resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
