"""What the window says that comes from core or the picture export speaks the window's
language — printed pages' header, export notices, the decision records' summary and
refusals, merge refusals, who holds a project, the empty canvas's hint, the decision log's
marks as a screen reader reads them — while the command line's words stay English."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QPdfWriter
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from karar.core.adr import RecordsError
from karar.core.filters import DecisionsOnly
from karar.core.status import Decision
from karar.ui import i18n
from karar.ui.export import Notice
from karar.ui.guard import Holder
from karar.ui.mainwindow import MainWindow
from karar.ui.pages import LEGEND, Header, window_header

# every other test expects the English window: each test here puts it back
pytestmark = pytest.mark.usefixtures("english_after")


def _turkish_window(qtbot: QtBot) -> MainWindow:
    i18n.install("tr")
    win = MainWindow(theme="light", remember=False)
    qtbot.addWidget(win)
    win.map_scene.animate = False
    assert win.open_map(None)
    return win


def _pdf_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(
        [tool, "-layout", str(path), "-"], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout


def test_the_pages_header_speaks_the_window_language() -> None:
    i18n.install("tr")
    header = window_header("Harita", None)
    assert header.legend == "✓ seçildi   ✗ reddedildi   ? değerlendiriliyor"
    assert header.facts == i18n.format_date(dt.date.today())  # 1.12.2026, not 2026-12-01
    assert header.page_ref.format(page=3) == "s. 3"
    # the command line's pages keep English
    plain = Header("Map", None)
    assert (plain.legend, plain.page_ref) == (LEGEND, "p. {page}")
    assert plain.facts == dt.date.today().isoformat()
    i18n.install("en")
    assert window_header("Map", None).legend == LEGEND


def test_printed_pages_carry_the_turkish_legend(qtbot: QtBot, tmp_path: Path) -> None:
    win = _turkish_window(qtbot)
    out = tmp_path / "m.pdf"
    win.outputs.print_to(QPdfWriter(str(out)))
    text = _pdf_text(out)
    assert "seçildi" in text and "değerlendiriliyor" in text
    assert "considering" not in text
    assert i18n.format_date(dt.date.today()) in text


def test_export_notices_are_worded_in_turkish(qtbot: QtBot) -> None:
    win = _turkish_window(qtbot)
    say = win.outputs.notice_text
    assert say(Notice("wrote 3 pages (poster)", "pages", pages=3, kind="poster")) == (
        "3 sayfa yazıldı (afiş)"
    )
    scaled = say(Notice("…", "scaled", longest=40000, limit=16384))
    assert scaled.startswith("Resmin uzun kenarı 40.000 px olacaktı; 16.384 px olacak")
    tiles = say(
        Notice("…", "tiles", width=20000, height=900, tiles=2, rows=1, cols=2, first="m-r1c1.png")
    )
    assert tiles == "20.000 × 900 px boyutundaki resim 2 parça olarak yazıldı (1 × 2, m-r1c1.png …)"
    assert say("a notice the window does not know") == "a notice the window does not know"
    i18n.install("en")
    assert say(Notice("wrote 3 pages (poster)", "pages", pages=3, kind="poster")) == (
        "Wrote 3 pages (poster)"
    )


def test_decision_records_say_in_turkish_what_they_did(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = _turkish_window(qtbot)
    doc = win.document
    doc.decide(next(n for n in doc.mindmap if n.label == "PostgreSQL"), Decision.CHOSEN)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "a"))
    win.commands["export_adr"].trigger()
    assert win.statusBar().currentMessage() == f"{tmp_path / 'a'}: 1 karar kaydı (1 yeni)"
    win.commands["export_adr"].trigger()
    assert win.statusBar().currentMessage().endswith("1 karar kaydı (değişiklik yok)")

    target = tmp_path / "file"
    target.write_text("x\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(target))
    warnings: list[str] = []

    def shown(box: QMessageBox) -> int:
        warnings.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown)
    win.commands["export_adr"].trigger()
    assert warnings == [f"Karar kayıtları dışa aktarılamadı: {target}: klasör değil, dosya"]
    # the command line's words are the error's own, in English
    err = RecordsError(str(target), "is a file, not a folder", "not-folder")
    assert str(err) == f"{target}: is a file, not a folder"
    win.session.mark_clean()


def test_merge_refusals_speak_turkish(qtbot: QtBot, tmp_path: Path) -> None:
    from karar.ui.mergedialog import MergeDialog

    i18n.install("tr")
    (tmp_path / "other.mmd").write_text("mindmap\n  Other\n", encoding="utf-8")
    files = []
    for name, ref in (("ayse", "builtin:django"), ("can", "other.mmd")):
        path = tmp_path / f"{name}.karar.yaml"
        path.write_text(f"karar: 1\nmap: {ref}\nnodes: []\n", encoding="utf-8")
        files.append(path)
    dialog = MergeDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    dialog.add_files(files)
    problem = dialog.files.topLevelItem(1).text(4)  # type: ignore[union-attr]
    assert problem == (
        f"⚠ {files[0]} gibi “builtin:django” haritasını değil, “other.mmd” haritasını "
        "gösteriyor: yalnızca aynı haritadaki projeler birleştirilebilir"
    )
    assert dialog.summary.text().startswith(f"{files[1]}:")
    assert "aynı haritadaki" in dialog.summary.text()
    dialog.files.topLevelItem(1).setSelected(True)  # type: ignore[union-attr]
    dialog.remove_selected()
    assert dialog.summary.text().endswith("birleştirmek için en az iki dosya gerekir")


def test_who_holds_a_project_in_turkish() -> None:
    i18n.install("tr")
    assert Holder(42, "", "").describe() == "Karar (bu bilgisayarda, 42 numaralı süreç)"
    assert (
        Holder(7, "salon-pc", "Karar").describe() == "Karar (salon-pc üzerinde, 7 numaralı süreç)"
    )
    i18n.install("en")
    assert Holder(42, "", "").describe() == "Karar (process 42 on this computer)"


def test_the_empty_canvas_hint_follows_the_language(qtbot: QtBot) -> None:
    win = _turkish_window(qtbot)
    win.map_scene.set_filter(DecisionsOnly())
    assert win.map_scene.hint_text() == (
        "Henüz karar yok — seçmek için bir düğümün kutusunu işaretleyin"
    )
    win.set_language("en")
    qtbot.waitUntil(lambda: win.map_scene.hint_text().startswith("No decisions yet"))


def test_undo_steps_are_named_in_turkish(qtbot: QtBot) -> None:
    win = _turkish_window(qtbot)
    doc = win.document
    node = next(n for n in doc.mindmap if n.label == "PostgreSQL")
    undo, redo = win.commands["undo"], win.commands["redo"]
    doc.decide(node, Decision.CHOSEN)
    assert undo.text() == "&Geri Al: “PostgreSQL” seçimi"
    assert "Geri Al: “PostgreSQL” seçimi" in undo.toolTip()
    doc.show_levels(2)
    assert undo.text() == "&Geri Al: 2 düzey gösterme"
    doc.undo_stack.undo()
    assert redo.text() == "&Yinele: 2 düzey gösterme"
    doc.set_note(node, "Ekip biliyor.")
    assert undo.text() == "&Geri Al: “PostgreSQL” notunun düzenlenmesi"
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert (undo.text(), redo.text()) == ("&Geri Al", "&Yinele: “PostgreSQL” seçimi")
    win.set_language("en")  # the steps made keep their names; the prefix follows at once
    qtbot.waitUntil(lambda: undo.text() == "&Undo")
    assert redo.text() == "&Redo “PostgreSQL” seçimi"
    doc.decide(node, Decision.REJECTED)
    assert undo.text() == "&Undo Reject “PostgreSQL”"
    win.session.mark_clean()


@pytest.mark.parametrize(("language", "question"), [("tr", "Soru"), ("en", "Question")])
def test_the_windows_decision_report_speaks_its_language(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    question: str,
) -> None:
    # File › Export Decision Report… from a Turkish window: a Turkish document (the command
    # line's stays English unless --lang tr)
    win = _turkish_window(qtbot)
    i18n.install(language)
    pg = next(n for n in win.document.mindmap if n.label == "PostgreSQL")
    win.document.decide(pg, Decision.CHOSEN)
    out = tmp_path / "report.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    win.commands["export_report"].trigger()
    text = out.read_text(encoding="utf-8")
    assert f'<html lang="{language}">' in text
    assert f">{question}</th>" in text
    today = dt.date.today()
    shown = f"{today.day}.{today.month}.{today.year}" if language == "tr" else today.isoformat()
    assert f'class="when">{shown}<' in text
    win.session.mark_clean()


def test_the_windows_snapshot_speaks_its_language(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = _turkish_window(qtbot)
    out = tmp_path / "snapshot.md"

    def save_here(dialog: QFileDialog) -> int:
        dialog.selectFile(str(out))
        return int(QFileDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QFileDialog, "exec", save_here)
    win.commands["export_md"].trigger()
    assert "\n_Karar özeti, " in out.read_text(encoding="utf-8")


def test_every_reason_core_gives_for_a_suggested_home_is_worded_in_turkish() -> None:
    from karar.core import decisions
    from karar.ui.orphans import REASON_TEXTS, reason_text

    assert set(REASON_TEXTS) == set(decisions.REASONS)
    i18n.install("tr")
    worded = {reason: reason_text(reason) for reason in decisions.REASONS}
    assert all(text != reason for reason, text in worded.items()), worded


def test_the_decision_logs_marks_are_read_out_in_the_windows_language(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    win = _turkish_window(qtbot)
    doc = win.document
    node = next(n for n in doc.mindmap if n.label == "PostgreSQL")
    doc.decide(node, Decision.REJECTED)
    log = win.decision_log
    mark = log.log_model.index_of(node)
    assert mark.data() == "✗"
    assert mark.data(Qt.ItemDataRole.AccessibleTextRole) == "reddedilen"  # not "rejected"
    names = {name: button.accessibleName() for name, button in log.state_buttons.items()}
    assert names == {
        "all": "Bütün kararlar",
        "chosen": "seçilen",
        "rejected": "reddedilen",
        "considering": "değerlendirilen",
    }
    win.set_language("en")
    qtbot.waitUntil(lambda: log.state_buttons["rejected"].accessibleName() == "rejected")
    assert mark.data(Qt.ItemDataRole.AccessibleTextRole) == "rejected"
    assert log.state_buttons["all"].accessibleName() == "Every decision"
    win.session.mark_clean()


def test_the_progress_dialog_cancels_in_turkish(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from karar.ui.progress import progress_dialog

    window = _turkish_window(qtbot)
    with progress_dialog(window, "Yazdır", "Yazdırılıyor…"):
        dialog = window.findChild(QProgressDialog, "progress-dialog")
        assert dialog is not None
        button = dialog.findChild(QPushButton)
        assert button is not None and button.text() == "&İptal"
