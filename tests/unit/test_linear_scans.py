"""Each linear scan that replaced a backtracking regex finds exactly what the regex finds.

The regexes (Mermaid's pre-processing ones spelled in Python with JavaScript's ``\\s``, ``.``
and ``\\w``; the label and writer ones as they were) are the references. Hypothesis builds
text from the pieces each pattern cares about (openers, closers, quotes, blanks, line
breaks), repeated and interleaved, which is where backtracking and its rewrites differ if
they differ anywhere. How long the scans take is checked in tests/hostile/test_linear.py.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from karar.core import labels, mermaid_writer
from karar.core.labels import _build, _emphasis, _Tags
from karar.core.mermaid import _Lexer, _LexError
from karar.core.mermaid_preprocess import (
    DIRECTIVE,
    JS_DOT,
    JS_SPACE,
    comment_line_spans,
    front_matter,
    html_tags,
    quote_attributes,
    style_semicolons,
)


def pieces(*alphabet: str, max_size: int = 40) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(alphabet), max_size=max_size).map("".join)


_NOT_SPACE = "[^" + JS_SPACE[1:]

# --- Mermaid's pre-processing ----------------------------------------------------------

REF_FRONT_MATTER = re.compile(
    "^-{3}" + JS_SPACE + "*[\\n\\r](.*?)[\\n\\r]-{3}" + JS_SPACE + "*[\\n\\r]+", re.DOTALL
)
REF_COMMENT_LINE = re.compile("^" + JS_SPACE + "*%%(?!\\{)[^\\n]+\\n?", re.MULTILINE)
REF_TAG = re.compile("<([A-Za-z0-9_]+)([^>]*)>")
REF_STYLE = re.compile("style" + JS_DOT + "*:" + _NOT_SPACE + "*#" + JS_DOT + "*;")
REF_CLASSDEF = re.compile("classDef" + JS_DOT + "*:" + _NOT_SPACE + "*#" + JS_DOT + "*;")

FRONT_MATTER_TEXT = pieces(
    "---", "-", "\n", "\r", " ", "\t", "\u2028", "\x85", "\ufeff", "x", "\n---", "---\n", "\n\n"
).map(lambda t: "---" + t)


@settings(max_examples=1500, deadline=None)
@given(FRONT_MATTER_TEXT)
def test_front_matter_is_the_regex(text: str) -> None:
    m = REF_FRONT_MATTER.match(text)
    assert front_matter(text) == ((m.group(1), m.end()) if m else None)


@settings(max_examples=1000, deadline=None)
@given(pieces("%%", "%%{", "%", "{", "\n", " ", "\t", "\u2028", "\r", "x", "\n\n", max_size=30))
def test_comment_lines_are_the_regex(text: str) -> None:
    assert comment_line_spans(text) == [m.span() for m in REF_COMMENT_LINE.finditer(text)]


TAG_TEXT = pieces("<", ">", "a", "<a", "_", "1", " ", '="', '"', "=", "\n", "ş", "/", "<<")


@settings(max_examples=1000, deadline=None)
@given(TAG_TEXT)
def test_html_tags_are_the_regex(text: str) -> None:
    want = [(m.start(), m.end(1), m.end() - 1) for m in REF_TAG.finditer(text)]
    assert list(html_tags(text)) == want


@settings(max_examples=1000, deadline=None)
@given(TAG_TEXT)
def test_attribute_quotes_are_the_regex(text: str) -> None:
    def one(m: re.Match[str]) -> str:
        return "<" + m.group(1) + re.sub('="([^"]*)"', r"='\1'", m.group(2)) + ">"

    assert quote_attributes(text) == REF_TAG.sub(one, text)


@settings(max_examples=1500, deadline=None)
@given(
    pieces("style", "classDef", ":", "#", ";", " ", "\n", "\u2028", "x", ":#", "\t", "\xa0", "\x85")
)
def test_style_semicolons_are_the_regexes_in_turn(text: str) -> None:
    want = REF_CLASSDEF.sub(lambda m: m.group()[:-1], REF_STYLE.sub(lambda m: m.group()[:-1], text))
    dropped = set(style_semicolons(text))
    assert all(text[i] == ";" for i in dropped)
    assert "".join(c for i, c in enumerate(text) if i not in dropped) == want


REF_DIRECTIVE = re.compile(
    r"%{2}\{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!\}%{2}).|\r?\n)*))?\s*(?:\}%{2})?",
    re.IGNORECASE,
)


@settings(max_examples=1000, deadline=None)
@given(pieces("%%{", "}%%", "%", "{", "}", "a", ":", " ", "\n", "\r\n", "\r", "init", max_size=30))
def test_directives_are_mermaids_regex(text: str) -> None:
    """The directive regex with its body made possessive finds what Mermaid's finds."""
    want = [(m.span(), m.groups()) for m in REF_DIRECTIVE.finditer(text)]
    assert [(m.span(), m.groups()) for m in DIRECTIVE.finditer(text)] == want


