"""Text exports of a map: JSON tree, Mermaid, Markdown snapshot and GraphML.

Image formats (PNG, SVG, PDF) need Qt to draw and live in ``karar.ui``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable

from karar.core.mermaid_writer import to_mermaid
from karar.core.model import MindMap, Node
from karar.core.report import markdown_snapshot

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


def to_json(mind_map: MindMap) -> str:
    """The JSON tree of CONTRACT.md, pretty-printed, non-ASCII kept as is."""
    return json.dumps(mind_map.to_dict(), ensure_ascii=False, indent=2) + "\n"


def to_graphml(mind_map: MindMap) -> str:
    """GraphML for yEd and Gephi (one vertex per node, edges parent -> child)."""
    import networkx as nx  # lazy: ~0.3 s to import

    buffer = io.BytesIO()
    nx.write_graphml(mind_map.to_networkx(), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")


def export_text(
    mind_map: MindMap,
    fmt: str,
    *,
    is_collapsed: Callable[[Node], bool] | None = None,
    **snapshot_options: object,
) -> str:
    """One of :data:`TEXT_FORMATS` as a string."""
    if fmt == "json":
        return to_json(mind_map)
    if fmt == "mmd":
        return to_mermaid(mind_map)
    if fmt == "graphml":
        return to_graphml(mind_map)
    if fmt == "md":
        return markdown_snapshot(mind_map, is_collapsed=is_collapsed, **snapshot_options)  # type: ignore[arg-type]
    raise ValueError(f"not a text format: {fmt}")
