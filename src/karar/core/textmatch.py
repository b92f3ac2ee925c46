"""Search normalisation: case- and accent-blind matching that knows Turkish.

Users type ``yonetim`` and expect ``Yönetim``; they type ``istanbul`` and expect ``İstanbul``
and ``ISTANBUL``. Python's ``str.lower`` gets Turkish wrong (``"İ".lower()`` is ``i`` plus a
combining dot, ``"I".lower()`` is ``i`` not ``ı``), so this module folds every dotted and
dotless i to plain ``i``, strips combining accents after NFKD decomposition, and maps the few
Latin letters that carry no decomposable accent (``ø``, ``ł``, ``đ``...) by hand.

:func:`fold` gives the search key of a text, :class:`Matcher` tests texts against a query.
Pure Python, no Qt.
"""

from __future__ import annotations

import unicodedata
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
