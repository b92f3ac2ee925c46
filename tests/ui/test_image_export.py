"""PNG, SVG and PDF exports: drawn by the window's scene, every node of the chosen levels in
the picture, on the theme's background."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from karar.core.project import Project
from karar.core.sources import load_map
from karar.ui.export import export_image
from karar.ui.theme import make_theme


def colour_count(image: QImage, colour: QColor, step: int = 3) -> int:
    want = colour.rgb()
    return sum(
        1
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
        if image.pixel(x, y) == want
    )


@pytest.mark.parametrize("theme", ["light", "dark", "contrast"])
def test_png_draws_the_map_on_the_theme(tmp_path: Path, theme: str) -> None:
    out = tmp_path / "map.png"
    assert export_image(load_map(None), out, "png", theme=theme, expand_level=1) is None
    image = QImage(str(out))
    assert not image.isNull()
    assert 1000 < image.width() < 4000 and 600 < image.height() < 3000
    colours = make_theme(theme)
    assert image.pixelColor(2, 2) == colours.background
    assert colour_count(image, colours.root_fill) > 2000  # the root's filled circle


def test_png_dpi_scales_the_picture(tmp_path: Path) -> None:
    m = load_map(None)
    export_image(m, tmp_path / "a.png", "png", expand_level=1, dpi=96)
    export_image(m, tmp_path / "b.png", "png", expand_level=1, dpi=192)
    a, b = QImage(str(tmp_path / "a.png")), QImage(str(tmp_path / "b.png"))
    assert abs(b.width() - 2 * a.width()) <= 2 and abs(b.height() - 2 * a.height()) <= 2


def test_svg_has_every_label_as_text(tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    export_image(load_map(None), out, "svg")
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    for label in ("PostgreSQL", "Kimlik Doğrulama", "Şemasız eventler"):
        assert label in text


def test_pdf_is_one_page_of_the_map(tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    export_image(load_map(None), out, "pdf", expand_level=2)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert (
        data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type/Page") >= 1
    )


def test_decisions_only_picture_is_smaller(tmp_path: Path) -> None:
    m = load_map(None)
    project = Project(map_ref="builtin:django")
    pg = next(n for n in m if n.label == "PostgreSQL")
    project.update(m.path_of(pg), checked=True)
    export_image(m, tmp_path / "all.png", "png", project=project)
    export_image(m, tmp_path / "only.png", "png", project=project, decisions_only=True)
    full, only = QImage(str(tmp_path / "all.png")), QImage(str(tmp_path / "only.png"))
    assert only.width() * only.height() < full.width() * full.height() / 20


def test_export_image_from_the_window(
    window: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from karar.ui.mainwindow import MainWindow

    assert isinstance(window, MainWindow)
    out = tmp_path / "shot.svg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.commands["export_image"].trigger()
    assert "<svg" in out.read_text(encoding="utf-8")
    assert "Image written" in window.statusBar().currentMessage()


def test_print_to_a_pdf_printer(window: object, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from karar.ui.mainwindow import MainWindow

    assert isinstance(window, MainWindow)
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    window.outputs.print_to(printer)
    assert out.read_bytes().startswith(b"%PDF-")
    assert out.stat().st_size > 5_000


def test_export_snapshot_from_the_window(
    window: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from karar.ui.mainwindow import MainWindow

    assert isinstance(window, MainWindow)
    doc = window.document
    pg = next(n for n in doc.mindmap if n.label == "PostgreSQL")
    doc.set_checked(pg, True)
    doc.set_note(pg, "With pgbouncer.")
    out = tmp_path / "decisions.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.commands["export_md"].trigger()
    text = out.read_text(encoding="utf-8")
    assert "- [x] PostgreSQL" in text and "With pgbouncer." in text
    window.session.mark_clean()
