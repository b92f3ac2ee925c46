"""Hostile map text: whatever a map file holds, reading it, its warnings, every text export
and the label functions end in a map or in Karar's own error, never in another exception.

Hypothesis builds the text from the pieces the reader and the label markup care about
(shape openers and closers, quotes, tags, entity codes, comments, style lines, blanks and
every kind of line break), repeated and interleaved.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from karar.core import labels
from karar.core.errors import MapSyntaxError
from karar.core.export import to_json
from karar.core.mermaid_writer import plain_label_text, to_mermaid
from karar.core.report import markdown_snapshot
from karar.core.sources import MapSource, parse_source, reading_warnings

PIECES = st.sampled_from(
    [
        *"()[]{}\"`<>&#;:%*_-/=' \t\n",
        "\u2028", "\u2029", "\r", "\xa0", "\ufeff", "\x85", "a", "ş", "1",
        "((", "))", "{{", "}}", "(-", "-)", '"`', '`"', ":::", "::icon(", "%%", "%%{", "}%%",
        "mindmap", "style ", "classDef ", ":#", "<a ", "<b>", "</b>", "<br>", "<br/", "<!--",
        "-->", '="', "&amp;", "#35;", "#amp;", "**", "__", "\n  ", "\n    ", "---\n",
    ]
)  # fmt: skip


def _every_output(text: str, name: str) -> None:
    source = MapSource(name, text)
    for strict in (False, True):
        for keep_going in (False, True):
            try:
                result = parse_source(source, strict=strict, keep_going=keep_going)
            except MapSyntaxError:
                continue
            reading_warnings(source, result)
            to_json(result.map)
            to_mermaid(result.map)
            markdown_snapshot(result.map)
            for node in result.map:
                labels.label_markdown(node.label, node.markdown)
                labels.plain_text(node.label, not node.markdown)
                labels.has_markup(node.id)
                plain_label_text(node.label)


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECES, max_size=60).map(lambda p: "mindmap\n  Root\n    " + "".join(p)))
def test_hostile_node_lines_end_in_a_map_or_our_error(text: str) -> None:
    _every_output(text, "hostile.mmd")


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join))
def test_hostile_whole_files_end_in_a_map_or_our_error(text: str) -> None:
    _every_output(text, "hostile.mmd")


def test_a_class_line_cut_by_a_line_separator_is_one_plain_line() -> None:
    """``:::`` then U+2028: the lexer fails inside the class, after the ``:::``; the line
    was read from there on, as an empty label, and ``karar check`` raised ValueError
    spelling it for Mermaid."""
    source = MapSource("x.mmd", "mindmap\n  root\n    :::\u2028\n")
    result = parse_source(source)
    assert [n.label for n in result.map] == ["root", ":::"]
    [(line, message)] = reading_warnings(source, result)
    assert line == 3 and "Mermaid rejects this line" in message
