"""``karar diff`` as a user runs it: output, exit codes, a bad file, and git's diff driver
in a real repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import karar

DATA = Path(__file__).parent.parent / "data" / "diff"
W1, W2 = DATA / "workshop-1.karar.yaml", DATA / "workshop-2.karar.yaml"

MAP = "mindmap\n  Stack\n    Data\n      PostgreSQL\n      MySQL\n    Auth\n      JWT\n"


def test_text_output_and_exit_0() -> None:
    result = karar("diff", str(W1), str(W2))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{W1} → {W2}"
    assert "  considering → chosen: PostgreSQL — by Can, 2026-11-30" in lines
    assert lines[-1] == (
        "17 state changes, 6 notes added, 2 notes changed, 1 note removed, "
        "1 who/when change, 1 new orphan"
    )
    assert result.stderr == ""


def test_markdown_output() -> None:
    result = karar("diff", str(W1), str(W2), "--format", "md")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"# Decisions changed: {W1} → {W2}\n")
    assert "\n## 3. Veri Katmanı\n" in result.stdout
    assert "\n```diff\n-We would run PostgreSQL 15 on the managed service.\n" in result.stdout


def test_no_differences_exit_0() -> None:
    result = karar("diff", str(W1), str(W1))
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "no differences in decisions"


def test_a_bad_file_is_one_located_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.karar.yaml"
    bad.write_text("karar: 1\nmap: builtin:django\nnodes:\n  - path: [a]\n    status: maybe\n")
    result = karar("diff", str(W1), str(bad))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"karar: error: {bad}:5: 'status: maybe' is not a decision state "
        "(one of: chosen, rejected, considering)\n"
    )


def test_a_missing_file_and_dev_null_are_refused_outside_git_mode(tmp_path: Path) -> None:
    missing = karar("diff", str(W1), str(tmp_path / "nope.karar.yaml"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert missing.stderr.startswith(f"karar: error: {tmp_path / 'nope.karar.yaml'}")
    null = karar("diff", str(W1), "/dev/null")
    assert null.returncode == 1 and null.stderr.count("\n") == 1


def test_a_map_that_cannot_be_read_is_one_line_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "m.mmd").write_text(MAP, encoding="utf-8")
    old = tmp_path / "old.karar.yaml"
    new = tmp_path / "new.karar.yaml"
    old.write_text("karar: 1\nmap: m.mmd\nnodes: []\n")
    new.write_text(
        "karar: 1\nmap: gone.mmd\nnodes:\n  - path: [Stack, Data, Oracle]\n    checked: true\n"
    )
    result = karar("diff", str(old), str(new))
    assert result.returncode == 0
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"karar: warning: {new}: the map 'gone.mmd' cannot be read")
    assert "  undecided → chosen: Oracle" in result.stdout.splitlines()
    assert "orphan" not in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["diff"],
        ["diff", "one.karar.yaml"],
        ["diff", "a", "b", "c"],
        ["diff", "a", "b", "--format", "html"],
        ["diff", "--git", "a", "b"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = karar(*args)
    assert result.returncode == 2
    assert "usage: karar diff" in result.stderr and "Traceback" not in result.stderr


# --------------------------------------------------------------------------- git


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.com",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.com",
        PYTHONIOENCODING="utf-8",
        GIT_PAGER="cat",
    )
    result = subprocess.run(
        ["git", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose ``*.karar.yaml`` go through ``karar diff --git``, as the
    README sets it up; its project names its map relative to itself."""
    if shutil.which("git") is None:
        pytest.fail("git is not installed")
    repo = tmp_path / "repo"
    (repo / "maps").mkdir(parents=True)
    (repo / "maps" / "stack.mmd").write_text(MAP, encoding="utf-8")
    (repo / ".gitattributes").write_text("*.karar.yaml diff=karar\n")
    _git(repo, "init", "-q")
    command = f'"{sys.executable}" -m karar diff --git'
    _git(repo, "config", "diff.karar.command", command)
    (repo / "team.karar.yaml").write_text(
        "karar: 1\nmap: maps/stack.mmd\nnodes:\n"
        "  - path: [Stack, Data, PostgreSQL]\n    status: considering\n"
        "  - path: [Stack, Data, MySQL]\n    checked: true\n",
        encoding="utf-8",
    )
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "first workshop")
    return repo


