"""The presenter view's parts: which screen is the projector (a pure choice), and what
the laptop's window shows and does (tested on one screen, where it is made directly)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from karar.ui.mainwindow import MainWindow
from karar.ui.presenter import PresenterWindow, ScreenInfo, choose_screens, numbered

LAPTOP = ScreenInfo("eDP-1", 1440, 900, True)
PROJECTOR = ScreenInfo("HDMI-1", 1920, 1080, False)


def test_the_projector_is_the_largest_screen_but_the_primary() -> None:
    assert choose_screens([LAPTOP]) is None
    assert choose_screens([]) is None
    assert choose_screens([LAPTOP, PROJECTOR]) == (1, 0)
    assert choose_screens([PROJECTOR, LAPTOP]) == (0, 1)
    small = ScreenInfo("DP-2", 1024, 768, False)
    assert choose_screens([small, LAPTOP, PROJECTOR]) == (2, 1)
    # the primary is the laptop even when it is the larger screen
    big_laptop = ScreenInfo("eDP-1", 2560, 1600, True)
    assert choose_screens([big_laptop, PROJECTOR]) == (1, 0)
    # nothing marked primary: the first is the laptop
    assert choose_screens([LAPTOP._replace(primary=False), PROJECTOR]) == (1, 0)


def test_step_titles_are_numbered_once() -> None:
    assert numbered(3, "3. Veri Katmanı") == "3. Veri Katmanı"
    assert numbered(3, "Data") == "3. Data"
    assert numbered(1, "12. CI") == "1. 12. CI"


def test_the_presenter_window_follows_and_steers(qtbot: QtBot, window: MainWindow) -> None:
    presentation = window.presentation
    presentation.enter(3)
    presenter = PresenterWindow(presentation)
    presentation.presenter = presenter  # as entering does where there are two screens
    assert presenter.current.title.text() == "3. Veri Katmanı"
    assert presenter.current.heading.text() == "Now — step 3 of 33"
    assert presenter.next.title.text() == "4. API & Entegrasyon Stilleri"
    assert "• Relational DB" in presenter.current.outline.text().split("\n")[0]
    assert presenter.steps.count() == 34 and presenter.steps.currentRow() == 3
    assert presenter.note_title.text() == "Note — 3. Veri Katmanı"
    data = presentation.focus
    assert data is not None
    window.document.set_note(data, "Use **Postgres**")
    assert "Postgres" in presenter.note.toHtml()
    presentation.next_step()
    assert presenter.current.title.text() == "4. API & Entegrasyon Stilleri"
    assert presenter.steps.currentRow() == 4
    item = presenter.steps.item(0)
    presenter.steps.itemClicked.emit(item)
    assert presentation.step == 0
    assert presenter.current.title.text() == "Overview"
    presentation.go(33)
    assert presenter.next.title.text() == "The end"
    # the presentation's keys work from the presenter's window too
    qtbot.keyClick(presenter.steps, Qt.Key.Key_Home)
    assert presentation.step == 0
    presentation.leave()
    assert presentation.presenter is None and not presenter.isVisible()
