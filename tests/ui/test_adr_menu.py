"""File › Export Decision Records…: asks for a folder, writes the records, says so in the
status bar; a file it may not write over is a warning and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from karar.core.status import Decision
from karar.ui.mainwindow import MainWindow


def _menu_texts(window: MainWindow) -> list[str]:
    file_menu = window.menuBar().actions()[0].menu()
    return [a.text() for a in file_menu.actions()]  # type: ignore[union-attr]


def test_the_entry_follows_the_snapshot_in_the_file_menu(window: MainWindow) -> None:
    texts = _menu_texts(window)
    at = texts.index("Export &Decision Snapshot…")
    assert texts[at + 1] == "Export Decision Re&cords…"


def test_export_records_into_the_folder_picked(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = window.document
    pg = next(n for n in doc.mindmap if n.label == "PostgreSQL")
    mysql = next(n for n in doc.mindmap if n.label == "MySQL / MariaDB")
    doc.decide(pg, Decision.CHOSEN)
    doc.decide(mysql, Decision.REJECTED)
    doc.set_note(pg, "The team knows it.")
    asked: list[str] = []

    def pick(parent: object, title: str, start: str = "", *args: object) -> str:
        asked.append(title)
        return str(tmp_path / "adr")

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", pick)
    window.commands["export_adr"].trigger()
    assert asked == ["Export Decision Records"]
    (record,) = (tmp_path / "adr").iterdir()
    assert record.name == "0001-relational-db.md"
    text = record.read_text(encoding="utf-8")
    assert 'Chosen option: "PostgreSQL", because the team knows it.' in text
    assert window.statusBar().currentMessage() == (f"{tmp_path / 'adr'}: 1 decision record (1 new)")
    window.session.mark_clean()


def test_a_refusal_is_a_warning_and_nothing_is_written(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = window.document
    doc.decide(next(n for n in doc.mindmap if n.label == "Redis"), Decision.CHOSEN)
    target = tmp_path / "adr"
    target.write_text("not a folder\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(target))
    warnings: list[str] = []

    def shown(box: QMessageBox) -> int:
        warnings.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown)
    window.commands["export_adr"].trigger()
    assert warnings == [f"Could not export the decision records: {target}: is a file, not a folder"]
    assert target.read_text(encoding="utf-8") == "not a folder\n"
    window.session.mark_clean()


def test_cancelling_the_folder_dialog_writes_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = window.document
    doc.decide(next(n for n in doc.mindmap if n.label == "Redis"), Decision.CHOSEN)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    window.statusBar().clearMessage()
    window.commands["export_adr"].trigger()
    assert list(tmp_path.iterdir()) == [] and window.statusBar().currentMessage() == ""
    window.session.mark_clean()
