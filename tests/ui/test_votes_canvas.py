"""A tally in the window: vote chips and heat tint on the canvas (item state and pixels),
the strongest vote on a folded branch, the vote filters, hiding and revealing (View › Hide
Votes, V, Shift+V, :meth:`MapScene.reveal_votes`), and the voters in the Decision panel."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from uihelpers import node_named

from karar.core.merge import merge_projects
from karar.core.model import Node
from karar.core.project import load as load_project
from karar.core.project import open_map
from karar.ui.app import make_app
from karar.ui.decorations import VoteChip, vote_chip_rect
from karar.ui.export import picture_scene
from karar.ui.mainwindow import MainWindow
from karar.ui.theme import contrast_ratio, heat_chip, heat_tint, ink_on, make_theme

TALLY = Path(__file__).parent.parent / "data" / "tally"


@pytest.fixture
def win(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The hand-written tally of Ayşe, Can and Deniz, unfolded, in a 1600x1000 window."""
    make_app()
    w = MainWindow(theme="light", remember=False)
    qtbot.addWidget(w)
    w.map_scene.animate = False
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    path = tmp_path / "tally.karar.yaml"
    shutil.copy(TALLY / "tally.karar.yaml", path)
    assert w.open_path(path)
    w.document.apply(w.document.map_state.folds_to(()))
    yield w
    w.session.mark_clean()
    w.close()


def chip_text(win: MainWindow, node: Node) -> str | None:
    chip = win.map_scene.ctx.chip(node)
    return None if chip is None else chip.vote.text


def chip_pixels(qtbot: QtBot, win: MainWindow, node: Node) -> QImage:
    """The viewport's pixels under ``node``'s chip, once the view shows it."""
    win.view.select(node)
    win.view.centerOn(win.map_scene.box_rect(node).center())  # type: ignore[union-attr]
    b = win.map_scene.layout.boxes[node]  # type: ignore[union-attr]
    rect = vote_chip_rect(win.map_scene.ctx, node, b)
    assert rect is not None
    poly = win.view.mapFromScene(rect.translated(b.x, b.y))
    return win.view.viewport().grab(poly.boundingRect()).toImage()


def at(win: MainWindow, *labels: str) -> Node:
    """The node at this path below the root."""
    root = win.document.root
    assert root is not None
    node = win.document.node_at((root.label, *labels))
    assert node is not None, labels
    return node


def reddish(image: QImage, step: int = 1) -> int:
    """How many pixels are crimson (the heat colour, none of the branch colours): red well
    above green and blue, which stay close to each other."""
    n = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            c = image.pixelColor(x, y)
            n += c.red() - c.green() > 60 and abs(c.green() - c.blue()) < 30
    return n


def test_voted_nodes_show_their_chips_in_crimson(qtbot: QtBot, win: MainWindow) -> None:
    scene = win.map_scene
    postgres = node_named(win, "PostgreSQL")
    assert scene.tally is not None and scene.tally.count == 3
    assert chip_text(win, postgres) == "3/3"
    assert chip_text(win, node_named(win, "Dramatiq")) == "1/3"
    assert chip_text(win, node_named(win, "MySQL")) is None
    # the chip takes room in the node's row, after the label
    geo = scene.ctx.geometry(postgres, scene.layout.boxes[postgres])  # type: ignore[union-attr]
    part = geo.part(VoteChip.key)
    assert part is not None and part[0] > geo.text_x + geo.block.width
    assert reddish(chip_pixels(qtbot, win, postgres)) > 30


def test_a_folded_branch_shows_the_strongest_vote_below(win: MainWindow) -> None:
    data = node_named(win, "3. Veri")
    cache = node_named(win, "6. Önbellek")
    assert chip_text(win, data) is None  # unfolded: the votes show where they are
    win.document.set_folded(data, True)
    win.document.set_folded(cache, True)
    chip = win.map_scene.ctx.chip(data)
    assert chip is not None and chip.below and chip.vote.text == "3/3"
    assert chip_text(win, cache) == "2/3"
    assert win.map_scene.box_rect(data) is not None
    box = win.map_scene.layout.boxes[data]  # type: ignore[union-attr]
    assert vote_chip_rect(win.map_scene.ctx, data, box) is not None


