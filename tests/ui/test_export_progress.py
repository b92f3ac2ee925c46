"""A long export reports its progress page by page and stops when told to, leaving no file."""

from __future__ import annotations

from pathlib import Path

import pytest

from karar.core.pages import PagesKind
from karar.core.progress import CancelledError
from karar.core.sources import load_map
from karar.ui.export import export_image


def test_a_poster_reports_each_page(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    out = tmp_path / "poster.pdf"
    export_image(load_map(None), out, "pdf", pages=PagesKind.POSTER, progress=progress)
    total = seen[-1][1]
    assert total > 1
    assert seen == [(k, total) for k in range(1, total + 1)]
    assert out.exists()


def test_a_cancelled_poster_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "poster.pdf"
    with pytest.raises(CancelledError):
        export_image(
            load_map(None), out, "pdf", pages=PagesKind.POSTER, progress=lambda done, _: done < 2
        )
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_export_keeps_the_file_it_would_replace(tmp_path: Path) -> None:
    out = tmp_path / "poster.pdf"
    out.write_bytes(b"the old poster")
    with pytest.raises(CancelledError):
        export_image(load_map(None), out, "pdf", pages=PagesKind.POSTER, progress=lambda *_: False)
    assert out.read_bytes() == b"the old poster"
