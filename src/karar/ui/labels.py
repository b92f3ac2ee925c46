"""Label text as drawn: ``<br>`` line breaks and, for markdown strings, bold/italic runs.

Mermaid labels may hold ``<br>`` (any spelling: ``<br/>``, ``<BR />``) in every label, and
markdown strings (``node.markdown``) may hold ``**bold**``, ``*italic*``, ``_italic_`` and
real newlines. This module turns a label into paragraphs of styled runs and gives the plain
text a user searches. Pure Python; no Qt.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Bold first (** or __), then single * or _ italics. Underscores only count at word edges so
# that snake_case names stay as written.
_MARK = re.compile(
    r"\*\*(?P<b1>.+?)\*\*"
    r"|(?<![\w])__(?P<b2>.+?)__(?![\w])"
    r"|\*(?P<i1>[^*\s](?:[^*]*?[^*\s])?)\*"
    r"|(?<![\w])_(?P<i2>[^_\s](?:[^_]*?[^_\s])?)_(?![\w])"
)


class Run(NamedTuple):
    """A stretch of text in one style."""

    text: str
    bold: bool = False
    italic: bool = False

    @property
    def style(self) -> int:
        """Style bits (bold 1, italic 2)."""
        return (1 if self.bold else 0) | (2 if self.italic else 0)


Paragraph = tuple[Run, ...]


def _styled(text: str, bold: bool, italic: bool) -> list[Run]:
    runs: list[Run] = []
    pos = 0
    for m in _MARK.finditer(text):
        if m.start() > pos:
            runs.append(Run(text[pos : m.start()], bold, italic))
        if m.group("b1") is not None or m.group("b2") is not None:
            inner = m.group("b1") if m.group("b1") is not None else m.group("b2")
            runs.extend(_styled(inner, True, italic))
        else:
            inner = m.group("i1") if m.group("i1") is not None else m.group("i2")
            runs.extend(_styled(inner, bold, True))
        pos = m.end()
    if pos < len(text):
        runs.append(Run(text[pos:], bold, italic))
    return runs


@lru_cache(maxsize=8192)
def paragraphs(label: str, markdown: bool = False) -> tuple[Paragraph, ...]:
    """Split ``label`` into lines (at ``<br>``, and at newlines of markdown strings), each a
    tuple of runs; plain labels give one unstyled run per line."""
    if markdown:
        lines = _BR.sub("\n", label).split("\n")
        return tuple(tuple(_styled(line.strip(), False, False)) for line in lines)
    if "<" in label:
        return tuple((Run(line.strip()),) for line in _BR.split(label))
    return ((Run(label),),)


def plain_text(label: str, markdown: bool = False) -> str:
    """The text a reader sees, without markup: what search matches against."""
    if not markdown and "<" not in label:
        return label
    return " ".join("".join(r.text for r in para) for para in paragraphs(label, markdown))
