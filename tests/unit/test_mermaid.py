"""The Mermaid reader beyond the conformance suite: line numbers, pre-processing, the
Karar fix and its divergence reports, and that the fast paths agree with the rule tables."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karar.core.errors import MapSyntaxError
from karar.core.mermaid import (
    ParseResult,
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


_LINE_PIECES = st.sampled_from(
    [*list(' \t\xa0ab%:-()[]{}"`#;x'), "((", "))", "{{", "}}", "(-", "-)", "mindmap", "%%", "::"]
)


def _fast_paths_change_nothing(text: str) -> None:
    import karar.core.mermaid as mm

    results = []
    for fast in (True, False):
        saved = mm._SIMPLE_LINE, mm._SHAPED_LINE
        if not fast:
            mm._SIMPLE_LINE = mm._SHAPED_LINE = mm.re.compile(r"(?!)()()()()()")
        try:
            for strict in (True, False):
                try:
                    r = parse_mermaid(text, strict=strict)
                    nodes = [(n.label, n.id, n.shape, n.line) for n in r.map]
                    results.append((nodes, [(d.line, d.text, d.mermaid) for d in r.divergences]))
                except MapSyntaxError as exc:
                    results.append(str(exc))
        finally:
            mm._SIMPLE_LINE, mm._SHAPED_LINE = saved
    assert results[:2] == results[2:]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 6), st.lists(_ALPHABET, min_size=1, max_size=6)), max_size=12)
)
def test_simple_line_fast_path_changes_nothing(lines: list[tuple[int, list[str]]]) -> None:
    _fast_paths_change_nothing(
        "mindmap\n  Root\n" + "".join(" " * (2 + n) + "".join(p) + "\n" for n, p in lines)
    )


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 4),
            st.lists(_LINE_PIECES, min_size=1, max_size=3),
            st.sampled_from(["(", "((", "(-", ")", "))", "{{", "[", "-)", ""]),
            st.lists(_LINE_PIECES, max_size=3),
            st.sampled_from([")", "))", "]", "}}", "(", "((", "(-", "-)", "}", ""]),
        ),
        max_size=10,
    )
)
def test_shaped_line_fast_path_changes_nothing(
    lines: list[tuple[int, list[str], str, list[str], str]],
) -> None:
    _fast_paths_change_nothing(
        "mindmap\n  Root\n"
        + "".join(
            " " * (2 + n) + "".join(a) + opener + "".join(b) + closer + "\n"
            for n, a, opener, b, closer in lines
        )
    )


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


# --- a shape's text never runs past its line in the default reading -----------------------

UNCLOSED = Path(__file__).parent.parent / "data" / "unclosed-shapes.mmd"


def test_unclosed_shapes_do_not_swallow_the_next_line() -> None:
    result = parse_mermaid(UNCLOSED.read_text(encoding="utf-8"))
    assert [(n.label, n.shape, n.line) for n in result.map] == [
        ("Kök", Shape.DEFAULT, 2),
        ("A[Açık köşeli parantez", Shape.DEFAULT, 3),
        ("B(Bitmemiş yuvarlak", Shape.DEFAULT, 4),
        ("Altıgen", Shape.HEXAGON, 5),
    ]
    first, second = result.divergences
    assert (first.line, first.rejected, second.line, second.rejected) == (3, True, 4, False)
    assert "reads on to line 4, where text follows the node" in first.mermaid
    assert second.mermaid.startswith("Mermaid reads lines 4-5 as one cloud node labelled")


def test_strict_reading_of_unclosed_shapes_is_mermaids() -> None:
    text = UNCLOSED.read_text(encoding="utf-8")
    with pytest.raises(MapSyntaxError) as info:
        parse_mermaid(text, strict=True)
    assert info.value.line == 3  # the line to fix, though Mermaid stumbles on line 4
    assert "unexpected text after the node: 'Bitmemiş yuvarlak'" in info.value.message
    assert "reads on to line 4" in info.value.message
    # without line 3, Mermaid reads lines 4-5 as one cloud node, and so does --strict
    rest = text.replace("    A[Açık köşeli parantez\n", "")
    nodes = list(parse_mermaid(rest, strict=True).map)
    assert [(n.label, n.shape) for n in nodes] == [
        ("Kök", Shape.DEFAULT),
        ("Bitmemiş yuvarlak\n    C{{Altıgen", Shape.CLOUD),
    ]


def test_quoted_and_markdown_strings_across_lines() -> None:
    text = 'mindmap\n  R\n    a["two\n    lines"]\n    b["`md\n    too`"]\n'
    nodes = list(parse_mermaid(text).map)
    assert [n.label for n in nodes] == ["R", 'a["two', 'lines"]', "md\n    too"]
    assert nodes[3].markdown and nodes[3].shape is Shape.SQUARE
    assert [n.label for n in parse_mermaid(text, strict=True).map] == [
        "R",
        "two\n    lines",
        "md\n    too",
    ]


def test_an_unclosed_icon_does_not_swallow_the_lines_below() -> None:
    text = "mindmap\n  R\n    A\n    ::icon(fa fa-book\n    B\n    C (x)\n"
    result = parse_mermaid(text)
    assert [(n.label, n.icon) for n in result.map] == [
        ("R", None),
        ("A", None),
        ("B", None),
        ("C (x)", None),
    ]
    assert result.divergences[0].line == 4
    assert result.divergences[0].safe == "::icon(fa fa-book)"
    strict = list(parse_mermaid(text, strict=True).map)
    assert strict[1].icon == "fa fa-book\n    B\n    C (x"


def test_a_line_the_lexer_cannot_start_is_one_plain_label() -> None:
    result = parse_mermaid("mindmap\n  R\n    }} stray\n    ok\n")
    assert [n.label for n in result.map] == ["R", "}} stray", "ok"]
    assert result.divergences[0].rejected
    with pytest.raises(MapSyntaxError, match="cannot read '}'"):
        parse_mermaid("mindmap\n  R\n    }} stray\n    ok\n", strict=True)


_LINES = st.sampled_from(
    [*list(' \t\n\n\n\xa0ab%:-()[]{}"`'), "((", "))", "{{", "}}", "::icon(", ":::", '"`', '`"']
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_LINES, max_size=60).map(lambda parts: "mindmap\n  R\n    " + "".join(parts)))
def test_default_reading_keeps_labels_on_their_line(text: str) -> None:
    """Only a markdown string may hold a line break, whatever the input."""
    try:
        result = parse_mermaid(text)
    except MapSyntaxError:
        return
    for node in result.map:
        assert "\n" not in node.label or node.markdown, (text, node)


# --- keep_going: every error, not only the first ------------------------------------------


def test_keep_going_reports_each_error_and_reads_on() -> None:
    text = (
        "mindmap\n  R\n    ok\n  Second root\n    child\n    [x] tail\n    last\n    ::icon(fa x)\n"
    )
    result = parse_mermaid(text, strict=True, keep_going=True)
    assert [(e.line, e.message.split(":")[0]) for e in result.errors] == [
        (4, "there can be only one root"),
        (6, "unexpected text after the node"),
    ]
    # the second root is skipped, its children stay under the real root
    assert [(n.label, n.parent.label if n.parent else None) for n in result.map] == [
        ("R", None),
        ("ok", "R"),
        ("child", "R"),
        ("x", "R"),
        ("last", "R"),
    ]
    assert result.map.root is not None and result.map.root.children[-1].icon == "fa x"


def test_keep_going_continues_after_a_blank_line_after_the_keyword() -> None:
    result = parse_mermaid("mindmap\n\n  R\n    A\n", keep_going=True)
    assert [e.line for e in result.errors] == [3]
    assert [n.label for n in result.map] == ["R", "A"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_ALPHABET, max_size=60).map(lambda parts: "mindmap\n  R\n" + "".join(parts)),
    st.booleans(),
)
def test_keep_going_starts_with_the_error_the_reader_raises(text: str, strict: bool) -> None:
    """The first error kept is the one a normal read stops at; without errors the tree is
    the same."""
    plain = _read(text, strict=strict)
    kept = _read(text, strict=strict, keep_going=True)
    if isinstance(plain, MapSyntaxError):
        if isinstance(kept, MapSyntaxError):  # before the first node: raised all the same
            assert str(kept) == str(plain)
        else:
            assert kept.errors and str(kept.errors[0]) == str(plain)
    else:
        assert not isinstance(kept, MapSyntaxError) and kept.errors == []
        assert kept.map.to_dict() == plain.map.to_dict()


def _read(text: str, **kw: bool) -> ParseResult | MapSyntaxError:
    try:
        return parse_mermaid(text, **kw)
    except MapSyntaxError as exc:
        return exc
