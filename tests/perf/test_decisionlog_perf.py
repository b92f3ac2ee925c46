"""Decision log budgets (issue 9, "The decision log"), measured with pytest-benchmark.

Run explicitly (tests/perf is not collected by default):

    .venv/bin/pytest tests/perf/test_decisionlog_perf.py -p no:cacheprovider -s

A 10,001-node map with 2,000 decisions (every fifth node; chosen, rejected and considering
in turn, with who, when and a note), the Decisions dock shown: listing them all afresh (what
a map reload does, painting included) < 250 ms (about 40 ms on an idle machine); one node's
state changing costs the log (one row and its group updated and painted) < 5 ms more than the
same change with the dock hidden, measured in the same run (the machine is shared), and
< 30 ms more with the list sorted and filtered (rows move in and out: the tree is laid out
again).
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
import time
from collections.abc import Callable

from PySide6.QtWidgets import QApplication
from test_ui_perf import _stats, generated
from test_ui_perf import window as window  # the fixture

from karar.core.project import NodeState, Project
from karar.core.sources import BUILTIN_DJANGO
from karar.core.status import Decision
from karar.ui.decisionlogmodel import WHEN
from karar.ui.mainwindow import MainWindow

_STATES = (Decision.CHOSEN, Decision.REJECTED, Decision.CONSIDERING)


def _load_with_decisions(win: MainWindow, count: int = 2_000) -> list:
    mind_map = generated(10_001)
    paths = list(mind_map.paths().values())[1::5][:count]
    entries = {}
    for i, path in enumerate(paths):
        state = _STATES[i % 3]
        entries[path] = NodeState(
            checked=state is Decision.CHOSEN,
            status=None if state is Decision.CHOSEN else state,
            by=("Ayşe", "Can", "Deniz")[i % 3],
            date=dt.date(2026, 11, 1) + dt.timedelta(days=i % 30),
            note=f"Reason {i}: because it fits.\nMore detail.",
        )
    win.document.load(mind_map, None, Project(map_ref=BUILTIN_DJANGO, entries=entries))
    # the recovery copy (written 3 s after a change) is not the log's to pay for
    win.session.autosave_timer.setInterval(24 * 3600 * 1000)
    win.decision_log.show()
    assert win.decision_log.log_model.decision_total() == count
    return [win.document.node_at(p) for p in paths]


def test_decision_log_lists_2000(benchmark, window: MainWindow) -> None:
    _load_with_decisions(window)
    log = window.decision_log

    def rebuild() -> None:
        log.refresh()
        log.tree.viewport().repaint()

    benchmark.pedantic(rebuild, rounds=10, iterations=1)
    print(f"\ndecision log, list 2,000 decisions: {_stats(benchmark).median * 1000:.1f} ms")
    assert _stats(benchmark).median < 0.250


def _median_seconds(run: Callable[[], None], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _state_changes(win: MainWindow, nodes: list) -> Callable[[], None]:
    """One node after another moves on: chosen -> rejected -> considering -> chosen..."""
    doc = win.document
    turn = itertools.cycle(nodes[::97])

    def change() -> None:
        node = next(turn)
        doc.decide(node, _STATES[(_STATES.index(doc.decision(node)) + 1) % 3])

    return change


def test_decision_log_updates_one_row(benchmark, window: MainWindow) -> None:
    nodes = _load_with_decisions(window)
    log = window.decision_log
    change = _state_changes(window, nodes)
    resets: list[bool] = []
    log.log_model.modelReset.connect(lambda: resets.append(True))

    def decide_hidden() -> None:
        change()
        QApplication.processEvents()

    log.hide()
    hidden = _median_seconds(decide_hidden, 30)
    log.show()

    def decide() -> None:
        change()
        QApplication.processEvents()  # the log repaints the rows that changed

    benchmark.pedantic(decide, rounds=60, iterations=1)
    shown = _stats(benchmark).median
    print(
        f"\ndecision log, one state change among 2,000: {shown * 1000:.2f} ms shown "
        f"(the change alone, dock hidden: {hidden * 1000:.2f} ms)"
    )
    assert not resets
    assert shown - hidden < 0.005


def test_decision_log_updates_one_row_sorted_and_filtered(benchmark, window: MainWindow) -> None:
    nodes = _load_with_decisions(window)
    log = window.decision_log
    change = _state_changes(window, nodes)

    def decide_hidden() -> None:
        change()
        QApplication.processEvents()

    log.hide()
    hidden = _median_seconds(decide_hidden, 30)
    log.show()
    log.tree.sortByColumn(WHEN, log.tree.header().sortIndicatorOrder())
    log.set_state_filter("considering")

    def decide() -> None:
        change()
        QApplication.processEvents()  # rows in and out of the filter: laid out again

    benchmark.pedantic(decide, rounds=60, iterations=1)
    shown = _stats(benchmark).median
    print(
        "\ndecision log, one state change among 2,000, sorted by date and filtered: "
        f"{shown * 1000:.2f} ms shown (dock hidden: {hidden * 1000:.2f} ms)"
    )
    # a row entering or leaving the filter lays the tree out again: every row, in C++
    # with a few calls into the model each
    assert shown - hidden < 0.030
