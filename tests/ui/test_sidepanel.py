"""The decision panel and the orphaned-notes panel, driven through their real widgets."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QTextDocument
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from karar.core.mermaid import parse_mermaid
from karar.core.model import Node
from karar.core.project import NodeState, Project
from karar.core.sources import BUILTIN_DJANGO
from karar.ui import commands
from karar.ui.app import make_app
from karar.ui.document import MapDocument
from karar.ui.orphans import OrphansPanel
from karar.ui.sidepanel import DecisionPanel
from karar.ui.theme import make_theme, widget_palette

MAP = """mindmap
  root((Stack))
    Data
      Relational DB
        PostgreSQL 16
        MySQL
    Caching
      Redis
"""
ROOT = "Stack"

# The offscreen platform says so whenever a window's minimum size changes (docks do that).
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@contextlib.contextmanager
def qtbot_signals(doc: MapDocument) -> Iterator[list[str]]:
    """The names of the document's signals emitted inside the block."""
    seen: list[str] = []
    names = ("map_replaced", "folds_changed", "decisions_changed", "orphans_changed")
    slots = {name: (lambda *_a, n=name: seen.append(n)) for name in names}
    for name, slot in slots.items():
        getattr(doc, name).connect(slot)
    try:
        yield seen
    finally:
        for name, slot in slots.items():
            getattr(doc, name).disconnect(slot)


def node(doc: MapDocument, label: str) -> Node:
    return next(n for n in doc.mindmap if n.label == label)


@pytest.fixture
def doc(qtbot: QtBot) -> MapDocument:
    make_app()
    document = MapDocument()
    document.load(parse_mermaid(MAP).map, None, Project(map_ref=BUILTIN_DJANGO))
    return document


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[QMainWindow]:
    """A main window to dock the panels in, as the real window does."""
    win = QMainWindow()
    qtbot.addWidget(win)
    win.resize(900, 760)
    yield win
    win.close()


@pytest.fixture
def panel(doc: MapDocument, host: QMainWindow, qtbot: QtBot) -> DecisionPanel:
    dock = DecisionPanel(doc, host)
    host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    host.resizeDocks([dock], [360], Qt.Orientation.Horizontal)
    host.show()
    qtbot.waitExposed(host)
    return dock


# --------------------------------------------------------------------------- decision panel


def test_empty_state_until_a_node_is_selected(panel: DecisionPanel, doc: MapDocument) -> None:
    assert panel.node is None
    assert panel.pages.currentWidget() is panel.empty_label
    assert panel.empty_label.text() == "Select a node to record a decision"
    panel.set_node(node(doc, "MySQL"))
    assert panel.pages.currentIndex() == 1
    assert panel.heading.text() == "MySQL"
    assert panel.windowTitle() == "Decision"


