"""Reading a PDF back with poppler, as an independent reader: its outline and the boxes
of its words."""

from __future__ import annotations

import subprocess
from pathlib import Path
from xml.etree import ElementTree

Word = tuple[str, float, float, float, float]
"""A word and its box in points: text, xMin, yMin, xMax, yMax."""


def bookmarks(pdf: Path) -> list[tuple[str, int]]:
    """The PDF's outline: each bookmark's title and page number (from 0)."""
    xml = subprocess.run(
        ["pdftohtml", "-xml", "-stdout", "-i", "-q", str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    outline = ElementTree.fromstring(xml).find("outline")
    assert outline is not None, "the PDF has no outline"
    return [(item.text or "", int(item.get("page", "0")) - 1) for item in outline.iter("item")]


def word_boxes(pdf: Path, page: int | None = None) -> list[list[Word]]:
    """The words of each page (only of ``page``, from 1, when given) with their boxes."""
    pages = [] if page is None else ["-f", str(page), "-l", str(page)]
    xhtml = subprocess.run(
        ["pdftotext", "-bbox", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    root = ElementTree.fromstring(xhtml.replace("<!DOCTYPE", "<!-- ").replace('.dtd">', "-->"))
    space = "{http://www.w3.org/1999/xhtml}"
    return [
        [
            (w.text or "", *(float(w.get(k, "0")) for k in ("xMin", "yMin", "xMax", "yMax")))
            for w in each.iter(f"{space}word")
        ]
        for each in root.iter(f"{space}page")
    ]
