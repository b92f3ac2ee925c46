"""Search normalisation: case- and accent-blind matching that knows Turkish.

Users type ``yonetim`` and expect ``Yönetim``; they type ``istanbul`` and expect ``İstanbul``
and ``ISTANBUL``. Python's ``str.lower`` gets Turkish wrong (``"İ".lower()`` is ``i`` plus a
combining dot, ``"I".lower()`` is ``i`` not ``ı``), so this module folds every dotted and
dotless i to plain ``i``, strips combining accents after NFKD decomposition, and maps the few
Latin letters that carry no decomposable accent (``ø``, ``ł``, ``đ``...) by hand.

:func:`fold` gives the search key of a text; :func:`fold_with_offsets` also says which
character of the original each folded character came from, so a match can be highlighted in
the text the user sees. Pure Python, no Qt.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Letters NFKD leaves whole, mapped to what a reader without the key on their keyboard types.
_SPECIAL: dict[str, str] = {
    "ı": "i",  # dotless i (Turkish, Azerbaijani)
    "İ": "i",  # dotted capital I
    "I": "i",
    "ø": "o",
    "Ø": "o",
    "ł": "l",
    "Ł": "l",
    "đ": "d",
    "Đ": "d",
    "ð": "d",
    "Ð": "d",
    "þ": "th",
    "Þ": "th",
    "æ": "ae",
    "Æ": "ae",
    "œ": "oe",
    "Œ": "oe",
    "ß": "ss",
    "ẞ": "ss",
    "ħ": "h",
    "Ħ": "h",
}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """The folded form of one character (possibly empty, possibly several characters)."""
    special = _SPECIAL.get(ch)
    if special is not None:
        return special
    if ch.isascii():
        return ch.lower()
    decomposed = unicodedata.normalize("NFKD", ch)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    out = []
    for c in kept:
        s = _SPECIAL.get(c)
        out.append(s if s is not None else c.casefold())
    return "".join(out)


def fold(text: str) -> str:
    """The search key of ``text``: lower case the Turkish way, accents removed.

    Examples:
        >>> fold("Yönetim")
        'yonetim'
        >>> fold("İSTANBUL ılık") == fold("istanbul ILIK")
        True
    """
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(ch) for ch in text)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` and map each folded character back to its index in ``text``.

    Returns:
        The folded text and a list as long as it, whose item ``k`` is the index in ``text``
        of the character that produced folded character ``k``.
    """
    parts: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch) if not ch.isascii() else ch.lower()
        parts.append(folded)
        offsets.extend([i] * len(folded))
    return "".join(parts), offsets


def find_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where ``query`` occurs in ``text``, case- and accent-blind.

    Returns:
        Non-overlapping ``(start, end)`` index pairs into ``text`` (end exclusive), in order;
        empty when ``query`` folds to nothing or does not occur.
    """
    key = fold(query)
    if not key:
        return []
    folded, offsets = fold_with_offsets(text)
    spans: list[tuple[int, int]] = []
    start = folded.find(key)
    while start >= 0:
        end = start + len(key)
        spans.append((offsets[start], offsets[end - 1] + 1))
        start = folded.find(key, end)
    return spans


class Matcher:
    """A query ready to test many texts: fold the query once, then :meth:`matches` each text.

    Every whitespace-separated word of the query must occur somewhere in the text, in any
    order, so ``"postgres backup"`` finds ``Backup: pg_dump`` under ``PostgreSQL`` only when
    both words are in one label.
    """

    __slots__ = ("query", "words")

    def __init__(self, query: str) -> None:
        self.query = query
        self.words: tuple[str, ...] = tuple(w for w in fold(query).split() if w)

    def __bool__(self) -> bool:
        return bool(self.words)

    def matches(self, text: str) -> bool:
        """True when every word of the query occurs in ``text``."""
        if not self.words:
            return False
        folded = fold(text)
        return all(w in folded for w in self.words)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the query's words occur in ``text``: sorted, merged ``(start, end)`` pairs."""
        found = sorted(span for w in self.words for span in find_spans(text, w))
        merged: list[tuple[int, int]] = []
        for start, end in found:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def filter(self, texts: Iterable[str]) -> list[int]:
        """Indexes of the texts that match, in order."""
        return [i for i, t in enumerate(texts) if self.matches(t)]
