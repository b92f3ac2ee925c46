"""Hostile inputs that cannot be files in a repository, made here: FIFOs, devices behind
links, sockets, a 1 GB sparse file, UTF-16 text. Each as the map, as the project, and as
the map a project names; each through the real ``karar`` command, which must answer in one
line, exit 1, and never hang or read without end."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

HANG = 30  # seconds: past this a case is a hang (each takes well under one)

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")


def karar(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        done = subprocess.run(
            [sys.executable, "-m", "karar", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=HANG,
            cwd=cwd,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"karar {' '.join(args)}: still running after {HANG} s (a hang)")
    return done


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _zero_link(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _urandom_link_to_link(path: Path) -> None:
    (path.parent / "hop").symlink_to("/dev/urandom")
    path.symlink_to(path.parent / "hop")


def _sparse_gigabyte(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(2**30)


def _folder(path: Path) -> None:
    path.mkdir()


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Callable[[Path], None]]:
    opened: list[socket.socket] = []

    def make(path: Path) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.bind(str(path))
        opened.append(sock)

    yield make
    for sock in opened:
        sock.close()


# What is made, and the message it gets ({what}: "map file" or "project file").
SPECIAL = {
    "fifo": (_fifo, r"is a named pipe \(FIFO\), not a {what}$"),
    "dev-zero-link": (_zero_link, r"is a character device, not a {what}$"),
    "urandom-two-links": (_urandom_link_to_link, r"is a character device, not a {what}$"),
    "sparse-1gb": (_sparse_gigabyte, r"file is too large \(1024\.0 MiB; Karar reads {what}s up"),
    "folder": (_folder, r"is a folder, not a {what}$"),
}


def _one_error_line(done: subprocess.CompletedProcess[str], pattern: str) -> None:
    both = done.stdout + done.stderr
    assert "Traceback" not in both, both
    assert done.returncode == 1, both
    lines = [line for line in both.splitlines() if re.search(pattern, line)]
    assert len(lines) == 1, both
    errors = [line for line in done.stderr.splitlines() if line.startswith("karar: error:")]
    assert len(errors) <= 1, done.stderr


@pytest.mark.parametrize("kind", SPECIAL)
@pytest.mark.parametrize("command", ["check", "export"])
def test_special_map_file(kind: str, command: str, tmp_path: Path) -> None:
    make, pattern = SPECIAL[kind]
    path = tmp_path / "map.mmd"
    make(path)
    args = ["check", str(path)]
    if command == "export":
        args = ["export", str(path), "-o", "-", "--format", "json"]
    done = karar(*args, cwd=tmp_path)
    _one_error_line(done, pattern.format(what="map file"))


@pytest.mark.parametrize("kind", SPECIAL)
def test_special_project_file(kind: str, tmp_path: Path) -> None:
    make, pattern = SPECIAL[kind]
    path = tmp_path / "p.karar.yaml"
    make(path)
    done = karar("check", str(path), cwd=tmp_path)
    _one_error_line(done, pattern.format(what="project file"))


@pytest.mark.parametrize("kind", SPECIAL)
def test_special_file_as_the_map_of_a_project(kind: str, tmp_path: Path) -> None:
    make, pattern = SPECIAL[kind]
    make(tmp_path / "map.mmd")
    project = tmp_path / "p.karar.yaml"
    project.write_text("karar: 1\nmap: map.mmd\n", encoding="utf-8")
    export = ["export", "--project", str(project), "-o", "-", "--format", "md"]
    for args in (["check", str(project)], export):
        done = karar(*args, cwd=tmp_path)
        _one_error_line(done, pattern.format(what="map file"))


def test_a_project_naming_dev_zero_itself(tmp_path: Path) -> None:
    project = tmp_path / "p.karar.yaml"
    project.write_text("karar: 1\nmap: /dev/zero\n", encoding="utf-8")
    done = karar("check", str(project), cwd=tmp_path)
    _one_error_line(done, r"p\.karar\.yaml:2: .*/dev/zero.*is a character device, not a map")


def test_a_socket_as_the_map(tmp_path: Path, unix_socket: Callable[[Path], None]) -> None:
    path = tmp_path / "map.mmd"
    unix_socket(path)
    done = karar("check", str(path), cwd=tmp_path)
    _one_error_line(done, r"is a socket, not a map file")


def test_a_fifo_map_in_the_window(tmp_path: Path) -> None:
    """The window reads the map the same way: an error line, no window left waiting."""
    path = tmp_path / "map.mmd"
    os.mkfifo(path)
    done = karar(str(path), "--screenshot", str(tmp_path / "shot.png"), cwd=tmp_path)
    _one_error_line(done, r"is a named pipe \(FIFO\), not a map file")


UTF16 = {
    "bom": lambda text: text.encode("utf-16"),
    "le-without-bom": lambda text: text.encode("utf-16-le"),
    "be-without-bom": lambda text: text.encode("utf-16-be"),
    "utf-32": lambda text: text.encode("utf-32"),
}


@pytest.mark.parametrize("encoding", UTF16)
@pytest.mark.parametrize("suffix", [".mmd", ".md", ".karar.yaml"])
def test_utf16_text_is_named_as_such(encoding: str, suffix: str, tmp_path: Path) -> None:
    """Not "a binary file": the user saved it in the wrong encoding and is told which."""
    text = {
        ".mmd": "mindmap\n  Kök\n    Şube\n",
        ".md": "# Harita\n\n```mermaid\nmindmap\n  Kök\n```\n",
        ".karar.yaml": "karar: 1\nmap: builtin:django\n",
    }[suffix]
    path = tmp_path / f"file{suffix}"
    path.write_bytes(UTF16[encoding](text))
    done = karar("check", str(path), cwd=tmp_path)
    kind = "UTF-32" if encoding == "utf-32" else "UTF-16"
    _one_error_line(done, rf"this is {kind} text, not UTF-8: save the file as UTF-8")
