"""Radial placement for :mod:`karar.core.layout`: the centre of every box on rings.

The root sits at the origin; a node at depth d sits on ring d, at the middle of an
angular span proportional to the number of visible leaves below it (the first child of
the root straight up, then clockwise on screen, since y grows downward). Ring radii grow
outward one ring at a time, each as small as the two rules allow:

* rings never interleave: every box of ring d lies farther from the origin than the
  farthest corner of ring d-1 plus the level gap (so no box meets a box of an inner ring);
* boxes on the same ring do not overlap: a pair of boxes at fixed angles on a common ring
  separates at a radius that can be computed exactly, so the ring starts at the largest
  such radius over neighbouring pairs and a bucket grid then checks every pair, raising
  the radius until none overlap.

Work per ring is linear in its size (plus the grid), so the whole is linear-ish. Pure
Python on integer-indexed lists, iterative, no Qt.
"""

from __future__ import annotations

import math

__all__ = ["radial_centres"]

_INF = math.inf


def radial_centres(
    par: list[int],
    kids: list[list[int]],
    level: list[int],
    ws: list[float],
    hs: list[float],
    sibling_gap: float,
    subtree_gap: float,
    level_gap: float,
) -> tuple[list[float], list[float], list[int]]:
    """Box centres of a radial layout.

    Args:
        par: Parent number of each node in pre-order (-1 for the root).
        kids: Child numbers of each node, in source order.
        level: Depth of each node.
        ws: Box widths.
        hs: Box heights.
        sibling_gap: Minimum gap between two boxes of the same parent on a ring.
        subtree_gap: Minimum gap between other boxes on a ring.
        level_gap: Minimum radial clearance between consecutive rings.

    Returns:
        ``(cx, cy, side)`` per node: the box centre and the sign of the cosine of its
        angle (0 for the root, +1 for nodes straight up or down).
    """
    n = len(par)
    cxs = [0.0] * n
    cys = [0.0] * n
    sides = [0] * n
    if n == 1:
        return cxs, cys, sides

    # Leaf counts, children before parents (reverse pre-order).
    leaves = [0] * n
    for i in range(n - 1, 0, -1):
        if leaves[i] == 0:
            leaves[i] = 1
        leaves[par[i]] += leaves[i]

    # Angular spans, parents before children; angle = middle of the span.
    ux = [0.0] * n
    uy = [0.0] * n
    start = [0.0] * n
    span = [0.0] * n
    span[0] = 2 * math.pi
    start[0] = -math.pi / 2 - math.pi * leaves[kids[0][0]] / leaves[0]
    rings: list[list[int]] = [[] for _ in range(max(level) + 1)]
    for p in range(n):
        rings[level[p]].append(p)
        ch = kids[p]
        if ch:
            unit = span[p] / leaves[p]
            a = start[p]
            for c in ch:
                s = unit * leaves[c]
                start[c] = a
                span[c] = s
                mid = a + s / 2
                ux[c] = math.cos(mid)
                uy[c] = math.sin(mid)
                a += s

    outer = math.hypot(ws[0], hs[0]) / 2  # farthest corner of the previous ring
    for ring in rings[1:]:
        clear = outer + level_gap
        r = 0.0
        for c in ring:
            r = max(r, _radius_clearing(abs(ux[c]), abs(uy[c]), ws[c] / 2, hs[c] / 2, clear))
        m = len(ring)
        for j in range(m if m > 2 else m - 1):
            a, b = ring[j], ring[(j + 1) % m]
            gap = sibling_gap if par[a] == par[b] else subtree_gap
            r = max(r, _pair_radius(a, b, ux, uy, ws, hs, gap))
        r = _settle_ring(ring, r, par, ux, uy, ws, hs, sibling_gap, subtree_gap)
        outer = 0.0
        for c in ring:
            x, y = r * ux[c], r * uy[c]
            cxs[c] = x
            cys[c] = y
            sides[c] = 1 if ux[c] >= -1e-12 else -1
            outer = max(outer, math.hypot(abs(x) + ws[c] / 2, abs(y) + hs[c] / 2))
    return cxs, cys, sides


