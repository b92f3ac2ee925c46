"""Project files: round trips, unknown keys and orphans kept, clear errors with lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from karar.core import project as proj
from karar.core.decisions import rollup, suggest_homes
from karar.core.mermaid import parse_mermaid
from karar.core.model import MindMap
from karar.core.project import NodeState, Project, ProjectError, reattach_entry

MAP = (
    "mindmap\n  Root\n    Data\n      PostgreSQL\n      MySQL\n"
    "    Cache\n      Redis\n      Redis\n"
)


def small_map() -> MindMap:
    return parse_mermaid(MAP).map


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "m.mmd").write_text(MAP, encoding="utf-8")
    text = (
        "karar: 1\n"
        "map: maps/m.mmd\n"
        "participant: Ayşe\n"
        "owner: platform team   # unknown top-level key\n"
        "nodes:\n"
        "  - path: [Root, Data, PostgreSQL]\n"
        "    checked: true\n"
        "    note: |\n"
        "      We run **16**.\n"
        "      Çok iyi.\n"
        "    priority: high\n"
        "  - path: [Root, Cache, 'Redis #2']\n"
        "    collapsed: true\n"
        "  - path: [Root, Gone]\n"
        "    note: kept even though the node is gone\n"
    )
    path = tmp_path / "team.karar.yaml"
    path.write_text(text, encoding="utf-8")
    project = proj.load(path)
    assert project.map_location() == tmp_path / "maps" / "m.mmd"
    assert project.participant == "Ayşe"
    pg = project.entries[("Root", "Data", "PostgreSQL")]
    assert pg.checked and pg.note == "We run **16**.\nÇok iyi." and pg.extra == {"priority": "high"}
    assert pg.line == 6
    assert project.orphans(small_map()) == [("Root", "Gone")]

    project.save()
    again = proj.load(path)
    assert again.entries == project.entries
    assert again.extra == {"owner": "platform team"}
    saved = path.read_text(encoding="utf-8")
    assert (
        "note: |\n      We run **16**.\n      Çok iyi.\n" in saved
    )  # literal block, diff-friendly
    assert "Ayşe" in saved and "priority: high" in saved and "Gone" in saved


def test_save_as_rewrites_the_relative_map_path(tmp_path: Path) -> None:
    (tmp_path / "m.mmd").write_text(MAP, encoding="utf-8")
    project = Project(map_ref="m.mmd", path=tmp_path / "a.karar.yaml")
    (tmp_path / "sub").mkdir()
    project.save(tmp_path / "sub" / "b.karar.yaml")
    assert project.map_ref == "../m.mmd"
    assert (
        proj.load(tmp_path / "sub" / "b.karar.yaml").map_location()
        == tmp_path / "sub" / ".." / "m.mmd"
    )


def test_builtin_map_reference() -> None:
    project = proj.loads("karar: 1\nmap: builtin:django\n")
    assert project.map_location() == "builtin:django"
    assert project.entries == {}


def test_update_removes_empty_entries() -> None:
    project = Project(map_ref="builtin:django")
    project.update(("R", "A"), checked=True)
    assert project.state(("R", "A")).checked
    project.update(("R", "A"), checked=False)
    assert ("R", "A") not in project.entries
    assert project.state(("R", "B")) == NodeState()


def test_reattach_merges() -> None:
    project = Project(map_ref="x")
    project.update(("R", "Old"), checked=True, note="why")
    project.update(("R", "New"), note="first")
    reattach_entry(project.entries, ("R", "Old"), ("R", "New"))
    state = project.entries[("R", "New")]
    assert state.checked and state.note == "first\n\nwhy"
    assert ("R", "Old") not in project.entries


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("karar: 1\nmap: m.mmd\nnodes: [\n", 4, "not valid YAML"),
        ("just: text\n", 1, "no 'karar:' version key"),
        ("- a\n- b\n", 1, "no 'karar:' version key"),
        ("karar: 2\nmap: m.mmd\n", 1, "newer Karar (format 2"),
        ("karar: one\nmap: m.mmd\n", 1, "format version number"),
        ("karar: 1\n", 1, "'map:' must name the map"),
        ("karar: 1\nmap: https://example.com/m.md\n", 2, "local file"),
        ("karar: 1\nmap: m.mmd\nnodes: {a: 1}\n", 3, "'nodes:' must be a list"),
        ("karar: 1\nmap: m.mmd\nnodes:\n  - path: R\n", 4, "'path:' must be a list"),
        (
            "karar: 1\nmap: m.mmd\nnodes:\n  - path: [R]\n    checked: yes please\n",
            5,
            "'checked:' must be true or false",
        ),
        (
            "karar: 1\nmap: m.mmd\nnodes:\n  - path: [R]\n    note: [1, 2]\n",
            5,
            "'note:' must be text",
        ),
        ("karar: 1\nmap: m.mmd\nnodes:\n  - path: [R]\n  - path: [R]\n", 5, "a second entry"),
        ("karar: 1\nmap: m.mmd\nnodes:\n  - 7\n", 4, "must be a mapping"),
    ],
)
def test_bad_projects_name_file_and_line(text: str, line: int | None, message: str) -> None:
    with pytest.raises(ProjectError) as info:
        proj.loads(text, path="p.karar.yaml")
    assert info.value.line == line
    assert message in info.value.message
    assert str(info.value).startswith("p.karar.yaml")


def test_load_errors(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="no such file"):
        proj.load(tmp_path / "none.karar.yaml")
    bad = tmp_path / "bad.karar.yaml"
    bad.write_bytes(b"karar: 1\nmap: \xff\n")
    with pytest.raises(ProjectError, match="UTF-8") as info:
        proj.load(bad)
    assert info.value.line == 2


def test_save_is_atomic_and_reports_failure(tmp_path: Path) -> None:
    target = tmp_path / "p.karar.yaml"
    project = Project(map_ref="builtin:django", path=target)
    project.update(("R",), checked=True)
    project.save()
    before = target.read_text(encoding="utf-8")
    project.path = tmp_path / "missing-folder" / "p.karar.yaml"
    with pytest.raises(ProjectError, match="cannot save"):
        project.save()
    assert target.read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.karar.yaml"]


def test_rollup_counts_descendants() -> None:
    m = small_map()
    nodes = {n.label: n for n in m}
    checked = {nodes["PostgreSQL"], nodes["MySQL"]}
    r = rollup(m, checked)
    assert str(r[m.root]) == "2/6"  # type: ignore[index]
    assert str(r[nodes["Data"]]) == "2/2"
    assert str(r[nodes["Cache"]]) == "0/2"
    assert str(r[nodes["PostgreSQL"]]) == "0/0"


def test_suggestions_for_orphans() -> None:
    m = parse_mermaid(
        "mindmap\n  Root\n    Storage\n      PostgreSQL\n    Cache\n      Redis cluster\n"
    ).map
    moved = suggest_homes(("Root", "Data", "PostgreSQL"), m)
    assert moved[0].path == ("Root", "Storage", "PostgreSQL")
    assert "moved" in moved[0].reason
    edited = suggest_homes(("Root", "Cache", "Redis clusters"), m)
    assert edited[0].path == ("Root", "Cache", "Redis cluster")
    assert suggest_homes(("Root", "Nothing like it"), m) == []
