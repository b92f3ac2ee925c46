"""Outlines of Mermaid's seven node shapes as cached :class:`QPainterPath` objects.

Paths are made once per (shape, width, height) and reused by every node of that size; a
map's labels repeat sizes often enough that the cache stays small.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF

from karar.core.model import Shape


@lru_cache(maxsize=4096)
def shape_path(shape: Shape, w: float, h: float, radius: float = 0.0) -> QPainterPath:
    """The outline of ``shape`` filling a ``w`` x ``h`` box at the origin.

    Args:
        shape: The node's shape. ``DEFAULT`` gives a rounded box of ``radius``.
        w, h: Box size.
        radius: Corner radius for ``DEFAULT`` and ``ROUNDED`` (0: a sensible default).
    """
    path = QPainterPath()
    rect = QRectF(0, 0, w, h)
    if shape is Shape.SQUARE:
        path.addRect(rect)
    elif shape is Shape.ROUNDED:
        r = radius or min(h / 2, 12.0)
        path.addRoundedRect(rect, r, r)
    elif shape is Shape.CIRCLE:
        path.addEllipse(rect)
    elif shape is Shape.HEXAGON:
        d = min(h / 2, w / 4)
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(d, 0),
                    QPointF(w - d, 0),
                    QPointF(w, h / 2),
                    QPointF(w - d, h),
                    QPointF(d, h),
                    QPointF(0, h / 2),
                    QPointF(d, 0),
                ]
            )
        )
    elif shape is Shape.BANG:
        path.addPolygon(_bang(w, h))
    elif shape is Shape.CLOUD:
        path = _cloud(w, h)
    else:
        r = radius or 6.0
        path.addRoundedRect(rect, r, r)
    return path


def _bang(w: float, h: float) -> QPolygonF:
    """A star-burst: points alternating between the box's ellipse and an inner one."""
    cx, cy = w / 2, h / 2
    spikes = max(10, min(24, round((w + h) / 22)))
    points = []
    for i in range(spikes * 2 + 1):
        a = math.pi * i / spikes
        outer = i % 2 == 0
        rx = cx if outer else cx * 0.84
        ry = cy if outer else cy * 0.76
        points.append(QPointF(cx + rx * math.cos(a), cy + ry * math.sin(a)))
    return QPolygonF(points)


def _cloud(w: float, h: float) -> QPainterPath:
    """A cloud: bumps (quadratic arcs) along an ellipse-ish rounded box."""
    path = QPainterPath()
    cx, cy = w / 2, h / 2
    bumps = max(8, min(20, round((w + h) / 26)))
    pts = []
    for i in range(bumps):
        a = 2 * math.pi * i / bumps
        pts.append(QPointF(cx + cx * 0.9 * math.cos(a), cy + cy * 0.82 * math.sin(a)))
    path.moveTo(pts[0])
    for i in range(bumps):
        p, q = pts[i], pts[(i + 1) % bumps]
        mid = QPointF((p.x() + q.x()) / 2, (p.y() + q.y()) / 2)
        # push the control point outwards from the centre: a bump
        dx, dy = mid.x() - cx, mid.y() - cy
        k = 1.32
        path.quadTo(QPointF(cx + dx * k, cy + dy * k), q)
    path.closeSubpath()
    return path
