"""Decision states as drawn: the amber's contrast in every theme, pixels of the box, the
outline, the fill and the struck-through label of each state, roll-up badges counting
chosen and open apart, and ``--describe``'s ``status``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage
from uihelpers import node_named, viewport_point

from karar.core.model import Node
from karar.core.status import Decision
from karar.ui.describe import describe
from karar.ui.mainwindow import MainWindow
from karar.ui.theme import NON_TEXT_CONTRAST, THEME_NAMES, contrast_ratio, make_theme

STATES = (Decision.CHOSEN, Decision.REJECTED, Decision.CONSIDERING)


def grab(win: MainWindow) -> QImage:
    return win.view.viewport().grab().toImage()


def near(a: QColor, b: QColor, tol: int = 40) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) <= tol


def at(win: MainWindow, image: QImage, p: QPointF) -> QColor:
    return QColor(image.pixel(viewport_point(win, p)))


def pixels(win: MainWindow, image: QImage, rect: QRectF) -> list[list[QColor]]:
    """The pixels of a scene rectangle, row by row."""
    tl = viewport_point(win, rect.topLeft())
    br = viewport_point(win, rect.bottomRight())
    return [
        [QColor(image.pixel(x, y)) for x in range(tl.x(), br.x())] for y in range(tl.y(), br.y())
    ]


def children(win: MainWindow, branch: str, count: int) -> list[Node]:
    """The first ``count`` children of the branch, unfolded and zoomed into view."""
    parent = node_named(win, branch)
    win.document.set_folded(parent, False)
    nodes = list(parent.children[:count])
    rect = QRectF()
    for node in nodes:
        rect = rect.united(win.map_scene.box_rect(node))
    win.view.fit_rect(rect.adjusted(-20, -20, 20, 20), max_zoom=2.0)
    return nodes


@pytest.mark.parametrize("name", THEME_NAMES)
def test_the_amber_stands_out_from_the_canvas(name: str) -> None:
    theme = make_theme(name)
    assert contrast_ratio(theme.considering, theme.background) >= NON_TEXT_CONTRAST
    # the cross and the struck label are muted: still readable on the rejected fill
    assert contrast_ratio(theme.muted, theme.rejected_fill) >= 4.5
    assert contrast_ratio(theme.muted, theme.background) >= 4.5


@pytest.mark.parametrize("name", THEME_NAMES)
def test_each_state_has_its_own_box_mark_and_colour(window: MainWindow, name: str) -> None:
    window.map_scene.set_theme(make_theme(name))
    doc = window.document
    scene = window.map_scene
    theme = scene.theme
    nodes = children(window, "3. Veri", 4)
    for node, state in zip(nodes, STATES, strict=False):
        doc.decide(node, state)
    image = grab(window)
    colour = {
        Decision.CHOSEN: scene.ctx.colour(doc.branch[nodes[0]]),
        Decision.REJECTED: theme.muted,
        Decision.CONSIDERING: theme.considering,
    }
    masks = []
    for node, state in zip(nodes, (*STATES, None), strict=True):
        box = scene.checkbox_scene_rect(node)
        assert box is not None
        corner = at(window, image, box.topLeft() + QPointF(box.width() * 0.15, box.height() * 0.85))
        if state is None:
            assert not near(corner, colour[Decision.CHOSEN]), (name, corner.name())
            continue
        assert near(corner, colour[state]), (name, state, corner.name(), colour[state].name())
        # the mark: the pixels cut out of the filled box, in the colour under it
        masks.append(
            frozenset(
                (x, y)
                for y, row in enumerate(pixels(window, image, box))
                for x, c in enumerate(row)
                if near(c, theme.background, 60)
            )
        )
    assert all(masks), "every decided box carries a mark"
    # a shape each: the tick, the cross and the question mark differ (not colour alone)
    for i in range(3):
        for j in range(i + 1, 3):
            assert len(masks[i] ^ masks[j]) > 4, (name, STATES[i], STATES[j])


def test_rejected_label_is_struck_through_and_muted(window: MainWindow) -> None:
    doc = window.document
    scene = window.map_scene
    rejected, plain = children(window, "3. Veri", 2)
    doc.decide(rejected, Decision.REJECTED)
    image = grab(window)
    muted, text = scene.theme.muted, scene.theme.text

    def longest_muted_run(node: Node) -> float:
        box = scene.box_rect(node)
        geo = scene.ctx.geometry(node, scene.layout.boxes[node])
        x0 = box.left() + geo.text_x
        rect = QRectF(x0, box.top() + geo.text_y, geo.block.width, geo.block.line_height)
        best = 0
        for row in pixels(window, image, rect):
            run = longest = 0
            for c in row:
                run = run + 1 if near(c, muted, 50) else 0
                longest = max(longest, run)
            best = max(best, longest)
        return best / len(pixels(window, image, rect)[0])

    # a line through the label, across (almost) all of it; none through a plain label
    assert longest_muted_run(rejected) > 0.9
    assert longest_muted_run(plain) < 0.3
    # and the fill behind it is the muted one
    box = scene.box_rect(rejected)
    band = at(window, image, QPointF(box.left() + 1, box.top() + 2))
    assert near(band, scene.theme.rejected_fill, 12), band.name()
    assert not near(text, muted, 40)


def test_considering_gets_an_amber_outline(window: MainWindow) -> None:
    doc = window.document
    scene = window.map_scene
    branch = node_named(window, "4. API")  # a boxed first-level node
    edge = scene.box_rect(branch)
    window.view.fit_rect(edge.adjusted(-30, -30, 30, 30), max_zoom=2.0, min_zoom=2.0)
    probe = QPointF(edge.center().x(), edge.top() + 0.5)
    before = at(window, grab(window), probe)
    doc.decide(branch, Decision.CONSIDERING)
    after = at(window, grab(window), probe)
    assert near(after, scene.theme.considering), (before.name(), after.name())
    assert not near(before, scene.theme.considering)
    doc.undo_stack.undo()
    assert near(at(window, grab(window), probe), before, 12)


def test_badges_count_chosen_and_open_apart(window: MainWindow) -> None:
    doc = window.document
    scene = window.map_scene
    branch = node_named(window, "3. Veri")
    total = doc.descendants(branch)
    window.show_levels(1)
    items = scene.live_items()
    kids = list(branch.children)
    doc.decide(kids[0], Decision.CONSIDERING)
    assert items[branch].badge_text == "?1"
    assert not items[branch].badge.tick
    doc.decide(kids[1], Decision.CHOSEN)
    doc.decide(kids[2], Decision.CONSIDERING)
    assert items[branch].badge_text == f"1/{total} ?2"
    assert items[branch].badge.tick
    doc.decide(kids[3], Decision.REJECTED)  # rejected is counted in neither
    assert items[branch].badge_text == f"1/{total} ?2"
    assert items[doc.root].badge_text == f"1/{doc.count - 1} ?2"
    # the pill grows to hold both parts, and stays put where the edges leave
    handle = scene.handle_scene_rect(branch)
    doc.decide(kids[0], None)
    doc.decide(kids[2], None)
    assert items[branch].badge_text == f"1/{total}"
    assert scene.handle_scene_rect(branch).width() < handle.width()


def test_describe_names_each_state(window: MainWindow) -> None:
    doc = window.document
    nodes = children(window, "3. Veri", 4)
    for node, state in zip(nodes, STATES, strict=False):
        doc.decide(node, state)
    by_path = {tuple(n["path"]): n for n in describe(window)["nodes"]}
    got = [(by_path[doc.path_of(n)]["status"], by_path[doc.path_of(n)]["checked"]) for n in nodes]
    assert got == [("chosen", True), ("rejected", False), ("considering", False), (None, False)]


def test_folded_badge_counts_read_on_a_light_branch_colour(window: MainWindow) -> None:
    """On a light fill (amber, sky blue) the counts are drawn in the text colour: the
    background colour on them stood about 2:1."""
    scene = window.map_scene
    theme = scene.theme
    assert theme.name == "light"
    window.show_levels(1)
    root = window.document.root
    assert root is not None
    light = [
        n
        for n in root.children
        if contrast_ratio(scene.ctx.colour(window.document.branch[n]), theme.background) < 3
    ]
    assert light, "the light theme has light branch colours"
    for branch in light[:2]:
        handle = scene.handle_scene_rect(branch)
        assert handle is not None
        window.view.fit_rect(handle.adjusted(-4, -4, 4, 4), max_zoom=4.0, min_zoom=4.0)
        fill = scene.ctx.colour(window.document.branch[branch])
        inner = handle.adjusted(handle.height() / 2, 2, -handle.height() / 2, -2)
        best = max(
            contrast_ratio(c, fill) for row in pixels(window, grab(window), inner) for c in row
        )
        assert best >= 4.0, (branch.label, fill.name(), best)
