"""The progress dialog of long work in the window (exports, and later the report and
printing): a :data:`karar.core.progress.Progress` callback that shows a
``QProgressDialog`` with Cancel once the work has lasted half a second, and keeps the
window responsive by handling events between steps.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from karar.core.progress import Progress

MINIMUM_DURATION_MS = 500
"""Work shorter than this shows no dialog at all."""


@contextmanager
def progress_dialog(parent: QWidget, title: str, label: str) -> Iterator[Progress]:
    """A progress callback for the work done inside the ``with`` block.

    The dialog (window-modal, object name ``progress-dialog``) appears once the work has
    lasted :data:`MINIMUM_DURATION_MS`; the callback returns False once the user pressed
    Cancel (or Esc), and the work is expected to stop and write nothing.

    Args:
        parent: The window the dialog belongs to.
        title: The dialog's title (``Export Image``).
        label: What is being done (``Drawing the picture…``).
    """
    cancel = QCoreApplication.translate("Progress", "&Cancel")
    dialog = QProgressDialog(label, cancel, 0, 0, parent)
    dialog.setObjectName("progress-dialog")
    dialog.setWindowTitle(title)
    dialog.setMinimumWidth(dialog.fontMetrics().horizontalAdvance("x") * 48)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(MINIMUM_DURATION_MS)
    dialog.setValue(0)  # starts the clock of the minimum duration

    def tell(done: int, total: int) -> bool:
        if dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(done, total))
        QCoreApplication.processEvents()
        return not dialog.wasCanceled()

    try:
        yield tell
    finally:
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()
