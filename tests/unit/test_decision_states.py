"""Decision states in core: the project format with status, by and date (round trip and
every bad value), the state's decide operation with its inverse, the roll-up of chosen and
open nodes, and the view filters that follow the states."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from karar.core.filters import FILTERS, DecisionsOnly, HideRejected, OpenQuestions
from karar.core.mermaid import parse_mermaid
from karar.core.model import MindMap, Node
from karar.core.project import NodeState, Project, ProjectError, load, loads
from karar.core.state import MapState
from karar.core.status import Decision, parse_date, parse_decision

HEAD = "karar: 1\nmap: builtin:django\nnodes:\n"
DAY = dt.date(2026, 11, 30)


def _project(entry: str) -> Project:
    return loads(HEAD + "  - path: [a]\n" + entry, path="p.karar.yaml")


def test_round_trip_with_every_new_key() -> None:
    text = (
        HEAD + "  - path: [a, b]\n    status: considering\n    by: Ayşe\n    date: 2026-11-30\n"
        "    note: |\n      Still measuring.\n"
        "  - path: [a, c]\n    checked: true\n    by: Can\n    date: 2026-12-01\n"
        "  - path: [a, d]\n    status: rejected\n    owner: kept\n"
    )
    project = loads(text)
    b, c, d = (project.entries[("a", x)] for x in "bcd")
    assert (b.decision, b.by, b.date, b.note) == (
        Decision.CONSIDERING, "Ayşe", DAY, "Still measuring."
    )  # fmt: skip
    assert (c.decision, c.checked, c.status) == (Decision.CHOSEN, True, None)
    assert (d.decision, d.extra) == (Decision.REJECTED, {"owner": "kept"})
    assert project.dumps() == text
    assert loads(project.dumps()) == project


@pytest.mark.parametrize(
    "entry",
    [
        "    status: chosen\n",
        "    status: Chosen\n",
        "    checked: true\n    status: chosen\n",
    ],
)
def test_status_chosen_is_read_as_checked(entry: str) -> None:
    state = _project(entry).entries[("a",)]
    assert state.checked and state.status is None and state.decision is Decision.CHOSEN
    assert "status" not in _project(entry).dumps()  # written as today: checked: true


def test_date_as_quoted_text_is_a_date() -> None:
    assert _project('    status: rejected\n    date: "2026-11-30"\n').entries[("a",)].date == DAY


@pytest.mark.parametrize(
    ("entry", "line", "words"),
    [
        ("    checked: true\n    status: rejected\n", 6, "'checked: true' contradicts"),
        ("    checked: true\n    status: considering\n", 6, "contradicts 'status: considering'"),
        ("    checked: false\n    status: chosen\n", 6, "contradicts 'checked: false'"),
        ("    status: maybe\n", 5, "'status: maybe' is not a decision state"),
        ("    status: [x]\n", 5, "'status:' must be a word"),
        ("    status: 3\n", 5, "'status:' must be a word"),
        ("    date: 2026-13-01\n", 5, "not a valid date"),
        ("    date: 2026-02-30\n", 5, "not a valid date"),
        ('    date: "2026-02-30"\n', 5, "names no real day"),
        ("    date: 30.11.2026\n", 5, "YYYY-MM-DD"),
        ("    date: 2026-11-30 10:00:00\n", 5, "not a time of day"),
        ("    date: [2026]\n", 5, "YYYY-MM-DD"),
        ("    by: 42\n", 5, "'by:' must be a name written as text"),
        ("    by: [Ayşe]\n", 5, "'by:' must be a name"),
        ("    by: yes\n", 5, "'by:' must be a name"),
    ],
)
def test_bad_values_are_one_located_error(entry: str, line: int, words: str) -> None:
    with pytest.raises(ProjectError) as caught:
        _project(entry)
    assert caught.value.line == line
    assert words in str(caught.value)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith(f"p.karar.yaml:{line}: ")


def test_a_file_written_before_states_means_the_same(tmp_path: Path) -> None:
    path = tmp_path / "old.karar.yaml"
    path.write_text(HEAD + "  - path: [a]\n    checked: true\n    note: |\n      why\n")
    state = load(path).entries[("a",)]
    assert state == NodeState(checked=True, note="why")
    assert state.decision is Decision.CHOSEN


def test_parsers() -> None:
    assert parse_decision(" REJECTED ") is Decision.REJECTED
    with pytest.raises(ValueError, match="one of: chosen, rejected, considering"):
        parse_decision("cancelled")
    assert parse_date(DAY) == DAY
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date("2026-1-5")
    assert [d.mark for d in Decision] == ["✓", "✗", "?"]


# --------------------------------------------------------------------------- the state


def _map() -> MindMap:
    return parse_mermaid(
        "mindmap\n  Stack\n    Database\n      PostgreSQL\n      MySQL\n"
        "    Cache\n      Redis\n        Cluster\n      Valkey\n"
    ).map


def _n(mind_map: MindMap, label: str) -> Node:
    return next(n for n in mind_map if n.label == label)


def test_decide_stamps_who_and_when_and_undoes_exactly() -> None:
    mind_map = _map()
    project = Project(map_ref="m.mmd", participant="Ayşe")
    state = MapState(mind_map, project)
    pg = _n(mind_map, "PostgreSQL")
    undo = state.decide_change(pg, Decision.CONSIDERING, today=DAY).apply(state)
    entry = project.entries[("Stack", "Database", "PostgreSQL")]
    assert (entry.decision, entry.by, entry.date) == (Decision.CONSIDERING, "Ayşe", DAY)
    later = dt.date(2026, 12, 2)
    undo2 = state.decide_change(pg, Decision.CHOSEN, today=later, by="Can").apply(state)
    assert (entry.checked, entry.status, entry.by, entry.date) == (True, None, "Can", later)
    undo2.apply(state)
    assert (entry.decision, entry.by, entry.date) == (Decision.CONSIDERING, "Ayşe", DAY)
    undo.apply(state)
    assert project.entries == {}


def test_without_a_participant_who_stays_as_recorded() -> None:
    mind_map = _map()
    project = Project(map_ref="m.mmd")
    state = MapState(mind_map, project)
    pg = _n(mind_map, "PostgreSQL")
    state.set_change(pg, by="Deniz").apply(state)
    state.decide_change(pg, Decision.REJECTED, today=DAY).apply(state)
    assert state.entry(pg).by == "Deniz"
    undo = state.decide_change(pg, None).apply(state)
    assert state.entry(pg).is_empty() and state.decision(pg) is None
    undo.apply(state)
    assert (state.decision(pg), state.entry(pg).by) == (Decision.REJECTED, "Deniz")


def test_checking_clears_a_status_and_a_status_unchecks() -> None:
    mind_map = _map()
    state = MapState(mind_map, Project(map_ref="m.mmd"))
    pg = _n(mind_map, "PostgreSQL")
    state.set_change(pg, status=Decision.REJECTED).apply(state)
    undo = state.set_change(pg, checked=True).apply(state)
    assert (state.entry(pg).checked, state.entry(pg).status) == (True, None)
    undo.apply(state)
    assert state.decision(pg) is Decision.REJECTED
    state.set_change(pg, checked=True).apply(state)
    state.set_change(pg, status=Decision.CONSIDERING).apply(state)
    assert (state.entry(pg).checked, state.decision(pg)) == (False, Decision.CONSIDERING)


def test_rollup_counts_chosen_and_open_apart_and_follows_changes() -> None:
    mind_map = _map()
    state = MapState(mind_map, Project(map_ref="m.mmd"))
    root, cache = mind_map.root, _n(mind_map, "Cache")
    assert root is not None
    assert state.rollup(root) == state.rollup(root).__class__(0, 7, 0)
    changes = [
        state.decide_change(_n(mind_map, "PostgreSQL"), Decision.CHOSEN, today=DAY),
        state.decide_change(_n(mind_map, "Valkey"), Decision.CONSIDERING, today=DAY),
        state.decide_change(_n(mind_map, "Cluster"), Decision.CONSIDERING, today=DAY),
        state.decide_change(_n(mind_map, "Redis"), Decision.REJECTED, today=DAY),
    ]
    undos = [c.apply(state) for c in changes]
    assert (state.rollup(root).checked, state.rollup(root).open) == (1, 2)
    assert (state.rollup(cache).checked, state.rollup(cache).open) == (0, 2)
    # the incremental counts agree with a fresh count
    fresh = MapState(mind_map, state.project)
    for node in mind_map:
        assert state.rollup(node) == fresh.rollup(node)
    state.decide_change(_n(mind_map, "Valkey"), Decision.CHOSEN, today=DAY).apply(state)
    assert (state.rollup(cache).checked, state.rollup(cache).open) == (1, 1)
    for undo in reversed(undos):
        undo.apply(state)
    # each undo puts back what its change found: Valkey undecided again, as everything else
    assert (state.rollup(root).checked, state.rollup(root).open) == (0, 0)
    assert state.project.entries == {}


def test_filters_follow_the_states() -> None:
    mind_map = _map()
    state = MapState(mind_map, Project(map_ref="m.mmd"))
    for label, decision in [
        ("PostgreSQL", Decision.CHOSEN),
        ("Redis", Decision.REJECTED),
        ("Cluster", Decision.CONSIDERING),
        ("Valkey", Decision.CONSIDERING),
    ]:
        state.decide_change(_n(mind_map, label), decision, today=DAY).apply(state)
    labels = lambda nodes: {n.label for n in nodes}  # noqa: E731
    assert labels(DecisionsOnly().shown(state) or ()) == {
        "Stack", "Database", "PostgreSQL", "Cache", "Redis", "Cluster", "Valkey"
    }  # fmt: skip
    assert labels(OpenQuestions().shown(state) or ()) == {
        "Stack", "Cache", "Redis", "Cluster", "Valkey"
    }  # fmt: skip
    # hide rejected: Redis and what lies below it (Cluster) go, folds still apply
    assert labels(HideRejected().hidden(state)) == {"Redis"}
    assert HideRejected().folds_apply and not OpenQuestions().folds_apply
    assert [f.name for f in FILTERS][:4] == ["all", "decisions", "open", "hide-rejected"]
