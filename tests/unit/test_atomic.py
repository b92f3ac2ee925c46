"""Atomic saving: through symbolic links to the real file, keeping its permissions, and
never over a file marked read-only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from karar.core.atomic import ReadOnlyError, write_atomic
from karar.core.project import Project, ProjectError


def test_a_link_is_saved_through_to_its_target_with_its_permissions(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "team.karar.yaml"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "team.karar.yaml"
    link.symlink_to(real)
    write_atomic(link, b"new\n")
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert not [p for p in real.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_chain_of_links_and_a_dangling_link(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("x", encoding="utf-8")
    (tmp_path / "a").symlink_to(real)
    (tmp_path / "b").symlink_to(tmp_path / "a")
    write_atomic(tmp_path / "b", b"through two links")
    assert real.read_bytes() == b"through two links"
    dangling = tmp_path / "new.yaml"
    dangling.symlink_to(tmp_path / "created.yaml")
    write_atomic(dangling, b"made")
    assert dangling.is_symlink() and (tmp_path / "created.yaml").read_bytes() == b"made"


def test_a_read_only_file_is_not_written_over(tmp_path: Path) -> None:
    target = tmp_path / "p.karar.yaml"
    target.write_text("karar: 1\nmap: builtin:django\n", encoding="utf-8")
    target.chmod(0o444)
    before = target.read_bytes()
    with pytest.raises(ReadOnlyError):
        write_atomic(target, b"over it")
    assert target.read_bytes() == before
    project = Project(map_ref="builtin:django", path=target)
    with pytest.raises(ProjectError, match="read-only") as info:
        project.save()
    assert str(info.value).startswith(str(target))
    target.chmod(0o644)


def test_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "fresh", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "fresh").stat().st_mode) == 0o640
