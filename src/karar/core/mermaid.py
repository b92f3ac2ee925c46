"""Reading Mermaid ``mindmap`` text: Mermaid 11's own grammar, plus Karar's one fix.

This is a port of Mermaid's pre-processing (front matter, directives, ``%%`` comments,
entity codes) and of the jison lexer and grammar in
``packages/mermaid/src/diagrams/mindmap/parser/mindmap.jison`` with the tree building of
``mindmapDb.ts``. The lexer keeps jison's semantics exactly: per start condition the rules
are tried in order and the first that matches wins; the pattern ``mindmap`` gets jison's
implicit ``\\b``; JavaScript's ``\\s`` and ``.`` are spelled out because Python's differ.

Karar's default reading differs from Mermaid's in one deliberate way (CONTRACT.md): a node
line whose text before its shape opener contains whitespace, that has text after its
shape's closer, or that Mermaid cannot read as a node at all, is one plain node labelled
with the whole line, trimmed. Nothing but a markdown string runs past the end of its line
in this reading: a shape (or an ``::icon(``) left open on its line does not swallow the
lines below it, as it does in Mermaid. Each such line is reported as a :class:`Divergence`
so that ``karar check`` can show the Mermaid-safe spelling. ``strict=True`` reads exactly
as Mermaid. ``keep_going=True`` (for ``karar check``) records each error and reads on from
the next line instead of stopping at the first.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from karar.core.bulk import no_gc
from karar.core.errors import MapSyntaxError, Message
from karar.core.mermaid_preprocess import (
    ENTITY_CODE,
    JS_DOT,
    JS_EOL_CHARS,
    JS_SPACE,
    JS_SPACE_CHARS,
    comment_line_spans,
    directive_spans,
    front_matter,
    line_end,
    quote_attributes,
    style_semicolons,
)
from karar.core.model import MindMap, Node, Shape
from karar.core.scan import NextMatch

_S = JS_SPACE
_DOT = JS_DOT
_FLAGS = re.IGNORECASE | re.ASCII  # jison: case-insensitive; JS regexes fold ASCII only

# Token kinds (names as in the grammar).
MINDMAP = "MINDMAP"
SPACELINE = "SPACELINE"
NL = "NL"
SPACELIST = "SPACELIST"
NODE_ID = "NODE_ID"
NODE_DSTART = "NODE_DSTART"
NODE_DESCR = "NODE_DESCR"
NODE_DEND = "NODE_DEND"
ICON = "ICON"
CLASS = "CLASS"
EOF = "EOF"

_INITIAL, _NODE, _NSTR, _NSTR2, _ICON, _CLASS = range(6)

# One alternation per start condition, in the jison file's rule order. Group names say what
# the rule does: a token kind to return, or an action on the state stack.
_RULES = {
    _INITIAL: [
        ("skip", _S + "*%%" + _DOT + "*"),
        (MINDMAP, "mindmap\\b"),
        ("begin_class", ":::"),
        ("begin_icon", "::icon\\("),
        (SPACELINE, _S + "+\\n"),
        (NL, "\\n+"),
        (NODE_DSTART, "-\\)|\\(-|\\)\\)|\\)|\\(\\(|\\{\\{|\\(|\\["),
        (SPACELIST, _S + "+"),
        (NODE_ID, "[^(\\[\\n){}]+"),
    ],
    _NODE: [
        ("begin_nstr2", '"`'),
        ("begin_nstr", '"'),
        (NODE_DEND, "\\)\\)|\\)|\\]|\\}\\}|\\(-|-\\)|\\(\\(|\\("),
        (NODE_DESCR, "[^)\\](}]+"),
        ("descr_rest", _DOT + "+(?!\\(\\()"),
    ],
    _NSTR2: [(NODE_DESCR, '[^`"]+'), ("pop", '`"')],
    _NSTR: [(NODE_DESCR, '[^"]+'), ("pop", '"')],
    _ICON: [(ICON, "[^)]+"), ("pop", "\\)")],
    _CLASS: [("class_text", _DOT + "+"), ("pop", "\\n")],
}
_MASTER = {
    state: re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in rules), _FLAGS)
    for state, rules in _RULES.items()
}
# Group names may repeat across states but not within one; map lastgroup back to the rule.

_DETECT = re.compile(r"^" + _S + r"*mindmap")
_DETECT_ANY_CASE = re.compile(r"^" + _S + r"*mindmap", re.IGNORECASE | re.ASCII)

_SHAPE_BY_OPENER = {
    "[": Shape.SQUARE,
    "((": Shape.CIRCLE,
    ")": Shape.CLOUD,
    "))": Shape.BANG,
    "{{": Shape.HEXAGON,
}


def shape_for(opener: str, closer: str) -> Shape:
    """Mermaid's ``getType``: the shape named by a node's opening and closing delimiters."""
    if opener == "(":
        return Shape.ROUNDED if closer == ")" else Shape.CLOUD
    return _SHAPE_BY_OPENER.get(opener, Shape.DEFAULT)


def decode_entities(text: str) -> str:
    """Mermaid's entity codes: ``#amp;`` is ``&``, ``#35;`` is ``#``; unknown names stay."""
    if "#" not in text:
        return text

    def one(m: re.Match[str]) -> str:
        inner = m.group(1)
        ref = f"&#{inner};" if inner.isdigit() else f"&{inner};"
        decoded = html.unescape(ref)
        return m.group(0) if decoded == ref else decoded

    return ENTITY_CODE.sub(one, text)


