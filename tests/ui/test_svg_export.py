"""The SVG export as a file: written from the layout (no item per node), compact, with its
title, progress and cancel; and what it gives the decorations in place of a node item."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from karar.core.progress import CancelledError
from karar.core.sources import load_map
from karar.ui import svgexport
from karar.ui.export import export_image
from karar.ui.items import NodeItem

SVG = "{http://www.w3.org/2000/svg}"


def test_svg_is_compact_and_titled(tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    mind_map = load_map(None)
    export_image(mind_map, out, "svg")
    text = out.read_text(encoding="utf-8")
    root = ElementTree.fromstring(text)
    assert root.findtext(f"{SVG}title") == mind_map.display_title
    # no group without content, and no number beyond 0.01
    assert re.search(r"<g\b[^>]*>\s*</g>", text) is None
    drawing = text[text.index("</defs>") :]
    assert re.search(r"\d\.\d{3}", drawing) is None
    assert re.search(r"\d\.00\b", drawing) is None  # whole numbers written whole
    # one element per shape: a node is a handful of elements, not dozens
    elements = len(re.findall(r"<(?:path|rect|ellipse|text|use)\b", drawing))
    assert elements < 8 * len(list(mind_map))


def test_svg_reports_progress_and_a_cancel_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(svgexport, "CHUNK", 50)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    out = tmp_path / "map.svg"
    export_image(load_map(None), out, "svg", progress=progress)
    total = seen[-1][1]
    assert total > 3  # the edges, the nodes 50 at a time, the fonts
    assert seen == [(k, total) for k in range(1, total + 1)]
    old = out.read_bytes()
    with pytest.raises(CancelledError):
        export_image(load_map(None), out, "svg", theme="dark", progress=lambda done, _: done < 3)
    assert out.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.svg"]


def test_svg_makes_no_node_items(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_items(*args: object) -> None:
        raise AssertionError("an SVG needs no node item")

    monkeypatch.setattr(NodeItem, "bind", no_items)
    out = tmp_path / "map.svg"
    export_image(load_map(None), out, "svg", expand_level=1)
    assert "<text" in out.read_text(encoding="utf-8")
