"""How the window shows file names and messages: on one line, whatever bytes they hold.

On Linux a file name is bytes; Python hands over the ones that are not UTF-8 as lone
surrogates (``b"\\xff.mmd"`` is ``"\\udcff.mmd"``), which Qt cannot take: it drops them,
or refuses the whole string. A name may also hold a newline or an escape sequence. The
window shows every path and message through :func:`shown` (the command line prints
through :func:`karar.core.errors.one_line`); the path itself stays as it is for opening
the file, and :func:`qt_can_name` says whether Qt may be handed it at all.
"""

from __future__ import annotations

import os
import re

from karar.core.errors import one_line

_SURROGATE = re.compile("[\ud800-\udfff]")


def shown(text: str | os.PathLike[str] | None) -> str:
    """``text`` (a path or a message) as the window shows it: bytes that are not UTF-8 as
    U+FFFD, control characters escaped (``\\n``, ``\\x1b``), so it is one line of text Qt
    can take.

    Examples:
        >>> shown("\\udcff.mmd")
        '\\ufffd.mmd'
        >>> shown("two\\nlines.mmd")
        'two\\\\nlines.mmd'
    """
    value = "" if text is None else os.fspath(text)
    return one_line(_SURROGATE.sub("\ufffd", value))


def single_line(text: str) -> str:
    """A label or a note's start for a place that has one line: every run of whitespace
    (line breaks included) as one space, and no lone surrogates (as U+FFFD)."""
    return " ".join(_SURROGATE.sub("\ufffd", text).split())


def qt_can_name(path: str | os.PathLike[str]) -> bool:
    """Whether Qt can be handed this path and reach the same file: Qt takes Unicode text
    only, so a name with bytes that are not UTF-8 would silently name another file."""
    return _SURROGATE.search(os.fspath(path)) is None
