"""An exported PDF of a map's pages (:func:`pdf_pages`: planned, drawn, with bookmarks),
drawn on both cores where a child can be forked.

This process draws pages from the first, a forked child from the last (see
:func:`karar.core.forked.share`), each into its own PDF through a
:class:`~karar.ui.pages.PageDrawer`; the child's pages are then joined after this
process's by :func:`karar.core.pdfmerge.join_pages`. Alone (printing, the window, a
platform without fork) it is one PDF drawn in order. Either way the pages read the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from karar.core.pages import Page, PageSetup, PagesKind
from karar.core.progress import CancelledError, Progress
from karar.core.project import Project
from karar.ui.pages import RESOLUTION, Header, PageDrawer, PicturePainter, plan_pages

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF

    from karar.ui.scene import MapScene


def pdf_pages(
    scene: MapScene,
    source: QRectF,
    kind: PagesKind,
    setup: PageSetup,
    *,
    title: str,
    project: Project | None = None,
    overview: tuple[MapScene, QRectF] | None = None,
    progress: Progress | None = None,
    header: Header | None = None,
) -> tuple[bytes, list[Page]]:
    """The PDF of the picture ``source`` of ``scene`` on the pages of plan ``kind``, and
    that plan.

    Args:
        title: The map's title, in every header and the PDF's properties.
        project: Named in the header (None: no project).
        overview: The picture folded to the first level (needed for BRANCHES).
        progress: Told ``(pages done, pages)`` after each page; returning False stops.
        header: The pages' header (None: ``title`` and ``project``'s, in English).

    Raises:
        OSError: The PDF cannot be drawn.
        CancelledError: ``progress`` asked to stop.
    """
    picture = PicturePainter(scene)
    pages = plan_pages(kind, setup, scene, source, overview, title, picture)
    chosen = overview[0] if overview else scene
    data = pdf_document(pages, scene, chosen, header or Header(title, project), progress, picture)
    return with_bookmarks(data, [page.title or page.label for page in pages]), pages


def with_bookmarks(pdf: bytes, titles: list[str]) -> bytes:
    """``pdf`` with one bookmark per page, and opening with the bookmarks shown
    (:func:`karar.core.pdfoutline.add_outline`: Qt's PDF writer makes no outline).

    Raises:
        ValueError: ``pdf`` is not laid out as Qt writes it.
    """
    from karar.core.pdfoutline import add_outline

    marks = [(title or f"Page {number + 1}", number) for number, title in enumerate(titles)]
    return add_outline(pdf, marks)


def pdf_document(
    pages: list[Page],
    scene: MapScene,
    overview: MapScene,
    header: Header,
    progress: Progress | None = None,
    picture: PicturePainter | None = None,
    *,
    alone: bool = False,
) -> bytes:
    """The PDF of ``pages``, drawn by this process and, where one can be made, a child on
    the other core (:func:`karar.core.forked.share`): each draws its pages into its own
    PDF, and the child's are joined after this process's (:mod:`karar.core.pdfmerge`).
    ``alone``: no child."""
    from karar.core.forked import share
    from karar.core.pdfmerge import join_pages

    made: list[_PdfPages] = []  # this process's PDF, begun at its first page

    def document() -> _PdfPages:
        if not made:
            made.append(_PdfPages(pages, scene, overview, header, picture))
        return made[0]

    def report() -> tuple[bytes, list[int]]:
        return (made[0].finish(), made[0].drawn) if made else (b"", [])

    done = 0

    def tell() -> None:
        nonlocal done
        done += 1
        if progress is not None and not progress(done, len(pages)):
            raise CancelledError("the pages were cancelled")

    def draw(number: int) -> None:
        document().draw(number)

    try:
        end, shared = share(len(pages), draw, report, progress=tell, fork=not alone)
        data = document().finish()
    finally:
        if made:
            made[0].close()
    if shared is None:
        return data
    theirs, drawn = shared.report
    at = {number: k for k, number in enumerate(drawn)}
    order = [(0, k) for k in range(end)] + [(1, at[n]) for n in range(end, len(pages))]
    try:
        return join_pages(data, theirs, order)
    except ValueError:  # not laid out as this Qt was known to write: drawn again, here
        return pdf_document(pages, scene, overview, header, None, picture, alone=True)


class _PdfPages:
    """A PDF in memory, drawn page by page in any order (a :class:`PageDrawer` on a
    QPdfWriter); :attr:`drawn` says which pages it holds, in its order."""

    def __init__(
        self,
        pages: list[Page],
        scene: MapScene,
        overview: MapScene,
        header: Header,
        picture: PicturePainter | None,
    ) -> None:
        from PySide6.QtCore import QBuffer, QIODevice
        from PySide6.QtGui import QPdfWriter

        self._buffer = QBuffer()
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._writer = QPdfWriter(self._buffer)
        self._writer.setTitle(header.title)
        self._writer.setCreator("Karar")
        self._writer.setResolution(RESOLUTION)
        self._drawer = PageDrawer(self._writer, pages, scene, overview, header, picture=picture)
        self.drawn: list[int] = []
        self._data: bytes | None = None

    def draw(self, number: int) -> None:
        """Draw plan page ``number`` as this PDF's next page."""
        self._drawer.draw(number)
        self.drawn.append(number)

    def finish(self) -> bytes:
        """The PDF's bytes (its pages are all drawn)."""
        if self._data is None:
            self._drawer.end()
            self._data = bytes(self._buffer.data().data())
        return self._data

    def close(self) -> None:
        """End the drawing, if it was not finished (a cancel, an error)."""
        self._drawer.end()


__all__ = ["pdf_document", "pdf_pages", "with_bookmarks"]
