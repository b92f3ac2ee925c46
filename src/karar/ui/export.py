"""Image exports of a map: PNG, SVG and PDF, drawn by the same scene as the window.

The map is laid out and drawn exactly as the explorer shows it (shapes, branch colours,
checkboxes, roll-up badges, note markers), with every node of the chosen levels in the
picture, at full detail, on the theme's background. Runs without a display. PNG and PDF
render the scene's items; an SVG is written from the scene's layout by the same paint code
(:mod:`karar.ui.svgexport`), without an item per node.

Every file goes through ``QSaveFile`` (``write_atomically``): a failed or full-disk write
leaves the previous file as it was and raises ``ExportError``.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from karar.core.bulk import no_gc
from karar.core.errors import KararError, Message
from karar.core.filters import ViewFilter
from karar.core.model import MindMap, Node
from karar.core.pages import PageSetup, PagesKind
from karar.core.progress import CancelledError, Progress
from karar.core.project import Project
from karar.core.scope import Scope
from karar.core.tiles import Tile

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage

    from karar.ui.pages import Header
    from karar.ui.scene import MapScene

MAX_PIXELS = 16_384
"""The longest side of a PNG (what browsers and viewers open); a larger picture is scaled
down to fit while its labels stay readable, else refused."""

READABLE_SCALE = 8 / 13
"""The least scale a PNG is drawn at: the smallest labels (13 px at scale 1) stay 8 px."""

_MARGIN = 32.0


class ExportError(KararError):
    """An image could not be written (its message a :class:`~karar.core.errors.Message`,
    which the window words in its language)."""


class Notice(Message):
    """A notice for the user, in English as the command line prints it, with what the
    window needs to word it in its own language: ``code`` names the notice (``scaled``,
    ``tiles``, ``pages``) and ``params`` its figures (see :meth:`Outputs.notice_text
    <karar.ui.outputs.Outputs.notice_text>`)."""


def cannot_write(out: Path | str, what: str, reason: str, system: str | None = None) -> Message:
    """Why the ``what`` file (PNG, SVG, PDF) could not be written to ``out``: ``reason`` as
    the text says it, ``system`` the system's own reason where the text says more (an
    OSError's ``[Errno 28] No space left on device``: ``No space left on device``)."""
    return Message(
        f"{out}: cannot write the {what} file: {reason}",
        "cannot-write-file",
        path=str(out),
        what=what,
        reason=system or reason,
    )


def cannot_add_bookmarks(reason: str, out: Path | str | None = None) -> Message:
    """Why the PDF's outline could not be added (to ``out``, where it is named)."""
    if out is None:
        return Message(
            f"cannot add bookmarks to the PDF file: {reason}", "pdf-bookmarks", reason=reason
        )
    return Message(
        f"{out}: cannot add bookmarks to the PDF file: {reason}",
        "pdf-bookmarks-of",
        path=str(out),
        reason=reason,
    )


