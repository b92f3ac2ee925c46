"""Tallies of several participants' projects (``karar merge``)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karar.core import project as projects
from karar.core.merge import (
    MAJORITY,
    is_tally,
    merge_projects,
    participants_of,
    refusals,
)
from karar.core.project import Project, ProjectError
from karar.core.status import Decision
from karar.core.yamlsafe import _dump_libyaml, _dump_python

PG = ("Stack", "Data", "PostgreSQL")
MY = ("Stack", "Data", "MySQL")
DAY = dt.date(2026, 12, 3)


def write(folder: Path, name: str, body: str, map_ref: str = "../m.mmd") -> Path:
    path = folder / name
    path.write_text(f"karar: 1\nmap: {map_ref}\n{body}", encoding="utf-8")
    return path


def entry(path: tuple[str, ...], *lines: str) -> str:
    return f"  - path: [{', '.join(path)}]\n" + "".join(f"    {line}\n" for line in lines)


@pytest.fixture
def team(tmp_path: Path) -> Path:
    (tmp_path / "m.mmd").write_text("mindmap\n  Stack\n    Data\n      PostgreSQL\n      MySQL\n")
    folder = tmp_path / "team"
    folder.mkdir()
    return folder


@pytest.fixture
def inputs(team: Path) -> list[Path]:
    return [
        write(
            team,
            "ayse.karar.yaml",
            "participant: Ayşe\nnodes:\n" + entry(PG, "checked: true", "note: pgbouncer"),
        ),
        write(
            team,
            "mehmet.karar.yaml",
            "nodes:\n" + entry(PG, "checked: true") + entry(MY, "note: |", "  legacy", "  only"),
        ),
        write(
            team, "zeynep.karar.yaml", "participant: Zeynep\nnodes:\n" + entry(MY, "checked: true")
        ),
    ]


def load_all(paths: list[Path]) -> list[Project]:
    return [projects.load(p) for p in paths]


def saved(tally: Project) -> Project:
    tally.save()
    assert tally.path is not None
    return projects.load(tally.path)


def test_votes_voters_and_signed_notes(inputs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out" / "tally.karar.yaml"
    out.parent.mkdir()
    again = saved(merge_projects(load_all(inputs), out))
    pg, my = again.entries[PG], again.entries[MY]
    assert (pg.votes, pg.voters) == (2, ["Ayşe", "mehmet"])
    assert (my.votes, my.voters) == (1, ["Zeynep"])
    assert pg.note == "**Ayşe:** pgbouncer"
    assert my.note == "**mehmet:**\n\nlegacy\nonly"
    assert again.participants == ["Ayşe", "mehmet", "Zeynep"]
    assert again.participant is None and "tally" not in again.extra
    assert again.map_ref == "../m.mmd"
    assert again.map_location().resolve() == (tmp_path / "m.mmd").resolve()


def test_the_tally_decides_nothing_without_majority(inputs: list[Path], tmp_path: Path) -> None:
    again = saved(merge_projects(load_all(inputs), tmp_path / "t.karar.yaml"))
    assert [s.decision for s in again.entries.values()] == [None, None]
    assert all(s.by is None and s.date is None for s in again.entries.values())


def test_majority_marks_chosen_what_more_than_half_chose(
    inputs: list[Path], tmp_path: Path
) -> None:
    tally = merge_projects(load_all(inputs), tmp_path / "t.karar.yaml", majority=True, today=DAY)
    again = saved(tally)
    pg, my = again.entries[PG], again.entries[MY]
    assert (pg.checked, pg.by, pg.date) == (True, MAJORITY, DAY)  # 2 of 3
    assert (my.checked, my.by, my.date) == (False, None, None)  # 1 of 3
    assert tally.path is not None and "&id" not in tally.path.read_text(encoding="utf-8")


def test_half_is_no_majority(team: Path, tmp_path: Path) -> None:
    chose = write(team, "a.karar.yaml", "nodes:\n" + entry(PG, "checked: true"))
    other = write(team, "b.karar.yaml", "nodes:\n" + entry(MY, "checked: true"))
    tally = merge_projects(load_all([chose, other]), tmp_path / "t.karar.yaml", majority=True)
    assert not tally.entries[PG].checked and not tally.entries[MY].checked


def test_rejected_and_considering_are_no_votes_but_their_notes_stay(
    team: Path, tmp_path: Path
) -> None:
    can = write(
        team,
        "can.karar.yaml",
        "nodes:\n"
        + entry(PG, "status: rejected", "note: too heavy for us")
        + entry(MY, "status: considering"),
    )
    ece = write(team, "ece.karar.yaml", "nodes:\n" + entry(MY, "status: considering"))
    tally = saved(merge_projects(load_all([can, ece]), tmp_path / "t.karar.yaml", majority=True))
    assert PG in tally.entries and MY not in tally.entries  # a bare stance is not tallied
    pg = tally.entries[PG]
    assert (pg.votes, pg.voters, pg.decision) == (0, [], None)
    assert pg.note == "**can:** *(rejected)* too heavy for us"


def test_tallies_add_up_and_keep_their_notes(team: Path, tmp_path: Path) -> None:
    a = write(team, "a.karar.yaml", "nodes:\n" + entry(PG, "checked: true", "note: fast"))
    b = write(team, "b.karar.yaml", "nodes:\n" + entry(PG, "checked: true"))
    c = write(team, "c.karar.yaml", "nodes:\n" + entry(PG, "checked: true", "note: known"))
    d = write(team, "d.karar.yaml", "nodes:\n" + entry(MY, "checked: true"))
    e = write(team, "e.karar.yaml", "nodes:\n")
    room1 = merge_projects(load_all([a, b]), team / "room1.karar.yaml")
    room1.save()
    room2 = merge_projects(load_all([c, d, e]), team / "room2.karar.yaml")
    room2.save()
    both = saved(
        merge_projects(
            load_all([team / "room1.karar.yaml", team / "room2.karar.yaml"]),
            tmp_path / "all.karar.yaml",
            majority=True,
            today=DAY,
        )
    )
    assert both.participants == ["a", "b", "c", "d", "e"]
    pg = both.entries[PG]
    assert (pg.votes, pg.voters) == (3, ["a", "b", "c"])
    assert pg.note == "**a:** fast\n\n**c:** known"
    assert (pg.checked, pg.by) == (True, MAJORITY)  # 3 of 5
    assert both.entries[MY].votes == 1 and not both.entries[MY].checked


def test_a_tally_and_more_participants(inputs: list[Path], team: Path, tmp_path: Path) -> None:
    first = merge_projects(load_all(inputs[:2]), team / "t1.karar.yaml")
    first.save()
    late = load_all([team / "t1.karar.yaml", inputs[2]])
    tally = merge_projects(late, tmp_path / "t2.karar.yaml")
    assert tally.participants == ["Ayşe", "mehmet", "Zeynep"]
    assert tally.entries[MY].voters == ["Zeynep"]
    assert tally.entries[MY].note == "**mehmet:**\n\nlegacy\nonly"


def test_a_tallys_own_decisions_survive_and_majorities_are_recounted(
    team: Path, tmp_path: Path
) -> None:
    a = write(team, "a.karar.yaml", "nodes:\n" + entry(PG, "checked: true"))
    b = write(team, "b.karar.yaml", "nodes:\n" + entry(PG, "checked: true"))
    room = merge_projects(load_all([a, b]), team / "room.karar.yaml", majority=True, today=DAY)
    room.update(MY, status=Decision.REJECTED, by="Facilitator", date=DAY)
    room.save()
    assert room.entries[PG].by == MAJORITY
    c = write(team, "c.karar.yaml", "nodes:\n" + entry(MY, "checked: true"))
    d = write(team, "d.karar.yaml", "nodes:\n")
    e = write(team, "e.karar.yaml", "nodes:\n")
    inputs = load_all([team / "room.karar.yaml", c, d, e])
    plain = merge_projects(inputs, tmp_path / "t.karar.yaml")
    assert plain.entries[PG].decision is None  # 2 of 5, and no --majority: not kept
    kept = plain.entries[MY]
    assert (kept.status, kept.by, kept.date, kept.votes) == (
        Decision.REJECTED,
        "Facilitator",
        DAY,
        1,
    )
    counted = merge_projects(inputs[:2], tmp_path / "t.karar.yaml", majority=True)
    assert counted.entries[PG].checked  # 2 of 3


def test_tallies_deciding_differently_are_refused(team: Path) -> None:
    one = write(
        team,
        "one.karar.yaml",
        "participants: [a]\nnodes:\n" + entry(PG, "checked: true", "by: Ece"),
    )
    two = write(
        team,
        "two.karar.yaml",
        "participants: [b]\nnodes:\n" + entry(PG, "status: rejected", "by: Can"),
    )
    with pytest.raises(ProjectError, match="decides Stack / Data / PostgreSQL as rejected") as info:
        merge_projects(load_all([one, two]), team / "t.karar.yaml")
    assert str(info.value).startswith(f"{two}:5: ")
    assert f"but {one} decided it as chosen" in str(info.value)


def test_an_older_tally_counts_its_participants(team: Path) -> None:
    old = write(
        team,
        "old.karar.yaml",
        "tally:\n  participants: [a, b, c]\n  files: 3\nnodes:\n"
        + entry(PG, "checked: true", "votes: 2", "voters: [a, b]"),
    )
    project = projects.load(old)
    assert is_tally(project) and participants_of(project) == ["a", "b", "c"]
    d = write(team, "d.karar.yaml", "nodes:\n")
    tally = merge_projects(load_all([old, d]), team / "t.karar.yaml")
    # the old merge marked majorities by default: that was no one's decision
    assert tally.entries[PG].decision is None and tally.entries[PG].votes == 2
    assert tally.participants == ["a", "b", "c", "d"] and "tally" not in tally.extra


def test_voters_stand_for_a_tally_without_a_list(team: Path) -> None:
    bare = write(team, "bare.karar.yaml", "nodes:\n" + entry(PG, "votes: 2", "voters: [x, y]"))
    assert participants_of(projects.load(bare)) == ["x", "y"]


def test_participants_key_is_read_and_checked(team: Path) -> None:
    path = write(team, "t.karar.yaml", "participants: [Ayşe, 42]\n")
    assert projects.load(path).participants == ["Ayşe", "42"]
    assert "participants: [Ayşe, '42']" in projects.load(path).dumps()
    bad = write(team, "bad.karar.yaml", "participants: Ayşe\n")
    with pytest.raises(ProjectError, match="'participants:' must be a list of names") as info:
        projects.load(bad)
    assert info.value.line == 3


# ----------------------------------------------------------------- refusals


def test_different_maps_are_refused(inputs: list[Path], team: Path, tmp_path: Path) -> None:
    (tmp_path / "other.mmd").write_text("mindmap\n  Other\n")
    odd = write(team, "odd.karar.yaml", "", map_ref="../other.mmd")
    with pytest.raises(ProjectError, match="only projects on one map can be merged") as info:
        merge_projects(load_all([inputs[0], odd]), tmp_path / "t.karar.yaml")
    assert info.value.line == 2 and str(info.value).startswith(str(odd))


def test_needs_two(inputs: list[Path], tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="at least two"):
        merge_projects(load_all(inputs[:1]), tmp_path / "t.karar.yaml")


def test_a_participant_in_two_inputs_is_refused(inputs: list[Path], team: Path) -> None:
    again = write(team, "ayse-2.karar.yaml", "participant: ayşe\n")
    with pytest.raises(ProjectError, match="the participant 'ayşe' is already in") as info:
        merge_projects(load_all([inputs[0], again]), team / "t.karar.yaml")
    assert str(info.value).startswith(str(again))
    with pytest.raises(ProjectError, match="already in"):
        merge_projects(load_all([inputs[0], inputs[0]]), team / "t.karar.yaml")


def test_a_participant_in_a_tally_and_a_file_is_refused(inputs: list[Path], team: Path) -> None:
    merge_projects(load_all(inputs[:2]), team / "t1.karar.yaml").save()
    with pytest.raises(ProjectError, match="'mehmet' is already in"):
        merge_projects(load_all([team / "t1.karar.yaml", inputs[1]]), team / "t2.karar.yaml")


def test_an_output_that_is_an_input_is_refused(inputs: list[Path], team: Path) -> None:
    with pytest.raises(ProjectError, match="the output is the input"):
        merge_projects(load_all(inputs), inputs[1])
    link = team / "link.karar.yaml"
    link.symlink_to(inputs[1])
    with pytest.raises(ProjectError, match="the output is the input"):
        merge_projects(load_all(inputs), link)
    hard = team / "hard.karar.yaml"
    os.link(inputs[2], hard)
    with pytest.raises(ProjectError, match="the output is the input"):
        merge_projects(load_all(inputs), hard)
    dotted = team / "sub" / ".." / "zeynep.karar.yaml"
    (team / "sub").mkdir()
    with pytest.raises(ProjectError, match="the output is the input"):
        merge_projects(load_all(inputs), dotted)


def test_refusals_name_each_input(inputs: list[Path], team: Path, tmp_path: Path) -> None:
    (tmp_path / "other.mmd").write_text("mindmap\n  Other\n")
    odd = write(team, "odd.karar.yaml", "", map_ref="../other.mmd")
    loaded = load_all([inputs[0], odd, inputs[0], inputs[1]])
    found = refusals(loaded, inputs[1])
    assert [r.index for r in found] == [1, 2, 3]
    assert found[0].error.message.startswith("names the map '../other.mmd', not '../m.mmd'")
    assert found[1].error.message.startswith(f"the participant 'Ayşe' is already in {inputs[0]}")
    assert found[2].error.message.startswith(f"the output is the input {inputs[1]}")
    assert refusals(load_all(inputs), None) == []
    assert [r.index for r in refusals([], None)] == [None]


# ----------------------------------------------------------------- writing


TRICKY = [
    "plain",
    "Decision 7: option",
    "42",
    "true",
    "null",
    "- dash",
    "# hash",
    "it's",
    'say "hi"',
    "  lead",
    "trail ",
    "a, b",
    "[x]",
    "{y}",
    "Önbellek & Asenkron İşler",
    "emoji 🗳",
    "tab\there",
    "line\nbreak",
    "nel\x85",
    "",
    "~",
    "*star",
    "&amp",
    "!bang",
    "%pct",
    "@at",
    "`tick`",
    "?q",
    "|pipe",
    ">gt",
]


def _tally_of(labels: list[str], notes: list[str], tmp_path: Path) -> Project:
    tally = Project(map_ref="m.mmd", path=tmp_path / "t.karar.yaml", participants=["a", "b"])
    for i, label in enumerate(labels):
        tally.entries[("Root", label, str(i))] = projects.NodeState(
            votes=i % 3,
            voters=[labels[(i + 1) % len(labels)]],
            note=notes[i % len(notes)],
            checked=i % 2 == 0,
            by=MAJORITY if i % 2 == 0 else None,
            date=dt.date(2026, 12, 3) if i % 2 == 0 else None,
        )
    return tally


def test_the_tally_is_written_as_project_files_are(tmp_path: Path) -> None:
    notes = [
        "",
        "one line",
        "**a:** x\n\n**b:**\n\nmulti\nline",
        "  indented first\nsecond",
        "ends with space \nx",
        "\nleading newline",
        "trailing\n\n",
        *TRICKY,
    ]
    tally = _tally_of(TRICKY, notes, tmp_path)
    data = tally.to_data()
    assert _dump_libyaml(data) is None  # text beyond U+FFFF (the emoji) is PyYAML's
    assert tally.dumps() == _dump_python(data)
    within = [label for label in TRICKY if max(label, default="a") <= "\uffff"]
    tally = _tally_of(within, [n for n in notes if max(n, default="a") <= "\uffff"], tmp_path)
    data = tally.to_data()
    text = _dump_libyaml(data)
    assert text is not None, "a tally is written by libyaml"
    assert text == _dump_python(data) == tally.dumps()
    assert "&id" not in text and "\n  - path: [Root, plain, '0']\n" in text
    empty = Project(map_ref="m.mmd", participants=[]).to_data()
    assert _dump_libyaml(empty) == _dump_python(empty)


@settings(max_examples=60, deadline=None)
@given(
    labels=st.lists(st.text(max_size=12), min_size=1, max_size=6),
    notes=st.lists(st.text(max_size=40), min_size=1, max_size=4),
)
def test_any_text_is_written_as_project_files_are(labels: list[str], notes: list[str]) -> None:
    data = _tally_of(labels, notes, Path("/nowhere")).to_data()
    fast = _dump_libyaml(data)
    assert fast is None or fast == _dump_python(data)
