"""``karar export --scope``: what each picture shows (labels in the SVG's text), and bad
scopes as usage errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_cli import karar


def _project(tmp_path: Path) -> Path:
    (tmp_path / "m.mmd").write_text(
        "mindmap\n  Stack\n    Data\n      PostgreSQL\n      MySQL\n    Cache\n      Redis\n"
        "    Queue\n      Celery\n",
        encoding="utf-8",
    )
    path = tmp_path / "team.karar.yaml"
    path.write_text(
        "karar: 1\nmap: m.mmd\nnodes:\n"
        "  - path: [Stack, Data, PostgreSQL]\n    checked: true\n"
        "  - path: [Stack, Cache]\n    collapsed: true\n",
        encoding="utf-8",
    )
    return path


def _labels(svg: Path) -> set[str]:
    return set(re.findall(r"<text[^>]*>([^<]*)</text>", svg.read_text(encoding="utf-8")))


LABELS = {"Stack", "Data", "PostgreSQL", "MySQL", "Cache", "Redis", "Queue", "Celery"}


@pytest.mark.parametrize(
    ("scope", "drawn"),
    [
        (None, LABELS - {"Redis"}),  # today's default: the project's folds
        ("folded", LABELS - {"Redis"}),
        ("all", LABELS),
        ("decisions", {"Stack", "Data", "PostgreSQL"}),
        ("branch:1", {"Stack", "Data", "PostgreSQL", "MySQL"}),
        ("branch:2", {"Stack", "Cache", "Redis"}),  # a branch is drawn unfolded
        ("branch:3", {"Stack", "Queue", "Celery"}),
    ],
)
def test_each_scope_draws_its_labels(tmp_path: Path, scope: str | None, drawn: set[str]) -> None:
    out = tmp_path / "map.svg"
    args = ["export", "--project", str(_project(tmp_path)), "-o", str(out)]
    result = karar(*args, *(["--scope", scope] if scope else []))
    assert result.returncode == 0, result.stderr
    labels = _labels(out)
    assert drawn <= labels and not (LABELS - drawn) & labels


def test_decisions_only_is_scope_decisions(tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    args = ["export", "--project", str(_project(tmp_path)), "-o", str(out)]
    assert karar(*args, "--decisions-only", "--scope", "decisions").returncode == 0
    assert _labels(out) & LABELS == {"Stack", "Data", "PostgreSQL"}
    clash = karar(*args, "--decisions-only", "--scope", "all")
    assert clash.returncode == 2
    assert clash.stderr.splitlines()[-1] == (
        "karar: error: --decisions-only contradicts --scope all"
    )


@pytest.mark.parametrize("bad", ["bogus", "branch", "branch:0", "branch:x", "branch:-1"])
def test_a_bad_scope_is_a_usage_error_naming_the_choices(tmp_path: Path, bad: str) -> None:
    result = karar("export", "-o", str(tmp_path / "map.png"), f"--scope={bad}")
    assert result.returncode == 2
    assert "all, folded, decisions, branch:N" in result.stderr.splitlines()[-1]
    assert not (tmp_path / "map.png").exists()


def test_a_branch_past_the_last_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "map.png"
    result = karar(
        "export", "--project", str(_project(tmp_path)), "-o", str(out), "--scope", "branch:4"
    )
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "karar: error: --scope branch:4: the map has 3 first-level branches"
    )
    assert not out.exists()


@pytest.mark.parametrize("suffix", ["png", "pdf"])
def test_scope_applies_to_png_and_pdf(tmp_path: Path, suffix: str) -> None:
    project = _project(tmp_path)
    sizes = {}
    for scope in ("all", "branch:3"):
        out = tmp_path / f"{scope.replace(':', '')}.{suffix}"
        result = karar("export", "--project", str(project), "-o", str(out), "--scope", scope)
        assert result.returncode == 0, result.stderr
        sizes[scope] = out.stat().st_size
    assert sizes["branch:3"] < sizes["all"]


def test_a_png_too_big_to_read_is_refused_in_one_line(tmp_path: Path) -> None:
    lines = ["mindmap", "  Root"]
    for a in range(20):
        lines.append(f"    Branch {a}")
        for b in range(20):
            lines.append(f"      Topic {a}.{b}")
            lines += [f"        Option {a}.{b}.{c}" for c in range(25)]
    big = tmp_path / "big.mmd"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")  # 10,421 nodes
    out = tmp_path / "big.png"
    result = karar("export", str(big), "-o", str(out))
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert re.fullmatch(
        rf"karar: error: {re.escape(str(out))}: the picture would be \d+ x \d{{6}} px with "
        r"readable labels, beyond the 16384 px a PNG may have: write it as \d+ tiles "
        r"\(--tiles\), export a PDF poster "
        r"\(--pages poster\) or one branch \(--scope branch:N\)",
        line,
    ), line
    assert not out.exists()  # never a squeezed strip
    one = tmp_path / "one.png"  # the advice holds: one branch fits, scaled a little
    branch = karar("export", str(big), "-o", str(one), "--scope", "branch:1")
    assert branch.returncode == 0 and "scaled to 16384 px" in branch.stderr
    assert one.read_bytes().startswith(b"\x89PNG")