# --- the lexer's states ------------------------------------------------------------------

LEXER_TEXT = pieces(
    *' \t\n\xa0\u2028\r-()[]{}"`%:;ab',
    "mindmap",
    "::icon(",
    ":::",
    "%%",
    "((",
    "))",
    "{{",
    "}}",
    "(-",
    "-)",
    '"`',
    '`"',
    max_size=50,
)


def _tokens(text: str, reference: bool) -> list[tuple[str, str, int]] | str:
    lexer = _Lexer(text)
    out = []
    try:
        while True:
            token = lexer.next(reference=reference)
            out.append(token)
            if token[0] == "EOF":
                return out
    except _LexError as fail:
        return f"fail at {fail.offset}: {fail.message}"


@settings(max_examples=1500, deadline=None)
@given(LEXER_TEXT)
def test_every_lexer_state_equals_its_rule_table(text: str) -> None:
    assert _tokens(text, reference=False) == _tokens(text, reference=True)


# --- label markup ------------------------------------------------------------------------

REF_LABEL_TAG = re.compile(
    r"<(?:(?P<close>/)?(?P<name>[A-Za-z][^\s/>]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>"
    r"|!--.*?-->|[!?][^>]*>)",
    re.DOTALL,
)
REF_BREAK = re.compile(r"</?br(?:[\s/](?:[^>\"']|\"[^\"]*\"|'[^']*')*)?>", re.IGNORECASE)
REF_EMPHASIS = re.compile(
    r"\*\*(?P<b1>.+?)\*\*"
    r"|(?<![\w])__(?P<b2>.+?)__(?![\w])"
    r"|\*(?P<i1>[^*\s](?:[^*]*?[^*\s])?)\*"
    r"|(?<![\w])_(?P<i2>[^_\s](?:[^_]*?[^_\s])?)_(?![\w])",
    re.DOTALL,
)

LABEL_TAG_TEXT = pieces(
    "<", ">", "/", "a", "B", "br", "BR", "b", " ", "\n", '"', "'", "=", "-", "!", "?", "<!--",
    "-->", "<a", "</", "<br", "\xa0", "x", max_size=30,
)  # fmt: skip


# Tag names may hold quotes: the regex then gives back the name up to a quote
QUOTED_NAME_TEXT = pieces("<a", '"', "'", " ", ">", "b", "/", max_size=16)


@settings(max_examples=2000, deadline=None)
@given(LABEL_TAG_TEXT | QUOTED_NAME_TEXT)
def test_label_tags_are_the_regex(text: str) -> None:
    tags = _Tags(text)
    for pos in range(len(text) + 1):
        m = REF_LABEL_TAG.search(text, pos)
        want = m and (m.start(), m.end(), m.group("close") is not None, m.group("name"))
        assert tags.search(pos) == want, pos


@settings(max_examples=2000, deadline=None)
@given(LABEL_TAG_TEXT | QUOTED_NAME_TEXT.map(lambda t: t.replace("<a", "<br")))
def test_label_breaks_are_the_regex(text: str) -> None:
    assert _Tags(text).split_at_breaks() == REF_BREAK.split(text)


