"""Karar's error types: one per domain, raised by core and turned into a dialog or a
one-line CLI message at the edge; and :class:`Message`, the words of an error or a warning
in English with what a user interface needs to say them in its own language."""

from __future__ import annotations

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


class Message(str):
    """Words for a user, in English as the command line prints them, with what a user
    interface needs to say them in its own language: ``code`` names the message (one
    wording per code) and ``params`` hold what its text quotes (names, figures, lines, a
    shape or a decision state), by the names of the wording's placeholders. A part of the
    text that is worded on its own (the reason in "the map 'a.md': no such file") is a
    Message in ``params`` too.

    A Message is the text it holds (equal to it, printed as it): the command line and the
    contract's outputs use it as any string, and only the window reads the code.
    """

    code: str
    params: dict[str, object]

    def __new__(cls, text: str, code: str, /, **params: object) -> Message:
        said = super().__new__(cls, text)
        said.code = code
        said.params = params
        return said

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        return str(self), self.code  # copies and pickles keep the code (and the params)

    def reworded(self, text: str) -> Message:
        """The same message (code and params) over ``text``, e.g. its text made one line."""
        return Message(text, self.code, **self.params)


def one_line(text: str) -> str:
    """``text`` safe to print as (part of) one line: line breaks, tabs and other control
    characters (C0, DEL, C1, the Unicode line and paragraph separators) become visible
    escapes such as ``\\n`` and ``\\x1b``, so a file name or a message can neither break
    a message in two nor drive the terminal. A byte of a file name that is not UTF-8 (which
    Python hands over as a lone surrogate, U+DC80-U+DCFF) shows as the byte, ``\\xff``:
    the line can be printed whatever the terminal's encoding. A :class:`Message` stays one
    (its code and params are kept)."""
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
    if isinstance(text, Message):
        return text.reworded("".join(out))
    return "".join(out)


class KararError(Exception):
    """Base of every error Karar reports to a user (never shown as a traceback). Its
    message (the first argument; :attr:`LocatedError.message` for a located one) may be a
    :class:`Message`, which the window words in its language (:func:`said`)."""


class LocatedError(KararError):
    """A problem in a file, at a line where there is one.

    Attributes:
        path: The file (or ``builtin:NAME``) the problem is in.
        line: 1-based line number, or None where the problem is the file as a whole.
        message: What is wrong, in one line (a :class:`Message` where the window can say
            it in its language).
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


def said(err: BaseException) -> str:
    """What ``err`` says, without the file and line of a located error: its message, a
    :class:`Message` where it was raised with one."""
    if isinstance(err, LocatedError):
        return err.message
    if len(err.args) == 1 and isinstance(err.args[0], str):
        return err.args[0]
    return str(err)