def export_image(
    mind_map: MindMap,
    out: Path,
    fmt: str,
    *,
    project: Project | None = None,
    layout: str = "mindmap",
    theme: str = "light",
    expand_level: int | None = None,
    view_filter: ViewFilter | None = None,
    dpi: int = 96,
    folded: Iterable[Node] | None = None,
    pages: PagesKind = PagesKind.FIT,
    paper: PageSetup | None = None,
    scope: Scope | None = None,
    progress: Progress | None = None,
    transparent: bool = False,
    tiles: bool = False,
    header: Header | None = None,
) -> str | None:
    """Draw ``mind_map`` into ``out`` as ``png``, ``svg`` or ``pdf``.

    Args:
        mind_map: The map.
        out: The file to write.
        fmt: ``png``, ``svg`` or ``pdf``.
        project: Checks, notes and folds to show (None: none).
        layout: ``mindmap``, ``tree`` or ``radial``.
        theme: ``light``, ``dark`` or ``contrast``.
        expand_level: Show this many levels below the root (None: the project's folds,
            else everything).
        view_filter: What the picture leaves out, as the window's View › Filter does
            (None: nothing).
        dpi: Resolution of PNG and PDF (96 draws the map at its on-screen size).
        folded: The folds to draw (None: ``expand_level``, else the project's).
        pages: How a PDF is laid on pages (see :mod:`karar.core.pages`).
        paper: The PDF's paper, orientation and margins (None: A4, turned to fit).
        scope: What the picture shows (None: the map as folded); see :func:`picture_scene`.
        progress: Told ``(done, total)`` as the picture is drawn; returning False stops.
        transparent: PNG and SVG: no background, only the map (False: the theme's).
        tiles: PNG: write the picture as tiles of at most :data:`MAX_PIXELS` px, named
            ``OUT-r1c1.png``, ``OUT-r1c2.png`` … beside ``out`` (see :func:`tile_path`);
            one too large for one PNG is drawn at the readable scale.
        header: The PDF pages' header (None: the map's title and the project's name, in
            English; the window passes :func:`karar.ui.pages.window_header`).

    Returns:
        A notice for the user (e.g. the picture was scaled down), or None: a
        :class:`Notice` the window words in its language.

    Raises:
        ExportError: The file cannot be written.
        PictureTooLargeError: A PNG would be too large even at the readable scale, and
            ``tiles`` is False.
        CancelledError: ``progress`` asked to stop; ``out`` was not touched.
    """
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is None and not os.environ.get("QT_QPA_PLATFORM"):
        # A picture never needs a display: the same output on a desktop as on a server.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    scene, source = picture_scene(
        mind_map,
        project=project,
        layout=layout,
        theme=theme,
        expand_level=expand_level,
        view_filter=view_filter,
        folded=folded,
        scope=scope,
        items=fmt == "png",  # PDF pages and SVG are drawn from the layout
    )
    if scene is None:
        raise ExportError(
            Message(f"{out}: the map has no nodes to draw", "no-nodes-to-draw", path=str(out))
        )
    out = Path(out)
    if fmt == "png":
        return _png(
            scene, source, out, dpi, transparent=transparent, tiles=tiles, progress=progress
        )
    if fmt == "svg":
        _svg(scene, source, out, mind_map.display_title, transparent, progress)
        return None
    if fmt == "pdf":
        overview = None
        if pages is PagesKind.BRANCHES:
            first, rect = picture_scene(
                mind_map,
                project=project,
                layout=layout,
                theme=theme,
                expand_level=1,
                view_filter=view_filter,
                items=False,
            )
            overview = (first, rect) if first is not None else None
        return _pdf(
            scene,
            source,
            out,
            mind_map.display_title,
            pages,
            paper,
            project,
            overview,
            progress,
            header,
        )
    raise ValueError(f"not an image format: {fmt}")


def picture_scene(
    mind_map: MindMap,
    *,
    project: Project | None = None,
    layout: str = "mindmap",
    theme: str = "light",
    expand_level: int | None = None,
    view_filter: ViewFilter | None = None,
    folded: Iterable[Node] | None = None,
    scope: Scope | None = None,
    items: bool = True,
) -> tuple[MapScene | None, QRectF]:
    """A scene holding the whole picture at full detail, and the rect to draw (None for
    a map without nodes).

    Args:
        view_filter: What the picture leaves out (None: the scope's filter, else nothing).
        folded: The folds to draw; None takes ``expand_level``, else the scope's, else the
            project's (the project is not changed).
        scope: What the picture shows: its folds and its filter, where ``folded``,
            ``expand_level`` and ``view_filter`` do not say (None: the map as folded).
        items: Bind an item to every node, for ``scene.render`` (PNG); False for a picture
            drawn from the layout (:mod:`karar.ui.pages` stamps the nodes of PDF pages,
            :mod:`karar.ui.svgexport` writes them into the SVG).
    """
    from PySide6.QtCore import QRectF

    from karar.core.layout import LayoutKind
    from karar.core.project import Project as _Project
    from karar.core.sources import BUILTIN_DJANGO
    from karar.ui.document import MapDocument
    from karar.ui.qtapp import ensure_app
    from karar.ui.scene import MapScene
    from karar.ui.theme import resolve_theme

    ensure_app()
    if expand_level is not None:
        folded = [n for n in mind_map if n.children and n.depth == expand_level]
    if scope is not None:
        folded = scope.folds() if folded is None else folded
        view_filter = scope.view_filter() if view_filter is None else view_filter
    document = MapDocument()
    scene = MapScene(document, resolve_theme(theme), kind=LayoutKind(layout))
    scene.animate = False
    # the picture's own copy: drawing never changes the project it shows
    shown = copy.deepcopy(project) if project is not None else _Project(map_ref=BUILTIN_DJANGO)
    with no_gc():  # an item and its measures per node, no cycles (see core/bulk.py)
        document.load(mind_map, mind_map.source or None, shown, folded)
        if view_filter is not None:
            scene.set_filter(view_filter)
        if scene.layout is None:
            return None, QRectF()
        x, y, w, h = scene.layout.bounds
        source = QRectF(x, y, w, h).adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN)
        if items:
            scene.sync_viewport(source, 1.0)  # every node of the picture gets its item
    return scene, source


