"""The window's small dialogs: why a file could not be opened, About, and the keyboard
shortcuts (generated from the actions, so it always says what the keys do)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import karar
from karar.core.errors import KararError, LocatedError
from karar.core.pathnames import shown
from karar.ui.actions import Actions, shortcuts_html
from karar.ui.messages import message_text
from karar.ui.plaintext import error_text, file_name, message_box


def error_box(parent: QWidget, err: KararError) -> QMessageBox:
    """A message box saying why a map or project could not be opened (not yet shown), in
    the window's language.

    Everything in it is plain text: the file's name and the message quote the file."""
    if isinstance(err, LocatedError):
        name = file_name(err.path) if err.path else QCoreApplication.translate("Dialogs", "the map")
        line = QCoreApplication.translate("Dialogs", "Line {line}: ")
        where = line.format(line=err.line) if err.line is not None else ""
        could_not = QCoreApplication.translate("Dialogs", "Karar could not open {name}.")
        informative = f"{where}{shown(message_text(err.message))}"
        text = could_not.format(name=name)
    else:
        text, informative = (
            QCoreApplication.translate("Dialogs", "Karar could not open the file."),
            error_text(err),
        )
    box = message_box(parent, QMessageBox.Icon.Critical, text, informative)
    box.setDetailedText(error_text(err))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def about(parent: QWidget) -> None:
    """Show the About box."""
    QMessageBox.about(
        parent,
        QCoreApplication.translate("Dialogs", "About Karar"),
        f"<h3>Karar {karar.__version__}</h3><p>"
        + QCoreApplication.translate(
            "Dialogs", "A desktop explorer for decision trees written as Mermaid mind maps."
        )
        + "</p>",
    )


def shortcuts(parent: QWidget, actions: Actions) -> QDialog:
    """The keyboard shortcuts dialog (not yet shown)."""
    dialog = QDialog(parent)
    dialog.setObjectName("shortcuts-dialog")
    dialog.setWindowTitle(QCoreApplication.translate("Dialogs", "Keyboard Shortcuts"))
    text = QTextBrowser(dialog)
    text.setHtml(shortcuts_html(actions))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    column = QVBoxLayout(dialog)
    column.addWidget(text)
    column.addWidget(buttons)
    dialog.resize(560, 640)
    return dialog
