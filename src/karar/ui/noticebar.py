"""The bar above the map that says what is wrong with the map file: the lines Karar reads
differently from Mermaid (dismissable; clicking one selects its node), and a map file that
no longer parses (stays until the file reads again).

Core's warnings and errors are :class:`~karar.core.errors.Message` objects: the bar words
them in the window's language each time it shows them (:mod:`karar.ui.messages`), so a
language switch re-words what it lists.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from karar.core.pathnames import shown
from karar.ui.messages import message_text

MAX_LISTED = 8
"""Warnings listed in the bar; the rest are counted."""


class NoticeBar(QFrame):
    """Warnings about the open map, or the error that keeps its last good version shown.

    Signals:
        line_activated(int): The user clicked the warning about this line of the map file.
        dismissed(): The user closed the warnings (:attr:`dismissed_warnings` has them).
    """

    line_activated = Signal(int)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._error = ""
        self._heading = ""
        self._name = ""
        self._project = ""
        self._project_warnings: list[tuple[int, str]] = []
        self._warnings: list[tuple[int, str]] = []
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.text.linkActivated.connect(self._on_text_link_activated)
        # a long list scrolls: the bar never takes more than a quarter of the window
        self.list_area = QScrollArea(self)
        self.list_area.setObjectName("notice-list")
        self.list_area.setFrameShape(QFrame.Shape.NoFrame)
        self.list_area.setWidgetResizable(True)
        self.list_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_area.setWidget(self.text)
        self.list_area.viewport().setAutoFillBackground(False)  # the bar's tint shows through
        self.text.setAutoFillBackground(False)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(QCoreApplication.translate("NoticeBar", "Hide these warnings"))
        self.close_button.clicked.connect(self._on_close_button_clicked)
        self.dismissed_warnings: list[tuple[int, str]] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        column = QVBoxLayout()
        column.addWidget(self.list_area)
        row.addLayout(column, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    @property
    def error(self) -> str:
        """The error shown ("" for none), in the window's language."""
        return shown(message_text(self._error)) if self._error else ""

    @property
    def warnings(self) -> list[tuple[int, str]]:
        """The warnings shown, as (line, message)."""
        return list(self._warnings)

    def show_warnings(
        self,
        name: str,
        warnings: list[tuple[int, str]],
        project: str = "",
        project_warnings: list[tuple[int, str]] | None = None,
    ) -> None:
        """List the reading problems of map file ``name``, and the values of project file
        ``project`` that were ignored (none of either: hide the bar)."""
        self._name = name
        self._warnings = list(warnings)
        self._project = project
        self._project_warnings = list(project_warnings or [])
        self._refresh()

    @property
    def project_warnings(self) -> list[tuple[int, str]]:
        """The ignored project values shown, as (line, message)."""
        return list(self._project_warnings)

    def show_error(
        self,
        message: str,
        heading: str | None = None,
    ) -> None:
        """Say what is wrong with the map file (by default: it fails to read, and its last
        good version is shown); stays until :meth:`clear_error`. A
        :class:`~karar.core.errors.Message` (:func:`karar.ui.messages.error_message`) is
        worded in the window's language whenever the bar is shown."""
        self._error = message
        self._heading = heading or ""
        self._refresh()

    def clear_error(self) -> None:
        """The map file reads again."""
        self._error = ""
        self._refresh()

    def dismiss(self) -> None:
        """Hide the warnings (an error stays)."""
        self._warnings = []
        self._project_warnings = []
        self._refresh()

    @Slot()
    def _on_close_button_clicked(self) -> None:
        self.dismissed_warnings = self._warnings + self._project_warnings
        self.dismiss()
        self.dismissed.emit()

    def _refresh(self) -> None:
        if self._error:
            self._paint("error")
            heading = self._heading or QCoreApplication.translate(
                "NoticeBar", "The map file has an error; the last good version is shown."
            )
            self.text.setText(f"<b>{html.escape(heading)}</b><br>{html.escape(self.error)}")
            self.close_button.hide()
            self.show()
            self._fit_height()
            return
        if not self._warnings and not self._project_warnings:
            self.hide()
            return
        self._paint("warning")
        parts = []
        if self._warnings:
            n = len(self._warnings)
            said = self.tr("%n line(s) of {name} read differently by Mermaid.", "", n)
            parts.append(
                f"<b>{said.format(name=html.escape(self._name))}</b>"
                + _listed(self._warnings, links=True)
            )
        if self._project_warnings:
            n = len(self._project_warnings)
            said = self.tr(
                "%n value(s) of {project} ignored; the rest of the project is open.", "", n
            )
            parts.append(
                f"<b>{said.format(project=html.escape(self._project))}</b>"
                + _listed(self._project_warnings, links=False)
            )
        self.text.setText("".join(parts))
        self.close_button.show()
        self.show()
        self._fit_height()

    def _height_cap(self) -> int:
        """The most the list may take: a quarter of the window, at least four lines."""
        lines = self.fontMetrics().lineSpacing() * 4
        window = self.window()
        return max(lines, window.height() // 4 if window is not self else 0)

    def _fit_height(self) -> None:
        width = self.list_area.viewport().width() or self.text.width()
        needed = self.text.heightForWidth(width)
        if needed < 0:
            needed = self.text.sizeHint().height()
        self.list_area.setFixedHeight(min(needed, self._height_cap()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        window = self.window()
        if window is not self:
            window.installEventFilter(self)  # a taller or shorter window: another cap
        self._fit_height()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.window() and self.isVisible():
            self._fit_height()
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.close_button.setToolTip(
                QCoreApplication.translate("NoticeBar", "Hide these warnings")
            )
            self._refresh()
        super().changeEvent(event)

    def _paint(self, kind: str) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Window)
        tint = (0xE0, 0x40, 0x30) if kind == "error" else (0xE6, 0x9F, 0x00)
        dark = base.lightness() < 128
        mix = 0.30 if dark else 0.22
        colour = base.toRgb()
        colour.setRgb(
            round(colour.red() + (tint[0] - colour.red()) * mix),
            round(colour.green() + (tint[1] - colour.green()) * mix),
            round(colour.blue() + (tint[2] - colour.blue()) * mix),
        )
        palette.setColor(QPalette.ColorRole.Window, colour)
        self.setPalette(palette)

    @Slot(str)
    def _on_text_link_activated(self, link: str) -> None:
        if link.startswith("line:"):
            self.line_activated.emit(int(link[5:]))


def _listed(warnings: list[tuple[int, str]], *, links: bool) -> str:
    """The first :data:`MAX_LISTED` warnings as a list (lines as links to their nodes)."""
    word = QCoreApplication.translate("NoticeBar", "line {line}")
    items = "".join(
        (
            f"<li><a href='line:{line}'>{word.format(line=line)}</a>: "
            if links
            else f"<li>{word.format(line=line)}: "
        )
        + f"{html.escape(message_text(message))}</li>"
        for line, message in warnings[:MAX_LISTED]
    )
    n = len(warnings)
    more = ""
    if n > MAX_LISTED:
        said = QCoreApplication.translate(
            "NoticeBar", "…and {n} more (karar check lists them all)."
        ).format(n=n - MAX_LISTED)
        more = f"<p>{said}</p>"
    return f"<ul style='margin:2px 0 0 -20px'>{items}</ul>{more}"
