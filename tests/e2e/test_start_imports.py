"""The start path, ``karar PATH`` up to its first painted frame, imports only what that
frame needs: not yaml, markdown or networkx (40–300 ms each), nor the modules of commands
nobody has asked for yet (export, print, merge, diff, reports, the presentation, dialogs,
the node menu, the docks hidden at start)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

BUILT_IN = Path(__file__).parents[2] / "data" / "django-decision-tree.md"

NOT_BEFORE_FIRST_FRAME = (
    "yaml",
    "markdown",
    "networkx",
    "karar.core.adr",
    "karar.core.diff",
    "karar.core.export",
    "karar.core.merge",
    "karar.core.report",
    "karar.core.textmatch",
    "karar.core.yamlsafe",
    "karar.ui.decisionlog",
    "karar.ui.decisionlogmodel",
    "karar.ui.describe",
    "karar.ui.dialogs",
    "karar.ui.export",
    "karar.ui.exportdialog",
    "karar.ui.mergedialog",
    "karar.ui.nodemenu",
    "karar.ui.notewidgets",
    "karar.ui.orphans",
    "karar.ui.outputs",
    "karar.ui.present",
    "karar.ui.presenter",
    "karar.ui.presentoverlays",
    "karar.ui.printpreview",
    "karar.ui.record",
    "karar.ui.reportpdf",
    "karar.ui.search",
)

# ``python -m karar PATH`` as the console script runs it; the map view's first-frame signal
# prints the modules loaded by then and ends the process
_SCRIPT = textwrap.dedent(
    """
    import os, runpy, sys
    from karar.ui.view import MapView
    init = MapView.__init__
    def watched(self, *args, **kwargs):
        init(self, *args, **kwargs)
        def painted():
            print(" ".join(sorted(sys.modules)), flush=True)
            os._exit(0)
        self.first_frame_painted.connect(painted)
    MapView.__init__ = watched
    sys.argv = ["karar", *sys.argv[1:]]
    runpy.run_module("karar", run_name="__main__", alter_sys=True)
    """
)


def test_start_path_imports_nothing_the_first_frame_does_not_need(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(tmp_path / name.lower())
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(BUILT_IN)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    assert "karar.ui.mainwindow" in loaded  # it did reach the window
    assert not loaded & set(NOT_BEFORE_FIRST_FRAME)


# A fresh process: which modules PySide has already looked at depends on what ran before.
_SCAN_SCRIPT = textwrap.dedent(
    """
    import inspect, sys
    from karar.ui.qtapp import ensure_app
    ensure_app()
    read = []
    getsource = inspect.getsource
    inspect.getsource = lambda obj: read.append(getattr(obj, "__name__", obj)) or getsource(obj)
    sys.path.insert(0, sys.argv[1])
    import karar_scan_probe  # a module imported after Qt is up, as the window's are
    print(karar_scan_probe.ANSWER, read)
    """
)


def test_modules_imported_after_qt_is_up_are_not_read_for_pyside_features(
    tmp_path: Path,
) -> None:
    # PySide reads each new module's whole source to choose its __feature__ default; Karar
    # uses no feature, and ensure_app spares its ~120 start-up imports that (~15 ms)
    (tmp_path / "karar_scan_probe.py").write_text("from PySide6.QtCore import Qt\nANSWER = 42\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(
        [sys.executable, "-c", _SCAN_SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    assert done.stdout.split() == ["42", "[]"], done.stdout + done.stderr
