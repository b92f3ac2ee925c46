"""File › Print: the print preview, its page options, and printing what it shows."""

from __future__ import annotations

import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from karar.core.labels import plain_text
from karar.core.pages import Orientation, PageSetup, PagesKind
from karar.core.scope import Scope
from karar.core.sources import load_map
from karar.ui import progress as progress_module
from karar.ui.export import picture_scene
from karar.ui.mainwindow import MainWindow
from karar.ui.pages import plan_pages
from karar.ui.printpreview import PrintJob, PrintOptions, PrintPreview


@pytest.fixture(autouse=True)
def _fresh_print_options() -> Iterator[None]:
    """Each test starts from the default options (the settings live for the whole run)."""
    QSettings().remove("print")
    yield
    QSettings().remove("print")


@pytest.fixture
def preview(window: MainWindow, qtbot: QtBot) -> Iterator[PrintPreview]:
    """The print preview of the built-in map, shown but not run modally."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = PrintPreview(window, printer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.close()


def choose(dialog: PrintPreview, name: str, value: str) -> None:
    """Pick ``value`` in the options strip's box ``print-<name>``, as the user would."""
    box = dialog.findChild(QComboBox, f"print-{name}")
    assert box is not None
    index = box.findData(value)
    assert index >= 0, (name, value)
    box.setCurrentIndex(index)


def print_to_pdf(dialog: PrintPreview, out: Path) -> None:
    """What the dialog's Print button does once the print dialog said "Print to File"."""
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    dialog.preview.print()


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, ligatures undone and whitespace collapsed."""
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [" ".join(unicodedata.normalize("NFKC", page).split()) for page in text.split("\f")]
    return pages[:-1] if pages and not pages[-1] else pages


def page_sizes(pdf: Path) -> set[str]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return {
        line.split(":", 1)[1].strip()
        for line in info.splitlines()
        if line.startswith("Page ") and " size:" in line
    }


def built_in_labels() -> list[str]:
    return [" ".join(plain_text(n.label, n.markdown).split()) for n in load_map(None)]


def test_the_preview_shows_the_planned_pages(preview: PrintPreview) -> None:
    mind_map = load_map(None)
    scene, source = picture_scene(mind_map, folded=[])
    assert scene is not None
    poster = plan_pages(PagesKind.POSTER, PageSetup(), scene, source, None, mind_map.display_title)
    assert len(poster) > 1
    choose(preview, "scope", "all")
    choose(preview, "pages", "poster")
    assert preview.page_count() == len(poster)
    label = preview.findChild(QLabel, "page-count")
    assert label is not None and label.text() == f"{len(poster)} pages"
    choose(preview, "pages", "branches")
    assert preview.page_count() == 34  # the overview and the 33 first-level branches
    choose(preview, "pages", "fit")
    assert preview.page_count() == 1


def test_paper_orientation_and_scope_change_the_pages(preview: PrintPreview) -> None:
    choose(preview, "scope", "all")
    choose(preview, "pages", "poster")
    counts = {"A4": preview.page_count()}
    choose(preview, "paper", "A3")
    counts["A3"] = preview.page_count()
    choose(preview, "paper", "A2")
    counts["A2"] = preview.page_count()
    assert counts["A4"] > counts["A3"] > counts["A2"]
    choose(preview, "paper", "A4")
    choose(preview, "orientation", "portrait")
    portrait = preview.page_count()
    choose(preview, "orientation", "landscape")
    assert preview.page_count() != portrait
    choose(preview, "orientation", "auto")
    root = load_map(None).root
    assert root is not None
    first = plain_text(root.children[0].label, root.children[0].markdown)
    choose(preview, "scope", f"branch:{first}")
    assert preview.page_count() < counts["A4"]


def test_printing_gives_the_pages_shown(preview: PrintPreview, tmp_path: Path) -> None:
    choose(preview, "scope", "all")
    choose(preview, "pages", "branches")
    shown = preview.page_count()
    out = tmp_path / "printed.pdf"
    print_to_pdf(preview, out)
    pages = pdf_pages(out)
    assert len(pages) == shown == 34
    missing = [label for label in built_in_labels() if not any(label in p for p in pages)]
    assert missing == []
    # A printer's paper stays as loaded: every page is A4, turned one way.
    assert len(page_sizes(out)) == 1


def test_what_each_node_paints_is_read_once_for_plan_and_print(
    preview: PrintPreview, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from karar.ui.items import NodeItem

    choose(preview, "scope", "all")
    choose(preview, "pages", "poster")
    loads: list[object] = []
    load = NodeItem.load

    def counted(self: NodeItem, node: object, box: object) -> object:
        loads.append(node)
        return load(self, node, box)  # type: ignore[arg-type]

    monkeypatch.setattr(NodeItem, "load", counted)
    choose(preview, "paper", "A3")  # plans again: every node read, once
    planned = len(loads)
    assert planned > 0
    print_to_pdf(preview, tmp_path / "printed.pdf")
    assert len(loads) == planned  # printing the plan reads nothing again


def test_a_poster_prints_on_the_chosen_paper(preview: PrintPreview, tmp_path: Path) -> None:
    choose(preview, "scope", "all")
    choose(preview, "pages", "poster")
    choose(preview, "paper", "Letter")
    choose(preview, "orientation", "landscape")
    out = tmp_path / "poster.pdf"
    print_to_pdf(preview, out)
    assert len(pdf_pages(out)) == preview.page_count() > 1
    assert page_sizes(out) == {"792 x 612 pts (letter)"}


def page_image(pdf: Path, tmp_path: Path) -> QImage:
    """The first page of ``pdf`` at 30 dpi."""
    subprocess.run(
        ["pdftoppm", "-r", "30", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    (png,) = tmp_path.glob("p*.png")
    image = QImage(str(png))
    png.unlink()
    assert not image.isNull()
    return image


def background_pixels(image: QImage, dialog: PrintPreview) -> set[tuple[int, int, int]]:
    """Pixels just inside the corners of the first page's picture (its margin: background)."""
    assert dialog.job is not None
    body = dialog.job.pages[0].target
    dots = image.width() / dialog.job.pages[0].paper.w
    spots = [(x, y) for x in (body.x + 6, body.right - 6) for y in (body.y + 6, body.bottom - 6)]
    return {image.pixelColor(int(x * dots), int(y * dots)).getRgb()[:3] for x, y in spots}


