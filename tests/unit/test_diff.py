"""What ``karar diff`` says changed between two projects: each kind of change, grouping and
order, labels, and the two ways of writing it (a terminal, a wiki page)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import markdown as python_markdown
import pytest

from karar.core import project as projects
from karar.core.diff import (
    ProjectDiff,
    diff_projects,
    note_lines,
    read_maps,
    render_markdown,
    render_text,
)
from karar.core.mermaid import parse_mermaid
from karar.core.model import MindMap, NodePath
from karar.core.project import NodeState, Project
from karar.core.status import Decision

MAP = """mindmap
  Stack
    Data
      PostgreSQL
      MySQL
      Redis
    Auth
      JWT
      Sessions
    Cache
      Redis
"""
PG: NodePath = ("Stack", "Data", "PostgreSQL")
MY: NodePath = ("Stack", "Data", "MySQL")
JWT: NodePath = ("Stack", "Auth", "JWT")
SESSIONS: NodePath = ("Stack", "Auth", "Sessions")
DATA_REDIS: NodePath = ("Stack", "Data", "Redis")
CACHE_REDIS: NodePath = ("Stack", "Cache", "Redis")
NOV1, NOV30 = dt.date(2026, 11, 1), dt.date(2026, 11, 30)


def _map(text: str = MAP) -> MindMap:
    return parse_mermaid(text).map


def _project(entries: dict[NodePath, NodeState]) -> Project:
    return Project(map_ref="builtin:django", entries=dict(entries))


def _diff(
    old: dict[NodePath, NodeState], new: dict[NodePath, NodeState], **maps: MindMap | None
) -> ProjectDiff:
    mind_map = _map()
    return diff_projects(
        _project(old),
        _project(new),
        old_map=maps.get("old_map", mind_map),
        new_map=maps.get("new_map", mind_map),
    )


def _text(result: ProjectDiff) -> list[str]:
    """The text output's lines between the header and the summary."""
    return render_text(result, "old", "new").splitlines()[1:-2]


def chosen(**kw: object) -> NodeState:
    return NodeState(checked=True, **kw)  # type: ignore[arg-type]


def status(decision: Decision, **kw: object) -> NodeState:
    return NodeState(status=decision, **kw)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- states


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (None, chosen(), "undecided → chosen: PostgreSQL"),
        (None, status(Decision.REJECTED), "undecided → rejected: PostgreSQL"),
        (None, status(Decision.CONSIDERING), "undecided → considering: PostgreSQL"),
        (status(Decision.CONSIDERING), chosen(), "considering → chosen: PostgreSQL"),
        (
            status(Decision.CONSIDERING),
            status(Decision.REJECTED),
            "considering → rejected: PostgreSQL",
        ),
        (chosen(), status(Decision.REJECTED), "chosen → rejected: PostgreSQL"),
        (status(Decision.REJECTED), chosen(), "rejected → chosen: PostgreSQL"),
        (chosen(), None, "chosen → undecided: PostgreSQL"),
        (status(Decision.REJECTED), NodeState(collapsed=True), "rejected → undecided: PostgreSQL"),
        (chosen(), status(Decision.CONSIDERING), "chosen → considering: PostgreSQL"),
    ],
)
def test_each_state_transition(old: NodeState | None, new: NodeState | None, line: str) -> None:
    result = _diff({PG: old} if old else {}, {PG: new} if new else {})
    assert _text(result) == ["", "Data", f"  {line}"]
    assert result.summary() == "1 state change"


def test_a_state_change_carries_who_and_when_of_the_new_state() -> None:
    old = {PG: status(Decision.CONSIDERING, by="Ayşe", date=NOV1)}
    new = {PG: chosen(by="Can", date=NOV30)}
    result = _diff(old, new)
    assert _text(result) == ["", "Data", "  considering → chosen: PostgreSQL — by Can, 2026-11-30"]
    assert result.summary() == "1 state change"  # the stamp is no who/when change of its own


# --------------------------------------------------------------------------- notes