def _reference_emphasis(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        bold = m.group("b1") if m.group("b1") is not None else m.group("b2")
        if bold is not None:
            return labels._B_OPEN + _reference_emphasis(bold) + labels._B_CLOSE
        italic = m.group("i1") if m.group("i1") is not None else m.group("i2")
        return labels._I_OPEN + _reference_emphasis(italic) + labels._I_CLOSE

    return REF_EMPHASIS.sub(one, text)


@settings(max_examples=3000, deadline=None)
@given(pieces("*", "**", "_", "__", "a", " ", "\n", ".", "\ufdd0", "é", "1", max_size=30))
def test_emphasis_is_the_regex(text: str) -> None:
    assert _emphasis(text) == _reference_emphasis(text)


def test_deeply_nested_underscores_need_no_recursion() -> None:
    """``__`` nests in ``__`` once per two underscores: 4,000 of them were a RecursionError
    (and quadratic); now a stack."""
    text = "_" * 4000 + "a" + "_" * 4000
    assert _emphasis(text) == labels._B_OPEN * 2000 + "a" + labels._B_CLOSE * 2000
    assert labels.display_lines(text, markdown=True) == ["a"]


def _reference_build(items: list[str | tuple[str, str]]) -> tuple[labels.Paragraph, ...]:
    """``_build`` as it was: a list of open tags, the style recomputed from all of them."""
    Run, paras, line, open_tags, style = labels.Run, [], [], [], labels.Style(0)

    def finish() -> None:
        runs = [r for r in line if r.text]
        if runs:
            runs[0] = runs[0]._replace(text=runs[0].text.lstrip(labels._HTML_SPACE))
            runs[-1] = runs[-1]._replace(text=runs[-1].text.rstrip(labels._HTML_SPACE))
            runs = [r for r in runs if r.text]
        paras.append(tuple(runs) or (Run(""),))
        line.clear()

    for item in items:
        if isinstance(item, str):
            text = labels._decode(item)
            if line and line[-1].style == style:
                line[-1] = Run(line[-1].text + text, style)
            else:
                line.append(Run(text, style))
            continue
        kind, name = item
        if kind == "br":
            finish()
            continue
        if kind == "open":
            open_tags.append(name)
        else:
            for i in range(len(open_tags) - 1, -1, -1):
                if open_tags[i] == name:
                    del open_tags[i]
                    break
            else:
                continue
        style = labels.Style(0)
        for tag in open_tags:
            style |= labels._FORMATTING[tag]
    finish()
    return tuple(paras)


ITEMS = st.lists(
    st.sampled_from(["a", " ", "&amp;", "b ", ""])
    | st.tuples(st.sampled_from(["open", "close"]), st.sampled_from(["b", "i", "strong", "code"]))
    | st.just(("br", "")),
    max_size=30,
)


@settings(max_examples=1000, deadline=None)
@given(ITEMS)
def test_runs_are_built_as_before(items: list[str | tuple[str, str]]) -> None:
    assert _build(items) == _reference_build(items)


# --- the writer --------------------------------------------------------------------------


def _reference_protect_tags(text: str) -> str:
    while "<" in text:
        for m in REF_TAG.finditer(text):
            if '="' in m.group(2):
                text = text[: m.start()] + "#60;" + text[m.start() + 1 :]
                break
        else:
            return text
    return text


@settings(max_examples=1000, deadline=None)
@given(TAG_TEXT)
def test_writer_protects_tags_as_the_rescanning_loop_did(text: str) -> None:
    assert mermaid_writer._protect_tags(text) == _reference_protect_tags(text)


REF_COMMENT_AFTER_BREAK = re.compile("(\n" + JS_SPACE + "*)%(?=%)")


@settings(max_examples=1000, deadline=None)
@given(pieces("%", "%%", "\n", " ", "\t", "x", "\u2028", max_size=30))
def test_writer_protects_comment_lines_as_the_regex_did(text: str) -> None:
    want = REF_COMMENT_AFTER_BREAK.sub(lambda m: m.group(1) + "#37;", text)
    assert mermaid_writer._protect_comment_lines(text) == want
