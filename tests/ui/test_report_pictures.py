"""The decision report's branch pictures (ui.reportpictures) and its page breaks
(ui.reportpdf): a picture per section showing the branch without the root and every
decision, folds that would hide one opened, tall pictures cut between rows of nodes, a map
too wide for readable labels split in its two sides; no table row and no heading cut by a
page's foot."""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextDocument

from karar.core import project as projects
from karar.core.decision_report import break_rows, decision_report_html, report_sections
from karar.core.mermaid import parse_mermaid
from karar.core.model import MindMap, Node
from karar.core.project import NodeState, Project
from karar.core.state import MapState
from karar.ui.qtapp import ensure_app
from karar.ui.reportpdf import cut_rows, keep_headings, text_area
from karar.ui.reportpictures import (
    LEAST_SCALE,
    MAX_HEIGHT,
    BranchPictures,
    PictureSlice,
    shown_folds,
)

DATA = Path(__file__).parent.parent / "data"


def _adr() -> tuple[MindMap, Project, dict[Node, NodeState]]:
    project = projects.load(DATA / "adr-django.karar.yaml")
    mind_map = projects.open_map(project)
    return mind_map, project, dict(MapState(mind_map, project).entries())


def _pictures(
    mind_map: MindMap, project: Project, entries: dict[Node, NodeState]
) -> BranchPictures:
    width, height = text_area()
    sections = report_sections(mind_map, entries)
    return BranchPictures(mind_map, project, sections, entries, width=width, page_height=height)


def _inside(node: Node, pictures: BranchPictures, parts: list[PictureSlice]) -> bool:
    scene = pictures._show(parts[0].branch)
    assert scene.layout is not None
    box = scene.layout.boxes.get(node)
    if box is None:
        return False
    return any(
        x <= box.x and box.x + box.w <= x + w and y <= box.y and box.y + box.h <= y + h
        for x, y, w, h in (p.source for p in parts)
    )


def test_every_section_has_its_branch_without_the_root_and_every_decision() -> None:
    mind_map, project, entries = _adr()
    pictures = _pictures(mind_map, project, entries)
    sections = report_sections(mind_map, entries)
    assert list(pictures.slices) == [s.branch for s in sections]
    width, _ = text_area()
    for section in sections:
        parts = pictures.slices[section.branch]
        assert all(p.width <= width + 0.5 for p in parts)
        assert _inside(section.branch, pictures, parts)
        assert not _inside(mind_map.root, pictures, parts)  # type: ignore[arg-type]
        decided = [n for n in section.branch.walk() if n in entries and entries[n].decision]
        assert decided and all(_inside(n, pictures, parts) for n in decided)


def test_a_fold_that_would_hide_a_decision_is_opened_the_others_kept() -> None:
    mind_map = parse_mermaid("mindmap\n  R\n    A\n      Q\n        x\n    B\n      y\n").map
    a, b = mind_map.root.children  # type: ignore[union-attr]
    entries = {
        a: NodeState(collapsed=True),
        a.children[0].children[0]: NodeState(checked=True),
        b: NodeState(collapsed=True),
    }
    assert shown_folds(mind_map, entries) == [b]


def _tall_map(leaves: int) -> MindMap:
    lines = ["mindmap", "  Root", "    Branch", "      Question"]
    lines += [f"        option {i}" for i in range(leaves)]
    return parse_mermaid("\n".join(lines) + "\n").map


def test_a_tall_picture_is_cut_between_rows_of_nodes_into_slices_that_fit_a_page() -> None:
    mind_map = _tall_map(120)
    question = mind_map.root.children[0].children[0]  # type: ignore[union-attr]
    project = Project(map_ref="test")
    entries = {question.children[0]: NodeState(checked=True)}
    width, height = text_area()
    sections = report_sections(mind_map, entries)
    pictures = BranchPictures(mind_map, project, sections, entries, width=width, page_height=height)
    parts = pictures.slices[sections[0].branch]
    assert len(parts) >= 3
    assert all(p.height <= height * MAX_HEIGHT + 0.5 for p in parts)
    # the slices follow each other with nothing lost, and no label is cut
    for above, below in itertools.pairwise(parts):
        assert above.source[1] + above.source[3] == below.source[1]
    scene = pictures._show(parts[0].branch)
    assert scene.layout is not None
    cuts = [p.source[1] for p in parts[1:]]
    for node in question.children:
        box = scene.layout.boxes[node]
        assert not any(box.y < cut < box.y + box.h for cut in cuts), node.label
        assert _inside(node, pictures, parts)


def test_the_root_and_its_branches_too_wide_for_the_page_are_two_pieces() -> None:
    lines = ["mindmap", "  A root label that is rather long"]
    for i in range(12):
        lines += [f"    A first-level branch with a long label {i}", f"      option {i}"]
    mind_map = parse_mermaid("\n".join(lines) + "\n").map
    root = mind_map.root
    assert root is not None
    entries = {c: NodeState(checked=True) for c in root.children[:2]}
    pictures = _pictures(mind_map, Project(map_ref="test"), entries)
    parts = pictures.slices[root]
    assert len(parts) == 2
    assert all(p.width / p.source[2] >= LEAST_SCALE for p in parts)  # labels stay 7 pt
    assert all(_inside(c, pictures, parts) for c in root.children)
    assert all(_inside(root, pictures, [p]) for p in parts)


def _laid_out(html: str, height: float) -> QTextDocument:
    ensure_app()
    document = QTextDocument()
    document.setHtml(html)
    document.setPageSize(QSizeF(600, height))
    return document


def _report_of_many_questions() -> str:
    lines = ["mindmap", "  R", "    B"]
    for i in range(30):
        lines += [f"      Question {i}", f"        yes {i}", f"        no {i}"]
    mind_map = parse_mermaid("\n".join(lines) + "\n").map
    entries: dict[Node, NodeState] = {}
    for question in mind_map.root.children[0].children:  # type: ignore[union-attr]
        yes, no = question.children
        entries[yes] = NodeState(checked=True, by="A person with a long name")
        entries[no] = NodeState(checked=False, note="Because.\n\nAnd because.")
    return decision_report_html(mind_map, entries)


def test_rows_cut_by_a_page_foot_are_moved_whole() -> None:
    html = _report_of_many_questions()
    height = 400.0
    document = _laid_out(html, height)
    cut = cut_rows(document, height)
    assert cut  # the test's pages do cut rows
    moved: set[int] = set()
    while cut - moved:
        moved |= cut
        document = _laid_out(break_rows(html, sorted(moved)), height)
        cut = cut_rows(document, height)
    assert cut_rows(document, height) == set()


def test_a_heading_left_at_a_page_foot_moves_to_the_next_page() -> None:
    paragraphs = "".join(f"<p>Paragraph {i}</p>" for i in range(40))
    headed = "".join(f"<h3>Heading {i}</h3><p>{'text ' * 80}</p>" for i in range(12))
    document = _laid_out(f"{paragraphs}{headed}", 300.0)
    layout = document.documentLayout()

    def lone() -> list[str]:
        found = []
        block = document.begin()
        while block.isValid():
            following = block.next()
            if block.blockFormat().headingLevel() and following.isValid():
                top = layout.blockBoundingRect(block).top()
                line = following.layout().lineAt(0)
                first = layout.blockBoundingRect(following).top() + line.y() + line.height()
                if top // 300 != (first - 1) // 300:
                    found.append(block.text())
            block = following
        return found

    assert lone()  # the test's pages do leave a heading alone
    assert keep_headings(document, 300.0) >= 1
    assert lone() == []
