"""File › Print: Qt's print preview with Karar's page options, and printing what it shows.

The preview (:class:`PrintPreview`, a ``QPrintPreviewDialog``) carries a strip of the
options ``karar export -o x.pdf`` has: the pages (fit, poster, branches), the scope (the
whole map, the map as folded now, the decisions, one first-level branch), the paper, its
orientation and the theme (light, for paper, unless the user chooses another). Every page,
previewed or printed, is planned by :func:`karar.ui.pages.plan_pages` and drawn by
:func:`karar.ui.pages.paint_pages`, as the PDF export does. The options are remembered
(QSettings, group ``print``) for the next time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Slot
from PySide6.QtGui import QAction, QColor, QPaintEngine
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from karar.core.atomic import write_atomic
from karar.core.filters import ViewFilter
from karar.core.labels import plain_text
from karar.core.pages import PAPERS, Orientation, Page, PageSetup, PagesKind
from karar.core.progress import CancelledError
from karar.core.scope import Scope
from karar.ui.i18n import QT_TRANSLATE_NOOP
from karar.ui.messages import reason_text
from karar.ui.pages import (
    PicturePainter,
    paint_pages,
    plan_pages,
    sheet_orientation,
    window_header,
)
from karar.ui.plaintext import warn
from karar.ui.progress import progress_dialog

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPagedPaintDevice

    from karar.core.progress import Progress
    from karar.ui.mainwindow import MainWindow
    from karar.ui.scene import MapScene

SCREEN = "screen"
"""The theme choice that prints with the window's theme."""

THEMES = ("light", SCREEN, "dark", "contrast")
"""The theme choices, light (for paper) first."""

SCOPES = ("all", "folded", "decisions")
"""The scopes that name no branch; a branch is ``branch:<its title>``."""

