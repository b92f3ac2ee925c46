"""The presenter view on two virtual screens: Qt's offscreen platform made to show a
laptop panel and a projector (``offscreen:configfile=``), the presentation started in a
subprocess, and where each window went reported back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import json, sys
from karar.ui.app import make_app
from karar.ui.mainwindow import MainWindow
app = make_app()
win = MainWindow(theme="light", remember=False)
win.map_scene.animate = False
win.resize(1200, 800)
win.show()
assert win.open_map(None)
app.processEvents()
win.present(2)
for _ in range(50):
    app.processEvents()
p = win.presentation
presenter = p.presenter
out = {
    "screens": [s.name() for s in app.screens()],
    "window_screen": win.screen().name(),
    "window_geometry": list(win.geometry().getRect()),
    "fullscreen": win.isFullScreen(),
    "presenter_screen": presenter.screen().name(),
    "presenter_visible": presenter.isVisible(),
    "now": presenter.current.title.text(),
    "next": presenter.next.title.text(),
    "steps_listed": presenter.steps.count(),
}
presenter.steps.itemClicked.emit(presenter.steps.item(7))
out["after_click"] = p.step
out["now_after_click"] = presenter.current.title.text()
win.presentation.leave()
out["presenter_after_leave"] = p.presenter is None
print(json.dumps(out))
win.close()
"""


def test_the_map_goes_to_the_projector_and_the_presenter_to_the_laptop(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    laptop = {"name": "laptop", "x": 0, "y": 0, "width": 1440, "height": 900}
    projector = {"name": "projector", "x": 1440, "y": 0, "width": 1920, "height": 1080}
    config.write_text(json.dumps({"screens": [laptop, projector]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["screens"] == ["laptop", "projector"]
    assert out["window_screen"] == "projector"
    assert out["window_geometry"] == [1440, 0, 1920, 1080]
    assert out["fullscreen"]
    assert out["presenter_screen"] == "laptop" and out["presenter_visible"]
    assert out["now"] == "2. Proje Tipi / Mimari"
    assert out["next"] == "3. Veri Katmanı"
    assert out["steps_listed"] == 34
    assert out["after_click"] == 7
    assert out["now_after_click"].startswith("7. Depolama")
    assert out["presenter_after_leave"]
