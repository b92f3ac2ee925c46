"""File names shown to people: one line, any bytes (issue 8, class 14)."""

from __future__ import annotations

import os

from karar.core.errors import MapError, one_line
from karar.core.pathnames import qt_can_name, shown, single_line

NOT_UTF8 = os.fsdecode(b"/tmp/\xff\xfe map.mmd")  # what Python hands over for such a name


def test_the_window_shows_bytes_that_are_not_utf8_as_replacement_characters() -> None:
    assert NOT_UTF8 == "/tmp/\udcff\udcfe map.mmd"
    assert shown(NOT_UTF8) == "/tmp/\ufffd\ufffd map.mmd"
    shown(NOT_UTF8).encode("utf-8")  # Qt can take it
    assert shown("two\nlines\x1b[31m.mmd") == "two\\nlines\\x1b[31m.mmd"
    assert shown("Kök › Veri é.mmd") == "Kök › Veri é.mmd"
    assert shown(None) == ""


def test_the_command_line_prints_such_bytes_as_the_bytes() -> None:
    assert one_line(NOT_UTF8) == "/tmp/\\xff\\xfe map.mmd"
    assert str(MapError(NOT_UTF8, 2, "no such file")) == "/tmp/\\xff\\xfe map.mmd:2: no such file"
    assert one_line("a\ud800b") == "a\\ud800b"  # a lone surrogate that is no byte of a name
    one_line(NOT_UTF8).encode("utf-8")


def test_qt_is_handed_only_names_it_can_take() -> None:
    assert qt_can_name("/tmp/Kök é.mmd")
    assert not qt_can_name(NOT_UTF8)


def test_a_single_line_is_one_line_of_text() -> None:
    assert single_line("a\nb\u2028c\td  e\ud800") == "a b c d e\ufffd"
