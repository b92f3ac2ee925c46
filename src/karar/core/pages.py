"""Page plans for printing a map on paper: which part of the picture goes on which page.

Pure geometry, no Qt. Paper is measured in PostScript points (1/72 inch), the picture in
scene units (1 unit = 1 pixel at zoom 1). A plan is a list of :class:`Page`: for each, the
paper, the scene rect it shows, where that goes on the paper, its label and a bookmark title.

Three plans:

- **fit**: the whole picture on one page, scaled to fit.
- **poster**: tiled at the scale where the smallest label is :data:`MIN_LABEL_PT` tall,
  a grid of pages that overlap by :attr:`PageSetup.overlap`, labelled A1, A2, ... B1 (row
  letter, column number); a tile on which nothing of the picture is drawn is left out
  (the others keep their labels, and the page map shows the gap); the first page carries
  the page map.
- **branches**: an overview (the root and its first-level branches), then one page per
  first-level branch, fitted, or tiled as a poster when fitting would shrink its labels
  below :data:`MIN_LABEL_PT`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

MIN_LABEL_PT = 8.0

BRANCH_LABEL_PT = 12.0
"""The largest smallest label on a branch's page, in points: a small branch is printed at
the size of its neighbours, not blown up to fill the sheet."""
"""The smallest label a printed page may carry, in points."""

PAPERS: dict[str, tuple[float, float]] = {
    "A4": (595.0, 842.0),
    "A3": (842.0, 1191.0),
    "A2": (1191.0, 1684.0),
    "Letter": (612.0, 792.0),
    "Legal": (612.0, 1008.0),
}
"""Portrait paper sizes in points (width, height), rounded as Qt's QPageSize rounds them."""


class Orientation(StrEnum):
    """How the paper is turned; AUTO follows the shape of what the page shows."""

    AUTO = "auto"
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


class PagesKind(StrEnum):
    """The three plans."""

    FIT = "fit"
    POSTER = "poster"
    BRANCHES = "branches"


