"""The decision document as PDF: the HTML of :mod:`karar.core.decision_report`, printed by Qt.

Qt's rich text (``QTextDocument``) lays the same HTML out in pages the size of A4 less the
margins (at 96 px per inch, as on screen) and each page is painted into a ``QPdfWriter``,
scaled to its resolution, with its number at the foot. (``QTextDocument.print_`` would do
the paging too, but lays tables out a third narrower than the page.) The text stays real,
selectable text and links in notes stay clickable. Each section's branch picture
(:mod:`karar.ui.reportpictures`) is drawn over its placeholder image as vectors. A bookmark
per branch is appended to Qt's file (:func:`with_bookmarks`). Runs without a display; the
file is written atomically (:func:`karar.ui.export.write_atomically`).

:func:`write_report` is what the command line and the window call: the document of a
project, with its pictures, as PDF or as one HTML file.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from karar.core.errors import Message
from karar.core.model import MindMap, Node
from karar.core.project import NodeState, Project
from karar.ui.export import ExportError, cannot_add_bookmarks, write_atomically

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPdfWriter, QTextBlock, QTextDocument, QTextFrame, QTextTable

    from karar.ui.reportpictures import BranchPictures

MARGIN_MM = 18.0
"""The page margins, all four sides, in millimetres."""

_A4_MM = (210.0, 297.0)
_LAYOUT_DPI = 96.0
_FOOTER_PX = 28.0  # room under each page's text for its number


def text_area() -> tuple[float, float]:
    """The width and height of a page's text (px at 96 per inch, the footer left out)."""
    width, height = (mm - 2 * MARGIN_MM for mm in _A4_MM)
    return width / 25.4 * _LAYOUT_DPI, height / 25.4 * _LAYOUT_DPI - _FOOTER_PX


def write_report(
    mind_map: MindMap,
    project: Project,
    entries: Mapping[Node, NodeState],
    out: Path,
    fmt: str = "pdf",
    *,
    project_name: str = "",
    lang: str = "en",
) -> None:
    """Write the decision document of ``project`` to ``out`` as ``fmt``: ``pdf``, or
    ``html`` (one self-contained file); each section with its branch's picture; its own
    words in ``lang`` (``en`` or ``tr``).

    Raises:
        ExportError: The PDF cannot be written.
        OSError: The HTML file cannot be written.
    """
    from karar.core.atomic import write_atomic
    from karar.core.decision_report import (
        decision_report_html,
        project_participants,
        report_bookmarks,
        report_sections,
    )
    from karar.ui.reportpictures import BranchPictures

    _offscreen()
    width, height = text_area()
    sections = report_sections(mind_map, entries)
    pictures = BranchPictures(mind_map, project, sections, entries, width=width, page_height=height)
    html_out = fmt == "html"
    document = decision_report_html(
        mind_map,
        entries,
        project_name=project_name,
        participants=project_participants(project),
        pictures=pictures.svg_markup() if html_out else pictures.pdf_markup(),
        lang=lang,
    )
    if html_out:
        write_atomic(out, document.encode("utf-8"))
        return
    report_pdf(
        document,
        out,
        title=f"{mind_map.display_title} — {'kararlar' if lang == 'tr' else 'decisions'}",
        bookmarks=report_bookmarks(mind_map, entries, lang),
        pictures=pictures,
    )


def _offscreen() -> None:
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is None and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a PDF never needs a display


