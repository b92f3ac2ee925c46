"""Atomic file writes: a reader (or a crash) sees the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from karar.core.errors import Message


class ReadOnlyError(PermissionError):
    """The file to write is marked read-only: it is not written over."""


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, fsync it and
    rename it over the target. An existing file's permission bits are kept; a path that is
    a symbolic link is written through to the file it points to (the link stays a link);
    a file marked read-only is refused.

    Raises:
        ReadOnlyError: The file exists and nobody may write it (its owner's write bit is
            off): saving over it would silently defeat that.
        OSError: The folder is not writable, the disk is full, ... (the target is untouched).
    """
    import tempfile  # not on the start-up path: only saving needs it

    path = Path(path)
    if path.is_symlink():
        path = path.resolve()  # follows the whole chain; a dangling link names its target
    folder = path.parent if str(path.parent) else Path(".")
    try:
        info = path.stat()
        mode = info.st_mode & 0o7777
        if not mode & stat.S_IWUSR:
            read_only = Message("the file is read-only", "read-only-file")
            raise ReadOnlyError(errno.EACCES, read_only, str(path))
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
