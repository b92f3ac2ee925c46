"""The presenter view: where the system has two screens, the projector shows the map and
the laptop a window with the current and the next step, the selected node's note and the
list of steps (click one to go there).

Which screen is which is a pure function, :func:`choose_screens`: the projector is the
largest screen that is not the primary one (the laptop's own panel is the primary on
every desktop that knows better), the laptop is the primary.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QWidget,
)

from karar.core.labels import plain_text
from karar.core.model import Node
from karar.core.notes import RenderedNote
from karar.ui.notepreview import NoteRenderer, padded_code_blocks, preview_style_sheet

if TYPE_CHECKING:
    from karar.ui.present import Presentation

#: how many of a step's sub-branches its card lists
CARD_LINES = 8


class ScreenInfo(NamedTuple):
    """What :func:`choose_screens` needs to know of a screen."""

    name: str
    width: int
    height: int
    primary: bool


def choose_screens(screens: Sequence[ScreenInfo]) -> tuple[int, int] | None:
    """The indexes of (projector, laptop) among ``screens``, None with fewer than two.

    The laptop is the primary screen (the first if none is marked); the projector is the
    largest of the others (by area; the first of equals).
    """
    if len(screens) < 2:
        return None
    laptop = next((i for i, s in enumerate(screens) if s.primary), 0)
    others = [i for i in range(len(screens)) if i != laptop]
    projector = max(others, key=lambda i: (screens[i].width * screens[i].height, -i))
    return projector, laptop


def screen_infos() -> tuple[list[QScreen], list[ScreenInfo]]:
    """The system's screens, and what :func:`choose_screens` reads of them."""
    screens = QGuiApplication.screens()
    primary = QGuiApplication.primaryScreen()
    infos = [
        ScreenInfo(s.name(), s.geometry().width(), s.geometry().height(), s is primary)
        for s in screens
    ]
    return screens, infos


def _label(node: Node) -> str:
    return plain_text(node.label, node.markdown)


def numbered(step: int, title: str) -> str:
    """``title`` with its step number in front, unless it starts with it already (as the
    built-in map's branches do: "3. Veri Katmanı")."""
    return title if title.startswith(f"{step}.") else f"{step}. {title}"


class StepCard(QFrame):
    """One step as the presenter sees it: its title and its sub-branches."""

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(heading, self)
        self.heading.setStyleSheet("font-size: 13px; color: palette(placeholder-text);")
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 22px; font-weight: 600;")
        self.outline = QLabel(self)
        self.outline.setWordWrap(True)
        self.outline.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid = QGridLayout(self)
        grid.addWidget(self.heading, 0, 0)
        grid.addWidget(self.title, 1, 0)
        grid.addWidget(self.outline, 2, 0)
        grid.setRowStretch(2, 1)

    def show_step(self, heading: str, title: str, lines: Sequence[str]) -> None:
        """Show a step's ``heading`` ("Now — step 2 of 33"), ``title`` and the ``lines``
        under it."""
        self.heading.setText(heading)
        self.title.setText(title)
        self.outline.setText("\n".join(f"• {line}" for line in lines))