_THEME_NAMES = {
    "light": QT_TRANSLATE_NOOP("PrintPreview", "light"),
    "dark": QT_TRANSLATE_NOOP("PrintPreview", "dark"),
    "contrast": QT_TRANSLATE_NOOP("PrintPreview", "high contrast"),
}
"""The window's themes as "As on screen (…)" names them."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrintPreview", text)


@dataclass(frozen=True)
class PrintOptions:
    """What File › Print prints.

    Attributes:
        pages: How the picture is laid on pages.
        scope: ``all``, ``folded`` (the map as folded and filtered now), ``decisions``,
            or ``branch:<title>`` (a first-level branch, named by its title).
        paper: A key of :data:`karar.core.pages.PAPERS`.
        orientation: How the paper is turned.
        theme: ``light``, ``dark``, ``contrast``, or ``screen`` (the window's theme).
    """

    pages: PagesKind = PagesKind.FIT
    scope: str = "folded"
    paper: str = "A4"
    orientation: Orientation = Orientation.AUTO
    theme: str = "light"

    @classmethod
    def load(cls) -> PrintOptions:
        """The options chosen last time (QSettings), each unknown value the default's."""
        settings = QSettings()
        default = cls()

        def value(key: str, choices: tuple[str, ...], fallback: str) -> str:
            text = str(settings.value(f"print/{key}", fallback))
            return text if text in choices else fallback

        scope = str(settings.value("print/scope", default.scope))
        if scope not in SCOPES and not scope.startswith("branch:"):
            scope = default.scope
        return cls(
            pages=PagesKind(value("pages", tuple(PagesKind), default.pages)),
            scope=scope,
            paper=value("paper", tuple(PAPERS), default.paper),
            orientation=Orientation(value("orientation", tuple(Orientation), default.orientation)),
            theme=value("theme", THEMES, default.theme),
        )

    def save(self) -> None:
        """Remember these options for the next time."""
        settings = QSettings()
        for key in ("pages", "scope", "paper", "orientation", "theme"):
            settings.setValue(f"print/{key}", str(getattr(self, key)))


def branch_titles(window: MainWindow) -> list[str]:
    """The first-level branches of the window's map, by title, in order."""
    root = window.document.root
    return [plain_text(b.label, b.markdown) for b in (root.children if root else ())]


class PrintJob:
    """The pictures and the page plan of one set of options, for one window's map.

    Args:
        window: The main window whose map (folds, filter, theme) is printed.
        options: What to print.
    """

    def __init__(self, window: MainWindow, options: PrintOptions) -> None:
        self.window = window
        self.options = options
        self.scene: MapScene | None = None
        self.overview: tuple[MapScene, QRectF] | None = None
        self.pages: list[Page] = []
        self.picture: PicturePainter | None = None
        self._draw()

    def theme(self) -> str:
        """The theme the pages are drawn with."""
        if self.options.theme == SCREEN:
            return self.window.map_scene.theme.name
        return self.options.theme

    def scope(self) -> Scope:
        """The options' scope as :class:`Scope` (a branch no longer there: as folded now)."""
        kind, _, title = self.options.scope.partition(":")
        if kind == "branch":
            titles = branch_titles(self.window)
            return Scope("branch", titles.index(title) + 1) if title in titles else Scope()
        return Scope(kind)

    def _draw(self) -> None:
        from karar.ui.export import picture_scene

        doc = self.window.document
        scope = self.scope()
        theme = self.theme()
        draw = partial(
            picture_scene,
            doc.mindmap,
            project=doc.project,
            layout=self.window.map_scene.kind.value,
            theme=theme,
        )
        if scope.kind == "folded":
            # as the window shows it now: its folds and its filter
            view_filter: ViewFilter | None = self.window.map_scene.filter
            scene, source = draw(folded=doc.folded, view_filter=view_filter)
        else:
            view_filter = scope.view_filter()
            folds = scope.folds()
            scene, source = draw(folded=doc.folded if folds is None else folds, scope=scope)
        if scene is None:
            return
        self.scene = scene
        if self.options.pages is PagesKind.BRANCHES:
            first, rect = draw(expand_level=1, view_filter=view_filter)
            self.overview = (first, rect) if first is not None else None
        if theme == "light":
            # Paper is white: the screen's faint off-white would print as a grey box.
            for picture in (scene, self.overview[0] if self.overview else None):
                if picture is not None:
                    picture.setBackgroundBrush(QColor("white"))
        setup = PageSetup(paper=self.options.paper, orientation=self.options.orientation)
        # what each node paints is read once, for the plan and every drawing of it
        self.picture = PicturePainter(scene)
        self.pages = plan_pages(
            self.options.pages,
            setup,
            scene,
            source,
            self.overview,
            doc.mindmap.display_title,
            self.picture,
        )

    def paint(self, device: QPagedPaintDevice, progress: Progress | None = None) -> bool:
        """Draw the pages on ``device``, all on paper turned one way (a printer's paper
        stays as loaded): the orientation chosen, or for auto the shape of most pages,
        a page of the other shape a quarter turn; False when the map has nothing to draw.
        A printer prints the pages of its page range (the print dialog's "Pages from").
        ``progress`` is told ``(pages done, pages)`` after each page.

        Raises:
            OSError: The device cannot be painted on.
            CancelledError: ``progress`` asked to stop.
        """
        pages = self.pages
        if isinstance(device, QPrinter):
            first, last = device.fromPage(), device.toPage()
            if device.printRange() is QPrinter.PrintRange.PageRange and first > 0:
                pages = pages[first - 1 : last or None]
        if self.scene is None or not pages:
            return False
        doc = self.window.document
        header = window_header(doc.mindmap.display_title, doc.project)
        overview = self.overview[0] if self.overview is not None else self.scene
        sheet = sheet_orientation(self.pages, self.options.orientation)
        paint_pages(
            device, pages, self.scene, overview, header, progress, sheet, picture=self.picture
        )
        return True


def _output_file(printer: QPrinter) -> Path | None:
    """The file ``printer`` prints into ("Print to File"), or None."""
    name = printer.outputFileName()
    if name and printer.outputFormat() is QPrinter.OutputFormat.PdfFormat:
        return Path(name)
    return None


class _PaintBlocker(QObject):
    """Swallows the paint events of the widgets it filters."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() is QEvent.Type.Paint


class PrintPreview(QPrintPreviewDialog):
    """The print preview of a window's map, with the page options above Qt's tool bar.

    Changing an option redraws the preview and is remembered; the dialog's Print button
    asks for a printer and prints the pages shown.

    Args:
        window: The main window whose map is printed.
        printer: The printer the pages go to.
    """

    def __init__(self, window: MainWindow, printer: QPrinter) -> None:
        super().__init__(printer, window)
        self.setObjectName("print-preview")
        self.setWindowTitle(QCoreApplication.translate("PrintPreview", "Print Preview — Karar"))
        self.main_window = window
        self._printer = printer  # Qt keeps only a pointer: the printer lives with the dialog
        self.options = PrintOptions.load()
        self.job: PrintJob | None = None
        #: the user cancelled printing in its progress dialog: nothing was printed
        self.cancelled = False
        self._paint_blocker = _PaintBlocker(self)
        preview = self.findChild(QPrintPreviewWidget)
        assert preview is not None
        self.preview = preview
        self._hide_qt_page_setup()
        self.strip = self._options_strip()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.strip)
        # the options first, in the order they are read, before Qt's tool bar
        boxes = (self.pages_box, self.scope_box, self.paper_box, self.orientation_box)
        for before, after in zip(boxes, (*boxes[1:], self.theme_box), strict=True):
            QWidget.setTabOrder(before, after)
        self.pages_box.setFocus()
        self.paintRequested.connect(self._on_paint_requested)
        self.resize(1000, 760)

    def _hide_qt_page_setup(self) -> None:
        """Hide Qt's own portrait/landscape buttons and page setup: every page takes its
        paper and orientation from the plan, so they would change nothing."""
        names = {
            QCoreApplication.translate("QPrintPreviewDialog", text)
            for text in ("Portrait", "Landscape", "Page setup")
        }
        for action in self.findChildren(QAction):
            if action.text() in names:
                action.setVisible(False)

    def _options_strip(self) -> QWidget:
        strip = QWidget(self)
        strip.setObjectName("print-options")
        row = QHBoxLayout(strip)
        row.setContentsMargins(8, 6, 8, 2)
        self.pages_box = self._combo(
            row,
            QCoreApplication.translate("PrintPreview", "P&ages:"),
            "pages",
            [
                (QCoreApplication.translate("PrintPreview", "Fit on one page"), PagesKind.FIT),
                (QCoreApplication.translate("PrintPreview", "Poster, tiled"), PagesKind.POSTER),
                (
                    QCoreApplication.translate("PrintPreview", "A page per branch"),
                    PagesKind.BRANCHES,
                ),
            ],
            self.options.pages,
        )
        scopes = [
            (QCoreApplication.translate("PrintPreview", "Whole map"), "all"),
            (QCoreApplication.translate("PrintPreview", "As folded now"), "folded"),
            (QCoreApplication.translate("PrintPreview", "Decisions"), "decisions"),
        ]
        branch = QCoreApplication.translate("PrintPreview", "Branch: {title}")
        scopes += [(branch.format(title=t), f"branch:{t}") for t in branch_titles(self.main_window)]
        scope_label = QCoreApplication.translate("PrintPreview", "S&cope:")
        self.scope_box = self._combo(row, scope_label, "scope", scopes, self.options.scope)
        # the branch titles are long: the box shows a short one, its list the whole
        self.scope_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.scope_box.setMinimumContentsLength(16)
        self.paper_box = self._combo(
            row,
            QCoreApplication.translate("PrintPreview", "Pape&r:"),
            "paper",
            [(p, p) for p in PAPERS],
            self.options.paper,
        )
        self.orientation_box = self._combo(
            row,
            QCoreApplication.translate("PrintPreview", "&Orientation:"),
            "orientation",
            [
                (QCoreApplication.translate("PrintPreview", "Auto"), Orientation.AUTO),
                (QCoreApplication.translate("PrintPreview", "Portrait"), Orientation.PORTRAIT),
                (QCoreApplication.translate("PrintPreview", "Landscape"), Orientation.LANDSCAPE),
            ],
            self.options.orientation,
        )
        screen = self.main_window.map_scene.theme.name
        screen = _tr(_THEME_NAMES[screen]) if screen in _THEME_NAMES else screen
        as_on_screen = QCoreApplication.translate("PrintPreview", "As on screen ({theme})")
        self.theme_box = self._combo(
            row,
            QCoreApplication.translate("PrintPreview", "T&heme:"),
            "theme",
            [
                (QCoreApplication.translate("PrintPreview", "Light (for paper)"), "light"),
                (as_on_screen.format(theme=screen), SCREEN),
                (QCoreApplication.translate("PrintPreview", "Dark"), "dark"),
                (QCoreApplication.translate("PrintPreview", "High contrast"), "contrast"),
            ],
            self.options.theme,
        )
        row.addStretch(1)
        self.count_label = QLabel(strip)
        self.count_label.setObjectName("page-count")
        row.addWidget(self.count_label)
        return strip

    def _combo(
        self,
        row: QHBoxLayout,
        text: str,
        key: str,
        items: list[tuple[str, str]],
        current: str,
    ) -> QComboBox:
        label = QLabel(text, self)
        box = QComboBox(self)
        box.setObjectName(f"print-{key}")
        label.setBuddy(box)
        for text_shown, data in items:
            box.addItem(text_shown, str(data))
        box.setCurrentIndex(max(0, box.findData(str(current))))
        box.currentIndexChanged.connect(self._on_option_changed)
        row.addWidget(label)
        row.addWidget(box)
        row.addSpacing(8)
        return box

    def chosen(self) -> PrintOptions:
        """The options the strip shows now."""
        return PrintOptions(
            pages=PagesKind(self.pages_box.currentData()),
            scope=str(self.scope_box.currentData()),
            paper=str(self.paper_box.currentData()),
            orientation=Orientation(self.orientation_box.currentData()),
            theme=str(self.theme_box.currentData()),
        )

    def page_count(self) -> int:
        """How many pages the preview shows."""
        return int(self.preview.pageCount())

    @Slot()
    def _on_option_changed(self) -> None:
        self.options = self.chosen()
        self.options.save()
        self.job = None
        self.preview.updatePreview()

    @Slot(QPrinter)
    def _on_paint_requested(self, printer: QPrinter) -> None:
        # the preview paints on a recording of its own; the Print button, on the printer
        printing = printer.paintEngine().type() is not QPaintEngine.Type.Picture
        target, kept = None, None
        if printing:
            self.cancelled = False
            target = _output_file(printer)
            # Qt empties a file it prints into as it starts: a cancelled print puts it back
            try:
                kept = target.read_bytes() if target is not None and target.is_file() else None
            except OSError:
                target = None  # not readable, so not ours to put back or remove
            label = QCoreApplication.translate("PrintPreview", "Printing {title}…")
        else:
            label = QCoreApplication.translate("PrintPreview", "Drawing the preview of {title}…")
        title = QCoreApplication.translate("PrintPreview", "Print")
        label = label.format(title=self.main_window.document.title)
        # the progress dialog handles events between pages: meanwhile the preview must not
        # draw its pages, which are being replaced (Qt would read freed pictures)
        hold = [self.preview, *self.preview.findChildren(QWidget)]
        for widget in hold:
            widget.installEventFilter(self._paint_blocker)
        try:
            with progress_dialog(self, title, label) as progress:
                if self.job is None or self.job.options != self.options:
                    self.job = PrintJob(self.main_window, self.options)
                self.job.paint(printer, progress)
        except CancelledError:
            if printing:
                printer.abort()  # nothing goes to the printer
                self.cancelled = True
                if target is not None:  # nor into the file
                    if kept is None:
                        target.unlink(missing_ok=True)
                    else:
                        write_atomic(target, kept)
        except OSError as err:
            could_not = QCoreApplication.translate("PrintPreview", "Could not print: {reason}")
            warn(self, could_not.format(reason=reason_text(err)))
        finally:
            for widget in hold:
                widget.removeEventFilter(self._paint_blocker)
            self.preview.update()
        if self.job is None:
            return
        #: the print preview's count of the pages it shows
        self.count_label.setText(self.tr("%n page(s)", "", len(self.job.pages)))