def test_the_light_theme_prints_on_white(
    preview: PrintPreview, window: MainWindow, tmp_path: Path
) -> None:
    window.set_theme("dark")
    out = tmp_path / "light.pdf"
    print_to_pdf(preview, out)
    assert background_pixels(page_image(out, tmp_path), preview) == {(255, 255, 255)}
    choose(preview, "theme", "screen")
    print_to_pdf(preview, out)
    dark = background_pixels(page_image(out, tmp_path), preview)
    assert all(max(rgb) < 60 for rgb in dark), dark


def test_the_options_are_remembered(window: MainWindow, qtbot: QtBot) -> None:
    root = load_map(None).root
    assert root is not None
    third = plain_text(root.children[2].label, root.children[2].markdown)
    first = PrintPreview(window, QPrinter())
    qtbot.addWidget(first)
    assert first.chosen() == PrintOptions()
    for name, value in (
        ("pages", "poster"),
        ("scope", f"branch:{third}"),
        ("paper", "A3"),
        ("orientation", "landscape"),
        ("theme", "contrast"),
    ):
        choose(first, name, value)
    first.close()
    again = PrintPreview(window, QPrinter())
    qtbot.addWidget(again)
    assert again.chosen() == PrintOptions(
        PagesKind.POSTER, f"branch:{third}", "A3", Orientation.LANDSCAPE, "contrast"
    )
    assert PrintJob(window, again.chosen()).scope() == Scope("branch", 3)


def test_options_no_longer_valid_fall_back_to_the_defaults(window: MainWindow) -> None:
    for key, value in (("pages", "wall"), ("scope", "branch:Gone"), ("paper", "B5")):
        QSettings().setValue(f"print/{key}", value)
    options = PrintOptions.load()
    assert (options.pages, options.paper) == (PagesKind.FIT, "A4")
    assert PrintJob(window, options).scope() == Scope()  # the branch is not in the map


