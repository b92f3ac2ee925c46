"""Project files in the real window: save, close, reopen; undo/redo; the modified flag and
the question before closing; orphans kept; the map file edited while open; bad files;
recovery copies."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from karar.core import project as projects
from karar.core.errors import KararError
from karar.ui.app import make_app
from karar.ui.mainwindow import MainWindow
from karar.ui.recovery import recovery_dir

MAP = "mindmap\n  Stack\n    Data\n      PostgreSQL\n      MySQL\n    Cache\n      Redis\n"


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "stack.mmd"
    path.write_text(MAP, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> _Answers:
    """Answers the next question dialogs give (queue; then Discard, so that no modal
    dialog can ever block a test); the questions asked are recorded in ``.asked``."""
    queue = _Answers()
    asked = queue.asked

    def fake_exec(box: QMessageBox) -> int:
        asked.append(box.text())
        answer = queue.pop(0) if queue else QMessageBox.StandardButton.Discard
        return int(answer.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return queue


class _Answers(list):  # type: ignore[type-arg]
    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []


def make_window(qtbot: QtBot, remember: bool = True) -> MainWindow:
    make_app()
    win = MainWindow(theme="light", remember=remember)
    qtbot.addWidget(win)
    win.map_scene.animate = False
    win.resize(1200, 800)
    win.show()
    return win


@pytest.fixture
def win(qtbot: QtBot, map_file: Path) -> Iterator[MainWindow]:
    w = make_window(qtbot)
    assert w.open_path(map_file)
    # the whole map in sight, whatever the first view chose
    w.document.apply(w.document.map_state.folds_to(()))
    yield w
    w.session.mark_clean()
    w.close()


def node(win: MainWindow, label: str):
    return next(n for n in win.document.mindmap if n.label == label)


def save_as(monkeypatch: pytest.MonkeyPatch, win: MainWindow, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert win.session.save()


def test_check_note_save_close_reopen(
    qtbot: QtBot, win: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = win.document
    assert doc.set_checked(node(win, "PostgreSQL"), True)
    assert doc.set_note(
        node(win, "PostgreSQL"), "We run **16**.\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    )
    doc.set_folded(node(win, "Cache"), True)
    win.map_scene.select(node(win, "MySQL"))
    assert win.session.modified
    assert win.isWindowModified()

    target = tmp_path / "team"  # the suffix is added
    save_as(monkeypatch, win, target)
    saved = tmp_path / "team.karar.yaml"
    assert saved.exists()
    assert not win.session.modified
    assert not win.isWindowModified()
    assert "team.karar.yaml" in win.windowTitle()
    text = saved.read_text(encoding="utf-8")
    assert "map: stack.mmd" in text and "checked: true" in text and "collapsed: true" in text
    win.close()

    again = make_window(qtbot)
    assert again.open_path(saved)
    d2 = again.document
    assert d2.is_checked(node(again, "PostgreSQL"))
    assert d2.note(node(again, "PostgreSQL")).startswith("We run **16**.")
    assert d2.is_folded(node(again, "Cache"))
    assert again.map_scene.selected is node(again, "MySQL")
    assert not again.session.modified
    again.close()


def test_undo_redo_walks_back_and_forth(win: MainWindow) -> None:
    doc = win.document
    pg = node(win, "PostgreSQL")
    doc.set_checked(pg, True)
    doc.set_note(pg, "a")
    doc.set_note(pg, "ab")  # typing merges into one step
    doc.set_folded(node(win, "Data"), True)
    stack = doc.undo_stack
    assert stack.count() == 3
    stack.undo()
    assert not doc.is_folded(node(win, "Data"))
    stack.undo()
    assert doc.note(pg) == ""
    stack.undo()
    assert not doc.is_checked(pg)
    assert not win.session.modified
    stack.redo()
    stack.redo()
    assert doc.is_checked(pg) and doc.note(pg) == "ab"
    assert win.session.modified
    assert win.commands["undo"].text().replace("&", "") == "Undo Edit Note of “PostgreSQL”"
    assert win.commands["redo"].isEnabled()


def test_folds_alone_do_not_dirty_an_untitled_project(win: MainWindow) -> None:
    win.document.set_folded(node(win, "Data"), True)
    assert not win.session.modified


def test_close_asks_before_losing_work(win: MainWindow, answers: _Answers) -> None:
    win.document.set_checked(node(win, "Redis"), True)
    answers.append(QMessageBox.StandardButton.Cancel)
    assert not win.close()
    assert win.isVisible()
    assert "Save the changes" in answers.asked[0]
    answers.append(QMessageBox.StandardButton.Discard)
    assert win.close()


def test_orphan_survives_a_save(
    qtbot: QtBot, map_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = tmp_path / "p.karar.yaml"
    saved.write_text(
        "karar: 1\nmap: stack.mmd\nowner: ops\nnodes:\n"
        "  - path: [Stack, Data, Oracle]\n    checked: true\n    note: gone from the map\n",
        encoding="utf-8",
    )
    w = make_window(qtbot)
    assert w.open_path(saved)
    assert w.document.orphans() == [("Stack", "Data", "Oracle")]
    w.document.set_checked(node(w, "MySQL"), True)
    assert w.session.save()
    again = projects.load(saved)
    assert again.entries[("Stack", "Data", "Oracle")].note == "gone from the map"
    assert again.extra == {"owner": "ops"}
    w.close()


def test_map_edited_on_disk_is_reloaded_with_everything_kept(
    qtbot: QtBot, win: MainWindow, map_file: Path
) -> None:
    doc = win.document
    doc.set_checked(node(win, "PostgreSQL"), True)
    doc.set_note(node(win, "MySQL"), "legacy")
    doc.set_folded(node(win, "Cache"), True)
    win.map_scene.select(node(win, "PostgreSQL"))
    # Rename MySQL, add a node: as an editor would, by writing the file again.
    map_file.write_text(MAP.replace("MySQL", "MariaDB") + "    Queue\n", encoding="utf-8")
    with qtbot.waitSignal(win.map_reloaded, timeout=3000):
        pass
    assert doc.mindmap.find(("Stack", "Queue")) is not None
    assert doc.is_checked(node(win, "PostgreSQL"))
    assert doc.is_folded(node(win, "Cache"))
    assert win.map_scene.selected is node(win, "PostgreSQL")
    assert doc.orphans() == [("Stack", "Data", "MySQL")]
    assert win.session.modified  # the unsaved note is still unsaved


def test_broken_map_edit_keeps_the_last_good_version(
    qtbot: QtBot, win: MainWindow, map_file: Path
) -> None:
    win.document.set_checked(node(win, "Redis"), True)
    map_file.write_text("mindmap\n  A\n  B\n", encoding="utf-8")
    qtbot.waitUntil(lambda: "one root" in win.notice_bar.error, timeout=5000)
    assert win.notice_bar.isVisible()
    assert win.document.is_checked(node(win, "Redis"))
    assert win.document.mindmap.root.label == "Stack"  # the last good version stays


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("karar: 1\nmap: stack.mmd\nnodes: [\n", "not valid YAML"),
        ("karar: 9\nmap: stack.mmd\n", "newer Karar"),
        ("karar: 1\nmap: missing.mmd\n", "no such file"),
        ("karar: 1\nmap: stack.mmd\nnodes:\n  - path: x\n", "'path:' must be a list"),
    ],
)
def test_bad_project_files_get_a_clear_message(
    qtbot: QtBot, tmp_path: Path, map_file: Path, text: str, needle: str
) -> None:
    bad = tmp_path / "bad.karar.yaml"
    bad.write_text(text, encoding="utf-8")
    w = make_window(qtbot, remember=False)
    with pytest.raises(KararError, match=needle) as info:
        w.open_path(bad, show_errors=False)
    assert str(info.value).startswith(str(bad))
    assert not w.open_path(bad)  # with a dialog this time
    assert w.error_box is not None and needle in w.error_box.informativeText()
    w.error_box.close()
    assert w.open_path(map_file)  # still usable
    w.close()


def test_autosave_and_restore(qtbot: QtBot, win: MainWindow, answers: _Answers) -> None:
    doc = win.document
    doc.set_note(node(win, "Redis"), "cluster mode, 3 shards")
    win.session.autosave()
    copy = win.session.recovery_path()
    assert copy.exists() and "cluster mode" in copy.read_text(encoding="utf-8")
    # Pretend the process died: the copy belongs to nobody now.
    text = copy.read_text(encoding="utf-8").replace("pid: ", "pid: 999999999 #")
    orphan_copy = recovery_dir() / "crashed.karar.yaml"
    orphan_copy.write_text(text, encoding="utf-8")
    copy.unlink()
    win.session.mark_clean()

    fresh = make_window(qtbot)
    answers.append(QMessageBox.StandardButton.Yes)
    fresh.start(None)
    assert fresh.document.note(node(fresh, "Redis")) == "cluster mode, 3 shards"
    assert fresh.session.modified  # restored work is unsaved work
    assert not orphan_copy.exists()
    fresh.session.mark_clean()
    fresh.close()


# ---------------------------------------------------------------- opening in one pass


def test_opening_a_project_replaces_map_and_project_in_one_signal(
    qtbot: QtBot, win: MainWindow, tmp_path: Path
) -> None:
    other = tmp_path / "other.mmd"
    other.write_text("mindmap\n  Other\n    Thing\n", encoding="utf-8")
    project = tmp_path / "other.karar.yaml"
    project.write_text(
        "karar: 1\nmap: other.mmd\nnodes:\n  - path: [Other, Thing]\n    checked: true\n",
        encoding="utf-8",
    )
    doc = win.document
    seen: list[tuple[str, object]] = []
    doc.map_replaced.connect(lambda: seen.append(("replaced", doc.project.path)))
    doc.orphans_changed.connect(lambda: seen.append(("orphans", doc.project.path)))
    win.orphans_panel.orphans_present.connect(lambda p: seen.append(("present", p)))
    assert win.open_path(project)
    assert seen == [("replaced", project)]  # the new map is never shown with the old project
    assert doc.is_checked(node(win, "Thing"))


def test_autosave_touches_no_panel(qtbot: QtBot, tmp_path: Path, map_file: Path) -> None:
    saved = tmp_path / "p.karar.yaml"
    saved.write_text(
        "karar: 1\nmap: stack.mmd\nnodes:\n  - path: [Stack, Gone]\n    note: kept\n",
        encoding="utf-8",
    )
    w = make_window(qtbot)
    assert w.open_path(saved)
    refreshed: list[object] = []
    w.document.orphans_changed.connect(lambda: refreshed.append("orphans"))
    w.document.map_replaced.connect(lambda: refreshed.append("replaced"))
    w.document.set_checked(node(w, "Redis"), True)
    w.session.autosave()
    assert w.session.recovery_path().exists()
    assert refreshed == []
    w.session.mark_clean()
    w.close()


def test_saved_entries_follow_the_map_order(
    win: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = win.document
    for label in ("Redis", "MySQL", "Cache", "PostgreSQL"):
        doc.set_checked(node(win, label), True)
    doc.set_folded(node(win, "Data"), True)
    save_as(monkeypatch, win, tmp_path / "ordered.karar.yaml")
    text = (tmp_path / "ordered.karar.yaml").read_text(encoding="utf-8")
    order = [line.split("[", 1)[1] for line in text.splitlines() if "path:" in line]
    assert order == [
        "Stack, Data]",
        "Stack, Data, PostgreSQL]",
        "Stack, Data, MySQL]",
        "Stack, Cache]",
        "Stack, Cache, Redis]",
    ]


def test_a_discarded_project_session_leaves_no_trace(
    qtbot: QtBot, map_file: Path, tmp_path: Path, answers: _Answers
) -> None:
    saved = tmp_path / "p.karar.yaml"
    saved.write_text("karar: 1\nmap: stack.mmd\n", encoding="utf-8")
    w = make_window(qtbot)
    assert w.open_path(saved)
    w.document.set_folded(node(w, "Data"), True)  # a fold in a saved project is a change
    assert w.session.modified
    answers.append(QMessageBox.StandardButton.Discard)
    assert w.open_path(map_file)  # the bare map now: nothing of the project session
    assert not w.document.is_folded(node(w, "Data"))
    w.close()


# ---------------------------------------------------------------- reading problems


def test_reading_problems_are_listed_and_lead_to_their_node(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    w = make_window(qtbot, remember=False)
    assert w.open_path(data_dir / "unclosed-shapes.mmd")
    bar = w.notice_bar
    assert bar.isVisible()
    lines = [line for line, _ in bar.warnings]
    assert lines == sorted(lines) and len(lines) >= 2
    assert all(n.label for n in w.document.mindmap)
    bar.line_activated.emit(lines[0])
    selected = w.map_scene.selected
    assert selected is not None and selected.line == lines[0]
    bar.close_button.click()
    assert not bar.isVisible()
    w.reload()  # the same warnings, dismissed once, stay dismissed
    assert not bar.isVisible()
    w.close()


def test_the_built_in_map_opens_without_a_bar(qtbot: QtBot) -> None:
    w = make_window(qtbot, remember=False)
    assert w.open_path(None)
    assert not w.notice_bar.isVisible()
    w.close()


def test_a_failed_open_is_tried_again_by_reload(
    qtbot: QtBot, tmp_path: Path, answers: _Answers
) -> None:
    path = tmp_path / "late.mmd"
    path.write_text("mindmap\n  A\n  B\n", encoding="utf-8")  # two roots
    w = make_window(qtbot, remember=False)
    assert not w.open_path(path)
    assert w.error_box is not None
    w.error_box.close()
    path.write_text("mindmap\n  A\n    B\n", encoding="utf-8")
    w.commands["reload"].trigger()
    assert w.document.root is not None and w.document.root.label == "A"
    w.close()


def test_a_broken_edit_keeps_an_error_bar_until_the_file_reads_again(
    qtbot: QtBot, win: MainWindow, map_file: Path
) -> None:
    map_file.write_text("mindmap\n  A\n  B\n", encoding="utf-8")
    qtbot.waitUntil(lambda: bool(win.notice_bar.error), timeout=5000)
    assert win.notice_bar.isVisible() and win.notice_bar.close_button.isHidden()
    with qtbot.waitSignal(win.map_reloaded, timeout=5000):
        map_file.write_text(MAP, encoding="utf-8")
    assert not win.notice_bar.isVisible()


# ---------------------------------------------------------------- remembered UI state


def test_dock_layout_is_restored(qtbot: QtBot) -> None:
    first = make_window(qtbot)
    assert first.open_path(None)
    first.decision_panel.hide()
    first.close()
    second = make_window(qtbot)
    assert second.decision_panel.isHidden()
    second.decision_panel.show()
    second.close()


def test_a_layout_does_not_reuse_another_layouts_view(qtbot: QtBot, map_file: Path) -> None:
    first = make_window(qtbot)
    assert first.open_path(map_file)
    first.view.set_zoom(3.3)
    first.close()
    tree = MainWindow(theme="light", layout="tree", remember=True)
    qtbot.addWidget(tree)
    tree.resize(1200, 800)
    tree.show()
    assert tree.open_path(map_file)
    assert tree.view.zoom != pytest.approx(3.3)  # a first view of its own, fitted
    tree.close()


def test_a_map_file_deleted_and_made_again_is_watched_again(
    qtbot: QtBot, win: MainWindow, map_file: Path
) -> None:
    win.document.set_checked(node(win, "Redis"), True)
    map_file.unlink()
    qtbot.waitUntil(lambda: "missing" in win.notice_bar.text.text(), timeout=5000)
    assert win.document.is_checked(node(win, "Redis"))  # the last version stays
    with qtbot.waitSignal(win.map_reloaded, timeout=5000):
        map_file.write_text(MAP + "    Queue\n", encoding="utf-8")
    assert not win.notice_bar.isVisible()
    assert win.document.mindmap.find(("Stack", "Queue")) is not None
    with qtbot.waitSignal(win.map_reloaded, timeout=5000):  # and it is still watched
        map_file.write_text(MAP + "    Queue\n    Search\n", encoding="utf-8")
    assert win.document.mindmap.find(("Stack", "Search")) is not None
    assert win.document.is_checked(node(win, "Redis"))


def test_odd_view_values_are_named_and_the_project_still_opens(
    qtbot: QtBot, tmp_path: Path, map_file: Path
) -> None:
    saved = tmp_path / "odd.karar.yaml"
    saved.write_text(
        "karar: 1\nmap: stack.mmd\nview:\n  zoom: .nan\n  center: [left, right]\n"
        "nodes:\n  - path: [Stack, Cache, Redis]\n    checked: true\n    note: kept\n",
        encoding="utf-8",
    )
    w = make_window(qtbot, remember=False)
    assert w.open_path(saved)
    assert w.document.is_checked(node(w, "Redis")) and w.document.note(node(w, "Redis")) == "kept"
    assert [line for line, _ in w.notice_bar.project_warnings] == [4, 5]
    assert "odd.karar.yaml" in w.notice_bar.text.text() and w.notice_bar.isVisible()
    assert w.view.zoom == w.view.zoom  # a number, not NaN
    w.close()
