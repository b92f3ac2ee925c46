"""The notes preview never holds the window up (issue 8, class 12).

A heartbeat — a timer ticking every few milliseconds on the window's thread — measures
the longest time the event loop could not answer while the decision panel opens a node
with a pathological note and while keys are typed into it; it must stay under 100 ms
more than the longest gap the same heartbeat shows while the window is idle.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor, QTextOption
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from karar.core import notes
from karar.core.markdown_bounds import NESTING_LIMIT
from karar.core.mermaid import parse_mermaid
from karar.core.model import Node
from karar.core.project import Project
from karar.core.sources import BUILTIN_DJANGO
from karar.ui import notepreview
from karar.ui.app import make_app
from karar.ui.document import MapDocument
from karar.ui.sidepanel import DecisionPanel

MAP = "mindmap\n  root((Stack))\n    Data\n    Cache\n"

BLOCK_MS = 100
"""The most the window may be held up, beyond what the idle heartbeat shows."""


def nested_list(levels: int, indent: str = "    ") -> str:
    return "".join(indent * i + "- a\n" for i in range(levels))


PATHOLOGICAL = {
    # the notes of the issue
    "brackets": "[" * 8_000,
    "images": "![" * 8_000,
    "links": "[a](" * 20_000,
    "nested-249": nested_list(249, "\t"),
    "nested-249-spaces": nested_list(249),  # 124,500 characters: too long for Markdown
    # their kin: each costs Python-Markdown (or Qt) time that grows faster than the note
    "links-closed-once": "[a](" * 12_000 + ")",
    "titles": '[a]("' * 9_000,
    "code-spans": "``a`" * 12_000,
    "fences": "```a\n" * 9_000,
    "escapes": "\\" * 48_000,
    "line-breaks": "a\n" * 24_000,
    "numbered": "1. " * 15_000,
    "quotes": "> " * 20_000,
    "no-break-run": "<" * 48_000,
    # cheap for Markdown, dear for Qt's rich text (quadratic in the items of one list)
    "list-items": "- a\n" * 12_000,
    "table-rows": "| a | b |\n|---|---|\n" + "| x | y |\n" * 5_000,
}


class Heartbeat:
    """The longest gap between ticks of a timer on the window's thread."""

    def __init__(self, interval_ms: int = 4) -> None:
        self.worst = 0.0
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def __enter__(self) -> Heartbeat:
        self._last = time.perf_counter()
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._tick()
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last)
        self._last = now


@pytest.fixture
def doc(qtbot: QtBot) -> MapDocument:
    make_app()
    document = MapDocument()
    document.load(parse_mermaid(MAP).map, None, Project(map_ref=BUILTIN_DJANGO))
    return document


@pytest.fixture
def panel(doc: MapDocument, qtbot: QtBot) -> Iterator[DecisionPanel]:
    host = QMainWindow()
    qtbot.addWidget(host)
    host.resize(900, 760)
    dock = DecisionPanel(doc, host)
    host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    host.resizeDocks([dock], [360], Qt.Orientation.Horizontal)
    host.show()
    qtbot.waitExposed(host)
    yield dock
    dock.set_node(None)  # no render left running for the next test
    host.close()


def node(doc: MapDocument, label: str) -> Node:
    return next(n for n in doc.mindmap if n.label == label)


def settle(qtbot: QtBot, panel: DecisionPanel) -> None:
    """Wait for the preview to be up to date (the worker done, the result shown)."""
    qtbot.waitUntil(lambda: not panel.preview_pending, timeout=20_000)
    qtbot.wait(30)


def idle_gap(qtbot: QtBot) -> float:
    with Heartbeat() as beat:
        qtbot.wait(300)
    return beat.worst


