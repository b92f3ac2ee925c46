"""Printable PDF pages of a map: draws a :mod:`karar.core.pages` plan into a QPdfWriter.

Each page carries a header (map title, project, date) with the legend of the decision
marks, and its part of the picture, drawn by the window's own scene; poster pages add cut
marks, their label and (the first) a map of the pages. Qt's PDF writer keeps labels as
real text, so the pages can be searched and copied from.

A page draws its part as ``QGraphicsScene.render`` would, but with the nodes stamped from
the layout (:class:`PicturePainter`): no item per node, no index query per page. Where a
child process can be forked (the command line), an exported PDF's pages are drawn by both
processes, each into its own PDF, and joined (:mod:`karar.ui.pdfpages`); printing draws
in one.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from karar.core.filters import BranchOnly, ViewFilter, Within
from karar.core.labels import plain_text
from karar.core.model import Node
from karar.core.pages import (
    Layer,
    Orientation,
    Page,
    PageSetup,
    PagesKind,
    Rect,
    plan_branches,
    plan_fit,
    plan_poster,
)
from karar.core.progress import CancelledError, Progress
from karar.core.project import Project

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPainter
    from PySide6.QtWidgets import QGraphicsItem

    from karar.core.layout import Layout
    from karar.ui.scene import MapScene

LEGEND = "✓ chosen   ✗ rejected   ? considering"
"""The decision marks, as the header explains them (in English: the command line's pages;
the window's come from :func:`window_header`)."""

PAGE_REF = "p. {page}"
"""The overview's reference to a branch's page."""

RESOLUTION = 1200
"""Device units per inch of the writer: coordinates stay fine once the painter works in points."""

_BRANCH_MARGIN = 16.0
"""Room around a branch's nodes on its page, in scene units."""

_CUT = 10.0
"""Length of a cut mark, in points."""

_REF_ROOM = 44.0
"""Room left and right of the overview for the page references, in scene units."""

_REF_GAP = 3.0
"""Between a branch and its page reference, in points."""

_CUT_CLEAR = 6.0
"""How far the header keeps from a cut mark, in points."""

_TOP = 28.0
"""Where the header starts, from the paper's top and side edges, in points."""

_MAP_W = 54.0
"""Width of the page map, in points."""

_INK = "#222222"


def smallest_label_height() -> float:
    """The pixel size of the smallest label font, in scene units."""
    from karar.ui.measure import Measurer

    return min(size for size, _ in Measurer.ROLE_FONTS.values())


def plan_pages(
    kind: PagesKind,
    setup: PageSetup,
    scene: MapScene,
    source: QRectF,
    overview: tuple[MapScene, QRectF] | None,
    title: str,
    picture: PicturePainter | None = None,
) -> list[Page]:
    """The plan of ``kind`` for the picture ``source`` of ``scene``.

    Args:
        overview: The picture folded to the first level (needed for BRANCHES).
        picture: The painter of ``scene``'s pages, if one is made already (it knows
            where each node's item reaches).
    """
    content = _rect(source)
    assert scene.layout is not None
    boxes = scene.layout.boxes.values()
    keep = (max(b.w for b in boxes), max(b.h for b in boxes))
    if kind is PagesKind.FIT:
        return plan_fit(content, setup, title)
    if kind is PagesKind.POSTER:
        label = smallest_label_height()
        shows = _draws_on(scene, picture or PicturePainter(scene))
        return plan_poster(content, setup, label, title, keep=keep, shows=shows)
    if overview is None:
        raise ValueError("a branches plan needs the overview picture")
    room = _rect(overview[1])  # with room for the page references beside the branches
    room = Rect(room.x - _REF_ROOM, room.y, room.w + 2 * _REF_ROOM, room.h)
    return plan_branches(room, _branch_rects(scene), setup, smallest_label_height(), title, keep)


def _draws_on(scene: MapScene, picture: PicturePainter | None = None) -> Callable[[Rect], bool]:
    """Whether anything of ``scene``'s picture may be drawn in a scene rect: a node's item
    (or another item than the edge layer) meets it, or the edge layer, asked to paint it,
    draws something there. A rect it says no to is drawn as bare background."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPicture

    picture = picture or PicturePainter(scene)
    fans = scene.edge_painter.fan_index()
    pad = scene.ctx.theme.edge_width * 2 + 1.0  # the edge layer's band, and a hair

    def shows(rect: Rect) -> bool:
        query = QRectF(rect.x - pad, rect.y - pad, rect.w + 2 * pad, rect.h + 2 * pad)
        if picture.meets(query):
            return True
        if not fans.query(query):
            return False
        # a fan's cells are coarse: record what its edges draw here (a few tiles only)
        recording = QPicture()
        painter = QPainter(recording)
        scene.edge_painter.paint(painter, query, 1.0)
        painter.end()
        drawn = recording.boundingRect()
        return not drawn.isEmpty() and QRectF(drawn).intersects(query)

    return shows


def _branch_rects(scene: MapScene) -> list[tuple[str, Rect]]:
    """Each shown first-level branch's title and the rect of its subtree, with a margin,
    in the picture of that branch alone (as :func:`_show_branch` draws it)."""
    root = scene.document.root
    rects: list[tuple[str, Rect]] = []
    whole = scene.filter
    try:
        for number, branch in enumerate(root.children if root is not None else (), start=1):
            _show_branch(scene, whole, number)
            layout = scene.layout
            assert layout is not None
            boxes = [layout.boxes[n] for n in _subtree(branch) if n in layout.boxes]
            if boxes:
                union = Rect.union([Rect(b.x, b.y, b.w, b.h) for b in boxes])
                m = _BRANCH_MARGIN
                padded = Rect(union.x - m, union.y - m, union.w + 2 * m, union.h + 2 * m)
                rects.append((plain_text(branch.label, branch.markdown), padded))
    finally:
        _show_branch(scene, whole, 0)
    return rects


def _show_branch(scene: MapScene, whole: ViewFilter, number: int) -> None:
    """Lay ``scene`` out as the picture shows it (``whole``) and, for ``number`` > 0, its
    first-level branch ``number`` alone: a branch's page shows none of its neighbours."""
    scene.set_filter(whole if number == 0 else Within(whole, BranchOnly(number)))


def _subtree(node: Node) -> Iterable[Node]:
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(n.children)


class Header:
    """What every page's header shows: the map's title, the project's name, today, the
    legend of the marks; and how the overview refers to a branch's page.

    Args:
        title: The map's title.
        project: Its name is shown (None: no project).
        legend: The marks explained (default: :data:`LEGEND`).
        day: Today as the pages write it (None: ISO 8601, ``2026-12-01``).
        page_ref: A branch's page on the overview, with ``{page}`` (default: :data:`PAGE_REF`).
    """

    def __init__(
        self,
        title: str,
        project: Project | None,
        *,
        legend: str = LEGEND,
        day: str | None = None,
        page_ref: str = PAGE_REF,
    ) -> None:
        self.title = title
        path = project.path if project is not None else None
        self.project = path.name if path is not None else ""
        today = day if day is not None else datetime.date.today().isoformat()
        self.facts = "   ".join(x for x in (self.project, today) if x)
        self.legend = legend
        self.page_ref = page_ref


def window_header(title: str, project: Project | None) -> Header:
    """The header of the pages the window prints and exports, in its language (the
    legend, the date as the language writes it, the overview's page references)."""
    from PySide6.QtCore import QCoreApplication

    from karar.ui import i18n

    return Header(
        title,
        project,
        legend=QCoreApplication.translate("Pages", "✓ chosen   ✗ rejected   ? considering"),
        day=i18n.format_date(datetime.date.today()),
        page_ref=QCoreApplication.translate("Pages", "p. {page}"),
    )


def paint_pages(
    device: QPagedPaintDevice,
    pages: list[Page],
    scene: MapScene,
    overview: MapScene,
    header: Header,
    progress: Progress | None = None,
    sheet: Orientation | None = None,
    *,
    picture: PicturePainter | None = None,
) -> None:
    """Draw ``pages`` on ``device`` (a PDF writer or a printer), one device page each,
    each page sized as the plan says.

    Args:
        overview: The scene of the overview page (BRANCHES plans).
        progress: Told ``(pages done, pages)`` after each page; returning False stops.
        sheet: Every device page turned this way (PORTRAIT or LANDSCAPE), a plan's page
            of the other shape drawn on it a quarter turn clockwise (None: each device
            page as the plan's). For printers: a QPrinter cannot change its page layout
            while printing, and Qt's print preview shows every page at one size.
        picture: The painter of ``scene``'s pages, if one is made already.

    Raises:
        OSError: The device cannot be painted on.
        CancelledError: ``progress`` asked to stop (the device holds the pages drawn so far).
    """
    drawer = PageDrawer(device, pages, scene, overview, header, sheet, picture=picture)
    try:
        for number in range(len(pages)):
            drawer.draw(number)
            if progress is not None and not progress(number + 1, len(pages)):
                raise CancelledError("the pages were cancelled")
    finally:
        drawer.end()


class PageDrawer:
    """Draws pages of a plan on ``device``, one device page each, in the order asked for
    (see :func:`paint_pages` for the arguments); the painter begins at the first page.

    Raises:
        OSError: The device cannot be painted on (at the first page).
    """

    def __init__(
        self,
        device: QPagedPaintDevice,
        pages: list[Page],
        scene: MapScene,
        overview: MapScene,
        header: Header,
        sheet: Orientation | None = None,
        *,
        picture: PicturePainter | None = None,
    ) -> None:
        self._device = device
        self._pages = pages
        self._scene = scene
        self._header = header
        self._sheet = sheet
        self._painter: QPainter | None = None
        self._whole = scene.filter
        self._shown = 0
        self._picture = picture or PicturePainter(scene)
        self._first = self._picture if overview is scene else PicturePainter(overview)

    def draw(self, number: int) -> None:
        """Draw plan page ``number`` as the device's next page."""
        from PySide6.QtGui import QPainter

        device, page, sheet = self._device, self._pages[number], self._sheet
        painter = self._painter
        if painter is None:
            device.setPageLayout(_page_layout(page, sheet))
            painter = QPainter()
            if not painter.begin(device):
                raise OSError("cannot start the PDF writer")
            self._painter = painter
        else:
            if sheet is None:
                device.setPageLayout(_page_layout(page))
            device.newPage()
        scene = self._scene
        if page.layer is not Layer.OVERVIEW and page.branch != self._shown:
            self._shown = page.branch
            _show_branch(scene, self._whole, self._shown)
        points = device.logicalDpiX() / 72
        painter.save()
        painter.scale(points, points)
        if sheet is not None and _landscape(page) != (sheet is Orientation.LANDSCAPE):
            painter.translate(page.paper.h, 0)
            painter.rotate(90)
        if page.layer is Layer.OVERVIEW:
            _draw_page(painter, page, self._first, self._header)
            refs = _page_references
            refs(painter, page, self._first, _first_pages(self._pages), self._header.page_ref)
        else:
            _draw_page(painter, page, self._picture, self._header)
        painter.restore()

    def end(self) -> None:
        """End the painting (the device holds the pages drawn), and show the whole scene."""
        if self._painter is not None:
            painter, self._painter = self._painter, None
            painter.end()
        if self._shown:
            self._shown = 0
            _show_branch(self._scene, self._whole, 0)


def _landscape(page: Page) -> bool:
    return page.paper.w > page.paper.h


def sheet_orientation(pages: list[Page], orientation: Orientation) -> Orientation:
    """How a printer's paper is turned for ``pages`` planned with ``orientation``: as
    chosen, or for AUTO the shape most pages have (the first page's on a tie)."""
    if orientation is not Orientation.AUTO:
        return orientation
    wide = sum(_landscape(page) for page in pages)
    if wide * 2 == len(pages):
        wide = len(pages) if _landscape(pages[0]) else 0
    return Orientation.LANDSCAPE if wide * 2 > len(pages) else Orientation.PORTRAIT


def _page_layout(page: Page, sheet: Orientation | None = None) -> QPageLayout:
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize

    none = QMarginsF(0, 0, 0, 0)
    if sheet is not None:
        # the paper's own size, turned: a printer knows A4 landscape, not a 842 x 595 pt page
        short, long = sorted((page.paper.w, page.paper.h))
        size = QPageSize(QSizeF(short, long), QPageSize.Unit.Point, "")
        turn = QPageLayout.Orientation.Landscape if sheet is Orientation.LANDSCAPE else None
        layout = QPageLayout(size, turn or QPageLayout.Orientation.Portrait, none)
        # from the paper's corner: the plan's margins keep clear of the printer's own
        layout.setMode(QPageLayout.Mode.FullPageMode)
        return layout
    size = QPageSize(QSizeF(page.paper.w, page.paper.h), QPageSize.Unit.Point, "")
    return QPageLayout(size, QPageLayout.Orientation.Portrait, none)


def _qrect(rect: Rect) -> QRectF:
    from PySide6.QtCore import QRectF

    return QRectF(rect.x, rect.y, rect.w, rect.h)


def _rect(rect: QRectF) -> Rect:
    return Rect(rect.x(), rect.y(), rect.width(), rect.height())


def _draw_page(painter: QPainter, page: Page, picture: PicturePainter, header: Header) -> None:
    target = _qrect(page.target)
    painter.save()
    painter.setClipRect(target)
    painter.fillRect(target, picture.scene.backgroundBrush())
    picture.paint(painter, target, _qrect(page.scene))
    painter.restore()

    _draw_header(painter, page, header)
    if page.row >= 0:
        from PySide6.QtGui import QColor, QPen

        painter.setPen(QPen(QColor(_INK), 0.5))
        _cut_marks(painter, page.target)
    if page.grid is not None:
        # in the header band, right of the legend and label
        top = page.paper.y + _TOP
        right = _columns(page)[1]
        box = Rect(right - _MAP_W, top, _MAP_W, page.target.y - top - 2.0)
        _page_map(painter, box, page)


class PicturePainter:
    """Paints parts of ``scene``'s picture as ``scene.render`` paints them over the
    background (the same items in the same order, each from the painter's state as it
    was), with the nodes stamped from the layout (:class:`~karar.ui.items.NodeStamp`)
    instead of by their items.

    QGraphicsScene.render costs a query of the scene's index, a style option per item and
    a call into Python per item, on every page, and needs an item bound to every node;
    here a part costs the nodes it shows, which the layout's grid finds. The picture must
    not change meanwhile (no fold animation: nodes are drawn where the layout puts them).
    """

    def __init__(self, scene: MapScene) -> None:
        from karar.ui.items import NodeStamp

        self.scene = scene
        self._stamp = NodeStamp(scene.ctx)
        self._layout: Layout | None = None
        self._others: list[QGraphicsItem] = []

    def paint(self, painter: QPainter, target: QRectF, source: QRectF) -> None:
        """Paint the part ``source`` of the picture into ``target``."""
        from PySide6.QtGui import QTransform
        from PySide6.QtWidgets import QStyleOptionGraphicsItem

        scene, stamp = self.scene, self._stamp
        layout = scene.layout
        if layout is None or source.isEmpty():
            return
        reach = stamp.use(layout)
        if layout is not self._layout:
            self._layout = layout
            self._others = _other_items(scene)
        painter.save()
        painter.setWorldTransform(
            QTransform()
            .translate(target.left(), target.top())
            .scale(target.width() / source.width(), target.height() / source.height())
            .translate(-source.left(), -source.top()),
            True,
        )
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        edges = scene.edge_layer
        if edges.isVisible() and edges.boundingRect().intersects(source):
            option = QStyleOptionGraphicsItem()
            option.exposedRect = edges.boundingRect()  # as render exposes it: all of it
            painter.save()
            edges.paint(painter, option, None)
            painter.restore()
        for item in self._others:
            if item.isVisible() and item.sceneBoundingRect().intersects(source):
                option = QStyleOptionGraphicsItem()
                option.exposedRect = item.boundingRect()
                painter.save()
                painter.setTransform(item.sceneTransform(), True)
                item.paint(painter, option, None)
                painter.restore()
        left, top, right, bottom = source.left(), source.top(), source.right(), source.bottom()
        boxes, bounds, stamp_node = layout.boxes, stamp.bounds, stamp.paint
        w, h = right - left + 2 * reach, bottom - top + 2 * reach
        for node in layout.visible_in(left - reach, top - reach, w, h):  # in pre-order
            box = boxes[node]
            x0, y0, x1, y1 = bounds(node, box)
            if x0 < right and left < x1 and y0 < bottom and top < y1:  # as QRectF.intersects
                stamp_node(painter, node, box, lod)
        painter.restore()

    def meets(self, rect: QRectF) -> bool:
        """Whether a node's item, or another item than the edge layer, meets ``rect``."""
        scene, stamp = self.scene, self._stamp
        layout = scene.layout
        if layout is None:
            return False
        reach = stamp.use(layout)
        if layout is not self._layout:
            self._layout = layout
            self._others = _other_items(scene)
        if any(i.isVisible() and i.sceneBoundingRect().intersects(rect) for i in self._others):
            return True
        left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
        boxes, bounds = layout.boxes, stamp.bounds
        w, h = right - left + 2 * reach, bottom - top + 2 * reach
        for node in layout.visible_in(left - reach, top - reach, w, h):
            x0, y0, x1, y1 = bounds(node, boxes[node])
            if x0 < right and left < x1 and y0 < bottom and top < y1:
                return True
        return False

    def node_rect(self, node: Node) -> QRectF | None:
        """The scene rect ``node``'s item covers (None: not laid out)."""
        from PySide6.QtCore import QRectF

        layout = self.scene.layout
        box = layout.boxes.get(node) if layout is not None else None
        if layout is None or box is None:
            return None
        self._stamp.use(layout)
        x0, y0, x1, y1 = self._stamp.bounds(node, box)
        return QRectF(x0, y0, x1 - x0, y1 - y0)


def _other_items(scene: MapScene) -> list[QGraphicsItem]:
    """The scene's items other than nodes and the edge layer (the empty canvas's hint), in
    the order render paints them; a pooled node item paints nothing."""
    from karar.ui.items import NodeItem

    edges = scene.edge_layer
    return [
        item
        for item in reversed(scene.items())
        if item is not edges and not isinstance(item, NodeItem) and item.parentItem() is None
    ]


def _first_pages(pages: list[Page]) -> dict[int, int]:
    """Each branch's first page number (from 1), by branch number."""
    first: dict[int, int] = {}
    for number, page in enumerate(pages, start=1):
        if page.branch:
            first.setdefault(page.branch, number)
    return first


def _page_references(
    painter: QPainter,
    page: Page,
    picture: PicturePainter,
    first: dict[int, int],
    page_ref: str = PAGE_REF,
) -> None:
    """Beside each first-level branch of the overview, outside it, the page it is on."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont

    from karar.ui.measure import FONT_FAMILIES

    overview = picture.scene
    root, layout = overview.document.root, overview.layout
    if root is None or layout is None:
        return
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(8)  # points: the painter works in points
    painter.setFont(font)
    painter.setPen(QColor(_INK))
    scale, origin, target = page.scale, page.scene, page.target
    for number, branch in enumerate(root.children, start=1):
        box, bounds = layout.boxes.get(branch), picture.node_rect(branch)
        if box is None or bounds is None or number not in first:
            continue
        y = target.y + (bounds.center().y() - origin.y) * scale
        width = _REF_ROOM * scale
        if box.side < 0:
            x = target.x + (bounds.left() - origin.x) * scale - _REF_GAP - width
            align = Qt.AlignmentFlag.AlignRight
        else:
            x = target.x + (bounds.right() - origin.x) * scale + _REF_GAP
            align = Qt.AlignmentFlag.AlignLeft
        rect = QRectF(x, y - 6.0, width, 12.0)
        shown = page_ref.format(page=first[number])
        painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, shown)


def _columns(page: Page) -> tuple[float, float]:
    """Where the header's text may go across the page: inside the margins, and clear of
    the cut marks a poster page has at the picture's corners."""
    inset = _CUT_CLEAR if page.row >= 0 else 0.0
    return _TOP + inset, page.paper.w - _TOP - inset


def _draw_header(painter: QPainter, page: Page, header: Header) -> None:
    """Title, project and date on the left; the page label and legend on the right."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QFont

    from karar.ui.measure import FONT_FAMILIES

    painter.setPen(QColor(_INK))
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    left, right = _columns(page)
    top = page.paper.y + _TOP
    half = (right - left) / 2
    if page.grid is not None:
        right -= _MAP_W + 6.0
    lines = (
        (
            True,
            11,
            Rect(left, top, right - left - 60.0, 14.0),
            Qt.AlignmentFlag.AlignLeft,
            header.title,
        ),
        (True, 11, Rect(right - half, top, half, 14.0), Qt.AlignmentFlag.AlignRight, page.label),
        (False, 8, Rect(left, top + 15.0, half, 12.0), Qt.AlignmentFlag.AlignLeft, header.facts),
        (
            False,
            8.0,
            Rect(right - half, top + 15.0, half, 12.0),
            Qt.AlignmentFlag.AlignRight,
            header.legend,
        ),
    )
    for bold, size, rect, align, text in lines:
        if text:
            font.setBold(bold)
            font.setPixelSize(round(size))  # the painter works in points
            painter.setFont(font)
            painter.drawText(_qrect(rect), align, text)


def _cut_marks(painter: QPainter, body: Rect) -> None:
    """Short lines outside each corner of the body, along its edges."""
    from PySide6.QtCore import QLineF

    for x, dx in ((body.x, -1), (body.right, 1)):
        for y, dy in ((body.y, -1), (body.bottom, 1)):
            painter.drawLine(QLineF(x + dx * 2, y, x + dx * (2 + _CUT), y))
            painter.drawLine(QLineF(x, y + dy * 2, x, y + dy * (2 + _CUT)))


def _page_map(painter: QPainter, box: Rect, page: Page) -> None:
    """A small grid of the poster's pages, this page's cell filled; a tile the plan
    leaves out (nothing is drawn on it) is a faint cell."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QPen

    assert page.grid is not None
    rows, cols = page.grid
    cell = min(box.w / cols, box.h / rows)
    x0 = box.right - cell * cols
    ink = painter.pen()
    painter.setPen(QPen(QColor("#CCCCCC"), ink.widthF()))
    for row, col in sorted(page.skipped):  # first: a printed neighbour's edge stays dark
        painter.drawRect(QRectF(x0 + col * cell, box.y + row * cell, cell, cell))
    painter.setPen(ink)
    for row in range(rows):
        for col in range(cols):
            if (row, col) in page.skipped:
                continue
            cell_rect = QRectF(x0 + col * cell, box.y + row * cell, cell, cell)
            if (row, col) == (page.row, page.col):
                painter.fillRect(cell_rect, QColor("#888888"))
            painter.drawRect(cell_rect)
