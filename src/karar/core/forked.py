"""Ordered work shared with a forked child, on the other core.

A big picture is drawn chunk by chunk (a few hundred nodes each), and the chunks must come
out in order. :func:`share` runs ``work(chunk)`` for chunks from the front in this process
and from the back in a forked child, until the two meet; the child then sends what it made
(``report``), and the caller appends it after its own chunks. Neither side is given a fixed
half: each claims its next chunk in a shared page of memory, so the split follows how fast
each side really goes (the other core may be busy with the SVG's fonts, or with anything).

Claims need no lock. This process writes only the next chunk it takes (``front``), the
child only the last one it took (``back``); each reads the other's before claiming, and
each is written and read whole (:class:`Claims`). Both
may take the one chunk where they meet: the caller keeps this process's and skips the
child's copy, so a chunk is never missing and never twice in the result.

Forking is done only where it is safe and cheap: on Linux, in a process with one thread
(the command line's; a window's process has Qt's threads, and a child of it could inherit
a lock held by one of them). Anywhere else, and whenever the child fails, dies or does not
answer in time, this process does every chunk itself: the result is the same, only later.

The steps every forked child of Karar takes are here too (:func:`fork`, :func:`as_child`,
:func:`read_all`, :func:`end_child`): :mod:`karar.core.svgfonts` makes its font worker
with them. Pure Python.
"""

from __future__ import annotations

import gc
import mmap
import os
import pickle
import select
import signal
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, NoReturn, TypeVar

T = TypeVar("T")

_FRONT, _BACK = 0, 1  # this process's next chunk, the child's last: the claims' slots
_OK = b"part\n"  # the child's answer begins so: a child that died mid-way is told apart


@dataclass(frozen=True)
class Shared(Generic[T]):
    """What the child did: chunks ``first`` to the end, as ``report`` described them."""

    first: int
    report: T


