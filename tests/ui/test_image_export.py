"""PNG, SVG and PDF exports: drawn by the window's scene, every node of the chosen levels in
the picture, on the theme's background."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtGui import QColor, QImage, QImageReader

from karar.core.filters import DecisionsOnly, HideRejected, OpenQuestions
from karar.core.project import Project
from karar.core.sources import load_map
from karar.ui.export import MAX_PIXELS, ExportError, export_image, write_atomically
from karar.ui.theme import make_theme

SVG = "{http://www.w3.org/2000/svg}"


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


def test_png_past_the_limit_is_scaled_while_labels_stay_readable(tmp_path: Path) -> None:
    out = tmp_path / "big.png"
    notice = export_image(load_map(None), out, "png", dpi=400)
    size = QImageReader(str(out)).size()  # the header: Qt refuses to load this much
    assert max(size.width(), size.height()) == MAX_PIXELS
    assert notice is not None and f"scaled to {MAX_PIXELS} px" in notice


def svg_texts(path: Path) -> list[str]:
    """The text of every <text> element of an SVG file, in document order."""
    root = ElementTree.parse(path).getroot()
    return [e.text or "" for e in root.iter(f"{SVG}text")]


def label_text(label: str) -> str:
    """A label as drawn, in one line: line breaks as spaces, other markup dropped."""
    text = re.sub(r"<br\s*/?>", " ", label, flags=re.IGNORECASE)
    text = re.sub(r"</?[A-Za-z][^>]*>", "", text)
    return " ".join(text.replace("**", "").split())


def test_svg_has_every_label_as_text(tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    export_image(load_map(None), out, "svg", expand_level=1)
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    # A label wraps over several <text> lines: joined with spaces they give it back.
    drawn = " ".join(" ".join(svg_texts(out)).split())
    visible = [n for n in load_map(None) if n.depth <= 1]
    assert len(visible) == 34
    missing = [n.label for n in visible if label_text(n.label) not in drawn]
    assert missing == []
    hidden = next(n for n in load_map(None) if n.label == "PostgreSQL")  # level 3: folded
    assert "PostgreSQL" not in drawn and hidden.depth == 3


def test_svg_declares_its_size_in_pixels(tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    export_image(load_map(None), out, "svg", expand_level=1)
    root = ElementTree.parse(out).getroot()
    _, _, width, height = root.attrib["viewBox"].split()
    assert (root.attrib["width"], root.attrib["height"]) == (width, height)
    assert 1000 < int(width) < 4000  # the map's size in pixels, as the PNG at 96 dpi
    png = tmp_path / "map.png"
    export_image(load_map(None), png, "png", expand_level=1)
    assert (QImage(str(png)).width(), QImage(str(png)).height()) == (int(width), int(height))


def test_pdf_is_one_page_of_the_map(tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    export_image(load_map(None), out, "pdf", expand_level=2)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data)) == 1
    assert re.findall(rb"/Type\s*/Pages\b.*?/Count\s+(\d+)", data, re.DOTALL) == [b"1"]
    # The page is A4 (--pages fit), turned the way the map is.
    svg = tmp_path / "map.svg"
    export_image(load_map(None), svg, "svg", expand_level=2)
    _, _, width, height = ElementTree.parse(svg).getroot().attrib["viewBox"].split()
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box is not None
    a4 = (842.0, 595.0) if int(width) > int(height) else (595.0, 842.0)
    assert (float(box[1]), float(box[2])) == a4


def test_image_writes_report_the_folder_problem(tmp_path: Path) -> None:
    out = tmp_path / "map.png"
    out.write_bytes(b"the previous picture")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file", encoding="utf-8")
    with pytest.raises(ExportError, match=r"not-a-folder/map\.svg: cannot write the SVG file: "):
        export_image(load_map(None), blocker / "map.svg", "svg", expand_level=1)
    with pytest.raises(ExportError, match=r"gone/map\.png: cannot write the PNG file: "):
        write_atomically(tmp_path / "gone" / "map.png", "PNG", b"\x89PNG")
    write_atomically(out, "PNG", b"\x89PNG new")
    assert out.read_bytes() == b"\x89PNG new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.png", "not-a-folder"]


def test_decisions_only_picture_is_smaller(tmp_path: Path) -> None:
    m = load_map(None)
    project = Project(map_ref="builtin:django")
    pg = next(n for n in m if n.label == "PostgreSQL")
    project.update(m.path_of(pg), checked=True)
    export_image(m, tmp_path / "all.png", "png", project=project)
    export_image(m, tmp_path / "only.png", "png", project=project, view_filter=DecisionsOnly())
    full, only = QImage(str(tmp_path / "all.png")), QImage(str(tmp_path / "only.png"))
    assert only.width() * only.height() < full.width() * full.height() / 20


def _decided_project() -> tuple[object, Project]:
    from karar.core.mermaid import parse_mermaid
    from karar.core.status import Decision

    m = parse_mermaid(
        "mindmap\n  Stack\n    Data\n      PostgreSQL\n      MySQL\n    Cache\n      Redis\n"
        "      Valkey\n"
    ).map
    project = Project(map_ref="m.mmd")
    for label, state in [("PostgreSQL", Decision.REJECTED), ("Redis", Decision.CONSIDERING)]:
        node = next(n for n in m if n.label == label)
        project.update(m.path_of(node), status=state)
    return m, project


@pytest.mark.parametrize(
    ("view_filter", "drawn", "left_out"),
    [
        (None, {"PostgreSQL", "MySQL", "Redis", "Valkey"}, set()),
        (HideRejected(), {"MySQL", "Redis", "Valkey"}, {"PostgreSQL"}),
        (OpenQuestions(), {"Redis"}, {"PostgreSQL", "MySQL", "Valkey"}),
        (DecisionsOnly(), {"PostgreSQL", "Redis"}, {"MySQL", "Valkey"}),
    ],
)
def test_pictures_leave_out_what_the_filter_leaves_out(
    tmp_path: Path, view_filter: object, drawn: set[str], left_out: set[str]
) -> None:
    m, project = _decided_project()
    out = tmp_path / "map.svg"
    export_image(m, out, "svg", project=project, view_filter=view_filter)  # type: ignore[arg-type]
    texts = set(" ".join(svg_texts(out)).split())
    assert drawn <= texts and not left_out & texts


def accept_export_dialog(monkeypatch: pytest.MonkeyPatch, out: Path) -> None:
    """File › Export Image… writes ``out`` (its suffix picks the format), the map as shown."""
    from PySide6.QtWidgets import QDialog

    from karar.ui.exportdialog import ExportDialog

    def accept(dialog: ExportDialog) -> int:
        dialog.path_edit.setText(str(out))
        dialog.path_edit.editingFinished.emit()
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", accept)


def test_print_and_export_follow_the_windows_filter(
    window: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    import karar.ui.export as pictures
    from karar.ui.mainwindow import MainWindow

    assert isinstance(window, MainWindow)
    asked: list[str | None] = []
    real = pictures.picture_scene

    def spy(*args: object, **kwargs: object) -> object:
        view_filter = kwargs.get("view_filter")
        asked.append(getattr(view_filter, "name", None))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pictures, "picture_scene", spy)
    out = tmp_path / "shot.svg"
    accept_export_dialog(monkeypatch, out)
    for name in ("filter_hide_rejected", "filter_open"):
        window.commands[name].trigger()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / f"{name}.pdf"))
        window.outputs.print_to(printer)
        window.commands["export_image"].trigger()
    assert asked == ["hide-rejected", "hide-rejected", "open", "open"]


def test_export_image_from_the_window(
    window: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from karar.ui.mainwindow import MainWindow

    assert isinstance(window, MainWindow)
    out = tmp_path / "shot.svg"
    accept_export_dialog(monkeypatch, out)
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

    def save_here(dialog: QFileDialog) -> int:
        dialog.selectFile(str(out))
        return int(QFileDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QFileDialog, "exec", save_here)
    window.commands["export_md"].trigger()
    text = out.read_text(encoding="utf-8")
    assert "- [x] PostgreSQL" in text and "With pgbouncer." in text
    window.session.mark_clean()


def test_svg_carries_the_font_its_labels_use(tmp_path: Path) -> None:
    """Labels look the same in a viewer without Noto Sans: each face the labels use is in
    the SVG, a subset holding every character drawn in it; the labels stay text."""
    import base64
    import io

    from fontTools.ttLib import TTFont

    from karar.core.svgfonts import used_characters

    out = tmp_path / "map.svg"
    export_image(load_map(None), out, "svg")
    svg = out.read_bytes()
    used = used_characters(svg)
    assert (False, False) in used and (True, False) in used  # leaves and branch labels
    faces = re.findall(
        rb"font-weight:(\d+);font-style:(\w+);src:url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)",
        svg,
    )
    assert len(faces) == len(used)
    from karar.ui.export import _shipped_fonts

    shipped = _shipped_fonts()
    for weight, style, data in faces:
        face = (int(weight) >= 600, style == b"italic")
        font = TTFont(io.BytesIO(base64.b64decode(data)))
        assert font["name"].getDebugName(1) == "Noto Sans"
        cmap = font.getBestCmap()
        missing = {c for c in used[face] if ord(c) not in cmap and not c.isspace()}
        # only what Noto Sans itself lacks ("→"), drawn from the next font as on screen
        full = TTFont(io.BytesIO(shipped[face])).getBestCmap()
        assert all(ord(c) not in full for c in missing), (face, missing)
        assert len(missing) <= 2
    assert "Veri Katmanı" in " ".join(svg_texts(out))
    assert len(svg) < 2 * 1024 * 1024
