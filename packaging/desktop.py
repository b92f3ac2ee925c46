"""Installs Karar into the current user's desktop (``make install-desktop``) and takes it
out again (``make uninstall-desktop``): the .desktop entry, the icon as PNGs rendered from
the SVG into the hicolor theme, the ``application/x-karar-project`` mime type, and a
``karar`` launcher in ~/.local/bin that runs this checkout's .venv/bin/karar.

Paths follow the XDG base directory spec: $XDG_DATA_HOME (default ~/.local/share) and
~/.local/bin. Uninstall removes exactly the files install writes (the launcher only when it
is ours), then lets update-mime-database and update-desktop-database, where present, forget
them. Run as ``python packaging/desktop.py install|uninstall``; install needs PySide6 (the
venv's python), uninstall any Python 3.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

APP_ID = "io.github.karar.Karar"
HERE = Path(__file__).resolve().parent
CHECKOUT = HERE.parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# The first line after the shebang: how uninstall knows a ~/.local/bin/karar is ours.
LAUNCHER_MARK = "# Karar launcher written by make install-desktop"


def data_home() -> Path:
    """$XDG_DATA_HOME when set to an absolute path (the spec ignores a relative one)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def launcher_path() -> Path:
    return Path.home() / ".local" / "bin" / "karar"


def icon_paths(data: Path) -> dict[int, Path]:
    hicolor = data / "icons" / "hicolor"
    return {size: hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in SIZES}


def installed_files() -> list[Path]:
    """Every file install writes, launcher last."""
    data = data_home()
    return [
        data / "applications" / f"{APP_ID}.desktop",
        *icon_paths(data).values(),
        data / "mime" / "packages" / f"{APP_ID}.xml",
        launcher_path(),
    ]


def is_our_launcher(path: Path) -> bool:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return False
    return len(lines) > 1 and lines[1] == LAUNCHER_MARK


def launcher_text(target: Path) -> str:
    quoted = shlex.quote(str(target))
    return (
        "#!/bin/sh\n"
        f"{LAUNCHER_MARK}\n"
        f"# from {CHECKOUT}; make uninstall-desktop removes it.\n"
        f"if [ ! -x {quoted} ]; then\n"
        f'    echo "karar: error: {target} is gone (checkout moved, or make clean):'
        ' run make install-desktop there again" >&2\n'
        "    exit 1\n"
        "fi\n"
        f'exec {quoted} "$@"\n'
    )


def desktop_entry(launcher: Path) -> str:
    """The packaged entry with Exec and TryExec naming the launcher by its full path: a
    session started from a display manager does not always have ~/.local/bin on PATH."""
    lines = []
    for line in (HERE / f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_quoted(launcher)} %f"
        elif line.startswith("TryExec="):
            line = f"TryExec={launcher}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def exec_quoted(path: Path) -> str:
    """A program path as the desktop entry spec's Exec key wants it: in double quotes, with
    its reserved characters escaped, when it has any."""
    text = str(path)
    if not any(c in text for c in " \t\n\"'\\><~|&;$*?#()`"):
        return text
    for c in '\\"`$':
        text = text.replace(c, "\\" + c)
    # The string escape rule applies before the quoting rule: each backslash is written twice.
    return f'"{text}"'.replace("\\", "\\\\")


def render_icons(svg: Path, targets: dict[int, Path]) -> None:
    """Each size drawn from the SVG itself (not scaled from one bitmap), so 16 px stays sharp."""
    # Drawing needs no display: this works over ssh, and a QT_QPA_PLATFORM=xcb set for the
    # window does not make it fail there.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"karar: error: {svg}: not an SVG Qt can draw")
    for size, target in targets.items():
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):
            raise SystemExit(f"karar: error: could not write {target}")
    del app


def refresh_databases(data: Path) -> None:
    """The caches desktops read; each tool only where installed (shared-mime-info,
    desktop-file-utils)."""
    for tool, folder in (
        ("update-mime-database", data / "mime"),
        ("update-desktop-database", data / "applications"),
    ):
        if shutil.which(tool) and folder.is_dir():
            subprocess.run([tool, str(folder)], check=False, stdout=subprocess.DEVNULL)


def install() -> int:
    target = CHECKOUT / ".venv" / "bin" / "karar"
    if not os.access(target, os.X_OK):
        print(f"karar: error: {target} is missing: run make run first", file=sys.stderr)
        return 1
    launcher = launcher_path()
    if launcher.exists() and not is_our_launcher(launcher):
        print(
            f"karar: error: {launcher} exists and is not Karar's launcher (pipx or another "
            "install?): remove it first, then run make install-desktop again",
            file=sys.stderr,
        )
        return 1
    data = data_home()
    entry = data / "applications" / f"{APP_ID}.desktop"
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(desktop_entry(launcher), encoding="utf-8")
    render_icons(HERE / "icons" / f"{APP_ID}.svg", icon_paths(data))
    mime = data / "mime" / "packages" / f"{APP_ID}.xml"
    mime.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(HERE / "mime" / f"{APP_ID}.xml", mime)
    launcher.parent.mkdir(parents=True, exist_ok=True)
    launcher.write_text(launcher_text(target), encoding="utf-8")
    launcher.chmod(0o755)
    refresh_databases(data)
    print(f"installed Karar's menu entry, icons and file type under {data}, launcher {launcher}")
    on_path = os.environ.get("PATH", "").split(os.pathsep)
    if str(launcher.parent) not in on_path:
        print(f"note: {launcher.parent} is not on PATH; the menu entry works without it")
    return 0


def uninstall() -> int:
    removed = 0
    for path in installed_files():
        if path == launcher_path() and path.exists() and not is_our_launcher(path):
            print(f"left {path} alone: not Karar's launcher")
            continue
        if path.exists():
            path.unlink()
            removed += 1
    refresh_databases(data_home())
    print(f"removed {removed} files of Karar's desktop integration")
    return 0


def main(argv: list[str]) -> int:
    if argv == ["install"]:
        return install()
    if argv == ["uninstall"]:
        return uninstall()
    print("usage: python packaging/desktop.py install|uninstall", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
