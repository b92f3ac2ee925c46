"""Pictures drawn by two processes (karar.core.forked) are the ones drawn by one: the SVG
byte for byte (styles, icons and characters of the child's part take the names one painter
would give them), the PDF page for page (text, pixels, bookmarks). Run in a fresh process,
as ``karar export`` runs: a test process may hold threads, and is then never forked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from poppler import bookmarks

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux")

DATA = Path(__file__).resolve().parents[1] / "data"

SCRIPT = r"""
import json, sys
from pathlib import Path
from karar.core import forked
from karar.core.project import load as load_project
from karar.core.pages import PagesKind
from karar.core.sources import load_map
from karar.ui import export, svgexport

map_path, project_path, folder, fmt = sys.argv[1], sys.argv[2], Path(sys.argv[3]), sys.argv[4]
pages = PagesKind(sys.argv[5]) if len(sys.argv) > 5 else PagesKind.FIT
mind_map = load_map(map_path or None)
project = load_project(project_path) if project_path else None
svgexport.CHUNK = 7  # many chunks, each side with some
ends = []
real_share = forked.share


def share(count, *args, **kwargs):
    end, shared = real_share(count, *args, **kwargs)
    ends.append((end, count, shared is not None))
    return end, shared


forked.share = svgexport.share = share
assert forked.can_fork(), "a fresh process has one thread"
export.export_image(mind_map, folder / f"two.{fmt}", fmt, project=project, pages=pages)
forked.can_fork = lambda: False
export.export_image(mind_map, folder / f"one.{fmt}", fmt, project=project, pages=pages)
print(json.dumps(ends))
"""


def icon_map(path: Path) -> Path:
    """A map of every shape, icons (known and not) and styled labels throughout."""
    lines = ["mindmap", "  root((Stack **choices**))"]
    shapes = ["[{}]", "({})", "(({}))", "{{{{{}}}}}", ")){}((", "){}(", "{}"]
    icons = ["fa fa-book", "mdi mdi-database", "fa fa-not-shipped", "fa fa-lock"]
    for b in range(6):
        lines.append(f"    b{b}[Branch {b} `*şık* seçim`]")
        for c in range(24):
            label = shapes[c % len(shapes)].format(f"Option {b}.{c} ığüşöç")
            lines.append(f"      n{b}_{c}{label}" if label[0] in "[({)" else f"      {label}")
            if c % 3 == 0:
                lines.append(f"      ::icon({icons[(b + c) % len(icons)]})")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def draw_both(
    tmp_path: Path, map_path: str, project: str = "", fmt: str = "svg", *pages: str
) -> tuple[Path, Path]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, map_path, project, str(tmp_path), fmt, *pages],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    ends = json.loads(done.stdout.strip().splitlines()[-1])
    (end, count, shared), (alone_end, _, alone_shared) = ends
    assert shared and 0 < end < count  # the child drew a part of the picture
    assert (alone_end, alone_shared) == (count, False)
    return tmp_path / f"two.{fmt}", tmp_path / f"one.{fmt}"


def test_svg_of_the_built_in_map_with_decisions_and_notes(tmp_path: Path) -> None:
    two, one = draw_both(tmp_path, "", str(DATA / "report-20.karar.yaml"))
    assert two.read_bytes() == one.read_bytes()
    assert b"<text" in two.read_bytes() and b"@font-face" in two.read_bytes()


def test_svg_of_icons_shapes_and_styles(tmp_path: Path) -> None:
    two, one = draw_both(tmp_path, str(icon_map(tmp_path / "icons.mmd")))
    assert two.read_bytes() == one.read_bytes()
    assert two.read_bytes().count(b"<use") > 20  # the icons, placed from the definitions


def pages_read(pdf: Path) -> tuple[list[str], list[bytes], list[tuple[str, int]]]:
    """What a reader gets of ``pdf``: each page's text, each page's pixels, the outline."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(prefix)], check=True)
    pixels = [p.read_bytes() for p in sorted(pdf.parent.glob(f"{prefix.name}-*.png"))]
    return text, pixels, bookmarks(pdf)


@pytest.mark.parametrize("pages", ["poster", "branches"])
def test_pdf_pages_with_decisions_and_notes(tmp_path: Path, pages: str) -> None:
    two, one = draw_both(tmp_path, "", str(DATA / "report-20.karar.yaml"), "pdf", pages)
    text, pixels, outline = pages_read(two)
    assert (text, pixels, outline) == pages_read(one)
    assert len(pixels) == len(outline) > 10
