"""Reading a user's text file: the bytes, then UTF-8 with the line of any bad byte. Every
failure becomes one error of the caller's domain (map or project), never a traceback."""

from __future__ import annotations

from pathlib import Path

from karar.core.errors import LocatedError


def read_bytes(path: str | Path, error: type[LocatedError], what: str = "file") -> bytes:
    """The file's bytes.

    Raises:
        error: Missing, a folder, not readable.
    """
    name = str(path)
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise error(name, None, "no such file") from None
    except IsADirectoryError:
        raise error(name, None, f"is a folder, not a {what}") from None
    except PermissionError:
        raise error(name, None, "permission denied") from None
    except OSError as exc:
        raise error(name, None, f"cannot read the file: {exc.strerror or exc}") from None


def decode_utf8(data: bytes, name: str, error: type[LocatedError]) -> str:
    """``data`` as text (a leading BOM dropped).

    Raises:
        error: Not UTF-8; names the line and the first bad byte.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start]
        raise error(
            name, line, f"not valid UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8"
        ) from None
