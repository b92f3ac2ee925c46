"""A printed page or an image tile draws its part of the map, not the whole map clipped
to it (issue 11: the 10,000-node poster spent 85 s and 126 MB stroking every edge of the
map on each of its 630 pages), and what it draws is what the whole picture shows there."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from karar.core import forked
from karar.core.labels import plain_text
from karar.core.pages import PageSetup, PagesKind, Rect
from karar.core.sources import load_map
from karar.ui.export import picture_scene
from karar.ui.pages import Header, plan_pages
from karar.ui.pdfpages import pdf_document, pdf_pages
from karar.ui.scene import MapScene


def _record_edge_rects(scene: MapScene) -> list[QRectF]:
    """The rects the scene's edge layer is asked to paint, from now on."""
    layer = scene.edge_layer
    paint = layer._paint_edges
    seen: list[QRectF] = []

    def recording(painter: QPainter, exposed: QRectF, lod: float) -> None:
        seen.append(QRectF(exposed))
        paint(painter, exposed, lod)

    layer._paint_edges = recording
    return seen


def _within(inner: QRectF, outer: Rect, slack: float) -> bool:
    return (
        inner.left() >= outer.x - slack
        and inner.top() >= outer.y - slack
        and inner.right() <= outer.right + slack
        and inner.bottom() <= outer.bottom + slack
    )


def test_each_poster_page_paints_only_the_edges_of_its_part(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(forked, "can_fork", lambda: False)  # every page drawn here, seen
    scene, source = picture_scene(load_map(None))
    assert scene is not None
    pages = plan_pages(PagesKind.POSTER, PageSetup(), scene, source, None, "Map")
    seen = _record_edge_rects(scene)
    pdf_document(pages, scene, scene, Header("Map", None))
    assert len(seen) == len(pages)
    for rect, page in zip(seen, pages, strict=True):
        assert _within(rect, page.scene, slack=1.0), (page.label, rect, page.scene)
        # the part of a page, not the map's: a poster page is a small part of it
        assert rect.width() * rect.height() < source.width() * source.height() / 4


def _page_image(scene: MapScene, part: QRectF) -> QImage:
    """``part`` drawn as a page draws it: a scaled painter, clipped to the target."""
    image = QImage(1000, 1400, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(scene.backgroundBrush().color())
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(2, 2)
    target = QRectF(0, 0, 500, 700)
    painter.setClipRect(target)
    scene.render(painter, target, part)
    painter.end()
    return image


def test_a_page_draws_exactly_what_painting_every_edge_would_draw_there() -> None:
    scene, source = picture_scene(load_map(None))
    assert scene is not None
    # a part of the map where edges run in and out on every side
    part = QRectF(source.x() + 400, source.y() + 900, 500, 700)
    seen = _record_edge_rects(scene)
    drawn = _page_image(scene, part)
    assert seen and _within(seen[-1], Rect(part.x(), part.y(), part.width(), part.height()), 1)
    layer = scene.edge_layer
    paint = layer._paint_edges

    def every_edge(painter: QPainter, exposed: QRectF, lod: float) -> None:
        paint(painter, layer.boundingRect(), lod)

    layer._paint_edges = every_edge
    whole = _page_image(scene, part)
    # Dense fans are drawn as ribbons sliced to the painted area (as in the window), so
    # their antialiased rims may differ by a shade; nothing else may.
    differ = [
        (x, y)
        for y in range(0, whole.height(), 2)
        for x in range(0, whole.width(), 2)
        if _shade(whole.pixel(x, y), drawn.pixel(x, y)) > 0
    ]
    worst = max((_shade(whole.pixel(x, y), drawn.pixel(x, y)) for x, y in differ), default=0)
    assert len(differ) < whole.width() * whole.height() / 4 / 200
    assert worst <= 64


def _shade(a: int, b: int) -> int:
    return max(abs(((a >> s) & 255) - ((b >> s) & 255)) for s in (0, 8, 16))


def test_the_whole_picture_is_drawn_exactly_as_with_every_edge() -> None:
    scene, source = picture_scene(load_map(None))
    assert scene is not None
    w, h = round(source.width()), round(source.height())

    def picture() -> QImage:
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(scene.backgroundBrush().color())
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scene.render(painter, QRectF(0, 0, w, h), source)
        painter.end()
        return image

    drawn = picture()
    layer = scene.edge_layer
    paint = layer._paint_edges
    layer._paint_edges = lambda painter, _, lod: paint(painter, layer.boundingRect(), lod)
    assert picture() == drawn


def test_each_poster_page_holds_the_labels_of_the_nodes_inside_it(tmp_path: Path) -> None:
    mind_map = load_map(None)
    scene, source = picture_scene(mind_map)
    assert scene is not None and scene.layout is not None
    data, pages = pdf_pages(scene, source, PagesKind.POSTER, PageSetup(), title="Map")
    pdf = tmp_path / "poster.pdf"
    pdf.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    texts = [" ".join(unicodedata.normalize("NFKC", t).split()) for t in text.split("\f")]
    boxes = scene.layout.boxes
    checked = 0
    for page, page_text in zip(pages, texts, strict=False):
        r = page.scene
        inside = [
            n
            for n, b in boxes.items()
            if b.x >= r.x and b.y >= r.y and b.x + b.w <= r.right and b.y + b.h <= r.bottom
        ]
        for node in inside:
            assert " ".join(plain_text(node.label, node.markdown).split()) in page_text
        checked += len(inside)
    assert checked >= len(boxes)  # the pages overlap: most nodes are inside some page
