"""Tests of karar.core.scope and the branch filter, without Qt: what each export scope
names (folds, filter), exactly."""

from __future__ import annotations

import pytest

from karar.core.filters import BranchOnly, DecisionsOnly
from karar.core.mermaid import parse_mermaid
from karar.core.project import Project
from karar.core.scope import Scope
from karar.core.state import MapState

MAP = "mindmap\n  Root\n    Data\n      PostgreSQL\n    Cache\n      Redis\n    Queue\n"


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("all", Scope("all")),
        ("folded", Scope("folded")),
        ("decisions", Scope("decisions")),
        ("branch:1", Scope("branch", 1)),
        ("branch:12", Scope("branch", 12)),
    ],
)
def test_parse(text: str, scope: Scope) -> None:
    assert Scope.parse(text) == scope
    assert str(scope) == text


@pytest.mark.parametrize(
    "text", ["", "All", "branch", "branch:", "branch:0", "branch:-2", "branch:٣"]
)
def test_parse_refuses_naming_the_choices(text: str) -> None:
    with pytest.raises(ValueError, match="all, folded, decisions, branch:N"):
        Scope.parse(text)


def test_folds_and_filters() -> None:
    assert Scope("all").folds() == [] and Scope("all").view_filter() is None
    assert Scope("folded").folds() is None and Scope("folded").view_filter() is None
    assert isinstance(Scope("decisions").view_filter(), DecisionsOnly)
    branch = Scope("branch", 2)
    assert branch.folds() == []
    view = branch.view_filter()
    assert isinstance(view, BranchOnly) and view.number == 2


def test_check_counts_the_first_level_branches() -> None:
    m = parse_mermaid(MAP).map
    assert Scope("branch", 3).check(m) is None
    assert Scope("branch", 4).check(m) == "--scope branch:4: the map has 3 first-level branches"
    assert Scope("all").check(m) is None


def test_branch_only_hides_the_other_first_level_branches() -> None:
    m = parse_mermaid(MAP).map
    state = MapState(m, Project(map_ref="m.mmd"))
    assert m.root is not None
    data, cache, queue = m.root.children
    assert BranchOnly(2).hidden(state) == {data, queue}
    assert BranchOnly(1).hidden(state) == {cache, queue}
    assert BranchOnly(9).hidden(state) == {data, cache, queue}  # only the root is left
    assert BranchOnly(1).folds_apply
