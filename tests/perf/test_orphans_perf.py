"""Orphan performance budgets (issue 8, class 13), measured with pytest-benchmark.

Run explicitly (tests/perf is not collected by default):

    .venv/bin/pytest tests/perf/test_orphans_perf.py -p no:cacheprovider -s

10,000 orphaned entries on a 10,001-node map: proposing a home for every one (what
``karar check`` does) < 2 s; in the window's Orphans dock, listing them all (and painting
the list) < 100 ms, selecting one (its suggestions) < 50 ms.
"""

from __future__ import annotations

from test_ui_perf import _stats, generated
from test_ui_perf import window as window  # the fixture

from karar.core.decisions import HomeIndex
from karar.core.model import MindMap, NodePath
from karar.core.project import NodeState, Project
from karar.core.sources import BUILTIN_DJANGO
from karar.ui.mainwindow import MainWindow


def _orphans(mind_map: MindMap, count: int) -> list[NodePath]:
    """Entries as a map edit leaves them: a third moved, a third reworded, a third gone."""
    paths = list(mind_map.paths().values())[1:]
    out: list[NodePath] = []
    for i, path in enumerate(paths[:count]):
        if i % 3 == 0:
            out.append((path[0], "Old branch", *path[1:]))
        elif i % 3 == 1:
            out.append((*path[:-1], path[-1].replace("option", "opton")))
        else:
            out.append((*path[:-1], f"Removed idea {i}"))
    return out


def test_homes_for_10k_orphans(benchmark) -> None:
    mind_map = generated(10_001)
    orphans = _orphans(mind_map, 10_000)

    def place_all() -> None:
        homes = HomeIndex(mind_map)
        for orphan in orphans:
            homes.suggest(orphan, limit=1)

    benchmark.pedantic(place_all, rounds=3, iterations=1)
    print(f"\nhomes for 10,000 orphans: {_stats(benchmark).median:.2f} s")
    assert _stats(benchmark).median < 2.0


def _load_with_orphans(win: MainWindow) -> None:
    mind_map = generated(10_001)
    entries = {p: NodeState(note=f"note {i}") for i, p in enumerate(_orphans(mind_map, 10_000))}
    win.document.load(mind_map, None, Project(map_ref=BUILTIN_DJANGO, entries=entries))


def test_orphans_dock_lists_10k(benchmark, window: MainWindow) -> None:
    _load_with_orphans(window)
    panel = window.orphans_panel
    assert panel.orphan_model.rowCount() == 10_000

    def refresh() -> None:
        panel.refresh()
        panel.orphan_list.viewport().repaint()

    benchmark.pedantic(refresh, rounds=10, iterations=1)
    print(f"\norphans dock, list 10,000: {_stats(benchmark).median * 1000:.1f} ms")
    assert _stats(benchmark).median < 0.100


def test_orphans_dock_selects_among_10k(benchmark, window: MainWindow) -> None:
    _load_with_orphans(window)
    panel = window.orphans_panel
    rows = iter(range(1, 10_000, 97))

    def select() -> None:
        panel.set_current_orphan(next(rows))
        panel.suggestion_list.viewport().repaint()

    benchmark.pedantic(select, rounds=50, iterations=1)
    print(f"\norphans dock, select one of 10,000: {_stats(benchmark).median * 1000:.1f} ms")
    assert _stats(benchmark).median < 0.050
