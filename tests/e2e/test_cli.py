"""The ``karar`` command as a user runs it: a subprocess, its exit code, its output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from karar_cli import karar

DATA = Path(__file__).parent.parent / "data"
CONFORMANCE = sorted((DATA / "conformance").glob("*.mmd"))


def test_version() -> None:
    result = karar("--version")
    assert result.returncode == 0 and result.stdout.startswith("karar ")


def test_export_builtin_json_matches_the_seed() -> None:
    result = karar("export", "--format", "json", "-o", "-")
    assert result.returncode == 0, result.stderr
    want = json.loads((DATA / "django-decision-tree.karar.json").read_text(encoding="utf-8"))
    assert json.loads(result.stdout) == want
    assert "Birleştirilmiş Genişletilmiş Karar Ağacı" in result.stdout  # not \u-escaped


def test_export_infers_the_format_and_writes_atomically(tmp_path: Path) -> None:
    out = tmp_path / "map.mmd"
    assert karar("export", "-o", str(out)).returncode == 0
    again = karar("export", str(out), "--format", "json", "--strict")
    assert again.returncode == 0, again.stderr  # Mermaid itself reads what we wrote
    assert json.loads(again.stdout)["children"][0]["label"] == "1. Başlangıç: Proje Kurulumu"
    assert [p.name for p in tmp_path.iterdir()] == ["map.mmd"]  # no temporary files left


def test_export_graphml(tmp_path: Path) -> None:
    out = tmp_path / "map.graphml"
    assert karar("export", "-o", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("<node ") == 267 and text.count("<edge ") == 266


def test_export_markdown_outline() -> None:
    result = karar("export", "--format", "md", "--expand-level", "1")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "# Django Ekosistemi - Birleştirilmiş Genişletilmiş Karar Ağacı (v1.5)"
    items = [line for line in lines if line.lstrip().startswith("- [ ]")]
    assert len(items) == 34  # the root and its 33 branches


@pytest.mark.parametrize("case", CONFORMANCE, ids=[c.stem for c in CONFORMANCE])
def test_check_strict_matches_mermaid(case: Path) -> None:
    expected = json.loads(case.with_suffix(".expected.json").read_text(encoding="utf-8"))
    result = karar("check", str(case), "--strict")
    rejected = isinstance(expected, dict) and "error" in expected
    assert result.returncode == (1 if rejected else 0), result.stdout + result.stderr
    if rejected:
        assert f"{case}:" in result.stdout and ": error: " in result.stdout
    assert "Traceback" not in result.stderr


def test_check_default_reports_divergences_with_a_safe_spelling() -> None:
    result = karar("check", str(DATA / "conformance" / "a26-trailing-parens.mmd"))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[1].startswith(f"{DATA / 'conformance' / 'a26-trailing-parens.mmd'}:4: warning: ")
    assert "Mermaid-safe: Sentry #40;errors#41;" in lines[1]


def test_check_builtin_map() -> None:
    result = karar("check")
    assert result.returncode == 0
    assert all(": warning: " in line for line in result.stdout.splitlines())
    strict = karar("check", "--strict")
    assert strict.returncode == 1
    assert strict.stdout.startswith("builtin:django:22: error: ")


def test_check_warns_on_every_line_mermaid_reads_differently() -> None:
    path = DATA / "unclosed-shapes.mmd"
    result = karar("check", str(path))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert [line.split(": ", 2)[:2] for line in lines] == [
        [f"{path}:3", "warning"],
        [f"{path}:4", "warning"],
    ]
    assert "Mermaid rejects this line" in lines[0] and lines[0].endswith(
        "Mermaid-safe: A#91;Açık köşeli parantez"
    )
    assert "Mermaid reads lines 4-5 as one cloud node" in lines[1]
    assert result.stderr == f"karar: {path}: 4 nodes, 0 errors, 2 warnings\n"


def test_check_strict_reports_each_rejected_line_and_reads_on() -> None:
    path = DATA / "unclosed-shapes.mmd"
    result = karar("check", str(path), "--strict")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{path}:3: error: unexpected text after the node: ")
    assert lines[1].startswith(f"{path}:4: warning: Mermaid reads lines 4-5 as one cloud node")
    assert len(lines) == 2
    builtin = karar("check", "--strict")
    errors = [line for line in builtin.stdout.splitlines() if ": error: " in line]
    assert errors[0].startswith("builtin:django:22: error: ")  # where Mermaid stops
    assert len(errors) == 8  # and every other line it rejects
    assert builtin.stderr.endswith(", 8 errors, 0 warnings\n")


def test_check_warns_about_markup_that_a_shape_hides(tmp_path: Path) -> None:
    path = tmp_path / "langs.mmd"
    path.write_text(
        "mindmap\n  root((Diller))\n    Kotlin<br/>(JVM)\n    id1[Label]\n", encoding="utf-8"
    )
    for extra in ((), ("--strict",)):
        result = karar("check", str(path), *extra)
        assert result.returncode == 0
        (line,) = result.stdout.splitlines()
        assert line.startswith(f"{path}:3: warning: Mermaid reads this line as a rounded node")
        assert line.endswith("Mermaid-safe: Kotlin<br/>#40;JVM#41;")


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01binary", "binary file"),
        (b"mindmap\n  \xff\xfe\n", "not valid UTF-8"),
        (b"mindmap\n  A\n  B\n", "only one root"),
    ],
)
def test_bad_input_is_one_line_exit_1(tmp_path: Path, content: bytes, needle: str) -> None:
    path = tmp_path / "bad.mmd"
    path.write_bytes(content)
    result = karar("export", str(path), "--format", "json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"karar: error: {path}") and needle in result.stderr


def test_usage_errors_exit_2() -> None:
    assert karar("export", "--format", "nope").returncode == 2
    assert karar("export", "-o", "out.unknown").returncode == 2
    assert karar("--layout", "spiral").returncode == 2
    result = karar("export", "--format", "png")
    assert result.returncode == 2 and "karar: error:" in result.stderr


def test_missing_file() -> None:
    result = karar("check", "/nonexistent/map.md")
    assert result.returncode == 1
    assert result.stdout.strip() == "/nonexistent/map.md: error: no such file"


def _project(tmp_path: Path) -> Path:
    (tmp_path / "m.mmd").write_text(
        "mindmap\n  Stack\n    Data\n      PostgreSQL\n      MySQL\n    Cache\n      Redis\n",
        encoding="utf-8",
    )
    path = tmp_path / "team.karar.yaml"
    path.write_text(
        "karar: 1\nmap: m.mmd\nnodes:\n"
        "  - path: [Stack, Data, PostgreSQL]\n    checked: true\n    note: |\n      PG **16**.\n"
        "  - path: [Stack, Data, Postgres]\n    note: an old name\n"
        "  - path: [Stack, Cache]\n    collapsed: true\n",
        encoding="utf-8",
    )
    return path


def test_export_snapshot_from_a_project(tmp_path: Path) -> None:
    project = _project(tmp_path)
    result = karar("export", "--project", str(project), "--format", "md", "--decisions-only")
    assert result.returncode == 0, result.stderr
    body = result.stdout.split("\n\n", 2)[2]
    assert result.stdout.splitlines()[2].endswith(": 1 of the 5 options below the root chosen._")
    assert body.splitlines() == [
        "- Stack",  # an ancestor, not decided itself: no box a reader takes for "rejected"
        "    - Data",
        "        - [x] PostgreSQL",
        "",
        "            PG **16**.",
        "",
    ]
    full = karar("export", "--project", str(project), "--format", "md").stdout
    assert "- [ ] Redis" not in full  # Cache is collapsed in the project
    assert "- [ ] Cache" in full


@pytest.mark.parametrize("target", ["m.mmd", "link.mmd", "team.karar.yaml"])
def test_export_never_writes_over_its_input(tmp_path: Path, target: str) -> None:
    project = _project(tmp_path)
    (tmp_path / "link.mmd").symlink_to(tmp_path / "m.mmd")
    before = {p.name: p.read_bytes() for p in (tmp_path / "m.mmd", project)}
    for args in (["m.mmd"], ["--project", "team.karar.yaml"]):
        result = karar("export", *args, "--format", "mmd", "-o", target, cwd=tmp_path)
        if args[0] == "m.mmd" and target == "team.karar.yaml":
            assert result.returncode == 0  # not an input of this export
            project.write_bytes(before["team.karar.yaml"])
            continue
        assert result.returncode == 1, result.stderr
        assert result.stderr.startswith(f"karar: error: {target}: is an input of this export")
        assert result.stderr.count("\n") == 1
    assert {p.name: p.read_bytes() for p in (tmp_path / "m.mmd", project)} == before


def test_check_a_project_lists_orphans_with_a_suggestion(tmp_path: Path) -> None:
    project = _project(tmp_path)
    result = karar("check", str(project))
    assert result.returncode == 0
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"{project}:8: warning: no node 'Stack / Data / Postgres'")
    assert "did you mean 'Stack / Data / PostgreSQL'" in line


def test_check_a_broken_project(tmp_path: Path) -> None:
    bad = tmp_path / "bad.karar.yaml"
    bad.write_text("karar: 1\nmap: nowhere.mmd\n", encoding="utf-8")
    result = karar("check", str(bad))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{bad}:2: error: the map 'nowhere.mmd'")


@pytest.mark.parametrize(
    ("suffix", "magic"), [("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")]
)
def test_export_images(tmp_path: Path, suffix: str, magic: bytes) -> None:
    out = tmp_path / f"map.{suffix}"
    result = karar("export", "-o", str(out), "--expand-level", "1", "--theme", "dark")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(magic)


def test_export_image_bad_dpi_is_usage() -> None:
    result = karar("export", "-o", "x.png", "--dpi", "5")
    assert result.returncode == 2 and "--dpi" in result.stderr


def test_merge_writes_a_tally(tmp_path: Path) -> None:
    (tmp_path / "m.mmd").write_text("mindmap\n  Stack\n    Data\n      PostgreSQL\n")
    a, b, out = tmp_path / "a.karar.yaml", tmp_path / "b.karar.yaml", tmp_path / "t.karar.yaml"
    for path in (a, b):
        path.write_text(
            "karar: 1\nmap: m.mmd\nnodes:\n"
            "  - path: [Stack, Data, PostgreSQL]\n    checked: true\n",
            encoding="utf-8",
        )
    result = karar("merge", str(a), str(b), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "votes: 2" in text and "voters: [a, b]" in text
    assert karar("merge", str(a), "-o", str(out)).returncode == 2
    assert karar("merge", str(a), str(tmp_path / "nope.karar.yaml"), "-o", str(out)).returncode == 1
