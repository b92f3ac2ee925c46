"""The Markdown snapshot: labels written as they are drawn, the count the root's badge shows,
and decisions-only lists whose undecided ancestors are plain items."""

from __future__ import annotations

import datetime as dt

import markdown as python_markdown

from karar.core.decisions import rollup
from karar.core.mermaid import parse_mermaid
from karar.core.model import MindMap, Node
from karar.core.project import NodeState
from karar.core.report import markdown_snapshot
from karar.core.sources import load_map
from karar.core.status import Decision

DAY = dt.date(2026, 1, 5)


def _map(text: str) -> MindMap:
    return parse_mermaid(text).map


def _node(mind_map: MindMap, label: str) -> Node:
    return next(n for n in mind_map if n.label == label)


def _entries(
    checked: set[Node] | frozenset[Node] = frozenset(), notes: dict[Node, str] | None = None
) -> dict[Node, NodeState]:
    out = {n: NodeState(checked=True) for n in checked}
    for node, note in (notes or {}).items():
        out.setdefault(node, NodeState()).note = note
    return out


def _body(snapshot: str) -> list[str]:
    """The snapshot's lines after the title and the summary."""
    return snapshot.split("\n\n", 2)[2].splitlines()


def test_labels_are_written_as_drawn() -> None:
    mind_map = _map(
        'mindmap\n  Kök<br/>Harita\n    A<BR>B\n    x["`**Kalın** ve *eğik*`"]\n'
        "    <b>Valkey</b> <s>Redis</s> <code>SET k v</code>\n    a<script>x()</script>b\n"
        "    Sentry #40;hatalar#41; | a_b\n"
    )
    out = markdown_snapshot(mind_map, today=DAY)
    assert out.splitlines()[0] == "# Kök<br>Harita"
    assert _body(out) == [
        "- [ ] Kök<br>Harita",
        "    - [ ] A<br>B",
        "    - [ ] **Kalın** ve *eğik*",
        "    - [ ] **Valkey** ~~Redis~~ `SET k v`",
        "    - [ ] ab",
        "    - [ ] Sentry (hatalar) &#124; a\\_b",
    ]


def test_snapshot_renders_in_python_markdown() -> None:
    mind_map = _map("mindmap\n  Root\n    A<BR>B\n    <b>Valkey</b> 8\n    a < b\n")
    checked = {_node(mind_map, "<b>Valkey</b> 8")}
    notes = {_node(mind_map, "A<BR>B"): "Why: *speed*."}
    rendered = python_markdown.markdown(
        markdown_snapshot(mind_map, entries=_entries(checked, notes), today=DAY)
    )
    assert "<li>\n<p>[ ] A<br>B</p>\n<p>Why: <em>speed</em>.</p>\n</li>" in rendered
    assert "<p>[x] <strong>Valkey</strong> 8</p>" in rendered
    assert "<li>[ ] a &lt; b</li>" in rendered
    assert "\\" not in rendered  # no escape shows through


def test_count_is_the_options_below_the_root_as_on_the_badge() -> None:
    mind_map = load_map(None)
    root = mind_map.root
    assert root is not None
    picks = {_node(mind_map, "PostgreSQL"), _node(mind_map, "SQLite"), root}
    summary = markdown_snapshot(mind_map, entries=_entries(picks), today=DAY).splitlines()[2]
    badge = rollup(mind_map, picks)[root]
    assert (badge.checked, badge.total) == (2, 266)
    assert summary == "_Decision snapshot, 2026-01-05: 2 of the 266 options below the root chosen._"


def test_count_of_a_map_with_only_a_root() -> None:
    summary = markdown_snapshot(_map("mindmap\n  Alone\n"), today=DAY).splitlines()[2]
    assert summary == "_Decision snapshot, 2026-01-05: the map has no options below its root._"


def test_decisions_only_ancestors_are_plain_items() -> None:
    mind_map = _map(
        "mindmap\n  Stack\n    3. Veri Katmanı\n      - Relational\n        PostgreSQL\n"
        "        MySQL\n    # Cache\n      Redis\n    Other\n"
    )
    checked = {_node(mind_map, "PostgreSQL"), _node(mind_map, "# Cache")}
    out = markdown_snapshot(mind_map, entries=_entries(checked), decisions_only=True, today=DAY)
    assert _body(out) == [
        "- Stack",
        "    - 3\\. Veri Katmanı",
        "        - \\- Relational",
        "            - [x] PostgreSQL",
        "    - [x] # Cache",
    ]
    rendered = python_markdown.markdown(out)
    assert "<ol" not in rendered and "<h1>Cache" not in rendered
    assert "<li>3. Veri Katmanı" in rendered and "<li>- Relational" in rendered


def _states_map() -> tuple[MindMap, dict[Node, NodeState]]:
    mind_map = _map(
        "mindmap\n  Stack\n    Database\n      PostgreSQL\n      MySQL\n      SQLite\n"
        "    Cache\n      Redis\n      Valkey\n    Queue\n      Celery\n"
    )
    entries = {
        _node(mind_map, "PostgreSQL"): NodeState(
            checked=True, by="Ayşe", date=dt.date(2026, 11, 30), note="Battle-tested."
        ),
        _node(mind_map, "MySQL"): NodeState(
            status=Decision.REJECTED, by="Can *K*", date=dt.date(2026, 11, 29)
        ),
        _node(mind_map, "Valkey"): NodeState(status=Decision.CONSIDERING),
        _node(mind_map, "Redis"): NodeState(status=Decision.REJECTED, date=dt.date(2026, 1, 2)),
        _node(mind_map, "Celery"): NodeState(checked=True),
    }
    return mind_map, entries


def test_each_state_is_written_with_who_and_when() -> None:
    mind_map, entries = _states_map()
    out = markdown_snapshot(mind_map, entries=entries, today=DAY)
    assert out.splitlines()[2] == (
        "_Decision snapshot, 2026-01-05: 2 of the 9 options below the root chosen, "
        "2 rejected, 1 under consideration._"
    )
    assert _body(out) == [
        "- [ ] Stack",
        "    - [ ] Database",
        "        - [x] PostgreSQL — chosen by Ayşe, 2026-11-30",
        "",
        "            Battle-tested.",
        "",
        "        - [ ] ~~MySQL~~ — rejected by Can \\*K\\*, 2026-11-29",
        "        - [ ] SQLite",
        "    - [ ] Cache",
        "        - [ ] ~~Redis~~ — rejected, 2026-01-02",
        "        - [ ] Valkey — considering",
        "    - [ ] Queue",
        "        - [x] Celery",
    ]
    rendered = python_markdown.markdown(out)
    assert "<del>MySQL</del>" in rendered or "~~MySQL~~" in rendered
    assert "Can *K*" in rendered  # the name is text, not emphasis


def test_decisions_only_keeps_every_state_and_plain_ancestors() -> None:
    mind_map, entries = _states_map()
    out = markdown_snapshot(mind_map, entries=entries, decisions_only=True, today=DAY)
    assert _body(out) == [
        "- Stack",
        "    - Database",
        "        - [x] PostgreSQL — chosen by Ayşe, 2026-11-30",
        "",
        "            Battle-tested.",
        "",
        "        - [ ] ~~MySQL~~ — rejected by Can \\*K\\*, 2026-11-29",
        "    - Cache",
        "        - [ ] ~~Redis~~ — rejected, 2026-01-02",
        "        - [ ] Valkey — considering",
        "    - Queue",
        "        - [x] Celery",
    ]
