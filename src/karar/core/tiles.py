"""How a picture too large for one PNG is cut into tiles, each at most a given size.

Pure arithmetic, shared by the PNG writer and its tests: the picture's columns and rows
are split as evenly as whole pixels allow, so that tiles meet edge to edge and cover the
picture exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tile:
    """One tile: its place in the grid (1-based) and its rectangle in picture pixels.

    Attributes:
        row: 1 for the top row.
        col: 1 for the left column.
        x, y: The tile's top-left corner in the picture.
        width, height: Its size in pixels.
    """

    row: int
    col: int
    x: int
    y: int
    width: int
    height: int

    @property
    def suffix(self) -> str:
        """What the tile's file name carries after the picture's: ``-r1c2``."""
        return f"-r{self.row}c{self.col}"


def _cuts(length: int, parts: int) -> list[int]:
    return [length * i // parts for i in range(parts + 1)]


def tile_count(width: int, height: int, most: int) -> tuple[int, int]:
    """The fewest ``(rows, columns)`` whose tiles are each at most ``most`` px a side."""
    if width < 1 or height < 1 or most < 1:
        raise ValueError(f"no tiles for a {width} x {height} picture at most {most} px")
    return -(-height // most), -(-width // most)


def plan_tiles(width: int, height: int, most: int) -> list[Tile]:
    """The tiles of a ``width`` x ``height`` picture, row by row, each at most ``most``
    px a side, their sizes differing by at most one pixel within a row or a column.

    Raises:
        ValueError: A size is not positive.
    """
    rows, cols = tile_count(width, height, most)
    xs, ys = _cuts(width, cols), _cuts(height, rows)
    return [
        Tile(r + 1, c + 1, xs[c], ys[r], xs[c + 1] - xs[c], ys[r + 1] - ys[r])
        for r in range(rows)
        for c in range(cols)
    ]
