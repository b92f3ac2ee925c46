"""PNG drawn in bands with progress, transparent backgrounds, and tiles for a picture
beyond the PNG limit: exact pixels, nothing left behind by a cancel or a failure."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter

import karar.ui.export as pictures
from karar.core.progress import CancelledError
from karar.core.sources import load_map
from karar.ui.export import ExportError, PictureTooLargeError, export_image
from karar.ui.theme import make_theme


def stitched(tiles: list[Path], rows: int, cols: int) -> QImage:
    """The tiles ``OUT-r1c1.png`` … put back together."""
    images = [[QImage(str(tiles[r * cols + c])) for c in range(cols)] for r in range(rows)]
    width = sum(images[0][c].width() for c in range(cols))
    height = sum(images[r][0].height() for r in range(rows))
    whole = QImage(width, height, QImage.Format.Format_ARGB32)
    painter = QPainter(whole)
    y = 0
    for row in images:
        x = 0
        for image in row:
            painter.drawImage(x, y, image)
            x += image.width()
        y += row[0].height()
    painter.end()
    return whole


def differing(a: QImage, b: QImage) -> int:
    """How many pixels of two images of the same size differ by more than a shade."""
    count = 0
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            if (
                max(abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue()))
                > 8
            ):
                count += 1
    return count


def test_png_tells_progress_band_by_band(tmp_path: Path) -> None:
    told: list[tuple[int, int]] = []
    out = tmp_path / "m.png"
    export_image(load_map(None), out, "png", dpi=192, progress=lambda *t: told.append(t) or True)
    height = QImage(str(out)).height()
    bands = height // pictures.BAND_ROWS
    assert bands >= 2
    assert told == [(done, bands + 1) for done in range(1, bands + 2)]  # and the encoding


def test_tiles_tell_progress_tile_by_tile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pictures, "MAX_PIXELS", 300)
    told: list[tuple[int, int]] = []
    export_image(
        load_map(None),
        tmp_path / "m.png",
        "png",
        expand_level=1,
        dpi=48,
        tiles=True,
        progress=lambda *t: told.append(t) or True,
    )
    tiles = len(list(tmp_path.iterdir()))
    assert tiles > 1
    assert told == [(done, 2 * tiles) for done in range(1, 2 * tiles + 1)]  # drawn, encoded


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_a_cancelled_picture_keeps_the_file_it_would_replace(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"m.{fmt}"
    out.write_bytes(b"older")
    told: list[int] = []

    def stop_at_the_second(done: int, total: int) -> bool:
        told.append(done)
        return done < 2

    with pytest.raises(CancelledError):
        export_image(load_map(None), out, fmt, progress=stop_at_the_second)
    assert told == [1, 2]
    assert out.read_bytes() == b"older"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_transparent_png_has_no_background(tmp_path: Path) -> None:
    out = tmp_path / "m.png"
    export_image(load_map(None), out, "png", theme="dark", expand_level=1, transparent=True)
    image = QImage(str(out))
    assert image.hasAlphaChannel() and image.pixelColor(2, 2).alpha() == 0
    root = make_theme("dark").root_fill
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    assert centre.alpha() == 255 and centre.rgb() == root.rgb()  # the root is drawn


def svg_corner(path: Path) -> QColor:
    """The colour of the top-left corner of an SVG drawn on a transparent image."""
    from PySide6.QtCore import Qt
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(path))
    image = QImage(renderer.defaultSize(), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image.pixelColor(2, 2)


def test_transparent_svg_has_no_background(tmp_path: Path) -> None:
    opaque, clear = tmp_path / "o.svg", tmp_path / "t.svg"
    export_image(load_map(None), opaque, "svg", theme="dark", expand_level=1)
    export_image(load_map(None), clear, "svg", theme="dark", expand_level=1, transparent=True)
    assert svg_corner(opaque).rgb() == make_theme("dark").background.rgb()
    assert svg_corner(clear).alpha() == 0


def test_too_large_names_tiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pictures, "MAX_PIXELS", 300)
    with pytest.raises(PictureTooLargeError, match=r"as \d+ tiles \(--tiles\)") as raised:
        export_image(load_map(None), tmp_path / "m.png", "png", expand_level=1, dpi=48)
    assert raised.value.tiles > 1
    assert list(tmp_path.iterdir()) == []


def test_tiles_put_together_are_the_picture(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    m = load_map(None)
    whole = tmp_path / "whole.png"
    export_image(m, whole, "png", expand_level=1, dpi=48)  # scale 0.5: below the readable one
    expected = QImage(str(whole)).convertToFormat(QImage.Format.Format_ARGB32)
    monkeypatch.setattr(pictures, "MAX_PIXELS", 300)
    notice = export_image(m, tmp_path / "m.png", "png", expand_level=1, dpi=48, tiles=True)
    rows = -(-expected.height() // 300)
    cols = -(-expected.width() // 300)
    names = [f"m-r{r}c{c}.png" for r in range(1, rows + 1) for c in range(1, cols + 1)]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*names, "whole.png"])
    tiles = [tmp_path / name for name in names]
    assert all(max(QImage(str(t)).width(), QImage(str(t)).height()) <= 300 for t in tiles)
    # the same picture, but for a few glyphs a pixel off (each tile rounds its own
    # transform) and the antialiasing of the root's fans, which a part of the picture
    # strokes in slices (ui/items.EdgeLayer): nothing missing, and no seam
    together = stitched(tiles, rows, cols)
    assert together.size() == expected.size()
    assert differing(together, expected) < expected.width() * expected.height() // 200
    tile_w, tile_h = -(-expected.width() // cols), -(-expected.height() // rows)
    for c in range(1, cols):
        seam = QRect(c * tile_w - 1, 0, 2, expected.height())
        assert differing(together.copy(seam), expected.copy(seam)) < seam.height() // 50
    for r in range(1, rows):
        seam = QRect(0, r * tile_h - 1, expected.width(), 2)
        assert differing(together.copy(seam), expected.copy(seam)) < seam.width() // 50
    assert notice is not None and f"as {rows * cols} tiles" in notice


def test_a_cancelled_tiling_writes_no_tile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pictures, "MAX_PIXELS", 300)
    steps: list[int] = []

    def near_the_end(done: int, total: int) -> bool:
        steps.append(total)
        return done < total - 1

    with pytest.raises(CancelledError):
        export_image(
            load_map(None),
            tmp_path / "m.png",
            "png",
            expand_level=1,
            dpi=48,
            tiles=True,
            progress=near_the_end,
        )
    assert list(tmp_path.iterdir()) == []


def test_a_failure_half_way_removes_the_tiles_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pictures, "MAX_PIXELS", 300)
    real = pictures.write_atomically
    calls: list[Path] = []

    def full_disk_at_the_third(out: Path, what: str, data: bytes) -> None:
        calls.append(out)
        if len(calls) == 3:
            raise ExportError(f"{out}: cannot write the PNG file: No space left on device")
        real(out, what, data)

    monkeypatch.setattr(pictures, "write_atomically", full_disk_at_the_third)
    with pytest.raises(ExportError, match="No space left"):
        export_image(load_map(None), tmp_path / "m.png", "png", expand_level=1, dpi=48, tiles=True)
    assert len(calls) == 3
    assert list(tmp_path.iterdir()) == []


def test_tiles_of_a_picture_that_fits_are_one_tile(tmp_path: Path) -> None:
    export_image(load_map(None), tmp_path / "m.png", "png", expand_level=1, tiles=True)
    assert [p.name for p in tmp_path.iterdir()] == ["m-r1c1.png"]