def test_typing_records_the_note_and_one_undo_step(
    panel: DecisionPanel, doc: MapDocument, qtbot: QtBot
) -> None:
    pg = node(doc, "PostgreSQL 16")
    panel.set_node(pg)
    qtbot.keyClicks(panel.editor, "We run **it**")
    assert doc.note(pg) == "We run **it**"
    assert doc.undo_stack.count() == 1  # typing merged

    qtbot.keyClick(panel.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.note(pg) == ""
    assert panel.editor.toPlainText() == ""
    assert doc.undo_stack.canRedo()  # restoring the editor pushed nothing

    doc.undo_stack.redo()
    assert panel.editor.toPlainText() == "We run **it**"
    assert doc.note(pg) == "We run **it**"


def test_undo_keeps_the_cursor_at_the_change(
    panel: DecisionPanel, doc: MapDocument, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commands, "NOTE_MERGE_SECONDS", -1.0)  # every keystroke its own step
    pg = node(doc, "PostgreSQL 16")
    doc.set_note(pg, "first line\nsecond line")
    panel.set_node(pg)
    cursor = panel.editor.textCursor()
    cursor.setPosition(len("first line\nsecond"))
    panel.editor.setTextCursor(cursor)
    qtbot.keyClicks(panel.editor, "!")
    assert doc.note(pg) == "first line\nsecond! line"
    count = doc.undo_stack.count()

    doc.undo_stack.undo()
    assert panel.editor.toPlainText() == "first line\nsecond line"
    assert panel.editor.textCursor().position() == len("first line\nsecond")
    assert doc.undo_stack.count() == count

    doc.undo_stack.redo()
    assert panel.editor.textCursor().position() == len("first line\nsecond!")


def test_non_breaking_spaces_and_emoji_survive_editing(
    panel: DecisionPanel, doc: MapDocument, qtbot: QtBot
) -> None:
    pg = node(doc, "PostgreSQL 16")
    doc.set_note(pg, "10\u00a0GB 🐘")
    panel.set_node(pg)
    panel.editor.moveCursor(panel.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.editor, "!")
    assert doc.note(pg) == "10\u00a0GB 🐘!"
    doc.undo_stack.undo()
    doc.set_note(pg, "10\u00a0GB 🐘 and more")  # changed elsewhere: a stretch after the emoji
    assert panel.editor.toPlainText().endswith("🐘 and more")


def test_checkbox_follows_the_document(
    panel: DecisionPanel, doc: MapDocument, qtbot: QtBot
) -> None:
    mysql = node(doc, "MySQL")
    panel.set_node(mysql)
    assert not panel.check_box.isChecked()
    qtbot.mouseClick(panel.check_box, Qt.MouseButton.LeftButton)
    assert doc.is_checked(mysql)
    doc.undo_stack.undo()
    assert not doc.is_checked(mysql)
    assert not panel.check_box.isChecked()
    doc.set_checked(mysql, True)  # checked from the map
    assert panel.check_box.isChecked()


def test_rollup_counts_checked_nodes_below(panel: DecisionPanel, doc: MapDocument) -> None:
    panel.set_node(node(doc, "Relational DB"))
    assert panel.rollup_label.text() == "0 of 2 below chosen"
    doc.set_checked(node(doc, "MySQL"), True)
    assert panel.rollup_label.text() == "1 of 2 below chosen"


def test_breadcrumb_selects_an_ancestor(
    panel: DecisionPanel, doc: MapDocument, qtbot: QtBot
) -> None:
    panel.set_node(node(doc, "PostgreSQL 16"))
    buttons = panel.crumb_buttons()
    assert [b.text() for b in buttons] == ["Stack", "Data", "Relational DB"]
    assert all(b.isVisible() for b in buttons)
    with qtbot.waitSignal(panel.node_activated) as blocker:
        qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    assert blocker.args == [node(doc, "Data")]


def test_root_has_no_breadcrumb(panel: DecisionPanel, doc: MapDocument) -> None:
    panel.set_node(doc.root)
    assert panel.crumb_buttons() == []
    assert panel.crumbs.isHidden()


def test_preview_renders_bold_and_tables(
    panel: DecisionPanel, doc: MapDocument, qtbot: QtBot
) -> None:
    pg = node(doc, "PostgreSQL 16")
    panel.set_node(pg)
    qtbot.keyClicks(panel.editor, "**bold** text")
    qtbot.waitUntil(lambda: "bold text" in panel.preview.toPlainText())
    found = panel.preview.document().find("bold")
    assert found.charFormat().fontWeight() == QFont.Weight.Bold

    doc.set_note(pg, "| DB | Why |\n|---|---|\n| PostgreSQL | JSONB |")
    text = panel.preview.toPlainText()
    assert "PostgreSQL" in text
    assert "|" not in text
    cursor = panel.preview.document().find("JSONB")
    table = cursor.currentTable()
    assert table is not None
    assert (table.rows(), table.columns()) == (2, 2)


def test_preview_shows_script_as_text(panel: DecisionPanel, doc: MapDocument) -> None:
    pg = node(doc, "PostgreSQL 16")
    doc.set_note(pg, "<script>alert(1)</script>")
    panel.set_node(pg)
    assert panel.preview.toPlainText() == "<script>alert(1)</script>"
    assert "<script" not in panel.preview.toHtml()


def test_preview_fetches_nothing(
    panel: DecisionPanel, doc: MapDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    original = type(panel.preview).loadResource

    def spy(self: object, kind: int, url: QUrl) -> object:
        asked.append(url.toString())
        return original(self, kind, url)  # type: ignore[arg-type]

    monkeypatch.setattr(type(panel.preview), "loadResource", spy)
    pg = node(doc, "PostgreSQL 16")
    doc.set_note(pg, "![diagram](http://example.com/x.png) ![](/etc/passwd)")
    panel.set_node(pg)
    assert panel.preview.toPlainText() == "[image: diagram] [image]"
    assert asked == []
    image = QTextDocument.ResourceType.ImageResource.value
    assert original(panel.preview, image, QUrl("http://example.com/x.png")) is None
    assert original(panel.preview, image, QUrl.fromLocalFile("/etc/passwd")) is None


def test_links_open_in_the_browser_only_when_clicked(
    panel: DecisionPanel, doc: MapDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        "karar.ui.sidepanel.QDesktopServices.openUrl", lambda url: opened.append(url.toString())
    )
    pg = node(doc, "PostgreSQL 16")
    doc.set_note(pg, "[docs](https://www.postgresql.org/docs/)")
    panel.set_node(pg)
    assert opened == []
    assert not panel.preview.openLinks()
    panel.preview.anchorClicked.emit(QUrl("https://www.postgresql.org/docs/"))
    panel.preview.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == ["https://www.postgresql.org/docs/"]
    assert panel.preview.source().isEmpty()  # the preview never navigated


def test_modes_show_editor_preview_or_both(panel: DecisionPanel, doc: MapDocument) -> None:
    panel.set_node(node(doc, "MySQL"))
    assert panel.editor.isVisible() and panel.preview.isVisible()
    panel.mode_buttons["edit"].click()
    assert panel.mode == "edit"
    assert panel.editor.isVisible() and not panel.preview.isVisible()
    panel.mode_buttons["preview"].click()
    assert not panel.editor.isVisible() and panel.preview.isVisible()
    panel.focus_editor()
    assert panel.mode == "both"


def test_a_new_map_clears_the_panel(panel: DecisionPanel, doc: MapDocument) -> None:
    panel.set_node(node(doc, "MySQL"))
    doc.load(parse_mermaid("mindmap\n  Other\n").map, None, Project(map_ref=BUILTIN_DJANGO))
    assert panel.node is None
    assert panel.pages.currentWidget() is panel.empty_label


def test_dark_palette_reaches_the_preview(
    panel: DecisionPanel, doc: MapDocument, qtbot: QtBot
) -> None:
    theme = make_theme("dark")
    panel.setPalette(widget_palette(theme))
    pg = node(doc, "PostgreSQL 16")
    doc.set_note(pg, "| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```")
    panel.set_node(pg)
    qtbot.wait(10)
    image = panel.preview.viewport().grab().toImage()
    corner = QColor(image.pixel(QPoint(image.width() - 3, image.height() - 3)))
    assert corner.lightness() < 60  # the dark theme's background, not white
    assert "#" in panel.preview.document().defaultStyleSheet()
    assert "background-color: #ffffff" not in panel.preview.document().defaultStyleSheet()


def test_markdown_is_not_imported_until_a_note_shows() -> None:
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from karar.ui.app import make_app\n"
        "from karar.core.mermaid import parse_mermaid\n"
        "from karar.ui.document import MapDocument\n"
        "from karar.ui.sidepanel import DecisionPanel\n"
        "make_app()\n"
        "doc = MapDocument()\n"
        "from karar.core.project import Project\n"
        "doc.load(parse_mermaid('mindmap\\n  A\\n    B\\n').map, None, Project('builtin:django'))\n"
        "panel = DecisionPanel(doc)\n"
        "panel.set_node(doc.root)\n"
        "assert 'markdown' not in sys.modules\n"
        "doc.set_note(doc.root, '*x*')\n"
        "assert 'markdown' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


# --------------------------------------------------------------------------- orphans


def orphaned_project() -> Project:
    return Project(
        map_ref="stack.md",
        entries={
            (ROOT, "Data", "Relational DB", "PostgreSQL"): NodeState(
                checked=True, note="We run PostgreSQL with pgbouncer."
            ),
            (ROOT, "Gone", "Removed"): NodeState(note="Old idea"),
        },
    )


@pytest.fixture
def orphans(doc: MapDocument, host: QMainWindow, qtbot: QtBot) -> OrphansPanel:
    dock = OrphansPanel(doc, host)
    host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    host.show()
    qtbot.waitExposed(host)
    return dock


def test_no_orphans_shows_the_empty_page(orphans: OrphansPanel) -> None:
    assert not orphans.has_orphans
    assert orphans.pages.currentWidget() is orphans.empty_label


def test_orphans_are_listed_with_what_they_hold(
    orphans: OrphansPanel, doc: MapDocument, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(orphans.orphans_present) as blocker:
        doc.load(doc.mindmap, None, orphaned_project())
    assert blocker.args == [True]
    assert orphans.has_orphans
    lst = orphans.orphan_list
    assert [lst.item(i).text() for i in range(lst.count())] == [
        "PostgreSQL\nData › Relational DB\n✓ chosen · “We run PostgreSQL with pgbouncer.”",
        "Removed\nGone\n“Old idea”",
    ]
    assert orphans.current_orphan() == (ROOT, "Data", "Relational DB", "PostgreSQL")
    assert orphans.orphan_list.visualItemRect(lst.item(0)).height() > 3 * 10


def test_suggestion_reattaches_and_undo_brings_the_orphan_back(
    orphans: OrphansPanel, doc: MapDocument, qtbot: QtBot
) -> None:
    doc.load(doc.mindmap, None, orphaned_project())
    lst = orphans.suggestion_list
    assert lst.count() == 1
    assert lst.item(0).text() == "PostgreSQL 16\nData › Relational DB\nlabel edited"
    assert orphans.suggestion_button.isEnabled()

    qtbot.mouseClick(orphans.suggestion_button, Qt.MouseButton.LeftButton)
    pg = node(doc, "PostgreSQL 16")
    assert doc.orphans() == [(ROOT, "Gone", "Removed")]
    assert doc.note(pg) == "We run PostgreSQL with pgbouncer."
    assert doc.is_checked(pg)
    assert orphans.orphan_list.count() == 1
    assert orphans.current_orphan() == (ROOT, "Gone", "Removed")

    doc.undo_stack.undo()
    assert len(doc.orphans()) == 2
    assert orphans.orphan_list.count() == 2
    assert doc.note(pg) == ""


def test_the_last_orphan_gone_hides_the_list(
    orphans: OrphansPanel, doc: MapDocument, qtbot: QtBot
) -> None:
    project = orphaned_project()
    del project.entries[(ROOT, "Gone", "Removed")]
    doc.load(doc.mindmap, None, project)
    with qtbot.waitSignal(orphans.orphans_present) as blocker:
        orphans.reattach_to_suggestion()
    assert blocker.args == [False]
    assert doc.orphans() == []
    assert orphans.pages.currentWidget() is orphans.empty_label


def test_reattach_to_the_selected_node(
    orphans: OrphansPanel, doc: MapDocument, qtbot: QtBot
) -> None:
    doc.load(doc.mindmap, None, orphaned_project())
    orphans.orphan_list.setCurrentRow(1)
    assert orphans.current_orphan() == (ROOT, "Gone", "Removed")
    assert orphans.suggestion_list.isHidden()  # nothing near "Removed"
    assert not orphans.no_suggestion_label.isHidden()
    assert not orphans.selected_button.isEnabled()  # nothing selected in the map

    redis = node(doc, "Redis")
    orphans.set_selected_node(redis)
    assert orphans.selected_button.isEnabled()
    assert "Redis" in orphans.selected_label.text()
    qtbot.mouseClick(orphans.selected_button, Qt.MouseButton.LeftButton)
    assert doc.note(redis) == "Old idea"
    assert doc.orphans() == [(ROOT, "Data", "Relational DB", "PostgreSQL")]


def test_clicking_a_suggestion_shows_its_node(
    orphans: OrphansPanel, doc: MapDocument, qtbot: QtBot
) -> None:
    doc.load(doc.mindmap, None, orphaned_project())
    lst = orphans.suggestion_list
    with qtbot.waitSignal(orphans.node_activated) as blocker:
        qtbot.mouseClick(
            lst.viewport(), Qt.MouseButton.LeftButton, pos=lst.visualItemRect(lst.item(0)).center()
        )
    assert blocker.args == [node(doc, "PostgreSQL 16")]


def test_a_new_map_refreshes_the_orphans(orphans: OrphansPanel, doc: MapDocument) -> None:
    doc.load(doc.mindmap, None, orphaned_project())
    assert orphans.orphan_list.count() == 2
    doc.load(parse_mermaid(MAP.replace("PostgreSQL 16", "PostgreSQL")).map, None, doc.project)
    assert orphans.orphan_list.count() == 1
    assert orphans.current_orphan() == (ROOT, "Gone", "Removed")


def test_folding_does_not_search_the_map_again(
    orphans: OrphansPanel, doc: MapDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc.load(doc.mindmap, None, orphaned_project())
    calls: list[object] = []
    monkeypatch.setattr("karar.ui.orphans.suggest_homes", lambda *a, **k: calls.append(a) or [])
    with qtbot_signals(doc) as seen:
        doc.toggle_fold(node(doc, "Data"))  # a fold is written into the project's entries
    assert seen == ["folds_changed"]  # ...and the orphans are not looked at again
    assert calls == []
    assert orphans.suggestion_list.count() == 1
