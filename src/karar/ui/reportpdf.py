"""The decision document as PDF: the HTML of :mod:`karar.core.decision_report`, printed by Qt.

Qt's rich text (``QTextDocument``) lays the same HTML out in pages the size of A4 less the
margins (at 96 px per inch, as on screen) and each page is painted into a ``QPdfWriter``,
scaled to its resolution, with its number at the foot. (``QTextDocument.print_`` would do
the paging too, but lays tables out a third narrower than the page.) The text stays real,
selectable text and links in notes stay clickable. A bookmark per branch is appended to
Qt's file (:func:`with_bookmarks`). Runs without a display; the file is written atomically
(:func:`karar.ui.export.write_atomically`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from karar.ui.export import ExportError, write_atomically

if TYPE_CHECKING:
    from PySide6.QtGui import QPdfWriter, QTextDocument

MARGIN_MM = 18.0
"""The page margins, all four sides, in millimetres."""


def report_pdf(
    document_html: str,
    out: Path,
    *,
    title: str = "",
    bookmarks: Sequence[tuple[str, str]] = (),
) -> None:
    """Print ``document_html`` (the decision document) to the PDF file ``out``, on A4.

    Args:
        document_html: The document, as :func:`karar.core.decision_report.decision_report_html`
            makes it.
        out: The file to write.
        title: The PDF's title (its metadata).
        bookmarks: (anchor name, title) of the PDF's bookmarks, in order: each points at
            the page holding the anchor (an anchor not in the document is left out).

    Raises:
        ExportError: The file cannot be written.
    """
    from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    if QCoreApplication.instance() is None and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a PDF never needs a display
    from karar.ui.measure import FONT_FAMILIES
    from karar.ui.qtapp import ensure_app

    ensure_app()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Karar")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(10.5)
    document.setDefaultFont(font)
    document.setHtml(document_html)
    height = _paint_pages(document, writer)
    data = bytes(buffer.data().data())
    if not data.startswith(b"%PDF"):
        raise ExportError(f"{out}: cannot write the PDF file")
    if bookmarks:
        pages = _anchor_pages(document, height)
        marks = [(name, pages[anchor]) for anchor, name in bookmarks if anchor in pages]
        data = with_bookmarks(data, marks)
    write_atomically(out, "PDF", data)


_LAYOUT_DPI = 96.0
_FOOTER_PX = 28.0  # room under each page's text for its number


def _paint_pages(document: QTextDocument, writer: QPdfWriter) -> float:
    """Lay ``document`` out in pages of ``writer``'s text rect and paint them, numbered.

    Returns:
        The height of a page in the document's layout (px at 96 per inch).
    """
    from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
    from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QFont, QPainter, QPalette

    scale = writer.resolution() / _LAYOUT_DPI
    width = writer.width() / scale
    height = writer.height() / scale - _FOOTER_PX
    document.setPageSize(QSizeF(width, height))
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError("cannot start the PDF file")
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, QColor("#1d1d1f"))
    for page in range(pages):
        if page:
            writer.newPage()
        painter.save()
        painter.scale(scale, scale)
        painter.translate(QPointF(0, -page * height))
        view = QRectF(0, page * height, width, height)
        painter.setClipRect(view)
        context.clip = view
        document.documentLayout().draw(painter, context)
        painter.restore()
        painter.save()
        painter.scale(scale, scale)
        painter.setPen(QColor("#555555"))
        small = QFont(document.defaultFont())
        small.setPixelSize(11)
        painter.setFont(small)
        foot = QRectF(0, height, width, _FOOTER_PX)
        painter.drawText(
            foot,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
            f"{page + 1} / {pages}",
        )
        painter.restore()
    painter.end()
    return height


def _anchor_pages(document: QTextDocument, height: float) -> dict[str, int]:
    """The page (from 0) of each anchor of the laid-out ``document``."""
    layout = document.documentLayout()
    pages: dict[str, int] = {}
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            for name in it.fragment().charFormat().anchorNames():
                pages.setdefault(name, int(layout.blockBoundingRect(block).top() // height))
            it += 1
        block = block.next()
    return pages


def with_bookmarks(pdf: bytes, marks: Sequence[tuple[str, int]]) -> bytes:
    """``pdf`` (as Qt's PDF writer makes it) with an outline of ``marks`` (title, page from
    0), opened with the outline shown (:func:`karar.core.pdfoutline.add_outline`).

    Raises:
        ExportError: ``pdf`` is not laid out as Qt writes it.
    """
    from karar.core.pdfoutline import add_outline

    try:
        return add_outline(pdf, marks)
    except ValueError as exc:
        raise ExportError(f"cannot add bookmarks to the PDF file: {exc}") from None
