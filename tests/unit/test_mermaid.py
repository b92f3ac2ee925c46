"""The Mermaid reader beyond the conformance suite: line numbers, pre-processing, the
Karar fix and its divergence reports, and that the fast paths agree with the rule tables."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karar.core.errors import MapSyntaxError
from karar.core.mermaid import (
    _Lexer,
    _LexError,
    decode_entities,
    detect_mindmap,
    parse_mermaid,
)
from karar.core.model import Shape


def tree(text: str, **kw: object) -> dict | None:
    return parse_mermaid(text, **kw).map.to_dict()  # type: ignore[arg-type]


def labels(text: str, **kw: object) -> list[str]:
    return [n.label for n in parse_mermaid(text, **kw).map]  # type: ignore[arg-type]


def test_crlf_cr_and_bom_are_accepted() -> None:
    text = "\ufeffmindmap\r\n  Root\r\n    A\r    B\n"
    assert labels(text) == ["Root", "A", "B"]


def test_blank_lines_and_comments_before_keyword() -> None:
    assert labels("\n\n%% hello\n  mindmap\n  Root\n") == ["Root"]


def test_node_lines_are_file_lines() -> None:
    text = "---\ntitle: T\n---\nmindmap\n%% c\n  Root\n\n    A\n    %% x\n    B\n"
    nodes = list(parse_mermaid(text).map)
    assert [(n.label, n.line) for n in nodes] == [("Root", 6), ("A", 8), ("B", 10)]


def test_first_line_offset_for_markdown_blocks() -> None:
    nodes = list(parse_mermaid("mindmap\n  Root\n    A\n", first_line=10).map)
    assert [n.line for n in nodes] == [11, 12]


def test_error_lines_are_file_lines() -> None:
    with pytest.raises(MapSyntaxError) as info:
        parse_mermaid("mindmap\n%% c\n  Root\n\n  Second root\n", path="m.mmd")
    assert info.value.line == 5
    assert str(info.value).startswith("m.mmd:5: there can be only one root")


def test_front_matter_title_is_kept() -> None:
    result = parse_mermaid('---\ntitle: "Stack: 2026"\n---\nmindmap\n  R\n')
    assert result.map.title == "Stack: 2026"
    assert result.map.display_title == "Stack: 2026"


def test_bad_front_matter_names_its_line() -> None:
    with pytest.raises(MapSyntaxError) as info:
        parse_mermaid("---\ntitle: [unclosed\n---\nmindmap\n  R\n")
    assert "front matter" in info.value.message


def test_entity_codes() -> None:
    assert labels("mindmap\n  A #amp; B #35; C #40;x#41; #nosuch;\n") == ["A & B # C (x) #nosuch;"]
    assert decode_entities("#9829;") == "\u2665"


def test_icons_and_classes_decorate_the_last_node() -> None:
    nodes = list(parse_mermaid("mindmap\n  R\n    A\n    ::icon(fa fa-book)\n    :::big red\n").map)
    assert (nodes[1].icon, nodes[1].css_class) == ("fa fa-book", "big red")
    assert nodes[0].icon is None


def test_decoration_before_any_node_is_an_error() -> None:
    with pytest.raises(MapSyntaxError, match="must follow the node"):
        parse_mermaid("mindmap\n  ::icon(fa fa-book)\n  R\n")


def test_markdown_string_flag_and_newlines() -> None:
    node = parse_mermaid('mindmap\n  a["`**b**\nline`"]\n').map.root
    assert node is not None
    assert node.markdown and node.label == "**b**\nline" and node.shape is Shape.SQUARE


def test_keyword_case() -> None:
    result = parse_mermaid("MindMap\n  R\n")
    assert result.keyword_case == 1
    with pytest.raises(MapSyntaxError, match="no 'mindmap' keyword"):
        parse_mermaid("MindMap\n  R\n", strict=True)


@pytest.mark.parametrize("node", ["mindmap", "MINDMAP", "Mindmap now"])
def test_node_named_mindmap_is_an_error(node: str) -> None:
    with pytest.raises(MapSyntaxError):
        parse_mermaid(f"mindmap\n  R\n    {node}\n")


def test_my_mindmap_is_fine() -> None:
    assert labels("mindmap\n  R\n    my mindmap\n    mindmapping\n") == [
        "R",
        "my mindmap",
        "mindmapping",
    ]


def test_default_reading_divergences() -> None:
    text = "mindmap\n  Root\n    Sentry (errors)\n    A (x) y\n    ok[fine]\n    Read-heavy\n"
    result = parse_mermaid(text)
    assert [n.label for n in result.map] == [
        "Root",
        "Sentry (errors)",
        "A (x) y",
        "fine",
        "Read-heavy",
    ]
    lines = [(d.line, d.rejected) for d in result.divergences]
    assert lines == [(3, False), (4, True)]
    assert "rounded node labelled 'errors'" in result.divergences[0].mermaid


def test_unclosed_shape_in_default_reading_reads_the_rest() -> None:
    result = parse_mermaid('mindmap\n  R\n    a["open\n    b\n')
    assert [n.label for n in result.map] == ["R", 'a["open', "b"]
    assert result.divergences[0].rejected


def test_empty_mindmap_has_no_root() -> None:
    assert parse_mermaid("mindmap\n").map.root is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("  Root\n", "no 'mindmap' keyword"),
        ("", "empty"),
        ("mindmap\n\n  Root\n", "blank line directly after"),
        ("mindmap\n  R\n  S\n", "only one root"),
        ("mindmap\n  R\n    [x] tail\n", "unexpected text after the node"),
    ],
)
def test_strict_errors_are_clear(text: str, message: str) -> None:
    with pytest.raises(MapSyntaxError, match=message):
        parse_mermaid(text, strict=True)


def test_detect_mindmap() -> None:
    assert detect_mindmap("%% c\nmindmap\n  R")
    assert not detect_mindmap("graph TD\n  A-->B")
    assert detect_mindmap("Mindmap\n R") and not detect_mindmap("Mindmap\n R", strict=True)


def test_deep_nesting_is_iterative() -> None:
    depth = 5000
    text = "mindmap\n" + "".join(" " * (i + 1) + f"n{i}\n" for i in range(depth))
    mind_map = parse_mermaid(text).map
    node = mind_map.root
    count = 0
    while node is not None and node.children:
        node = node.children[0]
        count += 1
    assert count == depth - 1
    assert mind_map.to_dict() is not None


# --- the fast paths agree with jison's ordered rules -------------------------------------

_ALPHABET = st.sampled_from(
    [*list(' \t\n\xa0ab mM%:-()[]{}"`#;iconxd'), "mindmap", "::icon(", ":::", "%%"]
)


def _tokens(text: str, reference: bool) -> list[tuple[str, str, int]] | str:
    lexer = _Lexer(text)
    out = []
    try:
        for _ in range(10_000):
            token = lexer.next(reference=reference)
            out.append(token)
            if token[0] == "EOF":
                return out
    except _LexError as fail:
        return f"fail at {fail.offset}"
    raise AssertionError("lexer did not reach the end")


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_fast_lexer_equals_rule_tables(text: str) -> None:
    assert _tokens(text, reference=False) == _tokens(text, reference=True)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 6), st.lists(_ALPHABET, min_size=1, max_size=6)), max_size=12)
)
def test_simple_line_fast_path_changes_nothing(lines: list[tuple[int, list[str]]]) -> None:
    import karar.core.mermaid as mm

    text = "mindmap\n  Root\n" + "".join(" " * (2 + n) + "".join(p) + "\n" for n, p in lines)
    results = []
    for fast in (True, False):
        saved = mm._SIMPLE_LINE
        if not fast:
            mm._SIMPLE_LINE = mm.re.compile(r"(?!)()()")
        try:
            for strict in (True, False):
                try:
                    r = parse_mermaid(text, strict=strict)
                    results.append((r.map.to_dict(), [(d.line, d.text) for d in r.divergences]))
                except MapSyntaxError as exc:
                    results.append(str(exc))
        finally:
            mm._SIMPLE_LINE = saved
    assert results[:2] == results[2:]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_raises_only_our_error(text: str) -> None:
    for strict in (True, False):
        with contextlib.suppress(MapSyntaxError):
            parse_mermaid(text, strict=strict)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map(lambda parts: "mindmap\n  R\n" + "".join(parts)))
def test_arbitrary_mindmap_text_raises_only_our_error(text: str) -> None:
    for strict in (True, False):
        with contextlib.suppress(MapSyntaxError):
            parse_mermaid(text, strict=strict)
