"""Recovery copies: unsaved work written to the user's data folder while Karar runs, and
offered back after a crash.

Every session writes its own copy (the name holds its process id, so two windows never
share one) and holds a lock file beside it for as long as it runs (:class:`QLockFile`, which
knows a lock whose process died, even when the process id was taken by another program
since). A copy whose lock nobody holds was left by a session that is gone: that is what
:func:`pending` offers back.
"""

from __future__ import annotations

import contextlib
import os
from itertools import count
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QStandardPaths

from karar.core.project import PROJECT_SUFFIX

RECOVERY_KEY = "recovery"
"""The key of a recovery copy's own details (which project, when, which process)."""

_serial = count(1)


def recovery_dir() -> Path:
    """Where recovery copies live (the user's data folder for Karar)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


def _lock_of(path: Path) -> QLockFile:
    lock = QLockFile(str(path) + ".lock")
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long it runs
    return lock


class RecoveryCopy:
    """This session's recovery copy of its project.

    Args:
        key: What the copy's name starts with (the project's name, or ``untitled``).
    """

    def __init__(self, key: str) -> None:
        self.path = recovery_dir() / f"{key}-{os.getpid()}-{next(_serial)}{PROJECT_SUFFIX}"
        self._lock: QLockFile | None = None

    def write(self, data: bytes) -> None:
        """Write the copy (atomically), taking its lock first.

        Raises:
            OSError: The data folder cannot be written.
        """
        from karar.core.atomic import write_atomic

        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._lock is None:
            lock = _lock_of(self.path)
            if lock.tryLock(0):
                self._lock = lock
        write_atomic(self.path, data)

    def remove(self) -> None:
        """Forget the copy (the work is saved or discarded) and its lock."""
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def pending(own: RecoveryCopy | None = None) -> list[tuple[Path, dict[str, Any]]]:
    """Recovery copies whose sessions are gone, newest first, with their details."""
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    candidates = [p for p in folder.glob(f"*{PROJECT_SUFFIX}") if own is None or p != own.path]
    if not candidates:
        return []
    from karar.core.errors import KararError
    from karar.core.project import load

    found = []
    for path in candidates:
        lock = _lock_of(path)
        if not lock.tryLock(0):
            continue  # its session still runs
        lock.unlock()
        try:
            # the project reader's guards hold for recovery copies too: anything in the
            # data folder could have been put there
            info = load(path).extra.get(RECOVERY_KEY) or {}
            mtime = path.stat().st_mtime
        except (OSError, KararError):
            continue
        if isinstance(info, dict):
            found.append((mtime, path, info))
    found.sort(key=lambda item: item[0], reverse=True)
    return [(path, info) for _, path, info in found]


def discard(path: Path) -> None:
    """Delete a recovery copy left by a session that is gone, and its stale lock."""
    for leftover in (path, Path(str(path) + ".lock")):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)
