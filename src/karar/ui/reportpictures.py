"""The branch pictures of the decision document: each section's branch, drawn by the map's scene.

A section's picture is its first-level branch alone, without the root (the branch scope,
``Scope('branch', N)``, cropped to the branch's own nodes), in the light theme, with the
project's folds except those that would hide a decision: every decided node is in its
section's picture. The root's own section (questions the root asks) shows the root and its
first-level branches; when they are too wide for labels of 7 pt on the page, in two pieces,
the branches on the root's right, then those on its left.

The same pictures go two ways:

- HTML (:meth:`BranchPictures.svg_markup`): an inline ``<svg>`` per section (labels as text,
  the shipped Noto Sans subset embedded), so the one file shows them offline.
- PDF (:meth:`BranchPictures.pdf_markup` and :meth:`BranchPictures.paint`): Qt's rich text
  holds images only as pixels, so the document gets a transparent placeholder image of the
  picture's printed size, and the page painter draws the scene over it, as vectors.

On paper a picture is at most as wide as the text and never drawn larger than on screen. A
picture taller than :data:`MAX_HEIGHT` of a page is cut into slices between rows of nodes
(never through a label), each on a page of its own if need be.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from karar.core.decision_report import ReportSection
from karar.core.filters import BranchOnly, ViewFilter
from karar.core.model import MindMap, Node
from karar.core.project import NodeState, Project
from karar.core.state import MapState

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QTextDocument

    from karar.ui.scene import MapScene

PLACEHOLDER = "karar-picture:"
"""How the PDF's placeholder images are named: this prefix and the slice's number."""

MAX_HEIGHT = 0.8
"""The most of a page's height one slice of a picture takes (the rest: the heading above)."""

LEAST_SCALE = 0.72
"""The least scale the root's picture is printed at before it is split in its two sides:
labels of 13 px stay 7 pt. (A branch is never split: the branches of the built-in map all
print at 0.77 or more.)"""

_MARGIN = 8.0


@dataclass(frozen=True)
class PictureSlice:
    """One printed piece of a section's picture.

    Attributes:
        branch: The section's branch number (1-based; 0: the root's section).
        source: The part of the scene it shows (scene coordinates).
        width: Its printed width (px at 96 per inch).
        height: Its printed height.
    """

    branch: int
    source: tuple[float, float, float, float]
    width: float
    height: float


def shown_folds(mind_map: MindMap, entries: Mapping[Node, NodeState]) -> list[Node]:
    """The project's folds, less those that would hide a decided node."""
    opened: set[Node] = set()
    for node, state in entries.items():
        if state.decision is not None:
            opened.update(node.ancestors())
    return [n for n, s in entries.items() if s.collapsed and n.children and n not in opened]


