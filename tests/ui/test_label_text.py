"""Labels with markup read as plain text in the window's chrome: the status-bar breadcrumb
and the window title show what the canvas shows, not the raw ``<br/>`` or ``**``."""

from __future__ import annotations

from pathlib import Path

from karar.ui.mainwindow import MainWindow


def test_breadcrumb_and_title_show_plain_text(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "platform.mmd"
    path.write_text(
        "mindmap\n  Platform<br/>Kararları 2025\n"
        '    veri["`**Veri** Katmanı`"]\n      Valkey<b> 8</b>\n',
        encoding="utf-8",
    )
    assert window.open_map(path)
    assert "— Platform Kararları 2025 — Karar" in window.windowTitle()
    leaf = next(n for n in window.document.mindmap if n.label.startswith("Valkey"))
    window.view.select(leaf)
    assert window.statusBar().currentMessage() == (
        "Platform Kararları 2025 › Veri Katmanı › Valkey 8 — line 4"
    )