def test_the_vote_filters_show_what_they_say(win: MainWindow) -> None:
    def shown() -> set[str]:
        return {n.label for n in win.map_scene.layout.boxes}  # type: ignore[union-attr]

    names = [a.objectName() for a in win.commands.menus["filter"].actions()]
    assert names[4:] == ["filter_agreed", "filter_split", "filter_no_votes"]
    win.commands["filter_agreed"].trigger()
    assert win.map_scene.filter.name == "agreed"
    assert win.status.counts.text().startswith("Agreed by all: 4 of 267 nodes")
    assert shown() == {
        win.document.root.label,  # type: ignore[union-attr]
        "3. Veri Katmanı",
        "Relational DB",
        "PostgreSQL",
    }
    win.commands["filter_split"].trigger()
    split = shown()
    assert {"Redis", "Memcached", "Dramatiq", "Monolith", "API + Frontend Ayrı"} <= split
    assert "PostgreSQL" not in split and "MySQL" not in split
    win.commands["filter_no_votes"].trigger()
    nobody = shown()
    assert {"MySQL / MariaDB", "Huey"} <= nobody
    boxes = win.map_scene.layout.boxes  # type: ignore[union-attr]
    cache = "6. Önbellek & Asenkron İşler"
    assert at(win, cache, "Cache", "Redis") not in boxes
    assert at(win, cache, "Task Queue", "Dramatiq") not in boxes
    assert at(win, cache, "Cache", "Memcached") not in boxes
    win.commands["filter_no_votes"].trigger()  # again: everything
    assert win.map_scene.filter.name == "all"


def test_hide_votes_then_reveal_a_branch_then_all(qtbot: QtBot, win: MainWindow) -> None:
    scene = win.map_scene
    postgres = node_named(win, "PostgreSQL")
    redis = at(win, "6. Önbellek & Asenkron İşler", "Cache", "Redis")
    width = scene.box_rect(postgres).width()  # type: ignore[union-attr]
    win.view.centerOn(scene.box_rect(redis).center())  # type: ignore[union-attr]
    shown = reddish(win.view.viewport().grab().toImage(), 2)
    assert shown > 100
    win.commands["hide_votes"].trigger()
    assert scene.votes_hidden
    assert chip_text(win, postgres) is None and chip_text(win, redis) is None
    # hidden votes take no room: nothing tells where they are
    assert scene.box_rect(postgres).width() < width  # type: ignore[union-attr]
    assert reddish(win.view.viewport().grab().toImage(), 2) < shown / 20
    win.view.select(node_named(win, "3. Veri"))
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_V)
    assert chip_text(win, postgres) == "3/3"
    assert chip_text(win, redis) is None
    assert scene.box_rect(postgres).width() == width  # type: ignore[union-attr]
    assert win.commands["hide_votes"].isChecked()
    qtbot.keyClick(win.view, Qt.Key.Key_V, Qt.KeyboardModifier.ShiftModifier)
    assert chip_text(win, redis) == "2/3"
    assert not scene.votes_hidden
    assert not win.commands["hide_votes"].isChecked()


def test_the_presentation_can_reveal_a_branch(win: MainWindow) -> None:
    scene = win.map_scene
    scene.set_votes_hidden(True)
    cache = node_named(win, "6. Önbellek")
    with_signal = []
    scene.votes_changed.connect(lambda: with_signal.append(1))
    scene.reveal_votes(cache)
    assert with_signal
    assert chip_text(win, at(win, "6. Önbellek & Asenkron İşler", "Cache", "Redis")) == "2/3"
    assert chip_text(win, node_named(win, "PostgreSQL")) is None
    scene.reveal_votes(None)
    assert chip_text(win, node_named(win, "PostgreSQL")) == "3/3"


