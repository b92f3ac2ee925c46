"""A printed page stamps its nodes from the layout (karar.ui.pages.PicturePainter) instead
of QGraphicsScene.render over an item per node (issue 11: the 10,000-node poster's cost
per page): what it draws must be what render draws, pixel for pixel, every decoration
and edge included, whatever state an earlier node left the painter in."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from karar.core import project as projects
from karar.core.pages import PageSetup, PagesKind
from karar.core.sources import load_map
from karar.ui import decorations
from karar.ui.export import picture_scene
from karar.ui.pages import PicturePainter, plan_pages
from karar.ui.scene import MapScene

DATA = Path(__file__).parent.parent / "data"


def _decided_scene(*, items: bool = True, expand_level: int | None = None) -> MapScene:
    """The built-in map with chosen, rejected and considered nodes, notes and roll-ups."""
    project = projects.load(DATA / "report-20.karar.yaml")
    scene, _ = picture_scene(
        load_map(None), project=project, items=items, expand_level=expand_level
    )
    assert scene is not None
    return scene


def _page(scene: MapScene, source: QRectF, stamped: PicturePainter | None) -> QImage:
    """``source`` drawn as a page draws it (a scaled, clipped painter), by render or by
    ``stamped``."""
    image = QImage(600, 840, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(1.5, 1.5)
    target = QRectF(20, 30, 360, 500)
    painter.setClipRect(target)
    painter.fillRect(target, scene.backgroundBrush())
    if stamped is None:
        scene.render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)
    else:
        stamped.paint(painter, target, source)
    painter.end()
    return image


def _sources(scene: MapScene) -> list[QRectF]:
    pages = plan_pages(PagesKind.POSTER, PageSetup(), scene, scene.sceneRect(), None, "Map")
    parts = [QRectF(p.scene.x, p.scene.y, p.scene.w, p.scene.h) for p in pages]
    x, y, w, h = scene.layout.bounds if scene.layout is not None else (0, 0, 0, 0)
    return [*parts, QRectF(x, y, w, h)]  # and the whole picture on one page


@pytest.mark.parametrize("expand_level", [None, 2])
def test_stamped_pages_are_what_render_draws(expand_level: int | None) -> None:
    scene = _decided_scene(expand_level=expand_level)
    stamped = PicturePainter(_decided_scene(items=False, expand_level=expand_level))
    for source in _sources(scene):
        assert _page(scene, source, None) == _page(stamped.scene, source, stamped), source


def test_a_node_starts_from_the_painter_state_the_page_had() -> None:
    # a decoration that leaves pen, brush, font and opacity changed must not leak into the
    # next node: render saves and restores the painter around every item
    scene = _decided_scene()
    stamped = PicturePainter(_decided_scene(items=False))
    source = _sources(scene)[0]

    def leaky(self: object, painter: QPainter, item: object, lod: float) -> None:
        painter.setPen(QColor("red"))
        painter.setBrush(QColor("lime"))
        painter.setOpacity(0.3)
        painter.translate(7, 7)

    mp = pytest.MonkeyPatch()
    mp.setattr(decorations.NoteMark, "paint", leaky)
    try:
        assert _page(scene, source, None) == _page(stamped.scene, source, stamped)
    finally:
        mp.undo()


def test_the_pixel_comparison_sees_a_missing_decoration_or_edge() -> None:
    scene = _decided_scene()
    stamped = PicturePainter(_decided_scene(items=False))
    layout = stamped.scene.layout
    assert layout is not None
    # around the first branch: it has a note, a chosen and a rejected child, a roll-up
    branch = layout.order[0].children[0]
    b = layout.boxes[branch]
    source = QRectF(b.x - 100, b.y - 200, 500, 700)
    whole = _page(scene, source, None)
    mp = pytest.MonkeyPatch()
    for name in ("CheckBox", "Body", "Label", "FoldHandle", "NoteMark"):
        mp.setattr(getattr(decorations, name), "paint", lambda *_: None)
        assert _page(stamped.scene, source, stamped) != whole, name
        mp.undo()
    layer = stamped.scene.edge_layer
    mp.setattr(layer, "_paint_edges", lambda *_: None)
    try:
        assert _page(stamped.scene, source, stamped) != whole
    finally:
        mp.undo()


def test_a_stamp_that_keeps_nothing_paints_the_same() -> None:
    # the SVG paints each node once: its stamp reads each node afresh and holds no state,
    # so a 100,000-node picture does not keep 100,000 nodes' geometry alive while it draws
    from karar.ui.items import NodeStamp

    scene = _decided_scene(items=False)
    layout = scene.layout
    assert layout is not None
    kept, fresh = NodeStamp(scene.ctx), NodeStamp(scene.ctx, keep=False)
    images = []
    for stamp in (kept, fresh):
        image = QImage(900, 900, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        painter = QPainter(image)
        first = layout.boxes[layout.order[0]]
        painter.translate(450 - first.x, 450 - first.y)
        for node in layout.order[:40]:
            stamp.paint(painter, node, layout.boxes[node], 1.0)
        painter.end()
        images.append(image)
    assert images[0] == images[1]
    assert kept._states and not fresh._states
