"""Mermaid-safe writing: what ``export --format mmd`` writes reads back as the same tree,
in Karar's default reading and in Mermaid's own (strict) reading."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karar.core.errors import MapSyntaxError
from karar.core.mermaid import parse_mermaid
from karar.core.mermaid_writer import node_text, plain_label_text, to_mermaid
from karar.core.model import MindMap, Node, Shape
from karar.core.sources import load_map

CASES = sorted((Path(__file__).parent.parent / "data" / "conformance").glob("*.mmd"))


def roundtrip(mind_map: MindMap, strict: bool) -> dict | None:
    return parse_mermaid(to_mermaid(mind_map), strict=strict).map.to_dict()


def test_builtin_map_round_trips_in_both_readings() -> None:
    mind_map = load_map(None)
    want = mind_map.to_dict()
    assert roundtrip(mind_map, strict=False) == want
    assert roundtrip(mind_map, strict=True) == want  # Mermaid itself reads it right now


def test_output_has_no_divergences() -> None:
    assert parse_mermaid(to_mermaid(load_map(None))).divergences == []


def _accepted() -> list[tuple[Path, bool]]:
    """The conformance cases each reading accepts (rejected inputs have no tree to write)."""
    out = []
    for case in CASES:
        for strict in (True, False):
            try:
                parse_mermaid(case.read_text(encoding="utf-8"), strict=strict)
            except MapSyntaxError:
                continue
            out.append((case, strict))
    return out


@pytest.mark.parametrize(
    ("case", "strict"), _accepted(), ids=lambda v: v.stem if isinstance(v, Path) else str(v)
)
def test_conformance_trees_round_trip(case: Path, strict: bool) -> None:
    result = parse_mermaid(case.read_text(encoding="utf-8"), strict=strict)
    assert roundtrip(result.map, strict=strict) == result.map.to_dict()


def test_readable_output() -> None:
    root = Node("Root")
    root.add(Node("Sentry (errors)"))
    root.add(Node("Square box", shape=Shape.SQUARE))
    root.add(Node("Big idea", id="big", shape=Shape.CIRCLE, icon="fa fa-book", css_class="hot"))
    text = to_mermaid(MindMap(root, title="My: title"))
    assert text.splitlines() == [
        "---",
        'title: "My: title"',
        "---",
        "mindmap",
        "  Root",
        "    Sentry #40;errors#41;",
        "    [Square box]",
        "    big((Big idea))",
        "    ::icon(fa fa-book)",
        "    :::hot",
    ]


@pytest.mark.parametrize(
    ("label", "spelled"),
    [
        ("mindmap", "#109;indmap"),
        ("%% not a comment", "#37;% not a comment"),
        (":::x", "#58;::x"),
        ("C# #1;", "C# #35;1;"),
        (" lead", "#32;lead"),
    ],
)
def test_traps_are_escaped(label: str, spelled: str) -> None:
    assert plain_label_text(label) == spelled
    assert (
        parse_mermaid(f"mindmap\n  R\n    {spelled}\n", strict=True).map.root.children[0].label
        == label
    )  # type: ignore[union-attr]


def test_empty_label_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        node_text(Node(""))


# --- any tree Mermaid can express survives the trip --------------------------------------

_CHARS = st.characters(
    codec="utf-8",
    exclude_categories=("Cs", "Cc", "Zl", "Zp"),
) | st.sampled_from(
    [*list('()[]{}"`#;%:-<>= \t'), "#amp;", "mindmap", "style", "::icon(", "%%", "\n"]
)
_TEXT = st.lists(_CHARS, min_size=1, max_size=12).map("".join)


@st.composite
def nodes(draw: st.DrawFn) -> Node:
    shape = draw(st.sampled_from(list(Shape)))
    markdown = shape is not Shape.DEFAULT and draw(st.booleans())
    label = draw(_TEXT)
    if shape is Shape.DEFAULT:
        label = label.replace("\n", " ")
        if label.strip(" \t") != label or not label.strip():
            label = "x" + label.strip(" \t") + "x"
    node_id = label
    if shape is not Shape.DEFAULT and draw(st.booleans()):
        node_id = draw(_TEXT).replace("\n", "_")
    icon = draw(st.none() | _TEXT.filter(lambda s: s.strip() != ""))
    css = draw(
        st.none() | _TEXT.map(lambda s: s.replace("\n", " ")).filter(lambda s: s.strip() != "")
    )
    return Node(label, id=node_id, shape=shape, icon=icon, css_class=css, markdown=markdown)


@st.composite
def trees(draw: st.DrawFn) -> MindMap:
    all_nodes = draw(st.lists(nodes(), min_size=1, max_size=12))
    root = all_nodes[0]
    placed = [root]
    for node in all_nodes[1:]:
        parent = draw(st.sampled_from(placed))
        parent.add(node)
        placed.append(node)
    return MindMap(root)


def _as_read(mind_map: MindMap) -> dict | None:
    """What a reader can know: markdown labels of default nodes don't exist, ids of default
    nodes are their labels."""
    for node in mind_map:
        if node.shape is Shape.DEFAULT:
            node.id = node.label
    return mind_map.to_dict()


@settings(max_examples=300, deadline=None)
@given(trees())
def test_generated_trees_round_trip(mind_map: MindMap) -> None:
    want = _as_read(mind_map)
    text = to_mermaid(mind_map)
    for strict in (False, True):
        result = parse_mermaid(text, strict=strict)
        assert result.map.to_dict() == want, text
        assert result.divergences == []


def test_a_line_break_in_a_plain_label_is_an_entity_code() -> None:
    """Only markdown strings may span lines in Karar's default reading."""
    root = Node("R", id="R")
    root.add(Node("two\nlines", id="n", shape=Shape.SQUARE))
    root.add(Node("md\nlines", id="m", shape=Shape.SQUARE, markdown=True))
    text = to_mermaid(MindMap(root))
    assert '    n["two#10;lines"]\n' in text and '    m["`md\nlines`"]\n' in text
    for strict in (False, True):
        assert parse_mermaid(text, strict=strict).map.to_dict() == MindMap(root).to_dict()