def report_pdf(
    document_html: str,
    out: Path,
    *,
    title: str = "",
    bookmarks: Sequence[tuple[str, str]] = (),
    pictures: BranchPictures | None = None,
) -> None:
    """Print ``document_html`` (the decision document) to the PDF file ``out``, on A4.

    Args:
        document_html: The document, as :func:`karar.core.decision_report.decision_report_html`
            makes it.
        out: The file to write.
        title: The PDF's title (its metadata).
        bookmarks: (anchor name, title) of the PDF's bookmarks, in order: each points at
            the page holding the anchor (an anchor not in the document is left out).
        pictures: What to draw over the document's placeholder images
            (:meth:`karar.ui.reportpictures.BranchPictures.pdf_markup`).

    Raises:
        ExportError: The file cannot be written.
    """
    from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    from karar.core.decision_report import break_rows

    _offscreen()
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
    document.setDocumentMargin(0)  # the page has its margins; the text and pictures fill it
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(10.5)
    document.setDefaultFont(font)
    width, height = _page_size(writer)

    def load(text: str) -> None:
        document.setHtml(text)
        if pictures is not None:
            pictures.add_placeholders(document)
        document.setPageSize(QSizeF(width, height))

    load(document_html)
    moved: set[int] = set()
    for _ in range(_MAX_BREAKS):  # a moved row may push a later one to a page's foot
        cut = cut_rows(document, height) - moved
        if not cut:
            break
        moved |= cut
        load(break_rows(document_html, sorted(moved)))
    keep_headings(document, height)
    _paint_pages(document, writer, width, height, pictures, title)
    data = bytes(buffer.data().data())
    if not data.startswith(b"%PDF"):
        raise ExportError(
            Message(f"{out}: cannot write the PDF file", "pdf-not-made", path=str(out))
        )
    if bookmarks:
        pages = _anchor_pages(document, height)
        marks = [(name, pages[anchor]) for anchor, name in bookmarks if anchor in pages]
        data = with_bookmarks(data, marks)
    write_atomically(out, "PDF", data)


def _page_size(writer: QPdfWriter) -> tuple[float, float]:
    """The width and height of a page's text in the document's layout (px at 96 per
    inch), the footer left out."""
    scale = writer.resolution() / _LAYOUT_DPI
    return writer.width() / scale, writer.height() / scale - _FOOTER_PX


