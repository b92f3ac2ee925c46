"""The parts under the drawing: text measurement, edge clipping, icons, themes."""

from __future__ import annotations

import math

import pytest
from PySide6.QtGui import QColor, QPainterPath

from karar.core.model import Node, Shape
from karar.ui.app import make_app
from karar.ui.curves import clip_cubic, cubic
from karar.ui.decorations import reservers
from karar.ui.icons import resolve
from karar.ui.measure import MAX_TEXT_WIDTH, Measurer, Role
from karar.ui.theme import THEME_NAMES, make_theme


@pytest.fixture(scope="module")
def measurer() -> Measurer:
    make_app()
    return Measurer(reservers=reservers(1.0))


@pytest.mark.parametrize(
    "label",
    [
        "PostgreSQL",
        "Veri Yönetişimi & Gizlilik",
        "Contract-first (OpenAPI) + mock server (Prism/MSW) and then a long tail of words",
        "a" * 90,
        "İmzalı container imajları (cosign)",
        "emoji 🤓 and Ελληνικά and عربى",
        "line<br>break",
    ],
)
@pytest.mark.parametrize("depth", [0, 1, 2, 5])
@pytest.mark.parametrize("icon", [None, "fa fa-book"])
def test_fast_size_equals_full_geometry(
    measurer: Measurer, label: str, depth: int, icon: str | None
) -> None:
    node = Node(label, icon=icon)
    geo = measurer.geometry(node, depth)
    assert measurer.size(node, depth) == (geo.width, geo.height)
    assert measurer.geometry(node, depth, mirrored=True)[:2] == (geo.width, geo.height)


def test_long_labels_wrap_within_the_maximum(measurer: Measurer) -> None:
    label = "Contract-first (OpenAPI) + mock server (Prism/MSW) and much more words to wrap"
    block = measurer.text_block(label, False, Role.NODE)
    assert len(block.lines) >= 2
    assert all(line.width <= MAX_TEXT_WIDTH for line in block.lines)
    assert " ".join("".join(t for t, _ in line.runs) for line in block.lines) == label


def test_markdown_bold_is_measured_in_bold(measurer: Measurer) -> None:
    plain = measurer.text_block("Bold words", True, Role.NODE).width
    bold = measurer.text_block("**Bold words**", True, Role.NODE).width
    assert bold > plain


def test_shapes_give_room(measurer: Measurer) -> None:
    text_w = measurer.text_block("Circle", False, Role.NODE).width
    for shape in Shape:
        geo = measurer.geometry(Node("Circle", shape=shape), 2)
        assert geo.width >= text_w
        assert geo.text_x >= 0 and geo.text_x + geo.block.width <= geo.width + 0.5
    circle = measurer.geometry(Node("Circle", shape=Shape.CIRCLE), 2)
    assert circle.width == circle.height


def test_root_is_larger_than_a_leaf(measurer: Measurer) -> None:
    node = Node("Same text")
    assert measurer.size(node, 0)[1] > measurer.size(node, 1)[1] > measurer.size(node, 3)[1]


def _on_curve(x1: float, y1: float, x2: float, y2: float, px: float, py: float) -> bool:
    """Whether (px, py) lies on the edge from (x1, y1) to (x2, y2) (sampled)."""
    h = (x2 - x1) / 2
    best = math.inf
    for i in range(2001):
        t = i / 2000
        u = 1 - t
        x = u**3 * x1 + 3 * u * u * t * (x1 + h) + 3 * u * t * t * (x2 - h) + t**3 * x2
        y = u**3 * y1 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y2
        best = min(best, math.hypot(x - px, y - py))
    return best < 0.5


@pytest.mark.parametrize(
    ("edge", "clip"),
    [
        ((0, 0, 64, 400), (-10, 100, 200, 140)),  # a horizontal strip of a tall edge
        ((0, 400, 64, 0), (-10, 100, 200, 140)),  # going up
        ((100, 0, 36, 300), (50, -50, 70, 500)),  # leftwards, a vertical strip
    ],
)
def test_clip_cubic_keeps_the_part_inside(edge: tuple, clip: tuple) -> None:
    make_app()
    path = QPainterPath()
    clip_cubic(path, *edge, clip)
    assert path.elementCount() == 4
    start, end = path.elementAt(0), path.elementAt(3)
    left, top, right, bottom = clip
    for p in (start, end):
        assert _on_curve(*edge, p.x, p.y)
        assert left - 0.5 <= p.x <= right + 0.5
        assert top - 0.5 <= p.y <= bottom + 0.5
    # and it covers the whole visible part: an endpoint on each boundary it crosses
    full = QPainterPath()
    cubic(full, *edge, "mindmap")
    assert full.boundingRect().contains(path.boundingRect())


def test_clip_cubic_outside_adds_nothing() -> None:
    path = QPainterPath()
    clip_cubic(path, 0, 0, 64, 400, (100, 100, 200, 200))
    assert path.isEmpty()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("fa fa-book", "book"),
        ("mdi mdi-skull-outline", "skull"),
        ("fa fa-sitemap", "sitemap"),
        ("fas fa-cogs", "cog"),
        ("mdi mdi-database", "database"),
        ("fa fa-no-such-icon", None),
    ],
)
def test_icon_names_resolve(text: str, name: str | None) -> None:
    assert resolve(text) == name


@pytest.mark.parametrize("name", THEME_NAMES)
def test_themes_have_twelve_distinct_branch_colours(name: str) -> None:
    theme = make_theme(name)
    colours = {c.name() for c in theme.branches}
    assert len(colours) >= 12
    assert theme.branch(12) == theme.branch(0)  # cycles


def _contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("name", THEME_NAMES)
def test_text_is_readable_on_every_fill(name: str) -> None:
    theme = make_theme(name)
    minimum = 7.0 if name == "contrast" else 4.5  # WCAG AAA / AA
    assert _contrast(theme.text, theme.background) >= minimum
    assert _contrast(theme.root_text, theme.root_fill) >= minimum
    for i in range(len(theme.branches)):
        assert _contrast(theme.text, theme.tinted(i)) >= minimum
