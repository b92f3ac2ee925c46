"""The SVG picture of a laid-out scene, written from its layout: the edges through the
scene's :class:`~karar.ui.edges.EdgePainter` and each node through the decorations of
:mod:`karar.ui.decorations`, both painting into an :class:`~karar.ui.svgpainter.SvgPainter`.

No item is made for a node and no :class:`QSvgGenerator` is involved: for a 10,000-node map
those took two thirds of an export's time. What a node looks like is still defined once, by
the decorations; a :class:`~karar.ui.items.NodeStamp` gives them each node's state in turn.

Where a child process can be forked (the command line), it draws chunks of the nodes on the
other core (:func:`karar.core.forked.share`), and its part is taken in as this process's
painter would have drawn it (:meth:`~karar.ui.svgpainter.SvgPainter.absorb`): the same
bytes.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from karar.core.forked import share
from karar.core.svgfonts import Face
from karar.ui.items import NodeStamp
from karar.ui.svgpainter import SvgPainter, num

if TYPE_CHECKING:
    from karar.ui.scene import MapScene

CHUNK = 250
"""Nodes drawn in one go: between two progress reports, and the share of the work one
process claims at a time (small, so the two finish together)."""


def svg_picture(
    scene: MapScene,
    source: QRectF,
    title: str,
    *,
    transparent: bool = False,
    step: Callable[[], None] | None = None,
    chunk: int = CHUNK,
) -> tuple[bytes, dict[Face, set[str]]]:
    """The SVG document of ``source`` (scene coordinates) of ``scene``, drawn as the scene
    would render it at scale 1, without the fonts, and the characters its labels use by
    face. The document's ``<defs>`` hold a ``<style>`` whose end, ``</style>``, is where
    :func:`karar.core.svgfonts.font_rules` go.

    Args:
        transparent: No background (False: the theme's).
        step: Called after the edges and after each ``chunk`` nodes, the last chunk
            included (it may raise to stop).
    """
    layout = scene.layout
    assert layout is not None
    ctx = scene.ctx
    width, height = round(source.width()), round(source.height())
    painter = SvgPainter(-source.x(), -source.y())
    as_qpainter = cast(QPainter, painter)  # duck-typed: see karar.ui.svgpainter
    stamp = NodeStamp(ctx, keep=False)  # each node painted as its item paints it
    boxes = layout.boxes
    nodes = layout.visible_in(source.x(), source.y(), source.width(), source.height())
    out = painter.elements()
    spans: dict[int, tuple[int, int]] = {}  # each chunk's elements

    def edges() -> None:
        rect = scene.edge_layer.boundingRect() & source
        if not rect.isEmpty():
            scene.edge_painter.paint(as_qpainter, rect, 1.0)
        if step is not None:
            step()

    def work(number: int) -> None:
        start = len(out)
        for node in nodes[number * chunk : (number + 1) * chunk]:
            stamp.paint(as_qpainter, node, boxes[node], 1.0)
        spans[number] = (start, len(out))

    # the nodes shared with a child process on the other core, where one can be made
    count = -(-len(nodes) // chunk)
    end, shared = share(
        count,
        work,
        lambda: painter.part(spans),
        before=edges,
        progress=step,
    )
    if shared is not None:
        painter.absorb(shared.report, range(end, count))
    for item in scene.items(Qt.SortOrder.AscendingOrder):
        # the scene's other drawings: the hint under the root of an empty filter
        if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible() and item.text():
            painter.setPen(item.brush().color())
            painter.setFont(item.font())
            painter.drawStaticText(item.scenePos(), item.text())
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'version="1.1" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'xml:space="preserve">\n'
        f"<title>{html.escape(title, quote=False)}</title>\n"
        "<desc>A decision map drawn by Karar</desc>\n"
        f"<defs>\n<style>\n{painter.style_sheet()}\n</style>{painter.definitions()}\n</defs>\n"
    ]
    if not transparent and scene.backgroundBrush().style() != Qt.BrushStyle.NoBrush:
        colour = scene.backgroundBrush().color()
        head.append(
            f'<rect width="{width}" height="{height}" fill="{colour.name()}"'
            + (f' fill-opacity="{num(colour.alphaF())}"' if colour.alpha() < 255 else "")
            + "/>\n"
        )
    elements = painter.elements()
    elements.append("</svg>\n")
    data = "".join(head).encode("utf-8") + "\n".join(elements).encode("utf-8")
    return data, painter.characters


__all__ = ["CHUNK", "svg_picture"]
