"""What core says in the window speaks its language: the lines Mermaid reads otherwise
and the markup a shape's id hides (the notice bar), a map that stops reading, a project
value that is wrong (the error box) or ignored (the notice bar), an image that cannot be
written, a project that cannot be saved, tallies in conflict and an unreadable file in the
merge dialog, an autosave whose map is gone — in Turkish in a Turkish window, in core's own
English (as the command line prints it) in an English one, and re-worded when the language
changes. Every code core gives has its wording (:mod:`karar.ui.messages`)."""

from __future__ import annotations

import ast
import html
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from karar.core.model import Shape
from karar.core.pages import Orientation, PagesKind
from karar.core.status import _DAY_PROBLEMS, Decision
from karar.core.yamlsafe import _YAML_PROBLEMS
from karar.ui import i18n, messages
from karar.ui.app import make_app
from karar.ui.mainwindow import MainWindow

pytestmark = pytest.mark.usefixtures("english_after")

SRC = Path(__file__).parent.parent.parent / "src" / "karar"

MAP = "mindmap\n  Stack\n    a b(c)\n    Kotlin<br/>(JVM)\n    Data\n"
READS = (
    "Mermaid reads this line as a rounded node labelled 'c'; Karar reads the whole line as one "
    "label. Mermaid-safe: a b#40;c#41;"
)
OKUR = (
    "Mermaid bu satırı “c” etiketli, yuvarlak köşeli dikdörtgen şeklinde bir düğüm olarak "
    "okuyor; Karar bütün satırı tek bir etiket olarak okuyor. Mermaid uyumlu yazımı: a b#40;c#41;"
)
MARKUP = (
    "Mermaid bu satırı “JVM” etiketli, yuvarlak köşeli dikdörtgen şeklinde bir düğüm olarak "
    "okuyor: şekilden önceki “Kotlin<br/>” metni biçimlendirme içeriyor, ama yalnızca düğümün "
    "kimliği olduğu için gösterilmiyor. Mermaid uyumlu yazımı: Kotlin<br/>#40;JVM#41;"
)


