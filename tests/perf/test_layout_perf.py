"""Benchmarks of karar.core.layout on generated maps (pytest-benchmark).

Run with ``.venv/bin/pytest tests/perf/test_layout_perf.py -p no:cacheprovider``.
Targets: 10,000 visible nodes in under 40 ms and 100,000 in under 500 ms (mind-map kind).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest

from karar.core.layout import Layout, LayoutKind, compute_layout
from karar.core.model import Node


def balanced_tree(count: int, seed: int) -> list[Node]:
    """``count`` nodes, breadth first, each parent taking 1-6 children (seeded)."""
    rnd = random.Random(seed)
    root = Node("root")
    nodes = [root]
    parent = 0
    while len(nodes) < count:
        for _ in range(rnd.randint(1, 6)):
            if len(nodes) == count:
                break
            nodes.append(nodes[parent].add(Node(f"n{len(nodes)}")))
        parent += 1
    return nodes


def sizes_for(nodes: list[Node], seed: int) -> Callable[[Node], tuple[float, float]]:
    """Constant-ish box sizes, as cached font metrics would give: a dict lookup."""
    rnd = random.Random(seed)
    sizes = {
        node: (float(rnd.randrange(80, 160, 8)), rnd.choice((20.0, 20.0, 40.0))) for node in nodes
    }
    return sizes.__getitem__


@pytest.fixture(scope="module")
def tree_10k() -> tuple[list[Node], Callable[[Node], tuple[float, float]]]:
    nodes = balanced_tree(10_000, seed=10)
    return nodes, sizes_for(nodes, seed=10)


@pytest.fixture(scope="module")
def tree_100k() -> tuple[list[Node], Callable[[Node], tuple[float, float]]]:
    nodes = balanced_tree(100_000, seed=100)
    return nodes, sizes_for(nodes, seed=100)


def test_mindmap_10k(benchmark: Any, tree_10k: Any) -> None:
    nodes, size_of = tree_10k
    layout = benchmark(compute_layout, nodes[0], size_of, LayoutKind.MINDMAP)
    assert len(layout.boxes) == 10_000


def test_mindmap_100k(benchmark: Any, tree_100k: Any) -> None:
    nodes, size_of = tree_100k
    layout = benchmark(compute_layout, nodes[0], size_of, LayoutKind.MINDMAP)
    assert len(layout.boxes) == 100_000


def test_mindmap_10k_fold_one_mid_node(benchmark: Any, tree_10k: Any) -> None:
    """Relayout after folding one node half-way down (the common interactive case)."""
    nodes, size_of = tree_10k
    depth = {nodes[0]: 0}
    for node in nodes[1:]:
        depth[node] = depth[node.parent] + 1  # type: ignore[index]
    middle = max(depth.values()) // 2
    # The mid-depth node with the largest subtree, so the fold actually matters.
    _, _, target = max(
        (n.descendant_count(), -i, n) for i, n in enumerate(nodes) if depth[n] == middle
    )
    layout = benchmark(compute_layout, nodes[0], size_of, LayoutKind.MINDMAP, {target})
    assert len(layout.boxes) == 10_000 - target.descendant_count()


def test_tree_10k(benchmark: Any, tree_10k: Any) -> None:
    nodes, size_of = tree_10k
    benchmark(compute_layout, nodes[0], size_of, LayoutKind.TREE)


def test_radial_10k(benchmark: Any, tree_10k: Any) -> None:
    nodes, size_of = tree_10k
    benchmark(compute_layout, nodes[0], size_of, LayoutKind.RADIAL)


def test_visible_in_viewport_100k(benchmark: Any, tree_100k: Any) -> None:
    """A viewport-sized query on a built index (what every scroll costs)."""
    nodes, size_of = tree_100k
    layout = compute_layout(nodes[0], size_of, LayoutKind.MINDMAP)
    box = layout.boxes[nodes[len(nodes) // 2]]
    found = benchmark(layout.visible_in, box.x - 800, box.y - 500, 1600, 1000)
    assert nodes[len(nodes) // 2] in found


def test_index_build_100k(benchmark: Any, tree_100k: Any) -> None:
    """The first query after a relayout builds the grid."""
    nodes, size_of = tree_100k

    def fresh_layout() -> tuple[tuple[Layout], dict[str, Any]]:
        return (compute_layout(nodes[0], size_of, LayoutKind.MINDMAP),), {}

    def first_query(layout: Layout) -> list[Node]:
        return layout.visible_in(0, 0, 1600, 1000)

    benchmark.pedantic(first_query, setup=fresh_layout, rounds=5, iterations=1)
