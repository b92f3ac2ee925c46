"""The QApplication every entry point shares, and a Qt that cannot start, told in one line.

``ensure_app`` makes the application once, with Karar's names (for QSettings) and its bundled
fonts; the window's start-up (``ui/app.py``) and the picture exports (``ui/export.py``) both
use it, so a renderer never reaches up into start-up.

Qt that cannot start aborts the process (exit 134) with advice that is often wrong ("install
libxcb-cursor0", whichever library is missing). So instead:

- ``display_problem`` tells, before Qt is loaded, that there is no display to open a window on;
- ``qt_import_problem`` turns the ImportError of a Qt module whose system library is missing
  (``libEGL.so.1: cannot open shared object file``) into one line naming the library;
- while the QApplication is being made, Qt's messages are held back; if Qt gives up (a fatal
  "no Qt platform plugin could be initialized"), the platform plugin is loaded once more with
  ``ctypes`` only to read which library it lacks, one line says so and the process exits.
  A healthy start pays for one message handler, nothing else.

Nothing here imports Qt at module level: ``cli`` asks before Qt is loaded.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType
    from PySide6.QtWidgets import QApplication

APP_NAME = "Karar"
ORG_NAME = "Karar"
ORG_DOMAIN = "karar.app"

README_PACKAGES = 'README.md, section "System packages", lists every package Qt needs'

HEADLESS_HINT = (
    "run Karar inside a desktop session, or use --screenshot OUT.png or 'karar export' "
    "for headless use"
)

NO_DISPLAY_EXIT = 2
"""Exit code when there is no display to show the window on (a usage error: CONTRACT.md)."""

MISSING_LIBRARY_EXIT = 1

# The Debian/Ubuntu package of each library Qt's wheels load (README, "System packages").
_DEBIAN_PACKAGES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libzstd.so.1": "libzstd1",
    "libz.so.1": "zlib1g",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}

# What the dynamic loader says (dlerror): "libEGL.so.1: cannot open shared object file: No
# such file or directory", or "/some/dir/libxcb-cursor.so.0: file too short". The patterns
# are compiled (and cached by ``re``) only when something failed.
_LOADER_ERROR = r"(?P<lib>[^\s:]+\.so(?:\.[0-9]+)*): (?P<why>.+)"
_NOT_FOUND = "cannot open shared object file: No such file or directory"
_PLUGIN_NOT_LOADED = r'Could not load the Qt platform plugin "([^"]+)" in "([^"]*)"'
_PLUGIN_NAMED = r'Could not (?:load|find) the Qt platform plugin "([^"]+)"'
_NO_CONNECTION = r"(?i)could not connect to display ?(.*)"
_NO_WAYLAND = "Failed to create wl_display"


class StartupProblem(NamedTuple):
    """Why Qt cannot start: the one line to print (without ``karar: error:``), the exit code."""

    message: str
    exit_code: int


def display_problem(
    environ: Mapping[str, str] = os.environ, platform: str = sys.platform
) -> str | None:
    """Why a window cannot be opened here, or None: on Linux and the BSDs, neither an X11
    nor a Wayland display is set and no Qt platform is chosen (QT_QPA_PLATFORM)."""
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if any(environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
        return None
    return f"no display: neither DISPLAY nor WAYLAND_DISPLAY is set; {HEADLESS_HINT}"


def missing_library_message(library: str, why: str, where: str = "Qt") -> str:
    """One line saying that ``where`` cannot load ``library`` and which package brings it."""
    reason = "not found" if why.strip() == _NOT_FOUND else why.strip()
    package = _DEBIAN_PACKAGES.get(library)
    fix = f"install {package} (Debian/Ubuntu)" if package else "install the package that has it"
    return f"{where} cannot load the system library {library} ({reason}): {fix}; {README_PACKAGES}"


def qt_import_problem(exc: ImportError) -> str | None:
    """The one line for a Qt module that failed to import because the dynamic loader could
    not load a library it links against; None for any other ImportError."""
    match = re.fullmatch(_LOADER_ERROR, str(exc).strip())
    if match is None:
        return None
    return missing_library_message(Path(match["lib"]).name, match["why"])


def platform_problem(
    messages: Iterable[str],
    load: Callable[[str], str | None],
    plugin_dirs: Iterable[Path],
) -> StartupProblem:
    """Why Qt found no platform plugin it could start, from the messages it logged first.

    Args:
        messages: Qt's messages up to the fatal one.
        load: Loads a library file and returns the loader's error, or None if it loaded.
        plugin_dirs: Where the platform plugins are (``.../plugins/platforms``).
    """
    texts = list(messages)
    dirs = list(plugin_dirs)
    for text in texts:
        match = re.search(_PLUGIN_NOT_LOADED, text)
        if match is None:
            continue
        name, folder = match[1], match[2]
        file_name = f"libq{name.split('-')[0]}.so"
        for base in ([Path(folder)] if folder else []) + dirs:
            plugin = base / file_name
            if not plugin.is_file():
                continue
            error = load(str(plugin))
            failed = re.fullmatch(_LOADER_ERROR, error.strip()) if error else None
            if failed is not None and Path(failed["lib"]).name != file_name:
                message = missing_library_message(
                    Path(failed["lib"]).name, failed["why"], f"Qt's {name} platform plugin"
                )
                return StartupProblem(message, MISSING_LIBRARY_EXIT)
            break
    for text in texts:
        match = re.search(_NO_CONNECTION, text)
        if match is not None:
            display = match[1].strip() or os.environ.get("DISPLAY", "")
            where = f"the X display {display!r}" if display else "an X display (DISPLAY is unset)"
            message = f"no display: cannot connect to {where}; {HEADLESS_HINT}"
            return StartupProblem(message, NO_DISPLAY_EXIT)
        if _NO_WAYLAND in text:
            display = os.environ.get("WAYLAND_DISPLAY", "wayland-0")
            message = (
                f"no display: cannot connect to the Wayland display {display!r}; {HEADLESS_HINT}"
            )
            return StartupProblem(message, NO_DISPLAY_EXIT)
    tried = [m[1] for m in (re.search(_PLUGIN_NAMED, t) for t in texts) if m is not None]
    what = f" ({', '.join(dict.fromkeys(tried))})" if tried else ""
    message = (
        f"Qt could not start its platform plugin{what}; run with QT_DEBUG_PLUGINS=1 to see why, "
        f"and check the system packages ({README_PACKAGES})"
    )
    return StartupProblem(message, MISSING_LIBRARY_EXIT)


def ensure_app(argv: list[str] | None = None) -> QApplication:
    """The application object (created once), with names set for QSettings and Karar's
    fonts registered. If Qt cannot start, prints one line and exits (never returns)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    _skip_feature_scan()
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        with _StartupWatch():
            app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setOrganizationDomain(ORG_DOMAIN)
    QCoreApplication.setApplicationName(APP_NAME)
    from karar import __version__

    QCoreApplication.setApplicationVersion(__version__)
    _register_fonts()
    return app