def test_note_added_changed_removed_with_the_changed_lines() -> None:
    old = {
        PG: NodeState(note="Strong JSONB.\nWe run 15."),
        JWT: NodeState(note="Short-lived tokens."),
    }
    new = {
        PG: NodeState(note="Strong JSONB.\nWe run 16 with pgbouncer."),
        MY: NodeState(note="Nobody wants two databases.\nSee the ADR."),
    }
    result = _diff(old, new)
    assert _text(result) == [
        "",
        "Data",
        "  note changed: PostgreSQL",
        "      -We run 15.",
        "      +We run 16 with pgbouncer.",
        "  note added: MySQL",
        "      +Nobody wants two databases.",
        "      +See the ADR.",
        "",
        "Auth",
        "  note removed: JWT",
        "      -Short-lived tokens.",
    ]
    assert result.summary() == "1 note added, 1 note changed, 1 note removed"


def test_note_lines_are_minus_and_plus_lines_only() -> None:
    assert note_lines("a\nb\nc\nd", "a\nB\nc\nd\ne") == ["-b", "+B", "+e"]
    assert note_lines("", "x\ny") == ["+x", "+y"]
    assert note_lines("x", "") == ["-x"]


def test_a_note_beside_a_state_change_is_a_line_under_it() -> None:
    old = {PG: status(Decision.CONSIDERING, note="maybe")}
    new = {PG: chosen(note="yes")}
    assert _text(_diff(old, new)) == [
        "",
        "Data",
        "  considering → chosen: PostgreSQL",
        "    note changed:",
        "      -maybe",
        "      +yes",
    ]


# --------------------------------------------------------------------------- who, when


def test_who_and_when_changes_without_a_state_change() -> None:
    old = {PG: chosen(by="Ayşe", date=NOV1), JWT: chosen()}
    new = {PG: chosen(by="Can", date=NOV30), JWT: chosen(by="Mehmet")}
    result = _diff(old, new)
    assert _text(result) == [
        "",
        "Data",
        "  PostgreSQL",
        "    by: Ayşe → Can",
        "    date: 2026-11-01 → 2026-11-30",
        "",
        "Auth",
        "  JWT",
        "    by: Mehmet",
    ]
    assert result.summary() == "2 who/when changes"


def test_who_taken_away() -> None:
    result = _diff({PG: chosen(by="Ayşe")}, {PG: chosen()})
    assert _text(result)[-1] == "    by: Ayşe → (none)"


# --------------------------------------------------------------------------- orphans


def test_an_entry_whose_node_left_the_map_became_an_orphan() -> None:
    entries = {PG: chosen(), MY: chosen()}
    new_map = _map(MAP.replace("      PostgreSQL\n", ""))
    result = _diff(entries, entries, old_map=_map(), new_map=new_map)
    assert _text(result) == ["", "Data", "  became an orphan: PostgreSQL"]
    assert result.summary() == "1 new orphan"


def test_an_orphan_already_in_old_is_no_new_orphan() -> None:
    gone = ("Stack", "Data", "Oracle")
    result = _diff({gone: chosen()}, {gone: chosen()})
    assert result.summary() == ""
    assert _text(result) == []


def test_a_new_entry_naming_no_node_is_a_new_orphan() -> None:
    gone = ("Stack", "Data", "Oracle")
    result = _diff({}, {gone: status(Decision.CONSIDERING)})
    assert _text(result) == [
        "",
        "Data",
        "  undecided → considering: Oracle",
        "    became an orphan",
    ]
    assert result.summary() == "1 state change, 1 new orphan"


def test_without_a_map_orphans_are_left_out() -> None:
    gone = ("Stack", "Data", "Oracle")
    result = _diff({}, {gone: NodeState(note="x")}, new_map=None)
    assert not result.orphans_checked
    assert result.summary() == "1 note added"


def test_read_maps_names_a_map_that_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "m.mmd").write_text(MAP, encoding="utf-8")
    old = Project(map_ref="m.mmd", path=tmp_path / "old.karar.yaml")
    new = Project(map_ref="gone.mmd", path=tmp_path / "new.karar.yaml")
    old_map, new_map, problems = read_maps(old, new)
    assert old_map is not None and len(old_map) == 10 and new_map is None
    assert len(problems) == 1
    assert "new.karar.yaml: the map 'gone.mmd' cannot be read" in problems[0]
    assert problems[0].endswith("entries that became orphans are not shown")


