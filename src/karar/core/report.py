"""The Markdown snapshot of a map: a title, the date, and the tree as nested task lists.

The snapshot reads well on GitHub and in Python-Markdown (four spaces per nesting level).
Chosen nodes are ``- [x]`` items, rejected ones ``- [ ] ~~label~~ — rejected``, those under
consideration ``- [ ] label — considering``; who decided and when follow the label
(``— rejected by Ayşe, 2026-11-30``). A node's note follows under its item, indented as part
of it. With ``decisions_only`` only decided nodes and their ancestors remain, an ancestor
that is not decided itself as a plain item ``- label``. Labels are written as they are drawn
(:func:`karar.core.labels.label_markdown`).

The snapshot's own words are English; ``lang="tr"`` writes them in Turkish (``karar export
--format md --lang tr``), dates then as ``1.12.2026``. The labels and notes are the map's.
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

__all__ = ["LANGUAGES", "decided_item", "escape_markdown", "markdown_snapshot", "plain_item"]

LANGUAGES = ("en", "tr")
"""The languages the snapshot's own words can be written in (English by default)."""

_WORDS = {
    "en": {
        "untitled": "Mind map",
        "no nodes": "_Snapshot of {date}: the map has no nodes._",
        "no options": "_Decision snapshot, {date}: the map has no options below its root._",
        "chosen of": "{chosen} of the {options} {noun} below the root chosen",
        "option": "option",
        "options": "options",
        "n rejected": ", {n} rejected",
        "n considering": ", {n} under consideration",
        "summary": "_Decision snapshot, {date}: {text}._",
        "none yet": "_No decisions have been taken yet._",
        Decision.CHOSEN: "chosen",
        Decision.REJECTED: "rejected",
        Decision.CONSIDERING: "considering",
    },
    "tr": {
        "untitled": "Zihin haritası",
        "no nodes": "_{date} tarihli özet: haritada düğüm yok._",
        "no options": "_Karar özeti, {date}: haritada kökün altında seçenek yok._",
        "chosen of": "kökün altındaki {options} {noun} {chosen} tanesi seçildi",
        "option": "seçenekten",
        "options": "seçenekten",
        "n rejected": ", {n} tanesi reddedildi",
        "n considering": ", {n} tanesi değerlendiriliyor",
        "summary": "_Karar özeti, {date}: {text}._",
        "none yet": "_Henüz hiçbir karar verilmedi._",
        Decision.CHOSEN: "seçildi",
        Decision.REJECTED: "reddedildi",
        Decision.CONSIDERING: "değerlendiriliyor",
    },
}


def _words(lang: str) -> dict[object, str]:
    if lang not in _WORDS:
        raise ValueError(f"unknown language {lang!r} (expected one of {', '.join(LANGUAGES)})")
    return _WORDS[lang]  # type: ignore[return-value]


def format_day(day: _dt.date, lang: str = "en") -> str:
    """``day`` as a snapshot or report in ``lang`` writes it: ISO 8601 in English
    (``2026-12-01``), the Turkish way in Turkish (``1.12.2026``)."""
    if lang == "tr":
        return f"{day.day}.{day.month:02d}.{day.year}"
    return day.isoformat()


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


def _options_summary(
    counts: Mapping[Decision, int], options: int, date: str, lang: str = "en"
) -> str:
    """The line under the title: the nodes below the root are the options (the root's
    roll-up badge counts the same nodes)."""
    words = _words(lang)
    if not options:
        return words["no options"].format(date=date)
    noun = words["option"] if options == 1 else words["options"]
    text = words["chosen of"].format(chosen=counts[Decision.CHOSEN], options=options, noun=noun)
    if counts[Decision.REJECTED]:
        text += words["n rejected"].format(n=counts[Decision.REJECTED])
    if counts[Decision.CONSIDERING]:
        text += words["n considering"].format(n=counts[Decision.CONSIDERING])
    return words["summary"].format(date=date, text=text)


def decided_item(text: str, state: NodeState | None, lang: str = "en") -> str:
    """A node's list item text after ``- ``: its checkbox, its label (``text``, Markdown)
    and what was decided, by whom and when (in ``lang``'s words)."""
    decision = None if state is None else state.decision
    if state is None or decision is None:
        return f"[ ] {text}"
    box = "[x]" if decision is Decision.CHOSEN else "[ ]"
    shown = f"~~{text}~~" if decision is Decision.REJECTED else text
    if lang != "en":  # "— reddedildi (Ayşe, 30.11.2026)"
        word = _words(lang)[decision]
        extras = [escape_markdown(state.by)] if state.by else []
        if state.date is not None:
            extras.append(format_day(state.date, lang))
        if extras:
            return f"{box} {shown} — {word} ({', '.join(extras)})"
        return f"{box} {shown}" if decision is Decision.CHOSEN else f"{box} {shown} — {word}"
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
    lang: str = "en",
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
        lang: The language of the snapshot's own words, one of :data:`LANGUAGES`.

    Raises:
        ValueError: ``lang`` is not one of :data:`LANGUAGES`.
    """
    words = _words(lang)
    entries = entries or {}
    date = format_day(today or _dt.date.today(), lang)
    root = mind_map.root
    if mind_map.title or root is None:
        title = escape_markdown(mind_map.title or words["untitled"])
    else:
        title = label_markdown(root.label, root.markdown)
    out = [f"# {title}", ""]
    if root is None:
        out += [words["no nodes"].format(date=date), ""]
        return "\n".join(out)
    nodes = list(root.walk())
    decided = [n for n in nodes if (st := entries.get(n)) is not None and st.decision]
    counts = Counter(entries[n].decision for n in decided if n is not root)
    out += [_options_summary(counts, len(nodes) - 1, date, lang), ""]  # type: ignore[arg-type]

    keep: set[Node] | None = None
    if decisions_only:
        keep = set()
        for node in decided:
            keep.add(node)
            keep.update(node.ancestors())
        if not keep:
            out += [words["none yet"], ""]
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
            out.append(f"{pad}- {decided_item(text, state, lang)}")
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
