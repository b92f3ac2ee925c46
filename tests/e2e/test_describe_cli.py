"""``karar --screenshot OUT.png --describe OUT.json`` as a user runs it: a subprocess that
writes a picture and what it shows, and the stable sides the description lets a check
assert without reading pixels."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from karar_cli import karar

from karar.core.sources import load_source, parse_source

FIRST_LEVEL = 33


def described(tmp_path: Path, name: str, *args: str) -> dict[str, Any]:
    """Take a screenshot with its description; the description."""
    shot, out = tmp_path / f"{name}.png", tmp_path / f"{name}.json"
    result = karar(*args, "--screenshot", str(shot), "--describe", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def test_screenshot_with_its_description(tmp_path: Path) -> None:
    data = described(tmp_path, "x", "--size", "1000x700", "--theme", "dark", "--layout", "tree")
    assert data["window"] == {"width": 1000, "height": 700}
    assert (data["theme"], data["layout"], data["language"]) == ("dark", "tree", "en")
    assert data["present"] is None
    assert data["chrome"]["menus"] == ["File", "Edit", "View", "Go", "Help"]
    nodes = data["nodes"]
    assert nodes and nodes[0]["path"] == [nodes[0]["path"][0]]  # the root first
    for node in nodes:
        x, y, w, h = node["box"]
        assert w > 0 and h > 0 and x < 1000 and y < 700 and x + w > 0 and y + h > 0
        assert node["side"] is None  # not a mind map


def test_describe_needs_screenshot(tmp_path: Path) -> None:
    result = karar("--describe", str(tmp_path / "x.json"))
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "karar: error: --describe needs --screenshot (it describes the screenshot)"
    )
    assert not (tmp_path / "x.json").exists()


def _project(path: Path, root: str, collapsed: list[str]) -> Path:
    lines = ["karar: 1", "map: builtin:django", "nodes:"]
    for label in collapsed:
        lines += [f"  - path: [{json.dumps(root)}, {json.dumps(label)}]", "    collapsed: true"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _first_level_sides(data: dict[str, Any]) -> dict[str, str]:
    return {n["path"][1]: n["side"] for n in data["nodes"] if len(n["path"]) == 2}


def test_first_level_sides_stay_when_a_branch_is_unfolded(tmp_path: Path) -> None:
    # ISSUE 7, "done when": unfolding 3. Veri Katmanı used to throw branches 9-17 left.
    root = parse_source(load_source(None)).map.root
    assert root is not None
    branches = [child.label for child in root.children]
    assert len(branches) == FIRST_LEVEL and "3. Veri Katmanı" in branches
    level_1 = _project(tmp_path / "level-1.karar.yaml", root.label, branches)
    unfolded = _project(
        tmp_path / "veri.karar.yaml", root.label, [b for b in branches if b != "3. Veri Katmanı"]
    )
    size = ("--size", "2400x1600")  # room for every first-level branch in both views
    before = described(tmp_path, "level-1", str(level_1), *size)
    after = described(tmp_path, "veri", str(unfolded), *size)
    veri = [n for n in after["nodes"] if n["path"][1:2] == ["3. Veri Katmanı"]]
    assert len(veri) > 10 and not veri[0]["folded"]  # the branch is open on screen
    sides = _first_level_sides(before)
    assert set(sides) == set(branches)
    assert set(sides.values()) == {"left", "right"}
    assert _first_level_sides(after) == sides


def test_a_screenshot_without_describe_does_not_load_it(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from karar.cli import main\n"
        "code = main(['--screenshot', sys.argv[1], '--size', '400x300'])\n"
        "print(code, 'karar.ui.describe' in sys.modules)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "x.png")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.stdout.split() == ["0", "False"], result.stderr
