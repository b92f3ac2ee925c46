"""Tests of karar.core.state without Qt: the map index, folds read from and written into the
project, every change and its inverse, the roll-up kept up to date, re-attaching orphans,
and a property over random sequences of changes undone and redone."""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karar.core.decisions import Rollup, rollup
from karar.core.mermaid import parse_mermaid
from karar.core.model import MindMap, Node, NodePath
from karar.core.project import NodeState, Project
from karar.core.state import (
    Change,
    EntriesChange,
    FieldChange,
    FoldChange,
    MapIndex,
    MapState,
    folds_from_project,
)

MAP = (
    "mindmap\n"
    "  Root\n"
    "    Data\n"
    "      PostgreSQL\n"
    "      MySQL\n"
    "        InnoDB\n"
    "    Cache\n"
    "      Redis\n"
    "      Redis\n"
    "    Queue\n"
)
R = ("Root",)
DATA = (*R, "Data")
PG = (*DATA, "PostgreSQL")
MYSQL = (*DATA, "MySQL")
INNODB = (*MYSQL, "InnoDB")
CACHE = (*R, "Cache")
REDIS = (*CACHE, "Redis")
REDIS2 = (*CACHE, "Redis #2")
QUEUE = (*R, "Queue")
MAP_ORDER = [R, DATA, PG, MYSQL, INNODB, CACHE, REDIS, REDIS2, QUEUE]


def small_map() -> MindMap:
    return parse_mermaid(MAP).map


def make_state(
    entries: dict[NodePath, NodeState] | None = None, folded: list[NodePath] | None = None
) -> MapState:
    mindmap = small_map()
    project = Project("m.mmd", entries=copy.deepcopy(entries or {}))
    nodes = None if folded is None else [mindmap.find(p) for p in folded]
    return MapState(mindmap, project, [n for n in nodes if n] if nodes is not None else None)


def node(state: MapState, path: NodePath) -> Node:
    found = state.node_at(path)
    assert found is not None, path
    return found


def paths(state: MapState, nodes: Any) -> set[NodePath]:
    return {state.path_of(n) for n in nodes}


def snapshot(state: MapState) -> dict[str, Any]:
    """Everything a change may touch, as plain data: what is saved, the folds, the
    roll-up of every node, the orphans as listed, and the entries as the state sees them."""
    mindmap = state.mindmap
    return {
        "data": state.project.to_data(state.save_order()),
        "folded": paths(state, state.folded),
        "rollup": {state.path_of(n): state.rollup(n) for n in mindmap},
        "orphans": state.orphans(),
        "entries": {state.path_of(n): repr(st) for n, st in state.entries()},
        "checked": paths(state, state.checked_nodes()),
        "count": state.decision_count(),
    }


def check_consistent(state: MapState) -> None:
    """The state agrees with its project and with a fresh count."""
    project, mindmap = state.project, state.mindmap
    assert set(state.folded) == folds_from_project(project, mindmap)
    assert all(n.children for n in state.folded)
    by_node = dict(state.entries())
    expected = {mindmap.find(p): st for p, st in project.entries.items() if mindmap.find(p)}
    assert by_node.keys() == expected.keys()
    assert all(by_node[n] is expected[n] for n in by_node)
    fresh = rollup(mindmap, state.checked_nodes())
    assert {n: state.rollup(n) for n in mindmap} == fresh
    assert state.decision_count() == len(state.checked_nodes())
    assert not any(st.is_empty() for st in project.entries.values())


# --------------------------------------------------------------------------- no Qt


