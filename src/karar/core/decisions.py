"""Decisions over a map: roll-up of checked nodes, and finding homes for orphaned entries.

A roll-up tells, for every node, how many nodes of its subtree (itself excluded) are
checked and how many there are, so a folded branch can say "3/12". Orphans are project
entries whose path names no node any more (the map was edited); :func:`suggest_homes`
proposes the nodes they most likely meant.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from karar.core.model import MindMap, Node, NodePath


@dataclass(frozen=True, slots=True)
class Rollup:
    """Checked nodes below a node, and all nodes below it."""

    checked: int
    total: int

    def __str__(self) -> str:
        return f"{self.checked}/{self.total}"


def rollup(mind_map: MindMap, checked: Container[Node]) -> dict[Node, Rollup]:
    """Per node: checked descendants and descendants (post-order, no recursion)."""
    if mind_map.root is None:
        return {}
    order = list(mind_map.root.walk())
    counts: dict[Node, list[int]] = {node: [0, 0] for node in order}
    for node in reversed(order):
        parent = node.parent
        if parent is None:
            continue
        mine = counts[node]
        theirs = counts[parent]
        theirs[0] += mine[0] + (1 if node in checked else 0)
        theirs[1] += mine[1] + 1
    return {node: Rollup(c, t) for node, (c, t) in counts.items()}


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A node an orphaned entry may have meant, and why."""

    path: NodePath
    reason: str
    score: float


def suggest_homes(orphan: NodePath, mind_map: MindMap, *, limit: int = 3) -> list[Suggestion]:
    """Nodes the orphan probably meant, best first.

    Two kinds of near match: the same label somewhere else (the node moved under another
    parent), and a small edit to the label under the same parent path or anywhere (the
    label was reworded). Labels compare without the ``#N`` sibling suffix.
    """
    import difflib  # only when there are orphans to place

    if mind_map.root is None or not orphan:
        return []
    paths = mind_map.paths()
    want = _bare(orphan[-1])
    want_parent = tuple(_bare(p) for p in orphan[:-1])
    scored: dict[NodePath, Suggestion] = {}
    for node, path in paths.items():
        label = node.label
        parent = tuple(_bare(p) for p in path[:-1])
        same_parent = parent == want_parent
        if label == want:
            if same_parent:
                continue  # that would be the orphan itself, under a sibling-number change
            score = 0.9 + 0.1 * _parent_likeness(parent, want_parent)
            reason = "same label, moved to another branch"
        else:
            ratio = difflib.SequenceMatcher(None, want.casefold(), label.casefold()).ratio()
            if ratio < 0.75:
                continue
            score = ratio * (0.95 if same_parent else 0.8)
            reason = "label edited" if same_parent else "similar label in another branch"
        if score > scored.get(path, Suggestion(path, "", 0.0)).score:
            scored[path] = Suggestion(path, reason, score)
    return sorted(scored.values(), key=lambda s: (-s.score, s.path))[:limit]


def _bare(element: str) -> str:
    """A path element without its ``#N`` sibling suffix."""
    head, sep, tail = element.rpartition(" #")
    return head if sep and tail.isdigit() else element


def _parent_likeness(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a and not b:
        return 1.0
    common = sum(1 for x, y in zip(a, b, strict=False) if x == y)
    return common / max(len(a), len(b))
