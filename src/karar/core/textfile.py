"""Reading a user's text file: the bytes, then UTF-8 with the line of any bad byte. Every
failure becomes one error of the caller's domain (map or project), never a traceback.

Only regular files are read. A path may name anything: a FIFO (reading it waits for a
writer forever), ``/dev/zero`` or ``/dev/urandom`` (endless), a socket, a folder, or a
link to any of these. The file is opened without blocking, what was opened is checked (so
that nothing can be swapped in between a check and the open), and the size limit is kept
while reading, not trusted from what the file system reports.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import stat
from pathlib import Path

from karar.core.errors import LocatedError, Message

_CHUNK = 1 << 20
_KINDS = (
    (stat.S_ISFIFO, Message("a named pipe (FIFO)", "kind-fifo")),
    (stat.S_ISCHR, Message("a character device", "kind-character-device")),
    (stat.S_ISBLK, Message("a block device", "kind-block-device")),
    (stat.S_ISSOCK, Message("a socket", "kind-socket")),
)
_SPECIAL = Message("a special file", "kind-special")

FILE = Message("file", "file")
"""What a file is read as, unless the caller names it (``what``: "map file")."""


def _not_regular(mode: int, what: str) -> Message | None:
    """Why a file of this mode is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _is_folder(what)
    kind = next((name for test, name in _KINDS if test(mode)), _SPECIAL)
    return Message(f"is {kind}, not a {what}", "not-regular", kind=kind, what=what)


def _is_folder(what: str) -> Message:
    return Message(f"is a folder, not a {what}", "is-folder", what=what)


def _too_large(size: int | None, limit: int, what: str) -> Message:
    """The message for a file over the limit (``size`` None: it grew past it while read)."""
    most = limit / 2**20
    how = (
        Message(f"over {most:g} MiB", "size-over", size=most)
        if size is None
        else Message(f"{size / 2**20:.1f} MiB", "size", size=round(size / 2**20, 1))
    )
    return Message(
        f"file is too large ({how}; Karar reads {what}s up to {most:g} MiB)",
        "too-large",
        how=how,
        what=what,
        limit=most,
    )


def _cannot_read(exc: OSError) -> Message:
    reason = str(exc.strerror or exc)
    return Message(f"cannot read the file: {reason}", "cannot-read", reason=reason)


def read_bytes(
    path: str | Path, error: type[LocatedError], what: str = FILE, *, limit: int | None = None
) -> bytes:
    """The bytes of a regular file (links followed).

    Args:
        path: The file.
        error: The error type to raise (the caller's domain).
        what: What the file should be, for messages ("map file"; a :class:`Message`, to
            be worded in the window's language).
        limit: The most bytes to read; a larger file is refused, also one that reports a
            smaller size than it has (``/proc`` files report none).

    Raises:
        error: Missing, a folder, not a regular file, not readable, too large, or a name
            no file can have.
    """
    name = str(path)
    if "\0" in name:  # os.open would raise ValueError
        raise error(
            name.replace("\0", "\\0"),
            None,
            Message("the file name holds a NUL byte", "file-name-nul"),
        )
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error(name, None, Message("no such file", "no-file")) from None
    except IsADirectoryError:
        raise error(name, None, _is_folder(what)) from None
    except PermissionError:
        raise error(name, None, Message("permission denied", "permission-denied")) from None
    except OSError as exc:
        why = None
        if exc.errno in (errno.ENXIO, errno.EOPNOTSUPP):  # a socket cannot be opened
            with contextlib.suppress(OSError):
                why = _not_regular(os.stat(path).st_mode, what)
        raise error(name, None, why or _cannot_read(exc)) from None
    try:
        info = os.fstat(fd)
        why = _not_regular(info.st_mode, what)
        if why is not None:
            raise error(name, None, why)
        if limit is not None and info.st_size > limit:
            raise error(name, None, _too_large(info.st_size, limit, what))
        return _read_all(fd, name, error, what, limit)
    except OSError as exc:
        raise error(name, None, _cannot_read(exc)) from None
    finally:
        os.close(fd)


def _read_all(fd: int, name: str, error: type[LocatedError], what: str, limit: int | None) -> bytes:
    data = bytearray()
    while True:
        want = _CHUNK if limit is None else min(_CHUNK, limit + 1 - len(data))
        chunk = os.read(fd, want)
        if not chunk:
            return bytes(data)
        data += chunk
        if limit is not None and len(data) > limit:
            raise error(name, None, _too_large(None, limit, what))


def utf16_kind(data: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" where ``data`` is text in one of them (a byte order mark, or
    every other byte of mostly ASCII text being zero), else None."""
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        return "UTF-32"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "UTF-16"
    head = data[:4096]
    head = head[: len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    pairs = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= pairs * 0.3 and other <= pairs * 0.02:
            try:  # the head may end inside a surrogate pair: not final
                codecs.getincrementaldecoder(codec)().decode(head, final=False)
            except UnicodeDecodeError:
                continue
            return "UTF-16"
    return None


def reject_utf16(data: bytes, name: str, error: type[LocatedError]) -> None:
    """Raise ``error`` naming the encoding where ``data`` is UTF-16 or UTF-32 text.

    Raises:
        error: The text is UTF-16 or UTF-32 (which Karar does not read).
    """
    kind = utf16_kind(data)
    if kind is not None:
        raise error(
            name,
            None,
            Message(
                f"this is {kind} text, not UTF-8: save the file as UTF-8", "utf16", encoding=kind
            ),
        )


def decode_utf8(data: bytes, name: str, error: type[LocatedError]) -> str:
    """``data`` as text (a leading BOM dropped).

    Raises:
        error: UTF-16 or UTF-32 text, or not UTF-8; names the line and the first bad byte.
    """
    reject_utf16(data, name, error)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start]
        raise error(
            name,
            line,
            Message(
                f"not valid UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8",
                "not-utf8",
                byte=f"0x{byte:02x}",
            ),
        ) from None
