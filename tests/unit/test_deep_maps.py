"""Maps thousands of levels deep: every text export is written from a stack, never by
recursion (Python's limit is about 1,000 frames; ``json.dumps`` died at 500 levels), and
stays linear in the map's size where the format allows it."""

from __future__ import annotations

import io
import json
import sys
import threading
from typing import Any

import networkx as nx
from hypothesis import given, settings
from test_writer import trees

from karar.core import labels
from karar.core.export import JSON_INDENT_LEVELS, export_text, to_graphml, to_json
from karar.core.mermaid import parse_mermaid
from karar.core.model import MindMap, Node, Shape
from karar.core.report import markdown_snapshot

DEPTH = 8000


def chain(depth: int) -> MindMap:
    """A map that is one path ``depth`` nodes deep, with markup in its labels."""
    root = node = Node("n0 <b>bold</b>", id="n0")
    for i in range(1, depth):
        shape = Shape.SQUARE if i % 2 else Shape.DEFAULT
        label = f"n{i} *x* & <i>y</i>" if shape is Shape.SQUARE else f"n{i}"
        node = node.add(Node(label, id=f"id{i}" if shape is Shape.SQUARE else label, shape=shape))
    return MindMap(root)


def _labels_by_depth(mind_map: MindMap) -> list[tuple[str, int]]:
    depth: dict[Node, int] = {}
    for n in mind_map:
        depth[n] = 0 if n.parent is None else depth[n.parent] + 1
    return [(n.label, depth[n]) for n in mind_map]


def _in_a_big_thread(work: Any) -> Any:
    """Run ``work`` with room for the C recursion of ``json.loads`` on 8,000 levels."""
    result: list[Any] = []
    limit = sys.getrecursionlimit()
    size = threading.stack_size(512 * 2**20)
    sys.setrecursionlimit(100_000)
    try:
        thread = threading.Thread(target=lambda: result.append(work()))
        thread.start()
        thread.join()
    finally:
        threading.stack_size(size)
        sys.setrecursionlimit(limit)
    return result[0]


def test_json_of_a_deep_map_is_its_tree() -> None:
    mind_map = chain(DEPTH)
    text = to_json(mind_map)
    data = _in_a_big_thread(lambda: json.loads(text))
    seen = []
    while data is not None:
        seen.append((data["label"], data["shape"]))
        data = data["children"][0] if data["children"] else None
    assert seen == [(n.label, n.shape.value) for n in mind_map]
    # indentation stops deepening, so the file grows with the map, not with its square
    widest = max(len(line) - len(line.lstrip(" ")) for line in text.splitlines())
    assert widest == 4 * JSON_INDENT_LEVELS + 2
    assert len(text) < 10_000 * DEPTH  # indenting every level: 1 GB


@settings(max_examples=200, deadline=None)
@given(trees())
def test_json_is_what_json_dumps_writes(mind_map: MindMap) -> None:
    assert to_json(mind_map) == json.dumps(mind_map.to_dict(), ensure_ascii=False, indent=2) + "\n"


def test_json_up_to_the_indentation_limit_is_what_json_dumps_writes() -> None:
    mind_map = chain(JSON_INDENT_LEVELS + 1)
    want = json.dumps(mind_map.to_dict(), ensure_ascii=False, indent=2) + "\n"
    assert to_json(mind_map) == want


def _networkx_graphml(mind_map: MindMap) -> str:
    buffer = io.BytesIO()
    nx.write_graphml(mind_map.to_networkx(), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


@settings(max_examples=200, deadline=None)
@given(trees())
def test_graphml_is_what_networkx_writes(mind_map: MindMap) -> None:
    mind_map.title = mind_map.root.label[::-1] if mind_map.root is not None else None
    assert to_graphml(mind_map) == _networkx_graphml(mind_map)


def test_graphml_of_an_empty_and_a_deep_map() -> None:
    assert to_graphml(MindMap(None)) == _networkx_graphml(MindMap(None))
    text = to_graphml(chain(DEPTH))
    assert text.count("<node id=") == DEPTH and text.count("<edge ") == DEPTH - 1
    assert f'<edge source="{DEPTH - 2}" target="{DEPTH - 1}" />' in text


def test_mermaid_of_a_deep_map_reads_back() -> None:
    mind_map = chain(DEPTH)
    text = export_text(mind_map, "mmd")
    for strict in (False, True):
        assert _labels_by_depth(parse_mermaid(text, strict=strict).map) == _labels_by_depth(
            mind_map
        )


def test_reading_a_deep_map_keeps_going_too() -> None:
    text = "mindmap\n" + "".join(" " * (i + 1) + f"n{i}\n" for i in range(DEPTH))
    for strict in (False, True):
        result = parse_mermaid(text, strict=strict, keep_going=True)
        assert len(result.map) == DEPTH and not result.errors


def test_markdown_snapshot_of_a_deep_map() -> None:
    mind_map = chain(DEPTH)
    text = markdown_snapshot(mind_map)
    items = [line for line in text.splitlines() if line.lstrip().startswith("- [ ]")]
    assert len(items) == DEPTH
    assert items[-1].startswith(" " * 4 * (DEPTH - 1) + f"- [ ] n{DEPTH - 1} ")
    assert labels.plain_text(mind_map.root.label) == "n0 bold"  # type: ignore[union-attr]
