"""Joining the pages of two PDFs Qt's writer made (karar.core.pdfmerge), read back by
poppler: the pages in the order asked, each with its size, text and fonts; what the left
out pages used is not carried along; and the poster drawn by two processes reads as the one
drawn by one."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from karar.core.pages import PagesKind
from karar.core.pdfmerge import join_pages

pytestmark = pytest.mark.usefixtures("qapp")  # Qt's writer needs its application


def qt_pdf(texts: list[str], sizes: list[tuple[float, float]] | None = None) -> bytes:
    """A PDF of Qt's writer, a page per text (sizes in points, default A5)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(72)
    none = QMarginsF(0, 0, 0, 0)

    def layout(k: int) -> QPageLayout:
        w, h = (sizes or [])[k] if sizes else (420.0, 595.0)
        size = QPageSize(QSizeF(w, h), QPageSize.Unit.Point, "")
        return QPageLayout(size, QPageLayout.Orientation.Portrait, none)

    writer.setPageLayout(layout(0))
    painter = QPainter(writer)
    font = QFont("Noto Sans")
    font.setPixelSize(18)
    for k, text in enumerate(texts):
        if k:
            writer.setPageLayout(layout(k))
            writer.newPage()
        # a bold face on some pages only: each page has its own fonts to carry along
        font.setBold(k % 2 == 1)
        painter.setFont(font)
        painter.drawText(QPointF(40, 80), text)
    painter.end()
    return bytes(buffer.data().data())


def pages_of(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "joined.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [page.strip() for page in text.split("\f")][:-1]


def sizes_of(pdf: bytes, tmp_path: Path) -> list[tuple[float, float]]:
    path = tmp_path / "sized.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(path)], capture_output=True, text=True, check=True
    ).stdout
    out = []
    for line in info.splitlines():
        if line.startswith("Page") and "size:" in line:
            w, _, h = line.split("size:")[1].split()[:3]
            out.append((float(w), float(h)))
    return out


def test_pages_come_in_the_order_asked_with_their_size_and_text(tmp_path: Path) -> None:
    a = qt_pdf(["Alpha zero", "Alpha one ığüş", "Alpha two"])
    b = qt_pdf(
        ["Beta zero", "Beta one", "Beta two çö", "Beta three"],
        [(595, 842), (300, 300), (842, 595), (420, 595)],
    )
    joined = join_pages(a, b, [(0, 0), (1, 2), (0, 1), (1, 0), (0, 2), (1, 3)])
    assert pages_of(joined, tmp_path) == [
        "Alpha zero",
        "Beta two çö",
        "Alpha one ığüş",
        "Beta zero",
        "Alpha two",
        "Beta three",
    ]
    assert sizes_of(joined, tmp_path) == [
        (420, 595),
        (842, 595),
        (420, 595),
        (595, 842),
        (420, 595),
        (420, 595),
    ]


def test_what_a_left_out_page_used_is_left_out(tmp_path: Path) -> None:
    a = qt_pdf(["Alpha zero"])
    b = qt_pdf(["Beta zero", "Beta one " * 40, "Beta two"])
    joined = join_pages(a, b, [(0, 0), (1, 2)])
    assert pages_of(joined, tmp_path) == ["Alpha zero", "Beta two"]
    # Beta one's long content stream and its bold face are not in the file
    assert len(joined) < len(a) + len(b) - 2000
    assert b"NotoSans-Bold" not in joined


@pytest.mark.parametrize("broken", [b"", b"%PDF-1.4\nno objects\n", b"not a pdf at all"])
def test_a_pdf_not_laid_out_as_qt_writes_it_is_refused(broken: bytes) -> None:
    with pytest.raises(ValueError, match="cannot join the pages"):
        join_pages(qt_pdf(["A"]), broken, [(0, 0), (1, 0)])


def test_a_page_neither_has_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot join the pages"):
        join_pages(qt_pdf(["A"]), qt_pdf(["B"]), [(0, 0), (1, 5)])


def test_pages_that_cannot_be_joined_are_drawn_again_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from karar.core import forked, pdfmerge
    from karar.core.sources import load_map
    from karar.ui.export import export_image

    monkeypatch.setattr(forked, "can_fork", lambda: True)  # a child draws some pages
    joins: list[int] = []

    def cannot_join(first: bytes, second: bytes, order: object) -> bytes:
        joins.append(len(second))
        raise ValueError("cannot join the pages: not as Qt writes them")

    normal = tmp_path / "normal.pdf"
    export_image(load_map(None), normal, "pdf", pages=PagesKind.POSTER)
    monkeypatch.setattr(pdfmerge, "join_pages", cannot_join)
    out = tmp_path / "poster.pdf"
    export_image(load_map(None), out, "pdf", pages=PagesKind.POSTER)
    assert joins and joins[0] > 0  # the child's pages came, and could not be joined
    pages = pages_of(out.read_bytes(), tmp_path)
    assert len(pages) > 10 and all(pages)
    assert pages == pages_of(normal.read_bytes(), tmp_path)
