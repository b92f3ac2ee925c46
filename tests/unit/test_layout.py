"""Tests of karar.core.layout: exact tiny trees, properties of random trees, big shapes,
the spatial index and a golden fixture for the Django decision tree.

Regenerate the golden file with ``KARAR_REGEN_GOLDEN=1 .venv/bin/pytest tests/unit/test_layout.py``.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karar.core.layout import Box, Layout, LayoutKind, Spacing, balanced_split, compute_layout
from karar.core.model import MindMap, Node

DATA = Path(__file__).resolve().parent.parent / "data"
GOLDEN = DATA / "layout-golden-django.json"
HORIZONTAL = [LayoutKind.MINDMAP, LayoutKind.TREE]
TOL = 1e-6

Spec = tuple[str, float, float, list[Any]]


def build(spec: Spec) -> tuple[Node, dict[str, Node], Callable[[Node], tuple[float, float]]]:
    """A tree from nested ``(label, w, h, [children...])`` tuples, its nodes by label and a
    size function."""
    label, w, h, children = spec
    root = Node(label)
    by_label = {label: root}
    sizes = {root: (w, h)}
    stack = [(root, children)]
    while stack:
        parent, kids = stack.pop()
        for label, w, h, grandkids in kids:
            node = parent.add(Node(label))
            by_label[label] = node
            sizes[node] = (w, h)
            stack.append((node, grandkids))
    return root, by_label, sizes.__getitem__


def xywh(box: Box) -> tuple[float, float, float, float]:
    return (box.x, box.y, box.w, box.h)


def overlap(a: Box, b: Box) -> bool:
    return (
        a.x < b.x + b.w - TOL
        and b.x < a.x + a.w - TOL
        and a.y < b.y + b.h - TOL
        and b.y < a.y + a.h - TOL
    )


def intersects_closed(b: Box, x: float, y: float, w: float, h: float) -> bool:
    return b.x <= x + w and x <= b.x + b.w and b.y <= y + h and y <= b.y + b.h


def visible_preorder(root: Node, folded: set[Node]) -> list[Node]:
    out, stack = [], [root]
    while stack:
        node = stack.pop()
        out.append(node)
        if node not in folded:
            stack.extend(reversed(node.children))
    return out


# ---------------------------------------------------------------- exact tiny trees


@pytest.mark.parametrize("kind", list(LayoutKind))
def test_root_only_is_centred_on_the_origin(kind: LayoutKind) -> None:
    root, _, size = build(("R", 100, 40, []))
    layout = compute_layout(root, size, kind)
    assert layout.boxes == {root: Box(-50, -20, 100, 40, 0, 0)}
    assert layout.order == [root]
    assert layout.bounds == (-50, -20, 100, 40)
    assert layout.kind is kind


@pytest.mark.parametrize("kind", HORIZONTAL)
def test_one_child_sits_a_level_gap_to_the_right_centred(kind: LayoutKind) -> None:
    root, n, size = build(("R", 100, 40, [("A", 80, 20, [])]))
    layout = compute_layout(root, size, kind)
    assert layout.boxes[n["A"]] == Box(110, -10, 80, 20, 1, 1)
    assert layout.edge(n["A"]) == (50, 0, 110, 0)
    assert layout.bounds == (-50, -20, 240, 40)


def test_tree_two_children_of_different_heights() -> None:
    root, n, size = build(("R", 100, 40, [("A", 80, 20, []), ("B", 60, 50, [])]))
    layout = compute_layout(root, size, LayoutKind.TREE)
    # B sits a sibling gap below A; the root is centred on A.top..B.bottom = 0..80.
    assert xywh(layout.boxes[n["A"]]) == (110, -40, 80, 20)
    assert xywh(layout.boxes[n["B"]]) == (110, -10, 60, 50)
    assert layout.edge(n["A"]) == (50, 0, 110, -30)
    assert layout.edge(n["B"]) == (50, 0, 110, 15)
    assert layout.bounds == (-50, -40, 240, 80)


def test_mindmap_two_children_split_right_and_left() -> None:
    root, n, size = build(("R", 100, 40, [("A", 80, 20, []), ("B", 60, 50, [])]))
    layout = compute_layout(root, size, LayoutKind.MINDMAP)
    assert layout.boxes[n["A"]] == Box(110, -10, 80, 20, 1, 1)
    # Left side: B's right edge is a level gap left of the root's left edge.
    assert layout.boxes[n["B"]] == Box(-170, -25, 60, 50, -1, 1)
    assert layout.edge(n["B"]) == (-50, 0, -110, 0)
    assert layout.bounds == (-170, -25, 360, 50)


THREE_LEVELS: Spec = (
    "R",
    100,
    40,
    [("A", 80, 20, [("A1", 50, 20, []), ("A2", 70, 30, [])]), ("B", 60, 20, [])],
)


def test_tree_three_levels() -> None:
    root, n, size = build(THREE_LEVELS)
    layout = compute_layout(root, size, LayoutKind.TREE)
    # A1 at 0, A2 at 30; A centred on 0..60 -> 20; B below A's box (20 + 20 + 10 = 50),
    # B is shorter in depth than A so A stays on the right contour; R centred on 20..70.
    got = {label: xywh(layout.boxes[n[label]]) for label in ("R", "A", "A1", "A2", "B")}
    assert got == {
        "R": (-50, -20, 100, 40),
        "A": (110, -25, 80, 20),
        "A1": (250, -45, 50, 20),
        "A2": (250, -15, 70, 30),
        "B": (110, 5, 60, 20),
    }
    assert [b.depth for b in layout.boxes.values()] == [0, 1, 2, 2, 1]
    assert layout.order == [root, n["A"], n["A1"], n["A2"], n["B"]]
    assert layout.edge(n["A2"]) == (190, -15, 250, 0)
    assert layout.bounds == (-50, -45, 370, 70)


def test_mindmap_three_levels() -> None:
    root, n, size = build(THREE_LEVELS)
    layout = compute_layout(root, size, LayoutKind.MINDMAP)
    got = {label: layout.boxes[n[label]] for label in ("A", "A1", "A2", "B")}
    assert got == {
        "A": Box(110, -10, 80, 20, 1, 1),
        "A1": Box(250, -30, 50, 20, 1, 2),
        "A2": Box(250, 0, 70, 30, 1, 2),
        "B": Box(-170, -10, 60, 20, -1, 1),
    }


def test_cousins_are_a_subtree_gap_apart() -> None:
    root, n, size = build(
        ("R", 100, 40, [("A", 80, 20, [("A1", 50, 20, [])]), ("B", 80, 20, [("B1", 50, 20, [])])])
    )
    layout = compute_layout(root, size, LayoutKind.TREE)
    # Siblings A, B would be 10 apart, but cousins A1, B1 need 18: B moves to 38.
    assert [layout.boxes[n[k]].y for k in ("A", "A1", "B", "B1")] == [-29, -29, 9, 9]


def test_intermediate_siblings_are_spread_evenly() -> None:
    root, n, size = build(
        (
            "R",
            100,
            40,
            [
                ("A", 50, 20, [("A1", 50, 100, [])]),
                ("B", 50, 20, []),
                ("C", 50, 20, [("C1", 50, 100, [])]),
            ],
        )
    )
    layout = compute_layout(root, size, LayoutKind.TREE)
    # C is pushed by the A1/C1 contact, and B is moved to half-way between A and C.
    assert [layout.boxes[n[k]].y for k in ("A", "A1", "B", "C", "C1")] == [-69, -109, -10, 49, 9]
    assert layout.boxes[n["B"]].cy == 0


def test_custom_spacing() -> None:
    root, n, size = build(("R", 100, 40, [("A", 80, 20, []), ("B", 60, 50, [])]))
    layout = compute_layout(root, size, LayoutKind.TREE, spacing=Spacing(5, 7, 20))
    assert xywh(layout.boxes[n["A"]]) == (70, -37.5, 80, 20)
    assert xywh(layout.boxes[n["B"]]) == (70, -12.5, 60, 50)


def test_box_properties() -> None:
    box = Box(1, 2, 10, 20, 1, 3)
    assert (box.cx, box.cy, box.right, box.bottom) == (6, 12, 11, 22)


def test_edge_of_root_is_an_error_and_hidden_nodes_are_unknown() -> None:
    root, n, size = build(THREE_LEVELS)
    layout = compute_layout(root, size, folded={n["A"]})
    with pytest.raises(ValueError, match="root"):
        layout.edge(root)
    with pytest.raises(KeyError):
        layout.edge(n["A1"])


def test_folded_root_shows_only_the_root() -> None:
    root, _, size = build(THREE_LEVELS)
    layout = compute_layout(root, size, folded={root})
    assert layout.order == [root]


# ---------------------------------------------------------------- radial


def test_radial_four_children_on_one_ring() -> None:
    root, n, size = build(("R", 40, 20, [(k, 40, 20, []) for k in "ABCD"]))
    layout = compute_layout(root, size, LayoutKind.RADIAL)
    # Ring 1 runs the level gap beyond the root's farthest corner; each box hangs outward
    # from it: the top and bottom ones by their near horizontal edge, centred, the side
    # ones by their near side edge.
    r = math.hypot(40, 20) / 2 + 60
    centres = [(layout.boxes[n[k]].cx, layout.boxes[n[k]].cy) for k in "ABCD"]
    expected = [(0, -r - 10), (r + 20, 0), (0, r + 10), (-r - 20, 0)]  # clockwise from the top
    for got, want in zip(centres, expected, strict=True):
        assert got == pytest.approx(want, abs=1e-9)
    assert [layout.boxes[n[k]].side for k in "ABCD"] == [1, 1, 1, -1]


def test_radial_side_boxes_stack_by_height() -> None:
    # Wide, flat boxes: at the sides they need only their height of the ring, so twelve of
    # them fit on a ring far smaller than their widths laid end to end would need.
    root, _, size = build(("R", 40, 20, [(f"k{i}", 200, 20, []) for i in range(12)]))
    layout = compute_layout(root, size, LayoutKind.RADIAL)
    check_common(layout, root, set())
    check_radial(layout, root, Spacing())
    _, _, w, h = layout.bounds
    assert w < 650 and h < 300  # the leaf-count layout took 648x468


def test_radial_edge_is_clipped_to_both_borders() -> None:
    root, n, size = build(("R", 40, 20, [("A", 40, 20, []), ("B", 40, 20, [])]))
    layout = compute_layout(root, size, LayoutKind.RADIAL)
    b = layout.boxes[n["A"]]  # straight up
    x1, y1, x2, y2 = layout.edge(n["A"])
    assert (x1, y1) == pytest.approx((0, -10))
    assert (x2, y2) == pytest.approx((b.cx, b.bottom))


# ---------------------------------------------------------------- mindmap split


def branch(label: str, leaves: int) -> tuple[str, float, float, list[Any]]:
    return (label, 80, 20, [(f"{label}{i}", 60, 20, []) for i in range(leaves)])


def test_mindmap_symmetric_split_mirrors_both_sides() -> None:
    root, n, size = build(("R", 100, 40, [branch(k, 2) for k in "ABCD"]))
    layout = compute_layout(root, size, LayoutKind.MINDMAP)
    assert [layout.boxes[n[k]].side for k in "ABCD"] == [1, 1, -1, -1]
    for right, left in (("A", "C"), ("B", "D"), ("A0", "C0"), ("B1", "D1")):
        r, l_ = layout.boxes[n[right]], layout.boxes[n[left]]
        assert (l_.y, l_.x) == (r.y, -r.right)
    # Source order top to bottom on both sides.
    assert layout.boxes[n["A"]].y < layout.boxes[n["B"]].y
    assert layout.boxes[n["C"]].y < layout.boxes[n["D"]].y


def test_mindmap_split_balances_heights_and_keeps_source_order() -> None:
    root, n, size = build(("R", 100, 40, [branch("A", 5), *(branch(k, 1) for k in "BCDE")]))
    layout = compute_layout(root, size, LayoutKind.MINDMAP)
    # A weighs 5*20 + 4*10 (+10); the others 20 (+10) each: A alone balances B..E.
    assert [layout.boxes[n[k]].side for k in "ABCDE"] == [1, -1, -1, -1, -1]
    ys = [layout.boxes[n[k]].y for k in "BCDE"]
    assert ys == sorted(ys)


def test_mindmap_split_counts_folded_branches_small() -> None:
    spec = ("R", 100, 40, [branch("A", 10), branch("B", 0), branch("C", 2), branch("D", 0)])
    root, n, size = build(spec)
    sides = [compute_layout(root, size).boxes[n[k]].side for k in "ABCD"]
    assert sides == [1, -1, -1, -1]
    folded = compute_layout(root, size, folded={n["A"]})
    assert [folded.boxes[n[k]].side for k in "ABCD"] == [1, 1, -1, -1]


def test_mindmap_odd_tie_goes_right() -> None:
    root, n, size = build(("R", 100, 40, [branch(k, 1) for k in "ABC"]))
    layout = compute_layout(root, size)
    assert [layout.boxes[n[k]].side for k in "ABC"] == [1, 1, -1]


# ---------------------------------------------------------------- properties


TreeData = tuple[list[int], list[tuple[float, float]], list[bool]]


@st.composite
def random_trees(draw: st.DrawFn) -> TreeData:
    """Plain data (parent index per node, sizes, fold flags), so failures print small."""
    count = draw(st.integers(1, 60))
    parents = [-1] + [draw(st.integers(0, i - 1)) for i in range(1, count)]
    sizes = [(draw(st.floats(10, 300)), draw(st.floats(10, 80))) for _ in range(count)]
    folds = [draw(st.integers(0, 9)) == 0 for _ in range(count)]
    return parents, sizes, folds


def make_tree(data: TreeData) -> tuple[Node, dict[Node, tuple[float, float]], set[Node]]:
    parents, sizes, folds = data
    nodes = [Node("n0")]
    for i in range(1, len(parents)):
        nodes.append(nodes[parents[i]].add(Node(f"n{i}")))
    size_of = dict(zip(nodes, sizes, strict=True))
    return nodes[0], size_of, {n for n, f in zip(nodes, folds, strict=True) if f}


def check_common(layout: Layout, root: Node, folded: set[Node]) -> None:
    visible = visible_preorder(root, folded)
    assert layout.order == visible
    assert list(layout.boxes) == visible  # folded descendants absent, nothing else missing
    boxes = list(layout.boxes.values())
    for a, b in itertools.combinations(boxes, 2):
        assert not overlap(a, b), (a, b)
    x0 = min(b.x for b in boxes)
    y0 = min(b.y for b in boxes)
    assert layout.bounds == pytest.approx(
        (x0, y0, max(b.right for b in boxes) - x0, max(b.bottom for b in boxes) - y0)
    )
    for node in visible:
        assert layout.boxes[node].depth == node.depth


def check_horizontal(layout: Layout, root: Node, spacing: Spacing) -> None:
    boxes = layout.boxes
    first = [c for c in root.children if c in boxes]
    sides = [boxes[c].side for c in first]
    if layout.kind is LayoutKind.TREE or len(first) < 2:
        assert sides == [1] * len(first)
    else:  # a non-empty right prefix and a non-empty left suffix
        k = sides.count(1)
        assert 1 <= k < len(first)
        assert sides == [1] * k + [-1] * (len(first) - k)
    for node, box in boxes.items():
        parent = node.parent
        if parent is None:
            assert box.side == 0
            continue
        p = boxes[parent]
        if parent is not root:
            assert box.side == p.side
        # Depth axis: the child starts a level gap beyond the parent's facing side.
        if box.side > 0:
            assert box.x == pytest.approx(p.right + spacing.level_gap)
        else:
            assert box.right == pytest.approx(p.x - spacing.level_gap)
        x1, y1, x2, y2 = layout.edge(node)
        assert (y1, y2) == pytest.approx((p.cy, box.cy))
        assert x2 >= x1 - TOL if box.side > 0 else x2 <= x1 + TOL
        assert x1 == pytest.approx(p.right if box.side > 0 else p.x)
        assert x2 == pytest.approx(box.x if box.side > 0 else box.right)
    # Children in source order top to bottom per side; parent centred on first..last.
    for node in boxes:
        kids = [c for c in node.children if c in boxes]
        for side in (1, -1):
            group = [boxes[c] for c in kids if boxes[c].side == side]
            for a, b in itertools.pairwise(group):
                assert a.bottom <= b.y + TOL
            if group:
                centre = (group[0].y + group[-1].bottom) / 2
                assert boxes[node].cy == pytest.approx(centre)


def near_far(box: Box) -> tuple[float, float]:
    """Distances from the origin to the nearest point and the farthest corner of a box."""
    dx = max(box.x, -box.right, 0.0)
    dy = max(box.y, -box.bottom, 0.0)
    fx = max(abs(box.x), abs(box.right))
    fy = max(abs(box.y), abs(box.bottom))
    return math.hypot(dx, dy), math.hypot(fx, fy)


def check_radial(layout: Layout, root: Node, spacing: Spacing) -> None:
    near: dict[int, float] = {}
    far: dict[int, float] = {}
    for node, box in layout.boxes.items():
        if node is root:
            assert (box.cx, box.cy, box.side) == (0, 0, 0)
            continue
        # Boxes hang outward from their ring, so the centre is on the side of the angle.
        if abs(box.cx) > 1e-9:
            assert box.side == (1 if box.cx > 0 else -1)
        lo, hi = near_far(box)
        near[box.depth] = min(near.get(box.depth, math.inf), lo)
        far[box.depth] = max(far.get(box.depth, 0.0), hi)
        p = layout.boxes[node.parent]  # type: ignore[index]
        x1, y1, x2, y2 = layout.edge(node)
        for (x, y), b in (((x1, y1), p), ((x2, y2), box)):
            assert b.x - TOL <= x <= b.right + TOL
            assert b.y - TOL <= y <= b.bottom + TOL
            on_border = min(abs(x - b.x), abs(x - b.right), abs(y - b.y), abs(y - b.bottom))
            assert on_border == pytest.approx(0, abs=1e-6)
    # Rings never interleave: every box of ring d lies beyond ring d-1 by the level gap.
    far[0] = near_far(layout.boxes[root])[1]
    for d in sorted(near):
        assert near[d] >= far[d - 1] + spacing.level_gap - 1e-6


@pytest.mark.parametrize("kind", list(LayoutKind))
@settings(deadline=None, max_examples=100)
@given(tree=random_trees())
def test_random_trees(kind: LayoutKind, tree: TreeData) -> None:
    root, sizes, folded = make_tree(tree)
    layout = compute_layout(root, sizes.__getitem__, kind, folded)
    check_common(layout, root, folded)
    if kind is LayoutKind.RADIAL:
        check_radial(layout, root, Spacing())
    else:
        check_horizontal(layout, root, Spacing())
    again = compute_layout(root, sizes.__getitem__, kind, frozenset(folded))
    assert again.boxes == layout.boxes
    assert again.bounds == layout.bounds


@pytest.mark.parametrize("kind", HORIZONTAL)
@settings(deadline=None, max_examples=40)
@given(tree=random_trees(), gaps=st.tuples(st.floats(0, 30), st.floats(0, 30), st.floats(0, 90)))
def test_random_trees_with_random_spacing(
    kind: LayoutKind, tree: TreeData, gaps: tuple[float, float, float]
) -> None:
    root, sizes, folded = make_tree(tree)
    spacing = Spacing(*gaps)
    layout = compute_layout(root, sizes.__getitem__, kind, folded, spacing)
    check_common(layout, root, folded)
    check_horizontal(layout, root, spacing)


# ---------------------------------------------------------------- big shapes


def constant_size(_node: Node) -> tuple[float, float]:
    return (60.0, 20.0)


@pytest.mark.parametrize("kind", list(LayoutKind))
def test_chain_5000_deep(kind: LayoutKind) -> None:
    root = node = Node("0")
    for i in range(1, 5000):
        node = node.add(Node(str(i)))
    layout = compute_layout(root, constant_size, kind)
    assert len(layout.order) == 5000
    last = layout.boxes[node]
    assert last.depth == 4999
    if kind is not LayoutKind.RADIAL:
        assert last.x == pytest.approx(30 + 60 + 4998 * 120)
        assert last.cy == pytest.approx(0)
    assert layout.edge(node)


@pytest.mark.parametrize("kind", list(LayoutKind))
def test_star_20000_wide(kind: LayoutKind) -> None:
    root = Node("hub")
    for i in range(20000):
        root.add(Node(str(i)))
    layout = compute_layout(root, constant_size, kind)
    assert len(layout.boxes) == 20001
    boxes = [layout.boxes[c] for c in root.children]
    if kind is LayoutKind.RADIAL:
        # Pairwise check is too slow here: neighbours in angle are the risky ones.
        for a, b in itertools.pairwise(boxes):
            assert not overlap(a, b)
    else:
        right = [b for b in boxes if b.side > 0]
        left = [b for b in boxes if b.side < 0]
        expected = (10000, 10000) if kind is LayoutKind.MINDMAP else (20000, 0)
        assert (len(right), len(left)) == expected
        for group in (right, left):
            for a, b in itertools.pairwise(group):
                assert b.y - a.bottom == pytest.approx(10)


# ---------------------------------------------------------------- spatial index


@pytest.mark.parametrize("kind", list(LayoutKind))
@pytest.mark.parametrize("seed", range(4))
def test_visible_in_matches_brute_force(kind: LayoutKind, seed: int) -> None:
    rnd = random.Random(seed)
    nodes = [Node("0")]
    for i in range(1, 400):
        nodes.append(nodes[rnd.randrange(max(1, i - 30), i) if i > 1 else 0].add(Node(str(i))))
    sizes = {n: (rnd.uniform(10, 300), rnd.uniform(10, 80)) for n in nodes}
    folded = set(rnd.sample(nodes, 8))
    layout = compute_layout(nodes[0], sizes.__getitem__, kind, folded)
    bx, by, bw, bh = layout.bounds
    rects = [
        (bx - 10, by - 10, bw + 20, bh + 20),  # everything
        (bx + bw + 1, by, 50, 50),  # nothing
    ]
    for _ in range(150):
        w, h = rnd.uniform(0, bw / 3), rnd.uniform(0, bh / 3)
        rects.append((rnd.uniform(bx - w, bx + bw), rnd.uniform(by - h, by + bh), w, h))
    for b in rnd.sample(list(layout.boxes.values()), 20):
        rects.append((b.right, b.bottom, 5, 5))  # touching a corner counts
    for rect in rects:
        want = [n for n in layout.order if intersects_closed(layout.boxes[n], *rect)]
        assert layout.visible_in(*rect) == want
    for _ in range(200):
        x, y = rnd.uniform(bx, bx + bw), rnd.uniform(by, by + bh)
        hits = [n for n in layout.order if intersects_closed(layout.boxes[n], x, y, 0, 0)]
        assert layout.node_at(x, y) == (hits[-1] if hits else None)
    for node in rnd.sample(layout.order, 20):
        b = layout.boxes[node]
        assert layout.node_at(b.cx, b.cy) is node


# ---------------------------------------------------------------- golden fixture


def django_size(node: Node) -> tuple[float, float]:
    """8 px per character up to 240 px, 20 px per wrapped line."""
    width = 8 * len(node.label)
    return (min(width, 240), 20 * max(1, math.ceil(width / 240)))


def golden_payload(layout: Layout) -> dict[str, Any]:
    return {
        "source": "tests/data/django-decision-tree.karar.json",
        "kind": str(layout.kind),
        "bounds": [round(v, 3) for v in layout.bounds],
        "boxes": [
            [round(b.x, 3), round(b.y, 3), b.w, b.h, b.side, b.depth] for b in layout.boxes.values()
        ],
    }


def dump_golden(payload: dict[str, Any]) -> str:
    """JSON with one box per line, so diffs stay readable."""
    head = {k: v for k, v in payload.items() if k != "boxes"}
    lines = [json.dumps(box) for box in payload["boxes"]]
    body = json.dumps(head, ensure_ascii=False)[:-1]
    return body + ', "boxes": [\n' + ",\n".join(lines) + "\n]}\n"


def test_django_golden() -> None:
    with (DATA / "django-decision-tree.karar.json").open(encoding="utf-8") as f:
        mindmap = MindMap.from_dict(json.load(f))
    assert mindmap.root is not None
    layout = compute_layout(mindmap.root, django_size, LayoutKind.MINDMAP)
    payload = golden_payload(layout)
    if os.environ.get("KARAR_REGEN_GOLDEN") == "1":
        GOLDEN.write_text(dump_golden(payload), encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert expected["kind"] == payload["kind"]
    assert len(expected["boxes"]) == len(payload["boxes"]) == len(mindmap)
    assert payload["bounds"] == pytest.approx(expected["bounds"], abs=1e-3)
    for got, want in zip(payload["boxes"], expected["boxes"], strict=True):
        assert got == pytest.approx(want, abs=1e-3)


@pytest.mark.parametrize(("levels", "most"), [(1, (1400, 950)), (2, (5800, 5400))])
def test_django_radial_is_compact(levels: int, most: tuple[float, float]) -> None:
    # Measured 1266x851 (level 1) and 5368x4981 (level 2); the layout this replaced took
    # 2839x2654 and 12360x12212.
    with (DATA / "django-decision-tree.karar.json").open(encoding="utf-8") as f:
        mindmap = MindMap.from_dict(json.load(f))
    assert mindmap.root is not None
    folded = {n for n in mindmap.root.walk() if n.depth == levels and n.children}
    layout = compute_layout(mindmap.root, django_size, LayoutKind.RADIAL, folded)
    check_common(layout, mindmap.root, folded)
    check_radial(layout, mindmap.root, Spacing())
    _, _, w, h = layout.bounds
    assert w <= most[0] and h <= most[1]


# ---------------------------------------------------------------- sides chosen once


def fan(leaves: list[int]) -> Node:
    """A root whose i-th child has ``leaves[i]`` leaf children (1: the child is a leaf)."""
    root = Node("R")
    for i, count in enumerate(leaves):
        child = root.add(Node(f"c{i}"))
        for j in range(count if count > 1 else 0):
            child.add(Node(f"c{i}.{j}"))
    return root


@pytest.mark.parametrize(
    ("leaves", "split"),
    [
        ([], 0),
        ([1], 1),
        ([1, 1], 1),
        ([1, 1, 1], 2),  # a tie: the odd branch goes right
        ([1, 1, 1, 1], 2),
        ([1, 1, 1, 1, 1], 3),  # a tie again
        ([2, 1, 1], 1),  # the overview ties (1 | 2, 2 | 1); the leaves (2 | 2) decide
        ([3, 1, 1], 1),
        ([1, 1, 4], 2),
        ([5, 1, 1, 1], 2),
        ([6, 1, 1, 1, 1, 1], 3),  # the overview counts more than the leaves
    ],
)
def test_balanced_split_of_small_trees(leaves: list[int], split: int) -> None:
    assert balanced_split(fan(leaves)) == split


def test_balanced_split_counts_leaves_at_every_depth_whatever_is_folded() -> None:
    # c0 holds 3 leaves two levels down, as [3, 1, 1] does one level down
    root = Node("R")
    c0 = root.add(Node("c0"))
    inner = c0.add(Node("inner"))
    inner.add(Node("a"))
    inner.add(Node("b"))
    c0.add(Node("c"))
    root.add(Node("c1"))
    root.add(Node("c2"))
    assert balanced_split(root) == balanced_split(fan([3, 1, 1])) == 1


def test_a_given_split_keeps_sides_when_one_side_is_hidden() -> None:
    root = fan([1, 1, 1, 1])
    c0, c1, c2, c3 = root.children
    layout = compute_layout(root, constant_size, LayoutKind.MINDMAP, hidden={c0, c1}, split=2)
    assert [layout.boxes[c].side for c in (c2, c3)] == [-1, -1]
    layout = compute_layout(root, constant_size, LayoutKind.MINDMAP, hidden={c2, c3}, split=2)
    assert [layout.boxes[c].side for c in (c0, c1)] == [1, 1]
    # without a split the visible branches are balanced anew
    layout = compute_layout(root, constant_size, LayoutKind.MINDMAP, hidden={c0, c1})
    assert [layout.boxes[c].side for c in (c2, c3)] == [1, -1]


def check_sides(layout: Layout, root: Node, split: int) -> None:
    """Every visible first-level branch, and all of it, is on the side ``split`` gives it,
    beyond the root's box."""
    boxes = layout.boxes
    rbox = boxes[root]
    for i, child in enumerate(root.children):
        if child not in boxes:
            continue
        side = 1 if i < split else -1
        for node in child.walk():
            box = boxes.get(node)
            if box is None:
                continue
            assert box.side == side, (child.label, node.label)
            if side == 1:
                assert box.x >= rbox.right - TOL
            else:
                assert box.right <= rbox.x + TOL


