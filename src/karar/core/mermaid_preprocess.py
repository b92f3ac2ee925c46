"""Mermaid's pre-processing of diagram text, each step a scan linear in the text.

Before its grammar sees a diagram, Mermaid rewrites the text with a few JavaScript regexes
(``preprocessDiagram``, ``cleanupText``, ``cleanupComments``, ``encodeEntities``, the front
matter and directive patterns). Run by a backtracking engine, several of them take
quadratic time or worse on one hostile line: ``/<(\\w+)([^>]*)>/g`` rescans the rest of the
text from every ``<`` that never closes, ``/style.*:\\S*#.*;/g`` is cubic in a line of ``:#``
repeated. This module gives the same matches as each regex (JavaScript's semantics: its
``\\s``, ``\\w`` and ``.``) by scans that look at each
character a bounded number of times; the unit tests compare every scan with the regex
itself on generated text.

Everything here returns offsets into the text it was given, so that the reader can delete
the spans and still name each node's original line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# JavaScript's \s (the lexer's regexes are JS regexes) and its line terminators, which its
# "." never matches.
JS_SPACE_CHARS = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
JS_EOL_CHARS = "\n\r\u2028\u2029"
JS_SPACE = (
    "[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]"
)
JS_DOT = "[^\\n\\r\\u2028\\u2029]"

_SPACES = re.compile(JS_SPACE + "*")
_NON_SPACES = re.compile("[^" + JS_SPACE[1:] + "*")
_EOL = re.compile("[\\n\\r\\u2028\\u2029]")
_CLOSING_FENCE = re.compile("[\\n\\r]---")
_WORD_RUN = re.compile("[A-Za-z0-9_]+")  # JavaScript's \w+
_ATTR_VALUE = re.compile('="([^"]*)"')
ENTITY_CODE = re.compile(r"#([A-Za-z0-9_]+);")
"""Mermaid's entity codes, ``#amp;`` and ``#35;`` (its ``/#\\w+;/g``)."""
_SPACE_SET = frozenset(JS_SPACE_CHARS)

# Mermaid's directiveRegex. Unlike the others it cannot backtrack far: every part after
# ``%%{`` and a word is optional, so a started match never fails, and each attempt that
# does fail stops within the blanks and word right after its ``%%{``. Its body is
# possessive (``*+``): never given back, so not remembered character by character either.
DIRECTIVE = re.compile(
    r"%{2}\{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!\}%{2}).|\r?\n)*+))?\s*(?:\}%{2})?",
    re.IGNORECASE,
)


def line_end(text: str, pos: int) -> int:
    """The offset of the first line terminator at or after ``pos`` (or the text's end)."""
    m = _EOL.search(text, pos)
    return m.start() if m else len(text)


def front_matter(text: str) -> tuple[str, int] | None:
    """Mermaid's ``/^-{3}\\s*[\\n\\r](.*?)[\\n\\r]-{3}\\s*[\\n\\r]+/s``: the YAML between
    the fences and the offset where the diagram starts, or None without front matter.

    The regex backtracks into the blanks after the opening fence, rescanning the rest of
    the text once per line break there; which of those line breaks it settles on can be
    told from the first closing fence after them (and from one right at their end).
    """
    if not text.startswith("---"):
        return None
    blank_end = _SPACES.match(text, 3).end()  # type: ignore[union-attr]
    last = _last_break(text, 3, blank_end)
    if last < 0:
        return None
    # The greedy choice, the last line break: the YAML runs to the first closing fence.
    for m in _CLOSING_FENCE.finditer(text, blank_end):
        end = _closing_end(text, m.end())
        if end is not None:
            return text[last + 1 : m.start()], end
    # Backtracking to the line break before it: a closing fence right after the blanks.
    before = _last_break(text, 3, last)
    if before >= 0 and last == blank_end - 1 and text.startswith("---", blank_end):
        end = _closing_end(text, blank_end + 3)
        if end is not None:
            return text[before + 1 : last], end
    return None


def _last_break(text: str, start: int, end: int) -> int:
    """The offset of the last ``\\n`` or ``\\r`` in ``text[start:end]``, or -1."""
    return max(text.rfind("\n", start, end), text.rfind("\r", start, end))


def _closing_end(text: str, pos: int) -> int | None:
    """After a closing ``---`` ending at ``pos``: ``\\s*[\\n\\r]+`` matches up to just past
    the last line break of the blanks that follow, or not at all."""
    blank_end = _SPACES.match(text, pos).end()  # type: ignore[union-attr]
    last = _last_break(text, pos, blank_end)
    return last + 1 if last >= 0 else None


def directive_spans(text: str) -> list[tuple[int, int]]:
    """The ``%%{...}%%`` directives Mermaid deletes, as ``[start, end)`` spans."""
    if "%%" not in text:
        return []
    return [m.span() for m in DIRECTIVE.finditer(text)]


