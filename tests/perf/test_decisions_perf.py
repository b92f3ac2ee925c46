"""Decision performance budgets (issue 4), measured with pytest-benchmark.

Run explicitly (tests/perf is not collected by default):

    .venv/bin/pytest tests/perf/test_decisions_perf.py -p no:cacheprovider

On a 10,000-node map opened fully unfolded: checking a node and painting the frame
< 50 ms (no new layout: the node and its visible ancestors are re-bound); changing a node's
state (chosen, rejected, considering, undecided in turn), roll-up and repaint included,
< 10 ms median (issue 9), measured beside a check toggle in the same run; switching the
decisions-only view on or off < 100 ms; unchecking a node inside that view (a new, smaller
layout) < 100 ms.
"""

from __future__ import annotations

from test_ui_perf import _open, _stats, generated
from test_ui_perf import window as window  # the fixture

from karar.core.filters import DecisionsOnly
from karar.core.model import Node
from karar.core.status import Decision
from karar.ui.mainwindow import MainWindow


def _deep_leaf(win: MainWindow) -> Node:
    """A leaf near the viewport's centre line, several levels down (many ancestors)."""
    order = win.map_scene.layout.order
    leaf = next(n for n in order[len(order) // 2 :] if not n.children)
    win.view.center_on(win.map_scene.box_rect(leaf).center())
    win.view.viewport().repaint()
    return leaf


def test_toggle_check_10k(benchmark, window: MainWindow) -> None:
    _open(window, generated(10_000))
    leaf = _deep_leaf(window)
    layout = window.map_scene.layout

    def toggle() -> None:
        window.document.toggle_checked(leaf)
        window.view.viewport().repaint()

    benchmark.pedantic(toggle, rounds=20, iterations=1, warmup_rounds=2)
    assert window.map_scene.layout is layout  # no new layout
    print(f"\ncheck toggle, 10,000 nodes: median {_stats(benchmark).median * 1000:.1f} ms")
    assert _stats(benchmark).median < 0.050


def test_state_change_10k(benchmark, window: MainWindow) -> None:
    _open(window, generated(10_000))
    leaf = _deep_leaf(window)
    layout = window.map_scene.layout
    doc = window.document
    cycle = [Decision.REJECTED, Decision.CONSIDERING, Decision.CHOSEN, None]
    turn = iter(range(10**6))

    def change() -> None:
        doc.decide(leaf, cycle[next(turn) % len(cycle)])
        window.view.viewport().repaint()

    benchmark.pedantic(change, rounds=40, iterations=1, warmup_rounds=4)
    assert window.map_scene.layout is layout  # no new layout
    median = _stats(benchmark).median
    print(f"\nstate change, 10,000 nodes: median {median * 1000:.2f} ms")
    assert median < 0.010


def test_decisions_only_switch_10k(benchmark, window: MainWindow) -> None:
    _open(window, generated(10_000))
    doc = window.document
    nodes = list(doc.mindmap)
    for node in nodes[::40]:  # 250 decisions spread over the map
        doc.set_checked(node, True)
    scene = window.map_scene

    def switch() -> None:
        scene.set_filter(None if scene.filter.name == "decisions" else DecisionsOnly())
        window.view.viewport().repaint()

    benchmark.pedantic(switch, rounds=10, iterations=1)
    print(f"\ndecisions-only switch, 10,000 nodes: {_stats(benchmark).median * 1000:.1f} ms")
    assert _stats(benchmark).median < 0.100


def test_uncheck_inside_decisions_only_10k(benchmark, window: MainWindow) -> None:
    _open(window, generated(10_000))
    doc = window.document
    nodes = list(doc.mindmap)
    for node in nodes[::40]:
        doc.set_checked(node, True)
    window.map_scene.set_filter(DecisionsOnly())
    leaf = nodes[-1]
    doc.set_checked(leaf, True)

    def toggle() -> None:
        doc.toggle_checked(leaf)  # leaves the view, then comes back
        window.view.viewport().repaint()

    benchmark.pedantic(toggle, rounds=10, iterations=1)
    print(f"\nuncheck in decisions-only, 10,000 nodes: {_stats(benchmark).median * 1000:.1f} ms")
    assert _stats(benchmark).median < 0.100
