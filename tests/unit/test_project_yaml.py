"""Project files that cannot hurt (issue 8, classes 3, 4, 6, 7): duplicate keys refused with
both lines, unknown content written back as it was read (sets, ordered maps, dates, bytes,
inside ``view:`` too), values YAML cannot hold and alias bombs answered with one located
error, never a traceback and never gigabytes."""

from __future__ import annotations

import datetime as dt
import tracemalloc
from pathlib import Path

import pytest
from yamlgen import flow_laughs, laughs, same

from karar.core import project as proj
from karar.core import yamlsafe
from karar.core.project import Project, ProjectError
from karar.core.yamlsafe import Omap, Pairs

HEAD = "karar: 1\nmap: m.mmd\n"
ENTRY = "nodes:\n  - path: [R, A]\n    checked: true\n    note: why\n"


def refused(text: str) -> ProjectError:
    with pytest.raises(ProjectError) as info:
        proj.loads(text, path="p.karar.yaml")
    error = info.value
    assert "\n" not in str(error)
    assert str(error).startswith(f"p.karar.yaml:{error.line}: ")
    return error


# --------------------------------------------------------------------- 3: duplicate keys


@pytest.mark.parametrize(
    ("text", "first", "second", "key"),
    [
        (HEAD + ENTRY + "nodes:\n  - path: [R]\n", 3, 7, "nodes"),
        (HEAD + "nodes:\n  - path: [R]\n    note: a\n    note: b\n", 5, 6, "note"),
        (HEAD + "nodes:\n  - path: [R]\n    path: [R, A]\n", 4, 5, "path"),
        (HEAD + "map: other.mmd\n", 2, 3, "map"),
        (HEAD + "view:\n  zoom: 1\n  layout: tree\n  zoom: 2\n", 4, 6, "zoom"),
        (HEAD + "owner:\n  team: a\n  team: b\n", 4, 5, "team"),
        (HEAD + "owner: {x: [1, {y: 1, y: 2}]}\n", 3, 3, "y"),
        (HEAD + "nodes:\n  - path: [R]\n    extra: {deep: {k: 1, k: 1}}\n", 5, 5, "k"),
        (HEAD + "1: one\ntrue: yes\n", 3, 4, "true"),  # the same key to YAML: 1 == true
        (HEAD + "s: !!set {a, b, a}\n", 3, 3, "a"),
        (HEAD + "o: !!omap [a: 1, b: 2, a: 3]\n", 3, 3, "a"),
        (HEAD + "base: &b {x: 1}\nm:\n  <<: *b\n  <<: *b\n", 5, 6, "<<"),
    ],
)
def test_a_key_given_twice_is_refused_with_both_lines(
    text: str, first: int, second: int, key: str
) -> None:
    error = refused(text)
    assert error.line == second
    assert f"the key {key!r} is given twice (lines {first} and {second})" in error.message


def test_a_merge_key_may_be_overridden_without_being_a_duplicate() -> None:
    project = proj.loads(HEAD + "base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n")
    assert project.extra["m"] == {"x": 1, "y": 3}


# --------------------------------------------------------------------- 4: nothing changes


KEPT = (
    HEAD
    + "participant: Ayşe\n"
    + "view:\n"
    + "  layout: tree\n"
    + "  zoom: 1.5\n"
    + "  theme: {name: dark, contrast: [1, 2]}\n"  # unknown inside view:
    + "  panels: !!set {notes, orphans}\n"
    + "owner: platform team\n"
    + "tags: !!set {b, a, c}\n"
    + "steps: !!omap [first: 1, second: 2, third: {deep: [x]}]\n"
    + "log: !!pairs [a: 1, a: 2]\n"
    + "when: 2024-02-29\n"
    + "stamp: 2001-12-14t21:59:43.10-05:00\n"
    + "naive: 2001-12-14 21:59:43\n"
    + "blob: !!binary aGVsbG8gd29ybGQ=\n"
    + "odd: [.nan, .inf, -.inf, 1e300, 0x1F, 0o17, 1_000, 190:20:30, ~, =, '<<', yes]\n"
    + "keys: {1: int, 2.5: float, null: none, 2024-01-01: date, false: bool}\n"
    + "shared: &s {a: [1, 2]}\n"
    + "again: *s\n"
    + "merged: {<<: *s, b: 3}\n"
    + "nodes:\n"
    + "  - path: [R, A]\n"
    + "    checked: true\n"
    + "    note: why\n"
    + "    meta: !!set {x}\n"
    + "    since: 2020-01-01\n"
    + "    order: !!omap [k: v]\n"
)


