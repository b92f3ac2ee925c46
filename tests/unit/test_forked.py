"""Ordered work shared with a forked child (karar.core.forked): every chunk once, in order,
whoever does it; the split follows who is faster; a child that dies or hangs costs only
time; nothing is forked where it is not safe."""

from __future__ import annotations

import itertools
import os
import sys
import threading
import time

import pytest

from karar.core import forked

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux")


@pytest.fixture
def may_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    # the test process may hold Qt's threads: the children here run plain Python only
    monkeypatch.setattr(forked, "can_fork", lambda: True)


class Record:
    """Work that writes down which chunks each process did, slower where told."""

    def __init__(self, child_delay: float = 0.0, parent_delay: float = 0.0) -> None:
        self.parent = os.getpid()
        self.done: list[int] = []
        self.child_delay = child_delay
        self.parent_delay = parent_delay

    def work(self, chunk: int) -> None:
        in_child = os.getpid() != self.parent
        time.sleep(self.child_delay if in_child else self.parent_delay)
        self.done.append(chunk)

    def report(self) -> list[int]:
        return list(self.done)


def assemble(
    count: int, record: Record, end: int, shared: forked.Shared[list[int]] | None
) -> list[int]:
    """The chunks in the order the caller would put them: its own, then the child's from
    ``end`` on."""
    own = sorted(record.done)
    assert own == list(range(len(own)))  # this process went from the front, in order
    if shared is None:
        assert end == count
        return own
    theirs = sorted(c for c in shared.report if c >= end)
    assert shared.first <= end
    return own[:end] + theirs


def test_every_chunk_once_in_order_shared_with_a_child(may_fork: None) -> None:
    record = Record(child_delay=0.005, parent_delay=0.005)
    end, shared = forked.share(60, record.work, record.report)
    assert shared is not None
    assert 0 < end < 60  # both did some
    assert assemble(60, record, end, shared) == list(range(60))


def test_the_faster_side_does_more(may_fork: None) -> None:
    slow_child = Record(child_delay=0.02)
    end, shared = forked.share(40, slow_child.work, slow_child.report)
    assert shared is not None and end > 30
    assert assemble(40, slow_child, end, shared) == list(range(40))
    slow_parent = Record(parent_delay=0.02)
    end, shared = forked.share(40, slow_parent.work, slow_parent.report)
    assert shared is not None and end < 10
    assert assemble(40, slow_parent, end, shared) == list(range(40))


def test_before_and_progress_run_here(may_fork: None) -> None:
    record = Record(child_delay=0.005, parent_delay=0.005)
    calls: list[str] = []
    _, shared = forked.share(
        20,
        record.work,
        record.report,
        before=lambda: calls.append("before"),
        progress=lambda: calls.append(f"{os.getpid()}"),
    )
    assert shared is not None
    assert calls[0] == "before"
    assert calls[1:] == [str(os.getpid())] * 20  # one per chunk, the child's included


def test_a_child_that_dies_leaves_every_chunk_to_this_process(may_fork: None) -> None:
    parent = os.getpid()

    def work(chunk: int) -> None:
        if os.getpid() != parent:
            os._exit(3)
        time.sleep(0.01)  # the child has time to start
        done.append(chunk)

    done: list[int] = []
    end, shared = forked.share(10, work, lambda: done)
    assert (end, shared) == (10, None)
    assert done == list(range(10))


def test_a_child_that_raises_leaves_every_chunk_to_this_process(may_fork: None) -> None:
    record = Record(parent_delay=0.01)

    def report() -> list[int]:
        raise RuntimeError("cannot report")

    end, shared = forked.share(8, record.work, report)
    assert (end, shared) == (8, None)
    assert record.done == list(range(8))


def test_a_child_that_hangs_is_given_up_on_and_ended(
    may_fork: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = Record(child_delay=30.0, parent_delay=0.05)
    pids: list[int] = []
    real = forked._Child.close

    def close(child: forked._Child[list[int]]) -> None:
        pids.append(child._pid)
        real(child)

    monkeypatch.setattr(forked._Child, "close", close)
    started = time.monotonic()
    end, shared = forked.share(6, record.work, record.report, grace=0.2)
    assert time.monotonic() - started < 10
    assert (end, shared) == (6, None)
    assert record.done == list(range(6))
    with pytest.raises(ChildProcessError):  # killed and reaped: no zombie left
        os.waitpid(pids[0], os.WNOHANG)


def test_a_stop_asked_for_by_progress_ends_the_child(
    may_fork: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = Record(child_delay=0.05, parent_delay=0.01)
    pids: list[int] = []
    real = forked._Child.close

    def close(child: forked._Child[list[int]]) -> None:
        pids.append(child._pid)
        real(child)

    def progress() -> None:
        if len(record.done) == 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(forked._Child, "close", close)
    with pytest.raises(KeyboardInterrupt):
        forked.share(50, record.work, record.report, progress=progress)
    assert pids[0] > 0  # the child was running when the stop came
    with pytest.raises(ChildProcessError):
        os.waitpid(pids[0], os.WNOHANG)


def test_without_fork_this_process_does_it_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    record = Record()
    ticks: list[int] = []
    end, shared = forked.share(5, record.work, record.report, progress=lambda: ticks.append(1))
    assert (end, shared) == (5, None)
    assert record.done == list(range(5)) and len(ticks) == 5


def test_one_chunk_or_none_forks_nothing(may_fork: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise AssertionError("forked")

    monkeypatch.setattr(forked.os, "fork", no_fork)
    record = Record()
    assert forked.share(1, record.work, record.report) == (1, None)
    assert forked.share(0, record.work, record.report) == (0, None)
    assert record.done == [0]


def test_a_process_with_another_thread_is_not_forked() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not forked.can_fork()
    finally:
        stop.set()
        thread.join()


def test_a_claim_is_never_seen_half_written() -> None:
    # The child counts ``back`` down as fast as it can; every value this process reads
    # must be one it wrote, so they only ever go down (a write that zeroes the field
    # first, as struct.pack_into does, let a reader see 0 and stop short: issue 11).
    claims = forked.Claims(0, 1 << 40)
    pid = forked.fork()
    if pid == 0:

        def count_down() -> None:
            for value in range((1 << 40) - 1, (1 << 40) - 3_000_000, -1):
                claims.back = value

        forked.as_child(count_down)
    try:
        seen = []
        while len(seen) < 200_000 and os.waitpid(pid, os.WNOHANG) == (0, 0):
            seen.append(claims.back)
        assert len(set(seen)) > 10  # the child wrote while this process read
        assert all(a >= b for a, b in itertools.pairwise(seen))
        assert min(seen) > (1 << 40) - 3_000_001
    finally:
        forked.end_child(pid)
        claims.close()
