"""Parts of the map scene that need no scene: the index of edge fans used to find the
edges crossing an exposed area, the motion of one fold animation, and a pause of the
garbage collector for bulk work."""

from __future__ import annotations

import gc
import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from karar.core.layout import Layout, LayoutKind
from karar.core.model import Node

if TYPE_CHECKING:
    from karar.ui.items import NodeItem

_FAN_CELL = 320.0


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: bulk allocations on a big map would otherwise
    make it walk the whole heap several times."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class FanIndex:
    """A bucket grid of "fans" (the region an edge from a parent to its visible children
    can cross) so the edge layer finds the edges crossing a rectangle even when both ends
    lie outside it.

    In horizontal layouts a parent's children hang on one side in source order, top to
    bottom, so a fan spans from the parent's middle to the first and last child's middle
    across one level gap: three lookups per parent, not one per child.
    """

    def __init__(
        self,
        layout: Layout,
        folded: set[Node] | frozenset[Node],
        gap: float,
        filtered: bool = False,
    ) -> None:
        self.parents: list[Node] = []
        cells: dict[tuple[int, int], list[int]] = {}
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
            i = len(parents)
            parents.append(node)
            for iy in range(floor(y0 / c), floor(y1 / c) + 1):
                for ix in range(floor(x0 / c), floor(x1 / c) + 1):
                    cell = cells.get((ix, iy))
                    if cell is None:
                        cells[ix, iy] = [i]
                    else:
                        cell.append(i)
        self.cells = cells

    def query(self, rect: QRectF) -> list[Node]:
        c = _FAN_CELL
        found: set[int] = set()
        cells = self.cells
        for iy in range(math.floor(rect.top() / c), math.floor(rect.bottom() / c) + 1):
            for ix in range(math.floor(rect.left() / c), math.floor(rect.right() / c) + 1):
                hit = cells.get((ix, iy))
                if hit:
                    found.update(hit)
        parents = self.parents
        return [parents[i] for i in sorted(found)]


class Motion:
    """One fold animation: where each animated node starts and ends."""

    def __init__(self, old: Layout, new: Layout, shift: tuple[float, float]) -> None:
        self.old = old
        self.new = new
        self.shift = shift
        #: node -> (start x, start y, end x, end y, fades: -1 out, 0 none, +1 in)
        self.paths: dict[Node, tuple[float, float, float, float, int]] = {}
        self.ghosts: dict[Node, NodeItem] = {}
        self.t = 0.0

    def pos(self, node: Node) -> tuple[float, float] | None:
        p = self.paths.get(node)
        if p is None:
            return None
        e = self.t
        return p[0] + (p[2] - p[0]) * e, p[1] + (p[3] - p[1]) * e