def test_unknown_content_comes_back_exactly(tmp_path: Path) -> None:
    path = tmp_path / "p.karar.yaml"
    path.write_text(KEPT, encoding="utf-8")
    first = proj.load(path)
    assert first.extra["tags"] == {"a", "b", "c"} and type(first.extra["tags"]) is set
    assert type(first.extra["steps"]) is Omap
    assert first.extra["steps"] == [("first", 1), ("second", 2), ("third", {"deep": ["x"]})]
    assert type(first.extra["log"]) is Pairs and first.extra["log"] == [("a", 1), ("a", 2)]
    assert first.extra["when"] == dt.date(2024, 2, 29)
    assert first.extra["blob"] == b"hello world"
    assert first.view_extra["panels"] == {"notes", "orphans"}
    first.save()
    saved = path.read_text(encoding="utf-8")
    assert "\0" not in saved and "\\0" not in saved and "line" not in saved
    assert "!!omap" in saved and "!!pairs" in saved and "!!set" in saved
    second = proj.load(path)
    assert same(second.to_data(), first.to_data())
    assert same(second.entries[("R", "A")].extra, first.entries[("R", "A")].extra)
    second.save()
    assert path.read_text(encoding="utf-8") == saved  # stable: a second save changes nothing


def test_unknown_view_keys_survive_the_window_saving_its_own_view(tmp_path: Path) -> None:
    path = tmp_path / "p.karar.yaml"
    path.write_text(
        HEAD + "view:\n  layout: tree\n  theme: dark\n  panels: {notes: true}\n" + ENTRY,
        encoding="utf-8",
    )
    project = proj.load(path)
    assert project.view == {"layout": "tree"}
    # The window replaces the view wholesale with what it shows (ui/session.py).
    project.view = {"layout": "radial", "zoom": 0.8, "center": [1.0, 2.0]}
    project.save()
    again = proj.load(path)
    assert again.view == {"layout": "radial", "zoom": 0.8, "center": [1.0, 2.0]}
    assert again.view_extra == {"theme": "dark", "panels": {"notes": True}}
    assert again.entries[("R", "A")].note == "why"


def test_shared_values_are_written_once_not_expanded() -> None:
    text = HEAD + "a: &a [" + ", ".join(["x"] * 50) + "]\nb: [" + ", ".join(["*a"] * 50) + "]\n"
    project = proj.loads(text)
    assert project.extra["b"][49] == ["x"] * 50
    out = project.dumps()
    assert out.count("*id001") == 50  # an anchor and aliases again, not 2,500 values
    assert same(proj.loads(out).extra, project.extra)


@pytest.mark.parametrize(
    ("text", "line", "tag"),
    [
        (HEAD + "x: !foo bar\n", 3, "!foo"),
        (HEAD + "x: !!python/object/apply:os.system [ls]\n", 3, "!!python/object/apply:os.system"),
        (HEAD + "nodes:\n  - path: [R]\n    x: !custom {a: 1}\n", 5, "!custom"),
        (HEAD + "view:\n  zoom: !<tag:example.com,2000:z> 1\n", 4, "tag:example.com,2000:z"),
        (HEAD + "x: !!str [a]\n", 3, "!!str"),
        (HEAD + "x: !!map [a]\n", 3, "!!map"),
        (HEAD + "x: !!set [a]\n", 3, "!!set"),
        (HEAD + "x: !!omap {a: 1}\n", 3, "!!omap"),
        (HEAD + "x: !!seq a\n", 3, "!!seq"),
    ],
)
def test_types_karar_cannot_keep_are_refused_by_name(text: str, line: int, tag: str) -> None:
    error = refused(text)
    assert error.line == line
    assert f"the YAML tag {tag!r}" in error.message and "not one Karar reads" in error.message


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        (HEAD + "s: !!set {a: 1}\n", 3, "a member of a !!set has no value"),
        (HEAD + "o: !!omap [a: 1, [b]]\n", 3, "must be one 'key: value'"),
        (HEAD + "o: !!pairs [a: 1, {b: 1, c: 2}]\n", 3, "must be one 'key: value'"),
        (HEAD + "m: {<<: 3}\n", 3, "a merge key '<<' takes a mapping"),
        (HEAD + "m: {<<: [{a: 1}, [b]]}\n", 3, "a merge key '<<' takes a mapping"),
        (HEAD + "? [a, b]\n: c\n", 3, "a mapping key must be a single value"),
        (HEAD + "x: {? {a: 1} : c}\n", 3, "a mapping key must be a single value"),
        (HEAD + "a: b\n---\nc: d\n", 4, "a second YAML document"),
        (HEAD + "x: *nothing\n", 3, "names no anchor"),
        (HEAD + "x: &a 1\ny: &a 2\n", 4, "the anchor &a is set twice (lines 3 and 4)"),
    ],
)
def test_other_yaml_that_would_change_on_saving_is_refused(
    text: str, line: int, needle: str
) -> None:
    error = refused(text)
    assert error.line == line
    assert needle in error.message