def detect_mindmap(text: str, *, strict: bool = False) -> bool:
    """Whether Mermaid text (after its front matter) declares a mindmap."""
    fm = front_matter(text)
    cleaned = text[fm[1] :] if fm else text
    cleaned = _without(cleaned, directive_spans(cleaned))
    cleaned = _without(cleaned, comment_line_spans(cleaned))
    return bool((_DETECT if strict else _DETECT_ANY_CASE).match(cleaned))


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` without the sorted, non-overlapping ``[start, end)`` spans."""
    if not spans:
        return text
    pieces = []
    last = 0
    for start, end in spans:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


WHOLE_LINE = Message("Karar reads the whole line as one label", "whole-line")
"""How Karar reads a line Mermaid reads otherwise, unless a :class:`Divergence` says."""
IGNORED_LINE = Message("Karar ignores this line", "ignored-line")


def cannot_read(char: str) -> Message:
    """Why Mermaid's lexer stops at ``char``."""
    return Message(f"Mermaid cannot read {char!r} here", "cannot-read-char", char=char)


@dataclass(frozen=True, slots=True)
class Divergence:
    """A line that Karar reads differently from Mermaid.

    Attributes:
        line: 1-based line in the source.
        text: The line as written (trimmed).
        mermaid: How Mermaid reads the line: a short description, or why it rejects it
            (a :class:`~karar.core.errors.Message`).
        rejected: True where Mermaid cannot read the line at all.
        karar: How Karar reads the line instead (a Message).
        safe: A Mermaid-safe spelling of what Karar reads, where it is not the line's text
            written as a plain label (that is ``mermaid_writer.plain_label_text(text)``).
    """

    line: int
    text: str
    mermaid: str
    rejected: bool
    karar: str = WHOLE_LINE
    safe: str | None = None


@dataclass(slots=True)
class ParseResult:
    """A parsed map and the lines where Karar's reading differs from Mermaid's."""

    map: MindMap
    divergences: list[Divergence] = field(default_factory=list)
    keyword_case: int | None = None  # line of a non-lowercase ``mindmap`` keyword
    errors: list[MapSyntaxError] = field(default_factory=list)  # with ``keep_going`` only
    # strict only: shapes (not markdown strings) whose text Mermaid reads across lines; the
    # default reading cuts them at the line's end and lists them in ``divergences``
    spans: list[Divergence] = field(default_factory=list)


class _LexError(Exception):
    """Internal: a node could not be read; carries the offset and a message."""

    def __init__(self, offset: int, message: Message) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message


class _Source:
    """Pre-processed text plus a map from its offsets back to original line numbers."""

    def __init__(self, text: str, first_line: int) -> None:
        self.original = text
        self.first_line = first_line
        self._newlines = [m.start() for m in re.finditer("\n", text)]
        self.text = text
        self._spans: list[tuple[int, int]] = [(0, 0)]  # (offset in text, offset in original)

    def delete(self, ranges: list[tuple[int, int]]) -> None:
        """Remove sorted, non-overlapping ``[start, end)`` ranges, keeping the offset map."""
        if not ranges:
            return
        old = self._spans
        old_starts = [s for s, _ in old]
        pieces: list[str] = []
        spans: list[tuple[int, int]] = []
        last = 0
        out_len = 0
        for start, end in [*ranges, (len(self.text), len(self.text))]:
            if start > last:
                pieces.append(self.text[last:start])
                spans.append((out_len, self.original_offset(last)))
                i = bisect_right(old_starts, last)
                while i < len(old) and old[i][0] < start:
                    spans.append((out_len + old[i][0] - last, old[i][1]))
                    i += 1
                out_len += start - last
            last = max(last, end)
        self.text = "".join(pieces)
        self._spans = spans or [(0, 0)]

    def original_offset(self, offset: int) -> int:
        if len(self._spans) == 1:  # nothing deleted before the text's start: the usual case
            s, o = self._spans[0]
            return o + (offset - s)
        i = bisect_right(self._spans, (offset, float("inf"))) - 1
        s, o = self._spans[max(i, 0)]
        return o + (offset - s)

    def line_of(self, offset: int) -> int:
        return bisect_right(self._newlines, self.original_offset(offset) - 1) + self.first_line


# rule name -> (state to push, pop the state?, token kind to return or "" for none).
# Absent names (the comment rule) return nothing and change no state.
_ACTIONS: dict[str, tuple[int | None, bool, str]] = {
    MINDMAP: (None, False, MINDMAP),
    "begin_class": (_CLASS, False, ""),
    "begin_icon": (_ICON, False, ""),
    SPACELINE: (None, False, SPACELINE),
    NL: (None, False, NL),
    NODE_DSTART: (_NODE, False, NODE_DSTART),
    SPACELIST: (None, False, SPACELIST),
    NODE_ID: (None, False, NODE_ID),
    "begin_nstr2": (_NSTR2, False, ""),
    "begin_nstr": (_NSTR, False, ""),
    NODE_DEND: (None, True, NODE_DEND),
    NODE_DESCR: (None, False, NODE_DESCR),
    "descr_rest": (None, False, NODE_DESCR),
    "pop": (None, True, ""),
    ICON: (None, False, ICON),
    "class_text": (None, True, CLASS),
}

_SPACE_SET = frozenset(JS_SPACE_CHARS)
_SPACE_RUN = re.compile(_S + "+")
_NODE_ID_RUN = re.compile(_RULES[_INITIAL][-1][1])
_MINDMAP_WORD = re.compile("mindmap\\b", _FLAGS)
_ICON_OPEN = re.compile("::icon\\(", _FLAGS)
_OPENERS = {"(": ("(-", "((", "("), ")": ("))", ")"), "{": ("{{",), "[": ("[",)}


def _initial_rule(text: str, pos: int) -> tuple[str, int]:
    """The INITIAL rule jison picks at ``pos`` and where its match ends.

    Equivalent to trying the INITIAL rules in order (``_MASTER[_INITIAL]``), but decided
    by the first character: that is what keeps reading 100,000 nodes well under a second.
    """
    c = text[pos]
    if c in _SPACE_SET:
        end = _SPACE_RUN.match(text, pos).end()  # type: ignore[union-attr]
        if text.startswith("%%", end):
            return "skip", _comment_end(text, end)
        last_nl = text.rfind("\n", pos, end)
        if last_nl > pos:
            return SPACELINE, last_nl + 1
        if c == "\n":
            end = pos + 1
            while end < len(text) and text[end] == "\n":
                end += 1
            return NL, end
        return SPACELIST, end
    if c == "%" and text.startswith("%%", pos):
        return "skip", _comment_end(text, pos)
    if c in "mM" and _MINDMAP_WORD.match(text, pos):
        return MINDMAP, pos + 7
    if c == ":":
        if text.startswith(":::", pos):
            return "begin_class", pos + 3
        if _ICON_OPEN.match(text, pos):
            return "begin_icon", pos + 7
    if c == "-" and text.startswith("-)", pos):
        return NODE_DSTART, pos + 2
    openers = _OPENERS.get(c)
    if openers is not None:
        for opener in openers:
            if text.startswith(opener, pos):
                return NODE_DSTART, pos + len(opener)
    m = _NODE_ID_RUN.match(text, pos)
    if m is None:
        raise _LexError(pos, cannot_read(c))
    return NODE_ID, m.end()


# A whole line that the INITIAL rules read as SPACELIST, NODE_ID, NL and nothing else:
# the node text's first character can start no other rule (comment, keyword, decoration,
# shape opener), it runs to a line break, and the next line starts with optional blanks and
# a character that is neither a blank, a line break nor a comment.
_SIMPLE_LINE = re.compile(
    "([ \\t]+)"
    "((?!(?i:mindmap)\\b)[^%:(\\[){}\\-" + _S[1:-1] + "][^(\\[\\n){}]*)"
    "\\n(?=[ \\t]*(?!%%)[^" + _S[1:-1] + "])",
    re.ASCII,
)
# The same for a shaped node on its own line, ``indent id opener text closer``: the
# statement ``SPACELIST NODE_ID NODE_DSTART NODE_DESCR NODE_DEND`` with the stop ``NL``.
# The id holds no blank (else the default reading takes the whole line), the text no line
# break, and neither starts with what would start another rule (the text: a string, a
# closer, ``-)``); the closer is the one the shape's text runs up to. Opener and closer are
# atomic: the lexer takes the first that fits and never tries a shorter one.
_SHAPED_LINE = re.compile(
    "([ \\t]+)"
    "((?!(?i:mindmap)\\b)[^%:(\\[){}\\-" + _S[1:-1] + "][^(\\[\\n){}" + _S[1:-1] + "]*)"
    "((?>\\(-|\\(\\(|\\(|\\)\\)|\\)|\\{\\{|\\[))"  # atomic: the lexer picks one
    '((?!-\\))[^)\\](}"\\n][^)\\](}\\n]*)'
    "((?>\\)\\)|\\)|\\]|\\}\\}|\\(-|\\(\\(|\\())"
    "\\n(?=[ \\t]*(?!%%)[^" + _S[1:-1] + "])",
    re.ASCII,
)


def _comment_end(text: str, pos: int) -> int:
    """End of a ``%%`` comment: the end of its line (JavaScript's ``.*``)."""
    return line_end(text, pos)


def _node_rule(text: str, pos: int, lexer: _Lexer) -> tuple[str, int]:
    """The NODE rule jison picks at ``pos`` (inside a shape) and where its match ends."""
    c = text[pos]
    after = text[pos + 1 : pos + 2]
    if c == '"':
        return ("begin_nstr2", pos + 2) if after == "`" else ("begin_nstr", pos + 1)
    if c == ")":
        return NODE_DEND, pos + (2 if after == ")" else 1)
    if c == "]":
        return NODE_DEND, pos + 1
    if c == "(":
        return NODE_DEND, pos + (2 if after in ("-", "(") else 1)
    if c == "}":
        if after == "}":
            return NODE_DEND, pos + 2
        return "descr_rest", lexer.find(JS_EOL_CHARS, pos)  # .+ to the end of the line
    if c == "-" and after == ")":
        return NODE_DEND, pos + 2
    return NODE_DESCR, lexer.find(")](}", pos)


