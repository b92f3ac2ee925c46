"""Decision records: one MADR 4.0 Markdown file per question of a map, and the folder of them.

A *question* is a node with at least one decided child (chosen, rejected or considering);
its children are the considered options. Each record is named ``NNNN-slug.md`` (the slug
from the question's label, :func:`karar.core.slug.slugify`) and holds MADR's front matter
(``status``, ``date``, ``decision-makers``) and sections (Context and Problem Statement,
Considered Options, Decision Outcome, Pros and Cons of the Options).

Karar marks each file it writes with an HTML comment right after the front matter::

    <!-- karar-question: ["Django Ekosistemi - ...", "3. Veri Katmanı", "Relational DB"] -->

holding the question's project path as JSON (``>`` escaped, so no label can end the
comment). The comment is invisible on GitHub and in other Markdown viewers. It is how a
later export recognises its own files: a question keeps the number of its file, a file
whose question is no longer decided is removed, a file whose question's label changed is
renamed (the number stays), and a file without the marker is never written over.

Writing a folder is planned first (:func:`plan_records`), then done (:func:`write_records`),
so that a refusal writes nothing at all.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from karar.core.errors import LocatedError
from karar.core.labels import escape_markdown, label_markdown, plain_text
from karar.core.model import MindMap, Node, NodePath
from karar.core.project import NodeState
from karar.core.report import plain_item
from karar.core.slug import slugify
from karar.core.status import Decision

__all__ = [
    "MARKER",
    "Record",
    "RecordsError",
    "RecordsPlan",
    "export_records",
    "plan_records",
    "questions",
    "record_file_name",
    "record_text",
    "write_records",
]

MARKER = "karar-question"
"""The name in the HTML comment that marks a file Karar wrote (see the module docstring)."""

RECORD_LIMIT = 4 * 2**20
"""A numbered file larger than this is not read (it is not one of Karar's records)."""

_NUMBERED = re.compile(r"^(\d+)-[^/]*\.md$")
_MARKER_LINE = re.compile(r"^<!-- " + MARKER + r": (\[.*\]) -->$")
_FRONT_DATE = re.compile(r"^date: (\d{4}-\d{2}-\d{2})$")
# How far into a file the marker may stand: the front matter lists a few names at most.
_MARKER_SEARCH_LINES = 200

_STATUS_ACCEPTED = "accepted"
_STATUS_PROPOSED = "proposed"
_STATUS_REJECTED = "rejected"

# English words a sentence may start with that stay right in lower case after "because":
# the first word of a reason is lowered only if it is one of these (a name such as
# "Django" or a note in another language keeps its capital).
_LOWER_STARTS = frozenset(
    {
        *("a", "all", "an", "as", "both", "each", "every", "few", "for", "in", "it", "its"),
        *("many", "most", "no", "none", "nothing", "on", "one", "only", "our", "since"),
        *("some", "that", "the", "their", "there", "these", "they", "this", "those", "we"),
        "with",
    }
)
# A note whose first line starts one of these is not a sentence to put after "because".
_BLOCK_LINE = re.compile(r"^(?: {4}|\t| {0,3}(?:[-+*>#|<]|\d{1,9}[.)](?:\s|$)|```|~~~))")
_ATX = re.compile(r"^( {0,3})(#{1,6})(?=\s|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_YAML_PLAIN = re.compile(r"^[^\W\d_][\w .'-]*$")
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


class RecordsError(LocatedError):
    """Decision records cannot be written: a file in the way, a folder that is a file, a
    write that failed (names the file).

    Attributes:
        code: What failed, for a user interface to word in its language: ``foreign`` (a
            file Karar did not write is in the way), ``not-folder``, ``read-folder``,
            ``create-folder``, ``write``, ``remove``; "" when not known.
        reason: The system's reason, where there is one ("" otherwise).
    """

    def __init__(self, path: str, message: str, code: str = "", reason: str = "") -> None:
        super().__init__(path, None, message)
        self.code = code
        self.reason = reason


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Record:
    """One decision record, as it is to be written.

    Attributes:
        number: Its number (the ``NNNN`` of its file name).
        name: Its file name, ``NNNN-slug.md``.
        path: The question's project path (what the marker says).
        status: ``accepted``, ``proposed`` or ``rejected``.
        text: The whole file.
    """

    number: int
    name: str
    path: NodePath
    status: str
    text: str


def questions(mind_map: MindMap, entries: Mapping[Node, NodeState]) -> list[Node]:
    """The map's questions in map order: the nodes with at least one decided child."""
    if mind_map.root is None:
        return []
    return [
        node
        for node in mind_map.root.walk()
        if any(_decision(entries, child) is not None for child in node.children)
    ]


def record_file_name(number: int, question: Node) -> str:
    """``NNNN-slug.md`` for a question: its number, four digits at least, and its label's
    slug ("question" for a label that leaves none)."""
    return f"{number:04d}-{slugify(plain_text(question.label, question.markdown))}.md"


def record_text(
    question: Node,
    path: NodePath,
    entries: Mapping[Node, NodeState],
    *,
    today: _dt.date | None = None,
) -> str:
    """The MADR 4.0 record of one question.

    Args:
        question: The question (a node with at least one decided child).
        path: Its project path (written into the marker).
        entries: What the project records per node.
        today: The ``date`` when no decided option records one (default: today).
    """
    options = question.children
    decided = [(c, entries[c]) for c in options if _decision(entries, c) is not None]
    by_state: dict[Decision, list[Node]] = {d: [] for d in Decision}
    for child, decided_state in decided:
        by_state[decided_state.decision].append(child)  # type: ignore[index]
    dates = [st.date for _, st in decided if st.date is not None]
    date = max(dates) if dates else (today or _dt.date.today())
    makers = list(dict.fromkeys(st.by for _, st in decided if st.by))

    out = ["---", f"status: {_status(by_state)}", f"date: {date.isoformat()}"]
    if makers:
        out.append("decision-makers:")
        out += [f"  - {_yaml_text(name)}" for name in makers]
    out += [
        "---",
        f"<!-- {MARKER}: {_marker_json(path)} -->",
        "<!-- Written by Karar from a project's decisions: change them in Karar and export "
        "again, edits made here are replaced. -->",
        "",
        f"# {_label(question)}",
        "",
        "## Context and Problem Statement",
        "",
        f'Which of the options under "{_label(question)}" do we take?',
        "",
        "Where it sits in the decision map: "
        + " › ".join(_label(n) for n in [*reversed(list(question.ancestors())), question]),
        "",
    ]
    own = entries.get(question)
    if own is not None and own.note.strip():
        out += [_demoted(own.note, 3), ""]
    out += ["## Considered Options", ""]
    out += [f"* {plain_item(_label(child))}" for child in options]
    out += ["", "## Decision Outcome", ""]
    out += _outcome(by_state, entries)
    out += ["## Pros and Cons of the Options", ""]
    for child in options:
        state = entries.get(child)
        if state is None or (state.decision is None and not state.note.strip()):
            continue
        out += [f"### {_label(child)}", ""]
        if state.decision is not None:
            out += [_state_line(state), ""]
        if state.note.strip():
            out += [_demoted(state.note, 4), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _decision(entries: Mapping[Node, NodeState], node: Node) -> Decision | None:
    state = entries.get(node)
    return None if state is None else state.decision


def _status(by_state: Mapping[Decision, list[Node]]) -> str:
    if by_state[Decision.CHOSEN]:
        return _STATUS_ACCEPTED
    if by_state[Decision.CONSIDERING]:
        return _STATUS_PROPOSED
    return _STATUS_REJECTED


def _label(node: Node) -> str:
    return label_markdown(node.label, node.markdown)


def _quoted(nodes: list[Node]) -> str:
    """``"A"``, ``"A" and "B"``, ``"A", "B" and "C"``."""
    names = [f'"{_label(n)}"' for n in nodes]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _outcome(
    by_state: Mapping[Decision, list[Node]], entries: Mapping[Node, NodeState]
) -> list[str]:
    chosen = by_state[Decision.CHOSEN]
    rejected = by_state[Decision.REJECTED]
    considering = by_state[Decision.CONSIDERING]
    out: list[str] = []
    for node in chosen:
        out += [_chosen_sentence(node, entries[node]), ""]
    if chosen:
        if considering:
            out += [f"Still under consideration: {_quoted(considering)}.", ""]
        if rejected:
            out += [f"Rejected: {_quoted(rejected)}.", ""]
    elif considering:
        out += [f"No option has been chosen yet. Under consideration: {_quoted(considering)}.", ""]
        if rejected:
            out += [f"Rejected so far: {_quoted(rejected)}.", ""]
    else:
        were = "was" if len(rejected) == 1 else "were"
        out += [f"No option was chosen: {_quoted(rejected)} {were} rejected.", ""]
    return out


def _chosen_sentence(node: Node, state: NodeState) -> str:
    """MADR's ``Chosen option: "X", because ...`` with the first paragraph of the note."""
    head = f'Chosen option: "{_label(node)}"'
    note = state.note.strip("\n")
    if not note.strip():
        return f"{head}; no reason was recorded."
    first: list[str] = []
    for line in note.split("\n"):
        if not line.strip():
            if first:
                break
            continue
        first.append(line)
    if _BLOCK_LINE.match(first[0]):
        return f'{head}; its reasons are under "Pros and Cons of the Options" below.'
    reason = " ".join(line.strip().rstrip("\\").strip() for line in first)
    word, _, rest = reason.partition(" ")
    if word.lower() == "because" and rest:
        reason = rest
        word, _, rest = reason.partition(" ")
    if (
        word.lower() in _LOWER_STARTS
        and word[:1].isupper()
        and (word[1:].islower() or len(word) == 1)
    ):
        reason = word.lower() + (" " + rest if rest else "")
    if reason[-1] not in ".!?…":
        reason += "."
    return f"{head}, because {reason}"


def _state_line(state: NodeState) -> str:
    decision = state.decision
    assert decision is not None
    said = {
        Decision.CHOSEN: "Chosen",
        Decision.REJECTED: "Rejected",
        Decision.CONSIDERING: "Under consideration",
    }[decision]
    line = f"{decision.mark} **{said}**"
    if decision is Decision.CONSIDERING:
        who = [escape_markdown(state.by)] if state.by else []
        who += [state.date.isoformat()] if state.date is not None else []
        return line + (f" ({', '.join(who)})." if who else ".")
    if state.by:
        line += f" by {escape_markdown(state.by)}"
    if state.date is not None:
        line += f" on {state.date.isoformat()}"
    return line + "."


def _demoted(note: str, top: int) -> str:
    """A note's Markdown with its headings moved down so that its biggest one is level
    ``top`` (at most 6): a note's own headings must not break the record's outline. Fenced
    code is left alone; setext headings (underlined) become ATX headings."""
    lines = [line.rstrip() for line in note.strip("\n").split("\n")]
    headings = list(_headings(lines))
    if not headings:
        return "\n".join(lines)
    shift = top - min(level for _, level, _ in headings)
    for i, level, setext in reversed(headings):
        hashes = "#" * min(6, level + shift)
        if setext:
            lines[i - 1 : i + 1] = [f"{hashes} {lines[i - 1].strip()}"]
        else:
            m = _ATX.match(lines[i])
            assert m is not None
            lines[i] = m.group(1) + hashes + lines[i][m.end() :]
    return "\n".join(lines)


def _headings(lines: list[str]) -> Iterator[tuple[int, int, bool]]:
    """(line index, level, is setext) of each heading outside fenced code; a setext
    heading's index is its underline's."""
    fence: str | None = None
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
        elif m:
            fence = m.group(1)
        elif a := _ATX.match(line):
            yield i, len(a.group(2)), False
        elif (u := _SETEXT.match(line)) and i and _is_paragraph(lines[i - 1]):
            yield i, 1 if u.group(1)[0] == "=" else 2, True


def _is_paragraph(line: str) -> bool:
    return bool(line.strip()) and not _BLOCK_LINE.match(line)


def _yaml_text(text: str) -> str:
    """A name as a YAML scalar: plain where that reads back as the same text, else a
    double-quoted string (JSON's quoting is YAML's)."""
    if _YAML_PLAIN.match(text) and text == text.strip() and text.lower() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def _marker_json(path: NodePath) -> str:
    return json.dumps(list(path), ensure_ascii=False).replace(">", "\\u003e")


# --------------------------------------------------------------------------- the folder


@dataclass(frozen=True, slots=True)
class _Existing:
    """A numbered Markdown file found in the folder."""

    name: str
    number: int
    question: NodePath | None  # None: not Karar's
    data: bytes = b""
    date: _dt.date | None = None


@dataclass(slots=True)
class RecordsPlan:
    """What writing a folder of records will do.

    Attributes:
        folder: The folder.
        records: Every record, in map order.
        write: The records whose file is new or changed.
        remove: Karar's own files to remove (question no longer decided, or renamed).
        new: How many records have no file yet.
        updated: How many existing records change (renamed ones included).
        renamed: How many of those get a new file name (their label changed).
    """

    folder: Path
    records: list[Record] = field(default_factory=list)
    write: list[Record] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    new: int = 0
    updated: int = 0

    renamed: int = 0

    @property
    def removed(self) -> int:
        """How many files go that no record replaces (a renamed record's old file is not
        counted: the record is updated)."""
        return len(self.remove) - self.renamed

    def summary(self, folder: str | None = None) -> str:
        """``karar: DIR: 12 decision records (3 new, 1 removed)``, without ``karar: ``."""
        n = len(self.records)
        what = f"{n} decision record" + ("" if n == 1 else "s")
        parts = [
            f"{count} {word}"
            for count, word in (
                (self.new, "new"),
                (self.updated, "updated"),
                (self.removed, "removed"),
            )
            if count
        ]
        done = ", ".join(parts) if parts else "unchanged"
        return f"{folder if folder is not None else self.folder}: {what} ({done})"


def plan_records(
    folder: Path,
    mind_map: MindMap,
    entries: Mapping[Node, NodeState],
    *,
    today: _dt.date | None = None,
) -> RecordsPlan:
    """Plan writing the map's decision records into ``folder`` (nothing is written).

    A question that has a file of Karar's in the folder keeps its number; new questions
    get the numbers after the highest one in the folder, in map order.

    Raises:
        RecordsError: ``folder`` is not a folder, or a file Karar did not write stands where
            a record is to be written.
    """
    folder = Path(folder)
    existing = _scan(folder)
    next_number = max((e.number for e in existing.values()), default=0) + 1
    paths = mind_map.paths()
    asked = questions(mind_map, entries)
    owned = _claims(existing, [paths[q] for q in asked], paths.values(), mind_map)
    plan = RecordsPlan(folder)
    taken: set[int] = set()
    keep: set[str] = set()
    renamed = 0
    for question in asked:
        path = paths[question]
        before = owned.get(path)
        if before is not None and before.number not in taken:
            number = before.number
        else:
            before = None
            number = next_number
            next_number += 1
        taken.add(number)
        default_day = before.date if before is not None and before.date else today
        text = record_text(question, path, entries, today=default_day)
        status = text.split("\n", 2)[1].removeprefix("status: ")
        record = Record(number, record_file_name(number, question), path, status, text)
        plan.records.append(record)
        keep.add(record.name)
        there = existing.get(record.name)
        if there is not None and there.question is None:
            raise RecordsError(
                str(folder / record.name), "not written by Karar, not overwritten", "foreign"
            )
        if before is None:
            plan.new += 1
            plan.write.append(record)
        elif before.name != record.name or before.data != text.encode("utf-8"):
            plan.updated += 1
            renamed += before.name != record.name
            plan.write.append(record)
    plan.remove = sorted(
        e.name for e in existing.values() if e.question is not None and e.name not in keep
    )
    plan.renamed = renamed
    return plan


def _claims(
    existing: Mapping[str, _Existing],
    asked: list[NodePath],
    in_map: Iterable[NodePath],
    mind_map: MindMap,
) -> dict[NodePath, _Existing]:
    """Karar's file for each question that has one: the file its marker names (the lowest
    numbered where there are several), else a file whose question is gone from the map
    and was renamed into this one — the only such file and question under one parent, or
    the question :class:`~karar.core.decisions.HomeIndex` proposes for the gone path."""
    owned: dict[NodePath, _Existing] = {}
    for found in sorted(existing.values(), key=lambda e: e.number):
        if found.question is not None:
            owned.setdefault(found.question, found)
    known = set(in_map)
    gone = [e for p, e in owned.items() if p not in known]
    unclaimed = [p for p in asked if p not in owned]
    if not gone or not unclaimed:
        return owned
    files_under: dict[NodePath, list[_Existing]] = {}
    for found in gone:
        assert found.question is not None
        files_under.setdefault(found.question[:-1], []).append(found)
    asked_under: dict[NodePath, list[NodePath]] = {}
    for path in unclaimed:
        asked_under.setdefault(path[:-1], []).append(path)
    left: list[_Existing] = []
    for parent, files in files_under.items():
        paths = asked_under.get(parent, [])
        if len(files) == 1 and len(paths) == 1:
            owned[paths[0]] = files[0]
        else:
            left += files
    free = {p for p in unclaimed if p not in owned}
    if left and free:
        from karar.core.decisions import HomeIndex

        homes = HomeIndex(mind_map)
        for found in left:
            assert found.question is not None
            for home in homes.suggest(found.question, limit=1):
                if home.path in free:
                    owned[home.path] = found
                    free.discard(home.path)
    return owned


def write_records(plan: RecordsPlan) -> None:
    """Do what ``plan`` says: create the folder if needed, write the new and changed records
    (each atomically), then remove Karar's files that are no longer wanted.

    Raises:
        RecordsError: The folder cannot be created, or a file cannot be written or removed.
    """
    from karar.core.atomic import write_atomic

    folder = plan.folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise RecordsError(
            str(folder), f"cannot create the folder: {reason}", "create-folder", reason
        ) from None
    for record in plan.write:
        target = folder / record.name
        try:
            write_atomic(target, record.text.encode("utf-8"))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise RecordsError(str(target), f"cannot write: {reason}", "write", reason) from None
    for name in plan.remove:
        target = folder / name
        try:
            target.unlink(missing_ok=True)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise RecordsError(str(target), f"cannot remove: {reason}", "remove", reason) from None


def export_records(
    folder: Path,
    mind_map: MindMap,
    entries: Mapping[Node, NodeState],
    *,
    today: _dt.date | None = None,
) -> RecordsPlan:
    """Plan and write the map's decision records into ``folder``; what was done.

    Raises:
        RecordsError: As :func:`plan_records` (then nothing is written) and
            :func:`write_records`.
    """
    plan = plan_records(folder, mind_map, entries, today=today)
    write_records(plan)
    return plan


def _scan(folder: Path) -> dict[str, _Existing]:
    """The numbered Markdown files (``NNNN-*.md``) in ``folder``, each with its question
    when Karar wrote it."""
    try:
        info = folder.stat()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise RecordsError(
            str(folder), f"cannot read the folder: {reason}", "read-folder", reason
        ) from None
    if not stat.S_ISDIR(info.st_mode):
        raise RecordsError(str(folder), "is a file, not a folder", "not-folder")
    found: dict[str, _Existing] = {}
    try:
        entries = list(os.scandir(folder))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise RecordsError(
            str(folder), f"cannot read the folder: {reason}", "read-folder", reason
        ) from None
    for entry in entries:
        m = _NUMBERED.match(entry.name)
        if m is None:
            continue
        found[entry.name] = _read_existing(entry, int(m.group(1)))
    return found


def _read_existing(entry: os.DirEntry[str], number: int) -> _Existing:
    foreign = _Existing(entry.name, number, None)
    try:
        if not entry.is_file(follow_symlinks=False):
            return foreign
        with open(entry.path, "rb") as handle:
            data = handle.read(RECORD_LIMIT + 1)
    except OSError:
        return foreign
    if len(data) > RECORD_LIMIT:
        return foreign
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return foreign
    question: NodePath | None = None
    date: _dt.date | None = None
    for line in text.split("\n", _MARKER_SEARCH_LINES)[:_MARKER_SEARCH_LINES]:
        d = _FRONT_DATE.match(line)
        if d is not None and date is None:
            with contextlib.suppress(ValueError):  # an impossible day: no date to keep
                date = _dt.date.fromisoformat(d.group(1))
        m = _MARKER_LINE.match(line)
        if m is not None:
            question = _marker_path(m.group(1))
            break
    if question is None:
        return foreign
    return _Existing(entry.name, number, question, data, date)


def _marker_path(text: str) -> NodePath | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None