# --------------------------------------------------------------------- 6: values YAML cannot hold


NESTED = 10_000


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        (HEAD + "when: 2024-02-30\n", 3, "'2024-02-30' is not a valid date or time"),
        (HEAD + "when: 2023-02-29\n", 3, "not a valid date"),
        (HEAD + "when: 2024-13-01\n", 3, "not a valid date"),
        (HEAD + "when: 2024-01-01 25:00:00\n", 3, "not a valid date"),
        (HEAD + "when: 2024-01-01 10:00:00 +25:00\n", 3, "not a valid date"),
        (HEAD + "when: 0000-01-01\n", 3, "not a valid date"),
        (HEAD + "n: !!int abc\n", 3, "'abc' is not a whole number"),
        (HEAD + "n: !!int ''\n", 3, "is not a whole number"),
        (HEAD + "n: !!int 0x\n", 3, "is not a whole number"),
        (HEAD + "n: !!float abc\n", 3, "'abc' is not a number"),
        (HEAD + "n: !!float ''\n", 3, "is not a number"),
        (HEAD + "n: !!timestamp abc\n", 3, "'abc' is not a valid date or time"),
        (HEAD + "n: !!timestamp 2024-02-30\n", 3, "not a valid date or time"),
        (HEAD + "n: !!bool maybe\n", 3, "'maybe' is not true or false"),
        (HEAD + "n: !!binary '!!!'\n", 3, "is not base64 data"),
        (HEAD + "n: !!binary ü\n", 3, "is not base64 data"),
        (HEAD + "n: " + "7" * 5000 + "\n", 3, "a number of 5,000 characters"),
        (HEAD + "n: -" + "7" * 5000 + "\n", 3, "a number of 5,001 characters"),
        (HEAD + "n: 0x" + "f" * 5000 + "\n", 3, "a number of 5,002 characters"),
        (HEAD + "n: !!int '" + "1" * 5000 + "'\n", 3, "a number of 5,000 characters"),
        (HEAD + "n: " + ":".join(["59"] * 2000) + "\n", 3, "a number of 5,999 characters"),
        (HEAD + "n: " + "1" * 3000 + ".5\n", 3, "a number of 3,002 characters"),
        (HEAD + "n: " + "[" * NESTED + "]" * NESTED + "\n", 3, "not valid YAML"),
        (HEAD + "n: " + "{a: " * NESTED + "}" * NESTED + "\n", 3, "nested more than 100"),
        (HEAD + "n: " + "[{a: " * 60 + "}]" * 60 + "\n", 3, "nested more than 100"),
        (HEAD + "n: " + "[" * 101 + "]" * 101 + "\n", 3, "nested more than 100"),
        (
            HEAD + "".join("  " * i + f"k{i}:\n" for i in range(150)),
            103,
            "nested more than 100",
        ),
        (HEAD + "n:\n" + "".join(" " * i + "-\n" for i in range(1, 150)), 103, "nested more"),
        (HEAD + "nodes:\n  - path: [R, 2024-02-30]\n", 4, "not a valid date"),
        (HEAD + "nodes:\n  - path: [R]\n    votes: " + "9" * 5000 + "\n", 5, "a number of"),
        (HEAD + "nodes:\n  - path: [R]\n    voters: [!!int x]\n", 5, "'x' is not a whole"),
        (HEAD + "view:\n  zoom: !!float zoom\n", 4, "'zoom' is not a number"),
        (HEAD + "2024-02-30: key\n", 3, "not a valid date"),
        (HEAD + "x: 'never closed\n", 4, "not valid YAML"),
        (HEAD + "x: [\n", 4, "not valid YAML"),
        (HEAD + "\tx: 1\n", 3, "not valid YAML"),
        (HEAD + "x: a\0b\n", 3, "the control character U+0000 is not allowed"),
        (HEAD + "x: a\x1bb\n", 3, "the control character U+001B"),
        (HEAD + "x: \ud800\n", 3, "the control character U+D800"),
        (HEAD + "x: 'a\uffffb'\n", 3, "the control character U+FFFF"),
    ],
)
def test_values_yaml_cannot_hold_are_one_located_error(text: str, line: int, needle: str) -> None:
    error = refused(text)
    assert error.line == line
    assert needle in error.message


