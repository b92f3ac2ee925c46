"""File › Export Image…: the dialog's options reach the file, are remembered with the
folder, a long export shows a progress dialog that cancels, and a PNG too large for one
file is offered as tiles."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

import karar.ui.export as pictures
import karar.ui.progress as progress_module
from karar.core.scope import Scope
from karar.ui.exportdialog import ExportDialog
from karar.ui.mainwindow import MainWindow
from karar.ui.theme import make_theme


@pytest.fixture(autouse=True)
def _forget_export_options() -> Iterator[None]:
    QSettings().remove("export")
    yield
    QSettings().remove("export")


def choose(dialog: ExportDialog, name: str, key: str) -> None:
    """Pick the item of the dialog's combo box ``name`` whose key is ``key``."""
    from PySide6.QtWidgets import QComboBox

    box = dialog.findChild(QComboBox, name)
    assert box is not None
    index = box.findData(key)
    assert index >= 0, key
    box.setCurrentIndex(index)


def run_dialog(
    window: MainWindow, qtbot: QtBot, fill: Callable[[ExportDialog], None]
) -> list[ExportDialog]:
    """Trigger File › Export Image…, let ``fill`` set the open dialog, press Export."""
    seen: list[ExportDialog] = []

    def drive() -> None:
        dialog = window.findChild(ExportDialog)
        assert dialog is not None and dialog.isVisible()
        seen.append(dialog)
        fill(dialog)
        qtbot.mouseClick(
            dialog.export_button, pytest.importorskip("PySide6.QtCore").Qt.MouseButton.LeftButton
        )

    QTimer.singleShot(0, drive)
    window.commands["export_image"].trigger()
    assert seen, "the dialog did not open"
    return seen