def test_git_diff_of_a_modified_project(repo: Path) -> None:
    (repo / "team.karar.yaml").write_text(
        "karar: 1\nmap: maps/stack.mmd\nnodes:\n"
        "  - path: [Stack, Data, PostgreSQL]\n    checked: true\n    note: pgbouncer\n"
        "  - path: [Stack, Data, MySQL]\n    checked: true\n"
        "  - path: [Stack, Auth, OAuth]\n    status: considering\n",
        encoding="utf-8",
    )
    out = _git(repo, "diff").stdout
    assert out == (
        "a/team.karar.yaml → b/team.karar.yaml\n"
        "\n"
        "Data\n"
        "  considering → chosen: PostgreSQL\n"
        "    note added:\n"
        "      +pgbouncer\n"
        "\n"
        "Auth\n"
        "  undecided → considering: OAuth\n"
        "    became an orphan\n"
        "\n"
        "2 state changes, 1 note added, 1 new orphan\n"
    )
    # committed, then compared commit to commit (git hands over temporary copies) from
    # a subfolder: the map is still found beside the project in the working tree
    _git(repo, "commit", "-q", "-am", "second workshop")
    between = _git(repo / "maps", "diff", "HEAD~1", "HEAD").stdout
    assert between == out
    log = _git(repo / "maps", "log", "-p", "--ext-diff", "-1", "--format=%s").stdout
    assert log.endswith(out)


def test_git_diff_of_an_added_and_a_deleted_project(repo: Path) -> None:
    shutil.copy(repo / "team.karar.yaml", repo / "ayse.karar.yaml")
    _git(repo, "add", "ayse.karar.yaml")
    added = _git(repo, "diff", "--cached").stdout
    assert added.startswith("/dev/null → b/ayse.karar.yaml\n")
    assert "  undecided → considering: PostgreSQL\n" in added
    assert added.endswith("\n2 state changes\n")

    _git(repo, "rm", "-q", "team.karar.yaml")
    deleted = _git(repo, "diff", "--cached", "--", "team.karar.yaml").stdout
    assert deleted.startswith("a/team.karar.yaml → /dev/null\n")
    assert "  chosen → undecided: MySQL\n" in deleted
    assert deleted.endswith("\n2 state changes\n")


def test_git_diff_of_a_renamed_project(repo: Path) -> None:
    _git(repo, "mv", "team.karar.yaml", "workshop.karar.yaml")
    text = (repo / "workshop.karar.yaml").read_text(encoding="utf-8")
    (repo / "workshop.karar.yaml").write_text(text.replace("status: considering", "checked: true"))
    _git(repo, "add", "workshop.karar.yaml")
    out = _git(repo, "diff", "--cached", "-M").stdout  # git passes 9 arguments
    assert out.startswith("a/team.karar.yaml → b/workshop.karar.yaml\n")
    assert "  considering → chosen: PostgreSQL\n" in out


def test_git_names_a_bad_file_by_its_path_in_the_repository(repo: Path) -> None:
    (repo / "team.karar.yaml").write_text("karar: 1\nmap: maps/stack.mmd\nnodes: 3\n")
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_PAGER="cat")
    result = subprocess.run(
        ["git", "diff"], cwd=repo, capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert result.returncode != 0  # git stops at a driver that fails
    assert (
        "karar: error: b/team.karar.yaml:3: 'nodes:' must be a list of entries\n" in result.stderr
    )
    assert "Traceback" not in result.stderr
