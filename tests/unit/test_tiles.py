"""The tiling of a picture too large for one PNG: exact rectangles, edge to edge, each
within the limit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from karar.core.tiles import Tile, plan_tiles, tile_count


def test_a_picture_within_the_limit_is_one_tile() -> None:
    assert plan_tiles(300, 200, 300) == [Tile(1, 1, 0, 0, 300, 200)]


def test_a_tall_strip_is_cut_into_even_rows() -> None:
    assert plan_tiles(463, 40_000, 16_384) == [
        Tile(1, 1, 0, 0, 463, 13_333),
        Tile(2, 1, 0, 13_333, 463, 13_333),
        Tile(3, 1, 0, 26_666, 463, 13_334),
    ]


def test_a_grid_goes_row_by_row() -> None:
    assert plan_tiles(25, 12, 10) == [
        Tile(1, 1, 0, 0, 8, 6),
        Tile(1, 2, 8, 0, 8, 6),
        Tile(1, 3, 16, 0, 9, 6),
        Tile(2, 1, 0, 6, 8, 6),
        Tile(2, 2, 8, 6, 8, 6),
        Tile(2, 3, 16, 6, 9, 6),
    ]
    assert [t.suffix for t in plan_tiles(25, 12, 10)][:2] == ["-r1c1", "-r1c2"]


def test_one_pixel_over_makes_two() -> None:
    assert tile_count(16_385, 16_384, 16_384) == (1, 2)


@pytest.mark.parametrize("size", [(0, 5), (5, 0)])
def test_an_empty_picture_has_no_tiles(size: tuple[int, int]) -> None:
    with pytest.raises(ValueError, match="no tiles"):
        plan_tiles(*size, 10)


@given(st.integers(1, 5_000), st.integers(1, 5_000), st.integers(100, 2_000))
def test_tiles_cover_the_picture_once_each_within_the_limit(
    width: int, height: int, most: int
) -> None:
    tiles = plan_tiles(width, height, most)
    rows, cols = tile_count(width, height, most)
    assert len(tiles) == rows * cols
    assert all(0 < t.width <= most and 0 < t.height <= most for t in tiles)
    assert sum(t.width * t.height for t in tiles) == width * height
    # edge to edge: each tile starts where its left and upper neighbours end
    grid = {(t.row, t.col): t for t in tiles}
    for t in tiles:
        left, up = grid.get((t.row, t.col - 1)), grid.get((t.row - 1, t.col))
        assert t.x == (left.x + left.width if left else 0)
        assert t.y == (up.y + up.height if up else 0)
    last = tiles[-1]
    assert (last.x + last.width, last.y + last.height) == (width, height)
    # fewest: one tile fewer in a direction would be too large
    assert (rows - 1) * most < height and (cols - 1) * most < width
