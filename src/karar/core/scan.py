"""A remembered forward search: the building block that keeps Karar's text scans linear.

A regex searched again and again from nearby positions rescans the same far text each
time: a shape opened on each of many lines looks for the same distant closer once per line.
:class:`NextMatch` remembers its last answer, so that a run of searches moving forward
through a text costs one pass over it in all.
"""

from __future__ import annotations

import re


class NextMatch:
    """Where the first match of a pattern at or after a position starts, remembered.

    Correct for any order of queries; linear in all for queries that move forward.
    """

    __slots__ = ("_found", "_pattern", "_since", "_text")

    def __init__(self, text: str, pattern: re.Pattern[str]) -> None:
        self._text = text
        self._pattern = pattern
        self._since = -1  # no match starts in [since, found), or anywhere after since
        self._found = -1

    def __call__(self, pos: int) -> int:
        """The offset where the first match at or after ``pos`` starts, or -1."""
        if self._since >= 0 and pos >= self._since and (self._found < 0 or pos <= self._found):
            return self._found
        m = self._pattern.search(self._text, pos)
        self._since = pos
        self._found = m.start() if m else -1
        return self._found
