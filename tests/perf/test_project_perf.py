"""Reading a project file of 10,000 entries (issue 9), the file ``karar diff`` reads twice.

Run explicitly (tests/perf is not collected by default):

    .venv/bin/pytest tests/perf/test_project_perf.py -p no:cacheprovider -s

The file is the one tests/perf/test_diff_perf.py writes (10,000 entries on a generated
10,000-node map, 2.9 MB). Printed, measured in turns in the same run (the machine is shared):
``project.load`` of it (goal: < 0.35 s on a quiet reference machine), the exact reading alone
(composer and builder: what every file took before the fast reading), and libyaml's events
alone, which nothing built from them can beat.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import yaml
from test_diff_perf import ENTRIES, workshops  # noqa: F401 (the fixture)

from karar.core import project, yamlsafe
from karar.core.project import ProjectError


def _best(run: Callable[[], object], rounds: int = 5) -> float:
    took = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        took.append(time.perf_counter() - start)
    return min(took)


def _events(text: str) -> None:
    loader = yaml.CSafeLoader(text)
    try:
        for _ in iter(loader.get_event, None):
            pass
    finally:
        loader.dispose()


def _exact(text: str) -> object:
    def fail(line: int | None, message: str) -> ProjectError:
        return ProjectError("p", line, message)

    root, order = yamlsafe._Composer(text, 1, fail).compose()
    return yamlsafe._Builder(1, fail).build(order)[0][id(root)]


def test_a_10k_entry_project_loads_in_a_few_times_its_parsing(
    workshops: tuple[Path, Path],  # noqa: F811
) -> None:
    """``project.load`` of the whole file, checks and all, within 6 times what libyaml's
    events alone take (about 3 times in a process of its own, 4 in a loaded test run), and
    far below the exact reading (about 15 times the events)."""
    path = workshops[0]
    text = path.read_text(encoding="utf-8")
    assert len(project.load(path).entries) == ENTRIES
    events = load = exact = float("inf")
    for _ in range(3):
        events = min(events, _best(lambda: _events(text)))
        load = min(load, _best(lambda: project.load(path)))
        exact = min(exact, _best(lambda: _exact(text), rounds=1))
    print(
        f"\nproject.load, {ENTRIES:,} entries ({len(text) / 2**20:.1f} MB): {load:.3f} s "
        f"(goal < 0.35 s); the exact reading alone: {exact:.3f} s; libyaml's events alone: "
        f"{events:.3f} s; best of 15, 15, 3"
    )
    assert load < 6 * events
    assert load < exact / 2