def test_deep_but_bounded_nesting_loads_and_saves() -> None:
    deep = "[" * 99 + "]" * 99  # and the top mapping: 100
    project = proj.loads(HEAD + f"n: {deep}\n")
    value = project.extra["n"]
    for _ in range(98):
        (value,) = value
    assert value == []
    assert same(proj.loads(project.dumps()).extra, project.extra)


# --------------------------------------------------------------------- 7: alias bombs


def _nested(block: str) -> str:
    return "".join("  " + line + "\n" for line in block.splitlines())


BOMB, TOP = laughs()
FLOW = flow_laughs()
BOMBS = {
    "an unknown key": HEAD + "bomb:\n" + _nested(BOMB) + "x: " + "\n",
    "an unknown key, used": HEAD + BOMB + "use: " + TOP + "\n",
    "view": HEAD + "view:\n" + _nested(BOMB) + f"  zoom: {TOP}\n",
    "view, unknown key": HEAD + "view:\n" + _nested(BOMB),
    "voters": HEAD + "x:\n" + _nested(BOMB) + f"nodes:\n  - path: [R]\n    voters: {TOP}\n",
    "a note": HEAD + "x:\n" + _nested(BOMB) + f"nodes:\n  - path: [R]\n    note: {TOP}\n",
    "a path": HEAD + "x:\n" + _nested(BOMB) + f"nodes:\n  - path: {TOP}\n",
    "an entry": HEAD + "x:\n" + _nested(BOMB) + f"nodes:\n  - path: [R]\n    y: {TOP}\n",
    "a set": HEAD + "x:\n" + _nested(BOMB) + f"s: !!set {{? {TOP}}}\n",
    "inside a value": HEAD + f"x: {FLOW}\n",
    "the zoom": HEAD + f"view:\n  zoom: {FLOW}\n",
    "the participant": HEAD + f"participant: {FLOW}\n",
    "voters, in place": HEAD + f"nodes:\n  - path: [R]\n    voters: {FLOW}\n",
    "a path, in place": HEAD + f"nodes:\n  - path: {FLOW}\n",
    "a key": HEAD + f"? {FLOW}\n: value\n",
    "merge keys": HEAD
    + "m0: &m0 {"
    + ", ".join(f"k{i}: [a, b, c, d, e, f, g, h]" for i in range(10))
    + "}\n"
    + "".join(
        f"m{i}: &m{i} {{"
        + ", ".join([f"<<: *m{i - 1}"] + [f"x{j}: *m{i - 1}" for j in range(9)])
        + "}\n"
        for i in range(1, 9)
    ),
}


