"""The Markdown snapshot: labels written as they are drawn, the count the root's badge shows,
and decisions-only lists whose undecided ancestors are plain items."""

from __future__ import annotations

import datetime as dt

import markdown as python_markdown

from karar.core.decisions import rollup
from karar.core.mermaid import parse_mermaid
from karar.core.model import MindMap, Node
from karar.core.report import markdown_snapshot
from karar.core.sources import load_map

DAY = dt.date(2026, 1, 5)


def _map(text: str) -> MindMap:
    return parse_mermaid(text).map


def _node(mind_map: MindMap, label: str) -> Node:
    return next(n for n in mind_map if n.label == label)


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
        markdown_snapshot(mind_map, checked=checked, notes=notes, today=DAY)
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
    summary = markdown_snapshot(mind_map, checked=picks, today=DAY).splitlines()[2]
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
    out = markdown_snapshot(mind_map, checked=checked, decisions_only=True, today=DAY)
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
