"""The decision document (core.decision_report): sections per first-level branch, the
question table, every decided node and its note, escaping, nothing loaded from elsewhere."""

from __future__ import annotations

import datetime as dt
import re

from karar.core.decision_report import (
    break_rows,
    decision_report_html,
    report_bookmarks,
    report_sections,
)
from karar.core.mermaid import parse_mermaid
from karar.core.model import MindMap, Node
from karar.core.project import NodeState
from karar.core.status import Decision

DAY = dt.date(2026, 12, 5)
MAP = (
    "mindmap\n"
    "  Stack\n"
    "    Veri Katmanı\n"
    "      PostgreSQL\n"
    "      MySQL\n"
    "      SQLite\n"
    "    Önbellek & İşler\n"
    "      Redis\n"
    "      Valkey\n"
    "    Auth\n"
    "      Sessions\n"
    "      JWT\n"
)


def _map() -> MindMap:
    return parse_mermaid(MAP).map


def _node(mind_map: MindMap, *labels: str) -> Node:
    node = mind_map.find([mind_map.root.label, *labels])  # type: ignore[union-attr]
    assert node is not None, labels
    return node


def _entries(mind_map: MindMap) -> dict[Node, NodeState]:
    return {
        _node(mind_map, "Veri Katmanı"): NodeState(note="Where the data lives."),
        _node(mind_map, "Veri Katmanı", "PostgreSQL"): NodeState(
            checked=True, by="Ayşe", date=dt.date(2026, 11, 30), note="JSON, *full-text* search."
        ),
        _node(mind_map, "Veri Katmanı", "MySQL"): NodeState(
            status=Decision.REJECTED, by="Can", date=dt.date(2026, 11, 29), note="No DDL txns."
        ),
        _node(mind_map, "Önbellek & İşler", "Valkey"): NodeState(
            status=Decision.CONSIDERING, note="<script>alert(1)</script> ![x](http://e/x.png)"
        ),
    }


def _text(document: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", document))


def test_sections_are_the_first_level_branches_with_questions_in_map_order() -> None:
    mind_map = _map()
    sections = report_sections(mind_map, _entries(mind_map))
    assert [s.branch.label for s in sections] == ["Veri Katmanı", "Önbellek & İşler"]
    assert [[q.label for q in s.questions] for s in sections] == [
        ["Veri Katmanı"],
        ["Önbellek & İşler"],
    ]


def test_a_deeper_question_belongs_to_its_first_level_branch() -> None:
    mind_map = parse_mermaid("mindmap\n  R\n    A\n      Q\n        x\n        y\n    B\n").map
    x = _node(mind_map, "A", "Q", "x")
    sections = report_sections(mind_map, {x: NodeState(checked=True)})
    assert [(s.branch.label, [q.label for q in s.questions]) for s in sections] == [("A", ["Q"])]


def test_the_root_is_a_section_when_its_children_are_decided() -> None:
    mind_map = parse_mermaid("mindmap\n  R\n    A\n    B\n").map
    a = _node(mind_map, "A")
    sections = report_sections(mind_map, {a: NodeState(checked=True)})
    assert [s.branch.label for s in sections] == ["R"]


def test_every_decided_node_and_its_note_is_in_the_document() -> None:
    mind_map = _map()
    entries = _entries(mind_map)
    document = decision_report_html(mind_map, entries, project_name="p.karar.yaml", today=DAY)
    text = _text(document)
    for node, state in entries.items():
        assert node.label.replace("&", "&amp;") in document
        if state.decision is not None:
            assert state.decision.value in text
    assert "JSON, <em>full-text</em> search." in document  # rendered as Markdown
    assert "No DDL txns." in text
    assert "Where the data lives." in text  # the question's context
    assert "Auth" not in text  # no decision there


def test_the_question_table_row() -> None:
    mind_map = _map()
    document = decision_report_html(mind_map, _entries(mind_map), today=DAY)
    row = re.search(r"<tr><td>Veri Katmanı</td>.*?</tr>", document)
    assert row is not None
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(0))
    assert [re.sub(r"<[^>]+>", "", c) for c in cells] == [
        "Veri Katmanı",
        "PostgreSQL",
        "MySQL",
        "",
        "Ayşe, Can",
        "2026-11-30",
    ]


def test_title_page_names_project_participants_date_and_counts() -> None:
    mind_map = _map()
    document = decision_report_html(
        mind_map,
        _entries(mind_map),
        project_name="team.karar.yaml",
        participants=["Mehmet"],
        today=DAY,
    )
    text = _text(document)
    assert '<h1><a name="summary"></a>Stack</h1>' in document
    assert "Project team.karar.yaml" in text
    assert "Participants Mehmet, Ayşe, Can" in text
    assert "Date 2026-12-05" in text
    assert "Chosen 1 Rejected 1 Considering 1 Undecided 7 Questions 2" in text


