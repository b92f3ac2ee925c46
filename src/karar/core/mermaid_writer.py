"""Writing a map as Mermaid-safe ``mindmap`` text.

What this module writes reads back as the same tree both in Mermaid 11 and in Karar's
default reading: characters the grammar would take as syntax are written as Mermaid's
entity codes (``#40;`` for ``(``), which Mermaid shows as the character itself. It also
gives ``karar check`` the Mermaid-safe spelling of a line.

A default-shape node's id is its label in Mermaid; a different id on such a node cannot be
written and is dropped.
"""

from __future__ import annotations

import json
import re

from karar.core.bulk import no_gc
from karar.core.mermaid_preprocess import (
    ENTITY_CODE,
    JS_SPACE_CHARS,
    next_html_tag,
    style_semicolons,
)
from karar.core.model import MindMap, Node, Shape

_DELIMS = {
    Shape.SQUARE: ("[", "]"),
    Shape.ROUNDED: ("(", ")"),
    Shape.CIRCLE: ("((", "))"),
    Shape.BANG: ("))", "(("),
    Shape.CLOUD: (")", "("),
    Shape.HEXAGON: ("{{", "}}"),
}
_NODE_ID_SPECIAL = frozenset("()[]{}\n")
_DESCR_SPECIAL = frozenset('()[]{}"\n')
_LEADING_TRAPS = re.compile(r"mindmap\b|%%|::", re.IGNORECASE | re.ASCII)
_STYLE_WORDS = re.compile(r"style|classDef")
# A whole run of blanks (never a part of one: each run is matched once) before "%%".
_BLANKS_BEFORE_COMMENT = re.compile(
    "(?<![" + re.escape(JS_SPACE_CHARS) + "])[" + re.escape(JS_SPACE_CHARS) + "]*+%(?=%)"
)


def _code(ch: str) -> str:
    return f"#{ord(ch)};"


def _protect_entities(text: str) -> str:
    """Write ``#`` as ``#35;`` wherever the reader would take it as an entity code."""
    if "#" not in text or not ENTITY_CODE.search(text):
        return text
    return ENTITY_CODE.sub(lambda m: "#35;" + m.group(0)[1:], text)


def _protect_common(text: str) -> str:
    return _protect_directives(_protect_entities(text))


def _protect_tags(text: str) -> str:
    """Mermaid rewrites ``="..."`` inside anything that looks like an HTML tag, ``<word
    ...>``, even across lines; write the ``<`` of each such span as ``#60;``.

    Once a ``<`` is written so, a later ``<`` inside the same span may start a tag of its
    own, so the scan goes on right after the written ``<``."""
    if '="' not in text:
        return text
    pieces = []
    last = pos = 0
    gt = equals = -1  # the first ">" and the first '="' after the scan's position
    while (tag := next_html_tag(text, pos, gt)) is not None:
        lt, name_end, gt = tag
        if equals < name_end:
            equals = text.find('="', name_end)
            if equals < 0:
                break  # no later span holds one either
        if equals < gt:
            pieces += [text[last:lt], "#60;"]
            last = pos = lt + 1
        else:
            pos = gt + 1
    pieces.append(text[last:])
    return "".join(pieces)


def _protect_directives(text: str) -> str:
    """Mermaid deletes ``%%{...}%%`` directives anywhere in the text."""
    return text.replace("%%{", "#37;%{")


def _protect_comment_lines(text: str) -> str:
    """Mermaid deletes every line that starts with ``%%`` before it parses, even inside a
    quoted label that spans lines: write such a ``%`` as ``#37;``."""
    if "\n" not in text:
        return text
    return _BLANKS_BEFORE_COMMENT.sub(
        lambda m: m.group(0)[:-1] + "#37;" if "\n" in m.group(0) else m.group(0), text
    )


def _protect_style(text: str) -> str:
    """Mermaid drops the last ``;`` of a line that looks like ``style ...: ...#...;``; break
    up the word ``style``/``classDef`` so the line no longer looks like one. Applied last,
    since the entity codes written before bring their own ``#`` and ``;``."""
    if ";" in text and style_semicolons(text):
        return _STYLE_WORDS.sub(lambda m: _code(m.group(0)[0]) + m.group(0)[1:], text)
    return text


