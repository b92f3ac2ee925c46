"""Application start-up: the window's QApplication (``qtapp.ensure_app`` plus the icon), the
theme, the main window, and the offscreen screenshot mode (written atomically).

Only QtCore/QtGui/QtWidgets and Karar's own modules are imported on the way to the first
frame; networkx, yaml and markdown each cost 40–300 ms and are never needed to show a map.
"""

from __future__ import annotations

import os
import sys
import time
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEventLoop,
    QMessageLogContext,
    QSettings,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from karar.ui.qtapp import ensure_app

if TYPE_CHECKING:
    from karar.ui.mainwindow import MainWindow

DESKTOP_ID = "io.github.karar.Karar"


def make_app(argv: list[str] | None = None) -> QApplication:
    """The application object (created once) for the window: ``ensure_app`` (names, fonts)
    plus what only a window needs (the desktop entry's id, the window icon)."""
    app = ensure_app(argv)
    QGuiApplication.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(QIcon(str(resources.files("karar.resources") / "karar.svg")))
    return app


def wait_for_first_frame(window: MainWindow, timeout: float = 10.0) -> bool:
    """Process events until the window's map view has painted a frame (or ``timeout``)."""
    view = window.view
    deadline = time.monotonic() + timeout
    app = QApplication.instance()
    while not view.has_painted() and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)  # type: ignore[union-attr]
    return bool(view.has_painted())


def run(
    path: str | Path | None,
    layout: str = "mindmap",
    theme: str | None = None,
    present: bool = False,
    screenshot: str | Path | None = None,
    size: tuple[int, int] = (1600, 1000),
    describe: str | Path | None = None,
    step: int = 0,
    lang: str | None = None,
) -> int:
    """Open the main window on the map at ``path`` and run until it closes.

    Args:
        path: A map or project file, or None for the built-in Django map.
        layout: ``mindmap``, ``tree`` or ``radial``.
        theme: ``light``, ``dark``, ``contrast``, or None to follow the OS.
        present: Start in the presentation mode (:mod:`karar.ui.present`).
        screenshot: If given, render the window offscreen at ``size``, save a PNG of it
            there and return without showing anything.
        size: Window size in pixels.
        describe: With ``screenshot``: also write there, as JSON, what the screenshot shows
            (:mod:`karar.ui.describe`).
        step: With ``present``: the step to start at (0: the overview).
        lang: ``tr`` or ``en``; None: View › Language as remembered, else the system's
            (a screenshot: the system's).

    Returns:
        The process exit code: 0 on success, 1 when a screenshot could not be made.
    """
    if screenshot is not None and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    screen_file = _offscreen_screen(size) if screenshot is not None and present else None
    try:
        app = make_app()
    finally:
        if screen_file is not None:
            screen_file.unlink(missing_ok=True)

    from karar.ui import i18n
    from karar.ui.mainwindow import MainWindow
    from karar.ui.theme import apply_app_theme, resolve_theme

    remember = screenshot is None
    # before the window is made: it is built speaking the language
    i18n.install(i18n.choose_language(lang, remember=remember))
    if theme is None and remember:
        saved = QSettings().value("view/theme", "system")
        theme = saved if saved in ("light", "dark", "contrast") else None
    apply_app_theme(resolve_theme(theme))
    window = MainWindow(theme=theme, layout=layout, remember=remember)
    window.resize(*size)

    if screenshot is not None:
        previous = qInstallMessageHandler(_quiet_offscreen)
        try:
            return _screenshot(
                app,
                window,
                path,
                Path(screenshot),
                size,
                Path(describe) if describe else None,
                step if present else None,
            )
        finally:
            qInstallMessageHandler(previous)

    if remember and path is None and QSettings().contains("window/geometry"):
        window.restoreGeometry(QSettings().value("window/geometry"))
    window.show()
    # open after the window is shown so the first view is fitted to its real size
    QTimer.singleShot(0, lambda: _start(window, path, step if present else None))
    return app.exec()


def _start(window: MainWindow, path: str | Path | None, step: int | None) -> None:
    window.start(path)
    if step is not None:
        window.present(step)


def _offscreen_screen(size: tuple[int, int]) -> Path | None:
    """Give the offscreen platform one screen of ``size`` (a presentation fills its
    screen: the picture is then as big as asked). Only before the application exists, and
    only for the plain offscreen platform; returns the configuration file to remove once
    the application is made."""
    import json
    import tempfile

    if QApplication.instance() is not None or os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return None
    screen = {"name": "karar", "x": 0, "y": 0, "width": size[0], "height": size[1]}
    screen |= {"logicalDpi": 96, "dpr": 1}
    with tempfile.NamedTemporaryFile(
        "w", suffix=".json", prefix="karar-screen-", delete=False
    ) as out:
        json.dump({"screens": [screen]}, out)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={out.name}"
    return Path(out.name)


_PREVIEW_WAIT_S = 5.0  # more than the worker's budget for one note


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Drop the offscreen platform's "does not support propagateSizeHints()" notice (it
    has no window manager to tell); pass everything else on to stderr."""
    if "propagateSizeHints" in message:
        return
    print(message, file=sys.stderr)


def _screenshot(
    app: QApplication,
    window: MainWindow,
    path: str | Path | None,
    out: Path,
    size: tuple[int, int],
    description: Path | None = None,
    step: int | None = None,
) -> int:
    from karar.core.errors import KararError

    window.map_scene.animate = False
    window.show()
    app.processEvents()
    try:
        window.open_path(path, show_errors=False)
    except KararError as err:
        print(f"karar: error: {err}", file=sys.stderr)
        return 1
    wait_for_first_frame(window)
    if step is not None:
        steps = window.presentation.steps
        if step > steps:
            print(f"karar: error: --step {step}: the map has steps 0 to {steps}", file=sys.stderr)
            return 1
        window.present(step)
        app.processEvents()
        window.view.finish_glide()
    # a long note renders on a worker thread: the picture shows it rendered
    window.decision_panel.wait_for_preview(_PREVIEW_WAIT_S)
    app.processEvents()
    image = window.grab().toImage()
    if image.width() != size[0] or image.height() != size[1]:
        image = image.scaled(size[0], size[1])
    from karar.ui.export import ExportError, png_bytes, write_atomically

    try:
        if not out.parent.exists():  # a file in the folder's place: said by the write
            out.parent.mkdir(parents=True)
        write_atomically(out, "PNG", png_bytes(image))
    except OSError as err:
        print(f"karar: error: {out}: cannot write: {err.strerror or err}", file=sys.stderr)
        return 1
    except ExportError as err:
        print(f"karar: error: {err}", file=sys.stderr)
        return 1
    if description is not None and _write_description(window, description):
        return 1
    window.close()
    return 0


def _write_description(window: MainWindow, out: Path) -> bool:
    """Write what the window shows to ``out`` as JSON (atomically); True on failure, said
    in one line."""
    from karar.core.atomic import write_atomic
    from karar.ui.describe import describe, dumps

    try:
        if not out.parent.exists():
            out.parent.mkdir(parents=True)
        write_atomic(out, dumps(describe(window)).encode("utf-8"))
    except OSError as err:
        print(f"karar: error: {out}: cannot write: {err.strerror or err}", file=sys.stderr)
        return True
    return False