@pytest.mark.parametrize("where", list(BOMBS))
def test_an_alias_bomb_is_refused_cheaply(where: str) -> None:
    text = BOMBS[where]
    assert len(text) < 1500
    tracemalloc.start()
    try:
        error = refused(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "alias bomb" in error.message, error.message
    assert peak < 20_000_000  # far below the 100 MB the issue allows


def test_an_alias_inside_its_own_anchor_is_refused() -> None:
    error = refused(HEAD + "x: &a [1, *a]\n")
    assert error.line == 3 and "inside the value it names" in error.message
    error = refused(HEAD + "x: &a {b: {c: *a}}\n")
    assert error.line == 3 and "inside the value it names" in error.message


def test_aliases_cannot_nest_deeper_than_the_bound() -> None:
    deep = "[" * 60 + "]" * 60
    error = refused(HEAD + f"a: &a {deep}\nb: {'[' * 50}*a{']' * 50}\n")
    assert error.line == 4 and "nests more than 100" in error.message


def test_reuse_under_the_bound_loads() -> None:
    text, top = laughs(levels=4, width=8)  # 80,000 values through aliases
    project = proj.loads(HEAD + text + f"use: {top}\n")
    assert project.extra["use"][7][7][7][7][7] == "lol"


# --------------------------------------------------------------------- the module itself


def test_where_gives_the_line_of_every_value() -> None:
    data, where = yamlsafe.load(
        "a: 1\nb:\n  - x\n  - {c: 2}\n", "f.yaml", ProjectError, first_line=10
    )
    assert data == {"a": 1, "b": ["x", {"c": 2}]}
    assert where.line == 10 and where.key_line("b") == 11
    assert where.value("b").item(1).value("c").line == 13
    assert where.value("missing").line == 10 and where.value("b").item(7).line == 12


def test_an_empty_document_is_none() -> None:
    assert yamlsafe.load("# nothing\n", "f", ProjectError)[0] is None
    assert yamlsafe.load("", "f", ProjectError)[0] is None
    with pytest.raises(ProjectError, match="no 'karar:'"):
        proj.loads("")


def test_the_line_key_no_longer_leaks_into_the_data() -> None:
    project = proj.loads(HEAD + "x: {a: 1}\nnodes:\n  - path: [R]\n    y: {b: 2}\n")
    assert project.extra == {"x": {"a": 1}}
    assert project.entries[("R",)].extra == {"y": {"b": 2}}
    assert all("\0" not in str(k) for k in project.extra["x"])


def test_a_project_written_by_karar_reads_back_equal(tmp_path: Path) -> None:
    project = Project(map_ref="builtin:django", path=tmp_path / "p.karar.yaml")
    project.update(("R", "yes"), checked=True, note="line one\nline two\x85\u2028three")
    project.update(("R", "1.10"), note="trailing space \nand a tab\t")
    project.update(("R", "null"), collapsed=True, votes=2, voters=["Ayşe", "1"])
    project.save()
    again = proj.load(project.path)  # type: ignore[arg-type]
    assert again.entries == project.entries


def test_a_message_naming_a_label_with_a_newline_stays_one_line() -> None:
    text = HEAD + 'nodes:\n  - path: [R, "two\\nlines\\0"]\n  - path: [R, "two\\nlines\\0"]\n'
    error = refused(text)
    assert error.line == 5
    assert (
        error.message == "a second entry for the node R / two\\nlines\\x00 (the first is on line 4)"
    )


def test_lone_surrogates_karar_writes_for_non_utf8_names_read_back(tmp_path: Path) -> None:
    # A file name byte that is not UTF-8 is a lone surrogate in Python; the writer escapes
    # it as \uDCFF, which libyaml refuses: the reader must still take it back.
    project = Project(map_ref="maps/caf\udce9.md", path=tmp_path / "p.karar.yaml")
    project.update(("R", "x \ud800"), note="a \udcff b")
    project.save()
    saved = (tmp_path / "p.karar.yaml").read_text(encoding="utf-8")
    assert "\\uDCE9" in saved
    again = proj.load(tmp_path / "p.karar.yaml")
    assert again.map_ref == "maps/caf\udce9.md"
    assert again.entries == project.entries


def test_an_escape_of_no_character_is_one_located_error() -> None:
    for text in (HEAD + 'x: "\\U00110000"\n', HEAD + 'x: "\\ud800 \\U00110000"\n'):
        error = refused(text)
        assert error.line == 3 and "not valid YAML" in error.message


def test_a_date_shared_by_entries_is_written_as_a_date_each_time() -> None:
    import datetime as dt

    from karar.core.project import NodeState, Project
    from karar.core.yamlsafe import _dump_python

    day = dt.date(2026, 11, 30)  # one object, as a reader caching values may give
    project = Project(map_ref="m.mmd")
    project.entries[("R", "a")] = NodeState(checked=True, date=day)
    project.entries[("R", "b")] = NodeState(checked=True, date=day)
    for text in (project.dumps(), _dump_python(project.to_data())):
        assert "&id" not in text and "*id" not in text
        assert text.count("date: 2026-11-30\n") == 2
