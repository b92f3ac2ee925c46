"""Text exports of a map: JSON tree, Mermaid, Markdown snapshot and GraphML.

Image formats (PNG, SVG, PDF) need Qt to draw and live in ``karar.ui``.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from karar.core.bulk import no_gc
from karar.core.mermaid_writer import to_mermaid
from karar.core.model import MindMap, Node, sibling_path_elements

TEXT_FORMATS = ("json", "mmd", "md", "graphml")
IMAGE_FORMATS = ("png", "svg", "pdf")
ALL_FORMATS = IMAGE_FORMATS + TEXT_FORMATS

_SUFFIX_FORMATS = {
    ".json": "json",
    ".mmd": "mmd",
    ".mermaid": "mmd",
    ".md": "md",
    ".markdown": "md",
    ".graphml": "graphml",
    ".png": "png",
    ".svg": "svg",
    ".pdf": "pdf",
}


def format_for_suffix(filename: str) -> str | None:
    """The export format a file name implies, or None."""
    lower = filename.lower()
    for suffix, fmt in _SUFFIX_FORMATS.items():
        if lower.endswith(suffix):
            return fmt
    return None


JSON_INDENT_LEVELS = 100
"""Nodes deeper than this are indented as deep as this (the JSON is the same)."""


def to_json(mind_map: MindMap) -> str:
    """The JSON tree of CONTRACT.md, pretty-printed, non-ASCII kept as is.

    What ``json.dumps(mind_map.to_dict(), ensure_ascii=False, indent=2)`` writes, but
    written from a stack (``json.dumps`` recurses once per level and dies of RecursionError
    at about 500 levels), and with indentation that stops deepening below
    :data:`JSON_INDENT_LEVELS` levels: indenting every level makes the file grow with the
    square of the depth (1 GB for a map 8,000 levels deep).
    """
    root = mind_map.root
    if root is None:
        return "null\n"
    value = json.JSONEncoder(ensure_ascii=False).encode
    lines: list[str] = []
    # (node, depth, is the last child, closing its children)
    stack: list[tuple[Node, int, bool, bool]] = [(root, 0, True, False)]
    with no_gc():
        while stack:
            node, depth, last, closing = stack.pop()
            pad = "  " * (2 * min(depth, JSON_INDENT_LEVELS))
            inner = pad + "  "
            end = pad + ("}" if last else "},")
            if closing:
                lines += [inner + "]", end]
                continue
            lines += [
                pad + "{",
                f'{inner}"label": {value(node.label)},',
                f'{inner}"id": {value(node.id)},',
                f'{inner}"shape": {value(node.shape.value)},',
                f'{inner}"icon": {value(node.icon)},',
                f'{inner}"class": {value(node.css_class)},',
            ]
            children = node.children
            if not children:
                lines += [inner + '"children": []', end]
                continue
            lines.append(inner + '"children": [')
            stack.append((node, depth, last, True))
            stack.extend(
                (child, depth + 1, i == 0, False) for i, child in enumerate(reversed(children))
            )
    return "\n".join(lines) + "\n"


def to_graphml(mind_map: MindMap) -> str:
    """GraphML for yEd and Gephi (one vertex per node, edges parent -> child).

    Byte for byte what networkx writes for :meth:`MindMap.to_networkx` (``write_graphml``,
    pretty-printed), written here in one pass: each vertex's ``path`` attribute holds all
    the labels above it, so a map thousands of levels deep has a GraphML file of hundreds
    of megabytes, and networkx's element tree held several copies of it.
    """
    parts = [
        "<?xml version='1.0' encoding='utf-8'?>",
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ]
    root = mind_map.root
    keys = _GRAPHML_NODE_KEYS if root is not None else ()
    for i, (name, kind) in reversed(list(enumerate(keys, start=1))):
        parts.append(f'  <key id="d{i}" for="node" attr.name="{name}" attr.type="{kind}" />')
    parts.append('  <key id="d0" for="graph" attr.name="title" attr.type="string" />')
    parts.append('  <graph edgedefault="directed">')
    edges: list[str] = []
    if root is not None:
        with no_gc():
            _graphml_nodes(root, parts, edges)
    parts += edges
    parts.append(_graphml_data(0, "    ", _escape(mind_map.display_title)))
    parts += ["  </graph>", "</graphml>", ""]
    return "\n".join(parts)


_GRAPHML_NODE_KEYS = (
    ("label", "string"),
    ("mermaid_id", "string"),
    ("shape", "string"),
    ("icon", "string"),
    ("css_class", "string"),
    ("line", "long"),
    ("depth", "long"),
    ("path", "string"),
)


def _graphml_data(key: int, pad: str, text: str) -> str:
    if not text:
        return f'{pad}<data key="d{key}" />'
    return f'{pad}<data key="d{key}">{text}</data>'


def _graphml_nodes(root: Node, parts: list[str], edges: list[str]) -> None:
    """The ``<node>`` elements in pre-order (numbered so), and the ``<edge>`` elements
    grouped by parent as networkx lists them. Each path is built from its parent's,
    already escaped, and held only while its children wait on the stack."""
    index: dict[Node, int] = {}
    stack: list[tuple[Node, int, str]] = [(root, 0, _escape(root.label))]
    while stack:
        node, depth, path = stack.pop()
        me = index[node] = len(index)
        parts += [
            f'    <node id="{me}">',
            _graphml_data(1, "      ", _escape(node.label)),
            _graphml_data(2, "      ", _escape(node.id)),
            _graphml_data(3, "      ", node.shape.value),
            _graphml_data(4, "      ", _escape(node.icon or "")),
            _graphml_data(5, "      ", _escape(node.css_class or "")),
            _graphml_data(6, "      ", str(node.line)),
            _graphml_data(7, "      ", str(depth)),
            _graphml_data(8, "      ", path),
            "    </node>",
        ]
        children = node.children
        elements = sibling_path_elements(children)
        for child, element in zip(reversed(children), reversed(elements), strict=True):
            stack.append((child, depth + 1, f"{path} / {_escape(element)}"))
    for node, me in index.items():
        edges += [f'    <edge source="{me}" target="{index[c]}" />' for c in node.children]


def _escape(text: str) -> str:
    """Text as ElementTree writes it in an element."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def export_text(
    mind_map: MindMap,
    fmt: str,
    *,
    is_collapsed: Callable[[Node], bool] | None = None,
    **snapshot_options: object,
) -> str:
    """One of :data:`TEXT_FORMATS` as a string."""
    with no_gc():  # many small objects, no cycles: the collector would rescan the map
        if fmt == "json":
            return to_json(mind_map)
        if fmt == "mmd":
            return to_mermaid(mind_map)
        if fmt == "graphml":
            return to_graphml(mind_map)
        if fmt == "md":
            from karar.core.report import markdown_snapshot

            return markdown_snapshot(mind_map, is_collapsed=is_collapsed, **snapshot_options)  # type: ignore[arg-type]
    raise ValueError(f"not a text format: {fmt}")
