"""PNG pictures are encoded losslessly by core/png.py: the same pixels as Qt's own
writer decodes to, RGB for an opaque picture, alpha kept where there is any."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

from karar.core.sources import load_map
from karar.ui.export import export_image, png_bytes


def _qt_png(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def _decoded(data: bytes) -> QImage:
    return QImage.fromData(data).convertToFormat(QImage.Format.Format_ARGB32)


def test_the_map_picture_decodes_to_the_pixels_qt_would_write(tmp_path: Path) -> None:
    out = tmp_path / "map.png"
    export_image(load_map(None), out, "png", dpi=120)
    data = out.read_bytes()
    assert data[25] == 2  # colour type RGB: the picture is opaque
    image = QImage(str(out))
    assert round(image.dotsPerMeterX() * 0.0254) == 120
    rgba = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    assert _decoded(data) == _decoded(_qt_png(rgba))
    assert len(data) < len(_qt_png(rgba))


def test_a_translucent_image_keeps_its_alpha() -> None:
    image = QImage(40, 30, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(200, 40, 10, 255))
    for x in range(40):
        image.setPixelColor(x, 7, QColor(10, 90, 200, 128))
        image.setPixelColor(x, 8, QColor(0, 0, 0, 0))
    image.setText("Title", "Karar")
    data = png_bytes(image)
    assert data[25] == 6  # RGBA
    assert _decoded(data) == _decoded(_qt_png(image))
    assert QImage.fromData(data).text("Title") == "Karar"


def test_an_image_without_alpha_is_rgb() -> None:
    image = QImage(5, 3, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    data = png_bytes(image)
    assert data[25] == 2
    assert _decoded(data) == _decoded(_qt_png(image))
