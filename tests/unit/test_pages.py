"""The page planner: exact rectangles on A4 (595 x 842 pt, 28 pt margins, a 30 pt header)."""

from __future__ import annotations

import pytest

from karar.core.pages import (
    PAPERS,
    Layer,
    Orientation,
    PageSetup,
    Rect,
    plan_branches,
    plan_fit,
    plan_poster,
    poster_scale,
    row_letters,
)

PORTRAIT_BODY = Rect(28.0, 58.0, 539.0, 756.0)
LANDSCAPE_BODY = Rect(28.0, 58.0, 786.0, 509.0)


def test_papers_are_in_points_portrait() -> None:
    assert PAPERS["A4"] == (595.0, 842.0)
    assert PAPERS["A3"] == (842.0, 1191.0)
    assert PAPERS["Letter"] == (612.0, 792.0)
    assert all(w < h for w, h in PAPERS.values())


@pytest.mark.parametrize(
    ("orientation", "w", "h", "paper"),
    [
        (Orientation.AUTO, 300.0, 100.0, Rect(0.0, 0.0, 842.0, 595.0)),
        (Orientation.AUTO, 100.0, 300.0, Rect(0.0, 0.0, 595.0, 842.0)),
        (Orientation.PORTRAIT, 300.0, 100.0, Rect(0.0, 0.0, 595.0, 842.0)),
        (Orientation.LANDSCAPE, 100.0, 300.0, Rect(0.0, 0.0, 842.0, 595.0)),
    ],
)
def test_orientation_follows_the_content_unless_fixed(
    orientation: Orientation, w: float, h: float, paper: Rect
) -> None:
    assert PageSetup(orientation=orientation).paper_rect(w, h) == paper


def test_fit_fills_the_body_of_a_landscape_page() -> None:
    (page,) = plan_fit(Rect(-10.0, 5.0, 1572.0, 1018.0), PageSetup(), "Map")
    assert page.paper == Rect(0.0, 0.0, 842.0, 595.0)
    assert page.scene == Rect(-10.0, 5.0, 1572.0, 1018.0)
    assert page.target == LANDSCAPE_BODY
    assert page.scale == 0.5
    assert (page.label, page.title, page.layer, page.grid) == ("", "Map", Layer.FULL, None)


def test_fit_centres_a_narrow_picture() -> None:
    (page,) = plan_fit(Rect(0.0, 0.0, 539.0, 1512.0), PageSetup())
    assert page.paper == Rect(0.0, 0.0, 595.0, 842.0)
    assert page.target == Rect(162.75, 58.0, 269.5, 756.0)


def test_fit_scales_a_small_picture_up() -> None:
    (page,) = plan_fit(Rect(0.0, 0.0, 269.5, 378.0), PageSetup())
    assert page.target == PORTRAIT_BODY
    assert page.scale == 2.0


def test_poster_scale_makes_the_smallest_label_8_points() -> None:
    assert poster_scale(16.0) == 0.5
    assert poster_scale(13.0) * 13.0 == pytest.approx(8.0)


def test_poster_tiles_row_by_row_with_overlap() -> None:
    # 0.5 pt per unit: a tile is 1078 x 1512 units, the 18 pt overlap 36 units
    setup = PageSetup(orientation=Orientation.PORTRAIT)
    pages = plan_poster(Rect(0.0, 0.0, 3162.0, 2988.0), setup, 16.0, "Map")
    assert [p.label for p in pages] == ["A1", "A2", "A3", "B1", "B2", "B3"]
    assert [p.scene for p in pages] == [
        Rect(0.0, 0.0, 1078.0, 1512.0),
        Rect(1042.0, 0.0, 1078.0, 1512.0),
        Rect(2084.0, 0.0, 1078.0, 1512.0),
        Rect(0.0, 1476.0, 1078.0, 1512.0),
        Rect(1042.0, 1476.0, 1078.0, 1512.0),
        Rect(2084.0, 1476.0, 1078.0, 1512.0),
    ]
    assert all(p.target == PORTRAIT_BODY for p in pages)
    assert all(p.paper == Rect(0.0, 0.0, 595.0, 842.0) for p in pages)
    assert {p.scale for p in pages} == {0.5}
    assert [(p.row, p.col) for p in pages] == [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)]
    assert [p.grid for p in pages] == [(2, 3), None, None, None, None, None]
    assert pages[4].title == "Map B2"


def test_poster_leaves_out_the_tiles_nothing_is_drawn_on() -> None:
    setup = PageSetup(orientation=Orientation.PORTRAIT)
    asked: list[Rect] = []

    def shows(rect: Rect) -> bool:
        asked.append(rect)
        return rect.x > 0.0 or rect.y > 0.0  # all but A1

    pages = plan_poster(Rect(0.0, 0.0, 3162.0, 2988.0), setup, 16.0, "Map", shows=shows)
    assert len(asked) == 6
    assert [p.label for p in pages] == ["A2", "A3", "B1", "B2", "B3"]
    assert (pages[0].grid, pages[0].skipped) == ((2, 3), frozenset({(0, 0)}))
    pages = plan_poster(
        Rect(0.0, 0.0, 3162.0, 2988.0), setup, 16.0, "Map", shows=lambda r: r.y == 0.0
    )
    assert [p.label for p in pages] == ["A1", "A2", "A3"]
    assert pages[2].scene == Rect(2084.0, 0.0, 1078.0, 1512.0)  # where it was
    assert [p.grid for p in pages] == [(2, 3), None, None]
    assert [p.skipped for p in pages] == [
        frozenset({(1, 0), (1, 1), (1, 2)}),
        frozenset(),
        frozenset(),
    ]
    assert pages[1].title == "Map A2"