def _string_rule(state: int, text: str, pos: int, lexer: _Lexer) -> tuple[str, int]:
    """The rule jison picks at ``pos`` in a string, an icon or a class, and where its
    match ends."""
    c = text[pos]
    if state == _NSTR:
        return ("pop", pos + 1) if c == '"' else (NODE_DESCR, lexer.find('"', pos))
    if state == _NSTR2:
        if c not in '`"':
            return NODE_DESCR, lexer.find('`"', pos)
        if text.startswith('`"', pos):
            return "pop", pos + 2
    elif state == _ICON:
        return ("pop", pos + 1) if c == ")" else (ICON, lexer.find(")", pos))
    elif c not in JS_EOL_CHARS:  # _CLASS
        return "class_text", lexer.find(JS_EOL_CHARS, pos)
    elif c == "\n":
        return "pop", pos + 1
    raise _LexError(pos, cannot_read(c))


class _Lexer:
    """jison's lexer over the whole pre-processed text, pulled one token at a time."""

    __slots__ = ("_finders", "pos", "stack", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.stack = [_INITIAL]
        self._finders: dict[str, NextMatch] = {}

    def find(self, chars: str, pos: int) -> int:
        """The first offset at or after ``pos`` holding one of ``chars``, or the text's end.

        Remembered (:class:`~karar.core.scan.NextMatch`): in the default reading a shape
        left open on each of many lines has its text searched for the same far closer
        once per line."""
        finder = self._finders.get(chars)
        if finder is None:
            pattern = re.compile("[" + re.escape(chars) + "]")
            finder = self._finders[chars] = NextMatch(self.text, pattern)
        found = finder(pos)
        return len(self.text) if found < 0 else found

    def next(self, *, reference: bool = False) -> tuple[str, str, int]:
        """The next token as (kind, text, start offset); raises _LexError on unreadable text.

        The text of NODE_DESCR and ICON tokens is "": it is ``text[start:pos]``.

        Args:
            reference: Pick every rule from the ordered rule tables, without the
                first-character shortcuts of ``_initial_rule`` and its kin (the
                differential tests prove the two agree).
        """
        while True:
            pos = self.pos
            if pos >= len(self.text):
                return EOF, "", pos
            state = self.stack[-1]
            if reference:
                m = _MASTER[state].match(self.text, pos)
                if m is None:
                    raise _LexError(pos, cannot_read(self.text[pos]))
                kind, end = m.lastgroup or "", m.end()
            elif state == _INITIAL:
                kind, end = _initial_rule(self.text, pos)
            elif state == _NODE:
                kind, end = _node_rule(self.text, pos, self)
            else:
                kind, end = _string_rule(state, self.text, pos, self)
            self.pos = end
            token = _ACTIONS.get(kind)
            if token is None:
                continue  # a comment
            push, pop, kind = token
            if pop:
                self.stack.pop()
            if push is not None:
                self.stack.append(push)
            if kind:
                # shape text and icon names may run over many lines: not sliced (the
                # token ends at self.pos), since the default reading may then re-read
                # each of those lines, each time up to the same far closer
                return kind, "" if kind in _UNSLICED else self.text[pos:end], pos

    def reset_to(self, pos: int) -> None:
        self.pos = pos
        self.stack = [_INITIAL]


_TOKEN_WORDS = {
    MINDMAP: Message("the keyword 'mindmap'", "token-keyword"),
    SPACELINE: Message("a blank line", "token-blank-line"),
    NL: Message("a line break", "token-line-break"),
    SPACELIST: Message("more text after a space", "token-more-text"),
    NODE_ID: Message("text", "token-text"),
    NODE_DSTART: Message("a shape opener", "token-opener"),
    NODE_DESCR: Message("text", "token-text"),
    NODE_DEND: Message("a shape closer", "token-closer"),
    ICON: Message("an icon", "token-icon"),
    CLASS: Message("a class", "token-class"),
    EOF: Message("the end of the map", "token-end"),
}


_UNSLICED = frozenset({NODE_DESCR, ICON})
_SHOWN = 200  # the most characters of a node's text a message quotes
_BAD = "BAD"  # not a jison token: a line the lexer cannot start, in the default reading


class _Parser:
    """The mindmap grammar of mindmap.jison, with Karar's per-line fallback when not strict."""

    def __init__(self, source: _Source, path: str, strict: bool, keep_going: bool) -> None:
        self.src = source
        self.text = source.text
        self.path = path
        self.strict = strict
        self.keep_going = keep_going
        self.lexer = _Lexer(self.text)
        self.root: Node | None = None
        self.last: Node | None = None
        # Monotonic stack of (level, node): the nearest earlier node of each smaller level.
        self.levels: list[tuple[int, Node]] = []
        self.divergences: list[Divergence] = []
        self.errors: list[MapSyntaxError] = []
        self.spans: list[Divergence] = []
        self.error_offset = 0  # where the last error was found
        self.resume_from = 0  # after an error, read on from the line after this offset

    def error(self, offset: int, message: str) -> MapSyntaxError:  # message: a Message
        self.error_offset = offset
        return MapSyntaxError(self.path, self.src.line_of(offset), message)

    def next(self) -> tuple[str, str, int]:
        try:
            return self.lexer.next()
        except _LexError as fail:
            raise self.error(fail.offset, fail.message) from None

    def line_start_token(self) -> tuple[str, str, int]:
        """The next token where a node may start; in the default reading, text the lexer
        cannot start a token with is a ``_BAD`` token (read as a plain line)."""
        if self.strict:
            return self.next()
        begin = self.lexer.pos  # a failure may come after a ":::" or "::icon(" on the line
        try:
            return self.lexer.next()
        except _LexError as fail:
            return _BAD, cannot_read(self.text[fail.offset]), begin

    def parse(self) -> Node | None:
        kind, value, start = self.next()
        if kind == SPACELINE:
            while kind in (SPACELINE, NL):
                kind, value, start = self.next()
        if kind != MINDMAP:
            found = value.strip()
            raise self.error(
                start,
                Message(
                    f"expected the keyword 'mindmap', found {found!r}", "no-keyword", found=found
                ),
            )
        kind, value, start = self.line_start_token()
        if kind == NL:
            kind, value, start = self.line_start_token()
        after_keyword = True
        while kind != EOF:
            self.resume_from = start
            try:  # one statement and its stop (the loop's body: the hot path stays inline)
                if kind == SPACELIST:
                    level = len(value)
                    kind, value, start = self.line_start_token()
                    if kind in (NODE_ID, NODE_DSTART, _BAD):
                        kind, value, start = self.node(level, kind, value, start)
                    elif kind in (ICON, CLASS):
                        kind, value, start = self.decorate(kind, value, start)
                elif kind == SPACELINE:
                    kind, value, start = self.next()
                    if after_keyword and kind not in (NL, EOF, SPACELINE):
                        raise self.error(
                            start,
                            Message(
                                "a blank line directly after 'mindmap' is not allowed",
                                "blank-after-keyword",
                            ),
                        )
                elif kind in (NODE_ID, NODE_DSTART, _BAD):
                    kind, value, start = self.node(0, kind, value, start)
                elif kind in (ICON, CLASS):
                    kind, value, start = self.decorate(kind, value, start)
                else:
                    rest = self.rest(start)
                    raise self.error(
                        start,
                        Message(
                            f"unexpected {rest!r} where a node belongs", "not-a-node", text=rest
                        ),
                    )
                # stop: (NL | EOF | SPACELINE) (NL | EOF)*
                if kind == EOF:
                    break
                if kind not in (NL, SPACELINE):
                    raise self.error(start, _text_after(self.rest(start)))
                self.simple_lines()
                kind, value, start = self.line_start_token()
                while kind == NL:
                    kind, value, start = self.line_start_token()
            except MapSyntaxError as exc:
                if not self.keep_going:
                    raise
                self.errors.append(exc.with_traceback(None))  # no frames kept alive
                kind, value, start = self.resync()
            after_keyword = False
        return self.root

    def resync(self) -> tuple[str, str, int]:
        """After an error (``keep_going``): the first token of the line after the one where
        the failed statement began (or after the markdown string it read), recording
        further errors of the lexer the same way."""
        pos = self.resume_from
        while True:
            eol = self.text.find("\n", pos)
            self.lexer.reset_to(len(self.text) if eol < 0 else eol + 1)
            try:
                token = self.line_start_token()
                while token[0] == NL:
                    token = self.line_start_token()
                return token
            except MapSyntaxError as exc:
                self.errors.append(exc.with_traceback(None))
                pos = self.error_offset

    def simple_lines(self) -> None:
        """Read the lines that are plain ``indent + text`` nodes, or ``indent id[text]``
        shaped ones, followed by a plain line break in one regex match each. Each is
        exactly the statement ``SPACELIST NODE_ID`` (or ``... NODE_DSTART NODE_DESCR
        NODE_DEND``) with the stop ``NL`` (``_SIMPLE_LINE`` and ``_SHAPED_LINE`` admit
        nothing else); any other line is left to the token-by-token reader."""
        lexer = self.lexer
        text = self.text
        simple = _SIMPLE_LINE.match
        shaped = _SHAPED_LINE.match
        pos = lexer.pos
        try:
            while True:
                m = simple(text, pos)
                if m is not None:
                    indent, label = m.group(1, 2)
                    self.add(len(indent), None, label, Shape.DEFAULT, False, m.start(2))
                else:
                    m = shaped(text, pos)
                    if m is None:
                        break
                    indent, node_id, opener, descr, closer = m.group(1, 2, 3, 4, 5)
                    shape = shape_for(opener, closer)
                    self.add(len(indent), node_id, descr, shape, False, m.start(2))
                pos = lexer.pos = m.end()
        except MapSyntaxError:
            self.resume_from = m.start(2)  # type: ignore[union-attr]  # the failing line
            raise

    def rest(self, start: int) -> str:
        """The rest of the line from ``start``, trimmed, for messages."""
        eol = self.text.find("\n", start)
        return self.text[start : eol if eol >= 0 else None].strip(JS_SPACE_CHARS)[:60]

    def runs_on(self, start: int, offset: int) -> str:
        """Where Mermaid went on reading a shape opened at ``start``, if past its line."""
        if self.text.find("\n", start, offset) < 0:
            return ""
        last = self.src.line_of(offset)
        return Message(
            f"a shape opened on this line is not closed on it, so Mermaid reads on to line {last}",
            "reads-on",
            last=last,
        )

    # ------------------------------------------------------------------ nodes

    def read_node(
        self, kind: str, value: str, start: int
    ) -> tuple[str | None, tuple[int, int], Shape, bool, tuple[str, str, int]]:
        """Read one node's tokens as Mermaid does.

        Returns:
            (explicit id or None, where its descr is in the text, shape, markdown, the
            token after the node).
        """
        lexer = self.lexer
        node_id = None
        if kind == NODE_ID:
            node_id = value
            after = lexer.next()
            if after[0] != NODE_DSTART:
                return None, (start, start + len(value)), Shape.DEFAULT, False, after
            value = after[1]
        opener = value
        markdown = lexer.text.startswith('"`', lexer.pos)
        kind, _, pos = lexer.next()
        if kind == EOF:
            raise _LexError(start, _never_closed(opener))
        if kind != NODE_DESCR:
            raise _LexError(
                pos,
                Message(
                    f"the shape opened with {opener!r} has no text", "shape-no-text", opener=opener
                ),
            )
        descr = (pos, lexer.pos)
        kind, closer, pos = lexer.next()
        if kind == EOF:
            raise _LexError(start, _never_closed(opener))
        if kind != NODE_DEND:
            token = _TOKEN_WORDS[kind]
            raise _LexError(
                pos,
                Message(f"unexpected {token} inside the shape", "inside-shape", token=token),
            )
        if markdown:
            self.resume_from = lexer.pos  # a markdown string may span lines
        return node_id, descr, shape_for(opener, closer), markdown, lexer.next()

    def node(self, level: int, kind: str, value: str, start: int) -> tuple[str, str, int]:
        """Read a node statement starting with token (kind, value, start); return the token
        after it."""
        if kind == _BAD:
            reason, rejected = _rejects(value), True
        else:
            try:
                node_id, (descr_start, descr_end), shape, markdown, after = self.read_node(
                    kind, value, start
                )
            except _LexError as fail:
                where = self.runs_on(start, fail.offset)
                if self.strict:
                    if where:  # the error is this line's: say so there
                        raise self.error(start, _running_on(fail.message, where)) from None
                    raise self.error(fail.offset, fail.message) from None
                why = _where(where, fail.message) if where else fail.message
                reason, rejected = _rejects(why), True
            else:

                def keep() -> None:  # the text is sliced only for a node that is kept
                    text = self.text[descr_start:descr_end]
                    self.add(level, node_id, text, shape, markdown, start)

                where = ""
                if not markdown and self.text.find("\n", start, after[2]) >= 0:
                    where = self.runs_on(start, after[2] - 1)
                if after[0] not in (NL, SPACELINE, EOF):
                    if self.strict:
                        if not where:
                            keep()
                            return after  # the statement's stop reports the text after it
                        message = _text_after(self.rest(after[2]))
                        raise self.error(start, _running_on(message, where))
                    why = _where(where, _TEXT_FOLLOWS) if where else _TEXT_FOLLOWS
                    reason, rejected = _rejects(why), True
                elif where:
                    first, last = self.src.line_of(start), self.src.line_of(after[2] - 1)
                    shown = self.shown(descr_start, descr_end)
                    reason, rejected = (
                        Message(
                            f"Mermaid reads lines {first}-{last} as one {shape.value} node "
                            f"labelled {shown!r} (a shape opened on this line closes on line "
                            f"{last})",
                            "reads-lines-as",
                            first=first,
                            last=last,
                            shape=shape,
                            label=shown,
                        ),
                        False,
                    )
                    if self.strict:
                        self.spans.append(self.divergence(start, reason, rejected))
                        keep()
                        return after
                elif self.strict:
                    keep()
                    return after
                elif node_id is not None and _has_space(node_id):
                    shown = self.shown(descr_start, descr_end)
                    reason, rejected = (
                        Message(
                            f"Mermaid reads it as a {shape.value} node labelled {shown!r}",
                            "mermaid-reads-as",
                            shape=shape,
                            label=shown,
                        ),
                        False,
                    )
                else:
                    keep()
                    return after
        eol = self.text.find("\n", start)
        if eol < 0:
            eol = len(self.text)
        label = self.text[start:eol].strip(JS_SPACE_CHARS)
        self.divergences.append(Divergence(self.src.line_of(start), label, reason, rejected))
        self.lexer.reset_to(eol)
        self.add(level, None, label, Shape.DEFAULT, False, start)
        return self.next()

    def shown(self, start: int, end: int) -> str:
        """The text ``text[start:end]`` as a message shows it: decoded, at most a line's
        worth (a shape's text may run to the end of the map)."""
        if end - start > _SHOWN:
            return decode_entities(self.text[start : start + _SHOWN]) + "…"
        return decode_entities(self.text[start:end])

    def divergence(self, start: int, reason: str, rejected: bool) -> Divergence:
        """A :class:`Divergence` for the node line starting at ``start``."""
        eol = self.text.find("\n", start)
        label = self.text[start : len(self.text) if eol < 0 else eol].strip(JS_SPACE_CHARS)
        return Divergence(self.src.line_of(start), label, reason, rejected)

    def add(
        self, level: int, node_id: str | None, descr: str, shape: Shape, markdown: bool, start: int
    ) -> None:
        label = decode_entities(descr)
        node = Node(
            label=label,
            id=label if node_id is None else decode_entities(node_id),
            shape=shape,
            line=self.src.line_of(start),
            markdown=markdown,
        )
        levels = self.levels  # empty only before the root; then the root's entry is first
        if levels:
            if levels[0][0] >= level:  # checked first: the stack stays as it is
                raise self.error(
                    start,
                    Message(
                        f'there can be only one root: no parent for "{label}" '
                        "(indent it deeper than the root)",
                        "second-root",
                        label=label,
                    ),
                )
            while levels[-1][0] >= level:
                levels.pop()
            levels[-1][1].add(node)
        else:
            self.root = node
        levels.append((level, node))
        self.last = node

    def decorate(self, kind: str, value: str, start: int) -> tuple[str, str, int]:
        """Apply an ``::icon(...)`` or ``:::class`` line to the last node; return the token
        after it."""
        end = self.lexer.pos  # the lexer leaves an icon's name unsliced
        if kind == ICON and self.text.find("\n", start, end) >= 0 and not self.strict:
            # The ')' is missing on this line: Mermaid takes the lines below as the name.
            line_start = self.text.rfind("\n", 0, start) + 1
            eol = self.text.find("\n", start)
            text = self.text[line_start:eol].strip(JS_SPACE_CHARS)
            first = self.src.line_of(start)
            last = self.src.line_of(end - 1)
            self.divergences.append(
                Divergence(
                    first,
                    text,
                    Message(
                        f"Mermaid reads lines {first}-{last} as the name of an icon "
                        "(its ')' is missing on this line)",
                        "icon-lines",
                        first=first,
                        last=last,
                    ),
                    False,
                    karar=IGNORED_LINE,
                    safe=text + ")",
                )
            )
            self.lexer.reset_to(eol)
            return self.next()
        if self.last is None:
            what = "::icon(...)" if kind == ICON else ":::class"
            raise self.error(
                start,
                Message(f"{what} must follow the node it decorates", "decoration-first", what=what),
            )
        if kind == ICON:
            self.last.icon = decode_entities(self.text[start:end])
        elif value:
            self.last.css_class = decode_entities(value)
        return self.next()


_TEXT_FOLLOWS = Message("text follows the node", "text-follows")


def _never_closed(opener: str) -> Message:
    return Message(
        f"the shape opened with {opener!r} is never closed", "never-closed", opener=opener
    )


def _text_after(rest: str) -> Message:
    return Message(f"unexpected text after the node: {rest!r}", "text-after", text=rest)


def _rejects(why: str) -> Message:
    """How Mermaid reads a line it rejects (``why``: the lexer's or the grammar's reason)."""
    return Message(f"Mermaid rejects it: {why}", "mermaid-rejects", why=why)


def _where(where: str, what: str) -> Message:
    """``what`` Mermaid finds on the line where it ``where`` (reads on to)."""
    return Message(f"{where}, where {what}", "where", where=where, what=what)


def _running_on(message: str, where: str) -> Message:
    """A syntax error of the line where a shape opened (``where``: Mermaid reads on)."""
    return Message(f"{message} ({where})", "running-on", message=message, where=where)


def _has_space(text: str) -> bool:
    return any(c in JS_SPACE_CHARS for c in text)


def parse_mermaid(
    text: str,
    *,
    path: str = "<text>",
    strict: bool = False,
    first_line: int = 1,
    keep_going: bool = False,
) -> ParseResult:
    """Parse Mermaid mindmap text.

    Args:
        text: The diagram text (CRLF, CR and a leading BOM are accepted).
        path: Named in error messages.
        strict: Read exactly as Mermaid 11 does (no plain-line fallback).
        first_line: Line number of ``text``'s first line in its file (for ``.md`` blocks).
        keep_going: Record each error in the nodes (in ``ParseResult.errors``) and read on
            from the next line, instead of raising the first. Errors before the first node
            (no ``mindmap`` keyword, bad front matter) are still raised.

    Returns:
        The map (``root`` None for a mindmap without nodes) and the divergences from
        Mermaid's reading (always empty when ``strict``).

    Raises:
        MapSyntaxError: The text is not a mindmap Mermaid's grammar accepts (or, when not
            strict, it breaks the grammar somewhere Karar's fix does not cover).
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    src = _Source(quote_attributes(text), first_line)

    title: str | None = None
    fm = front_matter(src.text)
    if fm:
        title = _front_matter_title(fm[0], path, src.line_of(0))
        src.delete([(0, fm[1])])
    src.delete(directive_spans(src.text))
    src.delete(comment_line_spans(src.text))
    lead = len(src.text) - len(src.text.lstrip(JS_SPACE_CHARS))
    src.delete([(0, lead)] if lead else [])
    # encodeEntities: ';' after a colour in style/classDef-like lines is not an entity end.
    src.delete([(semi, semi + 1) for semi in style_semicolons(src.text)])

    keyword_case = None
    if not _DETECT.match(src.text):
        if strict or not _DETECT_ANY_CASE.match(src.text):
            first = src.text.split("\n", 1)[0].strip()
            line = src.line_of(0) if src.text else None
            if first:
                found = first[:40]
                message = Message(
                    f"no 'mindmap' keyword: this is not a Mermaid mindmap (found {found!r})",
                    "not-mindmap",
                    found=found,
                )
            else:
                message = Message("the map is empty: no 'mindmap' keyword", "empty-map")
            raise MapSyntaxError(path, line, message)
        keyword_case = src.line_of(0)
    src.text += "\n"
    parser = _Parser(src, path, strict, keep_going)
    # Building 100,000 nodes would trigger dozens of full collections that find no garbage.
    with no_gc():
        root = parser.parse()
    return ParseResult(
        MindMap(root, title=title, source=path),
        parser.divergences,
        keyword_case,
        parser.errors,
        parser.spans,
    )


_FRONT_MATTER = Message("the front matter: ", "front-matter")
"""Put before the message of an error in a map's front matter (which it holds as
``message``)."""


def _front_matter_title(block: str, path: str, line: int) -> str | None:
    """The ``title:`` of a front matter block starting on file line ``line`` (its ``---``).

    Raises:
        MapSyntaxError: The block is not YAML, YAML :mod:`~karar.core.yamlsafe` refuses
            (aliases past its bound, a duplicate key...), or its title is not text.
    """
    from karar.core import yamlsafe  # lazy: only maps with front matter pay for YAML

    data, where = yamlsafe.load(
        block, path, MapSyntaxError, first_line=line + 1, prefix=_FRONT_MATTER
    )
    if not isinstance(data, dict) or data.get("title") is None:
        return None
    title = data["title"]
    if isinstance(title, list | dict | set | bytes):
        raise MapSyntaxError(
            path,
            where.value("title").line,
            Message("the front matter's 'title:' must be text", "title-not-text"),
        )
    return str(title)