def _skip_feature_scan() -> None:
    """Spare every later import PySide's scan for its ``__feature__`` options.

    Once QtCore is loaded, PySide reads the whole source of each module imported afterwards
    (``inspect.getsource``) to see whether it names PySide6, only to choose that module's
    default feature set: 0, "no feature", if it does, -1, "leave the selection as it is", if
    not. Karar selects no feature (``snake_case``, ``true_property``) anywhere, so the two
    defaults mean the same, and every module gets the first without its file being read:
    some 120 files, about 15 ms of the window's start (napari#8584 found the same). A module
    that does ``from __feature__ import …`` still gets what it asks for: that import sets
    the module's own entry. A PySide without this hook is left as it is.
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        setattr(feature, "_mod_uses_pyside", _uses_no_feature)  # noqa: B010  # private


def _uses_no_feature(module: object) -> bool:
    """Every module's default: no ``__feature__`` selected."""
    return True


class _StartupWatch:
    """Holds back Qt's messages while the QApplication is made and replays them after, so
    that a start Qt gives up on prints our one line instead of Qt's misleading advice."""

    def __init__(self) -> None:
        self._held: list[tuple[QtMsgType, str]] = []
        self._previous: object = None

    def __enter__(self) -> _StartupWatch:
        from PySide6.QtCore import qInstallMessageHandler

        self._previous = qInstallMessageHandler(self._on_message)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        from PySide6.QtCore import QtMsgType, qCritical, qDebug, qInfo, qInstallMessageHandler

        qInstallMessageHandler(self._previous)  # type: ignore[arg-type]
        emit = {
            QtMsgType.QtDebugMsg: qDebug,
            QtMsgType.QtInfoMsg: qInfo,
            QtMsgType.QtWarningMsg: _q_warning,
            QtMsgType.QtCriticalMsg: qCritical,
        }
        for level, text in self._held:
            emit.get(level, _q_warning)(text)

    def _on_message(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        from PySide6.QtCore import QtMsgType

        category = context.category or "default"
        text = message if category == "default" else f"{category}: {message}"
        if kind != QtMsgType.QtFatalMsg:
            self._held.append((kind, text))
            return
        # Qt aborts as soon as this handler returns: say why in one line and leave first.
        problem = platform_problem(
            [t for _, t in self._held] + [text], _loader_error, _platform_plugin_dirs()
        )
        sys.stdout.flush()
        print(f"karar: error: {problem.message}", file=sys.stderr, flush=True)
        os._exit(problem.exit_code)


def _q_warning(text: str) -> None:
    from PySide6.QtCore import qWarning

    qWarning(text)


def _loader_error(path: str) -> str | None:
    """The dynamic loader's error for loading ``path``, None when it loads."""
    import ctypes

    try:
        ctypes.CDLL(path)
    except OSError as exc:
        return str(exc)
    return None


def _platform_plugin_dirs() -> list[Path]:
    """Where Qt looks for platform plugins, in its order (the environment, then its own)."""
    from PySide6.QtCore import QLibraryInfo

    dirs = [Path(p) for p in os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep)]
    dirs.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms")
    dirs += [Path(p) / "platforms" for p in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep)]
    return [d for d in dirs if str(d) not in ("", ".", "platforms")]


_fonts_registered = False


def _register_fonts() -> None:
    """Make the shipped Noto Sans available to Qt (once per process), so the map looks the
    same everywhere, also on a machine without fonts of its own."""
    global _fonts_registered
    if _fonts_registered:
        return
    _fonts_registered = True
    from importlib import resources

    from PySide6.QtGui import QFontDatabase

    folder = resources.files("karar.resources") / "fonts"
    for name in ("Regular", "Bold", "Italic", "BoldItalic"):
        data = (folder / f"NotoSans-{name}.ttf").read_bytes()
        if QFontDatabase.addApplicationFontFromData(data) < 0:
            print(f"karar: warning: could not load the font NotoSans-{name}", file=sys.stderr)
