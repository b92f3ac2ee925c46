"""Radial placement for :mod:`karar.core.layout`: boxes hung outward from rings.

The root sits at the origin; a node at depth d hangs on ring d at the middle of its
angular span (the first child of the root straight up, then clockwise on screen, since
y grows downward). Its box is anchored *outward*: the point of the ring at its angle lies
on the box's border, on the near (left) edge on the right half, the near (right) edge on
the left half, and near the top and bottom on the near horizontal edge with the box
centred over it, so labels read away from the centre as in the horizontal layouts.

Every parent's span is shared among its children in proportion to what their subtrees
need: the larger of a node's own angle and its children's total. What a box needs is
set by its neighbours on its ring: boxes are apart as soon as *either* coordinate
separates them, so flat boxes stack by their height at the sides and sit side by side
only near the top and bottom, and a pair that would be apart at a radius r' smaller than
its ring's R needs only r'/R of the angle now between them. Angles, needs and radii
depend on one another, so a few rounds iterate angles → exact placement → needs → spans
→ angles, starting from shares by leaf count and keeping the most compact placement
seen. Rounds cost a placement each, so big maps get fewer (none past 8,000 nodes).

A placement computes the radii exactly, ring by ring outward, each the smallest that
satisfies two rules:

* rings never interleave: every box of ring d lies farther from the origin than the
  farthest corner of ring d-1 plus the level gap (so no box meets a box of an inner ring,
  and edges run outward between rings);
* boxes on the same ring are apart by their gap. Two anchored boxes move linearly with
  the radius, so the radii at which a pair is too close form one open interval, known in
  closed form: the ring takes the smallest radius outside the intervals of its
  neighbouring pairs, then a sweep in angular order over the pairs close enough to meet
  raises it past any other pair's interval until none are too close.

Everything is pure Python on integer-indexed lists, iterative and linear-ish; no Qt.
"""

from __future__ import annotations

import math
from itertools import pairwise
from operator import sub

__all__ = ["radial_centres"]