def escape_node_id(text: str, *, allow_space: bool = False) -> str:
    """``text`` spelled so that it lexes as one Mermaid NODE_ID token.

    Args:
        text: A label (default-shape node) or an id (shaped node).
        allow_space: Keep inner whitespace (plain labels). An id before a shape may not
            contain whitespace, or Karar reads the whole line as one plain label.
    """
    if not text:
        raise ValueError("Mermaid cannot express an empty label or id")
    text = _protect_common(text)
    out = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch in _NODE_ID_SPECIAL or (
            ch in JS_SPACE_CHARS and (not allow_space or i == 0 or i == last)
        ):
            out.append(_code(ch))
        else:
            out.append(ch)
    result = _protect_style("".join(out))
    if _LEADING_TRAPS.match(result):
        result = _code(result[0]) + result[1:]
    return result


def _descr(node: Node) -> str:
    """The part between a shape's delimiters."""
    label = node.label
    if not label:
        raise ValueError("Mermaid cannot express an empty label")
    if node.markdown:
        body = _protect_common(label).replace("`", "#96;").replace('"', "#quot;")
        body = _protect_comment_lines(body)
        return f'"`{_protect_style(body)}`"'
    needs_quotes = (
        any(ch in _DESCR_SPECIAL for ch in label)
        or label[0] in JS_SPACE_CHARS
        or label[0] == "-"  # "(-" would be read as one opener
        or label[-1] in JS_SPACE_CHARS
    )
    if not needs_quotes:
        return _protect_style(_protect_common(label))
    # Only a markdown string may span lines in Karar's default reading: a line break in
    # any other label is written as its entity code.
    body = _protect_common(label).replace('"', "#quot;").replace("\n", "#10;")
    if body.startswith("`"):  # '"`' would open a markdown string
        body = "#96;" + body[1:]
    return '"' + _protect_style(body) + '"'


def node_text(node: Node) -> str:
    """One node as Mermaid-safe text (without indentation or decorations)."""
    if node.shape is Shape.DEFAULT and not node.markdown:
        return escape_node_id(node.label, allow_space=True)
    opener, closer = _DELIMS.get(node.shape, ("[", "]"))
    node_id = "" if node.id == node.label or not node.id else escape_node_id(node.id)
    if node_id == "-":  # "-)" or "-))" would be read as one opener
        node_id = "#45;"
    # The id and the label share a line: check the two together for a style-like line.
    return _protect_style(f"{node_id}{opener}{_descr(node)}{closer}")


def plain_label_text(label: str) -> str:
    """The Mermaid-safe spelling of a plain (default-shape) label: what ``karar check``
    suggests for a line Mermaid would read differently."""
    return _protect_style(_protect_tags(escape_node_id(label, allow_space=True)))


def _decoration(text: str, special: str = "") -> str:
    text = _protect_directives(_protect_entities(text))
    for ch in "\n" + special:
        text = text.replace(ch, _code(ch))
    return _protect_style(text)


def to_mermaid(mind_map: MindMap, *, indent: str = "  ") -> str:
    """The whole map as Mermaid text (front matter with the title, if the map has one)."""
    with no_gc():  # many small objects, no cycles: the collector would rescan the map
        return _to_mermaid(mind_map, indent)


def _to_mermaid(mind_map: MindMap, indent: str) -> str:
    lines = []
    if mind_map.title:
        lines += ["---", f"title: {json.dumps(mind_map.title, ensure_ascii=False)}", "---"]
    lines.append("mindmap")
    if mind_map.root is None:
        return "\n".join(lines) + "\n"
    stack: list[tuple[Node, int]] = [(mind_map.root, 1)]
    while stack:
        node, level = stack.pop()
        pad = indent * level
        lines.append(pad + node_text(node))
        if node.icon:
            lines.append(f"{pad}::icon({_decoration(node.icon, ')')})")
        if node.css_class:
            lines.append(f"{pad}:::{_decoration(node.css_class)}")
        stack.extend((child, level + 1) for child in reversed(node.children))
    text = _protect_tags("\n".join(lines))
    return "\n".join(_protect_style(line) for line in text.split("\n")) + "\n"