def _radius_clearing(p: float, q: float, a: float, b: float, clear: float) -> float:
    """Smallest r at which a box of half-size (a, b) centred at r·(p, q) keeps every point
    at least ``clear`` from the origin (p, q >= 0, p² + q² = 1).

    The distance from the origin to the box, sqrt(max(0, rp-a)² + max(0, rq-b)²), grows
    with r, so the answer is the least of: the x term alone reaching ``clear``, the y term
    alone reaching it, or both together (the larger root of the quadratic, when both terms
    are active there).
    """
    best = _INF
    if p > 0:
        best = (clear + a) / p
    if q > 0:
        best = min(best, (clear + b) / q)
    k = a * p + b * q
    disc = k * k - a * a - b * b + clear * clear
    if disc >= 0:
        r = k + math.sqrt(disc)
        if r * p >= a * (1 - 1e-12) and r * q >= b * (1 - 1e-12):
            best = min(best, r)
    return best


def _pair_radius(
    a: int, b: int, ux: list[float], uy: list[float], ws: list[float], hs: list[float], gap: float
) -> float:
    """Smallest common ring radius at which boxes ``a`` and ``b`` are ``gap`` apart.

    Both centre differences scale with r, and the boxes are apart when either one
    exceeds the half-sizes plus the gap.
    """
    dx = abs(ux[a] - ux[b])
    dy = abs(uy[a] - uy[b])
    rx = ((ws[a] + ws[b]) / 2 + gap) / dx if dx > 1e-15 else _INF
    ry = ((hs[a] + hs[b]) / 2 + gap) / dy if dy > 1e-15 else _INF
    return min(rx, ry)


def _settle_ring(
    ring: list[int],
    r: float,
    par: list[int],
    ux: list[float],
    uy: list[float],
    ws: list[float],
    hs: list[float],
    sibling_gap: float,
    subtree_gap: float,
) -> float:
    """Raise ``r`` until no two boxes of the ring are closer than their gap.

    Neighbouring pairs are already apart; a small box between two big ones can still
    leave those two overlapping, so every pair that shares a grid cell is checked. Each
    round jumps to the largest radius an offending pair needs; since a pair once apart
    stays apart as r grows, this ends, almost always after one round.
    """
    if len(ring) < 3:
        return r
    g = max(sibling_gap, subtree_gap)
    cw = sum(ws[c] for c in ring) / len(ring) + g
    ch = sum(hs[c] for c in ring) / len(ring) + g
    half = g / 2
    while True:
        cells: dict[tuple[int, int], list[int]] = {}
        for c in ring:
            x, y = r * ux[c], r * uy[c]
            ax, ay = ws[c] / 2 + half, hs[c] / 2 + half
            for iy in range(math.floor((y - ay) / ch), math.floor((y + ay) / ch) + 1):
                for ix in range(math.floor((x - ax) / cw), math.floor((x + ax) / cw) + 1):
                    cells.setdefault((ix, iy), []).append(c)
        need = r
        for members in cells.values():
            for j in range(1, len(members)):
                b = members[j]
                bx, by, bw, bh = r * ux[b], r * uy[b], ws[b], hs[b]
                for a in members[:j]:
                    gap = sibling_gap if par[a] == par[b] else subtree_gap
                    sx = (ws[a] + bw) / 2 + gap
                    sy = (hs[a] + bh) / 2 + gap
                    tol = 1e-9 * (1 + r)
                    if abs(r * ux[a] - bx) < sx - tol and abs(r * uy[a] - by) < sy - tol:
                        need = max(need, _pair_radius(a, b, ux, uy, ws, hs, gap))
        if need <= r:
            return r
        r = need
