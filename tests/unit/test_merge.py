"""Tallies of several participants' projects (``karar merge``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from karar.core import project as projects
from karar.core.merge import merge_projects
from karar.core.project import ProjectError

PG = ("Stack", "Data", "PostgreSQL")
MY = ("Stack", "Data", "MySQL")


def write(folder: Path, name: str, body: str, map_ref: str = "../m.mmd") -> Path:
    path = folder / name
    path.write_text(f"karar: 1\nmap: {map_ref}\n{body}", encoding="utf-8")
    return path


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    (tmp_path / "m.mmd").write_text("mindmap\n  Stack\n    Data\n      PostgreSQL\n      MySQL\n")
    team = tmp_path / "team"
    team.mkdir()
    return [
        write(
            team,
            "ayse.karar.yaml",
            "participant: Ayşe\nnodes:\n"
            "  - path: [Stack, Data, PostgreSQL]\n    checked: true\n    note: pgbouncer\n",
        ),
        write(
            team,
            "mehmet.karar.yaml",
            "nodes:\n"
            "  - path: [Stack, Data, PostgreSQL]\n    checked: true\n"
            "  - path: [Stack, Data, MySQL]\n    note: |\n      legacy\n      only\n",
        ),
        write(
            team,
            "zeynep.karar.yaml",
            "participant: Zeynep\nnodes:\n  - path: [Stack, Data, MySQL]\n    checked: true\n",
        ),
    ]


def test_votes_voters_and_signed_notes(inputs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out" / "tally.karar.yaml"
    out.parent.mkdir()
    tally = merge_projects([projects.load(p) for p in inputs], out)
    tally.save()
    again = projects.load(out)
    pg, my = again.entries[PG], again.entries[MY]
    assert (pg.votes, pg.voters, pg.checked) == (2, ["Ayşe", "mehmet"], True)
    assert (my.votes, my.voters, my.checked) == (1, ["Zeynep"], False)  # 1 of 3: no majority
    assert pg.note == "**Ayşe:** pgbouncer"
    assert my.note == "**mehmet:**\n\nlegacy\nonly"
    assert again.map_ref == "../m.mmd"
    assert again.map_location().resolve() == (tmp_path / "m.mmd").resolve()
    assert again.extra["tally"] == {"participants": ["Ayşe", "mehmet", "Zeynep"], "files": 3}


def test_different_maps_are_refused(inputs: list[Path], tmp_path: Path) -> None:
    (tmp_path / "other.mmd").write_text("mindmap\n  Other\n")
    odd = write(tmp_path / "team", "odd.karar.yaml", "", map_ref="../other.mmd")
    with pytest.raises(ProjectError, match="only projects on one map can be merged") as info:
        merge_projects([projects.load(inputs[0]), projects.load(odd)], tmp_path / "t.karar.yaml")
    assert info.value.line == 2 and str(info.value).startswith(str(odd))


def test_needs_two(inputs: list[Path], tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="at least two"):
        merge_projects([projects.load(inputs[0])], tmp_path / "t.karar.yaml")


def test_same_names_stay_attributable(inputs: list[Path], tmp_path: Path) -> None:
    twice = [projects.load(inputs[0]), projects.load(inputs[0])]
    tally = merge_projects(twice, tmp_path / "t.karar.yaml")
    assert tally.entries[PG].voters == ["Ayşe", "Ayşe (2)"]