class PictureTooLargeError(ExportError):
    """A PNG would be beyond :data:`MAX_PIXELS` even at the readable scale: it can be
    written as tiles instead (``tiles=True``).

    Attributes:
        width, height: The picture at the readable scale, in pixels.
        tiles: How many tiles it makes.
    """

    def __init__(self, message: str, width: int, height: int, tiles: int) -> None:
        super().__init__(message)
        self.width, self.height, self.tiles = width, height, tiles


BANDS = 4
"""A PNG is drawn in at most this many horizontal bands, of at least :data:`BAND_ROWS`
rows, telling progress after each. Each band costs about the same whatever its height
(every edge crossing it is stroked), so there are few; a tile is drawn as one band."""

BAND_ROWS = 4096


def tile_path(out: Path, tile: Tile) -> Path:
    """Where ``tile`` of the picture ``out`` is written: ``OUT-r1c2.png`` beside it."""
    return out.with_name(f"{out.stem}{tile.suffix}{out.suffix}")


def _png(
    scene: MapScene,
    source: QRectF,
    out: Path,
    dpi: int,
    *,
    transparent: bool = False,
    tiles: bool = False,
    progress: Progress | None = None,
) -> str | None:
    from karar.core.tiles import plan_tiles

    scale = dpi / 96.0
    notice = None
    longest = max(source.width(), source.height()) * scale
    if longest > MAX_PIXELS:
        fitted = scale * MAX_PIXELS / longest
        if fitted < READABLE_SCALE:
            # a squeezed strip of unreadable labels is no picture of the map: say so instead
            scale = min(scale, READABLE_SCALE)
            width, height = _pixels(source, scale)
            plan = plan_tiles(width, height, MAX_PIXELS)
            if not tiles:
                raise PictureTooLargeError(
                    f"{out}: the picture would be {width} x {height} px with readable "
                    f"labels, beyond the {MAX_PIXELS} px a PNG may have: write it as "
                    f"{len(plan)} tiles (--tiles), export a PDF poster (--pages poster) "
                    "or one branch (--scope branch:N)",
                    width,
                    height,
                    len(plan),
                )
            return _png_tiles(scene, source, out, scale, plan, transparent, progress)
        scale = fitted
        notice = Notice(
            f"the picture would be {longest:.0f} px long; scaled to {MAX_PIXELS} px "
            "(export SVG or PDF for a sharper picture of a map this size)",
            "scaled",
            longest=round(longest),
            limit=MAX_PIXELS,
        )
    width, height = _pixels(source, scale)
    if tiles:
        plan = plan_tiles(width, height, MAX_PIXELS)
        return _png_tiles(scene, source, out, scale, plan, transparent, progress) or notice
    bands = _bands(height)
    steps = _Steps(progress, len(bands) + 1)
    image = _png_image(scene, source, scale, 0, 0, width, height, transparent, steps)
    data = png_bytes(image)
    steps.tell()
    write_atomically(out, "PNG", data)
    return notice


def _pixels(source: QRectF, scale: float) -> tuple[int, int]:
    return max(1, round(source.width() * scale)), max(1, round(source.height() * scale))


