"""The window's language (karar.ui.i18n): chosen from --lang, View › Language or the
system; switching it changes the menus at once; Turkish dates, sorting and Qt's own
dialog texts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from pytestqt.qtbot import QtBot

from karar.ui import i18n
from karar.ui.actions import MENUS, shortcuts_html
from karar.ui.mainwindow import MainWindow

# every other test expects the English window: each test here puts it back
pytestmark = pytest.mark.usefixtures("english_after")


def _menu_titles(window: MainWindow) -> list[str]:
    return [window.commands.menus[key].title() for key in MENUS]


def test_switching_the_language_changes_the_menus(window: MainWindow, qtbot: QtBot) -> None:
    assert _menu_titles(window) == ["&File", "&Edit", "&View", "&Go", "&Help"]
    window.commands["language_tr"].trigger()
    qtbot.waitUntil(lambda: window.commands.menus["file"].title() == "&Dosya")
    assert _menu_titles(window) == ["&Dosya", "Dü&zen", "&Görünüm", "G&it", "&Yardım"]
    assert i18n.current_language() == "tr"
    assert window.commands["language_tr"].isChecked()
    assert window.commands["print"].text() == "Ya&zdır…"
    assert window.commands["present"].text() == "&Sunum"
    assert window.commands["save"].statusTip() == "Projeyi kaydet"
    assert window.commands["fit"].iconText() == "Sığdır"  # short: the tool bar fits 1024 px
    assert window.commands.menus["language"].title() == "D&il"
    assert "Dosya" in shortcuts_html(window.commands)
    assert "Fare" in shortcuts_html(window.commands)  # the mouse section
    assert window.decision_panel.windowTitle() == "Karar"
    assert window.decision_panel.toggleViewAction().text() == "Karar"  # in View
    assert "düğüm" in window.status.counts.text()
    window.commands["language_en"].trigger()
    qtbot.waitUntil(lambda: window.commands.menus["file"].title() == "&File")
    assert window.commands["print"].text() == "&Print…"


def test_level_texts_count(window: MainWindow, qtbot: QtBot) -> None:
    assert window.commands["level_1"].text() == "Show &1 Level"
    assert window.commands["level_2"].text() == "Show &2 Levels"
    assert window.commands["level_2"].statusTip() == "Show 2 levels below the root"
    assert window.commands["level_3"].iconText() == "Level 3"
    window.set_language("tr")
    qtbot.waitUntil(lambda: window.commands["level_2"].text() == "&2 Düzey Göster")
    assert window.commands["level_1"].statusTip() == "Kökün altında 1 düzey göster"
    assert window.commands["level_3"].iconText() == "Düzey 3"


def test_the_choice_is_remembered(qtbot: QtBot) -> None:
    win = MainWindow(theme="light", remember=True)
    qtbot.addWidget(win)
    win.set_language("tr")
    assert QSettings().value(i18n.SETTING) == "tr"
    assert i18n.choose_language() == "tr"
    assert i18n.choose_language("en") == "en"  # --lang wins
    assert i18n.choose_language(remember=False) == i18n.system_language()  # a screenshot
    win.set_language(None)
    assert QSettings().value(i18n.SETTING) == "system"
    assert i18n.choose_language() == i18n.system_language()
    assert win.commands["language_system"].isChecked()


def test_a_window_opened_in_turkish_is_turkish_throughout(qtbot: QtBot) -> None:
    i18n.install("tr")
    win = MainWindow(theme="light", remember=False)
    qtbot.addWidget(win)
    assert win.open_map(None)
    assert win.decision_panel.windowTitle() == "Karar"
    assert win.decision_log.windowTitle() == "Kararlar"
    assert win.decision_panel.check_box.text() == "Bunu seçtik"
    assert win.decision_panel.record.state_combo.itemText(1) == "✓ Seçildi"
    assert "düğüm" in win.status.counts.text()
    assert "seçildi" in win.status.counts.text()
    assert win.commands["language_tr"].isChecked()


def test_qt_own_dialogs_speak_turkish() -> None:
    i18n.install("tr")
    # the buttons of Qt's message boxes and file dialog come from qtbase_tr.qm
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "İptal"
    i18n.install("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_dates_in_the_language_format() -> None:
    i18n.install("tr")
    assert i18n.format_date(dt.date(2026, 12, 1)) == "1.12.2026"
    assert i18n.format_date("2026-03-09") == "9.03.2026"
    assert i18n.format_date("someday") == "someday"
    i18n.install("en")
    assert i18n.format_date(dt.date(2026, 12, 1)) == "2026-12-01"


def test_turkish_collation() -> None:
    words = ["şeker", "sarı", "çay", "cam", "ılık", "iğne", "Zeytin", "İzmir", "Ufuk", "Üzüm"]
    i18n.install("tr")
    assert i18n.sorted_texts(words) == [
        *("cam", "çay", "ılık", "iğne", "İzmir", "sarı", "şeker", "Ufuk", "Üzüm", "Zeytin")
    ]
    i18n.install("en")
    # English puts ı after i (a different letter it does not know), ç with c
    assert i18n.sorted_texts(words).index("ılık") > i18n.sorted_texts(words).index("İzmir")


def test_sort_key_breaks_ties_in_a_tuple() -> None:
    i18n.install("tr")
    keys = sorted([(i18n.sort_key("Ilık"), 2), (i18n.sort_key("ılık"), 1)])
    assert [n for _, n in keys] == [1, 2]  # equal texts (case aside): the number decides


def test_the_decision_log_sorts_and_dates_in_turkish(qtbot: QtBot) -> None:
    from uihelpers import node_named

    from karar.core.status import Decision
    from karar.ui.decisionlogmodel import LABEL, WHEN, WHO

    i18n.install("tr")
    win = MainWindow(theme="light", remember=False)
    qtbot.addWidget(win)
    assert win.open_map(None)
    doc = win.document
    for prefix, who in (
        ("PostgreSQL", "Zeynep"),
        ("MySQL", "Çağla"),
        ("MongoDB", "İpek"),
        ("Elasticsearch", "Ilgın"),
    ):
        node = node_named(win, prefix)
        doc.decide(node, Decision.CHOSEN)
        doc.set_record(node, by=who, date=dt.date(2026, 12, 1))
    proxy = win.decision_log.proxy
    proxy.sort(WHO, Qt.SortOrder.AscendingOrder)
    group = proxy.index(0, 0)
    cells = [
        [str(proxy.index(r, c, group).data()) for c in (LABEL, WHO, WHEN)]
        for r in range(proxy.rowCount(group))
    ]
    # code-point order (casefold) would put Çağla after Zeynep
    assert [who for _label, who, _when in cells] == ["Çağla", "Ilgın", "İpek", "Zeynep"]
    assert {when for _label, _who, when in cells} == {"1.12.2026"}


def test_the_node_menu_speaks_turkish(qtbot: QtBot) -> None:
    from karar.ui.nodemenu import node_menu

    i18n.install("tr")
    win = MainWindow(theme="light", remember=False)
    qtbot.addWidget(win)
    assert win.open_map(None)
    root = win.document.root
    assert root is not None
    menu = node_menu(win.view, win.document, root)
    texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert texts == [
        *("&Seçildi", "&Reddedildi", "&Değerlendiriliyor", "&Karar Verilmedi"),
        *("&Daralt", "&Notu Düzenle"),
    ]


def test_times_in_the_language_format() -> None:
    i18n.install("tr")
    assert i18n.format_datetime("2026-12-01T16:59:03") == "1.12.2026 16:59"
    i18n.install("en")
    assert i18n.format_datetime("2026-12-01T16:59:03") == "2026-12-01T16:59:03"


def test_the_export_dialog_speaks_turkish(qtbot: QtBot, tmp_path: Path) -> None:
    from karar.ui.exportdialog import ExportDialog

    i18n.install("tr")
    dialog = ExportDialog(None, tmp_path / "m.png", ["A"], "light")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Resim Olarak Dışa Aktar"
    assert dialog.format_box.itemText(0) == "PNG resmi"
    assert dialog.format_box.currentData() == "png"  # the settings keep the English keys
    assert dialog.export_button.text() == "Dışa Akta&r"


def test_the_print_preview_speaks_turkish(qtbot: QtBot) -> None:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QLabel

    from karar.ui.printpreview import PrintPreview

    QSettings().remove("print")
    i18n.install("tr")
    win = MainWindow(theme="light", remember=False)
    qtbot.addWidget(win)
    assert win.open_map(None)
    dialog = PrintPreview(win, QPrinter(QPrinter.PrinterMode.HighResolution))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Yazdırma Önizlemesi — Karar"
    labels = [label.text() for label in dialog.strip.findChildren(QLabel)]
    assert labels[:5] == ["&Sayfalar:", "&Kapsam:", "Kâğı&t:", "&Yön:", "T&ema:"]
    assert dialog.pages_box.itemText(2) == "Dal başına bir sayfa"
    assert dialog.pages_box.currentData() == "fit"  # the settings keep the English keys
    assert dialog.scope_box.itemText(3).startswith("Dal: ")
    assert dialog.theme_box.itemText(1) == "Ekrandaki gibi (açık)"
    qtbot.waitUntil(lambda: dialog.count_label.text() == "1 sayfa")
    dialog.close()
    QSettings().remove("print")


def test_the_exports_speak_turkish(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtGui import QPdfWriter

    i18n.install("tr")
    win = MainWindow(theme="light", remember=False)
    qtbot.addWidget(win)
    assert win.open_map(None)
    dialog, box = win.outputs.snapshot_dialog()
    try:
        assert dialog.windowTitle() == "Karar Özetini Dışa Aktar"
        assert box.text().startswith("Yalnızca &kararlar")
        assert dialog.nameFilters() == ["Markdown (*.md)", "Tüm dosyalar (*)"]
    finally:
        dialog.deleteLater()
    win.outputs.print_to(QPdfWriter(str(tmp_path / "m.pdf")))
    assert win.statusBar().currentMessage() == "Harita yazıcıya gönderildi"


def test_the_merge_dialog_speaks_turkish(qtbot: QtBot, tmp_path: Path) -> None:
    from karar.ui.mergedialog import MergeDialog

    i18n.install("tr")
    dialog = MergeDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Katılımcıları Birleştir"
    header = dialog.files.headerItem()
    assert [header.text(c) for c in range(5)] == ["Dosya", "Kim", "Seçilen", "Harita", "Sorun"]
    people = []
    for name in ("ayse", "can"):
        path = tmp_path / f"{name}.karar.yaml"
        path.write_text("karar: 1\nmap: builtin:django\nnodes: []\n", encoding="utf-8")
        people.append(path)
    dialog.add_files(people)
    assert dialog.summary.text() == "2 dosyada 2 katılımcı: birleştirmeye hazır."
    assert dialog.merge_button.text() == "&Birleştir ve Aç"
    dialog.set_output("")
    assert dialog.summary.text() == "Sayımın nereye yazılacağını seçin."


def test_the_presentation_speaks_turkish(window: MainWindow, qtbot: QtBot) -> None:
    window.set_language("tr")
    qtbot.waitUntil(lambda: window.commands.menus["file"].title() == "&Dosya")
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    presentation = window.presentation
    assert presentation.active
    qtbot.waitUntil(lambda: window.isFullScreen() and not window.view.is_gliding())
    assert presentation.footer_parts()[1:] == ["Genel bakış", "adım 0 / 33", "0 karar verildi"]
    qtbot.keyClick(window.focusWidget() or window.view, Qt.Key.Key_Question)
    overlay = presentation.keys_overlay
    assert overlay is not None and overlay.isVisible()
    assert ("F5", "Sunumdan çık") in overlay.rows
    assert "Sunum tuşları" in overlay.label.text()
    qtbot.keyClick(window.focusWidget() or window.view, Qt.Key.Key_Escape)
    qtbot.keyClick(window.focusWidget() or window.view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not presentation.active)


def test_the_session_prompts_speak_turkish(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton
    asked: list[list[str]] = []

    def cancel(box: QMessageBox) -> int:
        shown = [box.button(b).text() for b in (buttons.Save, buttons.SaveAll, buttons.Reset)]
        asked.append([box.text(), box.informativeText(), *shown])
        return int(buttons.Cancel.value)

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    (tmp_path / "stack.mmd").write_text("mindmap\n  Stack\n    Data\n", encoding="utf-8")
    project = tmp_path / "team.karar.yaml"
    project.write_text("karar: 1\nmap: stack.mmd\n", encoding="utf-8")
    i18n.install("tr")
    win = MainWindow(theme="light", remember=False)
    qtbot.addWidget(win)
    assert win.open_path(project)
    root = win.document.root
    assert root is not None
    win.document.set_checked(root.children[0], True)
    project.write_text("karar: 1\nmap: stack.mmd\nnodes: []\n", encoding="utf-8")
    assert not win.session.save()
    ((text, informative, overwrite, save_as, reload),) = asked
    assert text == "“team.karar.yaml” siz açtıktan sonra diskte değiştirildi."
    assert informative.startswith("Şimdi kaydetmek dosyadakinin üzerine yazar.")
    assert (overwrite, save_as, reload) == ("Üzerine &Yaz", "&Farklı Kaydet…", "Yeniden Yük&le")
    win.session.mark_clean()
    win.close()
