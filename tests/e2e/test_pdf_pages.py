"""``karar export -o OUT.pdf --pages ...``: the pages a user prints, read back with poppler."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from poppler import bookmarks, word_boxes

from karar.core.labels import plain_text
from karar.core.pages import MIN_LABEL_PT, PageSetup, PagesKind, Rect
from karar.core.sources import load_map
from karar.ui.export import picture_scene
from karar.ui.pages import plan_pages, smallest_label_height

if TYPE_CHECKING:
    from karar.ui.scene import MapScene


def export(out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "karar", "export", "-o", str(out), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result


def page_texts(pdf: Path) -> list[str]:
    """The text of each page, ligatures undone and whitespace collapsed (labels wrap)."""
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [" ".join(unicodedata.normalize("NFKC", page).split()) for page in text.split("\f")]
    return pages[:-1] if pages and not pages[-1] else pages


def built_in_labels() -> list[str]:
    return [" ".join(plain_text(n.label, n.markdown).split()) for n in load_map(None)]


def test_a_poster_of_the_built_in_map_on_a4(tmp_path: Path) -> None:
    mind_map = load_map(None)
    scene, source = picture_scene(mind_map)
    assert scene is not None
    plan = plan_pages(PagesKind.POSTER, PageSetup(), scene, source, None, mind_map.display_title)
    out = tmp_path / "poster.pdf"
    result = export(out, "--pages", "poster", "--paper", "A4")
    pages = page_texts(out)
    assert len(plan) > 1
    assert len(pages) == len(plan)
    assert f"wrote {len(plan)} pages" in result.stderr
    missing = [label for label in built_in_labels() if not any(label in p for p in pages)]
    assert missing == []
    assert min(p.scale for p in plan) * smallest_label_height() >= MIN_LABEL_PT
    assert all(page.label in text for page, text in zip(plan, pages, strict=True))
    title = mind_map.display_title
    assert bookmarks(out) == [(f"{title} {p.label}", n) for n, p in enumerate(plan)]


def test_branches_is_an_overview_and_a_page_per_branch(tmp_path: Path) -> None:
    out = tmp_path / "branches.pdf"
    export(out, "--pages", "branches")
    pages = page_texts(out)
    assert len(pages) == 34
    root = load_map(None).root
    assert root is not None
    branches = [" ".join(plain_text(b.label, b.markdown).split()) for b in root.children]
    assert all(b in pages[0] for b in branches)  # the overview names every branch
    assert len(branches) == 33  # every branch fits its page with labels of 8 pt or more
    assert all(branch in page for branch, page in zip(branches, pages[1:], strict=True))
    assert bookmarks(out) == [(load_map(None).display_title, 0)] + [
        (branch, number) for number, branch in enumerate(branches, start=1)
    ]
    missing = [label for label in built_in_labels() if not any(label in p for p in pages)]
    assert missing == []
    # a branch's page shows that branch alone: no label of another branch leaks in
    for number, (branch, page) in enumerate(zip(root.children, pages[1:], strict=True), 1):
        own = [" ".join(plain_text(n.label, n.markdown).split()) for n in branch.walk()]
        others = {
            text
            for other in root.children
            if other is not branch
            for n in other.walk()
            for text in [" ".join(plain_text(n.label, n.markdown).split())]
            if not any(text in mine for mine in own)
        }
        assert [text for text in others if text in page] == [], branches[number - 1]


@pytest.mark.parametrize(
    ("paper", "orientation", "size"),
    [
        ("A4", "auto", "595 x 842"),
        ("Letter", "landscape", "792 x 612"),
        ("A3", "portrait", "842 x 1191"),
    ],
)
def test_fit_is_one_page_of_the_chosen_paper(
    tmp_path: Path, paper: str, orientation: str, size: str
) -> None:
    out = tmp_path / "fit.pdf"
    export(out, "--paper", paper, "--orientation", orientation)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1\n" in info
    assert f"Page size:       {size} pts" in info


def test_the_overview_names_the_page_of_each_branch_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "branches.pdf"
    export(out, "--pages", "branches", "--paper", "A4")
    words = word_boxes(out, 1)[0]
    refs = {
        int(after[0]): (after[2] + after[4]) / 2
        for word, after in pairwise(words)
        if word[0] == "p." and after[0].isdigit()
    }
    # the built-in map numbers its branches: "1. Başlangıç …" … "33. Antipatterns …"
    numbered = {int(w[0][:-1]): (w[2] + w[4]) / 2 for w in words if re.fullmatch(r"\d+\.", w[0])}
    assert sorted(refs) == list(range(2, 35))
    assert sorted(numbered) == list(range(1, 34))
    assert all(abs(refs[k + 1] - numbered[k]) < 10 for k in numbered)  # on the branch's line


def test_a_poster_header_keeps_clear_of_the_cut_marks(tmp_path: Path) -> None:
    mind_map = load_map(None)
    scene, source = picture_scene(mind_map)
    assert scene is not None
    plan = plan_pages(PagesKind.POSTER, PageSetup(), scene, source, None, mind_map.display_title)
    out = tmp_path / "poster.pdf"
    export(out, "--pages", "poster", "--paper", "A4")
    for number in (1, len(plan)):
        body = plan[number - 1].target
        header = [w for w in word_boxes(out, number)[0] if w[4] <= body.y]
        assert {"chosen", "rejected", "considering", plan[number - 1].label} <= {
            w[0] for w in header
        }
        # the cut marks stand on the picture's left and right edges, above its corners
        crossing = [w[0] for w in header if w[1] < body.x + 1 or w[3] > body.right - 1]
        assert crossing == []
    # the cut marks themselves: dark lines out from each corner of the picture, on white
    from PySide6.QtGui import QImage

    subprocess.run(
        ["pdftoppm", "-r", "144", "-f", "1", "-l", "1", "-png", str(out), str(tmp_path / "c")],
        check=True,
    )
    (png,) = tmp_path.glob("c-*.png")
    image = QImage(str(png))
    body = plan[0].target
    for x, dx in ((body.x, -1), (body.right, 1)):
        for y, dy in ((body.y, -1), (body.bottom, 1)):
            for px, py in ((x + dx * 7, y), (x, y + dy * 7), (x + dx * 7, y + dy * 7)):
                shade = min(
                    image.pixelColor(round(px * 2) + i, round(py * 2) + j).lightness()
                    for i in (-1, 0, 1)
                    for j in (-1, 0, 1)
                )
                mark = (px, py) != (x + dx * 7, y + dy * 7)  # off the lines: white paper
                assert (shade < 160) == mark, (px, py, shade)


def test_branch_pages_print_the_background_and_each_branch_in_its_colour(
    tmp_path: Path,
) -> None:
    from PySide6.QtGui import QColor, QImage

    from karar.ui.theme import make_theme

    out = tmp_path / "branches.pdf"
    export(out, "--pages", "branches", "--paper", "A4")
    dpi = 36
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(out), str(tmp_path / "p")], check=True)
    images = [
        QImage(str(p)).convertToFormat(QImage.Format.Format_RGB32)
        for p in sorted(tmp_path.glob("p-*.png"))
    ]
    assert len(images) == 34
    theme = make_theme("light")

    def near(c: QColor, want: QColor) -> bool:
        return (
            abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue())
            < 24
        )

    def count(image: QImage, want: QColor) -> int:
        pixels = Counter(memoryview(image.constBits()).cast("I"))  # type: ignore[arg-type]
        return sum(n for rgb, n in pixels.items() if near(QColor.fromRgb(rgb), want))

    mind_map = load_map(None)
    scene, source = picture_scene(mind_map)
    overview, rect = picture_scene(mind_map, expand_level=1)
    assert scene is not None and overview is not None
    plan = plan_pages(
        PagesKind.BRANCHES, PageSetup(), scene, source, (overview, rect), mind_map.display_title
    )
    for number, (page, image) in enumerate(zip(plan, images, strict=True)):
        # just inside the picture's corner: the theme's background, not the white paper
        inside = image.pixelColor(
            round((page.target.x + 1) * dpi / 72), round((page.target.y + 1) * dpi / 72)
        )
        assert near(inside, theme.background), (number, inside.name())
        if number:
            own, neighbour = theme.branch(number - 1), theme.branch(number)
            assert count(image, own) > 60, number
            if own != neighbour:
                assert count(image, neighbour) < count(image, own) / 10, number


GAPS = Path(__file__).parent.parent / "data" / "poster-gaps.mmd"
"""A tall branch on one side, a long thin one on the other: corners of bare background."""


def _blank(scene: MapScene, rect: Rect, scale: float = 0.5) -> bool:
    """Whether the scene draws nothing but its background in ``rect``."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    size = (max(1, round(rect.w * scale)), max(1, round(rect.h * scale)))
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(scene.backgroundBrush().color())
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(image.rect()), QRectF(rect.x, rect.y, rect.w, rect.h))
    painter.end()
    return set(memoryview(image.constBits()).cast("I")) == {scene.backgroundBrush().color().rgb()}