def test_labels_and_notes_are_escaped_and_nothing_is_loaded() -> None:
    mind_map = parse_mermaid('mindmap\n  R\n    Q <b>x</b> & "y"\n      a < b\n').map
    a = _node(mind_map, 'Q <b>x</b> & "y"', "a < b")
    document = decision_report_html(
        mind_map,
        {
            a: NodeState(
                checked=True, by="<Eve>", note="<img src=x onerror=alert(1)> [l](javascript:x)"
            )
        },
        today=DAY,
    )
    assert "<b>x</b>" not in document  # drawn as plain text, as on the map
    assert "Q x &amp; &quot;y&quot;" in document
    assert "a &lt; b" in document
    assert "&lt;Eve&gt;" in document and "<Eve>" not in document
    assert "<img" not in document
    assert "javascript:" not in document.replace("[l](javascript:x)", "")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", document)
    assert "<link" not in document and "<script" not in document


def test_an_image_in_a_note_is_never_fetched() -> None:
    mind_map = _map()
    document = decision_report_html(mind_map, _entries(mind_map), today=DAY)
    assert "<img" not in document and "http://e/x.png" not in document
    assert "[image: x]" in document
    assert "&lt;script&gt;" in document


def test_noto_sans_comes_first_and_each_branch_starts_a_page() -> None:
    mind_map = _map()
    document = decision_report_html(mind_map, _entries(mind_map), today=DAY)
    assert re.search(r'font-family: "Noto Sans",', document)
    assert document.count('<h2 class="section">') == 2


def test_a_branch_picture_is_embedded_as_a_data_uri() -> None:
    mind_map = _map()
    branch = _node(mind_map, "Veri Katmanı")
    document = decision_report_html(
        mind_map, _entries(mind_map), today=DAY, pictures={branch: b"\x89PNG fake"}
    )
    assert document.count('src="data:image/png;base64,iVBORyBmYWtl"') == 1


def test_a_map_without_decisions() -> None:
    document = decision_report_html(_map(), {}, today=DAY)
    assert "No decisions have been taken yet." in document
    assert "<h2" not in document


def test_bookmarks_are_the_title_page_then_each_section_and_their_anchors_exist() -> None:
    mind_map = _map()
    entries = _entries(mind_map)
    marks = report_bookmarks(mind_map, entries)
    assert marks == [
        ("summary", "Summary"),
        ("branch-1", "Veri Katmanı"),
        ("branch-2", "Önbellek & İşler"),
    ]
    document = decision_report_html(mind_map, entries, today=DAY)
    for anchor, _ in marks:
        assert document.count(f'<a name="{anchor}"></a>') == 1


def test_a_branch_picture_given_as_markup_stands_under_its_heading_with_a_caption() -> None:
    mind_map = _map()
    branch = _node(mind_map, "Veri Katmanı")
    document = decision_report_html(
        mind_map, _entries(mind_map), today=DAY, pictures={branch: "<svg><text>m</text></svg>"}
    )
    section = document.split('<a name="branch-1"></a>')[1].split('<a name="branch-2"></a>')[0]
    picture = section.index('<div class="picture"><svg><text>m</text></svg></div>')
    assert section.index("Veri Katmanı on the map. Ticked: chosen;") > picture  # what marks mean
    assert section.index("<table") > picture  # the picture first, then the table and notes
    assert document.count("<svg") == 1  # the other section has none given


def _rows_of(document: str) -> list[str]:
    return re.findall(r"<tr><td>.*?</tr>", document)


def test_break_rows_closes_the_table_and_opens_it_again_on_a_new_page() -> None:
    mind_map = parse_mermaid("mindmap\n  R\n    B\n      Q1\n        a\n      Q2\n        b\n").map
    entries = {
        _node(mind_map, "B", "Q1", "a"): NodeState(checked=True),
        _node(mind_map, "B", "Q2", "b"): NodeState(checked=True),
    }
    document = decision_report_html(mind_map, entries, today=DAY)
    assert document.count("<table border") == 1 and 'style="page-break' not in document
    # a row after the first: the table is closed before it and opened again, head and all
    split = break_rows(document, [1])
    assert split.count("<table border") == 2 and split.count("<thead>") == 2
    assert split.index("<td>Q1</td>") < split.index('style="page-break-before: always"')
    assert split.index('style="page-break-before: always"') < split.index("<td>Q2</td>")
    assert _rows_of(split) == _rows_of(document)
    # the first row: the whole table moves, no empty head is left behind
    moved = break_rows(document, [0])
    assert moved.count("<table border") == 1
    assert moved.count('style="page-break-before: always"><thead>') == 1
    assert _rows_of(moved) == _rows_of(document)
