"""Tidy-tree layout of a mind map: where every visible node's box goes.

This module owns the geometry of a map and nothing else. Given the tree, a measuring
function (the UI passes cached font metrics) and the fold state, :func:`compute_layout`
returns a :class:`Layout`: one :class:`Box` per visible node, the anchor points of every
edge, the enclosing bounds and a lazily built grid for hit tests and viewport culling.
It never imports Qt.

Horizontal layouts (:attr:`LayoutKind.MINDMAP` and :attr:`LayoutKind.TREE`) use the
tidy-tree algorithm for variable node sizes of van der Ploeg, "Drawing Non-layered Tidy
Trees in Linear Time" (2014), the Buchheim–Jünger–Leipert linear-time refinement of
Walker's algorithm that d3-flextree implements. The paper draws trees top-down; here the
depth axis is x and the breadth axis is y, so the paper's *left* is our *top*, its node
*width* is our box height and its *bottom* (where a node's depth extent ends) is the x of
the box's far edge plus the level gap: a node's size includes its depth extent, so a
child starts right after its own parent, never in a fixed column.

Everything is iterative (maps may be thousands of levels deep) and works on plain lists
indexed by the pre-order number of each visible node, which keeps 100,000 nodes well
under half a second. Radial layouts live in :mod:`karar.core.radial`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Container, Sequence, Sized
from dataclasses import dataclass
from enum import StrEnum
from itertools import repeat
from operator import add

from karar.core.bulk import no_gc
from karar.core.model import Node
from karar.core.radial import radial_centres

__all__ = [
    "DEFAULT_SPACING",
    "Box",
    "Layout",
    "LayoutKind",
    "Spacing",
    "balanced_split",
    "compute_layout",
]


class LayoutKind(StrEnum):
    """How a map is arranged on the canvas."""

    MINDMAP = "mindmap"
    """Root in the middle; first-level branches split right and left, balanced by height."""
    TREE = "tree"
    """Root at the left; depth grows to the right."""
    RADIAL = "radial"
    """Root in the centre; depth as rings; angular span proportional to leaf count."""


@dataclass(frozen=True, slots=True)
class Spacing:
    """Gaps between boxes, in scene units.

    Attributes:
        sibling_gap: Minimum gap between neighbouring boxes of the same parent, along the
            breadth axis.
        subtree_gap: Minimum gap between boxes of different subtrees (cousins).
        level_gap: Gap between a parent's box and its children's boxes along the depth
            axis (between rings in a radial layout).
    """

    sibling_gap: float = 10.0
    subtree_gap: float = 18.0
    level_gap: float = 60.0


DEFAULT_SPACING = Spacing()


@dataclass(slots=True)
class Box:
    """Where one node is drawn.

    Attributes:
        x: Left edge in scene coordinates.
        y: Top edge (y grows downward).
        w: Width.
        h: Height.
        side: 0 for the root; +1 laid out to the right of the root, -1 to the left. In a
            tree every other node is +1; in a radial layout it is the sign of the cosine of
            the node's angle.
        depth: Number of edges between the node and the root.
    """

    x: float
    y: float
    w: float
    h: float
    side: int
    depth: int

    @property
    def cx(self) -> float:
        """Horizontal centre."""
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        """Vertical centre."""
        return self.y + self.h / 2

    @property
    def right(self) -> float:
        """Right edge."""
        return self.x + self.w

    @property
    def bottom(self) -> float:
        """Bottom edge."""
        return self.y + self.h


class Layout:
    """The result of :func:`compute_layout` (which is how layouts are made).

    Attributes:
        kind: The kind of layout.
        boxes: One box per visible node (descendants of folded nodes and hidden
            subtrees are absent).
        order: The visible nodes in pre-order.
        bounds: ``(x, y, w, h)`` of the smallest rectangle enclosing every box.
    """

    __slots__ = ("_grid", "_hs", "_ws", "_xs", "_ys", "bounds", "boxes", "kind", "order")

    def __init__(
        self,
        kind: LayoutKind,
        order: list[Node],
        xs: list[float],
        ys: list[float],
        ws: list[float],
        hs: list[float],
        sides: list[int],
        depths: list[int],
    ) -> None:
        self.kind = kind
        self.order = order
        self.boxes: dict[Node, Box] = dict(
            zip(order, map(Box, xs, ys, ws, hs, sides, depths), strict=True)
        )
        x0, y0 = min(xs), min(ys)
        self.bounds = (x0, y0, max(map(add, xs, ws)) - x0, max(map(add, ys, hs)) - y0)
        self._xs, self._ys, self._ws, self._hs = xs, ys, ws, hs
        self._grid: _Grid | None = None

    def edge(self, child: Node) -> tuple[float, float, float, float]:
        """Where the edge from ``child``'s parent leaves the parent and reaches ``child``.

        In horizontal layouts the edge runs from the middle of the parent's side facing
        the child (the root leaves from the side the child is on) to the middle of the
        child's near side. In a radial layout it is the centre-to-centre segment clipped
        to both boxes.

        Args:
            child: A visible node other than the root.

        Returns:
            ``(x1, y1, x2, y2)``: the start on the parent, the end on the child.

        Raises:
            KeyError: ``child`` is not visible in this layout.
            ValueError: ``child`` is the root.
        """
        b = self.boxes[child]
        if child.parent is None:
            raise ValueError("the root has no incoming edge")
        p = self.boxes[child.parent]
        if self.kind is LayoutKind.RADIAL:
            return _clipped_segment(p, b)
        if b.side >= 0:
            return (p.x + p.w, p.y + p.h / 2, b.x, b.y + b.h / 2)
        return (p.x, p.y + p.h / 2, b.x + b.w, b.y + b.h / 2)

    def node_at(self, x: float, y: float) -> Node | None:
        """The node whose box contains the point (borders included), or None.

        Where two boxes touch at the point, the later one in pre-order wins.
        """
        hits = self._index().query(x, y, 0.0, 0.0)
        return self.order[hits[-1]] if hits else None

    def visible_in(self, x: float, y: float, w: float, h: float) -> list[Node]:
        """The nodes whose boxes intersect a rectangle (touching counts), in pre-order.

        The first call builds a uniform grid over the layout; later calls only visit the
        cells the rectangle covers, so a viewport query costs about what it returns.
        """
        order = self.order
        return [order[i] for i in self._index().query(x, y, w, h)]

    def _index(self) -> _Grid:
        if self._grid is None:
            with no_gc():
                self._grid = _Grid(self._xs, self._ys, self._ws, self._hs, self.bounds)
        return self._grid


def _clipped_segment(p: Box, c: Box) -> tuple[float, float, float, float]:
    """The segment between two box centres, minus the parts inside the boxes."""
    px, py = p.x + p.w / 2, p.y + p.h / 2
    qx, qy = c.x + c.w / 2, c.y + c.h / 2
    dx, dy = qx - px, qy - py
    if dx == 0 and dy == 0:
        return (px, py, qx, qy)

    def reach(w: float, h: float) -> float:
        # Fraction of the centre-to-centre vector that lies inside a box of size (w, h).
        tx = w / 2 / abs(dx) if dx else math.inf
        ty = h / 2 / abs(dy) if dy else math.inf
        return min(tx, ty)

    tp, tc = reach(p.w, p.h), reach(c.w, c.h)
    return (px + dx * tp, py + dy * tp, qx - dx * tc, qy - dy * tc)


class _Grid:
    """A uniform bucket grid over the boxes of a layout, for rectangle and point queries.

    Each box is filed once, under the cell holding its top-left corner; a query widens
    its cell range up and left by the largest box size so that boxes reaching in from
    there are found too. Cells are about two mean boxes across, coarsened so there are
    never more than a few cells per box. A query covering more cells than there are
    boxes scans the boxes instead, which is then cheaper.
    """

    __slots__ = (
        "_cells",
        "_ch",
        "_cw",
        "_hs",
        "_nx",
        "_ny",
        "_ox",
        "_oy",
        "_reach_x",
        "_reach_y",
        "_ws",
        "_xs",
        "_ys",
    )

    def __init__(
        self,
        xs: list[float],
        ys: list[float],
        ws: list[float],
        hs: list[float],
        bounds: tuple[float, float, float, float],
    ) -> None:
        n = len(xs)
        ox, oy, bw, bh = bounds
        cw = max(2 * sum(ws) / n, 1e-9)
        ch = max(2 * sum(hs) / n, 1e-9)
        nx, ny = math.ceil(bw / cw) + 1, math.ceil(bh / ch) + 1
        if nx * ny > 4 * n:
            f = math.sqrt(nx * ny / (4 * n))
            cw, ch = cw * f, ch * f
            nx, ny = math.ceil(bw / cw) + 1, math.ceil(bh / ch) + 1
        self._xs, self._ys, self._ws, self._hs = xs, ys, ws, hs
        self._ox, self._oy, self._cw, self._ch, self._nx, self._ny = ox, oy, cw, ch, nx, ny
        self._reach_x, self._reach_y = max(ws), max(hs)
        cells: dict[int, list[int]] = {}
        get = cells.get
        for i, key in enumerate(
            [int((y - oy) / ch) * nx + int((x - ox) / cw) for x, y in zip(xs, ys, strict=True)]
        ):
            cell = get(key)
            if cell is None:
                cells[key] = [i]
            else:
                cell.append(i)
        self._cells = cells

    def query(self, qx: float, qy: float, qw: float, qh: float) -> list[int]:
        """Indices (ascending) of the boxes intersecting the closed rectangle."""
        xs, ys, ws, hs = self._xs, self._ys, self._ws, self._hs
        ox, oy, cw, ch, nx, ny = self._ox, self._oy, self._cw, self._ch, self._nx, self._ny
        qr, qb = qx + qw, qy + qh
        ix0 = max(0, math.floor((qx - self._reach_x - ox) / cw))
        iy0 = max(0, math.floor((qy - self._reach_y - oy) / ch))
        ix1 = min(nx - 1, math.floor((qr - ox) / cw))
        iy1 = min(ny - 1, math.floor((qb - oy) / ch))
        if ix0 > ix1 or iy0 > iy1:
            return []
        if (ix1 - ix0 + 1) * (iy1 - iy0 + 1) > len(xs):
            return [
                i
                for i in range(len(xs))
                if xs[i] <= qr and qx <= xs[i] + ws[i] and ys[i] <= qb and qy <= ys[i] + hs[i]
            ]
        get = self._cells.get
        out = []
        for iy in range(iy0, iy1 + 1):
            row = iy * nx
            for ix in range(row + ix0, row + ix1 + 1):
                cell = get(ix)
                if cell is not None:
                    out += [
                        i
                        for i in cell
                        if xs[i] <= qr
                        and qx <= xs[i] + ws[i]
                        and ys[i] <= qb
                        and qy <= ys[i] + hs[i]
                    ]
        out.sort()
        return out


# --------------------------------------------------------------------------- layout


def compute_layout(
    root: Node,
    size_of: Callable[[Node], tuple[float, float]],
    kind: LayoutKind = LayoutKind.MINDMAP,
    folded: Container[Node] = frozenset(),
    spacing: Spacing = DEFAULT_SPACING,
    hidden: Container[Node] = frozenset(),
    split: int | None = None,
) -> Layout:
    """Lay out the visible part of a tree.

    The root's box is centred on the origin in every kind. Output depends only on the
    tree, the sizes, ``folded`` and ``hidden`` membership and ``spacing``.

    Args:
        root: The root node.
        size_of: Returns the ``(w, h)`` of a node's box (labels already wrapped).
        kind: How to arrange the map.
        folded: Nodes whose children are hidden; a folded node itself stays visible.
        spacing: Gaps between boxes.
        hidden: Nodes left out together with their subtrees, as if they were not in the
            tree (a filtered view); the root is always laid out. Naming only the topmost
            node of each left-out subtree is enough.
        split: In a mind map, how many of the root's children (in source order, shown or
            not) go to the right; the rest go left. None balances the visible branches
            anew. A view that must not move branches between sides when folds change passes
            :func:`balanced_split` of the whole tree.

    Returns:
        The layout of every visible node.
    """
    with no_gc():
        nodes, par, kids, level = _collect(root, folded, hidden)
        ws, hs = (list(a) for a in zip(*map(size_of, nodes), strict=True))
        if kind is LayoutKind.RADIAL:
            gaps = (spacing.sibling_gap, spacing.subtree_gap, spacing.level_gap)
            cxs, cys, sides = radial_centres(par, kids, level, ws, hs, *gaps)
            xs = [c - w / 2 for c, w in zip(cxs, ws, strict=True)]
            ys = [c - h / 2 for c, h in zip(cys, hs, strict=True)]
        else:
            right = None
            if split is not None:
                rank = {child: i for i, child in enumerate(root.children)}
                right = sum(1 for c in kids[0] if rank[nodes[c]] < split)
            xs, ys, sides = _horizontal(par, kids, ws, hs, kind, spacing, right)
        return Layout(kind, nodes, xs, ys, ws, hs, sides, level)


_NO_KIDS: list[int] = []  # shared by every leaf; never appended to


def _collect(
    root: Node, folded: Container[Node], hidden: Container[Node] = frozenset()
) -> tuple[list[Node], list[int], list[list[int]], list[int]]:
    """Number the visible nodes in pre-order (``hidden`` subtrees and the descendants of
    ``folded`` nodes left out).

    Returns:
        ``(nodes, parent, children, depth)``: parallel lists indexed by pre-order number;
        ``parent[0]`` is -1 and ``children[i]`` lists child numbers in source order.
    """
    if not isinstance(hidden, Sized) or len(hidden):
        return _collect_filtered(root, folded, hidden)
    nodes = [root]
    par = [-1]
    kids: list[list[int]] = [[]]
    level = [0]
    stack: list[Node] = []
    pstack: list[int] = []
    if root.children and root not in folded:
        stack.extend(reversed(root.children))
        pstack.extend(repeat(0, len(root.children)))
    # Bound methods as locals: this loop runs once per visible node.
    pop, ppop, push, ppush = stack.pop, pstack.pop, stack.extend, pstack.extend
    add_node, add_par, add_kids, add_level = nodes.append, par.append, kids.append, level.append
    leaf = _NO_KIDS
    i = 0
    while stack:
        node = pop()
        p = ppop()
        i += 1
        add_node(node)
        add_par(p)
        kids[p].append(i)
        add_level(level[p] + 1)
        ch = node.children
        if ch and node not in folded:
            add_kids([])
            push(reversed(ch))
            ppush(repeat(i, len(ch)))
        else:
            add_kids(leaf)
    return nodes, par, kids, level


def _collect_filtered(
    root: Node, folded: Container[Node], hidden: Container[Node]
) -> tuple[list[Node], list[int], list[list[int]], list[int]]:
    """:func:`_collect` with hidden subtrees: kept apart so the common unfiltered walk
    pays nothing for the extra test. A node whose children are all hidden is a leaf."""
    nodes = [root]
    par = [-1]
    kids: list[list[int]] = [[]]
    level = [0]
    stack: list[tuple[Node, int]] = []
    if root.children and root not in folded:
        stack.extend((c, 0) for c in reversed(root.children) if c not in hidden)
    leaf = _NO_KIDS
    i = 0
    while stack:
        node, p = stack.pop()
        i += 1
        nodes.append(node)
        par.append(p)
        kids[p].append(i)
        level.append(level[p] + 1)
        ch = node.children
        if ch and node not in folded:
            shown = [(c, i) for c in reversed(ch) if c not in hidden]
            if shown:
                kids.append([])
                stack.extend(shown)
                continue
        kids.append(leaf)
    return nodes, par, kids, level


def _horizontal(
    par: list[int],
    kids: list[list[int]],
    ws: list[float],
    hs: list[float],
    kind: LayoutKind,
    spacing: Spacing,
    right_count: int | None = None,
) -> tuple[list[float], list[float], list[int]]:
    """Boxes of a mind map or a left-to-right tree, as ``(xs, ys, sides)``; in a mind map
    the first ``right_count`` children of the root go right (None: balance them)."""
    n = len(par)
    gap = spacing.level_gap
    # Depth axis. ``dpos`` is the distance of a box's near edge from the root's centre and
    # ``dend`` is the paper's bottom(): where the node's depth extent, gap included, ends.
    dpos = [0.0] * n
    dend = [0.0] * n
    dpos[0] = -ws[0] / 2
    dend[0] = ws[0] / 2 + gap
    for i in range(1, n):
        d = dend[par[i]]
        dpos[i] = d
        dend[i] = d + ws[i] + gap

    flex = _FlexTree(par, kids, hs, dend, spacing.sibling_gap, spacing.subtree_gap)
    flex.first_walk([(i, kids[i]) for i in range(n - 1, 0, -1) if kids[i]])

    first = kids[0]
    right = first
    if kind is LayoutKind.MINDMAP and right_count is not None:
        right = first[:right_count]
    elif kind is LayoutKind.MINDMAP and len(first) > 1:
        k = _balanced_split(
            [bottom - top for top, bottom in (flex.extent(c) for c in first)],
            spacing.sibling_gap,
        )
        right = first[:k]
    # Each side is a tidy tree of its own hanging off the root; centring each virtual
    # root on the root's box aligns both sides around the root's centre.
    groups = []
    for group in (right, first[len(right) :]):
        if group:
            flex.first_walk([(0, group)])
            groups.append((group, -hs[0] / 2 - flex.prelim[0]))
    ys = flex.second_walk(groups, -hs[0] / 2)
    # The left side is a suffix of the pre-order: its first node starts it.
    split = first[len(right)] if len(right) < len(first) else n
    sides = [0, *repeat(1, split - 1), *repeat(-1, n - split)]
    xs = dpos[:split]
    xs += [-d - w for d, w in zip(dpos[split:], ws[split:], strict=True)]
    return xs, ys, sides


OVERVIEW_WEIGHT = 1.5
"""How much more the overview's balance counts than the unfolded map's (balanced_split)."""


def balanced_split(root: Node) -> int:
    """How many of the root's children a mind map puts on the right, chosen once from the
    whole tree so that a branch never changes sides when anything is folded or filtered.

    Two views matter: the overview (one row per first-level branch) and the whole map
    unfolded (one row per leaf). The split keeps both near balance: it minimises the two
    sides' relative differences, the overview's counted :data:`OVERVIEW_WEIGHT` times (it
    is a map's first view, and what a presenter steps through). Ties go to the
    right-heavy split (XMind puts the odd branch on the right).
    """
    leaves = []
    for child in root.children:
        n = 0
        stack = [child]
        while stack:
            node = stack.pop()
            if node.children:
                stack.extend(node.children)
            else:
                n += 1
        leaves.append(n)
    count = len(leaves)
    if count < 2:
        return count
    total = sum(leaves)
    best_k, best = 1, math.inf
    acc = 0
    for k in range(1, count):
        acc += leaves[k - 1]
        cost = OVERVIEW_WEIGHT * abs(count - 2 * k) / count + abs(total - 2 * acc) / total
        if cost <= best + 1e-12:
            best_k, best = k, cost
    return best_k


def _balanced_split(heights: list[float], sibling_gap: float) -> int:
    """How many leading first-level branches go right so both sides weigh about the same.

    A branch weighs its height plus one sibling gap. Ties go to the right-heavy split.
    """
    weights = [h + sibling_gap for h in heights]
    total = sum(weights)
    best_k, best = 1, math.inf
    acc = 0.0
    for k in range(1, len(weights)):
        acc += weights[k - 1]
        diff = abs(total - 2 * acc)
        if diff <= best + 1e-9 * total:
            best_k, best = k, diff
    return best_k


class _FlexTree:
    """Van der Ploeg's non-layered tidy tree over integer-indexed nodes.

    Per node the paper keeps: ``prelim`` (breadth position relative to the parent's
    frame), ``mod`` (modifier applied to the node and its whole subtree), ``shift`` and
    ``change`` (deferred spreading of intermediate siblings), the threads (``lnext`` /
    ``rnext``: the next node on the left / right contour, i.e. the first / last child of an
    inner node or the thread of a leaf) and the extreme nodes ``el`` / ``er`` (deepest
    nodes on the left / right contour) with their modifier sums ``msel`` / ``mser``.
    """

    __slots__ = (
        "bsz",
        "change",
        "dend",
        "el",
        "er",
        "kids",
        "lnext",
        "mod",
        "msel",
        "mser",
        "par",
        "prelim",
        "rnext",
        "shift",
        "sib_gap",
        "spread",
        "sub_gap",
    )

    def __init__(
        self,
        par: list[int],
        kids: list[list[int]],
        bsz: list[float],
        dend: list[float],
        sib_gap: float,
        sub_gap: float,
    ) -> None:
        n = len(par)
        self.par, self.kids, self.bsz, self.dend = par, kids, bsz, dend
        self.sib_gap, self.sub_gap = sib_gap, sub_gap
        self.prelim = [0.0] * n
        self.mod = [0.0] * n
        self.shift = [0.0] * n
        self.change = [0.0] * n
        self.lnext = [k[0] if k else -1 for k in kids]
        self.rnext = [k[-1] if k else -1 for k in kids]
        self.el = list(range(n))
        self.er = list(range(n))
        self.msel = [0.0] * n
        self.mser = [0.0] * n
        self.spread: set[int] = set()  # nodes whose children carry shift/change

    def first_walk(self, jobs: Sequence[tuple[int, list[int]]]) -> None:
        """The paper's firstWalk for each ``(t, children)`` job, in the order given.

        Jobs must come children-first (reverse pre-order does). Each job separates the
        children's subtrees left to right, threads the contours, positions ``t`` midway
        between its first and last child and records ``t``'s extreme nodes.
        """
        par, bsz, dend = self.par, self.bsz, self.dend
        prelim, mod, shift, change = self.prelim, self.mod, self.shift, self.change
        lnext, rnext, el, er, msel, mser = (
            self.lnext,
            self.rnext,
            self.el,
            self.er,
            self.msel,
            self.mser,
        )
        sib_gap, sub_gap = self.sib_gap, self.sub_gap
        spread = self.spread
        for t, ch in jobs:
            c0 = ch[0]
            cn = ch[-1]
            if c0 != cn:
                # The IYL list: left siblings still visible on the right contour, as
                # parallel stacks (head last) of their lowest depth and their child index.
                low_y = [dend[el[c0]]]
                low_i = [0]
                prev = c0
                for i in range(1, len(ch)):
                    ci = ch[i]
                    min_y = dend[er[ci]]
                    # separate(): walk the right contour of the left siblings (sr) against
                    # the left contour of the current subtree (cl), summing modifiers.
                    sr = prev
                    mssr = mod[sr]
                    cl = ci
                    mscl = mod[cl]
                    k = len(low_y) - 1
                    while True:
                        sy = dend[sr]
                        cy = dend[cl]
                        if k and sy > low_y[k]:
                            k -= 1
                        dist = mssr + prelim[sr] + bsz[sr] - mscl - prelim[cl]
                        dist += sib_gap if par[sr] == par[cl] else sub_gap
                        if dist > 0:
                            # moveSubtree() + distributeExtra(): push the current subtree
                            # and spread the push over the intermediate siblings (the
                            # shifts are applied in the second walk).
                            mscl += dist
                            mod[ci] += dist
                            msel[ci] += dist
                            mser[ci] += dist
                            si = low_i[k]
                            if si != i - 1:
                                nr = i - si
                                shift[ch[si + 1]] += dist / nr
                                shift[ci] -= dist / nr
                                change[ci] -= dist - dist / nr
                                spread.add(t)
                        # Advance whichever contour node ends first (both if level).
                        if sy <= cy:
                            sr = rnext[sr]
                            if sr >= 0:
                                mssr += mod[sr]
                        if sy >= cy:
                            cl = lnext[cl]
                            if cl >= 0:
                                mscl += mod[cl]
                        if sr < 0 or cl < 0:
                            break
                    if cl >= 0:
                        # setLeftThread(): the current subtree is deeper; thread the left
                        # siblings' extreme left leaf to cl and fix its mod so modifier sums
                        # stay right across the thread (prelim compensates).
                        li = el[c0]
                        lnext[li] = cl
                        diff = (mscl - mod[cl]) - msel[c0]
                        mod[li] += diff
                        prelim[li] -= diff
                        el[c0] = el[ci]
                        msel[c0] = msel[ci]
                    elif sr >= 0:
                        # setRightThread(): the left siblings are deeper; symmetric.
                        ri = er[ci]
                        rnext[ri] = sr
                        diff = (mssr - mod[sr]) - mser[ci]
                        mod[ri] += diff
                        prelim[ri] -= diff
                        er[ci] = er[prev]
                        mser[ci] = mser[prev]
                    # updateIYL(): drop siblings hidden by this subtree, push it.
                    while low_y and min_y >= low_y[-1]:
                        low_y.pop()
                        low_i.pop()
                    low_y.append(min_y)
                    low_i.append(i)
                    prev = ci
            # positionRoot(): centre t on the span of its first and last child.
            prelim[t] = (prelim[c0] + mod[c0] + mod[cn] + prelim[cn] + bsz[cn] - bsz[t]) / 2
            # setExtremes()
            el[t] = el[c0]
            msel[t] = msel[c0]
            er[t] = er[cn]
            mser[t] = mser[cn]

    def extent(self, c: int) -> tuple[float, float]:
        """Top and bottom of ``c``'s laid-out subtree, in ``c``'s frame, from its contours."""
        prelim, mod, bsz, lnext, rnext = self.prelim, self.mod, self.bsz, self.lnext, self.rnext
        top = prelim[c]
        ms = 0.0
        v = lnext[c]
        while v >= 0:
            ms += mod[v]
            top = min(top, prelim[v] + ms)
            v = lnext[v]
        bottom = prelim[c] + bsz[c]
        ms = 0.0
        v = rnext[c]
        while v >= 0:
            ms += mod[v]
            bottom = max(bottom, prelim[v] + ms + bsz[v])
            v = rnext[v]
        return top, bottom

    def second_walk(self, groups: list[tuple[list[int], float]], root_pos: float) -> list[float]:
        """The paper's secondWalk, as one pre-order sweep: absolute breadth positions.

        Args:
            groups: ``(children of the root, offset)`` per side: each side's children are
                positioned relative to its own offset.
            root_pos: The root's breadth position.
        """
        kids, prelim, mod, shift, change = self.kids, self.prelim, self.mod, self.shift, self.change
        spread = self.spread
        n = len(kids)
        pos = [0.0] * n
        msum = [0.0] * n
        pos[0] = root_pos
        for group, offset in groups:
            d = delta = 0.0
            for c in group:
                # addChildSpacing(): turn shift/change into each child's extra modifier.
                d += shift[c]
                delta += d + change[c]
                m = offset + mod[c] + delta
                msum[c] = m
                pos[c] = prelim[c] + m
        for p in range(1, n):
            ch = kids[p]
            if not ch:
                continue
            base = msum[p]
            if p in spread:
                d = delta = 0.0
                for c in ch:
                    d += shift[c]
                    delta += d + change[c]
                    m = base + mod[c] + delta
                    msum[c] = m
                    pos[c] = prelim[c] + m
            else:
                for c in ch:
                    m = base + mod[c]
                    msum[c] = m
                    pos[c] = prelim[c] + m
        return pos