def test_importing_the_core_state_imports_no_qt() -> None:
    code = (
        "import sys\n"
        "import karar.core.state, karar.core.filters, karar.core.layout\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')"
        " or m.startswith('karar.ui'))\n"
        "print(' '.join(bad))\n"
        "sys.exit(1 if bad else 0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, f"imported: {done.stdout.strip()} {done.stderr.strip()}"


# --------------------------------------------------------------------------- the index


def test_map_index_numbers_every_node() -> None:
    mindmap = small_map()
    index = MapIndex(mindmap)
    by_path = index.nodes
    assert set(by_path) == set(MAP_ORDER)
    assert len(index) == 9
    assert {index.paths[n]: i for n, i in index.order.items()} == {
        p: i for i, p in enumerate(MAP_ORDER)
    }
    assert {index.paths[n]: d for n, d in index.depth.items()} == {
        R: 0,
        DATA: 1,
        PG: 2,
        MYSQL: 2,
        INNODB: 3,
        CACHE: 1,
        REDIS: 2,
        REDIS2: 2,
        QUEUE: 1,
    }
    assert {index.paths[n]: b for n, b in index.branch.items()} == {
        R: -1,
        DATA: 0,
        PG: 0,
        MYSQL: 0,
        INNODB: 0,
        CACHE: 1,
        REDIS: 1,
        REDIS2: 1,
        QUEUE: 2,
    }
    assert [index.descendants(by_path[p]) for p in (R, DATA, MYSQL, QUEUE)] == [8, 3, 1, 0]
    assert index.deepest() == 3
    assert by_path[INNODB] in index
    assert Node("stranger") not in index


def test_map_index_of_an_empty_map() -> None:
    index = MapIndex(MindMap(None))
    assert len(index) == 0
    assert index.deepest() == 0
    assert index.nodes == {} and index.order == {}


# --------------------------------------------------------------------------- folds


def test_folds_from_project_ignore_leaves_and_orphans() -> None:
    mindmap = small_map()
    project = Project(
        "m.mmd",
        entries={
            DATA: NodeState(collapsed=True),
            QUEUE: NodeState(collapsed=True),  # a leaf
            (*R, "Gone"): NodeState(collapsed=True),  # an orphan
            CACHE: NodeState(checked=True),  # not folded
            MYSQL: NodeState(note="n", collapsed=True),
        },
    )
    want = {mindmap.find(DATA), mindmap.find(MYSQL)}
    assert folds_from_project(project, mindmap) == want
    assert folds_from_project(project, mindmap, MapIndex(mindmap).nodes) == want
    state = MapState(mindmap, project)
    assert paths(state, state.folded) == {DATA, MYSQL}


def test_given_folds_override_the_projects_and_clear_stale_ones() -> None:
    state = make_state(
        {
            DATA: NodeState(collapsed=True),  # only a fold: goes
            CACHE: NodeState(note="why", collapsed=True),  # keeps its note
            QUEUE: NodeState(checked=True, collapsed=True),  # a leaf: stale flag cleared
            (*R, "Gone"): NodeState(collapsed=True),  # an orphan: untouched
        },
        folded=[MYSQL, QUEUE],  # a leaf cannot be folded
    )
    assert paths(state, state.folded) == {MYSQL}
    assert state.project.entries == {
        CACHE: NodeState(note="why"),
        QUEUE: NodeState(checked=True),
        (*R, "Gone"): NodeState(collapsed=True),
        MYSQL: NodeState(collapsed=True),
    }
    check_consistent(state)


def test_no_given_folds_take_the_projects() -> None:
    state = make_state({CACHE: NodeState(collapsed=True)})
    assert paths(state, state.folded) == {CACHE}
    assert state.is_folded(node(state, CACHE))
    assert not state.is_visible(node(state, REDIS))
    assert state.is_visible(node(state, CACHE))


def test_folds_are_written_through_into_the_project() -> None:
    state = make_state({CACHE: NodeState(checked=True, note="fast")})
    data, cache = node(state, DATA), node(state, CACHE)

    FoldChange(fold=frozenset([data, cache])).apply(state)
    assert state.project.entries == {
        CACHE: NodeState(checked=True, note="fast", collapsed=True),
        DATA: NodeState(collapsed=True),
    }
    assert state.project.to_data(state.save_order())["nodes"] == [
        {"path": list(DATA), "collapsed": True},
        {"path": list(CACHE), "checked": True, "collapsed": True, "note": "fast\n"},
    ]

    FoldChange(unfold=frozenset([data, cache])).apply(state)
    # the entry that only held a fold is gone; the check and note of the other survive
    assert state.project.entries == {CACHE: NodeState(checked=True, note="fast")}
    assert state.folded == set()
    check_consistent(state)


def test_folding_a_leaf_or_an_unfolded_node_changes_nothing() -> None:
    state = make_state()
    before = snapshot(state)
    inverse = FoldChange(
        fold=frozenset([node(state, QUEUE)]), unfold=frozenset([node(state, DATA)])
    ).apply(state)
    assert inverse.is_empty()
    assert snapshot(state) == before
    assert state.project.entries == {}


def test_fold_and_unfold_of_the_same_node_at_once_folds_it() -> None:
    state = make_state()
    data = node(state, DATA)
    inverse = FoldChange(fold=frozenset([data]), unfold=frozenset([data])).apply(state)
    assert state.is_folded(data)
    assert inverse == FoldChange(unfold=frozenset([data]))


def test_folds_to_level_folds_and_reveal() -> None:
    state = make_state(folded=[MYSQL])
    assert paths(state, state.level_folds(0)) == {R}
    assert paths(state, state.level_folds(1)) == {DATA, CACHE}
    assert paths(state, state.level_folds(2)) == {MYSQL}
    assert state.level_folds(3) == set()
    assert state.level_folds(-2) == state.level_folds(0)

    change = state.folds_to(state.level_folds(1) | {node(state, QUEUE)})
    assert paths(state, change.fold) == {DATA, CACHE}
    assert paths(state, change.unfold) == {MYSQL}
    change.apply(state)
    assert paths(state, state.folded) == {DATA, CACHE}
    assert state.folds_to(state.folded).is_empty()

    FoldChange(fold=frozenset([node(state, MYSQL)])).apply(state)
    reveal = state.reveal_change(node(state, INNODB))
    assert paths(state, reveal.unfold) == {DATA, MYSQL}
    assert reveal.fold == frozenset()
    assert state.reveal_change(node(state, REDIS2)).unfold == {node(state, CACHE)}
    assert state.reveal_change(node(state, QUEUE)).is_empty()


# --------------------------------------------------------------------------- changes


Builder = Callable[[MapState], Change]

ENTRIES = {
    CACHE: NodeState(checked=True, note="fast", extra={"owner": "ops"}),
    MYSQL: NodeState(collapsed=True),
    PG: NodeState(note="we run 16"),
    (*R, "Old"): NodeState(checked=True, note="moved", collapsed=True, extra={"k": 1}),
    (*R, "Gone"): NodeState(note="elsewhere"),
    (*R, "Folded"): NodeState(collapsed=True),
}

CHANGES: dict[str, Builder] = {
    "check": lambda s: s.set_change(node(s, QUEUE), checked=True),
    "uncheck": lambda s: s.set_change(node(s, CACHE), checked=False),
    "check-and-note": lambda s: s.set_change(node(s, INNODB), checked=True, note="x"),
    "note": lambda s: s.set_change(node(s, PG), note="we run 17"),
    "clear-note": lambda s: s.set_change(node(s, PG), note=""),
    "fold": lambda s: FoldChange(fold=frozenset([node(s, DATA), node(s, CACHE)])),
    "unfold": lambda s: FoldChange(unfold=frozenset([node(s, MYSQL)])),
    "folds-to": lambda s: s.folds_to([node(s, DATA), node(s, QUEUE)]),
    "unfold-all": lambda s: s.folds_to([]),
    "level-1": lambda s: s.folds_to(s.level_folds(1)),
    "level-0": lambda s: s.folds_to(s.level_folds(0)),
    "reveal": lambda s: s.reveal_change(node(s, INNODB)),
    "reattach-to-new": lambda s: s.reattach_change((*R, "Old"), QUEUE),
    "reattach-merge": lambda s: s.reattach_change((*R, "Old"), CACHE),
    "reattach-fold": lambda s: s.reattach_change((*R, "Old"), DATA),
    "reattach-folded-only": lambda s: s.reattach_change((*R, "Folded"), PG),
    "reattach-second": lambda s: s.reattach_change((*R, "Gone"), PG),
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_every_change_returns_its_inverse(name: str) -> None:
    state = make_state(ENTRIES)
    check_consistent(state)
    state.rollup(node(state, R))  # the roll-up is cached: changes must keep it exact
    before = snapshot(state)

    change = CHANGES[name](state)
    inverse = change.apply(state)
    check_consistent(state)
    after = snapshot(state)
    assert after != before, "the change changed nothing"

    redo = inverse.apply(state)
    check_consistent(state)
    assert snapshot(state) == before

    redo.apply(state)
    check_consistent(state)
    assert snapshot(state) == after


def test_field_change_inverse_holds_the_old_values() -> None:
    state = make_state(ENTRIES)
    pg = node(state, PG)
    inverse = state.set_change(pg, checked=True, note="17").apply(state)
    assert inverse == FieldChange(pg, {"checked": False, "note": "we run 16", "status": None})
    assert state.entry(pg) == NodeState(checked=True, note="17")
    # a node with no entry gets a fresh one and loses it again
    queue = node(state, QUEUE)
    assert state.entry(queue) == NodeState()
    undo = state.set_change(queue, checked=True).apply(state)
    assert QUEUE in state.project.entries
    undo.apply(state)
    assert QUEUE not in state.project.entries
    assert not state.is_checked(queue)


def test_notes_and_checks_read_back() -> None:
    state = make_state(ENTRIES)
    cache, pg, queue = node(state, CACHE), node(state, PG), node(state, QUEUE)
    assert state.is_checked(cache) and not state.is_checked(pg)
    assert state.note(pg) == "we run 16" and state.note(queue) == ""
    assert state.has_note(pg) and not state.has_note(queue)
    state.set_change(queue, note="  \n").apply(state)
    assert not state.has_note(queue)
    assert paths(state, state.checked_nodes()) == {CACHE}
    assert state.decision_count() == 1


# --------------------------------------------------------------------------- roll-up


def test_rollup_stays_exact_after_incremental_checks() -> None:
    state = make_state()
    root = node(state, R)
    assert state.rollup(root) == Rollup(0, 8)  # computes and caches
    steps = [(PG, True), (INNODB, True), (MYSQL, True), (PG, False), (REDIS2, True)]
    for path, checked in steps:
        state.set_change(node(state, path), checked=checked).apply(state)
        fresh = rollup(state.mindmap, state.checked_nodes())
        assert {n: state.rollup(n) for n in state.mindmap} == fresh, path
    assert [state.rollup(node(state, p)) for p in (R, DATA, MYSQL, CACHE, QUEUE)] == [
        Rollup(3, 8),
        Rollup(2, 3),
        Rollup(1, 1),
        Rollup(1, 2),
        Rollup(0, 0),
    ]


def test_rollup_of_a_node_outside_the_map_is_empty() -> None:
    state = make_state()
    assert state.rollup(Node("stranger")) == Rollup(0, 0)


# --------------------------------------------------------------------------- orphans


def test_orphans_skip_entries_that_only_kept_a_fold_but_save_them() -> None:
    state = make_state(ENTRIES)
    assert state.orphans() == [(*R, "Old"), (*R, "Gone")]
    saved = [entry["path"] for entry in state.project.to_data(state.save_order())["nodes"]]
    assert (*R, "Folded") in [tuple(p) for p in saved]


def test_reattach_merges_check_note_and_fold_and_undo_brings_the_orphan_back() -> None:
    state = make_state({**ENTRIES, DATA: NodeState(note="core")})
    data = node(state, DATA)
    orphan = (*R, "Old")
    assert not state.is_folded(data)
    before = snapshot(state)

    inverse = state.reattach_change(orphan, DATA).apply(state)
    assert state.project.entries[DATA] == NodeState(
        checked=True, note="core\n\nmoved", collapsed=True, extra={"k": 1}
    )
    assert orphan not in state.project.entries
    assert state.orphans() == [(*R, "Gone")]
    assert state.is_checked(data)
    assert state.is_folded(data)  # the fold came with the entry
    assert not state.is_visible(node(state, PG))
    check_consistent(state)

    inverse.apply(state)
    assert state.orphans() == [orphan, (*R, "Gone")]  # back in its place
    assert list(state.project.entries) == list({**ENTRIES, DATA: None})
    assert state.project.entries[orphan] == ENTRIES[orphan]
    assert state.project.entries[DATA] == NodeState(note="core")
    assert not state.is_folded(data)
    assert snapshot(state) == before


def test_reattach_to_a_node_without_entry_moves_the_entry_whole() -> None:
    state = make_state(ENTRIES)
    state.reattach_change((*R, "Old"), QUEUE).apply(state)
    assert state.project.entries[QUEUE] == NodeState(
        checked=True, note="moved", collapsed=True, extra={"k": 1}
    )
    assert state.is_checked(node(state, QUEUE))
    assert not state.is_folded(node(state, QUEUE))  # a leaf is never folded
    check_consistent(state)


def test_reattach_does_not_repeat_a_note_already_there() -> None:
    state = make_state({**ENTRIES, PG: NodeState(note="elsewhere, and more")})
    state.reattach_change((*R, "Gone"), PG).apply(state)
    assert state.project.entries[PG] == NodeState(note="elsewhere, and more")


def test_reattach_change_is_not_applied_until_asked() -> None:
    state = make_state(ENTRIES)
    before = snapshot(state)
    change = state.reattach_change((*R, "Old"), CACHE)
    assert isinstance(change, EntriesChange)
    assert snapshot(state) == before
    assert state.project.entries[CACHE] == ENTRIES[CACHE]


# --------------------------------------------------------------------------- saving


def test_to_data_lists_entries_in_map_order_orphans_after_unknown_keys_kept() -> None:
    mindmap = small_map()
    project = Project(
        "m.mmd",
        entries={
            (*R, "Gone"): NodeState(note="first orphan"),
            QUEUE: NodeState(checked=True),
            REDIS2: NodeState(note="second", extra={"priority": "high"}),
            (*R, "Old"): NodeState(collapsed=True),
            DATA: NodeState(collapsed=True),
            PG: NodeState(checked=True),
        },
        extra={"owner": "platform team"},
    )
    state = MapState(mindmap, project)
    data = project.to_data(state.save_order())
    assert data["owner"] == "platform team"
    assert [tuple(e["path"]) for e in data["nodes"]] == [
        DATA,
        PG,
        REDIS2,
        QUEUE,
        (*R, "Gone"),
        (*R, "Old"),
    ]
    assert data["nodes"][2] == {"path": list(REDIS2), "note": "second\n", "priority": "high"}
    assert state.save_order() == {p: i for i, p in enumerate(MAP_ORDER)}
    # without an order, file order
    assert [tuple(e["path"]) for e in project.to_data()["nodes"]] == list(project.entries)


# --------------------------------------------------------------------------- a property


@st.composite
def random_setups(draw: st.DrawFn) -> tuple[MindMap, Project]:
    """A small tree (labels repeat, so ``#2`` paths occur) and a project with entries on
    some of its nodes and a few orphans."""
    count = draw(st.integers(1, 12))
    labels = st.sampled_from(["a", "b", "c", "ç"])
    root = Node("R")
    nodes = [root]
    for i in range(1, count):
        nodes.append(nodes[draw(st.integers(0, i - 1))].add(Node(draw(labels))))
    mindmap = MindMap(root)
    states = st.builds(
        NodeState,
        checked=st.booleans(),
        note=st.sampled_from(["", "x", "y"]),
        collapsed=st.booleans(),
        extra=st.sampled_from([{}, {"k": 1}]),
    )
    project = Project("m.mmd")
    for n in draw(st.lists(st.sampled_from(nodes), unique=True, max_size=count)):
        entry = draw(states)
        if not entry.is_empty():
            project.entries[mindmap.path_of(n)] = entry
    for i in range(draw(st.integers(0, 3))):
        entry = draw(states)
        if not entry.is_empty():
            project.entries[("R", f"gone{i}")] = entry
    return mindmap, project


def draw_change(data: st.DataObject, state: MapState) -> Change:
    nodes = list(state.mindmap)
    some = st.frozensets(st.sampled_from(nodes), max_size=4)
    kinds = ["check", "note", "fold", "unfold", "folds_to", "level", "reveal"]
    orphans = [p for p in state.project.entries if p not in state.index.nodes]
    if orphans:
        kinds.append("reattach")
    kind = data.draw(st.sampled_from(kinds))
    if kind == "check":
        return state.set_change(data.draw(st.sampled_from(nodes)), checked=data.draw(st.booleans()))
    if kind == "note":
        note = data.draw(st.sampled_from(["", "x", "z"]))
        return state.set_change(data.draw(st.sampled_from(nodes)), note=note)
    if kind == "fold":
        return FoldChange(fold=data.draw(some), unfold=data.draw(some))
    if kind == "unfold":
        return FoldChange(unfold=data.draw(some))
    if kind == "folds_to":
        return state.folds_to(data.draw(some))
    if kind == "level":
        return state.folds_to(state.level_folds(data.draw(st.integers(0, 3))))
    if kind == "reveal":
        return state.reveal_change(data.draw(st.sampled_from(nodes)))
    orphan = data.draw(st.sampled_from(orphans))
    return state.reattach_change(orphan, state.path_of(data.draw(st.sampled_from(nodes))))


@settings(deadline=None, max_examples=150)
@given(setup=random_setups(), data=st.data(), folds_given=st.booleans())
def test_random_changes_undo_and_redo_exactly(
    setup: tuple[MindMap, Project], data: st.DataObject, folds_given: bool
) -> None:
    mindmap, project = setup
    folded = None
    if folds_given:
        folded = data.draw(st.frozensets(st.sampled_from(list(mindmap)), max_size=4))
    state = MapState(mindmap, project, folded)
    check_consistent(state)
    if data.draw(st.booleans()):
        state.rollup(mindmap.root)  # incremental roll-up from the start, or recounted
    initial = snapshot(state)
    initial_entries = list(project.entries)

    undo: list[Change] = []
    for _ in range(data.draw(st.integers(1, 12))):
        undo.append(draw_change(data, state).apply(state))
        check_consistent(state)
    end = snapshot(state)

    redo: list[Change] = []
    for change in reversed(undo):
        redo.append(change.apply(state))
        check_consistent(state)
    assert snapshot(state) == initial
    assert project.to_data(state.save_order()) == initial["data"]
    # entries come back in their order among themselves where it is seen (the orphans)
    nodes = state.index.nodes
    assert [p for p in project.entries if p not in nodes] == [
        p for p in initial_entries if p not in nodes
    ]

    for change in reversed(redo):
        change.apply(state)
        check_consistent(state)
    assert snapshot(state) == end
