"""The one-folder PyInstaller bundle (`make bundle`) against the venv's karar: run with an
empty environment (`env -i`, plus QT_QPA_PLATFORM=offscreen), each command gives the same
exit code, messages and files. Runs under `make test-bundle`, which builds the bundle and
names it in KARAR_BUNDLE; without that variable every test here skips."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import karar

REPO = Path(__file__).parent.parent.parent
BUNDLE = os.environ.get("KARAR_BUNDLE", "")
pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(not BUNDLE, reason="no KARAR_BUNDLE: run make test-bundle"),
]
# Nothing else: no PATH, no HOME, no PYTHONPATH. What would differ between any two runs of
# one program is fixed: SOURCE_DATE_EPOCH the time stamp fontTools writes into an SVG's font
# subset, QT_HASH_SEED the order (and subset names) of the fonts Qt embeds in a PDF.
ENV = {"QT_QPA_PLATFORM": "offscreen", "SOURCE_DATE_EPOCH": "0", "QT_HASH_SEED": "0"}
PDF_VARYING = (
    rb"\(D:\d{14}Z\)",
    rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00",
    rb"uuid:[0-9a-f-]{36}",
    rb"/ID \[ <[0-9a-f]+> <[0-9a-f]+> \]",
)
PROJECT = REPO / "tests" / "data" / "adr-django.karar.yaml"


def bundled() -> list[str]:
    program = Path(BUNDLE).resolve() / "karar"
    assert program.is_file(), f"{program} missing: run make bundle"
    return [str(program)]


def from_venv() -> list[str]:
    return [sys.executable, "-m", "karar"]


def run(command: list[str], *args: str, cwd: Path) -> tuple[int, str, str]:
    cwd.mkdir(exist_ok=True)
    result = subprocess.run(
        [*command, *args],
        env=ENV,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return result.returncode, result.stdout, result.stderr


def both(tmp_path: Path, *args: str) -> tuple[Path, Path]:
    """Runs ARGS with the bundle and the venv, each in a folder of its own, and checks they
    said the same; the two folders, to compare what they wrote."""
    mine, theirs = tmp_path / "bundle", tmp_path / "venv"
    got = run(bundled(), *args, cwd=mine)
    expected = run(from_venv(), *args, cwd=theirs)
    assert got == expected
    return mine, theirs


def same_file(path: Path) -> bytes:
    """The file's bytes, less what differs between any two runs of one program: a PDF's
    times and random document ids (Qt writes them in the Info, the XMP metadata and /ID)."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        for pattern in PDF_VARYING:
            data = re.sub(pattern, b"*", data)
    return data


def test_version(tmp_path: Path) -> None:
    code, out, _ = run(bundled(), "--version", cwd=tmp_path)
    assert (code, out) == (0, f"karar {karar.__version__}\n")


@pytest.mark.parametrize("kind", ["json", "md", "mmd", "svg", "png", "pdf"])
def test_export_is_identical(tmp_path: Path, kind: str) -> None:
    name = f"map.{kind}"
    mine, theirs = both(tmp_path, "export", "--project", str(PROJECT), "-o", name)
    assert same_file(mine / name) == same_file(theirs / name)


def test_check_is_identical(tmp_path: Path) -> None:
    both(tmp_path, "check", str(PROJECT))
    bad = tmp_path / "bad.karar.yaml"
    bad.write_text("karar: 1\nmap: builtin:django\nnodes: [oops\n", encoding="utf-8")
    code, out, _ = run(bundled(), "check", str(bad), cwd=tmp_path / "bad")
    assert code == 1
    assert out.startswith(f"{bad}:4: error: not valid YAML")
    both(tmp_path, "check", str(bad))


def test_screenshot_is_identical(tmp_path: Path) -> None:
    args = ("--screenshot", "shot.png", "--describe", "shot.json", "--size", "1200x800")
    mine, theirs = both(tmp_path, str(PROJECT), *args)
    for name in ("shot.png", "shot.json"):
        assert (mine / name).read_bytes() == (theirs / name).read_bytes(), name


def test_leaves_out_the_qt_modules_karar_does_not_use() -> None:
    pyside = Path(BUNDLE).resolve() / "_internal" / "PySide6"
    modules = {p.name.split(".")[0] for p in pyside.glob("Qt*.so")}
    assert modules == {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport"}


def test_carries_the_licences() -> None:
    inside = Path(BUNDLE).resolve() / "_internal"
    assert "MIT License" in (inside / "LICENSE").read_text()
    assert (inside / "karar" / "resources" / "fonts" / "OFL.txt").is_file()
    assert (inside / "karar" / "resources" / "icons" / "LICENSE-feather.txt").is_file()
