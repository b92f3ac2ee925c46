"""One writer per project: a lock while a window has a project open (another process is
asked about, a crashed one is not), read-only opening and taking over, recovery copies of
their own, and a question before saving over a file changed on disk."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from karar.core import project as projects
from karar.ui.app import make_app
from karar.ui.guard import ProjectGuard, lock_path
from karar.ui.mainwindow import MainWindow

MAP = "mindmap\n  Stack\n    Data\n      PostgreSQL\n    Cache\n"
SB = QMessageBox.StandardButton

HOLD = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    app = QCoreApplication([])
    from karar.ui.guard import ProjectGuard
    guard = ProjectGuard()
    assert guard.claim(Path(sys.argv[1]))
    print("holding", flush=True)
    time.sleep(120)
    """
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "stack.mmd").write_text(MAP, encoding="utf-8")
    path = tmp_path / "team.karar.yaml"
    path.write_text("karar: 1\nmap: stack.mmd\n", encoding="utf-8")
    return path


class Answers(list[SB]):
    """The next answers of question boxes, and the questions asked."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Answers the question boxes (then Cancel: nothing can block a test)."""
    queue = Answers()

    def fake_exec(box: QMessageBox) -> int:
        queue.asked.append(box.text())
        return int((queue.pop(0) if queue else SB.Cancel).value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return queue


@pytest.fixture
def other_process(project: Path) -> Iterator[subprocess.Popen[str]]:
    """Another Karar process holding ``project``."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(project)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
    yield proc
    if proc.poll() is None:
        proc.kill()
        proc.communicate(timeout=10)


def window(qtbot: QtBot) -> MainWindow:
    make_app()
    win = MainWindow(theme="light", remember=False)
    qtbot.addWidget(win)
    win.map_scene.animate = False
    win.resize(1000, 700)
    win.show()
    return win


def node(win: MainWindow, label: str):  # type: ignore[no-untyped-def]
    return next(n for n in win.document.mindmap if n.label == label)


def test_a_window_holds_its_project_and_lets_go_on_close(qtbot: QtBot, project: Path) -> None:
    win = window(qtbot)
    assert win.open_path(project)
    assert lock_path(project).exists()
    assert ProjectGuard.holder(project) is not None  # as another process would see it
    win.close()
    assert not lock_path(project).exists()


def test_a_project_held_elsewhere_opens_read_only(
    qtbot: QtBot,
    project: Path,
    other_process: subprocess.Popen[str],
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    win = window(qtbot)
    answers.append(SB.Open)  # "Open Read-Only"
    assert win.open_path(project)
    assert f"process {other_process.pid}" in answers.asked[0]
    assert win.session.read_only and "[read-only]" in win.windowTitle()
    win.document.set_checked(node(win, "PostgreSQL"), True)
    elsewhere = project.with_name("mine.karar.yaml")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(elsewhere), ""))
    assert win.session.save()  # Save goes to Save As: the held file is never written
    assert "checked" not in project.read_text(encoding="utf-8")
    assert "checked: true" in elsewhere.read_text(encoding="utf-8")
    assert not win.session.read_only  # the copy is this window's own
    win.close()


def test_cancel_leaves_the_open_map_alone(
    qtbot: QtBot, project: Path, other_process: subprocess.Popen[str], answers: Answers
) -> None:
    win = window(qtbot)
    assert win.open_path(None)
    answers.append(SB.Cancel)
    assert not win.open_path(project)
    assert win.document.path is None  # still the built-in map
    win.close()


def test_taking_over_stops_the_other_window_from_saving_over_it(
    qtbot: QtBot, project: Path, other_process: subprocess.Popen[str], answers: Answers
) -> None:
    win = window(qtbot)
    answers.append(SB.Yes)  # "Take Over"
    assert win.open_path(project)
    assert not win.session.read_only and win.session.guard.holding
    holder = ProjectGuard.holder(project)
    assert holder is not None and holder.pid == os.getpid()
    win.document.set_checked(node(win, "Cache"), True)
    assert win.session.save()
    assert "checked: true" in project.read_text(encoding="utf-8")
    win.close()


def test_a_crashed_holder_is_no_obstacle(
    qtbot: QtBot, project: Path, other_process: subprocess.Popen[str], answers: Answers
) -> None:
    os.kill(other_process.pid, signal.SIGKILL)
    other_process.communicate(timeout=10)
    assert lock_path(project).exists()  # its lock is left behind
    win = window(qtbot)
    assert win.open_path(project)
    assert answers.asked == []
    assert win.session.guard.holding
    win.close()


def test_two_windows_never_share_a_recovery_copy(qtbot: QtBot, project: Path) -> None:
    first, second = window(qtbot), window(qtbot)
    assert first.open_path(project)
    assert second.open_path(project, show_errors=False)  # read-only: the first holds it
    assert second.session.read_only
    for win in (first, second):
        win.document.set_note(node(win, "Data"), f"from window {id(win)}")
        win.session.autosave()
    a, b = first.session.recovery_path(), second.session.recovery_path()
    assert a != b and a.exists() and b.exists()
    assert f"window {id(first)}" in a.read_text(encoding="utf-8")
    assert f"window {id(second)}" in b.read_text(encoding="utf-8")
    assert first.session.pending_recoveries() == []  # both writers are alive
    for win in (first, second):
        win.session.mark_clean()
        win.close()


@pytest.mark.parametrize("answer", ["overwrite", "cancel", "reload"])
def test_saving_over_a_file_changed_on_disk_asks_first(
    qtbot: QtBot, project: Path, answers: Answers, answer: str
) -> None:
    win = window(qtbot)
    assert win.open_path(project)
    win.document.set_checked(node(win, "PostgreSQL"), True)
    changed = "karar: 1\nmap: stack.mmd\nnodes:\n  - path: [Stack, Cache]\n    note: theirs\n"
    project.write_text(changed, encoding="utf-8")  # someone else saved meanwhile
    answers.append({"overwrite": SB.Save, "cancel": SB.Cancel, "reload": SB.Reset}[answer])
    saved = win.session.save()
    assert "changed on disk" in answers.asked[0]
    text = project.read_text(encoding="utf-8")
    if answer == "overwrite":
        assert saved and "checked: true" in text and "theirs" not in text
    elif answer == "cancel":
        assert not saved and text == changed and win.session.modified
    else:
        assert not saved and text == changed
        assert win.document.note(node(win, "Cache")) == "theirs"  # the file as it is now
        assert not win.document.is_checked(node(win, "PostgreSQL"))
        assert not win.session.modified
    win.session.mark_clean()
    win.close()
    assert projects.load(project)  # whatever happened, the file is a good project
