"""Maps and projects whose file names are not UTF-8 open, show and save (issue 8, class 14).

Python hands such names over with lone surrogates, which Qt cannot take: the window shows
them through one helper (bytes that are not UTF-8 as U+FFFD), and gives Qt (the watcher,
QSettings, lock files) only names it can take.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from karar.ui import mapmemory
from karar.ui.mainwindow import MainWindow

MAP = "mindmap\n  Root\n    Storage\n      PostgreSQL\n"


def not_utf8(folder: Path, name: bytes) -> Path:
    """A path in ``folder`` named by bytes that are not UTF-8 (as Python spells it)."""
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + name))


@pytest.fixture
def win(qtbot: QtBot) -> Iterator[MainWindow]:
    w = MainWindow(theme="light", remember=True)  # also what is remembered of a map
    qtbot.addWidget(w)
    w.map_scene.animate = False
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def test_a_map_whose_name_is_not_utf8_opens_and_shows_its_name(
    win: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path = not_utf8(tmp_path, b"\xff\xfemap.mmd")
    path.write_text(MAP, encoding="utf-8")
    mapmemory.clear_recent()
    with qtbot.waitSignal(win.session.message) as said:
        assert win.open_path(str(path))
    assert win.document.root is not None and win.document.root.label == "Root"
    assert win.windowTitle().startswith("\ufffd\ufffdmap.mmd[*] — Root")
    assert "not watched" in said.args[0] and "\ufffd" in said.args[0]
    assert win.session.watcher.files() == []  # Qt would have watched another name
    assert mapmemory.recent_files() == []  # QSettings would have kept another name
    win.remember_map_view()  # the map's view is remembered under its own key
    assert mapmemory.map_key(str(path)).startswith("maps/")


def test_a_missing_map_whose_name_is_not_utf8_is_named_in_the_error(
    win: MainWindow, tmp_path: Path
) -> None:
    path = not_utf8(tmp_path, b"gone\xff.mmd")
    assert not win.open_path(str(path))
    assert win.error_box is not None
    texts = " ".join(label.text() for label in win.error_box.findChildren(QLabel))
    assert "gone\ufffd.mmd" in texts
    win.error_box.close()


def test_a_project_whose_name_is_not_utf8_opens_saves_and_recovers(
    win: MainWindow, tmp_path: Path
) -> None:
    (tmp_path / "stack.mmd").write_text(MAP, encoding="utf-8")
    project = not_utf8(tmp_path, b"\xfdteam.karar.yaml")
    project.write_text(
        'karar: 1\nmap: stack.mmd\nnodes:\n  - path: ["Root", "Storage"]\n    checked: true\n',
        encoding="utf-8",
    )
    assert win.open_path(str(project))
    assert "\ufffdteam.karar.yaml (stack.mmd)" in win.windowTitle()
    root = win.document.root
    assert root is not None
    win.document.toggle_checked(root)
    win.session.autosave()
    copy = win.session.recovery_path()
    assert copy.exists() and "\ufffd" in copy.name  # a name Qt's lock file can take
    assert win.session.save()
    assert "checked: true" in project.read_text(encoding="utf-8")


def test_the_key_of_a_remembered_map_is_unchanged_for_utf8_names() -> None:
    name = str(Path("/tmp/Kök é.mmd").resolve())
    expected = "maps/" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:16]
    assert mapmemory.map_key(name) == expected
    assert mapmemory.map_key(os.fsdecode(b"/tmp/\xff.mmd")) != expected
