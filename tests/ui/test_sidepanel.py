"""The decision panel and the orphaned-notes panel, driven through their real widgets."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QKeySequence,
    QPalette,
    QTextDocument,
    QTextListFormat,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QMainWindow,
    QStyle,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from karar.core.decisions import HomeIndex
from karar.core.mermaid import parse_mermaid
from karar.core.model import Node
from karar.core.project import NodeState, Project
from karar.core.sources import BUILTIN_DJANGO
from karar.ui import commands
from karar.ui.app import make_app
from karar.ui.document import MapDocument
from karar.ui.mainwindow import MainWindow
from karar.ui.notewidgets import INSERT_TAB_KEY
from karar.ui.orphans import OrphansPanel
from karar.ui.sidepanel import DecisionPanel
from karar.ui.theme import (
    THEME_NAMES,
    contrast_ratio,
    focus_outline_colour,
    make_theme,
    outline_colour,
    widget_palette,
)

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


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active window: focus moves (Tab, setFocus) need one."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def key_text(key: QKeySequence | str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


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


def test_preview_shows_task_boxes_without_bullets(panel: DecisionPanel, doc: MapDocument) -> None:
    pg = node(doc, "PostgreSQL 16")
    doc.set_note(pg, "- [ ] ask ops\n- [x] pick a DB\n\nthen\n\n- plain")
    panel.set_node(pg)
    assert panel.preview.toPlainText() == "☐ ask ops\n☑ pick a DB\nthen\nplain"
    styles = {}
    block = panel.preview.document().begin()
    while block.isValid():
        if block.textList() is not None:
            styles[block.text()] = block.textList().format().style()
        block = block.next()
    assert styles == {
        "☐ ask ops": QTextListFormat.Style.ListStyleUndefined,  # no bullet before the box
        "☑ pick a DB": QTextListFormat.Style.ListStyleUndefined,
        "plain": QTextListFormat.Style.ListDisc,
    }


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
        "karar.ui.notewidgets.QDesktopServices.openUrl", lambda url: opened.append(url.toString())
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


# --------------------------------------------------------------------------- keyboard


def test_escape_asks_for_the_map_and_closes_the_undo_step(
    panel: DecisionPanel, doc: MapDocument, qtbot: QtBot
) -> None:
    pg = node(doc, "PostgreSQL 16")
    panel.set_node(pg)
    qtbot.keyClicks(panel.editor, "ab")
    with qtbot.waitSignal(panel.focus_map_requested):
        qtbot.keyClick(panel.editor, Qt.Key.Key_Escape)
    assert doc.note(pg) == "ab"  # Esc typed nothing and undid nothing
    qtbot.keyClicks(panel.editor, "c")  # well within the merge pause: a new step all the same
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert doc.note(pg) == "ab"


def test_leaving_the_editor_closes_the_undo_step(
    panel: DecisionPanel, doc: MapDocument, host: QMainWindow, qtbot: QtBot
) -> None:
    activate(qtbot, host)
    pg = node(doc, "PostgreSQL 16")
    panel.set_node(pg)
    panel.focus_editor()
    qtbot.keyClicks(panel.editor, "ab")
    panel.check_box.setFocus()
    panel.editor.setFocus()
    qtbot.keyClicks(panel.editor, "c")
    assert doc.undo_stack.count() == 2


def test_tab_moves_on_and_ctrl_tab_types_a_tab(
    panel: DecisionPanel, doc: MapDocument, host: QMainWindow, qtbot: QtBot
) -> None:
    activate(qtbot, host)
    pg = node(doc, "PostgreSQL 16")
    panel.set_node(pg)
    panel.focus_editor()
    qtbot.keyClicks(panel.editor, "a")
    qtbot.keyClick(panel.editor, Qt.Key.Key_Tab)
    assert doc.note(pg) == "a"
    after = QApplication.focusWidget()
    assert after is not None and after is not panel.editor
    qtbot.keyClick(after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is panel.editor

    qtbot.keyClick(panel.editor, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert doc.note(pg) == "a\t"
    assert QApplication.focusWidget() is panel.editor


def test_the_context_menu_inserts_a_tab(
    panel: DecisionPanel, doc: MapDocument, qtbot: QtBot
) -> None:
    pg = node(doc, "PostgreSQL 16")
    doc.set_note(pg, "ab")
    panel.set_node(pg)
    panel.editor.moveCursor(panel.editor.textCursor().MoveOperation.End)
    menu = panel.editor.create_context_menu(QPoint(2, 2))
    (action,) = [a for a in menu.actions() if a.text().replace("&", "") == "Insert Tab"]
    assert action.shortcut() == INSERT_TAB_KEY  # the menu shows the key
    action.trigger()
    assert doc.note(pg) == "ab\t"
    menu.deleteLater()


def test_the_keys_are_told_in_the_tooltip_and_placeholder(panel: DecisionPanel) -> None:
    for text in (panel.editor.toolTip(), panel.editor.placeholderText()):
        assert key_text(INSERT_TAB_KEY) in text
        assert key_text("Esc") in text


def test_escape_gives_the_keyboard_back_to_the_map(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    first = window.map_scene.selected
    assert first is not None and first.parent is window.document.root
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = window.decision_panel.editor
    assert QApplication.focusWidget() is editor
    qtbot.keyClicks(editor, "ok")

    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is view
    assert window.map_scene.selected is first
    qtbot.keyClick(view, Qt.Key.Key_Down)
    second = window.map_scene.selected
    assert second is not None and second is not first
    qtbot.keyClicks(QApplication.focusWidget(), "Z")
    assert window.document.note(first) == "ok"
    assert window.document.note(second) == ""


# --------------------------------------------------------------------------- contrast


def use_theme(panel: DecisionPanel, name: str) -> None:
    """Give the panel the palette the application gets for theme ``name``."""
    theme = make_theme(name)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    panel.setPalette(widget_palette(theme) if theme.dark else app.style().standardPalette())


def pixel(image: QImage, x: int, y: int) -> QColor:
    return QColor(image.pixel(QPoint(x, y)))


def edge_contrast(image: QImage, rect: QRect) -> float:
    """The least contrast of ``rect``'s edge against the pixels two outside and one inside
    it, sampled halfway down its left edge and a quarter along its top edge (clear of a
    splitter's grip above the middle)."""
    x, y = rect.left() + rect.width() // 4, rect.center().y()
    ratios = []
    for edge, outside, inside in (
        ((rect.left(), y), (rect.left() - 2, y), (rect.left() + 1, y)),
        ((x, rect.top()), (x, rect.top() - 2), (x, rect.top() + 1)),
    ):
        colour = pixel(image, *edge)
        ratios.append(contrast_ratio(colour, pixel(image, *outside)))
        ratios.append(contrast_ratio(colour, pixel(image, *inside)))
    return min(ratios)


def in_panel(panel: DecisionPanel, widget: QWidget, rect: QRect) -> QRect:
    return rect.translated(widget.mapTo(panel, QPoint(0, 0)))


def check_box_rect(panel: DecisionPanel) -> QRect:
    box = panel.check_box
    option = QStyleOptionButton()
    box.initStyleOption(option)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    return in_panel(panel, box, rect)


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_check_box_and_note_frames_have_visible_borders(
    panel: DecisionPanel, doc: MapDocument, theme: str
) -> None:
    use_theme(panel, theme)
    panel.set_node(node(doc, "MySQL"))
    image = panel.grab().toImage()
    box = check_box_rect(panel)
    assert edge_contrast(image, box) >= 3.0
    for widget in (panel.editor, panel.preview):
        assert edge_contrast(image, in_panel(panel, widget, widget.rect())) >= 3.0, widget

    # the edge is drawn over the style's box, not over its tick
    base = pixel(image, box.center().x(), box.center().y())
    panel.check_box.setChecked(True)
    ticked = panel.grab().toImage()
    inner = box.adjusted(2, 2, -2, -2)
    assert any(
        contrast_ratio(pixel(ticked, x, y), base) >= 3.0
        for x in range(inner.left(), inner.right() + 1)
        for y in range(inner.top(), inner.bottom() + 1)
    )
    assert edge_contrast(ticked, box) >= 3.0


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_the_focused_frame_shows_the_focus(
    panel: DecisionPanel, doc: MapDocument, host: QMainWindow, qtbot: QtBot, theme: str
) -> None:
    activate(qtbot, host)
    use_theme(panel, theme)
    panel.set_node(node(doc, "MySQL"))
    frame = in_panel(panel, panel.editor, panel.editor.rect())
    before = pixel(panel.grab().toImage(), frame.left(), frame.center().y())
    panel.focus_editor()
    assert panel.editor.hasFocus()
    image = panel.grab().toImage()
    assert pixel(image, frame.left(), frame.center().y()) != before
    assert edge_contrast(image, frame) >= 3.0


def test_borders_follow_a_theme_change(panel: DecisionPanel, doc: MapDocument) -> None:
    panel.set_node(node(doc, "MySQL"))
    use_theme(panel, "light")
    light = pixel(panel.grab().toImage(), check_box_rect(panel).left(), check_box_rect(panel).y())
    use_theme(panel, "contrast")
    image = panel.grab().toImage()
    box = check_box_rect(panel)
    assert pixel(image, box.left(), box.center().y()) != light
    assert edge_contrast(image, box) >= 3.0


def test_contrast_ratio_is_wcags() -> None:
    assert contrast_ratio(QColor("#000000"), QColor("#FFFFFF")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#FFFFFF")) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#123456"), QColor("#123456")) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("window", "base", "text", "highlight"),
    [
        ("#EFEFEF", "#FFFFFF", "#000000", "#308CC6"),  # Fusion's light palette
        ("#2B2D31", "#1E1F22", "#E6E6E6", "#FFD54F"),  # Karar's dark theme
        ("#F6F5F4", "#FFFFFF", "#2E3436", "#F6F5F4"),  # a highlight with no contrast
    ],
)
def test_outlines_stand_three_to_one_from_both_sides(
    window: str, base: str, text: str, highlight: str
) -> None:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Highlight, highlight),
    ):
        palette.setColor(role, QColor(colour))
    for outline in (outline_colour(palette), focus_outline_colour(palette)):
        assert contrast_ratio(outline, QColor(window)) >= 3.0
        assert contrast_ratio(outline, QColor(base)) >= 3.0
    # quiet: no further from the window than it needs to be
    assert contrast_ratio(outline_colour(palette), QColor(window)) < 3.5


