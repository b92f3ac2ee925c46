"""The fold animation: after a new layout, items glide from where they were to where they
now are; nodes appearing fade in from their nearest ancestor's old place, nodes folding
away fade out into their nearest remaining ancestor (as ghost items), and their edges
follow.

While a motion runs, edges may be drawn anywhere between the old and the new layout, so
the edge layer covers both for the whole animation and repaints their union at the end:
no fragment of an old edge is left on the canvas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEasingCurve, QObject, QRectF, QVariantAnimation, Slot

from karar.core.layout import Layout
from karar.core.model import Node

if TYPE_CHECKING:
    from karar.ui.items import NodeItem
    from karar.ui.scene import MapScene

ANIMATION_MS = 220


def bounds_rect(layout: Layout, margin: float = 80.0) -> QRectF:
    """A layout's bounds with a margin: what its edges and handles can reach."""
    x, y, w, h = layout.bounds
    return QRectF(x, y, w, h).adjusted(-margin, -margin, margin, margin)


class Motion:
    """One fold animation: where each animated node starts and ends.

    Attributes:
        old, new: The layouts before and after.
        shift: How far the view scrolled to keep the node acted on still (old positions
            are drawn shifted by it).
        paths: node -> (start x, start y, end x, end y, fade: -1 out, 0 none, +1 in).
        ghosts: Items showing nodes that folded away, until the motion ends.
        covered: Everything the motion can draw on (both layouts, shifted): what the
            edge layer covers and repaints at the end.
        near: Where the scene has items (the view and a margin): the edges drawn while
            the motion runs are those near it.
        t: Progress from 0 to 1.
    """

    def __init__(self, old: Layout, new: Layout, shift: tuple[float, float]) -> None:
        self.old = old
        self.new = new
        self.shift = shift
        self.paths: dict[Node, tuple[float, float, float, float, int]] = {}
        self.ghosts: dict[Node, NodeItem] = {}
        self.covered = bounds_rect(new).united(bounds_rect(old).translated(*shift))
        self.near = QRectF()
        self.t = 0.0

    def pos(self, node: Node) -> tuple[float, float] | None:
        """Where ``node`` is drawn now, or None when it does not move."""
        p = self.paths.get(node)
        if p is None:
            return None
        e = self.t
        return p[0] + (p[2] - p[0]) * e, p[1] + (p[3] - p[1]) * e


class FoldAnimation(QObject):
    """Runs :class:`Motion` objects on a scene's pooled items and edge layer."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__(scene)
        self._scene = scene
        self.motion: Motion | None = None
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setDuration(ANIMATION_MS)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._on_animation_value_changed)
        self._animation.finished.connect(self._on_animation_finished)

    @property
    def running(self) -> bool:
        """Whether a motion is in progress."""
        return self.motion is not None

    def start(
        self, old: Layout, new: Layout, shift: tuple[float, float], old_live: list[Node]
    ) -> None:
        """Animate from ``old`` to ``new``; ``old_live`` are the nodes that had items."""
        scene = self._scene
        live = scene.live_items()
        sx, sy = shift
        motion = Motion(old, new, shift)
        motion.near = scene.items_area()
        ob, nb = old.boxes, new.boxes
        for node in live:
            end = nb[node]
            start = ob.get(node)
            fade = 0
            if start is None:
                fade = 1
                start = next((ob[a] for a in node.ancestors() if a in ob), None)
                if start is None:
                    continue
            if (
                start is ob.get(node)
                and abs(start.x + sx - end.x) < 0.5
                and abs(start.y + sy - end.y) < 0.5
            ):
                continue
            motion.paths[node] = (start.x + sx, start.y + sy, end.x, end.y, fade)
        for node in old_live:
            if node in nb or node not in ob:
                continue
            target = next((nb[a] for a in node.ancestors() if a in nb), None)
            if target is None:
                continue
            start = ob[node]
            item = scene.acquire_item()
            item.bind(node, start)
            motion.ghosts[node] = item
            motion.paths[node] = (start.x + sx, start.y + sy, target.x, target.y, -1)
        if not motion.paths:
            return
        self.motion = motion
        scene.edge_painter.motion = motion
        scene.edge_layer.set_rect(motion.covered)
        self._apply(0.0)
        self._animation.start()

    def stop(self) -> None:
        """End the motion now, everything in its final place."""
        if self.motion is not None:
            self._animation.stop()
            self._finish()

    def _apply(self, t: float) -> None:
        motion = self.motion
        if motion is None:
            return
        motion.t = t
        live = self._scene.live_items()
        for node, (x0, y0, x1, y1, fade) in motion.paths.items():
            item = motion.ghosts.get(node) or live.get(node)
            if item is None:
                continue
            item.setPos(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
            if fade > 0:
                item.setOpacity(t)
            elif fade < 0:
                item.setOpacity(1.0 - t)
        self._scene.edge_layer.update()

    @Slot(object)
    def _on_animation_value_changed(self, value: float) -> None:
        self._apply(float(value))

    @Slot()
    def _on_animation_finished(self) -> None:
        self._finish()

    def _finish(self) -> None:
        motion = self.motion
        if motion is None:
            return
        self.motion = None
        scene = self._scene
        scene.edge_painter.motion = None
        for item in motion.ghosts.values():
            scene.release_item(item)
        boxes = motion.new.boxes
        live = scene.live_items()
        for node in motion.paths:
            bound = live.get(node)
            if bound is not None and node in boxes:
                b = boxes[node]
                bound.setPos(b.x, b.y)
                bound.setOpacity(1.0)
        # repaint all the motion drew on, then shrink back to the new layout
        scene.update(motion.covered)
        scene.edge_layer.set_rect(bounds_rect(motion.new))