class PresenterWindow(QWidget):
    """The laptop's window while presenting (see the module docstring).

    Args:
        presentation: The presentation it follows and steers.
    """

    def __init__(self, presentation: Presentation) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.presentation = presentation
        window = presentation.window
        self.setObjectName("presenter")
        self.current = StepCard("", self)
        self.next = StepCard("", self)
        self.note_title = QLabel(self)
        self.note_title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.note = QTextBrowser(self)
        self.note.setOpenExternalLinks(False)
        sheet, self._code_background = preview_style_sheet(self.palette())
        self.note.document().setDefaultStyleSheet(sheet)
        self.steps = QListWidget(self)
        self.steps.itemClicked.connect(self._on_steps_item_clicked)
        self.renderer = NoteRenderer(self)
        self.renderer.rendered.connect(self._on_renderer_rendered)
        grid = QGridLayout(self)
        grid.addWidget(self.current, 0, 0)
        grid.addWidget(self.next, 0, 1)
        grid.addWidget(self.note_title, 1, 0, 1, 2)
        grid.addWidget(self.note, 2, 0, 1, 2)
        grid.addWidget(self.steps, 0, 2, 3, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        grid.setRowStretch(2, 1)
        presentation.step_changed.connect(self._on_presentation_step_changed)
        window.map_scene.selection_changed.connect(self._on_scene_selection_changed)
        window.document.decisions_changed.connect(self._on_document_decisions_changed)
        self.refresh()

    def step_title(self, step: int) -> str:
        """What the step list calls step ``step``."""
        branches = self.presentation.branches()
        if step == 0:
            return QCoreApplication.translate("Presentation", "Overview")
        return _label(branches[step - 1]) if step <= len(branches) else ""

    def _lines(self, step: int) -> list[str]:
        branches = self.presentation.branches()
        kids = branches if step == 0 else list(branches[step - 1].children)
        lines = [_label(n) for n in kids[:CARD_LINES]]
        if len(kids) > CARD_LINES:
            more = self.tr("… and %n more", "", len(kids) - CARD_LINES)
            lines.append(more)
        return lines

    def refresh(self) -> None:
        """Show the presentation's step, the next one, the note and the step list, in the
        window's language."""
        presentation = self.presentation
        step, steps = presentation.step, presentation.steps
        self.setWindowTitle(QCoreApplication.translate("Presentation", "Karar — Presenter"))
        self.current.show_step(
            QCoreApplication.translate("Presentation", "Now — step {step} of {steps}").format(
                step=step, steps=steps
            ),
            self.step_title(step),
            self._lines(step),
        )
        if step < steps:
            self.next.show_step(
                QCoreApplication.translate("Presentation", "Next — step {step}").format(
                    step=step + 1
                ),
                self.step_title(step + 1),
                self._lines(step + 1),
            )
        else:
            self.next.show_step(
                QCoreApplication.translate("Presentation", "Next"),
                QCoreApplication.translate("Presentation", "The end"),
                [],
            )
        titles = [
            numbered(k, self.step_title(k)) if k else self.step_title(0) for k in range(steps + 1)
        ]
        if [self.steps.item(k).text() for k in range(self.steps.count())] != titles:
            self.steps.clear()
            for k, title in enumerate(titles):
                item = QListWidgetItem(title)
                item.setData(Qt.ItemDataRole.UserRole, k)
                self.steps.addItem(item)
        self.steps.setCurrentRow(step)
        self._show_note()

    def _node(self) -> Node | None:
        window = self.presentation.window
        return window.map_scene.selected or presentation_focus_or_root(self.presentation)

    def _show_note(self) -> None:
        node = self._node()
        if node is None:
            self.note_title.setText("")
            self.note.setHtml("")
            return
        self.note_title.setText(
            QCoreApplication.translate("Presentation", "Note — {label}").format(label=_label(node))
        )
        text = self.presentation.window.document.note(node)
        if not text.strip():
            no_note = QCoreApplication.translate("Presentation", "No note.")
            self.note.setHtml(f"<p><i>{html.escape(no_note)}</i></p>")
            return
        result = self.renderer.render(text)
        if result is not None:
            self._show_html(result)

    def _show_html(self, result: RenderedNote) -> None:
        self.note.setHtml(padded_code_blocks(result.html, self._code_background))

    @Slot(str, object)
    def _on_renderer_rendered(self, text: str, result: object) -> None:
        node = self._node()
        document = self.presentation.window.document
        if node is not None and isinstance(result, RenderedNote) and text == document.note(node):
            self._show_html(result)

    @Slot(QListWidgetItem)
    def _on_steps_item_clicked(self, item: QListWidgetItem) -> None:
        self.presentation.go(int(item.data(Qt.ItemDataRole.UserRole)))

    @Slot(int)
    def _on_presentation_step_changed(self, _step: int) -> None:
        self.refresh()

    @Slot(object)
    def _on_scene_selection_changed(self, _node: object) -> None:
        self._show_note()

    @Slot(object)
    def _on_document_decisions_changed(self, _nodes: object) -> None:
        self._show_note()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.renderer.cancel()
        super().closeEvent(event)


def presentation_focus_or_root(presentation: Presentation) -> Node | None:
    """The branch in focus, else the root."""
    return presentation.focus or presentation.window.document.root
