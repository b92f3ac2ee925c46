"""``karar merge`` as a user runs it: exit codes, one line on refusal, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from karar_cli import karar

from karar.core import project as projects

MAP = "mindmap\n  Stack\n    Data\n      PostgreSQL\n      MySQL\n"


def person(folder: Path, name: str, *chosen: str, map_ref: str = "m.mmd") -> Path:
    path = folder / f"{name}.karar.yaml"
    body = "".join(
        f"  - path: [Stack, Data, {label}]\n    checked: true\n    note: {name} likes it\n"
        for label in chosen
    )
    path.write_text(f"karar: 1\nmap: {map_ref}\nnodes:\n{body}", encoding="utf-8")
    return path


@pytest.fixture
def room(tmp_path: Path) -> Path:
    (tmp_path / "m.mmd").write_text(MAP, encoding="utf-8")
    person(tmp_path, "ayse", "PostgreSQL")
    person(tmp_path, "can", "PostgreSQL", "MySQL")
    person(tmp_path, "ece", "MySQL")
    return tmp_path


def test_merge_decides_nothing_unless_asked(room: Path) -> None:
    done = karar("merge", "ayse.karar.yaml", "can.karar.yaml", "-o", "t.karar.yaml", cwd=room)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "karar: t.karar.yaml: 2 participants, 2 entries, 3 votes\n"
    text = (room / "t.karar.yaml").read_text(encoding="utf-8")
    assert "participants: [ayse, can]" in text and "checked" not in text
    assert "votes: 2\n    voters: [ayse, can]" in text
    assert "**ayse:** ayse likes it" in text
    done = karar(
        "merge", "t.karar.yaml", "ece.karar.yaml", "-o", "all.karar.yaml", "--majority", cwd=room
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == (
        "karar: all.karar.yaml: 3 participants, 2 entries, 4 votes, 2 chosen by a majority\n"
    )
    assert "&id" not in (room / "all.karar.yaml").read_text(encoding="utf-8")  # no anchors
    tally = projects.load(room / "all.karar.yaml")
    assert tally.participants == ["ayse", "can", "ece"]
    assert {p[-1]: (s.votes, s.checked) for p, s in tally.entries.items()} == {
        "PostgreSQL": (2, True),
        "MySQL": (2, True),
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ayse.karar.yaml", "ayse.karar.yaml"], "the participant 'ayse' is already in"),
        (["ayse.karar.yaml", "t.karar.yaml"], "the participant 'ayse' is already in"),
        (["ayse.karar.yaml", "can.karar.yaml", "-o", "can.karar.yaml"], "the output is the input"),
        (["ayse.karar.yaml", "can.karar.yaml", "-o", "link.karar.yaml"], "the output is the input"),
        (["ayse.karar.yaml", "odd.karar.yaml"], "only projects on one map can be merged"),
        (["ayse.karar.yaml", "nope.karar.yaml"], "nope.karar.yaml"),
        (["ayse.karar.yaml", "broken.karar.yaml"], "broken.karar.yaml:2: "),
    ],
)
def test_refusals_are_one_line_and_write_nothing(room: Path, args: list[str], message: str) -> None:
    made = karar("merge", "ayse.karar.yaml", "ece.karar.yaml", "-o", "t.karar.yaml", cwd=room)
    assert made.returncode == 0, made.stderr
    (room / "other.mmd").write_text("mindmap\n  Other\n", encoding="utf-8")
    person(room, "odd", map_ref="other.mmd")
    (room / "broken.karar.yaml").write_text("karar: 1\nmap: [not, a, path]\n", encoding="utf-8")
    (room / "link.karar.yaml").symlink_to(room / "can.karar.yaml")
    if "-o" not in args:
        args = [*args, "-o", "out.karar.yaml"]
    before = {p.name: p.read_bytes() for p in room.iterdir() if p.is_file()}
    done = karar("merge", *args, cwd=room)
    assert done.returncode == 1
    assert done.stderr.startswith("karar: error: ") and done.stderr.count("\n") == 1
    assert message in done.stderr and "Traceback" not in done.stderr
    assert {p.name: p.read_bytes() for p in room.iterdir() if p.is_file()} == before


def test_usage_errors_exit_2(room: Path) -> None:
    assert karar("merge", "ayse.karar.yaml", "-o", "t.karar.yaml", cwd=room).returncode == 2
    assert karar("merge", "ayse.karar.yaml", "can.karar.yaml", cwd=room).returncode == 2
    assert not (room / "t.karar.yaml").exists()
