"""The translation sources (translations/*.ts) are complete and current: every text of the
window has its Turkish, lupdate finds no text the .ts lacks, placeholders survive the
translation, and the shipped .qm files are what lrelease makes of the .ts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent.parent
TS = REPO / "translations"
QM = REPO / "resources" / "translations"
BIN = Path(sys.executable).parent
# what the window fills in: {name} for str.format, %n for Qt's count
_PLACEHOLDER = re.compile(r"\{\w*\}|%n")

Message = tuple[str, str]  # (context, source)


def _messages(path: Path) -> dict[Message, tuple[bool, list[str], str | None]]:
    """Each message of a .ts: whether it counts, its translations, its translation type."""
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            forms = (
                [f.text or "" for f in translation.iter("numerusform")]
                if numerus
                else [translation.text or ""]
            )
            out[(name, message.findtext("source") or "")] = (
                numerus,
                forms,
                translation.get("type"),
            )
    return out


def _tool(name: str) -> Path:
    tool = BIN / name
    if not tool.exists():
        found = shutil.which(name)
        if found is None:
            pytest.fail(f"{name} not found (it comes with PySide6)")
        tool = Path(found)
    return tool


def test_every_text_has_its_turkish() -> None:
    messages = _messages(TS / "karar_tr.ts")
    assert len(messages) > 200
    missing = [m for m, (_n, forms, kind) in messages.items() if kind or not all(forms)]
    assert missing == []


def test_english_has_every_plural_form() -> None:
    english = _messages(TS / "karar_en.ts")
    turkish = _messages(TS / "karar_tr.ts")
    assert set(english) == {m for m, (numerus, _f, _k) in turkish.items() if numerus}
    for message, (_numerus, forms, kind) in english.items():
        assert kind is None and len(forms) == 2 and all(forms), message


@pytest.mark.parametrize("language", ["tr", "en"])
def test_translations_keep_the_placeholders(language: str) -> None:
    for (_context, source), (_numerus, forms, _kind) in _messages(
        TS / f"karar_{language}.ts"
    ).items():
        wanted = sorted(_PLACEHOLDER.findall(source))
        for form in forms:
            assert sorted(_PLACEHOLDER.findall(form)) == wanted, (source, form)


def test_lupdate_finds_no_new_text(tmp_path: Path) -> None:
    fresh = tmp_path / "karar_tr.ts"
    subprocess.run(
        [
            *(str(_tool("pyside6-lupdate")), "-extensions", "py", "-locations", "none"),
            *("-silent", str(REPO / "src" / "karar" / "ui"), "-ts", str(fresh)),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert set(_messages(fresh)) == set(_messages(TS / "karar_tr.ts"))


@pytest.mark.parametrize("language", ["tr", "en"])
def test_shipped_qm_is_compiled_from_the_ts(language: str, tmp_path: Path) -> None:
    compiled = tmp_path / f"karar_{language}.qm"
    subprocess.run(
        [
            str(_tool("pyside6-lrelease")),
            *("-silent", str(TS / f"karar_{language}.ts"), "-qm", str(compiled)),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert compiled.read_bytes() == (QM / f"karar_{language}.qm").read_bytes(), (
        "run make translations"
    )
