"""Odd values in a project (issue 8, class 10): a ``view:`` value the window cannot use is
ignored with a warning naming its line, the checks and notes still load, the value is kept
for saving; a ``map:`` no file can have is one located error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from karar import cli
from karar.core import project as proj
from karar.core.project import ProjectError

HEAD = "karar: 1\nmap: m.mmd\n"
NODES = (
    "nodes:\n"
    "  - path: [Root, Data]\n"
    "    checked: true\n"
    "    note: PostgreSQL 16\n"
    "  - path: [Root, Cache]\n"
    "    collapsed: true\n"
)
GOOD = {"layout": "tree", "zoom": 1.25, "center": [10.5, -3], "selected": ["Root"]}
GOOD_YAML = {"layout": "tree", "zoom": "1.25", "center": "[10.5, -3]", "selected": "[Root]"}


def with_view(key: str, raw: str) -> str:
    """A project whose view has one odd value on line 5, among good ones."""
    others = "".join(f"  {k}: {v}\n" for k, v in GOOD_YAML.items() if k != key)
    return HEAD + "view:\n  theme: dark\n" + f"  {key}: {raw}\n" + others + NODES


ODD = [
    ("zoom", ".nan"),
    ("zoom", ".inf"),
    ("zoom", "-.inf"),
    ("zoom", "1e300"),
    ("zoom", "-1"),
    ("zoom", "0"),
    ("zoom", "1000"),
    ("zoom", "big"),
    ("zoom", "true"),
    ("zoom", "[1]"),
    ("zoom", "~"),
    ("center", "[left, right]"),
    ("center", "[1]"),
    ("center", "[1, 2, 3]"),
    ("center", "[.nan, 0]"),
    ("center", "[0, .inf]"),
    ("center", "[1e300, 0]"),
    ("center", "[true, false]"),
    ("center", "{x: 1, y: 2}"),
    ("center", "here"),
    ("selected", "Root"),
    ("selected", "[]"),
    ("selected", "[[Root]]"),
    ("selected", "[Root, {a: 1}]"),
    ("selected", "[true]"),
    ("selected", "7"),
    ("layout", "spiral"),
    ("layout", "3"),
    ("layout", "[tree]"),
    ("layout", "Tree"),
    ("minimap", "3"),
    ("minimap", "shown"),
    ("minimap", "[true]"),
]


def valid(view: dict[str, Any]) -> bool:
    import math

    for key, value in view.items():
        if key == "layout":
            assert value in ("mindmap", "tree", "radial")
        elif key == "zoom":
            assert type(value) in (int, float) and math.isfinite(value) and 0.01 <= value <= 100
        elif key == "center":
            assert type(value) is list and len(value) == 2
            assert all(type(v) in (int, float) and abs(v) <= 1e9 for v in value)
        elif key == "selected":
            assert type(value) is list and value and all(type(v) is str for v in value)
        elif key == "minimap":
            assert type(value) is bool
        else:
            raise AssertionError(f"unknown key {key!r} in Project.view")
    return True


@pytest.mark.parametrize(("key", "raw"), ODD, ids=[f"{k}={r}" for k, r in ODD])
def test_an_odd_view_value_is_ignored_with_a_warning(key: str, raw: str, tmp_path: Path) -> None:
    text = with_view(key, raw)
    path = tmp_path / "p.karar.yaml"
    path.write_text(text, encoding="utf-8")
    project = proj.load(path)
    assert valid(project.view)
    assert project.view == {k: v for k, v in GOOD.items() if k != key}
    assert [line for line, _ in project.warnings] == [5]
    message = project.warnings[0][1]
    assert f"'{key}:' in 'view:' must be" in message and "ignored" in message
    assert "\n" not in message
    # The checks and notes are all there.
    assert project.entries[("Root", "Data")].checked
    assert project.entries[("Root", "Data")].note == "PostgreSQL 16"
    assert project.entries[("Root", "Cache")].collapsed
    # Nothing is lost: saved as it was, unless the window writes its own value.
    project.save()
    again = proj.load(path)
    assert again.view == project.view and again.view_extra == project.view_extra
    assert key in again.view_extra and again.view_extra["theme"] == "dark"


def test_good_view_values_are_kept_as_they_are() -> None:
    project = proj.loads(
        HEAD + "view: {layout: radial, zoom: 2, center: [0.5, 1.0e+8], selected: [R, 1], "
        "minimap: false}\n"
    )
    assert project.view == {
        "layout": "radial",
        "zoom": 2,
        "center": [0.5, 1e8],
        "selected": ["R", "1"],
        "minimap": False,
    }
    assert project.warnings == [] and project.view_extra == {}


@pytest.mark.parametrize("raw", ["3", "[tree, 1.0]", "tree", "!!set {a}"])
def test_a_view_that_is_no_mapping_is_ignored_with_a_warning(raw: str) -> None:
    project = proj.loads(HEAD + f"view: {raw}\n" + NODES)
    assert project.view == {}
    assert project.warnings == [(3, "'view:' must be a mapping; it is ignored")]
    assert project.entries[("Root", "Data")].note == "PostgreSQL 16"
    assert proj.loads(project.dumps()).extra["view"] == project.extra["view"]
    project.view = dict(GOOD)  # the window's own view wins on saving
    assert proj.loads(project.dumps()).view == GOOD


@pytest.mark.parametrize(
    "raw",
    [
        '"a\\0b.mmd"',
        '"maps/\\0"',
        '"m.mmd\\n"',
        '"two\\nlines.mmd"',
        '"tab\\there.mmd"',
        '"bell\\a.mmd"',
        '"esc\\e[31m.mmd"',
        '"del\\x7f.mmd"',
        '"\\x85next.mmd"',
    ],
)
def test_a_map_name_with_control_characters_is_one_error(raw: str) -> None:
    with pytest.raises(ProjectError) as info:
        proj.loads(f"karar: 1\nmap: {raw}\n" + NODES, path="p.karar.yaml")
    assert info.value.line == 2
    assert "'map:' must be a file name, not text with control characters" in info.value.message
    assert "\n" not in str(info.value) and "\0" not in str(info.value)


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        ("a\0b.mmd", "control character U+0000"),
        ("[a, b]", "'map:' must name the map file"),
        ("!!binary aGVsbG8=", "'map:' must name the map file"),
        ("2024-01-01", "'map:' must name the map file"),
        ("''", "'map:' must name the map file"),
    ],
)
def test_other_odd_maps_are_one_error(raw: str, needle: str) -> None:
    with pytest.raises(ProjectError) as info:
        proj.loads(f"karar: 1\nmap: {raw}\n", path="p.karar.yaml")
    assert info.value.line == 2 and needle in info.value.message


def test_check_prints_the_warnings_with_their_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "m.mmd").write_text("mindmap\n  Root\n    Data\n    Cache\n", encoding="utf-8")
    path = tmp_path / "p.karar.yaml"
    path.write_text(
        HEAD
        + "view:\n  zoom: .nan\n  center: [left, right]\n"
        + NODES
        + "  - path: [Root, Gone]\n    note: kept\n",
        encoding="utf-8",
    )
    assert cli.main(["check", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"{path}:4: warning: 'zoom:' in 'view:' must be a number from 0.01 to 100, "
        "not nan; it is ignored"
    )
    assert out[1].startswith(f"{path}:5: warning: 'center:' in 'view:' must be two numbers")
    assert out[2].startswith(f"{path}:12: warning: no node 'Root / Gone' in the map")
    assert len(out) == 3