def _bands(height: int, most: int | None = None) -> list[tuple[int, int]]:
    """The bands ``(top, rows)`` a picture ``height`` rows high is drawn in, at most
    ``most`` (None: :data:`BANDS`)."""
    count = max(1, min(BANDS if most is None else most, height // BAND_ROWS))
    cuts = [height * i // count for i in range(count + 1)]
    return [(cuts[i], cuts[i + 1] - cuts[i]) for i in range(count)]


class _Steps:
    """Counts the steps of one export and tells ``progress``; raises when it says stop."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def tell(self) -> None:
        self.done += 1
        if self.progress is not None and not self.progress(self.done, self.total):
            raise CancelledError("the export was cancelled: nothing was written")


def _png_image(
    scene: MapScene,
    source: QRectF,
    scale: float,
    left: int,
    top: int,
    width: int,
    height: int,
    transparent: bool,
    steps: _Steps,
    bands: int | None = None,
) -> QImage:
    """The ``width`` x ``height`` piece at (``left``, ``top``) of the picture drawn at
    ``scale``, painted band by band (one step each)."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter

    dpm = round(scale * 96 / 0.0254)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    if transparent:
        scene.setBackgroundBrush(Qt.BrushStyle.NoBrush)
        image.fill(Qt.GlobalColor.transparent)
    else:
        image.fill(scene.backgroundBrush().color())
    painter = QPainter(image)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    try:
        for y, rows in _bands(height, bands):
            # each band maps its own slice of the scene, so the bands meet without a seam
            band = QRectF(
                source.x() + left / scale,
                source.y() + (top + y) / scale,
                width / scale,
                rows / scale,
            )
            painter.setClipRect(0, y, width, rows)
            scene.render(
                painter, QRectF(0, y, width, rows), band, Qt.AspectRatioMode.IgnoreAspectRatio
            )
            steps.tell()
    finally:
        painter.end()  # before the image goes, also when the export is cancelled
    return image


def _png_tiles(
    scene: MapScene,
    source: QRectF,
    out: Path,
    scale: float,
    plan: list[Tile],
    transparent: bool,
    progress: Progress | None,
) -> str:
    """Write the picture as the tiles of ``plan``: all are drawn and encoded before the
    first is written (a cancel leaves every file as it was), and a failed write removes
    the tiles this run wrote."""
    steps = _Steps(progress, 2 * len(plan))
    encoded = []
    for tile in plan:
        image = _png_image(
            scene, source, scale, tile.x, tile.y, tile.width, tile.height, transparent, steps, 1
        )
        encoded.append((tile_path(out, tile), png_bytes(image)))
        del image
        steps.tell()
    written: list[Path] = []
    try:
        for path, data in encoded:
            write_atomically(path, "PNG", data)
            written.append(path)
    except ExportError:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    width = plan[-1].x + plan[-1].width
    height = plan[-1].y + plan[-1].height
    rows, cols = plan[-1].row, plan[-1].col
    count = f"{len(plan)} tiles" if len(plan) > 1 else "1 tile"
    first = tile_path(out, plan[0]).name
    return Notice(
        f"wrote the {width} x {height} px picture as {count} ({rows} x {cols}, {first} …)",
        "tiles",
        width=width,
        height=height,
        tiles=len(plan),
        rows=rows,
        cols=cols,
        first=first,
    )


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG, in memory (encoding cannot fail half-way on a full disk).

    Lossless, with :func:`karar.core.png.encode_png` (Qt's libpng writer took most of an
    export's time): RGB when every pixel is opaque, as a picture on the theme's background
    is, else RGBA; the resolution and the image's texts are kept.
    """
    from PySide6.QtGui import QImage

    from karar.core.png import encode_png

    if image.isNull():
        raise ExportError(Message("cannot encode the picture as PNG", "png-encode"))
    opaque = not image.hasAlphaChannel() or _opaque(image)
    fmt = QImage.Format.Format_RGB888 if opaque else QImage.Format.Format_RGBA8888
    pixels = image.convertToFormat(fmt)
    return encode_png(
        pixels.width(),
        pixels.height(),
        pixels.constBits(),
        pixels.bytesPerLine(),
        3 if opaque else 4,
        dots_per_metre=(image.dotsPerMeterX(), image.dotsPerMeterY()),
        texts=[
            (key, image.text(key)) for key in image.textKeys() if _latin1(key + image.text(key))
        ],
    )


def _opaque(image: QImage) -> bool:
    """Whether every pixel of ``image`` is fully opaque."""
    from PySide6.QtGui import QImage

    alpha = image.convertToFormat(QImage.Format.Format_Alpha8)
    view = memoryview(alpha.constBits())
    width, stride = alpha.width(), alpha.bytesPerLine()
    full = b"\xff" * width
    return all(view[r * stride : r * stride + width] == full for r in range(alpha.height()))


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def write_atomically(out: Path, what: str, data: bytes) -> None:
    """Write ``data`` to ``out`` through a ``QSaveFile``: only a complete file replaces the
    old one; a failed write or a full disk leaves the old file as it was.

    The whole file is made in memory first: Qt's PDF and SVG writers ignore short writes,
    and a ``QSaveFile`` commits whatever reached it.

    Raises:
        ExportError: The file cannot be written (one line, with the system's reason).
    """
    from PySide6.QtCore import QIODevice, QSaveFile

    file = QSaveFile(str(out))
    if not file.open(QIODevice.OpenModeFlag.WriteOnly):
        raise ExportError(cannot_write(out, what, file.errorString()))
    reason = None
    done = 0
    while done < len(data) and reason is None:
        written = file.write(data[done:] if done else data)  # a full disk: short, then -1
        if written > 0:
            done += written
        else:
            reason = file.errorString()
    if reason is None and not file.flush():
        reason = file.errorString()
    if reason is not None:
        file.cancelWriting()
        file.commit()  # a cancelled commit removes the temporary file, now
        raise ExportError(cannot_write(out, what, reason))
    if not file.commit():
        raise ExportError(cannot_write(out, what, file.errorString()))


def _svg(
    scene: MapScene,
    source: QRectF,
    out: Path,
    title: str,
    transparent: bool = False,
    progress: Progress | None = None,
) -> None:
    """Write the picture as SVG, drawn from the scene's layout by the canvas's own paint
    code (see :mod:`karar.ui.svgexport`), with the subsets of the fonts its labels use."""
    from karar.core.svgfonts import FontWorker
    from karar.ui.svgexport import CHUNK, svg_picture

    assert scene.layout is not None
    nodes = len(scene.layout.boxes)
    # the edges, each chunk of nodes, then the fonts
    steps = _Steps(progress, 2 + -(-nodes // CHUNK))
    # made on the other core while the picture is drawn, with the labels' characters (and
    # a fold handle's count) in the faces of nearly every label
    expected = set("+0123456789").union(*(node.label for node in scene.layout.boxes))
    fonts = FontWorker(_shipped_fonts(), {(False, False): expected, (True, False): expected})
    try:
        data, characters = svg_picture(
            scene, source, title, transparent=transparent, step=steps.tell, chunk=CHUNK
        )
        rules = fonts.rules(characters)
    finally:
        fonts.close()
    if rules:
        at = data.index(b"</style>")  # the painter's style sheet, in the head
        data = b"".join((data[:at], rules.encode("ascii"), b"\n", memoryview(data)[at:]))
    steps.tell()
    write_atomically(out, "SVG", data)


def _shipped_fonts() -> dict[tuple[bool, bool], bytes]:
    """The shipped Noto Sans faces by (bold, italic), as the SVG embeds them."""
    from importlib import resources

    folder = resources.files("karar.resources") / "fonts"
    names = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic"}
    names[(True, True)] = "BoldItalic"
    return {face: (folder / f"NotoSans-{name}.ttf").read_bytes() for face, name in names.items()}


def _pdf(
    scene: MapScene,
    source: QRectF,
    out: Path,
    title: str,
    pages: PagesKind,
    paper: PageSetup | None,
    project: Project | None,
    overview: tuple[MapScene, QRectF] | None,
    progress: Progress | None = None,
    header: Header | None = None,
) -> str | None:
    from karar.ui.pdfpages import pdf_pages

    try:
        data, plan = pdf_pages(
            scene,
            source,
            pages,
            paper or PageSetup(),
            title=title,
            project=project,
            overview=overview,
            progress=progress,
            header=header,
        )
    except OSError as exc:
        raise ExportError(cannot_write(out, "PDF", str(exc), exc.strerror)) from None
    except ValueError as exc:  # the bookmarks could not be added
        raise ExportError(cannot_add_bookmarks(str(exc), out)) from None
    write_atomically(out, "PDF", data)
    if len(plan) < 2:
        return None
    return Notice(f"wrote {len(plan)} pages ({pages})", "pages", pages=len(plan), kind=str(pages))
