"""``karar export -o OUT.png --tiles``: a map too large for one PNG, written as tiles of at
most 16,384 px that together are the refused picture."""

from __future__ import annotations

import re
from pathlib import Path

from karar_cli import karar
from PySide6.QtGui import QImageReader


def _tall_map(folder: Path) -> Path:
    """2,041 nodes: 21,051 px tall at the readable scale, too tall for one PNG."""
    lines = ["mindmap", "  root((Tall))"]
    for b in range(1, 41):
        lines.append(f"    Branch {b}")
        lines += [f"      Leaf {b}.{n}" for n in range(1, 51)]
    path = folder / "tall.mmd"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_tiles_of_a_map_too_tall_for_one_png(tmp_path: Path) -> None:
    source = _tall_map(tmp_path)
    out = tmp_path / "tall.png"
    refused = karar("export", str(source), "-o", str(out))
    assert refused.returncode == 1 and not out.exists()
    said = re.search(r"would be (\d+) x (\d+) px .* as (\d+) tiles \(--tiles\)", refused.stderr)
    assert said is not None, refused.stderr
    width, height, count = map(int, said.groups())
    assert height > 16_384

    done = karar("export", str(source), "-o", str(out), "--tiles")
    assert done.returncode == 0, done.stderr
    assert f"as {count} tiles" in done.stderr
    names = [f"tall-r{r}c1.png" for r in range(1, count + 1)]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["tall.mmd", *names])
    sizes = [QImageReader(str(tmp_path / name)).size() for name in names]
    assert all(s.width() == width and s.height() <= 16_384 for s in sizes)
    assert sum(s.height() for s in sizes) == height


def test_tiles_are_for_png(tmp_path: Path) -> None:
    done = karar("export", "-o", str(tmp_path / "m.svg"), "--tiles")
    assert done.returncode == 2
    assert "--tiles is for PNG pictures, not svg" in done.stderr
    assert list(tmp_path.iterdir()) == []