def comment_line_spans(text: str) -> list[tuple[int, int]]:
    """Mermaid's ``cleanupComments``, ``/^\\s*%%(?!{)[^\\n]+\\n?/gm``, as spans: each comment
    line with the blank lines and blanks before it on its own line. A line starts after a
    ``\\n`` (the text's ``\\r`` are gone by then; JavaScript's ``^`` would also start one
    after U+2028 and U+2029, which the writer does not protect against).

    Found from each ``%%``: the blanks before it back to the start of a line (the first line
    start in that run, where the regex's leftmost match begins), instead of trying every
    line start against the blanks after it.
    """
    spans: list[tuple[int, int]] = []
    done = 0  # the end of the last match: a match never starts before it
    pos = 0
    size = len(text)
    while (at := text.find("%%", pos)) >= 0:
        pos = at + 1
        if at + 2 >= size or text[at + 2] in "{\n":
            continue
        start = at
        while start > done and text[start - 1] in _SPACE_SET:
            start -= 1
        if start and text[start - 1] != "\n":
            start = text.find("\n", start, at) + 1
            if not start:
                continue
        end = text.find("\n", at + 2)
        end = size if end < 0 else end + 1
        spans.append((start, end))
        done = pos = end
    return spans


def next_html_tag(text: str, pos: int, gt: int = -1) -> tuple[int, int, int] | None:
    """The first match of Mermaid's ``/<(\\w+)([^>]*)>/`` at or after ``pos``, as (offset of
    ``<``, end of the tag name, offset of ``>``), or None.

    A ``<`` and a word start a match exactly when a ``>`` follows anywhere later
    (``[^>]*`` crosses lines), and the match ends at the first such ``>``.

    Args:
        text: The text.
        pos: Where to start looking.
        gt: The first ``>`` after some offset not after ``pos``, where the caller knows it
            (the ``>`` of the previous match): a run of ``<`` before one far ``>`` then
            costs one search for it, not one per ``<``.
    """
    while (lt := text.find("<", pos)) >= 0:
        if gt <= lt:
            gt = text.find(">", lt + 1)
            if gt < 0:
                return None  # no ">" after this "<", nor after any later one
        word = _WORD_RUN.match(text, lt + 1)
        if word is not None:
            return lt, word.end(), gt
        pos = lt + 1
    return None


def html_tags(text: str) -> Iterator[tuple[int, int, int]]:
    """Every match of Mermaid's ``/<(\\w+)([^>]*)>/g``, as :func:`next_html_tag` gives it."""
    pos = 0
    gt = -1
    while (tag := next_html_tag(text, pos, gt)) is not None:
        yield tag
        gt = tag[2]
        pos = gt + 1


def quote_attributes(text: str) -> str:
    """Mermaid's ``cleanupText``: inside each HTML-like tag, ``="value"`` becomes
    ``='value'`` (the text keeps its length, so offsets stay valid)."""
    if '="' not in text:
        return text
    pieces = []
    last = 0
    for _, name_end, gt in html_tags(text):
        attributes = text[name_end:gt]
        if '="' in attributes:
            pieces.append(text[last:name_end])
            pieces.append(_ATTR_VALUE.sub(lambda m: "='" + m.group(1) + "'", attributes))
            last = gt
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def style_semicolons(text: str) -> list[int]:
    """Mermaid's ``encodeEntities`` first runs ``/style.*:\\S*#.*;/g`` and then
    ``/classDef.*:\\S*#.*;/g`` over the text and drops the last character of each match: the
    offsets of the ``;`` these two passes drop, sorted.

    A match stays within one line and ends at that line's last ``;``; it exists where the
    word is followed, on its line, by ``:``, a run of non-blanks reaching a ``#``, and a
    ``;`` after that ``#``. The second pass sees the line without the ``;`` of the first.
    """
    if ";" not in text:
        return []
    dropped: list[int] = []
    for word in ("style", "classDef"):
        first_pass = set(dropped)
        pos = 0
        while (at := text.find(word, pos)) >= 0:
            eol = line_end(text, at)
            hash_at = _colour_hash(text, at + len(word), eol)
            if hash_at >= 0:
                semi = text.rfind(";", hash_at + 1, eol)
                while semi in first_pass:
                    semi = text.rfind(";", hash_at + 1, semi)
                if semi >= 0:
                    dropped.append(semi)
            pos = eol + 1
    return sorted(dropped)


def _colour_hash(text: str, start: int, end: int) -> int:
    """The first ``#`` in ``text[start:end]`` reached from a ``:`` by non-blanks only
    (the regex's ``:\\S*#``), or -1."""
    pos = start
    while (colon := text.find(":", pos, end)) >= 0:
        run_end = _NON_SPACES.match(text, colon + 1, end).end()  # type: ignore[union-attr]
        hash_at = text.find("#", colon + 1, run_end)
        if hash_at >= 0:
            return hash_at
        pos = run_end  # a later ":" in this run reaches no "#" either
    return -1
