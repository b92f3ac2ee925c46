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
    0), opened with the outline shown.

    Qt's writer cannot write an outline. It is added as an incremental update (PDF 32000-1,
    7.5.6): the outline's objects and a new catalog naming it are appended, with their own
    cross-reference section pointing back at Qt's. The file Qt wrote stays as it was, byte
    for byte, in front: no PDF library is needed, and nothing of Qt's output is rewritten.

    Raises:
        ExportError: ``pdf`` is not laid out as Qt writes it (one classic cross-reference
            table, a catalog with a page tree).
    """
    if not marks:
        return pdf
    try:
        return _append_outline(pdf, marks)
    except (ValueError, IndexError, TypeError) as exc:
        raise ExportError(f"cannot add bookmarks to the PDF file: {exc}") from None


def _append_outline(pdf: bytes, marks: Sequence[tuple[str, int]]) -> bytes:
    import re

    tail = pdf[pdf.rindex(b"trailer") :]

    def number(key: bytes) -> int:
        found = re.search(rb"/" + key + rb"\s+(\d+)", tail)
        if found is None:
            raise ValueError(f"no /{key.decode()} in the trailer")
        return int(found[1])

    size, root = number(b"Size"), number(b"Root")
    found = re.search(rb"startxref\s+(\d+)", tail)
    if found is None:
        raise ValueError("no startxref")
    previous = int(found[1])
    offsets = _xref_offsets(pdf, previous)

    def dictionary(obj: int) -> bytes:
        found = re.match(rb"\s*%d 0 obj\s*<<(.*?)>>\s*endobj" % obj, pdf[offsets[obj] :], re.S)
        if found is None:
            raise ValueError(f"object {obj} is not a dictionary")
        return found[1]

    catalog = dictionary(root)
    if b"/Outlines" in catalog or b"/PageMode" in catalog:
        raise ValueError("the catalog has an outline already")
    found = re.search(rb"/Pages\s+(\d+) 0 R", catalog)
    if found is None:
        raise ValueError("no page tree")
    kids = re.search(rb"/Kids\s*\[(.*?)\]", dictionary(int(found[1])), re.S)
    if kids is None:
        raise ValueError("no pages")
    pages = [int(n) for n in re.findall(rb"(\d+) 0 R", kids[1])]
    outline = size
    items = list(range(size + 1, size + 1 + len(marks)))
    objects: list[tuple[int, bytes]] = [
        (
            outline,
            b"<<\n/Type /Outlines\n/First %d 0 R\n/Last %d 0 R\n/Count %d\n>>"
            % (items[0], items[-1], len(items)),
        )
    ]
    for at, ((title, page), obj) in enumerate(zip(marks, items, strict=True)):
        fields = [
            b"/Title <" + ("\ufeff" + title).encode("utf-16-be").hex().encode() + b">",
            b"/Parent %d 0 R" % outline,
            b"/Dest [%d 0 R /Fit]" % pages[min(max(page, 0), len(pages) - 1)],
        ]
        if at:
            fields.append(b"/Prev %d 0 R" % items[at - 1])
        if at + 1 < len(items):
            fields.append(b"/Next %d 0 R" % items[at + 1])
        objects.append((obj, b"<<\n" + b"\n".join(fields) + b"\n>>"))
    objects.append(
        (root, b"<<" + catalog + b"/Outlines %d 0 R\n/PageMode /UseOutlines\n>>" % outline)
    )
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    at_offset: dict[int, int] = {}
    for obj, body in objects:
        at_offset[obj] = len(out)
        out += b"%d 0 obj\n" % obj + body + b"\nendobj\n"
    xref = len(out)
    # object 0 heads the section as in Qt's table: readers check the numbering by it
    out += b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n" % (root, at_offset[root])
    out += b"%d %d\n" % (size, len(items) + 1)
    out += b"".join(b"%010d 00000 n \n" % at_offset[obj] for obj in [outline, *items])
    keep = b"".join(
        found[0] + b"\n"
        for key in (rb"/Info\s+\d+ 0 R", rb"/ID\s*\[[^\]]*\]")
        if (found := re.search(key, tail)) is not None
    )
    out += b"trailer\n<<\n/Size %d\n/Root %d 0 R\n%s/Prev %d\n>>\n" % (
        size + len(items) + 1,
        root,
        keep,
        previous,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _xref_offsets(pdf: bytes, at: int) -> dict[int, int]:
    """The offsets of the objects in use, from the classic cross-reference table at
    ``at``."""
    lines = iter(pdf[at:].split(b"\n"))
    if next(lines).strip() != b"xref":
        raise ValueError("no cross-reference table where startxref points")
    offsets: dict[int, int] = {}
    for line in lines:
        head = line.split()
        if head == [b"trailer"] or not head or head[0] == b"trailer":
            break
        first, count = int(head[0]), int(head[1])
        for obj in range(first, first + count):
            entry = next(lines).split()
            if entry[2] == b"n":
                offsets[obj] = int(entry[0])
    return offsets