_INF = math.inf
_TAU = 2 * math.pi
_CORNER = math.sqrt(2)  # the anchor reaches a box corner at 45°
_ROUNDS = 8  # rounds of angles -> needs -> angles for small maps
_ROUND_BUDGET = 8_000  # fewer beyond this many nodes per round (none past it)
_SETTLED = 1e-4  # largest angle change (radians) that ends the rounds early
_FLOOR = 1e-9  # the least need: keeps every span positive


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
    if n == 1:
        return [0.0], [0.0], [0]
    rings: list[list[int]] = [[] for _ in range(max(level) + 1)]
    for i, d in enumerate(level):
        rings[d].append(i)  # pre-order within a ring is increasing angle
    inner = [p for p in range(n) if kids[p]]
    gaps = (sibling_gap, subtree_gap)

    weight = [0.0] * n
    for i in range(n - 1, 0, -1):
        if weight[i] == 0.0:
            weight[i] = 1.0
        weight[par[i]] += weight[i]
    mids = _allocate(kids, inner, weight)
    half_diag = [math.hypot(w, h) / 2 for w, h in zip(ws, hs, strict=True)]
    shape = (rings, par, ws, hs, half_diag, gaps, level_gap)
    placed = _Placement(shape, mids)
    best = placed
    for _ in range(min(_ROUNDS, _ROUND_BUDGET // n)):
        new_mids = _allocate(kids, inner, _subtree_needs(par, placed.needs()))
        moved = max(map(abs, map(sub, new_mids, mids)))
        # Half steps: a full step can swing a box across the corner where its anchor
        # changes edge, and back again.
        mids = [(a + b) / 2 for a, b in zip(mids, new_mids, strict=True)]
        placed = _Placement(shape, mids)
        if placed.extent < best.extent:
            best = placed  # rounds need not improve steadily on deep maps
        if moved < _SETTLED:
            break
    return best.centres()


_Shape = tuple[
    list[list[int]],  # rings: node numbers per depth, in angular order
    list[int],  # parents
    list[float],  # widths
    list[float],  # heights
    list[float],  # half-diagonals
    tuple[float, float],  # sibling and subtree gaps
    float,  # level gap
]


class _Placement:
    """Boxes hung on rings at given angles, each ring at its smallest radius (exact).

    Attributes:
        radii: Radius of each ring (0 for the root's).
        extent: The farthest corner of the outermost ring from the origin.
    """

    __slots__ = ("extent", "his", "mids", "ox", "oy", "radii", "rings", "ux", "uy")

    def __init__(self, shape: _Shape, mids: list[float]) -> None:
        """Place the boxes of ``shape`` (rings, parents, sizes, half-diagonals, gaps) with
        their anchors at the angles ``mids``."""
        rings, par, ws, hs, half_diag, gaps, level_gap = shape
        self.rings, self.mids = rings, mids
        ux = self.ux = list(map(math.cos, mids))
        uy = self.uy = list(map(math.sin, mids))
        ox, oy = self.ox, self.oy = _offsets(ws, hs, ux, uy)
        self.radii = [0.0] * len(rings)
        self.his: list[list[float]] = [[]]  # per ring: each neighbouring pair's interval end
        outer = math.hypot(ws[0], hs[0]) / 2  # farthest corner of the previous ring
        for d in range(1, len(rings)):
            ring = rings[d]
            clear = outer + level_gap
            his: list[float] = []
            if len(ring) > 1:
                r, his = _settle_ring(
                    ring, clear, par, mids, ux, uy, ox, oy, ws, hs, half_diag, gaps
                )
                # A box is clear of the origin once its anchor is farther than ``clear``
                # by its reach back from the anchor (at most its half-diagonal); only when
                # packing leaves less room than that is the exact clearance needed.
                if r < clear + max(map(half_diag.__getitem__, ring)):
                    need = _clearing_radius(ring, ux, uy, ox, oy, ws, hs, clear)
                    if need > r:
                        r, his = _settle_ring(
                            ring, need, par, mids, ux, uy, ox, oy, ws, hs, half_diag, gaps
                        )
            else:
                r = _clearing_radius(ring, ux, uy, ox, oy, ws, hs, clear)
            self.radii[d] = r
            self.his.append(his)
            outer = max(
                math.hypot(
                    r * abs(ux[c]) + abs(ox[c]) + ws[c] / 2, r * abs(uy[c]) + abs(oy[c]) + hs[c] / 2
                )
                for c in ring
            )
        self.extent = outer

    def needs(self) -> list[float]:
        """The angle each node needs on its ring, judged from its neighbours there.

        A pair of neighbours that would already be apart at a radius r' smaller than
        their ring's R needs only r'/R of the angle now between them; each node needs
        half of what it shares with either neighbour. Needs are angles, so they add up
        across rings.
        """
        mids = self.mids
        own = [_FLOOR] * len(mids)
        for ring, his, r in zip(self.rings, self.his, self.radii, strict=True):
            if not his:
                continue
            seps = [mids[b] - mids[a] for a, b in pairwise(ring)]
            seps.append(mids[ring[0]] + _TAU - mids[ring[-1]])
            half = 0.5 / r
            shares = [t * h * half for t, h in zip(seps, his, strict=True)]
            before = shares[-1]
            for c, share in zip(ring, shares, strict=True):
                own[c] += before + share
                before = share
        return own

    def centres(self) -> tuple[list[float], list[float], list[int]]:
        """``(cx, cy, side)`` per node."""
        ux, uy, ox, oy = self.ux, self.uy, self.ox, self.oy
        n = len(ux)
        cxs = [0.0] * n
        cys = [0.0] * n
        sides = [0] * n
        for ring, r in zip(self.rings[1:], self.radii[1:], strict=True):
            for c in ring:
                cxs[c] = r * ux[c] + ox[c]
                cys[c] = r * uy[c] + oy[c]
                sides[c] = 1 if ux[c] >= -1e-12 else -1
        return cxs, cys, sides


def _allocate(kids: list[list[int]], inner: list[int], weight: list[float]) -> list[float]:
    """Mid angle of every node's span, shared out by weight, parents before children.

    Each parent's span is shared among its children in proportion to their weights; the
    root's whole circle starts so that its first child is centred straight up.
    """
    n = len(kids)
    start = [0.0] * n
    span = [0.0] * n
    mid = [0.0] * n
    first = kids[0]
    span[0] = _TAU
    start[0] = -math.pi / 2 - math.pi * weight[first[0]] / sum(weight[c] for c in first)
    mid[0] = -math.pi / 2
    for p in inner:
        ch = kids[p]
        unit = span[p] / sum([weight[c] for c in ch])
        a = start[p]
        for c in ch:
            s = unit * weight[c]
            start[c] = a
            span[c] = s
            mid[c] = a + s / 2
            a += s
    return mid


def _subtree_needs(par: list[int], own: list[float]) -> list[float]:
    """The angle each subtree needs: the larger of its own and its children's total."""
    need = own[:]
    below = [0.0] * len(par)
    for i in range(len(par) - 1, 0, -1):
        v = below[i]
        if v > need[i]:
            need[i] = v
        below[par[i]] += need[i]
    return need


def _offsets(
    ws: list[float], hs: list[float], ux: list[float], uy: list[float]
) -> tuple[list[float], list[float]]:
    """Where each box's centre sits relative to its anchor: ``centre = R·u + (ox, oy)``.

    Each offset is the half-size times ``min(1, √2·|component of u|)``, signed like the
    component, so one of them is always whole and the anchor is on the border: up to 45°
    from the horizontal on the near side edge, beyond it on the near horizontal edge,
    the box sliding to centred as its angle nears the vertical.
    """
    k = _CORNER
    ox = [math.copysign(w / 2 * min(1.0, k * abs(x)), x) for w, x in zip(ws, ux, strict=True)]
    oy = [math.copysign(h / 2 * min(1.0, k * abs(y)), y) for h, y in zip(hs, uy, strict=True)]
    return ox, oy


def _neighbour_intervals(
    ring: list[int],
    par: list[int],
    ux: list[float],
    uy: list[float],
    ox: list[float],
    oy: list[float],
    ws: list[float],
    hs: list[float],
    gaps: tuple[float, float],
) -> tuple[list[float], list[float]]:
    """``(los, his)``: for each box of a ring (two or more) and the next one around, the
    open interval of radii at which they are closer than their gap (empty: ``hi <= lo``,
    ``hi`` then 0).

    The pair's centres differ by ``r·du + do`` in each coordinate, and they are too close
    while both ``|r·dux + dox| < sx`` and ``|r·duy + doy| < sy``: the intersection of
    two intervals.
    """
    sibling_gap, subtree_gap = gaps
    los: list[float] = []
    his: list[float] = []
    add_lo, add_hi = los.append, his.append
    for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
        g = sibling_gap if par[a] == par[b] else subtree_gap
        # Unrolled over the two axes: this runs once per box and placement.
        s = (ws[a] + ws[b]) * 0.5 + g
        du = ux[a] - ux[b]
        do = ox[a] - ox[b]
        if du > 1e-15:
            lo, hi = (-s - do) / du, (s - do) / du
        elif du < -1e-15:
            lo, hi = (s - do) / du, (-s - do) / du
        elif -s < do < s:
            lo, hi = -_INF, _INF
        else:
            add_lo(0.0)
            add_hi(0.0)
            continue
        s = (hs[a] + hs[b]) * 0.5 + g
        du = uy[a] - uy[b]
        do = oy[a] - oy[b]
        if du > 1e-15:
            t1, t2 = (-s - do) / du, (s - do) / du
        elif du < -1e-15:
            t1, t2 = (s - do) / du, (-s - do) / du
        elif -s < do < s:
            t1, t2 = -_INF, _INF
        else:
            add_lo(0.0)
            add_hi(0.0)
            continue
        if t1 > lo:
            lo = t1
        if t2 < hi:
            hi = t2
        if hi <= lo:
            lo = hi = 0.0
        add_lo(lo)
        add_hi(hi)
    return los, his


def _clearing_radius(
    ring: list[int],
    ux: list[float],
    uy: list[float],
    ox: list[float],
    oy: list[float],
    ws: list[float],
    hs: list[float],
    clear: float,
) -> float:
    """The smallest radius at which every box of the ring is ``clear`` from the origin.

    A box reaches back from its anchor towards each axis by its half-size less its
    offset; only boxes whose cheap upper bound beats the best so far are solved exactly.
    """
    reach = [(abs(ux[c]), abs(uy[c]), ws[c] / 2 - abs(ox[c]), hs[c] / 2 - abs(oy[c])) for c in ring]
    bounds = [
        min((clear + a) / p if p > 0 else _INF, (clear + b) / q if q > 0 else _INF)
        for p, q, a, b in reach
    ]
    best = 0.0
    for bound, j in sorted(zip(bounds, range(len(ring)), strict=True), reverse=True):
        if bound <= best:
            break
        best = max(best, _radius_clearing(*reach[j], clear))
    return best


def _radius_clearing(p: float, q: float, a: float, b: float, clear: float) -> float:
    """Smallest r at which a box keeps every point at least ``clear`` from the origin.

    The box's nearest corner region is at ``(r·p - a, r·q - b)`` (p, q >= 0,
    p² + q² = 1; ``a``, ``b`` >= 0 are how far the box reaches back from its anchor
    towards each axis). Its distance from the origin, sqrt(max(0, rp-a)² + max(0, rq-b)²),
    grows with r, so the answer is the least of: the x term alone reaching ``clear``, the
    y term alone reaching it, or both together (the larger root of the quadratic, when
    both terms are active there).
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


def _settle_ring(
    ring: list[int],
    r: float,
    par: list[int],
    mids: list[float],
    ux: list[float],
    uy: list[float],
    ox: list[float],
    oy: list[float],
    ws: list[float],
    hs: list[float],
    half_diag: list[float],
    gaps: tuple[float, float],
) -> tuple[float, list[float]]:
    """The smallest radius from ``r`` up at which no two boxes of the ring are too close,
    and the upper ends of the neighbouring pairs' intervals (see :func:`_neighbour_intervals`).

    Neighbours in angle are the pairs that bind: the radius first leaves every
    neighbouring pair's interval (a sweep over the intervals sorted by their start). A
    small box between two big ones can still leave those two too close, so then every
    other pair whose anchors are near enough to matter is checked, walking forward in
    angle from each box; a pair still too close lifts the radius past its interval, and
    the neighbours are swept again. Each lift passes an interval for good, so this ends,
    almost always at once.
    """
    los, his = _neighbour_intervals(ring, par, ux, uy, ox, oy, ws, hs, gaps)
    m = len(ring)
    if m < 4:  # every pair is a neighbouring pair
        return _leave_intervals(los, his, r), his

    sibling_gap, subtree_gap = gaps
    # How far apart two anchors can be with their boxes still too close: each box reaches
    # at most its offset plus its half-diagonal from its anchor, plus half the gap.
    g = 0.75 * max(gaps)
    ext = [2 * half_diag[c] + g for c in ring]  # |offset| <= half-diagonal
    most = max(ext)
    us = [ux[c] for c in ring]
    vs = [uy[c] for c in ring]
    angle = [mids[c] for c in ring]
    while True:
        r = _leave_intervals(los, his, r)
        tol = 1e-9 * (1 + r)
        need = r
        # Only boxes whose next-but-one neighbour is near enough start a walk.
        starts = [
            j
            for j in range(m)
            if (us[j] - us[j - m + 2]) ** 2 + (vs[j] - vs[j - m + 2]) ** 2
            < ((ext[j] + most) / r) ** 2
        ]
        for j in starts:
            a = ring[j]
            ax, ay, aw, ah = r * us[j] + ox[a], r * vs[j] + oy[a], ws[a], hs[a]
            reach2 = ((ext[j] + most) / r) ** 2
            ta = angle[j]
            for step in range(2, m - 1):
                k = j + step - m  # negative indices wrap around the ring
                dt = angle[k] - ta
                if dt < 0:
                    dt += _TAU
                du, dv = us[j] - us[k], vs[j] - vs[k]
                if dt > math.pi or du * du + dv * dv >= reach2:
                    break
                b = ring[k]
                gap = sibling_gap if par[a] == par[b] else subtree_gap
                sx = (aw + ws[b]) / 2 + gap
                sy = (ah + hs[b]) / 2 + gap
                dx = ax - r * us[k] - ox[b]
                dy = ay - r * vs[k] - oy[b]
                if abs(dx) < sx - tol and abs(dy) < sy - tol:
                    # Too close now: leave the pair's interval (its upper end).
                    hi = _INF
                    for d_u, d_o, s in ((du, ox[a] - ox[b], sx), (dv, oy[a] - oy[b], sy)):
                        if abs(d_u) > 1e-15:
                            hi = min(hi, max((-s - d_o) / d_u, (s - d_o) / d_u))
                    need = max(need, hi)
        if need <= r:
            return r, his
        r = need


def _leave_intervals(los: list[float], his: list[float], r: float) -> float:
    """The smallest radius from ``r`` up outside every open interval ``(lo, hi)``.

    Jumping to the farthest end among the intervals holding ``r`` is safe (everything
    before it is inside that one); a jump or two ends it.
    """
    while True:
        ends = [hi for lo, hi in zip(los, his, strict=True) if lo < r < hi]
        if not ends:
            return r
        r = max(ends)
