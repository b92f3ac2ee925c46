"""The Markdown snapshot of a map: a title, the date, and the tree as nested task lists.

The snapshot reads well on GitHub and in Python-Markdown (four spaces per nesting level).
Checked nodes are ``- [x]`` items; a node's note follows under its item, indented as part of
it. With ``decisions_only`` only checked nodes and their ancestors remain.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Container, Mapping

from karar.core.model import MindMap, Node

_INDENT = "    "
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def escape_markdown(text: str) -> str:
    """Plain text made safe inside a Markdown list item (line breaks become ``<br>``)."""
    return "<br>".join(_MD_SPECIAL.sub(r"\\\1", line) for line in text.split("\n"))


def _label_markdown(node: Node) -> str:
    """A node label as Markdown: markdown-string labels keep their formatting."""
    if node.markdown:
        return "<br>".join(line.strip() for line in node.label.split("\n"))
    text = node.label.replace("<br>", "\n").replace("<br/>", "\n").replace("<br />", "\n")
    return escape_markdown(text)


def markdown_snapshot(
    mind_map: MindMap,
    *,
    checked: Container[Node] = frozenset(),
    notes: Mapping[Node, str] | None = None,
    decisions_only: bool = False,
    today: _dt.date | None = None,
    is_collapsed: Callable[[Node], bool] | None = None,
) -> str:
    """Render the map as a Markdown decision snapshot.

    Args:
        mind_map: The map.
        checked: Nodes marked as chosen.
        notes: Markdown notes per node.
        decisions_only: Keep only checked nodes and their ancestors.
        today: The date in the header (default: today).
        is_collapsed: Nodes for which this returns True are listed without their
            subtrees (collapsed branches, or an export limited to some levels).
    """
    notes = notes or {}
    date = (today or _dt.date.today()).isoformat()
    title = mind_map.display_title or "Mind map"
    out = [f"# {escape_markdown(title)}", ""]
    if mind_map.root is None:
        out += [f"_Snapshot of {date}: the map has no nodes._", ""]
        return "\n".join(out)
    nodes = list(mind_map.root.walk())
    chosen = [n for n in nodes if n in checked]
    summary = f"_Decision snapshot, {date}: {len(chosen)} of {len(nodes)} items chosen._"
    out += [summary, ""]

    keep: set[Node] | None = None
    if decisions_only:
        keep = set()
        for node in chosen:
            keep.add(node)
            keep.update(node.ancestors())
        if not keep:
            out += ["_No decisions have been taken yet._", ""]
            return "\n".join(out)

    stack: list[tuple[Node, int]] = [(mind_map.root, 0)]
    while stack:
        node, level = stack.pop()
        if keep is not None and node not in keep:
            continue
        pad = _INDENT * level
        box = "x" if node in checked else " "
        out.append(f"{pad}- [{box}] {_label_markdown(node)}")
        note = notes.get(node, "").strip("\n")
        if note:
            out.append("")
            out.extend(f"{pad}{_INDENT}{line}".rstrip() for line in note.split("\n"))
            out.append("")
        if is_collapsed is not None and is_collapsed(node):
            continue
        stack.extend((child, level + 1) for child in reversed(node.children))
    out.append("")
    return "\n".join(out)