def test_the_decision_panel_lists_the_voters(win: MainWindow) -> None:
    record = win.decision_panel.record
    win.view.select(node_named(win, "PostgreSQL"))
    assert record.votes_text == "3 of 3: Ayşe, Can, Deniz"
    assert record.votes_view.isVisibleTo(win)
    win.view.select(node_named(win, "MySQL"))
    assert record.votes_text == "" and not record.votes_view.isVisibleTo(win)
    win.view.select(at(win, "6. Önbellek & Asenkron İşler", "Cache", "Redis"))
    assert record.votes_text == "2 of 3: Ayşe, Can"
    # the signed notes are the node's notes
    assert "**Can:** We already run Redis" in win.decision_panel.editor.toPlainText()
    win.commands["hide_votes"].trigger()
    assert record.votes_text == ""


def test_a_tally_merged_from_three_files_opens_with_chips(
    qtbot: QtBot, win: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "merged.karar.yaml"
    inputs = [load_project(TALLY / f"{name}.karar.yaml") for name in ("ayse", "can", "deniz")]
    merge_projects(inputs, out).save()
    assert win.open_path(out)
    win.document.apply(win.document.map_state.folds_to(()))
    assert chip_text(win, node_named(win, "PostgreSQL")) == "3/3"
    assert chip_text(win, node_named(win, "Memcached")) == "1/3"


def test_pictures_draw_the_chips_too(tmp_path: Path) -> None:
    project = load_project(TALLY / "tally.karar.yaml")
    mind_map = open_map(project)
    scene, _source = picture_scene(mind_map, project=project, folded=())
    assert scene is not None
    postgres = next(n for n in mind_map if n.label == "PostgreSQL")
    assert scene.ctx.chip(postgres) is not None
    box = scene.layout.boxes[postgres]  # type: ignore[union-attr]
    assert vote_chip_rect(scene.ctx, postgres, box) is not None


@pytest.mark.parametrize("theme", ["light", "dark", "contrast"])
def test_chip_numbers_read_on_every_share(theme: str) -> None:
    make_app()
    t = make_theme(theme)
    least = 7.0 if theme == "contrast" else 4.5
    for votes in range(7):
        fill = heat_chip(t, votes / 6)
        white, black = QColor("#FFFFFF"), QColor("#000000")
        ink = ink_on(fill, t.text, t.background, white, black)
        assert contrast_ratio(ink, fill) >= least, (theme, votes)


def test_chip_rect_is_none_without_votes(win: MainWindow) -> None:
    mysql = node_named(win, "MySQL")
    box = win.map_scene.layout.boxes[mysql]  # type: ignore[union-attr]
    assert vote_chip_rect(win.map_scene.ctx, mysql, box) is None


@pytest.mark.parametrize("theme", ["light", "dark", "contrast"])
def test_labels_read_on_the_heat_tint(theme: str) -> None:
    make_app()
    t = make_theme(theme)
    least = 7.0 if theme == "contrast" else 4.5
    fills = (t.background, t.node_fill, *(t.tinted(i) for i in range(len(t.branches))))
    for fill in fills:
        assert contrast_ratio(heat_tint(t, fill, 1.0), t.text) >= least, (theme, fill.name())


def test_v_in_the_presentation_reveals_the_focused_branch(qtbot: QtBot, win: MainWindow) -> None:
    scene = win.map_scene
    scene.set_votes_hidden(True)
    qtbot.keyClick(win.view, Qt.Key.Key_F5)
    assert win.presentation.active
    cache = node_named(win, "6. Önbellek")
    while win.presentation.focus is not cache:
        qtbot.keyClick(win.focusWidget() or win.view, Qt.Key.Key_PageDown)
    redis = at(win, "6. Önbellek & Asenkron İşler", "Cache", "Redis")
    celery = at(
        win, "6. Önbellek & Asenkron İşler", "Task Queue", "Celery (broker: Redis/RabbitMQ)"
    )
    assert chip_text(win, redis) is None
    qtbot.keyClick(win.focusWidget() or win.view, Qt.Key.Key_Down)
    assert win.map_scene.selected is not cache  # inside the branch: the reveal is the branch's
    qtbot.keyClick(win.focusWidget() or win.view, Qt.Key.Key_V)
    assert chip_text(win, redis) == chip_text(win, celery) == "2/3"
    assert chip_text(win, node_named(win, "PostgreSQL")) is None  # another branch: still hidden
    qtbot.keyClick(win.focusWidget() or win.view, Qt.Key.Key_Escape)
    assert not win.presentation.active