class BranchPictures:
    """The pictures of a document's sections, laid out once and drawn on demand.

    Args:
        mind_map: The map.
        project: Its decisions (the checkboxes and marks drawn).
        sections: The document's sections (:func:`karar.core.decision_report.report_sections`).
        entries: The project's state per node (for the folds).
        width: The printed width of the text (px at 96 per inch).
        page_height: The printed height of a page's text.
    """

    def __init__(
        self,
        mind_map: MindMap,
        project: Project,
        sections: Sequence[ReportSection],
        entries: Mapping[Node, NodeState],
        *,
        width: float = 657.0,
        page_height: float = 958.0,
    ) -> None:
        self._scene: MapScene | None = None
        self._shown: int | None = None
        self.slices: dict[Node, list[PictureSlice]] = {}
        root = mind_map.root
        if root is None or not sections:
            return
        from karar.ui.export import picture_scene

        # one scene for every section: its filter picks the branch
        scene, _ = picture_scene(
            mind_map, project=project, theme="light", folded=shown_folds(mind_map, entries)
        )
        if scene is None:
            return
        self._scene = scene
        numbers = {child: i for i, child in enumerate(root.children, 1)}
        for section in sections:
            number = numbers.get(section.branch, 0)
            self._show(number)
            parts = []
            for drawn, boxes in _pieces(scene, None if number == 0 else section.branch, width):
                parts.extend(_cut(number, drawn, boxes, width, page_height * MAX_HEIGHT))
            if parts:
                self.slices[section.branch] = parts

    def _show(self, number: int) -> MapScene:
        """The scene, showing section ``number``'s branch (0: the root and its branches)."""
        scene = self._scene
        assert scene is not None
        if self._shown != number:
            scene.set_filter(BranchOnly(number) if number else _FirstLevel())
            self._shown = number
        return scene

    def _prepared(self, part: PictureSlice) -> MapScene:
        from PySide6.QtCore import QRectF

        scene = self._show(part.branch)
        scene.sync_viewport(QRectF(*part.source), 1.0)  # every node of the slice has its item
        return scene

    def _numbered(self) -> list[PictureSlice]:
        return [part for parts in self.slices.values() for part in parts]

    def pdf_markup(self) -> dict[Node, str]:
        """Per section branch, the placeholders of its slices (images named
        :data:`PLACEHOLDER` and a number, of the slices' printed size)."""
        out: dict[Node, str] = {}
        number = 0
        for branch, parts in self.slices.items():
            tags = []
            for part in parts:
                # one line as tall as the image (the body's line height would add a gap)
                tags.append(
                    f'<p style="line-height: 100%"><img src="{PLACEHOLDER}{number}" '
                    f'width="{part.width:.0f}" height="{part.height:.0f}"></p>'
                )
                number += 1
            out[branch] = "\n".join(tags)
        return out

    def add_placeholders(self, document: QTextDocument) -> None:
        """Give ``document`` the placeholder images :meth:`pdf_markup` names (transparent)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QImage, QTextDocument

        blank = QImage(1, 1, QImage.Format.Format_ARGB32)
        blank.fill(0)
        for number in range(len(self._numbered())):
            document.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(f"{PLACEHOLDER}{number}"), blank
            )

    def paint(self, painter: QPainter, number: int, target: QRectF) -> None:
        """Draw slice ``number`` (as :meth:`pdf_markup` counts them) into ``target``."""
        from PySide6.QtCore import QRectF, Qt

        part = self._numbered()[number]
        scene = self._prepared(part)
        source = QRectF(*part.source)
        # a node next to a cut is drawn by one slice only (the other would hold it
        # clipped: invisible, yet text a reader finds twice)
        others = [
            item
            for item in scene.live_items().values()
            if item.isVisible() and not source.contains(item.sceneBoundingRect().center())
        ]
        for item in others:
            item.setVisible(False)
        painter.save()
        painter.setClipRect(target, Qt.ClipOperation.IntersectClip)
        # the placeholder's size is rounded to whole pixels: fill it, do not centre in it
        scene.render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)
        painter.restore()
        for item in others:
            item.setVisible(True)

    def svg_markup(self) -> dict[Node, str]:
        """Per section branch, its whole picture as an inline ``<svg>``, as wide as the text
        at most. The first carries the fonts of all (one subset of each face: the
        ``@font-face`` rules of inline pictures are the page's, and a later rule of the
        same face would hide an earlier one's characters)."""
        from karar.core.labels import plain_text
        from karar.core.svgfonts import embed_fonts

        drawn = {
            branch: self._svg(parts, plain_text(branch.label, branch.markdown))
            for branch, parts in self.slices.items()
        }
        if not drawn:
            return {}
        fonts = embed_fonts(_DEFS + b"".join(drawn.values()), _shipped_fonts())
        first = next(iter(drawn))
        drawn[first] = drawn[first].replace(_DEFS, fonts[: fonts.index(b"</defs>") + 7], 1)
        return {branch: _inline(svg) for branch, svg in drawn.items()}

    def _svg(self, parts: list[PictureSlice], title: str) -> bytes:
        from PySide6.QtCore import QBuffer, QIODevice, QRect, QRectF, QSize
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        from karar.core.errors import Message
        from karar.ui.export import ExportError

        x = min(p.source[0] for p in parts)
        y = min(p.source[1] for p in parts)
        right = max(p.source[0] + p.source[2] for p in parts)
        bottom = max(p.source[1] + p.source[3] for p in parts)
        source = QRectF(x, y, right - x, bottom - y)
        scene = self._show(parts[0].branch)
        scene.sync_viewport(source, 1.0)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        size = QSize(round(source.width()), round(source.height()))
        generator.setSize(size)
        generator.setResolution(96)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle(title)
        generator.setDescription("A branch of the decision map, drawn by Karar")
        painter = QPainter()
        if not painter.begin(generator):
            raise ExportError(Message("cannot draw the branch's picture", "branch-picture"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        target = QRectF(0, 0, size.width(), size.height())
        painter.fillRect(target, scene.backgroundBrush())
        scene.render(painter, target, source)
        painter.end()
        return bytes(buffer.data().data())


_DEFS = b"<defs>\n</defs>"


class _FirstLevel(ViewFilter):
    """The root and its first-level branches (the picture of the root's own questions)."""

    name = "first-level"
    folds_apply = False

    def hidden(self, state: MapState) -> frozenset[Node]:
        root = state.root
        if root is None:
            return frozenset()
        return frozenset(g for c in root.children for g in c.children)


def _inline(svg: bytes) -> str:
    """QSvgGenerator's file as an ``<svg>`` element of an HTML page: sized in pixels and
    shrinking to the page's width."""
    import re

    text = svg.decode("utf-8")
    text = text[text.index("<svg") :]
    head, _, rest = text.partition(">")
    width = re.search(r'viewBox="0 0 (\S+) (\S+)"', head)
    head = re.sub(r'\s(width|height)="[^"]*"', "", head)
    size = f' width="{width.group(1)}" height="{width.group(2)}"' if width else ""
    return f'{head}{size} style="max-width: 100%; height: auto; display: block" role="img">{rest}'


Boxes = list[tuple[float, float, float, float]]


def _pieces(scene: MapScene, branch: Node | None, width: float) -> list[tuple[Boxes, Boxes]]:
    """The picture, as (what its nodes draw, their boxes), each (x, y, w, h): ``branch``
    and what of it is shown, else the whole layout; a whole map too wide for readable
    labels is two pieces, the root with the branches on its right, then on its left."""
    from PySide6.QtCore import QRectF

    layout = scene.layout
    assert layout is not None
    boxes = layout.boxes
    nodes = list(boxes) if branch is None else [n for n in branch.walk() if n in boxes]
    scene.sync_viewport(QRectF(*layout.bounds), 1.0)
    live = scene.live_items()
    drawn: dict[Node, tuple[float, float, float, float]] = {}
    for node in nodes:
        # what a node draws reaches past its box (roll-up chips, note marks): its item's
        item = live.get(node)
        box = boxes[node]
        rect = item.sceneBoundingRect() if item is not None else QRectF(box.x, box.y, box.w, box.h)
        drawn[node] = (rect.x(), rect.y(), rect.width(), rect.height())

    def piece(keep: list[Node]) -> tuple[Boxes, Boxes]:
        return [drawn[n] for n in keep], [
            (boxes[n].x, boxes[n].y, boxes[n].w, boxes[n].h) for n in keep
        ]

    if branch is None:
        sides = [[n for n in nodes if boxes[n].side >= 0], [n for n in nodes if boxes[n].side <= 0]]
        left = min(d[0] for d in drawn.values()) - _MARGIN
        right = max(d[0] + d[2] for d in drawn.values()) + _MARGIN
        if all(len(side) > 1 for side in sides) and width / (right - left) < LEAST_SCALE:
            return [piece(side) for side in sides]
    return [piece(nodes)]


def _cut(
    number: int,
    drawn: Boxes,
    boxes: Boxes,
    width: float,
    max_height: float,
) -> list[PictureSlice]:
    """The picture of what is ``drawn`` at its printed scale, cut into slices no taller
    than ``max_height`` between rows of ``boxes`` (never through a label)."""
    x0 = min(b[0] for b in drawn) - _MARGIN
    y0 = min(b[1] for b in drawn) - _MARGIN
    x1 = max(b[0] + b[2] for b in drawn) + _MARGIN
    y1 = max(b[1] + b[3] for b in drawn) + _MARGIN
    scale = min(1.0, width / (x1 - x0))
    limit = max_height / scale  # the tallest slice, in scene units
    # where a cut may go: between boxes, below every box above it
    spans = sorted((b[1], b[1] + b[3]) for b in boxes)
    gaps: list[float] = []
    reach = y0
    for top, bottom in spans:
        if top > reach:
            gaps.append((reach + top) / 2)
        reach = max(reach, bottom)
    slices: list[PictureSlice] = []
    top = y0
    while y1 - top > limit:
        fitting = [g for g in gaps if top < g <= top + limit]
        cut = fitting[-1] if fitting else top + limit  # no gap: a row taller than a page
        slices.append(_slice(number, x0, top, x1 - x0, cut - top, scale))
        top = cut
    slices.append(_slice(number, x0, top, x1 - x0, y1 - top, scale))
    return slices


def _slice(number: int, x: float, y: float, w: float, h: float, scale: float) -> PictureSlice:
    return PictureSlice(number, (x, y, w, h), w * scale, h * scale)


def _shipped_fonts() -> dict[tuple[bool, bool], bytes]:
    """The shipped Noto Sans faces by (bold, italic), as the SVG embeds them."""
    from importlib import resources

    folder = resources.files("karar.resources") / "fonts"
    names = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic"}
    names[(True, True)] = "BoldItalic"
    return {face: (folder / f"NotoSans-{name}.ttf").read_bytes() for face, name in names.items()}