def test_a_high_contrast_palette_outlines_in_its_text_colour() -> None:
    palette = widget_palette(make_theme("contrast"))
    assert outline_colour(palette) == palette.color(QPalette.ColorRole.WindowText)


# --------------------------------------------------------------------------- orphans


def rows(view: QAbstractItemView) -> list[str]:
    """The texts of a list view's rows."""
    model = view.model()
    return [model.index(i, 0).data() for i in range(model.rowCount())]


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
    assert rows(orphans.orphan_list) == [
        "PostgreSQL\nData › Relational DB\n✓ chosen · “We run PostgreSQL with pgbouncer.”",
        "Removed\nGone\n“Old idea”",
    ]
    assert orphans.current_orphan() == (ROOT, "Data", "Relational DB", "PostgreSQL")
    lst = orphans.orphan_list
    assert lst.visualRect(lst.model().index(0, 0)).height() > 3 * 10


def test_suggestion_reattaches_and_undo_brings_the_orphan_back(
    orphans: OrphansPanel, doc: MapDocument, qtbot: QtBot
) -> None:
    doc.load(doc.mindmap, None, orphaned_project())
    assert rows(orphans.suggestion_list) == ["PostgreSQL 16\nData › Relational DB\nlabel edited"]
    assert orphans.suggestion_button.isEnabled()

    qtbot.mouseClick(orphans.suggestion_button, Qt.MouseButton.LeftButton)
    pg = node(doc, "PostgreSQL 16")
    assert doc.orphans() == [(ROOT, "Gone", "Removed")]
    assert doc.note(pg) == "We run PostgreSQL with pgbouncer."
    assert doc.is_checked(pg)
    assert len(rows(orphans.orphan_list)) == 1
    assert orphans.current_orphan() == (ROOT, "Gone", "Removed")

    doc.undo_stack.undo()
    assert len(doc.orphans()) == 2
    assert len(rows(orphans.orphan_list)) == 2
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
    orphans.set_current_orphan(1)
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
            lst.viewport(),
            Qt.MouseButton.LeftButton,
            pos=lst.visualRect(lst.model().index(0, 0)).center(),
        )
    assert blocker.args == [node(doc, "PostgreSQL 16")]


def test_a_new_map_refreshes_the_orphans(orphans: OrphansPanel, doc: MapDocument) -> None:
    doc.load(doc.mindmap, None, orphaned_project())
    assert len(rows(orphans.orphan_list)) == 2
    doc.load(parse_mermaid(MAP.replace("PostgreSQL 16", "PostgreSQL")).map, None, doc.project)
    assert len(rows(orphans.orphan_list)) == 1
    assert orphans.current_orphan() == (ROOT, "Gone", "Removed")


def test_folding_does_not_search_the_map_again(
    orphans: OrphansPanel, doc: MapDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc.load(doc.mindmap, None, orphaned_project())
    calls: list[object] = []
    monkeypatch.setattr(HomeIndex, "suggest", lambda *a, **k: calls.append(a) or [])
    with qtbot_signals(doc) as seen:
        doc.toggle_fold(node(doc, "Data"))  # a fold is written into the project's entries
    assert seen == ["folds_changed"]  # ...and the orphans are not looked at again
    assert calls == []
    assert len(rows(orphans.suggestion_list)) == 1