def test_a_poster_keeps_its_page_map_on_its_first_kept_page() -> None:
    setup = PageSetup(orientation=Orientation.PORTRAIT)
    content = Rect(0.0, 0.0, 3162.0, 2988.0)
    pages = plan_poster(content, setup, 16.0, shows=lambda r: r.y > 0.0 and r.x > 0.0)
    assert [(p.label, p.grid) for p in pages] == [("B2", (2, 3)), ("B3", None)]
    assert pages[0].skipped == frozenset({(0, 0), (0, 1), (0, 2), (1, 0)})
    (alone,) = plan_poster(content, setup, 16.0, shows=lambda r: r.x == 1042.0 and r.y == 0.0)
    assert (alone.label, alone.grid, alone.skipped) == ("A2", None, frozenset())
    (first,) = plan_poster(content, setup, 16.0, shows=lambda r: False)
    assert (first.label, first.scene) == ("A1", Rect(0.0, 0.0, 1078.0, 1512.0))


def test_poster_adds_a_tile_for_one_unit_more() -> None:
    setup = PageSetup(orientation=Orientation.PORTRAIT)
    pages = plan_poster(Rect(0.0, 0.0, 3163.0, 1512.0), setup, 16.0)
    assert [p.label for p in pages] == ["A1", "A2", "A3", "A4"]
    assert pages[3].scene == Rect(3126.0, 0.0, 1078.0, 1512.0)


def test_a_small_poster_is_one_page() -> None:
    (page,) = plan_poster(Rect(5.0, 6.0, 100.0, 50.0), PageSetup(), 16.0)
    assert page.paper == Rect(0.0, 0.0, 842.0, 595.0)
    assert page.scene == Rect(5.0, 6.0, 1572.0, 1018.0)
    assert (page.label, page.grid) == ("A1", None)  # no map of the pages for one page


def test_row_letters_go_on_past_z() -> None:
    assert [row_letters(r) for r in (0, 1, 25, 26, 27, 51, 52)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
    ]


def test_branches_overview_then_a_page_or_tiles_per_branch() -> None:
    setup = PageSetup(orientation=Orientation.PORTRAIT)
    small = Rect(0.0, 0.0, 539.0, 756.0)  # would fit at 1 pt per unit: 16 pt labels
    big = Rect(0.0, 1000.0, 2000.0, 1512.0)  # fitted: 0.2695 pt per unit, 4.3 pt labels
    pages = plan_branches(
        Rect(0.0, 0.0, 1078.0, 1512.0), [("Small", small), ("Big", big)], setup, 16.0, "Map"
    )
    assert [(p.label, p.title, p.layer) for p in pages] == [
        ("", "Map", Layer.OVERVIEW),
        ("1", "Small", Layer.FULL),
        ("2 A1", "Big 2 A1", Layer.FULL),
        ("2 A2", "Big 2 A2", Layer.FULL),
    ]
    assert [p.branch for p in pages] == [0, 1, 2, 2]
    assert pages[0].target == PORTRAIT_BODY
    # never blown up past 12 pt labels: 0.75 pt per unit, centred in the body
    assert pages[1].scale == 0.75
    b = PORTRAIT_BODY
    assert pages[1].target == Rect(
        b.x + (b.w - 539.0 * 0.75) / 2, b.y + (b.h - 756.0 * 0.75) / 2, 539.0 * 0.75, 567.0
    )
    assert pages[2].scene == Rect(0.0, 1000.0, 1078.0, 1512.0)
    assert pages[3].scene == Rect(1042.0, 1000.0, 1078.0, 1512.0)
    assert pages[2].grid == (1, 2)


def test_a_branch_fitted_at_exactly_8_points_is_not_tiled() -> None:
    pages = plan_branches(
        Rect(0.0, 0.0, 10.0, 10.0),
        [("Edge", Rect(0.0, 0.0, 1078.0, 1512.0))],
        PageSetup(orientation=Orientation.PORTRAIT),
        16.0,
    )
    assert [p.label for p in pages] == ["", "1"]
    assert pages[1].scale * 16.0 == 8.0


def test_poster_overlaps_by_the_largest_node_so_each_is_whole_on_a_page() -> None:
    setup = PageSetup(orientation=Orientation.PORTRAIT)
    pages = plan_poster(Rect(0.0, 0.0, 2000.0, 1600.0), setup, 16.0, keep=(300.0, 20.0))
    # across: 300 units of overlap (more than the 36 of 18 pt); down: 36 (more than 20)
    assert [p.scene for p in pages] == [
        Rect(0.0, 0.0, 1078.0, 1512.0),
        Rect(778.0, 0.0, 1078.0, 1512.0),
        Rect(1556.0, 0.0, 1078.0, 1512.0),
        Rect(0.0, 1476.0, 1078.0, 1512.0),
        Rect(778.0, 1476.0, 1078.0, 1512.0),
        Rect(1556.0, 1476.0, 1078.0, 1512.0),
    ]


def test_poster_overlap_never_passes_half_a_page() -> None:
    setup = PageSetup(orientation=Orientation.PORTRAIT)
    pages = plan_poster(Rect(0.0, 0.0, 1700.0, 100.0), setup, 16.0, keep=(5000.0, 0.0))
    assert [p.scene.x for p in pages] == [0.0, 539.0, 1078.0]
