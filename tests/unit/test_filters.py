"""Tests of karar.core.filters without Qt: what the whole-map and decisions-only views show
and leave out, exactly, and that a layout given their hidden tops draws just that."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from test_layout import TreeData, make_tree, random_trees

from karar.core.filters import (
    ALL,
    BranchOnly,
    DecisionsOnly,
    ViewFilter,
    Within,
    hidden_tops,
    path_closure,
)
from karar.core.layout import LayoutKind, compute_layout
from karar.core.mermaid import parse_mermaid
from karar.core.model import MindMap, Node, NodePath
from karar.core.project import NodeState, Project
from karar.core.state import MapState

MAP = (
    "mindmap\n"
    "  Root\n"
    "    Data\n"
    "      PostgreSQL\n"
    "      MySQL\n"
    "        InnoDB\n"
    "    Cache\n"
    "      Redis\n"
    "      Memcached\n"
    "    Queue\n"
)


def state_with(checked: list[str], folded: list[str] | None = None) -> MapState:
    """The small map with the nodes of these labels checked (and folded)."""
    mindmap = parse_mermaid(MAP).map
    by_label = {n.label: n for n in mindmap}
    project = Project(
        "m.mmd",
        entries={mindmap.path_of(by_label[c]): NodeState(checked=True) for c in checked},
    )
    folds = None if folded is None else [by_label[f] for f in folded]
    return MapState(mindmap, project, folds)


def labels(nodes: set[Node] | frozenset[Node] | None) -> set[str] | None:
    return None if nodes is None else {n.label for n in nodes}


def test_the_default_view_shows_everything_with_folds() -> None:
    state = state_with(["InnoDB"], folded=["Data"])
    assert isinstance(ALL, ViewFilter)
    assert ALL.name == "all"
    assert ALL.folds_apply is True
    assert ALL.follows_decisions is False
    assert ALL.shown(state) is None
    assert ALL.hidden(state) == frozenset()


def test_decisions_only_shows_root_checked_and_their_ancestors() -> None:
    state = state_with(["InnoDB", "Redis"], folded=["Data", "Cache"])
    view = DecisionsOnly()
    assert view.name == "decisions"
    assert view.folds_apply is False  # the folds of Data and Cache do not hide InnoDB
    assert view.follows_decisions is True
    assert labels(view.shown(state)) == {"Root", "Data", "MySQL", "InnoDB", "Cache", "Redis"}
    assert labels(view.hidden(state)) == {"PostgreSQL", "Memcached", "Queue"}


def test_within_leaves_out_what_either_filter_leaves_out() -> None:
    state = state_with(["InnoDB", "Redis"], folded=["Data", "Cache"])
    view = Within(DecisionsOnly(), BranchOnly(1))
    assert (view.name, view.folds_apply, view.follows_decisions) == ("decisions", False, True)
    assert labels(view.hidden(state)) == {"PostgreSQL", "Memcached", "Queue", "Cache"}
    assert state.root is not None
    layout = compute_layout(state.root, lambda n: (40.0, 20.0), hidden=view.hidden(state))
    assert {n.label for n in layout.boxes} == {"Root", "Data", "MySQL", "InnoDB"}
    assert labels(Within(ALL, BranchOnly(2)).hidden(state)) == {"Data", "Queue"}


def test_decisions_only_with_a_checked_inner_node_hides_its_unchecked_children() -> None:
    state = state_with(["MySQL", "Queue"])
    view = DecisionsOnly()
    assert labels(view.shown(state)) == {"Root", "Data", "MySQL", "Queue"}
    assert labels(view.hidden(state)) == {"PostgreSQL", "InnoDB", "Cache"}


def test_decisions_only_with_nothing_checked_shows_the_root_alone() -> None:
    state = state_with([])
    view = DecisionsOnly()
    assert labels(view.shown(state)) == {"Root"}
    assert labels(view.hidden(state)) == {"Data", "Cache", "Queue"}


def test_decisions_only_follows_a_check() -> None:
    state = state_with([])
    view = DecisionsOnly()
    queue = next(n for n in state.mindmap if n.label == "Queue")
    state.set_change(queue, checked=True).apply(state)
    assert labels(view.shown(state)) == {"Root", "Queue"}
    assert labels(view.hidden(state)) == {"Data", "Cache"}


def test_decisions_only_on_an_empty_map() -> None:
    state = MapState(MindMap(None), Project("m.mmd"))
    assert DecisionsOnly().shown(state) == set()
    assert DecisionsOnly().hidden(state) == frozenset()


def test_path_closure_and_hidden_tops() -> None:
    mindmap = parse_mermaid(MAP).map
    by_label = {n.label: n for n in mindmap}
    shown = path_closure(mindmap.root, [by_label["InnoDB"], by_label["PostgreSQL"]])
    assert labels(shown) == {"Root", "Data", "PostgreSQL", "MySQL", "InnoDB"}
    assert labels(hidden_tops(shown)) == {"Cache", "Queue"}
    assert path_closure(mindmap.root, []) == {mindmap.root}
    assert path_closure(None, []) == set()


def subtree(node: Node) -> set[Node]:
    return set(node.walk())


@settings(deadline=None, max_examples=80)
@given(tree=random_trees(), seed=st.integers(0, 2**16))
def test_hidden_tops_leave_out_exactly_what_is_not_shown(tree: TreeData, seed: int) -> None:
    root, sizes, folded = make_tree(tree)
    rnd = random.Random(seed)
    everything = list(root.walk())
    mindmap = MindMap(root)
    paths: dict[Node, NodePath] = mindmap.paths()
    checked = [n for n in everything if rnd.random() < 0.2]
    project = Project("m.mmd", entries={paths[n]: NodeState(checked=True) for n in checked})
    state = MapState(mindmap, project, folded)
    view = DecisionsOnly()

    shown = view.shown(state)
    assert shown is not None
    expected = {root}
    for n in checked:
        expected |= {n, *n.ancestors()}
    assert shown == expected
    hidden = view.hidden(state)
    assert not hidden & shown
    assert all(n.parent in shown for n in hidden)
    left_out: set[Node] = set()
    for top in hidden:
        left_out |= subtree(top)
    assert left_out == set(everything) - shown

    # drawn with the view's hidden tops and, as it says, without the user's folds
    assert not view.folds_apply
    layout = compute_layout(root, sizes.__getitem__, LayoutKind.MINDMAP, hidden=hidden)
    assert set(layout.boxes) == shown
