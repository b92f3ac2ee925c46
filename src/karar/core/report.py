"""The Markdown snapshot of a map: a title, the date, and the tree as nested task lists.

The snapshot reads well on GitHub and in Python-Markdown (four spaces per nesting level).
Chosen nodes are ``- [x]`` items, rejected ones ``- [ ] ~~label~~ — rejected``, those under
consideration ``- [ ] label — considering``; who decided and when follow the label
(``— rejected by Ayşe, 2026-11-30``). A node's note follows under its item, indented as part
of it. With ``decisions_only`` only decided nodes and their ancestors remain, an ancestor
that is not decided itself as a plain item ``- label``. Labels are written as they are drawn
(:func:`karar.core.labels.label_markdown`).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from collections.abc import Callable, Mapping

from karar.core.labels import escape_markdown, label_markdown
from karar.core.model import MindMap, Node
from karar.core.project import NodeState
from karar.core.status import Decision

__all__ = ["decided_item", "escape_markdown", "markdown_snapshot", "plain_item"]

_INDENT = "    "
# What would open a block of its own at the start of a plain item's text (``- 3. Veri`` is a
# list inside the item, ``- # x`` a heading): the character that makes it one is escaped.
_BLOCK_START = re.compile(r"^(?:(\d{1,9})([.)])(?=\s|$)|[-+#])")


def plain_item(text: str) -> str:
    """A plain list item's Markdown text, safe at the start of the item."""
    m = _BLOCK_START.match(text)
    if m is None:
        return text
    if m.group(1) is not None:
        return f"{m.group(1)}\\{m.group(2)}{text[m.end() :]}"
    return f"\\{text}"


def _options_summary(counts: Mapping[Decision, int], options: int, date: str) -> str:
    """The line under the title: the nodes below the root are the options (the root's
    roll-up badge counts the same nodes)."""
    if not options:
        return f"_Decision snapshot, {date}: the map has no options below its root._"
    noun = "option" if options == 1 else "options"
    text = f"{counts[Decision.CHOSEN]} of the {options} {noun} below the root chosen"
    if counts[Decision.REJECTED]:
        text += f", {counts[Decision.REJECTED]} rejected"
    if counts[Decision.CONSIDERING]:
        text += f", {counts[Decision.CONSIDERING]} under consideration"
    return f"_Decision snapshot, {date}: {text}._"


def decided_item(text: str, state: NodeState | None) -> str:
    """A node's list item text after ``- ``: its checkbox, its label (``text``, Markdown)
    and what was decided, by whom and when."""
    decision = None if state is None else state.decision
    if state is None or decision is None:
        return f"[ ] {text}"
    box = "[x]" if decision is Decision.CHOSEN else "[ ]"
    shown = f"~~{text}~~" if decision is Decision.REJECTED else text
    said = "" if decision is Decision.CHOSEN else decision.value
    who = [] if not state.by else [f"by {escape_markdown(state.by)}"]
    if who or state.date is not None:
        said = " ".join([said or decision.value, *who])
        if state.date is not None:
            said += f", {state.date.isoformat()}"
    return f"{box} {shown} — {said}" if said else f"{box} {shown}"


def markdown_snapshot(
    mind_map: MindMap,
    *,
    entries: Mapping[Node, NodeState] | None = None,
    decisions_only: bool = False,
    today: _dt.date | None = None,
    is_collapsed: Callable[[Node], bool] | None = None,
) -> str:
    """Render the map as a Markdown decision snapshot.

    Args:
        mind_map: The map.
        entries: What the project records per node (decision, who, when, note).
        decisions_only: Keep only decided nodes (any state) and their ancestors, those
            that are not decided themselves as plain items.
        today: The date in the header (default: today).
        is_collapsed: Nodes for which this returns True are listed without their
            subtrees (collapsed branches, or an export limited to some levels).
    """
    entries = entries or {}
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
    decided = [n for n in nodes if (st := entries.get(n)) is not None and st.decision]
    counts = Counter(entries[n].decision for n in decided if n is not root)
    out += [_options_summary(counts, len(nodes) - 1, date), ""]  # type: ignore[arg-type]

    keep: set[Node] | None = None
    if decisions_only:
        keep = set()
        for node in decided:
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
        state = entries.get(node)
        if keep is not None and (state is None or state.decision is None):
            out.append(f"{pad}- {plain_item(text)}")  # an ancestor of a decision
        else:
            out.append(f"{pad}- {decided_item(text, state)}")
        note = "" if state is None else state.note.strip("\n")
        if note:
            out.append("")
            out.extend(f"{pad}{_INDENT}{line}".rstrip() for line in note.split("\n"))
            out.append("")
        if is_collapsed is not None and is_collapsed(node):
            continue
        stack.extend((child, level + 1) for child in reversed(node.children))
    out.append("")
    return "\n".join(out)