@settings(deadline=None, max_examples=100)
@given(tree=random_trees(), seed=st.integers(0, 2**16))
def test_balanced_split_keeps_every_branch_on_its_side(tree: TreeData, seed: int) -> None:
    root, sizes, _ = make_tree(tree)
    split = balanced_split(root)
    rnd = random.Random(seed)
    everything = list(root.walk())
    for _ in range(4):
        folded = {n for n in everything if n.children and rnd.random() < 0.3}
        hidden = {n for n in everything[1:] if rnd.random() < 0.15}
        layout = compute_layout(
            root, sizes.__getitem__, LayoutKind.MINDMAP, folded, hidden=hidden, split=split
        )
        check_sides(layout, root, split)


def test_builtin_map_keeps_sides_when_a_big_branch_unfolds() -> None:
    from karar.core.sources import load_map

    mindmap = load_map(None)
    root = mindmap.root
    assert root is not None
    veri = next(c for c in root.children if c.label == "3. Veri Katmanı")
    level1 = {c for c in root.children if c.children}
    assert veri in level1

    def size(node: Node) -> tuple[float, float]:
        return (8.0 * len(node.label) + 24, 28.0)

    def sides(folded: set[Node], split: int | None) -> list[int]:
        layout = compute_layout(root, size, LayoutKind.MINDMAP, folded, split=split)
        return [layout.boxes[c].side for c in root.children]

    split = balanced_split(root)
    assert 0 < split < len(root.children)
    overview = sides(level1, split)
    assert overview == sides(level1 - {veri}, split)
    assert overview == sides(set(), split)
    assert overview == [1] * split + [-1] * (len(root.children) - split)
    # what the split prevents: balancing the visible branches anew moves some across
    assert sides(level1, None) != sides(level1 - {veri}, None)
