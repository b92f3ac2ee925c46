"""Error messages are one line, whatever a file name or a message holds."""

from __future__ import annotations

from karar.core.errors import MapError, one_line


def test_a_message_stays_on_one_line() -> None:
    err = MapError("/tmp/evil\nname\x1b[31m.mmd", 3, "bad\rthing\u2028here")
    text = str(err)
    assert "\n" not in text and "\r" not in text and "\x1b" not in text and "\u2028" not in text
    assert text == "/tmp/evil\\nname\\x1b[31m.mmd:3: bad\\rthing\\u2028here"
    assert one_line("Kök › Veri é") == "Kök › Veri é"
