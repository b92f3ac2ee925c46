"""``karar export --project P --report`` as a user runs it: the decision document as one
self-contained HTML file and as a PDF, each holding every decided label and every note
(the PDF read back with pdftotext), and the usage errors (exit 2)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
import yaml
from karar_cli import karar
from poppler import bookmarks, word_boxes

DATA = Path(__file__).parent.parent / "data"
PROJECT = DATA / "adr-django.karar.yaml"


def _squeezed(text: str) -> str:
    """Text to compare with what a PDF or an HTML page shows: ligatures undone, Markdown
    marks and all white space dropped (cells and lines wrap anywhere)."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s*_`#\-\[\]]+", "", text)


def _expected() -> tuple[list[str], list[str]]:
    """The decided nodes' labels and all notes of the project."""
    nodes = yaml.safe_load(PROJECT.read_text(encoding="utf-8"))["nodes"]
    decided = [n["path"][-1] for n in nodes if n.get("checked") or n.get("status")]
    notes = [n["note"] for n in nodes if n.get("note")]
    assert len(decided) >= 15 and len(notes) >= 5
    return decided, notes


def test_html_report_holds_every_decision_and_note(tmp_path: Path) -> None:
    shutil.copy(PROJECT, tmp_path / "team.karar.yaml")
    result = karar(
        "export", "--project", "team.karar.yaml", "--report", "-o", "decisions.html", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == result.stdout == ""
    page = (tmp_path / "decisions.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing loaded
    text = _squeezed(re.sub(r"<[^>]+>", " ", page).replace("&amp;", "&"))
    decided, notes = _expected()
    for label in decided:
        assert _squeezed(label) in text, label
    for note in notes:
        for paragraph in note.split("\n\n"):
            assert _squeezed(paragraph) in text, paragraph
    assert "team.karar.yaml" in page


def test_pdf_report_holds_every_decision_and_note(tmp_path: Path) -> None:
    assert shutil.which("pdftotext"), "pdftotext is missing: apt-get install poppler-utils"
    out = tmp_path / "decisions.pdf"
    result = karar("export", "--project", str(PROJECT), "--report", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert out.read_bytes().startswith(b"%PDF")
    shown = subprocess.run(
        ["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = _squeezed(shown)
    decided, notes = _expected()
    for label in decided:
        assert _squeezed(label) in text, label
    for note in notes:
        for paragraph in note.split("\n\n"):
            assert _squeezed(paragraph) in text, paragraph
    pages = shown.split("\f")
    assert "Decision report" in pages[0]
    assert re.search(r"1 / \d+", pages[0])  # numbered pages
    assert all("— decisions" in page for page in pages[1:-1])  # the foot names the map


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--report", "-o", "x.html"], "--report needs --project"),
        (["--project", str(PROJECT), "--report", "-o", "x.txt"], "-o OUT.html or -o OUT.pdf"),
        (["--project", str(PROJECT), "--report"], "-o OUT.html or -o OUT.pdf"),
    ],
)
def test_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    result = karar("export", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_broken_project_is_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "bad.karar.yaml"
    broken.write_text("karar: 1\nmap: [\n", encoding="utf-8")
    result = karar("export", "--project", str(broken), "--report", "-o", "x.html", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("karar: error: ") and result.stderr.count("\n") == 1
    assert not (tmp_path / "x.html").exists()


def test_pdf_report_has_a_bookmark_per_branch_on_its_page(tmp_path: Path) -> None:
    out = tmp_path / "decisions.pdf"
    result = karar("export", "--project", str(PROJECT), "--report", "-o", str(out))
    assert result.returncode == 0, result.stderr
    # poppler reads the outline back: an independent reader of the incremental update
    marks = bookmarks(out)
    assert [title for title, _ in marks] == [
        "Summary",
        "2. Proje Tipi / Mimari",
        "3. Veri Katmanı",
        "4. API & Entegrasyon Stilleri",
        "5. Kimlik Doğrulama & Yetkilendirme",
        "6. Önbellek & Asenkron İşler",
        "13. Deploy & Infra",
    ]
    pages = subprocess.run(
        ["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    assert marks[0][1] == 0
    for title, page in marks[1:]:
        # the branch's heading opens its page
        assert pages[page].startswith(f"{title}\n"), (title, pages[page][:80])


def _picture_labels() -> dict[str, list[str]]:
    """Per section branch (its label), labels only its picture shows: undecided nodes of
    the branch that no table, heading or note names."""
    from karar.core import project as projects
    from karar.core.state import MapState

    project = projects.load(PROJECT)
    mind_map = projects.open_map(project)
    entries = dict(MapState(mind_map, project).entries())
    said = _squeezed(
        " ".join(n.label for n in entries) + " ".join(s.note for s in entries.values())
    )
    out: dict[str, list[str]] = {}
    for branch in mind_map.root.children:  # type: ignore[union-attr]
        if not any(entries.get(n) and entries[n].decision for n in branch.walk()):
            continue
        quiet = [
            n.label
            for n in branch.walk()
            if n not in entries and _squeezed(n.label) not in said and n.label.isascii()
        ]
        out[branch.label] = quiet[:3]
    return out


def test_each_pdf_section_has_its_branch_picture_drawn_as_vectors(tmp_path: Path) -> None:
    out = tmp_path / "decisions.pdf"
    result = karar("export", "--project", str(PROJECT), "--report", "-o", str(out))
    assert result.returncode == 0, result.stderr
    marks = {title: page + 1 for title, page in bookmarks(out)}
    images = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    image_pages = {int(line.split()[0]) for line in images}
    pictures = _picture_labels()
    assert len(pictures) == len(marks) - 1
    for branch, labels in pictures.items():
        page = marks[branch]  # 1-based
        assert page in image_pages, branch  # the picture's place in the page's text
        shown = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(out), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        # the picture's labels are the page's text: drawn as vectors, not pixels
        assert labels, branch
        for label in labels:
            assert _squeezed(label) in _squeezed(shown), (branch, label)


def test_each_html_section_has_its_picture_inline(tmp_path: Path) -> None:
    result = karar(
        "export", "--project", str(PROJECT), "--report", "-o", "decisions.html", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "decisions.html").read_text(encoding="utf-8")
    sections = page.split('<h2 class="section">')[1:]
    pictures = _picture_labels()
    assert len(sections) == len(pictures)
    faces = re.findall(r"@font-face\{[^}]*font-weight:(\d+);font-style:(\w+)", page)
    assert faces and len(set(faces)) == len(faces)  # each face once: a later one would hide it
    assert "@font-face" in page[: page.index("</svg>")]  # in the first picture
    for section, (branch, labels) in zip(sections, pictures.items(), strict=True):
        assert section.count("<svg") == 1, branch
        svg = section[section.index("<svg") : section.index("</svg>")]
        texts = re.findall(r"<text\b[^>]*>(.*?)</text>", svg, re.S)
        words = _squeezed(html.unescape(" ".join(texts)))  # a long label wraps in lines
        for label in labels:
            assert _squeezed(label) in words, (branch, label)
    assert not re.search(r"""(src|href)=["']?(https?:|file:|/)""", page)
    assert "<img" not in page


def test_a_tall_branch_picture_is_cut_in_slices_each_drawn_on_one_page(tmp_path: Path) -> None:
    lines = ["mindmap", "  Root", "    Big branch"]
    for q in range(8):
        lines.append(f"      Question {q}")
        lines += [f"        option q{q}n{i}" for i in range(12)]
    (tmp_path / "tall.mmd").write_text("\n".join(lines) + "\n", encoding="utf-8")
    nodes = [
        {"path": ["Root", "Big branch", f"Question {q}", f"option q{q}n0"], "checked": True}
        for q in range(8)
    ]
    project = {"karar": 1, "map": "tall.mmd", "nodes": nodes}
    (tmp_path / "tall.karar.yaml").write_text(yaml.safe_dump(project), encoding="utf-8")
    out = tmp_path / "decisions.pdf"
    result = karar(
        "export", "--project", "tall.karar.yaml", "--report", "-o", str(out), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    pages = subprocess.run(
        ["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    slices = [p for p in pages if "q3n5" in p or "q0n5" in p or "q7n5" in p]
    assert len(slices) >= 3  # the picture spans pages
    text = "\n".join(pages)
    counts = [len(re.findall(rf"\bq{q}n{i}\b", text)) for q in range(8) for i in range(1, 12)]
    # each label on one page: a slice is drawn on its own page only (not a hair of it on
    # the page before), a label next to a cut by one slice only (pdftotext reads text a
    # clip hides)
    assert counts == [1] * len(counts)


def test_no_text_of_the_report_is_drawn_over_other_text(tmp_path: Path) -> None:
    # 20 decisions over 9 branches, notes with lists, links and code: a table ends just
    # above a page's foot, where Qt drew its repeated head over the next page's heading
    shutil.copy(DATA / "report-20.karar.yaml", tmp_path / "team.karar.yaml")
    out = tmp_path / "decisions.pdf"
    result = karar(
        "export", "--project", "team.karar.yaml", "--report", "-o", str(out), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    overlaps = []
    for number, words in enumerate(word_boxes(out), start=1):
        for i, (a, ax0, ay0, ax1, ay1) in enumerate(words):
            for b, bx0, by0, bx1, by1 in words[i + 1 :]:
                # lines of text touch (their boxes share 0.02 pt at most), never overlap
                if min(ax1, bx1) - max(ax0, bx0) > 1 and min(ay1, by1) - max(ay0, by0) > 0.2:
                    overlaps.append((number, a, b))
    assert overlaps == []
