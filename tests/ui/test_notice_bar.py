"""The notice bar above the map: however many lines Mermaid reads differently, it takes at
most a quarter of the window (its list scrolls), so the map stays in view."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from karar.ui.mainwindow import MainWindow


def _map_with_warnings(tmp_path: Path, count: int) -> Path:
    lines = ["mindmap", "  root((Stack))"]
    lines += [f"    Option {i} (with a note in brackets)" for i in range(count)]
    path = tmp_path / "many.mmd"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_long_list_of_warnings_scrolls_within_a_quarter_of_the_window(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.resize(1280, 800)
    assert window.open_map(_map_with_warnings(tmp_path, 40))
    bar = window.notice_bar
    qtbot.waitUntil(bar.isVisible)
    qtbot.waitUntil(lambda: bar.list_area.height() <= window.height() // 4)
    assert bar.list_area.verticalScrollBar().maximum() > 0  # the rest is a scroll away
    assert "line 3" in bar.text.text()
    # the map keeps most of the room
    qtbot.waitUntil(lambda: window.view.height() > window.height() / 2)
    # a taller window shows more of the list
    before = bar.list_area.height()
    window.resize(1280, 1200)
    qtbot.waitUntil(lambda: bar.list_area.height() > before)
    assert bar.list_area.height() <= window.height() // 4


def test_a_short_list_shows_whole(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    window.resize(1280, 800)
    assert window.open_map(_map_with_warnings(tmp_path, 2))
    bar = window.notice_bar
    qtbot.waitUntil(bar.isVisible)
    qtbot.waitUntil(lambda: bar.list_area.verticalScrollBar().maximum() == 0)
    assert bar.list_area.height() < window.height() // 4
