"""Karar's error types: one per domain, raised by core and turned into a dialog or a
one-line CLI message at the edge."""

from __future__ import annotations

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` safe to print as (part of) one line: line breaks, tabs and other control
    characters (C0, DEL, C1, the Unicode line and paragraph separators) become visible
    escapes such as ``\\n`` and ``\\x1b``, so a file name or a message can neither break
    a message in two nor drive the terminal. A byte of a file name that is not UTF-8 (which
    Python hands over as a lone surrogate, U+DC80-U+DCFF) shows as the byte, ``\\xff``:
    the line can be printed whatever the terminal's encoding."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif "\udc80" <= ch <= "\udcff":
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif ord(ch) < 0x100:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) < 0x10000:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return "".join(out)


class KararError(Exception):
    """Base of every error Karar reports to a user (never shown as a traceback)."""


class LocatedError(KararError):
    """A problem in a file, at a line where there is one.

    Attributes:
        path: The file (or ``builtin:NAME``) the problem is in.
        line: 1-based line number, or None where the problem is the file as a whole.
        message: What is wrong, in one line.
    """

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return one_line(f"{where}: {self.message}")


class MapError(LocatedError):
    """A map file cannot be read: missing, unreadable, not text, or not a mind map."""


class MapSyntaxError(MapError):
    """The mindmap text breaks Mermaid's grammar at ``line``."""
