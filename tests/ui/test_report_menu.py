"""File › Export Decision Report…: after Merge Participants… in the File menu; writes
the decision document as PDF or HTML, whichever the picked name ends with, and says so."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from karar.core.status import Decision
from karar.ui.mainwindow import MainWindow


def _decide(window: MainWindow) -> None:
    doc = window.document
    pg = next(n for n in doc.mindmap if n.label == "PostgreSQL")
    mysql = next(n for n in doc.mindmap if n.label == "MySQL / MariaDB")
    doc.decide(pg, Decision.CHOSEN)
    doc.decide(mysql, Decision.REJECTED)
    doc.set_note(pg, "The team *knows* it.")


def test_the_entry_follows_merge_participants_in_the_file_menu(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]  # type: ignore[union-attr]
    # Records is followed by Merge Participants (the tests of both pin their places)
    at = texts.index("&Merge Participants…")
    assert texts[at + 1] == "Export Decision Re&port…"


@pytest.mark.parametrize("name", ["report.html", "report.pdf"])
def test_export_report_to_the_file_picked(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    _decide(window)
    out = tmp_path / name
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.commands["export_report"].trigger()
    if out.suffix == ".html":
        text = out.read_text(encoding="utf-8")
        assert "<em>knows</em>" in text
    else:
        text = subprocess.run(
            ["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        text = " ".join(text.split())  # lines wrap in the table's cells
        assert "The team knows it." in text
    assert "PostgreSQL" in text and "MySQL / MariaDB" in text
    assert "Data streaming" in text  # only the branch's picture names it
    if out.suffix == ".html":
        assert text.count("<svg") == 1  # one section, one picture
    assert window.statusBar().currentMessage() == f"Decision report written to {out}"
    window.session.mark_clean()


def test_a_name_without_a_known_suffix_gets_pdf(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _decide(window)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "report"), "")
    )
    window.commands["export_report"].trigger()
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    window.session.mark_clean()


def test_bookmarks_are_refused_on_a_pdf_not_laid_out_as_qt_writes_it() -> None:
    from karar.ui.export import ExportError
    from karar.ui.reportpdf import with_bookmarks

    assert with_bookmarks(b"%PDF-1.4 anything", []) == b"%PDF-1.4 anything"
    with pytest.raises(ExportError, match="cannot add bookmarks"):
        with_bookmarks(b"%PDF-1.4\ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n9\n", [("A", 0)])
