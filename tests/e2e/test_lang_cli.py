"""``karar --lang tr|en`` as a user runs it: the screenshot's window speaks the language
(its description says so and names the menus as shown), the system locale decides
without it, and the command line's own messages stay English."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from karar_cli import karar

TURKISH_MENUS = ["Dosya", "Düzen", "Görünüm", "Git", "Yardım"]


def _described(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    shot, out = tmp_path / "shot.png", tmp_path / "shot.json"
    result = subprocess.run(
        [sys.executable, "-m", "karar", *args, "--screenshot", str(shot), "--describe", str(out)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def test_lang_tr_shows_turkish_menus(tmp_path: Path) -> None:
    data = _described(tmp_path, "--lang", "tr", "--size", "1000x700")
    assert data["language"] == "tr"
    assert data["chrome"]["menus"] == TURKISH_MENUS


def test_lang_en_wins_over_a_turkish_system(tmp_path: Path) -> None:
    turkish = {"LANG": "C.UTF-8", "LC_MESSAGES": "tr_TR.UTF-8"}
    data = _described(tmp_path, "--lang", "en", "--size", "1000x700", env=turkish)
    assert data["language"] == "en"
    assert data["chrome"]["menus"] == ["File", "Edit", "View", "Go", "Help"]


def test_a_turkish_system_gets_turkish(tmp_path: Path) -> None:
    data = _described(
        tmp_path, "--size", "1000x700", env={"LANG": "C.UTF-8", "LC_MESSAGES": "tr_TR.UTF-8"}
    )
    assert data["language"] == "tr"
    assert data["chrome"]["menus"] == TURKISH_MENUS


def test_an_unknown_language_is_one_clear_error() -> None:
    result = karar("--lang", "de", "--screenshot", "x.png")
    assert result.returncode == 2
    assert "invalid choice: 'de'" in result.stderr
    assert "Traceback" not in result.stderr
    assert "--lang" in karar("--help").stdout


def test_export_lang_tr_words_the_snapshot_and_the_report(tmp_path: Path) -> None:
    project = tmp_path / "ekip.karar.yaml"
    project.write_text(
        "karar: 1\nmap: builtin:django\nnodes:\n"
        "  - path: [Django Ekosistemi - Birleştirilmiş Genişletilmiş Karar Ağacı (v1.5), "
        "3. Veri Katmanı, Relational DB, PostgreSQL]\n    checked: true\n    by: Ayşe\n"
        "    date: 2026-11-03\n",
        encoding="utf-8",
    )
    md = karar("export", "--project", str(project), "--format", "md", "--lang", "tr")
    assert md.returncode == 0, md.stderr
    assert "_Karar özeti, " in md.stdout
    assert "- [x] PostgreSQL — seçildi (Ayşe, 3.11.2026)" in md.stdout
    english = karar("export", "--project", str(project), "--format", "md")
    assert "- [x] PostgreSQL — chosen by Ayşe, 2026-11-03" in english.stdout
    report = tmp_path / "kararlar.html"
    done = karar("export", "--project", str(project), "--report", "--lang", "tr", "-o", str(report))
    assert done.returncode == 0, done.stderr
    text = report.read_text(encoding="utf-8")
    assert '<html lang="tr">' in text and "<p>Karar raporu</p>" in text
    wrong = karar("export", "--format", "json", "--lang", "tr")
    assert wrong.returncode == 2
    assert wrong.stderr.endswith("karar: error: --lang is for --report and --format md\n")
