"""What leaves the window: the Markdown decision snapshot, pictures (PNG, SVG, PDF) and
printing, each showing the map as the window shows it now."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtWidgets import QCheckBox, QDialog, QFileDialog, QGridLayout

from karar.core.errors import KararError
from karar.core.pathnames import shown
from karar.ui import i18n
from karar.ui.messages import reason_text, system_reason
from karar.ui.plaintext import warn

if TYPE_CHECKING:
    from karar.core.adr import RecordsError, RecordsPlan
    from karar.ui.exportdialog import ExportOptions
    from karar.ui.mainwindow import MainWindow
    from karar.ui.printpreview import PrintOptions


class Outputs(QObject):
    """The File menu's export and print commands for one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def _ask_path(self, title: str, suffix: str, filters: str) -> str:
        """Ask where to write, starting next to the project (or the map) with its name
        plus ``suffix``; '' when the user cancels."""
        doc = self.window.document
        base = Path(doc.project.path or doc.path or "django.md")
        start = base.with_name(base.name.split(".")[0] + suffix)
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(start), filters)
        return path

    def snapshot_dialog(self) -> tuple[QFileDialog, QCheckBox]:
        """The save dialog of File › Export Decision Snapshot (not shown yet) and its
        "Decisions only" check box, checked when the view shows only decisions now."""
        doc = self.window.document
        base = Path(doc.project.path or doc.path or "django.md")
        start = base.with_name(base.name.split(".")[0] + "-decisions.md")
        all_files = self.tr("All files")  # lupdate reads no call inside an f-string
        filters = f"Markdown (*.md);;{all_files} (*)"
        title = self.tr("Export Decision Snapshot")
        dialog = QFileDialog(self.window, title, str(start), filters)
        dialog.setObjectName("snapshot-dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("md")
        dialog.selectFile(str(start))
        # Qt's own dialog, not the platform's: only it can carry the check box
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        box = QCheckBox(
            self.tr("&Decisions only: the decided nodes and the branches leading to them")
        )
        box.setObjectName("decisions-only")
        box.setChecked(not self.window.map_scene.filter.folds_apply)
        layout = dialog.layout()
        if isinstance(layout, QGridLayout):
            layout.addWidget(box, layout.rowCount(), 0, 1, layout.columnCount())
        return dialog, box

    @Slot()
    def export_snapshot(self) -> None:
        """Write the decision snapshot (Markdown) to a file the user picks, the whole map
        or only the decisions."""
        from karar.core.atomic import write_atomic
        from karar.core.report import markdown_snapshot

        doc = self.window.document
        if doc.root is None:
            return
        dialog, box = self.snapshot_dialog()
        try:
            if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
                return
            path = dialog.selectedFiles()[0]
            decisions_only = box.isChecked()
        finally:
            dialog.deleteLater()
        text = markdown_snapshot(
            doc.mindmap,
            entries=dict(doc.map_state.entries()),
            decisions_only=decisions_only,
            lang=i18n.current_language(),  # the window's words (the command line's: English)
        )
        try:
            write_atomic(Path(path), text.encode("utf-8"))
        except OSError as err:
            reason = shown(system_reason(err.strerror or str(err)))
            warn(
                self.window,
                self.tr("Could not write {path}: {reason}").format(path=shown(path), reason=reason),
            )
            return
        written = self.tr("Decision snapshot written to {path}").format(path=path)
        self.window.statusBar().showMessage(written, 6000)

    @Slot()
    def export_records(self) -> None:
        """Write the decision records (MADR, one per decided question) into a folder the
        user picks; the summary goes to the status bar, a refusal to a warning."""
        from karar.core.adr import RecordsError
        from karar.core.adr import export_records as write_folder

        doc = self.window.document
        if doc.root is None:
            return
        base = doc.project.path or doc.path
        start = Path(base).parent if base else Path.home()
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Export Decision Records"), str(start)
        )
        if not folder:
            return
        try:
            plan = write_folder(Path(folder), doc.mindmap, dict(doc.map_state.entries()))
        except RecordsError as err:
            could_not = self.tr("Could not export the decision records: {reason}")
            warn(self.window, could_not.format(reason=self.records_error_text(err)))
            return
        self.window.statusBar().showMessage(self.records_summary(plan, shown(folder)), 8000)

    def records_summary(self, plan: RecordsPlan, folder: str) -> str:
        """What writing the records did, in the window's language (the command line says
        :meth:`RecordsPlan.summary`)."""
        records = self.tr("%n decision record(s)", "", len(plan.records))
        parts = [
            text
            for count, text in (
                (plan.new, self.tr("%n new", "", plan.new)),
                (plan.updated, self.tr("%n updated", "", plan.updated)),
                (plan.removed, self.tr("%n removed", "", plan.removed)),
            )
            if count
        ]
        done = ", ".join(parts) if parts else self.tr("unchanged")
        return self.tr("{folder}: {records} ({done})").format(
            folder=folder, records=records, done=done
        )

    def records_error_text(self, err: RecordsError) -> str:
        """Why the records could not be written, in the window's language."""
        path, reason = shown(err.path), shown(system_reason(err.reason))
        texts = {
            "foreign": self.tr("{path}: not written by Karar, not overwritten"),
            "not-folder": self.tr("{path}: is a file, not a folder"),
            "read-folder": self.tr("{path}: cannot read the folder: {reason}"),
            "create-folder": self.tr("{path}: cannot create the folder: {reason}"),
            "write": self.tr("{path}: cannot write: {reason}"),
            "remove": self.tr("{path}: cannot remove: {reason}"),
        }
        text = texts.get(err.code)
        return text.format(path=path, reason=reason) if text else shown(str(err))

    def notice_text(self, notice: str) -> str:
        """A notice of :func:`karar.ui.export.export_image` in the window's language
        (its English text when it is not one the window knows)."""
        from karar.ui.export import Notice

        if not isinstance(notice, Notice):
            return notice
        p = notice.params

        def number(key: str) -> str:
            return i18n.locale().toString(int(str(p[key])))

        if notice.code == "scaled":
            text = self.tr(
                "The picture would be {longest} px long; scaled to {limit} px "
                "(export SVG or PDF for a sharper picture of a map this size)"
            )
            return text.format(longest=number("longest"), limit=number("limit"))
        if notice.code == "tiles":
            tiles = self.tr("%n tile(s)", "", int(str(p["tiles"])))
            text = self.tr(
                "Wrote the {width} × {height} px picture as {tiles} ({rows} × {cols}, {first} …)"
            )
            return text.format(
                width=number("width"),
                height=number("height"),
                tiles=tiles,
                rows=p["rows"],
                cols=p["cols"],
                first=p["first"],
            )
        if notice.code == "pages":
            kinds = {
                "fit": self.tr("fitted"),
                "poster": self.tr("poster"),
                "branches": self.tr("a page per branch"),
            }
            wrote = self.tr("Wrote %n page(s) ({kind})", "", int(str(p["pages"])))
            kind = str(p["kind"])
            return wrote.format(kind=kinds.get(kind, kind))
        return notice

    @Slot()
    def export_report(self) -> None:
        """Write the decision document (questions, choices, notes) as PDF or as one
        self-contained HTML file, whichever the file name the user picks ends with."""
        from karar.ui.reportpdf import write_report

        doc = self.window.document
        if doc.root is None:
            return
        path = self._ask_path(
            self.tr("Export Decision Report"), "-decisions.pdf", "PDF (*.pdf);;HTML (*.html *.htm)"
        )
        if not path:
            return
        suffix = Path(path).suffix.lower()
        if suffix not in (".pdf", ".html", ".htm"):
            path, suffix = path + ".pdf", ".pdf"
        entries = dict(doc.map_state.entries())
        try:
            write_report(
                doc.mindmap,
                doc.project,
                entries,
                Path(path),
                "pdf" if suffix == ".pdf" else "html",
                project_name=doc.project.path.name if doc.project.path else "",
                lang=i18n.current_language(),
            )
        except (KararError, OSError) as err:
            could_not = self.tr("Could not export the decision report: {reason}")
            warn(self.window, could_not.format(reason=reason_text(err)))
            return
        written = self.tr("Decision report written to {path}").format(path=path)
        self.window.statusBar().showMessage(written, 8000)

    @Slot()
    def merge_participants(self) -> None:
        """File › Merge Participants…: tally participants' files and open the tally."""
        from karar.ui.mergedialog import merge_participants

        merge_participants(self.window)

    @Slot()
    def print_dialog(self) -> None:
        """Show the print preview with its page options (pages, scope, paper, orientation,
        theme); its Print button asks for a printer and prints the pages shown."""
        from PySide6.QtPrintSupport import QPrinter

        from karar.ui.printpreview import PrintPreview

        if self.window.document.root is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.window.document.title)
        if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
            # Qt's own dialog names the PDF after the title minus its "extension", which
            # cuts "(v1.5)" to "(v1": name it ourselves. That switches the printer to PDF;
            # switch back so the system's printer stays the dialog's first choice (the name
            # only serves "Print to File").
            destination = printer.outputFormat()
            printer.setOutputFileName(str(self.print_file_name()))
            printer.setOutputFormat(destination)
        dialog = PrintPreview(self.window, printer)
        try:
            if dialog.exec() != PrintPreview.DialogCode.Accepted:
                return
            if dialog.cancelled:
                said = self.tr("Printing cancelled: nothing was printed")
            else:
                said = self.tr("The map was sent to the printer")
            self.window.statusBar().showMessage(said, 6000)
        finally:
            dialog.deleteLater()

    def print_file_name(self) -> Path:
        """Where "Print to File" writes by default: beside the project (or the map; the
        home folder for the built-in map), named after the map's title."""
        doc = self.window.document
        base = self.window.session.project.path or doc.path
        folder = Path(base).parent if base else Path.home()
        return folder / f"{_safe_file_name(doc.title)}.pdf"

    def print_to(self, printer: QPagedPaintDevice, options: PrintOptions | None = None) -> None:
        """Print the map on ``printer`` with ``options`` (None: the defaults, the map as
        shown now on one page in the light theme), as the print preview would."""
        from karar.ui.printpreview import PrintJob
        from karar.ui.printpreview import PrintOptions as _Options

        if self.window.document.root is None:
            return
        if PrintJob(self.window, options or _Options()).paint(printer):
            self.window.statusBar().showMessage(self.tr("The map was sent to the printer"), 6000)

    @Slot()
    def export_image(self) -> None:
        """File › Export Image…: ask for the options (:mod:`karar.ui.exportdialog`), then
        write the picture with a progress dialog; a PNG too large for one file is offered
        as tiles."""
        from PySide6.QtWidgets import QMessageBox

        from karar.ui.export import MAX_PIXELS, PictureTooLargeError
        from karar.ui.exportdialog import ExportDialog

        doc = self.window.document
        if doc.root is None:
            return
        base = Path(doc.project.path or doc.path or "django.md")
        proposed = base.with_name(base.name.split(".")[0] + ".png")
        branches = [" ".join(child.label.split()) for child in doc.root.children]
        dialog = ExportDialog(self.window, proposed, branches, self.window.map_scene.theme.name)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            options = dialog.options()
        finally:
            dialog.deleteLater()
        try:
            self.write_image(options)
        except PictureTooLargeError as big:
            number = i18n.locale().toString
            question = self.tr(
                "The picture is {width} × {height} px, beyond {limit} px: save as {tiles} tiles?"
            ).format(
                width=number(big.width),
                height=number(big.height),
                limit=number(MAX_PIXELS),
                tiles=big.tiles,
            )
            answer = QMessageBox.question(
                self.window,
                self.tr("Export Image"),
                question,
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Save:
                self.write_image(options, tiles=True)

    def write_image(self, options: ExportOptions, *, tiles: bool = False) -> None:
        """Write the picture ``options`` ask for, showing progress; say how it went in the
        status bar, or in a warning.

        Raises:
            PictureTooLargeError: A PNG too large for one file, and not ``tiles``.
        """
        from karar.core.pages import PageSetup
        from karar.core.progress import CancelledError
        from karar.ui.export import PictureTooLargeError, export_image
        from karar.ui.pages import window_header
        from karar.ui.progress import progress_dialog

        doc = self.window.document
        shown_now = options.scope == "folded"
        try:
            drawing = self.tr("Drawing {name}…").format(name=options.path.name)
            with progress_dialog(self.window, self.tr("Export Image"), drawing) as progress:
                notice = export_image(
                    doc.mindmap,
                    options.path,
                    options.fmt,
                    project=doc.project,
                    layout=self.window.map_scene.kind.value,
                    theme=options.theme,
                    view_filter=self.window.map_scene.filter if shown_now else None,
                    folded=doc.folded if shown_now else None,
                    scope=options.as_scope(),
                    dpi=options.dpi if options.fmt == "png" else 96,
                    pages=options.pages,
                    paper=PageSetup(paper=options.paper, orientation=options.orientation),
                    transparent=options.transparent,
                    tiles=tiles,
                    progress=progress,
                    header=window_header(doc.mindmap.display_title, doc.project),
                )
        except CancelledError:
            self.window.statusBar().showMessage(
                self.tr("Export cancelled: nothing was written"), 6000
            )
            return
        except PictureTooLargeError:
            raise
        except (KararError, OSError) as err:
            could_not = self.tr("Could not export the image: {reason}")
            warn(self.window, could_not.format(reason=reason_text(err)))
            return
        written = self.tr("Image written to {path}").format(path=options.path)
        self.window.statusBar().showMessage(self.notice_text(notice) if notice else written, 8000)


_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def _safe_file_name(title: str, longest: int = 120) -> str:
    """``title`` as a file name on any system: no separators or reserved characters, no
    leading or trailing dots, dashes and spaces, not too long; "map" for an empty title."""
    name = " ".join(_UNSAFE.sub("-", title).split())[:longest].strip(" .-")
    return name or "map"
