"""View filters: what a view of the map leaves out, and whether folds apply to it.

A filter is a small pure object the canvas asks two things: which subtrees to leave out
(their topmost nodes, what :func:`karar.core.layout.compute_layout` takes as ``hidden``) and
whether the user's folds apply. The filters of the View menu: everything, decisions (the
decided nodes and the path to them), open questions (considering) and hide rejected; on a
tally (:mod:`karar.core.votes`) also agreed by all, split, and nobody voted.
"""

from __future__ import annotations

from collections.abc import Iterable

from karar.core.model import Node
from karar.core.state import MapState
from karar.core.status import Decision
from karar.core.votes import Tally


class ViewFilter:
    """Shows the whole map with the user's folds (the default view)."""

    #: a name for the view menu, the status bar and ``--describe``
    name = "all"
    #: whether the user's folds apply (a filter that picks nodes itself may ignore them)
    folds_apply = True
    #: whether what is shown depends on the decisions (the canvas recomputes it on a check)
    follows_decisions = False

    def shown(self, state: MapState) -> set[Node] | None:
        """The nodes this view keeps (ancestors included), or None for every node."""
        return None

    def hidden(self, state: MapState) -> frozenset[Node]:
        """The topmost nodes of the subtrees this view leaves out."""
        shown = self.shown(state)
        return frozenset() if shown is None else hidden_tops(shown)


class DecisionsOnly(ViewFilter):
    """The decided nodes (any state) and the paths that lead to them, whatever is folded."""

    name = "decisions"
    folds_apply = False
    follows_decisions = True

    def shown(self, state: MapState) -> set[Node] | None:
        return path_closure(state.root, state.decided_nodes())


class OpenQuestions(ViewFilter):
    """The nodes under consideration and the paths that lead to them, whatever is folded."""

    name = "open"
    folds_apply = False
    follows_decisions = True

    def shown(self, state: MapState) -> set[Node] | None:
        return path_closure(state.root, state.nodes_in(Decision.CONSIDERING))


class HideRejected(ViewFilter):
    """The map with the user's folds, less every rejected node and what lies below it."""

    name = "hide-rejected"
    follows_decisions = True

    def hidden(self, state: MapState) -> frozenset[Node]:
        rejected = state.nodes_in(Decision.REJECTED)
        return frozenset(
            n
            for n in rejected
            if n.parent is not None and not any(a in rejected for a in n.ancestors())
        )


class AgreedByAll(ViewFilter):
    """The nodes every participant of the tally voted for, and the paths to them."""

    name = "agreed"
    folds_apply = False

    def shown(self, state: MapState) -> set[Node] | None:
        return path_closure(state.root, Tally(state).agreed())


class Split(ViewFilter):
    """The nodes some but not all participants voted for, and the paths to them."""

    name = "split"
    folds_apply = False

    def shown(self, state: MapState) -> set[Node] | None:
        return path_closure(state.root, Tally(state).split())


class NobodyVoted(ViewFilter):
    """The options nobody voted for — the leaves of the map without votes — and the paths
    to them (a branch is no option: it holds them). On a project that is no tally it
    shows only the root."""

    name = "no-votes"
    folds_apply = False

    def shown(self, state: MapState) -> set[Node] | None:
        tally = Tally(state)
        if not tally.is_tally:
            return path_closure(state.root, ())
        return path_closure(state.root, tally.unvoted_leaves(state.index.depth))


class Within(ViewFilter):
    """What ``outer`` shows of what ``inner`` shows: both filters' left-out subtrees are
    left out (a branch's page of a picture of the decisions, say); folds apply as
    ``outer``'s do."""

    def __init__(self, outer: ViewFilter, inner: ViewFilter) -> None:
        self.outer, self.inner = outer, inner
        self.name = outer.name
        self.folds_apply = outer.folds_apply
        self.follows_decisions = outer.follows_decisions or inner.follows_decisions

    def hidden(self, state: MapState) -> frozenset[Node]:
        return self.outer.hidden(state) | self.inner.hidden(state)


def path_closure(root: Node | None, nodes: Iterable[Node]) -> set[Node]:
    """The root, ``nodes`` and every ancestor of one of them."""
    shown: set[Node] = set() if root is None else {root}
    for node in nodes:
        n: Node | None = node
        while n is not None and n not in shown:
            shown.add(n)
            n = n.parent
    return shown


def hidden_tops(shown: set[Node]) -> frozenset[Node]:
    """The children of shown nodes that are not shown themselves: naming them leaves out
    exactly the nodes outside ``shown`` (which holds every ancestor of its members)."""
    return frozenset(c for n in shown for c in n.children if c not in shown)


ALL = ViewFilter()
FILTERS: tuple[ViewFilter, ...] = (
    ALL,
    DecisionsOnly(),
    OpenQuestions(),
    HideRejected(),
    AgreedByAll(),
    Split(),
    NobodyVoted(),
)
"""The view filters the window offers, in menu order."""


class BranchOnly(ViewFilter):
    """The root and one first-level branch, alone (the other branches are left out); the
    folds apply inside the branch.

    Args:
        number: The branch, 1-based in the root's order; a number past the last branch
            leaves only the root.
    """

    name = "branch"

    def __init__(self, number: int) -> None:
        self.number = number

    def hidden(self, state: MapState) -> frozenset[Node]:
        root = state.root
        if root is None:
            return frozenset()
        return frozenset(c for i, c in enumerate(root.children, 1) if i != self.number)