def can_fork() -> bool:
    """Whether a child may be forked to share work: Linux, and this process has one thread."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def share(
    count: int,
    work: Callable[[int], None],
    report: Callable[[], T],
    *,
    before: Callable[[], None] | None = None,
    progress: Callable[[], None] | None = None,
    grace: float = 10.0,
    fork: bool = True,
) -> tuple[int, Shared[T] | None]:
    """Do chunks ``0 .. count - 1`` of ``work``, in order, with a forked child if one can
    be made (see the module's doc).

    Args:
        count: How many chunks.
        work: Does one chunk; called in this process, and in the child (in its own copy
            of everything, from the back).
        report: Called in the child when it stops: what its chunks made, picklable (the
            caller tells the chunks apart in it).
        before: Done in this process once the child is made, before the first chunk.
        progress: Called in this process after each chunk it does, and once for each of
            the child's as they arrive (it may raise to stop: the child is ended).
        grace: How long the child may take, in seconds, after this process ran out of
            chunks, beyond the time this process took (it then has one chunk to finish).
        fork: False: no child, whatever :func:`can_fork` says.

    Returns:
        How many chunks this process did (``end``), and what the child did (None: no
        child, one that failed, or one that did no chunk this process did not do; this
        process then did every chunk). The caller uses
        the child's chunks from ``end`` on: chunk ``end - 1``, if the child did it too,
        is this process's.
    """

    def do(chunk: int) -> None:
        work(chunk)
        if progress is not None:
            progress()

    child = _Child(count, work, report) if fork and count > 1 and can_fork() else None
    started = time.monotonic()
    try:
        if before is not None:
            before()
        if child is None:
            for chunk in range(count):
                do(chunk)
            return count, None
        end = child.front(do)
        shared = child.join(grace + time.monotonic() - started)
        if shared is None or shared.first > end:
            for chunk in range(end, count):
                do(chunk)
            return count, None
        if end == count:
            return count, None  # the child's chunks, if any, were done here too
        if progress is not None:
            for _ in range(end, count):
                progress()
        return end, shared
    finally:
        if child is not None:
            child.close()


class Claims:
    """Two whole numbers in a page of memory shared with forked children: ``front`` and
    ``back``. Each is written with one 8-byte store and read with one 8-byte load, so a
    reader sees the old value or the new one, never a mix (``struct.pack_into`` zeroes the
    field before it writes: a reader could see 0 in between, and did)."""

    def __init__(self, front: int, back: int) -> None:
        self._memory = mmap.mmap(-1, 16)  # MAP_SHARED: the same page after fork
        self._slots = memoryview(self._memory).cast("q")
        self._slots[_FRONT], self._slots[_BACK] = front, back

    def _read(self, slot: int) -> int:
        # two loads that agree: a value is taken only once it holds still
        value = self._slots[slot]
        while (again := self._slots[slot]) != value:
            value = again
        return value

    @property
    def front(self) -> int:
        return self._read(_FRONT)

    @front.setter
    def front(self, value: int) -> None:
        self._slots[_FRONT] = value

    @property
    def back(self) -> int:
        return self._read(_BACK)

    @back.setter
    def back(self, value: int) -> None:
        self._slots[_BACK] = value

    def close(self) -> None:
        """Unmap the page."""
        self._slots.release()
        self._memory.close()


class _Child(Generic[T]):
    """The forked child of :func:`share`, and this process's side of their claims."""

    def __init__(self, count: int, work: Callable[[int], None], report: Callable[[], T]) -> None:
        self._count = count
        self._work = work
        self._claims = Claims(0, count)
        self._pid = 0
        self._reply = -1
        reply_r, reply_w = os.pipe()
        try:
            pid = fork()
        except OSError:
            os.close(reply_r)
            os.close(reply_w)
            self._claims.back = count + 1  # no child: every chunk ours
            return
        if pid == 0:

            def answer() -> None:
                os.close(reply_r)
                first = self._back()
                reply = _OK + pickle.dumps(Shared(first, report()), pickle.HIGHEST_PROTOCOL)
                with os.fdopen(reply_w, "wb") as out:
                    out.write(reply)

            as_child(answer)
        os.close(reply_w)
        self._pid, self._reply = pid, reply_r

    def _back(self) -> int:
        """The child's chunks, from the last, until it meets this process's: the first
        chunk it did."""
        claims = self._claims
        chunk = self._count - 1
        while chunk >= 0:
            if chunk < claims.front:
                break
            claims.back = chunk
            self._work(chunk)
            chunk -= 1
        return chunk + 1

    def front(self, work: Callable[[int], None]) -> int:
        """This process's chunks of ``work``, from the first, until it meets the child's:
        how many."""
        claims = self._claims
        chunk = 0
        while chunk < self._count:
            if chunk >= claims.back:
                break
            claims.front = chunk + 1
            work(chunk)
            chunk += 1
        return chunk

    def join(self, timeout: float) -> Shared[T] | None:
        """The child's answer, None if it has none in ``timeout`` seconds."""
        if not self._pid:
            return None
        try:
            answer = read_all(self._reply, timeout)
            if answer is None or not answer.startswith(_OK):
                return None
            shared = pickle.loads(memoryview(answer)[len(_OK) :])
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            return None
        return shared if isinstance(shared, Shared) else None

    def close(self) -> None:
        """End the child (done, failed or given up on) and free the claims."""
        if self._reply >= 0:
            os.close(self._reply)
            self._reply = -1
        if self._pid:
            pid, self._pid = self._pid, 0
            end_child(pid)
        self._claims.close()


def fork() -> int:
    """:func:`os.fork`, without the warning Python 3.12+ gives in a process with threads
    (Qt's): the caller makes sure its child runs nothing another thread could hold.

    Raises:
        OSError: No child could be made.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return os.fork()


def as_child(body: Callable[[], None]) -> NoReturn:
    """Run ``body`` as a forked child and end the child: exit status 0 when ``body``
    returned, 1 when it raised (nothing of the parent's, no cleanup, runs on after it)."""
    # a collection would walk, and so copy, every page of the parent's objects (a big
    # map's): a child lives seconds at most and keeps its garbage
    gc.disable()
    status = 1
    try:
        body()
        status = 0
    finally:
        os._exit(status)


def read_all(fd: int, timeout: float) -> bytes | None:
    """All that comes from ``fd`` until its writer closes it; None if that takes more
    than ``timeout`` seconds.

    Raises:
        OSError: ``fd`` cannot be read.
    """
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def end_child(pid: int) -> None:
    """End child ``pid``: killed if it still runs, and reaped (no zombie is left)."""
    try:
        if os.waitpid(pid, os.WNOHANG) == (0, 0):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    except ChildProcessError:
        pass


__all__ = ["Claims", "Shared", "as_child", "can_fork", "end_child", "fork", "read_all", "share"]