def test_the_options_have_labels_and_mnemonics(preview: PrintPreview) -> None:
    boxes = preview.strip.findChildren(QComboBox)
    assert len(boxes) == 5
    labels = {label.buddy(): label.text() for label in preview.strip.findChildren(QLabel)}
    keys = [labels[box].split("&")[1][0].lower() for box in boxes]
    assert len(set(keys)) == 5  # one mnemonic each, none shared
    # Qt's own portrait/landscape and page setup would change nothing: they are hidden
    hidden = {a.text() for a in preview.findChildren(QAction) if not a.isVisible()}
    assert {"Portrait", "Landscape", "Page setup"} <= hidden


def test_print_to_uses_the_window_s_folds_on_one_page(window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    window.outputs.print_to(printer)
    (page,) = pdf_pages(out)
    root = window.document.root
    assert root is not None
    shown = window.map_scene.layout
    assert shown is not None
    assert all(plain_text(b.label, b.markdown).split()[0] in page for b in root.children)
    hidden = [n for n in window.document.mindmap if n not in shown.boxes]
    assert hidden and not any(f" {n.label} " in f" {page} " for n in hidden if len(n.label) > 12)


def _print_from_the_preview(window: MainWindow, qtbot: QtBot) -> tuple[str, str, object]:
    """File › Print, then the preview's Print button, then Cancel: the file name the
    print dialog offers for "Print to File" (as the printer holds it and as its field
    shows it) and the printer's output format."""
    seen: list[tuple[str, str, object]] = []

    # the preview handles events while it draws its pages: each step waits for its dialog
    def in_print_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            QTimer.singleShot(10, in_print_dialog)
            return
        field = dialog.findChild(QLineEdit, "filename")
        assert field is not None
        printer = dialog.printer()
        seen.append((printer.outputFileName(), field.text(), printer.outputFormat()))
        dialog.reject()

    def in_preview() -> None:
        preview = QApplication.activeModalWidget()
        if not isinstance(preview, PrintPreview):
            QTimer.singleShot(10, in_preview)
            return
        (button,) = [a for a in preview.findChildren(QAction) if a.text() == "Print"]
        QTimer.singleShot(0, in_print_dialog)
        button.trigger()
        preview.reject()

    QTimer.singleShot(0, in_preview)
    window.commands["print"].trigger()
    qtbot.waitUntil(lambda: len(seen) == 1)
    return seen[0]


def test_print_to_file_keeps_the_whole_title(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """B11: Qt took the ".5)" of "(v1.5)" for an extension."""
    title = "Django Ekosistemi - Birleştirilmiş Genişletilmiş Karar Ağacı (v1.5)"
    want = str(Path.home() / f"{title}.pdf")  # the built-in map has no folder
    # Naming the file does not make printing to a file the dialog's first choice.
    native = QPrinter(QPrinter.PrinterMode.HighResolution).outputFormat()
    assert _print_from_the_preview(window, qtbot) == (want, want, native)

    plan = tmp_path / "plans" / "plan.mmd"
    plan.parent.mkdir()
    plan.write_text("mindmap\n  Backend / API: v2.0?\n    Django\n", encoding="utf-8")
    assert window.open_map(plan)
    want = str(plan.parent / "Backend - API- v2.0.pdf")
    assert _print_from_the_preview(window, qtbot) == (want, want, native)


def test_the_options_are_reached_by_keyboard(preview: PrintPreview, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    preview.activateWindow()
    qtbot.waitUntil(lambda: preview.pages_box.hasFocus())
    qtbot.keyClick(preview.pages_box, Qt.Key.Key_Tab)
    assert preview.scope_box.hasFocus()
    qtbot.keyClick(preview.scope_box, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert preview.paper_box.hasFocus()
    qtbot.keyClick(preview.paper_box, Qt.Key.Key_Down)
    assert preview.chosen().paper == "A3"
    assert preview.page_count() == 1


def test_a_tree_prints_every_page_on_paper_turned_one_way(
    preview: PrintPreview, window: MainWindow, tmp_path: Path
) -> None:
    """The tree's overview is tall and its branches wide: the overview is drawn a quarter
    turn on the landscape paper (a QPrinter refuses a new page layout while printing)."""
    window.set_layout("tree")
    choose(preview, "scope", "all")
    choose(preview, "pages", "branches")
    assert preview.job is not None
    shapes = [page.paper.w > page.paper.h for page in preview.job.pages]
    assert shapes[0] is False and all(shapes[1:])
    out = tmp_path / "tree.pdf"
    print_to_pdf(preview, out)
    assert len(pdf_pages(out)) == preview.page_count() == 34
    assert page_sizes(out) == {"842 x 595 pts (A4)"}
    # the overview's header runs down the right edge: its title is read turned
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-raw", str(out), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Django" in text


def test_a_page_range_prints_those_pages(preview: PrintPreview, tmp_path: Path) -> None:
    choose(preview, "scope", "all")
    choose(preview, "pages", "branches")
    printer = preview.printer()
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(3, 5)
    out = tmp_path / "some.pdf"
    print_to_pdf(preview, out)
    root = load_map(None).root
    assert root is not None
    pages = pdf_pages(out)
    assert len(pages) == 3
    assert plain_text(root.children[1].label, root.children[1].markdown) in pages[0]
    assert printer.fullPage()


def _cancel_when_progress_shows(qtbot: QtBot, parent: QWidget, seen: list[str]) -> QTimer:
    """Press Cancel in the progress dialog as soon as it shows (its label kept in ``seen``)."""

    def press() -> None:
        shown = [
            dialog
            for dialog in parent.findChildren(QProgressDialog, "progress-dialog")
            if dialog.isVisible()  # those of earlier drawings wait to be deleted
        ]
        if not shown:
            return
        (dialog,) = shown
        seen.append(dialog.labelText())
        poll.stop()
        button = dialog.findChild(QPushButton)
        assert button is not None
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    poll = QTimer()
    poll.timeout.connect(press)
    poll.start(0)
    return poll


def test_printing_shows_progress_and_cancelling_prints_nothing(
    preview: PrintPreview, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(preview, "scope", "all")
    choose(preview, "pages", "poster")
    monkeypatch.setattr(progress_module, "MINIMUM_DURATION_MS", 0)
    seen: list[str] = []
    poll = _cancel_when_progress_shows(qtbot, preview, seen)
    out = tmp_path / "printed.pdf"
    print_to_pdf(preview, out)
    poll.stop()
    assert seen and seen[0].startswith("Printing ")
    assert preview.cancelled
    assert not out.exists()
    # a file printed over is left as it was
    out.write_bytes(b"older")
    poll = _cancel_when_progress_shows(qtbot, preview, seen)
    print_to_pdf(preview, out)
    poll.stop()
    assert len(seen) == 2 and preview.cancelled
    assert out.read_bytes() == b"older"
    # a file it cannot read is not its to put back: cancelling leaves it to Qt, not removed
    real_read = Path.read_bytes

    def unreadable(path: Path) -> bytes:
        if path == out:
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    poll = _cancel_when_progress_shows(qtbot, preview, seen)
    print_to_pdf(preview, out)
    poll.stop()
    monkeypatch.setattr(Path, "read_bytes", real_read)
    assert len(seen) == 3 and preview.cancelled
    assert out.exists()
    # and printing to the end prints
    print_to_pdf(preview, out)
    assert not preview.cancelled
    assert len(pdf_pages(out)) == preview.page_count()


def test_the_preview_shows_progress_and_can_be_cancelled(
    preview: PrintPreview, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(preview, "scope", "all")
    monkeypatch.setattr(progress_module, "MINIMUM_DURATION_MS", 0)
    seen: list[str] = []
    poll = _cancel_when_progress_shows(qtbot, preview, seen)
    choose(preview, "pages", "poster")  # redraws the preview
    poll.stop()
    assert seen and seen[0].startswith("Drawing the preview of ")
    assert preview.job is not None
    planned = len(preview.job.pages)
    assert preview.page_count() < planned  # stopped where Cancel was pressed
    assert not preview.cancelled  # nothing was to be printed
    # printing still prints every page
    out = tmp_path / "printed.pdf"
    print_to_pdf(preview, out)
    assert len(pdf_pages(out)) == planned