def _window(qtbot: QtBot, language: str) -> MainWindow:
    make_app()
    i18n.install(language)
    win = MainWindow(theme="light", remember=False)
    qtbot.addWidget(win)
    win.map_scene.animate = False
    win.resize(1200, 800)
    win.show()
    return win


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The (text, informative text) of each message box the window shows (none blocks)."""
    shown: list[tuple[str, str]] = []

    def exec_(box: QMessageBox) -> int:
        shown.append((box.text(), box.informativeText()))
        return int(QMessageBox.StandardButton.Yes.value)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


# ---------------------------------------------------------------------- the table


def _core_codes() -> dict[str, str | None]:
    """Every code a ``Message(text, "code", ...)`` call in Karar's sources gives, with its
    text where that is a constant (None for an f-string)."""
    codes: dict[str, str | None] = {}
    for path in SRC.rglob("*.py"):
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Name)
                and call.func.id == "Message"
                and len(call.args) >= 2
            ):
                continue
            code = call.args[1]
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                text = call.args[0]
                constant = text.value if isinstance(text, ast.Constant) else None
                codes[code.value] = constant if isinstance(constant, str) else None
    return codes


def test_every_code_core_gives_is_worded_by_the_window() -> None:
    codes = _core_codes()
    assert len(codes) > 130
    # given by datetime's and libyaml's words (status.day_problem, yamlsafe._not_yaml) and
    # by the window itself
    made_here = {"located"}
    made_here |= {*_DAY_PROBLEMS.values(), *_YAML_PROBLEMS.values()}
    assert set(codes) | made_here == set(messages.TEXTS), set(codes) ^ set(messages.TEXTS)
    for code, text in codes.items():  # a constant text is its own source text
        if text is not None and code != "front-matter":
            assert messages.TEXTS[code] == text, code
    assert set(messages.SHAPES) == set(Shape)
    assert set(messages.DECISIONS) == set(Decision)


def test_every_wording_has_its_turkish() -> None:
    make_app()
    i18n.install("tr")
    tables = [*messages.TEXTS.values(), *messages.SHAPES.values(), *messages.DECISIONS.values()]
    tables += messages.SYSTEM_REASONS.values()
    same = {"{message} ({where})", "{where}: {message}", "{size} MiB"}
    untranslated = [t for t in tables if messages._tr(t) == t and t not in same]
    assert untranslated == []
    assert messages.system_reason("Not a directory") == "Bir klasör değil"
    assert messages.system_reason("a reason the window does not know") == (
        "a reason the window does not know"
    )


# ---------------------------------------------------------------------- the notice bar


def test_the_notice_bar_says_in_turkish_how_mermaid_reads_a_line(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "stack.mmd"
    path.write_text(MAP, encoding="utf-8")
    win = _window(qtbot, "tr")
    assert win.open_path(path)
    shown = win.notice_bar.text.text()
    assert "stack.mmd dosyasının 2 satırını Mermaid farklı okuyor." in shown
    assert f"satır 3</a>: {html.escape(OKUR)}</li>" in shown
    assert f"satır 4</a>: {html.escape(MARKUP)}</li>" in shown
    assert "Mermaid reads" not in shown and "Mermaid-safe" not in shown
    win.set_language("en")  # the bar words them again
    qtbot.waitUntil(lambda: "Mermaid-safe" in win.notice_bar.text.text())
    shown = win.notice_bar.text.text()
    assert f"line 3</a>: {html.escape(READS)}</li>" in shown
    assert "Mermaid bu satırı" not in shown


def test_the_english_notice_bar_says_what_karar_check_prints(qtbot: QtBot, tmp_path: Path) -> None:
    from karar.core.sources import read_map

    path = tmp_path / "stack.mmd"
    path.write_text(MAP, encoding="utf-8")
    win = _window(qtbot, "en")
    assert win.open_path(path)
    shown = win.notice_bar.text.text()
    for line, message in read_map(path).warnings:  # karar check's words, line by line
        assert f"line {line}</a>: {html.escape(message)}</li>" in shown


def test_a_map_that_stops_reading_is_said_in_the_windows_language(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "stack.mmd"
    path.write_text("mindmap\n  Stack\n    Data\n", encoding="utf-8")
    win = _window(qtbot, "tr")
    assert win.open_path(path)
    path.write_text("mindmap\n  Stack\n  Other\n", encoding="utf-8")
    win.reload()
    assert win.notice_bar.error == (
        f"{path}:3: yalnızca bir kök olabilir: “Other” için üst düğüm yok "
        "(kökten daha içeride girintileyin)"
    )
    assert "Harita dosyasında bir hata var" in win.notice_bar.text.text()
    win.set_language("en")
    qtbot.waitUntil(lambda: "one root" in win.notice_bar.text.text())
    assert win.notice_bar.error == (
        f'{path}:3: there can be only one root: no parent for "Other" '
        "(indent it deeper than the root)"
    )


def test_ignored_project_values_are_listed_in_turkish(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "stack.mmd").write_text("mindmap\n  Stack\n    Data\n", encoding="utf-8")
    project = tmp_path / "odd.karar.yaml"
    project.write_text(
        "karar: 1\nmap: stack.mmd\nview:\n  zoom: big\n  layout: round\nnodes: []\n",
        encoding="utf-8",
    )
    win = _window(qtbot, "tr")
    assert win.open_path(project)
    shown = win.notice_bar.text.text()
    assert "odd.karar.yaml dosyasındaki 2 değer yok sayıldı" in shown
    assert (
        html.escape(
            "satır 4: 'view:' altındaki 'zoom:' 0,01 ile 100 arasında bir sayı olmalı, "
            "'big' değil; yok sayıldı"
        )
        in shown
    )
    assert (
        html.escape(
            "satır 5: 'view:' altındaki 'layout:' mindmap, tree, radial değerlerinden biri olmalı, "
            "'round' değil; yok sayıldı"
        )
        in shown
    )
    win.session.mark_clean()


# ---------------------------------------------------------------------- error boxes


@pytest.mark.parametrize(
    ("language", "text", "informative"),
    [
        (
            "tr",
            "bad.karar.yaml açılamadı.",
            "Satır 5: 'checked:' true ya da false olmalı, 'maybe' değil",
        ),
        (
            "en",
            "Karar could not open bad.karar.yaml.",
            "Line 5: 'checked:' must be true or false, not 'maybe'",
        ),
    ],
)
def test_a_bad_project_key_is_said_in_the_windows_language(
    qtbot: QtBot, tmp_path: Path, language: str, text: str, informative: str
) -> None:
    project = tmp_path / "bad.karar.yaml"
    project.write_text(
        "karar: 1\nmap: builtin:django\nnodes:\n  - path: [A]\n    checked: maybe\n",
        encoding="utf-8",
    )
    win = _window(qtbot, language)
    assert not win.open_path(project)
    box = win.error_box
    assert (box.text(), box.informativeText()) == (text, informative)
    assert box.detailedText() == f"{project}:5: {informative.split(': ', 1)[1]}"
    box.close()


def test_a_yaml_slip_in_a_project_is_said_in_turkish(qtbot: QtBot, tmp_path: Path) -> None:
    project = tmp_path / "slip.karar.yaml"
    project.write_text("karar: 1\nmap: builtin:django\nnodes: [\n", encoding="utf-8")
    win = _window(qtbot, "tr")
    assert not win.open_path(project)
    assert (
        win.error_box.informativeText() == "Satır 4: geçerli YAML değil: beklenen değer bulunamadı"
    )
    win.error_box.close()


def test_a_map_a_project_names_that_is_gone_is_said_in_turkish(
    qtbot: QtBot, tmp_path: Path
) -> None:
    project = tmp_path / "p.karar.yaml"
    project.write_text("karar: 1\nmap: gone.mmd\nnodes: []\n", encoding="utf-8")
    win = _window(qtbot, "tr")
    assert not win.open_path(project)
    assert win.error_box.informativeText() == (
        f"Satır 2: “gone.mmd” haritası ({tmp_path / 'gone.mmd'}): böyle bir dosya yok"
    )
    win.error_box.close()


def test_an_image_that_cannot_be_written_is_said_in_turkish(
    qtbot: QtBot, tmp_path: Path, boxes: list[tuple[str, str]]
) -> None:
    from karar.ui.exportdialog import ExportOptions

    blocker = tmp_path / "file"
    blocker.write_text("x\n", encoding="utf-8")
    out = blocker / "map.png"
    win = _window(qtbot, "tr")
    assert win.open_map(None)
    options = ExportOptions(
        out, "png", "all", 0, 96, PagesKind.FIT, "A4", Orientation.PORTRAIT, False, "light"
    )
    win.outputs.write_image(options)
    assert boxes == [
        (f"Resim dışa aktarılamadı: {out}: PNG dosyası yazılamıyor: Bir klasör değil", "")
    ]
    i18n.install("en")
    win.outputs.write_image(options)
    assert boxes[1] == (
        f"Could not export the image: {out}: cannot write the PNG file: Not a directory",
        "",
    )


def test_a_read_only_snapshot_is_said_in_turkish(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: list[tuple[str, str]]
) -> None:
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "snapshot.md"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o444)  # marked read-only: Karar does not write over it

    def save_here(dialog: QFileDialog) -> int:
        dialog.selectFile(str(out))
        return int(QFileDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QFileDialog, "exec", save_here)
    win = _window(qtbot, "tr")
    assert win.open_map(None)
    win.commands["export_md"].trigger()
    assert boxes == [(f"{out} yazılamadı: dosya salt okunur", "")]
    assert out.read_text(encoding="utf-8") == "old\n"


def test_a_project_that_cannot_be_saved_is_said_in_turkish(
    qtbot: QtBot, tmp_path: Path, boxes: list[tuple[str, str]]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x\n", encoding="utf-8")
    win = _window(qtbot, "tr")
    assert win.open_map(None)
    target = blocker / "p.karar.yaml"
    assert not win.session._save_to(target)
    assert boxes == [(f"{target}: kaydedilemiyor: Bir klasör değil", "")]
    win.session.mark_clean()


def test_a_recovered_autosave_whose_map_is_gone_is_said_in_turkish(
    qtbot: QtBot, tmp_path: Path, boxes: list[tuple[str, str]]
) -> None:
    from karar.ui.recovery import recovery_dir

    win = _window(qtbot, "tr")
    assert win.open_map(None)
    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / "lost-1-1.karar.yaml"
    gone = tmp_path / "gone.mmd"
    copy.write_text(
        f"karar: 1\nmap: {gone}\nrecovery:\n  of: {tmp_path / 'p.karar.yaml'}\n"
        "  saved: '2026-12-01T10:00:00'\nnodes: []\n",
        encoding="utf-8",
    )
    try:
        assert win.session.offer_recovery() is None
    finally:
        copy.unlink(missing_ok=True)
    assert boxes[0][0] == "Karar kapanırken p.karar.yaml kaydedilmemişti."
    assert boxes[1] == (
        f"{copy}:2: “{gone}” haritası ({gone}): böyle bir dosya yok",
        "",
    )


# ---------------------------------------------------------------------- merging


def _tally(folder: Path, name: str, who: str, state: str) -> Path:
    path = folder / f"{name}.karar.yaml"
    path.write_text(
        f"karar: 1\nmap: m.mmd\nparticipants: [{who}]\nnodes:\n"
        f"  - path: [Stack, PostgreSQL]\n    {state}\n    by: Ece\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "tr",
            "{two}:5: Stack / PostgreSQL düğümünü reddedilmiş sayıyor, ama {one} onu seçilmiş "
            "saymış: önce sayımlardan birinde bu çelişkiyi giderin",
        ),
        (
            "en",
            "{two}:5: decides Stack / PostgreSQL as rejected, but {one} decided it as chosen: "
            "settle it in one of the tallies first",
        ),
    ],
)
def test_tallies_in_conflict_are_said_in_the_windows_language(
    qtbot: QtBot, tmp_path: Path, language: str, said: str
) -> None:
    from karar.ui.mergedialog import MergeDialog

    make_app()
    i18n.install(language)
    (tmp_path / "m.mmd").write_text("mindmap\n  Stack\n    PostgreSQL\n", encoding="utf-8")
    one = _tally(tmp_path, "one", "a", "checked: true")
    two = _tally(tmp_path, "two", "b", "status: rejected")
    dialog = MergeDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    dialog.add_files([one, two])
    assert dialog.merge_button.isEnabled()
    assert dialog.write() is None
    assert dialog.summary.text() == said.format(one=one, two=two)
    assert not dialog.merge_button.isEnabled()


def test_an_unreadable_file_in_the_merge_says_why_in_turkish(qtbot: QtBot, tmp_path: Path) -> None:
    from karar.ui.mergedialog import MergeDialog

    make_app()
    i18n.install("tr")
    good = tmp_path / "ayse.karar.yaml"
    good.write_text("karar: 1\nmap: builtin:django\nnodes: []\n", encoding="utf-8")
    bad = tmp_path / "can.karar.yaml"
    bad.write_text("karar: 2\nmap: builtin:django\n", encoding="utf-8")
    dialog = MergeDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    dialog.add_files([good, bad])
    newer = (
        "daha yeni bir Karar sürümüyle yazılmış (biçim 2; bu sürüm en çok 1 biçimini "
        "okuyabilir): açmak için Karar'ı güncelleyin"
    )
    assert dialog.files.topLevelItem(1).text(4) == f"⚠ {newer}"  # type: ignore[union-attr]
    assert dialog.summary.text() == f"can.karar.yaml: {newer}"
