"""A map 8,000 levels deep (30 MiB: each level one space deeper) through every command of
the real ``karar``: each works, with no RecursionError and no hang. Made here rather than
kept in the folder, being that large."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DEPTH = 8000
HANG = 120  # seconds: each command takes a few


@pytest.fixture(scope="module")
def deep_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("deep") / "deep.mmd"
    lines = ["mindmap"]
    for i in range(DEPTH):
        label = f"n{i}[<b>{i}</b> *x*]" if i % 3 == 1 else f"n{i}"
        lines.append(" " * (i + 1) + label)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def karar(*args: str, cwd: Path, code: int = 0) -> subprocess.CompletedProcess[str]:
    try:
        done = subprocess.run(
            [sys.executable, "-m", "karar", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=HANG,
            cwd=cwd,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"karar {' '.join(args)}: still running after {HANG} s")
    both = done.stdout + done.stderr
    assert "Traceback" not in both and "RecursionError" not in both, both[-2000:]
    assert done.returncode == code, both[-2000:]
    return done


@pytest.mark.parametrize("strict", [False, True])
def test_check(deep_map: Path, strict: bool, tmp_path: Path) -> None:
    done = karar("check", *(["--strict"] if strict else []), str(deep_map), cwd=tmp_path)
    assert f"{DEPTH} nodes, 0 errors" in done.stderr


@pytest.mark.parametrize("fmt", ["json", "mmd", "md", "graphml", "png", "svg", "pdf"])
def test_export(deep_map: Path, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"deep.{fmt}"
    if fmt == "png":  # 8,000 levels make no readable PNG: refused in one line, no strip
        done = karar("export", str(deep_map), "-o", str(out), cwd=tmp_path, code=1)
        assert "a PNG may have" in done.stderr and not out.exists()
        return
    karar("export", str(deep_map), "-o", str(out), cwd=tmp_path)
    head = out.read_bytes()[:200]
    assert head.startswith(
        {
            "json": b'{\n  "label": "n0"',
            "mmd": b"mindmap\n  n0\n    n1[",
            "md": b"# n0\n",
            "graphml": b"<?xml",
            "png": b"\x89PNG",
            "svg": b"<?xml",
            "pdf": b"%PDF-",
        }[fmt]
    ), head


@pytest.mark.parametrize("layout", ["mindmap", "tree", "radial"])
def test_window_screenshot(deep_map: Path, layout: str, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    describe = tmp_path / "shot.json"
    karar(
        str(deep_map), "--layout", layout, "--screenshot", str(shot), "--describe",
        str(describe), cwd=tmp_path,
    )  # fmt: skip
    assert shot.read_bytes()[:4] == b"\x89PNG"
    assert describe.stat().st_size > 0
