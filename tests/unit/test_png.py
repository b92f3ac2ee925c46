"""PNG encoding (core/png.py): lossless rows, the colour type, resolution and texts, and
sizes that do not fit refused."""

from __future__ import annotations

import struct
import zlib

import pytest

from karar.core.png import encode_png


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    out, i = [], 8
    while i < len(data):
        (n,) = struct.unpack(">I", data[i : i + 4])
        kind, body = data[i + 4 : i + 8], data[i + 8 : i + 8 + n]
        (crc,) = struct.unpack(">I", data[i + 8 + n : i + 12 + n])
        assert crc == zlib.crc32(kind + body)
        out.append((kind, body))
        i += 12 + n
    return out


def _rows(data: bytes, row: int) -> list[bytes]:
    raw = zlib.decompress(b"".join(body for kind, body in _chunks(data) if kind == b"IDAT"))
    lines = [raw[i : i + row + 1] for i in range(0, len(raw), row + 1)]
    assert all(line[0] == 0 for line in lines)  # no filter
    return [line[1:] for line in lines]


def test_rgb_rows_are_kept_exactly_and_padding_is_left_out() -> None:
    width, height, stride = 3, 300, 12  # 9 bytes a row, padded to 12; more rows than a chunk
    pixels = bytes((i * 7) % 256 for i in range(stride * height))
    data = encode_png(width, height, pixels, stride, 3, dots_per_metre=(3780, 3780))
    chunks = _chunks(data)
    assert [kind for kind, _ in chunks] == [b"IHDR", b"pHYs", b"IDAT", b"IEND"]
    assert chunks[0][1] == struct.pack(">IIBBBBB", 3, 300, 8, 2, 0, 0, 0)
    assert chunks[1][1] == struct.pack(">IIB", 3780, 3780, 1)
    assert _rows(data, 9) == [pixels[r * stride : r * stride + 9] for r in range(height)]


def test_rgba_has_its_colour_type_and_texts() -> None:
    pixels = bytes(range(16))
    data = encode_png(2, 2, pixels, 8, 4, texts=[("Software", "Karar")])
    chunks = dict(_chunks(data))
    assert chunks[b"IHDR"][9] == 6
    assert chunks[b"tEXt"] == b"Software\0Karar"
    assert b"pHYs" not in chunks
    assert _rows(data, 8) == [pixels[:8], pixels[8:]]


@pytest.mark.parametrize(
    ("width", "height", "stride", "channels"),
    [(0, 1, 3, 3), (2, 2, 5, 3), (2, 3, 6, 3), (1, 1, 4, 2)],
)
def test_sizes_that_do_not_fit_are_refused(
    width: int, height: int, stride: int, channels: int
) -> None:
    with pytest.raises(ValueError, match=r"channels|rows"):
        encode_png(width, height, bytes(12), stride, channels)