def _paint_pages(
    document: QTextDocument,
    writer: QPdfWriter,
    width: float,
    height: float,
    pictures: BranchPictures | None = None,
    title: str = "",
) -> None:
    """Paint the pages of ``document`` (laid out in pages ``width`` x ``height``) into
    ``writer``, with ``pictures`` over their placeholders and a foot of the ``title``
    and the page's number."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QFont, QPainter, QPalette

    scale = writer.resolution() / _LAYOUT_DPI
    pages = document.pageCount()
    placed = _placeholders(document) if pictures is not None else []
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(Message("cannot start the PDF file", "pdf-start"))
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
        # a line Qt pushed to the next page may start a hair above it: a clip that
        # reaches the page's very foot would draw it here too, hidden by the painter's
        # clip but still in the PDF's text (found twice by search and copy)
        context.clip = view.adjusted(0, 0, 0, -_HAIR)
        document.documentLayout().draw(painter, context)
        for number, rect in placed:
            # a picture fits its page (its top may round a hair above the page's top)
            if pictures is not None and _page(rect.top() + 1, height) == page:
                pictures.paint(painter, number, rect)
        painter.restore()
        painter.save()
        painter.scale(scale, scale)
        painter.setPen(QColor("#555555"))
        small = QFont(document.defaultFont())
        small.setPixelSize(11)
        painter.setFont(small)
        foot = QRectF(0, height, width, _FOOTER_PX)
        folio = f"{page + 1} / {pages}"
        bottom = Qt.AlignmentFlag.AlignBottom
        painter.drawText(foot, int(Qt.AlignmentFlag.AlignRight | bottom), folio)
        if title and page:  # the title page names the map already
            room = int(width - painter.fontMetrics().horizontalAdvance(folio) - 24)
            shown = painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideMiddle, room)
            painter.drawText(foot, int(Qt.AlignmentFlag.AlignLeft | bottom), shown)
        painter.restore()
    painter.end()


_MAX_BREAKS = 200

_HAIR = 2.0
"""Layout pixels a line may reach above the page it was pushed to."""


def _page(y: float, height: float) -> int:
    return int(y // height)


def cut_rows(document: QTextDocument, height: float) -> set[int]:
    """The question rows (counted from 0 through the tables with a head) that the laid-out
    ``document`` cuts at a page's foot, less those too tall for any page."""
    layout = document.documentLayout()
    cut: set[int] = set()
    number = 0
    for table in _tables(document.rootFrame()):
        head = table.format().headerRowCount()
        if not head:
            continue  # the title page's facts
        for row in range(head, table.rows()):
            top, bottom = math.inf, -math.inf
            for column in range(table.columns()):
                cell = table.cellAt(row, column)
                top = min(top, layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
                last = cell.lastCursorPosition().block()
                bottom = max(bottom, layout.blockBoundingRect(last).bottom())
            if row == table.rows() - 1:
                # the table's own foot (its border and padding) goes with its last row:
                # left alone on the next page, Qt would draw the repeated head there, over
                # whatever follows the table
                bottom = max(bottom, layout.frameBoundingRect(table).bottom())
            if _page(top, height) != _page(bottom - 1, height) and bottom - top < height * 0.8:
                cut.add(number)
            number += 1
    return cut


def keep_headings(document: QTextDocument, height: float) -> int:
    """Open a new page before each heading the laid-out ``document`` leaves alone at a
    page's foot (what it heads starts on the next page).

    Returns:
        How many headings were moved.
    """
    from PySide6.QtGui import QTextCursor, QTextFormat

    moved: set[int] = set()
    for _ in range(_MAX_BREAKS):
        blocks = [b for b in _lone_headings(document, height) if b.position() not in moved]
        if not blocks:
            break
        cursor = QTextCursor(document)
        cursor.beginEditBlock()  # one layout for all of them
        for block in blocks:
            cursor.setPosition(block.position())
            form = cursor.blockFormat()
            form.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.setBlockFormat(form)
            moved.add(block.position())
        cursor.endEditBlock()
    return len(moved)


def _lone_headings(document: QTextDocument, height: float) -> list[QTextBlock]:
    """The first heading of each page-opening part (a section starts a page) whose next
    block's first line is on a later page, if it is not at the top of its own page: a
    heading moved shifts what follows it, so later ones are looked at again."""
    from PySide6.QtGui import QTextFormat

    layout = document.documentLayout()
    found: list[QTextBlock] = []
    part_has_one = False
    block = document.begin()
    while block.isValid():
        following = block.next()
        policy = block.blockFormat().pageBreakPolicy()
        if policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            part_has_one = False
        if block.blockFormat().headingLevel() and following.isValid() and not part_has_one:
            line = following.layout().lineAt(0)
            after = layout.blockBoundingRect(following).top()
            if line.isValid():
                after += line.y() + line.height()
            top = layout.blockBoundingRect(block).top()
            page = _page(top, height)
            if page < _page(after - 1, height) and top - page * height > height * 0.05:
                found.append(block)
                part_has_one = True
        block = following
    return found


def _tables(frame: QTextFrame) -> list[QTextTable]:
    from PySide6.QtGui import QTextTable

    found: list[QTextTable] = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            found.append(child)
        found.extend(_tables(child))
    return found


def _placeholders(document: QTextDocument) -> list[tuple[int, QRectF]]:
    """Where the laid-out ``document`` shows each picture placeholder: (number, rect)."""
    from PySide6.QtCore import QRectF

    from karar.ui.reportpictures import PLACEHOLDER

    layout = document.documentLayout()
    placed: list[tuple[int, QRectF]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            image = fragment.charFormat().toImageFormat()
            if not image.isValid() or not image.name().startswith(PLACEHOLDER):
                continue
            at = fragment.position() - block.position()
            line = block.layout().lineForTextPosition(at)
            if not line.isValid():
                continue
            corner = layout.blockBoundingRect(block).topLeft()
            found = line.cursorToX(at)  # PySide returns (x, position)
            x = float(found[0] if isinstance(found, tuple) else found)  # type: ignore[arg-type]
            # an inline image stands on the line's baseline
            top = line.y() + line.ascent() - image.height()
            rect = QRectF(corner.x() + x, corner.y() + top, image.width(), image.height())
            placed.append((int(image.name().removeprefix(PLACEHOLDER)), rect))
        block = block.next()
    return placed


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
        raise ExportError(cannot_add_bookmarks(str(exc))) from None
