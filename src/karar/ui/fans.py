"""Which edges of a map can cross a rectangle, and how to draw a fan of thousands of them.

:class:`FanIndex` is a bucket grid of fans (the region the edges from a parent to its
visible children can cross), so a paint finds the parents whose edges cross the exposed
area even when both ends lie outside it. A parent with many children in a horizontal layout
also gets a sorted :class:`Fan` per side: the children near a band are found by bisection,
and :func:`fan_cover` turns the edges crossing the band into a few strokes and ribbons
(:func:`fan_runs` groups the edges closer together than a pen is wide), whatever the
number of children.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable

from PySide6.QtCore import QRectF

from karar.core.layout import Box, Layout, LayoutKind
from karar.core.model import Node
from karar.ui.curves import edge_end_crossing, edge_x_at

_FAN_CELL = 320.0
_WIDE = 1024
LONG_FAN = 16
"""A parent with more visible children than this (in a horizontal layout) has the edges
crossing a band found by bisection, not by looking at every child, when edges are painted."""


class Fan:
    """The visible children on one side of a parent in a horizontal layout, top to
    bottom (boxes in a column never overlap, so their tops, bottoms and edge ends all
    ascend together)."""

    __slots__ = ("_ends", "_ends_up", "bottoms", "kids", "tops")

    def __init__(self, kids: list[Node], boxes: dict[Node, Box]) -> None:
        self.kids = kids
        self.tops = [boxes[k].y for k in kids]
        self.bottoms = [boxes[k].y + boxes[k].h for k in kids]
        self._ends: list[float] | None = None
        self._ends_up: list[float] = []

    def ends(self, end_of: Callable[[Node], float]) -> tuple[list[float], list[float]]:
        """Where each child's edge arrives (``end_of(child)``, ascending) and the same
        negated in reverse order (ascending too: the fan seen upside down). Computed once."""
        if self._ends is None:
            self._ends = [end_of(k) for k in self.kids]
            self._ends_up = [-y for y in reversed(self._ends)]
        return self._ends, self._ends_up


def fan_runs(
    ends: list[float],
    lo: int,
    hi: int,
    x1: float,
    y1: float,
    x2: float,
    y_far: float,
    gap: float,
) -> list[list[int]]:
    """Group the edges from (x1, y1) to (x2, ``ends[i]``), ``lo <= i < hi``, that all run
    through height ``y_far`` (``y1 < y_far < ends[lo] <= ... <= ends[hi - 1]``) into runs
    where each edge crosses ``y_far`` at most ``gap`` from the next.

    Each run lists some of its edges, first and last included, each crossing ``y_far``
    at most ``gap`` from the one before: every edge left out lies between two listed ones.
    The farther an edge ends, the nearer to x1 it crosses ``y_far``, and the edges never
    cross each other; two of them are farthest apart (horizontally) where the band they
    cross ends, at ``y_far``. So within a run they leave no gap wider than ``gap``. Each
    step finds the last edge within ``gap`` of the current one by inverting the curve and
    bisecting ``ends``: the cost grows with what is listed (about ``|x2 - x1| / gap``
    edges), not with ``hi - lo``.
    """
    width = abs(x2 - x1)
    if width <= 0.0 or y_far <= y1:
        return [[i] for i in range(lo, hi)]
    v = y_far - y1
    runs: list[list[int]] = []
    i = lo
    while i < hi:
        run = [i]
        while True:
            # where (as a fraction of the way from x1 to x2) edge i crosses y_far, less the
            # gap; the edges ending beyond the one crossing there are farther than the gap
            target = edge_x_at(0.0, 0.0, 1.0, ends[i] - y1, v) - gap / width
            j = bisect_right(ends, edge_end_crossing(0.0, y1, 1.0, y_far, target), i + 1, hi)
            if j <= i + 1:
                break
            i = j - 1
            run.append(i)
        runs.append(run)
        i += 1
    return runs


class FanCover:
    """What to draw of the edges of one fan that head the same way through a band (see
    :func:`fan_cover`) so that it looks as if every one of them were drawn.

    Attributes:
        singles: ``(i, y)``: edge i, stroked from height y to the end of the band.
        ribbons: Chains of ``(first, last, ya, yb)``: between heights ya and yb the
            edges first to last lie closer than the gap; every piece of a chain has the
            same last (outermost) edge, and each piece starts where the one before ends.
    """

    __slots__ = ("ribbons", "singles")

    def __init__(self) -> None:
        self.singles: list[tuple[int, float]] = []
        self.ribbons: list[list[tuple[int, int, float, float]]] = []


def fan_cover(
    ends: list[float],
    first: int,
    x1: float,
    y1: float,
    x2: float,
    lo: float,
    hi: float,
    gap: float,
    slice_height: float,
) -> FanCover:
    """Cover the edges from (x1, y1) to (x2, ``ends[i]``), ``i >= first``, that reach
    into the band of heights ``lo`` to ``hi`` (``y1 <= lo < hi``, ``ends`` ascending) with
    strokes and ribbons no wider apart than ``gap``.

    The band is cut into slices about ``slice_height`` high. An edge ending inside a slice
    is stroked from the slice's start; every other edge runs through the slice, so
    :func:`fan_runs` groups them. An edge that stands apart from its neighbours in a slice
    stands apart further on too (they only spread out), so it is stroked once, from there
    on; a dense run is a piece of a ribbon. So a fan of 40,000 edges costs what the ends
    inside the band and the runs crossing it do.
    """
    cover = FanCover()
    n = len(ends)
    i = max(first, bisect_right(ends, lo))
    seen: set[int] = set()
    singles = cover.singles
    chains: dict[int, list[tuple[int, int, float, float]]] = {}
    y = lo
    while i < n and y < hi:
        far = min(hi, y + slice_height)
        j = bisect_right(ends, far, i)
        for k in range(i, j):  # ending in this slice
            if k not in seen:
                seen.add(k)
                singles.append((k, y))
        open_chains: dict[int, list[tuple[int, int, float, float]]] = {}
        for run in fan_runs(ends, j, n, x1, y1, x2, far, gap) if j < n else ():
            if len(run) == 1:
                if run[0] not in seen:
                    seen.add(run[0])
                    singles.append((run[0], y))
                continue
            last = run[-1]
            chain = chains.get(last)
            if chain is None:
                chain = []
                cover.ribbons.append(chain)
            chain.append((run[0], last, y, far))
            open_chains[last] = chain
        chains = open_chains
        y = far
        i = j
    return cover


class FanIndex:
    """A bucket grid of "fans" (the region an edge from a parent to its visible children
    can cross) so the edge layer finds the edges crossing a rectangle even when both ends
    lie outside it.

    In horizontal layouts a parent's children hang on one side in source order, top to
    bottom, so a fan spans from the parent's middle to the first and last child's middle
    across one level gap: three lookups per parent, not one per child. A parent with more
    than :data:`LONG_FAN` visible children gets a :class:`Fan` per side in :attr:`long`,
    so a paint finds the children near a band by bisection. A fan spread over more than
    ``_WIDE`` cells (in a radial layout of a big map the rings span millions of pixels) is
    not put in the grid but kept in :attr:`wide` and tested against each query.
    """

    def __init__(
        self,
        layout: Layout,
        folded: set[Node] | frozenset[Node],
        gap: float,
        filtered: bool = False,
    ) -> None:
        self.parents: list[Node] = []
        self.long: dict[Node, tuple[Fan, ...]] = {}
        cells: dict[tuple[int, int], list[int]] = {}
        #: (parent index, left, top, right, bottom) of each fan spread over more cells
        wide: list[tuple[int, float, float, float, float]] = []
        self.wide = wide
        boxes = layout.boxes
        c = _FAN_CELL
        floor = math.floor
        radial = layout.kind == LayoutKind.RADIAL
        parents = self.parents
        for node in layout.order:
            kids = node.children
            if not kids or node in folded:
                continue
            if filtered:
                kids = [c for c in kids if c in boxes]
                if not kids:
                    continue
            p = boxes[node]
            if radial or node.parent is None:
                x0, y0, x1, y1 = p.x, p.y, p.x + p.w, p.y + p.h
                for child in kids:
                    b = boxes[child]
                    x0 = min(x0, b.x)
                    y0 = min(y0, b.y)
                    x1 = max(x1, b.x + b.w)
                    y1 = max(y1, b.y + b.h)
            else:
                first, last = boxes[kids[0]], boxes[kids[-1]]
                y0 = min(p.y, first.y, last.y)
                y1 = max(p.y + p.h, first.y + first.h, last.y + last.h)
                if p.side >= 0:
                    x0, x1 = p.x + p.w - 8, first.x + 8
                else:
                    x0, x1 = first.x + first.w - 8, p.x + 8
                x1 = max(x1, x0 + gap)
            if not radial and len(kids) > LONG_FAN:
                self._add_long(node, kids, boxes)
            i = len(parents)
            parents.append(node)
            if (floor(x1 / c) - floor(x0 / c) + 1) * (floor(y1 / c) - floor(y0 / c) + 1) > _WIDE:
                wide.append((i, x0, y0, x1, y1))
                continue
            for iy in range(floor(y0 / c), floor(y1 / c) + 1):
                for ix in range(floor(x0 / c), floor(x1 / c) + 1):
                    cell = cells.get((ix, iy))
                    if cell is None:
                        cells[ix, iy] = [i]
                    else:
                        cell.append(i)
        self.cells = cells

    def _add_long(self, node: Node, kids: list[Node], boxes: dict[Node, Box]) -> None:
        sides: dict[int, list[Node]] = {}
        for kid in kids:
            sides.setdefault(boxes[kid].side, []).append(kid)
        fans = tuple(Fan(side_kids, boxes) for side_kids in sides.values())
        for fan in fans:
            tops, bottoms = fan.tops, fan.bottoms
            if not all(bottoms[k] < tops[k + 1] for k in range(len(tops) - 1)):
                return  # not a column top to bottom: its edges are scanned
        self.long[node] = fans

    def query(self, rect: QRectF) -> list[Node]:
        c = _FAN_CELL
        found: set[int] = set()
        cells = self.cells
        for iy in range(math.floor(rect.top() / c), math.floor(rect.bottom() / c) + 1):
            for ix in range(math.floor(rect.left() / c), math.floor(rect.right() / c) + 1):
                hit = cells.get((ix, iy))
                if hit:
                    found.update(hit)
        left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
        for i, x0, y0, x1, y1 in self.wide:
            if x0 <= right and left <= x1 and y0 <= bottom and top <= y1:
                found.add(i)
        parents = self.parents
        return [parents[i] for i in sorted(found)]


__all__ = ["LONG_FAN", "Fan", "FanCover", "FanIndex", "fan_cover", "fan_runs"]
