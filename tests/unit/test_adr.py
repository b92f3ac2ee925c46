"""Decision records (MADR 4.0): one file per question, checked line by line, and the folder
of them: stable numbers, Karar's own files updated, renamed or removed, anyone else's never
written over."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import markdown as python_markdown
import pytest
import yaml

from karar.core.adr import (
    RecordsError,
    export_records,
    plan_records,
    questions,
    record_file_name,
    record_text,
)
from karar.core.mermaid import parse_mermaid
from karar.core.model import MindMap, Node
from karar.core.project import NodeState
from karar.core.slug import slugify
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
    "      JWT\n"
    "      OAuth\n"
    "    Frontend\n"
    "      React\n"
)


def _map(text: str = MAP) -> MindMap:
    return parse_mermaid(text).map


def _node(mind_map: MindMap, label: str) -> Node:
    return next(n for n in mind_map if n.label == label)


def _state(
    decision: Decision | None, by: str | None = None, day: int | None = None, note: str = ""
) -> NodeState:
    return NodeState(
        checked=decision is Decision.CHOSEN,
        status=None if decision in (None, Decision.CHOSEN) else decision,
        by=by,
        date=None if day is None else dt.date(2026, 11, day),
        note=note,
    )


def _entries(mind_map: MindMap) -> dict[Node, NodeState]:
    n = lambda label: _node(mind_map, label)  # noqa: E731
    return {
        n("Veri Katmanı"): _state(None, note="Every app stores its data here."),
        n("PostgreSQL"): _state(
            Decision.CHOSEN, "Ayşe", 30, "We run PostgreSQL 16.\n\n# Trade-offs\n- Good, because"
        ),
        n("MySQL"): _state(Decision.REJECTED, "Can", 29, "No transactional DDL."),
        n("Valkey"): _state(Decision.CONSIDERING, "Can", 28),
        n("Redis"): _state(None, note="The licence changed."),
        n("JWT"): _state(Decision.REJECTED),
        n("OAuth"): _state(Decision.REJECTED, "Zeynep", 27),
    }


def _record(label: str) -> list[str]:
    mind_map = _map()
    question = _node(mind_map, label)
    path = mind_map.path_of(question)
    return record_text(question, path, _entries(mind_map), today=DAY).split("\n")


def test_questions_are_nodes_with_a_decided_child_in_map_order() -> None:
    mind_map = _map()
    got = [n.label for n in questions(mind_map, _entries(mind_map))]
    assert got == ["Veri Katmanı", "Önbellek & İşler", "Auth"]  # Redis has only a note


def test_accepted_record_line_by_line() -> None:
    assert _record("Veri Katmanı") == [
        "---",
        "status: accepted",
        "date: 2026-11-30",
        "decision-makers:",
        "  - Ayşe",
        "  - Can",
        "---",
        '<!-- karar-question: ["Stack", "Veri Katmanı"] -->',
        "<!-- Written by Karar from a project's decisions: change them in Karar and export "
        "again, edits made here are replaced. -->",
        "",
        "# Veri Katmanı",
        "",
        "## Context and Problem Statement",
        "",
        'Which of the options under "Veri Katmanı" do we take?',
        "",
        "Where it sits in the decision map: Stack › Veri Katmanı",
        "",
        "Every app stores its data here.",
        "",
        "## Considered Options",
        "",
        "* PostgreSQL",
        "* MySQL",
        "* SQLite",
        "",
        "## Decision Outcome",
        "",
        'Chosen option: "PostgreSQL", because we run PostgreSQL 16.',
        "",
        'Rejected: "MySQL".',
        "",
        "## Pros and Cons of the Options",
        "",
        "### PostgreSQL",
        "",
        "✓ **Chosen** by Ayşe on 2026-11-30.",
        "",
        "We run PostgreSQL 16.",
        "",
        "#### Trade-offs",  # the note's own heading, under the option's
        "- Good, because",
        "",
        "### MySQL",
        "",
        "✗ **Rejected** by Can on 2026-11-29.",
        "",
        "No transactional DDL.",
        "",
    ]


def test_proposed_record_says_what_is_under_consideration() -> None:
    lines = _record("Önbellek & İşler")
    assert lines[1:3] == ["status: proposed", "date: 2026-11-28"]
    outcome = lines.index("## Decision Outcome")
    assert lines[outcome + 2] == 'No option has been chosen yet. Under consideration: "Valkey".'
    assert lines[outcome + 4 :] == [
        "## Pros and Cons of the Options",
        "",
        "### Redis",  # undecided, but it has a note
        "",
        "The licence changed.",
        "",
        "### Valkey",
        "",
        "? **Under consideration** (Can, 2026-11-28).",
        "",
    ]
    assert lines[lines.index("## Considered Options") + 2 :][:2] == ["* Redis", "* Valkey"]


def test_rejected_record_says_nothing_was_chosen() -> None:
    lines = _record("Auth")
    assert lines[1:6] == [
        "status: rejected",
        "date: 2026-11-27",
        "decision-makers:",
        "  - Zeynep",
        "---",
    ]
    outcome = lines.index("## Decision Outcome")
    assert lines[outcome + 2] == 'No option was chosen: "JWT" and "OAuth" were rejected.'
    assert "✗ **Rejected**." in lines  # JWT: no who, no when


def test_no_decision_makers_and_no_date_recorded() -> None:
    mind_map = _map()
    entries = {_node(mind_map, "React"): _state(Decision.CHOSEN)}
    question = _node(mind_map, "Frontend")
    lines = record_text(question, mind_map.path_of(question), entries, today=DAY).split("\n")
    assert lines[:4] == ["---", "status: accepted", "date: 2026-12-05", "---"]
    assert 'Chosen option: "React"; no reason was recorded.' in lines
    assert "### Consequences" not in lines  # never an empty heading


def test_several_chosen_options_each_get_their_sentence() -> None:
    mind_map = _map()
    n = lambda label: _node(mind_map, label)  # noqa: E731
    entries = {
        n("PostgreSQL"): _state(Decision.CHOSEN, note="Because it is the primary."),
        n("SQLite"): _state(Decision.CHOSEN, note="- tests\n- local dev"),
        n("MySQL"): _state(Decision.CONSIDERING),
    }
    question = n("Veri Katmanı")
    text = record_text(question, mind_map.path_of(question), entries, today=DAY)
    outcome = text.split("## Decision Outcome\n\n")[1].split("\n\n## ")[0].split("\n\n")
    assert outcome == [
        'Chosen option: "PostgreSQL", because it is the primary.',
        'Chosen option: "SQLite"; its reasons are under "Pros and Cons of the Options" below.',
        'Still under consideration: "MySQL".',
    ]


def test_labels_are_markdown_as_in_the_snapshot_and_names_stay_yaml() -> None:
    mind_map = _map('mindmap\n  Root\n    Q["`**Bold** | pipe`"]\n      3. Three\n      a_b\n')
    three = _node(mind_map, "3. Three")
    entries = {three: _state(Decision.CHOSEN, by="yes: no", day=1)}
    question = three.parent
    assert question is not None
    text = record_text(question, mind_map.path_of(question), entries, today=DAY)
    lines = text.split("\n")
    assert "# **Bold** &#124; pipe" in lines
    assert "* 3\\. Three" in lines  # not an ordered list inside the item
    assert "* a\\_b" in lines
    front = yaml.safe_load(text.split("---\n")[1])
    assert front == {
        "status": "accepted",
        "date": dt.date(2026, 11, 1),
        "decision-makers": ["yes: no"],
    }


def test_marker_cannot_end_its_comment() -> None:
    mind_map = _map("mindmap\n  Root\n    Q --> x\n      A\n")
    a = _node(mind_map, "A")
    question = a.parent
    assert question is not None
    text = record_text(question, mind_map.path_of(question), {a: _state(Decision.CHOSEN)})
    marker = text.split("\n")[4]
    assert marker.startswith("<!-- karar-question: ") and marker.count("-->") == 1


def test_record_reads_well_as_html() -> None:
    text = "\n".join(_record("Veri Katmanı"))
    html = python_markdown.markdown(text.split("---\n", 2)[2])
    headings = [line for line in html.split("\n") if line.startswith("<h")]
    assert headings == [
        "<h1>Veri Katmanı</h1>",
        "<h2>Context and Problem Statement</h2>",
        "<h2>Considered Options</h2>",
        "<h2>Decision Outcome</h2>",
        "<h2>Pros and Cons of the Options</h2>",
        "<h3>PostgreSQL</h3>",
        "<h4>Trade-offs</h4>",
        "<h3>MySQL</h3>",
    ]
    assert "<strong>Chosen</strong>" in html


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("Önbellek & Asenkron İşler", "onbellek-asenkron-isler"),
        ("ÇAĞRI ışık Göğüs Şeker Üzüm", "cagri-isik-gogus-seker-uzum"),
        ("3. Veri Katmanı", "3-veri-katmani"),
        ("Crème brûlée / Straße", "creme-brulee-strasse"),
        ("日本語", "question"),
        ("  --  ", "question"),
        ("word " * 20, "-".join(["word"] * 12)),
        ("x" * 70, "x" * 60),
    ],
)
def test_slugs(label: str, slug: str) -> None:
    assert slugify(label) == slug
    assert len(slug) <= 60


def test_file_name_uses_the_plain_text_of_the_label() -> None:
    mind_map = _map('mindmap\n  R\n    Q["`**Güçlü** kimlik`"]\n')
    assert record_file_name(7, _node(mind_map, "**Güçlü** kimlik")) == "0007-guclu-kimlik.md"
    assert record_file_name(12345, _node(mind_map, "R")) == "12345-r.md"


# --------------------------------------------------------------------------- the folder


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_numbers_stay_when_an_earlier_question_becomes_decided(tmp_path: Path) -> None:
    mind_map = _map()
    entries = _entries(mind_map)
    later = {n: st for n, st in entries.items() if n.parent is _node(mind_map, "Auth")}
    plan = export_records(tmp_path / "adr", mind_map, later, today=DAY)
    assert _names(tmp_path / "adr") == ["0001-auth.md"]  # the folder is made
    assert plan.summary("adr") == "adr: 1 decision record (1 new)"
    plan = export_records(tmp_path / "adr", mind_map, entries, today=DAY)
    assert _names(tmp_path / "adr") == [
        "0001-auth.md",
        "0002-veri-katmani.md",
        "0003-onbellek-isler.md",
    ]
    assert plan.summary("adr") == "adr: 3 decision records (2 new)"


def test_identical_files_are_left_untouched(tmp_path: Path) -> None:
    mind_map = _map()
    entries = _entries(mind_map)
    export_records(tmp_path, mind_map, entries, today=DAY)
    old = 1_000_000_000
    for path in tmp_path.iterdir():
        os.utime(path, (old, old))
    entries[_node(mind_map, "JWT")].note = "Sessions are enough."
    plan = export_records(tmp_path, mind_map, entries, today=dt.date(2030, 1, 1))
    assert plan.summary("d") == "d: 3 decision records (1 updated)"
    changed = {p.name for p in tmp_path.iterdir() if p.stat().st_mtime != old}
    assert changed == {"0003-auth.md"}
    plan = export_records(tmp_path, mind_map, entries, today=dt.date(2030, 1, 2))
    assert plan.summary("d") == "d: 3 decision records (unchanged)" and not plan.write


def test_a_date_taken_from_today_is_kept_on_later_runs(tmp_path: Path) -> None:
    mind_map = _map()
    entries = {_node(mind_map, "React"): _state(Decision.CHOSEN)}
    export_records(tmp_path, mind_map, entries, today=DAY)
    plan = export_records(tmp_path, mind_map, entries, today=dt.date(2027, 3, 3))
    assert not plan.write
    assert "date: 2026-12-05" in (tmp_path / "0001-frontend.md").read_text(encoding="utf-8")


def _renamed(old: str, new: str) -> tuple[MindMap, dict[Node, NodeState]]:
    """The test map with one label changed, and the test entries moved along with it."""
    by_path = {_map().path_of(n): st for n, st in _entries(_map()).items()}
    renamed = _map(MAP.replace(old, new))
    moved = {}
    for node, path in renamed.paths().items():
        was = tuple(old if e == new else e for e in path)
        if was in by_path:
            moved[node] = by_path[was]
    return renamed, moved


def test_a_file_karar_did_not_write_is_never_overwritten(tmp_path: Path) -> None:
    mind_map = _map()
    entries = _entries(mind_map)
    export_records(tmp_path, mind_map, entries, today=DAY)
    mine = "# Our own record\n\nstatus: accepted\n"
    (tmp_path / "0001-database.md").write_text(mine, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(RecordsError) as caught:
        export_records(tmp_path, *_renamed("Veri Katmanı", "Database"), today=DAY)
    assert str(caught.value) == (
        f"{tmp_path}/0001-database.md: not written by Karar, not overwritten"
    )
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # nothing written


def test_new_numbers_follow_every_numbered_file(tmp_path: Path) -> None:
    mind_map = _map()
    (tmp_path / "0007-use-markdown.md").write_text("# adr-tools\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not numbered\n", encoding="utf-8")
    export_records(tmp_path, mind_map, _entries(mind_map), today=DAY)
    assert _names(tmp_path) == [
        "0007-use-markdown.md",
        "0008-veri-katmani.md",
        "0009-onbellek-isler.md",
        "0010-auth.md",
        "notes.md",
    ]


def test_own_file_is_removed_when_its_question_is_no_longer_decided(tmp_path: Path) -> None:
    mind_map = _map()
    entries = _entries(mind_map)
    export_records(tmp_path, mind_map, entries, today=DAY)
    (tmp_path / "0099-ours.md").write_text("# hand-written\n", encoding="utf-8")
    for node in list(entries):
        if node.parent is _node(mind_map, "Önbellek & İşler"):
            entries[node] = _state(None, note=entries[node].note)
    plan = export_records(tmp_path, mind_map, entries, today=DAY)
    assert plan.summary("d") == "d: 2 decision records (1 removed)"
    assert _names(tmp_path) == ["0001-veri-katmani.md", "0003-auth.md", "0099-ours.md"]


def test_renamed_question_keeps_its_number(tmp_path: Path) -> None:
    mind_map = _map()
    export_records(tmp_path, mind_map, _entries(mind_map), today=DAY)
    plan = export_records(tmp_path, *_renamed("Veri Katmanı", "Database"), today=DAY)
    assert plan.summary("d") == "d: 3 decision records (1 updated)"
    assert _names(tmp_path) == ["0001-database.md", "0002-onbellek-isler.md", "0003-auth.md"]
    text = (tmp_path / "0001-database.md").read_text(encoding="utf-8")
    assert '<!-- karar-question: ["Stack", "Database"] -->' in text


def test_an_edited_label_keeps_its_number_beside_a_new_question(tmp_path: Path) -> None:
    mind_map = _map()
    export_records(tmp_path, mind_map, _entries(mind_map), today=DAY)
    edited, entries = _renamed("Önbellek & İşler", "Önbellek ve İşler")
    entries[_node(edited, "React")] = _state(Decision.CHOSEN)  # a new question, same parent
    plan = export_records(tmp_path, edited, entries, today=DAY)
    assert plan.summary("d") == "d: 4 decision records (1 new, 1 updated)"
    assert _names(tmp_path) == [
        "0001-veri-katmani.md",
        "0002-onbellek-ve-isler.md",
        "0003-auth.md",
        "0004-frontend.md",
    ]


def test_a_file_without_the_marker_loses_its_claim(tmp_path: Path) -> None:
    mind_map = _map()
    export_records(tmp_path, mind_map, _entries(mind_map), today=DAY)
    edited = tmp_path / "0001-veri-katmani.md"
    edited.write_text(edited.read_text(encoding="utf-8").split("\n", 8)[8], encoding="utf-8")
    plan = export_records(tmp_path, mind_map, _entries(mind_map), today=DAY)
    assert plan.summary("d") == "d: 3 decision records (1 new)"
    assert _names(tmp_path) == [
        "0001-veri-katmani.md",  # the team's now: kept as it is
        "0002-onbellek-isler.md",
        "0003-auth.md",
        "0004-veri-katmani.md",
    ]


def test_a_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "adr"
    target.write_text("x", encoding="utf-8")
    mind_map = _map()
    with pytest.raises(RecordsError, match=r"adr: is a file, not a folder$"):
        plan_records(target, mind_map, _entries(mind_map))


def test_nothing_decided_writes_no_record(tmp_path: Path) -> None:
    plan = export_records(tmp_path / "adr", _map(), {}, today=DAY)
    assert plan.records == [] and _names(tmp_path / "adr") == []
    assert plan.summary("adr") == "adr: 0 decision records (unchanged)"
