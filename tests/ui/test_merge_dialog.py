"""File › Merge Participants…: choose the files, see who is in and what is wrong with
each, choose the tally, write it and open it in the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from karar.core import project as projects
from karar.core.sources import read_map
from karar.ui.mainwindow import MainWindow
from karar.ui.mergedialog import MergeDialog

ROOT = read_map("builtin:django").map.root.label
PG = ["3. Veri Katmanı", "Relational DB", "PostgreSQL"]


def person(
    folder: Path, name: str, *, map_ref: str = "builtin:django", chosen: bool = True
) -> Path:
    path = folder / f"{name}.karar.yaml"
    entry = f"  - path: [{ROOT}, {', '.join(PG)}]\n    checked: true\n    note: {name} knows it\n"
    path.write_text(
        f"karar: 1\nmap: {map_ref}\nnodes:\n{entry if chosen else ''}", encoding="utf-8"
    )
    return path


@pytest.fixture
def room(tmp_path: Path) -> list[Path]:
    return [person(tmp_path, n) for n in ("ayse", "can")] + [person(tmp_path, "ece", chosen=False)]


def rows(dialog: MergeDialog) -> list[list[str]]:
    tree = dialog.files
    return [
        [tree.topLevelItem(r).text(c) for c in range(tree.columnCount())]  # type: ignore[union-attr]
        for r in range(tree.topLevelItemCount())
    ]


def open_dialog(window: MainWindow, qtbot: QtBot) -> MergeDialog:
    window.commands["merge_participants"].trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), MergeDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, MergeDialog)
    return dialog


def test_the_entry_follows_the_records_in_the_file_menu(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]  # type: ignore[union-attr]
    at = texts.index("Export Decision Re&cords…")
    assert texts[at + 1] == "&Merge Participants…"


def test_choose_see_write_and_open(
    window: MainWindow, qtbot: QtBot, room: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(window, qtbot)
    assert not dialog.merge_button.isEnabled()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in room], "")
    )
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert rows(dialog) == [
        ["ayse.karar.yaml", "ayse", "1", "builtin:django", ""],
        ["can.karar.yaml", "can", "1", "builtin:django", ""],
        ["ece.karar.yaml", "ece", "0", "builtin:django", ""],
    ]
    out = room[0].with_name("tally.karar.yaml")
    assert dialog.output_path() == out
    assert dialog.summary.text() == "3 participants in 3 files: ready to merge."
    assert dialog.merge_button.isEnabled()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.project.path == out)
    assert not dialog.isVisible()
    tally = projects.load(out)
    assert tally.participants == ["ayse", "can", "ece"]
    pg = tally.entries[(ROOT, *PG)]
    assert (pg.votes, pg.voters, pg.checked) == (2, ["ayse", "can"], False)
    assert pg.note == "**ayse:** ayse knows it\n\n**can:** can knows it"
    node = next(n for n in window.document.mindmap if n.label == "PostgreSQL")
    assert window.document.entry(node).votes == 2
    assert window.document.project.participants == ["ayse", "can", "ece"]


def test_problems_are_shown_per_file_and_block_the_merge(
    qtbot: QtBot, tmp_path: Path, room: list[Path]
) -> None:
    (tmp_path / "other.mmd").write_text("mindmap\n  Other\n", encoding="utf-8")
    odd = person(tmp_path, "odd", map_ref="other.mmd", chosen=False)
    broken = tmp_path / "broken.karar.yaml"
    broken.write_text("karar: 1\nmap: [no]\n", encoding="utf-8")
    dialog = MergeDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    dialog.add_files([room[0], odd])
    assert rows(dialog)[1][4].startswith("⚠ names the map 'other.mmd', not 'builtin:django'")
    assert not dialog.merge_button.isEnabled()
    assert "only projects on one map" in dialog.summary.text()
    dialog.files.topLevelItem(1).setSelected(True)  # type: ignore[union-attr]
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert [r[0] for r in rows(dialog)] == ["ayse.karar.yaml"]
    assert "at least two" in dialog.summary.text()
    dialog.add_files([broken, room[1]])
    assert rows(dialog)[1][0] == "broken.karar.yaml"
    assert "'map:' must name the map file" in rows(dialog)[1][4]
    assert not dialog.merge_button.isEnabled()
    dialog.files.topLevelItem(1).setSelected(True)  # type: ignore[union-attr]
    dialog.remove_selected()
    assert dialog.merge_button.isEnabled()
    dialog.set_output(room[1])
    assert (
        rows(dialog)[1][4] == f"⚠ the output is the input {room[1]}: write the tally to a new file"
    )
    assert not dialog.merge_button.isEnabled()
    dialog.add_files([room[0].with_name("ayse.karar.yaml")])  # the same file: listed once
    assert len(rows(dialog)) == 2
    dialog.set_output(tmp_path / "room1")  # the suffix is added
    assert dialog.output_path() == tmp_path / "room1.karar.yaml"
    assert dialog.write() == tmp_path / "room1.karar.yaml"
    again = MergeDialog(None, tmp_path)
    qtbot.addWidget(again)
    again.add_files([tmp_path / "room1.karar.yaml", room[1]])
    assert rows(again)[0][1] == "tally: ayse, can"
    tally = tmp_path / "room1.karar.yaml"
    assert rows(again)[1][4] == (
        f"⚠ the participant 'can' is already in {tally}: each person's choices can be counted once"
    )
    assert not again.merge_button.isEnabled()
    before = sorted(p.name for p in tmp_path.iterdir())
    again.set_output(tmp_path / "room2.karar.yaml")
    again.accept()  # refused: nothing written, the dialog stays
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_majority_when_asked(qtbot: QtBot, tmp_path: Path, room: list[Path]) -> None:
    dialog = MergeDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    dialog.add_files(room)
    dialog.majority.setChecked(True)
    out = dialog.write()
    assert out is not None
    assert projects.load(out).entries[(ROOT, *PG)].checked  # 2 of 3