def test_a_poster_leaves_out_the_pages_nothing_is_drawn_on(tmp_path: Path) -> None:
    mind_map = load_map(GAPS)
    scene, source = picture_scene(mind_map)
    assert scene is not None
    plan = plan_pages(PagesKind.POSTER, PageSetup(), scene, source, None, mind_map.display_title)
    assert plan[0].grid is not None
    rows, cols = plan[0].grid
    left_out = plan[0].skipped
    assert len(left_out) >= 2 and len(plan) == rows * cols - len(left_out)
    assert {(p.row, p.col) for p in plan}.isdisjoint(left_out)
    tile = plan[0].scene
    for row, col in left_out:  # where the plan would have put them
        x = source.x() + col * (plan[1].scene.x - tile.x) if cols > 1 else source.x()
        step_y = next(p.scene.y for p in plan if p.row == plan[0].row + 1) - tile.y
        rect = Rect(x, source.y() + row * step_y, tile.w, tile.h)
        assert _blank(scene, rect), (row, col)
    assert not _blank(scene, plan[-1].scene)  # the test can tell
    out = tmp_path / "poster.pdf"
    export(out, str(GAPS), "--pages", "poster")
    pages = page_texts(out)
    assert len(pages) == len(plan)
    labels = [" ".join(plain_text(n.label, n.markdown).split()) for n in mind_map]
    assert [label for label in labels if not any(label in p for p in pages)] == []
    assert all(page.label in text for page, text in zip(plan, pages, strict=True))
    title = mind_map.display_title
    assert bookmarks(out) == [(f"{title} {p.label}", n) for n, p in enumerate(plan)]


def test_a_poster_keeps_a_tile_that_only_an_edge_crosses() -> None:
    from karar.ui.pages import _draws_on

    mind_map = load_map(None)
    scene, _ = picture_scene(mind_map)
    assert scene is not None and scene.layout is not None
    layout = scene.layout
    boxes = [Rect(b.x - 8, b.y - 8, b.w + 16, b.h + 16) for b in layout.boxes.values()]

    def meets(a: Rect, b: Rect) -> bool:
        return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom

    shows = _draws_on(scene)
    crossed = 0
    for child in list(layout.boxes)[1:]:
        x1, y1, x2, y2 = layout.edge(child)
        rect = Rect((x1 + x2) / 2 - 4, (y1 + y2) / 2 - 4, 8, 8)  # an edge's middle
        if not any(meets(rect, b) for b in boxes) and not _blank(scene, rect, 4.0):
            assert shows(rect), child.label
            crossed += 1
    assert crossed > 10
    assert not shows(Rect(layout.bounds[0] - 500, layout.bounds[1] - 500, 100, 100))
