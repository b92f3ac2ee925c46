"""What the user sees when the machine lets Karar down: no display, a missing Qt system
library, a full disk, a folder that cannot be written. Each is one ``karar: error:`` line on
stderr and an exit code, never a traceback or Qt's abort; an old file is never half-replaced."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def karar(
    *args: str,
    env: dict[str, str] | None = None,
    preexec_fn: Callable[[], None] | None = None,
    code: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``karar ARGS`` (or ``python -c CODE ARGS``) as a user would; its result."""
    command = (
        [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "karar", *args]
    )
    return subprocess.run(
        command,
        env=env if env is not None else dict(os.environ),
        preexec_fn=preexec_fn,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def without_display() -> dict[str, str]:
    env = dict(os.environ)
    for name in DISPLAY_VARIABLES:
        env.pop(name, None)
    return env


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    """The single line of stderr, which must be a ``karar: error:`` line."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("karar: error: "), result.stderr
    return lines[0]


def test_no_display_is_one_line_and_exit_2() -> None:
    result = karar(env=without_display())
    assert result.returncode == 2, result.stderr  # Qt itself aborts: 134
    line = one_error_line(result)
    assert line.startswith("karar: error: no display: ")
    assert "--screenshot" in line and "karar export" in line


def test_unreachable_x_display_is_one_line_and_exit_2() -> None:
    free = next(n for n in range(150, 250) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    env = dict(without_display(), DISPLAY=f":{free}")
    result = karar(env=env)
    assert result.returncode == 2, result.stderr
    line = one_error_line(result)
    assert line.startswith(f"karar: error: no display: cannot connect to the X display ':{free}'")


def test_headless_exports_and_screenshots_need_no_display(tmp_path: Path) -> None:
    env = without_display()
    shot, picture = tmp_path / "shot.png", tmp_path / "map.svg"
    result = karar("--screenshot", str(shot), "--size", "800x600", env=env)
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    result = karar("export", "-o", str(picture), "--expand-level", "1", env=env)
    assert result.returncode == 0, result.stderr
    assert "<svg" in picture.read_text(encoding="utf-8")


def broken_library(tmp_path: Path, name: str) -> dict[str, str]:
    """An environment in which the dynamic loader finds a corrupt ``name`` first: a real
    loader failure for a library Qt links against, as if it were missing."""
    folder = tmp_path / "broken-libs"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(b"not a shared library\n")
    search = [str(folder), *filter(None, os.environ.get("LD_LIBRARY_PATH", "").split(":"))]
    return dict(os.environ, LD_LIBRARY_PATH=":".join(search))


@pytest.mark.parametrize("command", [[], ["export", "-o", "OUT/map.png"]], ids=["open", "export"])
def test_missing_qt_library_is_named(tmp_path: Path, command: list[str]) -> None:
    env = broken_library(tmp_path, "libEGL.so.1")  # QtGui links it
    env["QT_QPA_PLATFORM"] = "offscreen"
    args = [a.replace("OUT", str(tmp_path)) for a in command]
    result = karar(*args, env=env)
    assert result.returncode == 1, result.stderr
    line = one_error_line(result)
    assert "cannot load the system library libEGL.so.1 (" in line
    assert "install libegl1" in line and '"System packages"' in line
    assert not (tmp_path / "map.png").exists()


# The ImportError as Python raises it on a machine without libEGL (a loader error text).
_NO_EGL = """
import sys
from importlib.abc import MetaPathFinder

class NoEgl(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6.QtGui":
            raise ImportError(
                "libEGL.so.1: cannot open shared object file: No such file or directory",
                name="PySide6.QtGui",
            )
        return None

sys.meta_path.insert(0, NoEgl())
from karar.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_missing_qt_library_message_shape(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = karar("export", "-o", str(tmp_path / "map.pdf"), env=env, code=_NO_EGL)
    assert result.returncode == 1, result.stderr
    assert one_error_line(result) == (
        "karar: error: Qt cannot load the system library libEGL.so.1 (not found): install "
        'libegl1 (Debian/Ubuntu); README.md, section "System packages", lists every package '
        "Qt needs"
    )


def test_missing_xcb_plugin_library_is_named(tmp_path: Path) -> None:
    """Qt finds the xcb plugin, cannot load it, and aborts with advice to install
    libxcb-cursor0 whatever is missing; Karar names the library the plugin lacks."""
    env = broken_library(tmp_path, "libxcb-icccm.so.4")  # only the xcb plugin needs it
    env.update(DISPLAY=":0", QT_QPA_PLATFORM="xcb")  # the plugin fails before connecting
    env.pop("WAYLAND_DISPLAY", None)
    result = karar(env=env)
    assert result.returncode == 1, result.stderr  # Qt itself aborts: 134
    line = one_error_line(result)
    assert "Qt's xcb platform plugin cannot load the system library libxcb-icccm.so.4" in line
    assert "install libxcb-icccm4" in line


def full_disk() -> None:
    """In the child: files cannot grow past 4 KB (EFBIG, as on a full disk), and going past
    the limit is an error, not a SIGXFSZ kill."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf", "screenshot"])
def test_full_disk_leaves_the_old_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"map.{'png' if fmt == 'screenshot' else fmt}"
    old = os.urandom(20_000)  # bigger than the limit: a rewrite in place would cut it
    out.write_bytes(old)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if fmt == "screenshot":
        result = karar("--screenshot", str(out), "--size", "800x600", env=env, preexec_fn=full_disk)
    else:
        args = ("export", "-o", str(out), "--expand-level", "2")
        result = karar(*args, env=env, preexec_fn=full_disk)
    assert result.returncode == 1, result.stderr  # a PDF used to be cut to 8 KB, exit 0
    line = one_error_line(result)
    assert line.startswith(f"karar: error: {out}: cannot write the ")
    assert line.endswith(": File too large")
    assert out.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf", "screenshot"])
def test_unwritable_folder_is_one_line(tmp_path: Path, fmt: str) -> None:
    blocker = tmp_path / "folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    out = blocker / f"map.{'png' if fmt == 'screenshot' else fmt}"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if fmt == "screenshot":
        result = karar("--screenshot", str(out), "--size", "800x600", env=env)
    else:
        result = karar("export", "-o", str(out), env=env)
    assert result.returncode == 1, result.stderr
    line = one_error_line(result)
    assert line.startswith(f"karar: error: {out}: cannot write")
    assert line.endswith(": Not a directory")
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"


def test_display_problem_only_where_windows_need_a_display() -> None:
    from karar.ui.qtapp import display_problem

    assert display_problem({}, "linux") is not None
    assert display_problem({"DISPLAY": ""}, "linux") is not None  # set but empty
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "vnc"}, "linux") is None
    assert display_problem({}, "darwin") is None and display_problem({}, "win32") is None


def test_platform_problem_reads_qt_messages(tmp_path: Path) -> None:
    """What Qt logs before it gives up, as Qt 6 words it."""
    from karar.ui.qtapp import MISSING_LIBRARY_EXIT, NO_DISPLAY_EXIT, platform_problem

    plugins = tmp_path / "platforms"
    plugins.mkdir()
    (plugins / "libqxcb.so").write_bytes(b"")
    not_loaded = (
        'qt.qpa.plugin: Could not load the Qt platform plugin "xcb" in "" even though it was found.'
    )
    loader = {
        str(plugins / "libqxcb.so"): "libxcb-cursor.so.0: "
        + ("cannot open shared object file: No such file or directory")
    }
    problem = platform_problem([not_loaded], loader.get, [plugins])
    assert problem.exit_code == MISSING_LIBRARY_EXIT
    assert problem.message.startswith(
        "Qt's xcb platform plugin cannot load the system library libxcb-cursor.so.0 (not found): "
        "install libxcb-cursor0 (Debian/Ubuntu); "
    )
    # The plugin loads: it is the display that is missing.
    offline = ["qt.qpa.xcb: could not connect to display :7", not_loaded]
    problem = platform_problem(offline, lambda path: None, [plugins])
    assert problem == (
        "no display: cannot connect to the X display ':7'; run Karar inside a desktop session, "
        "or use --screenshot OUT.png or 'karar export' for headless use",
        NO_DISPLAY_EXIT,
    )
    unknown = ['Could not find the Qt platform plugin "vnx" in ""']
    problem = platform_problem(unknown, lambda path: None, [plugins])
    assert problem.exit_code == MISSING_LIBRARY_EXIT
    assert problem.message.startswith("Qt could not start its platform plugin (vnx); ")