def test_the_options_reach_the_file(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    out = tmp_path / "branch.png"

    def fill(dialog: ExportDialog) -> None:
        dialog.path_edit.setText(str(out))
        choose(dialog, "export-format", "png")
        choose(dialog, "export-scope", "branch")
        dialog.branch_box.setCurrentIndex(1)
        dialog.dpi_box.setValue(192)
        choose(dialog, "export-theme", "dark")

    run_dialog(window, qtbot, fill)
    _, source = pictures.picture_scene(window.document.mindmap, scope=Scope("branch", 2))
    size = QImageReader(str(out)).size()
    assert QImageReader(str(out)).format().data() == b"png"
    assert (size.width(), size.height()) == (round(source.width() * 2), round(source.height() * 2))
    image = QImage(str(out))
    assert image.pixelColor(2, 2).rgb() == make_theme("dark").background.rgb()
    assert "Image written" in window.statusBar().currentMessage()


def test_pdf_pages_and_svg(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    pdf = tmp_path / "poster.pdf"

    def poster(dialog: ExportDialog) -> None:
        choose(dialog, "export-format", "pdf")
        assert not dialog.dpi_box.isEnabled() and dialog.pages_box.isEnabled()
        dialog.path_edit.setText(str(pdf))
        choose(dialog, "export-scope", "all")
        choose(dialog, "export-pages", "poster")
        choose(dialog, "export-paper", "A3")

    run_dialog(window, qtbot, poster)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "pages (poster)" in window.statusBar().currentMessage()

    def svg(dialog: ExportDialog) -> None:
        dialog.path_edit.setText(str(tmp_path / "map.svg"))
        dialog.path_edit.editingFinished.emit()  # a typed suffix picks the format
        assert dialog.fmt == "svg" and not dialog.pages_box.isEnabled()
        choose(dialog, "export-background", "transparent")

    run_dialog(window, qtbot, svg)
    assert "<svg" in (tmp_path / "map.svg").read_text(encoding="utf-8")


def test_the_options_and_folder_are_remembered(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "pictures"
    folder.mkdir()

    def first(dialog: ExportDialog) -> None:
        assert dialog.theme_box.currentData() == window.map_scene.theme.name  # the window's
        dialog.path_edit.setText(str(folder / "mine.svg"))
        dialog.path_edit.editingFinished.emit()
        choose(dialog, "export-scope", "decisions")
        choose(dialog, "export-theme", "contrast")
        choose(dialog, "export-background", "transparent")
        choose(dialog, "export-paper", "Letter")
        dialog.dpi_box.setValue(144)

    run_dialog(window, qtbot, first)
    assert (folder / "mine.svg").exists()
    again: list[object] = []

    def second(dialog: ExportDialog) -> None:
        options = dialog.options()
        again.append(options)
        dialog.path_edit.setText(str(folder / "again.svg"))

    run_dialog(window, qtbot, second)
    (options,) = again
    assert options.path.parent == folder  # type: ignore[attr-defined]
    assert options.path.name == "django.svg"  # type: ignore[attr-defined]
    assert (options.fmt, options.scope, options.theme) == ("svg", "decisions", "contrast")  # type: ignore[attr-defined]
    assert (options.transparent, options.paper, options.dpi) == (True, "Letter", 144)  # type: ignore[attr-defined]


def test_the_format_renames_the_proposed_file(window: MainWindow, qtbot: QtBot) -> None:
    dialog = ExportDialog(window, Path("/somewhere/team.png"), ["A", "B"], "light")
    qtbot.addWidget(dialog)
    assert dialog.path_edit.text() == str(Path("/somewhere/team.png"))
    choose(dialog, "export-format", "pdf")
    assert dialog.path_edit.text() == str(Path("/somewhere/team.pdf"))
    dialog.path_edit.setText("/somewhere/plain")
    assert dialog.options().path == Path("/somewhere/plain.pdf")
    assert not dialog.branch_box.isEnabled()
    choose(dialog, "export-scope", "branch")
    assert dialog.branch_box.isEnabled()


def test_every_field_has_a_labelled_mnemonic(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    dialog = ExportDialog(window, Path("/x/m.png"), ["A"], "light")
    qtbot.addWidget(dialog)
    labels = dialog.findChildren(QLabel)
    keys = [label.text().split("&")[1][0].lower() for label in labels if "&" in label.text()]
    keys += [
        b.text().split("&")[1][0].lower()
        for b in dialog.findChildren(QAbstractButton)
        if "&" in b.text()
    ]
    assert len(labels) == 10 and all(label.buddy() is not None for label in labels)
    assert len(keys) == len(set(keys)) == 12


def test_a_cancelled_export_leaves_no_file(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "m.png"
    real = pictures.export_image

    def cancel_at_once(*args: object, **kwargs: object) -> object:
        kwargs["progress"] = lambda done, total: False
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pictures, "export_image", cancel_at_once)
    run_dialog(window, qtbot, lambda dialog: dialog.path_edit.setText(str(out)))
    assert not out.exists()
    assert "cancelled" in window.statusBar().currentMessage()


def test_cancel_in_the_progress_dialog(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress_module, "MINIMUM_DURATION_MS", 0)
    out = tmp_path / "m.png"
    out.write_bytes(b"older")
    pressed: list[str] = []

    def press_cancel() -> None:
        dialog = window.findChild(QProgressDialog, "progress-dialog")
        if dialog is None or not dialog.isVisible():
            return
        button = dialog.findChild(QPushButton)
        assert button is not None
        pressed.append(button.text())
        poll.stop()
        qtbot.mouseClick(button, pytest.importorskip("PySide6.QtCore").Qt.MouseButton.LeftButton)

    poll = QTimer()
    poll.timeout.connect(press_cancel)
    poll.start(0)

    def fill(dialog: ExportDialog) -> None:
        dialog.path_edit.setText(str(out))
        choose(dialog, "export-scope", "all")

    run_dialog(window, qtbot, fill)
    poll.stop()
    assert pressed == ["&Cancel"]
    assert out.read_bytes() == b"older"
    assert "cancelled" in window.statusBar().currentMessage()


def test_too_large_is_offered_as_tiles(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pictures, "MAX_PIXELS", 400)
    asked: list[str] = []

    def save(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "question", save)

    def fill(dialog: ExportDialog) -> None:
        dialog.path_edit.setText(str(tmp_path / "m.png"))
        choose(dialog, "export-scope", "all")
        dialog.dpi_box.setValue(48)

    run_dialog(window, qtbot, fill)
    (question,) = asked
    tiles = sorted(tmp_path.iterdir())
    assert question.endswith(f"beyond 400 px: save as {len(tiles)} tiles?"), question
    assert question.startswith("The picture is ") and " × " in question
    assert len(tiles) > 1 and all(t.name.startswith("m-r") for t in tiles)
    assert all(max(QImageReader(str(t)).size().toTuple()) <= 400 for t in tiles)  # type: ignore[attr-defined]
    assert "tiles" in window.statusBar().currentMessage()


def test_tab_goes_down_the_form(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    dialog = ExportDialog(window, Path("/x/m.png"), ["A"], "light")
    qtbot.addWidget(dialog)
    fields = [
        dialog.path_edit,
        dialog.findChild(QPushButton, "export-browse"),
        dialog.format_box,
        dialog.scope_box,
        dialog.branch_box,
        dialog.dpi_box,
        dialog.pages_box,
        dialog.paper_box,
        dialog.orientation_box,
        dialog.background_box,
        dialog.theme_box,
    ]
    chain: list[QWidget] = []
    widget: QWidget = dialog.path_edit
    while len(chain) < 40:
        if widget in fields and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is dialog.path_edit:
            break
    assert chain == fields
