"""``karar export --format adr`` as a user runs it: the folder written, the summary line,
the refusals (one line, exit 1), the usage errors (exit 2), and no Qt on the way."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from karar_cli import karar

DATA = Path(__file__).parent.parent / "data"
PROJECT = DATA / "adr-django.karar.yaml"


def _project(tmp_path: Path) -> Path:
    target = tmp_path / "team.karar.yaml"
    shutil.copy(PROJECT, target)
    return target


def test_writes_one_record_per_question_of_the_builtin_map(tmp_path: Path) -> None:
    project = _project(tmp_path)
    result = karar(
        "export", "--project", str(project), "--format", "adr", "-o", "docs/adr", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "karar: docs/adr: 8 decision records (8 new)\n"
    assert result.stdout == ""
    names = sorted(p.name for p in (tmp_path / "docs" / "adr").iterdir())
    assert names == [
        "0001-2-proje-tipi-mimari.md",
        "0002-relational-db.md",
        "0003-nosql-search.md",
        "0004-4-api-entegrasyon-stilleri.md",
        "0005-5-kimlik-dogrulama-yetkilendirme.md",
        "0006-cache.md",
        "0007-task-queue.md",
        "0008-13-deploy-infra.md",
    ]
    text = (tmp_path / "docs/adr/0002-relational-db.md").read_text(encoding="utf-8")
    assert text.startswith("---\nstatus: accepted\ndate: 2026-11-30\n")
    assert 'Chosen option: "PostgreSQL", because the team knows it' in text
    again = karar(
        "export", "--project", str(project), "--format", "adr", "-o", "docs/adr", cwd=tmp_path
    )
    assert (
        again.returncode == 0
        and again.stderr == "karar: docs/adr: 8 decision records (unchanged)\n"
    )


def _small_project(tmp_path: Path, cache: str) -> Path:
    (tmp_path / "m.mmd").write_text(
        f"mindmap\n  Stack\n    {cache}\n      Redis\n", encoding="utf-8"
    )
    project = tmp_path / "team.karar.yaml"
    project.write_text(
        f"karar: 1\nmap: m.mmd\nnodes:\n  - path: [Stack, {cache}, Redis]\n    checked: true\n",
        encoding="utf-8",
    )
    return project


def test_a_foreign_file_in_the_way_is_one_error_line(tmp_path: Path) -> None:
    folder = tmp_path / "adr"
    project = _small_project(tmp_path, "Cache")
    assert (
        karar("export", "--project", str(project), "--format", "adr", "-o", str(folder)).returncode
        == 0
    )
    assert [p.name for p in folder.iterdir()] == ["0001-cache.md"]
    # the question is renamed; a file of the team's own holds the name its record wants
    project = _small_project(tmp_path, "Önbellek")
    (folder / "0001-onbellek.md").write_text("# ours\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = karar("export", "--project", str(project), "--format", "adr", "-o", str(folder))
    assert result.returncode == 1
    assert result.stderr == (
        f"karar: error: {folder}/0001-onbellek.md: not written by Karar, not overwritten\n"
    )
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    (folder / "0001-onbellek.md").unlink()
    result = karar("export", "--project", str(project), "--format", "adr", "-o", str(folder))
    assert result.stderr == f"karar: {folder}: 1 decision record (1 updated)\n"
    assert [p.name for p in folder.iterdir()] == ["0001-onbellek.md"]


def test_a_folder_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "adr").write_text("x", encoding="utf-8")
    result = karar(
        "export", "--project", str(PROJECT), "--format", "adr", "-o", str(tmp_path / "adr")
    )
    assert result.returncode == 1
    assert result.stderr == f"karar: error: {tmp_path}/adr: is a file, not a folder\n"


def test_usage_errors(tmp_path: Path) -> None:
    no_project = karar("export", "--format", "adr", "-o", str(tmp_path / "adr"))
    assert no_project.returncode == 2
    assert no_project.stderr.splitlines()[-1] == (
        "karar: error: --format adr needs --project (the decisions are there)"
    )
    to_stdout = karar("export", "--project", str(PROJECT), "--format", "adr", "-o", "-")
    assert to_stdout.returncode == 2
    assert to_stdout.stderr.splitlines()[-1] == (
        "karar: error: --format adr writes a folder: give it with -o DIR"
    )
    assert not (tmp_path / "adr").exists()


def test_the_format_is_never_inferred_as_adr(tmp_path: Path) -> None:
    result = karar("export", "--project", str(PROJECT), "-o", str(tmp_path / "adr"))
    assert result.returncode == 2  # no suffix: say --format, as before
    assert not (tmp_path / "adr").exists()
    (tmp_path / "adr").mkdir()
    result = karar("export", "--project", str(PROJECT), "-o", str(tmp_path / "adr"))
    assert result.returncode == 2 and list((tmp_path / "adr").iterdir()) == []


def test_the_export_never_imports_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from karar.cli import main; "
        f"rc = main(['export', '--project', {str(PROJECT)!r}, '--format', 'adr', "
        f"'-o', {str(tmp_path / 'adr')!r}]); "
        "qt = ('PySide6', 'shiboken6', 'karar.ui'); "
        "print(rc, sorted(m for m in sys.modules if m.startswith(qt)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.stdout == "0 []\n", result.stderr
