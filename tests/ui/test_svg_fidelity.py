"""The SVG export draws what the canvas draws: the SVG, rasterised by QSvgRenderer, matches
the picture's scene rendered onto an image (``QGraphicsScene.render``, what the PNG export
and the window draw) block by block, in every theme, with decisions, votes, notes, folds
and icons on show; and the comparison sees a missing decoration."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from karar.core import project as project_file
from karar.core.model import MindMap
from karar.core.project import Project
from karar.core.sources import load_map
from karar.ui import items
from karar.ui.decorations import DECORATIONS
from karar.ui.export import export_image, picture_scene

DATA = Path(__file__).parent.parent / "data"
BLOCK = 8
"""The side of the squares compared (px)."""
TOLERANCE = 40
"""The largest difference allowed in a square's average (0–255, the channel that differs
most): text rasterised by another engine shifts its glyphs' edges by a fraction of a
pixel (22 at most on the built-in map); a mark left out differs by far more."""


def scene_image(mind_map: MindMap, **options: object) -> QImage:
    """The picture as the scene renders it: every node's item painted onto an image."""
    scene, source = picture_scene(mind_map, **options)  # type: ignore[arg-type]
    assert scene is not None
    size = (round(source.width()), round(source.height()))
    image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(scene.backgroundBrush().color())
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, *size), source)
    painter.end()
    return image


def svg_image(path: Path) -> QImage:
    """The SVG file rasterised by Qt's SVG renderer at its own size."""
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    image = QImage(renderer.defaultSize(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def worst_blocks(a: QImage, b: QImage, count: int = 3) -> list[tuple[int, int, int]]:
    """The ``count`` squares of :data:`BLOCK` px where ``a`` and ``b`` differ most, as
    (x, y, difference), the most different first."""
    assert (a.width(), a.height()) == (b.width(), b.height())
    diff = b.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(diff)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Difference)
    painter.drawImage(0, 0, a)
    painter.end()
    small = diff.scaled(
        max(1, diff.width() // BLOCK),
        max(1, diff.height() // BLOCK),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,  # each pixel: its square's average
    ).convertToFormat(QImage.Format.Format_RGB888)
    bits = bytes(small.constBits())  # type: ignore[call-overload]
    w, stride = small.width(), small.bytesPerLine()
    values = []
    for y in range(small.height()):
        row = bits[y * stride : y * stride + 3 * w]
        values += [(max(row[i : i + 3]), i // 3, y) for i in range(0, 3 * w, 3)]
    values.sort(reverse=True)
    return [(x * BLOCK, y * BLOCK, v) for v, x, y in values[:count]]


def compare(tmp_path: Path, mind_map: MindMap, **options: object) -> list[tuple[int, int, int]]:
    """The worst squares of the SVG export against the scene's picture."""
    out = tmp_path / "map.svg"
    export_image(mind_map, out, "svg", **options)  # type: ignore[arg-type]
    return worst_blocks(scene_image(mind_map, **options), svg_image(out))


def project(name: str) -> Project:
    return project_file.load(DATA / name)


@pytest.mark.parametrize("theme", ["light", "dark", "contrast"])
def test_svg_matches_the_scene_with_decisions_and_notes(tmp_path: Path, theme: str) -> None:
    worst = compare(tmp_path, load_map(None), theme=theme, project=project("report-20.karar.yaml"))
    assert worst[0][2] <= TOLERANCE, worst


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_svg_matches_the_scene_with_votes_and_folds(tmp_path: Path, theme: str) -> None:
    tally = project("tally/tally.karar.yaml")
    worst = compare(tmp_path, load_map(None), theme=theme, project=tally, expand_level=2)
    assert worst[0][2] <= TOLERANCE, worst


def test_svg_matches_the_scene_with_icons_shapes_and_markdown(tmp_path: Path) -> None:
    for name in ("a02-all-shapes.mmd", "a04-icons.mmd", "a06-markdown-strings.mmd"):
        mind_map = load_map(DATA / "conformance" / name)
        worst = compare(tmp_path, mind_map, theme="dark")
        assert worst[0][2] <= TOLERANCE, (name, worst)


@pytest.mark.parametrize(
    ("key", "map_name"),
    [
        ("body", None),
        ("check", None),
        ("label", None),
        ("votes", None),
        ("handle", None),
        ("note", None),
        ("icon", "a04-icons.mmd"),
    ],
)
def test_a_missing_decoration_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str, map_name: str | None
) -> None:
    """What the other tests compare fails when the SVG leaves out any one decoration."""
    mind_map = load_map(DATA / "conformance" / map_name if map_name else None)
    options: dict[str, object] = {"expand_level": 3}
    if map_name is None:
        options["project"] = project("tally/tally.karar.yaml")
    assert compare(tmp_path, mind_map, **options)[0][2] <= TOLERANCE
    kept = tuple(deco for deco in DECORATIONS if deco.key != key)
    assert len(kept) == len(DECORATIONS) - 1
    out = tmp_path / "map.svg"
    with monkeypatch.context() as patched:  # the SVG's nodes without it, the scene's with it
        patched.setattr(items, "DECORATIONS", kept)
        export_image(mind_map, out, "svg", **options)  # type: ignore[arg-type]
    missing = worst_blocks(scene_image(mind_map, **options), svg_image(out))
    assert missing[0][2] > TOLERANCE


def test_svg_matches_the_scene_of_a_filter_leaving_only_the_root(tmp_path: Path) -> None:
    """The scene's hint under the root ("No decisions yet…") is in the SVG too."""
    from karar.core.filters import DecisionsOnly

    out = tmp_path / "map.svg"
    export_image(load_map(None), out, "svg", view_filter=DecisionsOnly())
    assert "No decisions yet" in out.read_text(encoding="utf-8")
    worst = compare(tmp_path, load_map(None), view_filter=DecisionsOnly())
    assert worst[0][2] <= TOLERANCE, worst
