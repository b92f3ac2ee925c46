"""One writer per project file: a lock beside the file while a window has it open, and a
look at the file before saving over it.

:class:`ProjectGuard` takes a :class:`QLockFile` ``.NAME.lock`` next to the project (stale
locks of crashed sessions are taken over silently), says who holds a lock that is alive, and
remembers the bytes the window last read or wrote, so that saving over a file someone else
changed since is a question, not a silent loss — as editors do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a project's lock: a running Karar, on this machine or another."""

    pid: int
    host: str
    app: str

    def describe(self) -> str:
        """The holder as a user reads it, in the window's language."""
        import socket

        from PySide6.QtCore import QCoreApplication

        app = self.app or "Karar"
        if self.host in ("", socket.gethostname()):
            text = QCoreApplication.translate("Session", "{app} (process {pid} on this computer)")
            return text.format(app=app, pid=self.pid)
        text = QCoreApplication.translate("Session", "{app} (process {pid} on {host})")
        return text.format(app=app, pid=self.pid, host=self.host)


def lock_path(project: Path) -> Path:
    """The lock file of a project file: hidden, beside it (a name that is not valid
    UTF-8, which Qt cannot hold, is replaced by a digest of its bytes)."""
    name = project.name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        import os

        name = "karar-" + hashlib.sha1(os.fsencode(name)).hexdigest()[:16]
    return project.parent / f".{name}.lock"


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError:
        return None


class ProjectGuard:
    """The lock and the last-seen contents of the project file a window has open."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self._lock: QLockFile | None = None
        self._seen: str | None = None

    @staticmethod
    def holder(path: Path) -> Holder | None:
        """Who else holds ``path``'s lock now (None: nobody alive does)."""
        lock = QLockFile(str(lock_path(path)))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            lock.unlock()
            return None
        info = _lock_info(lock)
        return Holder(*info) if info is not None else None

    def claim(self, path: Path | None, *, take_over: bool = False) -> bool:
        """Hold ``path`` (release what was held before; None holds nothing). With
        ``take_over`` a live holder's lock is broken. False when someone else holds it
        (the window then has it read-only), or its folder takes no lock file."""
        self.release()
        self.path = path
        self._seen = None if path is None else _digest(path)
        if path is None:
            return True
        lock = QLockFile(str(lock_path(path)))
        lock.setStaleLockTime(0)
        locked = lock.tryLock(0)
        if not locked and take_over:
            # break the live holder's lock: its window finds out before it saves
            lock_path(path).unlink(missing_ok=True)
            locked = lock.tryLock(0)
        if locked:
            self._lock = lock
        return locked

    @property
    def holding(self) -> bool:
        """Whether this window holds the project's lock."""
        return self._lock is not None and self._still_ours()

    def _still_ours(self) -> bool:
        """Whether the lock file on disk is still ours (another window may have taken
        the project over)."""
        assert self._lock is not None
        return self._still_ours_of(self._lock)

    def taken_over(self) -> bool:
        """Whether we held the lock and another window has broken it since."""
        return self._lock is not None and not self._still_ours()

    def changed_on_disk(self) -> bool:
        """Whether the file differs from what this window last read or wrote."""
        if self.path is None or not self.path.exists():
            return False
        return _digest(self.path) != self._seen

    def saved(self, path: Path) -> None:
        """``path`` was just written by this window: hold it and remember its bytes."""
        if path != self.path or self._lock is None:
            self.claim(path)
        self._seen = _digest(path)

    def release(self) -> None:
        """Let go of the lock (the window closes or opens another project)."""
        lock, self._lock = self._lock, None
        if lock is not None:
            if self._still_ours_of(lock):
                lock.unlock()
            else:
                _let_go(lock, lock_path(self.path) if self.path else None)
        self.path = None
        self._seen = None

    @staticmethod
    def _still_ours_of(lock: QLockFile) -> bool:
        import os

        info = _lock_info(lock)
        return info is not None and info[0] == os.getpid()


def _lock_info(lock: QLockFile) -> tuple[int, str, str] | None:
    """(pid, host, application) written in ``lock``'s file, None when it cannot be read."""
    try:
        info = lock.getLockInfo()
    except (RuntimeError, TypeError):
        return None
    if not info or len(info) < 3 or not info[0]:
        return None
    pid, host, app = info[:3]
    return int(pid), str(host), str(app)


def _let_go(lock: QLockFile, path: Path | None) -> None:
    """Release ``lock`` after another window took its file over, without deleting that
    window's lock: QLockFile deletes its file on unlock (and when destroyed), so the file
    steps aside for the moment of the unlock."""
    import contextlib
    import os

    if path is None:
        lock.unlock()
        return
    aside = path.with_name(f"{path.name}.{os.getpid()}.aside")
    try:
        os.replace(path, aside)
    except OSError:
        lock.unlock()
        return
    lock.unlock()
    with contextlib.suppress(OSError):
        os.replace(aside, path)