class Layer(StrEnum):
    """Which picture a page shows: the whole map, or only the root and its branches."""

    FULL = "full"
    OVERVIEW = "overview"


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle (y grows downward)."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        """Right edge."""
        return self.x + self.w

    @property
    def bottom(self) -> float:
        """Bottom edge."""
        return self.y + self.h

    @staticmethod
    def union(rects: Sequence[Rect]) -> Rect:
        """The smallest rect enclosing ``rects`` (at least one)."""
        x0 = min(r.x for r in rects)
        y0 = min(r.y for r in rects)
        return Rect(x0, y0, max(r.right for r in rects) - x0, max(r.bottom for r in rects) - y0)


@dataclass(frozen=True)
class PageSetup:
    """The paper and its furniture.

    Attributes:
        paper: A key of :data:`PAPERS`.
        orientation: Portrait, landscape, or by the content's shape.
        margin: Blank border on every side, in points.
        header: Height of the header band (title, project, date, legend) at the top of
            the printable area, in points.
        overlap: How much neighbouring poster pages repeat of each other, in points.
    """

    paper: str = "A4"
    orientation: Orientation = Orientation.AUTO
    margin: float = 28.0
    header: float = 30.0
    overlap: float = 18.0

    def paper_rect(self, content_w: float, content_h: float) -> Rect:
        """The paper, turned for content of this shape."""
        w, h = PAPERS[self.paper]
        landscape = self.orientation is Orientation.LANDSCAPE or (
            self.orientation is Orientation.AUTO and content_w > content_h
        )
        return Rect(0.0, 0.0, h, w) if landscape else Rect(0.0, 0.0, w, h)

    def body(self, paper: Rect) -> Rect:
        """Where the picture goes on ``paper``: inside the margins, below the header."""
        m = self.margin
        return Rect(m, m + self.header, paper.w - 2 * m, paper.h - 2 * m - self.header)


@dataclass(frozen=True)
class Page:
    """One page of a plan.

    Attributes:
        paper: The sheet, in points, at (0, 0).
        scene: The part of the picture it shows, in scene units.
        target: Where ``scene`` is drawn on the paper, in points (same aspect ratio).
        label: The page's name, printed on it (``A1``; ``3``; ``3 B2``; empty for fit).
        title: The bookmark title.
        layer: Which picture ``scene`` is a rect of.
        row: Row in its poster grid (0 based), -1 off a grid.
        col: Column in its poster grid, -1 off a grid.
        grid: ``(rows, cols)`` of the poster on the page that carries the page map (the
            first of two or more), else None.
        branch: The first-level branch (1-based) the page shows alone; 0: the whole picture.
        skipped: On the page that carries the page map: the tiles ``(row, col)`` of its
            grid that the plan leaves out, nothing being drawn on them.
    """

    paper: Rect
    scene: Rect
    target: Rect
    label: str
    title: str
    layer: Layer = Layer.FULL
    row: int = -1
    col: int = -1
    grid: tuple[int, int] | None = None
    branch: int = 0
    skipped: frozenset[tuple[int, int]] = frozenset()

    @property
    def scale(self) -> float:
        """Points per scene unit."""
        return self.target.w / self.scene.w


def row_letters(row: int) -> str:
    """``0`` → ``A``, ``25`` → ``Z``, ``26`` → ``AA``: spreadsheet column letters."""
    letters = ""
    row += 1
    while row:
        row, rest = divmod(row - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def plan_fit(content: Rect, setup: PageSetup, title: str = "") -> list[Page]:
    """The whole ``content`` on one page, as large as fits, centred in the body."""
    return [_fitted(content, setup, "", title, Layer.FULL)]


def poster_scale(label_height: float) -> float:
    """Points per scene unit at which a label ``label_height`` units tall is 8 pt."""
    return MIN_LABEL_PT / label_height


def plan_poster(
    content: Rect,
    setup: PageSetup,
    label_height: float,
    title: str = "",
    *,
    prefix: str = "",
    layer: Layer = Layer.FULL,
    keep: tuple[float, float] = (0.0, 0.0),
    branch: int = 0,
    shows: Callable[[Rect], bool] | None = None,
) -> list[Page]:
    """``content`` tiled on a grid of pages at :func:`poster_scale`, row by row.

    Args:
        content: The picture's rect, in scene units.
        setup: Paper and margins.
        label_height: The smallest label's height, in scene units.
        title: Bookmark title; each page's is ``title`` and its label.
        prefix: Put before every page label (``"3 "`` for the tiles of branch 3).
        layer: Which picture ``content`` is a rect of.
        keep: Width and height of the largest node, in scene units: neighbouring pages
            overlap by at least this much, so that every node is whole on some page.
        branch: The first-level branch the pages show alone (0: the whole picture).
        shows: Whether anything of the picture is drawn in a scene rect; a tile for which
            it says no is left out (None: every tile is kept). The first tile is kept
            when it says no to all.
    """
    scale = poster_scale(label_height)
    paper = setup.paper_rect(content.w, content.h)
    body = setup.body(paper)
    tile_w, tile_h = body.w / scale, body.h / scale
    overlap_x = min(max(setup.overlap / scale, keep[0]), tile_w / 2)
    overlap_y = min(max(setup.overlap / scale, keep[1]), tile_h / 2)
    cols = _tiles(content.w, tile_w, overlap_x)
    rows = _tiles(content.h, tile_h, overlap_y)
    tiles: list[tuple[int, int, Rect]] = []
    skipped: set[tuple[int, int]] = set()
    for row in range(rows):
        for col in range(cols):
            scene = Rect(
                content.x + col * (tile_w - overlap_x),
                content.y + row * (tile_h - overlap_y),
                tile_w,
                tile_h,
            )
            if shows is None or shows(scene):
                tiles.append((row, col, scene))
            else:
                skipped.add((row, col))
    if not tiles:
        tiles.append((0, 0, Rect(content.x, content.y, tile_w, tile_h)))
        skipped.discard((0, 0))
    pages: list[Page] = []
    for row, col, scene in tiles:
        label = f"{prefix}{row_letters(row)}{col + 1}"
        first = not pages and len(tiles) > 1
        pages.append(
            Page(
                paper,
                scene,
                body,
                label,
                f"{title} {label}".strip(),
                layer,
                row,
                col,
                (rows, cols) if first else None,
                branch,
                frozenset(skipped) if first else frozenset(),
            )
        )
    return pages


def plan_branches(
    overview: Rect,
    branches: Sequence[tuple[str, Rect]],
    setup: PageSetup,
    label_height: float,
    title: str = "",
    keep: tuple[float, float] = (0.0, 0.0),
) -> list[Page]:
    """An overview page, then each first-level branch on its own page (or tiles).

    Args:
        overview: The rect of the picture folded to the first level (layer OVERVIEW).
        branches: Each first-level branch's title and the rect of its subtree in the
            picture of that branch alone (its pages show it without its neighbours).
        setup: Paper and margins.
        label_height: The smallest label's height, in scene units.
        title: The map's title, for the overview's bookmark.
        keep: The largest node's size, as for :func:`plan_poster`.
    """
    pages = [_fitted(overview, setup, "", title or "Overview", Layer.OVERVIEW)]
    for number, (name, rect) in enumerate(branches, start=1):
        fitted = _fitted(rect, setup, str(number), name, Layer.FULL, BRANCH_LABEL_PT / label_height)
        page = replace(fitted, branch=number)
        if page.scale * label_height >= MIN_LABEL_PT:
            pages.append(page)
        else:
            pages.extend(
                plan_poster(
                    rect, setup, label_height, name, prefix=f"{number} ", keep=keep, branch=number
                )
            )
    return pages


def _fitted(
    content: Rect,
    setup: PageSetup,
    label: str,
    title: str,
    layer: Layer,
    most: float = math.inf,
) -> Page:
    """``content`` as large as fits the body, up to ``most`` points per scene unit."""
    paper = setup.paper_rect(content.w, content.h)
    body = setup.body(paper)
    scale = min(body.w / content.w, body.h / content.h, most)
    w, h = content.w * scale, content.h * scale
    target = Rect(body.x + (body.w - w) / 2, body.y + (body.h - h) / 2, w, h)
    return Page(paper, content, target, label, title, layer)


def _tiles(length: float, tile: float, overlap: float) -> int:
    """How many tiles of ``tile`` overlapping by ``overlap`` cover ``length``."""
    if length <= tile:
        return 1
    # a hair of tolerance: a length that is a whole number of steps needs no extra tile
    return 1 + math.ceil((length - tile) / (tile - overlap) - 1e-9)