def test_read_maps_reads_one_map_once(tmp_path: Path) -> None:
    (tmp_path / "m.mmd").write_text(MAP, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    old = Project(map_ref="m.mmd", path=tmp_path / "old.karar.yaml")
    new = Project(map_ref="../m.mmd", path=sub / "new.karar.yaml")
    old_map, new_map, problems = read_maps(old, new)
    assert old_map is new_map and new_map is not None and problems == []


# --------------------------------------------------------------------------- nothing


def test_folds_and_unchanged_entries_are_no_change() -> None:
    old = {PG: chosen(by="Ayşe", note="x"), MY: NodeState(collapsed=True)}
    new = {PG: chosen(by="Ayşe", note="x", collapsed=True), JWT: NodeState(collapsed=True)}
    result = _diff(old, new)
    assert list(result.changes) == []
    text = render_text(result, "old.karar.yaml", "new.karar.yaml")
    assert text == "old.karar.yaml → new.karar.yaml\n\nno differences in decisions\n"


def test_other_keys_make_one_line() -> None:
    old = {PG: chosen(extra={"priority": 1, "owner": "a"}, votes=2)}
    new = {PG: chosen(extra={"priority": 2, "owner": "a", "tag": "x"}, votes=3)}
    result = _diff(old, new)
    assert _text(result) == [
        "",
        "Data",
        "  PostgreSQL",
        "    other keys changed: votes, priority, tag",
    ]
    assert result.summary() == "1 other change"


def test_project_keys_that_changed_follow_the_header() -> None:
    old, new = _project({}), _project({})
    old.participant, new.participant = "Ayşe", "Can"
    new.map_ref = "maps/stack.mmd"
    text = render_text(diff_projects(old, new, new_map=_map(), old_map=_map()), "a", "b")
    assert text.splitlines()[:3] == [
        "a → b",
        "map: builtin:django → maps/stack.mmd",
        "participant: Ayşe → Can",
    ]


# --------------------------------------------------------------------------- grouping, order


def test_groups_in_map_order_the_root_first_and_changes_in_map_order() -> None:
    new = {  # file order: anything but the map's
        CACHE_REDIS: chosen(),
        SESSIONS: chosen(),
        ("Stack", "Auth"): NodeState(note="auth"),
        MY: chosen(),
        JWT: chosen(),
        PG: chosen(),
        ("Stack",): NodeState(note="the root"),
        ("Stack", "Data", "Oracle"): chosen(),  # not in the map: after the known ones
    }
    result = _diff({}, new)
    assert [g.title.text for g in result.groups] == ["Stack", "Data", "Auth", "Cache"]
    assert [[c.path[-1] for c in g.changes] for g in result.groups] == [
        ["Stack"],
        ["PostgreSQL", "MySQL", "Oracle"],
        ["Auth", "JWT", "Sessions"],
        ["Redis"],
    ]


def test_a_branch_the_new_map_lacks_comes_after_in_file_order() -> None:
    gone1, gone2 = ("Stack", "Ops", "K8s"), ("Stack", "Billing", "Stripe")
    result = _diff({}, {gone1: chosen(), PG: chosen(), gone2: chosen()})
    assert [g.title.text for g in result.groups] == ["Data", "Ops", "Billing"]


def test_a_shared_label_shows_the_path_below_the_root() -> None:
    result = _diff({}, {DATA_REDIS: chosen(), CACHE_REDIS: chosen(), PG: chosen()})
    lines = _text(result)
    assert "  undecided → chosen: Data / Redis" in lines
    assert "  undecided → chosen: Cache / Redis" in lines
    assert "  undecided → chosen: PostgreSQL" in lines


def test_labels_are_plain_text_in_text_and_escaped_in_markdown() -> None:
    mind_map = _map('mindmap\n  Stack\n    Data\n      id["`**Postgre**SQL`"]\n      A_b *c*\n')
    new = {
        ("Stack", "Data", "**Postgre**SQL"): chosen(),
        ("Stack", "Data", "A_b *c*"): chosen(),
    }
    result = diff_projects(_project({}), _project(new), old_map=mind_map, new_map=mind_map)
    text = render_text(result, "old", "new")
    assert "undecided → chosen: PostgreSQL\n" in text
    assert "undecided → chosen: A_b *c*\n" in text
    md = render_markdown(result, "old", "new")
    assert "- undecided → chosen: **Postgre**SQL\n" in md
    assert "- undecided → chosen: A\\_b \\*c\\*\n" in md


def test_control_characters_never_reach_the_terminal() -> None:
    result = _diff({}, {PG: NodeState(note="red \x1b[31m alert")})
    assert "\x1b" not in render_text(result, "old", "new")
    assert "\\x1b[31m" in render_text(result, "old", "new")


# --------------------------------------------------------------------------- Markdown


def test_markdown_page_with_diff_blocks() -> None:
    old = {PG: status(Decision.CONSIDERING, note="We run 15.", by="Ayşe", date=NOV1)}
    new = {PG: chosen(note="We run 16.", by="Can", date=NOV30), JWT: chosen(by="Mehmet")}
    md = render_markdown(_diff(old, new), "w1.karar.yaml", "w2.karar.yaml")
    assert md == (
        "# Decisions changed: w1.karar.yaml → w2.karar.yaml\n"
        "\n"
        "_2 state changes, 1 note changed._\n"
        "\n"
        "## Data\n"
        "\n"
        "- considering → chosen: PostgreSQL — by Can, 2026-11-30\n"
        "    - note changed:\n"
        "\n"
        "```diff\n"
        "-We run 15.\n"
        "+We run 16.\n"
        "```\n"
        "\n"
        "## Auth\n"
        "\n"
        "- undecided → chosen: JWT — by Mehmet\n"
    )
    html = python_markdown.markdown(md, extensions=["fenced_code"])
    assert '<pre><code class="language-diff">-We run 15.\n+We run 16.\n</code></pre>' in html
    assert "<li>considering → chosen: PostgreSQL — by Can, 2026-11-30<ul>" in html


def test_markdown_fence_outlasts_backticks_in_a_note() -> None:
    md = render_markdown(_diff({}, {PG: NodeState(note="```python\nx\n```")}), "a", "b")
    assert "\n````diff\n+```python\n+x\n+```\n````\n" in md


def test_markdown_when_nothing_changed() -> None:
    md = render_markdown(_diff({PG: chosen()}, {PG: chosen()}), "a", "b")
    assert md == "# Decisions changed: a → b\n\n_No differences in decisions._\n"


def test_an_added_or_deleted_project() -> None:
    entries = {PG: chosen(), ("Stack", "Data", "Oracle"): chosen()}
    mind_map = _map()
    added = diff_projects(None, _project(entries), old_map=None, new_map=mind_map)
    assert added.summary() == "2 state changes, 1 new orphan"
    deleted = diff_projects(_project(entries), None, old_map=mind_map, new_map=None)
    assert deleted.summary() == "2 state changes"
    assert "  chosen → undecided: PostgreSQL" in render_text(deleted, "a", "b")


def test_the_workshops_on_the_builtin_map(data_dir: Path) -> None:
    old = projects.load(data_dir / "diff" / "workshop-1.karar.yaml")
    new = projects.load(data_dir / "diff" / "workshop-2.karar.yaml")
    old_map, new_map, problems = read_maps(old, new)
    assert problems == [] and old_map is new_map
    result = diff_projects(old, new, old_map=old_map, new_map=new_map)
    assert result.summary() == (
        "17 state changes, 6 notes added, 2 notes changed, 1 note removed, "
        "1 who/when change, 1 new orphan"
    )
    text = render_text(result, "w1", "w2")
    assert (
        "3. Veri Katmanı\n"
        "  considering → chosen: PostgreSQL — by Can, 2026-11-30\n"
        "    note changed:\n"
        "      -We would run PostgreSQL 15 on the managed service.\n"
        "      +We run PostgreSQL 16 with pgbouncer on the managed service.\n"
    ) in text
