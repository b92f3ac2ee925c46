"""The Markdown snapshot of a map: a title, the date, and the tree as nested task lists.

The snapshot reads well on GitHub and in Python-Markdown (four spaces per nesting level).
Checked nodes are ``- [x]`` items; a node's note follows under its item, indented as part of
it. With ``decisions_only`` only checked nodes and their ancestors remain, an ancestor that
is not decided itself as a plain item ``- label``. Labels are written as they are drawn
(:func:`karar.core.labels.label_markdown`).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Container, Mapping

from karar.core.labels import escape_markdown, label_markdown
from karar.core.model import MindMap, Node

__all__ = ["escape_markdown", "markdown_snapshot"]

_INDENT = "    "
# What would open a block of its own at the start of a plain item's text (``- 3. Veri`` is a
# list inside the item, ``- # x`` a heading): the character that makes it one is escaped.
_BLOCK_START = re.compile(r"^(?:(\d{1,9})([.)])(?=\s|$)|[-+#])")


def _plain_item(text: str) -> str:
    """A plain list item's Markdown text, safe at the start of the item."""
    m = _BLOCK_START.match(text)
    if m is None:
        return text
    if m.group(1) is not None:
        return f"{m.group(1)}\\{m.group(2)}{text[m.end() :]}"
    return f"\\{text}"


def _options_summary(chosen: int, options: int, date: str) -> str:
    """The line under the title: the nodes below the root are the options (the root's
    roll-up badge counts the same nodes)."""
    if not options:
        return f"_Decision snapshot, {date}: the map has no options below its root._"
    noun = "option" if options == 1 else "options"
    return f"_Decision snapshot, {date}: {chosen} of the {options} {noun} below the root chosen._"


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
        decisions_only: Keep only checked nodes and their ancestors (plain items).
        today: The date in the header (default: today).
        is_collapsed: Nodes for which this returns True are listed without their
            subtrees (collapsed branches, or an export limited to some levels).
    """
    notes = notes or {}
    date = (today or _dt.date.today()).isoformat()
    root = mind_map.root
    if mind_map.title or root is None:
        title = escape_markdown(mind_map.title or "Mind map")
    else:
        title = label_markdown(root.label, root.markdown)
    out = [f"# {title}", ""]
    if root is None:
        out += [f"_Snapshot of {date}: the map has no nodes._", ""]
        return "\n".join(out)
    nodes = list(root.walk())
    chosen = [n for n in nodes if n in checked]
    options_chosen = sum(1 for n in chosen if n is not root)
    out += [_options_summary(options_chosen, len(nodes) - 1, date), ""]

    keep: set[Node] | None = None
    if decisions_only:
        keep = set()
        for node in chosen:
            keep.add(node)
            keep.update(node.ancestors())
        if not keep:
            out += ["_No decisions have been taken yet._", ""]
            return "\n".join(out)

    stack: list[tuple[Node, int]] = [(root, 0)]
    while stack:
        node, level = stack.pop()
        if keep is not None and node not in keep:
            continue
        pad = _INDENT * level
        text = label_markdown(node.label, node.markdown)
        if node in checked:
            out.append(f"{pad}- [x] {text}")
        elif keep is not None:  # an ancestor of a decision, not decided itself
            out.append(f"{pad}- {_plain_item(text)}")
        else:
            out.append(f"{pad}- [ ] {text}")
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
