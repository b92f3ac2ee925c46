"""``karar --present --step N --screenshot OUT --describe OUT.json``: a presentation step
rendered headless at a projector's size, checked from its description and its pixels."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from test_describe_cli import karar

from karar.ui.theme import contrast_ratio, make_theme

BRANCH_5 = "5. Kimlik Doğrulama & Yetkilendirme"


def presented(tmp_path: Path, *args: str) -> tuple[dict[str, Any], Path]:
    shot, out = tmp_path / "step.png", tmp_path / "step.json"
    result = karar("--present", *args, "--screenshot", str(shot), "--describe", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data, shot


def test_step_5_in_contrast_on_a_projector(tmp_path: Path) -> None:
    data, shot = presented(tmp_path, "--step", "5", "--theme", "contrast", "--size", "1920x1080")
    assert data["window"] == {"width": 1920, "height": 1080}
    chrome = data["chrome"]
    assert chrome["fullscreen"] is True
    assert not chrome["menubar"] and not chrome["toolbar"] and not chrome["statusbar"]
    assert chrome["docks"] == [] and chrome["overview"] is False
    present = data["present"]
    assert present["step"] == 5 and present["steps"] == 33
    assert present["focus"][1:] == [BRANCH_5]
    inside = [n for n in data["nodes"] if n["path"][1:2] == [BRANCH_5]]
    outside = [n for n in data["nodes"] if len(n["path"]) > 1 and n["path"][1] != BRANCH_5]
    assert len(inside) == 13  # the branch, unfolded: all of it fits readably
    assert not any(n["folded"] for n in inside)
    assert not any(n["dimmed"] for n in inside)
    assert outside and all(n["dimmed"] for n in outside)
    assert min(n["font_px"] for n in inside) >= 28
    for n in inside:  # all on screen
        x, y, w, h = n["box"]
        assert x >= 0 and y >= 0 and x + w <= 1920 and y + h <= 1080

    # from the theme's colours, then from the picture's pixels
    theme = make_theme("contrast")
    assert contrast_ratio(theme.text, theme.background) >= 7
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(shot))
    for n in inside:
        x, y, w, h = n["box"]
        pixels = [
            image.pixelColor(px, py) for px in range(x, x + w, 2) for py in range(y, y + h, 2)
        ]
        counts = Counter(c.rgb() for c in pixels)
        back = QColor.fromRgb(counts.most_common(1)[0][0])
        ink = max(pixels, key=lambda c: contrast_ratio(c, back))
        assert contrast_ratio(ink, back) >= 7, (n["path"][-1], ink.name(), back.name())
    # the dimmed branches really are faint: nothing in them stands out as text does
    faint = outside[0]
    x, y, w, h = faint["box"]
    pixels = [image.pixelColor(px, py) for px in range(x, x + w, 2) for py in range(y, y + h, 2)]
    counts = Counter(c.rgb() for c in pixels)
    back = QColor.fromRgb(counts.most_common(1)[0][0])
    assert max(contrast_ratio(c, back) for c in pixels) < 7


def test_the_overview_is_step_0(tmp_path: Path) -> None:
    data, _ = presented(tmp_path, "--size", "1920x1080", "--theme", "light")
    assert data["present"] == {"step": 0, "steps": 33, "focus": None}
    branches = [n for n in data["nodes"] if len(n["path"]) == 2]
    assert len(branches) == 33  # every first-level branch on screen
    assert not any(n["dimmed"] for n in branches)
    assert all(n["folded"] for n in branches)
    assert min(n["font_px"] for n in branches) >= 16


def test_the_type_follows_the_screen_height(tmp_path: Path) -> None:
    data, _ = presented(tmp_path, "--step", "5", "--size", "1280x720")
    inside = [n for n in data["nodes"] if n["path"][1:2] == [BRANCH_5]]
    assert data["window"] == {"width": 1280, "height": 720}
    assert min(n["font_px"] for n in inside) >= 28 * 720 / 1080


def test_step_needs_present_and_a_step_the_map_has(tmp_path: Path) -> None:
    result = karar("--step", "2", "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "--step needs --present" in result.stderr
    result = karar("--present", "--step", "34", "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 1
    assert result.stderr == "karar: error: --step 34: the map has steps 0 to 33\n"
    result = karar("--present", "--step", "-1", "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