@pytest.fixture
def frozen_heap() -> Iterator[None]:
    """The objects the test session has made so far kept out of garbage collection: a
    full collection scans every object of the process — in a test session, hundreds of
    milliseconds that say nothing about the preview (the preview makes no cyclic
    garbage) and that would fall, on the interpreter lock, on the window's thread."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


def worst_block(qtbot: QtBot, action: Callable[[], None]) -> float:
    with Heartbeat() as beat:
        qtbot.wait(20)
        action()
    return beat.worst


def open_and_type(
    qtbot: QtBot, panel: DecisionPanel, data: Node, cache: Node
) -> tuple[float, float]:
    """The longest the window is held up while ``panel`` goes from ``cache`` to ``data``,
    and while four keys are typed at the end of its note (the preview renders after
    the pause that follows)."""
    panel.set_node(cache)
    settle(qtbot, panel)

    def open_it() -> None:
        panel.set_node(data)
        settle(qtbot, panel)

    opening = worst_block(qtbot, open_it)
    panel.editor.setFocus()
    panel.editor.moveCursor(QTextCursor.MoveOperation.End)

    def type_into_it() -> None:
        for key in "note":
            qtbot.keyClick(panel.editor, key)
            qtbot.wait(60)  # typing on; the preview waits for a pause
        qtbot.wait(250)  # a pause: the preview renders
        settle(qtbot, panel)

    typing = worst_block(qtbot, type_into_it)
    return opening, typing


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
@pytest.mark.usefixtures("frozen_heap")
def test_a_pathological_note_never_holds_the_window(
    name: str, panel: DecisionPanel, doc: MapDocument, qtbot: QtBot
) -> None:
    text = PATHOLOGICAL[name]
    data, cache = node(doc, "Data"), node(doc, "Cache")
    doc.set_note(cache, "*warm up*: the converter is built, markdown imported")
    panel.set_node(cache)
    settle(qtbot, panel)
    idle = idle_gap(qtbot)
    extra = BLOCK_MS / 1000 + idle

    # The reference: the same note opened and typed into with the editor alone (Qt's own
    # editor takes its time over a long note; the preview must add at most BLOCK_MS). A
    # preview that blocks does so every time; a loaded machine's stall does not recur, so
    # the pair is measured up to three times and one clean pair passes.
    for _attempt in range(3):
        panel.set_mode("edit")
        doc.set_note(data, text)
        editor_opening, editor_typing = open_and_type(qtbot, panel, data, cache)
        panel.set_node(cache)  # nothing of the note is rendered before it is measured
        panel.set_mode("both")
        doc.set_note(data, text)
        opening, typing = open_and_type(qtbot, panel, data, cache)
        assert doc.note(data) == text + "note"
        assert panel.preview.toPlainText().strip(), "the preview is never left blank"
        if opening < editor_opening + extra and typing < editor_typing + extra:
            break
    assert opening < editor_opening + extra, (
        f"opening held the window {opening * 1000:.0f} ms "
        f"(the editor alone {editor_opening * 1000:.0f} ms)"
    )
    assert typing < editor_typing + extra, (
        f"typing held the window {typing * 1000:.0f} ms "
        f"(the editor alone {editor_typing * 1000:.0f} ms)"
    )


@pytest.mark.parametrize("name", ["brackets", "images"])
def test_the_issues_notes_render_as_the_text_they_are(
    name: str, panel: DecisionPanel, doc: MapDocument, qtbot: QtBot
) -> None:
    data = node(doc, "Data")
    doc.set_note(data, PATHOLOGICAL[name])
    panel.set_node(data)
    settle(qtbot, panel)
    assert panel.preview_notice.isHidden()
    assert panel.preview.toPlainText() == PATHOLOGICAL[name]  # no link in them: all text


def test_deep_nesting_renders_to_the_limit_instead_of_failing(
    panel: DecisionPanel, doc: MapDocument, qtbot: QtBot
) -> None:
    data = node(doc, "Data")
    doc.set_note(data, nested_list(200)[: notes.MARKDOWN_LIMIT])
    panel.set_node(data)
    settle(qtbot, panel)
    assert panel.preview_notice.isHidden()
    deepest = max(
        panel.preview.document().findBlockByNumber(i).textList().format().indent()
        for i in range(panel.preview.document().blockCount())
        if panel.preview.document().findBlockByNumber(i).textList() is not None
    )
    assert deepest == NESTING_LIMIT


def test_a_long_note_is_shown_as_typed_under_a_notice(
    panel: DecisionPanel, doc: MapDocument
) -> None:
    data = node(doc, "Data")
    text = "**x** " * (notes.MARKDOWN_LIMIT // 6 + 10)
    doc.set_note(data, text)
    panel.set_node(data)
    assert not panel.preview_notice.isHidden()
    assert panel.preview_notice.text() == (
        f"Too long to preview as Markdown ({len(text):,} characters): "
        f"shown as typed, the first {notes.TYPED_LIMIT:,} characters."
    )
    assert panel.preview.toPlainText() == text[: notes.TYPED_LIMIT]


def test_a_note_over_its_budget_is_shown_as_typed_under_a_notice(
    panel: DecisionPanel, doc: MapDocument, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notepreview, "SYNC_BUDGET", 0.0)
    monkeypatch.setattr(notepreview, "WORKER_BUDGET", 0.0)
    data = node(doc, "Data")
    doc.set_note(data, "**bold** <b>raw</b>\n\n" * 40)
    panel.set_node(data)
    settle(qtbot, panel)
    assert panel.preview_notice.text() == notes.NOTICE_TOO_SLOW
    assert panel.preview.toPlainText().startswith("**bold** <b>raw</b>\n\n**bold**")
    assert "<b>" not in panel.preview.toHtml()


def test_a_slow_note_renders_on_the_worker_and_arrives(
    panel: DecisionPanel, doc: MapDocument, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notepreview, "SYNC_CHARS", 10)
    data = node(doc, "Data")
    doc.set_note(data, "**bold** and *more* than ten characters")
    panel.set_node(data)
    assert panel.preview_pending
    assert panel.preview.toPlainText() == "**bold** and *more* than ten characters"  # as typed
    with qtbot.waitSignal(panel._renderer.rendered, timeout=10_000):
        pass
    assert panel.preview.toPlainText() == "bold and more than ten characters"
    assert panel.preview_notice.isHidden()


def test_the_latest_note_wins(
    panel: DecisionPanel, doc: MapDocument, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notepreview, "SYNC_CHARS", 10)
    data, cache = node(doc, "Data"), node(doc, "Cache")
    doc.set_note(data, "*data* " * 3_000)
    doc.set_note(cache, "**cache** note")
    shown: list[str] = []
    panel._renderer.rendered.connect(lambda text, _r: shown.append(text))
    panel.set_node(data)
    panel.set_node(cache)
    settle(qtbot, panel)
    qtbot.wait(100)
    assert panel.preview.toPlainText() == "cache note"
    assert shown == ["**cache** note"]


def test_typing_on_while_the_worker_renders_delivers_each_render_in_turn(
    panel: DecisionPanel, doc: MapDocument, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notepreview, "SYNC_CHARS", 0)  # every note to the worker
    gate = threading.Event()
    started: list[str] = []
    original = notepreview.render_note

    def slow(text: str, **kw: Any) -> notes.RenderedNote:
        started.append(text)
        while not gate.wait(0.005):
            if kw["should_stop"]():
                raise notes.RenderCancelled
        return original(text, **kw)

    monkeypatch.setattr(notepreview, "render_note", slow)
    shown: list[str] = []
    panel._renderer.rendered.connect(lambda text, _r: shown.append(text))
    data = node(doc, "Data")
    doc.set_note(data, "*a*")
    panel.set_node(data)
    qtbot.waitUntil(lambda: started == ["*a*"])
    panel.editor.setFocus()
    panel.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(panel.editor, "b")
    qtbot.waitUntil(lambda: not panel._render_timer.isActive())  # asked for "*a*b"
    gate.set()
    qtbot.waitUntil(lambda: shown == ["*a*", "*a*b"])
    assert started == ["*a*", "*a*b"]  # the first was not stopped for the second
    assert panel.preview.toPlainText() == "ab"


def test_typing_renders_only_after_a_pause(
    panel: DecisionPanel, doc: MapDocument, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = node(doc, "Data")
    panel.set_node(data)
    calls: list[str] = []
    original = notepreview.render_note
    monkeypatch.setattr(
        notepreview, "render_note", lambda text, **kw: calls.append(text) or original(text, **kw)
    )
    panel.editor.setFocus()
    for key in "abc":
        qtbot.keyClick(panel.editor, key)
    assert calls == []  # nothing rendered while the keys come
    qtbot.waitUntil(lambda: calls == ["abc"])
    assert panel.preview.toPlainText() == "abc"


def test_a_run_without_breaks_wraps_anywhere(panel: DecisionPanel, doc: MapDocument) -> None:
    data, cache = node(doc, "Data"), node(doc, "Cache")
    doc.set_note(data, "<" * 5_000)
    doc.set_note(cache, "words " * 1_000)
    panel.set_node(data)
    anywhere = QTextOption.WrapMode.WrapAnywhere
    assert panel.editor.wordWrapMode() == anywhere
    assert panel.preview.wordWrapMode() == anywhere
    panel.set_node(cache)
    assert panel.editor.wordWrapMode() != anywhere
    assert panel.preview.wordWrapMode() != anywhere


def test_waiting_for_the_preview_delivers_it(
    panel: DecisionPanel, doc: MapDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notepreview, "SYNC_CHARS", 10)
    data = node(doc, "Data")
    doc.set_note(data, "**rendered** by the worker")
    panel.set_node(data)
    assert panel.preview_pending
    assert panel.wait_for_preview(10.0)  # as a screenshot does, without an event loop
    assert not panel.preview_pending
    assert panel.preview.toPlainText() == "rendered by the worker"
