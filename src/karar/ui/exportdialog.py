"""The File › Export Image… dialog: the options of ``karar export`` for a picture (format,
scope, resolution, PDF pages, background, theme) and the file to write, remembered
between uses (QSettings group ``export``, with the last folder).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from karar.core.pages import PAPERS, Orientation, PagesKind
from karar.core.scope import Scope
from karar.ui.i18n import QT_TRANSLATE_NOOP

FORMATS = {
    "png": QT_TRANSLATE_NOOP("ExportDialog", "PNG picture"),
    "svg": QT_TRANSLATE_NOOP("ExportDialog", "SVG drawing"),
    "pdf": QT_TRANSLATE_NOOP("ExportDialog", "PDF document"),
}
SCOPES = {
    "all": QT_TRANSLATE_NOOP("ExportDialog", "The whole map, unfolded"),
    "folded": QT_TRANSLATE_NOOP("ExportDialog", "The map as it is shown now"),
    "decisions": QT_TRANSLATE_NOOP(
        "ExportDialog", "The decisions and the branches leading to them"
    ),
    "branch": QT_TRANSLATE_NOOP("ExportDialog", "One first-level branch"),
}
PAGES = {
    PagesKind.FIT: QT_TRANSLATE_NOOP("ExportDialog", "The map on one page"),
    PagesKind.POSTER: QT_TRANSLATE_NOOP("ExportDialog", "A poster of pages, labels at least 8 pt"),
    PagesKind.BRANCHES: QT_TRANSLATE_NOOP("ExportDialog", "An overview, then a page per branch"),
}
ORIENTATIONS = {
    Orientation.AUTO: QT_TRANSLATE_NOOP("ExportDialog", "By the picture's shape"),
    Orientation.PORTRAIT: QT_TRANSLATE_NOOP("ExportDialog", "Portrait"),
    Orientation.LANDSCAPE: QT_TRANSLATE_NOOP("ExportDialog", "Landscape"),
}
THEMES = {
    "light": QT_TRANSLATE_NOOP("ExportDialog", "Light"),
    "dark": QT_TRANSLATE_NOOP("ExportDialog", "Dark"),
    "contrast": QT_TRANSLATE_NOOP("ExportDialog", "High contrast"),
}
_FILTERS = {"png": "PNG (*.png)", "svg": "SVG (*.svg)", "pdf": "PDF (*.pdf)"}
_GROUP = "export"


@dataclass(frozen=True)
class ExportOptions:
    """What the user asked for.

    Attributes:
        path: The file to write (its suffix is the format's).
        fmt: ``png``, ``svg`` or ``pdf``.
        scope: ``all``, ``folded`` (as the window shows it), ``decisions`` or ``branch``.
        branch: The first-level branch of a ``branch`` scope, 1-based (0 otherwise).
        dpi: The PNG's resolution (96: the map at its on-screen size).
        pages: How a PDF is laid on pages.
        paper: A key of :data:`karar.core.pages.PAPERS`.
        orientation: How the PDF's paper is turned.
        transparent: PNG and SVG without a background.
        theme: ``light``, ``dark`` or ``contrast``.
    """

    path: Path
    fmt: str
    scope: str
    branch: int
    dpi: int
    pages: PagesKind
    paper: str
    orientation: Orientation
    transparent: bool
    theme: str

    def as_scope(self) -> Scope:
        """The :class:`Scope` of these options (``folded`` for the window's view)."""
        return Scope(self.scope, self.branch) if self.scope == "branch" else Scope(self.scope)


def _combo(name: str, items: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for key, text in items.items():
        combo.addItem(QCoreApplication.translate("ExportDialog", text), str(key))
    return combo


def _select(combo: QComboBox, key: object) -> None:
    index = combo.findData(str(key))
    if index >= 0:
        combo.setCurrentIndex(index)


class ExportDialog(QDialog):
    """Asks how and where to export the picture; ``options()`` after it was accepted.

    Args:
        parent: The main window.
        proposed: The file proposed when no folder is remembered (beside the project or the
            map); its suffix is replaced by the format's.
        branches: The first-level branches' names, in order.
        theme: The theme proposed the first time (the window's).
    """

    def __init__(
        self, parent: QWidget | None, proposed: Path, branches: list[str], theme: str
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export-dialog")
        self.setWindowTitle(QCoreApplication.translate("ExportDialog", "Export Image"))
        self._proposed = proposed
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("export-path")
        self.path_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 56)
        browse = QPushButton(QCoreApplication.translate("ExportDialog", "Bro&wse…"))
        browse.setObjectName("export-browse")
        browse.clicked.connect(self._browse)
        self.format_box = _combo("export-format", FORMATS)
        self.scope_box = _combo("export-scope", SCOPES)
        self.branch_box = QComboBox()
        self.branch_box.setObjectName("export-branch")
        for name in branches:  # their labels often carry their number already
            self.branch_box.addItem(name, name)
        if not branches:
            self.scope_box.removeItem(self.scope_box.findData("branch"))
        self.dpi_box = QSpinBox()
        self.dpi_box.setObjectName("export-dpi")
        self.dpi_box.setRange(24, 1200)
        self.dpi_box.setSingleStep(24)
        self.dpi_box.setSuffix(" dpi")
        self.dpi_box.setToolTip(
            QCoreApplication.translate(
                "ExportDialog", "96 dpi draws the map at its size on the screen"
            )
        )
        self.pages_box = _combo("export-pages", {str(k): v for k, v in PAGES.items()})
        self.paper_box = _combo("export-paper", {name: name for name in PAPERS})
        self.orientation_box = _combo(
            "export-orientation", {str(k): v for k, v in ORIENTATIONS.items()}
        )
        self.background_box = _combo(
            "export-background",
            {
                "theme": QT_TRANSLATE_NOOP("ExportDialog", "The theme's"),
                "transparent": QT_TRANSLATE_NOOP("ExportDialog", "Transparent"),
            },
        )
        self.theme_box = _combo("export-theme", THEMES)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        rows: list[tuple[str, QWidget | QHBoxLayout]] = [
            (QT_TRANSLATE_NOOP("ExportDialog", "&File:"), file_row),
            (QT_TRANSLATE_NOOP("ExportDialog", "F&ormat:"), self.format_box),
            (QT_TRANSLATE_NOOP("ExportDialog", "&Scope:"), self.scope_box),
            (QT_TRANSLATE_NOOP("ExportDialog", "&Branch:"), self.branch_box),
            (QT_TRANSLATE_NOOP("ExportDialog", "&Resolution:"), self.dpi_box),
            (QT_TRANSLATE_NOOP("ExportDialog", "&Pages:"), self.pages_box),
            (QT_TRANSLATE_NOOP("ExportDialog", "P&aper:"), self.paper_box),
            (QT_TRANSLATE_NOOP("ExportDialog", "Orie&ntation:"), self.orientation_box),
            (QT_TRANSLATE_NOOP("ExportDialog", "Bac&kground:"), self.background_box),
            (QT_TRANSLATE_NOOP("ExportDialog", "&Theme:"), self.theme_box),
        ]
        for text, field in rows:
            label = QLabel(QCoreApplication.translate("ExportDialog", text))
            label.setBuddy(self.path_edit if field is file_row else field)  # type: ignore[arg-type]
            form.addRow(label, field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(
            QCoreApplication.translate("ExportDialog", "&Export"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.export_button.setObjectName("export-accept")
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self._restore(theme)
        self.format_box.currentIndexChanged.connect(self._on_format_changed)
        self.scope_box.currentIndexChanged.connect(self._enable)
        self.path_edit.editingFinished.connect(self._on_path_edited)
        self.path_edit.textChanged.connect(self._enable)
        self._enable()
        self.path_edit.setFocus()

    @property
    def fmt(self) -> str:
        """The chosen format: ``png``, ``svg`` or ``pdf``."""
        return str(self.format_box.currentData())

    def options(self) -> ExportOptions:
        """The options as the dialog shows them now."""
        scope = str(self.scope_box.currentData())
        return ExportOptions(
            path=self._path(),
            fmt=self.fmt,
            scope=scope,
            branch=self.branch_box.currentIndex() + 1 if scope == "branch" else 0,
            dpi=self.dpi_box.value(),
            pages=PagesKind(self.pages_box.currentData()),
            paper=str(self.paper_box.currentData()),
            orientation=Orientation(self.orientation_box.currentData()),
            transparent=self.fmt != "pdf" and self.background_box.currentData() == "transparent",
            theme=str(self.theme_box.currentData()),
        )

    def accept(self) -> None:
        """Remember the options and the folder, then close."""
        if not self.path_edit.text().strip():
            return
        self.path_edit.setText(str(self._path()))
        self._remember()
        super().accept()

    def _path(self) -> Path:
        """The file to write: the typed one, with the format's suffix when it has none of
        the image suffixes."""
        path = Path(self.path_edit.text().strip()).expanduser()
        if path.suffix.lower().lstrip(".") not in FORMATS:
            path = path.with_name(path.name + "." + self.fmt)
        return path

    def _restore(self, theme: str) -> None:
        settings = QSettings()
        settings.beginGroup(_GROUP)
        _select(self.format_box, settings.value("format", "png"))
        _select(self.scope_box, settings.value("scope", "folded"))
        index = self.branch_box.findData(settings.value("branch", ""))
        self.branch_box.setCurrentIndex(max(index, 0))
        try:
            self.dpi_box.setValue(int(str(settings.value("dpi", 96))))
        except ValueError:
            self.dpi_box.setValue(96)
        _select(self.pages_box, settings.value("pages", PagesKind.FIT.value))
        _select(self.paper_box, settings.value("paper", "A4"))
        _select(self.orientation_box, settings.value("orientation", Orientation.AUTO.value))
        _select(self.background_box, settings.value("background", "theme"))
        _select(self.theme_box, settings.value("theme", theme))
        folder = Path(str(settings.value("folder", "") or self._proposed.parent))
        settings.endGroup()
        if not folder.is_dir():
            folder = self._proposed.parent
        name = self._proposed.with_suffix("." + self.fmt).name
        self.path_edit.setText(str(folder / name))

    def _remember(self) -> None:
        settings = QSettings()
        settings.beginGroup(_GROUP)
        settings.setValue("format", self.fmt)
        settings.setValue("scope", self.scope_box.currentData())
        settings.setValue("branch", self.branch_box.currentData() or "")
        settings.setValue("dpi", self.dpi_box.value())
        settings.setValue("pages", self.pages_box.currentData())
        settings.setValue("paper", self.paper_box.currentData())
        settings.setValue("orientation", self.orientation_box.currentData())
        settings.setValue("background", self.background_box.currentData())
        settings.setValue("theme", self.theme_box.currentData())
        settings.setValue("folder", str(self._path().parent))
        settings.endGroup()

    @Slot()
    def _on_format_changed(self) -> None:
        """The file name follows the format: ``map.png`` becomes ``map.svg``."""
        text = self.path_edit.text().strip()
        if text:
            path = Path(text)
            if path.suffix.lower().lstrip(".") in FORMATS:
                path = path.with_suffix("." + self.fmt)
            self.path_edit.setText(str(path))
        self._enable()

    @Slot()
    def _on_path_edited(self) -> None:
        """The format follows a typed suffix: ``map.pdf`` picks PDF."""
        suffix = Path(self.path_edit.text().strip()).suffix.lower().lstrip(".")
        if suffix in FORMATS and suffix != self.fmt:
            _select(self.format_box, suffix)

    @Slot()
    def _enable(self) -> None:
        """Only the options of the chosen format and scope can be changed."""
        fmt = self.fmt
        self.branch_box.setEnabled(self.scope_box.currentData() == "branch")
        self.dpi_box.setEnabled(fmt == "png")
        for box in (self.pages_box, self.paper_box, self.orientation_box):
            box.setEnabled(fmt == "pdf")
        self.background_box.setEnabled(fmt != "pdf")
        self.export_button.setEnabled(bool(self.path_edit.text().strip()))

    @Slot()
    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ExportDialog", "Export Image"),
            str(self._path()),
            _FILTERS[self.fmt],
        )
        if path:
            self.path_edit.setText(path)
            self._on_path_edited()
