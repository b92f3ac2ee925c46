"""Reading a user's file: only regular files, the size limit kept while reading, and text in
the wrong encoding named as what it is."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from karar.core.errors import MapError
from karar.core.textfile import decode_utf8, read_bytes, utf16_kind


def test_the_limit_allows_exactly_its_size(tmp_path: Path) -> None:
    path = tmp_path / "m.mmd"
    path.write_bytes(b"x" * 100)
    assert read_bytes(path, MapError, "map file", limit=100) == b"x" * 100
    with pytest.raises(MapError, match=r"m\.mmd: file is too large \(0\.0 MiB; Karar reads map"):
        read_bytes(path, MapError, "map file", limit=99)


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux /proc")
def test_the_limit_is_kept_while_reading_not_taken_from_the_reported_size() -> None:
    """/proc files are regular files that report a size of 0 and hold more."""
    status = Path("/proc/self/status")
    assert status.stat().st_size == 0
    with pytest.raises(MapError, match=r"file is too large \(over "):
        read_bytes(status, MapError, "map file", limit=64)
    assert b"Name:" in read_bytes(status, MapError, "map file", limit=1 << 20)


def test_a_link_to_a_device_is_refused_before_reading(tmp_path: Path) -> None:
    link = tmp_path / "m.mmd"
    link.symlink_to("/dev/zero")
    with pytest.raises(MapError, match=r"m\.mmd: is a character device, not a map file$"):
        read_bytes(link, MapError, "map file")  # no limit: without the check, endless


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "m.mmd"
    os.mkfifo(fifo)
    with pytest.raises(MapError, match=r"is a named pipe \(FIFO\), not a map file$"):
        read_bytes(fifo, MapError, "map file")


TEXT = "mindmap\n  Kök düğüm\n    Şube: çözüm\n" * 3


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_a_byte_order_mark(codec: str) -> None:
    assert utf16_kind(TEXT.encode(codec)) == "UTF-16"
    with pytest.raises(MapError, match=r"this is UTF-16 text, not UTF-8: save the file as UTF-8"):
        decode_utf8(TEXT.encode(codec), "m.mmd", MapError)


def test_utf16_cut_inside_a_surrogate_pair_is_still_utf16() -> None:
    data = ("a" * 2047 + "\U0001f600" + "b" * 100).encode("utf-16-le")
    assert utf16_kind(data) == "UTF-16"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        bytes(range(256)) * 16,
        bytes(random.Random(8).randrange(256) for _ in range(5000)),
        b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" * 50,
        b"a\x00",
        b"",
    ],
)
def test_other_bytes_are_not_taken_for_utf16(data: bytes) -> None:
    assert utf16_kind(data) is None


def test_utf32_is_named_too() -> None:
    assert utf16_kind(TEXT.encode("utf-32")) == "UTF-32"


def test_a_nul_byte_in_the_name_is_one_error() -> None:
    """A project's ``map:`` may hold one; ``os.open`` raised ValueError."""
    with pytest.raises(MapError, match=r"^a\\0b\.mmd: the file name holds a NUL byte$"):
        read_bytes("a\0b.mmd", MapError, "map file")
