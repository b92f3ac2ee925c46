"""Tests of ``compute_layout(..., hidden=...)``: filtered views (decisions only).

A layout with hidden subtrees must be exactly the layout of the tree with those subtrees
cut off, whatever the kind, the folds and the kind of container naming them.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_layout import TreeData, check_common, random_trees

from karar.core.layout import LayoutKind, compute_layout
from karar.core.model import Node


def make(data: TreeData) -> tuple[list[Node], dict[Node, tuple[float, float]]]:
    parents, sizes, _ = data
    nodes = [Node("n0")]
    for i in range(1, len(parents)):
        nodes.append(nodes[parents[i]].add(Node(f"n{i}")))
    return nodes, dict(zip(nodes, sizes, strict=True))


def pruned(root: Node, hidden: set[Node]) -> tuple[Node, dict[Node, Node]]:
    """A copy of the tree without the hidden subtrees, and copy -> original."""
    copy = Node(root.label)
    back = {copy: root}
    stack = [(root, copy)]
    while stack:
        orig, new = stack.pop()
        for child in orig.children:
            if child in hidden:
                continue
            c = new.add(Node(child.label))
            back[c] = child
            stack.append((child, c))
    return copy, back


@pytest.mark.parametrize("kind", list(LayoutKind))
@settings(deadline=None, max_examples=80)
@given(tree=random_trees(), seed=st.integers(0, 2**16))
def test_hidden_equals_the_pruned_tree(kind: LayoutKind, tree: TreeData, seed: int) -> None:
    nodes, sizes = make(tree)
    rnd = random.Random(seed)
    hidden = {n for n in nodes[1:] if rnd.random() < 0.2}
    folded = {n for n in nodes if rnd.random() < 0.1}
    layout = compute_layout(nodes[0], sizes.__getitem__, kind, folded, hidden=hidden)

    copy, back = pruned(nodes[0], hidden)
    forward = {v: k for k, v in back.items()}
    expected = compute_layout(
        copy,
        lambda n: sizes[back[n]],
        kind,
        {forward[n] for n in folded if n in forward},
    )
    assert layout.order == [back[n] for n in expected.order]
    for node, box in expected.boxes.items():
        assert layout.boxes[back[node]] == box
    assert layout.bounds == expected.bounds
    if not hidden:
        check_common(layout, nodes[0], folded)


def test_hidden_root_is_still_laid_out() -> None:
    root = Node("root")
    a = root.add(Node("a"))
    layout = compute_layout(root, lambda n: (40.0, 20.0), hidden={root})
    assert set(layout.boxes) == {root, a}


def test_a_node_whose_children_are_all_hidden_is_a_leaf() -> None:
    root = Node("root")
    a = root.add(Node("a"))
    kids = [a.add(Node(f"k{i}")) for i in range(3)]
    b = root.add(Node("b"))
    layout = compute_layout(root, lambda n: (40.0, 20.0), LayoutKind.TREE, hidden=set(kids))
    assert layout.order == [root, a, b]
    plain = compute_layout(root, lambda n: (40.0, 20.0), LayoutKind.TREE, folded={a})
    assert layout.boxes == plain.boxes


class Outside:
    """Every node not in ``shown`` (a container with no length)."""

    def __init__(self, shown: set[Node]) -> None:
        self.shown = shown

    def __contains__(self, node: object) -> bool:
        return node not in self.shown


def test_any_container_works_and_empty_hides_nothing() -> None:
    root = Node("root")
    a = root.add(Node("a"))
    a1 = a.add(Node("a1"))
    a.add(Node("a2"))
    root.add(Node("b")).add(Node("b1"))
    size = lambda n: (40.0, 20.0)  # noqa: E731
    layout = compute_layout(root, size, hidden=Outside({root, a, a1}))
    assert layout.order == [root, a, a1]
    assert compute_layout(root, size, hidden=frozenset()).boxes == compute_layout(root, size).boxes
    assert compute_layout(root, size, hidden=[]).boxes == compute_layout(root, size).boxes
