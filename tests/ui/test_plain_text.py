"""Text from maps, projects and file names is shown as text, never as HTML, everywhere
outside the notes preview (issue 8, class 15).

Qt renders a label, a tooltip or a message box as HTML when its text merely looks like
HTML, and ``<img src=…>`` then reads a local file. Every test here hands a widget an
``<img>`` pointing at a magenta picture and an ``<h1>``, and checks that the widget shows
the tags as text: its format is plain, or what Qt would render holds no image; and where
it is drawn, no magenta pixel shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, Qt, QTextDocument  # QtGui's Qt has mightBeRichText
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QToolTip, QWidget
from pytestqt.qtbot import QtBot
from uihelpers import show_map

from karar.core.errors import MapError
from karar.core.model import MindMap, Node
from karar.core.project import NodeState, Project
from karar.core.sources import BUILTIN_DJANGO
from karar.ui import dialogs, mapmemory
from karar.ui.mainwindow import MainWindow
from karar.ui.recent import RecentMenu


@pytest.fixture
def picture(tmp_path: Path) -> Path:
    """A magenta picture: wherever it shows, HTML was rendered and the file was read."""
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor(255, 0, 255))
    path = tmp_path / "magenta.png"
    assert image.save(str(path))
    return path


@pytest.fixture
def hostile(picture: Path) -> str:
    return f'<img src="{picture}" width="64" height="64"><h1>Big</h1>'


def shows_magenta(widget: QWidget) -> bool:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return b"\xff\x00\xff\xff" in bytes(image.constBits())  # B, G, R, A


def renders_as_text(
    text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText, shows: str = "<img"
) -> bool:
    """Whether Qt, given ``text`` in format ``fmt``, shows the tags in it as text: plain,
    or rich text without an image that says ``shows`` (the start of a tag, as text)."""
    if fmt == Qt.TextFormat.PlainText or (
        fmt == Qt.TextFormat.AutoText and not Qt.mightBeRichText(text)
    ):
        return True
    doc = QTextDocument()
    doc.setHtml(text)
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if it.fragment().charFormat().isImageFormat():
                return False
            it += 1
        block = block.next()
    return shows in doc.toPlainText()


def label_shows_as_text(label: QLabel) -> bool:
    return renders_as_text(label.text(), label.textFormat())


def shown_tooltip(text: str, over: QWidget) -> QWidget:
    """Show ``text`` as Qt shows a tooltip, and the widget it shows in."""
    QToolTip.showText(over.mapToGlobal(QPoint(5, 5)), text, over)
    tips = [w for w in QApplication.topLevelWidgets() if w.objectName() == "qtooltip_label"]
    assert tips and tips[0].isVisible()
    return tips[0]


@pytest.fixture
def win(qtbot: QtBot) -> Iterator[MainWindow]:
    w = MainWindow(theme="light", remember=False)
    qtbot.addWidget(w)
    w.map_scene.animate = False
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w
    QToolTip.hideText()
    w.close()


def hostile_map(hostile: str) -> MindMap:
    """A map whose labels write tags as entities: the reader decodes them to text."""
    root = Node("Root")
    entity = hostile.replace("<", "&lt;").replace(">", "&gt;")
    root.add(Node(entity)).add(Node("Leaf"))
    return MindMap(root)


# --------------------------------------------------------------------------- orphans


@pytest.mark.qt_log_ignore("does not support raise")
def test_an_orphans_tooltip_shows_its_note_as_text(
    win: MainWindow, hostile: str, qtbot: QtBot
) -> None:
    project = Project(
        map_ref=BUILTIN_DJANGO,
        entries={("Root", hostile, "Gone"): NodeState(note=f"{hostile}\nsecond line")},
    )
    show_map(win, MindMap(Node("Root")), project)
    panel = win.orphans_panel
    tip = panel.orphan_list.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert renders_as_text(tip)
    label = shown_tooltip(tip, panel.orphan_list)
    assert not shows_magenta(label)
    assert isinstance(label, QLabel) and renders_as_text(label.text(), label.textFormat())


def test_the_orphans_panel_shows_labels_as_text(win: MainWindow, hostile: str) -> None:
    mind_map = hostile_map(hostile)
    project = Project(map_ref=BUILTIN_DJANGO, entries={("Root", "Gone"): NodeState(note="n")})
    show_map(win, mind_map, project)
    panel = win.orphans_panel
    assert mind_map.root is not None
    panel.set_selected_node(mind_map.root.children[0])
    assert "<img" in panel.selected_label.text()
    assert label_shows_as_text(panel.selected_label)
    assert label_shows_as_text(panel.intro)
    assert renders_as_text(panel.selected_button.toolTip())
    win.orphans_panel.show()
    win.orphans_panel.raise_()
    assert not shows_magenta(panel)


# --------------------------------------------------------------------------- dialogs


def test_the_error_dialog_shows_the_file_and_message_as_text(
    win: MainWindow, hostile: str, qtbot: QtBot
) -> None:
    box = dialogs.error_box(win, MapError(f"/tmp/{hostile.replace('/', '')}.mmd", 3, hostile))
    labels = box.findChildren(QLabel)
    assert any("<img" in label.text() for label in labels)
    assert all(label_shows_as_text(label) for label in labels)
    box.show()
    qtbot.waitExposed(box)
    assert not shows_magenta(box)
    box.close()


def test_the_session_asks_and_warns_in_plain_text(
    win: MainWindow, hostile: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[QMessageBox] = []

    def answer(box: QMessageBox) -> int:
        seen.append(box)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", answer)
    # QMessageBox.warning() guesses rich text: never used for what quotes a file
    guessed: list[object] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: guessed.append(args))
    show_map(win, hostile_map(hostile))
    win.session.project.path = tmp_path / "<h1>Big<h1>.karar.yaml"
    assert win.document.root is not None
    win.document.toggle_checked(win.document.root)
    assert win.session.maybe_save().name == "CANCEL"
    win.session._show_error(MapError(str(tmp_path / "x.mmd"), 1, hostile))
    assert not guessed
    assert len(seen) == 2
    for box in seen:
        assert any("<h1>" in label.text() for label in box.findChildren(QLabel))
        assert all(label_shows_as_text(label) for label in box.findChildren(QLabel))


# --------------------------------------------------------------------------- bars


def test_the_notice_bar_escapes_every_file_derived_string(win: MainWindow, hostile: str) -> None:
    bar = win.notice_bar
    bar.show_warnings(hostile, [(3, hostile)])
    assert bar.text.textFormat() == Qt.TextFormat.RichText  # its links are its own
    assert renders_as_text(bar.text.text(), Qt.TextFormat.RichText)
    assert not shows_magenta(bar)
    bar.show_error(hostile)
    assert renders_as_text(bar.text.text(), Qt.TextFormat.RichText)
    assert not shows_magenta(bar)


def test_the_status_bar_and_breadcrumb_show_labels_as_text(win: MainWindow, hostile: str) -> None:
    mind_map = hostile_map(hostile)
    show_map(win, mind_map)
    assert mind_map.root is not None
    leaf = mind_map.root.children[0].children[0]
    win.view.select(leaf)
    assert "<img" in win.statusBar().currentMessage()
    assert not shows_magenta(win.statusBar())
    crumbs = [b.toolTip() for b in win.decision_panel.crumbs.findChildren(QWidget)]
    hostile_tips = [tip for tip in crumbs if "img" in tip]
    assert hostile_tips and all(renders_as_text(tip) for tip in hostile_tips)
    win.document.toggle_checked(mind_map.root.children[0])
    undo = win.commands["undo"]
    assert renders_as_text(undo.toolTip(), shows="img")


def test_the_window_title_shows_file_names_as_written(
    win: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "a[*] <h1>b.mmd"
    path.write_text("mindmap\n  Root [*] <b>x</b>\n", encoding="utf-8")
    assert win.open_path(str(path))
    handle = win.windowHandle()
    assert handle is not None
    assert handle.title().startswith("a[*] <h1>b.mmd — ")  # no [*] taken for the mark
    assert win.document.root is not None
    win.document.toggle_checked(win.document.root)
    assert handle.title().startswith("a[*] <h1>b.mmd* — ")


def test_recent_files_show_names_as_written(hostile: str, tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "R&D <h1>x.mmd"
    path.write_text("mindmap\n  Root\n", encoding="utf-8")
    mapmemory.clear_recent()
    mapmemory.add_recent(str(path))
    menu = RecentMenu()
    qtbot.addWidget(menu)
    menu.aboutToShow.emit()
    action = menu.actions()[0]
    assert action.text() == "&1 R&&D <h1>x.mmd"  # shows "R&D", no shortcut on D
    assert renders_as_text(action.toolTip(), shows="<h1>") and "<h1>" in action.statusTip()
    mapmemory.clear_recent()


def test_a_tooltip_says_exactly_its_text(hostile: str) -> None:
    from karar.ui.plaintext import tooltip

    doc = QTextDocument()
    doc.setHtml(tooltip(f"{hostile} &amp; &lt;b&gt;\n\tsecond  line"))
    assert doc.toPlainText() == f"{hostile} &amp; &lt;b&gt;\nsecond line"
    assert tooltip("") == ""
    assert len(tooltip("x" * 10_000)) < 2_100
